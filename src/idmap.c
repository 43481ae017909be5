#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "idmap.h"
#include "mountinfo.h"
#include "namespaces.h"
#include "syscalls.h"
#include "util.h"

#define NOBODY 65534

bool idmap_wanted(const struct plan *plan)
{
	if (!plan->outside_nobody)
		return false;
	if (plan->root.kind == ROOT_BIND && !(plan->root.flags & STEP_RO))
		return true;
	for (size_t i = 0; i < plan->n_mounts; i++)
		if (plan->mounts[i].kind == MOUNT_BIND && !(plan->mounts[i].flags & STEP_RO))
			return true;
	return false;
}

int idmap_channel(int sv[2], struct verr *err)
{
	/* Datagrams with boundaries: one tree and its source a request. */
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return verr_errno(err, errno, "socketpair");
	return 0;
}

/* veil's answer: errnum 0, or the message pid 1 reports and its errno. */
struct reply {
	int errnum;
	struct verr err;
};

/* ---- pid 1 ---------------------------------------------------------------------- */

int idmap_request(int sock, int tree, const char *src, struct verr *err)
{
	char control[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = (void *)src, .iov_len = strlen(src) + 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control,
			      .msg_controllen = sizeof control };
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	struct reply r;

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &tree, sizeof tree);
	if (sendmsg(sock, &msg, MSG_NOSIGNAL) < 0 || recv(sock, &r, sizeof r, 0) != sizeof r)
		return verr_errno(err, errno ? errno : EPIPE, "%s: veil did not idmap it", src);
	if (r.errnum == 0)
		return 0;
	*err = r.err;
	err->msg[sizeof err->msg - 1] = '\0';
	errno = r.errnum;
	return -1;
}

/* ---- veil ----------------------------------------------------------------------- */

/* The user namespaces veil made or opened, by the owner they map to nobody. */
struct owner_ns {
	uid_t uid;
	gid_t gid;
	int fd;
};

struct server {
	pid_t pid1;
	const struct plan *plan;
	uid_t inside_uid;
	gid_t inside_gid;
	struct owner_ns *ns;
	size_t n, cap;
};

/* The namespace whose map shows the owner's files, on disk, as nobody's
 * outside, which is what the command is: the action's own when the
 * command's ids inside are the owner's, else one made for it. */
static int userns_for(struct server *s, uid_t uid, gid_t gid, struct verr *err)
{
	char path[64];
	int fd;

	for (size_t i = 0; i < s->n; i++)
		if (s->ns[i].uid == uid && s->ns[i].gid == gid)
			return s->ns[i].fd;
	if (uid == s->inside_uid && gid == s->inside_gid) {
		snprintf(path, sizeof path, "/proc/%d/ns/user", (int)s->pid1);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return verr_errno(err, errno, "%s", path);
	} else {
		fd = ns_new_user(uid, gid, NOBODY, NOBODY, err);
		if (fd < 0)
			return -1;
	}
	grow(&s->ns, &s->cap, s->n, sizeof *s->ns);
	s->ns[s->n++] = (struct owner_ns){ uid, gid, fd };
	return fd;
}

/* Whether a lone copy of the mount at path refuses an idmap as a file
 * system without the support does (EINVAL). */
