#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the window's main thread spends its time, step by step.

    window-profile.py APP PLAN.lpplan [--freq 199] [--keep DIR] [--top 12]

Runs the application once on PLAN under `perf record --call-graph dwarf`,
driven by the same script as window-bench.py (LP_TRACE, LP_TRACE_SCRIPT),
and splits the main thread's samples by the steps the trace reports: the
launch, the start-up from the first frame until idle, each view switch, the
search and the typing.  For each step it prints the main thread's CPU time
and the application's and GTK's functions that took the most of it,
counting a function once per sample however deep it recurs.  GTK's own
static functions have no symbols on Debian; what calls into them does.

Not a benchmark: perf slows the application down, and a busy machine more.
Compare the shares within a step, not the milliseconds with window-bench.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# Frames that every sample passes through, or that only forward a call.
PLUMBING = re.compile(r"^(g_main_|g_application_run|main$|_start|__libc_start|g_signal_emit|"
                      r"g_closure_invoke|g_object_notify|gtk_widget_activate_action|"
                      r"lp_trace_|\[unknown\])")
NAMED = re.compile(r"^(lp_|adw_|gtk_|gsk_|gdk_|pango_|cairo_|sqlite3_|g_object_new$|"
                   r"g_object_unref$|_XReply$|malloc|free$)")


def load_bench():
    """window-bench.py's display, environment and script, to run the same."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("window_bench", os.path.join(HERE, "window-bench.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_samples(script_text):
    """(time in s, tid, pid, [symbol, …] leaf first) for each sample."""
    samples = []
    head = None
    frames = []
    for line in script_text.splitlines():
        if not line.strip():
            if head is not None:
                samples.append((*head, frames))
            head, frames = None, []
            continue
        if not line[0].isspace():
            # "locality-planne  1234/1234  11753.437878: "
            m = re.match(r"\s*\S.*?\s+(\d+)/(\d+)\s+([\d.]+):", line)
            if m:
                head = (float(m.group(3)), int(m.group(2)), int(m.group(1)))
            continue
        parts = line.strip().split(None, 1)
        if len(parts) == 2:
            m = re.match(r"(.*) \((.*)\)$", parts[1])
            sym = m.group(1) if m else parts[1]
            if sym == "[unknown]" and m:
                sym = "[unknown] " + os.path.basename(m.group(2))
            frames.append(sym)
    if head is not None:
        samples.append((*head, frames))
    return samples


def steps(events):
    """(name, [(from ms, to ms), …]) for each step the trace reports."""
    by = collections.defaultdict(list)
    for e in events:
        by[e["event"]].append(e)
    first = by["first-frame"][0]["ms"]
    out = [("launch → first frame", [(0, first)]),
           ("start: first frame → idle", [(first, by["start"][0]["ready_ms"])])]
    for e in by["switch"] + by["prepare"] + by["search"]:
        name = f"{e['event']} → {e['view']}" if "view" in e else "search revealed"
        out.append((name, [(e["at_ms"], e["until_ms"])]))
    keys = [(e["at_ms"], e["until_ms"]) for e in by["key"]]
    if keys:
        out.append((f"typing ({len(keys)} keystrokes)", keys))
    return out


def report(samples, events, pid, freq, top):
    t0_ms = next(e for e in events if e["event"] == "init")["t0_us"] / 1000
    per = 1000 / freq
    main = [(t * 1000 - t0_ms, frames) for t, tid, p, frames in samples if tid == pid]
    for name, spans in steps(events):
        picked = [frames for t, frames in main if any(a <= t < b for a, b in spans)]
        wall = sum(b - a for a, b in spans)
        inclusive = collections.Counter()
        innermost = collections.Counter()
        for frames in picked:
            seen = set()
            for sym in frames:
                if sym in seen or PLUMBING.match(sym) or not NAMED.match(sym):
                    continue
                seen.add(sym)
                inclusive[sym] += 1
            own = next((s for s in frames if s.startswith("lp_") and not s.startswith("lp_trace")), None)
            innermost[own or "(outside the application's functions)"] += 1
        print(f"\n{name}: {wall:,.0f} ms wall, {len(picked) * per:,.0f} ms CPU on the main thread")
        if not picked:
            continue
        print("  most inclusive:  " + "; ".join(f"{s} {n * per:,.0f}" for s, n in inclusive.most_common(top)))
        print("  innermost lp_*:  " + "; ".join(f"{s} {n * per:,.0f}" for s, n in innermost.most_common(6)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("app")
    parser.add_argument("plan")
    parser.add_argument("--freq", type=int, default=199)
    parser.add_argument("--keep", help="a folder to keep perf.data and the trace in")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    bench = load_bench()

    if not os.environ.get("LP_BENCH_INNER"):
        return bench.under_display(sys.argv[1:], __file__)
    if shutil.which("perf") is None:
        print("perf is not installed (apt-get install linux-perf)")
        return 1

    work = args.keep or tempfile.mkdtemp(prefix="window-profile-")
    os.makedirs(work, exist_ok=True)
    try:
        home = os.path.join(work, "home")
        shutil.rmtree(home, ignore_errors=True)
        for sub in ("data", "config", "cache"):
            os.makedirs(os.path.join(home, sub))
        plan = os.path.join(work, "plan.lpplan")
        shutil.copyfile(args.plan, plan)
        trace = os.path.join(work, "trace.jsonl")
        data = os.path.join(work, "perf.data")
        env = dict(os.environ, HOME=home,
                   XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_CACHE_HOME=os.path.join(home, "cache"),
                   LP_TRACE=trace, LP_TRACE_SCRIPT=bench.SCRIPT)
        # CLOCK_MONOTONIC timestamps line the samples up with the trace's.
        env["LP_TRACE_T0_NS"] = str(time.monotonic_ns())
        subprocess.run(["perf", "record", "-q", "-k", "CLOCK_MONOTONIC", "-F", str(args.freq),
                        "--call-graph", "dwarf,16384", "-o", data, "--", args.app, plan],
                       env=env, check=True, stdin=subprocess.DEVNULL)
        with open(trace) as f:
            events = [json.loads(line) for line in f if line.strip()]
        text = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid,tid,time,ip,sym,dso"],
                              capture_output=True, text=True, check=True).stdout
        samples = read_samples(text)
        pid = next(p for t, tid, p, frames in samples if tid == p)
        print(f"{os.path.basename(args.plan)}: {len(samples):,} samples at {args.freq} Hz; "
              f"ms of CPU counted from the main thread's samples")
        report(samples, events, pid, args.freq, args.top)
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
