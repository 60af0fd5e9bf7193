/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Practice Page (see lp-practice-page-view.h).  On the plan's worker
 * core lists the practices and scenarios to choose from and computes the
 * chosen practice's figures (lp_plan_model_practice, its extended access
 * and workforce), and lp-practice-text words them; this widget puts the
 * lists in the pickers and lays the words out, again whenever the plan,
 * a picker or a preference changes. */
#include "config.h"

#include "lp-settings.h"

#include <glib/gi18n.h>

#include "lp-practice-page-output.h"
#include "lp-practice-page-view.h"
#include "lp-table-grid.h"

struct _LpPracticePageView
{
  LpView          parent_instance;

  AdwStatusPage  *empty_page;
  GtkDropDown    *practice_dropdown;   /* LpPracticeName items from the worker, by name */
  GtkDropDown    *scenario_dropdown;   /* LpScenario items from the worker */
  GtkStack       *sheet_stack;         /* the page, or why there is none */
  GtkLabel       *status_title;
  GtkLabel       *status_description;
  GtkLabel       *title_label;
  GtkLabel       *details_label;
  GtkLabel       *scenario_label;
  GtkLabel       *no_changes_label;
  GtkLabel       *access_label;
  GtkLabel       *workforce_label;
  GtkLabel       *population_label;
  GtkGrid        *table_grid;
  GtkLabel       *convention_label;

  LpPracticeText  text;          /* what the page shows now */
  gboolean        has_text;
  GHashTable     *grid_rows;     /* row name -> its row in table_grid */
  gboolean        weeks_365_7;
  gboolean        access_partial;    /* the Extended Access preferences */
  guint           default_minutes;

  gint64          practice_id;   /* chosen; 0: the first by name */
  char           *practice_code; /* asked for by code, until the worker finds it */
  gint64          scenario_id;   /* chosen; 0: the first, the base */
  guint           practices_digest;  /* of the list the practice picker holds */
  guint           scenarios_digest;
  gboolean        updating;      /* the view itself is refilling the pickers */
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

/* No plan, or no practices: nothing to choose from either. */
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

/* The practice chosen has no page: why, under the pickers, so that
 * another can be chosen. */
static void
lp_practice_page_view_show_no_page (LpPracticePageView *self,
                                    const char         *title,
                                    const char         *description)
{
  lp_practice_page_view_forget (self);
  gtk_label_set_label (self->status_title, title);
  gtk_label_set_label (self->status_description, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_description), description != NULL);
  gtk_stack_set_visible_child_name (self->sheet_stack, "status");
  gtk_stack_set_visible_child_name (lp_practice_page_view_stack (self), "page");
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
lp_practice_page_view_show_text (LpPracticePageView *self)
{
  gtk_label_set_label (self->title_label, self->text.title);
  gtk_label_set_label (self->details_label, self->text.details);
  gtk_label_set_label (self->scenario_label, self->text.scenario);
  gtk_label_set_label (self->convention_label, self->text.convention);
  gtk_label_set_label (self->access_label, self->text.access != NULL ? self->text.access : "");
  gtk_widget_set_visible (GTK_WIDGET (self->access_label), self->text.access != NULL);
  gtk_label_set_label (self->workforce_label, self->text.workforce != NULL ? self->text.workforce : "");
  gtk_widget_set_visible (GTK_WIDGET (self->workforce_label), self->text.workforce != NULL);
  gtk_label_set_label (self->population_label, self->text.population != NULL ? self->text.population : "");
  gtk_widget_set_visible (GTK_WIDGET (self->population_label), self->text.population != NULL);
  if (self->text.access_short)
    gtk_widget_add_css_class (GTK_WIDGET (self->access_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->access_label), "error");
  lp_practice_page_view_show_table (self);
  gtk_stack_set_visible_child_name (self->sheet_stack, "sheet");
  gtk_stack_set_visible_child_name (lp_practice_page_view_stack (self), "page");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice-page.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice-page.save-pdf", TRUE);
}

/* What the worker is asked: the choices and the preferences. */
typedef struct {
  gint64    practice_id;
  char     *practice_code;
  gint64    scenario_id;
  gboolean  weeks_365_7;
  gboolean  access_partial;
  guint     default_minutes;
  guint     practices_digest;   /* of the lists the pickers hold now */
  guint     scenarios_digest;
} LpPracticePageInput;

static void
lp_practice_page_input_free (LpPracticePageInput *input)
{
  g_free (input->practice_code);
  g_free (input);
}

/* What it answers: the pickers' lists (when they changed) and choices,
 * and the page's words or why there is no page. */
typedef struct {
  GListModel     *practices;         /* NULL: the picker's list still holds */
  guint           practices_digest;
  guint           practice_position;
  gint64          practice_id;
  char           *practice_code;     /* the code that was asked for */
  GListModel     *scenarios;         /* NULL: likewise */
  guint           scenarios_digest;
  guint           scenario_position;
  gint64          scenario_id;
  LpPracticeText *text;              /* NULL: no page, for status_title's reason */
  char           *status_title;
  char           *status_description;
  gboolean        no_practices;
} LpPracticePageResult;

static void
lp_practice_page_result_free (LpPracticePageResult *result)
{
  g_clear_object (&result->practices);
  g_free (result->practice_code);
  g_clear_object (&result->scenarios);
  lp_practice_text_free (result->text);
  g_free (result->status_title);
  g_free (result->status_description);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpPracticePageResult, lp_practice_page_result_free)

/* Tells whether a list read again is the one a picker holds, so that the
 * picker keeps it (and an open popover its place) when nothing changed. */
static guint
lp_practice_page_digest (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  guint digest = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;
      g_autofree char *detail = NULL;
      gint64 id;

      if (LP_IS_PRACTICE_NAME (item))
        {
          id = lp_practice_name_get_id (LP_PRACTICE_NAME (item));
          name = g_strdup (lp_practice_name_get_name (LP_PRACTICE_NAME (item)));
          detail = g_strconcat (lp_practice_name_get_ods_code (LP_PRACTICE_NAME (item)), "\n",
                                lp_practice_name_get_locality_name (LP_PRACTICE_NAME (item)), NULL);
        }
      else
        {
          id = lp_scenario_get_id (LP_SCENARIO (item));
          name = g_strdup (lp_scenario_get_name (LP_SCENARIO (item)));
        }
      digest = digest * 31 + g_int64_hash (&id);
      digest = digest * 31 + g_str_hash (name != NULL ? name : "");
      digest = digest * 31 + g_str_hash (detail != NULL ? detail : "");
    }
  return digest;
}

