-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 2: what the NHS Digital
-- registration files hold beyond a practice's total list size.

-- Registered patients by sex and age: single years ('0'..'94', '95+') or
-- five-year bands ('0_4'..'90_94', '95+'), and 'ALL' for a sex's total.
-- A national file puts a million rows here in one import, so the table
-- keeps only the checks that cost little per row (measured: the date and
-- type checks of list_size would add a third to the import's time); the
-- importer checks the rest as it reads, and lp_plan_check() checks the
-- table afterwards.  The sexes are written with OR, not IN: SQLite builds
-- a temporary table for an IN list on every insert.
CREATE TABLE list_size_age (
  practice_id   INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  extract_date  TEXT NOT NULL,
  sex           TEXT NOT NULL CHECK (sex = 'all' OR sex = 'male' OR sex = 'female'),
  age_band      TEXT NOT NULL,
  patients      INTEGER NOT NULL CHECK (patients >= 0),
  PRIMARY KEY (practice_id, extract_date, sex, age_band)
) WITHOUT ROWID;

-- The groupings NHS Digital's practice map puts a practice in (primary care
-- network, Sub-ICB location, ICB, region): a starting point for localities,
-- which are not published anywhere.
CREATE TABLE practice_grouping (
  practice_id  INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('pcn', 'sub_icb', 'icb', 'region')),
  code         TEXT NOT NULL,
  name         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (practice_id, kind)
) WITHOUT ROWID;

-- The commissioner (CCG or Sub-ICB code, e.g. 06K) as ODS records it.
ALTER TABLE practice ADD COLUMN commissioner TEXT NOT NULL DEFAULT '';

-- How a pathway change is stated: over its whole horizon (the STP's
-- tables), or per year, month or week (a locality's own figures, such as
-- Lower Lea Valley's published per-month plan).
ALTER TABLE pathway_change ADD COLUMN period TEXT NOT NULL DEFAULT 'horizon'
  CHECK (period = 'horizon' OR period = 'year' OR period = 'month' OR period = 'week');

-- Scenarios are found by name whatever its case ("Faster frailty" and
-- "faster frailty" would be the same scenario to a user).
CREATE UNIQUE INDEX scenario_name_nocase ON scenario (name COLLATE NOCASE);
