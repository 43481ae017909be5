#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "util.h"

void cli_usage(FILE *out)
{
	fputs("Usage: veil [OPTION]... [--] COMMAND [ARG]...\n"
	      "Run COMMAND in new mount and pid namespaces, rooted at an action root,\n"
	      "with a fresh /proc and /sys inside.  Without any mount option, the\n"
	      "command sees the host's / read-only, the working directory writable, a\n"
	      "private /tmp, and fresh /proc, /sys and /dev.\n\n"
	      "Options:\n",
	      out);
	for (const struct op *op = ops; op->name; op++) {
		char left[64];
		if (op->short_name)
			snprintf(left, sizeof left, "-%c, --%s %s", op->short_name, op->name, op->args);
		else
			snprintf(left, sizeof left, "    --%s %s", op->name, op->args);
		fprintf(out, "  %-30s %s\n", left, op->help);
	}
	fputs("  -h, --help                     show this help and exit\n"
	      "      --version                  show the version and exit\n\n"
	      "Exit status: the command's own; 128+N if it was killed by signal N;\n"
	      "125 if veil failed; 126 if COMMAND could not be run; 127 if not found.\n"
	      "See veil(1).\n",
	      out);
}

/* The name of the missing argument: word n of op->args. */
static void arg_name(const struct op *op, int n, char *buf, size_t len)
{
	const char *p = op->args;

	while (n-- > 0 && (p = strchr(p, ' ')))
		p++;
	snprintf(buf, len, "%.*s", p ? (int)strcspn(p, " ") : 0, p ? p : "");
}

/* One option at argv[*i]; advances *i past its arguments. */
static enum cli_result parse_option(int argc, char **argv, int *i, struct builder *b,
				    struct verr *err)
{
	char *arg = argv[*i];
	const struct op *op;
	char *inline_value = NULL;
	char origin[80];
	char *args[2];

	if (arg[1] == '-') {
		char name[64];
		const char *eq = strchr(arg + 2, '=');
		size_t n = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);

		snprintf(name, sizeof name, "%.*s", (int)n, arg + 2);
		if (eq && (strcmp(name, "help") == 0 || strcmp(name, "version") == 0)) {
			verr_set(err, "--%s: takes no argument", name);
			return CLI_ERROR;
		}
		if (strcmp(name, "help") == 0) {
			cli_usage(stdout);
			return CLI_DONE;
		}
		if (strcmp(name, "version") == 0) {
			puts(PACKAGE_STRING);
			return CLI_DONE;
		}
		op = n < sizeof name - 1 ? op_find(name) : NULL;
		if (eq)
			inline_value = (char *)eq + 1;
		snprintf(origin, sizeof origin, "--%s", name);
	} else {
		if (arg[1] == 'h' && !arg[2]) {
			cli_usage(stdout);
			return CLI_DONE;
		}
		op = op_find_short(arg[1]);
		/* Flags without arguments group: -vv is -v -v. */
		while (op && op->nargs == 0 && arg[2] && op_find_short(arg[2]) == op) {
			char flag[3] = { '-', arg[1], '\0' };
			if (builder_apply(b, op, NULL, flag, err) < 0)
				return CLI_ERROR;
			arg++;
		}
		if (op && arg[2])
			inline_value = arg + 2;
		snprintf(origin, sizeof origin, "-%c", arg[1]);
	}
	if (!op) {
		verr_set(err, "unknown option '%s'\nTry 'veil --help' for more information.", arg);
		return CLI_ERROR;
	}
	if (inline_value && op->nargs != 1) {
		verr_set(err, "%s: takes %s", origin,
			 op->nargs ? "its arguments as separate words" : "no argument");
		return CLI_ERROR;
	}
	(*i)++;
	for (int k = 0; k < op->nargs; k++) {
		if (k == 0 && inline_value) {
			args[k] = inline_value;
			continue;
		}
		if (*i >= argc) {
			char missing[32];
			arg_name(op, k, missing, sizeof missing);
			verr_set(err, "%s: missing argument %s (usage: %s %s)", origin, missing, origin,
				 op->args);
			return CLI_ERROR;
		}
		args[k] = argv[(*i)++];
	}
	if (builder_apply(b, op, args, origin, err) < 0)
		return CLI_ERROR;
	return CLI_RUN;
}

enum cli_result cli_parse(int argc, char **argv, struct builder *b, struct verr *err)
{
	int i = 1;

	while (i < argc) {
		const char *arg = argv[i];
		enum cli_result r;

		if (strcmp(arg, "--") == 0) {
			i++;
			break;
		}
		/* The first word that is not an option is the command: nothing
		 * after it is veil's. */
		if (arg[0] != '-' || arg[1] == '\0')
			break;
		r = parse_option(argc, argv, &i, b, err);
		if (r != CLI_RUN)
			return r;
	}
	if (i >= argc) {
		verr_set(err, "no command given\nUsage: veil [OPTION]... [--] COMMAND [ARG]...");
		return CLI_ERROR;
	}
	b->plan->argv = &argv[i];
	if (builder_finish(b, err) < 0)
		return CLI_ERROR;
	return CLI_RUN;
}
