/* gazetteer.c - a token trie in one open-addressing hash table. */
#include "gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "util.h"

#define NO_ENTRY UINT32_MAX
#define ROOT 0u

typedef struct edge {        /* (parent, key) -> child */
    uint32_t parent, child;
    uint32_t key, key_len;   /* in the pool */
    uint32_t hash;
} edge;

typedef struct node {
    uint32_t first_entry;    /* entries stored for the alias ending here */
} node;

typedef struct entry_rec {
    uint32_t canonical, id;  /* pool offsets */
    uint32_t cased;          /* pool offset of the alias's token bytes (cs entries) */
    uint32_t next;           /* next entry at the same node */
    uint32_t upper_mask;     /* bit i: alias token i starts with a capital (first 32) */
    uint8_t type, flags;
    uint16_t file;
} entry_rec;

struct gazetteer {
    strpool pool;            /* keys, canonicals, ids */
    edge *edges;             /* hash table; child == 0 marks an empty slot */
    size_t edge_cap, edge_count;
    node *nodes;
    size_t node_count, node_cap;
    entry_rec *entries;
    size_t entry_count, entry_cap;
    gaz_entry *views;        /* public views of entries, built lazily at lookup */
    size_t entities;
    unsigned file_count;
    token_buf scratch;       /* used while loading only */
    /* distinct (type, canonical) counting while loading */
    uint32_t *canon_set;
    size_t canon_cap, canon_count;
    /* bit (hash & filter_mask) set for every edge: most tokens continue no alias, and
     * the filter (8 bits per edge, so few false hits) answers them without a cache
     * miss in the edge table */
    uint64_t *edge_filter;
    uint32_t filter_mask;
    /* an attached image: pool, edges, nodes and entries point into it, read-only */
    const void *image;
    size_t image_len;
    int image_mapped; /* image is an mmap of a file (else the caller's memory) */
};

/* Offsets in the pool are 32-bit: a gazetteer larger than 4 GiB is refused. */
static int64_t pool_add32(gazetteer *g, const char *s, size_t n)
{
    if (g->pool.len + n + 1 > UINT32_MAX)
        return NERC_ENOMEM;
    return strpool_add(&g->pool, s, n);
}

gazetteer *gazetteer_new(void)
{
    gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    token_buf_init(&g->scratch);
    g->edge_cap = 1024;
    g->edges = calloc(g->edge_cap, sizeof *g->edges);
    g->node_cap = 1024;
    g->nodes = malloc(g->node_cap * sizeof *g->nodes);
    if (!g->edges || !g->nodes || pool_add32(g, "", 0) < 0) {
        gazetteer_free(g);
        return NULL;
    }
    g->nodes[ROOT].first_entry = NO_ENTRY;
    g->node_count = 1;
    return g;
}

void gazetteer_free(gazetteer *g)
{
    if (!g)
        return;
    if (g->image) {
        if (g->image_mapped)
            cache_unmap(g->image, g->image_len);
    } else {
        free(g->pool.buf);
        free(g->edges);
        free(g->nodes);
        free(g->entries);
    }
    free(g->views);
    free(g->edge_filter);
    free(g->canon_set);
    token_buf_free(&g->scratch);
    free(g);
}

static uint32_t find_child(const gazetteer *g, uint32_t parent, const char *key, size_t len)
{
    uint32_t h = util_hash(parent, key, len);
    if (g->edge_filter && !(g->edge_filter[(h & g->filter_mask) >> 6] >> (h & 63) & 1))
        return 0;
    size_t mask = g->edge_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const edge *e = &g->edges[i];
        if (e->child == 0)
            return 0;
        if (e->hash == h && e->parent == parent && e->key_len == len &&
            memcmp(g->pool.buf + e->key, key, len) == 0)
            return e->child;
    }
}

static int rehash(gazetteer *g)
{
    size_t cap = g->edge_cap * 2;
    edge *t = calloc(cap, sizeof *t);
    if (!t)
        return NERC_ENOMEM;
    for (size_t i = 0; i < g->edge_cap; i++) {
        edge *e = &g->edges[i];
        if (!e->child)
            continue;
        size_t j = e->hash & (cap - 1);
        while (t[j].child)
            j = (j + 1) & (cap - 1);
        t[j] = *e;
    }
    free(g->edges);
    g->edges = t;
    g->edge_cap = cap;
    return 0;
}

