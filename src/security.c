/* Capabilities and seccomp: the builder's handlers, which only validate and
 * record, and security_apply(), which runs in the command's process.
 *
 * Capabilities: none are kept unless asked for, even for root.  caps_keep
 * has bit N for capability N; --cap-add ALL sets every bit, including bit
 * 63, which no capability has: it marks "all that veil has", so that
 * security_apply() can tell ALL (keep what there is) from a capability
 * named one by one (which must be there).
 *
 * seccomp: the mode is none, default (the built-in list below) or custom.
 * The rule, in command-line order:
 *   --seccomp none      no filter; drops the rules and default action so far
 *   --seccomp default   the built-in list, with the rules given (before or
 *                       after) on top of it
 *   --seccomp custom    only the rules given
 *   a rule, or --seccomp-default, while the mode is none switches it to
 *   custom: a rule always means a filter.
 * A later rule for a system call replaces an earlier one, and any rule
 * replaces the built-in rules for that call.  The default action covers
 * every call no rule names, in either mode (allow unless set). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <seccomp.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/capability.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "security.h"
#include "util.h"

#define CAPS_ALL_MARK (UINT64_C(1) << 63)

/* --- names ------------------------------------------------------------- */

int security_cap_parse(const char *name, uint64_t *mask, struct verr *err)
{
	char buf[64];
	cap_value_t cap;
	size_t i, off = 0;

	if (strcasecmp(name, "ALL") == 0) {
		*mask = ~UINT64_C(0);
		return 0;
	}
	if (strncasecmp(name, "cap_", 4) != 0) {
		memcpy(buf, "cap_", 4);
		off = 4;
	}
	for (i = 0; name[i] && off + i < sizeof buf - 1; i++)
		buf[off + i] = (char)tolower((unsigned char)name[i]);
	buf[off + i] = '\0';
	/* Names only: libcap would also take a number. */
	if (!*name || name[i] || isdigit((unsigned char)buf[4]) || cap_from_name(buf, &cap) < 0 ||
	    cap < 0 || cap > 62)
		return verr_set(err, "'%s' is not a capability", name);
	*mask = UINT64_C(1) << cap;
	return 0;
}

/* The name of capability cap, lowercase as libcap spells it. */
static void print_cap(int cap, FILE *out)
{
	char *name = cap_to_name(cap);

	fputs(name ? name : "?", out);
	cap_free(name);
}

static const struct {
	const char *name;
	int num;
} errnos[] = {
	/* The first of two names for a number is the one printed. */
	{ "EPERM", EPERM },
	{ "ENOENT", ENOENT },
	{ "ESRCH", ESRCH },
	{ "EINTR", EINTR },
	{ "EIO", EIO },
	{ "ENXIO", ENXIO },
	{ "E2BIG", E2BIG },
	{ "ENOEXEC", ENOEXEC },
	{ "EBADF", EBADF },
	{ "ECHILD", ECHILD },
	{ "EAGAIN", EAGAIN },
	{ "EWOULDBLOCK", EWOULDBLOCK },
	{ "ENOMEM", ENOMEM },
	{ "EACCES", EACCES },
	{ "EFAULT", EFAULT },
	{ "EBUSY", EBUSY },
	{ "EEXIST", EEXIST },
	{ "EXDEV", EXDEV },
	{ "ENODEV", ENODEV },
	{ "ENOTDIR", ENOTDIR },
	{ "EISDIR", EISDIR },
	{ "EINVAL", EINVAL },
	{ "ENFILE", ENFILE },
	{ "EMFILE", EMFILE },
	{ "ENOTTY", ENOTTY },
	{ "ETXTBSY", ETXTBSY },
	{ "EFBIG", EFBIG },
	{ "ENOSPC", ENOSPC },
	{ "ESPIPE", ESPIPE },
	{ "EROFS", EROFS },
	{ "EMLINK", EMLINK },
	{ "EPIPE", EPIPE },
	{ "ERANGE", ERANGE },
	{ "ENAMETOOLONG", ENAMETOOLONG },
	{ "ENOSYS", ENOSYS },
	{ "ENOTEMPTY", ENOTEMPTY },
	{ "ELOOP", ELOOP },
	{ "ENODATA", ENODATA },
	{ "EOPNOTSUPP", EOPNOTSUPP },
	{ "ENOTSUP", ENOTSUP },
	{ "ENOTSOCK", ENOTSOCK },
	{ "EAFNOSUPPORT", EAFNOSUPPORT },
	{ "EPROTONOSUPPORT", EPROTONOSUPPORT },
	{ "EADDRINUSE", EADDRINUSE },
	{ "EADDRNOTAVAIL", EADDRNOTAVAIL },
	{ "ENETUNREACH", ENETUNREACH },
	{ "ECONNRESET", ECONNRESET },
	{ "ENOTCONN", ENOTCONN },
	{ "ETIMEDOUT", ETIMEDOUT },
	{ "ECONNREFUSED", ECONNREFUSED },
	{ "EHOSTUNREACH", EHOSTUNREACH },
	{ "EDQUOT", EDQUOT },
};

