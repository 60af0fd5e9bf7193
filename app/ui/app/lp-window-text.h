/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lp-repair.h"

G_BEGIN_DECLS

char *lp_window_text_location (const char *path,
                               gboolean    read_only,
                               const char *home_dir);
char *lp_window_text_copy_name (const char *path);
char *lp_window_text_damage_banner (guint n_errors);
char *lp_window_text_repaired_name (const char *path,
                                    gboolean    recovered);
char *lp_window_text_report_name   (const char *path,
                                    gboolean    repair);
char *lp_window_text_problems_report (const char *path,
                                      GPtrArray  *problems);
char *lp_window_text_repair_done   (const LpRepairReport *report);

G_END_DECLS
