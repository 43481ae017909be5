#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "profile.h"
#include "util.h"

void cli_usage(FILE *out)
{
	fputs("Usage: veil [OPTION]... [--] COMMAND [ARG]...\n"
	      "       veil --check-profile NAME|PATH...\n"
	      "       veil --list-profiles\n"
	      "Run COMMAND in new mount and pid namespaces, rooted at an action root,\n"
	      "with a fresh /proc and /sys inside.  Without a profile or a mount option,\n"
	      "the `default` profile applies: the host's / read-only, the working\n"
	      "directory writable, a private /tmp, and fresh /proc, /sys and /dev.\n\n"
	      "Options:\n"
	      "  -p, --profile NAME|PATH        apply a profile (more than one: in order)\n"
	      "      --check-profile NAME...    check profiles, report every error, exit\n"
	      "      --list-profiles            list the profiles on the search path, exit\n",
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
	      "124 if --timeout expired; 125 if veil failed; 126 if COMMAND could not\n"
	      "be run; 127 if it was not found.  See veil(1) and veil-profile(5).\n",
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

static void add_op(struct cli *cli, const struct op *op, char **args, const char *origin)
{
	struct cli_op *o;

	grow(&cli->ops, &cli->cap_ops, cli->n_ops, sizeof *cli->ops);
	o = &cli->ops[cli->n_ops++];
	o->op = op;
	o->args[0] = op->nargs > 0 ? args[0] : NULL;
	o->args[1] = op->nargs > 1 ? args[1] : NULL;
	snprintf(o->origin, sizeof o->origin, "%s", origin);
}

static void add_profile(struct cli *cli, char *name)
{
	grow(&cli->profiles, &cli->cap_profiles, cli->n_profiles, sizeof *cli->profiles);
	cli->profiles[cli->n_profiles++] = name;
}

/* veil's own options, which are not operations on the plan.  Returns 1
 * when arg was one of them, 0 when not, -1 on error. */
static int own_option(const char *name, char *value, int argc, char **argv, int *i,
		      struct cli *cli, enum cli_result *result, struct verr *err)
{
	if (!strcmp(name, "help") || !strcmp(name, "h") || !strcmp(name, "version") ||
	    !strcmp(name, "list-profiles") || !strcmp(name, "check-profile")) {
		if (value)
			return verr_set(err, "--%s: takes no argument", name);
	}
	if (!strcmp(name, "help") || !strcmp(name, "h")) {
		cli_usage(stdout);
		*result = CLI_DONE;
	} else if (!strcmp(name, "version")) {
		puts(PACKAGE_STRING);
		*result = CLI_DONE;
	} else if (!strcmp(name, "list-profiles")) {
		cli->mode = CLI_MODE_LIST;
		(*i)++;
	} else if (!strcmp(name, "check-profile")) {
		/* Every word after it is a profile to check. */
		cli->mode = CLI_MODE_CHECK;
		for ((*i)++; *i < argc; (*i)++)
			add_profile(cli, argv[*i]);
		if (cli->n_profiles == 0)
			return verr_set(err, "--check-profile: missing argument NAME|PATH");
	} else if (!strcmp(name, "profile") || !strcmp(name, "p")) {
		if (!value && *i + 1 >= argc)
			return verr_set(err, "%s: missing argument NAME|PATH",
					name[1] ? "--profile" : "-p");
		add_profile(cli, value ? value : argv[++*i]);
		(*i)++;
	} else {
		return 0;
	}
	return 1;
}

/* One option at argv[*i]; advances *i past its arguments. */
static enum cli_result parse_option(int argc, char **argv, int *i, struct cli *cli,
				    struct verr *err)
{
	char *arg = argv[*i];
	const struct op *op;
	char *inline_value = NULL;
	char origin[80], name[64];
	enum cli_result result = CLI_RUN;
	char *args[2];
	int own;

	if (arg[1] == '-') {
		const char *eq = strchr(arg + 2, '=');
		size_t n = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);

		snprintf(name, sizeof name, "%.*s", (int)n, arg + 2);
		if (eq)
			inline_value = (char *)eq + 1;
		op = n < sizeof name - 1 ? op_find(name) : NULL;
		snprintf(origin, sizeof origin, "--%s", name);
	} else {
		snprintf(name, sizeof name, "%c", arg[1]);
		if (arg[2])
			inline_value = arg + 2;
		op = op_find_short(arg[1]);
		snprintf(origin, sizeof origin, "-%c", arg[1]);
		/* Flags without arguments group: -vv is -v -v. */
		while (op && op->nargs == 0 && inline_value && op_find_short(*inline_value) == op) {
			add_op(cli, op, NULL, origin);
			inline_value = inline_value[1] ? inline_value + 1 : NULL;
		}
	}
	own = own_option(name, inline_value, argc, argv, i, cli, &result, err);
	if (own < 0)
		return CLI_ERROR;
	if (own > 0)
		return result;
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
	add_op(cli, op, args, origin);
	return CLI_RUN;
}

enum cli_result cli_parse(int argc, char **argv, struct cli *cli, struct verr *err)
{
	int i = 1;

	memset(cli, 0, sizeof *cli);
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
		r = parse_option(argc, argv, &i, cli, err);
		if (r != CLI_RUN)
			return r;
	}
	if (cli->mode != CLI_MODE_RUN)
		return CLI_RUN;
	if (i >= argc) {
		verr_set(err, "no command given\nUsage: veil [OPTION]... [--] COMMAND [ARG]...");
		return CLI_ERROR;
	}
	cli->argv = &argv[i];
	return CLI_RUN;
}

void cli_free(struct cli *cli)
{
	free(cli->ops);
	free(cli->profiles);
	memset(cli, 0, sizeof *cli);
}

size_t cli_build(const struct cli *cli, struct builder *b, struct diag *d)
{
	size_t errors = 0;
	bool names_mounts = false;
	struct verr err;

	for (size_t i = 0; i < cli->n_ops; i++)
		names_mounts |= (cli->ops[i].op->flags & OP_NAMES_MOUNT) != 0;
	/* SPEC: with no -p, a command line that names no mount gets the default
	 * profile; one that names its own mounts gets exactly those. */
	/* --bind-source-pid holds for every bind source, those of profiles too. */
	for (size_t i = 0; i < cli->n_ops; i++) {
		const struct cli_op *o = &cli->ops[i];
		if (!(o->op->flags & OP_EARLY))
			continue;
		if (builder_apply(b, o->op, (char *const *)o->args, o->origin, &err) < 0) {
			diag_add(d, &err);
			errors++;
		}
	}
	if (errors)
		return errors; /* every bind would fail for the same reason */
	if (cli->n_profiles == 0 && !names_mounts)
		errors += profile_apply(b, "default", d);
	for (size_t i = 0; i < cli->n_profiles; i++)
		errors += profile_apply(b, cli->profiles[i], d);
	for (size_t i = 0; i < cli->n_ops; i++) {
		const struct cli_op *o = &cli->ops[i];
		if (o->op->flags & OP_EARLY)
			continue;
		if (builder_apply(b, o->op, (char *const *)o->args, o->origin, &err) < 0) {
			diag_add(d, &err);
			errors++;
		}
	}
	b->plan->argv = cli->argv;
	if (errors == 0 && builder_finish(b, &err) < 0) {
		diag_add(d, &err);
		errors++;
	}
	return errors;
}
