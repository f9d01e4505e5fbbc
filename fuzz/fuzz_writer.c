/* fuzz_writer - write_row then read the row back: CSV through libcsv's parser must give
 * the fields back (as valid UTF-8, with the spreadsheet guard in excel mode); TSV must
 * have exactly n-1 TABs and one line end. Input: flags byte, then fields split at 0x1F. */
#include <csv.h>

#include "fuzz_common.h"
#include "writer.h"

#include <stdio.h>

#define MAXF 16

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "check failed: %s\nrow: ", #cond);                            \
            fwrite(o.data, 1, o.len, stderr);                                             \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

typedef struct back {
    char *f[MAXF];
    size_t fl[MAXF];
    size_t n;
    int rows;
} back;

static void cb_field(void *s, size_t len, void *user)
{
    back *b = user;
    if (b->n < MAXF) {
        b->f[b->n] = malloc(len + 1);
        memcpy(b->f[b->n], s, len);
        b->f[b->n][len] = '\0';
        b->fl[b->n] = len;
    }
    b->n++;
}

static int never_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void cb_row(int c, void *user)
{
    (void)c;
    ((back *)user)->rows++;
}

/* What the writer promises to put in a field: valid UTF-8, U+FFFD per bad byte. */
static char *expect(const char *s, size_t n, unsigned flags, size_t *out)
{
    char *v = malloc(n * 3 + 2);
    size_t k = 0;
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
    if ((flags & WRITER_EXCEL) && k > 0 && strchr("=+-@\t\r", v[0])) {
        memmove(v + 1, v, k + 1);
        v[0] = '\'';
        k++;
    }
    *out = k;
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = data[0] & 3;
    char *copy = malloc(size);
    memcpy(copy, data + 1, size - 1);
    copy[size - 1] = '\0';
    const char *fields[MAXF];
    size_t n = 0;
    char *p = copy;
    for (;;) {
        fields[n++] = p;
        char *sep = strchr(p, 0x1F);
        if (!sep || n == MAXF)
            break;
        *sep = '\0';
        p = sep + 1;
    }
    outbuf o;
    outbuf_init(&o);
    if (write_row(&o, flags, fields, n) < 0)
        abort();
    /* every row is valid UTF-8 and ends with the line end of its mode */
    CHECK(utf8proc_decompose((const uint8_t *)o.data, (utf8proc_ssize_t)o.len, NULL, 0, 0) >= 0);
    CHECK(o.len >= 1 && o.data[o.len - 1] == '\n');
    CHECK(!(flags & WRITER_EXCEL) || (o.len >= 2 && o.data[o.len - 2] == '\r'));
    if (flags & WRITER_TSV) {
        size_t tabs = 0, nls = 0;
        for (size_t i = 0; i < o.len; i++) {
            tabs += o.data[i] == '\t';
            nls += o.data[i] == '\n';
        }
        CHECK(tabs == n - 1 && nls == 1);
    } else {
        struct csv_parser cp;
        csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI);
        csv_set_space_func(&cp, never_space);
        back b = {0};
        CHECK(csv_parse(&cp, o.data, o.len, cb_field, cb_row, &b) == o.len);
        csv_fini(&cp, cb_field, cb_row, &b);
        csv_free(&cp);
        /* libcsv skips an empty line, which is what a row of one empty field is */
        if (b.rows == 0 && n == 1 && fields[0][0] == '\0') {
            outbuf_free(&o);
            free(copy);
            return 0;
        }
        CHECK(b.rows == 1 && b.n == n);
        for (size_t i = 0; i < n; i++) {
            size_t el;
            char *e = expect(fields[i], strlen(fields[i]), flags, &el);
            CHECK(el == b.fl[i] && memcmp(e, b.f[i], el) == 0);
            free(e);
            free(b.f[i]);
        }
    }
    outbuf_free(&o);
    free(copy);
    return 0;
}
