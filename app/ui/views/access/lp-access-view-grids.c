/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access view's tables, laid out from lp-access-text's words:
 * month by month (a grid: two years of months at most), and capacity by
 * locality and the practices with their planned provision in fields
 * (column views: a plan of England's size has 1,250 localities and 6,500
 * practices), and the trajectory's and capacity rules' short lists.  Months behind the trajectory and capacity shortfalls are
 * in the error colour. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-access-view-private.h"
#include "lp-editable-cell.h"
#include "lp-table-grid.h"
#include "lp-view-common.h"

void
lp_access_view_show_error (LpAccessView *self,
                           const char   *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Headings over two lines where they are long, so that the months fit
 * beside the sidebar at 1024 pixels. */
static void
lp_access_view_headings (GtkGrid           *grid,
                         const char *const *titles)
{
  for (int c = 0; titles[c] != NULL; c++)
    lp_table_grid_cell (grid, titles[c], c, 0, 1,
                        LP_CELL_DIM | LP_CELL_WRAP | LP_CELL_TIGHT | (c > 0 ? LP_CELL_NUMERIC : 0));
}

static void
lp_access_view_months (LpAccessView       *self,
                       const LpAccessText *text)
{
  /* The month the target applies from sits beside it: a quarter's target
   * starts in the quarter's first month, which the target alone does not say. */
  const char *titles[] = { _("Month"), _("Target"), _("Target from"), _("Planned"), _("Actual"),
                           _("Behind by (points)"), _("Required min/week"), _("Offered min/week"),
                           /* Only once a rule per network applies in a month shown. */
                           text->has_pcn_months ? _("In network hours") : NULL, NULL };
  int columns = text->has_pcn_months ? 9 : 8;
  GtkGrid *grid = self->months_grid;

  lp_table_grid_clear (grid);
  lp_access_view_headings (grid, titles);
  for (guint i = 0; i < text->months->len; i++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (text->months, i);
      const char *cells[] = { month->target, month->target_from, month->planned, month->actual, month->gap,
                              month->required, month->offered, month->standard };
      int at = 2 + 2 * (int) i;
      GtkWidget *name;

      lp_table_grid_rule (grid, at - 1, columns);
      name = lp_table_grid_cell (grid, month->month, 0, at, 1, month->behind ? LP_CELL_BOLD : LP_CELL_TEXT);
      gtk_widget_set_hexpand (name, TRUE);
      if (month->target_label != NULL)
        gtk_widget_set_tooltip_text (name, month->target_label);
      for (int c = 0; c < columns - 1; c++)
        {
          GtkWidget *cell = lp_table_grid_cell (grid, cells[c], c + 1, at, 1, LP_CELL_NUMERIC | LP_CELL_TIGHT);

          if (month->behind && cells[c] == month->gap)
            gtk_widget_add_css_class (cell, "error");
        }
    }
}

/* Core reads what was typed; if it refuses, the cell shows why. */
static void
lp_access_view_provision_committed (LpEditableCell *cell,
                                    const char     *typed,
                                    GtkListItem    *item)
{
  LpAccessView *self = g_object_get_data (G_OBJECT (cell), "lp-view");
  const char *field = g_object_get_data (G_OBJECT (cell), "lp-field");
  const LpAccessTextPractice *practice;
  const char *message;

  if (gtk_list_item_get_item (item) == NULL)
    return;
  practice = lp_text_row_get (gtk_list_item_get_item (item));
  if (lp_access_view_enter_provision (self, practice->code, field, typed))
    return;
  message = lp_access_view_get_error (self);
  if (message != NULL)
    lp_editable_cell_show_error (cell, message);
}

/* Each editable column: its core key, its placeholder and width. */
typedef struct {
  const char *field;
  const char *placeholder;
  int         width_chars;
} LpAccessCellColumn;

static const LpAccessCellColumn cell_columns[] = {
  { LP_FIELD_GO_LIVE, N_("DD/MM/YYYY"), 10 },
  { LP_FIELD_END_DATE, N_("Runs on"), 10 },
  { LP_FIELD_LEVEL, N_("Level"), 7 },
  { LP_FIELD_MINUTES, N_("Minutes"), 5 },
};

/* What a screen reader says for a practice's cell. */
static char *
lp_access_view_cell_label (const char *field,
                           const char *practice)
{
  if (g_str_equal (field, LP_FIELD_END_DATE))
    return g_strdup_printf (_("End date of %s"), practice);
  if (g_str_equal (field, LP_FIELD_LEVEL))
    return g_strdup_printf (_("Extended access level of %s"), practice);
  if (g_str_equal (field, LP_FIELD_MINUTES))
    return g_strdup_printf (_("Minutes a week offered by %s"), practice);
  return g_strdup_printf (_("Go-live date of %s"), practice);
}

static void
lp_access_view_cell_setup (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           LpAccessView             *self)
{
  const LpAccessCellColumn *column = g_object_get_data (G_OBJECT (factory), "lp-column");
  LpEditableCell *cell = LP_EDITABLE_CELL (lp_editable_cell_new ());

  /* Room for a date or a figure and no more: the practice's name has the rest. */
  lp_editable_cell_set_width_chars (cell, column->width_chars);
  lp_editable_cell_set_max_width_chars (cell, column->width_chars);
  lp_editable_cell_set_placeholder_text (cell, _(column->placeholder));
  if (g_str_equal (column->field, LP_FIELD_MINUTES))
    lp_editable_cell_set_xalign (cell, 1.0);
  gtk_widget_set_valign (GTK_WIDGET (cell), GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (cell), "lp-view", self);
  g_object_set_data (G_OBJECT (cell), "lp-list-item", item);
  g_object_set_data (G_OBJECT (cell), "lp-field", (gpointer) column->field);
  g_signal_connect (cell, "commit", G_CALLBACK (lp_access_view_provision_committed), item);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static const char *
lp_access_view_cell_text (const LpAccessTextPractice *practice,
                          const char                 *field)
{
  if (g_str_equal (field, LP_FIELD_END_DATE))
    return practice->end_date;
  if (g_str_equal (field, LP_FIELD_LEVEL))
    return practice->plan_level;
  if (g_str_equal (field, LP_FIELD_MINUTES))
    return practice->plan_minutes;
  return practice->go_live;
}

static void
lp_access_view_cell_bind (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          LpAccessView             *self)
{
  const LpAccessCellColumn *column = g_object_get_data (G_OBJECT (factory), "lp-column");
  LpEditableCell *cell = LP_EDITABLE_CELL (gtk_list_item_get_child (item));
  const LpAccessTextPractice *practice = lp_text_row_get (gtk_list_item_get_item (item));
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  g_autofree char *label = lp_access_view_cell_label (column->field, practice->name);

  /* The cell leaves what is being typed in it be. */
  lp_editable_cell_set_text (cell, lp_access_view_cell_text (practice, column->field));
  lp_editable_cell_set_editable (cell, plan != NULL && !lp_plan_is_read_only (plan));
  lp_editable_cell_set_label (cell, label);
}

/* An editable cell of each practice's row: what is typed changes the
 * practice's planned provision, through core; the table then follows
 * the plan. */
static GtkListItemFactory *
lp_access_view_cell_factory (LpAccessView               *self,
                             const LpAccessCellColumn   *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "lp-column", (gpointer) column);
  g_signal_connect (factory, "setup", G_CALLBACK (lp_access_view_cell_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (lp_access_view_cell_bind), self);
  return factory;
}

/* ---- The trajectory's and capacity rules' lists ------------------------ */

static GtkWidget *
lp_access_view_row_button (const char *icon,
                           const char *tooltip,
                           const char *action,
                           gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* A row: its words, its figure, Edit (also the row's activation) and
 * Remove. */
static GtkWidget *
lp_access_view_list_row (const char *title,
                         const char *subtitle,
                         const char *figure,
                         const char *edit_action,
                         const char *edit_tooltip,
                         const char *remove_action,
                         const char *remove_tooltip,
                         gint64      id)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
  GtkWidget *edit = lp_access_view_row_button ("document-edit-symbolic", edit_tooltip, edit_action, id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  if (figure != NULL)
    {
      GtkWidget *label = gtk_label_new (figure);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             lp_access_view_row_button ("user-trash-symbolic", remove_tooltip, remove_action, id));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  return row;
}

static void
lp_access_view_clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* The rows only: the placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A handful of rows each: made again on each refresh. */
void
lp_access_view_show_lists (LpAccessView         *self,
                           const LpAccessResult *result)
{
  g_autofree char *scope = lp_access_text_trajectory_scope (result->locality,
                                                            result->targets_locality_id != 0);

  lp_access_view_clear_list (self->targets_list);
  lp_access_view_clear_list (self->rules_list);
  /* A locality chosen: whose trajectory is listed, and the way to the other. */
  gtk_label_set_label (self->trajectory_scope_label, scope);
  gtk_widget_set_visible (GTK_WIDGET (self->own_trajectory_button), result->locality != NULL);
  if (result->locality != NULL && result->targets_locality_id != 0)
    {
      gtk_button_set_label (self->own_trajectory_button, _("_Use the Plan’s Trajectory"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->own_trajectory_button), "access.use-plan-trajectory");
    }
  else if (result->locality != NULL)
    {
      g_autofree char *give = lp_access_text_own_trajectory_button (result->locality);

      gtk_button_set_label (self->own_trajectory_button, give);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->own_trajectory_button), "access.add-locality-target");
    }
  for (guint i = 0; i < result->targets->len; i++)
    {
      const LpAccessTextTarget *target = g_ptr_array_index (result->targets, i);

      gtk_list_box_append (self->targets_list,
                           lp_access_view_list_row (target->period, target->from, target->target,
                                                    "access.edit-target", _("Edit Target"),
                                                    "access.remove-target", _("Remove Target"), target->id));
    }
  for (guint i = 0; i < result->rules->len; i++)
    {
      const LpAccessTextRule *rule = g_ptr_array_index (result->rules, i);

      gtk_list_box_append (self->rules_list,
                           lp_access_view_list_row (rule->name, rule->detail, NULL,
                                                    "access.edit-rule", _("Edit Capacity Rule"),
                                                    "access.remove-rule", _("Remove Capacity Rule"), rule->id));
    }
}

static GtkWidget *
lp_access_view_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

#define CAPACITY(field) G_STRUCT_OFFSET (LpAccessTextCapacity, field)
#define PCN(field) G_STRUCT_OFFSET (LpAccessTextPcn, field)
#define PCN_LOCALITY(field) G_STRUCT_OFFSET (LpAccessTextPcnLocality, field)
#define PRACTICE(field) G_STRUCT_OFFSET (LpAccessTextPractice, field)

/* The columns of the capacity and practice tables; called once, from init. */
void
lp_access_view_setup_tables (LpAccessView *self)
{
  GtkColumnView *capacity = self->capacity_view;
  GtkColumnView *practices = self->practices_view;

  gtk_list_box_set_placeholder (self->targets_list,
                                lp_access_view_placeholder (_("No targets: add the agreed trajectory.")));
  gtk_list_box_set_placeholder (self->rules_list,
                                lp_access_view_placeholder (_("No capacity rules: the minutes required come from "
                                                              "the default rule in Preferences.")));

  lp_view_common_ensure_css ();
  lp_text_row_add_column (capacity, _("Locality"),
                             lp_text_row_label_factory (CAPACITY (locality), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (capacity, _("Patients"),
                             lp_text_row_label_factory (CAPACITY (population), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (capacity, _("Required min/week"),
                             lp_text_row_label_factory (CAPACITY (required), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (capacity, _("Offered min/week"),
                             lp_text_row_label_factory (CAPACITY (offered), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (capacity, _("Difference"),
                             lp_text_row_label_factory (CAPACITY (difference), CAPACITY (shortfall), "error",
                                                        LP_CELL_NUMERIC), FALSE);

  /* Short headings: the words above the tables give the unit, minutes a week. */
  lp_text_row_add_column (self->pcn_view, _("Network"),
                          lp_text_row_label_factory (PCN (name), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (self->pcn_view, _("Population"),
                          lp_text_row_label_factory (PCN (population), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_view, _("In locality"),
                          lp_text_row_label_factory (PCN (share), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_view, _("Required"),
                          lp_text_row_label_factory (PCN (required), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_view, _("Offered"),
                          lp_text_row_label_factory (PCN (offered), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_view, _("In network hours"),
                          lp_text_row_label_factory (PCN (standard), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_view, _("Difference"),
                          lp_text_row_label_factory (PCN (difference), PCN (shortfall), "error", LP_CELL_NUMERIC),
                          FALSE);
  lp_text_row_add_column (self->pcn_localities_view, _("Locality"),
                          lp_text_row_label_factory (PCN_LOCALITY (locality), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (self->pcn_localities_view, _("Population"),
                          lp_text_row_label_factory (PCN_LOCALITY (population), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_localities_view, _("Required"),
                          lp_text_row_label_factory (PCN_LOCALITY (required), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_localities_view, _("Offered"),
                          lp_text_row_label_factory (PCN_LOCALITY (offered), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_localities_view, _("In network hours"),
                          lp_text_row_label_factory (PCN_LOCALITY (standard), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (self->pcn_localities_view, _("Difference"),
                          lp_text_row_label_factory (PCN_LOCALITY (difference), PCN_LOCALITY (shortfall), "error",
                                                     LP_CELL_NUMERIC), FALSE);

  lp_text_row_add_column (practices, _("Code"),
                             lp_text_row_label_factory (PRACTICE (code), -1, NULL, LP_CELL_DIM), FALSE);
  lp_text_row_add_column (practices, _("Practice"),
                             lp_text_row_label_factory (PRACTICE (name), -1, NULL, LP_CELL_ELLIPSIZE), TRUE);
  lp_text_row_add_column (practices, _("List size"),
                             lp_text_row_label_factory (PRACTICE (list_size), -1, NULL, LP_CELL_NUMERIC), FALSE);
  lp_text_row_add_column (practices, _("Go-live"), lp_access_view_cell_factory (self, &cell_columns[0]), FALSE);
  lp_text_row_add_column (practices, _("Ends"), lp_access_view_cell_factory (self, &cell_columns[1]), FALSE);
  lp_text_row_add_column (practices, _("Level"), lp_access_view_cell_factory (self, &cell_columns[2]), FALSE);
  /* Short headings, so that the practice's name keeps its room at 1024
   * pixels; the words above the table give the unit. */
  lp_text_row_add_column (practices, _("Offered"), lp_access_view_cell_factory (self, &cell_columns[3]), FALSE);
  lp_text_row_add_column (practices, _("Required"),
                             lp_text_row_label_factory (PRACTICE (required), -1, NULL, LP_CELL_NUMERIC), FALSE);
}

/* Empties the tables, with what was shown: nothing to compare with now. */
void
lp_access_view_clear_rows (LpAccessView *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  lp_text_rows_show (self->capacity_rows, none, gtk_widget_get_parent (GTK_WIDGET (self->capacity_view)));
  lp_text_rows_show (self->practice_rows, none, gtk_widget_get_parent (GTK_WIDGET (self->practices_view)));
  lp_text_rows_show (self->pcn_rows, none, gtk_widget_get_parent (GTK_WIDGET (self->pcn_view)));
  lp_text_rows_show (self->pcn_locality_rows, none, gtk_widget_get_parent (GTK_WIDGET (self->pcn_localities_view)));
  g_clear_pointer (&self->shown_capacity, g_ptr_array_unref);
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
}

/* Only the rows that changed are replaced in the tables: a field being
 * typed in elsewhere is left as it is. */
void
lp_access_view_show_result (LpAccessView         *self,
                            const LpAccessResult *result)
{
  const LpAccessText *text = &result->text;

  gtk_label_set_label (self->summary_label, text->summary);
  gtk_label_set_label (self->basis_label, text->basis);
  gtk_label_set_label (self->chart_title, text->chart->title);
  gtk_label_set_label (self->as_at_label, text->as_at);
  lp_chart_view_set_chart (self->chart_view, lp_chart_copy (text->chart));
  lp_access_view_months (self, text);
  g_clear_pointer (&self->shown_capacity, g_ptr_array_unref);
  self->shown_capacity = g_ptr_array_ref (result->capacity_rows);
  lp_text_rows_show (self->capacity_rows, result->capacity_rows,
                     gtk_widget_get_parent (GTK_WIDGET (self->capacity_view)));
  g_clear_pointer (&self->shown_practices, g_ptr_array_unref);
  self->shown_practices = g_ptr_array_ref (result->practice_rows);
  lp_text_rows_show (self->practice_rows, result->practice_rows,
                     gtk_widget_get_parent (GTK_WIDGET (self->practices_view)));
}

/* The networks' section: only for a plan with a rule per network; what is
 * missing first (the practice map's networks, then a session), with the
 * button that provides it. */
void
lp_access_view_show_pcn (LpAccessView         *self,
                         const LpAccessResult *result)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  gboolean tables = result->has_pcn_text && result->n_pcns > 0;

  gtk_widget_set_visible (self->pcn_section, result->has_pcn_rule);
  /* Under a network rule the networks' table by locality takes the place
   * of the practices' capacity by locality, which would require nothing. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->capacity_view)), !result->pcn_as_at);
  if (result->pcn_as_at)
    {
      /* TRANSLATORS: %s is a month, "November 2022" */
      g_autofree char *as_at = g_strdup_printf (_("Practices as at %s"), result->pcn_text.month);

      gtk_label_set_label (self->as_at_label, as_at);
    }
  lp_access_view_clear_list (self->sessions_list);
  if (!result->has_pcn_rule)
    return;
  gtk_label_set_label (self->pcn_heading, result->has_pcn_text ? result->pcn_text.heading
                                                               : _("Enhanced Access by Network"));
  gtk_label_set_label (self->pcn_basis_label,
                       result->has_pcn_text ? result->pcn_text.basis
                       : _("No month shown is under a rule per primary care network: choose months from "
                           "the rule’s start."));
  gtk_widget_set_visible (self->pcn_empty_box, result->n_pcns == 0 || result->n_sessions == 0);
  gtk_widget_set_visible (self->pcn_import_button, result->n_pcns == 0);
  gtk_widget_set_visible (self->pcn_add_session_button, result->n_pcns > 0 && result->n_sessions == 0);
  /* The empty card's button stands in for the heading's until a session exists. */
  gtk_widget_set_visible (self->add_session_button, result->n_pcns > 0 && result->n_sessions > 0);
  if (result->n_pcns == 0)
    gtk_label_set_label (self->pcn_empty_label,
                         _("No primary care networks: the practice map puts each practice in its network. "
                           "Import the practice map, then add each network’s sessions."));
  else if (result->n_sessions == 0)
    gtk_label_set_label (self->pcn_empty_label,
                         _("No enhanced access sessions: add each network’s evening and Saturday sessions, "
                           "with their times, to count the minutes offered."));
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->pcn_view)), tables);
  /* A network's share in the locality says nothing when all are shown. */
  {
    g_autoptr(GtkColumnViewColumn) share = g_list_model_get_item (gtk_column_view_get_columns (self->pcn_view), 2);

    gtk_column_view_column_set_visible (share, result->locality_id != 0);
  }
  gtk_widget_set_visible (self->pcn_localities_label, tables);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->pcn_localities_view)), tables);
  gtk_widget_set_visible (self->sessions_label, result->sessions != NULL && result->sessions->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_list), result->sessions != NULL && result->sessions->len > 0);
  lp_text_rows_show (self->pcn_rows, tables ? result->pcn_rows : none,
                     gtk_widget_get_parent (GTK_WIDGET (self->pcn_view)));
  lp_text_rows_show (self->pcn_locality_rows, tables ? result->pcn_locality_rows : none,
                     gtk_widget_get_parent (GTK_WIDGET (self->pcn_localities_view)));
  for (guint i = 0; result->sessions != NULL && i < result->sessions->len; i++)
    {
      const LpAccessTextSession *session = g_ptr_array_index (result->sessions, i);

      gtk_list_box_append (self->sessions_list,
                           lp_access_view_list_row (session->title, session->detail, NULL,
                                                    "access.edit-session", _("Edit Session"),
                                                    "access.remove-session", _("Remove Session"), session->id));
    }
}
