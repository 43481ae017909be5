/* The plan: everything one veil run will do, as plain data.
 *
 * The command line (and, later, profiles) feed the builder in ops.c; the
 * finished plan is validated, printable with --dry-run, and handed to the
 * executor, which only reads it.  Nothing here touches namespaces or mounts,
 * so the unit tests exercise all of it without privileges. */
#ifndef VEIL_PLAN_H
#define VEIL_PLAN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>

#include "error.h"
#include "source-pid.h"

/* One step of the filesystem setup, applied inside the new root in order. */
enum mount_kind {
	MOUNT_BIND,	  /* src (host path) onto dest */
	MOUNT_PROC,	  /* fresh proc for the new pid namespace */
	MOUNT_SYSFS,	  /* fresh read-only sysfs (or a read-only bind of /sys) */
	MOUNT_DEV,	  /* minimal /dev: tmpfs, device nodes, pts, symlinks */
	MOUNT_TMPFS,	  /* size, mode */
	MOUNT_DIR,	  /* mode */
	MOUNT_SYMLINK,	  /* src is the link's target */
	MOUNT_REMOUNT_RO, /* make the mount at dest read-only */
	MOUNT_CHMOD,	  /* mode */
	MOUNT_PIN,	  /* make dest, a directory or a symlink, a mount point (config-guard.c) */
};

#define STEP_RO (1u << 0)	/* bind: read-only, recursively */
#define STEP_TRY (1u << 1)	/* bind: skip when the source is missing */
#define STEP_DEVICES (1u << 2)	/* bind: device nodes work (no nodev) */
#define STEP_MODE_SET (1u << 3) /* dir/tmpfs: mode came from --perms */
#define STEP_MASK 0xfu

/* --dev: the sizes of its tmpfs and of the tmpfs on its shm, unless
 * --size and --shm-size say otherwise: room for device nodes and links,
 * and what Docker gives /dev/shm, so that the action cannot fill the
 * host's memory through either. */
#define DEV_SIZE_DEFAULT (64ULL << 10)
#define SHM_SIZE_DEFAULT (64ULL << 20)

struct mount_step {
	enum mount_kind kind;
	unsigned flags;
	char *src;
	char *dest;
	mode_t mode;
	unsigned long long size; /* tmpfs, dev; 0 = the kernel's default */
	char *origin;		 /* "--bind", "default", later "FILE:LINE" */
	/* bind-cwd: the source is the directory veil was started in (the
	 * plan's cwd_fd), whatever src, its path, names by the time veil
	 * binds it; src is there for --dry-run and the messages. */
	bool source_is_cwd;
};

enum env_kind {
	ENV_SET,
	ENV_UNSET,
	ENV_CLEAR, /* everything but the variables of ENV_KEEP steps */
	ENV_KEEP,
};

struct env_step {
	enum env_kind kind;
	char *name;
	char *value;
	char *origin;
};

enum root_kind {
	ROOT_UNSET, /* not chosen yet: plan_finish picks the default */
	ROOT_TMPFS, /* an empty tmpfs, as bwrap starts from */
	ROOT_BIND,  /* a host directory, recursively bound */
};

struct root {
	enum root_kind kind;
	char *path;
	unsigned flags; /* STEP_RO, STEP_DEVICES, as for a bind */
	char *origin;
};

/* A single value that a later option replaces, and where it came from. */
struct setting {
	char *value;
	char *origin;
};

/* [security], --cap-add, --cap-drop, --seccomp: applied to the command
 * just before exec (security.c, capabilities.c, seccomp-*.c). */
enum seccomp_mode {
	SECCOMP_NONE,	 /* no filter */
	SECCOMP_DEFAULT, /* veil's built-in deny list */
	SECCOMP_RULES,	 /* the rules below, with default_action for the rest */
};

enum seccomp_action { SC_ALLOW, SC_ERRNO, SC_KILL, SC_LOG };

struct seccomp_rule {
	char *syscall;		    /* a name libseccomp or syscall-table.c knows, or a number 424-511 */
	enum seccomp_action action;
	int errnum;		    /* SC_ERRNO: EPERM unless named */
	char *origin;
};

struct security {
	uint64_t caps_keep; /* bit N: keep capability N; none unless asked */
	enum seccomp_mode seccomp;
	enum seccomp_action default_action; /* SECCOMP_RULES: for unlisted calls */
	int default_errnum;
	struct seccomp_rule *rules;
	size_t n_rules, cap_rules;
	/* --keep-fd: descriptors above 2 that reach the command, ascending,
	 * each once; every other one is closed at exec. */
	int *keep_fds;
	size_t n_keep_fds, cap_keep_fds;
	bool new_session; /* --new-session: the command out of the caller's session */
	/* --pty: when stdin is a terminal, the command's terminal is a pty of
	 * the sandbox's own, which veil relays (terminal.c, pty.c). */
	bool pty;
	/* The command is uid 0 to the host (a root caller, not nobody), set
	 * when the plan is finished: veil's BPF head refuses it root's
	 * keyrings and, unless nested_userns, new user namespaces. */
	bool root_outside;
	/* --nested-userns: where it was asked for (NULL: not). */
	char *nested_userns;
};

