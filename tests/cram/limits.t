veil bounds an action in time and in resources.  --timeout SECONDS sends
the command SIGTERM when SECONDS have passed, and --kill-after SECONDS
later (2 by default) kills the whole action; veil then exits 124, as
coreutils timeout does.  --rlimit NAME=SOFT[:HARD] sets a resource limit
in the command's process before it starts.

  $ . "$TESTS/lib.sh"

Every action here is run under `timeout -s KILL 30`, a safety net only:
veil failing to end an action would show up as exit 137, not as a hang.
The processes an action starts carry a marker unique to this run in their
command lines, so that the host can look for survivors with `pgrep -f`.

  $ marker=veil-limits-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  $ export marker

Timeout
-------

A command that outlives its timeout gets SIGTERM and veil exits 124; with
-v, veil says what it did.  Nothing of the action is left once veil has
returned: when the command dies of the SIGTERM, pid 1 exits and the kernel
kills the rest of its pid namespace, `sleep` included.

  $ timeout -s KILL 30 veil -v --root "$ROOT" --timeout 0.5 -- \
  >   sh -c "sleep 60; : $marker" 2>trace; echo "exit $?"
  exit 124
  $ grep -e '^veil: timeout' -e '^veil: kill-after' trace
  veil: timeout: 0.5 s expired, sending SIGTERM
  $ pgrep -f "$marker"
  [1]

So is everything the command started, whether it waits for it or not: a
child in the background, and a daemon in a session of its own with its
output detached.  Both announce themselves in a directory bound from the
host before they sleep, so they were there to be killed.

  $ mkdir shared
  $ timeout -s KILL 30 veil --root "$ROOT" --dev /dev --bind "$PWD/shared" /shared \
  >   --timeout 2 -- sh -c '
  >   setsid sh -c "touch /shared/daemon; sleep 120; : $marker" </dev/null >/dev/null 2>&1 &
  >   sh -c "touch /shared/child; sleep 120; : $marker" &
  >   wait'; echo "exit $?"
  exit 124
  $ ls shared
  child
  daemon
  $ pgrep -f "$marker"
  [1]

A command that ignores SIGTERM is killed --kill-after seconds later, with
everything it started; veil still exits 124.  The trap shows that SIGTERM
did arrive first, and the time taken that veil waited for --kill-after
(at least 0.5 + 1 seconds, with a generous upper bound).

  $ start=$(date +%s%N)
  $ timeout -s KILL 30 veil -v --root "$ROOT" --timeout 0.5 --kill-after 1 -- sh -c "
  >   trap 'echo caught TERM, carrying on' TERM
  >   sh -c 'sleep 120; :' $marker &
  >   while :; do sleep 0.1; done; : $marker" 2>trace; echo "exit $?"
  caught TERM, carrying on
  exit 124
  $ grep -e '^veil: timeout' -e '^veil: kill-after' trace
  veil: timeout: 0.5 s expired, sending SIGTERM
  veil: kill-after expired, killing the action
  $ elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  $ [ "$elapsed" -ge 1500 ] && [ "$elapsed" -lt 20000 ] && echo "waited for kill-after"
  waited for kill-after
  $ pgrep -f "$marker"
  [1]

--kill-after 0 kills the action at once, without a SIGTERM first:

  $ timeout -s KILL 30 veil -v --root "$ROOT" --timeout 0.5 --kill-after 0 -- sh -c "
  >   trap 'echo caught TERM' TERM
  >   while :; do sleep 0.1; done; : $marker" 2>trace; echo "exit $?"
  exit 124
  $ grep -e '^veil: timeout' -e '^veil: kill-after' trace
  veil: timeout: 0.5 s expired, killing the action
  $ pgrep -f "$marker"
  [1]

A command that exits by itself once it got SIGTERM still timed out: 124,
not its own status.

  $ timeout -s KILL 30 veil --root "$ROOT" --timeout 0.5 -- sh -c "
  >   trap 'echo cleaning up; exit 0' TERM
  >   while :; do sleep 0.1; done"; echo "exit $?"
  cleaning up
  exit 124

