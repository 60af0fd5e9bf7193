#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every file with strings to translate, and only files
that exist: a C file or header calling _(), N_(), C_(), NC_(), Q_() or one
of the gettext functions; a .ui file with
translatable="yes"; the settings schema, desktop file and metainfo.

Usage: test-potfiles.py SOURCE_ROOT"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = {line.strip() for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.startswith("#")}

C_MARKS = re.compile(r"\b(?:N?C?_|Q_|ngettext|g_dngettext|g_dpgettext2?|g_dcgettext|dgettext)\s*\(")
MARKS = {".c": C_MARKS, ".h": C_MARKS, ".ui": re.compile(r'translatable="yes"')}
needed = set()
for folder in ("app", "resources"):
    for path in (root / folder).rglob("*"):
        mark = MARKS.get(path.suffix)
        if mark and mark.search(path.read_text(encoding="utf-8")):
            needed.add(path.relative_to(root).as_posix())
for path in (root / "data").glob("*.in"):
    needed.add(path.relative_to(root).as_posix())
for path in (root / "data").glob("*.gschema.xml"):
    needed.add(path.relative_to(root).as_posix())

missing = sorted(needed - listed)
absent = sorted(name for name in listed if not (root / name).is_file())
for name in missing:
    print(f"po/POTFILES.in: {name} has strings to translate but is not listed")
for name in absent:
    print(f"po/POTFILES.in: {name} is listed but does not exist")
print(f"{len(listed)} files listed, {len(needed)} with strings to translate")
sys.exit(1 if missing or absent else 0)
