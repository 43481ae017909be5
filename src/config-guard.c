/* veil's own configuration out of the action's reach.
 *
 * The next veil reads its profiles from the search path (profile-search.c)
 * before the shipped ones: an action that could write there would choose
 * the sandbox of every action after it.  So each directory of the search
 * path that a writable bind (or a writable root) brings into the sandbox
 * is made read-only there, after every other step.  One that does not
 * exist has its nearest existing parent made read-only instead, or the
 * action could create it.  Directories are matched by identity (device and
 * inode), not by name, so another path to the same directory is no way
 * around it.
 *
 * The next veil looks the directory up by its path, and a read-only
 * directory can still be moved away with its parent, or the symbolic link
 * on its path replaced, and another put in its place.  So every directory
 * between it and the root of the bind that brings it in, and every
 * symbolic link met resolving its path (with the directories above that,
 * alike), is pinned: made a mount point, which cannot be renamed, removed
 * or renamed over, but stays writable.  The bind's root is a mount point
 * already.  The steps are ordinary remount-ro and pin steps, which
 * --dry-run prints; STEP_TRY, as a later step may have put something else
 * there. */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config-guard.h"
#include "ops.h"
#include "util.h"

/* A host directory the sandbox can write, and where it is inside. */
struct writable {
	const char *dest;
	struct stat st;
	char *path; /* resolved host path, or NULL (--bind-source-pid) */
};

/* Make the absolute path p its parent, in place; false when it is / (or
 * not absolute) already. */
static bool path_up(char *p)
{
	char *slash = strrchr(p, '/');

	if (!slash || strcmp(p, "/") == 0)
		return false;
	slash[slash == p] = '\0';
	return true;
}

/* What resolving a configuration directory meets. */
struct walk {
	char *found;   /* the directory resolved, or its nearest existing parent */
	bool exists;   /* found is the directory itself */
	char **links;  /* each symbolic link on the way, resolved up to its name */
	size_t n_links, cap;
};

/* Resolve the absolute path dir as the next veil would, a component at a
 * time, noting the symbolic links, as realpath() would not. */
static void walk_path(const char *dir, struct walk *wk)
{
	char *cur = xstrdup("/"), *todo = xstrdup(dir), *p = todo;
	int hops = 0;

	*wk = (struct walk){ .exists = true };
	for (;;) {
		struct stat st;
		char *end, *next, *target, *rest;
		size_t len;
		ssize_t got;

		p += strspn(p, "/");
		if (!*p)
			break;
		end = strchrnul(p, '/');
		len = (size_t)(end - p);
		if (len == 1 && *p == '.') {
			p = end;
			continue;
		}
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			path_up(cur);
			p = end;
			continue;
		}
		next = xasprintf("%s/%.*s", strcmp(cur, "/") ? cur : "", (int)len, p);
		if (lstat(next, &st) < 0 || (S_ISLNK(st.st_mode) && ++hops > 40)) {
			wk->exists = false; /* cur is the nearest existing parent */
			free(next);
			break;
		}
		if (!S_ISLNK(st.st_mode)) {
			free(cur);
			cur = next;
			p = end;
			continue;
		}
		target = xmalloc((size_t)st.st_size + 1);
		got = readlink(next, target, (size_t)st.st_size + 1);
		if (got < 0 || got > st.st_size) {
			wk->exists = false;
			free(target);
			free(next);
			break;
		}
		target[got] = '\0';
		grow(&wk->links, &wk->cap, wk->n_links, sizeof *wk->links);
		wk->links[wk->n_links++] = next;
		if (target[0] == '/') {
			free(cur);
			cur = xstrdup("/");
		}
		rest = xasprintf("%s%s", target, end);
		free(target);
		free(todo);
		todo = p = rest;
	}
	free(todo);
	wk->found = cur;
}

static void walk_free(struct walk *wk)
{
	for (size_t i = 0; i < wk->n_links; i++)
		free(wk->links[i]);
	free(wk->links);
	free(wk->found);
}

static bool path_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return true;
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Where the resolved host path e is inside the sandbox, through w; NULL
 * when w does not bring it in.  e's parents are tried from e up, and
 * compared with w's source by identity.  *below: where in the answer the
 * part below w's root begins. */
static char *inside_path(const char *e, bool exists, const struct writable *w, size_t *below)
{
	char *up = xstrdup(e), *where = NULL;
	struct stat st;

	for (;;) {
		if (stat(up, &st) == 0 && same_inode(&st, &w->st)) {
			const char *rest = e + (strcmp(up, "/") ? strlen(up) : 0);
			where = strcmp(w->dest, "/") ? xasprintf("%s%s", w->dest, rest)
						      : xstrdup(*rest ? rest : "/");
			*below = strcmp(w->dest, "/") ? strlen(w->dest) : 0;
			break;
		}
		if (!path_up(up))
			break;
	}
	free(up);
	/* The bind is inside the configuration directory itself. */
	if (!where && exists && w->path && path_under(w->path, e)) {
		where = xstrdup(w->dest);
		*below = strlen(where);
	}
	return where;
}

