/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The practices of the plan: a searchable, sortable table that can be
 * narrowed to one locality, PCN and Sub-ICB, with add, edit and delete.
 * The table is LpDataView's; this file says what a practice row is, and
 * keeps the filters: drop-downs of the plan's localities and of the
 * practice map's PCNs and Sub-ICBs (read with the rows, on the worker)
 * and a test of each row against all three. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lp-move-practices-dialog.h"
#include "lp-practice-dialog.h"
#include "lp-practices-view.h"
#include "lp-view-common.h"

struct _LpPracticesView
{
  LpDataView    parent_instance;

  /* Template children */
  GtkDropDown  *locality_dropdown;

  GArray       *locality_ids;      /* of each choice in the drop-down; 0 first */
  GStrv         locality_names;    /* the localities' names the drop-down lists */
  gint64        locality_id;       /* 0: every locality */
  gboolean      setting_dropdown;  /* a drop-down is being set, not chosen from */

  GtkDropDown  *pcn_dropdown;
  GtkDropDown  *sub_icb_dropdown;
  GtkColumnViewColumn *pcn_column;
  GtkColumnViewColumn *sub_icb_column;
  GPtrArray    *pcn_choices;       /* of each position: NULL (all), a name, "" (none) */
  GPtrArray    *sub_icb_choices;
  char         *pcn;               /* NULL: every PCN; "": practices without one */
  char         *sub_icb;
};

G_DEFINE_FINAL_TYPE (LpPracticesView, lp_practices_view, LP_TYPE_DATA_VIEW)

/* A practice row shows its locality's name and its latest list size, and
 * is greyed when closed as at the plan's reference date (plan_info). */
static const char *const practice_tables[] = {
  "practice", "list_size", "locality", "plan_info", "practice_grouping", NULL
};

static GListModel *
list_practices (LpPlan  *reader,
                GError **error)
{
  return lp_plan_list_practices (reader, 0, error);
}

static char *
practice_search_key (gpointer row)
{
  const char *columns[] = {
    lp_practice_get_ods_code (row), lp_practice_get_name (row),
    lp_practice_get_locality_name (row), lp_practice_get_postcode (row),
    /* The practice map's groupings: typing a PCN's name shows its
     * practices, the filter a commissioner needs to place them. */
    lp_practice_get_pcn (row), lp_practice_get_sub_icb (row),
  };

  return lp_view_text_search_key (columns, G_N_ELEMENTS (columns));
}

static gint64
practice_id (gpointer row)
{
  return lp_practice_get_id (row);
}

/* The drop-downs' choices beside "All localities", "All PCNs" and "All
 * Sub-ICBs", read on the worker. */
typedef struct {
  GArray   *ids;
  GStrv     names;
  GStrv     pcns;
  gboolean  some_without_pcn;
  GStrv     sub_icbs;
  gboolean  some_without_sub_icb;
} FilterChoices;

static void
filter_choices_free (gpointer data)
{
  FilterChoices *choices = data;

  g_clear_pointer (&choices->ids, g_array_unref);
  g_strfreev (choices->names);
  g_strfreev (choices->pcns);
  g_strfreev (choices->sub_icbs);
  g_free (choices);
}

static gpointer
read_filter_choices (LpPlan  *reader,
                       GError **error)
{
  FilterChoices *choices = g_new0 (FilterChoices, 1);

  choices->names = lp_plan_list_locality_names (reader, &choices->ids, error);
  if (choices->names != NULL)
    choices->pcns = lp_plan_list_grouping_names (reader, "pcn", &choices->some_without_pcn, error);
  if (choices->pcns != NULL)
    choices->sub_icbs = lp_plan_list_grouping_names (reader, "sub_icb", &choices->some_without_sub_icb, error);
  if (choices->sub_icbs == NULL)
    return filter_choices_free (choices), NULL;
  return choices;
}

static gboolean
same_choices (LpPracticesView     *self,
              const FilterChoices *choices)
{
  /* No names yet: only "All localities", before any plan was read (an
   * empty plan's none are still news). */
  if (self->locality_ids == NULL || self->locality_names == NULL ||
      self->locality_ids->len != choices->ids->len + 1)
    return FALSE;
  return memcmp (self->locality_ids->data + sizeof (gint64), choices->ids->data,
                 choices->ids->len * sizeof (gint64)) == 0
         && g_strv_equal ((const char * const *) self->locality_names,
                          (const char * const *) choices->names);
}

