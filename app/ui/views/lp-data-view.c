/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table, search and state pages that the three data views share (see
 * lp-data-view.h).  Rows come from core and are brought up to date when
 * the plan says one of the view's tables changed; nothing here computes
 * or stores anything itself. */
#include "config.h"

#include "lp-data-view.h"
#include "lp-view-common.h"
#include "lp-view-rows.h"

/* Row activation (double-click, Enter) edits the row activated, which may
 * not be the one selected when Enter is pressed on a focused row. */
static void
lp_data_view_activate_cb (GtkColumnView *column_view,
                          guint          position,
                          GtkWidget     *owner)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);

  gtk_selection_model_select_item (selection, position, TRUE);
  gtk_widget_activate_action (owner, "view.edit", NULL);
}

static void
bind_child (GtkWidgetClass *widget_class,
            const char     *id,
            gsize           offset)
{
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, offset);
}

/**
 * lp_data_view_class_setup:
 * @resource: the view's template
 * @offset: where the view's struct holds its LpDataView
 *
 * Sets the template and binds the shared children, callbacks and keys.
 * The view itself installs the actions "view.add", "view.edit",
 * "view.delete" and "view.search".
 */
void
lp_data_view_class_setup (GtkWidgetClass *widget_class,
                          const char     *resource,
                          gsize           offset)
{
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  bind_child (widget_class, "store", offset + G_STRUCT_OFFSET (LpDataView, store));
  bind_child (widget_class, "filter_model", offset + G_STRUCT_OFFSET (LpDataView, filter_model));
  bind_child (widget_class, "sort_model", offset + G_STRUCT_OFFSET (LpDataView, sort_model));
  bind_child (widget_class, "selection", offset + G_STRUCT_OFFSET (LpDataView, selection));
  bind_child (widget_class, "column_view", offset + G_STRUCT_OFFSET (LpDataView, column_view));
  bind_child (widget_class, "stack", offset + G_STRUCT_OFFSET (LpDataView, stack));
  bind_child (widget_class, "count_label", offset + G_STRUCT_OFFSET (LpDataView, count_label));
  bind_child (widget_class, "search_bar", offset + G_STRUCT_OFFSET (LpDataView, search_bar));
  bind_child (widget_class, "search_entry", offset + G_STRUCT_OFFSET (LpDataView, search_entry));
  bind_child (widget_class, "no_results_page", offset + G_STRUCT_OFFSET (LpDataView, no_results_page));
  gtk_widget_class_bind_template_callback (widget_class, lp_data_view_activate_cb);
  lp_view_common_bind_callbacks (widget_class);

  /* In the search entry Delete deletes text: the entry sees the key first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "view.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "view.search", NULL);
}

static void
lp_data_view_update_actions (LpDataView *self)
{
  gboolean writable = lp_data_view_can_edit (self);
  gboolean selected = lp_data_view_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (self->owner, "view.add", writable);
  gtk_widget_action_set_enabled (self->owner, "view.edit", writable && selected);
  gtk_widget_action_set_enabled (self->owner, "view.delete", writable && selected);
}

static guint
lp_data_view_find_id (LpDataView *self,
                      gint64      id)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (shown);

  /* Called from the models' "notify::pending", which can come before a
   * model downstream has heard of the change: an item may be missing. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);

      if (item != NULL && self->info->get_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A row just added or replaced reaches the table only once the filter and
 * sort have worked through it, and the models' signals do not say when
 * that is, so the wish to select it waits until the row is there or the
 * rows are read again. */
static void
lp_data_view_select_wanted (LpDataView *self)
{
  guint position;

  if (self->wanted_id == 0)
    return;
  position = lp_data_view_find_id (self, self->wanted_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  self->wanted_id = 0;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

/**
 * lp_data_view_update_state:
 *
 * Shows the count, and the table, the empty page or the "no results"
 * page, once the filter has gone through every row.
 */
void
lp_data_view_update_state (LpDataView *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;
  const char *page = "table";

  lp_data_view_select_wanted (self);
  lp_data_view_update_actions (self);
  /* Half-way through an incremental filter the counts are not yet true. */
  if (gtk_filter_list_model_get_pending (self->filter_model) > 0)
    return;
  count = lp_view_text_count (self->info->kind, shown, total);
  gtk_label_set_label (self->count_label, count);
  if (total == 0)
    page = "empty";
  else if (shown == 0)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      g_autofree char *why = lp_view_text_no_results (self->info->kind, search);

      adw_status_page_set_description (self->no_results_page, why);
      page = "no-results";
    }
  gtk_stack_set_visible_child_name (self->stack, page);
}

/**
 * lp_data_view_init:
 * @owner: the view, after gtk_widget_init_template()
 */
void
lp_data_view_init (LpDataView           *self,
                   GtkWidget            *owner,
                   const LpDataViewInfo *info)
{
  self->owner = owner;
  self->info = info;

  lp_view_common_ensure_css ();
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing anywhere in the view starts a search, as in GNOME's lists. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, owner);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (lp_data_view_update_state), self);
  g_signal_connect_swapped (self->filter_model, "notify::pending",
                            G_CALLBACK (lp_data_view_update_state), self);
  g_signal_connect_swapped (self->sort_model, "notify::pending",
                            G_CALLBACK (lp_data_view_update_state), self);
  g_signal_connect_swapped (self->store, "items-changed",
                            G_CALLBACK (lp_data_view_update_state), self);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (lp_data_view_update_actions), self);
  lp_data_view_update_state (self);
}

static void
lp_data_view_disconnect_plan (LpDataView *self)
{
  g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_object (&self->plan);
}

/**
 * lp_data_view_dispose:
 *
 * Call before gtk_widget_dispose_template(): the children must not call
 * back into a view that is going away.
 */
void
lp_data_view_dispose (LpDataView *self)
{
  lp_data_view_disconnect_plan (self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
}

static void
lp_data_view_changed_cb (LpPlan     *plan,
                         const char *table,
                         LpDataView *self)
{
  if (table != NULL && g_strv_contains (self->info->tables, table))
    lp_data_view_reload (self, FALSE);
}

/**
 * lp_data_view_set_plan:
 * @plan: (nullable): the plan to show, or %NULL for none
 */
void
lp_data_view_set_plan (LpDataView *self,
                       LpPlan     *plan)
{
  if (plan == self->plan)
    return;
  lp_data_view_disconnect_plan (self);
  if (plan != NULL)
    {
      self->plan = g_object_ref (plan);
      self->changed_id = g_signal_connect (plan, "changed",
                                           G_CALLBACK (lp_data_view_changed_cb), self);
    }
  lp_data_view_reload (self, TRUE);
}

static void
replace_all (GListStore *store,
             GListModel *rows)
{
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (rows, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static gint64
selected_id (LpDataView *self)
{
  gpointer item = lp_data_view_get_selected (self);

  return item != NULL ? self->info->get_id (item) : 0;
}

/**
 * lp_data_view_reload:
 * @every_row: replace every row (another plan, or what every row shows
 *   changed) rather than only those that differ
 *
 * Reads the rows again.  The selected row stays selected if it is still
 * there; unchanged rows stay as they are, and with them the scroll position.
 */
void
lp_data_view_reload (LpDataView *self,
                     gboolean    every_row)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = selected_id (self);

  self->wanted_id = 0;
  if (self->prepare != NULL && self->prepare (self->owner))
    every_row = TRUE;
  if (self->plan != NULL)
    rows = self->info->list_rows (self->plan, &error);
  else
    rows = G_LIST_MODEL (g_list_store_new (g_list_model_get_item_type (G_LIST_MODEL (self->store))));
  if (rows == NULL)
    {
      /* The rows shown stay: stale rows beat an empty table. */
      lp_data_view_report (self, error);
      return;
    }
  if (every_row)
    replace_all (self->store, rows);
  else
    lp_view_rows_update (self->store, rows);
  if (keep != 0 && selected_id (self) != keep)
    lp_data_view_select_id (self, keep);
  lp_data_view_update_state (self);
}

void
lp_data_view_start_search (LpDataView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lp_data_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected row's object
 */
gpointer
lp_data_view_get_selected (LpDataView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * lp_data_view_select_id:
 *
 * Selects the row of @id as soon as it is shown (see
 * lp_data_view_select_wanted()).
 */
void
lp_data_view_select_id (LpDataView *self,
                        gint64      id)
{
  self->wanted_id = id;
  lp_data_view_select_wanted (self);
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
  return self->plan != NULL && !lp_plan_is_read_only (self->plan);
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
  if (error == NULL)
    return;
  lp_view_common_toast (self->owner, error->message, FALSE);
}
