-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 1.
--
-- Rows that users create carry random 64-bit keys chosen by the application,
-- never rowid or AUTOINCREMENT numbers, so that copies of one plan edited on
-- several laptops can be merged with SQLite's session extension without their
-- keys colliding.  Reference rows shipped with every plan (points of delivery,
-- staff groups, roles, activity lines) use short text codes, identical in
-- every plan file.
--
-- Money is held in whole pounds as integers.  Percentages are held in basis
-- points (1% = 100) so that published rates such as 13.3% are exact.
-- Dates are ISO 8601 text (YYYY-MM-DD), checked with date(x, '+0 days') IS x:
-- the modifier makes SQLite normalise 2018-02-31 to 2018-03-03, so an
-- impossible day no longer matches itself.  Financial years are 'YYYY/YY'.

CREATE TABLE plan_info (
  key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE scenario (
  id         INTEGER PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  base_id    INTEGER REFERENCES scenario (id) ON DELETE RESTRICT,
  notes      TEXT NOT NULL DEFAULT '',
  CHECK (base_id IS NULL OR base_id <> id)
);

CREATE TABLE locality (
  id      INTEGER PRIMARY KEY NOT NULL,
  name    TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  code    TEXT UNIQUE,
  notes   TEXT NOT NULL DEFAULT ''
);

-- A practice belongs to at most one locality: the locality is a column of
-- the practice, so two localities cannot both claim it.
CREATE TABLE practice (
  id           INTEGER PRIMARY KEY NOT NULL,
  ods_code     TEXT NOT NULL UNIQUE
               CHECK (length(ods_code) BETWEEN 3 AND 8 AND ods_code = upper(ods_code)),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  postcode     TEXT NOT NULL DEFAULT '',
  locality_id  INTEGER REFERENCES locality (id) ON DELETE RESTRICT,
  status       TEXT NOT NULL DEFAULT 'active'
               CHECK (status IN ('active', 'closed', 'dormant', 'proposed')),
  notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX practice_locality ON practice (locality_id);

-- Registered patients per practice per extract (NHS Digital publishes a
-- snapshot on the first of each month).
CREATE TABLE list_size (
  practice_id   INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  extract_date  TEXT NOT NULL CHECK (date(extract_date, '+0 days') IS extract_date),
  patients      INTEGER NOT NULL CHECK (typeof(patients) = 'integer' AND patients >= 0),
  source        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (practice_id, extract_date)
) WITHOUT ROWID;

CREATE TABLE provider (
  id        INTEGER PRIMARY KEY NOT NULL,
  name      TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  sector    TEXT NOT NULL DEFAULT 'NHS' CHECK (sector IN ('NHS', 'Independent', 'Other')),
  ods_code  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE contract (
  id                   INTEGER PRIMARY KEY NOT NULL,
  provider_id          INTEGER NOT NULL REFERENCES provider (id) ON DELETE RESTRICT,
  service              TEXT NOT NULL CHECK (length(trim(service)) > 0),
  start_date           TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  end_date             TEXT NOT NULL CHECK (date(end_date, '+0 days') IS end_date),
  extension_months     INTEGER NOT NULL DEFAULT 0
                       CHECK (typeof(extension_months) = 'integer' AND extension_months >= 0),
  annual_value_pounds  INTEGER NOT NULL
                       CHECK (typeof(annual_value_pounds) = 'integer' AND annual_value_pounds >= 0),
  notes                TEXT NOT NULL DEFAULT '',
  CHECK (end_date >= start_date)
);
CREATE INDEX contract_provider ON contract (provider_id);

-- Services a provider has told the commissioner are at risk, against the
-- contract they are delivered under.
CREATE TABLE vulnerable_service (
  id           INTEGER PRIMARY KEY NOT NULL,
  contract_id  INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
  service      TEXT NOT NULL CHECK (length(trim(service)) > 0),
  notes        TEXT NOT NULL DEFAULT '',
  UNIQUE (contract_id, service)
);

-- Activity planning -------------------------------------------------------

CREATE TABLE point_of_delivery (
  code        TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  sort_order  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE activity_line (
  code        TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL UNIQUE,
  unit        TEXT NOT NULL,
  sort_order  INTEGER NOT NULL
) WITHOUT ROWID;

-- Forecast outturn for an activity line, for the whole plan or one locality
-- or one provider.
CREATE TABLE activity_baseline (
  id              INTEGER PRIMARY KEY NOT NULL,
  scenario_id     INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  activity_line   TEXT NOT NULL REFERENCES activity_line (code) ON DELETE RESTRICT,
  financial_year  TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  locality_id     INTEGER REFERENCES locality (id) ON DELETE CASCADE,
  provider_id     INTEGER REFERENCES provider (id) ON DELETE CASCADE,
  activity        REAL NOT NULL CHECK (activity >= 0)
);
CREATE UNIQUE INDEX activity_baseline_key ON activity_baseline
  (scenario_id, activity_line, financial_year, ifnull (locality_id, 0), ifnull (provider_id, 0));

CREATE TABLE growth_assumption (
  scenario_id     INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  activity_line   TEXT NOT NULL REFERENCES activity_line (code) ON DELETE RESTRICT,
  financial_year  TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  growth_bp       INTEGER NOT NULL CHECK (typeof(growth_bp) = 'integer' AND growth_bp >= -10000),
  PRIMARY KEY (scenario_id, activity_line, financial_year)
) WITHOUT ROWID;

CREATE TABLE qipp_programme (
  id          INTEGER PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE qipp_reduction (
  scenario_id     INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  programme_id    INTEGER NOT NULL REFERENCES qipp_programme (id) ON DELETE CASCADE,
  pod             TEXT NOT NULL REFERENCES point_of_delivery (code) ON DELETE RESTRICT,
  financial_year  TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]/[0-9][0-9]'),
  saving_pounds   INTEGER NOT NULL CHECK (typeof(saving_pounds) = 'integer' AND saving_pounds >= 0),
  activity        REAL CHECK (activity IS NULL OR activity >= 0),
  PRIMARY KEY (scenario_id, programme_id, pod, financial_year)
) WITHOUT ROWID;

-- Pathway modelling -------------------------------------------------------

CREATE TABLE pathway (
  id          INTEGER PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  category    TEXT NOT NULL CHECK (category IN ('inpatient', 'ae_outpatient')),
  sort_order  INTEGER NOT NULL DEFAULT 0
);

-- A planned change over a horizon, stated for the STP, the CCG or one
-- locality; activity and bed days are reductions over the whole horizon.
CREATE TABLE pathway_change (
  id             INTEGER PRIMARY KEY NOT NULL,
  scenario_id    INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  pathway_id     INTEGER NOT NULL REFERENCES pathway (id) ON DELETE CASCADE,
  level          TEXT NOT NULL CHECK (level IN ('stp', 'ccg', 'locality')),
  locality_id    INTEGER REFERENCES locality (id) ON DELETE CASCADE,
  horizon_years  INTEGER NOT NULL CHECK (typeof(horizon_years) = 'integer' AND horizon_years > 0),
  activity       REAL NOT NULL CHECK (activity >= 0),
  bed_days       REAL NOT NULL DEFAULT 0 CHECK (bed_days >= 0),
  CHECK ((level = 'locality') = (locality_id IS NOT NULL))
);
CREATE UNIQUE INDEX pathway_change_key ON pathway_change
  (scenario_id, pathway_id, level, ifnull (locality_id, 0), horizon_years);

CREATE TABLE apportionment_weight (
  scenario_id  INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  locality_id  INTEGER NOT NULL REFERENCES locality (id) ON DELETE CASCADE,
  weight       REAL NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (scenario_id, locality_id)
) WITHOUT ROWID;

-- Extended access -----------------------------------------------------------

-- The agreed coverage trajectory, for the whole plan (no locality) or one
-- locality; period_month is the first day of the month the target applies to.
CREATE TABLE access_trajectory (
  id            INTEGER PRIMARY KEY NOT NULL,
  scenario_id   INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  locality_id   INTEGER REFERENCES locality (id) ON DELETE CASCADE,
  label         TEXT NOT NULL DEFAULT '',
  period_month  TEXT NOT NULL CHECK (date(period_month, '+0 days') IS period_month AND period_month LIKE '%-01'),
  target_bp     INTEGER NOT NULL CHECK (typeof(target_bp) = 'integer' AND target_bp BETWEEN 0 AND 10000)
);
CREATE UNIQUE INDEX access_trajectory_key ON access_trajectory
  (scenario_id, ifnull (locality_id, 0), period_month);

CREATE TABLE access_provision (
  id                INTEGER PRIMARY KEY NOT NULL,
  scenario_id       INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  practice_id       INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  basis             TEXT NOT NULL DEFAULT 'plan' CHECK (basis IN ('plan', 'actual')),
  start_date        TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  end_date          TEXT CHECK (end_date IS NULL OR (date(end_date, '+0 days') IS end_date AND end_date >= start_date)),
  level             TEXT NOT NULL CHECK (level IN ('full', 'partial', 'none')),
  minutes_per_week  INTEGER NOT NULL DEFAULT 0
                    CHECK (typeof(minutes_per_week) = 'integer' AND minutes_per_week >= 0)
);
CREATE INDEX access_provision_practice ON access_provision (practice_id);

CREATE TABLE capacity_rule (
  id                    INTEGER PRIMARY KEY NOT NULL,
  name                  TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  start_date            TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
  minutes_per_1000      REAL NOT NULL CHECK (minutes_per_1000 > 0),
  round_to_quarter_hour INTEGER NOT NULL DEFAULT 0 CHECK (round_to_quarter_hour IN (0, 1))
);

-- Workforce ---------------------------------------------------------------

CREATE TABLE staff_group (
  code        TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL UNIQUE,
  sort_order  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE staff_role (
  code         TEXT PRIMARY KEY NOT NULL CHECK (length(code) > 0),
  staff_group  TEXT NOT NULL REFERENCES staff_group (code) ON DELETE RESTRICT,
  name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  is_trainee   INTEGER NOT NULL DEFAULT 0 CHECK (is_trainee IN (0, 1)),
  is_locum     INTEGER NOT NULL DEFAULT 0 CHECK (is_locum IN (0, 1)),
  sort_order   INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- FTE and headcount as recorded at a date.  NULL means the figure is
-- missing (NHS Digital's ND/NA), which is not the same as zero.
CREATE TABLE workforce_fte (
  practice_id  INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  role         TEXT NOT NULL REFERENCES staff_role (code) ON DELETE RESTRICT,
  as_at        TEXT NOT NULL CHECK (date(as_at, '+0 days') IS as_at),
  fte          REAL CHECK (fte IS NULL OR fte >= 0),
  headcount    INTEGER CHECK (headcount IS NULL OR (typeof(headcount) = 'integer' AND headcount >= 0)),
  source       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (practice_id, role, as_at)
) WITHOUT ROWID;

-- Planned movements in a quarter (quarter_start is 1 April, 1 July,
-- 1 October or 1 January).
CREATE TABLE workforce_change (
  id             INTEGER PRIMARY KEY NOT NULL,
  scenario_id    INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  practice_id    INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,
  role           TEXT NOT NULL REFERENCES staff_role (code) ON DELETE RESTRICT,
  quarter_start  TEXT NOT NULL CHECK (date(quarter_start, '+0 days') IS quarter_start
                                      AND substr(quarter_start, 6) IN ('01-01', '04-01', '07-01', '10-01')),
  joiners        REAL NOT NULL DEFAULT 0 CHECK (joiners >= 0),
  leavers        REAL NOT NULL DEFAULT 0 CHECK (leavers >= 0),
  retirements    REAL NOT NULL DEFAULT 0 CHECK (retirements >= 0),
  UNIQUE (scenario_id, practice_id, role, quarter_start)
);

CREATE TABLE workforce_turnover (
  scenario_id     INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  role            TEXT NOT NULL REFERENCES staff_role (code) ON DELETE RESTRICT,
  annual_rate_bp  INTEGER NOT NULL CHECK (typeof(annual_rate_bp) = 'integer' AND annual_rate_bp BETWEEN 0 AND 10000),
  PRIMARY KEY (scenario_id, role)
) WITHOUT ROWID;

-- An FTE change to reach by a date, for a staff group or a single role, set
-- for the CCG, a locality or a practice.
CREATE TABLE workforce_target (
  id           INTEGER PRIMARY KEY NOT NULL,
  scenario_id  INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  level        TEXT NOT NULL CHECK (level IN ('ccg', 'locality', 'practice')),
  locality_id  INTEGER REFERENCES locality (id) ON DELETE CASCADE,
  practice_id  INTEGER REFERENCES practice (id) ON DELETE CASCADE,
  staff_group  TEXT REFERENCES staff_group (code) ON DELETE RESTRICT,
  role         TEXT REFERENCES staff_role (code) ON DELETE RESTRICT,
  fte_change   REAL NOT NULL,
  due_date     TEXT NOT NULL CHECK (date(due_date, '+0 days') IS due_date),
  label        TEXT NOT NULL DEFAULT '',
  CHECK ((staff_group IS NULL) <> (role IS NULL)),
  CHECK ((level = 'locality') = (locality_id IS NOT NULL)),
  CHECK ((level = 'practice') = (practice_id IS NOT NULL))
);

-- Published figures a plan compares itself with (e.g. patients per GP FTE
-- in England), each with the date it describes and where it came from.
CREATE TABLE reference_figure (
  code    TEXT PRIMARY KEY NOT NULL,
  label   TEXT NOT NULL,
  value   REAL NOT NULL,
  as_at   TEXT NOT NULL CHECK (date(as_at, '+0 days') IS as_at),
  source  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- What each import read, so that re-importing an extract replaces it.
CREATE TABLE import_log (
  id           INTEGER PRIMARY KEY NOT NULL,
  kind         TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  file_sha256  TEXT NOT NULL,
  file_date    TEXT,
  rows         INTEGER NOT NULL CHECK (rows >= 0),
  imported_at  TEXT NOT NULL
);

-- Readable summaries for anyone who opens the plan with the sqlite3 shell ----

CREATE VIEW practice_latest_list_size AS
  SELECT practice_id, extract_date, patients
    FROM list_size AS l
   WHERE extract_date = (SELECT max (extract_date) FROM list_size WHERE practice_id = l.practice_id);

CREATE VIEW locality_summary AS
  SELECT locality.id AS locality_id,
         locality.name AS locality,
         count (practice.id) AS practices,
         ifnull (sum (latest.patients), 0) AS registered_patients
    FROM locality
    LEFT JOIN practice ON practice.locality_id = locality.id
    LEFT JOIN practice_latest_list_size AS latest ON latest.practice_id = practice.id
   GROUP BY locality.id;

-- Reference rows every plan starts with -------------------------------------

INSERT INTO point_of_delivery (code, name, sort_order) VALUES
  ('AE', 'A&E', 1),
  ('AMB', 'Ambulance', 2),
  ('NEL', 'Non-elective', 3),
  ('OPFA', 'Outpatient first attendances', 4),
  ('OPFU', 'Outpatient follow-ups', 5),
  ('EL', 'Elective', 6),
  ('PRESC', 'Prescribing', 7),
  ('CCG', 'CCG', 8);

INSERT INTO activity_line (code, name, unit, sort_order) VALUES
  ('REF_TOTAL', 'Total Referrals (General and Acute)', 'referrals', 1),
  ('REF_GP', 'Total GP Referrals (General and Acute)', 'referrals', 2),
  ('REF_OTHER', 'Total Other Referrals (General and Acute)', 'referrals', 3),
  ('OP_FIRST', 'Consultant Led First Outpatient Attendances', 'attendances', 4),
  ('OP_FU', 'Consultant Led Follow-Up Outpatient Attendances', 'attendances', 5),
  ('EL_TOTAL', 'Total Elective Admissions', 'admissions', 6),
  ('EL_DC', 'Total Elective Admissions - Day Cases', 'admissions', 7),
  ('EL_ORD', 'Total Elective Admissions - Ordinary', 'admissions', 8),
  ('NEL_TOTAL', 'Total Non-Elective Admissions', 'admissions', 9),
  ('NEL_0LOS', 'Total Non-Elective Admissions - 0 LoS', 'admissions', 10),
  ('NEL_1LOS', 'Total Non-Elective Admissions - +1 LoS', 'admissions', 11),
  ('AE_ATT', 'Total A&E Attendances excluding Planned Follow Ups', 'attendances', 12),
  ('RTT_ADM', 'Number of Completed Admitted RTT Pathways', 'pathways', 13),
  ('RTT_NONADM', 'Number of Completed Non-Admitted RTT Pathways', 'pathways', 14),
  ('RTT_NEW', 'Number of New RTT Pathways (Clockstarts)', 'pathways', 15);

INSERT INTO staff_group (code, name, sort_order) VALUES
  ('GP', 'GPs', 1),
  ('NURSE', 'Nurses', 2),
  ('DPC', 'Direct patient care', 3),
  ('ADMIN', 'Admin and non-clinical', 4);

INSERT INTO staff_role (code, staff_group, name, is_trainee, is_locum, sort_order) VALUES
  ('GP_PARTNER', 'GP', 'GP partner', 0, 0, 1),
  ('GP_SALARIED', 'GP', 'Salaried GP', 0, 0, 2),
  ('GP_LOCUM', 'GP', 'Locum GP', 0, 1, 3),
  ('GP_RETAINER', 'GP', 'GP retainer', 0, 0, 4),
  ('GP_REGISTRAR', 'GP', 'GP registrar (trainee)', 1, 0, 5),
  ('N_PRACTICE', 'NURSE', 'Practice nurse', 0, 0, 11),
  ('N_ANP', 'NURSE', 'Advanced nurse practitioner', 0, 0, 12),
  ('DPC_PHARMACIST', 'DPC', 'Clinical pharmacist', 0, 0, 21),
  ('DPC_PHARM_TECH', 'DPC', 'Pharmacy technician', 0, 0, 22),
  ('DPC_PHYSICIAN_ASSOC', 'DPC', 'Physician associate', 0, 0, 23),
  ('DPC_PARAMEDIC', 'DPC', 'Paramedic', 0, 0, 24),
  ('DPC_PHYSIO', 'DPC', 'Physiotherapist', 0, 0, 25),
  ('DPC_MENTAL_HEALTH', 'DPC', 'Mental-health practitioner', 0, 0, 26),
  ('DPC_SPLW', 'DPC', 'Social prescribing link worker', 0, 0, 27),
  ('DPC_HCA', 'DPC', 'Health care assistant', 0, 0, 28),
  ('DPC_NURSING_ASSOC', 'DPC', 'Nursing associate', 0, 0, 29),
  ('ADMIN_MANAGER', 'ADMIN', 'Practice manager', 0, 0, 31),
  ('ADMIN_RECEPTION', 'ADMIN', 'Receptionist', 0, 0, 32),
  ('ADMIN_OTHER', 'ADMIN', 'Other admin', 0, 0, 33);
