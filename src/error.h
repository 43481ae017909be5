/* Errors are values: a function that fails fills a struct verr and returns
 * -1; only main() decides to print and exit.  The message lives in a fixed
 * buffer so it can be filled after clone() without allocating. */
#ifndef VEIL_ERROR_H
#define VEIL_ERROR_H

#include <stdarg.h>
#include <stdbool.h>

#define VEIL_EXIT_TIMEOUT 124	/* --timeout expired */
#define VEIL_EXIT_FAILURE 125	/* veil itself failed */
#define VEIL_EXIT_CANNOT_EXEC 126
#define VEIL_EXIT_NOT_FOUND 127

struct verr {
	char msg[1024];
};

/* Set the message; returns -1 so callers can `return verr_set(...)`. */
int verr_set(struct verr *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Same, with ": strerror(errnum)" appended. */
int verr_errno(struct verr *err, int errnum, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Put "PREFIX: " in front of the message already there. */
void verr_prefix(struct verr *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "veil: MESSAGE" on stderr. */
void verr_print(const struct verr *err);

/* Every error found, for the callers that report them all rather than the
 * first (profile checking). */
struct diag {
	char **msgs;
	size_t n, cap;
};
void diag_add(struct diag *d, const struct verr *err);
void diag_print(const struct diag *d);
void diag_free(struct diag *d);

/* -v: trace a setup step on stderr.  Off unless log_verbose is set. */
extern int log_verbose;
void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
