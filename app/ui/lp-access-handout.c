/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Extended Access handout (see lp-access-handout.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lp-access-handout.h"

#define MARGIN      36.0
#define TABLE_WIDTH 300.0
#define ROW         15.0

struct _LpAccessHandout
{
  char       *title;
  char       *summary;
  char       *basis;
  LpChart    *chart;
  GPtrArray  *rows;      /* GStrv: month, target, planned, actual, behind by */
  GArray     *behind;    /* gboolean a row */
};

LpAccessHandout *
lp_access_handout_new (const LpAccessText *text)
{
  LpAccessHandout *handout = g_new0 (LpAccessHandout, 1);

  handout->title = g_strdup (text->chart->title);
  handout->summary = g_strdup (text->summary);
  handout->basis = g_strdup (text->basis);
  handout->chart = lp_chart_copy (text->chart);
  handout->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  handout->behind = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint i = 0; i < text->months->len; i++)
    {
      const LpAccessTextMonth *month = g_ptr_array_index (text->months, i);
      const char *cells[] = { month->month, month->target, month->planned, month->actual, month->gap, NULL };

      g_ptr_array_add (handout->rows, g_strdupv ((char **) cells));
      g_array_append_val (handout->behind, month->behind);
    }
  return handout;
}

void
lp_access_handout_free (LpAccessHandout *handout)
{
  if (handout == NULL)
    return;
  g_free (handout->title);
  g_free (handout->summary);
  g_free (handout->basis);
  lp_chart_free (handout->chart);
  g_ptr_array_unref (handout->rows);
  g_array_unref (handout->behind);
  g_free (handout);
}

/* Text at (x, y) in @font, within @width (right-aligned if @right). */
static double
handout_text (cairo_t     *cr,
              PangoLayout *layout,
              const char  *font,
              const char  *text,
              double       x,
              double       y,
              double       width,
              gboolean     right)
{
  PangoFontDescription *description = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
handout_table (const LpAccessHandout *handout,
               cairo_t               *cr,
               PangoLayout           *layout,
               double                 x,
               double                 y)
{
  const char *titles[] = { _("Month"), _("Target"), _("Planned"), _("Actual"), _("Behind by"), };
  const double widths[] = { 70, 55, 55, 55, 65 };

  for (guint c = 0, left = 0; c < G_N_ELEMENTS (titles); left += widths[c], c++)
    handout_text (cr, layout, "Sans 8", titles[c], x + left, y, widths[c] - 4, c > 0);
  y += ROW + 2;
  cairo_rectangle (cr, x, y - 3, TABLE_WIDTH, 0.7);
  cairo_fill (cr);
  for (guint r = 0; r < handout->rows->len; r++, y += ROW)
    {
      char **cells = g_ptr_array_index (handout->rows, r);
      gboolean behind = g_array_index (handout->behind, gboolean, r);

      for (guint c = 0, left = 0; cells[c] != NULL; left += widths[c], c++)
        handout_text (cr, layout, behind ? "Sans Bold 8.5" : "Sans 8.5", cells[c], x + left, y,
                      widths[c] - 4, c > 0);
    }
}

void
lp_access_handout_draw (const LpAccessHandout *handout,
                        cairo_t               *cr,
                        double                 width,
                        double                 height)
{
  static const LpChartStyle style = { { 0.1, 0.1, 0.1 }, FALSE };
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  double text_width = width - 2 * MARGIN;
  double chart_width = text_width - TABLE_WIDTH - 18;
  double y = MARGIN;

  /* A font size is in points, and the page is laid out in points. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  y += handout_text (cr, layout, "Sans Bold 18", handout->title, MARGIN, y, text_width, FALSE) + 4;
  y += handout_text (cr, layout, "Sans 10", handout->summary, MARGIN, y, text_width, FALSE) + 2;
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  y += handout_text (cr, layout, "Sans 8", handout->basis, MARGIN, y, text_width, FALSE) + 14;
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  handout_table (handout, cr, layout, MARGIN + chart_width + 18, y);
  /* The chart's fonts are sized for a screen's 96 dots an inch; at 3/4
   * they are the points the rest of the page uses. */
  cairo_save (cr);
  cairo_translate (cr, MARGIN - 12, y - 12);
  cairo_scale (cr, 0.75, 0.75);
  lp_chart_draw (handout->chart, &style, cr, (chart_width + 12) / 0.75, (height - y) / 0.75);
  cairo_restore (cr);
}

static void
lp_access_handout_draw_page (GtkPrintOperation *operation,
                             GtkPrintContext   *context,
                             int                page,
                             LpAccessHandout   *handout)
{
  lp_access_handout_draw (handout, gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

GtkPrintOperation *
lp_access_handout_operation (LpAccessHandout *handout)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, handout->title);
  g_object_set_data_full (G_OBJECT (operation), "lp-handout", handout, (GDestroyNotify) lp_access_handout_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (lp_access_handout_draw_page), handout);
  return operation;
}
