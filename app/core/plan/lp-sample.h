/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lp-plan.h"

G_BEGIN_DECLS

/* Builds the sample plan at @plan_path (which must not exist) from the
 * readable CSV files in @data_dir (data/sample/ in the source tree). */
gboolean lp_sample_build (const char  *data_dir,
                          const char  *plan_path,
                          GError     **error);

G_END_DECLS
