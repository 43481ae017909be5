A root caller's command is uid 0 to the host's kernel unless it is made
nobody (build, strict).  Without capabilities it cannot override
permissions, but kernel objects that belong to uid 0 are its own.  Three
of them were reachable through system calls that no seccomp list refused
under default, cram and bazel, and one through io_uring under every
profile with its own network.  veil's BPF head, loaded whatever the
seccomp mode, closes them.

  $ . "$TESTS/lib.sh"
  $ cp "$HELPERS/syscall-probe" "$ROOT/bin/"
  $ mkdir -p "$ROOT/tmp"

A nested user namespace gives cgroupfs.  In a user namespace of its own
the command has every capability over a new mount and cgroup namespace;
the cgroup files still belong to kuid 0, its own uid, and the cgroup
namespace's root is the caller's cgroup.  So it could kill the processes
of any cgroup below (cgroup.kill) or lift a limit.  A victim, in a cgroup
made for it under ours:

  $ own=$(sed -n 's/^0:://p' /proc/self/cgroup)
  $ [ -w "/sys/fs/cgroup/unified$own" ] && cg=/sys/fs/cgroup/unified || cg=/sys/fs/cgroup
  $ victim=veil-root-head-$$
  $ mkdir "$cg$own/$victim"
  $ [ -e "$cg$own/$victim/cgroup.kill" ] || { rmdir "$cg$own/$victim"
  >   echo "no cgroup2 with cgroup.kill here" > "$TESTDIR/$TESTFILE.skip"; exit 80; }
  $ sleep 300 & pid=$!
  $ echo $pid > "$cg$own/$victim/cgroup.procs"

Now the command cannot make the user namespace: clone and unshare with
CLONE_NEWUSER fail with EPERM, clone3 (whose flags the filter cannot
read) with ENOSYS, so that the C library falls back to clone:

  $ veil --root "$ROOT" -- syscall-probe cgroup-kill=$victim unshare clone-newuser clone3
  cgroup-kill=veil-root-head-* (glob)
  unshare: EPERM
  clone-newuser: EPERM
  clone3: ENOSYS
  $ veil -p cram --ro-bind "$ROOT/bin/syscall-probe" /tmp/probe -- /tmp/probe cgroup-kill=$victim
  cgroup-kill=veil-root-head-* (glob)
  $ kill -0 $pid && echo the sleep outside lives
  the sleep outside lives

Nor can it enter one that uid 0 owns, in which it would have every
capability as its owner: setns fails with EPERM, whatever its arguments.
A user namespace of root's, outside, bound in:

  $ unshare -U sleep 300 & userns=$!
  $ while [ "$(readlink /proc/$userns/ns/user)" = "$(readlink /proc/self/ns/user)" ]; do sleep 0.01; done
  $ veil --root "$ROOT" --ro-bind /proc/$userns/ns/user /tmp/userns -- syscall-probe setns-user=/tmp/userns
  setns-user=/tmp/userns: EPERM
  $ kill $userns; wait $userns 2>/dev/null
  [143]

The same through the i386 and x32 tables:

  $ veil --root "$ROOT" -- syscall-probe i386-unshare x32-unshare
  i386-unshare: EPERM
  x32-unshare: EPERM

Threads and processes are still made (clone without CLONE_NEWUSER):

  $ veil --root "$ROOT" -- syscall-probe clone
  clone: ok

Without the new user namespace, a command without capabilities has no
way to a cgroup namespace or a mount: both need CAP_SYS_ADMIN.

  $ veil --root "$ROOT" -- syscall-probe unshare-cgroup mount-cgroup2
  unshare-cgroup: EPERM
  mount-cgroup2: EPERM

