/* syscall-probe [NAME]... - make the system calls veil's seccomp list is
 * about, directly with syscall(2), and print how each one ended:
 *
 *     NAME: ok              it succeeded
 *     NAME: EPERM           it failed with that errno
 *     NAME: killed by SIGSYS
 *
 * Without NAME, every probe runs, in the order of the table below.  The
 * arguments are chosen so that, unfiltered and even with every capability,
 * each call fails harmlessly (a bad pointer, a bad descriptor) or does
 * something that dies with the probe's own process: nothing on the host
 * changes.  Calls that would change the probe itself (namespaces,
 * personality) are made in a child.  Linked statically, so it runs in a
 * root with nothing else in it.
 *
 * syscall-probe writable DIR - walk the proc file system at DIR, outside
 * its process directories, and print each file that opens for writing:
 *
 *     PATH: written         it opened, and took back the value it held
 *     PATH: opened          it opened for writing (nothing was written)
 *
 * Only sysctls (under DIR/sys) are written to, and only with what they
 * just read as, a write that leaves the kernel as it was; any other file
 * is only opened (PCI config space, for one, must not be written even
 * with its own bytes).  Symbolic links are not followed, so DIR/self,
 * DIR/net and the like are left out, and so are the directories named by
 * a number at the top (the processes).  The walk goes by descriptor, into
 * whatever is mounted under DIR (find -xdev would stop at veil's covers).
 *
 * The probes of one action reaching another (hostile-actions.t,
 * hostile-sockets.t) take an argument, NAME=ARG, and are run only when
 * named; ADDR is a unix socket's path, or @NAME for an abstract one:
 *
 *     listen=ADDR     bind ADDR, listen, print "listen: ok", then accept
 *                     (and close) connections until killed
 *     connect=ADDR    connect to ADDR
 *     peer=ADDR       connect, and keep a pidfd of the process listening
 *                     on ADDR (SO_PEERPIDFD) for the probes below
 *     pidfd-getfd=N   take its descriptor N (pidfd_getfd) and print what
 *                     it reads from the start
 *     pidfd-ns        open its mount namespace (PIDFD_GET_MNT_NAMESPACE)
 *     pidfd-kill      send it SIGTERM (pidfd_send_signal)
 *     landlock-abi    print the kernel's Landlock ABI version
 *
 * The probes of a root command reaching root's kernel objects (root-head.t):
 *
 *     unshare-cgroup    a new cgroup namespace, without a user namespace
 *     mount-cgroup2     mount cgroup2 on /tmp, without one
 *     cgroup-kill=REL   in a new user, mount and cgroup namespace, mount
 *                       cgroup2 on /tmp and write 1 to REL/cgroup.kill
 *     setns-user=PATH   enter the user namespace PATH, then a new mount
 *                       and cgroup namespace, and mount cgroup2 on /tmp
 *     io_uring-vsock    create an AF_VSOCK socket through io_uring
 *                       (IORING_OP_SOCKET), not socket(2)
 *     key-add=DESC      add a "user" key DESC, payload s3cret, to the
 *                       user keyring
 *     key-read=DESC     find DESC in the user keyring, print its payload
 *     key-remove=DESC   find DESC in the user keyring, unlink it */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <linux/keyctl.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/vm_sockets.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef TIOCLINUX
#define TIOCLINUX 0x541C
#endif
/* Numbers shared by every architecture, newer than the C library's
 * headers. */
#define NR_OPEN_TREE_ATTR 467
#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif

/* A child makes the call; its exit status carries the errno. */
#define IN_CHILD 1
/* Only when named: not part of the run without arguments. */
#define NAMED_ONLY 2
/* It prints its own line when it succeeds. */
#define OWN_LINE 4

static long p_kexec_load(void)
{
	/* More segments than the kernel takes: EINVAL, if it gets that far. */
	return syscall(SYS_kexec_load, 0UL, 17UL, NULL, 0UL);
}

static long p_kexec_file_load(void)
{
	return syscall(SYS_kexec_file_load, -1, -1, 0UL, NULL, 0UL);
}

static long p_init_module(void)
{
	return syscall(SYS_init_module, NULL, 0UL, "");
}

