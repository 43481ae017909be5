veil run by a user who is not root makes a user namespace of its own,
mapping that user (and group) to itself, with setgroups denied; the rest
works as for root.  What the caller could not read or change on the host,
it cannot inside either, whatever the options.

The commands run as nobody (65534), with setpriv, in a directory that
nobody can reach (cram's is root's alone), with a copy of veil there, so
that the build tree need not be reachable; it is all removed at the end.

  $ . "$TESTS/lib.sh"
  $ U=$(mktemp -d /tmp/veil-unprivileged.XXXXXX) && chmod 755 "$U" && trap 'rm -rf "$U"' EXIT
  $ built=$(command -v veil) && cp "$built" "$U/veil"
  $ mkdir "$U/work" && chown 65534:65534 "$U/work"
  $ as_nobody() { (cd "$U/work" && setpriv --reuid=65534 --regid=65534 --clear-groups "$@"); }
  $ veil() { as_nobody "$U/veil" "$@"; }
  $ veil -- sh -c 'id -u; id -g; id -G; cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups'
  65534
  65534
  65534
       65534      65534          1
       65534      65534          1
  deny

The default profile
-------------------

The host read-only, the working directory writable, a private /tmp:

  $ veil -- sh -c 'pwd; touch /usr/x; touch here && echo the working directory is writable;
  >   touch "$1.x" && echo /tmp is writable' sh "$U"
  /tmp/veil-unprivileged.*/work (glob)
  touch: cannot touch '/usr/x': Read-only file system
  the working directory is writable
  /tmp is writable
  $ ls "$U/work"
  here
  $ test -e "$U.x" || echo "not in the host's /tmp"
  not in the host's /tmp

A fresh /proc, which shows the action's processes only: pid 1 is veil, the
command pid 2:

  $ veil -- sh -c 'echo $$; cat /proc/1/comm; echo /proc/[0-9]*'
  2
  veil
  /proc/1 /proc/2

/sys cannot be mounted fresh by a user namespace that does not own its
network namespace: veil binds the host's there instead, read-only (and says
so under -v).  With --unshare-net it is a fresh one, which shows only the
new namespace's loopback interface:

  $ veil -v -- sh -c 'touch /sys/x 2>&1' 2>trace; grep sysfs trace
  touch: cannot touch '/sys/x': Read-only file system
  veil: sysfs: the kernel refused a fresh sysfs (a user namespace without its own network namespace); binding the host's /sys read-only instead
  veil: sysfs /sys
  $ veil -v --unshare-net -- sh -c 'touch /sys/x 2>&1; ls /sys/class/net' 2>trace; grep sysfs trace
  touch: cannot touch '/sys/x': Read-only file system
  lo
  veil: sysfs /sys

A root of its own
-----------------

A busybox root that nobody owns, with a file of root's in it:

  $ "$TESTS/mkroot.sh" "$U/root" && chown -R 65534:65534 "$U/root"
  $ mkdir "$U/root/etc" && echo root-only > "$U/root/etc/root-only"
  $ chmod 600 "$U/root/etc/root-only"
  $ veil --root "$U/root" --proc /proc --dev /dev --tmpfs /tmp -- sh -c \
  >   'id -u; ls /; echo x > /dev/null && echo /dev/null works; touch /tmp/x /new && ls /tmp; ls -d /new'
  65534
  bin
  dev
  etc
  proc
  sys
  tmp
  /dev/null works
  x
  /new
  $ ls "$U/root"
  bin
  dev
  etc
  new
  proc
  sys
  tmp

Files of users the namespace does not map, root's among them, show up as
owned by the overflow user and group, 65534; here the caller is mapped to
1000 with --uid and --gid, so as to tell the two apart:

  $ veil --uid 1000 --gid 1000 --root "$U/root" -- stat -c '%u:%g %n' / /etc/root-only
  1000:1000 /
  65534:65534 /etc/root-only

The caller gains nothing
------------------------

