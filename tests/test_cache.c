/* test_cache.c - compiled images (gazetteer, rule patterns, tagger model), their
 * fingerprints, and the whole library with a cache directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cache.h"
#include "gazetteer.h"
#include "nerc.h"
#include "rules.h"
#include "tagger.h"
#include "tokenizer.h"

#ifndef NERC_SOURCE_DIR
#define NERC_SOURCE_DIR "."
#endif

static const char GAZ_TEXT[] =
    "Vladimir Putin\tPERSON\tVladimir Putin\tQ7747\n"
    "Putin\tPERSON\tVladimir Putin\tQ7747\n"
    "Russia\tLOCATION\tRussia\n"
    "Russian Federation\tLOCATION\tRussia\n"
    "Hamas\tORG\tHamas\n"
    "AP\tORG\tAssociated Press\t\tcs\n"
    "S-400\tWEAPON\tS-400 Triumf\n";

/* A fresh temporary directory (path in a static buffer per slot). */
static const char *temp_dir(int slot)
{
    static char dirs[4][64];
    snprintf(dirs[slot], sizeof dirs[slot], "/tmp/nerc_cache_test_%d_XXXXXX", slot);
    assert_non_null(mkdtemp(dirs[slot]));
    return dirs[slot];
}

static void write_file(const char *path, const char *text, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static void remove_tree(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static size_t count_files(const char *dir, const char *prefix)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -c '^%s' || true", dir, prefix);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    unsigned long n = 0;
    assert_int_equal(fscanf(p, "%lu", &n), 1);
    pclose(p);
    return n;
}

/* Matches of text as "first-last:canonical;" strings, for comparing two gazetteers. */
static void describe_matches(const gazetteer *g, const char *text, char *out, size_t outlen)
{
    token_buf tb;
    token_buf_init(&tb);
    assert_int_equal(tokenize(text, strlen(text), &tb), 0);
    gaz_match m[32];
    size_t n = gazetteer_match(g, text, tb.tokens, tb.n, tb.keys, m, 32);
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 32; i++) {
        const gaz_entry *e = gazetteer_entry(g, m[i].entry);
        size_t len = strlen(out);
        snprintf(out + len, outlen - len, "%u-%u:%s/%s;", m[i].first, m[i].last, e->canonical,
                 e->id);
    }
    token_buf_free(&tb);
}

/* A writable, 8-byte aligned copy of an image file (free() it); its size in *len. */
static uint64_t *image_copy(const char *path, size_t *len)
{
    const void *base;
    assert_int_equal(cache_map(path, &base, len), 0);
    uint64_t *copy = malloc(*len + 8);
    assert_non_null(copy);
    memcpy(copy, base, *len);
    cache_unmap(base, *len);
    return copy;
}

static gazetteer *gazetteer_from(const char *path)
{
    gazetteer *g = gazetteer_new();
    assert_non_null(g);
    char err[256];
    assert_int_equal(gazetteer_load_file(g, path, err, sizeof err), 0);
    assert_int_equal(gazetteer_freeze(g), 0);
    return g;
}

