/* veil's own configuration, read-only inside every sandbox. */
#ifndef VEIL_CONFIG_GUARD_H
#define VEIL_CONFIG_GUARD_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

/* Add a remount-ro step, after every other, for each of the n directories
 * (host paths, such as profile_config_dirs gives) that a writable bind or
 * a writable root of the plan brings into the sandbox; for one that does
 * not exist, for its nearest existing parent. */
void config_guard(struct plan *plan, char *const *dirs, size_t n);

/* Whether the working directory (cwd, its path, and cwd_fd, the directory
 * itself) is $HOME (home, resolved; NULL: none) or a directory above it,
 * by path or by identity. */
bool holds_home(const char *home, const char *cwd, int cwd_fd);

#endif
