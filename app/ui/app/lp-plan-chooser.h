/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  LP_PLAN_CHOOSER_OPEN,
  LP_PLAN_CHOOSER_NEW,
  LP_PLAN_CHOOSER_SAVE_COPY,
  LP_PLAN_CHOOSER_REPAIR_COPY,
  LP_PLAN_CHOOSER_RECOVER_COPY,
} LpPlanChooserKind;

GtkFileChooserNative *lp_plan_chooser_new (GtkWindow         *parent,
                                           LpPlanChooserKind  kind,
                                           const char        *suggested_name,
                                           const char        *folder);
char                 *lp_plan_chooser_get_path (GtkFileChooserNative *chooser);

G_END_DECLS
