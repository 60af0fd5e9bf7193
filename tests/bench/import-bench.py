#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import benchmark: an England-scale single-year-of-age registrations file.

Generates about 6,500 practices x 2 sexes x 97 rows (ages 0-94, 95+ and
ALL) = 1.26 million rows, then times, in the same run and three times each:

  (a) sqlite3 NEW.db '.mode csv' '.import FILE t'  -- the raw-load floor
  (b) locality-planner-cli import NEW.lpplan FILE --add-new-practices

and prints both medians, the ratio b/a and the peak resident memory of (b).
Then the twelfth month: eleven earlier monthly extracts (the same practices,
other EXTRACT_DATEs and counts) imported one after another into one plan,
the plan's growth per month, and the twelfth timed against sqlite3 .import
of the same file.
Figures, not assertions: run it with `meson test -C _build --benchmark`.
"""
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PRACTICES = int(os.environ.get("LP_BENCH_PRACTICES", "6500"))
RUNS = 3


def generate(path, extract="01JAN2021", seed=2021):
    rng = random.Random(seed)
    header = ("PUBLICATION,EXTRACT_DATE,CCG_CODE,ONS_CCG_CODE,ORG_CODE,POSTCODE,"
              "SEX,AGE,NUMBER_OF_PATIENTS\r\n")
    ages = [str(a) for a in range(95)] + ["95+"]
    rows = 0
    with open(path, "w", newline="") as out:
        out.write(header)
        for p in range(PRACTICES):
            code = "Z%05d" % p
            lead = "GP_PRAC_PAT_LIST,%s,06K,E38000049,%s,SG1 %dZZ," % (extract, code, p % 10)
            for sex in ("MALE", "FEMALE"):
                total = 0
                for age in ages:
                    n = rng.randint(0, 150)
                    total += n
                    out.write("%s%s,%s,%d\r\n" % (lead, sex, age, n))
                out.write("%s%s,ALL,%d\r\n" % (lead, sex, total))
                rows += len(ages) + 1
    return rows


CPU = {}


def timed(command):
    """Wall time of one run, and the run's peak RSS in KiB.  The run's CPU
    time (user + system) goes into CPU[command[0]]: on a shared machine it
    varies less than the wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = usage.ru_maxrss
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(command[0], []).append(usage.ru_utime + usage.ru_stime - cpu_before)
    return elapsed, max(usage.ru_maxrss, before)


def cpu_line(label, cli):
    """Median CPU seconds of the last RUNS runs of sqlite3 and of the cli."""
    a = statistics.median(CPU["sqlite3"][-RUNS:])
    b = statistics.median(CPU[cli][-RUNS:])
    print("%sCPU time (user+system) medians: sqlite3 %.2f s, locality-planner-cli %.2f s, ratio %.2f"
          % (label, a, b, b / a))


