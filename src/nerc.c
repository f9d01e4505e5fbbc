/* nerc.c - the context (data loaded once) and the per-document pipeline. */
#include "nerc.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cache.h"
#include "claims.h"
#include "dates.h"
#include "doctable.h"
#include "gazetteer.h"
#include "mentions.h"
#include "resolve.h"
#include "rules.h"
#include "tagger.h"
#include "tokenizer.h"
#include "util.h"

#ifndef NERC_INSTALL_DATADIR
#define NERC_INSTALL_DATADIR "/usr/local/share/nerc"
#endif
#ifndef NERC_BUILD_DATADIR
#define NERC_BUILD_DATADIR NERC_INSTALL_DATADIR
#endif

/* A set of words (keys), for membership tests: a hash table over a pool. */
typedef struct word_set {
    char *pool;
    char **slots; /* open addressing on util_hash; NULL marks a free slot */
    size_t n, cap;
} word_set;

struct nerc {
    word_set common; /* models/common_words.txt: words news writes in lower case */
    gazetteer *gaz;
    rule_set *rules;
    dates *dates;
    tagger *model;
    claims *claims;
    int no_claims;
    int gazetteer_cache, rules_cache, model_cache; /* NERC_CACHE_* */
};

/* ------------------------------------------------------------- names */

static const char *const TYPE_NAMES[NERC_TYPE_COUNT] = {
    "PERSON", "ORG", "LOCATION", "WEAPON", "AGREEMENT", "DATE", "DEMONYM", "NONE"};

const char *nerc_type_name(nerc_type t)
{
    return (unsigned)t < NERC_TYPE_COUNT ? TYPE_NAMES[t] : "UNKNOWN";
}

int nerc_type_from_name(const char *name)
{
    for (int i = 0; i < NERC_TYPE_COUNT; i++)
        if (strcasecmp(name, TYPE_NAMES[i]) == 0)
            return i;
    return -1;
}

const char *nerc_source_name(nerc_source s)
{
    switch (s) {
    case NERC_SRC_GAZETTEER: return "gazetteer";
    case NERC_SRC_RULE: return "rule";
    case NERC_SRC_DATE: return "date";
    case NERC_SRC_MODEL: return "model";
    case NERC_SRC_ALIAS: return "alias";
    }
    return "unknown";
}

const char *nerc_strerror(int code)
{
    switch (code) {
    case NERC_OK: return "success";
    case NERC_ENOMEM: return "out of memory";
    case NERC_EIO: return "cannot read a data file";
    case NERC_EFORMAT: return "malformed data file";
    case NERC_EPATTERN: return "rule pattern does not compile";
    case NERC_EARG: return "invalid argument";
    case NERC_ESTATE: return "call out of order";
    case NERC_ELIMIT: return "resource limit reached";
    case NERC_ECALLBACK: return "stopped by the handler";
    }
    return "unknown error";
}

const char *nerc_version(void)
{
    return NERC_VERSION_STRING;
}

