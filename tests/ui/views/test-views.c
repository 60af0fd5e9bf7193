/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The localities, practices and contracts views on a copy of the sample
 * plan, under a real (virtual) display: rows, counts, search, the
 * locality filter, sorting, the ending-soon flags, delete with undo, the
 * empty and read-only states, and PNGs for a person to look at. */
#include "config.h"

#include <sqlite3.h>

#include "lp-contracts-view.h"
#include "lp-localities-view.h"
#include "lp-practices-view.h"
#include "lp-test-util.h"

static gint64
practice_code_pos (GListModel *shown,
                   const char *ods_code)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (shown, i);

      if (g_strcmp0 (lp_practice_get_ods_code (practice), ods_code) == 0)
        return i;
    }
  return -1;
}

static const char *
selected_code (GListModel *shown)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (shown));
  g_autoptr(LpPractice) practice = gtk_bitset_get_size (selected) == 1
                                   ? g_list_model_get_item (shown, gtk_bitset_get_minimum (selected)) : NULL;

  return practice != NULL ? lp_practice_get_ods_code (practice) : NULL;
}

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  unused)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "table") != NULL;
}

/* Which of the table, "empty" and "no-results" pages the view shows. */
static const char *
visible_page (GtkWidget *view)
{
  GtkWidget *stack = lp_test_find_widget (view, is_view_stack, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
is_no_results_page (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return ADW_IS_STATUS_PAGE (widget)
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), "No Results") == 0;
}

static AdwStatusPage *
no_results_page (GtkWidget *view)
{
  return ADW_STATUS_PAGE (lp_test_find_widget (view, is_no_results_page, NULL));
}

/* The narrowest the table can be without cutting a column off. */
static int
table_min_width (GtkWidget *view)
{
  GtkWidget *table = lp_test_find_type (view, GTK_TYPE_COLUMN_VIEW);
  int min_width;

  gtk_widget_measure (table, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("the table needs %d pixels", min_width);
  return min_width;
}

static void
test_localities_rows (void)
{
  LpTestView f = { 0 };
  GListModel *shown;

  lp_test_view_open (&f, lp_localities_view_new (), LP_PLAN_OPEN_DEFAULT);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  /* Until the plan's worker has read the rows: a spinner, never "No
   * Localities Yet". */
  g_assert_cmpstr (visible_page (f.view), ==, "loading");
  shown = lp_localities_view_get_model (LP_LOCALITIES_VIEW (f.view));
  lp_test_wait_rows (shown, 6);
  lp_test_wait_label (f.view, "6 localities");
  /* Figures as people read them, from core's sums. */
  lp_test_wait_label (f.view, "116,154");
  g_assert_cmpstr (visible_page (f.view), ==, "table");
  lp_test_save_png (GTK_WIDGET (f.window), "views-localities.png");
  g_assert_cmpint (table_min_width (f.view), <=, 740);

  /* Core refuses to delete a locality with practices; the row stays. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (shown), 0, TRUE);
  gtk_widget_activate_action (f.view, "view.delete", NULL);
  lp_test_wait_idle ();
  lp_test_wait_rows (shown, 6);
  g_assert_false (lp_plan_can_undo (f.plan));

  lp_view_set_plan (LP_VIEW (f.view), NULL);
  lp_test_wait_rows (shown, 0);
  lp_test_wait_cmpstr (visible_page (f.view), ==, "empty");
  lp_test_view_close (&f);
}

/* The view's own search entry, not the one in the drop-down's popover. */
static GtkWidget *
find_search_entry (GtkWidget *view)
{
  GtkWidget *bar = lp_test_find_type (view, GTK_TYPE_SEARCH_BAR);

  return lp_test_find_type (bar, GTK_TYPE_SEARCH_ENTRY);
}

/* Types @text into the search; the view is to find @n_found practices. */
static void
search_for (GtkWidget  *view,
            const char *text,
            guint       n_found)
{
  GtkWidget *entry = find_search_entry (view);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  lp_test_wait_rows (lp_practices_view_get_model (LP_PRACTICES_VIEW (view)), n_found);
}

static void
test_practices_search (void)
{
  LpTestView f = { 0 };
  GtkWidget *entry;
  GListModel *shown;

  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_DEFAULT);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 57);
  lp_test_wait_label (f.view, "57 practices");
  lp_test_save_png (GTK_WIDGET (f.window), "views-practices.png");
  g_assert_cmpint (table_min_width (f.view), <=, 740);

  /* Ctrl+F's function shows the bar and puts the cursor in the entry. */
  entry = find_search_entry (f.view);
  lp_view_start_search (LP_VIEW (f.view));
  lp_test_wait_true (gtk_window_get_focus (f.window) != NULL
                     && gtk_widget_is_ancestor (gtk_window_get_focus (f.window), entry));

  search_for (f.view, "stevenage", 7);
  lp_test_wait_label (f.view, "7 of 57 practices");
  search_for (f.view, "SG8 7ZL", 1);
  search_for (f.view, "no such practice", 0);
  lp_test_wait_cmpstr (visible_page (f.view), ==, "no-results");
  /* Typing on with no rows left: the page names the search as it is. */
  search_for (f.view, "no such practices", 0);
  lp_test_wait_nonnull (g_strrstr (adw_status_page_get_description (no_results_page (f.view)),
                                   "“no such practices”"));
  lp_test_save_png (GTK_WIDGET (f.window), "views-practices-no-results.png");

  /* Escape (the entry's stop-search) closes the bar and the search. */
  g_signal_emit_by_name (entry, "stop-search");
  lp_test_wait_rows (shown, 57);
  lp_test_wait_cmpstr (visible_page (f.view), ==, "table");
  lp_test_view_close (&f);
}

