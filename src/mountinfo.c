#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mountinfo.h"
#include "util.h"

/* mountinfo writes space, tab, newline and backslash as \ooo. */
static void unescape(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++) {
		if (r[0] == '\\' && r[1] >= '0' && r[1] <= '3' && r[2] >= '0' && r[2] <= '7' &&
		    r[3] >= '0' && r[3] <= '7') {
			*w++ = (char)((r[1] - '0') << 6 | (r[2] - '0') << 3 | (r[3] - '0'));
			r += 3;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

bool mountinfo_split(char *line, struct mount_line *m)
{
	char *f[6], *save = NULL, *tok;
	int n = 0;

	while (n < 6 && (tok = strtok_r(n ? NULL : line, " ", &save)))
		f[n++] = tok;
	if (n < 6)
		return false;
	/* Optional fields until the lone "-". */
	for (tok = strtok_r(NULL, " ", &save); tok && strcmp(tok, "-") != 0;
	     tok = strtok_r(NULL, " ", &save))
		;
	if (!tok)
		return false;
	m->id = f[0];
	m->root = f[3];
	m->point = f[4];
	m->fstype = strtok_r(NULL, " ", &save);
	strtok_r(NULL, " ", &save); /* the source */
	m->super = strtok_r(NULL, " ", &save);
	if (!m->fstype || !m->super)
		return false;
	unescape(m->root);
	unescape(m->point);
	return true;
}

char *mountinfo_each(const char *mountinfo, char *(*fn)(const struct mount_line *, const void *),
		     const void *arg)
{
	char *copy = xstrdup(mountinfo), *save = NULL, *found = NULL;

	for (char *line = strtok_r(copy, "\n", &save); line && !found;
	     line = strtok_r(NULL, "\n", &save)) {
		struct mount_line m;
		if (mountinfo_split(line, &m))
			found = fn(&m, arg);
	}
	free(copy);
	return found;
}

const char *path_under(const char *path, const char *base)
{
	size_t n = strlen(base);

	if (strcmp(base, "/") == 0)
		return path[0] == '/' ? path + (path[1] == '\0') : NULL;
	if (strncmp(path, base, n) != 0 || (path[n] != '\0' && path[n] != '/'))
		return NULL;
	return path + n;
}
