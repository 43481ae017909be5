#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cgroup.h"
#include "config-guard.h"
#include "landlock.h"
#include "limit.h"
#include "ops.h"
#include "profile.h"
#include "security.h"
#include "stats.h"
#include "syscalls.h"
#include "util.h"

/* Every handler gets the op (for its flags), its arguments and where it came
 * from, and either changes the plan or fills err without changing it. */
#define HANDLER(name)                                                             \
	static int name(struct builder *b, const struct op *op, char *const *args, \
			const char *origin, struct verr *err)

int source_stat(const struct source_process *sp, const char *src, struct stat *st)
{
	int fd, rc;

	if (sp->pid <= 0)
		return stat(src, st);
	fd = sys_openat2(sp->root, src + 1, O_PATH | O_CLOEXEC, 0,
			 RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
	if (fd < 0)
		return -1;
	rc = fstat(fd, st);
	close(fd);
	return rc;
}

static int check_source(const struct builder *b, const char *src, unsigned flags,
			struct verr *err)
{
	pid_t pid = b->plan->bind_source.pid;
	struct stat st;

	if (pid > 0 && src[0] != '/')
		return verr_set(err, "source '%s' is relative, which means nothing in another "
				     "process's view (--bind-source-pid %ld)", src, (long)pid);
	if (flags & STEP_TRY)
		return 0;
	if (pid <= 0) {
		if (stat(src, &st) < 0)
			return verr_errno(err, errno, "source '%s'", src);
		return 0;
	}
	if (source_stat(&b->plan->bind_source, src, &st) < 0)
		return verr_errno(err, errno, "source '%s' (in the view of process %ld)", src,
				  (long)pid);
	return 0;
}

static void set_root(struct builder *b, const char *path, unsigned flags, const char *origin)
{
	struct root *r = &b->plan->root;

	free(r->path);
	free(r->origin);
	r->kind = ROOT_BIND;
	r->path = xstrdup(path);
	r->flags = flags & (STEP_RO | STEP_DEVICES);
	r->origin = xstrdup(origin);
}

static int check_root_dir(const char *path, struct verr *err)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return verr_errno(err, errno, "root '%s'", path);
	if (!S_ISDIR(st.st_mode))
		return verr_set(err, "root '%s' is not a directory", path);
	return 0;
}

HANDLER(op_bind)
{
	char *dest;

	if (normalize_dest(args[1], &dest, err) < 0)
		return -1;
	if (strcmp(dest, "/") == 0) {
		/* bwrap's way of naming the root: --bind SRC / */
		free(dest);
		if ((op->flags & STEP_TRY) && access(args[0], F_OK) < 0 && errno == ENOENT)
			return 0;
		if (check_root_dir(args[0], err) < 0)
			return -1;
		set_root(b, args[0], op->flags, origin);
		return 0;
	}
	if (check_source(b, args[0], op->flags, err) < 0) {
		free(dest);
		return -1;
	}
	plan_add_mount(b->plan, MOUNT_BIND, args[0], dest, origin)->flags = op->flags & STEP_MASK;
	free(dest);
	return 0;
}

/* --bind-source-pid PID: the command line applies it before anything else,
 * so it holds for every bind source of the plan, wherever it is given. */
HANDLER(op_bind_source_pid)
{
	struct source_process sp = SOURCE_PROCESS_INIT;
	unsigned long v;

	(void)op;
	if (parse_uint(args[0], INT_MAX, &v, err) < 0)
		return -1;
	if (v > 0 && source_process_open((pid_t)v, &sp, err) < 0)
		return -1;
	source_process_close(&b->plan->bind_source);
	b->plan->bind_source = sp;
	str_replace(&b->plan->bind_source_pid_origin, v ? origin : NULL);
	return 0;
}

/* --trust-source-pid: the --bind-source-pid process's view may be used
 * although another user owns it, or it is in another user namespace. */
HANDLER(op_trust_source_pid)
{
	(void)op;
	(void)args;
	(void)err;
	str_replace(&b->plan->trust_source_pid, origin);
	return 0;
}