/* A search that hides most of a table taller than the rows it keeps in
 * view narrows it in steps a frame apart (lp-data-view.c): the rows end
 * as the search says, also when keys come before the steps are done. */
static void
test_practices_search_steps (void)
{
  LpTestView f = { 0 };
  GListModel *shown;

  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_DEFAULT);
  for (guint i = 0; i < 243; i++)
    {
      g_autofree char *code = g_strdup_printf ("S%05u", i);
      g_autofree char *name = g_strdup_printf ("Step Practice %03u", i);
      LpPracticeFields fields = { .ods_code = code, .name = name };
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (lp_plan_add_practice (f.plan, &fields, &error), >, 0);
      g_assert_no_error (error);
    }
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 57 + 243);
  lp_view_start_search (LP_VIEW (f.view));

  /* 243 of 300, then "Step Practice 100" to "199". */
  search_for (f.view, "step practice", 243);
  search_for (f.view, "step practice 1", 100);
  lp_test_wait_label (f.view, "100 of 300 practices");
  g_assert_cmpint (practice_code_pos (shown, "S00100"), ==, 0);
  g_assert_cmpint (practice_code_pos (shown, "S00199"), ==, 99);
  g_assert_cmpint (practice_code_pos (shown, "S00200"), ==, -1);
  lp_test_wait_frame ();
  lp_test_wait_frame ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);

  /* Keys typed while the steps go on: the last search is the one shown. */
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (f.view)), "step practice");
  lp_test_wait_rows (shown, 243);
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (f.view)), "step practice 2");
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (f.view)), "step practice 24");
  lp_test_wait_rows (shown, 3);
  lp_test_wait_frame ();
  lp_test_wait_frame ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpint (practice_code_pos (shown, "S00240"), ==, 0);
  g_assert_cmpint (practice_code_pos (shown, "S00242"), ==, 2);
  /* Another search than the one being stepped to. */
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (f.view)), "step practice");
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (f.view)), "step practice 0");
  gtk_editable_set_text (GTK_EDITABLE (find_search_entry (f.view)), "step practice 05");
  lp_test_wait_rows (shown, 10);
  lp_test_wait_frame ();
  lp_test_wait_frame ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  g_assert_cmpint (practice_code_pos (shown, "S00050"), ==, 0);
  lp_test_view_close (&f);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The codes of the practices shown at @first..@first + @n - 1. */
static char *
codes_at (GListModel *shown,
          guint       first,
          guint       n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (shown, i);

      g_strv_builder_add (builder, lp_practice_get_ods_code (practice));
    }
  codes = g_strv_builder_end (builder);
  return g_strjoinv (" ", codes);
}

