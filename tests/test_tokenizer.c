/* test_tokenizer.c - the streaming sentence splitter and the tokenizer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nerc.h"
#include "tokenizer.h"

/* ------------------------------------------------------------ helpers */

typedef struct tok_rec {
    uint32_t start, end, flags;
    char key[64];
} tok_rec;

typedef struct sent_rec {
    size_t index, start, end;
    char *text;
    tok_rec *toks;
    size_t n_toks;
} sent_rec;

typedef struct split_result {
    sent_rec *s;
    size_t n, cap;
    size_t invalid, cuts;
} split_result;

static void keep(split_result *r, const sentence *s)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->s = realloc(r->s, r->cap * sizeof *r->s);
        assert_non_null(r->s);
    }
    sent_rec *o = &r->s[r->n++];
    o->index = s->index;
    o->start = s->start;
    o->end = s->end;
    o->text = malloc(s->end - s->start + 1);
    assert_non_null(o->text);
    memcpy(o->text, s->text, s->end - s->start);
    o->text[s->end - s->start] = '\0';
    o->n_toks = s->n_tokens;
    o->toks = calloc(s->n_tokens + 1, sizeof *o->toks);
    assert_non_null(o->toks);
    for (size_t i = 0; i < s->n_tokens; i++) {
        const token *t = &s->tokens[i];
        o->toks[i].start = t->start;
        o->toks[i].end = t->end;
        o->toks[i].flags = t->flags;
        size_t kl = t->key_len < 63 ? t->key_len : 63;
        memcpy(o->toks[i].key, s->keys + t->key, kl);
    }
}

static void drain(splitter *sp, split_result *r)
{
    sentence s;
    int rc;
    while ((rc = splitter_next(sp, &s)) > 0)
        keep(r, &s);
    assert_int_equal(rc, 0);
}

/* chunk: 0 = whole, n > 0 = n bytes at a time, SIZE_MAX = pseudo-random 1..97 */
static split_result split_text(const char *text, size_t len, size_t chunk, uint32_t seed)
{
    split_result r = {0};
    splitter *sp = splitter_new();
    assert_non_null(sp);
    size_t i = 0;
    while (i < len) {
        size_t n = len - i;
        if (chunk == SIZE_MAX) {
            seed = seed * 1103515245u + 12345u;
            n = 1 + (seed >> 16) % 97;
        } else if (chunk > 0) {
            n = chunk;
        }
        if (n > len - i)
            n = len - i;
        assert_int_equal(splitter_feed(sp, text + i, n), 0);
        drain(sp, &r);
        i += n;
    }
    splitter_finish(sp);
    drain(sp, &r);
    r.invalid = splitter_invalid_bytes(sp);
    r.cuts = splitter_cut_sentences(sp);
    splitter_free(sp);
    return r;
}

static void free_result(split_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->s[i].text);
        free(r->s[i].toks);
    }
    free(r->s);
    memset(r, 0, sizeof *r);
}

static void assert_same(const split_result *a, const split_result *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->invalid, b->invalid);
    assert_int_equal(a->cuts, b->cuts);
    for (size_t i = 0; i < a->n; i++) {
        const sent_rec *x = &a->s[i], *y = &b->s[i];
        assert_int_equal(x->index, y->index);
        assert_int_equal(x->start, y->start);
        assert_int_equal(x->end, y->end);
        assert_string_equal(x->text, y->text);
        assert_int_equal(x->n_toks, y->n_toks);
        for (size_t k = 0; k < x->n_toks; k++) {
            assert_int_equal(x->toks[k].start, y->toks[k].start);
            assert_int_equal(x->toks[k].end, y->toks[k].end);
            assert_int_equal(x->toks[k].flags, y->toks[k].flags);
            assert_string_equal(x->toks[k].key, y->toks[k].key);
        }
    }
}

/* Sentences of a text as a "|"-joined string of their texts (whole-buffer feed). */
static char *sentences_of(const char *text)
{
    split_result r = split_text(text, strlen(text), 0, 0);
    size_t total = 1;
    for (size_t i = 0; i < r.n; i++)
        total += strlen(r.s[i].text) + 1;
    char *out = calloc(total, 1);
    assert_non_null(out);
    for (size_t i = 0; i < r.n; i++) {
        if (i)
            strcat(out, "|");
        strcat(out, r.s[i].text);
    }
    free_result(&r);
    return out;
}

