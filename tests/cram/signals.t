A command that signals its process group, kill(0, SIG), reaches every
process of that group.  Were the command in veil's group, that would be
veil's caller's too: a shell's job, a runner started without a group of
its own, and whatever else the caller runs in it.  The command has a group
of its own, in its pid namespace, so kill(0) reaches only the sandbox;
the groups outside have no id in the namespace, so kill(-PGID) cannot
name them either, nor kill(-1) reach them.

Each attempt runs in a session of its own (setsid), so that what it could
kill is only what it started: a sleep, standing for the caller's other
processes, and veil, in the same process group.  It is in a directory
nobody can read too (with a copy of veil and of the root), for the runs as
a user who is not root.

  $ . "$TESTS/lib.sh"
  $ U=$(mktemp -d /tmp/veil-signals.XXXXXX) && chmod 755 "$U" && trap 'rm -rf "$U"' EXIT
  $ cp "$(command -v veil)" "$U/veil" && cp -a "$ROOT" "$U/root"
  $ cat > "$U/attempt" <<'EOF'
  > sleep 60 & victim=$!
  > "$@" -- sh -c "$KILL"; echo "veil exited with $?"
  > if kill -0 $victim 2>/dev/null; then echo "the sleep outside lives"; kill $victim
  > else echo "the sleep outside was killed"; fi
  > EOF
  $ attempt() { (cd / && KILL=${KILL:-'kill -TERM 0'} setsid -w sh "$U/attempt" "$@"); }
  $ attempt_as_nobody() { (cd / && KILL=${KILL:-'kill -TERM 0'} setpriv --reuid=65534 \
  >   --regid=65534 --clear-groups setsid -w sh "$U/attempt" "$@"); }

As root, with every shipped profile (those that want a root named get
the busybox one):

  $ attempt "$U/veil" --root "$U/root"
  veil exited with 143
  the sleep outside lives
  $ for p in default build cram strict; do echo "$p:"; attempt "$U/veil" -p $p; done
  default:
  veil exited with 143
  the sleep outside lives
  build:
  veil exited with 143
  the sleep outside lives
  cram:
  veil exited with 143
  the sleep outside lives
  strict:
  veil exited with 143
  the sleep outside lives
  $ for p in bazel buildbarn; do echo "$p:"; attempt "$U/veil" -p $p --root "$U/root"; done
  bazel:
  veil exited with 143
  the sleep outside lives
  buildbarn:
  veil exited with 143
  the sleep outside lives
  $ attempt "$U/veil" --root "$U/root" --nobody
  veil exited with 143
  the sleep outside lives

As a user who is not root (nobody), whose sleep the command, as the same
user, would be allowed to signal if it could name it:

  $ for p in default strict; do echo "$p:"; attempt_as_nobody "$U/veil" -p $p; done
  default:
  veil exited with 143
  the sleep outside lives
  strict:
  veil exited with 143
  the sleep outside lives
  $ attempt_as_nobody "$U/veil" --root "$U/root"
  veil exited with 143
  the sleep outside lives

kill(-1) reaches every process the sender may signal but itself, only in
its pid namespace, and not its init, pid 1: here, none at all.  kill(0)
from a process the command started is no different:

  $ KILL='kill -TERM -1' attempt "$U/veil" --root "$U/root"
  sh: can't kill pid -1: No such process
  veil exited with 1
  the sleep outside lives
  $ KILL='sh -c "kill -TERM 0"' attempt "$U/veil" --root "$U/root"
  veil exited with 143
  the sleep outside lives

Inside, the command's group is its own (its id is the command's, 2);
pid 1 is in veil's, which shows as 0, when veil has a terminal (else pid 1
has a session and group of its own, leaks.t):

  $ "$TESTS/pty-run" "$U/veil" --root "$U/root" --proc /proc -- ps -o pid,pgid,comm
  PID   PGID  COMMAND
      1     0 veil
      2     2 ps
