/* The system calls numbered from 424 up, which every architecture shares
 * (since Linux 5.1, each new call takes the same number everywhere; on
 * x86-64's x32 ABI with bit 30 set).  veil keeps its own reviewed table of
 * them, so that rules can name calls libseccomp 2.5 does not know, and so
 * that a call newer than the table can be told from one it knows by one
 * comparison. */
#ifndef VEIL_SYSCALL_TABLE_H
#define VEIL_SYSCALL_TABLE_H

/* The first shared number (pidfd_send_signal, Linux 5.1). */
#define SYSCALL_SHARED_FIRST 424
/* The end of the numbers a rule may give: from 512 on, x86-64's x32 ABI
 * has calls of its own (512 to 547), so a number there is not shared. */
#define SYSCALL_SHARED_END 512

/* The newest call in the table (file_setattr, 469, Linux 6.17). */
extern const int syscall_newest;

/* The shared number of name, or -1 if the table does not have it. */
int syscall_shared_nr(const char *name);
/* The name of shared number nr, or NULL. */
const char *syscall_shared_name(int nr);

#endif
