#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "util.h"

int log_verbose;

/* errno is kept as it was, so a caller can still test it after filling err. */
static void vset(struct verr *err, int errnum, const char *fmt, va_list ap)
{
	int saved = errno;
	int n = vsnprintf(err->msg, sizeof err->msg, fmt, ap);

	if (errnum && n >= 0 && (size_t)n < sizeof err->msg)
		snprintf(err->msg + n, sizeof err->msg - (size_t)n, ": %s", strerror(errnum));
	errno = saved;
}

int verr_set(struct verr *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int verr_errno(struct verr *err, int errnum, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vset(err, errnum, fmt, ap);
	va_end(ap);
	return -1;
}

void verr_prefix(struct verr *err, const char *fmt, ...)
{
	int saved = errno;
	char prefix[256];
	size_t plen, mlen;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	/* Shift the message right and put "PREFIX: " in front; what no longer
	 * fits is cut from the end. */
	plen = strlen(prefix) + 2;
	mlen = strlen(err->msg);
	if (plen + mlen >= sizeof err->msg)
		mlen = sizeof err->msg - plen - 1;
	memmove(err->msg + plen, err->msg, mlen);
	memcpy(err->msg, prefix, plen - 2);
	memcpy(err->msg + plen - 2, ": ", 2);
	err->msg[plen + mlen] = '\0';
	errno = saved;
}

void verr_print(const struct verr *err)
{
	fprintf(stderr, "veil: %s\n", err->msg);
}

void trace(const char *fmt, ...)
{
	va_list ap;

	if (!log_verbose)
		return;
	/* One write per line so lines from veil's processes do not interleave. */
	char line[1200];
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	fprintf(stderr, "veil: %s\n", line);
}

void diag_add(struct diag *d, const struct verr *err)
{
	grow(&d->msgs, &d->cap, d->n, sizeof *d->msgs);
	d->msgs[d->n++] = xstrdup(err->msg);
}

void diag_print(const struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "veil: %s\n", d->msgs[i]);
}

void diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->msgs[i]);
	free(d->msgs);
	d->msgs = NULL;
	d->n = d->cap = 0;
}
