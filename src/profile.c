#include "config.h"

#include <ini.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "profile.h"
#include "util.h"

#define MAX_DEPTH 16

/* How a key's value becomes operations. */
enum how {
	HOW_META,	   /* [profile] keys, kept by the loader */
	HOW_ARGS,	   /* the value's words are the op's arguments */
	HOW_EACH,	   /* the op once for each word */
	HOW_VALUE,	   /* the whole value is the op's one argument */
	HOW_FLAG,	   /* yes: the op; no: nothing */
	HOW_SETVAR,	   /* VAR=VALUE: the op with VAR and VALUE */
	HOW_NAMESPACE,	   /* yes, no or auto */
	HOW_ALWAYS,	   /* only yes: mount and pid are always new */
	HOW_ROOT_PATH,	   /* the root, with readonly from the same file */
	HOW_ROOT_READONLY, /* yes/no; applied with path */
	HOW_CAPS,	   /* none, or the capabilities to keep */
};

struct key_def {
	const char *section, *key;
	enum how how;
	const char *op; /* the ops[] entry it feeds */
	unsigned long ns;
};

static const struct key_def keys[] = {
	{ "profile", "description", HOW_META, NULL, 0 },
	{ "profile", "inherit", HOW_META, NULL, 0 },
	{ "namespaces", "mount", HOW_ALWAYS, NULL, 0 },
	{ "namespaces", "pid", HOW_ALWAYS, NULL, 0 },
	{ "namespaces", "user", HOW_NAMESPACE, NULL, CLONE_NEWUSER },
	{ "namespaces", "net", HOW_NAMESPACE, NULL, CLONE_NEWNET },
	{ "namespaces", "ipc", HOW_NAMESPACE, NULL, CLONE_NEWIPC },
	{ "namespaces", "uts", HOW_NAMESPACE, NULL, CLONE_NEWUTS },
	{ "namespaces", "cgroup", HOW_NAMESPACE, NULL, CLONE_NEWCGROUP },
	{ "namespaces", "hostname", HOW_VALUE, "hostname", 0 },
	{ "root", "path", HOW_ROOT_PATH, NULL, 0 },
	{ "root", "readonly", HOW_ROOT_READONLY, NULL, 0 },
	{ "root", "chdir", HOW_VALUE, "chdir", 0 },
	{ "mounts", "bind", HOW_ARGS, "bind", 0 },
	{ "mounts", "ro-bind", HOW_ARGS, "ro-bind", 0 },
	{ "mounts", "bind-try", HOW_ARGS, "bind-try", 0 },
	{ "mounts", "ro-bind-try", HOW_ARGS, "ro-bind-try", 0 },
	{ "mounts", "dev-bind", HOW_ARGS, "dev-bind", 0 },
	{ "mounts", "dev-bind-try", HOW_ARGS, "dev-bind-try", 0 },
	{ "mounts", "proc", HOW_ARGS, "proc", 0 },
	{ "mounts", "sysfs", HOW_ARGS, "sysfs", 0 },
	{ "mounts", "dev", HOW_ARGS, "dev", 0 },
	{ "mounts", "proc-unmasked", HOW_FLAG, "proc-unmasked", 0 },
	{ "mounts", "shm-size", HOW_VALUE, "shm-size", 0 },
	{ "mounts", "tmpfs", HOW_ARGS, "tmpfs", 0 },
	{ "mounts", "dir", HOW_ARGS, "dir", 0 },
	{ "mounts", "symlink", HOW_ARGS, "symlink", 0 },
	{ "mounts", "remount-ro", HOW_ARGS, "remount-ro", 0 },
	{ "mounts", "chmod", HOW_ARGS, "chmod", 0 },
	{ "mounts", "bind-cwd", HOW_FLAG, "bind-cwd", 0 },
	{ "mounts", "ro-bind-cwd", HOW_FLAG, "ro-bind-cwd", 0 },
	{ "mounts", "keep-tmpdir", HOW_FLAG, "keep-tmpdir", 0 },
	{ "mounts", "clear", HOW_FLAG, "clear-mounts", 0 },
	{ "env", "clear", HOW_FLAG, "clearenv", 0 },
	{ "env", "set", HOW_SETVAR, "setenv", 0 },
	{ "env", "unset", HOW_EACH, "unsetenv", 0 },
	{ "env", "keep", HOW_EACH, "keepenv", 0 },
	{ "security", "capabilities", HOW_CAPS, NULL, 0 },
	{ "security", "seccomp", HOW_VALUE, "seccomp", 0 },
	{ "security", "new-session", HOW_FLAG, "new-session", 0 },
	{ "security", "pty", HOW_FLAG, "pty", 0 },
	{ "security", "nested-userns", HOW_FLAG, "nested-userns", 0 },
	{ "security", "landlock", HOW_VALUE, "landlock", 0 },
	{ "security", "host-sockets", HOW_VALUE, "host-sockets", 0 },
	{ "seccomp", "default-action", HOW_VALUE, "seccomp-default", 0 },
	{ "seccomp", "deny", HOW_EACH, "seccomp-deny", 0 },
	{ "seccomp", "kill", HOW_EACH, "seccomp-kill", 0 },
	{ "seccomp", "log", HOW_EACH, "seccomp-log", 0 },
	{ "seccomp", "allow", HOW_EACH, "seccomp-allow", 0 },
	{ "limits", "timeout", HOW_VALUE, "timeout", 0 },
	{ "limits", "kill-after", HOW_VALUE, "kill-after", 0 },
	{ "limits", "rlimit", HOW_EACH, "rlimit", 0 },
	{ "limits", "memory", HOW_VALUE, "memory", 0 },
	{ "limits", "pids", HOW_VALUE, "pids", 0 },
	{ "limits", "cpu", HOW_VALUE, "cpu", 0 },
	{ "limits", "cgroup-parent", HOW_VALUE, "cgroup-parent", 0 },
};

