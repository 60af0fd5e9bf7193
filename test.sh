#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs every test suite; the tests that
# need a display run under a virtual X server.  Exit status: the tests'.
set -euo pipefail
cd "$(dirname "$0")"
. build-aux/setup.sh

export GSK_RENDERER=cairo
# No accessibility bus under the virtual display: its start-up is noise.
export GTK_A11Y=none
status=0
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C _build --print-errorlogs "$@" </dev/null || status=$?

# One plain closing line, counted from meson's own log.
python3 - _build/meson-logs/testlog.json <<'PY' || true
import json, sys
results = [json.loads(line)["result"] for line in open(sys.argv[1]) if line.strip()]
passed = sum(r == "OK" for r in results)
skipped = sum(r == "SKIP" for r in results)
print(f"{passed} passed, {len(results) - passed - skipped} failed, {skipped} skipped")
PY
exit "$status"
