/* The plan side of the seccomp filter: the names rules take, the
 * builder's handlers, which only validate and record, and the --dry-run
 * lines.  seccomp-filter.c turns the rules into the filter.
 *
 * The mode is none, default (veil's built-in list) or custom.  The rule,
 * in command-line order:
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
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "seccomp-rules.h"
#include "syscall-table.h"
#include "util.h"

/* --- names ------------------------------------------------------------- */

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

/* A number: only a shared one (424 to 511), the same on every ABI; below
 * 424 each architecture numbers its calls its own way. */
static int syscall_number_parse(const char *name, char **canon, struct verr *err)
{
	unsigned long nr;
	const char *known;

	if (parse_uint(name, SYSCALL_SHARED_END - 1, &nr, err) < 0 || nr < SYSCALL_SHARED_FIRST)
		return verr_set(err,
				"'%s': only system calls %d to %d can be given by number (the same on "
				"every architecture); give the others by name",
				name, SYSCALL_SHARED_FIRST, SYSCALL_SHARED_END - 1);
	known = syscall_shared_name((int)nr);
	*canon = known ? xstrdup(known) : xasprintf("%lu", nr);
	return 0;
}

int security_syscall_parse(const char *name, char **canon, struct verr *err)
{
	char *lower;

	if (is_plain_number(name, false))
		return syscall_number_parse(name, canon, err);
	/* Every Linux system call is spelled in lowercase. */
	lower = xstrdup(name);
	for (char *p = lower; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (!*lower || (syscall_shared_nr(lower) < 0 &&
			seccomp_syscall_resolve_name(lower) == __NR_SCMP_ERROR)) {
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

void seccomp_free(struct security *s)
{
	drop_rules(s);
	free(s->rules);
	s->rules = NULL;
	s->cap_rules = 0;
}

/* --- printing ---------------------------------------------------------- */

const char *seccomp_mode_name(enum seccomp_mode mode)
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

/* --seccomp default, with the default action allow: a call newer than
 * veil's table is one nobody has reviewed, so it gets ENOSYS rather than
 * the default.  Another default action (--seccomp-default) already covers
 * it. */
bool seccomp_refuses_newer(const struct security *s)
{
	return s->seccomp == SECCOMP_DEFAULT && s->default_action == SC_ALLOW;
}

void seccomp_print(const struct security *s, unsigned long namespaces, FILE *out)
{
	fprintf(out, "; seccomp %s", seccomp_mode_name(s->seccomp));
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
	if (seccomp_refuses_newer(s))
		fprintf(out,
			"seccomp     calls above %d (%s) errno:ENOSYS  (newer than veil's list)\n",
			syscall_newest, syscall_shared_name(syscall_newest));
	if (namespaces & CLONE_NEWNET)
		fputs("seccomp     socket families but unix inet inet6 netlink "
		      "errno:EAFNOSUPPORT  (namespace net)\n"
		      "seccomp     io_uring_setup io_uring_enter io_uring_register "
		      "errno:ENOSYS  (namespace net: io_uring makes sockets)\n",
		      out);
	if (!s->root_outside)
		return;
	if (s->nested_userns)
		fprintf(out, "seccomp     new user namespaces allowed, the command is root outside  (%s)\n",
			s->nested_userns);
	else
		fputs("seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 "
		      "errno:ENOSYS  (the command is root outside)\n",
		      out);
	fputs("seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)\n",
	      out);
}
