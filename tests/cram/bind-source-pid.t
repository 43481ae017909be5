--bind-source-pid PID resolves every bind source (not the root) in another
process's view of the filesystem, through /proc/PID/root.  Here that
process has a mount namespace of its own, with a private tmpfs on a
directory that the host sees empty but for one file of its own.

  $ . "$TESTS/lib.sh"
  $ mkdir view
  $ echo from-the-host > view/host-only
  $ unshare -m sh -c "mount -t tmpfs t '$PWD/view' && echo from-its-view > '$PWD/view/f' && touch ready && exec sleep 60" &
  $ pid=$!
  $ i=0; while [ ! -e ready ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done; ls ready
  ready

The source is the file in its view, which the host does not have.

  $ ls view
  host-only
  $ veil --bind-source-pid $pid --root "$ROOT" --ro-bind "$PWD/view/f" /f -- cat /f
  from-its-view

It holds for every bind source of the plan, wherever it is given on the
command line, and --dry-run shows it on a line of its own.

  $ veil --root "$ROOT" --ro-bind "$PWD/view/f" /f --bind-source-pid $pid -- cat /f
  from-its-view
  $ veil --dry-run --root "$ROOT" --ro-bind "$PWD/view/f" /f --bind-source-pid $pid -- cat /f \
  >   | grep -E '^(sources|bind) ' | sed "s/$pid/PID/; s|$PWD|PWD|"
  sources     bind sources in /proc/PID/root  (--bind-source-pid)
  bind        PWD/view/f -> /f read-only  (--ro-bind)

What only the host has is missing in its view: an error for a bind, and a
skipped step for a -try bind.

  $ veil --bind-source-pid $pid --root "$ROOT" --ro-bind "$PWD/view/host-only" /g -- true 2>&1 \
  >   | sed "s/$pid/PID/; s|$PWD|PWD|"
  veil: --ro-bind: source 'PWD/view/host-only' (in the view of process PID): No such file or directory
  $ veil --bind-source-pid $pid --root "$ROOT" --ro-bind-try "$PWD/view/host-only" /g -- \
  >   sh -c 'test -e /g || echo skipped'
  skipped

A relative source means nothing in another view.

  $ veil --bind-source-pid $pid --root "$ROOT" --ro-bind view/f /f -- true 2>&1 | sed "s/$pid/PID/"
  veil: --ro-bind: source 'view/f' is relative, which means nothing in another process's view (--bind-source-pid PID)

0 is veil's own view, as without the option.

  $ veil --bind-source-pid 0 --root "$ROOT" --ro-bind "$PWD/view/host-only" /g -- cat /g
  from-the-host

A process that is gone, or a PID that is not a number, is exit 125.

  $ kill $pid; wait $pid 2>/dev/null || true
  $ veil --bind-source-pid $pid --root "$ROOT" --ro-bind "$PWD/view/f" /f -- true 2>&1 \
  >   | sed "s/$pid/PID/"
  veil: --bind-source-pid: process PID: No such process
  $ veil --bind-source-pid $pid --root "$ROOT" -- true 2>/dev/null; echo $?
  125
  $ veil --bind-source-pid -1 --root "$ROOT" -- true
  veil: --bind-source-pid: '-1' is not a number (0 to 2147483647)
  [125]

The process is pinned once, when the option is read (a pidfd, and its root
and mount namespace opened while the pidfd showed it alive): its number is
never looked up again, so a process that took the number meanwhile is
never the one whose view is used.

A process whose view another user may have chosen is refused unless
--trust-source-pid says otherwise: any user can make a user namespace of
its own and mount what it likes there.  Here nobody puts a tmpfs over /etc
with a /etc/passwd of its own, which an action run by root must not take
for the host's:

  $ planted=$(mktemp -d /tmp/veil-planted.XXXXXX) && chmod 777 "$planted"
  $ setpriv --reuid 65534 --regid 65534 --clear-groups unshare -Urm sh -c \
  >   "mount -t tmpfs t /etc && echo planted > /etc/passwd && touch '$planted/ready' && exec sleep 60" &
  $ pid=$!
  $ i=0; while [ ! -e "$planted/ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done; ls "$planted"
  ready
  $ veil --bind-source-pid $pid --root "$ROOT" --ro-bind /etc/passwd /etc/passwd -- cat /etc/passwd 2>&1 \
  >   | sed "s/$pid/PID/"
  veil: --bind-source-pid: process PID belongs to uid 65534, not to veil's caller (uid 0), who may have put anything in its view (add --trust-source-pid to use it anyway)
  $ veil --bind-source-pid $pid --root "$ROOT" -- true 2>/dev/null; echo $?
  125
  $ veil --bind-source-pid $pid --trust-source-pid --root "$ROOT" --ro-bind /etc/passwd /etc/passwd -- cat /etc/passwd
  planted
  $ kill $pid; wait $pid 2>/dev/null || true

The same for a process of root's own in another user namespace:

  $ rm "$planted/ready"
  $ unshare -Urm sh -c "touch '$planted/ready' && exec sleep 60" &
  $ pid=$!
  $ i=0; while [ ! -e "$planted/ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done; ls "$planted"
  ready
  $ veil --bind-source-pid $pid --root "$ROOT" -- true 2>&1 | sed "s/$pid/PID/"
  veil: --bind-source-pid: process PID is in another user namespace than veil, who may have put anything in its view (add --trust-source-pid to use it anyway)
  $ veil --dry-run --bind-source-pid $pid --trust-source-pid --root "$ROOT" -- true | grep '^sources' \
  >   | sed "s/$pid/PID/"
  sources     bind sources in /proc/PID/root, trusted  (--bind-source-pid)
  $ kill $pid; wait $pid 2>/dev/null || true
  $ rm -r "$planted"
