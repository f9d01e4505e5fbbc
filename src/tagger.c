/* tagger.c - averaged-perceptron BIO tagger (see tagger.h). */
#include "tagger.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "cache.h"
#include "nerc.h"

#define MAX_FEATS 64
#define FEATURE_REACH 2 /* features() reads tokens i-2 .. i+2 */
#define MIN_BITS 10u
#define MAX_BITS 24u
#define DEFAULT_SCALE 0.001f

/* Weights are stored sparsely: a bitmap marks the buckets that have a row, and the
 * rows of those buckets follow in bucket order (row 0 is all zeros and stands for
 * every unmarked bucket). A bucket's row number is 1 + the number of marked buckets
 * before it: a per-64-bucket count plus a popcount. The bitmap and counts take 3 bits
 * per bucket (192 KB for 2^20 buckets, so they stay in cache while decoding, where an
 * array of row numbers took 4 MB and a cache miss per feature); rows take 28 bytes per
 * non-zero bucket, and loading touches only what the file lists. */
/* Tag-dependent features whose value comes from a small domain (the previous tag,
 * alone or with the gazetteer byte or the memory bits) are looked up seven times per
 * token: their rows are copied out once at load so decoding reads them from a few
 * cache lines instead of the hash table (the sums, and so the tags, are unchanged). */
#define SMALL_DOMAIN 16
typedef struct tag_rows {
    float trans[TAGGER_NTAGS][TAGGER_NTAGS];                /* template 31 */
    float gaz[SMALL_DOMAIN][TAGGER_NTAGS][TAGGER_NTAGS];    /* template 42 */
    float mem[SMALL_DOMAIN][TAGGER_NTAGS][TAGGER_NTAGS];    /* template 45 */
} tag_rows;

struct tagger {
    unsigned bits;
    float scale;
    uint64_t *present; /* (1 << bits) / 64 words: bucket has a row */
    uint32_t *rank;    /* per word: rows of the buckets before it, plus 1 */
    float *rows;       /* nrows rows of TAGGER_NTAGS weights; row 0 is zero */
    size_t nrows;
    tag_rows cached;
    const void *image; /* the arrays point into this image (not freed) */
    size_t image_len;  /* > 0: the image was mapped by tagger_map_image */
};

/* Document memory: what earlier sentences of the same document said about a word
 * (by key). A fixed open-addressed table, cleared by tagger_scratch_reset(). */
#define MEM_BITS 13
#define MEM_SLOTS (1u << MEM_BITS)
#define MEM_MAX 3072 /* words remembered; at most 3/8 of the slots, so probes stay short */
enum {
    MEM_PER = 1, MEM_ORG = 2, MEM_LOC = 4,  /* tagged or gazetteer-matched as this type */
    MEM_FIRST = 8,                          /* ... as the first token of the name */
    MEM_LOWER = 16,                         /* seen in lower case */
    MEM_CAPMID = 32                         /* seen capitalised inside a sentence */
};
typedef struct mem_slot {
    uint64_t word; /* 0: empty */
    unsigned char bits;
} mem_slot;

/* Per-token values that do not depend on the tags, computed once per sentence. */
typedef struct tok_info {
    uint64_t word;   /* hash of the key, digits folded to 0 */
    uint64_t shape;  /* hash of the long shape (first 8 character classes) */
    uint64_t cshape; /* hash of the compressed shape (runs collapsed) */
    uint32_t flags;
    unsigned char caps;  /* 0 lower/other, 1 Title, 2 ALLCAPS */
    unsigned char title; /* the key is a title or role word */
    unsigned char mem;   /* document memory bits of the word (MEM_*) */
} tok_info;

struct tagger_scratch {
    tok_info *info;
    unsigned char *tags;
    float *prob;
    float *local; /* cap x 7 x 7: score of tag t after tag p at each token */
    float *vit;   /* cap x 7: best path score ending in each tag */
    unsigned char *back; /* cap x 7: previous tag on that path */
    size_t cap;
    uint64_t feats[MAX_FEATS];
    mem_slot mem[MEM_SLOTS];
    size_t mem_used;
    uint16_t mem_filled[MEM_MAX]; /* the slots in use, so a reset clears only those */
};

struct tagger_trainer {
    unsigned bits;
    int32_t *w;   /* current weights (integer updates) */
    int64_t *acc; /* sum of step * update, for averaging */
    int64_t step;
};

