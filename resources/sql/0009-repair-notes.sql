-- SPDX-License-Identifier: GPL-3.0-or-later
-- Locality Planner plan file, schema version 9: what a repair decided.
--
-- A plan repaired into a copy records the repair in its import log (kind
-- 'repair') and, one note per decision, what was cleared or left out and
-- why: a row of the log has no room for more than a count.
CREATE TABLE import_log_note (
  import_id  INTEGER NOT NULL REFERENCES import_log (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (typeof(position) = 'integer' AND position >= 1),
  message    TEXT NOT NULL CHECK (length(trim(message)) > 0),
  PRIMARY KEY (import_id, position)
) WITHOUT ROWID;
