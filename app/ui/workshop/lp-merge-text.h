/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The merge window's own words (the changes and conflicts themselves are
 * worded by core, lp-merge-words.h). */

#include <glib.h>

G_BEGIN_DECLS

char *lp_merge_text_subtitle      (const char *copy_name,
                                   guint       index,
                                   guint       n_copies);
char *lp_merge_text_intro         (const char *copy_name,
                                   const char *taken_at,
                                   guint       n_changes,
                                   gboolean    against_plan);
char *lp_merge_text_to_decide     (guint       n_undecided,
                                   guint       n_conflicts,
                                   gboolean    against_plan);
char *lp_merge_text_merge_button  (guint       n_included);
char *lp_merge_text_take_caption  (const char *copy_name);
char *lp_merge_text_heading       (const char *section,
                                   const char *place);
char *lp_merge_text_copy_done     (const char *copy_name,
                                   guint       n_merged);
char *lp_merge_text_copy_skipped  (const char *copy_name);
char *lp_merge_text_done_title    (guint       n_merged_copies,
                                   guint       n_copies);
char *lp_merge_text_taken_at      (const char *taken_at);

G_END_DECLS
