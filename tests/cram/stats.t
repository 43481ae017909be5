--stats FILE writes what the action cost as one JSON object when it ends:
how it ended (exit_code, signal, timed_out), how long it took (wall, and
setup: from veil's start to the command's exec), the CPU it used and its
largest process's peak memory.  (With a cgroup, more: see cgroups.t.)

  $ . "$TESTS/lib.sh"

`show FILE KEY...` prints the values of KEYs; python3 (which cram needs
anyway) also checks that the file is one well-formed JSON object on a line
of its own.

  $ show() {
  >   python3 - "$@" <<'EOF'
  > import json, sys
  > text = open(sys.argv[1]).read()
  > assert text.endswith("}\n") and text.count("\n") == 1, repr(text)
  > s = json.loads(text)
  > print(" ".join("%s=%s" % (k, json.dumps(s[k])) for k in sys.argv[2:]))
  > EOF
  > }

The fields, for a command that succeeds:

  $ veil --root "$ROOT" --stats s.json -- true; echo "exit $?"
  exit 0
  $ python3 -c 'import json; print(list(json.load(open("s.json"))))'
  ['exit_code', 'signal', 'timed_out', 'wall_seconds', 'user_seconds', 'system_seconds', 'max_rss_kib', 'setup_seconds']
  $ show s.json exit_code signal timed_out
  exit_code=0 signal=null timed_out=false

How it ended
------------

exit_code is veil's own exit status; signal names the signal that killed
the command, or is null.  A command killed by SIGKILL and one that exits
with 137 have the same exit status, but not the same signal: pid 1 tells
veil how the command really ended.

  $ veil --root "$ROOT" --stats s.json -- sh -c 'exit 3'; echo "exit $?"
  exit 3
  $ show s.json exit_code signal timed_out
  exit_code=3 signal=null timed_out=false
  $ veil --root "$ROOT" --stats s.json -- sh -c 'kill -KILL $$'; echo "exit $?"
  exit 137
  $ show s.json exit_code signal
  exit_code=137 signal="SIGKILL"
  $ veil --root "$ROOT" --stats s.json -- sh -c 'exit 137'; echo "exit $?"
  exit 137
  $ show s.json exit_code signal
  exit_code=137 signal=null
  $ veil --root "$ROOT" --stats s.json -- sh -c 'kill -SEGV $$'; echo "exit $?"
  exit 139
  $ show s.json exit_code signal
  exit_code=139 signal="SIGSEGV"

A timeout: SIGTERM ends the command, veil exits 124, and timed_out says
why.  A command that ignores SIGTERM is killed with the whole action at
--kill-after: SIGKILL.  One that exits by itself on SIGTERM timed out all
the same.

  $ veil --root "$ROOT" --stats s.json --timeout 0.5 -- sleep 30; echo "exit $?"
  exit 124
  $ show s.json exit_code signal timed_out
  exit_code=124 signal="SIGTERM" timed_out=true
  $ veil --root "$ROOT" --stats s.json --timeout 0.5 --kill-after 0.5 -- \
  >   sh -c 'trap "" TERM; sleep 30'; echo "exit $?"
  exit 124
  $ show s.json exit_code signal timed_out
  exit_code=124 signal="SIGKILL" timed_out=true
  $ veil --root "$ROOT" --stats s.json --timeout 0.5 -- \
  >   sh -c 'trap "exit 0" TERM; while :; do sleep 0.1; done'; echo "exit $?"
  exit 124
  $ show s.json exit_code signal timed_out
  exit_code=124 signal=null timed_out=true

A command that never ran has no setup time: it never got to its exec.
Nor does one whose setup failed, inside the namespaces, after veil had
started pid 1 (the file is written all the same).

  $ veil --root "$ROOT" --stats s.json -- no-such-command; echo "exit $?"
  veil: no-such-command: No such file or directory
  exit 127
  $ show s.json exit_code signal setup_seconds
  exit_code=127 signal=null setup_seconds=null
  $ veil --root "$ROOT" --stats s.json --chdir /no/such/dir -- true; echo "exit $?"
  veil: --chdir: /no/such/dir: No such file or directory
  exit 125
  $ show s.json exit_code setup_seconds
  exit_code=125 setup_seconds=null

Times
-----

`sane FILE` checks what must hold of any run, with bounds generous enough
for a loaded machine: the setup takes less than the whole; the CPU time
fits in the wall time on this many cores; nothing is negative.

  $ cores=$(nproc)
  $ sane() {
  >   python3 - "$1" "$cores" <<'EOF'
  > import json, sys
  > s = json.load(open(sys.argv[1]))
  > cores = int(sys.argv[2])
  > cpu = s["user_seconds"] + s["system_seconds"]
  > checks = {
  >   "setup < wall": 0 < s["setup_seconds"] < s["wall_seconds"],
  >   "user <= wall x cores": s["user_seconds"] <= s["wall_seconds"] * cores + 0.01,
  >   "cpu <= wall x cores": cpu <= s["wall_seconds"] * cores + 0.01,
  >   "none negative": min(s["user_seconds"], s["system_seconds"], s["max_rss_kib"]) >= 0,
  > }
  > bad = [k for k, v in checks.items() if not v]
  > print("sane" if not bad else "not sane: %s: %s" % (bad, s))
  > EOF
  > }

A command that sleeps for half a second: the wall time shows it (with a
generous upper bound), the CPU time does not.

  $ veil --root "$ROOT" --stats s.json -- sleep 0.5
  $ sane s.json
  sane
  $ python3 -c 'import json; s = json.load(open("s.json"))
  > print(0.5 <= s["wall_seconds"] < 20, s["user_seconds"] + s["system_seconds"] < 0.4)'
  True True

