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

# The core, the command-line tool and the exporter again, built with
# AddressSanitizer and UndefinedBehaviorSanitizer: a leak, an overflow or
# undefined behaviour fails the run.  (Not the views: GTK's own caches read
# as leaks.)  Skipped when only some tests were asked for.
if [ $# -eq 0 ]; then
  if [ ! -f _build-asan/build.ninja ]; then
    meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dui_tests=false
  fi
  ninja -C _build-asan
  sanitized=_build-asan/meson-logs/testlog.json
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C _build-asan --no-rebuild --print-errorlogs --suite core --suite cli --suite export \
    </dev/null || status=$?
fi

# Plain closing lines, counted from meson's own logs.
python3 - _build/meson-logs/testlog.json "${sanitized:-}" <<'PY' || true
import json, sys
for label, path in (("", sys.argv[1]), ("with sanitizers: ", sys.argv[2])):
    if not path:
        continue
    results = [json.loads(line)["result"] for line in open(path) if line.strip()]
    passed = sum(r == "OK" for r in results)
    skipped = sum(r == "SKIP" for r in results)
    print(f"{label}{passed} passed, {len(results) - passed - skipped} failed, {skipped} skipped")
PY
exit "$status"
