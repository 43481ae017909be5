/* Unit tests for the cgroup v2 limits: --memory, --pids, --cpu and
 * --cgroup-parent (values, errors, the --dry-run lines, the [limits] keys),
 * and the parsers of /proc/self/cgroup and /proc/self/mountinfo. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup.h"
#include "harness.h"
#include "profile.h"
#include "tap.h"
#include "util.h"

static char *error_of(char *opt, char *value)
{
	struct run *r = RUN_OPS(opt, value);
	char *msg = r->rc < 0 ? xstrdup(r->err.msg) : NULL;

	run_free(r);
	return msg;
}

static void test_values(void)
{
	struct run *r;
	struct plan p;

	plan_init(&p);
	ok(!cgroup_wanted(&p.cgroup), "by default: no cgroup");
	plan_free(&p);

	r = RUN_OPS("--memory", "512M", "--pids", "256", "--cpu", "1.5");
	ok(r->rc == 0, "--memory 512M --pids 256 --cpu 1.5: %s", r->err.msg);
	ok(r->plan.cgroup.memory == 512ULL << 20, "512M is 512 MiB");
	ok(r->plan.cgroup.pids == 256, "256 processes");
	ok(r->plan.cgroup.cpu == 1.5, "1.5 cores");
	ok(r->plan.cgroup.parent == NULL, "under veil's own cgroup");
	ok(cgroup_wanted(&r->plan.cgroup), "a cgroup is wanted");
	is_str(r->plan.cgroup.memory_origin, "--memory", "memory origin");
	run_free(r);

	r = RUN_OPS("--memory", "1000", "--memory", "2g", "--cpu", ".25", "--cpu", "64");
	ok(r->rc == 0 && r->plan.cgroup.memory == 2ULL << 30 && r->plan.cgroup.cpu == 64,
	   "the later value wins; plain bytes and lower-case units");
	run_free(r);

	r = RUN_OPS("--memory", "1G", "--pids", "10", "--cpu", "2", "--memory", "max", "--pids", "max",
		    "--cpu", "max");
	ok(r->rc == 0 && !cgroup_wanted(&r->plan.cgroup), "max lifts each limit: no cgroup");
	run_free(r);

	r = RUN_OPS("--cgroup-parent", "/sys/fs/cgroup//builds/./a/");
	ok(r->rc == 0, "--cgroup-parent: %s", r->err.msg);
	is_str(r->plan.cgroup.parent, "/sys/fs/cgroup/builds/a", "the parent, normalized");
	ok(cgroup_wanted(&r->plan.cgroup), "a parent alone asks for a cgroup");
	run_free(r);

	r = RUN_OPS("--pids", "4194304", "--cpu", "0.01");
	ok(r->rc == 0, "the largest pids and the smallest cpu: %s", r->err.msg);
	run_free(r);

	static const struct {
		char *opt, *value;
		const char *msg;
	} bad[] = {
		{ "--memory", "0", "--memory: must be more than 0 bytes (or 'max': no limit)" },
		{ "--memory", "lots", "--memory: 'lots' is not a size (bytes, or a number with k, M, G, T)" },
		{ "--memory", "1.5G", "--memory: '1.5G' is not a size (bytes, or a number with k, M, G, T)" },
		{ "--memory", "-1", "--memory: '-1' is not a size (bytes, or a number with k, M, G, T)" },
		{ "--memory", "16777216T", "--memory: '16777216T' is too large" },
		{ "--pids", "0", "--pids: '0' is out of range (1 to 4194304, or 'max')" },
		{ "--pids", "4194305", "--pids: '4194305' is out of range (1 to 4194304, or 'max')" },
		{ "--pids", "99999999999999999999999", "--pids: '99999999999999999999999' is out of range "
						       "(1 to 4194304, or 'max')" },
		{ "--pids", "ten", "--pids: 'ten' is not a number of processes (or 'max')" },
		{ "--pids", "", "--pids: '' is not a number of processes (or 'max')" },
		{ "--pids", "+5", "--pids: '+5' is not a number of processes (or 'max')" },
		{ "--cpu", "0", "--cpu: '0' is out of range (0.01 to 100000 cores, or 'max')" },
		{ "--cpu", "0.001", "--cpu: '0.001' is out of range (0.01 to 100000 cores, or 'max')" },
		{ "--cpu", "100001", "--cpu: '100001' is out of range (0.01 to 100000 cores, or 'max')" },
		{ "--cpu", "1,5", "--cpu: '1,5' is not a number of cores (such as 2 or 1.5, or 'max')" },
		{ "--cpu", "150%", "--cpu: '150%' is not a number of cores (such as 2 or 1.5, or 'max')" },
		{ "--cpu", ".", "--cpu: '.' is not a number of cores (such as 2 or 1.5, or 'max')" },
		{ "--cpu", "1e3", "--cpu: '1e3' is not a number of cores (such as 2 or 1.5, or 'max')" },
		{ "--cgroup-parent", "builds", "--cgroup-parent: 'builds' is not an absolute path" },
		{ "--cgroup-parent", "/a/../b", "--cgroup-parent: '/a/../b' must not contain '..'" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *msg = error_of(bad[i].opt, bad[i].value);
		is_str(msg, bad[i].msg, "%s '%s' is refused", bad[i].opt, bad[i].value);
		free(msg);
	}
}

static void test_dry_run(void)
{
	struct run *r = RUN_OPS("--root", "/", "--chdir", "/", "--memory", "1G", "--pids", "100", "--cpu", "1.5");
	char *plan = plan_printed(&r->plan);

	ok(strstr(plan, "\ncgroup      new, under veil's own\n"
			"cgroup      memory.max=1073741824 memory.swap.max=0  (--memory)\n"
			"cgroup      pids.max=100  (--pids)\n"
			"cgroup      cpu.max=150000 100000  (--cpu)\n") != NULL,
	   "--dry-run: where, then each limit as the file it is written to");
	free(plan);
	run_free(r);

	r = RUN_OPS("--root", "/", "--chdir", "/", "--cgroup-parent", "/builds", "--cpu", "0.333333");
	plan = plan_printed(&r->plan);
	ok(strstr(plan, "\ncgroup      new, under /builds  (--cgroup-parent)\n"
			"cgroup      cpu.max=33333 100000  (--cpu)\n") != NULL,
	   "--dry-run: the parent; the quota rounded to a microsecond");
	free(plan);
	run_free(r);

	r = RUN_OPS("--root", "/", "--chdir", "/", "--rlimit", "nofile=10");
	plan = plan_printed(&r->plan);
	ok(!strstr(plan, "\ncgroup"), "--dry-run: no cgroup line without a limit");
	free(plan);
	run_free(r);
}

static char dir[] = "/tmp/veil-test-cgroup.XXXXXX";

static void test_profile(void)
{
	char *file = xasprintf("%s/limits.ini", dir);
	FILE *f = fopen(file, "w");
	struct plan plan;
	struct builder b;
	struct diag d = { 0 };
	size_t errors;

	fputs("[limits]\nmemory = 512M\npids = 256\ncpu = 1.5\ncgroup-parent = /builds\n", f);
	fclose(f);
	plan_init(&plan);
	builder_init(&b, &plan);
	errors = profile_apply(&b, file, &d);
	ok(errors == 0, "[limits] memory, pids, cpu, cgroup-parent are profile keys");
	ok(plan.cgroup.memory == 512ULL << 20 && plan.cgroup.pids == 256 && plan.cgroup.cpu == 1.5,
	   "with their values");
	is_str(plan.cgroup.parent, "/builds", "cgroup-parent");
	char *origin = xasprintf("%s:3", file);
	is_str(plan.cgroup.pids_origin, origin, "the origin is FILE:LINE");
	free(origin);
	diag_free(&d);
	builder_free(&b);
	plan_free(&plan);

	f = fopen(file, "w");
	fputs("[limits]\nmemory = 0\ncpu = fast\n", f);
	fclose(f);
	plan_init(&plan);
	builder_init(&b, &plan);
	errors = profile_apply(&b, file, &d);
	ok(errors == 2 && d.n == 2, "bad values are errors, each reported");
	char *want = xasprintf("%s:2: must be more than 0 bytes (or 'max': no limit)", file);
	is_str(d.n > 0 ? d.msgs[0] : NULL, want, "memory = 0, with FILE:LINE");
	free(want);
	want = xasprintf("%s:3: 'fast' is not a number of cores (such as 2 or 1.5, or 'max')", file);
	is_str(d.n > 1 ? d.msgs[1] : NULL, want, "cpu = fast, with FILE:LINE");
	free(want);
	diag_free(&d);
	builder_free(&b);
	plan_free(&plan);
	unlink(file);
	free(file);
}

/* This machine's kind: cgroup v1 controllers, with cgroup2 beside them. */
static const char hybrid[] =
	"22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:5 - proc proc rw\n"
	"31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
	"32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
	"35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
	"39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
	"40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd\n"
	"41 31 0:38 / /sys/fs/cgroup/unified rw,relatime shared:9 master:2 - cgroup2 cgroup2 rw\n";

