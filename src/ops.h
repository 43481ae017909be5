/* The operations veil knows, in one table.  The command line looks options
 * up here, and profiles will look their keys up here too, so every way of
 * asking for a bind, a tmpfs or an environment change goes through the same
 * validation and produces the same plan step. */
#ifndef VEIL_OPS_H
#define VEIL_OPS_H

#include <stdbool.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "plan.h"

enum ns_state { NS_NO, NS_YES, NS_AUTO };

/* State that lives only while a plan is being built. */
struct builder {
	struct plan *plan;
	/* --perms and --size modify the next operation that takes them. */
	bool have_perms, have_size;
	mode_t perms;
	unsigned long long size;
	bool share_net;
	unsigned long unshare;	 /* CLONE_NEW* flags asked for */
	enum ns_state user_ns;	 /* auto: only when not root */
	bool dry_run;
	int verbose;
	/* Facts about the caller, read once so the tests can set them. */
	char *cwd;
	uid_t euid;
	char *home;	     /* $HOME, resolved; NULL when unset or missing */
	char **config_dirs;  /* where veil reads profiles (config-guard.c) */
	size_t n_config_dirs;
	/* Profile files applied so far: one that two profiles inherit from is
	 * applied once. */
	char **applied;
	size_t n_applied, cap_applied;
};

#define OP_TAKES_PERMS (1u << 8)
#define OP_TAKES_SIZE (1u << 9)
#define OP_NAMES_MOUNT (1u << 10) /* on the command line, replaces the default profile */
#define OP_EARLY (1u << 11)	  /* on the command line, applied before profiles and options */

struct op {
	const char *name;  /* the long option without "--" */
	char short_name;   /* or 0 */
	int nargs;
	const char *args;  /* argument names, for --help and errors */
	unsigned flags;	   /* STEP_* for the step it adds, OP_* for the builder */
	int (*apply)(struct builder *b, const struct op *op, char *const *args,
		     const char *origin, struct verr *err);
	const char *help;
};

extern const struct op ops[];

const struct op *op_find(const char *name);
const struct op *op_find_short(char c);

/* Identify a bind source as a bind would find it: in veil's view, or in
 * that of the pinned --bind-source-pid process; symlinks followed. */
int source_stat(const struct source_process *sp, const char *src, struct stat *st);

void builder_init(struct builder *b, struct plan *plan);
void builder_free(struct builder *b);
/* Apply one operation; on error the message names the operation. */
int builder_apply(struct builder *b, const struct op *op, char *const *args, const char *origin,
		  struct verr *err);
/* [namespaces] in profiles: yes, no, or (user only) auto. */
void builder_set_namespace(struct builder *b, unsigned long flag, enum ns_state state,
			   const char *origin);
/* [root] readonly without a path: change the root inherited so far. */
int builder_root_readonly(struct builder *b, bool readonly, const char *origin, struct verr *err);
/* Check what can only be checked at the end and fill in the defaults. */
int builder_finish(struct builder *b, struct verr *err);

#endif
