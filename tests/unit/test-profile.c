/* Unit tests for INI profiles (src/profile.c), which double as a short
 * guide to the format (veil-profile(5)).
 *
 * The first half parses text in memory with profile_parse: what a line may
 * look like, and the exact "FILE:LINE: message" for each thing that is not
 * a profile.  The second half writes profiles into a temporary directory,
 * points $VEIL_PROFILE_PATH at it, and applies them to a plan builder with
 * profile_apply: values, inheritance, and the order in which steps land in
 * the plan.  Nothing here needs privileges or touches namespaces. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan.h"
#include "profile.h"
#include "tap.h"
#include "util.h"

/* ---- helpers ------------------------------------------------------------ */

/* The comparisons below note what they wanted and the messages they
 * saw; check() prints that after a failed check, as TAP comments. */
static char wanted[8192];
static const struct diag *seen;

static void note_want(const char *label, const char *want)
{
	size_t len = strlen(wanted);
	snprintf(wanted + len, sizeof wanted - len, "%-8s '%s'\n", label, want);
}

static void show_notes(void)
{
	for (char *line = wanted, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		printf("#   %s\n", line);
	}
	for (size_t i = 0; seen && i < seen->n; i++)
		tap_diag("message:", seen->msgs[i]);
}

#define check(cond, ...)                                                             \
	do {                                                                         \
		wanted[0] = '\0';                                                    \
		seen = NULL;                                                         \
		int c_ = !!(cond);                                                   \
		printf("%sok %d - ", c_ ? "" : "not ", ++tap_n);                     \
		printf(__VA_ARGS__);                                                 \
		printf("\n");                                                        \
		if (!c_) {                                                           \
			tap_failed++;                                                \
			printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			show_notes();                                                \
		}                                                                    \
	} while (0)

/* d holds exactly the messages given, in this order. */
static bool diag_is(const struct diag *d, size_t n, ...)
{
	va_list ap;
	bool same = d->n == n;

	seen = d;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++) {
		const char *want = va_arg(ap, const char *);
		if (i >= d->n || strcmp(d->msgs[i], want) != 0) {
			same = false;
			note_want("want:", want);
		}
	}
	va_end(ap);
	return same;
}

static bool diag_has(const struct diag *d, const char *want)
{
	seen = d;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->msgs[i], want) == 0)
			return true;
	note_want("missing:", want);
	return false;
}

/* Parse text as the file "t.ini"; the messages go to *d. */
static size_t parse_len(const char *text, size_t len, struct profile *p, struct diag *d)
{
	memset(d, 0, sizeof *d);
	return profile_parse(text, len, "t.ini", p, d);
}
static size_t parse(const char *text, struct profile *p, struct diag *d)
{
	return parse_len(text, strlen(text), p, d);
}

/* Parse text expecting exactly one message, want; says what under name. */
static void parse_error(const char *name, const char *text, const char *want)
{
	struct profile p;
	struct diag d;
	size_t n = parse(text, &p, &d);

	check(diag_is(&d, 1, want) && n == 1, "%s: %s", name, want);
	profile_free(&p);
	diag_free(&d);
}

static const struct profile_entry *entry(const struct profile *p, size_t i)
{
	static const struct profile_entry none = { "", "", "", 0 };
	return i < p->n ? &p->entries[i] : &none;
}

/* Entry i is [section] key = value, from line `line`. */
static bool entry_is(const struct profile *p, size_t i, const char *section, const char *key,
		     const char *value, unsigned line)
{
	const struct profile_entry *e = entry(p, i);
	bool same = !strcmp(e->section, section) && !strcmp(e->key, key) &&
		    !strcmp(e->value, value) && e->line == line;

	if (!same) {
		char got[512];
		snprintf(got, sizeof got, "entry %zu: [%s] %s = %s (line %u)", i, e->section,
			 e->key, e->value, e->line);
		note_want("got:", got);
	}
	return same;
}

/* The temporary profile directory, $VEIL_PROFILE_PATH for the apply tests. */
static char dir[] = "/tmp/veil-test-profile.XXXXXX";
static char *made[256];
static size_t n_made;

