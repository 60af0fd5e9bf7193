/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Activity Plan: for the plan's financial year, each activity line's growth
 * rate and forecast outturn (both editable), its QIPP reduction, the
 * resulting plan (net of QIPP) beside the year without QIPP, and the plan
 * per month and week; then the QIPP savings by
 * programme and point of delivery.  Core computes every figure
 * (lp_plan_activity_plan, lp_plan_qipp_table) on the plan's worker and
 * lp-activity-text words them there; this widget lays the words out and
 * hands what is typed into its editable cells to core as typed.
 *
 * The locality picker shows the whole plan or one locality's lines: a
 * locality's outturn and growth are typed there, and the whole plan then
 * shows their sum, its outturn cell locked (lp-activity.h has the sums). */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-activity-text.h"
#include "lp-activity-view.h"
#include "lp-editable-cell.h"
#include "lp-export-task.h"
#include "lp-locality-picker.h"
#include "lp-qipp-dialog.h"
#include "lp-table-grid.h"

/* The widgets of one activity line, which stay while the plan's lines do,
 * so an edit does not take the keyboard focus away from the table. */
typedef struct {
  GtkWidget *cells[LP_ACTIVITY_N_COLUMNS];   /* two LpEditableCell, then GtkLabel */
  GtkLabel  *error;
} LpActivityRow;

#define LP_IS_ENTRY_COLUMN(c) ((c) <= LP_ACTIVITY_COLUMN_BASELINE)

struct _LpActivityView
{
  LpView          parent_instance;

  /* Template children; the view's own child, a GtkStack of "empty",
   * "loading" and "table", is not bound: LpView unparents it on dispose. */
  AdwStatusPage  *empty_page;
  GtkWidget      *year_button;
  GtkDropDown    *locality_dropdown;
  GtkLabel       *summary_label;
  GtkLabel       *convention_label;
  GtkWidget      *note_box;
  GtkGrid        *lines_grid;
  GtkGrid        *qipp_grid;

  LpLocalityChoices *localities;  /* offered by the picker */
  gboolean        updating;      /* the picker is being given its choices */
  char           *financial_year;   /* of the figures shown */
  LpActivityText  text;          /* what the table shows now */
  GArray         *rows;          /* LpActivityRow, one per text.lines */
};

G_DEFINE_FINAL_TYPE (LpActivityView, lp_activity_view, LP_TYPE_VIEW)

#define LP_LINE_WIDTH (1 + LP_ACTIVITY_N_COLUMNS)
/* Each line takes three grid rows, its figures, its error and a rule,
 * below two of headings. */
#define LP_LINE_ROW(i) (2 + 3 * (int) (i))
/* Each programme takes two, a rule and its figures; the totals follow. */
#define LP_QIPP_ROW(p) (2 + 2 * (int) (p))

static GtkStack *
lp_activity_view_stack (LpActivityView *self)
{
  return GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (self)));
}

/* The first column's cells leave little room after them in both of the
 * view's tables. */
static GtkWidget *
lp_activity_view_cell (GtkGrid     *grid,
                       const char  *text,
                       int          column,
                       int          row,
                       LpCellStyle  style)
{
  return lp_table_grid_cell (grid, text, column, row, 1, column == 0 ? style | LP_CELL_TIGHT : style);
}

/* Whether a plan that can change has a year to plan: the QIPP editors
 * need both. */
static void
lp_activity_view_update_actions (LpActivityView *self)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  gboolean editable = plan != NULL && !lp_plan_is_read_only (plan) && self->financial_year != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.add-qipp", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.edit-qipp", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.remove-qipp", editable);
}

static void
lp_activity_view_show_status (LpActivityView *self,
                              const char     *title,
                              const char     *description)
{
  lp_activity_view_update_actions (self);
  gtk_widget_set_visible (self->year_button, FALSE);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (lp_activity_view_stack (self), "empty");
}

/* The message goes under the line and marks the cell that was refused
 * (@cell), or, with none, clears both. */
static void
lp_activity_view_set_line_error (LpActivityRow *row,
                                 GtkWidget     *cell,
                                 const char    *message)
{
  gtk_label_set_label (row->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->error), message != NULL);
  for (int c = 0; c < LP_ACTIVITY_N_COLUMNS; c++)
    if (LP_IS_ENTRY_COLUMN (c) && message == NULL)
      lp_editable_cell_clear_error (LP_EDITABLE_CELL (row->cells[c]));
  if (message != NULL)
    lp_editable_cell_show_error (LP_EDITABLE_CELL (cell), message);
}

/* The line's message goes once neither of its cells has a reason: one
 * cleared as its text changed, or as new figures replaced it. */
