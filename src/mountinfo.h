/* Reading /proc/PID/mountinfo: cgroup.c finds the cgroup mounts in it,
 * idmap.c the mounts a bind takes with it. */
#ifndef VEIL_MOUNTINFO_H
#define VEIL_MOUNTINFO_H

#include <stdbool.h>

/* One line of /proc/PID/mountinfo, split in place:
 *   ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER */
struct mount_line {
	char *id, *root, *point, *fstype, *super;
};

/* Split one line in place, the escaped paths unescaped; false when it is
 * not a mountinfo line. */
bool mountinfo_split(char *line, struct mount_line *m);

/* Call fn for each line of the mountinfo text; stop when it returns
 * something, and return that (NULL when nothing did). */
char *mountinfo_each(const char *mountinfo, char *(*fn)(const struct mount_line *, const void *),
		     const void *arg);

/* path relative to base ("" for base itself), or NULL when outside it. */
const char *path_under(const char *path, const char *base);

#endif
