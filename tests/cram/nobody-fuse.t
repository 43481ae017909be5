A FUSE working directory under nobody
=====================================

Whether a FUSE mount can be idmapped is up to its server as well as the
kernel (Linux 6.12 and later, with servers that ask for it; bindfs on
fuse 2 never does).  A build as nobody (the build profile, run by root)
in one that cannot be idmapped is an error naming the mount and its file
system type, and nothing is written; read-only, it works, and so does
--no-nobody (the caller's ids, root's, outside).  Skipped without bindfs or /dev/fuse.

  $ command -v bindfs >/dev/null && [ -c /dev/fuse ] || {
  >   echo "needs bindfs and /dev/fuse (apt-get install bindfs)" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }
  $ mkdir src mnt && echo hello > src/file
  $ cat > fuse.sh <<'SH'
  > bindfs src mnt || exit
  > cd mnt
  > veil -p build -- touch x
  > echo "exit $?"; ls
  > veil --nobody --ro-bind / / --tmpfs /tmp --ro-bind-cwd -- cat file
  > veil -p build --no-nobody -- touch x && ls
  > cd .. && fusermount -u mnt
  > SH
  $ unshare -m sh fuse.sh 2>&1 | sed "s|$PWD|DIR|g"
  veil: bind (<built-in>/default.ini:17): DIR/mnt: its file system (fuse) does not support idmapped mounts, which a writable bind needs when the command is nobody outside (<built-in>/build.ini:11): bind it read-only, or keep the caller's ids with --no-nobody
  exit 125
  file
  hello
  file
  x
  $ ls src
  file
  x
