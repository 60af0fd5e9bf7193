/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Merge Workshop Copies: the copies chosen, one after the other.  For
 * each, the plan's worker reads the copy and words what it changed
 * (lp-workshop-jobs.c); a dry run on the plan finds the conflicts; the
 * list shows the conflicts to decide, then the changes grouped by view
 * and locality, each with a tick to leave it out.  Merge applies the copy
 * as one undoable step and goes on to the next: a copy's conflicts are
 * found against the plan with every earlier copy merged. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-merge-item.h"
#include "lp-merge-row.h"
#include "lp-merge-text.h"
#include "lp-merge-window.h"
#include "lp-workshop-jobs.h"

struct _LpMergeWindow
{
  AdwWindow       parent_instance;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkButton      *merge_button;
  GtkButton      *skip_button;
  GtkStack       *stack;
  GtkLabel       *reading_label;
  GtkLabel       *intro_label;
  GtkLabel       *decide_label;
  GtkListView    *list_view;
  AdwStatusPage  *refused_page;
  GtkButton      *against_button;
  AdwStatusPage  *done_page;
  GtkLabel       *done_label;

  LpPlan         *plan;
  GStrv           paths;
  guint           index;          /* the copy on screen */
  gboolean        against_plan;   /* it is compared with the plan as it is */
  LpCopyReading  *reading;
  GPtrArray      *conflicts;      /* LpMergeConflict, decided in place */
  GListStore     *items;
  GHashTable     *conflicts_by_row; /* "table\nrow key" -> GPtrArray of LpMergeItem */
  gboolean        nothing_new;    /* the plan has everything the copy changed */
  GCancellable   *cancellable;
  GString        *summary;
  guint           n_merged_copies;
};

G_DEFINE_FINAL_TYPE (LpMergeWindow, lp_merge_window, ADW_TYPE_WINDOW)

static void lp_merge_window_read_current (LpMergeWindow *self);

static const char *
lp_merge_window_copy_name (LpMergeWindow *self)
{
  if (self->reading != NULL)
    return lp_workshop_copy_get_name (self->reading->copy);
  return NULL;
}

static void
lp_merge_window_update_title (LpMergeWindow *self)
{
  g_autofree char *display = NULL;
  g_autofree char *subtitle = NULL;
  guint n_copies = g_strv_length (self->paths);

  if (self->index >= n_copies)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }
  display = g_filename_display_basename (self->paths[self->index]);
  if (g_str_has_suffix (display, LP_PLAN_FILE_SUFFIX))
    display[strlen (display) - strlen (LP_PLAN_FILE_SUFFIX)] = '\0';
  subtitle = lp_merge_text_subtitle (lp_merge_window_copy_name (self) != NULL ? lp_merge_window_copy_name (self)
                                                                              : display,
                                     self->index, n_copies);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Merge only with every conflict decided and something to merge. */
static void
lp_merge_window_update_buttons (LpMergeWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_included = 0, n_undecided = 0;
  gboolean on_list = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "changes");
  g_autofree char *label = NULL;
  g_autofree char *to_decide = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LpMergeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (lp_merge_item_get_kind (item) == LP_MERGE_ITEM_CHANGE && lp_merge_item_get_included (item))
        n_included++;
      else if (lp_merge_item_get_kind (item) == LP_MERGE_ITEM_CONFLICT && lp_merge_item_get_decidable (item) &&
               lp_merge_item_get_choice (item) == LP_MERGE_UNDECIDED)
        n_undecided++;
    }
  label = lp_merge_text_merge_button (self->nothing_new ? 0 : n_included);
  gtk_button_set_label (self->merge_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge",
                                 on_list && !self->nothing_new && n_undecided == 0 &&
                                 (n_included > 0 || self->conflicts->len > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.skip", self->index < g_strv_length (self->paths) &&
                                 !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "reading"));
  gtk_widget_set_visible (GTK_WIDGET (self->merge_button), on_list);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button), on_list);
  to_decide = lp_merge_text_to_decide (n_undecided, self->conflicts->len, self->against_plan);
  gtk_label_set_text (self->decide_label, to_decide != NULL ? to_decide : "");
  gtk_widget_set_visible (GTK_WIDGET (self->decide_label), to_decide != NULL);
  if (n_undecided == 0)
    gtk_widget_remove_css_class (GTK_WIDGET (self->decide_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->decide_label), "warning");
}

