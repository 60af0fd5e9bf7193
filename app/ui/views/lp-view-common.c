/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the three data views and their dialogs share: the cell formatters
 * their templates call, the style sheet, toasts, and the locality choices
 * of a drop-down. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-view-common.h"
#include "lp-view-text.h"

/* Template closures.  The first argument is the list item or template
 * the expression is evaluated for; the figures need nothing from it. */
static char *
lp_view_format_count (gpointer unused,
                      gint64   value)
{
  return lp_format_count (value);
}

static char *
lp_view_format_uint (gpointer unused,
                     guint    value)
{
  return lp_format_count (value);
}

static char *
lp_view_format_months (gpointer unused,
                       int      months)
{
  return lp_view_text_months (months);
}

static char *
lp_view_format_pounds (gpointer unused,
                       gint64   pounds)
{
  return lp_format_pounds (pounds);
}

static char *
lp_view_format_date (gpointer    unused,
                     const char *iso_date)
{
  return lp_format_date (iso_date);
}

static char *
lp_view_format_list_size (gpointer unused,
                          gint64   patients)
{
  return lp_view_text_list_size (patients);
}

static char *
lp_view_format_as_at (gpointer    unused,
                      const char *iso_date)
{
  return lp_view_text_as_at (iso_date);
}

/* Closures hand back a string the caller frees, so even fixed words are
 * copies. */
static char *
lp_view_format_status (gpointer    unused,
                       const char *status,
                       const char *close_date)
{
  return lp_view_text_status_since (status, close_date);
}

/* A closed or dormant practice is kept for its history but greyed, every
 * cell of its row; @numeric keeps the figures' tabular digits. */
static GStrv
lp_view_practice_classes (gpointer unused,
                          gboolean closed,
                          gboolean numeric)
{
  g_autoptr(GStrvBuilder) classes = g_strv_builder_new ();

  if (closed)
    g_strv_builder_add (classes, "dim-label");
  if (numeric)
    g_strv_builder_add (classes, "numeric");
  return g_strv_builder_end (classes);
}

static char *
lp_view_format_vulnerable (gpointer    unused,
                           const char *services)
{
  return lp_view_text_vulnerable (services);
}

static gboolean
lp_view_has_text (gpointer    unused,
                  const char *text)
{
  return text != NULL && *text != '\0';
}

/* A closure's C function takes exactly the closure's arguments, hence one
 * function for each number of searched columns. */
static char *
lp_view_search_key2 (gpointer    unused,
                     const char *a,
                     const char *b)
{
  const char *columns[] = { a, b };

  return lp_view_text_search_key (columns, G_N_ELEMENTS (columns));
}

static char *
lp_view_search_key4 (gpointer    unused,
                     const char *a,
                     const char *b,
                     const char *c,
                     const char *d)
{
  const char *columns[] = { a, b, c, d };

  return lp_view_text_search_key (columns, G_N_ELEMENTS (columns));
}

/**
 * lp_view_common_bind_callbacks:
 *
 * Makes the cell formatters callable from @widget_class's template, as
 * <closure function="lp_view_format_count">.
 */
void
lp_view_common_bind_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_count);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_uint);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_months);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_pounds);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_date);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_list_size);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_as_at);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_status);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_practice_classes);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_vulnerable);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_has_text);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_search_key2);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_search_key4);
}

/**
 * lp_view_common_ensure_css:
 *
 * Loads the views' style sheet for the default display, once.  The
 * application's own style.css is not this folder's to change.
 */
void
lp_view_common_ensure_css (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
      "/org/localityplanner/LocalityPlanner/views/views.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * lp_view_common_toast:
 * @offer_undo: whether the toast has an Undo button (win.undo)
 *
 * Shows @title in the toast overlay around @widget.  Without one (a view
 * tested on its own) there is nowhere to show it, and that is fine.
 */
void
lp_view_common_toast (GtkWidget  *widget,
                      const char *title,
                      gboolean    offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * lp_view_common_locality_choices:
 * @first_label: the choice before the localities ("All localities")
 * @ids: (out): the locality id of each choice; 0 for the first
 *
 * Returns: (transfer full): the names to choose from, in core's order
 */
GtkStringList *
lp_view_common_locality_choices (LpPlan      *plan,
                                 const char  *first_label,
                                 GArray     **ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) localities = NULL;
  gint64 none = 0;

  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, first_label);
  g_array_append_val (*ids, none);
  if (plan != NULL)
    localities = lp_plan_list_localities (plan, NULL);
  for (guint i = 0; localities != NULL && i < g_list_model_get_n_items (localities); i++)
    {
      g_autoptr(LpLocality) locality = g_list_model_get_item (localities, i);
      gint64 id = lp_locality_get_id (locality);

      gtk_string_list_append (names, lp_locality_get_name (locality));
      g_array_append_val (*ids, id);
    }
  return names;
}

/**
 * lp_view_common_find_id:
 *
 * Returns: the position of @id in @ids, or 0 (the first choice) if absent
 */
guint
lp_view_common_find_id (GArray *ids,
                        gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}
