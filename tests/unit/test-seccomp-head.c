/* Unit tests for the head of the seccomp filter (seccomp-head.c) and the
 * table of shared numbers (syscall-table.c).  The head is run here by a
 * small classic-BPF interpreter, on made-up seccomp_data, with a marker
 * after it standing for libseccomp's program: a call the head lets
 * through returns the marker.  No filter is loaded. */
#include "config.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "seccomp-head.h"
#include "syscall-table.h"
#include "tap.h"

#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif
#define X32 0x40000000u
#define PASS (SECCOMP_RET_TRACE | 0x1234) /* "on to libseccomp's program" */
#define ENOSYS_RET (SECCOMP_RET_ERRNO | ENOSYS)
#define EPERM_RET (SECCOMP_RET_ERRNO | EPERM)
#define EAFNO_RET (SECCOMP_RET_ERRNO | EAFNOSUPPORT)

/* The instructions the head uses, as the kernel runs them; anything else
 * fails the test (returns 0, SECCOMP_RET_KILL_THREAD). */
static uint32_t run(const struct sock_filter *prog, size_t len, const struct seccomp_data *d)
{
	uint32_t a = 0;

	for (size_t pc = 0; pc < len; pc++) {
		const struct sock_filter *in = &prog[pc];
		bool taken;

		switch (in->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (in->k + 4 > sizeof *d)
				return 0;
			memcpy(&a, (const char *)d + in->k, 4);
			continue;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= in->k;
			continue;
		case BPF_RET | BPF_K:
			return in->k;
		case BPF_JMP | BPF_JA:
			pc += in->k;
			continue;
		case BPF_JMP | BPF_JEQ | BPF_K:
			taken = a == in->k;
			break;
		case BPF_JMP | BPF_JGT | BPF_K:
			taken = a > in->k;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			taken = a >= in->k;
			break;
		case BPF_JMP | BPF_JSET | BPF_K:
			taken = (a & in->k) != 0;
			break;
		default:
			return 0;
		}
		pc += taken ? in->jt : in->jf;
	}
	return 0; /* ran off the end */
}

struct prog {
	struct sock_filter *insn;
	size_t len;
};

static struct prog build(const struct head *h)
{
	struct verr err = { "" };
	struct prog p = { NULL, 0 };
	struct sock_filter *head;
	size_t n;

	if (seccomp_head_build(h, &head, &n, &err) < 0) {
		printf("# %s\n", err.msg);
		return p;
	}
	p.insn = malloc((n + 1) * sizeof *p.insn);
	if (n)
		memcpy(p.insn, head, n * sizeof *head);
	p.insn[n] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, PASS);
	p.len = n + 1;
	free(head);
	return p;
}

static uint32_t call(const struct prog *p, uint32_t arch, uint32_t nr, uint64_t arg0)
{
	struct seccomp_data d = { .nr = (int)nr, .arch = arch, .args = { arg0 } };

	return run(p->insn, p->len, &d);
}

static void test_table(void)
{
	static const uint32_t arches[] = { SCMP_ARCH_X86_64, SCMP_ARCH_X86, SCMP_ARCH_X32,
					   SCMP_ARCH_AARCH64, SCMP_ARCH_ARM };
	int bad_name = 0, bad_libseccomp = 0;

	ok(syscall_newest == 469, "veil knows the calls up to 469 (file_setattr, Linux 6.17)");
	ok(syscall_shared_nr("pidfd_send_signal") == 424, "pidfd_send_signal is 424, the first");
	ok(syscall_shared_nr("open_tree_attr") == 467, "open_tree_attr is 467");
	ok(syscall_shared_nr("file_setattr") == 469, "file_setattr is 469");
	ok(syscall_shared_nr("ptrace") == -1, "ptrace is not a shared number");
	ok(syscall_shared_name(423) == NULL && syscall_shared_name(470) == NULL,
	   "no name below 424 or above the newest");
	for (int nr = SYSCALL_SHARED_FIRST; nr <= syscall_newest; nr++) {
		const char *name = syscall_shared_name(nr);

		if (!name || syscall_shared_nr(name) != nr) {
			bad_name++;
			continue;
		}
		/* Where libseccomp knows the name too, it has the same number,
		 * on every ABI veil filters (x32 with its bit). */
		for (size_t i = 0; i < sizeof arches / sizeof arches[0]; i++) {
			int got = seccomp_syscall_resolve_name_arch(arches[i], name);
			int want = arches[i] == SCMP_ARCH_X32 ? (int)(X32 | (unsigned)nr) : nr;

			if (got != __NR_SCMP_ERROR && got >= 0 && got != want) {
				printf("# %s: libseccomp says %d on arch %#x, veil %d\n", name, got,
				       arches[i], want);
				bad_libseccomp++;
			}
		}
	}
	ok(bad_name == 0, "every number from 424 to the newest has a name, and back");
	ok(bad_libseccomp == 0, "libseccomp, where it knows a name, agrees on its number");
}

