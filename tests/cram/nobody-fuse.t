A FUSE working directory under nobody
=====================================

Whether a FUSE mount can be idmapped is up to its server as well as the
kernel (Linux 6.12 and later, with servers that ask for it; bindfs on
fuse 2 never does).  A build as nobody in one that cannot be idmapped is
an error naming the mount and its file system type, and nothing is
written; read-only, it works.  Skipped without bindfs or /dev/fuse.

  $ command -v bindfs >/dev/null && [ -c /dev/fuse ] || {
  >   echo "needs bindfs and /dev/fuse (apt-get install bindfs)" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }
  $ mkdir src mnt && echo hello > src/file
  $ cat > fuse.sh <<'SH'
  > bindfs src mnt || exit
  > cd mnt
  > veil -p build --nobody -- touch x
  > echo "exit $?"
  > veil --nobody --ro-bind / / --tmpfs /tmp --ro-bind-cwd -- cat file
  > cd .. && fusermount -u mnt
  > SH
  $ unshare -m sh fuse.sh 2>&1 | sed "s|$PWD|DIR|g"
  veil: bind (<built-in>/default.ini:17): DIR/mnt: its file system (fuse) does not support idmapped mounts, which a writable bind needs when the command is nobody outside (--nobody): bind it read-only, or run it without nobody
  exit 125
  hello
  $ ls src
  file