static char *
lp_merge_window_row_key (const char *table,
                         const char *row_key)
{
  return g_strconcat (table, "\n", row_key, NULL);
}

/* Leaving a change out leaves its row's conflicts decided: the plan keeps
 * what it has. */
static void
lp_merge_window_change_toggled (LpMergeItem   *item,
                                GParamSpec    *pspec,
                                LpMergeWindow *self)
{
  LpCopyChange *change = lp_merge_item_get_change (item);
  g_autofree char *key = lp_merge_window_row_key (change->table, change->row_key);
  GPtrArray *conflicts = g_hash_table_lookup (self->conflicts_by_row, key);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    lp_merge_item_set_decidable (g_ptr_array_index (conflicts, i), lp_merge_item_get_included (item));
  lp_merge_window_update_buttons (self);
}

static void
lp_merge_window_conflict_decided (LpMergeWindow *self)
{
  lp_merge_window_update_buttons (self);
}

/* The order of the views in the sidebar, the plan's settings last. */
static int
lp_merge_window_section_rank (const char *section)
{
  const char *sections[] = {
    N_("Localities"), N_("Practices"), N_("Contracts"), N_("Activity Plan"), N_("Locality Modelling"),
    N_("Extended Access"), N_("Workforce"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (section, _(sections[i])) == 0)
      return i;
  return G_N_ELEMENTS (sections);
}

static int
lp_merge_window_compare_words (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  const LpChangeWords *x = *(LpChangeWords * const *) a;
  const LpChangeWords *y = *(LpChangeWords * const *) b;
  int rank = lp_merge_window_section_rank (x->section) - lp_merge_window_section_rank (y->section);

  if (rank != 0)
    return rank;
  if (g_strcmp0 (x->section, y->section) != 0)
    return g_utf8_collate (x->section, y->section);
  /* The whole plan's changes before any locality's. */
  if ((x->place == NULL) != (y->place == NULL))
    return x->place == NULL ? -1 : 1;
  if (x->place != NULL && g_strcmp0 (x->place, y->place) != 0)
    return g_utf8_collate (x->place, y->place);
  return 0;
}

static void
lp_merge_window_add_conflicts (LpMergeWindow *self,
                               GPtrArray     *items)
{
  if (self->conflicts->len == 0)
    return;
  g_ptr_array_add (items, lp_merge_item_new_heading (_("To Decide")));
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      LpMergeConflict *conflict = g_ptr_array_index (self->conflicts, i);
      LpMergeItem *item = lp_merge_item_new_conflict (conflict,
                                                      lp_workshop_copy_describe_conflict (self->reading->copy,
                                                                                          conflict),
                                                      !self->against_plan);
      g_autofree char *key = lp_merge_window_row_key (conflict->table, conflict->row_key);
      GPtrArray *same_row = g_hash_table_lookup (self->conflicts_by_row, key);

      if (same_row == NULL)
        {
          same_row = g_ptr_array_new ();
          g_hash_table_insert (self->conflicts_by_row, g_steal_pointer (&key), same_row);
        }
      g_ptr_array_add (same_row, item);
      g_signal_connect_object (item, "notify::choice", G_CALLBACK (lp_merge_window_conflict_decided), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (items, item);
    }
}

/* The changes grouped by view and locality, each group under a heading;
 * within a group, in core's order (a practice before its list sizes). */
static void
lp_merge_window_add_changes (LpMergeWindow *self,
                             GPtrArray     *items)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GHashTable *change_of_words = g_hash_table_new (NULL, NULL);
  const LpChangeWords *previous = NULL;

  for (guint i = 0; i < self->reading->words->len; i++)
    {
      g_ptr_array_add (order, g_ptr_array_index (self->reading->words, i));
      g_hash_table_insert (change_of_words, g_ptr_array_index (self->reading->words, i),
                           g_ptr_array_index (self->reading->changes, i));
    }
  /* g_ptr_array_sort is not stable; g_qsort_with_data is. */
  g_qsort_with_data (order->pdata, order->len, sizeof (gpointer), lp_merge_window_compare_words, NULL);
  for (guint i = 0; i < order->len; i++)
    {
      const LpChangeWords *words = g_ptr_array_index (order, i);
      LpMergeItem *item;

      if (previous == NULL || g_strcmp0 (previous->section, words->section) != 0 ||
          g_strcmp0 (previous->place, words->place) != 0)
        {
          g_autofree char *heading = lp_merge_text_heading (words->section, words->place);
          g_ptr_array_add (items, lp_merge_item_new_heading (heading));
        }
      previous = words;
      item = lp_merge_item_new_change (g_hash_table_lookup (change_of_words, words), words);
      g_signal_connect_object (item, "notify::included", G_CALLBACK (lp_merge_window_change_toggled), self, 0);
      g_ptr_array_add (items, item);
    }
  g_hash_table_unref (change_of_words);
}

