A runner starts several actions at once, all as root: they share the
host's user namespace, so the kernel's usual rule (same user, or
CAP_SYS_PTRACE) would let one into another.  Pid namespaces hide their
pids from each other, but any unix socket both can reach (a pathname one
in a shared writable directory, an abstract one under a profile that
shares the network) gives each a pidfd of the other through
SO_PEERPIDFD, across pid namespaces; and pidfd_getfd takes a descriptor
of the other action's, its private files, its stdout, its writable
directories.  Each action's command is in a Landlock domain of its own,
and Landlock lets a process ptrace, or take descriptors from, or read the
memory of (pidfd_getfd, process_vm_*, process_madvise, kcmp, /proc/PID/mem,
the pidfd namespace ioctls: everything the kernel checks like ptrace) only
processes in its own domain or one nested in it.

The domain needs a kernel with Landlock (from ABI 2 for the ptrace part,
from ABI 6 for the signal and abstract socket scopes shown here); without
it, this transcript is skipped.

  $ abi=$("$HELPERS/syscall-probe" landlock-abi | sed 's/.*: //')
  $ [ "${abi:-0}" -ge 6 ] 2>/dev/null || {
  >   echo "the kernel's Landlock ABI is ${abi:-none}, not 6 or later" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }
  $ . "$TESTS/lib.sh"

The probe is copied into the working directory, which default and build
bind into every action:

  $ cp "$HELPERS/syscall-probe" probe
  $ probe=$PWD/probe

One action, A, holds a file private to it (in its own /tmp) open as
descriptor 5 and listens on a socket in the working directory, which the
default profile binds read-write into every action.  Another action, B,
connects and tries to take descriptor 5, A's mount namespace, and to
signal it:

  $ start_a() {
  >   veil "$@" -- sh -c "echo s3cret > /tmp/secret; exec 5< /tmp/secret; exec $probe listen=$addr" \
  >     > a.out &
  >   a=$!
  >   until grep -q ok a.out || ! kill -0 $a 2>/dev/null; do sleep 0.05; done
  >   cat a.out
  > }
  $ steal() { veil "$@" -- "$probe" peer=$addr pidfd-getfd=5 pidfd-ns pidfd-kill; }
  $ addr=a.sock
  $ start_a
  listen: ok
  $ steal
  peer=a.sock: ok
  pidfd-getfd=5: EPERM
  pidfd-ns: EACCES
  pidfd-kill: EINVAL

B reached A's socket, and through it A's pidfd, but not A's descriptors
nor its namespaces: A is outside B's domain.  (pidfd_send_signal refuses
a process of another pid namespace that is not a descendant of the
caller's: EINVAL, with Landlock or without.)  A is still there, and ends
when its veil is told to:

  $ kill -0 $a && echo A is running
  A is running
  $ kill -TERM $a; wait $a; echo "A: exit $?"
  A: exit 143
  $ rm a.sock

Without the domains (--landlock no on both), the same attempt takes A's
file:

  $ start_a --landlock no
  listen: ok
  $ steal --landlock no
  peer=a.sock: ok
  pidfd-getfd: ok, it reads: s3cret
  pidfd-ns: ok
  pidfd-kill: EINVAL
  $ kill -TERM $a; wait $a; echo "A: exit $?"
  A: exit 143
  $ rm a.sock

The same through an abstract socket, which default's shared network lets
both reach:

  $ addr=@veil-hostile-actions-$$
  $ start_a
  listen: ok
  $ steal | sed "s/$addr/ADDR/"
  peer=ADDR: ok
  pidfd-getfd=5: EPERM
  pidfd-ns: EACCES
  pidfd-kill: EINVAL
  $ kill -TERM $a; wait $a; echo "A: exit $?"
  A: exit 143

Other profiles leave abstract sockets of the host out of reach twice: in
a network namespace of its own (hostile-sockets.t), and with
host-sockets = no, by Landlock's abstract socket scope: a socket made
outside the domain does not answer even when the network is shared.

  $ start_a
  listen: ok
  $ veil --host-sockets no -- "$probe" connect=$addr | sed "s/$addr/ADDR/"
  connect=ADDR: EPERM
  $ veil -p build --share-net -- "$probe" connect=$addr | sed "s/$addr/ADDR/"
  connect=ADDR: EPERM
  $ veil -p build --share-net --landlock no -- "$probe" connect=$addr | sed "s/$addr/ADDR/"
  connect=ADDR: ok
  $ kill -TERM $a; wait $a; echo "A: exit $?"
  A: exit 143

Nor can a command reach veil, pid 1, even with every capability kept
(CAP_SYS_PTRACE included, which without the domain lets it read pid 1's
memory and executable: leaks.t):

  $ veil --root "$ROOT" --proc /proc --cap-add ALL -- sh -c \
  >   'head -c 1 /proc/1/mem; readlink /proc/1/exe || echo no link'
  head: /proc/1/mem: Permission denied
  no link

Signals: the command is in veil's process group, which is the caller's,
and a `kill 0` inside signals the whole group.  Landlock's signal scope
lets a command signal only processes of its own domain: a sleep started
beside veil, in the same process group, survives (the command itself,
in the group too, does not).  setsid gives the lot a group of its own,
away from this transcript's shell.

  $ setsid sh -c 'sleep 30 & echo $! > sleep.pid
  >   veil -- sh -c "kill -TERM 0; echo not reached"; echo "veil: exit $?"'
  veil: exit 143
  $ kill -0 "$(cat sleep.pid)" && echo the sleep outside is alive
  the sleep outside is alive
  $ kill "$(cat sleep.pid)"

-v traces what the domain does on the running kernel (a dry run cannot
know the kernel's ABI):

  $ veil -v -p build -- true 2>&1 | grep 'landlock: ABI'
  veil: landlock: ABI *: the command has a domain of its own: no ptrace, pidfd_getfd or process_vm_* out of it (glob)
  $ veil -v --landlock no -- true 2>&1 | grep landlock
  veil: landlock: off (--landlock)
