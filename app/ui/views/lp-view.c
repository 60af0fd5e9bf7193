/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base of every view (see lp-view.h).  It keeps the plan and listens
 * to its "changed" signal, remembers whether the figures shown are stale,
 * and asks the subclass to refresh once, from an idle, when they are stale
 * and the view is on screen.  lp_view_run() carries the work to the plan's
 * worker and back, and drops a result that a newer refresh has made
 * stale. */
#include "config.h"

#include "lp-plan-reader.h"
#include "lp-view.h"

typedef struct
{
  LpPlan        *plan;
  char          *title;
  char          *icon_name;
  char          *export_name;
  gboolean       stale;
  guint          refresh_source;
  guint          generation;       /* counts lp_view_run() calls */
  guint          busy_jobs;
  GCancellable  *cancellable;      /* the work in flight */
} LpViewPrivate;

typedef struct {
  LpView          *view;
  guint            generation;
  LpViewShowFunc   show;
  GDestroyNotify   result_free;
} LpViewJob;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LpView, lp_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_EXPORT_NAME,
  PROP_BUSY,
  N_PROPS
};

enum {
  REFRESHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark lp_view_tables_quark;

/**
 * lp_view_class_set_tables:
 * @tables: (array zero-terminated=1): the tables (#LpPlan::changed
 *   details) the view's figures are read from; static
 *
 * Without it a view refreshes after a change to any table.
 */
void
lp_view_class_set_tables (LpViewClass        *klass,
                          const char * const *tables)
{
  g_return_if_fail (LP_IS_VIEW_CLASS (klass));

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), lp_view_tables_quark, (gpointer) tables);
}

static gboolean
lp_view_reads_table (LpView     *self,
                     const char *table)
{
  const char * const *tables = NULL;

  for (GType type = G_TYPE_FROM_INSTANCE (self); tables == NULL && type != LP_TYPE_VIEW;
       type = g_type_parent (type))
    tables = g_type_get_qdata (type, lp_view_tables_quark);
  return tables == NULL || table == NULL || g_strv_contains (tables, table);
}

