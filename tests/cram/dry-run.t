--dry-run prints the plan veil would carry out, one step a line in the
order it would apply them, each with the option, or the profile file and
line, it came from, then exits 0 without doing any of it.  It is the way to
see what a command line, or a profile, really means.

  $ . "$TESTS/lib.sh"

The default profile (here the copy built into veil, as none is installed):
the host's / read-only, fresh /proc, /sys and /dev, a private
/tmp (with an empty $TMPDIR in it, as cram's $TMPDIR is under /tmp), and
the working directory bound read-write at its own path.  Whether that
directory exists inside is only known when veil runs, hence "if present".

  $ veil --dry-run -- make -j4
  namespaces  mount pid  (always)
  propagation / private, recursive
  root        / read-only  (<built-in>/default.ini:8)
  proc        /proc masked  (<built-in>/default.ini:12)
  sysfs       /sys read-only masked  (<built-in>/default.ini:13)
  dev         /dev size=65536 shm-size=67108864  (<built-in>/default.ini:14)
  tmpfs       /tmp mode=1777  (<built-in>/default.ini:15)
  dir         /*/tmp mode=1777  (<built-in>/default.ini:16) (glob)
  bind        /*/dry-run.t -> /*/dry-run.t read-write  (<built-in>/default.ini:17) (glob)
  chdir       /*/dry-run.t if present, else / (glob)
  security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  landlock    own domain (no ptrace, no signals out); unix sockets made outside: reachable  (<built-in>/default.ini:20)
  exec        make -j4

Options that name no mount add their steps to the default.

  $ veil --dry-run --unshare-net --setenv CC 'gcc -O2' --chdir /src -- make
  namespaces  mount pid  (always)
  namespace   net  (--unshare-net)
  propagation / private, recursive
  root        / read-only  (<built-in>/default.ini:8)
  proc        /proc masked  (<built-in>/default.ini:12)
  sysfs       /sys read-only masked  (<built-in>/default.ini:13)
  dev         /dev size=65536 shm-size=67108864  (<built-in>/default.ini:14)
  tmpfs       /tmp mode=1777  (<built-in>/default.ini:15)
  dir         /*/tmp mode=1777  (<built-in>/default.ini:16) (glob)
  bind        /*/dry-run.t -> /*/dry-run.t read-write  (<built-in>/default.ini:17) (glob)
  setenv      CC='gcc -O2'  (--setenv)
  chdir       /src  (--chdir)
  security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none
  seccomp     socket families but unix inet inet6 netlink errno:EAFNOSUPPORT  (namespace net)
  seccomp     io_uring_setup io_uring_enter io_uring_register errno:ENOSYS  (namespace net: io_uring makes sockets)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  landlock    own domain (no ptrace, no signals out); unix sockets made outside: reachable  (<built-in>/default.ini:20)
  exec        make

An explicit command line: the steps appear in command-line order, with
--perms and --size folded into the step they apply to, the flavour of each
bind spelled out, and words quoted as a shell would need them.

  $ veil --dry-run --unshare-all --share-net --hostname box --ro-bind "$ROOT" / \
  >   --proc /proc --dev /dev --size 16M --perms 1777 --tmpfs /tmp \
  >   --bind "$PWD" /work --bind-try /no/such/dir /opt --dev-bind /dev/fuse /dev/fuse \
  >   --dir /work/out --symlink /work/out /out --chmod 0700 /work/out --remount-ro /work \
  >   --clearenv --setenv PATH /bin --unsetenv TZ --chdir /work -- sh -c "echo it's"
  namespaces  mount pid  (always)
  namespace   ipc  (--unshare-all)
  namespace   uts  (--unshare-all)
  namespace   cgroup  (--unshare-all)
  propagation / private, recursive
  root        /*/dry-run.t/root read-only  (--ro-bind) (glob)
  proc        /proc masked  (--proc)
  dev         /dev size=65536 shm-size=67108864  (--dev)
  tmpfs       /tmp mode=1777 size=16777216  (--tmpfs)
  bind        /*/dry-run.t -> /work read-write  (--bind) (glob)
  bind        /no/such/dir -> /opt read-write if-present  (--bind-try)
  bind        /dev/fuse -> /dev/fuse read-write devices  (--dev-bind)
  dir         /work/out mode=0755  (--dir)
  symlink     /out -> /work/out  (--symlink)
  chmod       /work/out mode=0700  (--chmod)
  remount-ro  /work  (--remount-ro)
  hostname    box  (--hostname)
  clearenv  (--clearenv)
  setenv      PATH=/bin  (--setenv)
  unsetenv    TZ  (--unsetenv)
  chdir       /work  (--chdir)
  security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  landlock    own domain (no ptrace, no signals out); unix sockets made outside: hidden
  exec        sh -c 'echo it'\''s'

A dry run touches nothing
-------------------------

Nothing in the plan is carried out: a --dir in a writable root is not
created, a --chmod does not change a mode, the command does not run, and
the host's mount table is the same before and after.

  $ host_mounts > mounts.before
  $ stat -c %a "$ROOT/bin" > mode.before
  $ veil --dry-run --root "$ROOT" --dir /made-by-dry-run --tmpfs /tmp/scratch \
  >   --chmod 0700 /bin -- touch /touched-by-dry-run > /dev/null; echo $?
  0
  $ ls -A "$ROOT"
  bin
  dev
  proc
  sys
  tmp
  $ ls -A "$ROOT/tmp"
  $ stat -c %a "$ROOT/bin" | diff mode.before -
  $ host_mounts | diff mounts.before -

The plan is still checked, though: what veil can know before setting
anything up, such as a missing bind source, fails the dry run the same way
it would fail the real one.

  $ veil --dry-run --root "$ROOT" --bind /no/such/source /x -- true; echo $?
  veil: --bind: source '/no/such/source': No such file or directory
  125
