#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Merge benchmark: a workshop copy with 1,000 (and 10,000) changes merged back.

    merge-bench.py CLI SAMPLE.lpplan [MERGE-STALL]

For England's plan (6,500 practices in 1,250 localities, made from the
sample by make-england-plan.py) and for the sample itself: writes one
workshop copy (`locality-planner-cli workshop PLAN DIR --copies A`), edits
it with the sqlite3 shell (list sizes changed, practices' go-live dates and
access provision changed, workforce records changed, planned workforce
changes and targets added, rows deleted, a few practices added: exactly N
changed rows), then times, three times each on a fresh copy of the plan:

  merge     locality-planner-cli merge PLAN A.lpplan
  dry-run   locality-planner-cli merge PLAN A.lpplan --dry-run
  sqlite3   the same N changes as one SQL script in one transaction, run by
            the sqlite3 shell on the plan: retyping them, at the floor
  open      locality-planner-cli list localities PLAN: opening the plan

and prints the medians, merge/sqlite3, and the merge's peak memory.  Then,
with MERGE-STALL (tests/bench/merge-stall.c), the same copy as the window
merges it, split between the plan's worker thread (reading the copy and
listing its changes and putting each in words) and the main thread (the dry run that finds
conflicts, then the merge), each part timed apart, three times on a fresh
copy of the plan, against opening the plan (lp_plan_open) in the same run:
the main-thread parts are how long the window is blocked.  Each
merge is checked (its count, values read back, the touched tables equal to
the script's result, integrity and foreign keys; a dry run leaves the
file as it was); a merge that is wrong stops the benchmark with exit
status 1.  Figures, not assertions: run it with
`meson test -C _build --benchmark --verbose merge-england`
(LP_BENCH_PRACTICES and LP_BENCH_CHANGES=1000,10000 change the sizes).
"""
import collections
import hashlib
import importlib.util
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PRACTICES = int(os.environ.get("LP_BENCH_PRACTICES", "6500"))
CHANGES = [int(n) for n in os.environ.get("LP_BENCH_CHANGES", "1000,10000").split(",")]
RUNS = 3
# The tables a copy's edits touch: compared with the script's result.
TOUCHED = ("practice", "list_size", "access_provision", "workforce_fte", "workforce_change", "workforce_target")


def load_make_england_plan():
    spec = importlib.util.spec_from_file_location("make_england_plan", os.path.join(HERE, "make-england-plan.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fail(message):
    print("error: " + message, flush=True)
    sys.exit(1)


def quarter_starts(first_year, count):
    for q in range(count):
        yield "%04d-%02d-01" % (first_year + q // 4, 1 + 3 * (q % 4))


def make_changes(plan, n, seed):
    """SQL statements changing exactly N rows of PLAN, and what to read back.

    Shares of a workshop's edits: list sizes 30 %, go-lives 10 %, access
    levels and minutes 10 %, workforce records 10 %, targets added 5 %,
    rows deleted 15 %, 1 % practices added with their first list size, and
    planned joiners and leavers added for the rest (19 %).  A small plan
    that has too few rows of a kind gets more planned joiners instead."""
    rng = random.Random(seed)
    db = sqlite3.connect("file:%s?mode=ro" % plan, uri=True)
    (scenario,) = db.execute("SELECT id FROM scenario WHERE base_id IS NULL ORDER BY id LIMIT 1").fetchone()
    practices = [r[0] for r in db.execute("SELECT id FROM practice ORDER BY id")]
    localities = [r[0] for r in db.execute("SELECT id FROM locality ORDER BY id")]
    roles = [r[0] for r in db.execute("SELECT code FROM staff_role ORDER BY code")]
    list_sizes = db.execute("SELECT practice_id, extract_date, patients FROM list_size ORDER BY 1, 2").fetchall()
    access = db.execute("SELECT id, start_date, level, minutes_per_week FROM access_provision ORDER BY id").fetchall()
    fte = db.execute("SELECT practice_id, role, as_at, fte FROM workforce_fte ORDER BY 1, 2, 3").fetchall()
    planned = set(db.execute("SELECT practice_id, role, quarter_start FROM workforce_change WHERE scenario_id = ?",
                             (scenario,)).fetchall())
    codes = set(r[0] for r in db.execute("SELECT ods_code FROM practice"))
    db.close()
    rng.shuffle(list_sizes)
    rng.shuffle(access)
    rng.shuffle(fte)

    def take(rows, share):
        wanted = int(n * share)
        got = rows[:wanted]
        del rows[:wanted]
        return got

    sql, checks = [], []
    new_practices = max(2, n // 200)    # 5 for 1,000: each with its list size, 10 changes
    for row in take(list_sizes, 0.30):
        patients = max(0, row[2] + rng.choice((-1, 1)) * rng.randint(1, 400))
        sql.append("UPDATE list_size SET patients = %d WHERE practice_id = %d AND extract_date = '%s';"
                   % (patients, row[0], row[1]))
        checks.append(("SELECT patients FROM list_size WHERE practice_id = %d AND extract_date = '%s'"
                       % (row[0], row[1]), patients))
    for row in take(access, 0.10):
        start = "%04d-%02d-01" % (2018 + rng.randint(0, 2), rng.randint(1, 12))
        if start == row[1]:
            start = "2021-01-01" if row[1] != "2021-01-01" else "2021-02-01"
        sql.append("UPDATE access_provision SET start_date = '%s' WHERE id = %d;" % (start, row[0]))
        checks.append(("SELECT start_date FROM access_provision WHERE id = %d" % row[0], start))
    for row in take(access, 0.10):
        minutes = row[3] + rng.randint(15, 120)
        level = "partial" if row[2] != "partial" else "full"
        sql.append("UPDATE access_provision SET level = '%s', minutes_per_week = %d WHERE id = %d;"
                   % (level, minutes, row[0]))
        checks.append(("SELECT minutes_per_week FROM access_provision WHERE id = %d" % row[0], minutes))
    for row in take(fte, 0.10):
        value = round((row[3] or 0) + rng.choice((0.2, 0.4, 0.6, 1.0)), 2)
        sql.append("UPDATE workforce_fte SET fte = %s WHERE practice_id = %d AND role = '%s' AND as_at = '%s';"
                   % (repr(value), row[0], row[1], row[2]))
    for row in take(list_sizes, 0.08):
        sql.append("DELETE FROM list_size WHERE practice_id = %d AND extract_date = '%s';" % (row[0], row[1]))
        checks.append(("SELECT count(*) FROM list_size WHERE practice_id = %d AND extract_date = '%s'"
                       % (row[0], row[1]), 0))
    for row in take(fte, 0.07):
        sql.append("DELETE FROM workforce_fte WHERE practice_id = %d AND role = '%s' AND as_at = '%s';"
                   % (row[0], row[1], row[2]))
    for _ in range(int(n * 0.05)):
        locality = rng.choice(localities)
        role = rng.choice(("GP_PARTNER", "GP_SALARIED", "N_PRACTICE", "DPC_PHARMACIST"))
        due = "%04d-%s" % (rng.randint(2019, 2024), rng.choice(("03-31", "06-30", "09-30", "12-31")))
        sql.append("INSERT INTO workforce_target (id, scenario_id, level, locality_id, role, fte_change, due_date, "
                   "label) VALUES (%d, %d, 'locality', %d, '%s', %s, '%s', 'Workshop table A');"
                   % (rng.getrandbits(62) + 1, scenario, locality, role, repr(rng.choice((0.5, 1.0, 2.0, 3.0))),
                      due))
    for i in range(new_practices):
        code = "W%05d" % i
        while code in codes:
            code = "W%05d" % rng.randint(0, 99999)
        codes.add(code)
        pid = rng.getrandbits(62) + 1
        sql.append("INSERT INTO practice (id, ods_code, name, postcode, locality_id, status) "
                   "VALUES (%d, '%s', 'Workshop Practice %d', 'ZZ1 1ZZ', %d, 'proposed');"
                   % (pid, code, i, rng.choice(localities)))
        sql.append("INSERT INTO list_size (practice_id, extract_date, patients, source) "
                   "VALUES (%d, '2019-04-01', %d, 'workshop');" % (pid, 3000 + 100 * i))
        checks.append(("SELECT count(*) FROM practice WHERE ods_code = '%s'" % code, 1))
    # Planned joiners and leavers fill the rest, in future quarters and roles
    # the plan has not planned yet.
    slots = ((p, r, q) for q in quarter_starts(2019, 40) for r in roles for p in practices)
    while len(sql) < n:
        practice, role, quarter = next(slots)
        if (practice, role, quarter) in planned or rng.random() < 0.5:
            continue
        sql.append("INSERT INTO workforce_change (id, scenario_id, practice_id, role, quarter_start, joiners, "
                   "leavers, retirements) VALUES (%d, %d, %d, '%s', '%s', %s, %s, 0);"
                   % (rng.getrandbits(62) + 1, scenario, practice, role, quarter,
                      repr(rng.choice((0.0, 0.5, 1.0))), repr(rng.choice((0.0, 0.4, 1.0)))))
    if len(sql) != n:
        fail("made %d changes, not %d" % (len(sql), n))
    script = "PRAGMA foreign_keys = ON;\nBEGIN;\n" + "\n".join(sql) + "\nCOMMIT;\n"
    kinds = collections.Counter(" ".join(statement.split()[:3]).replace(" SET", "").replace(" FROM", "")
                                .replace(" INTO", "").lower() for statement in sql)
    mix = ", ".join("%s %d" % (kind, count) for kind, count in sorted(kinds.items()))
    return script, checks, mix


def timed(command, stdin=None):
    """Wall time, peak RSS in KiB (when run under GNU time) and output."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if stdin is not None:
        child.stdin.write(stdin.encode())
        child.stdin.close()
    out = child.stdout.read().decode()
    err = child.stderr.read().decode()
    status = child.wait()
    elapsed = time.perf_counter() - start
    if status != 0:
        fail("%s exited with %d\n%s%s" % (" ".join(command), status, out, err))
    peak = re.findall(r"^peak (\d+)$", err, re.M)
    return elapsed, int(peak[-1]) if peak else None, out


