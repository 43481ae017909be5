veil exits with the command's own status, 128+N when the command is
killed by signal N, 126 when it cannot be run, 127 when it is not found,
and 125 when veil itself fails.

  $ . "$TESTS/lib.sh"

  $ veil --root "$ROOT" -- true; echo $?
  0
  $ veil --root "$ROOT" -- sh -c 'exit 42'; echo $?
  42
  $ veil --root "$ROOT" -- sh -c 'kill -TERM $$'; echo $?
  143
  $ veil --root "$ROOT" -- sh -c 'kill -KILL $$'; echo $?
  137

A command that is not there, and one that is not executable:

  $ veil --root "$ROOT" -- no-such-command; echo $?
  veil: no-such-command: No such file or directory
  127
  $ touch "$ROOT/not-executable"
  $ veil --root "$ROOT" -- /not-executable; echo $?
  veil: /not-executable: Permission denied
  126

veil's own failures, before anything is set up and during setup:

  $ veil --no-such-option -- true; echo $?
  veil: unknown option '--no-such-option'
  Try 'veil --help' for more information.
  125
  $ veil --root "$ROOT" --bind /no/such/source /x -- true; echo $?
  veil: --bind: source '/no/such/source': No such file or directory
  125
  $ veil --root "$ROOT" --bind "$ROOT/bin/busybox" /bin -- true; echo $?
  veil: bind (--bind): cannot bind /tmp/*/root/bin/busybox, not a directory, on /bin, a directory (glob)
  125
