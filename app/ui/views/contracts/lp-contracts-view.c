/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's contracts: a searchable, sortable table with add, edit and
 * delete, which flags contracts ending soon or ended (as core judges them
 * from the plan's reference date) and marks vulnerable services.  The
 * table itself is lp-data-view.c's. */
#include "config.h"

#include "lp-settings.h"

#include "lp-contract-dialog.h"
#include "lp-contracts-view.h"
#include "lp-data-view.h"
#include "lp-view-common.h"

struct _LpContractsView
{
  LpView      parent_instance;

  LpDataView  dv;

  char       *reference_date;      /* the day states are judged from */
  guint       ending_soon_months;
};

G_DEFINE_FINAL_TYPE (LpContractsView, lp_contracts_view, LP_TYPE_VIEW)

static void lp_contracts_view_refresh      (LpView *view);
static void lp_contracts_view_start_search (LpView *view);

/* plan_info holds the reference date every row's state depends on. */
static const char *const contract_tables[] = {
  "contract", "provider", "vulnerable_service", "plan_info", NULL
};

static gint64
contract_id (gpointer item)
{
  return lp_contract_get_id (item);
}

static const LpDataViewInfo contracts_info = {
  LP_VIEW_CONTRACTS, contract_tables, lp_plan_list_contracts, contract_id,
};

/* A new reference date changes every row's state, so every row is drawn
 * again. */
static gboolean
lp_contracts_view_prepare (GtkWidget *owner)
{
  LpContractsView *self = LP_CONTRACTS_VIEW (owner);
  g_autofree char *reference = NULL;

  if (self->dv.plan != NULL)
    reference = lp_plan_dup_reference_date (self->dv.plan, NULL);
  if (g_strcmp0 (reference, self->reference_date) == 0)
    return FALSE;
  g_free (self->reference_date);
  self->reference_date = g_steal_pointer (&reference);
  return TRUE;
}

static void
lp_contracts_view_status_setup (GtkSignalListItemFactory *factory,
                                GtkListItem              *item,
                                LpContractsView          *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
lp_contracts_view_status_bind (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               LpContractsView          *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  LpContractState state = lp_contract_get_state (gtk_list_item_get_item (item),
                                                 self->reference_date,
                                                 self->ending_soon_months);
  const char *style = lp_view_text_contract_style (state);

  gtk_label_set_label (GTK_LABEL (label), lp_view_text_contract_state (state));
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

static void
lp_contracts_view_saved_cb (LpContractsView *self,
                            gint64           id)
{
  lp_data_view_select_id (&self->dv, id);
}

static void
lp_contracts_view_open_dialog (LpContractsView *self,
                               gint64           id)
{
  LpContractDialog *dialog;

  if (!lp_data_view_can_edit (&self->dv))
    return;
  dialog = lp_contract_dialog_new (self->dv.plan, id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_contracts_view_saved_cb),
                           self, G_CONNECT_SWAPPED);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), GTK_WIDGET (self));
}

static void
lp_contracts_view_add (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  lp_contracts_view_open_dialog (LP_CONTRACTS_VIEW (widget), 0);
}

static void
lp_contracts_view_edit (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LpContractsView *self = LP_CONTRACTS_VIEW (widget);
  LpContract *contract = lp_data_view_get_selected (&self->dv);

  if (contract != NULL)
    lp_contracts_view_open_dialog (self, lp_contract_get_id (contract));
}

static void
lp_contracts_view_delete (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LpContractsView *self = LP_CONTRACTS_VIEW (widget);
  LpContract *contract = lp_data_view_get_selected (&self->dv);
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  if (contract == NULL || !lp_data_view_can_edit (&self->dv))
    return;
  /* The reload during the delete drops the row, and the contract with it. */
  what = g_strdup_printf ("%s (%s)", lp_contract_get_service (contract),
                          lp_contract_get_provider (contract));
  if (!lp_plan_delete_contract (self->dv.plan, lp_contract_get_id (contract), &error))
    {
      lp_data_view_report (&self->dv, error);
      return;
    }
  title = lp_view_text_deleted (LP_VIEW_CONTRACTS, what);
  lp_view_common_toast (widget, title, TRUE);
}

