/* nerc-train - train the PERSON/ORG/LOCATION tagger, or tag a corpus with it.
 *
 *   nerc-train --corpus DIR [--corpus DIR ...] --out MODEL [--epochs 8] [--seed 1]
 *              [--bits 20] [--prune 0.05] [--upper 0] [--gaz-drop 0.3]
 *              [--gazetteer FILE ...] [--dev DIR]
 *   nerc-train --eval DIR --model MODEL --pred OUT.csv [--gazetteer FILE ...]
 *
 * DIR is a converted corpus split: DIR/docs/<doc>.txt and DIR/mentions.csv
 * (doc,start,end,type,...; byte offsets). Documents are split and tokenized with the
 * library's splitter; a token is inside a mention when its bytes lie within it.
 * Training is deterministic: the document order of each epoch comes from --seed (the
 * sentences of a document stay in order, for the document memory).
 * --gaz-drop F trains a fraction F of the sentences without the gazetteer feature.
 * --upper F adds upper-cased copies of a fraction F of the training sentences.
 * --gazetteer loads alias files in the gazetteers/ format so that training sees the
 * same per-token gazetteer feature the pipeline passes at run time.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nerc.h"
#include "tagger.h"
#include "tokenizer.h"

/* ------------------------------------------------------------ utilities */

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "nerc-train: out of memory\n");
        exit(1);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "nerc-train: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 4096) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* -1 for types the tagger does not learn. */
static int bio_base(const char *type)
{
    if (!strcmp(type, "PERSON"))
        return TAGGER_B_PER;
    if (!strcmp(type, "ORG"))
        return TAGGER_B_ORG;
    if (!strcmp(type, "LOCATION"))
        return TAGGER_B_LOC;
    return -1;
}

static int type_code(const char *type)
{
    static const char *const names[] = {"PERSON", "ORG",  "LOCATION", "WEAPON",
                                        "AGREEMENT", "DATE", "DEMONYM", "NONE"};
    for (int i = 0; i < (int)(sizeof names / sizeof *names); i++)
        if (!strcmp(type, names[i]))
            return i;
    return -1;
}

/* ------------------------------------------------------------ CSV */

/* Parse one CSV record starting at *p; fields are malloc'd into f[0..*nf). */
static int csv_record(const char **p, const char *end, char **f, int maxf, int *nf)
{
    const char *s = *p;
    if (s >= end)
        return 0;
    *nf = 0;
    for (;;) {
        size_t cap = 64, n = 0;
        char *v = xmalloc(cap);
        if (s < end && *s == '"') {
            s++;
            while (s < end) {
                if (*s == '"') {
                    if (s + 1 < end && s[1] == '"') {
                        s++;
                    } else {
                        s++;
                        break;
                    }
                }
                if (n + 2 > cap)
                    v = xrealloc(v, cap *= 2);
                v[n++] = *s++;
            }
        }
        while (s < end && *s != ',' && *s != '\n' && *s != '\r') {
            if (n + 2 > cap)
                v = xrealloc(v, cap *= 2);
            v[n++] = *s++;
        }
        v[n] = '\0';
        if (*nf < maxf)
            f[(*nf)++] = v;
        else
            free(v);
        if (s < end && *s == ',') {
            s++;
            continue;
        }
        while (s < end && (*s == '\r' || *s == '\n')) {
            if (*s++ == '\n')
                break;
        }
        break;
    }
    *p = s;
    return 1;
}

typedef struct mention {
    char *doc;
    size_t start, end;
    int base; /* B- tag of the type */
} mention;

static int cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    int c = strcmp(x->doc, y->doc);
    if (c)
        return c;
    return x->start < y->start ? -1 : x->start > y->start;
}