/* Delete with several practices selected asks once, naming how many,
 * and deletes them in one step that Undo takes back. */
static void
test_practices_delete_several (void)
{
  LpTestView f = { 0 };
  GListModel *shown;
  AdwMessageDialog *dialog;
  g_autofree char *deleted = NULL;
  g_auto(GStrv) codes = NULL;
  g_autoptr(GError) error = NULL;

  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_DEFAULT);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 57);

  /* Cancelled: nothing goes. */
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (shown), 0, 2, TRUE);
  g_assert_true (gtk_widget_activate_action (f.view, "view.delete", NULL));
  lp_test_wait_nonnull (dialog = find_message_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete 2 Practices?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lp_test_wait_true (find_message_dialog () == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 57);

  /* Three rows further down, deleted. */
  deleted = codes_at (shown, 3, 3);
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (shown), 3, 3, TRUE);
  g_assert_true (gtk_widget_activate_action (f.view, "view.delete", NULL));
  lp_test_wait_nonnull (dialog = find_message_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete 3 Practices?");
  lp_test_save_png (GTK_WIDGET (dialog), "views-practices-delete-several.png");
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lp_test_wait_rows (shown, 54);
  g_assert_cmpstr (lp_plan_get_undo_label (f.plan), ==, "Delete 3 practices");
  codes = g_strsplit (deleted, " ", -1);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert_cmpint (practice_code_pos (shown, codes[i]), ==, -1);
      g_assert_cmpint (lp_plan_find_practice (f.plan, codes[i]), ==, 0);
    }

  /* One undo brings the three back. */
  g_assert_true (lp_plan_undo (f.plan, &error));
  g_assert_no_error (error);
  lp_test_wait_rows (shown, 57);
  for (guint i = 0; codes[i] != NULL; i++)
    g_assert_cmpint (practice_code_pos (shown, codes[i]), >=, 0);
  g_assert_false (lp_plan_can_undo (f.plan));
  lp_test_view_close (&f);
}

static guint
string_position (GListModel *strings,
                 const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (strings); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (strings), i), text) == 0)
      return i;
  g_assert_not_reached ();
}

static void
assert_all_in (GListModel *shown,
               const char *locality)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LpPractice) practice = g_list_model_get_item (shown, i);

      g_assert_cmpstr (lp_practice_get_locality_name (practice), ==, locality);
    }
}

static void
check_all_localities (GtkWidget *view,
                      gint64     locality_id)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (lp_test_find_type (view, GTK_TYPE_DROP_DOWN));
  GListModel *shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (view));

  lp_practices_view_set_locality (LP_PRACTICES_VIEW (view), locality_id);
  lp_test_wait_rows (shown, 57);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpint (lp_practices_view_get_locality (LP_PRACTICES_VIEW (view)), ==, 0);
}

static void
test_practices_locality_filter (void)
{
  LpTestView f = { 0 };
  GtkDropDown *dropdown;
  GListModel *shown;
  gint64 stevenage;

  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_DEFAULT);
  stevenage = lp_plan_find_locality (f.plan, "Stevenage");
  g_assert_cmpint (stevenage, !=, 0);
  /* Asked for before the plan is there: applied once it is. */
  lp_practices_view_set_locality (LP_PRACTICES_VIEW (f.view), stevenage);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 7);
  assert_all_in (shown, "Stevenage");
  dropdown = GTK_DROP_DOWN (lp_test_find_type (f.view, GTK_TYPE_DROP_DOWN));
  /* A region's hundreds of localities are found by typing. */
  g_assert_true (gtk_drop_down_get_enable_search (dropdown));
  g_assert_nonnull (gtk_drop_down_get_expression (dropdown));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==,
                    string_position (gtk_drop_down_get_model (dropdown), "Stevenage"));
  lp_test_save_png (GTK_WIDGET (f.window), "views-practices-stevenage.png");

  /* The user's choice in the drop-down. */
  gtk_drop_down_set_selected (dropdown, string_position (gtk_drop_down_get_model (dropdown), "North Herts"));
  lp_test_wait_rows (shown, 12);
  assert_all_in (shown, "North Herts");
  g_assert_cmpint (lp_practices_view_get_locality (LP_PRACTICES_VIEW (f.view)), ==,
                   lp_plan_find_locality (f.plan, "North Herts"));
  gtk_drop_down_set_selected (dropdown, string_position (gtk_drop_down_get_model (dropdown), "Stevenage"));
  lp_test_wait_rows (shown, 7);
  check_all_localities (f.view, 0);
  /* A locality the plan lacks: every practice, as the drop-down says. */
  check_all_localities (f.view, 12345);
  lp_test_view_close (&f);
}

