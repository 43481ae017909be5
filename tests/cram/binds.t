Bind mounts bring host files and directories into the action root.  This
transcript shows what each kind of bind allows, where missing destinations
come from, and that a root full of hostile symlinks cannot make veil create
or mount anything outside it.

  $ . "$TESTS/lib.sh"
  $ mkdir data
  $ echo original > data/file

--bind: read-write
------------------

A directory bound with --bind is the host's directory: what the command
writes there is on the host afterwards.

  $ veil --root "$ROOT" --bind "$PWD/data" /data -- sh -c 'echo from-inside > /data/new'
  $ cat data/new
  from-inside

A single file can be bound too; writing to it changes the host's file.

  $ veil --root "$ROOT" --bind "$PWD/data/file" /file -- sh -c 'cat /file; echo changed > /file'
  original
  $ cat data/file
  changed
  $ echo original > data/file

--ro-bind: read-only
--------------------

With --ro-bind the same writes fail, whether to the directory or to a
single bound file, and the host's files stay as they were.

  $ veil --root "$ROOT" --ro-bind "$PWD/data" /data -- sh -c 'echo x > /data/other'; echo $?
  sh: can't create /data/other: Read-only file system
  1
  $ veil --root "$ROOT" --ro-bind "$PWD/data/file" /file -- sh -c 'cat /file; echo x > /file'; echo $?
  original
  sh: can't create /file: Read-only file system
  1
  $ ls data
  file
  new
  $ cat data/file
  original

Binds are recursive: a mount under the source comes along with it.  For
--ro-bind that means the mount underneath is read-only as well, so a
read-only bind of a tree cannot be written through a submount.  The tmpfs
here is mounted in a private mount namespace made by unshare(1), so the
host never sees it.

  $ mkdir data/sub
  $ export ROOT
  $ unshare -m sh -c '
  >   mount -t tmpfs tmpfs data/sub &&
  >   veil --root "$ROOT" --bind "$PWD/data" /data -- touch /data/sub/rw &&
  >   ls data/sub &&
  >   veil --root "$ROOT" --ro-bind "$PWD/data" /data -- touch /data/sub/ro'; echo $?
  rw
  touch: /data/sub/ro: Read-only file system
  1

The file written through --bind went to the tmpfs, which is gone with the
namespace: the host's data/sub was never written to.

  $ ls -A data/sub

--bind-try and --ro-bind-try: optional sources
----------------------------------------------

A missing source is an error for the plain binds (see options.t), but the
-try variants skip the step and run the command anyway.  Nothing is
created at the destination.

  $ veil --root "$ROOT" --bind-try /no/such/dir /opt/a --ro-bind-try /no/such/file /opt/b \
  >   --dev-bind-try /no/such/dev /opt/c -- echo ran
  ran
  $ test -e "$ROOT/opt" || echo '/opt was not created'
  /opt was not created

When the source is there, the -try variants are ordinary binds.

  $ veil --root "$ROOT" --ro-bind-try "$PWD/data" /data -- sh -c 'cat /data/file; touch /data/x'
  original
  touch: /data/x: Read-only file system
  [1]

--dev-bind: device nodes
------------------------

Binds are mounted nodev, so a device node brought in with --bind cannot be
used; --dev-bind is the one that allows it.

  $ veil --root "$ROOT" --bind /dev/null /dev/null -- sh -c 'echo x > /dev/null'; echo $?
  sh: can't create /dev/null: Permission denied
  1
  $ veil --root "$ROOT" --dev-bind /dev/null /dev/null -- sh -c 'echo x > /dev/null'; echo $?
  0

Missing destinations
--------------------

In a writable root, a missing destination is created: directories (and any
missing parents) with mode 0755, and an empty file (mode 0444, as bwrap
makes it) when a file is bound.
They are left in the root afterwards, as with bwrap.

  $ veil --root "$ROOT" --bind "$PWD/data" /mnt/deep/data \
  >   --bind "$PWD/data/file" /etc/veil/file -- cat /etc/veil/file
  original
  $ (cd "$ROOT" && stat -c '%a %F %n' mnt mnt/deep mnt/deep/data etc etc/veil)
  755 directory mnt
  755 directory mnt/deep
  755 directory mnt/deep/data
  755 directory etc
  755 directory etc/veil
  $ stat -c '%a %s %F' "$ROOT/etc/veil/file"
  444 0 regular empty file

A read-only root cannot have anything created in it, so a missing
destination there is an error.

  $ veil --ro-bind "$ROOT" / --bind "$PWD/data" /nonexistent -- true; echo $?
  veil: bind (--bind): cannot create /nonexistent: Read-only file system
  125

A file cannot be bound onto a directory, nor a directory onto a file; the
message names both sides.

  $ veil --root "$ROOT" --bind "$PWD/data/file" /bin -- true; echo $?
  veil: bind (--bind): cannot bind /*/binds.t/data/file, not a directory, on /bin, a directory (glob)
  125
  $ veil --root "$ROOT" --ro-bind "$PWD/data" /bin/busybox -- true; echo $?
  veil: bind (--ro-bind): cannot bind /*/binds.t/data, a directory, on /bin/busybox, not a directory (glob)
  125

A hostile root
--------------

