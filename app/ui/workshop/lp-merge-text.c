/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-merge-text.h"

/* "“Table A” · 1 of 3" */
char *
lp_merge_text_subtitle (const char *copy_name,
                        guint       index,
                        guint       n_copies)
{
  if (n_copies <= 1)
    return g_strdup_printf ("“%s”", copy_name);
  /* Translators: the copy being merged, then which of how many, "“Table A” · 1 of 3" */
  return g_strdup_printf (_("“%s” · %u of %u"), copy_name, index + 1, n_copies);
}

/**
 * lp_merge_text_taken_at:
 * @taken_at: the moment a copy was taken, as core stores it (ISO 8601, UTC)
 *
 * Returns: the moment in the user's time zone, "5 December 2026 at 09:30",
 *   or @taken_at itself if it cannot be read
 */
char *
lp_merge_text_taken_at (const char *taken_at)
{
  g_autoptr(GDateTime) utc = taken_at != NULL ? g_date_time_new_from_iso8601 (taken_at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup (taken_at != NULL ? taken_at : "");
  day = g_date_time_format (local, "%-d %B %Y");
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time, "5 December 2026 at 09:30" */
  return g_strdup_printf (_("%s at %s"), day, time);
}

char *
lp_merge_text_intro (const char *copy_name,
                     const char *taken_at,
                     guint       n_changes,
                     gboolean    against_plan)
{
  g_autofree char *when = lp_merge_text_taken_at (taken_at);

  if (against_plan)
    return g_strdup_printf (ngettext ("“%s” differs from the plan as it is in %u place. Its base is no longer in the "
                                      "plan, so each difference is shown to decide.",
                                      "“%s” differs from the plan as it is in %u places. Its base is no longer in the "
                                      "plan, so each difference is shown to decide.", n_changes),
                            copy_name, n_changes);
  if (n_changes == 0)
    return g_strdup_printf (_("“%s” has not changed since it was copied on %s."), copy_name, when);
  return g_strdup_printf (ngettext ("“%s” made %u change since it was copied on %s. Untick a change to leave it out.",
                                    "“%s” made %u changes since it was copied on %s. Untick a change to leave it out.",
                                    n_changes),
                          copy_name, n_changes, when);
}

/* Under the intro while any conflict is undecided; NULL once all are. */
char *
lp_merge_text_to_decide (guint    n_undecided,
                         guint    n_conflicts,
                         gboolean against_plan)
{
  if (n_conflicts == 0)
    return NULL;
  if (against_plan && n_undecided == 0)
    return g_strdup (ngettext ("The difference is decided.", "Every difference is decided.", n_conflicts));
  if (against_plan)
    return g_strdup_printf (ngettext ("%u difference to decide: choose which to keep; nothing is merged until "
                                      "each is decided.",
                                      "%u differences to decide: choose which to keep; nothing is merged until "
                                      "each is decided.", n_undecided),
                            n_undecided);
  if (n_undecided == 0)
    return g_strdup (ngettext ("The conflict is decided.", "Every conflict is decided.", n_conflicts));
  return g_strdup_printf (ngettext ("%u conflict to decide: the plan changed the same thing since the copy was "
                                    "taken. Choose which to keep; nothing is merged until each is decided.",
                                    "%u conflicts to decide: the plan changed the same things since the copy was "
                                    "taken. Choose which to keep; nothing is merged until each is decided.",
                                    n_undecided),
                          n_undecided);
}

char *
lp_merge_text_merge_button (guint n_included)
{
  if (n_included == 0)
    return g_strdup (_("_Merge"));
  return g_strdup_printf (ngettext ("_Merge %u Change", "_Merge %u Changes", n_included), n_included);
}

/* Over the copy's value in a conflict. */
char *
lp_merge_text_take_caption (const char *copy_name)
{
  /* Translators: a button over the copy's value in a conflict; %s is the copy, "Table A" */
  return g_strdup_printf (_("Take %s’s"), copy_name);
}

/* "Practices · Stevenage", or "Practices" for the whole plan. */
char *
lp_merge_text_heading (const char *section,
                       const char *place)
{
  if (place == NULL || *place == '\0')
    return g_strdup (section);
  /* Translators: a group of changes: the view, then the locality, "Workforce · Stevenage" */
  return g_strdup_printf (_("%s · %s"), section, place);
}

char *
lp_merge_text_copy_done (const char *copy_name,
                         guint       n_merged)
{
  if (n_merged == 0)
    return g_strdup_printf (_("“%s”: nothing to merge"), copy_name);
  return g_strdup_printf (ngettext ("“%s”: %u change merged", "“%s”: %u changes merged", n_merged),
                          copy_name, n_merged);
}

char *
lp_merge_text_copy_skipped (const char *copy_name)
{
  return g_strdup_printf (_("“%s”: not merged"), copy_name);
}

char *
lp_merge_text_done_title (guint n_merged_copies,
                          guint n_copies)
{
  if (n_merged_copies == n_copies)
    return g_strdup (ngettext ("Copy Merged", "Copies Merged", n_copies));
  /* Translators: "2 of 3 Copies Merged" */
  return g_strdup_printf (ngettext ("%u of %u Copy Merged", "%u of %u Copies Merged", n_copies),
                          n_merged_copies, n_copies);
}
