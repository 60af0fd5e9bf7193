/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The commands workshop (hand out copies of a plan) and merge (bring back
 * what each copy changed).  Core finds the changes and the conflicts; these
 * only word them. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-cli.h"

int
lp_cli_workshop (const char *const  *args,
                 GHashTable         *options,
                 GError            **error)
{
  const char *copies = g_hash_table_lookup (options, "--copies");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(LpPlan) plan = NULL;
  g_auto(GStrv) parts = NULL;

  if (copies == NULL)
    {
      g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                   _("name the copies with --copies NAME[,NAME…]; see --help"));
      return LP_CLI_EXIT_FAILURE;
    }
  parts = g_strsplit (copies, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (g_strstrip (parts[i])));
  plan = lp_plan_open (args[0], LP_PLAN_OPEN_DEFAULT, error);
  if (plan == NULL ||
      !lp_plan_prepare_workshop_copies (plan, args[1], (const char * const *) names->pdata, names->len,
                                        &paths, error))
    return LP_CLI_EXIT_FAILURE;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *display = g_filename_display_name (g_ptr_array_index (paths, i));
      g_print (_("Wrote workshop copy %s\n"), display);
    }
  return LP_CLI_EXIT_OK;
}

static char *
lp_cli_conflict_value (const char *value)
{
  return g_strdup (value != NULL ? value : _("(none)"));
}

/* One line per conflict: which copy, where, and the three values. */
static char *
lp_cli_conflict_line (const char            *copy_name,
                      const LpMergeConflict *conflict)
{
  g_autofree char *base = lp_cli_conflict_value (conflict->base_value);
  g_autofree char *copy = lp_cli_conflict_value (conflict->copy_value);
  g_autofree char *plan = lp_cli_conflict_value (conflict->plan_value);
  const char *column = conflict->column != NULL ? conflict->column : "";

  switch (conflict->kind)
    {
    case LP_MERGE_CONFLICT_BOTH_CHANGED:
      return g_strdup_printf (_("%s: %s %s, %s: changed in both (base %s, copy %s, plan now %s)"),
                              copy_name, conflict->table, conflict->row_key, column, base, copy, plan);
    case LP_MERGE_CONFLICT_BOTH_ADDED:
      return g_strdup_printf (_("%s: %s %s, %s: added in both (copy %s, plan now %s)"),
                              copy_name, conflict->table, conflict->row_key, column, copy, plan);
    case LP_MERGE_CONFLICT_DELETED_IN_PLAN:
      return g_strdup_printf (_("%s: %s %s: changed in the copy (%s), deleted in the plan"),
                              copy_name, conflict->table, conflict->row_key, column);
    case LP_MERGE_CONFLICT_DELETED_IN_COPY:
      return g_strdup_printf (_("%s: %s %s: deleted in the copy, changed in the plan (%s)"),
                              copy_name, conflict->table, conflict->row_key, column);
    case LP_MERGE_CONFLICT_ONLY_IN_COPY:
      return g_strdup_printf (_("%s: %s %s: only in the copy"), copy_name, conflict->table, conflict->row_key);
    case LP_MERGE_CONFLICT_ONLY_IN_PLAN:
      return g_strdup_printf (_("%s: %s %s: only in the plan"), copy_name, conflict->table, conflict->row_key);
    case LP_MERGE_CONFLICT_BREAKS_RULE:
    default:
      return g_strdup_printf (_("%s: %s %s: the copy’s change would break a rule of the plan (a code or "
                                "name used twice, or a value out of range); --ours leaves it out"),
                              copy_name, conflict->table, conflict->row_key);
    }
}

int
lp_cli_merge (const char *const  *args,
              GHashTable         *options,
              GError            **error)
{
  gboolean dry_run = g_hash_table_contains (options, "--dry-run");
  gboolean ours = g_hash_table_contains (options, "--ours");
  gboolean theirs = g_hash_table_contains (options, "--theirs");
  gboolean against_plan = g_hash_table_contains (options, "--against-plan");
  LpMergeChoice otherwise = ours ? LP_MERGE_KEEP_PLAN : theirs ? LP_MERGE_TAKE_COPY : LP_MERGE_UNDECIDED;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) lp_workshop_copy_free);
  g_autoptr(LpPlan) plan = NULL;
  gboolean undecided = FALSE;

  if (ours && theirs)
    {
      g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE, _("give --ours or --theirs, not both"));
      return LP_CLI_EXIT_FAILURE;
    }
  plan = lp_plan_open (args[0], LP_PLAN_OPEN_DEFAULT, error);
  if (plan == NULL)
    return LP_CLI_EXIT_FAILURE;
  /* Every copy is checked before any is merged: a file that cannot be
   * used stops the whole command with the plan unchanged. */
  for (guint i = 1; args[i] != NULL; i++)
    {
      LpWorkshopCopy *copy = against_plan ? lp_plan_read_copy_against_plan (plan, args[i], error)
                                          : lp_plan_read_workshop_copy (plan, args[i], error);

      if (copy == NULL)
        return LP_CLI_EXIT_FAILURE;
      g_ptr_array_add (copies, copy);
    }
  /* Each copy merges on its own, in one transaction: one with a conflict
   * left undecided is not merged at all, and the others still are. */
  for (guint i = 0; i < copies->len; i++)
    {
      LpWorkshopCopy *copy = g_ptr_array_index (copies, i);
      const char *name = lp_workshop_copy_get_name (copy);
      g_autoptr(GPtrArray) conflicts = NULL;
      guint n_changes = 0;

      if (!lp_plan_merge_copy (plan, copy, NULL, NULL, otherwise, dry_run ? LP_MERGE_DRY_RUN : LP_MERGE_DEFAULT,
                               &conflicts, &n_changes, error))
        return LP_CLI_EXIT_FAILURE;
      if (conflicts->len > 0)
        {
          undecided = TRUE;
          for (guint c = 0; c < conflicts->len; c++)
            {
              g_autofree char *line = lp_cli_conflict_line (name, g_ptr_array_index (conflicts, c));
              g_autofree char *one_line = lp_cli_one_line (line);
              g_print ("%s\n", one_line);
            }
          g_print (g_dngettext (NULL, "%s: not merged: %u conflict to decide (--ours keeps the plan’s values, "
                                      "--theirs takes the copy’s)\n",
                                      "%s: not merged: %u conflicts to decide (--ours keeps the plan’s values, "
                                      "--theirs takes the copy’s)\n", conflicts->len),
                   name, conflicts->len);
        }
      else if (n_changes == 0)
        g_print (_("%s: nothing to merge\n"), name);
      else if (dry_run)
        g_print (g_dngettext (NULL, "%s: would merge %u change\n", "%s: would merge %u changes\n", n_changes),
                 name, n_changes);
      else
        g_print (g_dngettext (NULL, "%s: merged %u change\n", "%s: merged %u changes\n", n_changes),
                 name, n_changes);
    }
  return undecided ? LP_CLI_EXIT_PROBLEMS : LP_CLI_EXIT_OK;
}
