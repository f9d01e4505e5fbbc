/* test_gazetteer.c - loading gazetteer files and matching them over tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "gazetteer.h"
#include "nerc.h"
#include "tokenizer.h"

/* Write text to a fresh temporary file; returns its path (static buffer per slot). */
static const char *temp_file(int slot, const char *text)
{
    static char paths[4][64];
    snprintf(paths[slot], sizeof paths[slot], "/tmp/core_gaz_%d_XXXXXX", slot);
    int fd = mkstemp(paths[slot]);
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return paths[slot];
}

/* Load one file's text; returns the code and the error message in err. */
static int load_text(const char *text, char *err, size_t errlen, const char **path_out)
{
    const char *path = temp_file(0, text);
    if (path_out)
        *path_out = path;
    gazetteer *g = gazetteer_new();
    assert_non_null(g);
    err[0] = '\0';
    int rc = gazetteer_load_file(g, path, err, errlen);
    gazetteer_free(g);
    return rc;
}

static void expect_error(const char *text, int code, const char *where_reason)
{
    char err[512], want[600];
    const char *path;
    int rc = load_text(text, err, sizeof err, &path);
    unlink(path);
    assert_int_equal(rc, code);
    snprintf(want, sizeof want, "%s:%s", path, where_reason);
    assert_string_equal(err, want);
}

static void test_load_errors(void **state)
{
    (void)state;
    expect_error("# people\nPutin\tPERSON\n", NERC_EFORMAT,
                 "2: expected at least 3 TAB-separated fields: surface, type, canonical");
    expect_error("Putin\n", NERC_EFORMAT,
                 "1: expected at least 3 TAB-separated fields: surface, type, canonical");
    expect_error("Ok\tPERSON\tOk\n\nVell\tPLACE\tVell\n", NERC_EFORMAT,
                 "3: unknown type 'PLACE' (PERSON, ORG, LOCATION, WEAPON, AGREEMENT, DEMONYM or NONE)");
    expect_error("Friday\tDATE\tFriday\n", NERC_EFORMAT,
                 "1: unknown type 'DATE' (PERSON, ORG, LOCATION, WEAPON, AGREEMENT, DEMONYM or NONE)");
    expect_error("US\tLOCATION\tUnited States\t\tci\n", NERC_EFORMAT, "1: unknown flag (known: cs)");
    expect_error("US\tLOCATION\tUnited States\t\tcs,xx\n", NERC_EFORMAT,
                 "1: unknown flag (known: cs)");
    expect_error("\tPERSON\tNobody\n", NERC_EFORMAT, "1: empty surface");
    expect_error("Somebody\tPERSON\t\n", NERC_EFORMAT, "1: empty canonical name");
    expect_error("A\tPERSON\tA\tQ1\tcs\textra\n", NERC_EFORMAT,
                 "1: too many fields (at most 5: surface, type, canonical, id, flags)");
    expect_error("   \tPERSON\tBlank\n", NERC_EFORMAT, "1: surface has no word in it");

    /* a missing file: EIO, line 0 */
    gazetteer *g = gazetteer_new();
    char err[512];
    assert_int_equal(gazetteer_load_file(g, "/nonexistent/core_none.tsv", err, sizeof err),
                     NERC_EIO);
    assert_string_equal(err, "/nonexistent/core_none.tsv:0: cannot open: No such file or directory");
    gazetteer_free(g);
}