/* The child of parent under key, created if missing. Returns the node or 0 on ENOMEM. */
static uint32_t child_of(gazetteer *g, uint32_t parent, const char *key, size_t len)
{
    uint32_t c = find_child(g, parent, key, len);
    if (c)
        return c;
    if ((g->edge_count + 1) * 2 > g->edge_cap && rehash(g) < 0)
        return 0;
    if (util_grow((void **)&g->nodes, &g->node_cap, g->node_count + 1, sizeof *g->nodes) < 0)
        return 0;
    int64_t k = pool_add32(g, key, len);
    if (k < 0)
        return 0;
    uint32_t h = util_hash(parent, key, len);
    size_t mask = g->edge_cap - 1, i = h & mask;
    while (g->edges[i].child)
        i = (i + 1) & mask;
    c = (uint32_t)g->node_count++;
    g->nodes[c].first_entry = NO_ENTRY;
    g->edges[i] = (edge){parent, c, (uint32_t)k, (uint32_t)len, h};
    g->edge_count++;
    return c;
}

/* Count distinct (type, canonical) pairs with a small hash set of entry indexes. */
static int note_canonical(gazetteer *g, uint32_t index)
{
    if ((g->canon_count + 1) * 2 > g->canon_cap) {
        size_t cap = g->canon_cap ? g->canon_cap * 2 : 1024;
        uint32_t *t = malloc(cap * sizeof *t);
        if (!t)
            return NERC_ENOMEM;
        memset(t, 0xff, cap * sizeof *t);
        for (size_t i = 0; i < g->canon_cap; i++) {
            uint32_t v = g->canon_set[i];
            if (v == UINT32_MAX)
                continue;
            const entry_rec *e = &g->entries[v];
            const char *s = g->pool.buf + e->canonical;
            size_t j = util_hash(e->type, s, strlen(s)) & (cap - 1);
            while (t[j] != UINT32_MAX)
                j = (j + 1) & (cap - 1);
            t[j] = v;
        }
        free(g->canon_set);
        g->canon_set = t;
        g->canon_cap = cap;
    }
    const entry_rec *r = &g->entries[index];
    const char *s = g->pool.buf + r->canonical;
    size_t n = strlen(s);
    size_t j = util_hash(r->type, s, n) & (g->canon_cap - 1);
    while (g->canon_set[j] != UINT32_MAX) {
        const entry_rec *e = &g->entries[g->canon_set[j]];
        if (e->type == r->type && strcmp(g->pool.buf + e->canonical, s) == 0)
            return 0;
        j = (j + 1) & (g->canon_cap - 1);
    }
    g->canon_set[j] = index;
    g->canon_count++;
    return 0;
}

/* Make the gazetteer writable again after a freeze or an attached image: heap copies
 * of the arrays and the canonical set rebuilt, so that adding goes on counting
 * correctly. */
static int reopen(gazetteer *g)
{
    if (g->image) {
        strpool pool = {malloc(g->pool.len ? g->pool.len : 1), g->pool.len, g->pool.len};
        edge *edges = malloc(g->edge_cap * sizeof *edges);
        node *nodes = malloc((g->node_count ? g->node_count : 1) * sizeof *nodes);
        entry_rec *entries = malloc((g->entry_count ? g->entry_count : 1) * sizeof *entries);
        if (!pool.buf || !edges || !nodes || !entries) {
            free(pool.buf);
            free(edges);
            free(nodes);
            free(entries);
            return NERC_ENOMEM;
        }
        memcpy(pool.buf, g->pool.buf, g->pool.len);
        memcpy(edges, g->edges, g->edge_cap * sizeof *edges);
        memcpy(nodes, g->nodes, g->node_count * sizeof *nodes);
        memcpy(entries, g->entries, g->entry_count * sizeof *entries);
        if (g->image_mapped)
            cache_unmap(g->image, g->image_len);
        g->image = NULL;
        g->image_len = 0;
        g->pool = pool;
        g->edges = edges;
        g->nodes = nodes;
        g->node_cap = g->node_count;
        g->entries = entries;
        g->entry_cap = g->entry_count;
    }
    if (!g->canon_set && g->entry_count) {
        g->canon_count = 0;
        for (size_t i = 0; i < g->entry_count; i++)
            if (note_canonical(g, (uint32_t)i) < 0)
                return NERC_ENOMEM;
    }
    return 0;
}

