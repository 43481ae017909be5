# bash completion for veil(1)                              -*- shell-script -*-

# The kinds of an option's arguments: dir, file, var or "-" (nothing to
# complete).  Options that take no argument print nothing.
_veil_args()
{
    case $1 in
        -r | --root | --chdir | --proc | --sysfs | --dev | --tmpfs | --dir | \
            --remount-ro | --cgroup-parent) echo dir ;;
        --stats) echo file ;;
        --memory | --pids | --cpu) echo - ;;
        --bind | --ro-bind | --bind-try | --ro-bind-try | --dev-bind | \
            --dev-bind-try | --symlink) echo file file ;;
        --chmod) echo - file ;;
        --perms | --size | --shm-size | --hostname | --timeout | --kill-after | --keep-fd | \
            --uid | --gid | --bind-source-pid) echo - ;;
        --rlimit) echo rlimit ;;
        --cap-add | --cap-drop) echo cap ;;
        --seccomp) echo seccomp ;;
        --landlock | --host-sockets) echo yesno ;;
        --seccomp-default) echo action ;;
        --seccomp-deny | --seccomp-kill | --seccomp-log | --seccomp-allow) echo - ;;
        --setenv) echo var - ;;
        --unsetenv | --keepenv) echo var ;;
        -p | --profile) echo profile ;;
    esac
}

# The resources --rlimit knows.
_veil_rlimits='as core cpu data fsize locks memlock msgqueue nice nofile nproc
    rss rtprio rttime sigpending stack'

# The capabilities --cap-add and --cap-drop know (any case, CAP_ optional).
_veil_caps="ALL CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH CAP_FOWNER CAP_FSETID
    CAP_KILL CAP_SETGID CAP_SETUID CAP_SETPCAP CAP_LINUX_IMMUTABLE
    CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_ADMIN CAP_NET_RAW
    CAP_IPC_LOCK CAP_IPC_OWNER CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_CHROOT
    CAP_SYS_PTRACE CAP_SYS_PACCT CAP_SYS_ADMIN CAP_SYS_BOOT CAP_SYS_NICE
    CAP_SYS_RESOURCE CAP_SYS_TIME CAP_SYS_TTY_CONFIG CAP_MKNOD CAP_LEASE
    CAP_AUDIT_WRITE CAP_AUDIT_CONTROL CAP_SETFCAP CAP_MAC_OVERRIDE
    CAP_MAC_ADMIN CAP_SYSLOG CAP_WAKE_ALARM CAP_BLOCK_SUSPEND CAP_AUDIT_READ
    CAP_PERFMON CAP_BPF CAP_CHECKPOINT_RESTORE"

