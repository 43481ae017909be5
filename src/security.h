/* Privileges of the command: capabilities (libcap) and the seccomp filter
 * (libseccomp).  The builder's handlers validate names while the plan is
 * built; security_apply() runs in the command's process just before exec. */
#ifndef VEIL_SECURITY_H
#define VEIL_SECURITY_H

#include <stdio.h>

#include "ops.h"
#include "plan.h"

/* Builder handlers for the ops table (ops.c). */
int op_cap_add(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err);
int op_cap_drop(struct builder *b, const struct op *op, char *const *args, const char *origin,
		struct verr *err);
int op_seccomp(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err);
int op_seccomp_default(struct builder *b, const struct op *op, char *const *args,
		       const char *origin, struct verr *err);
/* seccomp-deny, -kill, -log, -allow: op->flags holds the enum seccomp_action. */
int op_seccomp_rule(struct builder *b, const struct op *op, char *const *args, const char *origin,
		    struct verr *err);

void security_free(struct security *s);
/* The --dry-run lines for capabilities and seccomp. */
void security_print(const struct security *s, FILE *out);

/* In the command's process, last thing before exec: no_new_privs, drop
 * every capability not kept (bounding, ambient, inheritable, permitted,
 * effective), load the seccomp filter. */
int security_apply(const struct security *s, struct verr *err);

#endif
