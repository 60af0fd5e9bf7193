/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A view's workshop handout (see lp-handout.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lp-handout.h"

#define MARGIN      36.0
#define ROW         15.0

struct _LpHandout
{
  char       *title;
  char       *summary;
  char       *basis;
  LpChart    *chart;
  GStrv       titles;
  GArray     *widths;    /* double a column */
  double      table_width;
  GPtrArray  *rows;      /* GStrv a row */
  GArray     *flagged;   /* gboolean a row */
};

LpHandout *
lp_handout_new (const char        *title,
                const char        *summary,
                const char        *basis,
                const LpChart     *chart,
                const char *const *titles,
                const double      *widths)
{
  LpHandout *handout = g_new0 (LpHandout, 1);

  handout->title = g_strdup (title);
  handout->summary = g_strdup (summary);
  handout->basis = g_strdup (basis);
  handout->chart = lp_chart_copy (chart);
  handout->titles = g_strdupv ((char **) titles);
  handout->widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (handout->widths, widths, g_strv_length (handout->titles));
  for (guint c = 0; c < handout->widths->len; c++)
    handout->table_width += g_array_index (handout->widths, double, c);
  handout->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  handout->flagged = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return handout;
}

void
lp_handout_add_row (LpHandout         *handout,
                    const char *const *cells,
                    gboolean           flagged)
{
  g_ptr_array_add (handout->rows, g_strdupv ((char **) cells));
  g_array_append_val (handout->flagged, flagged);
}

void
lp_handout_free (LpHandout *handout)
{
  if (handout == NULL)
    return;
  g_free (handout->title);
  g_free (handout->summary);
  g_free (handout->basis);
  lp_chart_free (handout->chart);
  g_strfreev (handout->titles);
  g_array_unref (handout->widths);
  g_ptr_array_unref (handout->rows);
  g_array_unref (handout->flagged);
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
handout_table (const LpHandout *handout,
               cairo_t         *cr,
               PangoLayout     *layout,
               double           x,
               double           y)
{
  const double *widths = (const double *) (gpointer) handout->widths->data;
  double left = 0;

  for (guint c = 0; handout->titles[c] != NULL; left += widths[c], c++)
    handout_text (cr, layout, "Sans 8", handout->titles[c], x + left, y, widths[c] - 4, c > 0);
  y += ROW + 2;
  cairo_rectangle (cr, x, y - 3, handout->table_width, 0.7);
  cairo_fill (cr);
  for (guint r = 0; r < handout->rows->len; r++, y += ROW)
    {
      char **cells = g_ptr_array_index (handout->rows, r);
      gboolean flagged = g_array_index (handout->flagged, gboolean, r);

      left = 0;
      for (guint c = 0; cells[c] != NULL && c < handout->widths->len; left += widths[c], c++)
        handout_text (cr, layout, flagged ? "Sans Bold 8.5" : "Sans 8.5", cells[c], x + left, y,
                      widths[c] - 4, c > 0);
    }
}

void
lp_handout_draw (const LpHandout *handout,
                 cairo_t         *cr,
                 double           width,
                 double           height)
{
  static const LpChartStyle style = { { 0.1, 0.1, 0.1 }, FALSE };
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  double text_width = width - 2 * MARGIN;
  double chart_width = text_width - handout->table_width - 18;
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
lp_handout_draw_page (GtkPrintOperation *operation,
                      GtkPrintContext   *context,
                      int                page,
                      LpHandout         *handout)
{
  lp_handout_draw (handout, gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

GtkPrintOperation *
lp_handout_operation (LpHandout *handout)
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
  g_object_set_data_full (G_OBJECT (operation), "lp-handout", handout, (GDestroyNotify) lp_handout_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (lp_handout_draw_page), handout);
  return operation;
}
