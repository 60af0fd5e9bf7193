/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enhanced access per primary care network (see lp-pcn-access.h for the
 * rules). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-access-private.h"
#include "lp-pcn-access.h"
#include "lp-plan-private.h"
#include "lp-population-base.h"
#include "lp-practice-private.h"
#include "lp-scenario.h"
#include "lp-validate.h"

typedef struct {
  gint64  id;
  char   *code;
  char   *pcn_code;
  char   *pcn_name;
  gint64  locality_id;          /* 0: none */
  char   *locality;
  char    closed_from[11];
} LpPcnMember;

static void
lp_pcn_member_clear (gpointer data)
{
  LpPcnMember *member = data;

  g_free (member->code);
  g_free (member->pcn_code);
  g_free (member->pcn_name);
  g_free (member->locality);
}

static void
lp_pcn_access_pcn_free (gpointer data)
{
  LpPcnAccessPcn *pcn = data;

  g_free (pcn->code);
  g_free (pcn->name);
  g_free (pcn);
}

static void
lp_pcn_access_locality_free (gpointer data)
{
  LpPcnAccessLocality *locality = data;

  g_free (locality->name);
  g_free (locality);
}

void
lp_pcn_access_free (LpPcnAccess *access)
{
  if (access == NULL)
    return;
  g_free (access->rule);
  g_free (access->base);
  g_clear_pointer (&access->pcns, g_ptr_array_unref);
  g_clear_pointer (&access->localities, g_ptr_array_unref);
  g_free (access);
}

/**
 * lp_pcn_standard_minutes:
 *
 * Returns: the part of the session inside network standard hours: Monday
 *   18:30-20:00 is all 90; Saturday 08:00-12:00 has 180 inside (09:00-12:00);
 *   Sunday none
 */
gint64
lp_pcn_standard_minutes (int weekday,
                         int start,
                         int end)
{
  int from, until;

  if (weekday >= 1 && weekday <= 5)
    from = LP_PCN_WEEKDAY_FROM, until = LP_PCN_WEEKDAY_UNTIL;
  else if (weekday == 6)
    from = LP_PCN_SATURDAY_FROM, until = LP_PCN_SATURDAY_UNTIL;
  else
    return 0;
  return MAX (0, MIN (end, until) - MAX (start, from));
}

/* The rule in force on @last_day: name, minutes, rounding, applies to, base. */
typedef struct {
  gboolean  found;
  char     *name;
  double    minutes_per_1000;
  gboolean  quarter_hour;
  gboolean  pcn;
  char     *base;
} LpPcnRule;

static void
lp_pcn_rule_clear (LpPcnRule *rule)
{
  g_free (rule->name);
  g_free (rule->base);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LpPcnRule, lp_pcn_rule_clear)

/* Population x minutes per 1,000 / 1,000, rounded as the rule says:
 * weighted populations are not whole numbers. */
static double
lp_pcn_required (double            population,
                 const LpPcnRule  *rule)
{
  double minutes = population * rule->minutes_per_1000 / 1000.0;

  return rule->quarter_hour ? round (minutes / 15.0) * 15.0 : minutes;
}

static gboolean
lp_pcn_read_rule (LpPlan      *plan,
                  const char  *last_day,
                  LpPcnRule   *rule,
                  GError     **error)
{
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT name, minutes_per_1000, round_to_quarter_hour, applies_to = 'pcn', population_base "
      "FROM capacity_rule WHERE start_date <= ?1 ORDER BY start_date DESC, name LIMIT 1", error);
  int rc;

  memset (rule, 0, sizeof *rule);
  if (stmt == NULL)
    return FALSE;
  lp_stmt_bind_text (stmt, 1, last_day);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      rule->found = TRUE;
      rule->name = g_strdup (lp_stmt_column_text (stmt, 0));
      rule->minutes_per_1000 = sqlite3_column_double (stmt, 1);
      rule->quarter_hour = sqlite3_column_int (stmt, 2) != 0;
      rule->pcn = sqlite3_column_int (stmt, 3) != 0;
      rule->base = g_strdup (lp_stmt_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the capacity rules")), FALSE;
  return TRUE;
}

/**
 * lp_plan_access_is_pcn_month:
 * @month: "YYYY-MM"
 *
 * Returns: FALSE with @error set if the plan cannot be read
 */