static void test_gazetteer_image_round_trip(void **state)
{
    (void)state;
    const char *dir = temp_dir(0);
    char src[128], img[128];
    snprintf(src, sizeof src, "%s/people.tsv", dir);
    snprintf(img, sizeof img, "%s/g.img", dir);
    write_file(src, GAZ_TEXT, sizeof GAZ_TEXT - 1);
    gazetteer *text = gazetteer_from(src);

    FILE *f = fopen(img, "wb");
    assert_non_null(f);
    assert_int_equal(gazetteer_save_image(text, fileno(f), 42), 0);
    fclose(f);

    gazetteer *mapped = gazetteer_new();
    assert_int_equal(gazetteer_map_image(mapped, img, 42), 0);
    assert_int_equal(gazetteer_alias_count(mapped), 7);
    assert_int_equal(gazetteer_entity_count(mapped), 5);

    const char *sentence = "Vladimir Putin said the Russian Federation and AP, not ap, saw the S-400.";
    char a[512], b[512];
    describe_matches(text, sentence, a, sizeof a);
    describe_matches(mapped, sentence, b, sizeof b);
    assert_string_equal(a, "0-1:Vladimir Putin/Q7747;1-1:Vladimir Putin/Q7747;"
                           "4-5:Russia/;7-7:Associated Press/;14-15:S-400 Triumf/;");
    assert_string_equal(b, a);

    /* adding to a mapped gazetteer copies it first and keeps counting entities */
    assert_int_equal(gazetteer_add(mapped, "Kremlin", 7, NERC_ORG, "Kremlin", "", 0), 1);
    assert_int_equal(gazetteer_add(mapped, "V. Putin", 8, NERC_PERSON, "Vladimir Putin", "", 0), 1);
    assert_int_equal(gazetteer_freeze(mapped), 0);
    assert_int_equal(gazetteer_alias_count(mapped), 9);
    assert_int_equal(gazetteer_entity_count(mapped), 6);
    describe_matches(mapped, "The Kremlin and V. Putin.", b, sizeof b);
    assert_string_equal(b, "1-1:Kremlin/;3-5:Vladimir Putin/;5-5:Vladimir Putin/Q7747;");

    /* another fingerprint: refused */
    gazetteer *other = gazetteer_new();
    assert_int_equal(gazetteer_map_image(other, img, 43), NERC_EFORMAT);
    assert_int_equal(gazetteer_alias_count(other), 0);
    gazetteer_free(other);

    gazetteer_free(mapped);
    gazetteer_free(text);
    remove_tree(dir);
}

/* Damaged images are refused, never walked: truncation, and each byte of the image
 * set to a bad value in turn (the checks cover every offset and link). */
static void test_gazetteer_image_damage(void **state)
{
    (void)state;
    const char *dir = temp_dir(0);
    char src[128], img[128];
    snprintf(src, sizeof src, "%s/g.tsv", dir);
    snprintf(img, sizeof img, "%s/g.img", dir);
    write_file(src, GAZ_TEXT, sizeof GAZ_TEXT - 1);
    gazetteer *g = gazetteer_from(src);
    FILE *f = fopen(img, "wb");
    assert_int_equal(gazetteer_save_image(g, fileno(f), 7), 0);
    fclose(f);
    gazetteer_free(g);

    size_t len;
    uint64_t *copy = image_copy(img, &len);

    gazetteer *t = gazetteer_new();
    assert_int_equal(gazetteer_attach_image(t, copy, len - 8, 7), NERC_EFORMAT);
    assert_int_equal(gazetteer_attach_image(t, copy, 10, 7), NERC_EFORMAT);
    gazetteer_free(t);
    size_t accepted = 0;
    unsigned char *bytes = (unsigned char *)copy;
    for (size_t i = 0; i < len; i++) {
        unsigned char keep = bytes[i];
        bytes[i] = 0xff;
        t = gazetteer_new();
        int rc = gazetteer_attach_image(t, copy, len, 7);
        if (rc == 0) {
            /* a change the checks allow (a hash, a flag, text) must still match safely */
            char out[512];
            describe_matches(t, "Putin and Hamas met in Russia.", out, sizeof out);
            accepted++;
        } else {
            assert_int_equal(rc, NERC_EFORMAT);
        }
        gazetteer_free(t);
        bytes[i] = keep;
    }
    assert_true(accepted < len);
    t = gazetteer_new();
    assert_int_equal(gazetteer_attach_image(t, copy, len, 7), 0);
    gazetteer_free(t);
    free(copy);
    remove_tree(dir);
}

