/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view across the change to PCN enhanced access, on
 * the small plan of tests/fixtures/pcn-era.sql (every figure worked out
 * there): coverage % before October 2022, minutes per network and per
 * locality after; a session added through its dialog (a bad time refused
 * under its field, the file unchanged), edited and removed, each one undo
 * step; the capacity rule's population base changed in its dialog; the
 * section's empty states with the buttons that provide what is missing.
 * PNGs at 1024x600 for a person to look at. */
#include "config.h"

#include <sqlite3.h>

#include "lp-access-edit.h"
#include "lp-access-view.h"
#include "lp-capacity-rule-dialog.h"
#include "lp-handout.h"
#include "lp-pcn-session-dialog.h"
#include "lp-test-access.h"
#include "lp-test-pdf.h"
#include "lp-test-util.h"
#include "lp-text-row.h"
#include "test-sql.h"

static char *
file_state (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (name, &contents, &length, NULL))
        g_checksum_update (checksum, (const guchar *) contents, (gssize) length);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
new_pcn_plan (const char *name,
              const char *extra_sql)
{
  char *path = lp_test_scratch_path (name);
  g_autofree char *fixture = test_fixture_sql ("pcn-era.sql");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LpPlan) plan = lp_plan_create (path, &error);

    g_assert_no_error (error);
  }
  test_sql_on_file (path, fixture);
  if (extra_sql != NULL)
    test_sql_on_file (path, extra_sql);
  return path;
}

static const LpAccessTextPcn *
pcn_shown (LpAccessView *view,
           const char   *name)
{
  GPtrArray *rows = lp_access_view_get_pcn_rows (view, FALSE);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const LpAccessTextPcn *pcn = lp_text_row_get (g_ptr_array_index (rows, i));

      if (g_str_equal (pcn->name, name))
        return pcn;
    }
  return NULL;
}

static const LpAccessTextPcnLocality *
locality_shown (LpAccessView *view,
                const char   *name)
{
  GPtrArray *rows = lp_access_view_get_pcn_rows (view, TRUE);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const LpAccessTextPcnLocality *locality = lp_text_row_get (g_ptr_array_index (rows, i));

      if (g_str_equal (locality->locality, name))
        return locality;
    }
  return NULL;
}

static const char *
hillside_offered (LpAccessView *view)
{
  const LpAccessTextPcn *pcn = pcn_shown (view, "Hillside PCN");

  return pcn != NULL ? pcn->offered : NULL;
}

static void
entry_set (LpEditDialog *dialog,
           const char   *field,
           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, field)), text);
}

static gint64
session_id (LpAccessView *view,
            const char   *title)
{
  GPtrArray *sessions = lp_access_view_get_sessions (view);

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    if (g_str_equal (((LpAccessTextSession *) g_ptr_array_index (sessions, i))->title, title))
      return ((LpAccessTextSession *) g_ptr_array_index (sessions, i))->id;
  return 0;
}