/* ------------------------------------------------------------ hashing */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static uint64_t fnv_bytes(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9')
            c = '0'; /* numbers are told apart by shape, not by value */
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

#define FNV0 0xcbf29ce484222325ULL

/* Feature id of template `tmpl` with value `v`. */
static uint64_t feat(unsigned tmpl, uint64_t v)
{
    return mix64(v + (uint64_t)(tmpl + 1) * 0x9e3779b97f4a7c15ULL);
}

static uint64_t comb(uint64_t a, uint64_t b)
{
    return mix64(a ^ (b * 0xff51afd7ed558ccdULL + 0x632be59bd9b4e019ULL));
}

/* ---------------------------------------------------------- features */

/* Words that precede a person's name. Sorted: looked up with bsearch. */
static const char *const title_words[] = {
    "adm", "admiral", "ambassador", "archbishop", "ayatollah", "bishop", "brig", "capt",
    "captain", "cardinal", "ceo", "chairman", "chairwoman", "chancellor", "chief", "cmdr",
    "coach", "col", "colonel", "commander", "congressman", "congresswoman", "dr", "emir",
    "envoy", "gen", "general", "gov", "governor", "imam", "judge", "justice", "king",
    "leader", "lieutenant", "lt", "maj", "major", "mayor", "minister", "miss", "mr", "mrs",
    "ms", "mullah", "pope", "premier", "president", "prince", "princess", "prof",
    "professor", "queen", "rabbi", "rep", "rev", "reverend", "secretary", "sen", "senator",
    "sergeant", "sgt", "sheikh", "sir", "spokesman", "spokeswoman", "sultan", "vice",
};

/* A binary search comparing in place, as it runs for most decoded tokens. */
int tagger_is_title(const char *k, size_t n)
{
    if (n > 0 && k[n - 1] == '.')
        n--;
    if (n == 0 || n > 15)
        return 0;
    size_t lo = 0, hi = sizeof title_words / sizeof *title_words;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *w = title_words[mid];
        size_t i = 0;
        while (i < n && w[i] == k[i])
            i++;
        /* the sign of (word - key), as strcmp would give it */
        int c = i < n ? (unsigned char)w[i] - (unsigned char)k[i] : (unsigned char)w[n];
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static char char_class(utf8proc_int32_t c)
{
    if (c < 0)
        return '?';
    if (c < 128) {
        if (c >= 'A' && c <= 'Z')
            return 'X';
        if (c >= 'a' && c <= 'z')
            return 'x';
        if (c >= '0' && c <= '9')
            return 'd';
        return (char)c;
    }
    utf8proc_category_t cat = utf8proc_category(c);
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
        return 'X';
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
        return 'x';
    if (cat == UTF8PROC_CATEGORY_ND)
        return 'd';
    return '?';
}

/* What every token needs, for the memory and the headline test: its word and case. */
static void token_basics(const token *t, const char *keys, tok_info *ti)
{
    ti->word = fnv_bytes(FNV0, keys + t->key, t->key_len);
    ti->flags = t->flags;
    ti->caps = (t->flags & TOK_ALLCAPS) && t->end - t->start > 1 ? 2
               : (t->flags & TOK_UPPER)                         ? 1
                                                                : 0;
}

/* What only the features read (tokens within two of a decoded one): shapes and the
 * title test. */
static void token_details(const char *text, const token *t, const char *keys, tok_info *ti)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text + t->start;
    utf8proc_ssize_t left = (utf8proc_ssize_t)(t->end - t->start);
    uint64_t hs = FNV0, hc = FNV0;
    char last = 0;
    int nlong = 0;
    while (left > 0) {
        utf8proc_int32_t c = *p;
        utf8proc_ssize_t k = 1;
        if (c >= 0x80) { /* ASCII needs no decoding */
            k = utf8proc_iterate(p, left, &c);
            if (k <= 0) {
                k = 1;
                c = -1;
            }
        }
        char cl = char_class(c);
        if (nlong < 8) {
            hs = (hs ^ (unsigned char)cl) * 0x100000001b3ULL;
            nlong++;
        }
        if (cl != last) {
            hc = (hc ^ (unsigned char)cl) * 0x100000001b3ULL;
            last = cl;
        }
        p += k;
        left -= k;
    }
    ti->shape = hs;
    ti->cshape = hc;
    ti->title = (unsigned char)tagger_is_title(keys + t->key, t->key_len);
}

static const tok_info pad_info = {0x5ad0ULL, 0x5ad1ULL, 0x5ad2ULL, 0, 0, 0, 0};

static mem_slot *mem_slot_of(tagger_scratch *s, uint64_t word, int add)
{
    word |= 1; /* never 0 */
    size_t i = (size_t)(word >> (64 - MEM_BITS));
    while (s->mem[i].word) {
        if (s->mem[i].word == word)
            return &s->mem[i];
        i = (i + 1) & (MEM_SLOTS - 1);
    }
    if (!add || s->mem_used >= MEM_MAX)
        return NULL;
    s->mem_filled[s->mem_used++] = (uint16_t)i;
    s->mem[i].word = word;
    s->mem[i].bits = 0;
    return &s->mem[i];
}

static unsigned mem_get(const tagger_scratch *s, uint64_t word)
{
    word |= 1;
    size_t i = (size_t)(word >> (64 - MEM_BITS));
    while (s->mem[i].word) {
        if (s->mem[i].word == word)
            return s->mem[i].bits;
        i = (i + 1) & (MEM_SLOTS - 1);
    }
    return 0;
}

static int first_word(const tok_info *in, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (!(in[j].flags & TOK_PUNCT))
            return 0;
    return 1;
}

/* Remember the words of a tagged sentence (tags: s->tags) for later sentences. */
static void remember(tagger_scratch *s, size_t n, const unsigned char *gaz, int headline)
{
    static const unsigned char type_bit[TAGGER_NTAGS] = {0, MEM_PER, MEM_PER, MEM_ORG,
                                                         MEM_ORG, MEM_LOC, MEM_LOC};
    for (size_t i = 0; i < n; i++) {
        const tok_info *c = &s->info[i];
        if (!(c->flags & TOK_WORD))
            continue;
        unsigned b = 0;
        int tg = s->tags[i];
        if (tg != TAGGER_O)
            b |= type_bit[tg] | ((tg & 1) ? MEM_FIRST : 0);
        if (gaz && gaz[i] >= 1 && gaz[i] <= 3) {
            b |= 1u << (gaz[i] - 1);
            if (!i || gaz[i - 1] != gaz[i])
                b |= MEM_FIRST;
        }
        if (!(c->flags & TOK_UPPER))
            b |= MEM_LOWER;
        else if (!headline && !first_word(s->info, i))
            b |= MEM_CAPMID;
        if (!b)
            continue;
        mem_slot *m = mem_slot_of(s, c->word, 1);
        if (m)
            m->bits |= (unsigned char)b;
    }
}

/* Fill s->feats for token i given the previous two tags; returns the count. */
/* Features of token i that do not depend on the tags; returns the count. */
static size_t features(tagger_scratch *s, const token *toks, size_t n, const char *keys,
                       const unsigned char *gaz, size_t i, int headline)
{
    const tok_info *in = s->info;
    const tok_info *c = &in[i];
    const tok_info *l1 = i >= 1 ? &in[i - 1] : &pad_info;
    const tok_info *l2 = i >= 2 ? &in[i - 2] : &pad_info;
    const tok_info *r1 = i + 1 < n ? &in[i + 1] : &pad_info;
    const tok_info *r2 = i + 2 < n ? &in[i + 2] : &pad_info;
    uint64_t *f = s->feats;
    size_t k = 0;

    /* first word token of the sentence (after any quotes or brackets) */
    int initial = first_word(in, i);

    f[k++] = feat(0, 0);
    f[k++] = feat(1, c->word);
    f[k++] = feat(2, l1->word);
    f[k++] = feat(3, r1->word);
    f[k++] = feat(4, l2->word);
    f[k++] = feat(5, r2->word);
    f[k++] = feat(6, c->shape);
    f[k++] = feat(7, c->cshape);
    f[k++] = feat(8, l1->cshape);
    f[k++] = feat(9, r1->cshape);
    f[k++] = feat(10, l2->cshape);
    f[k++] = feat(11, r2->cshape);

    const char *key = keys + toks[i].key;
    size_t kl = toks[i].key_len;
    for (size_t a = 1; a <= 4 && a < kl; a++) {
        f[k++] = feat(12 + (unsigned)a, fnv_bytes(FNV0, key, a));
        f[k++] = feat(16 + (unsigned)a, fnv_bytes(FNV0, key + kl - a, a));
    }
    f[k++] = feat(21, comb(l1->word, c->word));
    f[k++] = feat(22, comb(c->word, r1->word));
    f[k++] = feat(23, comb(comb(l1->cshape, c->cshape), r1->cshape));
    f[k++] = feat(24, c->flags & (TOK_UPPER | TOK_ALLCAPS | TOK_NUMBER | TOK_PUNCT |
                                  TOK_POSSESSIVE | TOK_JOINED | TOK_ABBREV | TOK_HAS_DIGIT));
    f[k++] = feat(25, (uint64_t)(initial * 4 + c->caps));
    if (initial)
        f[k++] = feat(26, c->word);
    f[k++] = feat(27, i < 4 ? i : i < 8 ? 4 : 5);
    if (l1->flags & TOK_POSSESSIVE)
        f[k++] = feat(28, c->cshape);
    if (l1->title)
        f[k++] = feat(29, c->cshape);
    if (l2->title && l1->caps)
        f[k++] = feat(30, c->cshape);
    f[k++] = feat(35, comb(c->word, c->caps));
    f[k++] = feat(36, comb(l1->word, c->caps));
    f[k++] = feat(37, comb(r1->word, c->caps));
    if (headline)
        f[k++] = feat(38, comb(c->cshape, c->word));
    if (c->flags & TOK_UPPER) {
        unsigned m = c->mem;
        unsigned mt = m & (MEM_PER | MEM_ORG | MEM_LOC | MEM_FIRST);
        if (mt) {
            f[k++] = feat(43, mt);
            f[k++] = feat(44, comb(mt, (uint64_t)(initial * 2 + (headline != 0))));
        }
        f[k++] = feat(46, (uint64_t)((m & (MEM_LOWER | MEM_CAPMID)) + initial * 64 +
                                     (headline != 0) * 128 + (mt != 0) * 256));
    }
    if (gaz) {
        unsigned g0 = gaz[i], gl = i ? gaz[i - 1] : 0, gr = i + 1 < n ? gaz[i + 1] : 0;
        if (g0 | gl | gr) {
            f[k++] = feat(39, g0);
            f[k++] = feat(40, (uint64_t)(gl * 256 + g0 * 16 + gr));
            f[k++] = feat(41, comb(g0, c->cshape));
        }
    }
    return k;
}

/* The tag-dependent feature templates with small domains (see tag_rows). */
static uint64_t trans_feat(int p1)
{
    return feat(31, (uint64_t)p1);
}

static uint64_t mem_tag_feat(unsigned mt, int p1)
{
    return feat(45, comb(mt, (uint64_t)p1));
}

static uint64_t gaz_tag_feat(unsigned g0, int p1)
{
    return feat(42, (uint64_t)(g0 * 16 + (unsigned)p1));
}

/* Which small-domain tag features fire at token i: memory bits (or -1) and the
 * gazetteer byte (or -1). */
static void small_tag_values(const tagger_scratch *s, size_t n, const unsigned char *gaz,
                             size_t i, int *mem, int *g)
{
    const tok_info *c = &s->info[i];
    unsigned mt = c->mem & (MEM_PER | MEM_ORG | MEM_LOC | MEM_FIRST);
    *mem = (c->flags & TOK_UPPER) && mt ? (int)mt : -1;
    *g = -1;
    if (gaz) {
        unsigned g0 = gaz[i], gl = i ? gaz[i - 1] : 0, gr = i + 1 < n ? gaz[i + 1] : 0;
        if ((g0 | gl | gr) && g0 < SMALL_DOMAIN)
            *g = (int)g0;
    }
}

/* The tag-dependent features of token i that depend on the word itself. */
static size_t word_tag_features(const tagger_scratch *s, size_t i, int p1, uint64_t *f)
{
    const tok_info *c = &s->info[i];
    f[0] = feat(33, comb((uint64_t)p1, c->word));
    f[1] = feat(34, comb((uint64_t)p1, c->cshape));
    return 2;
}

/* Features of token i that depend on the previous tag p1 (first order), into f, in
 * the order decode() adds them. */
static size_t tag_features(const tagger_scratch *s, size_t n, const unsigned char *gaz,
                           size_t i, int p1, uint64_t *f)
{
    size_t k = 0;
    int mem, g;
    small_tag_values(s, n, gaz, i, &mem, &g);
    f[k++] = trans_feat(p1);
    k += word_tag_features(s, i, p1, f + k);
    if (mem >= 0)
        f[k++] = mem_tag_feat((unsigned)mem, p1);
    if (g >= 0)
        f[k++] = gaz_tag_feat((unsigned)g, p1);
    return k;
}
#define MAX_TAG_FEATS 8

/* I-X may only follow B-X or I-X. */
static int allowed(int prev, int tag)
{
    if (tag == TAGGER_O || (tag & 1))
        return 1;
    return prev == tag || prev == tag - 1;
}

static int ensure_cap(tagger_scratch *s, size_t n)
{
    if (n <= s->cap)
        return 0;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < n)
        cap *= 2;
    tok_info *info = realloc(s->info, cap * sizeof *info);
    if (!info)
        return NERC_ENOMEM;
    s->info = info;
    unsigned char *tags = realloc(s->tags, cap);
    if (!tags)
        return NERC_ENOMEM;
    s->tags = tags;
    float *prob = realloc(s->prob, cap * sizeof *prob);
    if (!prob)
        return NERC_ENOMEM;
    s->prob = prob;
    float *local = realloc(s->local, cap * TAGGER_NTAGS * TAGGER_NTAGS * sizeof *local);
    if (!local)
        return NERC_ENOMEM;
    s->local = local;
    float *vit = realloc(s->vit, cap * TAGGER_NTAGS * sizeof *vit);
    if (!vit)
        return NERC_ENOMEM;
    s->vit = vit;
    unsigned char *back = realloc(s->back, cap * TAGGER_NTAGS);
    if (!back)
        return NERC_ENOMEM;
    s->back = back;
    s->cap = cap;
    return 0;
}

