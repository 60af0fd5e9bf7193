/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table, search and state pages that the three data views share (see
 * lp-data-view.h).
 *
 * The rows are read on the plan's worker, where each row also gets its
 * search text folded once (so that a keystroke in the search is one
 * substring test a row, not a property lookup, a join and a case fold)
 * and is compared with the rows shown, so that the main thread only
 * splices in the run of rows that changed.  The models are store → sort →
 * filter → selection: the filter comes last, so that narrowing the rows
 * never sorts them again. */
#include "config.h"

#include <string.h>

#include "lp-data-view.h"
#include "lp-edit-dialog.h"
#include "lp-view-common.h"
#include "lp-view-rows.h"

typedef struct
{
  /* Template children */
  GtkLabel            *count_label;
  GtkBox              *header_extras;
  GtkButton           *export_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkColumnView       *column_view;
  /* The template's GtkSingleSelection, or a GtkMultiSelection over the
   * same rows for a view whose class asks for one (multi_select). */
  GtkSelectionModel   *selection;
  GtkWidget           *empty_buttons;
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSortListModel    *sort_model;
  AdwStatusPage       *no_results_page;

  GListStore          *store;
  /* What the store holds, in its order: the worker compares the rows it
   * reads with these. */
  GPtrArray           *rows;
  /* Whether the store holds the rows of the plan set (FALSE from a new
   * plan until its rows are shown: the loading page). */
  gboolean             loaded;
  /* The next read draws every row again (a setting a row's cells depend
   * on changed). */
  gboolean             every_row;
  char                *needle;      /* the search, folded; NULL for none */
  /* A search typed and not yet applied: waiting for the frame that shows
   * the key (search_clock's after-paint), then for the idle after it;
   * search_timeout if no frame comes. */
  GdkFrameClock       *search_clock;
  guint                search_idle;
  guint                search_timeout;
  /* A narrower search reaching the table in steps (see
   * lp_data_view_narrow_step()): the rows at the top of the table when it
   * was typed, in the order shown, the first search_held of which are
   * still tested against the search before it, search_before. */
  GPtrArray           *search_top;
  GHashTable          *search_held_rows;
  guint                search_held;
  char                *search_before;
  /* A row to select once it is in the table (see select_wanted()), and
   * whether rows read after it was asked for have been shown. */
  gint64               wanted_id;
  guint                wanted_generation;
  gboolean             wanted_read;
} LpDataViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LpDataView, lp_data_view, LP_TYPE_VIEW)

/* Each row's folded search text, set on the worker before the row is
 * shown and never changed after. */
static GQuark search_key_quark;

static gint64
row_id (LpDataView *self,
        gpointer    row)
{
  return LP_DATA_VIEW_GET_CLASS (self)->get_id (row);
}

/**
 * lp_data_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the one row selected; %NULL when
 *   none is, or several are (edit and delete then have no one row)
 */
gpointer
lp_data_view_get_selected (LpDataView *self)
{
  LpDataViewPrivate *priv;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GObject) row = NULL;

  g_return_val_if_fail (LP_IS_DATA_VIEW (self), NULL);

  priv = lp_data_view_get_instance_private (self);
  if (GTK_IS_SINGLE_SELECTION (priv->selection))
    return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (priv->selection));
  selected = gtk_selection_model_get_selection (priv->selection);
  if (gtk_bitset_get_size (selected) != 1)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (priv->selection), gtk_bitset_get_minimum (selected));
  /* The model holds the row: a borrowed pointer stays good. */
  return row;
}

/**
 * lp_data_view_get_selected_rows:
 *
 * Returns: (transfer container): the rows selected, in the order shown
 */