static void
lp_activity_view_sync_line_error (LpActivityRow *row)
{
  for (int c = 0; c < LP_ACTIVITY_N_COLUMNS; c++)
    if (LP_IS_ENTRY_COLUMN (c) && lp_editable_cell_get_error (LP_EDITABLE_CELL (row->cells[c])) != NULL)
      return;
  gtk_widget_set_visible (GTK_WIDGET (row->error), FALSE);
}

static void
lp_activity_view_cell_error_changed (LpActivityView *self,
                                     GParamSpec     *pspec,
                                     LpEditableCell *cell)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "lp-line"));

  if (i < self->rows->len)
    lp_activity_view_sync_line_error (&g_array_index (self->rows, LpActivityRow, i));
}

/* Saves what was typed into a line's growth or forecast outturn.  The
 * cell commits only text other than what it shows: a rate entered with
 * two decimals is shown to one, and Enter on it must not round the stored
 * rate. */
static void
lp_activity_view_committed (LpActivityView *self,
                            const char     *typed,
                            LpEditableCell *cell)
{
  g_autoptr(GError) error = NULL;
  const LpActivityTextLine *line;
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "lp-line"));
  LpActivityRow *row;
  gboolean saved;

  if (plan == NULL || self->financial_year == NULL || i >= self->rows->len)
    return;
  row = &g_array_index (self->rows, LpActivityRow, i);
  line = g_ptr_array_index (self->text.lines, i);
  /* The figures shown are the locality's the cell belongs to, whatever
   * the picker has moved on to since. */
  if (GTK_WIDGET (cell) == row->cells[LP_ACTIVITY_COLUMN_GROWTH])
    saved = self->text.locality_id != 0
          ? lp_plan_enter_locality_growth (plan, 0, self->text.locality_id, line->code, self->financial_year,
                                           line->growth_field, typed, &error)
          : lp_plan_enter_growth (plan, 0, line->code, self->financial_year, line->growth_field, typed, &error);
  else
    saved = self->text.locality_id != 0
          ? lp_plan_enter_locality_baseline (plan, 0, self->text.locality_id, line->code, self->financial_year,
                                             line->baseline_field, typed, &error)
          : lp_plan_enter_baseline (plan, 0, line->code, self->financial_year, line->baseline_field, typed,
                                    &error);
  /* On success the plan's "changed" brings the new figures. */
  if (!saved)
    lp_activity_view_set_line_error (row, GTK_WIDGET (cell), error->message);
}

static GtkWidget *
lp_activity_view_editable_cell (LpActivityView *self,
                                const char     *field,
                                guint           line,
                                int             column)
{
  LpEditableCell *cell = LP_EDITABLE_CELL (lp_editable_cell_new ());
  GtkWidget *widget = GTK_WIDGET (cell);

  /* Which line it edits: the rows stay while the plan's lines do. */
  g_object_set_data (G_OBJECT (cell), "lp-line", GUINT_TO_POINTER (line));
  lp_editable_cell_set_width_chars (cell, 8);
  lp_editable_cell_set_max_width_chars (cell, 10);
  lp_editable_cell_set_xalign (cell, 1.0f);
  lp_editable_cell_set_placeholder_text (cell, "–");
  lp_editable_cell_set_label (cell, field);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  /* Under its heading's right edge, like the figures, with room above and below. */
  gtk_widget_set_halign (widget, GTK_ALIGN_END);
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_top (widget, 3);
  gtk_widget_set_margin_bottom (widget, 3);
  gtk_widget_add_css_class (widget, "numeric");
  g_signal_connect_swapped (cell, "commit", G_CALLBACK (lp_activity_view_committed), self);
  g_signal_connect_swapped (cell, "notify::error", G_CALLBACK (lp_activity_view_cell_error_changed), self);
  gtk_grid_attach (self->lines_grid, widget, column, LP_LINE_ROW (line), 1, 1);
  return widget;
}

