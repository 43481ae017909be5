# shellcheck shell=sh
# Sourced by the cgroup transcripts, after lib.sh.  Finds cgroup v2 the way
# veil does, and makes a cgroup for the transcript to work in; skips the
# transcript (exit 80, cram's convention) where there is none to be had.
#
#   CG2      where cgroup2 is mounted (from /proc/self/mountinfo)
#   OWN_DIR  this shell's own cgroup there (the 0:: line of /proc/self/cgroup)
#   T        a new, empty cgroup under OWN_DIR for the transcript; T_PATH is
#            its path in the hierarchy, as /proc/PID/cgroup writes it
#   cg_need CONTROLLER  skip unless CONTROLLER can be given to T's children
#   cg_dirs DIR         the cgroups below DIR, relative, one a line
#   cg_cleanup          remove T and what is left below it
#   cg_skip REASON      skip, with the reason (tests/cram-run shows it)

cg_skip() {
	echo "$*" >"${TESTDIR:-.}/${TESTFILE:-cram}.skip"
	exit 80
}

CG2=
while read -r _ _ _ cg_root cg_point cg_rest; do
	case $cg_rest in *" - cgroup2 "*) ;; *) continue ;; esac
	if [ "$cg_root" = / ] && [ "$(stat -f -c %T "$cg_point" 2>/dev/null)" = cgroup2fs ]; then
		CG2=$cg_point
		break
	fi
done </proc/self/mountinfo
if [ -z "$CG2" ]; then
	cg_skip "no cgroup2 file system is mounted here"
fi
OWN=$(sed -n 's/^0:://p' /proc/self/cgroup)
if [ "$OWN" = / ]; then OWN_DIR=$CG2; else OWN_DIR=$CG2$OWN; fi
T_NAME=veil-test-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
T=$OWN_DIR/$T_NAME
# shellcheck disable=SC2034 # used by the transcripts that source this file
T_PATH=${OWN%/}/$T_NAME
if ! mkdir "$T" 2>/dev/null; then
	cg_skip "cannot create a cgroup in $OWN_DIR"
fi

cg_dirs() {
	(cd "$1" && find . -mindepth 1 -type d | sed 's|^\./||' | sort)
}

cg_cleanup() {
	find "$T" -depth -type d -exec rmdir {} + 2>/dev/null
	[ ! -e "$T" ]
}

# T's children may have CONTROLLER when T's parent enables it for T.  When
# this shell's own cgroup cannot (it has processes, as a login session's
# has), T moves up to the nearest ancestor that enables it.  In the root
# cgroup (where processes do not stop that) the transcript enables it
# itself, as veil would for --cgroup-parent /.
cg_need() {
	cg_d=$OWN_DIR
	while ! grep -qw "$1" "$T/cgroup.controllers"; do
		if [ "$cg_d" = "$CG2" ]; then
			grep -qw "$1" "$CG2/cgroup.controllers" &&
				echo "+$1" >"$CG2/cgroup.subtree_control" 2>/dev/null
			grep -qw "$1" "$T/cgroup.controllers" && break
			cg_cleanup
			cg_why=$(awk -v c="$1" '$1 == c && $2 > 0 { print ": cgroup v1 holds it" }' /proc/cgroups)
			cg_skip "the cgroup v2 $1 controller cannot be had under $OWN_DIR$cg_why" \
				"(controllers of the root: $(cat "$CG2/cgroup.controllers"))"
		fi
		cg_d=$(dirname "$cg_d")
		if grep -qw "$1" "$cg_d/cgroup.subtree_control" || [ "$cg_d" = "$CG2" ]; then
			rmdir "$T" && T=$cg_d/$T_NAME && mkdir "$T" || cg_skip "cannot create $cg_d/$T_NAME"
			# shellcheck disable=SC2034 # used by the transcripts
			T_PATH=${cg_d#"$CG2"}/$T_NAME
		fi
	done
}
