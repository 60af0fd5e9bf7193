/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Practice Page (see lp-practice-page-view.h).  Core computes the
 * figures (lp_plan_model_practice), lp-practice-text words them; this
 * widget lays the words out, again whenever the plan or a picker changes. */
#include "config.h"

#include "lp-settings.h"

#include <glib/gi18n.h>

#include "lp-plan-watch.h"
#include "lp-practice-page-output.h"
#include "lp-practice-page-view.h"
#include "lp-table-grid.h"

struct _LpPracticePageView
{
  LpView          parent_instance;

  AdwStatusPage  *empty_page;
  GtkDropDown    *practice_dropdown;   /* LpPractice items from core, by name */
  GtkDropDown    *scenario_dropdown;   /* LpScenario items from core */
  GtkLabel       *title_label;
  GtkLabel       *details_label;
  GtkLabel       *scenario_label;
  GtkLabel       *no_changes_label;
  GtkLabel       *access_label;
  GtkLabel       *workforce_label;
  GtkGrid        *table_grid;
  GtkLabel       *convention_label;

  LpPlan         *plan;
  LpPracticeText  text;          /* what the page shows now */
  gboolean        has_text;
  GHashTable     *grid_rows;     /* row name -> its row in table_grid */
  gboolean        weeks_365_7;
  gboolean        access_partial;    /* the Extended Access preferences */
  guint           default_minutes;
  gboolean        updating;      /* refilling the pickers: no reload per step */
};

G_DEFINE_FINAL_TYPE (LpPracticePageView, lp_practice_page_view, LP_TYPE_VIEW)

static GtkStack *
lp_practice_page_view_stack (LpPracticePageView *self)
{
  return GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (self)));
}

static void
lp_practice_page_view_forget (LpPracticePageView *self)
{
  if (self->has_text)
    lp_practice_text_clear (&self->text);
  self->has_text = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice-page.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice-page.save-pdf", FALSE);
}

static void
lp_practice_page_view_show_status (LpPracticePageView *self,
                                   const char         *title,
                                   const char         *description)
{
  lp_practice_page_view_forget (self);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (lp_practice_page_view_stack (self), "empty");
}

/* Three heading rows (horizon; measure; a month, a week), as on paper. */
static int
lp_practice_page_view_headings (LpPracticePageView *self)
{
  GtkGrid *grid = self->table_grid;

  lp_table_grid_cell (grid, _("Pathway"), 0, 2, 1, LP_CELL_DIM);
  for (guint h = 0; h < self->text.n_horizons; h++)
    {
      int first = 1 + LP_PRACTICE_TEXT_PER_HORIZON * (int) h;

      lp_table_grid_cell (grid, self->text.horizons[h], first, 0, LP_PRACTICE_TEXT_PER_HORIZON,
                          LP_CELL_BOLD | LP_CELL_CENTER);
      for (guint c = 0; c < LP_PRACTICE_TEXT_PER_HORIZON; c += 2)
        lp_table_grid_cell (grid, lp_practice_text_measure (c), first + (int) c, 1, 2,
                            LP_CELL_DIM | LP_CELL_CENTER | LP_CELL_TIGHT);
      for (guint c = 0; c < LP_PRACTICE_TEXT_PER_HORIZON; c++)
        lp_table_grid_cell (grid, lp_practice_text_period (c), first + (int) c, 2, 1,
                            LP_CELL_DIM | LP_CELL_NUMERIC | LP_CELL_TIGHT);
    }
  return 3;
}

static void
lp_practice_page_view_show_table (LpPracticePageView *self)
{
  int width = 1 + LP_PRACTICE_TEXT_PER_HORIZON * (int) self->text.n_horizons;
  int at;

  lp_table_grid_clear (self->table_grid);
  g_hash_table_remove_all (self->grid_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->table_grid), !self->text.empty);
  gtk_widget_set_visible (GTK_WIDGET (self->no_changes_label), self->text.empty);
  if (self->text.empty)
    return;
  at = lp_practice_page_view_headings (self);
  for (guint i = 0; i < self->text.rows->len; i++)
    {
      const LpPracticeTextRow *row = g_ptr_array_index (self->text.rows, i);
      LpCellStyle style = LP_CELL_NUMERIC | LP_CELL_TIGHT | (row->total ? LP_CELL_BOLD : 0);

      lp_table_grid_rule (self->table_grid, at++, width);
      gtk_widget_set_hexpand (lp_table_grid_cell (self->table_grid, row->name, 0, at, 1,
                                                  row->total ? LP_CELL_BOLD : LP_CELL_TEXT), TRUE);
      for (guint c = 0; c < LP_PRACTICE_TEXT_PER_HORIZON * self->text.n_horizons; c++)
        lp_table_grid_cell (self->table_grid, row->cells[c], 1 + (int) c, at, 1, style);
      g_hash_table_insert (self->grid_rows, g_strdup (row->name), GINT_TO_POINTER (at));
      at++;
    }
}