static void
lp_activity_view_add_line (LpActivityView           *self,
                           const LpActivityTextLine *line,
                           guint                     i)
{
  LpActivityRow row = { 0, };
  int at = LP_LINE_ROW (i);
  GtkWidget *name = lp_activity_view_cell (self->lines_grid, line->name, 0, at, LP_CELL_WRAP);

  /* One line each where there is room; on a small screen the names wrap
   * before the figures need scrolling to. */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 50);
  gtk_widget_set_size_request (name, 180, -1);
  gtk_widget_set_hexpand (name, TRUE);
  row.cells[LP_ACTIVITY_COLUMN_GROWTH] = lp_activity_view_editable_cell (self, line->growth_field, i, 1);
  row.cells[LP_ACTIVITY_COLUMN_BASELINE] = lp_activity_view_editable_cell (self, line->baseline_field, i, 2);
  for (int c = LP_ACTIVITY_COLUMN_QIPP; c < LP_ACTIVITY_N_COLUMNS; c++)
    row.cells[c] = lp_activity_view_cell (self->lines_grid, NULL, c + 1, at, LP_CELL_NUMERIC);
  row.error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (row.error, TRUE);
  gtk_label_set_xalign (row.error, 0.0f);
  gtk_widget_set_margin_start (GTK_WIDGET (row.error), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (row.error), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (row.error), 7);
  gtk_widget_add_css_class (GTK_WIDGET (row.error), "error");
  gtk_widget_set_visible (GTK_WIDGET (row.error), FALSE);
  gtk_grid_attach (self->lines_grid, GTK_WIDGET (row.error), 0, at + 1, LP_LINE_WIDTH, 1);
  if (i + 1 < self->text.lines->len)
    lp_table_grid_rule (self->lines_grid, at + 2, LP_LINE_WIDTH);
  g_array_append_val (self->rows, row);
}

static void
lp_activity_view_headings (LpActivityView *self)
{
  const char *headings[] = { _("Growth"), _("Forecast outturn"), _("QIPP"), _("Plan"),
                             _("Without QIPP"), self->text.month_heading, _("Per week") };

  lp_activity_view_cell (self->lines_grid, _("Activity line"), 0, 0, LP_CELL_DIM);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    lp_activity_view_cell (self->lines_grid, headings[c], (int) c + 1, 0, LP_CELL_DIM | LP_CELL_NUMERIC);
  /* The baseline is last year's figure: say so. */
  gtk_widget_set_tooltip_text (gtk_grid_get_child_at (self->lines_grid, 2, 0),
                               _("The year before’s forecast outturn, the plan’s baseline"));
  /* QIPP is inside the plan, not taken off it: say what each figure is. */
  gtk_widget_set_tooltip_text (gtk_grid_get_child_at (self->lines_grid, 1 + LP_ACTIVITY_COLUMN_QIPP, 0),
                               _("What the QIPP schemes take out; the growth rate is net of it"));
  gtk_widget_set_tooltip_text (gtk_grid_get_child_at (self->lines_grid, 1 + LP_ACTIVITY_COLUMN_WITHOUT_QIPP, 0),
                               _("The plan plus QIPP: the year without the schemes"));
  lp_table_grid_rule (self->lines_grid, 1, LP_LINE_WIDTH);
}

/* New figures for line @i.  A cell someone is typing into keeps what they
 * typed, and its reason (lp_editable_cell_set_text()): a save elsewhere,
 * or their own of another cell, must not take the text from under them. */
static void
lp_activity_view_fill_line (LpActivityView *self,
                            guint           i)
{
  LpActivityRow *row = &g_array_index (self->rows, LpActivityRow, i);
  const LpActivityTextLine *line = g_ptr_array_index (self->text.lines, i);
  const char *cells[] = { line->growth, line->baseline, line->qipp, line->plan,
                          line->without_qipp, line->per_month, line->per_week };
  gboolean read_only = lp_plan_is_read_only (lp_view_get_plan (LP_VIEW (self)));
  GtkWidget *name = gtk_grid_get_child_at (self->lines_grid, 0, LP_LINE_ROW (i));

  for (int c = 0; c < LP_ACTIVITY_N_COLUMNS; c++)
    if (LP_IS_ENTRY_COLUMN (c))
      {
        lp_editable_cell_set_text (LP_EDITABLE_CELL (row->cells[c]), cells[c]);
        lp_editable_cell_set_editable (LP_EDITABLE_CELL (row->cells[c]),
                                       !read_only && !(c == LP_ACTIVITY_COLUMN_BASELINE && line->baseline_locked));
      }
    else
      gtk_label_set_label (GTK_LABEL (row->cells[c]), cells[c]);
  lp_editable_cell_set_placeholder_text (LP_EDITABLE_CELL (row->cells[LP_ACTIVITY_COLUMN_GROWTH]),
                                         line->growth_placeholder);
  gtk_widget_set_tooltip_text (row->cells[LP_ACTIVITY_COLUMN_GROWTH], line->growth_tooltip);
  gtk_widget_set_tooltip_text (row->cells[LP_ACTIVITY_COLUMN_BASELINE], line->baseline_tooltip);
  /* A line made of the localities' says so under its name. */
  if (line->note != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("%s\n<small><span alpha=\"60%%\">%s</span></small>",
                                                         line->name, line->note);
      gtk_label_set_markup (GTK_LABEL (name), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (name), line->name);
  gtk_widget_set_tooltip_text (name, line->tooltip);
  lp_activity_view_sync_line_error (row);
}

/* Takes @text's contents as what the view shows. */
static void
lp_activity_view_show_lines (LpActivityView *self,
                             LpActivityText *text)
{
  /* The same lines as shown already: new words in the same widgets. */
  gboolean same = lp_activity_text_same_lines (&self->text, text);

  lp_activity_text_clear (&self->text);
  self->text = *text;
  memset (text, 0, sizeof *text);
  if (!same)
    {
      lp_table_grid_clear (self->lines_grid);
      g_array_set_size (self->rows, 0);
      lp_activity_view_headings (self);
      for (guint i = 0; i < self->text.lines->len; i++)
        lp_activity_view_add_line (self, g_ptr_array_index (self->text.lines, i), i);
    }
  for (guint i = 0; i < self->rows->len; i++)
    lp_activity_view_fill_line (self, i);
}

/* A programme's edit and remove buttons, after its total. */
static GtkWidget *
lp_activity_view_qipp_buttons (const LpActivityTextProgramme *programme)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* TRANSLATORS: a button's tooltip; %s is a QIPP programme's name */
  g_autofree char *edit_tip = g_strdup_printf (_("Edit “%s”"), programme->name);
  /* TRANSLATORS: a button's tooltip; %s is a QIPP programme's name */
  g_autofree char *remove_tip = g_strdup_printf (_("Remove “%s” and its reductions"), programme->name);

  gtk_widget_set_tooltip_text (edit, edit_tip);
  gtk_widget_set_tooltip_text (remove, remove_tip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "activity.edit-qipp");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", programme->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "activity.remove-qipp");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", programme->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_tip, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_tip, -1);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (remove, "flat");
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