#define ASSERT_SENTENCES(text, expected)                                                  \
    do {                                                                                  \
        char *got_ = sentences_of(text);                                                  \
        assert_string_equal(got_, expected);                                              \
        free(got_);                                                                       \
    } while (0)

typedef struct toks {
    token_buf b;
    const char *text;
} toks;

static toks tok(const char *text)
{
    toks t;
    t.text = text;
    token_buf_init(&t.b);
    assert_int_equal(tokenize(text, strlen(text), &t.b), 0);
    return t;
}

static char *tok_text(const toks *t, size_t i)
{
    static char buf[256];
    const token *k = &t->b.tokens[i];
    size_t n = k->end - k->start;
    memcpy(buf, t->text + k->start, n);
    buf[n] = '\0';
    return buf;
}

static char *tok_key(const toks *t, size_t i)
{
    static char buf[256];
    const token *k = &t->b.tokens[i];
    memcpy(buf, t->b.keys + k->key, k->key_len);
    buf[k->key_len] = '\0';
    return buf;
}

static char *key(const char *s)
{
    static char out[256];
    char *d = NULL;
    size_t dl = 0, dc = 0;
    assert_int_equal(key_of(s, strlen(s), &d, &dl, &dc), 0);
    assert_true(dl < sizeof out);
    memcpy(out, d, dl);
    out[dl] = '\0';
    free(d);
    return out;
}

/* ---------------------------------------------------- chunk invariance */

static const char MIXED[] =
    "Gen. Talia Ortiz of the U.S. Navy met Dr. Anwar Sato on Jan. 17 in Port Vell.\n"
    "Ortiz\xE2\x80\x99s staff said the Sato-Ortiz talks were \xE2\x80\x9C" "frank.\xE2\x80\x9D The envoys\xE2\x80\x99 "
    "statement cited 3.5 billion dollars, the HTS-led council and post-Vell plans! "
    "Was it over? \"No.\" Lt. Col. Ames (retired) disagreed...\n\n"
    "A heading with no stop\n"
    "Bad bytes \xFF\xFE here, a NUL \x00 there, an overlong \xC0\xAF and a cut \xE2\x82 too.\r\n"
    "John F. Kennedy\xE2\x80\x94" "the old name\xE2\x80\x94" "came up. It ended at 5 p.m. Then silence.";

static void test_chunk_invariance(void **state)
{
    (void)state;
    size_t len = sizeof MIXED - 1;
    split_result whole = split_text(MIXED, len, 0, 0);
    assert_true(whole.n >= 8);
    split_result ones = split_text(MIXED, len, 1, 0);
    assert_same(&whole, &ones);
    free_result(&ones);
    for (uint32_t seed = 1; seed <= 40; seed++) {
        split_result rnd = split_text(MIXED, len, SIZE_MAX, seed);
        assert_same(&whole, &rnd);
        free_result(&rnd);
    }
    for (size_t c = 2; c <= 9; c++) {
        split_result fixed = split_text(MIXED, len, c, 0);
        assert_same(&whole, &fixed);
        free_result(&fixed);
    }
    free_result(&whole);
}

/* A closing curly quote after a period, cut by the chunk end between its bytes, used
 * to hide the sentence end (found by fuzz_tokenizer). */
static void test_curly_quote_cut_by_chunk(void **state)
{
    (void)state;
    static const char T[] = "He said \xE2\x80\x9Cyes.\xE2\x80\x9D She left.";
    split_result whole = split_text(T, sizeof T - 1, 0, 0);
    assert_int_equal(whole.n, 2);
    assert_string_equal(whole.s[0].text, "He said \xE2\x80\x9Cyes.\xE2\x80\x9D");
    assert_string_equal(whole.s[1].text, "She left.");
    for (size_t c = 1; c <= 4; c++) {
        split_result r = split_text(T, sizeof T - 1, c, 0);
        assert_same(&whole, &r);
        free_result(&r);
    }
    /* every cut point */
    for (size_t cut = 1; cut < sizeof T - 1; cut++) {
        split_result r = {0};
        splitter *sp = splitter_new();
        assert_int_equal(splitter_feed(sp, T, cut), 0);
        drain(sp, &r);
        assert_int_equal(splitter_feed(sp, T + cut, sizeof T - 1 - cut), 0);
        drain(sp, &r);
        splitter_finish(sp);
        drain(sp, &r);
        splitter_free(sp);
        assert_same(&whole, &r);
        free_result(&r);
    }
    free_result(&whole);
}

