/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading ahead: once an import has bound its columns, the rest of the
 * file is read, checksummed and parsed on a second thread while the
 * importing thread writes the rows to the plan.  The threads pass batches
 * of records to each other through two queues; only a few batches exist
 * and their buffers are reused, so memory stays bounded and flat whatever
 * the file's size. */
#include "config.h"

#include "lp-csv-private.h"
#include "lp-error.h"

#define LP_CSV_BATCH_RECORDS 2048
#define LP_CSV_BATCHES 4

typedef struct {
  LpCsvStore *store;
  guint64     bytes_read;  /* of the file, when the batch was filled */
  GError     *error;       /* the file cannot be read past this batch */
  gboolean    last;
} LpCsvBatch;

struct _LpCsvAhead
{
  GThread     *thread;
  GAsyncQueue *full;       /* batches for the importing thread */
  GAsyncQueue *empty;      /* batches for the reading thread to fill */
  LpCsvBatch  *batch;      /* being handed out */
  LpCsvBatch  *filling;    /* the reading thread's first batch */
  guint64      bytes_read;
  gint         stop;       /* atomic: the importing thread wants no more rows */
  gboolean     done;
};

static LpCsvBatch *
lp_csv_batch_new (LpCsvStore *store)
{
  LpCsvBatch *batch = g_new0 (LpCsvBatch, 1);

  batch->store = store != NULL ? store : lp_csv_store_new ();
  return batch;
}

static void
lp_csv_batch_free (LpCsvBatch *batch)
{
  lp_csv_store_free (batch->store);
  g_clear_error (&batch->error);
  g_free (batch);
}

/* Parses into @batch until it holds enough records; FALSE once the file
 * is finished or cannot be read further. */
static gboolean
lp_csv_batch_fill (LpCsvBatch  *batch,
                   LpCsvReader *self)
{
  while (batch->store->records->len < LP_CSV_BATCH_RECORDS)
    {
      if (self->finished || !lp_csv_feed (self, &batch->error))
        return FALSE;
      if (self->damage != NULL)
        {
          lp_csv_damage_error (self, &batch->error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Moves the parser to @next, carrying over a record not finished yet. */
static void
lp_csv_ahead_switch (LpCsvReader *self,
                     LpCsvBatch  *next)
{
  lp_csv_store_move_tail (self->parsing, self->first_field, next->store);
  self->parsing = next->store;
  self->first_field = 0;
  g_clear_error (&next->error);
  next->last = FALSE;
}

static gpointer
lp_csv_ahead_thread (gpointer data)
{
  LpCsvReader *self = data;
  LpCsvAhead *ahead = self->ahead;
  LpCsvBatch *batch = g_steal_pointer (&ahead->filling);

  while (!g_atomic_int_get (&ahead->stop))
    {
      LpCsvBatch *next;

      batch->last = !lp_csv_batch_fill (batch, self);
      batch->bytes_read = self->bytes_read;
      if (batch->last)
        {
          g_async_queue_push (ahead->full, batch);
          return NULL;
        }
      next = g_async_queue_pop (ahead->empty);
      if (g_atomic_int_get (&ahead->stop))
        {
          g_async_queue_push (ahead->empty, next);
          break;
        }
      lp_csv_ahead_switch (self, next);
      g_async_queue_push (ahead->full, batch);
      batch = next;
    }
  g_async_queue_push (ahead->empty, batch);
  return NULL;
}

/**
 * lp_csv_reader_read_ahead:
 *
 * From now on, reads and parses the file on a second thread.  The
 * reader's functions keep working as before from the calling thread, which
 * alone may use them.
 */
void
lp_csv_reader_read_ahead (LpCsvReader *self)
{
  LpCsvAhead *ahead;

  g_return_if_fail (self->ahead == NULL);

  ahead = g_new0 (LpCsvAhead, 1);
  ahead->full = g_async_queue_new_full ((GDestroyNotify) lp_csv_batch_free);
  ahead->empty = g_async_queue_new_full ((GDestroyNotify) lp_csv_batch_free);
  ahead->bytes_read = self->bytes_read;
  /* The records parsed with the header are handed out first, from the
   * reader's own store, which becomes the first batch. */
  ahead->batch = lp_csv_batch_new (g_steal_pointer (&self->store));
  ahead->batch->last = self->finished;
  /* The unfinished record moves to the reading thread's first batch here,
   * before that thread starts, so the two never touch one store at once. */
  ahead->filling = lp_csv_batch_new (NULL);
  lp_csv_ahead_switch (self, ahead->filling);
  for (guint i = 1; i < LP_CSV_BATCHES; i++)
    g_async_queue_push (ahead->empty, lp_csv_batch_new (NULL));
  self->ahead = ahead;
  self->has_current = FALSE;
  if (!self->finished)
    ahead->thread = g_thread_new ("lp-csv-read-ahead", lp_csv_ahead_thread, self);
}

gboolean
lp_csv_ahead_next (LpCsvReader  *self,
                   GError      **error)
{
  LpCsvAhead *ahead = self->ahead;

  for (;;)
    {
      LpCsvBatch *batch = ahead->batch;
      LpCsvStore *store = batch != NULL ? batch->store : NULL;

      if (store != NULL && store->next < store->records->len)
        {
          self->reading = store;
          self->current = store->next++;
          self->current_line = g_array_index (store->records, LpCsvRecord, self->current).line;
          self->has_current = TRUE;
          return TRUE;
        }
      if (batch != NULL && (batch->error != NULL || batch->last))
        {
          ahead->done = TRUE;
          if (batch->error != NULL)
            g_propagate_error (error, g_steal_pointer (&batch->error));
          return FALSE;
        }
      if (ahead->done)
        return FALSE;
      if (batch != NULL)
        g_async_queue_push (ahead->empty, g_steal_pointer (&ahead->batch));
      ahead->batch = g_async_queue_pop (ahead->full);
      ahead->bytes_read = ahead->batch->bytes_read;
    }
}

guint64
lp_csv_ahead_bytes_read (LpCsvReader *self)
{
  return self->ahead->bytes_read;
}

/* Stops the reading thread (it may be waiting for an empty batch) and
 * frees the batches. */
void
lp_csv_ahead_stop (LpCsvReader *self)
{
  LpCsvAhead *ahead = self->ahead;

  if (ahead == NULL)
    return;
  g_atomic_int_set (&ahead->stop, 1);
  g_async_queue_push (ahead->empty, lp_csv_batch_new (NULL));
  if (ahead->thread != NULL)
    g_thread_join (ahead->thread);
  g_clear_pointer (&ahead->batch, lp_csv_batch_free);
  g_clear_pointer (&ahead->filling, lp_csv_batch_free);   /* if the thread never ran */
  g_async_queue_unref (ahead->full);
  g_async_queue_unref (ahead->empty);
  g_free (ahead);
  self->ahead = NULL;
  self->parsing = NULL;
  self->has_current = FALSE;
}