gboolean
lp_plan_access_is_pcn_month (LpPlan      *plan,
                             const char  *month,
                             gboolean    *pcn_era,
                             GError     **error)
{
  LpPcnRule rule;
  int index = lp_access_month_index (month);
  char last[11];
  gboolean ok;

  g_return_val_if_fail (LP_IS_PLAN (plan) && pcn_era != NULL, FALSE);

  *pcn_era = FALSE;
  if (index < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("“%s” is not a month"), month), FALSE;
  lp_access_month_last_day (index, last);
  ok = lp_pcn_read_rule (plan, last, &rule, error);
  *pcn_era = ok && rule.found && rule.pcn;
  lp_pcn_rule_clear (&rule);
  return ok;
}

/* The practices of every PCN, by PCN then practice. */
static GArray *
lp_pcn_read_members (LpPlan  *plan,
                     GError **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (LpPcnMember));
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT p.id, p.ods_code, g.code, g.name, ifnull (p.locality_id, 0), l.name, "
      LP_PRACTICE_CLOSED_FROM ("p") " "
      "FROM practice_grouping AS g JOIN practice AS p ON p.id = g.practice_id "
      "LEFT JOIN locality AS l ON l.id = p.locality_id "
      "WHERE g.kind = 'pcn' AND length (trim (g.code)) > 0 ORDER BY g.code, p.ods_code", error);
  int rc;

  g_array_set_clear_func (members, lp_pcn_member_clear);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LpPcnMember member = { sqlite3_column_int64 (stmt, 0), g_strdup (lp_stmt_column_text (stmt, 1)),
                             g_strdup (lp_stmt_column_text (stmt, 2)), g_strdup (lp_stmt_column_text (stmt, 3)),
                             sqlite3_column_int64 (stmt, 4), g_strdup (lp_stmt_column_text (stmt, 5)), { 0 } };

      g_strlcpy (member.closed_from, lp_stmt_column_text (stmt, 6) != NULL ? lp_stmt_column_text (stmt, 6) : "",
                 sizeof member.closed_from);
      g_array_append_val (members, member);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the primary care networks")), NULL;
  return g_steal_pointer (&members);
}

/* Each practice's figure on @base_name at @first_day, or at its latest
 * when it has none that early (a PCN adjusted population is published
 * once a year, often dated after the months it is used for). */
static GHashTable *
lp_pcn_read_base (LpPlan      *plan,
                  const char  *base_name,
                  const char  *first_day,
                  GError     **error)
{
  g_autoptr(LpPopulationBase) base = lp_population_base_parse (base_name, error);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) latest = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (base == NULL)
    return NULL;
  if ((counts = lp_plan_read_population_base (plan, base, first_day, error)) == NULL ||
      (latest = lp_plan_read_population_base (plan, base, NULL, error)) == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (counts, key))
      {
        g_hash_table_iter_steal (&iter);
        g_hash_table_insert (counts, key, value);
      }
  return g_steal_pointer (&counts);
}

static int
lp_pcn_time_minutes (const char *text)
{
  unsigned hours = 0, minutes = 0;

  if (text == NULL || sscanf (text, "%2u:%2u", &hours, &minutes) != 2)
    return 0;
  return (int) (hours * 60 + minutes);
}

typedef struct {
  int     rank;                 /* of the scenario the PCN's sessions come from */
  gint64  offered;
  gint64  standard;
  guint   sessions;
} LpPcnSessions;

/* Offered and inside-hours minutes per PCN code (-> LpPcnSessions) from
 * the sessions live on @last_day; @all_sessions: those of the chain, any
 * month. */
static GHashTable *
lp_pcn_read_sessions (LpPlan      *plan,
                      GArray      *chain,
                      const char  *last_day,
                      guint       *all_sessions,
                      GError     **error)
{
  g_autoptr(GHashTable) by_pcn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = lp_plan_prepare (plan,
      "SELECT scenario_id, pcn_code, weekday, start_time, end_time, "
      "  start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1) "
      "FROM pcn_access_session", error);
  int rc;

  *all_sessions = 0;
  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, last_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int rank = lp_scenario_chain_rank (chain, sqlite3_column_int64 (stmt, 0));
      const char *code = lp_stmt_column_text (stmt, 1);
      int weekday = sqlite3_column_int (stmt, 2);
      int start = lp_pcn_time_minutes (lp_stmt_column_text (stmt, 3));
      int end = lp_pcn_time_minutes (lp_stmt_column_text (stmt, 4));
      LpPcnSessions *sessions;

      if (rank < 0)
        continue;
      (*all_sessions)++;
      sessions = g_hash_table_lookup (by_pcn, code);
      if (sessions == NULL)
        {
          sessions = g_new0 (LpPcnSessions, 1);
          sessions->rank = G_MAXINT;
          g_hash_table_insert (by_pcn, g_strdup (code), sessions);
        }
      /* The nearest scenario that gives the PCN any sessions replaces its
       * base's, live in this month or not. */
      if (rank > sessions->rank)
        continue;
      if (rank < sessions->rank)
        sessions->offered = sessions->standard = sessions->sessions = 0;
      sessions->rank = rank;
      if (sqlite3_column_int (stmt, 5) == 0)
        continue;
      sessions->offered += end - start;
      sessions->standard += lp_pcn_standard_minutes (weekday, start, end);
      sessions->sessions++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return lp_sqlite_set_error (error, lp_plan_get_db (plan), rc, _("read the enhanced access sessions")), NULL;
  return g_steal_pointer (&by_pcn);
}