/* ------------------------------------------------------- bad bytes */

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* FF, FE: never valid; C0 AF: overlong '/'; ED A0 80: a surrogate; E2 82: truncated;
     * F5 80 80 80: over U+10FFFF. */
    static const char T[] = "Ab\xFF\xFE" "cd \xC0\xAF x \xED\xA0\x80 y \xE2\x82 z \xF5\x80\x80\x80 w.";
    split_result r = split_text(T, sizeof T - 1, 0, 0);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.s[0].start, 0);
    assert_int_equal(r.s[0].end, sizeof T - 1);
    assert_string_equal(r.s[0].text, "Ab  cd    x     y    z      w.");
    assert_int_equal(strlen(r.s[0].text), sizeof T - 1);
    assert_int_equal(r.invalid, 2 + 2 + 3 + 2 + 4);
    /* offsets stay raw offsets: "cd" starts at byte 4, "w" at byte 28 */
    assert_int_equal(r.s[0].n_toks, 7);
    assert_int_equal(r.s[0].toks[0].start, 0);
    assert_int_equal(r.s[0].toks[0].end, 2);
    assert_int_equal(r.s[0].toks[1].start, 4);
    assert_int_equal(r.s[0].toks[1].end, 6);
    assert_int_equal(r.s[0].toks[5].start, 28);
    assert_string_equal(r.s[0].toks[5].key, "w");
    free_result(&r);

    split_result ones = split_text(T, sizeof T - 1, 1, 0);
    r = split_text(T, sizeof T - 1, 0, 0);
    assert_same(&r, &ones);
    free_result(&r);
    free_result(&ones);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    static const char T[] = "Alpha\0Beta met\0\0Gamma.";
    split_result r = split_text(T, sizeof T - 1, 0, 0);
    assert_int_equal(r.n, 1);
    assert_string_equal(r.s[0].text, "Alpha Beta met  Gamma.");
    assert_int_equal(r.invalid, 3);
    assert_int_equal(r.s[0].n_toks, 5);
    assert_string_equal(r.s[0].toks[1].key, "beta");
    assert_int_equal(r.s[0].toks[1].start, 6);
    assert_int_equal(r.s[0].toks[3].start, 16);
    free_result(&r);
    /* a document of NULs only has no sentence */
    r = split_text("\0\0\0\0", 4, 0, 0);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.invalid, 4);
    free_result(&r);
}

/* Clean ASCII is copied eight bytes at a time: a NUL, an invalid byte or a multi-byte
 * character must be found wherever it falls in such a block. */
static void test_bad_bytes_at_every_offset(void **state)
{
    (void)state;
    static const char CLEAN[] = "Alpha bravo charlie delta echo foxtrot.";
    const size_t n = sizeof CLEAN - 1;
    static const struct {
        const char *bytes, *text;
        size_t invalid;
    } INSERTS[] = {
        {"\0", " ", 1},
        {"\xFF", " ", 1},
        {"\xC3\xA9", "\xC3\xA9", 0},
        {"\xE2\x82", "  ", 2},
    };
    for (size_t k = 0; k < sizeof INSERTS / sizeof *INSERTS; k++) {
        size_t m = INSERTS[k].bytes[0] ? strlen(INSERTS[k].bytes) : 1;
        for (size_t at = 0; at + 1 < n; at++) {
            char raw[64], want[64];
            memcpy(raw, CLEAN, at);
            memcpy(raw + at, INSERTS[k].bytes, m);
            memcpy(raw + at + m, CLEAN + at, n - at);
            memcpy(want, CLEAN, at);
            memcpy(want + at, INSERTS[k].text, m);
            memcpy(want + at + m, CLEAN + at, n - at);
            want[n + m] = '\0';
            split_result r = split_text(raw, n + m, 0, 0);
            assert_int_equal(r.n, 1);
            assert_int_equal(r.invalid, INSERTS[k].invalid);
            /* a space at the start is trimmed from the sentence */
            size_t lead = (at == 0 && INSERTS[k].invalid) ? m : 0;
            assert_int_equal(r.s[0].start, lead);
            assert_string_equal(r.s[0].text, want + lead);
            free_result(&r);
        }
    }
}

