-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 7: population bases.

-- The population each pathway's changes are shared by among localities and
-- practices, named as people write it: 'registered' (the list size, as
-- before), an age band such as '75+', '65+', '0-4' or '75+ female' (from
-- the age profiles in list_size_age), or 'weighted NAME' (the age profiles
-- weighted by the population_weight rows of NAME).  Core parses the name;
-- a name it cannot read is refused when the plan is modelled.
ALTER TABLE pathway ADD COLUMN population_base TEXT NOT NULL DEFAULT 'registered'
  CHECK (length(trim(population_base)) > 0);

-- A scenario's own choice of base for a pathway, overriding the pathway's
-- default for that scenario and the scenarios built on it.
CREATE TABLE scenario_population_base (
  scenario_id      INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  pathway_id       INTEGER NOT NULL REFERENCES pathway (id) ON DELETE CASCADE,
  population_base  TEXT NOT NULL CHECK (length(trim(population_base)) > 0),
  PRIMARY KEY (scenario_id, pathway_id)
) WITHOUT ROWID;

-- Named tables of weights by age band and sex, for a weighted population:
-- a practice's weighted population is the sum over the rows of weight x
-- its patients in that band and sex.  The note says where the weights come
-- from (an illustrative set must say so).
CREATE TABLE population_weights (
  name  TEXT PRIMARY KEY NOT NULL CHECK (length(trim(name)) > 0),
  note  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE population_weight (
  weights_name  TEXT NOT NULL REFERENCES population_weights (name) ON DELETE CASCADE ON UPDATE CASCADE,
  age_band      TEXT NOT NULL CHECK (length(trim(age_band)) > 0),
  sex           TEXT NOT NULL DEFAULT 'all' CHECK (sex = 'all' OR sex = 'male' OR sex = 'female'),
  weight        REAL NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (weights_name, age_band, sex)
) WITHOUT ROWID;