static mention *read_mentions(const char *path, size_t *count)
{
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) {
        fprintf(stderr, "nerc-train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    const char *p = buf, *end = buf + len;
    char *f[16];
    int nf, cdoc = -1, cs = -1, ce = -1, ct = -1;
    if (csv_record(&p, end, f, 16, &nf)) {
        for (int i = 0; i < nf; i++) {
            if (!strcmp(f[i], "doc"))
                cdoc = i;
            else if (!strcmp(f[i], "start"))
                cs = i;
            else if (!strcmp(f[i], "end"))
                ce = i;
            else if (!strcmp(f[i], "type"))
                ct = i;
            free(f[i]);
        }
    }
    if (cdoc < 0 || cs < 0 || ce < 0 || ct < 0) {
        fprintf(stderr, "nerc-train: %s: needs doc,start,end,type columns\n", path);
        exit(1);
    }
    mention *m = NULL;
    size_t n = 0, cap = 0;
    while (csv_record(&p, end, f, 16, &nf)) {
        if (nf > cdoc && nf > cs && nf > ce && nf > ct && bio_base(f[ct]) >= 0) {
            if (n == cap)
                m = xrealloc(m, (cap = cap ? cap * 2 : 1024) * sizeof *m);
            m[n].doc = f[cdoc];
            f[cdoc] = NULL;
            m[n].start = strtoul(f[cs], NULL, 10);
            m[n].end = strtoul(f[ce], NULL, 10);
            m[n].base = bio_base(f[ct]);
            n++;
        }
        for (int i = 0; i < nf; i++)
            free(f[i]);
    }
    free(buf);
    qsort(m, n, sizeof *m, cmp_mention);
    *count = n;
    return m;
}

/* ------------------------------------------------------------ gazetteer */

typedef struct gaz_entry {
    char *key;     /* token keys joined by 0x1f */
    char *surface; /* raw token texts joined by 0x1f, for case-sensitive entries */
    int type;      /* nerc_type */
    int cs;
} gaz_entry;

typedef struct gazetteer {
    gaz_entry *slots;
    size_t cap, n;
    size_t max_tokens;
} gazetteer;

static uint64_t str_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
    return h;
}

/* Type order when two entries share a key: AGREEMENT > WEAPON > ORG > PERSON > LOCATION. */
static int type_rank(int t)
{
    switch (t) {
    case NERC_AGREEMENT: return 5;
    case NERC_WEAPON: return 4;
    case NERC_ORG: return 3;
    case NERC_PERSON: return 2;
    case NERC_LOCATION: return 1;
    default: return 0;
    }
}

static gaz_entry *gaz_find(const gazetteer *g, const char *key)
{
    if (!g->cap)
        return NULL;
    size_t i = str_hash(key) & (g->cap - 1);
    while (g->slots[i].key) {
        if (!strcmp(g->slots[i].key, key))
            return &g->slots[i];
        i = (i + 1) & (g->cap - 1);
    }
    return NULL;
}

static void gaz_insert(gazetteer *g, char *key, char *surface, int type, int cs)
{
    if ((g->n + 1) * 2 > g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 1 << 16;
        gaz_entry *ns = calloc(nc, sizeof *ns);
        if (!ns) {
            fprintf(stderr, "nerc-train: out of memory\n");
            exit(1);
        }
        for (size_t i = 0; i < g->cap; i++)
            if (g->slots[i].key) {
                size_t j = str_hash(g->slots[i].key) & (nc - 1);
                while (ns[j].key)
                    j = (j + 1) & (nc - 1);
                ns[j] = g->slots[i];
            }
        free(g->slots);
        g->slots = ns;
        g->cap = nc;
    }
    gaz_entry *e = gaz_find(g, key);
    if (e) { /* the earlier file wins, except against a higher-ranked type */
        if (type_rank(type) > type_rank(e->type)) {
            e->type = type;
            free(e->surface);
            e->surface = surface;
            e->cs = cs;
        } else {
            free(surface);
        }
        free(key);
        return;
    }
    size_t i = str_hash(key) & (g->cap - 1);
    while (g->slots[i].key)
        i = (i + 1) & (g->cap - 1);
    g->slots[i] = (gaz_entry){key, surface, type, cs};
    g->n++;
}

