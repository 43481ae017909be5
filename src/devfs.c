#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devfs.h"
#include "mounts.h"
#include "resolve.h"
#include "syscalls.h"

static const char *const node_names[DEVFS_NODES] = {
	"null", "zero", "full", "random", "urandom", "tty",
};

static const struct {
	const char *name, *target;
} links[] = {
	{ "fd", "/proc/self/fd" },	   { "stdin", "/proc/self/fd/0" },
	{ "stdout", "/proc/self/fd/1" }, { "stderr", "/proc/self/fd/2" },
	{ "core", "/proc/kcore" },	   { "ptmx", "pts/ptmx" },
};

void devfs_init(struct devfs *d)
{
	d->tmpfs = -1;
	d->shm = -1;
	d->console = -1;
	for (int i = 0; i < DEVFS_NODES; i++)
		d->nodes[i] = -1;
}

void devfs_close(struct devfs *d)
{
	if (d->tmpfs >= 0)
		close(d->tmpfs);
	if (d->shm >= 0)
		close(d->shm);
	if (d->console >= 0)
		close(d->console);
	for (int i = 0; i < DEVFS_NODES; i++)
		if (d->nodes[i] >= 0)
			close(d->nodes[i]);
	devfs_init(d);
}

#define NODE_ATTRS (MOUNT_ATTR_NOSUID | MOUNT_ATTR_RDONLY)

int devfs_prepare(struct devfs *d, unsigned long long size, unsigned long long shm_size,
		  bool console, struct verr *err)
{
	char path[64], dev_size[32], shm[32];
	const char *tty;

	snprintf(dev_size, sizeof dev_size, "%llu", size);
	snprintf(shm, sizeof shm, "%llu", shm_size);
	/* No nodev here: the device nodes bound into it must work. */
	d->tmpfs = fs_new("tmpfs",
			  (struct fs_option[]){ { "mode", "755" }, { "size", dev_size }, { NULL, NULL } },
			  MOUNT_ATTR_NOSUID, err);
	if (d->tmpfs < 0)
		return -1;
	/* Programs write to /dev/shm what they would to /tmp: bounded, and
	 * world-writable with the sticky bit, as /tmp is. */
	d->shm = fs_new("tmpfs",
			(struct fs_option[]){ { "mode", "1777" }, { "size", shm }, { NULL, NULL } },
			MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, err);
	if (d->shm < 0)
		return -1;
	/* Read-only: a device node still takes reads and writes on a read-only
	 * mount (the device is not the file system), but its inode is the
	 * host's, and a command that is root would otherwise chmod or chown
	 * the host's /dev/null (or the caller's terminal) through it. */
	for (int i = 0; i < DEVFS_NODES; i++) {
		snprintf(path, sizeof path, "/dev/%s", node_names[i]);
		d->nodes[i] = tree_clone(AT_FDCWD, path, false, NODE_ATTRS, err);
		if (d->nodes[i] < 0)
			return -1;
	}
	/* As bwrap does: when output goes to a terminal, the sandbox may write
	 * to it anyway, so it is also /dev/console for programs that want one.
	 * Not with a pty of its own (--pty): the caller's terminal is what the
	 * command must not reach then. */
	tty = console && isatty(STDOUT_FILENO) ? ttyname(STDOUT_FILENO) : NULL;
	if (tty)
		d->console = tree_clone(AT_FDCWD, tty, false, NODE_ATTRS, err);
	return 0;
}

/* An empty file in the new /dev with a prepared device node on top. */
static int put_node(int dir, const char *name, int node, struct verr *err)
{
	int fd = openat(dir, name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);

	if (fd < 0)
		return verr_errno(err, errno, "cannot create %s", name);
	close(fd);
	return attach(node, dir, name, name, err);
}

int devfs_attach(struct devfs *d, int rootfd, const char *dest, struct verr *err)
{
	struct fs_option pts_opts[] = { { "ptmxmode", "0666" }, { "mode", "620" }, { NULL, NULL } };
	bool created;
	int to, pts;

	to = root_mkdirs(rootfd, dest, 0755, &created, err);
	if (to < 0)
		return -1;
	if (attach(d->tmpfs, to, NULL, dest, err) < 0) {
		close(to);
		return -1;
	}
	close(to);
	/* d->tmpfs now names the attached tmpfs: a directory only veil has
	 * written to, so plain *at() calls inside it are safe. */
	for (int i = 0; i < DEVFS_NODES; i++)
		if (put_node(d->tmpfs, node_names[i], d->nodes[i], err) < 0)
			return -1;
	if (d->console >= 0 && put_node(d->tmpfs, "console", d->console, err) < 0)
		return -1;
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++)
		if (symlinkat(links[i].target, d->tmpfs, links[i].name) < 0)
			return verr_errno(err, errno, "cannot create %s/%s", dest, links[i].name);
	if (mkdirat(d->tmpfs, "shm", 0755) < 0 || mkdirat(d->tmpfs, "pts", 0755) < 0)
		return verr_errno(err, errno, "cannot create %s/shm or %s/pts", dest, dest);
	if (attach(d->shm, d->tmpfs, "shm", "shm", err) < 0)
		return -1;
	/* A devpts of its own: the sandbox sees only the terminals it opens. */
	pts = fs_new("devpts", pts_opts, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC, err);
	if (pts < 0)
		return -1;
	int rc = attach(pts, d->tmpfs, "pts", "pts", err);

	close(pts);
	return rc;
}