int security_errno_parse(const char *name, int *errnum, struct verr *err)
{
	for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
		if (strcasecmp(name, errnos[i].name) == 0) {
			*errnum = errnos[i].num;
			return 0;
		}
	return verr_set(err, "'%s' is not an errno name (EPERM, ENOSYS, EACCES, ...)", name);
}

const char *security_errno_name(int errnum)
{
	for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
		if (errnos[i].num == errnum)
			return errnos[i].name;
	return NULL;
}

int security_syscall_parse(const char *name, char **canon, struct verr *err)
{
	char *lower = xstrdup(name);

	/* Every Linux system call is spelled in lowercase. */
	for (char *p = lower; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!*lower || seccomp_syscall_resolve_name(lower) == __NR_SCMP_ERROR) {
		free(lower);
		return verr_set(err, "'%s' is not a system call", name);
	}
	*canon = lower;
	return 0;
}

int security_action_parse(const char *s, enum seccomp_action *action, int *errnum,
			  struct verr *err)
{
	*errnum = 0;
	if (strcasecmp(s, "allow") == 0)
		*action = SC_ALLOW;
	else if (strcasecmp(s, "kill") == 0)
		*action = SC_KILL;
	else if (strcasecmp(s, "log") == 0)
		*action = SC_LOG;
	else if (strcasecmp(s, "errno") == 0) {
		*action = SC_ERRNO;
		*errnum = EPERM;
	} else if (strncasecmp(s, "errno:", 6) == 0) {
		if (security_errno_parse(s + 6, errnum, err) < 0)
			return -1;
		*action = SC_ERRNO;
	} else {
		return verr_set(err, "'%s' is not a seccomp action (allow, errno, errno:ENAME, kill, log)",
				s);
	}
	return 0;
}

static void print_action(enum seccomp_action action, int errnum, FILE *out)
{
	const char *name;

	switch (action) {
	case SC_ALLOW:
		fputs("allow", out);
		break;
	case SC_KILL:
		fputs("kill", out);
		break;
	case SC_LOG:
		fputs("log", out);
		break;
	case SC_ERRNO:
		name = security_errno_name(errnum);
		if (name)
			fprintf(out, "errno:%s", name);
		else
			fprintf(out, "errno:%d", errnum);
		break;
	}
}

/* --- builder handlers -------------------------------------------------- */

int op_cap_add(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err)
{
	uint64_t mask;

	(void)op;
	(void)origin;
	if (security_cap_parse(args[0], &mask, err) < 0)
		return -1;
	b->plan->security.caps_keep |= mask;
	return 0;
}

int op_cap_drop(struct builder *b, const struct op *op, char *const *args, const char *origin,
		struct verr *err)
{
	uint64_t mask;

