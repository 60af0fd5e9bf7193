/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview: the plan at a glance.  Core computes every figure
 * (lp_plan_get_overview) and lp-overview-text words them; this widget only
 * puts the words on screen, and reads them again whenever the plan changes
 * or the "ending soon" horizon does. */
#include "config.h"

#include "lp-settings.h"

#include <glib/gi18n.h>

#include "lp-overview-text.h"
#include "lp-overview-view.h"
#include "lp-summary-text.h"

struct _LpOverviewView
{
  LpView                parent_instance;

  GtkStack             *content_stack;

  GtkLabel             *localities_label;
  GtkLabel             *localities_caption;
  GtkLabel             *practices_label;
  GtkLabel             *practices_caption;
  GtkLabel             *patients_label;
  GtkLabel             *patients_caption;
  GtkLabel             *value_label;
  GtkLabel             *value_caption;
  AdwPreferencesGroup  *contracts_group;
  AdwActionRow         *ending_soon_row;
  GtkLabel             *ending_soon_count;
  AdwActionRow         *ended_row;
  GtkLabel             *ended_count;
  GtkListBox           *localities_list;
  AdwPreferencesGroup  *ages_group;
  GtkListBox           *ages_list;

  guint                 ending_soon_months;
  char                 *error;
};

G_DEFINE_FINAL_TYPE (LpOverviewView, lp_overview_view, LP_TYPE_VIEW)

/* Above this many localities the Overview lists none by name. */
#define LP_OVERVIEW_MAX_LOCALITY_ROWS 20

static void
lp_overview_view_show_text (LpOverviewView       *self,
                            const LpOverviewText *text)
{
  gtk_label_set_label (self->localities_label, text->localities);
  gtk_label_set_label (self->localities_caption, text->localities_caption);
  gtk_label_set_label (self->practices_label, text->practices);
  gtk_label_set_label (self->practices_caption, text->practices_caption);
  gtk_label_set_label (self->patients_label, text->patients);
  gtk_label_set_label (self->patients_caption, text->patients_caption);
  gtk_label_set_label (self->value_label, text->contract_value);
  gtk_label_set_label (self->value_caption, text->contract_value_caption);
  adw_preferences_group_set_description (self->contracts_group, text->reference);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ending_soon_row),
                                 text->ending_soon_title);
  adw_action_row_set_subtitle (self->ending_soon_row, text->ending_soon_detail);
  gtk_label_set_label (self->ending_soon_count, text->ending_soon_count);
  adw_action_row_set_subtitle (self->ended_row, text->ended_detail);
  gtk_label_set_label (self->ended_count, text->ended_count);
}

/* With no plan, or one that cannot be read, no stale figure may stay. */
static void
lp_overview_view_show_blank (LpOverviewView *self,
                             const char     *why)
{
  LpOverviewText blank = { NULL, };
  g_autofree char *title = lp_overview_text_ending_soon_title (self->ending_soon_months);

  blank.localities = blank.practices = blank.patients = blank.contract_value = "–";
  blank.ending_soon_count = blank.ended_count = "–";
  blank.localities_caption = _("Localities");
  blank.practices_caption = _("Practices");
  blank.patients_caption = _("Registered patients");
  blank.contract_value_caption = _("Contract value a year");
  blank.reference = (char *) why;
  blank.ending_soon_title = title;
  lp_overview_view_show_text (self, &blank);
}

/* One locality: its name, its practices, its registered patients. */
static GtkWidget *
lp_overview_view_locality_row (gpointer item,
                               gpointer user_data)
{
  LpLocality *locality = item;
  g_autofree char *practices = lp_summary_text_practices (lp_locality_get_practice_count (locality));
  g_autofree char *patients = lp_summary_text_patients (lp_locality_get_registered_patients (locality));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *figure = gtk_label_new (patients);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lp_locality_get_name (locality));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), practices);
  gtk_widget_add_css_class (figure, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), figure);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "localities");
  return row;
}

