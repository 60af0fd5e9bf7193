/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Practice Page on paper: one A4 page with the practice's name and
 * list size on top, then its share of each modelled change per month and
 * per week.  The same drawing prints (GtkPrintOperation) and saves as PDF. */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lp-cairo-file.h"
#include "lp-practice-text.h"

#define MARGIN     42.0
#define NAME_WIDTH 140.0
#define LINE       16.0

typedef struct {
  cairo_t     *cr;
  PangoLayout *layout;
  double       x, width;   /* the text block */
} Page;

typedef enum {
  ALIGN_LEFT,
  ALIGN_RIGHT,    /* to the box's right edge, less a little room */
  ALIGN_CENTER,
} Align;

#define CELL_ROOM 5.0

/* Text in the box from @x, @width wide (0: as wide as the page from @x),
 * wrapped to the box; returns its height. */
static double
page_text (Page       *page,
           const char *font,
           const char *text,
           double      x,
           double      y,
           double      width,
           Align       align)
{
  PangoFontDescription *description = pango_font_description_from_string (font);
  double box = width > 0 ? width : page->x + page->width - x;
  int w, h;

  pango_layout_set_font_description (page->layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (page->layout, (int) ((box - (align == ALIGN_LEFT ? 0 : CELL_ROOM)) * PANGO_SCALE));
  pango_layout_set_wrap (page->layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (page->layout, align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                            : align == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (page->layout, text, -1);
  pango_layout_get_pixel_size (page->layout, &w, &h);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, page->layout);
  return h;
}

static void
page_rule (Page   *page,
           double  y,
           double  weight)
{
  cairo_set_source_rgb (page->cr, 0.6, 0.6, 0.6);
  cairo_rectangle (page->cr, page->x, y, page->width, weight);
  cairo_fill (page->cr);
  cairo_set_source_rgb (page->cr, 0.1, 0.1, 0.1);
}

static double
page_column_width (const LpPracticeText *text,
                   const Page           *page)
{
  return (page->width - NAME_WIDTH) / (LP_PRACTICE_TEXT_PER_HORIZON * MAX (text->n_horizons, 1));
}

/* Three heading rows: each horizon over its four columns, the measure
 * over its two, and "a month", "a week". */
static double
page_headings (const LpPracticeText *text,
               Page                 *page,
               double                y)
{
  double column = page_column_width (text, page);

  for (guint h = 0; h < text->n_horizons; h++)
    {
      double x = page->x + NAME_WIDTH + h * LP_PRACTICE_TEXT_PER_HORIZON * column;

      page_text (page, "Sans Bold 10.5", text->horizons[h], x, y, LP_PRACTICE_TEXT_PER_HORIZON * column,
                 ALIGN_CENTER);
      for (guint c = 0; c < LP_PRACTICE_TEXT_PER_HORIZON; c += 2)
        page_text (page, "Sans 9", lp_practice_text_measure (c), x + c * column, y + LINE,
                   2 * column, ALIGN_CENTER);
      for (guint c = 0; c < LP_PRACTICE_TEXT_PER_HORIZON; c++)
        page_text (page, "Sans 9", lp_practice_text_period (c), x + c * column, y + 2 * LINE,
                   column, ALIGN_RIGHT);
    }
  page_text (page, "Sans 9", _("Pathway"), page->x, y + 2 * LINE, NAME_WIDTH, ALIGN_LEFT);
  page_rule (page, y + 3 * LINE + 2, 0.8);
  return y + 3 * LINE + 7;
}

static double
page_rows (const LpPracticeText *text,
           Page                 *page,
           double                y)
{
  double column = page_column_width (text, page);

  for (guint i = 0; i < text->rows->len; i++)
    {
      const LpPracticeTextRow *row = g_ptr_array_index (text->rows, i);
      const char *font = row->total ? "Sans Bold 10" : "Sans 10";
      double height;

      if (row->total)
        y += 3;
      height = page_text (page, font, row->name, page->x, y, NAME_WIDTH - CELL_ROOM, ALIGN_LEFT);
      for (guint c = 0; c < LP_PRACTICE_TEXT_PER_HORIZON * text->n_horizons; c++)
        page_text (page, font, row->cells[c], page->x + NAME_WIDTH + c * column, y, column, ALIGN_RIGHT);
      y += MAX (height, LINE - 3) + 3;
      if (row->total)
        {
          page_rule (page, y, 0.5);
          y += 4;
        }
    }
  return y;
}

void
lp_practice_page_draw (const LpPracticeText *text,
                       cairo_t              *cr,
                       double                width,
                       double                height)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  Page page = { cr, layout, MARGIN, width - 2 * MARGIN };
  double y = MARGIN;

  /* A font size is in points, and the page is laid out in points. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  y += page_text (&page, "Sans Bold 22", text->title, page.x, y, 0, ALIGN_LEFT) + 4;
  y += page_text (&page, "Sans 11", text->details, page.x, y, 0, ALIGN_LEFT) + 2;
  if (text->population != NULL)
    y += page_text (&page, "Sans 10", text->population, page.x, y, 0, ALIGN_LEFT) + 2;
  y += page_text (&page, "Sans 11", text->scenario, page.x, y, 0, ALIGN_LEFT) + 18;
  y += page_text (&page, "Sans Bold 13", _("This practice’s share of the locality’s modelled reductions"),
                  page.x, y, 0, ALIGN_LEFT) + 8;
  if (text->empty)
    {
      page_text (&page, "Sans 11", _("The plan has no pathway changes yet."), page.x, y, 0, ALIGN_LEFT);
      return;
    }
  y = page_rows (text, &page, page_headings (text, &page, y));
  y += 10;
  if (text->access != NULL)
    y += page_text (&page, "Sans 10", text->access, page.x, y + 6, 0, ALIGN_LEFT) + 16;
  if (text->workforce != NULL)
    y += page_text (&page, "Sans 10", text->workforce, page.x, y + 2, 0, ALIGN_LEFT) + 12;
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  page_text (&page, "Sans 9", text->convention, page.x, y, 0, ALIGN_LEFT);
  (void) height;
}

static void
lp_practice_page_paint (cairo_t  *cr,
                        double    width,
                        double    height,
                        gpointer  text)
{
  lp_practice_page_draw (text, cr, width, height);
}

gboolean
lp_practice_page_write_pdf (const LpPracticeText  *text,
                            const char            *path,
                            GError               **error)
{
  return lp_cairo_write_pdf (path, LP_PRACTICE_PAGE_WIDTH, LP_PRACTICE_PAGE_HEIGHT,
                             lp_practice_page_paint, (gpointer) text, error);
}
