/* test_writer.c - CSV, TSV and spreadsheet-safe rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <csv.h>
#include <utf8proc.h>

#include "writer.h"

static char *row(unsigned flags, const char *const *f, size_t n)
{
    static char out[8192];
    outbuf b;
    outbuf_init(&b);
    assert_int_equal(write_row(&b, flags, f, n), 0);
    assert_true(b.len < sizeof out);
    memcpy(out, b.data, b.len);
    out[b.len] = '\0';
    outbuf_free(&b);
    return out;
}

/* ----------------------------------------------------- fixed examples */

static void test_csv_quoting(void **state)
{
    (void)state;
    const char *f[] = {"plain", "with,comma", "say \"hi\"", "two\nlines", "cr\rhere", "", NULL,
                       "sp ace"};
    assert_string_equal(row(0, f, 8),
                        "plain,\"with,comma\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,,sp ace\n");
    const char *g[] = {"=1+1", "-5", "@x"};
    /* plain CSV leaves formula-like fields alone */
    assert_string_equal(row(0, g, 3), "=1+1,-5,@x\n");
}

static void test_invalid_utf8_becomes_replacement(void **state)
{
    (void)state;
    const char *f[] = {"a\xFF" "b", "\xC0\xAF", "ok \xE2\x80\x99", "\xE2\x82"};
    assert_string_equal(row(0, f, 4), "a\xEF\xBF\xBD" "b,\xEF\xBF\xBD\xEF\xBF\xBD,ok \xE2\x80\x99,"
                                      "\xEF\xBF\xBD\xEF\xBF\xBD\n");
    assert_string_equal(row(WRITER_TSV, f, 4), "a\xEF\xBF\xBD" "b\t\xEF\xBF\xBD\xEF\xBF\xBD\tok "
                                               "\xE2\x80\x99\t\xEF\xBF\xBD\xEF\xBF\xBD\n");
}

static void test_tsv(void **state)
{
    (void)state;
    const char *f[] = {"a\tb", "c\nd", "e\r\nf", "\"quoted\", kept", ""};
    assert_string_equal(row(WRITER_TSV, f, 5), "a b\tc d\te  f\t\"quoted\", kept\t\n");
}

static void test_excel(void **state)
{
    (void)state;
    const char *f[] = {"=SUM(A1:A9)", "+1", "-2", "@cmd", "\tlead", "\rlead", "ok", "a=b", ""};
    assert_string_equal(row(WRITER_EXCEL, f, 9),
                        "\"'=SUM(A1:A9)\",\"'+1\",\"'-2\",\"'@cmd\",\"'\tlead\",\"'\rlead\",ok,a=b,\r\n");
    assert_string_equal(row(WRITER_EXCEL | WRITER_TSV, f, 9),
                        "'=SUM(A1:A9)\t'+1\t'-2\t'@cmd\t' lead\t' lead\tok\ta=b\t\r\n");
    const char *g[] = {"=\"x\",y"};
    assert_string_equal(row(WRITER_EXCEL, g, 1), "\"'=\"\"x\"\",y\"\r\n");
}

/* An empty first field into a fresh buffer once did memcpy to a NULL buffer (UBSan,
 * found by fuzz_writer). */
static void test_empty_row_into_fresh_buffer(void **state)
{
    (void)state;
    const char *f[] = {""};
    for (unsigned flags = 0; flags < 4; flags++) {
        outbuf b;
        outbuf_init(&b);
        assert_int_equal(write_row(&b, flags, f, 1), 0);
        assert_non_null(b.data);
        assert_int_equal(b.len, (flags & WRITER_EXCEL) ? 2 : 1);
        assert_memory_equal(b.data, (flags & WRITER_EXCEL) ? "\r\n" : "\n", b.len);
        outbuf_free(&b);
    }
    outbuf b;
    outbuf_init(&b);
    assert_int_equal(write_row(&b, 0, NULL, 0), 0);
    assert_int_equal(b.len, 1);
    outbuf_free(&b);
}

/* ------------------------------------------------ round-trip property */

typedef struct parsed {
    char *f[16];
    size_t fl[16];
    size_t n;
    int rows;
} parsed;

static void on_field(void *s, size_t len, void *user)
{
    parsed *p = user;
    assert_true(p->n < 16);
    p->f[p->n] = malloc(len + 1);
    memcpy(p->f[p->n], s, len);
    p->f[p->n][len] = '\0';
    p->fl[p->n] = len;
    p->n++;
}

