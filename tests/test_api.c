/* test_api.c - the public API: contexts, documents, streaming and threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pthread.h>

#include <cmocka.h>

#include "nerc.h"

/* ------------------------------------------------------------ helpers */

typedef struct sink {
    char *s;
    size_t len, cap;
    size_t mentions, triples, warnings;
    int stop_after;
} sink;

static void put(sink *k, const char *p)
{
    size_t n = strlen(p);
    if (k->len + n + 1 > k->cap) {
        k->cap = (k->len + n + 1) * 2;
        k->s = realloc(k->s, k->cap);
        assert_non_null(k->s);
    }
    memcpy(k->s + k->len, p, n + 1);
    k->len += n;
}

static int on_mention(void *user, const nerc_mention *m)
{
    sink *k = user;
    char line[1024];
    snprintf(line, sizeof line, "%zu-%zu s%zu %s [%.*s] -> %s (%s%s%s)\n", m->start, m->end,
             m->sentence, nerc_type_name(m->type), (int)m->text_len, m->text, m->value,
             nerc_source_name(m->source), m->rule ? " " : "", m->rule ? m->rule : "");
    put(k, line);
    k->mentions++;
    return k->stop_after && (int)k->mentions >= k->stop_after;
}

static int on_triple(void *user, const nerc_triple *t)
{
    sink *k = user;
    char line[2048];
    snprintf(line, sizeof line, "T s%zu %s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%zu-%zu\n", t->sentence,
             t->kind, t->subject, t->subject_type, t->predicate, t->object, t->object_type,
             t->polarity, t->modality, t->date, t->date_text, t->start, t->end);
    put(k, line);
    k->triples++;
    return 0;
}

static void on_warning(void *user, const char *msg)
{
    sink *k = user;
    char line[512];
    snprintf(line, sizeof line, "W %s\n", msg);
    put(k, line);
    k->warnings++;
}

/* Run text through a document fed in chunks of `chunk` bytes (0 = whole; SIZE_MAX =
 * pseudo-random sizes). Returns the collected lines (caller frees). */
static char *run_doc(const nerc *ctx, const char *text, size_t len, size_t chunk,
                     const char *doc_date)
{
    sink k = {0};
    put(&k, "");
    nerc_handler h = {on_mention, on_triple, on_warning, &k};
    nerc_doc_options o = {doc_date};
    nerc_doc *d = nerc_doc_new(ctx, &h, &o);
    assert_non_null(d);
    uint32_t seed = 99;
    size_t i = 0;
    while (i < len) {
        size_t n = len - i;
        if (chunk == SIZE_MAX) {
            seed = seed * 1103515245u + 12345u;
            n = 1 + (seed >> 16) % 211;
        } else if (chunk) {
            n = chunk;
        }
        if (n > len - i)
            n = len - i;
        assert_int_equal(nerc_doc_feed(d, text + i, n), 0);
        i += n;
    }
    assert_int_equal(nerc_doc_finish(d), 0);
    nerc_doc_stats st;
    nerc_doc_get_stats(d, &st);
    assert_int_equal(st.bytes, len);
    assert_int_equal(st.mentions, k.mentions);
    assert_int_equal(st.triples, k.triples);
    nerc_doc_free(d);
    return k.s;
}

static char tmpdir[64];

static void write_file(const char *rel, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int make_data_dir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/core_api_XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    char p[256];
    snprintf(p, sizeof p, "%s/gazetteers", tmpdir);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/models", tmpdir);
    assert_int_equal(mkdir(p, 0700), 0);
    write_file("gazetteers/10-core.tsv",
               "Talia Ortiz\tPERSON\tTalia Ortiz\n"
               "Ramon Ortiz\tPERSON\tRamon Ortiz\n"
               "Port Vell\tLOCATION\tPort Vell\n"
               "Vell\tLOCATION\tPort Vell\n"
               "Arden Treaty\tAGREEMENT\tTreaty of Arden\n"
               "Northern Vell Council\tORG\tNorthern Vell Council\n");
    write_file("models/core.rules",
               "weapon.z\tWEAPON\t0\t70\tZephyr Z-$1\t\\bZ-(\\d+)\\b\n");
    return 0;
}