/* The position of the item with @id, or 0 (the first) when none has it. */
static guint
lp_practice_page_position (GListModel *model,
                           gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n && id != 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id = LP_IS_PRACTICE_NAME (item) ? lp_practice_name_get_id (LP_PRACTICE_NAME (item))
                                                  : lp_scenario_get_id (LP_SCENARIO (item));

      if (item_id == id)
        return i;
    }
  return 0;
}

/* On the worker: the practice's extended access at the plan's reference
 * month, its own row of core's practice list, and the rule in force then. */
static void
lp_practice_page_add_access (LpPlan                    *reader,
                             const LpPracticePageInput *input,
                             LpPractice                *practice,
                             gint64                     scenario_id,
                             LpPracticeText            *text)
{
  g_autofree char *reference = lp_plan_dup_reference_date (reader, NULL);
  g_autofree char *month = g_strndup (reference != NULL ? reference : "", 7);
  LpAccessQuery query = { lp_practice_get_locality_id (practice), scenario_id, month, month,
                          input->access_partial, input->default_minutes };
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(LpAccessTable) table = NULL;

  if ((practices = lp_plan_access_practices (reader, &query, month, NULL)) == NULL ||
      (table = lp_plan_access (reader, &query, NULL)) == NULL || table->months->len == 0)
    return;
  for (guint i = 0; i < practices->len; i++)
    {
      const LpAccessPractice *row = g_ptr_array_index (practices, i);

      if (row->practice_id == lp_practice_get_id (practice))
        lp_practice_text_set_access (text, row, ((LpAccessMonth *) g_ptr_array_index (table->months, 0))->rule,
                                     month);
    }
}

/* On the worker: the practice's workforce at the baseline and the GPs
 * planned at the end of the table; nothing when the plan has no
 * workforce figures. */