GPtrArray *
lp_data_view_get_selected_rows (LpDataView *self)
{
  LpDataViewPrivate *priv;
  g_autoptr(GtkBitset) selected = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (LP_IS_DATA_VIEW (self), rows);

  priv = lp_data_view_get_instance_private (self);
  selected = gtk_selection_model_get_selection (priv->selection);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      /* While the filter's rows change, the selection may not have caught
       * up (its own items-changed comes after ours): a position can be
       * past the end for a moment. */
      GObject *row = g_list_model_get_item (G_LIST_MODEL (priv->selection), position);

      if (row != NULL)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

/**
 * lp_data_view_get_n_selected:
 *
 * Returns: how many rows are selected, without fetching them (the
 *   actions' states follow every change of the selection and of the rows)
 */
guint
lp_data_view_get_n_selected (LpDataView *self)
{
  LpDataViewPrivate *priv;
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (LP_IS_DATA_VIEW (self), 0);

  priv = lp_data_view_get_instance_private (self);
  selected = gtk_selection_model_get_selection (priv->selection);
  return (guint) gtk_bitset_get_size (selected);
}

static gint64
selected_id (LpDataView *self)
{
  gpointer row = lp_data_view_get_selected (self);

  return row != NULL ? row_id (self, row) : 0;
}

/**
 * lp_data_view_can_edit:
 *
 * Returns: whether rows can be added, changed and deleted: a plan is
 *   shown and it can be written
 */
gboolean
lp_data_view_can_edit (LpDataView *self)
{
  LpPlan *plan;

  g_return_val_if_fail (LP_IS_DATA_VIEW (self), FALSE);

  plan = lp_view_get_plan (LP_VIEW (self));
  return plan != NULL && !lp_plan_is_read_only (plan);
}

static void
lp_data_view_update_actions (LpDataView *self)
{
  gboolean writable = lp_data_view_can_edit (self);
  gboolean selected = lp_data_view_get_selected (self) != NULL;
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  /* Several rows selected: deleted together where the view can. */
  gboolean several = LP_DATA_VIEW_GET_CLASS (self)->delete_rows != NULL && lp_data_view_get_n_selected (self) > 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.edit", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.delete", writable && (selected || several));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.select-all",
                                 GTK_IS_MULTI_SELECTION (priv->selection));
  if (LP_DATA_VIEW_GET_CLASS (self)->update_actions != NULL)
    LP_DATA_VIEW_GET_CLASS (self)->update_actions (self);
}

static guint
lp_data_view_find_id (LpDataView *self,
                      gint64      id)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  GListModel *shown = G_LIST_MODEL (priv->selection);
  guint n = g_list_model_get_n_items (shown);

  /* Only after a row was added or replaced, so a walk through the rows
   * shown is rare; the models keep no index by id. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (shown, i);

      if (row != NULL && row_id (self, row) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* GTK 4.8's column view has no scroll_to(); its list of rows has the
 * action. */
static void
lp_data_view_scroll_to (LpDataView *self,
                        guint       position)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* A row just added or replaced reaches the table only once the worker
 * has read it, so the wish to select it waits until the row is there.  A
 * row still missing once read is not shown (the search or the view's own
 * filter hides it), and the wish goes. */
static void
lp_data_view_select_wanted (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  guint position;

  if (priv->wanted_id == 0)
    return;
  if (selected_id (self) == priv->wanted_id)
    {
      priv->wanted_id = 0;
      return;
    }
  position = lp_data_view_find_id (self, priv->wanted_id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Missing once read and filtered: the search hides it. */
      if (priv->wanted_read && gtk_filter_list_model_get_pending (priv->filter_model) == 0)
        priv->wanted_id = 0;
      return;
    }
  priv->wanted_id = 0;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (priv->selection), position, TRUE);
  lp_data_view_scroll_to (self, position);
}

/**
 * lp_data_view_select_id:
 *
 * Selects the row of @id as soon as it is shown: at once if it is, or
 * when the rows that hold it come from the worker.
 */
void
lp_data_view_select_id (LpDataView *self,
                        gint64      id)
{
  LpDataViewPrivate *priv;

  g_return_if_fail (LP_IS_DATA_VIEW (self));

  priv = lp_data_view_get_instance_private (self);
  priv->wanted_id = id;
  priv->wanted_generation = lp_view_get_generation (LP_VIEW (self));
  priv->wanted_read = FALSE;
  lp_data_view_select_wanted (self);
}

/* Shows the count, and the table, the loading, empty or "no results"
 * page. */
static void
lp_data_view_update_state (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  LpViewKind kind = LP_DATA_VIEW_GET_CLASS (self)->kind;
  guint total = g_list_model_get_n_items (G_LIST_MODEL (priv->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model));
  g_autofree char *count = NULL;
  const char *page = "table";

  lp_data_view_select_wanted (self);
  lp_data_view_update_actions (self);
  if (!priv->loaded)
    page = "loading";
  else if (total == 0)
    page = "empty";
  else if (shown == 0)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
      g_autofree char *why = lp_view_text_no_results (kind, search);

      adw_status_page_set_description (priv->no_results_page, why);
      page = "no-results";
    }
  if (priv->loaded)
    count = lp_view_text_count (kind, shown, total);
  gtk_label_set_label (priv->count_label, count != NULL ? count : "");
  gtk_spinner_set_spinning (priv->spinner, !priv->loaded);
  gtk_stack_set_visible_child_name (priv->stack, page);
}

