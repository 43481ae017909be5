#include "config.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "idmap.h"
#include "mounts.h"
#include "resolve.h"
#include "syscalls.h"
#include "terminal.h"
#include "util.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

#define KERNFS_ATTRS (MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC)

int mounts_make_private(struct verr *err)
{
	/* Before anything else: nothing veil mounts may propagate back to the
	 * host, whatever the host's / is shared with. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return verr_errno(err, errno, "cannot make / private");
	return 0;
}

/* --nobody: pid 1 makes the new filesystems before it takes nobody's ids
 * (mounts_prepare runs with the caller's), so each tmpfs is given the
 * command's ids inside (0, or --uid/--gid), nobody's outside, as its owner. */
static bool tmpfs_owned_by_inside_root;
static char tmpfs_uid[16], tmpfs_gid[16];

int fs_new(const char *type, const struct fs_option *opts, unsigned attrs, struct verr *err)
{
	int fsfd = sys_fsopen(type, FSOPEN_CLOEXEC);
	int mfd = -1;

	if (fsfd < 0)
		return verr_errno(err, errno, "cannot create a %s instance", type);
	/* The source column of mountinfo: "proc", "tmpfs", not "none". */
	if (sys_fsconfig(fsfd, FSCONFIG_SET_STRING, "source", type, 0) < 0) {
		verr_errno(err, errno, "%s: source", type);
		goto out;
	}
	if (tmpfs_owned_by_inside_root && strcmp(type, "tmpfs") == 0 &&
	    (sys_fsconfig(fsfd, FSCONFIG_SET_STRING, "uid", tmpfs_uid, 0) < 0 ||
	     sys_fsconfig(fsfd, FSCONFIG_SET_STRING, "gid", tmpfs_gid, 0) < 0)) {
		verr_errno(err, errno, "tmpfs: cannot give it to nobody");
		goto out;
	}
	for (; opts && opts->key; opts++) {
		if (sys_fsconfig(fsfd, FSCONFIG_SET_STRING, opts->key, opts->value, 0) < 0) {
			verr_errno(err, errno, "%s: option %s=%s", type, opts->key, opts->value);
			goto out;
		}
	}
	if (sys_fsconfig(fsfd, FSCONFIG_CMD_CREATE, NULL, NULL, 0) < 0) {
		verr_errno(err, errno, "cannot create a %s instance", type);
		goto out;
	}
	mfd = sys_fsmount(fsfd, FSMOUNT_CLOEXEC, attrs);
	if (mfd < 0)
		verr_errno(err, errno, "cannot mount a %s instance", type);
out:
	close(fsfd);
	return mfd;
}

int tree_clone(int dirfd, const char *path, bool recursive, unsigned long long attrs,
	       struct verr *err)
{
	unsigned flags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | (recursive ? AT_RECURSIVE : 0);
	int fd;

	if (!*path)
		flags |= AT_EMPTY_PATH;
	fd = sys_open_tree(dirfd, path, flags);
	if (fd < 0)
		return verr_errno(err, errno, "%s", *path ? path : "cannot copy a mount");
	if (attrs && sys_mount_setattr(fd, "", AT_EMPTY_PATH | (recursive ? AT_RECURSIVE : 0),
				       attrs, 0) < 0) {
		verr_errno(err, errno, "%s: cannot set mount attributes", *path ? path : "mount");
		close(fd);
		return -1;
	}
	return fd;
}

int attach(int mnt_fd, int to_fd, const char *to_path, const char *what, struct verr *err)
{
	unsigned flags = MOVE_MOUNT_F_EMPTY_PATH | (to_path ? 0 : MOVE_MOUNT_T_EMPTY_PATH);

	if (sys_move_mount(mnt_fd, "", to_fd, to_path ? to_path : "", flags) < 0)
		return verr_errno(err, errno, "cannot mount on %s", what);
	return 0;
}

/* Binds, the root included, are nosuid, and nodev unless asked for. */
static unsigned bind_attrs(unsigned step_flags)
{
	return MOUNT_ATTR_NOSUID | (step_flags & STEP_DEVICES ? 0 : MOUNT_ATTR_NODEV) |
	       (step_flags & STEP_RO ? MOUNT_ATTR_RDONLY : 0);
}

/* A fresh sysfs belongs to the network namespace of whoever mounts it, and
 * the kernel refuses one to a user namespace that does not own its network
 * namespace.  Then the host's /sys, read-only, is the best there is. */
static int prepare_sysfs(struct verr *err)
{
	int fd = fs_new("sysfs", NULL, KERNFS_ATTRS | MOUNT_ATTR_RDONLY, err);

	if (fd >= 0 || errno != EPERM)
		return fd;
	trace("sysfs: the kernel refused a fresh sysfs (a user namespace without its own "
	      "network namespace); binding the host's /sys read-only instead");
	return tree_clone(AT_FDCWD, "/sys", true, KERNFS_ATTRS | MOUNT_ATTR_RDONLY, err);
}

static int prepare_tmpfs(const struct mount_step *m, struct verr *err)
{
	char mode[16], size[32];
	struct fs_option opts[] = { { "mode", mode }, { "size", size }, { NULL, NULL } };

	snprintf(mode, sizeof mode, "%o", (unsigned)m->mode);
	snprintf(size, sizeof size, "%llu", m->size);
	if (!m->size)
		opts[1].key = NULL;
	return fs_new("tmpfs", opts, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, err);
}

/* --bind-source-pid: the other process's root, and its mount namespace,
 * as pinned when the plan was built (source-pid.h): no lookup by number
 * here.  The kernel copies only mounts of the caller's own mount
 * namespace, so each source is copied from inside the process's (setns
 * there and back; only single-threaded processes may). */
struct source_view {
	pid_t pid;
	int root, ns;	 /* the plan's, borrowed; root -1: veil's own view */
	int own_ns, cwd; /* pid 1's own, to come back to */
};

static void view_close(struct source_view *v)
{
	if (v->own_ns >= 0)
		close(v->own_ns);
	if (v->cwd >= 0)
		close(v->cwd);
	v->own_ns = v->cwd = -1;
}

static int view_open(const struct source_process *sp, struct source_view *v, struct verr *err)
{
	*v = (struct source_view){ .pid = sp->pid, .root = -1, .ns = -1, .own_ns = -1, .cwd = -1 };
	if (sp->pid <= 0)
		return 0;
	v->root = sp->root;
	v->ns = sp->mntns;
	v->own_ns = open("/proc/thread-self/ns/mnt", O_RDONLY | O_CLOEXEC);
	v->cwd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (v->own_ns < 0 || v->cwd < 0) {
		verr_errno(err, errno, "--bind-source-pid: cannot open pid 1's own mount namespace");
		view_close(v);
		return -1;
	}
	return 0;
}

/* The bind source src, in the view v, as a detached copy of its mount tree. */
static int view_clone(const struct source_view *v, const char *src, unsigned long long attrs,
		      struct verr *err)
{
	int fd, mfd, e;

	if (v->root < 0)
		return tree_clone(AT_FDCWD, src, true, attrs, err);
	if (src[0] != '/') {
		errno = EINVAL;
		return verr_set(err, "%s: relative, and --bind-source-pid is given", src);
	}
	if (setns(v->ns, CLONE_NEWNS) < 0)
		return verr_errno(err, errno, "cannot enter the mount namespace of process %ld",
				  (long)v->pid);
	fd = sys_openat2(v->root, src + 1, O_PATH | O_CLOEXEC, 0,
			 RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS);
	if (fd < 0) {
		mfd = verr_errno(err, errno, "%s (in the view of process %ld)", src, (long)v->pid);
	} else {
		mfd = tree_clone(fd, "", true, attrs, err);
		if (mfd < 0)
			verr_prefix(err, "%s (in the view of process %ld)", src, (long)v->pid);
		close(fd);
	}
	e = errno;
	if (setns(v->own_ns, CLONE_NEWNS) < 0 || fchdir(v->cwd) < 0) {
		verr_errno(err, errno, "cannot return to veil's own mount namespace");
		if (mfd >= 0)
			close(mfd);
		errno = EIO; /* not ENOENT: no -try may go on from here */
		return -1;
	}
	errno = e;
	return mfd;
}

/* --nobody: a writable tree is idmapped by veil before it is attached,
 * so that the command writes it as its owner. */
static int idmap_if_writable(int idmap_sock, int fd, unsigned flags, const char *src,
			     struct verr *err)
{
	if (idmap_sock < 0 || (flags & STEP_RO))
		return 0;
	return idmap_request(idmap_sock, fd, src, err);
}

/* bind-cwd binds the directory veil was started in.  plan->cwd_fd is that
 * directory, but it belongs to veil's mount namespace, of which open_tree()
 * clones nothing in pid 1's (EINVAL).  pid 1's working directory is the same
 * directory, which the kernel moved into pid 1's copy of the mounts with the
 * namespace: that is what is bound, once checked to be the same object.
 * Returns -2 (no error) when no step needs it. */
static int open_start_dir(const struct plan *plan, struct verr *err)
{
	struct stat want, have;
	bool needed = false;
	int fd;

	for (size_t i = 0; i < plan->n_mounts; i++)
		needed |= plan->mounts[i].source_is_cwd;
	if (!needed)
		return -2;
	fd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return verr_errno(err, errno, "cannot open the working directory");
	if (plan->cwd_fd < 0 || fstat(plan->cwd_fd, &want) < 0 || fstat(fd, &have) < 0 ||
	    !same_inode(&want, &have)) {
		close(fd);
		return verr_set(err, "the working directory is no longer the one veil started in");
	}
	return fd;
}

static int prepare_step(const struct plan *plan, const struct mount_step *m,
			struct prepared_step *p, const struct source_view *view, int start_dir,
			int idmap_sock, struct verr *err)
{
	bool masked = !plan->proc_unmasked;

	switch (m->kind) {
	case MOUNT_BIND:
		if (m->source_is_cwd) {
			p->fd = tree_clone(start_dir, "", true, bind_attrs(m->flags), err);
			if (p->fd < 0)
				return verr_prefix(err, "the working directory %s", m->src), -1;
			return idmap_if_writable(idmap_sock, p->fd, m->flags, m->src, err);
		}
		p->fd = view_clone(view, m->src, bind_attrs(m->flags), err);
		if (p->fd < 0 && (m->flags & STEP_TRY) && errno == ENOENT) {
			trace("bind-try: %s is missing, skipped", m->src);
			return 0;
		}
		if (p->fd < 0)
			return verr_prefix(err, "bind source"), -1;
		return idmap_if_writable(idmap_sock, p->fd, m->flags, m->src, err);
	case MOUNT_PROC:
		p->fd = fs_new("proc", NULL, KERNFS_ATTRS, err);
		if (p->fd < 0)
			return -1;
		return masked ? kernfs_prepare_proc(p->fd, &p->covers, err) : 0;
	case MOUNT_SYSFS:
		p->fd = prepare_sysfs(err);
		if (p->fd < 0)
			return -1;
		return masked ? kernfs_prepare_sysfs(p->fd, &p->covers, err) : 0;
	case MOUNT_TMPFS:
		p->fd = prepare_tmpfs(m, err);
		return p->fd < 0 ? -1 : 0;
	case MOUNT_DEV:
		return devfs_prepare(&p->devfs, m->size ? m->size : DEV_SIZE_DEFAULT, plan->shm_size,
				     !terminal_pty_wanted(plan), err);
	default:
		return 0; /* created inside the root, nothing to bring from the host */
	}
}

int mounts_prepare(const struct plan *plan, struct mount_objects *objs, struct verr *err)
{
	struct source_view view;
	int start_dir, rc = 0;

	tmpfs_owned_by_inside_root = plan->outside_nobody != NULL;
	snprintf(tmpfs_uid, sizeof tmpfs_uid, "%u", plan->uid.set ? plan->uid.id : 0);
	snprintf(tmpfs_gid, sizeof tmpfs_gid, "%u", plan->gid.set ? plan->gid.id : 0);
	objs->n = plan->n_mounts;
	objs->steps = xmalloc(objs->n * sizeof *objs->steps);
	for (size_t i = 0; i < objs->n; i++) {
		objs->steps[i].fd = -1;
		devfs_init(&objs->steps[i].devfs);
		kernfs_init(&objs->steps[i].covers);
	}
	if (plan->root.kind == ROOT_TMPFS) {
		objs->root = fs_new("tmpfs", (struct fs_option[]){ { "mode", "755" }, { NULL, NULL } },
				    MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, err);
	} else {
		objs->root = tree_clone(AT_FDCWD, plan->root.path, true,
					bind_attrs(plan->root.flags), err);
		if (objs->root >= 0 && idmap_if_writable(objs->idmap_sock, objs->root,
							  plan->root.flags, plan->root.path, err) < 0) {
			close(objs->root);
			objs->root = -1;
		}
		if (objs->root < 0)
			verr_prefix(err, "root");
	}
	if (objs->root < 0)
		return -1;
	/* Before view_open, which may leave the working directory and return. */
	start_dir = open_start_dir(plan, err);
	if (start_dir == -1)
		return -1;
	if (view_open(&plan->bind_source, &view, err) < 0) {
		if (start_dir >= 0)
			close(start_dir);
		return -1;
	}
	for (size_t i = 0; i < objs->n && rc == 0; i++) {
		rc = prepare_step(plan, &plan->mounts[i], &objs->steps[i], &view, start_dir,
				  objs->idmap_sock, err);
		if (rc < 0)
			verr_prefix(err, "%s (%s)", mount_kind_name(plan->mounts[i].kind),
				    plan->mounts[i].origin);
	}
	view_close(&view);
	if (start_dir >= 0)
		close(start_dir);
	return rc;
}

int mounts_enter_root(struct mount_objects *objs, struct verr *err)
{
	/* Stack the root on /, step into it and make it the root; the old root
	 * then sits on top of the new one and is detached with everything
	 * under it.  pivot_root(".", ".") needs no directory for the old root,
	 * so nothing is created in the action root for it. */
	if (sys_move_mount(objs->root, "", AT_FDCWD, "/", MOVE_MOUNT_F_EMPTY_PATH) < 0)
		return verr_errno(err, errno, "cannot mount the root");
	if (fchdir(objs->root) < 0)
		return verr_errno(err, errno, "cannot enter the root");
	if (sys_pivot_root(".", ".") < 0)
		return verr_errno(err, errno, "pivot_root");
	if (umount2(".", MNT_DETACH) < 0)
		return verr_errno(err, errno, "cannot detach the old root");
	if (chdir("/") < 0)
		return verr_errno(err, errno, "chdir /");
	trace("root: pivoted, host root detached");
	return 0;
}

/* The mount point for a step: a directory, or an empty file when a file is
 * bound; an existing one of the other kind is an error naming both. */
static int open_mountpoint(int rootfd, const struct mount_step *m, bool want_dir,
			   struct verr *err)
{
	struct stat st;
	bool created;
	int fd = want_dir ? root_mkdirs(rootfd, m->dest, 0755, &created, err)
			  : root_mkfile(rootfd, m->dest, err);

	if (fd < 0)
		return -1;
	if (!want_dir && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return verr_set(err, "cannot bind %s, not a directory, on %s, a directory", m->src,
				m->dest);
	}
	return fd;
}

static int attach_prepared(int rootfd, const struct mount_step *m, int mnt_fd, struct verr *err)
{
	struct stat st;
	int to;

	if (fstat(mnt_fd, &st) < 0)
		return verr_errno(err, errno, "%s", m->dest);
	to = open_mountpoint(rootfd, m, S_ISDIR(st.st_mode), err);
	if (to < 0) {
		if (S_ISDIR(st.st_mode) && errno == ENOTDIR && m->kind == MOUNT_BIND)
			verr_set(err, "cannot bind %s, a directory, on %s, not a directory", m->src,
				 m->dest);
		return -1;
	}
	int rc = attach(mnt_fd, to, NULL, m->dest, err);
	close(to);
	return rc;
}

/* --chmod, and --perms on an existing --dir: the mode of exactly the object
 * named.  No symbolic link is followed, not even one that stays inside the
 * root: the root may link to a file or a device node bound in from the host,
 * and its mode is the host's.  Only a regular file or a directory is
 * changed: the mode of a device node, a socket or a FIFO says who on the
 * host may use it.  fchmodat2 (Linux 6.6) takes the O_PATH descriptor
 * directly; older kernels get a reopen of the same object, checked by
 * inode, opened so that it cannot block. */
static int chmod_in_root(int rootfd, const char *path, mode_t mode, struct verr *err)
{
	struct stat st, again;
	int fd = root_open_exact(rootfd, path, 0, err);
	int rfd, rc;

	if (fd < 0)
		return verr_prefix(err, "cannot change the mode"), -1;
	if (fstat(fd, &st) < 0 || (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))) {
		close(fd);
		return verr_set(err, "cannot change the mode of %s: not a regular file or a directory",
				path);
	}
	rc = (int)syscall(SYS_fchmodat2, fd, "", mode, AT_EMPTY_PATH);
	int e = errno;
	close(fd);
	if (rc == 0)
		return 0;
	if (e != ENOSYS && e != EINVAL)
		return verr_errno(err, e, "chmod %s", path);
	rfd = sys_openat2(rootfd, path[1] ? path + 1 : ".",
			  O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0,
			  RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS);
	if (rfd < 0)
		return verr_errno(err, errno, "chmod %s", path);
	if (fstat(rfd, &again) < 0 || !same_inode(&again, &st)) {
		close(rfd);
		return verr_set(err, "chmod %s: changed while veil was using it", path);
	}
	rc = fchmod(rfd, mode);
	close(rfd);
	return rc < 0 ? verr_errno(err, errno, "chmod %s", path) : 0;
}

