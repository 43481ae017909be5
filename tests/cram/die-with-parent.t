--die-with-parent: when the process that started veil dies, the action
dies too, as with bwrap's option of that name.  The kernel tells veil (its
parent-death signal), and veil kills pid 1, which takes the whole pid
namespace with it; veil then cleans up and exits as usual.

  $ . "$TESTS/lib.sh"

The processes of each action carry a marker unique to this run in their
command lines.  The parent is a script, `parent.sh`, whose own command line
does not have the marker: it starts veil in the background, says so, and
waits.  The action announces itself in a directory bound from the host.

  $ marker=veil-dwp-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  $ export marker ROOT
  $ mkdir shared
  $ cat >parent.sh <<'EOF'
  > veil "$@" --root "$ROOT" --bind "$PWD/shared" /shared -- \
  >   sh -c "touch /shared/up; sleep 120; : $marker" &
  > echo $! >veil.pid
  > wait
  > EOF
  $ survivors() {
  >   # up to 10 s for the marked processes to go
  >   i=0; while pgrep -f "$marker" >/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
  >   pgrep -f "$marker" >/dev/null && echo "survivors: $(pgrep -f "$marker" | wc -l)" || echo "none left"
  > }

The parent starts veil, the action comes up, and the parent is killed:
nothing of the action is left.

  $ sh parent.sh --die-with-parent --stats stats.json &
  $ parent=$!
  $ timeout 10 sh -c 'until [ -e shared/up ]; do sleep 0.05; done'
  $ pgrep -f "$marker" | wc -l
  3
  $ kill -KILL "$parent"; wait "$parent" 2>/dev/null; echo "parent: exit $?"
  parent: exit 137
  $ survivors
  none left

(The three were veil, pid 1 and the action's shell; the `sleep` it started
went with its pid namespace.)

veil itself saw the action end: it wrote the stats, which say the action
was killed with SIGKILL.

  $ timeout 10 sh -c 'until [ -e stats.json ]; do sleep 0.05; done'
  $ python3 -c 'import json; s = json.load(open("stats.json")); print(s["exit_code"], s["signal"])'
  137 SIGKILL

Without --die-with-parent, the same action outlives its parent (that is
what the option is for); killing veil then ends it, as always.

  $ rm shared/up
  $ sh parent.sh &
  $ parent=$!
  $ timeout 10 sh -c 'until [ -e shared/up ]; do sleep 0.05; done'
  $ kill -KILL "$parent"; wait "$parent" 2>/dev/null; echo "parent: exit $?"
  parent: exit 137
  $ sleep 0.5; pgrep -f "$marker" | wc -l
  3
  $ kill -KILL "$(cat veil.pid)"
  $ survivors
  none left

With --die-with-parent, a SIGTERM sent to veil while its parent lives is
still passed on to the command, as any other: veil tells the two apart.

  $ veil --die-with-parent --root "$ROOT" --bind "$PWD/shared" /shared -- sh -c '
  >   trap "echo caught TERM; exit 3" TERM
  >   touch /shared/ready
  >   i=0; while [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done; exit 99' &
  $ pid=$!
  $ timeout 10 sh -c 'until [ -e shared/ready ]; do sleep 0.05; done'
  $ kill -TERM "$pid"; wait "$pid"; echo "exit $?"
  caught TERM
  exit 3

An action that ends by itself is not affected, and --dry-run shows the
option:

  $ veil --die-with-parent --root "$ROOT" -- sh -c 'exit 4'; echo "exit $?"
  exit 4
  $ veil --dry-run --die-with-parent --root "$ROOT" -- true | grep '^lifetime'
  lifetime    SIGKILL when veil's parent dies  (--die-with-parent)
