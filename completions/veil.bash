# bash completion for veil(1)                              -*- shell-script -*-

# Each option with the kinds of its arguments: dir, file, var or "-" (no
# completion).  Options that take no argument are listed with none.
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

_veil()
{
    local cur=${COMP_WORDS[COMP_CWORD]} i=1 j kinds word
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
        kinds=($(_veil_args "$word"))
        ((i++))
        # --opt=VALUE reaches us as "--opt" "=" "VALUE".
        if [[ ${COMP_WORDS[i]} == = ]]; then
            ((i += 2))
            continue
        fi
        for ((j = 0; j < ${#kinds[@]}; j++)); do
            if ((i == COMP_CWORD)); then
                case ${kinds[j]} in
                    dir) compopt -o filenames; COMPREPLY=($(compgen -d -- "$cur")) ;;
                    file) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")) ;;
                    var) COMPREPLY=($(compgen -v -- "$cur")) ;;
                esac
                return
            fi
            ((i++))
        done
    done

    # The argument of --opt=VALUE.
    if ((i == COMP_CWORD + 1)) || [[ $cur == = ]]; then
        [[ $cur == = ]] && { word=${COMP_WORDS[COMP_CWORD - 1]}; cur=; } ||
            word=${COMP_WORDS[COMP_CWORD - 2]}
        case $(_veil_args "$word") in
            dir) compopt -o filenames; COMPREPLY=($(compgen -d -- "$cur")) ;;
            var) COMPREPLY=($(compgen -v -- "$cur")) ;;
        esac
        return
    fi

    if ((i < COMP_CWORD)); then
        # In the command's arguments: complete as for the command itself.
        if declare -F _command_offset >/dev/null; then
            _command_offset "$i"
        else
            compopt -o filenames
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
    elif [[ $cur == -* && ${COMP_WORDS[i - 1]} != -- ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -c -- "$cur"))
    fi
}
complete -F _veil veil

# ex: filetype=sh