static int make_dir(int rootfd, const struct mount_step *m, struct verr *err)
{
	bool created;
	int fd = root_mkdirs(rootfd, m->dest, m->mode, &created, err);

	if (fd < 0)
		return -1;
	close(fd);
	/* An existing directory keeps its mode unless --perms asked for one. */
	if (!created && (m->flags & STEP_MODE_SET))
		return chmod_in_root(rootfd, m->dest, m->mode, err);
	return 0;
}

static int make_symlink(int rootfd, const struct mount_step *m, struct verr *err)
{
	char *parent_path = path_parent(m->dest);
	const char *name = path_base(m->dest);
	char existing[PATH_MAX];
	bool created;
	ssize_t n;
	int parent = root_mkdirs(rootfd, parent_path, 0755, &created, err);
	int rc = 0;

	free(parent_path);
	if (parent < 0)
		return -1;
	if (symlinkat(m->src, parent, name) < 0) {
		if (errno != EEXIST) {
			rc = verr_errno(err, errno, "cannot create symlink %s", m->dest);
		} else {
			/* An identical link already there is fine, as in bwrap. */
			n = readlinkat(parent, name, existing, sizeof existing - 1);
			if (n < 0 || (size_t)n != strlen(m->src) || memcmp(existing, m->src, (size_t)n))
				rc = verr_set(err, "cannot create symlink %s: it exists and is not "
						   "a link to %s", m->dest, m->src);
		}
	}
	close(parent);
	return rc;
}