/* Sets @dropdown without it counting as the user's choice. */
static void
lp_practices_view_set_dropdown (LpPracticesView *self,
                                GtkDropDown     *dropdown,
                                GListModel      *model,
                                guint            position)
{
  self->setting_dropdown = TRUE;
  if (model != NULL)
    gtk_drop_down_set_model (dropdown, model);
  gtk_drop_down_set_selected (dropdown, position);
  self->setting_dropdown = FALSE;
}

/* Refilters after one filter went from @was_all or not to @now_all or
 * not: from "All …" only hides rows, to it only shows them. */
static void
lp_practices_view_refilter (LpPracticesView *self,
                            gboolean         was_all,
                            gboolean         now_all)
{
  GtkFilterChange change;

  if (was_all)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (now_all)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  lp_data_view_refilter (LP_DATA_VIEW (self), change);
}

static void
lp_practices_view_apply_locality (LpPracticesView *self,
                                  gint64           locality_id)
{
  gint64 was = self->locality_id;

  if (locality_id == was)
    return;
  self->locality_id = locality_id;
  lp_practices_view_refilter (self, was == 0, locality_id == 0);
}

/* Shows the practices whose grouping is @name (NULL: any; "": none),
 * kept in *@chosen. */
static void
lp_practices_view_apply_grouping (LpPracticesView  *self,
                                  char            **chosen,
                                  const char       *name)
{
  gboolean was_all = *chosen == NULL;

  if (g_strcmp0 (*chosen, name) == 0)
    return;
  g_free (*chosen);
  *chosen = g_strdup (name);
  lp_practices_view_refilter (self, was_all, name == NULL);
}

static guint
find_grouping (GPtrArray  *choices,
               const char *name)
{
  for (guint i = 1; name != NULL && choices != NULL && i < choices->len; i++)
    if (g_str_equal (choices->pdata[i], name))
      return i;
  return 0;
}

/* A grouping's drop-down: "All PCNs", each of @names, "No PCN" when some
 * practice has none; hidden when no practice has one (a plan without the
 * practice map).  A name that has gone shows every practice again. */
static void
lp_practices_view_show_grouping (LpPracticesView  *self,
                                 GtkDropDown      *dropdown,
                                 GPtrArray       **choices,
                                 char            **chosen,
                                 const char       *all_label,
                                 const char       *none_label,
                                 const char *const *names,
                                 gboolean          some_without)
{
  g_autoptr(GPtrArray) now = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) list = NULL;
  gboolean same;
  guint position;

  g_ptr_array_add (now, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_ptr_array_add (now, g_strdup (names[i]));
  if (now->len > 1 && some_without)
    g_ptr_array_add (now, g_strdup (""));
  same = *choices != NULL && (*choices)->len == now->len;
  for (guint i = 1; same && i < now->len; i++)
    same = g_str_equal ((*choices)->pdata[i], now->pdata[i]);
  if (!same)
    {
      list = gtk_string_list_new (NULL);
      gtk_string_list_append (list, all_label);
      for (guint i = 1; i < now->len; i++)
        gtk_string_list_append (list, *(char *) now->pdata[i] != '\0' ? now->pdata[i] : none_label);
      g_clear_pointer (choices, g_ptr_array_unref);
      *choices = g_steal_pointer (&now);
    }
  position = find_grouping (*choices, *chosen);
  lp_practices_view_set_dropdown (self, dropdown, G_LIST_MODEL (list), position);
  gtk_widget_set_visible (GTK_WIDGET (dropdown), (*choices)->len > 1);
  /* Without a plan the name asked for may simply not be known yet. */
  if (position == 0 && names != NULL)
    lp_practices_view_apply_grouping (self, chosen, NULL);
}

/* The drop-down lists the localities as they are now; a locality that
 * has gone shows every practice again.  The list is rebuilt only when the
 * localities changed, in one step. */
