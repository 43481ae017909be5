--pids N: the action's cgroup gets pids.max = N, so the action (pid 1
included) can have at most N processes and threads at once.  Skipped where
the cgroup v2 pids controller cannot be had (on a host that binds it to
cgroup v1, for one).

  $ . "$TESTS/lib.sh"
  $ . "$TESTS/cgroup-lib.sh"
  $ cg_need pids

`hold` runs an action (python3, from the host's / that the default
profile shows) that tries to start 8 children, counts those that started,
writes its cgroup path to the working directory, and waits on a fifo so
that the host can look at its cgroup; `release` lets it go on and exit.

  $ mkfifo go
  $ cat >hold.py <<'EOF'
  > import os, time
  > started = 0
  > for i in range(8):
  >     try:
  >         pid = os.fork()
  >     except BlockingIOError:
  >         continue
  >     if pid == 0:
  >         time.sleep(30)
  >         os._exit(0)
  >     started += 1
  > print(started, "children started", flush=True)
  > path = [l[3:] for l in open("/proc/self/cgroup").read().splitlines() if l.startswith("0::")][0]
  > open("cgroup.tmp", "w").write(path)
  > os.rename("cgroup.tmp", "cgroup")
  > open("go").read()
  > EOF
  $ hold() {
  >   rm -f cgroup
  >   veil --timeout 60 "$@" -- python3 hold.py &
  >   veil_pid=$!
  >   timeout 10 sh -c 'until [ -e cgroup ]; do sleep 0.05; done'
  >   cg=$CG2$(cat cgroup)
  > }
  $ release() { timeout 10 sh -c 'echo go >go'; wait "$veil_pid"; echo "exit $?"; }

Without a limit, all 8 start:

  $ hold --cgroup-parent "$T"
  8 children started
  $ release
  exit 0

With --pids 5, only 3 do (pid 1, python and three children make five), and
the cgroup says so:

  $ hold --cgroup-parent "$T" --pids 5 --stats stats.json
  3 children started
  $ cat "$cg/pids.max"
  5
  $ cat "$cg/pids.current"
  5
  $ grep max "$cg/pids.events"
  max [1-9][0-9]* (re)
  $ release
  exit 0

--stats reports the peak (from pids.peak, where the kernel has it: null
where it does not).

  $ python3 -c 'import json; p = json.load(open("stats.json"))["pids_peak"]; print(p in (5, None))'
  True
  $ cg_dirs "$T"

Under veil's own cgroup
-----------------------

Without --cgroup-parent, veil makes the action's cgroup under its own.
cgroup v2 gives controllers only to the children of a cgroup without
processes of its own, and veil is in its own: when it is alone there (as
under `systemd-run --scope`), it steps aside into a child cgroup for the
time of the action, and comes back after.  Here veil is exec'd by a shell
that moved itself into $T/scope, so veil is alone in it.

  $ echo +pids >"$T/cgroup.subtree_control"
  $ mkdir "$T/scope"
  $ sh -c 'echo $$ >"$1/cgroup.procs" && exec veil -v --root "$2" --proc /proc --pids 5 -- \
  >   sh -c "sed -n s/^0:://p /proc/self/cgroup"' sh "$T/scope" "$ROOT" 2>trace \
  >   | sed "s|^$T_PATH/|T/|"
  T/scope/veil-[0-9]+-[0-9a-f]{8} (re)
  $ grep 'cgroup:' trace | sed -e "s|$T|T|g" -e 's/veil-[0-9]*-[0-9a-f]*/veil-X/g'
  veil: cgroup: veil moved from T/scope into T/scope/veil-X.veil, to let its cgroup have controllers
  veil: cgroup: pids enabled for the children of T/scope
  veil: cgroup: created T/scope/veil-X
  veil: cgroup: pids.max = 5
  veil: cgroup: pid 1 is in T/scope/veil-X
  veil: cgroup: removed T/scope/veil-X
  veil: cgroup: veil is back in T/scope

Afterwards $T/scope is as it was: no cgroup below it, and no controller
enabled for its children.

  $ cg_dirs "$T"
  scope
  $ [ -z "$(cat "$T/scope/cgroup.subtree_control")" ] && echo "no controllers enabled"
  no controllers enabled

When veil is not alone in its cgroup, it cannot leave the others: that is
an error, which says what to do.  (pids, like cpu, is a threaded
controller: the kernel would let veil enable it there, and then refuse
to move pid 1 into the cgroup below.  veil looks first.)

  $ sh -c 'echo $$ >"$1/cgroup.procs" && veil --root "$2" --pids 5 -- echo not run; echo "exit $?"' \
  >   sh "$T/scope" "$ROOT" 2>&1 | sed "s|$T|T|"
  veil: --pids: cannot enable the pids controller for the children of cgroup T/scope: it has processes of its own (cgroup v2 gives controllers only below cgroups without processes); run veil alone in a cgroup (systemd-run --scope -p Delegate=yes veil ...) or name a cgroup without processes with --cgroup-parent
  exit 125
  $ cg_dirs "$T"
  scope

  $ cg_cleanup
