/* Creating the namespaces: the clone that makes pid 1, and the user
 * namespace's id maps, which its parent must write. */
#ifndef VEIL_NAMESPACES_H
#define VEIL_NAMESPACES_H

#include <sys/types.h>

#include "error.h"

/* clone() into the namespaces in flags (CLONE_NEW*): returns the child's
 * pid in the parent and 0 in the child, which is pid 1 of its pid
 * namespace; -1 with err filled. */
pid_t ns_clone(unsigned long flags, struct verr *err);

/* Map uid and gid outside to inside_uid and inside_gid in the user
 * namespace of pid (one id each), denying setgroups first as the kernel
 * requires of non-root. */
int ns_write_id_maps(pid_t pid, uid_t uid, gid_t gid, uid_t inside_uid, gid_t inside_gid,
		     struct verr *err);

/* A user namespace of its own, with no process in it, whose one id
 * inside_uid:inside_gid is outside_uid:outside_gid outside: its descriptor
 * (/proc/PID/ns/user), which an idmapped mount takes (idmap.c). */
int ns_new_user(uid_t inside_uid, gid_t inside_gid, uid_t outside_uid, gid_t outside_gid,
		struct verr *err);

/* --nobody, in pid 1 once veil (root) has mapped the command's ids inside
 * (0, or --uid/--gid) to nobody outside: pid 1 keeps root's ids, which its
 * namespace does not map (it could not create files), until it drops
 * root's supplementary groups and takes those ids, nobody's outside.  The
 * maps were written with setgroups allowed for this. */
int ns_become_inside_root(uid_t uid, gid_t gid, struct verr *err);

/* In a new network namespace: bring the loopback interface up, as bwrap
 * does, so that servers on 127.0.0.1 work. */
int ns_loopback_up(struct verr *err);

#endif