static char *join_tokens(const char *text, const token *t, size_t n, const char *keys, int raw)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (raw ? t[i].end - t[i].start : t[i].key_len) + 1;
    char *s = xmalloc(len + 1), *p = s;
    for (size_t i = 0; i < n; i++) {
        if (i)
            *p++ = '\x1f';
        if (raw) {
            memcpy(p, text + t[i].start, t[i].end - t[i].start);
            p += t[i].end - t[i].start;
        } else {
            memcpy(p, keys + t[i].key, t[i].key_len);
            p += t[i].key_len;
        }
    }
    *p = '\0';
    return s;
}

static void gaz_load(gazetteer *g, const char *path)
{
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf) {
        fprintf(stderr, "nerc-train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    token_buf tb;
    token_buf_init(&tb);
    char *line = buf;
    size_t lineno = 0;
    while (line < buf + len) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        if (ll && line[0] != '#') {
            char *fields[5] = {0};
            int nf = 0;
            char *s = line;
            while (nf < 5) {
                fields[nf++] = s;
                char *tab = strchr(s, '\t');
                if (!tab)
                    break;
                *tab = '\0';
                s = tab + 1;
            }
            int type = nf >= 2 ? type_code(fields[1]) : -1;
            if (nf < 3 || type < 0) {
                fprintf(stderr, "nerc-train: %s:%zu: expected surface<TAB>type<TAB>canonical\n",
                        path, lineno);
                exit(1);
            }
            int cs = nf >= 5 && strstr(fields[4], "cs") != NULL;
            if (tokenize(fields[0], strlen(fields[0]), &tb) < 0) {
                fprintf(stderr, "nerc-train: out of memory\n");
                exit(1);
            }
            if (tb.n) {
                gaz_insert(g, join_tokens(fields[0], tb.tokens, tb.n, tb.keys, 0),
                           join_tokens(fields[0], tb.tokens, tb.n, tb.keys, 1), type, cs);
                if (tb.n > g->max_tokens)
                    g->max_tokens = tb.n;
            }
        }
        if (!nl)
            break;
        line = nl + 1;
    }
    token_buf_free(&tb);
    free(buf);
}

static void gaz_free(gazetteer *g)
{
    for (size_t i = 0; i < g->cap; i++) {
        free(g->slots[i].key);
        free(g->slots[i].surface);
    }
    free(g->slots);
}

/* Longest match from left to right; out[i] = nerc_type + 1 of the match covering token i. */
static void gaz_mark(const gazetteer *g, const char *text, const token *t, size_t n,
                     const char *keys, unsigned char *out)
{
    memset(out, 0, n);
    if (!g->n)
        return;
    for (size_t i = 0; i < n;) {
        size_t hit = 0;
        for (size_t L = g->max_tokens < n - i ? g->max_tokens : n - i; L >= 1 && !hit; L--) {
            char *k = join_tokens(text, t + i, L, keys, 0);
            const gaz_entry *e = gaz_find(g, k);
            free(k);
            if (!e)
                continue;
            int ok;
            if (e->cs) {
                char *raw = join_tokens(text, t + i, L, keys, 1);
                ok = !strcmp(raw, e->surface);
                free(raw);
            } else {
                ok = 0; /* lower-case prose never matches a name */
                for (size_t j = i; j < i + L && !ok; j++)
                    ok = (t[j].flags & (TOK_UPPER | TOK_HAS_DIGIT)) != 0;
            }
            if (ok) {
                memset(out + i, e->type + 1, L);
                hit = L;
            }
        }
        i += hit ? hit : 1;
    }
}

/* ------------------------------------------------------------ corpus */

typedef struct sent {
    char *text;
    token *toks;
    size_t n;
    char *keys;
    unsigned char *gold;
    unsigned char *gaz;
    size_t doc;   /* index into corpus.docs */
    size_t start; /* byte offset of text in the document */
} sent;