int gazetteer_add(gazetteer *g, const char *surface, size_t len, nerc_type type,
                  const char *canonical, const char *id, unsigned flags)
{
    if ((g->image || (!g->canon_set && g->entry_count)) && reopen(g) < 0)
        return NERC_ENOMEM;
    free(g->edge_filter); /* rebuilt by the next freeze */
    g->edge_filter = NULL;
    if (tokenize(surface, len, &g->scratch) < 0)
        return NERC_ENOMEM;
    if (g->scratch.n == 0)
        return NERC_EARG;
    uint32_t nd = ROOT;
    for (size_t i = 0; i < g->scratch.n; i++) {
        const token *t = &g->scratch.tokens[i];
        nd = child_of(g, nd, g->scratch.keys + t->key, t->key_len);
        if (!nd)
            return NERC_ENOMEM;
    }
    for (uint32_t e = g->nodes[nd].first_entry; e != NO_ENTRY; e = g->entries[e].next)
        if (g->entries[e].type == type)
            return 0; /* first wins */
    if (util_grow((void **)&g->entries, &g->entry_cap, g->entry_count + 1, sizeof *g->entries) < 0)
        return NERC_ENOMEM;
    int64_t c = pool_add32(g, canonical, strlen(canonical));
    int64_t d = pool_add32(g, id ? id : "", id ? strlen(id) : 0);
    int64_t cased = 0;
    if (flags & GAZ_CASE_SENSITIVE) {
        /* the alias's token bytes without separators, compared at match time */
        char buf[512];
        size_t bl = 0;
        for (size_t i = 0; i < g->scratch.n; i++) {
            const token *t = &g->scratch.tokens[i];
            size_t tl = t->end - t->start;
            if (bl + tl >= sizeof buf)
                break;
            memcpy(buf + bl, surface + t->start, tl);
            bl += tl;
        }
        cased = pool_add32(g, buf, bl);
    }
    if (c < 0 || d < 0 || cased < 0)
        return NERC_ENOMEM;
    entry_rec *r = &g->entries[g->entry_count++];
    r->canonical = (uint32_t)c;
    r->id = (uint32_t)d;
    r->cased = (uint32_t)cased;
    r->type = (uint8_t)type;
    r->flags = (uint8_t)flags;
    r->upper_mask = 0;
    for (size_t i = 0; i < g->scratch.n && i < 32; i++)
        if (g->scratch.tokens[i].flags & TOK_UPPER)
            r->upper_mask |= 1u << i;
    r->file = (uint16_t)(g->file_count > 0 ? g->file_count - 1 : 0);
    /* keep entries of a node in insertion order */
    r->next = NO_ENTRY;
    uint32_t *link = &g->nodes[nd].first_entry;
    while (*link != NO_ENTRY)
        link = &g->entries[*link].next;
    *link = (uint32_t)(g->entry_count - 1);
    free(g->views);
    g->views = NULL;
    if (note_canonical(g, (uint32_t)(g->entry_count - 1)) < 0)
        return NERC_ENOMEM;
    return 1;
}

static int set_err(char *err, size_t errlen, int code, const char *fmt, const char *path,
                   size_t line, const char *detail)
{
    if (err && errlen)
        snprintf(err, errlen, fmt, path, line, detail);
    return code;
}

