/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bringing a view's rows up to date after the plan changed.  Core hands
 * back new objects on every read, so replacing the whole list would make
 * the list widget drop its selection and jump back to the top.  Only the
 * run of rows that really differ is replaced instead: an edit touches one
 * row, a delete removes one, an undo puts one back. */
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

static gboolean
rows_equal_at (GListModel *old,
               guint       old_pos,
               GListModel *fresh,
               guint       fresh_pos)
{
  g_autoptr(GObject) a = g_list_model_get_item (old, old_pos);
  g_autoptr(GObject) b = g_list_model_get_item (fresh, fresh_pos);

  return lp_view_rows_equal (a, b);
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
  GListModel *old = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (old);
  guint n_fresh = g_list_model_get_n_items (fresh);
  guint head = 0, tail = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  while (head < n_old && head < n_fresh && rows_equal_at (old, head, fresh, head))
    head++;
  while (tail < n_old - head && tail < n_fresh - head
         && rows_equal_at (old, n_old - 1 - tail, fresh, n_fresh - 1 - tail))
    tail++;
  if (head + tail == n_old && n_old == n_fresh)
    return;
  for (guint i = head; i < n_fresh - tail; i++)
    g_ptr_array_add (added, g_list_model_get_item (fresh, i));
  g_list_store_splice (store, head, n_old - head - tail, added->pdata, added->len);
}
