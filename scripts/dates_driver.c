/* dates_driver.c - development driver for src/dates.c: reads one document, scans it
 * as a whole and prints DATE mention rows (doc,start,end,type,text,value).
 * usage: dates_driver [-H] [-s] FILE DOC_ID [YYYY-MM-DD]
 *   -H  print the CSV header
 *   -s  scan sentence by sentence (split at ". ", "! ", "? " and line breaks), as the
 *       pipeline does, instead of the whole document in one call */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

static void csv_field(const char *s, size_t n)
{
    int quote = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            quote = 1;
    if (!quote) {
        fwrite(s, 1, n, stdout);
        return;
    }
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            putchar('"');
        putchar(s[i]);
    }
    putchar('"');
}

/* Replace bytes of invalid UTF-8 sequences by spaces (offsets stay the same). */
static void scrub_utf8(unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 9;
        int ok = k < 9 && i + k < n && !(k == 1 && c < 0xC2);
        for (size_t j = 1; ok && j <= k; j++)
            ok = (s[i + j] & 0xC0) == 0x80;
        if (ok && k == 2) {
            unsigned cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6);
            ok = cp >= 0x800 && !(cp >= 0xD800 && cp <= 0xDFFF);
        }
        if (ok && k == 3) {
            unsigned cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12);
            ok = cp >= 0x10000 && cp <= 0x10FFFF;
        }
        if (!ok) {
            s[i++] = ' ';
            continue;
        }
        i += k + 1;
    }
}

int main(int argc, char **argv)
{
    int header = 0, split = 0, a = 1;
    for (; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
        if (strcmp(argv[a], "-H") == 0)
            header = 1;
        else if (strcmp(argv[a], "-s") == 0)
            split = 1;
    }
    if (argc - a < 2) {
        fprintf(stderr, "usage: %s [-H] FILE DOC_ID [YYYY-MM-DD]\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[a], "rb");
    if (!f) {
        perror(argv[a]);
        return 1;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (!buf)
        return 1;
    scrub_utf8((unsigned char *)buf, len);
    date_ymd dd, *ddp = NULL;
    if (argc - a >= 3 && argv[a + 2][0]) {
        char tmp[11];
        snprintf(tmp, sizeof tmp, "%s", argv[a + 2]); /* drop a time part */
        if (date_parse_iso(tmp, &dd) != 0) {
            fprintf(stderr, "bad date %s\n", argv[a + 2]);
            return 2;
        }
        ddp = &dd;
    }
    dates *d;
    char err[256];
    if (dates_new(&d, 0, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    dates_state st;
    if (dates_state_init(&st, d, ddp) < 0)
        return 1;
    int total = 0;
    size_t cap_spans = len / 2 + 16; /* a DATE takes at least two bytes */
    date_span *spans = calloc(cap_spans, sizeof *spans);
    if (!spans)
        return 1;
    size_t s = 0;
    while (s < len && total >= 0) {
        size_t e = len;
        if (split) {
            for (e = s; e < len; e++) {
                if (buf[e] == '\n' || ((buf[e] == '.' || buf[e] == '!' || buf[e] == '?') &&
                                       e + 1 < len && (buf[e + 1] == ' ' || buf[e + 1] == '\n'))) {
                    /* Not after an abbreviation such as "Oct." or "U.S." */
                    size_t w = e;
                    while (w > s && ((buf[w - 1] >= 'A' && buf[w - 1] <= 'Z') ||
                                     (buf[w - 1] >= 'a' && buf[w - 1] <= 'z') || buf[w - 1] == '.'))
                        w--;
                    if (buf[e] == '.' && e - w <= 4 && buf[w] >= 'A' && buf[w] <= 'Z')
                        continue;
                    e++;
                    break;
                }
            }
        }
        int n = dates_scan(d, &st, buf + s, e - s, spans + total, cap_spans - (size_t)total);
        if (n < 0) {
            total = n;
            break;
        }
        for (int i = total; i < total + n; i++) {
            spans[i].start += s;
            spans[i].end += s;
        }
        total += n;
        s = e;
    }
    if (total < 0) {
        fprintf(stderr, "dates_scan: error %d\n", total);
        return 1;
    }
    if (header)
        printf("doc,start,end,type,text,value\n");
    for (int i = 0; i < total && spans; i++) {
        printf("%s,%zu,%zu,DATE,", argv[a + 1], spans[i].start, spans[i].end);
        csv_field(buf + spans[i].start, spans[i].end - spans[i].start);
        printf(",%s\n", spans[i].value);
    }
    free(spans);
    dates_state_free(&st);
    dates_free(d);
    free(buf);
    return 0;
}
