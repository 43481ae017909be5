/* What the unit tests share: options applied to a fresh plan through the
 * ops table, as the command line and the profiles do, and the plan as
 * --dry-run prints it. */
#ifndef VEIL_TEST_HARNESS_H
#define VEIL_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>

#include "ops.h"
#include "plan.h"
#include "util.h"

struct run {
	struct plan plan;
	struct builder b;
	struct verr err;
	int rc; /* 0, or -1 with err set by the first option that failed */
};

/* Apply words, "--NAME" followed by its arguments, each in turn; stop at
 * the first error. */
static inline struct run *run_ops(char **words)
{
	struct run *r = xmalloc(sizeof *r);

	plan_init(&r->plan);
	builder_init(&r->b, &r->plan);
	r->err.msg[0] = '\0';
	r->rc = 0;
	for (char **w = words; *w && r->rc == 0; w++) {
		const struct op *op = op_find(*w + 2);

		if (!op) {
			r->rc = verr_set(&r->err, "no option %s", *w);
			break;
		}
		r->rc = builder_apply(&r->b, op, w + 1, *w, &r->err);
		w += op->nargs;
	}
	return r;
}
#define RUN_OPS(...) run_ops((char *[]){ __VA_ARGS__, NULL })

static inline void run_free(struct run *r)
{
	builder_free(&r->b);
	plan_free(&r->plan);
	free(r);
}

/* The plan as --dry-run prints it; free() the result. */
static inline char *plan_printed(const struct plan *plan)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	plan_print(plan, f);
	fclose(f);
	return buf;
}

#endif
