#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""How the plan window copes with England's plan, next to the sample's.

    window-bench.py APP SAMPLE.lpplan [--runs 3] [--practices 6500]
                    [--budget 300] [--keep DIR]

(LP_BENCH_RUNS and LP_BENCH_BUDGET set --runs and --budget under meson.)

Makes England's plan from the sample (make-england-plan.py), then runs the
real application on each plan in turn, under its own virtual X display and
D-Bus session, and prints launch time, peak memory, main-loop stalls, view
switches and keystrokes in the practices' search: median [min-max] over the
runs, and England's figure as a multiple of the sample's from the same run.

The timings come from inside the application (app/ui/app/lp-trace.c, switched on
by LP_TRACE), which also drives the window (LP_TRACE_SCRIPT): this script
only starts it and reads what it wrote.  Targets are printed beside the
figures as pass or FAIL; they never fail the benchmark, only a run that did
not finish does.  Wall-clock figures on a shared machine wander: compare
England with the sample measured in the same run, not with an older run.
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The views in sidebar order, starting from the one a plan opens on: each
# is switched to once, and the last switch comes back to it.
VIEWS = ("localities", "practices", "contracts", "modelling", "activity",
         "practice-page", "access", "workforce", "overview")
TYPED = "Practice 01"
BACKSPACES = 3
SCRIPT = f"views={','.join(VIEWS)};type={TYPED};backspace={BACKSPACES}"

# What the window is to reach with England's plan (see the report).
FIRST_FRAME_RATIO = 1.5
RSS_MB = 250
STALL_MS = 100
SWITCH_MS = 100
KEY_MS = 50

# Only to end a hung run: on a busy machine one of England's can take minutes.
RUN_TIMEOUT = 900


def under_display(argv, script=__file__):
    """Runs SCRIPT again inside xvfb-run and dbus-run-session, once for all
    the runs, so that starting them is not part of what is measured."""
    env = dict(os.environ,
               LP_BENCH_INNER="1",
               GSK_RENDERER="cairo",
               GTK_A11Y="none",
               GSETTINGS_BACKEND="memory")
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
               "dbus-run-session", "--", sys.executable, os.path.abspath(script)] + argv
    return subprocess.run(command, env=env, stdin=subprocess.DEVNULL).returncode


def count(plan, table):
    db = sqlite3.connect(f"file:{plan}?mode=ro", uri=True)
    try:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        db.close()


