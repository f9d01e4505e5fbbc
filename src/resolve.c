/* resolve.c - the conflict policy. */
#include "resolve.h"

#include <stdlib.h>

static int source_rank(nerc_source s)
{
    switch (s) {
    case NERC_SRC_GAZETTEER: return 0;
    case NERC_SRC_ALIAS: return 1;
    case NERC_SRC_RULE: return 2;
    case NERC_SRC_DATE: return 3;
    case NERC_SRC_MODEL: return 4;
    }
    return 5;
}

/* Type order for equal spans from equal sources: the more specific type wins. */
static int type_rank(nerc_type t)
{
    switch (t) {
    case NERC_DATE: return 0;
    case NERC_AGREEMENT: return 1;
    case NERC_WEAPON: return 2;
    case NERC_ORG: return 3;
    case NERC_PERSON: return 4;
    case NERC_LOCATION: return 5;
    case NERC_DEMONYM: return 6;
    case NERC_NONE: return 7;
    default: return 7;
    }
}

static int by_policy(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    /* The model only fills gaps: lists, rules and dates are placed first. */
    int ma = a->source == NERC_SRC_MODEL, mb = b->source == NERC_SRC_MODEL;
    if (ma != mb)
        return ma - mb;
    uint32_t la = a->end - a->start, lb = b->end - b->start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->priority != b->priority)
        return a->priority > b->priority ? -1 : 1;
    int sa = source_rank(a->source), sb = source_rank(b->source);
    if (sa != sb)
        return sa - sb;
    int ta = type_rank(a->type), tb = type_rank(b->type);
    if (ta != tb)
        return ta - tb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return 0;
}

static int by_start(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : (a->end > b->end);
}

size_t resolve(candidate *cand, size_t n)
{
    if (n == 0)
        return 0;
    qsort(cand, n, sizeof *cand, by_policy);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        const candidate *c = &cand[i];
        if (c->end <= c->start)
            continue;
        int clash = 0;
        for (size_t k = 0; k < kept && !clash; k++)
            clash = c->start < cand[k].end && cand[k].start < c->end;
        if (!clash)
            cand[kept++] = *c;
    }
    qsort(cand, kept, sizeof *cand, by_start);
    return kept;
}
