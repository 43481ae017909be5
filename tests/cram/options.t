The command line: help, version, and how veil reports a command line it
cannot use.  Every such error is veil's own failure: a message on stderr
starting with "veil: ", naming the option at fault, and exit status 125,
before anything is set up.

  $ . "$TESTS/lib.sh"

Help and version
----------------

  $ veil --help | head -n 7
  Usage: veil [OPTION]... [--] COMMAND [ARG]...
         veil --check-profile NAME|PATH...
         veil --list-profiles
  Run COMMAND in new mount and pid namespaces, rooted at an action root,
  with a fresh /proc and /sys inside.  Without a profile or a mount option,
  the `default` profile applies: the host's / read-only, the working
  directory writable, a private /tmp, and fresh /proc, /sys and /dev.
  $ veil -h | head -n 1
  Usage: veil [OPTION]... [--] COMMAND [ARG]...
  $ veil --help > /dev/null; echo $?
  0
  $ veil --version
  veil [0-9]*.[0-9]*.[0-9]* (re)

Every option the help text lists is one veil knows (the help is generated
from the same table the parser uses, and this keeps it that way).

  $ veil --help | sed -n 's/^ *\(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p' > listed
  $ grep -c -x -e --root -e --bind -e --tmpfs -e --dry-run -e --help listed
  5
  $ while read opt; do
  >   if veil --dry-run "$opt" /a /b -- true 2>&1 | grep 'unknown option'; then echo "$opt"; fi
  > done < listed

Unknown options and missing arguments
-------------------------------------

  $ veil --no-such-option -- true; echo $?
  veil: unknown option '--no-such-option'
  Try 'veil --help' for more information.
  125
  $ veil -x -- true; echo $?
  veil: unknown option '-x'
  Try 'veil --help' for more information.
  125

An option's arguments are the words after it, whatever they look like (as
in bwrap), so a missing one shows up only at the end of the command line.

  $ veil --bind /etc; echo $?
  veil: --bind: missing argument DEST (usage: --bind SRC DEST)
  125
  $ veil --setenv NAME; echo $?
  veil: --setenv: missing argument VALUE (usage: --setenv VAR VALUE)
  125
  $ veil -r; echo $?
  veil: -r: missing argument DIR (usage: -r DIR)
  125

The --name=value spelling works for options with one argument; one with
two arguments or none says so.

  $ veil --root="$ROOT" --chdir=/bin -- pwd
  /bin
  $ veil --bind=/etc /x -- true; echo $?
  veil: --bind: takes its arguments as separate words
  125
  $ veil --clearenv=yes -- true; echo $?
  veil: --clearenv: takes no argument
  125

Bad values
----------

Modes are octal, from 0 to 7777.

  $ veil --perms 0799 --dir /x -- true; echo $?
  veil: --perms: '0799' is not an octal mode
  125
  $ veil --chmod u+x /x -- true; echo $?
  veil: --chmod: 'u+x' is not an octal mode
  125
  $ veil --perms 17777 --tmpfs /x -- true; echo $?
  veil: --perms: '17777' is not an octal mode (0 to 7777)
  125

Sizes are bytes, or a number with k, M, G or T, and more than 0.

  $ veil --size 10X --tmpfs /x -- true; echo $?
  veil: --size: '10X' is not a size (bytes, or a number with k, M, G, T)
  125
  $ veil --size -1 --tmpfs /x -- true; echo $?
  veil: --size: '-1' is not a size (bytes, or a number with k, M, G, T)
  125
  $ veil --size 0 --tmpfs /x -- true; echo $?
  veil: --size: the size must be more than 0
  125
  $ veil --size 99999999999T --tmpfs /x -- true; echo $?
  veil: --size: '99999999999T' is too large
  125

Destinations are absolute paths inside the action root.  '..' is refused
outright rather than resolved: it could only mean a path other than the
one written.

  $ veil --tmpfs tmp -- true; echo $?
  veil: --tmpfs: 'tmp' is not an absolute path
  125
  $ veil --bind /etc etc -- true; echo $?
  veil: --bind: 'etc' is not an absolute path
  125
  $ veil --dir /a/../b -- true; echo $?
  veil: --dir: '/a/../b' must not contain '..'
  125
  $ veil --symlink target /x/.. -- true; echo $?
  veil: --symlink: '/x/..' must not contain '..'
  125

/ itself is only a destination for the root.

  $ veil --tmpfs / -- true; echo $?
  veil: --tmpfs: the destination must not be / (use --root or --bind SRC /)
  125

Sources and roots that are not there
------------------------------------

A bind source is a host path, and a missing one is an error (only the -try
variants accept it, see binds.t).  So is a missing root, or one that is not
a directory, however it is named.

  $ veil --bind /no/such/source /x -- true; echo $?
  veil: --bind: source '/no/such/source': No such file or directory
  125
  $ veil --ro-bind /no/such/source /x -- true; echo $?
  veil: --ro-bind: source '/no/such/source': No such file or directory
  125
  $ veil --root /no/such/root -- true; echo $?
  veil: --root: root '/no/such/root': No such file or directory
  125
  $ veil --root /etc/passwd -- true; echo $?
  veil: --root: root '/etc/passwd' is not a directory
  125
  $ veil --ro-bind /etc/passwd / -- true; echo $?
  veil: --ro-bind: root '/etc/passwd' is not a directory
  125

--perms and --size modify the next step
---------------------------------------

--perms must be followed by --dir or --tmpfs, and --size by --tmpfs; a
misplaced one is an error rather than silently ignored.

  $ veil --perms 0700 --bind /etc /x -- true; echo $?
  veil: --perms must be followed by --dir or --tmpfs, not --bind
  125
  $ veil --size 1M --dir /x -- true; echo $?
  veil: --size must be followed by --tmpfs or --dev, not --dir
  125
  $ veil --root "$ROOT" --perms 0700 -- true; echo $?
  veil: --perms must be followed by --dir or --tmpfs
  125
  $ veil --root "$ROOT" --size 1M -- true; echo $?
  veil: --size must be followed by --tmpfs or --dev
  125

The command
-----------

A command is required.

  $ veil; echo $?
  veil: no command given
  Usage: veil [OPTION]... [--] COMMAND [ARG]...
  125
  $ veil --root "$ROOT" --; echo $?
  veil: no command given
  Usage: veil [OPTION]... [--] COMMAND [ARG]...
  125

Everything after the command belongs to it, with or without "--": options
there are the command's arguments, not veil's.

  $ veil --root "$ROOT" -- echo --bind /a /b --help
  --bind /a /b --help
  $ veil --root "$ROOT" echo --root /nowhere
  --root /nowhere

"--" is what lets a command's name start with "-".

  $ veil --root "$ROOT" -- --help; echo $?
  veil: --help: No such file or directory
  127
