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

/**
 * lp_view_common_cut_off_tooltip:
 *
 * A "query-tooltip" handler for a cell's label: a cut-off cell shows its
 * whole text.  Cell tooltips are asked for when the pointer rests on a
 * cell rather than bound: setting a widget's tooltip makes GTK look for
 * the pointer, a round trip to the display server for every cell drawn,
 * which made scrolling and searching a long table slow.
 */
gboolean
lp_view_common_cut_off_tooltip (GtkWidget  *label,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip,
                                gpointer    unused)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (GTK_LABEL (label)));
  return TRUE;
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
  gtk_widget_class_bind_template_callback (widget_class, lp_view_format_vulnerable);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_has_text);
  gtk_widget_class_bind_template_callback (widget_class, lp_view_common_cut_off_tooltip);
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
