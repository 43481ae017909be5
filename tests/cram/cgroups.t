With a cgroup v2 limit (--memory, --pids, --cpu) or --cgroup-parent, veil
makes a cgroup for the action, moves pid 1 into it before anything of the
action runs, and removes it once the action is dead.  This transcript
covers what needs no controller: where the cgroup is made, what is in it,
that it goes away whatever way the action ends, what the action sees, the
figures --stats takes from it, and the errors.  The limits themselves are
in cgroups-pids.t, cgroups-memory.t and cgroups-cpu.t, which skip where
their controller is not in cgroup v2 (on a host that binds it to cgroup v1,
say).

  $ . "$TESTS/lib.sh"
  $ . "$TESTS/cgroup-lib.sh"

$T is a cgroup made for this transcript, under the shell's own; veil makes
the action's cgroup in it, named veil-PID-RANDOM.  The action's processes
are in that cgroup, and the path /proc/self/cgroup shows is below $T:

  $ veil --root "$ROOT" --proc /proc --cgroup-parent "$T" -- cat /proc/self/cgroup >inside
  $ sed -n "s|^0::$T_PATH/|0::T/|p" inside
  0::T/veil-[0-9]+-[0-9a-f]{8} (re)

Once veil has exited, it is gone, and so is everything veil made in $T:

  $ cg_dirs "$T"
  $ [ -e "$CG2$(sed -n 's/^0:://p' inside)" ] || echo removed
  removed

The parent may also be named by its path in the hierarchy, as
/proc/PID/cgroup writes it, rather than in the file system:

  $ veil --root "$ROOT" --proc /proc --cgroup-parent "$T_PATH" -- cat /proc/self/cgroup \
  >   | sed -n "s|^0::$T_PATH/|0::T/|p"
  0::T/veil-[0-9]+-[0-9a-f]{8} (re)
  $ cg_dirs "$T"

Everything of the action is in it, from pid 1 on, and nothing else: veil
itself stays where it was.  Here the action is pid 1, its shell and a
`sleep` the shell started, held still on a fifo while the host looks.

  $ mkdir shared && mkfifo shared/go
  $ veil --timeout 60 --root "$ROOT" --proc /proc --dev /dev --bind "$PWD/shared" /shared \
  >   --cgroup-parent "$T" -- sh -c '
  >   sleep 30 &
  >   sed -n "s/^0:://p" /proc/self/cgroup >/shared/cgroup.tmp
  >   mv /shared/cgroup.tmp /shared/cgroup
  >   read x </shared/go' &
  $ veil_pid=$!
  $ timeout 10 sh -c 'until [ -e shared/cgroup ]; do sleep 0.05; done'
  $ cg=$CG2$(cat shared/cgroup)
  $ wc -l <"$cg/cgroup.procs"
  3
  $ cat "$cg/cgroup.procs" | xargs -n1 sh -c 'cat /proc/$0/comm'
  veil
  sh
  sleep
  $ grep -qx "$veil_pid" "$cg/cgroup.procs" || echo "veil is not in it"
  veil is not in it
  $ timeout 10 sh -c 'echo go >shared/go'; wait "$veil_pid"; echo "exit $?"
  exit 0
  $ [ -e "$cg" ] || echo removed
  removed

In a cgroup namespace (--unshare-cgroup), the action sees its own cgroup
as the root, and nothing above it:

  $ veil --root "$ROOT" --proc /proc --cgroup-parent "$T" --unshare-cgroup -- \
  >   sh -c 'grep "^0::" /proc/self/cgroup /proc/1/cgroup'
  /proc/self/cgroup:0::/
  /proc/1/cgroup:0::/

The cgroup goes whatever way the action ends: killed at its timeout, with a
daemon of its own still running; a command that is not there; a setup that
fails inside the namespaces.

  $ veil --root "$ROOT" --dev /dev --cgroup-parent "$T" --timeout 0.5 --kill-after 0 -- \
  >   sh -c 'setsid sleep 30 & sleep 30'; echo "exit $?"
  exit 124
  $ veil --root "$ROOT" --cgroup-parent "$T" -- no-such-command; echo "exit $?"
  veil: no-such-command: No such file or directory
  exit 127
  $ veil --root "$ROOT" --cgroup-parent "$T" --chdir /no/such/dir -- true; echo "exit $?"
  veil: --chdir: /no/such/dir: No such file or directory
  exit 125
  $ cg_dirs "$T"

Figures
-------

