/* veil's own BPF, run before libseccomp's program in the same filter, for
 * what libseccomp cannot say: "every call above N" and calls it does not
 * know by name.  Both are about the shared numbers (syscall-table.h),
 * which are the same on every ABI, so the head needs no per-architecture
 * tables for them; it also checks the family of socket(2) and
 * socketpair(2), whose numbers it does know per ABI. */
#ifndef VEIL_SECCOMP_HEAD_H
#define VEIL_SECCOMP_HEAD_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* A shared number (424 up) and the filter's return for it (SECCOMP_RET_*,
 * which libseccomp's SCMP_ACT_* values are). */
struct head_rule {
	uint32_t nr;
	uint32_t action;
};

struct head {
	const struct head_rule *rules;
	size_t n_rules;
	/* Shared numbers above syscall_newest that no rule names: ENOSYS. */
	bool refuse_newer;
	/* socket(2), socketpair(2): EAFNOSUPPORT for a family other than
	 * AF_UNIX, AF_INET, AF_INET6, AF_NETLINK; on i386, socketcall(2)'s
	 * SOCKET and SOCKETPAIR too, whose family the filter cannot see;
	 * io_uring_setup, io_uring_enter, io_uring_register: ENOSYS, since
	 * io_uring creates sockets without socket(2). */
	bool socket_families;
	/* For a command that is uid 0 to the host.  No new user namespace,
	 * in which it would have every capability over the kernel objects
	 * uid 0 owns (cgroupfs): clone(2), unshare(2) with CLONE_NEWUSER
	 * and setns(2) EPERM, clone3(2) ENOSYS (its flags are in memory). */
	bool no_new_userns;
	/* Not root's keyrings: add_key, request_key, keyctl EPERM. */
	bool no_keyrings;
};

/* The ABIs the head knows (by their AUDIT_ARCH_* value): x86-64 with x32,
 * i386, aarch64, arm.  A call through any other goes on to the rest of
 * the filter. */

/* The head's instructions, into *prog (to free), and how many; 0 when it
 * has nothing to do.  What the head does not decide falls through to the
 * instruction after its last, where the rest of the filter must follow. */
int seccomp_head_build(const struct head *h, struct sock_filter **prog, size_t *len,
		       struct verr *err);

/* The socket numbers of an ABI the head knows, for the unit tests:
 * socket, socketpair and socketcall (-1: none); -1 for an unknown ABI. */
int seccomp_head_socket_nrs(uint32_t audit_arch, int nrs[3]);

/* clone, unshare, setns and add_key (keyctl is add_key + 2) of an ABI
 * the head knows; -1 for an unknown ABI. */
int seccomp_head_root_nrs(uint32_t audit_arch, int nrs[4]);

#endif
