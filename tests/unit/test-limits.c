/* Unit tests for --timeout, --kill-after and --rlimit: parsing, the error
 * messages, the --dry-run lines, and setrlimit() in a child process. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "limit.h"
#include "plan.h"
#include "harness.h"
#include "tap.h"
#include "util.h"

#define PARSE RUN_OPS
#define printed plan_printed

/* The message of a command line that must fail, or NULL if it parses. */
static char *error_of(char *opt, char *value)
{
	struct run *r = PARSE(opt, value);
	char *msg = r->rc < 0 ? xstrdup(r->err.msg) : NULL;

	run_free(r);
	return msg;
}

static void test_durations(void)
{
	struct run *r;
	struct plan p;

	plan_init(&p);
	ok(p.limits.timeout == 0 && p.limits.kill_after == 2,
	   "by default: no timeout, kill-after 2 s");
	plan_free(&p);

	r = PARSE("--timeout", "1.5");
	ok(r->rc == 0, "--timeout 1.5 parses: %s", r->err.msg);
	ok(r->plan.limits.timeout == 1.5, "timeout 1.5 s");
	ok(r->plan.limits.kill_after == 2, "kill-after stays 2 s");
	is_str(r->plan.limits.timeout_origin, "--timeout", "origin");
	ok(r->plan.limits.kill_after_origin == NULL, "kill-after not set");
	run_free(r);

	r = PARSE("--timeout", "10", "--kill-after", "0", "--timeout", ".25");
	ok(r->rc == 0, "--timeout 10, --kill-after 0, .25 parse: %s", r->err.msg);
	ok(r->plan.limits.timeout == 0.25, "the later --timeout wins");
	ok(r->plan.limits.kill_after == 0, "kill-after 0 is allowed");
	is_str(r->plan.limits.kill_after_origin, "--kill-after", "kill-after origin");
	run_free(r);

	r = PARSE("--timeout", "3.", "--kill-after", "0.5");
	ok(r->rc == 0 && r->plan.limits.timeout == 3 && r->plan.limits.kill_after == 0.5,
	   "'3.' and '0.5'");
	run_free(r);

	r = PARSE("--timeout", "1000000000");
	ok(r->rc == 0 && r->plan.limits.timeout == 1e9, "up to 1000000000 s");
	run_free(r);

	static const struct {
		char *opt, *value;
		const char *msg;
	} bad[] = {
		{ "--timeout", "abc", "--timeout: 'abc' is not a number of seconds" },
		{ "--timeout", "", "--timeout: '' is not a number of seconds" },
		{ "--timeout", ".", "--timeout: '.' is not a number of seconds" },
		{ "--timeout", "-1", "--timeout: '-1' is not a number of seconds" },
		{ "--timeout", "+1", "--timeout: '+1' is not a number of seconds" },
		{ "--timeout", "1e3", "--timeout: '1e3' is not a number of seconds" },
		{ "--timeout", "1.5s", "--timeout: '1.5s' is not a number of seconds" },
		{ "--timeout", "0x10", "--timeout: '0x10' is not a number of seconds" },
		{ "--timeout", "1..2", "--timeout: '1..2' is not a number of seconds" },
		{ "--timeout", " 1", "--timeout: ' 1' is not a number of seconds" },
		{ "--timeout", "inf", "--timeout: 'inf' is not a number of seconds" },
		{ "--timeout", "0", "--timeout: must be more than 0 seconds, not '0'" },
		{ "--timeout", "0.000", "--timeout: must be more than 0 seconds, not '0.000'" },
		{ "--timeout", "1000000000.5",
		  "--timeout: '1000000000.5' is too long (at most 1000000000 seconds)" },
		{ "--kill-after", "x", "--kill-after: 'x' is not a number of seconds" },
		{ "--kill-after", "-2", "--kill-after: '-2' is not a number of seconds" },
		{ "--kill-after", "99999999999",
		  "--kill-after: '99999999999' is too long (at most 1000000000 seconds)" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *msg = error_of(bad[i].opt, bad[i].value);
		is_str(msg, bad[i].msg, "%s '%s' is refused", bad[i].opt, bad[i].value);
		free(msg);
	}
}

static void test_format_seconds(void)
{
	static const struct {
		double s;
		const char *text;
	} cases[] = {
		{ 1.5, "1.5" },	   { 2, "2" },		{ 0.1, "0.1" },	      { 0.25, "0.25" },
		{ 3600, "3600" }, { 1e9, "1000000000" }, { 1e-9, "0.000000001" }, { 0, "0" },
	};
	char buf[64];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_str(limits_format_seconds(cases[i].s, buf, sizeof buf), cases[i].text,
		       "%g s is written %s", cases[i].s, cases[i].text);
}

static void test_rlimit_names(void)
{
	static const struct {
		char *arg;
		int resource;
	} names[] = {
		{ "as=1", RLIMIT_AS },		 { "core=1", RLIMIT_CORE },
		{ "cpu=1", RLIMIT_CPU },	 { "data=1", RLIMIT_DATA },
		{ "fsize=1", RLIMIT_FSIZE },	 { "locks=1", RLIMIT_LOCKS },
		{ "memlock=1", RLIMIT_MEMLOCK }, { "msgqueue=1", RLIMIT_MSGQUEUE },
		{ "nice=1", RLIMIT_NICE },	 { "nofile=1", RLIMIT_NOFILE },
		{ "nproc=1", RLIMIT_NPROC },	 { "rss=1", RLIMIT_RSS },
		{ "rtprio=1", RLIMIT_RTPRIO },	 { "rttime=1", RLIMIT_RTTIME },
		{ "sigpending=1", RLIMIT_SIGPENDING }, { "stack=1", RLIMIT_STACK },
	};

	ok(sizeof names / sizeof names[0] == RLIM_NLIMITS, "every RLIMIT_* is tested");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct run *r = PARSE("--rlimit", names[i].arg);
		ok(r->rc == 0 && r->plan.limits.n_rlimits == 1 &&
			   r->plan.limits.rlimits[0].resource == names[i].resource,
		   "--rlimit %s names its RLIMIT_*: %s", names[i].arg, r->err.msg);
		run_free(r);
	}
}

