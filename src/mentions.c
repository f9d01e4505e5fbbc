/* mentions.c - titles out of spans, bracketed acronyms, short forms to learn, teams,
 * the model's longer names. */
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
    const char *key = s->keys + t->key;
    for (size_t k = 0; TITLE_WORDS[k]; k++)
        if (TITLE_WORDS[k][0] == key[0] && strlen(TITLE_WORDS[k]) == t->key_len &&
            memcmp(TITLE_WORDS[k], key, t->key_len) == 0)
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

/* ---- sports teams named after places ---------------------------------------------
 * "Pohang 3 Ulsan 2", "Surrey v Kent", "BALTIMORE 70 63 .526 4", "NEW YORK AT
 * CALIFORNIA": a place name that stands for a side in a results line, a fixture or a
 * standings row names a team, which is an organisation. The evidence is the layout of
 * the line (a line break ends it), never the place itself; once read as a team, the
 * name stays one for the rest of the document. */

static int is_name_connector(const sentence *s, uint32_t i);

static int key_is(const sentence *s, uint32_t i, const char *w)
{
    const token *t = &s->tokens[i];
    return strlen(w) == t->key_len && memcmp(w, s->keys + t->key, t->key_len) == 0;
}

/* Digits only, and not a year ("1996" of a dateline). */
static int is_score(const sentence *s, uint32_t i)
{
    const token *t = &s->tokens[i];
    if (!(t->flags & TOK_NUMBER))
        return 0;
    for (uint32_t k = t->start; k < t->end; k++)
        if (s->text[k] < '0' || s->text[k] > '9')
            return 0;
    uint32_t len = t->end - t->start;
    return !(len == 4 && (s->text[t->start] == '1' || s->text[t->start] == '2'));
}

static int is_punct(const sentence *s, uint32_t i, char c)
{
    return (s->tokens[i].flags & TOK_PUNCT) && s->text[s->tokens[i].start] == c;
}

/* "NAME 3" where what follows the number reads as a score, not a quantity. */
static int score_after(const sentence *s, uint32_t b, uint32_t line_end)
{
    if (b + 1 > line_end || !is_score(s, b + 1))
        return 0;
    uint32_t k = b + 2;
    if (k > line_end)
        return 1;
    const token *t = &s->tokens[k];
    if (t->flags & (TOK_NUMBER | TOK_UPPER))
        return 1; /* "Pohang 3 Ulsan 2", "Puchon 3 1 0", "Kent 108-3" */
    if (t->flags & TOK_PUNCT)
        return !is_punct(s, k, '%') && !is_punct(s, k, '$');
    return key_is(s, k, "and") || key_is(s, k, "for") || key_is(s, k, "points") ||
           key_is(s, k, "pts");
}

/* Does the line name a team: the span sits in a results line, a fixture or a row of
 * a standings table? */
