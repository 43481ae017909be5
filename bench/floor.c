/*
 * floor.c - the "minimal C floor" for veil's benchmarks.
 *
 * Usage: floor ROOT CMD [ARG...]
 *
 * The least a launcher can do to run one action in ROOT with the same
 * isolation as the compared command lines (see bench/README.md):
 *
 *   - new mount and pid namespaces (one raw clone, no stack: acts like fork);
 *   - ROOT bind-mounted onto itself and made the root with pivot_root,
 *     the old root detached;
 *   - a tmpfs on /dev holding only a bind of the host's /dev/null;
 *   - a fresh proc on /proc;
 *   - pid 1 of the new namespace forks CMD, waits for it and exits with
 *     its status (it supervises, as veil does); the outer parent waits
 *     for pid 1 and exits with its status.
 *
 * No options, no cleanup, no messages beyond err(3). ROOT must contain
 * dev/ and proc/ directories (bench/mkroot.sh makes such a root).
 * Needs root (CAP_SYS_ADMIN); no user namespace is used.
 */
#define _GNU_SOURCE
#include <err.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* Wait for pid and turn its wait status into an exit status. */
static int wait_status(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		err(1, "waitpid");
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);
}

/* Runs as pid 1 of the new pid namespace, in the new mount namespace. */
static void child(const char *root, char **argv)
{
	pid_t pid;
	int fd;

	/* Keep our mounts from propagating back to the host. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		err(1, "make / private");
	/* pivot_root needs the new root to be a mount point. */
	if (mount(root, root, NULL, MS_BIND | MS_REC, NULL) < 0)
		err(1, "bind %s", root);
	/* Enter the bind mount (not the directory under it). */
	if (chdir(root) < 0)
		err(1, "chdir %s", root);

	/* /dev: a tmpfs with the host's /dev/null bound into it.  Done
	 * before pivot_root, while the host's /dev is still reachable. */
	if (mount("tmpfs", "dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755") < 0)
		err(1, "mount tmpfs on dev");
	if ((fd = open("dev/null", O_WRONLY | O_CREAT | O_CLOEXEC, 0666)) < 0)
		err(1, "create dev/null");
	close(fd);
	if (mount("/dev/null", "dev/null", NULL, MS_BIND, NULL) < 0)
		err(1, "bind dev/null");

	/* Stack the old root under the new one, then detach it. */
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		err(1, "pivot_root");
	if (umount2(".", MNT_DETACH) < 0)
		err(1, "detach old root");
	if (chdir("/") < 0)
		err(1, "chdir /");

	/* A proc for this pid namespace. */
	if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
		err(1, "mount proc");

	/* Supervise: run CMD as pid 2 and exit with its status. */
	if ((pid = fork()) < 0)
		err(1, "fork");
	if (pid == 0) {
		execvp(argv[0], argv);
		err(127, "exec %s", argv[0]);
	}
	_exit(wait_status(pid));
}

int main(int argc, char **argv)
{
	long pid;

	if (argc < 3)
		errx(2, "usage: floor ROOT CMD [ARG...]");

	/* NULL stack: the child gets a copy of our stack, as with fork. */
	pid = syscall(SYS_clone, CLONE_NEWNS | CLONE_NEWPID | SIGCHLD,
		      NULL, NULL, NULL, 0);
	if (pid < 0)
		err(1, "clone");
	if (pid == 0)
		child(argv[1], argv + 2);
	return wait_status((pid_t)pid);
}
