/* --pty, in pid 1: a pseudo-terminal of the sandbox's own for the command.
 * Allocated from the sandbox's /dev/ptmx (its own devpts), so the host's
 * devpts never sees it and the command's ttyname() names it; set as the
 * caller's terminal is (termios, window size).  veil relays its master
 * (terminal.c). */
#ifndef VEIL_PTY_H
#define VEIL_PTY_H

#include "error.h"

/* Open the pair, copy the settings of the terminal on fd 0 to the slave;
 * the master and slave are close-on-exec. */
int pty_open(int *master, int *slave, struct verr *err);

/* pid 1 in a session of its own: make the slave its controlling terminal,
 * so that the command's group can be that terminal's foreground. */
int pty_make_controlling(int slave, struct verr *err);

#endif
