/* The command's Landlock domain.
 *
 * Landlock's ptrace hook lets a process in a domain ptrace (and, through
 * ptrace_may_access(), pidfd_getfd, process_vm_readv/writev,
 * process_madvise, kcmp, /proc/PID/mem and the pidfd namespace ioctls)
 * only processes in the same domain or one nested in it.  Each action's
 * command makes a domain of its own, so two actions, which as root share
 * the host's user namespace, cannot reach each other's descriptors or
 * memory, and neither can reach veil or anything else on the host; this
 * holds from ABI 1 on, whatever the ruleset handles.  On top of that:
 *
 *   ABI 6  LANDLOCK_SCOPE_SIGNAL: no signal (kill, pidfd_send_signal,
 *          SIGIO) to a process outside the domain;
 *          LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET, unless host-sockets: no
 *          connection to an abstract socket made outside it.
 *   ABI 9  LANDLOCK_ACCESS_FS_RESOLVE_UNIX, unless host-sockets: no
 *          connection to a pathname socket made outside the domain, but
 *          for those beneath a bind's destination, which the caller named.
 *
 * A ruleset has to handle something.  From ABI 6 the scopes are enough
 * and no file access is handled, so nothing about files changes.  Below
 * it, the ruleset handles LANDLOCK_ACCESS_FS_MAKE_BLOCK (creating block
 * devices, which needs CAP_MKNOD anyway) and LANDLOCK_ACCESS_FS_REFER,
 * both allowed beneath /: without REFER allowed, every ruleset that
 * handles files makes renames and links into another directory fail with
 * EXDEV.  ABI 1 has no REFER to allow, so there veil makes no domain.  A
 * ruleset that handles files also denies mount, umount and pivot_root to
 * the command (below ABI 6, and at ABI 9 with the sockets hidden).
 *
 * The kernel's headers may be older than the kernel: the ABI is asked at
 * run time and the constants are spelled out here. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "landlock.h"
#include "resolve.h"
#include "util.h"

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#define SYS_landlock_add_rule 445
#define SYS_landlock_restrict_self 446
#endif

#define LL_CREATE_RULESET_VERSION (1U << 0)
#define LL_RULE_PATH_BENEATH 1
#define LL_FS_MAKE_BLOCK (UINT64_C(1) << 11)
#define LL_FS_REFER (UINT64_C(1) << 13)	       /* ABI 2 */
#define LL_FS_RESOLVE_UNIX (UINT64_C(1) << 16) /* ABI 9 */
#define LL_SCOPE_ABSTRACT_UNIX_SOCKET (UINT64_C(1) << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL (UINT64_C(1) << 1)		 /* ABI 6 */

/* struct landlock_ruleset_attr as of ABI 6; an older kernel takes it
 * whole as long as the fields it does not know are 0. */
struct ll_ruleset_attr {
	uint64_t handled_access_fs;
	uint64_t handled_access_net;
	uint64_t scoped;
};

struct ll_path_beneath_attr {
	uint64_t allowed_access;
	int32_t parent_fd;
} __attribute__((packed));

/* --- the builder's handlers -------------------------------------------- */

static int yes_no(const char *v, bool *out, struct verr *err)
{
	if (parse_bool(v, out) < 0)
		return verr_set(err, "'%s' is not yes or no", v);
	return 0;
}

int op_landlock(struct builder *b, const struct op *op, char *const *args, const char *origin,
		struct verr *err)
{
	struct landlock_setting *l = &b->plan->landlock;
	bool on;

	(void)op;
	if (yes_no(args[0], &on, err) < 0)
		return -1;
	l->off = !on;
	str_replace(&l->off_origin, on ? NULL : origin);
	return 0;
}

int op_host_sockets(struct builder *b, const struct op *op, char *const *args,
		    const char *origin, struct verr *err)
{
	struct landlock_setting *l = &b->plan->landlock;

	(void)op;
	if (yes_no(args[0], &l->host_sockets, err) < 0)
		return -1;
	str_replace(&l->host_sockets_origin, origin);
	return 0;
}

void landlock_setting_free(struct landlock_setting *l)
{
	free(l->off_origin);
	free(l->host_sockets_origin);
	memset(l, 0, sizeof *l);
}

void landlock_print(const struct landlock_setting *l, FILE *out)
{
	if (l->off) {
		fprintf(out, "%-11s none  (%s)\n", "landlock", l->off_origin);
		return;
	}
	fprintf(out, "%-11s own domain (no ptrace, no signals out); unix sockets made outside: %s",
		"landlock", l->host_sockets ? "reachable" : "hidden");
	if (l->host_sockets_origin)
		fprintf(out, "  (%s)", l->host_sockets_origin);
	fputc('\n', out);
}

/* --- applying ------------------------------------------------------------ */

