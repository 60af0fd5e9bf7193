/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking the PDFs the app writes, without a PDF library. */
#include <string.h>

#include "lp-test-pdf.h"

/* A PDF holds binary streams, NUL bytes too: no str* functions. */
static gboolean
contains_bytes (const char *bytes,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

void
lp_test_assert_one_page_pdf (const char *path,
                             const char *media_box)
{
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_assert_true (contains_bytes (bytes, length, "/Count 1\n"));   /* the page tree: one page */
  if (media_box != NULL)
    g_assert_true (contains_bytes (bytes, length, media_box));
}

void
lp_test_assert_pdf_pages (const char *path,
                          guint       n_pages,
                          const char *media_box)
{
  g_autofree char *bytes = NULL;
  g_autofree char *count = g_strdup_printf ("/Count %u\n", n_pages);
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_assert_true (contains_bytes (bytes, length, count));   /* the page tree */
  g_assert_true (contains_bytes (bytes, length, media_box));
}

void
lp_test_print_pdf (GtkPrintOperation *operation,
                   GtkWindow         *parent,
                   const char        *name,
                   const char        *media_box)
{
  g_autofree char *pdf = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  lp_test_assert_one_page_pdf (pdf, media_box);
}