int gazetteer_load_file(gazetteer *g, const char *path, char *err, size_t errlen)
{
    data_file df;
    if (data_file_open(&df, path) < 0)
        return set_err(err, errlen, NERC_EIO, "%s:%zu: cannot open: %s", path, 0,
                       strerror(errno));
    g->file_count++;
    char *line;
    long n;
    int rc = 0;
    while ((n = data_file_next(&df, &line)) >= 0) {
        size_t lineno = df.lineno;
        char *field[6] = {0};
        int nf = 0;
        char *p = line;
        for (;;) {
            if (nf == 6)
                break;
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf < 3) {
            rc = set_err(err, errlen, NERC_EFORMAT, "%s:%zu: %s", path, lineno,
                         "expected at least 3 TAB-separated fields: surface, type, canonical");
            break;
        }
        if (nf > 5) {
            rc = set_err(err, errlen, NERC_EFORMAT, "%s:%zu: %s", path, lineno,
                         "too many fields (at most 5: surface, type, canonical, id, flags)");
            break;
        }
        if (!field[0][0] || !field[2][0]) {
            rc = set_err(err, errlen, NERC_EFORMAT, "%s:%zu: %s", path, lineno,
                         field[0][0] ? "empty canonical name" : "empty surface");
            break;
        }
        int type = nerc_type_from_name(field[1]);
        if (type < 0 || type == NERC_DATE) {
            char msg[160];
            snprintf(msg, sizeof msg, "unknown type '%.40s' (PERSON, ORG, LOCATION, WEAPON, "
                     "AGREEMENT, DEMONYM or NONE)", field[1]);
            rc = set_err(err, errlen, NERC_EFORMAT, "%s:%zu: %s", path, lineno, msg);
            break;
        }
        unsigned flags = 0;
        if (nf == 5 && field[4][0]) {
            char *save = NULL;
            int bad = 0;
            for (char *tok = strtok_r(field[4], ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (strcmp(tok, "cs") == 0)
                    flags |= GAZ_CASE_SENSITIVE;
                else
                    bad = 1;
            }
            if (bad) {
                rc = set_err(err, errlen, NERC_EFORMAT, "%s:%zu: %s", path, lineno,
                             "unknown flag (known: cs)");
                break;
            }
        }
        int a = gazetteer_add(g, field[0], strlen(field[0]), (nerc_type)type, field[2],
                              nf >= 4 ? field[3] : "", flags);
        if (a == NERC_EARG) {
            rc = set_err(err, errlen, NERC_EFORMAT, "%s:%zu: %s", path, lineno,
                         "surface has no word in it");
            break;
        }
        if (a < 0) {
            rc = set_err(err, errlen, a, "%s:%zu: %s", path, lineno, "out of memory");
            break;
        }
    }
    if (rc == 0 && n == NERC_EFORMAT)
        rc = set_err(err, errlen, NERC_EFORMAT, "%s:%zu: %s", path, df.lineno, "NUL byte in line");
    else if (rc == 0 && n == NERC_EIO)
        rc = set_err(err, errlen, NERC_EIO, "%s:%zu: read error: %s", path, df.lineno,
                     strerror(errno));
    data_file_close(&df);
    return rc;
}

size_t gazetteer_alias_count(const gazetteer *g)
{
    return g->entry_count;
}

size_t gazetteer_entity_count(const gazetteer *g)
{
    return g->canon_count;
}

int gazetteer_freeze(gazetteer *g)
{
    free(g->views);
    g->views = malloc((g->entry_count ? g->entry_count : 1) * sizeof *g->views);
    if (!g->views)
        return NERC_ENOMEM;
    for (size_t i = 0; i < g->entry_count; i++) {
        const entry_rec *r = &g->entries[i];
        g->views[i] = (gaz_entry){g->pool.buf + r->canonical, g->pool.buf + r->id,
                                  (nerc_type)r->type, r->flags, r->file};
    }
    free(g->edge_filter);
    unsigned bits = 16;
    while (bits < 30 && ((size_t)1 << bits) < g->edge_count * 8)
        bits++;
    g->filter_mask = (uint32_t)(((uint64_t)1 << bits) - 1);
    g->edge_filter = calloc(((size_t)1 << bits) / 64, sizeof *g->edge_filter);
    if (!g->edge_filter)
        return NERC_ENOMEM;
    for (size_t i = 0; i < g->edge_cap; i++) {
        const edge *e = &g->edges[i];
        if (e->child)
            g->edge_filter[(e->hash & g->filter_mask) >> 6] |= (uint64_t)1 << (e->hash & 63);
    }
    token_buf_free(&g->scratch);
    free(g->canon_set);
    g->canon_set = NULL;
    g->canon_cap = 0;
    return 0;
}

const gaz_entry *gazetteer_entry(const gazetteer *g, uint32_t index)
{
    if (index >= g->entry_count || !g->views)
        return NULL;
    return &g->views[index];
}

/* Does the text span of tokens [a, b] equal the entry's case-sensitive form? */
static int case_matches(const gazetteer *g, const entry_rec *r, const char *text,
                        const token *toks, size_t a, size_t b)
{
    const char *want = g->pool.buf + r->cased;
    size_t wl = strlen(want), pos = 0;
    for (size_t i = a; i <= b; i++) {
        size_t tl = toks[i].end - toks[i].start;
        if (pos + tl > wl || memcmp(want + pos, text + toks[i].start, tl) != 0)
            return 0;
        pos += tl;
    }
    return pos == wl;
}

/* Letter case for entries without `cs`: the text must look like a name where the
 * alias does. The first capitalised word of the alias must be capitalised in the
 * text, and so must more than half of its capitalised words (so "Iranian Armed
 * forces" passes but "US armed forces" does not); a word after a joining hyphen
 * may be lower case (Kim Jong-un). An alias with no capitals needs some capital or
 * digit in the span. */
static int case_plausible(const entry_rec *r, const token *toks, size_t a, size_t b)
{
    if (r->upper_mask == 0) {
        for (size_t i = a; i <= b; i++)
            if (toks[i].flags & (TOK_UPPER | TOK_HAS_DIGIT))
                return 1;
        return 0;
    }
    unsigned want = 0, have = 0;
    int first = 1;
    for (size_t i = a; i <= b && i - a < 32; i++) {
        if (!(r->upper_mask & (1u << (i - a))))
            continue;
        int up = (toks[i].flags & TOK_UPPER) || (toks[i].flags & TOK_JOINED);
        if (first && !(toks[i].flags & TOK_UPPER))
            return 0;
        first = 0;
        want++;
        have += up != 0;
    }
    return have * 2 > want;
}

size_t gazetteer_match(const gazetteer *g, const char *text, const token *toks, size_t n,
                       const char *keys, gaz_match *out, size_t cap)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (toks[i].flags & (TOK_PUNCT | TOK_POSSESSIVE))
            continue;
        uint32_t nd = ROOT;
        size_t best_end = 0;
        uint32_t best_node = 0;
        for (size_t j = i; j < n; j++) {
            /* a sentence-internal line break never joins a name */
            if (j > i && (toks[j].flags & TOK_NEWLINE_BEFORE))
                break;
            nd = find_child(g, nd, keys + toks[j].key, toks[j].key_len);
            if (!nd)
                break;
            if (g->nodes[nd].first_entry == NO_ENTRY)
                continue;
            /* a candidate end: keep it if some entry accepts the letter case */
            int ok = 0;
            for (uint32_t e = g->nodes[nd].first_entry; e != NO_ENTRY && !ok; e = g->entries[e].next) {
                const entry_rec *r = &g->entries[e];
                ok = (r->flags & GAZ_CASE_SENSITIVE) ? case_matches(g, r, text, toks, i, j)
                                                     : case_plausible(r, toks, i, j);
            }
            if (ok) {
                best_end = j + 1;
                best_node = nd;
            }
        }
        if (!best_end)
            continue;
        for (uint32_t e = g->nodes[best_node].first_entry; e != NO_ENTRY; e = g->entries[e].next) {
            const entry_rec *r = &g->entries[e];
            int ok = (r->flags & GAZ_CASE_SENSITIVE)
                         ? case_matches(g, r, text, toks, i, best_end - 1)
                         : case_plausible(r, toks, i, best_end - 1);
            if (!ok)
                continue;
            if (count < cap)
                out[count] = (gaz_match){(uint32_t)i, (uint32_t)(best_end - 1), e};
            count++;
        }
    }
    return count;
}

