#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest without building it.

Usage: test-manifest.py MANIFEST SOURCE_ROOT

Checks that the manifest is valid JSON, names the right app, runtime and
command, grants no network access, pins every archive with a sha256, and
that every library the meson build looks for is either in the GNOME 43
runtime or built by one of the manifest's modules.
"""

import json
import os
import re
import sys

APP_ID = "org.localityplanner.LocalityPlanner"
RUNTIME = "org.gnome.Platform"
RUNTIME_VERSION = "43"
SDK = "org.gnome.Sdk"
COMMAND = "locality-planner"

FORBIDDEN_FINISH_ARGS = ["--share=network"]
REQUIRED_FINISH_ARGS = ["--filesystem=xdg-documents"]

# Libraries the GNOME 43 runtime (freedesktop SDK 22.08 underneath) already
# provides: pkg-config names and plain library names (cc.find_library).
RUNTIME_PROVIDES = {
    "glib-2.0", "gio-2.0", "gio-unix-2.0", "gobject-2.0", "gmodule-2.0",
    "gtk4", "libadwaita-1",
    "cairo", "pango", "pangocairo", "gdk-pixbuf-2.0", "graphene-1.0",
    "sqlite3", "libarchive", "zlib", "libxml-2.0", "json-glib-1.0",
    "nettle",  # the runtime's GnuTLS is built on it
    # libc and friends, found with cc.find_library
    "m", "dl", "pthread", "rt",
}

# Library (pkg-config or find_library name) -> the manifest module that
# builds it.
MODULE_FOR = {
    "xlsxwriter": "libxlsxwriter",
    "libxlsxwriter": "libxlsxwriter",
    "csv": "libcsv",  # Debian ships no csv.pc: meson uses cc.find_library('csv')
    "libcsv": "libcsv",
}

DEPENDENCY_RE = re.compile(r"""\bdependency\(\s*['"]([^'"]+)['"]""")
FIND_LIBRARY_RE = re.compile(r"""\bfind_library\(\s*['"]([^'"]+)['"]""")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")

failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def ok(message):
    print(f"ok:   {message}")


def load_manifest(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        print(f"FAIL: cannot read {path}: {e.strerror}", file=sys.stderr)
        sys.exit(1)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        print(f"FAIL: {path}:{e.lineno}:{e.colno}: not valid JSON: {e.msg}",
              file=sys.stderr)
        sys.exit(1)


def check_field(manifest, key, expected):
    value = manifest.get(key)
    if value == expected:
        ok(f"{key} is {expected!r}")
    else:
        fail(f"{key} is {value!r}, expected {expected!r}")


def check_finish_args(manifest):
    args = manifest.get("finish-args", [])
    if not isinstance(args, list):
        fail("finish-args is not a list")
        return
    for arg in FORBIDDEN_FINISH_ARGS:
        if arg in args:
            fail(f"finish-args contains {arg}: the app must have no network access")
        else:
            ok(f"finish-args has no {arg}")
    for arg in REQUIRED_FINISH_ARGS:
        if arg in args:
            ok(f"finish-args has {arg}")
        else:
            fail(f"finish-args lacks {arg}")


def walk_modules(modules):
    """Yield every module, nested ones included; skip string includes."""
    for module in modules or []:
        if isinstance(module, dict):
            yield module
            yield from walk_modules(module.get("modules"))


def check_sources(modules):
    count = 0
    for module in modules:
        name = module.get("name", "<unnamed>")
        for source in module.get("sources", []):
            if not isinstance(source, dict) or source.get("type") not in ("archive", "file"):
                continue
            if source.get("type") == "file" and "url" not in source:
                continue  # a local file, nothing to pin
            count += 1
            url = source.get("url")
            sha = source.get("sha256", "")
            if not url:
                fail(f"module {name}: {source.get('type')} source has no url")
                continue
            if not SHA256_RE.match(sha):
                fail(f"module {name}: {url} has no valid sha256 "
                     f"(64 lower-case hex digits), got {sha!r}")
                continue
            ok(f"module {name}: {url} pinned to sha256 {sha[:12]}...")
    if count == 0:
        ok("no downloaded sources")


def meson_files(source_root):
    top = os.path.join(source_root, "meson.build")
    if os.path.isfile(top):
        yield top
    app = os.path.join(source_root, "app")
    for dirpath, dirnames, filenames in os.walk(app):
        dirnames.sort()
        if "meson.build" in filenames:
            yield os.path.join(dirpath, "meson.build")


def strip_comments(text):
    # meson comments start with '#' and run to the end of the line; a '#'
    # inside a string is rare enough in these files to ignore.
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def check_dependencies(source_root, module_names):
    files = list(meson_files(source_root))
    if not files:
        fail(f"no meson.build found under {source_root}")
        return
    wanted = {}  # name -> first file:line asking for it
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        for regex, kind in ((DEPENDENCY_RE, "dependency"), (FIND_LIBRARY_RE, "find_library")):
            for m in regex.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                rel = os.path.relpath(path, source_root)
                wanted.setdefault(m.group(1), f"{rel}:{line} ({kind})")
    ok(f"scanned {len(files)} meson.build file(s), {len(wanted)} library name(s) asked for")
    for name, where in sorted(wanted.items()):
        if name in RUNTIME_PROVIDES:
            ok(f"{name} ({where}) is in the GNOME {RUNTIME_VERSION} runtime")
        elif name in MODULE_FOR:
            module = MODULE_FOR[name]
            if module in module_names:
                ok(f"{name} ({where}) is built by module {module!r}")
            else:
                fail(f"{name} ({where}) should be built by module {module!r}, "
                     f"which the manifest lacks")
        else:
            fail(f"{name} ({where}) is neither in the GNOME {RUNTIME_VERSION} runtime "
                 f"list nor built by a known module; add a module for it and map it "
                 f"in tests/flatpak/test-manifest.py")


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} MANIFEST SOURCE_ROOT", file=sys.stderr)
        return 2
    manifest_path, source_root = argv[1], argv[2]
    print(f"checking {manifest_path} against {os.path.abspath(source_root)}")

    manifest = load_manifest(manifest_path)
    if not isinstance(manifest, dict):
        print(f"FAIL: {manifest_path}: top level is not a JSON object", file=sys.stderr)
        return 1
    ok("manifest is valid JSON")

    # flatpak-builder accepts either key for the application id.
    app_key = "app-id" if "app-id" in manifest else "id"
    check_field(manifest, app_key, APP_ID)
    check_field(manifest, "runtime", RUNTIME)
    check_field(manifest, "runtime-version", RUNTIME_VERSION)
    check_field(manifest, "sdk", SDK)
    check_field(manifest, "command", COMMAND)
    check_finish_args(manifest)

    modules = list(walk_modules(manifest.get("modules")))
    module_names = [m.get("name") for m in modules]
    ok(f"modules: {', '.join(str(n) for n in module_names)}")
    app_modules = [m for m in modules if m.get("buildsystem") == "meson"
                   and any(isinstance(s, dict) and s.get("type") == "dir"
                           for s in m.get("sources", []))]
    if app_modules:
        ok(f"the app is built from the source tree by module {app_modules[0].get('name')!r}")
    else:
        fail("no meson module builds the app from the source tree (type 'dir')")
    check_sources(modules)
    check_dependencies(source_root, set(module_names))

    if failures:
        print(f"\n{len(failures)} check(s) failed:", file=sys.stderr)
        for message in failures:
            print(f"  - {message}", file=sys.stderr)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
