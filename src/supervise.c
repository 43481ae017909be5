#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "limit.h"
#include "supervise.h"
#include "terminal.h"

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

/* In veil: a signal the terminal generated (Ctrl-C, a hang-up) reached
 * the whole foreground process group, and pid 1 is in veil's: pid 1
 * passes it on, veil passing it on as well would deliver it twice.
 * Signals sent by a process are passed on.  With --new-session or --pty,
 * pid 1 is in a session of its own, which the caller's terminal's signals
 * do not reach: veil passes those on too (forward_kernel). */
static bool should_forward(int si_code, bool forward_kernel)
{
	return forward_kernel || si_code != SI_KERNEL;
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

/* veil's own supervisor has a parent outside, pid 1's is always 0. */
static bool parent_died(pid_t child)
{
	if (!die_with_parent || getppid() == first_parent)
		return false;
	trace("the parent died: killing the action");
	die_with_parent = false;
	kill(child, SIGKILL);
	return true;
}

/* Reap what has ended (pid 1 inherits every orphan of the namespace);
 * true once `child` has.  With a link, pid 1 also sees the command stop
 * (WUNTRACED), and tells veil, which stops its job in turn. */
static bool reap(pid_t child, const struct terminal *t)
{
	int flags = WNOHANG | (t && t->link[1] >= 0 ? WUNTRACED : 0);
	int status;

	for (;;) {
		pid_t pid = waitpid(-1, &status, flags);
		if (pid <= 0)
			return false;
		if (pid != child)
			continue;
		if (WIFSTOPPED(status)) {
			terminal_report_stop(t, WSTOPSIG(status));
			continue;
		}
		last_status = status;
		return true;
	}
}

/* pid 1: wait for the command, forwarding signals to it.  Every signal
 * that reaches pid 1 is passed on, the terminal's too: the command is in
 * a process group of its own, which a signal the terminal sent to veil's
 * group (pid 1 is in it) did not reach. */
static int wait_command(pid_t child, const struct terminal *t)
{
	sigset_t set;
	siginfo_t si;

	supervised_set(&set);
	for (;;) {
		if (sigwaitinfo(&set, &si) < 0)
			continue; /* EINTR: a stop/continue, or a debugger */
		if (si.si_signo != SIGCHLD)
			kill(child, si.si_signo);
		else if (reap(child, t))
			return last_status;
	}
}

/* veil: wait for pid 1, forwarding signals to it, enforcing the deadline,
 * relaying the terminal.  The signals arrive on a signalfd, so that one
 * poll() waits for them, the link and the pty together. */
static int wait_pid1(pid_t child, struct deadline *d, struct terminal *t)
{
	struct pollfd fds[4];
	struct timespec left;
	sigset_t set;
	int sfd, n;

	supervised_set(&set);
	if (t->link[0] >= 0) {
		sigaddset(&set, SIGTSTP);
		sigaddset(&set, SIGCONT);
		sigaddset(&set, SIGWINCH);
	}
	sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sfd < 0) {
		/* Without it veil would wait for nothing: end the action. */
		trace("signalfd: %s: killing the action", strerror(errno));
		kill(child, SIGKILL);
		while (waitpid(child, &last_status, 0) < 0 && errno == EINTR)
			;
		return last_status;
	}
	for (;;) {
		struct signalfd_siginfo si;

		if (d->phase != NO_DEADLINE && !time_left(&d->at, &left)) {
			deadline_passed(d, child);
			continue;
		}
		fds[0] = (struct pollfd){ .fd = sfd, .events = POLLIN };
		n = 1 + terminal_poll_fds(t, fds + 1);
		if (ppoll(fds, (nfds_t)n, d->phase != NO_DEADLINE ? &left : NULL, NULL) <= 0)
			continue; /* a deadline, or EINTR */
		terminal_poll_done(t, fds + 1, n - 1);
		while (read(sfd, &si, sizeof si) == (ssize_t)sizeof si) {
			int sig = (int)si.ssi_signo;

			if (sig == SIGCHLD) {
				if (reap(child, NULL)) {
					close(sfd);
					return last_status;
				}
			} else if (parent_died(child) || terminal_signal(t, sig)) {
				continue;
			} else if (should_forward(si.ssi_code, t->own_session)) {
				kill(child, sig);
			}
		}
	}
}

int supervise_outer(pid_t pid1, const struct limits *limits, struct terminal *t, bool *timed_out)
{
	struct deadline d = { .phase = NO_DEADLINE, .limits = limits };
	int status;

	if (limits->timeout > 0) {
		clock_gettime(CLOCK_MONOTONIC, &d.at);
		d.at = timespec_add(d.at, limits->timeout);
		d.phase = RUNNING;
	}
	terminal_block_signals(t);
	status = wait_pid1(pid1, &d, t);
	terminal_end(t);
	if (timed_out)
		*timed_out = d.expired;
	/* As coreutils timeout: 124 once the timeout has fired, even if the
	 * command then exited by itself. */
	return d.expired ? VEIL_EXIT_TIMEOUT : exit_code_of(status);
}

int supervise_pid1(pid_t command, const struct terminal *t)
{
	int status = wait_command(command, t);

	trace("command exited with status %d", exit_code_of(status));
	return exit_code_of(status);
}
