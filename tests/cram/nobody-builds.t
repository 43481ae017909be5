Builds as nobody
================

A root caller's command is uid 0 to the host's files.  Without
capabilities (the build profile drops them all) it still owns every file
of root's: it reads /etc/shadow and root's 0600 files, and connects to
root's 0600 sockets.  --nobody makes it nobody (65534) outside, and then
veil idmaps each writable bind (the working directory, --bind, a writable
root): the owner of the bind's source on disk is the command's uid 0
inside, so what it writes there belongs to that owner (in root's tree, to
root) and the owner's files are its own.  Only veil, root on the host, may
idmap a mount; pid 1 hands it each writable tree before attaching it.

  $ . "$TESTS/lib.sh"
  $ secret=$(mktemp -d /var/tmp/nobody-builds.XXXXXX)
  $ echo root-only > "$secret/root-only" && chmod 600 "$secret/root-only"

Before: a build as root
-----------------------

Under the default profile (which does not ask for nobody) the command is
root to the host's files, capabilities or not:

  $ veil -p default --cap-drop ALL -- sh -c 'head -c 5 /etc/shadow; echo; cat "$0/root-only"' "$secret"
  root:
  root-only

With --nobody alone, the old veil could not write the working directory,
which nobody does not own: `touch: cannot touch 'x': Permission denied`.

Nobody, and its working directory
---------------------------------

  $ mkdir work && cd work
  $ veil -p build --nobody -- sh -c 'id -u; id -g; cat /proc/self/uid_map; echo built > output; mkdir dir; stat -c "%u:%g %n" . output dir'
  0
  0
           0      65534          1
  0:0 .
  0:0 output
  0:0 dir

On the host, what it wrote is root's, the caller's (and the owner of the
working directory), not nobody's:

  $ stat -c '%u:%g %n' output dir
  0:0 output
  0:0 dir
  $ cat output
  built

Everything else of root's is nobody's to it: /etc/shadow, the 0600 file
both where the host's read-only root shows it and bound read-only:

  $ veil -p build --nobody --ro-bind "$secret" /tmp/secret -- sh -c 'cat /etc/shadow; cat "$0/root-only"; cat /tmp/secret/root-only' "$secret"
  cat: /etc/shadow: Permission denied
  cat: /var/tmp/nobody-builds.*/root-only: Permission denied (glob)
  cat: /tmp/secret/root-only: Permission denied
  [1]

nor can it connect to root's 0600 unix socket (a listener in a mount
namespace of its own, on a tmpfs over /mnt, so that the host is not
touched):

  $ cat > ../listen.py <<'PY'
  > import os, socket, subprocess, sys
  > s = socket.socket(socket.AF_UNIX)
  > s.bind("/mnt/sock")
  > os.chmod("/mnt/sock", 0o600)
  > s.listen(1)
  > probe = """import socket
  > c = socket.socket(socket.AF_UNIX)
  > try:
  >     c.connect('/mnt/sock'); print('connected')
  > except OSError as e:
  >     print(e.strerror)"""
  > sys.exit(subprocess.call(["veil"] + sys.argv[1:] + ["--", "python3", "-c", probe]))
  > PY
  $ ls /mnt > ../mnt-before
  $ unshare -m sh -c 'mount -t tmpfs tmpfs /mnt && python3 ../listen.py -p default --cap-drop ALL'
  connected
  $ unshare -m sh -c 'mount -t tmpfs tmpfs /mnt && python3 ../listen.py -p build --nobody'
  Permission denied
  $ ls /mnt | cmp - ../mnt-before

With --uid and --gid, those are the command's ids inside, and still
nobody's outside; the tree is still written as its owner's:

  $ veil -p build --nobody --uid 1000 --gid 100 -- sh -c 'id -u; id -g; cat /proc/self/uid_map; touch by-uid; stat -c "%u:%g %n" by-uid /tmp'
  1000
  100
        1000      65534          1
  1000:100 by-uid
  1000:100 /tmp
  $ stat -c '%u:%g %n' by-uid
  0:0 by-uid

