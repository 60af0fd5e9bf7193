/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one editing pattern: the editable cell, alone and in a
 * GtkColumnView's rows, and the base edit dialog through its simplest
 * subclass, the locality dialog: what commits and what does not, Save on
 * and off, the keys, the undo step's name, and core's reasons where the
 * user looks.  PNGs of the dialogs land beside the test. */
#include "config.h"

#include <string.h>

#include "lp-editable-cell.h"
#include "lp-locality-dialog.h"
#include "lp-pathway-dialog.h"
#include "lp-test-util.h"
#include "lp-weights-dialog.h"
#include "lp-workforce-view.h"

/* Whether the reason under @row is laid out and scrolled into view. */
static gboolean
reason_in_view (gpointer row)
{
  GtkWidget *message = gtk_widget_get_next_sibling (row);
  GtkWidget *scrolled = gtk_widget_get_ancestor (message, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  double x, bottom;

  return gtk_widget_get_mapped (message) && gtk_widget_get_height (message) > 0 &&
         gtk_widget_translate_coordinates (message, viewport, 0, gtk_widget_get_height (message), &x, &bottom) &&
         bottom <= gtk_widget_get_height (viewport);
}

typedef struct {
  GPtrArray *commits;   /* of the texts committed, in order */
  char      *refuse;    /* what the pretend core refuses, or NULL */
} Committed;

static void
on_commit (LpEditableCell *cell,
           const char     *typed,
           Committed      *committed)
{
  g_ptr_array_add (committed->commits, g_strdup (typed));
  if (g_strcmp0 (typed, committed->refuse) == 0)
    lp_editable_cell_show_error (cell, "Refused by core");
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  GtkWidget *found = lp_test_find_type (root, type);

  g_assert_nonnull (found);
  return found;
}

/* Typing without Enter, as a person does between keys. */
static void
type_into (LpEditableCell *cell,
           const char     *text)
{
  GtkWidget *entry = find_child (GTK_WIDGET (cell), GTK_TYPE_ENTRY);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static gboolean
press_escape (LpEditableCell *cell)
{
  GtkWidget *entry = find_child (GTK_WIDGET (cell), GTK_TYPE_ENTRY);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

static gboolean
has_commits (gpointer data)
{
  Committed *committed = data;

  return committed->commits->len > 0;
}

/* Enter commits text other than the value; Escape puts the value back;
 * a refusal marks the cell until its text changes; the focus leaving
 * commits once, and not the same refused text again. */
static void
test_cell (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  LpEditableCell *cell = LP_EDITABLE_CELL (lp_editable_cell_new ());
  LpEditableCell *other = LP_EDITABLE_CELL (lp_editable_cell_new ());
  GtkWidget *entry;
  Committed committed = { g_ptr_array_new_with_free_func (g_free), "lots" };

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (cell));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (other));
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_signal_connect (cell, "commit", G_CALLBACK (on_commit), &committed);
  lp_editable_cell_set_text (cell, "61,080.0");
  lp_editable_cell_set_text (other, "5");
  gtk_window_present (GTK_WINDOW (window));
  lp_test_wait_allocated (GTK_WIDGET (cell));
  /* Until the focus reaches it the cell is its value in a label drawn
   * as a field: a table's hundreds of cells make no entries. */
  g_assert_null (lp_test_find_type (GTK_WIDGET (other), GTK_TYPE_ENTRY));
  g_assert_true (lp_test_shows_label (GTK_WIDGET (other), "5"));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (other)));

  /* As shown: nothing to store. */
  lp_editable_cell_enter (cell, "61,080.0");
  entry = find_child (GTK_WIDGET (cell), GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), entry));
  g_assert_cmpuint (committed.commits->len, ==, 0);
  lp_editable_cell_enter (cell, "61,100");
  g_assert_cmpuint (committed.commits->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (committed.commits, 0), ==, "61,100");

  /* Refused: marked, said in the tooltip; typing again clears it. */
  lp_editable_cell_enter (cell, "lots");
  g_assert_cmpuint (committed.commits->len, ==, 2);
  g_assert_cmpstr (lp_editable_cell_get_error (cell), ==, "Refused by core");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, "Refused by core");
  g_assert_cmpstr (lp_editable_cell_get_text (cell), ==, "lots");
  lp_test_save_png (window, "editable-cell-error.png");
  type_into (cell, "lot");
  g_assert_null (lp_editable_cell_get_error (cell));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Escape puts the value back, and is the window's once there is
   * nothing to put back. */
  g_assert_true (press_escape (cell));
  g_assert_cmpstr (lp_editable_cell_get_text (cell), ==, "61,080.0");
  g_assert_false (press_escape (cell));

  /* The focus leaving commits what was typed, once it has settled. */
  g_ptr_array_set_size (committed.commits, 0);
  type_into (cell, "lots");
  gtk_widget_grab_focus (GTK_WIDGET (other));
  lp_test_wait_until (has_commits, &committed, "the cell to commit as the focus left");
  g_assert_cmpstr (g_ptr_array_index (committed.commits, 0), ==, "lots");
  g_assert_nonnull (lp_editable_cell_get_error (cell));
  /* Back and away again: the same refused text is not sent again. */
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gtk_widget_grab_focus (GTK_WIDGET (other));
  lp_test_wait_idle ();
  g_assert_cmpuint (committed.commits->len, ==, 1);

  /* A new value from core: what was typed and its reason go. */
  lp_editable_cell_set_text (cell, "70,000.0");
  g_assert_cmpstr (lp_editable_cell_get_text (cell), ==, "70,000.0");
  g_assert_null (lp_editable_cell_get_error (cell));

  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (committed.commits);
}

