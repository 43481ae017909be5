#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "resolve.h"
#include "syscalls.h"
#include "util.h"

#define IN_ROOT (RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)

/* Creating name in dir failed with EEXIST although resolving it found
 * nothing: it is a symlink whose target is missing (in the root). */
static int dangling(const char *path, struct verr *err)
{
	return verr_set(err, "cannot create %s: it is a symlink to a missing target", path);
}

static int open_resolving(int rootfd, const char *path, int flags, unsigned long long resolve,
			  struct verr *err)
{
	int fd;

	/* Relative to the root descriptor, so "/" must be dropped or openat2
	 * would still start from it: RESOLVE_IN_ROOT makes both the same, but
	 * "." is the clearer spelling for the root itself. */
	const char *rel = path[1] ? path + 1 : ".";
	fd = sys_openat2(rootfd, rel, flags | O_PATH | O_CLOEXEC, 0, resolve);
	if (fd < 0)
		return verr_errno(err, errno, "%s", path);
	return fd;
}

int root_open(int rootfd, const char *path, int flags, struct verr *err)
{
	return open_resolving(rootfd, path, flags, IN_ROOT, err);
}

int root_open_exact(int rootfd, const char *path, int flags, struct verr *err)
{
	int fd = open_resolving(rootfd, path, flags, IN_ROOT | RESOLVE_NO_SYMLINKS, err);

	if (fd < 0 && errno == ELOOP)
		verr_set(err, "%s: it is or passes through a symbolic link, which veil does not follow here", path);
	return fd;
}

int root_mkdirs(int rootfd, const char *path, mode_t mode, bool *created, struct verr *err)
{
	char *prefix = xstrdup(path);
	int fd = -1;
	int parent = root_open(rootfd, "/", O_DIRECTORY, err);

	*created = false;
	if (parent < 0)
		goto out;
	/* Walk "/a", "/a/b", "/a/b/c": open each; create it in the parent
	 * found one step earlier if it is missing. */
	for (char *slash = prefix + 1; parent >= 0 && *slash;) {
		char *end = strchr(slash, '/');
		if (end)
			*end = '\0';
		fd = sys_openat2(rootfd, prefix + 1, O_PATH | O_DIRECTORY | O_CLOEXEC, 0, IN_ROOT);
		if (fd < 0 && errno == ENOENT) {
			bool existed = mkdirat(parent, slash, end ? 0755 : mode) < 0;
			/* Made here, not by someone else in between. */
			*created = !end && !existed;
			if (existed && errno != EEXIST) {
				verr_errno(err, errno, "cannot create %s", prefix);
				goto out;
			}
			fd = sys_openat2(rootfd, prefix + 1, O_PATH | O_DIRECTORY | O_CLOEXEC, 0,
					 IN_ROOT);
			if (fd < 0 && existed && errno == ENOENT) {
				dangling(prefix, err);
				goto out;
			}
		}
		if (fd < 0) {
			verr_errno(err, errno, "%s", prefix);
			goto out;
		}
		close(parent);
		parent = fd;
		fd = -1;
		if (!end)
			break;
		*end = '/';
		slash = end + 1;
	}
	fd = parent;
	parent = -1;
out:
	if (parent >= 0)
		close(parent);
	free(prefix);
	return fd;
}

int root_mkfile(int rootfd, const char *path, struct verr *err)
{
	char *parent_path = path_parent(path);
	bool created;
	int parent, fd;

	fd = sys_openat2(rootfd, path + 1, O_PATH | O_CLOEXEC, 0, IN_ROOT);
	if (fd >= 0 || errno != ENOENT)
		goto out;
	parent = root_mkdirs(rootfd, parent_path, 0755, &created, err);
	if (parent < 0)
		goto out_free;
	/* O_EXCL: a dangling symlink in the root fails here rather than
	 * creating its target. */
	fd = openat(parent, path_base(path), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC,
		    0444);
	close(parent);
	if (fd < 0 && errno == EEXIST) {
		dangling(path, err);
		goto out_free;
	}
	if (fd >= 0) {
		close(fd);
		fd = sys_openat2(rootfd, path + 1, O_PATH | O_CLOEXEC, 0, IN_ROOT);
	}
out:
	if (fd < 0)
		verr_errno(err, errno, "cannot create %s", path);
out_free:
	free(parent_path);
	return fd;
}