/* Most words in capitals: a headline, where case says little. */
static int is_headline(const tok_info *in, size_t n)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n; i++)
        if (in[i].flags & TOK_WORD) {
            words++;
            caps += in[i].caps == 2;
        }
    return words >= 3 && caps * 4 >= words * 3;
}

/* Basics of every token of the sentence; details come per window (decode). */
static int prepare(tagger_scratch *s, const token *toks, size_t n, const char *keys)
{
    if (ensure_cap(s, n) < 0)
        return NERC_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        token_basics(&toks[i], keys, &s->info[i]);
        s->info[i].mem = (unsigned char)mem_get(s, s->info[i].word);
    }
    return is_headline(s->info, n);
}

/* Row of weights of a feature id: a float model, or the trainer's integer weights. */
typedef struct weights {
    const tagger *t;
    const int32_t *iw;
    unsigned bits;
} weights;

/* Bits set in x, without relying on a POPCNT instruction the build may not target. */
static unsigned bit_count(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

/* Row number of bucket b (0: no row). */
static size_t row_of(const tagger *t, size_t b)
{
    uint64_t word = t->present[b >> 6], bit = (uint64_t)1 << (b & 63);
    if (!(word & bit))
        return 0;
    return t->rank[b >> 6] + (size_t)bit_count(word & (bit - 1));
}

static const float *model_row(const tagger *t, uint64_t f)
{
    return t->rows + row_of(t, (size_t)(f >> (64 - t->bits))) * TAGGER_NTAGS;
}

/* Scores of the seven tags held as two overlapping runs of four, tags 0-3 and 3-6, so
 * that adding a row is two four-wide additions the compiler can vectorise; each tag's
 * sum is formed in the same order as a plain loop would. */
typedef struct score_acc {
    float lo[4], hi[4];
} score_acc;

static void acc_load(score_acc *a, const float sc[TAGGER_NTAGS])
{
    for (int t = 0; t < 4; t++) {
        a->lo[t] = sc[t];
        a->hi[t] = sc[3 + t];
    }
}

static void acc_store(const score_acc *a, float sc[TAGGER_NTAGS])
{
    for (int t = 0; t < 3; t++)
        sc[t] = a->lo[t];
    for (int t = 0; t < 4; t++)
        sc[3 + t] = a->hi[t];
}

static void acc_add(score_acc *restrict a, const float *restrict row)
{
    for (int t = 0; t < 4; t++)
        a->lo[t] += row[t];
    for (int t = 0; t < 4; t++)
        a->hi[t] += row[3 + t];
}

static void add_rows(const weights *w, const uint64_t *f, size_t nf, float sc[TAGGER_NTAGS])
{
    if (w->t) {
        /* the rows are scattered over megabytes: ask for all of them first */
        const float *row[MAX_FEATS];
        size_t m = 0;
        score_acc acc;
        acc_load(&acc, sc);
        for (size_t j = 0; j < nf; j++) {
            size_t r = row_of(w->t, (size_t)(f[j] >> (64 - w->bits)));
            if (!r)
                continue;
            row[m] = w->t->rows + r * TAGGER_NTAGS;
            __builtin_prefetch(row[m]);
            if (++m == MAX_FEATS) {
                for (size_t k = 0; k < m; k++)
                    acc_add(&acc, row[k]);
                m = 0;
            }
        }
        for (size_t k = 0; k < m; k++)
            acc_add(&acc, row[k]);
        acc_store(&acc, sc);
        return;
    }
    for (size_t j = 0; j < nf; j++) {
        const int32_t *row = w->iw + (size_t)(f[j] >> (64 - w->bits)) * TAGGER_NTAGS;
        for (int t = 0; t < TAGGER_NTAGS; t++)
            sc[t] += (float)row[t];
    }
}

/* Copy the rows of the small-domain tag features out of the hash table. */
static void cache_tag_rows(tagger *t)
{
    for (int p = 0; p < TAGGER_NTAGS; p++) {
        memcpy(t->cached.trans[p], model_row(t, trans_feat(p)), sizeof t->cached.trans[p]);
        for (unsigned v = 0; v < SMALL_DOMAIN; v++) {
            memcpy(t->cached.gaz[v][p], model_row(t, gaz_tag_feat(v, p)),
                   sizeof t->cached.gaz[v][p]);
            memcpy(t->cached.mem[v][p], model_row(t, mem_tag_feat(v, p)),
                   sizeof t->cached.mem[v][p]);
        }
    }
}

/* Scores of every tag after each previous tag p at token i: base plus the
 * tag-dependent rows, added in tag_features() order. */
static void tag_scores(const weights *w, const tagger_scratch *s, size_t n,
                       const unsigned char *gaz, size_t i, int first,
                       const float base[TAGGER_NTAGS], float *loc)
{
    uint64_t tf[MAX_TAG_FEATS];
    int mem = -1, g = -1;
    if (w->t)
        small_tag_values(s, n, gaz, i, &mem, &g);
    for (int p = 0; p < TAGGER_NTAGS; p++) {
        float *sc = loc + p * TAGGER_NTAGS;
        memcpy(sc, base, TAGGER_NTAGS * sizeof *sc);
        if (first && p != TAGGER_O)
            continue; /* unused: a sentence (or window) starts after O */
        if (!w->t) {
            add_rows(w, tf, tag_features(s, n, gaz, i, p, tf), sc);
            continue;
        }
        const tag_rows *c = &w->t->cached;
        score_acc acc;
        acc_load(&acc, sc);
        acc_add(&acc, c->trans[p]);
        size_t nt = word_tag_features(s, i, p, tf);
        for (size_t j = 0; j < nt; j++) {
            size_t r = row_of(w->t, (size_t)(tf[j] >> (64 - w->bits)));
            if (r)
                acc_add(&acc, w->t->rows + r * TAGGER_NTAGS);
        }
        if (mem >= 0)
            acc_add(&acc, c->mem[mem][p]);
        if (g >= 0)
            acc_add(&acc, c->gaz[g][p]);
        acc_store(&acc, sc);
    }
}

/* Softmax probability of tag `best` among the tags allowed after prev. */
static float prob_of(const float sc[TAGGER_NTAGS], int prev, int best)
{
    double z = 0;
    for (int t = 0; t < TAGGER_NTAGS; t++)
        if (allowed(prev, t))
            z += exp((double)(sc[t] - sc[best]));
    return (float)(1.0 / z);
}

/* Viterbi decoding over the BIO constraints (first order) of tokens [lo, hi] (the
 * features still see the whole sentence; prepare() must have run): s->tags gets the
 * best sequence of the window, s->prob each tag's local probability given the
 * previous tag. */
static void decode_window(const weights *w, tagger_scratch *s, const token *toks, size_t n,
                          const char *keys, const unsigned char *gaz, size_t lo, size_t hi,
                          int headline)
{
    for (size_t i = lo; i <= hi; i++) {
        size_t nf = features(s, toks, n, keys, gaz, i, headline);
        float base[TAGGER_NTAGS] = {0};
        add_rows(w, s->feats, nf, base);
        float *loc = s->local + i * TAGGER_NTAGS * TAGGER_NTAGS;
        tag_scores(w, s, n, gaz, i, i == lo, base, loc);
        float *v = s->vit + i * TAGGER_NTAGS;
        unsigned char *bk = s->back + i * TAGGER_NTAGS;
        for (int t = 0; t < TAGGER_NTAGS; t++) {
            float best = -INFINITY;
            int bp = TAGGER_O;
            if (i == lo) {
                if (allowed(TAGGER_O, t))
                    best = loc[t];
            } else {
                const float *pv = s->vit + (i - 1) * TAGGER_NTAGS;
                /* I-X may only follow B-X (t - 1) or I-X */
                int inside = t != TAGGER_O && !(t & 1);
                int p0 = inside ? t - 1 : 0, p1 = inside ? t : TAGGER_NTAGS - 1;
                for (int p = p0; p <= p1; p++) {
                    if (pv[p] == -INFINITY || !allowed(p, t))
                        continue;
                    float x = pv[p] + loc[p * TAGGER_NTAGS + t];
                    if (x > best) {
                        best = x;
                        bp = p;
                    }
                }
            }
            v[t] = best;
            bk[t] = (unsigned char)bp;
        }
    }
    const float *v = s->vit + hi * TAGGER_NTAGS;
    int t = TAGGER_O;
    for (int k = 1; k < TAGGER_NTAGS; k++)
        if (v[k] > v[t])
            t = k;
    for (size_t i = hi + 1; i-- > lo;) {
        s->tags[i] = (unsigned char)t;
        t = s->back[i * TAGGER_NTAGS + t];
    }
    for (size_t i = lo; i <= hi; i++) {
        if (s->tags[i] == TAGGER_O)
            continue; /* only spans report a confidence */
        int p = i > lo ? s->tags[i - 1] : TAGGER_O;
        s->prob[i] = prob_of(s->local + (i * TAGGER_NTAGS + (size_t)p) * TAGGER_NTAGS, p,
                             s->tags[i]);
    }
}

/* Decode the windows (sorted, disjoint; clamped to the sentence); every token outside
 * them is O. Returns whether the sentence is a headline, or a negative NERC_E*. */
static int decode(const weights *w, tagger_scratch *s, const char *text, const token *toks,
                  size_t n, const char *keys, const unsigned char *gaz,
                  const tagger_window *win, size_t nwin)
{
    int headline = prepare(s, toks, n, keys);
    if (headline < 0 || n == 0)
        return headline;
    for (size_t i = 0; i < n; i++) {
        s->tags[i] = TAGGER_O;
        s->prob[i] = 1.0f;
    }
    size_t next = 0;      /* first token a window may start at */
    size_t described = 0; /* tokens before this one have their details */
    for (size_t k = 0; k < nwin; k++) {
        size_t lo = win[k].first, hi = win[k].last;
        if (lo < next)
            lo = next;
        if (hi >= n)
            hi = n - 1;
        if (lo > hi)
            continue;
        /* the features of [lo, hi] read two tokens either side */
        size_t from = lo > FEATURE_REACH ? lo - FEATURE_REACH : 0;
        if (from < described)
            from = described;
        described = hi + FEATURE_REACH + 1 < n ? hi + FEATURE_REACH + 1 : n;
        for (size_t i = from; i < described; i++)
            token_details(text, &toks[i], keys, &s->info[i]);
        decode_window(w, s, toks, n, keys, gaz, lo, hi, headline);
        next = hi + 1;
    }
    return headline;
}

/* ------------------------------------------------------------ public */

tagger_scratch *tagger_scratch_new(void)
{
    return calloc(1, sizeof(tagger_scratch));
}

void tagger_scratch_reset(tagger_scratch *s)
{
    if (!s)
        return;
    for (size_t k = 0; k < s->mem_used; k++)
        s->mem[s->mem_filled[k]] = (mem_slot){0, 0};
    s->mem_used = 0;
}

void tagger_scratch_free(tagger_scratch *s)
{
    if (!s)
        return;
    free(s->info);
    free(s->tags);
    free(s->prob);
    free(s->local);
    free(s->vit);
    free(s->back);
    free(s);
}

int tagger_tag_bio(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
                   size_t n, const char *keys, const unsigned char *gaz, unsigned char *tags)
{
    if (!t || !s || (n && (!text || !toks || !keys || !tags)))
        return NERC_EARG;
    weights w = {t, NULL, t->bits};
    tagger_window all = {0, n ? (uint32_t)(n - 1) : 0};
    int rc = decode(&w, s, text, toks, n, keys, gaz, &all, 1);
    if (rc < 0)
        return rc;
    remember(s, n, gaz, rc);
    if (n)
        memcpy(tags, s->tags, n);
    return 0;
}

int tagger_tag(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
               size_t n, const char *keys, const unsigned char *gaz, tagger_span *out,
               size_t cap)
{
    tagger_window all = {0, n ? (uint32_t)(n - 1) : 0};
    return tagger_tag_windows(t, s, text, toks, n, keys, gaz, &all, 1, out, cap);
}

int tagger_tag_window(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
                      size_t n, const char *keys, const unsigned char *gaz, size_t lo,
                      size_t hi, tagger_span *out, size_t cap)
{
    if (lo > UINT32_MAX || hi > UINT32_MAX)
        return NERC_EARG;
    tagger_window one = {(uint32_t)lo, (uint32_t)hi};
    return tagger_tag_windows(t, s, text, toks, n, keys, gaz, &one, 1, out, cap);
}

int tagger_tag_windows(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
                       size_t n, const char *keys, const unsigned char *gaz,
                       const tagger_window *win, size_t nwin, tagger_span *out, size_t cap)
{
    static const int type_of[TAGGER_NTAGS] = {-1,        NERC_PERSON, NERC_PERSON, NERC_ORG,
                                              NERC_ORG,  NERC_LOCATION, NERC_LOCATION};
    if (!t || !s || (n && (!text || !toks || !keys)) || (cap && !out) || (nwin && !win))
        return NERC_EARG;
    weights w = {t, NULL, t->bits};
    int rc = decode(&w, s, text, toks, n, keys, gaz, win, nwin);
    if (rc < 0)
        return rc;
    remember(s, n, gaz, rc);
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        int tg = s->tags[i];
        if (tg == TAGGER_O) {
            i++;
            continue;
        }
        size_t j = i + 1;
        double sum = s->prob[i];
        while (j < n && s->tags[j] == (tg | 1) + 1) {
            sum += s->prob[j];
            j++;
        }
        if (count < cap) {
            out[count].first_token = (uint32_t)i;
            out[count].last_token = (uint32_t)(j - 1);
            out[count].type = type_of[tg];
            out[count].confidence = (float)(sum / (double)(j - i));
        }
        count++;
        i = j;
    }
    return count > (size_t)0x7fffffff ? 0x7fffffff : (int)count;
}

