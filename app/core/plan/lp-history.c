/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo.  Each committed write transaction is captured by an SQLite
 * session as a changeset: one undo step.  Undo applies the inverse
 * changeset, redo the changeset itself, each in a transaction of its own.
 * A changeset records whole rows, so cascaded deletes (a practice with its
 * list sizes) come back together. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lp-history.h"
#include "lp-plan-private.h"

/* Enough for a session's editing; the oldest steps are dropped after. */
#define LP_HISTORY_MAX_STEPS 200

/* A step is a changeset, or, for an import too large to record row by
 * row, the copy of the plan taken before it (and, once undone, the copy
 * taken before the undo, which redo puts back). */
typedef struct {
  GBytes *changeset;
  char   *before_path;
  char   *after_path;
  char   *label;
} LpStep;

struct _LpPlanSteps
{
  GQueue undo;   /* of LpStep, newest at the head */
  GQueue redo;
};

struct _LpHistory
{
  sqlite3_session *session;   /* recording the open transaction, or NULL */
  GQueue           undo;      /* of LpStep, newest at the head */
  GQueue           redo;
  char            *step_label; /* names the steps committed now, or NULL */
};

static void
lp_step_forget_copy (char **path)
{
  if (*path != NULL)
    g_unlink (*path);
  g_clear_pointer (path, g_free);
}

static void
lp_step_free (LpStep *step)
{
  g_clear_pointer (&step->changeset, g_bytes_unref);
  lp_step_forget_copy (&step->before_path);
  lp_step_forget_copy (&step->after_path);
  g_free (step->label);
  g_free (step);
}

LpHistory *
lp_history_new (void)
{
  return g_new0 (LpHistory, 1);
}

void
lp_history_free (LpHistory *history)
{
  lp_history_abort (history);
  g_queue_clear_full (&history->undo, (GDestroyNotify) lp_step_free);
  g_queue_clear_full (&history->redo, (GDestroyNotify) lp_step_free);
  g_free (history->step_label);
  g_free (history);
}

/* Called once the outermost write transaction has begun. */
void
lp_history_begin (LpHistory *history,
                  sqlite3   *db)
{
  lp_history_abort (history);
  if (sqlite3session_create (db, "main", &history->session) != SQLITE_OK ||
      sqlite3session_attach (history->session, NULL) != SQLITE_OK)
    lp_history_abort (history);   /* the edit still happens, without undo */
}

void
lp_history_abort (LpHistory *history)
{
  g_clear_pointer (&history->session, sqlite3session_delete);
}

/* A word for each table a user's edit starts from. */
static const char *
lp_history_noun (const char *table)
{
  static const struct { const char *table; const char *noun; } nouns[] = {
    { "locality", N_("locality") },
    { "practice", N_("practice") },
    { "list_size", N_("list size") },
    { "provider", N_("provider") },
    { "contract", N_("contract") },
    { "vulnerable_service", N_("vulnerable service") },
    { "plan_info", N_("plan details") },
    { "access_trajectory", N_("trajectory target") },
    { "capacity_rule", N_("capacity rule") },
    { "access_provision", N_("extended access plan") },
    { "pcn_access_session", N_("enhanced access session") },
    { "pathway", N_("pathway") },
    { "pathway_change", N_("pathway change") },
    { "scenario_population_base", N_("scenario’s population base") },
    { "population_weights", N_("weights") },
    { "population_weight", N_("weight by age band") },
    { "weighted_population", N_("weighted population") },
    { "workforce_fte", N_("FTE figure") },
    { "pcn_workforce_fte", N_("PCN staff figure") },
    { "workforce_change", N_("planned joiners and leavers") },
    { "workforce_turnover", N_("workforce rates") },
    { "workforce_target", N_("workforce target") },
    { "reference_figure", N_("reference figure") },
    { "import_log_note", N_("import note") },
    { "activity_baseline", N_("forecast outturn") },
    { "growth_assumption", N_("growth rate") },
    { "locality_growth_assumption", N_("locality’s growth rate") },
    { "qipp_programme", N_("QIPP programme") },
    { "qipp_reduction", N_("QIPP reduction") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].table, table))
      return g_dgettext (GETTEXT_PACKAGE, nouns[i].noun);
  return table;
}

/* "Add practice", "Edit list size", "Delete contract": from the first
 * change in the changeset, which is the row the user acted on. */
