A read-only mount does not stop connect(): a unix socket of the host that
the action can see, it can talk to, and a daemon's socket is a door out of
any sandbox (think /run/docker.sock, root's, mode 0600, or a 0666 one).
This transcript plants such sockets and asks each profile to connect.  On
every kernel: build, cram and strict mount a private /run (so /run/*.sock
and /var/run/*.sock, /var/run being a symlink to /run, are not there);
buildbarn and bazel see only the input root; build, strict, buildbarn and
bazel have their own network namespace, and now cram too, so the host's
abstract sockets are out of reach (those are per network namespace); under
strict the command is nobody to the host's files.  What Landlock adds
(abstract sockets under a shared network, ABI 6; pathname sockets
anywhere, ABI 9) is in hostile-actions.t and hostile-sockets-abi9.t.

The sockets are planted in a mount namespace of the test's own, on tmpfs
mounts private to it: the host's /run and /srv never see them.

  $ . "$TESTS/lib.sh"
  $ probe=$HELPERS/syscall-probe
  $ abstract=veil-hostile-sockets-$$
  $ cat > plant.sh <<EOF
  > : > listeners; tries=0
  > mount -t tmpfs -o mode=755 planted /run
  > mount -t tmpfs -o mode=755 planted /srv
  > for dir in /run /srv; do
  >   for s in root any; do
  >     "$probe" listen=\$dir/\$s.sock > /dev/null & echo \$! >> listeners
  >   done
  > done
  > "$probe" listen=@$abstract > abstract.out & echo \$! >> listeners
  > until [ -S /run/root.sock ] && [ -S /run/any.sock ] && [ -S /srv/root.sock ] &&
  >       [ -S /srv/any.sock ] && grep -q ok abstract.out; do
  >   sleep 0.05; tries=\$((tries + 1)); [ \$tries -lt 400 ] || break; done
  > chmod 600 /run/root.sock /srv/root.sock
  > chmod 666 /run/any.sock /srv/any.sock
  > . ./attempts.sh
  > kill \$(cat listeners)
  > EOF

Each profile tries the sockets of /run, with the probe bound in on the
private /tmp every one of them has (buildbarn and bazel on the busybox
root):

  $ cat > attempts.sh <<EOF
  > try() {
  >   veil -p "\$@" --ro-bind "$probe" /tmp/probe -- /tmp/probe connect=/run/root.sock \\
  >     connect=/run/any.sock connect=/var/run/any.sock connect=@$abstract 2>&1 |
  >     sed "s/^/\$1: /"
  > }
  > probe=$probe
  > . ./profiles.sh
  > try buildbarn --root "$ROOT"
  > try bazel --root "$ROOT"
  > EOF

The convenience profile, default, keeps the host's /run and network, and
lets its unix sockets answer (the caller's D-Bus, ssh-agent, X11), those of
root's it can open included when the caller is root.  This is what it is
for, and why the others exist.  buildbarn and bazel see none of it:

  $ echo 'try default' > profiles.sh
  $ unshare -m --propagation private sh plant.sh | sed "s/$abstract/ABSTRACT/"
  default: connect=/run/root.sock: ok
  default: connect=/run/any.sock: ok
  default: connect=/var/run/any.sock: ok
  default: connect=@ABSTRACT: ok
  buildbarn: connect=/run/root.sock: ENOENT
  buildbarn: connect=/run/any.sock: ENOENT
  buildbarn: connect=/var/run/any.sock: ENOENT
  buildbarn: connect=@ABSTRACT: ECONNREFUSED
  bazel: connect=/run/root.sock: ENOENT
  bazel: connect=/run/any.sock: ENOENT
  bazel: connect=/var/run/any.sock: ENOENT
  bazel: connect=@ABSTRACT: ECONNREFUSED

Under build, cram and strict, /run is the action's own, and the host's
abstract names are those of another network namespace:

  $ printf 'try build\ntry cram\ntry strict\n' > profiles.sh
  $ unshare -m --propagation private sh plant.sh | sed "s/$abstract/ABSTRACT/" | grep -v '^b'
  cram: connect=/run/root.sock: ENOENT
  cram: connect=/run/any.sock: ENOENT
  cram: connect=/var/run/any.sock: ENOENT
  cram: connect=@ABSTRACT: ECONNREFUSED
  strict: connect=/run/root.sock: ENOENT
  strict: connect=/run/any.sock: ENOENT
  strict: connect=/var/run/any.sock: ENOENT
  strict: connect=@ABSTRACT: ECONNREFUSED
  $ unshare -m --propagation private sh plant.sh | sed "s/$abstract/ABSTRACT/" | grep '^build:'
  build: connect=/run/root.sock: ENOENT
  build: connect=/run/any.sock: ENOENT
  build: connect=/var/run/any.sock: ENOENT
  build: connect=@ABSTRACT: ECONNREFUSED

A pathname socket outside /run, in a directory the host's / shows, is
guarded by nothing but its mode on a kernel without Landlock ABI 9 (see
hostile-sockets-abi9.t for one with it): strict's command, nobody to the
host, cannot open root's 0600 one.

  $ echo 'veil -p strict --ro-bind "$probe" /tmp/probe -- /tmp/probe connect=/srv/root.sock' \
  >   > profiles.sh
  $ unshare -m --propagation private sh plant.sh | grep srv
  connect=/srv/root.sock: EACCES

The host's /run and /srv never had them, and no listener is left:

  $ ls /run/root.sock /run/any.sock /srv/root.sock /srv/any.sock 2>&1 | sed 's/.*: //'
  No such file or directory
  No such file or directory
  No such file or directory
  No such file or directory
  $ pgrep -f "listen=@$abstract"
  [1]
