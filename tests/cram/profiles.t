Profiles are INI files that say what an action gets: its root, the mounts
inside it, namespaces, environment, security and limits (veil-profile(5)).
`-p NAME` applies one; options on the command line apply after it.  This
transcript shows how they are found, checked, combined and applied.

  $ . "$TESTS/lib.sh"

Nothing of this machine's configuration: no $VEIL_PROFILE_PATH, and an
empty $XDG_CONFIG_HOME of our own.

  $ unset VEIL_PROFILE_PATH
  $ export XDG_CONFIG_HOME="$PWD/xdg"

Listing profiles
----------------

veil ships six profiles, compiled in so that a veil that is not installed
has them too.  --list-profiles prints each one's name, file and
description.

  $ veil --list-profiles
  bazel        <built-in>/bazel.ini                         Bazel hermetic spawn: explicit root, tmpfs /tmp, /proc, /sys, no network
  build        <built-in>/build.ini                         Build commands: host read-only, working directory writable, no network
  buildbarn    <built-in>/buildbarn.ini                     Buildbarn action: the input root as /, with /proc, /sys and a minimal /dev
  cram         <built-in>/cram.ini                          Cram tests: host read-only, test directory writable, reproducible output
  default      <built-in>/default.ini                       Host / read-only, the working directory writable, a private /tmp
  strict       <built-in>/strict.ini                        Untrusted code: all namespaces, no network, read-only, seccomp, tight limits

A profile of the same name earlier on the search path shadows the built-in
one; '*' marks the file a name finds when several have it.

  $ mkdir mine
  $ cat > mine/build.ini <<'EOF'
  > [profile]
  > description = My own build
  > inherit = default
  > EOF
  $ cat > mine/extra.ini <<'EOF'
  > [profile]
  > description = Something else
  > EOF
  $ VEIL_PROFILE_PATH="$PWD/mine" veil --list-profiles
  build      \* /*/profiles.t/mine/build.ini* My own build (glob)
  extra        /*/profiles.t/mine/extra.ini* Something else (glob)
  bazel        <built-in>/bazel.ini                         Bazel hermetic spawn: explicit root, tmpfs /tmp, /proc, /sys, no network
  build        <built-in>/build.ini                         Build commands: host read-only, working directory writable, no network
  buildbarn    <built-in>/buildbarn.ini                     Buildbarn action: the input root as /, with /proc, /sys and a minimal /dev
  cram         <built-in>/cram.ini                          Cram tests: host read-only, test directory writable, reproducible output
  default      <built-in>/default.ini                       Host / read-only, the working directory writable, a private /tmp
  strict       <built-in>/strict.ini                        Untrusted code: all namespaces, no network, read-only, seccomp, tight limits

Checking profiles
-----------------

--check-profile loads each profile as -p would, with its parents, and
reports every error without running anything.  The shipped profiles are
valid, both the copies compiled in and the files in the source tree.

  $ veil --check-profile default build buildbarn bazel cram strict; echo $?
  default: ok
  build: ok
  buildbarn: ok
  bazel: ok
  cram: ok
  strict: ok
  0
  $ veil --check-profile "$TESTS"/../profiles/*.ini | sed 's,.*/,,'
  bazel.ini: ok
  build.ini: ok
  buildbarn.ini: ok
  cram.ini: ok
  default.ini: ok
  strict.ini: ok

