#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "stats.h"
#include "util.h"

/* ---- options --------------------------------------------------------------------- */

int op_stats(struct builder *b, const struct op *op, char *const *args, const char *origin,
	     struct verr *err)
{
	(void)op;
	if (!*args[0])
		return verr_set(err, "the file name must not be empty");
	setting_set(&b->plan->stats, args[0], origin);
	return 0;
}

int op_die_with_parent(struct builder *b, const struct op *op, char *const *args,
		       const char *origin, struct verr *err)
{
	(void)op;
	(void)args;
	(void)err;
	free(b->plan->die_with_parent);
	b->plan->die_with_parent = xstrdup(origin);
	return 0;
}

/* ---- time ------------------------------------------------------------------------ */

static struct timespec start;
static bool started;

void stats_mark_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &start);
	started = true;
}

double stats_since_start(const struct timespec *t)
{
	if (!started)
		stats_mark_start();
	return (double)(t->tv_sec - start.tv_sec) + (double)(t->tv_nsec - start.tv_nsec) / 1e9;
}

/* ---- the file ----------------------------------------------------------------------- */

/* The directory is opened when veil starts and the file is made in it
 * only once the whole action is dead: the action may be able to write
 * that directory (a bind, the working directory), and anything made
 * there while it runs, a temporary included, it could replace.  Opened by
 * descriptor, the directory is the same one at the end even if the action
 * renamed it or a path component was swapped for a symbolic link. */
int stats_open(const char *path, struct stats_file *sf, struct verr *err)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *dir;
	struct stat st;

	*sf = (struct stats_file)STATS_FILE_INIT;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return verr_set(err, "%s: is a directory", path);
	if (slash == path)
		dir = xstrdup("/");
	else
		dir = slash ? xasprintf("%.*s", (int)(slash - path), path) : xstrdup(".");
	sf->dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (sf->dirfd < 0)
		return verr_errno(err, errno, "cannot write %s", path);
	/* A path that cannot be written fails now, not when the action is over:
	 * a file is made and removed at once, as the real one will be. */
	sf->path = xstrdup(path);
	sf->base = xstrdup(base);
	if (stats_commit(sf, NULL, err) < 0) {
		stats_abandon(sf);
		return -1;
	}
	return 0;
}

void stats_abandon(struct stats_file *sf)
{
	if (sf->dirfd >= 0)
		close(sf->dirfd);
	free(sf->path);
	free(sf->base);
	*sf = (struct stats_file)STATS_FILE_INIT;
}

/* A name nobody can guess, so no one makes it first on purpose. */
static unsigned long random_ulong(void)
{
	unsigned long r = 0;
	struct timespec t;

	if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		r = (unsigned long)t.tv_nsec ^ (unsigned long)getpid() << 20;
	}
	return r;
}


/* A temporary .FILE.XXXXXX in the directory, written and renamed over FILE
 * (rename(2) within one directory is atomic: a reader never sees half of
 * it); with text NULL, the temporary is removed instead. */
int stats_commit(struct stats_file *sf, const char *text, struct verr *err)
{
	char *tmp = NULL;
	mode_t mask;
	int fd = -1, rc = -1;

	for (int tries = 0; fd < 0 && tries < 100; tries++) {
		unsigned long r = random_ulong();

		free(tmp);
		tmp = xasprintf(".%s.%06lx", sf->base, r & 0xffffff);
		/* The mode a new file gets, 0666 less the umask. */
		mask = umask(0);
		umask(mask);
		fd = openat(sf->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			    0666 & ~mask);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		verr_errno(err, errno, "cannot write %s", sf->path);
		goto out;
	}
	if (!text) {
		close(fd);
		unlinkat(sf->dirfd, tmp, 0);
		rc = 0;
		goto out;
	}
	if (write_all(fd, text, strlen(text)) < 0) {
		verr_errno(err, errno, "cannot write %s", sf->path);
		close(fd);
		unlinkat(sf->dirfd, tmp, 0);
		goto out;
	}
	if (close(fd) < 0) {
		verr_errno(err, errno, "cannot write %s", sf->path);
		unlinkat(sf->dirfd, tmp, 0);
		goto out;
	}
	if (renameat(sf->dirfd, tmp, sf->dirfd, sf->base) < 0) {
		verr_errno(err, errno, "cannot write %s", sf->path);
		unlinkat(sf->dirfd, tmp, 0);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	return rc;
}

/* ---- JSON ----------------------------------------------------------------------------- */

void json_put_string(const char *s, FILE *out)
{
	putc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\b':
			fputs("\\b", out);
			break;
		case '\f':
			fputs("\\f", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				putc(*p, out);
		}
	}
	putc('"', out);
}

const char *signal_name(int sig, char *buf, size_t len)
{
	const char *abbrev = sig > 0 && sig < SIGRTMIN ? sigabbrev_np(sig) : NULL;

	if (abbrev)
		snprintf(buf, len, "SIG%s", abbrev);
	else if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(buf, len, "SIGRTMIN+%d", sig - SIGRTMIN);
	else
		snprintf(buf, len, "%d", sig);
	return buf;
}

