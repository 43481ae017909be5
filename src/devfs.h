/* --dev: a minimal /dev, what bubblewrap's --dev gives: a tmpfs with the
 * harmless device nodes bound from the host, a private devpts, /dev/shm and
 * the usual symlinks into /proc/self/fd. */
#ifndef VEIL_DEVFS_H
#define VEIL_DEVFS_H

#include <stdbool.h>

#include "error.h"

#define DEVFS_NODES 6

struct devfs {
	int tmpfs;
	int shm;		/* a tmpfs of its own, so that its size holds */
	int nodes[DEVFS_NODES]; /* null zero full random urandom tty */
	int console;		/* the caller's terminal, when stdout is one */
};

void devfs_init(struct devfs *d);
/* Before the pivot: the tmpfs and clones of the host's device nodes, each
 * read-only, and the caller's terminal as /dev/console when console is
 * true and stdout is a terminal. */
int devfs_prepare(struct devfs *d, unsigned long long size, unsigned long long shm_size,
		  bool console, struct verr *err);
/* After the pivot: put it all at dest inside the root. */
int devfs_attach(struct devfs *d, int rootfd, const char *dest, struct verr *err);
void devfs_close(struct devfs *d);

#endif