typedef struct corpus {
    sent *s;
    size_t n, cap;
    char **docs;
    size_t ndocs, docs_cap;
    size_t mentions, unaligned;
} corpus;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_corpus(corpus *c, const char *dir, const gazetteer *g)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/mentions.csv", dir);
    size_t nm;
    mention *m = read_mentions(path, &nm);
    snprintf(path, sizeof path, "%s/docs", dir);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "nerc-train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    char **names = NULL;
    size_t nn = 0, ncap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt")) {
            if (nn == ncap)
                names = xrealloc(names, (ncap = ncap ? ncap * 2 : 256) * sizeof *names);
            names[nn++] = xstrndup(de->d_name, l - 4);
        }
    }
    closedir(d);
    qsort(names, nn, sizeof *names, cmp_str);

    splitter *sp = NULL;
    for (size_t di = 0; di < nn; di++) {
        snprintf(path, sizeof path, "%s/docs/%s.txt", dir, names[di]);
        size_t len;
        char *buf = read_file(path, &len);
        if (!buf) {
            fprintf(stderr, "nerc-train: %s: %s\n", path, strerror(errno));
            exit(1);
        }
        /* this document's mentions */
        mention key = {names[di], 0, 0, 0};
        size_t lo = 0, hi = nm;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cmp_mention(&m[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t m0 = lo, m1 = lo;
        while (m1 < nm && !strcmp(m[m1].doc, names[di]))
            m1++;
        c->mentions += m1 - m0;
        unsigned char *used = calloc(m1 - m0 + 1, 1);

        if (c->ndocs == c->docs_cap)
            c->docs = xrealloc(c->docs, (c->docs_cap = c->docs_cap ? c->docs_cap * 2 : 256) *
                                            sizeof *c->docs);
        c->docs[c->ndocs] = names[di];
        sp = splitter_new();
        if (!sp || splitter_feed(sp, buf, len) < 0) {
            fprintf(stderr, "nerc-train: out of memory\n");
            exit(1);
        }
        splitter_finish(sp);
        sentence se;
        int rc;
        while ((rc = splitter_next(sp, &se)) > 0) {
            if (!se.n_tokens)
                continue;
            if (c->n == c->cap)
                c->s = xrealloc(c->s, (c->cap = c->cap ? c->cap * 2 : 4096) * sizeof *c->s);
            sent *s = &c->s[c->n++];
            size_t tl = se.end - se.start;
            s->text = xstrndup(se.text, tl);
            s->n = se.n_tokens;
            s->toks = xmalloc(s->n * sizeof *s->toks);
            memcpy(s->toks, se.tokens, s->n * sizeof *s->toks);
            size_t kl = 0;
            for (size_t i = 0; i < s->n; i++)
                if (s->toks[i].key + s->toks[i].key_len > kl)
                    kl = s->toks[i].key + s->toks[i].key_len;
            s->keys = xstrndup(se.keys, kl);
            s->doc = c->ndocs;
            s->start = se.start;
            s->gold = xmalloc(s->n);
            s->gaz = xmalloc(s->n);
            gaz_mark(g, s->text, s->toks, s->n, s->keys, s->gaz);
            size_t prev_m = SIZE_MAX;
            for (size_t i = 0; i < s->n; i++) {
                size_t a = se.start + s->toks[i].start, b = se.start + s->toks[i].end;
                size_t best = SIZE_MAX;
                for (size_t j = m0; j < m1; j++) /* the longest mention holding the token */
                    if (m[j].start <= a && b <= m[j].end &&
                        (best == SIZE_MAX ||
                         m[j].end - m[j].start > m[best].end - m[best].start))
                        best = j;
                if (best == SIZE_MAX) {
                    s->gold[i] = TAGGER_O;
                } else {
                    s->gold[i] = (unsigned char)(m[best].base + (best == prev_m));
                    used[best - m0] = 1;
                }
                prev_m = best;
            }
        }
        if (rc < 0) {
            fprintf(stderr, "nerc-train: out of memory\n");
            exit(1);
        }
        for (size_t j = m0; j < m1; j++)
            c->unaligned += !used[j - m0];
        free(used);
        splitter_free(sp);
        free(buf);
        c->ndocs++;
    }
    free(names);
    for (size_t i = 0; i < nm; i++)
        free(m[i].doc);
    free(m);
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->s[i].text);
        free(c->s[i].toks);
        free(c->s[i].keys);
        free(c->s[i].gold);
        free(c->s[i].gaz);
    }
    free(c->s);
    for (size_t i = 0; i < c->ndocs; i++)
        free(c->docs[i]);
    free(c->docs);
}

