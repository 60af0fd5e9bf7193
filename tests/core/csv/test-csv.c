/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The streaming CSV reader: header binding, BOM, line endings, quoting,
 * line numbers that survive line breaks inside quotes, and the errors a
 * damaged file must produce.  Fixtures are in tests/fixtures/csv/ (see the
 * README there); inputs too big to commit are written to a temp folder. */
#include <string.h>

#include "core-test-util.h"
#include "lp-core.h"
#include "lp-csv.h"

/* G_TEST_SRCDIR is the tests/ folder (tests/meson.build sets it). */
static char *
fixture_path (const char *name)
{
  char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("Fixture %s not found: run through meson test, which sets G_TEST_SRCDIR", path);
  return path;
}

static LpCsvReader *
open_ok (const char *path,
         gboolean    has_header)
{
  g_autoptr(GError) error = NULL;
  LpCsvReader *reader = lp_csv_reader_open (path, has_header, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* Moves to the next record and checks its first line and every field;
 * @fields ends with NULL. */
static void
assert_next_record (LpCsvReader        *reader,
                    guint64             line,
                    const char * const *fields)
{
  g_autoptr(GError) error = NULL;
  guint n = g_strv_length ((char **) fields);

  g_assert_true (lp_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lp_csv_reader_get_line (reader), ==, line);
  g_assert_cmpuint (lp_csv_reader_get_n_fields (reader), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (lp_csv_reader_get_field (reader, i), ==, fields[i]);
}

static void
assert_end (LpCsvReader *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lp_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lp_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 0), ==, "");
}

#define RECORD(...) ((const char * const []) { __VA_ARGS__, NULL })

static void
test_header_find_column (void)
{
  g_autofree char *path = fixture_path ("header-names.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);
  g_autoptr(GError) error = NULL;
  int column = -2;

  /* Case is ignored, and so are spaces around a title, quoted or not. */
  g_assert_cmpint (lp_csv_reader_find_column (reader, "Practice Code"), ==, 0);
  g_assert_cmpint (lp_csv_reader_find_column (reader, "PRACTICE CODE"), ==, 0);
  g_assert_cmpint (lp_csv_reader_find_column (reader, "practice code"), ==, 0);
  g_assert_cmpint (lp_csv_reader_find_column (reader, "list size"), ==, 1);
  g_assert_cmpint (lp_csv_reader_find_column (reader, "Practice Name"), ==, 2);
  g_assert_cmpint (lp_csv_reader_find_column (reader, "LOCALITY"), ==, 3);
  /* Only whole titles match. */
  g_assert_cmpint (lp_csv_reader_find_column (reader, "List"), ==, -1);
  g_assert_cmpint (lp_csv_reader_find_column (reader, "Practice"), ==, -1);
  g_assert_cmpint (lp_csv_reader_find_column (reader, ""), ==, -1);

  g_assert_true (lp_csv_reader_require (reader, "list SIZE", &column, &error));
  g_assert_no_error (error);
  g_assert_cmpint (column, ==, 1);

  assert_next_record (reader, 2, RECORD ("D81001", "1,234", "Alpha Surgery", "North"));
  g_assert_cmpstr (lp_csv_reader_get (reader, lp_csv_reader_find_column (reader, "practice code")), ==, "D81001");
  g_assert_cmpstr (lp_csv_reader_get (reader, column), ==, "1,234");
  g_assert_cmpstr (lp_csv_reader_get (reader, lp_csv_reader_find_column (reader, "locality")), ==, "North");
  g_assert_cmpstr (lp_csv_reader_get_path (reader), ==, path);
  assert_end (reader);
}

static void
test_header_bom (void)
{
  g_autofree char *path = fixture_path ("bom-header.csv");
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *quoted = test_tmp_path (dir, "bom-quoted.csv");

  {
    g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);

    g_assert_cmpint (lp_csv_reader_find_column (reader, "code"), ==, 0);
    g_assert_cmpint (lp_csv_reader_find_column (reader, "name"), ==, 1);
    assert_next_record (reader, 2, RECORD ("D81001", "Alpha"));
    assert_end (reader);
  }
  {
    /* Read as data, the first field is exactly the four bytes "code". */
    g_autoptr(LpCsvReader) reader = open_ok (path, FALSE);

    assert_next_record (reader, 1, RECORD ("code", "name"));
    g_assert_cmpuint (strlen (lp_csv_reader_get_field (reader, 0)), ==, 4);
  }
  {
    /* A BOM before an opening quote must not make the quote literal. */
    g_autoptr(LpCsvReader) reader = NULL;

    test_write_file (quoted, "\xEF\xBB\xBF\"Practice Code\",name\nD81001,Alpha\n", -1);
    reader = open_ok (quoted, TRUE);
    g_assert_cmpint (lp_csv_reader_find_column (reader, "practice code"), ==, 0);
    assert_next_record (reader, 2, RECORD ("D81001", "Alpha"));
  }
  {
    /* Only a BOM at the very start is a BOM; later it is data. */
    g_autoptr(LpCsvReader) reader = NULL;

    test_write_file (quoted, "code\n\xEF\xBB\xBFX\n", -1);
    reader = open_ok (quoted, TRUE);
    assert_next_record (reader, 2, RECORD ("\xEF\xBB\xBFX"));
  }
  test_rm_rf (dir);
}

/* lf.csv and crlf.csv hold the same records; a line break inside a quoted
 * field is kept as written. */
static void
check_line_endings (const char *name,
                    const char *newline)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);
  g_autofree char *two_lines = g_strconcat ("Two", newline, "lines", NULL);

  g_assert_cmpint (lp_csv_reader_find_column (reader, "list_size"), ==, 2);
  assert_next_record (reader, 2, RECORD ("D81001", "Alpha", "1,234"));
  assert_next_record (reader, 3, RECORD ("D81002", two_lines, "567"));
  assert_next_record (reader, 5, RECORD ("D81003", "Gamma", "0"));
  assert_end (reader);
}

