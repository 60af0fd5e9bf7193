/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Locality Modelling view's work on the plan's worker thread: what the
 * pickers offer, core's model of the choice (lp_plan_model and its
 * practices, every locality's total, the comparison), worded by
 * lp-modelling-text and put in rows for the view's tables.  At England's
 * size this is tens of milliseconds of core and tens of thousands of
 * strings, none of it on the main thread.  Nothing here touches a widget
 * or the view. */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include "lp-modelling-item.h"
#include "lp-modelling-view-private.h"

/* The calling thread's own time, which a busy machine does not inflate
 * as it does the time on the clock: for the debug log. */
gint64
lp_modelling_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

void
lp_modelling_input_free (LpModellingInput *input)
{
  g_free (input->locality_name);
  g_free (input);
}

void
lp_modelling_result_free (LpModellingResult *result)
{
  g_clear_object (&result->locality_names);
  g_clear_pointer (&result->locality_ids, g_array_unref);
  g_free (result->localities_key);
  g_free (result->asked.locality_name);
  g_clear_object (&result->scenarios);
  g_free (result->scenarios_key);
  g_free (result->error);
  lp_modelling_text_clear (&result->text);
  lp_modelling_text_clear (&result->compare);
  g_clear_object (&result->practices);
  g_clear_object (&result->localities);
  g_clear_pointer (&result->changes, g_ptr_array_unref);
  g_strfreev (result->pathways);
  g_free (result);
}

/* The locality choices; one that has gone from the plan gives way to all
 * of them.  The key tells the view whether its picker must change.  A
 * picker up to date with the plan is not read again: at England's size
 * that is most of the work of choosing another locality. */
static gboolean
lp_modelling_work_localities (LpPlan             *reader,
                              LpModellingResult  *result,
                              char              **name,
                              GError            **error)
{
  g_autoptr(GListModel) localities = NULL;
  g_autoptr(GChecksum) key = NULL;
  gint64 all = 0;

  if (result->asked.locality_name != NULL)
    {
      result->locality_id = result->asked.query.locality_id;
      result->locality_position = result->asked.locality_position;
      *name = g_strdup (result->asked.locality_name);
      return TRUE;
    }
  if ((localities = lp_plan_list_localities (reader, error)) == NULL)
    return FALSE;
  key = g_checksum_new (G_CHECKSUM_SHA1);
  result->locality_names = gtk_string_list_new ((const char *[]) { _("All localities"), NULL });
  result->locality_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (result->locality_ids, all);
  *name = g_strdup (_("All localities"));
  for (guint i = 0; i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (locality);
      const char *locality_name = lp_locality_get_name (locality);

      if (id == result->asked.query.locality_id)
        {
          result->locality_id = id;
          result->locality_position = result->locality_ids->len;
          g_free (*name);
          *name = g_strdup (locality_name);
        }
      gtk_string_list_append (result->locality_names, locality_name);
      g_array_append_val (result->locality_ids, id);
      g_checksum_update (key, (const guchar *) &id, sizeof id);
      g_checksum_update (key, (const guchar *) locality_name, strlen (locality_name) + 1);
    }
  result->localities_key = g_strdup (g_checksum_get_string (key));
  return TRUE;
}

static guint
lp_modelling_work_scenario_position (GListModel *scenarios,
                                     gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);

      if (lp_scenario_get_id (scenario) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The scenario choices.  One that has gone (deleted, here, by undo or
 * elsewhere) gives way to the one it built on, so the figures change
 * least, or else to the base; a comparison with it is dropped. */
static gboolean
lp_modelling_work_scenarios (LpPlan             *reader,
                             LpModellingResult  *result,
                             GError            **error)
{
  g_autoptr(GChecksum) key = g_checksum_new (G_CHECKSUM_SHA1);
  guint n, position;

  if ((result->scenarios = lp_plan_list_scenarios (reader, error)) == NULL)
    return FALSE;
  n = g_list_model_get_n_items (result->scenarios);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (result->scenarios, i);
      gint64 ids[2] = { lp_scenario_get_id (scenario), lp_scenario_get_base_id (scenario) };

      g_checksum_update (key, (const guchar *) ids, sizeof ids);
      g_checksum_update (key, (const guchar *) lp_scenario_get_name (scenario),
                         strlen (lp_scenario_get_name (scenario)) + 1);
    }
  result->scenarios_key = g_strdup (g_checksum_get_string (key));
  position = lp_modelling_work_scenario_position (result->scenarios, result->asked.query.scenario_id);
  if (position == GTK_INVALID_LIST_POSITION)
    position = lp_modelling_work_scenario_position (result->scenarios, result->asked.scenario_fallback);
  if (position == GTK_INVALID_LIST_POSITION && n > 0)
    position = 0;
  result->scenario_position = position;
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (result->scenarios, position);

      result->scenario_id = lp_scenario_get_id (scenario);
    }
  position = lp_modelling_work_scenario_position (result->scenarios, result->asked.compare_id);
  if (result->asked.compare_id != 0 && position != GTK_INVALID_LIST_POSITION)
    {
      result->compare_id = result->asked.compare_id;
      result->compare_position = position + 1;
    }
  return TRUE;
}

static LpScenario *
lp_modelling_work_scenario (LpModellingResult *result,
                            gint64             id)
{
  guint position = lp_modelling_work_scenario_position (result->scenarios, id);

  return position != GTK_INVALID_LIST_POSITION ? g_list_model_get_item (result->scenarios, position)
                                               : NULL;
}

