/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The modelling view's scenarios: the picker, filled from what the worker
 * read, and the Scenarios menu's new, duplicate, rename and delete, which
 * core carries out (and refuses, with its reason, where it must). */
#include "config.h"

#include <glib/gi18n.h>

#include "lp-modelling-view-private.h"
#include "lp-pathway-text.h"

static guint
lp_modelling_view_scenario_position (GListModel *scenarios,
                                     gint64      id)
{
  for (guint i = 0; scenarios != NULL && i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(LpScenario) scenario = g_list_model_get_item (scenarios, i);

      if (lp_scenario_get_id (scenario) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/**
 * lp_modelling_view_fill_scenarios:
 * @result: what the worker read: the scenarios, the base first, then the
 *   others by name (core's order), and which to show
 *
 * The picker's list is replaced only when the scenarios changed, so that
 * an open picker is not closed by a refresh for another reason.
 */
void
lp_modelling_view_fill_scenarios (LpModellingView   *self,
                                  LpModellingResult *result)
{
  gboolean changed = g_strcmp0 (self->scenarios_key, result->scenarios_key) != 0;

  self->updating = TRUE;
  if (changed)
    {
      g_free (self->scenarios_key);
      self->scenarios_key = g_strdup (result->scenarios_key);
      gtk_drop_down_set_model (self->scenario_dropdown, result->scenarios);
    }
  gtk_drop_down_set_selected (self->scenario_dropdown, result->scenario_position);
  self->updating = FALSE;
  if (changed)
    lp_modelling_view_fill_compare (self, result->compare_position);
  else
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->compare_dropdown, result->compare_position);
      self->updating = FALSE;
    }
}

static const struct {
  const char     *name;
  LpScenarioEdit  edit;
} scenario_actions[] = {
  { "modelling.new-scenario", LP_SCENARIO_EDIT_NEW },
  { "modelling.duplicate-scenario", LP_SCENARIO_EDIT_DUPLICATE },
  { "modelling.rename-scenario", LP_SCENARIO_EDIT_RENAME },
  { "modelling.delete-scenario", LP_SCENARIO_EDIT_DELETE },
};

/* Every edit needs a writable plan and a chosen scenario; the base cannot
 * be deleted, so its Delete is off rather than refused after a question. */
void
lp_modelling_view_update_actions (LpModellingView *self)
{
  LpScenario *scenario = lp_modelling_view_scenario (self);
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  gboolean can_edit = scenario != NULL && plan != NULL && !lp_plan_is_read_only (plan);

  for (guint i = 0; i < G_N_ELEMENTS (scenario_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), scenario_actions[i].name,
                                   can_edit && (scenario_actions[i].edit != LP_SCENARIO_EDIT_DELETE ||
                                                lp_scenario_get_base_id (scenario) != 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.add-change", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.edit-change", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.remove-change", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.edit-pathway-name", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.remove-pathway", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.edit-pathway", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.edit-weights", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "modelling.edit-bases", can_edit);
}

/* The menu is made when the button is first pressed: a popover menu for
 * each of a few dozen rows, made up front, made the view's refresh stall
 * the window. */
static void
lp_modelling_view_pathway_menu_popup (GtkMenuButton *button,
                                      gpointer       user_data)
{
  const char *pathway = g_object_get_data (G_OBJECT (button), "lp-pathway");
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) remove = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = g_menu_new ();
  edit = g_menu_item_new (_("_Edit Pathway…"), NULL);
  remove = g_menu_item_new (_("_Remove Pathway"), NULL);
  g_menu_item_set_action_and_target_value (edit, "modelling.edit-pathway-name", g_variant_new_string (pathway));
  g_menu_item_set_action_and_target_value (remove, "modelling.remove-pathway", g_variant_new_string (pathway));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* The pathway's own edits, in a menu at the end of its rows. */
static GtkWidget *
lp_modelling_view_pathway_menu (const char *pathway)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = NULL;

  g_object_set_data_full (G_OBJECT (button), "lp-pathway", g_strdup (pathway), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), lp_modelling_view_pathway_menu_popup,
                                         NULL, NULL);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* TRANSLATORS: %s is a pathway, such as Frailty */
  label = g_strdup_printf (_("Pathway “%s”"), pathway);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
lp_modelling_view_row (const char *title,
                       const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names such as "Well adults (A&E)" are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* A row per change the scenario states itself: clicking it edits the
 * change, its button removes it. */
static GtkWidget *
lp_modelling_view_change_row (const LpPathwayChange *change)
{
  g_autofree char *title = lp_pathway_text_change_title (change);
  g_autofree char *subtitle = lp_pathway_text_change_subtitle (change);
  GtkWidget *row = lp_modelling_view_row (title, subtitle);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *edit = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "modelling.edit-change");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", change->id);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Pathway Change"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Pathway Change"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "modelling.remove-change");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", change->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), lp_modelling_view_pathway_menu (change->pathway));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static gboolean
lp_modelling_view_has_change (GPtrArray  *changes,
                              const char *pathway)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    if (g_strcmp0 (((LpPathwayChange *) g_ptr_array_index (changes, i))->pathway, pathway) == 0)
      return TRUE;
  return FALSE;
}

