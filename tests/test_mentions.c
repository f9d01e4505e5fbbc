/* test_mentions.c - titles out of spans, bracketed acronyms, learnt short forms, teams. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "doctable.h"
#include "mentions.h"

typedef struct fixture {
    token_buf tb;
    sentence s;
} fixture;

static void make(fixture *f, const char *text)
{
    token_buf_init(&f->tb);
    assert_int_equal(tokenize(text, strlen(text), &f->tb), 0);
    memset(&f->s, 0, sizeof f->s);
    f->s.index = 1;
    f->s.end = strlen(text);
    f->s.text = text;
    f->s.tokens = f->tb.tokens;
    f->s.n_tokens = f->tb.n;
    f->s.keys = f->tb.keys;
}

static void test_trim_titles(void **state)
{
    (void)state;
    fixture f;
    make(&f, "Lt. Col. Jonas Lindqvist spoke");
    uint32_t first = 0;
    trim_leading_titles(&f.s, &first, 5); /* Lt . Col . Jonas Lindqvist */
    assert_int_equal(first, 4);
    assert_true(is_title_token(&f.s, 0));
    assert_false(is_title_token(&f.s, 4));
    first = 4;
    trim_leading_titles(&f.s, &first, 4); /* never past the last token */
    assert_int_equal(first, 4);
    token_buf_free(&f.tb);
}

static void test_bracketed_acronym(void **state)
{
    (void)state;
    fixture f;
    const char *t = "Sudanese Armed Forces (SAF) and Northern Vell Council (NVC) met Europe (OSCE).";
    make(&f, t);
    candidate c[8] = {
        {0, 21, NERC_ORG, 60, NERC_SRC_GAZETTEER, "Sudanese Armed Forces", NULL, 0.95f},
        {23, 26, NERC_ORG, 10, NERC_SRC_MODEL, "SAF", NULL, 0.8f},
        {32, 53, NERC_ORG, 60, NERC_SRC_GAZETTEER, "Northern Vell Council", NULL, 0.95f},
        {63, 69, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "Europe", NULL, 0.95f},
    };
    size_t n = add_bracket_acronyms(&f.s, c, 4, 8);
    assert_int_equal(n, 5); /* NVC added; SAF re-read; OSCE does not start with E */
    assert_int_equal(c[1].start, 23);
    assert_string_equal(c[1].value, "Sudanese Armed Forces");
    assert_int_equal(c[1].source, NERC_SRC_ALIAS);
    assert_int_equal(c[3].start, 55);
    assert_int_equal(c[3].end, 58);
    assert_string_equal(c[3].value, "Northern Vell Council");
    assert_int_equal(c[4].start, 63);

    doctable *d = doctable_new();
    assert_non_null(d);
    assert_int_equal(learn_aliases(d, &f.s, c, n), 0);
    nerc_type ty;
    assert_string_equal(doctable_get(d, "nvc", 3, &ty), "Northern Vell Council");
    assert_int_equal(ty, NERC_ORG);
    assert_string_equal(doctable_get(d, "saf", 3, &ty), "Sudanese Armed Forces");
    assert_null(doctable_get(d, "osce", 4, &ty));
    doctable_free(d);
    token_buf_free(&f.tb);
}

static void test_learnt_names(void **state)
{
    (void)state;
    fixture f;
    const char *t = "Jonas Lindqvist Jr. met Soong Mei-ling.";
    make(&f, t);
    candidate c[2] = {
        {0, 19, NERC_PERSON, 60, NERC_SRC_GAZETTEER, "Jonas Lindqvist Jr.", NULL, 0.95f},
        {24, 38, NERC_PERSON, 60, NERC_SRC_GAZETTEER, "Soong Mei-ling", NULL, 0.95f},
    };
    doctable *d = doctable_new();
    assert_int_equal(learn_aliases(d, &f.s, c, 2), 0);
    nerc_type ty;
    assert_string_equal(doctable_get(d, "lindqvist", 9, &ty), "Jonas Lindqvist Jr.");
    assert_string_equal(doctable_get(d, "soong", 5, &ty), "Soong Mei-ling");
    assert_null(doctable_get(d, "jr", 2, &ty));
    assert_null(doctable_get(d, "jonas", 5, &ty));
    doctable_free(d);
    token_buf_free(&f.tb);
}

static int retype(doctable *d, const sentence *s, candidate *c)
{
    int err;
    assert_int_equal(team_mentions(d, s, c, 1, 1, &err), 1);
    return err;
}

/* Place names in results lines, fixtures and standings rows name teams (ORG); the
 * same names in prose, datelines and quantities stay places. */
