/* doctable.c - open-addressing hash of strdup'd keys. */
#include "doctable.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct slot {
    char *key; /* NULL: empty */
    size_t key_len;
    char *canonical;
    nerc_type type;
} slot;

struct doctable {
    slot *slots;
    size_t cap, count;
    char **retired; /* replaced canonicals: callers may still hold them (see put) */
    size_t n_retired, cap_retired;
};

doctable *doctable_new(void)
{
    doctable *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->cap = 64;
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->slots) {
        free(t);
        return NULL;
    }
    return t;
}

void doctable_clear(doctable *t)
{
    if (!t)
        return;
    if (t->count) {
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].key) {
                free(t->slots[i].key);
                free(t->slots[i].canonical);
                t->slots[i] = (slot){0};
            }
        t->count = 0;
    }
    doctable_release(t);
}

void doctable_free(doctable *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->cap; i++) {
        free(t->slots[i].key);
        free(t->slots[i].canonical);
    }
    free(t->slots);
    for (size_t i = 0; i < t->n_retired; i++)
        free(t->retired[i]);
    free(t->retired);
    free(t);
}

static slot *find(const doctable *t, const char *key, size_t n)
{
    size_t mask = t->cap - 1;
    for (size_t i = util_hash(0, key, n) & mask;; i = (i + 1) & mask) {
        slot *s = &t->slots[i];
        if (!s->key || (s->key_len == n && memcmp(s->key, key, n) == 0))
            return s;
    }
}

static int grow(doctable *t)
{
    doctable bigger = {calloc(t->cap * 2, sizeof(slot)), t->cap * 2, t->count,
                       t->retired, t->n_retired, t->cap_retired};
    if (!bigger.slots)
        return NERC_ENOMEM;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].key)
            *find(&bigger, t->slots[i].key, t->slots[i].key_len) = t->slots[i];
    free(t->slots);
    *t = bigger;
    return 0;
}

int doctable_put(doctable *t, const char *key, size_t n, nerc_type type, const char *canonical)
{
    if ((t->count + 1) * 2 > t->cap && grow(t) < 0)
        return NERC_ENOMEM;
    slot *s = find(t, key, n);
    if (s->key && s->type == type && strcmp(s->canonical, canonical) == 0)
        return 0; /* unchanged (and canonical may be the very string stored here) */
    /* A canonical handed out by doctable_get may still be in use by the caller (the
     * mentions of the sentence being learnt from), so a replaced one is kept until
     * doctable_release (the next sentence) instead of being freed here. */
    if (s->key && t->n_retired == t->cap_retired) {
        size_t nc = t->cap_retired ? t->cap_retired * 2 : 16;
        char **r = realloc(t->retired, nc * sizeof *r);
        if (!r)
            return NERC_ENOMEM;
        t->retired = r;
        t->cap_retired = nc;
    }
    char *c = strdup(canonical);
    if (!c)
        return NERC_ENOMEM;
    if (!s->key) {
        s->key = malloc(n + 1);
        if (!s->key) {
            free(c);
            return NERC_ENOMEM;
        }
        memcpy(s->key, key, n);
        s->key[n] = '\0';
        s->key_len = n;
        t->count++;
    }
    if (s->canonical)
        t->retired[t->n_retired++] = s->canonical;
    s->canonical = c;
    s->type = type;
    return 0;
}

const char *doctable_get(const doctable *t, const char *key, size_t n, nerc_type *type)
{
    const slot *s = find(t, key, n);
    if (!s->key)
        return NULL;
    if (type)
        *type = s->type;
    return s->canonical;
}

void doctable_release(doctable *t)
{
    for (size_t i = 0; i < t->n_retired; i++)
        free(t->retired[i]);
    t->n_retired = 0;
}

size_t doctable_count(const doctable *t)
{
    return t->count;
}
