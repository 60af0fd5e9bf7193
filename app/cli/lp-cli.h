/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the commands of locality-planner-cli share with its dispatcher. */

#include "lp-core.h"

G_BEGIN_DECLS

#define LP_CLI_NAME "locality-planner-cli"

/* The exit statuses are part of the tool's interface: scripts and the
 * build (data/sample/meson.build) rely on them. */
enum {
  LP_CLI_EXIT_OK = 0,
  LP_CLI_EXIT_PROBLEMS = 1,  /* `check` found at least one error; `merge` left conflicts undecided;
                              * `repair` could not write a repaired copy */
  LP_CLI_EXIT_FAILURE = 2,   /* bad usage, or a file that could not be used */
};

#define LP_CLI_ERROR (lp_cli_error_quark ())

typedef enum {
  LP_CLI_ERROR_USAGE,
} LpCliError;

GQuark lp_cli_error_quark (void);

/* A command gets the positional arguments after its name (as many as it
 * declared) and the options given (name such as "--csv" -> value, "" for
 * an option without one).  It returns an exit status; LP_CLI_EXIT_FAILURE
 * always comes with @error set. */
typedef int (*LpCliRunFunc) (const char *const *args,
                             GHashTable        *options,
                             GError           **error);

int     lp_cli_new    (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_info   (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_check  (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_list   (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_sample (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_export (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_import (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_model  (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_access (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_workforce (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_workshop (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_repair (const char *const *args, GHashTable *options, GError **error);
int     lp_cli_merge  (const char *const *args, GHashTable *options, GError **error);

LpPlan  *lp_cli_open_plan  (const char *path,
                            GError    **error);
gboolean  lp_cli_find_scope (LpPlan     *plan,
                             GHashTable *options,
                             gint64     *locality_id,
                             gint64     *scenario_id,
                             GError    **error);
char   *lp_cli_one_line  (const char *text);

G_END_DECLS
