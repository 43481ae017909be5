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
 * around it.  The steps are ordinary remount-ro steps, which --dry-run
 * prints; STEP_TRY, as a later step may have put something else there. */
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

/* dir resolved, or else its nearest existing parent; NULL when not even
 * that resolves (a relative dir whose first component is missing). */
static char *existing_part(const char *dir, bool *exists)
{
	char *copy = xstrdup(dir), *real;

	*exists = true;
	while (!(real = realpath(copy, NULL)) && errno == ENOENT) {
		char *slash = strrchr(copy, '/');
		*exists = false;
		if (!slash)
			break;
		slash[slash == copy] = '\0'; /* "/a" -> "/", "/a/b" -> "/a" */
	}
	free(copy);
	return real;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

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

static bool path_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return true;
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* Where the resolved host directory e is inside the sandbox, through w;
 * NULL when w does not bring it in.  e's parents are tried from e up, and
 * compared with w's source by identity. */
static char *inside_path(const char *e, bool exists, const struct writable *w)
{
	char *up = xstrdup(e), *where = NULL;
	struct stat st;

	for (;;) {
		if (stat(up, &st) == 0 && same_file(&st, &w->st)) {
			const char *rest = e + (strcmp(up, "/") ? strlen(up) : 0);
			where = strcmp(w->dest, "/") ? xasprintf("%s%s", w->dest, rest)
						      : xstrdup(*rest ? rest : "/");
			break;
		}
		if (!path_up(up))
			break;
	}
	free(up);
	/* The bind is inside the configuration directory itself. */
	if (!where && exists && w->path && path_under(w->path, e))
		where = xstrdup(w->dest);
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
		if (stat(up, &st) == 0 && same_file(&st, &here)) {
			found = true;
			break;
		}
		if (!path_up(up))
			break;
	}
	free(up);
	return found;
}

static bool already_guarded(const struct plan *plan, size_t first, const char *dest)
{
	for (size_t i = first; i < plan->n_mounts; i++)
		if (plan->mounts[i].kind == MOUNT_REMOUNT_RO && strcmp(plan->mounts[i].dest, dest) == 0)
			return true;
	return false;
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

	for (size_t i = 0; i < n; i++) {
		bool exists;
		/* A relative one ($VEIL_PROFILE_PATH) is looked up from where
		 * the next veil starts: here, as likely as anywhere. */
		char *dir = dirs[i][0] == '/' ? xstrdup(dirs[i])
					      : xasprintf("%s/%s", plan->host_cwd, dirs[i]);
		char *e = existing_part(dir, &exists);

		for (size_t j = 0; e && j < nw; j++) {
			char *where = inside_path(e, exists, &w[j]);
			if (where && !already_guarded(plan, first, where)) {
				char *why = xasprintf(exists ? "keeps veil's configuration %s read-only"
							     : "keeps veil's configuration %s from "
							       "being created",
						      dirs[i]);
				plan_add_mount(plan, MOUNT_REMOUNT_RO, NULL, where, why)->flags = STEP_TRY;
				free(why);
			}
			free(where);
		}
		free(e);
		free(dir);
	}
	for (size_t j = 0; j < nw; j++)
		free(w[j].path);
	free(w);
}