static void
lp_practice_page_view_show (LpPracticePageView *self)
{
  gtk_label_set_label (self->title_label, self->text.title);
  gtk_label_set_label (self->details_label, self->text.details);
  gtk_label_set_label (self->scenario_label, self->text.scenario);
  gtk_label_set_label (self->convention_label, self->text.convention);
  gtk_label_set_label (self->access_label, self->text.access != NULL ? self->text.access : "");
  gtk_widget_set_visible (GTK_WIDGET (self->access_label), self->text.access != NULL);
  gtk_label_set_label (self->workforce_label, self->text.workforce != NULL ? self->text.workforce : "");
  gtk_widget_set_visible (GTK_WIDGET (self->workforce_label), self->text.workforce != NULL);
  if (self->text.access_short)
    gtk_widget_add_css_class (GTK_WIDGET (self->access_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->access_label), "error");
  lp_practice_page_view_show_table (self);
  gtk_stack_set_visible_child_name (lp_practice_page_view_stack (self), "page");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice-page.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice-page.save-pdf", TRUE);
}

/* The practice's extended access at the plan's reference month: its own
 * row of core's practice list, and the rule in force then. */
static void
lp_practice_page_view_add_access (LpPracticePageView *self,
                                  LpPractice         *practice,
                                  LpScenario         *scenario)
{
  g_autofree char *reference = lp_plan_dup_reference_date (self->plan, NULL);
  g_autofree char *month = g_strndup (reference != NULL ? reference : "", 7);
  LpAccessQuery query = { lp_practice_get_locality_id (practice),
                          scenario != NULL ? lp_scenario_get_id (scenario) : 0, month, month,
                          self->access_partial, self->default_minutes };
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(LpAccessTable) table = NULL;

  if ((practices = lp_plan_access_practices (self->plan, &query, month, NULL)) == NULL ||
      (table = lp_plan_access (self->plan, &query, NULL)) == NULL || table->months->len == 0)
    return;
  for (guint i = 0; i < practices->len; i++)
    {
      const LpAccessPractice *row = g_ptr_array_index (practices, i);

      if (row->practice_id == lp_practice_get_id (practice))
        lp_practice_text_set_access (&self->text, row,
                                     ((LpAccessMonth *) g_ptr_array_index (table->months, 0))->rule, month);
    }
}

/* The practice's workforce at the baseline and the GPs planned at the end
 * of the table; nothing when the plan has no workforce figures. */
static void
lp_practice_page_view_add_workforce (LpPracticePageView *self,
                                     LpPractice         *practice,
                                     LpScenario         *scenario)
{
  LpWorkforceQuery query = { 0, lp_practice_get_id (practice), scenario != NULL ? lp_scenario_get_id (scenario) : 0,
                             "GP", NULL };
  g_autoptr(LpWorkforceTable) table = lp_plan_workforce (self->plan, &query, NULL);
  LpWorkforceRatios ratios;

  if (table == NULL || table->quarters->len == 0 || !lp_plan_workforce_ratios (self->plan, &query, &ratios, NULL))
    return;
  lp_practice_text_set_workforce (&self->text, &ratios, table->baseline_date,
                                  g_ptr_array_index (table->quarters, table->quarters->len - 1));
}

/* Core models on the main thread, which owns the plan's connection: two
 * tables of one locality, a fraction of a millisecond on the sample. */
