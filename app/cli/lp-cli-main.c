/* SPDX-License-Identifier: GPL-3.0-or-later */
/* locality-planner-cli: reads argv, finds the command, runs it, and turns
 * any error into one line on stderr and exit status 2. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lp-cli.h"
#include "lp-cli-table.h"

typedef struct {
  const char   *name;
  const char   *synopsis;  /* the arguments, as shown in --help */
  const char   *summary;
  guint         n_args;
  const char   *options;   /* the options it takes, space-separated; "=" marks one with a value */
  LpCliRunFunc  run;       /* NULL for "help" */
  gboolean      more_args; /* takes n_args or more positional arguments */
} LpCliCommand;

/* The options that take a value, given as "--kind K" or "--kind=K". */
static const char * const valued_options[] = {
  "--kind", "--commissioner", "--as-at", "--localities-from", "--name", "--locality", "--scenario", "--per",
  "--compare", "--base", "--from", "--to", "--group", "--default-rule", "--copies", "--report", NULL
};

static const LpCliCommand commands[] = {
  { "new", N_("PLAN"), N_("Create an empty plan file"), 1, NULL, lp_cli_new },
  { "info", N_("PLAN"), N_("Show a plan's name, schema version, table sizes and summary"),
    1, NULL, lp_cli_info },
  { "check", N_("PLAN"), N_("Check a plan's integrity and rules; exit status 1 if it has errors"),
    1, NULL, lp_cli_check },
  { "list", N_("localities|practices|contracts PLAN [--csv]"),
    N_("List a plan's localities, practices or contracts; --csv writes CSV"),
    2, "--csv", lp_cli_list },
  { "import", N_("PLAN FILE [--kind K] [--add-new-practices] [--skip-bad-rows] [--commissioner CODE] "
                 "[--as-at YYYY-MM-DD] [--localities-from pcn|sub_icb] [--name NAME] [--dry-run]"),
    N_("Import an NHS file (list sizes, age bands, practice map, epraccur, workforce, a weighted "
       "population per practice such as PCN adjusted populations, named by --name) or a table's "
       "own CSV, in one transaction; exit status 1 and each bad row on stderr if the data is bad"),
    2, "--kind= --add-new-practices --skip-bad-rows --commissioner= --as-at= --localities-from= --name= "
       "--dry-run",
    lp_cli_import },
  { "model", N_("PLAN [--locality NAME] [--scenario NAME] [--compare NAME] [--per month|week|year] "
                 "[--base BASE] [--practices] [--csv]"),
    N_("Show the pathway changes a locality (or all of them) must make, per month, week or year; "
       "--compare adds the differences from another scenario; --base shares every pathway by a "
       "population base (registered, an age band such as 75+ or 0-4, or weighted NAME); "
       "--practices shows instead each practice's locality, list size and share of every column"),
    1, "--locality= --scenario= --compare= --per= --base= --practices --csv", lp_cli_model },
  { "access", N_("PLAN [--locality NAME] [--scenario NAME] [--from YYYY-MM] [--to YYYY-MM] [--partial] "
                  "[--default-rule MINUTES] [--networks] [--csv]"),
    N_("Show extended-access coverage month by month against the trajectory (target, planned, actual, "
       "gap) and the minutes a week required and offered; under a capacity rule per primary care network, "
       "the networks' minutes and those inside network standard hours instead of coverage; --partial counts "
       "partial provision; --default-rule requires MINUTES a week per 1,000 patients before the plan's "
       "first capacity rule; --networks shows each network's and locality's minutes in the last month"),
    1, "--locality= --scenario= --from= --to= --partial --default-rule= --networks --csv", lp_cli_access },
  { "workforce", N_("PLAN [--locality NAME] [--scenario NAME] [--group GP|nurses|dpc|admin] [--csv]"),
    N_("Show FTE quarter by quarter: the recorded baseline, the plan's projection, the target and the gap"),
    1, "--locality= --scenario= --group= --csv", lp_cli_workforce },
  { "export", N_("PLAN NAME FILE.csv|FILE.xlsx [--for-excel]"),
    N_("Export a table or view (NAME) to CSV or Excel, or “all” tables to one .xlsx; "
       "--for-excel starts CSV with a BOM so that Excel reads it as UTF-8"),
    3, "--for-excel", lp_cli_export },
  { "repair", N_("PLAN OUT.lpplan [--report FILE]"),
    N_("Repair a damaged plan into a new file OUT, never changing PLAN: a value that breaks a rule is "
       "cleared where the column may be empty, else its row is left out; of rows sharing a key the first "
       "is kept; each decision is printed and kept in the copy’s import log; --report also writes the "
       "report to FILE; exit status 1 if no copy could be written"),
    2, "--report=", lp_cli_repair },
  { "sample", N_("DATA_DIR PLAN [--replace]"),
    N_("Build the sample plan from the CSV files in DATA_DIR; --replace overwrites PLAN"),
    2, "--replace", lp_cli_sample },
  { "workshop", N_("PLAN DIR --copies NAME[,NAME…]"),
    N_("Write one workshop copy of the plan per NAME into the folder DIR (NAME.lpplan); the plan keeps "
       "the state they were taken from, to merge them back later"),
    2, "--copies=", lp_cli_workshop },
  { "merge", N_("PLAN COPY… [--dry-run] [--ours|--theirs] [--against-plan]"),
    N_("Merge into PLAN what each workshop copy changed, each copy in one transaction; exit status 1 "
       "and the conflicts one a line if a value was changed in both (nothing of that copy merged), "
       "unless --ours keeps the plan’s values or --theirs takes the copy’s; --dry-run merges nothing; "
       "--against-plan compares a copy whose base the plan no longer holds with the plan as it is, "
       "every difference a conflict"),
    2, "--dry-run --ours --theirs --against-plan", lp_cli_merge, TRUE },
  { "help", "", N_("Show this help"), 0, NULL, NULL },
};

