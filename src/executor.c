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

#include "executor.h"
#include "limit.h"
#include "mounts.h"
#include "namespaces.h"
#include "resolve.h"
#include "security.h"
#include "supervise.h"
#include "syscalls.h"
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
static int sandbox_setup(const struct plan *plan, struct verr *err)
{
	struct mount_objects objs = { .root = -1 };
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

static void __attribute__((noreturn))
exec_command(const struct plan *plan, const sigset_t *mask, mode_t saved_umask)
{
	struct verr err;
	int e;

	sigprocmask(SIG_SETMASK, mask, NULL);
	umask(saved_umask);
	/* Before the security step: raising a hard limit needs
	 * CAP_SYS_RESOURCE, which that step drops. */
	if (limits_apply(&plan->limits, &err) < 0) {
		verr_print(&err);
		_exit(VEIL_EXIT_FAILURE);
	}
	/* No descriptor of veil's or the caller's (beyond 0, 1, 2) reaches
	 * the command; marked before the seccomp filter, which could deny it. */
	sys_close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
	/* Nothing the command runs can gain privileges: no_new_privs, the
	 * capabilities not kept dropped, the seccomp filter loaded last. */
	if (security_apply(&plan->security, &err) < 0) {
		verr_print(&err);
		_exit(VEIL_EXIT_FAILURE);
	}
	trace("exec %s", plan->argv[0]);
	execvp(plan->argv[0], plan->argv);
	e = errno;
	fprintf(stderr, "veil: %s: %s\n", plan->argv[0], strerror(e));
	_exit(e == ENOENT ? VEIL_EXIT_NOT_FOUND : VEIL_EXIT_CANNOT_EXEC);
}

/* pid 1 of the new pid namespace: set up, start the command, supervise. */
static int pid1_main(const struct plan *plan, int sync_fd, const sigset_t *mask)
{
	struct verr err;
	mode_t saved_umask;
	pid_t command;
	char go;

	/* If veil dies, so does pid 1, and with it the whole namespace.  The
	 * read below closes the race with a veil that died before this line. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (read(sync_fd, &go, 1) != 1)
		return VEIL_EXIT_FAILURE;
	close(sync_fd);

	saved_umask = umask(0); /* modes in the plan are meant as written */
	if (sandbox_setup(plan, &err) < 0) {
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	command = fork();
	if (command < 0) {
		verr_errno(&err, errno, "cannot start the command");
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	if (command == 0)
		exec_command(plan, mask, saved_umask);
	return supervise_pid1(command);
}

int executor_run(const struct plan *plan)
{
	uid_t uid = getuid();
	gid_t gid = getgid();
	struct verr err;
	sigset_t mask;
	int sync[2];
	pid_t pid;

	supervise_block_signals(&mask);
	fflush(NULL);
	if (pipe2(sync, O_CLOEXEC) < 0) {
		verr_errno(&err, errno, "pipe");
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	pid = ns_clone(plan->namespaces, &err);
	if (pid == 0) {
		close(sync[1]);
		_exit(pid1_main(plan, sync[0], &mask));
	}
	close(sync[0]);
	if (pid > 0 && (plan->namespaces & CLONE_NEWUSER) &&
	    ns_write_id_maps(pid, uid, gid, &err) < 0) {
		close(sync[1]); /* pid 1 reads end-of-file and exits */
		waitpid(pid, NULL, 0);
		pid = -1;
	}
	if (pid < 0) {
		verr_print(&err);
		return VEIL_EXIT_FAILURE;
	}
	if (write(sync[1], "", 1) != 1) {
		verr_errno(&err, errno, "cannot start pid 1");
		verr_print(&err);
	}
	close(sync[1]);
	trace("namespaces: pid 1 is host pid %d", (int)pid);
	return supervise_outer(pid, &plan->limits);
}
