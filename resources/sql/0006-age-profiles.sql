-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 6: age profiles kept one row
-- per practice, sex and extract.

-- A national single-year-of-age file is 1.26 million rows a month.  Kept
-- a row per age, keyed by practice first, each new month's rows landed all
-- over the table and every month imported slower than the one before.
-- Here a month is 13,000 rows keyed by extract date first, so a new
-- extract appends at the end of the table, and the counts of a practice's
-- ages sit together for the reads that add up an age band per practice.
--
-- patients holds one figure per age, each right-aligned in 6 characters
-- (blank where the file gave none), readable as it is in the sqlite3
-- shell and read by substr() without any extension: for 'single' the
-- ages 0 to 94 then 95+ (96 figures); for 'five_year' the bands 0-4 to
-- 90-94 then 95+ (20 figures).  total is the file's ALL row for that sex,
-- if it had one.  The checks keep what the old table kept: counts of 0 or
-- more (no minus sign), known sexes, real dates, a practice that exists.
-- That the figures are digits and blanks only is lp_plan_check()'s to
-- see: every open runs PRAGMA quick_check, which evaluates each CHECK on
-- every row, and a GLOB over 576 characters cost 10 µs a row, 1.5 s to
-- open a plan holding a year of England.
CREATE TABLE age_profile (
  extract_date  TEXT NOT NULL CHECK (date(extract_date, '+0 days') IS extract_date),
  practice_id   INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  sex           TEXT NOT NULL CHECK (sex = 'all' OR sex = 'male' OR sex = 'female'),
  banding       TEXT NOT NULL CHECK (banding = 'single' OR banding = 'five_year'),
  total         INTEGER CHECK (total IS NULL OR (typeof (total) = 'integer' AND total >= 0)),
  patients      TEXT NOT NULL
                CHECK (instr (patients, '-') = 0 AND
                       length (patients) = CASE banding WHEN 'single' THEN 96 * 6 ELSE 20 * 6 END),
  PRIMARY KEY (extract_date, practice_id, sex)
) WITHOUT ROWID;

-- The rows of earlier versions, a group per practice, extract and sex.  A
-- group with any five-year band is a five-year profile.
INSERT INTO age_profile (extract_date, practice_id, sex, banding, total, patients)
WITH RECURSIVE grp AS (
  SELECT practice_id, extract_date, sex,
         CASE WHEN max (instr (age_band, '_')) > 0 THEN 'five_year' ELSE 'single' END AS banding,
         max (CASE WHEN age_band = 'ALL' THEN patients END) AS total
    FROM list_size_age GROUP BY practice_id, extract_date, sex),
slot (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM slot WHERE i < 95)
SELECT g.extract_date, g.practice_id, g.sex, g.banding, g.total,
       (SELECT group_concat (CASE WHEN v IS NULL THEN '      ' ELSE printf ('%6d', v) END, '') FROM (
          SELECT (SELECT a.patients FROM list_size_age AS a
                   WHERE a.practice_id = g.practice_id AND a.extract_date = g.extract_date AND a.sex = g.sex
                     AND a.age_band = CASE WHEN g.banding = 'single'
                                           THEN CASE WHEN s.i = 95 THEN '95+' ELSE CAST (s.i AS TEXT) END
                                           WHEN s.i = 19 THEN '95+' ELSE (s.i * 5) || '_' || (s.i * 5 + 4) END) AS v
            FROM slot AS s WHERE s.i < CASE g.banding WHEN 'single' THEN 96 ELSE 20 END ORDER BY s.i))
  FROM grp AS g;

DROP TABLE list_size_age;

-- The rows as earlier versions held them, for anyone reading the plan
-- with the sqlite3 shell: one row per practice, extract, sex and age band
-- ('0'..'94' and '95+', or '0_4'..'90_94' and '95+', and 'ALL').
CREATE VIEW list_size_age (practice_id, extract_date, sex, age_band, patients) AS
  WITH RECURSIVE slot (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM slot WHERE i < 95)
  SELECT a.practice_id, a.extract_date, a.sex, 'ALL', a.total
    FROM age_profile AS a WHERE a.total IS NOT NULL
  UNION ALL
  SELECT a.practice_id, a.extract_date, a.sex,
         CASE WHEN a.banding = 'single' THEN CASE WHEN s.i = 95 THEN '95+' ELSE CAST (s.i AS TEXT) END
              WHEN s.i = 19 THEN '95+' ELSE (s.i * 5) || '_' || (s.i * 5 + 4) END,
         CAST (substr (a.patients, s.i * 6 + 1, 6) AS INTEGER)
    FROM age_profile AS a JOIN slot AS s ON s.i < length (a.patients) / 6
   WHERE substr (a.patients, s.i * 6 + 1, 6) <> '      ';
