/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lp-core.h"

G_BEGIN_DECLS

/* The app's one edit dialog.  It owns what every editor shares: a modal
 * window over the app's, Cancel and Save in its header bar (Escape
 * cancels; Enter in a field and Ctrl+S save; Save is off while a required
 * field is empty or nothing can be saved), a preferences page, core's
 * reason for a refusal under the field it names (or at the top when it
 * names none), the undo step's name, and the "saved" signal.
 *
 * A subclass declares its fields, as rows in its template's preferences
 * groups and a table naming them by core's keys, and implements save():
 * hand the text as typed to core's save function.  The subclass parses
 * nothing; core does. */

#define LP_TYPE_EDIT_DIALOG (lp_edit_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (LpEditDialog, lp_edit_dialog, LP, EDIT_DIALOG, AdwWindow)

struct _LpEditDialogClass
{
  AdwWindowClass parent_class;

  /* Hands the form to core.  @id holds the row edited (0: a new one) and
   * is set to the row saved; on a refusal, returns FALSE with @error set
   * and @bad_field the key of the field refused (NULL: no one field). */
  gboolean (*save) (LpEditDialog  *self,
                    gint64        *id,
                    const char   **bad_field,
                    GError       **error);

  gpointer padding[4];
};

/* One field of a subclass's template. */
typedef struct {
  const char *key;        /* core's name for it, an LP_FIELD_* key */
  const char *row;        /* the id of its AdwEntryRow or AdwComboRow */
  gboolean    required;   /* Save waits until it holds something */
} LpEditField;

/* The words shown for a key core stores. */
typedef const char *(*LpKeyLabelFunc) (const char *key);

/* After gtk_widget_class_set_template_from_resource(). */
void         lp_edit_dialog_class_add_fields (LpEditDialogClass  *klass,
                                              const LpEditField  *fields,
                                              guint               n_fields);

void         lp_edit_dialog_present        (LpEditDialog       *self,
                                            GtkWidget          *from);
LpPlan      *lp_edit_dialog_get_plan       (LpEditDialog       *self);
gint64       lp_edit_dialog_get_id         (LpEditDialog       *self);
const char  *lp_edit_dialog_get_undo_label (LpEditDialog       *self);
void         lp_edit_dialog_set_undo_label (LpEditDialog       *self,
                                            const char         *label);
void         lp_edit_dialog_set_subtitle   (LpEditDialog       *self,
                                            const char         *subtitle);
void         lp_edit_dialog_set_save_label (LpEditDialog       *self,
                                            const char         *label);
gboolean     lp_edit_dialog_get_can_save   (LpEditDialog       *self);

/* For fields laid out at run time, one a locality or a horizon. */
void         lp_edit_dialog_add_group      (LpEditDialog        *self,
                                            AdwPreferencesGroup *group);
void         lp_edit_dialog_add_field      (LpEditDialog       *self,
                                            const char         *key,
                                            GtkWidget          *row,
                                            gboolean            required);

GtkWidget   *lp_edit_dialog_get_field      (LpEditDialog       *self,
                                            const char         *key);
const char  *lp_edit_dialog_get_text       (LpEditDialog       *self,
                                            const char         *key);
void         lp_edit_dialog_set_text       (LpEditDialog       *self,
                                            const char         *key,
                                            const char         *text);
void         lp_edit_dialog_set_keys       (LpEditDialog       *self,
                                            const char         *key,
                                            const char *const  *keys,
                                            LpKeyLabelFunc      label,
                                            const char         *selected);
const char  *lp_edit_dialog_get_key        (LpEditDialog       *self,
                                            const char         *key);

void         lp_edit_dialog_show_error     (LpEditDialog       *self,
                                            const char         *key,
                                            const char         *message);
void         lp_edit_dialog_clear_errors   (LpEditDialog       *self);
const char  *lp_edit_dialog_get_error      (LpEditDialog       *self,
                                            const char         *key);
void         lp_edit_dialog_set_unavailable (LpEditDialog      *self,
                                             const char        *message);

gboolean     lp_edit_dialog_save           (LpEditDialog       *self);

G_END_DECLS
