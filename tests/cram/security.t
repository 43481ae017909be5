Before the command starts, veil sets no_new_privs, drops every capability
not asked for with --cap-add (root's included), and, when asked to, loads
a seccomp filter.

  $ . "$TESTS/lib.sh"
  $ cp "$HELPERS/syscall-probe" "$ROOT/bin/"
  $ status() {
  >   veil --root "$ROOT" --proc /proc "$@" -- \
  >     grep -E '^(Cap|NoNewPrivs|Seccomp)' /proc/self/status | tr -s '\t' ' '
  > }

Capabilities
------------

By default the command has none, in any set, even when veil runs as root;
no_new_privs is set, and there is no seccomp filter but veil's small one
for a command that is root outside (no new user namespaces, no keyrings:
root-head.t):

  $ status
  CapInh: 0000000000000000
  CapPrm: 0000000000000000
  CapEff: 0000000000000000
  CapBnd: 0000000000000000
  CapAmb: 0000000000000000
  NoNewPrivs: 1
  Seccomp: 2
  Seccomp_filters: 1

--cap-add keeps a capability, spelled as bwrap, libcap or without the
prefix, in any case: it is in every set, the ambient one too, so that a
command that is not root gets it as well.  CAP_NET_BIND_SERVICE is 10,
CAP_SYS_CHROOT 18:

  $ status --cap-add CAP_NET_BIND_SERVICE --cap-add sys_chroot
  CapInh: 0000000000040400
  CapPrm: 0000000000040400
  CapEff: 0000000000040400
  CapBnd: 0000000000040400
  CapAmb: 0000000000040400
  NoNewPrivs: 1
  Seccomp: 2
  Seccomp_filters: 1

--cap-drop takes one back; --cap-drop ALL, all kept so far:

  $ status --cap-add net_bind_service --cap-add sys_chroot --cap-drop cap_sys_chroot | grep CapEff
  CapEff: 0000000000000400
  $ status --cap-add net_bind_service --cap-add sys_chroot --cap-drop ALL | grep -E 'Cap(Eff|Bnd|Amb)'
  CapEff: 0000000000000000
  CapBnd: 0000000000000000
  CapAmb: 0000000000000000

--cap-add ALL keeps every capability veil has: here, root's bounding set.

  $ bnd=$(grep CapBnd /proc/self/status | cut -f2)
  $ veil --root "$ROOT" --proc /proc --cap-add ALL -- grep CapEff /proc/self/status | cut -f2 | grep -qx "$bnd" && echo same
  same

What that means: root without CAP_CHOWN cannot give a file away.

  $ touch "$ROOT/file"
  $ veil --root "$ROOT" -- chown 1:1 /file; echo $?
  chown: /file: Operation not permitted
  1
  $ veil --root "$ROOT" --cap-add chown -- chown 1:1 /file; echo $?
  0
  $ stat -c %u:%g "$ROOT/file"
  1:1

A caller that is not root runs the command as itself, in a user namespace
of its own; the kept capabilities reach it through the ambient set:

  $ (cd / && setpriv --reuid 65534 --regid 65534 --clear-groups \
  >   veil --cap-add net_bind_service -- sh -c 'id -u; grep -E "^Cap(Eff|Amb)" /proc/self/status')
  65534
  CapEff:\t0000000000000400 (esc)
  CapAmb:\t0000000000000400 (esc)

seccomp
-------

--seccomp default loads veil's list.  Each call in it fails with EPERM,
whatever the capabilities; clone3 fails with ENOSYS, so that the C library
falls back to clone, whose namespace flags the filter can see.  Other
clones, personality(PER_LINUX) and its query, and other ioctls pass.
TIOCSTI with junk in the high 32 bits of the request is caught, and so are
the same calls made through the i386 (int $0x80) and x32 system call
tables.  The NUMA calls and memfd_secret fail with ENOSYS, as on a kernel
built without them, which programs handle; calls newer than veil's table
(above 469) fail with ENOSYS too (see open-tree-attr.t).  The calls on
another process's memory or descriptors fail, but ptrace reaches the
kernel (ESRCH: there is no process 0): LeakSanitizer, gdb and strace need
it, and it reaches only the action's own processes (the strict profile
refuses it):

  $ veil --root "$ROOT" --seccomp default --cap-add ALL -- syscall-probe
  kexec_load: EPERM
  kexec_file_load: EPERM
  init_module: EPERM
  finit_module: EPERM
  delete_module: EPERM
  open_by_handle_at: EPERM
  name_to_handle_at: EPERM
  mount: EPERM
  umount2: EPERM
  pivot_root: EPERM
  move_mount: EPERM
  open_tree: EPERM
  fsopen: EPERM
  fsconfig: EPERM
  fsmount: EPERM
  fspick: EPERM
  mount_setattr: EPERM
  unshare: EPERM
  setns: EPERM
  clone: ok
  clone-newuser: EPERM
  clone-newns: EPERM
  clone3: ENOSYS
  keyctl: EPERM
  add_key: EPERM
  request_key: EPERM
  userfaultfd: EPERM
  perf_event_open: EPERM
  bpf: EPERM
  personality-linux: ok
  personality-query: ok
  personality-linux32: EPERM
  personality-high: EPERM
  tiocsti: EPERM
  tiocsti-high: EPERM
  tioclinux: EPERM
  tcgets: EBADF
  i386-unshare: EPERM
  x32-unshare: EPERM
  open_tree_attr: EPERM
  nr-470: ENOSYS
  nr-1000: ENOSYS
  modify_ldt: EPERM
  mbind: ENOSYS
  set_mempolicy: ENOSYS
  get_mempolicy: ENOSYS
  migrate_pages: ENOSYS
  move_pages: ENOSYS
  set_mempolicy_home_node: ENOSYS
  kcmp: EPERM
  pidfd_getfd: EPERM
  process_madvise: EPERM
  process_vm_readv: EPERM
  process_vm_writev: EPERM
  ptrace: ESRCH
  memfd_secret: ENOSYS
  io_uring_setup: EPERM
  io_uring_enter: EPERM
  io_uring_register: EPERM
  i386-open_tree_attr: EPERM
  i386-nr-470: ENOSYS

