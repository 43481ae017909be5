#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "limit.h"
#include "util.h"

/* A longer timeout is a mistake (or a unit confusion), not a wish: refuse
 * it rather than overflow the deadline. */
#define MAX_SECONDS 1000000000

/* Every RLIMIT_*, by the name setrlimit(2) gives it, in lower case.  Limits
 * in bytes also take the k, M, G, T suffixes of --size. */
static const struct resource {
	const char *name;
	int resource;
	bool bytes;
} resources[] = {
	{ "as", RLIMIT_AS, true },
	{ "core", RLIMIT_CORE, true },
	{ "cpu", RLIMIT_CPU, false },
	{ "data", RLIMIT_DATA, true },
	{ "fsize", RLIMIT_FSIZE, true },
	{ "locks", RLIMIT_LOCKS, false },
	{ "memlock", RLIMIT_MEMLOCK, true },
	{ "msgqueue", RLIMIT_MSGQUEUE, true },
	{ "nice", RLIMIT_NICE, false },
	{ "nofile", RLIMIT_NOFILE, false },
	{ "nproc", RLIMIT_NPROC, false },
	{ "rss", RLIMIT_RSS, true },
	{ "rtprio", RLIMIT_RTPRIO, false },
	{ "rttime", RLIMIT_RTTIME, false },
	{ "sigpending", RLIMIT_SIGPENDING, false },
	{ "stack", RLIMIT_STACK, true },
};
#define N_RESOURCES (sizeof resources / sizeof resources[0])

static const struct resource *resource_by_name(const char *name)
{
	for (size_t i = 0; i < N_RESOURCES; i++)
		if (strcmp(resources[i].name, name) == 0)
			return &resources[i];
	return NULL;
}

static const char *resource_name(int resource)
{
	for (size_t i = 0; i < N_RESOURCES; i++)
		if (resources[i].resource == resource)
			return resources[i].name;
	return "?";
}

const char *limits_format_seconds(double seconds, char *buf, size_t len)
{
	char *dot, *end;

	/* Nanoseconds are what the deadline can hold; trailing zeros say
	 * nothing. */
	snprintf(buf, len, "%.9f", seconds);
	dot = strchr(buf, '.');
	if (dot) {
		end = buf + strlen(buf);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
	}
	return buf;
}

/* A decimal number of seconds: digits with an optional fraction ("10",
 * "1.5", ".25"); no sign, exponent or unit. */
static int parse_seconds(const char *s, double *out, struct verr *err)
{
	if (!is_plain_number(s, true))
		return verr_set(err, "'%s' is not a number of seconds", s);
	*out = strtod(s, NULL);
	if (*out > MAX_SECONDS)
		return verr_set(err, "'%s' is too long (at most %d seconds)", s, MAX_SECONDS);
	return 0;
}

int op_timeout(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err)
{
	struct limits *l = &b->plan->limits;
	double t;

	(void)op;
	if (parse_seconds(args[0], &t, err) < 0)
		return -1;
	if (t <= 0)
		return verr_set(err, "must be more than 0 seconds, not '%s'", args[0]);
	l->timeout = t;
	str_replace(&l->timeout_origin, origin);
	return 0;
}

int op_kill_after(struct builder *b, const struct op *op, char *const *args, const char *origin,
		  struct verr *err)
{
	struct limits *l = &b->plan->limits;
	double t;

	(void)op;
	if (parse_seconds(args[0], &t, err) < 0)
		return -1;
	l->kill_after = t;
	str_replace(&l->kill_after_origin, origin);
	return 0;
}

/* One limit: "unlimited", or a number (of bytes, with an optional k, M,
 * G or T, for the limits in bytes). */
static int parse_rlim(const struct resource *r, const char *s, rlim_t *out, struct verr *err)
{
	static const char units[] = "kmgt";
	unsigned long long v;
	const char *p = s;
	char *end;

	if (strcmp(s, "unlimited") == 0) {
		*out = RLIM_INFINITY;
		return 0;
	}
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == s || (*p && (!r->bytes || !strchr(units, *p | 0x20) || p[1]))) {
		if (r->bytes)
			return verr_set(err,
					"%s: '%s' is not a size (bytes, or a number with k, M, G, "
					"T) or 'unlimited'",
					r->name, s);
		return verr_set(err, "%s: '%s' is not a number or 'unlimited'", r->name, s);
	}
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return verr_set(err, "%s: '%s' is too large", r->name, s);
	if (*end) {
		/* k is one 1024, M two, ... (the unit was checked above) */
		for (const char *u = units; u <= strchr(units, *end | 0x20); u++) {
			if (v > ULLONG_MAX / 1024)
				return verr_set(err, "%s: '%s' is too large", r->name, s);
			v *= 1024;
		}
	}
	*out = (rlim_t)v;
	if ((unsigned long long)*out != v)
		return verr_set(err, "%s: '%s' is too large", r->name, s);
	return 0;
}