/* [security] landlock and host-sockets, --landlock, --host-sockets
 * (landlock.c): the command's Landlock domain, on unless turned off. */
struct landlock_setting {
	bool off;	   /* landlock = no: no domain */
	bool host_sockets; /* yes: unix sockets made outside the action stay reachable */
	char *off_origin, *host_sockets_origin; /* NULL: not set (the default) */
};

/* [limits], --timeout, --kill-after, --rlimit (limit.c, supervise.c). */
struct rlimit_step {
	int resource; /* RLIMIT_* */
	struct rlimit value;
	char *origin;
};

struct limits {
	double timeout;	   /* seconds; 0 = none */
	double kill_after; /* seconds between SIGTERM and SIGKILL on timeout */
	char *timeout_origin, *kill_after_origin; /* NULL: not set (the default) */
	struct rlimit_step *rlimits;
	size_t n_rlimits, cap_rlimits;
};

/* --uid, --gid: the id the command has inside its user namespace, to which
 * the caller's own id outside is mapped (unset: the caller's id). */
struct id_setting {
	bool set;
	unsigned id;
	char *origin;
};

/* [limits] memory, pids, cpu, cgroup-parent; --memory, --pids, --cpu,
 * --cgroup-parent (cgroup.c).  veil makes a cgroup v2 cgroup for the
 * action only when one of these is set: otherwise it leaves cgroups alone. */
struct cgroup_limits {
	unsigned long long memory; /* memory.max in bytes; 0: no limit */
	unsigned long pids;	   /* pids.max; 0: no limit */
	double cpu;		   /* cpu.max in cores; 0: no limit */
	char *memory_origin, *pids_origin, *cpu_origin;
	char *parent;		   /* where to make it; NULL: under veil's own cgroup */
	char *parent_origin;
};

/* The namespaces a plan may add to mount and pid, which are always new. */
#define PLAN_NAMESPACES 5
extern const struct plan_namespace {
	unsigned long flag; /* CLONE_NEW* */
	const char *name;
} plan_namespaces[PLAN_NAMESPACES];

struct plan {
	unsigned long namespaces;		/* CLONE_NEW* flags; mount and pid always */
	char *ns_origin[PLAN_NAMESPACES];	/* why each of plan_namespaces is new */
	struct root root;
	/* --bind-source-pid: bind sources (not the root) are resolved in this
	 * process's view, through /proc/PID/root; pid 0: veil's own view.
	 * Descriptors, not plain data: the process is pinned when the option
	 * is read (source-pid.h), and pid 1 inherits them. */
	struct source_process bind_source;
	char *bind_source_pid_origin;
	char *trust_source_pid; /* --trust-source-pid: where; NULL: not asked */
	struct mount_step *mounts;
	size_t n_mounts, cap_mounts;
	struct env_step *env;
	size_t n_env, cap_env;
	struct security security;
	struct landlock_setting landlock;
	struct limits limits;
	struct cgroup_limits cgroup;
	struct setting stats;	/* --stats FILE (stats.c) */
	char *die_with_parent;	/* where --die-with-parent was asked for; NULL: not */
	/* --proc-unmasked: where it was asked for (NULL: not).  The fresh
	 * proc and sysfs get none of kernfs.c's read-only covers and masks. */
	char *proc_unmasked;
	unsigned long long shm_size; /* --shm-size: every --dev's shm */
	char *shm_size_origin;	     /* NULL: the default */
	struct id_setting uid, gid;
	/* --nobody: where it was asked for (NULL: not).  The command's ids are
	 * nobody's outside (65534) when veil runs as root; a caller who is not
	 * root keeps its own, which is all it may map. */
	char *outside_nobody;
	struct setting hostname;
	struct setting chdir; /* unset: the caller's directory if it exists inside, else / */
	char *host_cwd;	 /* the caller's directory, for that fallback */
	/* The caller's directory itself, O_PATH, opened when the plan is
	 * begun (builder_init), or -1: what bind-cwd binds.  The one
	 * descriptor in the plan; plan_free closes it. */
	int cwd_fd;
	char **argv;	 /* the command; points into the caller's argv */
};

void plan_init(struct plan *plan);
void setting_set(struct setting *s, const char *value, const char *origin);
void plan_free(struct plan *plan);

/* Append a step; strings are copied. */
struct mount_step *plan_add_mount(struct plan *plan, enum mount_kind kind, const char *src,
				  const char *dest, const char *origin);
void plan_add_env(struct plan *plan, enum env_kind kind, const char *name, const char *value,
		  const char *origin);

/* Drop every mount step (not the root). */
void plan_clear_mounts(struct plan *plan);

/* Print the plan, one step a line, for --dry-run. */
void plan_print(const struct plan *plan, FILE *out);

const char *mount_kind_name(enum mount_kind kind);

#endif