const gaz_entry *gazetteer_lookup(const gazetteer *g, const token *toks, size_t first,
                                  size_t last, const char *keys, nerc_type type)
{
    uint32_t nd = ROOT;
    for (size_t j = first; j <= last; j++) {
        nd = find_child(g, nd, keys + toks[j].key, toks[j].key_len);
        if (!nd)
            return NULL;
    }
    for (uint32_t e = g->nodes[nd].first_entry; e != NO_ENTRY; e = g->entries[e].next)
        if (g->entries[e].type == type)
            return gazetteer_entry(g, e);
    return NULL;
}

/* ------------------------------------------------------------ images */

/* Layout of an image: this header, then the pool, edge table, nodes and entries,
 * each at an 8-byte aligned offset, in the byte order and struct layout of the
 * machine that wrote it (an image is a local cache, not an exchange format). */
#define IMAGE_MAGIC "NERCGAZ\n"
#define IMAGE_VERSION 1u
#define IMAGE_ENDIAN 0x01020304u

typedef struct image_header {
    char magic[8];
    uint32_t version, endian;
    uint32_t sizes;         /* sizeof edge, node, entry_rec, packed 3 x 8 bits */
    uint32_t file_count;
    uint64_t fingerprint;
    uint64_t total;         /* bytes in the image */
    uint64_t pool_len, edge_cap, edge_count, node_count, entry_count, entities;
    uint64_t off_pool, off_edges, off_nodes, off_entries;
} image_header;

