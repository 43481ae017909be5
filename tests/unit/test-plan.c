/* Unit tests for the plan builder: argv in, plan (or error) out.  Nothing
 * here needs privileges or touches namespaces. */
#include "config.h"

#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config-guard.h"
#include "profile.h"
#include "plan.h"
#include "harness.h"
#include "tap.h"
#include "util.h"

struct parsed {
	struct plan plan;
	struct builder b;
	struct cli cli;
	struct verr err; /* the first error, if any */
	enum cli_result result;
};

/* Parse a NULL-terminated argv as the command line and build its plan,
 * as user euid in directory cwd. */
static struct parsed *parse_in(const char *cwd, uid_t euid, char **argv)
{
	struct parsed *r = xmalloc(sizeof *r);
	struct diag d = { 0 };
	int argc = 0;

	while (argv[argc])
		argc++;
	plan_init(&r->plan);
	builder_init(&r->b, &r->plan);
	free(r->b.cwd);
	r->b.cwd = xstrdup(cwd);
	r->b.euid = euid;
	/* No $HOME, no configuration directories: test_home and
	 * test_config_guard set their own. */
	free(r->b.home);
	r->b.home = NULL;
	profile_free_dirs(r->b.config_dirs, r->b.n_config_dirs);
	r->b.config_dirs = NULL;
	r->b.n_config_dirs = 0;
	r->err.msg[0] = '\0';
	r->result = cli_parse(argc, argv, &r->cli, &r->err);
	if (r->result == CLI_RUN && cli_build(&r->cli, &r->b, &d) > 0) {
		r->result = CLI_ERROR;
		snprintf(r->err.msg, sizeof r->err.msg, "%s", d.msgs[0]);
	}
	diag_free(&d);
	return r;
}
static struct parsed *parse_as(uid_t euid, char **argv)
{
	return parse_in("/work", euid, argv);
}
#define PARSE(...) parse_as(0, ((char *[]){ "veil", __VA_ARGS__, NULL }))

static bool is_default(const struct plan *plan)
{
	return plan->root.origin && strstr(plan->root.origin, "default.ini");
}

static void parsed_free(struct parsed *r)
{
	cli_free(&r->cli);
	builder_free(&r->b);
	plan_free(&r->plan);
	free(r);
}


static void test_default(void)
{
	struct parsed *r = PARSE("make", "-j8");

	ok(r->result == CLI_RUN, "a bare command parses");
	ok(is_default(&r->plan), "no mount options: the default profile applies");
	ok(r->plan.root.kind == ROOT_BIND && (r->plan.root.flags & STEP_RO), "root is bound read-only");
	is_str(r->plan.root.path, "/", "root is the host's /");
	ok(r->plan.n_mounts == 5, "proc, sysfs, dev, tmp and the working directory");
	ok(r->plan.mounts[0].kind == MOUNT_PROC, "proc first");
	ok(r->plan.mounts[3].kind == MOUNT_TMPFS && r->plan.mounts[3].mode == 01777,
	   "/tmp is a sticky world-writable tmpfs");
	ok(r->plan.mounts[4].kind == MOUNT_BIND && !(r->plan.mounts[4].flags & STEP_RO),
	   "the working directory is bound read-write");
	is_str(r->plan.mounts[4].dest, "/work", "at its own path");
	ok(r->plan.mounts[4].source_is_cwd && r->plan.cwd_fd >= 0,
	   "its source is the directory veil started in, held open, not its path");
	ok(r->plan.namespaces == (CLONE_NEWNS | CLONE_NEWPID), "mount and pid namespaces only");
	is_str(r->plan.argv[0], "make", "the command");
	is_str(r->plan.argv[1], "-j8", "its argument is not taken as an option");
	parsed_free(r);

	r = PARSE("--unshare-net", "--setenv", "A", "b", "--", "true");
	ok(is_default(&r->plan), "options that name no mount keep the default");
	ok(r->plan.namespaces & CLONE_NEWNET, "and add to it");
	parsed_free(r);

	r = PARSE("--dir", "/tmp/x", "--remount-ro", "/work/src", "--symlink", "a", "/tmp/b",
		  "--chmod", "0700", "/tmp/x", "true");
	ok(is_default(&r->plan), "--dir, --remount-ro, --symlink and --chmod refine the default");
	ok(r->plan.n_mounts == 9 && r->plan.mounts[5].kind == MOUNT_DIR,
	   "and apply after it, in order");
	parsed_free(r);

	r = parse_as(1000, (char *[]){ "veil", "true", NULL });
	ok(r->result == CLI_RUN && (r->plan.namespaces & CLONE_NEWUSER),
	   "a caller who is not root gets a user namespace: %s", r->err.msg);
	parsed_free(r);
}