static void test_rules_image(void **state)
{
    (void)state;
    const char *dir = temp_dir(0);
    char img[128];
    snprintf(img, sizeof img, "%s/r.img", dir);
    const char *lines[] = {
        "r.one\tWEAPON\t0\t50\t-\t\\bS-[34]00\\b",
        "r.two\tORG\t1\t50\t$1\t\\b(Hamas|Hezbollah)\\b",
    };
    char err[256];
    rule_set *r = rules_new();
    for (int i = 0; i < 2; i++)
        assert_int_equal(rules_add_line(r, lines[i], "test", err, sizeof err), 0);
    assert_false(rules_image_used(r));
    FILE *f = fopen(img, "wb");
    assert_int_equal(rules_save_image(r, fileno(f), 99), 0);
    fclose(f);
    rules_free(r);

    const void *base;
    size_t len;
    assert_int_equal(cache_map(img, &base, &len), 0);

    /* the same lines: every pattern comes from the image */
    r = rules_new();
    assert_int_equal(rules_use_image(r, base, len, 99), 0);
    for (int i = 0; i < 2; i++)
        assert_int_equal(rules_add_line(r, lines[i], "test", err, sizeof err), 0);
    assert_true(rules_image_used(r));
    rules_release_image(r);
    rule_scratch *s = rule_scratch_new(r);
    assert_non_null(s);
    rule_scratch_free(s);
    rules_free(r);

    /* an edited second pattern is compiled from its text, and the edit holds */
    r = rules_new();
    assert_int_equal(rules_use_image(r, base, len, 99), 0);
    assert_int_equal(rules_add_line(r, lines[0], "test", err, sizeof err), 0);
    assert_int_equal(rules_add_line(r, "r.two\tORG\t1\t50\t$1\t\\b(Hamas|Fatah)\\b", "test", err,
                                    sizeof err), 0);
    assert_false(rules_image_used(r));
    rules_free(r);

    /* a wrong fingerprint, a flipped byte or a short image: refused */
    r = rules_new();
    assert_int_equal(rules_use_image(r, base, len, 98), NERC_EFORMAT);
    unsigned char *copy = malloc(len);
    memcpy(copy, base, len);
    copy[len - 5] ^= 0x40;
    assert_int_equal(rules_use_image(r, copy, len, 99), NERC_EFORMAT);
    assert_int_equal(rules_use_image(r, base, len - 1, 99), NERC_EFORMAT);
    assert_int_equal(rules_use_image(r, base, 8, 99), NERC_EFORMAT);
    free(copy);
    rules_free(r);
    cache_unmap(base, len);
    remove_tree(dir);
}

static void tag_spans(const tagger *t, const char *text, char *out, size_t outlen)
{
    token_buf tb;
    token_buf_init(&tb);
    assert_int_equal(tokenize(text, strlen(text), &tb), 0);
    tagger_scratch *s = tagger_scratch_new();
    tagger_span sp[16];
    int n = tagger_tag(t, s, text, tb.tokens, tb.n, tb.keys, NULL, sp, 16);
    assert_true(n >= 0);
    out[0] = '\0';
    for (int i = 0; i < n && i < 16; i++) {
        size_t len = strlen(out);
        snprintf(out + len, outlen - len, "%u-%u:%d:%.4f;", sp[i].first_token, sp[i].last_token,
                 sp[i].type, (double)sp[i].confidence);
    }
    tagger_scratch_free(s);
    token_buf_free(&tb);
}