/* proc, sysfs, dev, tmpfs, dir, remount-ro: one destination. */
HANDLER(op_dest)
{
	enum mount_kind kind = (enum mount_kind)(op->flags & 0xff);
	struct mount_step *step;
	char *dest;

	if (normalize_dest(args[0], &dest, err) < 0)
		return -1;
	if (strcmp(dest, "/") == 0 && kind != MOUNT_REMOUNT_RO) {
		free(dest);
		return verr_set(err, "the destination must not be / (use --root or --bind SRC /)");
	}
	step = plan_add_mount(b->plan, kind, NULL, dest, origin);
	free(dest);
	if (kind == MOUNT_TMPFS || kind == MOUNT_DIR)
		step->mode = 0755;
	if (b->have_perms) {
		step->mode = b->perms;
		step->flags |= STEP_MODE_SET;
	}
	if (b->have_size)
		step->size = b->size;
	else if (kind == MOUNT_DEV)
		step->size = DEV_SIZE_DEFAULT;
	return 0;
}

HANDLER(op_symlink)
{
	char *dest;

	(void)op;
	if (!*args[0])
		return verr_set(err, "the link target must not be empty");
	if (normalize_dest(args[1], &dest, err) < 0)
		return -1;
	if (strcmp(dest, "/") == 0) {
		free(dest);
		return verr_set(err, "the destination must not be /");
	}
	plan_add_mount(b->plan, MOUNT_SYMLINK, args[0], dest, origin);
	free(dest);
	return 0;
}

HANDLER(op_chmod)
{
	struct mount_step *step;
	mode_t mode;
	char *dest;

	(void)op;
	if (parse_mode(args[0], &mode, err) < 0)
		return -1;
	if (normalize_dest(args[1], &dest, err) < 0)
		return -1;
	step = plan_add_mount(b->plan, MOUNT_CHMOD, NULL, dest, origin);
	step->mode = mode;
	step->flags |= STEP_MODE_SET;
	free(dest);
	return 0;
}

HANDLER(op_perms)
{
	(void)op;
	(void)origin;
	if (parse_mode(args[0], &b->perms, err) < 0)
		return -1;
	b->have_perms = true;
	return 0;
}

HANDLER(op_size)
{
	(void)op;
	(void)origin;
	if (parse_size(args[0], &b->size, err) < 0)
		return -1;
	if (b->size == 0)
		return verr_set(err, "the size must be more than 0");
	b->have_size = true;
	return 0;
}

HANDLER(op_shm_size)
{
	unsigned long long size;

	(void)op;
	if (parse_size(args[0], &size, err) < 0)
		return -1;
	if (size == 0)
		return verr_set(err, "the size must be more than 0");
	b->plan->shm_size = size;
	str_replace(&b->plan->shm_size_origin, origin);
	return 0;
}

HANDLER(op_root)
{
	(void)op;
	if (check_root_dir(args[0], err) < 0)
		return -1;
	set_root(b, args[0], 0, origin);
	return 0;
}

HANDLER(op_chdir)
{
	char *dir;

	(void)op;
	if (normalize_dest(args[0], &dir, err) < 0)
		return -1;
	setting_set(&b->plan->chdir, dir, origin);
	free(dir);
	return 0;
}

static int check_env_name(const char *name, struct verr *err)
{
	if (!*name || strpbrk(name, "= \t\n"))
		return verr_set(err, "'%s' is not a variable name", name);
	return 0;
}

HANDLER(op_setenv)
{
	(void)op;
	if (check_env_name(args[0], err) < 0)
		return -1;
	plan_add_env(b->plan, ENV_SET, args[0], args[1], origin);
	return 0;
}

/* --unsetenv, --keepenv: the enum env_kind is in op->flags. */
HANDLER(op_env_name)
{
	if (check_env_name(args[0], err) < 0)
		return -1;
	plan_add_env(b->plan, (enum env_kind)op->flags, args[0], NULL, origin);
	return 0;
}

HANDLER(op_clearenv)
{
	(void)op;
	(void)args;
	(void)err;
	plan_add_env(b->plan, ENV_CLEAR, NULL, NULL, origin);
	return 0;
}

/* --unshare-*: the flag is stored in op->flags. */
/* Remember who asked for each namespace in flags, for --dry-run. */
static void note_namespaces(struct builder *b, unsigned long flags, const char *origin)
{
	for (int i = 0; i < PLAN_NAMESPACES; i++) {
		if (!(flags & plan_namespaces[i].flag))
			continue;
		free(b->plan->ns_origin[i]);
		b->plan->ns_origin[i] = xstrdup(origin);
	}
}