static void
lp_activity_view_qipp_row (LpActivityView *self,
                           const char     *name,
                           char * const   *cells,
                           const char     *total,
                           int             at,
                           gboolean        bold)
{
  LpCellStyle style = LP_CELL_NUMERIC | LP_CELL_TIGHT | (bold ? LP_CELL_BOLD : 0);

  gtk_widget_set_hexpand (lp_activity_view_cell (self->qipp_grid, name, 0, at, LP_CELL_WRAP | (bold ? LP_CELL_BOLD : 0)),
                          TRUE);
  for (guint d = 0; d < self->text.n_pods; d++)
    lp_activity_view_cell (self->qipp_grid, cells[d], (int) d + 1, at, style);
  lp_activity_view_cell (self->qipp_grid, total, (int) self->text.n_pods + 1, at,
                         style | LP_CELL_BOLD);
}

static void
lp_activity_view_show_qipp (LpActivityView *self)
{
  /* The points of delivery between the names and the totals, then the
   * programmes' buttons. */
  int width = (int) self->text.n_pods + 3;
  guint n = self->text.programmes->len;

  lp_table_grid_clear (self->qipp_grid);
  lp_activity_view_cell (self->qipp_grid, _("Programme"), 0, 0, LP_CELL_DIM | LP_CELL_WRAP);
  for (guint d = 0; d < self->text.n_pods; d++)
    lp_activity_view_cell (self->qipp_grid, self->text.pods[d], (int) d + 1, 0,
                           LP_CELL_DIM | LP_CELL_NUMERIC | LP_CELL_TIGHT | LP_CELL_WRAP);
  lp_activity_view_cell (self->qipp_grid, _("Total"), width - 2, 0,
                         LP_CELL_DIM | LP_CELL_NUMERIC | LP_CELL_TIGHT | LP_CELL_WRAP);
  lp_table_grid_rule (self->qipp_grid, 1, width);
  for (guint p = 0; p < n; p++)
    {
      const LpActivityTextProgramme *programme = g_ptr_array_index (self->text.programmes, p);

      if (p > 0)
        lp_table_grid_rule (self->qipp_grid, LP_QIPP_ROW (p) - 1, width);
      lp_activity_view_qipp_row (self, programme->name, programme->cells, programme->total,
                                 LP_QIPP_ROW (p), FALSE);
      gtk_grid_attach (self->qipp_grid, lp_activity_view_qipp_buttons (programme), width - 1, LP_QIPP_ROW (p), 1, 1);
    }
  lp_table_grid_rule (self->qipp_grid, LP_QIPP_ROW (n) - 1, width);
  lp_activity_view_qipp_row (self, _("Total"), self->text.pod_totals, self->text.total, LP_QIPP_ROW (n), TRUE);
}

/* What the worker reads and words: the figures, or why there are none. */
typedef struct {
  char              *financial_year;   /* NULL: the plan names none */
  gint64             locality_id;      /* of the lines: the one asked for, or 0 if it has gone */
  LpLocalityChoices *localities;       /* NULL: as offered */
  LpActivityText     text;
} LpActivityResult;

