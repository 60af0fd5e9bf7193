#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Locality Planner into a temporary prefix, installs it, and checks
# that everything a desktop needs is there and works from there: the
# installed command-line tool reads the installed sample plan, in English
# and in Welsh, and the desktop knows an .lpplan file as a plan and the app
# as what opens it.
# Usage: test-install.sh SOURCE_ROOT
set -euo pipefail
source_root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
app_id=org.localityplanner.LocalityPlanner
failures=0

step () {  # step LOG COMMAND...: runs a build step, showing its log if it fails
  local log=$tmp/$1; shift
  "$@" >"$log" 2>&1 || { echo "failed: $*"; tail -30 "$log"; exit 1; }
}
check () {  # check DESCRIPTION COMMAND...
  local description=$1; shift
  if "$@"; then echo "ok: $description"; else echo "FAILED: $description"; failures=$((failures + 1)); fi
}
contains () { grep -qF -- "$2" <<<"$1"; }

step setup.log meson setup "$tmp/build" "$source_root" --prefix="$prefix" -Dtests=false
step build.log ninja -C "$tmp/build"
step install.log meson install -C "$tmp/build" --no-rebuild

for file in bin/locality-planner bin/locality-planner-cli \
    share/locality-planner/sample.lpplan \
    share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$app_id.svg \
    share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
    share/glib-2.0/schemas/$app_id.gschema.xml share/glib-2.0/schemas/gschemas.compiled \
    share/mime/packages/$app_id.mime.xml \
    share/locale/cy/LC_MESSAGES/locality-planner.mo \
    share/man/man1/locality-planner.1 share/man/man1/locality-planner-cli.1 \
    share/help/C/locality-planner/index.page share/help/C/locality-planner/first-plan.page \
    share/help/C/locality-planner/workshop.page; do
  check "installed $file" test -s "$prefix/$file"
done

# Each command's output is checked below; a failing command must not end
# the script before its check says what failed.
version=$(env -u DISPLAY -u WAYLAND_DISPLAY "$prefix/bin/locality-planner" --version 2>&1 || true)
check "the installed app says its version ($version) without a display" \
  grep -qE '^locality-planner [0-9]+\.[0-9]+\.[0-9]+$' <<<"$version"

cli=$prefix/bin/locality-planner-cli
sample=$prefix/share/locality-planner/sample.lpplan
english=$(LC_ALL=C.UTF-8 LANGUAGE= "$cli" list localities "$sample" 2>&1 || true)
echo "$english"
check "the installed tool lists the installed sample's 57 practices, 596,907 patients" \
  grep -qE '^Total +57 +596,907$' <<<"$english"
check "in English, the column says Locality" contains "$english" "Locality"

welsh=$(LC_ALL=C.UTF-8 LANGUAGE=cy "$cli" list localities "$sample" 2>&1 || true)
echo "$welsh"
check "in Welsh, the column says Ardal" contains "$welsh" "Ardal"
check "in Welsh, the figures are the same" \
  test "$(grep -o '[0-9][0-9,]*' <<<"$welsh")" = "$(grep -o '[0-9][0-9,]*' <<<"$english")"
welsh_error=$(LC_ALL=C.UTF-8 LANGUAGE=cy "$cli" list localities "$tmp/no-such.lpplan" 2>&1 || true)
echo "$welsh_error"
check "in Welsh, an error is in Welsh too" test "$welsh_error" != \
  "$(LC_ALL=C.UTF-8 LANGUAGE= "$cli" list localities "$tmp/no-such.lpplan" 2>&1 || true)"

# The desktop's own view: the file's type, and the app that opens it.
if command -v gio >/dev/null; then
  # GIO offers only apps whose command is on the PATH; the user's own
  # choices (mimeapps.list) are kept out.
  export XDG_DATA_DIRS=$prefix/share:/usr/share XDG_DATA_HOME=$tmp/data-home PATH=$prefix/bin:$PATH \
    XDG_CONFIG_HOME=$tmp/config-home
  type=$(gio info -a standard::content-type "$sample" 2>&1 | sed -n 's/.*standard::content-type: //p' || true)
  check "an .lpplan file is a $type" test "$type" = application/x-locality-planner-plan
  plain_copy=$tmp/renamed.sqlite
  cp "$sample" "$plain_copy"
  type=$(gio info -a standard::content-type "$plain_copy" 2>&1 | sed -n 's/.*standard::content-type: //p' || true)
  check "a plan under another name is still known by its header ($type)" \
    test "$type" = application/x-locality-planner-plan
  opener=$(gio mime application/x-locality-planner-plan 2>&1 || true)
  echo "$opener"
  check "the app opens plan files" contains "$opener" "$app_id.desktop"
else
  echo "skipped: the file-type checks (no gio here; Debian's libglib2.0-bin has it)"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all install checks passed"
