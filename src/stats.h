/* --stats FILE: what the action cost, as one JSON object, written when it
 * ends.  FILE's directory is opened (and tried) before anything else
 * happens, so a path that cannot be written fails at start-up; the object
 * is written into a temporary in it once the whole action is dead, and
 * renamed over FILE, so a reader never sees half of it and the action
 * cannot have replaced it. */
#ifndef VEIL_STATS_H
#define VEIL_STATS_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "error.h"
#include "ops.h"

int op_stats(struct builder *b, const struct op *op, char *const *args, const char *origin,
	     struct verr *err);
int op_die_with_parent(struct builder *b, const struct op *op, char *const *args,
		       const char *origin, struct verr *err);

/* When veil started (called first thing in main; the tests need not). */
void stats_mark_start(void);
/* Seconds from then to t (CLOCK_MONOTONIC). */
double stats_since_start(const struct timespec *t);

struct stats_file {
	char *path;	/* FILE, as given */
	char *base;	/* its last component */
	int dirfd;	/* its directory, opened at start (O_PATH) */
};
#define STATS_FILE_INIT { .path = NULL, .base = NULL, .dirfd = -1 }

/* Open FILE's directory and make sure a file can be made there; an error
 * says why FILE cannot be written. */
int stats_open(const char *path, struct stats_file *sf, struct verr *err);
/* Write text to a new temporary in the directory and rename it over FILE;
 * text NULL only tries (the temporary is removed). */
int stats_commit(struct stats_file *sf, const char *text, struct verr *err);
/* Close the directory (after the commit, or when veil failed first). */
void stats_abandon(struct stats_file *sf);

/* The figures.  Values that are unknown are written as null. */
struct action_stats {
	int exit_code;		/* veil's exit status */
	int signal;		/* that killed the command (or pid 1); 0: none */
	bool timed_out;
	double wall_seconds;	/* veil start to the end of the action */
	double user_seconds, system_seconds;
	long max_rss_kib;	/* the largest process's */
	double setup_seconds;	/* veil start to exec of the command; < 0: no exec */
	bool cgroup;		/* the fields below are written */
	const char *cgroup_path;
	long long memory_peak_bytes; /* -1: unknown */
	int oom_killed;		     /* -1: unknown, else 0 or 1 */
	long long pids_peak;	     /* -1: unknown */
};

/* What pid 1 tells veil about the command, through a pipe (only with
 * --stats): this as soon as the exec succeeded or failed, then the
 * command's wait status (an int) just before pid 1 exits.  Either is
 * missing when pid 1 is killed first. */
struct exec_report {
	struct timespec exec_at; /* CLOCK_MONOTONIC when the exec succeeded */
	int exec_ok;		 /* 0: the command never ran */
};

struct action_cgroup;

/* Once pid 1 has been reaped: gather the figures (pid 1's report from
 * report_fd, the rusage of veil's children, the cgroup's files) and
 * commit the file.  pid1_status is pid 1's wait status. */
int stats_finish(struct stats_file *sf, int exit_code, int pid1_status, bool timed_out,
		 int report_fd, const struct action_cgroup *cg, struct verr *err);

/* The object, on one line, with a newline. */
void stats_format(const struct action_stats *s, FILE *out);

/* s as a JSON string, quotes included: ", \ and control characters are
 * escaped; other bytes, UTF-8 included, pass through as they are. */
void json_put_string(const char *s, FILE *out);

/* "SIGKILL", "SIGRTMIN+3"; buf is used when needed. */
const char *signal_name(int sig, char *buf, size_t len);

#endif