static void
test_line_endings_lf (void)
{
  check_line_endings ("lf.csv", "\n");
}

static void
test_line_endings_crlf (void)
{
  check_line_endings ("crlf.csv", "\r\n");
}

static void
test_quoted_fields (void)
{
  g_autofree char *path = fixture_path ("quoted-fields.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);

  /* Lines 2-3 hold one record, so the next one starts on line 4. */
  assert_next_record (reader, 2, RECORD ("D81002", "Riverside\nPractice", "He said \"no\", twice"));
  assert_next_record (reader, 4, RECORD ("D81001", "Smith, Jones and Partners", ""));
  assert_next_record (reader, 5, RECORD ("D81003", "\"Quoted\" start", "x"));
  /* A blank line inside quotes is part of the field, not a skipped line. */
  assert_next_record (reader, 6, RECORD ("D81004", "para one\n\npara two", "y"));
  assert_next_record (reader, 9, RECORD ("D81005", "last", "z"));
  assert_end (reader);
}

static void
test_blank_lines (void)
{
  g_autofree char *path = fixture_path ("blank-lines.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);

  /* The header is on line 2, after a blank line 1. */
  g_assert_cmpint (lp_csv_reader_find_column (reader, "name"), ==, 1);
  assert_next_record (reader, 4, RECORD ("D81001", "Alpha"));
  assert_next_record (reader, 7, RECORD ("D81002", "Beta"));
  assert_end (reader);
}

static void
test_no_final_newline (void)
{
  g_autofree char *path = fixture_path ("no-final-newline.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);

  assert_next_record (reader, 2, RECORD ("D81001", "Alpha"));
  assert_next_record (reader, 3, RECORD ("D81002", "Beta"));
  assert_next_record (reader, 4, RECORD ("D81003", "Gamma, Ltd"));
  assert_end (reader);
}

/* Lines without quotes, in every shape a file gives them: spaces and tabs
 * around fields dropped, an empty field a missing value (NULL), a line of
 * spaces skipped, CRLF and LF mixed, a lone carriage return ending a
 * record as libcsv ends it, non-UTF-8 bytes read as Latin-1, and quoted
 * lines among them; every record on its own line number. */
static void
test_unquoted_lines (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "unquoted.csv", NULL);
  static const char text[] =
    "code,name,count\n"                 /* 1 */
    "A1,Alpha,10\n"                     /* 2 */
    "  A2 ,\tBeta\t, 20 \r\n"         /* 3 */
    "A3,,\n"                            /* 4 */
    "   \t \n"                          /* 5: blank */
    "\r\n"                              /* 6: blank */
    ", ,\n"                             /* 7 */
    "A4,\"Quoted, name\",30\n"          /* 8 */
    "A5,Caf\xe9,40\n"                   /* 9: Latin-1 */
    "A6,One\rA7,Two\n"                  /* 10: a lone CR ends a record */
    "A8,Last,50\n";                     /* 11 */
  g_autoptr(LpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, sizeof text - 1, &error));
  reader = open_ok (path, TRUE);
  assert_next_record (reader, 2, RECORD ("A1", "Alpha", "10"));
  assert_next_record (reader, 3, RECORD ("A2", "Beta", "20"));
  assert_next_record (reader, 4, RECORD ("A3", "", ""));
  g_assert_false (lp_csv_reader_field_is_null (reader, 0));
  g_assert_true (lp_csv_reader_field_is_null (reader, 1));
  g_assert_true (lp_csv_reader_field_is_null (reader, 2));
  g_assert_cmpuint (lp_csv_reader_get_n_fields (reader), ==, 3);
  assert_next_record (reader, 7, RECORD ("", "", ""));
  g_assert_true (lp_csv_reader_field_is_null (reader, 1));
  assert_next_record (reader, 8, RECORD ("A4", "Quoted, name", "30"));
  assert_next_record (reader, 9, RECORD ("A5", "Caf\xc3\xa9", "40"));
  g_assert_cmpuint (lp_csv_reader_get_latin1_line (reader), ==, 9);
  assert_next_record (reader, 10, RECORD ("A6", "One"));
  assert_next_record (reader, 11, RECORD ("A7", "Two"));
  assert_next_record (reader, 11, RECORD ("A8", "Last", "50"));
  assert_end (reader);
  test_rm_rf (dir);
}

/* Reads records up to the damaged one and returns its error. */
static GError *
read_until_error (const char *path,
                  guint       n_good)
{
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);
  GError *error = NULL;

  for (guint i = 0; i < n_good; i++)
    {
      g_assert_true (lp_csv_reader_next (reader, &error));
      g_assert_no_error (error);
    }
  g_assert_false (lp_csv_reader_next (reader, &error));
  g_assert_nonnull (error);
  return error;
}

