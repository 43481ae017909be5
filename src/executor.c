#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "executor.h"
#include "idmap.h"
#include "landlock.h"
#include "limit.h"
#include "mounts.h"
#include "namespaces.h"
#include "resolve.h"
#include "security.h"
#include "pty.h"
#include "stats.h"
#include "supervise.h"
#include "syscalls.h"
#include "terminal.h"
#include "util.h"

/* Change into dir inside the root without following anything out of it. */
static int enter_dir(const char *dir, struct verr *err)
{
	int rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	int fd, rc;

	if (rootfd < 0)
		return verr_errno(err, errno, "/");
	fd = root_open(rootfd, dir, O_DIRECTORY, err);
	close(rootfd);
	if (fd < 0)
		return -1;
	rc = fchdir(fd);
	close(fd);
	return rc < 0 ? verr_errno(err, errno, "chdir %s", dir) : 0;
}

/* --chdir, or else the caller's directory when the sandbox has it, else /. */
static int enter_workdir(const struct plan *plan, struct verr *err)
{
	if (plan->chdir.value) {
		if (enter_dir(plan->chdir.value, err) < 0) {
			verr_prefix(err, "%s", plan->chdir.origin);
			return -1;
		}
		return 0;
	}
	if (enter_dir(plan->host_cwd, err) == 0)
		return 0;
	trace("%s is not in the sandbox; starting in /", plan->host_cwd);
	return enter_dir("/", err);
}

/* --clearenv: everything goes but the variables --keepenv names. */
static void clear_env_keeping(const struct plan *plan)
{
	char **kept = xmalloc(2 * plan->n_env * sizeof *kept);
	size_t n = 0;

	for (size_t i = 0; i < plan->n_env; i++) {
		const char *v = plan->env[i].kind == ENV_KEEP ? getenv(plan->env[i].name) : NULL;
		if (v) {
			kept[n++] = plan->env[i].name;
			kept[n++] = xstrdup(v);
		}
	}
	clearenv();
	for (size_t i = 0; i < n; i += 2) {
		setenv(kept[i], kept[i + 1], 1);
		free(kept[i + 1]);
	}
	free(kept);
}

static void apply_env(const struct plan *plan)
{
	for (size_t i = 0; i < plan->n_env; i++) {
		const struct env_step *e = &plan->env[i];
		switch (e->kind) {
		case ENV_SET:
			setenv(e->name, e->value, 1);
			break;
		case ENV_UNSET:
			unsetenv(e->name);
			break;
		case ENV_CLEAR:
			clear_env_keeping(plan);
			break;
		case ENV_KEEP:
			break;
		}
	}
}

/* Everything that happens inside the namespaces before the command starts. */
static int sandbox_setup(const struct plan *plan, int idmap_sock, struct verr *err)
{
	struct mount_objects objs = { .root = -1, .idmap_sock = idmap_sock };
	int rc;

	if (mounts_make_private(err) < 0)
		return -1;
	trace("propagation: / is private, recursively");
	if ((plan->namespaces & CLONE_NEWNET) && ns_loopback_up(err) < 0)
		return -1;
	if (plan->hostname.value &&
	    sethostname(plan->hostname.value, strlen(plan->hostname.value)) < 0)
		return verr_errno(err, errno, "cannot set the host name");
	rc = mounts_prepare(plan, &objs, err);
	/* End-of-file tells veil that no tree is left to idmap. */
	if (idmap_sock >= 0)
		close(idmap_sock);
	/* --nobody: the sources were opened with the caller's rights, which
	 * chose them; from here on pid 1 is nobody outside, like the command. */
	if (rc == 0 && plan->outside_nobody)
		rc = ns_become_inside_root(plan->uid.set ? plan->uid.id : 0,
					   plan->gid.set ? plan->gid.id : 0, err);
	if (rc == 0)
		rc = mounts_enter_root(&objs, err);
	if (rc == 0)
		rc = mounts_attach(plan, &objs, err);
	/* Closing drops every host mount that was prepared and not used. */
	mounts_close(&objs);
	if (rc < 0)
		return -1;
	if (enter_workdir(plan, err) < 0)
		return -1;
	apply_env(plan);
	return 0;
}