nerc_options nerc_default_options(void)
{
    nerc_options o;
    memset(&o, 0, sizeof o);
    return o;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *nerc_default_data_dir(void)
{
    const char *env = getenv("NERC_DATA");
    if (env && *env)
        return env;
    if (is_dir(NERC_INSTALL_DATADIR "/gazetteers"))
        return NERC_INSTALL_DATADIR;
    return NERC_BUILD_DATADIR;
}

/* ----------------------------------------------------------- context */

/* Load one word per line (# comments); a missing file is an empty set. */
static int word_set_load(word_set *w, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    int rc = 0;
    if (fseek(f, 0, SEEK_END) != 0) {
        fclose(f);
        return NERC_EIO;
    }
    long size = ftell(f);
    rewind(f);
    w->pool = malloc((size_t)(size > 0 ? size : 0) + 1);
    if (!w->pool || size < 0) {
        fclose(f);
        return NERC_ENOMEM;
    }
    size_t got = fread(w->pool, 1, (size_t)size, f);
    w->pool[got] = '\0';
    if (ferror(f)) {
        snprintf(err, errlen, "%s: read error", path);
        rc = NERC_EIO;
    }
    fclose(f);
    size_t lines = 1;
    for (size_t i = 0; i < got; i++)
        lines += w->pool[i] == '\n';
    w->cap = 64;
    while (w->cap < lines * 2)
        w->cap *= 2;
    w->slots = calloc(w->cap, sizeof *w->slots);
    if (!w->slots)
        return NERC_ENOMEM;
    for (char *line = w->pool, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (!n || line[0] == '#')
            continue;
        size_t j = util_hash(0, line, n) & (w->cap - 1);
        while (w->slots[j] && strcmp(w->slots[j], line) != 0)
            j = (j + 1) & (w->cap - 1);
        if (!w->slots[j]) {
            w->slots[j] = line;
            w->n++;
        }
    }
    return rc;
}

static int word_set_has(const word_set *w, const char *key, size_t len)
{
    if (w->n == 0)
        return 0;
    for (size_t j = util_hash(0, key, len) & (w->cap - 1); w->slots[j]; j = (j + 1) & (w->cap - 1))
        if (strncmp(w->slots[j], key, len) == 0 && w->slots[j][len] == '\0')
            return 1;
    return 0;
}

void nerc_free(nerc *ctx)
{
    if (!ctx)
        return;
    free(ctx->common.pool);
    free(ctx->common.slots);
    gazetteer_free(ctx->gaz);
    rules_free(ctx->rules);
    dates_free(ctx->dates);
    tagger_free(ctx->model);
    claims_free(ctx->claims);
    free(ctx);
}

#define PATH_BUF 4096

/* Tokens decoded by the model on each side of the words it is asked about. */
#define MODEL_MARGIN 3

/* dir + "/" + name into out[PATH_BUF]; 0 when it does not fit. */
static int join_path(char *out, const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    if (a + 1 + b + 1 > PATH_BUF)
        return 0;
    memcpy(out, dir, a);
    out[a] = '/';
    memcpy(out + a + 1, name, b + 1);
    return 1;
}

/* Files matching dir/pattern in name order. globfree() the result. */
static int list_files(const char *dir, const char *pattern, glob_t *g)
{
    char path[PATH_BUF];
    if (!join_path(path, dir, pattern))
        return NERC_EARG;
    memset(g, 0, sizeof *g);
    int rc = glob(path, 0, NULL, g);
    if (rc == GLOB_NOMATCH)
        return 0;
    return rc == 0 ? 0 : NERC_ENOMEM;
}

/* The default files (in name order) then the extra ones, as one list; NULL when out
 * of memory. free() it. */
static const char **file_list(const char *const *defaults, size_t n_defaults,
                              const char *const *extra, size_t n_extra)
{
    size_t n = n_defaults + n_extra;
    const char **paths = malloc((n ? n : 1) * sizeof *paths);
    if (!paths)
        return NULL;
    for (size_t i = 0; i < n_defaults; i++)
        paths[i] = defaults[i];
    for (size_t i = 0; i < n_extra; i++)
        paths[n_defaults + i] = extra[i];
    return paths;
}

/* Write an image of `kind` to the cache: NERC_CACHE_WRITTEN, or NERC_CACHE_UNWRITABLE
 * (the run goes on from the text all the same). */
static int save_image(const nerc *ctx, const char *dir, const char *kind, uint64_t fingerprint,
                      int (*save)(const nerc *ctx, int fd, uint64_t fingerprint))
{
    char tmp[PATH_BUF], final[PATH_BUF];
    if (cache_image_path(final, sizeof final, dir, kind, fingerprint) < 0)
        return NERC_CACHE_UNWRITABLE;
    int fd = cache_create_temp(dir, tmp, sizeof tmp);
    if (fd < 0)
        return NERC_CACHE_UNWRITABLE;
    int rc = save(ctx, fd, fingerprint);
    return cache_commit(fd, tmp, final, rc == 0) == 0 ? NERC_CACHE_WRITTEN
                                                      : NERC_CACHE_UNWRITABLE;
}

static int save_gazetteer(const nerc *ctx, int fd, uint64_t fingerprint)
{
    return gazetteer_save_image(ctx->gaz, fd, fingerprint);
}

static int save_rules(const nerc *ctx, int fd, uint64_t fingerprint)
{
    return rules_save_image(ctx->rules, fd, fingerprint);
}

static int save_model(const nerc *ctx, int fd, uint64_t fingerprint)
{
    return tagger_save_image(ctx->model, fd, fingerprint);
}

/* The tagger model: mapped from the cache's image, else parsed (and an image
 * written). */
static int load_model(nerc *ctx, const nerc_options *opts, const char *path, char *err,
                      size_t errlen)
{
    uint64_t fingerprint = 0;
    int cached = opts->cache_dir && *opts->cache_dir &&
                 cache_fingerprint("model", &path, 1, &fingerprint) == 0;
    ctx->model_cache = NERC_CACHE_OFF;
    if (cached) {
        char image[PATH_BUF];
        if (cache_image_path(image, sizeof image, opts->cache_dir, "model", fingerprint) == 0 &&
            tagger_map_image(image, fingerprint, &ctx->model) == 0) {
            ctx->model_cache = NERC_CACHE_HIT;
            return 0;
        }
    }
    int rc = tagger_load(path, &ctx->model, err, errlen);
    if (rc == 0 && cached)
        ctx->model_cache = save_image(ctx, opts->cache_dir, "model", fingerprint, save_model);
    return rc;
}

/* Gazetteer files: mapped from the cache's image of exactly these files when there
 * is one, else read as text (and an image written for next time). */
static int load_gazetteers(nerc *ctx, const nerc_options *opts, const char *const *defaults,
                           size_t n_defaults, char *err, size_t errlen)
{
    size_t n = n_defaults + opts->n_gazetteers;
    const char **paths = file_list(defaults, n_defaults, opts->gazetteers, opts->n_gazetteers);
    if (!paths)
        return NERC_ENOMEM;
    uint64_t fingerprint = 0;
    int write_image = 0;
    ctx->gazetteer_cache = NERC_CACHE_OFF;
    if (opts->cache_dir && *opts->cache_dir && n > 0 &&
        cache_fingerprint("gazetteers", paths, n, &fingerprint) == 0) {
        char image[PATH_BUF];
        if (cache_image_path(image, sizeof image, opts->cache_dir, "gazetteers", fingerprint) == 0 &&
            gazetteer_map_image(ctx->gaz, image, fingerprint) == 0) {
            free(paths);
            ctx->gazetteer_cache = NERC_CACHE_HIT;
            return 0;
        }
        write_image = 1;
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = gazetteer_load_file(ctx->gaz, paths[i], err, errlen);
    free(paths);
    if (rc == 0)
        rc = gazetteer_freeze(ctx->gaz);
    if (rc == 0 && write_image)
        ctx->gazetteer_cache =
            save_image(ctx, opts->cache_dir, "gazetteers", fingerprint, save_gazetteer);
    return rc;
}

/* Rule files: always parsed as text (their names, types and cue words), but the
 * patterns come compiled from the cache's image when it has them. */
static int load_rules(nerc *ctx, const nerc_options *opts, const char *const *defaults,
                      size_t n_defaults, char *err, size_t errlen)
{
    size_t n = n_defaults + opts->n_rules;
    const char **paths = file_list(defaults, n_defaults, opts->rules, opts->n_rules);
    if (!paths)
        return NERC_ENOMEM;
    uint64_t fingerprint = 0;
    int cached = 0;
    ctx->rules_cache = NERC_CACHE_OFF;
    if (opts->cache_dir && *opts->cache_dir && n > 0 &&
        cache_fingerprint("rules", paths, n, &fingerprint) == 0) {
        char image[PATH_BUF];
        const void *base;
        size_t len;
        cached = 1;
        if (cache_image_path(image, sizeof image, opts->cache_dir, "rules", fingerprint) == 0 &&
            cache_map(image, &base, &len) == 0) {
            rules_use_image(ctx->rules, base, len, fingerprint); /* else: compile */
            cache_unmap(base, len);
        }
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = rules_load_file(ctx->rules, paths[i], err, errlen);
    free(paths);
    int from_image = rules_image_used(ctx->rules);
    rules_release_image(ctx->rules);
    if (rc == 0 && cached && rules_count(ctx->rules) > 0)
        ctx->rules_cache = from_image ? NERC_CACHE_HIT
                                      : save_image(ctx, opts->cache_dir, "rules", fingerprint, save_rules);
    return rc;
}

int nerc_new(const nerc_options *opts, nerc **out, char *err, size_t errlen)
{
    nerc_options defaults = nerc_default_options();
    if (!opts)
        opts = &defaults;
    *out = NULL;
    if (err && errlen)
        err[0] = '\0';
    nerc *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NERC_ENOMEM;
    const char *data = opts->data_dir ? opts->data_dir : nerc_default_data_dir();
    int rc = 0;
    ctx->no_claims = opts->no_claims;
    ctx->gaz = gazetteer_new();
    ctx->rules = rules_new();
    if (!ctx->gaz || !ctx->rules) {
        rc = NERC_ENOMEM;
        goto fail;
    }
    rules_set_jit(ctx->rules, !opts->no_jit);
    glob_t g;
    memset(&g, 0, sizeof g);
    if (!opts->no_default_gazetteers) {
        char dir[PATH_BUF];
        if (!join_path(dir, data, "gazetteers")) {
            rc = NERC_EARG;
            goto fail;
        }
        if (!is_dir(dir)) {
            if (err && errlen)
                snprintf(err, errlen, "%s: no such data directory (set --data DIR or NERC_DATA)", dir);
            rc = NERC_EIO;
            goto fail;
        }
        if ((rc = list_files(dir, "*.tsv", &g)) < 0)
            goto fail;
    }
    rc = load_gazetteers(ctx, opts, (const char *const *)g.gl_pathv, g.gl_pathc, err, errlen);
    if (!opts->no_default_gazetteers)
        globfree(&g);
    if (rc < 0)
        goto fail;
    memset(&g, 0, sizeof g);
    if (!opts->no_default_rules) {
        char dir[PATH_BUF];
        if (!join_path(dir, data, "models")) {
            rc = NERC_EARG;
            goto fail;
        }
        if ((rc = list_files(dir, "*.rules", &g)) < 0)
            goto fail;
    }
    rc = load_rules(ctx, opts, (const char *const *)g.gl_pathv, g.gl_pathc, err, errlen);
    if (!opts->no_default_rules)
        globfree(&g);
    if (rc < 0)
        goto fail;
    if ((rc = dates_new(&ctx->dates, opts->no_jit ? DATES_NO_JIT : 0, err, errlen)) < 0)
        goto fail;
    if (!opts->no_model) {
        char path[PATH_BUF];
        if (!join_path(path, data, "models/ner.model")) {
            rc = NERC_EARG;
            goto fail;
        }
        struct stat st;
        if (stat(path, &st) == 0 && (rc = load_model(ctx, opts, path, err, errlen)) < 0)
            goto fail;
        if (!join_path(path, data, "models/common_words.txt")) {
            rc = NERC_EARG;
            goto fail;
        }
        if ((rc = word_set_load(&ctx->common, path, err, errlen)) < 0)
            goto fail;
    }
    if (!opts->no_claims) {
        if ((rc = claims_new(data, &ctx->claims, err, errlen)) < 0)
            goto fail;
        claims_set_keep_unresolved(ctx->claims, opts->keep_unresolved);
        claims_set_keep_hedged(ctx->claims, opts->keep_hedged);
    }
    *out = ctx;
    return 0;
fail:
    if (err && errlen && !err[0])
        snprintf(err, errlen, "%s", nerc_strerror(rc));
    nerc_free(ctx);
    return rc;
}

void nerc_get_info(const nerc *ctx, nerc_info *info)
{
    info->gazetteer_aliases = gazetteer_alias_count(ctx->gaz);
    info->gazetteer_entities = gazetteer_entity_count(ctx->gaz);
    info->rules = rules_count(ctx->rules);
    info->model_loaded = ctx->model != NULL;
    info->gazetteer_cache = ctx->gazetteer_cache;
    info->rules_cache = ctx->rules_cache;
    info->model_cache = ctx->model_cache;
}

/* ---------------------------------------------------------- document */

/* A candidate whose value lives in the sentence's string pool names it by offset, as
 * the pool may move while candidates are collected. */
typedef struct pending {
    candidate c;
    int64_t value_off; /* >= 0: value is arena.buf + value_off (fixed after collection) */
} pending;

struct nerc_doc {
    const nerc *ctx;
    nerc_handler h;
    splitter *split;
    dates_state dstate;
    rule_scratch *rscratch;
    tagger_scratch *tscratch;
    claims_state *cstate;
    doctable *aliases;
    doctable *teams; /* place names read as sports teams */
    pending *cands;
    size_t n_cands, cap_cands;
    candidate *res; /* the candidates with value pointers fixed, then resolved */
    size_t res_cap;
    gaz_match *gm;
    size_t gm_cap;
    date_span *ds;
    size_t ds_cap;
    tagger_span *ts;
    size_t ts_cap;
    tagger_window *tw; /* the model's windows in the sentence */
    size_t tw_cap;
    unsigned char *gaz_types;
    size_t gaz_types_cap;
    claim_mention *cm;
    size_t cm_cap;
    strpool values; /* this sentence's rule, date and model values */
    nerc_doc_stats stats;
    int finished;
    int failed;
    unsigned warned; /* bit per warning kind, one message each per document */
};

enum { WARN_UTF8 = 1, WARN_CUT = 2, WARN_RULE_LIMIT = 4 };

static void warn_once(nerc_doc *d, unsigned kind, const char *msg)
{
    if (d->warned & kind)
        return;
    d->warned |= kind;
    if (d->h.on_warning)
        d->h.on_warning(d->h.user, msg);
}

nerc_doc *nerc_doc_new(const nerc *ctx, const nerc_handler *handler, const nerc_doc_options *opts)
{
    date_ymd dd = {0, 0, 0};
    const date_ymd *ddp = NULL;
    if (opts && opts->doc_date) {
        if (date_parse_iso(opts->doc_date, &dd) < 0)
            return NULL;
        ddp = &dd;
    }
    nerc_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->ctx = ctx;
    if (handler)
        d->h = *handler;
    d->split = splitter_new();
    d->rscratch = rule_scratch_new(ctx->rules);
    d->aliases = doctable_new();
    d->teams = doctable_new();
    d->cstate = claims_state_new();
    if (ctx->model)
        d->tscratch = tagger_scratch_new();
    if (!d->split || !d->rscratch || !d->aliases || !d->teams || !d->cstate || (ctx->model && !d->tscratch) ||
        dates_state_init(&d->dstate, ctx->dates, ddp) < 0) {
        nerc_doc_free(d);
        return NULL;
    }
    return d;
}

int nerc_doc_reset(nerc_doc *d, const nerc_handler *handler, const nerc_doc_options *opts)
{
    if (!d)
        return NERC_EARG;
    date_ymd dd = {0, 0, 0};
    if (opts && opts->doc_date && date_parse_iso(opts->doc_date, &dd) < 0)
        return NERC_EARG;
    memset(&d->h, 0, sizeof d->h);
    if (handler)
        d->h = *handler;
    splitter_reset(d->split);
    dates_state_reset(&d->dstate, opts && opts->doc_date ? &dd : NULL);
    tagger_scratch_reset(d->tscratch);
    claims_state_reset(d->cstate);
    doctable_clear(d->aliases);
    doctable_clear(d->teams);
    d->n_cands = 0;
    d->values.len = 0;
    memset(&d->stats, 0, sizeof d->stats);
    d->finished = d->failed = 0;
    d->warned = 0;
    return 0;
}

void nerc_doc_free(nerc_doc *d)
{
    if (!d)
        return;
    splitter_free(d->split);
    rule_scratch_free(d->rscratch);
    tagger_scratch_free(d->tscratch);
    claims_state_free(d->cstate);
    doctable_free(d->aliases);
    doctable_free(d->teams);
    dates_state_free(&d->dstate);
    free(d->cands);
    free(d->res);
    free(d->gm);
    free(d->ds);
    free(d->ts);
    free(d->tw);
    free(d->gaz_types);
    free(d->cm);
    free(d->values.buf);
    free(d);
}

static int add_cand(nerc_doc *d, uint32_t start, uint32_t end, nerc_type type, int priority,
                    nerc_source src, const char *value, int64_t value_off, const char *rule,
                    float conf)
{
    if (util_grow((void **)&d->cands, &d->cap_cands, d->n_cands + 1, sizeof *d->cands) < 0)
        return NERC_ENOMEM;
    pending *p = &d->cands[d->n_cands++];
    p->c = (candidate){start, end, type, priority, src, value, rule, conf};
    p->value_off = value_off;
    return 0;
}

/* Are all word tokens of [a, b] words that news writes in lower case? */
static int only_common_words(const word_set *w, const sentence *s, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i <= b; i++) {
        const token *t = &s->tokens[i];
        if ((t->flags & TOK_WORD) && !word_set_has(w, s->keys + t->key, t->key_len))
            return 0;
    }
    return 1;
}

/* The capitalised words that no candidate so far covers (leaving out a
 * sentence-initial common word such as "The" or "Post"): only there can the model add
 * a mention, as it never overrides the other sources. Sets [*lo, *hi] to the first
 * and last such token; returns 0 when there is none. */
/* Windows of tokens the model should decode: MODEL_MARGIN tokens either side of each
 * capitalised word no other source covers (names reach a few words either side),
 * merged where they touch. Writes at most n_tokens windows; returns how many. */
static size_t model_windows(nerc_doc *d, const sentence *s, tagger_window *win)
{
    int first_word = 1;
    size_t nw = 0;
    for (size_t i = 0; i < s->n_tokens; i++) {
        const token *t = &s->tokens[i];
        if (!(t->flags & TOK_WORD))
            continue;
        int initial = first_word;
        first_word = 0;
        if (!(t->flags & TOK_UPPER))
            continue;
        if (initial && word_set_has(&d->ctx->common, s->keys + t->key, t->key_len))
            continue;
        int covered = 0;
        for (size_t k = 0; k < d->n_cands && !covered; k++)
            covered = d->cands[k].c.start <= t->start && t->end <= d->cands[k].c.end;
        if (covered)
            continue;
        uint32_t lo = i > MODEL_MARGIN ? (uint32_t)(i - MODEL_MARGIN) : 0;
        uint32_t hi = i + MODEL_MARGIN < s->n_tokens ? (uint32_t)(i + MODEL_MARGIN)
                                                     : (uint32_t)(s->n_tokens - 1);
        if (nw && lo <= win[nw - 1].last + 1)
            win[nw - 1].last = hi;
        else
            win[nw++] = (tagger_window){lo, hi};
    }
    return nw;
}

typedef struct rule_ctx {
    nerc_doc *d;
    const sentence *s;
    int rc;
} rule_ctx;

static int on_rule(void *user, const rule_info *ri, size_t start, size_t end,
                   const char *canonical, size_t canonical_len)
{
    rule_ctx *rc = user;
    nerc_doc *d = rc->d;
    const sentence *s = rc->s;
    /* A span that is a known alias of the same type takes the gazetteer's canonical. */
    uint32_t a, b;
    const gaz_entry *e = NULL;
    if (ri->type == NERC_PERSON && token_range(s, (uint32_t)start, (uint32_t)end, &a, &b) &&
        s->tokens[a].start == start) {
        uint32_t a0 = a;
        trim_leading_titles(s, &a, b);
        if (a != a0) { /* the canonical template named the whole span: use the rest */
            start = s->tokens[a].start;
            canonical = s->text + start;
            canonical_len = end - start;
        }
    }
    if (token_range(s, (uint32_t)start, (uint32_t)end, &a, &b) &&
        s->tokens[a].start == start && s->tokens[b].end == end)
        e = gazetteer_lookup(d->ctx->gaz, s->tokens, a, b, s->keys, ri->type);
    if (e)
        rc->rc = add_cand(d, (uint32_t)start, (uint32_t)end, ri->type, ri->priority,
                          NERC_SRC_RULE, e->canonical, -1, ri->name, 0.9f);
    else {
        int64_t off = strpool_add(&d->values, canonical, canonical_len);
        rc->rc = off < 0 ? (int)off
                         : add_cand(d, (uint32_t)start, (uint32_t)end, ri->type, ri->priority,
                                    NERC_SRC_RULE, NULL, off, ri->name, 0.75f);
    }
    return rc->rc < 0;
}

static int emit_triple(void *user, const nerc_triple *t)
{
    nerc_doc *d = user;
    d->stats.triples++;
    return d->h.on_triple ? d->h.on_triple(d->h.user, t) : 0;
}

static int process_sentence(nerc_doc *d, const sentence *s)
{
    const nerc *ctx = d->ctx;
    size_t len = s->end - s->start;
    d->n_cands = 0;
    d->values.len = 0;
    doctable_release(d->aliases); /* the last sentence's mentions are gone */
    d->stats.sentences++;
    d->stats.tokens += s->n_tokens;

    /* 1. gazetteer */
    size_t ng = gazetteer_match(ctx->gaz, s->text, s->tokens, s->n_tokens, s->keys, d->gm, d->gm_cap);
    if (ng > d->gm_cap) {
        if (util_grow((void **)&d->gm, &d->gm_cap, ng, sizeof *d->gm) < 0)
            return NERC_ENOMEM;
        ng = gazetteer_match(ctx->gaz, s->text, s->tokens, s->n_tokens, s->keys, d->gm, d->gm_cap);
    }
    if (util_grow((void **)&d->gaz_types, &d->gaz_types_cap, s->n_tokens + 1, 1) < 0)
        return NERC_ENOMEM;
    memset(d->gaz_types, 0, s->n_tokens + 1);
    for (size_t i = 0; i < ng; i++) {
        const gaz_match *m = &d->gm[i];
        const gaz_entry *e = gazetteer_entry(ctx->gaz, m->entry);
        if (add_cand(d, s->tokens[m->first].start, s->tokens[m->last].end, e->type,
                     PRIORITY_GAZETTEER, NERC_SRC_GAZETTEER, e->canonical, -1, NULL, 0.95f) < 0)
            return NERC_ENOMEM;
        for (uint32_t t = m->first; t <= m->last; t++)
            if (!d->gaz_types[t])
                d->gaz_types[t] = (unsigned char)(e->type + 1);
    }
    /* 2. aliases learnt earlier in this document */
    for (size_t i = 0; i < s->n_tokens; i++) {
        const token *t = &s->tokens[i];
        if (!(t->flags & TOK_UPPER))
            continue;
        nerc_type ty;
        const char *canon = doctable_get(d->aliases, s->keys + t->key, t->key_len, &ty);
        if (canon && add_cand(d, t->start, t->end, ty, PRIORITY_ALIAS, NERC_SRC_ALIAS, canon, -1,
                              NULL, 0.85f) < 0)
            return NERC_ENOMEM;
    }
    /* 3. rules */
    rule_ctx rcx = {d, s, 0};
    rules_select(ctx->rules, d->rscratch, s->keys, s->tokens, s->n_tokens);
    int rr = rules_run(ctx->rules, d->rscratch, s->text, len, on_rule, &rcx);
    if (rcx.rc < 0)
        return rcx.rc;
    if (rr == NERC_ELIMIT)
        warn_once(d, WARN_RULE_LIMIT, "a rule hit its PCRE2 match limit; that rule was skipped for the sentence");
    else if (rr < 0)
        return rr;
    /* 4. dates: a date covers at least one token, so n_tokens + 1 spans always fit
     * (the scan updates the document's date state, so it must run only once). */
    if (util_grow((void **)&d->ds, &d->ds_cap, s->n_tokens + 1, sizeof *d->ds) < 0)
        return NERC_ENOMEM;
    int nd = dates_scan(ctx->dates, &d->dstate, s->text, len, d->ds, d->ds_cap);
    if (nd < 0)
        return nd;
    for (int i = 0; i < nd && (size_t)i < d->ds_cap; i++) {
        int64_t off = strpool_add(&d->values, d->ds[i].value, strlen(d->ds[i].value));
        if (off < 0 || add_cand(d, (uint32_t)d->ds[i].start, (uint32_t)d->ds[i].end, NERC_DATE,
                                PRIORITY_DATE, NERC_SRC_DATE, NULL, off, NULL, 0.9f) < 0)
            return NERC_ENOMEM;
    }
    /* 5. the statistical model fills the gaps, so it runs only on sentences with a
     * capitalised word no other source covers */
    if (ctx->model && s->n_tokens > 0) {
        if (util_grow((void **)&d->ts, &d->ts_cap, s->n_tokens, sizeof *d->ts) < 0 ||
            util_grow((void **)&d->tw, &d->tw_cap, s->n_tokens, sizeof *d->tw) < 0)
            return NERC_ENOMEM;
        size_t nw = model_windows(d, s, d->tw);
        int nt = nw ? tagger_tag_windows(ctx->model, d->tscratch, s->text, s->tokens,
                                         s->n_tokens, s->keys, d->gaz_types, d->tw, nw, d->ts,
                                         d->ts_cap)
                    : 0;
        if (nt < 0)
            return nt;
        for (int i = 0; i < nt; i++) {
            tagger_span trimmed = d->ts[i];
            const tagger_span *sp = &trimmed;
            if (sp->type == NERC_PERSON)
                trim_leading_titles(s, &trimmed.first_token, trimmed.last_token);
            if (trimmed.first_token == trimmed.last_token && is_title_token(s, trimmed.first_token))
                continue; /* "Supreme", "General": a title, not a name */
            if (sp->first_token == sp->last_token &&
                only_common_words(&ctx->common, s, sp->first_token, sp->last_token))
                continue; /* "Post", "Strategic": a capitalised common word, not a name
                           * (multi-word ones such as "Supreme Court" often are names) */
            uint32_t a = s->tokens[sp->first_token].start, b = s->tokens[sp->last_token].end;
            int64_t off = strpool_add(&d->values, s->text + a, b - a);
            if (off < 0 || add_cand(d, a, b, (nerc_type)sp->type, PRIORITY_MODEL, NERC_SRC_MODEL,
                                    NULL, off, NULL, sp->confidence) < 0)
                return NERC_ENOMEM;
        }
    }
    /* The arena is complete: fix value pointers, then resolve. */
    if (util_grow((void **)&d->res, &d->res_cap, d->n_cands + 1, sizeof *d->res) < 0)
        return NERC_ENOMEM;
    candidate *c = d->res;
    for (size_t i = 0; i < d->n_cands; i++) {
        candidate cc = d->cands[i].c;
        if (d->cands[i].value_off >= 0)
            cc.value = d->values.buf + d->cands[i].value_off;
        c[i] = cc;
    }
    model_extends(s, c, d->n_cands);
    size_t n = resolve(c, d->n_cands);
    n = add_bracket_acronyms(s, c, n, d->res_cap);
    if (util_grow((void **)&d->res, &d->res_cap, n + s->n_tokens + 1, sizeof *d->res) < 0)
        return NERC_ENOMEM;
    c = d->res;
    int terr;
    n = team_mentions(d->teams, s, c, n, d->res_cap, &terr);
    if (terr < 0)
        return terr;
    if (learn_aliases(d->aliases, s, c, n) < 0)
        return NERC_ENOMEM;
    /* Emit mentions (demonyms stay internal) and collect them for the claims stage. */
    if (util_grow((void **)&d->cm, &d->cm_cap, n + 1, sizeof *d->cm) < 0)
        return NERC_ENOMEM;
    size_t ncm = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].type == NERC_DEMONYM || c[i].type == NERC_NONE)
            continue; /* spans claimed so that nothing else is read there */
        nerc_mention m = {s->start + c[i].start, s->start + c[i].end, s->index, c[i].type,
                          s->text + c[i].start, c[i].end - c[i].start,
                          c[i].value ? c[i].value : "", c[i].source, c[i].rule, c[i].confidence};
        d->stats.mentions++;
        if (d->h.on_mention && d->h.on_mention(d->h.user, &m))
            return NERC_ECALLBACK;
        uint32_t a = 0, b = 0;
        token_range(s, c[i].start, c[i].end, &a, &b);
        d->cm[ncm++] = (claim_mention){c[i].start, c[i].end, a, b, c[i].type, m.value, c[i].source};
    }
    if (ctx->claims && !ctx->no_claims)
        return claims_extract(ctx->claims, d->cstate, s, d->cm, ncm, emit_triple, d);
    return 0;
}