static void
lp_practice_page_view_reload (LpPracticePageView *self)
{
  LpPractice *practice = gtk_drop_down_get_selected_item (self->practice_dropdown);
  LpScenario *scenario = gtk_drop_down_get_selected_item (self->scenario_dropdown);
  g_autoptr(LpPracticeModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (self->plan == NULL || practice == NULL)
    {
      lp_practice_page_view_show_status (self, self->plan == NULL ? _("No Plan Open") : _("No Practices Yet"),
          self->plan == NULL ? NULL
          : _("Import a practice list or add practices, put them in localities, and each "
              "practice’s page shows its share of the modelled changes."));
      return;
    }
  model = lp_plan_model_practice (self->plan, lp_practice_get_id (practice),
                                  scenario != NULL ? lp_scenario_get_id (scenario) : 0,
                                  self->weeks_365_7, &error);
  if (model == NULL)
    {
      lp_practice_page_view_show_status (self, _("No Page for This Practice"), error->message);
      return;
    }
  lp_practice_page_view_forget (self);
  lp_practice_text_build (model, scenario != NULL ? lp_scenario_get_name (scenario) : "", &self->text);
  self->has_text = TRUE;
  lp_practice_page_view_add_access (self, practice, scenario);
  lp_practice_page_view_add_workforce (self, practice, scenario);
  lp_practice_page_view_show (self);
}

/* Selects the item of @model whose "id" is @id; FALSE if none has it. */
static gboolean
lp_practice_page_view_select_id (GtkDropDown *dropdown,
                                 gint64       id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id;

      g_object_get (item, "id", &item_id, NULL);
      if (item_id == id)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

static gint64
lp_practice_page_view_selected_id (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

/* Practices by name, then the scenarios; the choices survive a refill
 * unless their practice or scenario is gone. */
static void
lp_practice_page_view_fill (LpPracticePageView *self)
{
  gint64 practice = lp_practice_page_view_selected_id (self->practice_dropdown);
  gint64 scenario = lp_practice_page_view_selected_id (self->scenario_dropdown);
  g_autoptr(GListModel) practices = self->plan != NULL ? lp_plan_list_practices (self->plan, 0, NULL) : NULL;
  g_autoptr(GListModel) scenarios = self->plan != NULL ? lp_plan_list_scenarios (self->plan, NULL) : NULL;
  GtkSorter *by_name = GTK_SORTER (gtk_string_sorter_new (
      gtk_property_expression_new (LP_TYPE_PRACTICE, NULL, "name")));
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_steal_pointer (&practices), by_name);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->practice_dropdown, G_LIST_MODEL (sorted));
  gtk_drop_down_set_model (self->scenario_dropdown, scenarios);
  if (practice == 0 || !lp_practice_page_view_select_id (self->practice_dropdown, practice))
    gtk_drop_down_set_selected (self->practice_dropdown, 0);
  if (scenario == 0 || !lp_practice_page_view_select_id (self->scenario_dropdown, scenario))
    gtk_drop_down_set_selected (self->scenario_dropdown, 0);
  self->updating = FALSE;
  g_object_unref (sorted);
  lp_practice_page_view_reload (self);
}

static void
lp_practice_page_view_plan_changed (LpPracticePageView *self,
                                    const char         *table)
{
  lp_practice_page_view_fill (self);
}

/* The plan was set, or a table the view reads changed. */
static void
lp_practice_page_view_refresh (LpView *view)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (view);
  gboolean new_plan = self->plan != lp_view_get_plan (view);

  g_set_object (&self->plan, lp_view_get_plan (view));
  if (new_plan)
    lp_practice_page_view_fill (self);
  else
    lp_practice_page_view_plan_changed (self, NULL);
}

void
lp_practice_page_view_set_weeks_365_7 (LpPracticePageView *self,
                                       gboolean            exact)
{
  g_return_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self));

  if (self->weeks_365_7 == !!exact)
    return;
  self->weeks_365_7 = !!exact;
  lp_practice_page_view_reload (self);
}

/* The Extended Access preferences, so that the page's access line agrees
 * with that view. */
void
lp_practice_page_view_set_access_preferences (LpPracticePageView *self,
                                              gboolean            partial_counts,
                                              guint               default_minutes)
{
  g_return_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self));

  if (self->access_partial == !!partial_counts && self->default_minutes == default_minutes)
    return;
  self->access_partial = !!partial_counts;
  self->default_minutes = default_minutes;
  lp_practice_page_view_reload (self);
}

gboolean
lp_practice_page_view_select_practice (LpPracticePageView *self,
                                       const char         *ods_code)
{
  g_return_val_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self), FALSE);

  return self->plan != NULL &&
         lp_practice_page_view_select_id (self->practice_dropdown, lp_plan_find_practice (self->plan, ods_code));
}

