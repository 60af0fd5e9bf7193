/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading rows out of a plan file SQLite finds damaged.
 *
 * Debian 12's libsqlite3 exports neither the sqlite3_recover API (it lives
 * only in the sqlite3 shell) nor the sqlite_dbpage table it is built on, so
 * this file does what the shell's .recover does, itself:
 *
 *  1. the gentle way: each table SQLite can still read to its end on a
 *     read-only connection is copied as SQLite reads it;
 *  2. the rest is read page by page, as the file format describes
 *     (https://www.sqlite.org/fileformat2.html): the schema's rows give each
 *     table's root page, the b-tree under it gives the table's rows, and
 *     leaf pages no tree reaches any more ("orphans") are given to the one
 *     table of this build's schema whose columns fit every row on the page
 *     (.recover's lost_and_found, but only where unambiguous).
 *
 * The file is only ever mapped read-only and opened immutable; every read of
 * it is bounds-checked, because a damaged or hostile file decides every
 * offset and length found in it. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "lp-plan-private.h"
#include "lp-recover-private.h"

#define MAX_DEPTH 40
#define MAX_FIELDS 2000
#define MAX_PAYLOAD (1 << 30)

/* ---- the file, page by page ---------------------------------------- */

typedef struct {
  const guint8 *data;
  gsize         size;
  guint32       page_size;
  guint32       usable;
  guint32       n_pages;
  int           encoding;   /* SQLITE_UTF8, SQLITE_UTF16LE or SQLITE_UTF16BE */
  guint8       *owned;      /* per page: reached from a root, or known not to hold rows */
  guint32      *chain;      /* per page: the overflow chain that last went through it */
  guint32       chain_id;
  guint64       budget;     /* bytes of overflow pages left to copy */
} RecFile;

typedef struct {
  const guint8 *page;
  guint32       pgno;
  guint8        flag;       /* 0x02, 0x05, 0x0A or 0x0D */
  guint         header;     /* offset of the b-tree page header: 100 on page 1 */
  guint         n_cells;
  guint32       right;      /* right-most child of an interior page */
} RecPage;

/* A field of a record, pointing into its row's payload. */
typedef struct {
  int           type;       /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB */
  gint64        i;
  double        f;
  const guint8 *p;
  guint32       n;
} RecField;

typedef struct {
  gint64   rowid;
  guint8  *payload;
  GArray  *fields;          /* RecField */
} RecRow;

static guint32
be16 (const guint8 *p)
{
  return ((guint32) p[0] << 8) | p[1];
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A varint at @p, not reading at or past @end: its length, or 0. */
static guint
read_varint (const guint8 *p,
             const guint8 *end,
             guint64      *value)
{
  guint64 v = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (p + i >= end)
        return 0;
      if (i == 8)
        {
          *value = (v << 8) | p[i];
          return 9;
        }
      v = (v << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
        {
          *value = v;
          return i + 1;
        }
    }
  return 0;
}

static const guint8 *
page_data (const RecFile *f,
           guint32        pgno)
{
  if (pgno < 1 || pgno > f->n_pages)
    return NULL;
  return f->data + (gsize) (pgno - 1) * f->page_size;
}

/* Reads the b-tree page header of @pgno, checking that the header and the
 * cell pointer array fit in the page. */
static gboolean
page_parse (const RecFile *f,
            guint32        pgno,
            RecPage       *pg)
{
  const guint8 *p = page_data (f, pgno);
  guint header = pgno == 1 ? 100 : 0;
  guint header_size;

  if (p == NULL || header + 12 > f->usable)
    return FALSE;
  pg->page = p;
  pg->pgno = pgno;
  pg->header = header;
  pg->flag = p[header];
  if (pg->flag != 0x02 && pg->flag != 0x05 && pg->flag != 0x0A && pg->flag != 0x0D)
    return FALSE;
  header_size = (pg->flag == 0x02 || pg->flag == 0x05) ? 12 : 8;
  pg->n_cells = be16 (p + header + 3);
  if (header + header_size + 2 * (gsize) pg->n_cells > f->usable)
    return FALSE;
  pg->right = header_size == 12 ? be32 (p + header + 8) : 0;
  return TRUE;
}

/* Where cell @i starts, or 0 when its pointer points outside the cell area. */
static guint
cell_offset (const RecFile *f,
             const RecPage *pg,
             guint          i)
{
  guint header_size = (pg->flag == 0x02 || pg->flag == 0x05) ? 12 : 8;
  guint start = pg->header + header_size + 2 * pg->n_cells;
  guint off = be16 (pg->page + pg->header + header_size + 2 * i);

  if (off < start || off >= f->usable)
    return 0;
  return off;
}

/* The left child of cell @i of an interior page, or 0. */
static guint32
cell_left_child (const RecFile *f,
                 const RecPage *pg,
                 guint          i)
{
  guint off = cell_offset (f, pg, i);

  if (off == 0 || off + 4 > f->usable)
    return 0;
  return be32 (pg->page + off);
}

/* The payload of cell @i of a leaf page or an index interior page, with its
 * overflow pages followed; NULL when any part of it cannot be read. */
static guint8 *
cell_payload (RecFile       *f,
              const RecPage *pg,
              guint          i,
              gint64        *rowid,
              gsize         *length)
{
  const guint8 *end = pg->page + f->usable;
  const guint8 *p;
  guint off = cell_offset (f, pg, i);
  guint64 size, key = 0;
  guint n, local;
  guint32 max_local, min_local, next;
  guint8 *payload;
  gsize have;

  if (off == 0 || pg->flag == 0x05)
    return NULL;
  p = pg->page + off;
  if (pg->flag == 0x02)
    p += 4;
  if (p >= end || (n = read_varint (p, end, &size)) == 0)
    return NULL;
  p += n;
  if (pg->flag == 0x0D)
    {
      if ((n = read_varint (p, end, &key)) == 0)
        return NULL;
      p += n;
    }
  if (size > MAX_PAYLOAD || size > (guint64) f->size)
    return NULL;

  /* How much of the payload the page itself holds (file format 1.6). */
  if (pg->flag == 0x0D)
    max_local = f->usable - 35;
  else
    max_local = ((f->usable - 12) * 64 / 255) - 23;
  min_local = ((f->usable - 12) * 32 / 255) - 23;
  if (size <= max_local)
    local = (guint) size;
  else
    {
      guint32 k = min_local + (guint32) ((size - min_local) % (f->usable - 4));
      local = k <= max_local ? k : min_local;
    }
  if ((gsize) (end - p) < (gsize) local + (size > local ? 4 : 0))
    return NULL;

  f->chain_id++;
  payload = g_malloc (size > 0 ? size : 1);
  memcpy (payload, p, local);
  have = local;
  next = size > local ? be32 (p + local) : 0;
  for (guint32 hops = 0; have < size; hops++)
    {
      const guint8 *o = page_data (f, next);
      gsize take = MIN (size - have, (gsize) f->usable - 4);

      /* A chain through a page twice is a loop; and overflow pages shared
       * by many cells of a hostile file could make the reading quadratic:
       * a real file's are read a few times over, well within the budget. */
      if (o == NULL || hops >= f->n_pages || f->chain[next] == f->chain_id || f->budget < take)
        {
          g_free (payload);
          return NULL;
        }
      f->chain[next] = f->chain_id;
      f->budget -= take;
      f->owned[next] = 1;
      memcpy (payload + have, o + 4, take);
      have += take;
      next = be32 (o);
    }
  *rowid = (gint64) key;
  *length = size;
  return payload;
}

/* Splits a record into its fields; FALSE unless the header and the values
 * exactly fill the payload, as SQLite writes them. */
static gboolean
record_parse (const guint8 *p,
              gsize         n,
              GArray       *fields)
{
  const guint8 *end = p + n;
  guint64 header_size, type;
  guint len = read_varint (p, end, &header_size);
  gsize at, body;

  g_array_set_size (fields, 0);
  if (len == 0 || header_size < len || header_size > n)
    return FALSE;
  at = len;
  body = header_size;
  while (at < header_size)
    {
      RecField field = { SQLITE_NULL, 0, 0, NULL, 0 };
      guint64 size = 0;

      if (fields->len >= MAX_FIELDS || (len = read_varint (p + at, p + header_size, &type)) == 0)
        return FALSE;
      at += len;
      switch (type)
        {
        case 0: break;
        case 1: size = 1; break;
        case 2: size = 2; break;
        case 3: size = 3; break;
        case 4: size = 4; break;
        case 5: size = 6; break;
        case 6: size = 8; break;
        case 7: size = 8; break;
        case 8: case 9: field.type = SQLITE_INTEGER; field.i = (gint64) type - 8; break;
        case 10: case 11: return FALSE;
        default: size = (type - 12) / 2; break;
        }
      if (size > n - body)
        return FALSE;
      if (type >= 1 && type <= 7)
        {
          guint64 v = (p[body] & 0x80) && type != 7 ? G_MAXUINT64 : 0;

          for (guint64 b = 0; b < size; b++)
            v = (v << 8) | p[body + b];
          if (type == 7)
            {
              field.type = SQLITE_FLOAT;
              memcpy (&field.f, &v, sizeof field.f);
            }
          else
            {
              field.type = SQLITE_INTEGER;
              field.i = (gint64) v;
            }
        }
      else if (type >= 12)
        {
          field.type = (type & 1) ? SQLITE_TEXT : SQLITE_BLOB;
          field.p = p + body;
          field.n = (guint32) size;
        }
      body += size;
      g_array_append_val (fields, field);
    }
  return at == header_size && body == n;
}

static void
rec_row_free (gpointer data)
{
  RecRow *row = data;

  g_free (row->payload);
  g_array_unref (row->fields);
  g_free (row);
}

/* Every row a leaf page (or an index interior page, whose cells are rows of
 * a WITHOUT ROWID table too) holds that can be read whole. */
static void
page_rows (RecFile       *f,
           const RecPage *pg,
           GPtrArray     *rows)
{
  for (guint i = 0; i < pg->n_cells; i++)
    {
      RecRow *row = g_new0 (RecRow, 1);
      gsize length = 0;

      row->fields = g_array_new (FALSE, FALSE, sizeof (RecField));
      row->payload = cell_payload (f, pg, i, &row->rowid, &length);
      if (row->payload != NULL && record_parse (row->payload, length, row->fields))
        g_ptr_array_add (rows, row);
      else
        rec_row_free (row);
    }
}

/* Walks the b-tree under @pgno, marking its pages as owned, and adds its
 * rows to @rows (when not NULL). */
static void
tree_walk (RecFile   *f,
           guint32    pgno,
           gboolean   index_tree,
           int        depth,
           GPtrArray *rows)
{
  RecPage pg;

  if (depth > MAX_DEPTH || pgno < 1 || pgno > f->n_pages || f->owned[pgno])
    return;
  if (!page_parse (f, pgno, &pg))
    return;
  /* A page of the other kind of tree is not this tree's: leave it to be
   * found as an orphan. */
  if (index_tree != (pg.flag == 0x02 || pg.flag == 0x0A))
    return;
  f->owned[pgno] = 1;
  if (pg.flag == 0x02 || pg.flag == 0x05)
    {
      for (guint i = 0; i < pg.n_cells; i++)
        tree_walk (f, cell_left_child (f, &pg, i), index_tree, depth + 1, rows);
      tree_walk (f, pg.right, index_tree, depth + 1, rows);
    }
  if (rows != NULL && pg.flag != 0x05)
    page_rows (f, &pg, rows);
}

/* Does the page at @pgno look like a b-tree page whose cells all parse?
 * Used to find the page size of a file whose header is damaged. */
static gboolean
page_looks_sound (RecFile *f,
                  guint32  pgno)
{
  RecPage pg;

  if (!page_parse (f, pgno, &pg) || pg.n_cells == 0)
    return FALSE;
  for (guint i = 0; i < pg.n_cells; i++)
    {
      guint off = cell_offset (f, &pg, i);
      guint64 v;

      if (off == 0 || read_varint (pg.page + off, pg.page + f->usable, &v) == 0)
        return FALSE;
    }
  return TRUE;
}

static guint
page_size_score (RecFile *f,
                 guint32  size)
{
  guint score = 0;

  f->page_size = f->usable = size;
  f->n_pages = (guint32) MIN (f->size / size, G_MAXUINT32 - 1);
  for (guint32 pgno = 1; pgno <= f->n_pages; pgno++)
    score += page_looks_sound (f, pgno);
  return score;
}

/* Reads the page size from the header, or where the header is damaged, the
 * size whose pages parse best.  FALSE when no size gives a page. */
static gboolean
file_geometry (RecFile *f)
{
  const guint8 *h = f->data;
  guint32 from_header = 0;
  guint reserved = 0;
  guint32 best = 0;
  guint best_score = 0;

  f->encoding = SQLITE_UTF8;
  if (f->size >= 100)
    {
      from_header = be16 (h + 16) == 1 ? 65536 : be16 (h + 16);
      if (from_header < 512 || from_header > 65536 || (from_header & (from_header - 1)) != 0)
        from_header = 0;
      reserved = h[20];
      if (be32 (h + 56) == 2)
        f->encoding = SQLITE_UTF16LE;
      else if (be32 (h + 56) == 3)
        f->encoding = SQLITE_UTF16BE;
    }
  if (from_header != 0 && memcmp (h, "SQLite format 3", 16) == 0
      && from_header <= f->size)
    best = from_header;
  else
    {
      /* The header says nothing to be trusted: try every size. */
      for (guint32 size = 512; size <= 65536; size *= 2)
        {
          guint score = size <= f->size ? page_size_score (f, size) : 0;

          if (score > best_score || (score == best_score && score > 0 && size == from_header))
            {
              best = size;
              best_score = score;
            }
        }
      if (best == 0)
        return FALSE;
    }
  f->page_size = best;
  f->usable = (reserved < best && best - reserved >= 480) ? best - reserved : best;
  f->n_pages = (guint32) MIN (f->size / best, G_MAXUINT32 - 1);
  return f->n_pages > 0;
}

static void
file_alloc (RecFile *f)
{
  f->owned = g_malloc0 ((gsize) f->n_pages + 1);
  f->chain = g_new0 (guint32, (gsize) f->n_pages + 1);
  f->chain_id = 0;
  f->budget = 4 * (guint64) f->size + 64 * 1024 * 1024;
}

static void
file_clear (RecFile *f)
{
  g_clear_pointer (&f->owned, g_free);
  g_clear_pointer (&f->chain, g_free);
}

/* Marks the freelist's pages as owned, so that rows deleted long ago are
 * not brought back as orphans. */
static void
file_mark_freelist (RecFile *f)
{
  guint32 trunk;

  if (f->size < 100 || memcmp (f->data, "SQLite format 3", 16) != 0)
    return;
  trunk = be32 (f->data + 32);
  for (guint32 hops = 0; hops < f->n_pages; hops++)
    {
      const guint8 *t = page_data (f, trunk);
      guint32 count;

      if (t == NULL || f->owned[trunk])
        return;
      f->owned[trunk] = 1;
      count = be32 (t + 4);
      for (guint32 i = 0; i < count && 8 + 4 * (gsize) i + 4 <= f->usable; i++)
        {
          guint32 leaf = be32 (t + 8 + 4 * i);

          if (leaf >= 1 && leaf <= f->n_pages)
            f->owned[leaf] = 1;
        }
      trunk = be32 (t);
    }
}

/* ---- tables: this build's, and the file's ------------------------------ */

typedef struct {
  char     *name;
  char      affinity;       /* 'i'nteger, 't'ext, 'r'eal, 'n'umeric, 'b'lob */
  gboolean  not_null;
  gboolean  has_default;
} RecColumn;

/* A table's columns in the order its records store them. */
typedef struct {
  gboolean  without_rowid;
  int       alias;          /* the INTEGER PRIMARY KEY column, or -1 */
  GArray   *columns;        /* RecColumn */
} RecLayout;

typedef struct {
  char       *name;
  RecLayout  *reference;    /* as this build creates it (in the copy) */
  RecLayout  *file;         /* as the damaged file declares it, if known */
  guint32     root;
  gboolean    done;         /* read whole the gentle way */
  gint64      rows_read;
  GPtrArray  *rows;         /* RecRow, read page by page */
} RecTable;

static void
rec_layout_free (RecLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->columns->len; i++)
    g_free (g_array_index (layout->columns, RecColumn, i).name);
  g_array_unref (layout->columns);
  g_free (layout);
}

static void
rec_table_free (gpointer data)
{
  RecTable *t = data;

  g_free (t->name);
  rec_layout_free (t->reference);
  rec_layout_free (t->file);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

static char
affinity_of (const char *type)
{
  g_autofree char *up = g_ascii_strup (type != NULL ? type : "", -1);

  /* The rules of SQLite's "Determination Of Column Affinity". */
  if (strstr (up, "INT") != NULL)
    return 'i';
  if (strstr (up, "CHAR") != NULL || strstr (up, "CLOB") != NULL || strstr (up, "TEXT") != NULL)
    return 't';
  if (*up == '\0' || strstr (up, "BLOB") != NULL)
    return 'b';
  if (strstr (up, "REAL") != NULL || strstr (up, "FLOA") != NULL || strstr (up, "DOUB") != NULL)
    return 'r';
  return 'n';
}

/* The layout of @table in @db's main schema, or NULL. */
static RecLayout *
layout_load (sqlite3    *db,
             const char *table)
{
  sqlite3_stmt *stmt = NULL;
  RecLayout *layout;
  g_autoptr(GArray) keyed = NULL;
  g_autoptr(GArray) plain = NULL;
  g_autoptr(GArray) key_order = NULL;
  int n_keys = 0;
  gboolean wr = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  wr = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk "
                              "FROM pragma_table_info (?1) ORDER BY cid", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  keyed = g_array_new (FALSE, FALSE, sizeof (RecColumn));
  plain = g_array_new (FALSE, FALSE, sizeof (RecColumn));
  key_order = g_array_new (FALSE, FALSE, sizeof (int));
  layout = g_new0 (RecLayout, 1);
  layout->without_rowid = wr;
  layout->alias = -1;
  layout->columns = g_array_new (FALSE, FALSE, sizeof (RecColumn));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RecColumn c = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        affinity_of ((const char *) sqlite3_column_text (stmt, 1)),
        sqlite3_column_int (stmt, 2),
        sqlite3_column_int (stmt, 3),
      };
      int pk = sqlite3_column_int (stmt, 4);

      if (pk > 0)
        n_keys++;
      if (wr && pk > 0)
        {
          g_array_append_val (keyed, c);
          g_array_append_val (key_order, pk);
        }
      else if (wr)
        g_array_append_val (plain, c);
      else
        {
          if (pk == 1 && g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 1), "INTEGER") == 0)
            layout->alias = (int) layout->columns->len;
          g_array_append_val (layout->columns, c);
        }
    }
  sqlite3_finalize (stmt);
  if (!wr && n_keys != 1)
    layout->alias = -1;
  /* A WITHOUT ROWID table's records hold its key's columns first, in the
   * key's order, then the others (file format 2.6). */
  for (int k = 1; k <= (int) key_order->len; k++)
    for (guint i = 0; i < key_order->len; i++)
      if (g_array_index (key_order, int, i) == k)
        g_array_append_val (layout->columns, g_array_index (keyed, RecColumn, i));
  g_array_append_vals (layout->columns, plain->data, plain->len);
  if (layout->columns->len == 0)
    {
      rec_layout_free (layout);
      return NULL;
    }
  return layout;
}

