/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The file actions (lp-application-files.c) that lp-application.c adds. */

#include "lp-application.h"

G_BEGIN_DECLS

void lp_application_new_activated         (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data);
void lp_application_open_activated        (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data);
void lp_application_open_recent_activated (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data);

G_END_DECLS