/* The default, built for a given working directory and $TMPDIR. */
static struct parsed *default_for(const char *cwd, const char *tmpdir)
{
	if (tmpdir)
		setenv("TMPDIR", tmpdir, 1);
	else
		unsetenv("TMPDIR");
	return parse_in(cwd, 0, (char *[]){ "veil", "true", NULL });
}

static void test_default_edges(void)
{
	static const char *const unbound[] = { "/", "/proc", "/proc/self", "/sys/fs", "/dev" };
	struct parsed *r;

	for (size_t i = 0; i < sizeof unbound / sizeof unbound[0]; i++) {
		r = default_for(unbound[i], NULL);
		ok(r->plan.n_mounts == 4, "working directory %s is not made writable", unbound[i]);
		parsed_free(r);
	}
	r = default_for("/procedures", NULL);
	ok(r->plan.n_mounts == 5, "but /procedures is not /proc");
	parsed_free(r);

	r = default_for("/src", "/tmp/cram/tmp");
	ok(r->plan.n_mounts == 6 && r->plan.mounts[4].kind == MOUNT_DIR,
	   "$TMPDIR under /tmp is created");
	if (r->plan.n_mounts == 6) {
		is_str(r->plan.mounts[4].dest, "/tmp/cram/tmp", "at its path");
		ok(r->plan.mounts[4].mode == 01777, "sticky and world-writable, like /tmp");
		ok(!(r->plan.mounts[4].flags & STEP_MODE_SET),
		   "a mode for a directory veil makes: one already there keeps its own");
	}
	parsed_free(r);

	r = default_for("/src", "/var/tmp");
	ok(r->plan.n_mounts == 5, "$TMPDIR elsewhere is the host's, visible read-only");
	parsed_free(r);
	r = default_for("/src", "/tmp");
	ok(r->plan.n_mounts == 5, "$TMPDIR=/tmp needs nothing");
	parsed_free(r);
	r = default_for("/src", "/tmp/../etc");
	ok(r->plan.n_mounts == 5, "a $TMPDIR with '..' is ignored");
	parsed_free(r);
	unsetenv("TMPDIR");
}

static void test_explicit_mounts(void)
{
	struct parsed *r = PARSE("--root", "/etc", "--proc", "/proc", "--ro-bind", "/usr", "/usr//",
			      "--perms", "0700", "--size", "1M", "--tmpfs", "/tmp", "--dir", "/a",
			      "--symlink", "usr/bin", "/bin", "--", "sh");

	ok(r->result == CLI_RUN, "explicit mounts parse: %s", r->err.msg);
	ok(!is_default(&r->plan), "named mounts replace the default");
	ok(r->plan.root.kind == ROOT_BIND && !(r->plan.root.flags & STEP_RO), "--root is read-write");
	is_str(r->plan.root.path, "/etc", "--root DIR");
	ok(r->plan.n_mounts == 5, "five steps, in order");
	if (r->plan.n_mounts != 5) {
		parsed_free(r);
		return;
	}
	ok(r->plan.mounts[1].kind == MOUNT_BIND && (r->plan.mounts[1].flags & STEP_RO),
	   "--ro-bind is read-only");
	is_str(r->plan.mounts[1].dest, "/usr", "destinations are normalized");
	ok(r->plan.mounts[2].mode == 0700 && r->plan.mounts[2].size == 1 << 20,
	   "--perms and --size apply to the next --tmpfs");
	ok(r->plan.mounts[3].mode == 0755 && !(r->plan.mounts[3].flags & STEP_MODE_SET),
	   "and only to it");
	is_str(r->plan.mounts[4].src, "usr/bin", "symlink target kept as written");
	is_str(r->plan.mounts[1].origin, "--ro-bind", "each step knows its option");
	parsed_free(r);

	r = PARSE("--ro-bind", "/etc", "/", "--dev", "/dev", "true");
	ok(r->plan.root.kind == ROOT_BIND && (r->plan.root.flags & STEP_RO), "--ro-bind SRC / sets the root");
	ok(r->plan.n_mounts == 1, "and is not a mount step");
	parsed_free(r);

	r = PARSE("--dev-bind", "/", "/", "true");
	ok(r->plan.root.flags == STEP_DEVICES, "--dev-bind SRC / keeps device nodes usable");
	parsed_free(r);

	r = PARSE("--bind-try", "/no/such/root", "/", "true");
	ok(r->result == CLI_RUN && r->plan.root.kind == ROOT_TMPFS,
	   "--bind-try with a missing root is skipped");
	parsed_free(r);

	r = PARSE("--proc", "/proc", "true");
	ok(r->plan.root.kind == ROOT_TMPFS, "mounts without a root start from an empty tmpfs");
	parsed_free(r);

	r = PARSE("--bind-try", "/no/such/path", "/x", "true");
	ok(r->result == CLI_RUN, "--bind-try accepts a missing source");
	parsed_free(r);
}

