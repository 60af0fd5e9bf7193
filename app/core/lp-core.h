/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Everything the user interface and the command line may call. */

#include "lp-error.h"
#include "lp-plan.h"
#include "lp-access.h"
#include "lp-activity.h"
#include "lp-check.h"
#include "lp-contract.h"
#include "lp-csv-writer.h"
#include "lp-export.h"
#include "lp-form.h"
#include "lp-format.h"
#include "lp-history.h"
#include "lp-import.h"
#include "lp-list-size.h"
#include "lp-locality.h"
#include "lp-model.h"
#include "lp-overview.h"
#include "lp-pathway.h"
#include "lp-practice.h"
#include "lp-practice-model.h"
#include "lp-sample.h"
#include "lp-scenario.h"
#include "lp-summary.h"
#include "lp-validate.h"
#include "lp-workforce.h"