static gint64
list_size_at (GListModel *shown,
              guint       position)
{
  g_autoptr(LpPractice) practice = g_list_model_get_item (shown, position);

  return lp_practice_get_list_size (practice);
}

/* The list size the view shows for @ods_code; -1 while it shows no such
 * practice. */
static gint64
list_size_of (GListModel *shown,
              const char *ods_code)
{
  gint64 position = practice_code_pos (shown, ods_code);

  return position >= 0 ? list_size_at (shown, position) : -1;
}

static void
test_practices_sort (void)
{
  LpTestView f = { 0 };
  GListModel *shown;
  guint n;

  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_DEFAULT);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 57);
  n = g_list_model_get_n_items (shown);

  lp_test_sort_by (f.view, "List size", GTK_SORT_DESCENDING);
  lp_test_wait_models (shown);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (list_size_at (shown, i - 1), >=, list_size_at (shown, i));
  g_assert_cmpint (list_size_at (shown, 0), >, list_size_at (shown, n - 1));
  lp_test_save_png (GTK_WIDGET (f.window), "views-practices-by-list-size.png");

  lp_test_sort_by (f.view, "List size", GTK_SORT_ASCENDING);
  lp_test_wait_models (shown);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (list_size_at (shown, i - 1), <=, list_size_at (shown, i));
  lp_test_view_close (&f);
}

/* An edit elsewhere leaves the selection; an edit of the selected row
 * replaces it, and the view selects the new one. */
static void
test_practices_keep_selection (void)
{
  LpTestView f = { 0 };
  GListModel *shown;
  gint64 other, selected;

  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_DEFAULT);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 57);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (shown), practice_code_pos (shown, "X06K20"), TRUE);
  other = lp_plan_find_practice (f.plan, "X06K01");
  selected = lp_plan_find_practice (f.plan, "X06K20");

  g_assert_true (lp_plan_set_list_size (f.plan, other, "2018-01-01", 999, "test", NULL));
  lp_test_wait_cmpint (list_size_of (shown, "X06K01"), ==, 999);
  lp_test_wait_models (shown);
  lp_test_wait_cmpstr (selected_code (shown), ==, "X06K20");

  g_assert_true (lp_plan_set_list_size (f.plan, selected, "2018-01-01", 4321, "test", NULL));
  lp_test_wait_cmpint (list_size_of (shown, "X06K20"), ==, 4321);
  lp_test_wait_rows (shown, 57);
  lp_test_wait_cmpstr (selected_code (shown), ==, "X06K20");
  lp_test_view_close (&f);
}

/* A visible status cell with @text in the "warning" style. */
static gboolean
is_warning_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return lp_test_is_label (widget, text) && gtk_widget_has_css_class (widget, "warning");
}

static gboolean
is_vulnerable_icon (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_is_drawable (widget)
         && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "dialog-warning-symbolic") == 0
         && g_str_has_prefix (gtk_widget_get_tooltip_text (widget), "Vulnerable service");
}

static guint
contracts_with_vulnerable_services (LpPlan *plan)
{
  g_autoptr(GListModel) contracts = lp_plan_list_contracts (plan, NULL);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (contracts, i);

      count += *lp_contract_get_vulnerable_services (contract) != '\0';
    }
  return count;
}

/* With a horizon of @months, @n_flagged contracts are flagged as ending
 * soon. */
static void
assert_ending_soon_within (GtkWidget *view,
                           guint      months,
                           guint      n_flagged)
{
  lp_contracts_view_set_ending_soon_months (LP_CONTRACTS_VIEW (view), months);
  lp_test_wait_models (lp_contracts_view_get_model (LP_CONTRACTS_VIEW (view)));
  lp_test_wait_cmpuint (lp_test_count_widgets (view, is_warning_label, "Ending soon"), ==, n_flagged);
}

