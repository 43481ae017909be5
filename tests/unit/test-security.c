/* Unit tests for the security step's plan side (security.c,
 * capabilities.c, seccomp-filter.c): the names it accepts, what the
 * options do to the plan, and how --dry-run prints it.  Nothing here needs
 * privileges; security_apply() is covered by tests/cram/security.t. */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "ops.h"
#include "plan.h"
#include "security.h"
#include "harness.h"
#include "tap.h"
#include "util.h"

static void test_caps(void)
{
	struct verr err = { "" };
	uint64_t m = 0;

	ok(security_cap_parse("CAP_NET_BIND_SERVICE", &m, &err) == 0 && m == UINT64_C(1) << 10,
	   "CAP_NET_BIND_SERVICE is bit 10");
	m = 0;
	ok(security_cap_parse("cap_net_bind_service", &m, &err) == 0 && m == UINT64_C(1) << 10,
	   "cap_net_bind_service, libcap's spelling");
	m = 0;
	ok(security_cap_parse("net_bind_service", &m, &err) == 0 && m == UINT64_C(1) << 10,
	   "net_bind_service, without the prefix");
	m = 0;
	ok(security_cap_parse("Net_Bind_Service", &m, &err) == 0 && m == UINT64_C(1) << 10,
	   "any case");
	ok(security_cap_parse("SYS_ADMIN", &m, &err) == 0 && m == UINT64_C(1) << 21,
	   "SYS_ADMIN is bit 21");
	ok(security_cap_parse("chown", &m, &err) == 0 && m == 1, "chown is bit 0");
	ok(security_cap_parse("ALL", &m, &err) == 0 && m == ~UINT64_C(0), "ALL is every bit");
	ok(security_cap_parse("all", &m, &err) == 0 && m == ~UINT64_C(0), "all, in any case");

	ok(security_cap_parse("foo", &m, &err) < 0, "foo is not a capability");
	is_str(err.msg, "'foo' is not a capability", "the message names it");
	ok(security_cap_parse("CAP_FOO", &m, &err) < 0, "nor is CAP_FOO");
	is_str(err.msg, "'CAP_FOO' is not a capability", "as written");
	ok(security_cap_parse("", &m, &err) < 0, "the empty name is refused");
	ok(security_cap_parse("12", &m, &err) < 0, "a number is not a name");
	ok(security_cap_parse("cap_12", &m, &err) < 0, "nor with the prefix");
	ok(security_cap_parse("cap_", &m, &err) < 0, "the prefix alone is refused");
}

static void test_syscalls(void)
{
	struct verr err = { "" };
	char *name = NULL;

	ok(security_syscall_parse("ptrace", &name, &err) == 0, "ptrace is a system call");
	is_str(name, "ptrace", "kept as it is");
	free(name);
	name = NULL;
	ok(security_syscall_parse("PTRACE", &name, &err) == 0, "any case");
	is_str(name, "ptrace", "lowercased");
	free(name);
	name = NULL;
	ok(security_syscall_parse("umount", &name, &err) == 0,
	   "umount exists on i386 only: still a system call");
	free(name);
	name = NULL;
	ok(security_syscall_parse("clone3", &name, &err) == 0, "clone3");
	free(name);
	name = NULL;
	ok(security_syscall_parse("no_such_call", &name, &err) < 0 && !name, "an unknown name");
	is_str(err.msg, "'no_such_call' is not a system call", "is an error naming it");
	ok(security_syscall_parse("", &name, &err) < 0, "the empty name is refused");
	ok(security_syscall_parse("ptrace:ENOSYS", &name, &err) < 0,
	   "an errno suffix is not part of a name");

	/* The shared numbers, 424 up: veil's own table. */
	ok(security_syscall_parse("open_tree_attr", &name, &err) == 0,
	   "open_tree_attr, which libseccomp 2.5 does not know");
	is_str(name, "open_tree_attr", "by its name");
	free(name);
	name = NULL;
	ok(security_syscall_parse("467", &name, &err) == 0, "467, by number");
	is_str(name, "open_tree_attr", "is named as the table names it");
	free(name);
	name = NULL;
	ok(security_syscall_parse("FILE_SETATTR", &name, &err) == 0, "file_setattr, the newest");
	free(name);
	name = NULL;
	ok(security_syscall_parse("470", &name, &err) == 0, "470, newer than veil's table");
	is_str(name, "470", "stays a number");
	free(name);
	name = NULL;
	ok(security_syscall_parse("511", &name, &err) == 0, "511, the last shared number");
	free(name);
	name = NULL;
	ok(security_syscall_parse("512", &name, &err) < 0, "512 is x32's own on x86-64");
	is_str(err.msg,
	       "'512': only system calls 424 to 511 can be given by number (the same on every "
	       "architecture); give the others by name",
	       "the message says which numbers");
	ok(security_syscall_parse("101", &name, &err) < 0,
	   "101 is ptrace on x86-64 and nanosleep on aarch64: refused");
	is_str(err.msg,
	       "'101': only system calls 424 to 511 can be given by number (the same on every "
	       "architecture); give the others by name",
	       "with the same message");
	ok(security_syscall_parse("0x1d3", &name, &err) < 0, "a number is decimal");
	ok(security_syscall_parse("467abc", &name, &err) < 0, "and only digits");
	is_str(err.msg, "'467abc' is not a system call", "else it is taken for a name");
	ok(!name, "nothing returned on an error");
}