/* Puts @rows into the store in place of the @n_removed at @position,
 * in one step, and remembers @all as what the store now holds. */
static void
lp_data_view_splice (LpDataView *self,
                     guint       position,
                     guint       n_removed,
                     gpointer   *rows,
                     guint       n_rows,
                     GPtrArray  *all)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  g_list_store_splice (priv->store, position, n_removed, rows, n_rows);
  g_ptr_array_unref (priv->rows);
  priv->rows = g_ptr_array_ref (all);
}

static void
lp_data_view_clear (LpDataView *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  if (priv->store != NULL)
    lp_data_view_splice (self, 0, priv->rows->len, NULL, 0, none);
}

/* What the worker needs: the subclass's functions and the rows shown. */
typedef struct {
  LpDataViewClass  *klass;
  GPtrArray        *old_rows;
  gboolean          every_row;
} LpDataViewInput;

static void
lp_data_view_input_free (LpDataViewInput *input)
{
  g_ptr_array_unref (input->old_rows);
  g_free (input);
}

/* What it hands back: every row as read now (fresh), and what the store
 * is to hold (rows): the unchanged rows at each end as they are, so that
 * the table keeps their cells, its selection and its scroll position. */
typedef struct {
  GPtrArray       *old_rows;
  GPtrArray       *fresh;
  GPtrArray       *rows;
  guint            head;
  guint            tail;
  gboolean         every_row;
  gpointer         extra;
  GDestroyNotify   extra_free;
  gint64           read_us;
} LpDataViewResult;

static void
lp_data_view_result_free (LpDataViewResult *result)
{
  g_ptr_array_unref (result->old_rows);
  g_ptr_array_unref (result->fresh);
  g_ptr_array_unref (result->rows);
  if (result->extra != NULL && result->extra_free != NULL)
    result->extra_free (result->extra);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpDataViewResult, lp_data_view_result_free)

/* Runs on the worker. */
static gpointer
lp_data_view_read (LpPlan        *reader,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  LpDataViewInput *input = data;
  LpDataViewClass *klass = input->klass;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GListModel) model = NULL;
  g_autoptr(LpDataViewResult) result = g_new0 (LpDataViewResult, 1);
  guint n;

  result->old_rows = g_ptr_array_ref (input->old_rows);
  result->every_row = input->every_row;
  result->extra_free = klass->extra_free;
  model = klass->list_rows (reader, error);
  if (model == NULL)
    return NULL;
  if (klass->read_extra != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      result->extra = klass->read_extra (reader, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  n = g_list_model_get_n_items (model);
  result->fresh = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GObject *row = g_list_model_get_item (model, i);
      g_autofree char *key = klass->search_key (row);

      g_object_set_qdata_full (row, search_key_quark, lp_view_text_search_fold (key), g_free);
      g_ptr_array_add (result->fresh, row);
    }

  lp_view_rows_diff (input->old_rows, result->fresh, &result->head, &result->tail);
  result->rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < result->head; i++)
    g_ptr_array_add (result->rows, g_object_ref (input->old_rows->pdata[i]));
  for (guint i = result->head; i < n - result->tail; i++)
    g_ptr_array_add (result->rows, g_object_ref (result->fresh->pdata[i]));
  for (guint i = input->old_rows->len - result->tail; i < input->old_rows->len; i++)
    g_ptr_array_add (result->rows, g_object_ref (input->old_rows->pdata[i]));
  result->read_us = g_get_monotonic_time () - start;
  return g_steal_pointer (&result);
}