static int
lp_pcn_compare (gconstpointer a,
                gconstpointer b)
{
  const LpPcnAccessPcn *left = *(LpPcnAccessPcn *const *) a;
  const LpPcnAccessPcn *right = *(LpPcnAccessPcn *const *) b;
  int by_name = g_utf8_collate (left->name, right->name);

  return by_name != 0 ? by_name : strcmp (left->code, right->code);
}

static int
lp_pcn_locality_compare (gconstpointer a,
                         gconstpointer b)
{
  const LpPcnAccessLocality *left = *(LpPcnAccessLocality *const *) a;
  const LpPcnAccessLocality *right = *(LpPcnAccessLocality *const *) b;

  return g_utf8_collate (left->name, right->name);
}

/* A list of the practices named in an error: "Y01234 and Y05678", at
 * most five and a count of the rest. */
static char *
lp_pcn_practice_list (GPtrArray *codes)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < codes->len && i < 5; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == codes->len ? _(" and ") : ", ");
      g_string_append (text, g_ptr_array_index (codes, i));
    }
  if (codes->len > 5)
    g_string_append_printf (text, ngettext (" and %u other", " and %u others", codes->len - 5), codes->len - 5);
  return g_string_free (text, FALSE);
}

/* Every PCN's figures, and each locality's share of them: a PCN's
 * practices take its figures to their localities in proportion to their
 * population on the base, so a PCN across two localities counts once. */