def file_digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def table_rows(path, table):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    rows = db.execute("SELECT * FROM %s ORDER BY 1, 2, 3" % table).fetchall()
    db.close()
    return rows


def verify(plan, expected, checks, label):
    """The merged plan holds the changes: values read back, tables equal to
    the script's result (EXPECTED, or None to skip), integrity and keys."""
    db = sqlite3.connect("file:%s?mode=ro" % plan, uri=True)
    for query, want in checks:
        got = db.execute(query).fetchone()[0]
        if got != want:
            fail("%s: after the merge, %s gives %r, not %r" % (label, query, got, want))
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        fail("%s: the merged plan fails PRAGMA integrity_check" % label)
    if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
        fail("%s: the merged plan fails PRAGMA foreign_key_check" % label)
    db.close()
    if expected is not None:
        for table in TOUCHED:
            if table_rows(plan, table) != table_rows(expected, table):
                fail("%s: after the merge, table %s differs from the sqlite3 script's result" % (label, table))


def window_stall(stall, plan, copy, n, label):
    """The window's split of the merge, timed by merge-stall: medians in ms
    of opening the plan, the worker's part, the dry run and the merge."""
    out = timed([stall, plan, copy, str(n)])[2]
    found = re.search(r"^stall: changes (\d+) open (\S+) reader (\S+) worker (\S+) words (\S+) dry-run (\S+) "
                      r"merge (\S+)$", out, re.M)
    if found is None or int(found.group(1)) != n:
        fail("%s: merge-stall printed %r" % (label, out))
    ms = {key: float(found.group(i)) for i, key in enumerate(("open", "reader", "worker", "words", "dry", "merge"), 2)}
    ms["runs"] = re.findall(r"^run \d+: open (\S+) ms, worker (\S+) ms, dry run (\S+) ms, merge (\S+) ms$", out, re.M)
    return ms