/* Write DIR/name.ini; returns its path, the FILE of its messages. */
static char *write_profile(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s.ini", dir, name);
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		printf("Bail out! cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	for (size_t i = 0; i < n_made; i++)
		if (!strcmp(made[i], path))
			return path;
	if (n_made < sizeof made / sizeof made[0])
		made[n_made++] = xstrdup(path);
	return path;
}

/* The name a message uses for DIR/name.ini. */
static char *file_of(const char *name)
{
	return xasprintf("%s/%s.ini", dir, name);
}

struct applied {
	struct plan plan;
	struct builder b;
	struct diag d;
	size_t errors; /* what profile_apply returned, summed */
};

/* Apply the NULL-terminated list of profile names, in order, to one
 * builder, as root in /work (the facts the plan depends on). */
static struct applied *apply_list(const char *const *names)
{
	struct applied *a = xmalloc(sizeof *a);

	memset(a, 0, sizeof *a);
	plan_init(&a->plan);
	builder_init(&a->b, &a->plan);
	free(a->b.cwd);
	a->b.cwd = xstrdup("/work");
	a->b.euid = 0;
	for (; *names; names++)
		a->errors += profile_apply(&a->b, *names, &a->d);
	return a;
}
#define APPLY(...) apply_list((const char *const[]){ __VA_ARGS__, NULL })

/* Applied without a message, and none counted. */
static bool no_errors(const struct applied *a)
{
	return diag_is(&a->d, 0) && a->errors == 0;
}

static void applied_free(struct applied *a)
{
	diag_free(&a->d);
	builder_free(&a->b);
	plan_free(&a->plan);
	free(a);
}

/* Write name.ini, apply it, and expect exactly one error: "FILE:LINE: msg"
 * where FILE is the file just written. */
static void value_error(const char *name, const char *text, unsigned line, const char *msg)
{
	char *file = write_profile(name, text);
	char *want = xasprintf("%s:%u: %s", file, line, msg);
	struct applied *a = APPLY(name);

	check(diag_is(&a->d, 1, want) && a->errors == 1, "%s: line %u: %s", name, line, msg);
	applied_free(a);
	free(want);
	free(file);
}

static const struct mount_step *mount_at(const struct plan *plan, size_t i)
{
	static const struct mount_step none = { .dest = "", .origin = "" };
	return i < plan->n_mounts ? &plan->mounts[i] : &none;
}

/* ---- parsing: what a profile looks like ------------------------------------ */

/* A profile is sections of `key = value` lines.  Whole-line comments start
 * with ';' or '#'; after a value, only " ;" (a blank, then ';') starts a
 * comment, so a ';' or '#' inside a value is kept.  A line indented under
 * a key continues it: the key is given again with that line as its value,
 * which is how a long list is split.  [profile] keys are kept apart; every
 * other line becomes an entry that remembers its line, in file order. */
static void test_parse_valid(void)
{
	static const char text[] = "# A demo profile\n"			 /* 1 */
				   "[profile]\n"			 /* 2 */
				   "description = Demo: two mounts ; a comment\n" /* 3 */
				   "inherit = default\n"		 /* 4 */
				   "\n"					 /* 5 */
				   "[mounts]\n"				 /* 6 */
				   "proc = /proc\n"			 /* 7 */
				   "; tmpfs = /ignored\n"		 /* 8 */
				   "tmpfs = /tmp mode=1777   ; private\n" /* 9 */
				   "[env]\n"				 /* 10 */
				   "set = A=1;2\n"			 /* 11 */
				   "set = B=x # not a comment\n"	 /* 12 */
				   "keep = TERM HOME\n"			 /* 13 */
				   "   LANG TZ\n"				 /* 14 */
				   "[mounts]\n"				 /* 15 */
				   "dir = /tmp/out\n";			 /* 16 */
	struct profile p;
	struct diag d;
	size_t n = parse(text, &p, &d);

	ok(n == 0 && d.n == 0, "a valid profile parses without messages");
	is_str(p.file, "t.ini", "the file name is kept for messages");
	is_str(p.description, "Demo: two mounts", "description, without its inline comment");
	is_str(p.inherit, "default", "inherit");
	ok(p.inherit_line == 4, "inherit remembers its line (%u)", p.inherit_line);
	ok(p.n == 7, "[profile] keys are not entries; the other 7 lines are (%zu)", p.n);
	check(entry_is(&p, 0, "mounts", "proc", "/proc", 7), "first entry, line 7");
	check(entry_is(&p, 1, "mounts", "tmpfs", "/tmp mode=1777", 9),
	   "a commented-out line is skipped; ' ; private' is a comment");
	check(entry_is(&p, 2, "env", "set", "A=1;2", 11), "';' right after text is part of the value");
	check(entry_is(&p, 3, "env", "set", "B=x # not a comment", 12),
	   "'#' after a value is part of it");
	check(entry_is(&p, 4, "env", "keep", "TERM HOME", 13), "a key with a continued list");
	check(entry_is(&p, 5, "env", "keep", "LANG TZ", 14),
	   "an indented line continues it: the same key again, with its own line");
	check(entry_is(&p, 6, "mounts", "dir", "/tmp/out", 16),
	   "a section may be opened again; entries stay in file order");
	profile_free(&p);
	diag_free(&d);

	n = parse("[mounts]\r\nproc = /proc\r\n[env]\r\nset = A=1\r\n", &p, &d);
	check(n == 0 && entry_is(&p, 0, "mounts", "proc", "/proc", 2) &&
		   entry_is(&p, 1, "env", "set", "A=1", 4),
	   "CRLF line endings are read as plain ones");
	profile_free(&p);
	diag_free(&d);

	n = parse("", &p, &d);
	ok(n == 0 && p.n == 0 && !p.description && !p.inherit, "an empty file is a valid profile");
	profile_free(&p);
	diag_free(&d);

	n = parse("[profile]\ndescription = no newline at the end", &p, &d);
	is_str(p.description, "no newline at the end", "the last line needs no newline");
	profile_free(&p);
	diag_free(&d);
}

/* Each kind of mistake has its own message, naming the file and the line. */
static void test_parse_errors(void)
{
	char long_line[INI_MAX_LINE + 16], *text, *want;
	const size_t max = INI_MAX_LINE - 2; /* the longest line inih can hold */
	struct profile p;
	struct diag d;
	size_t n;

	parse_error("unknown section", "[profile]\ndescription = x\n[mount]\nproc = /proc\n",
		    "t.ini:3: unknown section [mount]");
	n = parse("[bogus]\na = 1\nb = 2\n", &p, &d);
	check(diag_is(&d, 1, "t.ini:1: unknown section [bogus]") && n == 1,
	   "an unknown section is reported once, not once per key in it");
	profile_free(&p);
	diag_free(&d);

	parse_error("unknown key", "[mounts]\nproc = /proc\nfrobnicate = /x\n",
		    "t.ini:3: unknown key 'frobnicate' in [mounts]");
	parse_error("a key of another section", "[env]\nproc = /proc\n",
		    "t.ini:2: unknown key 'proc' in [env]");
	parse_error("key outside a section", "proc = /proc\n[mounts]\n",
		    "t.ini:1: 'proc' is outside any [section]");
	parse_error("syntax error", "[mounts]\nthis is not ini\n",
		    "t.ini:2: syntax error: expected [section], key = value, or a comment");
	parse_error("unclosed section", "[mounts]\nproc = /proc\n[env\n",
		    "t.ini:3: syntax error: expected [section], key = value, or a comment");
	parse_error("second inherit", "[profile]\ninherit = default\ninherit = build\n",
		    "t.ini:3: a profile inherits from one parent; 'inherit' was already given on "
		    "line 2");

	n = parse_len("[mounts]\nproc = /p\0roc\n", 22, &p, &d);
	check(diag_is(&d, 1, "t.ini:2: NUL byte in the line") && n == 1, "a NUL byte");
	profile_free(&p);
	diag_free(&d);

	/* The longest line inih holds is accepted; one more character is an
	 * error, rather than the silent split inih would make. */
	memset(long_line, 'A', sizeof long_line);
	memcpy(long_line, "keep = ", 7);
	long_line[max] = '\0';
	text = xasprintf("[env]\n%s\n", long_line);
	n = parse(text, &p, &d);
	ok(n == 0 && p.n == 1 && strlen(entry(&p, 0)->value) == max - 7,
	   "a line of %zu characters is whole", max);
	profile_free(&p);
	diag_free(&d);
	free(text);
	long_line[max] = 'A';
	long_line[max + 1] = '\0';
	text = xasprintf("[env]\n%s\n", long_line);
	want = xasprintf("t.ini:2: line longer than %zu characters (split the list over several "
			 "lines with the same key)",
			 max);
	n = parse(text, &p, &d);
	check(diag_is(&d, 1, want) && n == 1, "a line of %zu characters: %s", max + 1, want);
	profile_free(&p);
	diag_free(&d);
	free(text);
	free(want);

	/* A UTF-8 byte order mark is allowed at the start of the file; it does
	 * not hide the section that follows it from the checks. */
	n = parse("\xef\xbb\xbf[bogus]\nkey = 1\n", &p, &d);
	check(diag_is(&d, 1, "t.ini:1: unknown section [bogus]") && n == 1,
	   "an unknown section after a byte order mark is still reported");
	profile_free(&p);
	diag_free(&d);
	n = parse("\xef\xbb\xbf[mounts]\nproc = /proc\n", &p, &d);
	check(n == 0 && entry_is(&p, 0, "mounts", "proc", "/proc", 2),
	   "a byte order mark before a known section is fine");
	profile_free(&p);
	diag_free(&d);
}

/* Every problem in a file is reported, each on its own line, and the count
 * returned is the number of messages -- but for syntax errors: inih stops
 * at none but names only the first line it could not parse, so that one
 * is reported and the file is known to be broken (veil-profile(5) says so). */
static void test_parse_all_errors(void)
{
	static const char text[] = "proc = /proc\n"	      /* 1: outside a section */
				   "[mounts]\n"		      /* 2 */
				   "this is not ini\n"	      /* 3: syntax */
				   "frobnicate = 1\n"	      /* 4: unknown key */
				   "[profile]\n"	      /* 5 */
				   "inherit = a\n"	      /* 6 */
				   "inherit = b\n"	      /* 7: second inherit */
				   "[bogus]\n"		      /* 8: unknown section */
				   "neither is this\n"	      /* 9: syntax */
				   "[env]\n"		      /* 10 */
				   "set = A=\0\n";	      /* 11: NUL */
	struct profile p;
	struct diag d;
	size_t n = parse_len(text, sizeof text - 1, &p, &d);

	ok(n == d.n, "the count returned (%zu) is the number of messages (%zu)", n, d.n);
	check(diag_has(&d, "t.ini:1: 'proc' is outside any [section]"), "line 1 reported");
	check(diag_has(&d, "t.ini:3: syntax error: expected [section], key = value, or a comment"),
	   "line 3 reported");
	check(diag_has(&d, "t.ini:4: unknown key 'frobnicate' in [mounts]"), "line 4 reported");
	check(diag_has(&d, "t.ini:7: a profile inherits from one parent; 'inherit' was already "
			"given on line 6"),
	   "line 7 reported");
	check(diag_has(&d, "t.ini:8: unknown section [bogus]"), "line 8 reported");
	check(diag_has(&d, "t.ini:11: NUL byte in the line"), "line 11 reported");
	ok(d.n == 6, "six messages (%zu): line 9, a second syntax error, is not named", d.n);
	profile_free(&p);
	diag_free(&d);
}

/* ---- applying: values ------------------------------------------------------ */

/* A value is checked when the profile is applied, by the same code as the
 * command-line option it corresponds to; the message names the profile
 * line instead of the option. */
static void test_bad_values(void)
{
	value_error("bool", "[mounts]\nproc = /proc\nbind-cwd = maybe\n", 3,
		    "bind-cwd: 'maybe' is not yes or no");
	value_error("clearbool", "[env]\nclear = 2\n", 2, "clear: '2' is not yes or no");
	value_error("ro", "[root]\npath = /\nreadonly = sometimes\n", 3,
		    "readonly: 'sometimes' is not yes or no");
	value_error("octal", "[mounts]\ntmpfs = /tmp mode=0799\n", 2, "'0799' is not an octal mode");
	value_error("chmod", "[mounts]\nchmod = u+x /x\n", 2, "'u+x' is not an octal mode");
	value_error("size", "[mounts]\ntmpfs = /tmp size=10X\n", 2,
		    "'10X' is not a size (bytes, or a number with k, M, G, T)");
	value_error("relative", "[mounts]\ntmpfs = tmp\n", 2, "'tmp' is not an absolute path");
	value_error("dotdot", "[mounts]\ndir = /a/../b\n", 2, "'/a/../b' must not contain '..'");
	value_error("nosource", "[mounts]\nro-bind = /no/such/source /x\n", 2,
		    "source '/no/such/source': No such file or directory");
	value_error("nsvalue", "[namespaces]\nnet = maybe\n", 2, "net: 'maybe' is not yes or no");
	value_error("userns", "[namespaces]\nuser = maybe\n", 2,
		    "user: 'maybe' is not yes or no, auto or nobody");
	value_error("netauto", "[namespaces]\nnet = auto\n", 2, "net: 'auto' is not yes or no");
	value_error("mountns", "[namespaces]\nmount = no\n", 2,
		    "mount: the mount and pid namespaces are always new; only 'yes' is accepted");
	value_error("hostname",
		    "[namespaces]\nhostname = "
		    "a123456789b123456789c123456789d123456789e123456789f123456789g1234\n",
		    2,
		    "'a123456789b123456789c123456789d123456789e123456789f123456789g1234' is not "
		    "a host name (1 to 64 characters)");
	value_error("bind1", "[mounts]\nbind = /etc\n", 2, "bind takes SRC DEST (2 words), not 1");
	value_error("bind3", "[mounts]\nro-bind = /etc /etc /x\n", 2,
		    "ro-bind takes SRC DEST (2 words), not 3");
	value_error("proc2", "[mounts]\nproc = /proc /p2\n", 2, "proc takes DEST (1 word), not 2");
	value_error("symlink1", "[mounts]\nsymlink = /proc/self/fd\n", 2,
		    "symlink takes TARGET DEST (2 words), not 1");
	value_error("dirsize", "[mounts]\ndir = /x size=1M\n", 2, "dir takes DEST (1 word), not 2");
	value_error("setnoeq", "[env]\nset = FOO\n", 2, "set: 'FOO' is not VAR=VALUE");
	value_error("setname", "[env]\nset = =x\n", 2, "'' is not a variable name");
	value_error("unsetname", "[env]\nunset = A=1\n", 2, "'A=1' is not a variable name");
	value_error("quote", "[env]\nunset = \"A B\n", 2, "unterminated \" in '\"A B'");
	value_error("quote2", "[mounts]\nbind = \"/a b /c\n", 2, "unterminated \" in '\"/a b /c'");
	value_error("readonly-alone", "[root]\nreadonly = yes\n", 2,
		    "readonly: there is no root path to apply it to");
	value_error("rootfile", "[root]\npath = /etc/passwd\n", 2,
		    "root '/etc/passwd' is not a directory");
}

/* Quoting: a word in double quotes may hold blanks. */
static void test_quotes(void)
{
	struct applied *a;

	free(write_profile("quoted", "[mounts]\n"
				     "tmpfs = \"/with space\" mode=0700\n"
				     "symlink = \"a b\" /link\n"));
	a = APPLY("quoted");
	check(no_errors(a) && a->plan.n_mounts == 2, "quoted words apply");
	is_str(mount_at(&a->plan, 0)->dest, "/with space", "a quoted destination keeps its blank");
	ok(mount_at(&a->plan, 0)->mode == 0700, "and mode= still applies to it");
	is_str(mount_at(&a->plan, 1)->src, "a b", "a quoted symlink target");
	applied_free(a);
}

/* One error per problem, however many there are, and nothing else: the
 * number profile_apply returns is the number of messages it added. */
static void test_error_count(void)
{
	struct applied *a;
	char *file, *want, *want2;

	/* A tmpfs line whose mode= was taken but whose tmpfs failed leaves
	 * nothing behind for the lines after it. */
	file = write_profile("pending1", "[mounts]\ntmpfs = tmp mode=1777\nproc = /proc\n");
	want = xasprintf("%s:2: 'tmp' is not an absolute path", file);
	a = APPLY("pending1");
	check(diag_is(&a->d, 1, want) && a->errors == 1, "a failed tmpfs with mode=: one error");
	applied_free(a);
	free(want), free(file);
	file = write_profile("pending2", "[mounts]\ntmpfs = /t1 /t2 size=1M\ndev = /dev\n");
	want = xasprintf("%s:2: tmpfs takes DEST (1 word), not 2", file);
	a = APPLY("pending2");
	check(diag_is(&a->d, 1, want) && a->errors == 1, "a tmpfs with size= and two paths: one error");
	applied_free(a);
	free(want), free(file);

	/* A line of several words reports each bad one, and counts each. */
	file = write_profile("twowords", "[env]\nunset = A=1 B=2\n");
	want = xasprintf("%s:2: 'A=1' is not a variable name", file);
	want2 = xasprintf("%s:2: 'B=2' is not a variable name", file);
	a = APPLY("twowords");
	check(diag_is(&a->d, 2, want, want2), "two bad words on one line: two messages");
	ok(a->errors == 2, "and two errors counted (%zu)", a->errors);
	applied_free(a);
	free(want), free(want2), free(file);

	/* All together. */
	file = write_profile("many", "[mounts]\n"				  /* 1 */
					   "tmpfs = tmp mode=1777\n"		  /* 2 */
					   "proc = /proc\n"			  /* 3 */
					   "tmpfs = /t1 /t2 mode=1777\n"	  /* 4 */
					   "dev = /dev\n"			  /* 5 */
					   "bind-cwd = maybe\n"			  /* 6 */
					   "[env]\n"				  /* 7 */
					   "unset = A=1 B=2\n"			  /* 8 */
					   "set = NOEQUALS\n"			  /* 9 */
					   "[namespaces]\n"			  /* 10 */
					   "ipc = perhaps\n");			  /* 11 */
	char *l2 = xasprintf("%s:2: 'tmp' is not an absolute path", file);
	char *l4 = xasprintf("%s:4: tmpfs takes DEST (1 word), not 2", file);
	char *l6 = xasprintf("%s:6: bind-cwd: 'maybe' is not yes or no", file);
	char *l8a = xasprintf("%s:8: 'A=1' is not a variable name", file);
	char *l8b = xasprintf("%s:8: 'B=2' is not a variable name", file);
	char *l9 = xasprintf("%s:9: set: 'NOEQUALS' is not VAR=VALUE", file);
	char *l11 = xasprintf("%s:11: ipc: 'perhaps' is not yes or no", file);
	a = APPLY("many");

	ok(a->errors == a->d.n, "errors returned (%zu) == messages added (%zu)", a->errors, a->d.n);
	check(diag_is(&a->d, 7, l2, l4, l6, l8a, l8b, l9, l11),
	   "every bad value is reported, in file order, and nothing else");
	ok(a->errors == 7, "seven problems, seven errors (%zu)", a->errors);
	applied_free(a);
	free(l2), free(l4), free(l6), free(l8a), free(l8b), free(l9), free(l11), free(file);

	/* The same holds with a parse error and a parent's errors. */
	free(write_profile("brokenparent", "[mounts]\nproc\n"));
	file = write_profile("brokenchild", "[profile]\ninherit = brokenparent\n[bogus]\n");
	a = APPLY("brokenchild");
	ok(a->errors == 2 && a->errors == a->d.n,
	   "a child's and its parent's errors are all counted (%zu, %zu messages)", a->errors,
	   a->d.n);
	applied_free(a);
	free(file);

	/* A file with a parse error applies nothing of itself. */
	free(write_profile("halfbroken", "[mounts]\nproc = /proc\nfrobnicate = 1\n"));
	a = APPLY("halfbroken");
	ok(a->errors == 1 && a->plan.n_mounts == 0, "a broken file applies none of its lines");
	applied_free(a);
}

/* ---- applying: finding profiles ------------------------------------------------ */

static void test_find(void)
{
	char *want, *file, *xdg = xasprintf("%s/xdg", dir), *xdgveil = xasprintf("%s/xdg/veil", dir),
			    *other = xasprintf("%s/other", dir);
	struct applied *a;

	a = APPLY("nosuch");
	want = xasprintf("profile nosuch: no profile 'nosuch' on the search path "
			 "($VEIL_PROFILE_PATH, $XDG_CONFIG_HOME/veil, /etc/veil/profiles, "
			 "%s/profiles)",
			 VEIL_DATADIR);
	check(diag_is(&a->d, 1, want) && a->errors == 1, "a missing profile: %s", want);
	applied_free(a);
	free(want);

	file = write_profile("orphan", "[profile]\ninherit = nosuch\n[mounts]\nproc = /proc\n");
	want = xasprintf("%s:2: inherit: no profile 'nosuch' on the search path "
			 "($VEIL_PROFILE_PATH, $XDG_CONFIG_HOME/veil, /etc/veil/profiles, "
			 "%s/profiles)",
			 file, VEIL_DATADIR);
	a = APPLY("orphan");
	check(diag_is(&a->d, 1, want) && a->errors == 1, "a missing inherit target names the line");
	ok(a->plan.n_mounts == 0, "and the child is not applied");
	applied_free(a);
	free(want);
	free(file);

	a = APPLY(".hidden");
	check(diag_is(&a->d, 1, "profile .hidden: '.hidden' is not a profile name") && a->errors == 1,
	   "a name may not start with '.'");
	applied_free(a);

	/* A file found but not readable as a profile ends the search there. */
	want = xasprintf("%s/isdir.ini", dir);
	mkdir(want, 0755);
	file = xasprintf("profile isdir: %s: not a regular file of at most 1 MiB", want);
	a = APPLY("isdir");
	check(diag_is(&a->d, 1, file) && a->errors == 1, "a directory is not a profile");
	applied_free(a);
	rmdir(want);
	free(want);
	free(file);

	/* The built-in copy is the last resort. */
	a = APPLY("build");
	check(no_errors(a) && a->plan.root.origin && strstr(a->plan.root.origin, "/default.ini:8"),
	      "build and its parent default come from the shipped copies");
	ok((a->b.unshare & CLONE_NEWNET) && (a->b.unshare & CLONE_NEWIPC),
	   "build adds net and ipc namespaces");
	applied_free(a);

	/* $XDG_CONFIG_HOME/veil comes before it... */
	mkdir(xdg, 0755);
	mkdir(xdgveil, 0755);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	want = xasprintf("%s/build.ini", xdgveil);
	{
		FILE *f = fopen(want, "w");
		fputs("[namespaces]\nhostname = from-xdg\n", f);
		fclose(f);
	}
	a = APPLY("build");
	is_str(a->plan.hostname.value, "from-xdg", "$XDG_CONFIG_HOME/veil shadows the built-in copy");
	applied_free(a);

	/* ...and $VEIL_PROFILE_PATH before that, its directories in order. */
	mkdir(other, 0755);
	free(write_profile("build", "[namespaces]\nhostname = from-path\n"));
	a = APPLY("build");
	is_str(a->plan.hostname.value, "from-path", "$VEIL_PROFILE_PATH comes first");
	applied_free(a);
	{
		char *p = xasprintf("%s/build.ini", other);
		FILE *f = fopen(p, "w");
		fputs("[namespaces]\nhostname = from-other\n", f);
		fclose(f);
		char *path = xasprintf("%s:%s", other, dir);
		setenv("VEIL_PROFILE_PATH", path, 1);
		a = APPLY("build");
		is_str(a->plan.hostname.value, "from-other", "the first directory that has it wins");
		applied_free(a);
		a = APPLY("build.ini");
		is_str(a->plan.hostname.value, "from-other", "NAME.ini is NAME");
		applied_free(a);
		setenv("VEIL_PROFILE_PATH", dir, 1);
		unlink(p);
		free(p);
		free(path);
	}

	/* A name with a '/' is a file, wherever it is. */
	a = APPLY(want);
	is_str(a->plan.hostname.value, "from-xdg", "a path is read as a file");
	file = xasprintf("%s:2", want);
	is_str(a->plan.hostname.origin, file, "and its lines are named by that path");
	applied_free(a);
	free(file);

	unlink(want);
	file = file_of("build"); /* not to shadow the shipped one in later tests */
	unlink(file);
	free(file);
	rmdir(xdgveil);
	rmdir(xdg);
	rmdir(other);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	free(want);
	free(xdg);
	free(xdgveil);
	free(other);
}

/* ---- applying: inheritance -------------------------------------------------------- */

/* A child's lines apply after all of its parent's: the parent sets up, the
 * child adds to it or changes it. */
static void test_inherit_order(void)
{
	char *parent = write_profile("parent", "[profile]\n"
					       "description = the parent\n"
					       "[namespaces]\n"
					       "hostname = parent\n"
					       "[mounts]\n"
					       "proc = /proc\n"		 /* 6 */
					       "tmpfs = /tmp\n"		 /* 7 */
					       "[env]\n"
					       "set = WHO=parent\n");	 /* 9 */
	char *child = write_profile("child", "[mounts]\n"
					     "dir = /tmp/child\n"	 /* 2 */
					     "[profile]\n"
					     "inherit = parent\n"	 /* 4: may come anywhere */
					     "[env]\n"
					     "set = WHO=child\n"	 /* 6 */
					     "[namespaces]\n"
					     "hostname = child\n");	 /* 8 */
	char *o_proc = xasprintf("%s:6", parent), *o_tmp = xasprintf("%s:7", parent),
	     *o_dir = xasprintf("%s:2", child), *o_host = xasprintf("%s:8", child);
	struct applied *a = APPLY("child");

	check(no_errors(a), "child of parent applies");
	ok(a->plan.n_mounts == 3, "the parent's two mounts and the child's one (%zu)",
	   a->plan.n_mounts);
	is_str(mount_at(&a->plan, 0)->origin, o_proc, "the parent's first...");
	is_str(mount_at(&a->plan, 1)->origin, o_tmp, "...and second");
	is_str(mount_at(&a->plan, 2)->origin, o_dir,
	       "then the child's, though its [mounts] comes before its inherit");
	ok(a->plan.n_env == 2 && !strcmp(a->plan.env[0].value, "parent") &&
		   !strcmp(a->plan.env[1].value, "child"),
	   "env steps: the parent's, then the child's");
	is_str(a->plan.hostname.value, "child", "a single value: the child's wins");
	is_str(a->plan.hostname.origin, o_host, "and says where it came from");
	applied_free(a);
	free(o_proc), free(o_tmp), free(o_dir), free(o_host), free(parent), free(child);

	/* Three generations. */
	free(write_profile("grandchild", "[profile]\ninherit = child\n[mounts]\ndev = /dev\n"));
	a = APPLY("grandchild");
	check(no_errors(a) && a->plan.n_mounts == 4 && mount_at(&a->plan, 0)->kind == MOUNT_PROC &&
		   mount_at(&a->plan, 3)->kind == MOUNT_DEV,
	   "grandchild: grandparent's steps first, its own last");
	applied_free(a);
}

static void test_inherit_cycle(void)
{
	char *fa = write_profile("cyc-a", "[profile]\ninherit = cyc-b\n[mounts]\nproc = /proc\n");
	char *fb = write_profile("cyc-b", "[mounts]\ntmpfs = /tmp\n[profile]\ninherit = cyc-a\n");
	char *fs = write_profile("cyc-self", "[profile]\ninherit = cyc-self\n");
	char *fc = write_profile("cyc-c", "[profile]\ninherit = cyc-a\n");
	char *want = xasprintf("%s:4: inherit: inheritance cycle: cyc-a -> cyc-b -> cyc-a", fb);
	struct applied *a = APPLY("cyc-a");

	check(diag_is(&a->d, 1, want) && a->errors == 1, "a cycle names its chain: %s", want);
	ok(a->plan.n_mounts == 0, "and nothing of it is applied");
	applied_free(a);
	free(want);

	want = xasprintf("%s:2: inherit: inheritance cycle: cyc-self -> cyc-self", fs);
	a = APPLY("cyc-self");
	check(diag_is(&a->d, 1, want) && a->errors == 1, "a profile inheriting itself");
	applied_free(a);
	free(want);

	want = xasprintf("%s:4: inherit: inheritance cycle: cyc-a -> cyc-b -> cyc-a", fb);
	a = APPLY("cyc-c");
	check(diag_is(&a->d, 1, want) && a->errors == 1,
	   "a cycle further up names only the profiles in it");
	applied_free(a);
	free(want), free(fa), free(fb), free(fs), free(fc);

	/* Not a cycle: one parent of two profiles applied in turn.  It is
	 * applied once, with the first; the second adds only its own lines. */
	free(write_profile("base", "[mounts]\nproc = /proc\n"));
	free(write_profile("left", "[profile]\ninherit = base\n[mounts]\ntmpfs = /left\n"));
	free(write_profile("right", "[profile]\ninherit = base\n[mounts]\ntmpfs = /right\n"));
	a = APPLY("left", "right");
	check(no_errors(a) && a->plan.n_mounts == 3, "a shared parent is not a cycle");
	ok(mount_at(&a->plan, 0)->kind == MOUNT_PROC && !strcmp(mount_at(&a->plan, 1)->dest, "/left") &&
		   !strcmp(mount_at(&a->plan, 2)->dest, "/right"),
	   "and is applied once, before the first profile that inherits it");
	applied_free(a);

	/* A chain of 16 profiles is fine; a 17th is too deep. */
	for (int i = 0; i < 17; i++) {
		char name[16], text[64];
		snprintf(name, sizeof name, "deep%d", i);
		if (i < 16)
			snprintf(text, sizeof text, "[profile]\ninherit = deep%d\n", i + 1);
		else
			snprintf(text, sizeof text, "[mounts]\nproc = /proc\n");
		free(write_profile(name, text));
	}
	a = APPLY("deep1");
	check(no_errors(a) && a->plan.n_mounts == 1, "16 profiles deep is fine");
	applied_free(a);
	char *f15 = file_of("deep15");
	want = xasprintf("%s:2: inherit: profiles inherit more than 16 deep", f15);
	a = APPLY("deep0");
	check(diag_is(&a->d, 1, want) && a->errors == 1, "17 deep is not");
	applied_free(a);
	free(want);
	free(f15);
}

/* inherit = NAME is looked up on the search path; a parent named by a
 * relative path (with a '/') is relative to the file that names it. */
static void test_inherit_path(void)
{
	char *sub = xasprintf("%s/sub", dir), *base = xasprintf("%s/sub/base.ini", dir),
	     *child = xasprintf("%s/sub/child.ini", dir);
	FILE *f;
	struct applied *a;

	mkdir(sub, 0755);
	f = fopen(base, "w");
	fputs("[mounts]\nproc = /proc\n", f);
	fclose(f);
	f = fopen(child, "w");
	fputs("[profile]\ninherit = ./base.ini\n[mounts]\ntmpfs = /tmp\n", f);
	fclose(f);
	a = APPLY(child);
	check(no_errors(a) && a->plan.n_mounts == 2, "inherit = ./base.ini beside the file");
	ok(!strncmp(mount_at(&a->plan, 0)->origin, sub, strlen(sub)) &&
		   strstr(mount_at(&a->plan, 0)->origin, "/base.ini:2"),
	   "found next to the child, not in the cwd (%s)", mount_at(&a->plan, 0)->origin);
	applied_free(a);
	unlink(child);
	unlink(base);
	rmdir(sub);
	free(sub), free(base), free(child);
}

/* [mounts] clear = yes forgets the mount steps so far (the parent's), but
 * not the root: a child that wants other mounts starts over. */
static void test_clear_mounts(void)
{
	char *c;
	struct applied *a;

	free(write_profile("mparent", "[root]\npath = /\nreadonly = yes\n"
				      "[mounts]\nproc = /proc\ntmpfs = /tmp\n"));
	c = write_profile("mclear", "[profile]\ninherit = mparent\n"
				    "[mounts]\nclear = yes\ntmpfs = /scratch\n");
	a = APPLY("mclear");
	check(no_errors(a) && a->plan.n_mounts == 1, "clear = yes drops the parent's mounts (%zu left)",
	   a->plan.n_mounts);
	is_str(mount_at(&a->plan, 0)->dest, "/scratch", "the child's own are kept");
	ok(a->plan.root.kind == ROOT_BIND && (a->plan.root.flags & STEP_RO),
	   "the root stays as the parent set it");
	applied_free(a);
	free(c);

	free(write_profile("mnoclear", "[profile]\ninherit = mparent\n"
				       "[mounts]\nclear = no\ntmpfs = /scratch\n"));
	a = APPLY("mnoclear");
	check(no_errors(a) && a->plan.n_mounts == 3, "clear = no clears nothing");
	applied_free(a);

	/* Across profiles on one command line: clear drops what came before. */
	free(write_profile("justclear", "[mounts]\nclear = yes\n"));
	a = APPLY("mparent", "justclear");
	check(no_errors(a) && a->plan.n_mounts == 0, "clear in a later profile drops an earlier one's");
	applied_free(a);
}

/* [root]: path is the action root; readonly applies to it, wherever the
 * two lines are in the section.  readonly without path changes the root
 * the parent set. */
static void test_root(void)
{
	char *f, *origin;
	struct applied *a;

	f = write_profile("rootro", "[root]\npath = /tmp\nreadonly = yes\nchdir = /src\n");
	origin = xasprintf("%s:2", f);
	a = APPLY("rootro");
	check(no_errors(a) && a->plan.root.kind == ROOT_BIND, "path sets a bound root");
	is_str(a->plan.root.path, "/tmp", "at the path given");
	ok(a->plan.root.flags & STEP_RO, "readonly = yes makes it read-only");
	is_str(a->plan.root.origin, origin, "the root comes from the path line");
	is_str(a->plan.chdir.value, "/src", "chdir");
	applied_free(a);
	free(origin), free(f);

	free(write_profile("rootro-first", "[root]\nreadonly = yes\npath = /tmp\n"));
	a = APPLY("rootro-first");
	check(no_errors(a) && (a->plan.root.flags & STEP_RO), "readonly before path applies too");
	applied_free(a);

	free(write_profile("rootrw", "[root]\npath = /tmp\nreadonly = no\n"));
	a = APPLY("rootrw");
	check(no_errors(a) && a->plan.root.kind == ROOT_BIND && !(a->plan.root.flags & STEP_RO),
	   "readonly = no: read-write");
	applied_free(a);

	free(write_profile("rootdefault", "[root]\npath = /tmp\n"));
	a = APPLY("rootdefault");
	check(no_errors(a) && !(a->plan.root.flags & STEP_RO), "without readonly: read-write");
	applied_free(a);

	/* Without path: the inherited root. */
	free(write_profile("rootunlock", "[profile]\ninherit = rootro\n[root]\nreadonly = no\n"));
	a = APPLY("rootunlock");
	check(no_errors(a) && a->plan.root.kind == ROOT_BIND && !(a->plan.root.flags & STEP_RO),
	   "readonly = no alone makes the parent's read-only root read-write");
	is_str(a->plan.root.path, "/tmp", "the parent's path");
	applied_free(a);
	free(write_profile("rootlock", "[profile]\ninherit = rootrw\n[root]\nreadonly = yes\n"));
	a = APPLY("rootlock");
	check(no_errors(a) && (a->plan.root.flags & STEP_RO),
	   "readonly = yes alone makes the parent's read-write root read-only");
	applied_free(a);

	/* The default profile's root, locked from a later profile. */
	free(write_profile("unlockdefault", "[root]\nreadonly = no\n"));
	a = APPLY("default", "unlockdefault");
	check(no_errors(a) && !(a->plan.root.flags & STEP_RO),
	   "readonly alone applies to the root of an earlier profile too");
	applied_free(a);
}

/* [namespaces]: yes adds one, no takes away one an earlier profile added;
 * user also takes auto (only when not root). */
static void test_namespaces(void)
{
	struct applied *a;
	struct verr err;

	free(write_profile("ns-on", "[namespaces]\nnet = yes\nipc = yes\nuts = yes\ncgroup = yes\n"
				    "user = yes\nmount = yes\npid = yes\n"));
	free(write_profile("ns-off", "[namespaces]\nnet = no\nuts = no\nuser = auto\n"));
	a = APPLY("ns-on");
	check(no_errors(a) && builder_finish(&a->b, &err) == 0, "every namespace on");
	ok(a->plan.namespaces == (CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC |
				  CLONE_NEWUTS | CLONE_NEWCGROUP | CLONE_NEWUSER),
	   "mount, pid, net, ipc, uts, cgroup, user");
	applied_free(a);
	a = APPLY("ns-on", "ns-off");
	check(no_errors(a) && builder_finish(&a->b, &err) == 0, "then some off");
	ok(a->plan.namespaces == (CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWCGROUP),
	   "a later profile's no undoes an earlier yes; user = auto as root is none");
	applied_free(a);

	/* user = nobody: the build profile's, which a later user line replaces. */
	a = APPLY("build");
	check(no_errors(a) && builder_finish(&a->b, &err) == 0, "build");
	ok(a->plan.outside_nobody && strstr(a->plan.outside_nobody, "build.ini") &&
		   (a->plan.namespaces & CLONE_NEWUSER),
	   "build: user = nobody, from build.ini");
	applied_free(a);
	a = APPLY("build", "ns-off");
	check(no_errors(a) && builder_finish(&a->b, &err) == 0, "build, then user = auto");
	ok(!a->plan.outside_nobody && !(a->plan.namespaces & CLONE_NEWUSER),
	   "a later user = auto replaces nobody: as root, no user namespace");
	applied_free(a);
}

/* [security] new-session: yes is --new-session; no adds nothing, so a
 * parent's yes stays; anything else is an error. */
static void test_new_session(void)
{
	struct applied *a;

	free(write_profile("sess-on", "[security]\nnew-session = yes\n"));
	free(write_profile("sess-off", "[security]\nnew-session = no\n"));
	a = APPLY("sess-off");
	check(no_errors(a) && !a->plan.security.new_session, "new-session = no: none");
	applied_free(a);
	a = APPLY("sess-on");
	check(no_errors(a) && a->plan.security.new_session, "new-session = yes: a new session");
	applied_free(a);
	a = APPLY("sess-on", "sess-off");
	check(no_errors(a) && a->plan.security.new_session, "a later no does not undo it");
	applied_free(a);
	a = APPLY("strict");
	check(no_errors(a) && a->plan.security.new_session, "the strict profile has it");
	applied_free(a);
	value_error("sess-bad", "[security]\nnew-session = maybe\n", 2,
		    "new-session: 'maybe' is not yes or no");
}

/* [security] pty: yes is --pty, as for new-session; strict has it. */
static void test_pty(void)
{
	struct applied *a;

	free(write_profile("pty-on", "[security]\npty = yes\n"));
	free(write_profile("pty-off", "[security]\npty = no\n"));
	a = APPLY("pty-off");
	check(no_errors(a) && !a->plan.security.pty, "pty = no: none");
	applied_free(a);
	a = APPLY("pty-on", "pty-off");
	check(no_errors(a) && a->plan.security.pty, "pty = yes, and a later no does not undo it");
	applied_free(a);
	a = APPLY("default");
	check(no_errors(a) && !a->plan.security.pty, "the default profile has none");
	applied_free(a);
	a = APPLY("strict");
	check(no_errors(a) && a->plan.security.pty, "the strict profile has it");
	applied_free(a);
	value_error("pty-bad", "[security]\npty = always\n", 2, "pty: 'always' is not yes or no");
}

/* [security] nested-userns: yes is --nested-userns. */
static void test_nested_userns(void)
{
	struct applied *a;

	free(write_profile("userns-on", "[security]\nnested-userns = yes\n"));
	free(write_profile("userns-off", "[security]\nnested-userns = no\n"));
	a = APPLY("userns-off");
	check(no_errors(a) && !a->plan.security.nested_userns, "nested-userns = no: refused");
	applied_free(a);
	a = APPLY("userns-on");
	check(no_errors(a) && a->plan.security.nested_userns &&
		      strstr(a->plan.security.nested_userns, "userns-on"),
	      "nested-userns = yes, with the profile line as its origin");
	applied_free(a);
	for (const char *const *p = (const char *const[]){ "default", "build", "cram", "buildbarn",
							   "bazel", "strict", NULL };
	     *p; p++) {
		a = APPLY(*p);
		check(no_errors(a) && !a->plan.security.nested_userns,
		      "the %s profile does not allow them", *p);
		applied_free(a);
	}
	value_error("userns-bad", "[security]\nnested-userns = maybe\n", 2,
		    "nested-userns: 'maybe' is not yes or no");
}

/* [security] landlock and host-sockets: yes or no, the last one counts;
 * the shipped profiles hide unix sockets made outside but for default. */
static void test_landlock(void)
{
	static const char *const hidden[] = { "build", "cram", "strict", "buildbarn", "bazel" };
	struct applied *a;

	free(write_profile("ll-off", "[security]\nlandlock = no\n"));
	free(write_profile("ll-on", "[security]\nlandlock = yes\nhost-sockets = no\n"));
	a = APPLY("ll-off");
	check(no_errors(a) && a->plan.landlock.off, "landlock = no: off");
	applied_free(a);
	a = APPLY("ll-off", "ll-on");
	check(no_errors(a) && !a->plan.landlock.off && !a->plan.landlock.host_sockets,
	      "a later yes turns it back on");
	applied_free(a);
	a = APPLY("default");
	check(no_errors(a) && !a->plan.landlock.off && a->plan.landlock.host_sockets,
	      "default: on, the host's unix sockets reachable");
	applied_free(a);
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		a = APPLY(hidden[i]);
		check(no_errors(a) && !a->plan.landlock.off && !a->plan.landlock.host_sockets,
		      "%s: on, unix sockets made outside hidden", hidden[i]);
		applied_free(a);
	}
	a = APPLY("build", "ll-off");
	check(no_errors(a) && a->plan.landlock.off, "a profile on top can turn it off");
	applied_free(a);
	value_error("ll-bad", "[security]\nlandlock = maybe\n", 2,
		    "'maybe' is not yes or no");
	value_error("hs-bad", "[security]\nhost-sockets = some\n", 2,
		    "'some' is not yes or no");
}

