# fish completion for veil(1)

# The kinds of an option's arguments: dir, file, var, rlimit, cap, seccomp,
# action or none.
function __fish_veil_args
    switch $argv[1]
        case -r --root --chdir --proc --sysfs --dev --tmpfs --dir --remount-ro --cgroup-parent
            echo dir
        case --stats
            echo file
        case --memory --pids --cpu
            echo none
        case --bind --ro-bind --bind-try --ro-bind-try --dev-bind --dev-bind-try --symlink
            printf "%s\n" file file
        case --chmod
            printf "%s\n" none file
        case --perms --size --shm-size --hostname --timeout --kill-after --keep-fd --uid --gid --bind-source-pid
            echo none
        case --rlimit
            echo rlimit
        case --cap-add --cap-drop
            echo cap
        case --seccomp
            echo seccomp
        case --landlock --host-sockets
            echo yesno
        case --seccomp-default
            echo action
        case --seccomp-deny --seccomp-kill --seccomp-log --seccomp-allow
            echo none
        case --setenv
            printf "%s\n" var none
        case --unsetenv --keepenv
            echo var
        case -p --profile
            echo profile
    end
end

# Profile names, as the veil being completed finds them; a word with a
# slash is a file.
function __fish_veil_profiles
    set -l cur (commandline -ct)
    if string match -q -- '*/*' $cur
        __fish_complete_path $cur
    else
        set -l veil (commandline -opc)[1]
        command $veil --list-profiles 2>/dev/null | awk '{print $1}' | sort -u
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
            case --check-profile
                # Every word after it is a profile.
                echo profile
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
complete -c veil -n '__fish_veil_is profile' -x -a '(__fish_veil_profiles)'
complete -c veil -n '__fish_veil_is none' -x
complete -c veil -n '__fish_veil_is rlimit' -x -a 'as= core= cpu= data= fsize= locks= memlock= msgqueue= nice= nofile= nproc= rss= rtprio= rttime= sigpending= stack='
complete -c veil -n '__fish_veil_is cap' -x -a 'ALL CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH CAP_FOWNER CAP_FSETID CAP_KILL CAP_SETGID CAP_SETUID CAP_SETPCAP CAP_LINUX_IMMUTABLE CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_ADMIN CAP_NET_RAW CAP_IPC_LOCK CAP_IPC_OWNER CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_CHROOT CAP_SYS_PTRACE CAP_SYS_PACCT CAP_SYS_ADMIN CAP_SYS_BOOT CAP_SYS_NICE CAP_SYS_RESOURCE CAP_SYS_TIME CAP_SYS_TTY_CONFIG CAP_MKNOD CAP_LEASE CAP_AUDIT_WRITE CAP_AUDIT_CONTROL CAP_SETFCAP CAP_MAC_OVERRIDE CAP_MAC_ADMIN CAP_SYSLOG CAP_WAKE_ALARM CAP_BLOCK_SUSPEND CAP_AUDIT_READ CAP_PERFMON CAP_BPF CAP_CHECKPOINT_RESTORE'
complete -c veil -n '__fish_veil_is yesno' -x -a 'yes no'
complete -c veil -n '__fish_veil_is seccomp' -x -a 'none\t"no filter (the default)" default\t"veil\'s list" custom\t"only the rules given"'
complete -c veil -n '__fish_veil_is action' -x -a 'allow errno\t"fail with EPERM" errno:ENOSYS errno:EACCES kill\t"SIGSYS" log'
complete -c veil -n '__fish_veil_is option; or __fish_veil_is command' -x -a '(__fish_veil_command)'

