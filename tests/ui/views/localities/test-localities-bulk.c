/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Localities in bulk through the window: making localities from the
 * practice map's PCNs, moving two practices selected together, Ctrl+A,
 * deleting a locality that has practices (a merge), the Practices view's
 * PCN and Sub-ICB filters, and the empty pages of Practices and
 * Localities with the buttons that fill them. */
#include "config.h"

#include <glib/gstdio.h>

#include "lp-localities-view.h"
#include "lp-localities-from-dialog.h"
#include "lp-merge-locality-dialog.h"
#include "lp-move-practices-dialog.h"
#include "lp-practices-view.h"
#include "lp-test-gtk.h"
#include "lp-test-localities.h"
#include "lp-test-util.h"

/* Ten practices; the map puts A81001-A81003 in NORTH PCN, A81004-A81005
 * in SOUTH PCN, A81006 in WEST PCN; A81007-A81010 have no PCN. */
static const char map_csv[] =
  "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,"
  "SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81001,ONE,SG1 1AA,U00001,NORTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81002,TWO,SG1 1AA,U00001,NORTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81003,THREE,SG1 1AA,U00001,NORTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81004,FOUR,SG1 1AA,U00002,SOUTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81005,FIVE,SG1 1AA,U00002,SOUTH PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n"
  "GP_PRAC_PAT_LIST,01JAN2024,A81006,SIX,SG1 1AA,U00003,WEST PCN,06K,NHS EAST AND NORTH HERTFORDSHIRE\n";

/* A new plan holding the ten practices and the map's PCNs, no locality. */
static char *
make_plan (const char *name,
           gboolean    with_practices)
{
  char *path = lp_test_scratch_path (name);
  g_autofree char *map = lp_test_scratch_path ("gp-reg-pat-prac-map.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpImportReport) report = NULL;
  LpImportOptions options = { 0 };

  g_unlink (path);
  plan = lp_plan_create (path, &error);
  g_assert_no_error (error);
  if (!with_practices)
    return path;
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *code = g_strdup_printf ("A810%02u", i);
      g_autofree char *practice_name = g_strdup_printf ("Practice %u", i);
      LpPracticeFields fields = { .ods_code = code, .name = practice_name };

      lp_plan_add_practice (plan, &fields, &error);
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (map, map_csv, -1, &error));
  report = lp_plan_import (plan, map, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 6);
  return path;
}

static guint
n_selected (GListModel *shown)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (shown));

  return (guint) gtk_bitset_get_size (selected);
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
test_empty_pages (void)
{
  g_autofree char *path = make_plan ("empty.lpplan", FALSE);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  GtkWidget *practices = lp_test_show_view (window, "practices");
  GtkWidget *localities;

  lp_test_wait_view (practices);
  lp_test_wait_label (practices, "No Practices Yet");
  lp_test_wait_label (practices, "Import the practice list (ODS epraccur or NHS Digital list sizes), "
                                 "or add practices one by one.");
  g_assert_nonnull (lp_test_find_widget (practices, is_button_for, "win.import"));
  g_assert_nonnull (lp_test_find_widget (practices, is_button_for, "view.add"));
  lp_test_save_png (GTK_WIDGET (window), "practices-empty.png");

  localities = lp_test_show_view (window, "localities");
  lp_test_wait_view (localities);
  lp_test_wait_label (localities, "No Localities Yet");
  g_assert_nonnull (lp_test_find_widget (localities, is_button_for, "view.make-from-map"));
  g_assert_nonnull (lp_test_find_widget (localities, is_button_for, "view.add"));
  lp_test_save_png (GTK_WIDGET (window), "localities-empty.png");

  /* The button leads to the dialog, which says what is missing. */
  gtk_widget_activate_action (localities, "view.make-from-map", NULL);
  {
    LpLocalitiesFromDialog *dialog = LP_LOCALITIES_FROM_DIALOG (lp_test_wait_toplevel (LP_TYPE_LOCALITIES_FROM_DIALOG));

    g_assert_cmpstr (lp_localities_from_dialog_get_preview (dialog), ==,
                     "No practice has a PCN yet: import the practice map (gp-reg-pat-prac-map.csv) first.");
    g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (dialog)));
    g_assert_false (lp_plan_can_undo (lp_window_get_plan (window)));
    gtk_window_close (GTK_WINDOW (dialog));
  }
  lp_test_destroy_windows ();
}

static GtkWidget *
find_search_entry (GtkWidget *view)
{
  GtkWidget *bar = lp_test_find_type (view, GTK_TYPE_SEARCH_BAR);

  return lp_test_find_type (bar, GTK_TYPE_SEARCH_ENTRY);
}