/* A row of the list takes a few milliseconds to make and lay out: a few
 * dozen at once stalled the window for over 100 ms on showing the view.
 * They are added a few at a time, between frames. */
#define CHANGE_ROWS_PER_STEP 6

void
lp_modelling_view_stop_changes (LpModellingView *self)
{
  g_clear_handle_id (&self->rows_source, g_source_remove);
  g_clear_pointer (&self->rows_changes, g_ptr_array_unref);
  g_clear_pointer (&self->rows_pathways, g_strfreev);
  self->rows_next = 0;
}

static gboolean
lp_modelling_view_add_change_rows (gpointer data)
{
  LpModellingView *self = data;
  guint n_changes = self->rows_changes != NULL ? self->rows_changes->len : 0;
  guint added = 0;

  while (added < CHANGE_ROWS_PER_STEP)
    {
      guint i = self->rows_next++;
      const char *pathway;
      GtkWidget *row;

      if (i < n_changes)
        {
          gtk_list_box_append (self->changes_list,
                               lp_modelling_view_change_row (g_ptr_array_index (self->rows_changes, i)));
          added++;
          continue;
        }
      pathway = self->rows_pathways != NULL ? self->rows_pathways[i - n_changes] : NULL;
      if (pathway == NULL)
        {
          if (gtk_widget_get_first_child (GTK_WIDGET (self->changes_list)) == NULL)
            gtk_list_box_append (self->changes_list, lp_modelling_view_row (_("No pathways yet"), NULL));
          self->rows_source = 0;
          lp_modelling_view_stop_changes (self);
          return G_SOURCE_REMOVE;
        }
      if (lp_modelling_view_has_change (self->rows_changes, pathway))
        continue;
      row = lp_modelling_view_row (pathway, _("No change of this scenario’s own: its base’s figures apply, if any"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lp_modelling_view_pathway_menu (pathway));
      gtk_list_box_append (self->changes_list, row);
      added++;
    }
  return G_SOURCE_CONTINUE;
}

/* The scenario's changes, then the pathways it states none for, which
 * can still be renamed or removed here. */
void
lp_modelling_view_show_changes (LpModellingView *self,
                                GPtrArray       *changes,
                                GStrv            pathways)
{
  GtkWidget *child;

  lp_modelling_view_stop_changes (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);
  self->n_changes = changes != NULL ? changes->len : 0;
  self->rows_changes = changes != NULL ? g_ptr_array_ref (changes) : NULL;
  self->rows_pathways = g_strdupv (pathways);
  /* After the frame that shows the table, so the view's figures come first. */
  self->rows_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, lp_modelling_view_add_change_rows, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->rows_source),
                            "[locality-planner] pathway change rows");
}

/* Chooses the scenario @id if the picker offers it. */
gboolean
lp_modelling_view_select_scenario_id (LpModellingView *self,
                                      gint64           id)
{
  guint position = lp_modelling_view_scenario_position (gtk_drop_down_get_model (self->scenario_dropdown), id);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->scenario_dropdown, position);
  return position != GTK_INVALID_LIST_POSITION;
}

/* A scenario just made is not in the picker until the worker has read
 * the plan again; it is asked for, and the picker shows it then. */
static void
lp_modelling_view_choose_new_scenario (LpModellingView *self,
                                       gint64           id)
{
  self->scenario_id = id;
  lp_view_queue_refresh (LP_VIEW (self));
}

/* Core does the edit and says why if it refuses; a scenario made here is
 * the one the user wants to see next. */
