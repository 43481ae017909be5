Paths that could lead veil somewhere else than where it was asked to go:
a working directory swapped for a symlink, symlinks in the action root
that point at files bound in from the host, and a $TMPDIR that is already
there.  Each attack is run, and the host checked to be unchanged.

  $ . "$TESTS/lib.sh"

--bind-cwd binds the directory veil was started in
--------------------------------------------------

veil binds the working directory it was started in: that directory, not
whatever its path leads to by the time veil binds it.  Here the caller is
in x/proj; then, before veil runs, what the path x/proj names changes (a
tmpfs mounted on x, in a mount namespace of unshare(1)'s, with a symlink
x/proj -> canary in it: the same as an attacker who renames x/proj away
and plants that symlink while veil starts).  The caller's directory is
still the real x/proj, and its path is still the same string.

  $ mkdir -p x/proj canary
  $ export D="$PWD"
  $ unshare -m sh -c '
  >   cd x/proj &&
  >   mount -t tmpfs tmpfs "$D/x" && ln -s "$D/canary" "$D/x/proj" &&
  >   veil -- sh -c "pwd; touch made-by-the-action"'
  /*/hostile-paths.t/x/proj (glob)

What the action wrote is in the real directory, and nothing is in the
canary:

  $ ls x/proj
  made-by-the-action
  $ ls -A canary

--dry-run still says which directory that is, by its path:

  $ (cd x/proj && veil --dry-run -- true | grep '^bind ')
  bind        /*/hostile-paths.t/x/proj -> /*/hostile-paths.t/x/proj read-write  (<built-in>/default.ini:17) (glob)

--chmod and --perms follow no symlink
-------------------------------------

The action root is the attacker's: it links etc/app.conf to /hostfile,
which the caller binds in from the host (a file of its own, standing for
any), and etc/null.conf to a device node bound in the same way.  A --chmod
of either path would change the host's file or device node.  veil refuses
it: --chmod follows no symlink, not even one inside the root.

  $ echo host > hostfile && chmod 0644 hostfile
  $ mknod hostnull c 1 3 && chmod 0666 hostnull
  $ mkdir hostdir && chmod 0755 hostdir
  $ echo host > hostdir/file && chmod 0644 hostdir/file
  $ mkdir -p "$ROOT/etc"
  $ ln -s /hostfile "$ROOT/etc/app.conf"
  $ ln -s /hostnull "$ROOT/etc/null.conf"
  $ ln -s /hostdir "$ROOT/etc/app.d"
  $ veil --root "$ROOT" --bind "$PWD/hostfile" /hostfile --chmod 0640 /etc/app.conf -- true
  veil: chmod (--chmod): cannot change the mode: /etc/app.conf: it is or passes through a symbolic link, which veil does not follow here
  [125]
  $ veil --root "$ROOT" --dev-bind "$PWD/hostnull" /hostnull --chmod 0600 /etc/null.conf -- true
  veil: chmod (--chmod): cannot change the mode: /etc/null.conf: it is or passes through a symbolic link, which veil does not follow here
  [125]

A symlink on the way is refused as well, and so is --perms on an existing
directory reached through one:

  $ veil --root "$ROOT" --bind "$PWD/hostdir" /hostdir --chmod 0600 /etc/app.d/file -- true
  veil: chmod (--chmod): cannot change the mode: /etc/app.d/file: it is or passes through a symbolic link, which veil does not follow here
  [125]
  $ veil --root "$ROOT" --bind "$PWD/hostdir" /hostdir --perms 0700 --dir /etc/app.d -- true
  veil: dir (--dir): cannot change the mode: /etc/app.d: it is or passes through a symbolic link, which veil does not follow here
  [125]

Only regular files and directories have their mode changed: not a device
node, even one named by its own path.

  $ veil --root "$ROOT" --dev-bind "$PWD/hostnull" /hostnull --chmod 0600 /hostnull -- true
  veil: chmod (--chmod): cannot change the mode of /hostnull: not a regular file or a directory
  [125]

The host's file, device node and directory have their modes still:

  $ stat -c '%a %F %n' hostfile hostnull hostdir hostdir/file
  644 regular file hostfile
  666 character special file hostnull
  755 directory hostdir
  644 regular file hostdir/file

--keep-tmpdir leaves an existing directory alone
------------------------------------------------

With the host's /tmp bound in, $TMPDIR is already there: the caller's own
0700 directory (as libpam-tmpdir makes one).  --keep-tmpdir creates
$TMPDIR, mode 1777, only when it is missing; one that is there keeps its
mode, on the host too.

  $ mkdir -m 0700 private-tmp
  $ TMPDIR="$PWD/private-tmp" veil --ro-bind / / --bind /tmp /tmp --keep-tmpdir -- \
  >   stat -c '%a %n' "$PWD/private-tmp"
  700 /*/hostile-paths.t/private-tmp (glob)
  $ stat -c '%a %n' private-tmp
  700 private-tmp

In a private /tmp it is made, world-writable like /tmp:

  $ TMPDIR="$PWD/private-tmp" veil --ro-bind / / --tmpfs /tmp --keep-tmpdir -- \
  >   stat -c '%a %n' "$PWD/private-tmp"
  1777 /*/hostile-paths.t/private-tmp (glob)
