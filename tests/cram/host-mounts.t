Everything veil mounts, it mounts in a mount namespace of its own, made
private before the first mount so that nothing propagates back; and the
kernel unmounts all of it when the last process of the action is gone.
So the host's mount table is never changed, whatever happens to the
action or to veil: here it is compared, byte for byte, before and after
each kind of ending, and `cmp` prints nothing when the two are the same.

  $ . "$TESTS/lib.sh"
  $ cat /proc/self/mountinfo >before
  $ unchanged() { cat /proc/self/mountinfo | cmp before -; }

The actions below mount plenty: a tmpfs, a fresh /proc, /sys and /dev, a
bind of a host directory (read-only), and the embedded default's read-only
host root, private /tmp and writable working directory.

  $ set -- --root "$ROOT" --tmpfs /tmp --proc /proc --sysfs /sys --dev /dev --ro-bind "$TESTS" /tests

A successful run, a command that fails, and one that is killed by a signal:

  $ veil "$@" -- true; echo "exit $?"
  exit 0
  $ unchanged
  $ veil -- true; echo "exit $?"
  exit 0
  $ unchanged
  $ veil "$@" -- sh -c 'exit 3'; echo "exit $?"
  exit 3
  $ unchanged
  $ veil "$@" -- sh -c 'kill -KILL $$'; echo "exit $?"
  exit 137
  $ unchanged

veil failing before it sets anything up, on a bad option:

  $ veil "$@" --no-such-option -- true; echo "exit $?"
  veil: unknown option '--no-such-option'
  Try 'veil --help' for more information.
  exit 125
  $ unchanged

veil failing half-way through the setup, after it has mounted part of it.
Each of these fails on the last step, in the action root, once everything
before it is in place: a file bound onto a directory, a symlink where a
different file already is, --remount-ro of a path that does not exist, a
working directory that does not exist (in an explicit root, and in the
embedded default).

  $ veil "$@" --bind "$ROOT/bin/busybox" /bin -- true; echo "exit $?"
  veil: bind (--bind): cannot bind /*/bin/busybox, not a directory, on /bin, a directory (glob)
  exit 125
  $ unchanged
  $ veil "$@" --symlink /elsewhere /bin/sh -- true; echo "exit $?"
  veil: symlink (--symlink): cannot create symlink /bin/sh: it exists and is not a link to /elsewhere
  exit 125
  $ unchanged
  $ veil "$@" --remount-ro /no/such/dir -- true; echo "exit $?"
  veil: remount-ro (--remount-ro): /no/such/dir: No such file or directory
  exit 125
  $ unchanged
  $ veil "$@" --chdir /no/such/dir -- true; echo "exit $?"
  veil: --chdir: /no/such/dir: No such file or directory
  exit 125
  $ unchanged
  $ veil --chdir /no/such/dir -- true; echo "exit $?"
  veil: --chdir: /no/such/dir: No such file or directory
  exit 125
  $ unchanged

veil killed with SIGKILL while the action runs, so that it has no chance to
clean up anything itself.  The action announces that it is running by
creating a file in a directory bound from the host; once veil is killed,
its pid 1 and the action follow within a few seconds (bounded here), and
the last of them takes the mount namespace with it.

  $ mkdir shared
  $ marker=veil-mounts-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  $ export marker
  $ veil "$@" --bind "$PWD/shared" /shared -- sh -c "touch /shared/ready; sleep 120; : $marker" >action.log 2>&1 &
  $ pid=$!
  $ timeout 10 sh -c 'until [ -e shared/ready ]; do sleep 0.05; done'
  $ kill -KILL "$pid"; wait "$pid" 2>/dev/null; echo "exit $?"
  exit 137
  $ timeout 10 sh -c 'while pgrep -f "$marker" >/dev/null; do sleep 0.1; done'; echo "exit $?"
  exit 0
  $ unchanged

Most hosts (every one that runs systemd) have / as a shared mount: a mount
made under it in one mount namespace shows up in every namespace that
shares it.  veil makes everything in its namespace private before it
mounts anything, so that even there nothing leaks back.  To show this on
any machine, the same kinds of run happen here in a throwaway mount
namespace whose / is made shared, standing in for such a host:

  $ cat >shared-host.sh <<'EOF'
  > mount --make-rshared / || exit
  > cat /proc/self/mountinfo >shared-before
  > veil "$@" -- true; echo "exit $?"
  > veil "$@" -- sh -c 'kill -KILL $$'; echo "exit $?"
  > veil "$@" --chdir /no/such/dir -- true; echo "exit $?"
  > veil -- true; echo "exit $?"
  > cat /proc/self/mountinfo | cmp shared-before -
  > EOF
  $ timeout 60 unshare --mount --propagation private sh shared-host.sh "$@"
  exit 0
  exit 137
  veil: --chdir: /no/such/dir: No such file or directory
  exit 125
  exit 0
  $ unchanged

And after all of that, the host's mount table is still exactly what it was
at the start:

  $ diff before /proc/self/mountinfo
