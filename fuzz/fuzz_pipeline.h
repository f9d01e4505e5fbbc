/* fuzz_pipeline.h - run the whole pipeline over a text and record its mentions. */
#ifndef NERC_FUZZ_PIPELINE_H
#define NERC_FUZZ_PIPELINE_H

#include <stdio.h>

#include "fuzz_common.h"
#include "nerc.h"

#ifndef NERC_FUZZ_DATA
#define NERC_FUZZ_DATA "."
#endif

typedef struct mrec {
    char *b;
    size_t len, cap;
    size_t doc_len;
} mrec;

static void mrec_put(mrec *r, const char *p, size_t n)
{
    if (r->len + n + 1 > r->cap) {
        size_t c = r->cap ? r->cap * 2 : 4096;
        while (c < r->len + n + 1)
            c *= 2;
        r->b = realloc(r->b, c);
        if (!r->b)
            abort();
        r->cap = c;
    }
    memcpy(r->b + r->len, p, n);
    r->len += n;
}

static int fz_mention(void *user, const nerc_mention *m)
{
    mrec *r = user;
    if (m->start >= m->end || m->end > r->doc_len || m->text_len != m->end - m->start ||
        !m->value || m->sentence == 0 || m->confidence < 0 || m->confidence > 1)
        abort();
    char line[160];
    int n = snprintf(line, sizeof line, "M %zu %zu %zu %d %d %s|", m->start, m->end,
                     m->sentence, (int)m->type, (int)m->source, m->rule ? m->rule : "-");
    mrec_put(r, line, (size_t)n);
    mrec_put(r, m->value, strlen(m->value));
    mrec_put(r, "\n", 1);
    return 0;
}

static int fz_triple(void *user, const nerc_triple *t)
{
    mrec *r = user;
    const char *f[] = {t->kind, t->subject, t->subject_type, t->predicate, t->object,
                       t->object_type, t->polarity, t->modality, t->date, t->date_text};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        if (!f[i])
            abort(); /* empty fields are "" */
        mrec_put(r, f[i], strlen(f[i]));
        mrec_put(r, "|", 1);
    }
    mrec_put(r, "\n", 1);
    return 0;
}

static nerc *fz_context(void)
{
    static nerc *ctx;
    if (!ctx) {
        nerc_options o = nerc_default_options();
        o.data_dir = getenv("NERC_DATA") ? getenv("NERC_DATA") : NERC_FUZZ_DATA;
        char err[1024];
        if (nerc_new(&o, &ctx, err, sizeof err) < 0) {
            /* a model being retrained can be unreadable for a while: fuzz without it */
            fprintf(stderr, "nerc_new: %s; going on without the model\n", err);
            o.no_model = 1;
            if (nerc_new(&o, &ctx, err, sizeof err) < 0) {
                fprintf(stderr, "nerc_new: %s\n", err);
                abort();
            }
        }
    }
    return ctx;
}

/* Feed text in chunks (chunk 0 = whole) and record mentions and triples. */
static void fz_run(const char *text, size_t len, size_t chunk, const char *doc_date, mrec *r)
{
    nerc_handler h = {fz_mention, fz_triple, NULL, r};
    nerc_doc_options dopt = {doc_date};
    r->doc_len = len;
    nerc_doc *d = nerc_doc_new(fz_context(), &h, &dopt);
    if (!d)
        abort();
    size_t i = 0;
    while (i < len) {
        size_t n = chunk && chunk < len - i ? chunk : len - i;
        if (nerc_doc_feed(d, text + i, n) < 0)
            abort();
        i += n;
    }
    if (nerc_doc_finish(d) < 0)
        abort();
    nerc_doc_free(d);
    mrec_put(r, "", 0);
}

#endif
