/* claims.h - dated claims: who did or said what, to whom, and when.
 *
 * Runs on one sentence at a time, after mentions are resolved. A `claims` object
 * holds the predicate lexicon (models/predicates.tsv), immutable and shared; a
 * `claims_state` is per document (recent entities for pronouns and roles).
 */
#ifndef NERC_CLAIMS_H
#define NERC_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "nerc.h"
#include "tokenizer.h"

typedef struct claims claims;
typedef struct claims_state claims_state;

/* A resolved mention of the sentence, DATE mentions included (value = ISO). */
typedef struct claim_mention {
    uint32_t start, end;          /* byte offsets within the sentence text */
    uint32_t first_tok, last_tok; /* tokens covered, inclusive */
    nerc_type type;
    const char *value;            /* canonical name or ISO value */
    nerc_source source;
} claim_mention;

/* Load the lexicon from data_dir/models. Returns 0 or a negative NERC_E* with a
 * message ("PATH:LINE: reason") in err. */
int claims_new(const char *data_dir, claims **out, char *err, size_t errlen);
void claims_free(claims *c);

/* Options, set once after claims_new and before the object is shared.
 * keep_unresolved: a pronoun or role subject (`he`, `the minister`) that cannot be
 *   resolved safely gives a claim with subject = those words, subject_type
 *   UNRESOLVED and confidence <= 0.3, instead of no claim (default: off).
 * keep_hedged: negated (`did not join`) and modal (`may strike`, `will respond`)
 *   claims are emitted with their polarity and modality (default: off; they name
 *   no event that took place). */
void claims_set_keep_unresolved(claims *c, int on);
void claims_set_keep_hedged(claims *c, int on);

claims_state *claims_state_new(void);
void claims_state_free(claims_state *st);
/* Forget the document (its remembered subjects and titles) before the next one. */
void claims_state_reset(claims_state *st);

typedef int (*claims_emit_fn)(void *user, const nerc_triple *t);

/* Find the claims and attribute triples of one sentence (mentions sorted by start)
 * and pass each to emit. Triple offsets are document offsets (s->start based).
 * Returns 0, NERC_ENOMEM, or NERC_ECALLBACK when emit asked to stop. */
int claims_extract(const claims *c, claims_state *st, const sentence *s,
                   const claim_mention *m, size_t nm, claims_emit_fn emit, void *user);

#endif