static long p_finit_module(void)
{
	return syscall(SYS_finit_module, -1, "", 0);
}

static long p_delete_module(void)
{
	return syscall(SYS_delete_module, NULL, 0);
}

static long p_open_by_handle_at(void)
{
	return syscall(SYS_open_by_handle_at, -1, NULL, 0);
}

static long p_name_to_handle_at(void)
{
	return syscall(SYS_name_to_handle_at, AT_FDCWD, NULL, NULL, NULL, 0);
}

static long p_mount(void)
{
	return syscall(SYS_mount, NULL, NULL, NULL, 0UL, NULL);
}

static long p_umount2(void)
{
	return syscall(SYS_umount2, NULL, 0);
}

static long p_pivot_root(void)
{
	return syscall(SYS_pivot_root, NULL, NULL);
}

static long p_move_mount(void)
{
	return syscall(SYS_move_mount, -1, NULL, -1, NULL, 0);
}

static long p_open_tree(void)
{
	return syscall(SYS_open_tree, -1, NULL, 0);
}

static long p_fsopen(void)
{
	return syscall(SYS_fsopen, NULL, 0);
}

static long p_fsconfig(void)
{
	return syscall(SYS_fsconfig, -1, 0, NULL, NULL, 0);
}

static long p_fsmount(void)
{
	return syscall(SYS_fsmount, -1, 0, 0);
}

static long p_fspick(void)
{
	return syscall(SYS_fspick, -1, NULL, 0);
}

static long p_mount_setattr(void)
{
	return syscall(SYS_mount_setattr, -1, NULL, 0, NULL, 0);
}

static long p_unshare(void)
{
	return syscall(SYS_unshare, CLONE_NEWUSER);
}

static long p_setns(void)
{
	return syscall(SYS_setns, -1, 0);
}

/* clone without a new stack returns twice, as fork does. */
static long do_clone(unsigned long flags)
{
	long pid = syscall(SYS_clone, flags | SIGCHLD, 0UL, NULL, NULL, 0UL);

	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid((pid_t)pid, NULL, 0);
	return pid < 0 ? -1 : 0;
}

static long p_clone(void)
{
	return do_clone(0);
}

static long p_clone_newuser(void)
{
	return do_clone(CLONE_NEWUSER);
}

static long p_clone_newns(void)
{
	return do_clone(CLONE_NEWNS);
}

static long p_clone3(void)
{
	struct clone_args args;
	long pid;

	memset(&args, 0, sizeof args);
	args.exit_signal = SIGCHLD;
	pid = syscall(SYS_clone3, &args, sizeof args);
	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid((pid_t)pid, NULL, 0);
	return pid < 0 ? -1 : 0;
}

static long p_keyctl(void)
{
	return syscall(SYS_keyctl, 9999, 0, 0, 0, 0);
}

static long p_add_key(void)
{
	return syscall(SYS_add_key, NULL, NULL, NULL, 0, 0);
}

static long p_request_key(void)
{
	return syscall(SYS_request_key, NULL, NULL, NULL, 0);
}

static long p_userfaultfd(void)
{
	return syscall(SYS_userfaultfd, ~0);
}

static long p_perf_event_open(void)
{
	return syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0UL);
}

static long p_bpf(void)
{
	return syscall(SYS_bpf, -1, NULL, 0);
}

static long p_personality_linux32(void)
{
	return syscall(SYS_personality, 0x0008UL); /* PER_LINUX32 */
}

/* The kernel reads 32 bits: this is PER_LINUX32 too. */
static long p_personality_high(void)
{
	return syscall(SYS_personality, (1UL << 32) | 0x0008UL);
}

static long p_personality_linux(void)
{
	return syscall(SYS_personality, 0UL);
}

static long p_personality_query(void)
{
	return syscall(SYS_personality, 0xffffffffUL);
}

static long p_tiocsti(void)
{
	char c = 'x';
	return syscall(SYS_ioctl, -1, (unsigned long)TIOCSTI, &c);
}

/* Junk in the high half of the request, which the kernel ignores. */
static long p_tiocsti_high(void)
{
	char c = 'x';
	return syscall(SYS_ioctl, -1, (1UL << 32) | TIOCSTI, &c);
}

