A new network namespace has only a loopback interface, but not every
socket family is in a network namespace: AF_VSOCK talks to the hypervisor
and to the host's vsock services whatever the namespace, so a command
could reach them, or bind a vsock port before the host's own service
does.  Where the network is unshared, veil refuses socket(2) and
socketpair(2) for any family but AF_UNIX, AF_INET, AF_INET6 and
AF_NETLINK, with EAFNOSUPPORT, as Flatpak does.  That is part of the
namespace, not of the seccomp policy: it holds with --seccomp none too.

  $ . "$TESTS/lib.sh"
  $ cp "$HELPERS/syscall-probe" "$ROOT/bin/"
  $ [ "$("$HELPERS/syscall-probe" vsock)" = "vsock: ok" ] || {
  >   echo "no vsock transport here: socket(AF_VSOCK) fails on the host" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }
  $ probes='socket-unix socket-inet socket-inet6 socket-netlink vsock socketpair-vsock socket-vsock-high socket-packet'

Without a new network namespace nothing changes: the command shares the
host's network anyway.  It binds a vsock port (any port, of any address):

  $ veil --root "$ROOT" --cap-add NET_RAW -- syscall-probe $probes
  socket-unix: ok
  socket-inet: ok
  socket-inet6: ok
  socket-netlink: ok
  vsock: ok
  socketpair-vsock: EOPNOTSUPP
  socket-vsock-high: ok
  socket-packet: ok

With --unshare-net the four namespaced families work; the others fail,
AF_VSOCK with junk in the high half of the register (which the kernel
drops) included:

  $ veil --root "$ROOT" --cap-add NET_RAW --unshare-net -- syscall-probe $probes
  socket-unix: ok
  socket-inet: ok
  socket-inet6: ok
  socket-netlink: ok
  vsock: EAFNOSUPPORT
  socketpair-vsock: EAFNOSUPPORT
  socket-vsock-high: EAFNOSUPPORT
  socket-packet: EAFNOSUPPORT

The same through the i386 system call table.  i386 programs also create
sockets through socketcall(2), which passes the family in memory, out of
the filter's reach: there, creating a socket is refused whatever the
family (socket(2), i386 number 359, is checked as above):

  $ veil --root "$ROOT" --unshare-net -- syscall-probe i386-socket-vsock i386-socketcall-vsock i386-socketcall-unix
  i386-socket-vsock: EAFNOSUPPORT
  i386-socketcall-vsock: EAFNOSUPPORT
  i386-socketcall-unix: EAFNOSUPPORT
  $ veil --root "$ROOT" -- syscall-probe i386-socket-vsock i386-socketcall-vsock i386-socketcall-unix
  i386-socket-vsock: ok
  i386-socketcall-vsock: ok
  i386-socketcall-unix: ok

With --seccomp none, --seccomp default, and in the strict profile (whose
root is the host's, so the probe is bound in):

  $ veil --root "$ROOT" --unshare-net --seccomp none -- syscall-probe vsock
  vsock: EAFNOSUPPORT
  $ veil --root "$ROOT" --unshare-net --seccomp default -- syscall-probe vsock socket-unix
  vsock: EAFNOSUPPORT
  socket-unix: ok
  $ veil -p strict --ro-bind "$ROOT/bin/syscall-probe" /tmp/probe -- /tmp/probe vsock socket-unix
  vsock: EAFNOSUPPORT
  socket-unix: ok

A rule for socket applies to the families left:

  $ veil --root "$ROOT" --unshare-net --seccomp-deny socket:EACCES -- syscall-probe vsock socket-unix
  vsock: EAFNOSUPPORT
  socket-unix: EACCES

The filter is there, and --dry-run shows it:

  $ veil --root "$ROOT" --proc /proc --unshare-net -- grep Seccomp: /proc/self/status
  Seccomp:\t2 (esc)
  $ veil --dry-run --unshare-net -- true | grep -E '^(security|seccomp)'
  security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none
  seccomp     socket families but unix inet inet6 netlink errno:EAFNOSUPPORT  (namespace net)
  seccomp     io_uring_setup io_uring_enter io_uring_register errno:ENOSYS  (namespace net: io_uring makes sockets)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
