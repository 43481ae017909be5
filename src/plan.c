#include "config.h"

#include <sched.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plan.h"
#include "error.h"
#include "cgroup.h"
#include "landlock.h"
#include "limit.h"
#include "security.h"
#include "util.h"

const struct plan_namespace plan_namespaces[PLAN_NAMESPACES] = {
	{ CLONE_NEWUSER, "user" }, { CLONE_NEWNET, "net" },	     { CLONE_NEWIPC, "ipc" },
	{ CLONE_NEWUTS, "uts" },   { CLONE_NEWCGROUP, "cgroup" },
};

void plan_init(struct plan *plan)
{
	memset(plan, 0, sizeof *plan);
	plan->bind_source = (struct source_process)SOURCE_PROCESS_INIT;
	plan->limits.kill_after = 2; /* as coreutils timeout's --kill-after */
	plan->cwd_fd = -1;
	plan->shm_size = SHM_SIZE_DEFAULT;
}

void plan_free(struct plan *plan)
{
	plan_clear_mounts(plan);
	for (size_t i = 0; i < plan->n_env; i++) {
		free(plan->env[i].name);
		free(plan->env[i].value);
		free(plan->env[i].origin);
	}
	free(plan->mounts);
	free(plan->env);
	free(plan->root.path);
	free(plan->root.origin);
	free(plan->bind_source_pid_origin);
	free(plan->trust_source_pid);
	source_process_close(&plan->bind_source);
	for (int i = 0; i < PLAN_NAMESPACES; i++)
		free(plan->ns_origin[i]);
	free(plan->uid.origin);
	free(plan->outside_nobody);
	free(plan->gid.origin);
	setting_set(&plan->hostname, NULL, NULL);
	setting_set(&plan->chdir, NULL, NULL);
	free(plan->host_cwd);
	if (plan->cwd_fd >= 0)
		close(plan->cwd_fd);
	limits_free(&plan->limits);
	cgroup_limits_free(&plan->cgroup);
	setting_set(&plan->stats, NULL, NULL);
	free(plan->die_with_parent);
	free(plan->proc_unmasked);
	free(plan->shm_size_origin);
	security_free(&plan->security);
	landlock_setting_free(&plan->landlock);
	memset(plan, 0, sizeof *plan);
	plan->bind_source = (struct source_process)SOURCE_PROCESS_INIT;
}

void setting_set(struct setting *s, const char *value, const char *origin)
{
	str_replace(&s->value, value);
	str_replace(&s->origin, value ? origin : NULL);
}

struct mount_step *plan_add_mount(struct plan *plan, enum mount_kind kind, const char *src,
				  const char *dest, const char *origin)
{
	struct mount_step *step;

	grow(&plan->mounts, &plan->cap_mounts, plan->n_mounts, sizeof *plan->mounts);
	step = &plan->mounts[plan->n_mounts++];
	*step = (struct mount_step){
		.kind = kind,
		.src = src ? xstrdup(src) : NULL,
		.dest = xstrdup(dest),
		.origin = xstrdup(origin),
	};
	return step;
}

void plan_add_env(struct plan *plan, enum env_kind kind, const char *name, const char *value,
		  const char *origin)
{
	grow(&plan->env, &plan->cap_env, plan->n_env, sizeof *plan->env);
	plan->env[plan->n_env++] = (struct env_step){
		.kind = kind,
		.name = name ? xstrdup(name) : NULL,
		.value = value ? xstrdup(value) : NULL,
		.origin = xstrdup(origin),
	};
}

void plan_clear_mounts(struct plan *plan)
{
	for (size_t i = 0; i < plan->n_mounts; i++) {
		free(plan->mounts[i].src);
		free(plan->mounts[i].dest);
		free(plan->mounts[i].origin);
	}
	plan->n_mounts = 0;
}

const char *mount_kind_name(enum mount_kind kind)
{
	static const char *const names[] = {
		[MOUNT_BIND] = "bind",	   [MOUNT_PROC] = "proc",   [MOUNT_SYSFS] = "sysfs",
		[MOUNT_DEV] = "dev",	   [MOUNT_TMPFS] = "tmpfs", [MOUNT_DIR] = "dir",
		[MOUNT_SYMLINK] = "symlink", [MOUNT_REMOUNT_RO] = "remount-ro",
		[MOUNT_CHMOD] = "chmod",   [MOUNT_PIN] = "pin",
	};
	return names[kind];
}

static void print_origin(const char *origin, FILE *out)
{
	fprintf(out, "  (%s)\n", origin);
}

static void print_namespaces(const struct plan *plan, FILE *out)
{
	fputs("namespaces  mount pid  (always)\n", out);
	for (int i = 0; i < PLAN_NAMESPACES; i++) {
		if (!(plan->namespaces & plan_namespaces[i].flag))
			continue;
		fprintf(out, "namespace   %s", plan_namespaces[i].name);
		print_origin(plan->ns_origin[i] ? plan->ns_origin[i] : "?", out);
	}
	if (plan->uid.set) {
		fprintf(out, "uid         %u inside, the caller's outside", plan->uid.id);
		print_origin(plan->uid.origin, out);
	}
	if (plan->gid.set) {
		fprintf(out, "gid         %u inside, the caller's outside", plan->gid.id);
		print_origin(plan->gid.origin, out);
	}
	if (plan->outside_nobody) {
		fputs("outside     nobody (65534:65534) when veil is root; writable binds idmapped "
		      "to their owner", out);
		print_origin(plan->outside_nobody, out);
	}
}