/* What the worker is asked for: the locality chosen, among those offered. */
typedef struct {
  gint64             locality_id;
  LpLocalityChoices *localities;
} LpActivityInput;

static void
lp_activity_input_free (LpActivityInput *input)
{
  lp_locality_choices_unref (input->localities);
  g_free (input);
}

static void
lp_activity_result_free (LpActivityResult *result)
{
  g_clear_pointer (&result->localities, lp_locality_choices_unref);
  g_free (result->financial_year);
  lp_activity_text_clear (&result->text);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpActivityResult, lp_activity_result_free)

/* The localities to choose from, the whole plan first. */
static LpLocalityChoices *
lp_activity_view_read_choices (LpPlan  *reader,
                               GError **error)
{
  LpLocalityChoices *choices = lp_locality_choices_read (reader, error);

  if (choices != NULL)
    {
      g_free (g_ptr_array_index (choices->names, 0));
      g_ptr_array_index (choices->names, 0) = g_strdup (_("Whole plan"));
    }
  return choices;
}

/* On the plan's worker: the base scenario's activity plan, of the whole
 * plan or the locality chosen, and QIPP table for the plan's financial
 * year, worded. */
static gpointer
lp_activity_view_read (LpPlan        *reader,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  LpActivityInput *input = data;
  g_autoptr(LpActivityResult) result = g_new0 (LpActivityResult, 1);
  g_autoptr(LpActivityPlan) activity_plan = NULL;
  g_autoptr(LpQippTable) qipp = NULL;
  g_autoptr(LpLocalityChoices) localities = lp_activity_view_read_choices (reader, error);
  gint64 start = g_get_monotonic_time ();

  if (localities == NULL)
    return NULL;
  /* A locality that has gone: the whole plan. */
  result->locality_id = input->locality_id;
  lp_locality_choices_find (localities, &result->locality_id);
  if (!lp_locality_choices_equal (localities, input->localities))
    result->localities = g_steal_pointer (&localities);
  result->financial_year = lp_plan_dup_info (reader, "financial_year");
  if (result->financial_year == NULL)
    return g_steal_pointer (&result);
  if ((activity_plan = lp_plan_activity_plan_for_locality (reader, 0, result->financial_year,
                                                           result->locality_id, error)) == NULL ||
      (qipp = lp_plan_qipp_table (reader, 0, result->financial_year, error)) == NULL)
    return NULL;
  lp_activity_text_build (activity_plan, qipp, &result->text);
  g_debug ("Activity Plan: read and worded on the worker in %.1f ms",
           (g_get_monotonic_time () - start) / 1000.0);
  return g_steal_pointer (&result);
}

static void
lp_activity_view_show (LpView       *view,
                       gpointer      data,
                       const GError *error)
{
  LpActivityView *self = LP_ACTIVITY_VIEW (view);
  g_autoptr(LpActivityResult) result = data;
  gint64 start = g_get_monotonic_time ();

  g_clear_pointer (&self->financial_year, g_free);
  if (result != NULL && result->localities != NULL)
    {
      g_clear_pointer (&self->localities, lp_locality_choices_unref);
      self->localities = g_steal_pointer (&result->localities);
      self->updating = TRUE;
      lp_locality_picker_offer (self->locality_dropdown, self->localities, result->locality_id);
      self->updating = FALSE;
    }
  if (result == NULL)
    {
      lp_activity_view_show_status (self, _("The Activity Plan Cannot Be Worked Out"), error->message);
      return;
    }
  if (result->financial_year == NULL)
    {
      lp_activity_view_show_status (self, _("No Financial Year"),
          _("Set the plan’s financial year in Plan Settings to enter its forecast outturns, growth and QIPP."));
      gtk_widget_set_visible (self->year_button, TRUE);
      return;
    }
  self->financial_year = g_steal_pointer (&result->financial_year);
  lp_activity_view_update_actions (self);
  gtk_label_set_label (self->summary_label, result->text.summary);
  gtk_label_set_label (self->convention_label, result->text.convention);
  gtk_widget_set_visible (self->note_box, !result->text.has_baseline);
  lp_activity_view_show_lines (self, &result->text);
  lp_activity_view_show_qipp (self);
  gtk_stack_set_visible_child_name (lp_activity_view_stack (self), "table");
  g_debug ("Activity Plan: shown in %.1f ms on the main thread", (g_get_monotonic_time () - start) / 1000.0);
}

/* The plan was set, or a table the view reads changed: the figures are
 * worked out again on the plan's worker.  Until they come the view keeps
 * those it shows. */