A command that ends before its timeout exits with its own status, or
128 + N when a signal killed it, and veil does not wait for the timeout.

  $ timeout -s KILL 30 veil --root "$ROOT" --timeout 30 -- sh -c 'exit 3'; echo "exit $?"
  exit 3
  $ timeout -s KILL 30 veil --root "$ROOT" --timeout 30 -- true; echo "exit $?"
  exit 0
  $ timeout -s KILL 30 veil --root "$ROOT" --timeout 30 -- sh -c 'kill -TERM $$'; echo "exit $?"
  exit 143

Resource limits
---------------

One value sets both the soft and the hard limit; SOFT:HARD sets each.
The command sees them (busybox's `ulimit` prints them, -H for the hard
one), and so does what it starts.

  $ veil --root "$ROOT" --rlimit nofile=64:128 -- sh -c 'ulimit -n; ulimit -Hn'
  64
  128
  $ veil --root "$ROOT" --rlimit nofile=100 -- sh -c 'ulimit -n; ulimit -Hn; sh -c "ulimit -n"'
  100
  100
  100

`unlimited` for either, and sizes with k, M, G or T for the limits in
bytes; /proc/self/limits shows the bytes.

  $ veil --root "$ROOT" --rlimit cpu=100:unlimited -- sh -c 'ulimit -t; ulimit -Ht'
  100
  unlimited
  $ veil --root "$ROOT" --proc /proc --rlimit as=1G:unlimited --rlimit stack=unlimited \
  >   -- grep -e 'Max address space' -e 'Max stack size' /proc/self/limits
  Max stack size            unlimited            unlimited            bytes     
  Max address space         1073741824           unlimited            bytes     

Repeats apply in order, and the later one wins for the same resource.
veil keeps only the last, so lowering a hard limit and raising it again
works, even for a caller who could not raise it.

  $ veil --root "$ROOT" --rlimit nofile=10 --rlimit core=0 --rlimit nofile=200:300 \
  >   -- sh -c 'ulimit -n; ulimit -Hn; ulimit -c'
  200
  300
  0

They are set before veil drops its capabilities, so veil can raise a hard
limit exactly when its caller can (root with CAP_SYS_RESOURCE, which this
machine may or may not give it):

  $ up=$(( $(ulimit -Hn) + 1 ))
  $ if (ulimit -Hn "$up") 2>/dev/null; then caller=can; else caller=cannot; fi
  $ if veil --root "$ROOT" --rlimit nofile=$up -- sh -c "[ \$(ulimit -Hn) = $up ]" 2>/dev/null
  > then veil=can; else veil=cannot; fi
  $ [ "$veil" = "$caller" ] && echo "veil $veil raise it, as its caller"
  veil * raise it, as its caller (glob)

The limits are real: a command that spins past its soft limit of CPU
time is killed by SIGXCPU (24), so veil exits 128 + 24; at the hard limit,
the kernel would send SIGKILL.

  $ timeout -s KILL 30 veil --root "$ROOT" --timeout 20 --rlimit cpu=1:2 --rlimit core=0 -- \
  >   sh -c 'while :; do :; done'; echo "exit $?"
  exit 152

Bad values
----------

