/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lp-error.h"

G_BEGIN_DECLS

/* "LPln": written into every plan file's header as PRAGMA application_id. */
#define LP_PLAN_APPLICATION_ID 1280339054
/* The schema version this build creates and reads (PRAGMA user_version). */
#define LP_PLAN_SCHEMA_VERSION 9
#define LP_PLAN_FILE_SUFFIX ".lpplan"

typedef enum {
  LP_PLAN_OPEN_DEFAULT = 0,
  LP_PLAN_OPEN_READ_ONLY = 1 << 0,
} LpPlanOpenFlags;

#define LP_TYPE_PLAN (lp_plan_get_type ())
G_DECLARE_FINAL_TYPE (LpPlan, lp_plan, LP, PLAN, GObject)

LpPlan     *lp_plan_create               (const char      *path,
                                          GError         **error);
LpPlan     *lp_plan_open                 (const char      *path,
                                          LpPlanOpenFlags  flags,
                                          GError         **error);
void        lp_plan_close                (LpPlan          *self);
const char *lp_plan_get_path             (LpPlan          *self);
char       *lp_plan_dup_display_name     (LpPlan          *self);
gboolean    lp_plan_is_read_only         (LpPlan          *self);
gboolean    lp_plan_was_known_sound      (LpPlan          *self);
void        lp_plan_set_unsound          (LpPlan          *self);
int         lp_plan_get_schema_version   (LpPlan          *self);
const char *lp_plan_get_migration_backup (LpPlan          *self);
gint64      lp_plan_get_base_scenario_id (LpPlan          *self);
gboolean    lp_plan_save_copy            (LpPlan          *self,
                                          const char      *dest_path,
                                          GError         **error);
char       *lp_plan_dup_info             (LpPlan          *self,
                                          const char      *key);
gboolean    lp_plan_set_info             (LpPlan          *self,
                                          const char      *key,
                                          const char      *value,
                                          GError         **error);

G_END_DECLS
