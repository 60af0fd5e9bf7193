/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long a wait may take: only a failure waits this long, so it is
 * generous; a busy machine may need much of it. */
#define LP_TEST_WAIT_TIMEOUT_S 60

typedef gboolean (*LpTestCondition) (gpointer data);

gint64     lp_test_wait_deadline   (void);
gboolean   lp_test_wait_step       (gint64           deadline,
                                    const char      *what);
void       lp_test_wait_until_at   (const char      *file,
                                    int              line,
                                    const char      *func,
                                    LpTestCondition  done,
                                    gpointer         data,
                                    const char      *what);
void       lp_test_wait_idle       (void);
void       lp_test_wait_frame      (void);
void       lp_test_wait_allocated  (GtkWidget       *widget);
void       lp_test_wait_closed     (gpointer         window);

/* Whether @widget is one a test looks for; @data is what the test gave. */
typedef gboolean (*LpTestMatch) (GtkWidget *widget, gconstpointer data);

GtkWidget *lp_test_find_widget     (GtkWidget       *root,
                                    LpTestMatch      match,
                                    gconstpointer    data);
GtkWidget *lp_test_find_type       (GtkWidget       *root,
                                    GType            type);
guint      lp_test_count_widgets   (GtkWidget       *root,
                                    LpTestMatch      match,
                                    gconstpointer    data);
gboolean   lp_test_is_label        (GtkWidget       *widget,
                                    gconstpointer    text);
gboolean   lp_test_shows_label     (GtkWidget       *root,
                                    const char      *text);
GtkWidget *lp_test_wait_label      (GtkWidget       *root,
                                    const char      *text);
void       lp_test_wait_no_label   (GtkWidget       *root,
                                    const char      *text);
void       lp_test_scroll_to       (GtkWidget       *root,
                                    double           fraction);
GtkWindow *lp_test_find_toplevel   (GType            type);
GtkWindow *lp_test_wait_toplevel   (GType            type);

void       lp_test_write_png       (GtkWidget       *widget,
                                    const char      *path);

/**
 * lp_test_wait_until:
 * @done: the condition
 * @data: what @done is given
 * @what: what is waited for, in words, for the failure message
 *
 * Runs the main loop until @done holds; fails the test, naming @what, if
 * it does not within %LP_TEST_WAIT_TIMEOUT_S seconds.
 */
#define lp_test_wait_until(done, data, what) \
  lp_test_wait_until_at (__FILE__, __LINE__, G_STRFUNC, (done), (data), (what))

/**
 * lp_test_await:
 * @expr: a condition, evaluated again after each turn of the main loop
 *
 * Runs the main loop until @expr holds or the wait times out (which it
 * only reports): the caller then asserts what it needs, and its assertion
 * says what was seen instead.  The lp_test_wait_*() macros below are
 * this and the g_assert_*() of the same condition.
 */
#define lp_test_await(expr) \
  G_STMT_START { \
    gint64 lp_test_deadline_ = lp_test_wait_deadline (); \
    while (!(expr) && lp_test_wait_step (lp_test_deadline_, #expr)) \
      ; \
  } G_STMT_END

#define lp_test_wait_true(expr) \
  G_STMT_START { lp_test_await (expr); g_assert_true (expr); } G_STMT_END
#define lp_test_wait_false(expr) \
  G_STMT_START { lp_test_await (!(expr)); g_assert_false (expr); } G_STMT_END
#define lp_test_wait_null(expr) \
  G_STMT_START { lp_test_await ((expr) == NULL); g_assert_null (expr); } G_STMT_END
#define lp_test_wait_nonnull(expr) \
  G_STMT_START { lp_test_await ((expr) != NULL); g_assert_nonnull (expr); } G_STMT_END
#define lp_test_wait_cmpstr(s1, cmp, s2) \
  G_STMT_START { \
    lp_test_await (g_strcmp0 ((s1), (s2)) cmp 0); \
    g_assert_cmpstr ((s1), cmp, (s2)); \
  } G_STMT_END
#define lp_test_wait_cmpint(n1, cmp, n2) \
  G_STMT_START { \
    lp_test_await ((gint64) (n1) cmp (gint64) (n2)); \
    g_assert_cmpint ((n1), cmp, (n2)); \
  } G_STMT_END
#define lp_test_wait_cmpuint(n1, cmp, n2) \
  G_STMT_START { \
    lp_test_await ((guint64) (n1) cmp (guint64) (n2)); \
    g_assert_cmpuint ((n1), cmp, (n2)); \
  } G_STMT_END

G_END_DECLS