/* A plan of many localities (a region, England) is summed up in one row
 * that leads to the Localities view, whose table scales; an overview of
 * a CCG's handful lists each. */
static GtkWidget *
lp_overview_view_all_localities_row (guint n_localities)
{
  g_autofree char *title = lp_summary_text_localities (n_localities);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Each with its practices and patients, in the Localities view"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", "localities");
  return row;
}

static void
lp_overview_view_show_localities (LpOverviewView *self,
                                  GListModel     *localities)
{
  guint n = localities != NULL ? g_list_model_get_n_items (localities) : 0;

  if (n <= LP_OVERVIEW_MAX_LOCALITY_ROWS)
    {
      gtk_list_box_bind_model (self->localities_list, localities,
                               lp_overview_view_locality_row, NULL, NULL);
      return;
    }
  /* Unbinding the model removes its rows. */
  gtk_list_box_bind_model (self->localities_list, NULL, NULL, NULL, NULL);
  gtk_list_box_append (self->localities_list, lp_overview_view_all_localities_row (n));
}

/* The older patients, a row a locality; the group hides without age profiles. */
static void
lp_overview_view_show_ages (LpOverviewView *self,
                            GPtrArray      *ages,
                            const char     *description)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ages_list))) != NULL)
    gtk_list_box_remove (self->ages_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->ages_group), ages != NULL);
  adw_preferences_group_set_description (self->ages_group, description);
  for (guint i = 0; ages != NULL && i < ages->len; i++)
    {
      const LpOverviewAgesRow *one = g_ptr_array_index (ages, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), one->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), one->figures);
      gtk_list_box_append (self->ages_list, row);
    }
}

/* What the worker reads and words; shown as a whole or not at all. */
typedef struct {
  LpOverviewText  text;
  GPtrArray      *ages;          /* LpOverviewAgesRow; NULL: no age profiles */
  char           *ages_description;
  GListModel     *localities;
  gboolean        empty;    /* a new plan: no practice, locality or contract yet */
} LpOverviewResult;

static void
lp_overview_result_free (LpOverviewResult *result)
{

  lp_overview_text_clear (&result->text);
  g_clear_pointer (&result->ages, g_ptr_array_unref);
  g_free (result->ages_description);
  g_clear_object (&result->localities);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpOverviewResult, lp_overview_result_free)

static gpointer
lp_overview_view_read (LpPlan        *reader,
                       gpointer       input,
                       GCancellable  *cancellable,
                       GError       **error)
{
  guint ending_soon_months = GPOINTER_TO_UINT (input);
  LpOverview overview = { { 0, }, };
  LpOverviewResult *result;

  if (!lp_plan_get_overview (reader, NULL, ending_soon_months, &overview, error))
    return NULL;
  result = g_new0 (LpOverviewResult, 1);
  result->empty = overview.summary.practices == 0 && overview.summary.closed_practices == 0 &&
                  overview.summary.localities == 0 && overview.summary.contracts == 0;
  lp_overview_text_build (&overview, &result->text);
  result->ages = lp_overview_text_ages (&overview, LP_OVERVIEW_MAX_LOCALITY_ROWS, &result->ages_description);
  lp_overview_clear (&overview);
  result->localities = lp_plan_list_localities (reader, NULL);
  return result;
}

static void
lp_overview_view_show (LpView       *view,
                       gpointer      data,
                       const GError *error)
{
  LpOverviewView *self = LP_OVERVIEW_VIEW (view);
  g_autoptr(LpOverviewResult) result = data;

  g_clear_pointer (&self->error, g_free);
  gtk_stack_set_visible_child_name (self->content_stack, result != NULL && result->empty ? "empty" : "figures");
  if (result == NULL)
    {
      self->error = g_strdup (error->message);
      lp_overview_view_show_localities (self, NULL);
      lp_overview_view_show_ages (self, NULL, NULL);
      lp_overview_view_show_blank (self, error->message);
      return;
    }
  lp_overview_view_show_localities (self, result->localities);
  lp_overview_view_show_ages (self, result->ages, result->ages_description);
  lp_overview_view_show_text (self, &result->text);
}