/* Push a character into the terminal on standard input, for real: the
 * kernel allows it only on the caller's controlling terminal (or with
 * CAP_SYS_ADMIN).  Named only, as it needs a terminal. */
static long p_tiocsti_stdin(void)
{
	char c = 'x';
	return syscall(SYS_ioctl, 0, (unsigned long)TIOCSTI, &c);
}

/* Make the terminal on standard input exclusive (no more opens but
 * root's); it should stay the action's own pty's business.  Named only. */
static long p_tiocexcl_stdin(void)
{
	return syscall(SYS_ioctl, 0, (unsigned long)TIOCEXCL, 0);
}

static long p_tioclinux(void)
{
	char c = 0;
	return syscall(SYS_ioctl, -1, (unsigned long)TIOCLINUX, &c);
}

/* Any other ioctl is left alone. */
static long p_tcgets(void)
{
	char buf[64];
	return syscall(SYS_ioctl, -1, (unsigned long)TCGETS, buf);
}


static long p_open_tree_attr(void)
{
	return syscall(NR_OPEN_TREE_ATTR, -1, NULL, 0, NULL, 0UL);
}

/* The attack: clone the (read-only) mount of the working directory with
 * its read-only flag cleared, and write the file "victim" through the
 * clone.  Named only: it changes that file when it succeeds. */