/* Each practice's words and the figures behind them, for the table. */
static void
lp_modelling_work_practices (LpModellingResult  *result,
                             GPtrArray          *practices)
{
  result->practices = g_list_store_new (LP_TYPE_MODELLING_ITEM);
  for (guint i = 0; practices != NULL && i < practices->len; i++)
    {
      const LpModelPractice *practice = g_ptr_array_index (practices, i);
      g_autoptr(LpModellingItem) item =
        lp_modelling_item_new (g_ptr_array_index (result->text.practices, i), practice->list_size,
                               practice->share, result->n_horizons, practice->activity,
                               practice->bed_days);

      g_list_store_append (result->practices, item);
    }
  /* Only the rows show them now. */
  g_ptr_array_set_size (result->text.practices, 0);
}

/* Every locality's grand total: a chart for a handful, a table for many.
 * Asked for only when those on screen are not for this scenario, period
 * and plan: they are the same whichever locality is chosen. */
static gboolean
lp_modelling_work_localities_totals (LpPlan              *reader,
                                     const LpModelQuery  *query,
                                     const char          *scenario,
                                     LpModellingResult   *result,
                                     GError             **error)
{
  g_autoptr(LpModelTable) all = NULL;
  g_autoptr(GPtrArray) localities = lp_plan_model_localities (reader, query, &all, error);
  g_autoptr(GPtrArray) words = NULL;

  if (localities == NULL)
    return FALSE;
  result->totals = TRUE;
  if (localities->len <= LP_MODELLING_CHART_MAX_LOCALITIES)
    {
      g_autofree char *plan_name = lp_plan_dup_display_name (reader);

      result->text.chart = lp_modelling_text_chart (all, localities, plan_name, scenario);
      return TRUE;
    }
  words = lp_modelling_text_localities (all, localities);
  result->localities = g_list_store_new (LP_TYPE_MODELLING_ITEM);
  for (guint i = 0; i < localities->len; i++)
    {
      const LpModelLocality *locality = g_ptr_array_index (localities, i);
      g_autoptr(LpModellingItem) item =
        lp_modelling_item_new (g_ptr_array_index (words, i), locality->population, 0,
                               all->n_horizons, locality->activity, locality->bed_days);

      g_list_store_append (result->localities, item);
    }
  return TRUE;
}

/* Core's model of the choice, worded.  A plan core cannot model is
 * not an error of the work: the view says why, its pickers still work. */
static gboolean
lp_modelling_work_model (LpPlan              *reader,
                         const char          *locality_name,
                         LpModellingResult   *result,
                         GCancellable        *cancellable,
                         GError             **error)
{
  LpModelQuery query = result->asked.query;
  g_autoptr(LpScenario) scenario = lp_modelling_work_scenario (result, result->scenario_id);
  g_autoptr(LpScenario) other = lp_modelling_work_scenario (result, result->compare_id);
  g_autoptr(LpModelTable) table = NULL;
  g_autoptr(GPtrArray) practices = NULL;

  query.locality_id = result->locality_id;
  query.scenario_id = result->scenario_id;
  if ((table = lp_plan_model (reader, &query, error)) == NULL)
    return FALSE;
  result->n_horizons = table->n_horizons;
  memcpy (result->horizons, table->horizons, sizeof result->horizons);
  if (table->n_horizons > 0 &&
      (g_cancellable_set_error_if_cancelled (cancellable, error) ||
       (practices = lp_plan_model_practices (reader, &query, table, error)) == NULL))
    return FALSE;
  lp_modelling_text_build (table, practices, locality_name, &result->text);
  if (scenario != NULL && lp_scenario_get_base_id (scenario) != 0)
    lp_modelling_text_set_scenario (&result->text, lp_scenario_get_name (scenario),
                                    lp_scenario_get_base_name (scenario));
  lp_modelling_work_practices (result, practices);
  if (table->n_horizons == 0)
    return TRUE;
  return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         (!result->asked.totals ||
          lp_modelling_work_localities_totals (reader, &query,
                                               scenario != NULL ? lp_scenario_get_name (scenario) : "",
                                               result, error)) &&
         !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         (other == NULL ||
          lp_modelling_view_work_compare (reader, &query, result->compare_id,
                                          lp_scenario_get_name (other), table, &result->compare,
                                          error));
}

/**
 * lp_modelling_view_work:
 * @input: (type LpModellingInput): the choices
 *
 * The view's #LpViewWorkFunc.
 *
 * Returns: (transfer full) (type LpModellingResult): what to show, or
 *   %NULL with @error set when the plan could not be read
 */
gpointer
lp_modelling_view_work (LpPlan        *reader,
                        gpointer       input,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(LpModellingResult) result = g_new0 (LpModellingResult, 1);
  g_autoptr(GError) model_error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 start_cpu = lp_modelling_thread_cpu_us ();
  g_autofree char *locality_name = NULL;

  result->asked = *(LpModellingInput *) input;
  result->asked.locality_name = g_strdup (result->asked.locality_name);
  if (!lp_modelling_work_localities (reader, result, &locality_name, error) ||
      !lp_modelling_work_scenarios (reader, result, error))
    return NULL;
  /* The list of changes to edit shows even when the plan cannot be modelled. */
  if ((result->changes = lp_plan_list_pathway_changes (reader, result->scenario_id, error)) == NULL ||
      (result->pathways = lp_plan_list_pathways (reader, error)) == NULL)
    return NULL;
  if (!lp_modelling_work_model (reader, locality_name, result, cancellable, &model_error))
    {
      if (g_error_matches (model_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&model_error));
          return NULL;
        }
      result->error = g_strdup (model_error->message);
    }
  result->work_us = g_get_monotonic_time () - start;
  result->work_cpu_us = lp_modelling_thread_cpu_us () - start_cpu;
  return g_steal_pointer (&result);
}