def run_app(app, plan, work, label):
    """One launch of the application on a fresh copy of PLAN; returns the
    trace's events, or None if it did not finish."""
    home = os.path.join(work, f"home-{label}")
    shutil.rmtree(home, ignore_errors=True)
    for sub in ("data", "config", "cache"):
        os.makedirs(os.path.join(home, sub))
    copy = os.path.join(work, f"{label}.lpplan")
    shutil.copyfile(plan, copy)
    trace = os.path.join(work, f"trace-{label}.jsonl")
    log = os.path.join(work, f"log-{label}.txt")
    env = dict(os.environ,
               HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               LP_TRACE=trace,
               LP_TRACE_SCRIPT=SCRIPT)
    with open(log, "w") as out:
        # Taken last, so that launch includes the process's own start-up.
        env["LP_TRACE_T0_NS"] = str(time.monotonic_ns())
        proc = subprocess.Popen([app, copy], env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
        try:
            rc = proc.wait(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            rc = "timed out"
    events = []
    if os.path.exists(trace):
        with open(trace) as f:
            events = [json.loads(line) for line in f if line.strip()]
    if rc != 0 or not any(e["event"] == "end" for e in events):
        with open(log) as f:
            tail = f.read()[-2000:]
        print(f"  {label}: the application did not finish (exit {rc}); its output ends:\n{tail}")
        return None
    return events


def figures(events):
    """The figures of one run, by row name; None where a figure is missing."""
    f = {}
    by = {}
    for e in events:
        by.setdefault(e["event"], []).append(e)
    f["launch"] = by["plan-frame"][0]["ms"]
    f["window first frame"] = by["first-frame"][0]["ms"]
    f["plan complete"] = by["plan-complete"][0]["ms"] if "plan-complete" in by else None
    f["plan shown and idle"] = by["start"][0]["ready_ms"]
    f["stall: launch"] = by["first-frame"][0]["stall_ms"]
    f["peak RSS (MB)"] = by["end"][0]["vmhwm_kb"] / 1024
    for view, n in by["end"][0].get("widgets", {}).items():
        f[f"widgets: {view}"] = n
    f["stall: start"] = by["start"][0]["stall_ms"]
    switches = by.get("switch", [])
    keys = by.get("key", [])
    f["stall: view switches"] = max((s["stall_ms"] for s in switches), default=None)
    f["stall: typing"] = max((k["stall_ms"] for k in keys), default=None)
    for s in switches:
        f[f"switch drawn: {s['view']}"] = s["drawn_ms"]
        f[f"switch figures in: {s['view']}"] = s["figures_ms"]
        f[f"switch last frame: {s['view']}"] = s.get("last_frame_ms")
        f[f"switch stall: {s['view']}"] = s["stall_ms"]
    for n, k in enumerate(keys):
        what = f"+{k['text'][-1]}" if k["op"] == "insert" else "⌫"
        name = f"{n + 1:2d} {what} → “{k['text']}”"
        f[f"key drawn: {name}"] = k["echo_ms"]
        f[f"key filtered: {name}"] = k["filtered_ms"]
        f[f"key rows: {name}"] = k["rows"]
    echoes = [k["echo_ms"] for k in keys if k["echo_ms"] is not None]
    filtered = [k["filtered_ms"] for k in keys if k["filtered_ms"] is not None]
    drawn = [s["drawn_ms"] for s in switches if s["drawn_ms"] is not None]
    f["switch drawn, slowest"] = max(drawn, default=None)
    f["key drawn, slowest"] = max(echoes, default=None)
    f["key filtered, slowest"] = max(filtered, default=None)
    f["stalls"] = by.get("stall", [])
    return f


def summary(runs, name):
    values = [r[name] for r in runs if r.get(name) is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def cell(s, unit=""):
    if s is None:
        return "—"
    med, lo, hi = s
    if lo == hi:
        return f"{med:,.0f}{unit}" if med >= 100 or float(med).is_integer() else f"{med:.1f}{unit}"
    if med >= 100:
        return f"{med:,.0f}{unit} [{lo:,.0f}–{hi:,.0f}]"
    return f"{med:.1f}{unit} [{lo:.1f}–{hi:.1f}]"


def verdict(ok):
    if ok is None:
        return ""
    return "pass" if ok else "FAIL"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("sample")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("LP_BENCH_RUNS", 3)))
    parser.add_argument("--practices", type=int, default=6500)
    parser.add_argument("--budget", type=float, default=float(os.environ.get("LP_BENCH_BUDGET", 300)),
                        help="seconds; no further pair of runs is started that would pass it")
    parser.add_argument("--keep", help="a folder to keep the plans, traces and logs in")
    args = parser.parse_args()

    if not os.environ.get("LP_BENCH_INNER"):
        return under_display(sys.argv[1:])

    started = time.monotonic()
    work = args.keep or tempfile.mkdtemp(prefix="window-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        sample = os.path.join(work, "sample-plan.lpplan")
        shutil.copyfile(args.sample, sample)
        england = os.path.join(work, "england-plan.lpplan")
        if os.path.exists(england):
            os.unlink(england)
        subprocess.run([sys.executable, os.path.join(HERE, "make-england-plan.py"), sample, england,
                        "--practices", str(args.practices)], check=True)

        print("Window benchmark: the real application under Xvfb (1280x800x24, GSK_RENDERER=cairo, "
              "GTK_A11Y=none, GSettings in memory, own D-Bus session).")
        print("Measured inside the application by app/ui/app/lp-trace.c (LP_TRACE): a frame is timed at "
              "the frame clock's after-paint when it drew the window; a stall is a gap beyond 5 ms "
              "between runs of a 5 ms high-priority main-loop timeout; launch counts from just before "
              "the process was started.  The app itself switches views (win.show-view, as Alt+1…9) "
              "and types in the practices' search, each step waiting for its frames, for a view's "
              "\"busy\" (if it has one) to drop and for the list to finish filtering, then idle.")
        for label, plan in (("sample", sample), ("England", england)):
            print(f"{label}: {count(plan, 'practice'):,} practices in {count(plan, 'locality'):,} "
                  f"localities, {count(plan, 'list_size'):,} list sizes, "
                  f"{count(plan, 'workforce_fte'):,} FTE rows, {os.path.getsize(plan) / 1e6:.1f} MB")
        print(f"Views switched to, in order: {', '.join(VIEWS)}; typed “{TYPED}”, then "
              f"{BACKSPACES} backspaces.")
        sys.stdout.flush()

        # One launch first, not counted: the libraries and the plan are read
        # from disk once, as they would be on a desktop already in use.
        run_app(args.app, sample, work, "warm-up")

        results = {"sample": [], "England": []}
        failed = False
        pair_seconds = 0
        for n in range(args.runs):
            if n > 0 and time.monotonic() - started + pair_seconds > args.budget:
                print(f"(stopped after {n} run{'s' if n > 1 else ''} of each plan: another "
                      f"would pass the {args.budget:.0f} s budget)")
                break
            pair_started = time.monotonic()
            for label, plan in (("sample", sample), ("England", england)):
                events = run_app(args.app, plan, work, f"{label}-{n + 1}")
                if events is None:
                    failed = True
                else:
                    results[label].append(figures(events))
            pair_seconds = time.monotonic() - pair_started
        if not results["sample"] or not results["England"]:
            print("no complete run of both plans: nothing to compare")
            return 1

        report(results)
        print(f"({len(results['sample'])} sample and {len(results['England'])} England runs, "
              f"{time.monotonic() - started:.0f} s in all"
              f"{', traces kept in ' + work if args.keep else ''})")
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(results):
    sample, england = results["sample"], results["England"]
    print()
    print("median [min–max] over the runs, in ms unless said; ratio = England / sample (medians);")
    print("targets are judged on England's median and never fail the benchmark.")
    print(f"{'':44s} {'sample':>24s} {'England':>28s} {'ratio':>8s}  target")

    def row(name, label=None, target=None, unit=""):
        s = summary(sample, name)
        e = summary(england, name)
        ratio = f"{e[0] / s[0]:.1f}×" if s and e and s[0] > 0 else ""
        mark = ""
        if target is not None and e is not None:
            text, ok = target(e[0], s)
            mark = f"{text}: {verdict(ok)}"
        print(f"{label or name:44s} {cell(s, unit):>24s} {cell(e, unit):>28s} {ratio:>8s}  {mark}")

    row("launch", "launch → first frame showing the plan",
        lambda e, s: (f"≤ {FIRST_FRAME_RATIO}× sample", s is not None and e <= FIRST_FRAME_RATIO * s[0]))
    row("window first frame", "  (launch → window's first frame)")
    row("plan complete", "  (launch → crossfade to the plan over)")
    row("plan shown and idle", "  (launch → plan shown and idle)")
    row("peak RSS (MB)", "peak RSS (VmHWM, MB)", lambda e, s: (f"≤ {RSS_MB} MB", e <= RSS_MB))
    stall = lambda e, s: (f"≤ {STALL_MS} ms", e <= STALL_MS)
    row("stall: launch", "  (longest stall before the first frame)")
    row("stall: start", "longest stall: start (first frame → idle)", stall)
    row("stall: view switches", "longest stall: view switches", stall)
    row("stall: typing", "longest stall: typing", stall)

    print("view switch, to the next frame drawn:")
    switch = lambda e, s: (f"≤ {SWITCH_MS} ms", e <= SWITCH_MS)
    for view in VIEWS:
        row(f"switch drawn: {view}", f"  {view}", switch)
    row("switch drawn, slowest", "  slowest", switch)
    busy = [v for v in VIEWS if summary(england, f"switch figures in: {v}") is not None]
    if busy:
        print("view switch, to the first frame after \"busy\" dropped (figures in; "
              "the switch's own frame if the view was not busy):")
        for view in busy:
            row(f"switch figures in: {view}", f"  {view}")
    else:
        print("view switch, figures in: no view has a \"busy\" property yet (all compute in place)")
    print("view switch, to the last frame before idle (all it changed is drawn):")
    for view in VIEWS:
        row(f"switch last frame: {view}", f"  {view}")
    print("longest stall during each view switch:")
    for view in VIEWS:
        row(f"switch stall: {view}", f"  {view}", stall)

    keys = [name[len("key drawn: "):] for name in england[0] if name.startswith("key drawn: ")]
    print("keystroke in the practices' search, to the next frame drawn (echo):")
    key = lambda e, s: (f"≤ {KEY_MS} ms", e <= KEY_MS)
    for k in keys:
        row(f"key drawn: {k}", f"  {k}", key)
    row("key drawn, slowest", "  slowest", key)
    print("keystroke, to the frame after the list's last change (filter applied):")
    for k in keys:
        row(f"key filtered: {k}", f"  {k}")
    row("key filtered, slowest", "  slowest")
    for label, runs in (("sample", sample), ("England", england)):
        print(f"rows listed after each keystroke, {label}: " +
              " ".join(str(runs[0].get(f"key rows: {k}", "?")) for k in keys))

    print("widgets in each view at the end (what memory and layout scale with):")
    for view in VIEWS + ("window",):
        row(f"widgets: {view}", f"  {view}", unit="")

    # Where the worst of England's stalls fall, from its median launch.
    middle = sorted(england, key=lambda r: r["launch"])[len(england) // 2]
    worst = sorted(middle["stalls"], key=lambda s: -s["ms"])[:8]
    print("England's longest stalls (the run with the median launch): " +
          "; ".join(f"{s['phase']} {s['ms']:,.0f} ms" for s in worst))


if __name__ == "__main__":
    sys.exit(main())
