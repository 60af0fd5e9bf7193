#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The screenshots the README and the AppStream metainfo show are in
data/screenshots/, each with the size the metainfo states, and every file
there is shown somewhere.  (build-aux/update-screenshots.sh retakes them
from the app.)

Usage: test-screenshots.py SOURCE_ROOT"""
import pathlib
import re
import struct
import sys
from xml.etree import ElementTree

root = pathlib.Path(sys.argv[1])
shots = root / "data" / "screenshots"
problems = []


def png_size(path):
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    return struct.unpack(">II", header[16:24])


metainfo = (root / "data" / "org.localityplanner.LocalityPlanner.metainfo.xml.in").read_text(encoding="utf-8")
readme = (root / "README.md").read_text(encoding="utf-8")
shown = set()
images = ElementTree.fromstring(metainfo).findall("./screenshots/screenshot/image")
for image in images:
    url = (image.text or "").strip()
    name = url.rsplit("/", 1)[-1]
    shown.add(name)
    path = shots / name
    width, height = image.get("width"), image.get("height")
    if image.get("type") != "source" or width is None or height is None:
        problems.append(f"metainfo: {url}: an image needs type=\"source\", width and height")
    elif not path.is_file():
        problems.append(f"metainfo: {url}: no data/screenshots/{name}")
    elif png_size(path) != (int(width), int(height)):
        problems.append(f"metainfo: {name} is {png_size(path)}, the metainfo says {width} x {height}")
for name in re.findall(r"\]\(data/screenshots/([^)]+)\)", readme):
    shown.add(name)
    if not (shots / name).is_file():
        problems.append(f"README.md: no data/screenshots/{name}")
for path in sorted(shots.glob("*.png")):
    if path.name not in shown:
        problems.append(f"data/screenshots/{path.name} is shown nowhere")
if not images or not shown:
    problems.append("no screenshots at all")

for problem in problems:
    print(problem)
print(f"{len(shown)} screenshots checked")
sys.exit(1 if problems else 0)
