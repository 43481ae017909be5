#!/bin/sh
# run.sh [root|default] - benchmark veil's startup against bwrap, unshare
# and a minimal C floor with one hyperfine invocation.  See bench/README.md.
#
#   root     (default) run /bin/true in a tiny busybox root:
#            veil, bwrap, unshare and bench/floor.c
#   default  run /bin/true in the host-root default sandbox:
#            veil vs bwrap
#
# Environment:
#   BENCH_RUNS  timed runs per command (default 300; warmup is 20)
#   VEIL        veil binary (default: veil at the top of the project)
#   BENCH_JSON  if set, also copy hyperfine's JSON results to this path
#
# Must run as root: the floor and unshare need CAP_SYS_ADMIN, and bwrap
# and veil are compared without a user namespace.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

scenario=${1:-root}
case $scenario in
root | default) ;;
*)
	echo "usage: $0 [root|default]" >&2
	exit 2
	;;
esac

runs=${BENCH_RUNS:-300}
veil=${VEIL:-$top/veil}

die() {
	echo "$0: $*" >&2
	exit 1
}

[ "$(id -u)" -eq 0 ] || die "must be run as root"
for tool in hyperfine bwrap unshare cc python3; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool not found in PATH"
done
[ -x /bin/busybox ] || die "/bin/busybox not found (apt-get install busybox-static)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/veil-bench.XXXXXX")
# Every mount made by the benchmarked commands lives in a private mount
# namespace that is gone when they exit, so plain removal is safe.
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# Quote one word for hyperfine, which splits -N command lines like a
# POSIX shell: wrap in single quotes, turn each ' into '\''.
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# cmdline WORD... - print the words as one quoted hyperfine command line.
cmdline() {
	sep=
	for word in "$@"; do
		printf '%s%s' "$sep" "$(quote "$word")"
		sep=' '
	done
}

# add NAME WORD... - append "-n NAME COMMAND" to hf_args, all quoted.
add() {
	name=$1
	shift
	line=$(cmdline "$@")
	hf_args="$hf_args -n $(quote "$name") $(quote "$line")"
}
hf_args=

if [ -x "$veil" ]; then
	have_veil=1
else
	have_veil=0
	echo "note: $veil is not built (or not executable): skipping veil" >&2
fi

case $scenario in
root)
	cc -O2 -Wall -Wextra -o "$tmp/floor" "$here/floor.c"
	root=$tmp/root
	"$here/../tests/mkroot.sh" "$root"

	if [ "$have_veil" -eq 1 ]; then
		add veil "$veil" --root "$root" --proc /proc --dev /dev -- /bin/true
	fi
	# New mount+pid namespaces, R bind-mounted as / (pivot_root), fresh
	# proc, tmpfs /dev with null/zero/full/random/urandom/tty + devpts;
	# pid 1 is bwrap's reaper, /bin/true is pid 2.
	add bwrap bwrap --unshare-pid --bind "$root" / --proc /proc --dev /dev /bin/true
	# util-linux unshare: new mount+pid namespaces, fork, make / recursively
	# private, chroot(2) into R (not pivot_root: the host mounts stay in the
	# namespace, only out of view), then mount proc on R/proc.  It sets up
	# no /dev (R/dev stays an empty directory) and /bin/true runs as pid 1
	# itself, with no supervising init.  So it does a little less than the
	# others; it is the util-linux reference point, not an exact match.
	add unshare unshare --mount --pid --fork --root="$root" --mount-proc /bin/true
	# bench/floor.c: new mount+pid namespaces, bind R + pivot_root, tmpfs
	# /dev with only /dev/null, fresh proc; pid 1 forks and waits.
	add floor "$tmp/floor" "$root" /bin/true
	;;
default)
	if [ "$have_veil" -eq 1 ]; then
		add veil "$veil" -- /bin/true
	fi
	# The host root read-only, fresh proc, minimal /dev, empty /tmp.
	add bwrap bwrap --unshare-pid --ro-bind / / --proc /proc --dev /dev \
		--tmpfs /tmp /bin/true
	;;
esac

json=$tmp/results.json
# hf_args holds only words quoted by quote(), so eval rebuilds them exactly.
eval "set -- $hf_args"
hyperfine -N --warmup 20 --runs "$runs" --export-json "$json" "$@"

if [ -n "${BENCH_JSON:-}" ]; then
	cp "$json" "$BENCH_JSON"
	echo "hyperfine JSON copied to $BENCH_JSON"
fi

echo
echo "scenario: $scenario ($runs runs, warmup 20, kernel $(uname -r))"
python3 - "$json" <<'EOF'
import json
import sys

with open(sys.argv[1]) as f:
    results = {r["command"]: r for r in json.load(f)["results"]}

floor = results.get("floor")
print(f"{'command':<10} {'mean ms':>9} {'stddev ms':>10} {'x floor':>8}")
for name, r in results.items():
    ratio = f"{r['mean'] / floor['mean']:.2f}" if floor else "-"
    print(f"{name:<10} {r['mean'] * 1e3:>9.3f} {r['stddev'] * 1e3:>10.3f} "
          f"{ratio:>8}")

if "veil" in results and "bwrap" in results:
    print(f"veil/bwrap: {results['veil']['mean'] / results['bwrap']['mean']:.2f}")
else:
    print("veil/bwrap: - (veil not run)")
EOF