/* The ABIs the head knows, by their audit and libseccomp names. */
static const struct {
	uint32_t audit, scmp;
} scmp_abis[] = {
	{ AUDIT_ARCH_X86_64, SCMP_ARCH_X86_64 },
	{ AUDIT_ARCH_I386, SCMP_ARCH_X86 },
	{ AUDIT_ARCH_AARCH64, SCMP_ARCH_AARCH64 },
	{ AUDIT_ARCH_ARM, SCMP_ARCH_ARM },
};

static void test_socket_numbers(void)
{
	int bad = 0;

	for (size_t i = 0; i < sizeof scmp_abis / sizeof scmp_abis[0]; i++) {
		int nrs[3];
		int call_nr;

		if (seccomp_head_socket_nrs(scmp_abis[i].audit, nrs) < 0) {
			bad++;
			continue;
		}
		/* libseccomp 2.5 names i386's socket and socketpair by a
		 * negative number, its own for "socketcall's SYS_SOCKET": the
		 * direct calls are checked below. */
		for (int k = 0; k < 2; k++) {
			int lib = seccomp_syscall_resolve_name_arch(scmp_abis[i].scmp,
								    k ? "socketpair" : "socket");
			bad += lib >= 0 && lib != nrs[k];
		}
		call_nr = seccomp_syscall_resolve_name_arch(scmp_abis[i].scmp, "socketcall");
		bad += nrs[2] != (call_nr >= 0 ? call_nr : -1);
	}
	ok(bad == 0, "socket, socketpair, socketcall: the head's numbers are libseccomp's, per ABI");
	{
		int nrs[3];

		/* arch/x86/entry/syscalls/syscall_32.tbl (Linux 4.3). */
		ok(seccomp_head_socket_nrs(AUDIT_ARCH_I386, nrs) == 0 && nrs[0] == 359 &&
			   nrs[1] == 360 && nrs[2] == 102,
		   "i386: socket 359, socketpair 360, socketcall 102");
	}
}

static void test_newer(void)
{
	struct head h = { .refuse_newer = true };
	struct prog p = build(&h);

	ok(p.len > 1, "a head for the newer calls");
	ok(call(&p, AUDIT_ARCH_X86_64, 0, 0) == PASS, "x86-64 read: on to libseccomp");
	ok(call(&p, AUDIT_ARCH_X86_64, 435, 0) == PASS, "x86-64 clone3 (no rule here): on");
	ok(call(&p, AUDIT_ARCH_X86_64, 469, 0) == PASS, "x86-64 469, the newest known: on");
	ok(call(&p, AUDIT_ARCH_X86_64, 470, 0) == ENOSYS_RET, "x86-64 470: ENOSYS");
	ok(call(&p, AUDIT_ARCH_X86_64, 1000, 0) == ENOSYS_RET, "x86-64 1000: ENOSYS");
	ok(call(&p, AUDIT_ARCH_X86_64, 512, 0) == ENOSYS_RET,
	   "x86-64 512 without x32's bit: ENOSYS");
	ok(call(&p, AUDIT_ARCH_X86_64, UINT32_MAX, 0) == PASS,
	   "-1, a tracer's skipped call: on (on x86-64 through the x32 path)");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 1, 0) == PASS, "x32 write: on");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 469, 0) == PASS, "x32 469: on");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 470, 0) == ENOSYS_RET, "x32 470: ENOSYS");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 512, 0) == PASS, "x32 512, its own range: on");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 547, 0) == PASS, "x32 547: on");
	ok(call(&p, AUDIT_ARCH_I386, 11, 0) == PASS, "i386 execve: on");
	ok(call(&p, AUDIT_ARCH_I386, 470, 0) == ENOSYS_RET, "i386 470: ENOSYS");
	ok(call(&p, AUDIT_ARCH_I386, UINT32_MAX, 0) == PASS, "i386 -1: on");
	ok(call(&p, AUDIT_ARCH_AARCH64, 469, 0) == PASS, "aarch64 469: on");
	ok(call(&p, AUDIT_ARCH_AARCH64, 470, 0) == ENOSYS_RET, "aarch64 470: ENOSYS");
	ok(call(&p, AUDIT_ARCH_ARM, 470, 0) == ENOSYS_RET, "arm 470: ENOSYS");
	ok(call(&p, AUDIT_ARCH_ARM, 0x0f0005, 0) == PASS, "arm set_tls (0x0f0005), ARM's own: on");
	ok(call(&p, AUDIT_ARCH_PPC64LE, 470, 0) == PASS,
	   "an ABI the head does not know: on, to libseccomp's bad-architecture action");
	free(p.insn);
}

