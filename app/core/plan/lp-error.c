/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lp-error.h"

G_DEFINE_QUARK (lp-plan-error-quark, lp_plan_error)