static void test_tagger_image(void **state)
{
    (void)state;
    const char *dir = temp_dir(0);
    char img[128], err[256];
    snprintf(img, sizeof img, "%s/m.img", dir);
    tagger *t = NULL;
    assert_int_equal(tagger_load(NERC_SOURCE_DIR "/models/ner.model", &t, err, sizeof err), 0);
    FILE *f = fopen(img, "wb");
    assert_int_equal(tagger_save_image(t, fileno(f), 5), 0);
    fclose(f);
    tagger *m = NULL;
    assert_int_equal(tagger_map_image(img, 5, &m), 0);
    assert_int_equal(tagger_nonzero(m), tagger_nonzero(t));
    const char *text = "Talks between Ursula von der Leyen and the Kremlin took place in Vienna.";
    char a[512], b[512];
    tag_spans(t, text, a, sizeof a);
    tag_spans(m, text, b, sizeof b);
    assert_true(strlen(a) > 0);
    assert_string_equal(a, b);
    tagger_free(m);
    assert_int_equal(tagger_map_image(img, 6, &m), NERC_EFORMAT);
    assert_null(m);

    /* a rank count that disagrees with the bitmap: refused */
    size_t len;
    uint64_t *copy = image_copy(img, &len);
    assert_int_equal(tagger_attach_image(copy, len, 5, &m), 0);
    tagger_free(m);
    ((unsigned char *)copy)[len - tagger_nonzero(t) * 28 - 28 - 4] ^= 1; /* the last rank */
    assert_int_equal(tagger_attach_image(copy, len, 5, &m), NERC_EFORMAT);
    assert_int_equal(tagger_attach_image(copy, len - 4, 5, &m), NERC_EFORMAT);
    free(copy);
    tagger_free(t);
    remove_tree(dir);
}

static void test_fingerprint(void **state)
{
    (void)state;
    const char *dir = temp_dir(0);
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/a.tsv", dir);
    snprintf(b, sizeof b, "%s/b.tsv", dir);
    write_file(a, "x\tORG\tX\n", 8);
    write_file(b, "y\tORG\tY\n", 8);
    const char *ab[] = {a, b}, *ba[] = {b, a};
    uint64_t f1, f2, f3, f4, f5;
    assert_int_equal(cache_fingerprint("gazetteers", ab, 2, &f1), 0);
    assert_int_equal(cache_fingerprint("gazetteers", ab, 2, &f2), 0);
    assert_true(f1 == f2);
    assert_int_equal(cache_fingerprint("gazetteers", ba, 2, &f3), 0);
    assert_true(f3 != f1); /* order matters: the first file wins a shared alias */
    assert_int_equal(cache_fingerprint("rules", ab, 2, &f4), 0);
    assert_true(f4 != f1);
    /* the same size, a new modification time */
    struct timespec times[2] = {{0, UTIME_OMIT}, {1000000000, 123}};
    assert_int_equal(utimensat(AT_FDCWD, b, times, 0), 0);
    assert_int_equal(cache_fingerprint("gazetteers", ab, 2, &f5), 0);
    assert_true(f5 != f1);
    const char *missing[] = {"/nonexistent/nerc.tsv"};
    assert_int_equal(cache_fingerprint("gazetteers", missing, 1, &f5), NERC_EIO);
    char path[64];
    assert_int_equal(cache_image_path(path, sizeof path, "/c", "rules", 0xabcULL), 0);
    assert_string_equal(path, "/c/rules-0000000000000abc.img");
    assert_int_equal(cache_image_path(path, 8, "/c", "rules", 1), NERC_EARG);
    remove_tree(dir);
}

/* ------------------------------------------------------------ the library */

typedef struct collected {
    char buf[8192];
    size_t len;
} collected;

static int on_mention(void *user, const nerc_mention *m)
{
    collected *c = user;
    int n = snprintf(c->buf + c->len, sizeof c->buf - c->len, "%s|%.*s|%s|%zu\n",
                     nerc_type_name(m->type), (int)m->text_len, m->text, m->value, m->start);
    if (n > 0 && (size_t)n < sizeof c->buf - c->len)
        c->len += (size_t)n;
    return 0;
}

static int run_text(const nerc_options *o, const char *text, collected *c, nerc_info *info)
{
    nerc *ctx = NULL;
    char err[512];
    int rc = nerc_new(o, &ctx, err, sizeof err);
    if (rc < 0)
        return rc;
    nerc_get_info(ctx, info);
    memset(c, 0, sizeof *c);
    nerc_handler h = {0};
    h.on_mention = on_mention;
    h.user = c;
    nerc_doc *d = nerc_doc_new(ctx, &h, NULL);
    assert_non_null(d);
    assert_int_equal(nerc_doc_feed(d, text, strlen(text)), 0);
    assert_int_equal(nerc_doc_finish(d), 0);
    nerc_doc_free(d);
    nerc_free(ctx);
    return 0;
}