Nobody outside (build, strict, --nobody) is not root to the cgroup
files, and a caller who is not root has nothing of root's: they keep
nested user namespaces, as does a root caller who asks for them with
--nested-userns (profile: nested-userns = yes) for a sandbox nested in
the action, knowing that its command can then write every cgroup file of
root's below veil's own cgroup:

  $ veil --root "$ROOT" --nobody -- syscall-probe clone-newuser clone3
  clone-newuser: ok
  clone3: ok
  $ veil --root "$ROOT" --nested-userns -- syscall-probe clone-newuser clone3
  clone-newuser: ok
  clone3: ok
  $ veil --dry-run --nested-userns -- true | grep -E '^seccomp'
  seccomp     new user namespaces allowed, the command is root outside  (--nested-userns)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  $ veil --dry-run -- true | grep -E '^seccomp'
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  $ veil --dry-run --nobody -- true | grep -E '^seccomp'
  [1]

That is the attack of the review, which kills the victim:

  $ veil --root "$ROOT" --nested-userns -- syscall-probe cgroup-kill=$victim
  cgroup-kill=veil-root-head-*: ok (glob)
  $ wait $pid 2>/dev/null; echo "the sleep outside ended with status $?"
  the sleep outside ended with status 137
  $ rmdir "$cg$own/$victim"

io_uring makes sockets (IORING_OP_SOCKET, Linux 5.19) without socket(2),
so the socket-family rule of a new network would not see an AF_VSOCK
one.  Wherever that rule is on, io_uring_setup, io_uring_enter and
io_uring_register fail with ENOSYS, as on a kernel without io_uring, and
programs fall back to the plain calls:

  $ [ "$("$HELPERS/syscall-probe" io_uring-vsock)" = "io_uring-vsock: ok" ] || {
  >   echo "no io_uring or no vsock here" > "$TESTDIR/$TESTFILE.skip"; exit 80; }
  $ veil --root "$ROOT" --unshare-net -- syscall-probe io_uring-vsock io_uring_setup io_uring_enter io_uring_register
  io_uring-vsock: ENOSYS
  io_uring_setup: ENOSYS
  io_uring_enter: ENOSYS
  io_uring_register: ENOSYS
  $ veil -p build --ro-bind "$ROOT/bin/syscall-probe" /tmp/probe -- /tmp/probe io_uring-vsock
  io_uring-vsock: ENOSYS
  $ veil -p bazel --root "$ROOT" -- syscall-probe io_uring-vsock
  io_uring-vsock: ENOSYS

With the host's network there is no family rule, and io_uring works:

  $ veil --root "$ROOT" -- syscall-probe io_uring-vsock
  io_uring-vsock: ok

Root's keyrings.  Keys belong to a uid, and root's user keyring is every
root process's: the command read what root keeps there and planted keys
that stay after the run.  A secret of root's, outside:

  $ "$HELPERS/syscall-probe" key-add=veil-root-head-$$
  key-add=veil-root-head-*: ok (glob)

Now add_key, request_key and keyctl fail with EPERM, as they do under
--seccomp default:

  $ veil --root "$ROOT" -- syscall-probe key-read=veil-root-head-$$ key-add=veil-planted-$$ keyctl request_key
  key-read=veil-root-head-*: EPERM (glob)
  key-add=veil-planted-*: EPERM (glob)
  keyctl: EPERM
  request_key: EPERM
  $ veil -p cram --ro-bind "$ROOT/bin/syscall-probe" /tmp/probe -- /tmp/probe key-read=veil-root-head-$$ key-add=veil-planted-$$
  key-read=veil-root-head-*: EPERM (glob)
  key-add=veil-planted-*: EPERM (glob)
  $ "$HELPERS/syscall-probe" key-read=veil-planted-$$
  key-read=veil-planted-*: ENOKEY (glob)

--nested-userns does not give them back.  Nobody outside has keyrings of
its own (nobody's), and keeps the calls:

  $ veil --root "$ROOT" --nested-userns -- syscall-probe key-read=veil-root-head-$$
  key-read=veil-root-head-*: EPERM (glob)
  $ veil --root "$ROOT" --nobody -- syscall-probe key-read=veil-root-head-$$
  key-read=veil-root-head-*: ENOKEY (glob)

  $ "$HELPERS/syscall-probe" key-remove=veil-root-head-$$
  key-remove=veil-root-head-*: ok (glob)
  $ "$HELPERS/syscall-probe" key-remove=veil-planted-$$ > /dev/null  # should the above fail