void tagger_free(tagger *t)
{
    if (!t)
        return;
    if (t->image) {
        if (t->image_len)
            cache_unmap(t->image, t->image_len);
        free(t);
        return;
    }
    free(t->present);
    free(t->rank);
    free(t->rows);
    free(t);
}

/* A model with room for nz non-zero rows and no bucket marked; the caller marks the
 * buckets in increasing order with mark_bucket() and then calls finish_ranks(). */
static tagger *tagger_alloc(unsigned bits, float scale, size_t nz)
{
    tagger *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->bits = bits;
    t->scale = scale;
    size_t words = ((size_t)1 << bits) / 64;
    t->present = calloc(words, sizeof *t->present);
    t->rank = malloc(words * sizeof *t->rank);
    t->rows = malloc((nz + 1) * TAGGER_NTAGS * sizeof *t->rows);
    if (!t->present || !t->rank || !t->rows) {
        tagger_free(t);
        return NULL;
    }
    for (int k = 0; k < TAGGER_NTAGS; k++)
        t->rows[k] = 0;
    t->nrows = 1;
    return t;
}

/* Give bucket b (above every bucket marked before) the next row; returns that row. */
static float *mark_bucket(tagger *t, size_t b)
{
    t->present[b >> 6] |= (uint64_t)1 << (b & 63);
    return t->rows + t->nrows++ * TAGGER_NTAGS;
}

