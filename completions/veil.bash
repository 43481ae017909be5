# bash completion for veil(1)                              -*- shell-script -*-

# The kinds of an option's arguments: dir, file, var or "-" (nothing to
# complete).  Options that take no argument print nothing.
_veil_args()
{
    case $1 in
        -r | --root | --chdir | --proc | --sysfs | --dev | --tmpfs | --dir | \
            --remount-ro) echo dir ;;
        --bind | --ro-bind | --bind-try | --ro-bind-try | --dev-bind | \
            --dev-bind-try | --symlink) echo file file ;;
        --chmod) echo - file ;;
        --perms | --size | --hostname) echo - ;;
        --setenv) echo var - ;;
        --unsetenv) echo var ;;
    esac
}

# Complete the current word as an argument of kind $1.
_veil_complete_arg()
{
    case $1 in
        dir) compopt -o filenames; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
        file) compopt -o filenames; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
        var) mapfile -t COMPREPLY < <(compgen -v -- "$cur") ;;
    esac
}

_veil()
{
    local cur=${COMP_WORDS[COMP_CWORD]} i=1 j word kinds
    local opts='-r --root --bind --ro-bind --bind-try --ro-bind-try --dev-bind
        --dev-bind-try --proc --sysfs --dev --tmpfs --dir --symlink --remount-ro
        --chmod --perms --size --chdir --setenv --unsetenv --clearenv
        --unshare-user --unshare-pid --unshare-net --unshare-ipc --unshare-uts
        --unshare-cgroup --unshare-all --share-net --hostname --dry-run
        -v --verbose -h --help --version'

    # Walk the words before the cursor as veil parses them.
    while ((i < COMP_CWORD)); do
        word=${COMP_WORDS[i]}
        if [[ $word == -- ]]; then
            ((i++))
            break
        fi
        [[ $word == -?* ]] || break     # the first non-option is the command
        read -ra kinds <<<"$(_veil_args "$word")"
        ((i++))
        # --opt=VALUE reaches us as "--opt" "=" "VALUE".
        if [[ ${COMP_WORDS[i]} == = ]]; then
            ((i += 2))
            continue
        fi
        for ((j = 0; j < ${#kinds[@]}; j++, i++)); do
            if ((i == COMP_CWORD)); then
                _veil_complete_arg "${kinds[j]}"
                return
            fi
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
