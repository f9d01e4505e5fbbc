/* test_tagger.c - model loading, errors, tagging with the shipped model, determinism. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "nerc.h"
#include "tagger.h"
#include "tokenizer.h"

#ifndef NERC_SOURCE_DIR
#define NERC_SOURCE_DIR "."
#endif
#define SHIPPED_MODEL NERC_SOURCE_DIR "/models/ner.model"

/* Write text to a fresh temporary file; the caller unlinks path. */
static void write_temp(char *path, size_t len, const char *text)
{
    snprintf(path, len, "/tmp/nerc_test_tagger_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

typedef struct tagged {
    token_buf tb;
    tagger_span spans[64];
    int n;
} tagged;

/* The title list is searched by halves: words at both ends, in the middle, and near
 * misses. */
static void test_title_words(void **state)
{
    (void)state;
    const char *yes[] = {"adm", "vice", "coach", "cmdr", "congresswoman", "mr.", "gen.",
                         "president", "sultan", "ms"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_int_equal(tagger_is_title(yes[i], strlen(yes[i])), 1);
    const char *no[] = {"", ".", "a", "ad", "presiden", "presidents", "vicar", "zzz",
                        "mr..", "generally"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_int_equal(tagger_is_title(no[i], strlen(no[i])), 0);
    assert_int_equal(tagger_is_title("president of", 9), 1); /* only n bytes count */
}

static void tag_text(const tagger *t, tagger_scratch *s, const char *text, tagged *out)
{
    token_buf_init(&out->tb);
    assert_int_equal(tokenize(text, strlen(text), &out->tb), 0);
    out->n = tagger_tag(t, s, text, out->tb.tokens, out->tb.n, out->tb.keys, NULL, out->spans,
                        64);
    assert_true(out->n >= 0);
}

/* Whether a span of `type` covers exactly the bytes of `name` in text. */
static int has_span(const tagged *g, const char *text, const char *name, int type)
{
    const char *p = strstr(text, name);
    assert_non_null(p);
    size_t a = (size_t)(p - text), b = a + strlen(name);
    for (int i = 0; i < g->n && i < 64; i++) {
        const tagger_span *sp = &g->spans[i];
        if (sp->type == type && g->tb.tokens[sp->first_token].start == a &&
            g->tb.tokens[sp->last_token].end == b)
            return 1;
    }
    return 0;
}

static void test_tiny_model(void **state)
{
    (void)state;
    /* Every bucket favours B-PER: each token becomes a one-token PERSON span. */
    size_t cap = 64 + 1024 * 20;
    char *text = malloc(cap), *p = text;
    assert_non_null(text);
    p += sprintf(p, "# tiny test model\nnerc-tagger 1\nbits 10\nscale 0.5\nweights 1024\n");
    for (int i = 0; i < 1024; i++)
        p += sprintf(p, "%d 0 2 0 0 0 0 0\n", i == 0 ? 0 : 1);
    sprintf(p, "end\n");
    char path[64];
    write_temp(path, sizeof path, text);
    free(text);

    tagger *t = NULL;
    char err[256] = "";
    assert_int_equal(tagger_load(path, &t, err, sizeof err), 0);
    unlink(path);
    assert_non_null(t);
    assert_int_equal(tagger_nonzero(t), 1024);

    tagger_scratch *s = tagger_scratch_new();
    assert_non_null(s);
    tagged g;
    tag_text(t, s, "Hello big world", &g);
    assert_int_equal(g.n, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(g.spans[i].type, NERC_PERSON);
        assert_int_equal(g.spans[i].first_token, (uint32_t)i);
        assert_int_equal(g.spans[i].last_token, (uint32_t)i);
        assert_true(g.spans[i].confidence > 0.5f && g.spans[i].confidence <= 1.0f);
    }
    /* cap smaller than the count: the count is still returned */
    tagger_span one;
    assert_int_equal(tagger_tag(t, s, "Hello big world", g.tb.tokens, g.tb.n, g.tb.keys, NULL,
                                &one, 1),
                     3);
    token_buf_free(&g.tb);
    tagger_scratch_free(s);
    tagger_free(t);
}

/* Saving writes format 2 (fixed-width base64url lines); loading it gives the same model. */
static void test_format2_round_trip(void **state)
{
    (void)state;
    char path[64];
    write_temp(path, sizeof path,
               "nerc-tagger 1\nbits 10\nscale 0.5\nweights 3\n"
               "5 0 4 0 -2 0 0 1\n"
               "100 -131072 0 0 0 0 0 131071\n"
               "918 0 0 0 0 0 6 0\nend\n");
    tagger *t = NULL, *t2 = NULL;
    char err[256] = "";
    assert_int_equal(tagger_load(path, &t, err, sizeof err), 0);
    assert_int_equal(tagger_nonzero(t), 3);
    assert_int_equal(tagger_save(t, path, err, sizeof err), 0);
    char buf[512] = "";
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t got = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[got] = '\0';
    /* bucket 5: delta AAAF, then q + 2^17 in 3 digits each (0 -> gAA, 4 -> gAE, -2 -> f_-) */
    assert_string_equal(buf, "nerc-tagger 2\nbits 10\nscale 0.5\nweights 3\n"
                             "AAAFgAAgAEgAAf_-gAAgAAgAB\n"
                             "AABkAAAgAAgAAgAAgAAgAA___\n"
                             "AAOWgAAgAAgAAgAAgAAgAGgAA\n"
                             "end\n");
    assert_int_equal(tagger_load(path, &t2, err, sizeof err), 0);
    assert_int_equal(tagger_nonzero(t2), 3);
    assert_int_equal(tagger_save(t2, path, err, sizeof err), 0);
    char buf2[512] = "";
    f = fopen(path, "r");
    assert_non_null(f);
    got = fread(buf2, 1, sizeof buf2 - 1, f);
    fclose(f);
    buf2[got] = '\0';
    assert_string_equal(buf, buf2);
    unlink(path);
    tagger_free(t);
    tagger_free(t2);

    /* a bad digit or a short line names its line */
    write_temp(path, sizeof path, "nerc-tagger 2\nbits 10\nscale 1\nweights 2\n"
                                  "AAAFgAAgAEgAAf_-gAAgAAgAB\nAAAFgAAgAEgAAf_*gAAgAAgAB\nend\n");
    assert_int_equal(tagger_load(path, &t, err, sizeof err), NERC_EFORMAT);
    assert_null(t);
    char want[128];
    snprintf(want, sizeof want, "%s:6:", path);
    assert_non_null(strstr(err, want));
    unlink(path);
    write_temp(path, sizeof path, "nerc-tagger 2\nbits 10\nscale 1\nweights 1\n"
                                  "AAAFgAAgAEgAAf_-gAAgAA\nend\n");
    assert_int_equal(tagger_load(path, &t, err, sizeof err), NERC_EFORMAT);
    snprintf(want, sizeof want, "%s:5:", path);
    assert_non_null(strstr(err, want));
    unlink(path);
    /* bucket beyond 2^bits */
    write_temp(path, sizeof path, "nerc-tagger 2\nbits 10\nscale 1\nweights 1\n"
                                  "AAQAgAAgAEgAAf_-gAAgAAgAB\nend\n");
    assert_int_equal(tagger_load(path, &t, err, sizeof err), NERC_EFORMAT);
    assert_non_null(strstr(err, "bucket out of range"));
    unlink(path);
}

static void test_malformed_model(void **state)
{
    (void)state;
    char path[64];
    write_temp(path, sizeof path,
               "nerc-tagger 1\nbits 10\nscale 1\nweights 2\n0 1 2 3 4 5 6 7\n1 1 2 x\nend\n");
    tagger *t = NULL;
    char err[512] = "";
    assert_int_equal(tagger_load(path, &t, err, sizeof err), NERC_EFORMAT);
    assert_null(t);
    char want[128];
    snprintf(want, sizeof want, "%s:6:", path);
    assert_non_null(strstr(err, want));
    unlink(path);

    write_temp(path, sizeof path, "nerc-tagger 1\nbits 99\n");
    assert_int_equal(tagger_load(path, &t, err, sizeof err), NERC_EFORMAT);
    snprintf(want, sizeof want, "%s:2:", path);
    assert_non_null(strstr(err, want));
    unlink(path);

    write_temp(path, sizeof path, "nerc-tagger 1\nbits 10\nscale 1\nweights 1\n0 1 1 1 1 1 1 1\n");
    assert_int_equal(tagger_load(path, &t, err, sizeof err), NERC_EFORMAT);
    assert_non_null(strstr(err, "expected 'end'"));
    unlink(path);

    assert_int_equal(tagger_load("/nonexistent/ner.model", &t, err, sizeof err), NERC_EIO);
    assert_null(t);
}

static void test_shipped_model(void **state)
{
    (void)state;
    tagger *t = NULL;
    char err[512] = "";
    assert_int_equal(tagger_load(SHIPPED_MODEL, &t, err, sizeof err), 0);
    tagger_scratch *s = tagger_scratch_new();
    assert_non_null(s);

    const char *a = "Vladimir Putin met Angela Merkel in Berlin on Tuesday.";
    tagged g;
    tag_text(t, s, a, &g);
    assert_true(has_span(&g, a, "Vladimir Putin", NERC_PERSON));
    assert_true(has_span(&g, a, "Angela Merkel", NERC_PERSON));
    assert_true(has_span(&g, a, "Berlin", NERC_LOCATION));
    assert_int_equal(g.n, 3);
    token_buf_free(&g.tb);

    const char *b = "The United Nations said the European Union would send aid to Sudan.";
    tag_text(t, s, b, &g);
    assert_true(has_span(&g, b, "United Nations", NERC_ORG));
    assert_true(has_span(&g, b, "European Union", NERC_ORG));
    assert_true(has_span(&g, b, "Sudan", NERC_LOCATION));
    token_buf_free(&g.tb);

    /* a window: only tokens [lo, hi] are decoded; here tokens 3-4 ("Angela Merkel") */
    {
        token_buf tb;
        token_buf_init(&tb);
        assert_int_equal(tokenize(a, strlen(a), &tb), 0);
        tagger_span sp[8];
        tagger_scratch_reset(s);
        int n = tagger_tag_window(t, s, a, tb.tokens, tb.n, tb.keys, NULL, 3, 4, sp, 8);
        assert_int_equal(n, 1);
        assert_int_equal(sp[0].first_token, 3);
        assert_int_equal(sp[0].last_token, 4);
        assert_int_equal(sp[0].type, NERC_PERSON);
        token_buf_free(&tb);
    }

    /* several windows: tokens 0-1 and 3-4 are decoded, "Berlin" (token 6) is not;
     * an overlapping window is cut where the one before it ends */
    {
        token_buf tb;
        token_buf_init(&tb);
        assert_int_equal(tokenize(a, strlen(a), &tb), 0);
        tagger_span sp[8];
        tagger_window win[3] = {{0, 1}, {3, 4}, {4, 5}};
        tagger_scratch_reset(s);
        int n = tagger_tag_windows(t, s, a, tb.tokens, tb.n, tb.keys, NULL, win, 3, sp, 8);
        assert_int_equal(n, 2);
        assert_int_equal(sp[0].first_token, 0);
        assert_int_equal(sp[0].last_token, 1);
        assert_int_equal(sp[0].type, NERC_PERSON);
        assert_int_equal(sp[1].first_token, 3);
        assert_int_equal(sp[1].last_token, 4);
        assert_int_equal(sp[1].type, NERC_PERSON);
        /* no windows: nothing is decoded */
        assert_int_equal(tagger_tag_windows(t, s, a, tb.tokens, tb.n, tb.keys, NULL, NULL, 0,
                                            sp, 8), 0);
        token_buf_free(&tb);
    }

    /* document memory: a name tagged earlier in the document keeps its type */
    const char *c1 = "Talks were held with Zorvath Industries in Geneva on Monday.";
    const char *c2 = "Zorvath said it would hire 200 workers.";
    tagger_scratch_reset(s);
    tag_text(t, s, c1, &g);
    assert_true(has_span(&g, c1, "Zorvath Industries", NERC_ORG));
    token_buf_free(&g.tb);
    tag_text(t, s, c2, &g);
    assert_true(has_span(&g, c2, "Zorvath", NERC_ORG));
    token_buf_free(&g.tb);
    tagger_scratch_reset(s); /* a new document: no memory of Zorvath Industries */
    tag_text(t, s, c2, &g);
    assert_false(has_span(&g, c2, "Zorvath", NERC_ORG));
    token_buf_free(&g.tb);

    /* no tokens, no spans */
    assert_int_equal(tagger_tag(t, s, "", NULL, 0, "", NULL, NULL, 0), 0);
    tagger_scratch_free(s);
    tagger_free(t);
}

static void test_deterministic(void **state)
{
    (void)state;
    tagger *t = NULL;
    char err[512] = "";
    assert_int_equal(tagger_load(SHIPPED_MODEL, &t, err, sizeof err), 0);
    tagger_scratch *s1 = tagger_scratch_new(), *s2 = tagger_scratch_new();
    /* s1 tags a sentence first, s2 starts fresh */
    assert_non_null(s1);
    assert_non_null(s2);
    const char *text = "Officials in Tehran said Iran would keep talking to the "
                       "International Atomic Energy Agency, Foreign Minister Abbas Araghchi said.";
    tagged g1, g2, g3;
    tag_text(t, s1, text, &g1);
    /* a longer sentence in between must not leave state behind in the scratch */
    tag_text(t, s1, "A much longer sentence about Washington, Moscow, Beijing, London, Paris, "
                    "Berlin, Rome, Madrid and Tokyo, with many more words than before.",
             &g3);
    /* after a reset (a new document) the scratch holds nothing from before */
    tagger_scratch_reset(s1);
    tag_text(t, s1, text, &g2);
    assert_int_equal(g1.n, g2.n);
    assert_memory_equal(g1.spans, g2.spans, (size_t)g1.n * sizeof *g1.spans);
    token_buf_free(&g2.tb);
    tag_text(t, s2, text, &g2);
    assert_int_equal(g1.n, g2.n);
    assert_memory_equal(g1.spans, g2.spans, (size_t)g1.n * sizeof *g1.spans);
    for (int i = 0; i < g1.n; i++)
        assert_true(g1.spans[i].confidence >= 0.0f && g1.spans[i].confidence <= 1.0f);
    token_buf_free(&g1.tb);
    token_buf_free(&g2.tb);
    token_buf_free(&g3.tb);
    tagger_scratch_free(s1);
    tagger_scratch_free(s2);
    tagger_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tiny_model),
        cmocka_unit_test(test_format2_round_trip),
        cmocka_unit_test(test_title_words),
        cmocka_unit_test(test_malformed_model),
        cmocka_unit_test(test_shipped_model),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