static void finish_ranks(tagger *t)
{
    size_t words = ((size_t)1 << t->bits) / 64;
    uint32_t before = 1;
    for (size_t w = 0; w < words; w++) {
        t->rank[w] = before;
        before += (uint32_t)bit_count(t->present[w]);
    }
}

size_t tagger_nonzero(const tagger *t)
{
    return t ? t->nrows - 1 : 0;
}

/* ------------------------------------------------------------ loading */

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

typedef struct reader {
    const char *p, *end;
    size_t line;
} reader;

/* Next non-comment line as [*a, *b); 0 at end of input. */
static int next_line(reader *r, const char **a, const char **b)
{
    while (r->p < r->end) {
        const char *s = r->p;
        const char *e = memchr(s, '\n', (size_t)(r->end - s));
        if (!e)
            e = r->end;
        r->p = e < r->end ? e + 1 : e;
        r->line++;
        const char *z = e;
        if (z > s && z[-1] == '\r')
            z--;
        if (z == s || *s == '#')
            continue;
        *a = s;
        *b = z;
        return 1;
    }
    return 0;
}

static int parse_long(const char **p, const char *end, long long *v)
{
    const char *s = *p;
    while (s < end && *s == ' ')
        s++;
    int neg = 0;
    if (s < end && *s == '-') {
        neg = 1;
        s++;
    }
    if (s >= end || *s < '0' || *s > '9')
        return -1;
    long long x = 0;
    while (s < end && *s >= '0' && *s <= '9') {
        if (x > 100000000000LL)
            return -1;
        x = x * 10 + (*s - '0');
        s++;
    }
    *v = neg ? -x : x;
    *p = s;
    return 0;
}