/* Debian 12: cgroup2 alone, on /sys/fs/cgroup. */
static const char pure[] =
	"25 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
	"28 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 "
	"rw,nsdelegate,memory_recursiveprot\n";

/* A container: its cgroup namespace's root mounted, and a mount point
 * with a blank in it (written \040). */
static const char container[] =
	"100 99 0:26 /../.. /weird rw - cgroup2 cgroup2 rw\n"
	"101 99 0:26 / /my\\040cgroups rw,nosuid - cgroup2 cgroup2 rw\n";

static void test_parsers(void)
{
	char *s;

	s = cgroup_v2_path("12:pids:/a\n4:memory:/process_api/1c19\n0::/user.slice/x.scope\n");
	is_str(s, "/user.slice/x.scope", "/proc/self/cgroup: the 0:: line, wherever it is");
	free(s);
	s = cgroup_v2_path("0::/\n");
	is_str(s, "/", "the root cgroup");
	free(s);
	s = cgroup_v2_path("4:memory:/a\n1:name=systemd:/\n");
	ok(s == NULL, "no 0:: line (cgroup v1 only): none");
	free(s);
	s = cgroup_v2_path("0::/no/newline");
	is_str(s, "/no/newline", "a last line without a newline");
	free(s);

	s = cgroup_v2_dir(hybrid, "/");
	is_str(s, "/sys/fs/cgroup/unified", "hybrid: the root is the cgroup2 mount");
	free(s);
	s = cgroup_v2_dir(hybrid, "/veil/a b");
	is_str(s, "/sys/fs/cgroup/unified/veil/a b", "hybrid: a cgroup below it");
	free(s);
	s = cgroup_v2_dir(pure, "/user.slice/user-0.slice/session-1.scope");
	is_str(s, "/sys/fs/cgroup/user.slice/user-0.slice/session-1.scope", "pure cgroup v2");
	free(s);
	s = cgroup_v2_dir("28 22 0:26 / /sys/fs/cgroup rw - cgroup cgroup rw,memory\n", "/");
	ok(s == NULL, "a cgroup v1 mount is not cgroup2");
	free(s);
	s = cgroup_v2_dir("", "/");
	ok(s == NULL, "nothing mounted: none");
	free(s);
	s = cgroup_v2_dir(container, "/x");
	is_str(s, "/my cgroups/x", "a mount whose root is not below the path is skipped; \\040 is a blank");
	free(s);
	s = cgroup_v2_dir("5 1 0:26 /job /job-cg rw - cgroup2 cgroup2 rw\n", "/job/step");
	is_str(s, "/job-cg/step", "a mount of a cgroup below the root");
	free(s);
	s = cgroup_v2_dir("5 1 0:26 /job /job-cg rw - cgroup2 cgroup2 rw\n", "/jobs");
	ok(s == NULL, "/jobs is not below /job");
	free(s);
	s = cgroup_v2_dir("5 1 0:26 / / rw - cgroup2 cgroup2 rw\n", "/a");
	is_str(s, "/a", "cgroup2 mounted on /");
	free(s);
	s = cgroup_v2_dir("bad line\n5 1 0:26 / /cg rw opt:1 opt:2 - cgroup2 none rw\n", "/a");
	is_str(s, "/cg/a", "optional fields; a line that is not one is skipped");
	free(s);

	ok(cgroup_v2_under_mount(hybrid, "/sys/fs/cgroup/unified"), "the mount point is under it");
	ok(cgroup_v2_under_mount(hybrid, "/sys/fs/cgroup/unified/a/b"), "a directory below it");
	ok(!cgroup_v2_under_mount(hybrid, "/sys/fs/cgroup/unifiedx"), "not a longer name");
	ok(!cgroup_v2_under_mount(hybrid, "/sys/fs/cgroup/memory/a"), "not a cgroup v1 directory");
	ok(!cgroup_v2_under_mount(hybrid, "/builds"), "not a cgroup path");
	ok(cgroup_v2_under_mount(pure, "/sys/fs/cgroup/builds"), "pure: below /sys/fs/cgroup");

	s = cgroup_v1_mount(hybrid, "memory");
	is_str(s, "/sys/fs/cgroup/memory", "where v1 has memory");
	free(s);
	s = cgroup_v1_mount(hybrid, "systemd");
	ok(s == NULL, "name=systemd is not a controller named systemd");
	free(s);
	s = cgroup_v1_mount(pure, "memory");
	ok(s == NULL, "pure cgroup v2: no v1 mount");
	free(s);

	ok(cgroup_list_has("cpuset cpu io memory pids\n", "cpu"), "list: cpu");
	ok(cgroup_list_has("cpuset cpu io memory pids\n", "pids"), "list: the last word");
	ok(!cgroup_list_has("cpuset io memory\n", "cpu"), "list: cpuset is not cpu");
	ok(!cgroup_list_has("", "memory"), "list: empty");
	ok(!cgroup_list_has(NULL, "memory"), "list: none");
}

int main(void)
{
	test_values();
	test_dry_run();
	if (mkdtemp(dir)) {
		test_profile();
		rmdir(dir);
	} else {
		ok(0, "mkdtemp");
	}
	test_parsers();
	return done();
}
