/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A bar chart's figures and words, made without a display (so a test can
 * check them), drawn with cairo the same way on screen, in a PNG and in a
 * PDF.  Categories (localities) are rows; each row has a bar per series
 * (horizon) in each panel (activity, reduced bed days). */

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define LP_CHART_MAX_SERIES 4
#define LP_CHART_MAX_PANELS 2

typedef enum {
  LP_CHART_BARS,    /* categories are rows; a bar per series in each panel */
  LP_CHART_LINES,   /* categories are months along x; a line per series, one panel */
} LpChartKind;

typedef struct {
  LpChartKind kind;
  char       *title;                          /* "Reductions per month by locality" */
  char       *subtitle;                       /* the plan and scenario */
  guint       n_series;
  char       *series[LP_CHART_MAX_SERIES];    /* "3 years" */
  guint       n_panels;
  char       *panels[LP_CHART_MAX_PANELS];    /* "Activity" */
  GPtrArray  *categories;                     /* char *: "Lower Lea Valley" */
  GArray     *values;                         /* double: [category][panel][series] */
  GPtrArray  *labels;                         /* char *: the values as shown, same order */
  /* Lines only: */
  GArray     *marked;        /* gboolean a category: a month to mark (behind trajectory) */
  GPtrArray  *sections;      /* char * a category: a financial year starting there, or NULL */
  char       *marked_label;  /* the legend's words for the marks */
  double      maximum;       /* the top of the y axis, e.g. 100 */
  guint       label_every;   /* a category's name under the axis every so many (0: 3) */
  gboolean    label_last_word;   /* "Q1" of "2018/19 Q1", not "Jul" of "Jul 2018" */
  gboolean    target_steps;  /* the first series holds across each category and steps
                              * up or down where the next starts, as a target does */
  char       *unit;          /* after each y axis figure, e.g. "%" */
} LpChart;

typedef struct {
  double red, green, blue;
} LpChartColour;

/* The series' colours, for the lines too: GNOME's blue, orange, green, purple. */
extern const LpChartColour lp_chart_series_colours[LP_CHART_MAX_SERIES];

typedef struct {
  LpChartColour  text;
  gboolean       with_title;    /* the title and subtitle on top: for a file, not the view */
  double         plot_height;   /* lines: the plot's height; 0: the usual.  A slide, scaled up
                                 * to large type, wants a flatter plot */
  gboolean       high_contrast; /* words at full strength, marks stronger: a projector
                                 * washes faint ones out */
} LpChartStyle;

/* How strong a mark's shading is (behind the trajectory, short of a target). */
#define LP_CHART_MARK_ALPHA(style) ((style)->high_contrast ? 0.4 : 0.18)
/* A word's strength: @alpha, or full in high contrast. */
#define LP_CHART_TEXT_ALPHA(style, alpha) ((style)->high_contrast ? 1.0 : (alpha))

LpChart  *lp_chart_new             (guint          n_series,
                                    guint          n_panels);
void      lp_chart_free            (LpChart       *chart);
LpChart  *lp_chart_copy            (const LpChart *chart);
/* @values and @labels hold n_panels x n_series entries, panel by panel. */
void      lp_chart_add_category    (LpChart       *chart,
                                    const char    *name,
                                    const double  *values,
                                    const char   *const *labels);
/* Lines: marks the category last added, or starts a section there. */
void      lp_chart_mark_last       (LpChart       *chart,
                                    gboolean       marked);
void      lp_chart_section_last    (LpChart       *chart,
                                    const char    *section);
double    lp_chart_get_value       (const LpChart *chart,
                                    guint          category,
                                    guint          panel,
                                    guint          series);
const char *lp_chart_get_label     (const LpChart *chart,
                                    guint          category,
                                    guint          panel,
                                    guint          series);

/* lp-chart-lines.c: the lines kind, called by lp_chart_draw(). */
double    lp_chart_lines_height    (const LpChart      *chart,
                                    const LpChartStyle *style);
void      lp_chart_draw_lines      (const LpChart      *chart,
                                    const LpChartStyle *style,
                                    cairo_t            *cr,
                                    double              top,
                                    double              width);

/* lp-chart-draw.c */
double    lp_chart_natural_height  (const LpChart      *chart,
                                    const LpChartStyle *style);
void      lp_chart_draw            (const LpChart      *chart,
                                    const LpChartStyle *style,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height);
/* Writes a PNG or a PDF (by the name's suffix) of @width points across,
 * black on white, replacing any file there only when complete. */
gboolean  lp_chart_write           (const LpChart      *chart,
                                    const char         *path,
                                    double              width,
                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpChart, lp_chart_free)

G_END_DECLS
