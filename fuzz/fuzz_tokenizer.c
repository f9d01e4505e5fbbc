/* fuzz_tokenizer - the splitter fed in random chunk sizes must give exactly what it
 * gives for the whole buffer in one call (sentences, spans, tokens, flags, keys). */
#include <stdio.h>

#include "fuzz_common.h"
#include "tokenizer.h"

typedef struct rec {
    char *bytes;
    size_t len, cap;
} rec;

static void put(rec *r, const void *p, size_t n)
{
    if (r->len + n > r->cap) {
        size_t c = r->cap ? r->cap * 2 : 4096;
        while (c < r->len + n)
            c *= 2;
        r->bytes = realloc(r->bytes, c);
        if (!r->bytes)
            abort();
        r->cap = c;
    }
    memcpy(r->bytes + r->len, p, n);
    r->len += n;
}

static void record(rec *r, const sentence *s)
{
    size_t hdr[4] = {s->index, s->start, s->end, s->n_tokens};
    put(r, hdr, sizeof hdr);
    put(r, s->text, s->end - s->start);
    for (size_t i = 0; i < s->n_tokens; i++) {
        const token *t = &s->tokens[i];
        uint32_t v[4] = {t->start, t->end, t->flags, t->key_len};
        if (t->end < t->start || t->end > s->end - s->start)
            abort(); /* a token outside its sentence */
        put(r, v, sizeof v);
        put(r, s->keys + t->key, t->key_len);
    }
}

static void drain(splitter *sp, rec *r)
{
    sentence s;
    int rc;
    while ((rc = splitter_next(sp, &s)) > 0)
        record(r, &s);
    if (rc < 0)
        abort();
}

static void run(const uint8_t *data, size_t size, uint32_t seed, int mode, rec *r)
{
    splitter *sp = splitter_new();
    if (!sp)
        abort();
    size_t i = 0;
    while (i < size) {
        size_t n = size - i;
        if (mode == 1)
            n = 1;
        else if (mode == 2)
            n = 1 + fuzz_rand(&seed) % 17;
        if (n > size - i)
            n = size - i;
        if (splitter_feed(sp, (const char *)data + i, n) < 0)
            abort();
        drain(sp, r);
        i += n;
    }
    splitter_finish(sp);
    drain(sp, r);
    size_t inv = splitter_invalid_bytes(sp);
    put(r, &inv, sizeof inv);
    splitter_free(sp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint32_t seed = data[0] * 2654435761u + 1;
    data++;
    size--;
    rec whole = {0}, ones = {0}, rnd = {0};
    run(data, size, seed, 0, &whole);
    run(data, size, seed, 1, &ones);
    run(data, size, seed, 2, &rnd);
    if (whole.len != ones.len || memcmp(whole.bytes, ones.bytes, whole.len) != 0) {
        fprintf(stderr, "1-byte chunks differ from the whole buffer\n");
        abort();
    }
    if (whole.len != rnd.len || memcmp(whole.bytes, rnd.bytes, whole.len) != 0) {
        fprintf(stderr, "random chunks differ from the whole buffer\n");
        abort();
    }
    free(whole.bytes);
    free(ones.bytes);
    free(rnd.bytes);
    return 0;
}
