#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "plan.h"
#include "terminal.h"
#include "util.h"

/* What goes over the link. */
enum link_kind {
	LINK_HELLO = 'H',  /* from the command: its pid is in the credentials */
	LINK_STOP = 'S',   /* from pid 1: the command stopped, value is the signal */
	LINK_MASTER = 'M', /* from pid 1: the pty's master, as SCM_RIGHTS */
};

struct link_msg {
	char kind;
	int value;
};

bool terminal_pty_wanted(const struct plan *plan)
{
	return plan->security.pty && isatty(STDIN_FILENO);
}

int terminal_prepare(struct terminal *t, const struct plan *plan, struct verr *err)
{
	int one = 1;

	*t = (struct terminal)TERMINAL_INIT;
	t->own_session = plan->security.new_session;
	/* ENXIO: no controlling terminal (a runner, a daemon): then there is
	 * no job control to keep, and only the process group changes. */
	t->tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	/* No terminal, no job control to keep (a runner, a daemon, CI): then
	 * pid 1 and the command leave the caller's session too, so that what
	 * belongs to a session is not the caller's to change from inside:
	 * its scheduler autogroup, which any process of the session may make
	 * nicer (/proc/self/autogroup) for the caller and every action the
	 * caller starts later. */
	if (t->tty < 0)
		t->own_session = true;
	t->pty = terminal_pty_wanted(plan);
	if (t->pty) {
		t->own_session = true;
		t->out = isatty(1) ? 1 : isatty(2) ? 2 : -1;
		trace("--pty: the command's terminal is a pty of its own, relayed by veil");
	}
	if (t->tty < 0 && !t->pty)
		return 0;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, t->link) < 0 ||
	    setsockopt(t->link[0], SOL_SOCKET, SO_PASSCRED, &one, sizeof one) < 0 ||
	    fcntl(t->link[0], F_SETFL, O_NONBLOCK) < 0) {
		verr_errno(err, errno, "cannot make the link to pid 1");
		for (int i = 0; i < 2; i++)
			if (t->link[i] >= 0)
				close(t->link[i]);
		if (t->tty >= 0)
			close(t->tty);
		return -1;
	}
	return 0;
}

void terminal_started(struct terminal *t)
{
	if (t->link[1] >= 0) {
		close(t->link[1]);
		t->link[1] = -1;
	}
}

static void link_send(int link, char kind, int value, int fd)
{
	struct link_msg m = { .kind = kind, .value = value };
	struct iovec iov = { .iov_base = &m, .iov_len = sizeof m };
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} c;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (fd >= 0) {
		memset(&c, 0, sizeof c);
		msg.msg_control = c.buf;
		msg.msg_controllen = sizeof c.buf;
		CMSG_FIRSTHDR(&msg)->cmsg_level = SOL_SOCKET;
		CMSG_FIRSTHDR(&msg)->cmsg_type = SCM_RIGHTS;
		CMSG_FIRSTHDR(&msg)->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(CMSG_FIRSTHDR(&msg)), &fd, sizeof fd);
	}
	if (link >= 0 && sendmsg(link, &msg, MSG_NOSIGNAL) < 0)
		trace("cannot tell veil (%c): %s", kind, strerror(errno));
}

/* The calls on a pty's slave that a group not in the foreground may make
 * only with SIGTTOU blocked: the pty is the sandbox's own. */
