#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "limit.h"
#include "supervise.h"

static const int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };

/* --die-with-parent: veil's parent when it started, and whether veil is
 * to kill the action when that parent dies. */
static pid_t first_parent;
static bool die_with_parent;
/* The wait status of the child the last supervisor waited for. */
static int last_status;

void supervise_note_parent(void)
{
	first_parent = getppid();
}

/* The kernel sends veil SIGTERM when its parent dies.  SIGTERM is one of
 * the signals the supervisor collects, so it is not lost during the setup;
 * the supervisor tells it from a SIGTERM that is to be passed on by
 * getppid(), which names another process once the parent is gone.  The
 * check after prctl() closes the race with a parent that died before it
 * (or before main() noted the parent). */
int supervise_die_with_parent(struct verr *err)
{
	if (!first_parent)
		first_parent = getppid();
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) < 0)
		return verr_errno(err, errno, "--die-with-parent");
	if (getppid() != first_parent)
		return verr_set(err, "--die-with-parent: the parent process has already died");
	die_with_parent = true;
	return 0;
}

int supervise_last_wait_status(void)
{
	return last_status;
}

static void supervised_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGCHLD);
	for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
		sigaddset(set, forwarded[i]);
}

void supervise_block_signals(sigset_t *old)
{
	sigset_t set;

	supervised_set(&set);
	sigprocmask(SIG_BLOCK, &set, old);
}

int exit_code_of(int wait_status)
{
	if (WIFSIGNALED(wait_status))
		return 128 + WTERMSIG(wait_status);
	return WEXITSTATUS(wait_status);
}

/* A signal the terminal generated (Ctrl-C, a hang-up) reached the whole
 * foreground process group, the command included: passing it on as well
 * would deliver it twice.  Signals sent by a process are passed on.  With
 * --new-session the command is in a session of its own, which the
 * terminal's signals do not reach: pid 1, which is still in veil's process
 * group, passes those on too (forward_kernel). */
static bool should_forward(const siginfo_t *si, bool forward_kernel)
{
	return forward_kernel || si->si_code != SI_KERNEL;
}

/* The --timeout state of the outer supervisor.  Deadlines are on
 * CLOCK_MONOTONIC, so changing the clock does not change them. */
enum timeout_phase {
	NO_DEADLINE,	/* no timeout, or the action has been killed */
	RUNNING,	/* at the deadline: SIGTERM (or SIGKILL, kill-after 0) */
	TERM_SENT,	/* at the deadline: SIGKILL */
};

struct deadline {
	enum timeout_phase phase;
	struct timespec at;
	const struct limits *limits;
	bool expired; /* the timeout fired: veil exits 124 */
};

static struct timespec timespec_add(struct timespec t, double seconds)
{
	time_t whole = (time_t)seconds;
	long ns = (long)((seconds - (double)whole) * 1e9 + 0.5);

	t.tv_sec += whole;
	t.tv_nsec += ns;
	while (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/* Time left until `at`; false when it has passed. */
static bool time_left(const struct timespec *at, struct timespec *left)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	left->tv_sec = at->tv_sec - now.tv_sec;
	left->tv_nsec = at->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_sec--;
		left->tv_nsec += 1000000000L;
	}
	return left->tv_sec > 0 || (left->tv_sec == 0 && left->tv_nsec > 0);
}

/* A deadline has passed: move on to the next phase.  Killing pid 1 makes
 * the kernel kill every other process of its pid namespace. */
static void deadline_passed(struct deadline *d, pid_t child)
{
	char t[64];

	if (d->phase == RUNNING) {
		d->expired = true;
		limits_format_seconds(d->limits->timeout, t, sizeof t);
		if (d->limits->kill_after > 0) {
			trace("timeout: %s s expired, sending SIGTERM", t);
			kill(child, SIGTERM); /* pid 1 passes it on to the command */
			d->at = timespec_add(d->at, d->limits->kill_after);
			d->phase = TERM_SENT;
			return;
		}
		trace("timeout: %s s expired, killing the action", t);
	} else {
		trace("kill-after expired, killing the action");
	}
	kill(child, SIGKILL);
	d->phase = NO_DEADLINE;
}

/* Wait for `child`, forwarding signals to it; reap any other child too
 * (pid 1 inherits every orphan of the namespace).  With a deadline, also
 * enforce the timeout on it.  Returns its wait status. */
static int wait_forwarding(pid_t child, struct deadline *d, bool forward_kernel)
{
	struct timespec left;
	sigset_t set;
	siginfo_t si;
	int status, sig;

	supervised_set(&set);
	for (;;) {
		if (d && d->phase != NO_DEADLINE) {
			if (!time_left(&d->at, &left)) {
				deadline_passed(d, child);
				continue;
			}
			sig = sigtimedwait(&set, &si, &left);
		} else {
			sig = sigwaitinfo(&set, &si);
		}
		if (sig < 0)
			continue; /* EAGAIN: a deadline; EINTR: a stop/continue, or a debugger */
		if (si.si_signo != SIGCHLD) {
			/* Only veil's own supervisor (the one with a deadline) has
			 * a parent outside: pid 1's is always 0. */
			if (d && die_with_parent && getppid() != first_parent) {
				trace("the parent died: killing the action");
				die_with_parent = false;
				kill(child, SIGKILL);
				continue;
			}
			if (should_forward(&si, forward_kernel))
				kill(child, si.si_signo);
			continue;
		}
		for (;;) {
			pid_t pid = waitpid(-1, &status, WNOHANG);
			if (pid == child)
				return last_status = status;
			if (pid <= 0)
				break;
		}
	}
}

int supervise_outer(pid_t pid1, const struct limits *limits, bool *timed_out)
{
	struct deadline d = { .phase = NO_DEADLINE, .limits = limits };
	int status;

	if (limits->timeout > 0) {
		clock_gettime(CLOCK_MONOTONIC, &d.at);
		d.at = timespec_add(d.at, limits->timeout);
		d.phase = RUNNING;
	}
	status = wait_forwarding(pid1, &d, false);
	if (timed_out)
		*timed_out = d.expired;
	/* As coreutils timeout: 124 once the timeout has fired, even if the
	 * command then exited by itself. */
	return d.expired ? VEIL_EXIT_TIMEOUT : exit_code_of(status);
}

int supervise_pid1(pid_t command, bool new_session)
{
	int status = wait_forwarding(command, NULL, new_session);

	trace("command exited with status %d", exit_code_of(status));
	return exit_code_of(status);
}
