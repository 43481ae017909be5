/* The head of the seccomp filter: a small hand-written BPF program, put
 * in front of libseccomp's (seccomp-filter.c), so that both run as one
 * filter.
 *
 * Per ABI it loads the system call number and:
 *   - socket(2), socketpair(2) (with socket_families): the family, the
 *     first argument's low 32 bits (the kernel takes an int), must be
 *     AF_UNIX, AF_INET, AF_INET6 or AF_NETLINK, or EAFNOSUPPORT;
 *   - add_key, request_key, keyctl (with no_keyrings): EPERM;
 *   - clone(2), unshare(2) with CLONE_NEWUSER, and setns(2) (with
 *     no_new_userns): EPERM;
 *   - a shared number (424 up): io_uring's three (with socket_families)
 *     and clone3 (with no_new_userns) ENOSYS, then the head's rules for
 *     it, then, above the newest veil knows (with refuse_newer), ENOSYS;
 *   - anything else: on to libseccomp's program, the next instruction
 *     after the head.
 * ENOSYS is what a kernel older than the call answers, and what programs
 * test for to fall back to the older way (clone3 to clone, openat2 to
 * openat, ...): a call veil has not reviewed is treated as one the kernel
 * does not have, rather than failing with EPERM, which programs take for
 * a real refusal.
 *
 * Branches are forward only (classic BPF), their offsets at most 255: the
 * head is laid out so that every conditional jump is short, and long ones
 * go through "ja" (32-bit offset). */
#include "config.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "seccomp-head.h"
#include "syscall-table.h"
#include "util.h"

#define X32_SYSCALL_BIT 0x40000000u
/* On i386, socketcall(2)'s first argument: SYS_SOCKET, SYS_SOCKETPAIR. */
#define SOCKETCALL_SOCKET 1
#define SOCKETCALL_SOCKETPAIR 8
/* Shared numbers the head refuses by itself. */
#define NR_IO_URING_SETUP 425
#define NR_IO_URING_REGISTER 427
#define NR_CLONE3 435

static const struct abi {
	uint32_t arch; /* AUDIT_ARCH_* */
	int socket, socketpair, socketcall;
	/* Their flags (or nstype) in the first argument on all of these. */
	int clone, unshare, setns;
	/* add_key; request_key and keyctl follow it on every ABI here. */
	int add_key;
	/* Numbers from here up are the ABI's own, not shared: left to
	 * libseccomp (0: none).  x32: 512 to 547; arm: the ARM private
	 * calls from 0x0f0000 (cacheflush, set_tls, ...). */
	uint32_t own_first;
} abis[] = {
	{ AUDIT_ARCH_X86_64, 41, 53, -1, 56, 272, 308, 248, 0 },
	/* x32: after the bit is masked; these are x86-64's "common" ones */
	{ AUDIT_ARCH_X86_64, 41, 53, -1, 56, 272, 308, 248, 512 },
	{ AUDIT_ARCH_I386, 359, 360, 102, 120, 310, 346, 286, 0 },
	{ AUDIT_ARCH_AARCH64, 198, 199, -1, 220, 97, 268, 217, 0 },
	{ AUDIT_ARCH_ARM, 281, 288, -1, 120, 337, 375, 309, 0x0f0000 },
};
#define N_ABIS (sizeof abis / sizeof abis[0])
#define ABI_X32 1

static const struct abi *abi_of(uint32_t audit_arch)
{
	for (size_t i = 0; i < N_ABIS; i++)
		if (i != ABI_X32 && abis[i].arch == audit_arch)
			return &abis[i];
	return NULL;
}

int seccomp_head_socket_nrs(uint32_t audit_arch, int nrs[3])
{
	const struct abi *abi = abi_of(audit_arch);

	if (!abi)
		return -1;
	nrs[0] = abi->socket;
	nrs[1] = abi->socketpair;
	nrs[2] = abi->socketcall;
	return 0;
}

int seccomp_head_root_nrs(uint32_t audit_arch, int nrs[4])
{
	const struct abi *abi = abi_of(audit_arch);

	if (!abi)
		return -1;
	nrs[0] = abi->clone;
	nrs[1] = abi->unshare;
	nrs[2] = abi->setns;
	nrs[3] = abi->add_key;
	return 0;
}

/* --- a tiny assembler: jumps to labels, resolved at the end ------------ */

enum label {
	L_SKIP = -2, /* over the next instruction: offset 1 */
	L_NEXT = -1, /* the next instruction: offset 0 */
	L_END,	     /* after the head: libseccomp's program */
	L_TO_END,    /* a "ja" to L_END, for conditional jumps */
	L_SOCK,
	L_SOCKETCALL,
	L_EAFNOSUPPORT,
	L_NEWUSER, /* clone, unshare: their flags */
	L_EPERM,
	L_HIGH,
	L_HIGH_OUT, /* the "ja" to L_END that ends the high block */
	L_ENOSYS, /* the head's own refusals of shared numbers */
	L_RULES,
	L_ABI, /* L_ABI + i: the block of abis[i] */
	N_LABELS = L_ABI + N_ABIS,
};

