open_tree_attr(2) (Linux 6.15, number 467) clones a mount and changes its
attributes in the same step: with MOUNT_ATTR_RDONLY cleared, a read-only
bind comes back writable.  veil's seccomp list refuses it with the rest of
the mount API.  libseccomp 2.5 does not know its name, so veil keeps its
own table of the system calls numbered from 424 up (the same number on
every architecture): rules can name them, or give the number.

  $ . "$TESTS/lib.sh"
  $ cp "$HELPERS/syscall-probe" "$ROOT/bin/"
  $ [ "$("$HELPERS/syscall-probe" open_tree_attr)" != "open_tree_attr: ENOSYS" ] || {
  >   echo "the kernel has no open_tree_attr (Linux 6.15)" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }

A file behind a read-only bind, and the command has CAP_SYS_ADMIN:

  $ mkdir data && echo original > data/victim
  $ ro() { veil --root "$ROOT" --ro-bind "$PWD/data" /data --chdir /data --cap-add SYS_ADMIN "$@"; }
  $ ro -- sh -c 'echo changed > victim'
  sh: can't create victim: Read-only file system
  [1]

Without a filter it clones the bind writable and writes through the clone
(syscall-probe's open_tree_attr-write, on the working directory):

  $ ro -- syscall-probe open_tree_attr-write
  open_tree_attr-write: ok
  $ cat data/victim
  written through a writable clone
  $ echo original > data/victim

--seccomp default refuses the call, through the 64-bit and the i386 system
call tables alike; the file is unchanged:

  $ ro --seccomp default -- syscall-probe open_tree_attr-write open_tree_attr i386-open_tree_attr
  open_tree_attr-write: EPERM
  open_tree_attr: EPERM
  i386-open_tree_attr: EPERM
  $ cat data/victim
  original

So does the strict profile, whose filter is veil's list (there the user
namespace locks the bind read-only as well):

  $ veil -p strict --ro-bind "$ROOT/bin/syscall-probe" /tmp/probe -- /tmp/probe open_tree_attr
  open_tree_attr: EPERM

Rules name it, or give its number; the table names the number:

  $ veil --root "$ROOT" --seccomp-deny open_tree_attr:EACCES -- syscall-probe open_tree_attr
  open_tree_attr: EACCES
  $ veil --root "$ROOT" --seccomp-deny 467:EXDEV -- syscall-probe open_tree_attr i386-open_tree_attr
  open_tree_attr: EXDEV
  i386-open_tree_attr: EXDEV
  $ veil --dry-run --seccomp-deny 467 -- true | grep '^seccomp'
  seccomp     open_tree_attr errno:EPERM  (--seccomp-deny)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)

A profile takes the names and numbers as well:

  $ printf '[seccomp]\ndeny = 467:EXDEV file_getattr 470\n' > numbered.ini
  $ veil --dry-run -p ./numbered.ini -- true | grep '^seccomp'
  seccomp     open_tree_attr errno:EXDEV  (./numbered.ini:2)
  seccomp     file_getattr errno:EPERM  (./numbered.ini:2)
  seccomp     470 errno:EPERM  (./numbered.ini:2)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  $ veil --root "$ROOT" -p ./numbered.ini -- syscall-probe open_tree_attr
  open_tree_attr: EXDEV

Calls newer than veil's table
-----------------------------

veil's table ends at 469 (file_setattr, Linux 6.17).  Under --seccomp
default a call above it is refused with ENOSYS, on every ABI: what a
kernel without the call answers, so that programs fall back to the older
way, as they do on older kernels.  (This kernel has no call there either,
so both answers are the same here; tests/unit/test-seccomp-head checks
the filter itself.)

  $ veil --root "$ROOT" --seccomp default -- syscall-probe nr-470 nr-1000 i386-nr-470
  nr-470: ENOSYS
  nr-1000: ENOSYS
  i386-nr-470: ENOSYS

A rule for a number above the table reaches the filter as any rule does:

  $ veil --root "$ROOT" --seccomp default --seccomp-kill 470 -- syscall-probe nr-470
  nr-470: killed by SIGSYS

--dry-run says so:

  $ veil --dry-run --seccomp default -- true | grep '^seccomp'
  seccomp     calls above 469 (file_setattr) errno:ENOSYS  (newer than veil's list)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)

Only the shared numbers can be given (below 424 each architecture numbers
its calls its own way; from 512 x86-64's x32 ABI has calls of its own):

  $ veil --seccomp-deny 101 -- true; echo $?
  veil: --seccomp-deny: '101': only system calls 424 to 511 can be given by number (the same on every architecture); give the others by name
  125
  $ veil --seccomp-deny 512 -- true; echo $?
  veil: --seccomp-deny: '512': only system calls 424 to 511 can be given by number (the same on every architecture); give the others by name
  125

With another default action than allow (--seccomp-default), that action
covers the newer calls as it covers every call no rule names, and --dry-run
has no line for them:

  $ veil --dry-run --seccomp default --seccomp-default kill -- true | grep -c 'newer than'
  0
  [1]
