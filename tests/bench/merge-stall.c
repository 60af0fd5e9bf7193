/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the window is blocked when a workshop copy is merged.
 *
 *     merge-stall PLAN COPY [CHANGES]
 *
 * The window splits a merge as the plan's threads allow: on the plan's
 * worker, with the worker's own read-only connection (opened as
 * app/ui/views/lp-plan-reader.c opens it, and kept), the copy is read, its
 * changes listed and each put in words (app/ui/workshop/lp-workshop-jobs.c);
 * on the main thread, where the plan is open for
 * writing, a dry run finds the conflicts, and pressing Merge applies the
 * copy.  The two main-thread calls are the stall.  Each is timed
 * separately, three times, each run on a fresh copy of PLAN, against a
 * baseline taken in the same run on the same file: opening the plan for
 * writing (lp_plan_open), which a window already does on the main thread
 * and whose wait people know.  Every merge must apply what its dry run
 * predicted, more than nothing (and CHANGES, if given), with no conflict;
 * otherwise it exits 1.  Figures, not a test: merge-bench.py runs it. */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "lp-core.h"

#define RUNS 3

typedef struct {
  double open;     /* lp_plan_open of the plan for writing: the baseline */
  double reader;   /* lp_plan_open read-only, once per plan on the worker */
  double worker;   /* read the copy, list its changes and word them, on the worker */
  double words;    /* of which wording the changes */
  double dry_run;  /* the dry run on the main thread */
  double merge;    /* the merge on the main thread */
} Times;