HANDLER(op_unshare)
{
	(void)args;
	(void)err;
	if (op->flags & CLONE_NEWUSER)
		b->user_ns = NS_YES;
	b->unshare |= op->flags;
	note_namespaces(b, op->flags, origin);
	return 0;
}

/* --uid N, --gid N: the ids inside a user namespace, which they imply. */
HANDLER(op_id)
{
	struct id_setting *id = op->flags ? &b->plan->gid : &b->plan->uid;
	unsigned long v;

	/* (uid_t)-1 is no id: it means "unchanged" to the kernel. */
	if (parse_uint(args[0], (uid_t)-2, &v, err) < 0)
		return -1;
	free(id->origin);
	*id = (struct id_setting){ .set = true, .id = (unsigned)v, .origin = xstrdup(origin) };
	b->user_ns = NS_YES;
	note_namespaces(b, CLONE_NEWUSER, origin);
	return 0;
}

HANDLER(op_nobody)
{
	(void)op;
	(void)args;
	(void)err;
	str_replace(&b->plan->outside_nobody, origin);
	b->user_ns = NS_YES;
	note_namespaces(b, CLONE_NEWUSER, origin);
	return 0;
}

/* --no-nobody: the command keeps the caller's ids outside, whatever a
 * profile said (the build profile's user = nobody); the user namespace
 * nobody asked for goes with it, unless something else asked for one. */
HANDLER(op_no_nobody)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	str_replace(&b->plan->outside_nobody, NULL);
	if (!(b->unshare & CLONE_NEWUSER) && !b->plan->uid.set && !b->plan->gid.set)
		b->user_ns = NS_AUTO;
	return 0;
}

HANDLER(op_share_net)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	b->share_net = true;
	return 0;
}

HANDLER(op_hostname)
{
	(void)op;
	if (!*args[0] || strlen(args[0]) > HOST_NAME_MAX)
		return verr_set(err, "'%s' is not a host name (1 to %d characters)", args[0],
				HOST_NAME_MAX);
	setting_set(&b->plan->hostname, args[0], origin);
	return 0;
}

HANDLER(op_dry_run)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	b->dry_run = true;
	return 0;
}

HANDLER(op_verbose)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	b->verbose++;
	return 0;
}

/* Directories the sandbox mounts something of its own on. */
static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* $HOME, or a directory above it, written by the action would be the
 * caller's shell start-up files, ~/.ssh, the profiles of veil and of every
 * other program: what runs after the sandbox, outside it.  Refused rather
 * than quietly made read-only, which would fail the command later and far
 * from the reason. */
static int refuse_home(const struct builder *b, struct verr *err)
{
	const char *why = "and the action could change your shell's start-up files and veil's "
			  "own profiles for what runs after it; run veil from a project's "
			  "directory (ro-bind-cwd binds it read-only)";

	if (strcmp(b->cwd, b->home) == 0)
		return verr_set(err, "the working directory %s is $HOME, %s", b->cwd, why);
	return verr_set(err, "the working directory %s holds $HOME (%s), %s", b->cwd, b->home, why);
}

/* The working directory at its own path.  Not when it is / (that would
 * undo a read-only root) or inside /proc, /sys or /dev (that would hide
 * the sandbox's own): there the step does nothing, and says so under -v.
 * What is bound is the directory veil was started in (plan->cwd_fd), not
 * what its path leads to later: someone who can rename a directory above
 * it could otherwise swap the path for a symlink to anywhere. */
HANDLER(op_bind_cwd)
{
	(void)args;
	if (!b->cwd || b->plan->cwd_fd < 0)
		return verr_errno(err, ENOENT, "cannot read the working directory");
	if (!strcmp(b->cwd, "/") || under(b->cwd, "/proc") || under(b->cwd, "/sys") ||
	    under(b->cwd, "/dev")) {
		trace("%s: the working directory %s is not bound", origin, b->cwd);
		return 0;
	}
	if (!(op->flags & STEP_RO) && holds_home(b->home, b->cwd, b->plan->cwd_fd))
		return refuse_home(b, err);
	struct mount_step *m = plan_add_mount(b->plan, MOUNT_BIND, b->cwd, b->cwd, origin);
	m->flags = op->flags & STEP_MASK;
	m->source_is_cwd = true;
	return 0;
}