static gboolean
lp_practices_view_show_choices (LpDataView *view,
                                gpointer    extra)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (view);
  FilterChoices *choices = extra;
  g_autoptr(GtkStringList) list = NULL;
  guint position;

  if (choices == NULL || !same_choices (self, choices))
    {
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_auto(GStrv) all = NULL;
      gint64 none = 0;

      g_clear_pointer (&self->locality_ids, g_array_unref);
      g_clear_pointer (&self->locality_names, g_strfreev);
      self->locality_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (self->locality_ids, none);
      g_strv_builder_add (names, _("All localities"));
      if (choices != NULL)
        {
          g_array_append_vals (self->locality_ids, choices->ids->data, choices->ids->len);
          g_strv_builder_addv (names, (const char **) choices->names);
          self->locality_names = g_strdupv (choices->names);
        }
      all = g_strv_builder_end (names);
      list = gtk_string_list_new ((const char * const *) all);
    }
  position = lp_view_common_find_id (self->locality_ids, self->locality_id);
  lp_practices_view_set_dropdown (self, self->locality_dropdown, G_LIST_MODEL (list), position);
  /* Without a plan the locality asked for may simply not be known yet. */
  if (position == 0 && choices != NULL)
    lp_practices_view_apply_locality (self, 0);

  lp_practices_view_show_grouping (self, self->pcn_dropdown, &self->pcn_choices, &self->pcn,
                                   _("All PCNs"), _("No PCN"),
                                   choices != NULL ? (const char *const *) choices->pcns : NULL,
                                   choices != NULL && choices->some_without_pcn);
  lp_practices_view_show_grouping (self, self->sub_icb_dropdown, &self->sub_icb_choices, &self->sub_icb,
                                   _("All Sub-ICBs"), _("No Sub-ICB"),
                                   choices != NULL ? (const char *const *) choices->sub_icbs : NULL,
                                   choices != NULL && choices->some_without_sub_icb);
  /* A plan without the practice map has nothing to show in these columns:
   * hidden, they cost nothing to draw either (at England's size, a view
   * switch and each keystroke bind every visible row's cells). */
  gtk_column_view_column_set_visible (self->pcn_column,
                                      choices != NULL && choices->pcns != NULL && choices->pcns[0] != NULL);
  gtk_column_view_column_set_visible (self->sub_icb_column,
                                      choices != NULL && choices->sub_icbs != NULL && choices->sub_icbs[0] != NULL);
  return FALSE;
}

static gboolean
lp_practices_view_match (LpDataView *view,
                         gpointer    row)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (view);

  return (self->locality_id == 0 || lp_practice_get_locality_id (row) == self->locality_id)
         && (self->pcn == NULL || g_str_equal (lp_practice_get_pcn (row), self->pcn))
         && (self->sub_icb == NULL || g_str_equal (lp_practice_get_sub_icb (row), self->sub_icb));
}

static void
lp_practices_view_dropdown_cb (LpPracticesView *self)
{
  guint position = gtk_drop_down_get_selected (self->locality_dropdown);

  if (self->setting_dropdown)
    return;
  if (self->locality_ids != NULL && position < self->locality_ids->len)
    lp_practices_view_apply_locality (self, g_array_index (self->locality_ids, gint64, position));
}

static void
grouping_dropdown_changed (LpPracticesView *self,
                           GtkDropDown     *dropdown,
                           GPtrArray       *choices,
                           char           **chosen)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->setting_dropdown)
    return;
  if (choices != NULL && position < choices->len)
    lp_practices_view_apply_grouping (self, chosen, choices->pdata[position]);
}

static void
lp_practices_view_pcn_dropdown_cb (LpPracticesView *self)
{
  grouping_dropdown_changed (self, self->pcn_dropdown, self->pcn_choices, &self->pcn);
}

static void
lp_practices_view_sub_icb_dropdown_cb (LpPracticesView *self)
{
  grouping_dropdown_changed (self, self->sub_icb_dropdown, self->sub_icb_choices, &self->sub_icb);
}

/* A filter's drop-down shows its choice cut short ("NHS EAST AND
 * NORT…"), so that three of them and the buttons fit a 1024-pixel
 * screen's header, and lists every choice whole. */
static void
filter_choice_setup (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  cut_short)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (cut_short))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
    }
  gtk_list_item_set_child (item, label);
}

static void
filter_choice_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  unused)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
filter_choice_factory (gboolean cut_short)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (filter_choice_setup), GINT_TO_POINTER (cut_short));
  g_signal_connect (factory, "bind", G_CALLBACK (filter_choice_bind), NULL);
  return factory;
}

