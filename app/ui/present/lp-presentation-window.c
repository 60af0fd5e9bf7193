/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The presentation window: a drawing area showing one slide of the deck
 * read on the plan's worker, keys to move through them, and the
 * high-contrast style (style.css's .lp-presentation) on the window so that
 * nothing of the desktop theme shows round the slide. */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-plan-reader.h"
#include "lp-presentation-window.h"
#include "lp-slide-deck-pdf.h"
#include "lp-slide-draw.h"

struct _LpPresentationWindow
{
  AdwWindow      parent_instance;

  GtkStack      *stack;
  GtkWidget     *slide_area;
  AdwStatusPage *status_page;

  LpPlan        *plan;
  LpSlideQuery   query;
  LpSlideDeck   *deck;
  guint          current;
  GCancellable  *cancellable;   /* while the slides are read */
  gboolean       disposed;      /* a read finishing now has no widgets to show it in */
};

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_N_SLIDES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LpPresentationWindow, lp_presentation_window, ADW_TYPE_WINDOW)

static void
lp_presentation_window_draw (GtkDrawingArea *area,
                             cairo_t        *cr,
                             int             width,
                             int             height,
                             gpointer        user_data)
{
  LpPresentationWindow *self = user_data;

  if (self->deck != NULL && self->current < self->deck->slides->len)
    lp_slide_draw (self->deck, self->current, cr, width, height);
}

/* What a screen reader says of the slide: its title and headline, and
 * where in the deck it is. */
static void
lp_presentation_window_update_accessible (LpPresentationWindow *self)
{
  const LpSlide *slide;
  g_autofree char *label = NULL;
  g_autofree char *footer = NULL;

  if (self->deck == NULL || self->current >= self->deck->slides->len)
    return;
  slide = lp_slide_deck_get_slide (self->deck, self->current);
  label = slide->headline != NULL ? g_strdup_printf ("%s. %s", slide->title, slide->headline)
                                  : g_strdup (slide->title);
  footer = lp_slide_deck_footer (self->deck, self->current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->slide_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, footer,
                                  -1);
}

