#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "pty.h"

int pty_open(int *master, int *slave, struct verr *err)
{
	struct termios tio;
	struct winsize ws;
	int unlock = 0;

	*slave = -1;
	*master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (*master < 0)
		return verr_errno(err, errno, "--pty: cannot open /dev/ptmx in the sandbox");
	/* TIOCGPTPEER: the slave of this very master, not a path that could
	 * name another. */
	if (ioctl(*master, TIOCSPTLCK, &unlock) < 0 ||
	    (*slave = ioctl(*master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		verr_errno(err, errno, "--pty: cannot open the pty's slave");
		close(*master);
		*master = -1;
		return -1;
	}
	if (tcgetattr(0, &tio) == 0)
		tcsetattr(*slave, TCSANOW, &tio);
	if (ioctl(0, TIOCGWINSZ, &ws) == 0)
		ioctl(*slave, TIOCSWINSZ, &ws);
	return 0;
}

int pty_make_controlling(int slave, struct verr *err)
{
	if (ioctl(slave, TIOCSCTTY, 0) < 0)
		return verr_errno(err, errno, "--pty: cannot make the pty the controlling terminal");
	return 0;
}
