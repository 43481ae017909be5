/* Privileges of the command: capabilities (capabilities.h, libcap) and the
 * seccomp filter (seccomp-rules.h, seccomp-filter.h), with no_new_privs, the
 * descriptors it inherits and its session.  The builder's handlers
 * validate names while the plan is built; security_apply() runs in the
 * command's process just before exec. */
#ifndef VEIL_SECURITY_H
#define VEIL_SECURITY_H

#include <stdio.h>

#include "capabilities.h"
#include "ops.h"
#include "plan.h"
#include "seccomp-filter.h"
#include "seccomp-rules.h"

/* --keep-fd N (a number from 0 to INT_MAX; 0 to 2 are kept anyway),
 * --new-session and --pty. */
int op_keep_fd(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err);
int op_new_session(struct builder *b, const struct op *op, char *const *args, const char *origin,
		   struct verr *err);
int op_pty(struct builder *b, const struct op *op, char *const *args, const char *origin,
	   struct verr *err);
/* --nested-userns: a command that is root outside may still make user
 * namespaces. */
int op_nested_userns(struct builder *b, const struct op *op, char *const *args,
		     const char *origin, struct verr *err);

void security_free(struct security *s);
/* The --dry-run lines for capabilities and seccomp; namespaces are the
 * plan's (a new network namespace narrows the socket families). */
void security_print(const struct security *s, unsigned long namespaces, FILE *out);

/* In the command's process, last thing before exec: no_new_privs, drop
 * every capability not kept (bounding, ambient, inheritable, permitted,
 * effective), load the seccomp filter made by seccomp_filter_build() (which the
 * caller runs before it sets the resource limits). */
int security_apply(const struct security *s, unsigned long namespaces,
		   const struct sock_fprog *filter, struct verr *err);

#endif