static char *
lp_history_label (GBytes *changeset)
{
  sqlite3_changeset_iter *iter = NULL;
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;
  char *label = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (changeset, &size);

  if (sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    return g_strdup (_("Change"));
  if (sqlite3changeset_next (iter) == SQLITE_ROW &&
      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK)
    {
      const char *noun = lp_history_noun (table);
      if (op == SQLITE_INSERT)
        label = g_strdup_printf (_("Add %s"), noun);
      else if (op == SQLITE_DELETE)
        label = g_strdup_printf (_("Delete %s"), noun);
      else
        label = g_strdup_printf (_("Edit %s"), noun);
    }
  sqlite3changeset_finalize (iter);
  return label != NULL ? label : g_strdup (_("Change"));
}

/* A new step: the oldest beyond the limit are dropped, and what was undone
 * can no longer be redone. */
static void
lp_history_push (LpHistory *history,
                 LpStep    *step)
{
  g_queue_push_head (&history->undo, step);
  while (g_queue_get_length (&history->undo) > LP_HISTORY_MAX_STEPS)
    lp_step_free (g_queue_pop_tail (&history->undo));
  g_queue_clear_full (&history->redo, (GDestroyNotify) lp_step_free);
}

/**
 * lp_history_commit:
 *
 * Called after the outermost transaction committed: keeps what it changed
 * as a new undo step and forgets the redo steps.
 *
 * Returns: %TRUE if the history changed
 */
gboolean
lp_history_commit (LpHistory *history)
{
  void *data = NULL;
  int size = 0;
  LpStep *step;

  if (history->session == NULL)
    return FALSE;
  if (sqlite3session_changeset (history->session, &size, &data) != SQLITE_OK || size == 0)
    {
      sqlite3_free (data);
      lp_history_abort (history);
      return FALSE;
    }
  lp_history_abort (history);
  step = g_new0 (LpStep, 1);
  step->changeset = g_bytes_new_with_free_func (data, (gsize) size, sqlite3_free, data);
  step->label = history->step_label != NULL ? g_strdup (history->step_label)
                                            : lp_history_label (step->changeset);
  lp_history_push (history, step);
  return TRUE;
}

/**
 * lp_history_push_copy:
 * @before_path: (transfer full): a copy of the plan as it was before the
 *   change just committed (lp_plan_take_copy()); the step owns it and
 *   deletes it when the step is dropped
 *
 * Records a change too large to keep row by row (an import of a million
 * rows) as one step all the same: undoing it puts the copy back.
 */
void
lp_history_push_copy (LpHistory  *history,
                      char       *before_path,
                      const char *label)
{
  LpStep *step = g_new0 (LpStep, 1);

  step->before_path = before_path;
  step->label = g_strdup (label != NULL ? label : _("Change"));
  lp_history_push (history, step);
}

static int
lp_history_on_conflict (void                   *user_data,
                        int                     conflict,
                        sqlite3_changeset_iter *iter)
{
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;

  /* Undoing a step that added a row and rows that refer to it (a pathway
   * and its first change, a QIPP programme and its reductions): deleting
   * the parent deletes the others by ON DELETE CASCADE, so their own
   * deletes find them already gone, as wanted. */
  if (conflict == SQLITE_CHANGESET_NOTFOUND &&
      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;
  /* The rows are not as the step left them (another program changed the
   * file): better to refuse than to undo half. */
  return SQLITE_CHANGESET_ABORT;
}

static void
lp_history_emit_tables (LpPlan  *plan,
                        GBytes  *changeset)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (changeset, &size);
  const char *table;
  int n_columns, op, indirect;

  if (sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    return;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK &&
        !g_ptr_array_find_with_equal_func (tables, table, g_str_equal, NULL))
      g_ptr_array_add (tables, g_strdup (table));
  sqlite3changeset_finalize (iter);
  for (guint i = 0; i < tables->len; i++)
    lp_plan_emit_changed (plan, g_ptr_array_index (tables, i));
}

/* Applies @changeset (or its inverse) in a transaction that is itself not
 * recorded as a step. */
static gboolean
lp_history_apply (LpPlan      *plan,
                  GBytes      *changeset,
                  gboolean     invert,
                  GError     **error)
{
  sqlite3 *db = lp_plan_get_db (plan);
  gsize size;
  void *data = (void *) g_bytes_get_data (changeset, &size);
  void *inverse = NULL;
  int inverse_size = 0, rc;

  if (invert && (rc = sqlite3changeset_invert ((int) size, data, &inverse_size, &inverse)) != SQLITE_OK)
    return lp_sqlite_set_error (error, db, rc, _("undo the change"));
  if (!lp_plan_begin_write (plan, error))
    return sqlite3_free (inverse), FALSE;
  lp_history_abort (lp_plan_get_history (plan));
  rc = sqlite3changeset_apply (db, invert ? inverse_size : (int) size, invert ? inverse : data,
                               NULL, lp_history_on_conflict, NULL);
  sqlite3_free (inverse);
  if (rc != SQLITE_OK)
    {
      lp_plan_rollback (plan);
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CONSTRAINT,
                   invert ? _("Could not undo: the plan has been changed since by another program")
                          : _("Could not redo: the plan has been changed since by another program"));
      return FALSE;
    }
  if (!lp_plan_commit (plan, error))
    return FALSE;
  lp_history_emit_tables (plan, changeset);
  return TRUE;
}

