/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's tables, laid out from lp-workforce-text's words:
 * quarter by quarter, with quarters short of the target in the error
 * colour, and the practices with their joiners and leavers in editable
 * cells, which hand what is typed to core as typed. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-editable-cell.h"
#include "lp-table-grid.h"
#include "lp-workforce-view-private.h"

void
lp_workforce_view_show_error (LpWorkforceView *self,
                              const char      *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
lp_workforce_view_headings (GtkGrid           *grid,
                            const char *const *titles)
{
  for (int c = 0; titles[c] != NULL; c++)
    lp_table_grid_cell (grid, titles[c], c, 0, 1, LP_CELL_DIM | (c > 0 ? LP_CELL_NUMERIC : 0));
}

static void
lp_workforce_view_quarters (LpWorkforceView *self)
{
  const char *titles[] = { _("Quarter"), _("Recorded FTE"), _("Plan FTE"), _("Target FTE"), _("Short by"),
                           _("Figures"), NULL };
  GtkGrid *grid = self->quarters_grid;

  lp_table_grid_clear (grid);
  lp_workforce_view_headings (grid, titles);
  for (guint i = 0; i < self->text.quarters->len; i++)
    {
      const LpWorkforceTextQuarter *row = g_ptr_array_index (self->text.quarters, i);
      const char *cells[] = { row->recorded, row->plan, row->target, row->short_by, row->missing };
      int at = 2 + 2 * (int) i;

      lp_table_grid_rule (grid, at - 1, 6);
      gtk_widget_set_hexpand (lp_table_grid_cell (grid, row->quarter, 0, at, 1,
                                                  row->short_of_target ? LP_CELL_BOLD : LP_CELL_TEXT), TRUE);
      for (int c = 0; c < 5; c++)
        {
          GtkWidget *cell = lp_table_grid_cell (grid, cells[c], c + 1, at, 1, LP_CELL_NUMERIC);

          if ((row->short_of_target && c == 3) || c == 4)
            gtk_widget_add_css_class (cell, c == 3 ? "error" : "dim-label");
        }
    }
}

/* Either cell commits the practice's two figures together; core names
 * the one it refuses, which is marked. */
static void
lp_workforce_view_committed (LpEditableCell  *cell,
                             const char      *typed,
                             LpWorkforceView *self)
{
  LpEditableCell *joiners = g_object_get_data (G_OBJECT (cell), "lp-joiners");
  LpEditableCell *leavers = g_object_get_data (G_OBJECT (cell), "lp-leavers");
  const char *bad_field = NULL;
  const char *message;

  if (lp_workforce_view_save_movements (self, g_object_get_data (G_OBJECT (cell), "lp-ods-code"),
                                        lp_editable_cell_get_text (joiners), lp_editable_cell_get_text (leavers),
                                        &bad_field))
    return;
  if (g_strcmp0 (bad_field, LP_FIELD_JOINERS) == 0)
    cell = joiners;
  else if (g_strcmp0 (bad_field, LP_FIELD_LEAVERS) == 0)
    cell = leavers;
  message = lp_workforce_view_get_error (self);
  if (message != NULL)
    lp_editable_cell_show_error (cell, message);
}

static LpEditableCell *
lp_workforce_view_cell (LpWorkforceView *self,
                        const char      *text,
                        const char      *label)
{
  LpEditableCell *cell = LP_EDITABLE_CELL (lp_editable_cell_new ());

  lp_editable_cell_set_text (cell, text);
  lp_editable_cell_set_width_chars (cell, 6);
  lp_editable_cell_set_xalign (cell, 1.0f);
  lp_editable_cell_set_placeholder_text (cell, "0");
  lp_editable_cell_set_label (cell, label);
  gtk_widget_set_valign (GTK_WIDGET (cell), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (GTK_WIDGET (cell), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (cell), 12);
  gtk_widget_set_sensitive (GTK_WIDGET (cell),
                            lp_workforce_view_role (self) != NULL && !lp_plan_is_read_only (self->plan));
  g_signal_connect (cell, "commit", G_CALLBACK (lp_workforce_view_committed), self);
  return cell;
}

static void
lp_workforce_view_practice_row (LpWorkforceView               *self,
                                const LpWorkforceTextPractice *row,
                                int                            at)
{
  GtkGrid *grid = self->practices_grid;
  g_autofree char *joiners_label = g_strdup_printf (_("Joiners at %s"), row->name);
  g_autofree char *leavers_label = g_strdup_printf (_("Leavers at %s"), row->name);
  LpEditableCell *joiners = lp_workforce_view_cell (self, row->joiners, joiners_label);
  LpEditableCell *leavers = lp_workforce_view_cell (self, row->leavers, leavers_label);

  lp_table_grid_cell (grid, row->code, 0, at, 1, LP_CELL_DIM);
  gtk_widget_set_hexpand (lp_table_grid_cell (grid, row->name, 1, at, 1, LP_CELL_ELLIPSIZE), TRUE);
  lp_table_grid_cell (grid, row->fte, 2, at, 1, LP_CELL_NUMERIC);
  gtk_grid_attach (grid, GTK_WIDGET (joiners), 3, at, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (leavers), 4, at, 1, 1);
  for (LpEditableCell **cell = (LpEditableCell *[]) { joiners, leavers, NULL }; *cell != NULL; cell++)
    {
      g_autofree char *key = g_strconcat (row->code, *cell == joiners ? " joiners" : " leavers", NULL);

      lp_table_grid_set_focus_key (GTK_WIDGET (*cell), key);
      g_object_set_data_full (G_OBJECT (*cell), "lp-ods-code", g_strdup (row->code), g_free);
      g_object_set_data (G_OBJECT (*cell), "lp-joiners", joiners);
      g_object_set_data (G_OBJECT (*cell), "lp-leavers", leavers);
    }
}

static void
lp_workforce_view_practices (LpWorkforceView *self)
{
  const char *titles[] = { _("Code"), _("Practice"), _("FTE now"), _("Joiners"), _("Leavers"), NULL };
  GtkGrid *grid = self->practices_grid;
  /* An edit lays the table out again: the focus stays in its field. */
  g_autofree char *focused = lp_table_grid_get_focus_key (grid);

  lp_table_grid_clear (grid);
  lp_workforce_view_headings (grid, titles);
  for (guint i = 0; i < self->text.practices->len; i++)
    {
      int at = 2 + 2 * (int) i;

      lp_table_grid_rule (grid, at - 1, 5);
      lp_workforce_view_practice_row (self, g_ptr_array_index (self->text.practices, i), at);
    }
  lp_table_grid_refocus (grid, focused);
}

void
lp_workforce_view_show_text (LpWorkforceView *self)
{
  gtk_label_set_label (self->summary_label, self->text.summary);
  gtk_label_set_label (self->basis_label, self->text.basis);
  gtk_label_set_label (self->rates_label, self->text.rates);
  gtk_label_set_label (self->targets_label, self->text.targets != NULL ? self->text.targets : "");
  gtk_widget_set_visible (GTK_WIDGET (self->targets_label), self->text.targets != NULL);
  gtk_label_set_label (self->chart_title, self->text.chart->title);
  gtk_label_set_label (self->per_gp_label, self->text.patients_per_gp);
  gtk_label_set_label (self->per_1000_label, self->text.per_1000);
  gtk_label_set_label (self->practices_title, self->text.practices_title);
  lp_chart_view_set_chart (self->chart_view, lp_chart_copy (self->text.chart));
  lp_workforce_view_quarters (self);
  lp_workforce_view_practices (self);
}
