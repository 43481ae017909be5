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

Moved away, replaced: the path stays
------------------------------------

The next veil looks its configuration up by path, and a read-only
directory can still be moved away with its parent, or the symbolic link
on its path replaced, and another directory put in its place, with a
build.ini that gives the next `veil -p build` every capability.  These
attacks are all the same script, run with a writable bind:

  $ cat > home/proj/plant <<'SH'
  > # plant DIR: make DIR (its parents too) and a build.ini there
  > mkdir -p "$1" && printf '[profile]\ninherit = default\n[security]\ncapabilities = ALL\n' > "$1/build.ini"
  > SH
  $ cp home/proj/plant "$ROOT/plant"

and each is followed by the next `veil -p build`, showing its effective
capabilities, run from a directory of its own:

  $ mkdir next
  $ cat > caps <<SH
  > cd "$PWD/next" && veil -p build -- awk '/CapEff/ { print \$2 }' /proc/self/status
  > SH
  $ sh caps
  0000000000000000

So every directory between the configuration directory and the root of
the writable bind that holds it is pinned: made a mount point, which
cannot be renamed, removed or renamed over, but stays writable.  The
bind's root is a mount point already.

  $ cd home/proj
  $ veil -p build --bind "$HOME" "$HOME" --dry-run -- true | grep -e '^pin' -e '^remount'
  pin         /*/own-config.t/home/.config if-present  (keeps the path to veil's configuration /*/own-config.t/home/.config/veil from being renamed) (glob)
  remount-ro  /*/own-config.t/home/.config/veil if-present  (keeps veil's configuration /*/own-config.t/home/.config/veil read-only) (glob)
  $ veil -p build --bind "$HOME" "$HOME" -- sh -c 'mv "$1" "$1.old" && sh plant "$1/veil"' sh "$HOME/.config"
  mv: cannot move '/*/own-config.t/home/.config' to '/*/own-config.t/home/.config.old': Device or resource busy (glob)
  [1]
  $ veil -p build --bind "$HOME" "$HOME" -- sh -c 'touch "$1/written" && rm "$1/written"' sh "$HOME/.config"
  $ sh ../../caps
  0000000000000000

So is the directory above: here a bind of the directory holding $HOME.

  $ veil -p build --bind "${HOME%/home}" "${HOME%/home}" -- sh -c 'mv "$1" "$1.old" && sh plant "$1/.config/veil"' sh "$HOME"
  mv: cannot move '/*/own-config.t/home' to '/*/own-config.t/home.old': Device or resource busy (glob)
  [1]
  $ sh ../../caps
  0000000000000000

A writable root is the same, with its own paths:

  $ HOME="$ROOT/home" && mkdir -p "$HOME/.config/veil" "$HOME/proj"
  $ veil --root "$ROOT" --dry-run -- true | grep -e '^pin' -e '^remount'
  pin         /home if-present  (keeps the path to veil's configuration /*/own-config.t/root/home/.config/veil from being renamed) (glob)
  pin         /home/.config if-present  (keeps the path to veil's configuration /*/own-config.t/root/home/.config/veil from being renamed) (glob)
  remount-ro  /home/.config/veil if-present  (keeps veil's configuration /*/own-config.t/root/home/.config/veil read-only) (glob)
  $ veil --root "$ROOT" -- sh -c 'mv /home/.config /home/.config.old && sh /plant /home/.config/veil'
  mv: can't rename '/home/.config': Device or resource busy
  [1]
  $ veil --root "$ROOT" -- sh -c 'mv /home /home.old && sh /plant /home/.config/veil'
  mv: can't rename '/home': Device or resource busy
  [1]
  $ sh ../../caps
  0000000000000000
  $ HOME="${ROOT%/root}/home"

$XDG_CONFIG_HOME in the project directory, which the working directory's
bind makes writable:

  $ mkdir -p cfg/xdg/veil
  $ export XDG_CONFIG_HOME="$PWD/cfg/xdg"
  $ veil -p build -- sh -c 'mv cfg cfg.old && sh plant cfg/xdg/veil'
  mv: cannot move 'cfg' to 'cfg.old': Device or resource busy
  [1]
  $ sh ../../caps
  0000000000000000

One that does not exist yet has its nearest existing parent read-only,
and what is above that pinned:

  $ rm -r cfg/xdg
  $ mkdir cfg/sub && export XDG_CONFIG_HOME="$PWD/cfg/sub/xdg"
  $ veil -p build --dry-run -- true | grep -e '^pin' -e '^remount'
  pin         /*/own-config.t/home/proj/cfg if-present  (keeps the path to veil's configuration /*/own-config.t/home/proj/cfg/sub/xdg/veil from being renamed) (glob)
  remount-ro  /*/own-config.t/home/proj/cfg/sub if-present  (keeps veil's configuration /*/own-config.t/home/proj/cfg/sub/xdg/veil from being created) (glob)
  $ veil -p build -- sh -c 'mv cfg cfg.old && sh plant cfg/sub/xdg/veil'
  mv: cannot move 'cfg' to 'cfg.old': Device or resource busy
  [1]
  $ veil -p build -- sh plant cfg/sub/xdg/veil
  mkdir: cannot create directory 'cfg/sub/xdg': Read-only file system
  [1]
  $ sh ../../caps
  0000000000000000
  $ unset XDG_CONFIG_HOME

A relative directory of $VEIL_PROFILE_PATH, looked up from the working
directory:

  $ mkdir -p conf/profiles
  $ export VEIL_PROFILE_PATH=conf/profiles
  $ veil -p build -- sh -c 'mv conf conf.old && sh plant conf/profiles'
  mv: cannot move 'conf' to 'conf.old': Device or resource busy
  [1]
  $ sh ../../caps
  0000000000000000
  $ unset VEIL_PROFILE_PATH

A symbolic link on the path is pinned itself (a link can be a mount
point), and the directories it leads to as well, matched by identity:

  $ cd ../..
  $ mv home/.config home/dotfiles && ln -s dotfiles home/.config
  $ cd home/proj
  $ veil -p build --bind "$HOME" "$HOME" --dry-run -- true | grep -e '^pin' -e '^remount'
  pin         /*/own-config.t/home/.config if-present  (keeps the symbolic link on the path to veil's configuration /*/own-config.t/home/.config/veil from being replaced) (glob)
  pin         /*/own-config.t/home/dotfiles if-present  (keeps the path to veil's configuration /*/own-config.t/home/.config/veil from being renamed) (glob)
  remount-ro  /*/own-config.t/home/dotfiles/veil if-present  (keeps veil's configuration /*/own-config.t/home/.config/veil read-only) (glob)
  $ veil -p build --bind "$HOME" "$HOME" -- sh -c 'rm "$1" && sh plant "$1/veil"' sh "$HOME/.config"
  rm: cannot remove '/*/own-config.t/home/.config': Device or resource busy (glob)
  [1]
  $ veil -p build --bind "$HOME" "$HOME" -- sh -c 'ln -sfn proj "$1" && sh plant "$1/veil"' sh "$HOME/.config"
  ln: failed to create symbolic link '/*/own-config.t/home/.config': Device or resource busy (glob)
  [1]
  $ sh ../../caps
  0000000000000000

Without a writable bind that holds them, nothing is added:

  $ veil -p build --dry-run -- true | grep -c -e '^pin' -e '^remount'
  0
  [1]
  $ cd ../..

Nothing was planted anywhere:

  $ find home "$ROOT" -name '*.ini'