/* Add upper-cased copies of about frac of the sentences, so that headlines and
 * datelines in capitals are seen in training. Only ASCII letters change, so byte
 * offsets stay put and the gold tags carry over by token start. */
static void augment_upper(corpus *c, double frac, uint64_t *rng, const gazetteer *g,
                          uint64_t (*next)(uint64_t *))
{
    size_t n0 = c->n;
    token_buf tb;
    token_buf_init(&tb);
    for (size_t k = 0; k < n0; k++) {
        if ((double)(next(rng) >> 11) / 9007199254740992.0 >= frac)
            continue;
        const sent *o = &c->s[k];
        size_t tl = o->toks[o->n - 1].end;
        char *text = xstrndup(o->text, tl);
        for (size_t i = 0; i < tl; i++)
            if (text[i] >= 'a' && text[i] <= 'z')
                text[i] = (char)(text[i] - 'a' + 'A');
        if (tokenize(text, tl, &tb) < 0 || !tb.n) {
            free(text);
            continue;
        }
        if (c->n == c->cap)
            c->s = xrealloc(c->s, (c->cap *= 2) * sizeof *c->s);
        o = &c->s[k];
        sent *s = &c->s[c->n++];
        s->text = text;
        s->n = tb.n;
        s->toks = xmalloc(tb.n * sizeof *s->toks);
        memcpy(s->toks, tb.tokens, tb.n * sizeof *s->toks);
        s->keys = xstrndup(tb.keys, tb.keys_len);
        s->doc = o->doc;
        s->start = o->start;
        s->gold = xmalloc(tb.n);
        s->gaz = xmalloc(tb.n);
        gaz_mark(g, s->text, s->toks, s->n, s->keys, s->gaz);
        size_t j = 0;
        for (size_t i = 0; i < s->n; i++) {
            while (j < o->n && o->toks[j].start < s->toks[i].start)
                j++;
            int t = j < o->n && o->toks[j].start == s->toks[i].start ? o->gold[j] : TAGGER_O;
            int prev = i ? s->gold[i - 1] : TAGGER_O;
            if (t != TAGGER_O && !(t & 1) && prev != t && prev != t - 1)
                t--; /* an I- tag that lost its B- */
            s->gold[i] = (unsigned char)t;
        }
    }
    token_buf_free(&tb);
}

/* ------------------------------------------------------------ evaluation */

/* Exact-match span P/R/F1 in token space. */
static void span_f1(const tagger *t, tagger_scratch *sc, const corpus *c, double *p, double *r,
                    double *f)
{
    size_t tp = 0, np = 0, ng = 0;
    unsigned char *pred = NULL;
    size_t pcap = 0;
    for (size_t k = 0; k < c->n; k++) {
        const sent *s = &c->s[k];
        if (!k || s->doc != c->s[k - 1].doc)
            tagger_scratch_reset(sc);
        if (s->n > pcap)
            pred = xrealloc(pred, pcap = s->n * 2);
        if (tagger_tag_bio(t, sc, s->text, s->toks, s->n, s->keys, s->gaz, pred) < 0) {
            fprintf(stderr, "nerc-train: tagging failed\n");
            exit(1);
        }
        for (size_t i = 0; i < s->n; i++) {
            int gb = s->gold[i] != TAGGER_O && (s->gold[i] & 1);
            int pb = pred[i] != TAGGER_O && (pred[i] & 1);
            ng += gb;
            np += pb;
            if (gb && pb && s->gold[i] == pred[i]) {
                size_t j = i + 1;
                while (j < s->n && s->gold[j] == pred[j] && s->gold[j] == s->gold[i] + 1)
                    j++;
                int gend = j >= s->n || s->gold[j] != s->gold[i] + 1;
                int pend = j >= s->n || pred[j] != pred[i] + 1;
                tp += gend && pend;
            }
        }
    }
    free(pred);
    *p = np ? (double)tp / (double)np : 0;
    *r = ng ? (double)tp / (double)ng : 0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static void csv_field(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', f);
        fputc(s[i], f);
    }
    fputc('"', f);
}