static gboolean
lp_modelling_view_edit_scenario (LpModellingView  *self,
                                 LpScenarioEdit    edit,
                                 gint64            id,
                                 const char       *name,
                                 GError          **error)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  gint64 made;

  switch (edit)
    {
    case LP_SCENARIO_EDIT_NEW:
      made = lp_plan_add_scenario (plan, name, id, error);
      break;
    case LP_SCENARIO_EDIT_DUPLICATE:
      made = lp_plan_duplicate_scenario (plan, id, name, error);
      break;
    case LP_SCENARIO_EDIT_RENAME:
      return lp_plan_rename_scenario (plan, id, name, error);
    case LP_SCENARIO_EDIT_DELETE:
    default:
      return lp_plan_delete_scenario (plan, id, error);
    }
  if (made != 0)
    lp_modelling_view_choose_new_scenario (self, made);
  return made != 0;
}

static GtkWindow *
lp_modelling_view_window (LpModellingView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
lp_modelling_view_show_error (LpModellingView *self,
                              const char      *heading,
                              const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (lp_modelling_view_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a scenario dialog acts on, fixed when it opens: the picker may
 * move, or the window open another plan, while it waits. */
typedef struct {
  LpModellingView *view;
  LpPlan          *plan;
  LpScenarioEdit   edit;
  gint64           id;
  GtkEditable     *entry;     /* the name; NULL for Delete */
  const char      *failed;
} LpScenarioRequest;

static void
lp_scenario_request_free (gpointer  data,
                          GClosure *closure)
{
  LpScenarioRequest *request = data;

  g_object_unref (request->view);
  g_object_unref (request->plan);
  g_clear_object (&request->entry);
  g_free (request);
}

static void
lp_modelling_view_scenario_response (AdwMessageDialog  *dialog,
                                     const char        *response,
                                     LpScenarioRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *name = request->entry != NULL ? gtk_editable_get_text (request->entry) : NULL;

  if (!g_str_equal (response, "apply") || request->plan != lp_view_get_plan (LP_VIEW (request->view)))
    return;
  if (!lp_modelling_view_edit_scenario (request->view, request->edit, request->id, name, &error))
    lp_modelling_view_show_error (request->view, request->failed, error->message);
}

static void
lp_modelling_view_name_changed (GtkEditable      *entry,
                                AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "apply",
      lp_modelling_text_scenario_name_ok (gtk_editable_get_text (entry)));
}

static AdwMessageDialog *
lp_modelling_view_prompt (LpModellingView        *self,
                          const LpScenarioPrompt *prompt,
                          LpScenarioRequest      *request)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (lp_modelling_view_window (self), prompt->heading, prompt->body));
  GtkWidget *entry;

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", prompt->response, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", prompt->destructive
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, prompt->destructive ? "cancel" : "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (prompt->name == NULL)
    return dialog;
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), prompt->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenario name"), -1);
  g_signal_connect (entry, "changed", G_CALLBACK (lp_modelling_view_name_changed), dialog);
  lp_modelling_view_name_changed (GTK_EDITABLE (entry), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  request->entry = GTK_EDITABLE (g_object_ref (entry));
  return dialog;
}

void
lp_modelling_view_scenario_activated (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LpModellingView *self = LP_MODELLING_VIEW (widget);
  LpScenario *scenario = lp_modelling_view_scenario (self);
  g_auto(LpScenarioPrompt) prompt = { 0, };
  LpScenarioRequest *request;
  AdwMessageDialog *dialog;

  if (scenario == NULL || lp_view_get_plan (LP_VIEW (self)) == NULL)
    return;
  request = g_new0 (LpScenarioRequest, 1);
  request->view = g_object_ref (self);
  request->plan = g_object_ref (lp_view_get_plan (LP_VIEW (self)));
  request->id = lp_scenario_get_id (scenario);
  for (guint i = 0; i < G_N_ELEMENTS (scenario_actions); i++)
    if (g_str_equal (action_name, scenario_actions[i].name))
      request->edit = scenario_actions[i].edit;
  lp_modelling_text_scenario_prompt (request->edit, lp_scenario_get_name (scenario), &prompt);
  request->failed = prompt.failed;
  dialog = lp_modelling_view_prompt (self, &prompt, request);
  g_signal_connect_data (dialog, "response", G_CALLBACK (lp_modelling_view_scenario_response),
                         request, lp_scenario_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}



void
lp_modelling_view_install_scenario_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (scenario_actions); i++)
    gtk_widget_class_install_action (widget_class, scenario_actions[i].name, NULL,
                                     lp_modelling_view_scenario_activated);
}
