/* The command line: argv into the plan builder, bwrap's spelling. */
#ifndef VEIL_CLI_H
#define VEIL_CLI_H

#include "ops.h"

enum cli_result {
	CLI_RUN,   /* the plan is ready to run (or to print, with --dry-run) */
	CLI_DONE,  /* --help or --version was printed: exit 0 */
	CLI_ERROR, /* err says what is wrong: exit 125 */
};

/* Feed argv to the builder and finish the plan.  The command is left in
 * b->plan->argv, pointing into argv. */
enum cli_result cli_parse(int argc, char **argv, struct builder *b, struct verr *err);

void cli_usage(FILE *out);

#endif
