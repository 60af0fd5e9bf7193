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
# The timeouts are only there to end a hung test: a busy two-core machine
# (or a sanitizer, several times slower) must not fail a slow one.
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C _build --print-errorlogs --timeout-multiplier 2 "$@" </dev/null || status=$?

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
    meson test -C _build-asan --no-rebuild --print-errorlogs --timeout-multiplier 4 --suite core --suite cli --suite export \
    </dev/null || status=$?
fi

# Each fuzzing harness for 30 seconds (LP_FUZZ_SECONDS), seeded with
# the test files, when clang is there: a crash, a leak or undefined
# behaviour fails the run (tests/fuzz/README.md says how to run longer).
if [ $# -eq 0 ] && command -v clang >/dev/null; then
  # A machine whose clang cannot build them fails the run, with the reason,
  # and the closing lines still come.
  if { [ -f _build-fuzz/build.ninja ] ||
       CC=clang meson setup _build-fuzz -Dfuzzing=true -Dui_tests=false -Db_lundef=false; } &&
     fuzzers=$(cd _build-fuzz && meson introspect --targets | python3 -c \
       'import json,sys; print(" ".join(t["filename"][0] for t in json.load(sys.stdin) if t["name"].startswith("fuzz-")))') &&
     ninja -C _build-fuzz $(for f in $fuzzers; do realpath --relative-to=_build-fuzz "$f"; done); then
    for fuzzer in $fuzzers; do
      corpus=$(mktemp -d)
      if "$fuzzer" "$corpus" tests/fixtures/import tests/fixtures/bad -max_total_time="${LP_FUZZ_SECONDS:-30}" \
           -max_len=65536 -print_final_stats=1 >"$corpus.log" 2>&1; then
        echo "fuzzed $(basename "$fuzzer"): $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$corpus.log" | grep -o '[0-9]*$') runs in ${LP_FUZZ_SECONDS:-30} s, no crash"
      else
        echo "fuzzing $(basename "$fuzzer") failed:"; tail -40 "$corpus.log"; status=1
      fi
      rm -rf "$corpus" "$corpus.log"
    done
  else
    echo "could not build the fuzzers with clang (see above)"; status=1
  fi
fi

# Plain closing lines, counted from meson's own logs.
python3 - _build/meson-logs/testlog.json "${sanitized:-}" <<'PY' || true
import json, re, sys
for label, path in (("", sys.argv[1]), ("with sanitizers: ", sys.argv[2])):
    if not path:
        continue
    results = [json.loads(line)["result"] for line in open(path) if line.strip()]
    passed = sum(r == "OK" for r in results)
    skipped = sum(r == "SKIP" for r in results)
    print(f"{label}{passed} passed, {len(results) - passed - skipped} failed, {skipped} skipped")
# The robustness figures the tests report: kill points, bad files, upgrades.
for line in open(sys.argv[1]):
    test = json.loads(line)
    out = test.get("stdout") or ""
    for message in re.findall(r"^# (.*(?:kill points tried|writes each|rows, all kept).*)$", out, re.M):
        print(f"{test['name'].split(' / ')[-1]}: {message}")
    bad = re.findall(r"^ok \d+ /import/bad/", out, re.M)
    if bad:
        print(f"{test['name'].split(' / ')[-1]}: {len(bad)} bad inputs tried, each refused with its own error")
# A failed test is named, with the end of what it printed, at the very end,
# where a reader of the run's last lines will see it.
failed = []
for label, path in (("", sys.argv[1]), ("with sanitizers: ", sys.argv[2])):
    if path:
        failed += [(label, json.loads(line)) for line in open(path) if line.strip()]
for label, test in failed:
    if test["result"] in ("OK", "SKIP"):
        continue
    print(f"{label}FAILED {test['name']} ({test['result']}, {test.get('duration', 0):.1f} s); its last lines:")
    for line in ((test.get("stdout") or "") + (test.get("stderr") or "")).splitlines()[-25:]:
        print(f"    {line}")
PY
exit "$status"