static double
lp_practice_page_add_workforce (LpPlan         *reader,
                                LpPractice     *practice,
                                gint64          scenario_id,
                                LpPracticeText *text)
{
  LpWorkforceQuery query = { 0, lp_practice_get_id (practice), scenario_id, "GP", NULL };
  g_autoptr(LpWorkforceTable) table = lp_plan_workforce (reader, &query, NULL);
  LpWorkforceRatios ratios;

  if (table == NULL || table->quarters->len == 0 || !lp_plan_workforce_ratios (reader, &query, &ratios, NULL))
    return 0;
  lp_practice_text_set_workforce (text, &ratios, table->baseline_date,
                                  g_ptr_array_index (table->quarters, table->quarters->len - 1));
  return ratios.gp_fte;
}

/* On the worker: the practice's older patients from the latest age
 * profiles, and its weighted populations with patients per GP FTE on
 * each; nothing when the plan holds neither. */
static void
lp_practice_page_add_population (LpPlan         *reader,
                                 LpPractice     *practice,
                                 double          gp_fte,
                                 LpPracticeText *text)
{
  gint64 aged[LP_OVERVIEW_N_AGE_BANDS];
  g_autofree char *extract = NULL;
  g_autoptr(GPtrArray) weighted = lp_plan_list_practice_weighted (reader, lp_practice_get_id (practice),
                                                                  gp_fte, NULL);
  gboolean has_ages = lp_plan_get_practice_ages (reader, lp_practice_get_id (practice), aged, &extract, NULL);

  lp_practice_text_set_population (text, has_ages ? aged : NULL, extract, weighted, gp_fte > 0);
}

/* On the worker: the chosen practice's page, worded; or why it has none. */
static void
lp_practice_page_build (LpPlan                    *reader,
                        const LpPracticePageInput *input,
                        LpScenario                *scenario,
                        LpPracticePageResult      *result)
{
  g_autoptr(LpPractice) practice = NULL;
  g_autoptr(LpPracticeModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if ((practice = lp_plan_get_practice (reader, result->practice_id, &error)) == NULL ||
      (model = lp_plan_model_practice (reader, result->practice_id, result->scenario_id, input->weeks_365_7,
                                       &error)) == NULL)
    {
      result->status_title = g_strdup (_("No Page for This Practice"));
      result->status_description = g_strdup (error->message);
      return;
    }
  result->text = g_new0 (LpPracticeText, 1);
  lp_practice_text_build (model, scenario != NULL ? lp_scenario_get_name (scenario) : "", result->text);
  lp_practice_page_add_access (reader, input, practice, result->scenario_id, result->text);
  lp_practice_page_add_population (reader, practice,
                                   lp_practice_page_add_workforce (reader, practice, result->scenario_id, result->text),
                                   result->text);
}

static gpointer
lp_practice_page_view_read (LpPlan        *reader,
                            gpointer       data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const LpPracticePageInput *input = data;
  g_autoptr(LpPracticePageResult) result = g_new0 (LpPracticePageResult, 1);
  g_autoptr(LpScenario) scenario = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 asked;

  if ((result->practices = lp_plan_list_practice_names (reader, error)) == NULL ||
      (result->scenarios = lp_plan_list_scenarios (reader, error)) == NULL)
    return NULL;
  result->practices_digest = lp_practice_page_digest (result->practices);
  result->scenarios_digest = lp_practice_page_digest (result->scenarios);
  result->practice_code = g_strdup (input->practice_code);
  /* A code asked for that the plan does not have leaves the choice as it was. */
  asked = input->practice_code != NULL ? lp_plan_find_practice (reader, input->practice_code) : 0;
  result->practice_position = lp_practice_page_position (result->practices,
                                                         asked != 0 ? asked : input->practice_id);
  result->scenario_position = lp_practice_page_position (result->scenarios, input->scenario_id);
  if (g_list_model_get_n_items (result->scenarios) > 0)
    {
      scenario = g_list_model_get_item (result->scenarios, result->scenario_position);
      result->scenario_id = lp_scenario_get_id (scenario);
    }
  if (g_list_model_get_n_items (result->practices) == 0)
    result->no_practices = TRUE;
  else
    {
      g_autoptr(LpPracticeName) practice = g_list_model_get_item (result->practices, result->practice_position);

      result->practice_id = lp_practice_name_get_id (practice);
      lp_practice_page_build (reader, input, scenario, result);
    }
  /* The pickers keep lists that have not changed. */
  if (result->practices_digest == input->practices_digest)
    g_clear_object (&result->practices);
  if (result->scenarios_digest == input->scenarios_digest)
    g_clear_object (&result->scenarios);
  g_debug ("Practice Page: read and worded on the worker in %.1f ms",
           (g_get_monotonic_time () - start) / 1000.0);
  return g_steal_pointer (&result);
}

/* Puts @model (if new) in @dropdown and selects @position, without the
 * view taking either for a choice. */
static void
lp_practice_page_view_set_choices (LpPracticePageView *self,
                                   GtkDropDown        *dropdown,
                                   GListModel         *model,
                                   guint              *digest,
                                   guint               new_digest,
                                   guint               position)
{
  self->updating = TRUE;
  if (model != NULL)
    {
      gtk_drop_down_set_model (dropdown, model);
      *digest = new_digest;
    }
  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);
  self->updating = FALSE;
}