static int remove_data_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static nerc *tiny_context(void)
{
    nerc_options o = nerc_default_options();
    o.data_dir = tmpdir;
    o.no_model = 1;
    o.no_claims = 1;
    nerc *ctx = NULL;
    char err[512];
    int rc = nerc_new(&o, &ctx, err, sizeof err);
    if (rc != 0)
        fail_msg("nerc_new: %s", err);
    return ctx;
}

/* ---------------------------------------------------------- nerc_new */

static void test_new_errors(void **state)
{
    (void)state;
    nerc_options o = nerc_default_options();
    o.data_dir = "/nonexistent/core_data";
    nerc *ctx = (nerc *)&o; /* must be reset to NULL */
    char err[512];
    assert_int_equal(nerc_new(&o, &ctx, err, sizeof err), NERC_EIO);
    assert_null(ctx);
    assert_string_equal(err, "/nonexistent/core_data/gazetteers: no such data directory "
                             "(set --data DIR or NERC_DATA)");

    /* an extra gazetteer with a bad line names its file and line */
    write_file("bad.tsv", "Good\tPERSON\tGood\nBad\tPERSON\n");
    char bad[256];
    snprintf(bad, sizeof bad, "%s/bad.tsv", tmpdir);
    const char *gz[] = {bad};
    o.data_dir = tmpdir;
    o.gazetteers = gz;
    o.n_gazetteers = 1;
    o.no_model = 1;
    o.no_claims = 1;
    assert_int_equal(nerc_new(&o, &ctx, err, sizeof err), NERC_EFORMAT);
    assert_null(ctx);
    char want[600];
    snprintf(want, sizeof want,
             "%s:2: expected at least 3 TAB-separated fields: surface, type, canonical", bad);
    assert_string_equal(err, want);

    /* a missing extra rule file */
    o.n_gazetteers = 0;
    const char *rl[] = {"/nonexistent/core.rules"};
    o.rules = rl;
    o.n_rules = 1;
    assert_int_equal(nerc_new(&o, &ctx, err, sizeof err), NERC_EIO);
    assert_string_equal(err, "/nonexistent/core.rules: cannot open: No such file or directory");

    /* a tiny error buffer is never overrun */
    char small[8];
    memset(small, 'x', sizeof small);
    o.data_dir = "/nonexistent/core_data";
    o.n_rules = 0;
    assert_int_equal(nerc_new(&o, &ctx, small, sizeof small), NERC_EIO);
    assert_string_equal(small, "/nonexi");

    assert_string_equal(nerc_strerror(NERC_ELIMIT), "resource limit reached");
    assert_string_equal(nerc_strerror(12345), "unknown error");
    assert_string_equal(nerc_version(), NERC_VERSION_STRING);
    assert_int_equal(nerc_type_from_name("weapon"), NERC_WEAPON);
    assert_int_equal(nerc_type_from_name("GUN"), -1);
}

static void test_tiny_data_dir_exact_mentions(void **state)
{
    (void)state;
    nerc *ctx = tiny_context();
    nerc_info info;
    nerc_get_info(ctx, &info);
    assert_int_equal(info.gazetteer_aliases, 6);
    assert_int_equal(info.gazetteer_entities, 5);
    assert_int_equal(info.rules, 1);
    assert_int_equal(info.model_loaded, 0);

    static const char T[] = "Talia Ortiz flew to Port Vell on 17 January 2025.\n"
                            "Ortiz signed the Arden Treaty; the Z-9 drone stayed in Vell.";
    char *got = run_doc(ctx, T, sizeof T - 1, 0, NULL);
    assert_string_equal(got,
                        "0-11 s1 PERSON [Talia Ortiz] -> Talia Ortiz (gazetteer)\n"
                        "20-29 s1 LOCATION [Port Vell] -> Port Vell (gazetteer)\n"
                        "33-48 s1 DATE [17 January 2025] -> 2025-01-17 (date)\n"
                        "50-55 s2 PERSON [Ortiz] -> Talia Ortiz (alias)\n"
                        "67-79 s2 AGREEMENT [Arden Treaty] -> Treaty of Arden (gazetteer)\n"
                        "85-88 s2 WEAPON [Z-9] -> Zephyr Z-9 (rule weapon.z)\n"
                        "105-109 s2 LOCATION [Vell] -> Port Vell (gazetteer)\n");
    free(got);
    nerc_free(ctx);
}

