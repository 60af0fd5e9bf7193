/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Asserts that @path is a PDF of one page; with @media_box, that its page
 * is that size ("/MediaBox [ 0 0 841" for landscape A4). */
void lp_test_assert_one_page_pdf (const char *path,
                                  const char *media_box);

G_END_DECLS
