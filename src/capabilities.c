/* Capabilities: the names --cap-add and --cap-drop take, the builder's
 * handlers, which only record, and caps_apply(), which runs in the
 * command's process.
 *
 * None are kept unless asked for, even for root.  caps_keep has bit N for
 * capability N; --cap-add ALL sets every bit, including bit 63, which no
 * capability has: it marks "all that veil has", so that caps_apply() can
 * tell ALL (keep what there is) from a capability named one by one (which
 * must be there). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/capability.h>

#include "capabilities.h"
#include "util.h"

#define CAPS_ALL_MARK (UINT64_C(1) << 63)

int security_cap_parse(const char *name, uint64_t *mask, struct verr *err)
{
	char buf[64];
	cap_value_t cap;
	size_t i, off = 0;

	if (strcasecmp(name, "ALL") == 0) {
		*mask = ~UINT64_C(0);
		return 0;
	}
	if (strncasecmp(name, "cap_", 4) != 0) {
		memcpy(buf, "cap_", 4);
		off = 4;
	}
	for (i = 0; name[i] && off + i < sizeof buf - 1; i++)
		buf[off + i] = (char)tolower((unsigned char)name[i]);
	buf[off + i] = '\0';
	/* Names only: libcap would also take a number. */
	if (!*name || name[i] || isdigit((unsigned char)buf[4]) || cap_from_name(buf, &cap) < 0 ||
	    cap < 0 || cap > 62)
		return verr_set(err, "'%s' is not a capability", name);
	*mask = UINT64_C(1) << cap;
	return 0;
}

/* The name of capability cap, lowercase as libcap spells it. */
static void print_cap(int cap, FILE *out)
{
	char *name = cap_to_name(cap);

	fputs(name ? name : "?", out);
	cap_free(name);
}

int op_cap_add(struct builder *b, const struct op *op, char *const *args, const char *origin,
	       struct verr *err)
{
	uint64_t mask;

	(void)op;
	(void)origin;
	if (security_cap_parse(args[0], &mask, err) < 0)
		return -1;
	b->plan->security.caps_keep |= mask;
	return 0;
}

int op_cap_drop(struct builder *b, const struct op *op, char *const *args, const char *origin,
		struct verr *err)
{
	uint64_t mask;

	(void)op;
	(void)origin;
	if (security_cap_parse(args[0], &mask, err) < 0)
		return -1;
	b->plan->security.caps_keep &= ~mask;
	return 0;
}

void caps_print(uint64_t keep, FILE *out)
{
	if (!keep) {
		fputs("none", out);
		return;
	}
	if (keep & CAPS_ALL_MARK) {
		bool but = false;

		fputs("all", out);
		for (int c = 0; c <= CAP_LAST_CAP; c++)
			if (!(keep & (UINT64_C(1) << c))) {
				fputs(but ? " " : " but ", out);
				print_cap(c, out);
				but = true;
			}
		return;
	}
	for (int c = 0, n = 0; c < 63; c++)
		if (keep & (UINT64_C(1) << c)) {
			if (n++)
				fputc(' ', out);
			print_cap(c, out);
		}
}

int caps_apply(uint64_t want, struct verr *err)
{
	int ncaps = (int)cap_max_bits();
	uint64_t keep = 0;
	cap_t have, set;
	int rc = -1;

	if (ncaps > 63)
		ncaps = 63;
	if (!(want & CAPS_ALL_MARK) && (want & ~CAPS_ALL_MARK) >> ncaps) {
		/* Named, and newer than the running kernel. */
		int c = ncaps;
		char *name;

		while (!(want & (UINT64_C(1) << c)))
			c++;
		name = cap_to_name(c);
		verr_set(err, "cannot keep %s: the kernel does not have it", name);
		cap_free(name);
		return -1;
	}
	have = cap_get_proc();
	if (!have)
		return verr_errno(err, errno, "cannot read the capabilities");
	for (cap_value_t c = 0; c < ncaps; c++) {
		cap_flag_value_t v = CAP_CLEAR;

		if (!(want & (UINT64_C(1) << c)))
			continue;
		cap_get_flag(have, c, CAP_PERMITTED, &v);
		if (v == CAP_SET && cap_get_bound(c) == 1) {
			keep |= UINT64_C(1) << c;
		} else if (!(want & CAPS_ALL_MARK)) {
			/* Named one by one: it must be there to be kept. */
			char *name = cap_to_name(c);
			verr_set(err, "cannot keep %s: veil does not have it", name);
			cap_free(name);
			cap_free(have);
			return -1;
		}
	}
	cap_free(have);

	/* The bounding set first: dropping from it needs CAP_SETPCAP, which
	 * the capset below takes away. */
	for (cap_value_t c = 0; c < ncaps; c++)
		if (!(keep & (UINT64_C(1) << c)) && cap_get_bound(c) == 1 && cap_drop_bound(c) < 0) {
			char *name = cap_to_name(c);
			verr_errno(err, errno, "cannot drop %s from the bounding set", name);
			cap_free(name);
			return -1;
		}
	if (cap_reset_ambient() < 0 && errno != EINVAL)
		return verr_errno(err, errno, "cannot clear the ambient capabilities");

	set = cap_init();
	if (!set)
		return verr_errno(err, errno, "cannot set the capabilities");
	for (cap_value_t c = 0; c < ncaps; c++)
		if (keep & (UINT64_C(1) << c)) {
			cap_set_flag(set, CAP_PERMITTED, 1, &c, CAP_SET);
			cap_set_flag(set, CAP_EFFECTIVE, 1, &c, CAP_SET);
			cap_set_flag(set, CAP_INHERITABLE, 1, &c, CAP_SET);
		}
	if (cap_set_proc(set) < 0) {
		verr_errno(err, errno, "cannot set the capabilities");
		goto out;
	}
	/* Ambient too, so that a command that is not root keeps them across
	 * exec; for root they are in the permitted and effective sets anyway. */
	for (cap_value_t c = 0; c < ncaps; c++)
		if ((keep & (UINT64_C(1) << c)) && cap_set_ambient(c, CAP_SET) < 0) {
			char *name = cap_to_name(c);
			verr_errno(err, errno, "cannot raise %s into the ambient set", name);
			cap_free(name);
			goto out;
		}
	rc = 0;
out:
	cap_free(set);
	return rc;
}