static void write_predictions(const tagger *t, tagger_scratch *sc, const corpus *c,
                              const char *path)
{
    static const char *const names[] = {"PERSON", "ORG", "LOCATION"};
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "nerc-train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    fputs("doc,start,end,type,text,value,source,confidence\n", f);
    tagger_span spans[512];
    for (size_t k = 0; k < c->n; k++) {
        const sent *s = &c->s[k];
        if (!k || s->doc != c->s[k - 1].doc)
            tagger_scratch_reset(sc);
        int ns = tagger_tag(t, sc, s->text, s->toks, s->n, s->keys, s->gaz, spans, 512);
        if (ns < 0) {
            fprintf(stderr, "nerc-train: tagging failed\n");
            exit(1);
        }
        for (int i = 0; i < ns && i < 512; i++) {
            size_t a = s->toks[spans[i].first_token].start, b = s->toks[spans[i].last_token].end;
            fprintf(f, "%s,%zu,%zu,%s,", c->docs[s->doc], s->start + a, s->start + b,
                    names[spans[i].type]);
            csv_field(f, s->text + a, b - a);
            fprintf(f, ",,model,%.3f\n", (double)spans[i].confidence);
        }
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "nerc-train: %s: write error\n", path);
        exit(1);
    }
}

/* ------------------------------------------------------------ main */

