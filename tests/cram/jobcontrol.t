Job control, with the command in a process group of its own (signals.t):
veil is a job of the user's shell like any command, and the command still
gets the terminal when it reads from it, stops with Ctrl-Z, and goes on
with fg.

pty-run gives an interactive bash (the user's shell) a terminal of its own
and types at it: each --on TEXT KEYS types KEYS once TEXT has been printed
(\x1a is Ctrl-Z, \x03 Ctrl-C); its prompt is "sh> ".  The terminal does not echo, so what is
typed does not show, but bash's job messages do.

  $ command -v bash > /dev/null || {
  >   echo "no bash to stand for the user's shell" > "$TESTDIR/$TESTFILE.skip"; exit 80; }
  $ . "$TESTS/lib.sh"
  $ echo "PS1='sh> '" > rc
  $ shell() { "$TESTS/pty-run" "$@" bash --rcfile rc --noediting -i; }

A command that reads a line.  It is stopped with Ctrl-Z while it waits:
the whole veil job is, as the shell sees it; fg gives it the terminal
again, and it reads the line typed then:

  $ shell --on 'sh> ' "veil --root $ROOT -- sh -c 'echo ready; head -n 1'\n" \
  >   --on ready '\x1a' --on 'sh> ' 'jobs\n' --on 'sh> ' 'fg\n' --on head 'hello\n' \
  >   --on 'sh> ' 'echo "veil exited with $?"; exit\n'
  sh> ready
  
  [1]+  Stopped                 veil --root /*/root -- sh -c 'echo ready; head -n 1' (glob)
  sh> [1]+  Stopped                 veil --root /*/root -- sh -c 'echo ready; head -n 1' (glob)
  sh> veil --root /*/root -- sh -c 'echo ready; head -n 1' (glob)
  hello
  sh> veil exited with 0
  exit

Started in the background, it is stopped when it reads, as any job that
reads its terminal from the background ("tty input"), and reads once it is
brought to the foreground:

  $ shell --on 'sh> ' "veil --root $ROOT -- head -n 1 &\n" --on 'sh> ' 'sleep 1\n' \
  >   --on Stopped '' --on 'sh> ' 'jobs -l\n' --on 'tty input' '' --on 'sh> ' 'fg\n' \
  >   --on head 'hello\n' --on 'sh> ' 'exit\n'
  sh> [1] * (glob)
  sh> 
  [1]+  Stopped                 veil --root /*/root -- head -n 1 (glob)
  sh> [1]+ * Stopped (tty input) * veil --root /*/root -- head -n 1 (glob)
  sh> veil --root /*/root -- head -n 1 (glob)
  hello
  sh> exit

veil gives the terminal to the command's group from the start when its
standard output is the terminal too, as above; when it is not (veil --
make | less), the terminal stays with veil's job, in which another command
may use it, until the command asks for it by reading.  Here the other
command reads from the terminal itself, while the command runs:

  $ shell --on 'sh> ' "veil --root $ROOT -- sh -c 'sleep 2; echo from the command' | { sleep 0.5; echo reading >&2; read x < /dev/tty; echo \"the other read: \$x\"; cat; }\n" \
  >   --on reading 'a line\n' --on 'sh> ' 'exit\n'
  sh> reading
  the other read: a line
  from the command
  sh> exit

Ctrl-C reaches the command once, whether veil's group has the terminal
(the terminal's SIGINT goes to veil's group, and pid 1 passes it on; the
other command of the job ignores it here) or the command's group has it
(the terminal sends it to the command's group directly):

  $ cat > "$ROOT/count" <<'EOF'
  > trap 'n=$((n + 1)); echo "SIGINT $n"' INT
  > [ "$1" = read ] && echo reading && head -n 1
  > echo ready
  > while [ -z "$n" ]; do sleep 0.1; done
  > sleep 0.5
  > echo "$n SIGINT in all"
  > EOF
  $ shell --on 'sh> ' "veil --root $ROOT -- sh /count | { trap '' INT; cat; }\n" --on ready '\x03' \
  >   --on 'sh> ' 'exit\n'
  sh> ready
  SIGINT 1
  1 SIGINT in all
  sh> exit
  $ shell --on 'sh> ' "veil --root $ROOT -- sh /count\n" --on ready '\x03' \
  >   --on 'sh> ' 'exit\n'
  sh> ready
  SIGINT 1
  1 SIGINT in all
  sh> exit
  $ shell --on 'sh> ' "veil --root $ROOT -- sh /count read | { trap '' INT; cat; }\n" \
  >   --on reading 'a line\n' --on ready '\x03' --on 'sh> ' 'exit\n'
  sh> reading
  a line
  ready
  SIGINT 1
  1 SIGINT in all
  sh> exit

An interactive shell inside keeps its own job control, on the same
terminal: a job of its own stopped with Ctrl-Z, brought back (Ctrl-C is
typed once it says it goes on), interrupted;
once it exits, the user's shell has the terminal again:

  $ shell --on 'sh> ' "veil --root $ROOT --setenv PS1 'inner> ' -- sh -i\n" \
  >   --on 'inner> ' 'sh -c "echo started; sleep 1; echo part$((1+1)); sleep 30"\n' --on started '\x1a' \
  >   --on 'inner> ' 'jobs\n' --on 'inner> ' 'fg\n' --on part2 '\x03' \
  >   --on 'inner> ' 'exit 7\n' --on 'sh> ' 'echo "veil exited with $?"; exit\n'
  sh> 
  
  BusyBox v* built-in shell (ash) (glob)
  Enter 'help' for a list of built-in commands.
  
  inner> started
  [1]+  Stopped                    sh -c "echo started; sleep 1; echo part$((1+1)); sleep 30"
  inner> [1]+  Stopped                    sh -c "echo started; sleep 1; echo part$((1+1)); sleep 30"
  inner> sh -c "echo started; sleep 1; echo part$((1+1)); sleep 30"
  part2
  
  inner> sh> veil exited with 7
  exit

A shell without job control does not take the terminal back when a
command ends: veil gives it back to its own group, in which that shell is,
before it exits, so that the shell can go on reading from it:

  $ "$TESTS/pty-run" --on reading 'for the command\n' --on 'read:' 'for the shell\n' \
  >   sh -c "veil --root $ROOT -- sh -c 'echo reading; head -n 1 | sed s/^/read:\ /'
  >   read line && echo \"the shell read: \$line\""
  reading
  read: for the command
  the shell read: for the shell

Without a terminal nothing of this happens: the command is in its own
group all the same, and pid 1 in a session of its own (leaks.t).

  $ veil --root "$ROOT" --proc /proc -- ps -o pid,pgid,comm < /dev/null
  PID   PGID  COMMAND
      1     1 veil
      2     2 ps
