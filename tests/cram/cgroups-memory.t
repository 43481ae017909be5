--memory SIZE: the action's cgroup gets memory.max = SIZE (and
memory.swap.max = 0, so the limit cannot be dodged by swapping), and a
process that goes beyond it is killed by the kernel's OOM killer; veil
says so, and --stats reports it.  Skipped where the cgroup v2 memory
controller cannot be had (on a host that binds it to cgroup v1, for one).

  $ . "$TESTS/lib.sh"
  $ . "$TESTS/cgroup-lib.sh"
  $ cg_need memory

Within the limit, nothing happens: a shell that holds 8 MiB in a variable
runs to its end under a limit of 64 MiB.

  $ veil --root "$ROOT" --dev /dev --cgroup-parent "$T" --memory 64M --stats ok.json -- \
  >   sh -c 'x=$(head -c 8388608 /dev/zero | tr "\0" a); echo "held ${#x} bytes"'; echo "exit $?"
  held 8388608 bytes
  exit 0
  $ python3 -c 'import json; s = json.load(open("ok.json"))
  > print(s["oom_killed"], 8388608 <= s["memory_peak_bytes"] <= 64 << 20)'
  False True

A memory hog is killed inside the limit: the same shell, made to hold 256
MiB under a limit of 32 MiB, dies of SIGKILL (exit 137), and veil says
why.

  $ veil --root "$ROOT" --dev /dev --cgroup-parent "$T" --memory 32M --stats oom.json -- \
  >   sh -c 'x=$(head -c 268435456 /dev/zero | tr "\0" a); echo "survived"'; echo "exit $?"
  veil: --memory: the action ran out of memory \(memory.max 33554432 bytes\): the kernel killed [1-9][0-9]* of its processes (re)
  exit 137

The stats say so too: the command was killed by SIGKILL, oom_killed is
true, and the peak stayed within the limit (memory.peak, where the kernel
has it).

  $ python3 -c 'import json; s = json.load(open("oom.json"))
  > print(s["exit_code"], s["signal"], s["oom_killed"])
  > print(s["memory_peak_bytes"] is None or s["memory_peak_bytes"] <= 32 << 20)'
  137 SIGKILL True
  True

The limit is on the action's cgroup, and nowhere else: the host's shell,
and veil itself, are not in it.

  $ mkdir shared && mkfifo shared/go
  $ veil --timeout 60 --root "$ROOT" --proc /proc --bind "$PWD/shared" /shared \
  >   --cgroup-parent "$T" --memory 48M -- sh -c '
  >   sed -n "s/^0:://p" /proc/self/cgroup >/shared/cgroup.tmp
  >   mv /shared/cgroup.tmp /shared/cgroup
  >   read x </shared/go' &
  $ veil_pid=$!
  $ timeout 10 sh -c 'until [ -e shared/cgroup ]; do sleep 0.05; done'
  $ cg=$CG2$(cat shared/cgroup)
  $ cat "$cg/memory.max"; echo "swap: $(cat "$cg/memory.swap.max" 2>/dev/null || echo none)"
  50331648
  swap: (0|none) (re)
  $ grep -c "^$veil_pid$" "$cg/cgroup.procs"
  0
  [1]
  $ timeout 10 sh -c 'echo go >shared/go'; wait "$veil_pid"; echo "exit $?"
  exit 0

  $ cg_dirs "$T"
  $ cg_cleanup