Root's file cannot be read, neither in the root nor bound from the host;
nor with every capability (they are the namespace's, and root's file is
not in it), nor as uid 0 inside:

  $ cp "$U/root/etc/root-only" "$U/host-root-only"
  $ veil --root "$U/root" -- cat /etc/root-only
  cat: can't open '/etc/root-only': Permission denied
  [1]
  $ veil --cap-add ALL --uid 0 --gid 0 --root "$U/root" --ro-bind "$U/host-root-only" /secret -- \
  >   sh -c 'id -u; cat /secret /etc/root-only'
  0
  cat: can't open '/secret': Permission denied
  cat: can't open '/etc/root-only': Permission denied
  [1]
  $ veil --cap-add ALL -- cat /etc/shadow
  cat: /etc/shadow: Permission denied
  [1]

A read-write bind of a directory nobody cannot write to is no more
writable inside, and root's file cannot be given away or have its mode
changed:

  $ veil --cap-add ALL --uid 0 --root "$U/root" --bind "$U" /u -- sh -c \
  >   'touch /u/x; chmod 666 /etc/root-only; chown 0 /etc/root-only'
  touch: /u/x: Permission denied
  chmod: /etc/root-only: Operation not permitted
  chown: /etc/root-only: Operation not permitted
  [1]
  $ ls "$U"
  host-root-only
  root
  veil
  work
  $ stat -c '%a %u' "$U/root/etc/root-only"
  600 0

The supervisor is out of reach, even with --cap-add ALL: the capabilities
are the namespace's, and pid 1 belongs to the host's:

  $ veil --cap-add ALL --root "$U/root" --proc /proc -- sh -c \
  >   'ls /proc/1/fd; head -c 1 /proc/1/mem; readlink /proc/1/exe || echo no link; echo x >> /proc/1/exe; cat /proc/1/environ > /dev/null'
  ls: can't open '/proc/1/fd': Permission denied
  head: /proc/1/mem: Permission denied
  no link
  sh: can't create /proc/1/exe: Permission denied
  cat: can't open '/proc/1/environ': Permission denied
  [1]
  $ cmp "$U/veil" "$built" && echo unchanged
  unchanged

veil itself, outside, is not dumpable either once it has written the id
maps: another process of the same user cannot look into it.  (The action
says it is running by creating a file in the working directory.)

  $ as_nobody sh -c '"$1/veil" -- sh -c "touch running; sleep 10" & v=$!
  >   while [ ! -e running ]; do sleep 0.1; done
  >   cat /proc/$v/environ > /dev/null; head -c 1 /proc/$v/mem; kill $v; wait $v; echo "veil: $?"' sh "$U"
  cat: /proc/*/environ: Permission denied (glob)
  head: cannot open '/proc/*/mem' for reading: Permission denied (glob)
  veil: 143
  $ rm "$U/work/running"

The other options
-----------------

--uid and --gid, capabilities, descriptors, sessions:

  $ veil --uid 0 --gid 0 --root "$U/root" --proc /proc -- sh -c 'id -u; id -g; cat /proc/self/uid_map /proc/self/gid_map'
  0
  0
           0      65534          1
           0      65534          1
  $ veil --cap-add net_bind_service --root "$U/root" --proc /proc -- grep -E '^Cap(Eff|Bnd)' /proc/self/status
  CapEff:\t0000000000000400 (esc)
  CapBnd:\t0000000000000400 (esc)
  $ echo inherited > "$U/file"
  $ veil --root "$U/root" --proc /proc -- sh -c 'ls /proc/$$/fd; cat <&3' 3<"$U/file"
  0
  1
  2
  sh: 3: Bad file descriptor
  [1]
  $ veil --keep-fd 3 --root "$U/root" --proc /proc -- sh -c 'cat <&3' 3<"$U/file"
  inherited
  $ veil --new-session --root "$U/root" --proc /proc -- ps -o pid,sid
  PID   SID
      1     1
      2     1
  $ veil --seccomp default --root "$U/root" -- sh -c 'unshare -U true'
  unshare: unshare(0x10000000): Operation not permitted
  [1]
