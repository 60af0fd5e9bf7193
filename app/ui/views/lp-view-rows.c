/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bringing a view's rows up to date after the plan changed.  Core hands
 * back new objects on every read, so replacing the whole list would make
 * the list widget drop its selection and jump back to the top.  Only the
 * run of rows that really differ is replaced instead: an edit touches one
 * row, a delete removes one, an undo puts one back.  The rows are
 * immutable once read, so the comparison can run on the worker. */
#include "config.h"

#include "lp-view-rows.h"

/**
 * lp_view_rows_equal:
 *
 * Returns: whether @a and @b are of one type and every readable property
 *   of theirs is equal, i.e. a row showing either would look the same
 */
gboolean
lp_view_rows_equal (GObject *a,
                    GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  gboolean equal = TRUE;

  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs && equal; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      equal = g_param_values_cmp (pspecs[i], &va, &vb) == 0;
    }
  return equal;
}

/**
 * lp_view_rows_diff:
 * @old: the rows shown
 * @fresh: the rows as core reads them now
 * @head: (out): how many rows at the start are unchanged
 * @tail: (out): how many rows at the end are unchanged, not counting
 *   those in @head
 *
 * Finds the run of rows between an unchanged start and an unchanged end,
 * which is all that needs replacing.  Only reads the rows, so it runs on
 * the worker.
 */
void
lp_view_rows_diff (GPtrArray *old,
                   GPtrArray *fresh,
                   guint     *head,
                   guint     *tail)
{
  guint n_old = old->len;
  guint n_fresh = fresh->len;
  guint h = 0, t = 0;

  while (h < n_old && h < n_fresh && lp_view_rows_equal (old->pdata[h], fresh->pdata[h]))
    h++;
  while (t < n_old - h && t < n_fresh - h
         && lp_view_rows_equal (old->pdata[n_old - 1 - t], fresh->pdata[n_fresh - 1 - t]))
    t++;
  *head = h;
  *tail = t;
}

static GPtrArray *
model_rows (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (model, i));
  return rows;
}

/**
 * lp_view_rows_update:
 * @store: the rows a view shows
 * @fresh: the rows as core reads them now
 *
 * Makes @store hold @fresh's rows, in @fresh's order, with one splice of
 * the rows between the unchanged start and the unchanged end.
 */
void
lp_view_rows_update (GListStore *store,
                     GListModel *fresh)
{
  g_autoptr(GPtrArray) old_rows = model_rows (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) fresh_rows = model_rows (fresh);
  guint head, tail;

  lp_view_rows_diff (old_rows, fresh_rows, &head, &tail);
  if (head + tail == old_rows->len && old_rows->len == fresh_rows->len)
    return;
  g_list_store_splice (store, head, old_rows->len - head - tail,
                       fresh_rows->pdata + head, fresh_rows->len - head - tail);
}