Without the filter (and with --nested-userns, which leaves a root
command its new user namespaces), the same calls reach the kernel, which
(with every capability) fails them for their bad arguments, or lets them
through:

  $ veil --root "$ROOT" --cap-add ALL --nested-userns -- syscall-probe mount open_tree unshare clone-newuser clone3 \
  >   personality-linux32 tiocsti tiocsti-high i386-unshare modify_ldt mbind get_mempolicy kcmp \
  >   process_vm_readv io_uring_setup
  mount: EFAULT
  open_tree: EFAULT
  unshare: ok
  clone-newuser: ok
  clone3: ok
  personality-linux32: ok
  tiocsti: EBADF
  tiocsti-high: EBADF
  i386-unshare: ok
  modify_ldt: ok
  mbind: ok
  get_mempolicy: ok
  kcmp: ESRCH
  process_vm_readv: ok
  io_uring_setup: EFAULT

Everyday commands are not affected:

  $ veil --root "$ROOT" --seccomp default -- sh -c 'echo hello | cat; ls /bin/syscall-probe'
  hello
  /bin/syscall-probe

The command's status shows the filter (mode 2, one filter):

  $ status --seccomp default | grep Seccomp
  Seccomp: 2
  Seccomp_filters: 1

Rules given with --seccomp default apply on top of the list, and a rule
for a call replaces the list's rules for it (but not veil's refusals for a
command that is root outside, which come first: here --nested-userns
lifts them for setns):

  $ veil --root "$ROOT" --nested-userns --seccomp default --seccomp-deny setns:ENOSYS --seccomp-allow personality \
  >   -- syscall-probe setns personality-linux32 mount
  setns: ENOSYS
  personality-linux32: ok
  mount: EPERM