	(void)op;
	(void)origin;
	if (security_cap_parse(args[0], &mask, err) < 0)
		return -1;
	b->plan->security.caps_keep &= ~mask;
	return 0;
}

/* --keep-fd N: 0, 1 and 2 are always kept, so only N > 2 is recorded. */
int op_keep_fd(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err)
{
	struct security *s = &b->plan->security;
	unsigned long fd;
	size_t i;

	(void)op;
	(void)origin;
	if (parse_uint(args[0], INT_MAX, &fd, err) < 0)
		return -1;
	if (fd <= 2)
		return 0;
	for (i = 0; i < s->n_keep_fds && s->keep_fds[i] < (int)fd; i++)
		;
	if (i < s->n_keep_fds && s->keep_fds[i] == (int)fd)
		return 0;
	grow(&s->keep_fds, &s->cap_keep_fds, s->n_keep_fds, sizeof *s->keep_fds);
	memmove(&s->keep_fds[i + 1], &s->keep_fds[i], (s->n_keep_fds - i) * sizeof *s->keep_fds);
	s->keep_fds[i] = (int)fd;
	s->n_keep_fds++;
	return 0;
}

int op_new_session(struct builder *b, const struct op *op, char *const *args, const char *origin,
		   struct verr *err)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	b->plan->security.new_session = true;
	return 0;
}

int op_pty(struct builder *b, const struct op *op, char *const *args, const char *origin,
	   struct verr *err)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	b->plan->security.pty = true;
	return 0;
}

static void drop_rules(struct security *s)
{
	for (size_t i = 0; i < s->n_rules; i++) {
		free(s->rules[i].syscall);
		free(s->rules[i].origin);
	}
	s->n_rules = 0;
}

int op_seccomp(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err)
{
	struct security *s = &b->plan->security;

	(void)op;
	(void)origin;
	if (strcmp(args[0], "none") == 0) {
		drop_rules(s);
		s->seccomp = SECCOMP_NONE;
		s->default_action = SC_ALLOW;
		s->default_errnum = 0;
	} else if (strcmp(args[0], "default") == 0) {
		s->seccomp = SECCOMP_DEFAULT;
	} else if (strcmp(args[0], "custom") == 0) {
		s->seccomp = SECCOMP_RULES;
	} else {
		return verr_set(err, "'%s' is not a seccomp mode (none, default, custom)", args[0]);
	}
	return 0;
}

int op_seccomp_default(struct builder *b, const struct op *op, char *const *args,
		       const char *origin, struct verr *err)
{
	struct security *s = &b->plan->security;
	enum seccomp_action action;
	int errnum;

	(void)op;
	(void)origin;
	if (security_action_parse(args[0], &action, &errnum, err) < 0)
		return -1;
	s->default_action = action;
	s->default_errnum = errnum;
	if (s->seccomp == SECCOMP_NONE)
		s->seccomp = SECCOMP_RULES;
	return 0;
}

int op_seccomp_rule(struct builder *b, const struct op *op, char *const *args, const char *origin,
		    struct verr *err)
{
	struct security *s = &b->plan->security;
	enum seccomp_action action = (enum seccomp_action)op->flags;
	int errnum = action == SC_ERRNO ? EPERM : 0;
	const char *colon = action == SC_ERRNO ? strchr(args[0], ':') : NULL;
	char *name, *syscall;
	size_t i;

