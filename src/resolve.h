/* Paths inside the action root, resolved so that nothing in the root can
 * send veil outside it: every lookup goes through openat2() with
 * RESOLVE_IN_ROOT (absolute symlinks and ".." stop at the root) and
 * RESOLVE_NO_MAGICLINKS (no /proc/self/fd/N jumps to veil's own host
 * descriptors).  Directories are created one component at a time with
 * mkdirat() relative to an already resolved parent. */
#ifndef VEIL_RESOLVE_H
#define VEIL_RESOLVE_H

#include <stdbool.h>
#include <sys/types.h>

#include "error.h"

/* An O_PATH descriptor for path (absolute, normalized) inside root. */
int root_open(int rootfd, const char *path, int flags, struct verr *err);

/* The same, but with no symbolic link anywhere on the way, not even one
 * that stays inside the root (ELOOP, with a message that says so): for
 * changes that must reach the object named and nothing a link leads to. */
int root_open_exact(int rootfd, const char *path, int flags, struct verr *err);

/* Make sure path is a directory inside root, creating what is missing with
 * mode; returns an O_PATH descriptor for it.  *created says whether the last
 * component was made here. */
int root_mkdirs(int rootfd, const char *path, mode_t mode, bool *created, struct verr *err);

/* Make sure path exists inside root as something a file can be mounted on;
 * creates an empty file (and parent directories) when missing. */
int root_mkfile(int rootfd, const char *path, struct verr *err);

#endif