static void test_teams(void **state)
{
    (void)state;
    static const struct {
        const char *text, *place;
        nerc_type want;
    } cases[] = {
        {"Vellmark 3 Ostrava 2 (halftime 1-0)", "Vellmark", NERC_ORG},
        {"Vellmark 3 Ostrava 2 (halftime 1-0)", "Ostrava", NERC_ORG},
        {"Derbyshire 24 points, Vellmark 5.", "Vellmark", NERC_ORG},
        {"Ostrava 214 and 108-3, Vellmark 300", "Ostrava", NERC_ORG},
        {"May 27-29 v Vellmark (three days)", "Vellmark", NERC_ORG},
        {"Ostrava vs. Vellmark", "Ostrava", NERC_ORG},
        {"Standings:\nVELLMARK 70 63 .526 4", "VELLMARK", NERC_ORG},
        {"OSTRAVA AT VELLMARK", "VELLMARK", NERC_ORG},
        {"VELLMARK 1996-08-30", "VELLMARK", NERC_LOCATION},
        {"Vellmark 12 percent, Ostrava 3 percent", "Vellmark", NERC_LOCATION},
        {"Floods hit Vellmark 3 days ago.", "Vellmark", NERC_LOCATION},
        {"He flew from Ostrava to Vellmark at night.", "Vellmark", NERC_LOCATION},
        {"Vellmark 3 1 0 6 1 10\nIn Ostrava 40 people marched.", "Ostrava", NERC_LOCATION},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fixture f;
        make(&f, cases[i].text);
        const char *at = strstr(cases[i].text, cases[i].place);
        assert_non_null(at);
        uint32_t start = (uint32_t)(at - cases[i].text);
        candidate c[1] = {{start, start + (uint32_t)strlen(cases[i].place), NERC_LOCATION, 60,
                           NERC_SRC_GAZETTEER, cases[i].place, NULL, 0.95f}};
        doctable *d = doctable_new();
        assert_int_equal(retype(d, &f.s, c), 0);
        if (c[0].type != cases[i].want)
            fail_msg("case %zu: \"%s\" in \"%s\"", i, cases[i].place, cases[i].text);
        doctable_free(d);
        token_buf_free(&f.tb);
    }
    /* once a team, the name stays one in the document */
    fixture f;
    make(&f, "Vellmark 3 Ostrava 2");
    candidate c[1] = {{0, 8, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "Vellmark", NULL, 0.95f}};
    doctable *d = doctable_new();
    assert_int_equal(retype(d, &f.s, c), 0);
    token_buf_free(&f.tb);
    make(&f, "Vellmark lost to a late goal.");
    c[0] = (candidate){0, 8, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "Vellmark", NULL, 0.95f};
    assert_int_equal(retype(d, &f.s, c), 0);
    assert_int_equal(c[0].type, NERC_ORG);
    doctable_free(d);
    token_buf_free(&f.tb);

    /* names no source read are added in the same places, and remembered */
    make(&f, "Harlequins 75 Vellmark 19\nQueen of South 3 2 0 1 5 4 6");
    candidate e[4] = {{14, 22, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "Vellmark", NULL, 0.95f}};
    d = doctable_new();
    int err;
    assert_int_equal(team_mentions(d, &f.s, e, 1, 4, &err), 3);
    assert_int_equal(err, 0);
    assert_int_equal(e[0].start, 0);
    assert_int_equal(e[0].end, 10);
    assert_int_equal(e[0].type, NERC_ORG);
    assert_int_equal(e[1].type, NERC_ORG);
    assert_int_equal(e[2].start, 26);
    assert_int_equal(e[2].end, 40);
    token_buf_free(&f.tb);
    make(&f, "Harlequins, unbeaten, travel on Saturday.");
    assert_int_equal(team_mentions(d, &f.s, e, 0, 4, &err), 1);
    assert_int_equal(e[0].end, 10);
    doctable_free(d);
    token_buf_free(&f.tb);
}

/* A model name around a list match wins when it only adds name words. */
static void test_model_extends(void **state)
{
    (void)state;
    fixture f;
    const char *t = "The Vellmark Geological Survey and Secretary of State Jonas Lindqvist spoke.";
    make(&f, t);
    candidate c[4] = {
        {4, 12, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "Vellmark", NULL, 0.95f},
        {4, 30, NERC_ORG, 10, NERC_SRC_MODEL, NULL, NULL, 0.8f},
        {53, 68, NERC_PERSON, 60, NERC_SRC_GAZETTEER, "Jonas Lindqvist", NULL, 0.95f},
        {47, 68, NERC_ORG, 10, NERC_SRC_MODEL, NULL, NULL, 0.6f},
    };
    assert_int_equal(model_extends(&f.s, c, 4), 1);
    assert_int_equal(c[0].end, c[0].start); /* Vellmark gives way to the Survey */
    assert_int_equal(c[2].end, 68);         /* "State Jonas Lindqvist" is no name */
    token_buf_free(&f.tb);

    make(&f, "Floods in Vellmark Province and the Vellmark's-run port.");
    candidate d[2] = {
        {10, 18, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "Vellmark", NULL, 0.95f},
        {10, 27, NERC_LOCATION, 10, NERC_SRC_MODEL, NULL, NULL, 0.8f},
    };
    assert_int_equal(model_extends(&f.s, d, 2), 1); /* "Province" is a name word */
    token_buf_free(&f.tb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trim_titles),
        cmocka_unit_test(test_bracketed_acronym),
        cmocka_unit_test(test_learnt_names),
        cmocka_unit_test(test_teams),
        cmocka_unit_test(test_model_extends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