static void test_namespaces(void)
{
	struct parsed *r = PARSE("--unshare-all", "--share-net", "true");

	ok(!(r->plan.namespaces & CLONE_NEWNET), "--share-net undoes --unshare-all's net");
	ok(r->plan.namespaces & CLONE_NEWIPC, "--unshare-all adds ipc");
	ok(r->plan.namespaces & CLONE_NEWUTS, "uts");
	ok(r->plan.namespaces & CLONE_NEWCGROUP, "cgroup");
	ok(!(r->plan.namespaces & CLONE_NEWUSER), "but not user, for root");
	parsed_free(r);

	r = PARSE("--hostname", "box", "true");
	ok(r->plan.namespaces & CLONE_NEWUTS, "--hostname implies a UTS namespace");
	is_str(r->plan.hostname.value, "box", "and is kept");
	parsed_free(r);
}

static void test_ids(void)
{
	struct parsed *r = PARSE("--uid", "1000", "--gid", "100", "true");
	char *out;

	ok(r->result == CLI_RUN, "--uid and --gid parse");
	ok(r->plan.namespaces & CLONE_NEWUSER, "they imply a user namespace, even for root");
	ok(r->plan.uid.set && r->plan.uid.id == 1000, "uid 1000 inside");
	ok(r->plan.gid.set && r->plan.gid.id == 100, "gid 100 inside");
	is_str(r->plan.ns_origin[0], "--gid", "the user namespace says which option asked for it");
	parsed_free(r);

	r = PARSE("--root", "/etc", "--uid", "0", "true");
	ok(r->plan.uid.set && r->plan.uid.id == 0 && !r->plan.gid.set,
	   "--uid 0 is an id like another; the gid stays the caller's");
	out = plan_printed(&r->plan);
	ok(strstr(out, "namespace   user  (--uid)\n"
		       "uid         0 inside, the caller's outside  (--uid)\n"
		       "propagation") != NULL,
	   "--dry-run prints the id with the namespaces");
	free(out);
	parsed_free(r);

	r = PARSE("true");
	ok(!r->plan.uid.set && !r->plan.gid.set, "no --uid: the caller's own ids");
	parsed_free(r);

	r = PARSE("-p", "build", "true");
	ok(r->plan.outside_nobody && (r->plan.namespaces & CLONE_NEWUSER),
	   "root under build: nobody outside, in a user namespace");
	parsed_free(r);
	r = PARSE("-p", "build", "--no-nobody", "true");
	ok(!r->plan.outside_nobody && !(r->plan.namespaces & CLONE_NEWUSER),
	   "--no-nobody: the caller's ids, and no user namespace for root");
	parsed_free(r);
	r = PARSE("--nobody", "--uid", "5", "--no-nobody", "true");
	ok(!r->plan.outside_nobody && (r->plan.namespaces & CLONE_NEWUSER),
	   "--no-nobody keeps the user namespace --uid asks for");
	parsed_free(r);
	r = PARSE("--no-nobody", "--nobody", "true");
	ok(r->plan.outside_nobody != NULL, "a later --nobody wins");
	parsed_free(r);

	/* Who is uid 0 to the host: veil's BPF head refuses that command
	 * new user namespaces and root's keyrings. */
	r = PARSE("true");
	ok(r->plan.security.root_outside && !r->plan.security.nested_userns,
	   "a root caller's command is root outside");
	parsed_free(r);
	r = PARSE("--unshare-user", "--uid", "1000", "true");
	ok(r->plan.security.root_outside, "in a user namespace of its own, and as --uid 1000, too");
	parsed_free(r);
	r = PARSE("-p", "build", "true");
	ok(!r->plan.security.root_outside, "build: nobody, not root outside");
	parsed_free(r);
	r = PARSE("-p", "build", "--no-nobody", "true");
	ok(r->plan.security.root_outside, "build --no-nobody: root outside");
	parsed_free(r);
	r = parse_as(1000, (char *[]){ "veil", "true", NULL });
	ok(!r->plan.security.root_outside, "a caller who is not root: not root outside");
	parsed_free(r);
	r = PARSE("--nested-userns", "true");
	ok(r->result == CLI_RUN && r->plan.security.root_outside, "--nested-userns: %s", r->err.msg);
	is_str(r->plan.security.nested_userns, "--nested-userns", "recorded with its origin");
	out = plan_printed(&r->plan);
	ok(strstr(out, "seccomp     new user namespaces allowed, the command is root outside  "
		       "(--nested-userns)\n") &&
		   strstr(out, "seccomp     add_key request_key keyctl errno:EPERM  (the command "
			       "is root outside)\n") &&
		   !strstr(out, "CLONE_NEWUSER"),
	   "--dry-run: user namespaces allowed, keyrings still refused");
	free(out);
	parsed_free(r);
	r = PARSE("--nested-userns", "--nobody", "true");
	out = plan_printed(&r->plan);
	ok(!strstr(out, "root outside"), "nobody outside: neither line");
	free(out);
	parsed_free(r);
	char self[32];
	snprintf(self, sizeof self, "%d", (int)getpid());
	r = PARSE("-p", "build", "--bind-source-pid", self, "true");
	ok(r->result == CLI_ERROR && strstr(r->err.msg, "--no-nobody"),
	   "--bind-source-pid under nobody: an error that says what to do");
	parsed_free(r);

	r = parse_as(1000, (char *[]){ "veil", "--uid", "0", "true", NULL });
	ok(r->plan.uid.set && r->plan.uid.id == 0 && (r->plan.namespaces & CLONE_NEWUSER),
	   "a caller who is not root may ask for uid 0 inside");
	is_str(r->plan.ns_origin[0], "--uid", "and the namespace is --uid's, not veil's own");
	parsed_free(r);
}

