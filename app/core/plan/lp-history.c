/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo.  Each committed write transaction is captured by an SQLite
 * session as a changeset: one undo step.  Undo applies the inverse
 * changeset, redo the changeset itself, each in a transaction of its own.
 * A changeset records whole rows, so cascaded deletes (a practice with its
 * list sizes) come back together. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lp-history.h"
#include "lp-plan-private.h"

/* Enough for a session's editing; the oldest steps are dropped after. */
#define LP_HISTORY_MAX_STEPS 200

typedef struct {
  GBytes *changeset;
  char   *label;
} LpStep;

struct _LpHistory
{
  sqlite3_session *session;   /* recording the open transaction, or NULL */
  GQueue           undo;      /* of LpStep, newest at the head */
  GQueue           redo;
  char            *step_label; /* names the steps committed now, or NULL */
};

static void
lp_step_free (LpStep *step)
{
  g_bytes_unref (step->changeset);
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
    { "activity_baseline", N_("forecast outturn") },
    { "growth_assumption", N_("growth rate") },
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
  g_queue_push_head (&history->undo, step);
  while (g_queue_get_length (&history->undo) > LP_HISTORY_MAX_STEPS)
    lp_step_free (g_queue_pop_tail (&history->undo));
  g_queue_clear_full (&history->redo, (GDestroyNotify) lp_step_free);
  return TRUE;
}

static int
lp_history_on_conflict (void                   *user_data,
                        int                     conflict,
                        sqlite3_changeset_iter *iter)
{
  int op = 0, n_columns = 0, indirect = 0;
  const char *table = NULL;

  /* Undoing an added row with rows under it (a QIPP programme and its
   * reductions) deletes the parent first, and its ON DELETE CASCADE takes
   * the children: their own deletes then find them gone, as wanted. */
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
  if (!lp_history_apply (plan, step->changeset, invert, error))
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
