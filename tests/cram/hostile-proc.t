A command that veil runs as root is uid 0 to the kernel even without a
single capability, and uid 0 owns the kernel's settings in a fresh proc:
/proc/sys/kernel/core_pattern, for one, names a program the host runs as
root, with every capability, when a process dumps core.  So veil covers
every entry at the top of the proc it mounts that is not a process
directory (sys, irq, bus, fs, pressure, sysrq-trigger...) with a read-only
bind of itself, masks kcore, keys, timer_list and the like, and masks
firmware in sysfs.  The processes' own files stay writable.

  $ . "$TESTS/lib.sh"
  $ cp "$HELPERS/syscall-probe" "$ROOT/bin/"

Nothing under /proc can be written
----------------------------------

`syscall-probe writable /proc` walks every file under /proc but the
process directories and the symbolic links (self, thread-self, net...),
opens each for writing, and gives each sysctl back the value it holds
(which leaves the kernel as it was); it prints every file that opened.
Against veil without the covers, it printed some 1300 files in the
default profile (/proc/sys/kernel/core_pattern written, /proc/irq/*,
/proc/bus/pci/*, /proc/pressure/* opened).  As root, in every shipped
profile, it prints nothing now:

  $ walk() {
  >   case $1 in
  >   buildbarn|bazel) veil -p "$1" --root "$ROOT" -- syscall-probe writable /proc ;;
  >   *) veil -p "$1" --ro-bind "$ROOT/bin" /tmp/probe -- /tmp/probe/syscall-probe writable /proc ;;
  >   esac
  > }
  $ for p in default build cram buildbarn bazel strict; do echo "$p:"; walk "$p"; done
  default:
  build:
  cram:
  buildbarn:
  bazel:
  strict:

The attack on core_pattern
--------------------------

The reproducer of the review: the action points core_pattern at a script
of its own and dumps core; the script would run on the host, as root, and
leave a file here.  The write fails, nothing runs on the host, and the
host's core_pattern is what it was.  (Were it not, the last line
would put it back.)

  $ cat /proc/sys/kernel/core_pattern >core-pattern
  $ veil -p buildbarn --root "$ROOT" -- sh -c '
  >   printf "#!/bin/sh\ntouch $1/pwned\n" >/tmp/pwn.sh; chmod +x /tmp/pwn.sh
  >   echo "|/proc/%P/root/tmp/pwn.sh" >/proc/sys/kernel/core_pattern
  >   sh -c "kill -SEGV \$\$"' sh "$PWD"
  sh: line 2: can't create /proc/sys/kernel/core_pattern: Read-only file system
  [139]
  $ sleep 0.2; ls pwned
  ls: cannot access 'pwned': No such file or directory
  [2]
  $ cat /proc/sys/kernel/core_pattern | cmp - core-pattern || cat core-pattern >/proc/sys/kernel/core_pattern

A sysctl that is not namespaced, in the default profile (the host's /
read-only, the host's network): printk_ratelimit cannot be changed from
inside, and the host's value stays.

  $ cat /proc/sys/kernel/printk_ratelimit >ratelimit
  $ veil -- sh -c 'echo $(($(cat /proc/sys/kernel/printk_ratelimit) + 1)) >/proc/sys/kernel/printk_ratelimit'
  sh: *create /proc/sys/kernel/printk_ratelimit: Read-only file system (glob)
  [2]
  $ cat /proc/sys/kernel/printk_ratelimit | cmp - ratelimit || cat ratelimit >/proc/sys/kernel/printk_ratelimit

The rest of /proc: the PCI configuration space, interrupt affinity, the
magic SysRq key are read-only wherever the kernel has them:

  $ veil -- sh -c 'for f in /proc/bus/pci/*/* /proc/irq/default_smp_affinity /proc/sysrq-trigger; do
  >   [ -f "$f" ] && (: >>"$f") 2>/dev/null && echo "$f is writable"; done; echo done'
  done

What stays writable
-------------------

The processes' own directories are not covered: a process can still
raise its own OOM score, and a nested user namespace can be given its id
maps (here by unshare -r, which needs a capability to create one, and
--nested-userns, since the command is root outside):

  $ veil -- sh -c 'echo 500 >/proc/self/oom_score_adj && cat /proc/self/oom_score_adj'
  500
  $ veil --cap-add ALL --nested-userns -- unshare -Ur cat /proc/self/uid_map
           0          0          1

What the kernel then refuses, and why
-------------------------------------

A nested user namespace gets the covers as mounts it cannot take off,
and the kernel refuses it a proc of its own, since that proc would show
what the covers hide.  This is why: a fresh proc in that namespace, for
a command that is root outside, would have a writable core_pattern
again.  (Docker containers behave the same.)  `--proc-unmasked` (or
`proc-unmasked = yes` in a profile) goes without the covers, and nested
sandboxes can mount their proc again; for a caller who can be trusted
with the host's kernel settings only.

  $ veil --cap-add ALL --nested-userns -- unshare -Urpf --mount-proc true
  unshare: mount /proc failed: Operation not permitted
  [1]
  $ veil --proc-unmasked --cap-add ALL --nested-userns -- unshare -Urpf --mount-proc sh -c 'echo a proc of its own'
  a proc of its own
  $ veil --dry-run --proc-unmasked -- true | grep -E '^(proc|sysfs|unmasked) '
  proc        /proc unmasked  (<built-in>/default.ini:12)
  sysfs       /sys read-only unmasked  (<built-in>/default.ini:13)
  unmasked    proc and sysfs as the kernel makes them: sysctls writable  (--proc-unmasked)
  $ veil --proc-unmasked -- sh -c 'cat /proc/sys/kernel/printk_ratelimit >/proc/sys/kernel/printk_ratelimit && echo written'
  written

and the walk finds what it finds on veil without covers (here only opened,
since it writes only to sysctls):

  $ veil -p default --proc-unmasked --ro-bind "$ROOT/bin" /tmp/probe -- /tmp/probe/syscall-probe writable /proc/irq | grep default_smp_affinity
  /proc/irq/default_smp_affinity: opened

Masks
-----

What tells of the host, in /proc and /sys, is masked: a file reads as
empty, a directory is an empty read-only tmpfs.  The host's timer list
and firmware tables are not empty, and the action's are:

  $ [ -n "$(head -c 1 /proc/timer_list)" ] && ls /sys/firmware | grep -q . && echo the host has them
  the host has them
  $ veil -- sh -c 'for f in kcore keys timer_list timer_stats sched_debug latency_stats; do
  >   [ -n "$(head -c 1 /proc/$f 2>/dev/null)" ] && echo /proc/$f is not empty; done
  >   ls -A /sys/firmware /sys/devices/virtual/powercap 2>/dev/null; : >/sys/firmware/x'
  /sys/firmware:
  sh: *create /sys/firmware/x: Read-only file system (glob)
  [2]

The same for the host's /sys bound read-only, which veil uses where the
kernel refuses a fresh sysfs (a user namespace without a network
namespace of its own):

  $ veil -v --unshare-user -- ls -A /sys/firmware 2>trace
  $ grep -c "binding the host's /sys read-only" trace
  1

/dev and /dev/shm have sizes
----------------------------

Both are tmpfs, which without a size may take half the host's memory.
/dev gets 64k (device nodes and links take no room), /dev/shm a tmpfs of
its own with 64M, as in Docker:

  $ veil -- df -k /dev /dev/shm | awk 'NR > 1 { print $6, $2 }'
  /dev 64
  /dev/shm 65536
  $ veil -- dd if=/dev/zero of=/dev/big bs=1k count=1024 2>&1 | grep -o 'No space left on device'
  No space left on device
  $ veil -- dd if=/dev/zero of=/dev/shm/big bs=1M count=65 2>&1 | grep -o 'No space left on device'
  No space left on device
  $ veil -- stat -c '%a %n' /dev/shm
  1777 /dev/shm

`--size` before `--dev` and `--shm-size` change them, and so do `size=` on
a profile's dev line and its `shm-size` key:

  $ veil --root "$ROOT" --proc /proc --size 1M --dev /dev --shm-size 2M -- df -k /dev /dev/shm | awk 'NR > 1 { print $6, $2 }'
  /dev 1024
  /dev/shm 2048
  $ cat >dev.ini <<EOF
  > [mounts]
  > proc = /proc
  > dev = /dev size=128k
  > shm-size = 1M
  > EOF
  $ veil -p ./dev.ini --root "$ROOT" -- df -k /dev /dev/shm | awk 'NR > 1 { print $6, $2 }'
  /dev 128
  /dev/shm 1024
  $ veil --dry-run -p ./dev.ini --root "$ROOT" -- true | grep '^dev '
  dev         /dev size=131072 shm-size=1048576  (*/dev.ini:3) (glob)

A profile that mounts a tmpfs of its own on /dev/shm, as bazel does, puts
it on top:

  $ veil -p bazel --root "$ROOT" -- sh -c 'grep -c " /dev/shm " /proc/self/mountinfo; df -k /dev/shm' | awk 'NR == 1 || NR > 2 { print $NF == "/dev/shm" ? $2 : $0 }'
  2
  65536