Each mistake is reported as FILE:LINE: message, and veil exits 125.  A
NAME with a '/' in it is a file, so these are named by a relative path.
The shape of the file first: sections and keys are fixed.

  $ mkdir bad
  $ printf '[profile]\ndescription = typo\n[mount]\nproc = /proc\n' > bad/section.ini
  $ veil --check-profile bad/section.ini; echo $?
  veil: bad/section.ini:3: unknown section [mount]
  125
  $ printf '[mounts]\nproc = /proc\nprocfs = /proc\n' > bad/key.ini
  $ veil --check-profile bad/key.ini; echo $?
  veil: bad/key.ini:3: unknown key 'procfs' in [mounts]
  125
  $ printf 'proc = /proc\n[mounts]\n' > bad/outside.ini
  $ veil --check-profile bad/outside.ini; echo $?
  veil: bad/outside.ini:1: 'proc' is outside any [section]
  125
  $ printf '[mounts]\nproc /proc\n' > bad/syntax.ini
  $ veil --check-profile bad/syntax.ini; echo $?
  veil: bad/syntax.ini:2: syntax error: expected [section], key = value, or a comment
  125
  $ printf '[mounts]\nproc = /p\0roc\n' > bad/nul.ini
  $ veil --check-profile bad/nul.ini; echo $?
  veil: bad/nul.ini:2: NUL byte in the line
  125
  $ printf '[profile]\ninherit = default\ninherit = build\n' > bad/inherit2.ini
  $ veil --check-profile bad/inherit2.ini; echo $?
  veil: bad/inherit2.ini:3: a profile inherits from one parent; 'inherit' was already given on line 2
  125

A line may hold 198 characters.  A longer one is an error, not cut short
or split silently; a long list is split over several lines instead.

  $ { echo '[env]'; printf 'keep = %0191d\n' 0; } > long.ini
  $ awk 'NR == 2 { print length }' long.ini
  198
  $ veil --check-profile ./long.ini
  ./long.ini: ok
  $ { echo '[env]'; printf 'keep = %0192d\n' 0; } > bad/long.ini
  $ veil --check-profile bad/long.ini; echo $?
  veil: bad/long.ini:2: line longer than 198 characters (split the list over several lines with the same key)
  125

Then the values, checked as the command-line option each key feeds checks
them, but named by the profile line.

  $ cat > bad/values.ini <<'EOF'
  > [namespaces]
  > net = maybe
  > user = sometimes
  > mount = no
  > [mounts]
  > bind-cwd = perhaps
  > tmpfs = /tmp mode=0799
  > tmpfs = /scratch size=lots
  > dir = relative/path
  > bind = /etc
  > ro-bind = /no/such/dir /opt
  > chmod = u+x /etc
  > [env]
  > set = NO_EQUALS_SIGN
  > unset = "LANG TZ
  > EOF
  $ veil --check-profile bad/values.ini; echo $?
  veil: bad/values.ini:2: net: 'maybe' is not yes or no
  veil: bad/values.ini:3: user: 'sometimes' is not yes or no, auto or nobody
  veil: bad/values.ini:4: mount: the mount and pid namespaces are always new; only 'yes' is accepted
  veil: bad/values.ini:6: bind-cwd: 'perhaps' is not yes or no
  veil: bad/values.ini:7: '0799' is not an octal mode
  veil: bad/values.ini:8: 'lots' is not a size (bytes, or a number with k, M, G, T)
  veil: bad/values.ini:9: 'relative/path' is not an absolute path
  veil: bad/values.ini:10: bind takes SRC DEST (2 words), not 1
  veil: bad/values.ini:11: source '/no/such/dir': No such file or directory
  veil: bad/values.ini:12: 'u+x' is not an octal mode
  veil: bad/values.ini:14: set: 'NO_EQUALS_SIGN' is not VAR=VALUE
  veil: bad/values.ini:15: unterminated " in '"LANG TZ'
  125

A tmpfs line that fails leaves nothing behind: its mode= does not become
an error on the lines after it.

  $ printf '[mounts]\ntmpfs = tmp mode=1777\nproc = /proc\ndev = /dev\n' > bad/pending.ini
  $ veil --check-profile bad/pending.ini; echo $?
  veil: bad/pending.ini:2: 'tmp' is not an absolute path
  125

