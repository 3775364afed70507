#!/usr/bin/env bash
# Runs the packaged bash completion of handlescope-cli as bash would, for
# scripts/check-package.sh:
#   check-completion.sh FILE COMMAND OPTION...  COMMAND completes from its first letters and
#                                               `COMMAND --` offers every OPTION
#   check-completion.sh FILE --pids             PID arguments offer this shell's pid, and
#                                               --handle offers the fds of the --from process
set -euo pipefail
file=$1
shift
# shellcheck source=/dev/null
source "$file"

fail() {
    echo "check-completion: FAIL: $*" >&2
    exit 1
}

# Completes the words as typed, the cursor at the end of the last one; fills COMPREPLY.
complete_words() {
    COMP_WORDS=(handlescope-cli "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _handlescope_cli
}

offers() { # offers WORD: whether COMPREPLY holds WORD
    local w
    for w in "${COMPREPLY[@]}"; do
        [ "$w" = "$1" ] && return 0
    done
    return 1
}

if [ "$1" = --pids ]; then
    pid=$$
    complete_words handles "${pid:0:1}"
    offers "$pid" || fail "'handles ${pid:0:1}<TAB>' does not offer this shell's pid $pid"
    complete_words dup --from "$pid" --handle ""
    for fd in 0 1 2; do
        offers "$fd" || fail "'dup --from $pid --handle <TAB>' does not offer fd $fd: ${COMPREPLY[*]}"
    done
    complete_words close --pid ""
    offers "$pid" || fail "'close --pid <TAB>' does not offer pid $pid"
    exit 0
fi

command=$1
shift
complete_words "${command:0:2}"
offers "$command" || fail "'${command:0:2}<TAB>' does not offer the command $command: ${COMPREPLY[*]}"
complete_words "$command" --
for option in "$@"; do
    offers "$option" || fail "'$command --<TAB>' does not offer $option: ${COMPREPLY[*]}"
done