static void on_row(int c, void *user)
{
    (void)c;
    ((parsed *)user)->rows++;
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static uint32_t rnd(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* What a field must read back as: invalid bytes -> U+FFFD, excel guard. */
static char *expected(const char *s, unsigned flags)
{
    size_t n = strlen(s), k = 0;
    char *v = malloc(n * 3 + 2);
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t m = utf8proc_iterate((const uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
        if (m <= 0) {
            memcpy(v + k, "\xEF\xBF\xBD", 3);
            k += 3;
            i++;
        } else {
            memcpy(v + k, s + i, (size_t)m);
            k += (size_t)m;
            i += (size_t)m;
        }
    }
    v[k] = '\0';
    if ((flags & WRITER_EXCEL) && k && strchr("=+-@\t\r", v[0])) {
        memmove(v + 1, v, k + 1);
        v[0] = '\'';
    }
    return v;
}

static void test_csv_round_trip_property(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "Z", " ", ",", "\"", "\n", "\r", "\r\n", "\t", "=",
                                         "+", "-", "@", "\xC3\xA9", "\xE2\x80\x9C", "\xFF",
                                         "\xC0", "\xE2\x82", "\xF0\x9F\x98\x80", "'", ";", "0"};
    const size_t np = sizeof pieces / sizeof *pieces;
    uint32_t seed = 0xC0FFEEu;
    for (int iter = 0; iter < 4000; iter++) {
        unsigned flags = (iter & 1) ? WRITER_EXCEL : 0;
        size_t nf = 1 + rnd(&seed) % 6;
        char *fields[6];
        for (size_t i = 0; i < nf; i++) {
            size_t len = rnd(&seed) % 9;
            fields[i] = calloc(1, len * 4 + 2);
            for (size_t k = 0; k < len; k++)
                strcat(fields[i], pieces[rnd(&seed) % np]);
        }
        if (nf == 1 && fields[0][0] == '\0')
            strcpy(fields[0], "x"); /* a lone empty field is a blank line to libcsv */
        outbuf b;
        outbuf_init(&b);
        assert_int_equal(write_row(&b, flags, (const char *const *)fields, nf), 0);
        /* valid UTF-8 throughout */
        assert_true(utf8proc_decompose((const uint8_t *)b.data, (utf8proc_ssize_t)b.len, NULL, 0, 0) >= 0);
        struct csv_parser p;
        assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
        csv_set_space_func(&p, no_space);
        parsed out = {0};
        assert_int_equal(csv_parse(&p, b.data, b.len, on_field, on_row, &out), b.len);
        assert_int_equal(csv_fini(&p, on_field, on_row, &out), 0);
        csv_free(&p);
        assert_int_equal(out.rows, 1);
        assert_int_equal(out.n, nf);
        for (size_t i = 0; i < nf; i++) {
            char *want = expected(fields[i], flags);
            assert_int_equal(out.fl[i], strlen(want));
            assert_memory_equal(out.f[i], want, out.fl[i]);
            free(want);
            free(out.f[i]);
            free(fields[i]);
        }
        outbuf_free(&b);
    }
}

static void test_tsv_property(void **state)
{
    (void)state;
    uint32_t seed = 12345u;
    const char alphabet[] = "ab\t\n\r ,\"=-";
    for (int iter = 0; iter < 2000; iter++) {
        unsigned flags = WRITER_TSV | ((iter & 1) ? WRITER_EXCEL : 0);
        size_t nf = 1 + rnd(&seed) % 5;
        char fields[5][12];
        const char *fp[5];
        for (size_t i = 0; i < nf; i++) {
            size_t len = rnd(&seed) % 11;
            for (size_t k = 0; k < len; k++)
                fields[i][k] = alphabet[rnd(&seed) % (sizeof alphabet - 1)];
            fields[i][len] = '\0';
            fp[i] = fields[i];
        }
        char *r = row(flags, fp, nf);
        size_t len = strlen(r), tabs = 0, nl = 0, cr = 0;
        for (size_t k = 0; k < len; k++) {
            tabs += r[k] == '\t';
            nl += r[k] == '\n';
            cr += r[k] == '\r';
        }
        assert_int_equal(tabs, nf - 1);
        assert_int_equal(nl, 1);
        assert_int_equal(cr, (flags & WRITER_EXCEL) ? 1 : 0);
        assert_int_equal(r[len - 1], '\n');
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_excel),
        cmocka_unit_test(test_empty_row_into_fresh_buffer),
        cmocka_unit_test(test_csv_round_trip_property),
        cmocka_unit_test(test_tsv_property),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