/* Undoes a step kept as a copy: first a copy of the plan as it is now, for
 * redo, then the copy from before the step.  Redo puts the later copy
 * back.  Undo and redo go in order, so the plan is exactly as the step
 * left it each time and nothing else is lost. */
static gboolean
lp_history_put_back_copy (LpPlan   *plan,
                          LpStep   *step,
                          gboolean  undo,
                          GError  **error)
{
  if (undo)
    {
      g_autofree char *after = lp_plan_take_copy (plan, error);

      if (after == NULL)
        return FALSE;
      if (!lp_plan_restore_copy (plan, step->before_path, error))
        {
          g_unlink (after);
          return FALSE;
        }
      lp_step_forget_copy (&step->after_path);
      step->after_path = g_steal_pointer (&after);
      return TRUE;
    }
  if (step->after_path == NULL || !lp_plan_restore_copy (plan, step->after_path, error))
    {
      if (step->after_path == NULL)
        g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("There is nothing to redo"));
      return FALSE;
    }
  lp_step_forget_copy (&step->after_path);
  return TRUE;
}

/* Moves the newest step of @from to @to once it has been applied. */
static gboolean
lp_history_move (LpPlan   *plan,
                 GQueue   *from,
                 GQueue   *to,
                 gboolean  invert,
                 GError  **error)
{
  LpStep *step;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  step = g_queue_peek_head (from);
  if (step == NULL)
    {
      g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                           invert ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }
  if (step->changeset != NULL ? !lp_history_apply (plan, step->changeset, invert, error)
                               : !lp_history_put_back_copy (plan, step, invert, error))
    return FALSE;
  g_queue_push_head (to, g_queue_pop_head (from));
  lp_plan_notify_history (plan);
  return TRUE;
}

/**
 * lp_plan_undo:
 *
 * Reverses the most recent edit still in the history.
 */
gboolean
lp_plan_undo (LpPlan  *plan,
              GError **error)
{
  LpHistory *history = lp_plan_get_history (plan);

  return lp_history_move (plan, &history->undo, &history->redo, TRUE, error);
}

/**
 * lp_plan_redo:
 *
 * Makes again the edit most recently undone.
 */
gboolean
lp_plan_redo (LpPlan  *plan,
              GError **error)
{
  LpHistory *history = lp_plan_get_history (plan);

  return lp_history_move (plan, &history->redo, &history->undo, FALSE, error);
}

gboolean
lp_plan_can_undo (LpPlan *plan)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  return !g_queue_is_empty (&lp_plan_get_history (plan)->undo);
}

gboolean
lp_plan_can_redo (LpPlan *plan)
{
  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  return !g_queue_is_empty (&lp_plan_get_history (plan)->redo);
}

/**
 * lp_plan_next_undo_is_copy:
 *
 * Whether the step lp_plan_undo() would undo is kept as a copy of the
 * plan (a large import): undoing it copies the whole plan twice, which
 * for a large plan takes long enough to be worth a worker thread with a
 * connection of its own (lp_plan_steal_history() and
 * lp_plan_add_history() carry the steps there and back).
 */
gboolean
lp_plan_next_undo_is_copy (LpPlan *plan)
{
  LpStep *step;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  step = g_queue_peek_head (&lp_plan_get_history (plan)->undo);
  return step != NULL && step->changeset == NULL;
}