/* Parsed argv: the options may come anywhere, as in most Unix tools. */
typedef struct {
  GPtrArray  *positional;  /* borrowed from argv */
  GHashTable *options;     /* "--name" -> value ("" for a flag) */
  gboolean    help;
  gboolean    version;
} LpCliArgs;

G_DEFINE_QUARK (lp-cli-error-quark, lp_cli_error)

/* Each command's synopsis on a line of its own and what it does below it,
 * indented: a table would pad every line to the longest synopsis. */
static void
print_help (void)
{
  g_print (_("Usage: %s COMMAND ARGUMENTS…\n\n"), LP_CLI_NAME);
  g_print ("%s\n\n", _("Inspects, checks, lists and exports Locality Planner plan files (.lpplan)."));
  g_print ("%s\n", _("Commands and options:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %s %s\n      %s\n", commands[i].name, _(commands[i].synopsis), _(commands[i].summary));
  g_print ("  -h, --help\n      %s\n", _("Show this help; after a command, that command's own"));
  g_print ("  --version\n      %s\n\n", _("Show the version"));
  g_print ("%s\n\n", _("export's NAME: localities, practices or contracts (as the app shows "
                         "them), a table of the plan file by its SQL name (practice, list_size, "
                         "contract…: `info` lists them), or all (every table, .xlsx only)."));
  g_print ("%s\n", _("Exit status: 0 success; 1 check found errors, import found bad rows, merge "
                     "left conflicts undecided, or repair could not write a copy; "
                     "2 wrong usage, or a file that could not be opened or created."));
}

/* COMMAND --help: that command alone. */
static void
print_command_help (const LpCliCommand *command)
{
  g_print (_("Usage: %s %s %s\n\n"), LP_CLI_NAME, command->name, _(command->synopsis));
  g_print ("%s\n", _(command->summary));
}

/* Takes one option, and its value from the next argument if it has one;
 * returns how many arguments it used. */
static int
parse_option (const char  *arg,
              const char  *next,
              LpCliArgs   *args,
              GError     **error)
{
  const char *equals = strchr (arg, '=');
  g_autofree char *name = equals != NULL ? g_strndup (arg, (gsize) (equals - arg)) : g_strdup (arg);

  if (!g_strv_contains (valued_options, name))
    {
      g_hash_table_insert (args->options, g_steal_pointer (&name), g_strdup (""));
      return 1;
    }
  if (equals != NULL)
    {
      g_hash_table_insert (args->options, g_steal_pointer (&name), g_strdup (equals + 1));
      return 1;
    }
  if (next == NULL)
    {
      g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE, _("option “%s” needs a value; see --help"), arg);
      return -1;
    }
  g_hash_table_insert (args->options, g_steal_pointer (&name), g_strdup (next));
  return 2;
}

static gboolean
parse_args (int         argc,
            char      **argv,
            LpCliArgs  *args,
            GError    **error)
{
  gboolean options_done = FALSE;

  for (int i = 1; i < argc; )
    {
      const char *arg = argv[i];
      int used = 1;

      if (options_done || arg[0] != '-' || arg[1] == '\0')
        g_ptr_array_add (args->positional, (gpointer) arg);
      else if (strcmp (arg, "--") == 0)
        options_done = TRUE;  /* a plan file may be called "-x.lpplan" */
      else if (strcmp (arg, "-h") == 0 || strcmp (arg, "--help") == 0)
        args->help = TRUE;
      else if (strcmp (arg, "--version") == 0)
        args->version = TRUE;
      else if (g_str_has_prefix (arg, "--"))
        used = parse_option (arg, i + 1 < argc ? argv[i + 1] : NULL, args, error);
      else
        {
          g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                       _("unknown option “%s”; see --help"), arg);
          return FALSE;
        }
      if (used < 0)
        return FALSE;
      i += used;
    }
  return TRUE;
}

