/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LP_PLAN_ERROR (lp_plan_error_quark ())

/**
 * LpPlanError:
 * @LP_PLAN_ERROR_NOT_FOUND: the file or the row asked for does not exist
 * @LP_PLAN_ERROR_EXISTS: a new plan would overwrite an existing file
 * @LP_PLAN_ERROR_NOT_A_PLAN: the file is not a Locality Planner plan
 * @LP_PLAN_ERROR_TOO_NEW: the plan was made by a newer Locality Planner
 * @LP_PLAN_ERROR_CORRUPT: the plan file is damaged
 * @LP_PLAN_ERROR_READ_ONLY: the plan cannot be changed (read-only file)
 * @LP_PLAN_ERROR_BUSY: another program holds the plan file locked
 * @LP_PLAN_ERROR_IO: reading or writing the disk failed (e.g. disk full)
 * @LP_PLAN_ERROR_INVALID: a value given is not acceptable (bad input)
 * @LP_PLAN_ERROR_CONSTRAINT: the change conflicts with other data
 *   (a duplicate code, a locality that still has practices)
 * @LP_PLAN_ERROR_DATABASE: any other database failure
 * @LP_PLAN_ERROR_NEEDS_UPGRADE: a plan made by an older Locality Planner,
 *   opened only to be read, must first be opened to be changed (which
 *   upgrades it)
 */
typedef enum {
  LP_PLAN_ERROR_NOT_FOUND,
  LP_PLAN_ERROR_EXISTS,
  LP_PLAN_ERROR_NOT_A_PLAN,
  LP_PLAN_ERROR_TOO_NEW,
  LP_PLAN_ERROR_CORRUPT,
  LP_PLAN_ERROR_READ_ONLY,
  LP_PLAN_ERROR_BUSY,
  LP_PLAN_ERROR_IO,
  LP_PLAN_ERROR_INVALID,
  LP_PLAN_ERROR_CONSTRAINT,
  LP_PLAN_ERROR_DATABASE,
  LP_PLAN_ERROR_NEEDS_UPGRADE,
} LpPlanError;

GQuark lp_plan_error_quark (void);

G_END_DECLS
