/* The seccomp filter, built from the plan's rules (seccomp-rules.c) and
 * veil's built-in list, and loaded in the command's process: libseccomp's
 * program for the calls it knows by name, after a head of veil's own
 * (seccomp-head.c) for the shared numbers and the socket families. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "seccomp-filter.h"
#include "seccomp-head.h"
#include "seccomp-rules.h"
#include "syscall-table.h"
#include "util.h"

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
		/* The head compares numbers only; no rule of veil's or a
		 * user's for these calls has arguments. */
		if (n_args)
			return verr_set(err, "seccomp: internal error: arguments for %s", syscall);
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
 * of ALLOW), as one filter, into *out. */
static int assemble(const struct filter *f, const struct head *h, struct sock_fprog *out,
		    struct verr *err)
{
	static const struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct sock_filter *head = NULL, *rules = NULL, *all;
	size_t n_head = 0, n_rules = 1;
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
	*out = (struct sock_fprog){ .len = (unsigned short)(n_head + n_rules), .filter = all };
	trace("seccomp: filter of %zu instructions (%zu of veil's, %zu of libseccomp's)",
	      n_head + n_rules, n_head, f->ctx ? n_rules : 0);
	rc = 0;
out:
	free(head);
	free(rules);
	return rc;
}

int seccomp_filter_build(const struct security *s, unsigned long namespaces, struct sock_fprog *out,
		  struct verr *err)
{
	struct filter f = { .dflt = action_value(s->default_action, s->default_errnum) };
	/* A command that is uid 0 to the host owns what root owns in the
	 * kernel: the head keeps it from root's keyrings, and from the
	 * capabilities over cgroupfs that a user namespace would give it. */
	struct head h = { .socket_families = (namespaces & CLONE_NEWNET) != 0,
			  .no_new_userns = s->root_outside && !s->nested_userns,
			  .no_keyrings = s->root_outside };
	enum seccomp_action exec;
	int rc = -1;

	*out = (struct sock_fprog){ .len = 0, .filter = NULL };
	if (s->seccomp == SECCOMP_NONE && !h.socket_families && !h.no_keyrings)
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
		h.refuse_newer = seccomp_refuses_newer(s);
	}
	h.rules = f.head;
	h.n_rules = f.n_head;
	rc = assemble(&f, &h, out, err);
out:
	if (f.ctx)
		seccomp_release(f.ctx);
	free(f.head);
	return rc;
}

int seccomp_filter_load(const struct security *s, unsigned long namespaces, const struct sock_fprog *prog,
		 struct verr *err)
{
	if (prog->len && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog, 0, 0) < 0)
		return verr_errno(err, errno, "seccomp: cannot load the filter");
	if (s->seccomp != SECCOMP_NONE)
		trace("seccomp: %s filter loaded, with %zu rule%s", seccomp_mode_name(s->seccomp),
		      s->n_rules, s->n_rules == 1 ? "" : "s");
	if (namespaces & CLONE_NEWNET)
		trace("seccomp: socket families other than unix, inet, inet6, netlink refused; "
		      "io_uring: ENOSYS");
	if (s->root_outside)
		trace("seccomp: the command is root outside: keyrings refused%s",
		      s->nested_userns ? "" : ", and new user namespaces");
	return 0;
}
