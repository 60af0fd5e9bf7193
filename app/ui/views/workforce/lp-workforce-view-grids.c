/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workforce view's tables, laid out from lp-workforce-text's words:
 * quarter by quarter (a grid: a dozen quarters or so), with quarters
 * short of the target in the error colour, and the practices with their
 * joiners and leavers in editable cells (a column view: a plan of
 * England's size has 6,500 practices). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-editable-cell.h"
#include "lp-table-grid.h"
#include "lp-view-common.h"
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
lp_workforce_view_quarters (LpWorkforceView       *self,
                            const LpWorkforceText *text)
{
  const char *titles[] = { _("Quarter"), _("Recorded FTE"), _("Plan FTE"), _("Target FTE"), _("Short by"),
                           _("Figures"), NULL };
  GtkGrid *grid = self->quarters_grid;

  lp_table_grid_clear (grid);
  lp_workforce_view_headings (grid, titles);
  for (guint i = 0; i < text->quarters->len; i++)
    {
      const LpWorkforceTextQuarter *row = g_ptr_array_index (text->quarters, i);
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

/* The joiners and leavers cells of each practice's row. */
typedef enum {
  LP_MOVEMENT_JOINERS,
  LP_MOVEMENT_LEAVERS,
} LpMovement;

static const char *const committed_keys[] = { "lp-committed-joiners", "lp-committed-leavers" };

/* What the row's @movement is: as last committed in its cell, until the
 * row read again after that edit replaces this one; else as read. */
static const char *
lp_workforce_view_movement_text (LpTextRow  *row,
                                 LpMovement  movement)
{
  const LpWorkforceTextPractice *practice = lp_text_row_get (row);
  const char *committed = g_object_get_data (G_OBJECT (row), committed_keys[movement]);

  return committed != NULL ? committed : movement == LP_MOVEMENT_JOINERS ? practice->joiners : practice->leavers;
}

/* A cell commits its own figure with the other as last committed: an
 * edit of the other cell may not be read back into the row yet. */
static void
lp_workforce_view_movement_committed (LpEditableCell *cell,
                                      const char     *typed,
                                      GtkListItem    *item)
{
  LpWorkforceView *self = g_object_get_data (G_OBJECT (cell), "lp-view");
  LpMovement movement = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "lp-movement"));
  LpTextRow *row = gtk_list_item_get_item (item);
  const LpWorkforceTextPractice *practice;
  const char *message;

  if (row == NULL)
    return;
  practice = lp_text_row_get (row);
  g_object_set_data_full (G_OBJECT (row), committed_keys[movement], g_strdup (typed), g_free);
  if (lp_workforce_view_save_movements (self, practice->code,
                                        lp_workforce_view_movement_text (row, LP_MOVEMENT_JOINERS),
                                        lp_workforce_view_movement_text (row, LP_MOVEMENT_LEAVERS),
                                        NULL))
    return;
  g_object_set_data (G_OBJECT (row), committed_keys[movement], NULL);
  message = lp_workforce_view_get_error (self);
  if (message != NULL)
    lp_editable_cell_show_error (cell, message);
}

static void
lp_workforce_view_movement_setup (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  LpWorkforceView          *self)
{
  LpEditableCell *cell = LP_EDITABLE_CELL (lp_editable_cell_new ());
  LpMovement movement = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "lp-movement"));

  lp_editable_cell_set_width_chars (cell, 6);
  lp_editable_cell_set_max_width_chars (cell, 6);
  lp_editable_cell_set_xalign (cell, 1.0f);
  lp_editable_cell_set_placeholder_text (cell, "0");
  gtk_widget_set_valign (GTK_WIDGET (cell), GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (cell), "lp-view", self);
  g_object_set_data (G_OBJECT (cell), "lp-movement", GINT_TO_POINTER (movement));
  g_object_set_data (G_OBJECT (cell), "lp-list-item", item);
  g_signal_connect (cell, "commit", G_CALLBACK (lp_workforce_view_movement_committed), item);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
