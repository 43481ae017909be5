TIOCSTI pushes characters into a terminal's input, as if typed: a command
that can do it to the caller's terminal can have the caller's shell run
anything once veil exits.  The kernel allows it only on the caller's
controlling terminal (or with CAP_SYS_ADMIN); --new-session takes the
command out of veil's session, so the caller's terminal is no longer its
controlling terminal.  (veil's seccomp list refuses TIOCSTI as well; see
security.t.)

Kernels since 6.2 can refuse TIOCSTI to everyone without CAP_SYS_ADMIN
(dev.tty.legacy_tiocsti = 0); there, --new-session has nothing to add and
this transcript is skipped.

  $ [ "$(cat /proc/sys/dev/tty/legacy_tiocsti 2>/dev/null || echo 1)" = 1 ] || {
  >   echo "the kernel refuses TIOCSTI to all (dev.tty.legacy_tiocsti = 0)" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }
  $ . "$TESTS/lib.sh"
  $ cp "$HELPERS/syscall-probe" "$ROOT/bin/"

pty-run gives veil a terminal of its own, standing for the caller's.  The
probe pushes one character into the terminal on its standard input; what
is left in the caller's terminal's input once veil is gone is what the
caller's shell would read next.  Without --new-session it can:

  $ pending='stty -icanon min 0 time 0; echo "pending: [$(dd bs=16 count=1 2>/dev/null)]"'
  $ "$TESTS/pty-run" sh -c "veil --root \"$ROOT\" -- syscall-probe tiocsti-stdin; $pending"
  tiocsti-stdin: ok
  pending: [x]

With it, it cannot, and neither can the commands it starts:

  $ "$TESTS/pty-run" veil --root "$ROOT" --new-session -- syscall-probe tiocsti-stdin
  tiocsti-stdin: EPERM
  $ "$TESTS/pty-run" veil --root "$ROOT" --new-session -- sh -c 'syscall-probe tiocsti-stdin'
  tiocsti-stdin: EPERM

The strict profile starts a new session, and its seccomp filter refuses
TIOCSTI anyway:

  $ "$TESTS/pty-run" veil -p strict --ro-bind "$ROOT/bin/syscall-probe" /tmp/probe -- \
  >   /tmp/probe tiocsti-stdin
  tiocsti-stdin: EPERM

Without the filter, the command's terminal is a pty of its own (strict
has pty = yes, see pty.t): the character lands in the command's own
input, none in the caller's:

  $ "$TESTS/pty-run" sh -c "veil -p strict --ro-bind \"$ROOT/bin/syscall-probe\" /tmp/probe \
  >   --seccomp none -- /tmp/probe tiocsti-stdin; $pending"
  tiocsti-stdin: ok
  pending: []
