Which namespaces an action gets.  The mount and pid namespaces are always
new: that is what makes the teardown total.  The others are shared with
the host unless an option asks for a new one, with bubblewrap's option
names.

  $ . "$TESTS/lib.sh"

`namespaces [OPTION]...` runs an action with those options and prints, for
each kind of namespace, whether the command is in the host's or in a new
one, by comparing the namespace links in /proc/self/ns inside and outside.

  $ kinds='mnt pid net ipc uts cgroup user'
  $ namespaces() {
  >   veil --root "$ROOT" --proc /proc "$@" -- sh -c "
  >     for kind in $kinds; do readlink /proc/self/ns/\$kind; done" >inside || { echo "veil: exit $?"; return; }
  >   [ "$(grep -c '^[a-z]*:\[[0-9]*\]$' inside)" = 7 ] || { echo "unexpected: $(cat inside)"; return; }
  >   for kind in $kinds; do
  >     if grep -qxF "$(readlink /proc/self/ns/$kind)" inside; then printf ' %s:host' $kind; else printf ' %s:new' $kind; fi
  >   done
  >   echo
  > }

By default, only mount and pid are new:

  $ namespaces
   mnt:new pid:new net:host ipc:host uts:host cgroup:host user:host

Each --unshare-KIND adds one, and --unshare-pid is accepted for bwrap's
sake although the pid namespace is always new:

  $ namespaces --unshare-net
   mnt:new pid:new net:new ipc:host uts:host cgroup:host user:host
  $ namespaces --unshare-ipc
   mnt:new pid:new net:host ipc:new uts:host cgroup:host user:host
  $ namespaces --unshare-uts
   mnt:new pid:new net:host ipc:host uts:new cgroup:host user:host
  $ namespaces --unshare-cgroup
   mnt:new pid:new net:host ipc:host uts:host cgroup:new user:host
  $ namespaces --unshare-user
   mnt:new pid:new net:host ipc:host uts:host cgroup:host user:new
  $ namespaces --unshare-pid
   mnt:new pid:new net:host ipc:host uts:host cgroup:host user:host

--unshare-all is what it is in bwrap: every namespace that does not change
who the caller is, so not the user namespace (root stays root).
--share-net then gives the network back:

  $ namespaces --unshare-all
   mnt:new pid:new net:new ipc:new uts:new cgroup:new user:host
  $ namespaces --unshare-all --share-net
   mnt:new pid:new net:host ipc:new uts:new cgroup:new user:host

Network
-------

`$interfaces` lists the network interfaces that /proc/net/dev shows.  An
action shares the host's network by default, and sees the same interfaces
as the host:

  $ interfaces='sed 1,2d /proc/net/dev | cut -d: -f1 | tr -d " " | sort'
  $ sh -c "$interfaces" >host-interfaces
  $ veil --root "$ROOT" --proc /proc -- sh -c "$interfaces" | cmp - host-interfaces

With --unshare-net it has only a loopback interface:

  $ veil --root "$ROOT" --proc /proc --unshare-net -- sh -c "$interfaces"
  lo
  $ veil --root "$ROOT" --unshare-net -- ip -o link | cut -d: -f2
   lo

and, as in bwrap, that interface is up with its usual addresses, so that
programs (test suites in particular) can still talk to themselves over
127.0.0.1:

  $ veil --root "$ROOT" --unshare-net -- ip link show lo | grep -o '<.*>'
  <LOOPBACK,UP,LOWER_UP>
  $ veil --root "$ROOT" --unshare-net -- ip -4 addr show lo | grep -o 'inet [^ ]*'
  inet 127.0.0.1/8

Host name
---------

--hostname sets the host name the action sees, in a UTS namespace of its
own (it implies --unshare-uts), and leaves the host's alone:

  $ hostname >host-name
  $ veil --root "$ROOT" --hostname veil-test-box -- hostname
  veil-test-box
  $ namespaces --hostname veil-test-box
   mnt:new pid:new net:host ipc:host uts:new cgroup:host user:host
  $ hostname | cmp - host-name

--unshare-uts alone keeps the host's name, in a namespace of its own:

  $ veil --root "$ROOT" --unshare-uts -- hostname | cmp - host-name

User namespace
--------------

veil run by root with --unshare-user maps root to root and nobody else:
the command is still uid and gid 0, and files of any other owner show up as
owned by the overflow user and group, 65534.

  $ veil --root "$ROOT" --proc /proc --unshare-user -- sh -c 'echo uid=$(id -u) gid=$(id -g); cat /proc/self/uid_map /proc/self/gid_map'
  uid=0 gid=0
           0          0          1
           0          0          1
  $ touch "$ROOT/tmp/owned-by-1000"
  $ chown 1000:1000 "$ROOT/tmp/owned-by-1000"
  $ veil --root "$ROOT" --unshare-user -- stat -c '%u:%g %n' /tmp/owned-by-1000 /bin/busybox
  65534:65534 /tmp/owned-by-1000
  0:0 /bin/busybox

