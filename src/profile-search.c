/* Where profiles are found: the search path, the copies built into veil,
 * and --list-profiles. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtin-profiles.h"
#include "profile.h"
#include "util.h"

#define MAX_PROFILE_SIZE (1 << 20)

/* The search path, first hit wins: $VEIL_PROFILE_PATH, $XDG_CONFIG_HOME/veil
 * (~/.config/veil), /etc/veil/profiles, $(datadir)/veil/profiles, then the
 * copies built into veil. */
static size_t search_dirs(char ***out)
{
	char **dirs = NULL;
	size_t n = 0, cap = 0;
	const char *env = getenv("VEIL_PROFILE_PATH");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (env && *env) {
		char *copy = xstrdup(env), *save = NULL;
		for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
			grow(&dirs, &cap, n, sizeof *dirs);
			dirs[n++] = xstrdup(tok);
		}
		free(copy);
	}
	grow(&dirs, &cap, n + 3, sizeof *dirs);
	if (xdg && *xdg == '/')
		dirs[n++] = xasprintf("%s/veil", xdg);
	else if (home && *home == '/')
		dirs[n++] = xasprintf("%s/.config/veil", home);
	dirs[n++] = xstrdup("/etc/veil/profiles");
	dirs[n++] = xstrdup(VEIL_DATADIR "/profiles");
	*out = dirs;
	return n;
}

static void free_dirs(char **dirs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

size_t profile_config_dirs(char ***out)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	size_t n = search_dirs(out);

	/* ~/.config/veil even when $XDG_CONFIG_HOME names another place: the
	 * next veil may run without it. */
	if (xdg && *xdg == '/' && home && *home == '/') {
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = xasprintf("%s/.config/veil", home);
	}
	return n;
}

void profile_free_dirs(char **dirs, size_t n)
{
	free_dirs(dirs, n);
}

static char *read_file(const char *path, size_t *len, struct verr *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	char *buf;
	ssize_t got;

	if (fd < 0) {
		verr_errno(err, errno, "%s", path);
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_PROFILE_SIZE) {
		verr_set(err, "%s: not a regular file of at most 1 MiB", path);
		close(fd);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	got = read(fd, buf, (size_t)st.st_size);
	close(fd);
	if (got < 0) {
		verr_errno(err, errno, "%s", path);
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

static const struct builtin_profile *builtin_find(const char *name)
{
	for (const struct builtin_profile *bp = builtin_profiles; bp->name; bp++)
		if (strcmp(bp->name, name) == 0)
			return bp;
	return NULL;
}

/* Find NAME and read it: *file gets the path (or <built-in>/NAME.ini). */
char *profile_find(const char *name, char **file, size_t *len, struct verr *err)
{
	size_t nl = strlen(name);
	bool has_ext = nl > 4 && strcmp(name + nl - 4, ".ini") == 0;
	char **dirs, *text = NULL;
	size_t n;

	if (strchr(name, '/')) {
		*file = xstrdup(name);
		text = read_file(name, len, err);
		if (!text)
			free(*file);
		return text;
	}
	if (!*name || name[0] == '.') {
		verr_set(err, "'%s' is not a profile name", name);
		return NULL;
	}
	n = search_dirs(&dirs);
	for (size_t i = 0; i < n && !text; i++) {
		char *path = xasprintf("%s/%s%s", dirs[i], name, has_ext ? "" : ".ini");
		if (access(path, F_OK) == 0) {
			*file = path;
			text = read_file(path, len, err);
			if (!text)
				free(path);
			free_dirs(dirs, n);
			return text;
		}
		free(path);
	}
	free_dirs(dirs, n);
	char *base = strndup(name, has_ext ? nl - 4 : nl);
	const struct builtin_profile *bp = builtin_find(base);
	free(base);
	if (bp) {
		*file = xasprintf(BUILTIN_DIR "/%s.ini", bp->name);
		*len = strlen(bp->text);
		return xstrdup(bp->text);
	}
	verr_set(err, "no profile '%s' on the search path ($VEIL_PROFILE_PATH, "
		      "$XDG_CONFIG_HOME/veil, /etc/veil/profiles, " VEIL_DATADIR "/profiles)",
		 name);
	return NULL;
}

/* ---- listing ------------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct listed {
	char *name, *file, *description;
};

static void list_add(struct listed **items, size_t *n, size_t *cap, const char *name,
		     const char *file, const char *text, size_t len)
{
	struct profile p;
	struct diag quiet = { 0 };

	profile_parse(text, len, file, &p, &quiet);
	grow(items, cap, *n, sizeof **items);
	(*items)[(*n)++] = (struct listed){ xstrdup(name), xstrdup(file),
					    xstrdup(p.description ? p.description : "") };
	profile_free(&p);
	diag_free(&quiet);
}

void profile_list(FILE *out)
{
	struct listed *items = NULL;
	size_t n = 0, cap = 0;
	char **dirs;
	size_t nd = search_dirs(&dirs);

	for (size_t i = 0; i < nd; i++) {
		DIR *dir = opendir(dirs[i]);
		struct dirent *de;
		char **names = NULL;
		size_t nn = 0, ncap = 0;

		if (!dir)
			continue;
		while ((de = readdir(dir))) {
			size_t l = strlen(de->d_name);
			if (l > 4 && de->d_name[0] != '.' && strcmp(de->d_name + l - 4, ".ini") == 0) {
				grow(&names, &ncap, nn, sizeof *names);
				names[nn++] = strndup(de->d_name, l - 4);
			}
		}
		closedir(dir);
		qsort(names, nn, sizeof *names, cmp_str);
		for (size_t j = 0; j < nn; j++) {
			struct verr err;
			size_t len;
			char *path = xasprintf("%s/%s.ini", dirs[i], names[j]);
			char *text = read_file(path, &len, &err);
			if (text)
				list_add(&items, &n, &cap, names[j], path, text, strlen(text));
			free(text);
			free(path);
			free(names[j]);
		}
		free(names);
	}
	free_dirs(dirs, nd);
	for (const struct builtin_profile *bp = builtin_profiles; bp->name; bp++) {
		char *file = xasprintf(BUILTIN_DIR "/%s.ini", bp->name);
		list_add(&items, &n, &cap, bp->name, file, bp->text, strlen(bp->text));
		free(file);
	}
	/* "*" marks the one a name finds, where several have that name. */
	for (size_t i = 0; i < n; i++) {
		bool first = true, shadows = false;
		for (size_t j = 0; j < n; j++) {
			if (j != i && strcmp(items[i].name, items[j].name) == 0) {
				shadows = true;
				if (j < i)
					first = false;
			}
		}
		fprintf(out, "%-10s %c %-44s %s\n", items[i].name, shadows && first ? '*' : ' ',
			items[i].file, items[i].description);
	}
	for (size_t i = 0; i < n; i++) {
		free(items[i].name);
		free(items[i].file);
		free(items[i].description);
	}
	free(items);
}
