#!/bin/sh
# mkroot.sh DIR - make a tiny action root from busybox-static in DIR.
#
# DIR gets bin/busybox (a copy of the static binary, so the root needs
# nothing from the host) with a symlink for every applet it has, and empty
# proc, dev, sys and tmp directories.  Safe to run again on the same DIR.
# Used by the tests and by bench/run.sh.
set -eu

BUSYBOX=${BUSYBOX:-/bin/busybox}

if [ "$#" -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1

if [ ! -x "$BUSYBOX" ]; then
	echo "$0: $BUSYBOX not found (apt-get install busybox-static)" >&2
	exit 1
fi

mkdir -p "$dir/bin" "$dir/proc" "$dir/dev" "$dir/sys" "$dir/tmp"
chmod 1777 "$dir/tmp"

# Copy only when missing or different, so reruns do not touch the file.
if ! cmp -s "$BUSYBOX" "$dir/bin/busybox"; then
	cp -f "$BUSYBOX" "$dir/bin/busybox.new"
	chmod 0755 "$dir/bin/busybox.new"
	mv -f "$dir/bin/busybox.new" "$dir/bin/busybox"
fi

for applet in $("$BUSYBOX" --list); do
	[ "$applet" = busybox ] || ln -sfn busybox "$dir/bin/$applet"
done
