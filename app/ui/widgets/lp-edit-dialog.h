/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the three edit dialogs share: their keys and actions, and reading
 * and filling their rows. */

#include <adwaita.h>

G_BEGIN_DECLS

typedef const char *(*LpKeyLabelFunc) (const char *key);

void        lp_edit_dialog_class_setup (GtkWidgetClass              *widget_class,
                                        const char                  *resource,
                                        GtkWidgetActionActivateFunc  save);
guint       lp_edit_dialog_saved_signal (GType                       type);
const char *lp_edit_dialog_get_text    (GtkWidget                   *row);
void        lp_edit_dialog_set_text    (GtkWidget                   *row,
                                        const char                  *text);
void        lp_edit_dialog_set_keys    (AdwComboRow                 *row,
                                        const char *const           *keys,
                                        LpKeyLabelFunc               label,
                                        const char                  *selected);
const char *lp_edit_dialog_get_key     (AdwComboRow                 *row,
                                        const char *const           *keys);

G_END_DECLS