static bool section_known(const char *section)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].section, section) == 0)
			return true;
	return false;
}

static const struct key_def *key_find(const char *section, const char *key)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].section, section) == 0 && strcmp(keys[i].key, key) == 0)
			return &keys[i];
	return NULL;
}

static void add(struct diag *d, const char *file, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void add(struct diag *d, const char *file, unsigned line, const char *fmt, ...)
{
	struct verr err;
	char msg[sizeof err.msg];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line)
		verr_set(&err, "%s:%u: %s", file, line, msg);
	else
		verr_set(&err, "%s: %s", file, msg);
	diag_add(d, &err);
}

/* ---- parsing ------------------------------------------------------------ */

/* inih reads through this, one line a call, so the line number of the
 * line it hands to the handler is always known, and lines inih would
 * silently split or cut are reported instead. */
struct reader {
	const char *p, *end;
	const char *file;
	unsigned line;
	struct diag *d;
	size_t errors;
	char section[64];
};

static void check_section_line(struct reader *r, const char *s, size_t len)
{
	/* inih skips a UTF-8 byte order mark at the start; so does this. */
	if (r->line == 1 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, len -= 3;
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	if (!len || *s != '[')
		return;
	const char *close = memchr(s, ']', len);
	if (!close)
		return; /* inih reports the syntax error */
	size_t n = (size_t)(close - s - 1);
	snprintf(r->section, sizeof r->section, "%.*s", (int)n, s + 1);
	if (!section_known(r->section)) {
		add(r->d, r->file, r->line, "unknown section [%s]", r->section);
		r->errors++;
	}
}

static char *read_line(char *str, int num, void *stream)
{
	struct reader *r = stream;
	size_t len, max = (size_t)num - 2; /* room for a newline and the NUL */

	if (r->p >= r->end)
		return NULL;
	const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	len = nl ? (size_t)(nl - r->p) : (size_t)(r->end - r->p);
	r->line++;
	if (memchr(r->p, '\0', len)) {
		add(r->d, r->file, r->line, "NUL byte in the line");
		r->errors++;
		len = strnlen(r->p, len);
	}
	check_section_line(r, r->p, len);
	if (len > max) {
		add(r->d, r->file, r->line, "line longer than %zu characters (split the list over "
					    "several lines with the same key)", max);
		r->errors++;
		len = max;
	}
	memcpy(str, r->p, len);
	str[len] = '\n';
	str[len + 1] = '\0';
	r->p = nl ? nl + 1 : r->end;
	return str;
}

struct parse_ctx {
	struct profile *p;
	struct reader *r;
};

static int on_entry(void *user, const char *section, const char *name, const char *value)
{
	struct parse_ctx *ctx = user;
	struct reader *r = ctx->r;
	struct profile *p = ctx->p;
	const struct key_def *k;

	if (!*section) {
		add(r->d, r->file, r->line, "'%s' is outside any [section]", name);
		r->errors++;
		return 1;
	}
	if (!section_known(section))
		return 1; /* reported once, at the section's line */
	k = key_find(section, name);
	if (!k) {
		add(r->d, r->file, r->line, "unknown key '%s' in [%s]", name, section);
		r->errors++;
		return 1;
	}
	if (k->how == HOW_META && strcmp(name, "description") == 0) {
		free(p->description);
		p->description = xstrdup(value);
	} else if (k->how == HOW_META) {
		if (p->inherit) {
			add(r->d, r->file, r->line, "a profile inherits from one parent; 'inherit' "
						    "was already given on line %u", p->inherit_line);
			r->errors++;
			return 1;
		}
		p->inherit = xstrdup(value);
		p->inherit_line = r->line;
	} else {
		grow(&p->entries, &p->cap, p->n, sizeof *p->entries);
		p->entries[p->n++] = (struct profile_entry){ xstrdup(section), xstrdup(name),
							      xstrdup(value), r->line };
	}
	return 1;
}

size_t profile_parse(const char *buf, size_t len, const char *file, struct profile *p,
		     struct diag *d)
{
	struct reader r = { .p = buf, .end = buf + len, .file = file, .d = d };
	struct parse_ctx ctx = { p, &r };
	int bad;

	memset(p, 0, sizeof *p);
	p->file = xstrdup(file);
	bad = ini_parse_stream(read_line, &r, on_entry, &ctx);
	if (bad > 0) {
		/* inih names only the first line it could not parse. */
		add(d, file, (unsigned)bad, "syntax error: expected [section], key = value, or a "
					     "comment");
		r.errors++;
	} else if (bad < 0) {
		add(d, file, 0, "cannot parse");
		r.errors++;
	}
	return r.errors;
}

void profile_free(struct profile *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->entries[i].section);
		free(p->entries[i].key);
		free(p->entries[i].value);
	}
	free(p->entries);
	free(p->file);
	free(p->description);
	free(p->inherit);
	memset(p, 0, sizeof *p);
}