/* Runs on the main thread with the worker's rows: one splice. */
static void
lp_data_view_show (LpView       *view,
                   gpointer      data,
                   const GError *error)
{
  LpDataView *self = LP_DATA_VIEW (view);
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  LpDataViewClass *klass = LP_DATA_VIEW_GET_CLASS (self);
  g_autoptr(LpDataViewResult) result = data;
  gint64 start = g_get_monotonic_time ();
  /* The selected row stays selected, unless another row is waiting to
   * be (one just added). */
  gint64 keep = priv->wanted_id == 0 ? selected_id (self) : 0;
  gboolean every_row;
  guint n_old;

  if (priv->store == NULL)
    return;
  if (result == NULL)
    {
      /* The rows shown stay: stale rows beat an empty table. */
      lp_data_view_report (self, error);
      priv->loaded = TRUE;
      lp_data_view_update_state (self);
      return;
    }
  every_row = result->every_row;
  if (klass->show_extra != NULL)
    every_row |= klass->show_extra (self, result->extra);
  n_old = priv->rows->len;
  if (every_row || result->old_rows != priv->rows)
    lp_data_view_splice (self, 0, n_old, result->fresh->pdata, result->fresh->len, result->fresh);
  else if (result->head + result->tail < MAX (n_old, result->fresh->len))
    lp_data_view_splice (self, result->head, n_old - result->head - result->tail,
                         result->fresh->pdata + result->head,
                         result->fresh->len - result->head - result->tail, result->rows);
  priv->loaded = TRUE;
  if (keep != 0 && selected_id (self) != keep)
    {
      priv->wanted_id = keep;
      priv->wanted_generation = 0;
    }
  /* Rows read before the wish (a refresh already under way) may not
   * hold the row yet. */
  if (lp_view_get_generation (view) > priv->wanted_generation)
    priv->wanted_read = TRUE;
  lp_data_view_update_state (self);

  if (g_getenv ("LP_VIEW_TIMING") != NULL)
    g_printerr ("%s: %u rows read in %.1f ms on the worker; %u replaced, shown in %.1f ms\n",
                G_OBJECT_TYPE_NAME (self), result->fresh->len, result->read_us / 1000.0,
                every_row ? result->fresh->len : result->fresh->len - result->head - result->tail,
                (g_get_monotonic_time () - start) / 1000.0);
}

/* The plan was set, or one of the view's tables changed. */
static void
lp_data_view_refresh (LpView *view)
{
  LpDataView *self = LP_DATA_VIEW (view);
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  LpDataViewClass *klass = LP_DATA_VIEW_GET_CLASS (self);
  LpDataViewInput *input;

  if (lp_view_get_plan (view) == NULL)
    {
      if (klass->show_extra != NULL)
        klass->show_extra (self, NULL);
      lp_data_view_clear (self);
      priv->loaded = TRUE;
      lp_data_view_update_state (self);
      return;
    }
  input = g_new0 (LpDataViewInput, 1);
  input->klass = klass;
  input->old_rows = g_ptr_array_ref (priv->rows);
  input->every_row = priv->every_row;
  priv->every_row = FALSE;
  lp_view_run (view, lp_data_view_read, input, (GDestroyNotify) lp_data_view_input_free,
               (GDestroyNotify) lp_data_view_result_free, lp_data_view_show);
}

/* Another plan: its rows are not these.  Dropped at once, so that no
 * frame shows one plan's rows under another's name; the loading page
 * shows until the new rows come. */
static void
lp_data_view_plan_changed (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  priv->wanted_id = 0;
  lp_data_view_clear (self);
  priv->loaded = lp_view_get_plan (LP_VIEW (self)) == NULL;
  lp_data_view_update_state (self);
}

/**
 * lp_data_view_redraw_rows:
 *
 * What every row shows depends on something beside the rows that has
 * changed (a setting): the rows are read again and every one drawn anew.
 */
void
lp_data_view_redraw_rows (LpDataView *self)
{
  LpDataViewPrivate *priv;

  g_return_if_fail (LP_IS_DATA_VIEW (self));

  priv = lp_data_view_get_instance_private (self);
  priv->every_row = TRUE;
  lp_view_queue_refresh (LP_VIEW (self));
}

/* Whether @item is one of the rows a narrowing search still tests
 * against the search before it (at most a table's height of rows). */
static gboolean
lp_data_view_search_holds (LpDataViewPrivate *priv,
                           gpointer           item)
{
  return g_hash_table_contains (priv->search_held_rows, item);
}

static gboolean
lp_data_view_filter_func (gpointer item,
                          gpointer user_data)
{
  LpDataView *self = user_data;
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  LpDataViewClass *klass = LP_DATA_VIEW_GET_CLASS (self);

  const char *needle = priv->needle;

  if (priv->search_held > 0 && lp_data_view_search_holds (priv, item))
    needle = priv->search_before;
  if (needle != NULL)
    {
      const char *key = g_object_get_qdata (item, search_key_quark);

      if (key == NULL || strstr (key, needle) == NULL)
        return FALSE;
    }
  return klass->match == NULL || klass->match (self, item);
}

