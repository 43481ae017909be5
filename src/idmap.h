/* --nobody's writable binds, idmapped: the command is nobody (65534) to the
 * host, yet what it writes through a writable bind belongs on disk to the
 * owner of the bind's source, and that owner's files are its own.
 *
 * Only veil, root on the host, may idmap a mount of the host's file systems;
 * pid 1, in the action's user namespace, clones each writable bind and
 * hands the detached tree to veil over a socket, which idmaps it in place
 * and answers.  Veil serves until pid 1 closes its end, before it takes
 * nobody's ids. */
#ifndef VEIL_IDMAP_H
#define VEIL_IDMAP_H

#include <stdbool.h>
#include <sys/types.h>

#include "error.h"
#include "plan.h"

/* Whether the plan has a writable bind (the root included) that --nobody
 * makes veil idmap. */
bool idmap_wanted(const struct plan *plan);

/* The socket pair: [0] veil's end, [1] pid 1's. */
int idmap_channel(int sv[2], struct verr *err);

/* In veil: idmap each tree pid 1 sends until it closes its end.  The
 * action's own user namespace (inside_uid:inside_gid is nobody outside)
 * serves for a tree whose owner has those ids. */
int idmap_serve(int sock, pid_t pid1, const struct plan *plan, uid_t inside_uid,
		gid_t inside_gid, struct verr *err);

/* In pid 1: have veil idmap the detached tree cloned from src. */
int idmap_request(int sock, int tree, const char *src, struct verr *err);

#endif