A file whose shape is wrong applies none of its lines, so its values are
checked once the shape is right; but all the shape errors are reported at
once, and so are those of every profile checked.  (Of the lines that are
not INI at all, inih names only the first.)

  $ cat > bad/several.ini <<'EOF'
  > [profile]
  > inherit = default
  > inherit = build
  > [mounts]
  > proc = /proc
  > tmp = /tmp
  > [network]
  > net = yes
  > [env]
  > oops
  > also not ini
  > EOF
  $ veil --check-profile bad/several.ini bad/key.ini build; echo $?
  veil: bad/several.ini:3: a profile inherits from one parent; 'inherit' was already given on line 2
  veil: bad/several.ini:6: unknown key 'tmp' in [mounts]
  veil: bad/several.ini:7: unknown section [network]
  veil: bad/several.ini:10: syntax error: expected [section], key = value, or a comment
  veil: bad/key.ini:3: unknown key 'procfs' in [mounts]
  build: ok
  125

A UTF-8 byte order mark at the start of a file is allowed, and hides
nothing: an unknown section right after it is still one.

  $ printf '\357\273\277[mounts]\nproc = /proc\n' > bom.ini
  $ veil --check-profile ./bom.ini
  ./bom.ini: ok
  $ printf '\357\273\277[bogus]\nproc = /proc\n' > bad/bom.ini
  $ veil --check-profile bad/bom.ini; echo $?
  veil: bad/bom.ini:1: unknown section [bogus]
  125

Inheritance: a parent must exist, and a profile cannot be its own
ancestor; the message names the chain.  Parents are found on the search
path, like -p's names.

  $ mkdir chain
  $ printf '[profile]\ninherit = no-such-parent\n' > chain/orphan.ini
  $ VEIL_PROFILE_PATH="$PWD/chain" veil --check-profile orphan; echo $?
  veil: /*/profiles.t/chain/orphan.ini:2: inherit: no profile 'no-such-parent' on the search path ($VEIL_PROFILE_PATH, $XDG_CONFIG_HOME/veil, /etc/veil/profiles, /*/veil/profiles) (glob)
  125
  $ printf '[profile]\ninherit = b\n' > chain/a.ini
  $ printf '[mounts]\nproc = /proc\n[profile]\ninherit = c\n' > chain/b.ini
  $ printf '[profile]\ninherit = a\n' > chain/c.ini
  $ VEIL_PROFILE_PATH="$PWD/chain" veil --check-profile a; echo $?
  veil: /*/profiles.t/chain/c.ini:2: inherit: inheritance cycle: a -> b -> c -> a (glob)
  125
  $ printf '[profile]\ninherit = self\n' > chain/self.ini
  $ VEIL_PROFILE_PATH="$PWD/chain" veil --check-profile self; echo $?
  veil: /*/profiles.t/chain/self.ini:2: inherit: inheritance cycle: self -> self (glob)
  125
  $ veil --check-profile no-such-profile; echo $?
  veil: profile no-such-profile: no profile 'no-such-profile' on the search path ($VEIL_PROFILE_PATH, $XDG_CONFIG_HOME/veil, /etc/veil/profiles, /*/veil/profiles) (glob)
  125

A broken profile stops a run the same way, before anything is set up.

  $ veil -p bad/key.ini -- echo not run; echo $?
  veil: bad/key.ini:3: unknown key 'procfs' in [mounts]
  125

The search path
---------------

A NAME is looked up in each directory of $VEIL_PROFILE_PATH, then in
$XDG_CONFIG_HOME/veil, then /etc/veil/profiles and the installed copies,
and last among the copies compiled into veil; the first file found wins.
--dry-run names the file each step came from.

  $ veil --dry-run -p cram -- true | grep hostname
  hostname    cram  (<built-in>/cram.ini:11)
  $ mkdir -p xdg/veil one two
  $ printf '[namespaces]\nhostname = from-xdg\n' > xdg/veil/cram.ini
  $ veil --dry-run -p cram -- true | grep hostname
  hostname    from-xdg  (/*/profiles.t/xdg/veil/cram.ini:2) (glob)
  $ printf '[namespaces]\nhostname = from-two\n' > two/cram.ini
  $ VEIL_PROFILE_PATH="$PWD/one:$PWD/two" veil --dry-run -p cram -- true | grep hostname
  hostname    from-two  (/*/profiles.t/two/cram.ini:2) (glob)
  $ printf '[namespaces]\nhostname = from-one\n' > one/cram.ini
  $ VEIL_PROFILE_PATH="$PWD/one:$PWD/two" veil --dry-run -p cram -- true | grep hostname
  hostname    from-one  (/*/profiles.t/one/cram.ini:2) (glob)