/* $TMPDIR under /tmp names a directory a private /tmp does not have: give
 * it one, empty and world-writable like /tmp.  Only a directory veil makes
 * gets that mode: one that is there already (a /tmp bound from the host,
 * where $TMPDIR is the caller's private 0700 directory) keeps its own, as
 * STEP_MODE_SET is not set. */
HANDLER(op_keep_tmpdir)
{
	const char *tmpdir = getenv("TMPDIR");
	struct verr ignored;
	char *dir;

	(void)op;
	(void)args;
	(void)err;
	if (!tmpdir || !under(tmpdir, "/tmp") || normalize_dest(tmpdir, &dir, &ignored) < 0)
		return 0;
	if (strcmp(dir, "/tmp") != 0) {
		plan_add_mount(b->plan, MOUNT_DIR, NULL, dir, origin)->mode = 01777;
	}
	free(dir);
	return 0;
}

HANDLER(op_proc_unmasked)
{
	(void)op;
	(void)args;
	(void)err;
	str_replace(&b->plan->proc_unmasked, origin);
	return 0;
}

/* Forget the mount steps so far: a profile's way to drop its parent's. */
HANDLER(op_clear_mounts)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	plan_clear_mounts(b->plan);
	return 0;
}

/* --unshare-all is what bwrap means by it: every namespace that does not
 * change who the caller is.  A user namespace is added by plan_finish for
 * callers who are not root, who need one anyway. */
#define UNSHARE_ALL (CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP)