static void format_rlim(rlim_t v, char *buf, size_t len)
{
	if (v == RLIM_INFINITY)
		snprintf(buf, len, "unlimited");
	else
		snprintf(buf, len, "%llu", (unsigned long long)v);
}

int op_rlimit(struct builder *b, const struct op *op, char *const *args, const char *origin,
	      struct verr *err)
{
	struct limits *l = &b->plan->limits;
	const struct resource *r;
	struct rlimit value;
	char *name, *soft, *hard;
	struct rlimit_step *step = NULL;
	int rc = -1;

	(void)op;
	name = xstrdup(args[0]);
	soft = strchr(name, '=');
	if (!soft) {
		verr_set(err, "'%s' is not NAME=SOFT[:HARD]", args[0]);
		goto out;
	}
	*soft++ = '\0';
	r = resource_by_name(name);
	if (!r) {
		char list[256] = "";
		for (size_t i = 0; i < N_RESOURCES; i++) {
			if (i)
				strcat(list, ", ");
			strcat(list, resources[i].name);
		}
		verr_set(err, "unknown resource '%s' (one of %s)", name, list);
		goto out;
	}
	hard = strchr(soft, ':');
	if (hard)
		*hard++ = '\0';
	if (parse_rlim(r, soft, &value.rlim_cur, err) < 0)
		goto out;
	if (!hard)
		value.rlim_max = value.rlim_cur;
	else if (parse_rlim(r, hard, &value.rlim_max, err) < 0)
		goto out;
	/* RLIM_INFINITY is the largest value, so "unlimited:N" is caught too. */
	if (value.rlim_cur > value.rlim_max) {
		verr_set(err, "%s: the soft limit (%s) is above the hard limit (%s)", r->name, soft,
			 hard);
		goto out;
	}
	/* The last word on a resource wins: it replaces the earlier step, so
	 * the plan never lowers a hard limit it then has to raise again. */
	for (size_t i = 0; i < l->n_rlimits; i++)
		if (l->rlimits[i].resource == r->resource)
			step = &l->rlimits[i];
	if (!step) {
		grow(&l->rlimits, &l->cap_rlimits, l->n_rlimits, sizeof *l->rlimits);
		step = &l->rlimits[l->n_rlimits++];
		step->origin = NULL;
	}
	step->resource = r->resource;
	step->value = value;
	str_replace(&step->origin, origin);
	rc = 0;
out:
	free(name);
	return rc;
}

void limits_free(struct limits *l)
{
	for (size_t i = 0; i < l->n_rlimits; i++)
		free(l->rlimits[i].origin);
	free(l->rlimits);
	free(l->timeout_origin);
	free(l->kill_after_origin);
	l->rlimits = NULL;
	l->n_rlimits = l->cap_rlimits = 0;
	l->timeout_origin = l->kill_after_origin = NULL;
}

/* "nofile=1024:4096" */
static void format_step(const struct rlimit_step *s, char *buf, size_t len)
{
	char soft[32], hard[32];

	format_rlim(s->value.rlim_cur, soft, sizeof soft);
	format_rlim(s->value.rlim_max, hard, sizeof hard);
	snprintf(buf, len, "%s=%s:%s", resource_name(s->resource), soft, hard);
}

void limits_print(const struct limits *l, FILE *out)
{
	char t[64], k[64], step[96];

	if (l->timeout > 0) {
		limits_format_seconds(l->timeout, t, sizeof t);
		limits_format_seconds(l->kill_after, k, sizeof k);
		if (l->kill_after > 0)
			fprintf(out, "%-11s %ss, then SIGKILL after %ss", "timeout", t, k);
		else
			fprintf(out, "%-11s %ss, then SIGKILL at once", "timeout", t);
		if (l->kill_after_origin && strcmp(l->kill_after_origin, l->timeout_origin) != 0)
			fprintf(out, "  (%s, %s)\n", l->timeout_origin, l->kill_after_origin);
		else
			fprintf(out, "  (%s)\n", l->timeout_origin);
	}
	for (size_t i = 0; i < l->n_rlimits; i++) {
		format_step(&l->rlimits[i], step, sizeof step);
		fprintf(out, "%-11s %s  (%s)\n", "rlimit", step, l->rlimits[i].origin);
	}
}

int limits_apply(const struct limits *l, struct verr *err)
{
	char step[96];

	for (size_t i = 0; i < l->n_rlimits; i++) {
		const struct rlimit_step *s = &l->rlimits[i];

		format_step(s, step, sizeof step);
		trace("rlimit %s", step);
		if (setrlimit(s->resource, &s->value) < 0) {
			verr_errno(err, errno, "cannot set %s", step);
			verr_prefix(err, "%s", s->origin);
			return -1;
		}
	}
	return 0;
}