Bind sources of another process (--bind-source-pid) are out of pid 1's
reach when it is nobody's:

  $ veil -p build --nobody --bind-source-pid $$ -- true
  veil: --bind-source-pid: bind sources of another process cannot be reached when the command is nobody outside (--nobody): add --no-nobody
  [125]

A tree of someone else's
------------------------

When root builds in alice's tree, the bind's owner is alice: what the
command writes is alice's, and root's files there are not its own.

  $ mkdir ../alice && cd ../alice
  $ touch alices rootfile && chown 1000:1000 . alices && chmod 600 rootfile
  $ veil -p build --nobody -- sh -c 'echo new > new; echo more >> alices; stat -c "%u:%g %n" . alices rootfile; cat rootfile'
  0:0 .
  0:0 alices
  65534:65534 rootfile
  cat: rootfile: Permission denied
  [1]
  $ stat -c '%u:%g %n' new alices rootfile
  1000:1000 new
  1000:1000 alices
  0:0 rootfile
  $ cd ../work

--bind, and its mounts
----------------------

A writable --bind is idmapped to its own owner, with every mount in it
(here a tmpfs of alice's, which supports it); a read-only one is not:

  $ mkdir -p ../bound/inner && chown 1000:1000 ../bound
  $ cat > ../bind.sh <<'SH'
  > mount -t tmpfs -o mode=755,uid=1000,gid=1000 tmpfs ../bound/inner
  > veil -p build --nobody --bind ../bound /tmp/b --ro-bind ../bound /tmp/ro -- sh -c '
  >   touch /tmp/b/file /tmp/b/inner/deep && stat -c "%u:%g %n" /tmp/b /tmp/b/inner /tmp/b/inner/deep /tmp/ro
  >   touch /tmp/ro/no'
  > stat -c '%u:%g %n' ../bound/file ../bound/inner/deep
  > SH
  $ unshare -m sh ../bind.sh
  0:0 /tmp/b
  0:0 /tmp/b/inner
  0:0 /tmp/b/inner/deep
  65534:65534 /tmp/ro
  touch: cannot touch '/tmp/ro/no': Read-only file system
  1000:1000 ../bound/file
  1000:1000 ../bound/inner/deep

A file system without idmapped mounts
-------------------------------------

An overlayfs mount cannot be idmapped (its layers can): a writable bind of
one under nobody is an error that names it, and nothing is written.

  $ mkdir -p ../ov/lower ../ov/upper ../ov/work ../ov/merged
  $ unshare -m sh -c 'mount -t overlay overlay -o lowerdir=../ov/lower,upperdir=../ov/upper,workdir=../ov/work ../ov/merged && veil -p build --nobody --bind ../ov/merged /tmp/ov -- touch /tmp/ov/x'
  veil: bind (--bind): ../ov/merged: its file system (overlay) does not support idmapped mounts, which a writable bind needs when the command is nobody outside (--nobody): bind it read-only, or keep the caller's ids with --no-nobody
  [125]
  $ unshare -m sh -c 'mount -t overlay overlay -o lowerdir=../ov/lower,upperdir=../ov/upper,workdir=../ov/work ../ov/merged && veil -p build --nobody --ro-bind ../ov/merged /tmp/ov -- ls /tmp/ov'
  $ ls ../ov/upper

A mount inside the bind that cannot be idmapped is named as well:

  $ unshare -m sh -c 'mount -t overlay overlay -o lowerdir=../ov/lower,upperdir=../ov/upper,workdir=../ov/work ../ov/merged && cd .. && veil -p build --nobody -- true' 2>&1 | sed "s|$(dirname "$PWD")|CWD|g"
  veil: bind (<built-in>/default.ini:17): CWD: the mount at CWD/ov/merged in it (overlay) does not support idmapped mounts, which a writable bind needs when the command is nobody outside (--nobody): bind it read-only, or keep the caller's ids with --no-nobody

  $ rm -rf "$secret"
