# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by run.sh and test.sh: installs the Debian packages that are
# missing, then configures (once) and builds Locality Planner in _build/.
# Running it again skips what is already done.

lp_missing_packages () {
  local pkg
  grep -v '^\s*#' build-aux/debian-packages.txt | grep -v '^\s*$' | while read -r pkg; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

lp_install_packages () {
  local missing sudo=""
  missing=$(lp_missing_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Missing packages: $missing— run as root or install sudo." >&2; return 1; }
    sudo="sudo"
  fi
  echo "Installing missing Debian packages: $missing"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing </dev/null
}

lp_build () {
  if [ ! -f _build/build.ninja ]; then
    meson setup _build
  fi
  ninja -C _build
}

lp_install_packages
lp_build