An action root may come from someone else (a build's input root), so veil
resolves every destination inside it: an absolute symlink or a chain of
'..' stops at the action root, and /proc/self/fd links are refused.  Here
the root is seeded with such symlinks, next to a canary directory outside
the root that must stay empty, and a snapshot of the host's /etc and mount
table to compare against at the end.

  $ mkdir canary
  $ ls -A /etc > etc.before
  $ stat -c '%Y %h' /etc > etc.stat.before
  $ host_mounts > mounts.before
  $ ln -s /etc "$ROOT/evil"
  $ ln -s "$PWD/canary" "$ROOT/abs"
  $ ln -s ../../../../../../../../../../../.. "$ROOT/up"
  $ ln -s loop2 "$ROOT/loop1"
  $ ln -s loop1 "$ROOT/loop2"
  $ ln -s /proc/self/fd/3 "$ROOT/magic"

Each attempt below tries every step that creates or mounts something, at
the given destination.  Descriptor 3 is open on the canary, so a
/proc/self/fd/3 that was followed would land in it.

  $ attempt() {
  >   veil --root "$ROOT" --proc /proc --tmpfs "$1" -- true; echo "tmpfs: $?"
  >   veil --root "$ROOT" --proc /proc --dir "$1" -- true; echo "dir: $?"
  >   veil --root "$ROOT" --proc /proc --bind "$PWD/data" "$1" -- true; echo "bind dir: $?"
  >   veil --root "$ROOT" --proc /proc --bind "$PWD/data/file" "$1" -- true; echo "bind file: $?"
  >   veil --root "$ROOT" --proc /proc --symlink /target "$1" -- true; echo "symlink: $?"
  > }

An absolute symlink to the canary's host path points, inside the root, at
a path that does not exist there; veil refuses rather than follow it out.

  $ attempt /abs/x 3<canary
  veil: tmpfs (--tmpfs): cannot create /abs: it is a symlink to a missing target
  tmpfs: 125
  veil: dir (--dir): cannot create /abs: it is a symlink to a missing target
  dir: 125
  veil: bind (--bind): cannot create /abs: it is a symlink to a missing target
  bind dir: 125
  veil: bind (--bind): cannot create /abs: it is a symlink to a missing target
  bind file: 125
  veil: symlink (--symlink): cannot create /abs: it is a symlink to a missing target
  symlink: 125

A symlink loop is an error, not a hang.

  $ attempt /loop1/x 3<canary
  veil: tmpfs (--tmpfs): /loop1: Too many levels of symbolic links
  tmpfs: 125
  veil: dir (--dir): /loop1: Too many levels of symbolic links
  dir: 125
  veil: bind (--bind): /loop1: Too many levels of symbolic links
  bind dir: 125
  veil: bind (--bind): cannot create /loop1/x: Too many levels of symbolic links
  bind file: 125
  veil: symlink (--symlink): /loop1: Too many levels of symbolic links
  symlink: 125

A /proc/self/fd link is a "magic" link that would jump to whatever the
descriptor names, here the canary outside the root; veil does not follow
such links at all.

  $ attempt /magic/x 3<canary
  veil: tmpfs (--tmpfs): /magic: Too many levels of symbolic links
  tmpfs: 125
  veil: dir (--dir): /magic: Too many levels of symbolic links
  dir: 125
  veil: bind (--bind): /magic: Too many levels of symbolic links
  bind dir: 125
  veil: bind (--bind): cannot create /magic/x: Too many levels of symbolic links
  bind file: 125
  veil: symlink (--symlink): /magic: Too many levels of symbolic links
  symlink: 125

A symlink that is itself the destination is not replaced, nor followed out
of the root.

  $ attempt /abs 3<canary
  veil: tmpfs (--tmpfs): cannot create /abs: it is a symlink to a missing target
  tmpfs: 125
  veil: dir (--dir): cannot create /abs: it is a symlink to a missing target
  dir: 125
  veil: bind (--bind): cannot create /abs: it is a symlink to a missing target
  bind dir: 125
  veil: bind (--bind): cannot create /abs: it is a symlink to a missing target
  bind file: 125
  veil: symlink (--symlink): cannot create symlink /abs: it exists and is not a link to /target
  symlink: 125
  $ veil --root "$ROOT" --chmod 0700 /abs -- true; echo $?
  veil: chmod (--chmod): cannot change the mode: /abs: it is or passes through a symbolic link, which veil does not follow here
  125
  $ veil --root "$ROOT" --remount-ro /abs -- true; echo $?
  veil: remount-ro (--remount-ro): /abs: No such file or directory
  125

Where the symlink's target does exist inside the root, it is followed
there, the way the command itself would see it: /evil is the root's /etc,
and '..' climbs no higher than the root's /.  (Not by --chmod, which
follows no symlink at all: see hostile-paths.t.)

  $ veil --root "$ROOT" --dir /evil/made-by-veil --tmpfs /evil/tmpfs-by-veil \
  >   --bind "$PWD/data/file" /evil/bound-by-veil --symlink /target /evil/link-by-veil \
  >   -- ls /etc
  bound-by-veil
  link-by-veil
  made-by-veil
  tmpfs-by-veil
  veil
  $ ls "$ROOT/etc"
  bound-by-veil
  link-by-veil
  made-by-veil
  tmpfs-by-veil
  veil
  $ veil --root "$ROOT" --dir "/up$PWD/canary/made-by-veil" -- true
  $ find "$ROOT" -name made-by-veil | sort
  /*/binds.t/root/etc/made-by-veil (glob)
  /*/binds.t/root/*/binds.t/canary/made-by-veil (glob)

Nothing of this reached the host: the canary is empty and unchanged, the
host's /etc has the same entries and was not modified, and the mount table
is what it was.

  $ ls -A canary
  $ stat -c %a canary
  755
  $ ls -A /etc | diff etc.before -
  $ stat -c '%Y %h' /etc | diff etc.stat.before -
  $ host_mounts | diff mounts.before -
