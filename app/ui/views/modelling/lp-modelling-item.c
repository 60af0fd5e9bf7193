/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of the Locality Modelling view's long tables (see
 * lp-modelling-item.h).  Its words are copied from lp-modelling-text's, so
 * the table shows exactly what the text's tests check. */
#include "config.h"

#include "lp-modelling-item.h"

struct _LpModellingItem
{
  GObject  parent_instance;

  char    *texts[LP_MODELLING_N_COLUMNS];
  double   figures[LP_MODELLING_N_COLUMNS];   /* what each column sorts by */
};

G_DEFINE_FINAL_TYPE (LpModellingItem, lp_modelling_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * lp_modelling_item_new:
 * @words: the row's words, copied
 * @size: the list size (or a locality's registered patients)
 * @share: the practice's share of its locality; 0 for a locality
 * @activity: (array length=n_horizons): the figures behind @words' cells
 * @bed_days: (array length=n_horizons):
 */
LpModellingItem *
lp_modelling_item_new (const LpModellingPractice *words,
                       gint64                     size,
                       double                     share,
                       guint                      n_horizons,
                       const double              *activity,
                       const double              *bed_days)
{
  LpModellingItem *self;

  g_return_val_if_fail (words != NULL, NULL);
  g_return_val_if_fail (n_horizons <= LP_MODEL_MAX_HORIZONS, NULL);

  self = g_object_new (LP_TYPE_MODELLING_ITEM, NULL);
  self->texts[LP_MODELLING_COLUMN_CODE] = g_strdup (words->code);
  self->texts[LP_MODELLING_COLUMN_NAME] = g_strdup (words->name);
  self->texts[LP_MODELLING_COLUMN_SIZE] = g_strdup (words->list_size);
  self->texts[LP_MODELLING_COLUMN_SHARE] = g_strdup (words->share);
  self->figures[LP_MODELLING_COLUMN_SIZE] = (double) size;
  self->figures[LP_MODELLING_COLUMN_SHARE] = share;
  for (guint h = 0; h < n_horizons; h++)
    {
      guint column = LP_MODELLING_COLUMN_FIGURES + 2 * h;

      self->texts[column] = g_strdup (words->cells[2 * h]);
      self->texts[column + 1] = g_strdup (words->cells[2 * h + 1]);
      self->figures[column] = activity[h];
      self->figures[column + 1] = bed_days[h];
    }
  return self;
}

const char *
lp_modelling_item_get_text (LpModellingItem   *self,
                            LpModellingColumn  column)
{
  g_return_val_if_fail (LP_IS_MODELLING_ITEM (self), NULL);
  g_return_val_if_fail (column < LP_MODELLING_N_COLUMNS, NULL);

  return self->texts[column];
}

int
lp_modelling_item_compare (LpModellingItem   *a,
                           LpModellingItem   *b,
                           LpModellingColumn  column)
{
  g_return_val_if_fail (LP_IS_MODELLING_ITEM (a) && LP_IS_MODELLING_ITEM (b), 0);
  g_return_val_if_fail (column < LP_MODELLING_N_COLUMNS, 0);

  return (a->figures[column] > b->figures[column]) - (a->figures[column] < b->figures[column]);
}

static void
lp_modelling_item_finalize (GObject *object)
{
  LpModellingItem *self = LP_MODELLING_ITEM (object);

  for (guint i = 0; i < LP_MODELLING_N_COLUMNS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (lp_modelling_item_parent_class)->finalize (object);
}

static void
lp_modelling_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LpModellingItem *self = LP_MODELLING_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->texts[LP_MODELLING_COLUMN_CODE]);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->texts[LP_MODELLING_COLUMN_NAME]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lp_modelling_item_class_init (LpModellingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lp_modelling_item_finalize;
  object_class->get_property = lp_modelling_item_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lp_modelling_item_init (LpModellingItem *self)
{
}