Without --seccomp default, rules make a custom filter: only they apply.
--seccomp-deny SYSCALL:ERRNO fails the call with that errno:

  $ veil --root "$ROOT" --seccomp-deny mkdir:EROFS --seccomp-deny mkdirat:EROFS -- mkdir /tmp/x; echo $?
  mkdir: can't create directory '/tmp/x': Read-only file system
  1
  $ veil --root "$ROOT" --nested-userns --seccomp-deny mount -- syscall-probe mount setns
  mount: EPERM
  setns: EBADF

--seccomp-kill kills the command with SIGSYS, 31: veil exits 128+31.

  $ veil --root "$ROOT" --seccomp-kill mount -- syscall-probe mount; echo $?
  159

--seccomp-log lets the call through (and the kernel logs it):

  $ veil --root "$ROOT" --cap-add ALL --seccomp-log mount -- syscall-probe mount
  mount: EFAULT

--seccomp-default sets the action for every call no rule names.  The
filter is in place before the command is executed, so it must allow
execve; a process can always exit:

  $ veil --root "$ROOT" --seccomp-default errno -- true; echo $?
  veil: seccomp: the filter denies execve, so the command cannot start (add --seccomp-allow execve)
  125
  $ veil --root "$ROOT" --seccomp-default kill --seccomp-allow execve -- true; echo $?
  159

--seccomp none, the default, drops the rules given before it (nobody
outside, the command gets no filter at all):

  $ status --nobody --seccomp-deny mount --seccomp none | grep Seccomp:
  Seccomp: 0

Errors
------

Bad names are veil's own errors, found before anything is set up:

  $ veil --cap-add CAP_FOO -- true; echo $?
  veil: --cap-add: 'CAP_FOO' is not a capability
  125
  $ veil --cap-drop 12 -- true; echo $?
  veil: --cap-drop: '12' is not a capability
  125
  $ veil --seccomp strict -- true; echo $?
  veil: --seccomp: 'strict' is not a seccomp mode (none, default, custom)
  125
  $ veil --seccomp-deny no_such_call -- true; echo $?
  veil: --seccomp-deny: 'no_such_call' is not a system call
  125
  $ veil --seccomp-deny ptrace:EFOO -- true; echo $?
  veil: --seccomp-deny: 'EFOO' is not an errno name (EPERM, ENOSYS, EACCES, ...)
  125
  $ veil --seccomp-kill ptrace:ENOSYS -- true; echo $?
  veil: --seccomp-kill: 'ptrace:ENOSYS' is not a system call
  125
  $ veil --seccomp-default deny -- true; echo $?
  veil: --seccomp-default: 'deny' is not a seccomp action (allow, errno, errno:ENAME, kill, log)
  125

--dry-run
---------

The security line lists what is kept and the filter's mode; each rule
follows on a line of its own, with the option it came from:

  $ veil --dry-run --root "$ROOT" -- true | grep -E '^(security|seccomp)'
  security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  $ veil --dry-run --root "$ROOT" --cap-add net_bind_service --cap-add chown --seccomp default \
  >   --seccomp-deny ptrace:ENOSYS --seccomp-kill kexec_load -- true | grep -E '^(security|seccomp)'
  security    no_new_privs; descriptors above 2 closed; capabilities cap_chown cap_net_bind_service; seccomp default, 2 rules
  seccomp     ptrace errno:ENOSYS  (--seccomp-deny)
  seccomp     kexec_load kill  (--seccomp-kill)
  seccomp     calls above 469 (file_setattr) errno:ENOSYS  (newer than veil's list)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  $ veil --dry-run --root "$ROOT" --cap-add ALL --cap-drop sys_admin --seccomp-default errno:ENOSYS \
  >   --seccomp-allow execve -- true | grep -E '^(security|seccomp)'
  security    no_new_privs; descriptors above 2 closed; capabilities all but cap_sys_admin; seccomp custom, 1 rule, others errno:ENOSYS
  seccomp     execve allow  (--seccomp-allow)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
