/* Unit tests for --stats: the JSON string escaper, the object, signal
 * names, the file's life (temporary, commit, abandon), and the options. */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "stats.h"
#include "tap.h"
#include "util.h"

static char *escaped(const char *s)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	json_put_string(s, f);
	fclose(f);
	return buf;
}

static void test_escaper(void)
{
	static const struct {
		const char *in, *out, *what;
	} cases[] = {
		{ "", "\"\"", "the empty string" },
		{ "SIGKILL", "\"SIGKILL\"", "plain ASCII as it is" },
		{ "a\"b", "\"a\\\"b\"", "a quote" },
		{ "a\\b", "\"a\\\\b\"", "a backslash" },
		{ "\\\"", "\"\\\\\\\"\"", "a backslash then a quote" },
		{ "/tmp/x y/z", "\"/tmp/x y/z\"", "a path with a blank; / is not escaped" },
		{ "a\nb\tc\rd", "\"a\\nb\\tc\\rd\"", "newline, tab, carriage return" },
		{ "\b\f", "\"\\b\\f\"", "backspace and form feed" },
		{ "\x01\x1f", "\"\\u0001\\u001f\"", "other control characters as \\u00XX" },
		{ "\x1b[0m", "\"\\u001b[0m\"", "an escape sequence" },
		{ "\x7f", "\"\x7f\"", "DEL is not a control character to JSON" },
		{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"",
		  "UTF-8 passes through" },
		{ "\xff\xfe", "\"\xff\xfe\"", "other bytes above 127 pass through too" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = escaped(cases[i].in);
		is_str(got, cases[i].out, "escaper: %s", cases[i].what);
		free(got);
	}
}

static void test_signal_names(void)
{
	char buf[32];

	is_str(signal_name(SIGKILL, buf, sizeof buf), "SIGKILL", "SIGKILL");
	is_str(signal_name(SIGTERM, buf, sizeof buf), "SIGTERM", "SIGTERM");
	is_str(signal_name(SIGSEGV, buf, sizeof buf), "SIGSEGV", "SIGSEGV");
	is_str(signal_name(SIGSYS, buf, sizeof buf), "SIGSYS", "SIGSYS");
	is_str(signal_name(SIGXCPU, buf, sizeof buf), "SIGXCPU", "SIGXCPU");
	is_str(signal_name(SIGRTMIN, buf, sizeof buf), "SIGRTMIN+0", "SIGRTMIN");
	is_str(signal_name(SIGRTMIN + 3, buf, sizeof buf), "SIGRTMIN+3", "SIGRTMIN+3");
	is_str(signal_name(200, buf, sizeof buf), "200", "no such signal: its number");
}

static char *formatted(const struct action_stats *s)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	stats_format(s, f);
	fclose(f);
	return buf;
}

static void test_format(void)
{
	struct action_stats s = {
		.exit_code = 0, .wall_seconds = 1.5, .user_seconds = 0.25, .system_seconds = 0.125,
		.max_rss_kib = 2048, .setup_seconds = 0.002, .memory_peak_bytes = -1,
		.oom_killed = -1, .pids_peak = -1,
	};
	char *got;

	got = formatted(&s);
	is_str(got, "{\"exit_code\":0,\"signal\":null,\"timed_out\":false,\"wall_seconds\":1.500000,"
		    "\"user_seconds\":0.250000,\"system_seconds\":0.125000,\"max_rss_kib\":2048,"
		    "\"setup_seconds\":0.002000}\n",
	       "no signal, no cgroup: one line, the fields in order");
	free(got);

	s.exit_code = 124;
	s.signal = SIGKILL;
	s.timed_out = true;
	s.setup_seconds = -1;
	got = formatted(&s);
	is_str(got, "{\"exit_code\":124,\"signal\":\"SIGKILL\",\"timed_out\":true,\"wall_seconds\":1.500000,"
		    "\"user_seconds\":0.250000,\"system_seconds\":0.125000,\"max_rss_kib\":2048,"
		    "\"setup_seconds\":null}\n",
	       "timed out, killed, never exec'd: setup is null");
	free(got);

	s = (struct action_stats){ .exit_code = 137, .signal = SIGKILL, .cgroup = true,
				   .cgroup_path = "/sys/fs/cgroup/a \"b\"/veil-1-2",
				   .memory_peak_bytes = 67108864, .oom_killed = 1, .pids_peak = 7 };
	got = formatted(&s);
	ok(got && strstr(got, ",\"cgroup\":\"/sys/fs/cgroup/a \\\"b\\\"/veil-1-2\",\"memory_peak_bytes\":"
			      "67108864,\"oom_killed\":true,\"pids_peak\":7}\n"),
	   "with a cgroup: its path (escaped) and figures");
	free(got);

	s.memory_peak_bytes = -1;
	s.oom_killed = -1;
	s.pids_peak = -1;
	got = formatted(&s);
	ok(got && strstr(got, "\"memory_peak_bytes\":null,\"oom_killed\":null,\"pids_peak\":null}"),
	   "cgroup figures without their controllers: null");
	free(got);

	s.oom_killed = 0;
	got = formatted(&s);
	ok(got && strstr(got, "\"oom_killed\":false"), "oom_killed false");
	free(got);
}

