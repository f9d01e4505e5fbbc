/* rules.c - compile and run PCRE2 rule files. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"

#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "util.h"

/* Limits for one match attempt: generous for real sentences, small enough that a
 * catastrophic pattern gives up in milliseconds. */
#define RULE_MATCH_LIMIT 200000u
#define RULE_DEPTH_LIMIT 5000u
#define MAX_CANONICAL 512

typedef struct rule {
    rule_info info;
    pcre2_code *code;
    uint64_t pattern_hash; /* names the pattern text in images */
    int always;        /* no cue words: runs on every sentence */
    atomic_int uses;   /* sentences it ran on, counted up to JIT_AFTER */
    _Atomic(pcre2_code *) jit; /* a JIT-compiled copy of code, published once */
    atomic_int jit_failed;     /* no JIT for this pattern here: interpret it */
} rule;

/* Cue word -> rule: a rule with cues runs only on sentences holding one of them. */
typedef struct cue {
    char *key;
    size_t len;
    size_t rule;
} cue;

struct rule_set {
    rule *rules;
    size_t n, cap;
    pthread_mutex_t jit_lock; /* guards the one-time JIT compile of each rule */
    int no_jit;               /* interpreter only */
    uint32_t max_groups;
    cue *cues;         /* open addressing on key; key == NULL marks a free slot */
    size_t cue_cap, cue_count;
    /* bit per (first letter, second letter, length) of some cue: most token keys are
     * no cue, and this answers them before any hashing */
    uint32_t cue_filter[1024];
    uint32_t *always; /* the rules without cues, which run on every sentence */
    size_t n_always, always_cap;
    /* compiled patterns from an image, taken in order by rules_add_line while the
     * pattern text still hashes to the same value */
    pcre2_code **pre;
    uint64_t *pre_hash;
    size_t pre_n, pre_next;
    int compiled; /* some pattern was compiled from its text */
};

struct rule_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    unsigned char *active; /* per rule: in `chosen` (all 0 between sentences) */
    uint32_t *chosen;      /* the rules rules_select chose, in index order */
    uint32_t *last_cue;    /* per chosen rule: start of the last token offering a cue */
    size_t active_n, n_chosen;
    int selected;
    char canon[MAX_CANONICAL];
};

static unsigned cue_filter_bit(const char *k, size_t n)
{
    unsigned a = (unsigned char)k[0] & 31, b = n > 1 ? (unsigned char)k[1] & 31 : 0;
    return a << 10 | b << 5 | (unsigned)(n < 31 ? n : 31);
}

static int cue_add(rule_set *r, const char *key, size_t n, size_t rule_index)
{
    unsigned bit = cue_filter_bit(key, n);
    r->cue_filter[bit >> 5] |= 1u << (bit & 31);
    if ((r->cue_count + 1) * 2 > r->cue_cap) {
        size_t cap = r->cue_cap ? r->cue_cap * 2 : 64;
        cue *t = calloc(cap, sizeof *t);
        if (!t)
            return NERC_ENOMEM;
        for (size_t i = 0; i < r->cue_cap; i++) {
            if (!r->cues[i].key)
                continue;
            size_t j = util_hash(0, r->cues[i].key, strlen(r->cues[i].key)) & (cap - 1);
            while (t[j].key)
                j = (j + 1) & (cap - 1);
            t[j] = r->cues[i];
        }
        free(r->cues);
        r->cues = t;
        r->cue_cap = cap;
    }
    size_t j = util_hash(0, key, n) & (r->cue_cap - 1);
    while (r->cues[j].key)
        j = (j + 1) & (r->cue_cap - 1);
    r->cues[j].key = strndup(key, n);
    r->cues[j].len = n;
    if (!r->cues[j].key)
        return NERC_ENOMEM;
    r->cues[j].rule = rule_index;
    r->cue_count++;
    return 0;
}

/* Parse a leading "(?#cues:word,word)" comment: each word, lower-cased, is a cue of
 * rule rule_index. Returns the number of cues, or NERC_ENOMEM. */
static int parse_cues(rule_set *r, const char *pattern, size_t rule_index)
{
    static const char tag[] = "(?#cues:";
    if (strncmp(pattern, tag, sizeof tag - 1) != 0)
        return 0;
    const char *p = pattern + sizeof tag - 1, *end = strchr(p, ')');
    if (!end)
        return 0;
    int count = 0;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != ',')
            q++;
        char key[128];
        size_t n = 0;
        for (const char *c = p; c < q && n < sizeof key - 1; c++)
            if (*c != ' ')
                key[n++] = (char)tolower((unsigned char)*c);
        if (n > 0) {
            if (cue_add(r, key, n, rule_index) < 0)
                return NERC_ENOMEM;
            count++;
        }
        p = q + 1;
    }
    return count;
}