static long p_open_tree_attr_write(void)
{
	struct mount_attr attr = { .attr_clr = MOUNT_ATTR_RDONLY };
	static const char text[] = "written through a writable clone\n";
	int tree, fd;

	tree = (int)syscall(NR_OPEN_TREE_ATTR, AT_FDCWD, ".", OPEN_TREE_CLONE | O_CLOEXEC, &attr,
			    sizeof attr);
	if (tree < 0)
		return -1;
	fd = openat(tree, "victim", O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return -1;
	return write(fd, text, sizeof text - 1) < 0 ? -1 : 0;
}

/* System calls veil's list does not know: the kernel has none at 470 yet
 * (Linux 6.18), nor at 1000. */
static long p_nr_470(void)
{
	return syscall(470, 0UL, 0UL, 0UL);
}

static long p_nr_1000(void)
{
	return syscall(1000, 0UL, 0UL, 0UL);
}

#if defined(__x86_64__) || defined(__i386__)
static long p_modify_ldt(void)
{
	return syscall(SYS_modify_ldt, 0, NULL, 0UL); /* read 0 bytes of the LDT */
}
#endif

/* The NUMA calls, each asking for nothing or for the default policy. */
static long p_mbind(void)
{
	return syscall(SYS_mbind, NULL, 0UL, 0, NULL, 0UL, 0U);
}

static long p_set_mempolicy(void)
{
	return syscall(SYS_set_mempolicy, 0 /* MPOL_DEFAULT */, NULL, 0UL);
}

static long p_get_mempolicy(void)
{
	return syscall(SYS_get_mempolicy, NULL, NULL, 0UL, NULL, 0UL);
}

static long p_migrate_pages(void)
{
	return syscall(SYS_migrate_pages, -1, 0UL, NULL, NULL);
}

static long p_move_pages(void)
{
	return syscall(SYS_move_pages, -1, 0UL, NULL, NULL, NULL, 0);
}

static long p_set_mempolicy_home_node(void)
{
	return syscall(450, 0UL, 0UL, 0UL, ~0UL);
}

/* Calls on another process, each naming none. */
static long p_kcmp(void)
{
	return syscall(SYS_kcmp, -1, -1, 0, 0UL, 0UL);
}

static long p_pidfd_getfd(void)
{
	return syscall(SYS_pidfd_getfd, -1, 0, 0U);
}

static long p_process_madvise(void)
{
	return syscall(SYS_process_madvise, -1, NULL, 0UL, 0, 0U);
}

static long p_process_vm_readv(void)
{
	return syscall(SYS_process_vm_readv, 0, NULL, 0UL, NULL, 0UL, 0UL);
}

static long p_process_vm_writev(void)
{
	return syscall(SYS_process_vm_writev, 0, NULL, 0UL, NULL, 0UL, 0UL);
}

static long p_ptrace(void)
{
	return syscall(SYS_ptrace, 2 /* PTRACE_PEEKDATA */, 0, NULL, NULL);
}

static long p_memfd_secret(void)
{
	return syscall(SYS_memfd_secret, ~0U);
}

static long p_io_uring_setup(void)
{
	return syscall(SYS_io_uring_setup, 0U, NULL);
}

static long p_io_uring_enter(void)
{
	return syscall(SYS_io_uring_enter, -1, 0U, 0U, 0U, NULL, 0UL);
}

static long p_io_uring_register(void)
{
	return syscall(SYS_io_uring_register, -1, 0U, NULL, 0U);
}

/* Sockets: one of the family, closed at once. */
static long make_socket(int family, int type, int protocol)
{
	int fd = socket(family, type | SOCK_CLOEXEC, protocol);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static long p_socket_unix(void)
{
	return make_socket(AF_UNIX, SOCK_STREAM, 0);
}

static long p_socket_inet(void)
{
	return make_socket(AF_INET, SOCK_DGRAM, 0);
}

static long p_socket_inet6(void)
{
	return make_socket(AF_INET6, SOCK_DGRAM, 0);
}

static long p_socket_netlink(void)
{
	return make_socket(AF_NETLINK, SOCK_RAW, 0 /* NETLINK_ROUTE */);
}

static long p_socket_packet(void)
{
	return make_socket(AF_PACKET, SOCK_DGRAM, 0);
}

/* A vsock socket, bound to any port of any address: outside the network
 * namespace's reach, it is on the host's (or hypervisor's) vsock. */
static long p_vsock(void)
{
	struct sockaddr_vm addr = { .svm_family = AF_VSOCK, .svm_cid = VMADDR_CID_ANY,
				    .svm_port = VMADDR_PORT_ANY };
	int fd = socket(AF_VSOCK, SOCK_STREAM | SOCK_CLOEXEC, 0);
	long rc;

	if (fd < 0)
		return -1;
	rc = bind(fd, (struct sockaddr *)&addr, sizeof addr);
	close(fd);
	return rc;
}

static long p_socketpair_vsock(void)
{
	int sv[2];

	if (socketpair(AF_VSOCK, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	close(sv[0]);
	close(sv[1]);
	return 0;
}

/* The family in the high half of the register, which the kernel drops:
 * AF_VSOCK all the same. */
static long p_socket_vsock_high(void)
{
	long fd = syscall(SYS_socket, (1L << 32) | AF_VSOCK, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	close((int)fd);
	return 0;
}

/* --- one action reaching another ---------------------------------------- */

#ifndef SO_PEERPIDFD
#define SO_PEERPIDFD 77
#endif
#define PIDFD_GET_MNT_NAMESPACE _IO(0xFF, 3)

static const char *arg;	     /* NAME=ARG: ARG */
static int peer_pidfd = -1;  /* from peer=ADDR */

static socklen_t unix_addr(struct sockaddr_un *a)
{
	size_t n = strlen(arg);

	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	if (n >= sizeof a->sun_path) {
		fprintf(stderr, "syscall-probe: %s: too long\n", arg);
		exit(2);
	}
	memcpy(a->sun_path, arg, n);
	if (arg[0] == '@')
		a->sun_path[0] = '\0'; /* abstract: the name is not NUL-terminated */
	else
		n++;
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
}

static long p_connect(void)
{
	struct sockaddr_un a;
	socklen_t len = unix_addr(&a);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (s < 0)
		return -1;
	if (connect(s, (struct sockaddr *)&a, len) < 0)
		return -1;
	return s;
}

static long p_listen(void)
{
	struct sockaddr_un a;
	socklen_t len = unix_addr(&a);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (s < 0 || bind(s, (struct sockaddr *)&a, len) < 0 || listen(s, 16) < 0)
		return -1;
	printf("listen: ok\n");
	fflush(stdout);
	for (;;) {
		int c = accept(s, NULL, NULL);
		if (c >= 0)
			close(c);
	}
}

static long p_peer(void)
{
	socklen_t len = sizeof peer_pidfd;
	long s = p_connect();

	if (s < 0)
		return -1;
	return getsockopt((int)s, SOL_SOCKET, SO_PEERPIDFD, &peer_pidfd, &len);
}

static long p_peer_getfd(void)
{
	char buf[64];
	long fd = syscall(SYS_pidfd_getfd, peer_pidfd, atoi(arg), 0);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = pread((int)fd, buf, sizeof buf - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	printf("pidfd-getfd: ok, it reads: %s\n", buf);
	return 0;
}

static long p_pidfd_ns(void)
{
	return syscall(SYS_ioctl, peer_pidfd, PIDFD_GET_MNT_NAMESPACE, 0);
}

static long p_pidfd_kill(void)
{
	return syscall(SYS_pidfd_send_signal, peer_pidfd, SIGTERM, NULL, 0);
}

static long p_unshare_cgroup(void)
{
	return unshare(CLONE_NEWCGROUP);
}

static long p_mount_cgroup2(void)
{
	return mount("cgroup2", "/tmp", "cgroup2", 0, NULL);
}

static long p_setns_user(void)
{
	int fd = open(arg, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || setns(fd, CLONE_NEWUSER) < 0)
		return -1;
	if (unshare(CLONE_NEWNS | CLONE_NEWCGROUP) < 0)
		return -1;
	return mount("cgroup2", "/tmp", "cgroup2", 0, NULL);
}

static long p_cgroup_kill(void)
{
	char path[4096];
	int fd;

	if (unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWCGROUP) < 0)
		return -1;
	if (mount("cgroup2", "/tmp", "cgroup2", 0, NULL) < 0)
		return -1;
	snprintf(path, sizeof path, "/tmp/%s/cgroup.kill", arg);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "1", 1) != 1)
		return -1;
	return close(fd);
}

/* One SQE, one CQE, in the rings the kernel maps (one mapping for both
 * rings since Linux 5.4): no liburing. */
static long p_io_uring_vsock(void)
{
	struct io_uring_params p = { 0 };
	int fd = (int)syscall(SYS_io_uring_setup, 1U, &p);
	size_t sq_len, cq_len, len;
	struct io_uring_sqe *sqe;
	struct io_uring_cqe *cqe;
	unsigned *tail, head;
	char *ring;

	if (fd < 0)
		return -1;
	if (!(p.features & IORING_FEAT_SINGLE_MMAP)) {
		errno = EOPNOTSUPP;
		return -1;
	}
	sq_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
	cq_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	len = sq_len > cq_len ? sq_len : cq_len;
	ring = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd,
		    IORING_OFF_SQ_RING);
	sqe = mmap(NULL, p.sq_entries * sizeof *sqe, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
	if (ring == MAP_FAILED || sqe == MAP_FAILED)
		return -1;
	memset(sqe, 0, sizeof *sqe);
	sqe->opcode = IORING_OP_SOCKET;
	sqe->fd = AF_VSOCK;
	sqe->off = SOCK_STREAM;
	((unsigned *)(ring + p.sq_off.array))[0] = 0;
	tail = (unsigned *)(ring + p.sq_off.tail);
	__atomic_store_n(tail, *tail + 1, __ATOMIC_RELEASE);
	if (syscall(SYS_io_uring_enter, fd, 1U, 1U, IORING_ENTER_GETEVENTS, NULL, 0UL) < 0)
		return -1;
	head = __atomic_load_n((unsigned *)(ring + p.cq_off.head), __ATOMIC_ACQUIRE);
	cqe = (struct io_uring_cqe *)(ring + p.cq_off.cqes) +
	      (head & *(unsigned *)(ring + p.cq_off.ring_mask));
	if (cqe->res < 0) {
		errno = -cqe->res;
		return -1;
	}
	return close(cqe->res);
}

static long key_find(void)
{
	return syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_USER_KEYRING, "user", arg, 0);
}

static long p_key_add(void)
{
	return syscall(SYS_add_key, "user", arg, "s3cret", 6, KEY_SPEC_USER_KEYRING);
}

static long p_key_read(void)
{
	char buf[64];
	long id = key_find(), n;

	if (id < 0)
		return -1;
	n = syscall(SYS_keyctl, KEYCTL_READ, id, buf, sizeof buf - 1, 0);
	if (n < 0)
		return -1;
	buf[n < (long)sizeof buf ? n : (long)sizeof buf - 1] = '\0';
	printf("key-read: ok, it reads: %s\n", buf);
	return 0;
}

static long p_key_remove(void)
{
	long id = key_find();

	if (id < 0)
		return -1;
	return syscall(SYS_keyctl, KEYCTL_UNLINK, id, KEY_SPEC_USER_KEYRING, 0, 0);
}

static long p_landlock_abi(void)
{
	long abi = syscall(444 /* landlock_create_ruleset */, NULL, 0, 1U);

	if (abi < 0)
		return -1;
	printf("landlock-abi: %ld\n", abi);
	return 0;
}

#if defined(__x86_64__)
/* The i386 ABI, from this 64-bit process: int $0x80 with i386 numbers
 * and 32-bit arguments. */
static long i386_call(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c)
			 : "r8", "r9", "r10", "r11", "memory");
	if ((int)ret < 0) {
		errno = -(int)ret;
		return -1;
	}
	return ret;
}

