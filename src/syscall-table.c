/* The shared system call numbers, 424 up to the newest veil knows.  Each
 * entry was checked against the kernel's scripts/syscall.tbl and
 * arch/x86/entry/syscalls/syscall_{32,64}.tbl, arch/arm/tools/syscall.tbl:
 * the same number on every ABI veil filters.  Adding a call here is a
 * review: whatever is not in the built-in list (seccomp-filter.c) is
 * allowed from then on, where before it was refused as unknown. */
#include "config.h"

#include <string.h>

#include "syscall-table.h"

static const char *const shared[] = {
	"pidfd_send_signal",	   /* 424, 5.1 */
	"io_uring_setup",	   /* 425, 5.1 */
	"io_uring_enter",	   /* 426, 5.1 */
	"io_uring_register",	   /* 427, 5.1 */
	"open_tree",		   /* 428, 5.2 */
	"move_mount",		   /* 429, 5.2 */
	"fsopen",		   /* 430, 5.2 */
	"fsconfig",		   /* 431, 5.2 */
	"fsmount",		   /* 432, 5.2 */
	"fspick",		   /* 433, 5.2 */
	"pidfd_open",		   /* 434, 5.3 */
	"clone3",		   /* 435, 5.3 */
	"close_range",		   /* 436, 5.9 */
	"openat2",		   /* 437, 5.6 */
	"pidfd_getfd",		   /* 438, 5.6 */
	"faccessat2",		   /* 439, 5.8 */
	"process_madvise",	   /* 440, 5.10 */
	"epoll_pwait2",		   /* 441, 5.11 */
	"mount_setattr",	   /* 442, 5.12 */
	"quotactl_fd",		   /* 443, 5.14 */
	"landlock_create_ruleset", /* 444, 5.13 */
	"landlock_add_rule",	   /* 445, 5.13 */
	"landlock_restrict_self",  /* 446, 5.13 */
	"memfd_secret",		   /* 447, 5.14 */
	"process_mrelease",	   /* 448, 5.15 */
	"futex_waitv",		   /* 449, 5.16 */
	"set_mempolicy_home_node", /* 450, 5.17 */
	"cachestat",		   /* 451, 6.5 */
	"fchmodat2",		   /* 452, 6.6 */
	"map_shadow_stack",	   /* 453, 6.6 */
	"futex_wake",		   /* 454, 6.7 */
	"futex_wait",		   /* 455, 6.7 */
	"futex_requeue",	   /* 456, 6.7 */
	"statmount",		   /* 457, 6.8 */
	"listmount",		   /* 458, 6.8 */
	"lsm_get_self_attr",	   /* 459, 6.8 */
	"lsm_set_self_attr",	   /* 460, 6.8 */
	"lsm_list_modules",	   /* 461, 6.8 */
	"mseal",		   /* 462, 6.10 */
	"setxattrat",		   /* 463, 6.13 */
	"getxattrat",		   /* 464, 6.13 */
	"listxattrat",		   /* 465, 6.13 */
	"removexattrat",	   /* 466, 6.13 */
	"open_tree_attr",	   /* 467, 6.15 */
	"file_getattr",		   /* 468, 6.17 */
	"file_setattr",		   /* 469, 6.17 */
};

#define N_SHARED ((int)(sizeof shared / sizeof shared[0]))

const int syscall_newest = SYSCALL_SHARED_FIRST + N_SHARED - 1;

int syscall_shared_nr(const char *name)
{
	for (int i = 0; i < N_SHARED; i++)
		if (strcmp(shared[i], name) == 0)
			return SYSCALL_SHARED_FIRST + i;
	return -1;
}

const char *syscall_shared_name(int nr)
{
	if (nr < SYSCALL_SHARED_FIRST || nr > syscall_newest)
		return NULL;
	return shared[nr - SYSCALL_SHARED_FIRST];
}