rule_set *rules_new(void)
{
    rule_set *r = calloc(1, sizeof(rule_set));
    if (r && pthread_mutex_init(&r->jit_lock, NULL) != 0) {
        free(r);
        return NULL;
    }
    return r;
}

/* Uses of a rule before it is JIT-compiled. Compiling costs about as much as a few
 * dozen interpreted matches, and most rules are gated by cue words and run on few
 * sentences of a short article, so a rule earns its compile only once it is used. */
#define JIT_AFTER 8

/* The code to match rule ru with: the JIT-compiled copy once the rule has run often
 * enough, else the interpreted pattern. The copy is compiled once, under the lock,
 * and published with release order, so a thread sees either no copy or a complete
 * one; the interpreted code is never modified, so threads still using it are safe. */
static const pcre2_code *code_for(rule_set *r, rule *ru)
{
    pcre2_code *jit = atomic_load_explicit(&ru->jit, memory_order_acquire);
    if (jit)
        return jit;
    if (r->no_jit || atomic_load_explicit(&ru->jit_failed, memory_order_relaxed) ||
        atomic_fetch_add_explicit(&ru->uses, 1, memory_order_relaxed) < JIT_AFTER)
        return ru->code;
    pthread_mutex_lock(&r->jit_lock);
    jit = atomic_load_explicit(&ru->jit, memory_order_relaxed);
    if (!jit && !atomic_load_explicit(&ru->jit_failed, memory_order_relaxed)) {
        pcre2_code *copy = pcre2_code_copy(ru->code);
        if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0) {
            atomic_store_explicit(&ru->jit, copy, memory_order_release);
            jit = copy;
        } else {
            pcre2_code_free(copy);
            atomic_store_explicit(&ru->jit_failed, 1, memory_order_relaxed);
        }
    }
    pthread_mutex_unlock(&r->jit_lock);
    return jit ? jit : ru->code;
}

void rules_free(rule_set *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        pcre2_code_free(r->rules[i].code);
        pcre2_code_free(atomic_load_explicit(&r->rules[i].jit, memory_order_relaxed));
        free((char *)r->rules[i].info.name);
        free((char *)r->rules[i].info.canonical);
    }
    free(r->rules);
    for (size_t i = 0; i < r->cue_cap; i++)
        free(r->cues[i].key);
    free(r->cues);
    free(r->always);
    rules_release_image(r);
    pthread_mutex_destroy(&r->jit_lock);
    free(r);
}

void rules_set_jit(rule_set *r, int on)
{
    r->no_jit = !on;
}

size_t rules_count(const rule_set *r)
{
    return r->n;
}

const rule_info *rules_info(const rule_set *r, size_t index)
{
    return index < r->n ? &r->rules[index].info : NULL;
}

static uint64_t pattern_hash(const char *pattern)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t n = 0;
    for (; pattern[n]; n++) {
        h ^= (unsigned char)pattern[n];
        h *= 0x100000001b3ULL;
    }
    return h ^ n;
}

static int fail(char *err, size_t errlen, int code, const char *where, const char *msg)
{
    if (err && errlen)
        snprintf(err, errlen, "%s: %s", where, msg);
    return code;
}

