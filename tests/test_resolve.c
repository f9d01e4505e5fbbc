/* test_resolve.c - the conflict policy between candidate mentions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "resolve.h"

static candidate C(uint32_t s, uint32_t e, nerc_type t, int prio, nerc_source src, const char *v)
{
    candidate c;
    memset(&c, 0, sizeof c);
    c.start = s;
    c.end = e;
    c.type = t;
    c.priority = prio;
    c.source = src;
    c.value = v;
    c.confidence = 0.5f;
    return c;
}

/* The kept candidates as "start-end:value" joined by spaces. */
static const char *kept(candidate *c, size_t n)
{
    static char out[512];
    size_t k = resolve(c, n);
    out[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        char one[64];
        snprintf(one, sizeof one, "%s%u-%u:%s", i ? " " : "", c[i].start, c[i].end, c[i].value);
        strcat(out, one);
    }
    return out;
}

static void test_longest_first(void **state)
{
    (void)state;
    candidate c[] = {
        C(9, 14, NERC_PERSON, 90, NERC_SRC_GAZETTEER, "short-high-priority"),
        C(0, 14, NERC_PERSON, 10, NERC_SRC_RULE, "long-rule"),
        C(15, 20, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "after"),
    };
    assert_string_equal(kept(c, 3), "0-14:long-rule 15-20:after");
}

static void test_model_only_fills_gaps(void **state)
{
    (void)state;
    candidate c[] = {
        C(0, 30, NERC_ORG, 100, NERC_SRC_MODEL, "long-model"),
        C(9, 14, NERC_PERSON, 10, NERC_SRC_DATE, "short-date"),
        C(20, 40, NERC_PERSON, 10, NERC_SRC_MODEL, "model-gap"),
        C(40, 48, NERC_LOCATION, 10, NERC_SRC_MODEL, "model-a"),
        C(41, 49, NERC_LOCATION, 10, NERC_SRC_MODEL, "model-b"),
    };
    /* every non-model candidate is placed before any model one; among model spans
     * the usual order applies (longest, then leftmost) */
    assert_string_equal(kept(c, 5), "9-14:short-date 20-40:model-gap 40-48:model-a");
}

static void test_then_priority(void **state)
{
    (void)state;
    candidate c[] = {
        C(0, 6, NERC_ORG, 60, NERC_SRC_GAZETTEER, "gaz60"),
        C(0, 6, NERC_WEAPON, 70, NERC_SRC_RULE, "rule70"),
        C(0, 6, NERC_PERSON, 65, NERC_SRC_ALIAS, "alias65"),
    };
    assert_string_equal(kept(c, 3), "0-6:rule70");
}

static void test_then_source(void **state)
{
    (void)state;
    /* equal span and priority: gazetteer > alias > rule > date > model */
    const nerc_source order[] = {NERC_SRC_MODEL, NERC_SRC_DATE, NERC_SRC_RULE, NERC_SRC_ALIAS,
                                 NERC_SRC_GAZETTEER};
    const char *names[] = {"model", "date", "rule", "alias", "gazetteer"};
    for (size_t best = 0; best < 5; best++) {
        candidate c[5];
        for (size_t i = 0; i <= best; i++)
            c[i] = C(2, 8, NERC_ORG, 50, order[i], names[i]);
        char want[32];
        snprintf(want, sizeof want, "2-8:%s", names[best]);
        assert_string_equal(kept(c, best + 1), want);
    }
}

static void test_then_type(void **state)
{
    (void)state;
    /* equal span, priority and source: DATE > AGREEMENT > WEAPON > ORG > PERSON > LOCATION */
    const nerc_type order[] = {NERC_LOCATION, NERC_PERSON, NERC_ORG, NERC_WEAPON, NERC_AGREEMENT,
                               NERC_DATE};
    const char *names[] = {"loc", "per", "org", "wea", "agr", "dat"};
    for (size_t best = 0; best < 6; best++) {
        candidate c[6];
        for (size_t i = 0; i <= best; i++)
            c[best - i] = C(0, 4, order[i], 60, NERC_SRC_GAZETTEER, names[i]);
        char want[32];
        snprintf(want, sizeof want, "0-4:%s", names[best]);
        assert_string_equal(kept(c, best + 1), want);
    }
}

static void test_then_leftmost(void **state)
{
    (void)state;
    candidate c[] = {
        C(3, 8, NERC_ORG, 50, NERC_SRC_RULE, "right"),
        C(0, 5, NERC_ORG, 50, NERC_SRC_RULE, "left"),
        C(6, 11, NERC_ORG, 50, NERC_SRC_RULE, "far"),
    };
    /* left wins over right; far does not touch left, so it stays */
    assert_string_equal(kept(c, 3), "0-5:left 6-11:far");
}

static void test_non_overlap_and_sorted_output(void **state)
{
    (void)state;
    candidate c[] = {
        C(40, 45, NERC_DATE, 70, NERC_SRC_DATE, "e"),
        C(10, 20, NERC_ORG, 60, NERC_SRC_GAZETTEER, "b"),
        C(20, 25, NERC_PERSON, 60, NERC_SRC_GAZETTEER, "c"), /* touches b: kept */
        C(0, 10, NERC_LOCATION, 60, NERC_SRC_GAZETTEER, "a"), /* touches b: kept */
        C(15, 30, NERC_PERSON, 10, NERC_SRC_RULE, "x"),      /* longest: beats b and c */
        C(30, 31, NERC_ORG, 60, NERC_SRC_RULE, "d"),
        C(7, 7, NERC_ORG, 90, NERC_SRC_RULE, "empty"),       /* empty spans never kept */
        C(9, 3, NERC_ORG, 90, NERC_SRC_RULE, "inverted"),
    };
    assert_string_equal(kept(c, 8), "0-10:a 15-30:x 30-31:d 40-45:e");
    /* invariant: the kept spans are disjoint and in order */
    assert_int_equal(resolve(c, 0), 0);
}

static void test_many_candidates(void **state)
{
    (void)state;
    /* 300 nested spans around one point: only the widest survives; 300 disjoint
     * one-byte spans elsewhere all survive, in order */
    candidate c[600];
    for (uint32_t i = 0; i < 300; i++) {
        c[i] = C(1000 - i, 1001 + i, NERC_ORG, 50, NERC_SRC_RULE, "nest");
        c[300 + i] = C(2000 + 2 * (299 - i), 2001 + 2 * (299 - i), NERC_PERSON, 50,
                       NERC_SRC_MODEL, "dot");
    }
    size_t k = resolve(c, 600);
    assert_int_equal(k, 301);
    assert_int_equal(c[0].start, 701);
    assert_int_equal(c[0].end, 1300);
    for (size_t i = 1; i < k; i++) {
        assert_int_equal(c[i].start, 2000 + 2 * (i - 1));
        assert_true(c[i - 1].end <= c[i].start);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longest_first),
        cmocka_unit_test(test_model_only_fills_gaps),
        cmocka_unit_test(test_then_priority),
        cmocka_unit_test(test_then_source),
        cmocka_unit_test(test_then_type),
        cmocka_unit_test(test_then_leftmost),
        cmocka_unit_test(test_non_overlap_and_sorted_output),
        cmocka_unit_test(test_many_candidates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