Without $XDG_CONFIG_HOME, ~/.config/veil takes its place.

  $ mkdir -p home/.config/veil
  $ printf '[namespaces]\nhostname = from-home\n' > home/.config/veil/cram.ini
  $ env -u XDG_CONFIG_HOME HOME="$PWD/home" veil --dry-run -p cram -- true | grep hostname
  hostname    from-home  (/*/profiles.t/home/.config/veil/cram.ini:2) (glob)

A NAME with a '/' is a file, relative to the working directory, whatever
the search path holds; NAME.ini without one is still a name.

  $ printf '[namespaces]\nhostname = from-here\n' > cram.ini
  $ VEIL_PROFILE_PATH="$PWD/one" veil --dry-run -p ./cram.ini -- true | grep hostname
  hostname    from-here  (./cram.ini:2)
  $ VEIL_PROFILE_PATH="$PWD/one" veil --dry-run -p cram.ini -- true | grep hostname
  hostname    from-one  (/*/profiles.t/one/cram.ini:2) (glob)
  $ rm -r xdg/veil cram.ini

What a profile sets up
----------------------

[root] path is the action root, relative to the working directory; here
the busybox root made by lib.sh, read-only, with [mounts] applied inside
it in file order: the second tmpfs on /tmp hides the first, and the
directory, bind and symlink go into the second.

  $ mkdir data
  $ echo hello > data/greeting
  $ cat > box.ini <<EOF
  > [profile]
  > description = A busybox root
  > [root]
  > path = root
  > readonly = yes
  > chdir = /tmp
  > [mounts]
  > proc = /proc
  > dev = /dev
  > tmpfs = /tmp mode=0700
  > tmpfs = /tmp mode=1777 size=1M
  > dir = /tmp/work mode=0750
  > ro-bind = $PWD/data /tmp/work/data
  > symlink = work/data /tmp/link
  > EOF
  $ veil -p ./box.ini -- sh -c 'pwd; ls /; stat -c "%a %n" /tmp /tmp/work; readlink /tmp/link; cat /tmp/link/greeting'
  /tmp
  bin
  dev
  proc
  sys
  tmp
  1777 /tmp
  750 /tmp/work
  work/data
  hello
  $ veil -p ./box.ini -- sh -c 'touch /new; touch /tmp/work/data/new; touch /tmp/new && echo /tmp is writable'
  touch: /new: Read-only file system
  touch: /tmp/work/data/new: Read-only file system
  /tmp is writable

[env]: clear removes every variable but those a keep line names (before or
after it), then set and unset apply in order.

  $ cat > env.ini <<'EOF'
  > [profile]
  > inherit = default
  > [env]
  > keep = KEEP1
  > clear = yes
  > keep = KEEP2
  > set = PATH=/usr/bin:/bin
  > set = GREETING=hello, world
  > set = TEMPORARY=x
  > unset = TEMPORARY KEEP2
  > EOF
  $ KEEP1=a KEEP2=b DROPPED=c veil -p ./env.ini -- env
  KEEP1=a
  PATH=/usr/bin:/bin
  GREETING=hello, world