static void
lp_merge_window_show_list (LpMergeWindow *self,
                           guint          n_new)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *intro = NULL;
  const char *name = lp_merge_window_copy_name (self);

  g_hash_table_remove_all (self->conflicts_by_row);
  self->nothing_new = n_new == 0 && self->conflicts->len == 0;
  lp_merge_window_add_conflicts (self, items);
  lp_merge_window_add_changes (self, items);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata,
                       items->len);
  if (self->nothing_new && self->reading->changes->len > 0)
    intro = g_strdup_printf (_("The plan already has everything “%s” changed: there is nothing to merge."), name);
  else
    intro = lp_merge_text_intro (name, lp_workshop_copy_get_taken_at (self->reading->copy),
                                 self->reading->changes->len, self->against_plan);
  gtk_label_set_text (self->intro_label, intro);
  gtk_stack_set_visible_child_name (self->stack, "changes");
  lp_merge_window_update_title (self);
  lp_merge_window_update_buttons (self);
}

static void
lp_merge_window_show_refused (LpMergeWindow *self,
                              const char    *path,
                              const GError  *error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *title = g_strdup_printf (_("“%s” Cannot Be Merged"), display);
  /* A copy whose base the plan no longer holds can still be compared with
   * the plan as it is, every difference to be decided. */
  gboolean base_gone = !self->against_plan && g_error_matches (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND) &&
                       g_file_test (path, G_FILE_TEST_IS_REGULAR);

  adw_status_page_set_title (self->refused_page, title);
  adw_status_page_set_description (self->refused_page, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->against_button), base_gone);
  gtk_stack_set_visible_child_name (self->stack, "refused");
  lp_merge_window_update_title (self);
  lp_merge_window_update_buttons (self);
}