static void test_empty_and_whitespace(void **state)
{
    (void)state;
    split_result r = split_text("", 0, 0, 0);
    assert_int_equal(r.n, 0);
    free_result(&r);
    r = split_text(" \n\t\r\n \n\n  ", 10, 0, 0);
    assert_int_equal(r.n, 0);
    free_result(&r);
    r = split_text("  Padded.  \n", 12, 0, 0);
    assert_int_equal(r.n, 1);
    assert_int_equal(r.s[0].start, 2);
    assert_int_equal(r.s[0].end, 9);
    assert_int_equal(r.s[0].index, 1);
    free_result(&r);
}

/* --------------------------------------------------------------- keys */

static void test_keys(void **state)
{
    (void)state;
    assert_string_equal(key("Pezeshkian"), "pezeshkian");
    assert_string_equal(key("PEZESHKIAN"), "pezeshkian");
    assert_string_equal(key("Pezeshki\xC3\xA1n"), "pezeshkian");      /* precomposed á */
    assert_string_equal(key("Pezeshkia\xCC\x81n"), "pezeshkian");     /* a + combining acute */
    assert_string_equal(key("O\xE2\x80\x99" "Brien"), "o'brien");     /* curly apostrophe */
    assert_string_equal(key("O'Brien"), "o'brien");
    assert_string_equal(key("\xE2\x80\x93"), "-");                   /* en dash */
    assert_string_equal(key("\xE2\x80\x94"), "-");                   /* em dash */
    assert_string_equal(key("\xE2\x80\x9C\xE2\x80\x9D"), "\"\"");    /* curly double quotes */
    assert_string_equal(key("\xEF\xBC\xA1"), "a");                   /* fullwidth A (NFKC) */
    assert_string_equal(key("Stra\xC3\x9F" "e"), "strasse");          /* case folding of ß */

    toks t = tok("Pezeshkian PEZESHKIAN Pezeshki\xC3\xA1n");
    assert_int_equal(t.b.n, 3);
    for (size_t i = 0; i < 3; i++)
        assert_string_equal(tok_key(&t, i), "pezeshkian");
    assert_int_equal(t.b.tokens[0].flags & (TOK_UPPER | TOK_ALLCAPS), TOK_UPPER);
    assert_int_equal(t.b.tokens[1].flags & (TOK_UPPER | TOK_ALLCAPS), TOK_UPPER | TOK_ALLCAPS);
    assert_int_equal(t.b.tokens[2].end - t.b.tokens[2].start, 11);
    token_buf_free(&t.b);
}

/* Plain ASCII words are keyed and classified while they are scanned; a word with a
 * combining mark goes through the general (decoding) path. Both must agree: the mark
 * is stripped from the key and does not count as a letter. */
