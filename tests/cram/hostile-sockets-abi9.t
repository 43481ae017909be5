On a kernel with Landlock ABI 9 (LANDLOCK_ACCESS_FS_RESOLVE_UNIX), every
profile but default hides the pathname unix sockets made outside the action
wherever they are, not only in /run (hostile-sockets.t): the command can
connect only to sockets made in its own domain and to those beneath the
destination of a bind, which the caller named.  Kernels before ABI 9 skip
this transcript; there, a socket in a directory the host's / shows is
guarded by its mode alone (docs/security.md says so).

  $ abi=$("$HELPERS/syscall-probe" landlock-abi | sed 's/.*: //')
  $ [ "${abi:-0}" -ge 9 ] 2>/dev/null || {
  >   echo "the kernel's Landlock ABI is ${abi:-none}, not 9 or later" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }
  $ . "$TESTS/lib.sh"
  $ mkdir "$ROOT/srv"
  $ probe=$HELPERS/syscall-probe
  $ cat > plant.sh <<EOF
  > : > listeners; tries=0
  > mount -t tmpfs -o mode=755 planted /srv
  > for s in /srv/root.sock /srv/any.sock "$ROOT/srv/any.sock"; do
  >   "$probe" listen=\$s > /dev/null & echo \$! >> listeners
  > done
  > until [ -S /srv/root.sock ] && [ -S /srv/any.sock ] && [ -S "$ROOT/srv/any.sock" ]; do
  >   sleep 0.05; tries=\$((tries + 1)); [ \$tries -lt 400 ] || break; done
  > chmod 600 /srv/root.sock
  > chmod 666 /srv/any.sock "$ROOT/srv/any.sock"
  > . ./attempts.sh
  > kill \$(cat listeners)
  > rm "$ROOT/srv/any.sock"
  > EOF

Root's 0600 socket and the 0666 one, outside /run, under each profile:

  $ cat > attempts.sh <<EOF
  > for p in build cram strict; do
  >   veil -p \$p --ro-bind "$probe" /tmp/probe -- /tmp/probe connect=/srv/root.sock \\
  >     connect=/srv/any.sock | sed "s/^/\$p: /"
  > done
  > for p in buildbarn bazel; do
  >   veil -p \$p --root "$ROOT" --ro-bind "$probe" /tmp/probe -- /tmp/probe \\
  >     connect=/srv/any.sock | sed "s/^/\$p: /"
  > done
  > EOF
  $ unshare -m --propagation private sh plant.sh
  build: connect=/srv/root.sock: EACCES
  build: connect=/srv/any.sock: EACCES
  cram: connect=/srv/root.sock: EACCES
  cram: connect=/srv/any.sock: EACCES
  strict: connect=/srv/root.sock: EACCES
  strict: connect=/srv/any.sock: EACCES
  buildbarn: connect=/srv/any.sock: EACCES
  bazel: connect=/srv/any.sock: EACCES

A socket the caller binds in stays reachable, at its destination; and a
socket the action makes itself works as ever:

  $ cat > attempts.sh <<EOF
  > p="--ro-bind $probe /tmp/probe"
  > veil -p build \$p --bind /srv/any.sock /run/any.sock -- /tmp/probe connect=/run/any.sock
  > veil -p build \$p --ro-bind /srv /srv -- /tmp/probe connect=/srv/root.sock
  > veil -p strict \$p -- sh -c '/tmp/probe listen=/tmp/own.sock > /dev/null & l=\$!
  >   until [ -S /tmp/own.sock ]; do sleep 0.05; done
  >   /tmp/probe connect=/tmp/own.sock; kill \$l'
  > EOF
  $ unshare -m --propagation private sh plant.sh
  connect=/run/any.sock: ok
  connect=/srv/root.sock: ok
  connect=/tmp/own.sock: ok

default leaves them reachable, as it does the host's /run:

  $ echo 'veil --ro-bind "$probe" /tmp/probe -p default -- /tmp/probe connect=/srv/any.sock' \
  >   > attempts.sh
  $ unshare -m --propagation private sh plant.sh
  connect=/srv/any.sock: ok