static void
lp_merge_window_read_done (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(LpMergeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LpCopyReading *reading = lp_workshop_read_copy_finish (result, &error);
  GPtrArray *conflicts = NULL;
  guint n_new = 0;

  /* The window closed meanwhile: its plan may be gone. */
  if (g_cancellable_is_cancelled (self->cancellable) || self->plan == NULL)
    {
      lp_copy_reading_free (reading);
      return;
    }
  g_clear_pointer (&self->reading, lp_copy_reading_free);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_ptr_array_new ();
  self->reading = reading;
  if (reading == NULL)
    {
      lp_merge_window_show_refused (self, self->paths[self->index], error);
      return;
    }
  /* What would change, and where the plan changed the same things: the
   * merge itself, rolled back. */
  if (!lp_plan_merge_copy (self->plan, reading->copy, NULL, NULL, LP_MERGE_UNDECIDED, LP_MERGE_DRY_RUN,
                           &conflicts, &n_new, &error))
    {
      lp_merge_window_show_refused (self, self->paths[self->index], error);
      return;
    }
  if (conflicts != NULL)
    {
      g_ptr_array_unref (self->conflicts);
      self->conflicts = conflicts;
    }
  lp_merge_window_show_list (self, n_new);
}

static void
lp_merge_window_show_done (LpMergeWindow *self)
{
  g_autofree char *title = lp_merge_text_done_title (self->n_merged_copies, g_strv_length (self->paths));

  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->reading, lp_copy_reading_free);
  adw_status_page_set_title (self->done_page, title);
  gtk_label_set_text (self->done_label, self->summary->str);
  gtk_stack_set_visible_child_name (self->stack, "done");
  lp_merge_window_update_title (self);
  lp_merge_window_update_buttons (self);
}

static void
lp_merge_window_read_current (LpMergeWindow *self)
{
  g_autofree char *display = NULL;
  g_autofree char *reading = NULL;

  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->reading, lp_copy_reading_free);
  if (self->index >= g_strv_length (self->paths))
    {
      lp_merge_window_show_done (self);
      return;
    }
  display = g_filename_display_basename (self->paths[self->index]);
  reading = g_strdup_printf (_("Reading “%s”…"), display);
  gtk_label_set_text (self->reading_label, reading);
  gtk_stack_set_visible_child_name (self->stack, "reading");
  lp_merge_window_update_title (self);
  lp_merge_window_update_buttons (self);
  lp_workshop_read_copy_async (self->plan, self, self->paths[self->index], self->against_plan, self->cancellable,
                               lp_merge_window_read_done, g_object_ref (self));
}

static void
lp_merge_window_next (LpMergeWindow *self,
                      const char    *said)
{
  if (self->summary->len > 0)
    g_string_append_c (self->summary, '\n');
  g_string_append (self->summary, said);
  self->index++;
  self->against_plan = FALSE;
  lp_merge_window_read_current (self);
}

static void
lp_merge_window_merge (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LpMergeWindow *self = LP_MERGE_WINDOW (widget);
  g_autoptr(GPtrArray) left_out = g_ptr_array_new ();
  g_autoptr(GPtrArray) remaining = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_merged = 0;

  if (self->reading == NULL)
    return;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LpMergeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (lp_merge_item_get_kind (item) == LP_MERGE_ITEM_CHANGE && !lp_merge_item_get_included (item))
        g_ptr_array_add (left_out, lp_merge_item_get_change (item));
      /* A conflict left out with its change: the plan keeps its own. */
      if (lp_merge_item_get_kind (item) == LP_MERGE_ITEM_CONFLICT && !lp_merge_item_get_decidable (item))
        lp_merge_item_get_conflict (item)->choice = LP_MERGE_KEEP_PLAN;
    }
  if (!lp_plan_merge_copy (self->plan, self->reading->copy, self->conflicts, left_out, LP_MERGE_UNDECIDED, 0,
                           &remaining, &n_merged, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Merge “%s”"), lp_merge_window_copy_name (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (remaining != NULL && remaining->len > 0)
    {
      /* Not expected, since nothing else writes the plan meanwhile; if it
       * happens, nothing was applied and the new conflicts are shown. */
      g_ptr_array_unref (self->conflicts);
      self->conflicts = g_steal_pointer (&remaining);
      lp_merge_window_show_list (self, n_merged);
      return;
    }
  self->n_merged_copies++;
  said = lp_merge_text_copy_done (lp_merge_window_copy_name (self), n_merged);
  lp_merge_window_next (self, said);
}

static void
lp_merge_window_skip (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LpMergeWindow *self = LP_MERGE_WINDOW (widget);
  g_autofree char *display = NULL;
  g_autofree char *said = NULL;

  if (self->index >= g_strv_length (self->paths))
    return;
  if (lp_merge_window_copy_name (self) != NULL)
    display = g_strdup (lp_merge_window_copy_name (self));
  else
    display = g_filename_display_basename (self->paths[self->index]);
  said = lp_merge_text_copy_skipped (display);
  lp_merge_window_next (self, said);
}

static void
lp_merge_window_against_plan (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LpMergeWindow *self = LP_MERGE_WINDOW (widget);

  self->against_plan = TRUE;
  lp_merge_window_read_current (self);
}

static void
lp_merge_window_setup_row (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           LpMergeWindow            *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, lp_merge_row_new ());
}