static gboolean
is_dropdown_titled (GtkWidget     *widget,
                    gconstpointer  tooltip)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkDropDown *
find_dropdown (GtkWidget  *view,
               const char *tooltip)
{
  GtkWidget *found = lp_test_find_widget (view, is_dropdown_titled, tooltip);

  g_assert_nonnull (found);
  return GTK_DROP_DOWN (found);
}

/* The drop-down's choices as it lists them, joined by "|". */
static char *
dropdown_choices (GtkDropDown *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", gtk_string_object_get_string (choice));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Chooses @label in @dropdown, as a click on it in the list does. */
static void
choose (GtkDropDown *dropdown,
        const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (choice), label))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("“%s” is not a choice", label);
}

/* The codes of @rows (LpPractice), joined by spaces. */
static char *
practice_codes (GListModel *rows)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (rows, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", lp_practice_get_ods_code (practice));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
selected_codes (GtkWidget *practices)
{
  g_autoptr(GPtrArray) rows = lp_data_view_get_selected_rows (LP_DATA_VIEW (practices));
  g_autoptr(GListStore) store = g_list_store_new (LP_TYPE_PRACTICE);

  for (guint i = 0; i < rows->len; i++)
    g_list_store_append (store, rows->pdata[i]);
  return practice_codes (G_LIST_MODEL (store));
}

/* The PCN and Sub-ICB drop-downs narrow the practices with the locality
 * and the search; Ctrl+A takes what they leave. */
static void
test_grouping_filters (void)
{
  g_autofree char *path = make_plan ("filters.lpplan", TRUE);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  GtkWidget *practices = lp_test_show_view (window, "practices");
  GListModel *shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (practices));
  GtkDropDown *pcn = find_dropdown (practices, "Show Practices of a PCN");
  GtkDropDown *sub_icb = find_dropdown (practices, "Show Practices of a Sub-ICB");
  char *text;

  lp_test_wait_rows (shown, 10);
  lp_test_wait_true (gtk_widget_get_visible (GTK_WIDGET (pcn)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sub_icb)));
  text = dropdown_choices (pcn);
  g_assert_cmpstr (text, ==, "All PCNs|NORTH PCN|SOUTH PCN|WEST PCN|No PCN");
  g_free (text);
  text = dropdown_choices (sub_icb);
  g_assert_cmpstr (text, ==, "All Sub-ICBs|NHS EAST AND NORTH HERTFORDSHIRE|No Sub-ICB");
  g_free (text);

  /* One PCN: exactly its practices, and Ctrl+A takes exactly those. */
  choose (pcn, "NORTH PCN");
  lp_test_wait_rows (shown, 3);
  text = practice_codes (shown);
  g_assert_cmpstr (text, ==, "A81001 A81002 A81003");
  g_free (text);
  g_assert_true (gtk_widget_activate_action (practices, "view.select-all", NULL));
  lp_test_wait_cmpuint (n_selected (shown), ==, 3);
  text = selected_codes (practices);
  g_assert_cmpstr (text, ==, "A81001 A81002 A81003");
  g_free (text);
  lp_test_wait_frame ();
  lp_test_save_png (GTK_WIDGET (window), "practices-filters-1024.png");

  /* The search narrows what the PCN leaves. */
  lp_view_start_search (LP_VIEW (practices));
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (practices)), "Practice 3");
  lp_test_wait_rows (shown, 1);
  text = practice_codes (shown);
  g_assert_cmpstr (text, ==, "A81003");
  g_free (text);
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (practices)), "SOUTH");
  lp_test_wait_rows (shown, 0);
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (practices)), "");
  lp_test_wait_rows (shown, 3);

  /* The list of Sub-ICBs gives each name whole. */
  g_signal_emit_by_name (sub_icb, "activate");
  {
    GtkWidget *popover = lp_test_find_type (GTK_WIDGET (sub_icb), GTK_TYPE_POPOVER);

    lp_test_wait_true (gtk_widget_get_mapped (popover));
    lp_test_wait_frame ();
    lp_test_save_png (popover, "practices-filters-list.png");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* "No PCN": the practices the map gives none. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (shown));
  choose (pcn, "No PCN");
  lp_test_wait_rows (shown, 4);
  text = practice_codes (shown);
  g_assert_cmpstr (text, ==, "A81007 A81008 A81009 A81010");
  g_free (text);
  g_assert_true (gtk_widget_activate_action (practices, "view.select-all", NULL));
  lp_test_wait_cmpuint (n_selected (shown), ==, 4);
  text = selected_codes (practices);
  g_assert_cmpstr (text, ==, "A81007 A81008 A81009 A81010");
  g_free (text);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (shown));

  /* The filters combine: no practice without a PCN has the Sub-ICB. */
  choose (sub_icb, "NHS EAST AND NORTH HERTFORDSHIRE");
  lp_test_wait_rows (shown, 0);
  choose (pcn, "All PCNs");
  lp_test_wait_rows (shown, 6);
  /* A Sub-ICB's long name is cut short in the header, which still fits. */
  lp_test_wait_frame ();
  lp_test_save_png (GTK_WIDGET (window), "practices-filters-sub-icb-1024.png");
  text = practice_codes (shown);
  g_assert_cmpstr (text, ==, "A81001 A81002 A81003 A81004 A81005 A81006");
  g_free (text);
  /* ... and with the locality: SOUTH PCN's locality leaves its two. */
  lp_test_localities_make_from (window, "pcn");
  practices = lp_test_show_view (window, "practices");
  lp_practices_view_set_locality (LP_PRACTICES_VIEW (practices),
                                  lp_plan_find_locality (lp_window_get_plan (window), "SOUTH PCN"));
  lp_test_wait_rows (shown, 2);
  text = practice_codes (shown);
  g_assert_cmpstr (text, ==, "A81004 A81005");
  g_free (text);
  choose (pcn, "NORTH PCN");
  lp_test_wait_rows (shown, 0);
  choose (pcn, "All PCNs");
  choose (sub_icb, "All Sub-ICBs");
  lp_practices_view_set_locality (LP_PRACTICES_VIEW (practices), 0);
  lp_test_wait_rows (shown, 10);
  lp_test_destroy_windows ();

  /* At 1280 × 800, with a PCN chosen. */
  window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  practices = lp_test_show_view (window, "practices");
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (practices));
  lp_test_wait_rows (shown, 10);
  pcn = find_dropdown (practices, "Show Practices of a PCN");
  lp_test_wait_true (gtk_widget_get_visible (GTK_WIDGET (pcn)));
  choose (pcn, "SOUTH PCN");
  lp_test_wait_rows (shown, 2);
  lp_test_wait_frame ();
  lp_test_save_png (GTK_WIDGET (window), "practices-filters-1280.png");
  lp_test_destroy_windows ();
}

