/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's contracts: a searchable, sortable table with add, edit and
 * delete, which flags contracts ending soon or ended (as core judges them
 * from the plan's reference date) and marks vulnerable services.  The
 * table is LpDataView's; this file says what a contract row is, and keeps
 * what the status cells are judged by. */
#include "config.h"

#include "lp-settings.h"

#include "lp-contract-dialog.h"
#include "lp-contracts-view.h"
#include "lp-view-common.h"

struct _LpContractsView
{
  LpDataView  parent_instance;

  char       *reference_date;      /* the day states are judged from */
  guint       ending_soon_months;
};

G_DEFINE_FINAL_TYPE (LpContractsView, lp_contracts_view, LP_TYPE_DATA_VIEW)

/* plan_info holds the reference date every row's state depends on. */
static const char *const contract_tables[] = {
  "contract", "provider", "vulnerable_service", "plan_info", NULL
};

static GListModel *
list_contracts (LpPlan  *reader,
                GError **error)
{
  return lp_plan_list_contracts (reader, error);
}

static char *
contract_search_key (gpointer row)
{
  const char *columns[] = {
    lp_contract_get_provider (row), lp_contract_get_service (row),
    lp_contract_get_sector (row), lp_contract_get_vulnerable_services (row),
  };

  return lp_view_text_search_key (columns, G_N_ELEMENTS (columns));
}

static gint64
contract_id (gpointer row)
{
  return lp_contract_get_id (row);
}

/* Read with the rows, on the worker. */
static gpointer
read_reference_date (LpPlan  *reader,
                     GError **error)
{
  return lp_plan_dup_reference_date (reader, NULL);
}

/* A new reference date changes every row's state, so every row is drawn
 * again. */
static gboolean
lp_contracts_view_show_reference_date (LpDataView *view,
                                       gpointer    extra)
{
  LpContractsView *self = LP_CONTRACTS_VIEW (view);
  const char *reference = extra;

  if (g_strcmp0 (reference, self->reference_date) == 0)
    return FALSE;
  g_free (self->reference_date);
  self->reference_date = g_strdup (reference);
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

static GtkWidget *
lp_contracts_view_new_editor (LpDataView *self,
                              LpPlan     *plan,
                              gint64      id)
{
  return GTK_WIDGET (lp_contract_dialog_new (plan, id));
}

static char *
contract_deleted_name (gpointer row)
{
  return g_strdup_printf ("%s (%s)", lp_contract_get_service (row), lp_contract_get_provider (row));
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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpDataViewClass *data_view_class = LP_DATA_VIEW_CLASS (klass);

  object_class->finalize = lp_contracts_view_finalize;

  data_view_class->kind = LP_VIEW_CONTRACTS;
  data_view_class->row_type = LP_TYPE_CONTRACT;
  data_view_class->list_rows = list_contracts;
  data_view_class->search_key = contract_search_key;
  data_view_class->new_editor = lp_contracts_view_new_editor;
  data_view_class->delete_row = lp_plan_delete_contract;
  data_view_class->deleted_name = contract_deleted_name;
  data_view_class->get_id = contract_id;
  data_view_class->read_extra = read_reference_date;
  data_view_class->extra_free = g_free;
  data_view_class->show_extra = lp_contracts_view_show_reference_date;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), contract_tables);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-contracts-view.ui");
  gtk_widget_class_bind_template_callback (widget_class, lp_contracts_view_status_setup);
  gtk_widget_class_bind_template_callback (widget_class, lp_contracts_view_status_bind);
  lp_view_common_bind_callbacks (widget_class);

}

static void
lp_contracts_view_init (LpContractsView *self)
{
  static const char * const settings_keys[] = { LP_SETTINGS_ENDING_SOON_MONTHS, NULL };

  self->ending_soon_months = LP_ENDING_SOON_MONTHS_DEFAULT;
  gtk_widget_init_template (GTK_WIDGET (self));
  lp_settings_follow (self, settings_keys, lp_contracts_view_apply_settings);
}

GtkWidget *
lp_contracts_view_new (void)
{
  return g_object_new (LP_TYPE_CONTRACTS_VIEW, NULL);
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
  lp_data_view_redraw_rows (LP_DATA_VIEW (self));
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

  return lp_data_view_get_model (LP_DATA_VIEW (self));
}