static void
cut_choice_short (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = filter_choice_factory (TRUE);
  g_autoptr(GtkListItemFactory) list = filter_choice_factory (FALSE);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* The cells.  Each is a label made once (setup) and given its row's text
 * when shown (bind); a closed or dormant practice is kept for its history
 * but greyed, every cell of its row. */

static GtkWidget *
cell_label (GtkListItem *item,
            float        xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_list_item_set_child (item, label);
  return label;
}

static void
lp_practices_view_setup_text (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  unused)
{
  cell_label (item, 0);
}

static void
lp_practices_view_setup_code (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  unused)
{
  gtk_widget_add_css_class (cell_label (item, 0), "numeric");
}

static void
setup_cut_off (GtkListItem *item,
               int          width_chars)
{
  GtkWidget *label = cell_label (item, 0);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (lp_view_common_cut_off_tooltip), NULL);
}

static void
lp_practices_view_setup_name (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  unused)
{
  setup_cut_off (item, 16);
}

/* A PCN's or Sub-ICB's name is long ("NHS EAST AND NORTH
 * HERTFORDSHIRE"); its first words tell them apart, and the tooltip
 * gives the rest, so that the table still fits a 1024-pixel screen. */
static void
lp_practices_view_setup_grouping (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  unused)
{
  setup_cut_off (item, 7);
}

static void
lp_practices_view_setup_locality (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  unused)
{
  setup_cut_off (item, 10);
}

/* A practice's list size says which extract it is from. */
static gboolean
list_size_tooltip (GtkWidget   *label,
                   int          x,
                   int          y,
                   gboolean     keyboard_mode,
                   GtkTooltip  *tooltip,
                   GtkListItem *item)
{
  LpPractice *practice = gtk_list_item_get_item (item);
  g_autofree char *as_at = NULL;

  if (practice == NULL)
    return FALSE;
  as_at = lp_view_text_as_at (lp_practice_get_list_size_date (practice));
  gtk_tooltip_set_text (tooltip, as_at);
  return TRUE;
}

static void
lp_practices_view_setup_list_size (GtkSignalListItemFactory *factory,
                                   GtkListItem              *item,
                                   gpointer                  unused)
{
  GtkWidget *label = cell_label (item, 1);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (list_size_tooltip), item);
}

/* Shows @text, greyed when the row's practice is not counted. */
static void
bind_text (GtkListItem *item,
           const char  *text)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean closed = !lp_practice_get_counted (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (label), text);
  /* Only a change of class restyles the cell. */
  if (closed != gtk_widget_has_css_class (label, "dim-label"))
    {
      if (closed)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
    }
}

static void
lp_practices_view_bind_code (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  unused)
{
  bind_text (item, lp_practice_get_ods_code (gtk_list_item_get_item (item)));
}

static void
lp_practices_view_bind_name (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  unused)
{
  bind_text (item, lp_practice_get_name (gtk_list_item_get_item (item)));
}

static void
lp_practices_view_bind_locality (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 gpointer                  unused)
{
  bind_text (item, lp_practice_get_locality_name (gtk_list_item_get_item (item)));
}

static void
lp_practices_view_bind_pcn (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  unused)
{
  bind_text (item, lp_practice_get_pcn (gtk_list_item_get_item (item)));
}

static void
lp_practices_view_bind_sub_icb (GtkSignalListItemFactory *factory,
                                GtkListItem              *item,
                                gpointer                  unused)
{
  bind_text (item, lp_practice_get_sub_icb (gtk_list_item_get_item (item)));
}

static void
lp_practices_view_bind_postcode (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 gpointer                  unused)
{
  bind_text (item, lp_practice_get_postcode (gtk_list_item_get_item (item)));
}

static void
lp_practices_view_bind_list_size (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  unused)
{
  g_autofree char *text = lp_view_text_list_size (lp_practice_get_list_size (gtk_list_item_get_item (item)));

  bind_text (item, text);
}

static void
lp_practices_view_bind_status (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  unused)
{
  LpPractice *practice = gtk_list_item_get_item (item);
  g_autofree char *text = lp_view_text_status_since (lp_practice_get_status (practice),
                                                     lp_practice_get_close_date (practice));

  bind_text (item, text);
}

