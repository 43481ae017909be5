/* The filesystem half of the executor, in three phases:
 *
 *  1. prepare, while the host is still visible: every host object a step
 *     needs (bind sources, the root, fresh proc/sysfs/tmpfs instances) is
 *     turned into a detached mount held by a descriptor.  Sources are opened
 *     once here, and that same object is what gets mounted later.
 *  2. enter_root: the root is stacked on /, pivot_root'ed into, and the old
 *     root detached, so no path can lead back to the host.
 *  3. attach, inside the root, in plan order: destinations are resolved with
 *     resolve.c and the prepared mounts moved onto them by descriptor.
 */
#ifndef VEIL_MOUNTS_H
#define VEIL_MOUNTS_H

#include <stdbool.h>

#include "devfs.h"
#include "kernfs.h"
#include "plan.h"

struct prepared_step {
	int fd;		    /* detached mount, or -1 */
	struct devfs devfs; /* MOUNT_DEV only */
	struct kernfs_covers covers; /* MOUNT_PROC, MOUNT_SYSFS */
};

struct mount_objects {
	int root;
	int idmap_sock; /* --nobody: veil's end for idmapping writable binds (idmap.c), or -1 */
	struct prepared_step *steps;
	size_t n;
};

int mounts_make_private(struct verr *err);
int mounts_prepare(const struct plan *plan, struct mount_objects *objs, struct verr *err);
int mounts_enter_root(struct mount_objects *objs, struct verr *err);
int mounts_attach(const struct plan *plan, struct mount_objects *objs, struct verr *err);
void mounts_close(struct mount_objects *objs);

/* Shared with devfs.c. */
struct fs_option {
	const char *key, *value;
};
/* A new, detached instance of filesystem type with options and MOUNT_ATTR_*
 * attributes; returns its descriptor. */
int fs_new(const char *type, const struct fs_option *opts, unsigned attrs, struct verr *err);
/* A detached copy of the mount tree at path (the whole tree if recursive),
 * with MOUNT_ATTR_* attributes set on every mount in it. */
int tree_clone(int dirfd, const char *path, bool recursive, unsigned long long attrs,
	       struct verr *err);
/* Move a detached mount onto the object that to_fd (and to_path, if not
 * NULL) names. */
int attach(int mnt_fd, int to_fd, const char *to_path, const char *what, struct verr *err);

#endif
