#include "config.h"

#include <sched.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "error.h"
#include "util.h"

void plan_init(struct plan *plan)
{
	memset(plan, 0, sizeof *plan);
}

void plan_free(struct plan *plan)
{
	for (size_t i = 0; i < plan->n_mounts; i++) {
		free(plan->mounts[i].src);
		free(plan->mounts[i].dest);
		free(plan->mounts[i].origin);
	}
	for (size_t i = 0; i < plan->n_env; i++) {
		free(plan->env[i].name);
		free(plan->env[i].value);
		free(plan->env[i].origin);
	}
	free(plan->mounts);
	free(plan->env);
	free(plan->root.path);
	free(plan->root.origin);
	setting_set(&plan->hostname, NULL, NULL);
	setting_set(&plan->chdir, NULL, NULL);
	free(plan->host_cwd);
	memset(plan, 0, sizeof *plan);
}

void setting_set(struct setting *s, const char *value, const char *origin)
{
	free(s->value);
	free(s->origin);
	s->value = value ? xstrdup(value) : NULL;
	s->origin = value ? xstrdup(origin) : NULL;
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

/* Directories the default mounts something of its own on. */
static bool under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

void plan_apply_default(struct plan *plan, const char *cwd, const char *tmpdir)
{
	static const char origin[] = "default";
	/* Steps already in the plan (--dir, --remount-ro, ...) refine the
	 * default, so they move after it. */
	struct mount_step *refinements = plan->mounts;
	size_t n_refinements = plan->n_mounts;

	plan->mounts = NULL;
	plan->n_mounts = plan->cap_mounts = 0;

	free(plan->root.path);
	free(plan->root.origin);
	plan->root = (struct root){
		.kind = ROOT_BIND, .path = xstrdup("/"), .flags = STEP_RO, .origin = xstrdup(origin)
	};
	plan_add_mount(plan, MOUNT_PROC, NULL, "/proc", origin);
	plan_add_mount(plan, MOUNT_SYSFS, NULL, "/sys", origin);
	plan_add_mount(plan, MOUNT_DEV, NULL, "/dev", origin);
	struct mount_step *tmp = plan_add_mount(plan, MOUNT_TMPFS, NULL, "/tmp", origin);
	tmp->mode = 01777;
	tmp->flags |= STEP_MODE_SET;
	/* $TMPDIR under /tmp would name a directory the private /tmp does not
	 * have; give it one, empty and private like the rest of /tmp. */
	char *tmp_dir = NULL;
	struct verr ignored;
	if (tmpdir && under(tmpdir, "/tmp") && normalize_dest(tmpdir, &tmp_dir, &ignored) == 0 &&
	    strcmp(tmp_dir, "/tmp") != 0) {
		struct mount_step *d = plan_add_mount(plan, MOUNT_DIR, NULL, tmp_dir, "default, $TMPDIR");
		d->mode = 01777;
		d->flags |= STEP_MODE_SET;
	}
	free(tmp_dir);
	/* The working directory comes last so that one under /tmp is still the
	 * caller's.  It is not made writable when it is / (that would undo the
	 * read-only root) or inside /proc, /sys or /dev (that would hide the
	 * sandbox's own). */
	if (strcmp(cwd, "/") != 0 && !under(cwd, "/proc") && !under(cwd, "/sys") &&
	    !under(cwd, "/dev"))
		plan_add_mount(plan, MOUNT_BIND, cwd, cwd, origin);
	for (size_t i = 0; i < n_refinements; i++) {
		grow(&plan->mounts, &plan->cap_mounts, plan->n_mounts, sizeof *plan->mounts);
		plan->mounts[plan->n_mounts++] = refinements[i];
	}
	free(refinements);
	plan->used_default = true;
}

const char *mount_kind_name(enum mount_kind kind)
{
	static const char *const names[] = {
		[MOUNT_BIND] = "bind",	   [MOUNT_PROC] = "proc",   [MOUNT_SYSFS] = "sysfs",
		[MOUNT_DEV] = "dev",	   [MOUNT_TMPFS] = "tmpfs", [MOUNT_DIR] = "dir",
		[MOUNT_SYMLINK] = "symlink", [MOUNT_REMOUNT_RO] = "remount-ro",
		[MOUNT_CHMOD] = "chmod",
	};
	return names[kind];
}

static void print_origin(const char *origin, FILE *out)
{
	fprintf(out, "  (%s)\n", origin);
}

static void print_namespaces(unsigned long ns, FILE *out)
{
	static const struct {
		unsigned long flag;
		const char *name;
	} names[] = {
		{ CLONE_NEWUSER, "user" }, { CLONE_NEWNS, "mount" },	{ CLONE_NEWPID, "pid" },
		{ CLONE_NEWNET, "net" },   { CLONE_NEWIPC, "ipc" },	{ CLONE_NEWUTS, "uts" },
		{ CLONE_NEWCGROUP, "cgroup" },
	};
	fputs("namespaces  ", out);
	for (size_t i = 0, n = 0; i < sizeof names / sizeof names[0]; i++)
		if (ns & names[i].flag)
			fprintf(out, "%s%s", n++ ? " " : "", names[i].name);
	fputc('\n', out);
}

static void print_mount(const struct mount_step *m, FILE *out)
{
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
	case MOUNT_SYSFS:
		fput_quoted(m->dest, out);
		fputs(" read-only", out);
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
		break;
	}
	print_origin(m->origin, out);
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
	}
	print_origin(e->origin, out);
}

void plan_print(const struct plan *plan, FILE *out)
{
	print_namespaces(plan->namespaces, out);
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
	for (size_t i = 0; i < plan->n_mounts; i++)
		print_mount(&plan->mounts[i], out);
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
	fputs("security    no_new_privs; descriptors above 2 closed\n", out);
	fputs("exec        ", out);
	for (char **a = plan->argv; a && *a; a++) {
		if (a != plan->argv)
			fputc(' ', out);
		fput_quoted(*a, out);
	}
	fputc('\n', out);
}