static void test_ascii_and_general_paths_agree(void **state)
{
    (void)state;
    static const struct {
        const char *word, *key;
        uint32_t flags;
    } CASES[] = {
        {"Kremlin", "kremlin", TOK_WORD | TOK_UPPER},
        {"NATO", "nato", TOK_WORD | TOK_UPPER | TOK_ALLCAPS},
        {"tehran", "tehran", TOK_WORD},
        {"2024", "2024", TOK_NUMBER | TOK_HAS_DIGIT},
        {"F16", "f16", TOK_WORD | TOK_UPPER | TOK_ALLCAPS | TOK_HAS_DIGIT},
        {"x86", "x86", TOK_WORD | TOK_HAS_DIGIT},
        {"iPhone", "iphone", TOK_WORD},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char marked[64];
        snprintf(marked, sizeof marked, "%s\xCC\x81", CASES[i].word); /* + U+0301 */
        const char *forms[] = {CASES[i].word, marked};
        for (size_t f = 0; f < 2; f++) {
            toks t = tok(forms[f]);
            assert_int_equal(t.b.n, 1);
            assert_int_equal(t.b.tokens[0].end, strlen(forms[f]));
            assert_string_equal(tok_key(&t, 0), CASES[i].key);
            assert_int_equal(t.b.tokens[0].flags, TOK_SPACE_BEFORE | CASES[i].flags);
            token_buf_free(&t.b);
        }
    }

    /* Mixed text: tokens and keys in order, the keys packed one after another. */
    toks t = tok("\xC3\x9Cnited NATO na\xC3\xAFve x\xC2\xB2 ROCK`N Tehran\xE2\x80\x99s 3.5 U.S. end");
    const char *want_key[] = {"united", "nato", "naive", "x2", "rock'n", "tehran", "'s",
                              "3.5", "u.s.", "end"};
    const uint32_t want_flags[] = {
        TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER,
        TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER | TOK_ALLCAPS,
        TOK_SPACE_BEFORE | TOK_WORD,
        TOK_SPACE_BEFORE | TOK_WORD | TOK_HAS_DIGIT,
        TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER | TOK_ALLCAPS,
        TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER,
        TOK_POSSESSIVE | TOK_WORD,
        TOK_SPACE_BEFORE | TOK_NUMBER | TOK_HAS_DIGIT,
        TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER | TOK_ALLCAPS | TOK_ABBREV,
        TOK_SPACE_BEFORE | TOK_WORD,
    };
    assert_int_equal(t.b.n, sizeof want_key / sizeof *want_key);
    uint32_t next_key = 0;
    for (size_t i = 0; i < t.b.n; i++) {
        assert_string_equal(tok_key(&t, i), want_key[i]);
        assert_int_equal(t.b.tokens[i].flags, want_flags[i]);
        assert_int_equal(t.b.tokens[i].key, next_key);
        next_key += t.b.tokens[i].key_len;
    }
    assert_int_equal(t.b.keys_len, next_key);
    assert_int_equal(t.b.keys[next_key], '\0');
    token_buf_free(&t.b);

    /* A long word that is ASCII within its key but not after it: the key is the
     * lower-cased ASCII prefix, the flags come from the whole word (the lower-case
     * e-acute at the end means it is not all capitals). */
    char big[300 + 3];
    memset(big, 'K', 300);
    memcpy(big + 300, "\xC3\xA9", 3);
    t = tok(big);
    assert_int_equal(t.b.n, 1);
    assert_int_equal(t.b.tokens[0].end, 302);
    assert_int_equal(t.b.tokens[0].key_len, NERC_MAX_TOKEN_BYTES);
    for (size_t i = 0; i < NERC_MAX_TOKEN_BYTES; i++)
        assert_int_equal(t.b.keys[t.b.tokens[0].key + i], 'k');
    assert_int_equal(t.b.tokens[0].flags, TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER);
    token_buf_free(&t.b);

    assert_string_equal(key("Rock`N Roll"), "rock'n roll");
    assert_string_equal(key("Rock`N R\xC3\xB6ll"), "rock'n roll");
}

/* ------------------------------------------------------------ tokens */

static void test_possessives(void **state)
{
    (void)state;
    toks t = tok("Pezeshkian\xE2\x80\x99s plan and the states' view, O'Brien's too.");
    assert_int_equal(t.b.n, 13);
    assert_string_equal(tok_text(&t, 0), "Pezeshkian");
    assert_string_equal(tok_text(&t, 1), "\xE2\x80\x99s");
    assert_string_equal(tok_key(&t, 1), "'s");
    assert_int_equal(t.b.tokens[1].flags, TOK_POSSESSIVE | TOK_WORD);
    assert_string_equal(tok_text(&t, 5), "states");
    assert_string_equal(tok_text(&t, 6), "'");
    assert_true(t.b.tokens[6].flags & TOK_POSSESSIVE);
    assert_false(t.b.tokens[6].flags & TOK_PUNCT);
    assert_string_equal(tok_text(&t, 7), "view");
    assert_string_equal(tok_text(&t, 9), "O'Brien");
    assert_string_equal(tok_text(&t, 10), "'s");
    assert_int_equal(t.b.tokens[10].flags, TOK_POSSESSIVE | TOK_WORD);
    token_buf_free(&t.b);

    /* 's followed by a letter is not a possessive */
    t = tok("it's");
    assert_int_equal(t.b.n, 2);
    assert_string_equal(tok_text(&t, 0), "it");
    assert_string_equal(tok_text(&t, 1), "'s");
    token_buf_free(&t.b);
}