static char *slurp(const char *path)
{
	char buf[4096];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

static size_t entries(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	unsigned long n = 0;

	if (p && fscanf(p, "%lu", &n) != 1)
		n = 99;
	if (p)
		pclose(p);
	free(cmd);
	return n;
}

static void test_file(void)
{
	char dir[] = "/tmp/veil-test-stats-XXXXXX";
	struct stats_file sf;
	struct verr err;
	struct stat st;
	char *path, *text;
	mode_t old;

	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	path = xasprintf("%s/out.json", dir);

	old = umask(022);
	ok(stats_open(path, &sf, &err) == 0, "open: %s", err.msg);
	ok(entries(dir) == 0, "opening leaves nothing in the directory: the file is made at the end");
	ok(fcntl(sf.dirfd, F_GETFD) & FD_CLOEXEC, "the directory's descriptor is close-on-exec");
	/* What the action could do meanwhile: plant the file, or a temporary
	 * of the name it would guess; the commit makes its own and replaces. */
	text = xasprintf("%s/.out.json.000000", dir);
	close(open(text, O_CREAT | O_WRONLY, 0644));
	free(text);
	close(open(path, O_CREAT | O_WRONLY, 0644));
	ok(stats_commit(&sf, "{\"a\":1}\n", &err) == 0, "commit: %s", err.msg);
	stats_abandon(&sf);
	text = slurp(path);
	is_str(text, "{\"a\":1}\n", "the file holds the text, whatever was planted");
	free(text);
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644, "mode 0666 less the umask");
	ok(entries(dir) == 2, "no temporary of veil's left (only the planted one)");
	text = xasprintf("%s/.out.json.000000", dir);
	unlink(text);
	free(text);

	/* A second run replaces it. */
	ok(stats_open(path, &sf, &err) == 0 && stats_commit(&sf, "{}\n", &err) == 0,
	   "a second run: %s", err.msg);
	stats_abandon(&sf);
	text = slurp(path);
	is_str(text, "{}\n", "it replaced the first");
	free(text);

	ok(stats_open(path, &sf, &err) == 0, "open again");
	stats_abandon(&sf);
	ok(entries(dir) == 1, "abandon leaves the file as it was");

	/* The directory is the one opened at start, even when renamed. */
	char *moved = xasprintf("%s.moved", dir);
	char *moved_file = xasprintf("%s/out.json", moved);
	ok(stats_open(path, &sf, &err) == 0 && rename(dir, moved) == 0, "open, then rename the directory");
	ok(stats_commit(&sf, "{\"b\":2}\n", &err) == 0, "commit: %s", err.msg);
	stats_abandon(&sf);
	text = slurp(moved_file);
	is_str(text, "{\"b\":2}\n", "written in the directory opened at start");
	free(text);
	ok(rename(moved, dir) == 0, "renamed back");
	free(moved_file);
	free(moved);
	umask(old);

	/* Errors at start-up. */
	char *missing = xasprintf("%s/no/such/dir/x.json", dir);
	ok(stats_open(missing, &sf, &err) < 0, "a missing directory fails");
	char *want = xasprintf("cannot write %s: No such file or directory", missing);
	is_str(err.msg, want, "and says why");
	free(want);
	free(missing);
	ok(stats_open(dir, &sf, &err) < 0, "a directory fails");
	want = xasprintf("%s: is a directory", dir);
	is_str(err.msg, want, "and says so");
	free(want);
	char *slash = xasprintf("%s/", dir);
	ok(stats_open(slash, &sf, &err) < 0, "a name ending in / fails");
	free(slash);
	ok(entries(dir) == 1, "failures leave nothing behind");

	unlink(path);
	rmdir(dir);
	free(path);
}

static void test_options(void)
{
	struct run *r = RUN_OPS("--root", "/", "--chdir", "/", "--stats", "out.json", "--die-with-parent");
	char *plan;

	ok(r->rc == 0, "--stats FILE --die-with-parent parse: %s", r->err.msg);
	is_str(r->plan.stats.value, "out.json", "the stats path, as given");
	is_str(r->plan.stats.origin, "--stats", "its origin");
	is_str(r->plan.die_with_parent, "--die-with-parent", "die-with-parent's origin");
	plan = plan_printed(&r->plan);
	ok(strstr(plan, "\nlifetime    SIGKILL when veil's parent dies  (--die-with-parent)\n") != NULL,
	   "--dry-run: the lifetime line");
	ok(strstr(plan, "\nstats       out.json  (--stats)\n") != NULL, "--dry-run: the stats line");
	free(plan);
	run_free(r);

	r = RUN_OPS("--stats", "");
	is_str(r->err.msg, "--stats: the file name must not be empty", "an empty name is refused");
	run_free(r);

	r = RUN_OPS("--root", "/", "--chdir", "/", "--stats", "my file.json");
	plan = plan_printed(&r->plan);
	ok(strstr(plan, "\nstats       'my file.json'  (--stats)\n") != NULL,
	   "--dry-run quotes an odd name");
	free(plan);
	run_free(r);

	r = RUN_OPS("--root", "/", "--chdir", "/", "--timeout", "5");
	plan = plan_printed(&r->plan);
	ok(!strstr(plan, "\nstats") && !strstr(plan, "\nlifetime"), "nothing printed when unset");
	free(plan);
	run_free(r);
}

int main(void)
{
	test_escaper();
	test_signal_names();
	test_format();
	test_file();
	test_options();
	return done();
}