bool holds_home(const char *home, const char *cwd, int cwd_fd)
{
	struct stat here, st;
	char *up;
	bool found = false;

	if (!home)
		return false;
	if (path_under(home, cwd))
		return true;
	/* Another path to $HOME or above it, a bind mount of /home say. */
	if (cwd_fd < 0 || fstat(cwd_fd, &here) < 0)
		return false;
	up = xstrdup(home);
	for (;;) {
		if (stat(up, &st) == 0 && same_inode(&st, &here)) {
			found = true;
			break;
		}
		if (!path_up(up))
			break;
	}
	free(up);
	return found;
}

/* A guard step at dest, once: a pin that a directory needs read-only
 * becomes a remount-ro (which leaves a mount point as well). */
static void add_guard(struct plan *plan, size_t first, enum mount_kind kind, const char *dest,
		      const char *why)
{
	for (size_t i = first; i < plan->n_mounts; i++) {
		struct mount_step *m = &plan->mounts[i];
		if (strcmp(m->dest, dest) != 0)
			continue;
		if (m->kind == MOUNT_PIN && kind == MOUNT_REMOUNT_RO) {
			m->kind = kind;
			str_replace(&m->origin, why);
		}
		return;
	}
	plan_add_mount(plan, kind, NULL, dest, why)->flags = STEP_TRY;
}

/* Guard the resolved host path e, if w brings it in, with a step of kind;
 * pin each directory between it and w's root, outermost first. */
static void guard(struct plan *plan, size_t first, const struct writable *w, const char *e,
		  bool exists, enum mount_kind kind, const char *dir)
{
	size_t below;
	char *where = inside_path(e, exists, w, &below), *why;

	if (!where)
		return;
	why = xasprintf("keeps the path to veil's configuration %s from being renamed", dir);
	for (size_t k = below + 1, len = strlen(where); k < len; k++) {
		if (where[k] != '/')
			continue;
		where[k] = '\0';
		add_guard(plan, first, MOUNT_PIN, where, why);
		where[k] = '/';
	}
	free(why);
	why = kind == MOUNT_PIN ? xasprintf("keeps the symbolic link on the path to veil's "
					    "configuration %s from being replaced", dir)
	      : exists	       ? xasprintf("keeps veil's configuration %s read-only", dir)
			       : xasprintf("keeps veil's configuration %s from being created", dir);
	add_guard(plan, first, kind, where, why);
	free(why);
	free(where);
}

/* The root, if writable, and every writable bind whose source is there. */
static size_t writables(const struct plan *plan, struct writable **out)
{
	struct writable *w = xmalloc((plan->n_mounts + 1) * sizeof *w);
	size_t n = 0;

	if (plan->root.kind == ROOT_BIND && !(plan->root.flags & STEP_RO) &&
	    stat(plan->root.path, &w[n].st) == 0) {
		w[n].dest = "/";
		w[n].path = realpath(plan->root.path, NULL);
		n++;
	}
	for (size_t i = 0; i < plan->n_mounts; i++) {
		const struct mount_step *m = &plan->mounts[i];
		int rc;

		if (m->kind != MOUNT_BIND || (m->flags & STEP_RO))
			continue;
		rc = m->source_is_cwd ? fstat(plan->cwd_fd, &w[n].st)
				      : source_stat(&plan->bind_source, m->src, &w[n].st);
		if (rc < 0 || !S_ISDIR(w[n].st.st_mode))
			continue;
		w[n].dest = m->dest;
		w[n].path = m->source_is_cwd	      ? xstrdup(m->src)
			    : plan->bind_source.pid > 0 ? NULL
							: realpath(m->src, NULL);
		n++;
	}
	*out = w;
	return n;
}

void config_guard(struct plan *plan, char *const *dirs, size_t n)
{
	struct writable *w;
	size_t nw = writables(plan, &w), first = plan->n_mounts;

	for (size_t i = 0; i < n && nw; i++) {
		struct walk wk;
		/* A relative one ($VEIL_PROFILE_PATH) is looked up from where
		 * the next veil starts: here, as likely as anywhere. */
		char *dir = dirs[i][0] == '/' ? xstrdup(dirs[i])
					      : xasprintf("%s/%s", plan->host_cwd, dirs[i]);

		walk_path(dir, &wk);
		for (size_t j = 0; j < nw; j++) {
			for (size_t k = 0; k < wk.n_links; k++)
				guard(plan, first, &w[j], wk.links[k], false, MOUNT_PIN, dirs[i]);
			guard(plan, first, &w[j], wk.found, wk.exists, MOUNT_REMOUNT_RO, dirs[i]);
		}
		walk_free(&wk);
		free(dir);
	}
	for (size_t j = 0; j < nw; j++)
		free(w[j].path);
	free(w);
}