	name = colon ? xasprintf("%.*s", (int)(colon - args[0]), args[0]) : xstrdup(args[0]);
	if (colon && security_errno_parse(colon + 1, &errnum, err) < 0) {
		free(name);
		return -1;
	}
	if (security_syscall_parse(name, &syscall, err) < 0) {
		free(name);
		return -1;
	}
	free(name);
	/* A later rule for the same call replaces the earlier one. */
	for (i = 0; i < s->n_rules; i++)
		if (strcmp(s->rules[i].syscall, syscall) == 0)
			break;
	if (i < s->n_rules) {
		free(s->rules[i].syscall);
		free(s->rules[i].origin);
		memmove(&s->rules[i], &s->rules[i + 1], (s->n_rules - i - 1) * sizeof *s->rules);
		s->n_rules--;
	}
	grow(&s->rules, &s->cap_rules, s->n_rules, sizeof *s->rules);
	s->rules[s->n_rules++] = (struct seccomp_rule){
		.syscall = syscall,
		.action = action,
		.errnum = errnum,
		.origin = xstrdup(origin),
	};
	if (s->seccomp == SECCOMP_NONE)
		s->seccomp = SECCOMP_RULES;
	return 0;
}

void security_free(struct security *s)
{
	drop_rules(s);
	free(s->rules);
	free(s->keep_fds);
	memset(s, 0, sizeof *s);
}

/* --- printing ---------------------------------------------------------- */

static const char *mode_name(enum seccomp_mode mode)
{
	switch (mode) {
	case SECCOMP_NONE:
		return "none";
	case SECCOMP_DEFAULT:
		return "default";
	case SECCOMP_RULES:
		return "custom";
	}
	return "?";
}

static void print_caps(uint64_t keep, FILE *out)
{
	if (!keep) {
		fputs("none", out);
		return;
	}
	if (keep & CAPS_ALL_MARK) {
		bool but = false;

		fputs("all", out);
		for (int c = 0; c <= CAP_LAST_CAP; c++)
			if (!(keep & (UINT64_C(1) << c))) {
				fputs(but ? " " : " but ", out);
				print_cap(c, out);
				but = true;
			}
		return;
	}
	for (int c = 0, n = 0; c < 63; c++)
		if (keep & (UINT64_C(1) << c)) {
			if (n++)
				fputc(' ', out);
			print_cap(c, out);
		}
}

void security_print(const struct security *s, FILE *out)
{
	fputs("security    no_new_privs; descriptors above 2 closed", out);
	for (size_t i = 0; i < s->n_keep_fds; i++)
		fprintf(out, "%s%d", i ? " " : " but ", s->keep_fds[i]);
	if (s->new_session)
		fputs("; new session", out);
	if (s->pty)
		fputs("; own pty when stdin is a terminal", out);
	fputs("; capabilities ", out);
	print_caps(s->caps_keep, out);
	fprintf(out, "; seccomp %s", mode_name(s->seccomp));
	if (s->n_rules)
		fprintf(out, ", %zu rule%s", s->n_rules, s->n_rules == 1 ? "" : "s");
	if (s->seccomp != SECCOMP_NONE && s->default_action != SC_ALLOW) {
		fputs(", others ", out);
		print_action(s->default_action, s->default_errnum, out);
	}
	fputc('\n', out);
	for (size_t i = 0; i < s->n_rules; i++) {
		fprintf(out, "seccomp     %s ", s->rules[i].syscall);
		print_action(s->rules[i].action, s->rules[i].errnum, out);
		fprintf(out, "  (%s)\n", s->rules[i].origin);
	}
}

/* --- applying: capabilities -------------------------------------------- */