const struct op ops[] = {
	{ "root", 'r', 1, "DIR", OP_NAMES_MOUNT, op_root, "pivot into DIR, read-write (like --bind DIR /)" },
	{ "bind", 0, 2, "SRC DEST", OP_NAMES_MOUNT, op_bind, "bind SRC on DEST, read-write" },
	{ "ro-bind", 0, 2, "SRC DEST", STEP_RO | OP_NAMES_MOUNT, op_bind, "bind SRC on DEST, read-only" },
	{ "bind-try", 0, 2, "SRC DEST", STEP_TRY | OP_NAMES_MOUNT, op_bind, "as --bind, skipped when SRC is missing" },
	{ "ro-bind-try", 0, 2, "SRC DEST", STEP_RO | STEP_TRY | OP_NAMES_MOUNT, op_bind,
	  "as --ro-bind, skipped when SRC is missing" },
	{ "dev-bind", 0, 2, "SRC DEST", STEP_DEVICES | OP_NAMES_MOUNT, op_bind,
	  "bind SRC on DEST, device nodes usable" },
	{ "dev-bind-try", 0, 2, "SRC DEST", STEP_DEVICES | STEP_TRY | OP_NAMES_MOUNT, op_bind,
	  "as --dev-bind, skipped when SRC is missing" },
	{ "bind-source-pid", 0, 1, "PID", OP_EARLY, op_bind_source_pid,
	  "resolve bind sources in process PID's view; 0: veil's own" },
	{ "trust-source-pid", 0, 0, "", OP_EARLY, op_trust_source_pid,
	  "use --bind-source-pid's process even if another user owns it" },
	{ "proc", 0, 1, "DEST", MOUNT_PROC | OP_NAMES_MOUNT, op_dest, "mount a fresh proc on DEST" },
	{ "sysfs", 0, 1, "DEST", MOUNT_SYSFS | OP_NAMES_MOUNT, op_dest, "mount a fresh read-only sysfs on DEST" },
	{ "dev", 0, 1, "DEST", MOUNT_DEV | OP_TAKES_SIZE | OP_NAMES_MOUNT, op_dest,
	  "mount a minimal /dev on DEST (a 64k tmpfs unless --size)" },
	{ "shm-size", 0, 1, "BYTES", 0, op_shm_size, "size of /dev/shm in every --dev (default 64M)" },
	{ "proc-unmasked", 0, 0, "", 0, op_proc_unmasked,
	  "mount proc and sysfs without veil's read-only covers and masks" },
	{ "tmpfs", 0, 1, "DEST", MOUNT_TMPFS | OP_TAKES_PERMS | OP_TAKES_SIZE | OP_NAMES_MOUNT, op_dest,
	  "mount a tmpfs on DEST (mode 0755 unless --perms)" },
	{ "dir", 0, 1, "DEST", MOUNT_DIR | OP_TAKES_PERMS, op_dest,
	  "create directory DEST (mode 0755 unless --perms)" },
	{ "symlink", 0, 2, "TARGET DEST", 0, op_symlink, "create symlink DEST pointing to TARGET" },
	{ "remount-ro", 0, 1, "DEST", MOUNT_REMOUNT_RO, op_dest, "make the mount at DEST read-only" },
	{ "chmod", 0, 2, "OCTAL PATH", 0, op_chmod, "change the mode of PATH" },
	{ "bind-cwd", 0, 0, "", OP_NAMES_MOUNT, op_bind_cwd,
	  "bind the working directory at its own path, read-write" },
	{ "ro-bind-cwd", 0, 0, "", STEP_RO | OP_NAMES_MOUNT, op_bind_cwd,
	  "bind the working directory at its own path, read-only" },
	{ "keep-tmpdir", 0, 0, "", 0, op_keep_tmpdir,
	  "create $TMPDIR, when under /tmp, in the sandbox's /tmp" },
	{ "clear-mounts", 0, 0, "", 0, op_clear_mounts, "forget the mount steps so far" },
	{ "perms", 0, 1, "OCTAL", 0, op_perms, "mode for the next --dir or --tmpfs" },
	{ "size", 0, 1, "BYTES", 0, op_size, "size limit for the next --tmpfs or --dev (k, M, G, T suffixes)" },
	{ "chdir", 0, 1, "DIR", 0, op_chdir, "run the command in DIR" },
	{ "setenv", 0, 2, "VAR VALUE", 0, op_setenv, "set VAR to VALUE" },
	{ "unsetenv", 0, 1, "VAR", ENV_UNSET, op_env_name, "remove VAR" },
	{ "clearenv", 0, 0, "", 0, op_clearenv, "remove every variable but those kept" },
	{ "keepenv", 0, 1, "VAR", ENV_KEEP, op_env_name, "keep VAR through --clearenv" },
	{ "unshare-user", 0, 0, "", CLONE_NEWUSER, op_unshare, "new user namespace" },
	{ "uid", 0, 1, "N", 0, op_id, "run as uid N in a new user namespace" },
	{ "gid", 0, 1, "N", 1, op_id, "run as gid N in a new user namespace" },
	{ "nobody", 0, 0, "", 0, op_nobody, "new user namespace whose ids are nobody's outside" },
	{ "no-nobody", 0, 0, "", 0, op_no_nobody, "the caller's ids outside, whatever a profile says" },
	{ "unshare-pid", 0, 0, "", CLONE_NEWPID, op_unshare, "new pid namespace (always)" },
	{ "unshare-net", 0, 0, "", CLONE_NEWNET, op_unshare, "new network namespace, with only loopback, up" },
	{ "unshare-ipc", 0, 0, "", CLONE_NEWIPC, op_unshare, "new IPC namespace" },
	{ "unshare-uts", 0, 0, "", CLONE_NEWUTS, op_unshare, "new UTS namespace" },
	{ "unshare-cgroup", 0, 0, "", CLONE_NEWCGROUP, op_unshare, "new cgroup namespace" },
	{ "unshare-all", 0, 0, "", UNSHARE_ALL, op_unshare, "new net, ipc, uts and cgroup namespaces" },
	{ "share-net", 0, 0, "", 0, op_share_net, "keep the host network, whatever --unshare-* say" },
	{ "hostname", 0, 1, "NAME", 0, op_hostname, "set the host name (implies --unshare-uts)" },
	{ "timeout", 0, 1, "SECONDS", 0, op_timeout,
	  "SIGTERM the command after SECONDS, then kill the action; exit 124" },
	{ "kill-after", 0, 1, "SECONDS", 0, op_kill_after,
	  "on timeout, SIGKILL SECONDS after SIGTERM (default 2)" },
	{ "rlimit", 0, 1, "NAME=SOFT[:HARD]", 0, op_rlimit,
	  "set a resource limit (nofile, nproc, as, cpu, ...)" },
	{ "memory", 0, 1, "SIZE", 0, op_memory,
	  "cgroup memory limit of the action (k, M, G, T; max: none)" },
	{ "pids", 0, 1, "N", 0, op_pids, "cgroup limit on the action's processes and threads" },
	{ "cpu", 0, 1, "CORES", 0, op_cpu, "cgroup CPU limit, in cores (such as 1.5)" },
	{ "cgroup-parent", 0, 1, "DIR", 0, op_cgroup_parent,
	  "make the action's cgroup under DIR, not veil's own" },
	{ "die-with-parent", 0, 0, "", 0, op_die_with_parent,
	  "kill the action when veil's parent dies" },
	{ "stats", 0, 1, "FILE", 0, op_stats, "when the action ends, write what it cost to FILE (JSON)" },
	{ "cap-add", 0, 1, "CAP", 0, op_cap_add, "keep capability CAP (ALL: every one); none by default" },
	{ "cap-drop", 0, 1, "CAP", 0, op_cap_drop, "drop CAP kept by an earlier --cap-add (ALL: all)" },
	{ "keep-fd", 0, 1, "N", 0, op_keep_fd, "keep inherited descriptor N open (0-2 always are)" },
	{ "new-session", 0, 0, "", 0, op_new_session,
	  "run the command in a new session, without the terminal" },
	{ "pty", 0, 0, "", 0, op_pty,
	  "a pty of its own for the command, when stdin is a terminal" },
	{ "nested-userns", 0, 0, "", 0, op_nested_userns,
	  "a command that is root outside may make user namespaces (risky)" },
	{ "landlock", 0, 1, "yes|no", 0, op_landlock,
	  "a Landlock domain of its own for the command (default: yes)" },
	{ "host-sockets", 0, 1, "yes|no", 0, op_host_sockets,
	  "unix sockets made outside the action stay reachable (default: no)" },
	{ "seccomp", 0, 1, "MODE", 0, op_seccomp,
	  "seccomp filter: none (the default), default (veil's list) or custom" },
	{ "seccomp-default", 0, 1, "ACTION", 0, op_seccomp_default,
	  "for calls no rule names: allow, errno[:ENAME], kill or log" },
	{ "seccomp-deny", 0, 1, "SYSCALL", SC_ERRNO, op_seccomp_rule,
	  "SYSCALL fails with EPERM, or SYSCALL:ENAME with ENAME" },
	{ "seccomp-kill", 0, 1, "SYSCALL", SC_KILL, op_seccomp_rule,
	  "SYSCALL kills the command (SIGSYS)" },
	{ "seccomp-log", 0, 1, "SYSCALL", SC_LOG, op_seccomp_rule, "SYSCALL is allowed and logged" },
	{ "seccomp-allow", 0, 1, "SYSCALL", SC_ALLOW, op_seccomp_rule,
	  "SYSCALL is allowed, whatever else says" },
	{ "dry-run", 0, 0, "", 0, op_dry_run, "print the plan and exit without doing anything" },
	{ "verbose", 'v', 0, "", 0, op_verbose, "trace each setup step on stderr" },
	{ NULL, 0, 0, NULL, 0, NULL, NULL },
};