static void set_foreground_quietly(int fd, pid_t pgid)
{
	sigset_t ttou, old;

	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	if (tcsetpgrp(fd, pgid) < 0)
		trace("cannot make group %d the terminal's foreground: %s", (int)pgid,
		      strerror(errno));
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void terminal_command_side(const struct terminal *t, int pty_slave)
{
	/* Its own group: kill(0, ...) now reaches only the sandbox. */
	if (setpgid(0, 0) < 0)
		trace("cannot make the command's process group: %s", strerror(errno));
	if (pty_slave >= 0) {
		set_foreground_quietly(pty_slave, getpid());
		/* The caller's terminal goes from fds 0-2, the pty takes its
		 * place; what is not a terminal (a pipe, a file) stays. */
		for (int fd = 0; fd <= 2; fd++)
			if (isatty(fd))
				dup2(pty_slave, fd);
		close(pty_slave);
	}
	link_send(t->link[1], LINK_HELLO, 0, -1);
}

void terminal_pid1_side(const struct terminal *t, pid_t command, int pty_slave)
{
	(void)t;
	/* EACCES once the command has exec'd: it had made the group itself. */
	setpgid(command, command);
	if (pty_slave >= 0)
		set_foreground_quietly(pty_slave, command);
}

void terminal_report_stop(const struct terminal *t, int sig)
{
	link_send(t->link[1], LINK_STOP, sig, -1);
}

void terminal_send_master(const struct terminal *t, int master)
{
	link_send(t->link[1], LINK_MASTER, 0, master);
}

/* ---- veil's side ---- */

static bool group_holds(int fd, pid_t pgid)
{
	return tcgetpgrp(fd) == pgid;
}

/* --pty: veil's group has the caller's terminal in the foreground (or the
 * terminal is not veil's controlling one, so no job control applies). */
static bool stdin_foreground(void)
{
	pid_t pg = tcgetpgrp(0);

	return pg < 0 || pg == getpgrp();
}

static void copy_window_size(const struct terminal *t)
{
	struct winsize ws;

	if (t->master >= 0 && ioctl(0, TIOCGWINSZ, &ws) == 0)
		ioctl(t->master, TIOCSWINSZ, &ws); /* the kernel sends SIGWINCH inside */
}

/* --pty, in the foreground: the caller's terminal raw, so that every key
 * (Ctrl-C, Ctrl-Z included) goes to the pty, whose settings say what it
 * means.  tcsetattr() from the background would stop veil (SIGTTOU): only
 * in the foreground. */
static void go_raw(struct terminal *t)
{
	struct termios raw;

	if (!t->pty || t->raw || t->master < 0 || !stdin_foreground() || tcgetattr(0, &t->saved) < 0)
		return;
	raw = t->saved;
	cfmakeraw(&raw);
	if (tcsetattr(0, TCSADRAIN, &raw) == 0)
		t->raw = true;
	copy_window_size(t);
}

/* Exactly the settings it had before veil made it raw. */
static void go_cooked(struct terminal *t)
{
	if (!t->raw)
		return;
	if (tcsetattr(0, TCSADRAIN, &t->saved) < 0)
		trace("cannot restore the terminal's settings: %s", strerror(errno));
	t->raw = false;
}

/* Take the terminal back from the command's group for veil's.  SIGTTOU
 * blocked: veil's group is not in the foreground, its own sandbox is. */
static void take_back(struct terminal *t)
{
	set_foreground_quietly(t->tty, getpgrp());
	t->handed = false;
}

/* Give the terminal to the command's group.  SIGTTOU is not blocked: if
 * veil's job has just been put in the background, the kernel stops it
 * rather than let it take the terminal from the one in the foreground. */
static bool hand_over(struct terminal *t)
{
	if (tcsetpgrp(t->tty, t->pgid) == 0)
		return t->handed = true;
	trace("cannot give the terminal to the command: %s", strerror(errno));
	return false;
}

/* The command's group gets the terminal from the start when veil's job
 * has it and veil's standard output is the terminal too: then veil is the
 * job's last command (or its only one), and the command, not another of
 * the job, is the one to use the terminal (tools that look whether they
 * are in the foreground, for a progress bar, see it is).  Otherwise (veil
 * -- make | less) it waits until the command asks (command_stopped). */
static void hand_over_at_start(struct terminal *t)
{
	if (t->tty < 0 || t->own_session || !isatty(1) || !group_holds(t->tty, getpgrp()))
		return;
	t->wants = true;
	hand_over(t);
}

static void continue_command(struct terminal *t)
{
	if (!t->pgid)
		return;
	trace("continued: continuing the command's group");
	if (t->pty)
		go_raw(t);
	else if (t->tty >= 0 && t->wants && group_holds(t->tty, getpgrp()))
		hand_over(t);
	kill(-t->pgid, SIGCONT);
}

/* The command stopped: so does veil's job, with the same kind of signal
 * (the user's shell says "Stopped" or "Stopped (tty input)").  veil's
 * group has the rest of veil's job; pid 1 is in it, but it is the init
 * of its namespace, which no signal from outside stops. */
static void stop_job(struct terminal *t, int sig)
{
	int how = sig == SIGTTIN || sig == SIGTTOU ? sig : SIGTSTP;
	sigset_t set;

	go_cooked(t);
	if (t->handed && group_holds(t->tty, t->pgid)) {
		take_back(t);
		t->handed = true; /* to give back when continued */
	}
	trace("the command stopped (signal %d): stopping veil's job", sig);
	kill(0, how);
	/* SIGTSTP is collected, not acted on: let it act, once.  SIGTTIN and
	 * SIGTTOU are not blocked: veil has stopped already. */
	if (how == SIGTSTP) {
		sigemptyset(&set);
		sigaddset(&set, SIGTSTP);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		sigprocmask(SIG_BLOCK, &set, NULL);
	}
	/* Continued: SIGCONT is pending, the supervisor collects it and
	 * continue_command() follows.  In an orphaned group the kernel drops
	 * the stop, and the command stays stopped, as it would without veil. */
}

static void command_stopped(struct terminal *t, int sig)
{
	if (t->tty < 0 || !t->pgid)
		return; /* no job control: it stays stopped, as without veil */
	if (!t->pty && (sig == SIGTTIN || sig == SIGTTOU)) {
		t->wants = true;
		/* Continued only once its group has the terminal: else it
		 * would stop again at once, and again.  It may have it already:
		 * the command can read before veil has read its hello and handed
		 * the terminal over at the start (hand_over_at_start), and then
		 * the stop is stale. */
		if (group_holds(t->tty, t->pgid) ||
		    (group_holds(t->tty, getpgrp()) && hand_over(t))) {
			trace("the command wants the terminal: its group has it");
			kill(-t->pgid, SIGCONT);
			return;
		}
	}
	stop_job(t, sig);
}

static void read_link(struct terminal *t)
{
	for (;;) {
		struct link_msg m;
		struct iovec iov = { .iov_base = &m, .iov_len = sizeof m };
		union {
			struct cmsghdr h;
			char buf[CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(sizeof(int))];
		} c;
		struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = c.buf,
				      .msg_controllen = sizeof c.buf };
		struct ucred cred = { .pid = 0 };
		int fd = -1;
		ssize_t n = recvmsg(t->link[0], &msg, MSG_CMSG_CLOEXEC);

		if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
			close(t->link[0]); /* pid 1 and the command have let go */
			t->link[0] = -1;
			return;
		}
		if (n < 0 && errno == EAGAIN)
			return;
		if (n < 0)
			continue;
		for (struct cmsghdr *h = CMSG_FIRSTHDR(&msg); h; h = CMSG_NXTHDR(&msg, h)) {
			if (h->cmsg_level != SOL_SOCKET)
				continue;
			if (h->cmsg_type == SCM_CREDENTIALS)
				memcpy(&cred, CMSG_DATA(h), sizeof cred);
			else if (h->cmsg_type == SCM_RIGHTS)
				memcpy(&fd, CMSG_DATA(h), sizeof fd);
		}
		if (n != (ssize_t)sizeof m) {
			if (fd >= 0)
				close(fd);
			continue;
		}
		if (m.kind == LINK_HELLO && cred.pid > 0) {
			t->pgid = cred.pid;
			trace("the command's process group is %d", (int)t->pgid);
			hand_over_at_start(t);
		} else if (m.kind == LINK_STOP) {
			command_stopped(t, m.value);
		} else if (m.kind == LINK_MASTER && fd >= 0 && t->master < 0) {
			t->master = fd;
			fcntl(fd, F_SETFL, O_NONBLOCK);
			fd = -1;
			go_raw(t);
		}
		if (fd >= 0)
			close(fd);
	}
}