/* ---- values into operations ----------------------------------------------- */

/* Split on blanks; a word may be "double quoted" to hold blanks.  Returns
 * the number of words, or -1 for an unterminated quote. */
static int split_words(const char *value, char ***out)
{
	char **words = NULL;
	size_t n = 0, cap = 0;
	const char *p = value;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *start = p, *end;
		if (*p == '"') {
			start = ++p;
			end = strchr(p, '"');
			if (!end) {
				for (size_t i = 0; i < n; i++)
					free(words[i]);
				free(words);
				return -1;
			}
			p = end + 1;
		} else {
			while (*p && *p != ' ' && *p != '\t')
				p++;
			end = p;
		}
		grow(&words, &cap, n, sizeof *words);
		words[n++] = strndup(start, (size_t)(end - start));
	}
	*out = words;
	return (int)n;
}

static void free_words(char **words, int n)
{
	for (int i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

/* Run one operation for a profile line; its error already names the line. */
static int run_op(struct builder *b, const char *name, char *const *args, const char *origin,
		  struct diag *d)
{
	const struct op *op = op_find(name);
	struct verr err;

	if (!op) {
		verr_set(&err, "%s: veil was built without '%s'", origin, name);
		diag_add(d, &err);
		return -1;
	}
	if (builder_apply(b, op, args, origin, &err) < 0) {
		diag_add(d, &err);
		return -1;
	}
	return 0;
}

/* [mounts] lines: words, with mode= and size= options for tmpfs, dir and dev. */
static int apply_args(struct builder *b, const struct key_def *k, const struct profile_entry *e,
		      const char *origin, struct diag *d)
{
	const struct op *op = op_find(k->op);
	char **words;
	char *args[2];
	int n = split_words(e->value, &words), nargs = 0, rc = 0;

	if (n < 0) {
		add(d, origin, 0, "unterminated \" in '%s'", e->value);
		return -1;
	}
	for (int i = 0; i < n && rc == 0; i++) {
		bool is_mode = !strncmp(words[i], "mode=", 5), is_size = !strncmp(words[i], "size=", 5);
		bool takes = op && (op->flags & (is_mode ? OP_TAKES_PERMS : OP_TAKES_SIZE));
		if ((is_mode || is_size) && takes) {
			char *opt[1] = { words[i] + 5 };
			rc = run_op(b, is_mode ? "perms" : "size", opt, origin, d);
		} else if (nargs < 2) {
			args[nargs++] = words[i];
		} else {
			nargs++;
		}
	}
	if (rc == 0 && op && nargs != op->nargs) {
		add(d, origin, 0, "%s takes %s (%d word%s), not %d", e->key, op->args, op->nargs,
		    op->nargs == 1 ? "" : "s", nargs);
		rc = -1;
	}
	if (rc == 0)
		rc = run_op(b, k->op, args, origin, d);
	/* A mode= or size= whose line failed must not wait for the next line. */
	b->have_perms = b->have_size = false;
	free_words(words, n);
	return rc;
}

static int apply_each(struct builder *b, const char *opname, const char *value,
		      const char *origin, struct diag *d)
{
	char **words;
	int n = split_words(value, &words), rc = 0;

	if (n < 0) {
		add(d, origin, 0, "unterminated \" in '%s'", value);
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (run_op(b, opname, &words[i], origin, d) < 0)
			rc = -1;
	free_words(words, n);
	return rc;
}

/* capabilities = none, or the list to keep.  The first such line of a file
 * replaces what its parents kept; later lines of the same file add to it. */
static int apply_caps(struct builder *b, const struct profile *p, const struct profile_entry *e,
		      const char *origin, struct diag *d)
{
	char *all[1] = { "ALL" };
	bool first = true;

	for (const struct profile_entry *o = p->entries; o < e; o++)
		if (!strcmp(o->section, "security") && !strcmp(o->key, "capabilities"))
			first = false;
	if (first && run_op(b, "cap-drop", all, origin, d) < 0)
		return -1;
	if (strcmp(e->value, "none") == 0)
		return 0;
	return apply_each(b, "cap-add", e->value, origin, d);
}

static int apply_namespace(struct builder *b, const struct key_def *k, const char *value,
			   const char *origin, struct diag *d)
{
	bool yes;

	if (strcmp(value, "auto") == 0 && k->ns == CLONE_NEWUSER) {
		builder_set_namespace(b, k->ns, NS_AUTO, origin);
		return 0;
	}
	if (strcmp(value, "nobody") == 0 && k->ns == CLONE_NEWUSER)
		return run_op(b, "nobody", NULL, origin, d);
	if (parse_bool(value, &yes) < 0) {
		add(d, origin, 0, "%s: '%s' is not yes or no%s", k->key, value,
		    k->ns == CLONE_NEWUSER ? ", auto or nobody" : "");
		return -1;
	}
	builder_set_namespace(b, k->ns, yes ? NS_YES : NS_NO, origin);
	return 0;
}

/* [root] readonly applies to the path given in the same file, or without
 * one, to the root inherited from the parent. */
static int apply_root(struct builder *b, const struct profile *p, const struct profile_entry *e,
		      const struct key_def *k, const char *origin, struct diag *d)
{
	bool ro = false, have_ro = false, have_path = false;

	for (size_t i = 0; i < p->n; i++) {
		const struct profile_entry *o = &p->entries[i];
		if (strcmp(o->section, "root") != 0)
			continue;
		if (strcmp(o->key, "path") == 0)
			have_path = true;
		if (strcmp(o->key, "readonly") == 0 && parse_bool(o->value, &ro) == 0)
			have_ro = true;
	}
	if (k->how == HOW_ROOT_PATH) {
		char *args[2] = { e->value, "/" };
		return run_op(b, ro ? "ro-bind" : "bind", args, origin, d);
	}
	if (parse_bool(e->value, &ro) < 0) {
		add(d, origin, 0, "readonly: '%s' is not yes or no", e->value);
		return -1;
	}
	if (have_path || !have_ro)
		return 0; /* applied with the path */
	struct verr err;
	if (builder_root_readonly(b, ro, origin, &err) < 0) {
		diag_add(d, &err);
		return -1;
	}
	return 0;
}

static int apply_entry(struct builder *b, const struct profile *p, const struct profile_entry *e,
		       struct diag *d)
{
	const struct key_def *k = key_find(e->section, e->key);
	char origin[512];
	bool yes;

	snprintf(origin, sizeof origin, "%s:%u", p->file, e->line);
	switch (k->how) {
	case HOW_ARGS:
		return apply_args(b, k, e, origin, d);
	case HOW_EACH:
		return apply_each(b, k->op, e->value, origin, d);
	case HOW_VALUE: {
		char *args[1] = { e->value };
		return run_op(b, k->op, args, origin, d);
	}
	case HOW_FLAG:
		if (parse_bool(e->value, &yes) < 0) {
			add(d, origin, 0, "%s: '%s' is not yes or no", e->key, e->value);
			return -1;
		}
		return yes ? run_op(b, k->op, NULL, origin, d) : 0;
	case HOW_SETVAR: {
		char *eq = strchr(e->value, '=');
		if (!eq) {
			add(d, origin, 0, "set: '%s' is not VAR=VALUE", e->value);
			return -1;
		}
		char *name = strndup(e->value, (size_t)(eq - e->value));
		char *args[2] = { name, eq + 1 };
		int rc = run_op(b, k->op, args, origin, d);
		free(name);
		return rc;
	}
	case HOW_NAMESPACE:
		return apply_namespace(b, k, e->value, origin, d);
	case HOW_ALWAYS:
		if (parse_bool(e->value, &yes) < 0 || !yes) {
			add(d, origin, 0, "%s: the mount and pid namespaces are always new; only "
					  "'yes' is accepted", e->key);
			return -1;
		}
		return 0;
	case HOW_ROOT_PATH:
	case HOW_ROOT_READONLY:
		return apply_root(b, p, e, k, origin, d);
	case HOW_CAPS:
		return apply_caps(b, p, e, origin, d);
	case HOW_META:
		break;
	}
	return 0;
}

/* ---- loading ----------------------------------------------------------------- */

/* inherit = ./base.ini is relative to the file that says it, not to where
 * veil runs; a plain name is looked up on the search path. */
static char *parent_path(const char *file, const char *inherit)
{
	const char *slash = strrchr(file, '/');

	if (inherit[0] == '/' || !strchr(inherit, '/') || !slash ||
	    strncmp(file, BUILTIN_DIR "/", sizeof BUILTIN_DIR) == 0)
		return xstrdup(inherit);
	return xasprintf("%.*s/%s", (int)(slash - file), file, inherit);
}

struct chain {
	const char *files[MAX_DEPTH];
	const char *names[MAX_DEPTH];
	size_t n;
};

static size_t load(struct builder *b, const char *name, const char *from, struct chain *chain,
		   struct diag *d)
{
	struct profile p;
	struct verr err;
	size_t len, errors;
	char *file, *text = profile_find(name, &file, &len, &err);

	if (!text) {
		verr_prefix(&err, "%s", from);
		diag_add(d, &err);
		return 1;
	}
	for (size_t i = 0; i < chain->n; i++) {
		if (strcmp(chain->files[i], file) != 0)
			continue;
		char cycle[512] = "";
		for (size_t j = i; j < chain->n; j++)
			snprintf(cycle + strlen(cycle), sizeof cycle - strlen(cycle), "%s -> ",
				 chain->names[j]);
		verr_set(&err, "%s: inheritance cycle: %s%s", from, cycle, name);
		diag_add(d, &err);
		free(text);
		free(file);
		return 1;
	}
	if (chain->n == MAX_DEPTH) {
		verr_set(&err, "%s: profiles inherit more than %d deep", from, MAX_DEPTH);
		diag_add(d, &err);
		free(text);
		free(file);
		return 1;
	}
	for (size_t i = 0; i < b->n_applied; i++) {
		if (strcmp(b->applied[i], file) == 0) {
			trace("%s: %s was applied already", from, file);
			free(text);
			free(file);
			return 0;
		}
	}
	errors = profile_parse(text, len, file, &p, d);
	free(text);
	free(file);
	chain->files[chain->n] = p.file;
	chain->names[chain->n++] = name;
	if (p.inherit) {
		char parent_from[512];
		char *parent = parent_path(p.file, p.inherit);
		snprintf(parent_from, sizeof parent_from, "%s:%u: inherit", p.file, p.inherit_line);
		errors += load(b, parent, parent_from, chain, d);
		free(parent);
	}
	grow(&b->applied, &b->cap_applied, b->n_applied, sizeof *b->applied);
	b->applied[b->n_applied++] = xstrdup(p.file);
	/* A broken file applies nothing; its parents' errors are still found.
	 * One line can hold several bad words: count the messages. */
	if (errors == 0) {
		size_t before = d->n;
		for (size_t i = 0; i < p.n; i++)
			apply_entry(b, &p, &p.entries[i], d);
		errors += d->n - before;
	}
	chain->n--;
	profile_free(&p);
	return errors;
}

size_t profile_apply(struct builder *b, const char *name, struct diag *d)
{
	struct chain chain = { .n = 0 };
	char from[300];

	snprintf(from, sizeof from, "profile %s", name);
	return load(b, name, from, &chain, d);
}