/**
 * lp_plan_next_redo_is_copy:
 *
 * Like lp_plan_next_undo_is_copy(), for the step lp_plan_redo() would
 * make again.
 */
gboolean
lp_plan_next_redo_is_copy (LpPlan *plan)
{
  LpStep *step;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  step = g_queue_peek_head (&lp_plan_get_history (plan)->redo);
  return step != NULL && step->changeset == NULL;
}

const char *
lp_plan_get_undo_label (LpPlan *plan)
{
  LpStep *step;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  step = g_queue_peek_head (&lp_plan_get_history (plan)->undo);
  return step != NULL ? step->label : NULL;
}

const char *
lp_plan_get_redo_label (LpPlan *plan)
{
  LpStep *step;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  step = g_queue_peek_head (&lp_plan_get_history (plan)->redo);
  return step != NULL ? step->label : NULL;
}

/**
 * lp_plan_set_step_label:
 * @label: (nullable): what the steps committed from now on do ("Edit
 *   practice"), or %NULL to go back to naming each step by the first row
 *   it changed
 *
 * An edit dialog names its step for what the user did, which the first
 * row a save changes does not always say: saving a practice whose list
 * size alone changed is still "Edit practice", and a contract with a new
 * provider is not "Add provider".
 */
void
lp_plan_set_step_label (LpPlan     *plan,
                        const char *label)
{
  LpHistory *history;

  g_return_if_fail (LP_IS_PLAN (plan));
  history = lp_plan_get_history (plan);
  g_free (history->step_label);
  history->step_label = g_strdup (label);
}

void
lp_plan_clear_history (LpPlan *plan)
{
  LpHistory *history;

  g_return_if_fail (LP_IS_PLAN (plan));
  history = lp_plan_get_history (plan);
  g_queue_clear_full (&history->undo, (GDestroyNotify) lp_step_free);
  g_queue_clear_full (&history->redo, (GDestroyNotify) lp_step_free);
  lp_plan_notify_history (plan);
}

/**
 * lp_plan_steal_history:
 *
 * Takes the plan's undo and redo steps away from it, to give them to
 * another connection to the same file with lp_plan_add_history(): the
 * window's new connection after an import, or the window's plan from the
 * import's own connection.
 *
 * Returns: (transfer full): the steps
 */
LpPlanSteps *
lp_plan_steal_history (LpPlan *plan)
{
  LpHistory *history;
  LpPlanSteps *steps = g_new0 (LpPlanSteps, 1);

  g_return_val_if_fail (LP_IS_PLAN (plan), steps);
  history = lp_plan_get_history (plan);
  steps->undo = history->undo;
  steps->redo = history->redo;
  g_queue_init (&history->undo);
  g_queue_init (&history->redo);
  lp_plan_notify_history (plan);
  return steps;
}

/**
 * lp_plan_add_history:
 * @steps: (transfer full): steps made after the plan's own, on this file
 *
 * Puts @steps on top of the plan's undo history.  Their redo steps, if any,
 * become the plan's; otherwise new steps mean nothing undone can be redone.
 */
void
lp_plan_add_history (LpPlan      *plan,
                     LpPlanSteps *steps)
{
  LpHistory *history;
  LpStep *step;

  g_return_if_fail (LP_IS_PLAN (plan));
  if (steps == NULL)
    return;
  history = lp_plan_get_history (plan);
  if (!g_queue_is_empty (&steps->undo) || !g_queue_is_empty (&steps->redo))
    g_queue_clear_full (&history->redo, (GDestroyNotify) lp_step_free);
  while ((step = g_queue_pop_tail (&steps->undo)) != NULL)
    g_queue_push_head (&history->undo, step);
  while (g_queue_get_length (&history->undo) > LP_HISTORY_MAX_STEPS)
    lp_step_free (g_queue_pop_tail (&history->undo));
  while ((step = g_queue_pop_tail (&steps->redo)) != NULL)
    g_queue_push_head (&history->redo, step);
  lp_plan_steps_free (steps);
  lp_plan_notify_history (plan);
}

void
lp_plan_steps_free (LpPlanSteps *steps)
{
  if (steps == NULL)
    return;
  g_queue_clear_full (&steps->undo, (GDestroyNotify) lp_step_free);
  g_queue_clear_full (&steps->redo, (GDestroyNotify) lp_step_free);
  g_free (steps);
}