/* Format 2 digits: base64url, most significant first. */
static const char b64_digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
#define W2_DELTA 4            /* digits of a bucket delta (24 bits) */
#define W2_Q 3                /* digits of a weight (18 bits, offset binary) */
#define W2_BIAS (1L << 17)
#define W2_LINE (W2_DELTA + TAGGER_NTAGS * W2_Q)

/* 0..63 for a digit, 64 for anything else. */
static unsigned char b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return (unsigned char)(c - 'A');
    if (c >= 'a' && c <= 'z')
        return (unsigned char)(c - 'a' + 26);
    if (c >= '0' && c <= '9')
        return (unsigned char)(c - '0' + 52);
    return c == '-' ? 62 : c == '_' ? 63 : 64;
}

static int line_is(const char *a, const char *b, const char *word, const char **rest)
{
    size_t n = strlen(word);
    if ((size_t)(b - a) < n || memcmp(a, word, n) != 0)
        return 0;
    if (a + n < b && a[n] != ' ')
        return 0;
    *rest = a + n;
    return 1;
}

static int parse_model(const char *path, reader *r, tagger **out, char *err, size_t errlen)
{
    const char *a, *b, *rest;
    long long v;
#define FAIL(...)                                                                            \
    do {                                                                                     \
        char msg_[200];                                                                      \
        snprintf(msg_, sizeof msg_, __VA_ARGS__);                                            \
        set_err(err, errlen, "%s:%zu: %s", path, r->line, msg_);                             \
        tagger_free(t);                                                                      \
        return NERC_EFORMAT;                                                                 \
    } while (0)
    tagger *t = NULL;
    if (!next_line(r, &a, &b) || !line_is(a, b, "nerc-tagger", &rest) ||
        parse_long(&rest, b, &v) < 0 || (v != 1 && v != 2))
        FAIL("expected 'nerc-tagger 1' or 'nerc-tagger 2'");
    const int version = (int)v;
    unsigned char dec[256];
    for (int c = 0; c < 256; c++)
        dec[c] = b64_value((unsigned char)c);
    if (!next_line(r, &a, &b) || !line_is(a, b, "bits", &rest) || parse_long(&rest, b, &v) < 0 ||
        v < MIN_BITS || v > MAX_BITS)
        FAIL("expected 'bits N' with N in %u..%u", MIN_BITS, MAX_BITS);
    unsigned bits = (unsigned)v;
    if (!next_line(r, &a, &b) || !line_is(a, b, "scale", &rest))
        FAIL("expected 'scale X'");
    char num[64];
    size_t nl = (size_t)(b - rest);
    if (nl >= sizeof num)
        FAIL("scale too long");
    memcpy(num, rest, nl);
    num[nl] = '\0';
    char *ep;
    errno = 0;
    double scale = strtod(num, &ep);
    while (*ep == ' ')
        ep++;
    if (errno || *ep || !(scale > 0) || scale > 1e6)
        FAIL("bad scale");
    if (!next_line(r, &a, &b) || !line_is(a, b, "weights", &rest) ||
        parse_long(&rest, b, &v) < 0 || v < 0 || v > (1LL << bits))
        FAIL("expected 'weights N' with N at most 2^bits");
    long long nw = v;
    t = tagger_alloc(bits, (float)scale, (size_t)nw);
    if (!t) {
        set_err(err, errlen, "%s: out of memory", path);
        return NERC_ENOMEM;
    }
    long long bucket = -1;
    for (long long i = 0; i < nw; i++) {
        if (!next_line(r, &a, &b))
            FAIL("file ends after %lld of %lld weight lines", i, nw);
        const char *p = a;
        float *row = t->rows + t->nrows * TAGGER_NTAGS;
        if (version == 2) {
            /* fixed width: no per-number parsing, one validity check per line */
            const unsigned char *u = (const unsigned char *)a;
            if (b - a != W2_LINE)
                FAIL("expected %d base64url digits", W2_LINE);
            unsigned bad = 0;
            long d = 0;
            for (int j = 0; j < W2_DELTA; j++) {
                bad |= dec[u[j]];
                d = d * 64 + dec[u[j]];
            }
            u += W2_DELTA;
            for (int k = 0; k < TAGGER_NTAGS; k++, u += W2_Q) {
                unsigned x0 = dec[u[0]], x1 = dec[u[1]], x2 = dec[u[2]];
                bad |= x0 | x1 | x2;
                long q = (long)((x0 << 12) | (x1 << 6) | x2) - W2_BIAS;
                row[k] = (float)((double)q * scale);
            }
            if (bad & 64)
                FAIL("expected %d base64url digits", W2_LINE);
            v = d;
        } else if (parse_long(&p, b, &v) < 0) {
            FAIL("bad bucket delta");
        }
        if (v < (i == 0 ? 0 : 1))
            FAIL("bad bucket delta");
        bucket = (i == 0 ? 0 : bucket) + v;
        if (bucket >= (1LL << bits))
            FAIL("bucket out of range");
        if (version == 1) {
            for (int k = 0; k < TAGGER_NTAGS; k++) {
                if (parse_long(&p, b, &v) < 0 || v < -2000000000LL || v > 2000000000LL)
                    FAIL("expected %d integer weights", TAGGER_NTAGS);
                row[k] = (float)((double)v * scale);
            }
            while (p < b && *p == ' ')
                p++;
            if (p != b)
                FAIL("expected %d integer weights", TAGGER_NTAGS);
        }
        mark_bucket(t, (size_t)bucket); /* the row was read in place */
    }
    finish_ranks(t);
    if (!next_line(r, &a, &b) || !line_is(a, b, "end", &rest) || rest != b)
        FAIL("expected 'end'");
    if (next_line(r, &a, &b))
        FAIL("text after 'end'");
#undef FAIL
    cache_tag_rows(t);
    *out = t;
    return 0;
}

