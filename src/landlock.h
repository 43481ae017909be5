/* A Landlock domain for every action's command: what keeps two actions,
 * and an action and the host, from reaching each other's processes
 * (ptrace and everything checked like it: pidfd_getfd, process_vm_*,
 * process_madvise, kcmp, /proc/PID/mem, the pidfd namespace ioctls), from
 * signalling out of the action, and from connecting to the host's unix
 * sockets.  The builder's handlers record [security] landlock and
 * host-sockets; landlock_apply() runs in the command's process just
 * before exec. */
#ifndef VEIL_LANDLOCK_H
#define VEIL_LANDLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ops.h"
#include "plan.h"

/* --landlock yes|no, --host-sockets yes|no. */
int op_landlock(struct builder *b, const struct op *op, char *const *args, const char *origin,
		struct verr *err);
int op_host_sockets(struct builder *b, const struct op *op, char *const *args,
		    const char *origin, struct verr *err);

void landlock_setting_free(struct landlock_setting *l);
/* The --dry-run line; what it means for the running kernel is traced
 * under -v when it is applied, as only then the ABI is known. */
void landlock_print(const struct landlock_setting *l, FILE *out);

/* The ruleset for Landlock ABI abi: false when the ABI has nothing veil
 * can use without breaking commands (no Landlock, or ABI 1). */
struct landlock_policy {
	uint64_t handled_fs;  /* handled_access_fs */
	uint64_t scoped;      /* scoped (ABI 6 on) */
	uint64_t root_access; /* allowed beneath /; 0: no rule */
	uint64_t bind_access; /* allowed beneath each bind's destination; 0: no rule */
};
bool landlock_policy_for(int abi, bool host_sockets, struct landlock_policy *p);

/* In the command's process, before the capabilities and seccomp step:
 * no_new_privs and the domain.  A kernel without Landlock is traced and
 * skipped; one that has it and fails is an error. */
int landlock_apply(const struct plan *plan, struct verr *err);

#endif