[namespaces]: net = yes leaves the action only a loopback interface;
ipc = yes and a host name give it its own IPC and UTS namespaces.

  $ cat > ns.ini <<'EOF'
  > [profile]
  > inherit = default
  > [namespaces]
  > net = yes
  > ipc = yes
  > hostname = box
  > EOF
  $ veil -p ./ns.ini -- ls /sys/class/net
  lo
  $ veil -p ./ns.ini -- hostname
  box
  $ same_ns() { [ "$(readlink /proc/self/ns/$1)" = "$2" ] && echo "$1: the host's" || echo "$1: its own"; }
  $ same_ns ipc "$(veil -p ./ns.ini -- readlink /proc/self/ns/ipc)"
  ipc: its own
  $ same_ns cgroup "$(veil -p ./ns.ini -- readlink /proc/self/ns/cgroup)"
  cgroup: the host's
  $ veil --dry-run -p ./ns.ini -- true | grep '^namespace'
  namespaces  mount pid  (always)
  namespace   net  (./ns.ini:4)
  namespace   ipc  (./ns.ini:5)
  namespace   uts  (./ns.ini:6)

Inheritance
-----------

A child applies after its parent: the parent's steps come first, the
child's add to them, and a single value (here the host name) is the
child's.  [mounts] clear = yes drops the mount steps inherited so far,
but not the root.

  $ mkdir family
  $ cat > family/parent.ini <<'EOF'
  > [profile]
  > description = the parent
  > [root]
  > path = /
  > readonly = yes
  > [namespaces]
  > hostname = parent
  > [mounts]
  > proc = /proc
  > tmpfs = /tmp
  > EOF
  $ cat > family/child.ini <<'EOF'
  > [mounts]
  > dir = /tmp/child
  > [profile]
  > inherit = parent
  > [namespaces]
  > hostname = child
  > EOF
  $ cat > family/fresh.ini <<'EOF'
  > [profile]
  > inherit = child
  > [mounts]
  > clear = yes
  > tmpfs = /scratch
  > EOF
  $ export VEIL_PROFILE_PATH="$PWD/family"
  $ veil --dry-run -p child -- true | grep -E '^(root|proc|tmpfs|dir|hostname) '
  root        / read-only  (/*/profiles.t/family/parent.ini:4) (glob)
  proc        /proc masked  (/*/profiles.t/family/parent.ini:9) (glob)
  tmpfs       /tmp mode=0755  (/*/profiles.t/family/parent.ini:10) (glob)
  dir         /tmp/child mode=0755  (/*/profiles.t/family/child.ini:2) (glob)
  hostname    child  (/*/profiles.t/family/child.ini:6) (glob)
  $ veil --dry-run -p fresh -- true | grep -E '^(root|proc|tmpfs|dir|hostname) '
  root        / read-only  (/*/profiles.t/family/parent.ini:4) (glob)
  tmpfs       /scratch mode=0755  (/*/profiles.t/family/fresh.ini:5) (glob)
  hostname    child  (/*/profiles.t/family/child.ini:6) (glob)

A parent named by a path (with a '/') is found relative to the file that
names it, not to the working directory, so a directory of profiles can be
moved as a whole.

  $ mkdir -p kit elsewhere
  $ printf '[mounts]\ntmpfs = /from-base\n' > kit/base.ini
  $ printf '[profile]\ninherit = ./base.ini\n[mounts]\ndir = /from-base/top\n' > kit/top.ini
  $ cd elsewhere
  $ veil --dry-run -p ../kit/top.ini -- true | grep -E '^(tmpfs|dir) '
  tmpfs       /from-base mode=0755  (../kit/./base.ini:2)
  dir         /from-base/top mode=0755  (../kit/top.ini:4)
  $ cd ..

