/* seccomp: the names the rules take, the builder's handlers, which only
 * validate and record, and seccomp_apply(), which loads the filter in the
 * command's process.
 *
 * The mode is none, default (the built-in list below) or custom.  The
 * rule, in command-line order:
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
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "seccomp-filter.h"
#include "seccomp-head.h"
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

	if (isdigit((unsigned char)*name))
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

void seccomp_print(const struct security *s, unsigned long namespaces, FILE *out)
{
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
	if (s->seccomp == SECCOMP_DEFAULT)
		fprintf(out, "seccomp     calls above %d (%s) errno:ENOSYS  (newer than veil's list)\n",
			syscall_newest, syscall_shared_name(syscall_newest));
	if (namespaces & CLONE_NEWNET)
		fputs("seccomp     socket families but unix inet inet6 netlink "
		      "errno:EAFNOSUPPORT  (namespace net)\n",
		      out);
}

/* --- applying ---------------------------------------------------------- */

/* The built-in list: what a build action never needs, what has been the
 * way out of containers, and what gives one process a hold on another's
 * memory or descriptors.  EPERM, but where the call's absence is a
 * kernel configuration programs already cope with (CONFIG_NUMA,
 * CONFIG_SECRETMEM) or a newer call has an older fallback (clone3):
 * ENOSYS, so that they take that path. */
static const struct builtin {
	const char *syscall;
	int errnum;
} builtin[] = {
	/* Replacing the kernel or adding to it. */
	{ "kexec_load", EPERM },
	{ "kexec_file_load", EPERM },
	{ "init_module", EPERM },
	{ "finit_module", EPERM },
	{ "delete_module", EPERM },
	/* Files by handle, past the mount namespace (the shocker escape). */
	{ "open_by_handle_at", EPERM },
	{ "name_to_handle_at", EPERM },
	/* Mounts, old and new API: the action's tree is veil's to make. */
	{ "mount", EPERM },
	{ "umount", EPERM },
	{ "umount2", EPERM },
	{ "pivot_root", EPERM },
	{ "move_mount", EPERM },
	{ "open_tree", EPERM },
	{ "open_tree_attr", EPERM },
	{ "fsopen", EPERM },
	{ "fsconfig", EPERM },
	{ "fsmount", EPERM },
	{ "fspick", EPERM },
	{ "mount_setattr", EPERM },
	/* Namespaces (clone's flags are checked below). */
	{ "unshare", EPERM },
	{ "setns", EPERM },
	{ "clone3", ENOSYS }, /* its flags are out of reach: the C library falls back to clone */
	/* Kernel keyrings, shared with the host. */
	{ "keyctl", EPERM },
	{ "add_key", EPERM },
	{ "request_key", EPERM },
	/* Large attack surfaces a build does not need. */
	{ "userfaultfd", EPERM },
	{ "perf_event_open", EPERM },
	{ "bpf", EPERM },
	{ "io_uring_setup", EPERM }, /* as kernel.io_uring_disabled = 2 answers */
	{ "io_uring_enter", EPERM },
	{ "io_uring_register", EPERM },
	{ "modify_ldt", EPERM },
	{ "memfd_secret", ENOSYS },
	/* NUMA placement: as from a kernel without NUMA. */
	{ "mbind", ENOSYS },
	{ "set_mempolicy", ENOSYS },
	{ "get_mempolicy", ENOSYS },
	{ "migrate_pages", ENOSYS },
	{ "move_pages", ENOSYS },
	{ "set_mempolicy_home_node", ENOSYS },
	/* Another process's memory and descriptors.  ptrace itself stays:
	 * LeakSanitizer, gdb and strace in tests use it, and it reaches only
	 * the action's own processes of the same user (see strict.ini). */
	{ "process_vm_readv", EPERM },
	{ "process_vm_writev", EPERM },
	{ "pidfd_getfd", EPERM },
	{ "process_madvise", EPERM },
	{ "kcmp", EPERM },
};

/* The shared number (424 up) a rule's call has, or -1: canonical names
 * are a table name, a number the table does not have, or a name
 * libseccomp resolves. */
static int shared_nr(const char *syscall)
{
	if (isdigit((unsigned char)*syscall))
		return atoi(syscall);
	return syscall_shared_nr(syscall);
}

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

/* The rules for the shared numbers go to the head (seccomp-head.c), the
 * others to libseccomp; both skip a rule that only says what the default
 * does (libseccomp refuses those). */
struct filter {
	scmp_filter_ctx ctx; /* NULL: --seccomp none, no libseccomp program */
	uint32_t dflt;
	struct head_rule *head;
	size_t n_head, cap_head;
};