Without it, root's action is in the host's user namespace, where the same
file has its real owner:

  $ veil --root "$ROOT" -- stat -c '%u:%g %n' /tmp/owned-by-1000
  1000:1000 /tmp/owned-by-1000

--uid and --gid
---------------

--uid N and --gid N (bubblewrap's) map the caller's uid and gid to N
inside; they imply --unshare-user.  Run by root, the command is then 1000
and 100 to itself, and root's files are the caller's, so they show up as
owned by 1000:100:

  $ veil --root "$ROOT" --proc /proc --uid 1000 --gid 100 -- sh -c \
  >   'id -u; id -g; cat /proc/self/uid_map /proc/self/gid_map; stat -c "%u:%g %n" /bin/busybox'
  1000
  100
        1000          0          1
         100          0          1
  1000:100 /bin/busybox
  $ namespaces --uid 1000
   mnt:new pid:new net:host ipc:host uts:host cgroup:host user:new
  $ veil --dry-run --root "$ROOT" --uid 1000 --gid 100 -- true | sed -n 2,4p
  namespace   user  (--gid)
  uid         1000 inside, the caller's outside  (--uid)
  gid         100 inside, the caller's outside  (--gid)

Either may come alone; the other id stays the caller's:

  $ veil --root "$ROOT" --gid 5 -- sh -c 'id -u; id -g'
  0
  5

It changes the ids the command sees, not what it is to the kernel: to
the host's files it is still root, and reads root's own files as their
owner (with no capability, it cannot read anyone else's).  To confine
what a command may read, run veil as a user who is not root (see
unprivileged.t), or use --nobody, below.

  $ echo root-only > "$ROOT/tmp/root-only" && chmod 600 "$ROOT/tmp/root-only"
  $ veil --root "$ROOT" --uid 1000 -- cat /tmp/root-only
  root-only
  $ chmod 600 "$ROOT/tmp/owned-by-1000"
  $ veil --root "$ROOT" --uid 1000 -- cat /tmp/owned-by-1000
  cat: can't open '/tmp/owned-by-1000': Permission denied
  [1]

N is a number from 0 to 4294967294 ((uid_t) -1 is no id):

  $ veil --uid -1 -- true; echo $?
  veil: --uid: '-1' is not a number (0 to 4294967294)
  125
  $ veil --gid nogroup -- true; echo $?
  veil: --gid: 'nogroup' is not a number (0 to 4294967294)
  125
  $ veil --uid 4294967295 -- true; echo $?
  veil: --uid: '4294967295' is out of range (0 to 4294967294)
  125

Nobody outside
--------------

--nobody (the strict profile's `user = nobody`) goes further for a root
caller: the command's ids, 0 inside, are nobody's (65534) outside, with no
supplementary group, so to the host's files it is nobody and can read only
what anyone may, even where a bind puts them (the bind sources are opened
with veil's own rights, but reading goes by the file's owner and mode).

  $ chmod 755 "$ROOT"
  $ veil --root "$ROOT" --proc /proc --nobody -- sh -c 'id -u; id -g; cat /proc/self/uid_map /proc/self/gid_map; grep "^Groups" /proc/self/status'
  0
  0
           0      65534          1
           0      65534          1
  Groups:\t  (esc)
  $ veil --ro-bind "$ROOT" / --nobody -- cat /tmp/root-only
  cat: can't open '/tmp/root-only': Permission denied
  [1]
  $ veil --nobody -- cat /etc/shadow
  cat: /etc/shadow: Permission denied
  [1]
  $ veil -p strict -- cat /etc/shadow
  cat: /etc/shadow: Permission denied
  [1]
  $ veil --root "$ROOT" --nobody --tmpfs /tmp --ro-bind "$ROOT/tmp/root-only" /tmp/given -- sh -c 'touch /tmp/x && echo its /tmp is its own; cat /tmp/given'
  its /tmp is its own
  cat: can't open '/tmp/given': Permission denied
  [1]

A writable root is another matter: veil idmaps it (see nobody-builds.t),
so that its owner's files are the command's own, and root's file there is
its to read.  A read-only one is not, and a directory nobody may not enter
cannot be its root:

  $ veil --root "$ROOT" --nobody -- cat /tmp/root-only
  root-only
  $ mkdir -m 700 private && "$TESTS/mkroot.sh" private
  $ veil --ro-bind private / --nobody -- true; echo $?
  veil: cannot enter the root: Permission denied
  125
  $ veil --root private --nobody -- true; echo $?
  0
