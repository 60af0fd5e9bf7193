/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Localities in bulk: making them from the practice map's PCNs or
 * Sub-ICBs, moving many practices at once, and merging one locality into
 * another.  Each is one transaction, so one undo step. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lp-history.h"
#include "lp-locality.h"
#include "lp-locality-private.h"
#include "lp-plan-private.h"

static gboolean
lp_grouping_check (const char  *grouping,
                   GError     **error)
{
  if (g_strcmp0 (grouping, "pcn") == 0 || g_strcmp0 (grouping, "sub_icb") == 0)
    return TRUE;
  g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
               _("Localities can be made from “pcn” or “sub_icb” groupings, not “%s”"),
               grouping != NULL ? grouping : "");
  return FALSE;
}

/* The grouping as the user reads it, in the middle of a sentence. */
static const char *
lp_grouping_noun (const char *grouping)
{
  return g_str_equal (grouping, "pcn") ? _("PCN") : _("Sub-ICB");
}

/* Which practices a grouping places: those it names (a grouping with no
 * name cannot name a locality) that have no locality yet, or every one
 * it names when @reassign.  ?1 is the grouping, ?2 @reassign. */
#define TARGETS \
  "SELECT p.id, p.locality_id, g.name, g.code FROM practice AS p " \
  "JOIN practice_grouping AS g ON g.practice_id = p.id AND g.kind = ?1 AND g.name <> '' " \
  "WHERE p.locality_id IS NULL OR ?2 "

/**
 * lp_localities_from_grouping_write:
 * @n_made: (out) (optional): the localities made
 * @n_placed: (out) (optional): the practices whose locality changed
 *
 * Inside the caller's transaction: a locality for each @grouping ("pcn"
 * or "sub_icb") named by a practice it places, unless one of that name
 * (in any case) is already in the plan, with the grouping's code (unless
 * another locality has it), and each practice it places put
 * in the locality of its grouping's name.  Practices without the
 * grouping keep their locality, or stay without one.
 */
