/* mentions.c - titles out of spans, bracketed acronyms, short forms to learn. */
#include "mentions.h"

#include <stdlib.h>
#include <string.h>

/* Token index range covering bytes [start, end) of the sentence; 0 if none. */
int token_range(const sentence *s, uint32_t start, uint32_t end, uint32_t *first,
                       uint32_t *last)
{
    size_t i = 0;
    while (i < s->n_tokens && s->tokens[i].end <= start)
        i++;
    if (i == s->n_tokens || s->tokens[i].start >= end)
        return 0;
    size_t j = i;
    while (j + 1 < s->n_tokens && s->tokens[j + 1].start < end)
        j++;
    *first = (uint32_t)i;
    *last = (uint32_t)j;
    return 1;
}

static const char *const TITLE_WORDS[] = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "lt",
    "col", "gen", "maj", "brig", "adm", "capt", "sgt", "cpl", "cmdr", "rev", "sen",
    "rep", "gov", "general", "colonel", "lieutenant", "major", "captain", "admiral",
    "sergeant", "commander", "marshal", "brigadier", "rear", "president", "minister",
    "premier", "chancellor", "king", "queen", "prince", "princess", "emir", "sheikh",
    "sultan", "ayatollah", "imam", "pope", "cardinal", "rabbi", "senator", "governor",
    "mayor", "ambassador", "judge", "justice", "chief", "secretary", "spokesman",
    "spokeswoman", "spokesperson", "prime", "supreme", "foreign", "defence", "defense",
    "deputy", "vice", NULL};

int is_title_token(const sentence *s, uint32_t i)
{
    const token *t = &s->tokens[i];
    if ((t->flags & TOK_PUNCT) && s->text[t->start] == '.')
        return 1; /* the stop of "Lt." */
    for (size_t k = 0; TITLE_WORDS[k]; k++)
        if (strlen(TITLE_WORDS[k]) == t->key_len &&
            memcmp(TITLE_WORDS[k], s->keys + t->key, t->key_len) == 0)
            return 1;
    return 0;
}

/* Titles and ranks stay outside a person's span ("Lt Col X" gives X). */
void trim_leading_titles(const sentence *s, uint32_t *first, uint32_t last)
{
    while (*first < last && is_title_token(s, *first))
        (*first)++;
}

/* Words that end a person's name without being the surname. */
static int is_name_suffix(const char *k, size_t n)
{
    static const char *const SUFFIX[] = {"jr", "sr", "ii", "iii", "iv", NULL};
    for (size_t i = 0; SUFFIX[i]; i++)
        if (strlen(SUFFIX[i]) == n && memcmp(SUFFIX[i], k, n) == 0)
            return 1;
    return 0;
}

/* The all-capitals token of "( ACRONYM )" right after the name of tokens [a, b], or
 * NULL. The acronym must begin with the name's initial, so "Europe (OSCE)" at the end
 * of a longer unknown name is not read as a definition. */
static const token *bracketed_acronym(const sentence *s, uint32_t a, uint32_t b)
{
    if ((size_t)b + 3 >= s->n_tokens)
        return NULL;
    if (s->keys[s->tokens[a].key] != s->keys[s->tokens[b + 2].key])
        return NULL;
    const token *open = &s->tokens[b + 1], *acr = &s->tokens[b + 2], *close = &s->tokens[b + 3];
    if (s->text[open->start] != '(' || s->text[close->start] != ')' ||
        !(acr->flags & TOK_ALLCAPS) || acr->end - acr->start < 2)
        return NULL;
    return acr;
}

static int by_start_pos(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* "Iranian Revolutionary Guards (IRGC)": the acronym is a mention of its own, with
 * the name's type and canonical, unless something already covers it. */
size_t add_bracket_acronyms(const sentence *s, candidate *c, size_t n, size_t cap)
{
    size_t total = n;
    for (size_t i = 0; i < n && total < cap; i++) {
        uint32_t a, b;
        if (c[i].type == NERC_PERSON || c[i].type == NERC_DATE || c[i].type == NERC_DEMONYM ||
            c[i].type == NERC_NONE ||
            !token_range(s, c[i].start, c[i].end, &a, &b))
            continue;
        const token *acr = bracketed_acronym(s, a, b);
        if (!acr)
            continue;
        int covered = 0;
        for (size_t k = 0; k < total && !covered; k++) {
            covered = c[k].start < acr->end && acr->start < c[k].end;
            /* the model saw a name in "(SAF)" but not whose: the name before says */
            if (covered && c[k].source == NERC_SRC_MODEL && c[k].start == acr->start &&
                c[k].end == acr->end)
                c[k] = (candidate){acr->start, acr->end, c[i].type, c[i].priority,
                                   NERC_SRC_ALIAS, c[i].value, NULL, 0.9f};
        }
        if (!covered)
            c[total++] = (candidate){acr->start, acr->end, c[i].type, c[i].priority,
                                     NERC_SRC_ALIAS, c[i].value, NULL, 0.9f};
    }
    if (total > n)
        qsort(c, total, sizeof *c, by_start_pos);
    return total;
}

/* Learn from the sentence's resolved mentions: surnames of full person names, and
 * acronyms defined in brackets, so that later short forms resolve. */
int learn_aliases(doctable *aliases, const sentence *s, const candidate *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t a, b;
        if (!token_range(s, c[i].start, c[i].end, &a, &b))
            continue;
        if (c[i].type == NERC_PERSON && b > a) {
            uint32_t last = b;
            while (last > a && ((s->tokens[last].flags & TOK_PUNCT) || /* the stop of "Jr." */
                                is_name_suffix(s->keys + s->tokens[last].key, s->tokens[last].key_len)))
                last--;
            const token *t = &s->tokens[last];
            if ((t->flags & TOK_UPPER) && t->key_len > 2 &&
                doctable_put(aliases, s->keys + t->key, t->key_len, NERC_PERSON, c[i].value) < 0)
                return NERC_ENOMEM;
            /* "Lai Ching-te", "Moon Jae-in": a hyphenated given name after the first
             * word marks an East Asian name, whose family name comes first */
            int joined_given = 0;
            for (uint32_t k = a + 2; k <= b; k++)
                joined_given |= (s->tokens[k].flags & TOK_JOINED) != 0;
            const token *f = &s->tokens[a];
            if (joined_given && (f->flags & TOK_UPPER) && f->key_len >= 2 &&
                doctable_put(aliases, s->keys + f->key, f->key_len, NERC_PERSON, c[i].value) < 0)
                return NERC_ENOMEM;
        }
        /* NAME ( ACRONYM ) */
        const token *acr = bracketed_acronym(s, a, b);
        if (acr && c[i].type != NERC_PERSON && c[i].type != NERC_DATE &&
            doctable_put(aliases, s->keys + acr->key, acr->key_len, c[i].type, c[i].value) < 0)
            return NERC_ENOMEM;
    }
    return 0;
}