static int team_context(const sentence *s, uint32_t a, uint32_t b)
{
    uint32_t ls = a, le = b;
    while (ls > 0 && !(s->tokens[ls].flags & TOK_NEWLINE_BEFORE))
        ls--;
    while (le + 1 < s->n_tokens && !(s->tokens[le + 1].flags & TOK_NEWLINE_BEFORE))
        le++;
    /* inside brackets are players and their figures: "(A. Stewart 40; P. Simmons 4-55)" */
    int open = 0;
    for (uint32_t i = ls; i < a; i++)
        open += is_punct(s, i, '(') - is_punct(s, i, ')');
    if (open > 0)
        return 0;
    /* a fixture: "Surrey v Kent", "Leeds vs. Arsenal" */
    if ((a > ls && (key_is(s, a - 1, "v") || key_is(s, a - 1, "vs"))) ||
        (a > ls + 1 && is_punct(s, a - 1, '.') && key_is(s, a - 2, "vs")) ||
        (b < le && (key_is(s, b + 1, "v") || key_is(s, b + 1, "vs"))))
        return 1;
    /* a schedule in capitals: "NEW YORK AT CALIFORNIA" */
    int caps = 1;
    for (uint32_t i = a; i <= b; i++)
        caps &= (s->tokens[i].flags & (TOK_ALLCAPS | TOK_PUNCT)) != 0;
    if (caps && ((b < le && key_is(s, b + 1, "at") && (s->tokens[b + 1].flags & TOK_ALLCAPS)) ||
                 (a > ls && key_is(s, a - 1, "at") && (s->tokens[a - 1].flags & TOK_ALLCAPS))))
        return 1;
    if (!score_after(s, b, le))
        return 0;
    /* a standings row: the name, then only numbers ("70 63 .526 4", "2 0 1 1 4 5 1") */
    if (a == ls) {
        uint32_t nums = 0, other = 0;
        for (uint32_t i = b + 1; i <= le; i++) {
            if (s->tokens[i].flags & TOK_NUMBER)
                nums++;
            else if (!is_punct(s, i, '.') && !is_punct(s, i, '-'))
                other = 1;
        }
        if (!other && nums >= 3)
            return 1;
    }
    /* a result: another name with a score on the same line ("Pohang 3 Ulsan 2",
     * "Derbyshire 24 points, Worcestershire 5") */
    for (uint32_t j = ls; j < le; j++) {
        if (j >= a && j <= b)
            continue;
        const token *t = &s->tokens[j];
        if ((t->flags & TOK_UPPER) && !(t->flags & TOK_NUMBER) && j + 1 != a &&
            score_after(s, j, le))
            return 1;
    }
    return 0;
}

/* The keys of tokens [a, b] joined by spaces into buf; 0 when they do not fit. */
static size_t span_key(const sentence *s, uint32_t a, uint32_t b, char *buf, size_t cap)
{
    size_t n = 0;
    for (uint32_t i = a; i <= b; i++) {
        const token *t = &s->tokens[i];
        if (n + t->key_len + 1 > cap)
            return 0;
        if (i > a)
            buf[n++] = ' ';
        memcpy(buf + n, s->keys + t->key, t->key_len);
        n += t->key_len;
    }
    return n;
}

static int remember_team(doctable *teams, const sentence *s, uint32_t a, uint32_t b,
                         const char *value)
{
    char key[256];
    size_t klen = span_key(s, a, b, key, sizeof key);
    nerc_type ty;
    if (!klen || doctable_get(teams, key, klen, &ty))
        return 0;
    return doctable_put(teams, key, klen, NERC_ORG, value ? value : "");
}

static int is_team(const doctable *teams, const sentence *s, uint32_t a, uint32_t b)
{
    char key[256];
    size_t klen = span_key(s, a, b, key, sizeof key);
    nerc_type ty;
    return klen && doctable_get(teams, key, klen, &ty) != NULL;
}

static int covered_by(const candidate *c, size_t n, const token *t)
{
    for (size_t k = 0; k < n; k++)
        if (c[k].end > c[k].start && c[k].start < t->end && t->start < c[k].end)
            return 1;
    return 0;
}

size_t team_mentions(doctable *teams, const sentence *s, candidate *c, size_t n, size_t cap,
                     int *err)
{
    *err = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t a, b;
        if (c[i].type != NERC_LOCATION || !token_range(s, c[i].start, c[i].end, &a, &b))
            continue;
        if (!is_team(teams, s, a, b) && !team_context(s, a, b))
            continue;
        c[i].type = NERC_ORG;
        if (remember_team(teams, s, a, b, c[i].value) < 0) {
            *err = NERC_ENOMEM;
            return n;
        }
    }
    /* names nothing else read, in the same places: "Harlequins 75 Gloucester 19",
     * "Queen of South 3 2 0 1 5 4 6" */
    size_t total = n;
    for (uint32_t i = 0; i < s->n_tokens && total < cap; i++) {
        const token *t = &s->tokens[i];
        if (!(t->flags & TOK_UPPER) || (t->flags & TOK_NUMBER) || covered_by(c, total, t))
            continue;
        uint32_t b = i;
        for (uint32_t k = i + 1; k < s->n_tokens; k++) {
            const token *u = &s->tokens[k];
            if ((u->flags & TOK_NEWLINE_BEFORE) || covered_by(c, total, u))
                break;
            if ((u->flags & TOK_UPPER) && !(u->flags & TOK_NUMBER) && !(u->flags & TOK_POSSESSIVE))
                b = k;
            else if (!(k + 1 < s->n_tokens && is_name_connector(s, k) &&
                       (s->tokens[k + 1].flags & TOK_UPPER)))
                break;
        }
        /* "P. Simmons 4-55": an initial starts a player's name */
        int initial = i + 1 < s->n_tokens && t->end - t->start == 1 && is_punct(s, i + 1, '.');
        if (!initial && (is_team(teams, s, i, b) || team_context(s, i, b))) {
            c[total++] = (candidate){t->start, s->tokens[b].end, NERC_ORG, PRIORITY_MODEL,
                                     NERC_SRC_RULE, NULL, "sports.team", 0.7f};
            if (remember_team(teams, s, i, b, NULL) < 0) {
                *err = NERC_ENOMEM;
                return total;
            }
        }
        i = b;
    }
    if (total > n)
        qsort(c, total, sizeof *c, by_start_pos);
    return total;
}

