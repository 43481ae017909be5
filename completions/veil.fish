# fish completion for veil(1)

# The kinds of an option's arguments: dir, file, var or none.
function __fish_veil_args
    switch $argv[1]
        case -r --root --chdir --proc --sysfs --dev --tmpfs --dir --remount-ro
            echo dir
        case --bind --ro-bind --bind-try --ro-bind-try --dev-bind --dev-bind-try --symlink
            printf "%s\n" file file
        case --chmod
            printf "%s\n" none file
        case --perms --size --hostname
            echo none
        case --setenv
            printf "%s\n" var none
        case --unsetenv
            echo var
    end
end

# Walk the words before the cursor as veil parses them and print what comes
# next, one word a line: option, an argument kind, or "command" followed by
# the command's words so far.
function __fish_veil_state
    set -l words (commandline -opc)
    set -e words[1]
    set -l need
    while set -q words[1]
        if set -q need[1]
            set -e need[1]
            set -e words[1]
            continue
        end
        switch $words[1]
            case --
                set -e words[1]
                printf '%s\n' command $words
                return
            case '-?*'
                set need (__fish_veil_args $words[1])
                set -e words[1]
            case '*'
                printf '%s\n' command $words
                return
        end
    end
    if set -q need[1]
        echo $need[1]
    else
        echo option
    end
end

function __fish_veil_is
    test (__fish_veil_state)[1] = $argv[1]
end

function __fish_veil_command
    set -l words (__fish_veil_state)
    set -e words[1]
    if set -q words[1]
        __fish_complete_subcommand --commandline $words (commandline -ct)
    else
        __fish_complete_command
    end
end

complete -c veil -f
complete -c veil -n '__fish_veil_is dir' -x -a '(__fish_complete_directories (commandline -ct))'
complete -c veil -n '__fish_veil_is file' -F
complete -c veil -n '__fish_veil_is var' -x -a '(set -xn)'
complete -c veil -n '__fish_veil_is none' -x
complete -c veil -n '__fish_veil_is option; or __fish_veil_is command' -x -a '(__fish_veil_command)'

set -l opt -c veil -n '__fish_veil_is option'
complete $opt -s r -l root -d 'pivot into DIR, read-write'
complete $opt -l bind -d 'bind SRC on DEST, read-write'
complete $opt -l ro-bind -d 'bind SRC on DEST, read-only'
complete $opt -l bind-try -d 'as --bind, skipped when SRC is missing'
complete $opt -l ro-bind-try -d 'as --ro-bind, skipped when SRC is missing'
complete $opt -l dev-bind -d 'bind SRC on DEST, device nodes usable'
complete $opt -l dev-bind-try -d 'as --dev-bind, skipped when SRC is missing'
complete $opt -l proc -d 'mount a fresh proc on DEST'
complete $opt -l sysfs -d 'mount a fresh read-only sysfs on DEST'
complete $opt -l dev -d 'mount a minimal /dev on DEST'
complete $opt -l tmpfs -d 'mount a tmpfs on DEST'
complete $opt -l dir -d 'create directory DEST'
complete $opt -l symlink -d 'create symlink DEST pointing to TARGET'
complete $opt -l remount-ro -d 'make the mount at DEST read-only'
complete $opt -l chmod -d 'change the mode of PATH'
complete $opt -l perms -d 'mode for the next --dir or --tmpfs'
complete $opt -l size -d 'size limit for the next --tmpfs'
complete $opt -l chdir -d 'run the command in DIR'
complete $opt -l setenv -d 'set VAR to VALUE'
complete $opt -l unsetenv -d 'remove VAR'
complete $opt -l clearenv -d 'remove every variable'
complete $opt -l unshare-user -d 'new user namespace'
complete $opt -l unshare-pid -d 'new pid namespace (always)'
complete $opt -l unshare-net -d 'new network namespace'
complete $opt -l unshare-ipc -d 'new IPC namespace'
complete $opt -l unshare-uts -d 'new UTS namespace'
complete $opt -l unshare-cgroup -d 'new cgroup namespace'
complete $opt -l unshare-all -d 'new net, ipc, uts and cgroup namespaces'
complete $opt -l share-net -d 'keep the host network'
complete $opt -l hostname -d 'set the host name'
complete $opt -l dry-run -d 'print the plan and exit without doing anything'
complete $opt -s v -l verbose -d 'trace each setup step on stderr'
complete $opt -s h -l help -d 'show help and exit'
complete $opt -l version -d 'show the version and exit'
