A descriptor the caller passes to veil reaches the command only with
--keep-fd (leaks.t).  Nor may it be used on the way there: execve() finds
the command while the process still has its descriptors, and a path
through /proc/self/fd/N (the command's own, or a symlink the root
provides) would lead to whatever N is, outside the root.  veil closes
every descriptor above 2 that --keep-fd does not name before the exec, and
pid 1 closes the caller's as well.

  $ . "$TESTS/lib.sh"

The caller holds descriptor 3 on a host directory with a program in it
(syscall-probe, which prints "ok" for a call that works):

  $ mkdir host
  $ cp "$HELPERS/syscall-probe" host/tool

Named through /proc/self/fd/3, it is not found: 3 is closed by then.

  $ veil --root "$ROOT" --proc /proc -- /proc/self/fd/3/tool personality-query 3<host
  veil: /proc/self/fd/3/tool: No such file or directory
  [127]

Nor through a symlink the root provides where the command is looked for:

  $ mkdir -p "$ROOT/usr/bin"
  $ ln -s /proc/self/fd/3/tool "$ROOT/usr/bin/tool"
  $ veil --root "$ROOT" --proc /proc -- tool personality-query 3<host
  veil: tool: No such file or directory
  [127]

With --keep-fd 3 the caller hands the directory to the command, which may
then use it, for its exec too:

  $ veil --root "$ROOT" --proc /proc --keep-fd 3 -- /proc/self/fd/3/tool personality-query 3<host
  personality-query: ok

pid 1 keeps none of the caller's descriptors while it supervises: a
command with CAP_SYS_PTRACE, which may open /proc/1/fd/N although pid 1
is not dumpable, finds only 0, 1 and 2 there.

  $ veil --root "$ROOT" --proc /proc --cap-add SYS_PTRACE -- sh -c 'ls /proc/1/fd; ls /proc/1/fd/3/' 3<host
  0
  1
  2
  ls: /proc/1/fd/3/: No such file or directory
  [1]

The host's directory is as it was:

  $ ls host
  tool
