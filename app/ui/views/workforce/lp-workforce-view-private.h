/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by lp-workforce-view.c (pickers, refresh on the worker, edits)
 * and lp-workforce-view-grids.c (the tables). */

#include "lp-chart-view.h"
#include "lp-locality-picker.h"
#include "lp-text-row.h"
#include "lp-workforce-staff-text.h"
#include "lp-workforce-view.h"

G_BEGIN_DECLS

/* One refresh's reading of the plan, made on the worker and shown whole. */
typedef struct {
  LpWorkforceText  text;
  char            *note;            /* the plan's words on its workforce figures, or NULL */
  gint64           locality_id;     /* the locality counted; 0: all */
  char            *role;            /* the role counted, whose fields the rows have; NULL: none */
  GPtrArray       *practice_rows;   /* LpTextRow to show, see lp-text-row.h */
  LpLocalityChoices *localities;  /* the locality choices read, or NULL if they are those offered */
  GPtrArray       *targets;         /* LpWorkforceTarget of the base scenario */
  LpWorkforceStaffText staff;       /* practice and PCN staff side by side */
  GPtrArray       *staff_rows;      /* LpTextRow of LpWorkforceTextStaff */
} LpWorkforceResult;

struct _LpWorkforceView
{
  LpView             parent_instance;

  GtkStack          *content_stack;
  AdwStatusPage     *empty_page;
  GtkWidget         *empty_buttons;
  GtkListBox        *targets_list;
  GtkLabel          *summary_label;
  GtkDropDown       *locality_dropdown;
  GtkDropDown       *group_dropdown;
  GtkDropDown       *role_dropdown;
  GtkLabel          *basis_label;
  GtkLabel          *rates_label;
  GtkLabel          *targets_label;
  GtkLabel          *note_label;
  GtkLabel          *chart_title;
  LpChartView       *chart_view;
  GtkGrid           *quarters_grid;
  GtkLabel          *per_gp_label;
  GtkLabel          *per_1000_label;
  GtkLabel          *practices_title;
  GtkColumnView     *practices_view;
  GListStore        *practice_rows;    /* LpTextRow of LpWorkforceTextPractice */
  GtkLabel          *error_label;
  GtkLabel          *staff_title;
  GtkLabel          *staff_summary;
  GtkWidget         *staff_import_box;
  GtkGrid           *staff_groups_grid;
  GtkWidget         *staff_scroller;
  GtkColumnView     *staff_view;
  GListStore        *staff_rows;       /* LpTextRow of LpWorkforceTextStaff */
  GtkLabel          *staff_note;
  GPtrArray         *shown_staff;      /* the LpTextRow staff_rows shows */

  LpWorkforceResult *result;           /* what the view shows; NULL: nothing */
  GPtrArray         *shown_practices;  /* the LpTextRow practice_rows shows (or is on its way to) */
  char              *shown_role;       /* the role whose fields those rows have; NULL: none */
  LpLocalityChoices  *localities;      /* offered in the locality picker */
  GStrv              role_codes;       /* of the role picker after "All roles" */
  gboolean           updating;
};

const char *lp_workforce_view_role         (LpWorkforceView         *self);
void        lp_workforce_view_setup_tables (LpWorkforceView         *self);
void        lp_workforce_view_show_result  (LpWorkforceView         *self,
                                            const LpWorkforceResult *result);
void        lp_workforce_view_clear_rows   (LpWorkforceView         *self);
void        lp_workforce_view_show_error   (LpWorkforceView         *self,
                                            const char              *message);
gboolean    lp_workforce_view_save_movements (LpWorkforceView       *self,
                                              const char            *ods_code,
                                              const char            *joiners,
                                              const char            *leavers,
                                              const char           **bad_field);

G_END_DECLS