static GtkWidget *
lp_practices_view_new_editor (LpDataView *self,
                              LpPlan     *plan,
                              gint64      id)
{
  return GTK_WIDGET (lp_practice_dialog_new (plan, id, LP_PRACTICES_VIEW (self)->locality_id));
}

static char *
practice_deleted_name (gpointer row)
{
  return g_strdup (lp_practice_get_ods_code (row));
}

/* Moving is open to any number of selected practices, where edit and
 * delete want one.  Run at each change of the rows or of the selection
 * (each batch of a search), so it counts the selection rather than
 * fetching its rows: all 6,500 of England's may be selected. */
static void
lp_practices_view_update_actions (LpDataView *view)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (view), "view.move-to-locality",
                                 lp_data_view_can_edit (view) && lp_data_view_get_n_selected (view) > 0);
}

static void
lp_practices_view_moved_cb (LpPracticesView *self)
{
  LpPlan *plan = lp_view_get_plan (LP_VIEW (self));
  const char *label = plan != NULL ? lp_plan_get_undo_label (plan) : NULL;

  /* Core named the step after what it did: "Move 2 practices to X". */
  if (label != NULL)
    lp_view_common_toast (GTK_WIDGET (self), label, TRUE);
}

static void
lp_practices_view_move_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (widget);
  g_autoptr(GPtrArray) rows = lp_data_view_get_selected_rows (LP_DATA_VIEW (self));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_auto(GStrv) all_codes = NULL;
  LpMovePracticesDialog *dialog;

  if (rows->len == 0 || !lp_data_view_can_edit (LP_DATA_VIEW (self)))
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = lp_practice_get_id (rows->pdata[i]);

      g_array_append_val (ids, id);
      g_strv_builder_add (codes, lp_practice_get_ods_code (rows->pdata[i]));
    }
  all_codes = g_strv_builder_end (codes);
  dialog = lp_move_practices_dialog_new (lp_view_get_plan (LP_VIEW (self)), ids,
                                         (const char * const *) all_codes, self->locality_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (lp_practices_view_moved_cb), self, G_CONNECT_SWAPPED);
  lp_edit_dialog_present (LP_EDIT_DIALOG (dialog), widget);
}

/* What a confirmation deletes, fixed when it opens: the selection may
 * change, or the window open another plan, while it waits. */
typedef struct {
  LpPracticesView *view;
  LpPlan          *plan;
  GArray          *ids;
} DeleteRequest;

static void
delete_request_free (gpointer  data,
                     GClosure *closure)
{
  DeleteRequest *request = data;

  g_object_unref (request->view);
  g_object_unref (request->plan);
  g_array_unref (request->ids);
  g_free (request);
}

static void
lp_practices_view_delete_response_cb (AdwMessageDialog *dialog,
                                      const char       *response,
                                      DeleteRequest    *request)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!lp_plan_delete_practices (request->plan, (const gint64 *) request->ids->data, request->ids->len, &error))
    {
      lp_data_view_report (LP_DATA_VIEW (request->view), error);
      return;
    }
  /* Core named the step after what it did: "Delete 3 practices". */
  lp_view_common_toast (GTK_WIDGET (request->view), lp_plan_get_undo_label (request->plan), TRUE);
}

/* Delete with several practices selected: one question naming how many,
 * then one step that Undo takes back. */
static void
lp_practices_view_delete_rows (LpDataView *view,
                               GPtrArray  *rows)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (view);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DeleteRequest *request = g_new0 (DeleteRequest, 1);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  request->view = g_object_ref (self);
  request->plan = g_object_ref (lp_view_get_plan (LP_VIEW (self)));
  request->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = lp_practice_get_id (rows->pdata[i]);

      g_array_append_val (request->ids, id);
    }
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Practice?", "Delete %u Practices?", rows->len),
                             rows->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Their list sizes, workforce and access figures go with them. Undo (Ctrl+Z) brings them back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (lp_practices_view_delete_response_cb),
                         request, delete_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lp_practices_view_dispose (GObject *object)
{
  LpPracticesView *self = LP_PRACTICES_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LP_TYPE_PRACTICES_VIEW);
  g_clear_pointer (&self->locality_ids, g_array_unref);
  g_clear_pointer (&self->locality_names, g_strfreev);
  g_clear_pointer (&self->pcn_choices, g_ptr_array_unref);
  g_clear_pointer (&self->sub_icb_choices, g_ptr_array_unref);
  g_clear_pointer (&self->pcn, g_free);
  g_clear_pointer (&self->sub_icb, g_free);
  G_OBJECT_CLASS (lp_practices_view_parent_class)->dispose (object);
}

