-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 3.

-- A closed or dormant practice is kept for its history, but from its close
-- date on it is no longer counted: not in the totals, the coverage, the
-- capacity or the shares.  ODS's epraccur.csv gives the date; a practice
-- closed without one counts as closed from the start.
ALTER TABLE practice ADD COLUMN close_date TEXT
  CHECK (close_date IS NULL OR date(close_date, '+0 days') IS close_date);

-- Turnover alone is pure loss: practices recruit too.  The yearly share of
-- a role's FTE that joins, compounded by quarter like the turnover rate.
ALTER TABLE workforce_turnover ADD COLUMN joiner_rate_bp INTEGER NOT NULL DEFAULT 0
  CHECK (typeof(joiner_rate_bp) = 'integer' AND joiner_rate_bp BETWEEN 0 AND 10000);

-- The readable summary a user finds with any SQLite tool counts what the
-- app counts: not the practices closed by the plan's reference date (by
-- today, in a plan without one).  The rule is the app's own
-- (LP_PRACTICE_COUNTS_ON in app/core/practices/lp-practice-private.h).
DROP VIEW locality_summary;
CREATE VIEW locality_summary AS
  SELECT locality.id AS locality_id,
         locality.name AS locality,
         count (practice.id) AS practices,
         ifnull (sum (latest.patients), 0) AS registered_patients
    FROM locality
    LEFT JOIN practice
      ON practice.locality_id = locality.id
     AND ifnull (CASE WHEN practice.close_date IS NOT NULL THEN practice.close_date
                      WHEN practice.status IN ('closed', 'dormant') THEN '0000-01-01' END, '9999-12-31')
         > coalesce ((SELECT date (value) FROM plan_info WHERE key = 'reference_date'),
                     date ('now', 'localtime'))
    LEFT JOIN practice_latest_list_size AS latest ON latest.practice_id = practice.id
   GROUP BY locality.id;