static void
test_contracts_ending_soon (void)
{
  LpTestView f = { 0 };
  g_autofree char *reference = NULL;
  GListModel *shown;
  guint vulnerable;

  lp_test_view_open (&f, lp_contracts_view_new (), LP_PLAN_OPEN_DEFAULT);
  reference = lp_plan_dup_reference_date (f.plan, NULL);
  g_assert_cmpstr (reference, ==, "2018-10-01");
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_contracts_view_get_model (LP_CONTRACTS_VIEW (f.view));
  lp_test_wait_rows (shown, 11);
  lp_test_wait_label (f.view, "11 contracts");
  lp_test_wait_cmpuint (lp_test_count_widgets (f.view, is_warning_label, "Ending soon"), ==, 10);
  lp_test_wait_label (f.view, "£221,961,000");
  lp_test_wait_label (f.view, "31/03/2019");
  vulnerable = contracts_with_vulnerable_services (f.plan);
  g_assert_cmpuint (vulnerable, >, 0);
  lp_test_wait_cmpuint (lp_test_count_widgets (f.view, is_vulnerable_icon, NULL), ==, vulnerable);
  lp_test_save_png (GTK_WIDGET (f.window), "views-contracts.png");
  /* Beside the window's sidebar at 1024 pixels wide the table has about
   * 750 pixels: every column must fit without being cut off. */
  g_assert_cmpint (table_min_width (f.view), <=, 740);
  gtk_window_set_default_size (f.window, 780, 560);
  lp_test_wait_cmpint (gtk_widget_get_width (GTK_WIDGET (f.window)), <=, 780);
  lp_test_save_png (GTK_WIDGET (f.window), "views-contracts-narrow.png");

  /* With a one-month horizon nothing ends soon; back to six, ten again. */
  assert_ending_soon_within (f.view, 1, 0);
  assert_ending_soon_within (f.view, LP_ENDING_SOON_MONTHS_DEFAULT, 10);

  /* A later reference date in the plan: the ten have ended. */
  g_assert_true (lp_plan_set_info (f.plan, "reference_date", "2019-06-01", NULL));
  lp_test_wait_models (shown);
  lp_test_wait_cmpuint (lp_test_count_widgets (f.view, lp_test_is_label, "Ended"), ==, 10);
  lp_test_wait_cmpuint (lp_test_count_widgets (f.view, is_warning_label, "Ending soon"), ==, 0);
  lp_test_view_close (&f);
}

static gint64
contract_pos (GListModel *shown,
              const char *provider)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LpContract) contract = g_list_model_get_item (shown, i);

      if (g_strcmp0 (lp_contract_get_provider (contract), provider) == 0)
        return i;
    }
  return -1;
}

static void
test_contracts_delete_undo (void)
{
  LpTestView f = { 0 };
  g_autoptr(GListModel) in_core = NULL;
  GListModel *shown;

  lp_test_view_open (&f, lp_contracts_view_new (), LP_PLAN_OPEN_DEFAULT);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_contracts_view_get_model (LP_CONTRACTS_VIEW (f.view));
  lp_test_wait_rows (shown, 11);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (shown),
                                   contract_pos (shown, "Herts Urgent Care"), TRUE);

  gtk_widget_activate_action (f.view, "view.delete", NULL);
  lp_test_wait_rows (shown, 10);
  g_assert_cmpint (contract_pos (shown, "Herts Urgent Care"), ==, -1);
  in_core = lp_plan_list_contracts (f.plan, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (in_core), ==, 10);
  g_assert_true (lp_plan_can_undo (f.plan));

  g_assert_true (lp_plan_undo (f.plan, NULL));
  lp_test_wait_rows (shown, 11);
  g_assert_cmpint (contract_pos (shown, "Herts Urgent Care"), >=, 0);
  lp_test_view_close (&f);
}