static void
test_error_unterminated_quote (void)
{
  g_autofree char *path = fixture_path ("bad/unterminated-quote.csv");
  g_autoptr(GError) error = read_until_error (path, 1);
  g_autofree char *expected = g_strdup_printf ("%s, line 3: a quoted field is not closed properly", path);

  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_error_stray_quote (void)
{
  g_autofree char *path = fixture_path ("bad/stray-quote.csv");
  g_autoptr(GError) error = read_until_error (path, 1);
  g_autofree char *expected = g_strdup_printf ("%s, line 3: a quoted field is not closed properly", path);

  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A header, one good record on line 2, then a record on line 3 whose
 * second field is @length bytes of 'x', quoted or not. */
static char *
write_long_field_file (const char *dir,
                       gsize       length,
                       gboolean    quoted)
{
  char *path = test_tmp_path (dir, quoted ? "long-quoted.csv" : "long.csv");
  GString *contents = g_string_new ("code,notes\nD81001,short\nD81002,");

  if (quoted)
    g_string_append_c (contents, '"');
  for (gsize i = 0; i < length; i++)
    g_string_append_c (contents, 'x');
  if (quoted)
    g_string_append_c (contents, '"');
  g_string_append (contents, "\nD81003,after\n");
  test_write_file (path, contents->str, (gssize) contents->len);
  g_string_free (contents, TRUE);
  return path;
}

/* The cap is enforced on libcsv's field buffer, which has up to 1 KiB of
 * slack past LP_CSV_MAX_FIELD_BYTES; a field 1 KiB over is always refused. */
static void
test_error_field_too_long (void)
{
  g_autofree char *dir = test_tmp_dir ();

  for (int quoted = 0; quoted <= 1; quoted++)
    {
      g_autofree char *path = write_long_field_file (dir, LP_CSV_MAX_FIELD_BYTES + 1024, quoted);
      g_autoptr(GError) error = read_until_error (path, 1);
      g_autofree char *expected = g_strdup_printf ("%s, line 3: a field is longer than the 1 MiB this reader accepts", path);

      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
  test_rm_rf (dir);
}

static void
test_field_at_limit (void)
{
  g_autofree char *dir = test_tmp_dir ();

  for (int quoted = 0; quoted <= 1; quoted++)
    {
      g_autofree char *path = write_long_field_file (dir, LP_CSV_MAX_FIELD_BYTES, quoted);
      g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);
      g_autoptr(GError) error = NULL;

      assert_next_record (reader, 2, RECORD ("D81001", "short"));
      g_assert_true (lp_csv_reader_next (reader, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (lp_csv_reader_get_line (reader), ==, 3);
      g_assert_cmpuint (strlen (lp_csv_reader_get_field (reader, 1)), ==, LP_CSV_MAX_FIELD_BYTES);
      assert_next_record (reader, 4, RECORD ("D81003", "after"));
      assert_end (reader);
    }
  test_rm_rf (dir);
}

static void
test_error_require_missing (void)
{
  g_autofree char *path = fixture_path ("header-names.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected =
    g_strdup_printf ("%s: the required column Registered patients is missing from the header row", path);
  int column = 7;

  g_assert_false (lp_csv_reader_require (reader, "Registered patients", &column, &error));
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (column, ==, -1);
}

static void
test_error_set_error (void)
{
  g_autofree char *path = fixture_path ("header-names.csv");
  g_autofree char *epraccur = fixture_path ("epraccur-2rows.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);
  g_autoptr(LpCsvReader) no_header = open_ok (epraccur, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_by_number = NULL;
  g_autofree char *expected = NULL;

  assert_next_record (reader, 2, RECORD ("D81001", "1,234", "Alpha Surgery", "North"));
  lp_csv_reader_set_error (reader, &error, lp_csv_reader_find_column (reader, "practice name"),
                           "“Alpha Surgery” is already in the plan");
  expected = g_strdup_printf ("%s, line 2, column practice NAME: “Alpha Surgery” is already in the plan", path);
  g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  /* A title written with spaces around it is named without them. */
  lp_csv_reader_set_error (reader, &error, 1, "“1,234x” is not a whole number");
  expected = g_strdup_printf ("%s, line 2, column List Size: “1,234x” is not a whole number", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Without a header row, columns are numbered from 1. */
  assert_next_record (no_header, 1, RECORD ("Y99901", "HILLSIDE MEDICAL CENTRE", "Y61", "QM7",
                                            "HILLSIDE HEALTH CENTRE", "1 HILL ROAD", "STEVENAGE",
                                            "HERTFORDSHIRE", "", "SG1 1AA", "19740401", "", "A",
                                            "B", "06K", "20130401", "", "01438 000001", "", "", "",
                                            "0", "", "4", "", "", ""));
  lp_csv_reader_set_error (no_header, &error_by_number, 10, "“19740401” is after the close date");
  expected = g_strdup_printf ("%s, line 1, column 11: “19740401” is after the close date", epraccur);
  g_assert_error (error_by_number, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error_by_number->message, ==, expected);
}

static void
test_error_missing_file (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = test_tmp_path (dir, "no-such-file.csv");
  g_autofree char *prefix = g_strdup_printf ("Could not read “%s”: ", path);
  g_autoptr(GError) error = NULL;

  for (int has_header = 0; has_header <= 1; has_header++)
    {
      g_autoptr(LpCsvReader) reader = lp_csv_reader_open (path, has_header, &error);

      g_assert_null (reader);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
      g_clear_error (&error);
    }
  test_rm_rf (dir);
}

static void
test_error_empty_file (void)
{
  g_autofree char *empty = fixture_path ("bad/empty.csv");
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *blank = test_tmp_path (dir, "blank.csv");
  const char *paths[] = { empty, blank };

  /* Blank lines alone are no header either. */
  test_write_file (blank, "\n  \r\n\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LpCsvReader) reader = lp_csv_reader_open (paths[i], TRUE, &error);
      g_autofree char *expected = g_strdup_printf ("%s is empty: it has no header row", paths[i]);

      g_assert_null (reader);
      g_assert_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
  {
    /* Without a header, an empty file is simply one with no records. */
    g_autoptr(LpCsvReader) reader = open_ok (empty, FALSE);

    assert_end (reader);
  }
  test_rm_rf (dir);
}

/* NHS ODS epraccur.csv has no header row and quotes every value. */
static void
test_no_header_epraccur (void)
{
  g_autofree char *path = fixture_path ("epraccur-2rows.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, FALSE);

  g_assert_cmpint (lp_csv_reader_find_column (reader, "Y99901"), ==, -1);
  g_assert_true (lp_csv_reader_next (reader, NULL));
  g_assert_cmpuint (lp_csv_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (lp_csv_reader_get_n_fields (reader), ==, 27);
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 0), ==, "Y99901");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 1), ==, "HILLSIDE MEDICAL CENTRE");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 9), ==, "SG1 1AA");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 10), ==, "19740401");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 11), ==, "");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 12), ==, "A");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 26), ==, "");

  g_assert_true (lp_csv_reader_next (reader, NULL));
  g_assert_cmpuint (lp_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (lp_csv_reader_get_n_fields (reader), ==, 27);
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 0), ==, "Y99902");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 1), ==, "OLD TOWN SURGERY");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 4), ==, "2 HIGH STREET");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 5), ==, "");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 11), ==, "20190331");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 12), ==, "C");
  assert_end (reader);
}

