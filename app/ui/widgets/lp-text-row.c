/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rows of words for the views' long tables (see lp-text-row.h). */
#include "config.h"

#include "lp-text-row.h"

struct _LpTextRow
{
  GObject         parent_instance;

  gpointer        data;
  GDestroyNotify  data_free;
};

G_DEFINE_FINAL_TYPE (LpTextRow, lp_text_row, G_TYPE_OBJECT)

static void
lp_text_row_finalize (GObject *object)
{
  LpTextRow *self = LP_TEXT_ROW (object);

  if (self->data_free != NULL)
    self->data_free (self->data);
  G_OBJECT_CLASS (lp_text_row_parent_class)->finalize (object);
}

static void
lp_text_row_class_init (LpTextRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lp_text_row_finalize;
}

static void
lp_text_row_init (LpTextRow *self)
{
}

/**
 * lp_text_row_new:
 * @data: (transfer full): the row's words, freed with @data_free
 */
LpTextRow *
lp_text_row_new (gpointer       data,
                 GDestroyNotify data_free)
{
  LpTextRow *self = g_object_new (LP_TYPE_TEXT_ROW, NULL);

  self->data = data;
  self->data_free = data_free;
  return self;
}

gpointer
lp_text_row_get (LpTextRow *self)
{
  g_return_val_if_fail (LP_IS_TEXT_ROW (self), NULL);

  return self->data;
}

/**
 * lp_text_rows_new:
 *
 * Compares the rows from the top and from the bottom: what lies between
 * the first and the last difference is new.  England's 6,500 practices
 * are compared in well under a millisecond.
 */
GPtrArray *
lp_text_rows_new (GPtrArray      *shown,
                  GPtrArray      *fresh,
                  LpTextRowCopy   copy,
                  GDestroyNotify  data_free,
                  GEqualFunc      equal)
{
  guint n_shown = shown != NULL ? shown->len : 0;
  guint n_fresh = fresh->len;
  guint head = 0, tail = 0;
  GPtrArray *rows;

  g_return_val_if_fail (copy != NULL && equal != NULL, NULL);

  while (head < n_shown && head < n_fresh &&
         equal (lp_text_row_get (g_ptr_array_index (shown, head)), g_ptr_array_index (fresh, head)))
    head++;
  while (tail < n_shown - head && tail < n_fresh - head &&
         equal (lp_text_row_get (g_ptr_array_index (shown, n_shown - 1 - tail)),
                g_ptr_array_index (fresh, n_fresh - 1 - tail)))
    tail++;
  rows = g_ptr_array_new_full (n_fresh, g_object_unref);
  for (guint i = 0; i < head; i++)
    g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (shown, i)));
  for (guint i = head; i < n_fresh - tail; i++)
    g_ptr_array_add (rows, lp_text_row_new (copy (g_ptr_array_index (fresh, i)), data_free));
  for (guint i = n_shown - tail; i < n_shown; i++)
    g_ptr_array_add (rows, g_object_ref (g_ptr_array_index (shown, i)));
  return rows;
}

/* Work on the store in a frame, leaving time to lay it out and draw it:
 * enough for a few rows' widgets. */
#define LP_TEXT_ROWS_BUDGET_US 8000
/* Rows around where the table is scrolled that have widgets: GTK 4.8's
 * list views keep 200 after the first shown and a few either side. */
#define LP_TEXT_ROWS_WIDGETS_BEFORE 8
#define LP_TEXT_ROWS_WIDGETS_AFTER 216
/* More rows than a table shows at its tallest. */
#define LP_TEXT_ROWS_SCREENFUL 16

#define LP_TEXT_ROWS_UPDATE_KEY "lp-text-rows-update"

/* Bringing one store to its rows. */
typedef struct {
  GListStore *store;       /* not a reference: this lives on it */
  GPtrArray  *target;      /* LpTextRow */
  GtkWidget  *scroller;    /* weak: the scroller shows the store */
  guint       head;        /* rows from the top the store has right */
  guint       tail;        /* and from the bottom */
  guint       near;        /* rows with widgets a splice adds or drops, by how long the last took */
  guint       tick;        /* brings in more rows at each frame */
} LpTextRowsUpdate;

static void
lp_text_rows_update_free (gpointer data)
{
  LpTextRowsUpdate *update = data;

  if (update->tick != 0 && update->scroller != NULL)
    gtk_widget_remove_tick_callback (update->scroller, update->tick);
  g_clear_pointer (&update->target, g_ptr_array_unref);
  g_clear_weak_pointer (&update->scroller);
  g_free (update);
}