static void
lp_practice_page_view_show (LpView       *view,
                            gpointer      data,
                            const GError *error)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (view);
  g_autoptr(LpPracticePageResult) result = data;
  gint64 start = g_get_monotonic_time ();

  if (result == NULL)
    {
      lp_practice_page_view_show_status (self, _("The Practice Page Cannot Be Shown"), error->message);
      return;
    }
  lp_practice_page_view_set_choices (self, self->practice_dropdown, result->practices, &self->practices_digest,
                                     result->practices_digest, result->practice_position);
  lp_practice_page_view_set_choices (self, self->scenario_dropdown, result->scenarios, &self->scenarios_digest,
                                     result->scenarios_digest, result->scenario_position);
  self->practice_id = result->practice_id;
  self->scenario_id = result->scenario_id;
  if (g_strcmp0 (self->practice_code, result->practice_code) == 0)
    g_clear_pointer (&self->practice_code, g_free);
  if (result->no_practices)
    lp_practice_page_view_show_status (self, _("No Practices Yet"),
        _("Import a practice list or add practices, put them in localities, and each "
          "practice’s page shows its share of the modelled changes."));
  else if (result->text == NULL)
    lp_practice_page_view_show_no_page (self, result->status_title, result->status_description);
  else
    {
      lp_practice_page_view_forget (self);
      self->text = *result->text;
      self->has_text = TRUE;
      /* The words are the view's now; only the shell goes. */
      g_clear_pointer (&result->text, g_free);
      lp_practice_page_view_show_text (self);
    }
  g_debug ("Practice Page: shown in %.1f ms on the main thread", (g_get_monotonic_time () - start) / 1000.0);
}

/* The plan was set, a table the view reads changed, or a choice or a
 * preference did: the page is read again on the plan's worker.  Until it
 * comes the view keeps the page it shows. */
static void
lp_practice_page_view_refresh (LpView *view)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (view);
  LpPracticePageInput *input;

  if (lp_view_get_plan (view) == NULL)
    {
      lp_practice_page_view_show_status (self, _("No Plan Open"), NULL);
      return;
    }
  input = g_new0 (LpPracticePageInput, 1);
  input->practice_id = self->practice_id;
  input->practice_code = g_strdup (self->practice_code);
  input->scenario_id = self->scenario_id;
  input->weeks_365_7 = self->weeks_365_7;
  input->access_partial = self->access_partial;
  input->default_minutes = self->default_minutes;
  input->practices_digest = self->practices_digest;
  input->scenarios_digest = self->scenarios_digest;
  lp_view_run (view, lp_practice_page_view_read, input, (GDestroyNotify) lp_practice_page_input_free,
               (GDestroyNotify) lp_practice_page_result_free, lp_practice_page_view_show);
}

/* Another plan: its practices are not the last plan's, and nothing of
 * that one may stay on screen while this one's are read. */