static void test_hyphens(void **state)
{
    (void)state;
    toks t = tok("Iran-Russia ties, HTS-led forces, post-Khamenei era, Shahed\xE2\x80\x91" "136 and 2024/25");
    const char *want[] = {"Iran", "Russia", "ties", ",", "HTS", "led", "forces", ",", "post",
                          "Khamenei", "era", ",", "Shahed", "136", "and", "2024", "25"};
    assert_int_equal(t.b.n, sizeof want / sizeof *want);
    for (size_t i = 0; i < t.b.n; i++)
        assert_string_equal(tok_text(&t, i), want[i]);
    assert_int_equal(t.b.tokens[0].flags, TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER);
    assert_int_equal(t.b.tokens[1].flags, TOK_JOINED | TOK_WORD | TOK_UPPER);
    assert_int_equal(t.b.tokens[4].flags, TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER | TOK_ALLCAPS);
    assert_int_equal(t.b.tokens[5].flags, TOK_JOINED | TOK_WORD);
    assert_int_equal(t.b.tokens[8].flags, TOK_SPACE_BEFORE | TOK_WORD);
    assert_int_equal(t.b.tokens[9].flags, TOK_JOINED | TOK_WORD | TOK_UPPER);
    assert_int_equal(t.b.tokens[13].flags, TOK_JOINED | TOK_NUMBER | TOK_HAS_DIGIT);
    assert_int_equal(t.b.tokens[16].flags, TOK_JOINED | TOK_NUMBER | TOK_HAS_DIGIT);
    token_buf_free(&t.b);

    /* a free-standing dash is a punctuation token, not a join */
    t = tok("Iran - Russia");
    assert_int_equal(t.b.n, 3);
    assert_int_equal(t.b.tokens[1].flags, TOK_SPACE_BEFORE | TOK_PUNCT);
    assert_int_equal(t.b.tokens[2].flags, TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER);
    token_buf_free(&t.b);
}

static void test_abbreviations_and_numbers(void **state)
{
    (void)state;
    toks t = tok("The U.S. and U.N. paid 3.5 or 2,000 at 5 p.m. on 1.2.3");
    const char *want[] = {"The", "U.S.", "and", "U.N.", "paid", "3.5", "or", "2,000", "at",
                          "5", "p.m.", "on", "1.2.3"};
    assert_int_equal(t.b.n, sizeof want / sizeof *want);
    for (size_t i = 0; i < t.b.n; i++)
        assert_string_equal(tok_text(&t, i), want[i]);
    assert_int_equal(t.b.tokens[1].flags,
                     TOK_SPACE_BEFORE | TOK_WORD | TOK_UPPER | TOK_ALLCAPS | TOK_ABBREV);
    assert_string_equal(tok_key(&t, 1), "u.s.");
    assert_int_equal(t.b.tokens[5].flags, TOK_SPACE_BEFORE | TOK_NUMBER | TOK_HAS_DIGIT);
    assert_int_equal(t.b.tokens[7].flags, TOK_SPACE_BEFORE | TOK_NUMBER | TOK_HAS_DIGIT);
    assert_true(t.b.tokens[10].flags & TOK_ABBREV);
    token_buf_free(&t.b);

    /* a sentence-final period after a plain word is its own token */
    t = tok("Tehran.");
    assert_int_equal(t.b.n, 2);
    assert_string_equal(tok_text(&t, 1), ".");
    assert_int_equal(t.b.tokens[1].flags, TOK_PUNCT);
    token_buf_free(&t.b);
}

