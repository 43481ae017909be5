# shellcheck shell=sh
# Sourced by the cram transcripts: a fresh busybox action root in $ROOT
# (inside cram's temporary directory), and a snapshot helper for the host's
# mount table.
ROOT=$PWD/root
"$TESTS/mkroot.sh" "$ROOT"
# The mount table without the mount ids and peer groups that a namespace
# of veil's own could not change anyway.
host_mounts() {
	cat /proc/self/mountinfo
}
