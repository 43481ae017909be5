#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

#include "util.h"

static void out_of_memory(void)
{
	fputs("veil: out of memory\n", stderr);
	exit(VEIL_EXIT_FAILURE);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		out_of_memory();
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		out_of_memory();
	va_end(ap);
	return s;
}

void str_replace(char **slot, const char *s)
{
	free(*slot);
	*slot = s ? xstrdup(s) : NULL;
}

void grow(void *items, size_t *cap, size_t used, size_t elsize)
{
	void **p = items;

	if (used < *cap)
		return;
	*cap = *cap ? *cap * 2 : 8;
	if (*cap > SIZE_MAX / elsize)
		out_of_memory();
	*p = xrealloc(*p, *cap * elsize);
}

bool is_plain_number(const char *s, bool fraction)
{
	size_t digits = strspn(s, "0123456789");
	const char *p = s + digits;

	if (fraction && *p == '.') {
		size_t more = strspn(p + 1, "0123456789");
		digits += more;
		p += 1 + more;
	}
	return digits > 0 && !*p;
}

int parse_uint(const char *s, unsigned long max, unsigned long *out, struct verr *err)
{
	char *end;
	unsigned long v;

	if (!is_plain_number(s, false))
		return verr_set(err, "'%s' is not a number (0 to %lu)", s, max);
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || v > max)
		return verr_set(err, "'%s' is out of range (0 to %lu)", s, max);
	*out = v;
	return 0;
}

int parse_mode(const char *s, mode_t *out, struct verr *err)
{
	char *end;
	unsigned long v;

	if (!*s || strspn(s, "01234567") != strlen(s))
		return verr_set(err, "'%s' is not an octal mode", s);
	errno = 0;
	v = strtoul(s, &end, 8);
	if (errno || v > 07777)
		return verr_set(err, "'%s' is not an octal mode (0 to 7777)", s);
	*out = (mode_t)v;
	return 0;
}

int parse_size(const char *s, unsigned long long *out, struct verr *err)
{
	static const char units[] = "kmgt";
	unsigned long long v;
	char *end;

	if (!*s || *s < '0' || *s > '9')
		return verr_set(err, "'%s' is not a size (bytes, or a number with k, M, G, T)", s);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return verr_set(err, "'%s' is too large", s);
	if (*end) {
		const char *u = strchr(units, end[0] | 0x20);
		if (!u || end[1])
			return verr_set(err, "'%s' is not a size (bytes, or a number with k, M, G, T)", s);
		for (const char *p = units; p <= u; p++) {
			if (v > ULLONG_MAX / 1024)
				return verr_set(err, "'%s' is too large", s);
			v *= 1024;
		}
	}
	*out = v;
	return 0;
}

int normalize_dest(const char *in, char **out, struct verr *err)
{
	size_t len = strlen(in);
	char *res, *w;
	const char *p = in;

	if (in[0] != '/')
		return verr_set(err, "'%s' is not an absolute path", in);
	res = xmalloc(len + 1);
	w = res;
	while (*p) {
		while (*p == '/')
			p++;
		const char *c = p;
		while (*p && *p != '/')
			p++;
		size_t n = (size_t)(p - c);
		if (n == 0 || (n == 1 && c[0] == '.'))
			continue;
		if (n == 2 && c[0] == '.' && c[1] == '.') {
			free(res);
			return verr_set(err, "'%s' must not contain '..'", in);
		}
		*w++ = '/';
		memcpy(w, c, n);
		w += n;
	}
	if (w == res)
		*w++ = '/';
	*w = '\0';
	*out = res;
	return 0;
}

char *path_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == path)
		return xstrdup("/");
	return strndup(path, (size_t)(slash - path)) ?: (out_of_memory(), NULL);
}

const char *path_base(const char *path)
{
	return strrchr(path, '/') + 1;
}

void fput_quoted(const char *s, FILE *f)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				   "0123456789@%+=:,./-_";
	if (*s && strspn(s, safe) == strlen(s)) {
		fputs(s, f);
		return;
	}
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

char *read_text(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	size_t len = 0, cap = 4096;
	char *buf;
	ssize_t n;

	if (fd < 0)
		return NULL;
	buf = xmalloc(cap);
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (cap - len < 2)
			buf = xrealloc(buf, cap *= 2);
	}
	if (n < 0) {
		int e = errno;
		free(buf);
		close(fd);
		errno = e;
		return NULL;
	}
	close(fd);
	buf[len] = '\0';
	return buf;
}

int parse_bool(const char *v, bool *out)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1") ||
	    !strcasecmp(v, "on"))
		*out = true;
	else if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0") ||
		 !strcasecmp(v, "off"))
		*out = false;
	else
		return -1;
	return 0;
}

bool same_inode(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EAGAIN) {
			struct pollfd pfd = { .fd = fd, .events = POLLOUT };
			poll(&pfd, 1, -1);
			continue;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}