/* Split off the next TAB-separated field (runs of TABs are one separator). */
static char *next_field(char **p)
{
    char *s = *p;
    if (!s)
        return NULL;
    char *tab = strchr(s, '\t');
    if (tab) {
        *tab = '\0';
        tab++;
        while (*tab == '\t')
            tab++;
        *p = tab;
    } else {
        *p = NULL;
    }
    return s;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

int rules_add_line(rule_set *r, const char *line_in, const char *where, char *err, size_t errlen)
{
    char *line = strdup(line_in);
    if (!line)
        return NERC_ENOMEM;
    char *p = line;
    char *name = next_field(&p), *type = next_field(&p), *group = next_field(&p);
    char *prio = next_field(&p), *canon = next_field(&p);
    char *pattern = p; /* the rest of the line */
    int rc = 0, t, g, pr;
    char msg[300];
    if (!name || !type || !group || !prio || !canon || !pattern || !*pattern) {
        rc = fail(err, errlen, NERC_EFORMAT, where,
                  "expected 6 TAB-separated fields: name type group priority canonical pattern");
        goto out;
    }
    t = nerc_type_from_name(type);
    if (t < 0 || t == NERC_DATE || t == NERC_DEMONYM) {
        snprintf(msg, sizeof msg, "unknown type '%.40s' (PERSON, ORG, LOCATION, WEAPON, AGREEMENT or NONE)", type);
        rc = fail(err, errlen, NERC_EFORMAT, where, msg);
        goto out;
    }
    if (parse_int(group, 0, 99, &g) < 0) {
        rc = fail(err, errlen, NERC_EFORMAT, where, "group must be a number 0-99");
        goto out;
    }
    if (parse_int(prio, 0, 100, &pr) < 0) {
        rc = fail(err, errlen, NERC_EFORMAT, where, "priority must be a number 0-100");
        goto out;
    }
    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    uint64_t hash = pattern_hash(pattern);
    pcre2_code *code = NULL;
    if (r->pre_next < r->pre_n && r->pre_hash[r->pre_next] == hash) {
        code = r->pre[r->pre_next]; /* compiled by an earlier run */
        r->pre[r->pre_next++] = NULL;
    } else {
        code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT, &errcode, &erroff, NULL);
        r->pre_next = r->pre_n; /* the image no longer follows the text */
        r->compiled = 1;
    }
    if (!code) {
        PCRE2_UCHAR buf[200];
        pcre2_get_error_message(errcode, buf, sizeof buf);
        snprintf(msg, sizeof msg, "pattern error at offset %zu: %s", (size_t)erroff, (char *)buf);
        rc = fail(err, errlen, NERC_EPATTERN, where, msg);
        goto out;
    }
    uint32_t groups = 0;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
    if ((uint32_t)g > groups) {
        pcre2_code_free(code);
        snprintf(msg, sizeof msg, "group %d does not exist (the pattern has %u)", g, groups);
        rc = fail(err, errlen, NERC_EFORMAT, where, msg);
        goto out;
    }
    for (const char *c = canon; *c; c++)
        if (c[0] == '$' && isdigit((unsigned char)c[1]) && (uint32_t)(c[1] - '0') > groups) {
            pcre2_code_free(code);
            rc = fail(err, errlen, NERC_EFORMAT, where, "canonical template names a missing group");
            goto out;
        }
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->rules[i].info.name, name) == 0) {
            pcre2_code_free(code);
            snprintf(msg, sizeof msg, "duplicate rule name '%.60s'", name);
            rc = fail(err, errlen, NERC_EFORMAT, where, msg);
            goto out;
        }
    if (util_grow((void **)&r->rules, &r->cap, r->n + 1, sizeof *r->rules) < 0) {
        pcre2_code_free(code);
        rc = NERC_ENOMEM;
        goto out;
    }
    rule *ru = &r->rules[r->n];
    int ncues = parse_cues(r, pattern, r->n);
    if (ncues < 0) {
        pcre2_code_free(code);
        rc = NERC_ENOMEM;
        goto out;
    }
    ru->always = ncues == 0;
    ru->code = code;
    ru->pattern_hash = hash;
    atomic_init(&ru->uses, 0);
    atomic_init(&ru->jit, NULL);
    atomic_init(&ru->jit_failed, 0);
    ru->info.name = strdup(name);
    ru->info.canonical = strdup(canon);
    ru->info.type = (nerc_type)t;
    ru->info.group = g;
    ru->info.priority = pr;
    if (!ru->info.name || !ru->info.canonical) {
        free((char *)ru->info.name);
        free((char *)ru->info.canonical);
        pcre2_code_free(code);
        rc = NERC_ENOMEM;
        goto out;
    }
    if (ru->always) {
        if (util_grow((void **)&r->always, &r->always_cap, r->n_always + 1, sizeof *r->always) < 0) {
            rc = NERC_ENOMEM; /* the rule stays unadded: its strings and code go */
            free((char *)ru->info.name);
            free((char *)ru->info.canonical);
            pcre2_code_free(code);
            goto out;
        }
        r->always[r->n_always++] = (uint32_t)r->n;
    }
    r->n++;
    if (groups + 1 > r->max_groups)
        r->max_groups = groups + 1;
out:
    free(line);
    return rc;
}

