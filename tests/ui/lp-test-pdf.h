/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asserts that @path is a PDF of one page; with @media_box, that its page
 * is that size ("/MediaBox [ 0 0 841" for landscape A4). */
void lp_test_assert_one_page_pdf (const char        *path,
                                  const char        *media_box);

/* Asserts that @path is a PDF of @n_pages pages, each @media_box in size
 * (a deck's pages are all one size). */
void lp_test_assert_pdf_pages    (const char        *path,
                                  guint              n_pages,
                                  const char        *media_box);

/* Prints @operation through GTK's printing, exported to @name, a PDF
 * beside the test for a person to look at, and asserts that it is one
 * page of @media_box. */
void lp_test_print_pdf           (GtkPrintOperation *operation,
                                  GtkWindow         *parent,
                                  const char        *name,
                                  const char        *media_box);

G_END_DECLS