static uint64_t rng_next(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void usage(void)
{
    fputs("usage: nerc-train --corpus DIR [--corpus DIR ...] --out MODEL [--epochs N] [--seed N]\n"
          "                  [--bits N] [--prune X] [--upper F] [--gaz-drop F]\n"
          "                  [--gazetteer FILE ...] [--dev DIR]\n"
          "       nerc-train --eval DIR --model MODEL --pred OUT.csv [--gazetteer FILE ...]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *corpora[64], *gazs[64];
    size_t ncorp = 0, ngaz = 0;
    const char *out = NULL, *dev = NULL, *eval = NULL, *model = NULL, *pred = NULL;
    int epochs = 8;
    unsigned long seed = 1, bits = 20;
    double prune = 0.05, upper = 0.0, gaz_drop = 0.3;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--corpus") && ncorp < 64)
            corpora[ncorp++] = v;
        else if (!strcmp(a, "--gazetteer") && ngaz < 64)
            gazs[ngaz++] = v;
        else if (!strcmp(a, "--out"))
            out = v;
        else if (!strcmp(a, "--dev"))
            dev = v;
        else if (!strcmp(a, "--eval"))
            eval = v;
        else if (!strcmp(a, "--model"))
            model = v;
        else if (!strcmp(a, "--pred"))
            pred = v;
        else if (!strcmp(a, "--epochs"))
            epochs = atoi(v);
        else if (!strcmp(a, "--seed"))
            seed = strtoul(v, NULL, 10);
        else if (!strcmp(a, "--bits"))
            bits = strtoul(v, NULL, 10);
        else if (!strcmp(a, "--prune"))
            prune = atof(v);
        else if (!strcmp(a, "--gaz-drop"))
            gaz_drop = atof(v);
        else if (!strcmp(a, "--upper"))
            upper = atof(v);
        else
            usage();
    }
    gazetteer g = {0};
    for (size_t i = 0; i < ngaz; i++)
        gaz_load(&g, gazs[i]);
    if (ngaz)
        fprintf(stderr, "gazetteer: %zu aliases, up to %zu tokens\n", g.n, g.max_tokens);
    tagger_scratch *sc = tagger_scratch_new();
    if (!sc)
        return 1;
    char err[512];

    if (eval) {
        if (!model || !pred)
            usage();
        tagger *t;
        if (tagger_load(model, &t, err, sizeof err) < 0) {
            fprintf(stderr, "nerc-train: %s\n", err);
            return 1;
        }
        corpus c = {0};
        load_corpus(&c, eval, &g);
        double p, r, f;
        span_f1(t, sc, &c, &p, &r, &f);
        fprintf(stderr, "%s: %zu docs, %zu sentences; token-space exact P %.4f R %.4f F1 %.4f\n",
                eval, c.ndocs, c.n, p, r, f);
        write_predictions(t, sc, &c, pred);
        free_corpus(&c);
        tagger_free(t);
        tagger_scratch_free(sc);
        gaz_free(&g);
        return 0;
    }

    if (!ncorp || !out || epochs < 1)
        usage();
    corpus c = {0};
    for (size_t i = 0; i < ncorp; i++)
        load_corpus(&c, corpora[i], &g);
    uint64_t rng = seed;
    size_t n_orig = c.n;
    if (upper > 0)
        augment_upper(&c, upper, &rng, &g, rng_next);
    size_t ntok = 0;
    for (size_t i = 0; i < c.n; i++)
        ntok += c.s[i].n;
    fprintf(stderr, "train: %zu docs, %zu sentences, %zu tokens, %zu mentions (%zu unaligned)\n",
            c.ndocs, c.n, ntok, c.mentions, c.unaligned);
    corpus dc = {0};
    if (dev)
        load_corpus(&dc, dev, &g);

    tagger_trainer *tr = tagger_trainer_new((unsigned)bits);
    if (!tr) {
        fprintf(stderr, "nerc-train: bad --bits or out of memory\n");
        return 1;
    }
    /* Documents are trained whole and in order (the document memory needs it); their
     * order is shuffled each epoch. Each upper-cased copy is a document of its own. */
    size_t *unit = xmalloc((c.n + 1) * sizeof *unit), nunits = 0;
    for (size_t i = 0; i < c.n; i++)
        if (!i || i >= n_orig || c.s[i].doc != c.s[i - 1].doc)
            unit[nunits++] = i;
    unit[nunits] = c.n;
    size_t *order = xmalloc(nunits * sizeof *order);
    for (size_t i = 0; i < nunits; i++)
        order[i] = i;
    for (int ep = 1; ep <= epochs; ep++) {
        for (size_t i = nunits; i > 1; i--) {
            size_t j = (size_t)(rng_next(&rng) % i);
            size_t x = order[i - 1];
            order[i - 1] = order[j];
            order[j] = x;
        }
        size_t errors = 0;
        for (size_t u = 0; u < nunits; u++) {
            tagger_scratch_reset(sc); /* a new document */
            for (size_t k = unit[order[u]]; k < unit[order[u] + 1]; k++) {
                const sent *s = &c.s[k];
                /* Some sentences train without the gazetteer feature, so that names it
                 * lists are also learnt from their words and contexts. */
                int nogaz = (double)(rng_next(&rng) >> 11) / 9007199254740992.0 < gaz_drop;
                int e = tagger_trainer_learn(tr, sc, s->text, s->toks, s->n, s->keys,
                                             ngaz && !nogaz ? s->gaz : NULL, s->gold);
                if (e < 0) {
                    fprintf(stderr, "nerc-train: training failed (%d)\n", e);
                    return 1;
                }
                errors += (size_t)e;
            }
        }
        fprintf(stderr, "epoch %d: token errors %zu (%.2f%%)", ep, errors,
                100.0 * (double)errors / (double)(ntok ? ntok : 1));
        if (dev) {
            tagger *t;
            if (tagger_trainer_model(tr, (float)prune, &t) < 0)
                return 1;
            double p, r, f;
            span_f1(t, sc, &dc, &p, &r, &f);
            fprintf(stderr, "; dev exact P %.4f R %.4f F1 %.4f", p, r, f);
            tagger_free(t);
        }
        fputc('\n', stderr);
    }
    tagger *t;
    if (tagger_trainer_model(tr, (float)prune, &t) < 0)
        return 1;
    if (tagger_save(t, out, err, sizeof err) < 0) {
        fprintf(stderr, "nerc-train: %s\n", err);
        return 1;
    }
    fprintf(stderr, "wrote %s: %zu non-zero buckets of %lu\n", out, tagger_nonzero(t),
            1ul << bits);
    tagger_free(t);
    tagger_trainer_free(tr);
    free(order);
    free(unit);
    free_corpus(&c);
    free_corpus(&dc);
    tagger_scratch_free(sc);
    gaz_free(&g);
    return 0;
}
