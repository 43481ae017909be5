The device nodes of --dev are the host's own inodes, bound in: /dev/null,
zero, full, random, urandom, tty, and the caller's terminal as
/dev/console.  A command that is root to the host owns them, and could
chmod or chown the host's /dev/null through its /dev (every service of
the host then breaks), or make the caller's terminal world-writable.  veil
binds each read-only: a device still takes reads and writes on a read-only
mount (the device is not the file system), but its inode cannot be
changed.

  $ . "$TESTS/lib.sh"

A device node of our own stands for the host's /dev/null, bound over it in
a mount namespace of the test's, so that the host's is never at risk:

  $ mknod null c 1 3 && chmod 666 null
  $ attempt() {
  >   unshare -m --propagation private sh -c "mount --bind '$PWD/null' /dev/null && veil $* -- sh -c '
  >     chmod 0 /dev/null; chown 65534 /dev/null; echo data > /dev/null && echo written'" 2>&1
  > }

Under every profile the command is root in (the others make it nobody,
who could not change root's node anyway):

  $ for p in default cram; do echo "== $p"; attempt -p $p; done
  == default
  chmod: changing permissions of '/dev/null': Read-only file system
  chown: changing ownership of '/dev/null': Read-only file system
  written
  == cram
  chmod: changing permissions of '/dev/null': Read-only file system
  chown: changing ownership of '/dev/null': Read-only file system
  written
  $ for p in buildbarn bazel; do echo "== $p"; attempt -p $p --root "$ROOT"; done
  == buildbarn
  chmod: /dev/null: Read-only file system
  chown: /dev/null: Read-only file system
  written
  == bazel
  chmod: /dev/null: Read-only file system
  chown: /dev/null: Read-only file system
  written
  $ stat -c '%A %u' null
  crw-rw-rw- 0

Against veil with writable device nodes, the first profile left it
`c--------- 0`: chmod went through (chown needs a capability the command has not).

The caller's terminal, as /dev/console, is read-only the same way: the
command cannot make root's terminal world-writable for any user of the
host to open.

  $ "$TESTS/pty-run" sh -c 'before=$(stat -c %a "$(tty)")
  >   veil -p cram -- sh -c "chmod 0666 /dev/console"
  >   [ "$(stat -c %a "$(tty)")" = "$before" ] && echo "the terminal is $before still"'
  chmod: changing permissions of '/dev/console': Read-only file system
  the terminal is [0-7]+ still (re)

With a pty of its own (--pty, and the strict profile), the command has no
/dev/console at all: the caller's terminal is what it must not reach.

  $ "$TESTS/pty-run" veil --root "$ROOT" --dev /dev --pty -- sh -c 'ls /dev/console; tty'
  ls: /dev/console: No such file or directory
  /dev/pts/0