/* The cell in a GtkColumnView's rows, as a list-item factory makes and
 * binds it: a commit reaches the row's item, and the value comes back
 * from the model. */
typedef struct {
  GtkStringList *model;
  guint          n_commits;
} Table;

static void
row_committed (LpEditableCell *cell,
               const char     *typed,
               GtkListItem    *item)
{
  Table *table = g_object_get_data (G_OBJECT (cell), "table");
  guint position = gtk_list_item_get_position (item);

  table->n_commits++;
  if (g_strcmp0 (typed, "bad") == 0)
    {
      lp_editable_cell_show_error (cell, "Not a figure");
      return;
    }
  gtk_string_list_splice (table->model, position, 1, (const char *const[]) { typed, NULL });
}

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Table                    *table)
{
  GtkWidget *cell = lp_editable_cell_new ();

  g_object_set_data (G_OBJECT (cell), "table", table);
  g_signal_connect (cell, "commit", G_CALLBACK (row_committed), item);
  gtk_list_item_set_child (item, cell);
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Table                    *table)
{
  lp_editable_cell_set_text (LP_EDITABLE_CELL (gtk_list_item_get_child (item)),
                             gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static gboolean
has_cell (gpointer view)
{
  return lp_test_find_type (view, LP_TYPE_EDITABLE_CELL) != NULL;
}

/* The first row's cell, bound again to the model's new first item. */
static gboolean
cell_shows (gpointer data)
{
  return g_strcmp0 (lp_editable_cell_get_text (LP_EDITABLE_CELL (find_child (data, LP_TYPE_EDITABLE_CELL))),
                    "3,000") == 0;
}

static void
test_cell_in_column_view (void)
{
  Table table = { gtk_string_list_new ((const char *const[]) { "1,000", "2,000", NULL }), 0 };
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (table.model)));
  GtkWidget *view = gtk_column_view_new (selection);
  GtkColumnViewColumn *column = gtk_column_view_column_new ("Figure", factory);
  GtkWidget *window = gtk_window_new ();
  LpEditableCell *first;

  g_object_ref (table.model);
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), &table);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), &table);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
  g_object_unref (column);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_present (GTK_WINDOW (window));
  lp_test_wait_until (has_cell, view, "the table's first cell");

  first = LP_EDITABLE_CELL (find_child (view, LP_TYPE_EDITABLE_CELL));
  g_assert_cmpstr (lp_editable_cell_get_text (first), ==, "1,000");
  lp_editable_cell_enter (first, "bad");
  g_assert_cmpuint (table.n_commits, ==, 1);
  g_assert_cmpstr (lp_editable_cell_get_error (first), ==, "Not a figure");
  g_assert_cmpstr (gtk_string_list_get_string (table.model, 0), ==, "1,000");

  lp_editable_cell_enter (first, "3,000");
  g_assert_cmpuint (table.n_commits, ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (table.model, 0), ==, "3,000");
  g_assert_cmpstr (gtk_string_list_get_string (table.model, 1), ==, "2,000");
  lp_test_wait_until (cell_shows, view, "the first row's cell to show 3,000");
  g_assert_null (lp_editable_cell_get_error (LP_EDITABLE_CELL (find_child (view, LP_TYPE_EDITABLE_CELL))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (table.model);
}

/* The cell the keyboard focus is in, if any. */
static GtkWidget *
focused_cell (GtkWidget *view)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));

  return focus != NULL ? gtk_widget_get_ancestor (focus, LP_TYPE_EDITABLE_CELL) : NULL;
}