/**
 * lp_data_view_refilter:
 * @change: how the view's own filter (#LpDataViewClass.match) changed
 *
 * Filters the rows again after the view's own filter changed.
 */
void
lp_data_view_refilter (LpDataView      *self,
                       GtkFilterChange  change)
{
  LpDataViewPrivate *priv;

  g_return_if_fail (LP_IS_DATA_VIEW (self));

  priv = lp_data_view_get_instance_private (self);
  gtk_filter_changed (GTK_FILTER (priv->filter), change);
  lp_data_view_update_state (self);
}

/* A search that hides most rows brings a whole table of new rows into
 * view: in GTK 4.8 the table makes the cells of some 200 rows afresh,
 * more than a frame's time at England's size.  So a narrower search
 * reaches the table in three steps, a frame apart: first every row but
 * the top NARROW_TOP shown, then all but the top NARROW_TOP / 2, then
 * all.  Each step replaces a third of the rows in view, and no row made
 * for one step goes in the next (rows only go, and those that come in
 * from below are already the search's). */
#define NARROW_TOP  140
#define NARROW_STEP  70

static void lp_data_view_after_frame (LpDataView *self);

static void
lp_data_view_end_steps (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  priv->search_held = 0;
  g_clear_pointer (&priv->search_top, g_ptr_array_unref);
  g_clear_pointer (&priv->search_held_rows, g_hash_table_unref);
  g_clear_pointer (&priv->search_before, g_free);
}

static void
lp_data_view_narrow_step (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  g_hash_table_remove_all (priv->search_held_rows);
  for (guint i = 0; i < priv->search_held; i++)
    g_hash_table_add (priv->search_held_rows, priv->search_top->pdata[i]);
  gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  if (priv->search_held == 0)
    lp_data_view_end_steps (self);
  else
    {
      priv->search_held = priv->search_held > NARROW_STEP ? priv->search_held - NARROW_STEP : 0;
      lp_data_view_after_frame (self);
    }
  lp_data_view_update_state (self);
}

/* Starts narrowing from the search @before to priv->needle: the rows
 * shown at the top are held to @before at first.  A search narrowed again
 * before the steps are done keeps the first search as the one the rows
 * held are tested against: each of them matched it. */
static void
lp_data_view_start_steps (LpDataView *self,
                          char       *before)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  GListModel *shown = G_LIST_MODEL (priv->filter_model);
  guint n = MIN (g_list_model_get_n_items (shown), NARROW_TOP);

  if (priv->search_top == NULL)
    priv->search_before = before;
  else
    g_free (before);
  g_clear_pointer (&priv->search_top, g_ptr_array_unref);
  priv->search_top = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (priv->search_top, g_list_model_get_item (shown, i));
  if (priv->search_held_rows == NULL)
    priv->search_held_rows = g_hash_table_new (NULL, NULL);
  priv->search_held = n;
  lp_data_view_narrow_step (self);
}

static void
lp_data_view_cancel_frame_wait (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  g_clear_handle_id (&priv->search_timeout, g_source_remove);
  g_clear_handle_id (&priv->search_idle, g_source_remove);
  if (priv->search_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->search_clock, self);
      g_clear_object (&priv->search_clock);
    }
}

/* The search as typed, applied: folded as the rows' keys were, and the
 * filter told whether it now matches fewer rows (a longer search), more
 * (a shorter one) or others, so that it tests only the rows that can
 * change.  The filter works at once, never by GTK's batches: GTK 4.8's
 * incremental filtering makes every row of the table afresh (at England's
 * size 205 rows of cells, the whole of a keystroke's time) each time it
 * starts, where filtering at once makes only the rows that come into
 * view.  @in_steps: a narrower search may go in steps (the table is on
 * screen). */