struct asm_insn {
	struct sock_filter f;
	int jt, jf, ja; /* labels; ja for BPF_JA */
};

struct as {
	struct asm_insn *insn;
	size_t n, cap;
	long at[N_LABELS]; /* each label's position, -1 until placed */
};

static void emit(struct as *a, uint16_t code, uint32_t k, int jt, int jf)
{
	grow(&a->insn, &a->cap, a->n, sizeof *a->insn);
	a->insn[a->n++] =
		(struct asm_insn){ .f = { code, 0, 0, k }, .jt = jt, .jf = jf, .ja = L_NEXT };
}

static void emit_ja(struct as *a, int to)
{
	emit(a, BPF_JMP | BPF_JA, 0, L_NEXT, L_NEXT);
	a->insn[a->n - 1].ja = to;
}

static void place(struct as *a, int label)
{
	a->at[label] = (long)a->n;
}

static void ret(struct as *a, uint32_t action)
{
	emit(a, BPF_RET | BPF_K, action, L_NEXT, L_NEXT);
}

static int offset_to(const struct as *a, size_t from, int label, long max, long *off,
		     struct verr *err)
{
	if (label == L_NEXT || label == L_SKIP) {
		*off = label == L_SKIP;
		return 0;
	}
	*off = a->at[label] - (long)from - 1;
	if (a->at[label] < 0 || *off < 0 || *off > max)
		return verr_set(err, "seccomp: internal error: a jump in the head out of reach");
	return 0;
}

static int resolve(struct as *a, struct verr *err)
{
	for (size_t i = 0; i < a->n; i++) {
		struct asm_insn *in = &a->insn[i];
		long off;

		if (BPF_CLASS(in->f.code) != BPF_JMP)
			continue;
		if (BPF_OP(in->f.code) == BPF_JA) {
			if (offset_to(a, i, in->ja, INT32_MAX, &off, err) < 0)
				return -1;
			in->f.k = (uint32_t)off;
			continue;
		}
		if (offset_to(a, i, in->jt, 255, &off, err) < 0)
			return -1;
		in->f.jt = (uint8_t)off;
		if (offset_to(a, i, in->jf, 255, &off, err) < 0)
			return -1;
		in->f.jf = (uint8_t)off;
	}
	return 0;
}

/* --- the head ---------------------------------------------------------- */

static void load_nr(struct as *a)
{
	emit(a, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr), L_NEXT, L_NEXT);
}

/* The low 32 bits of the first argument, on these little-endian ABIs. */
static void load_arg0_low(struct as *a)
{
	emit(a, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]), L_NEXT, L_NEXT);
}

static void abi_block(struct as *a, const struct head *h, size_t i, bool high)
{
	const struct abi *abi = &abis[i];

	place(a, L_ABI + (int)i);
	if (i == ABI_X32)
		emit(a, BPF_ALU | BPF_AND | BPF_K, ~X32_SYSCALL_BIT, L_NEXT, L_NEXT);
	else
		load_nr(a);
	if (abi->arch == AUDIT_ARCH_X86_64 && i != ABI_X32)
		emit(a, BPF_JMP | BPF_JSET | BPF_K, X32_SYSCALL_BIT, L_ABI + ABI_X32, L_NEXT);
	if (abi->own_first)
		emit(a, BPF_JMP | BPF_JGE | BPF_K, abi->own_first, L_TO_END, L_NEXT);
	if (h->socket_families) {
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)abi->socket, L_SOCK, L_NEXT);
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)abi->socketpair, L_SOCK, L_NEXT);
		if (abi->socketcall >= 0)
			emit(a, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)abi->socketcall, L_SOCKETCALL,
			     L_NEXT);
	}
	if (h->no_keyrings) {
		/* add_key, request_key, keyctl: a range of three. */
		emit(a, BPF_JMP | BPF_JGE | BPF_K, (uint32_t)abi->add_key, L_NEXT, L_SKIP);
		emit(a, BPF_JMP | BPF_JGT | BPF_K, (uint32_t)abi->add_key + 2, L_NEXT, L_EPERM);
	}
	if (h->no_new_userns) {
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)abi->clone, L_NEWUSER, L_NEXT);
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)abi->unshare, L_NEWUSER, L_NEXT);
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)abi->setns, L_EPERM, L_NEXT);
	}
	if (high)
		emit(a, BPF_JMP | BPF_JGE | BPF_K, SYSCALL_SHARED_FIRST, L_HIGH, L_NEXT);
	emit_ja(a, L_END);
}

/* clone(2) and unshare(2) take their flags in the first argument, of
 * which the kernel reads the low 32 bits.  setns(2) is refused whatever
 * its arguments: without a capability, the one namespace it can enter is
 * a user namespace that uid 0 owns (its owner has every capability in
 * it), and there the command could unshare a mount namespace as above;
 * nstype 0 and a pidfd would hide which one it asks for. */
