Without a controlling terminal (a runner, CI, this transcript) pid 1 and
the command are in a session of their own (leaks.t), and what a session
owns is then not the caller's to change from inside: its scheduler
autogroup, which any process of the session may make nicer, for every
process of the session, and for good.  A runner's actions could otherwise
slow down the runner and every action it starts after them.  (The kernel
takes one such change per tenth of a second, hence the sleeps.)

  $ [ -e /proc/self/autogroup ] || {
  >   echo "no scheduler autogroups here" > "$TESTDIR/$TESTFILE.skip"; exit 80; }
  $ . "$TESTS/lib.sh"
  $ before=$(sed 's/.*nice //' /proc/self/autogroup)
  $ veil --root "$ROOT" --proc /proc -- sh -c 'sleep 0.2; echo 19 > /proc/self/autogroup && echo niced; sed "s/.*nice //" /proc/self/autogroup'
  niced
  19
  $ sleep 0.2; [ "$(sed 's/.*nice //' /proc/self/autogroup)" = "$before" ] && echo "the caller's autogroup is as it was"
  the caller's autogroup is as it was

Against veil before this, the command's session was the caller's, and
the last line failed: the caller's autogroup was at nice 19.

With a controlling terminal the session is shared, for job control: there
the command can still make the caller's session nicer (docs/security.md).