static void
lp_data_view_apply_search (LpDataView *self,
                           gboolean    in_steps)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
  g_autofree char *needle = *text != '\0' ? lp_view_text_search_fold (text) : NULL;
  GtkFilterChange change;

  lp_data_view_cancel_frame_wait (self);
  if (g_strcmp0 (needle, priv->needle) == 0)
    {
      /* Steps still to go: the rest at once. */
      if (priv->search_top != NULL)
        {
          lp_data_view_end_steps (self);
          gtk_filter_changed (GTK_FILTER (priv->filter), GTK_FILTER_CHANGE_MORE_STRICT);
          lp_data_view_update_state (self);
        }
      return;
    }
  if (priv->needle == NULL || (needle != NULL && strstr (needle, priv->needle) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || strstr (priv->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  /* Halfway through the steps the rows shown are neither search's. */
  if (priv->search_top != NULL && change != GTK_FILTER_CHANGE_MORE_STRICT)
    {
      lp_data_view_end_steps (self);
      change = GTK_FILTER_CHANGE_DIFFERENT;
    }
  if (change == GTK_FILTER_CHANGE_MORE_STRICT && in_steps)
    {
      char *before = g_steal_pointer (&priv->needle);

      priv->needle = g_steal_pointer (&needle);
      lp_data_view_start_steps (self, before);
      return;
    }
  lp_data_view_end_steps (self);
  g_free (priv->needle);
  priv->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (priv->filter), change);
  /* No row may have come or gone, but "no results" names the search. */
  lp_data_view_update_state (self);
}

/* After a frame: a search typed meanwhile, or the next step. */
static void
lp_data_view_search_step (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (priv->search_entry));
  g_autofree char *needle = *text != '\0' ? lp_view_text_search_fold (text) : NULL;

  if (g_strcmp0 (needle, priv->needle) != 0)
    lp_data_view_apply_search (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
  else if (priv->search_top != NULL)
    lp_data_view_narrow_step (self);
}

static gboolean
lp_data_view_search_idle_cb (gpointer data)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (data);

  priv->search_idle = 0;
  lp_data_view_cancel_frame_wait (data);
  lp_data_view_search_step (data);
  return G_SOURCE_REMOVE;
}

static gboolean
lp_data_view_search_timeout_cb (gpointer data)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (data);

  priv->search_timeout = 0;
  lp_data_view_cancel_frame_wait (data);
  lp_data_view_search_step (data);
  return G_SOURCE_REMOVE;
}

/* The frame is drawn: the search's next work runs next. */
static void
lp_data_view_search_painted_cb (GdkFrameClock *clock,
                                LpDataView    *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  g_signal_handlers_disconnect_by_data (clock, self);
  g_clear_object (&priv->search_clock);
  if (priv->search_idle == 0)
    priv->search_idle = g_idle_add_full (G_PRIORITY_DEFAULT, lp_data_view_search_idle_cb, self, NULL);
}

/* Runs lp_data_view_search_step() once the next frame is drawn, or a
 * moment later if the window draws none (hidden). */
static void
lp_data_view_after_frame (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (priv->search_clock != NULL || priv->search_idle != 0)
    return;
  if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->search_clock = g_object_ref (clock);
      g_signal_connect (clock, "after-paint", G_CALLBACK (lp_data_view_search_painted_cb), self);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
  if (priv->search_timeout == 0)
    priv->search_timeout = g_timeout_add (100, lp_data_view_search_timeout_cb, self);
}

/* Every keystroke.  The key shows first, the rows follow: the search is
 * applied once the frame that draws the key has been drawn, and keys
 * typed meanwhile join it.  A view not on screen filters at once. */
static void
lp_data_view_search_changed_cb (LpDataView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || gtk_widget_get_frame_clock (GTK_WIDGET (self)) == NULL)
    {
      lp_data_view_apply_search (self, FALSE);
      return;
    }
  lp_data_view_after_frame (self);
}

/* Row activation (double-click, Enter) edits the row activated, which may
 * not be the one selected when Enter is pressed on a focused row. */
static void
lp_data_view_activate_cb (GtkColumnView *column_view,
                          guint          position,
                          LpDataView    *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);

  gtk_selection_model_select_item (selection, position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "view.edit", NULL);
}

static void
lp_data_view_start_search (LpView *view)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (LP_DATA_VIEW (view));

  gtk_search_bar_set_search_mode (priv->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

/* Ctrl+A in the table or anywhere in the view but a text field: every
 * row the search and filters leave, not the rows they hide. */
static void
lp_data_view_select_all_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (LP_DATA_VIEW (widget));

  gtk_selection_model_select_all (priv->selection);
}

static void
lp_data_view_search_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  lp_data_view_start_search (LP_VIEW (widget));
}

/**
 * lp_data_view_get_model:
 *
 * Returns: (transfer none): the rows shown, in the order shown; also the
 *   table's selection (a GtkSingleSelection, or a GtkMultiSelection for a
 *   view whose class sets multi_select)
 */
GListModel *
lp_data_view_get_model (LpDataView *self)
{
  LpDataViewPrivate *priv;

  g_return_val_if_fail (LP_IS_DATA_VIEW (self), NULL);

  priv = lp_data_view_get_instance_private (self);
  return G_LIST_MODEL (priv->selection);
}