static void
lp_contracts_view_search (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  lp_contracts_view_start_search (LP_VIEW (widget));
}

static void
lp_contracts_view_dispose (GObject *object)
{
  LpContractsView *self = LP_CONTRACTS_VIEW (object);

  lp_data_view_dispose (&self->dv);
  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_CONTRACTS_VIEW);
  G_OBJECT_CLASS (lp_contracts_view_parent_class)->dispose (object);
}

static void
lp_contracts_view_finalize (GObject *object)
{
  LpContractsView *self = LP_CONTRACTS_VIEW (object);

  g_free (self->reference_date);
  G_OBJECT_CLASS (lp_contracts_view_parent_class)->finalize (object);
}

/* The preferences this view shows its figures by. */
static void
lp_contracts_view_apply_settings (gpointer    owner,
                    const char *key,
                    GSettings  *settings)
{
  LpContractsView *self = owner;

  lp_contracts_view_set_ending_soon_months (self, g_settings_get_uint (settings, LP_SETTINGS_ENDING_SOON_MONTHS));
}

static void
lp_contracts_view_class_init (LpContractsViewClass *klass)
{
  LP_VIEW_CLASS (klass)->refresh = lp_contracts_view_refresh;
  LP_VIEW_CLASS (klass)->start_search = lp_contracts_view_start_search;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lp_contracts_view_dispose;
  object_class->finalize = lp_contracts_view_finalize;

  /* The template's expressions look the type up by name. */
  g_type_ensure (LP_TYPE_CONTRACT);
  lp_data_view_class_setup (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-contracts-view.ui",
      G_STRUCT_OFFSET (LpContractsView, dv));
  gtk_widget_class_bind_template_callback (widget_class, lp_contracts_view_status_setup);
  gtk_widget_class_bind_template_callback (widget_class, lp_contracts_view_status_bind);

  gtk_widget_class_install_action (widget_class, "view.add", NULL, lp_contracts_view_add);
  gtk_widget_class_install_action (widget_class, "view.edit", NULL, lp_contracts_view_edit);
  gtk_widget_class_install_action (widget_class, "view.delete", NULL, lp_contracts_view_delete);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, lp_contracts_view_search);
}

static void
lp_contracts_view_init (LpContractsView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_ENDING_SOON_MONTHS, NULL };

  self->ending_soon_months = LP_ENDING_SOON_MONTHS_DEFAULT;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dv.prepare = lp_contracts_view_prepare;
  lp_data_view_init (&self->dv, GTK_WIDGET (self), &contracts_info);
  lp_settings_follow (self, settings_keys, lp_contracts_view_apply_settings);
}

GtkWidget *
lp_contracts_view_new (void)
{
  return g_object_new (LP_TYPE_CONTRACTS_VIEW, NULL);
}

/* The plan was set, or a table the view reads changed. */
static void
lp_contracts_view_refresh (LpView *view)
{
  lp_data_view_set_plan (&LP_CONTRACTS_VIEW (view)->dv, lp_view_get_plan (view));
}

static void
lp_contracts_view_start_search (LpView *view)
{
  lp_data_view_start_search (&LP_CONTRACTS_VIEW (view)->dv);
}

/**
 * lp_contracts_view_set_ending_soon_months:
 * @months: how many months ahead of the reference date an end date makes
 *   a contract "ending soon"
 */
void
lp_contracts_view_set_ending_soon_months (LpContractsView *self,
                                          guint            months)
{
  g_return_if_fail (LP_IS_CONTRACTS_VIEW (self));

  if (months == self->ending_soon_months)
    return;
  self->ending_soon_months = months;
  lp_data_view_reload (&self->dv, TRUE);
}

/**
 * lp_contracts_view_get_model:
 *
 * Returns: (transfer none): the rows shown, in the order shown; also the
 *   table's selection (a GtkSingleSelection)
 */
GListModel *
lp_contracts_view_get_model (LpContractsView *self)
{
  g_return_val_if_fail (LP_IS_CONTRACTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->dv.selection);
}
