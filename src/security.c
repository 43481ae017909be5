/* The security step, last before exec: no_new_privs, descriptors, the
 * session, capabilities (capabilities.c) and the seccomp filter
 * (seccomp-filter.c).  The builder's handlers here only record. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "security.h"
#include "util.h"

/* --keep-fd N: 0, 1 and 2 are always kept, so only N > 2 is recorded. */
int op_keep_fd(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err)
{
	struct security *s = &b->plan->security;
	unsigned long fd;
	size_t i;

	(void)op;
	(void)origin;
	if (parse_uint(args[0], INT_MAX, &fd, err) < 0)
		return -1;
	if (fd <= 2)
		return 0;
	for (i = 0; i < s->n_keep_fds && s->keep_fds[i] < (int)fd; i++)
		;
	if (i < s->n_keep_fds && s->keep_fds[i] == (int)fd)
		return 0;
	grow(&s->keep_fds, &s->cap_keep_fds, s->n_keep_fds, sizeof *s->keep_fds);
	memmove(&s->keep_fds[i + 1], &s->keep_fds[i], (s->n_keep_fds - i) * sizeof *s->keep_fds);
	s->keep_fds[i] = (int)fd;
	s->n_keep_fds++;
	return 0;
}

int op_new_session(struct builder *b, const struct op *op, char *const *args, const char *origin,
		   struct verr *err)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	b->plan->security.new_session = true;
	return 0;
}

int op_pty(struct builder *b, const struct op *op, char *const *args, const char *origin,
	   struct verr *err)
{
	(void)op;
	(void)args;
	(void)origin;
	(void)err;
	b->plan->security.pty = true;
	return 0;
}

/* A root caller's nested sandboxes (bwrap, unshare -U) need user
 * namespaces, which give a command that is uid 0 outside every
 * capability over what uid 0 owns: the caller's risk to take. */
int op_nested_userns(struct builder *b, const struct op *op, char *const *args,
		     const char *origin, struct verr *err)
{
	(void)op;
	(void)args;
	(void)err;
	str_replace(&b->plan->security.nested_userns, origin);
	return 0;
}

void security_free(struct security *s)
{
	seccomp_free(s);
	free(s->keep_fds);
	free(s->nested_userns);
	memset(s, 0, sizeof *s);
}

void security_print(const struct security *s, unsigned long namespaces, FILE *out)
{
	fputs("security    no_new_privs; descriptors above 2 closed", out);
	for (size_t i = 0; i < s->n_keep_fds; i++)
		fprintf(out, "%s%d", i ? " " : " but ", s->keep_fds[i]);
	if (s->new_session)
		fputs("; new session", out);
	if (s->pty)
		fputs("; own pty when stdin is a terminal", out);
	fputs("; capabilities ", out);
	caps_print(s->caps_keep, out);
	seccomp_print(s, namespaces, out);
}

int security_apply(const struct security *s, unsigned long namespaces,
		   const struct sock_fprog *filter, struct verr *err)
{
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return verr_errno(err, errno, "cannot set no_new_privs");
	if (caps_apply(s->caps_keep, err) < 0)
		return -1;
	if (log_verbose) {
		char *caps = NULL;
		size_t len;
		FILE *f = open_memstream(&caps, &len);

		if (f) {
			caps_print(s->caps_keep, f);
			fclose(f);
		}
		trace("capabilities: no_new_privs; kept: %s; every other one dropped",
		      caps ? caps : "?");
		free(caps);
	}
	return seccomp_filter_load(s, namespaces, filter, err);
}
