#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "mountinfo.h"
#include "util.h"

#define MAX_PIDS 4194304UL /* PID_MAX_LIMIT: more could never be reached */
#define MAX_CORES 100000   /* beyond any machine; keeps the quota in range */

/* ---- options ------------------------------------------------------------------ */

/* "max" lifts a limit set earlier (by a profile, say), as in cgroupfs. */
int op_memory(struct builder *b, const struct op *op, char *const *args, const char *origin,
	      struct verr *err)
{
	struct cgroup_limits *c = &b->plan->cgroup;
	unsigned long long v = 0;

	(void)op;
	if (strcmp(args[0], "max") != 0) {
		if (parse_size(args[0], &v, err) < 0)
			return -1;
		if (v == 0)
			return verr_set(err, "must be more than 0 bytes (or 'max': no limit)");
	}
	c->memory = v;
	str_replace(&c->memory_origin, origin);
	return 0;
}

int op_pids(struct builder *b, const struct op *op, char *const *args, const char *origin,
	    struct verr *err)
{
	struct cgroup_limits *c = &b->plan->cgroup;
	const char *s = args[0];
	unsigned long v = 0;

	(void)op;
	if (strcmp(s, "max") != 0) {
		if (!is_plain_number(s, false))
			return verr_set(err, "'%s' is not a number of processes (or 'max')", s);
		errno = 0;
		v = strtoul(s, NULL, 10);
		if (errno || v > MAX_PIDS || v == 0)
			return verr_set(err, "'%s' is out of range (1 to %lu, or 'max')", s, MAX_PIDS);
	}
	c->pids = v;
	str_replace(&c->pids_origin, origin);
	return 0;
}

/* Cores, as a decimal: "2", "1.5", ".25".  cpu.max's quota is at least
 * 1000 µs a period, so at least 0.01 of a core. */
int op_cpu(struct builder *b, const struct op *op, char *const *args, const char *origin,
	   struct verr *err)
{
	struct cgroup_limits *c = &b->plan->cgroup;
	const char *s = args[0];
	double v = 0;

	(void)op;
	if (strcmp(s, "max") != 0) {
		if (!is_plain_number(s, true))
			return verr_set(err, "'%s' is not a number of cores (such as 2 or 1.5, or 'max')",
					s);
		v = strtod(s, NULL);
		if (v < 0.01 || v > MAX_CORES)
			return verr_set(err, "'%s' is out of range (0.01 to %d cores, or 'max')", s,
					MAX_CORES);
	}
	c->cpu = v;
	str_replace(&c->cpu_origin, origin);
	return 0;
}

int op_cgroup_parent(struct builder *b, const struct op *op, char *const *args,
		     const char *origin, struct verr *err)
{
	struct cgroup_limits *c = &b->plan->cgroup;
	char *dir;

	(void)op;
	if (normalize_dest(args[0], &dir, err) < 0)
		return -1;
	free(c->parent);
	c->parent = dir;
	str_replace(&c->parent_origin, origin);
	return 0;
}

bool cgroup_wanted(const struct cgroup_limits *c)
{
	return c->memory || c->pids || c->cpu > 0 || c->parent;
}

void cgroup_limits_free(struct cgroup_limits *c)
{
	free(c->memory_origin);
	free(c->pids_origin);
	free(c->cpu_origin);
	free(c->parent);
	free(c->parent_origin);
	memset(c, 0, sizeof *c);
}

static long long cpu_quota(double cores)
{
	return (long long)(cores * CGROUP_CPU_PERIOD + 0.5);
}

void cgroup_print(const struct cgroup_limits *c, FILE *out)
{
	if (!cgroup_wanted(c))
		return;
	if (c->parent) {
		fprintf(out, "%-11s new, under ", "cgroup");
		fput_quoted(c->parent, out);
		fprintf(out, "  (%s)\n", c->parent_origin);
	} else {
		fprintf(out, "%-11s new, under veil's own\n", "cgroup");
	}
	if (c->memory)
		fprintf(out, "%-11s memory.max=%llu memory.swap.max=0  (%s)\n", "cgroup", c->memory,
			c->memory_origin);
	if (c->pids)
		fprintf(out, "%-11s pids.max=%lu  (%s)\n", "cgroup", c->pids, c->pids_origin);
	if (c->cpu > 0)
		fprintf(out, "%-11s cpu.max=%lld %d  (%s)\n", "cgroup", cpu_quota(c->cpu),
			CGROUP_CPU_PERIOD, c->cpu_origin);
}