/* A surname learnt from one person, used in a sentence that also names another person
 * with that surname: the document table replaced (and freed) the canonical the first
 * mention still pointed to (heap-use-after-free, found by fuzz_pipeline). */
static void test_alias_relearnt_in_same_sentence(void **state)
{
    (void)state;
    nerc *ctx = tiny_context();
    static const char T[] = "Talia Ortiz spoke. Ortiz met Ramon Ortiz. Ortiz left with Talia Ortiz.";
    char *got = run_doc(ctx, T, sizeof T - 1, 0, NULL);
    assert_string_equal(got,
                        "0-11 s1 PERSON [Talia Ortiz] -> Talia Ortiz (gazetteer)\n"
                        "19-24 s2 PERSON [Ortiz] -> Talia Ortiz (alias)\n"
                        "29-40 s2 PERSON [Ramon Ortiz] -> Ramon Ortiz (gazetteer)\n"
                        "42-47 s3 PERSON [Ortiz] -> Ramon Ortiz (alias)\n"
                        "58-69 s3 PERSON [Talia Ortiz] -> Talia Ortiz (gazetteer)\n");
    free(got);
    nerc_free(ctx);
}

/* Short forms a document teaches: the surname of a full name, and the family name
 * that comes first in an East Asian name with a hyphenated given name. */
static void test_learnt_short_forms(void **state)
{
    (void)state;
    write_file("east_asian.tsv", "Soong Mei-ling\tPERSON\tSoong Mei-ling\n");
    char extra[256];
    snprintf(extra, sizeof extra, "%s/east_asian.tsv", tmpdir);
    const char *gz[] = {extra};
    nerc_options o = nerc_default_options();
    o.data_dir = tmpdir;
    o.no_model = 1;
    o.no_claims = 1;
    o.gazetteers = gz;
    o.n_gazetteers = 1;
    nerc *ctx = NULL;
    char err[512];
    assert_int_equal(nerc_new(&o, &ctx, err, sizeof err), 0);
    static const char T[] = "Soong Mei-ling met Talia Ortiz. Soong thanked Ortiz.";
    char *got = run_doc(ctx, T, sizeof T - 1, 0, NULL);
    assert_string_equal(got,
                        "0-14 s1 PERSON [Soong Mei-ling] -> Soong Mei-ling (gazetteer)\n"
                        "19-30 s1 PERSON [Talia Ortiz] -> Talia Ortiz (gazetteer)\n"
                        "32-37 s2 PERSON [Soong] -> Soong Mei-ling (alias)\n"
                        "46-51 s2 PERSON [Ortiz] -> Talia Ortiz (alias)\n");
    free(got);
    nerc_free(ctx);
}

static void test_document_states(void **state)
{
    (void)state;
    nerc *ctx = tiny_context();
    nerc_doc_options bad = {"2025-13-01"};
    assert_null(nerc_doc_new(ctx, NULL, &bad));
    nerc_doc_options bad2 = {"yesterday"};
    assert_null(nerc_doc_new(ctx, NULL, &bad2));

    /* NULL handler: runs, counts */
    nerc_doc *d = nerc_doc_new(ctx, NULL, NULL);
    assert_non_null(d);
    assert_int_equal(nerc_doc_feed(d, "Talia Ortiz \xFF left.", 19), 0);
    assert_int_equal(nerc_doc_finish(d), 0);
    nerc_doc_stats st;
    nerc_doc_get_stats(d, &st);
    assert_int_equal(st.bytes, 19);
    assert_int_equal(st.sentences, 1);
    assert_int_equal(st.mentions, 1);
    assert_int_equal(st.invalid_utf8_bytes, 1);
    assert_int_equal(nerc_doc_feed(d, "more", 4), NERC_ESTATE);
    assert_int_equal(nerc_doc_finish(d), NERC_ESTATE);
    nerc_doc_free(d);

    /* the handler stops the document */
    sink k = {0};
    k.stop_after = 1;
    nerc_handler h = {on_mention, NULL, on_warning, &k};
    d = nerc_doc_new(ctx, &h, NULL);
    assert_int_equal(nerc_doc_feed(d, "Talia Ortiz and Ramon Ortiz. ", 29), 0);
    assert_int_equal(nerc_doc_finish(d), NERC_ECALLBACK);
    assert_int_equal(k.mentions, 1);
    assert_int_equal(nerc_doc_feed(d, "x", 1), NERC_ESTATE);
    nerc_doc_free(d);
    free(k.s);

    /* warnings: one per kind per document */
    char *got = run_doc(ctx, "A\xFF" "b. C\xFE" "d.", 8, 0, NULL);
    assert_string_equal(got, "W invalid UTF-8 or NUL bytes were read as spaces\n");
    free(got);
    nerc_free(ctx);
}

