With no mount options at all, veil uses its embedded default, made for
`veil -- make`: the host's / read-only, the working directory writable, a
private /tmp and fresh /proc, /sys and /dev.  cram runs this transcript in a
fresh directory on the host (under the host's /tmp), which is the working
directory here.

  $ . "$TESTS/lib.sh"

The host's / is visible, read-only
----------------------------------

The command sees the host's files ...

  $ ls -A / > host-root
  $ veil -- ls -A / | diff host-root -
  $ veil -- cat /etc/passwd | diff /etc/passwd -

... but cannot change them.

  $ veil -- touch /etc/veil-default-test; echo $?
  touch: cannot touch '/etc/veil-default-test': Read-only file system
  1
  $ test -e /etc/veil-default-test || echo 'not on the host'
  not on the host

The working directory is writable
---------------------------------

The command starts in the caller's directory, and what it writes there,
at any depth, is on the host afterwards.

  $ veil -- sh -c 'pwd; mkdir -p out/sub && echo built > out/sub/result'
  /*/default.t (glob)
  $ cat out/sub/result
  built

Started from /, there is no working directory to make writable (that
would undo the read-only /), so only /tmp can be written to.

  $ (cd / && veil -- sh -c 'pwd; touch /veil-default-test')
  /
  touch: cannot touch '/veil-default-test': Read-only file system
  [1]

/tmp is private
---------------

/tmp is a fresh tmpfs, mode 1777.  Nothing of the host's /tmp is in it but
the path down to the working directory (cram's is under /tmp) and, when the
caller's $TMPDIR is under /tmp, an empty directory of that name, so that
programs using $TMPDIR still work: cram sets it to a sibling of the working
directory, whose host content stays invisible.

  $ veil -- stat -c '%a %n' /tmp
  1777 /tmp
  $ veil -- ls -A /tmp
  cramtests-* (glob)
  $ ls -A "$CRAMTMP"
  default.t
  tmp
  $ touch "$TMPDIR/host-file"
  $ veil -- ls -A "$CRAMTMP"
  default.t
  tmp
  $ veil -- ls -A "$TMPDIR"
  $ veil -- sh -c 'mktemp -p "$TMPDIR" >/dev/null && echo mktemp works'
  mktemp works

What the command writes to /tmp stays in the action's /tmp and disappears
with it.

  $ veil -- sh -c 'echo secret > /tmp/veil-default-test && cat /tmp/veil-default-test'
  secret
  $ test -e /tmp/veil-default-test || echo 'not on the host'
  not on the host

Fresh /proc, /sys and /dev
--------------------------

/proc, /sys and /dev are mounted anew, not the host's.  The /proc belongs to
the action's pid namespace, so the caller's shell is not in it.

  $ veil -- stat -f -c '%T %n' /proc /sys /dev /tmp
  proc /proc
  sysfs /sys
  tmpfs /dev
  tmpfs /tmp
  $ test -d /proc/$$ && echo 'the host sees this shell'
  the host sees this shell
  $ veil -- sh -c "test -d /proc/$$ || echo 'the action does not'"
  the action does not
  $ veil -- touch /sys/veil-default-test
  touch: cannot touch '/sys/veil-default-test': Read-only file system
  [1]
  $ veil -- ls /dev
  core
  fd
  full
  null
  ptmx
  pts
  random
  shm
  stderr
  stdin
  stdout
  tty
  urandom
  zero

Options that name no mount keep the default
-------------------------------------------

Namespace, environment and working-directory options do not change the
filesystem, so the default still applies with them.

  $ veil --unshare-net --setenv GREETING hello --chdir "$PWD/out" -- \
  >   sh -c 'echo "$GREETING" > greeting; touch /etc/veil-default-test'; echo $?
  touch: cannot touch '/etc/veil-default-test': Read-only file system
  1
  $ cat out/greeting
  hello

Naming a mount replaces the default
-----------------------------------

As soon as the command line names a mount of its own, it gets exactly what
it names and nothing else, the bubblewrap way.  Here the busybox root is the
whole filesystem, and no /proc is mounted since none was asked for.

  $ veil --ro-bind "$ROOT" / -- ls -A /
  bin
  dev
  proc
  sys
  tmp
  $ veil --ro-bind "$ROOT" / -- ls -A /proc
  $ veil --ro-bind "$ROOT" / -- touch /new; echo $?
  touch: /new: Read-only file system
  1

With mounts but no root, the root is an empty tmpfs, as in bwrap: even the
command is not there.

  $ veil --tmpfs /scratch -- true; echo $?
  veil: true: No such file or directory
  127
