/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _LpFieldErrors LpFieldErrors;

LpFieldErrors *lp_field_errors_new         (GtkLabel      *general);
void           lp_field_errors_free        (LpFieldErrors *self);
void           lp_field_errors_add         (LpFieldErrors *self,
                                            const char    *key,
                                            GtkWidget     *row);
GtkWidget     *lp_field_errors_get_row     (LpFieldErrors *self,
                                            const char    *key);
void           lp_field_errors_clear       (LpFieldErrors *self);
void           lp_field_errors_show        (LpFieldErrors *self,
                                            const char    *key,
                                            const char    *message);
const char    *lp_field_errors_get_message (LpFieldErrors *self,
                                            const char    *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpFieldErrors, lp_field_errors_free)

G_END_DECLS
