#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Retakes the screenshots of the README and the AppStream metainfo from the
# real app (tests/ui/app/test-screenshots.c, on the sample plan, and the merge
# window of tests/ui/workshop/test-workshop-window.c) and copies them
# to data/screenshots/.  Run after a change that shows in the main views.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/setup.sh
GSK_RENDERER=cairo GTK_A11Y=none dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C _build --print-errorlogs screenshots workshop </dev/null
cp _build/tests/screenshots/*.png data/screenshots/
ls -l data/screenshots/
