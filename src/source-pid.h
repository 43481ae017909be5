/* --bind-source-pid: the process in whose view of the files bind sources
 * are found.  It is pinned once, when the option is read: a pidfd, and
 * through /proc/PID its root and mount namespace, opened while the pidfd
 * showed the process alive, so that every later use (checking a source
 * while the plan is built, copying it in pid 1) is of that process and not
 * of whatever has its number by then. */
#ifndef VEIL_SOURCE_PID_H
#define VEIL_SOURCE_PID_H

#include <stdbool.h>
#include <sys/types.h>

#include "error.h"

struct source_process {
	pid_t pid;	     /* 0: veil's own view */
	int pidfd, root, mntns; /* -1 unless pid */
	/* Why the process's view is not the caller's own to vouch for (its
	 * owner, or its user namespace, is another); NULL: it is. */
	char *foreign;
};
#define SOURCE_PROCESS_INIT { .pid = 0, .pidfd = -1, .root = -1, .mntns = -1, .foreign = NULL }

/* Pin process pid (> 0); sp is left as SOURCE_PROCESS_INIT on error. */
int source_process_open(pid_t pid, struct source_process *sp, struct verr *err);
void source_process_close(struct source_process *sp);

#endif
