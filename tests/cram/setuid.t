veil is not a setuid program: it is not written to defend itself against
the user who runs it, and a user who is not root needs no privilege from
it (veil makes a user namespace for them).  Installed set-user-ID,
set-group-ID or with file capabilities, it refuses to run, before it does
anything else, --help and --version included.

The copies below are run by nobody (65534), from a directory of their own
(cram's is root's alone), and removed at the end.  Set-user-ID programs
need a filesystem mounted without nosuid: when /tmp has none, a copy of
id(1) says so, and the transcript is skipped.

  $ U=$(mktemp -d /tmp/veil-setuid.XXXXXX) && chmod 755 "$U" && trap 'rm -rf "$U"' EXIT
  $ as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  $ cp "$(command -v id)" "$U/id" && chmod 4755 "$U/id"
  $ [ "$(as_nobody "$U/id" -u)" = 0 ] || {
  >   echo "set-user-ID programs do not work in /tmp here (mounted nosuid?)" > "$TESTDIR/$TESTFILE.skip"
  >   exit 80; }
  $ cp "$(command -v veil)" "$U/veil"

Set-user-ID root:

  $ chmod 4755 "$U/veil"
  $ as_nobody "$U/veil" -- true; echo $?
  veil: veil is not a setuid program; remove its set-user-ID and set-group-ID bits and file capabilities (chmod u-s,g-s; setcap -r) and run it as yourself: a caller who is not root gets a user namespace of its own
  125
  $ as_nobody "$U/veil" --version; echo $?
  veil: veil is not a setuid program; remove its set-user-ID and set-group-ID bits and file capabilities (chmod u-s,g-s; setcap -r) and run it as yourself: a caller who is not root gets a user namespace of its own
  125

Set-group-ID root:

  $ chmod 2755 "$U/veil"
  $ as_nobody "$U/veil" --help; echo $?
  veil: veil is not a setuid program; remove its set-user-ID and set-group-ID bits and file capabilities (chmod u-s,g-s; setcap -r) and run it as yourself: a caller who is not root gets a user namespace of its own
  125

With a file capability (CAP_NET_RAW, effective and permitted, written as
the security.capability attribute that setcap(8) would write): the user
and group ids do not change, but the kernel marks the program's start as
secure (AT_SECURE), and that is enough:

  $ chmod 755 "$U/veil"
  $ python3 -c 'import os, struct, sys; os.setxattr(sys.argv[1], "security.capability",
  >   struct.pack("<5I", 0x02000001, 1 << 13, 0, 0, 0))' "$U/veil"
  $ as_nobody "$U/veil" --version; echo $?
  veil: veil is not a setuid program; remove its set-user-ID and set-group-ID bits and file capabilities (chmod u-s,g-s; setcap -r) and run it as yourself: a caller who is not root gets a user namespace of its own
  125

Root gains nothing from that capability, so veil runs for root:

  $ "$U/veil" --version > /dev/null && echo runs
  runs

And a plain copy runs for anyone:

  $ python3 -c 'import os, sys; os.removexattr(sys.argv[1], "security.capability")' "$U/veil"
  $ as_nobody "$U/veil" --version > /dev/null && echo runs
  runs
  $ (cd "$U" && as_nobody "$U/veil" -- id -u)
  65534