/* --remount-ro on a path that is not a mount point first binds it onto
 * itself, so "read-only" applies to exactly that subtree.  A pin stops
 * there: a mount point cannot be renamed, removed or renamed over, so the
 * path to veil's configuration stays the path the next veil looks up; it
 * may be a symbolic link, which is pinned, not followed.  STEP_TRY (veil's
 * own configuration, config-guard.c): nothing to do where nothing is. */
static int mount_point(int rootfd, const struct mount_step *m, struct verr *err)
{
	bool ro = m->kind == MOUNT_REMOUNT_RO;
	struct statx stx;
	int fd = root_open(rootfd, m->dest, ro ? 0 : O_NOFOLLOW, err);
	int target = fd;
	int rc = -1;

	if (fd < 0 && (m->flags & STEP_TRY) && errno == ENOENT) {
		trace("%s: %s is not in the sandbox, skipped", mount_kind_name(m->kind), m->dest);
		return 0;
	}
	if (fd < 0)
		return -1;
	if (statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &stx) < 0) {
		verr_errno(err, errno, "%s", m->dest);
		goto out;
	}
	if (!(stx.stx_attributes & STATX_ATTR_MOUNT_ROOT)) {
		target = tree_clone(fd, "", true, 0, err);
		if (target < 0 || attach(target, fd, NULL, m->dest, err) < 0)
			goto out;
	}
	if (ro && sys_mount_setattr(target, "", AT_EMPTY_PATH, MOUNT_ATTR_RDONLY, 0) < 0) {
		verr_errno(err, errno, "cannot make %s read-only", m->dest);
		goto out;
	}
	rc = 0;