static void
lp_practice_page_view_plan_set (LpPracticePageView *self,
                                GParamSpec         *pspec,
                                gpointer            user_data)
{
  self->practice_id = 0;
  self->scenario_id = 0;
  g_clear_pointer (&self->practice_code, g_free);
  self->practices_digest = self->scenarios_digest = 0;
  self->updating = TRUE;
  gtk_drop_down_set_model (self->practice_dropdown, NULL);
  gtk_drop_down_set_model (self->scenario_dropdown, NULL);
  self->updating = FALSE;
  lp_practice_page_view_forget (self);
  if (lp_view_get_plan (LP_VIEW (self)) == NULL)
    lp_practice_page_view_show_status (self, _("No Plan Open"), NULL);
  else
    gtk_stack_set_visible_child_name (lp_practice_page_view_stack (self), "loading");
}

/* A person chose a practice or a scenario in a picker. */
static void
lp_practice_page_view_chosen (LpPracticePageView *self,
                              GParamSpec         *pspec,
                              GtkDropDown        *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (self->updating || item == NULL)
    return;
  if (dropdown == self->practice_dropdown)
    {
      self->practice_id = lp_practice_name_get_id (LP_PRACTICE_NAME (item));
      g_clear_pointer (&self->practice_code, g_free);
    }
  else
    self->scenario_id = lp_scenario_get_id (LP_SCENARIO (item));
  lp_view_queue_refresh (LP_VIEW (self));
}

/* The list's second line for a practice: its code and locality. */
static char *
lp_practice_page_view_choice_detail (LpPracticeName *practice)
{
  const char *locality = lp_practice_name_get_locality_name (practice);

  if (locality == NULL || *locality == '\0')
    /* TRANSLATORS: under a practice's name in the picker: its code, and that it is in no locality */
    return g_strdup_printf (_("%s · in no locality"), lp_practice_name_get_ods_code (practice));
  /* TRANSLATORS: under a practice's name in the picker: its code and its locality */
  return g_strdup_printf (_("%s · %s"), lp_practice_name_get_ods_code (practice), locality);
}

/* The picker's rows are made in C, not from a builder template: a new
 * list of 6,500 practices makes a screenful of rows at once, and parsing
 * a template for each took tens of milliseconds. */
static void
lp_practice_page_view_setup_choice (GtkSignalListItemFactory *factory,
                                    GtkListItem              *item,
                                    gpointer                  in_list)
{
  GtkWidget *name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  if (in_list == NULL)
    {
      /* On the button: the name alone, cut short if long. */
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
      gtk_list_item_set_child (item, name);
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 40);
      gtk_label_set_xalign (GTK_LABEL (detail), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (detail), 40);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), detail);
      gtk_list_item_set_child (item, box);
    }
}

static void
lp_practice_page_view_bind_choice (GtkSignalListItemFactory *factory,
                                   GtkListItem              *item,
                                   gpointer                  in_list)
{
  LpPracticeName *practice = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (in_list == NULL)
    gtk_label_set_label (GTK_LABEL (child), lp_practice_name_get_name (practice));
  else
    {
      g_autofree char *detail = lp_practice_page_view_choice_detail (practice);

      gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (child)), lp_practice_name_get_name (practice));
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (child)), detail);
    }
}

static GtkListItemFactory *
lp_practice_page_view_choice_factory (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (lp_practice_page_view_setup_choice),
                    GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (lp_practice_page_view_bind_choice),
                    GINT_TO_POINTER (in_list));
  return factory;
}

void
lp_practice_page_view_set_weeks_365_7 (LpPracticePageView *self,
                                       gboolean            exact)
{
  g_return_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self));

  if (self->weeks_365_7 == !!exact)
    return;
  self->weeks_365_7 = !!exact;
  lp_view_queue_refresh (LP_VIEW (self));
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
  lp_view_queue_refresh (LP_VIEW (self));
}

/**
 * lp_practice_page_view_select_practice:
 * @ods_code: the practice's code, either case
 *
 * Shows the practice's page once it has been read; a code the plan does
 * not have leaves the page as it is.
 *
 * Returns: %FALSE when no plan is open
 */
