/* Unit tests for landlock.c's plan side and its choice of ruleset for each
 * Landlock ABI.  Nothing here needs privileges or Landlock;
 * landlock_apply() is covered by tests/cram/hostile-actions.t and
 * hostile-sockets.t. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "landlock.h"
#include "harness.h"
#include "tap.h"

#define MAKE_BLOCK (UINT64_C(1) << 11)
#define REFER (UINT64_C(1) << 13)
#define RESOLVE_UNIX (UINT64_C(1) << 16)
#define SCOPE_ABSTRACT (UINT64_C(1) << 0)
#define SCOPE_SIGNAL (UINT64_C(1) << 1)

static void test_policy(void)
{
	struct landlock_policy p;

	ok(!landlock_policy_for(-1, false, &p), "no Landlock: no domain");
	ok(!landlock_policy_for(0, false, &p), "ABI 0: none");
	ok(!landlock_policy_for(1, false, &p),
	   "ABI 1: none (without REFER, every rename into another directory would fail)");
	for (int abi = 2; abi <= 5; abi++) {
		ok(landlock_policy_for(abi, false, &p) && p.handled_fs == (MAKE_BLOCK | REFER) &&
			   p.root_access == (MAKE_BLOCK | REFER) && !p.scoped && !p.bind_access,
		   "ABI %d: make_block and refer, both allowed beneath /", abi);
	}
	ok(landlock_policy_for(6, false, &p) && !p.handled_fs && !p.root_access &&
		   !p.bind_access && p.scoped == (SCOPE_SIGNAL | SCOPE_ABSTRACT),
	   "ABI 6: only the scopes, signals and abstract sockets; no file access handled");
	ok(landlock_policy_for(8, false, &p) && !p.handled_fs &&
		   p.scoped == (SCOPE_SIGNAL | SCOPE_ABSTRACT),
	   "ABI 8: the same");
	ok(landlock_policy_for(7, true, &p) && !p.handled_fs && p.scoped == SCOPE_SIGNAL,
	   "ABI 7 with host-sockets: signals only");
	ok(landlock_policy_for(9, false, &p) && p.handled_fs == (RESOLVE_UNIX | REFER) &&
		   p.root_access == REFER && p.bind_access == RESOLVE_UNIX &&
		   p.scoped == (SCOPE_SIGNAL | SCOPE_ABSTRACT),
	   "ABI 9: pathname sockets too, but beneath the binds; renames still allowed");
	ok(landlock_policy_for(12, false, &p) && p.handled_fs == (RESOLVE_UNIX | REFER),
	   "a later ABI: as 9");
	ok(landlock_policy_for(9, true, &p) && !p.handled_fs && !p.bind_access &&
		   p.scoped == SCOPE_SIGNAL,
	   "ABI 9 with host-sockets: signals only, no file access handled");
	ok(landlock_policy_for(4, true, &p) && p.handled_fs == (MAKE_BLOCK | REFER),
	   "ABI 4 with host-sockets: as without (nothing to scope)");
}

static void test_options(void)
{
	struct run *r = RUN_OPS("--landlock", "no");

	ok(r->rc == 0 && r->plan.landlock.off, "--landlock no: off");
	is_str(r->plan.landlock.off_origin, "--landlock", "where it was asked for");
	run_free(r);
	r = RUN_OPS("--landlock", "no", "--landlock", "yes");
	ok(r->rc == 0 && !r->plan.landlock.off && !r->plan.landlock.off_origin,
	   "a later --landlock yes undoes it");
	run_free(r);
	r = RUN_OPS("--landlock", "maybe");
	ok(r->rc < 0, "--landlock maybe: an error");
	is_str(r->err.msg, "--landlock: 'maybe' is not yes or no", "which says why");
	run_free(r);

	r = RUN_OPS("--root", "/");
	ok(r->rc == 0 && !r->plan.landlock.off && !r->plan.landlock.host_sockets,
	   "by default: on, and unix sockets made outside hidden");
	run_free(r);
	r = RUN_OPS("--host-sockets", "yes");
	ok(r->rc == 0 && r->plan.landlock.host_sockets, "--host-sockets yes");
	run_free(r);
	r = RUN_OPS("--host-sockets", "yes", "--host-sockets", "off");
	ok(r->rc == 0 && !r->plan.landlock.host_sockets, "the last one counts");
	run_free(r);
	r = RUN_OPS("--host-sockets", "");
	ok(r->rc < 0, "--host-sockets '': an error");
	is_str(r->err.msg, "--host-sockets: '' is not yes or no", "which says why");
	run_free(r);
}

static char *printed(const struct landlock_setting *l)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	landlock_print(l, f);
	fclose(f);
	return buf;
}

static void test_print(void)
{
	struct run *r = RUN_OPS("--root", "/");
	char *out = printed(&r->plan.landlock);

	is_str(out,
	       "landlock    own domain (no ptrace, no signals out); unix sockets made outside: "
	       "hidden\n",
	       "the default");
	free(out);
	run_free(r);
	r = RUN_OPS("--host-sockets", "yes");
	out = printed(&r->plan.landlock);
	is_str(out,
	       "landlock    own domain (no ptrace, no signals out); unix sockets made outside: "
	       "reachable  (--host-sockets)\n",
	       "--host-sockets yes, and where from");
	free(out);
	run_free(r);
	r = RUN_OPS("--host-sockets", "yes", "--landlock", "no");
	out = printed(&r->plan.landlock);
	is_str(out, "landlock    none  (--landlock)\n", "--landlock no: none, and where from");
	free(out);
	run_free(r);
}

int main(void)
{
	test_policy();
	test_options();
	test_print();
	return done();
}
