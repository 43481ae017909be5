What reaches the command of veil's and of its caller's: file descriptors,
the supervisor (pid 1, which runs veil's code with veil's privileges) and
the caller's terminal.

  $ . "$TESTS/lib.sh"
  $ echo inherited > file

File descriptors
----------------

A descriptor the caller passes to veil (3 here) does not reach the
command, and neither does any of veil's own: the shell has 0, 1 and 2, and
reading 3 fails.

  $ veil --root "$ROOT" --proc /proc -- sh -c 'ls /proc/$$/fd; cat <&3' 3<file
  0
  1
  2
  sh: 3: Bad file descriptor
  [1]

--keep-fd N keeps N open; the option may be repeated, and the others are
still closed (5 and 9 here):

  $ veil --root "$ROOT" --proc /proc --keep-fd 3 -- sh -c 'ls /proc/$$/fd; cat <&3' 3<file
  0
  1
  2
  3
  inherited
  $ veil --root "$ROOT" --proc /proc --keep-fd 7 --keep-fd 3 -- sh -c 'ls /proc/$$/fd; cat <&7' \
  >   3<file 5<file 7<file 9<file
  0
  1
  2
  3
  7
  inherited

0, 1 and 2 are always kept, so keeping them changes nothing; keeping a
descriptor that is not open is no error (-v says so):

  $ veil --root "$ROOT" --proc /proc --keep-fd 0 --keep-fd 2 -- sh -c 'ls /proc/$$/fd; :' 3<file
  0
  1
  2
  $ veil -v --root "$ROOT" --keep-fd 8 -- true 2>&1 | grep descriptor
  veil: --keep-fd 8: descriptor 8 is not open

--dry-run lists the descriptors kept:

  $ veil --dry-run --root "$ROOT" --keep-fd 9 --keep-fd 3 --keep-fd 1 -- true | grep ^security
  security    no_new_privs; descriptors above 2 closed but 3 9; capabilities none; seccomp none

N is a descriptor number, from 0 to 2147483647:

  $ veil --keep-fd -1 -- true; echo $?
  veil: --keep-fd: '-1' is not a number (0 to 2147483647)
  125
  $ veil --keep-fd stdin -- true; echo $?
  veil: --keep-fd: 'stdin' is not a number (0 to 2147483647)
  125
  $ veil --keep-fd 2147483648 -- true; echo $?
  veil: --keep-fd: '2147483648' is out of range (0 to 2147483647)
  125

The supervisor
--------------

pid 1 is veil, and veil runs as the caller: for root, with every
capability (in the host's user namespace, or with --unshare-user in one of
its own), while the command has none.  Were the command let into pid 1, it
could ptrace it or write its memory through /proc/1/mem and so get those
capabilities back, or open veil's own binary through /proc/1/exe and
rewrite it for the next run (CVE-2019-5736, in runc).  The kernel keeps a
process out of one that has capabilities it lacks; and pid 1 is not
dumpable, which keeps out even a command that has every capability pid 1
has, unless it has CAP_SYS_PTRACE in the host's user namespace.  pid 1's
memory, executable, descriptors, root and environment cannot be opened;
only the names in /proc/1/fd can be listed (the directory belongs to root,
and so does the command).

  $ cp "$(command -v veil)" veil.before
  $ attempts='ls /proc/1/fd; true < /proc/1/fd/2; head -c 1 /proc/1/mem; readlink /proc/1/exe || echo no link;
  >   echo x >> /proc/1/exe; ls /proc/1/root/'
  $ veil --root "$ROOT" --proc /proc -- sh -c "$attempts; cat /proc/1/environ > /dev/null"
  0
  1
  2
  sh: can't open /proc/1/fd/2: Permission denied
  head: /proc/1/mem: Permission denied
  no link
  sh: can't create /proc/1/exe: Permission denied
  ls: /proc/1/root/: Permission denied
  cat: can't open '/proc/1/environ': Permission denied
  [1]

With --unshare-user, --cap-add ALL keeps every capability of the new user
namespace, those pid 1 has included, and none in the host's, where pid 1's
memory belongs: that pid 1 is not dumpable is what keeps the command out.

  $ veil --root "$ROOT" --proc /proc --unshare-user --cap-add ALL -- sh -c "$attempts; cat /proc/1/environ > /dev/null"
  0
  1
  2
  sh: can't open /proc/1/fd/2: Permission denied
  head: /proc/1/mem: Permission denied
  no link
  sh: can't create /proc/1/exe: Permission denied
  ls: /proc/1/root/: Permission denied
  cat: can't open '/proc/1/environ': Permission denied
  [1]

