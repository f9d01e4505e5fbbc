/* util.c - shared helpers. */
#include "util.h"

#include <stdlib.h>
#include <string.h>

#include "nerc.h"

int util_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need) {
        if (n > SIZE_MAX / 2 / (elem ? elem : 1))
            return NERC_ENOMEM;
        n *= 2;
    }
    void *q = realloc(*p, n * elem);
    if (!q)
        return NERC_ENOMEM;
    *p = q;
    *cap = n;
    return 0;
}

uint32_t util_hash(uint32_t seed, const char *s, size_t n)
{
    uint32_t h = 2166136261u ^ (seed * 16777619u);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    h ^= h >> 15;
    h *= 0x2c1b3c6dU;
    h ^= h >> 12;
    return h;
}

int64_t strpool_add(strpool *p, const char *s, size_t n)
{
    if (util_grow((void **)&p->buf, &p->cap, p->len + n + 1, 1) < 0)
        return NERC_ENOMEM;
    if (n)
        memcpy(p->buf + p->len, s, n);
    p->buf[p->len + n] = '\0';
    int64_t off = (int64_t)p->len;
    p->len += n + 1;
    return off;
}

int data_file_open(data_file *d, const char *path)
{
    memset(d, 0, sizeof *d);
    d->f = fopen(path, "rb");
    return d->f ? 0 : -1;
}

long data_file_next(data_file *d, char **line)
{
    ssize_t n;
    while ((n = getline(&d->line, &d->cap, d->f)) >= 0) {
        d->lineno++;
        while (n > 0 && (d->line[n - 1] == '\n' || d->line[n - 1] == '\r'))
            d->line[--n] = '\0';
        if (n == 0 || d->line[0] == '#')
            continue;
        if (memchr(d->line, '\0', (size_t)n))
            return NERC_EFORMAT;
        *line = d->line;
        return (long)n;
    }
    return ferror(d->f) ? NERC_EIO : -1;
}

void data_file_close(data_file *d)
{
    free(d->line);
    if (d->f)
        fclose(d->f);
    memset(d, 0, sizeof *d);
}