/* The figures of the fixture, and the editors. */
static void
test_pcn_era (void)
{
  g_autofree char *path = new_pcn_plan ("PCN era.lpplan", NULL);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpAccessView *view = lp_test_show_access (window);
  LpPlan *plan = lp_window_get_plan (window);
  const LpAccessTextPcn *riverside;
  const LpAccessTextPcnLocality *east, *west;
  LpEditDialog *dialog;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  /* September 2022: East One and West Two live, 18,000 of 36,000. */
  lp_test_wait_nonnull (lp_test_access_month_shown (view, "Sep 2022"));
  g_assert_cmpstr (lp_test_access_month_shown (view, "Sep 2022")->planned, ==, "50.0%");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Sep 2022")->required, ==, "1,080.0");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Sep 2022")->offered, ==, "540");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Sep 2022")->standard, ==, "–");
  /* October 2022: no coverage, the networks' minutes. */
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2022")->planned, ==, "–");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2022")->target, ==, "–");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2022")->required, ==, "2,190.0");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2022")->offered, ==, "1,410");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2022")->standard, ==, "1,020");
  g_assert_false (lp_test_access_month_shown (view, "Oct 2022")->behind);
  g_assert_true (lp_access_view_get_text (view)->has_pcn_months);
  /* As at November, a practice alone is required nothing: "–". */
  g_assert_cmpstr (((LpAccessTextPractice *) g_ptr_array_index (lp_access_view_get_text (view)->practices, 0))->required,
                   ==, "–");

  /* As at the reference date's month, November 2022. */
  lp_test_wait_nonnull (lp_access_view_get_pcn_text (view));
  g_assert_cmpstr (lp_access_view_get_pcn_text (view)->heading, ==, "Enhanced Access by Network, November 2022");
  riverside = pcn_shown (view, "Riverside PCN");
  g_assert_nonnull (riverside);
  /* 30,000 adjusted at 60 per 1,000: 1,800 minutes, 30 hours. */
  g_assert_cmpstr (riverside->population, ==, "30,000");
  g_assert_cmpstr (riverside->required, ==, "1,800.0 (30.0 h)");
  g_assert_cmpstr (riverside->offered, ==, "1,080.0 (18.0 h)");
  g_assert_cmpstr (riverside->standard, ==, "690");
  g_assert_cmpstr (riverside->difference, ==, "-720.0");
  g_assert_true (riverside->shortfall);
  g_assert_cmpstr (hillside_offered (view), ==, "330.0 (5.5 h)");
  g_assert_cmpstr (pcn_shown (view, "Hillside PCN")->required, ==, "390.0 (6.5 h)");
  east = locality_shown (view, "East");
  west = locality_shown (view, "West");
  g_assert_cmpstr (east->population, ==, "21,000");
  g_assert_cmpstr (east->required, ==, "1,260.0 (21.0 h)");
  g_assert_cmpstr (east->offered, ==, "756.0 (12.6 h)");
  g_assert_cmpstr (east->standard, ==, "483.0");
  g_assert_cmpstr (west->population, ==, "15,500");
  g_assert_cmpstr (west->required, ==, "930.0 (15.5 h)");
  g_assert_cmpstr (west->offered, ==, "654.0 (10.9 h)");
  g_assert_cmpstr (west->difference, ==, "-276.0");
  g_assert_nonnull (lp_test_wait_label (GTK_WIDGET (view), "Riverside PCN · Sunday 10:00–14:00"));
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-era-top-1024x600.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0.3);
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-era-months-1024x600.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0.55);
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-era-1024x600.png");
  lp_test_scroll_to (GTK_WIDGET (view), 0.75);
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-era-sessions-1024x600.png");
  lp_test_scroll_to (GTK_WIDGET (view), 1);
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-era-practices-1024x600.png");

  /* The handout: the minutes beside the coverage, on one landscape page. */
  {
    g_autoptr(GtkPrintOperation) operation = lp_handout_operation (lp_access_view_handout (view));

    lp_test_print_pdf (operation, GTK_WINDOW (window), "access-pcn-era-handout.pdf", "/MediaBox [ 0 0 841");
  }

  /* West alone: its share of Riverside, and Hillside whole. */
  g_assert_true (lp_access_view_select_locality (view, "West"));
  lp_test_wait_cmpstr (pcn_shown (view, "Riverside PCN")->share, ==, "30.0%");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2022")->required, ==, "930.0");
  g_assert_cmpstr (lp_test_access_month_shown (view, "Oct 2022")->standard, ==, "537");
  lp_test_scroll_to (GTK_WIDGET (view), 0.55);
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-era-west-1024x600.png");
  /* West's networks are both: what follows is the same there. */

  /* A Tuesday evening for Hillside, after a time the day has not. */
  before = file_state (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.add-session", NULL));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PCN_SESSION_DIALOG));
  g_object_ref (dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_PCN)), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_WEEKDAY)), 1);
  entry_set (dialog, LP_FIELD_START_TIME, "25:00");
  entry_set (dialog, LP_FIELD_START_DATE, "01/10/2022");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_START_TIME), ==,
                   "Start time must be a time of day from 00:00 to 23:59, not “25:00”");
  entry_set (dialog, LP_FIELD_START_TIME, "20:30");
  g_assert_false (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_edit_dialog_get_error (dialog, LP_FIELD_END_TIME), ==,
                   "The session must end after it starts, on the same day");
  lp_test_save_png (GTK_WIDGET (dialog), "access-session-dialog-refused.png");
  after = file_state (path);
  g_assert_cmpstr (after, ==, before);
  entry_set (dialog, LP_FIELD_START_TIME, "18:30");
  g_assert_true (lp_edit_dialog_save (dialog));
  g_object_unref (dialog);
  /* 330 and 90: 420, 30 more than the 390 required. */
  lp_test_wait_cmpstr (hillside_offered (view), ==, "420.0 (7.0 h)");
  g_assert_cmpstr (pcn_shown (view, "Hillside PCN")->difference, ==, "+30.0");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Add enhanced access session");
  lp_test_wait_true (session_id (view, "Hillside PCN · Tuesday 18:30–20:00") != 0);
  id = session_id (view, "Hillside PCN · Tuesday 18:30–20:00");

  /* Edited to end at 19:30: 60 minutes, 390 offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.edit-session", "x", id));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_PCN_SESSION_DIALOG));
  g_object_ref (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lp_edit_dialog_get_field (dialog, LP_FIELD_START_DATE))), ==,
                   "01/10/2022");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_WEEKDAY))),
                    ==, 1);
  entry_set (dialog, LP_FIELD_END_TIME, "19:30");
  lp_test_save_png (GTK_WIDGET (dialog), "access-session-dialog.png");
  g_assert_true (lp_edit_dialog_save (dialog));
  g_object_unref (dialog);
  lp_test_wait_cmpstr (hillside_offered (view), ==, "390.0 (6.5 h)");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Edit enhanced access session");

  /* Removed, then each step undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.remove-session", "x", id));
  lp_test_wait_cmpstr (hillside_offered (view), ==, "330.0 (5.5 h)");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Remove enhanced access session");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (hillside_offered (view), ==, "390.0 (6.5 h)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (hillside_offered (view), ==, "420.0 (7.0 h)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (hillside_offered (view), ==, "330.0 (5.5 h)");
  g_assert_false (lp_plan_can_undo (plan));

  /* The rule's base, registered patients: Hillside's 6,000 need 360. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "access.edit-rule", "x", (gint64) 2));
  dialog = LP_EDIT_DIALOG (lp_test_wait_toplevel (LP_TYPE_CAPACITY_RULE_DIALOG));
  g_object_ref (dialog);
  g_assert_cmpstr (lp_edit_dialog_get_key (dialog, LP_FIELD_APPLIES_TO), ==, "pcn");
  g_assert_cmpstr (lp_edit_dialog_get_key (dialog, LP_FIELD_POPULATION_BASE), ==, "weighted PCN adjusted");
  g_assert_true (gtk_widget_get_sensitive (lp_edit_dialog_get_field (dialog, LP_FIELD_POPULATION_BASE)));
  lp_test_save_png (GTK_WIDGET (dialog), "access-rule-dialog-pcn.png");
  adw_combo_row_set_selected (ADW_COMBO_ROW (lp_edit_dialog_get_field (dialog, LP_FIELD_POPULATION_BASE)), 0);
  g_assert_true (lp_edit_dialog_save (dialog));
  g_object_unref (dialog);
  lp_test_wait_cmpstr (pcn_shown (view, "Hillside PCN")->required, ==, "360.0 (6.0 h)");
  g_assert_cmpstr (pcn_shown (view, "Hillside PCN")->population, ==, "6,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  lp_test_wait_cmpstr (pcn_shown (view, "Hillside PCN")->required, ==, "390.0 (6.5 h)");
  lp_test_destroy_windows ();
}

/* Without sessions the section offers Add Session…; without networks,
 * Import Practice Map…. */
