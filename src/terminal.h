/* The caller's terminal and job control.
 *
 * The command runs in a process group of its own, so that kill(0, ...)
 * inside reaches only the sandbox's processes (the processes of veil's
 * group outside have no pid in the action's pid namespace, so no other
 * group of theirs can be named either).  veil gives the terminal to that
 * group, if veil's group has it, from the start when veil's stdout is the
 * terminal too (veil is its job's last command), else once the command
 * asks for it (it is stopped by SIGTTIN or SIGTTOU): so that in `veil --
 * make | less` less keeps it.  Only veil can tell who has the terminal:
 * inside the pid namespace the groups outside all read as 0.
 *
 * Stops go the other way: pid 1 tells veil that the command stopped, and
 * veil stops its own group (its job, as the user's shell sees it) with the
 * same signal; when it is continued, it gives the terminal back to the
 * command's group if that had it, and continues the command's group.
 *
 * --pty: the command's terminal is a pty of the sandbox's own devpts, of
 * which veil relays the master; the caller's terminal is raw meanwhile,
 * and its settings are restored whenever veil stops or ends.
 *
 * pid 1 and the command (until its exec) talk to veil over the link, a
 * socket pair: the command says hello (its pid in veil's namespace comes
 * with the message, as SCM_CREDENTIALS), pid 1 reports stops and sends
 * the pty's master. */
#ifndef VEIL_TERMINAL_H
#define VEIL_TERMINAL_H

#include <poll.h>
#include <stdbool.h>
#include <sys/types.h>
#include <termios.h>

#include "error.h"

struct plan;

struct terminal {
	int link[2];	/* [0] veil's end, [1] pid 1's and the command's; -1: no link */
	int tty;	/* veil's controlling terminal, -1: none (no job control) */
	bool pty;	/* --pty, and stdin is a terminal */
	bool own_session; /* pid 1 and the command left veil's session (--new-session, --pty) */
	pid_t pgid;	/* the command's process group in veil's namespace; 0: not known yet */
	bool wants;	/* the command asked for the terminal (stopped by SIGTTIN/SIGTTOU) */
	bool handed;	/* veil gave the terminal to the command's group */
	int master;	/* --pty: the pty's master, -1: none (yet) */
	int out;	/* --pty: where the master's output goes (veil's 1 or 2), -1: nowhere */
	bool raw;	/* --pty: the caller's terminal is raw; saved is how it was */
	struct termios saved;
	char in[4096];	/* --pty: typed, not yet written to the master */
	size_t n_in;
	bool in_done;	/* --pty: stdin is at its end or failed */
};

#define TERMINAL_INIT                                                                              \
	{ .link = { -1, -1 }, .tty = -1, .master = -1, .out = -1 }

/* --pty, and stdin is a terminal: the command gets a pty of its own (the
 * same answer in veil and in pid 1, which share the descriptors). */
bool terminal_pty_wanted(const struct plan *plan);
/* In veil, before the clone: look for the controlling terminal, decide on
 * --pty, make the link when there is anything to talk about. */
int terminal_prepare(struct terminal *t, const struct plan *plan, struct verr *err);
/* In veil once pid 1 exists: close pid 1's end of the link. */
void terminal_started(struct terminal *t);

/* In the command's process, right after fork: its own process group (or,
 * with a pty, the pty's foreground group and fds), then hello to veil. */
void terminal_command_side(const struct terminal *t, int pty_slave);
/* In pid 1, once the command is forked: the same group, from this side, so
 * that neither waits on the other. */
void terminal_pid1_side(const struct terminal *t, pid_t command, int pty_slave);
/* In pid 1: the command stopped with signal sig. */
void terminal_report_stop(const struct terminal *t, int sig);
/* In pid 1: pass the pty's master to veil. */
void terminal_send_master(const struct terminal *t, int master);

/* In veil's supervisor.  terminal_poll_fds() fills up to 3 pollfds (the
 * link, stdin, the master) and returns how many; terminal_poll_done()
 * handles what poll() found in them. */
int terminal_poll_fds(struct terminal *t, struct pollfd *fds);
void terminal_poll_done(struct terminal *t, const struct pollfd *fds, int n);
/* The job-control signals (SIGTSTP, SIGCONT, SIGWINCH) veil collects when
 * there is a terminal; false for the others. */
bool terminal_signal(struct terminal *t, int sig);
/* Block those signals (after the clone: pid 1 keeps them as they were). */
void terminal_block_signals(const struct terminal *t);
/* pid 1 is gone: drain the master, restore the caller's terminal, and
 * give the terminal back to veil's group if the command's had it. */
void terminal_end(struct terminal *t);

#endif
