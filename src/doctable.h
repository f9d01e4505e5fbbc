/* doctable.h - a document's own alias table: short forms learnt from its text.
 *
 * When a document names "Ron Dermer" or "Iranian Revolutionary Guards (IRGC)", later
 * uses of "Dermer" or "IRGC" resolve to the same canonical. The table lives as long
 * as one document, so each document's output depends on that document alone.
 */
#ifndef NERC_DOCTABLE_H
#define NERC_DOCTABLE_H

#include <stddef.h>

#include "nerc.h"

typedef struct doctable doctable;

doctable *doctable_new(void);
void doctable_free(doctable *t);
/* Forget every entry (a new document), keeping the table's memory. */
void doctable_clear(doctable *t);

/* Map key -> (type, canonical); copies both. A later put for the same key replaces
 * the earlier one (the most recent full name wins). Returns 0 or NERC_ENOMEM. */
int doctable_put(doctable *t, const char *key, size_t key_len, nerc_type type,
                 const char *canonical);

/* Free the canonicals that puts have replaced. Strings from doctable_get stay valid
 * until this call: call it between sentences, when no mention refers to them. */
void doctable_release(doctable *t);

/* The canonical for key, or NULL. */
const char *doctable_get(const doctable *t, const char *key, size_t key_len, nerc_type *type);

size_t doctable_count(const doctable *t);

#endif
