/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "test-damaged-plans.h"

#define PRACTICE(code) "(SELECT id FROM practice WHERE ods_code = '" code "')"
#define FIRST(table) "(SELECT min (id) FROM " table ")"
#define CHECK DAMAGE_CHECK
#define NOT_NULL DAMAGE_NOT_NULL
#define FK DAMAGE_FOREIGN_KEY
#define UNIQUE DAMAGE_UNIQUE

static const Damage corpus[] = {
  /* values of the wrong type */
  { "list-size-abc", "UPDATE list_size SET patients = 'abc' WHERE practice_id = " PRACTICE ("X06K01"),
    NULL, NULL, NULL, CHECK, "list_size", "patients", "List size of practice X06K01 on 2018-01-01" },
  { "list-size-fraction", "UPDATE list_size SET patients = 12.5 WHERE practice_id = " PRACTICE ("X06K02"),
    NULL, NULL, NULL, CHECK, "list_size", "patients", "practice X06K02" },
  { "contract-value-text", "UPDATE contract SET annual_value_pounds = 'lots' WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "annual_value_pounds", "Contract for " },
  { "contract-extension-fraction", "UPDATE contract SET extension_months = 1.5 WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "extension_months", NULL },
  { "workforce-headcount-text",
    "UPDATE workforce_fte SET headcount = 'many' WHERE practice_id = " PRACTICE ("X06K03")
    " AND role = (SELECT min (role) FROM workforce_fte WHERE practice_id = " PRACTICE ("X06K03") ")",
    NULL, NULL, NULL, CHECK, "workforce_fte", "headcount", "Workforce of practice X06K03" },
  { "access-minutes-text", "UPDATE access_provision SET minutes_per_week = 'ninety' WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "minutes_per_week", "Access provision of practice" },
  { "staff-role-locum-text", "UPDATE staff_role SET is_locum = 'yes' WHERE code = (SELECT min (code) FROM staff_role)",
    NULL, NULL, NULL, CHECK, "staff_role", "is_locum", "Staff role " },
  /* out of range */
  { "list-size-negative", "UPDATE list_size SET patients = -5 WHERE practice_id = " PRACTICE ("X06K04"),
    NULL, NULL, NULL, CHECK, "list_size", "patients", "practice X06K04" },
  { "contract-end-1e308", "UPDATE contract SET end_date = 1e308 WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "end_date", "Contract for " },
  { "contract-backwards", "UPDATE contract SET end_date = '2000-03-31' WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "start_date, end_date", NULL },
  { "contract-value-negative", "UPDATE contract SET annual_value_pounds = -1",
    NULL, NULL, NULL, CHECK, "contract", "annual_value_pounds", NULL },
  { "trajectory-20000bp", "UPDATE access_trajectory SET target_bp = 20000 WHERE id = " FIRST ("access_trajectory"),
    NULL, NULL, NULL, CHECK, "access_trajectory", "target_bp", "Access trajectory of scenario " },
  { "growth-below-minus-100pc",
    "UPDATE growth_assumption SET growth_bp = -20000 WHERE activity_line = (SELECT min (activity_line) FROM growth_assumption)",
    NULL, NULL, NULL, CHECK, "growth_assumption", "growth_bp", "Growth of " },
  { "qipp-saving-negative",
    "UPDATE qipp_reduction SET saving_pounds = -100 WHERE saving_pounds = (SELECT max (saving_pounds) FROM qipp_reduction)",
    NULL, NULL, NULL, CHECK, "qipp_reduction", "saving_pounds", "QIPP saving of " },
  { "pathway-horizon-zero", "UPDATE pathway_change SET horizon_years = 0 WHERE id = " FIRST ("pathway_change"),
    NULL, NULL, NULL, CHECK, "pathway_change", "horizon_years", "Change to pathway " },
  { "pathway-activity-negative", "UPDATE pathway_change SET activity = -1 WHERE id = " FIRST ("pathway_change"),
    NULL, NULL, NULL, CHECK, "pathway_change", "activity", NULL },
  { "workforce-fte-negative",
    "UPDATE workforce_fte SET fte = -2 WHERE practice_id = " PRACTICE ("X06K05"),
    NULL, NULL, NULL, CHECK, "workforce_fte", "fte", "practice X06K05" },
  { "capacity-minutes-zero", "UPDATE capacity_rule SET minutes_per_1000 = 0 WHERE id = " FIRST ("capacity_rule"),
    NULL, NULL, NULL, CHECK, "capacity_rule", "minutes_per_1000", "Capacity rule " },
  { "access-minutes-negative", "UPDATE access_provision SET minutes_per_week = -60 WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "minutes_per_week", NULL },
  /* impossible dates */
  { "list-size-feb-31", "UPDATE list_size SET extract_date = '2018-02-31' WHERE practice_id = " PRACTICE ("X06K06"),
    NULL, NULL, NULL, CHECK, "list_size", "extract_date", "practice X06K06 on 2018-02-31" },
  { "list-size-date-words", "UPDATE list_size SET extract_date = 'last April' WHERE practice_id = " PRACTICE ("X06K07"),
    NULL, NULL, NULL, CHECK, "list_size", "extract_date", "practice X06K07" },
  { "contract-start-13th-month", "UPDATE contract SET start_date = '2017-13-01' WHERE id = " FIRST ("contract"),
    NULL, NULL, NULL, CHECK, "contract", "start_date", NULL },
  { "trajectory-mid-month", "UPDATE access_trajectory SET period_month = '2018-04-15' WHERE id = " FIRST ("access_trajectory"),
    NULL, NULL, NULL, CHECK, "access_trajectory", "period_month", NULL },
  { "access-ends-before-start", "UPDATE access_provision SET end_date = '2000-01-01' WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "end_date", NULL },
  { "workforce-as-at-feb-30", "UPDATE workforce_fte SET as_at = '2018-02-30' WHERE practice_id = " PRACTICE ("X06K08"),
    NULL, NULL, NULL, CHECK, "workforce_fte", "as_at", "practice X06K08" },
  { "growth-year-dashed",
    "UPDATE growth_assumption SET financial_year = '2018-19' WHERE activity_line = (SELECT max (activity_line) FROM growth_assumption)",
    NULL, NULL, NULL, CHECK, "growth_assumption", "financial_year", NULL },
  /* empty or unknown enum values, empty names */
  { "practice-status-empty", "UPDATE practice SET status = '' WHERE ods_code = 'X06K09'",
    NULL, NULL, NULL, CHECK, "practice", "status", "Practice X06K09" },
  { "practice-status-open", "UPDATE practice SET status = 'open' WHERE ods_code = 'X06K10'",
    NULL, NULL, NULL, CHECK, "practice", "status", "Practice X06K10" },
  { "access-level-empty", "UPDATE access_provision SET level = '' WHERE id = " FIRST ("access_provision"),
    NULL, NULL, NULL, CHECK, "access_provision", "level", NULL },
  { "provider-sector-private", "UPDATE provider SET sector = 'Private' WHERE id = " FIRST ("provider"),
    NULL, NULL, NULL, CHECK, "provider", "sector", "Provider " },
  { "pathway-category-empty", "UPDATE pathway SET category = '' WHERE id = " FIRST ("pathway"),
    NULL, NULL, NULL, CHECK, "pathway", "category", "Pathway " },
  { "pathway-level-without-locality",
    "UPDATE pathway_change SET level = 'locality', locality_id = NULL WHERE id = "
    "(SELECT min (id) FROM pathway_change WHERE level <> 'locality')",
    NULL, NULL, NULL, CHECK, "pathway_change", "level, locality_id", NULL },
  { "locality-name-blank", "UPDATE locality SET name = '   ' WHERE name = 'Stevenage'",
    NULL, NULL, NULL, CHECK, "locality", "name", NULL },
  { "practice-code-lower-case", "UPDATE practice SET ods_code = 'x06k11' WHERE ods_code = 'X06K11'",
    NULL, NULL, NULL, CHECK, "practice", "ods_code", "Practice x06k11" },
  { "vulnerable-service-empty", "UPDATE vulnerable_service SET service = '' WHERE id = " FIRST ("vulnerable_service"),
    NULL, NULL, NULL, CHECK, "vulnerable_service", "service", NULL },
  /* dangling foreign keys */
  { "locality-deleted", "DELETE FROM locality WHERE name = 'Stevenage'",
    NULL, NULL, NULL, FK, "practice", "locality_id", "Practice X06K1" },
  { "list-size-of-no-practice", "UPDATE list_size SET practice_id = 99999 WHERE practice_id = " PRACTICE ("X06K12"),
    NULL, NULL, NULL, FK, "list_size", "practice_id", NULL },
  { "provider-deleted", "DELETE FROM provider WHERE id = (SELECT provider_id FROM contract WHERE id = " FIRST ("contract") ")",
    NULL, NULL, NULL, FK, "contract", "provider_id", NULL },
  { "workforce-unknown-role",
    "UPDATE workforce_fte SET role = 'NO_SUCH_ROLE' WHERE practice_id = " PRACTICE ("X06K13")
    " AND role = (SELECT min (role) FROM workforce_fte WHERE practice_id = " PRACTICE ("X06K13") ")",
    NULL, NULL, NULL, FK, "workforce_fte", "role", "practice X06K13, NO_SUCH_ROLE" },
  { "qipp-unknown-pod",
    "UPDATE qipp_reduction SET pod = 'ZZ' WHERE saving_pounds = (SELECT min (saving_pounds) FROM qipp_reduction)",
    NULL, NULL, NULL, FK, "qipp_reduction", "pod", "on ZZ" },
  { "growth-unknown-line",
    "UPDATE growth_assumption SET activity_line = 'NOPE' WHERE activity_line = (SELECT min (activity_line) FROM growth_assumption)",
    NULL, NULL, NULL, FK, "growth_assumption", "activity_line", "Growth of NOPE" },
  { "vulnerable-service-of-no-contract", "UPDATE vulnerable_service SET contract_id = 42 WHERE id = " FIRST ("vulnerable_service"),
    NULL, NULL, NULL, FK, "vulnerable_service", "contract_id", NULL },
  /* duplicate keys written with the unique index dropped */
  { "scenario-name-twice",
    "DROP INDEX scenario_name_nocase; INSERT INTO scenario (name, base_id) SELECT upper (name), id FROM scenario",
    NULL, NULL, NULL, UNIQUE, "scenario", "name", "Scenario BASE", 2 },
  { "pathway-change-twice",
    "DROP INDEX pathway_change_key; INSERT INTO pathway_change "
    "(scenario_id, pathway_id, level, locality_id, horizon_years, activity, bed_days) "
    "SELECT scenario_id, pathway_id, level, locality_id, horizon_years, activity + 1, bed_days "
    "FROM pathway_change WHERE id = " FIRST ("pathway_change"),
    NULL, NULL, NULL, UNIQUE, "pathway_change", "scenario_id, pathway_id, level, locality_id, horizon_years",
    "Change to pathway ", 2 },
  { "trajectory-twice",
    "DROP INDEX access_trajectory_key; INSERT INTO access_trajectory "
    "(scenario_id, locality_id, period_month, target_bp) "
    "SELECT scenario_id, locality_id, period_month, target_bp FROM access_trajectory WHERE id = " FIRST ("access_trajectory"),
    NULL, NULL, NULL, UNIQUE, "access_trajectory", "scenario_id, locality_id, period_month", NULL, 2 },
  { "list-size-rebuilt-twice",
    "PRAGMA legacy_alter_table = ON; CREATE TABLE list_size_copy AS SELECT * FROM list_size; DROP TABLE list_size; "
    "ALTER TABLE list_size_copy RENAME TO list_size; "
    "INSERT INTO list_size (practice_id, extract_date, patients, source) "
    "SELECT practice_id, extract_date, patients + 1, source FROM list_size "
    "WHERE practice_id = " PRACTICE ("X06K14"),
    NULL, NULL, NULL, UNIQUE, "list_size", "practice_id, extract_date", "practice X06K14 on 2018-01-01", 2 },
  /* NULL in NOT NULL columns, let in by editing the schema */
  { "list-size-null", NULL, "list_size", "patients", "practice_id = " PRACTICE ("X06K15"),
    NOT_NULL, "list_size", "patients", "practice X06K15" },
  { "contract-service-null", NULL, "contract", "service", "id = " FIRST ("contract"),
    NOT_NULL, "contract", "service", NULL },
  { "practice-name-null", NULL, "practice", "name", "ods_code = 'X06K16'",
    NOT_NULL, "practice", "name", "Practice X06K16" },
  { "access-level-null", NULL, "access_provision", "level", "id = " FIRST ("access_provision"),
    NOT_NULL, "access_provision", "level", NULL },
};

const Damage *
damaged_plans (guint *n_damages)
{
  *n_damages = G_N_ELEMENTS (corpus);
  return corpus;
}

char *
damaged_plan_copy_file (const char *from,
           const char *dir,
           const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *to = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s\n%s", message, sql);
}

/* Drops NOT NULL from @column's definition in the schema, writes the NULL
 * on a fresh connection, then puts the schema back as it was: what a
 * careless tool could leave behind. */
static void
write_null (const char   *path,
            const Damage *d)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *original = NULL;
  g_autofree char *pattern = g_strdup_printf ("(\\b%s\\s+[A-Z]+\\s+)NOT NULL", d->null_column);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autofree char *loose = NULL;
  g_autofree char *update = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, d->null_table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  original = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  loose = g_regex_replace (regex, original, -1, 0, "\\1", 0, NULL);
  g_assert_cmpstr (loose, !=, original);

  for (guint pass = 0; pass < 2; pass++)
    {
      exec_sql (db, "PRAGMA writable_schema = ON");
      g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, pass == 0 ? loose : original, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, d->null_table, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      exec_sql (db, "PRAGMA writable_schema = OFF");
      sqlite3_close (db);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      if (pass == 0)
        {
          update = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; "
                                    "UPDATE %s SET %s = NULL WHERE %s",
                                    d->null_table, d->null_column, d->null_where);
          exec_sql (db, update);
          g_assert_cmpint (sqlite3_changes (db), >=, 1);
          sqlite3_close (db);
          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        }
    }
  sqlite3_close (db);
}

static void
damage (const char   *path,
        const Damage *d)
{
  if (d->sql != NULL)
    {
      sqlite3 *db = NULL;
      g_autofree char *sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; "
                                              "PRAGMA foreign_keys = OFF; %s", d->sql);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      exec_sql (db, sql);
      g_assert_cmpint (sqlite3_total_changes (db), >=, 1);
      sqlite3_close (db);
    }
  else
    write_null (path, d);
}

char *
damaged_plan_make (const char   *sample,
                   const char   *dir,
                   const Damage *d)
{
  g_autofree char *name = g_strdup_printf ("%s.lpplan", d->name);
  char *path = damaged_plan_copy_file (sample, dir, name);

  damage (path, d);
  return path;
}

#define LEAF_OF(table, n) \
  "SELECT pageno FROM dbstat WHERE name = '" table "' AND pagetype = 'leaf' ORDER BY path LIMIT 1 OFFSET " #n

static const Corruption corrupt[] = {
  { "truncated-half", CORRUPT_TRUNCATE, "SELECT page_count / 2 FROM pragma_page_count", 0, 0, 0, -1, FALSE },
  /* sqlite_schema's leaves are cut off: page 2 holds plan_info's rows, and
   * page 3 scenario's one row, which fits locality's columns as well */
  { "truncated-3-pages", CORRUPT_TRUNCATE, "SELECT 3", 0, 0, 0, -1, FALSE, "scenario" },
  { "truncated-100-bytes", CORRUPT_TRUNCATE, NULL, 100, 0, 0, -1, TRUE },
  { "truncated-0-bytes", CORRUPT_TRUNCATE, NULL, 0, 0, 0, -1, TRUE },
  /* "SQLite format 3\0" no more */
  { "header-magic", CORRUPT_GARBLE, "SELECT 1", 0, 0, 16, 0, FALSE },
  /* 4096 becomes 0x4a5a, not a power of two */
  { "header-page-size", CORRUPT_GARBLE, "SELECT 1", 0, 16, 2, 0, FALSE },
  /* the first 32 cell pointers of list_size's only page (bytes 8 to 71,
   * after the 8-byte page header) */
  { "list-size-cell-pointers", CORRUPT_ZERO, LEAF_OF ("list_size", 0), 0, 8, 64, 32, FALSE },
  /* the interior page of the largest table: its leaves are left with no
   * way down to them */
  { "workforce-interior-page", CORRUPT_GARBLE,
    "SELECT pageno FROM dbstat WHERE name = 'workforce_fte' AND pagetype = 'internal' LIMIT 1",
    0, 0, 0, -1, FALSE },
  /* sqlite_schema's first page, after the 100-byte file header */
  { "schema-page-1", CORRUPT_GARBLE, "SELECT 1", 0, 100, 0, -1, FALSE },
  /* the second of the practice table's three leaves */
  { "practice-page-zeroed", CORRUPT_ZERO, LEAF_OF ("practice", 1), 0, 0, 0, -1, FALSE },
};

const Corruption *
corrupt_plans (guint *n_corruptions)
{
  *n_corruptions = G_N_ELEMENTS (corrupt);
  return corrupt;
}

gint64
corrupt_plan_page (const char       *sample,
                   const Corruption *c)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page;

  if (c->page_sql == NULL)
    return 0;
  g_assert_cmpint (sqlite3_open_v2 (sample, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, c->page_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 0);
  return page;
}

char *
corrupt_plan_make (const char       *sample,
                   const char       *dir,
                   const Corruption *c)
{
  g_autofree char *name = g_strdup_printf ("%s.lpplan", c->name);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;
  gsize page_size;
  gint64 page = corrupt_plan_page (sample, c);

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  /* The page size, from the sample's sound header. */
  g_assert_cmpuint (length, >=, 100);
  page_size = ((guint) (guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  if (c->how == CORRUPT_TRUNCATE)
    length = c->page_sql != NULL ? (gsize) page * page_size : (gsize) c->bytes;
  else
    {
      gsize from = (gsize) (page - 1) * page_size + c->start;
      gsize to = c->length > 0 ? from + c->length : (gsize) page * page_size;

      g_assert_cmpuint (to, <=, length);
      for (gsize i = from; i < to; i++)
        contents[i] = c->how == CORRUPT_ZERO ? 0 : contents[i] ^ 0x5a;
    }
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}