static void
lp_data_view_saved_cb (LpDataView *self,
                       gint64      id)
{
  lp_data_view_select_id (self, id);
}

/* The subclass's editor for the row with @id (0: a new one); the row
 * saved is selected once the worker has read it back. */
static void
lp_data_view_open_editor (LpDataView *self,
                          gint64      id)
{
  GtkWidget *dialog;

  if (!lp_data_view_can_edit (self))
    return;
  dialog = LP_DATA_VIEW_GET_CLASS (self)->new_editor (self, lp_view_get_plan (LP_VIEW (self)), id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_data_view_saved_cb), self, G_CONNECT_SWAPPED);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), GTK_WIDGET (self));
}

static void
lp_data_view_add_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  lp_data_view_open_editor (LP_DATA_VIEW (widget), 0);
}

static void
lp_data_view_edit_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LpDataView *self = LP_DATA_VIEW (widget);
  gpointer row = lp_data_view_get_selected (self);

  if (row != NULL)
    lp_data_view_open_editor (self, row_id (self, row));
}

/* Core may refuse (a locality that still has practices), and says why in
 * a toast; a deleted row can come back with Undo. */
static void
lp_data_view_delete_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LpDataView *self = LP_DATA_VIEW (widget);
  LpDataViewClass *klass = LP_DATA_VIEW_GET_CLASS (self);
  gpointer selected = lp_data_view_get_selected (self);
  g_autoptr(GObject) row = selected != NULL ? g_object_ref (selected) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (!lp_data_view_can_edit (self))
    return;
  if (row == NULL && klass->delete_rows != NULL && lp_data_view_get_n_selected (self) > 1)
    {
      g_autoptr(GPtrArray) rows = lp_data_view_get_selected_rows (self);

      klass->delete_rows (self, rows);
      return;
    }
  if (row == NULL)
    return;
  if (klass->delete_interactive != NULL && klass->delete_interactive (self, row))
    return;
  if (!klass->delete_row (lp_view_get_plan (LP_VIEW (self)), row_id (self, row), &error))
    {
      lp_data_view_report (self, error);
      return;
    }
  name = klass->deleted_name (row);
  title = lp_view_text_deleted (klass->kind, name);
  lp_view_common_toast (widget, title, TRUE);
}

/**
 * lp_data_view_report:
 *
 * Tells the user why something the view tried failed, in core's words.
 */
void
lp_data_view_report (LpDataView   *self,
                     const GError *error)
{
  g_return_if_fail (LP_IS_DATA_VIEW (self));

  if (error == NULL)
    return;
  lp_view_common_toast (GTK_WIDGET (self), error->message, FALSE);
}

static void
lp_data_view_constructed (GObject *object)
{
  LpDataView *self = LP_DATA_VIEW (object);
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);
  const char *export_name = lp_view_get_export_name (LP_VIEW (self));

  G_OBJECT_CLASS (lp_data_view_parent_class)->constructed (object);

  /* Only now is the subclass known (in an instance init the class is the
   * one being initialised): its rows' type, its export name, and its
   * template's controls. */
  priv->store = g_list_store_new (LP_DATA_VIEW_GET_CLASS (self)->row_type);
  gtk_sort_list_model_set_model (priv->sort_model, G_LIST_MODEL (priv->store));
  if (export_name != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (priv->export_button), "s", export_name);
  gtk_widget_set_visible (GTK_WIDGET (priv->header_extras),
                          gtk_widget_get_first_child (GTK_WIDGET (priv->header_extras)) != NULL);
  if (LP_DATA_VIEW_GET_CLASS (self)->multi_select)
    {
      /* Shift- and Ctrl-click select several rows; the filter and the
       * sort stay the template's. */
      GtkMultiSelection *multi = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (priv->filter_model)));

      gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (multi));
      priv->selection = GTK_SELECTION_MODEL (multi);
      /* The view follows the rows once the selection has: made after the
       * filter's other handlers, it hears of a change last, and a row
       * selected before it caught up would be selected at a stale
       * position. */
      g_signal_handlers_disconnect_by_func (priv->filter_model, lp_data_view_update_state, self);
      g_signal_connect_swapped (priv->selection, "items-changed",
                                G_CALLBACK (lp_data_view_update_state), self);
    }
  g_signal_connect_swapped (priv->selection, "selection-changed",
                            G_CALLBACK (lp_data_view_update_actions), self);
  lp_data_view_update_state (self);
}