/* [env]: clear, keep, set and unset become env steps, in file order. */
static void test_env(void)
{
	struct applied *a;

	free(write_profile("env", "[env]\nclear = yes\nkeep = TERM HOME\nset = PATH=/bin:/usr/bin\n"
				  "set = EMPTY=\nset = EQ=a=b\nunset = TZ LANG\n"));
	a = APPLY("env");
	check(no_errors(a) && a->plan.n_env == 8, "eight env steps (%zu)", a->plan.n_env);
	if (a->plan.n_env == 8) {
		ok(a->plan.env[0].kind == ENV_CLEAR, "clear");
		ok(a->plan.env[1].kind == ENV_KEEP && !strcmp(a->plan.env[1].name, "TERM") &&
			   a->plan.env[2].kind == ENV_KEEP && !strcmp(a->plan.env[2].name, "HOME"),
		   "keep: one step a word");
		ok(a->plan.env[3].kind == ENV_SET && !strcmp(a->plan.env[3].name, "PATH") &&
			   !strcmp(a->plan.env[3].value, "/bin:/usr/bin"),
		   "set VAR=VALUE");
		ok(!strcmp(a->plan.env[4].name, "EMPTY") && !strcmp(a->plan.env[4].value, ""),
		   "set VAR= sets it empty");
		ok(!strcmp(a->plan.env[5].name, "EQ") && !strcmp(a->plan.env[5].value, "a=b"),
		   "the value is everything after the first '='");
		ok(a->plan.env[6].kind == ENV_UNSET && !strcmp(a->plan.env[6].name, "TZ") &&
			   a->plan.env[7].kind == ENV_UNSET && !strcmp(a->plan.env[7].name, "LANG"),
		   "unset: one step a word");
	}
	applied_free(a);
}

