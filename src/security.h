/* Privileges of the command: capabilities (libcap) and the seccomp filter
 * (libseccomp).  The builder's handlers validate names while the plan is
 * built; security_apply() runs in the command's process just before exec. */
#ifndef VEIL_SECURITY_H
#define VEIL_SECURITY_H

#include <stdint.h>
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

/* --keep-fd N (a number from 0 to INT_MAX; 0 to 2 are kept anyway),
 * --new-session and --pty. */
int op_keep_fd(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err);
int op_new_session(struct builder *b, const struct op *op, char *const *args, const char *origin,
		   struct verr *err);
int op_pty(struct builder *b, const struct op *op, char *const *args, const char *origin,
	   struct verr *err);

/* The names the handlers accept, for them and for the unit tests.  Each
 * fills err ("'%s' is not a ...") and returns -1 on a bad name. */
/* CAP_NET_BIND_SERVICE, cap_net_bind_service, net_bind_service (any case):
 * the capability's bit; ALL: every bit. */
int security_cap_parse(const char *name, uint64_t *mask, struct verr *err);
/* A name libseccomp knows (on any architecture); *canon is the lowercase
 * name, to free. */
int security_syscall_parse(const char *name, char **canon, struct verr *err);
/* EPERM, ENOSYS, ... (any case), from a table of the common ones. */
int security_errno_parse(const char *name, int *errnum, struct verr *err);
/* The table's name for errnum, or NULL. */
const char *security_errno_name(int errnum);
/* allow, errno (EPERM), errno:ENAME, kill, log; *errnum is 0 but for errno. */
int security_action_parse(const char *s, enum seccomp_action *action, int *errnum,
			  struct verr *err);

void security_free(struct security *s);
/* The --dry-run lines for capabilities and seccomp. */
void security_print(const struct security *s, FILE *out);

/* In the command's process, last thing before exec: no_new_privs, drop
 * every capability not kept (bounding, ambient, inheritable, permitted,
 * effective), load the seccomp filter. */
int security_apply(const struct security *s, struct verr *err);

#endif
