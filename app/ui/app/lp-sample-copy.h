/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LP_SAMPLE_COPY_NAME "Sample plan.lpplan"

char *lp_sample_copy_choose_bundled (const char  *env_value,
                                     const char  *installed_path,
                                     const char  *build_path);
char *lp_sample_copy_find_bundled   (void);
char *lp_sample_copy_user_path      (void);
char *lp_sample_copy_ensure_at      (const char  *bundled_path,
                                     const char  *user_path,
                                     GError     **error);
char *lp_sample_copy_ensure         (GError     **error);

G_END_DECLS