/* Several profiles apply in the order given, each with its parents first;
 * a later one adds to or overrides an earlier one. */
static void test_several(void)
{
	char *one = write_profile("one", "[mounts]\nproc = /proc\n[namespaces]\nhostname = one\n");
	char *two = write_profile("two", "[mounts]\ntmpfs = /tmp\n[namespaces]\nhostname = two\n");
	char *o_one = xasprintf("%s:2", one), *o_two = xasprintf("%s:2", two);
	struct applied *a = APPLY("one", "two");

	check(no_errors(a) && a->plan.n_mounts == 2, "one then two");
	is_str(mount_at(&a->plan, 0)->origin, o_one, "one's mount first");
	is_str(mount_at(&a->plan, 1)->origin, o_two, "two's after it");
	is_str(a->plan.hostname.value, "two", "the later host name wins");
	applied_free(a);

	a = APPLY("two", "one");
	is_str(mount_at(&a->plan, 0)->origin, o_two, "the other way round: two's first");
	is_str(a->plan.hostname.value, "one", "and one's host name");
	applied_free(a);

	/* Errors in several profiles are all reported. */
	free(write_profile("bad1", "[mounts]\nproc = proc\n"));
	free(write_profile("bad2", "[bogus]\n"));
	a = APPLY("bad1", "one", "bad2");
	ok(a->errors == 2 && a->d.n == 2, "an error in each of two profiles: two errors");
	applied_free(a);
	free(o_one), free(o_two), free(one), free(two);
}

