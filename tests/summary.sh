#!/bin/sh
# summary.sh test-suite.log: print automake's counts as one line,
# "N passed, N failed, N skipped".
log=${1:-test-suite.log}
awk '
/^# PASS:/  { pass = $3 }
/^# FAIL:/  { fail += $3 }
/^# ERROR:/ { fail += $3 }
/^# XPASS:/ { fail += $3 }
/^# XFAIL:/ { pass += $3 }
/^# SKIP:/  { skip = $3 }
END { printf "%d passed, %d failed, %d skipped\n", pass, fail, skip }
' "$log"
