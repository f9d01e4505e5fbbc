/* fuzz_images - the cache's image loaders (gazetteer, tagger model, rule patterns) on
 * damaged images. A valid image of each kind is built once; each input picks a kind,
 * a length to cut the image to, and byte edits to apply (3 offset bytes and a value
 * per edit), then attaches the result with the fingerprint it claims. Whatever is
 * accepted is used on a fixed sentence. */
#include <stdio.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "gazetteer.h"
#include "rules.h"
#include "tagger.h"

typedef struct image {
    uint64_t *words; /* 8-byte aligned bytes */
    size_t len;
} image;

static image IMAGES[3];
static const char SENTENCE[] = "Vladimir Putin met Hamas envoys in Paris about the S-400.";

/* The bytes an image writer puts in a temporary file. */
static image capture(int (*write_image)(const void *obj, int fd), const void *obj)
{
    FILE *f = tmpfile();
    if (!f || write_image(obj, fileno(f)) < 0)
        abort();
    long n = lseek(fileno(f), 0, SEEK_END);
    if (n <= 0)
        abort();
    image im = {malloc((size_t)n + 8), (size_t)n};
    if (!im.words || pread(fileno(f), im.words, (size_t)n, 0) != n)
        abort();
    fclose(f);
    return im;
}

static int write_gazetteer(const void *obj, int fd)
{
    return gazetteer_save_image(obj, fd, 11);
}

static int write_tagger(const void *obj, int fd)
{
    return tagger_save_image(obj, fd, 12);
}

static int write_rules(const void *obj, int fd)
{
    return rules_save_image(obj, fd, 13);
}

static void build_images(void)
{
    gazetteer *g = gazetteer_new();
    static const char *const rows[][3] = {{"Vladimir Putin", "0", "Vladimir Putin"},
                                          {"Putin", "0", "Vladimir Putin"},
                                          {"Hamas", "1", "Hamas"},
                                          {"Paris", "2", "Paris"},
                                          {"S-400", "3", "S-400 Triumf"}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (gazetteer_add(g, rows[i][0], strlen(rows[i][0]), (nerc_type)(rows[i][1][0] - '0'),
                          rows[i][2], "", 0) < 0)
            abort();
    if (gazetteer_freeze(g) < 0)
        abort();
    IMAGES[0] = capture(write_gazetteer, g);
    gazetteer_free(g);

    /* a small model learnt from one sentence */
    tagger_trainer *tr = tagger_trainer_new(10);
    tagger_scratch *s = tagger_scratch_new();
    token_buf tb;
    token_buf_init(&tb);
    static const char T[] = "Vladimir Putin visited Paris";
    static const unsigned char gold[] = {1, 2, 0, 5};
    if (!tr || !s || tokenize(T, sizeof T - 1, &tb) < 0 || tb.n != 4)
        abort();
    for (int epoch = 0; epoch < 3; epoch++)
        if (tagger_trainer_learn(tr, s, T, tb.tokens, tb.n, tb.keys, NULL, gold) < 0)
            abort();
    tagger *t = NULL;
    if (tagger_trainer_model(tr, 0, &t) < 0)
        abort();
    IMAGES[1] = capture(write_tagger, t);
    tagger_free(t);
    tagger_trainer_free(tr);
    tagger_scratch_free(s);
    token_buf_free(&tb);

    rule_set *r = rules_new();
    char err[256];
    if (rules_add_line(r, "f.w\tWEAPON\t0\t50\t-\t\\bS-[34]00\\b", "fuzz", err, sizeof err) < 0 ||
        rules_add_line(r, "f.o\tORG\t1\t50\t$1\t\\b(Hamas|Hezbollah)\\b", "fuzz", err, sizeof err) < 0)
        abort();
    IMAGES[2] = capture(write_rules, r);
    rules_free(r);
}

static uint64_t claimed_fingerprint(const unsigned char *b, size_t len, size_t at)
{
    uint64_t fp = 0;
    if (len >= at + 8)
        memcpy(&fp, b + at, 8);
    return fp;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!IMAGES[0].words)
        build_images();
    if (size < 2)
        return 0;
    int kind = data[0] % 3;
    const image *im = &IMAGES[kind];
    size_t len = im->len;
    if (data[1] & 1) /* cut the image short */
        len = len * data[1] / 256;
    uint64_t *copy = malloc(im->len + 8);
    if (!copy)
        abort();
    memcpy(copy, im->words, im->len);
    unsigned char *b = (unsigned char *)copy;
    for (size_t i = 2; i + 4 <= size; i += 4) {
        size_t at = ((size_t)data[i] << 16 | (size_t)data[i + 1] << 8 | data[i + 2]) % im->len;
        b[at] = data[i + 3];
    }
    token_buf tb;
    token_buf_init(&tb);
    if (tokenize(SENTENCE, sizeof SENTENCE - 1, &tb) < 0)
        abort();
    if (kind == 0) {
        gazetteer *g = gazetteer_new();
        if (gazetteer_attach_image(g, copy, len, claimed_fingerprint(b, len, 24)) == 0) {
            gaz_match m[16];
            size_t n = gazetteer_match(g, SENTENCE, tb.tokens, tb.n, tb.keys, m, 16);
            for (size_t i = 0; i < n && i < 16; i++)
                if (m[i].last >= tb.n || !gazetteer_entry(g, m[i].entry))
                    abort();
        }
        gazetteer_free(g);
    } else if (kind == 1) {
        tagger *t = NULL;
        if (tagger_attach_image(copy, len, claimed_fingerprint(b, len, 16), &t) == 0) {
            tagger_scratch *s = tagger_scratch_new();
            tagger_span sp[16];
            if (tagger_tag(t, s, SENTENCE, tb.tokens, tb.n, tb.keys, NULL, sp, 16) < 0)
                abort();
            tagger_scratch_free(s);
            tagger_free(t);
        }
    } else {
        rule_set *r = rules_new();
        char err[256];
        if (rules_use_image(r, copy, len, claimed_fingerprint(b, len, 16)) == 0 &&
            (rules_add_line(r, "f.w\tWEAPON\t0\t50\t-\t\\bS-[34]00\\b", "fuzz", err, sizeof err) < 0 ||
             rules_add_line(r, "f.o\tORG\t1\t50\t$1\t\\b(Hamas|Hezbollah)\\b", "fuzz", err,
                            sizeof err) < 0))
            abort();
        rules_release_image(r);
        rules_free(r);
    }
    token_buf_free(&tb);
    free(copy);
    return 0;
}