static void test_load_ok_with_comments_crlf_and_types(void **state)
{
    (void)state;
    const char *path = temp_file(0,
                                 "# comment\r\n"
                                 "\r\n"
                                 "Talia Ortiz\tperson\tTalia Ortiz\tQ1\r\n"
                                 "Ortiz\tPERSON\tTalia Ortiz\r\n"
                                 "Port Vell\tLOCATION\tPort Vell\tgeo:1\t\r\n");
    gazetteer *g = gazetteer_new();
    char err[512] = "";
    assert_int_equal(gazetteer_load_file(g, path, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_int_equal(gazetteer_freeze(g), 0);
    assert_int_equal(gazetteer_alias_count(g), 3);
    assert_int_equal(gazetteer_entity_count(g), 2);
    const gaz_entry *e = gazetteer_entry(g, 0);
    assert_non_null(e);
    assert_string_equal(e->canonical, "Talia Ortiz");
    assert_string_equal(e->id, "Q1");
    assert_int_equal(e->type, NERC_PERSON);
    e = gazetteer_entry(g, 1);
    assert_string_equal(e->id, "");
    e = gazetteer_entry(g, 2);
    assert_string_equal(e->canonical, "Port Vell");
    assert_string_equal(e->id, "geo:1");
    assert_int_equal(e->type, NERC_LOCATION);
    assert_null(gazetteer_entry(g, 3));
    gazetteer_free(g);
    unlink(path);
}

/* --------------------------------------------------------- matching */

/* All matches of a sentence as "first-last:canonical:TYPE" joined with "; ". */
static char *matches(const gazetteer *g, const char *text)
{
    static char out[2048];
    token_buf tb;
    token_buf_init(&tb);
    assert_int_equal(tokenize(text, strlen(text), &tb), 0);
    gaz_match m[64];
    size_t n = gazetteer_match(g, text, tb.tokens, tb.n, tb.keys, m, 64);
    assert_true(n <= 64);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const gaz_entry *e = gazetteer_entry(g, m[i].entry);
        assert_non_null(e);
        char one[256];
        snprintf(one, sizeof one, "%s%u-%u:%s:%s", i ? "; " : "", m[i].first, m[i].last,
                 e->canonical, nerc_type_name(e->type));
        strcat(out, one);
    }
    token_buf_free(&tb);
    return out;
}

static gazetteer *build(const char *text)
{
    const char *path = temp_file(1, text);
    gazetteer *g = gazetteer_new();
    char err[512];
    int rc = gazetteer_load_file(g, path, err, sizeof err);
    unlink(path);
    if (rc != 0)
        fail_msg("load failed: %s", err);
    assert_int_equal(gazetteer_freeze(g), 0);
    return g;
}

static void test_longest_match_and_aliases(void **state)
{
    (void)state;
    gazetteer *g = build("Putin\tPERSON\tVladimir Putin\n"
                         "Vladimir Putin\tPERSON\tVladimir Putin\tQ7747\n"
                         "Vladimir Vladimirovich Putin\tPERSON\tVladimir Putin\n"
                         "Port Vell\tLOCATION\tPort Vell\n"
                         "Vell\tLOCATION\tVell Island\n");
    /* the longest alias from each start token; the scan goes on at the next token */
    assert_string_equal(matches(g, "Vladimir Putin spoke."),
                        "0-1:Vladimir Putin:PERSON; 1-1:Vladimir Putin:PERSON");
    assert_string_equal(matches(g, "Vladimir Vladimirovich Putin spoke."),
                        "0-2:Vladimir Putin:PERSON; 2-2:Vladimir Putin:PERSON");
    assert_string_equal(matches(g, "They sailed to Port Vell."),
                        "3-4:Port Vell:LOCATION; 4-4:Vell Island:LOCATION");
    /* a prefix of a longer alias alone does not match */
    assert_string_equal(matches(g, "Vladimir spoke."), "");
    /* case-insensitive, diacritics ignored, possessive split off */
    assert_string_equal(matches(g, "PUTIN\xE2\x80\x99s visit to P\xC3\xB3rt Vell"),
                        "0-0:Vladimir Putin:PERSON; 4-5:Port Vell:LOCATION; "
                        "5-5:Vell Island:LOCATION");
    /* a line break inside the sentence never joins a name */
    assert_string_equal(matches(g, "Vladimir\nPutin"), "1-1:Vladimir Putin:PERSON");
    /* the exact lookup */
    token_buf tb;
    token_buf_init(&tb);
    assert_int_equal(tokenize("Vladimir Putin", 14, &tb), 0);
    const gaz_entry *e = gazetteer_lookup(g, tb.tokens, 0, 1, tb.keys, NERC_PERSON);
    assert_non_null(e);
    assert_string_equal(e->id, "Q7747");
    assert_null(gazetteer_lookup(g, tb.tokens, 0, 1, tb.keys, NERC_ORG));
    assert_null(gazetteer_lookup(g, tb.tokens, 0, 0, tb.keys, NERC_PERSON));
    token_buf_free(&tb);
    assert_int_equal(gazetteer_alias_count(g), 5);
    assert_int_equal(gazetteer_entity_count(g), 3);
    gazetteer_free(g);
}

static void test_case_sensitive_entries(void **state)
{
    (void)state;
    gazetteer *g = build("US\tLOCATION\tUnited States\t\tcs\n"
                         "U.S.\tLOCATION\tUnited States\n"
                         "May\tPERSON\tTheresa May\t\tcs\n");
    assert_string_equal(matches(g, "US forces left."), "0-0:United States:LOCATION");
    assert_string_equal(matches(g, "let us go"), "");
    assert_string_equal(matches(g, "Us and them"), "");
    assert_string_equal(matches(g, "The U.S. said"), "1-1:United States:LOCATION");
    assert_string_equal(matches(g, "May said it may rain in MAY."), "0-0:Theresa May:PERSON");
    gazetteer_free(g);
}

static void test_capital_letter_required(void **state)
{
    (void)state;
    gazetteer *g = build("Turkey\tLOCATION\tTurkey\n"
                         "China\tLOCATION\tChina\n"
                         "Shahed-136\tWEAPON\tShahed-136\n"
                         "s-400\tWEAPON\tS-400\n"
                         "Islamic Revolutionary Guard Corps\tORG\tIRGC\n");
    assert_string_equal(matches(g, "a turkey dinner on fine china"), "");
    assert_string_equal(matches(g, "Turkey and TURKEY"), "0-0:Turkey:LOCATION; 2-2:Turkey:LOCATION");
    /* the alias's first capitalised word must be capitalised in the text */
    assert_string_equal(matches(g, "the shahed-136 drone"), "");
    assert_string_equal(matches(g, "the Shahed-136 drone"), "1-2:Shahed-136:WEAPON");
    /* an alias without capitals needs a capital or a digit somewhere in the span */
    assert_string_equal(matches(g, "the s-400 system"), "1-2:S-400:WEAPON");
    /* more than half of the capitalised words must be capitalised */
    assert_string_equal(matches(g, "the Islamic Revolutionary Guard corps"),
                        "1-4:IRGC:ORG");
    assert_string_equal(matches(g, "the Islamic Revolutionary guard corps"), "");
    assert_string_equal(matches(g, "the islamic Revolutionary Guard Corps"), "");
    gazetteer_free(g);
}

static void test_first_wins_per_type(void **state)
{
    (void)state;
    const char *p1 = temp_file(2, "Georgia\tLOCATION\tGeorgia (country)\n");
    const char *p2 = temp_file(3, "Georgia\tLOCATION\tGeorgia (US state)\n"
                                  "Tbilisi\tLOCATION\tTbilisi\n");
    gazetteer *g = gazetteer_new();
    char err[512];
    assert_int_equal(gazetteer_load_file(g, p1, err, sizeof err), 0);
    assert_int_equal(gazetteer_load_file(g, p2, err, sizeof err), 0);
    unlink(p1);
    unlink(p2);
    /* gazetteer_add reports the ignored duplicate, also for another spelling of the key */
    assert_int_equal(gazetteer_add(g, "GEORGIA", 7, NERC_LOCATION, "Other", "", 0), 0);
    assert_int_equal(gazetteer_add(g, "Georgia", 7, NERC_PERSON, "Georgia Vale", "", 0), 1);
    assert_int_equal(gazetteer_add(g, " , ", 3, NERC_PERSON, "Comma", "", 0), 1);
    assert_int_equal(gazetteer_add(g, "   ", 3, NERC_PERSON, "Blank", "", 0), NERC_EARG);
    assert_int_equal(gazetteer_freeze(g), 0);
    assert_string_equal(matches(g, "Georgia voted."),
                        "0-0:Georgia (country):LOCATION; 0-0:Georgia Vale:PERSON");
    const gaz_entry *e = gazetteer_entry(g, 0);
    assert_int_equal(e->file, 0);
    e = gazetteer_entry(g, 1);
    assert_string_equal(e->canonical, "Tbilisi");
    assert_int_equal(e->file, 1);
    gazetteer_free(g);
}

static void test_multi_type_surface_reported_once_per_type(void **state)
{
    (void)state;
    gazetteer *g = build("Jordan\tLOCATION\tJordan\n"
                         "Jordan\tPERSON\tMichael Jordan\n"
                         "Jordan\tLOCATION\tJordan River\n"
                         "Jordan\tORG\tJordan Group\n");
    assert_string_equal(matches(g, "Jordan won."),
                        "0-0:Jordan:LOCATION; 0-0:Michael Jordan:PERSON; 0-0:Jordan Group:ORG");
    gazetteer_free(g);
}

static void test_hyphen_space_equivalence(void **state)
{
    (void)state;
    gazetteer *g = build("Shahed-136\tWEAPON\tShahed-136\n"
                         "Iran\tLOCATION\tIran\n"
                         "Russia\tLOCATION\tRussia\n"
                         "Su 35\tWEAPON\tSukhoi Su-35\n");
    const char *forms[] = {"Shahed-136 drones", "Shahed 136 drones",
                           "Shahed\xE2\x80\x93" "136 drones", "Shahed\xE2\x80\x91" "136 drones",
                           "SHAHED  136 drones"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        assert_string_equal(matches(g, forms[i]), "0-1:Shahed-136:WEAPON");
    assert_string_equal(matches(g, "the Iran-Russia pact"),
                        "1-1:Iran:LOCATION; 2-2:Russia:LOCATION");
    assert_string_equal(matches(g, "two Su-35 jets"), "1-2:Sukhoi Su-35:WEAPON");
    gazetteer_free(g);
}

static void test_match_capacity(void **state)
{
    (void)state;
    gazetteer *g = build("Vell\tLOCATION\tVell\n");
    const char *text = "Vell Vell Vell Vell Vell";
    token_buf tb;
    token_buf_init(&tb);
    assert_int_equal(tokenize(text, strlen(text), &tb), 0);
    gaz_match m[2];
    memset(m, 0xAB, sizeof m);
    /* the count of all matches comes back, only cap are written */
    assert_int_equal(gazetteer_match(g, text, tb.tokens, tb.n, tb.keys, m, 2), 5);
    assert_int_equal(m[0].first, 0);
    assert_int_equal(m[1].first, 1);
    assert_int_equal(gazetteer_match(g, text, tb.tokens, tb.n, tb.keys, NULL, 0), 5);
    token_buf_free(&tb);
    gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_load_ok_with_comments_crlf_and_types),
        cmocka_unit_test(test_longest_match_and_aliases),
        cmocka_unit_test(test_case_sensitive_entries),
        cmocka_unit_test(test_capital_letter_required),
        cmocka_unit_test(test_first_wins_per_type),
        cmocka_unit_test(test_multi_type_surface_reported_once_per_type),
        cmocka_unit_test(test_hyphen_space_equivalence),
        cmocka_unit_test(test_match_capacity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
