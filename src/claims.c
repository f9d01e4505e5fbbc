/* claims.c - dated claims: who did or said what, to whom, and when.
 *
 * A shallow, rule-based extractor (no parser). For each sentence:
 *   1. predicate tokens are found in the lexicon (models/predicates.tsv), longest
 *      form first, outside entity mentions and outside quoted words;
 *   2. each one is read as a nominal event when an entity owns it (`Israel's
 *      attack`, `the death of X`, `help from X`), otherwise as a verb with its
 *      auxiliaries, negation and modal to the left;
 *   3. the subject of a verb is the entity right before the verb group (with
 *      coordination, appositions, relative pronouns, actor nouns such as
 *      `Houthi fighters`, and pronouns/roles resolved from the document so far);
 *      passives take the doer named in their `by` phrase;
 *   4. the sentence is cut into clauses at punctuation and subordinating words;
 *      an event takes the DATE of its own clause, else a fronted date; events
 *      joined by `when` share a date; a dateline's date (`KYIV, May 2 (Reuters) -`)
 *      and a deadline (`by 2030`) date nothing;
 *   5. the object runs to the clause end; for statements it is the reported or
 *      quoted words, and events inside them are not extracted on their own.
 * Attribute triples come from titles and appositions next to PERSON mentions.
 */
#include "claims.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* --------------------------------------------------------- word lists */

static const char *const W_BE[] = {"is", "are", "was", "were", "be", "been", "being", "am", NULL};
static const char *const W_HAVE[] = {"has", "have", "had", "having", NULL};
static const char *const W_DO[] = {"do", "does", "did", NULL};
static const char *const W_MODAL[] = {"will", "would", "can", "could", "may", "might", "shall",
                                      "should", "must", NULL};
static const char *const W_ADV[] = {
    "also", "already", "still", "just", "now", "then", "reportedly", "allegedly", "further",
    "again", "recently", "previously", "later", "finally", "jointly", "officially", "formally",
    "repeatedly", "publicly", "once", "ever", "even", "only", "first", "subsequently",
    "immediately", "effectively", "largely", "both", "either", "quickly", "soon", "since",
    "apparently", "initially", "eventually", "instead", "meanwhile", "separately", "too", "swiftly", "long", "not", "never",
    "no", "longer", "yet", "all", "last", "successfully", "openly", "secretly", NULL};
static const char *const W_PREP[] = {
    "of", "in", "on", "at", "for", "from", "with", "by", "to", "against", "into", "within",
    "near", "over", "under", "between", "among", "across", "through", "toward", "towards",
    "about", "like", "than", "after", "before", "during", "since", "including", "via", "upon",
    "without", "amid", "despite", "onto", "behind", "beyond", "per", "except", "unlike",
    "regarding", "around", "throughout", "outside", "inside", "along", NULL};
static const char *const W_DET[] = {"the", "a", "an", "this", "these", "those", "its", "his",
                                    "her", "their", "our", "my", "your", "some", "any", "no",
                                    "every", "each", NULL};
static const char *const W_SUBORD[] = {"when", "while", "whereas", "although", "though",
                                       "because", "if", "unless", "which", "who", "whom",
                                       "whose", "where", "that", "but", "whether", NULL};

static const char *const PARTNER_WORDS[] = {"counterpart", "counterparts", "colleague",
                                            "ally", "host", "guest", "successor",
                                            "predecessor", "rival", "deputy", NULL};
static const char *const POSSESSIVE_PRONOUNS[] = {"his", "her", "their", "its", NULL};
static const char *const RANKS[] = {"lt", "col", "gen", "maj", "brig", "adm", "capt",
                                    "sgt", "cpl", "cmdr", "dr", "mr", "mrs", "ms", "prof",
                                    "rev", "sen", "rep", "gov", "general", "colonel",
                                    "admiral", "major", "captain", "lieutenant", "sergeant",
                                    "brigadier", "commander", "marshal", "field", "sheikh",
                                    NULL};
/* pronouns that stand for a speaker left unresolved ("he said") */
static const char *const SPEAKER_PRONOUNS[] = {"he", "she", "they", "we", "i", NULL};
/* pronouns that make a clause of the words around them */
static const char *const SUBJECT_PRONOUNS[] = {"he", "she", "it", "they", "we", "i", NULL};
static const char *const TIME_NOUNS[] = {"evening", "morning", "night", "afternoon", "day",
                                         "week", "month", "year", "time", "weekend", NULL};
/* words after a plural noun ending in -s: "sanctions on", "sanctions were" */
static const char *const NOUN_NEXT[] = {"on", "against", "in", "of", "under", "for",
                                        "from", "with", "were", "was", "are", "is",
                                        "remain", "remained", "have", "had", "lifted",
                                        "imposed", NULL};

/* The lists above as bits, so that a token's memberships are found with one lookup. */
enum {
    L_BE = 1 << 0,
    L_HAVE = 1 << 1,
    L_DO = 1 << 2,
    L_MODAL = 1 << 3,
    L_ADV = 1 << 4,
    L_PREP = 1 << 5,
    L_DET = 1 << 6,
    L_SUBORD = 1 << 7,
    L_PARTNER = 1 << 8,
    L_POSSESSIVE = 1 << 9,
    L_RANK = 1 << 10,
    L_SPEAKER_PRONOUN = 1 << 11,
    L_SUBJECT_PRONOUN = 1 << 12,
    L_TIME_NOUN = 1 << 13,
    L_NOUN_NEXT = 1 << 14
};

static const struct {
    const char *const *words;
    uint32_t bit;
} WORD_LISTS[] = {
    {W_BE, L_BE},
    {W_HAVE, L_HAVE},
    {W_DO, L_DO},
    {W_MODAL, L_MODAL},
    {W_ADV, L_ADV},
    {W_PREP, L_PREP},
    {W_DET, L_DET},
    {W_SUBORD, L_SUBORD},
    {PARTNER_WORDS, L_PARTNER},
    {POSSESSIVE_PRONOUNS, L_POSSESSIVE},
    {RANKS, L_RANK},
    {SPEAKER_PRONOUNS, L_SPEAKER_PRONOUN},
    {SUBJECT_PRONOUNS, L_SUBJECT_PRONOUN},
    {TIME_NOUNS, L_TIME_NOUN},
    {NOUN_NEXT, L_NOUN_NEXT},
};

/* ------------------------------------------------------------ lexicon */

enum { F_BASE = 1, F_S3 = 2, F_PAST = 4, F_PP = 8, F_ING = 16, F_NOUN = 32 };
enum { NP_NONE = 0, NP_OF = 1, NP_FROM = 2 }; /* which phrase names a noun's subject */
enum { CL_EVENT = 0, CL_SPEECH = 1, CL_ATTITUDE = 2 };
enum { W_TITLE = 1, W_ACTOR = 2, W_ORG = 4, W_PLACE = 8 };

typedef struct lex_entry {
    uint32_t key_off, key_len; /* normalised form, tokens joined by one space */
    int32_t val;               /* lemma index (predicates) or W_* mask (words) */
    uint16_t mask;             /* F_* */
    uint8_t noun_prep;         /* NP_* */
} lex_entry;

typedef struct lex_table {
    lex_entry *slots; /* open addressing; key_len 0 = empty */
    size_t cap, n;
} lex_table;

/* What the stage knows of one word (a token's key): looked up once per token of a
 * sentence, so that the many questions asked of a token are array reads. */
typedef struct word_info {
    uint32_t key_off, key_len; /* key_len 0 = empty slot */
    uint32_t lists;            /* L_*: the word lists holding the word */
    int32_t word_class;        /* W_* from claims_words.tsv */
    const lex_entry *pred;     /* the predicate form equal to the word, or NULL */
    int longest_form;          /* tokens of the longest predicate form opening with the word */
} word_info;

typedef struct word_table {
    word_info *slots; /* open addressing; key_len 0 = empty */
    size_t cap, n;
} word_table;

typedef struct lemma {
    uint32_t name_off;
    int cls;
} lemma;

struct claims {
    strpool strings; /* keys and lemma names, NUL-terminated */
    lemma *lemmas;
    size_t n_lemmas, cap_lemmas;
    lex_table preds, words;
    word_table vocab;  /* every word of the lexicon and of the word lists */
    word_info unknown; /* what a word outside vocab is: on no list, in no class */
    int max_form_tokens;
    int keep_unresolved; /* emit unresolvable pronoun/role subjects as UNRESOLVED */
    int keep_hedged;     /* emit negated and modal (irrealis) claims */
};

void claims_set_keep_unresolved(claims *c, int on)
{
    if (c)
        c->keep_unresolved = on != 0;
}

void claims_set_keep_hedged(claims *c, int on)
{
    if (c)
        c->keep_hedged = on != 0;
}

static const lex_entry *lex_find(const claims *c, const lex_table *t, const char *k, size_t n)
{
    if (!t->cap || !n)
        return NULL;
    size_t i = (size_t)util_hash(0, k, n) & (t->cap - 1);
    while (t->slots[i].key_len) {
        const lex_entry *e = &t->slots[i];
        if (e->key_len == n && memcmp(c->strings.buf + e->key_off, k, n) == 0)
            return e;
        i = (i + 1) & (t->cap - 1);
    }
    return NULL;
}

static int lex_grow(const claims *c, lex_table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 1024;
    lex_entry *s = calloc(cap, sizeof *s);
    if (!s)
        return NERC_ENOMEM;
    for (size_t j = 0; j < t->cap; j++) {
        if (!t->slots[j].key_len)
            continue;
        size_t i = (size_t)util_hash(0, c->strings.buf + t->slots[j].key_off, t->slots[j].key_len) & (cap - 1);
        while (s[i].key_len)
            i = (i + 1) & (cap - 1);
        s[i] = t->slots[j];
    }
    free(t->slots);
    t->slots = s;
    t->cap = cap;
    return 0;
}

/* Add or merge key -> (val, mask). A key already owned by another lemma keeps it. */
static int lex_put(claims *c, lex_table *t, const char *k, size_t n, int32_t val, uint16_t mask,
                   uint8_t prep, int merge_val)
{
    lex_entry *e = (lex_entry *)lex_find(c, t, k, n);
    if (e) {
        if (merge_val)
            e->val |= val;
        else if (e->val != val)
            return 0;
        e->mask |= mask;
        if (prep)
            e->noun_prep = prep;
        return 0;
    }
    if ((t->n + 1) * 2 > t->cap && lex_grow(c, t) < 0)
        return NERC_ENOMEM;
    int64_t off = strpool_add(&c->strings, k, n);
    if (off < 0)
        return (int)off;
    size_t i = (size_t)util_hash(0, k, n) & (t->cap - 1);
    while (t->slots[i].key_len)
        i = (i + 1) & (t->cap - 1);
    t->slots[i] = (lex_entry){(uint32_t)off, (uint32_t)n, val, mask, prep};
    t->n++;
    return 0;
}

/* Normalised key of a (multi-word) form: token keys joined by single spaces. */
static int form_key(token_buf *tb, const char *s, size_t n, char *out, size_t cap, size_t *outn,
                    int *ntok)
{
    if (tokenize(s, n, tb) < 0)
        return NERC_ENOMEM;
    size_t len = 0;
    for (size_t i = 0; i < tb->n; i++) {
        const token *t = &tb->tokens[i];
        if (len + t->key_len + 1 >= cap)
            return NERC_EFORMAT;
        if (i)
            out[len++] = ' ';
        memcpy(out + len, tb->keys + t->key, t->key_len);
        len += t->key_len;
    }
    *outn = len;
    *ntok = (int)tb->n;
    return tb->n ? 0 : NERC_EFORMAT;
}

/* Hash of a word key (n >= 1) from its first and last bytes: a fixed cost whatever the
 * length, as every token of every sentence is looked up. Words that share both ends
 * collide, and are told apart by the key comparison. */
static inline uint32_t word_hash(const char *k, size_t n)
{
    uint64_t a, b;
    if (n >= 8) {
        memcpy(&a, k, 8);
        memcpy(&b, k + n - 8, 8);
    } else if (n >= 4) {
        uint32_t a4, b4;
        memcpy(&a4, k, 4);
        memcpy(&b4, k + n - 4, 4);
        a = a4;
        b = b4;
    } else {
        a = (uint64_t)(unsigned char)k[0] << 16 | (uint64_t)(unsigned char)k[n / 2] << 8 |
            (unsigned char)k[n - 1];
        b = 0;
    }
    uint64_t h = (a ^ (b << 29 | b >> 35) ^ n) * 0x9E3779B97F4A7C15u;
    return (uint32_t)(h >> 32);
}

static inline const word_info *vocab_find(const claims *c, const char *k, size_t n)
{
    const word_table *t = &c->vocab;
    if (!t->cap || !n)
        return NULL;
    size_t i = (size_t)word_hash(k, n) & (t->cap - 1);
    while (t->slots[i].key_len) {
        const word_info *w = &t->slots[i];
        if (w->key_len == n) {
            /* words are short: comparing in place beats a call to memcmp */
            const char *wk = c->strings.buf + w->key_off;
            size_t j = 0;
            while (j < n && wk[j] == k[j])
                j++;
            if (j == n)
                return w;
        }
        i = (i + 1) & (t->cap - 1);
    }
    return NULL;
}

/* The entry of key k[0, n) (n >= 1, not a pointer into c->strings), added on no
 * list and in no class when missing; NULL when out of memory. Good until the next
 * call. */
static word_info *vocab_get(claims *c, const char *k, size_t n)
{
    word_table *t = &c->vocab;
    word_info *w = (word_info *)vocab_find(c, k, n);
    if (w)
        return w;
    if ((t->n + 1) * 4 > t->cap) { /* kept at most a quarter full: most lookups miss */
        size_t cap = t->cap ? t->cap * 2 : 1024;
        word_info *s = calloc(cap, sizeof *s);
        if (!s)
            return NULL;
        for (size_t j = 0; j < t->cap; j++) {
            if (!t->slots[j].key_len)
                continue;
            size_t i = (size_t)word_hash(c->strings.buf + t->slots[j].key_off,
                                         t->slots[j].key_len) & (cap - 1);
            while (s[i].key_len)
                i = (i + 1) & (cap - 1);
            s[i] = t->slots[j];
        }
        free(t->slots);
        t->slots = s;
        t->cap = cap;
    }
    int64_t off = strpool_add(&c->strings, k, n);
    if (off < 0)
        return NULL;
    size_t i = (size_t)word_hash(k, n) & (t->cap - 1);
    while (t->slots[i].key_len)
        i = (i + 1) & (t->cap - 1);
    t->slots[i] = (word_info){(uint32_t)off, (uint32_t)n, 0, 0, NULL, 0};
    t->n++;
    return &t->slots[i];
}

/* The vocab entry of lexicon entry e, its key copied to key (256 bytes): adding to
 * the pool may move the keys already in it. NULL with *rc set on failure. */
static word_info *vocab_of_entry(claims *c, const lex_entry *e, char *key, int *rc)
{
    if (e->key_len >= 256) {
        *rc = NERC_EFORMAT;
        return NULL;
    }
    memcpy(key, c->strings.buf + e->key_off, e->key_len);
    word_info *w = vocab_get(c, key, e->key_len);
    if (!w)
        *rc = NERC_ENOMEM;
    return w;
}

/* Fill vocab from the loaded lexicons and the word lists. The predicate table must
 * not change afterwards: vocab points into it. */