static void
lp_presentation_window_read_done (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LpSlideDeck *deck = lp_plan_reader_run_finish (result, &error);
  LpPresentationWindow *self;

  if (deck == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LP_PRESENTATION_WINDOW (object);
  /* Gone, or a read the plan's change (or another plan) has overtaken,
   * though it finished before it could be cancelled. */
  if (self->disposed || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&deck, lp_slide_deck_free);
      return;
    }
  g_clear_object (&self->cancellable);
  if (deck == NULL)
    {
      adw_status_page_set_title (self->status_page, _("The Slides Cannot Be Shown"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  g_clear_pointer (&self->deck, lp_slide_deck_free);
  self->deck = deck;
  /* The plan changed under the slide on screen: stay on it, or as near. */
  if (self->current >= deck->slides->len)
    {
      self->current = deck->slides->len - 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
    }
  gtk_stack_set_visible_child_name (self->stack, "slides");
  gtk_widget_queue_draw (self->slide_area);
  lp_presentation_window_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SLIDES]);
}

static void
lp_presentation_window_read (LpPresentationWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lp_plan_reader_run_async (self->plan, self, lp_slide_deck_read, g_memdup2 (&self->query, sizeof self->query),
                            g_free, (GDestroyNotify) lp_slide_deck_free, self->cancellable,
                            lp_presentation_window_read_done, NULL);
}

void
lp_presentation_window_go_to (LpPresentationWindow *self,
                              guint                 index)
{
  g_return_if_fail (LP_IS_PRESENTATION_WINDOW (self));

  if (self->deck == NULL || index >= self->deck->slides->len || index == self->current)
    return;
  self->current = index;
  gtk_widget_queue_draw (self->slide_area);
  lp_presentation_window_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
lp_presentation_window_move_activated (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LpPresentationWindow *self = LP_PRESENTATION_WINDOW (widget);
  int by = g_variant_get_int32 (parameter);
  guint last = self->deck != NULL && self->deck->slides->len > 0 ? self->deck->slides->len - 1 : 0;

  /* A move past either end stays there: a clicker pressed once too often
   * must not leave the room looking at the first slide again. */
  if (by == G_MININT32)
    lp_presentation_window_go_to (self, 0);
  else if (by == G_MAXINT32)
    lp_presentation_window_go_to (self, last);
  else if (by < 0 && self->current > 0)
    lp_presentation_window_go_to (self, self->current - 1);
  else if (by > 0 && self->current < last)
    lp_presentation_window_go_to (self, self->current + 1);
}

static void
lp_presentation_window_save_activated (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LpPresentationWindow *self = LP_PRESENTATION_WINDOW (widget);

  lp_slide_deck_save_pdf (widget, self->plan, &self->query);
}

/* A click on the slide goes on, as a clicker does; the right button back. */
static void
lp_presentation_window_clicked (GtkGestureClick      *gesture,
                                int                   n_press,
                                double                x,
                                double                y,
                                LpPresentationWindow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_activate_action (GTK_WIDGET (self), "present.move", "i", button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static void
lp_presentation_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LpPresentationWindow *self = LP_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_uint (value, self->current);
      break;
    case PROP_N_SLIDES:
      g_value_set_uint (value, self->deck != NULL ? self->deck->slides->len : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_presentation_window_dispose (GObject *object)
{
  LpPresentationWindow *self = LP_PRESENTATION_WINDOW (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, lp_presentation_window_read, self);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (lp_presentation_window_parent_class)->dispose (object);
}

static void
lp_presentation_window_finalize (GObject *object)
{
  LpPresentationWindow *self = LP_PRESENTATION_WINDOW (object);

  g_clear_pointer (&self->deck, lp_slide_deck_free);
  G_OBJECT_CLASS (lp_presentation_window_parent_class)->finalize (object);
}

static void
lp_presentation_window_class_init (LpPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->get_property = lp_presentation_window_get_property;
  object_class->dispose = lp_presentation_window_dispose;
  object_class->finalize = lp_presentation_window_finalize;

  properties[PROP_CURRENT] =
    g_param_spec_uint ("current", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SLIDES] =
    g_param_spec_uint ("n-slides", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "present.move", "i", lp_presentation_window_move_activated);
  gtk_widget_class_install_action (widget_class, "present.save-pdf", NULL, lp_presentation_window_save_activated);
}

static void
lp_presentation_window_add_key (GtkShortcutController *keys,
                                guint                  keyval,
                                GdkModifierType        modifiers,
                                const char            *action,
                                GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (keys, shortcut);
}

/* The keys go to the slides before anything else sees them: GtkWindow's
 * own bindings would take the arrow keys to move the focus. */
static void
lp_presentation_window_add_keys (LpPresentationWindow *self)
{
  static const guint forward[] = { GDK_KEY_Right, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, GDK_KEY_space,
                                   GDK_KEY_Down, GDK_KEY_Return, GDK_KEY_KP_Enter };
  static const guint back[] = { GDK_KEY_Left, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, GDK_KEY_BackSpace,
                                GDK_KEY_Up };
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (gsize i = 0; i < G_N_ELEMENTS (forward); i++)
    lp_presentation_window_add_key (keys, forward[i], 0, "present.move", g_variant_new_int32 (1));
  for (gsize i = 0; i < G_N_ELEMENTS (back); i++)
    lp_presentation_window_add_key (keys, back[i], 0, "present.move", g_variant_new_int32 (-1));
  /* By how many slides; the ends of int32 for the first and last. */
  lp_presentation_window_add_key (keys, GDK_KEY_Home, 0, "present.move", g_variant_new_int32 (G_MININT32));
  lp_presentation_window_add_key (keys, GDK_KEY_End, 0, "present.move", g_variant_new_int32 (G_MAXINT32));
  lp_presentation_window_add_key (keys, GDK_KEY_s, GDK_CONTROL_MASK, "present.save-pdf", NULL);
  lp_presentation_window_add_key (keys, GDK_KEY_Escape, 0, "window.close", NULL);
  lp_presentation_window_add_key (keys, GDK_KEY_F5, 0, "window.close", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
lp_presentation_window_init (LpPresentationWindow *self)
{
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *loading = adw_status_page_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "lp-presentation");
  lp_presentation_window_add_keys (self);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  self->stack = GTK_STACK (gtk_stack_new ());
  self->slide_area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->slide_area, TRUE);
  gtk_widget_set_vexpand (self->slide_area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->slide_area), lp_presentation_window_draw, self, NULL);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (lp_presentation_window_clicked), self, 0);
  gtk_widget_add_controller (self->slide_area, GTK_EVENT_CONTROLLER (click));

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 48, 48);
  adw_status_page_set_title (ADW_STATUS_PAGE (loading), _("Preparing the Slides…"));
  adw_status_page_set_child (ADW_STATUS_PAGE (loading), spinner);
  self->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");

  gtk_stack_add_named (self->stack, loading, "loading");
  gtk_stack_add_named (self->stack, self->slide_area, "slides");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status_page), "status");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->stack));
}