static void
lp_practices_view_class_init (LpPracticesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LpDataViewClass *data_view_class = LP_DATA_VIEW_CLASS (klass);

  object_class->dispose = lp_practices_view_dispose;

  data_view_class->kind = LP_VIEW_PRACTICES;
  data_view_class->row_type = LP_TYPE_PRACTICE;
  data_view_class->list_rows = list_practices;
  data_view_class->search_key = practice_search_key;
  data_view_class->new_editor = lp_practices_view_new_editor;
  data_view_class->delete_row = lp_plan_delete_practice;
  data_view_class->deleted_name = practice_deleted_name;
  data_view_class->get_id = practice_id;
  data_view_class->read_extra = read_filter_choices;
  data_view_class->extra_free = filter_choices_free;
  data_view_class->show_extra = lp_practices_view_show_choices;
  data_view_class->match = lp_practices_view_match;
  data_view_class->multi_select = TRUE;
  data_view_class->update_actions = lp_practices_view_update_actions;
  data_view_class->delete_rows = lp_practices_view_delete_rows;
  lp_view_class_set_tables (LP_VIEW_CLASS (klass), practice_tables);

  gtk_widget_class_set_template_from_resource (widget_class,
      "/org/localityplanner/LocalityPlanner/views/lp-practices-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LpPracticesView, locality_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_dropdown_cb);
  gtk_widget_class_bind_template_child (widget_class, LpPracticesView, pcn_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LpPracticesView, pcn_column);
  gtk_widget_class_bind_template_child (widget_class, LpPracticesView, sub_icb_column);
  gtk_widget_class_bind_template_child (widget_class, LpPracticesView, sub_icb_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_pcn_dropdown_cb);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_sub_icb_dropdown_cb);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_setup_text);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_setup_code);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_setup_name);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_setup_locality);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_setup_grouping);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_setup_list_size);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_code);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_name);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_locality);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_postcode);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_pcn);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_sub_icb);

  gtk_widget_class_install_action (widget_class, "view.move-to-locality", NULL, lp_practices_view_move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "view.move-to-locality", NULL);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_list_size);
  gtk_widget_class_bind_template_callback (widget_class, lp_practices_view_bind_status);

}

static void
lp_practices_view_init (LpPracticesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cut_choice_short (self->locality_dropdown);
  cut_choice_short (self->pcn_dropdown);
  cut_choice_short (self->sub_icb_dropdown);
  lp_practices_view_show_choices (LP_DATA_VIEW (self), NULL);
}

GtkWidget *
lp_practices_view_new (void)
{
  return g_object_new (LP_TYPE_PRACTICES_VIEW, NULL);
}

/**
 * lp_practices_view_set_locality:
 * @locality_id: the locality whose practices to show, or 0 for all
 */
void
lp_practices_view_set_locality (LpPracticesView *self,
                                gint64           locality_id)
{
  guint position;

  g_return_if_fail (LP_IS_PRACTICES_VIEW (self));

  position = lp_view_common_find_id (self->locality_ids, locality_id);
  /* A locality the plan does not have shows every practice, as the
   * drop-down then says; until the plan's localities are read it is kept
   * for when they come. */
  if (position == 0 && self->locality_names != NULL)
    locality_id = 0;
  lp_practices_view_set_dropdown (self, self->locality_dropdown, NULL, position);
  lp_practices_view_apply_locality (self, locality_id);
}

gint64
lp_practices_view_get_locality (LpPracticesView *self)
{
  g_return_val_if_fail (LP_IS_PRACTICES_VIEW (self), 0);

  return self->locality_id;
}

/**
 * lp_practices_view_get_model:
 *
 * Returns: (transfer none): the rows shown, in the order shown; also the
 *   table's selection (a GtkMultiSelection: several practices can be
 *   moved at once)
 */
GListModel *
lp_practices_view_get_model (LpPracticesView *self)
{
  g_return_val_if_fail (LP_IS_PRACTICES_VIEW (self), NULL);

  return lp_data_view_get_model (LP_DATA_VIEW (self));
}