static void test_errnos(void)
{
	struct verr err = { "" };
	int e = 0;

	ok(security_errno_parse("EPERM", &e, &err) == 0 && e == EPERM, "EPERM");
	ok(security_errno_parse("enosys", &e, &err) == 0 && e == ENOSYS, "enosys, any case");
	ok(security_errno_parse("EACCES", &e, &err) == 0 && e == EACCES, "EACCES");
	ok(security_errno_parse("EINVAL", &e, &err) == 0 && e == EINVAL, "EINVAL");
	ok(security_errno_parse("ENOENT", &e, &err) == 0 && e == ENOENT, "ENOENT");
	ok(security_errno_parse("EIO", &e, &err) == 0 && e == EIO, "EIO");
	ok(security_errno_parse("ENOMEM", &e, &err) == 0 && e == ENOMEM, "ENOMEM");
	ok(security_errno_parse("EFAULT", &e, &err) == 0 && e == EFAULT, "EFAULT");
	ok(security_errno_parse("EBUSY", &e, &err) == 0 && e == EBUSY, "EBUSY");
	ok(security_errno_parse("ENOTSUP", &e, &err) == 0 && e == ENOTSUP, "ENOTSUP");
	ok(security_errno_parse("EOPNOTSUPP", &e, &err) == 0 && e == EOPNOTSUPP, "EOPNOTSUPP");
	is_str(security_errno_name(EOPNOTSUPP), "EOPNOTSUPP", "printed as EOPNOTSUPP");
	is_str(security_errno_name(EPERM), "EPERM", "EPERM's name");
	is_str(security_errno_name(EAGAIN), "EAGAIN", "EAGAIN, not EWOULDBLOCK");
	ok(security_errno_name(4000) == NULL, "no name for a number not in the table");
	ok(security_errno_parse("EFOO", &e, &err) < 0, "EFOO is not an errno");
	is_str(err.msg, "'EFOO' is not an errno name (EPERM, ENOSYS, EACCES, ...)",
	       "the message names it and gives examples");
	ok(security_errno_parse("1", &e, &err) < 0, "a number is not a name");
	ok(security_errno_parse("", &e, &err) < 0, "nor is the empty string");
}

static void test_actions(void)
{
	struct verr err = { "" };
	enum seccomp_action a = SC_KILL;
	int e = -1;

	ok(security_action_parse("allow", &a, &e, &err) == 0 && a == SC_ALLOW && e == 0, "allow");
	ok(security_action_parse("errno", &a, &e, &err) == 0 && a == SC_ERRNO && e == EPERM,
	   "errno is EPERM");
	ok(security_action_parse("errno:ENOSYS", &a, &e, &err) == 0 && a == SC_ERRNO && e == ENOSYS,
	   "errno:ENOSYS");
	ok(security_action_parse("kill", &a, &e, &err) == 0 && a == SC_KILL, "kill");
	ok(security_action_parse("log", &a, &e, &err) == 0 && a == SC_LOG, "log");
	ok(security_action_parse("KILL", &a, &e, &err) == 0 && a == SC_KILL, "any case");
	ok(security_action_parse("deny", &a, &e, &err) < 0, "deny is not an action");
	is_str(err.msg, "'deny' is not a seccomp action (allow, errno, errno:ENAME, kill, log)",
	       "the message lists the actions");
	ok(security_action_parse("errno:EFOO", &a, &e, &err) < 0, "errno with an unknown name");
	is_str(err.msg, "'EFOO' is not an errno name (EPERM, ENOSYS, EACCES, ...)",
	       "names the errno");
	ok(security_action_parse("errno:", &a, &e, &err) < 0, "errno: with nothing after it");
}