static void test_env(void)
{
	struct parsed *r = PARSE("--clearenv", "--setenv", "PATH", "/bin", "--unsetenv", "X", "true");

	ok(r->plan.n_env == 3, "three environment steps");
	ok(r->plan.env[0].kind == ENV_CLEAR, "in order: clear");
	ok(r->plan.env[1].kind == ENV_SET, "set");
	is_str(r->plan.env[1].value, "/bin", "with its value");
	ok(r->plan.env[2].kind == ENV_UNSET, "unset");
	parsed_free(r);
}

/* Each bad command line: the exact message veil prints after "veil: ". */
static void test_errors(void)
{
	static const struct {
		char *argv[8];
		const char *msg;
	} cases[] = {
		{ { "veil", "--bogus", "true" },
		  "unknown option '--bogus'\nTry 'veil --help' for more information." },
		{ { "veil", "-x", "true" },
		  "unknown option '-x'\nTry 'veil --help' for more information." },
		{ { "veil", "--bind", "/etc" },
		  "--bind: missing argument DEST (usage: --bind SRC DEST)" },
		{ { "veil", "--tmpfs" }, "--tmpfs: missing argument DEST (usage: --tmpfs DEST)" },
		{ { "veil", "--bind", "/no/such", "/x", "true" },
		  "--bind: source '/no/such': No such file or directory" },
		{ { "veil", "--tmpfs", "tmp", "true" }, "--tmpfs: 'tmp' is not an absolute path" },
		{ { "veil", "--dir", "/a/../b", "true" }, "--dir: '/a/../b' must not contain '..'" },
		{ { "veil", "--perms", "999", "--dir", "/a", "true" },
		  "--perms: '999' is not an octal mode" },
		{ { "veil", "--size", "lots", "--tmpfs", "/t", "true" },
		  "--size: 'lots' is not a size (bytes, or a number with k, M, G, T)" },
		{ { "veil", "--perms", "0700", "--proc", "/proc", "true" },
		  "--perms must be followed by --dir or --tmpfs, not --proc" },
		{ { "veil", "--size", "1M", "--dir", "/a", "true" },
		  "--size must be followed by --tmpfs or --dev, not --dir" },
		{ { "veil", "--perms", "0700", "true" }, "--perms must be followed by --dir or --tmpfs" },
		{ { "veil", "--shm-size", "0", "true" }, "--shm-size: the size must be more than 0" },
		{ { "veil", "--shm-size", "lots", "true" },
		  "--shm-size: 'lots' is not a size (bytes, or a number with k, M, G, T)" },
		{ { "veil", "--root", "/no/such/root", "true" },
		  "--root: root '/no/such/root': No such file or directory" },
		{ { "veil", "--root", "/etc/passwd", "true" },
		  "--root: root '/etc/passwd' is not a directory" },
		{ { "veil", "--proc", "/", "true" },
		  "--proc: the destination must not be / (use --root or --bind SRC /)" },
		{ { "veil", "--setenv", "A=B", "c", "true" }, "--setenv: 'A=B' is not a variable name" },
		{ { "veil", "--verbose=yes", "true" }, "--verbose: takes no argument" },
		{ { "veil", "--dry-run" },
		  "no command given\nUsage: veil [OPTION]... [--] COMMAND [ARG]..." },
		{ { "veil", "--" }, "no command given\nUsage: veil [OPTION]... [--] COMMAND [ARG]..." },
		{ { "veil", "--uid", "-1", "true" }, "--uid: '-1' is not a number (0 to 4294967294)" },
		{ { "veil", "--uid", "4294967295", "true" },
		  "--uid: '4294967295' is out of range (0 to 4294967294)" },
		{ { "veil", "--gid", "root", "true" }, "--gid: 'root' is not a number (0 to 4294967294)" },
		{ { "veil", "--gid" }, "--gid: missing argument N (usage: --gid N)" },
		{ { "veil", "--keep-fd", "x", "true" },
		  "--keep-fd: 'x' is not a number (0 to 2147483647)" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct parsed *r = parse_as(0, (char **)cases[i].argv);
		ok(r->result == CLI_ERROR, "%s %s is an error", cases[i].argv[1],
		   cases[i].argv[2] ? cases[i].argv[2] : "");
		is_str(r->err.msg, cases[i].msg, "with the message for %s", cases[i].argv[1]);
		parsed_free(r);
	}
}

static void test_options_stop_at_command(void)
{
	struct parsed *r = PARSE("-v", "sh", "--bind", "x");

	ok(r->result == CLI_RUN, "options after the command are the command's");
	is_str(r->plan.argv[1], "--bind", "passed through untouched");
	ok(r->b.verbose == 1, "-v before the command is veil's");
	parsed_free(r);

	r = PARSE("--chdir=/src", "-r/etc", "true");
	ok(r->result == CLI_RUN, "--opt=value and -rVALUE forms: %s", r->err.msg);
	is_str(r->plan.chdir.value, "/src", "--chdir=/src");
	is_str(r->plan.root.path, "/etc", "-r/etc");
	parsed_free(r);
}

/* --dev has sizes, --size before it and --shm-size change them;
 * --proc-unmasked is a plan-wide setting, shown on the proc lines. */
static void test_kernel_files(void)
{
	struct parsed *r = PARSE("--proc", "/proc", "--dev", "/dev", "--size", "1M", "--dev", "/d2",
				 "true");
	char *out;

	ok(r->result == CLI_RUN && r->plan.n_mounts == 3, "--proc, two --dev: %s", r->err.msg);
	ok(r->plan.mounts[1].size == DEV_SIZE_DEFAULT && r->plan.mounts[2].size == 1 << 20,
	   "--dev is 64k unless --size comes before it");
	ok(r->plan.shm_size == SHM_SIZE_DEFAULT && !r->plan.shm_size_origin,
	   "/dev/shm is 64M by default");
	ok(!r->plan.proc_unmasked, "proc is masked by default");
	out = plan_printed(&r->plan);
	ok(strstr(out, "proc        /proc masked  (--proc)\n") &&
		   strstr(out, "dev         /dev size=65536 shm-size=67108864  (--dev)\n") &&
		   strstr(out, "dev         /d2 size=1048576 shm-size=67108864  (--dev)\n") &&
		   !strstr(out, "unmasked"),
	   "--dry-run shows the sizes and the masks");
	free(out);
	parsed_free(r);

	r = PARSE("--shm-size", "2M", "--proc-unmasked", "--proc", "/proc", "--sysfs", "/sys",
		  "true");
	ok(r->result == CLI_RUN && r->plan.shm_size == 2 << 20, "--shm-size 2M: %s", r->err.msg);
	is_str(r->plan.proc_unmasked, "--proc-unmasked", "--proc-unmasked, with its origin");
	out = plan_printed(&r->plan);
	ok(strstr(out, "proc        /proc unmasked  (--proc)\n") &&
		   strstr(out, "sysfs       /sys read-only unmasked  (--sysfs)\n") &&
		   strstr(out, "unmasked    proc and sysfs as the kernel makes them: sysctls writable  "
			       "(--proc-unmasked)\n"),
	   "--dry-run shows --proc-unmasked and where it came from");
	free(out);
	parsed_free(r);
}

static void test_print(void)
{
	struct parsed *r = PARSE("--root", "/etc", "--unshare-net", "--proc", "/proc", "--bind-try",
			      "/a b", "/mnt", "--perms", "1777", "--tmpfs", "/tmp", "--setenv", "X",
			      "it's", "--chdir", "/", "sh", "-c", "echo $X");
	char *out = plan_printed(&r->plan);

	is_str(out,
	       "namespaces  mount pid  (always)\n"
	       "namespace   net  (--unshare-net)\n"
	       "propagation / private, recursive\n"
	       "root        /etc read-write  (--root)\n"
	       "proc        /proc masked  (--proc)\n"
	       "bind        '/a b' -> /mnt read-write if-present  (--bind-try)\n"
	       "tmpfs       /tmp mode=1777  (--tmpfs)\n"
	       "setenv      X='it'\\''s'  (--setenv)\n"
	       "chdir       /  (--chdir)\n"
	       "security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none\n"
	       "seccomp     socket families but unix inet inet6 netlink errno:EAFNOSUPPORT  "
	       "(namespace net)\n"
	       "seccomp     io_uring_setup io_uring_enter io_uring_register errno:ENOSYS  "
	       "(namespace net: io_uring makes sockets)\n"
	       "seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  "
	       "(the command is root outside)\n"
	       "seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)\n"
	       "landlock    own domain (no ptrace, no signals out); unix sockets made outside: "
	       "hidden\n"
	       "exec        sh -c 'echo $X'\n",
	       "--dry-run prints every step, its origin, quoted for a shell");
	free(out);
	parsed_free(r);
}

/* bind-cwd of $HOME, or of a directory above it, is refused (read-only,
 * or anywhere else, is not). */
static void test_home(void)
{
	static const struct {
		const char *cwd, *opt;
		bool refused;
	} cases[] = {
		{ "/home/u", "--bind-cwd", true },     { "/home", "--bind-cwd", true },
		{ "/home/u/src", "--bind-cwd", false }, { "/home/u", "--ro-bind-cwd", false },
		{ "/home/uv", "--bind-cwd", false },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct run *r = run_ops((char *[]){ (char *)cases[i].opt, NULL });
		const struct op *op = op_find(cases[i].opt + 2);
		struct verr err;
		int rc;

		free(r->b.cwd);
		r->b.cwd = xstrdup(cases[i].cwd);
		free(r->b.home);
		r->b.home = xstrdup("/home/u");
		rc = builder_apply(&r->b, op, NULL, cases[i].opt, &err);
		ok((rc < 0) == cases[i].refused, "%s in %s with $HOME /home/u: %s", cases[i].opt,
		   cases[i].cwd, cases[i].refused ? "refused" : "bound");
		if (rc < 0 && cases[i].refused)
			ok(strstr(err.msg, "--bind-cwd: the working directory") != NULL &&
				   strstr(err.msg, "run veil from a project's directory") != NULL,
			   "the message names the option, the directory and what to do: %s", err.msg);
		run_free(r);
	}
}

/* veil's configuration directories under a writable bind get a remount-ro
 * step at their path inside; a missing one, at its nearest parent; each
 * directory between it and the bind's root, and each symlink on its path,
 * a pin. */
static void test_config_guard(void)
{
	char dir[] = "/tmp/veil-test-guard.XXXXXX";
	struct run *r;

	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	char *home = xasprintf("%s/home", dir), *conf = xasprintf("%s/home/.config", dir);
	char *veil = xasprintf("%s/veil", conf), *sub = xasprintf("%s/sub", veil);
	char *link = xasprintf("%s/link", home);
	char *dirs[] = { veil, xasprintf("%s/missing/veil", home), xasprintf("%s/veil", link), conf };
	const struct mount_step *m;

	mkdir(home, 0700);
	mkdir(conf, 0700);
	mkdir(veil, 0700);
	mkdir(sub, 0700);
	ok(symlink("./.config/../.config", link) == 0, "symlink");

	r = RUN_OPS("--bind", home, "/h", "--ro-bind", home, "/ro");
	config_guard(&r->plan, dirs, 2);
	ok(r->plan.n_mounts == 5, "three steps added for the writable bind, none for the read-only one");
	m = &r->plan.mounts[2];
	ok(m->kind == MOUNT_PIN && (m->flags & STEP_TRY), "a pin, if present");
	is_str(m->dest, "/h/.config", "at the directory between it and the bind's root");
	m = &r->plan.mounts[3];
	ok(m->kind == MOUNT_REMOUNT_RO && (m->flags & STEP_TRY), "remount-ro, if present");
	is_str(m->dest, "/h/.config/veil", "at the directory's path inside the bind");
	is_str(r->plan.mounts[4].dest, "/h", "a missing one: its nearest existing parent");
	run_free(r);

	r = RUN_OPS("--bind", sub, "/x", "--bind", conf, "/c", "--bind", conf, "/c");
	config_guard(&r->plan, dirs, 1);
	ok(r->plan.n_mounts == 5, "one step for each bind, none twice for one path");
	is_str(r->plan.mounts[3].dest, "/x", "a bind inside the directory is read-only whole");
	is_str(r->plan.mounts[4].dest, "/c/veil", "a bind above it, at the path below");
	run_free(r);

	r = RUN_OPS("--bind", home, "/h");
	config_guard(&r->plan, dirs + 2, 2);
	ok(r->plan.n_mounts == 4, "a symlink on the path: pinned, and what it leads to guarded");
	m = &r->plan.mounts[1];
	ok(m->kind == MOUNT_PIN, "the symlink is pinned");
	is_str(m->dest, "/h/link", "at its own path");
	is_str(r->plan.mounts[2].dest, "/h/.config", "resolved as the kernel would");
	is_str(r->plan.mounts[3].dest, "/h/.config/veil", "then its target, read-only");
	ok(r->plan.mounts[2].kind == MOUNT_REMOUNT_RO, "a pin that is a configuration directory too is read-only");
	run_free(r);

	unlink(link);
	rmdir(sub);
	rmdir(veil);
	rmdir(conf);
	rmdir(home);
	rmdir(dir);
	free(dirs[1]);
	free(dirs[2]);
	free(link);
	free(sub);
	free(veil);
	free(conf);
	free(home);
}

int main(void)
{
	/* Only the profiles built into veil: nothing of this machine's. */
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	unsetenv("VEIL_PROFILE_PATH");
	unsetenv("TMPDIR");
	test_default();
	test_default_edges();
	test_explicit_mounts();
	test_namespaces();
	test_ids();
	test_env();
	test_errors();
	test_options_stop_at_command();
	test_print();
	test_home();
	test_config_guard();
	test_kernel_files();
	return done();
}