const struct op *op_find(const char *name)
{
	for (const struct op *op = ops; op->name; op++)
		if (strcmp(op->name, name) == 0)
			return op;
	return NULL;
}

const struct op *op_find_short(char c)
{
	for (const struct op *op = ops; op->name; op++)
		if (op->short_name && op->short_name == c)
			return op;
	return NULL;
}

void builder_init(struct builder *b, struct plan *plan)
{
	memset(b, 0, sizeof *b);
	b->plan = plan;
	/* The directory itself first, then its name: should it be renamed in
	 * between, bind-cwd still binds the directory the caller is in. */
	if (plan->cwd_fd < 0)
		plan->cwd_fd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	b->cwd = getcwd(NULL, 0);
	b->euid = geteuid();
	const char *home = getenv("HOME");
	b->home = home && *home == '/' ? realpath(home, NULL) : NULL;
	b->n_config_dirs = profile_config_dirs(&b->config_dirs);
	b->user_ns = NS_AUTO;
}

void builder_free(struct builder *b)
{
	free(b->cwd);
	b->cwd = NULL;
	free(b->home);
	b->home = NULL;
	profile_free_dirs(b->config_dirs, b->n_config_dirs);
	b->config_dirs = NULL;
	b->n_config_dirs = 0;
	for (size_t i = 0; i < b->n_applied; i++)
		free(b->applied[i]);
	free(b->applied);
	b->applied = NULL;
	b->n_applied = b->cap_applied = 0;
}

int builder_apply(struct builder *b, const struct op *op, char *const *args, const char *origin,
		  struct verr *err)
{
	/* bwrap's rule: --perms and --size must be followed by an operation that
	 * uses them, so a misplaced one is an error rather than a silent no-op. */
	bool modifier = op->apply == op_perms || op->apply == op_size;

