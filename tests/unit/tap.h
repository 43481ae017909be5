/* A minimal TAP producer for the unit tests: ok() per check, done() at the
 * end prints the plan.  automake's tap-driver.sh reads the output. */
#ifndef VEIL_TAP_H
#define VEIL_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

/* A diagnostic line; newlines are shown as \n so TAP stays one line. */
static inline void tap_diag(const char *label, const char *s)
{
	printf("#   %s '", label);
	for (; s && *s; s++)
		*s == '\n' ? (void)fputs("\\n", stdout) : (void)putchar(*s);
	printf("'%s\n", s ? "" : " (null)");
}

#define ok(cond, ...)                                                  \
	do {                                                           \
		int ok_ = !!(cond);                                    \
		printf("%sok %d - ", ok_ ? "" : "not ", ++tap_n);      \
		printf(__VA_ARGS__);                                   \
		printf("\n");                                          \
		if (!ok_) {                                            \
			tap_failed++;                                  \
			printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                      \
	} while (0)

#define is_str(got, want, ...)                                                       \
	do {                                                                         \
		const char *g_ = (got), *w_ = (want);                                \
		ok(g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_, __VA_ARGS__);           \
		if (!(g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_)) {                  \
			tap_diag("got: ", g_);                                       \
			tap_diag("want:", w_);                                       \
		}                                                                    \
	} while (0)

static inline int done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