int tagger_load(const char *path, tagger **out, char *err, size_t errlen)
{
    if (!path || !out)
        return NERC_EARG;
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return NERC_EIO;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uintmax_t)st.st_size < SIZE_MAX / 2) {
        cap = (size_t)st.st_size + 1; /* one read for a regular file; +1 sees the end */
        buf = malloc(cap);
        if (!buf)
            cap = 0;
    }
    for (;;) {
        if (cap - len < 1) {
            size_t nc = cap ? cap * 2 : 1 << 20;
            char *nb = realloc(buf, nc);
            if (!nb) {
                free(buf);
                fclose(f);
                set_err(err, errlen, "%s: out of memory", path);
                return NERC_ENOMEM;
            }
            buf = nb;
            cap = nc;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        set_err(err, errlen, "%s: read error", path);
        return NERC_EIO;
    }
    reader r = {buf, buf + len, 0};
    int rc = parse_model(path, &r, out, err, errlen);
    free(buf);
    return rc;
}

int tagger_save(const tagger *t, const char *path, char *err, size_t errlen)
{
    if (!t || !path)
        return NERC_EARG;
    FILE *f = fopen(path, "wb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return NERC_EIO;
    }
    size_t rows = (size_t)1 << t->bits;
    fprintf(f, "nerc-tagger 2\nbits %u\nscale %.6g\nweights %zu\n", t->bits, (double)t->scale,
            tagger_nonzero(t));
    size_t prev = 0;
    int first = 1, range = 0;
    for (size_t r = 0; r < rows; r++) {
        size_t ri = row_of(t, r);
        if (!ri)
            continue;
        const float *row = t->rows + ri * TAGGER_NTAGS;
        char line[W2_LINE + 1], *p = line;
        unsigned long d = first ? r : r - prev;
        for (int j = W2_DELTA - 1; j >= 0; j--)
            *p++ = b64_digits[(d >> (6 * j)) & 63];
        for (int k = 0; k < TAGGER_NTAGS; k++) {
            long q = lroundf(row[k] / t->scale);
            if (q < -W2_BIAS || q >= W2_BIAS) {
                range = 1;
                q = q < 0 ? -W2_BIAS : W2_BIAS - 1;
            }
            unsigned long u = (unsigned long)(q + W2_BIAS);
            *p++ = b64_digits[(u >> 12) & 63];
            *p++ = b64_digits[(u >> 6) & 63];
            *p++ = b64_digits[u & 63];
        }
        *p++ = '\n';
        fwrite(line, 1, (size_t)(p - line), f);
        prev = r;
        first = 0;
    }
    fputs("end\n", f);
    if (fclose(f) != 0) {
        set_err(err, errlen, "%s: write error", path);
        return NERC_EIO;
    }
    if (range) {
        set_err(err, errlen, "%s: a weight is beyond +-%ld * scale", path, W2_BIAS);
        return NERC_EFORMAT;
    }
    return 0;
}

/* ------------------------------------------------------------ training */

tagger_trainer *tagger_trainer_new(unsigned bits)
{
    if (bits < MIN_BITS || bits > MAX_BITS)
        return NULL;
    tagger_trainer *tr = calloc(1, sizeof *tr);
    if (!tr)
        return NULL;
    tr->bits = bits;
    size_t cells = ((size_t)1 << bits) * TAGGER_NTAGS;
    tr->w = calloc(cells, sizeof *tr->w);
    tr->acc = calloc(cells, sizeof *tr->acc);
    if (!tr->w || !tr->acc) {
        tagger_trainer_free(tr);
        return NULL;
    }
    return tr;
}

void tagger_trainer_free(tagger_trainer *tr)
{
    if (!tr)
        return;
    free(tr->w);
    free(tr->acc);
    free(tr);
}

/* Add d to the weights of tag `tag` for features f (with averaging bookkeeping). */
static void update(tagger_trainer *tr, const uint64_t *f, size_t nf, int tag, int d)
{
    for (size_t j = 0; j < nf; j++) {
        size_t base = (size_t)(f[j] >> (64 - tr->bits)) * TAGGER_NTAGS + (size_t)tag;
        tr->w[base] += d;
        tr->acc[base] += d * tr->step;
    }
}

int tagger_trainer_learn(tagger_trainer *tr, tagger_scratch *s, const char *text,
                         const token *toks, size_t n, const char *keys,
                         const unsigned char *gaz, const unsigned char *gold)
{
    if (!tr || !s || (n && (!text || !toks || !keys || !gold)))
        return NERC_EARG;
    for (size_t i = 0; i < n; i++)
        if (gold[i] >= TAGGER_NTAGS || !allowed(i ? gold[i - 1] : TAGGER_O, gold[i]))
            return NERC_EARG;
    /* structured perceptron: decode the whole sentence, then move the weights
     * towards the gold path and away from the predicted one where they differ */
    weights w = {NULL, tr->w, tr->bits};
    tagger_window all = {0, n ? (uint32_t)(n - 1) : 0};
    int headline = decode(&w, s, text, toks, n, keys, gaz, &all, 1);
    if (headline < 0)
        return headline;
    tr->step++;
    int errors = 0;
    uint64_t tf[MAX_TAG_FEATS];
    for (size_t i = 0; i < n; i++) {
        int g = gold[i], p = s->tags[i];
        int gp = i ? gold[i - 1] : TAGGER_O, pp = i ? s->tags[i - 1] : TAGGER_O;
        errors += g != p;
        if (g == p && gp == pp)
            continue;
        if (g != p) {
            size_t nf = features(s, toks, n, keys, gaz, i, headline);
            update(tr, s->feats, nf, g, 1);
            update(tr, s->feats, nf, p, -1);
        }
        update(tr, tf, tag_features(s, n, gaz, i, gp, tf), g, 1);
        update(tr, tf, tag_features(s, n, gaz, i, pp, tf), p, -1);
    }
    remember(s, n, gaz, headline);
    return errors;
}

