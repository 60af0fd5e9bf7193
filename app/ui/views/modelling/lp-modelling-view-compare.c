/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The modelling view's comparison: the scenario on screen against another,
 * cell by cell (core's lp_model_table_difference), in a table of its own
 * under the first, signed so that a reader sees which way each moved.  The
 * difference is made on the plan's worker; the picker and the table are
 * the main thread's. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-modelling-view-private.h"

gint64
lp_modelling_view_compare_id (LpModellingView *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);

  return selected < self->compare_ids->len ? g_array_index (self->compare_ids, gint64, selected) : 0;
}

/* "No comparison", then every scenario the scenario picker offers, in its
 * order (a handful); @position is the choice to show. */
void
lp_modelling_view_fill_compare (LpModellingView *self,
                                guint            position)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("No Comparison"), NULL });
  GListModel *scenarios = gtk_drop_down_get_model (self->scenario_dropdown);

  g_array_set_size (self->compare_ids, 1);   /* 0: none */
  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);
      gint64 id = lp_scenario_get_id (scenario);

      /* TRANSLATORS: a choice of scenario to compare with */
      g_autofree char *label = g_strdup_printf (_("Compare with %s"), lp_scenario_get_name (scenario));

      gtk_string_list_append (names, label);
      g_array_append_val (self->compare_ids, id);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->compare_dropdown, position < self->compare_ids->len ? position : 0);
  self->updating = FALSE;
}

/* "+0.6" where this scenario asks for more, "-0.6" for less; "0.0" alike. */
static void
lp_modelling_view_sign_cells (LpModellingText *text)
{
  for (guint i = 0; i < text->rows->len; i++)
    {
      LpModellingRow *row = g_ptr_array_index (text->rows, i);

      for (guint c = 0; c < 2 * text->n_horizons; c++)
        if (row->cells[c][0] != '-' && g_strcmp0 (row->cells[c], "0.0") != 0)
          {
            char *signed_cell = g_strconcat ("+", row->cells[c], NULL);

            g_free (row->cells[c]);
            row->cells[c] = signed_cell;
          }
    }
}

/**
 * lp_modelling_view_work_compare:
 * @reader: the worker's connection to the plan
 * @query: what @table models
 * @other_id: the scenario to compare with
 * @other_name: its name, for the comparison's title
 * @compare: (out caller-allocates): the differences' words; left zeroed
 *   (rows NULL) when there is nothing to compare
 *
 * Runs on the worker.  Nothing to compare: the scenario on screen, or one
 * that states other horizons.
 */
gboolean
lp_modelling_view_work_compare (LpPlan              *reader,
                                const LpModelQuery  *query,
                                gint64               other_id,
                                const char          *other_name,
                                const LpModelTable  *table,
                                LpModellingText     *compare,
                                GError             **error)
{
  LpModelQuery other_query = *query;
  g_autoptr(LpModelTable) other = NULL;
  g_autoptr(LpModelTable) difference = NULL;

  other_query.scenario_id = other_id;
  if (other_id == 0 || other_id == query->scenario_id || table->n_horizons == 0)
    return TRUE;
  if ((other = lp_plan_model (reader, &other_query, error)) == NULL)
    return FALSE;
  /* NULL when the other scenario states other horizons: no cell to pair. */
  difference = lp_model_table_difference (table, other);
  if (difference == NULL)
    return TRUE;
  lp_modelling_text_build (difference, NULL, "", compare);
  lp_modelling_view_sign_cells (compare);
  g_free (compare->summary);
  compare->summary = g_strdup (other_name);
  return TRUE;
}

void
lp_modelling_view_show_compare (LpModellingView       *self,
                                const LpModellingText *compare)
{
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;

  gtk_widget_set_visible (self->compare_box, compare->rows != NULL);
  if (compare->rows == NULL)
    return;
  /* TRANSLATORS: the comparison's title; %s is the other scenario */
  title = g_strdup_printf (_("Compared with %s"), compare->summary);
  /* TRANSLATORS: %s is the other scenario */
  caption = g_strdup_printf (_("Each figure is the scenario chosen above less %s’s: "
                               "+ asks for more reduction, - for less."), compare->summary);
  gtk_label_set_label (self->compare_title, title);
  gtk_label_set_label (self->compare_caption, caption);
  lp_modelling_view_fill_grid (self->compare_grid, compare, self->compare_rows);
}