static void test_library_cache(void **state)
{
    (void)state;
    const char *cache = temp_dir(1);
    const char *data = temp_dir(2);
    char extra[128], sub[160];
    snprintf(extra, sizeof extra, "%s/extra.tsv", data);
    write_file(extra, "Zorblat Dynamics\tORG\tZorblat Dynamics Corp\n", 43);
    snprintf(sub, sizeof sub, "%s/sub/dir", cache);
    const char *gaz[] = {extra};
    const char *text = "Zorblat Dynamics said on March 3, 2024 that Vladimir Putin visited Hamas "
                       "leaders in Doha with an S-400 offer.";

    nerc_options o = nerc_default_options();
    o.data_dir = NERC_SOURCE_DIR;
    o.gazetteers = gaz;
    o.n_gazetteers = 1;
    collected plain, first, second;
    nerc_info info;
    assert_int_equal(run_text(&o, text, &plain, &info), 0);
    assert_int_equal(info.gazetteer_cache, NERC_CACHE_OFF);
    assert_non_null(strstr(plain.buf, "ORG|Zorblat Dynamics|Zorblat Dynamics Corp|0\n"));
    assert_non_null(strstr(plain.buf, "WEAPON|S-400|"));

    o.cache_dir = sub; /* created with its parents */
    assert_int_equal(run_text(&o, text, &first, &info), 0);
    assert_int_equal(info.gazetteer_cache, NERC_CACHE_WRITTEN);
    assert_int_equal(info.rules_cache, NERC_CACHE_WRITTEN);
    assert_int_equal(info.model_cache, NERC_CACHE_WRITTEN);
    assert_int_equal(run_text(&o, text, &second, &info), 0);
    assert_int_equal(info.gazetteer_cache, NERC_CACHE_HIT);
    assert_int_equal(info.rules_cache, NERC_CACHE_HIT);
    assert_int_equal(info.model_cache, NERC_CACHE_HIT);
    assert_string_equal(first.buf, plain.buf);
    assert_string_equal(second.buf, plain.buf);
    assert_int_equal(count_files(sub, "gazetteers-"), 1);

    /* an edited gazetteer: a new image, and the edit is seen */
    sleep(1);
    write_file(extra, "Zorblat Dynamics\tORG\tZorblat Dynamics Inc\n", 42);
    assert_int_equal(run_text(&o, text, &second, &info), 0);
    assert_int_equal(info.gazetteer_cache, NERC_CACHE_WRITTEN);
    assert_int_equal(info.rules_cache, NERC_CACHE_HIT);
    assert_non_null(strstr(second.buf, "ORG|Zorblat Dynamics|Zorblat Dynamics Inc|0\n"));
    assert_int_equal(count_files(sub, "gazetteers-"), 2);

    /* a cache that cannot be written: the text is read, nothing fails */
    char blocked[200];
    snprintf(blocked, sizeof blocked, "%s/file", cache);
    write_file(blocked, "x", 1);
    snprintf(sub, sizeof sub, "%s/file/under", cache);
    assert_int_equal(run_text(&o, text, &second, &info), 0);
    assert_int_equal(info.gazetteer_cache, NERC_CACHE_UNWRITABLE);
    assert_int_equal(info.model_cache, NERC_CACHE_UNWRITABLE);
    remove_tree(cache);
    remove_tree(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gazetteer_image_round_trip),
        cmocka_unit_test(test_gazetteer_image_damage),
        cmocka_unit_test(test_rules_image),
        cmocka_unit_test(test_tagger_image),
        cmocka_unit_test(test_fingerprint),
        cmocka_unit_test(test_library_cache),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