static int apply_caps(uint64_t want, struct verr *err)
{
	int ncaps = (int)cap_max_bits();
	uint64_t keep = 0;
	cap_t have, set;
	int rc = -1;

	if (ncaps > 63)
		ncaps = 63;
	if (!(want & CAPS_ALL_MARK) && (want & ~CAPS_ALL_MARK) >> ncaps) {
		/* Named, and newer than the running kernel. */
		int c = ncaps;
		char *name;

		while (!(want & (UINT64_C(1) << c)))
			c++;
		name = cap_to_name(c);
		verr_set(err, "cannot keep %s: the kernel does not have it", name);
		cap_free(name);
		return -1;
	}
	have = cap_get_proc();
	if (!have)
		return verr_errno(err, errno, "cannot read the capabilities");
	for (cap_value_t c = 0; c < ncaps; c++) {
		cap_flag_value_t v = CAP_CLEAR;

		if (!(want & (UINT64_C(1) << c)))
			continue;
		cap_get_flag(have, c, CAP_PERMITTED, &v);
		if (v == CAP_SET && cap_get_bound(c) == 1) {
			keep |= UINT64_C(1) << c;
		} else if (!(want & CAPS_ALL_MARK)) {
			/* Named one by one: it must be there to be kept. */
			char *name = cap_to_name(c);
			verr_set(err, "cannot keep %s: veil does not have it", name);
			cap_free(name);
			cap_free(have);
			return -1;
		}
	}
	cap_free(have);

	/* The bounding set first: dropping from it needs CAP_SETPCAP, which
	 * the capset below takes away. */
	for (cap_value_t c = 0; c < ncaps; c++)
		if (!(keep & (UINT64_C(1) << c)) && cap_get_bound(c) == 1 && cap_drop_bound(c) < 0) {
			char *name = cap_to_name(c);
			verr_errno(err, errno, "cannot drop %s from the bounding set", name);
			cap_free(name);
			return -1;
		}
	if (cap_reset_ambient() < 0 && errno != EINVAL)
		return verr_errno(err, errno, "cannot clear the ambient capabilities");

	set = cap_init();
	if (!set)
		return verr_errno(err, errno, "cannot set the capabilities");
	for (cap_value_t c = 0; c < ncaps; c++)
		if (keep & (UINT64_C(1) << c)) {
			cap_set_flag(set, CAP_PERMITTED, 1, &c, CAP_SET);
			cap_set_flag(set, CAP_EFFECTIVE, 1, &c, CAP_SET);
			cap_set_flag(set, CAP_INHERITABLE, 1, &c, CAP_SET);
		}
	if (cap_set_proc(set) < 0) {
		verr_errno(err, errno, "cannot set the capabilities");
		goto out;
	}
	/* Ambient too, so that a command that is not root keeps them across
	 * exec; for root they are in the permitted and effective sets anyway. */
	for (cap_value_t c = 0; c < ncaps; c++)
		if ((keep & (UINT64_C(1) << c)) && cap_set_ambient(c, CAP_SET) < 0) {
			char *name = cap_to_name(c);
			verr_errno(err, errno, "cannot raise %s into the ambient set", name);
			cap_free(name);
			goto out;
		}
	rc = 0;
out:
	cap_free(set);
	return rc;
}

/* --- applying: seccomp ------------------------------------------------- */

/* The built-in list: what a build action never needs, and what has been
 * the way out of containers. */
static const char *const builtin_eperm[] = {
	"kexec_load",	 "kexec_file_load", "init_module",   "finit_module",
	"delete_module", "open_by_handle_at", "name_to_handle_at",
	"mount",	 "umount",	    "umount2",	     "pivot_root",
	"move_mount",	 "open_tree",	    "fsopen",	     "fsconfig",
	"fsmount",	 "fspick",	    "mount_setattr", "unshare",
	"setns",	 "keyctl",	    "add_key",	     "request_key",
	"userfaultfd",	 "perf_event_open", "bpf",
};

static bool user_rule_for(const struct security *s, const char *syscall)
{
	for (size_t i = 0; i < s->n_rules; i++)
		if (strcmp(s->rules[i].syscall, syscall) == 0)
			return true;
	return false;
}

static uint32_t action_value(enum seccomp_action action, int errnum)
{
	switch (action) {
	case SC_ALLOW:
		break;
	case SC_ERRNO:
		return SCMP_ACT_ERRNO((uint32_t)errnum);
	case SC_KILL:
		return SCMP_ACT_KILL_PROCESS;
	case SC_LOG:
		return SCMP_ACT_LOG;
	}
	return SCMP_ACT_ALLOW;
}

/* Add a rule unless it is what the default does anyway (libseccomp
 * refuses those). */