#define APPLY RUN_OPS

static char *printed_ns(const struct security *s, unsigned long namespaces)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	security_print(s, namespaces, f);
	fclose(f);
	return buf;
}

static char *printed(const struct security *s)
{
	return printed_ns(s, 0);
}

static void test_cap_options(void)
{
	struct run *r = APPLY("--dry-run");
	char *out;

	ok(r->plan.security.caps_keep == 0, "no capability is kept by default");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none\n",
	       "printed as none, and no seccomp");
	free(out);
	run_free(r);

	r = APPLY("--cap-add", "net_bind_service", "--cap-add", "CAP_CHOWN");
	ok(r->rc == 0, "--cap-add twice");
	ok(r->plan.security.caps_keep == ((UINT64_C(1) << 10) | 1), "keeps both");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities cap_chown "
	       "cap_net_bind_service; seccomp none\n",
	       "printed by name, in capability order");
	free(out);
	run_free(r);

	r = APPLY("--cap-add", "net_bind_service", "--cap-add", "sys_admin", "--cap-drop",
		  "CAP_SYS_ADMIN");
	ok(r->plan.security.caps_keep == UINT64_C(1) << 10, "--cap-drop takes back a --cap-add");
	run_free(r);

	r = APPLY("--cap-add", "net_bind_service", "--cap-drop", "ALL");
	ok(r->plan.security.caps_keep == 0, "--cap-drop ALL drops every one kept so far");
	run_free(r);

	r = APPLY("--cap-drop", "ALL", "--cap-add", "chown");
	ok(r->plan.security.caps_keep == 1, "a --cap-add after --cap-drop ALL counts");
	run_free(r);

	r = APPLY("--cap-add", "ALL");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities all; seccomp none\n",
	       "--cap-add ALL is printed as all");
	free(out);
	run_free(r);

	r = APPLY("--cap-add", "ALL", "--cap-drop", "sys_admin", "--cap-drop", "net_raw");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities all but "
	       "cap_net_raw cap_sys_admin; seccomp none\n",
	       "--cap-add ALL then --cap-drop: all but those");
	free(out);
	run_free(r);

	r = APPLY("--cap-add", "nonsense");
	ok(r->rc < 0, "an unknown capability is an error");
	is_str(r->err.msg, "--cap-add: 'nonsense' is not a capability", "prefixed with the option");
	run_free(r);

	r = APPLY("--cap-drop", "nonsense");
	is_str(r->err.msg, "--cap-drop: 'nonsense' is not a capability", "for --cap-drop too");
	run_free(r);
}

