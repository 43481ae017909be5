/* The seccomp rules of the plan: the names they take, the builder's
 * handlers and the --dry-run lines (seccomp-rules.c).  Part of the
 * security step (security.h). */
#ifndef VEIL_SECCOMP_RULES_H
#define VEIL_SECCOMP_RULES_H

#include <stdbool.h>
#include <stdio.h>

#include "ops.h"
#include "plan.h"

/* Builder handlers for the ops table (ops.c). */
int op_seccomp(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err);
int op_seccomp_default(struct builder *b, const struct op *op, char *const *args,
		       const char *origin, struct verr *err);
/* seccomp-deny, -kill, -log, -allow: op->flags holds the enum seccomp_action. */
int op_seccomp_rule(struct builder *b, const struct op *op, char *const *args, const char *origin,
		    struct verr *err);

/* The names the handlers accept, for them and for the unit tests.  Each
 * fills err ("'%s' is not a ...") and returns -1 on a bad name. */
/* A name libseccomp knows (on any architecture) or veil's table of the
 * shared numbers does (syscall-table.h), or a shared number, 424 to 511;
 * *canon is the lowercase name (a number's name if the table has it, else
 * the number), to free. */
int security_syscall_parse(const char *name, char **canon, struct verr *err);
/* EPERM, ENOSYS, ... (any case), from a table of the common ones. */
int security_errno_parse(const char *name, int *errnum, struct verr *err);
/* The table's name for errnum, or NULL. */
const char *security_errno_name(int errnum);
/* allow, errno (EPERM), errno:ENAME, kill, log; *errnum is 0 but for errno. */
int security_action_parse(const char *s, enum seccomp_action *action, int *errnum,
			  struct verr *err);

/* Free the rules. */
void seccomp_free(struct security *s);
/* For --dry-run: the end of the security line ("; seccomp MODE, ...") and
 * a line for each rule, and for what the filter refuses besides: calls
 * newer than veil's list (--seccomp default) and, with the network
 * namespace new (CLONE_NEWNET in namespaces), socket families. */
void seccomp_print(const struct security *s, unsigned long namespaces, FILE *out);
/* "none", "default", "custom". */
const char *seccomp_mode_name(enum seccomp_mode mode);
/* Whether the filter refuses the calls newer than veil's table (ENOSYS):
 * --seccomp default with the default action allow. */
bool seccomp_refuses_newer(const struct security *s);

#endif
