/* INI profiles (veil-profile(5)): parsing with inih, the search path,
 * inheritance, and feeding each line to the plan builder through the same
 * operations the command line uses (ops.c). */
#ifndef VEIL_PROFILE_H
#define VEIL_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "ops.h"

struct profile_entry {
	char *section, *key, *value;
	unsigned line;
};

/* One parsed file: its [profile] keys and every other line, in order. */
struct profile {
	char *file;
	char *description;
	char *inherit;
	unsigned inherit_line;
	struct profile_entry *entries;
	size_t n, cap;
};

/* Parse the text buf[0..len) of the profile named file (for messages):
 * syntax, sections and keys, not values.  Every problem is added to d as
 * "FILE:LINE: message"; returns the number added. */
size_t profile_parse(const char *buf, size_t len, const char *file, struct profile *p,
		     struct diag *d);
void profile_free(struct profile *p);

/* Load the profile NAME (a name on the search path, or a path if it has a
 * '/'), its parents first, and apply every line to the builder.  Returns
 * the number of errors added to d. */
size_t profile_apply(struct builder *b, const char *name, struct diag *d);

/* Find NAME (profile-search.c) and read it: the text, with *file set to its
 * path, or <built-in>/NAME.ini for a copy compiled into veil; NULL with err
 * set when it is nowhere. */
char *profile_find(const char *name, char **file, size_t *len, struct verr *err);
#define BUILTIN_DIR "<built-in>"

/* Every directory veil reads profiles from: the search path, and
 * ~/.config/veil also when $XDG_CONFIG_HOME moves it.  Free with
 * profile_free_dirs. */
size_t profile_config_dirs(char ***out);
void profile_free_dirs(char **dirs, size_t n);

/* --list-profiles: name, file, description, one per line. */
void profile_list(FILE *out);

#endif