/* A plan without the practice map has no PCN or Sub-ICB to choose. */
/* Whether the practices' table shows the column @title. */
static gboolean
column_shown (GtkWidget  *view,
              const char *title)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (lp_test_find_type (view, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return gtk_column_view_column_get_visible (column);
    }
  g_error ("The practices' table has no column %s", title);
}

static void
test_no_map_no_filters (void)
{
  g_autofree char *path = make_plan ("no-map.lpplan", FALSE);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  GtkWidget *practices = lp_test_show_view (window, "practices");
  GListModel *shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (practices));
  LpPracticeFields fields = { .ods_code = "B82001", .name = "Unmapped Practice" };
  g_autoptr(GError) error = NULL;

  lp_plan_add_practice (lp_window_get_plan (window), &fields, &error);
  g_assert_no_error (error);
  lp_test_wait_rows (shown, 1);
  lp_test_wait_frame ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_dropdown (practices, "Show Practices of a PCN"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_dropdown (practices, "Show Practices of a Sub-ICB"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_dropdown (practices, "Show Practices of a Locality"))));
  /* Nor the columns, which would be empty. */
  g_assert_false (column_shown (practices, "PCN"));
  g_assert_false (column_shown (practices, "Sub-ICB"));
  g_assert_true (column_shown (practices, "Locality"));
  lp_test_destroy_windows ();
}