def bench_plan(cli, stall, tmp, label, source, n, seed):
    """Medians of merge, dry run, the script and opening, for one plan and N."""
    work = os.path.join(tmp, "%s-%d" % (label, n))
    os.mkdir(work)
    plan = os.path.join(work, "plan.lpplan")
    shutil.copyfile(source, plan)
    copies = os.path.join(work, "copies")
    os.mkdir(copies)
    subprocess.run([cli, "workshop", plan, copies, "--copies", "A"], check=True, stdout=subprocess.DEVNULL)
    copy = os.path.join(copies, "A.lpplan")
    script, checks, mix = make_changes(copy, n, seed)
    timed(["sqlite3", "-bail", copy], script)

    merge, dry, floor, opening, rss = [], [], [], [], []
    for i in range(RUNS):
        # The floor: the same changes typed into the plan as one script.
        expected = os.path.join(work, "script%d.lpplan" % i)
        shutil.copyfile(plan, expected)
        floor.append(timed(["sqlite3", "-bail", expected], script)[0])

        target = os.path.join(work, "merge%d.lpplan" % i)
        shutil.copyfile(plan, target)
        opening.append(timed([cli, "list", "localities", target])[0])
        before = file_digest(target)
        elapsed, peak, out = timed([cli, "merge", target, copy, "--dry-run"])
        dry.append(elapsed)
        if out.strip() != "A: would merge %d changes" % n:
            fail("%s: merge --dry-run printed %r" % (label, out))
        if file_digest(target) != before:
            fail("%s: merge --dry-run changed the plan file" % label)
        # GNU time measures the peak: a child's own ru_maxrss starts from
        # this script's size at the fork, which the table comparison inflates.
        elapsed, peak, out = timed(["/usr/bin/time", "-f", "peak %M", cli, "merge", target, copy])
        merge.append(elapsed)
        rss.append(peak)
        if out.strip() != "A: merged %d changes" % n:
            fail("%s: merge printed %r" % (label, out))
        # Every table compared on the first run, the read-backs on each.
        verify(target, expected if i == 0 else None, checks, label)
        os.unlink(expected)
        os.unlink(target)
    stall_ms = window_stall(stall, plan, copy, n, label) if stall else None
    shutil.rmtree(work)
    return merge, dry, floor, opening, rss, mix, stall_ms


