-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 4.

-- A locality's own growth rate for an activity line, where its outturn is
-- planned by locality and the locality grows differently from the rest.
-- A locality without a row here grows at the line's rate for the whole
-- plan (growth_assumption).  Like that rate it is net of QIPP, in basis
-- points (350 is 3.5 %).
CREATE TABLE locality_growth_assumption (
  scenario_id     INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  locality_id     INTEGER NOT NULL REFERENCES locality (id) ON DELETE CASCADE,
  activity_line   TEXT NOT NULL REFERENCES activity_line (code) ON DELETE RESTRICT,
  financial_year  TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  growth_bp       INTEGER NOT NULL CHECK (typeof(growth_bp) = 'integer' AND growth_bp >= -10000),
  PRIMARY KEY (scenario_id, locality_id, activity_line, financial_year)
) WITHOUT ROWID;
CREATE INDEX locality_growth_assumption_locality ON locality_growth_assumption (locality_id);
