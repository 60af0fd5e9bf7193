/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's long tables: each practice's share of the
 * grand total (6,500 rows for all of England's localities) and, when there
 * are too many localities to chart, each locality's grand total.  Column
 * views over the rows the worker made (LpModellingItem), so that only the
 * rows on screen have widgets; a click on a heading sorts by the figures
 * behind the column, not their rounded words. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-modelling-item.h"
#include "lp-modelling-view-private.h"

static void
lp_modelling_view_cell_setup (GtkSignalListItemFactory *factory,
                              GtkListItem              *list_item,
                              gpointer                  user_data)
{
  LpModellingColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  if (column == LP_MODELLING_COLUMN_NAME)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
    }
  else if (column == LP_MODELLING_COLUMN_CODE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
lp_modelling_view_cell_bind (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             gpointer                  user_data)
{
  LpModellingColumn column = GPOINTER_TO_UINT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const char *text = lp_modelling_item_get_text (gtk_list_item_get_item (list_item), column);

  gtk_label_set_label (label, text != NULL ? text : "");
  /* The whole of a name cut short. */
  if (column == LP_MODELLING_COLUMN_NAME)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static int
lp_modelling_view_compare_items (gconstpointer a,
                                 gconstpointer b,
                                 gpointer      user_data)
{
  return lp_modelling_item_compare ((LpModellingItem *) a, (LpModellingItem *) b,
                                    GPOINTER_TO_UINT (user_data));
}

static void
lp_modelling_view_add_column (GtkColumnView     *view,
                              LpModellingColumn  column,
                              const char        *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (lp_modelling_view_cell_setup),
                    GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (lp_modelling_view_cell_bind),
                    GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  /* Names sort as words (collation keys made once per sort); figures by
   * their value. */
  if (column == LP_MODELLING_COLUMN_CODE || column == LP_MODELLING_COLUMN_NAME)
    sorter = GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (LP_TYPE_MODELLING_ITEM, NULL,
                                     column == LP_MODELLING_COLUMN_CODE ? "code" : "name")));
  else
    sorter = GTK_SORTER (gtk_custom_sorter_new (lp_modelling_view_compare_items,
                                                GUINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);
  if (column == LP_MODELLING_COLUMN_NAME)
    {
      gtk_column_view_column_set_expand (view_column, TRUE);
      gtk_column_view_column_set_resizable (view_column, TRUE);
    }
  gtk_column_view_append_column (view, view_column);
}

/* Every column either table can have; the figure columns show as many
 * horizons as the plan states (lp_modelling_view_show_practices). */
void
lp_modelling_view_setup_tables (LpModellingView *self)
{
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_CODE, _("Code"));
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_NAME, _("Practice"));
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_SIZE, _("List size"));
  lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_SHARE, _("Share"));
  lp_modelling_view_add_column (self->localities_view, LP_MODELLING_COLUMN_NAME, _("Locality"));
  lp_modelling_view_add_column (self->localities_view, LP_MODELLING_COLUMN_SIZE,
                                _("Registered patients"));
  for (guint c = 0; c < LP_MODELLING_MAX_COLUMNS; c++)
    {
      lp_modelling_view_add_column (self->practices_view, LP_MODELLING_COLUMN_FIGURES + c, NULL);
      lp_modelling_view_add_column (self->localities_view, LP_MODELLING_COLUMN_FIGURES + c, NULL);
    }
}

/* The horizon over its figure, as the pathway table's two heading rows
 * say it ("Bed days": the narrower heading keeps a wide table within
 * 1024 pixels). */
static void
lp_modelling_view_figure_columns (GtkColumnView         *view,
                                  const LpModellingText *text)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint first = g_list_model_get_n_items (columns) - LP_MODELLING_MAX_COLUMNS;

  for (guint c = 0; c < LP_MODELLING_MAX_COLUMNS; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, first + c);
      guint h = c / 2;
      g_autofree char *title = NULL;

      gtk_column_view_column_set_visible (column, h < text->n_horizons);
      if (h >= text->n_horizons)
        continue;
      title = g_strdup_printf ("%s\n%s", text->horizons[h],
                               c % 2 == 0 ? lp_modelling_text_activity_label () : _("Bed days"));
      gtk_column_view_column_set_title (column, title);
    }
}

void
lp_modelling_view_show_practices (LpModellingView   *self,
                                  LpModellingResult *result)
{
  gtk_label_set_label (self->practices_title, result->text.practices_title);
  lp_modelling_view_figure_columns (self->practices_view, &result->text);
  gtk_sort_list_model_set_model (self->practices_sort, G_LIST_MODEL (result->practices));
}

/* A chart for a handful of localities, a table for more. */
void
lp_modelling_view_show_localities (LpModellingView   *self,
                                   LpModellingResult *result)
{
  g_autofree char *title = lp_modelling_text_localities_title (result->asked.query.per);

  gtk_label_set_label (self->chart_title, title);
  gtk_widget_set_visible (self->chart_box, result->localities == NULL);
  gtk_widget_set_visible (self->localities_box, result->localities != NULL);
  gtk_label_set_label (self->chart_caption, result->localities == NULL
      ? _("Every locality’s grand total in the scenario chosen, to compare them.")
      : _("Every locality’s grand total in the scenario chosen; click a heading to sort by it."));
  if (result->localities != NULL)
    lp_modelling_view_figure_columns (self->localities_view, &result->text);
  gtk_sort_list_model_set_model (self->localities_sort, G_LIST_MODEL (result->localities));
  lp_chart_view_set_chart (self->chart_view, g_steal_pointer (&result->text.chart));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.save-chart",
                                 lp_chart_view_get_chart (self->chart_view) != NULL);
}

/* Nothing modelled: no row of another plan or choice may stay. */
void
lp_modelling_view_clear_tables (LpModellingView *self)
{
  gtk_sort_list_model_set_model (self->practices_sort, NULL);
  gtk_sort_list_model_set_model (self->localities_sort, NULL);
  lp_chart_view_set_chart (self->chart_view, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.save-chart", FALSE);
}
