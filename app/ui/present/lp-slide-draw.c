/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placing a slide's words and chart: nothing is worked out here but where
 * they go and how large.  Sizes are for a 1024-pixel-wide screen at least
 * 576 high and scale with the page, so the 4:3 projector and the 16:9 PDF
 * show the same slide; the chart is the views' own, drawn larger. */
#include "config.h"

#include <pango/pangocairo.h>

#include "lp-slide-draw.h"

/* Near-black on white: the most contrast a washed-out projector keeps. */
#define INK 0.0, 0.0, 0.0
#define QUIET 0.2, 0.2, 0.2

typedef struct {
  cairo_t *cr;
  double   scale;     /* the page's size against 1024 x 576 */
  double   left;
  double   width;     /* between the margins */
} Page;

static PangoLayout *
page_layout (Page       *page,
             const char *text,
             double      pixels,
             gboolean    bold,
             double      width)    /* > 0: wraps at it */
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, pixels * page->scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text at (x, y), unless only @measuring, and returns its height. */
static double
page_text_full (Page       *page,
                const char *text,
                double      pixels,
                gboolean    bold,
                double      x,
                double      y,
                double      width,
                gboolean    measuring)
{
  g_autoptr(PangoLayout) layout = page_layout (page, text, pixels, bold, width);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  if (measuring)
    return height;
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
  return height;
}

static double
page_text (Page       *page,
           const char *text,
           double      pixels,
           gboolean    bold,
           double      x,
           double      y,
           double      width)
{
  return page_text_full (page, text, pixels, bold, x, y, width, FALSE);
}

/* The largest size up to @pixels at which @text fits in @width on one line. */
static double
page_fit (Page       *page,
          const char *text,
          double      pixels,
          gboolean    bold,
          double      width)
{
  g_autoptr(PangoLayout) layout = page_layout (page, text, pixels, bold, -1);
  int text_width;

  pango_layout_get_pixel_size (layout, &text_width, NULL);
  return text_width <= width ? pixels : pixels * width / text_width;
}

/* The figures in a grid, each value as large as its column allows;
 * returns their height, drawing nothing if only @measuring. */
static double
page_figures (Page          *page,
              const LpSlide *slide,
              guint          columns,
              double         y,
              gboolean       measuring)
{
  double gap = 32 * page->scale;

  columns = MAX (1, columns);
  double column = (page->width - (columns - 1) * gap) / columns;
  double big = slide->kind == LP_SLIDE_OVERVIEW ? 72 : 40;
  double top = y;

  /* One size for all, the size the longest allows: figures side by side
   * in different sizes would look as if they meant different things. */
  for (guint i = 0; i < slide->figures->len; i++)
    big = page_fit (page, ((LpSlideFigure *) g_ptr_array_index (slide->figures, i))->value, big, TRUE, column);
  for (guint i = 0; i < slide->figures->len; i += columns)
    {
      double row = 0;

      for (guint c = 0; c < columns && i + c < slide->figures->len; c++)
        {
          const LpSlideFigure *figure = g_ptr_array_index (slide->figures, i + c);
          double x = page->left + c * (column + gap);
          double height;

          cairo_set_source_rgb (page->cr, INK);
          height = page_text_full (page, figure->value, big, TRUE, x, y, -1, measuring);
          cairo_set_source_rgb (page->cr, QUIET);
          height += page_text_full (page, figure->caption, 24, FALSE, x, y + height, column, measuring);
          row = MAX (row, height);
        }
      y += row + (slide->kind == LP_SLIDE_OVERVIEW ? 36 : 16) * page->scale;
    }
  return y - top;
}

/* The chart in what room is left, scaled up so that its words and lines
 * read from afar; never wider than the page. */
