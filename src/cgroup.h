/* cgroup v2 limits for the action: --memory, --pids, --cpu, --cgroup-parent.
 *
 * With any of them, veil makes one cgroup for the action, under its own
 * cgroup (the "0::" line of /proc/self/cgroup) or under the parent named,
 * in the cgroup2 file system wherever /proc/self/mountinfo says it is
 * mounted; writes the limits; moves pid 1 in before the command starts
 * (so every process of the action is in it); and removes it once the
 * action is dead.  Without them, veil does not touch cgroups at all.
 *
 * The handlers validate while the plan is built; the rest runs in veil,
 * outside the namespaces.  The text parsers are exposed for the tests. */
#ifndef VEIL_CGROUP_H
#define VEIL_CGROUP_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "ops.h"
#include "plan.h"

#define CGROUP_CPU_PERIOD 100000 /* µs: cpu.max's period, the kernel's default */

int op_memory(struct builder *b, const struct op *op, char *const *args, const char *origin,
	      struct verr *err);
int op_pids(struct builder *b, const struct op *op, char *const *args, const char *origin,
	    struct verr *err);
int op_cpu(struct builder *b, const struct op *op, char *const *args, const char *origin,
	   struct verr *err);
int op_cgroup_parent(struct builder *b, const struct op *op, char *const *args,
		     const char *origin, struct verr *err);

/* Is a cgroup needed: a limit, or a parent, was asked for. */
bool cgroup_wanted(const struct cgroup_limits *c);
void cgroup_limits_free(struct cgroup_limits *c);
/* The --dry-run lines; nothing when no cgroup is wanted. */
void cgroup_print(const struct cgroup_limits *c, FILE *out);

/* The action's cgroup while it exists. */
struct action_cgroup {
	char *path;	/* in the file system; NULL: none */
	int fd;		/* its directory */
	/* When veil had to leave its own cgroup (see cgroup.c): */
	char *own;	/* veil's own cgroup, to go back to */
	char *self;	/* the cgroup veil moved into meanwhile */
	char enabled[64]; /* the controllers veil enabled in `own`, "+memory +pids" */
};
#define ACTION_CGROUP_INIT { .path = NULL, .fd = -1, .own = NULL, .self = NULL, .enabled = "" }

/* Make the cgroup and write the limits.  An error says why cgroup v2
 * cannot be used for them; nothing is left behind. */
int cgroup_create(const struct cgroup_limits *lim, struct action_cgroup *cg, struct verr *err);
/* Move a process (pid 1, before it is let go) into it. */
int cgroup_enter(const struct action_cgroup *cg, pid_t pid, struct verr *err);

/* What the cgroup measured; -1 where the file is missing (the controller
 * is not enabled for the cgroup, or the kernel is too old). */
struct cgroup_figures {
	long long user_usec, system_usec; /* cpu.stat */
	long long memory_peak;		  /* memory.peak, bytes */
	long long oom_kills;		  /* memory.events oom_kill */
	long long pids_peak;		  /* pids.peak */
};
void cgroup_read_figures(const struct action_cgroup *cg, struct cgroup_figures *f);

/* After the action: if the memory limit made the kernel kill any of its
 * processes, say so on stderr. */
void cgroup_report_oom(const struct action_cgroup *cg, const struct cgroup_limits *lim);

/* Remove it, once every process in it is dead (and reaped); put veil back
 * where it was.  Problems are reported on stderr, not fatal. */
void cgroup_remove(struct action_cgroup *cg);

/* --- text parsers, for the tests ------------------------------------------ */

/* The cgroup v2 path of /proc/PID/cgroup text (its "0::" line), or NULL. */
char *cgroup_v2_path(const char *proc_cgroup);
/* The directory of cgroup path `cgpath` in the first cgroup2 mount of the
 * mountinfo text that shows it, or NULL when none does. */
char *cgroup_v2_dir(const char *mountinfo, const char *cgpath);
/* Whether `path` is at or under the mount point of a cgroup2 mount. */
bool cgroup_v2_under_mount(const char *mountinfo, const char *path);
/* Where the cgroup v1 hierarchy with `controller` is mounted, or NULL. */
char *cgroup_v1_mount(const char *mountinfo, const char *controller);
/* Whether the space-separated list has the word. */
bool cgroup_list_has(const char *list, const char *word);

#endif
