/* Capabilities (libcap): which ones the command keeps.  Part of the
 * security step (security.h). */
#ifndef VEIL_CAPABILITIES_H
#define VEIL_CAPABILITIES_H

#include <stdint.h>
#include <stdio.h>

#include "ops.h"

/* CAP_NET_BIND_SERVICE, cap_net_bind_service, net_bind_service (any case):
 * the capability's bit; ALL: every bit.  Fills err ("'%s' is not a
 * capability") and returns -1 on a bad name. */
int security_cap_parse(const char *name, uint64_t *mask, struct verr *err);

/* Builder handlers for --cap-add and --cap-drop. */
int op_cap_add(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err);
int op_cap_drop(struct builder *b, const struct op *op, char *const *args, const char *origin,
		struct verr *err);

/* For --dry-run: "none", "all", "all but cap_x ...", or the names kept. */
void caps_print(uint64_t keep, FILE *out);

/* In the command's process: drop every capability not in want (bounding,
 * ambient, inheritable, permitted, effective). */
int caps_apply(uint64_t want, struct verr *err);

#endif
