--pty ([security] pty = yes, which the strict profile sets): when stdin
is a terminal, the command's terminal is a pseudo-terminal of the
sandbox's own, and veil relays between it and the caller's.  Whatever the
command does to its terminal (settings, TIOCEXCL, flow control, line
discipline) is done to its own pty, which is gone when the action ends.

pty-run gives the caller a terminal of its own (which does not echo) and
types at it: each --on TEXT KEYS types KEYS once TEXT has been printed.

  $ . "$TESTS/lib.sh"
  $ cp "$HELPERS/syscall-probe" "$ROOT/bin/"
  $ probe="--ro-bind $ROOT/bin/syscall-probe /tmp/probe"

The caller's terminal, as the tests look at it: its settings, and whether
it is exclusive (TIOCGEXCL).

  $ cat > state <<'EOF'
  > stty -g
  > python3 -c 'import fcntl, struct
  > x = struct.unpack("i", fcntl.ioctl(0, 0x80045440, bytes(4)))[0]
  > print("exclusive" if x else "not exclusive")'
  > EOF
  $ cat > changes <<'EOF'
  > tty
  > stty raw -echo tostop rows 5 cols 7 && echo settings changed
  > /tmp/probe tiocexcl-stdin
  > EOF
  $ cp changes "$ROOT/changes"

Without --pty the command's terminal is the caller's, reachable through
fds 0-2 (though not in the sandbox's /dev: "not a tty"): the changes
outlive the action, and the caller's shell is left with a raw, exclusive
terminal:

  $ "$TESTS/pty-run" sh -c "sh state > before
  >   veil --root $ROOT $probe -- sh /changes
  >   sh state > after; diff -q before after > /dev/null || echo the caller\'s terminal changed
  >   tail -n 1 after"
  not a tty
  settings changed
  tiocexcl-stdin: ok
  the caller's terminal changed
  exclusive

With --pty, and under strict, they are made to the action's own pty (the
first of its own devpts), and the caller's terminal is as it was:

  $ "$TESTS/pty-run" sh -c "sh state > before
  >   veil --root $ROOT --dev /dev $probe --pty -- sh /changes
  >   sh state > after; cmp before after && echo the caller\'s terminal is as it was
  >   tail -n 1 after"
  /dev/pts/0
  settings changed
  tiocexcl-stdin: ok
  the caller's terminal is as it was
  not exclusive
  $ "$TESTS/pty-run" sh -c "sh state > before
  >   veil -p strict $probe --ro-bind \"$PWD/changes\" /tmp/changes --seccomp none -- sh /tmp/changes
  >   sh state > after; cmp before after && echo the caller\'s terminal is as it was"
  /dev/pts/0
  settings changed
  tiocexcl-stdin: ok
  the caller's terminal is as it was

The pty starts with the caller's settings and window size:

  $ "$TESTS/pty-run" sh -c "stty rows 33 cols 111 -echo; veil -p strict -- sh -c 'stty size; stty -a | tr \" \" \"\\n\" | grep -x -- -echo'"
  33 111
  -echo

and follows it when it changes (SIGWINCH: veil sets the pty's size, the
kernel tells the command):

  $ "$TESTS/pty-run" --resize-on ready 42 132 veil -p strict -- sh -c '
  >   trap "stty size; exit" WINCH; echo ready; while :; do sleep 0.1; done'
  ready
  42 132

Without a pty, the command's group gets SIGWINCH from the terminal when it
has the terminal, and from veil when veil's group has it (here veil's
standard output is not the terminal, so the command's group does not get
it from the start):

  $ "$TESTS/pty-run" --resize-on ready 42 132 sh -c "veil --root $ROOT --unsetenv COLUMNS -- sh -c '
  >   trap \"stty size; exit\" WINCH; echo ready >&2; while :; do sleep 0.1; done' | cat"
  ready
  42 132

What is typed reaches the command, Ctrl-C included (the caller's terminal
is raw: the pty makes SIGINT of it, once):

  $ "$TESTS/pty-run" --on ready 'a line\n' --on 'read:' '\x03' veil -p strict -- sh -c '
  >   trap "echo SIGINT; exit 3" INT; echo ready; read line; echo "read: $line"; sleep 5'
  ready
  read: a line
  SIGINT
  [3]

With stdin not a terminal there is no pty: the command's terminal, if
any, is still the caller's on stdout and stderr (see the security notes):

  $ "$TESTS/pty-run" sh -c "veil -p strict -- sh -c 'tty; readlink /proc/self/fd/1' < /dev/null"
  not a tty
  /dev/pts/[0-9]* (re)

Job control: Ctrl-Z (typed into the pty, which stops the command) stops
veil's job too, with the caller's terminal as it was before veil made it
raw; fg makes it raw again and the command goes on:

  $ command -v bash > /dev/null || {
  >   echo "no bash to stand for the user's shell" > "$TESTS/$TESTFILE.skip"; exit 80; }
  $ echo "PS1='sh> '" > rc
  $ shell() { "$TESTS/pty-run" "$@" bash --rcfile rc --noediting -i; }
  $ shell --on 'sh> ' "sh state > before; veil -p strict -- sh -c 'echo ready; read line; echo \"read: \$line\"'\n" \
  >   --on ready '\x1a' --on 'sh> ' 'sh state | cmp - before && echo as it was; fg\n' \
  >   --on strict 'a line\n' --on 'sh> ' 'exit\n'
  sh> ready
  
  [1]+  Stopped                 veil -p strict -- sh -c 'echo ready; read line; echo "read: $line"'
  sh> as it was
  veil -p strict -- sh -c 'echo ready; read line; echo "read: $line"'
  read: a line
  sh> exit

An action in the background reads nothing typed at the shell in the
foreground: veil relays what is typed only while its job is in the
foreground (with --new-session alone, a background command reads from the
caller's terminal, which is not its controlling terminal, unhindered):

  $ shell --on 'sh> ' "veil -p strict -- sh -c 'echo started; read line; echo \"the action read: \$line\"' &\n" \
  >   --on started 'echo typed at the shell\n' --on 'sh> ' 'kill %1; wait\n' --on 'sh> ' 'exit\n'
  sh> [1] * (glob)
  sh> started
  typed at the shell
  sh> [1]+  Exit 143                veil -p strict -- sh -c 'echo started; read line; echo "the action read: $line"'
  sh> exit

--pty wants a /dev/ptmx in the sandbox (a --dev, as the profiles that have
a /dev mount):

  $ "$TESTS/pty-run" veil --root "$ROOT" --pty -- true
  veil: --pty: cannot open /dev/ptmx in the sandbox: No such file or directory
  [125]
  $ veil --dry-run --root "$ROOT" --pty -- true | grep ^security
  security    no_new_privs; descriptors above 2 closed; own pty when stdin is a terminal; capabilities none; seccomp none