/* ------------------------------------------------ streaming invariance */

static const char ARTICLE[] =
    "Vell Talks Resume\n\n"
    "PORT VELL, 3 March 2025 \xE2\x80\x93 Talia Ortiz, the envoy of the Northern Vell Council, "
    "said on Friday that the Arden Treaty would be signed \xE2\x80\x9Cwithin weeks.\xE2\x80\x9D "
    "Ortiz\xE2\x80\x99s team met U.S. and U.N. officials. Gen. Ramon Ortiz disagreed.\n"
    "The Z-9 and Z-12 drones, shown in Vell last July, were not mentioned. "
    "President Vladimir Putin and Masoud Pezeshkian were said to follow the talks; "
    "Putin\xE2\x80\x99s aide called it \"a first step\" on 2024-10-05 (Saturday).\n\n"
    "Bad \xFF bytes \xC0\xAF and a NUL \x00 do not stop the run. Iran-Russia ties, HTS-led "
    "forces and the Shahed-136 came up too.";

static void test_chunk_invariance_tiny(void **state)
{
    (void)state;
    nerc *ctx = tiny_context();
    size_t len = sizeof ARTICLE - 1;
    char *whole = run_doc(ctx, ARTICLE, len, 0, "2025-03-03");
    assert_true(strstr(whole, "Zephyr Z-12") != NULL);
    char *ones = run_doc(ctx, ARTICLE, len, 1, "2025-03-03");
    assert_string_equal(whole, ones);
    char *rnd = run_doc(ctx, ARTICLE, len, SIZE_MAX, "2025-03-03");
    assert_string_equal(whole, rnd);
    free(whole);
    free(ones);
    free(rnd);
    nerc_free(ctx);
}

static nerc *shipped_context(void)
{
    nerc_options o = nerc_default_options();
    o.data_dir = NERC_SOURCE_DIR;
    nerc *ctx = NULL;
    char err[1024];
    int rc = nerc_new(&o, &ctx, err, sizeof err);
    if (rc != 0)
        fail_msg("nerc_new with the shipped data: %s", err);
    return ctx;
}

static void test_chunk_invariance_shipped_data(void **state)
{
    (void)state;
    nerc *ctx = shipped_context();
    size_t len = sizeof ARTICLE - 1;
    char *whole = run_doc(ctx, ARTICLE, len, 0, "2025-03-03");
    assert_true(strstr(whole, "PERSON [Vladimir Putin]") != NULL);
    char *ones = run_doc(ctx, ARTICLE, len, 1, "2025-03-03");
    assert_string_equal(whole, ones);
    char *rnd = run_doc(ctx, ARTICLE, len, SIZE_MAX, "2025-03-03");
    assert_string_equal(whole, rnd);
    free(whole);
    free(ones);
    free(rnd);
    nerc_free(ctx);
}

/* One document through *d: made on the first call, reset for later ones. Returns the
 * collected lines (caller frees). */