static G_GNUC_NORETURN void
die (const char *what,
     GError     *error)
{
  printf ("error: %s%s%s\n", what, error != NULL ? ": " : "", error != NULL ? error->message : "");
  exit (1);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* One run on a fresh copy of @plan_path, written to @fresh.  Returns the
 * number of changes the merge applied. */
static guint
run_once (const char *plan_path,
          const char *fresh,
          const char *copy_path,
          Times      *times)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (plan_path);
  g_autoptr(GFile) target = g_file_new_for_path (fresh);
  g_autoptr(LpPlan) plan = NULL;
  g_autoptr(LpPlan) reader = NULL;
  g_autoptr(LpWorkshopCopy) copy = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) merge_conflicts = NULL;
  guint predicted = 0, merged = 0;
  gint64 start, start_words;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    die ("could not copy the plan", error);

  /* The baseline: the window opening the plan. */
  start = g_get_monotonic_time ();
  plan = lp_plan_open (fresh, LP_PLAN_OPEN_DEFAULT, &error);
  times->open = elapsed_ms (start);
  if (plan == NULL)
    die ("could not open the plan", error);

  /* The worker: its connection is opened on first use and kept, so it is
   * timed apart from the merge. */
  start = g_get_monotonic_time ();
  reader = lp_plan_open (fresh, LP_PLAN_OPEN_READ_ONLY, &error);
  times->reader = elapsed_ms (start);
  if (reader == NULL)
    die ("could not open the plan read-only", error);

  start = g_get_monotonic_time ();
  copy = lp_plan_read_workshop_copy (reader, copy_path, &error);
  if (copy == NULL)
    die ("could not read the workshop copy", error);
  changes = lp_workshop_copy_list_changes (copy, &error);
  if (changes == NULL)
    die ("could not list the copy's changes", error);
  start_words = g_get_monotonic_time ();
  /* As the merge window's reading does: every change in one read. */
  words = lp_workshop_copy_describe_changes (copy, changes);
  for (guint i = 0; i < words->len; i++)
    {
      LpChangeWords *said = g_ptr_array_index (words, i);

      if (said == NULL || said->text == NULL || said->text[0] == '\0')
        die ("a change of the copy has no words", NULL);
    }
  times->worker = elapsed_ms (start);
  times->words = elapsed_ms (start_words);

  /* The main thread: the dry run when the window has the copy... */
  start = g_get_monotonic_time ();
  if (!lp_plan_merge_copy (plan, copy, NULL, NULL, LP_MERGE_UNDECIDED, LP_MERGE_DRY_RUN, &conflicts, &predicted,
                           &error))
    die ("the dry run failed", error);
  times->dry_run = elapsed_ms (start);
  if (conflicts->len > 0)
    {
      const LpMergeConflict *first = g_ptr_array_index (conflicts, 0);
      printf ("error: the dry run found %u conflicts (the first in %s, row %s); a fresh plan has none\n",
              conflicts->len, first->table, first->row_key);
      exit (1);
    }

  /* ...and the merge when Merge is pressed, with the reader still open. */
  start = g_get_monotonic_time ();
  if (!lp_plan_merge_copy (plan, copy, conflicts, NULL, LP_MERGE_UNDECIDED, LP_MERGE_DEFAULT, &merge_conflicts,
                           &merged, &error))
    die ("the merge failed", error);
  times->merge = elapsed_ms (start);

  if (merge_conflicts->len > 0 || merged == 0 || merged != predicted)
    {
      printf ("error: the merge applied %u changes with %u conflicts; its dry run predicted %u\n", merged,
              merge_conflicts->len, predicted);
      exit (1);
    }
  if (changes->len != merged)
    {
      printf ("error: the copy lists %u changes but the merge applied %u\n", changes->len, merged);
      exit (1);
    }
  g_clear_pointer (&copy, lp_workshop_copy_free);
  g_clear_object (&reader);
  g_clear_object (&plan);
  return merged;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(GError) error = NULL;
  double open[RUNS], reader[RUNS], worker[RUNS], words[RUNS], dry_run[RUNS], merge[RUNS];
  double m_open, m_reader, m_worker, m_words, m_dry_run, m_merge;
  guint expected = 0, merged = 0;

  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: %s PLAN COPY [CHANGES]\n", argv[0]);
      return 2;
    }
  if (argc == 4)
    expected = (guint) g_ascii_strtoull (argv[3], NULL, 10);

  dir = g_dir_make_tmp ("lp-merge-stall-XXXXXX", &error);
  if (dir == NULL)
    die ("could not make a temporary folder", error);
  fresh = g_build_filename (dir, "plan.lpplan", NULL);

  for (int i = 0; i < RUNS; i++)
    {
      Times times = { 0 };
      guint n = run_once (argv[1], fresh, argv[2], &times);

      if (i > 0 && n != merged)
        {
          printf ("error: run %d merged %u changes, run 1 %u\n", i + 1, n, merged);
          return 1;
        }
      merged = n;
      open[i] = times.open;
      reader[i] = times.reader;
      worker[i] = times.worker;
      words[i] = times.words;
      dry_run[i] = times.dry_run;
      merge[i] = times.merge;
      printf ("run %d: open %.1f ms, worker %.1f ms, dry run %.1f ms, merge %.1f ms\n", i + 1, times.open,
              times.worker, times.dry_run, times.merge);
      g_unlink (fresh);
    }
  g_rmdir (dir);
  if (expected > 0 && merged != expected)
    {
      printf ("error: the merge applied %u changes, not %u\n", merged, expected);
      return 1;
    }

  m_open = bench_median (open, RUNS);
  m_reader = bench_median (reader, RUNS);
  m_worker = bench_median (worker, RUNS);
  m_words = bench_median (words, RUNS);
  m_dry_run = bench_median (dry_run, RUNS);
  m_merge = bench_median (merge, RUNS);
  printf ("merged %u changes, as each dry run predicted, no conflicts; medians of %d runs, each on a fresh copy "
          "of the plan; x: times opening the plan (lp_plan_open, the baseline)\n", merged, RUNS);
  printf ("  baseline, open the plan:        %8.1f ms\n", m_open);
  printf ("  worker, open read-only (once):  %8.1f ms  %5.2f x\n", m_reader, m_reader / m_open);
  printf ("  worker, read, list, word:       %8.1f ms  %5.2f x\n", m_worker, m_worker / m_open);
  printf ("    of which wording the changes: %8.1f ms  %5.2f x\n", m_words, m_words / m_open);
  printf ("  main thread, dry run:           %8.1f ms  %5.2f x\n", m_dry_run, m_dry_run / m_open);
  printf ("  main thread, merge:             %8.1f ms  %5.2f x\n", m_merge, m_merge / m_open);
  /* One line for merge-bench.py to read. */
  printf ("stall: changes %u open %.3f reader %.3f worker %.3f words %.3f dry-run %.3f merge %.3f\n", merged,
          m_open, m_reader, m_worker, m_words, m_dry_run, m_merge);
  return 0;
}