/* @plan: (nullable): none while the window opens one */
static void
lp_presentation_window_set_plan (LpPresentationWindow *self,
                                 LpPlan               *plan)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, lp_presentation_window_read, self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->plan, plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "present.save-pdf", plan != NULL);
  if (plan == NULL)
    return;
  /* An edit made while presenting shows on the slides. */
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (lp_presentation_window_read), self);
  lp_presentation_window_read (self);
}

/* The window opens the plan again (after an import, say) or another one:
 * the slides on screen stay until the plan it opens is read. */
static void
lp_presentation_window_parent_plan (GObject              *parent,
                                    GParamSpec           *pspec,
                                    LpPresentationWindow *self)
{
  g_autoptr(LpPlan) plan = NULL;

  if (self->disposed)
    return;
  g_object_get (parent, "plan", &plan, NULL);
  lp_presentation_window_set_plan (self, plan);
}

/**
 * lp_presentation_window_new:
 * @parent: the plan's window
 * @plan: the plan to present
 * @query: the scenario and preferences the views show
 *
 * Returns: (transfer none): the window, full screen, reading the slides
 */
GtkWidget *
lp_presentation_window_new (GtkWindow          *parent,
                            LpPlan             *plan,
                            const LpSlideQuery *query)
{
  LpPresentationWindow *self;

  g_return_val_if_fail (LP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (LP_TYPE_PRESENTATION_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "default-width", 1024,
                       "default-height", 768,
                       NULL);
  self->query = *query;
  lp_presentation_window_set_plan (self, plan);
  /* Gone with its window.  Not by destroy-with-parent: GTK 4.8 then keeps
   * pointing at the parent, and a read still under way keeps this window
   * alive a moment longer than the parent. */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  if (parent != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (parent), "plan") != NULL)
    g_signal_connect_object (parent, "notify::plan", G_CALLBACK (lp_presentation_window_parent_plan),
                             self, 0);
  gtk_window_fullscreen (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

const LpSlideDeck *
lp_presentation_window_get_deck (LpPresentationWindow *self)
{
  g_return_val_if_fail (LP_IS_PRESENTATION_WINDOW (self), NULL);

  return self->deck;
}

guint
lp_presentation_window_get_current (LpPresentationWindow *self)
{
  g_return_val_if_fail (LP_IS_PRESENTATION_WINDOW (self), 0);

  return self->current;
}

GtkWidget *
lp_presentation_window_get_slide_area (LpPresentationWindow *self)
{
  g_return_val_if_fail (LP_IS_PRESENTATION_WINDOW (self), NULL);

  return self->slide_area;
}