[root] readonly without a path changes the root inherited.

  $ printf '[profile]\ninherit = parent\n[root]\nreadonly = no\n' > family/writable.ini
  $ veil --dry-run -p writable -- true | grep '^root'
  root        / read-write  (/*/profiles.t/family/parent.ini:4) (glob)
  $ unset VEIL_PROFILE_PATH

Profiles and the command line
-----------------------------

Several -p apply in order, into one plan: the later one's steps after the
earlier one's, its single values over them.  Each brings its parents, but
a parent already applied is not applied again: ns.ini and cram both
inherit default, whose mounts are made once, before ns.ini's lines.

  $ veil --dry-run -p ./ns.ini -p cram -- true | grep -E '^(proc|hostname|setenv) '
  proc        /proc masked  (<built-in>/default.ini:12)
  hostname    cram  (<built-in>/cram.ini:11)
  setenv      LANG=C  (<built-in>/cram.ini:18)
  setenv      LC_ALL=C  (<built-in>/cram.ini:19)
  setenv      TZ=UTC  (<built-in>/cram.ini:20)
  setenv      COLUMNS=80  (<built-in>/cram.ini:21)
  $ veil --dry-run -p ./ns.ini -p cram -- true | grep hostname
  hostname    cram  (<built-in>/cram.ini:11)
  $ veil --dry-run -p cram -p ./ns.ini -- true | grep hostname
  hostname    box  (./ns.ini:6)
  $ veil -p ./ns.ini -p cram -- sh -c 'hostname; echo $TZ; ls /sys/class/net'
  cram
  UTC
  lo

Options apply after every profile, adding to it or overriding it: with
-p, a mount option adds to the profile's (without -p, it would replace
the default profile).  --dry-run names the option for the command line's
steps and FILE:LINE for the profile's.  (The remount-ro is veil's own:
$XDG_CONFIG_HOME is in the working directory here, which is writable, and
veil's configuration stays read-only; see own-config.t.)

  $ veil --dry-run -p build --share-net --tmpfs /scratch --hostname builder --setenv CC cc -- make
  namespaces  mount pid  (always)
  namespace   user  (<built-in>/build.ini:11)
  namespace   ipc  (<built-in>/build.ini:13)
  namespace   uts  (--hostname)
  outside     nobody (65534:65534) when veil is root; writable binds idmapped to their owner  (<built-in>/build.ini:11)
  propagation / private, recursive
  root        / read-only  (<built-in>/default.ini:8)
  proc        /proc masked  (<built-in>/default.ini:12)
  sysfs       /sys read-only masked  (<built-in>/default.ini:13)
  dev         /dev size=65536 shm-size=67108864  (<built-in>/default.ini:14)
  tmpfs       /tmp mode=1777  (<built-in>/default.ini:15)
  dir         /*/tmp mode=1777  (<built-in>/default.ini:16) (glob)
  bind        /*/profiles.t -> /*/profiles.t read-write  (<built-in>/default.ini:17) (glob)
  tmpfs       /run mode=0755  (<built-in>/build.ini:16)
  tmpfs       /scratch mode=0755  (--tmpfs)
  remount-ro  /*/profiles.t/xdg if-present  (keeps veil's configuration /*/profiles.t/xdg/veil from being created) (glob)
  hostname    builder  (--hostname)
  setenv      CC=cc  (--setenv)
  chdir       /*/profiles.t if present, else / (glob)
  security    no_new_privs; descriptors above 2 closed; capabilities none; seccomp none
  landlock    own domain (no ptrace, no signals out); unix sockets made outside: hidden  (<built-in>/build.ini:20)
  exec        make

--share-net keeps the host's network whatever the profile says, and
--root replaces the profile's root, its readonly with it.

  $ same_ns net "$(veil -p build -- readlink /proc/self/ns/net)"
  net: its own
  $ same_ns net "$(veil -p build --share-net -- readlink /proc/self/ns/net)"
  net: the host's
  $ veil -p cram --hostname other -- hostname
  other
  $ veil -p cram --setenv TZ Europe/Paris -- sh -c 'echo $TZ'
  Europe/Paris
  $ veil --dry-run -p default --root "$ROOT" -- true | grep '^root'
  root        /*/profiles.t/root read-write  (--root) (glob)
  $ veil -p default --root "$ROOT" -- sh -c 'touch /new && echo writable root; ls /new' && rm "$ROOT/new"
  writable root
  /new

