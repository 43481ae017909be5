#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "source-pid.h"
#include "util.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

void source_process_close(struct source_process *sp)
{
	int *fds[] = { &sp->pidfd, &sp->root, &sp->mntns };

	for (size_t i = 0; i < sizeof fds / sizeof *fds; i++)
		if (*fds[i] >= 0)
			close(*fds[i]);
	free(sp->foreign);
	*sp = (struct source_process)SOURCE_PROCESS_INIT;
}

static bool same_file(int a, int b)
{
	struct stat sa, sb;

	return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 && same_inode(&sa, &sb);
}

/* A process owned by someone else, or in a user namespace of its own
 * (which any user can make, and mount what it likes in), sees files that
 * its owner chose: bound into an action run by root, a planted
 * /etc/passwd.  Say why, for the error that asks for --trust-source-pid. */
static char *foreign_view(int procdir, pid_t pid)
{
	struct stat st;
	int theirs, ours;
	bool other_ns;

	if (fstat(procdir, &st) < 0)
		return xasprintf("process %ld cannot be looked at", (long)pid);
	if (st.st_uid != getuid())
		return xasprintf("process %ld belongs to uid %u, not to veil's caller (uid %u)",
				 (long)pid, (unsigned)st.st_uid, (unsigned)getuid());
	theirs = openat(procdir, "ns/user", O_RDONLY | O_CLOEXEC);
	ours = open("/proc/self/ns/user", O_RDONLY | O_CLOEXEC);
	other_ns = theirs < 0 || ours < 0 || !same_file(theirs, ours);
	if (theirs >= 0)
		close(theirs);
	if (ours >= 0)
		close(ours);
	if (other_ns)
		return xasprintf("process %ld is in another user namespace than veil", (long)pid);
	return NULL;
}

int source_process_open(pid_t pid, struct source_process *sp, struct verr *err)
{
	char path[64];
	int procdir;

	*sp = (struct source_process)SOURCE_PROCESS_INIT;
	sp->pid = pid;
	sp->pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (sp->pidfd < 0) {
		verr_errno(err, errno, "process %ld", (long)pid);
		goto fail;
	}
	snprintf(path, sizeof path, "/proc/%ld", (long)pid);
	procdir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (procdir >= 0) {
		sp->root = openat(procdir, "root", O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (sp->root >= 0)
			sp->mntns = openat(procdir, "ns/mnt", O_RDONLY | O_CLOEXEC);
	}
	if (procdir < 0 || sp->root < 0 || sp->mntns < 0) {
		verr_errno(err, errno == ENOENT ? ESRCH : errno, "process %ld", (long)pid);
		if (procdir >= 0)
			close(procdir);
		goto fail;
	}
	sp->foreign = foreign_view(procdir, pid);
	close(procdir);
	/* Still alive now, so the number was still its own while /proc/PID
	 * was opened: those descriptors are the pinned process's. */
	if (syscall(SYS_pidfd_send_signal, sp->pidfd, 0, NULL, 0) < 0 && errno == ESRCH) {
		verr_errno(err, ESRCH, "process %ld", (long)pid);
		goto fail;
	}
	return 0;
fail:
	source_process_close(sp);
	return -1;
}
