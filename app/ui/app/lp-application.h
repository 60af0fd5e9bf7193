/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-window.h"

G_BEGIN_DECLS

#define LP_TYPE_APPLICATION (lp_application_get_type ())
G_DECLARE_FINAL_TYPE (LpApplication, lp_application, LP, APPLICATION, AdwApplication)

LpApplication *lp_application_new         (void);
LpWindow      *lp_application_find_window (LpApplication *self,
                                           const char    *path);
void           lp_application_open_plan   (LpApplication *self,
                                           const char    *path,
                                           GtkWindow     *parent);
void           lp_application_new_plan    (LpApplication *self,
                                           const char    *path,
                                           GtkWindow     *parent);

G_END_DECLS