static void
test_make_move_merge (void)
{
  g_autofree char *path = make_plan ("bulk.lpplan", TRUE);
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1024, 600);
  LpPlan *plan = lp_window_get_plan (window);
  const char *const two[] = { "A81001", "A81004", NULL };
  GtkWidget *localities = lp_test_show_view (window, "localities");
  GtkWidget *practices;
  GListModel *shown;
  LpLocalitiesFromDialog *from;
  LpMergeLocalityDialog *merge;
  g_autoptr(GError) error = NULL;

  /* The dialog's preview, as core words it, then the helper makes them. */
  lp_test_wait_view (localities);
  gtk_widget_activate_action (localities, "view.make-from-map", NULL);
  from = LP_LOCALITIES_FROM_DIALOG (lp_test_wait_toplevel (LP_TYPE_LOCALITIES_FROM_DIALOG));
  g_assert_cmpstr (lp_localities_from_dialog_get_preview (from), ==,
                   "3 localities; 6 practices assigned; 4 practices have no PCN and stay unassigned.");
  lp_localities_from_dialog_set_grouping (from, "sub_icb");
  g_assert_cmpstr (lp_localities_from_dialog_get_preview (from), ==,
                   "1 locality; 6 practices assigned; 4 practices have no Sub-ICB and stay unassigned.");
  lp_test_wait_frame ();
  lp_test_save_png (GTK_WIDGET (from), "localities-from-dialog.png");
  gtk_window_close (GTK_WINDOW (from));
  lp_test_wait_closed (from);

  lp_test_localities_make_from (window, "pcn");
  lp_test_wait_rows (lp_localities_view_get_model (LP_LOCALITIES_VIEW (localities)), 3);
  lp_test_save_png (GTK_WIDGET (window), "localities-from-pcns.png");

  /* Two practices selected together move in one step. */
  lp_test_practices_move (window, two, "WEST PCN");
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Move 2 practices to WEST PCN");
  practices = lp_test_show_view (window, "practices");
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (practices));
  lp_test_save_png (GTK_WIDGET (window), "practices-moved.png");

  /* Ctrl+A selects every row the filter leaves: WEST PCN's three. */
  g_assert_true (gtk_widget_activate_action (practices, "view.select-all", NULL));
  lp_test_wait_cmpuint (n_selected (shown), ==, 10);
  lp_practices_view_set_locality (LP_PRACTICES_VIEW (practices),
                                  lp_plan_find_locality (plan, "WEST PCN"));
  lp_test_wait_rows (shown, 3);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (shown));
  g_assert_true (gtk_widget_activate_action (practices, "view.select-all", NULL));
  lp_test_wait_cmpuint (n_selected (shown), ==, 3);
  lp_test_save_png (GTK_WIDGET (window), "practices-selected.png");
  /* With several selected, edit and delete have no one row. */
  g_assert_null (lp_data_view_get_selected (LP_DATA_VIEW (practices)));
  gtk_widget_activate_action (practices, "view.move-to-locality", NULL);
  {
    GtkWindow *dialog = lp_test_wait_toplevel (LP_TYPE_MOVE_PRACTICES_DIALOG);

    g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Move 3 Practices");
    /* The save button says what it does. */
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_default_widget (dialog))), ==, "_Move");
    lp_test_wait_frame ();
    lp_test_save_png (GTK_WIDGET (dialog), "practices-move-dialog.png");
    gtk_window_close (dialog);
    lp_test_wait_closed (dialog);
  }
  lp_practices_view_set_locality (LP_PRACTICES_VIEW (practices), 0);

  /* Undo gives the two practices their PCNs' localities back. */
  g_assert_true (lp_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Make localities from PCNs");
  g_assert_true (lp_plan_redo (plan, &error));

  /* Deleting NORTH PCN, which has two practices left, asks where they go. */
  localities = lp_test_show_view (window, "localities");
  shown = lp_localities_view_get_model (LP_LOCALITIES_VIEW (localities));
  lp_test_wait_rows (shown, 3);
  lp_data_view_select_id (LP_DATA_VIEW (localities), lp_plan_find_locality (plan, "NORTH PCN"));
  gtk_widget_activate_action (localities, "view.delete", NULL);
  merge = LP_MERGE_LOCALITY_DIALOG (lp_test_wait_toplevel (LP_TYPE_MERGE_LOCALITY_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (merge)), ==, "Delete NORTH PCN");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_default_widget (GTK_WINDOW (merge)))), ==,
                   "_Delete and Move");
  g_assert_true (lp_merge_locality_dialog_set_into (merge, "SOUTH PCN"));
  g_assert_false (lp_merge_locality_dialog_set_into (merge, "NORTH PCN"));
  g_assert_cmpstr (lp_merge_locality_dialog_get_summary (merge), ==,
                   "The 2 practices of “NORTH PCN” move to “SOUTH PCN”, and “NORTH PCN” is deleted.");
  lp_test_wait_frame ();
  lp_test_save_png (GTK_WIDGET (merge), "locality-merge-dialog.png");
  g_assert_true (lp_edit_dialog_save (LP_EDIT_DIALOG (merge)));
  lp_test_wait_closed (merge);
  g_assert_cmpstr (lp_plan_get_undo_label (plan), ==, "Merge NORTH PCN into SOUTH PCN");
  lp_test_wait_rows (shown, 2);

  g_assert_true (lp_plan_undo (plan, &error));
  lp_test_wait_rows (shown, 3);
  lp_test_destroy_windows ();
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/localities-bulk/empty-pages", test_empty_pages);
  g_test_add_func ("/localities-bulk/make-move-merge", test_make_move_merge);
  g_test_add_func ("/localities-bulk/grouping-filters", test_grouping_filters);
  g_test_add_func ("/localities-bulk/no-map-no-filters", test_no_map_no_filters);
  return lp_test_run ();
}
