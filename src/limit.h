/* Bounds on the action: resource limits, and the timeout the supervisor
 * enforces.  Handlers validate while the plan is built; limits_apply()
 * sets the rlimits in the command's process before exec.
 *
 * (Not "limits.h": with src on the include path, that name would shadow
 * the C library's <limits.h>, which GCC's own reaches by #include_next.) */
#ifndef VEIL_LIMIT_H
#define VEIL_LIMIT_H

#include <stddef.h>
#include <stdio.h>

#include "ops.h"
#include "plan.h"

int op_timeout(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err);
int op_kill_after(struct builder *b, const struct op *op, char *const *args, const char *origin,
		  struct verr *err);
int op_rlimit(struct builder *b, const struct op *op, char *const *args, const char *origin,
	      struct verr *err);

void limits_free(struct limits *l);
/* The --dry-run lines: the timeout, then one line per rlimit; nothing for
 * what is not set. */
void limits_print(const struct limits *l, FILE *out);
/* In the command's process, before the security step (raising a hard
 * limit needs CAP_SYS_RESOURCE): setrlimit() each, in order. */
int limits_apply(const struct limits *l, struct verr *err);

/* Seconds as the shortest decimal that says them: "1.5", "2", "0.25". */
const char *limits_format_seconds(double seconds, char *buf, size_t len);

#endif