static void
test_contracts_empty_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lp_test_scratch_path ("Empty.lpplan");
  g_autoptr(LpPlan) plan = lp_plan_create (path, &error);
  GtkWidget *view = lp_contracts_view_new ();
  GtkWindow *window = lp_test_window_new (view);

  g_assert_no_error (error);
  lp_view_set_plan (LP_VIEW (view), plan);
  lp_test_wait_rows (lp_contracts_view_get_model (LP_CONTRACTS_VIEW (view)), 0);
  lp_test_wait_cmpstr (visible_page (view), ==, "empty");
  lp_test_wait_label (view, "No Contracts Yet");
  lp_test_save_png (GTK_WIDGET (window), "views-contracts-empty.png");
  gtk_window_destroy (window);
  lp_test_wait_closed (window);
}

static gboolean
is_add_button (GtkWidget     *widget,
               gconstpointer  unused)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "view.add") == 0
         && gtk_widget_get_mapped (widget);
}

static void
test_practices_read_only (void)
{
  LpTestView f = { 0 };
  GListModel *shown;

  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_READ_ONLY);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 57);
  lp_test_wait_nonnull (lp_test_find_widget (f.view, is_add_button, NULL));
  lp_test_wait_false (gtk_widget_is_sensitive (lp_test_find_widget (f.view, is_add_button, NULL)));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (shown), 0, TRUE);
  gtk_widget_activate_action (f.view, "view.edit", NULL);
  gtk_widget_activate_action (f.view, "view.delete", NULL);
  lp_test_wait_idle ();
  lp_test_wait_rows (shown, 57);
  g_assert_null (lp_test_find_toplevel (ADW_TYPE_WINDOW));
  lp_test_view_close (&f);
}

/* A closed practice stays in the list, its row greyed and its status
 * saying when it closed; the others are not greyed. */
static void
test_practices_closed_greyed (void)
{
  g_autofree char *path = lp_test_copy_sample ("Test plan.lpplan");
  LpTestView f = { 0 };
  GListModel *shown;
  GtkWidget *status, *closed_code, *open_code;
  sqlite3 *db = NULL;

  /* Closed in the file before the plan is opened (the view's plan is
   * this copy, as it is). */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE practice SET status = 'closed', close_date = '2018-08-15' "
                                 "WHERE ods_code = 'X06K02'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  lp_test_view_open (&f, lp_practices_view_new (), LP_PLAN_OPEN_DEFAULT);
  g_assert_cmpstr (f.path, ==, path);
  lp_view_set_plan (LP_VIEW (f.view), f.plan);
  shown = lp_practices_view_get_model (LP_PRACTICES_VIEW (f.view));
  lp_test_wait_rows (shown, 57);

  status = lp_test_wait_label (f.view, "Closed 15/08/2018");
  closed_code = lp_test_wait_label (f.view, "X06K02");
  open_code = lp_test_wait_label (f.view, "X06K01");
  g_assert_nonnull (status);
  g_assert_nonnull (closed_code);
  g_assert_nonnull (open_code);
  g_assert_true (gtk_widget_has_css_class (status, "dim-label"));
  g_assert_true (gtk_widget_has_css_class (closed_code, "dim-label"));
  g_assert_true (gtk_widget_has_css_class (closed_code, "numeric"));
  g_assert_false (gtk_widget_has_css_class (open_code, "dim-label"));
  g_assert_true (gtk_widget_has_css_class (open_code, "numeric"));
  lp_test_save_png (GTK_WIDGET (f.window), "views-practices-closed.png");
  lp_test_view_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/views/localities/rows", test_localities_rows);
  g_test_add_func ("/views/practices/search", test_practices_search);
  g_test_add_func ("/views/practices/search-steps", test_practices_search_steps);
  g_test_add_func ("/views/practices/delete-several", test_practices_delete_several);
  g_test_add_func ("/views/practices/locality-filter", test_practices_locality_filter);
  g_test_add_func ("/views/practices/sort", test_practices_sort);
  g_test_add_func ("/views/practices/keep-selection", test_practices_keep_selection);
  g_test_add_func ("/views/practices/read-only", test_practices_read_only);
  g_test_add_func ("/views/practices/closed-greyed", test_practices_closed_greyed);
  g_test_add_func ("/views/contracts/ending-soon", test_contracts_ending_soon);
  g_test_add_func ("/views/contracts/delete-undo", test_contracts_delete_undo);
  g_test_add_func ("/views/contracts/empty-plan", test_contracts_empty_plan);
  return lp_test_run ();
}
