The command's environment and working directory.  The command inherits
veil's environment; --setenv, --unsetenv and --clearenv change it, applied
in the order they are given, and --chdir picks the directory it starts in.

  $ . "$TESTS/lib.sh"

Environment
-----------

Variables pass through unless told otherwise.  --setenv sets one (an empty
value is a value), --unsetenv removes one.

  $ export VEIL_TEST_KEPT=kept VEIL_TEST_GONE=gone
  $ veil --root "$ROOT" --setenv VEIL_TEST_NEW 'with spaces' --setenv VEIL_TEST_EMPTY '' \
  >   --unsetenv VEIL_TEST_GONE -- env | grep '^VEIL_TEST_' | sort
  VEIL_TEST_EMPTY=
  VEIL_TEST_KEPT=kept
  VEIL_TEST_NEW=with spaces

--clearenv removes everything, so env shows only what was set after it.
Nothing is added behind the user's back: no PATH, HOME or PWD.

  $ veil --root "$ROOT" --clearenv --setenv A 1 --setenv B 2 -- env
  A=1
  B=2

Order matters: each step applies to the result of the ones before it.

  $ veil --root "$ROOT" --setenv A 1 --clearenv --setenv B 2 -- env
  B=2
  $ veil --root "$ROOT" --clearenv --setenv A 1 --setenv A 2 -- env
  A=2
  $ veil --root "$ROOT" --clearenv --setenv A 1 --unsetenv A -- env
  $ veil --root "$ROOT" --clearenv --unsetenv A --setenv A 3 -- env
  A=3

The command is looked up with the PATH it will see, so a PATH that does not
lead to it means "not found".

  $ veil --root "$ROOT" --setenv PATH /nowhere -- sh -c true; echo $?
  veil: sh: No such file or directory
  127

A name with '=' in it, or an empty one, is refused before anything runs.

  $ veil --root "$ROOT" --setenv A=B C -- true; echo $?
  veil: --setenv: 'A=B' is not a variable name
  125
  $ veil --root "$ROOT" --unsetenv '' -- true; echo $?
  veil: --unsetenv: '' is not a variable name
  125

Working directory
-----------------

--chdir DIR starts the command in DIR, a path inside the action root.

  $ veil --root "$ROOT" --chdir /bin -- pwd
  /bin

A --chdir directory that is not there is veil's failure (125), not the
command's, and the message says which option it was.

  $ veil --root "$ROOT" --chdir /no/such/dir -- pwd; echo $?
  veil: --chdir: /no/such/dir: No such file or directory
  125
  $ veil --root "$ROOT" --chdir /bin/busybox -- pwd; echo $?
  veil: --chdir: /bin/busybox: Not a directory
  125
  $ veil --root "$ROOT" --chdir bin -- pwd; echo $?
  veil: --chdir: 'bin' is not an absolute path
  125

It may name a directory that an earlier step creates.

  $ veil --root "$ROOT" --dir /work --chdir /work -- pwd
  /work

Without --chdir, the command starts in the caller's working directory when
the action root has one at the same path, and in / otherwise.  cram runs
this transcript in a directory that the busybox root does not have ...

  $ veil --root "$ROOT" -- pwd
  /

... and once the root has it, the command starts there.

  $ mkdir -p "$ROOT$PWD"
  $ veil --root "$ROOT" -- pwd
  /*/env.t (glob)
  $ test "$(veil --root "$ROOT" -- pwd)" = "$PWD" && echo same
  same
