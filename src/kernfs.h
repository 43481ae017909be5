/* The fresh proc and sysfs veil mounts, made safe for a command that is
 * root (uid 0 owns the kernel's settings, capabilities or not): in proc,
 * everything at the top that is not a process (sys, irq, bus, fs,
 * sysrq-trigger...) is covered read-only and a few files and directories
 * that tell too much about the host are masked; in sysfs, firmware and
 * powercap are masked.  The processes' own directories stay writable
 * (uid_map, oom_score_adj, attr...). */
#ifndef VEIL_KERNFS_H
#define VEIL_KERNFS_H

#include <stddef.h>

#include "error.h"

/* One entry of the fresh file system to cover: with a prepared mount, or
 * (src -1) with a read-only copy of itself, made once it is attached. */
struct kernfs_cover {
	char *path; /* relative to the file system's root */
	int src;
};

struct kernfs_covers {
	struct kernfs_cover *items;
	size_t n, cap;
};

void kernfs_init(struct kernfs_covers *c);
void kernfs_close(struct kernfs_covers *c);
/* Before the pivot: what to cover in the detached proc (or sysfs) at fd,
 * with the masks it needs made now, while the host's /dev/null is there. */
int kernfs_prepare_proc(int fd, struct kernfs_covers *c, struct verr *err);
int kernfs_prepare_sysfs(int fd, struct kernfs_covers *c, struct verr *err);
/* After fd is attached (at dest, for messages): put the covers on. */
int kernfs_attach(struct kernfs_covers *c, int fd, const char *dest, struct verr *err);

#endif