static void
lp_merge_window_bind_row (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          LpMergeWindow            *self)
{
  lp_merge_row_set_item (LP_MERGE_ROW (gtk_list_item_get_child (list_item)),
                         gtk_list_item_get_item (list_item), lp_merge_window_copy_name (self));
}

static void
lp_merge_window_unbind_row (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            LpMergeWindow            *self)
{
  lp_merge_row_set_item (LP_MERGE_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

static void
lp_merge_window_dispose (GObject *object)
{
  LpMergeWindow *self = LP_MERGE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_MERGE_WINDOW);
  g_clear_object (&self->items);
  g_clear_pointer (&self->conflicts_by_row, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->reading, lp_copy_reading_free);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (lp_merge_window_parent_class)->dispose (object);
}

static void
lp_merge_window_finalize (GObject *object)
{
  LpMergeWindow *self = LP_MERGE_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_strfreev (self->paths);
  g_string_free (self->summary, TRUE);
  G_OBJECT_CLASS (lp_merge_window_parent_class)->finalize (object);
}

static void
lp_merge_window_class_init (LpMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_merge_window_dispose;
  object_class->finalize = lp_merge_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lp-merge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, merge_button);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, skip_button);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, reading_label);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, decide_label);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, refused_page);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, against_button);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, LpMergeWindow, done_label);

  gtk_widget_class_install_action (widget_class, "merge.merge", NULL, lp_merge_window_merge);
  gtk_widget_class_install_action (widget_class, "merge.skip", NULL, lp_merge_window_skip);
  gtk_widget_class_install_action (widget_class, "merge.against-plan", NULL, lp_merge_window_against_plan);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "merge.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lp_merge_window_init (LpMergeWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->summary = g_string_new (NULL);
  self->conflicts = g_ptr_array_new ();
  self->conflicts_by_row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);
  self->items = g_list_store_new (LP_TYPE_MERGE_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (lp_merge_window_setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (lp_merge_window_bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (lp_merge_window_unbind_row), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (selection);
  g_object_unref (factory);
}

/**
 * lp_merge_window_new:
 * @paths: the workshop copies, merged in this order
 *
 * Returns: (transfer none): the window, reading the first copy, not yet
 *   shown; GTK holds it until it is closed
 */
LpMergeWindow *
lp_merge_window_new (GtkWindow          *parent,
                     LpPlan             *plan,
                     const char * const *paths)
{
  LpMergeWindow *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);

  self = g_object_new (LP_TYPE_MERGE_WINDOW, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->paths = g_strdupv ((char **) paths);
  lp_merge_window_read_current (self);
  return self;
}

/* For tests: "reading", "changes", "refused" or "done". */
const char *
lp_merge_window_get_page (LpMergeWindow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
lp_merge_window_get_index (LpMergeWindow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_WINDOW (self), 0);
  return self->index;
}

GListModel *
lp_merge_window_get_items (LpMergeWindow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_WINDOW (self), NULL);
  return G_LIST_MODEL (self->items);
}

GtkWidget *
lp_merge_window_get_list (LpMergeWindow *self)
{
  g_return_val_if_fail (LP_IS_MERGE_WINDOW (self), NULL);
  return GTK_WIDGET (self->list_view);
}