static void
test_get_field_out_of_range (void)
{
  g_autofree char *path = fixture_path ("lf.csv");
  g_autoptr(LpCsvReader) reader = open_ok (path, TRUE);

  /* Before the first record there is no record. */
  g_assert_cmpuint (lp_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 0), ==, "");

  assert_next_record (reader, 2, RECORD ("D81001", "Alpha", "1,234"));
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 2), ==, "1,234");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, 3), ==, "");
  g_assert_cmpstr (lp_csv_reader_get_field (reader, G_MAXUINT), ==, "");
  g_assert_cmpstr (lp_csv_reader_get (reader, -1), ==, "");
  g_assert_cmpstr (lp_csv_reader_get (reader, 3), ==, "");
  g_assert_cmpstr (lp_csv_reader_get (reader, lp_csv_reader_find_column (reader, "no such column")), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/header/find-column", test_header_find_column);
  g_test_add_func ("/csv/header/bom", test_header_bom);
  g_test_add_func ("/csv/line-endings/lf", test_line_endings_lf);
  g_test_add_func ("/csv/line-endings/crlf", test_line_endings_crlf);
  g_test_add_func ("/csv/quoted-fields", test_quoted_fields);
  g_test_add_func ("/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/unquoted-lines", test_unquoted_lines);
  g_test_add_func ("/csv/no-final-newline", test_no_final_newline);
  g_test_add_func ("/csv/field-at-limit", test_field_at_limit);
  g_test_add_func ("/csv/no-header/epraccur", test_no_header_epraccur);
  g_test_add_func ("/csv/get-field/out-of-range", test_get_field_out_of_range);
  g_test_add_func ("/csv/error/unterminated-quote", test_error_unterminated_quote);
  g_test_add_func ("/csv/error/stray-quote", test_error_stray_quote);
  g_test_add_func ("/csv/error/field-too-long", test_error_field_too_long);
  g_test_add_func ("/csv/error/require-missing", test_error_require_missing);
  g_test_add_func ("/csv/error/set-error", test_error_set_error);
  g_test_add_func ("/csv/error/missing-file", test_error_missing_file);
  g_test_add_func ("/csv/error/empty-file", test_error_empty_file);

  return g_test_run ();
}