static void test_rlimit_values(void)
{
	struct run *r;
	const struct rlimit_step *s;

	r = PARSE("--rlimit", "nofile=1024");
	s = &r->plan.limits.rlimits[0];
	ok(r->rc == 0 && s->value.rlim_cur == 1024 && s->value.rlim_max == 1024,
	   "one value sets both soft and hard");
	is_str(s->origin, "--rlimit", "origin");
	run_free(r);

	r = PARSE("--rlimit", "nofile=1024:4096");
	s = &r->plan.limits.rlimits[0];
	ok(r->rc == 0 && s->value.rlim_cur == 1024 && s->value.rlim_max == 4096,
	   "SOFT:HARD");
	run_free(r);

	r = PARSE("--rlimit", "core=unlimited", "--rlimit", "as=1G:unlimited", "--rlimit",
		  "stack=8M", "--rlimit", "fsize=0:16k", "--rlimit", "memlock=2t");
	ok(r->rc == 0 && r->plan.limits.n_rlimits == 5, "five limits: %s", r->err.msg);
	s = r->plan.limits.rlimits;
	ok(s[0].value.rlim_cur == RLIM_INFINITY && s[0].value.rlim_max == RLIM_INFINITY,
	   "unlimited alone: both");
	ok(s[1].value.rlim_cur == 1ULL << 30 && s[1].value.rlim_max == RLIM_INFINITY,
	   "1G:unlimited");
	ok(s[2].value.rlim_cur == 8ULL << 20 && s[2].value.rlim_max == 8ULL << 20, "8M");
	ok(s[3].value.rlim_cur == 0 && s[3].value.rlim_max == 16ULL << 10, "0:16k");
	ok(s[4].value.rlim_cur == 2ULL << 40, "2t: suffixes in either case");
	run_free(r);

	r = PARSE("--rlimit", "nofile=10", "--rlimit", "core=0", "--rlimit", "nofile=20:30");
	ok(r->rc == 0 && r->plan.limits.n_rlimits == 2,
	   "a repeated resource replaces its earlier step");
	s = r->plan.limits.rlimits;
	ok(s[0].resource == RLIMIT_NOFILE && s[0].value.rlim_cur == 20 && s[0].value.rlim_max == 30,
	   "the later value wins");
	ok(s[1].resource == RLIMIT_CORE, "other resources keep their place");
	run_free(r);

	r = PARSE("--rlimit", "nofile=18446744073709551615");
	ok(r->rc == 0 && r->plan.limits.rlimits[0].value.rlim_cur == RLIM_INFINITY,
	   "the largest number is unlimited");
	run_free(r);
	r = PARSE("--rlimit", "as=16777215T");
	ok(r->rc == 0, "16777215T fits: %s", r->err.msg);
	run_free(r);

	static const struct {
		char *value;
		const char *msg;
	} bad[] = {
		{ "nofile", "--rlimit: 'nofile' is not NAME=SOFT[:HARD]" },
		{ "", "--rlimit: '' is not NAME=SOFT[:HARD]" },
		{ "files=10",
		  "--rlimit: unknown resource 'files' (one of as, core, cpu, data, fsize, locks, "
		  "memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack)" },
		{ "NOFILE=10",
		  "--rlimit: unknown resource 'NOFILE' (one of as, core, cpu, data, fsize, locks, "
		  "memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack)" },
		{ "=10",
		  "--rlimit: unknown resource '' (one of as, core, cpu, data, fsize, locks, "
		  "memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack)" },
		{ "nofile=", "--rlimit: nofile: '' is not a number or 'unlimited'" },
		{ "nofile=ten", "--rlimit: nofile: 'ten' is not a number or 'unlimited'" },
		{ "nofile=-1", "--rlimit: nofile: '-1' is not a number or 'unlimited'" },
		{ "nofile=1k", "--rlimit: nofile: '1k' is not a number or 'unlimited'" },
		{ "nofile=1:", "--rlimit: nofile: '' is not a number or 'unlimited'" },
		{ "nofile=1:2:3", "--rlimit: nofile: '2:3' is not a number or 'unlimited'" },
		{ "nofile=Unlimited", "--rlimit: nofile: 'Unlimited' is not a number or 'unlimited'" },
		{ "nofile=18446744073709551616", "--rlimit: nofile: '18446744073709551616' is too large" },
		{ "as=1X",
		  "--rlimit: as: '1X' is not a size (bytes, or a number with k, M, G, T) or "
		  "'unlimited'" },
		{ "as=1kb",
		  "--rlimit: as: '1kb' is not a size (bytes, or a number with k, M, G, T) or "
		  "'unlimited'" },
		{ "as=16777216T", "--rlimit: as: '16777216T' is too large" },
		{ "nofile=4096:1024",
		  "--rlimit: nofile: the soft limit (4096) is above the hard limit (1024)" },
		{ "core=unlimited:0",
		  "--rlimit: core: the soft limit (unlimited) is above the hard limit (0)" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *msg = error_of("--rlimit", bad[i].value);
		is_str(msg, bad[i].msg, "--rlimit '%s' is refused", bad[i].value);
		free(msg);
	}

	r = PARSE("--rlimit", "nofile=10", "--rlimit", "nofile=4:2");
	ok(r->rc < 0 && r->plan.limits.n_rlimits == 1 &&
		   r->plan.limits.rlimits[0].value.rlim_cur == 10,
	   "a refused value leaves the plan as it was");
	run_free(r);
}

static void test_print(void)
{
	struct run *r;
	char *out, *chdir_line, *timeout_line, *rlimit_line, *exec_line;

	r = PARSE("--root", "/etc", "--chdir", "/", "--timeout", "1.5", "--rlimit",
		  "nofile=1024:4096", "--rlimit", "core=unlimited");
	out = printed(&r->plan);
	chdir_line = strstr(out, "\nchdir ");
	timeout_line = strstr(out, "\ntimeout     1.5s, then SIGKILL after 2s  (--timeout)\n");
	rlimit_line = strstr(out, "\nrlimit      nofile=1024:4096  (--rlimit)\n"
				  "rlimit      core=unlimited:unlimited  (--rlimit)\n");
	exec_line = strstr(out, "\nexec ");
	ok(timeout_line, "the timeout line");
	ok(rlimit_line, "one line per rlimit");
	ok(chdir_line && timeout_line && rlimit_line && exec_line && chdir_line < timeout_line &&
		   timeout_line < rlimit_line && rlimit_line < exec_line,
	   "after chdir, before security and exec");
	ok(!strstr(rlimit_line + 1, "\nchdir") && !strstr(rlimit_line + 1, "\nsetenv"),
	   "nothing but security and exec after them");
	if (!timeout_line || !rlimit_line)
		tap_diag("printed", out);
	free(out);
	run_free(r);

	r = PARSE("--root", "/etc", "--chdir", "/", "--kill-after", "0", "--timeout", "3600");
	out = printed(&r->plan);
	ok(strstr(out, "\ntimeout     3600s, then SIGKILL at once  (--timeout, --kill-after)\n"),
	   "kill-after 0, and where it came from");
	free(out);
	run_free(r);

	r = PARSE("--root", "/etc", "--chdir", "/", "--kill-after", "0.25");
	out = printed(&r->plan);
	ok(!strstr(out, "timeout") && !strstr(out, "rlimit"),
	   "no lines without a timeout or an rlimit (--kill-after alone does nothing)");
	free(out);
	run_free(r);
}

/* In a child, as the command's process would: apply, then report. */
static int apply_in_child(const struct plan *plan, struct rlimit *got, char *msg, size_t len)
{
	int fds[2], status;
	struct verr err;
	pid_t pid;
	struct {
		int rc;
		struct rlimit rl;
		char msg[sizeof err.msg];
	} res;

	if (pipe(fds) < 0)
		return -2;
	pid = fork();
	if (pid == 0) {
		memset(&res, 0, sizeof res);
		res.rc = limits_apply(&plan->limits, &err);
		if (res.rc < 0)
			snprintf(res.msg, sizeof res.msg, "%s", err.msg);
		getrlimit(RLIMIT_NOFILE, &res.rl);
		if (write(fds[1], &res, sizeof res) != (ssize_t)sizeof res)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	memset(&res, 0, sizeof res);
	if (read(fds[0], &res, sizeof res) != (ssize_t)sizeof res)
		res.rc = -2;
	close(fds[0]);
	waitpid(pid, &status, 0);
	*got = res.rl;
	snprintf(msg, len, "%s", res.msg);
	return res.rc;
}

static void test_apply(void)
{
	struct rlimit now, got;
	char arg[128], msg[sizeof(struct verr)], want[256];
	unsigned long long nr_open = 1048576;
	struct run *r;
	FILE *f;

	getrlimit(RLIMIT_NOFILE, &now);
	/* Lower the soft limit only: allowed to anyone. */
	snprintf(arg, sizeof arg, "nofile=%llu:%llu", (unsigned long long)now.rlim_cur / 2,
		 (unsigned long long)now.rlim_max);
	r = PARSE("--rlimit", arg);
	ok(apply_in_child(&r->plan, &got, msg, sizeof msg) == 0, "limits_apply: %s", msg);
	ok(got.rlim_cur == now.rlim_cur / 2 && got.rlim_max == now.rlim_max,
	   "the child has the limits asked for");
	run_free(r);

	/* Above fs.nr_open, setrlimit fails even for root. */
	f = fopen("/proc/sys/fs/nr_open", "r");
	if (f) {
		if (fscanf(f, "%llu", &nr_open) != 1)
			nr_open = 1048576;
		fclose(f);
	}
	snprintf(arg, sizeof arg, "nofile=%llu", nr_open + 1);
	r = PARSE("--rlimit", arg);
	ok(apply_in_child(&r->plan, &got, msg, sizeof msg) == -1, "a limit the kernel refuses");
	snprintf(want, sizeof want, "--rlimit: cannot set nofile=%llu:%llu: Operation not permitted",
		 nr_open + 1, nr_open + 1);
	is_str(msg, want, "the message names the option and the limit");
	run_free(r);

	r = PARSE(NULL);
	ok(apply_in_child(&r->plan, &got, msg, sizeof msg) == 0 && got.rlim_cur == now.rlim_cur,
	   "no rlimits: nothing changes");
	run_free(r);
}

int main(void)
{
	/* Only the profiles built into veil: nothing of this machine's. */
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	unsetenv("VEIL_PROFILE_PATH");
	unsetenv("TMPDIR");
	test_durations();
	test_format_seconds();
	test_rlimit_names();
	test_rlimit_values();
	test_print();
	test_apply();
	return done();
}
