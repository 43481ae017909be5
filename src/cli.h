/* The command line: argv into operations, bwrap's spelling.  Parsing only
 * collects; cli_build() then applies the profiles and the options, in that
 * order, through the one plan builder. */
#ifndef VEIL_CLI_H
#define VEIL_CLI_H

#include "ops.h"

enum cli_result {
	CLI_RUN,   /* the plan is ready to run (or to print, with --dry-run) */
	CLI_DONE,  /* --help or --version was printed: exit 0 */
	CLI_ERROR, /* err says what is wrong: exit 125 */
};

enum cli_mode {
	CLI_MODE_RUN,
	CLI_MODE_CHECK, /* --check-profile NAME... */
	CLI_MODE_LIST,	/* --list-profiles */
};

struct cli_op {
	const struct op *op;
	char *args[2];
	char origin[72];
};

struct cli {
	enum cli_mode mode;
	struct cli_op *ops;
	size_t n_ops, cap_ops;
	char **profiles; /* -p, in order; --check-profile's names */
	size_t n_profiles, cap_profiles;
	char **argv;	 /* the command; points into main's argv */
};

enum cli_result cli_parse(int argc, char **argv, struct cli *cli, struct verr *err);
void cli_free(struct cli *cli);

/* The profiles named with -p (or, when there are none and no option names
 * a mount, the `default` profile), then the options, into the builder;
 * then finish the plan.  Every error found is added to d; returns how many. */
size_t cli_build(const struct cli *cli, struct builder *b, struct diag *d);

void cli_usage(FILE *out);

#endif