static int drain(nerc_doc *d)
{
    sentence s;
    int r;
    while ((r = splitter_next(d->split, &s)) > 0) {
        int rc = process_sentence(d, &s);
        if (rc < 0) {
            d->failed = 1;
            return rc;
        }
    }
    if (r < 0)
        return r;
    if (splitter_invalid_bytes(d->split) && !(d->warned & WARN_UTF8))
        warn_once(d, WARN_UTF8, "invalid UTF-8 or NUL bytes were read as spaces");
    if (splitter_cut_sentences(d->split) && !(d->warned & WARN_CUT))
        warn_once(d, WARN_CUT, "a sentence longer than 64 KiB was cut at a space");
    return 0;
}

int nerc_doc_feed(nerc_doc *d, const char *buf, size_t len)
{
    if (d->finished || d->failed)
        return NERC_ESTATE;
    if (splitter_feed(d->split, buf, len) < 0)
        return NERC_ENOMEM;
    d->stats.bytes += len;
    return drain(d);
}

int nerc_doc_finish(nerc_doc *d)
{
    if (d->finished || d->failed)
        return NERC_ESTATE;
    d->finished = 1;
    splitter_finish(d->split);
    int rc = drain(d);
    d->stats.invalid_utf8_bytes = splitter_invalid_bytes(d->split);
    return rc;
}

void nerc_doc_get_stats(const nerc_doc *d, nerc_doc_stats *st)
{
    *st = d->stats;
    st->invalid_utf8_bytes = splitter_invalid_bytes(d->split);
}