With a cgroup, --stats names it, and takes the CPU times from its
cpu.stat, which counts every process that ran in it, whoever reaped it.
memory_peak_bytes, oom_killed and pids_peak are there too; each is null
unless its controller is enabled for the cgroup (by $T here: it is not).

  $ veil --root "$ROOT" --proc /proc --cgroup-parent "$T" --stats stats.json -- sh -c '
  >   sed -n "s/^0:://p" /proc/self/cgroup >/tmp/cg
  >   i=0; while [ $i -lt 100000 ]; do i=$((i + 1)); done
  >   cat /tmp/cg' >inside
  $ python3 - "$CG2$(cat inside)" <<'EOF'
  > import json, sys
  > s = json.load(open("stats.json"))
  > print(sorted(s))
  > print("cgroup is the action's:", s["cgroup"] == sys.argv[1])
  > print("cpu counted:", 0 < s["user_seconds"] + s["system_seconds"] <= s["wall_seconds"] * 64)
  > print("controller figures:", s["memory_peak_bytes"], s["oom_killed"], s["pids_peak"])
  > EOF
  ['cgroup', 'exit_code', 'max_rss_kib', 'memory_peak_bytes', 'oom_killed', 'pids_peak', 'setup_seconds', 'signal', 'system_seconds', 'timed_out', 'user_seconds', 'wall_seconds']
  cgroup is the action's: True
  cpu counted: True
  controller figures: None None None
  $ cg_dirs "$T"

Without a cgroup, the stats have none of those fields:

  $ veil --root "$ROOT" --stats stats.json -- true
  $ python3 -c 'import json; print(sorted(json.load(open("stats.json"))))'
  ['exit_code', 'max_rss_kib', 'setup_seconds', 'signal', 'system_seconds', 'timed_out', 'user_seconds', 'wall_seconds']

Without a limit, veil leaves cgroups alone
-------------------------------------------

It makes no cgroup (-v would say so), and it does not need cgroup v2 at all:
here, in a mount namespace of the test's own where no cgroup file system is
mounted, an action without limits runs, and one with a limit fails before
anything runs, saying why.

  $ veil -v --root "$ROOT" -- true 2>&1 | grep 'cgroup:'
  [1]
  $ unshare -m sh -c 'umount -R "$1" && {
  >   veil --root "$2" -- echo runs; echo "exit $?"
  >   veil --root "$2" --pids 10 -- echo runs; echo "exit $?"; }' sh "$CG2" "$ROOT"
  runs
  exit 0
  veil: --pids: cannot use cgroup v2: no cgroup2 file system is mounted (see /proc/self/mountinfo)
  exit 125

(The host's mounts are untouched: that was another mount namespace.)

  $ [ "$(stat -f -c %T "$CG2")" = cgroup2fs ] && echo "still mounted"
  still mounted

Errors
------

Each is exit 125, with the option and the reason, before anything runs; no
cgroup is left behind.

A parent that does not exist, is not a directory, or is not in cgroup v2
(a path that is not under a cgroup2 mount is taken as a path in the
hierarchy):

  $ veil --root "$ROOT" --cgroup-parent "$T/nope" -- true 2>&1 | sed "s|$T|T|"; echo "exit $?"
  veil: --cgroup-parent: T/nope: No such file or directory
  exit 0
  $ veil --root "$ROOT" --cgroup-parent "$T/nope" -- true 2>/dev/null; echo "exit $?"
  exit 125
  $ veil --root "$ROOT" --cgroup-parent "$T/cgroup.procs" -- true 2>&1 | sed "s|$T|T|"
  veil: --cgroup-parent: T/cgroup.procs: Not a directory
  $ veil --root "$ROOT" --cgroup-parent /tmp -- true 2>&1 | sed "s|$CG2|CG2|"
  veil: --cgroup-parent: no cgroup /tmp (CG2/tmp): No such file or directory

A cgroup2 file system that is read-only (as in many containers), again in
a mount namespace of the test's own:

  $ unshare -m sh -c 'mount -o remount,bind,ro "$1" &&
  >   veil --root "$3" --cgroup-parent "$2" -- true' sh "$CG2" "$T" "$ROOT" 2>&1 | sed "s|$T|T|"
  veil: --cgroup-parent: cannot create a cgroup in T: Read-only file system

A caller who may not write to the parent (nobody, from /: it could not
reach this directory); the message says what to do:

  $ chmod 755 "$T"
  $ (cd / && setpriv --reuid=65534 --regid=65534 --clear-groups \
  >   "$(command -v veil)" --root / --cgroup-parent "$T" -- true) 2>&1 | sed "s|$T|T|"
  veil: --cgroup-parent: cannot create a cgroup in T (veil needs a cgroup it may write to: run it as root, in a cgroup delegated to it (systemd-run --scope -p Delegate=yes veil ...), or name one with --cgroup-parent): Permission denied

A controller the parent cannot give: $T/q's parent, $T, does not enable
memory for its children, so q has none to give.  The reason after the
path depends on the host: "its parent does not enable it" where cgroup v2
has the memory controller, "it is bound to a cgroup v1 hierarchy" where v1
holds it.

  $ mkdir "$T/q"
  $ veil --root "$ROOT" --cgroup-parent "$T/q" --memory 64M -- echo not run 2>&1 | sed "s|$T|T|"
  veil: --memory: cannot use the cgroup v2 memory controller: it is not available in T/q: * (glob)
  $ cg_dirs "$T"
  q

(Nothing was made in q, and $T/q's children still have no memory
controller: veil only enables a controller in the parent it makes the
cgroup in, and only one the parent has.)

  $ [ -z "$(cat "$T/q/cgroup.subtree_control")" ] && echo none
  none

  $ cg_cleanup
