#include "config.h"

#include <errno.h>
#include <grp.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "namespaces.h"
#include "syscalls.h"

pid_t ns_clone(unsigned long flags, struct verr *err)
{
	pid_t pid = sys_clone_fork(flags | SIGCHLD);

	if (pid < 0) {
		if (errno == EPERM || errno == ENOSPC || errno == EUSERS)
			return verr_errno(err, errno,
					  "cannot create namespaces (is veil running as root, or "
					  "are user namespaces allowed here?)");
		return verr_errno(err, errno, "cannot create namespaces");
	}
	return pid;
}

static int write_file(pid_t pid, const char *name, const char *text, struct verr *err)
{
	char path[64];
	size_t len = strlen(text);
	int fd;

	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return verr_errno(err, errno, "%s", path);
	if (write(fd, text, len) != (ssize_t)len) {
		verr_errno(err, errno, "cannot write '%.*s' to %s", (int)strcspn(text, "\n"), text,
			   path);
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int ns_write_id_maps(pid_t pid, uid_t uid, gid_t gid, uid_t inside_uid, gid_t inside_gid,
		     struct verr *err)
{
	char map[64];

	/* Only a root veil maps the command to another user (--nobody); it
	 * leaves setgroups allowed, for pid 1 to drop root's groups. */
	if (uid == getuid() && write_file(pid, "setgroups", "deny", err) < 0 && errno != ENOENT)
		return -1;
	snprintf(map, sizeof map, "%u %u 1\n", (unsigned)inside_uid, (unsigned)uid);
	if (write_file(pid, "uid_map", map, err) < 0)
		return -1;
	snprintf(map, sizeof map, "%u %u 1\n", (unsigned)inside_gid, (unsigned)gid);
	return write_file(pid, "gid_map", map, err);
}

int ns_new_user(uid_t inside_uid, gid_t inside_gid, uid_t outside_uid, gid_t outside_gid,
		struct verr *err)
{
	char path[64];
	int hold[2], fd = -1;
	pid_t pid;

	/* A child holds the namespace while its maps are written and it is
	 * opened; the descriptor keeps it alive after the child is gone. */
	if (pipe2(hold, O_CLOEXEC) < 0)
		return verr_errno(err, errno, "pipe");
	pid = sys_clone_fork(CLONE_NEWUSER | SIGCHLD);
	if (pid == 0) {
		char byte;
		close(hold[1]);
		_exit(read(hold[0], &byte, 1) < 0);
	}
	close(hold[0]);
	if (pid < 0) {
		verr_errno(err, errno, "cannot create a user namespace for an idmapped mount");
	} else if (ns_write_id_maps(pid, outside_uid, outside_gid, inside_uid, inside_gid, err) == 0) {
		snprintf(path, sizeof path, "/proc/%d/ns/user", (int)pid);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			verr_errno(err, errno, "%s", path);
	}
	close(hold[1]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return fd;
}

int ns_loopback_up(struct verr *err)
{
	struct ifreq ifr = { .ifr_name = "lo" };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int rc = 0;

	if (fd < 0)
		return verr_errno(err, errno, "loopback: socket");
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) {
		rc = verr_errno(err, errno, "loopback: cannot read its flags");
	} else if (!(ifr.ifr_flags & IFF_UP)) {
		ifr.ifr_flags |= IFF_UP;
		if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
			rc = verr_errno(err, errno, "loopback: cannot bring it up");
	}
	close(fd);
	return rc;
}

int ns_become_inside_root(uid_t uid, gid_t gid, struct verr *err)
{
	if (setgroups(0, NULL) < 0)
		return verr_errno(err, errno, "--nobody: cannot drop root's supplementary groups");
	if (setresgid(gid, gid, gid) < 0 || setresuid(uid, uid, uid) < 0)
		return verr_errno(err, errno, "--nobody: cannot take the ids of nobody");
	return 0;
}