static gboolean
lp_pcn_count (LpPcnAccess      *access,
              const LpPcnRule  *rule,
              GArray           *members,
              GHashTable       *counts,
              GHashTable       *sessions,
              gint64            locality_id,
              const char       *first_day,
              GError          **error)
{
  g_autoptr(GHashTable) localities = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();
  guint i = 0;

  while (i < members->len)
    {
      const LpPcnMember *first = &g_array_index (members, LpPcnMember, i);
      LpPcnAccessPcn *pcn = g_new0 (LpPcnAccessPcn, 1);
      const LpPcnSessions *offered = g_hash_table_lookup (sessions, first->pcn_code);
      double in_locality = 0;
      gboolean in_selection = locality_id == 0;

      pcn->code = g_strdup (first->pcn_code);
      pcn->name = g_strdup (!lp_text_is_blank (first->pcn_name) ? first->pcn_name : first->pcn_code);
      g_ptr_array_set_size (counted, 0);
      for (; i < members->len && g_str_equal (g_array_index (members, LpPcnMember, i).pcn_code, pcn->code); i++)
        {
          LpPcnMember *member = &g_array_index (members, LpPcnMember, i);
          const double *count = g_hash_table_lookup (counts, &member->id);

          if (!lp_practice_counts_on (member->closed_from, first_day))
            continue;
          if (member->locality_id == locality_id)
            in_selection = TRUE;
          if (count == NULL)
            {
              g_ptr_array_add (missing, member->code);
              continue;
            }
          pcn->population += *count;
          pcn->practices++;
          g_ptr_array_add (counted, member);
          if (locality_id == 0 || member->locality_id == locality_id)
            in_locality += *count;
        }
      pcn->required_minutes = lp_pcn_required (pcn->population, rule);
      pcn->offered_minutes = offered != NULL ? offered->offered : 0;
      pcn->standard_minutes = offered != NULL ? offered->standard : 0;
      pcn->sessions = offered != NULL ? offered->sessions : 0;
      pcn->locality_share = pcn->population > 0 ? in_locality / pcn->population : (locality_id == 0 ? 1 : 0);
      pcn->shortfall = (double) pcn->offered_minutes < pcn->required_minutes;
      access->all_pcns++;
      for (guint p = 0; p < counted->len && pcn->population > 0; p++)
        {
          LpPcnMember *member = g_ptr_array_index (counted, p);
          double share = *(const double *) g_hash_table_lookup (counts, &member->id) / pcn->population;
          LpPcnAccessLocality *locality;

          if (member->locality_id == 0)
            continue;
          locality = g_hash_table_lookup (localities, &member->locality_id);
          if (locality == NULL)
            {
              locality = g_new0 (LpPcnAccessLocality, 1);
              locality->locality_id = member->locality_id;
              locality->name = g_strdup (member->locality);
              g_hash_table_insert (localities, &locality->locality_id, locality);
              g_ptr_array_add (access->localities, locality);
            }
          locality->population += share * pcn->population;
          locality->required_minutes += share * pcn->required_minutes;
          locality->offered_minutes += share * (double) pcn->offered_minutes;
          locality->standard_minutes += share * (double) pcn->standard_minutes;
        }
      if (!in_selection)
        {
          lp_pcn_access_pcn_free (pcn);
          continue;
        }
      access->population += pcn->locality_share * pcn->population;
      access->required_minutes += pcn->locality_share * pcn->required_minutes;
      access->offered_minutes += pcn->locality_share * (double) pcn->offered_minutes;
      access->standard_minutes += pcn->locality_share * (double) pcn->standard_minutes;
      g_ptr_array_add (access->pcns, pcn);
    }
  if (missing->len > 0)
    {
      g_autofree char *list = lp_pcn_practice_list (missing);

      return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID,
                          ngettext ("Practice %s is in a primary care network but has no figure on the "
                                    "population base “%s”: import it, or choose another base for the rule",
                                    "Practices %s are in primary care networks but have no figure on the "
                                    "population base “%s”: import them, or choose another base for the rule",
                                    missing->len), list, rule->base), FALSE;
    }
  for (guint l = 0; l < access->localities->len; l++)
    {
      LpPcnAccessLocality *locality = g_ptr_array_index (access->localities, l);

      /* A thousandth of a minute is below what anyone reads. */
      locality->shortfall = locality->offered_minutes + 1e-3 < locality->required_minutes;
    }
  g_ptr_array_sort (access->pcns, lp_pcn_compare);
  g_ptr_array_sort (access->localities, lp_pcn_locality_compare);
  return TRUE;
}

/* What stays the same from month to month of one reading of the plan,
 * so that a table of months reads the practices and their figures once
 * rather than a month at a time. */
struct _LpPcnCache
{
  GArray     *chain;
  gint64      scenario_id;
  GArray     *members;
  char       *base;          /* the base the counts are on */
  char       *key;           /* the figures' dates they were read at, or NULL: read again */
  GHashTable *counts;
};

LpPcnCache *
lp_pcn_cache_new (void)
{
  return g_new0 (LpPcnCache, 1);
}

void
lp_pcn_cache_free (LpPcnCache *cache)
{
  if (cache == NULL)
    return;
  g_clear_pointer (&cache->chain, g_array_unref);
  g_clear_pointer (&cache->members, g_array_unref);
  g_clear_pointer (&cache->counts, g_hash_table_unref);
  g_free (cache->base);
  g_free (cache->key);
  g_free (cache);
}

/* The dates of the figures a base reads at @first_day: the same for two
 * months when no list-size extract (for "registered") or imported
 * weighted population (for weights imported per practice) is dated
 * between them.  NULL for other bases: they are read every month. */