out:
	if (target >= 0 && target != fd)
		close(target);
	close(fd);
	return rc;
}

static int attach_step(int rootfd, const struct mount_step *m, struct prepared_step *p,
		       struct verr *err)
{
	switch (m->kind) {
	case MOUNT_BIND:
		if (p->fd < 0)
			return 0; /* --bind-try whose source was missing */
		/* fall through */
	case MOUNT_TMPFS:
		return attach_prepared(rootfd, m, p->fd, err);
	case MOUNT_PROC:
	case MOUNT_SYSFS:
		/* p->fd names the attached file system from here on. */
		if (attach_prepared(rootfd, m, p->fd, err) < 0)
			return -1;
		return kernfs_attach(&p->covers, p->fd, m->dest, err);
	case MOUNT_DEV:
		return devfs_attach(&p->devfs, rootfd, m->dest, err);
	case MOUNT_DIR:
		return make_dir(rootfd, m, err);
	case MOUNT_SYMLINK:
		return make_symlink(rootfd, m, err);
	case MOUNT_REMOUNT_RO:
	case MOUNT_PIN:
		return mount_point(rootfd, m, err);
	case MOUNT_CHMOD:
		return chmod_in_root(rootfd, m->dest, m->mode, err);
	}
	return 0;
}

int mounts_attach(const struct plan *plan, struct mount_objects *objs, struct verr *err)
{
	int rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);

	if (rootfd < 0)
		return verr_errno(err, errno, "cannot open the new root");
	for (size_t i = 0; i < plan->n_mounts; i++) {
		const struct mount_step *m = &plan->mounts[i];

		trace("%s %s%s%s", mount_kind_name(m->kind), m->src ? m->src : "",
		      m->src ? " -> " : "", m->dest);
		if (attach_step(rootfd, m, &objs->steps[i], err) < 0) {
			verr_prefix(err, "%s (%s)", mount_kind_name(m->kind), m->origin);
			close(rootfd);
			return -1;
		}
	}
	close(rootfd);
	return 0;
}

void mounts_close(struct mount_objects *objs)
{
	if (objs->root >= 0)
		close(objs->root);
	objs->root = -1;
	for (size_t i = 0; i < objs->n; i++) {
		if (objs->steps[i].fd >= 0)
			close(objs->steps[i].fd);
		devfs_close(&objs->steps[i].devfs);
		kernfs_close(&objs->steps[i].covers);
	}
	free(objs->steps);
	objs->steps = NULL;
	objs->n = 0;
}