static void
lp_activity_view_refresh (LpView *view)
{
  if (lp_view_get_plan (view) == NULL)
    {
      lp_activity_view_show_status (LP_ACTIVITY_VIEW (view), _("No Plan Open"), NULL);
      return;
    }
  LpActivityView *self = LP_ACTIVITY_VIEW (view);
  LpActivityInput *input = g_new0 (LpActivityInput, 1);

  input->locality_id = lp_locality_picker_id (self->locality_dropdown, self->localities);
  input->localities = lp_locality_choices_ref (self->localities);
  lp_view_run (view, lp_activity_view_read, input, (GDestroyNotify) lp_activity_input_free,
               (GDestroyNotify) lp_activity_result_free, lp_activity_view_show);
}

/* Another plan: nothing of the last one may stay on screen while this
 * one's figures are read. */
/* Only the whole plan, until a plan's localities are read. */
static void
lp_activity_view_reset_localities (LpActivityView *self)
{
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  self->localities = lp_locality_choices_new_all ();
  g_free (g_ptr_array_index (self->localities->names, 0));
  g_ptr_array_index (self->localities->names, 0) = g_strdup (_("Whole plan"));
  self->updating = TRUE;
  lp_locality_picker_offer (self->locality_dropdown, self->localities, 0);
  self->updating = FALSE;
}

/* Another locality chosen: its lines, read on the worker. */
static void
lp_activity_view_locality_chosen (LpActivityView *self)
{
  if (!self->updating && lp_view_get_plan (LP_VIEW (self)) != NULL)
    lp_view_queue_refresh (LP_VIEW (self));
}

static void
lp_activity_view_plan_set (LpActivityView *self,
                           GParamSpec     *pspec,
                           gpointer        user_data)
{
  lp_activity_view_reset_localities (self);
  if (lp_view_get_plan (LP_VIEW (self)) == NULL)
    lp_activity_view_show_status (self, _("No Plan Open"), NULL);
  else
    gtk_stack_set_visible_child_name (lp_activity_view_stack (self), "loading");
}

static LpActivityRow *
lp_activity_view_find_line (LpActivityView *self,
                            const char     *line_name)
{
  for (guint i = 0; self->text.lines != NULL && i < self->rows->len; i++)
    if (g_strcmp0 (((LpActivityTextLine *) g_ptr_array_index (self->text.lines, i))->name, line_name) == 0)
      return &g_array_index (self->rows, LpActivityRow, i);
  return NULL;
}

/**
 * lp_activity_view_get_line_cell:
 * @line_name: an activity line's name as shown, "Total Elective Admissions"
 *
 * Returns: (nullable): what the cell shows, "3.5%" for a growth entry
 */
const char *
lp_activity_view_get_line_cell (LpActivityView   *self,
                                const char       *line_name,
                                LpActivityColumn  column)
{
  LpActivityRow *row;

  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), NULL);
  g_return_val_if_fail (column < LP_ACTIVITY_N_COLUMNS, NULL);

  if ((row = lp_activity_view_find_line (self, line_name)) == NULL)
    return NULL;
  return LP_IS_ENTRY_COLUMN (column) ? lp_editable_cell_get_text (LP_EDITABLE_CELL (row->cells[column]))
                                     : gtk_label_get_label (GTK_LABEL (row->cells[column]));
}

/**
 * lp_activity_view_get_line_error:
 *
 * Returns: (nullable): the message shown under the line, or %NULL for none
 */
const char *
lp_activity_view_get_line_error (LpActivityView *self,
                                 const char     *line_name)
{
  LpActivityRow *row;

  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), NULL);

  row = lp_activity_view_find_line (self, line_name);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row->error)))
    return NULL;
  return gtk_label_get_label (row->error);
}

/**
 * lp_activity_view_type:
 * @column: %LP_ACTIVITY_COLUMN_GROWTH or %LP_ACTIVITY_COLUMN_BASELINE
 *
 * Puts the keyboard focus in the line's cell and types @typed there,
 * without pressing Enter.
 *
 * Returns: %TRUE if the view shows the line
 */
gboolean
lp_activity_view_type (LpActivityView   *self,
                       const char       *line_name,
                       LpActivityColumn  column,
                       const char       *typed)
{
  LpActivityRow *row;

  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), FALSE);
  g_return_val_if_fail (LP_IS_ENTRY_COLUMN (column) && typed != NULL, FALSE);

  if ((row = lp_activity_view_find_line (self, line_name)) == NULL)
    return FALSE;
  lp_editable_cell_type (LP_EDITABLE_CELL (row->cells[column]), typed);
  return TRUE;
}

/**
 * lp_activity_view_enter:
 * @column: %LP_ACTIVITY_COLUMN_GROWTH or %LP_ACTIVITY_COLUMN_BASELINE
 *
 * Types @typed into the line's cell and presses Enter, as a person would.
 *
 * Returns: %TRUE if the view shows the line
 */