static void test_rules(void)
{
	const struct head_rule rules[] = {
		{ 467, EPERM_RET },
		{ 435, ENOSYS_RET },
		{ 470, SECCOMP_RET_ALLOW },
		{ 480, SECCOMP_RET_KILL_PROCESS },
	};
	struct head h = { .rules = rules, .n_rules = 4, .refuse_newer = true };
	struct prog p = build(&h);

	ok(call(&p, AUDIT_ARCH_X86_64, 467, 0) == EPERM_RET, "a rule: open_tree_attr EPERM");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 467, 0) == EPERM_RET, "on x32 too");
	ok(call(&p, AUDIT_ARCH_I386, 467, 0) == EPERM_RET, "on i386 too");
	ok(call(&p, AUDIT_ARCH_ARM, 467, 0) == EPERM_RET, "on arm too");
	ok(call(&p, AUDIT_ARCH_AARCH64, 435, 0) == ENOSYS_RET, "clone3 ENOSYS");
	ok(call(&p, AUDIT_ARCH_X86_64, 468, 0) == PASS, "a shared number without a rule: on");
	ok(call(&p, AUDIT_ARCH_X86_64, 470, 0) == SECCOMP_RET_ALLOW,
	   "a rule for a number above the newest wins over ENOSYS");
	ok(call(&p, AUDIT_ARCH_X86_64, 480, 0) == SECCOMP_RET_KILL_PROCESS, "whatever its action");
	ok(call(&p, AUDIT_ARCH_X86_64, 471, 0) == ENOSYS_RET, "the others stay ENOSYS");
	free(p.insn);

	h.refuse_newer = false;
	p = build(&h);
	ok(call(&p, AUDIT_ARCH_X86_64, 467, 0) == EPERM_RET && call(&p, AUDIT_ARCH_X86_64, 471, 0) ==
									PASS,
	   "without refuse_newer (--seccomp custom): rules only, the rest on");
	free(p.insn);
}

static void test_sockets(void)
{
	struct head h = { .socket_families = true };
	struct prog p = build(&h);
	const uint64_t high = UINT64_C(1) << 32;

	ok(call(&p, AUDIT_ARCH_X86_64, 41, AF_UNIX) == PASS, "x86-64 socket(AF_UNIX): on");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, AF_INET) == PASS, "AF_INET: on");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, AF_INET6) == PASS, "AF_INET6: on");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, AF_NETLINK) == PASS, "AF_NETLINK: on");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, AF_VSOCK) == EAFNO_RET, "AF_VSOCK: EAFNOSUPPORT");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, AF_PACKET) == EAFNO_RET, "AF_PACKET: EAFNOSUPPORT");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, AF_UNSPEC) == EAFNO_RET, "AF_UNSPEC: EAFNOSUPPORT");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, high | AF_VSOCK) == EAFNO_RET,
	   "AF_VSOCK with junk in the high half, which the kernel drops: EAFNOSUPPORT");
	ok(call(&p, AUDIT_ARCH_X86_64, 41, high | AF_UNIX) == PASS,
	   "AF_UNIX with junk: on, as the kernel makes an AF_UNIX socket of it");
	ok(call(&p, AUDIT_ARCH_X86_64, 53, AF_VSOCK) == EAFNO_RET, "socketpair(AF_VSOCK)");
	ok(call(&p, AUDIT_ARCH_X86_64, 42, AF_VSOCK) == PASS, "connect: on, whatever its argument");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 41, AF_VSOCK) == EAFNO_RET, "x32 socket(AF_VSOCK)");
	ok(call(&p, AUDIT_ARCH_X86_64, 470, AF_VSOCK) == PASS,
	   "without refuse_newer, the newer calls are libseccomp's to decide");
	ok(call(&p, AUDIT_ARCH_I386, 359, AF_VSOCK) == EAFNO_RET, "i386 socket(AF_VSOCK)");
	ok(call(&p, AUDIT_ARCH_I386, 359, AF_INET) == PASS, "i386 socket(AF_INET): on");
	ok(call(&p, AUDIT_ARCH_I386, 360, AF_VSOCK) == EAFNO_RET, "i386 socketpair(AF_VSOCK)");
	ok(call(&p, AUDIT_ARCH_I386, 102, 1) == EAFNO_RET,
	   "i386 socketcall(SYS_SOCKET): EAFNOSUPPORT, whatever the family");
	ok(call(&p, AUDIT_ARCH_I386, 102, 8) == EAFNO_RET, "socketcall(SYS_SOCKETPAIR) too");
	ok(call(&p, AUDIT_ARCH_I386, 102, 3) == PASS, "socketcall(SYS_CONNECT): on");
	ok(call(&p, AUDIT_ARCH_AARCH64, 198, AF_VSOCK) == EAFNO_RET, "aarch64 socket(AF_VSOCK)");
	ok(call(&p, AUDIT_ARCH_AARCH64, 199, AF_UNIX) == PASS, "aarch64 socketpair(AF_UNIX)");
	ok(call(&p, AUDIT_ARCH_ARM, 281, AF_VSOCK) == EAFNO_RET, "arm socket(AF_VSOCK)");
	ok(call(&p, AUDIT_ARCH_ARM, 288, AF_VSOCK) == EAFNO_RET, "arm socketpair(AF_VSOCK)");
	free(p.insn);
}