gboolean
lp_localities_from_grouping_write (LpPlan      *plan,
                                   const char  *grouping,
                                   gboolean     reassign,
                                   guint       *n_made,
                                   guint       *n_placed,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  if (!lp_grouping_check (grouping, error))
    return FALSE;
  stmt = lp_plan_prepare (plan,
      "INSERT INTO locality (id, name, code, notes) "
      "SELECT (abs (random ()) % 9000000000000000000) + 1, t.name, "
      "  CASE WHEN EXISTS (SELECT 1 FROM locality WHERE code = t.code) THEN NULL ELSE t.code END, ?3 "
      "FROM (" TARGETS ") AS t "
      "WHERE NOT EXISTS (SELECT 1 FROM locality WHERE name = t.name COLLATE NOCASE) "
      "GROUP BY t.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, grouping, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, reassign);
  sqlite3_bind_text (stmt, 3, _("Made from the practice map; rename or merge as the area works"), -1, SQLITE_TRANSIENT);
  if (!lp_stmt_run (plan, stmt, _("make the localities"), error))
    return FALSE;
  if (n_made != NULL)
    *n_made = (guint) sqlite3_changes (lp_plan_get_db (plan));

  /* Only the rows that change, so that the undo step holds no others. */
  stmt = lp_plan_prepare (plan,
      "WITH placed (practice_id, locality_id) AS ("
      "  SELECT t.id, coalesce ((SELECT l.id FROM locality AS l WHERE l.name = t.name), "
      "                         (SELECT l.id FROM locality AS l WHERE l.name = t.name COLLATE NOCASE LIMIT 1)) "
      "  FROM (" TARGETS ") AS t) "
      "UPDATE practice SET locality_id = placed.locality_id FROM placed "
      "WHERE practice.id = placed.practice_id AND practice.locality_id IS NOT placed.locality_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, grouping, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, reassign);
  if (!lp_stmt_run (plan, stmt, _("put the practices in their localities"), error))
    return FALSE;
  if (n_placed != NULL)
    *n_placed = (guint) sqlite3_changes (lp_plan_get_db (plan));
  return TRUE;
}

/**
 * lp_plan_preview_localities_from:
 * @grouping: "pcn" or "sub_icb"
 * @reassign: whether practices that have a locality move to their
 *   grouping's as well (otherwise they keep theirs)
 * @preview: (out caller-allocates): what lp_plan_make_localities_from()
 *   would do now
 *
 * Reads only; nothing is written.
 */
gboolean
lp_plan_preview_localities_from (LpPlan              *plan,
                                 const char          *grouping,
                                 gboolean             reassign,
                                 LpLocalitiesPreview *preview,
                                 GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  memset (preview, 0, sizeof *preview);
  if (!lp_grouping_check (grouping, error))
    return FALSE;
  stmt = lp_plan_prepare (plan,
      "WITH p AS ("
      "  SELECT p.locality_id AS locality_id, l.name AS locality, nullif (g.name, '') AS grouping "
      "  FROM practice AS p LEFT JOIN locality AS l ON l.id = p.locality_id "
      "  LEFT JOIN practice_grouping AS g ON g.practice_id = p.id AND g.kind = ?1), "
      "t AS (SELECT * FROM p WHERE grouping IS NOT NULL AND (locality_id IS NULL OR ?2)) "
      "SELECT "
      "  (SELECT count (DISTINCT grouping COLLATE NOCASE) FROM t WHERE NOT EXISTS "
      "     (SELECT 1 FROM locality WHERE name = t.grouping COLLATE NOCASE)), "
      "  (SELECT count (DISTINCT grouping COLLATE NOCASE) FROM t WHERE EXISTS "
      "     (SELECT 1 FROM locality WHERE name = t.grouping COLLATE NOCASE)), "
      "  (SELECT count (*) FROM t WHERE locality_id IS NULL), "
      "  (SELECT count (*) FROM t WHERE locality_id IS NOT NULL AND locality <> grouping COLLATE NOCASE), "
      "  (SELECT count (*) FROM p WHERE grouping IS NULL AND locality_id IS NULL), "
      "  (SELECT count (*) FROM p WHERE grouping IS NULL AND locality_id IS NOT NULL), "
      "  (SELECT count (*) FROM p WHERE grouping IS NOT NULL AND locality_id IS NOT NULL AND NOT ?2), "
      "  (SELECT count (*) FROM p WHERE grouping IS NOT NULL)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, grouping, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, reassign);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      preview->n_new_localities = (guint) sqlite3_column_int (stmt, 0);
      preview->n_existing_localities = (guint) sqlite3_column_int (stmt, 1);
      preview->n_assigned = (guint) sqlite3_column_int (stmt, 2);
      preview->n_moved = (guint) sqlite3_column_int (stmt, 3);
      preview->n_ungrouped_unassigned = (guint) sqlite3_column_int (stmt, 4);
      preview->n_ungrouped_kept = (guint) sqlite3_column_int (stmt, 5);
      preview->n_kept = (guint) sqlite3_column_int (stmt, 6);
      preview->n_grouped = (guint) sqlite3_column_int (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the practice map")), FALSE;
  return TRUE;
}

/* Why nothing would change, or NULL when something would. */
static char *
lp_localities_from_nothing (const LpLocalitiesPreview *preview,
                            const char                *noun)
{
  if (preview->n_grouped == 0)
    return g_strdup_printf (_("No practice has a %s yet: import the practice map "
                              "(gp-reg-pat-prac-map.csv) first"), noun);
  if (preview->n_assigned + preview->n_moved == 0)
    return g_strdup_printf (_("Every practice with a %s is already in a locality; "
                              "choose to reassign them to move them"), noun);
  return NULL;
}

/**
 * lp_plan_describe_localities_from:
 *
 * What lp_plan_make_localities_from() with the same arguments would do,
 * in a sentence for its preview: "13 localities; 49 practices assigned;
 * 8 practices have no PCN and stay unassigned."
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
lp_plan_describe_localities_from (LpPlan      *plan,
                                  const char  *grouping,
                                  gboolean     reassign,
                                  GError     **error)
{
  LpLocalitiesPreview preview;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *nothing = NULL;
  const char *noun;
  guint n_localities;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if (!lp_plan_preview_localities_from (plan, grouping, reassign, &preview, error))
    return NULL;
  noun = lp_grouping_noun (grouping);
  nothing = lp_localities_from_nothing (&preview, noun);
  if (nothing != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&nothing));
  else
    {
      n_localities = preview.n_new_localities + preview.n_existing_localities;
      if (preview.n_existing_localities == 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u locality", "%u localities",
                                                              n_localities), n_localities));
      else
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u locality (%u new, %u already in the plan)",
                                                              "%u localities (%u new, %u already in the plan)",
                                                              n_localities),
                                                 n_localities, preview.n_new_localities,
                                                 preview.n_existing_localities));
      if (preview.n_assigned > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u practice assigned",
                                                              "%u practices assigned", preview.n_assigned),
                                                 preview.n_assigned));
      if (preview.n_moved > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u practice moved from another locality",
                                                              "%u practices moved from another locality",
                                                              preview.n_moved), preview.n_moved));
    }
  if (preview.n_ungrouped_unassigned > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u practice has no %s and stays unassigned",
                                                          "%u practices have no %s and stay unassigned",
                                                          preview.n_ungrouped_unassigned),
                                             preview.n_ungrouped_unassigned, noun));
  if (preview.n_ungrouped_kept > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u practice has no %s and keeps its locality",
                                                          "%u practices have no %s and keep their locality",
                                                          preview.n_ungrouped_kept),
                                             preview.n_ungrouped_kept, noun));
  /* When nothing would change the first words already say so. */
  if (preview.n_kept > 0 && preview.n_assigned + preview.n_moved > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u practice already in a locality keeps it",
                                                          "%u practices already in a locality keep it",
                                                          preview.n_kept), preview.n_kept));
  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *joined = g_strjoinv ("; ", (char **) parts->pdata);
    return g_strconcat (joined, ".", NULL);
  }
}