static long p_i386_unshare(void)
{
	return i386_call(310 /* i386 unshare */, CLONE_NEWUSER, 0, 0);
}

static long p_i386_open_tree_attr(void)
{
	return i386_call(NR_OPEN_TREE_ATTR, -1, 0, 0);
}

static long p_i386_nr_470(void)
{
	return i386_call(470, 0, 0, 0);
}

static long p_i386_socket_vsock(void)
{
	long fd = i386_call(359 /* i386 socket */, AF_VSOCK, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	close((int)fd);
	return 0;
}

/* socketcall(SYS_SOCKET, args): the arguments are in memory, which a
 * 32-bit kernel entry reads from a 32-bit address. */
static long p_i386_socketcall(int family)
{
	unsigned *args = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	long fd;

	if (args == MAP_FAILED)
		return -1;
	args[0] = (unsigned)family;
	args[1] = SOCK_STREAM | SOCK_CLOEXEC;
	args[2] = 0;
	fd = i386_call(102 /* i386 socketcall */, 1 /* SYS_SOCKET */, (long)(uintptr_t)args, 0);
	munmap(args, 4096);
	if (fd < 0)
		return -1;
	close((int)fd);
	return 0;
}

static long p_i386_socketcall_vsock(void)
{
	return p_i386_socketcall(AF_VSOCK);
}

static long p_i386_socketcall_unix(void)
{
	return p_i386_socketcall(AF_UNIX);
}

/* The x32 ABI: the x86-64 number with bit 30 set. */
static long p_x32_unshare(void)
{
	return syscall(0x40000000L | SYS_unshare, CLONE_NEWUSER);
}
#endif

static const struct probe {
	const char *name;
	long (*call)(void);
	int flags;
} probes[] = {
	{ "kexec_load", p_kexec_load, 0 },
	{ "kexec_file_load", p_kexec_file_load, 0 },
	{ "init_module", p_init_module, 0 },
	{ "finit_module", p_finit_module, 0 },
	{ "delete_module", p_delete_module, 0 },
	{ "open_by_handle_at", p_open_by_handle_at, 0 },
	{ "name_to_handle_at", p_name_to_handle_at, 0 },
	{ "mount", p_mount, 0 },
	{ "umount2", p_umount2, 0 },
	{ "pivot_root", p_pivot_root, 0 },
	{ "move_mount", p_move_mount, 0 },
	{ "open_tree", p_open_tree, 0 },
	{ "fsopen", p_fsopen, 0 },
	{ "fsconfig", p_fsconfig, 0 },
	{ "fsmount", p_fsmount, 0 },
	{ "fspick", p_fspick, 0 },
	{ "mount_setattr", p_mount_setattr, 0 },
	{ "unshare", p_unshare, IN_CHILD },
	{ "setns", p_setns, 0 },
	{ "clone", p_clone, 0 },
	{ "clone-newuser", p_clone_newuser, 0 },
	{ "clone-newns", p_clone_newns, 0 },
	{ "clone3", p_clone3, 0 },
	{ "keyctl", p_keyctl, 0 },
	{ "add_key", p_add_key, 0 },
	{ "request_key", p_request_key, 0 },
	{ "userfaultfd", p_userfaultfd, 0 },
	{ "perf_event_open", p_perf_event_open, 0 },
	{ "bpf", p_bpf, 0 },
	{ "personality-linux", p_personality_linux, IN_CHILD },
	{ "personality-query", p_personality_query, IN_CHILD },
	{ "personality-linux32", p_personality_linux32, IN_CHILD },
	{ "personality-high", p_personality_high, IN_CHILD },
	{ "tiocsti", p_tiocsti, 0 },
	{ "tiocsti-high", p_tiocsti_high, 0 },
	{ "tiocsti-stdin", p_tiocsti_stdin, NAMED_ONLY },
	{ "tiocexcl-stdin", p_tiocexcl_stdin, NAMED_ONLY },
	{ "tioclinux", p_tioclinux, 0 },
	{ "tcgets", p_tcgets, 0 },
	{ "listen", p_listen, NAMED_ONLY },
	{ "connect", p_connect, NAMED_ONLY },
	{ "peer", p_peer, NAMED_ONLY },
	{ "pidfd-getfd", p_peer_getfd, NAMED_ONLY | OWN_LINE },
	{ "pidfd-ns", p_pidfd_ns, NAMED_ONLY },
	{ "pidfd-kill", p_pidfd_kill, NAMED_ONLY },
	{ "landlock-abi", p_landlock_abi, NAMED_ONLY | OWN_LINE },
	{ "cgroup-kill", p_cgroup_kill, NAMED_ONLY | IN_CHILD },
	{ "setns-user", p_setns_user, NAMED_ONLY | IN_CHILD },
	{ "unshare-cgroup", p_unshare_cgroup, NAMED_ONLY | IN_CHILD },
	{ "mount-cgroup2", p_mount_cgroup2, NAMED_ONLY | IN_CHILD },
	{ "io_uring-vsock", p_io_uring_vsock, NAMED_ONLY },
	{ "key-add", p_key_add, NAMED_ONLY },
	{ "key-read", p_key_read, NAMED_ONLY | OWN_LINE },
	{ "key-remove", p_key_remove, NAMED_ONLY },
#if defined(__x86_64__)
	{ "i386-unshare", p_i386_unshare, IN_CHILD },
	{ "x32-unshare", p_x32_unshare, IN_CHILD },
#endif
	{ "open_tree_attr", p_open_tree_attr, 0 },
	{ "open_tree_attr-write", p_open_tree_attr_write, NAMED_ONLY },
	{ "nr-470", p_nr_470, IN_CHILD },
	{ "nr-1000", p_nr_1000, IN_CHILD },
#if defined(__x86_64__) || defined(__i386__)
	{ "modify_ldt", p_modify_ldt, 0 },
#endif
	{ "mbind", p_mbind, 0 },
	{ "set_mempolicy", p_set_mempolicy, 0 },
	{ "get_mempolicy", p_get_mempolicy, 0 },
	{ "migrate_pages", p_migrate_pages, 0 },
	{ "move_pages", p_move_pages, 0 },
	{ "set_mempolicy_home_node", p_set_mempolicy_home_node, 0 },
	{ "kcmp", p_kcmp, 0 },
	{ "pidfd_getfd", p_pidfd_getfd, 0 },
	{ "process_madvise", p_process_madvise, 0 },
	{ "process_vm_readv", p_process_vm_readv, 0 },
	{ "process_vm_writev", p_process_vm_writev, 0 },
	{ "ptrace", p_ptrace, 0 },
	{ "memfd_secret", p_memfd_secret, 0 },
	{ "io_uring_setup", p_io_uring_setup, 0 },
	{ "io_uring_enter", p_io_uring_enter, 0 },
	{ "io_uring_register", p_io_uring_register, 0 },
	{ "socket-unix", p_socket_unix, NAMED_ONLY },
	{ "socket-inet", p_socket_inet, NAMED_ONLY },
	{ "socket-inet6", p_socket_inet6, NAMED_ONLY },
	{ "socket-netlink", p_socket_netlink, NAMED_ONLY },
	{ "socket-packet", p_socket_packet, NAMED_ONLY },
	{ "vsock", p_vsock, NAMED_ONLY },
	{ "socketpair-vsock", p_socketpair_vsock, NAMED_ONLY },
	{ "socket-vsock-high", p_socket_vsock_high, NAMED_ONLY },
#if defined(__x86_64__)
	{ "i386-open_tree_attr", p_i386_open_tree_attr, 0 },
	{ "i386-nr-470", p_i386_nr_470, IN_CHILD },
	{ "i386-socket-vsock", p_i386_socket_vsock, NAMED_ONLY },
	{ "i386-socketcall-vsock", p_i386_socketcall_vsock, NAMED_ONLY },
	{ "i386-socketcall-unix", p_i386_socketcall_unix, NAMED_ONLY },
#endif
};

static void report(const char *name, int errnum)
{
	const char *e = errnum ? strerrorname_np(errnum) : NULL;

	if (!errnum)
		printf("%s: ok\n", name);
	else if (e)
		printf("%s: %s\n", name, e);
	else
		printf("%s: errno %d\n", name, errnum);
	fflush(stdout);
}

/* label: the probe as named, its argument included. */
static void run(const struct probe *p, const char *label)
{
	int status;
	pid_t pid;

	if (!(p->flags & IN_CHILD)) {
		long rc = p->call();

		if (rc < 0 || !(p->flags & OWN_LINE))
			report(label, rc < 0 ? errno : 0);
		fflush(stdout);
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0)
		_exit(p->call() < 0 ? errno : 0);
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		exit(2);
	}
	if (WIFSIGNALED(status)) {
		printf("%s: killed by SIG%s\n", label, sigabbrev_np(WTERMSIG(status)));
		fflush(stdout);
	} else {
		report(label, WEXITSTATUS(status));
	}
}