static void test_fd_and_session_options(void)
{
	struct run *r = APPLY("--keep-fd", "9", "--keep-fd", "3", "--keep-fd", "009",
			      "--keep-fd", "1", "--keep-fd", "5");
	const struct security *s = &r->plan.security;
	char *out;

	ok(r->rc == 0, "--keep-fd, several times");
	ok(s->n_keep_fds == 3 && s->keep_fds[0] == 3 && s->keep_fds[1] == 5 && s->keep_fds[2] == 9,
	   "kept in ascending order, each once; 0 to 2 are not recorded (always kept)");
	ok(!s->new_session, "no new session unless asked");
	ok(!s->pty, "no pty unless asked");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed but 3 5 9; capabilities none; "
	       "seccomp none\n",
	       "--dry-run names the descriptors kept");
	free(out);
	run_free(r);

	r = APPLY("--keep-fd", "2147483647");
	ok(r->rc == 0 && r->plan.security.n_keep_fds == 1 &&
	   r->plan.security.keep_fds[0] == 2147483647, "the largest descriptor number");
	run_free(r);

	r = APPLY("--keep-fd", "2147483648");
	ok(r->rc < 0, "a number beyond any descriptor is an error");
	is_str(r->err.msg, "--keep-fd: '2147483648' is out of range (0 to 2147483647)",
	       "which says the range");
	run_free(r);

	r = APPLY("--keep-fd", "-3");
	is_str(r->err.msg, "--keep-fd: '-3' is not a number (0 to 2147483647)",
	       "a negative number is an error");
	run_free(r);

	r = APPLY("--keep-fd", "stdin");
	ok(r->rc < 0, "a name is an error");
	run_free(r);

	r = APPLY("--new-session");
	ok(r->rc == 0 && r->plan.security.new_session, "--new-session");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; new session; capabilities "
	       "none; seccomp none\n",
	       "--dry-run says so");
	free(out);
	run_free(r);

	r = APPLY("--pty");
	ok(r->rc == 0 && r->plan.security.pty && !r->plan.security.new_session,
	   "--pty, which is not --new-session");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; own pty when stdin is a "
	       "terminal; capabilities none; seccomp none\n",
	       "--dry-run says so");
	free(out);
	run_free(r);
}

