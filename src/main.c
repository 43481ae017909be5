/* veil: run one command in its own namespaces, rooted at an action root.
 *
 * The data flows one way: argv -> a validated plan (cli.c, ops.c, plan.c)
 * -> the executor (executor.c, mounts.c, devfs.c) -> the supervisor
 * (supervise.c), whose status veil exits with. */
#include "config.h"

#include <stdio.h>

#include "cli.h"
#include "executor.h"
#include "plan.h"

int main(int argc, char **argv)
{
	struct plan plan;
	struct builder b;
	struct verr err;
	int status = 0;

	plan_init(&plan);
	builder_init(&b, &plan);
	switch (cli_parse(argc, argv, &b, &err)) {
	case CLI_DONE:
		break;
	case CLI_ERROR:
		verr_print(&err);
		status = VEIL_EXIT_FAILURE;
		break;
	case CLI_RUN:
		log_verbose = b.verbose;
		if (b.dry_run)
			plan_print(&plan, stdout);
		else
			status = executor_run(&plan);
		break;
	}
	builder_free(&b);
	plan_free(&plan);
	return status;
}