The shipped profiles at work
----------------------------

build: the host read-only, the working directory writable, no network,
no privileges.

  $ veil -p build -- sh -c 'touch /usr/built; echo built > output; ls /sys/class/net; grep CapEff /proc/self/status | cut -f 2'
  touch: cannot touch '/usr/built': Read-only file system
  lo
  0000000000000000
  $ cat output
  built

Run by root, it is nobody (65534) to the host's files, but for its
working directory, which is idmapped so that what it writes there is the
directory owner's (nobody-builds.t): root's files elsewhere are not its to
read.  A later profile's `user = auto` (or yes, or no) gives that up.

  $ stat -c %u output
  0
  $ veil -p build -- cat /etc/shadow
  cat: /etc/shadow: Permission denied
  [1]
  $ printf '[namespaces]\nuser = auto\n' > root-again.ini
  $ veil -p build -p ./root-again.ini -- head -c 5 /etc/shadow; echo
  root:
  $ veil --dry-run -p build -p ./root-again.ini -- true | grep -c '^outside'
  0
  [1]

cram: the same view, with the locale, time zone, width and host name fixed
whatever the caller's.

  $ LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 LANGUAGE=fr LC_MESSAGES=fr_FR TZ=Asia/Tokyo COLUMNS=200 \
  >   veil -p cram -- sh -c 'echo $LANG $LC_ALL $TZ $COLUMNS ${LANGUAGE-none} ${LC_MESSAGES-none}; hostname; date -d @0'
  C C UTC 80 none none
  cram
  Thu Jan  1 00:00:00 UTC 1970
  $ veil -p cram -- sh -c 'echo in the test directory > written; cat written'
  in the test directory

bazel and buildbarn name no root: the caller gives one.

  $ veil -p buildbarn --root "$ROOT" -- sh -c 'ls /; hostname; ls /sys/class/net; stat -c %a /tmp'
  bin
  dev
  proc
  sys
  tmp
  localhost
  lo
  1777
  $ veil -p bazel --root "$ROOT" -- sh -c 'hostname; ls /sys/class/net; stat -c %a /tmp /dev/shm'
  localhost
  lo
  1777
  1777

strict: every namespace new, a user namespace included; the host
read-only, the working directory too; the one writable place a 256 MiB
/tmp, where the command starts; an environment of its own; tight limits.
(It runs from a directory outside /tmp, as a private /tmp would hide
cram's.)

  $ work=$(mktemp -d /var/tmp/veil-profiles.XXXXXX)
  $ chmod 755 "$work"
  $ cd "$work"
  $ TERM=dumb veil -p strict -- env
  TERM=dumb
  PATH=/usr/local/bin:/usr/bin:/bin
  HOME=/tmp
  LANG=C.UTF-8
  $ veil -p strict -- sh -c 'pwd; hostname; ls /sys/class/net; touch "$1/x"; touch /tmp/x && echo /tmp is writable; df -k /tmp | tail -n 1; ulimit -n; ulimit -c' sh "$work"
  /tmp
  sandbox
  lo
  touch: cannot touch '/var/tmp/veil-profiles.*/x': Read-only file system (glob)
  /tmp is writable
  tmpfs * 262144 * 0 * 262144 * 0% /tmp (glob)
  1024
  0
  $ for ns in user net ipc uts cgroup; do same_ns $ns "$(veil -p strict -- readlink /proc/self/ns/$ns)"; done
  user: its own
  net: its own
  ipc: its own
  uts: its own
  cgroup: its own
  $ veil --dry-run -p strict -- true | grep -E '^(namespaces|timeout|security)'
  namespaces  mount pid  (always)
  timeout     600s, then SIGKILL after 2s  (<built-in>/strict.ini:49)
  security    no_new_privs; descriptors above 2 closed; new session; own pty when stdin is a terminal; capabilities none; seccomp default, 17 rules
  $ cd - > /dev/null
  $ rm -r "$work"