def main():
    cli = os.environ.get("LP_CLI") or sys.argv[1]
    sample = sys.argv[2] if len(sys.argv) > 2 else os.environ["LP_SAMPLE_PLAN"]
    stall = sys.argv[3] if len(sys.argv) > 3 else None
    stalls = []
    with tempfile.TemporaryDirectory(prefix="lp-merge-bench-") as tmp:
        england = os.path.join(tmp, "england.lpplan")
        start = time.perf_counter()
        load_make_england_plan().make_plan(sample, england, PRACTICES)
        print("England's plan: {:,} practices, %.1f MB, made in %.1f s".format(PRACTICES)
              % (os.path.getsize(england) / 1e6, time.perf_counter() - start))
        print("medians of %d runs, each on a fresh copy of the plan; merge/sqlite3 is the ratio" % RUNS)
        print("%-8s %7s %9s %9s %9s %7s %8s %9s"
              % ("plan", "changes", "merge s", "dry-run s", "sqlite3 s", "ratio", "open s", "merge RSS"))
        for label, source in (("England", england), ("sample", sample)):
            for n in CHANGES:
                merge, dry, floor, opening, rss, mix, stall_ms = bench_plan(cli, stall, tmp, label, source, n,
                                                                            seed=n)
                if stall_ms is not None:
                    stalls.append((label, n, stall_ms))
                m, d, f, o = (statistics.median(x) for x in (merge, dry, floor, opening))
                print("%-8s %7s %9.3f %9.3f %9.3f %7.1f %8.3f %6.1f MB"
                      % (label, "{:,}".format(n), m, d, f, m / f, o, max(rss) / 1024), flush=True)
                print("         runs: merge %s; sqlite3 %s"
                      % (", ".join("%.3f" % t for t in merge), ", ".join("%.3f" % t for t in floor)))
                print("         rows: " + mix, flush=True)
        print("every merge checked: its count, values read back, the touched tables equal to the "
              "sqlite3 script's result, integrity_check and foreign_key_check; every dry run left "
              "the plan file byte for byte as it was")
        if stalls:
            print()
            print("in the app: worker part, main-thread dry run, main-thread merge (ms)")
            print("medians of %d runs, each on a fresh copy of the plan; x open: times lp_plan_open of the same "
                  "plan in the same run (the baseline)" % RUNS)
            print("%-8s %7s %9s %10s %7s %8s %7s %7s"
                  % ("plan", "changes", "worker", "dry run", "x open", "merge", "x open", "open"))
            for label, n, ms in stalls:
                print("%-8s %7s %9.1f %10.1f %7.1f %8.1f %7.1f %7.1f"
                      % (label, "{:,}".format(n), ms["worker"], ms["dry"], ms["dry"] / ms["open"], ms["merge"],
                         ms["merge"] / ms["open"], ms["open"]))
                print("         runs: dry run %s; merge %s; open %s"
                      % tuple(", ".join(run[k] for run in ms["runs"]) for k in (2, 3, 0)))
            print("worker: reading the copy, listing its changes and putting them in words (of which words: %s ms) "
                  "on the worker's read-only plan (opened once, kept); the dry run and the merge block the window"
                  % ", ".join("%.1f" % ms["words"] for _, _, ms in stalls))
            print("every merge in the app's split applied what its dry run predicted, the same count as the "
                  "copy's changes, with no conflict")


if __name__ == "__main__":
    main()
