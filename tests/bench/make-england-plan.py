#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a plan of England's size from the bundled sample.

    make-england-plan.py SAMPLE.lpplan OUT.lpplan [--practices N]

The copy keeps the sample's scenarios, pathways, activity lines, contracts
and trajectories, and grows its registered population to N practices (6,500
by default) in N/5.2 localities (1,250), each practice with 24 monthly
list-size extracts, 25 workforce rows (five roles at five dates) and an
extended-access go-live, as the window would hold after a year of national
imports.  The figures are made up but shaped like the real ones.
"""
import argparse
import shutil
import sqlite3

ROLES = ("GP_PARTNER", "GP_SALARIED", "N_PRACTICE", "DPC_PHARMACIST", "ADMIN_RECEPTION")
AS_AT = ("2017-09-30", "2017-12-31", "2018-03-31", "2018-06-30", "2018-09-30")


def month_starts(first_year, first_month, count):
    year, month = first_year, first_month
    for _ in range(count):
        yield f"{year:04d}-{month:02d}-01"
        month += 1
        if month > 12:
            year, month = year + 1, 1


def make_plan(sample, out, practices=6500):
    """Writes OUT: SAMPLE grown to PRACTICES practices (other benchmarks import this)."""
    localities = max(1, round(practices / 5.2))
    shutil.copyfile(sample, out)
    db = sqlite3.connect(out)
    db.execute("PRAGMA foreign_keys = ON")
    (scenario,) = db.execute("SELECT id FROM scenario WHERE base_id IS NULL ORDER BY id LIMIT 1").fetchone()
    have_localities = db.execute("SELECT count(*) FROM locality").fetchone()[0]
    have_practices = db.execute("SELECT count(*) FROM practice").fetchone()[0]
    with db:
        db.executemany("INSERT INTO locality (id, name, code) VALUES (?, ?, ?)",
                       ((900_000_000 + i, f"England Locality {i:04d}", f"E{i:04d}")
                        for i in range(max(0, localities - have_localities))))
        locality_ids = [r[0] for r in db.execute("SELECT id FROM locality ORDER BY id")]
        new = max(0, practices - have_practices)
        db.executemany(
            "INSERT INTO practice (id, ods_code, name, postcode, locality_id) VALUES (?, ?, ?, ?, ?)",
            ((800_000_000 + i, f"Y{i:05d}", f"Practice {i:05d} Surgery", f"ZZ{i % 99} {i % 9}AB",
              locality_ids[i % len(locality_ids)]) for i in range(new)))
        extracts = list(month_starts(2016, 10, 24))
        db.executemany(
            "INSERT OR REPLACE INTO list_size (practice_id, extract_date, patients, source) VALUES (?, ?, ?, 'bench')",
            ((800_000_000 + i, extract, 2000 + (i * 7919 + n * 13) % 12000)
             for i in range(new) for n, extract in enumerate(extracts)))
        db.executemany(
            "INSERT INTO workforce_fte (practice_id, role, as_at, fte, headcount, source) VALUES (?, ?, ?, ?, ?, 'bench')",
            ((800_000_000 + i, role, as_at, round(0.5 + ((i * 31 + r * 7 + d) % 40) / 10, 2), 1 + (i + r) % 6)
             for i in range(new) for r, role in enumerate(ROLES) for d, as_at in enumerate(AS_AT)))
        db.executemany(
            "INSERT INTO access_provision (id, scenario_id, practice_id, basis, start_date, level, minutes_per_week) "
            "VALUES (?, ?, ?, 'plan', ?, 'full', ?)",
            ((700_000_000 + i, scenario, 800_000_000 + i, list(month_starts(2017, 10 + i % 3, 1))[0], 120 + i % 300)
             for i in range(new)))
    db.execute("VACUUM")
    db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sample")
    parser.add_argument("out")
    parser.add_argument("--practices", type=int, default=6500)
    args = parser.parse_args()
    make_plan(args.sample, args.out, args.practices)


if __name__ == "__main__":
    main()