lp_workforce_view_movement_bind (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 LpWorkforceView          *self)
{
  LpEditableCell *cell = LP_EDITABLE_CELL (gtk_list_item_get_child (item));
  const LpWorkforceTextPractice *practice = lp_text_row_get (gtk_list_item_get_item (item));
  LpMovement movement = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "lp-movement"));
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  g_autofree char *label = g_strdup_printf (movement == LP_MOVEMENT_JOINERS ? _("Joiners at %s")
                                                                            : _("Leavers at %s"), practice->name);

  /* The cell leaves what is being typed in it be. */
  lp_editable_cell_set_text (cell, movement == LP_MOVEMENT_JOINERS ? practice->joiners : practice->leavers);
  /* Movements are planned role by role: the rows shown are of one. */
  lp_editable_cell_set_editable (cell, self->shown_role != NULL && plan != NULL && !lp_plan_is_read_only (plan));
  lp_editable_cell_set_label (cell, label);
}

/* A practice's joiners or leavers cell: what is typed plans the practice's
 * movements for the role chosen, through core; the table then follows the
 * plan. */
static GtkListItemFactory *
lp_workforce_view_movement_factory (LpWorkforceView *self,
                                    LpMovement       movement)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "lp-movement", GINT_TO_POINTER (movement));
  g_signal_connect (factory, "setup", G_CALLBACK (lp_workforce_view_movement_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (lp_workforce_view_movement_bind), self);
  return factory;
}

#define PRACTICE(field) G_STRUCT_OFFSET (LpWorkforceTextPractice, field)
#define STAFF(field) G_STRUCT_OFFSET (LpWorkforceTextStaff, field)

/* By staff group: the practices' FTE, the PCNs', both, and patients per
 * FTE without and with the PCNs' staff (a handful of rows: a grid). */
static void
lp_workforce_view_staff_groups (LpWorkforceView            *self,
                                const LpWorkforceStaffText *text)
{
  const char *titles[] = { _("Staff group"), _("Practices FTE"), _("PCNs FTE"), _("Together"),
                           _("Patients per FTE"), _("With PCN staff"), NULL };
  const char *practice_titles[] = { _("Staff group"), _("FTE"), _("Patients per FTE"), NULL };
  GtkGrid *grid = self->staff_groups_grid;

  lp_table_grid_clear (grid);
  gtk_widget_set_visible (GTK_WIDGET (grid), text->groups->len > 0);
  if (text->groups->len == 0)
    return;
  /* Without PCNs the PCN columns would be empty: the practices' alone. */
  lp_workforce_view_headings (grid, text->has_pcns ? titles : practice_titles);
  for (guint i = 0; i < text->groups->len; i++)
    {
      const LpWorkforceTextStaffGroup *row = g_ptr_array_index (text->groups, i);
      const char *cells[] = { row->practices, row->pcns, row->together, row->per_fte, row->per_fte_with_pcns };
      const char *practice_cells[] = { row->practices, row->per_fte };
      int columns = text->has_pcns ? 5 : 2;
      int at = 2 + 2 * (int) i;

      lp_table_grid_rule (grid, at - 1, columns + 1);
      gtk_widget_set_hexpand (lp_table_grid_cell (grid, row->group, 0, at, 1, LP_CELL_TEXT), TRUE);
      for (int c = 0; c < columns; c++)
        lp_table_grid_cell (grid, text->has_pcns ? cells[c] : practice_cells[c], c + 1, at, 1, LP_CELL_NUMERIC);
    }
}

