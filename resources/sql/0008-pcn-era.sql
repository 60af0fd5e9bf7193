-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 8: the primary care network
-- era.  Imported weighted populations, PCN enhanced access, and the staff
-- that PCNs employ under the Additional Roles Reimbursement Scheme.


-- Weighted populations imported per practice -------------------------------
--
-- A set of weights (population_weights) is either a table of weights by age
-- band and sex (population_weight, the user's own or an illustrative set),
-- or a figure per practice imported from a CSV of practice code and
-- weighted population, as NHS England publishes PCN adjusted populations.
-- Both are named the same way as a population base: 'weighted NAME'.
ALTER TABLE population_weights ADD COLUMN kind TEXT NOT NULL DEFAULT 'by_age'
  CHECK (kind = 'by_age' OR kind = 'imported');
ALTER TABLE population_weights ADD COLUMN source TEXT NOT NULL DEFAULT '';

CREATE TABLE weighted_population (
  weights_name  TEXT NOT NULL REFERENCES population_weights (name) ON DELETE CASCADE ON UPDATE CASCADE,
  practice_id   INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  as_at         TEXT NOT NULL CHECK (date(as_at, '+0 days') IS as_at),
  population    REAL NOT NULL CHECK (population >= 0),
  PRIMARY KEY (weights_name, as_at, practice_id)
) WITHOUT ROWID;


-- PCN enhanced access --------------------------------------------------------
--
-- From 1 October 2022 access is commissioned from primary care networks:
-- a capacity rule may apply per PCN (the practices that practice_grouping
-- puts in one PCN) rather than per practice, on a population base named
-- as pathways name theirs ('registered', or 'weighted NAME' for an
-- imported PCN adjusted population).
ALTER TABLE capacity_rule ADD COLUMN applies_to TEXT NOT NULL DEFAULT 'practice'
  CHECK (applies_to = 'practice' OR applies_to = 'pcn');
ALTER TABLE capacity_rule ADD COLUMN population_base TEXT NOT NULL DEFAULT 'registered'
  CHECK (length(trim(population_base)) > 0);

-- A PCN's enhanced-access sessions: a weekday (1 Monday ... 7 Sunday) and
-- the time they run, from a date until a date (open when NULL).  Minutes
-- offered a week are the sessions' lengths; those inside network standard
-- hours (18:30-20:00 on weekdays, 09:00-17:00 on Saturdays) are counted
-- apart.
CREATE TABLE pcn_access_session (
  id           INTEGER PRIMARY KEY NOT NULL,
  scenario_id  INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  pcn_code     TEXT NOT NULL CHECK (length(trim(pcn_code)) > 0),
  weekday      INTEGER NOT NULL CHECK (typeof(weekday) = 'integer' AND weekday BETWEEN 1 AND 7),
  start_time   TEXT NOT NULL CHECK (length(start_time) = 5 AND time(start_time) IS start_time || ':00'),
  end_time     TEXT NOT NULL CHECK (length(end_time) = 5 AND time(end_time) IS end_time || ':00'),
  start_date   TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  end_date     TEXT CHECK (end_date IS NULL OR (date(end_date, '+0 days') IS end_date AND end_date >= start_date)),
  CHECK (end_time > start_time)
);
CREATE INDEX pcn_access_session_pcn ON pcn_access_session (pcn_code);


-- ARRS roles and PCN staff ----------------------------------------------------
--
-- The roles the Network Contract DES reimburses under the Additional Roles
-- Reimbursement Scheme.  Some were already practice roles; they are marked.
ALTER TABLE staff_role ADD COLUMN is_arrs INTEGER NOT NULL DEFAULT 0 CHECK (is_arrs IN (0, 1));

UPDATE staff_role SET is_arrs = 1
  WHERE code IN ('DPC_PHARMACIST', 'DPC_PHARM_TECH', 'DPC_PHYSICIAN_ASSOC', 'DPC_PARAMEDIC',
                 'DPC_PHYSIO', 'DPC_MENTAL_HEALTH', 'DPC_SPLW', 'DPC_NURSING_ASSOC');

INSERT INTO staff_role (code, staff_group, name, is_trainee, is_locum, sort_order, is_arrs) VALUES
  ('DPC_TRAINEE_NURSING_ASSOC', 'DPC', 'Trainee nursing associate', 1, 0, 30, 1),
  ('DPC_HWB_COACH', 'DPC', 'Health and wellbeing coach', 0, 0, 40, 1),
  ('DPC_CARE_COORDINATOR', 'DPC', 'Care coordinator', 0, 0, 41, 1),
  ('DPC_DIETITIAN', 'DPC', 'Dietitian', 0, 0, 42, 1),
  ('DPC_PODIATRIST', 'DPC', 'Podiatrist', 0, 0, 43, 1),
  ('DPC_OCCUPATIONAL_THERAPIST', 'DPC', 'Occupational therapist', 0, 0, 44, 1),
  ('DPC_ADVANCED_PRACTITIONER', 'DPC', 'Advanced practitioner', 0, 0, 45, 1),
  ('DPC_GP_ASSISTANT', 'DPC', 'GP assistant', 0, 0, 46, 1),
  ('ADMIN_DIGITAL_LEAD', 'ADMIN', 'Digital and transformation lead', 0, 0, 34, 1);

-- PCNs also employ staff outside the scheme, whom the PCN workforce file
-- lists too: kept apart so that a clinical director (most often one of
-- the practices' GP partners, already counted there) is never counted as
-- GP time twice.
INSERT INTO staff_role (code, staff_group, name, is_trainee, is_locum, sort_order, is_arrs) VALUES
  ('DPC_OTHER', 'DPC', 'Other direct patient care', 0, 0, 47, 0),
  ('ADMIN_PCN_CLINICAL_DIRECTOR', 'ADMIN', 'PCN clinical director', 0, 0, 35, 0),
  ('ADMIN_PCN_MANAGER', 'ADMIN', 'PCN manager', 0, 0, 36, 0);

-- FTE and headcount that a PCN employs, by role, as NHS Digital's PCN
-- workforce publication gives them.  These staff are not in the practice
-- files, so they are never counted in workforce_fte as well.
CREATE TABLE pcn_workforce_fte (
  pcn_code   TEXT NOT NULL CHECK (length(trim(pcn_code)) > 0),
  role       TEXT NOT NULL REFERENCES staff_role (code) ON DELETE RESTRICT,
  as_at      TEXT NOT NULL CHECK (date(as_at, '+0 days') IS as_at),
  pcn_name   TEXT NOT NULL DEFAULT '',
  fte        REAL CHECK (fte IS NULL OR fte >= 0),
  headcount  INTEGER CHECK (headcount IS NULL OR (typeof(headcount) = 'integer' AND headcount >= 0)),
  source     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (pcn_code, role, as_at)
) WITHOUT ROWID;