/* With --stats, pid 1 waits for the command's exec on a pipe whose write
 * end only the command holds, close-on-exec: end-of-file alone means the
 * exec succeeded, a byte first that the command never ran.  Every way out
 * of exec_command() before the exec goes through here. */
static int no_exec_fd = -1;

static void __attribute__((noreturn)) no_exec(int status)
{
	if (no_exec_fd >= 0 && write(no_exec_fd, "", 1) < 0)
		status = VEIL_EXIT_FAILURE; /* it could not be told: as good as */
	_exit(status);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Close every descriptor above 2 but the n in keep (any order; -1, 0, 1,
 * 2 and repeats are ignored).  Closed, not only marked close-on-exec:
 * until execve() has found the command, the process still has them, and a
 * path through /proc/self/fd/N (the command's own, or a symlink in the
 * root that leads there) would reach whatever N is, a host directory for
 * one. */
static int close_all_but(int *keep, size_t n)
{
	unsigned first = 3;

	qsort(keep, n, sizeof *keep, cmp_int);
	for (size_t i = 0; i < n; i++) {
		if (keep[i] < (int)first)
			continue;
		if ((unsigned)keep[i] > first && sys_close_range(first, (unsigned)keep[i] - 1, 0) < 0)
			return -1;
		first = (unsigned)keep[i] + 1;
	}
	return sys_close_range(first, ~0U, 0);
}

/* No descriptor of veil's or the caller's beyond 0, 1, 2 and those of
 * --keep-fd reaches the command, nor is open while its path is resolved;
 * only no_exec_fd stays, close-on-exec.  A kept one is left as it is. */
static int close_fds(const struct security *s, struct verr *err)
{
	size_t n = s->n_keep_fds;
	int *keep = xmalloc((n + 1) * sizeof *keep);
	int rc;

	for (size_t i = 0; i < n; i++) {
		keep[i] = s->keep_fds[i];
		if (fcntl(keep[i], F_GETFD) < 0)
			trace("--keep-fd %d: descriptor %d is not open", keep[i], keep[i]);
		else
			trace("descriptor %d kept open", keep[i]);
	}
	keep[n] = no_exec_fd;
	rc = close_all_but(keep, n + 1);
	free(keep);
	return rc < 0 ? verr_errno(err, errno, "cannot close the descriptors not kept") : 0;
}

static void __attribute__((noreturn))
exec_command(const struct plan *plan, const sigset_t *mask, mode_t saved_umask)
{
	struct sock_fprog filter;
	struct verr err;
	int e;

	sigprocmask(SIG_SETMASK, mask, NULL);
	umask(saved_umask);
	/* Built before the limits: an address-space limit may leave no room
	 * for building it (it is loaded last). */
	if (seccomp_filter_build(&plan->security, plan->namespaces, &filter, &err) < 0) {
		verr_print(&err);
		no_exec(VEIL_EXIT_FAILURE);
	}
	/* Before the security step: raising a hard limit needs
	 * CAP_SYS_RESOURCE, which that step drops. */
	if (limits_apply(&plan->limits, &err) < 0) {
		verr_print(&err);
		no_exec(VEIL_EXIT_FAILURE);
	}
	/* Before the seccomp filter, which could deny close_range. */
	if (close_fds(&plan->security, &err) < 0) {
		verr_print(&err);
		no_exec(VEIL_EXIT_FAILURE);
	}
	/* Its own Landlock domain, before the seccomp filter, which could
	 * deny the Landlock calls. */
	if (landlock_apply(plan, &err) < 0) {
		verr_print(&err);
		no_exec(VEIL_EXIT_FAILURE);
	}
	/* Nothing the command runs can gain privileges: no_new_privs, the
	 * capabilities not kept dropped, the seccomp filter loaded last. */
	if (security_apply(&plan->security, plan->namespaces, &filter, &err) < 0) {
		verr_print(&err);
		no_exec(VEIL_EXIT_FAILURE);
	}
	trace("exec %s", plan->argv[0]);
	execvp(plan->argv[0], plan->argv);
	e = errno;
	fprintf(stderr, "veil: %s: %s\n", plan->argv[0], strerror(e));
	no_exec(e == ENOENT ? VEIL_EXIT_NOT_FOUND : VEIL_EXIT_CANNOT_EXEC);
}

/* --stats, in pid 1: note when the command's exec succeeded, supervise it,
 * and tell veil that and how the command ended (veil only sees pid 1's
 * status, in which a SIGKILL and an exit status of 137 look the same). */
static int supervise_reporting(const struct terminal *t, pid_t command, int exec_pipe[2],
			       int report_fd)
{
	struct exec_report r = { .exec_ok = 0 };
	ssize_t n;
	char byte;
	int code, status;

	close(exec_pipe[1]);
	do
		n = read(exec_pipe[0], &byte, 1);
	while (n < 0 && errno == EINTR);
	clock_gettime(CLOCK_MONOTONIC, &r.exec_at);
	r.exec_ok = n == 0;
	close(exec_pipe[0]);
	if (write(report_fd, &r, sizeof r) != (ssize_t)sizeof r)
		trace("--stats: cannot report to veil: %s", strerror(errno));
	code = supervise_pid1(command, t);
	status = supervise_last_wait_status();
	if (write(report_fd, &status, sizeof status) != (ssize_t)sizeof status)
		trace("--stats: cannot report to veil: %s", strerror(errno));
	return code;
}

/* In pid 1, before the command is forked.  --new-session, --pty: pid 1
 * leaves the caller's session, so the command has no controlling terminal
 * (no TIOCSTI into the caller's, no signals from it: veil passes those on)
 * or the pty as its own; the command is in pid 1's session, not a session
 * of its own, so that its process group is not orphaned and Ctrl-Z still
 * stops it.  --pty: the pty, its master on its way to veil. */
static int pid1_terminal(const struct terminal *t, int *slave, struct verr *err)
{
	int master;

	if (t->own_session) {
		if (setsid() < 0)
			return verr_errno(err, errno, "cannot start a new session");
		trace("new session: the command has not the caller's terminal");
	}
	if (!t->pty)
		return 0;
	if (pty_open(&master, slave, err) < 0)
		return -1;
	terminal_send_master(t, master);
	close(master);
	if (pty_make_controlling(*slave, err) < 0) {
		close(*slave);
		*slave = -1;
		return -1;
	}
	return 0;
}

/* pid 1 of the new pid namespace: set up, start the command, supervise. */
static int pid1_main(const struct plan *plan, const struct terminal *t, int sync_fd,
		     int report_fd, int idmap_sock, const sigset_t *mask)
{
	struct verr err;
	mode_t saved_umask;
	int exec_pipe[2] = { -1, -1 };
	pid_t command;
	int slave = -1;
	char go;

	/* If veil dies, so does pid 1, and with it the whole namespace.  The
	 * read below closes the race with a veil that died before this line. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (read(sync_fd, &go, 1) != 1)
		return VEIL_EXIT_FAILURE;
	close(sync_fd);
	/* Not dumpable from here on (and the command, until its exec): what
	 * runs inside cannot ptrace pid 1, read or write its memory, or open
	 * its /proc/1/exe (veil's binary), /proc/1/fd/N or /proc/1/root,
	 * without CAP_SYS_PTRACE over it (the class of CVE-2019-5736).  Not
	 * before the go byte: a non-dumpable pid 1's /proc files belong to
	 * root, and veil could not write its id maps. */
	if (prctl(PR_SET_DUMPABLE, 0) < 0) {
		verr_errno(&err, errno, "cannot make pid 1 non-dumpable");
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}

	/* The cgroup namespace is made here rather than by clone(): its root
	 * is pid 1's cgroup, which veil has only now moved it into when the
	 * action has a cgroup of its own (cgroup.c). */
	if ((plan->namespaces & CLONE_NEWCGROUP) && unshare(CLONE_NEWCGROUP) < 0) {
		verr_errno(&err, errno, "cannot create the cgroup namespace");
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}

	saved_umask = umask(0); /* modes in the plan are meant as written */
	if (sandbox_setup(plan, idmap_sock, &err) < 0) {
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	if (pid1_terminal(t, &slave, &err) < 0) {
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	if (report_fd >= 0 && pipe2(exec_pipe, O_CLOEXEC) < 0) {
		verr_errno(&err, errno, "pipe");
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	command = fork();
	if (command < 0) {
		verr_errno(&err, errno, "cannot start the command");
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	if (command == 0) {
		if (report_fd >= 0) {
			close(exec_pipe[0]);
			close(report_fd);
			no_exec_fd = exec_pipe[1];
		}
		terminal_command_side(t, slave);
		exec_command(plan, mask, saved_umask);
	}
	terminal_pid1_side(t, command, slave);
	if (slave >= 0)
		close(slave);
	/* pid 1 needs none of the caller's descriptors either: closed, so that
	 * the command cannot reach them through /proc/1/fd/N, which it can open
	 * with CAP_SYS_PTRACE (--cap-add) although pid 1 is not dumpable.  It
	 * keeps its --stats pipes and its link to veil (stops, terminal.h). */
	int own[] = { exec_pipe[0], exec_pipe[1], report_fd, t->link[1] };
	if (close_all_but(own, sizeof own / sizeof *own) < 0) {
		verr_errno(&err, errno, "cannot close the caller's descriptors in pid 1");
		verr_print(&err);
		kill(command, SIGKILL);
		return VEIL_EXIT_FAILURE;
	}
	if (report_fd >= 0)
		return supervise_reporting(t, command, exec_pipe, report_fd);
	return supervise_pid1(command, t);
}

/* What veil does before the namespaces exist, where a failure still
 * leaves nothing behind: --die-with-parent, the --stats file (so a path
 * that cannot be written fails now, not at the end), the cgroup. */
static int start_up(const struct plan *plan, struct stats_file *sf, int report[2],
		    struct action_cgroup *cg, struct verr *err)
{
	if (plan->die_with_parent && supervise_die_with_parent(err) < 0)
		return -1;
	if (plan->stats.value) {
		if (stats_open(plan->stats.value, sf, err) < 0) {
			verr_prefix(err, "%s", plan->stats.origin);
			return -1;
		}
		/* pid 1's report; veil reads it once pid 1 is dead. */
		if (pipe2(report, O_CLOEXEC) < 0 || fcntl(report[0], F_SETFL, O_NONBLOCK) < 0) {
			verr_errno(err, errno, "pipe");
			stats_abandon(sf);
			return -1;
		}
	}
	if (cgroup_wanted(&plan->cgroup) && cgroup_create(&plan->cgroup, cg, err) < 0) {
		if (report[0] >= 0) {
			close(report[0]);
			close(report[1]);
		}
		stats_abandon(sf);
		return -1;
	}
	return 0;
}

/* The action is over (pid 1 has been reaped, and with it everything in
 * its namespace): report, write the stats, remove the cgroup.  Returns
 * veil's exit status: the action's, or 125 when the stats that were asked
 * for could not be written (a caller reading them must not take a missing
 * file for success), with the action's status in the message. */
static int finish(const struct plan *plan, struct stats_file *sf, int report_fd,
		  struct action_cgroup *cg, int status, bool timed_out)
{
	struct verr err;

	if (cg->path)
		cgroup_report_oom(cg, &plan->cgroup);
	if (sf->path && stats_finish(sf, status, supervise_last_wait_status(), timed_out,
				     report_fd, cg, &err) < 0) {
		verr_prefix(&err, "%s", plan->stats.origin);
		fprintf(stderr, "veil: %s (the action's exit status was %d)\n", err.msg, status);
		status = VEIL_EXIT_FAILURE;
	}
	if (report_fd >= 0)
		close(report_fd);
	cgroup_remove(cg);
	return status;
}

int executor_run(const struct plan *plan)
{
	uid_t uid = getuid();
	gid_t gid = getgid();
	struct action_cgroup cg = ACTION_CGROUP_INIT;
	struct stats_file sf = STATS_FILE_INIT;
	struct terminal term;
	int report[2] = { -1, -1 };
	int idmap[2] = { -1, -1 };
	bool timed_out = false;
	struct verr err;
	sigset_t mask;
	int sync[2], status;
	pid_t pid;

	supervise_block_signals(&mask);
	if (start_up(plan, &sf, report, &cg, &err) < 0) {
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	fflush(NULL);
	if (terminal_prepare(&term, plan, &err) < 0) {
		pid = -1;
		goto failed;
	}
	if (pipe2(sync, O_CLOEXEC) < 0) {
		verr_errno(&err, errno, "pipe");
		pid = -1;
		goto failed;
	}
	if (idmap_wanted(plan) && idmap_channel(idmap, &err) < 0) {
		close(sync[0]);
		close(sync[1]);
		pid = -1;
		goto failed;
	}
	/* Not CLONE_NEWCGROUP: pid 1 makes that once it is in its cgroup. */
	/* --nobody (only kept in the plan for a root veil): nobody owns
	 * nothing, so the command can read only what anyone may. */
	uid_t outside_uid = plan->outside_nobody ? 65534 : uid;
	gid_t outside_gid = plan->outside_nobody ? 65534 : gid;
	uid_t inside_uid = plan->uid.set ? plan->uid.id : uid;
	gid_t inside_gid = plan->gid.set ? plan->gid.id : gid;
	pid = ns_clone(plan->namespaces & ~(unsigned long)CLONE_NEWCGROUP, &err);
	if (pid == 0) {
		close(sync[1]);
		if (report[0] >= 0)
			close(report[0]);
		if (sf.dirfd >= 0)
			close(sf.dirfd);
		if (cg.fd >= 0)
			close(cg.fd);
		if (idmap[0] >= 0)
			close(idmap[0]);
		if (term.link[0] >= 0)
			close(term.link[0]);
		if (term.tty >= 0)
			close(term.tty);
		term.link[0] = term.tty = -1;
		_exit(pid1_main(plan, &term, sync[0], report[1], idmap[1], &mask));
	}
	close(sync[0]);
	if (idmap[1] >= 0)
		close(idmap[1]);
	terminal_started(&term);
	if (report[1] >= 0) {
		close(report[1]);
		report[1] = -1;
	}
	if (pid > 0 && (plan->namespaces & CLONE_NEWUSER) &&
	    ns_write_id_maps(pid, outside_uid, outside_gid, inside_uid, inside_gid, &err) < 0) {
		close(sync[1]); /* pid 1 reads end-of-file and exits */
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	/* Into the cgroup before it is let go: whatever it starts is in it. */
	if (pid > 0 && cg.path && cgroup_enter(&cg, pid, &err) < 0) {
		close(sync[1]);
		waitpid(pid, NULL, 0);
		pid = -1;
	}
failed:
	if (pid < 0) {
		verr_print(&err);
		terminal_end(&term);
		for (int i = 0; i < 2; i++)
			if (report[i] >= 0)
				close(report[i]);
		if (idmap[0] >= 0)
			close(idmap[0]);
		stats_abandon(&sf);
		cgroup_remove(&cg);
		return VEIL_EXIT_FAILURE;
	}
	/* veil is not dumpable either, from now on: not before the clone,
	 * as pid 1 would inherit it, and its id maps, which belong to root
	 * then, could not be written by a caller who is not root. */
	prctl(PR_SET_DUMPABLE, 0);
	if (write(sync[1], "", 1) != 1) {
		verr_errno(&err, errno, "cannot start pid 1");
		verr_print(&err);
	}
	close(sync[1]);
	/* --nobody: pid 1 asks for its writable binds to be idmapped, which
	 * only root on the host may do, until its mounts are prepared. */
	if (idmap[0] >= 0) {
		if (idmap_serve(idmap[0], pid, plan, inside_uid, inside_gid, &err) < 0)
			verr_print(&err);
		close(idmap[0]);
	}
	trace("namespaces: pid 1 is host pid %d", (int)pid);
	status = supervise_outer(pid, &plan->limits, &term, &timed_out);
	return finish(plan, &sf, report[0], &cg, status, timed_out);
}