static bool refuses_idmap(const char *path, int ns)
{
	int fd = sys_open_tree(AT_FDCWD, path, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	bool refused;

	if (fd < 0)
		return false;
	refused = sys_mount_setattr_idmap(fd, 0, ns) < 0 && errno == EINVAL;
	close(fd);
	return refused;
}

struct culprit_query {
	const char *real; /* the bind source, resolved in veil's view */
	int ns;
	unsigned long long top_id; /* the mount the source is on */
};

static char *top_fstype_fn(const struct mount_line *m, const void *arg)
{
	const struct culprit_query *q = arg;

	return strtoull(m->id, NULL, 10) == q->top_id ? xstrdup(m->fstype) : NULL;
}

static char *submount_fn(const struct mount_line *m, const void *arg)
{
	const struct culprit_query *q = arg;
	const char *rest = path_under(m->point, q->real);

	if (!rest || !*rest || !refuses_idmap(m->point, q->ns))
		return NULL;
	return xasprintf("the mount at %s in it (%s)", m->point, m->fstype);
}

/* The mount of the tree that has no idmap support, named with its file
 * system type; NULL when none can be found (then the source is named). */
static char *find_culprit(const struct server *s, const char *src, int ns)
{
	struct culprit_query q = { .ns = ns };
	struct statx stx;
	char *info, *real, *found = NULL;

	/* Bind sources of --bind-source-pid are in another view than veil's. */
	if (s->plan->bind_source.pid > 0 || !(real = realpath(src, NULL)))
		return NULL;
	q.real = real;
	info = read_text(AT_FDCWD, "/proc/self/mountinfo");
	if (info && refuses_idmap(real, ns)) {
		if (statx(AT_FDCWD, real, 0, STATX_MNT_ID, &stx) == 0 && (stx.stx_mask & STATX_MNT_ID)) {
			char *type;
			q.top_id = stx.stx_mnt_id;
			type = mountinfo_each(info, top_fstype_fn, &q);
			if (type)
				found = xasprintf("its file system (%s)", type);
			free(type);
		}
		if (!found)
			found = xstrdup("its file system");
	} else if (info) {
		found = mountinfo_each(info, submount_fn, &q);
	}
	free(info);
	free(real);
	return found;
}

/* Idmap the tree pid 1 cloned from src; errno the reason on failure. */
static int idmap_tree(struct server *s, int tree, const char *src, struct verr *err)
{
	struct stat st;
	char *culprit;
	int ns, e;

	if (fstat(tree, &st) < 0)
		return verr_errno(err, errno, "%s", src);
	ns = userns_for(s, st.st_uid, st.st_gid, err);
	if (ns < 0)
		return -1;
	if (sys_mount_setattr_idmap(tree, AT_RECURSIVE, ns) == 0) {
		trace("idmap: %s: its owner %u:%u is the command's own ids", src, (unsigned)st.st_uid,
		      (unsigned)st.st_gid);
		return 0;
	}
	e = errno;
	if (e != EINVAL) {
		verr_errno(err, e, "%s: cannot be idmapped for nobody (%s)", src,
			   s->plan->outside_nobody);
		errno = e;
		return -1;
	}
	culprit = find_culprit(s, src, ns);
	verr_set(err, "%s: %s does not support idmapped mounts, which a writable bind needs "
		      "when the command is nobody outside (%s): bind it read-only, or keep the "
		      "caller's ids with --no-nobody",
		 src, culprit ? culprit : "a mount in it", s->plan->outside_nobody);
	free(culprit);
	errno = e;
	return -1;
}

/* One request: the source path, and the tree as SCM_RIGHTS. */
static ssize_t receive(int sock, char *src, size_t size, int *tree)
{
	char control[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { .iov_base = src, .iov_len = size - 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control,
			      .msg_controllen = sizeof control };
	struct cmsghdr *c;
	ssize_t n;

	*tree = -1;
	n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	if (n <= 0)
		return n;
	src[n] = '\0';
	c = CMSG_FIRSTHDR(&msg);
	if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
	    c->cmsg_len == CMSG_LEN(sizeof(int)))
		memcpy(tree, CMSG_DATA(c), sizeof *tree);
	return n;
}

int idmap_serve(int sock, pid_t pid1, const struct plan *plan, uid_t inside_uid,
		gid_t inside_gid, struct verr *err)
{
	struct server s = { .pid1 = pid1, .plan = plan, .inside_uid = inside_uid,
			    .inside_gid = inside_gid };
	char src[PATH_MAX + 1];
	int rc = 0, tree;
	ssize_t n;

	/* Until end-of-file: pid 1 is done with its mounts, or dead. */
	while ((n = receive(sock, src, sizeof src, &tree)) != 0) {
		struct reply r = { .errnum = 0 };

		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = verr_errno(err, errno, "--nobody: cannot hear pid 1");
			break;
		}
		if (tree < 0) {
			verr_set(&r.err, "%s: no mount came with it", src);
			r.errnum = EPROTO;
		} else if (idmap_tree(&s, tree, src, &r.err) < 0)
			r.errnum = errno ? errno : EIO;
		if (tree >= 0)
			close(tree);
		if (send(sock, &r, sizeof r, MSG_NOSIGNAL) != sizeof r) {
			rc = verr_errno(err, errno, "--nobody: cannot answer pid 1");
			break;
		}
	}
	for (size_t i = 0; i < s.n; i++)
		close(s.ns[i].fd);
	free(s.ns);
	return rc;
}