/**
 * lp_plan_make_localities_from:
 * @grouping: "pcn" or "sub_icb"
 * @reassign: whether practices already in a locality move to their
 *   grouping's as well; otherwise only practices without a locality are
 *   placed
 * @n_made: (out) (optional): the localities made
 *
 * Makes a locality for each PCN (or Sub-ICB) of the practice map, as
 * lp_plan_describe_localities_from() says, in one undo step ("Make
 * localities from PCNs").  Refused when it would change nothing.
 */
gboolean
lp_plan_make_localities_from (LpPlan      *plan,
                              const char  *grouping,
                              gboolean     reassign,
                              guint       *n_made,
                              GError     **error)
{
  LpLocalitiesPreview preview;
  g_autofree char *nothing = NULL;
  guint made = 0;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_plan_preview_localities_from (plan, grouping, reassign, &preview, error))
    return FALSE;
  nothing = lp_localities_from_nothing (&preview, lp_grouping_noun (grouping));
  if (nothing != NULL)
    {
      g_set_error_literal (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, nothing);
      return FALSE;
    }
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  if (!lp_localities_from_grouping_write (plan, grouping, reassign, &made, NULL, error))
    {
      lp_plan_rollback (plan);
      return FALSE;
    }
  lp_plan_set_step_label (plan, g_str_equal (grouping, "pcn") ? _("Make localities from PCNs")
                                                              : _("Make localities from Sub-ICBs"));
  if (!lp_plan_commit (plan, error))
    {
      lp_plan_set_step_label (plan, NULL);
      return FALSE;
    }
  lp_plan_set_step_label (plan, NULL);
  lp_plan_emit_changed (plan, "locality");
  lp_plan_emit_changed (plan, "practice");
  if (n_made != NULL)
    *n_made = made;
  return TRUE;
}

/**
 * lp_plan_move_practices:
 * @ids: (array length=n_ids): the practices to move
 * @locality_id: where to, or 0 to take them out of their locality
 *
 * Moves the practices in one undo step, "Move 2 practices to
 * Stevenage".  Refused, with nothing written, when a practice or the
 * locality no longer exists.
 */