static int add_rule(scmp_filter_ctx ctx, uint32_t dflt, uint32_t action, const char *syscall,
		    unsigned n_args, const struct scmp_arg_cmp *args, struct verr *err)
{
	int nr = seccomp_syscall_resolve_name(syscall);
	int rc;

	if (action == dflt)
		return 0;
	if (nr == __NR_SCMP_ERROR)
		return verr_set(err, "seccomp: '%s' is not a system call", syscall);
	rc = seccomp_rule_add_array(ctx, action, nr, n_args, args);
	if (rc < 0)
		return verr_errno(err, -rc, "seccomp: cannot add the rule for %s", syscall);
	return 0;
}

static int add_builtin(scmp_filter_ctx ctx, const struct security *s, uint32_t dflt,
		       struct verr *err)
{
	const uint32_t eperm = SCMP_ACT_ERRNO(EPERM);
	/* clone's flags are its first argument on x86, x86-64 and arm; the
	 * exit signal is in the low byte, so CLONE_NEWTIME (0x80) cannot be
	 * asked for through clone at all. */
	static const unsigned long clone_ns[] = { CLONE_NEWNS,	CLONE_NEWCGROUP, CLONE_NEWUTS,
						  CLONE_NEWIPC, CLONE_NEWUSER,	 CLONE_NEWPID,
						  CLONE_NEWNET };
	static const unsigned long tty_ioctls[] = { TIOCSTI, TIOCLINUX };

	for (size_t i = 0; i < sizeof builtin_eperm / sizeof builtin_eperm[0]; i++)
		if (!user_rule_for(s, builtin_eperm[i]) &&
		    add_rule(ctx, dflt, eperm, builtin_eperm[i], 0, NULL, err) < 0)
			return -1;

	if (!user_rule_for(s, "clone"))
		for (size_t i = 0; i < sizeof clone_ns / sizeof clone_ns[0]; i++) {
			struct scmp_arg_cmp a = SCMP_A0(SCMP_CMP_MASKED_EQ, clone_ns[i], clone_ns[i]);
			if (add_rule(ctx, dflt, eperm, "clone", 1, &a, err) < 0)
				return -1;
		}
	/* clone3 passes its flags in a struct, out of the filter's reach:
	 * ENOSYS makes the C library fall back to clone. */
	if (!user_rule_for(s, "clone3") &&
	    add_rule(ctx, dflt, SCMP_ACT_ERRNO(ENOSYS), "clone3", 0, NULL, err) < 0)
		return -1;

	/* personality: only PER_LINUX (0) and the query (0xffffffff).  The
	 * kernel reads the low 32 bits, and a filter can compare an argument
	 * only once per rule, so "neither all zeros nor all ones" is written
	 * as "some bit is 1 and the next one (cyclically) is 0": 32 rules. */
	if (!user_rule_for(s, "personality"))
		for (int bit = 0; bit < 32; bit++) {
			uint64_t one = UINT64_C(1) << bit, next = UINT64_C(1) << ((bit + 1) % 32);
			struct scmp_arg_cmp a = SCMP_A0(SCMP_CMP_MASKED_EQ, one | next, one);
			if (add_rule(ctx, dflt, eperm, "personality", 1, &a, err) < 0)
				return -1;
		}

	/* TIOCSTI pushes input into the terminal, TIOCLINUX can too.  The
	 * kernel reads the request as 32 bits, so only those are compared:
	 * junk in the high half does not get past (CVE-2019-10063). */
	if (!user_rule_for(s, "ioctl"))
		for (size_t i = 0; i < sizeof tty_ioctls / sizeof tty_ioctls[0]; i++) {
			struct scmp_arg_cmp a =
				SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffULL, tty_ioctls[i]);
			if (add_rule(ctx, dflt, eperm, "ioctl", 1, &a, err) < 0)
				return -1;
		}
	return 0;
}

/* Every ABI the process can call the kernel through, so that a 32-bit
 * system call cannot go around the filter. */