static uint32_t struct_sizes(void)
{
    return (uint32_t)(sizeof(edge) | sizeof(node) << 8 | sizeof(entry_rec) << 16);
}

static uint64_t align8(uint64_t x)
{
    return (x + 7) & ~(uint64_t)7;
}

static void plan_image(const gazetteer *g, uint64_t fingerprint, image_header *h)
{
    memset(h, 0, sizeof *h);
    memcpy(h->magic, IMAGE_MAGIC, 8);
    h->version = IMAGE_VERSION;
    h->endian = IMAGE_ENDIAN;
    h->sizes = struct_sizes();
    h->file_count = g->file_count;
    h->fingerprint = fingerprint;
    h->pool_len = g->pool.len;
    h->edge_cap = g->edge_cap;
    h->edge_count = g->edge_count;
    h->node_count = g->node_count;
    h->entry_count = g->entry_count;
    h->entities = g->canon_count;
    h->off_pool = align8(sizeof *h);
    h->off_edges = align8(h->off_pool + h->pool_len);
    h->off_nodes = align8(h->off_edges + h->edge_cap * sizeof(edge));
    h->off_entries = align8(h->off_nodes + h->node_count * sizeof(node));
    h->total = align8(h->off_entries + h->entry_count * sizeof(entry_rec));
}

static int write_at(int fd, uint64_t *pos, uint64_t at, const void *p, size_t n)
{
    static const char zeros[8];
    while (*pos < at) { /* alignment padding */
        size_t pad = (size_t)(at - *pos);
        if (pad > sizeof zeros)
            return NERC_EARG;
        if (write(fd, zeros, pad) != (ssize_t)pad)
            return NERC_EIO;
        *pos = at;
    }
    if (cache_write_all(fd, p, n) < 0)
        return NERC_EIO;
    *pos += n;
    return 0;
}

int gazetteer_save_image(const gazetteer *g, int fd, uint64_t fingerprint)
{
    if (!g || fd < 0 || !g->views)
        return NERC_EARG;
    image_header h;
    plan_image(g, fingerprint, &h);
    uint64_t pos = 0;
    int rc = write_at(fd, &pos, 0, &h, sizeof h);
    if (!rc)
        rc = write_at(fd, &pos, h.off_pool, g->pool.buf, g->pool.len);
    if (!rc)
        rc = write_at(fd, &pos, h.off_edges, g->edges, g->edge_cap * sizeof(edge));
    if (!rc)
        rc = write_at(fd, &pos, h.off_nodes, g->nodes, g->node_count * sizeof(node));
    if (!rc)
        rc = write_at(fd, &pos, h.off_entries, g->entries, g->entry_count * sizeof(entry_rec));
    if (!rc)
        rc = write_at(fd, &pos, h.total, "", 0);
    return rc;
}

/* Does [off, off + count * size) lie inside an image of len bytes? */
static int section_ok(uint64_t off, uint64_t count, size_t size, uint64_t len)
{
    return off % 8 == 0 && off <= len && count <= (len - off) / size;
}

/* Check everything matching relies on, so that a damaged image is refused instead of
 * read out of bounds or walked forever. */