gboolean
lp_plan_move_practices (LpPlan        *plan,
                        const gint64  *ids,
                        guint          n_ids,
                        gint64         locality_id,
                        GError       **error)
{
  g_autoptr(LpLocality) locality = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (n_ids == 0)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("Choose the practices to move"));
      return FALSE;
    }
  if (locality_id != 0)
    {
      locality = lp_plan_get_locality (plan, locality_id, error);
      if (locality == NULL)
        return FALSE;
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u practice to %s",
                                            "Move %u practices to %s", n_ids),
                               n_ids, lp_locality_get_name (locality));
    }
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Take %u practice out of its locality",
                                          "Take %u practices out of their localities", n_ids), n_ids);
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean exists;

      stmt = lp_plan_prepare (plan, "SELECT 1 FROM practice WHERE id = ?1", error);
      if (stmt == NULL)
        return lp_plan_rollback (plan), FALSE;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!exists)
        {
          lp_plan_rollback (plan);
          g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND, _("The practice no longer exists"));
          return FALSE;
        }
      /* A practice already there is left alone: no row in the step. */
      stmt = lp_plan_prepare (plan, "UPDATE practice SET locality_id = nullif (?2, 0) "
                              "WHERE id = ?1 AND locality_id IS NOT nullif (?2, 0)", error);
      if (stmt == NULL)
        return lp_plan_rollback (plan), FALSE;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int64 (stmt, 2, locality_id);
      if (!lp_stmt_run (plan, stmt, _("move the practices"), error))
        return lp_plan_rollback (plan), FALSE;
    }
  lp_plan_set_step_label (plan, label);
  if (!lp_plan_commit (plan, error))
    {
      lp_plan_set_step_label (plan, NULL);
      return FALSE;
    }
  lp_plan_set_step_label (plan, NULL);
  lp_plan_emit_changed (plan, "practice");
  return TRUE;
}

/* A locality's own figures: the rows of other tables that name it, which
 * go with it when it is deleted. */
static const char *const locality_figures[] = {
  "SELECT count (*) FROM activity_baseline WHERE locality_id = ?1",
  "SELECT count (*) FROM pathway_change WHERE locality_id = ?1",
  "SELECT count (*) FROM apportionment_weight WHERE locality_id = ?1",
  "SELECT count (*) FROM access_trajectory WHERE locality_id = ?1",
  "SELECT count (*) FROM workforce_target WHERE locality_id = ?1",
};