static gboolean
lp_text_rows_same (GListModel *model,
                   guint       position,
                   gpointer    row)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item == row;
}

/* The rows of the store that have widgets, about: from a little before
 * the first shown to 200 after it. */
static void
lp_text_rows_widget_rows (LpTextRowsUpdate *update,
                          guint             n_items,
                          guint            *start,
                          guint            *end)
{
  GtkAdjustment *adjustment = update->scroller != NULL
    ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (update->scroller)) : NULL;
  double upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;
  guint first = upper > 0 ? (guint) (gtk_adjustment_get_value (adjustment) / upper * n_items) : 0;

  *start = first > LP_TEXT_ROWS_WIDGETS_BEFORE ? first - LP_TEXT_ROWS_WIDGETS_BEFORE : 0;
  *end = first + LP_TEXT_ROWS_WIDGETS_AFTER;
}

/* One splice toward the target; FALSE once the store shows it.
 *
 * Rows far from where the table is scrolled have no widgets: they go in
 * or out in one splice each, old ones first, so that the store is small
 * while rows with widgets change.  Those cost a few milliseconds each to
 * make or drop, and every splice also costs for each row with widgets
 * after it: so old ones go from the bottom, a few at a time, down to the
 * screenful at the top, which new ones replace in one splice (the table
 * is never blank); then the rest of the new ones come in below, a few at
 * a time.  Sets @near_step when the splice touched rows with widgets. */
static gboolean
lp_text_rows_step (LpTextRowsUpdate *update,
                   gboolean         *near_step)
{
  GListModel *model = G_LIST_MODEL (update->store);
  guint n_store = g_list_model_get_n_items (model);
  guint n_target = update->target->len;
  guint store_middle, target_middle, last, start, end, removed, added;

  /* The rows counted right from the bottom are not counted again from
   * the top. */
  while (update->head < n_store - update->tail && update->head < n_target - update->tail &&
         lp_text_rows_same (model, update->head, g_ptr_array_index (update->target, update->head)))
    update->head++;
  while (update->tail < n_store - update->head && update->tail < n_target - update->head &&
         lp_text_rows_same (model, n_store - 1 - update->tail,
                            g_ptr_array_index (update->target, n_target - 1 - update->tail)))
    update->tail++;
  store_middle = n_store - update->head - update->tail;
  target_middle = n_target - update->head - update->tail;
  if (store_middle == 0 && target_middle == 0)
    return FALSE;
  last = n_store - update->tail;
  lp_text_rows_widget_rows (update, n_store, &start, &end);
  *near_step = FALSE;
  if (last > MAX (end, update->head))
    {
      /* Old rows after those with widgets. */
      removed = last - MAX (end, update->head);
      g_list_store_splice (update->store, last - removed, removed, NULL, 0);
      return TRUE;
    }
  if (update->head < start || (update->head >= end && target_middle > 0))
    {
      /* Rows before those with widgets, or new ones after them. */
      removed = MIN (last, start) > update->head ? MIN (last, start) - update->head : 0;
      added = update->head < start ? MIN (target_middle, start - update->head) : target_middle;
      g_list_store_splice (update->store, update->head, removed, update->target->pdata + update->head, added);
      return TRUE;
    }
  *near_step = TRUE;
  if (store_middle > (target_middle > 0 ? LP_TEXT_ROWS_SCREENFUL : 0))
    {
      removed = MIN (update->near, store_middle - (target_middle > 0 ? LP_TEXT_ROWS_SCREENFUL : 0));
      g_list_store_splice (update->store, last - removed, removed, NULL, 0);
    }
  else if (store_middle > 0)
    g_list_store_splice (update->store, update->head, store_middle, update->target->pdata + update->head,
                         MIN (target_middle, LP_TEXT_ROWS_SCREENFUL));
  else
    g_list_store_splice (update->store, update->head, 0, update->target->pdata + update->head,
                         MIN (update->near, target_middle));
  return TRUE;
}

/* Splices until the budget is spent.  Rows with widgets cost
 * milliseconds each to make or drop (more with the accessibility bus),
 * so they go a few at a time, as many as the last splice's time
 * allows. FALSE once the store shows its rows. */