static void test_seccomp_options(void)
{
	struct run *r = APPLY("--seccomp", "default");
	char *out;

	ok(r->plan.security.seccomp == SECCOMP_DEFAULT, "--seccomp default");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities none; "
	       "seccomp default\n"
	       "seccomp     calls above 469 (file_setattr) errno:ENOSYS  (newer than veil's list)\n",
	       "printed with its mode, and what it does with calls newer than veil");
	free(out);
	run_free(r);

	r = APPLY("--seccomp-deny", "ptrace");
	ok(r->plan.security.seccomp == SECCOMP_RULES, "a rule without a mode means custom");
	ok(r->plan.security.n_rules == 1 && r->plan.security.rules[0].action == SC_ERRNO &&
		   r->plan.security.rules[0].errnum == EPERM,
	   "--seccomp-deny: EPERM unless named");
	is_str(r->plan.security.rules[0].origin, "--seccomp-deny", "the rule's origin");
	run_free(r);

	r = APPLY("--seccomp", "default", "--seccomp-deny", "ptrace:ENOSYS");
	ok(r->plan.security.seccomp == SECCOMP_DEFAULT, "a rule keeps the default mode");
	ok(r->plan.security.rules[0].errnum == ENOSYS, "SYSCALL:ENOSYS");
	run_free(r);

	r = APPLY("--seccomp-deny", "ptrace", "--seccomp", "default");
	ok(r->plan.security.seccomp == SECCOMP_DEFAULT && r->plan.security.n_rules == 1,
	   "rules given before --seccomp default stay, on top of the list");
	run_free(r);

	r = APPLY("--seccomp-deny", "ptrace", "--seccomp-default", "kill", "--seccomp", "none");
	ok(r->plan.security.seccomp == SECCOMP_NONE && r->plan.security.n_rules == 0 &&
		   r->plan.security.default_action == SC_ALLOW,
	   "--seccomp none drops the rules and default action so far");
	run_free(r);

	r = APPLY("--seccomp", "none", "--seccomp-kill", "ptrace");
	ok(r->plan.security.seccomp == SECCOMP_RULES, "a rule after --seccomp none: custom");
	run_free(r);

	r = APPLY("--seccomp-default", "errno:ENOSYS");
	ok(r->plan.security.seccomp == SECCOMP_RULES && r->plan.security.default_action == SC_ERRNO &&
		   r->plan.security.default_errnum == ENOSYS,
	   "--seccomp-default alone means custom");
	run_free(r);

	r = APPLY("--seccomp", "custom", "--seccomp-deny", "ptrace", "--seccomp-kill", "mount",
		  "--seccomp-log", "PTRACE", "--seccomp-allow", "getpid");
	ok(r->plan.security.n_rules == 3, "a later rule for a call replaces the earlier one");
	is_str(r->plan.security.rules[0].syscall, "mount", "the others keep their order");
	is_str(r->plan.security.rules[1].syscall, "ptrace", "the replacement is last");
	ok(r->plan.security.rules[1].action == SC_LOG, "with its own action");
	ok(r->plan.security.rules[2].action == SC_ALLOW, "--seccomp-allow");
	run_free(r);

	r = APPLY("--cap-add", "net_bind_service", "--seccomp", "default", "--seccomp-default",
		  "errno", "--seccomp-deny", "ptrace:ENOSYS", "--seccomp-kill", "mount",
		  "--seccomp-log", "execve", "--seccomp-allow", "personality");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities "
	       "cap_net_bind_service; seccomp default, 4 rules, others errno:EPERM\n"
	       "seccomp     ptrace errno:ENOSYS  (--seccomp-deny)\n"
	       "seccomp     mount kill  (--seccomp-kill)\n"
	       "seccomp     execve log  (--seccomp-log)\n"
	       "seccomp     personality allow  (--seccomp-allow)\n",
	       "the summary line, then a line per rule with its origin; the default action "
	       "(not allow) covers the calls newer than veil too");
	free(out);
	run_free(r);

	r = APPLY("--seccomp-kill", "ptrace");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities none; "
	       "seccomp custom, 1 rule\n"
	       "seccomp     ptrace kill  (--seccomp-kill)\n",
	       "one rule, custom");
	free(out);
	run_free(r);

	r = APPLY("--seccomp-deny", "467:EACCES", "--seccomp-kill", "open_tree_attr",
		  "--seccomp-allow", "470");
	ok(r->plan.security.n_rules == 2, "467 and open_tree_attr are one call: the later rule wins");
	is_str(r->plan.security.rules[1].syscall, "470", "a number above the table stays one");
	out = printed(&r->plan.security);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities none; "
	       "seccomp custom, 2 rules\n"
	       "seccomp     open_tree_attr kill  (--seccomp-kill)\n"
	       "seccomp     470 allow  (--seccomp-allow)\n",
	       "numbered rules are printed by name where the table has one");
	free(out);
	run_free(r);

	r = APPLY("--seccomp-deny", "101");
	ok(r->rc < 0, "a number below 424 is an error");
	is_str(r->err.msg,
	       "--seccomp-deny: '101': only system calls 424 to 511 can be given by number (the "
	       "same on every architecture); give the others by name",
	       "prefixed with the option");
	run_free(r);

	r = APPLY("--dry-run");
	out = printed_ns(&r->plan.security, CLONE_NEWNET);
	is_str(out,
	       "security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none\n"
	       "seccomp     socket families but unix inet inet6 netlink errno:EAFNOSUPPORT  "
	       "(namespace net)\n"
	       "seccomp     io_uring_setup io_uring_enter io_uring_register errno:ENOSYS  "
	       "(namespace net: io_uring makes sockets)\n",
	       "a new network namespace narrows the socket families, even with seccomp none");
	free(out);
	run_free(r);

	r = APPLY("--seccomp", "strict");
	ok(r->rc < 0, "an unknown mode is an error");
	is_str(r->err.msg, "--seccomp: 'strict' is not a seccomp mode (none, default, custom)",
	       "naming the modes");
	run_free(r);

	r = APPLY("--seccomp-deny", "no_such_call");
	is_str(r->err.msg, "--seccomp-deny: 'no_such_call' is not a system call",
	       "an unknown system call");
	run_free(r);

	r = APPLY("--seccomp-deny", "ptrace:EFOO");
	is_str(r->err.msg, "--seccomp-deny: 'EFOO' is not an errno name (EPERM, ENOSYS, EACCES, ...)",
	       "an unknown errno");
	ok(r->plan.security.n_rules == 0 && r->plan.security.seccomp == SECCOMP_NONE,
	   "a bad rule changes nothing");
	run_free(r);

	r = APPLY("--seccomp-kill", "ptrace:ENOSYS");
	is_str(r->err.msg, "--seccomp-kill: 'ptrace:ENOSYS' is not a system call",
	       "only --seccomp-deny takes an errno");
	run_free(r);

	r = APPLY("--seccomp-default", "deny");
	is_str(r->err.msg,
	       "--seccomp-default: 'deny' is not a seccomp action (allow, errno, errno:ENAME, kill, log)",
	       "an unknown action");
	run_free(r);
}

int main(void)
{
	test_caps();
	test_syscalls();
	test_errnos();
	test_actions();
	test_cap_options();
	test_fd_and_session_options();
	test_seccomp_options();
	return done();
}