static int add_arches(scmp_filter_ctx ctx, struct verr *err)
{
	uint32_t extra[2] = { 0, 0 };
	int rc;

	switch (seccomp_arch_native()) {
	case SCMP_ARCH_X86_64:
		extra[0] = SCMP_ARCH_X86;
		extra[1] = SCMP_ARCH_X32;
		break;
	case SCMP_ARCH_AARCH64:
		extra[0] = SCMP_ARCH_ARM;
		break;
	default:
		break;
	}
	for (size_t i = 0; i < 2; i++) {
		if (!extra[i])
			continue;
		rc = seccomp_arch_add(ctx, extra[i]);
		if (rc < 0 && rc != -EEXIST)
			return verr_errno(err, -rc, "seccomp: cannot add an architecture");
	}
	return 0;
}

/* The action the filter takes for syscall: its rule's, or the default. */
static enum seccomp_action action_for(const struct security *s, const char *syscall)
{
	for (size_t i = 0; i < s->n_rules; i++)
		if (strcmp(s->rules[i].syscall, syscall) == 0)
			return s->rules[i].action;
	return s->default_action;
}

static int apply_seccomp(const struct security *s, struct verr *err)
{
	static const char *const exits[] = { "exit", "exit_group" };
	uint32_t dflt = action_value(s->default_action, s->default_errnum);
	scmp_filter_ctx ctx;
	enum seccomp_action exec;
	int rc;

	if (s->seccomp == SECCOMP_NONE)
		return 0;
	/* The filter is in place before exec: one that denies execve would
	 * only turn every run into a failure to start. */
	exec = action_for(s, "execve");
	if (exec == SC_ERRNO || exec == SC_KILL)
		return verr_set(err, "seccomp: the filter denies execve, so the command cannot start "
				     "(add --seccomp-allow execve)");
	ctx = seccomp_init(dflt);
	if (!ctx)
		return verr_set(err, "seccomp: cannot create the filter");
	if (add_arches(ctx, err) < 0)
		goto fail;
	for (size_t i = 0; i < s->n_rules; i++)
		if (add_rule(ctx, dflt, action_value(s->rules[i].action, s->rules[i].errnum),
			     s->rules[i].syscall, 0, NULL, err) < 0) {
			verr_prefix(err, "%s", s->rules[i].origin);
			goto fail;
		}
	if (s->seccomp == SECCOMP_DEFAULT && add_builtin(ctx, s, dflt, err) < 0)
		goto fail;
	/* Unless a rule says otherwise, a process can always exit: denied,
	 * exit_group fails and the C library's _exit() crashes instead. */
	for (size_t i = 0; i < sizeof exits / sizeof exits[0]; i++)
		if (!user_rule_for(s, exits[i]) &&
		    add_rule(ctx, dflt, SCMP_ACT_ALLOW, exits[i], 0, NULL, err) < 0)
			goto fail;
	rc = seccomp_load(ctx);
	if (rc < 0) {
		verr_errno(err, -rc, "seccomp: cannot load the filter");
		goto fail;
	}
	seccomp_release(ctx);
	return 0;
fail:
	seccomp_release(ctx);
	return -1;
}

int security_apply(const struct security *s, struct verr *err)
{
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return verr_errno(err, errno, "cannot set no_new_privs");
	if (apply_caps(s->caps_keep, err) < 0)
		return -1;
	if (log_verbose) {
		char *caps = NULL;
		size_t len;
		FILE *f = open_memstream(&caps, &len);

		if (f) {
			print_caps(s->caps_keep, f);
			fclose(f);
		}
		trace("capabilities: no_new_privs; kept: %s; every other one dropped",
		      caps ? caps : "?");
		free(caps);
	}
	if (apply_seccomp(s, err) < 0)
		return -1;
	if (s->seccomp != SECCOMP_NONE)
		trace("seccomp: %s filter loaded, with %zu rule%s", mode_name(s->seccomp), s->n_rules,
		      s->n_rules == 1 ? "" : "s");
	return 0;
}
