/* writer.c - row formatting. */
#include "writer.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nerc.h"
#include "util.h"

void outbuf_init(outbuf *b)
{
    memset(b, 0, sizeof *b);
}

void outbuf_free(outbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

static int reserve(outbuf *b, size_t extra)
{
    return util_grow((void **)&b->data, &b->cap, b->len + extra, 1);
}

/* Copy s as valid UTF-8 (invalid bytes -> U+FFFD) into a fresh buffer. */
static char *valid_utf8(const char *s, size_t n, size_t *out_len)
{
    char *o = malloc(n * 3 + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int32_t c;
        utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &c);
        if (m <= 0 || c == 0) {
            memcpy(o + k, "\xEF\xBF\xBD", 3);
            k += 3;
            i++;
            continue;
        }
        memcpy(o + k, s + i, (size_t)m);
        k += (size_t)m;
        i += (size_t)m;
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* Append field s (n bytes of valid UTF-8). */
static int put_valid(outbuf *b, unsigned flags, const char *s, size_t n)
{
    int rc = 0;
    int guard = (flags & WRITER_EXCEL) && n > 0 &&
                (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    if (flags & WRITER_TSV) {
        if ((rc = reserve(b, n + 1)) == 0) {
            if (guard)
                b->data[b->len++] = '\'';
            for (size_t i = 0; i < n; i++) {
                char c = s[i];
                b->data[b->len++] = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
            }
        }
        return rc;
    }
    int quote = guard || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        if (n > 0 && (rc = reserve(b, n)) == 0) { /* an empty field may meet an empty buffer */
            memcpy(b->data + b->len, s, n);
            b->len += n;
        }
        return rc;
    }
    /* libcsv writes the quoted form: worst case every byte doubled plus the quotes. */
    const char *src = s;
    size_t sn = n;
    char *prefixed = NULL;
    if (guard) {
        prefixed = malloc(n + 2);
        if (!prefixed)
            return NERC_ENOMEM;
        prefixed[0] = '\'';
        memcpy(prefixed + 1, s, n + 1);
        src = prefixed;
        sn = n + 1;
    }
    size_t need = sn * 2 + 2;
    if ((rc = reserve(b, need)) == 0)
        b->len += csv_write(b->data + b->len, need, src, sn);
    free(prefixed);
    return rc;
}

static int put_field(outbuf *b, unsigned flags, const char *raw)
{
    const char *s = raw ? raw : "";
    size_t n = strlen(s);
    if (is_ascii(s, n)) /* most fields: valid as they are, no copy */
        return put_valid(b, flags, s, n);
    char *valid = valid_utf8(s, n, &n);
    if (!valid)
        return NERC_ENOMEM;
    int rc = put_valid(b, flags, valid, n);
    free(valid);
    return rc;
}

int write_row(outbuf *b, unsigned flags, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (reserve(b, 1) < 0)
                return NERC_ENOMEM;
            b->data[b->len++] = (flags & WRITER_TSV) ? '\t' : ',';
        }
        if (put_field(b, flags, fields[i]) < 0)
            return NERC_ENOMEM;
    }
    if (reserve(b, 2) < 0)
        return NERC_ENOMEM;
    if (flags & WRITER_EXCEL)
        b->data[b->len++] = '\r';
    b->data[b->len++] = '\n';
    return 0;
}