/* ---- writable DIR -------------------------------------------------------- */

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* The sysctl at dir/name, already open for writing as wfd, given back the
 * value it reads as; true when the kernel took it. */
static bool write_back(int dir, const char *name, int wfd)
{
	char buf[4096];
	int rfd = openat(dir, name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n;

	if (rfd < 0)
		return false;
	n = read(rfd, buf, sizeof buf);
	close(rfd);
	if (n <= 0 || (size_t)n == sizeof buf) /* unreadable, or too long to be sure */
		return false;
	return write(wfd, buf, (size_t)n) == n;
}

static void walk(int dir, const char *path, bool top, bool sysctl)
{
	DIR *d = fdopendir(dir);
	struct dirent *e;

	if (!d) {
		close(dir);
		return;
	}
	while ((e = readdir(d))) {
		char sub[4096];
		struct stat st;
		int fd;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    (top && all_digits(e->d_name)))
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		if (S_ISDIR(st.st_mode)) {
			fd = openat(dirfd(d), e->d_name,
				    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (fd >= 0)
				walk(fd, sub, false, sysctl || (top && !strcmp(e->d_name, "sys")));
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		fd = openat(dirfd(d), e->d_name,
			    O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			continue;
		printf("%s: %s\n", sub,
		       sysctl && write_back(dirfd(d), e->d_name, fd) ? "written" : "opened");
		fflush(stdout);
		close(fd);
	}
	closedir(d);
}

static int writable(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0) {
		perror(path);
		return 2;
	}
	walk(fd, path, true, false);
	return 0;
}

int main(int argc, char **argv)
{
	size_t n = sizeof probes / sizeof probes[0];

	if (argc == 3 && strcmp(argv[1], "writable") == 0)
		return writable(argv[2]);
	if (argc == 1) {
		for (size_t i = 0; i < n; i++)
			if (!(probes[i].flags & NAMED_ONLY))
				run(&probes[i], probes[i].name);
		return 0;
	}
	for (int a = 1; a < argc; a++) {
		size_t i, len = strcspn(argv[a], "=");

		arg = argv[a][len] ? argv[a] + len + 1 : "";
		for (i = 0; i < n && (strncmp(probes[i].name, argv[a], len) != 0 ||
				      probes[i].name[len]);
		     i++)
			;
		if (i == n) {
			fprintf(stderr, "syscall-probe: no probe '%s'; there are:", argv[a]);
			for (i = 0; i < n; i++)
				fprintf(stderr, " %s", probes[i].name);
			fputc('\n', stderr);
			return 2;
		}
		run(&probes[i], argv[a]);
	}
	return 0;
}