The command itself is dumpable as usual once executed: a process it starts
can read its environment.

  $ veil --root "$ROOT" --proc /proc -- sh -c 'cat /proc/$$/environ > /dev/null && echo readable; :'
  readable

In the host's user namespace, the same holds with every capability but
CAP_SYS_PTRACE, except for pid 1's environment, which the kernel shows to
CAP_SYS_ADMIN and CAP_PERFMON as well (it is veil's, before --clearenv and
the like):

  $ veil --root "$ROOT" --proc /proc --cap-add ALL --cap-drop sys_ptrace -- sh -c "$attempts"
  0
  1
  2
  sh: can't open /proc/1/fd/2: Permission denied
  head: /proc/1/mem: Permission denied
  no link
  sh: can't create /proc/1/exe: Permission denied
  ls: /proc/1/root/: Permission denied
  [1]
  $ veil --root "$ROOT" --proc /proc --cap-add ALL --cap-drop sys_ptrace --cap-drop sys_admin \
  >   --cap-drop perfmon -- sh -c "cat /proc/1/environ > /dev/null"
  cat: can't open '/proc/1/environ': Permission denied
  [1]

CAP_SYS_PTRACE (--cap-add ALL keeps it) is exactly the right to look into
other processes, the not dumpable ones included: without the command's
Landlock domain (--landlock no, or a kernel without Landlock; with it,
pid 1 is out of reach even then, see hostile-actions.t), the kernel lets
the command read pid 1's memory (at address 0 there is nothing to read)
and see where its executable is.  veil's binary still cannot be written:
the kernel refuses to write a program that is running, and when veil
ends, pid 1 and everything in its namespace are killed with it.

  $ veil --root "$ROOT" --proc /proc --cap-add ALL --landlock no -- sh -c \
  >   'head -c 1 /proc/1/mem; readlink /proc/1/exe >/dev/null && echo link read; echo x >> /proc/1/exe'
  head: /proc/1/mem: Input/output error
  link read
  sh: can't create /proc/1/exe: Text file busy
  [1]

After all of the above, veil's binary is as it was:

  $ cmp veil.before "$(command -v veil)" && echo unchanged
  unchanged

The terminal: --new-session
---------------------------

With a controlling terminal, the command is in veil's session, whose
leader is outside the pid namespace (so its id shows as 0), with that
terminal as its own, but in a process group of its own (so that it cannot
signal veil's; see signals.t and, for job control, jobcontrol.t):

  $ "$TESTS/pty-run" veil --root "$ROOT" --proc /proc -- ps -o pid,pgid,sid
  PID   PGID  SID
      1     0     0
      2     2     0

With --new-session, and whenever veil has no controlling terminal (a
runner, CI, this transcript), pid 1 starts a session of its own, without
a controlling terminal, and the command is in it (in a group of its own,
so that Ctrl-Z still stops it):

  $ veil --root "$ROOT" --proc /proc -- ps -o pid,pgid,sid
  PID   PGID  SID
      1     1     1
      2     2     1
  $ veil --root "$ROOT" --proc /proc --new-session -- ps -o pid,pgid,sid
  PID   PGID  SID
      1     1     1
      2     2     1
  $ veil --dry-run --root "$ROOT" --new-session -- true | grep ^security
  security    no_new_privs; descriptors above 2 closed; new session; capabilities none; seccomp none

What a session owns is then not the caller's to change from inside
(session.t).

Ctrl-C still reaches it.  pty-run runs veil in a terminal of its own and
types Ctrl-C there once the command is ready.  Without --new-session the
terminal sends SIGINT to veil's process group, the terminal's foreground,
and pid 1, which is in it, passes it on (veil does not, a second time);
with it, pid 1 is out of the terminal's reach too, and veil passes it on:

  $ waiting='trap "echo interrupted; exit 3" INT; echo ready; while :; do sleep 0.1; done'
  $ "$TESTS/pty-run" --intr-after ready veil --root "$ROOT" -- sh -c "$waiting"
  ready
  interrupted
  [3]
  $ "$TESTS/pty-run" --intr-after ready veil --root "$ROOT" --new-session -- sh -c "$waiting"
  ready
  interrupted
  [3]
  $ "$TESTS/pty-run" --intr-after ready veil --root "$ROOT" --new-session -- sh -c 'echo ready; sleep 5'
  ready
  [130]

What --new-session is for, a command that cannot push input into the
caller's terminal (TIOCSTI), is in tiocsti.t.