/* The view's practices are of salaried GPs, their cells open to edits. */
static gboolean
salaried_gps_shown (gpointer view)
{
  GtkWidget *cell = lp_test_find_movement_cell (view, "X06K02", "joiners");
  const LpWorkforceText *text = lp_workforce_view_get_text (view);

  gboolean editable = FALSE;

  if (cell != NULL)
    g_object_get (cell, "editable", &editable, NULL);
  return text != NULL && strstr (text->summary, "Salaried GP") != NULL && editable;
}

/* X06K02's joiners, as the view last read them. */
static gboolean
joiners_read (gpointer view)
{
  const LpWorkforceText *text = lp_workforce_view_get_text (view);

  for (guint i = 0; text != NULL && i < text->practices->len; i++)
    {
      const LpWorkforceTextPractice *practice = g_ptr_array_index (text->practices, i);

      if (g_strcmp0 (practice->code, "X06K02") == 0)
        return g_strcmp0 (practice->joiners, "2") == 0;
    }
  return FALSE;
}

/* X06K02's joiners cell, whichever GTK now binds to the row, has the
 * keyboard focus. */
static gboolean
joiners_focused (gpointer view)
{
  GtkWidget *cell = lp_test_find_movement_cell (view, "X06K02", "joiners");

  return cell != NULL && focused_cell (view) == cell;
}

/* In a view whose table's rows are read again after each edit: the
 * figure saved comes back into the row's cell, which keeps the focus, so
 * the next can be typed at once; a refused one marks the cell. */
static void
test_cell_in_view (void)
{
  g_autofree char *path = lp_test_copy_sample ("Cells.lpplan");
  LpWindow *window = lp_test_open_window (path, LP_PLAN_OPEN_DEFAULT, 1280, 800);
  GtkWidget *view;
  LpEditableCell *joiners;
  LpEditableCell *leavers;

  view = lp_test_show_view (window, "workforce");
  g_assert_true (lp_workforce_view_select (LP_WORKFORCE_VIEW (view), "GP", "GP_SALARIED"));
  lp_test_wait_until (salaried_gps_shown, view, "the view to show salaried GPs");

  joiners = lp_test_wait_movement_cell (view, "X06K02", "joiners");
  lp_editable_cell_enter (joiners, "2");
  g_assert_null (lp_workforce_view_get_error (LP_WORKFORCE_VIEW (view)));
  /* Read again: the row's cell (GTK may have made a new one for the new
   * row) shows the figure and has the focus, which GTK gives it back as
   * it lays the table out again, in a frame to come. */
  lp_test_wait_until (joiners_read, view, "the view to read X06K02's joiners back");
  lp_test_wait_view (view);
  lp_test_wait_until (joiners_focused, view, "X06K02's joiners cell to have the focus");
  joiners = lp_test_wait_movement_cell (view, "X06K02", "joiners");
  g_assert_cmpstr (lp_editable_cell_get_text (joiners), ==, "2");
  g_assert_null (lp_editable_cell_get_error (joiners));

  leavers = lp_test_wait_movement_cell (view, "X06K02", "leavers");
  lp_editable_cell_enter (leavers, "two");
  g_assert_cmpstr (lp_editable_cell_get_error (leavers), ==, "Leavers must be a number such as 1.5, not “two”");
  g_assert_cmpstr (lp_workforce_view_get_error (LP_WORKFORCE_VIEW (view)), ==, lp_editable_cell_get_error (leavers));
  g_assert_null (lp_editable_cell_get_error (joiners));
  lp_test_destroy_windows ();
}

typedef struct {
  char      *path;
  LpPlan    *plan;
  GtkWidget *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = lp_test_copy_sample ("Edit dialog.lpplan");
  f->plan = lp_plan_open (f->path, GPOINTER_TO_INT (data), &error);
  g_assert_no_error (error);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 700);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lp_test_destroy_windows ();
  g_clear_object (&f->plan);
  g_free (f->path);
}