/* The columns of the practices' table; called once, from init. */
void
lp_workforce_view_setup_tables (LpWorkforceView *self)
{
  GtkColumnView *practices = self->practices_view;

  lp_view_common_ensure_css ();
  lp_text_row_add_column (practices, _("Code"),
                                lp_text_row_label_factory (PRACTICE (code), -1, NULL, LP_CELL_DIM), FALSE);
  lp_text_row_add_column (practices, _("Practice"),
                                lp_text_row_label_factory (PRACTICE (name), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (practices, _("FTE now"),
                                lp_text_row_label_factory (PRACTICE (fte), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (practices, _("Joiners"),
                                lp_workforce_view_movement_factory (self, LP_MOVEMENT_JOINERS), FALSE);
  lp_text_row_add_column (practices, _("Leavers"),
                                lp_workforce_view_movement_factory (self, LP_MOVEMENT_LEAVERS), FALSE);

  lp_text_row_add_column (self->staff_view, _("Employed by"),
                          lp_text_row_label_factory (STAFF (employer), STAFF (is_pcn), "accent", LP_CELL_ELLIPSIZE),
                          TRUE);
  lp_text_row_add_column (self->staff_view, _("Role"),
                          lp_text_row_label_factory (STAFF (role), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (self->staff_view, _("Scheme"),
                          lp_text_row_label_factory (STAFF (arrs), -1, NULL, LP_CELL_DIM), FALSE);
  lp_text_row_add_column (self->staff_view, _("FTE"),
                          lp_text_row_label_factory (STAFF (fte), -1, NULL, LP_CELL_NUMERIC), FALSE);
}

/* Empties the table, with what was shown: nothing to compare with now. */
void
lp_workforce_view_clear_rows (LpWorkforceView *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  lp_text_rows_show (self->practice_rows, none, gtk_widget_get_parent (GTK_WIDGET (self->practices_view)));
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
  g_clear_pointer (&self->shown_role, g_free);
  lp_text_rows_show (self->staff_rows, none, self->staff_scroller);
  g_clear_pointer (&self->shown_staff, g_ptr_array_unref);
}

/* Only the rows that changed are replaced in the table: a field being
 * typed in elsewhere is left as it is. */
void
lp_workforce_view_show_result (LpWorkforceView         *self,
                               const LpWorkforceResult *result)
{
  const LpWorkforceText *text = &result->text;

  gtk_label_set_label (self->summary_label, text->summary);
  gtk_label_set_label (self->basis_label, text->basis);
  gtk_label_set_label (self->rates_label, text->rates);
  gtk_label_set_label (self->targets_label, text->targets != NULL ? text->targets : "");
  gtk_widget_set_visible (GTK_WIDGET (self->targets_label), text->targets != NULL);
  gtk_label_set_label (self->chart_title, text->chart->title);
  gtk_label_set_label (self->per_gp_label, text->patients_per_gp);
  gtk_label_set_label (self->per_1000_label, text->per_1000);
  gtk_label_set_label (self->practices_title, text->practices_title);
  lp_chart_view_set_chart (self->chart_view, lp_chart_copy (text->chart));
  lp_workforce_view_quarters (self, text);
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
  self->shown_practices = g_ptr_array_ref (result->practice_rows);
  g_free (self->shown_role);
  self->shown_role = g_strdup (result->role);
  lp_text_rows_show (self->practice_rows, result->practice_rows,
                     gtk_widget_get_parent (GTK_WIDGET (self->practices_view)));

  gtk_label_set_label (self->staff_title, result->staff.title);
  gtk_label_set_label (self->staff_summary, result->staff.summary);
  gtk_widget_set_visible (self->staff_import_box, result->staff.offer_import);
  gtk_label_set_label (self->staff_note, result->staff.note != NULL ? result->staff.note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->staff_note), result->staff.note != NULL);
  lp_workforce_view_staff_groups (self, &result->staff);
  /* Employer and scheme columns: only where there is more than one employer. */
  {
    GListModel *columns = gtk_column_view_get_columns (self->staff_view);

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        if (i == 0 || i == 2)
          gtk_column_view_column_set_visible (column, result->staff.has_pcns);
      }
  }
  gtk_widget_set_visible (self->staff_scroller, result->staff_rows->len > 0);
  g_clear_pointer (&self->shown_staff, g_ptr_array_unref);
  self->shown_staff = g_ptr_array_ref (result->staff_rows);
  lp_text_rows_show (self->staff_rows, result->staff_rows, self->staff_scroller);
}