/* The numbers of the calls a root command is refused, libseccomp's. */
static void test_root_numbers(void)
{
	static const char *const names[] = { "clone", "unshare", "setns", "add_key" };
	int bad = 0;

	for (size_t i = 0; i < sizeof scmp_abis / sizeof scmp_abis[0]; i++) {
		int nrs[4];

		if (seccomp_head_root_nrs(scmp_abis[i].audit, nrs) < 0) {
			bad++;
			continue;
		}
		for (int k = 0; k < 4; k++)
			bad += seccomp_syscall_resolve_name_arch(scmp_abis[i].scmp, names[k]) != nrs[k];
		bad += seccomp_syscall_resolve_name_arch(scmp_abis[i].scmp, "request_key") != nrs[3] + 1;
		bad += seccomp_syscall_resolve_name_arch(scmp_abis[i].scmp, "keyctl") != nrs[3] + 2;
	}
	ok(bad == 0, "clone, unshare, setns, add_key, request_key, keyctl: libseccomp's numbers");
	/* x32 uses x86-64's "common" entries for all six. */
	for (int k = 0; k < 4; k++) {
		int nrs[4];

		seccomp_head_root_nrs(AUDIT_ARCH_X86_64, nrs);
		bad += seccomp_syscall_resolve_name_arch(SCMP_ARCH_X32, names[k]) !=
		       (int)(X32 | (unsigned)nrs[k]);
	}
	ok(bad == 0, "and x32's, with its bit");
	ok(seccomp_head_root_nrs(AUDIT_ARCH_PPC64LE, (int[4]){ 0 }) < 0, "none for ppc64le");
}

