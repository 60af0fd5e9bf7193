/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The merge window's list items.  A change or conflict item points at the
 * window's own LpCopyChange or LpMergeConflict (which outlive the list),
 * and keeps the user's decision: a change included or left out, a
 * conflict's choice, written straight into the conflict so that the same
 * array goes back to lp_plan_merge_copy(). */
#include "config.h"

#include "lp-merge-item.h"

struct _LpMergeItem
{
  GObject           parent_instance;

  LpMergeItemKind   kind;
  char             *text;
  LpCopyChange     *change;          /* not owned */
  LpMergeConflict  *conflict;        /* not owned */
  LpConflictWords  *conflict_words;  /* owned */
  gboolean          included;
  gboolean          decidable;       /* FALSE while its change is left out */
  gboolean          has_base;        /* the value when the copy was taken is known */
};

G_DEFINE_FINAL_TYPE (LpMergeItem, lp_merge_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INCLUDED,
  PROP_CHOICE,
  PROP_DECIDABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lp_merge_item_finalize (GObject *object)
{
  LpMergeItem *self = LP_MERGE_ITEM (object);

  g_free (self->text);
  lp_conflict_words_free (self->conflict_words);
  G_OBJECT_CLASS (lp_merge_item_parent_class)->finalize (object);
}

static void
lp_merge_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LpMergeItem *self = LP_MERGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_INCLUDED:
      g_value_set_boolean (value, self->included);
      break;
    case PROP_CHOICE:
      g_value_set_int (value, lp_merge_item_get_choice (self));
      break;
    case PROP_DECIDABLE:
      g_value_set_boolean (value, self->decidable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_merge_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LpMergeItem *self = LP_MERGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_INCLUDED:
      lp_merge_item_set_included (self, g_value_get_boolean (value));
      break;
    case PROP_CHOICE:
      lp_merge_item_set_choice (self, g_value_get_int (value));
      break;
    case PROP_DECIDABLE:
      lp_merge_item_set_decidable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_merge_item_class_init (LpMergeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lp_merge_item_finalize;
  object_class->get_property = lp_merge_item_get_property;
  object_class->set_property = lp_merge_item_set_property;

  properties[PROP_INCLUDED] =
    g_param_spec_boolean ("included", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOICE] =
    g_param_spec_int ("choice", NULL, NULL, LP_MERGE_UNDECIDED, LP_MERGE_TAKE_COPY, LP_MERGE_UNDECIDED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIDABLE] =
    g_param_spec_boolean ("decidable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_merge_item_init (LpMergeItem *self)
{
  self->included = TRUE;
  self->decidable = TRUE;
}

LpMergeItem *
lp_merge_item_new_heading (const char *text)
{
  LpMergeItem *self = g_object_new (LP_TYPE_MERGE_ITEM, NULL);

  self->kind = LP_MERGE_ITEM_HEADING;
  self->text = g_strdup (text);
  return self;
}

LpMergeItem *
lp_merge_item_new_change (LpCopyChange        *change,
                          const LpChangeWords *words)
{
  LpMergeItem *self = g_object_new (LP_TYPE_MERGE_ITEM, NULL);

  self->kind = LP_MERGE_ITEM_CHANGE;
  self->change = change;
  self->text = g_strdup (words->text);
  return self;
}

/* @words: (transfer full); @has_base: FALSE when the copy is compared
 * with the plan as it is, the moment it was taken being unknown */
LpMergeItem *
lp_merge_item_new_conflict (LpMergeConflict *conflict,
                            LpConflictWords *words,
                            gboolean         has_base)
{
  LpMergeItem *self = g_object_new (LP_TYPE_MERGE_ITEM, NULL);

  self->kind = LP_MERGE_ITEM_CONFLICT;
  self->conflict = conflict;
  self->conflict_words = words;
  self->has_base = has_base;
  self->text = g_strdup (words->subject);
  return self;
}

LpMergeItemKind
lp_merge_item_get_kind (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), LP_MERGE_ITEM_HEADING);
  return self->kind;
}

const char *
lp_merge_item_get_text (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), NULL);
  return self->text;
}

LpCopyChange *
lp_merge_item_get_change (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), NULL);
  return self->change;
}

LpMergeConflict *
lp_merge_item_get_conflict (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), NULL);
  return self->conflict;
}

const LpConflictWords *
lp_merge_item_get_conflict_words (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), NULL);
  return self->conflict_words;
}

gboolean
lp_merge_item_get_included (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), FALSE);
  return self->included;
}

void
lp_merge_item_set_included (LpMergeItem *self,
                            gboolean     included)
{
  g_return_if_fail (LP_IS_MERGE_ITEM (self));

  included = !!included;
  if (self->included == included)
    return;
  self->included = included;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDED]);
}

LpMergeChoice
lp_merge_item_get_choice (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), LP_MERGE_UNDECIDED);
  return self->conflict != NULL ? self->conflict->choice : LP_MERGE_UNDECIDED;
}

void
lp_merge_item_set_choice (LpMergeItem   *self,
                          LpMergeChoice  choice)
{
  g_return_if_fail (LP_IS_MERGE_ITEM (self));
  g_return_if_fail (self->conflict != NULL);

  if (choice == LP_MERGE_TAKE_COPY && !lp_merge_item_get_can_take (self))
    return;
  if (self->conflict->choice == choice)
    return;
  self->conflict->choice = choice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}

/* A change that would break a rule of the plan can only be left out. */
gboolean
lp_merge_item_get_can_take (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), FALSE);
  return self->conflict != NULL && self->conflict->kind != LP_MERGE_CONFLICT_BREAKS_RULE;
}

gboolean
lp_merge_item_get_has_base (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), FALSE);
  return self->has_base;
}

gboolean
lp_merge_item_get_decidable (LpMergeItem *self)
{
  g_return_val_if_fail (LP_IS_MERGE_ITEM (self), FALSE);
  return self->decidable;
}

void
lp_merge_item_set_decidable (LpMergeItem *self,
                             gboolean     decidable)
{
  g_return_if_fail (LP_IS_MERGE_ITEM (self));

  decidable = !!decidable;
  if (self->decidable == decidable)
    return;
  self->decidable = decidable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDABLE]);
}