static gboolean
lp_locality_count_figures (LpPlan  *plan,
                           gint64   id,
                           guint   *n_figures,
                           GError **error)
{
  *n_figures = 0;
  for (guint i = 0; i < G_N_ELEMENTS (locality_figures); i++)
    {
      sqlite3_stmt *stmt = lp_plan_prepare (plan, locality_figures[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *n_figures += (guint) sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Reads both localities of a merge, refusing one into itself. */
static gboolean
lp_merge_check (LpPlan       *plan,
                gint64        from_id,
                gint64        into_id,
                LpLocality  **from,
                LpLocality  **into,
                GError      **error)
{
  if (from_id == into_id)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                   _("A locality cannot be merged into itself: choose another locality"));
      return FALSE;
    }
  *from = lp_plan_get_locality (plan, from_id, error);
  if (*from == NULL)
    return FALSE;
  *into = lp_plan_get_locality (plan, into_id, error);
  if (*into == NULL)
    {
      g_clear_object (from);
      return FALSE;
    }
  return TRUE;
}

/**
 * lp_plan_describe_merge_locality:
 *
 * What lp_plan_merge_locality() would do, for the dialog that asks:
 * "The 5 practices of “Hitchin” move to “Stevenage”, and “Hitchin” is
 * deleted."  It says too when the locality has figures of its own
 * (pathway changes, growth, weights, trajectories, targets) that would
 * go with it.
 *
 * Returns: (transfer full): the text, or %NULL with @error set (the
 *   refusal lp_plan_merge_locality() would give)
 */
char *
lp_plan_describe_merge_locality (LpPlan  *plan,
                                 gint64   from_id,
                                 gint64   into_id,
                                 GError **error)
{
  g_autoptr(LpLocality) from = NULL;
  g_autoptr(LpLocality) into = NULL;
  g_autofree char *practices = NULL;
  guint n_practices, n_figures;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  if (!lp_merge_check (plan, from_id, into_id, &from, &into, error) ||
      !lp_locality_count_figures (plan, from_id, &n_figures, error))
    return NULL;
  /* Every practice moves, counted or not (a closed one keeps its history). */
  n_practices = (guint) lp_plan_count_locality_practices (plan, from_id);
  practices = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The %u practice of “%s” moves to “%s”, and “%s” is deleted.",
                                            "The %u practices of “%s” move to “%s”, and “%s” is deleted.",
                                            n_practices),
                               n_practices, lp_locality_get_name (from), lp_locality_get_name (into),
                               lp_locality_get_name (from));
  if (n_figures == 0)
    return g_steal_pointer (&practices);
  /* The count comes last so that the singular, which does not say it, leaves
   * the last argument unread instead of reading the count as the name. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s Its own figure (a pathway change, growth, weight, trajectory "
                                       "or target for “%s”) is deleted with it.",
                                       "%s Its own figures for “%s”, %u of them (pathway changes, growth, "
                                       "weights, trajectories or targets), are deleted with it.",
                                       n_figures),
                          practices, lp_locality_get_name (from), n_figures);
}

/**
 * lp_plan_count_locality_practices:
 *
 * Returns: every practice in the locality, closed ones too (the
 *   locality's "practice-count" counts only those counted now)
 */
guint
lp_plan_count_locality_practices (LpPlan *plan,
                                  gint64  id)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (LP_IS_PLAN (plan), 0);

  stmt = lp_plan_prepare (plan, "SELECT count (*) FROM practice WHERE locality_id = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * lp_plan_merge_locality:
 * @from_id: the locality that goes
 * @into_id: the locality that receives its practices
 *
 * Moves every practice of @from_id into @into_id and deletes @from_id
 * (with its own figures, as lp_plan_describe_merge_locality() says), in
 * one undo step "Merge X into Y".  Refused for a locality into itself.
 */
gboolean
lp_plan_merge_locality (LpPlan  *plan,
                        gint64   from_id,
                        gint64   into_id,
                        GError **error)
{
  g_autoptr(LpLocality) from = NULL;
  g_autoptr(LpLocality) into = NULL;
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LP_IS_PLAN (plan), FALSE);

  if (!lp_merge_check (plan, from_id, into_id, &from, &into, error))
    return FALSE;
  if (!lp_plan_begin_write (plan, error))
    return FALSE;
  stmt = lp_plan_prepare (plan, "UPDATE practice SET locality_id = ?2 WHERE locality_id = ?1", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, into_id);
  if (!lp_stmt_run (plan, stmt, _("move the practices"), error))
    return lp_plan_rollback (plan), FALSE;
  stmt = lp_plan_prepare (plan, "DELETE FROM locality WHERE id = ?1", error);
  if (stmt == NULL)
    return lp_plan_rollback (plan), FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  if (!lp_stmt_run (plan, stmt, _("delete the locality"), error))
    return lp_plan_rollback (plan), FALSE;
  label = g_strdup_printf (_("Merge %s into %s"), lp_locality_get_name (from), lp_locality_get_name (into));
  lp_plan_set_step_label (plan, label);
  if (!lp_plan_commit (plan, error))
    {
      lp_plan_set_step_label (plan, NULL);
      return FALSE;
    }
  lp_plan_set_step_label (plan, NULL);
  /* The figures that went with it are in other tables; their views read
   * them again. */
  lp_plan_emit_changed (plan, "practice");
  lp_plan_emit_changed (plan, "locality");
  lp_plan_emit_changed (plan, "activity_baseline");
  lp_plan_emit_changed (plan, "pathway_change");
  lp_plan_emit_changed (plan, "apportionment_weight");
  lp_plan_emit_changed (plan, "access_trajectory");
  lp_plan_emit_changed (plan, "workforce_target");
  return TRUE;
}
