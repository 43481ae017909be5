/* veil's own configuration, read-only inside every sandbox. */
#ifndef VEIL_CONFIG_GUARD_H
#define VEIL_CONFIG_GUARD_H

#include <stddef.h>

#include "plan.h"

/* Add a remount-ro step, after every other, for each of the n directories
 * (host paths, such as profile_config_dirs gives) that a writable bind or
 * a writable root of the plan brings into the sandbox; for one that does
 * not exist, for its nearest existing parent. */
void config_guard(struct plan *plan, char *const *dirs, size_t n);

#endif
