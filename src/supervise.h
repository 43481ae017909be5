/* Waiting and signals.  Two supervisors: veil itself, outside, waits for
 * pid 1 of the new pid namespace and passes signals on to it; pid 1 waits
 * for the command, reaps whatever is orphaned inside, and passes signals on
 * to the command.  When the command ends, pid 1 exits with its status and
 * the kernel kills everything left in the namespace. */
#ifndef VEIL_SUPERVISE_H
#define VEIL_SUPERVISE_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

struct limits;
struct terminal;
struct verr;

/* Block the signals veil forwards, and SIGCHLD, so they queue until a
 * supervisor collects them; *old receives the mask to give the command. */
void supervise_block_signals(sigset_t *old);

/* In veil: wait for pid 1, enforcing limits->timeout (SIGTERM to pid 1,
 * which passes it on to the command, then after limits->kill_after SIGKILL
 * to pid 1, which takes the whole pid namespace with it); returns veil's
 * exit status, VEIL_EXIT_TIMEOUT once the timeout has fired. */
int supervise_outer(pid_t pid1, const struct limits *limits, struct terminal *t, bool *timed_out);

/* The wait status of the child the last supervise_* call waited for:
 * pid 1 in veil, the command in pid 1. */
int supervise_last_wait_status(void);

/* Note veil's parent: first thing in main(), for --die-with-parent. */
void supervise_note_parent(void);
/* --die-with-parent: when veil's parent dies, veil's supervisor kills pid 1
 * with SIGKILL, which takes the whole action with it.  Call once the
 * supervised signals are blocked; fails if the parent is already gone. */
int supervise_die_with_parent(struct verr *err);

/* In pid 1: wait for the command; returns the status pid 1 exits with.
 * Every signal is passed on, the terminal's too (the command is in a
 * process group of its own); the command's stops are reported to veil
 * over t's link (terminal.h). */
int supervise_pid1(pid_t command, const struct terminal *t);

/* The coreutils convention: the exit code, or 128 + the signal number. */
int exit_code_of(int wait_status);

#endif