static LpEditDialog *
open_locality (Fixture *f,
               gint64   id)
{
  LpEditDialog *dialog = LP_EDIT_DIALOG (lp_locality_dialog_new (f->plan, id));

  lp_edit_dialog_present (dialog, f->window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  lp_test_wait_allocated (GTK_WIDGET (dialog));
  return dialog;
}

/* Whether @widget's class binds @trigger ("<Control>s") to @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *wanted = g_strdup_printf ("action(%s)", action);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      for (guint s = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *does = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_strcmp0 (keys, trigger) == 0 && g_strcmp0 (does, wanted) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
on_saved (LpEditDialog *dialog,
          gint64        id,
          gint64       *saved)
{
  *saved = id;
}

/* Save waits for a name; Escape cancels and Ctrl+S saves; a name core
 * refuses is said under the field and the dialog stays; Enter saves, as
 * one step called "Add locality", and "saved" gives the new row. */
static void
test_dialog_add (Fixture       *f,
                 gconstpointer  data)
{
  LpEditDialog *dialog = open_locality (f, 0);
  GtkWidget *name = lp_edit_dialog_get_field (dialog, LP_FIELD_NAME);
  gint64 saved = 0;

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Locality");
  g_assert_cmpint (lp_edit_dialog_get_id (dialog), ==, 0);
  g_assert_true (has_shortcut (GTK_WIDGET (dialog), "Escape", "window.close"));
  g_assert_true (has_shortcut (GTK_WIDGET (dialog), "<Control>s", "dialog.save"));
  g_assert_false (lp_edit_dialog_get_can_save (dialog));
  /* Save off: pressing it does not even ask core, which would say why. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  lp_test_wait_idle ();
  g_assert_null (lp_edit_dialog_get_error (dialog, LP_FIELD_NAME));
  gtk_editable_set_text (GTK_EDITABLE (name), "   ");
  g_assert_false (lp_edit_dialog_get_can_save (dialog));

  /* A name the plan has already: core's reason, under the name. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Stevenage");
  g_assert_true (lp_edit_dialog_get_can_save (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  g_assert_nonnull (lp_edit_dialog_get_error (dialog, LP_FIELD_NAME));
  g_assert_null (lp_edit_dialog_get_error (dialog, NULL));
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpint (saved, ==, 0);
  g_assert_false (lp_plan_can_undo (f->plan));
  lp_test_wait_until (reason_in_view, name, "the reason under the name");
  lp_test_save_png (GTK_WIDGET (dialog), "locality-dialog-error.png");

  /* Enter in the field presses Save. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Stevenage North");
  g_signal_emit_by_name (find_child (name, GTK_TYPE_TEXT), "activate");
  lp_test_wait_closed (dialog);
  g_assert_cmpint (saved, ==, lp_plan_find_locality (f->plan, "Stevenage North"));
  g_assert_cmpint (saved, !=, 0);
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Add locality");
}

/* Renaming is "Edit locality"; Cancel leaves the plan as it was. */
static void
test_dialog_edit (Fixture       *f,
                  gconstpointer  data)
{
  gint64 stevenage = lp_plan_find_locality (f->plan, "Stevenage");
  LpEditDialog *dialog = open_locality (f, stevenage);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Locality");
  g_assert_cmpstr (lp_edit_dialog_get_text (dialog, LP_FIELD_NAME), ==, "Stevenage");
  g_assert_true (lp_edit_dialog_get_can_save (dialog));
  lp_test_save_png (GTK_WIDGET (dialog), "locality-dialog.png");
  lp_edit_dialog_set_text (dialog, LP_FIELD_NAME, "Stevenage Town");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  lp_test_wait_closed (dialog);
  g_assert_false (lp_plan_can_undo (f->plan));

  dialog = open_locality (f, stevenage);
  lp_edit_dialog_set_text (dialog, LP_FIELD_NAME, "Stevenage Town");
  g_assert_true (lp_edit_dialog_save (dialog));
  g_assert_cmpstr (lp_plan_get_undo_label (f->plan), ==, "Edit locality");
  g_assert_cmpint (lp_plan_find_locality (f->plan, "Stevenage Town"), ==, stevenage);
}

/* A row another window has deleted: said at the top, nothing to save. */
static void
test_dialog_unavailable (Fixture       *f,
                         gconstpointer  data)
{
  LpEditDialog *dialog = open_locality (f, 999999);

  g_assert_nonnull (lp_edit_dialog_get_error (dialog, NULL));
  g_assert_false (lp_edit_dialog_get_can_save (dialog));
  lp_test_save_png (GTK_WIDGET (dialog), "locality-dialog-unavailable.png");
}

/* A plan open read-only: the fields can be read, not saved. */
static void
test_dialog_read_only (Fixture       *f,
                       gconstpointer  data)
{
  LpEditDialog *dialog = open_locality (f, lp_plan_find_locality (f->plan, "Stevenage"));
  GtkWidget *name = lp_edit_dialog_get_field (dialog, LP_FIELD_NAME);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Stevenage");
  g_assert_false (gtk_widget_is_sensitive (name));
  g_assert_false (lp_edit_dialog_get_can_save (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  lp_test_wait_idle ();
  g_assert_null (lp_edit_dialog_get_error (dialog, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* The modelling view's dialogs on the base scenario, as the base dialog
 * lays them out, each with a refused figure: PNGs for a person to look
 * at, the reason under the figure it is about. */
static void
test_dialog_figures (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) scenarios = lp_plan_list_scenarios (f->plan, NULL);
  g_autoptr(LpScenario) base = g_list_model_get_item (scenarios, 0);
  static const int horizons[] = { 3, 5 };
  LpPathwayDialog *pathway;
  LpWeightsDialog *weights;

  pathway = lp_pathway_dialog_new (GTK_WINDOW (f->window), f->plan, base,
                                   lp_plan_find_locality (f->plan, "Stevenage"), "Stevenage",
                                   horizons, G_N_ELEMENTS (horizons), "Frailty");
  g_assert_cmpstr (lp_edit_dialog_get_undo_label (LP_EDIT_DIALOG (pathway)), ==, "Edit pathway changes");
  lp_pathway_dialog_set_figures (pathway, 1, "", "twelve");
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (pathway)));
  g_assert_cmpstr (lp_pathway_dialog_get_error (pathway, 1, TRUE), ==,
                   "Reduced bed days over 5 years must be a number such as 1.5, not “twelve”");
  g_assert_null (lp_pathway_dialog_get_error (pathway, 1, FALSE));
  /* The last figure, below the fold: the page scrolls to its reason. */
  lp_test_wait_until (reason_in_view, gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (pathway)), ADW_TYPE_ENTRY_ROW),
              "the reason under the 5-year bed days");
  lp_test_save_png (GTK_WIDGET (pathway), "pathway-dialog-bed-days-error.png");
  gtk_window_destroy (GTK_WINDOW (pathway));

  weights = lp_weights_dialog_new (GTK_WINDOW (f->window), f->plan, base);
  lp_weights_dialog_set_by_population (weights, FALSE);
  g_assert_true (lp_weights_dialog_set_weight (weights, "Stevenage", "a third"));
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (weights)));
  g_assert_cmpstr (lp_weights_dialog_get_error (weights, "Stevenage"), ==,
                   "The weight of Stevenage must be a number such as 1.5, not “a third”");
  lp_test_wait_until (reason_in_view, gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (weights)), ADW_TYPE_ENTRY_ROW),
              "the reason under Stevenage's weight");
  lp_test_save_png (GTK_WIDGET (weights), "weights-dialog-error.png");
  g_assert_true (lp_weights_dialog_set_weight (weights, "Stevenage", "0"));
  g_assert_false (lp_edit_dialog_save (LP_EDIT_DIALOG (weights)));
  g_assert_cmpstr (lp_edit_dialog_get_error (LP_EDIT_DIALOG (weights), NULL), ==,
                   "At least one locality needs a weight above 0");
  lp_test_wait_allocated (lp_test_find_widget (GTK_WIDGET (weights), lp_test_is_label,
                                   "At least one locality needs a weight above 0"));
  lp_test_save_png (GTK_WIDGET (weights), "weights-dialog-general-error.png");
  g_assert_false (lp_plan_can_undo (f->plan));
}