/* mode= and size= on a tmpfs or dir line are its --perms and --size. */
static void test_mount_options(void)
{
	struct applied *a;

	free(write_profile("mopts", "[mounts]\ntmpfs = /tmp mode=1777 size=16M\ntmpfs = /t2\n"
				    "dir = /d mode=0700\nbind-try = /no/such /x\n"
				    "ro-bind = /etc /etc\ntmpfs = size=1k mode=0700 /t3\n"));
	a = APPLY("mopts");
	check(no_errors(a) && a->plan.n_mounts == 6, "six mount lines");
	ok(mount_at(&a->plan, 0)->mode == 01777 && mount_at(&a->plan, 0)->size == 16 << 20,
	   "tmpfs with mode= and size=");
	ok(mount_at(&a->plan, 1)->mode == 0755 && mount_at(&a->plan, 1)->size == 0,
	   "the next tmpfs has the defaults again");
	ok(mount_at(&a->plan, 2)->mode == 0700, "dir with mode=");
	ok(mount_at(&a->plan, 3)->flags & STEP_TRY, "bind-try with a missing source is kept, as try");
	ok((mount_at(&a->plan, 4)->flags & STEP_RO) && mount_at(&a->plan, 4)->kind == MOUNT_BIND,
	   "ro-bind");
	ok(mount_at(&a->plan, 5)->mode == 0700 && mount_at(&a->plan, 5)->size == 1024 &&
		   !strcmp(mount_at(&a->plan, 5)->dest, "/t3"),
	   "mode= and size= may come before the destination");
	applied_free(a);
}