gboolean
lp_practice_page_view_select_practice (LpPracticePageView *self,
                                       const char         *ods_code)
{
  g_return_val_if_fail (LP_IS_PRACTICE_PAGE_VIEW (self), FALSE);
  g_return_val_if_fail (ods_code != NULL, FALSE);

  if (lp_view_get_plan (LP_VIEW (self)) == NULL)
    return FALSE;
  g_free (self->practice_code);
  self->practice_code = g_strdup (ods_code);
  lp_view_queue_refresh (LP_VIEW (self));
  return TRUE;
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
  gtk_widget_dispose_template (GTK_WIDGET (object), LP_TYPE_PRACTICE_PAGE_VIEW);
  G_OBJECT_CLASS (lp_practice_page_view_parent_class)->dispose (object);
}

static void
lp_practice_page_view_finalize (GObject *object)
{
  LpPracticePageView *self = LP_PRACTICE_PAGE_VIEW (object);

  if (self->has_text)
    lp_practice_text_clear (&self->text);
  g_hash_table_unref (self->grid_rows);
  g_free (self->practice_code);
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
  /* What the page reads: the practices and scenarios to choose from; the
   * locality's modelling (pathways, their changes, list sizes,
   * apportionment weights, the plan's settings); extended access
   * (provision, the trajectory, capacity rules); and the workforce
   * (records, planned movements, turnover, targets, staff roles). */
  static const char * const tables[] = {
    "practice", "locality", "scenario", "plan_info", "list_size",
    "pathway", "pathway_change", "apportionment_weight",
    "access_provision", "access_trajectory", "capacity_rule",
    "workforce_fte", "workforce_change", "workforce_turnover", "workforce_target", "staff_role",
    "age_profile", "scenario_population_base", "population_weights", "population_weight", "weighted_population",
    NULL,
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  LP_VIEW_CLASS (klass)->refresh = lp_practice_page_view_refresh;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), tables);

  object_class->dispose = lp_practice_page_view_dispose;
  object_class->finalize = lp_practice_page_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-practice-page-view.ui");
  BIND_CHILD (empty_page);
  BIND_CHILD (practice_dropdown);
  BIND_CHILD (scenario_dropdown);
  BIND_CHILD (sheet_stack);
  BIND_CHILD (status_title);
  BIND_CHILD (status_description);
  BIND_CHILD (title_label);
  BIND_CHILD (details_label);
  BIND_CHILD (scenario_label);
  BIND_CHILD (no_changes_label);
  BIND_CHILD (access_label);
  BIND_CHILD (workforce_label);
  BIND_CHILD (population_label);
  BIND_CHILD (table_grid);
  BIND_CHILD (convention_label);
  gtk_widget_class_install_action (widget_class, "practice-page.print", NULL,
                                   lp_practice_page_view_print_activated);
  gtk_widget_class_install_action (widget_class, "practice-page.save-pdf", NULL,
                                   lp_practice_page_view_save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "practice-page.print", NULL);
  /* The pickers' expressions name the types; the builder needs them registered. */
  g_type_ensure (LP_TYPE_PRACTICE_NAME);
  g_type_ensure (LP_TYPE_SCENARIO);
}

static void
lp_practice_page_view_init (LpPracticePageView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_WEEKS_365_7, LP_SETTINGS_ACCESS_PARTIAL, LP_SETTINGS_DEFAULT_CAPACITY, NULL };
  GtkListItemFactory *factory;

  self->grid_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  factory = lp_practice_page_view_choice_factory (FALSE);
  gtk_drop_down_set_factory (self->practice_dropdown, factory);
  g_object_unref (factory);
  factory = lp_practice_page_view_choice_factory (TRUE);
  gtk_drop_down_set_list_factory (self->practice_dropdown, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->practice_dropdown, "notify::selected",
                            G_CALLBACK (lp_practice_page_view_chosen), self);
  g_signal_connect_swapped (self->scenario_dropdown, "notify::selected",
                            G_CALLBACK (lp_practice_page_view_chosen), self);
  g_signal_connect (self, "notify::plan", G_CALLBACK (lp_practice_page_view_plan_set), NULL);
  lp_practice_page_view_show_status (self, _("No Plan Open"), NULL);
  lp_settings_follow (self, settings_keys, lp_practice_page_view_apply_settings);
}

GtkWidget *
lp_practice_page_view_new (void)
{
  return g_object_new (LP_TYPE_PRACTICE_PAGE_VIEW, NULL);
}