static void root_blocks(struct as *a)
{
	place(a, L_NEWUSER);
	load_arg0_low(a);
	emit(a, BPF_JMP | BPF_JSET | BPF_K, CLONE_NEWUSER, L_EPERM, L_NEXT);
	emit_ja(a, L_END);
	place(a, L_EPERM);
	ret(a, SECCOMP_RET_ERRNO | EPERM);
}

static void socket_blocks(struct as *a)
{
	static const uint32_t families[] = { AF_UNIX, AF_INET, AF_INET6, AF_NETLINK };

	/* i386's socketcall(2) passes the family in memory, out of the
	 * filter's reach: creating a socket through it is refused whatever
	 * the family (socket(2) itself, i386 number 359, is checked). */
	place(a, L_SOCKETCALL);
	load_arg0_low(a);
	emit(a, BPF_JMP | BPF_JEQ | BPF_K, SOCKETCALL_SOCKET, L_EAFNOSUPPORT, L_NEXT);
	emit(a, BPF_JMP | BPF_JEQ | BPF_K, SOCKETCALL_SOCKETPAIR, L_EAFNOSUPPORT, L_NEXT);
	emit_ja(a, L_END);
	place(a, L_SOCK);
	load_arg0_low(a);
	for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, families[i], L_TO_END, L_NEXT);
	place(a, L_EAFNOSUPPORT);
	ret(a, SECCOMP_RET_ERRNO | EAFNOSUPPORT);
}

/* The accumulator holds a shared number (x32's bit masked off). */
static void high_block(struct as *a, const struct head *h)
{
	place(a, L_HIGH);
	/* Before any rule: no rule of the profile's may let them through. */
	if (h->socket_families) {
		/* io_uring makes sockets itself (IORING_OP_SOCKET), out of the
		 * family check's sight: io_uring_setup, _enter, _register. */
		emit(a, BPF_JMP | BPF_JGE | BPF_K, NR_IO_URING_SETUP, L_NEXT, L_SKIP);
		emit(a, BPF_JMP | BPF_JGT | BPF_K, NR_IO_URING_REGISTER, L_NEXT, L_ENOSYS);
	}
	if (h->no_new_userns)
		/* Its flags are in memory; ENOSYS sends the C library back
		 * to clone, whose flags the head sees. */
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, NR_CLONE3, L_ENOSYS, L_NEXT);
	if (h->socket_families || h->no_new_userns) {
		emit_ja(a, L_RULES);
		place(a, L_ENOSYS);
		ret(a, SECCOMP_RET_ERRNO | ENOSYS);
	}
	place(a, L_RULES);
	for (size_t i = 0; i < h->n_rules; i++) {
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, h->rules[i].nr, L_NEXT, L_SKIP);
		ret(a, h->rules[i].action);
	}
	if (h->refuse_newer) {
		/* -1 is no call: a tracer sets it to skip one, and what it
		 * returns is the tracer's to say. */
		emit(a, BPF_JMP | BPF_JGT | BPF_K, (uint32_t)syscall_newest, L_NEXT, L_HIGH_OUT);
		emit(a, BPF_JMP | BPF_JEQ | BPF_K, UINT32_MAX, L_HIGH_OUT, L_NEXT);
		ret(a, SECCOMP_RET_ERRNO | ENOSYS);
	}
	place(a, L_HIGH_OUT);
	emit_ja(a, L_END);
}

int seccomp_head_build(const struct head *h, struct sock_filter **prog, size_t *len,
		       struct verr *err)
{
	bool high = h->n_rules > 0 || h->refuse_newer || h->socket_families || h->no_new_userns;
	struct as a = { .insn = NULL };

	*prog = NULL;
	*len = 0;
	if (!high && !h->no_keyrings)
		return 0;
	for (int l = 0; l < N_LABELS; l++)
		a.at[l] = -1;
	emit(&a, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch), L_NEXT, L_NEXT);
	for (size_t i = 0; i < N_ABIS; i++)
		if (i != ABI_X32)
			emit(&a, BPF_JMP | BPF_JEQ | BPF_K, abis[i].arch, L_ABI + (int)i, L_NEXT);
	emit_ja(&a, L_END);
	for (size_t i = 0; i < N_ABIS; i++)
		abi_block(&a, h, i, high);
	if (h->socket_families)
		socket_blocks(&a);
	if (h->no_new_userns || h->no_keyrings)
		root_blocks(&a);
	place(&a, L_TO_END);
	emit_ja(&a, L_END);
	if (high)
		high_block(&a, h);
	place(&a, L_END);
	if (resolve(&a, err) < 0) {
		free(a.insn);
		return -1;
	}
	*prog = xmalloc(a.n * sizeof **prog);
	for (size_t i = 0; i < a.n; i++)
		(*prog)[i] = a.insn[i].f;
	*len = a.n;
	free(a.insn);
	return 0;
}