/* ---- the model's longer names ----------------------------------------------------- */

/* Small words inside a name ("Centers for Disease Control", "Sadr City of ..."). */
static int is_name_connector(const sentence *s, uint32_t i)
{
    static const char *const W[] = {"of", "for", "and", "the", "de", "du", "des", "del",
                                    "la", "le", "al", "el", "bin", "van", "von", "der", NULL};
    const token *t = &s->tokens[i];
    if (t->flags & TOK_PUNCT)
        return is_punct(s, i, '.') || is_punct(s, i, '&');
    for (size_t k = 0; W[k]; k++)
        if (key_is(s, i, W[k]))
            return 1;
    return 0;
}

size_t model_extends(const sentence *s, candidate *c, size_t n)
{
    size_t dropped = 0;
    for (size_t m = 0; m < n; m++) {
        uint32_t a, b;
        if (c[m].source != NERC_SRC_MODEL || c[m].end <= c[m].start ||
            !token_range(s, c[m].start, c[m].end, &a, &b))
            continue;
        /* every other candidate it meets lies inside it and is a list or alias match */
        int inside = 0, ok = 1;
        for (size_t k = 0; k < n && ok; k++) {
            if (k == m || c[k].end <= c[k].start || c[k].source == NERC_SRC_MODEL ||
                !(c[k].start < c[m].end && c[m].start < c[k].end))
                continue;
            ok = c[m].start <= c[k].start && c[k].end <= c[m].end &&
                 c[k].end - c[k].start < c[m].end - c[m].start &&
                 (c[k].source == NERC_SRC_GAZETTEER || c[k].source == NERC_SRC_ALIAS) &&
                 (c[k].type == NERC_PERSON || c[k].type == NERC_ORG ||
                  c[k].type == NERC_LOCATION) &&
                 /* a person's name may start a longer name ("Sadr City"); words
                  * before it are offices ("Secretary of State Jane Doe") */
                 (c[k].type != NERC_PERSON || c[m].type == NERC_PERSON ||
                  c[k].start == c[m].start);
            inside += ok;
        }
        if (!ok || !inside)
            continue;
        /* the words it adds are name words: capitalised, not titles */
        int names = 0;
        for (uint32_t i = a; i <= b && ok; i++) {
            int covered = 0;
            for (size_t k = 0; k < n && !covered; k++)
                covered = k != m && c[k].source != NERC_SRC_MODEL && c[k].end > c[k].start &&
                          c[k].start <= s->tokens[i].start && s->tokens[i].end <= c[k].end;
            if (covered)
                continue;
            const token *t = &s->tokens[i];
            if ((t->flags & TOK_UPPER) && !is_title_token(s, i) && !(t->flags & TOK_POSSESSIVE))
                names++;
            else if (!(i > a && i < b && is_name_connector(s, i)))
                ok = 0;
        }
        if (!ok || !names)
            continue;
        for (size_t k = 0; k < n; k++)
            if (k != m && c[k].source != NERC_SRC_MODEL && c[k].end > c[k].start &&
                c[m].start <= c[k].start && c[k].end <= c[m].end) {
                c[k].end = c[k].start; /* resolve() skips empty spans */
                dropped++;
            }
    }
    return dropped;
}