static void print_mount(const struct plan *plan, const struct mount_step *m, FILE *out)
{
	const char *masked = plan->proc_unmasked ? " unmasked" : " masked";

	fprintf(out, "%-11s ", mount_kind_name(m->kind));
	switch (m->kind) {
	case MOUNT_BIND:
		fput_quoted(m->src, out);
		fputs(" -> ", out);
		fput_quoted(m->dest, out);
		fputs(m->flags & STEP_RO ? " read-only" : " read-write", out);
		if (m->flags & STEP_DEVICES)
			fputs(" devices", out);
		if (m->flags & STEP_TRY)
			fputs(" if-present", out);
		break;
	case MOUNT_SYMLINK:
		fput_quoted(m->dest, out);
		fputs(" -> ", out);
		fput_quoted(m->src, out);
		break;
	case MOUNT_PROC:
		fput_quoted(m->dest, out);
		fputs(masked, out);
		break;
	case MOUNT_SYSFS:
		fput_quoted(m->dest, out);
		fputs(" read-only", out);
		fputs(masked, out);
		break;
	case MOUNT_DEV:
		fput_quoted(m->dest, out);
		fprintf(out, " size=%llu shm-size=%llu", m->size, plan->shm_size);
		break;
	case MOUNT_TMPFS:
	case MOUNT_DIR:
	case MOUNT_CHMOD:
		fput_quoted(m->dest, out);
		fprintf(out, " mode=%04o", (unsigned)m->mode);
		if (m->size)
			fprintf(out, " size=%llu", m->size);
		break;
	default:
		fput_quoted(m->dest, out);
		if ((m->kind == MOUNT_REMOUNT_RO || m->kind == MOUNT_PIN) && (m->flags & STEP_TRY))
			fputs(" if-present", out);
		break;
	}
	print_origin(m->origin, out);
}

/* Whether proc and sysfs keep kernfs.c's covers, and why not. */
static void print_unmasked(const struct plan *plan, FILE *out)
{
	for (size_t i = 0; i < plan->n_mounts && plan->proc_unmasked; i++) {
		if (plan->mounts[i].kind == MOUNT_PROC || plan->mounts[i].kind == MOUNT_SYSFS) {
			fputs("unmasked    proc and sysfs as the kernel makes them: sysctls writable", out);
			print_origin(plan->proc_unmasked, out);
			return;
		}
	}
}

static void print_env(const struct env_step *e, FILE *out)
{
	switch (e->kind) {
	case ENV_SET:
		fprintf(out, "%-11s %s=", "setenv", e->name);
		fput_quoted(e->value, out);
		break;
	case ENV_UNSET:
		fprintf(out, "%-11s %s", "unsetenv", e->name);
		break;
	case ENV_CLEAR:
		fputs("clearenv", out);
		break;
	case ENV_KEEP:
		fprintf(out, "%-11s %s", "keepenv", e->name);
		break;
	}
	print_origin(e->origin, out);
}

void plan_print(const struct plan *plan, FILE *out)
{
	print_namespaces(plan, out);
	fputs("propagation / private, recursive\n", out);
	if (plan->root.kind == ROOT_TMPFS) {
		fputs("root        empty tmpfs", out);
	} else {
		fputs("root        ", out);
		fput_quoted(plan->root.path, out);
		fputs(plan->root.flags & STEP_RO ? " read-only" : " read-write", out);
		if (plan->root.flags & STEP_DEVICES)
			fputs(" devices", out);
	}
	print_origin(plan->root.origin, out);
	if (plan->bind_source.pid > 0) {
		fprintf(out, "%-11s bind sources in /proc/%ld/root", "sources",
			(long)plan->bind_source.pid);
		if (plan->trust_source_pid)
			fputs(", trusted", out);
		print_origin(plan->bind_source_pid_origin, out);
	}
	for (size_t i = 0; i < plan->n_mounts; i++)
		print_mount(plan, &plan->mounts[i], out);
	print_unmasked(plan, out);
	if (plan->hostname.value) {
		fprintf(out, "hostname    %s", plan->hostname.value);
		print_origin(plan->hostname.origin, out);
	}
	for (size_t i = 0; i < plan->n_env; i++)
		print_env(&plan->env[i], out);
	fputs("chdir       ", out);
	if (plan->chdir.value) {
		fput_quoted(plan->chdir.value, out);
		print_origin(plan->chdir.origin, out);
	} else {
		fput_quoted(plan->host_cwd, out);
		fputs(" if present, else /\n", out);
	}
	limits_print(&plan->limits, out);
	cgroup_print(&plan->cgroup, out);
	if (plan->die_with_parent)
		fprintf(out, "%-11s SIGKILL when veil's parent dies  (%s)\n", "lifetime",
			plan->die_with_parent);
	if (plan->stats.value) {
		fprintf(out, "%-11s ", "stats");
		fput_quoted(plan->stats.value, out);
		print_origin(plan->stats.origin, out);
	}
	security_print(&plan->security, plan->namespaces, out);
	landlock_print(&plan->landlock, out);
	fputs("exec        ", out);
	for (char **a = plan->argv; a && *a; a++) {
		if (a != plan->argv)
			fputc(' ', out);
		fput_quoted(*a, out);
	}
	fputc('\n', out);
}