int
main (int   argc,
      char *argv[])
{
  lp_test_init (&argc, &argv);

  g_test_add_func ("/edit-widgets/cell", test_cell);
  g_test_add_func ("/edit-widgets/cell/column-view", test_cell_in_column_view);
  g_test_add_func ("/edit-widgets/cell/in-a-view", test_cell_in_view);
  g_test_add ("/edit-widgets/dialog/add", Fixture, GINT_TO_POINTER (LP_PLAN_OPEN_DEFAULT),
              fixture_set_up, test_dialog_add, fixture_tear_down);
  g_test_add ("/edit-widgets/dialog/edit", Fixture, GINT_TO_POINTER (LP_PLAN_OPEN_DEFAULT),
              fixture_set_up, test_dialog_edit, fixture_tear_down);
  g_test_add ("/edit-widgets/dialog/unavailable", Fixture, GINT_TO_POINTER (LP_PLAN_OPEN_DEFAULT),
              fixture_set_up, test_dialog_unavailable, fixture_tear_down);
  g_test_add ("/edit-widgets/dialog/figures", Fixture, GINT_TO_POINTER (LP_PLAN_OPEN_DEFAULT),
              fixture_set_up, test_dialog_figures, fixture_tear_down);
  g_test_add ("/edit-widgets/dialog/read-only", Fixture, GINT_TO_POINTER (LP_PLAN_OPEN_READ_ONLY),
              fixture_set_up, test_dialog_read_only, fixture_tear_down);
  return lp_test_run ();
}