static void test_newline_flag_and_long_token(void **state)
{
    (void)state;
    toks t = tok("Alpha\nBeta Gamma");
    assert_int_equal(t.b.n, 3);
    assert_true(t.b.tokens[1].flags & TOK_NEWLINE_BEFORE);
    assert_false(t.b.tokens[2].flags & TOK_NEWLINE_BEFORE);
    token_buf_free(&t.b);

    /* a token longer than NERC_MAX_TOKEN_BYTES keeps its span, its key is cut */
    size_t n = 3000;
    char *big = malloc(n + 1);
    memset(big, 'Q', n);
    big[n] = '\0';
    t = tok(big);
    assert_int_equal(t.b.n, 1);
    assert_int_equal(t.b.tokens[0].end, n);
    assert_int_equal(t.b.tokens[0].key_len, NERC_MAX_TOKEN_BYTES);
    token_buf_free(&t.b);
    /* with 3-byte characters (U+4E2D, kept as is by the key) the key is cut on a character
     * boundary: 85 characters, 255 bytes */
    for (size_t i = 0; i + 3 <= n; i += 3)
        memcpy(big + i, "\xE4\xB8\xAD", 3);
    t = tok(big);
    assert_int_equal(t.b.n, 1);
    assert_int_equal(t.b.tokens[0].key_len, 255);
    assert_memory_equal(t.b.keys + t.b.tokens[0].key, big, 255);
    assert_int_equal(t.b.tokens[0].end, n);
    token_buf_free(&t.b);
    free(big);
}

/* ----------------------------------------------------- sentence ends */

static void test_sentence_ends(void **state)
{
    (void)state;
    ASSERT_SENTENCES("The U.S. envoy arrived. He left.", "The U.S. envoy arrived.|He left.");
    ASSERT_SENTENCES("They met in the U.S. The talks ended.",
                     "They met in the U.S.|The talks ended.");
    ASSERT_SENTENCES("Gen. Ortiz spoke. Talks ended.", "Gen. Ortiz spoke.|Talks ended.");
    ASSERT_SENTENCES("On Jan. 17 the pact was signed. Nobody came.",
                     "On Jan. 17 the pact was signed.|Nobody came.");
    ASSERT_SENTENCES("Lt. Col. Ames arrived. He spoke.", "Lt. Col. Ames arrived.|He spoke.");
    ASSERT_SENTENCES("Dr. Vale spoke first.", "Dr. Vale spoke first.");
    ASSERT_SENTENCES("John F. Kennedy spoke. Then Nixon.", "John F. Kennedy spoke.|Then Nixon.");
    ASSERT_SENTENCES("It costs 3.5 billion. It rose.", "It costs 3.5 billion.|It rose.");
    ASSERT_SENTENCES("He said \"no.\" Then he left.", "He said \"no.\"|Then he left.");
    ASSERT_SENTENCES("He asked (why?) and left.", "He asked (why?) and left.");
    ASSERT_SENTENCES("Really?! Yes. Wait... Go.", "Really?!|Yes.|Wait...|Go.");
    ASSERT_SENTENCES("A Heading Without A Stop\nThe body starts here.",
                     "A Heading Without A Stop|The body starts here.");
    ASSERT_SENTENCES("a line that\ncontinues here.", "a line that\ncontinues here.");
    ASSERT_SENTENCES("First part.\nsecond part.", "First part.|second part.");
    ASSERT_SENTENCES("Para one\n\npara two", "Para one|para two");
    ASSERT_SENTENCES("in the U.S. and abroad.", "in the U.S. and abroad.");
    ASSERT_SENTENCES("end of text", "end of text");
    ASSERT_SENTENCES("Windows line.\r\nNext line.\r\n", "Windows line.|Next line.");
}