# The profile names veil finds, asking the veil being completed.
_veil_profiles()
{
    local veil=${COMP_WORDS[0]}
    [[ $veil == "~/"* ]] && veil=$HOME/${veil#"~/"}
    "$veil" --list-profiles 2>/dev/null | awk '{print $1}' | sort -u
}

# Complete the current word as an argument of kind $1.
_veil_complete_arg()
{
    case $1 in
        dir) compopt -o filenames; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
        file) compopt -o filenames; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
        var) mapfile -t COMPREPLY < <(compgen -v -- "$cur") ;;
        profile)
            # A word with a slash is a file; any other, a name.
            if [[ $cur == */* ]]; then
                compopt -o filenames
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            else
                mapfile -t COMPREPLY < <(compgen -W "$(_veil_profiles)" -- "$cur")
            fi
            ;;
        cap)
            # With or without the CAP_ prefix, as the user started it.
            local caps=$_veil_caps
            [[ ${cur^^} == CAP_* || CAP_ == "${cur^^}"* ]] || caps=${caps//CAP_/}
            mapfile -t COMPREPLY < <(compgen -W "$caps" -- "${cur^^}")
            ;;
        seccomp) mapfile -t COMPREPLY < <(compgen -W 'none default custom' -- "$cur") ;;
        yesno) mapfile -t COMPREPLY < <(compgen -W 'yes no' -- "$cur") ;;
        action) mapfile -t COMPREPLY < <(compgen -W 'allow errno errno: kill log' -- "$cur") ;;
        rlimit)
            # NAME= first; the values are the user's to type.
            if [[ $cur != *=* ]]; then
                compopt -o nospace
                mapfile -t COMPREPLY < <(compgen -W "$_veil_rlimits" -S = -- "$cur")
            fi
            ;;
    esac
}

# Readline splits words at = and :, so --rlimit nofile=1:2 reaches us as
# "nofile" "=" "1" ":" "2": move i, in _veil, past the rest of the argument
# that ended at i - 1.  Fails when the cursor is in it (nothing to offer).
_veil_glue()
{
    while [[ ${COMP_WORDS[i]} == [=:] ]]; do
        ((i + 1 >= COMP_CWORD)) && return 1
        ((i += 2))
    done
    return 0
}

_veil()
{
    local cur=${COMP_WORDS[COMP_CWORD]} i=1 j word kinds
    local opts='-p --profile --check-profile --list-profiles
        -r --root --bind --ro-bind --bind-try --ro-bind-try --dev-bind
        --dev-bind-try --bind-source-pid --trust-source-pid --proc --sysfs --dev --shm-size --proc-unmasked
        --tmpfs --dir --symlink --remount-ro
        --chmod --bind-cwd --ro-bind-cwd --keep-tmpdir --clear-mounts --perms
        --size --chdir --setenv --unsetenv --clearenv --keepenv
        --unshare-user --unshare-pid --unshare-net --unshare-ipc --unshare-uts
        --unshare-cgroup --unshare-all --share-net --hostname --uid --gid --nobody --no-nobody
        --timeout --kill-after --rlimit --memory --pids --cpu --cgroup-parent
        --die-with-parent --stats
        --keep-fd --new-session --pty --nested-userns --landlock --host-sockets --cap-add --cap-drop --seccomp --seccomp-default --seccomp-deny
        --seccomp-kill --seccomp-log --seccomp-allow --dry-run
        -v --verbose -h --help --version'

    # Walk the words before the cursor as veil parses them.
    while ((i < COMP_CWORD)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -- ]]; then
            ((i++))
            break
        fi
        [[ $word == -?* ]] || break     # the first non-option is the command
        if [[ $word == --check-profile ]]; then
            _veil_complete_arg profile  # every word after it is a profile
            return
        fi
        read -ra kinds <<<"$(_veil_args "$word")"
        ((i++))
        # --opt=VALUE reaches us as "--opt" "=" "VALUE".
        if [[ ${COMP_WORDS[i]} == = ]]; then
            ((i += 2))
            _veil_glue || return
            continue
        fi
        for ((j = 0; j < ${#kinds[@]}; j++)); do
            if ((i == COMP_CWORD)); then
                _veil_complete_arg "${kinds[j]}"
                return
            fi
            ((i++))
            _veil_glue || return
        done
    done

    # The VALUE of --opt=VALUE.
    if [[ $cur == = ]]; then
        cur=
        _veil_complete_arg "$(_veil_args "${COMP_WORDS[COMP_CWORD - 1]}")"
        return
    elif ((i == COMP_CWORD + 1)); then
        _veil_complete_arg "$(_veil_args "${COMP_WORDS[COMP_CWORD - 2]}")"
        return
    fi

    if ((i < COMP_CWORD)); then
        # In the command's arguments: complete as for the command itself.
        if declare -F _command_offset >/dev/null; then
            _command_offset "$i"
        else
            _veil_complete_arg file
        fi
    elif [[ $cur == -* && ${COMP_WORDS[i - 1]} != -- ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
    else
        mapfile -t COMPREPLY < <(compgen -c -- "$cur")
    fi
}
complete -F _veil veil

# ex: filetype=sh
