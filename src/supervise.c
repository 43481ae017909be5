#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <sys/wait.h>

#include "error.h"
#include "supervise.h"

static const int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };

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
 * would deliver it twice.  Signals sent by a process are passed on. */
static bool should_forward(const siginfo_t *si)
{
	return si->si_code != SI_KERNEL;
}

/* Wait for `child`, forwarding signals to it; reap any other child too
 * (pid 1 inherits every orphan of the namespace).  Returns its wait status. */
static int wait_forwarding(pid_t child)
{
	sigset_t set;
	siginfo_t si;
	int status;

	supervised_set(&set);
	for (;;) {
		if (sigwaitinfo(&set, &si) < 0)
			continue; /* EINTR: a stop/continue, or a debugger */
		if (si.si_signo != SIGCHLD) {
			if (should_forward(&si))
				kill(child, si.si_signo);
			continue;
		}
		for (;;) {
			pid_t pid = waitpid(-1, &status, WNOHANG);
			if (pid == child)
				return status;
			if (pid <= 0)
				break;
		}
	}
}

int supervise_outer(pid_t pid1)
{
	return exit_code_of(wait_forwarding(pid1));
}

int supervise_pid1(pid_t command)
{
	int status = wait_forwarding(command);

	trace("command exited with status %d", exit_code_of(status));
	return exit_code_of(status);
}