int rules_load_file(rule_set *r, const char *path, char *err, size_t errlen)
{
    data_file df;
    if (data_file_open(&df, path) < 0) {
        if (err && errlen)
            snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NERC_EIO;
    }
    char *line;
    long n;
    int rc = 0;
    char where[600];
    while ((n = data_file_next(&df, &line)) >= 0) {
        snprintf(where, sizeof where, "%.500s:%zu", path, df.lineno);
        rc = rules_add_line(r, line, where, err, errlen);
        if (rc < 0)
            break;
    }
    if (rc == 0 && n < -1) {
        snprintf(where, sizeof where, "%.500s:%zu", path, df.lineno);
        rc = fail(err, errlen, (int)n, where, n == NERC_EFORMAT ? "NUL byte in line" : "read error");
    }
    data_file_close(&df);
    return rc;
}

rule_scratch *rule_scratch_new(const rule_set *r)
{
    rule_scratch *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->md = pcre2_match_data_create(r->max_groups ? r->max_groups : 1, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    if (!s->md || !s->mctx) {
        rule_scratch_free(s);
        return NULL;
    }
    s->active_n = r->n;
    s->active = calloc(r->n ? r->n : 1, 1);
    s->chosen = malloc((r->n ? r->n : 1) * sizeof *s->chosen);
    s->last_cue = malloc((r->n ? r->n : 1) * sizeof *s->last_cue);
    if (!s->active || !s->chosen || !s->last_cue) {
        rule_scratch_free(s);
        return NULL;
    }
    pcre2_set_match_limit(s->mctx, RULE_MATCH_LIMIT);
    pcre2_set_depth_limit(s->mctx, RULE_DEPTH_LIMIT);
    return s;
}

void rule_scratch_free(rule_scratch *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    free(s->active);
    free(s->chosen);
    free(s->last_cue);
    free(s);
}

/* Expand the canonical template of a match into s->canon; returns its length. */
static size_t expand(rule_scratch *s, const rule_info *ri, const char *text, size_t start,
                     size_t end, const PCRE2_SIZE *ov, uint32_t pairs)
{
    size_t o = 0;
    const char *t = ri->canonical;
    if (strcmp(t, "-") == 0) {
        size_t n = end - start < MAX_CANONICAL - 1 ? end - start : MAX_CANONICAL - 1;
        memcpy(s->canon, text + start, n);
        s->canon[n] = '\0';
        return n;
    }
    for (; *t && o < MAX_CANONICAL - 1; t++) {
        if (t[0] == '$' && isdigit((unsigned char)t[1])) {
            uint32_t g = (uint32_t)(t[1] - '0');
            t++;
            if (g < pairs && ov[2 * g] != PCRE2_UNSET) {
                size_t a = ov[2 * g], b = ov[2 * g + 1];
                for (size_t i = a; i < b && o < MAX_CANONICAL - 1; i++)
                    s->canon[o++] = text[i];
            }
            continue;
        }
        s->canon[o++] = *t;
    }
    s->canon[o] = '\0';
    return o;
}

/* The cue word a token offers when it is a number joined to the word before it. */
#define JOINED_NUMBER_CUE "#joined-number"

/* Token key k (at byte `at` of the sentence) offers a cue: choose its rules. */
static void mark_cue(const rule_set *r, rule_scratch *s, const char *k, size_t kl, uint32_t at)
{
    unsigned bit = cue_filter_bit(k, kl);
    if (!(r->cue_filter[bit >> 5] >> (bit & 31) & 1))
        return;
    for (size_t j = util_hash(0, k, kl) & (r->cue_cap - 1); r->cues[j].key;
         j = (j + 1) & (r->cue_cap - 1)) {
        if (r->cues[j].len != kl || memcmp(r->cues[j].key, k, kl) != 0)
            continue;
        size_t rule = r->cues[j].rule;
        s->last_cue[rule] = at; /* tokens come in order: the last one wins */
        if (!s->active[rule]) {
            s->active[rule] = 1;
            s->chosen[s->n_chosen++] = (uint32_t)rule;
        }
    }
}

static int cmp_index(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

void rules_select(const rule_set *r, rule_scratch *s, const char *keys, const token *toks,
                  size_t n)
{
    if (s->active_n < r->n)
        return; /* a scratch made for a smaller set: run everything */
    for (size_t i = 0; i < s->n_chosen; i++)
        s->active[s->chosen[i]] = 0;
    s->n_chosen = 0;
    for (size_t a = 0; a < r->n_always; a++) {
        s->active[r->always[a]] = 1;
        s->chosen[s->n_chosen++] = r->always[a];
    }
    if (r->cue_count)
        for (size_t t = 0; t < n; t++) {
            const char *k = keys + toks[t].key;
            size_t kl = toks[t].key_len;
            /* a one-letter cue (the F of F-16) is a capital, never the article "a" */
            uint32_t at = toks[t].start;
            if (kl > 1 || (toks[t].flags & TOK_UPPER))
                mark_cue(r, s, k, kl, at);
            /* "Su35" and "K9" hold the cue's letters before digits, "2S19" its digits and
             * letters before the next digits; "Tomahawks" a plural */
            size_t head = 0;
            while (head < kl && k[head] >= '0' && k[head] <= '9')
                head++;
            size_t letters = head;
            while (letters < kl && k[letters] >= 'a' && k[letters] <= 'z')
                letters++;
            if (letters > head && letters < kl && k[letters] >= '0' && k[letters] <= '9')
                mark_cue(r, s, k, letters, at);
            if (kl > 2 && k[kl - 1] == 's')
                mark_cue(r, s, k, kl - 1, at);
            /* the number of a hyphenated name: Zapad-2021, S-300 */
            if ((toks[t].flags & TOK_JOINED) && kl > 0 && k[0] >= '0' && k[0] <= '9')
                mark_cue(r, s, JOINED_NUMBER_CUE, sizeof JOINED_NUMBER_CUE - 1, at);
        }
    /* rules run in file order, as without a selection */
    qsort(s->chosen, s->n_chosen, sizeof *s->chosen, cmp_index);
    s->selected = 1;
}

/* One search for rule ru from byte `at`: emits the match, if any, and sets *next to
 * where the following search starts. Returns 1 (a match), 0 (none), NERC_ELIMIT,
 * NERC_ENOMEM or NERC_ECALLBACK. */
static int search_once(rule_scratch *s, const rule *ru, const pcre2_code *code,
                       const char *text, size_t len, PCRE2_SIZE at, rule_emit_fn emit,
                       void *user, PCRE2_SIZE *next)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)text, len, at, PCRE2_NO_UTF_CHECK, s->md, s->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        if (rc == PCRE2_ERROR_NOMEMORY)
            return NERC_ENOMEM;
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
            return NERC_ELIMIT;
        return 0;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    uint32_t pairs = pcre2_get_ovector_count(s->md);
    if ((uint32_t)rc < pairs)
        pairs = (uint32_t)rc;
    uint32_t g = (uint32_t)ru->info.group;
    if (g < pairs && ov[2 * g] != PCRE2_UNSET && ov[2 * g + 1] > ov[2 * g]) {
        size_t a = ov[2 * g], b = ov[2 * g + 1];
        size_t cl = expand(s, &ru->info, text, a, b, ov, pairs);
        if (emit(user, &ru->info, a, b, s->canon, cl))
            return NERC_ECALLBACK;
    }
    PCRE2_SIZE n = ov[1];
    if (n <= at)
        n = at + 1;
    if (ov[1] == ov[0])
        n = ov[0] + 1;
    /* stay on a character boundary */
    while (n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
        n++;
    *next = n;
    return 1;
}

int rules_run(const rule_set *r, rule_scratch *s, const char *text, size_t len,
              rule_emit_fn emit, void *user)
{
    int result = 0;
    int selected = s->selected;
    s->selected = 0;
    size_t count = selected ? s->n_chosen : r->n;
    for (size_t c = 0; c < count; c++) {
        size_t i = selected ? s->chosen[c] : c;
        rule *ru = &r->rules[i];
        const pcre2_code *code = code_for((rule_set *)r, ru);
        /* every match holds one of the rule's cue tokens, so none starts after the last */
        PCRE2_SIZE limit = selected && !ru->always ? s->last_cue[i] : PCRE2_UNSET;
        pcre2_set_offset_limit(s->mctx, limit);
        int rc = 0;
        PCRE2_SIZE at = 0;
        while (at <= len && (limit == PCRE2_UNSET || at <= limit) &&
               (rc = search_once(s, ru, code, text, len, at, emit, user, &at)) == 1)
            ;
        if (rc == NERC_ENOMEM || rc == NERC_ECALLBACK)
            return rc;
        if (rc == NERC_ELIMIT)
            result = NERC_ELIMIT;
    }
    return result;
}

/* ------------------------------------------------------------ images */

/* An image: this header, the pattern hashes, then PCRE2's serialized codes (which
 * PCRE2 itself does not check beyond its own header, hence the checksum). */
#define IMAGE_MAGIC "NERCRUL\n"
#define IMAGE_VERSION 2u /* 2: patterns compiled with PCRE2_USE_OFFSET_LIMIT */

typedef struct image_header {
    char magic[8];
    uint32_t version, endian;
    uint64_t fingerprint;
    uint64_t count;    /* codes */
    uint64_t bytes;    /* serialized size */
    uint64_t checksum; /* of the hashes and the serialized bytes */
} image_header;

/* A checksum of n bytes, eight at a time (images are megabytes, read at every start). */
static uint64_t checksum(uint64_t h, const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

int rules_save_image(const rule_set *r, int fd, uint64_t fingerprint)
{
    if (!r || fd < 0 || r->n == 0)
        return NERC_EARG;
    const pcre2_code **codes = malloc(r->n * sizeof *codes);
    uint64_t *hashes = malloc(r->n * sizeof *hashes);
    if (!codes || !hashes) {
        free(codes);
        free(hashes);
        return NERC_ENOMEM;
    }
    for (size_t i = 0; i < r->n; i++) {
        codes[i] = r->rules[i].code;
        hashes[i] = r->rules[i].pattern_hash;
    }
    uint8_t *bytes = NULL;
    PCRE2_SIZE size = 0;
    int32_t got = pcre2_serialize_encode(codes, (int32_t)r->n, &bytes, &size, NULL);
    int rc = got == (int32_t)r->n ? 0 : NERC_EFORMAT;
    if (rc == 0) {
        image_header h;
        memset(&h, 0, sizeof h);
        memcpy(h.magic, IMAGE_MAGIC, 8);
        h.version = IMAGE_VERSION;
        h.endian = 0x01020304u;
        h.fingerprint = fingerprint;
        h.count = r->n;
        h.bytes = size;
        h.checksum = checksum(checksum(0xcbf29ce484222325ULL, (const unsigned char *)hashes,
                                       r->n * sizeof *hashes), bytes, size);
        rc = cache_write_all(fd, &h, sizeof h);
        if (rc == 0)
            rc = cache_write_all(fd, hashes, r->n * sizeof *hashes);
        if (rc == 0)
            rc = cache_write_all(fd, bytes, size);
    }
    if (bytes)
        pcre2_serialize_free(bytes);
    free(codes);
    free(hashes);
    return rc;
}

int rules_use_image(rule_set *r, const void *data, size_t len, uint64_t fingerprint)
{
    if (!r || !data || r->n || r->pre)
        return NERC_EARG;
    image_header h;
    if (len < sizeof h)
        return NERC_EFORMAT;
    memcpy(&h, data, sizeof h);
    const unsigned char *p = (const unsigned char *)data + sizeof h;
    size_t rest = len - sizeof h;
    if (memcmp(h.magic, IMAGE_MAGIC, 8) != 0 || h.version != IMAGE_VERSION ||
        h.endian != 0x01020304u || h.fingerprint != fingerprint || h.count == 0 ||
        h.count > INT32_MAX || h.count > rest / sizeof(uint64_t) ||
        h.bytes != rest - h.count * sizeof(uint64_t))
        return NERC_EFORMAT;
    size_t n = (size_t)h.count;
    if (checksum(0xcbf29ce484222325ULL, p, rest) != h.checksum)
        return NERC_EFORMAT;
    const uint8_t *bytes = p + n * sizeof(uint64_t);
    if (pcre2_serialize_get_number_of_codes(bytes) != (int32_t)n)
        return NERC_EFORMAT;
    r->pre = calloc(n, sizeof *r->pre);
    r->pre_hash = malloc(n * sizeof *r->pre_hash);
    if (!r->pre || !r->pre_hash) {
        rules_release_image(r);
        return NERC_ENOMEM;
    }
    memcpy(r->pre_hash, p, n * sizeof *r->pre_hash);
    if (pcre2_serialize_decode(r->pre, (int32_t)n, bytes, NULL) != (int32_t)n) {
        rules_release_image(r);
        return NERC_EFORMAT;
    }
    r->pre_n = n;
    r->pre_next = 0;
    r->compiled = 0;
    return 0;
}

int rules_image_used(const rule_set *r)
{
    return r->pre_n > 0 && !r->compiled && r->pre_next == r->pre_n && r->pre_n == r->n;
}

void rules_release_image(rule_set *r)
{
    if (r->pre)
        for (size_t i = 0; i < r->pre_n; i++)
            pcre2_code_free(r->pre[i]);
    free(r->pre);
    free(r->pre_hash);
    r->pre = NULL;
    r->pre_hash = NULL;
    r->pre_n = r->pre_next = 0;
}
