/* veil: run one command in its own namespaces, rooted at an action root.
 *
 * The data flows one way: argv and profiles -> a validated plan (cli.c,
 * profile.c, ops.c, plan.c) -> the executor (executor.c, mounts.c,
 * devfs.c) -> the supervisor (supervise.c), whose status veil exits with. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "cli.h"
#include "executor.h"
#include "plan.h"
#include "profile.h"
#include "stats.h"
#include "supervise.h"

/* --check-profile: load each profile into a scratch plan, reporting every
 * error; 0 when all are valid. */
static int check_profiles(const struct cli *cli)
{
	size_t errors = 0;

	for (size_t i = 0; i < cli->n_profiles; i++) {
		struct plan plan;
		struct builder b;
		struct diag d = { 0 };

		plan_init(&plan);
		builder_init(&b, &plan);
		size_t n = profile_apply(&b, cli->profiles[i], &d);
		diag_print(&d);
		if (n == 0)
			printf("%s: ok\n", cli->profiles[i]);
		errors += n;
		diag_free(&d);
		builder_free(&b);
		plan_free(&plan);
	}
	return errors ? VEIL_EXIT_FAILURE : 0;
}

static int run(const struct cli *cli)
{
	struct plan plan;
	struct builder b;
	struct diag d = { 0 };
	int status;

	plan_init(&plan);
	builder_init(&b, &plan);
	/* -v is known before the profiles apply, so their steps are traced too. */
	for (size_t i = 0; i < cli->n_ops; i++)
		log_verbose += strcmp(cli->ops[i].op->name, "verbose") == 0;
	if (cli_build(cli, &b, &d) > 0) {
		diag_print(&d);
		status = VEIL_EXIT_FAILURE;
	} else if (b.dry_run) {
		plan_print(&plan, stdout);
		status = 0;
	} else {
		status = executor_run(&plan);
	}
	diag_free(&d);
	builder_free(&b);
	plan_free(&plan);
	return status;
}

/* veil must not run with privileges its caller does not have: it is not
 * written to defend against its own caller, and an unprivileged caller gets
 * a user namespace of its own anyway.  AT_SECURE covers set-user-ID,
 * set-group-ID and file capabilities alike. */
static bool privileged_exec(void)
{
	return getuid() != geteuid() || getgid() != getegid() || getauxval(AT_SECURE);
}

int main(int argc, char **argv)
{
	struct cli cli;
	struct verr err;
	int status = 0;

	if (privileged_exec()) {
		fputs("veil: veil is not a setuid program; remove its set-user-ID and set-group-ID "
		      "bits and file capabilities (chmod u-s,g-s; setcap -r) and run it as yourself: "
		      "a caller who is not root gets a user namespace of its own\n",
		      stderr);
		/* Nothing to clean up; and no exit handler of a library (a
		 * sanitizer's leak check, which ptraces the process, for one)
		 * is to run with privileges veil refuses. */
		_exit(VEIL_EXIT_FAILURE);
	}
	/* For --stats (setup_seconds counts from here) and --die-with-parent. */
	stats_mark_start();
	supervise_note_parent();

	switch (cli_parse(argc, argv, &cli, &err)) {
	case CLI_DONE:
		break;
	case CLI_ERROR:
		verr_print(&err);
		status = VEIL_EXIT_FAILURE;
		break;
	case CLI_RUN:
		if (cli.mode == CLI_MODE_LIST)
			profile_list(stdout);
		else if (cli.mode == CLI_MODE_CHECK)
			status = check_profiles(&cli);
		else
			status = run(&cli);
		break;
	}
	cli_free(&cli);
	return status;
}