bool landlock_policy_for(int abi, bool host_sockets, struct landlock_policy *p)
{
	memset(p, 0, sizeof *p);
	if (abi < 2)
		return false;
	if (abi < 6) {
		p->handled_fs = p->root_access = LL_FS_MAKE_BLOCK | LL_FS_REFER;
		return true;
	}
	p->scoped = LL_SCOPE_SIGNAL;
	if (host_sockets)
		return true;
	p->scoped |= LL_SCOPE_ABSTRACT_UNIX_SOCKET;
	if (abi >= 9) {
		p->handled_fs = LL_FS_RESOLVE_UNIX | LL_FS_REFER;
		p->root_access = LL_FS_REFER;
		p->bind_access = LL_FS_RESOLVE_UNIX;
	}
	return true;
}

static int add_rule(int ruleset, int fd, const char *path, uint64_t access, struct verr *err)
{
	struct ll_path_beneath_attr rule = { .allowed_access = access, .parent_fd = fd };

	if (syscall(SYS_landlock_add_rule, ruleset, LL_RULE_PATH_BENEATH, &rule, 0) < 0)
		return verr_errno(err, errno, "landlock: cannot add the rule for %s", path);
	return 0;
}

/* Connections to sockets beneath a bind's destination stay allowed: the
 * caller named the bind (--bind /run/x.sock /run/x.sock keeps working). */
static int add_bind_rules(int ruleset, int rootfd, const struct plan *plan, uint64_t access,
			  struct verr *err)
{
	for (size_t i = 0; i < plan->n_mounts; i++) {
		const struct mount_step *m = &plan->mounts[i];
		struct verr ignored;
		int fd, rc;

		if (m->kind != MOUNT_BIND)
			continue;
		/* A --bind-try whose source was missing has no destination. */
		fd = root_open(rootfd, m->dest, 0, &ignored);
		if (fd < 0) {
			trace("landlock: %s is not there; no rule for it", m->dest);
			continue;
		}
		rc = add_rule(ruleset, fd, m->dest, access, err);
		close(fd);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int make_ruleset(const struct plan *plan, const struct landlock_policy *p,
			struct verr *err)
{
	struct ll_ruleset_attr attr = { .handled_access_fs = p->handled_fs,
					.scoped = p->scoped };
	int ruleset, rootfd, rc = 0;

	ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
	if (ruleset < 0)
		return verr_errno(err, errno, "landlock: cannot create the ruleset");
	if (!p->root_access && !p->bind_access)
		return ruleset;
	rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0)
		rc = verr_errno(err, errno, "/");
	if (rc == 0 && p->root_access)
		rc = add_rule(ruleset, rootfd, "/", p->root_access, err);
	if (rc == 0 && p->bind_access)
		rc = add_bind_rules(ruleset, rootfd, plan, p->bind_access, err);
	if (rootfd >= 0)
		close(rootfd);
	if (rc < 0) {
		close(ruleset);
		return -1;
	}
	return ruleset;
}

static void trace_policy(int abi, const struct landlock_policy *p)
{
	trace("landlock: ABI %d: the command has a domain of its own: no ptrace, "
	      "pidfd_getfd or process_vm_* out of it", abi);
	if (p->scoped & LL_SCOPE_SIGNAL)
		trace("landlock: no signals to processes outside the domain");
	else
		trace("landlock: signals out of the domain are not scoped (ABI 6 does it)");
	if (p->scoped & LL_SCOPE_ABSTRACT_UNIX_SOCKET)
		trace("landlock: no abstract unix sockets made outside the domain");
	if (p->bind_access)
		trace("landlock: no pathname unix sockets made outside the domain, but beneath "
		      "the binds' destinations");
	if (p->handled_fs)
		trace("landlock: it handles %s, allowed beneath /, so the command cannot mount, "
		      "umount or pivot_root", p->handled_fs & LL_FS_MAKE_BLOCK ?
		      "making block devices and renaming into another directory" :
		      "renaming into another directory");
}

int landlock_apply(const struct plan *plan, struct verr *err)
{
	struct landlock_policy p;
	int abi, ruleset;

	if (plan->landlock.off) {
		trace("landlock: off (%s)", plan->landlock.off_origin);
		return 0;
	}
	abi = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
	if (abi < 0 && (errno == ENOSYS || errno == EOPNOTSUPP)) {
		trace("landlock: the kernel has none (%s): the command is not in a domain of "
		      "its own", strerror(errno));
		return 0;
	}
	if (abi < 0)
		return verr_errno(err, errno, "landlock: cannot read the ABI version");
	if (!landlock_policy_for(abi, plan->landlock.host_sockets, &p)) {
		trace("landlock: ABI %d: not used (a domain would make every rename into another "
		      "directory fail)", abi);
		return 0;
	}
	ruleset = make_ruleset(plan, &p, err);
	if (ruleset < 0)
		return -1;
	/* restrict_self needs it (or CAP_SYS_ADMIN); security_apply() sets it
	 * anyway, right after. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		close(ruleset);
		return verr_errno(err, errno, "cannot set no_new_privs");
	}
	if (syscall(SYS_landlock_restrict_self, ruleset, 0) < 0) {
		int e = errno;
		close(ruleset);
		return verr_errno(err, e, "landlock: cannot enforce the ruleset");
	}
	close(ruleset);
	if (log_verbose)
		trace_policy(abi, &p);
	return 0;
}
