/* test_weapons.c - the weapon designation table (tests/data/weapon_cases.tsv) run
 * through the whole pipeline with the shipped gazetteers and rules.
 *
 * Each row is `input<TAB>expected`, expected being `-` (no WEAPON may be found) or
 * `span=canonical` items separated by ` | ` in order of appearance. Every row is
 * checked and every mismatch printed before the test fails, so one run shows all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nerc.h"

typedef struct found {
    char text[2048];
    size_t len;
} found;

static int on_mention(void *user, const nerc_mention *m)
{
    found *f = user;
    if (m->type != NERC_WEAPON)
        return 0;
    int n = snprintf(f->text + f->len, sizeof f->text - f->len, "%s%.*s=%s",
                     f->len ? " | " : "", (int)m->text_len, m->text, m->value);
    if (n > 0 && (size_t)n < sizeof f->text - f->len)
        f->len += (size_t)n;
    return 0;
}

static void weapon_table(void **state)
{
    (void)state;
    nerc_options o = nerc_default_options();
    o.data_dir = NERC_SOURCE_DIR;
    o.no_model = 1; /* the model never yields WEAPON; leaving it out keeps this fast */
    o.no_claims = 1;
    nerc *ctx;
    char err[512];
    assert_int_equal(nerc_new(&o, &ctx, err, sizeof err), 0);

    FILE *f = fopen(NERC_TEST_DATA_DIR "/weapon_cases.tsv", "r");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0, rows = 0, positives = 0, traps = 0, failures = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab || line[0] == '#')
            continue;
        *tab = '\0';
        const char *input = line, *expected = tab + 1;
        found got = {{0}, 0};
        nerc_handler h = {on_mention, NULL, NULL, &got};
        nerc_doc *doc = nerc_doc_new(ctx, &h, NULL);
        assert_non_null(doc);
        assert_int_equal(nerc_doc_feed(doc, input, strlen(input)), 0);
        assert_int_equal(nerc_doc_finish(doc), 0);
        nerc_doc_free(doc);
        const char *want = strcmp(expected, "-") == 0 ? "" : expected;
        rows++;
        if (*want)
            positives++;
        else
            traps++;
        if (strcmp(got.text, want) != 0) {
            failures++;
            print_message("row %zu: %s\n  expected: %s\n  got:      %s\n", rows, input,
                          *want ? want : "-", got.len ? got.text : "-");
        }
    }
    free(line);
    fclose(f);
    nerc_free(ctx);
    print_message("%zu rows (%zu with weapons, %zu traps), %zu mismatches\n", rows, positives,
                  traps, failures);
    assert_true(rows >= 150);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(weapon_table)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
