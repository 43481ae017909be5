veil does not exec the command directly: it becomes pid 1 of the new pid
namespace and starts the command as pid 2 under it.  That pid-1 supervisor
passes on the signals sent to veil, reaps orphans, and takes the whole
action down with it, so that nothing an action starts outlives it.

  $ . "$TESTS/lib.sh"

The command is pid 2, and its parent, pid 1, is veil itself:

  $ veil --root "$ROOT" --proc /proc -- sh -c 'echo "pid $$, parent $PPID"; cat /proc/1/comm'
  pid 2, parent 1
  veil

Signals
-------

A signal sent to veil (by `kill`, a job scheduler, a CI runner cancelling a
job) reaches the command.  `sigtest SIG CODE` starts an action whose shell
traps SIG, prints what it caught and exits with CODE.  The shell announces
that its trap is in place by creating a file in a directory bound from the
host; only then is the signal sent, to veil's own pid.  The action gives up
by itself after about ten seconds, so a signal that never arrives shows up
as `exit 99` rather than a hang.

(A shell starts its `&` jobs with SIGINT and SIGQUIT ignored, and an
ignored signal cannot be trapped by the shell inside; `env --default-signal`
gives the action the default handling a foreground command would have.)

  $ mkdir shared
  $ sigtest() {
  >   rm -f shared/ready
  >   env --default-signal=INT,QUIT veil --root "$ROOT" --bind "$PWD/shared" /shared -- sh -c "
  >     trap 'echo caught $1; exit $2' $1
  >     touch /shared/ready
  >     i=0; while [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done
  >     exit 99" &
  >   pid=$!
  >   timeout 10 sh -c 'until [ -e shared/ready ]; do sleep 0.05; done'
  >   kill -s "$1" "$pid"
  >   wait "$pid"
  >   echo "exit $?"
  > }

  $ sigtest TERM 11
  caught TERM
  exit 11
  $ sigtest INT 12
  caught INT
  exit 12
  $ sigtest HUP 13
  caught HUP
  exit 13
  $ sigtest QUIT 14
  caught QUIT
  exit 14
  $ sigtest USR1 15
  caught USR1
  exit 15
  $ sigtest USR2 16
  caught USR2
  exit 16

A command that does not handle the signal dies of it, and veil reports that
the way a shell does, 128 + the signal number: 143 for SIGTERM (15), 138
for SIGUSR1 (10).

  $ sigdie() {
  >   rm -f shared/ready
  >   veil --root "$ROOT" --bind "$PWD/shared" /shared -- sh -c '
  >     touch /shared/ready
  >     i=0; while [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  >     exit 99' &
  >   pid=$!
  >   timeout 10 sh -c 'until [ -e shared/ready ]; do sleep 0.05; done'
  >   kill -s "$1" "$pid"
  >   wait "$pid"
  >   echo "exit $?"
  > }
  $ sigdie TERM
  exit 143
  $ sigdie USR1
  exit 138

The same holds when the command is killed from inside the action:

  $ veil --root "$ROOT" -- sh -c 'kill -HUP $$'; echo "exit $?"
  exit 129

Orphans
-------

A process whose parent exits is re-parented to pid 1, and it is pid 1's job
to collect its exit status.  Here the command's child starts `sleep` in the
background and exits; once the sleep is over, its /proc entry must go away
(a zombie would keep it, with state Z):

  $ veil --root "$ROOT" --proc /proc --dev /dev -- sh -c '
  >   sh -c "sleep 0.2 & echo \$! >/tmp/orphan"
  >   orphan=$(cat /tmp/orphan)
  >   i=0; while [ -e /proc/$orphan ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  >   if [ -e /proc/$orphan ]; then grep State /proc/$orphan/status; else echo "orphan reaped"; fi'
  orphan reaped

The action is over when the command exits, whatever it left running.  A
daemon (a new session, its output detached) started by the command does not
keep veil waiting, and does not survive it.  The daemon carries a marker
unique to this run in its command line, so that the host can look for it
with `pgrep -f` after veil has returned.  (`timeout` is only a safety net:
veil waiting for the daemon would show up as exit 124.)

  $ marker=veil-orphan-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  $ export marker
  $ timeout -k 5 20 veil --root "$ROOT" --dev /dev -- sh -c '
  >   setsid sh -c "sleep 120; : $marker" </dev/null >/dev/null 2>&1 &
  >   echo "daemon started"; exit 5'; echo "exit $?"
  daemon started
  exit 5
  $ pgrep -f "$marker"
  [1]

Killing veil
------------

veil can be killed with SIGKILL, which it can neither catch nor pass on.
The action dies with it anyway: pid 1 asked the kernel to kill it when veil
dies, and when pid 1 of a pid namespace dies, every other process in it is
killed too.  The command here would sleep for two minutes.  (Its output
goes to a file, so that a survivor could not keep this transcript waiting.)

  $ rm -f shared/ready
  $ marker=veil-killed-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  $ veil --root "$ROOT" --bind "$PWD/shared" /shared -- sh -c "touch /shared/ready; sleep 120; : $marker" >action.log 2>&1 &
  $ pid=$!
  $ timeout 10 sh -c 'until [ -e shared/ready ]; do sleep 0.05; done'
  $ kill -KILL "$pid"; wait "$pid" 2>/dev/null; echo "exit $?"
  exit 137

Within a few seconds, nothing carrying the marker is left: not the command,
not its `sleep`, not veil's pid 1.

  $ timeout 10 sh -c 'while pgrep -f "$marker" >/dev/null; do sleep 0.1; done'; echo "exit $?"
  exit 0
  $ pgrep -f "$marker"
  [1]
