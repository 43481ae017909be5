/* Small helpers shared by the plan builder and the executor. */
#ifndef VEIL_UTIL_H
#define VEIL_UTIL_H

#include <stdbool.h>
#include <sys/stat.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "error.h"

/* Allocation failure is the one error veil does not carry up: there is no
 * sensible recovery, so these print and exit 125. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Free *slot and put a copy of s (or NULL) there. */
void str_replace(char **slot, const char *s);
/* Grow *items (of *cap elements of size elsize) so that one more fits. */
void grow(void *items, size_t *cap, size_t used, size_t elsize);

/* A decimal number from 0 to max, digits only (no sign, blanks or 0x). */
int parse_uint(const char *s, unsigned long max, unsigned long *out, struct verr *err);
/* Only digits, and with fraction an optional ".digits" too ("10", "1.5",
 * "5.", ".25"): none of the blanks, signs, hex, exponents or units that
 * strtoul and strtod would also take. */
bool is_plain_number(const char *s, bool fraction);

/* A whole (small, pseudo-) file under dirfd, NUL-terminated; NULL with
 * errno set. */
char *read_text(int dirfd, const char *name);

/* yes, true, on, 1 / no, false, off, 0 (any case): -1 for anything else. */
int parse_bool(const char *v, bool *out);
/* The same file: device and inode. */
bool same_inode(const struct stat *a, const struct stat *b);
/* Write all n bytes of buf to fd, through short writes, EINTR and, on a
 * non-blocking descriptor, EAGAIN (it polls); -1 with errno set. */
int write_all(int fd, const void *buf, size_t n);
/* "0755", "755", "1777": 0 to 07777. */
int parse_mode(const char *s, mode_t *out, struct verr *err);
/* "1048576", "64k", "64K", "512M", "2G", "1T": bytes; a plain number is bytes. */
int parse_size(const char *s, unsigned long long *out, struct verr *err);

/* An absolute path without "." or ".." components, duplicate or trailing
 * slashes: "/a//b/./c/" becomes "/a/b/c".  ".." is refused rather than
 * resolved, so the plan never depends on what a component is. */
int normalize_dest(const char *in, char **out, struct verr *err);
/* For a normalized absolute path other than "/": the parent ("/" for
 * "/a") and the last component. */
char *path_parent(const char *path);
const char *path_base(const char *path);

/* Print s for a shell reader: unchanged when it has only safe characters,
 * single-quoted otherwise. */
void fput_quoted(const char *s, FILE *f);

#endif