const char *
lp_practice_page_view_get_title (LpPracticePageView *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self), NULL);

  return self->has_text ? self->text.title : NULL;
}

const char *
lp_practice_page_view_get_cell (LpPracticePageView *self,
                                const char         *row,
                                guint               column)
{
  gpointer at;
  GtkWidget *label;

  g_return_val_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self), NULL);

  if (!g_hash_table_lookup_extended (self->grid_rows, row, NULL, &at))
    return NULL;
  label = gtk_grid_get_child_at (self->table_grid, 1 + (int) column, GPOINTER_TO_INT (at));
  return GTK_IS_LABEL (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

const LpPracticeText *
lp_practice_page_view_get_text (LpPracticePageView *self)
{
  g_return_val_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self), NULL);

  return self->has_text ? &self->text : NULL;
}

static void
lp_practice_page_view_print_activated (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (widget);

  if (self->has_text)
    lp_practice_page_print (widget, &self->text);
}

static void
lp_practice_page_view_save_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (widget);

  if (self->has_text)
    lp_practice_page_save_pdf (widget, &self->text);
}

static void
lp_practice_page_view_dispose (GObject *object)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (object);

  lp_plan_watch_clear (&self->plan, self);
  G_OBJECT_CLASS (lp_practice_page_view_parent_class)->dispose (object);
}

static void
lp_practice_page_view_finalize (GObject *object)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (object);

  if (self->has_text)
    lp_practice_text_clear (&self->text);
  g_hash_table_unref (self->grid_rows);
  G_OBJECT_CLASS (lp_practice_page_view_parent_class)->finalize (object);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpPracticePageView, name)

/* The preferences this view shows its figures by. */
static void
lp_practice_page_view_apply_settings (gpointer    owner,
                    const char *key,
                    GSettings  *settings)
{
  LpPracticePageView *self = owner;

  lp_practice_page_view_set_weeks_365_7 (self, g_settings_get_boolean (settings, LP_SETTINGS_WEEKS_365_7));
  lp_practice_page_view_set_access_preferences (self,
                                                g_settings_get_boolean (settings, LP_SETTINGS_ACCESS_PARTIAL),
                                                g_settings_get_uint (settings, LP_SETTINGS_DEFAULT_CAPACITY));
}

static void
lp_practice_page_view_class_init (LpPracticePageViewClass *klass)
{
  LP_VIEW_CLASS (klass)->refresh = lp_practice_page_view_refresh;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_practice_page_view_dispose;
  object_class->finalize = lp_practice_page_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-practice-page-view.ui");
  BIND_CHILD (empty_page);
  BIND_CHILD (practice_dropdown);
  BIND_CHILD (scenario_dropdown);
  BIND_CHILD (title_label);
  BIND_CHILD (details_label);
  BIND_CHILD (scenario_label);
  BIND_CHILD (no_changes_label);
  BIND_CHILD (access_label);
  BIND_CHILD (workforce_label);
  BIND_CHILD (table_grid);
  BIND_CHILD (convention_label);
  gtk_widget_class_install_action (widget_class, "practice-page.print", NULL,
                                   lp_practice_page_view_print_activated);
  gtk_widget_class_install_action (widget_class, "practice-page.save-pdf", NULL,
                                   lp_practice_page_view_save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "practice-page.print", NULL);
  /* The pickers' expressions name the types; the builder needs them registered. */
  g_type_ensure (LP_TYPE_PRACTICE);
  g_type_ensure (LP_TYPE_SCENARIO);
}

static void
lp_practice_page_view_init (LpPracticePageView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_WEEKS_365_7, LP_SETTINGS_ACCESS_PARTIAL, LP_SETTINGS_DEFAULT_CAPACITY, NULL };

  self->grid_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->practice_dropdown, "notify::selected",
                            G_CALLBACK (lp_practice_page_view_reload), self);
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected",
                            G_CALLBACK (lp_practice_page_view_reload), self);
  lp_practice_page_view_reload (self);
  lp_settings_follow (self, settings_keys, lp_practice_page_view_apply_settings);
}

GtkWidget *
lp_practice_page_view_new (void)
{
  return g_object_new (LP_TYPE_PRACTICE_PAGE_VIEW, NULL);
}
