The action gets a /proc of its own pid namespace and a read-only sysfs,
both mounted fresh rather than bound from the host: the command sees its
own processes only, and cannot change the kernel's settings through /sys.

  $ . "$TESTS/lib.sh"

`mounts FILE` prints, for the mounts of a mountinfo file on /proc and
/sys, the mount point, the per-mount options, the file system type and its
source, leaving out the mount ids and device numbers that vary from run to
run.  (The read-only covers and masks veil puts on entries inside them,
which vary with the kernel, are the subject of hostile-proc.t.)

  $ mounts() {
  >   awk '$5 ~ "^/(proc|sys)$" { i = 7; while ($i != "-") i++; print $5, $6, $(i + 1), $(i + 2) }' "$1"
  > }

/proc
-----

The action's /proc lists the action's processes and nothing else: veil's
pid 1 and the command, pid 2, and here a `sleep` the command started in the
background, pid 3.  None of the host's processes is there.

  $ veil --root "$ROOT" --proc /proc -- sh -c 'cd /proc && echo [0-9]*'
  1 2
  $ veil --root "$ROOT" --proc /proc --dev /dev -- sh -c 'sleep 10 & cd /proc && echo [0-9]*; kill $!'
  1 2 3
  $ veil --root "$ROOT" --proc /proc -- ps -o pid,comm
  PID   COMMAND
      1 veil
      2 ps

Process 1 is veil, with the command line it was started with:

  $ veil --root "$ROOT" --proc /proc -- cat /proc/1/cmdline | tr '\0' ' '; echo
  veil --root /*/root --proc /proc -- cat /proc/1/cmdline  (glob)

It is a proc file system of its own, not a bind of the host's, and programs
cannot gain privileges or run files from it:

  $ veil --root "$ROOT" --proc /proc -- cat /proc/self/mountinfo >mountinfo
  $ mounts mountinfo
  /proc rw,nosuid,nodev,noexec,relatime proc proc

/sys
----

`--sysfs` mounts a fresh sysfs, read-only, with none of the host's mounts
under /sys (the host's cgroup file systems, for one, stay out of reach):

  $ veil --root "$ROOT" --proc /proc --sysfs /sys -- cat /proc/self/mountinfo >mountinfo
  $ mounts mountinfo
  /proc rw,nosuid,nodev,noexec,relatime proc proc
  /sys ro,nosuid,nodev,noexec,relatime sysfs sysfs

Nothing can be created there, and a setting cannot even be opened for
writing: here the loopback interface's MTU, which is writable by root on
the host.  (A writable sysfs would refuse to create a file too, but not
with "Read-only file system".)

  $ veil --root "$ROOT" --sysfs /sys -- touch /sys/veil-test
  touch: /sys/veil-test: Read-only file system
  [1]
  $ veil --root "$ROOT" --sysfs /sys -- sh -c ': >/sys/class/net/lo/mtu'
  sh: can't create /sys/class/net/lo/mtu: Read-only file system
  [1]

The embedded default, used when no mount is named, has the same private
/proc and read-only /sys, on top of the host's read-only /:

  $ veil -- sh -c 'cd /proc && echo [0-9]*'
  1 2
  $ veil -- "$ROOT/bin/touch" /sys/veil-test
  touch: /sys/veil-test: Read-only file system
  [1]

sysfs in a user namespace
-------------------------

A sysfs belongs to a network namespace, and the kernel refuses a fresh one
to a user namespace that does not also have a network namespace of its
own.  So with `--unshare-user` but not `--unshare-net`, veil binds the
host's /sys instead, read-only and recursively, and says so with -v:

  $ veil -v --unshare-user --root "$ROOT" --proc /proc --sysfs /sys -- cat /proc/self/mountinfo >mountinfo 2>trace
  $ grep 'sysfs:' trace
  veil: sysfs: * binding the host's /sys read-only instead (glob)

It is the host's sysfs (the same device), with every mount the host has
under /sys (but for what veil masks, firmware and powercap), and all of
them read-only:

  $ veil --unshare-user --root "$ROOT" --sysfs /sys -- stat -c %d /sys >device
  $ stat -c %d /sys | cmp - device
  $ under_sys() {
  >   awk '$5 ~ "^/sys/" && $5 !~ "^/sys/(firmware|devices/virtual/powercap)(/|$)"' "$1" | wc -l
  > }
  $ under_sys /proc/self/mountinfo >host-count
  $ under_sys mountinfo | cmp - host-count
  $ awk '$5 ~ "^/sys(/|$)" { split($6, o, ","); print o[1] }' mountinfo | sort -u
  ro

With a network namespace as well, the user namespace may mount a sysfs of
its own again: a different device from the host's, nothing under it, and
nothing to say about it with -v.

  $ veil -v --unshare-user --unshare-net --root "$ROOT" --proc /proc --sysfs /sys -- cat /proc/self/mountinfo >mountinfo 2>trace
  $ grep 'sysfs:' trace
  [1]
  $ mounts mountinfo
  /proc rw,nosuid,nodev,noexec,relatime proc proc
  /sys ro,nosuid,nodev,noexec,relatime sysfs sysfs
  $ veil --unshare-user --unshare-net --root "$ROOT" --sysfs /sys -- stat -c %d /sys >device
  $ stat -c %d /sys | cmp -s - device || echo "a sysfs of its own"
  a sysfs of its own