static void
page_chart (Page          *page,
            const LpChart *chart,
            double         left,
            double         width,
            double         top,
            double         bottom)
{
  /* A flatter plot than the view's lets its words grow larger. */
  LpChartStyle style = { { INK }, FALSE, 120, TRUE };
  double natural = lp_chart_natural_height (chart, &style);
  double room = bottom - top;
  double zoom;

  if (room <= 0 || natural <= 0)
    return;
  zoom = MIN (room / natural, 2.2 * page->scale);
  /* Bars are a row a series: few localities would make them huge. */
  zoom = MAX (zoom, 0.5 * page->scale);
  /* A short chart (one locality's bars) in the middle of its room. */
  top += MAX (0, (room - natural * zoom) / 2);
  room = bottom - top;
  cairo_save (page->cr);
  /* Whatever does not fit stays off the footer. */
  cairo_rectangle (page->cr, left, top, width, room);
  cairo_clip (page->cr);
  cairo_translate (page->cr, left, top);
  cairo_scale (page->cr, zoom, zoom);
  lp_chart_draw (chart, &style, page->cr, width / zoom, room / zoom);
  cairo_restore (page->cr);
}

/**
 * lp_slide_draw:
 * @width: @height: the page's size, in the cairo context's units
 *
 * Draws slide @index of @deck, white behind it.
 */
void
lp_slide_draw (const LpSlideDeck *deck,
               guint              index,
               cairo_t           *cr,
               double             width,
               double             height)
{
  const LpSlide *slide;
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;
  Page page;
  double margin, y, footer_top;
  int footer_height;

  g_return_if_fail (deck != NULL && index < deck->slides->len);

  slide = g_ptr_array_index (deck->slides, index);
  page.cr = cr;
  page.scale = MIN (width / 1024.0, height / 576.0);
  margin = 44 * page.scale;
  page.left = margin;
  page.width = width - 2 * margin;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* The title, with a thick rule under it to anchor the eye. */
  y = margin * 0.8;
  cairo_set_source_rgb (cr, INK);
  y += page_text (&page, slide->title, page_fit (&page, slide->title, 52, TRUE, page.width), TRUE,
                  page.left, y, -1);
  cairo_rectangle (cr, page.left, y + 6 * page.scale, page.width, 6 * page.scale);
  cairo_fill (cr);
  y += 24 * page.scale;
  if (slide->headline != NULL)
    y += page_text (&page, slide->headline, 28, FALSE, page.left, y, page.width) + 20 * page.scale;

  /* The footer: whose plan, which scenario, how far through. */
  footer = lp_slide_deck_footer (deck, index);
  footer_layout = page_layout (&page, footer, 20, FALSE, page.width);
  pango_layout_set_ellipsize (footer_layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_get_pixel_size (footer_layout, NULL, &footer_height);
  footer_top = height - margin * 0.6 - footer_height;
  cairo_set_source_rgb (cr, QUIET);
  cairo_move_to (cr, page.left, footer_top);
  pango_cairo_show_layout (cr, footer_layout);

  /* A 16:9 page has little height for a chart over the figures: there
   * the figures and the note stand in a column left of it. */
  if (slide->chart != NULL && slide->chart->kind == LP_CHART_LINES && width / height > 1.5)
    {
      double column = page.width * 0.3;
      double top = y;
      Page left = page;

      left.width = column;
      y += page_figures (&left, slide, 1, y, FALSE);
      if (slide->note != NULL)
        {
          cairo_set_source_rgb (cr, INK);
          page_text (&left, slide->note, 26, TRUE, left.left, y, left.width);
        }
      page_chart (&page, slide->chart, page.left + column + 24 * page.scale,
                  page.width - column - 24 * page.scale, top, footer_top - 12 * page.scale);
      cairo_restore (cr);
      return;
    }

  /* Figures alone stand in the middle of the room left, not at its top. */
  if (slide->chart == NULL && slide->note == NULL)
    y += MAX (0, (footer_top - y - page_figures (&page, slide, slide->figure_columns, y, TRUE)) / 2
                 - 24 * page.scale);
  y += page_figures (&page, slide, slide->figure_columns, y, FALSE);
  if (slide->note != NULL)
    {
      cairo_set_source_rgb (cr, INK);
      y += page_text (&page, slide->note, 26, TRUE, page.left, y, page.width) + 12 * page.scale;
    }
  if (slide->chart != NULL)
    page_chart (&page, slide->chart, page.left, page.width, y, footer_top - 12 * page.scale);
  cairo_restore (cr);
}