static int add_rule(struct filter *f, uint32_t action, const char *syscall, unsigned n_args,
		    const struct scmp_arg_cmp *args, struct verr *err)
{
	int nr = shared_nr(syscall);
	int rc;

	if (action == f->dflt)
		return 0;
	if (nr >= 0) {
		grow(&f->head, &f->cap_head, f->n_head, sizeof *f->head);
		f->head[f->n_head++] = (struct head_rule){ .nr = (uint32_t)nr, .action = action };
		return 0;
	}
	nr = seccomp_syscall_resolve_name(syscall);
	if (nr == __NR_SCMP_ERROR)
		return verr_set(err, "seccomp: '%s' is not a system call", syscall);
	rc = seccomp_rule_add_array(f->ctx, action, nr, n_args, args);
	if (rc < 0)
		return verr_errno(err, -rc, "seccomp: cannot add the rule for %s", syscall);
	return 0;
}

static int add_builtin(struct filter *f, const struct security *s, struct verr *err)
{
	const uint32_t eperm = SCMP_ACT_ERRNO(EPERM);
	/* clone's flags are its first argument on x86, x86-64 and arm; the
	 * exit signal is in the low byte, so CLONE_NEWTIME (0x80) cannot be
	 * asked for through clone at all. */
	static const unsigned long clone_ns[] = { CLONE_NEWNS,	CLONE_NEWCGROUP, CLONE_NEWUTS,
						  CLONE_NEWIPC, CLONE_NEWUSER,	 CLONE_NEWPID,
						  CLONE_NEWNET };
	static const unsigned long tty_ioctls[] = { TIOCSTI, TIOCLINUX };

	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (!user_rule_for(s, builtin[i].syscall) &&
		    add_rule(f, SCMP_ACT_ERRNO((uint32_t)builtin[i].errnum), builtin[i].syscall, 0,
			     NULL, err) < 0)
			return -1;

	if (!user_rule_for(s, "clone"))
		for (size_t i = 0; i < sizeof clone_ns / sizeof clone_ns[0]; i++) {
			struct scmp_arg_cmp a = SCMP_A0(SCMP_CMP_MASKED_EQ, clone_ns[i], clone_ns[i]);
			if (add_rule(f, eperm, "clone", 1, &a, err) < 0)
				return -1;
		}

	/* personality: only PER_LINUX (0) and the query (0xffffffff).  The
	 * kernel reads the low 32 bits, and a filter can compare an argument
	 * only once per rule, so "neither all zeros nor all ones" is written
	 * as "some bit is 1 and the next one (cyclically) is 0": 32 rules. */
	if (!user_rule_for(s, "personality"))
		for (int bit = 0; bit < 32; bit++) {
			uint64_t one = UINT64_C(1) << bit, next = UINT64_C(1) << ((bit + 1) % 32);
			struct scmp_arg_cmp a = SCMP_A0(SCMP_CMP_MASKED_EQ, one | next, one);
			if (add_rule(f, eperm, "personality", 1, &a, err) < 0)
				return -1;
		}

	/* TIOCSTI pushes input into the terminal, TIOCLINUX can too.  The
	 * kernel reads the request as 32 bits, so only those are compared:
	 * junk in the high half does not get past (CVE-2019-10063). */
	if (!user_rule_for(s, "ioctl"))
		for (size_t i = 0; i < sizeof tty_ioctls / sizeof tty_ioctls[0]; i++) {
			struct scmp_arg_cmp a =
				SCMP_A1(SCMP_CMP_MASKED_EQ, 0xffffffffULL, tty_ioctls[i]);
			if (add_rule(f, eperm, "ioctl", 1, &a, err) < 0)
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

/* libseccomp's context with every rule of the plan; the shared numbers'
 * rules into f->head. */
static int build_rules(struct filter *f, const struct security *s, struct verr *err)
{
	static const char *const exits[] = { "exit", "exit_group" };
	int rc;

	f->ctx = seccomp_init(f->dflt);
	if (!f->ctx)
		return verr_set(err, "seccomp: cannot create the filter");
#if SCMP_VER_MAJOR > 2 || (SCMP_VER_MAJOR == 2 && SCMP_VER_MINOR >= 5)
	/* A binary tree of the system call numbers, rather than a list:
	 * every call of the action goes through the filter. */
	rc = seccomp_attr_set(f->ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc < 0)
		return verr_errno(err, -rc, "seccomp: cannot ask for a binary tree");
#endif
	if (add_arches(f->ctx, err) < 0)
		return -1;
	for (size_t i = 0; i < s->n_rules; i++)
		if (add_rule(f, action_value(s->rules[i].action, s->rules[i].errnum),
			     s->rules[i].syscall, 0, NULL, err) < 0) {
			verr_prefix(err, "%s", s->rules[i].origin);
			return -1;
		}
	if (s->seccomp == SECCOMP_DEFAULT && add_builtin(f, s, err) < 0)
		return -1;
	/* Unless a rule says otherwise, a process can always exit: denied,
	 * exit_group fails and the C library's _exit() crashes instead. */
	for (size_t i = 0; i < sizeof exits / sizeof exits[0]; i++)
		if (!user_rule_for(s, exits[i]) &&
		    add_rule(f, SCMP_ACT_ALLOW, exits[i], 0, NULL, err) < 0)
			return -1;
	return 0;
}

/* libseccomp's program, through a memory file (libseccomp 2.5 exports
 * to a descriptor only). */
static int export_rules(scmp_filter_ctx ctx, struct sock_filter **prog, size_t *len,
			struct verr *err)
{
	int fd = memfd_create("veil-seccomp", MFD_CLOEXEC);
	off_t size;
	int rc;

	if (fd < 0)
		return verr_errno(err, errno, "seccomp: cannot export the filter");
	rc = seccomp_export_bpf(ctx, fd);
	size = lseek(fd, 0, SEEK_CUR);
	if (rc < 0 || size <= 0 || size % (off_t)sizeof **prog) {
		close(fd);
		return verr_errno(err, rc < 0 ? -rc : EIO, "seccomp: cannot export the filter");
	}
	*len = (size_t)size / sizeof **prog;
	*prog = xmalloc((size_t)size);
	if (pread(fd, *prog, (size_t)size, 0) != size) {
		rc = errno;
		close(fd);
		free(*prog);
		*prog = NULL;
		return verr_errno(err, rc ? rc : EIO, "seccomp: cannot export the filter");
	}
	close(fd);
	return 0;
}

/* The head, then libseccomp's program (or, with --seccomp none, a return
 * of ALLOW), as one filter. */
static int load(const struct filter *f, const struct head *h, struct verr *err)
{
	static const struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_filter *head = NULL, *rules = NULL, *all;
	size_t n_head = 0, n_rules = 1;
	struct sock_fprog fprog;
	int rc = -1;

	if (seccomp_head_build(h, &head, &n_head, err) < 0)
		return -1;
	if (f->ctx && export_rules(f->ctx, &rules, &n_rules, err) < 0)
		goto out;
	if (n_head + n_rules > BPF_MAXINSNS) {
		verr_set(err, "seccomp: the filter has %zu instructions, more than the kernel's %d",
			 n_head + n_rules, BPF_MAXINSNS);
		goto out;
	}
	all = xmalloc((n_head + n_rules) * sizeof *all);
	if (n_head)
		memcpy(all, head, n_head * sizeof *all);
	memcpy(all + n_head, rules ? rules : &allow, n_rules * sizeof *all);
	fprog = (struct sock_fprog){ .len = (unsigned short)(n_head + n_rules), .filter = all };
	rc = prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0);
	if (rc < 0)
		verr_errno(err, errno, "seccomp: cannot load the filter");
	else
		trace("seccomp: filter of %zu instructions loaded (%zu of veil's, %zu of libseccomp's)",
		      n_head + n_rules, n_head, f->ctx ? n_rules : 0);
	free(all);
out:
	free(head);
	free(rules);
	return rc;
}

static int load_filter(const struct security *s, unsigned long namespaces, struct verr *err)
{
	struct filter f = { .dflt = action_value(s->default_action, s->default_errnum) };
	struct head h = { .socket_families = (namespaces & CLONE_NEWNET) != 0 };
	enum seccomp_action exec;
	int rc = -1;

	if (s->seccomp == SECCOMP_NONE && !h.socket_families)
		return 0;
	if (s->seccomp != SECCOMP_NONE) {
		/* The filter is in place before exec: one that denies execve
		 * would only turn every run into a failure to start. */
		exec = action_for(s, "execve");
		if (exec == SC_ERRNO || exec == SC_KILL)
			return verr_set(err, "seccomp: the filter denies execve, so the command cannot "
					     "start (add --seccomp-allow execve)");
		if (build_rules(&f, s, err) < 0)
			goto out;
		h.refuse_newer = s->seccomp == SECCOMP_DEFAULT;
	}
	h.rules = f.head;
	h.n_rules = f.n_head;
	rc = load(&f, &h, err);
out:
	if (f.ctx)
		seccomp_release(f.ctx);
	free(f.head);
	return rc;
}

int seccomp_apply(const struct security *s, unsigned long namespaces, struct verr *err)
{
	if (load_filter(s, namespaces, err) < 0)
		return -1;
	if (s->seccomp != SECCOMP_NONE)
		trace("seccomp: %s filter loaded, with %zu rule%s", mode_name(s->seccomp), s->n_rules,
		      s->n_rules == 1 ? "" : "s");
	if (namespaces & CLONE_NEWNET)
		trace("seccomp: sockets of families other than unix, inet, inet6 and netlink refused");
	return 0;
}