/* The plan was set, or a table the view reads changed: its figures are
 * read again on the plan's worker. */
static void
lp_overview_view_refresh (LpView *view)
{
  LpOverviewView *self = LP_OVERVIEW_VIEW (view);

  if (lp_view_get_plan (view) == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "figures");
      g_clear_pointer (&self->error, g_free);
      lp_overview_view_show_localities (self, NULL);
      lp_overview_view_show_ages (self, NULL, NULL);
      lp_overview_view_show_blank (self, NULL);
      return;
    }
  lp_view_run (view, lp_overview_view_read, GUINT_TO_POINTER (self->ending_soon_months), NULL,
               (GDestroyNotify) lp_overview_result_free, lp_overview_view_show);
}


void
lp_overview_view_set_ending_soon_months (LpOverviewView *self,
                                         guint           months)
{
  g_return_if_fail (LP_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (months > 0);

  if (self->ending_soon_months == months)
    return;
  self->ending_soon_months = months;
  lp_view_queue_refresh (LP_VIEW (self));
}

const char *
lp_overview_view_get_error (LpOverviewView *self)
{
  g_return_val_if_fail (LP_IS_OVERVIEW_VIEW (self), NULL);

  return self->error;
}

static void
lp_overview_view_dispose (GObject *object)
{
  LpOverviewView *self = LP_OVERVIEW_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_OVERVIEW_VIEW);
  G_OBJECT_CLASS (lp_overview_view_parent_class)->dispose (object);
}

static void
lp_overview_view_finalize (GObject *object)
{
  g_free (LP_OVERVIEW_VIEW (object)->error);
  G_OBJECT_CLASS (lp_overview_view_parent_class)->finalize (object);
}

#define BIND_CHILD(name) \
  gtk_widget_class_bind_template_child (widget_class, LpOverviewView, name)

/* The preferences this view shows its figures by. */
static void
lp_overview_view_apply_settings (gpointer    owner,
                    const char *key,
                    GSettings  *settings)
{
  LpOverviewView *self = owner;

  lp_overview_view_set_ending_soon_months (self, g_settings_get_uint (settings, LP_SETTINGS_ENDING_SOON_MONTHS));
}

static void
lp_overview_view_class_init (LpOverviewViewClass *klass)
{
  static const char * const tables[] = {
    "locality", "practice", "list_size", "contract", "provider", "plan_info", "age_profile", NULL,
  };

  LP_VIEW_CLASS (klass)->refresh = lp_overview_view_refresh;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), tables);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_overview_view_dispose;
  object_class->finalize = lp_overview_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
      RESOURCE_BASE "/ui/lp-overview-view.ui");
  BIND_CHILD (content_stack);
  BIND_CHILD (localities_label);
  BIND_CHILD (localities_caption);
  BIND_CHILD (practices_label);
  BIND_CHILD (practices_caption);
  BIND_CHILD (patients_label);
  BIND_CHILD (patients_caption);
  BIND_CHILD (value_label);
  BIND_CHILD (value_caption);
  BIND_CHILD (contracts_group);
  BIND_CHILD (ages_group);
  BIND_CHILD (ages_list);
  BIND_CHILD (ending_soon_row);
  BIND_CHILD (ending_soon_count);
  BIND_CHILD (ended_row);
  BIND_CHILD (ended_count);
  BIND_CHILD (localities_list);
}

static void
lp_overview_view_init (LpOverviewView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_ENDING_SOON_MONTHS, NULL };

  self->ending_soon_months = LP_ENDING_SOON_MONTHS_DEFAULT;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Until a plan's figures say it is new, the figures' page (blank). */
  gtk_stack_set_visible_child_name (self->content_stack, "figures");
  lp_overview_view_show_blank (self, NULL);
  lp_settings_follow (self, settings_keys, lp_overview_view_apply_settings);
}

GtkWidget *
lp_overview_view_new (void)
{
  return g_object_new (LP_TYPE_OVERVIEW_VIEW, NULL);
}
