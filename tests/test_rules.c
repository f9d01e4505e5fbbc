/* test_rules.c - rule files: parsing, validation, canonical templates and limits. */
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
#include "rules.h"
#include "tokenizer.h"

static const char *temp_rules(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/core_rules_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

static void expect_line_error(const char *line, int code, const char *msg)
{
    rule_set *r = rules_new();
    char err[512] = "";
    assert_int_equal(rules_add_line(r, line, "my.rules:7", err, sizeof err), code);
    char want[600];
    snprintf(want, sizeof want, "my.rules:7: %s", msg);
    assert_string_equal(err, want);
    assert_int_equal(rules_count(r), 0);
    rules_free(r);
}

static void test_line_errors(void **state)
{
    (void)state;
    const char *six = "expected 6 TAB-separated fields: name type group priority canonical pattern";
    expect_line_error("x\tPERSON\t0\t50\t-", NERC_EFORMAT, six);
    expect_line_error("x\tPERSON\t0\t50\t-\t", NERC_EFORMAT, six);
    expect_line_error("just a name", NERC_EFORMAT, six);
    expect_line_error("x\tDATE\t0\t50\t-\tabc", NERC_EFORMAT,
                      "unknown type 'DATE' (PERSON, ORG, LOCATION, WEAPON, AGREEMENT or NONE)");
    expect_line_error("x\tDEMONYM\t0\t50\t-\tabc", NERC_EFORMAT,
                      "unknown type 'DEMONYM' (PERSON, ORG, LOCATION, WEAPON, AGREEMENT or NONE)");
    expect_line_error("x\tPERSON\tone\t50\t-\tabc", NERC_EFORMAT, "group must be a number 0-99");
    expect_line_error("x\tPERSON\t100\t50\t-\tabc", NERC_EFORMAT, "group must be a number 0-99");
    expect_line_error("x\tPERSON\t-1\t50\t-\tabc", NERC_EFORMAT, "group must be a number 0-99");
    expect_line_error("x\tPERSON\t0\t101\t-\tabc", NERC_EFORMAT, "priority must be a number 0-100");
    expect_line_error("x\tPERSON\t0\t5x\t-\tabc", NERC_EFORMAT, "priority must be a number 0-100");
    expect_line_error("x\tPERSON\t2\t50\t-\t(a)b", NERC_EFORMAT,
                      "group 2 does not exist (the pattern has 1)");
    expect_line_error("x\tPERSON\t1\t50\t$1 $2\t(a)b", NERC_EFORMAT,
                      "canonical template names a missing group");
    expect_line_error("x\tPERSON\t0\t50\t-\t(abc", NERC_EPATTERN,
                      "pattern error at offset 4: missing closing parenthesis");
    expect_line_error("x\tPERSON\t0\t50\t-\tab[c", NERC_EPATTERN,
                      "pattern error at offset 4: missing terminating ] for character class");
    expect_line_error("x\tPERSON\t0\t50\t-\ta{2,1}", NERC_EPATTERN,
                      "pattern error at offset 5: numbers out of order in {} quantifier");
    /* invalid UTF-8 in a pattern is a pattern error, not a crash (found by fuzz_rules:
     * the pattern was compiled with PCRE2_NO_UTF_CHECK) */
    expect_line_error("x\tPERSON\t0\t50\t-\tSu-\xFF\xFF(\\d)", NERC_EPATTERN,
                      "pattern error at offset 3: UTF-8 error: illegal byte (0xfe or 0xff)");
    expect_line_error("x\tPERSON\t0\t50\t-\tab\xC3", NERC_EPATTERN,
                      "pattern error at offset 2: UTF-8 error: 1 byte missing at end");

    /* duplicate names */
    rule_set *r = rules_new();
    char err[512];
    assert_int_equal(rules_add_line(r, "dup\tORG\t0\t50\t-\tabc", "a:1", err, sizeof err), 0);
    assert_int_equal(rules_add_line(r, "dup\tORG\t0\t50\t-\tdef", "a:2", err, sizeof err),
                     NERC_EFORMAT);
    assert_string_equal(err, "a:2: duplicate rule name 'dup'");
    assert_int_equal(rules_count(r), 1);
    rules_free(r);
}

static void test_file_errors_name_file_and_line(void **state)
{
    (void)state;
    const char *path = temp_rules("# comment\n"
                                  "\n"
                                  "ok.one\tORG\t0\t50\t-\tAcme Group\n"
                                  "bad.two\tORG\t0\t50\t-\t(Acme\n"
                                  "never\tORG\t0\t50\t-\tx\n");
    rule_set *r = rules_new();
    char err[512], want[600];
    assert_int_equal(rules_load_file(r, path, err, sizeof err), NERC_EPATTERN);
    snprintf(want, sizeof want, "%s:4: pattern error at offset 5: missing closing parenthesis", path);
    assert_string_equal(err, want);
    assert_int_equal(rules_count(r), 1);
    rules_free(r);
    unlink(path);

    path = temp_rules("x\tORG\t0\t50\t-\tab\x00" "c\n");
    r = rules_new();
    /* the temp writer stops at the NUL: write the bytes by hand */
    FILE *f = fopen(path, "wb");
    fwrite("x\tORG\t0\t50\t-\tab\0c\n", 1, 18, f);
    fclose(f);
    assert_int_equal(rules_load_file(r, path, err, sizeof err), NERC_EFORMAT);
    snprintf(want, sizeof want, "%s:1: NUL byte in line", path);
    assert_string_equal(err, want);
    rules_free(r);
    unlink(path);

    r = rules_new();
    assert_int_equal(rules_load_file(r, "/nonexistent/core.rules", err, sizeof err), NERC_EIO);
    assert_string_equal(err, "/nonexistent/core.rules: cannot open: No such file or directory");
    rules_free(r);

    /* aligned columns (runs of TABs) and CRLF line ends */
    path = temp_rules("aligned\t\tWEAPON\t\t0\t\t70\t\t-\t\t\tZ-\\d+\r\n");
    r = rules_new();
    assert_int_equal(rules_load_file(r, path, err, sizeof err), 0);
    assert_int_equal(rules_count(r), 1);
    const rule_info *ri = rules_info(r, 0);
    assert_string_equal(ri->name, "aligned");
    assert_int_equal(ri->type, NERC_WEAPON);
    assert_int_equal(ri->group, 0);
    assert_int_equal(ri->priority, 70);
    assert_string_equal(ri->canonical, "-");
    assert_null(rules_info(r, 1));
    rules_free(r);
    unlink(path);
}

/* ------------------------------------------------------------ running */

typedef struct hits {
    char s[2048];
    int stop_after;
    int count;
} hits;

static int collect(void *user, const rule_info *ri, size_t start, size_t end, const char *canon,
                   size_t canon_len)
{
    hits *h = user;
    char one[700];
    assert_int_equal(strlen(canon), canon_len);
    snprintf(one, sizeof one, "%s%s@%zu-%zu=%s", h->s[0] ? "; " : "", ri->name, start, end, canon);
    if (strlen(h->s) + strlen(one) < sizeof h->s)
        strcat(h->s, one);
    h->count++;
    return h->stop_after && h->count >= h->stop_after;
}

static rule_set *rules_of(const char *const *lines, size_t n)
{
    rule_set *r = rules_new();
    char err[512];
    for (size_t i = 0; i < n; i++)
        if (rules_add_line(r, lines[i], "t", err, sizeof err) != 0)
            fail_msg("rule %zu: %s", i, err);
    return r;
}

static const char *run(const rule_set *r, const char *text, int *rc)
{
    static hits h;
    memset(&h, 0, sizeof h);
    rule_scratch *s = rule_scratch_new(r);
    assert_non_null(s);
    *rc = rules_run(r, s, text, strlen(text), collect, &h);
    rule_scratch_free(s);
    return h.s;
}

static void test_canonical_templates_and_groups(void **state)
{
    (void)state;
    const char *lines[] = {
        "weapon.su\tWEAPON\t0\t70\tSukhoi Su-$1\t\\bSu-?(\\d{2})\\b",
        "person.gen\tPERSON\t1\t55\t-\t\\bGen\\. (\\p{Lu}\\p{Ll}+)",
        "org.swap\tORG\t0\t40\t$2 of $1\t\\b(North|South) (Vell)\\b",
        "opt.group\tLOCATION\t0\t40\t[$1|$2]\t\\bCape(?: (Zor))?(?: (Tal))?\\b",
    };
    rule_set *r = rules_of(lines, 4);
    int rc;
    const char *got = run(r, "The Su-35 and Su27 met Gen. Ortiz near North Vell and Cape Tal.", &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(got, "weapon.su@4-9=Sukhoi Su-35; weapon.su@14-18=Sukhoi Su-27; "
                             "person.gen@28-33=Ortiz; org.swap@39-49=Vell of North; "
                             "opt.group@54-62=[|Tal]");
    rules_free(r);
}

static void test_empty_matches_and_utf8_steps(void **state)
{
    (void)state;
    const char *lines[] = {
        "empty\tORG\t0\t10\t-\tx*",
        "caps\tORG\t0\t10\t-\t\\p{Lu}",
    };
    rule_set *r = rules_of(lines, 2);
    int rc;
    /* empty matches are never emitted; matching steps over whole characters */
    assert_string_equal(run(r, "\xC3\x89" "a\xC3\x9C" "B", &rc),
                        "caps@0-2=\xC3\x89; caps@3-5=\xC3\x9C; caps@5-6=B");
    assert_int_equal(rc, 0);
    assert_string_equal(run(r, "", &rc), "");
    rules_free(r);
}

static void test_canonical_is_capped(void **state)
{
    (void)state;
    const char *lines[] = {"long\tORG\t0\t10\t-\tQ+"};
    rule_set *r = rules_of(lines, 1);
    char *text = malloc(3001);
    memset(text, 'Q', 3000);
    text[3000] = '\0';
    hits h = {0};
    rule_scratch *s = rule_scratch_new(r);
    assert_int_equal(rules_run(r, s, text, 3000, collect, &h), 0);
    assert_int_equal(h.count, 1);
    /* span 0-3000, canonical cut to 511 bytes */
    assert_memory_equal(h.s, "long@0-3000=QQQ", 15);
    assert_int_equal(strlen(h.s), strlen("long@0-3000=") + 511);
    rule_scratch_free(s);
    rules_free(r);
    free(text);
}

static void test_catastrophic_pattern_hits_the_limit(void **state)
{
    (void)state;
    const char *lines[] = {
        "bad\tORG\t0\t10\t-\t(a+)+$",
        "nested\tORG\t0\t10\t-\t(?:(?:a|aa)+)+c",
        "fine\tORG\t0\t10\t-\tb",
    };
    rule_set *r = rules_of(lines, 3);
    size_t n = 50000;
    char *text = malloc(n + 2);
    memset(text, 'a', n);
    text[n] = 'b';
    text[n + 1] = '\0';
    int rc;
    const char *got = run(r, text, &rc);
    assert_int_equal(rc, NERC_ELIMIT);
    /* the other rules still ran */
    char want[64];
    snprintf(want, sizeof want, "fine@%zu-%zu=b", n, n + 1);
    assert_string_equal(got, want);
    rules_free(r);
    free(text);
}

static void test_callback_stops(void **state)
{
    (void)state;
    const char *lines[] = {"caps\tORG\t0\t10\t-\t\\p{Lu}"};
    rule_set *r = rules_of(lines, 1);
    hits h = {0};
    h.stop_after = 2;
    rule_scratch *s = rule_scratch_new(r);
    assert_int_equal(rules_run(r, s, "ABCD", 4, collect, &h), NERC_ECALLBACK);
    assert_int_equal(h.count, 2);
    rule_scratch_free(s);
    rules_free(r);
}

/* Select and run the rules of r on each text (then free r): the matches must be want[i]. */
static void expect_selected(rule_set *r, const char *const *texts, const char *const *want,
                            size_t n)
{
    rule_scratch *s = rule_scratch_new(r);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++) {
        token_buf tb;
        token_buf_init(&tb);
        assert_int_equal(tokenize(texts[i], strlen(texts[i]), &tb), 0);
        rules_select(r, s, tb.keys, tb.tokens, tb.n);
        hits h = {0};
        assert_int_equal(rules_run(r, s, texts[i], strlen(texts[i]), collect, &h), 0);
        assert_string_equal(h.s, want[i]);
        token_buf_free(&tb);
    }
    rule_scratch_free(s);
    rules_free(r);
}

static void test_cue_selection(void **state)
{
    (void)state;
    const char *lines[] = {
        "cued\tLOCATION\t0\t45\t-\t(?#cues:treaty,pact)\\bVell\\b",
        "always\tORG\t0\t10\t-\tAcme",
    };
    rule_set *r = rules_of(lines, 2);
    const char *texts[] = {"The Vell Treaty and Acme.", "The Vell Accord and Acme.",
                           "The Vell PACT and Acme.", "Vell signed the pact, then Vell left."};
    /* the cued rule would match "Vell" in all of them: it runs only where a cue is, and
     * seeks no match that starts after the last cue token (its matches hold a cue) */
    const char *want[] = {"cued@4-8=Vell; always@20-24=Acme", "always@20-24=Acme",
                          "cued@4-8=Vell; always@18-22=Acme", "cued@0-4=Vell"};
    expect_selected(r, texts, want, 4);
}

/* What a token offers besides its key: a head of letters (B52H: b) or of digits and
 * letters (2S19: 2s), a singular (Tomahawks: tomahawk), and #joined-number for a
 * number hyphenated to the word before it. */
static void test_cue_heads(void **state)
{
    (void)state;
    const char *lines[] = {
        "letters\tWEAPON\t0\t50\t-\t(?#cues:b)\\S+\\sdrill\\b",
        "digits\tWEAPON\t0\t50\t-\t(?#cues:2s)\\S+\\sdrill\\b",
        "plural\tWEAPON\t0\t50\t-\t(?#cues:tomahawk)\\S+\\sdrill\\b",
        "joined\tNONE\t0\t50\t-\t(?#cues:#joined-number)\\S+\\sdrill\\b",
    };
    rule_set *r = rules_of(lines, 4);
    const char *texts[] = {"A B52H drill.", "A 2S19 drill.", "Tomahawks drill.",
                           "Zapad-2021 drill.", "Zapad 2021, a drill by 2 bombers.",
                           "a b drill by 2 s on #joined-number."};
    const char *want[] = {"letters@2-12=B52H drill", "digits@2-12=2S19 drill",
                          "plural@0-15=Tomahawks drill", "joined@0-16=Zapad-2021 drill", "", ""};
    expect_selected(r, texts, want, sizeof texts / sizeof texts[0]);
}

static void test_shipped_rules_load(void **state)
{
    (void)state;
    /* every shipped rule file compiles */
    const char *files[] = {NERC_SOURCE_DIR "/models/names.rules", NERC_SOURCE_DIR "/models/weapons.rules"};
    for (size_t i = 0; i < 2; i++) {
        if (access(files[i], R_OK) != 0)
            continue;
        rule_set *r = rules_new();
        char err[1024] = "";
        int rc = rules_load_file(r, files[i], err, sizeof err);
        if (rc != 0)
            fail_msg("%s", err);
        assert_true(rules_count(r) > 0);
        rules_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_errors),
        cmocka_unit_test(test_file_errors_name_file_and_line),
        cmocka_unit_test(test_canonical_templates_and_groups),
        cmocka_unit_test(test_empty_matches_and_utf8_steps),
        cmocka_unit_test(test_canonical_is_capped),
        cmocka_unit_test(test_catastrophic_pattern_hits_the_limit),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_cue_selection),
        cmocka_unit_test(test_cue_heads),
        cmocka_unit_test(test_shipped_rules_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
