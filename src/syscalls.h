/* Thin wrappers for the Linux system calls that glibc 2.36 does not wrap:
 * the new mount API, openat2, pivot_root and raw clone.  Kept in one header so
 * every caller spells them the same way. */
#ifndef VEIL_SYSCALLS_H
#define VEIL_SYSCALLS_H

#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline int sys_open_tree(int dfd, const char *path, unsigned int flags)
{
	return (int)syscall(SYS_open_tree, dfd, path, flags);
}

static inline int sys_move_mount(int from_dfd, const char *from_path, int to_dfd,
				 const char *to_path, unsigned int flags)
{
	return (int)syscall(SYS_move_mount, from_dfd, from_path, to_dfd, to_path, flags);
}

static inline int sys_fsopen(const char *fsname, unsigned int flags)
{
	return (int)syscall(SYS_fsopen, fsname, flags);
}

static inline int sys_fsconfig(int fd, unsigned int cmd, const char *key,
			       const void *value, int aux)
{
	return (int)syscall(SYS_fsconfig, fd, cmd, key, value, aux);
}

static inline int sys_fsmount(int fd, unsigned int flags, unsigned int attr_flags)
{
	return (int)syscall(SYS_fsmount, fd, flags, attr_flags);
}

static inline int sys_mount_setattr(int dfd, const char *path, unsigned int flags,
				    unsigned long long set, unsigned long long clr)
{
	struct mount_attr attr = { .attr_set = set, .attr_clr = clr };
	return (int)syscall(SYS_mount_setattr, dfd, path, flags, &attr, sizeof attr);
}

/* MOUNT_ATTR_IDMAP: the ids of the mount at dfd (with AT_RECURSIVE, of
 * every mount in its tree) as the user namespace userns_fd maps them. */
static inline int sys_mount_setattr_idmap(int dfd, unsigned int flags, int userns_fd)
{
	struct mount_attr attr = { .attr_set = MOUNT_ATTR_IDMAP, .userns_fd = (__u64)userns_fd };
	return (int)syscall(SYS_mount_setattr, dfd, "", AT_EMPTY_PATH | flags, &attr, sizeof attr);
}

/* openat2(2).  With RESOLVE_IN_ROOT or RESOLVE_BENEATH the kernel answers
 * EAGAIN when a rename or a mount anywhere on the machine raced with the
 * lookup (it cannot then vouch for the walk); the remedy is to ask again,
 * and a few hundred times is more than any real race needs. */
static inline int sys_openat2(int dfd, const char *path, int flags, mode_t mode,
			      unsigned long long resolve)
{
	struct open_how how = { .flags = (__u64)flags, .mode = mode, .resolve = resolve };
	int fd, tries = 0;

	do
		fd = (int)syscall(SYS_openat2, dfd, path, &how, sizeof how);
	while (fd < 0 && errno == EAGAIN && ++tries < 512);
	return fd;
}

static inline int sys_pivot_root(const char *new_root, const char *put_old)
{
	return (int)syscall(SYS_pivot_root, new_root, put_old);
}

/* clone(2) without a new stack: returns twice, like fork(2), but can create
 * namespaces in the same step, so the child is pid 1 of its pid namespace. */
static inline pid_t sys_clone_fork(unsigned long flags)
{
	return (pid_t)syscall(SYS_clone, flags, NULL, NULL, NULL, 0UL);
}

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
static inline int sys_close_range(unsigned int first, unsigned int last, unsigned int flags)
{
	return (int)syscall(SYS_close_range, first, last, flags);
}

#endif