gboolean
lp_activity_view_enter (LpActivityView   *self,
                        const char       *line_name,
                        LpActivityColumn  column,
                        const char       *typed)
{
  LpActivityRow *row;

  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), FALSE);
  g_return_val_if_fail (LP_IS_ENTRY_COLUMN (column) && typed != NULL, FALSE);

  if ((row = lp_activity_view_find_line (self, line_name)) == NULL)
    return FALSE;
  lp_editable_cell_enter (LP_EDITABLE_CELL (row->cells[column]), typed);
  return TRUE;
}

/**
 * lp_activity_view_select_locality:
 * @name: a locality's name, or "Whole plan"
 *
 * Chooses it in the view's picker, as a person would; its lines follow
 * from the worker.
 *
 * Returns: %TRUE if the picker offers it
 */
gboolean
lp_activity_view_select_locality (LpActivityView *self,
                                  const char     *name)
{
  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), FALSE);

  return lp_locality_picker_select (self->locality_dropdown, name);
}

/**
 * lp_activity_view_get_locality:
 *
 * Returns: the id of the locality whose lines are shown; 0 for the whole plan
 */
gint64
lp_activity_view_get_locality (LpActivityView *self)
{
  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), 0);

  return self->text.locality_id;
}

/**
 * lp_activity_view_get_line_note:
 *
 * Returns: (nullable): what the line says under its name, "Sum of 2
 *   localities", or %NULL
 */
const char *
lp_activity_view_get_line_note (LpActivityView *self,
                                const char     *line_name)
{
  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), NULL);

  for (guint i = 0; self->text.lines != NULL && i < self->text.lines->len; i++)
    {
      const LpActivityTextLine *line = g_ptr_array_index (self->text.lines, i);

      if (g_strcmp0 (line->name, line_name) == 0)
        return line->note;
    }
  return NULL;
}

/**
 * lp_activity_view_get_line_tooltip:
 * @column: %LP_ACTIVITY_COLUMN_GROWTH or %LP_ACTIVITY_COLUMN_BASELINE
 *
 * Returns: (nullable): the cell's tooltip: why it cannot be typed into,
 *   or where its figure comes from
 */
const char *
lp_activity_view_get_line_tooltip (LpActivityView   *self,
                                   const char       *line_name,
                                   LpActivityColumn  column)
{
  LpActivityRow *row;

  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), NULL);
  g_return_val_if_fail (LP_IS_ENTRY_COLUMN (column), NULL);

  if ((row = lp_activity_view_find_line (self, line_name)) == NULL)
    return NULL;
  return gtk_widget_get_tooltip_text (row->cells[column]);
}

/**
 * lp_activity_view_is_line_editable:
 * @column: %LP_ACTIVITY_COLUMN_GROWTH or %LP_ACTIVITY_COLUMN_BASELINE
 *
 * Returns: %TRUE if the cell takes typing
 */
gboolean
lp_activity_view_is_line_editable (LpActivityView   *self,
                                   const char       *line_name,
                                   LpActivityColumn  column)
{
  LpActivityRow *row;
  gboolean editable = FALSE;

  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), FALSE);
  g_return_val_if_fail (LP_IS_ENTRY_COLUMN (column), FALSE);

  if ((row = lp_activity_view_find_line (self, line_name)) == NULL)
    return FALSE;
  g_object_get (row->cells[column], "editable", &editable, NULL);
  return editable;
}

/**
 * lp_activity_view_get_qipp_cell:
 * @programme: (nullable): a programme's name, or %NULL for the totals
 * @pod: a point of delivery's column, 0 first, or -1 for the row's total
 *
 * Returns: (nullable): the text of that cell on screen
 */
const char *
lp_activity_view_get_qipp_cell (LpActivityView *self,
                                const char     *programme,
                                int             pod)
{
  guint n, p = 0;
  GtkWidget *cell;

  g_return_val_if_fail (LP_IS_ACTIVITY_VIEW (self), NULL);
  g_return_val_if_fail (pod >= -1 && pod < (int) self->text.n_pods, NULL);

  n = self->text.programmes != NULL ? self->text.programmes->len : 0;
  while (programme != NULL && p < n &&
         g_strcmp0 (((LpActivityTextProgramme *) g_ptr_array_index (self->text.programmes, p))->name, programme) != 0)
    p++;
  if (programme != NULL && p == n)
    return NULL;
  cell = gtk_grid_get_child_at (self->qipp_grid, pod < 0 ? (int) self->text.n_pods + 1 : pod + 1,
                                LP_QIPP_ROW (programme != NULL ? p : n));
  return GTK_IS_LABEL (cell) ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

static void
lp_activity_view_dispose (GObject *object)
{
  LpActivityView *self = LP_ACTIVITY_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_ACTIVITY_VIEW);
  G_OBJECT_CLASS (lp_activity_view_parent_class)->dispose (object);
}