int tagger_trainer_model(const tagger_trainer *tr, float prune, tagger **out)
{
    if (!tr || !out)
        return NERC_EARG;
    size_t nb = (size_t)1 << tr->bits;
    float *w = malloc(nb * TAGGER_NTAGS * sizeof *w);
    if (!w)
        return NERC_ENOMEM;
    const float scale = DEFAULT_SCALE;
    double c = (double)tr->step + 1;
    size_t nz = 0;
    for (size_t r = 0; r < nb; r++) {
        int any = 0;
        for (size_t k = 0; k < TAGGER_NTAGS; k++) {
            size_t i = r * TAGGER_NTAGS + k;
            /* averaged weight, the lazy way: w - sum(step * delta) / (steps + 1) */
            double avg = (double)tr->w[i] - (double)tr->acc[i] / c;
            long q = fabs(avg) < prune ? 0 : lround(avg / scale);
            w[i] = (float)((double)q * scale);
            any |= q != 0;
        }
        nz += any;
    }
    tagger *t = tagger_alloc(tr->bits, scale, nz);
    if (!t) {
        free(w);
        return NERC_ENOMEM;
    }
    for (size_t r = 0; r < nb; r++) {
        const float *row = w + r * TAGGER_NTAGS;
        int any = 0;
        for (int k = 0; k < TAGGER_NTAGS; k++)
            any |= row[k] != 0;
        if (any)
            memcpy(mark_bucket(t, r), row, TAGGER_NTAGS * sizeof *row);
    }
    finish_ranks(t);
    free(w);
    cache_tag_rows(t);
    *out = t;
    return 0;
}

/* ------------------------------------------------------------ images */

/* The loaded model as one block to map (see cache.h): this header, then the bucket
 * bitmap, the rank counts and the rows, 8-byte aligned, in this machine's layout. */
#define IMAGE_MAGIC "NERCTAG\n"
#define IMAGE_VERSION 1u

typedef struct image_header {
    char magic[8];
    uint32_t version, endian;
    uint64_t fingerprint;
    uint32_t bits, ntags;
    float scale;
    uint32_t pad;
    uint64_t nrows;
    uint64_t total;
    tag_rows cached;
} image_header;

static size_t image_words(unsigned bits)
{
    return ((size_t)1 << bits) / 64;
}

int tagger_save_image(const tagger *t, int fd, uint64_t fingerprint)
{
    if (!t || fd < 0)
        return NERC_EARG;
    image_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, IMAGE_MAGIC, 8);
    h.version = IMAGE_VERSION;
    h.endian = 0x01020304u;
    h.fingerprint = fingerprint;
    h.bits = t->bits;
    h.ntags = TAGGER_NTAGS;
    h.scale = t->scale;
    h.nrows = t->nrows;
    size_t words = image_words(t->bits);
    h.total = sizeof h + words * 8 + words * 4 + t->nrows * TAGGER_NTAGS * sizeof(float);
    h.cached = t->cached;
    int rc = cache_write_all(fd, &h, sizeof h);
    if (!rc)
        rc = cache_write_all(fd, t->present, words * 8);
    if (!rc)
        rc = cache_write_all(fd, t->rank, words * 4);
    if (!rc)
        rc = cache_write_all(fd, t->rows, t->nrows * TAGGER_NTAGS * sizeof(float));
    return rc;
}

int tagger_attach_image(const void *base, size_t len, uint64_t fingerprint, tagger **out)
{
    if (!base || !out)
        return NERC_EARG;
    *out = NULL;
    image_header h;
    const unsigned char *b = base;
    if (len < sizeof h || (uintptr_t)base % 8)
        return NERC_EFORMAT;
    memcpy(&h, base, sizeof h);
    if (memcmp(h.magic, IMAGE_MAGIC, 8) != 0 || h.version != IMAGE_VERSION ||
        h.endian != 0x01020304u || h.fingerprint != fingerprint || h.ntags != TAGGER_NTAGS ||
        h.bits < MIN_BITS || h.bits > MAX_BITS || h.nrows < 1 || h.nrows > UINT32_MAX ||
        h.total != len)
        return NERC_EFORMAT;
    size_t words = image_words(h.bits);
    if ((len - sizeof h) / (TAGGER_NTAGS * sizeof(float)) < h.nrows ||
        len != sizeof h + words * 12 + h.nrows * TAGGER_NTAGS * sizeof(float))
        return NERC_EFORMAT;
    const uint64_t *present = (const uint64_t *)(b + sizeof h);
    const uint32_t *rank = (const uint32_t *)(b + sizeof h + words * 8);
    /* every bucket's row must exist: the counts must be exactly the running sums */
    uint64_t before = 1;
    for (size_t w = 0; w < words; w++) {
        if (rank[w] != before)
            return NERC_EFORMAT;
        before += (uint64_t)bit_count(present[w]);
    }
    if (before != h.nrows)
        return NERC_EFORMAT;
    tagger *t = calloc(1, sizeof *t);
    if (!t)
        return NERC_ENOMEM;
    t->bits = h.bits;
    t->scale = h.scale;
    t->present = (uint64_t *)present;
    t->rank = (uint32_t *)rank;
    t->rows = (float *)(b + sizeof h + words * 12);
    t->nrows = (size_t)h.nrows;
    t->cached = h.cached;
    t->image = base;
    t->image_len = 0; /* the caller's memory: not unmapped */
    *out = t;
    return 0;
}

int tagger_map_image(const char *path, uint64_t fingerprint, tagger **out)
{
    if (!path || !out)
        return NERC_EARG;
    *out = NULL;
    const void *base;
    size_t len;
    int rc = cache_map(path, &base, &len);
    if (rc < 0)
        return rc;
    rc = tagger_attach_image(base, len, fingerprint, out);
    if (rc < 0) {
        cache_unmap(base, len);
        return rc;
    }
    (*out)->image_len = len; /* mapped here: unmapped by tagger_free */
    return 0;
}