static void
lp_data_view_dispose (GObject *object)
{
  LpDataView *self = LP_DATA_VIEW (object);
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  /* The models must not call back into a view that is going away, nor
   * a search waiting for its frame. */
  lp_data_view_cancel_frame_wait (self);
  lp_data_view_end_steps (self);
  if (priv->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (priv->filter_model, self);
  if (priv->selection != NULL)
    g_signal_handlers_disconnect_by_data (priv->selection, self);
  if (GTK_IS_MULTI_SELECTION (priv->selection))
    g_clear_object (&priv->selection);
  if (priv->filter != NULL)
    gtk_custom_filter_set_filter_func (priv->filter, NULL, NULL, NULL);
  /* No gtk_widget_dispose_template() here: GTK 4.8's walks the template
   * children of the instance's own class whatever type it is given, so
   * for a subclass with children of its own it aborts.  This template's
   * children go with the widget tree (LpView's dispose) and their last
   * references with the view. */
  g_clear_object (&priv->store);
  G_OBJECT_CLASS (lp_data_view_parent_class)->dispose (object);
}

static void
lp_data_view_finalize (GObject *object)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (LP_DATA_VIEW (object));

  g_clear_pointer (&priv->rows, g_ptr_array_unref);
  g_free (priv->needle);
  G_OBJECT_CLASS (lp_data_view_parent_class)->finalize (object);
}

static void
lp_data_view_class_init (LpDataViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpViewClass *view_class = LP_VIEW_CLASS (klass);

  object_class->constructed = lp_data_view_constructed;
  object_class->dispose = lp_data_view_dispose;
  object_class->finalize = lp_data_view_finalize;
  view_class->refresh = lp_data_view_refresh;
  view_class->start_search = lp_data_view_start_search;

  search_key_quark = g_quark_from_static_string ("lp-data-view-search-key");

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-data-view.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, count_label);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, search_bar);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, stack);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, spinner);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, selection);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, filter_model);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, filter);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, sort_model);
  gtk_widget_class_bind_template_child_private (widget_class, LpDataView, no_results_page);
  /* What a view's own template fills in: its words, its controls, its
   * columns (<child internal-child="...">). */
  gtk_widget_class_bind_template_child_internal_private (widget_class, LpDataView, header_extras);
  gtk_widget_class_bind_template_child_internal_private (widget_class, LpDataView, export_button);
  gtk_widget_class_bind_template_child_internal_private (widget_class, LpDataView, search_entry);
  gtk_widget_class_bind_template_child_internal_private (widget_class, LpDataView, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "search_button", TRUE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "edit_button", TRUE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "delete_button", TRUE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", TRUE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "empty_page", TRUE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "empty_button", TRUE, 0);
  gtk_widget_class_bind_template_child_internal_private (widget_class, LpDataView, empty_buttons);
  gtk_widget_class_bind_template_callback (widget_class, lp_data_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, lp_data_view_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.search", NULL, lp_data_view_search_action);
  gtk_widget_class_install_action (widget_class, "view.add", NULL, lp_data_view_add_action);
  /* Ctrl+Shift+N adds to the view on screen, in every view: Ctrl+N is the
   * window's New Plan. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "view.add", NULL);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, lp_data_view_edit_action);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, lp_data_view_delete_action);
  gtk_widget_class_install_action (widget_class, "view.select-all", NULL, lp_data_view_select_all_action);
  /* In the search entry Ctrl+A selects its text: the entry sees it first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "view.select-all", NULL);
  /* In the search entry Delete deletes text: the entry sees the key first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "view.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "view.search", NULL);
}

static void
lp_data_view_init (LpDataView *self)
{
  LpDataViewPrivate *priv = lp_data_view_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  lp_view_common_ensure_css ();

  priv->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_custom_filter_set_filter_func (priv->filter, lp_data_view_filter_func, self, NULL);
  priv->loaded = TRUE;

  gtk_search_bar_connect_entry (priv->search_bar, GTK_EDITABLE (priv->search_entry));
  /* Typing anywhere in the view starts a search, as in GNOME's lists. */
  gtk_search_bar_set_key_capture_widget (priv->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (priv->filter_model, "items-changed",
                            G_CALLBACK (lp_data_view_update_state), self);
  g_signal_connect (self, "notify::plan", G_CALLBACK (lp_data_view_plan_changed), NULL);
}