static void test_root(void)
{
	const uint64_t high = UINT64_C(1) << 32;
	const struct head_rule allow_clone3[] = { { 435, SECCOMP_RET_ALLOW } };
	struct head h = { .no_new_userns = true, .no_keyrings = true };
	struct prog p = build(&h);
	static const struct {
		uint32_t arch, x32;
		const char *name;
	} abis[] = {
		{ AUDIT_ARCH_X86_64, 0, "x86-64" }, { AUDIT_ARCH_X86_64, X32, "x32" },
		{ AUDIT_ARCH_I386, 0, "i386" },	    { AUDIT_ARCH_AARCH64, 0, "aarch64" },
		{ AUDIT_ARCH_ARM, 0, "arm" },
	};

	printf("# the head for a root command: %zu instructions\n", p.len - 1);
	for (size_t i = 0; i < sizeof abis / sizeof abis[0]; i++) {
		uint32_t a = abis[i].arch, x = abis[i].x32;
		int n[4];
		const char *s = abis[i].name;

		seccomp_head_root_nrs(a, n);
		ok(call(&p, a, x | (uint32_t)n[0], CLONE_NEWUSER | SIGCHLD) == EPERM_RET,
		   "%s clone(CLONE_NEWUSER): EPERM", s);
		ok(call(&p, a, x | (uint32_t)n[0], high | CLONE_NEWUSER | CLONE_NEWNS) == EPERM_RET,
		   "%s clone(CLONE_NEWUSER|CLONE_NEWNS), junk above: EPERM", s);
		ok(call(&p, a, x | (uint32_t)n[0], CLONE_VM | CLONE_THREAD | CLONE_NEWNS) == PASS,
		   "%s clone of a thread, or with CLONE_NEWNS only: on", s);
		ok(call(&p, a, x | (uint32_t)n[0], high) == PASS,
		   "%s clone with only junk above: on (the kernel drops it)", s);
		ok(call(&p, a, x | (uint32_t)n[1], CLONE_NEWUSER | CLONE_NEWCGROUP) == EPERM_RET,
		   "%s unshare(CLONE_NEWUSER|CLONE_NEWCGROUP): EPERM", s);
		ok(call(&p, a, x | (uint32_t)n[1], CLONE_NEWCGROUP) == PASS,
		   "%s unshare(CLONE_NEWCGROUP): on (the kernel wants CAP_SYS_ADMIN)", s);
		ok(call(&p, a, x | (uint32_t)n[2], 3) == EPERM_RET, "%s setns: EPERM", s);
		ok(call(&p, a, x | 435, 0) == ENOSYS_RET, "%s clone3: ENOSYS", s);
		ok(call(&p, a, x | (uint32_t)n[3], 0) == EPERM_RET &&
			   call(&p, a, x | (uint32_t)(n[3] + 1), 0) == EPERM_RET &&
			   call(&p, a, x | (uint32_t)(n[3] + 2), 0) == EPERM_RET,
		   "%s add_key, request_key, keyctl: EPERM", s);
		ok(call(&p, a, x | (uint32_t)(n[3] - 1), 0) == PASS &&
			   call(&p, a, x | (uint32_t)(n[3] + 3), 0) == PASS,
		   "%s the calls around them: on", s);
	}
	free(p.insn);

	h.no_new_userns = false;
	p = build(&h);
	ok(call(&p, AUDIT_ARCH_X86_64, 272, CLONE_NEWUSER) == PASS &&
		   call(&p, AUDIT_ARCH_X86_64, 435, 0) == PASS &&
		   call(&p, AUDIT_ARCH_X86_64, 308, 0) == PASS &&
		   call(&p, AUDIT_ARCH_X86_64, 250, 0) == EPERM_RET,
	   "no_keyrings alone (--nested-userns): user namespaces on, keyctl EPERM");
	free(p.insn);

	h = (struct head){ .no_new_userns = true, .rules = allow_clone3, .n_rules = 1 };
	p = build(&h);
	ok(call(&p, AUDIT_ARCH_X86_64, 435, 0) == ENOSYS_RET, "a rule allowing clone3 does not win");
	free(p.insn);
}

static void test_io_uring(void)
{
	const struct head_rule allow[] = { { 425, SECCOMP_RET_ALLOW }, { 426, SECCOMP_RET_ALLOW } };
	struct head h = { .socket_families = true, .rules = allow, .n_rules = 2 };
	struct prog p = build(&h);

	ok(call(&p, AUDIT_ARCH_X86_64, 425, 0) == ENOSYS_RET &&
		   call(&p, AUDIT_ARCH_X86_64, 426, 0) == ENOSYS_RET &&
		   call(&p, AUDIT_ARCH_X86_64, 427, 0) == ENOSYS_RET,
	   "with the family rule, io_uring_setup, _enter, _register: ENOSYS, rules or not");
	ok(call(&p, AUDIT_ARCH_X86_64, X32 | 425, 0) == ENOSYS_RET &&
		   call(&p, AUDIT_ARCH_I386, 426, 0) == ENOSYS_RET &&
		   call(&p, AUDIT_ARCH_AARCH64, 427, 0) == ENOSYS_RET &&
		   call(&p, AUDIT_ARCH_ARM, 425, 0) == ENOSYS_RET,
	   "on x32, i386, aarch64 and arm too");
	ok(call(&p, AUDIT_ARCH_X86_64, 424, 0) == PASS && call(&p, AUDIT_ARCH_X86_64, 428, 0) == PASS,
	   "pidfd_send_signal (424) and open_tree (428): on");
	free(p.insn);
}

static void test_empty(void)
{
	struct head h = { .rules = NULL };
	struct verr err = { "" };
	struct sock_filter *prog = (struct sock_filter *)&h;
	size_t n = 1;

	ok(seccomp_head_build(&h, &prog, &n, &err) == 0 && n == 0 && !prog,
	   "nothing to do: no head at all");
}

int main(void)
{
	test_table();
	test_socket_numbers();
	test_newer();
	test_rules();
	test_sockets();
	test_root_numbers();
	test_root();
	test_io_uring();
	test_empty();
	return done();
}
