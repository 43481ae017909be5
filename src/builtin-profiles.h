/* The shipped profiles, compiled in (generated from profiles/NAME.ini by
 * profiles/embed.sh), so `veil -p build` works before `make install` and
 * the default is always there. */
#ifndef VEIL_BUILTIN_PROFILES_H
#define VEIL_BUILTIN_PROFILES_H

struct builtin_profile {
	const char *name, *text;
};

extern const struct builtin_profile builtin_profiles[];

#endif
