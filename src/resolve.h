/* resolve.h - one mention per span: the conflict policy between sources.
 *
 * Every stage proposes candidates for a sentence (gazetteer, rules, dates, document
 * aliases, the model). resolve() keeps a non-overlapping subset. The model only
 * fills gaps: every other source is placed before it. Within a tier: longest span first,
 * then higher priority, then source (gazetteer > alias > rule > date > model), then
 * leftmost. The result is sorted by position.
 */
#ifndef NERC_RESOLVE_H
#define NERC_RESOLVE_H

#include <stddef.h>
#include <stdint.h>

#include "nerc.h"

typedef struct candidate {
    uint32_t start, end;      /* byte offsets within the sentence text */
    nerc_type type;
    int priority;             /* 0-100 */
    nerc_source source;
    const char *value;        /* canonical or ISO value; owned by the source stage */
    const char *rule;         /* rule name or NULL */
    float confidence;
} candidate;

/* Default priorities of the built-in sources. */
#define PRIORITY_GAZETTEER 60
#define PRIORITY_ALIAS 65
#define PRIORITY_DATE 70
#define PRIORITY_MODEL 10

/* Sort cand[0..n) by the policy, keep the winners in place (sorted by start) and
 * return how many were kept. */
size_t resolve(candidate *cand, size_t n);

#endif
