#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and starts Locality Planner on your copy
# of the bundled sample plan (or on the plan files given as arguments).
set -euo pipefail
cd "$(dirname "$0")"
. build-aux/setup.sh
exec _build/app/locality-planner "$@"
