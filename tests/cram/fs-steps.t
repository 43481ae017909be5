Besides binds, veil builds the action's filesystem with a few steps of its
own: tmpfs mounts, directories, symlinks, mode changes, read-only remounts
and a minimal /dev.  They are applied in command-line order, inside the
action root.

  $ . "$TESTS/lib.sh"

--tmpfs
-------

A tmpfs is empty, mode 0755 unless --perms says otherwise, and as large as
the kernel allows unless --size limits it.  --perms and --size apply to the
next --tmpfs only.

  $ veil --root "$ROOT" --tmpfs /scratch -- stat -c %a /scratch
  755
  $ veil --root "$ROOT" --perms 1777 --tmpfs /a --tmpfs /b -- stat -c '%a %n' /a /b
  1777 /a
  755 /b

With --size, the tmpfs holds no more than that: df reports it, and a write
past it fails with ENOSPC.  The size takes k, M and G suffixes.

  $ veil --root "$ROOT" --proc /proc --size 1M --tmpfs /small -- df -k /small
  Filesystem           1K-blocks      Used Available Use% Mounted on
  tmpfs                     1024         0      1024   0% /small
  $ veil --root "$ROOT" --size 64k --tmpfs /small -- \
  >   sh -c 'head -c 65536 /bin/busybox > /small/fits && echo fits; echo more > /small/more'
  fits
  sh: write error: No space left on device
  [1]

A tmpfs lives only as long as the action: what was written there is gone,
and the root has just the empty mount point.

  $ veil --root "$ROOT" --tmpfs /scratch -- touch /scratch/file
  $ ls -A "$ROOT/scratch"

--dir
-----

--dir creates a directory, with any missing parents, mode 0755 unless
--perms gives one (which applies to the last component only).

  $ veil --root "$ROOT" --dir /made/sub --perms 0700 --dir /private/sub -- \
  >   stat -c '%a %n' /made /made/sub /private /private/sub
  755 /made
  755 /made/sub
  755 /private
  700 /private/sub

An existing directory keeps its mode, unless --perms asks for one.

  $ mkdir "$ROOT/existing"
  $ chmod 0711 "$ROOT/existing"
  $ veil --root "$ROOT" --dir /existing -- stat -c %a /existing
  711
  $ veil --root "$ROOT" --perms 0750 --dir /existing -- stat -c %a /existing
  750

Something that is not a directory is an error.

  $ veil --root "$ROOT" --dir /bin/busybox -- true; echo $?
  veil: dir (--dir): /bin/busybox: Not a directory
  125

--symlink
---------

--symlink TARGET DEST creates DEST (and its missing parent directories)
pointing at TARGET, which is stored as given, relative or not.

  $ veil --root "$ROOT" --symlink /bin/busybox /links/abs --symlink ../bin /links/rel -- \
  >   sh -c 'readlink /links/abs; readlink /links/rel; ls /links/rel/busybox'
  /bin/busybox
  ../bin
  /links/rel/busybox

The same link again is fine (a profile and the command line may both ask
for it); a different existing link, or any other file, is an error.

  $ veil --root "$ROOT" --symlink /bin/busybox /links/abs -- readlink /links/abs
  /bin/busybox
  $ veil --root "$ROOT" --symlink /bin/other /links/abs -- true; echo $?
  veil: symlink (--symlink): cannot create symlink /links/abs: it exists and is not a link to /bin/other
  125
  $ veil --root "$ROOT" --symlink /bin/sh /bin/busybox -- true; echo $?
  veil: symlink (--symlink): cannot create symlink /bin/busybox: it exists and is not a link to /bin/sh
  125

--chmod
-------

--chmod changes the mode of something already in the root or made by an
earlier step, such as a tmpfs.

  $ veil --root "$ROOT" --tmpfs /shared --chmod 1777 /shared -- stat -c %a /shared
  1777
  $ veil --root "$ROOT" --chmod 0644 /nowhere -- true; echo $?
  veil: chmod (--chmod): cannot change the mode: /nowhere: No such file or directory
  125

--remount-ro
------------

--remount-ro makes a mount read-only: one set up by an earlier step, ...

  $ veil --root "$ROOT" --tmpfs /scratch --remount-ro /scratch -- touch /scratch/x; echo $?
  touch: /scratch/x: Read-only file system
  1

... or a plain directory that is not a mount point, which is first bound
onto itself so that exactly that subtree becomes read-only.  The rest of
the root stays writable.

  $ veil --root "$ROOT" --remount-ro /made -- sh -c 'touch /made/x; touch /private/x && echo rest is writable'
  touch: /made/x: Read-only file system
  rest is writable
  $ rm "$ROOT/private/x"
  $ veil --root "$ROOT" --remount-ro /nowhere -- true; echo $?
  veil: remount-ro (--remount-ro): /nowhere: No such file or directory
  125

--dev
-----

--dev mounts a small /dev of its own: a tmpfs with the usual harmless
device nodes (bound from the host's), a fresh devpts instance with its ptmx,
a world-writable shm directory and the fd, stdin, stdout and stderr links.
No disks, no host terminals.

  $ veil --root "$ROOT" --dev /dev -- sh -c 'cd /dev && stat -c "%A %N" *'
  lrwxrwxrwx 'core' -> '/proc/kcore'
  lrwxrwxrwx 'fd' -> '/proc/self/fd'
  crw-rw-rw- full
  crw-rw-rw- null
  lrwxrwxrwx 'ptmx' -> 'pts/ptmx'
  drwxr-xr-x pts
  crw-rw-rw- random
  drwxrwxrwt shm
  lrwxrwxrwx 'stderr' -> '/proc/self/fd/2'
  lrwxrwxrwx 'stdin' -> '/proc/self/fd/0'
  lrwxrwxrwx 'stdout' -> '/proc/self/fd/1'
  crw-rw-rw- tty
  crw-rw-rw- urandom
  crw-rw-rw- zero

The nodes work (unlike a device bound with plain --bind, see binds.t):

  $ veil --root "$ROOT" --dev /dev -- sh -c 'echo x > /dev/null && echo null ok; head -c 4 /dev/zero | od -An -tx1'
  null ok
   00 00 00 00
  $ veil --root "$ROOT" --dev /dev -- sh -c 'echo x > /dev/full'
  sh: write error: No space left on device
  [1]

/dev/pts is a devpts of the action's own: it holds only its ptmx, none of
the host's terminals.  With a /proc, the fd links lead to the command's own
descriptors.

  $ veil --root "$ROOT" --dev /dev -- sh -c 'stat -f -c %T /dev /dev/pts /dev/shm; ls /dev/pts'
  tmpfs
  devpts
  tmpfs
  ptmx
  $ veil --root "$ROOT" --dev /dev --proc /proc -- sh -c 'echo to-stdout > /dev/stdout; echo to-fd > /dev/fd/1'
  to-stdout
  to-fd

The root itself is not touched: the nodes live in the tmpfs, and the host
side of the mount point is still empty afterwards.

  $ ls -A "$ROOT/dev"
