/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

void           lp_view_common_bind_callbacks   (GtkWidgetClass  *widget_class);
void           lp_view_common_ensure_css       (void);
void           lp_view_common_toast            (GtkWidget       *widget,
                                                const char      *title,
                                                gboolean         offer_undo);
GtkStringList *lp_view_common_locality_choices (LpPlan          *plan,
                                                const char      *first_label,
                                                GArray         **ids);
guint          lp_view_common_find_id          (GArray          *ids,
                                                gint64           id);
gboolean       lp_view_common_cut_off_tooltip  (GtkWidget       *label,
                                                int              x,
                                                int              y,
                                                gboolean         keyboard_mode,
                                                GtkTooltip      *tooltip,
                                                gpointer         unused);

G_END_DECLS