/* proc-unmasked and shm-size are [mounts] keys; dev takes size=. */
static void test_kernel_files(void)
{
	struct applied *a;

	free(write_profile("kfs", "[mounts]\nproc = /proc\ndev = /dev size=128k\nshm-size = 1M\n"
				  "proc-unmasked = yes\n"));
	free(write_profile("kfs-no", "[mounts]\nproc = /proc\nproc-unmasked = no\n"));
	a = APPLY("kfs");
	check(no_errors(a) && a->plan.n_mounts == 2, "proc and dev");
	ok(mount_at(&a->plan, 1)->size == 128 << 10, "dev with size=");
	ok(a->plan.shm_size == 1 << 20 && a->plan.shm_size_origin, "shm-size = 1M");
	ok(a->plan.proc_unmasked != NULL, "proc-unmasked = yes");
	applied_free(a);
	a = APPLY("kfs-no");
	check(no_errors(a) && !a->plan.proc_unmasked, "proc-unmasked = no: masked");
	applied_free(a);
	a = APPLY("default");
	check(no_errors(a) && !a->plan.proc_unmasked && a->plan.shm_size == SHM_SIZE_DEFAULT,
	      "the default profile: masked, the default /dev/shm");
	applied_free(a);
	value_error("kfs-bad", "[mounts]\nshm-size = lots\n", 2,
		    "'lots' is not a size (bytes, or a number with k, M, G, T)");
	value_error("kfs-bool", "[mounts]\nproc-unmasked = sure\n", 2,
		    "proc-unmasked: 'sure' is not yes or no");
}

/* The shipped profiles all apply without errors. */
static void test_shipped(void)
{
	static const char *const names[] = { "default", "build", "buildbarn", "bazel", "cram",
					     "strict" };

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct applied *a = apply_list((const char *const[]){ names[i], NULL });
		check(no_errors(a), "shipped profile %s applies", names[i]);
		applied_free(a);
	}
}

int main(void)
{
	if (!mkdtemp(dir)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	/* Only the profiles written here, then the built-in copies. */
	setenv("VEIL_PROFILE_PATH", dir, 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	unsetenv("TMPDIR");

	test_parse_valid();
	test_parse_errors();
	test_parse_all_errors();
	test_bad_values();
	test_quotes();
	test_error_count();
	test_find();
	test_inherit_order();
	test_inherit_cycle();
	test_inherit_path();
	test_clear_mounts();
	test_root();
	test_namespaces();
	test_new_session();
	test_pty();
	test_nested_userns();
	test_landlock();
	test_env();
	test_several();
	test_mount_options();
	test_kernel_files();
	test_shipped();

	for (size_t i = 0; i < n_made; i++) {
		unlink(made[i]);
		free(made[i]);
	}
	rmdir(dir);
	return done();
}