/* ---- text parsers --------------------------------------------------------------- */

bool cgroup_list_has(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; p && *p;) {
		p += strspn(p, " \t\n");
		size_t len = strcspn(p, " \t\n");
		if (len == n && strncmp(p, word, n) == 0)
			return true;
		p += len;
	}
	return false;
}

char *cgroup_v2_path(const char *text)
{
	for (const char *line = text; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (len > 3 && strncmp(line, "0::", 3) == 0)
			return strndup(line + 3, len - 3);
		line = nl ? nl + 1 : NULL;
	}
	return NULL;
}

struct v2_dir_query {
	const char *cgpath;
	bool (*usable)(const char *dir); /* NULL: the first that shows it */
};

static char *v2_dir_fn(const struct mount_line *m, const void *arg)
{
	const struct v2_dir_query *q = arg;
	const char *rest;
	char *dir;

	if (strcmp(m->fstype, "cgroup2") != 0 || !(rest = path_under(q->cgpath, m->root)))
		return NULL;
	if (!*rest)
		dir = xstrdup(m->point);
	else
		dir = xasprintf("%s%s", strcmp(m->point, "/") == 0 ? "" : m->point, rest);
	if (q->usable && !q->usable(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

char *cgroup_v2_dir(const char *mountinfo, const char *cgpath)
{
	struct v2_dir_query q = { cgpath, NULL };

	return mountinfo_each(mountinfo, v2_dir_fn, &q);
}

static char *under_mount_fn(const struct mount_line *m, const void *arg)
{
	if (strcmp(m->fstype, "cgroup2") == 0 && path_under(arg, m->point))
		return xstrdup(m->point);
	return NULL;
}

bool cgroup_v2_under_mount(const char *mountinfo, const char *path)
{
	char *point = mountinfo_each(mountinfo, under_mount_fn, path);

	free(point);
	return point != NULL;
}

static char *v1_fn(const struct mount_line *m, const void *arg)
{
	char *opts, *save = NULL, *found = NULL;

	if (strcmp(m->fstype, "cgroup") != 0)
		return NULL;
	opts = xstrdup(m->super);
	for (char *o = strtok_r(opts, ",", &save); o && !found; o = strtok_r(NULL, ",", &save))
		if (strcmp(o, arg) == 0)
			found = xstrdup(m->point);
	free(opts);
	return found;
}

char *cgroup_v1_mount(const char *mountinfo, const char *controller)
{
	return mountinfo_each(mountinfo, v1_fn, controller);
}

/* ---- files ------------------------------------------------------------------------ */

/* Write text to a cgroup file in one write(2), as cgroupfs wants. */
static int write_text(int dirfd, const char *name, const char *text)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CLOEXEC);
	size_t len = strlen(text);
	ssize_t n;
	int e;

	if (fd < 0)
		return -1;
	n = write(fd, text, len);
	e = errno;
	close(fd);
	if (n == (ssize_t)len)
		return 0;
	errno = n < 0 ? e : EIO;
	return -1;
}

/* "key value" lines (cpu.stat, memory.events): the value, or -1. */
static long long keyed_value(int dirfd, const char *file, const char *key)
{
	char *text = read_text(dirfd, file);
	size_t n = strlen(key);
	long long v = -1;

	for (const char *line = text; line && *line;) {
		if (strncmp(line, key, n) == 0 && line[n] == ' ') {
			v = strtoll(line + n + 1, NULL, 10);
			break;
		}
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	free(text);
	return v;
}

static long long single_value(int dirfd, const char *file)
{
	char *text = read_text(dirfd, file);
	long long v = text && *text >= '0' && *text <= '9' ? strtoll(text, NULL, 10) : -1;

	free(text);
	return v;
}

/* ---- making the cgroup ---------------------------------------------------------- */

/* Advice for a cgroup veil may not write to. */
#define DELEGATE_HINT                                                                       \
	"veil needs a cgroup it may write to: run it as root, in a cgroup delegated to it "  \
	"(systemd-run --scope -p Delegate=yes veil ...), or name one with --cgroup-parent"

/* The controllers the limits need, with the option that asked for each. */
struct need {
	const char *controller, *origin;
};

static size_t needed(const struct cgroup_limits *lim, struct need out[3])
{
	size_t n = 0;

	if (lim->memory)
		out[n++] = (struct need){ "memory", lim->memory_origin };
	if (lim->pids)
		out[n++] = (struct need){ "pids", lim->pids_origin };
	if (lim->cpu > 0)
		out[n++] = (struct need){ "cpu", lim->cpu_origin };
	return n;
}

static const char *first_origin(const struct cgroup_limits *lim)
{
	if (lim->memory)
		return lim->memory_origin;
	if (lim->pids)
		return lim->pids_origin;
	if (lim->cpu > 0)
		return lim->cpu_origin;
	return lim->parent_origin;
}

static bool is_cgroup2(const char *dir)
{
	struct statfs sf;

	return statfs(dir, &sf) == 0 && sf.f_type == CGROUP2_SUPER_MAGIC;
}

/* mountinfo also lists mounts something else was mounted over: the first
 * that shows cgpath and really is cgroup2 there, else the first at all
 * (for the error message). */
static char *reachable_v2_dir(const char *mountinfo, const char *cgpath)
{
	struct v2_dir_query q = { cgpath, is_cgroup2 };
	char *dir = mountinfo_each(mountinfo, v2_dir_fn, &q);

	return dir ? dir : cgroup_v2_dir(mountinfo, cgpath);
}

/* The directory to make the action's cgroup in; *own says whether it is
 * veil's own cgroup.  Errors name the option they are about. */
static char *find_parent(const struct cgroup_limits *lim, const char *mountinfo, bool *own,
			 struct verr *err)
{
	const char *origin = lim->parent_origin;
	struct stat st;
	char *dir, *proc, *path;
	int e;

	*own = false;
	if (!strstr(mountinfo, " - cgroup2 ")) {
		verr_set(err, "%s: cannot use cgroup v2: no cgroup2 file system is mounted (see "
			      "/proc/self/mountinfo)", first_origin(lim));
		return NULL;
	}
	if (lim->parent) {
		/* A directory in cgroupfs, or else a path in the hierarchy. */
		if (cgroup_v2_under_mount(mountinfo, lim->parent)) {
			dir = xstrdup(lim->parent);
		} else if (!(dir = reachable_v2_dir(mountinfo, lim->parent))) {
			verr_set(err, "%s: %s is in no cgroup2 file system", origin, lim->parent);
			return NULL;
		}
		e = stat(dir, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
		if (e && strcmp(dir, lim->parent) != 0)
			verr_errno(err, e, "%s: no cgroup %s (%s)", origin, lim->parent, dir);
		else if (e)
			verr_errno(err, e, "%s: %s", origin, dir);
		else if (!is_cgroup2(dir))
			verr_set(err, "%s: %s is not in a cgroup2 file system", origin, dir);
		if (e || !is_cgroup2(dir)) {
			free(dir);
			return NULL;
		}
		return dir;
	}
	proc = read_text(AT_FDCWD, "/proc/self/cgroup");
	path = proc ? cgroup_v2_path(proc) : NULL;
	free(proc);
	if (!path) {
		verr_set(err, "%s: cannot use cgroup v2: /proc/self/cgroup names no cgroup v2 "
			      "cgroup for veil", first_origin(lim));
		return NULL;
	}
	dir = reachable_v2_dir(mountinfo, path);
	if (!dir || !is_cgroup2(dir)) {
		verr_set(err, "%s: cannot use cgroup v2: veil's own cgroup %s is not visible in a "
			      "cgroup2 mount here (see /proc/self/mountinfo)", first_origin(lim), path);
		free(dir);
		dir = NULL;
	}
	free(path);
	*own = dir != NULL;
	return dir;
}

/* Why `controller` is not in dir/cgroup.controllers. */
static void explain_missing(int dirfd, const char *dir, const char *mountinfo,
			    const struct need *nd, struct verr *err)
{
	char *avail = read_text(dirfd, "cgroup.controllers");
	char *cgroups = read_text(AT_FDCWD, "/proc/cgroups");
	char why[512] = "";
	const char *c = nd->controller;
	size_t n = strlen(c);
	int hierarchy = -1, enabled = 1;

	if (avail)
		avail[strcspn(avail, "\n")] = '\0';
	/* /proc/cgroups: "name hierarchy num_cgroups enabled"; a controller a
	 * cgroup v1 hierarchy holds (hierarchy > 0) is not in cgroup v2. */
	for (const char *line = cgroups; line && *line;) {
		if (strncmp(line, c, n) == 0 && (line[n] == '\t' || line[n] == ' ')) {
			sscanf(line + n, "%d %*d %d", &hierarchy, &enabled);
			break;
		}
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	if (hierarchy > 0) {
		char *v1 = cgroup_v1_mount(mountinfo, c);
		snprintf(why, sizeof why, "it is bound to a cgroup v1 hierarchy%s%s%s, so cgroup v2 "
			 "cannot have it", v1 ? " (mounted on " : "", v1 ? v1 : "", v1 ? ")" : "");
		free(v1);
	} else if (hierarchy < 0 || !enabled) {
		snprintf(why, sizeof why, "the kernel has no %s controller, or it is disabled "
			 "(cgroup_disable= on its command line)", c);
	} else {
		snprintf(why, sizeof why, "its parent does not enable it for it (see "
			 "cgroup.subtree_control one level up)");
	}
	verr_set(err, "%s: cannot use the cgroup v2 %s controller: it is not available in %s: %s; "
		 "available there: %s", nd->origin, c, dir, why, avail && *avail ? avail : "none");
	free(avail);
	free(cgroups);
}

/* cgroup.procs holds veil alone. */
static bool only_veil_in(int dirfd)
{
	char *procs = read_text(dirfd, "cgroup.procs");
	char mine[32];
	bool alone;

	snprintf(mine, sizeof mine, "%d\n", (int)getpid());
	alone = procs && strcmp(procs, mine) == 0;
	free(procs);
	return alone;
}

static void random_name(char *buf, size_t len, const char *suffix)
{
	unsigned r = 0;

	if (getrandom(&r, sizeof r, GRND_NONBLOCK) != sizeof r)
		r = (unsigned)time(NULL) ^ (unsigned)clock();
	snprintf(buf, len, "veil-%d-%08x%s", (int)getpid(), r, suffix);
}

/* cgroup v2 gives controllers only to the children of a cgroup that has no
 * processes of its own (the root excepted).  When veil is the only process
 * in its own cgroup (as under systemd-run --scope), it steps aside into a
 * child of its own, and steps back in cgroup_remove(). */
static int step_aside(int ownfd, const char *own, struct action_cgroup *cg, struct verr *err)
{
	char name[64], pid[32];
	int fd;

	random_name(name, sizeof name, ".veil");
	if (mkdirat(ownfd, name, 0755) < 0)
		return verr_errno(err, errno, "cannot create cgroup %s/%s", own, name);
	fd = openat(ownfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	snprintf(pid, sizeof pid, "%d", (int)getpid());
	if (fd < 0 || write_text(fd, "cgroup.procs", pid) < 0) {
		verr_errno(err, errno, "cannot move veil into cgroup %s/%s", own, name);
		if (fd >= 0)
			close(fd);
		unlinkat(ownfd, name, AT_REMOVEDIR);
		return -1;
	}
	close(fd);
	cg->own = xstrdup(own);
	cg->self = xasprintf("%s/%s", own, name);
	trace("cgroup: veil moved from %s into %s, to let its cgroup have controllers", own,
	      cg->self);
	return 0;
}

static int has_processes_error(const char *dir, const char *origin, const char *controller,
				struct verr *err)
{
	return verr_set(err, "%s: cannot enable the %s controller for the children of cgroup %s: it "
			     "has processes of its own (cgroup v2 gives controllers only below "
			     "cgroups without processes); run veil alone in a cgroup (systemd-run "
			     "--scope -p Delegate=yes veil ...) or name a cgroup without processes "
			     "with --cgroup-parent",
			origin, controller, dir);
}

/* A cgroup other than the root that has processes of its own cannot have
 * children with controllers: the kernel refuses to enable a domain
 * controller (memory) with EBUSY, but lets a threaded one (pids, cpu) be
 * enabled and then refuses to move a process into the child
 * (EOPNOTSUPP).  So look first: veil steps aside when it is alone in its
 * own cgroup; otherwise that is an error.  The root has no cgroup.type. */
static int check_no_processes(int dirfd, const char *dir, bool own, const struct need *nd,
			      struct action_cgroup *cg, struct verr *err)
{
	char *procs;
	bool busy;

	if (faccessat(dirfd, "cgroup.type", F_OK, 0) < 0 && errno == ENOENT)
		return 0;
	procs = read_text(dirfd, "cgroup.procs");
	busy = procs && *procs;
	free(procs);
	if (!busy)
		return 0;
	if (own && !cg->self && only_veil_in(dirfd))
		return step_aside(dirfd, dir, cg, err);
	return has_processes_error(dir, nd->origin, nd->controller, err);
}

/* Give the children of dir the controller. */
static int enable(int dirfd, const char *dir, bool own, const struct need *nd,
		  struct action_cgroup *cg, const char *mountinfo, struct verr *err)
{
	char *on = read_text(dirfd, "cgroup.subtree_control");
	char *avail = read_text(dirfd, "cgroup.controllers");
	char plus[32];
	bool have = on && cgroup_list_has(on, nd->controller);
	bool can = avail && cgroup_list_has(avail, nd->controller);
	int e;

	free(on);
	free(avail);
	if (have)
		return 0;
	if (!can) {
		explain_missing(dirfd, dir, mountinfo, nd, err);
		return -1;
	}
	snprintf(plus, sizeof plus, "+%s", nd->controller);
	e = write_text(dirfd, "cgroup.subtree_control", plus) == 0 ? 0 : errno;
	if (e == EBUSY && own && !cg->self && only_veil_in(dirfd)) {
		if (step_aside(dirfd, dir, cg, err) < 0)
			return -1;
		e = write_text(dirfd, "cgroup.subtree_control", plus) == 0 ? 0 : errno;
	}
	if (e == 0) {
		trace("cgroup: %s enabled for the children of %s", nd->controller, dir);
		if (cg->self) {
			size_t l = strlen(cg->enabled);
			snprintf(cg->enabled + l, sizeof cg->enabled - l, "%s-%s", l ? " " : "",
				 nd->controller);
		}
		return 0;
	}
	if (e == EBUSY)
		return has_processes_error(dir, nd->origin, nd->controller, err);
	if (e == EACCES || e == EPERM)
		return verr_errno(err, e, "%s: cannot enable the %s controller in %s/"
				  "cgroup.subtree_control (" DELEGATE_HINT ")", nd->origin,
				  nd->controller, dir);
	return verr_errno(err, e, "%s: cannot enable the %s controller in %s/cgroup.subtree_control",
			  nd->origin, nd->controller, dir);
}

/* Write one limit; an error names the option. */
static int set_limit(struct action_cgroup *cg, const char *file, const char *value,
		     const char *origin, bool optional, struct verr *err)
{
	if (write_text(cg->fd, file, value) == 0) {
		trace("cgroup: %s = %s", file, value);
		return 0;
	}
	if (optional && errno == ENOENT)
		return 0;
	return verr_errno(err, errno, "%s: cannot write '%s' to %s/%s", origin, value, cg->path,
			  file);
}

int cgroup_create(const struct cgroup_limits *lim, struct action_cgroup *cg, struct verr *err)
{
	char *mountinfo = read_text(AT_FDCWD, "/proc/self/mountinfo");
	char *dir = NULL, name[64], value[64];
	struct need need[3];
	size_t n_need = needed(lim, need);
	int dirfd = -1, rc = -1;
	bool own;

	*cg = (struct action_cgroup)ACTION_CGROUP_INIT;
	if (!mountinfo) {
		verr_errno(err, errno, "%s: cannot read /proc/self/mountinfo", first_origin(lim));
		return -1;
	}
	dir = find_parent(lim, mountinfo, &own, err);
	if (!dir)
		goto out;
	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		verr_errno(err, errno, "%s: cgroup %s", first_origin(lim), dir);
		goto out;
	}
	if (n_need && check_no_processes(dirfd, dir, own && !lim->parent, &need[0], cg, err) < 0)
		goto out;
	for (size_t i = 0; i < n_need; i++)
		if (enable(dirfd, dir, own && !lim->parent, &need[i], cg, mountinfo, err) < 0)
			goto out;
	for (int tries = 0;; tries++) {
		random_name(name, sizeof name, "");
		if (mkdirat(dirfd, name, 0755) == 0)
			break;
		if (errno == EEXIST && tries < 8)
			continue;
		if (errno == EACCES || errno == EPERM)
			verr_errno(err, errno, "%s: cannot create a cgroup in %s (" DELEGATE_HINT ")",
				   first_origin(lim), dir);
		else
			verr_errno(err, errno, "%s: cannot create a cgroup in %s", first_origin(lim),
				   dir);
		goto out;
	}
	cg->path = xasprintf("%s/%s", dir, name);
	cg->fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (cg->fd < 0) {
		verr_errno(err, errno, "cgroup %s", cg->path);
		goto out;
	}
	trace("cgroup: created %s", cg->path);
	/* memory.swap.max = 0: the limit is on memory, not on memory that
	 * could be swapped out; it is missing without swap accounting. */
	snprintf(value, sizeof value, "%llu", lim->memory);
	if (lim->memory && (set_limit(cg, "memory.max", value, lim->memory_origin, false, err) < 0 ||
			    set_limit(cg, "memory.swap.max", "0", lim->memory_origin, true, err) < 0))
		goto out;
	snprintf(value, sizeof value, "%lu", lim->pids);
	if (lim->pids && set_limit(cg, "pids.max", value, lim->pids_origin, false, err) < 0)
		goto out;
	snprintf(value, sizeof value, "%lld %d", cpu_quota(lim->cpu), CGROUP_CPU_PERIOD);
	if (lim->cpu > 0 && set_limit(cg, "cpu.max", value, lim->cpu_origin, false, err) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		cgroup_remove(cg);
	if (dirfd >= 0)
		close(dirfd);
	free(dir);
	free(mountinfo);
	return rc;
}

int cgroup_enter(const struct action_cgroup *cg, pid_t pid, struct verr *err)
{
	char text[32];

	snprintf(text, sizeof text, "%d", (int)pid);
	if (write_text(cg->fd, "cgroup.procs", text) < 0)
		return verr_errno(err, errno, "cannot move pid 1 into cgroup %s", cg->path);
	trace("cgroup: pid 1 is in %s", cg->path);
	return 0;
}

void cgroup_read_figures(const struct action_cgroup *cg, struct cgroup_figures *f)
{
	f->user_usec = keyed_value(cg->fd, "cpu.stat", "user_usec");
	f->system_usec = keyed_value(cg->fd, "cpu.stat", "system_usec");
	f->memory_peak = single_value(cg->fd, "memory.peak");
	f->oom_kills = keyed_value(cg->fd, "memory.events", "oom_kill");
	f->pids_peak = single_value(cg->fd, "pids.peak");
}

void cgroup_report_oom(const struct action_cgroup *cg, const struct cgroup_limits *lim)
{
	long long kills = keyed_value(cg->fd, "memory.events", "oom_kill");

	if (kills > 0 && lim->memory)
		fprintf(stderr, "veil: %s: the action ran out of memory (memory.max %llu bytes): "
			"the kernel killed %lld of its processes\n", lim->memory_origin,
			lim->memory, kills);
	else if (kills > 0)
		fprintf(stderr, "veil: the action ran out of memory: the kernel killed %lld of its "
			"processes\n", kills);
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&t, NULL);
}

/* rmdir, waiting a little for processes that are still on their way out:
 * when pid 1 has been reaped, the kernel has reaped the rest of its pid
 * namespace, but a process moved out of that namespace's reach (into the
 * cgroup by someone else) is killed with cgroup.kill. */
static int remove_dir(const char *path, int fd)
{
	for (int i = 0; i < 200; i++) {
		if (rmdir(path) == 0 || errno == ENOENT)
			return 0;
		if (errno != EBUSY || fd < 0)
			return -1;
		if (i == 0)
			write_text(fd, "cgroup.kill", "1");
		sleep_ms(10);
	}
	errno = EBUSY;
	return -1;
}

void cgroup_remove(struct action_cgroup *cg)
{
	if (cg->path) {
		if (remove_dir(cg->path, cg->fd) < 0)
			fprintf(stderr, "veil: cannot remove cgroup %s: %s\n", cg->path,
				strerror(errno));
		else
			trace("cgroup: removed %s", cg->path);
	}
	if (cg->fd >= 0)
		close(cg->fd);
	/* Back where veil was: its cgroup may hold processes again once the
	 * controllers veil enabled in it are off. */
	if (cg->self) {
		int ownfd = open(cg->own, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		char pid[32];

		snprintf(pid, sizeof pid, "%d", (int)getpid());
		if (ownfd < 0 || (*cg->enabled && write_text(ownfd, "cgroup.subtree_control",
							     cg->enabled) < 0) ||
		    write_text(ownfd, "cgroup.procs", pid) < 0 || rmdir(cg->self) < 0)
			fprintf(stderr, "veil: cannot move back into cgroup %s (and remove %s): %s\n",
				cg->own, cg->self, strerror(errno));
		else
			trace("cgroup: veil is back in %s", cg->own);
		if (ownfd >= 0)
			close(ownfd);
	}
	free(cg->path);
	free(cg->own);
	free(cg->self);
	*cg = (struct action_cgroup)ACTION_CGROUP_INIT;
}