static void put_seconds(const char *key, double v, FILE *out)
{
	if (v < 0)
		fprintf(out, ",\"%s\":null", key);
	else
		fprintf(out, ",\"%s\":%.6f", key, v);
}

static void put_count(const char *key, long long v, FILE *out)
{
	if (v < 0)
		fprintf(out, ",\"%s\":null", key);
	else
		fprintf(out, ",\"%s\":%lld", key, v);
}

void stats_format(const struct action_stats *s, FILE *out)
{
	char sig[32];

	fprintf(out, "{\"exit_code\":%d,\"signal\":", s->exit_code);
	if (s->signal)
		json_put_string(signal_name(s->signal, sig, sizeof sig), out);
	else
		fputs("null", out);
	fprintf(out, ",\"timed_out\":%s", s->timed_out ? "true" : "false");
	put_seconds("wall_seconds", s->wall_seconds, out);
	put_seconds("user_seconds", s->user_seconds, out);
	put_seconds("system_seconds", s->system_seconds, out);
	put_count("max_rss_kib", s->max_rss_kib, out);
	put_seconds("setup_seconds", s->setup_seconds, out);
	if (s->cgroup) {
		fputs(",\"cgroup\":", out);
		json_put_string(s->cgroup_path ? s->cgroup_path : "", out);
		put_count("memory_peak_bytes", s->memory_peak_bytes, out);
		if (s->oom_killed < 0)
			fputs(",\"oom_killed\":null", out);
		else
			fprintf(out, ",\"oom_killed\":%s", s->oom_killed ? "true" : "false");
		put_count("pids_peak", s->pids_peak, out);
	}
	fputs("}\n", out);
}

/* ---- gathering -------------------------------------------------------------------------- */

/* What the figures cover.
 *
 * Without a cgroup, user, system and max RSS are getrusage(RUSAGE_CHILDREN)
 * in veil once pid 1 has been reaped: the kernel adds a process's times
 * (and those of the children it reaped) to its parent's when the parent
 * reaps it.  pid 1 reaps the command and every orphan of the namespace, and
 * when pid 1 exits the kernel kills and reaps what is left, so the whole
 * tree is counted, daemons included, up to the moment it died.  Not
 * counted: children of a process that set SIGCHLD to SIG_IGN (or
 * SA_NOCLDWAIT), which the kernel reaps without adding them up.  max_rss
 * is the peak of the largest single process, not of the tree at once.
 *
 * With a cgroup, user and system come from its cpu.stat, which counts every
 * process that ran in it whoever reaped it; memory_peak_bytes (memory.peak)
 * is the peak of the whole tree at once, and pids_peak (pids.peak) the most
 * processes it had at once, where those controllers are enabled. */
int stats_finish(struct stats_file *sf, int exit_code, int pid1_status, bool timed_out,
		 int report_fd, const struct action_cgroup *cg, struct verr *err)
{
	struct action_stats s = { .exit_code = exit_code, .timed_out = timed_out,
				  .setup_seconds = -1, .memory_peak_bytes = -1, .oom_killed = -1,
				  .pids_peak = -1 };
	struct exec_report report;
	struct timespec now;
	int status;
	struct rusage ru;
	char *text;
	size_t len;
	FILE *f;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &now);
	s.wall_seconds = stats_since_start(&now);
	getrusage(RUSAGE_CHILDREN, &ru);
	s.user_seconds = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
	s.system_seconds = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	s.max_rss_kib = ru.ru_maxrss;
	/* The command's own status, when pid 1 lived to report it: it tells a
	 * command killed by SIGKILL from one that exited 137.  Otherwise pid
	 * 1 was killed (the timeout, --die-with-parent, veil's own death)
	 * and took the action with it. */
	if (report_fd >= 0 && read(report_fd, &report, sizeof report) == (ssize_t)sizeof report) {
		if (report.exec_ok)
			s.setup_seconds = stats_since_start(&report.exec_at);
		if (read(report_fd, &status, sizeof status) == (ssize_t)sizeof status)
			pid1_status = status;
	}
	if (WIFSIGNALED(pid1_status))
		s.signal = WTERMSIG(pid1_status);
	if (cg && cg->path) {
		struct cgroup_figures fig;

		cgroup_read_figures(cg, &fig);
		s.cgroup = true;
		s.cgroup_path = cg->path;
		if (fig.user_usec >= 0 && fig.system_usec >= 0) {
			s.user_seconds = (double)fig.user_usec / 1e6;
			s.system_seconds = (double)fig.system_usec / 1e6;
		}
		s.memory_peak_bytes = fig.memory_peak;
		s.oom_killed = fig.oom_kills < 0 ? -1 : fig.oom_kills > 0;
		s.pids_peak = fig.pids_peak;
	}
	f = open_memstream(&text, &len);
	if (!f)
		return verr_errno(err, errno, "--stats");
	stats_format(&s, f);
	fclose(f);
	rc = stats_commit(sf, text, err);
	free(text);
	stats_abandon(sf);
	return rc;
}