bool terminal_signal(struct terminal *t, int sig)
{
	if (t->link[0] < 0 && t->tty < 0 && !t->pty)
		return false;
	switch (sig) {
	case SIGTSTP:
		/* Ctrl-Z at veil's group, or someone's kill: the command's
		 * group is to stop; veil's job follows once it has. */
		if (t->pgid)
			kill(-t->pgid, SIGTSTP);
		return true;
	case SIGCONT:
		continue_command(t);
		return true;
	case SIGWINCH:
		if (t->pty)
			copy_window_size(t);
		else if (t->pgid && !t->handed)
			kill(-t->pgid, SIGWINCH); /* veil's group had the terminal, not it */
		return true;
	default:
		return false;
	}
}

void terminal_block_signals(const struct terminal *t)
{
	sigset_t set;

	if (t->link[0] < 0)
		return;
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigaddset(&set, SIGCONT);
	sigaddset(&set, SIGWINCH);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

/* The master's output, to the caller's terminal.  false: nothing (more). */
static bool relay_out(struct terminal *t)
{
	char buf[16384];
	ssize_t n = read(t->master, buf, sizeof buf);

	if (n > 0) {
		if (t->out >= 0)
			write_all(t->out, buf, (size_t)n);
		return true;
	}
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return false;
	/* EIO: no slave is open any more (the command and its children are
	 * gone); stop watching it. */
	close(t->master);
	t->master = -1;
	return false;
}

static void relay_in(struct terminal *t)
{
	ssize_t n = read(0, t->in + t->n_in, sizeof t->in - t->n_in);

	if (n > 0)
		t->n_in += (size_t)n;
	else if (n == 0 || (errno != EAGAIN && errno != EINTR))
		t->in_done = true;
}

static void flush_in(struct terminal *t)
{
	ssize_t n = write(t->master, t->in, t->n_in);

	if (n > 0) {
		memmove(t->in, t->in + n, t->n_in - (size_t)n);
		t->n_in -= (size_t)n;
	}
}

int terminal_poll_fds(struct terminal *t, struct pollfd *fds)
{
	int n = 0;

	if (t->link[0] >= 0)
		fds[n++] = (struct pollfd){ .fd = t->link[0], .events = POLLIN };
	if (t->master >= 0) {
		/* Typed input only in the foreground, with the terminal raw: a
		 * veil in the background reads nothing the user types at the
		 * shell in the foreground. */
		if (t->raw && !t->in_done && t->n_in < sizeof t->in)
			fds[n++] = (struct pollfd){ .fd = 0, .events = POLLIN };
		fds[n++] = (struct pollfd){ .fd = t->master,
					    .events = POLLIN | (t->n_in ? POLLOUT : 0) };
	}
	return n;
}

void terminal_poll_done(struct terminal *t, const struct pollfd *fds, int n)
{
	for (int i = 0; i < n; i++) {
		if (!fds[i].revents)
			continue;
		if (fds[i].fd == t->link[0])
			read_link(t);
		else if (fds[i].fd == 0)
			relay_in(t);
		else if (fds[i].fd == t->master) {
			if (fds[i].revents & POLLOUT)
				flush_in(t);
			if (fds[i].revents & (POLLIN | POLLHUP | POLLERR))
				relay_out(t);
		}
	}
}

void terminal_end(struct terminal *t)
{
	if (t->link[0] >= 0)
		read_link(t);
	/* Whatever the command wrote before it ended is still in the pty. */
	while (t->master >= 0 && relay_out(t))
		;
	if (t->master >= 0)
		close(t->master);
	t->master = -1;
	go_cooked(t);
	/* The sandbox is gone, and with it the group that had the terminal:
	 * veil's group takes it back, or the caller's shell (one without job
	 * control, which does not take it itself) would be in the background
	 * of its own terminal.  Not from a group that is alive: that is not
	 * the sandbox's. */
	if (t->handed) {
		pid_t fg = tcgetpgrp(t->tty);

		if (fg > 0 && fg != getpgrp() && (fg == t->pgid || (kill(-fg, 0) < 0 && errno == ESRCH)))
			take_back(t);
	}
	if (t->link[0] >= 0)
		close(t->link[0]);
	if (t->tty >= 0)
		close(t->tty);
	t->link[0] = t->tty = -1;
}