static int build_vocab(claims *c)
{
    c->unknown = (word_info){0, 0, 0, 0, NULL, 0};
    char key[256];
    int rc = 0;
    for (size_t j = 0; j < c->preds.cap; j++) {
        const lex_entry *e = &c->preds.slots[j];
        if (!e->key_len)
            continue;
        word_info *w = vocab_of_entry(c, e, key, &rc);
        if (!w)
            return rc;
        w->pred = e;
        /* the first word opens a form of (spaces + 1) tokens */
        const char *space = memchr(key, ' ', e->key_len);
        int tokens = 1;
        for (size_t q = 0; q < e->key_len; q++)
            tokens += key[q] == ' ';
        if (space && !(w = vocab_get(c, key, (size_t)(space - key))))
            return NERC_ENOMEM;
        if (tokens > w->longest_form)
            w->longest_form = tokens;
    }
    for (size_t j = 0; j < c->words.cap; j++) {
        const lex_entry *e = &c->words.slots[j];
        if (!e->key_len)
            continue;
        word_info *w = vocab_of_entry(c, e, key, &rc);
        if (!w)
            return rc;
        w->word_class = e->val;
    }
    for (size_t l = 0; l < sizeof WORD_LISTS / sizeof WORD_LISTS[0]; l++)
        for (const char *const *p = WORD_LISTS[l].words; *p; p++) {
            word_info *w = vocab_get(c, *p, strlen(*p));
            if (!w)
                return NERC_ENOMEM;
            w->lists |= WORD_LISTS[l].bit;
        }
    return 0;
}

/* Split line at TABs into at most max fields (in place). */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
        s[--n] = '\0';
}

static int add_forms(claims *c, token_buf *tb, const char *field, int32_t lem, uint16_t mask)
{
    if (strcmp(field, "-") == 0)
        return 0;
    const char *p = field;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        uint8_t prep = NP_NONE;
        size_t wn = n;
        const char *colon = memchr(p, ':', n);
        if (colon) {
            wn = (size_t)(colon - p);
            size_t sl = n - wn - 1;
            if (sl == 2 && memcmp(colon + 1, "of", 2) == 0)
                prep = NP_OF;
            else if (sl == 4 && memcmp(colon + 1, "from", 4) == 0)
                prep = NP_FROM;
            else
                return NERC_EFORMAT;
        }
        char key[256];
        size_t kn;
        int nt;
        int rc = form_key(tb, p, wn, key, sizeof key, &kn, &nt);
        if (rc < 0)
            return rc;
        if (nt > c->max_form_tokens)
            c->max_form_tokens = nt;
        if ((rc = lex_put(c, &c->preds, key, kn, lem, mask, prep, 0)) < 0)
            return rc;
        p += n;
        if (*p == '|')
            p++;
    }
    return 0;
}

/* Close a lexicon file and word the error, if any: rc from the loop, n the last
 * data_file_next result, why the reason for rc (NULL: nerc_strerror). */
static int finish_load(data_file *df, int rc, long n, const char *why, const char *path,
                       char *err, size_t errlen)
{
    if (rc == 0 && n < -1) {
        rc = (int)n;
        why = n == NERC_EFORMAT ? "NUL byte in line" : "read error";
    }
    size_t lineno = df->lineno;
    data_file_close(df);
    if (rc < 0 && err && errlen)
        snprintf(err, errlen, "%s:%zu: %s", path, lineno, why ? why : nerc_strerror(rc));
    return rc;
}

static int load_predicates(claims *c, const char *path, token_buf *tb, char *err, size_t errlen)
{
    data_file df;
    if (data_file_open(&df, path) < 0) {
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NERC_EIO;
    }
    char *line;
    long n;
    int rc = 0;
    const char *why = NULL;
    static const uint16_t MASKS[6] = {F_BASE, F_S3, F_PAST, F_PP, F_ING, F_NOUN};
    while ((n = data_file_next(&df, &line)) >= 0) {
        chomp(line); /* trailing spaces too */
        char *fl[9];
        if (split_tabs(line, fl, 9) != 8) {
            rc = NERC_EFORMAT;
            why = "expected 8 TAB-separated fields";
            break;
        }
        int cls;
        if (strcmp(fl[1], "event") == 0)
            cls = CL_EVENT;
        else if (strcmp(fl[1], "speech") == 0)
            cls = CL_SPEECH;
        else if (strcmp(fl[1], "attitude") == 0)
            cls = CL_ATTITUDE;
        else {
            rc = NERC_EFORMAT;
            why = "class must be event, speech or attitude";
            break;
        }
        if (c->n_lemmas == c->cap_lemmas) {
            size_t nc = c->cap_lemmas ? c->cap_lemmas * 2 : 256;
            lemma *l = realloc(c->lemmas, nc * sizeof *l);
            if (!l) {
                rc = NERC_ENOMEM;
                break;
            }
            c->lemmas = l;
            c->cap_lemmas = nc;
        }
        int64_t off = strpool_add(&c->strings, fl[0], strlen(fl[0]));
        if (off < 0) {
            rc = (int)off;
            break;
        }
        int32_t li = (int32_t)c->n_lemmas;
        c->lemmas[c->n_lemmas++] = (lemma){(uint32_t)off, cls};
        for (int k = 0; k < 6 && rc == 0; k++)
            rc = add_forms(c, tb, fl[2 + k], li, MASKS[k]);
        if (rc < 0) {
            why = rc == NERC_ENOMEM ? NULL : "malformed form (a noun suffix must be :of or :from)";
            break;
        }
    }
    return finish_load(&df, rc, n, why, path, err, errlen);
}

static int load_words(claims *c, const char *path, token_buf *tb, char *err, size_t errlen)
{
    data_file df;
    if (data_file_open(&df, path) < 0) {
        if (err && errlen)
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NERC_EIO;
    }
    char *line;
    long n;
    int rc = 0;
    const char *why = NULL;
    while ((n = data_file_next(&df, &line)) >= 0) {
        chomp(line); /* trailing spaces too */
        char *fl[3];
        if (split_tabs(line, fl, 3) != 2) {
            rc = NERC_EFORMAT;
            why = "expected 2 TAB-separated fields";
            break;
        }
        int32_t w = strcmp(fl[1], "title") == 0   ? W_TITLE
                    : strcmp(fl[1], "actor") == 0 ? W_ACTOR
                    : strcmp(fl[1], "org") == 0   ? W_ORG
                    : strcmp(fl[1], "place") == 0 ? W_PLACE
                                                  : 0;
        if (!w) {
            rc = NERC_EFORMAT;
            why = "class must be title, actor, org or place";
            break;
        }
        char key[256];
        size_t kn;
        int nt;
        if ((rc = form_key(tb, fl[0], strlen(fl[0]), key, sizeof key, &kn, &nt)) < 0 ||
            (rc = lex_put(c, &c->words, key, kn, w, 0, 0, 1)) < 0) {
            why = rc == NERC_ENOMEM ? NULL : "malformed word";
            break;
        }
    }
    return finish_load(&df, rc, n, why, path, err, errlen);
}

