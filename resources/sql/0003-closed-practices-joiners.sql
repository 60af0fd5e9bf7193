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