static void test_sentence_numbering_and_offsets(void **state)
{
    (void)state;
    static const char T[] = "One here. Two there.\n\nThree.";
    split_result r = split_text(T, sizeof T - 1, 0, 0);
    assert_int_equal(r.n, 3);
    size_t want[3][3] = {{1, 0, 9}, {2, 10, 20}, {3, 22, 28}};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(r.s[i].index, want[i][0]);
        assert_int_equal(r.s[i].start, want[i][1]);
        assert_int_equal(r.s[i].end, want[i][2]);
        assert_memory_equal(r.s[i].text, T + r.s[i].start, r.s[i].end - r.s[i].start);
    }
    free_result(&r);
}

/* ---------------------------------------------------- the 64 KiB cut */

static void test_long_sentence_cut(void **state)
{
    (void)state;
    /* "word " repeated, no stop: cut at the last space before 64 KiB */
    size_t n = 100000;
    char *t = malloc(n);
    for (size_t i = 0; i < n; i++)
        t[i] = "word "[i % 5];
    split_result r = split_text(t, n, 0, 0);
    assert_int_equal(r.cuts, 1);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.s[0].start, 0);
    assert_int_equal(r.s[0].end, 65534);      /* the space at 65534 is trimmed */
    assert_int_equal(r.s[1].start, 65535);
    assert_int_equal(r.s[1].end, n - 1);
    assert_int_equal(r.s[0].n_toks, 65535 / 5);
    split_result c = split_text(t, n, 4093, 0);
    assert_same(&r, &c);
    free_result(&c);
    c = split_text(t, n, SIZE_MAX, 7);
    assert_same(&r, &c);
    free_result(&c);
    free_result(&r);

    /* no space at all, 3-byte characters: cut on a character boundary */
    for (size_t i = 0; i + 3 <= n; i += 3)
        memcpy(t + i, "\xE2\x82\xAC", 3);
    size_t m = n - n % 3;
    r = split_text(t, m, 0, 0);
    assert_int_equal(r.cuts, 1);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.s[0].end, 65535);
    assert_int_equal(r.s[1].start, 65535);
    assert_int_equal(r.s[1].end, m);
    assert_int_equal(r.invalid, 0);
    free_result(&r);
    free(t);
}

/* Long runs after a stop (spaces, stops, quotes) used to be rescanned on every feed
 * and held in memory until their end (quadratic time for a 200 MB line); the splitter
 * now looks a bounded distance ahead, identically for every chunking. */
static void test_long_runs_after_a_stop(void **state)
{
    (void)state;
    const char fill[] = {' ', '.', '"', '\n', '!'};
    size_t n = 300000;
    char *t = malloc(n + 8);
    for (size_t f = 0; f < sizeof fill; f++) {
        t[0] = 'A';
        t[1] = '.';
        memset(t + 2, fill[f], n - 2);
        memcpy(t + n, " Next.", 6);
        split_result whole = split_text(t, n + 6, 0, 0);
        assert_true(whole.n >= 2);
        if (fill[f] == ' ' || fill[f] == '\n')
            assert_string_equal(whole.s[0].text, "A.");
        else
            assert_memory_equal(whole.s[0].text, "A.", 2);
        assert_string_equal(whole.s[whole.n - 1].text + strlen(whole.s[whole.n - 1].text) - 5,
                            "Next.");
        for (size_t i = 0; i < whole.n; i++)
            assert_true(whole.s[i].end - whole.s[i].start <= NERC_MAX_SENTENCE_BYTES);
        split_result chunked = split_text(t, n + 6, 65536, 0);
        assert_same(&whole, &chunked);
        free_result(&chunked);
        chunked = split_text(t, n + 6, SIZE_MAX, 3);
        assert_same(&whole, &chunked);
        free_result(&chunked);
        free_result(&whole);
    }
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chunk_invariance),
        cmocka_unit_test(test_curly_quote_cut_by_chunk),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_bad_bytes_at_every_offset),
        cmocka_unit_test(test_empty_and_whitespace),
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_ascii_and_general_paths_agree),
        cmocka_unit_test(test_possessives),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_abbreviations_and_numbers),
        cmocka_unit_test(test_newline_flag_and_long_token),
        cmocka_unit_test(test_sentence_ends),
        cmocka_unit_test(test_sentence_numbering_and_offsets),
        cmocka_unit_test(test_long_sentence_cut),
        cmocka_unit_test(test_long_runs_after_a_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