/* SQLite may not run anything but the CREATE TABLE itself. */
static int
deny_select (void       *data,
             int         action,
             const char *a,
             const char *b,
             const char *c,
             const char *d)
{
  return action == SQLITE_SELECT || action == SQLITE_FUNCTION ? SQLITE_DENY : SQLITE_OK;
}

/* The layout the damaged file declares for a table, from its CREATE TABLE
 * text, run in a scratch database of its own. */
static RecLayout *
layout_from_sql (const char *table,
                 const char *sql)
{
  sqlite3 *scratch = NULL;
  RecLayout *layout = NULL;

  if (sql == NULL || g_ascii_strncasecmp (sql, "CREATE TABLE", 12) != 0)
    return NULL;
  if (sqlite3_open_v2 (":memory:", &scratch, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_set_authorizer (scratch, deny_select, NULL);
      if (sqlite3_exec (scratch, sql, NULL, NULL, NULL) == SQLITE_OK)
        {
          sqlite3_set_authorizer (scratch, NULL, NULL);
          layout = layout_load (scratch, table);
        }
    }
  sqlite3_close (scratch);
  return layout;
}

static int
layout_find (const RecLayout *layout,
             const char      *name)
{
  for (guint i = 0; i < layout->columns->len; i++)
    if (g_ascii_strcasecmp (g_array_index (layout->columns, RecColumn, i).name, name) == 0)
      return (int) i;
  return -1;
}

/* Could @fields be a row of a table laid out as @layout?  Strict on types,
 * because a wrong guess would put another table's rows in this one. */
static gboolean
layout_fits (const RecLayout *layout,
             GArray          *fields)
{
  if (fields->len == 0 || fields->len > layout->columns->len)
    return FALSE;
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const RecColumn *c = &g_array_index (layout->columns, RecColumn, i);
      int type;

      if (i >= fields->len)
        {
          /* A column added later: rows written before it lack it. */
          if (c->not_null && !c->has_default)
            return FALSE;
          continue;
        }
      type = g_array_index (fields, RecField, i).type;
      if ((int) i == layout->alias)
        {
          if (type != SQLITE_NULL)
            return FALSE;
          continue;
        }
      if (type == SQLITE_NULL)
        {
          if (c->not_null)
            return FALSE;
          continue;
        }
      switch (c->affinity)
        {
        case 'i':
          if (type != SQLITE_INTEGER)
            return FALSE;
          break;
        case 't':
          if (type != SQLITE_TEXT)
            return FALSE;
          break;
        case 'r':
          if (type != SQLITE_INTEGER && type != SQLITE_FLOAT)
            return FALSE;
          break;
        case 'n':
          if (type == SQLITE_BLOB)
            return FALSE;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

static RecTable *
table_find (GPtrArray  *tables,
            const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    {
      RecTable *t = g_ptr_array_index (tables, i);

      if (g_ascii_strcasecmp (t->name, name) == 0)
        return t;
    }
  return NULL;
}

/* This build's tables, in the schema's order, from the new plan. */
static GPtrArray *
tables_load (sqlite3  *copy,
             GError  **error)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (rec_table_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (copy, "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
                               -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      lp_sqlite_set_error (error, copy, rc, _("read the new plan’s tables"));
      g_ptr_array_unref (tables);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RecTable *t = g_new0 (RecTable, 1);

      t->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      t->reference = layout_load (copy, t->name);
      t->rows = g_ptr_array_new_with_free_func (rec_row_free);
      if (t->reference != NULL)
        g_ptr_array_add (tables, t);
      else
        rec_table_free (t);
    }
  sqlite3_finalize (stmt);
  return tables;
}

/* ---- writing rows into the copy -------------------------------------- */

/* INSERT OR REPLACE into @t of the columns @names (NULL-terminated; "rowid"
 * allowed): a key clash with a row the new plan was made with is settled
 * in favour of the user's row. */
static sqlite3_stmt *
insert_prepare (sqlite3     *copy,
                const char  *table,
                GPtrArray   *names)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  char *quoted = sqlite3_mprintf ("INSERT OR REPLACE INTO main.\"%w\" (", table);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
  for (guint i = 0; i < names->len; i++)
    {
      quoted = sqlite3_mprintf ("%s\"%w\"", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < names->len; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
  if (names->len == 0 || sqlite3_prepare_v2 (copy, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  return stmt;
}

static void
bind_field (sqlite3_stmt   *stmt,
            int             index,
            const RecField *field,
            int             encoding)
{
  switch (field->type)
    {
    case SQLITE_INTEGER:
      sqlite3_bind_int64 (stmt, index, field->i);
      break;
    case SQLITE_FLOAT:
      sqlite3_bind_double (stmt, index, field->f);
      break;
    case SQLITE_TEXT:
      sqlite3_bind_text64 (stmt, index, (const char *) field->p, field->n, SQLITE_TRANSIENT,
                           (unsigned char) encoding);
      break;
    case SQLITE_BLOB:
      sqlite3_bind_blob64 (stmt, index, field->p, field->n, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_null (stmt, index);
      break;
    }
}

static void
stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Writes the rows read page by page into the copy: record field i is the
 * file's column i, kept when this build's table has a column of that name. */
static gboolean
table_write_rows (sqlite3   *copy,
                  RecTable  *t,
                  int        encoding,
                  GError   **error)
{
  const RecLayout *file = t->file != NULL ? t->file : t->reference;
  const RecLayout *ref = t->reference;
  g_autoptr(GHashTable) stmts = g_hash_table_new_full (NULL, NULL, NULL, stmt_finalize);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (int));
  const char *key = NULL;

  if (!file->without_rowid)
    key = ref->alias >= 0 ? g_array_index (ref->columns, RecColumn, ref->alias).name : "rowid";

  for (guint r = 0; r < t->rows->len; r++)
    {
      RecRow *row = g_ptr_array_index (t->rows, r);
      guint n = MIN (row->fields->len, file->columns->len);
      sqlite3_stmt *stmt = g_hash_table_lookup (stmts, GUINT_TO_POINTER (n));
      int rc, at = 1;

      /* One statement for each number of fields: rows written before a
       * column was added have fewer, and the missing ones take defaults. */
      g_array_set_size (slots, 0);
      for (guint i = 0; i < n; i++)
        {
          const char *name = g_array_index (file->columns, RecColumn, i).name;
          int slot = (int) i;

          if ((int) i == file->alias || layout_find (ref, name) < 0
              || (key != NULL && g_ascii_strcasecmp (name, key) == 0))
            slot = -1;
          g_array_append_val (slots, slot);
        }
      if (stmt == NULL)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();

          if (key != NULL)
            g_ptr_array_add (names, (gpointer) key);
          for (guint i = 0; i < n; i++)
            if (g_array_index (slots, int, i) >= 0)
              g_ptr_array_add (names, g_array_index (file->columns, RecColumn, i).name);
          stmt = insert_prepare (copy, t->name, names);
          if (stmt == NULL)
            return lp_sqlite_set_error (error, copy, sqlite3_errcode (copy), _("write the rows read"));
          g_hash_table_insert (stmts, GUINT_TO_POINTER (n), stmt);
        }
      if (key != NULL)
        sqlite3_bind_int64 (stmt, at++, row->rowid);
      for (guint i = 0; i < n; i++)
        if (g_array_index (slots, int, i) >= 0)
          bind_field (stmt, at++, &g_array_index (row->fields, RecField, i), encoding);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        return lp_sqlite_set_error (error, copy, rc, _("write the rows read"));
    }
  t->rows_read += t->rows->len;
  return TRUE;
}

/* ---- the gentle way: SQLite reads what it still can ------------------- */

static sqlite3 *
source_open (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *immutable = NULL;
  sqlite3 *db = NULL;

  if (uri == NULL)
    return NULL;
  /* immutable: no lock, no journal, nothing ever written beside the file. */
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  if (sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* Copies @t whole as SQLite reads it, inside a savepoint: FALSE (and
 * nothing written) when SQLite cannot read it to its end. */
static gboolean
table_copy_gently (sqlite3  *source,
                   sqlite3  *copy,
                   RecTable *t)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) select = g_string_new ("SELECT ");
  const RecLayout *ref = t->reference;
  sqlite3_stmt *read = NULL, *write = NULL;
  gint64 n = 0;
  int rc;
  char *quoted;

  if (t->file == NULL)
    return FALSE;
  if (!t->file->without_rowid)
    {
      const char *key = ref->alias >= 0 ? g_array_index (ref->columns, RecColumn, ref->alias).name : "rowid";

      g_ptr_array_add (names, (gpointer) key);
      g_string_append (select, "rowid");
    }
  for (guint i = 0; i < t->file->columns->len; i++)
    {
      const char *name = g_array_index (t->file->columns, RecColumn, i).name;
      int at = layout_find (ref, name);

      if (at < 0 || at == ref->alias || (int) i == t->file->alias)
        continue;
      quoted = sqlite3_mprintf ("%s\"%w\"", names->len > 0 ? ", " : "", name);
      g_string_append (select, quoted);
      sqlite3_free (quoted);
      g_ptr_array_add (names, (gpointer) name);
    }
  quoted = sqlite3_mprintf (" FROM main.\"%w\"", t->name);
  g_string_append (select, quoted);
  sqlite3_free (quoted);

  if (names->len == 0
      || sqlite3_prepare_v2 (source, select->str, -1, &read, NULL) != SQLITE_OK
      || (write = insert_prepare (copy, t->name, names)) == NULL
      || sqlite3_exec (copy, "SAVEPOINT lp_recover_table", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (read);
      sqlite3_finalize (write);
      return FALSE;
    }
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      for (int i = 0; i < (int) names->len; i++)
        sqlite3_bind_value (write, i + 1, sqlite3_column_value (read, i));
      if (sqlite3_step (write) != SQLITE_DONE)
        {
          rc = SQLITE_ERROR;
          break;
        }
      sqlite3_reset (write);
      n++;
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  if (rc != SQLITE_DONE)
    {
      sqlite3_exec (copy, "ROLLBACK TO lp_recover_table; RELEASE lp_recover_table", NULL, NULL, NULL);
      return FALSE;
    }
  sqlite3_exec (copy, "RELEASE lp_recover_table", NULL, NULL, NULL);
  t->rows_read = n;
  t->done = TRUE;
  return TRUE;
}

/* ---- the schema, as read page by page --------------------------------- */

typedef struct {
  char    *type;
  char    *name;
  guint32  root;
  char    *sql;
} SchemaRow;

static void
schema_row_free (gpointer data)
{
  SchemaRow *s = data;

  g_free (s->type);
  g_free (s->name);
  g_free (s->sql);
  g_free (s);
}

static char *
field_text (const RecField *field)
{
  if (field->type != SQLITE_TEXT)
    return NULL;
  return g_strndup ((const char *) field->p, field->n);
}

/* A row of sqlite_schema (type, name, tbl_name, rootpage, sql), or NULL. */
static SchemaRow *
schema_row_from (GArray *fields)
{
  const RecField *f = (const RecField *) fields->data;
  SchemaRow *s;

  if (fields->len != 5 || f[0].type != SQLITE_TEXT || f[1].type != SQLITE_TEXT || f[2].type != SQLITE_TEXT
      || (f[3].type != SQLITE_INTEGER && f[3].type != SQLITE_NULL)
      || (f[4].type != SQLITE_TEXT && f[4].type != SQLITE_NULL))
    return NULL;
  s = g_new0 (SchemaRow, 1);
  s->type = field_text (&f[0]);
  if (g_strcmp0 (s->type, "table") != 0 && g_strcmp0 (s->type, "index") != 0
      && g_strcmp0 (s->type, "view") != 0 && g_strcmp0 (s->type, "trigger") != 0)
    {
      schema_row_free (s);
      return NULL;
    }
  s->name = field_text (&f[1]);
  s->root = f[3].type == SQLITE_INTEGER && f[3].i > 0 && f[3].i <= G_MAXUINT32 ? (guint32) f[3].i : 0;
  s->sql = field_text (&f[4]);
  return s;
}

static void
schema_add_rows (GPtrArray *schema,
                 GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      RecRow *row = g_ptr_array_index (rows, i);
      SchemaRow *s = schema_row_from (row->fields);
      gboolean known = FALSE;

      for (guint j = 0; s != NULL && j < schema->len && !known; j++)
        known = g_strcmp0 (((SchemaRow *) g_ptr_array_index (schema, j))->name, s->name) == 0;
      if (s != NULL && !known)
        g_ptr_array_add (schema, s);
      else if (s != NULL)
        schema_row_free (s);
    }
}

/* sqlite_schema's rows: from its tree under page 1, then from any table leaf
 * page no tree reaches whose every row looks like one (page 1 may be the
 * damaged page). */
static GPtrArray *
schema_read (RecFile *f)
{
  GPtrArray *schema = g_ptr_array_new_with_free_func (schema_row_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (rec_row_free);

  tree_walk (f, 1, FALSE, 0, rows);
  schema_add_rows (schema, rows);
  for (guint32 pgno = 2; pgno <= f->n_pages; pgno++)
    {
      RecPage pg;
      gboolean all = TRUE;

      if (f->owned[pgno] || !page_parse (f, pgno, &pg) || pg.flag != 0x0D || pg.n_cells == 0)
        continue;
      g_ptr_array_set_size (rows, 0);
      page_rows (f, &pg, rows);
      for (guint i = 0; i < rows->len && all; i++)
        {
          SchemaRow *s = schema_row_from (((RecRow *) g_ptr_array_index (rows, i))->fields);

          all = s != NULL;
          if (s != NULL)
            schema_row_free (s);
        }
      if (all && rows->len > 0)
        {
          f->owned[pgno] = 1;
          schema_add_rows (schema, rows);
        }
    }
  return schema;
}

/* ---- putting it together ---------------------------------------------- */

/* Gives each leaf page no tree reaches to the one table whose columns fit
 * every row on it; pages that fit none or several are counted unplaced. */
static guint
place_orphans (RecFile   *f,
               GPtrArray *tables)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (rec_row_free);
  guint unplaced = 0;

  for (guint32 pgno = 1; pgno <= f->n_pages; pgno++)
    {
      RecPage pg;
      RecTable *home = NULL, *exact_home = NULL;
      guint n_homes = 0, n_exact = 0;

      if (f->owned[pgno] || !page_parse (f, pgno, &pg) || pg.flag == 0x05)
        continue;
      g_ptr_array_set_size (rows, 0);
      page_rows (f, &pg, rows);
      if (rows->len == 0)
        continue;
      for (guint i = 0; i < tables->len; i++)
        {
          RecTable *t = g_ptr_array_index (tables, i);
          const RecLayout *layout = t->file != NULL ? t->file : t->reference;
          gboolean fits = layout->without_rowid == (pg.flag != 0x0D);

          for (guint r = 0; r < rows->len && fits; r++)
            fits = layout_fits (layout, ((RecRow *) g_ptr_array_index (rows, r))->fields);
          if (fits)
            {
              gboolean exact = TRUE;

              g_debug ("Page %u of a damaged plan fits table %s", pgno, t->name);
              home = t;
              n_homes++;
              for (guint r = 0; r < rows->len && exact; r++)
                exact = ((RecRow *) g_ptr_array_index (rows, r))->fields->len == layout->columns->len;
              if (exact)
                {
                  exact_home = t;
                  n_exact++;
                }
            }
        }
      /* Rows with fewer fields than a table has columns are rows written
       * before columns were added: possible, but a table whose every
       * column the rows fill is the likelier home. */
      if (n_homes > 1 && n_exact == 1)
        {
          home = exact_home;
          n_homes = 1;
        }
      /* A table SQLite read whole has all its rows: a page that fits it
       * is an old copy, not a lost part. */
      if (n_homes == 1 && !home->done)
        {
          while (rows->len > 0)
            g_ptr_array_add (home->rows, g_ptr_array_steal_index (rows, 0));
        }
      else if (n_homes != 1)
        unplaced += rows->len;
    }
  return unplaced;
}

static void
report_table_free (gpointer data)
{
  LpRepairTable *entry = data;

  g_free (entry->table);
  g_free (entry);
}

static void
report_set_rows (LpRepairReport *report,
                 const char     *table,
                 gint64          rows_read)
{
  LpRepairTable *entry;

  if (report->tables == NULL)
    report->tables = g_ptr_array_new_with_free_func (report_table_free);
  for (guint i = 0; i < report->tables->len; i++)
    {
      entry = g_ptr_array_index (report->tables, i);
      if (g_strcmp0 (entry->table, table) == 0)
        {
          entry->rows_read = rows_read;
          return;
        }
    }
  entry = g_new0 (LpRepairTable, 1);
  entry->table = g_strdup (table);
  entry->rows_read = rows_read;
  g_ptr_array_add (report->tables, entry);
}

gboolean
lp_recover_looks_like_plan (const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GPtrArray) schema = NULL;
  RecFile f = { 0 };
  gboolean plan_info = FALSE, practice = FALSE;

  if (mapped == NULL || g_mapped_file_get_contents (mapped) == NULL)
    return FALSE;
  f.data = (const guint8 *) g_mapped_file_get_contents (mapped);
  f.size = g_mapped_file_get_length (mapped);
  if (f.size < 512 || !file_geometry (&f))
    return FALSE;
  file_alloc (&f);
  schema = schema_read (&f);
  file_clear (&f);
  for (guint i = 0; i < schema->len; i++)
    {
      SchemaRow *s = g_ptr_array_index (schema, i);

      plan_info |= g_strcmp0 (s->type, "table") == 0 && g_strcmp0 (s->name, "plan_info") == 0;
      practice |= g_strcmp0 (s->type, "table") == 0 && g_strcmp0 (s->name, "practice") == 0;
    }
  return plan_info && practice;
}

gboolean
lp_recover_rows (const char      *path,
                 sqlite3         *copy,
                 LpRepairReport  *report,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) schema = NULL;
  g_autoptr(GError) local_error = NULL;
  RecFile f = { 0 };
  sqlite3 *source = NULL;
  gboolean have_pages, pending = FALSE;
  gint64 total = 0;
  int fk_before = 1, checks_before = 0;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (copy != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  name = g_filename_display_basename (path);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_NOT_FOUND,
                   _("No rows could be read out of “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  tables = tables_load (copy, error);
  if (tables == NULL)
    return FALSE;

  f.data = (const guint8 *) g_mapped_file_get_contents (mapped);
  f.size = g_mapped_file_get_length (mapped);
  if (f.data == NULL)
    f.size = 0;

  if (sqlite3_prepare_v2 (copy, "PRAGMA foreign_keys", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    fk_before = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (sqlite3_prepare_v2 (copy, "PRAGMA ignore_check_constraints", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    checks_before = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  /* Rows go in as they were found; the repair judges them after. */
  if (!lp_sqlite_exec (copy, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; "
                             "SAVEPOINT lp_recover", error))
    return FALSE;

  /* 1. The gentle way, table by table. */
  source = f.size > 0 ? source_open (path) : NULL;
  if (source != NULL
      && sqlite3_prepare_v2 (source, "SELECT name, sql FROM main.sqlite_schema WHERE type = 'table'",
                             -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          RecTable *t = table_find (tables, (const char *) sqlite3_column_text (stmt, 0));

          if (t != NULL && t->file == NULL)
            t->file = layout_load (source, t->name);
        }
      sqlite3_finalize (stmt);
      for (guint i = 0; i < tables->len; i++)
        table_copy_gently (source, copy, g_ptr_array_index (tables, i));
    }
  sqlite3_close (source);
  for (guint i = 0; i < tables->len; i++)
    pending |= !((RecTable *) g_ptr_array_index (tables, i))->done;

  /* 2. Page by page, for the tables SQLite could not read whole. */
  have_pages = f.size >= 512 && file_geometry (&f);
  if (pending && have_pages)
    {
      file_alloc (&f);
      file_mark_freelist (&f);
      schema = schema_read (&f);
      for (guint i = 0; i < schema->len; i++)
        {
          SchemaRow *s = g_ptr_array_index (schema, i);
          RecTable *t = g_strcmp0 (s->type, "table") == 0 ? table_find (tables, s->name) : NULL;

          if (t != NULL && t->file == NULL)
            t->file = layout_from_sql (t->name, s->sql);
          if (t != NULL && t->root == 0)
            t->root = s->root;
        }
      /* Every tree, so that what is left over is an orphan. */
      for (guint i = 0; i < schema->len; i++)
        {
          SchemaRow *s = g_ptr_array_index (schema, i);
          RecTable *t = g_strcmp0 (s->type, "table") == 0 ? table_find (tables, s->name) : NULL;
          gboolean index_tree = g_strcmp0 (s->type, "index") == 0
                                || (t != NULL && (t->file != NULL ? t->file : t->reference)->without_rowid);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          if (s->root == 0)
            continue;
          if (t == NULL && g_strcmp0 (s->type, "table") == 0)
            {
              /* Not a table of this build: which kind of tree it is decides
               * only which pages it claims. */
              tree_walk (&f, s->root, TRUE, 0, NULL);
              tree_walk (&f, s->root, FALSE, 0, NULL);
            }
          else
            tree_walk (&f, s->root, index_tree, 0, t != NULL && !t->done && t->root == s->root ? t->rows : NULL);
        }
      place_orphans (&f, tables);
      for (guint i = 0; i < tables->len; i++)
        {
          RecTable *t = g_ptr_array_index (tables, i);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          if (!t->done && !table_write_rows (copy, t, f.encoding, error))
            goto failed;
        }
    }

  for (guint i = 0; i < tables->len; i++)
    total += ((RecTable *) g_ptr_array_index (tables, i))->rows_read;
  if (total == 0)
    {
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, f.size);

      if (!have_pages || f.size < 512)
        g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                     /* Translators: the second %s is a number of bytes */
                     _("No rows could be read out of “%s”: it is %s bytes long, shorter than one page of a plan"),
                     name, size);
      else
        g_set_error (error, LP_PLAN_ERROR, LP_PLAN_ERROR_CORRUPT,
                     _("No rows could be read out of “%s”: its pages hold no rows of a plan"), name);
      goto failed;
    }
  if (!lp_sqlite_exec (copy, "RELEASE lp_recover", error))
    goto failed;
  for (guint i = 0; i < tables->len; i++)
    {
      RecTable *t = g_ptr_array_index (tables, i);

      report_set_rows (report, t->name, t->rows_read);
    }
  report->recovered = TRUE;
  file_clear (&f);
  sqlite3_exec (copy, fk_before ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  sqlite3_exec (copy, checks_before ? "PRAGMA ignore_check_constraints = ON" : "PRAGMA ignore_check_constraints = OFF",
                NULL, NULL, NULL);
  return TRUE;

failed:
  sqlite3_exec (copy, "ROLLBACK TO lp_recover; RELEASE lp_recover", NULL, NULL, NULL);
  file_clear (&f);
  sqlite3_exec (copy, fk_before ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  sqlite3_exec (copy, checks_before ? "PRAGMA ignore_check_constraints = ON" : "PRAGMA ignore_check_constraints = OFF",
                NULL, NULL, NULL);
  return FALSE;
}