static gboolean
lp_text_rows_work (LpTextRowsUpdate *update)
{
  gint64 start = g_get_monotonic_time ();
  gint64 before = start;
  gboolean near_step = FALSE;

  while (lp_text_rows_step (update, &near_step))
    {
      gint64 now = g_get_monotonic_time ();

      if (near_step && now - before < 2000)
        update->near = MIN (update->near * 2, 64);
      else if (near_step && now - before > 6000)
        update->near = MAX (update->near / 2, 1);
      before = now;
      if (now - start > LP_TEXT_ROWS_BUDGET_US)
        return TRUE;
    }
  return FALSE;
}

/* At each frame, before it is laid out: the table shows the rows come
 * in so far, each frame, and is never left half laid out between two. */
static gboolean
lp_text_rows_tick (GtkWidget     *scroller,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  LpTextRowsUpdate *update = data;

  if (lp_text_rows_work (update))
    return G_SOURCE_CONTINUE;
  update->tick = 0;
  return G_SOURCE_REMOVE;
}

void
lp_text_rows_show (GListStore *store,
                   GPtrArray  *rows,
                   GtkWidget  *scroller)
{
  LpTextRowsUpdate *update;

  g_return_if_fail (G_IS_LIST_STORE (store) && rows != NULL);
  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  update = g_object_get_data (G_OBJECT (store), LP_TEXT_ROWS_UPDATE_KEY);
  if (update == NULL)
    {
      update = g_new0 (LpTextRowsUpdate, 1);
      update->store = store;
      g_object_set_data_full (G_OBJECT (store), LP_TEXT_ROWS_UPDATE_KEY, update, lp_text_rows_update_free);
    }
  g_set_weak_pointer (&update->scroller, scroller);
  g_clear_pointer (&update->target, g_ptr_array_unref);
  update->target = g_ptr_array_ref (rows);
  update->head = update->tail = 0;
  /* A few at first: the first splice may fall among rows with widgets. */
  update->near = 2;
  /* What fits in this frame now, with the rest of the view's figures;
   * the rest in the frames after. */
  if (!lp_text_rows_work (update))
    {
      if (update->tick != 0)
        gtk_widget_remove_tick_callback (scroller, update->tick);
      update->tick = 0;
    }
  else if (update->tick == 0)
    update->tick = gtk_widget_add_tick_callback (scroller, lp_text_rows_tick, update, NULL);
}

typedef struct {
  gsize        text_offset;
  gssize       flag_offset;
  char        *flag_class;
  LpCellStyle  style;
} LpTextColumn;

static void
lp_text_column_free (gpointer data,
                     GClosure *closure)
{
  LpTextColumn *column = data;

  g_free (column->flag_class);
  g_free (column);
}

static void
lp_text_row_label_setup (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         LpTextColumn             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), (column->style & LP_CELL_NUMERIC) ? 1.0f : 0.0f);
  if (column->style & LP_CELL_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  if (column->style & LP_CELL_DIM)
    gtk_widget_add_css_class (label, "dim-label");
  if (column->style & LP_CELL_ELLIPSIZE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
lp_text_row_label_bind (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        LpTextColumn             *column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gpointer words = lp_text_row_get (gtk_list_item_get_item (item));
  const char *text = G_STRUCT_MEMBER (const char *, words, column->text_offset);

  gtk_label_set_label (GTK_LABEL (label), text);
  /* An ellipsized name is whole in its tooltip. */
  if (column->style & LP_CELL_ELLIPSIZE)
    gtk_widget_set_tooltip_text (label, text);
  /* A recycled label may carry the class from the row it showed before. */
  if (column->flag_offset >= 0 && G_STRUCT_MEMBER (gboolean, words, column->flag_offset))
    gtk_widget_add_css_class (label, column->flag_class);
  else if (column->flag_offset >= 0)
    gtk_widget_remove_css_class (label, column->flag_class);
}

GtkListItemFactory *
lp_text_row_label_factory (gsize        text_offset,
                           gssize       flag_offset,
                           const char  *flag_class,
                           LpCellStyle  style)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LpTextColumn *column = g_new0 (LpTextColumn, 1);

  g_return_val_if_fail (flag_offset < 0 || flag_class != NULL, factory);

  column->text_offset = text_offset;
  column->flag_offset = flag_offset;
  column->flag_class = g_strdup (flag_class);
  column->style = style;
  g_signal_connect (factory, "setup", G_CALLBACK (lp_text_row_label_setup), column);
  g_signal_connect_data (factory, "bind", G_CALLBACK (lp_text_row_label_bind), column,
                         lp_text_column_free, 0);
  return factory;
}

void
lp_text_row_add_column (GtkColumnView      *view,
                        const char         *title,
                        GtkListItemFactory *factory,
                        gboolean            expand)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
}
