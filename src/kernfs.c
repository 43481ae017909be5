#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kernfs.h"
#include "mounts.h"
#include "syscalls.h"
#include "util.h"

/* Why covers at all: a fresh proc is the kernel's, and its sysctls (and
 * irq, bus/pci, sysrq-trigger...) are owned by uid 0 with owner-writable
 * modes, so a command that is root without a single capability can still
 * write /proc/sys/kernel/core_pattern and have the host run a program as
 * root.  The proc mount as a whole cannot be read-only: the processes'
 * own files (uid_map, gid_map, setgroups, oom_score_adj, attr/...) must
 * stay writable for nested sandboxes and ordinary programs.  So every
 * top-level entry that is not a process gets a mount of its own:
 *
 *  - a directory, or a file with a write bit: a read-only bind of itself
 *    (what bubblewrap does for sys, sysrq-trigger, irq and bus, and
 *    Docker also for fs), found by listing the fresh proc, so that an
 *    entry a newer kernel adds is covered too;
 *  - the entries Docker masks, for what they tell of the host (kernel
 *    memory, keys, timers, scheduler, sound, ACPI, SCSI): a directory gets
 *    an empty read-only tmpfs, a file the host's /dev/null, as in Docker,
 *    so it reads as empty (a device node takes writes even on a read-only
 *    mount: they go to /dev/null).
 *
 * The masks are made before the pivot, while the host's /dev/null is
 * there, as a mount each: older kernels (before 6.15 or so) copy no mount
 * out of a detached tree, so one detached tmpfs cannot serve them all.
 *
 * Symbolic links (self, thread-self, net, mounts) lead into the processes'
 * directories, which stay as they are.
 *
 * The cost: one mount an entry, a dozen or so on a usual kernel, about
 * 0.1 ms an action in all (see read_only_files for the rest).
 *
 * What it costs a nested sandbox: a user namespace made inside gets these
 * mounts locked (it cannot take them off), and the kernel then refuses it
 * a proc of its own (mount_too_revealing(): this proc is no longer "fully
 * visible").  That refusal is what keeps the covers meaningful: a fresh
 * proc there, for a command that is uid 0 outside, would have a writable
 * core_pattern again.  --proc-unmasked (proc-unmasked = yes) leaves all
 * of this out, for nested sandboxes that mount their own proc. */

static const char *const masked[] = {
	"kcore", "keys", "timer_list", "timer_stats", "sched_debug", "latency_stats",
	"asound", "acpi", "scsi",
};

/* sysfs is read-only already; these are masked for what they show. */
static const char *const sysfs_masked[] = { "firmware", "devices/virtual/powercap" };

#define KERNFS_MASK_ATTRS (MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC)

void kernfs_init(struct kernfs_covers *c)
{
	*c = (struct kernfs_covers){ 0 };
}

void kernfs_close(struct kernfs_covers *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->items[i].path);
		if (c->items[i].src >= 0)
			close(c->items[i].src);
	}
	free(c->items);
	kernfs_init(c);
}

static void add_cover(struct kernfs_covers *c, const char *path, int src)
{
	grow(&c->items, &c->cap, c->n, sizeof *c->items);
	c->items[c->n++] = (struct kernfs_cover){ .path = xstrdup(path), .src = src };
}

/* An empty directory or an empty file, read-only, to put over path. */
static int make_mask(bool dir, const char *path, struct verr *err)
{
	int fd;

	if (!dir) {
		fd = tree_clone(AT_FDCWD, "/dev/null", false, KERNFS_MASK_ATTRS, err);
	} else {
		fd = fs_new("tmpfs", (struct fs_option[]){ { "mode", "555" }, { NULL, NULL } },
			    KERNFS_MASK_ATTRS | MOUNT_ATTR_NODEV, err);
	}
	if (fd < 0)
		verr_prefix(err, "cannot mask %s", path);
	return fd;
}

/* Files the kernel makes at the top of proc without a write bit, and
 * without a write operation (fs/proc and the proc_create() calls of
 * mm, kernel, block, crypto...).  Looking a name up in a fresh proc makes
 * its inode, and doing that for every entry cost 70 us an action, more
 * than all the mounts: these are known to be read-only by name, and any
 * other file is looked at. */