static void
test_pcn_empty (void)
{
  g_autofree char *path = new_pcn_plan ("PCN era empty.lpplan", "DELETE FROM pcn_access_session;");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpAccessView *view = lp_test_show_access (window);
  GtkWidget *button;

  lp_test_wait_label (GTK_WIDGET (view), "No enhanced access sessions: add each network’s evening and Saturday "
                                         "sessions, with their times, to count the minutes offered.");
  button = lp_test_wait_label (GTK_WIDGET (view), "_Add Session…");
  g_assert_true (gtk_widget_get_visible (button));
  lp_test_wait_cmpstr (hillside_offered (view), ==, "0.0 (0.0 h)");
  lp_test_scroll_to (GTK_WIDGET (view), 0.5);
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-no-sessions-1024x600.png");
  test_sql_on_file (path, "DELETE FROM practice_grouping;");
  /* Read again, as choosing a locality does. */
  g_assert_true (lp_access_view_select_locality (view, "East"));
  lp_test_wait_label (GTK_WIDGET (view), "No primary care networks: the practice map puts each practice in its "
                                         "network. Import the practice map, then add each network’s sessions.");
  g_assert_nonnull (lp_test_wait_label (GTK_WIDGET (view), "_Import Practice Map…"));
  lp_test_scroll_to (GTK_WIDGET (view), 0.85);
  lp_test_save_png (GTK_WIDGET (window), "access-pcn-no-networks-1024x600.png");
  lp_test_destroy_windows ();
}

int
main (int argc, char **argv)
{
  lp_test_init (&argc, &argv);
  g_test_add_func ("/pcn-access/pcn-era", test_pcn_era);
  g_test_add_func ("/pcn-access/empty", test_pcn_empty);
  return lp_test_run ();
}