int claims_new(const char *data_dir, claims **out, char *err, size_t errlen)
{
    *out = NULL;
    claims *c = calloc(1, sizeof *c);
    if (!c)
        return NERC_ENOMEM;
    token_buf tb;
    token_buf_init(&tb);
    char path[4096];
    snprintf(path, sizeof path, "%s/models/predicates.tsv", data_dir);
    int rc = load_predicates(c, path, &tb, err, errlen);
    if (rc == 0) {
        snprintf(path, sizeof path, "%s/models/claims_words.tsv", data_dir);
        rc = load_words(c, path, &tb, err, errlen);
    }
    if (rc == 0 && (rc = build_vocab(c)) < 0 && err && errlen)
        snprintf(err, errlen, "%s", nerc_strerror(rc));
    token_buf_free(&tb);
    if (rc < 0) {
        claims_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

void claims_free(claims *c)
{
    if (!c)
        return;
    free(c->strings.buf);
    free(c->lemmas);
    free(c->preds.slots);
    free(c->vocab.slots);
    free(c->words.slots);
    free(c);
}

/* ------------------------------------------------------------- state */

#define NAME_MAX_BYTES 160
#define N_TITLES 16

typedef struct remembered {
    char name[NAME_MAX_BYTES];
    char type[16];
    size_t sentence; /* 0 = none */
} remembered;

typedef struct titled {
    char word[32];
    char name[NAME_MAX_BYTES];
    size_t sentence; /* where the title was last seen with the name */
} titled;

/* One subject of a candidate claim: a mention of the sentence, or a name remembered
 * from earlier sentences (copied into the candidate so state updates cannot move it). */
typedef struct subj {
    int mention; /* index into m, or -1 */
    char name[NAME_MAX_BYTES];  /* as the subject column shows it */
    char canon[NAME_MAX_BYTES]; /* the canonical name, for joining rows */
    char type[16];
} subj;

#define MAX_SUBJ 6

typedef struct cand {
    uint32_t p_first, p_last; /* predicate tokens */
    int32_t lem;
    int nominal, speech;
    int nsubj;
    uint32_t o_first, o_last; /* object tokens, o_first > o_last when empty */
    int obj_mention;          /* mention that is the object, or -1 */
    int neg;
    const char *modality;
    int date;     /* DATE mention index or -1 */
    int need_date; /* emit only when dated (pronoun-owned nominal events) */
    uint16_t vmask; /* F_* of the verb form (0 for nominal and `according to`) */
    int dropped;    /* inside another claim's reported words */
    double conf;
    /* last, and only s[0, nsubj) is ever set: a new candidate is cleared up to here,
     * not through the kilobytes of names below */
    subj s[MAX_SUBJ];
} cand;

struct claims_state {
    remembered person, place_or_org, org, place, last_person_mention;
    titled titles[N_TITLES];
    size_t n_titles;
    subj group[MAX_SUBJ]; /* coordinated subjects of the last sentence, for `they` */
    int n_group;
    size_t group_sentence;
    int in_quote;
    /* per-sentence scratch, grown as needed */
    int *ment;   /* token -> mention index or -1 */
    int *seg;    /* token -> clause number */
    uint8_t *quoted;
    const word_info **info; /* token -> what the lexicon and word lists say of it */
    uint8_t *subjpos; /* mention -> 1 when it stands in subject position */
    size_t tok_cap, m_cap; /* capacity of ment/seg/quoted/info, of subjpos */
    cand *cands;
    size_t n_cands, cap_cands;
    char *buf; /* output strings */
    size_t buf_cap;
};

claims_state *claims_state_new(void)
{
    return calloc(1, sizeof(claims_state));
}

void claims_state_reset(claims_state *st)
{
    /* forget the document; the per-sentence scratch keeps its memory */
    claims_state keep = *st;
    memset(st, 0, sizeof *st);
    st->ment = keep.ment;
    st->seg = keep.seg;
    st->quoted = keep.quoted;
    st->info = keep.info;
    st->subjpos = keep.subjpos;
    st->tok_cap = keep.tok_cap;
    st->m_cap = keep.m_cap;
    st->cands = keep.cands;
    st->cap_cands = keep.cap_cands;
    st->buf = keep.buf;
    st->buf_cap = keep.buf_cap;
}

void claims_state_free(claims_state *st)
{
    if (!st)
        return;
    free(st->ment);
    free(st->seg);
    free(st->quoted);
    free(st->info);
    free(st->subjpos);
    free(st->cands);
    free(st->buf);
    free(st);
}

/* ------------------------------------------------------------- words */

typedef struct ctx {
    const claims *c;
    claims_state *st;
    const sentence *s;
    const claim_mention *m;
    size_t nm;
} ctx;

static const char *tkey(const sentence *s, size_t i, size_t *n)
{
    *n = s->tokens[i].key_len;
    return s->keys + s->tokens[i].key;
}

/* Is token i the word w? Called with literals: once inlined, the length of w is a
 * constant, most tokens fail on their length and the rest on one fixed-size compare. */
static inline int kis(const sentence *s, size_t i, const char *w)
{
    size_t n;
    const char *k = tkey(s, i, &n);
    size_t len = strlen(w);
    return n == len && len > 0 && memcmp(k, w, len) == 0;
}

/* Is token i on one of the word lists L_*? */
static int in_list(const ctx *x, size_t i, uint32_t lists)
{
    return (x->st->info[i]->lists & lists) != 0;
}

static int is_punct(const sentence *s, size_t i, char ch)
{
    size_t n;
    const char *k = tkey(s, i, &n);
    return (s->tokens[i].flags & TOK_PUNCT) && n == 1 && k[0] == ch;
}

static int is_quote(const sentence *s, size_t i)
{
    return is_punct(s, i, '"');
}

/* Lower-case word ending in -ly: an adverb in practice. */
static int is_ly_adverb(const sentence *s, size_t i)
{
    size_t n;
    const char *k = tkey(s, i, &n);
    return !(s->tokens[i].flags & TOK_UPPER) && n > 4 && k[n - 2] == 'l' && k[n - 1] == 'y';
}

/* Negated auxiliaries are single tokens: didn't, won't, isn't ... */
static int neg_aux(const sentence *s, size_t i, const char **modal)
{
    size_t n;
    const char *k = tkey(s, i, &n);
    if (n < 4 || memcmp(k + n - 3, "n't", 3) != 0)
        return 0;
    static const struct {
        const char *w, *m;
    } MAP[] = {{"won't", "will"},         {"wouldn't", "would"}, {"can't", "can"},
               {"couldn't", "could"},     {"shouldn't", "should"}, {"mustn't", "must"},
               {"mightn't", "might"},     {"shan't", "will"},    {NULL, NULL}};
    *modal = NULL;
    for (size_t j = 0; MAP[j].w; j++)
        if (strlen(MAP[j].w) == n && memcmp(MAP[j].w, k, n) == 0)
            *modal = MAP[j].m;
    return 1;
}

/* Is token i one of the words of a NULL-ended list? */
static int kis_any(const sentence *s, size_t i, const char *const *words)
{
    for (size_t j = 0; words[j]; j++)
        if (kis(s, i, words[j]))
            return 1;
    return 0;
}

static const char *modal_of(const ctx *x, size_t i)
{
    const sentence *s = x->s;
    if (!in_list(x, i, L_MODAL))
        return NULL;
    for (size_t j = 0; W_MODAL[j]; j++)
        if (kis(s, i, W_MODAL[j]))
            return strcmp(W_MODAL[j], "shall") == 0 ? "will" : W_MODAL[j];
    return NULL;
}

static int word_class(const ctx *x, size_t i)
{
    return x->st->info[i]->word_class;
}

/* The one-token predicate form that token i is, or NULL. */
static const lex_entry *pred_at(const ctx *x, size_t i)
{
    return x->st->info[i]->pred;
}

/* snprintf(dst, cap, "%s", src) without the cost of a format: src cut to cap - 1 bytes. */
static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int subject_type_ok(nerc_type t)
{
    return t == NERC_PERSON || t == NERC_ORG || t == NERC_LOCATION || t == NERC_AGREEMENT;
}

/* --------------------------------------------------------- predicates */

typedef struct pmatch {
    uint32_t first, last;
    const lex_entry *e;
} pmatch;

/* Can token i open a predicate form? Most words cannot: a cheap test before match_pred. */
static int opens_pred(const ctx *x, size_t i)
{
    return x->st->info[i]->longest_form > 0;
}

/* Longest lexicon form starting at token i (outside mentions and quotes). */
static int match_pred(const ctx *x, size_t i, pmatch *pm)
{
    const sentence *s = x->s;
    char key[256];
    /* most words start no predicate form: one lookup rules them out */
    int longest = x->st->info[i]->longest_form;
    if (!longest)
        return 0;
    if (longest > x->c->max_form_tokens)
        longest = x->c->max_form_tokens;
    for (int n = longest; n >= 1; n--) {
        if (i + (size_t)n > s->n_tokens)
            continue;
        if (s->tokens[i].flags & TOK_JOINED)
            return 0; /* "HTS-led": part of a compound modifier */
        size_t len = 0;
        int ok = 1;
        for (size_t j = i; j < i + (size_t)n && ok; j++) {
            const token *t = &s->tokens[j];
            if (!(t->flags & TOK_WORD) || x->st->ment[j] >= 0 || x->st->quoted[j] ||
                len + t->key_len + 1 >= sizeof key) {
                ok = 0;
                break;
            }
            /* the words of one form are adjacent: "re-elected", "shot down" */
            if (j > i && (t->flags & TOK_NEWLINE_BEFORE))
                ok = 0;
            if (j > i)
                key[len++] = ' ';
            memcpy(key + len, s->keys + t->key, t->key_len);
            len += t->key_len;
        }
        if (!ok)
            continue;
        const lex_entry *e = n == 1 ? pred_at(x, i) : lex_find(x->c, &x->c->preds, key, len);
        if (e) {
            /* a single upper-case word mid-sentence is a name, not a verb */
            if ((s->tokens[i].flags & TOK_UPPER) && i > 0 && !(s->tokens[i].flags & TOK_ALLCAPS) &&
                !is_quote(x->s, i - 1) && !(s->tokens[i].flags & TOK_NEWLINE_BEFORE))
                return 0;
            if ((s->tokens[i].flags & TOK_ALLCAPS) && s->tokens[i].end - s->tokens[i].start > 1)
                return 0;
            pm->first = (uint32_t)i;
            pm->last = (uint32_t)(i + (size_t)n - 1);
            pm->e = e;
            return 1;
        }
    }
    return 0;
}

/* ----------------------------------------------------------- subjects */

static int mention_ending_at(const ctx *x, size_t tok)
{
    int k = x->st->ment[tok];
    if (k >= 0 && x->m[k].last_tok == tok)
        return k;
    return -1;
}

/* Does hay contain the n bytes of needle, ASCII case folded? */
static int contains_ci(const char *hay, const char *needle, size_t n)
{
    size_t h = strlen(hay);
    for (size_t i = 0; n && i + n <= h; i++) {
        size_t j = 0;
        while (j < n && tolower((unsigned char)hay[i + j]) == tolower((unsigned char)needle[j]))
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

/* The subject is named by its canonical name when that name contains the words of
 * the text (`Putin` -> `Vladimir Putin`), else by the words themselves: `the
 * Pentagon` or `the Kremlin` are not rewritten into a name the text never used. */
static void subj_from_mention(const ctx *x, subj *sj, int k)
{
    const claim_mention *mk = &x->m[k];
    sj->mention = k;
    const char *v = mk->value ? mk->value : "";
    const char *surf = x->s->text + mk->start;
    size_t n = mk->end > mk->start ? mk->end - mk->start : 0;
    int surface_ok = n > 0 && n < sizeof sj->name && mk->end <= x->s->end - x->s->start &&
                     memchr(surf, '\n', n) == NULL;
    if (!*v || (surface_ok && !contains_ci(v, surf, n))) {
        if (surface_ok) {
            memcpy(sj->name, surf, n);
            sj->name[n] = '\0';
        } else
            copy_str(sj->name, sizeof sj->name, v);
    } else
        copy_str(sj->name, sizeof sj->name, v);
    copy_str(sj->canon, sizeof sj->canon, *v ? v : sj->name);
    copy_str(sj->type, sizeof sj->type, nerc_type_name(mk->type));
}

static void subj_from_memory(subj *sj, const remembered *r)
{
    sj->mention = -1;
    memcpy(sj->name, r->name, sizeof sj->name);
    memcpy(sj->canon, r->name, sizeof sj->canon);
    memcpy(sj->type, r->type, sizeof sj->type);
}

static size_t skip_title_back(const ctx *x, size_t f);

/* Is the mention k preceded by a preposition (the object of a phrase, not a subject)? */
static int after_prep(const ctx *x, int k)
{
    size_t f = skip_title_back(x, x->m[k].first_tok);
    if (f == 0)
        return 0;
    size_t j = f - 1;
    /* determiners and title words may sit between: "of the then President X" */
    while (j > 0 && (in_list(x, j, L_DET) || (x->s->tokens[j].flags & TOK_UPPER)) &&
           x->st->ment[j] < 0 && !(x->s->tokens[j].flags & TOK_PUNCT) && f - j < 5)
        j--;
    if (x->m[k].type == NERC_AGREEMENT && kis(x->s, j, "of"))
        return 0; /* "Article 4 of the X Treaty states" speaks for the treaty */
    /* "since", "before", "after", "until" also join clauses: "before X agreed ..." */
    return in_list(x, j, L_PREP) && !kis(x->s, j, "since") && !kis(x->s, j, "before") &&
           !kis(x->s, j, "after") && !kis(x->s, j, "until");
}

/* "A and his Iranian counterpart B": where the tokens before first token f are a
 * possessive pronoun, up to three words and a word such as "counterpart", the start
 * of that phrase (so the list goes on at the "and" before it); else f. */
static size_t skip_counterpart(const ctx *x, size_t f)
{
    if (f < 3 || !in_list(x, f - 1, L_PARTNER))
        return f;
    for (size_t j = f - 2, steps = 0; j > 0 && steps < 4; j--, steps++) {
        if (in_list(x, j, L_POSSESSIVE))
            return j;
        if (x->st->ment[j] >= 0 || (x->s->tokens[j].flags & TOK_PUNCT))
            return f;
    }
    return f;
}

/* Start of the ranks just before token f ("Lt. Col.", "Gen.", "Dr.", "General"), or f. */
static size_t skip_ranks_back(const ctx *x, size_t f)
{
    const sentence *s = x->s;
    size_t b = f;
    while (b >= 2 && is_punct(s, b - 1, '.') && in_list(x, b - 2, L_RANK))
        b -= 2;
    while (b >= 1 && in_list(x, b - 1, L_RANK)) /* ranks written without a full stop */
        b--;
    return b;
}

/* A title before a name: "Russian President", "Secretary of State", "Hamas negotiator",
 * "Lt. Gen.". Returns the first token of the title phrase that ends right before token
 * f, or f when no title word is there. */
static size_t skip_title_back(const ctx *x, size_t f)
{
    const sentence *s = x->s;
    size_t b = skip_ranks_back(x, f), best = b < f ? b : f;
    int titled = b < f;
    for (int steps = 0; b > 0 && steps < 7; steps++) {
        size_t t = b - 1;
        int k = x->st->ment[t];
        if (k >= 0) {
            /* an organisation or country that the title belongs to: "Hamas negotiator" */
            if ((x->m[k].type == NERC_ORG || x->m[k].type == NERC_LOCATION) && b < f &&
                (word_class(x, b) & W_TITLE) && x->m[k].first_tok < t + 1) {
                b = x->m[k].first_tok;
                best = b;
            }
            break;
        }
        if (!(s->tokens[t].flags & TOK_WORD) || in_list(x, t, L_DET))
            break;
        if (word_class(x, t) & W_TITLE) {
            b = t;
            best = b;
            titled = 1;
            continue;
        }
        if (kis(s, t, "of") && b < f && t > 0 && (word_class(x, t - 1) & W_TITLE)) {
            b = t;
            continue;
        }
        /* "Russian President", "Azerbaijani Prime Minister" */
        if ((s->tokens[t].flags & TOK_UPPER) && !in_list(x, t, L_PREP | L_SUBORD) &&
            !kis(s, t, "and")) {
            b = t;
            if (titled)
                best = b;
            continue;
        }
        break;
    }
    return best;
}

/* Gather "A, B and C" ending with mention k into c->s (left to right). Returns 0
 * when the list is the object of a preposition ("between Israel and Hezbollah"). */
static int gather_coordination(const ctx *x, cand *cd, int k)
{
    int ks[MAX_SUBJ];
    int n = 0;
    ks[n++] = k;
    size_t f = skip_counterpart(x, skip_title_back(x, x->m[k].first_tok));
    int seen_and = 0;
    while (n < MAX_SUBJ && f >= 2) {
        size_t j = f - 1;
        if (kis(x->s, j, "the") && j > 1)
            j--;
        int is_and = kis(x->s, j, "and");
        /* "A, B and C": a comma joins names only inside a list closed by "and" */
        if (!is_and && !(is_punct(x->s, j, ',') && seen_and))
            break;
        if (is_and && is_punct(x->s, j - 1, ','))
            j--;
        if (j == 0)
            break;
        int k2 = mention_ending_at(x, j - 1);
        if (k2 < 0 || !subject_type_ok(x->m[k2].type) ||
            (x->m[k2].type == NERC_PERSON) != (x->m[k].type == NERC_PERSON))
            break;
        /* "in Moscow, A and B signed": a prepositional object ends the list;
         * "a truce between A and B took effect": the pair is no subject */
        if (after_prep(x, k2) && !kis(x->s, x->m[k2].first_tok - 1, "both")) {
            if (is_and && in_list(x, x->m[k2].first_tok - 1, L_PREP))
                return 0;
            break;
        }
        seen_and |= is_and;
        ks[n++] = k2;
        f = skip_title_back(x, x->m[k2].first_tok);
    }
    cd->nsubj = 0;
    for (int i = n - 1; i >= 0; i--)
        subj_from_mention(x, &cd->s[cd->nsubj++], ks[i]);
    return 1;
}

static int recent(const remembered *r, size_t now, size_t window)
{
    return r->sentence && now >= r->sentence && now - r->sentence <= window;
}

/* Resolve a pronoun / role subject at token i. Returns 1 and fills sj. */
static int resolve_anaphor(const ctx *x, size_t i, subj *sj, double *conf)
{
    const sentence *s = x->s;
    claims_state *st = x->st;
    size_t now = s->index;
    if (kis(s, i, "he") || kis(s, i, "she")) {
        /* a person in subject position earlier in the same sentence comes first */
        for (size_t k = x->nm; k-- > 0;)
            if (x->m[k].last_tok < i && x->m[k].type == NERC_PERSON && st->subjpos[k]) {
                subj_from_mention(x, sj, (int)k);
                *conf = 0.6;
                return 1;
            }
        if (recent(&st->person, now, 4)) {
            subj_from_memory(sj, &st->person);
            *conf = 0.55;
            return 1;
        }
        if (recent(&st->last_person_mention, now, 1)) {
            subj_from_memory(sj, &st->last_person_mention);
            *conf = 0.45;
            return 1;
        }
        return 0;
    }
    if (kis(s, i, "it") || kis(s, i, "they")) {
        int they = kis(s, i, "they");
        for (size_t k = x->nm; k-- > 0;)
            if (x->m[k].last_tok < i && st->subjpos[k] &&
                (x->m[k].type == NERC_ORG || (!they && x->m[k].type == NERC_LOCATION))) {
                subj_from_mention(x, sj, (int)k);
                *conf = 0.55;
                return 1;
            }
        const remembered *r = they ? &st->org : &st->place_or_org;
        if (i == 0 && recent(r, now, 1) && r->sentence == now - 1) {
            subj_from_memory(sj, r);
            *conf = 0.45;
            return 1;
        }
        return 0;
    }
    /* "the group", "the country", "the minister", "the foreign minister" */
    if (i >= 1 && (kis(s, i - 1, "the") ||
                   (i >= 2 && kis(s, i - 2, "the") && st->ment[i - 1] < 0 &&
                    (s->tokens[i - 1].flags & TOK_WORD) && !(word_class(x, i - 1) & W_TITLE)))) {
        int w = word_class(x, i);
        if ((w & W_ORG) && recent(&st->org, now, 5)) {
            subj_from_memory(sj, &st->org);
            *conf = 0.5;
            return 1;
        }
        if ((w & W_PLACE) && recent(&st->place, now, 5)) {
            subj_from_memory(sj, &st->place);
            *conf = 0.5;
            return 1;
        }
        if (w & W_TITLE) {
            size_t n;
            const char *k = tkey(s, i, &n);
            for (size_t t = st->n_titles; t-- > 0;)
                if (strlen(st->titles[t].word) == n && memcmp(st->titles[t].word, k, n) == 0 &&
                    now >= st->titles[t].sentence && now - st->titles[t].sentence <= 4) {
                    sj->mention = -1;
                    copy_str(sj->name, sizeof sj->name, st->titles[t].name);
                    copy_str(sj->canon, sizeof sj->canon, st->titles[t].name);
                    copy_str(sj->type, sizeof sj->type, "PERSON");
                    *conf = 0.5;
                    return 1;
                }
        }
    }
    return 0;
}

/* A pronoun or role subject that was not resolved: with keep_unresolved, the words
 * themselves (`he`, `the minister`) with subject_type UNRESOLVED. */
static int unresolved_subject(const ctx *x, long j, cand *cd)
{
    const sentence *s = x->s;
    if (!x->c->keep_unresolved || j < 0)
        return 0;
    long a = -1;
    if (in_list(x, (size_t)j, L_SPEAKER_PRONOUN))
        a = j;
    else if (!(s->tokens[j].flags & TOK_UPPER)) {
        int w = word_class(x, (size_t)j);
        if (!(w & (W_TITLE | W_ORG | W_PLACE)))
            return 0;
        /* "the minister", "the supreme leader", "the foreign minister" */
        for (long b = j - 1; b >= 0 && b >= j - 3; b--) {
            if (x->st->ment[b] >= 0 || !(s->tokens[b].flags & TOK_WORD))
                break;
            if (kis(s, (size_t)b, "the")) {
                a = b;
                break;
            }
        }
    }
    if (a < 0)
        return 0;
    size_t from = s->tokens[a].start, to = s->tokens[j].end;
    if (to - from >= sizeof cd->s[0].name)
        return 0;
    subj *sj = &cd->s[0];
    sj->mention = -1;
    size_t o = 0;
    for (size_t b = from; b < to; b++) {
        char ch = s->text[b];
        if (ch == '\n' || ch == '\r' || ch == '\t')
            ch = ' ';
        if (o == 0)
            ch = (char)tolower((unsigned char)ch);
        sj->name[o++] = ch;
    }
    sj->name[o] = '\0';
    sj->canon[0] = '\0'; /* nothing to join on */
    copy_str(sj->type, sizeof sj->type, "UNRESOLVED");
    cd->nsubj = 1;
    cd->conf = 0.3;
    return 1;
}

/* The subject ending at token j (the token right before the verb group). */
static int find_subject(const ctx *x, long j, cand *cd, int gerund)
{
    const sentence *s = x->s;
    if (j < 0)
        return 0;
    int k = mention_ending_at(x, (size_t)j);
    if (k >= 0) {
        if (!subject_type_ok(x->m[k].type))
            return 0;
        /* "with Iran supplying ..." is the only gerund taken with its own subject;
         * otherwise a prepositional object is no subject */
        size_t f = x->m[k].first_tok;
        int with = f > 0 && kis(s, f - 1, "with");
        if (gerund != with)
            return 0;
        /* "rebels led by X captured": X leads the doers */
        int led = f >= 2 && kis(s, f - 1, "by") && kis(s, f - 2, "led");
        if (after_prep(x, k) && !with && !led)
            return 0;
        if (!gather_coordination(x, cd, k))
            return 0;
        cd->conf = led ? 0.55 : cd->nsubj > 1 ? 0.75 : 0.8;
        /* "Like X, Y lost ...": X did it too */
        size_t f0 = x->m[cd->s[0].mention].first_tok;
        if (f0 >= 3 && is_punct(s, f0 - 1, ',') && cd->nsubj < MAX_SUBJ) {
            int k3 = mention_ending_at(x, f0 - 2);
            if (k3 >= 0 && subject_type_ok(x->m[k3].type) && x->m[k3].first_tok > 0 &&
                kis(s, x->m[k3].first_tok - 1, "like")) {
                memmove(&cd->s[1], &cd->s[0], (size_t)cd->nsubj * sizeof cd->s[0]);
                subj_from_mention(x, &cd->s[0], k3);
                cd->nsubj++;
            }
        }
        return 1;
    }
    /* "the European Union (EU) launched" */
    if (is_punct(s, (size_t)j, ')') && j >= 2 && is_punct(s, (size_t)j - 2, '(')) {
        int k2 = mention_ending_at(x, (size_t)j - 1);
        if (k2 >= 0 && subject_type_ok(x->m[k2].type) && j >= 3 && mention_ending_at(x, (size_t)j - 3) >= 0) {
            gather_coordination(x, cd, mention_ending_at(x, (size_t)j - 3));
            cd->conf = 0.75;
            return 1;
        }
    }
    /* "Hezbollah's secretary-general, Hassan Nasrallah, died" (a rank may stand
     * before the name: "a spokesperson, Lt. Col. X, said") */
    if (is_punct(s, (size_t)j, ',') && j >= 2) {
        int k2 = mention_ending_at(x, (size_t)j - 1);
        size_t f2 = k2 >= 0 ? skip_ranks_back(x, x->m[k2].first_tok) : 0;
        if (k2 >= 0 && x->m[k2].type == NERC_PERSON && f2 >= 2 &&
            is_punct(s, f2 - 1, ',') &&
            (word_class(x, f2 - 2) & W_TITLE)) {
            cd->nsubj = 1;
            subj_from_mention(x, &cd->s[0], k2);
            cd->conf = 0.7;
            return 1;
        }
    }
    /* actor nouns: "Houthi fighters attacked" */
    if ((word_class(x, (size_t)j) & W_ACTOR) && j >= 1) {
        int k2 = mention_ending_at(x, (size_t)j - 1);
        if (k2 >= 0 && (x->m[k2].type == NERC_ORG || x->m[k2].type == NERC_LOCATION) &&
            !after_prep(x, k2)) {
            gather_coordination(x, cd, k2);
            cd->conf = 0.65;
            return 1;
        }
        /* "X's forces attacked" */
        if (j >= 2 && (s->tokens[j - 1].flags & TOK_POSSESSIVE)) {
            k2 = mention_ending_at(x, (size_t)j - 2);
            if (k2 >= 0 && subject_type_ok(x->m[k2].type) && !after_prep(x, k2)) {
                cd->nsubj = 1;
                subj_from_mention(x, &cd->s[0], k2);
                cd->conf = 0.6;
                return 1;
            }
        }
    }
    /* relative pronoun: "X, who ...", "X, which ..." */
    if ((kis(s, (size_t)j, "who") || kis(s, (size_t)j, "which")) && j >= 1) {
        long b = j - 1;
        if (is_punct(s, (size_t)b, ','))
            b--;
        if (b >= 0) {
            int k2 = mention_ending_at(x, (size_t)b);
            if (k2 >= 0 && subject_type_ok(x->m[k2].type)) {
                cd->nsubj = 1;
                subj_from_mention(x, &cd->s[0], k2);
                cd->conf = 0.65;
                return 1;
            }
        }
        return 0;
    }
    /* apposition or relative clause between commas: "X, the ... of Y, said" */
    if (is_punct(s, (size_t)j, ',') && j >= 2) {
        long a = j - 1;
        int depth = 0;
        while (a >= 0 && !is_punct(s, (size_t)a, ',') && depth < 25) {
            if (is_quote(s, (size_t)a) || is_punct(s, (size_t)a, ';') || is_punct(s, (size_t)a, '.'))
                return 0;
            a--;
            depth++;
        }
        if (a < 1 || depth >= 25 || depth == 0)
            return 0;
        size_t first = (size_t)a + 1; /* first token of the inner segment */
        /* "X, speaking from Doha, said", "X, accused of ..., denied" */
        size_t fn;
        const char *fk = tkey(s, first, &fn);
        /* ... or an irregular one: "X, known as Y, said", "X, born in Z, said" */
        static const char *const IRREGULAR_PP[] = {"known", "seen", "born", "held",
                                                   "taken", "given", "made", NULL};
        int participle = !(s->tokens[first].flags & TOK_UPPER) &&
                         ((fn > 4 && (memcmp(fk + fn - 3, "ing", 3) == 0 ||
                                      memcmp(fk + fn - 2, "ed", 2) == 0)) ||
                          kis_any(s, first, IRREGULAR_PP));
        if (!(kis(s, first, "who") || kis(s, first, "which") || kis(s, first, "whose") ||
              in_list(x, first, L_DET) || participle || (word_class(x, first) & W_TITLE)))
            return 0;
        int k2 = mention_ending_at(x, (size_t)a - 1);
        if (k2 >= 0 && subject_type_ok(x->m[k2].type) && !after_prep(x, k2)) {
            gather_coordination(x, cd, k2);
            cd->conf = 0.65;
            return 1;
        }
        return 0;
    }
    /* "They said ..." right after "A and B did ...": both of them */
    if (j == 0 && kis(s, 0, "they") && x->st->n_group > 1 && x->st->group_sentence + 1 == s->index) {
        cd->nsubj = x->st->n_group;
        memcpy(cd->s, x->st->group, (size_t)x->st->n_group * sizeof cd->s[0]);
        cd->conf = 0.45;
        return 1;
    }
    subj sj;
    double conf = 0.5;
    if (resolve_anaphor(x, (size_t)j, &sj, &conf)) {
        cd->nsubj = 1;
        cd->s[0] = sj;
        cd->conf = conf;
        return 1;
    }
    return unresolved_subject(x, j, cd);
}

/* ------------------------------------------------------------ clauses */

static int is_boundary(const ctx *x, size_t i)
{
    const sentence *s = x->s;
    if (x->st->ment[i] >= 0)
        return 0;
    const token *t = &s->tokens[i];
    if (t->flags & TOK_PUNCT) {
        size_t n;
        const char *k = tkey(s, i, &n);
        if (n != 1)
            return 0;
        switch (k[0]) {
        case '(':
            /* "(EU)" after a name is part of it */
            return !(i + 2 < s->n_tokens && x->st->ment[i + 1] >= 0 && is_punct(s, i + 2, ')'));
        case ')':
            return !(i >= 2 && x->st->ment[i - 1] >= 0 && is_punct(s, i - 2, '('));
        case ',': case ';': case ':': case '"': case '?': case '!': case '[': case ']':
            return 1;
        case '-':
            return (t->flags & TOK_SPACE_BEFORE) != 0;
        default:
            return 0;
        }
    }
    return in_list(x, i, L_SUBORD);
}

static int is_clause_end(const ctx *x, size_t i)
{
    return is_boundary(x, i) || is_punct(x->s, i, '.');
}

/* ------------------------------------------------------------- output */

static int buf_reserve(claims_state *st, size_t need)
{
    if (need <= st->buf_cap)
        return 0;
    size_t cap = st->buf_cap ? st->buf_cap : 4096;
    while (cap < need)
        cap *= 2;
    char *p = realloc(st->buf, cap);
    if (!p)
        return NERC_ENOMEM;
    st->buf = p;
    st->buf_cap = cap;
    return 0;
}

/* Copy the text of tokens [a, b] with single spaces, dropping quotes; returns the
 * offset in st->buf of a NUL-terminated string. */
static long put_span(const ctx *x, size_t *len, uint32_t a, uint32_t b)
{
    claims_state *st = x->st;
    const sentence *s = x->s;
    size_t start = *len;
    if (a <= b && b < s->n_tokens) {
        /* trim quotes and closing punctuation at both ends */
        while (a <= b && (is_quote(s, a) || is_punct(s, a, ',') || is_punct(s, a, ':')))
            a++;
        while (b >= a && b > 0 &&
               (is_quote(s, b) || is_punct(s, b, '.') || is_punct(s, b, ',') ||
                is_punct(s, b, ';') || is_punct(s, b, ':') || is_punct(s, b, '-')))
            b--;
        if (a <= b) {
            size_t bytes = s->tokens[b].end - s->tokens[a].start;
            if (buf_reserve(st, *len + bytes + 1) < 0)
                return NERC_ENOMEM;
            char *out = st->buf + *len;
            size_t o = 0;
            int space = 0;
            for (size_t i = s->tokens[a].start; i < s->tokens[b].end; i++) {
                unsigned char ch = (unsigned char)s->text[i];
                if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                    space = 1;
                    continue;
                }
                if (space && o)
                    out[o++] = ' ';
                space = 0;
                out[o++] = (char)ch;
            }
            *len += o;
        }
    }
    if (buf_reserve(st, *len + 1) < 0)
        return NERC_ENOMEM;
    st->buf[(*len)++] = '\0';
    return (long)start;
}

static long put_str(claims_state *st, size_t *len, const char *str)
{
    size_t n = strlen(str);
    if (buf_reserve(st, *len + n + 1) < 0)
        return NERC_ENOMEM;
    size_t start = *len;
    memcpy(st->buf + start, str, n + 1);
    *len += n + 1;
    return (long)start;
}

/* ---------------------------------------------------------- attributes */

static void remember(remembered *r, const char *name, const char *type, size_t sentence)
{
    copy_str(r->name, sizeof r->name, name);
    copy_str(r->type, sizeof r->type, type);
    r->sentence = sentence;
}

static void remember_title(claims_state *st, const char *word, size_t wn, const char *name,
                           size_t sentence)
{
    if (wn >= sizeof st->titles[0].word)
        return;
    size_t slot = st->n_titles < N_TITLES ? st->n_titles++ : 0;
    if (slot == 0 && st->n_titles == N_TITLES) {
        memmove(&st->titles[0], &st->titles[1], (N_TITLES - 1) * sizeof st->titles[0]);
        slot = N_TITLES - 1;
    }
    memcpy(st->titles[slot].word, word, wn);
    st->titles[slot].word[wn] = '\0';
    copy_str(st->titles[slot].name, sizeof st->titles[slot].name, name);
    st->titles[slot].sentence = sentence;
}

static int emit_attr(const ctx *x, int k, const char *pred, const char *obj, const char *objtype,
                     double conf, claims_emit_fn emit, void *user)
{
    nerc_triple t = {x->s->index, "attribute", x->m[k].value, nerc_type_name(x->m[k].type), pred,
                     obj, objtype, "", "", "", "", x->s->start, x->s->end, conf, x->m[k].value};
    return emit(user, &t) ? NERC_ECALLBACK : 0;
}

/* Role of a person from the title words before or after the name. */
static int find_attributes(const ctx *x, claims_emit_fn emit, void *user)
{
    const sentence *s = x->s;
    claims_state *st = x->st;
    for (size_t k = 0; k < x->nm; k++) {
        if (x->m[k].type != NERC_PERSON)
            continue;
        size_t f = x->m[k].first_tok;
        size_t len = 0;
        /* (a) capitalised titles right before: "Israel's Strategic Affairs Minister X",
         *     "Russian President X" */
        size_t a = f;
        int has_title = 0;
        while (a > 0 && st->ment[a - 1] < 0 && (s->tokens[a - 1].flags & TOK_WORD) &&
               (s->tokens[a - 1].flags & TOK_UPPER) && f - a < 6 && !in_list(x, a - 1, L_DET)) {
            if (word_class(x, a - 1) & W_TITLE)
                has_title = 1;
            a--;
            if (s->tokens[a].flags & TOK_NEWLINE_BEFORE)
                break;
        }
        /* the phrase must end on the title word: "Minister X", not "Minister Visits X" */
        if (has_title && a < f && (word_class(x, f - 1) & W_TITLE)) {
            /* skip a leading word that only starts the sentence */
            long ro = put_span(x, &len, (uint32_t)a, (uint32_t)(f - 1));
            if (ro < 0)
                return (int)ro;
            if (a >= 2 && (s->tokens[a - 1].flags & TOK_POSSESSIVE)) {
                int owner = mention_ending_at(x, a - 2);
                if (owner >= 0 && x->m[owner].type != NERC_DATE) {
                    len--; /* extend the role: "... Minister of Israel" */
                    char tmp[NAME_MAX_BYTES];
                    snprintf(tmp, sizeof tmp, " of %s", x->m[owner].value);
                    if (buf_reserve(st, len + strlen(tmp) + 1) < 0)
                        return NERC_ENOMEM;
                    memcpy(st->buf + len, tmp, strlen(tmp) + 1);
                    len += strlen(tmp) + 1;
                }
            }
            int rc = emit_attr(x, (int)k, "role", st->buf + ro, "", 0.7, emit, user);
            if (rc < 0)
                return rc;
            size_t wn;
            const char *w = tkey(s, f - 1, &wn);
            remember_title(st, w, wn, x->m[k].value, x->s->index);
            continue;
        }
        /* (b) "Iran's ambassador to Russia, X" */
        if (f >= 3 && is_punct(s, f - 1, ',')) {
            size_t e = f - 2, b = e;
            int tw = -1;
            while (b > 0 && f - b < 9 && !is_punct(s, b, ',') && !(s->tokens[b].flags & TOK_POSSESSIVE)) {
                if (st->ment[b] >= 0 && x->m[st->ment[b]].type == NERC_PERSON)
                    break;
                if (tw < 0 && st->ment[b] < 0 && (word_class(x, b) & W_TITLE))
                    tw = (int)b;
                b--;
            }
            if (tw >= 0 && (s->tokens[b].flags & TOK_POSSESSIVE) && b >= 1) {
                int owner = mention_ending_at(x, b - 1);
                if (owner >= 0 && x->m[owner].type != NERC_DATE && x->m[owner].type != NERC_PERSON) {
                    long r1 = put_span(x, &len, (uint32_t)b + 1, (uint32_t)tw);
                    if (r1 < 0)
                        return (int)r1;
                    len--;
                    char tmp[NAME_MAX_BYTES];
                    snprintf(tmp, sizeof tmp, " of %s", x->m[owner].value);
                    long r2 = put_str(st, &len, tmp);
                    if (r2 < 0)
                        return (int)r2;
                    if ((size_t)tw < e) {
                        len--;
                        if (put_str(st, &len, " ") < 0)
                            return NERC_ENOMEM;
                        len--;
                        if (put_span(x, &len, (uint32_t)tw + 1, (uint32_t)e) < 0)
                            return NERC_ENOMEM;
                    }
                    int rc = emit_attr(x, (int)k, "role", st->buf + r1, "", 0.65, emit, user);
                    if (rc < 0)
                        return rc;
                    size_t wn;
                    const char *w = tkey(s, (size_t)tw, &wn);
                    remember_title(st, w, wn, x->m[k].value, x->s->index);
                    continue;
                }
            }
        }
        /* (c) "X, the US defense secretary," and (d) "X is Research Assistant at Y" */
        size_t l = x->m[k].last_tok;
        if (l + 2 < s->n_tokens && (is_punct(s, l + 1, ',') || kis(s, l + 1, "is") || kis(s, l + 1, "was"))) {
            int cop = !is_punct(s, l + 1, ',');
            size_t b = l + 2, e = b;
            if (!in_list(x, b, L_DET) && !(word_class(x, b) & W_TITLE) &&
                !(s->tokens[b].flags & TOK_UPPER))
                continue;
            if (cop && in_list(x, b, L_DET) && !kis(s, b, "the") && !kis(s, b, "a") && !kis(s, b, "an"))
                continue;
            int tw = -1, at = -1;
            while (e < s->n_tokens && e - b < 12 && !is_punct(s, e, ',') && !is_punct(s, e, '.') &&
                   !is_punct(s, e, ';') && !is_quote(s, e) && !is_punct(s, e, '(')) {
                if (tw < 0 && st->ment[e] < 0 && (word_class(x, e) & W_TITLE))
                    tw = (int)e;
                if (at < 0 && (kis(s, e, "at") || kis(s, e, "of")) && tw >= 0 && cop)
                    at = (int)e;
                if (st->ment[e] < 0 && e > b && pred_at(x, e))
                    break;
                e++;
            }
            if (tw < 0 || e == b)
                continue;
            if (!cop && (e >= s->n_tokens || !is_punct(s, e, ',')))
                continue;
            size_t re = at >= 0 ? (size_t)at - 1 : e - 1;
            long r1 = put_span(x, &len, (uint32_t)b, (uint32_t)re);
            if (r1 < 0)
                return (int)r1;
            int rc = emit_attr(x, (int)k, "role", st->buf + r1, "", 0.6, emit, user);
            if (rc < 0)
                return rc;
            size_t wn;
            const char *w = tkey(s, (size_t)tw, &wn);
            remember_title(st, w, wn, x->m[k].value, x->s->index);
            if (cop && at >= 0) {
                /* the organisation: the last ORG mention of the sentence after "at" */
                int org = -1;
                for (size_t q = 0; q < x->nm; q++)
                    if (x->m[q].first_tok > (uint32_t)at && x->m[q].type == NERC_ORG)
                        org = (int)q;
                if (org >= 0 &&
                    (rc = emit_attr(x, (int)k, "affiliation", x->m[org].value, "ORG", 0.6, emit, user)) < 0)
                    return rc;
            }
        }
    }
    return 0;
}

/* ------------------------------------------------------------ extract */

/* A candidate with no subject, object, date or predicate yet. */
static void cand_init(cand *c)
{
    memset(c, 0, offsetof(cand, s));
    c->date = -1;
    c->obj_mention = -1;
    c->modality = "";
    c->o_first = 1;
    c->o_last = 0;
}

static cand *new_cand(claims_state *st)
{
    if (util_grow((void **)&st->cands, &st->cap_cands, st->n_cands + 1, sizeof *st->cands) < 0)
        return NULL;
    cand *c = &st->cands[st->n_cands++];
    cand_init(c);
    return c;
}

/* Object of an event: the words after the predicate up to the clause end, leaving out
 * a trailing date phrase. */
static void event_object(const ctx *x, cand *cd, size_t from)
{
    const sentence *s = x->s;
    size_t e = from;
    while (e < s->n_tokens && !is_clause_end(x, e)) {
        int k = x->st->ment[e];
        if (k >= 0 && x->m[k].type == NERC_DATE)
            break;
        e++;
    }
    /* drop the preposition before a date: "... in [May 2024]" */
    while (e > from && in_list(x, e - 1, L_PREP | L_DET) && x->st->ment[e - 1] < 0)
        e--;
    if (e > from) {
        cd->o_first = (uint32_t)from;
        cd->o_last = (uint32_t)(e - 1);
        size_t o = from;
        while (o < e && in_list(x, o, L_DET))
            o++;
        int k = o < e ? x->st->ment[o] : -1;
        if (k >= 0 && x->m[k].type != NERC_DATE)
            cd->obj_mention = k;
    }
}

static int has_clause_word(const ctx *x, size_t a, size_t b);

/* Object of a statement: "that ...", a quote, or ": ..." up to the sentence end. */
static void speech_object(const ctx *x, cand *cd, size_t from)
{
    const sentence *s = x->s;
    size_t a = from;
    /* "told reporters that", "warned Iran that": a short indirect object first */
    for (size_t j = from; j < s->n_tokens && j < from + 14; j++) {
        /* "said that evening": a demonstrative, not a clause */
        if (kis(s, j, "that") && j + 1 < s->n_tokens && in_list(x, j + 1, L_TIME_NOUN))
            break;
        if (kis(s, j, "that") || is_quote(s, j) || is_punct(s, j, ':')) {
            a = j + 1;
            break;
        }
        if (x->st->ment[j] < 0 && (is_punct(s, j, ',') || is_punct(s, j, '.') || is_punct(s, j, ';')))
            break;
    }
    size_t e = s->n_tokens;
    /* unquoted reported words end where a new clause is joined on:
     * "..., and in February the EU launched", "..., while X said" */
    for (size_t j = a; j + 1 < s->n_tokens; j++) {
        if (x->st->quoted[j] || is_quote(s, j))
            break;
        /* "condemned the deal and summoned the ambassador": a second verb of the
         * same subject ends a noun-phrase object */
        if (a == from && (kis(s, j, "and") || is_punct(s, j, ',')) && x->st->ment[j + 1] < 0) {
            size_t v = j + 1;
            while (v + 1 < s->n_tokens && !(s->tokens[v].flags & TOK_UPPER) &&
                   (in_list(x, v, L_ADV) || is_ly_adverb(s, v)))
                v++;
            const lex_entry *ve = pred_at(x, v);
            /* ", armed with missiles,": after a comma, a past form before a preposition
             * is a participle describing the words before it */
            int participle = is_punct(s, j, ',') && v + 1 < s->n_tokens &&
                             in_list(x, v + 1, L_PREP) && (ve && (ve->mask & F_PAST));
            if (ve && (ve->mask & (F_PAST | F_S3)) && !participle && x->st->ment[v] < 0 &&
                v + 1 < s->n_tokens && !(s->tokens[v + 1].flags & TOK_PUNCT)) {
                e = j;
                break;
            }
        }
        /* "..., Defence Minister X said": the speaker of the whole sentence */
        if (is_punct(s, j, ',') && j > a) {
            size_t v = j + 1;
            while (v < s->n_tokens && v < j + 5 && x->st->ment[v] < 0 && (s->tokens[v].flags & TOK_UPPER))
                v++;
            int k = v < s->n_tokens ? x->st->ment[v] : -1;
            if (k >= 0 && subject_type_ok(x->m[k].type) && x->m[k].last_tok + 1 < s->n_tokens) {
                size_t w = x->m[k].last_tok + 1;
                const lex_entry *ve = pred_at(x, w);
                if (ve && x->c->lemmas[ve->val].cls == CL_SPEECH && (ve->mask & (F_PAST | F_S3))) {
                    e = j;
                    break;
                }
            }
        }
        if (is_punct(s, j, ';') ||
            (is_punct(s, j, ',') && (kis(s, j + 1, "and") || kis(s, j + 1, "while") ||
                                     kis(s, j + 1, "but") || kis(s, j + 1, "whereas")))) {
            e = j;
            break;
        }
    }
    if (a > from && is_quote(s, a - 1)) {
        /* the quotation up to its closing mark */
        size_t q = a;
        while (q < s->n_tokens && !is_quote(s, q))
            q++;
        e = q;
    }
    int words = 0;
    for (size_t j = a; j < e && !words; j++)
        words = (s->tokens[j].flags & (TOK_WORD | TOK_NUMBER)) != 0;
    /* "said on Tuesday", "told reporters in Kyiv": no reported words after the verb
     * (but "urged allies to ...", "claimed responsibility" say what they say) */
    if (words && a == from && from > 0 && !has_clause_word(x, a, e)) {
        const lex_entry *pe = pred_at(x, from - 1);
        const char *ln = pe ? x->c->strings.buf + x->c->lemmas[pe->val].name_off : "";
        int bare = strcmp(ln, "say") == 0 || strcmp(ln, "tell") == 0 || strcmp(ln, "add") == 0;
        /* "warned against", "spoke about", "appealed for": the words say what was said
         * (not "of": "the state of Alaska", "its declaration of") */
        int content = kis(s, a, "to") || kis(s, a, "against") || kis(s, a, "about") ||
                      kis(s, a, "for");
        int adjunct = (in_list(x, a, L_PREP) && !content && strcmp(ln, "call") != 0) ||
                      kis(s, a, "that") ||
                      (x->st->ment[a] >= 0 && x->m[x->st->ment[a]].type == NERC_DATE);
        if (bare || adjunct)
            words = 0;
    }
    if (words) {
        cd->o_first = (uint32_t)a;
        cd->o_last = (uint32_t)(e - 1);
    }
}

/* Quoted words before `, X said`: the quote ending right before token j. */
static int quote_before(const ctx *x, size_t j, uint32_t *qa, uint32_t *qb)
{
    const sentence *s = x->s;
    long i = (long)j;
    while (i >= 0 && (is_punct(s, (size_t)i, ',') || is_punct(s, (size_t)i, '.')))
        i--;
    if (i < 1 || !is_quote(s, (size_t)i))
        return 0;
    long b = i - 1;
    long a = b;
    while (a >= 0 && !is_quote(s, (size_t)a))
        a--;
    *qa = (uint32_t)(a + 1);
    *qb = (uint32_t)b;
    while (*qb > *qa && (is_punct(s, *qb, ',') || is_punct(s, *qb, '.')))
        (*qb)--;
    return *qa <= *qb;
}

/* Nominal event: the owner of predicate noun pm. Returns 1 when found. */
static int nominal_event(const ctx *x, const pmatch *pm, cand *cd)
{
    const sentence *s = x->s;
    size_t f = pm->first;
    /* a noun that modifies the next one is not the head: "missile production sites" */
    size_t nx = pm->last + 1;
    if (nx < s->n_tokens && x->st->ment[nx] < 0 && (s->tokens[nx].flags & TOK_WORD) &&
        !(s->tokens[nx].flags & TOK_UPPER) && !in_list(x, nx, L_PREP | L_SUBORD) &&
        !in_list(x, nx, L_BE | L_HAVE | L_DO) && !modal_of(x, nx) &&
        !kis(s, nx, "and") && !kis(s, nx, "or") && !kis(s, nx, "as") && !is_ly_adverb(s, nx) &&
        !pred_at(x, nx)) {
        size_t n;
        const char *k = tkey(s, nx, &n);
        if (!(n > 3 && memcmp(k + n - 2, "ed", 2) == 0))
            return 0;
    }
    /* (1) possessive owner, with up to three modifiers: "Iran's ballistic missile attack" */
    size_t j = f;
    int mods = 0;
    while (j > 0 && mods < 4) {
        size_t p = j - 1;
        if (s->tokens[p].flags & TOK_POSSESSIVE) {
            if (p >= 1) {
                int k = mention_ending_at(x, p - 1);
                if (k >= 0 && subject_type_ok(x->m[k].type)) {
                    cd->nsubj = 1;
                    subj_from_mention(x, &cd->s[0], k);
                    cd->conf = 0.65;
                    return 1;
                }
            }
            return 0;
        }
        if (kis(s, p, "his") || kis(s, p, "her") || kis(s, p, "its") || kis(s, p, "their")) {
            /* resolved later from the clause's subject; kept only when dated */
            cd->nsubj = 0;
            cd->need_date = 1;
            cd->conf = 0.5;
            return 2;
        }
        if ((s->tokens[p].flags & (TOK_PUNCT)) || in_list(x, p, L_DET) || in_list(x, p, L_PREP) ||
            x->st->ment[p] >= 0)
            break;
        if (!(s->tokens[p].flags & (TOK_WORD | TOK_NUMBER)))
            break;
        j = p;
        mods++;
    }
    /* (2) "the death of X", "help from X": a few determiners and title words between */
    size_t l = pm->last;
    uint8_t prep = pm->e->noun_prep;
    if (prep != NP_NONE && l + 2 < s->n_tokens &&
        kis(s, l + 1, prep == NP_OF ? "of" : "from")) {
        size_t q = l + 2;
        while (q < s->n_tokens && q < l + 8 && x->st->ment[q] < 0 &&
               (in_list(x, q, L_DET) || kis(s, q, "then") || kis(s, q, "former") || kis(s, q, "late") ||
                (s->tokens[q].flags & TOK_UPPER)))
            q++;
        if (q < s->n_tokens && x->st->ment[q] >= 0) {
            int k = x->st->ment[q];
            if (x->m[k].first_tok == q && subject_type_ok(x->m[k].type)) {
                cd->nsubj = 1;
                subj_from_mention(x, &cd->s[0], k);
                cd->conf = 0.6;
                return 1;
            }
        }
    }
    /* (3) a doer further on: "the decimation of ... at the hands of X", "... by X" */
    if (f > 0 && in_list(x, f - 1, L_DET)) {
        for (size_t q = l + 1; q + 1 < s->n_tokens && q < l + 12 && !is_clause_end(x, q); q++) {
            size_t at = 0;
            if (kis(s, q, "by"))
                at = q + 1;
            else if (kis(s, q, "hands") && q + 1 < s->n_tokens && kis(s, q + 1, "of"))
                at = q + 2;
            if (!at || at >= s->n_tokens)
                continue;
            if (kis(s, at, "the") && at + 1 < s->n_tokens)
                at++;
            int k = x->st->ment[at];
            if (k >= 0 && x->m[k].first_tok == at && subject_type_ok(x->m[k].type)) {
                cd->nsubj = 1;
                subj_from_mention(x, &cd->s[0], k);
                cd->conf = 0.55;
                return 1;
            }
            break;
        }
    }
    return 0;
}

/* The verb group left of the predicate: auxiliaries, negation, modal, adverbs.
 * Returns the first token of the group. */
typedef struct vgroup {
    long start;
    int has_be, has_have, has_do, has_to, neg;
    const char *modal;
} vgroup;

static void verb_group(const ctx *x, size_t first, vgroup *vg)
{
    const sentence *s = x->s;
    memset(vg, 0, sizeof *vg);
    long i = (long)first - 1;
    while (i >= 0 && x->st->ment[i] < 0) {
        const char *md = NULL;
        if (in_list(x, (size_t)i, L_BE))
            vg->has_be = 1;
        else if (in_list(x, (size_t)i, L_HAVE))
            vg->has_have = 1;
        else if (in_list(x, (size_t)i, L_DO))
            vg->has_do = 1;
        else if ((md = modal_of(x, (size_t)i)) != NULL)
            vg->modal = md;
        else if (kis(s, (size_t)i, "not") || kis(s, (size_t)i, "never"))
            vg->neg = 1;
        else if (neg_aux(s, (size_t)i, &md)) {
            vg->neg = 1;
            if (md)
                vg->modal = md;
            else if (kis(s, (size_t)i, "isn't") || kis(s, (size_t)i, "wasn't") ||
                     kis(s, (size_t)i, "aren't") || kis(s, (size_t)i, "weren't"))
                vg->has_be = 1;
            else if (kis(s, (size_t)i, "hasn't") || kis(s, (size_t)i, "haven't") ||
                     kis(s, (size_t)i, "hadn't"))
                vg->has_have = 1;
            else
                vg->has_do = 1;
        } else if (kis(s, (size_t)i, "to")) {
            vg->has_to = 1;
            i--;
            break;
        } else if (kis(s, (size_t)i, "no") && (size_t)i + 1 < first && kis(s, (size_t)i + 1, "longer"))
            vg->neg = 1;
        else if (!(s->tokens[i].flags & TOK_UPPER) &&
                 (in_list(x, (size_t)i, L_ADV) || is_ly_adverb(s, (size_t)i))) {
            if (kis(s, (size_t)i, "never"))
                vg->neg = 1;
        } else if (s->tokens[i].flags & TOK_POSSESSIVE) {
            /* "it's" / "he's": a contracted is/has after a pronoun */
            if (i >= 1 && (kis(s, (size_t)i - 1, "it") || kis(s, (size_t)i - 1, "he") ||
                           kis(s, (size_t)i - 1, "she")))
                vg->has_be = 1;
            else
                break;
        } else
            break;
        i--;
    }
    vg->start = i + 1;
}

/* Does [a, b) hold the makings of a clause: an auxiliary, a modal, a verb of the
 * lexicon, or a pronoun subject? ("Russia was ...", "it would ...", "Iran attacked") */
static int has_clause_word(const ctx *x, size_t a, size_t b)
{
    const sentence *s = x->s;
    for (size_t j = a; j < b && j < s->n_tokens; j++) {
        if (x->st->ment[j] >= 0 || !(s->tokens[j].flags & TOK_WORD))
            continue;
        const char *md;
        if (in_list(x, j, L_BE | L_HAVE | L_DO) || modal_of(x, j) ||
            neg_aux(s, j, &md) || in_list(x, j, L_SUBJECT_PRONOUN))
            return 1;
        const lex_entry *e = pred_at(x, j);
        if (e && (e->mask & (F_PAST | F_S3)))
            return 1;
        /* a regular past tense the lexicon lacks ("the army acted"), not an adjective
         * after a determiner ("the armed forces") */
        size_t n = s->tokens[j].key_len;
        const char *k = s->keys + s->tokens[j].key;
        if (n > 4 && k[n - 2] == 'e' && k[n - 1] == 'd' && !(s->tokens[j].flags & TOK_UPPER) &&
            j > a && !in_list(x, j - 1, L_DET) && (s->tokens[j - 1].flags & TOK_WORD))
            return 1;
    }
    return 0;
}

/* Tokens [0, b) as reported words with a verb the lexicon does not know ("The deal
 * includes a clause, X said"): at least four words, not opening with a preposition
 * (a fronted adjunct such as "In Moscow on Friday" reports nothing). */
static int reads_as_clause(const ctx *x, size_t b)
{
    const sentence *s = x->s;
    size_t words = 0, first = (size_t)-1;
    for (size_t j = 0; j < b; j++)
        if (s->tokens[j].flags & TOK_WORD) {
            if (first == (size_t)-1)
                first = j;
            words++;
        }
    return words >= 4 && first != (size_t)-1 && !in_list(x, first, L_PREP) &&
           x->st->ment[first] < 0;
}

/* Light-verb idioms whose subject is a thing, not an actor: "the truce took effect". */
static int thing_idiom(const ctx *x, const pmatch *pm)
{
    const sentence *s = x->s;
    const char *ln = x->c->strings.buf + x->c->lemmas[pm->e->val].name_off;
    size_t n = pm->last + 1;
    if (n >= s->n_tokens)
        return 0;
    if (strcmp(ln, "take") == 0)
        return kis(s, n, "effect") || kis(s, n, "place") || kis(s, n, "hold");
    if (strcmp(ln, "enter") == 0 || strcmp(ln, "come") == 0)
        return n + 1 < s->n_tokens && kis(s, n, "into") && kis(s, n + 1, "force");
    /* "found themselves isolated": a state, not a finding */
    if (strcmp(ln, "find") == 0)
        return kis(s, n, "themselves") || kis(s, n, "itself") || kis(s, n, "himself") ||
               kis(s, n, "herself");
    return 0;
}

/* The first token after determiners and a title that starts at token a ("the",
 * "Russian President", "Secretary of State"), when a name follows them; else a past
 * the determiners. */
static size_t skip_title_fwd(const ctx *x, size_t a)
{
    const sentence *s = x->s;
    size_t q = a;
    while (q + 1 < s->n_tokens && in_list(x, q, L_DET) && x->st->ment[q] < 0 && q < a + 2)
        q++;
    size_t after_det = q;
    int titled = 0;
    for (int steps = 0; q + 1 < s->n_tokens && steps < 7 && x->st->ment[q] < 0; steps++) {
        if (!(s->tokens[q].flags & TOK_WORD) || in_list(x, q, L_DET))
            break;
        if (word_class(x, q) & W_TITLE)
            titled = 1;
        else if (kis(s, q, "of") && titled) {
            /* "Secretary of State" */
        } else if (!(s->tokens[q].flags & TOK_UPPER) || in_list(x, q, L_PREP) || kis(s, q, "and"))
            break;
        if (s->tokens[q].flags & TOK_POSSESSIVE)
            break;
        q++;
        if (q < s->n_tokens && is_punct(s, q, '.') && q + 1 < s->n_tokens && x->st->ment[q + 1] < 0)
            q++; /* "Gen." */
    }
    if (titled && q < s->n_tokens && x->st->ment[q] >= 0 && x->m[x->st->ment[q]].first_tok == q)
        return q;
    return after_det;
}

/* The doer named in a "by" phrase at token q: "by the European Union and Japan".
 * Fills cd->s and returns the last token of the phrase, or -1. */
static long by_doer(const ctx *x, size_t q, cand *cd)
{
    const sentence *s = x->s;
    if (q + 1 >= s->n_tokens || !kis(s, q, "by"))
        return -1;
    size_t a = skip_title_fwd(x, q + 1);
    int k = x->st->ment[a];
    if (k < 0 || x->m[k].first_tok != a || !subject_type_ok(x->m[k].type) ||
        (x->m[k].last_tok + 1 < s->n_tokens && (s->tokens[x->m[k].last_tok + 1].flags & TOK_POSSESSIVE)))
        return -1;
    /* take the whole coordination after "by" */
    size_t endk = x->m[k].last_tok;
    int ks[MAX_SUBJ], n = 0;
    ks[n++] = k;
    while (n < MAX_SUBJ && endk + 2 < s->n_tokens &&
           (kis(s, endk + 1, "and") || is_punct(s, endk + 1, ','))) {
        size_t nx = endk + 2;
        if (kis(s, nx, "and") && nx + 1 < s->n_tokens)
            nx++;
        nx = skip_title_fwd(x, nx); /* "by Egypt and the United States" */
        int k2 = x->st->ment[nx];
        if (k2 < 0 || x->m[k2].first_tok != nx || !subject_type_ok(x->m[k2].type))
            break;
        ks[n++] = k2;
        endk = x->m[k2].last_tok;
    }
    cd->nsubj = 0;
    for (int i = 0; i < n; i++)
        subj_from_mention(x, &cd->s[cd->nsubj++], ks[i]);
    return (long)endk;
}

/* "began striking", "kept firing": a verb whose -ing complement is an event of its subject */
static int aspect_verb(const ctx *x, size_t i)
{
    static const char *const ASPECT[] = {"begin", "start", "continue", "resume", "keep", NULL};
    const lex_entry *e = pred_at(x, i);
    if (!e || x->st->ment[i] >= 0)
        return 0;
    const char *ln = x->c->strings.buf + x->c->lemmas[e->val].name_off;
    for (size_t j = 0; ASPECT[j]; j++)
        if (strcmp(ln, ASPECT[j]) == 0)
            return 1;
    return 0;
}

static int process_pred(const ctx *x, const pmatch *pm, uint32_t *suppress_from, uint32_t *suppress_to)
{
    const sentence *s = x->s;
    claims_state *st = x->st;
    const lex_entry *e = pm->e;
    int cls = x->c->lemmas[e->val].cls;
    int speech = cls == CL_SPEECH || cls == CL_ATTITUDE;
    if (pm->first >= *suppress_from && pm->first <= *suppress_to)
        return 0;
    if (thing_idiom(x, pm))
        return 0;
    cand tmp;
    cand_init(&tmp);
    int got = 0;
    /* 1. nominal reading */
    if (e->mask & F_NOUN) {
        int r = nominal_event(x, pm, &tmp);
        if (r) {
            tmp.nominal = 1;
            got = r;
        }
    }
    vgroup vg;
    memset(&vg, 0, sizeof vg);
    if (!got && (e->mask & (F_BASE | F_S3 | F_PAST | F_PP | F_ING))) {
        verb_group(x, pm->first, &vg);
        if (vg.has_to)
            return 0; /* an infinitive complements another verb */
        uint16_t mk = e->mask;
        /* "US sanctions on Russian oil took effect": a plural noun before its
         * preposition, when a verb of the same clause follows */
        if ((mk & F_S3) && !(mk & (F_PAST | F_PP)) && !vg.has_be && !vg.has_have && !vg.modal &&
            !vg.has_do && pm->last + 1 < s->n_tokens &&
            (kis(s, pm->last + 1, "on") || kis(s, pm->last + 1, "against") ||
             kis(s, pm->last + 1, "of") || kis(s, pm->last + 1, "over"))) {
            size_t q = pm->last + 1;
            while (q < s->n_tokens && !is_clause_end(x, q))
                q++;
            if (has_clause_word(x, pm->last + 2, q))
                return 0;
        }
        /* "hoped to", "hopes that": an attitude needs a clause or an infinitive */
        if (cls == CL_ATTITUDE) {
            size_t q = pm->last + 1;
            while (q < s->n_tokens && (is_ly_adverb(s, q) || in_list(x, q, L_ADV)))
                q++;
            if (q >= s->n_tokens || !(kis(s, q, "that") || kis(s, q, "to")))
                return 0;
        }
        int passive = vg.has_be && (mk & F_PP) && !(mk & F_ING);
        int gerund = (mk & F_ING) && !vg.has_be && !vg.has_have && !vg.modal && !vg.has_do;
        /* forms that cannot head a clause on their own */
        if (!(mk & (F_BASE | F_S3 | F_PAST | F_ING)) && !vg.has_be && !vg.has_have)
            return 0;
        if ((mk & F_BASE) && !(mk & (F_S3 | F_PAST | F_PP | F_ING)) && vg.has_be)
            return 0;
        /* a noun after a determiner ("the attack") is no verb */
        if (vg.start > 0 && (in_list(x, (size_t)vg.start - 1, L_DET) ||
                             (s->tokens[vg.start - 1].flags & TOK_POSSESSIVE &&
                              !(vg.has_be))))
            return 0;
        long sj = vg.start - 1;
        /* "The council on Wednesday adopted": a date between subject and verb */
        if (sj >= 1 && st->ment[sj] >= 0 && x->m[st->ment[sj]].type == NERC_DATE &&
            x->m[st->ment[sj]].last_tok == (uint32_t)sj) {
            long b = (long)x->m[st->ment[sj]].first_tok - 1;
            if (b >= 1 && (kis(s, (size_t)b, "on") || kis(s, (size_t)b, "in")) && st->ment[b - 1] >= 0 &&
                x->m[st->ment[b - 1]].type != NERC_DATE)
                sj = b - 1;
        }
        int found = 0;
        /* "Israel strikes Hezbollah targets": a name that is the object of an active
         * verb just before it, followed by a bare -s/-ed word, is a noun phrase
         * ("Hezbollah targets"), not a subject and its verb */
        if (!passive && !vg.has_be && !vg.has_have && !vg.modal && !vg.has_do && sj > 0) {
            int k = mention_ending_at(x, (size_t)sj);
            if (k >= 0 && x->m[k].first_tok > 0) {
                size_t v = x->m[k].first_tok - 1;
                const lex_entry *ve = pred_at(x, v);
                if (ve && x->c->lemmas[ve->val].cls == CL_EVENT &&
                    (ve->mask & (F_PAST | F_S3 | F_BASE))) /* headlines: "US strike Houthi targets" */
                    return 0;
            }
            /* "UN sanctions on Iran", "the Caesar Act sanctions remain": an -s form after a
             * name, followed by a preposition or a verb of its own, is a plural noun
             * ("sanctions"), not the name's verb ("Dermer believes, ..." stays a verb) */
            size_t nx = pm->last + 1;
            if (k >= 0 && (mk & F_S3) && !(mk & (F_PAST | F_BASE)) &&
                nx < s->n_tokens && in_list(x, nx, L_NOUN_NEXT))
                return 0;
        }
        if (passive) {
            /* the doer named in a "by" phrase */
            long endk = by_doer(x, pm->last + 1, &tmp);
            if (endk >= 0) {
                tmp.conf = 0.75;
                found = 1;
                event_object(x, &tmp, (size_t)endk + 1);
                /* the surface subject is the object */
                if (sj >= 0 && mention_ending_at(x, (size_t)sj) >= 0) {
                    int ko = mention_ending_at(x, (size_t)sj);
                    tmp.obj_mention = ko;
                    tmp.o_first = x->m[ko].first_tok;
                    tmp.o_last = x->m[ko].last_tok;
                }
            }
        } else if (!vg.has_be && !vg.has_have && (mk & F_PP) && !(mk & (F_PAST | F_BASE | F_S3)) &&
                   !(mk & F_ING))
            return 0;
        if (!found) {
            if (!passive && !vg.has_be && !vg.has_have && !vg.modal && !vg.has_do &&
                pm->last + 1 < s->n_tokens && kis(s, pm->last + 1, "by") && (mk & F_PP)) {
                /* reduced passive: "the coalition announced by Washington" names its
                 * doer; the noun before it is what was done */
                if (sj < 0 || in_list(x, (size_t)sj, L_PREP) || is_punct(s, (size_t)sj, ','))
                    return 0;
                long endk = by_doer(x, pm->last + 1, &tmp);
                if (endk < 0)
                    return 0;
                /* "rebels led by X captured ...": X is the subject of the next verb */
                if ((size_t)endk + 1 < s->n_tokens && has_clause_word(x, (size_t)endk + 1, (size_t)endk + 2))
                    return 0;
                tmp.conf = 0.6;
                found = 1;
                event_object(x, &tmp, (size_t)endk + 1);
                tmp.o_first = 1;
                tmp.o_last = 0;
                long b = sj;
                while (b > 0 && (s->tokens[b - 1].flags & TOK_WORD) &&
                       !in_list(x, (size_t)b - 1, L_PREP | L_SUBORD) &&
                       !is_boundary(x, (size_t)b - 1) && sj - b < 6)
                    b--;
                tmp.o_first = (uint32_t)b;
                tmp.o_last = (uint32_t)sj;
            }
            if (!found)
                found = find_subject(x, sj, &tmp, gerund);
            /* "X condemned the deal and summoned ...": the verbs share X */
            /* "India blamed X, suspended Y and expelled Z": a comma joins verbs too */
            if (!found && sj >= 0 && (kis(s, (size_t)sj, "and") || is_punct(s, (size_t)sj, ',')) &&
                (mk & (F_PAST | F_S3)) && !gerund && !passive && !vg.has_be && !vg.has_have) {
                uint16_t tense = mk & (F_PAST | F_S3);
                for (size_t q = st->n_cands; q-- > 0;) {
                    const cand *pc = &st->cands[q];
                    if (pc->nominal || !pc->nsubj || pc->p_last >= (uint32_t)sj || pc->dropped)
                        continue;
                    if (!(pc->vmask & tense))
                        break;
                    int own = 0; /* a subject of its own between them: another clause */
                    for (size_t k = 0; k < x->nm; k++)
                        if (st->subjpos[k] && x->m[k].first_tok > pc->p_last && x->m[k].last_tok < (uint32_t)sj)
                            own = 1;
                    if (own)
                        break;
                    tmp.nsubj = pc->nsubj;
                    memcpy(tmp.s, pc->s, (size_t)pc->nsubj * sizeof tmp.s[0]);
                    tmp.conf = pc->conf > 0.6 ? 0.6 : pc->conf;
                    found = 1;
                    break;
                }
            }
            /* (not a noun before it: "defence spending") */
            if (!found && gerund && sj >= 0 && !in_list(x, (size_t)sj, L_PREP) &&
                !in_list(x, (size_t)sj, L_DET) && !in_list(x, (size_t)sj, L_SUBORD) &&
                ((s->tokens[sj].flags & TOK_PUNCT) || kis(s, (size_t)sj, "and") ||
                 in_list(x, (size_t)sj, L_ADV) || is_ly_adverb(s, (size_t)sj) || st->ment[sj] >= 0 ||
                 aspect_verb(x, (size_t)sj))) {
                /* participle clause: "..., saying that ..." takes the clause subject */
                for (size_t k = x->nm; k-- > 0;)
                    if (x->m[k].last_tok < (uint32_t)sj && st->subjpos[k] &&
                        subject_type_ok(x->m[k].type) && x->m[k].type != NERC_AGREEMENT) {
                        gather_coordination(x, &tmp, (int)k);
                        tmp.conf = 0.5;
                        found = 1;
                        break;
                    }
            }
            if (!found && speech && sj >= 0 &&
                (is_quote(s, (size_t)sj) || is_punct(s, (size_t)sj, ','))) {
                /* inverted: '"...," said X.' */
                size_t a = pm->last + 1;
                if (a < s->n_tokens && st->ment[a] >= 0) {
                    int k = st->ment[a];
                    if (x->m[k].first_tok == a && subject_type_ok(x->m[k].type)) {
                        tmp.nsubj = 1;
                        subj_from_mention(x, &tmp.s[0], k);
                        tmp.conf = 0.75;
                        found = 1;
                        uint32_t qa, qb;
                        if (quote_before(x, (size_t)sj, &qa, &qb)) {
                            tmp.o_first = qa;
                            tmp.o_last = qb;
                        }
                    }
                }
            }
            if (!found)
                return 0;
        }
        /* "states" / "state" as a verb needs its complement */
        tmp.neg = vg.neg;
        tmp.modality = vg.modal ? vg.modal : "";
        tmp.vmask = mk;
        got = 1;
        if (passive && tmp.conf > 0.7)
            tmp.conf = 0.7;
    }
    if (!got)
        return 0;
    cand *cd = new_cand(st);
    if (!cd)
        return NERC_ENOMEM;
    uint32_t o1 = tmp.o_first, o2 = tmp.o_last;
    int om = tmp.obj_mention;
    memcpy(cd, &tmp, offsetof(cand, s) + (size_t)tmp.nsubj * sizeof tmp.s[0]);
    cd->p_first = pm->first;
    cd->p_last = pm->last;
    cd->lem = e->val;
    cd->speech = speech;
    if (o1 <= o2) {
        cd->o_first = o1;
        cd->o_last = o2;
        cd->obj_mention = om;
    } else if (speech) {
        /* "what X called Operation Y" names something; "called for/on" asks */
        const char *ln = x->c->strings.buf + x->c->lemmas[e->val].name_off;
        size_t nx = pm->last + 1;
        int k_named = nx < s->n_tokens ? st->ment[nx] : -1;
        /* "called X a war criminal" judges X */
        int call_x_a = k_named >= 0 && x->m[k_named].last_tok + 1 < s->n_tokens &&
                       (kis(s, x->m[k_named].last_tok + 1, "a") || kis(s, x->m[k_named].last_tok + 1, "an") ||
                        is_quote(s, x->m[k_named].last_tok + 1));
        /* "X called the move reckless": a named speaker judges a thing */
        if (!call_x_a && cd->nsubj && cd->s[0].mention >= 0 && nx + 1 < s->n_tokens &&
            (kis(s, nx, "the") || kis(s, nx, "its") || kis(s, nx, "this") || kis(s, nx, "their")) &&
            !vg.has_be)
            call_x_a = 1;
        if (strcmp(ln, "call") == 0 &&
            !(nx < s->n_tokens && (kis(s, nx, "for") || kis(s, nx, "on") || kis(s, nx, "upon") ||
                                   is_quote(s, nx) || call_x_a))) {
            st->n_cands--;
            return 0;
        }
        if (call_x_a && strcmp(ln, "call") == 0) {
            size_t q = nx;
            while (q < s->n_tokens && !is_punct(s, q, '.') && !is_punct(s, q, ';') &&
                   !(st->ment[q] >= 0 && x->m[st->ment[q]].type == NERC_DATE && q > nx &&
                     in_list(x, q - 1, L_PREP)))
                q++;
            if (q > nx && in_list(x, q - 1, L_PREP))
                q--;
            cd->o_first = (uint32_t)nx;
            cd->o_last = (uint32_t)(q - 1);
        } else
            speech_object(x, cd, pm->last + 1);
        if (cd->o_first > cd->o_last) {
            uint32_t qa, qb;
            long b = cd->nsubj && cd->s[0].mention >= 0 ? (long)x->m[cd->s[0].mention].first_tok - 1
                                                         : (long)pm->first - 1;
            /* '"...," he added': step over the pronoun and adverbs */
            if (!(cd->nsubj && cd->s[0].mention >= 0))
                for (int step = 0; step < 3 && b >= 0 && (s->tokens[b].flags & TOK_WORD); step++)
                    b--;
            /* '"...," army spokesman Brig. Gen. X told ...', 'X will respond, Iran's
             * foreign minister Y said': step over the speaker's description (words,
             * possessives, names and the stops of abbreviated ranks) */
            long d = b;
            if (cd->nsubj && cd->s[0].mention >= 0) {
                d = (long)skip_ranks_back(x, x->m[cd->s[0].mention].first_tok) - 1;
                for (int step = 0; step < 7 && d > 0; step++) {
                    const token *tb = &s->tokens[d];
                    if (!(tb->flags & (TOK_WORD | TOK_POSSESSIVE)) && st->ment[d] < 0)
                        break;
                    d--;
                }
            }
            if (b >= 0 && quote_before(x, (size_t)b, &qa, &qb)) {
                cd->o_first = qa;
                cd->o_last = qb;
            } else if (d >= 0 && d != b && quote_before(x, (size_t)d, &qa, &qb)) {
                cd->o_first = qa;
                cd->o_last = qb;
            } else if (d >= 2 && cd->nsubj && cd->s[0].mention >= 0 && is_punct(s, (size_t)d, ',') &&
                       (has_clause_word(x, 0, (size_t)d) || reads_as_clause(x, (size_t)d))) {
                /* "Israel will respond, Defence Minister Yoav Gallant said": the
                 * reported clause comes first, the speaker after a comma */
                cd->o_first = 0;
                cd->o_last = (uint32_t)d - 1;
            }
        }
        /* a quoted word or two is no statement: "said “evening”" */
        if (cd->o_first <= cd->o_last) {
            int nw = 0;
            for (uint32_t q = cd->o_first; q <= cd->o_last && nw < 2; q++)
                nw += (s->tokens[q].flags & (TOK_WORD | TOK_NUMBER)) != 0;
            if (nw < 2) {
                st->n_cands--;
                return 0;
            }
        }
        /* "states" as a verb needs what was stated */
        if (cd->o_first > cd->o_last) {
            st->n_cands--;
            return 0;
        }
        if (cd->o_last >= cd->o_first && cd->o_first > pm->last) {
            *suppress_from = cd->o_first;
            *suppress_to = cd->o_last;
        }
    } else {
        size_t from = pm->last + 1;
        /* "attack on Iran": the object of the nominal starts after its preposition */
        if (cd->nominal && cd->nsubj && cd->s[0].mention >= 0 &&
            x->m[cd->s[0].mention].first_tok > pm->last)
            from = x->m[cd->s[0].mention].last_tok + 1;
        if (cd->nominal && from < s->n_tokens &&
            (kis(s, from, "on") || kis(s, from, "against") || kis(s, from, "of") ||
             kis(s, from, "to") || kis(s, from, "with")))
            from++;
        event_object(x, cd, from);
    }
    return 0;
}

/* Mentions in subject position: not after a preposition, not possessive, and
 * followed by an auxiliary or a verb-like word. */
static void mark_subject_positions(const ctx *x)
{
    const sentence *s = x->s;
    for (size_t k = 0; k < x->nm; k++) {
        x->st->subjpos[k] = 0;
        if (!subject_type_ok(x->m[k].type) || after_prep(x, (int)k))
            continue;
        size_t j = x->m[k].last_tok + 1;
        while (j < s->n_tokens && x->st->ment[j] < 0 && !(s->tokens[j].flags & TOK_UPPER) &&
               (in_list(x, j, L_ADV) || is_ly_adverb(s, j)))
            j++;
        /* "Pakistan-based militants": a compound modifier, not a subject */
        if (j >= s->n_tokens || x->st->ment[j] >= 0 ||
            (s->tokens[j].flags & (TOK_PUNCT | TOK_POSSESSIVE | TOK_UPPER | TOK_JOINED)))
            continue;
        size_t n;
        const char *kk = tkey(s, j, &n);
        const char *md;
        if (in_list(x, j, L_BE | L_HAVE | L_DO) || modal_of(x, j) ||
            neg_aux(s, j, &md) || (n > 3 && (memcmp(kk + n - 2, "ed", 2) == 0)) ||
            pred_at(x, j))
            x->st->subjpos[k] = 1;
    }
}

/* "the October 7 attack": a date between a determiner and a noun names the thing,
 * not the time of the clause's event. */
static int date_modifies_noun(const ctx *x, size_t k)
{
    const sentence *s = x->s;
    size_t f = x->m[k].first_tok, l = x->m[k].last_tok;
    /* "by 2035", "until March": a deadline, not the time of the event */
    if (f > 0 && (kis(s, f - 1, "by") || kis(s, f - 1, "until")))
        return 1;
    /* "up 15% from 4 pence a year earlier": the date of a compared amount */
    int amount = 0;
    for (size_t j = f; j-- > 0 && j + 10 > f;) {
        if (kis(s, j, "from") || kis(s, j, "versus") || kis(s, j, "compared")) {
            if (amount)
                return 1;
            break;
        }
        if (is_boundary(x, j) && !is_punct(s, j, ','))
            break;
        /* a number of its own ("4 pence", "$1.69"), not part of a name ("F-35") */
        if ((s->tokens[j].flags & (TOK_NUMBER | TOK_JOINED)) == TOK_NUMBER)
            amount = 1;
    }
    if (f > 0 && in_list(x, f - 1, L_DET) && l + 1 < s->n_tokens && x->st->ment[l + 1] >= 0 &&
        x->m[x->st->ment[l + 1]].type != NERC_DATE)
        return 1; /* "the 1974 Disengagement Agreement": part of a name */
    return f > 0 && in_list(x, f - 1, L_DET) && l + 1 < s->n_tokens && x->st->ment[l + 1] < 0 &&
           (s->tokens[l + 1].flags & TOK_WORD) && !(s->tokens[l + 1].flags & TOK_UPPER) &&
           !in_list(x, l + 1, L_PREP) && !in_list(x, l + 1, L_SUBORD) && !kis(s, l + 1, "and");
}

/* The first DATE in [from, next) that ends its clause (the sentence ends or a boundary
 * follows), when every boundary before it is a comma and nothing between reads as
 * another clause or phrase with a time of its own: a clause word (has_clause_word), a
 * participle after a comma (", increasing reserves ... as of Sept. 30"), a quote,
 * "since"; and not
 * inside an apposition (", worth $130 million in October, are"). -1 otherwise. Never
 * the dateline `dl` or a date naming a noun. */
static int date_past_commas(const ctx *x, size_t from, size_t next, long dl)
{
    const sentence *s = x->s;
    size_t nt = s->n_tokens, commas = 0, joined = 0; /* "and"/"or" after the last comma */
    for (size_t j = from; j < next && j < nt; j++) {
        int k = x->st->ment[j];
        if (k >= 0 && x->m[k].type == NERC_DATE) {
            const claim_mention *d = &x->m[k];
            size_t after = d->last_tok + 1;
            if (!d->value || !*d->value || (long)k == dl || date_modifies_noun(x, (size_t)k) ||
                !(after >= nt || is_clause_end(x, after)) || has_clause_word(x, from, j))
                return -1;
            /* an odd comma before it and one after it, no list: an apposition */
            if (commas % 2 == 1 && !joined && after < nt && is_punct(s, after, ','))
                return -1;
            return k;
        }
        if (k >= 0) {
            j = x->m[k].last_tok;
            continue;
        }
        if (is_punct(s, j, ',')) {
            commas++;
            joined = 0;
            continue;
        }
        if (is_boundary(x, j) || is_quote(s, j) || kis(s, j, "since"))
            return -1;
        if (kis(s, j, "and") || kis(s, j, "or"))
            joined = 1;
        /* ", increasing reserves to ...": a participle opens a phrase of its own */
        size_t n = s->tokens[j].key_len;
        const char *w = s->keys + s->tokens[j].key;
        if (j > from && is_punct(s, j - 1, ',') && n > 4 && memcmp(w + n - 3, "ing", 3) == 0 &&
            !(s->tokens[j].flags & TOK_UPPER))
            return -1;
    }
    return -1;
}

/* A dateline opening the sentence: "KYIV, April 25 (Reuters) - ", "NEW DELHI/ISLAMABAD,
 * May 11 (AP) — " (place words, a comma, a date, an optional bracketed agency and a
 * dash). Its date is when the story was filed, not when its events happened: returns
 * that DATE mention, or -1. */
static long dateline_date(const ctx *x)
{
    const sentence *s = x->s;
    size_t n = s->n_tokens, i = 0;
    while (i < n && i < 8) {
        int km = x->st->ment[i];
        if (km >= 0) {
            if (x->m[km].type == NERC_DATE)
                break;
            i = x->m[km].last_tok + 1;
        } else if ((s->tokens[i].flags & TOK_UPPER) || is_punct(s, i, '/'))
            i++;
        else
            break;
    }
    if (i == 0 || i >= n || !is_punct(s, i, ','))
        return -1;
    i++;
    int k = i < n ? x->st->ment[i] : -1;
    if (k < 0 || x->m[k].type != NERC_DATE || x->m[k].first_tok != i)
        return -1;
    i = x->m[k].last_tok + 1;
    if (i < n && is_punct(s, i, '(')) {
        size_t c = i + 1;
        while (c < n && c < i + 6 && !is_punct(s, c, ')'))
            c++;
        if (c >= n || !is_punct(s, c, ')'))
            return -1;
        i = c + 1;
    }
    if (i >= n)
        return -1;
    size_t len = s->tokens[i].end - s->tokens[i].start;
    const char *t = s->text + s->tokens[i].start;
    if ((len == 1 && t[0] == '-') || (len == 3 && (memcmp(t, "\xe2\x80\x94", 3) == 0 ||
                                                  memcmp(t, "\xe2\x80\x93", 3) == 0)))
        return k;
    return -1;
}

int claims_extract(const claims *c, claims_state *st, const sentence *s,
                   const claim_mention *m, size_t nm, claims_emit_fn emit, void *user)
{
    if (!c || !st || !s)
        return 0;
    size_t nt = s->n_tokens;
    if (nt + 1 > st->tok_cap) {
        /* the token arrays grow together; each pointer is kept as soon as it moves */
        size_t cap = st->tok_cap ? st->tok_cap : 64;
        while (cap < nt + 1)
            cap *= 2;
        int *a = realloc(st->ment, cap * sizeof *a);
        if (!a)
            return NERC_ENOMEM;
        st->ment = a;
        int *b = realloc(st->seg, cap * sizeof *b);
        if (!b)
            return NERC_ENOMEM;
        st->seg = b;
        uint8_t *q = realloc(st->quoted, cap);
        if (!q)
            return NERC_ENOMEM;
        st->quoted = q;
        const word_info **w = realloc(st->info, cap * sizeof *w);
        if (!w)
            return NERC_ENOMEM;
        st->info = w;
        st->tok_cap = cap;
    }
    if (util_grow((void **)&st->subjpos, &st->m_cap, nm + 1, 1) < 0)
        return NERC_ENOMEM;
    ctx x = {c, st, s, m, nm};
    for (size_t i = 0; i < nt; i++) {
        st->ment[i] = -1;
        const word_info *w = vocab_find(c, s->keys + s->tokens[i].key, s->tokens[i].key_len);
        st->info[i] = w ? w : &c->unknown;
    }
    for (size_t k = 0; k < nm; k++)
        for (size_t i = m[k].first_tok; i <= m[k].last_tok && i < nt; i++)
            st->ment[i] = (int)k;
    /* quotes: a new paragraph closes any open quotation */
    if (nt && (s->tokens[0].flags & TOK_NEWLINE_BEFORE))
        st->in_quote = 0;
    for (size_t i = 0; i < nt; i++) {
        if (is_quote(s, i)) {
            st->in_quote = !st->in_quote;
            st->quoted[i] = 0;
            continue;
        }
        st->quoted[i] = (uint8_t)st->in_quote;
    }
    /* a long run inside quotes that never closes is more likely a stray mark */
    if (st->in_quote && nt) {
        size_t open = nt;
        while (open > 0 && !is_quote(s, open - 1))
            open--;
        if (nt - open > 60)
            st->in_quote = 0;
    }
    /* clauses */
    int seg = 0;
    for (size_t i = 0; i < nt; i++) {
        /* "in Anchorage, Alaska, on May 2": a place and its region are one phrase */
        int region = 0;
        if (is_punct(s, i, ',') && i >= 1 && i + 2 < nt) {
            int kp = st->ment[i - 1];
            size_t r0 = i, r1 = i;
            int kr = st->ment[i + 1];
            if (kp >= 0 && m[kp].type == NERC_LOCATION && after_prep(&x, kp) && kr >= 0 &&
                m[kr].type == NERC_LOCATION && m[kr].first_tok == i + 1 && m[kr].last_tok + 1 < nt &&
                is_punct(s, m[kr].last_tok + 1, ',')) {
                r1 = m[kr].last_tok + 1;
                region = 1;
            }
            if (region) {
                for (size_t q = r0; q <= r1; q++)
                    st->seg[q] = seg;
                i = r1;
                continue;
            }
        }
        if (is_boundary(&x, i))
            seg++;
        st->seg[i] = seg;
    }
    mark_subject_positions(&x);
    st->n_cands = 0;

    /* questions state nothing */
    long last = (long)nt - 1;
    while (last >= 0 && is_quote(s, (size_t)last))
        last--;
    int question = last >= 0 && is_punct(s, (size_t)last, '?') && !st->quoted[last];

    int rc = find_attributes(&x, emit, user);
    if (rc < 0)
        return rc;

    if (!question) {
        uint32_t sup_from = 1, sup_to = 0;
        for (size_t i = 0; i < nt; i++) {
            pmatch pm;
            if (!opens_pred(&x, i) || !match_pred(&x, i, &pm))
                continue;
            if ((rc = process_pred(&x, &pm, &sup_from, &sup_to)) < 0)
                return rc;
            i = pm.last;
        }
        /* "according to X, ..." */
        for (size_t i = 0; i + 2 < nt; i++) {
            if (!kis(s, i, "according") || !kis(s, i + 1, "to"))
                continue;
            int k = st->ment[i + 2];
            if (k < 0 || m[k].first_tok != i + 2 || !subject_type_ok(m[k].type))
                continue;
            cand *cd = new_cand(st);
            if (!cd)
                return NERC_ENOMEM;
            cd->nsubj = 1;
            subj_from_mention(&x, &cd->s[0], k);
            cd->p_first = (uint32_t)i;
            cd->p_last = (uint32_t)i + 1;
            cd->lem = -1;
            cd->speech = 1;
            cd->conf = 0.7;
            size_t a = m[k].last_tok + 1, b = nt;
            if (a < nt && is_punct(s, a, ','))
                a++;
            if (i > 0) { /* trailing: "X did Y, according to Z." */
                a = 0;
                b = i;
            }
            if (b > a) {
                cd->o_first = (uint32_t)a;
                cd->o_last = (uint32_t)(b - 1);
            }
        }
    }

    /* claims inside reported words are the speaker's, not claims of their own
     * (the reported clause may come first: "X will respond, Y said"); an
     * `according to` source yields a claim only when its words hold no event */
    {
        cand *ca = st->cands;
        size_t nc = st->n_cands;
        for (size_t i = 0; i < nc; i++) {
            if (!ca[i].speech || ca[i].lem < 0 || ca[i].o_first > ca[i].o_last || ca[i].dropped)
                continue;
            for (size_t j = 0; j < nc; j++)
                if (j != i && ca[j].p_first >= ca[i].o_first && ca[j].p_first <= ca[i].o_last)
                    ca[j].dropped = 1;
        }
        for (size_t i = 0; i < nc; i++) {
            if (ca[i].lem >= 0 || ca[i].o_first > ca[i].o_last)
                continue;
            for (size_t j = 0; j < nc; j++)
                if (j != i && !ca[j].dropped && ca[j].lem >= 0 && ca[j].nsubj &&
                    ca[j].p_first >= ca[i].o_first && ca[j].p_first <= ca[i].o_last)
                    ca[i].dropped = 1;
        }
        size_t w = 0;
        for (size_t i = 0; i < nc; i++)
            if (!ca[i].dropped)
                ca[w++] = ca[i];
        st->n_cands = w;
    }

    /* dates: each event takes the DATE of its own clause (the first after it before
     * the next event, else the last before it after the previous one) */
    size_t ncd = st->n_cands;
    cand *cs = st->cands;
    /* candidates in predicate order */
    for (size_t i = 1; i < ncd; i++)
        for (size_t j = i; j > 0 && cs[j - 1].p_first > cs[j].p_first; j--) {
            cand t = cs[j];
            cs[j] = cs[j - 1];
            cs[j - 1] = t;
        }
    long dl = dateline_date(&x);
    uint8_t used_date[256];
    memset(used_date, 0, sizeof used_date);
    for (size_t i = 0; i < ncd; i++) {
        cand *cd = &cs[i];
        int sg = st->seg[cd->p_first];
        uint32_t next = (uint32_t)nt, prev = 0;
        for (size_t j = i + 1; j < ncd; j++)
            if (cs[j].p_first > cd->p_last) {
                next = cs[j].p_first;
                break;
            }
        if (i > 0)
            prev = cs[i - 1].p_last + 1;
        int best = -1;
        for (size_t k = 0; k < nm && best < 0; k++)
            if (m[k].type == NERC_DATE && m[k].value && *m[k].value && (long)k != dl &&
                m[k].first_tok > cd->p_last &&
                !date_modifies_noun(&x, k) &&
                m[k].first_tok < next && st->seg[m[k].first_tok] == sg)
                best = (int)k;
        /* "suspended restrictions on energy, transport and banking last month",
         * "announced X, a naval coalition, last month": the commas of a list or an
         * apposition do not end the clause, so a date after them that closes it still
         * dates the event, when nothing between reads as a clause of its own */
        if (best < 0)
            best = date_past_commas(&x, cd->p_last + 1, next, dl);
        /* a statement's date sits before its reported words */
        if (best >= 0 && cd->speech && cd->o_first <= cd->o_last && m[best].first_tok >= cd->o_first &&
            m[best].first_tok <= cd->o_last && has_clause_word(&x, cd->o_first, m[best].first_tok))
            best = -1;
        /* '... called X a “war criminal” in March 2022': after the closing quote */
        if (best < 0 && cd->speech && cd->o_first <= cd->o_last && cd->o_first > cd->p_last) {
            size_t q = cd->o_last + 1;
            while (q < nt && (is_quote(s, q) || is_punct(s, q, ',') || in_list(&x, q, L_PREP)) && st->ment[q] < 0)
                q++;
            if (q < nt && q > cd->o_last + 1 && st->ment[q] >= 0 && m[st->ment[q]].type == NERC_DATE &&
                m[st->ment[q]].value && *m[st->ment[q]].value && (uint32_t)q < next)
                best = st->ment[q];
        }
        for (size_t k = nm; k-- > 0 && best < 0;)
            if (m[k].type == NERC_DATE && m[k].value && *m[k].value && (long)k != dl &&
                m[k].last_tok < cd->p_first && !date_modifies_noun(&x, k) &&
                !(i > 0 && cs[i - 1].date == (int)k) && /* "did A on May 2 and B" */
                m[k].first_tok >= prev && st->seg[m[k].first_tok] == sg)
                best = (int)k;
        cd->date = best;
        if (best >= 0 && best < 256)
            used_date[best] = 1;
    }
    /* "A did X when B did Y on May 2": events joined by `when` happened at one time,
     * so an undated one takes the other's date */
    for (size_t i = 0; i + 1 < ncd; i++) {
        cand *a = &cs[i], *b = &cs[i + 1];
        if ((a->date >= 0) == (b->date >= 0) || a->nominal || b->nominal || a->speech || b->speech)
            continue;
        int when = 0;
        for (uint32_t q = a->p_last + 1; q < b->p_first; q++) {
            if (kis(s, q, "when"))
                when = 1;
            else if (is_punct(s, q, ';') || (in_list(&x, q, L_SUBORD) && !kis(s, q, "that")))
                when = 0;
        }
        if (!when)
            continue;
        if (a->date < 0)
            a->date = b->date;
        else
            b->date = a->date;
    }
    /* fronted dates: clauses before the main clause that hold a date and no event */
    int main_seg = -1;
    for (size_t i = 0; i < ncd; i++)
        if (!cs[i].nominal && cs[i].lem >= 0) {
            uint32_t f = cs[i].p_first;
            if (cs[i].nsubj && cs[i].s[0].mention >= 0 && m[cs[i].s[0].mention].first_tok < f)
                f = m[cs[i].s[0].mention].first_tok;
            main_seg = st->seg[f];
            break;
        }
    int fronted = -1;
    if (main_seg > 0) {
        for (size_t k = 0; k < nm; k++) {
            if (m[k].type != NERC_DATE || !m[k].value || !*m[k].value || (long)k == dl ||
                (k < 256 && used_date[k]))
                continue;
            int sg = st->seg[m[k].first_tok];
            if (sg >= main_seg)
                break;
            /* the clause must not hold an event word of its own */
            int has_event = 0;
            /* a phrase opening with a preposition ("In a televised address on May 2")
             * holds a verb only in a past or -ing form ("After Iran attacked") */
            size_t sf = 0;
            while (sf < nt && (st->seg[sf] != sg || !(s->tokens[sf].flags & TOK_WORD)))
                sf++;
            int prep_phrase = sf < nt && in_list(&x, sf, L_PREP);
            for (size_t i = 0; i < nt; i++) {
                pmatch pm;
                /* a noun after a determiner ("in his address in May") is no event */
                if (st->seg[i] == sg && opens_pred(&x, i) && match_pred(&x, i, &pm) &&
                    !(prep_phrase && !(pm.e->mask & (F_PAST | F_PP | F_ING))) &&
                    !(i > 0 && (in_list(&x, i - 1, L_DET) || (s->tokens[i - 1].flags & TOK_POSSESSIVE)))) {
                    has_event = 1;
                    break;
                }
            }
            if (!has_event)
                fronted = (int)k;
        }
    }
    /* pronoun owners of nominal events: the subject of the main clause */
    int main_subj = -1;
    for (size_t i = 0; i < ncd; i++)
        if (!cs[i].nominal && cs[i].nsubj && cs[i].s[0].mention >= 0) {
            main_subj = (int)i;
            break;
        }

    /* emit */
    size_t len = 0;
    for (size_t i = 0; i < ncd; i++) {
        cand *cd = &cs[i];
        if (cd->date < 0 && fronted >= 0 && !cd->nominal && st->seg[cd->p_first] >= main_seg)
            cd->date = fronted;
        if (cd->need_date) {
            if (cd->date < 0 || main_subj < 0 || cs[main_subj].p_first < cd->p_first)
                continue;
            const subj *ms = &cs[main_subj].s[0];
            size_t n;
            const char *pk = NULL;
            for (long q = (long)cd->p_first - 1; q >= 0 && q + 5 > (long)cd->p_first; q--) {
                pk = tkey(s, (size_t)q, &n);
                if (kis(s, (size_t)q, "his") || kis(s, (size_t)q, "her") || kis(s, (size_t)q, "its") ||
                    kis(s, (size_t)q, "their"))
                    break;
            }
            int person = pk && (memcmp(pk, "his", 3) == 0 || memcmp(pk, "her", 3) == 0);
            if (person != (strcmp(ms->type, "PERSON") == 0))
                continue;
            cd->s[0] = *ms;
            cd->nsubj = 1;
        }
        if ((cd->neg || (cd->modality && *cd->modality)) && !c->keep_hedged)
            continue;
        len = 0;
        long obj = cd->o_first <= cd->o_last ? put_span(&x, &len, cd->o_first, cd->o_last)
                                             : put_str(st, &len, "");
        if (obj < 0)
            return NERC_ENOMEM;
        long dtext = cd->date >= 0 ? put_span(&x, &len, m[cd->date].first_tok, m[cd->date].last_tok)
                                   : put_str(st, &len, "");
        if (dtext < 0)
            return NERC_ENOMEM;
        const char *pred = cd->lem >= 0 ? c->strings.buf + c->lemmas[cd->lem].name_off : "say";
        for (int q = 0; q < cd->nsubj; q++) {
            const subj *sj = &cd->s[q];
            /* a subject is not its own object */
            if (cd->obj_mention >= 0 && sj->mention == cd->obj_mention)
                continue;
            nerc_triple t = {s->index,
                             "claim",
                             sj->name,
                             sj->type,
                             pred,
                             st->buf + obj,
                             cd->obj_mention >= 0 ? nerc_type_name(m[cd->obj_mention].type) : "",
                             cd->neg ? "not" : "",
                             cd->modality,
                             cd->date >= 0 ? m[cd->date].value : "",
                             st->buf + dtext,
                             s->start,
                             s->end,
                             cd->conf,
                             sj->canon};
            if (emit(user, &t))
                return NERC_ECALLBACK;
        }
    }

    /* remember subjects and people for later pronouns and roles */
    for (size_t k = 0; k < nm; k++)
        if (m[k].type == NERC_PERSON && m[k].value)
            remember(&st->last_person_mention, m[k].value, "PERSON", s->index);
    for (size_t k = 0; k < nm; k++) {
        if (!st->subjpos[k] || !m[k].value)
            continue;
        const char *ty = nerc_type_name(m[k].type);
        if (m[k].type == NERC_PERSON)
            remember(&st->person, m[k].value, ty, s->index);
    }
    for (size_t i = 0; i < ncd; i++) {
        const cand *cd = &cs[i];
        if (cd->nominal || cd->nsubj < 2 || strcmp(cd->s[0].type, "UNRESOLVED") == 0)
            continue;
        memcpy(st->group, cd->s, (size_t)cd->nsubj * sizeof cd->s[0]);
        st->n_group = cd->nsubj;
        st->group_sentence = s->index;
        break;
    }
    for (size_t i = 0; i < ncd; i++) {
        cand *cd = &cs[i];
        for (int q = 0; q < cd->nsubj && q < 1; q++) {
            const subj *sj = &cd->s[q];
            if (strcmp(sj->type, "PERSON") == 0)
                remember(&st->person, sj->name, sj->type, s->index);
            else if (strcmp(sj->type, "ORG") == 0) {
                remember(&st->org, sj->name, sj->type, s->index);
                remember(&st->place_or_org, sj->name, sj->type, s->index);
            } else if (strcmp(sj->type, "LOCATION") == 0) {
                remember(&st->place, sj->name, sj->type, s->index);
                remember(&st->place_or_org, sj->name, sj->type, s->index);
            }
        }
    }
    return 0;
}