static char *
lp_pcn_base_key (LpPlan      *plan,
                 const char  *base_name,
                 const char  *first_day,
                 GError     **error)
{
  g_autoptr(LpPopulationBase) base = lp_population_base_parse (base_name, NULL);
  sqlite3_stmt *stmt;
  char *key = NULL;
  int rc;

  if (base == NULL || base->kind == LP_POPULATION_BASE_KIND_AGE)
    return NULL;
  stmt = lp_plan_prepare (plan, base->kind == LP_POPULATION_BASE_KIND_REGISTERED
      ? "SELECT 'registered ' || ifnull ((SELECT max (extract_date) FROM list_size WHERE extract_date <= ?1), '')"
      : "SELECT 'imported ' || ifnull ((SELECT max (as_at) FROM weighted_population "
        "  WHERE weights_name = ?2 AND as_at <= ?1), '') "
        "FROM population_weights WHERE name = ?2 AND kind = 'imported'", error);
  if (stmt == NULL)
    return NULL;
  lp_stmt_bind_text (stmt, 1, first_day);
  lp_stmt_bind_text (stmt, 2, base->weights);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    key = g_strdup (lp_stmt_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_clear_pointer (&key, g_free);
  return key;
}

/* The practices' figures on @base at @first_day, from the cache while
 * their dates are the same. */
static GHashTable *
lp_pcn_cached_base (LpPlan      *plan,
                    LpPcnCache  *cache,
                    const char  *base,
                    const char  *first_day,
                    GError     **error)
{
  g_autofree char *key = lp_pcn_base_key (plan, base, first_day, NULL);

  if (cache->counts != NULL && key != NULL && g_strcmp0 (cache->base, base) == 0 &&
      g_strcmp0 (cache->key, key) == 0)
    return g_hash_table_ref (cache->counts);
  g_clear_pointer (&cache->counts, g_hash_table_unref);
  g_clear_pointer (&cache->base, g_free);
  g_clear_pointer (&cache->key, g_free);
  if ((cache->counts = lp_pcn_read_base (plan, base, first_day, error)) == NULL)
    return NULL;
  cache->base = g_strdup (base);
  cache->key = g_steal_pointer (&key);
  return g_hash_table_ref (cache->counts);
}

/* lp_plan_pcn_access(), keeping in @cache what the next month can use. */
LpPcnAccess *
lp_pcn_access_cached (LpPlan      *plan,
                      gint64       scenario_id,
                      gint64       locality_id,
                      const char  *month,
                      LpPcnCache  *cache,
                      GError     **error)
{
  g_autoptr(LpPcnAccess) access = g_new0 (LpPcnAccess, 1);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) sessions = NULL;
  g_auto(LpPcnRule) rule = { 0, };
  int index = lp_access_month_index (month);
  char first[11], last[11];

  if (index < 0)
    return g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_INVALID, _("“%s” is not a month"), month), NULL;
  lp_access_month_first_day (index, first);
  lp_access_month_last_day (index, last);
  g_snprintf (access->month, sizeof access->month, "%.7s", first);
  access->pcns = g_ptr_array_new_with_free_func (lp_pcn_access_pcn_free);
  access->localities = g_ptr_array_new_with_free_func (lp_pcn_access_locality_free);
  if (cache->chain == NULL || cache->scenario_id != scenario_id)
    {
      g_clear_pointer (&cache->chain, g_array_unref);
      if ((cache->chain = lp_plan_dup_scenario_chain (plan, scenario_id, error)) == NULL)
        return NULL;
      cache->scenario_id = scenario_id;
    }
  if (cache->members == NULL && (cache->members = lp_pcn_read_members (plan, error)) == NULL)
    return NULL;
  if (!lp_pcn_read_rule (plan, last, &rule, error) ||
      (sessions = lp_pcn_read_sessions (plan, cache->chain, last, &access->all_sessions, error)) == NULL)
    return NULL;
  access->rule = g_strdup (rule.name);
  access->base = g_strdup (rule.base);
  access->minutes_per_1000 = rule.minutes_per_1000;
  access->round_to_quarter_hour = rule.quarter_hour;
  access->pcn_era = rule.found && rule.pcn;
  if (!access->pcn_era)
    return g_steal_pointer (&access);
  if ((counts = lp_pcn_cached_base (plan, cache, rule.base, first, error)) == NULL ||
      !lp_pcn_count (access, &rule, cache->members, counts, sessions, locality_id, first, error))
    return NULL;
  return g_steal_pointer (&access);
}

/**
 * lp_plan_pcn_access:
 * @month: "YYYY-MM"
 *
 * Returns: (transfer full): the month's PCN figures (empty unless
 *   ->pcn_era), or %NULL with @error set, naming the member practices
 *   that have no figure on the rule's base
 */
LpPcnAccess *
lp_plan_pcn_access (LpPlan      *plan,
                    gint64       scenario_id,
                    gint64       locality_id,
                    const char  *month,
                    GError     **error)
{
  LpPcnCache *cache;
  LpPcnAccess *access;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);

  cache = lp_pcn_cache_new ();
  access = lp_pcn_access_cached (plan, scenario_id, locality_id, month, cache, error);
  lp_pcn_cache_free (cache);
  return access;
}