/* Whether @command takes the option @name ("--csv"). */
static gboolean
command_takes (const LpCliCommand *command,
               const char         *name)
{
  g_auto(GStrv) taken = g_strsplit (command->options != NULL ? command->options : "", " ", -1);

  for (guint i = 0; taken[i] != NULL; i++)
    {
      gsize length = strlen (taken[i]);
      if (length > 0 && taken[i][length - 1] == '=')
        taken[i][length - 1] = '\0';
      if (g_str_equal (taken[i], name))
        return TRUE;
    }
  return FALSE;
}

static const LpCliCommand *
find_command (const char  *name,
              GError     **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
               _("unknown command “%s”; see --help"), name);
  return NULL;
}

/* Checks what came after the command name against what it declared. */
static gboolean
check_usage (const LpCliCommand  *command,
             const LpCliArgs     *args,
             GError             **error)
{
  guint given = args->positional->len - 1;
  const char *problem = NULL;

  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, args->options);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!command_takes (command, name))
      {
        gboolean known = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
          known = known || command_takes (&commands[i], name);
        if (known)
          g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                       _("“%s” does not take the option “%s”; see --help"),
                       command->name, (const char *) name);
        else
          g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                       _("unknown option “%s”; see --help"), (const char *) name);
        return FALSE;
      }
  if (given < command->n_args)
    problem = _("missing argument");
  else if (given > command->n_args && !command->more_args)
    problem = _("too many arguments");
  if (problem == NULL)
    return TRUE;
  g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE, _("%s; usage: %s %s %s"),
               problem, LP_CLI_NAME, command->name, _(command->synopsis));
  return FALSE;
}

/* --help wins over everything else on the line, as in GNU tools. */
static gboolean
print_help_or_version (const LpCliArgs *args)
{
  if (args->help)
    print_help ();
  else if (args->version)
    g_print ("%s %s\n", LP_CLI_NAME, PACKAGE_VERSION);
  return args->help || args->version;
}

/* Returns the exit status; with LP_CLI_EXIT_FAILURE, @error is set. */
static int
run (int           argc,
     char        **argv,
     const char  **plan_path,
     GError      **error)
{
  LpCliArgs args = { .positional = g_ptr_array_new (),
                     .options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  g_autoptr(GPtrArray) positional = args.positional;
  g_autoptr(GHashTable) options = args.options;
  const LpCliCommand *command;

  if (!parse_args (argc, argv, &args, error))
    return LP_CLI_EXIT_FAILURE;
  if (args.help && positional->len > 0)
    {
      command = find_command (g_ptr_array_index (positional, 0), error);
      if (command == NULL)
        return LP_CLI_EXIT_FAILURE;
      if (command->run == NULL)
        print_help ();
      else
        print_command_help (command);
      return LP_CLI_EXIT_OK;
    }
  if (print_help_or_version (&args))
    return LP_CLI_EXIT_OK;
  if (positional->len == 0)
    {
      g_set_error (error, LP_CLI_ERROR, LP_CLI_ERROR_USAGE,
                   _("no command given; see --help"));
      return LP_CLI_EXIT_FAILURE;
    }
  command = find_command (g_ptr_array_index (positional, 0), error);
  if (command == NULL)
    return LP_CLI_EXIT_FAILURE;
  if (command->run == NULL)
    {
      print_help ();
      return LP_CLI_EXIT_OK;
    }
  if (!check_usage (command, &args, error))
    return LP_CLI_EXIT_FAILURE;
  /* the argument the synopsis calls PLAN, for a hint if it is refused */
  {
    g_auto(GStrv) words = g_strsplit (command->synopsis, " ", -1);

    for (guint i = 0; words[i] != NULL && i + 1 < positional->len; i++)
      if (g_str_equal (words[i], "PLAN"))
        *plan_path = g_ptr_array_index (positional, i + 1);
  }
  g_ptr_array_add (positional, NULL);
  return command->run ((const char *const *) positional->pdata + 1, options, error);
}

/* Output that did not reach its destination (a full disk, a closed pipe)
 * must not look like success to the script that asked for it. */
static gboolean
flush_stdout (GError **error)
{
  if (fflush (stdout) == 0 && !ferror (stdout))
    return TRUE;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
               _("could not write the output: %s"), g_strerror (errno));
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *plan_path = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (LP_CLI_NAME);

  status = run (argc, argv, &plan_path, &error);
  if (error == NULL && !flush_stdout (&error))
    status = LP_CLI_EXIT_FAILURE;
  if (error != NULL)
    {
      g_autofree char *message = lp_cli_one_line (error->message);

      g_printerr ("%s: %s\n", LP_CLI_NAME, message);
      /* A plan refused as damaged can still be listed and repaired. */
      if (g_error_matches (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT) && plan_path != NULL)
        {
          g_autofree char *display = g_filename_display_name (plan_path);
          g_printerr (_("hint: run “%s check %s” to list its problems and “%s repair %s COPY.lpplan” "
                        "to repair it into a copy\n"), LP_CLI_NAME, display, LP_CLI_NAME, display);
        }
      return LP_CLI_EXIT_FAILURE;
    }
  return status;
}