static char *run_reused(const nerc *ctx, nerc_doc **d, const char *text, size_t len,
                        const char *doc_date)
{
    sink k = {0};
    put(&k, "");
    nerc_handler h = {on_mention, on_triple, on_warning, &k};
    nerc_doc_options o = {doc_date};
    if (*d)
        assert_int_equal(nerc_doc_reset(*d, &h, &o), 0);
    else
        *d = nerc_doc_new(ctx, &h, &o);
    assert_non_null(*d);
    assert_int_equal(nerc_doc_feed(*d, text, len), 0);
    assert_int_equal(nerc_doc_finish(*d), 0);
    nerc_doc_stats st;
    nerc_doc_get_stats(*d, &st);
    assert_int_equal(st.bytes, len);
    assert_int_equal(st.mentions, k.mentions);
    return k.s;
}

/* A reset document forgets the last one: its learnt short forms, remembered subjects,
 * dates and model memory. */
static void test_doc_reset(void **state)
{
    (void)state;
    nerc *ctx = shipped_context();
    static const char OTHER[] =
        "On 4 May 2019 Ramon Ortiz of the Vell Council met Talia Ortiz in Madrid. Ortiz said "
        "the council had signed the accord the week before. He left.";
    size_t alen = sizeof ARTICLE - 1, olen = sizeof OTHER - 1;
    char *article = run_doc(ctx, ARTICLE, alen, 0, NULL);
    char *other = run_doc(ctx, OTHER, olen, 0, "2019-05-06");
    nerc_doc *d = NULL;
    char *o1 = run_reused(ctx, &d, OTHER, olen, "2019-05-06");
    char *a1 = run_reused(ctx, &d, ARTICLE, alen, NULL);
    char *o2 = run_reused(ctx, &d, OTHER, olen, "2019-05-06");
    assert_string_equal(o1, other);
    assert_string_equal(a1, article);
    assert_string_equal(o2, other);
    /* no one for "He", no date for "next month": as in a new document */
    static const char THIRD[] = "Rain fell. Roads shut. Power failed. He said the talks "
                                "would resume next month.";
    char *t1 = run_reused(ctx, &d, THIRD, sizeof THIRD - 1, NULL);
    assert_string_equal(t1, "68-78 s4 DATE [next month] -> XXXX-XX (date)\n");
    free(t1);
    /* a malformed date leaves the document as it was */
    nerc_doc_options bad = {"2019-02-30"};
    assert_int_equal(nerc_doc_reset(d, NULL, &bad), NERC_EARG);
    assert_int_equal(nerc_doc_reset(NULL, NULL, NULL), NERC_EARG);
    nerc_doc_free(d);
    free(article);
    free(other);
    free(o1);
    free(a1);
    free(o2);
    nerc_free(ctx);
}

/* ------------------------------------------------------------ threads */

typedef struct job {
    const nerc *ctx;
    char *out;
    int rounds;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    for (int r = 0; r < j->rounds; r++) {
        char *s = run_doc(j->ctx, ARTICLE, sizeof ARTICLE - 1, r % 2 ? SIZE_MAX : 0,
                          "2025-03-03");
        if (r == 0)
            j->out = s;
        else {
            if (strcmp(s, j->out) != 0) {
                free(s);
                return (void *)1;
            }
            free(s);
        }
    }
    return NULL;
}

static void test_threads_share_a_context(void **state)
{
    (void)state;
    nerc *ctx = shipped_context();
    char *want = run_doc(ctx, ARTICLE, sizeof ARTICLE - 1, 0, "2025-03-03");
    enum { N = 4 };
    pthread_t t[N];
    job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i] = (job){ctx, NULL, 6};
        assert_int_equal(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        void *rv;
        assert_int_equal(pthread_join(t[i], &rv), 0);
        assert_null(rv);
        assert_string_equal(jobs[i].out, want);
        free(jobs[i].out);
    }
    free(want);
    nerc_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_errors),
        cmocka_unit_test(test_tiny_data_dir_exact_mentions),
        cmocka_unit_test(test_alias_relearnt_in_same_sentence),
        cmocka_unit_test(test_learnt_short_forms),
        cmocka_unit_test(test_document_states),
        cmocka_unit_test(test_chunk_invariance_tiny),
        cmocka_unit_test(test_chunk_invariance_shipped_data),
        cmocka_unit_test(test_doc_reset),
        cmocka_unit_test(test_threads_share_a_context),
    };
    return cmocka_run_group_tests(tests, make_data_dir, remove_data_dir);
}
