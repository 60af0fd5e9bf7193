/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lp-practice-text.h"

G_BEGIN_DECLS

/* The Practice Page on paper: the print dialog, or a PDF saved on a
 * worker thread; both draw lp_practice_page_draw() on one page.  The
 * text is copied, so the view may change meanwhile. */
void               lp_practice_page_print            (GtkWidget            *widget,
                                                      const LpPracticeText *text);
void               lp_practice_page_save_pdf         (GtkWidget            *widget,
                                                      const LpPracticeText *text);
/* A print operation of the page, for the dialog or, in tests, for an
 * export to PDF through GTK's own printing. */
GtkPrintOperation *lp_practice_page_print_operation  (const LpPracticeText *text);
/* The file name offered: "Practice page - Hitchin Bridge Family Practice.pdf". */
char              *lp_practice_page_suggested_name   (const LpPracticeText *text);

G_END_DECLS