static void
lp_activity_view_finalize (GObject *object)
{
  LpActivityView *self = LP_ACTIVITY_VIEW (object);

  lp_activity_text_clear (&self->text);
  g_clear_pointer (&self->localities, lp_locality_choices_unref);
  g_array_unref (self->rows);
  g_free (self->financial_year);
  G_OBJECT_CLASS (lp_activity_view_parent_class)->finalize (object);
}

/* The Add Programme button, or a programme's edit button (its id). */
static void
lp_activity_view_edit_qipp (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LpActivityView *self = LP_ACTIVITY_VIEW (widget);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  gint64 id = parameter != NULL ? g_variant_get_int64 (parameter) : 0;

  if (plan == NULL || self->financial_year == NULL)
    return;
  lp_edit_dialog_present (LP_EDIT_DIALOG (lp_qipp_dialog_new (plan, id, self->financial_year)), widget);
}

/* Removes at once: Undo brings the programme back with its reductions. */
static void
lp_activity_view_remove_qipp (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (widget));
  g_autoptr(GError) error = NULL;
  gboolean removed;

  if (plan == NULL)
    return;
  lp_plan_set_step_label (plan, _("Remove QIPP programme"));
  removed = lp_plan_delete_qipp_programme (plan, g_variant_get_int64 (parameter), &error);
  lp_plan_set_step_label (plan, NULL);
  if (!removed)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  _("The Programme Was Not Removed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* The table as shown, of the locality chosen, through the window's export. */
static void
lp_activity_view_export_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LpActivityView *self = LP_ACTIVITY_VIEW (widget);
  LpModelQuery query = { self->text.locality_id, 0, LP_PER_MONTH };

  gtk_widget_activate_action_variant (widget, "win.export-view",
                                      lp_export_task_view_parameter (g_variant_get_string (parameter, NULL), &query));
}

static void
lp_activity_view_export (LpView *view)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "activity.export", "s", "activity-plan");
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpActivityView, name)

static void
lp_activity_view_class_init (LpActivityViewClass *klass)
{
  /* What lp_plan_activity_plan and lp_plan_qipp_table read: the lines,
   * their baselines and growth (the whole plan's and the localities')
   * along the base scenario's chain, the QIPP schemes, the plan's
   * financial year and seasonal profile, and the localities to choose. */
  static const char * const tables[] = {
    "activity_line", "activity_baseline", "growth_assumption", "locality_growth_assumption",
    "qipp_reduction", "qipp_programme", "point_of_delivery", "scenario", "plan_info", "locality", NULL,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  LP_VIEW_CLASS (klass)->refresh = lp_activity_view_refresh;
  LP_VIEW_CLASS (klass)->export = lp_activity_view_export;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), tables);

  object_class->dispose = lp_activity_view_dispose;
  object_class->finalize = lp_activity_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-activity-view.ui");
  BIND_CHILD (empty_page);
  BIND_CHILD (year_button);
  BIND_CHILD (locality_dropdown);
  BIND_CHILD (summary_label);
  BIND_CHILD (convention_label);
  BIND_CHILD (note_box);
  BIND_CHILD (lines_grid);
  BIND_CHILD (qipp_grid);
  gtk_widget_class_install_action (widget_class, "activity.add-qipp", NULL, lp_activity_view_edit_qipp);
  /* Ctrl+Shift+N adds to the view on screen, in every view. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "activity.add-qipp", NULL);
  gtk_widget_class_install_action (widget_class, "activity.export", "s", lp_activity_view_export_activated);
  gtk_widget_class_install_action (widget_class, "activity.edit-qipp", "x", lp_activity_view_edit_qipp);
  gtk_widget_class_install_action (widget_class, "activity.remove-qipp", "x", lp_activity_view_remove_qipp);
}

static void
lp_activity_view_init (LpActivityView *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (LpActivityRow));
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_activity_view_reset_localities (self);
  g_signal_connect_swapped (self->locality_dropdown, "notify::selected",
                            G_CALLBACK (lp_activity_view_locality_chosen), self);
  lp_activity_view_show_status (self, _("No Plan Open"), NULL);
  g_signal_connect (self, "notify::plan", G_CALLBACK (lp_activity_view_plan_set), NULL);
}

GtkWidget *
lp_activity_view_new (void)
{
  return g_object_new (LP_TYPE_ACTIVITY_VIEW, NULL);
}