static const char *const read_only_files[] = {
	"allocinfo", "bootconfig", "buddyinfo", "cgroups", "cmdline", "config.gz", "consoles",
	"cpuinfo", "crypto", "devices", "diskstats", "dma", "execdomains", "fb", "filesystems",
	"interrupts", "iomem", "ioports", "kallsyms", "key-users", "kmsg", "kpagecgroup",
	"kpagecount", "kpageflags", "loadavg", "locks", "meminfo", "misc", "modules",
	"pagetypeinfo", "partitions", "schedstat", "slabinfo", "softirqs", "stat", "swaps",
	"uptime", "version", "vmallocinfo", "vmstat", "zoneinfo",
};

static bool in(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

#define IN(list, name) in(list, sizeof list / sizeof *list, name)

enum action { LEAVE, COVER, MASK };

/* What to do with one top-level entry of proc; *is_dir says whether it is
 * a directory. */
static enum action proc_entry_action(int dir, const struct dirent *e, bool *is_dir)
{
	struct stat st;

	if (e->d_name[0] == '.' || is_plain_number(e->d_name, false) || e->d_type == DT_LNK)
		return LEAVE;
	*is_dir = e->d_type == DT_DIR;
	if (e->d_type == DT_REG && IN(read_only_files, e->d_name))
		return LEAVE;
	if (e->d_type != DT_DIR) {
		if (fstatat(dir, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			return LEAVE; /* a process that just ended */
		if (S_ISLNK(st.st_mode))
			return LEAVE;
		*is_dir = S_ISDIR(st.st_mode);
		if (!*is_dir && !IN(masked, e->d_name) && !(S_ISREG(st.st_mode) && (st.st_mode & 0222)))
			return LEAVE;
	}
	return IN(masked, e->d_name) ? MASK : COVER;
}

int kernfs_prepare_proc(int fd, struct kernfs_covers *c, struct verr *err)
{
	int dir = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	struct dirent *e;
	DIR *d;

	if (dir < 0 || !(d = fdopendir(dir))) {
		verr_errno(err, errno, "cannot list the new proc");
		if (dir >= 0)
			close(dir);
		return -1;
	}
	while ((e = readdir(d))) {
		bool is_dir = false;
		enum action action = proc_entry_action(dirfd(d), e, &is_dir);
		int src = -1;

		if (action == MASK && (src = make_mask(is_dir, e->d_name, err)) < 0) {
			closedir(d);
			return -1;
		}
		if (action != LEAVE)
			add_cover(c, e->d_name, src);
	}
	closedir(d);
	return 0;
}

int kernfs_prepare_sysfs(int fd, struct kernfs_covers *c, struct verr *err)
{
	for (size_t i = 0; i < sizeof sysfs_masked / sizeof *sysfs_masked; i++) {
		int t = sys_openat2(fd, sysfs_masked[i], O_PATH | O_DIRECTORY | O_CLOEXEC, 0,
				    RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS);
		int src;

		if (t < 0)
			continue; /* not on this machine */
		close(t);
		src = make_mask(true, sysfs_masked[i], err);
		if (src < 0)
			return -1;
		add_cover(c, sysfs_masked[i], src);
	}
	return 0;
}

/* The entry, found by descriptor from the file system's root and never
 * through a symbolic link, gets its mask or a read-only copy of itself. */
static int cover(const struct kernfs_cover *k, int fd, const char *dest, struct verr *err)
{
	int t = sys_openat2(fd, k->path, O_PATH | O_NOFOLLOW | O_CLOEXEC, 0,
			    RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS);
	int src = k->src, rc;

	if (t < 0)
		return verr_errno(err, errno, "%s/%s", dest, k->path);
	if (src < 0)
		src = tree_clone(t, "", false, MOUNT_ATTR_RDONLY, err);
	rc = src < 0 ? -1 : attach(src, t, NULL, k->path, err);
	if (src >= 0 && src != k->src)
		close(src);
	close(t);
	if (rc < 0)
		verr_prefix(err, "cannot cover %s/%s", dest, k->path);
	return rc;
}

int kernfs_attach(struct kernfs_covers *c, int fd, const char *dest, struct verr *err)
{
	for (size_t i = 0; i < c->n; i++)
		if (cover(&c->items[i], fd, dest, err) < 0)
			return -1;
	return 0;
}