static int image_valid(const unsigned char *base, size_t len, uint64_t fingerprint)
{
    image_header h;
    if (len < sizeof h || (uintptr_t)base % 8)
        return 0;
    memcpy(&h, base, sizeof h);
    if (memcmp(h.magic, IMAGE_MAGIC, 8) != 0 || h.version != IMAGE_VERSION ||
        h.endian != IMAGE_ENDIAN || h.sizes != struct_sizes() || h.fingerprint != fingerprint ||
        h.total != len)
        return 0;
    if (h.pool_len < 1 || h.pool_len > UINT32_MAX || !section_ok(h.off_pool, h.pool_len, 1, len) ||
        h.edge_cap == 0 || (h.edge_cap & (h.edge_cap - 1)) || h.edge_count >= h.edge_cap ||
        !section_ok(h.off_edges, h.edge_cap, sizeof(edge), len) || h.node_count < 1 ||
        h.node_count > UINT32_MAX || !section_ok(h.off_nodes, h.node_count, sizeof(node), len) ||
        h.entry_count >= UINT32_MAX ||
        !section_ok(h.off_entries, h.entry_count, sizeof(entry_rec), len) ||
        h.entities > h.entry_count)
        return 0;
    const char *pool = (const char *)base + h.off_pool;
    if (pool[h.pool_len - 1] != '\0')
        return 0;
    const edge *edges = (const edge *)(base + h.off_edges);
    uint64_t used = 0;
    for (uint64_t i = 0; i < h.edge_cap; i++) {
        const edge *e = &edges[i];
        if (!e->child)
            continue;
        used++;
        if (e->child >= h.node_count || e->parent >= h.node_count || e->key >= h.pool_len ||
            e->key_len >= h.pool_len - e->key)
            return 0;
    }
    if (used != h.edge_count) /* so at least one slot is empty and probes end */
        return 0;
    const node *nodes = (const node *)(base + h.off_nodes);
    for (uint64_t i = 0; i < h.node_count; i++)
        if (nodes[i].first_entry != NO_ENTRY && nodes[i].first_entry >= h.entry_count)
            return 0;
    const entry_rec *entries = (const entry_rec *)(base + h.off_entries);
    for (uint64_t i = 0; i < h.entry_count; i++) {
        const entry_rec *r = &entries[i];
        /* a node's entries are chained in index order, so a chain cannot loop */
        if (r->canonical >= h.pool_len || r->id >= h.pool_len || r->cased >= h.pool_len ||
            r->type >= NERC_TYPE_COUNT || r->type == NERC_DATE ||
            (r->next != NO_ENTRY && (r->next <= i || r->next >= h.entry_count)))
            return 0;
    }
    return 1;
}

int gazetteer_attach_image(gazetteer *g, const void *base, size_t len, uint64_t fingerprint)
{
    if (!g || !base || g->entry_count || g->image)
        return NERC_EARG;
    if (!image_valid(base, len, fingerprint))
        return NERC_EFORMAT;
    image_header h;
    memcpy(&h, base, sizeof h);
    const unsigned char *b = base;
    /* the empty gazetteer's own arrays give way to the image's */
    free(g->pool.buf);
    free(g->edges);
    free(g->nodes);
    free(g->entries);
    g->image = base;
    g->image_len = len;
    g->image_mapped = 0;
    g->pool = (strpool){(char *)(b + h.off_pool), (size_t)h.pool_len, (size_t)h.pool_len};
    g->edges = (edge *)(b + h.off_edges);
    g->edge_cap = (size_t)h.edge_cap;
    g->edge_count = (size_t)h.edge_count;
    g->nodes = (node *)(b + h.off_nodes);
    g->node_count = g->node_cap = (size_t)h.node_count;
    g->entries = (entry_rec *)(b + h.off_entries);
    g->entry_count = g->entry_cap = (size_t)h.entry_count;
    g->file_count = h.file_count;
    free(g->canon_set);
    g->canon_set = NULL;
    g->canon_cap = 0;
    g->canon_count = (size_t)h.entities;
    return gazetteer_freeze(g);
}

int gazetteer_map_image(gazetteer *g, const char *path, uint64_t fingerprint)
{
    if (!g || !path)
        return NERC_EARG;
    const void *base;
    size_t len;
    int rc = cache_map(path, &base, &len);
    if (rc < 0)
        return rc;
    rc = gazetteer_attach_image(g, base, len, fingerprint);
    if (rc < 0) {
        cache_unmap(base, len);
        return rc;
    }
    g->image_mapped = 1;
    return 0;
}
