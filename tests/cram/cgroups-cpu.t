--cpu CORES: the action's cgroup gets cpu.max = CORES x 100000 µs per
100000 µs period, so however many processes it runs, together they get at
most CORES of the machine's cores.  Skipped where the cgroup v2 cpu
controller cannot be had (on a host that binds it to cgroup v1, for one).

  $ . "$TESTS/lib.sh"
  $ . "$TESTS/cgroup-lib.sh"
  $ cg_need cpu

Two busy loops, each of which alone would take a whole core, run for 2
seconds under --cpu 0.25: together they get about a quarter of a core.
The bound checked is generous (half a core), against a loaded machine's
scheduling.

  $ veil --root "$ROOT" --dev /dev --cgroup-parent "$T" --cpu 0.25 --stats cpu.json --timeout 2 \
  >   --kill-after 0 -- sh -c 'while :; do :; done & while :; do :; done'; echo "exit $?"
  exit 124
  $ python3 -c 'import json; s = json.load(open("cpu.json"))
  > cpu = s["user_seconds"] + s["system_seconds"]
  > print(cpu > 0, cpu <= 0.5 * s["wall_seconds"] or s)'
  True True

The limit as the kernel has it, read while the action runs:

  $ mkdir shared && mkfifo shared/go
  $ veil --timeout 60 --root "$ROOT" --proc /proc --bind "$PWD/shared" /shared \
  >   --cgroup-parent "$T" --cpu 1.5 -- sh -c '
  >   sed -n "s/^0:://p" /proc/self/cgroup >/shared/cgroup.tmp
  >   mv /shared/cgroup.tmp /shared/cgroup
  >   read x </shared/go' &
  $ veil_pid=$!
  $ timeout 10 sh -c 'until [ -e shared/cgroup ]; do sleep 0.05; done'
  $ cat "$CG2$(cat shared/cgroup)/cpu.max"
  150000 100000
  $ timeout 10 sh -c 'echo go >shared/go'; wait "$veil_pid"; echo "exit $?"
  exit 0

  $ cg_dirs "$T"
  $ cg_cleanup