	if (b->have_perms && !(op->flags & OP_TAKES_PERMS) && !modifier)
		return verr_set(err, "--perms must be followed by --dir or --tmpfs, not --%s",
				op->name);
	if (b->have_size && !(op->flags & OP_TAKES_SIZE) && !modifier)
		return verr_set(err, "--size must be followed by --tmpfs or --dev, not --%s", op->name);
	if (op->apply(b, op, args, origin, err) < 0) {
		verr_prefix(err, "%s", origin);
		return -1;
	}
	if (op->flags & (OP_TAKES_PERMS | OP_TAKES_SIZE))
		b->have_perms = b->have_size = false;
	return 0;
}

int builder_finish(struct builder *b, struct verr *err)
{
	struct plan *plan = b->plan;

	if (b->have_perms)
		return verr_set(err, "--perms must be followed by --dir or --tmpfs");
	if (b->have_size)
		return verr_set(err, "--size must be followed by --tmpfs or --dev");
	free(plan->host_cwd);
	plan->host_cwd = xstrdup(b->cwd ? b->cwd : "/");
	if (plan->bind_source.foreign && !plan->trust_source_pid)
		return verr_set(err, "%s: %s, who may have put anything in its view (add "
				     "--trust-source-pid to use it anyway)",
				plan->bind_source_pid_origin, plan->bind_source.foreign);

	/* Without a root, the action starts from an empty tmpfs, as in bwrap. */
	if (plan->root.kind == ROOT_UNSET)
		plan->root = (struct root){ .kind = ROOT_TMPFS, .origin = xstrdup("no root given") };

	plan->namespaces = CLONE_NEWNS | CLONE_NEWPID | b->unshare;
	if (b->share_net)
		plan->namespaces &= ~(unsigned long)CLONE_NEWNET;
	/* Setting a host name outside a UTS namespace would rename the host. */
	if (plan->hostname.value && !(plan->namespaces & CLONE_NEWUTS)) {
		plan->namespaces |= CLONE_NEWUTS;
		note_namespaces(b, CLONE_NEWUTS, plan->hostname.origin);
	}
	/* Only root may create the other namespaces without a user namespace. */
	if (b->user_ns == NS_AUTO && b->euid != 0 && !(b->unshare & CLONE_NEWUSER))
		note_namespaces(b, CLONE_NEWUSER, "veil is not root");
	if (b->user_ns == NS_YES || (b->user_ns == NS_AUTO && b->euid != 0))
		plan->namespaces |= CLONE_NEWUSER;
	else if (b->euid != 0)
		return verr_set(err, "a user namespace is needed when veil does not run as root "
				     "(a profile says user = no)");
	/* A caller who is not root runs as itself already, and may map only
	 * its own ids: --nobody has nothing to do. */
	if (plan->outside_nobody && b->euid != 0)
		str_replace(&plan->outside_nobody, NULL);
	/* Only veil, root on the host, could enter another process's mount
	 * namespace; pid 1, nobody's, clones the bind sources. */
	if (plan->outside_nobody && plan->bind_source.pid > 0)
		return verr_set(err, "%s: bind sources of another process cannot be reached when "
				     "the command is nobody outside (%s): add --no-nobody",
				plan->bind_source_pid_origin, plan->outside_nobody);
	plan->security.root_outside = b->euid == 0 && !plan->outside_nobody;
	/* Last: it looks at every writable bind of the plan. */
	config_guard(plan, b->config_dirs, b->n_config_dirs);
	return 0;
}

void builder_set_namespace(struct builder *b, unsigned long flag, enum ns_state state,
			   const char *origin)
{
	/* A profile's later user = yes, no or auto replaces its nobody. */
	if (flag == CLONE_NEWUSER) {
		b->user_ns = state;
		str_replace(&b->plan->outside_nobody, NULL);
	}
	else if (state == NS_YES)
		b->unshare |= flag;
	else
		b->unshare &= ~flag;
	note_namespaces(b, flag, origin);
}

int builder_root_readonly(struct builder *b, bool readonly, const char *origin, struct verr *err)
{
	struct root *r = &b->plan->root;

	if (r->kind != ROOT_BIND)
		return verr_set(err, "%s: readonly: there is no root path to apply it to", origin);
	r->flags = readonly ? r->flags | STEP_RO : r->flags & ~STEP_RO;
	return 0;
}