set -l opt -c veil -n '__fish_veil_is option'
complete $opt -s p -l profile -d 'apply a profile (more than one: in order)'
complete $opt -l check-profile -d 'check profiles, report every error, exit'
complete $opt -l list-profiles -d 'list the profiles on the search path, exit'
complete $opt -s r -l root -d 'pivot into DIR, read-write'
complete $opt -l bind -d 'bind SRC on DEST, read-write'
complete $opt -l ro-bind -d 'bind SRC on DEST, read-only'
complete $opt -l bind-try -d 'as --bind, skipped when SRC is missing'
complete $opt -l ro-bind-try -d 'as --ro-bind, skipped when SRC is missing'
complete $opt -l dev-bind -d 'bind SRC on DEST, device nodes usable'
complete $opt -l dev-bind-try -d 'as --dev-bind, skipped when SRC is missing'
complete $opt -l bind-source-pid -x -d 'resolve bind sources in the view of process PID'
complete $opt -l trust-source-pid -d 'use that process even if another user owns it'
complete $opt -l proc -d 'mount a fresh proc on DEST'
complete $opt -l sysfs -d 'mount a fresh read-only sysfs on DEST'
complete $opt -l dev -d 'mount a minimal /dev on DEST'
complete $opt -l tmpfs -d 'mount a tmpfs on DEST'
complete $opt -l dir -d 'create directory DEST'
complete $opt -l symlink -d 'create symlink DEST pointing to TARGET'
complete $opt -l remount-ro -d 'make the mount at DEST read-only'
complete $opt -l chmod -d 'change the mode of PATH'
complete $opt -l bind-cwd -d 'bind the working directory at its own path, read-write'
complete $opt -l ro-bind-cwd -d 'bind the working directory at its own path, read-only'
complete $opt -l keep-tmpdir -d 'create $TMPDIR, when under /tmp, in the private /tmp'
complete $opt -l clear-mounts -d 'forget the mount steps so far'
complete $opt -l perms -d 'mode for the next --dir or --tmpfs'
complete $opt -l size -d 'size limit for the next --tmpfs or --dev'
complete $opt -l shm-size -d 'size of /dev/shm in every --dev'
complete $opt -l proc-unmasked -d 'mount proc and sysfs without read-only covers and masks'
complete $opt -l chdir -d 'run the command in DIR'
complete $opt -l setenv -d 'set VAR to VALUE'
complete $opt -l unsetenv -d 'remove VAR'
complete $opt -l clearenv -d 'remove every variable but those kept'
complete $opt -l keepenv -d 'keep VAR through --clearenv'
complete $opt -l unshare-user -d 'new user namespace'
complete $opt -l unshare-pid -d 'new pid namespace (always)'
complete $opt -l unshare-net -d 'new network namespace'
complete $opt -l unshare-ipc -d 'new IPC namespace'
complete $opt -l unshare-uts -d 'new UTS namespace'
complete $opt -l unshare-cgroup -d 'new cgroup namespace'
complete $opt -l unshare-all -d 'new net, ipc, uts and cgroup namespaces'
complete $opt -l share-net -d 'keep the host network'
complete $opt -l hostname -d 'set the host name'
complete $opt -l uid -d 'run as uid N in a new user namespace'
complete $opt -l gid -d 'run as gid N in a new user namespace'
complete $opt -l nobody -d "new user namespace whose ids are nobody's outside"
complete $opt -l no-nobody -d "the caller's ids outside, whatever a profile says"
complete $opt -l timeout -d 'SIGTERM the command after SECONDS, then kill the action; exit 124'
complete $opt -l kill-after -d 'on timeout, SIGKILL SECONDS after SIGTERM (default 2)'
complete $opt -l rlimit -d 'set a resource limit NAME=SOFT[:HARD]'
complete $opt -l memory -d 'cgroup memory limit of the action (k, M, G, T; max: none)'
complete $opt -l pids -d 'cgroup limit on the action\'s processes and threads'
complete $opt -l cpu -d 'cgroup CPU limit, in cores (such as 1.5)'
complete $opt -l cgroup-parent -d 'make the action\'s cgroup under DIR, not veil\'s own'
complete $opt -l die-with-parent -d 'kill the action when veil\'s parent dies'
complete $opt -l stats -d 'when the action ends, write what it cost to FILE (JSON)'
complete $opt -l keep-fd -d 'keep inherited descriptor N open (0-2 always are)'
complete $opt -l new-session -d 'run the command in a new session, without the terminal'
complete $opt -l pty -d 'a pty of its own for the command, when stdin is a terminal'
complete $opt -l nested-userns -d 'a command that is root outside may make user namespaces (risky)'
complete $opt -l landlock -d 'a Landlock domain of its own for the command (default: yes)'
complete $opt -l host-sockets -d 'unix sockets made outside the action stay reachable (default: no)'
complete $opt -l cap-add -d 'keep capability CAP (ALL: every one); none by default'
complete $opt -l cap-drop -d 'drop CAP kept by an earlier --cap-add (ALL: all)'
complete $opt -l seccomp -d 'seccomp filter: none (the default), default or custom'
complete $opt -l seccomp-default -d 'for calls no rule names: allow, errno[:ENAME], kill or log'
complete $opt -l seccomp-deny -d 'SYSCALL fails with EPERM, or SYSCALL:ENAME with ENAME'
complete $opt -l seccomp-kill -d 'SYSCALL kills the command (SIGSYS)'
complete $opt -l seccomp-log -d 'SYSCALL is allowed and logged'
complete $opt -l seccomp-allow -d 'SYSCALL is allowed, whatever else says'
complete $opt -l dry-run -d 'print the plan and exit without doing anything'
complete $opt -s v -l verbose -d 'trace each setup step on stderr'
complete $opt -s h -l help -d 'show help and exit'
complete $opt -l version -d 'show the version and exit'