Each is refused when the plan is built, before anything is set up, with
the option and the reason, and veil exits 125.

  $ veil --timeout 0 -- true; echo "exit $?"
  veil: --timeout: must be more than 0 seconds, not '0'
  exit 125
  $ veil --timeout 1m -- true; echo "exit $?"
  veil: --timeout: '1m' is not a number of seconds
  exit 125
  $ veil --timeout=-1 -- true; echo "exit $?"
  veil: --timeout: '-1' is not a number of seconds
  exit 125
  $ veil --timeout 2000000000 -- true; echo "exit $?"
  veil: --timeout: '2000000000' is too long (at most 1000000000 seconds)
  exit 125
  $ veil --timeout 5 --kill-after soon -- true; echo "exit $?"
  veil: --kill-after: 'soon' is not a number of seconds
  exit 125
  $ veil --rlimit nofile -- true; echo "exit $?"
  veil: --rlimit: 'nofile' is not NAME=SOFT[:HARD]
  exit 125
  $ veil --rlimit files=10 -- true; echo "exit $?"
  veil: --rlimit: unknown resource 'files' (one of as, core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack)
  exit 125
  $ veil --rlimit nofile=lots -- true; echo "exit $?"
  veil: --rlimit: nofile: 'lots' is not a number or 'unlimited'
  exit 125
  $ veil --rlimit as=4X -- true; echo "exit $?"
  veil: --rlimit: as: '4X' is not a size (bytes, or a number with k, M, G, T) or 'unlimited'
  exit 125
  $ veil --rlimit nofile=4096:1024 -- true; echo "exit $?"
  veil: --rlimit: nofile: the soft limit (4096) is above the hard limit (1024)
  exit 125
  $ veil --dry-run --rlimit core=unlimited:0 -- true; echo "exit $?"
  veil: --rlimit: core: the soft limit (unlimited) is above the hard limit (0)
  exit 125

A limit the kernel refuses fails in the command's process, before the
command starts: no open-file limit can be above fs.nr_open.

  $ nofile=$(( $(cat /proc/sys/fs/nr_open) + 1 ))
  $ veil --root "$ROOT" --rlimit nofile=$nofile -- echo not run; echo "exit $?"
  veil: --rlimit: cannot set nofile=*:*: Operation not permitted (glob)
  exit 125

Dry run
-------

--dry-run shows the timeout and each limit, where they came from, just
before the security, landlock and exec lines; nothing when none is set.

  $ veil --dry-run --root "$ROOT" --timeout 1.5 --rlimit nofile=1024:4096 \
  >   --rlimit as=1G --rlimit core=unlimited -- make | sed -n '/^chdir/,$p' | grep -v '^security\|^landlock'
  chdir       /*/limits.t if present, else / (glob)
  timeout     1.5s, then SIGKILL after 2s  (--timeout)
  rlimit      nofile=1024:4096  (--rlimit)
  rlimit      as=1073741824:1073741824  (--rlimit)
  rlimit      core=unlimited:unlimited  (--rlimit)
  seccomp     clone unshare with CLONE_NEWUSER, setns errno:EPERM; clone3 errno:ENOSYS  (the command is root outside)
  seccomp     add_key request_key keyctl errno:EPERM  (the command is root outside)
  exec        make
  $ veil --dry-run --root "$ROOT" --kill-after 0 --timeout 60 -- make | grep '^timeout'
  timeout     60s, then SIGKILL at once  (--timeout, --kill-after)
  $ veil --dry-run --root "$ROOT" -- make | grep -e '^timeout' -e '^rlimit'
  [1]

cgroup limits
-------------

--memory, --pids and --cpu are checked when the plan is built, whatever
the host's cgroups (cgroups.t and its siblings run them), and --dry-run
shows each as the file veil writes it to, under the cgroup it makes:

  $ veil --memory 0 -- true; echo "exit $?"
  veil: --memory: must be more than 0 bytes (or 'max': no limit)
  exit 125
  $ veil --pids none -- true; echo "exit $?"
  veil: --pids: 'none' is not a number of processes (or 'max')
  exit 125
  $ veil --cpu 150% -- true; echo "exit $?"
  veil: --cpu: '150%' is not a number of cores (such as 2 or 1.5, or 'max')
  exit 125
  $ veil --cgroup-parent builds -- true; echo "exit $?"
  veil: --cgroup-parent: 'builds' is not an absolute path
  exit 125
  $ veil --dry-run --root "$ROOT" --memory 512M --pids 256 --cpu 1.5 -- make | grep '^cgroup'
  cgroup      new, under veil's own
  cgroup      memory.max=536870912 memory.swap.max=0  (--memory)
  cgroup      pids.max=256  (--pids)
  cgroup      cpu.max=150000 100000  (--cpu)
  $ veil --dry-run --root "$ROOT" --memory 512M --memory max -- make | grep '^cgroup'
  [1]