The timed-out case is sane too, and its wall time is at least the timeout:

  $ veil --root "$ROOT" --stats s.json --timeout 0.5 -- sleep 30; echo "exit $?"
  exit 124
  $ sane s.json
  sane
  $ python3 -c 'import json; s = json.load(open("s.json")); print(0.5 <= s["wall_seconds"] < 20)'
  True

The whole action tree
---------------------

The figures cover every process of the action, not only the command: here
the command does a fixed amount of work itself, then has a daemon do the
same work (a process in a session of its own, orphaned at once, so pid 1
reaps it, not the command) and waits for it to finish.  The second run
counts about as much CPU as the first: at least half of it.  `work` hashes
32 MiB of zeros and writes the sum where it is told.

  $ mkdir shared
  $ work='head -c 33554432 /dev/zero | sha256sum >'
  $ veil --root "$ROOT" --dev /dev --bind "$PWD/shared" /shared --stats direct.json -- \
  >   sh -c "$work /shared/direct"
  $ veil --root "$ROOT" --dev /dev --bind "$PWD/shared" /shared --stats daemon.json -- sh -c "
  >   setsid sh -c '$work /shared/daemon.tmp; mv /shared/daemon.tmp /shared/daemon' &
  >   while [ ! -e /shared/daemon ]; do sleep 0.05; done"
  $ cmp shared/direct shared/daemon && echo "same work"
  same work
  $ python3 - <<'EOF'
  > import json
  > cpu = lambda f: (lambda s: s["user_seconds"] + s["system_seconds"])(json.load(open(f)))
  > direct, daemon = cpu("direct.json"), cpu("daemon.json")
  > print("work measured:", direct > 0.01)
  > print("daemon counted:", daemon >= direct / 2 or (direct, daemon))
  > EOF
  work measured: True
  daemon counted: True
  $ sane daemon.json
  sane

max_rss_kib is the peak of the largest process: a shell that holds 32 MB
in a variable has at least that much.

  $ veil --root "$ROOT" --dev /dev --stats s.json -- sh -c 'x=$(head -c 33554432 /dev/zero | tr "\0" a)'
  $ veil --root "$ROOT" --stats small.json -- true
  $ python3 -c 'import json; big, small = (json.load(open(f))["max_rss_kib"] for f in ("s.json", "small.json"))
  > print(big >= 32768, small < 32768)'
  True True

The file
--------

It is written whole, by renaming a temporary beside it, with the mode a new
file gets (0666 less the umask), and nothing else is left in the directory;
a second run replaces it.

  $ mkdir out
  $ (umask 027 && veil --root "$ROOT" --stats out/s.json -- true)
  $ ls -A out
  s.json
  $ stat -c %a out/s.json
  640
  $ veil --root "$ROOT" --stats out/s.json -- sh -c 'exit 7'
  [7]
  $ ls -A out
  s.json
  $ show out/s.json exit_code
  exit_code=7

A path that cannot be written is an error when veil starts, not when the
action ends: exit 125, and the command does not run.

  $ veil --root "$ROOT" --stats no/such/dir/s.json -- echo ran; echo "exit $?"
  veil: --stats: cannot write no/such/dir/s.json: No such file or directory
  exit 125
  $ veil --root "$ROOT" --stats out -- echo ran; echo "exit $?"
  veil: --stats: out: is a directory
  exit 125
  $ veil --root "$ROOT" --stats out/s.json/x -- echo ran; echo "exit $?"
  veil: --stats: cannot write out/s.json/x: Not a directory
  exit 125
  $ veil --root "$ROOT" --stats '' -- echo ran; echo "exit $?"
  veil: --stats: the file name must not be empty
  exit 125
  $ ls -A out
  s.json

The action cannot forge it, even when it can write the directory: veil
makes the file only once the whole action is dead, in the directory it
opened when it started.  Here the action replaces every file it finds
there with one of its own, and exits 3:

  $ veil --root "$ROOT" --bind "$PWD/out" /out --stats out/s.json -- sh -c '
  >   for f in /out/* /out/.[!.]*; do
  >     [ -e "$f" ] || continue
  >     echo "{\"exit_code\":0}" > /out/forged; mv /out/forged "$f"
  >   done
  >   exit 3'; echo "exit $?"
  exit 3
  $ show out/s.json exit_code
  exit_code=3
  $ ls -A out
  s.json

A symbolic link planted in its place is replaced, not followed:

  $ veil --root "$ROOT" --bind "$PWD/out" /out --stats out/s.json -- sh -c '
  >   rm /out/s.json; ln -s /etc/passwd /out/s.json; exit 4'; echo "exit $?"
  exit 4
  $ test -L out/s.json || show out/s.json exit_code
  exit_code=4

If the file cannot be written at the end (here the action removed its
directory), that is veil's failure, exit 125, and the message says how the
action ended:

  $ mkdir -p w/sub
  $ veil --root "$ROOT" --bind "$PWD/w" /w --stats w/sub/s.json -- sh -c 'rm -r /w/sub; exit 5'
  veil: --stats: cannot write w/sub/s.json: No such file or directory (the action's exit status was 5)
  [125]

A setup error veil finds before it starts the action leaves no file and no
temporary either:

  $ veil --root "$ROOT" --stats out/t.json --cgroup-parent /no/such/cgroup -- true 2>/dev/null
  [125]
  $ ls -A out
  s.json

--dry-run shows the file, and writes nothing:

  $ veil --dry-run --root "$ROOT" --stats out/d.json -- true | grep '^stats'
  stats       out/d.json  (--stats)
  $ ls -A out
  s.json