static gboolean
lp_view_refresh_idle (gpointer user_data)
{
  LpView *self = user_data;
  LpViewPrivate *priv = lp_view_get_instance_private (self);

  priv->refresh_source = 0;
  /* Hidden again before the idle ran: wait until shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  priv->stale = FALSE;
  if (LP_VIEW_GET_CLASS (self)->refresh != NULL)
    LP_VIEW_GET_CLASS (self)->refresh (self);
  return G_SOURCE_REMOVE;
}

/**
 * lp_view_queue_refresh:
 *
 * Marks what the view shows as stale.  A view on screen refreshes once the
 * main loop is idle, so that several changes in a row (an import's
 * tables, a setting and the plan) cost one refresh; a hidden view
 * refreshes when it is next shown.
 */
void
lp_view_queue_refresh (LpView *self)
{
  LpViewPrivate *priv;

  g_return_if_fail (LP_IS_VIEW (self));

  priv = lp_view_get_instance_private (self);
  priv->stale = TRUE;
  if (priv->refresh_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    priv->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, lp_view_refresh_idle,
                                            self, NULL);
}

static void
lp_view_plan_changed (LpView     *self,
                      const char *table,
                      LpPlan     *plan)
{
  if (lp_view_reads_table (self, table))
    lp_view_queue_refresh (self);
}

static void
lp_view_map (GtkWidget *widget)
{
  LpView *self = LP_VIEW (widget);
  LpViewPrivate *priv = lp_view_get_instance_private (self);

  GTK_WIDGET_CLASS (lp_view_parent_class)->map (widget);
  if (priv->stale)
    lp_view_queue_refresh (self);
}

static void
lp_view_set_busy (LpView *self,
                  int     delta)
{
  LpViewPrivate *priv = lp_view_get_instance_private (self);
  gboolean was_busy = priv->busy_jobs > 0;

  priv->busy_jobs += delta;
  if (was_busy != (priv->busy_jobs > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
lp_view_job_free (LpViewJob *job)
{
  g_object_unref (job->view);
  g_free (job);
}

static void
lp_view_run_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LpViewJob *job = user_data;
  LpView *self = job->view;
  LpViewPrivate *priv = lp_view_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gpointer value = lp_plan_reader_run_finish (result, &error);

  lp_view_set_busy (self, -1);
  /* A newer refresh has begun (or the plan went): this answer is stale
   * and must not overwrite what that one will show. */
  if (job->generation != priv->generation ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (value != NULL && job->result_free != NULL)
        job->result_free (value);
      lp_view_job_free (job);
      return;
    }
  g_clear_object (&priv->cancellable);
  job->show (self, value, error);
  lp_view_job_free (job);
  g_signal_emit (self, signals[REFRESHED], 0);
}

/**
 * lp_view_run:
 * @work: reads the plan on its worker
 * @input: (transfer full) (nullable): what @work needs to know (the
 *   locality chosen, a setting); freed with @input_free
 * @result_free: frees a result that came too late to be shown
 * @show: shows the result, on the main thread
 *
 * Runs @work on the plan's worker and then @show with its result, unless
 * lp_view_run() was called again meanwhile or the plan changed: only the
 * newest work is shown.  The view is busy until its work is back.
 */
void
lp_view_run (LpView         *self,
             LpViewWorkFunc  work,
             gpointer        input,
             GDestroyNotify  input_free,
             GDestroyNotify  result_free,
             LpViewShowFunc  show)
{
  LpViewPrivate *priv;
  LpViewJob *job;

  g_return_if_fail (LP_IS_VIEW (self));
  g_return_if_fail (work != NULL && show != NULL);

  priv = lp_view_get_instance_private (self);
  if (priv->plan == NULL)
    {
      if (input_free != NULL && input != NULL)
        input_free (input);
      return;
    }
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->cancellable = g_cancellable_new ();
  job = g_new0 (LpViewJob, 1);
  job->view = g_object_ref (self);
  job->generation = ++priv->generation;
  job->show = show;
  job->result_free = result_free;
  lp_view_set_busy (self, +1);
  lp_plan_reader_run_async (priv->plan, self, (LpPlanReadFunc) work, input, input_free,
                            result_free, priv->cancellable, lp_view_run_cb, job);
}

/**
 * lp_view_get_generation:
 *
 * Returns: how many works lp_view_run() has started; a view's own
 *   asynchronous steps compare it to tell whether they are still current
 */
guint
lp_view_get_generation (LpView *self)
{
  LpViewPrivate *priv;

  g_return_val_if_fail (LP_IS_VIEW (self), 0);

  priv = lp_view_get_instance_private (self);
  return priv->generation;
}

LpPlan *
lp_view_get_plan (LpView *self)
{
  LpViewPrivate *priv;

  g_return_val_if_fail (LP_IS_VIEW (self), NULL);

  priv = lp_view_get_instance_private (self);
  return priv->plan;
}

/**
 * lp_view_set_plan:
 * @plan: (nullable): the plan to show, or %NULL for none
 *
 * What the view showed of another plan is stale at once: work in flight
 * for it is dropped, and the view refreshes (now if shown, else later).
 */
void
lp_view_set_plan (LpView *self,
                  LpPlan *plan)
{
  LpViewPrivate *priv;

  g_return_if_fail (LP_IS_VIEW (self));
  g_return_if_fail (plan == NULL || LP_IS_PLAN (plan));

  priv = lp_view_get_instance_private (self);
  if (priv->plan == plan)
    return;
  if (priv->plan != NULL)
    g_signal_handlers_disconnect_by_data (priv->plan, self);
  g_set_object (&priv->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (lp_view_plan_changed), self,
                             G_CONNECT_SWAPPED);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->generation++;
  lp_view_queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

const char *
lp_view_get_title (LpView *self)
{
  LpViewPrivate *priv;

  g_return_val_if_fail (LP_IS_VIEW (self), NULL);

  priv = lp_view_get_instance_private (self);
  return priv->title;
}

const char *
lp_view_get_icon_name (LpView *self)
{
  LpViewPrivate *priv;

  g_return_val_if_fail (LP_IS_VIEW (self), NULL);

  priv = lp_view_get_instance_private (self);
  return priv->icon_name;
}

/**
 * lp_view_get_export_name:
 *
 * Returns: (nullable): what "win.export" calls the view's table
 *   ("practices"), for the export menu; %NULL when it has none
 */
const char *
lp_view_get_export_name (LpView *self)
{
  LpViewPrivate *priv;

  g_return_val_if_fail (LP_IS_VIEW (self), NULL);

  priv = lp_view_get_instance_private (self);
  return priv->export_name;
}

gboolean
lp_view_get_busy (LpView *self)
{
  LpViewPrivate *priv;

  g_return_val_if_fail (LP_IS_VIEW (self), FALSE);

  priv = lp_view_get_instance_private (self);
  return priv->busy_jobs > 0;
}

gboolean
lp_view_can_search (LpView *self)
{
  g_return_val_if_fail (LP_IS_VIEW (self), FALSE);

  return LP_VIEW_GET_CLASS (self)->start_search != NULL;
}

gboolean
lp_view_can_export (LpView *self)
{
  g_return_val_if_fail (LP_IS_VIEW (self), FALSE);

  return LP_VIEW_GET_CLASS (self)->export != NULL;
}

gboolean
lp_view_can_print (LpView *self)
{
  g_return_val_if_fail (LP_IS_VIEW (self), FALSE);

  return LP_VIEW_GET_CLASS (self)->print != NULL;
}

void
lp_view_start_search (LpView *self)
{
  g_return_if_fail (LP_IS_VIEW (self));

  if (LP_VIEW_GET_CLASS (self)->start_search != NULL)
    LP_VIEW_GET_CLASS (self)->start_search (self);
}

void
lp_view_export (LpView *self)
{
  g_return_if_fail (LP_IS_VIEW (self));

  if (LP_VIEW_GET_CLASS (self)->export != NULL)
    LP_VIEW_GET_CLASS (self)->export (self);
}

void
lp_view_print (LpView *self)
{
  g_return_if_fail (LP_IS_VIEW (self));

  if (LP_VIEW_GET_CLASS (self)->print != NULL)
    LP_VIEW_GET_CLASS (self)->print (self);
}

static void
lp_view_dispose (GObject *object)
{
  LpView *self = LP_VIEW (object);
  LpViewPrivate *priv = lp_view_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->plan != NULL)
    g_signal_handlers_disconnect_by_data (priv->plan, self);
  g_clear_object (&priv->plan);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lp_view_parent_class)->dispose (object);
}

static void
lp_view_finalize (GObject *object)
{
  LpViewPrivate *priv = lp_view_get_instance_private (LP_VIEW (object));

  g_free (priv->title);
  g_free (priv->icon_name);
  g_free (priv->export_name);
  G_OBJECT_CLASS (lp_view_parent_class)->finalize (object);
}

static void
lp_view_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LpView *self = LP_VIEW (object);
  LpViewPrivate *priv = lp_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, priv->plan);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_EXPORT_NAME:
      g_value_set_string (value, priv->export_name);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy_jobs > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_view_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LpView *self = LP_VIEW (object);
  LpViewPrivate *priv = lp_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PLAN:
      lp_view_set_plan (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      break;
    case PROP_ICON_NAME:
      g_free (priv->icon_name);
      priv->icon_name = g_value_dup_string (value);
      break;
    case PROP_EXPORT_NAME:
      g_free (priv->export_name);
      priv->export_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_view_class_init (LpViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_view_dispose;
  object_class->finalize = lp_view_finalize;
  object_class->get_property = lp_view_get_property;
  object_class->set_property = lp_view_set_property;
  widget_class->map = lp_view_map;

  lp_view_tables_quark = g_quark_from_static_string ("lp-view-tables");

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set by each view's template: what the sidebar and the shortcuts
   * window call it, and its icon. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPORT_NAME] =
    g_param_spec_string ("export-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* TRUE while work for the view is on the worker. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After a result has been shown: what tests wait for. */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lp_view_init (LpView *self)
{
  LpViewPrivate *priv = lp_view_get_instance_private (self);

  /* Nothing shown yet: the first map reads the plan (or the empty state). */
  priv->stale = TRUE;
}
