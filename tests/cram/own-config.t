veil reads its profiles from ~/.config/veil (or $XDG_CONFIG_HOME/veil),
/etc/veil/profiles and the directories of $VEIL_PROFILE_PATH before the
shipped ones.  An action that could write there would choose the sandbox
of every veil run after it: a build.ini of its own, and the next
`veil -p build` has the network back.  So these directories stay read-only
inside every sandbox, and the working directory is not bound read-write
when it is $HOME.

A $HOME of our own, and nothing of this machine's configuration:

  $ . "$TESTS/lib.sh"
  $ unset VEIL_PROFILE_PATH XDG_CONFIG_HOME
  $ mkdir -p home/proj
  $ export HOME="$PWD/home"

bind-cwd is refused in $HOME
----------------------------

Run from $HOME, the default profile (and every profile made from it, as
build is) would make all of $HOME writable: the shell's start-up files,
~/.ssh, veil's profiles.  veil refuses, naming the profile line:

  $ cd home
  $ veil -p build -- sh -c 'mkdir -p .config/veil && echo "[profile]" > .config/veil/build.ini'
  veil: <built-in>/default.ini:17: the working directory /*/own-config.t/home is $HOME, and the action could change your shell's start-up files and veil's own profiles for what runs after it; run veil from a project's directory (ro-bind-cwd binds it read-only) (glob)
  [125]
  $ veil --bind-cwd -- true
  veil: --bind-cwd: the working directory /*/own-config.t/home is $HOME, and the action could change your shell's start-up files and veil's own profiles for what runs after it; run veil from a project's directory (ro-bind-cwd binds it read-only) (glob)
  [125]
  $ ls -A
  proj

So is a directory above $HOME, which holds it, and so is another path
to either, such as a bind mount of $HOME elsewhere (veil compares the
directories themselves):

  $ cd ..
  $ veil -- true
  veil: <built-in>/default.ini:17: the working directory /*/own-config.t holds $HOME (/*/own-config.t/home), and the action could change your shell's start-up files and veil's own profiles for what runs after it; run veil from a project's directory (ro-bind-cwd binds it read-only) (glob)
  [125]
  $ mkdir elsewhere
  $ unshare -m sh -c 'mount --bind "$HOME" elsewhere && cd elsewhere && veil -- true'
  veil: <built-in>/default.ini:17: the working directory /*/own-config.t/elsewhere holds $HOME (/*/own-config.t/home), and the action could change your shell's start-up files and veil's own profiles for what runs after it; run veil from a project's directory (ro-bind-cwd binds it read-only) (glob)
  [125]

Read-only, or from a directory below $HOME, it is bound as usual:

  $ (cd home && veil --ro-bind / / --ro-bind-cwd -- ls -A)
  proj
  $ (cd home/proj && veil -- touch built && ls)
  built

A writable $HOME keeps veil's configuration read-only
-----------------------------------------------------

Asked for by name, $HOME is bound read-write, but the configuration
directory in it is made read-only after every other step:

  $ mkdir -p home/.config/veil
  $ veil --ro-bind / / --bind "$HOME" "$HOME" --dry-run -- true | grep -e '^bind' -e '^remount'
  bind        /*/own-config.t/home -> /*/own-config.t/home read-write  (--bind) (glob)
  remount-ro  /*/own-config.t/home/.config/veil if-present  (keeps veil's configuration /*/own-config.t/home/.config/veil read-only) (glob)
  $ veil --ro-bind / / --bind "$HOME" "$HOME" --chdir "$HOME" -- \
  >   sh -c 'echo "[profile]" > .config/veil/build.ini; touch .config/other proj/other'
  sh: 1: cannot create .config/veil/build.ini: Read-only file system
  $ ls -A home/.config/veil
  $ ls home/.config home/proj
  home/.config:
  other
  veil
  
  home/proj:
  built
  other

A configuration directory that does not exist yet cannot be created: its
nearest existing parent is made read-only instead.

  $ rmdir home/.config/veil
  $ veil --ro-bind / / --bind "$HOME" "$HOME" --chdir "$HOME" -- mkdir .config/veil
  mkdir: cannot create directory '.config/veil': Read-only file system
  [1]
  $ rm -r home/.config
  $ veil --ro-bind / / --bind "$HOME" "$HOME" --chdir "$HOME" -- mkdir -p .config/veil
  mkdir: cannot create directory '.config': Read-only file system
  [1]
  $ ls -A home
  proj

The directory is found by what it is, not by its name: a bind through
another path to $HOME, at another place inside, is covered as well.

  $ mkdir -p home/.config/veil
  $ ln -s home link
  $ veil --ro-bind / / --bind "$PWD/link" /mnt -- touch /mnt/.config/veil/build.ini
  touch: cannot touch '/mnt/.config/veil/build.ini': Read-only file system
  [1]

So are $XDG_CONFIG_HOME/veil and the directories of $VEIL_PROFILE_PATH,
here inside a project directory that is bound read-write:

  $ mkdir -p home/proj/xdg/veil home/proj/profiles
  $ cd home/proj
  $ XDG_CONFIG_HOME="$PWD/xdg" VEIL_PROFILE_PATH="$PWD/profiles" \
  >   veil -- sh -c 'touch xdg/veil/build.ini profiles/build.ini xdg/other'
  touch: cannot touch 'xdg/veil/build.ini': Read-only file system
  touch: cannot touch 'profiles/build.ini': Read-only file system
  [1]

A relative directory of $VEIL_PROFILE_PATH is one in the working
directory; missing, it could be created there, so the working directory
itself is read-only:

  $ VEIL_PROFILE_PATH=conf veil --dry-run -- true | grep '^remount'
  remount-ro  /*/own-config.t/home/proj if-present  (keeps veil's configuration conf from being created) (glob)
  $ VEIL_PROFILE_PATH=conf veil -- mkdir conf
  mkdir: cannot create directory 'conf': Read-only file system
  [1]
  $ cd ../..

Nothing was written to any of them:

  $ find home -name '*.ini'