def peak_rss_kib(command):
    """Peak RSS of one run measured by GNU time, which sees only that run."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def main():
    cli = os.environ.get("LP_CLI") or sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="lp-bench-") as tmp:
        data = os.path.join(tmp, "gp-reg-pat-prac-sing-age-all.csv")
        rows = generate(data)
        size_mb = os.path.getsize(data) / 1e6
        print("file: %d rows, %.1f MB, %d practices" % (rows, size_mb, PRACTICES))
        floor, ours, rss = [], [], []
        for run in range(RUNS):
            db = os.path.join(tmp, "raw%d.db" % run)
            floor.append(timed(["sqlite3", db, ".mode csv", ".import %s t" % data])[0])
            plan = os.path.join(tmp, "plan%d.lpplan" % run)
            subprocess.run([cli, "new", plan], check=True, stdout=subprocess.DEVNULL)
            command = [cli, "import", plan, data, "--add-new-practices"]
            ours.append(timed(command)[0])
            plan2 = os.path.join(tmp, "rss%d.lpplan" % run)
            subprocess.run([cli, "new", plan2], check=True, stdout=subprocess.DEVNULL)
            rss.append(peak_rss_kib([cli, "import", plan2, data, "--add-new-practices"]))
        a, b = statistics.median(floor), statistics.median(ours)
        print("(a) sqlite3 .import        median %.2f s  (runs: %s)" % (a, ", ".join("%.2f" % t for t in floor)))
        print("(b) locality-planner-cli   median %.2f s  (runs: %s)" % (b, ", ".join("%.2f" % t for t in ours)))
        print("ratio b/a: %.2f   (goal: at most 0.5)" % (b / a))
        print("peak RSS of (b): %.1f MB   (goal: at most 64 MB)" % (max(rss) / 1024))
        print("rows per second (b): %.0f" % (rows / b))
        cpu_line("", cli)
        twelfth_month(cli, tmp)


MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def twelfth_month(cli, tmp):
    """Eleven monthly extracts into one plan, then the twelfth timed.

    Each run starts from a copy of the plan of ten months and imports the
    eleventh into it untimed, as the commissioner did a month before; the
    twelfth is then imported into the plan as that import left it.  A plan
    closed sound by the program is opened without SQLite's whole-file check
    (see app/core/plan/lp-plan-stamp.c), so the twelfth is also timed into
    a fresh copy of the eleven months, which is checked whole on opening."""
    plan = os.path.join(tmp, "year.lpplan")
    subprocess.run([cli, "new", plan], check=True, stdout=subprocess.DEVNULL)
    sizes = [os.path.getsize(plan)]
    for month in range(10):
        data = os.path.join(tmp, "month%02d.csv" % (month + 1))
        generate(data, "01%s2022" % MONTHS[month], 2022 + month)
        timed([cli, "import", plan, data, "--add-new-practices"])
        os.remove(data)
        sizes.append(os.path.getsize(plan))
    eleventh = os.path.join(tmp, "month11.csv")
    generate(eleventh, "01NOV2022", 2032)
    data = os.path.join(tmp, "month12.csv")
    generate(data, "01DEC2022", 2033)
    floor, ours, copied, rss = [], [], [], []
    for run in range(RUNS):
        db = os.path.join(tmp, "raw12-%d.db" % run)
        floor.append(timed(["sqlite3", db, ".mode csv", ".import %s t" % data])[0])
        year = os.path.join(tmp, "year%d.lpplan" % run)
        shutil.copyfile(plan, year)
        subprocess.run([cli, "import", year, eleventh, "--add-new-practices"], check=True,
                       stdout=subprocess.DEVNULL)
        if run == 0:
            sizes.append(os.path.getsize(year))
        eleven = os.path.getsize(year)
        fresh = os.path.join(tmp, "fresh%d.lpplan" % run)
        shutil.copyfile(year, fresh)
        ours.append(timed([cli, "import", year, data, "--add-new-practices"])[0])
        grown = os.path.getsize(year) - eleven
        copied.append(timed([cli, "import", fresh, data, "--add-new-practices"])[0])
        copy2 = os.path.join(tmp, "year-rss%d.lpplan" % run)
        shutil.copyfile(fresh, copy2)
        os.remove(fresh)
        rss.append(peak_rss_kib([cli, "import", copy2, data, "--add-new-practices"]))
        os.remove(year)
        os.remove(copy2)
        os.remove(db)
    growth = [(sizes[i + 1] - sizes[i]) / 1e6 for i in range(1, len(sizes) - 1)]
    print("plan after 11 months: %.1f MB; growth per month after the first: %s MB (median %.1f MB; goal: at most 15 MB)"
          % (sizes[-1] / 1e6, ", ".join("%.1f" % g for g in growth), statistics.median(growth)))
    a, b = statistics.median(floor), statistics.median(ours)
    print("12th month (a) sqlite3 .import       median %.2f s  (runs: %s)" % (a, ", ".join("%.2f" % t for t in floor)))
    print("12th month (b) locality-planner-cli  median %.2f s  (runs: %s)" % (b, ", ".join("%.2f" % t for t in ours)))
    print("12th month ratio b/a: %.2f   (goal: at most 0.6)" % (b / a))
    cpu = CPU[cli]
    CPU[cli] = cpu[-2 * RUNS::2]
    cpu_line("12th month ", cli)
    CPU[cli] = cpu
    c = statistics.median(copied)
    print("12th month into a copy of the plan, checked whole on opening: median %.2f s (runs: %s), ratio %.2f"
          % (c, ", ".join("%.2f" % t for t in copied), c / a))
    print("12th month plan growth: %.1f MB   (goal: at most 15 MB)" % (grown / 1e6))
    print("12th month peak RSS of (b): %.1f MB   (goal: at most 64 MB)" % (max(rss) / 1024))


if __name__ == "__main__":
    main()
