-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 5: workshop copies.

-- The plan's identity: a random id given once, when the plan is made or
-- upgraded, and carried by every copy of it, so that a workshop copy
-- brought back can be told from a copy of some other plan.  One row.
CREATE TABLE plan_identity (
  singleton  INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
  plan_id    TEXT NOT NULL CHECK (length(plan_id) = 32)
);
INSERT INTO plan_identity (singleton, plan_id) VALUES (1, lower(hex(randomblob(16))));

-- In the organiser's plan: the plan as it was when workshop copies were
-- handed out (a whole plan file, held as a blob so that it travels with
-- the plan wherever the plan is copied or moved).  Merging a copy compares
-- it with this base to find what the copy changed, and compares the plan
-- with it to find what changed here meanwhile.
CREATE TABLE workshop_base (
  base_id   TEXT PRIMARY KEY NOT NULL CHECK (length(base_id) = 32),
  taken_at  TEXT NOT NULL,
  copies    TEXT NOT NULL DEFAULT '',
  image     BLOB NOT NULL
) WITHOUT ROWID;

-- In a workshop copy: its name and the base it was taken from.  One row,
-- or none in a plan that is not a workshop copy.
CREATE TABLE workshop_copy (
  singleton  INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  base_id    TEXT NOT NULL CHECK (length(base_id) = 32),
  taken_at   TEXT NOT NULL
);
