/* cli.c - documents in, rows out, in input order, with N worker threads. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rss.h"
#include "writer.h"

#define READ_CHUNK (64u * 1024u)
#define DIRECT_FLUSH (64u * 1024u)
/* Files above this size are streamed by the main thread straight to the output, so
 * memory stays bounded by a sentence, not by the file. */
#define LARGE_FILE (8u * 1024u * 1024u)

/* ------------------------------------------------------------ options */

void cli_options_init(cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->lib = nerc_default_options();
    o->field_id = "id";
    o->field_date = "date";
    o->field_title = "title";
    o->field_text = "text";
}

void cli_options_free(cli_options *o)
{
    free(o->gazetteers);
    free(o->rules);
}

int cli_set_emit(cli_options *o, const char *s)
{
    if (strcmp(s, "triples") == 0)
        o->emit = EMIT_TRIPLES;
    else if (strcmp(s, "mentions") == 0)
        o->emit = EMIT_MENTIONS;
    else if (strcmp(s, "entities") == 0)
        o->emit = EMIT_ENTITIES;
    else
        return -1;
    return 0;
}

int cli_set_field(cli_options *o, const char *s)
{
    const char *eq = strchr(s, '=');
    if (!eq || !eq[1])
        return -1;
    size_t n = (size_t)(eq - s);
    const char **slot = NULL;
    if (n == 2 && strncmp(s, "id", 2) == 0)
        slot = &o->field_id;
    else if (n == 4 && strncmp(s, "date", 4) == 0)
        slot = &o->field_date;
    else if (n == 5 && strncmp(s, "title", 5) == 0)
        slot = &o->field_title;
    else if (n == 4 && strncmp(s, "text", 4) == 0)
        slot = &o->field_text;
    if (!slot)
        return -1;
    *slot = eq + 1;
    return 0;
}

int cli_set_split(cli_options *o, const char *s)
{
    if (strcmp(s, "blank") == 0)
        o->split = SPLIT_BLANK;
    else if (strcmp(s, "formfeed") == 0)
        o->split = SPLIT_FORMFEED;
    else if (strcmp(s, "line") == 0)
        o->split = SPLIT_LINE;
    else
        return -1;
    return 0;
}

int cli_valid_date(const char *s)
{
    /* exactly YYYY-MM-DD, digits only (sscanf would also take "+8" or " 8") */
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= (m == 2 && !leap ? 28 : mdays[m - 1]);
}

int cli_push(const char ***list, size_t *n, const char *s)
{
    const char **p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return -1;
    p[(*n)++] = s;
    *list = p;
    return 0;
}

/* --------------------------------------------------------------- jobs */

/* A job is a document to process, or a report kept in input order: a malformed
 * line or item that was skipped, or an input that could not be read to its end. */
typedef enum { JOB_DOC, JOB_SKIPPED, JOB_INPUT_ERROR } job_kind;

typedef struct job {
    job_kind kind;
    char *name;       /* the doc column */
    char *path;       /* file to read, or NULL */
    FILE *stream;     /* stream to read (stdin), or NULL */
    char *text;       /* in-memory document, or NULL */
    size_t text_len;
    char *doc_date;   /* per-document date (feeds), or NULL */
    outbuf out;       /* rows */
    outbuf msgs;      /* stderr lines */
    int failed;
    int done;
    size_t bytes;
} job;

static void job_clear(job *j)
{
    free(j->name);
    free(j->path);
    free(j->text);
    free(j->doc_date);
    outbuf_free(&j->out);
    outbuf_free(&j->msgs);
    memset(j, 0, sizeof *j);
}

static void msgf(job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Add a line for stderr to the job: it is printed when the job's rows are written. */
static void msgf(job *j, const char *fmt, ...)
{
    char line[1200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t len = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
    if (j->msgs.len + len + 1 > j->msgs.cap) {
        size_t c = j->msgs.cap ? j->msgs.cap * 2 : 1024;
        while (c < j->msgs.len + len + 1)
            c *= 2;
        char *p = realloc(j->msgs.data, c);
        if (!p)
            return;
        j->msgs.data = p;
        j->msgs.cap = c;
    }
    memcpy(j->msgs.data + j->msgs.len, line, len);
    j->msgs.len += len;
}

/* ------------------------------------------------------------- output */

typedef struct output {
    FILE *f;
    const char *name;
    int failed;       /* a write failed (not EPIPE) */
    int closed;       /* the reader went away (EPIPE): stop quietly */
    int err;
} output;

static void out_write(output *out, const char *data, size_t len)
{
    if (out->failed || out->closed || len == 0)
        return;
    if (fwrite(data, 1, len, out->f) != len || fflush(out->f) != 0) {
        if (errno == EPIPE)
            out->closed = 1;
        else {
            out->failed = 1;
            out->err = errno;
        }
    }
}

/* ----------------------------------------------------------- entities */

typedef struct entity {
    nerc_type type;
    char *canonical;
    size_t count, first;
} entity;

typedef struct entity_table {
    entity *items;
    size_t n, cap;
} entity_table;

static void entity_add(entity_table *t, nerc_type type, const char *canonical, size_t start)
{
    for (size_t i = t->n; i-- > 0;) /* documents name few entities: a scan is enough */
        if (t->items[i].type == type && strcmp(t->items[i].canonical, canonical) == 0) {
            t->items[i].count++;
            return;
        }
    if (t->n == t->cap) {
        size_t c = t->cap ? t->cap * 2 : 32;
        entity *p = realloc(t->items, c * sizeof *p);
        if (!p)
            return;
        t->items = p;
        t->cap = c;
    }
    char *s = strdup(canonical);
    if (!s)
        return;
    t->items[t->n++] = (entity){type, s, 1, start};
}

static void entity_free(entity_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->items[i].canonical);
    free(t->items);
    memset(t, 0, sizeof *t);
}

/* -------------------------------------------------------- processing */

typedef struct run_ctx {
    const cli_options *o;
    job *j;
    entity_table ents;
    output *direct;  /* write rows through as they come, or NULL */
    int oom;
} run_ctx;

static void maybe_flush(run_ctx *r)
{
    if (r->direct && r->j->out.len >= DIRECT_FLUSH) {
        out_write(r->direct, r->j->out.data, r->j->out.len);
        r->j->out.len = 0;
    }
}

/* v in decimal, into buf (at least 21 bytes); returns buf. snprintf costs more than
 * the rest of a row. */
static const char *decimal(char *buf, size_t v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

static int on_mention(void *user, const nerc_mention *m)
{
    run_ctx *r = user;
    if (r->o->emit == EMIT_ENTITIES) {
        entity_add(&r->ents, m->type, m->value[0] ? m->value : "", m->start);
        return 0;
    }
    if (r->o->emit != EMIT_MENTIONS)
        return 0;
    char start[24], end[24], sent[24], conf[16];
    decimal(start, m->start);
    decimal(end, m->end);
    decimal(sent, m->sentence);
    snprintf(conf, sizeof conf, "%.2f", m->confidence);
    char *text = strndup(m->text, m->text_len);
    if (!text) {
        r->oom = 1;
        return 1;
    }
    const char *f[] = {r->j->name, start, end, nerc_type_name(m->type), text, m->value,
                       nerc_source_name(m->source), sent, conf};
    if (write_row(&r->j->out, r->o->writer_flags, f, 9) < 0)
        r->oom = 1;
    free(text);
    maybe_flush(r);
    return r->oom;
}

static int on_triple(void *user, const nerc_triple *t)
{
    run_ctx *r = user;
    if (r->o->emit != EMIT_TRIPLES)
        return 0;
    char sent[24], start[24], end[24], conf[16];
    decimal(sent, t->sentence);
    decimal(start, t->start);
    decimal(end, t->end);
    snprintf(conf, sizeof conf, "%.2f", t->confidence);
    const char *f[] = {r->j->name, sent, t->kind, t->subject, t->subject_type,
                       t->subject_canonical ? t->subject_canonical : "", t->predicate,
                       t->object, t->object_type, t->polarity, t->modality, t->date,
                       t->date_text, start, end, conf};
    if (write_row(&r->j->out, r->o->writer_flags, f, 16) < 0)
        r->oom = 1;
    maybe_flush(r);
    return r->oom;
}

static void on_warning(void *user, const char *message)
{
    run_ctx *r = user;
    if (!r->o->quiet)
        msgf(r->j, "nerc: %s: warning: %s\n", r->j->name, message);
}

static int by_first(const void *a, const void *b)
{
    const entity *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Process one document into j->out (and straight to `direct` when given). *reuse is
 * the calling thread's document object, made on its first job and reset for each later
 * one (many small documents would otherwise pay for a new one each); the thread frees
 * it when it is done. */
static void run_job(const nerc *ctx, const cli_options *o, job *j, output *direct,
                    nerc_doc **reuse)
{
    if (j->kind != JOB_DOC)
        return; /* a report: its message is all there is */
    run_ctx r = {o, j, {0}, direct, 0};
    nerc_handler h = {on_mention, on_triple, on_warning, &r};
    nerc_doc_options dopt = {j->doc_date ? j->doc_date : o->doc_date};
    nerc_doc *doc = *reuse;
    if (doc && nerc_doc_reset(doc, &h, &dopt) < 0)
        doc = NULL; /* a malformed date: reported below */
    else if (!doc)
        doc = *reuse = nerc_doc_new(ctx, &h, &dopt);
    if (!doc) {
        msgf(j, "nerc: %s: %s\n", j->name,
             dopt.doc_date ? "cannot start the document (bad date or out of memory)" : "out of memory");
        j->failed = 1;
        return;
    }
    int rc = 0;
    if (j->text) {
        rc = nerc_doc_feed(doc, j->text, j->text_len);
        j->bytes = j->text_len;
    } else {
        FILE *f = j->stream;
        if (!f) {
            f = fopen(j->path, "rb");
            if (!f) {
                msgf(j, "nerc: %s: %s\n", j->path, strerror(errno));
                j->failed = 1;
                return;
            }
        }
        char *buf = malloc(READ_CHUNK);
        if (!buf)
            rc = NERC_ENOMEM;
        while (rc == 0 && buf) {
            size_t n = fread(buf, 1, READ_CHUNK, f);
            if (n > 0) {
                j->bytes += n;
                rc = nerc_doc_feed(doc, buf, n);
                if (direct && direct->closed)
                    break;
            }
            if (n < READ_CHUNK) {
                if (ferror(f)) {
                    msgf(j, "nerc: %s: read error: %s\n", j->name, strerror(errno));
                    j->failed = 1;
                }
                break;
            }
        }
        free(buf);
        if (!j->stream)
            fclose(f);
    }
    if (rc == 0)
        rc = nerc_doc_finish(doc);
    if (rc < 0 && !(direct && direct->closed)) {
        msgf(j, "nerc: %s: %s\n", j->name, r.oom ? "out of memory" : nerc_strerror(rc));
        j->failed = 1;
    }
    if (o->emit == EMIT_ENTITIES) {
        qsort(r.ents.items, r.ents.n, sizeof *r.ents.items, by_first);
        for (size_t i = 0; i < r.ents.n; i++) {
            entity *e = &r.ents.items[i];
            if (e->type == NERC_DATE)
                continue;
            char count[24], first[24];
            snprintf(count, sizeof count, "%zu", e->count);
            snprintf(first, sizeof first, "%zu", e->first);
            const char *f[] = {j->name, nerc_type_name(e->type), e->canonical, count, first};
            write_row(&j->out, o->writer_flags, f, 5);
        }
        entity_free(&r.ents);
    }
}

/* --------------------------------------------------------- generator */

/* One input as named on the command line or found in a directory. */
typedef struct input {
    char *path;        /* "-" = stdin */
    char *error;       /* why it cannot be read (reported in order), or NULL */
} input;

typedef enum { FEED_NONE, FEED_JSONL, FEED_SPLIT, FEED_RSS } feed_kind;

/* Produces the jobs of all inputs, in order. Runs in the main thread only (libxml2
 * and stdio state live here). */
typedef struct generator {
    const cli_options *o;
    input *inputs;
    size_t n_inputs, next_input;
    feed_kind feed;      /* the feed being read, if any */
    FILE *feed_file;     /* jsonl / split */
    rss_reader *rss;
    int rss_fd;          /* descriptor to close after the feed, or -1 */
    const char *feed_name;
    size_t feed_line;    /* jsonl: lines read */
    size_t feed_docs;    /* split: documents read */
    size_t total_bytes;  /* sum of file sizes, for the progress line; 0 if unknown */
} generator;

static void input_push(generator *g, const char *p, const char *error)
{
    input *n = realloc(g->inputs, (g->n_inputs + 1) * sizeof *n);
    if (!n)
        return;
    g->inputs = n;
    input *in = &g->inputs[g->n_inputs];
    in->path = strdup(p);
    in->error = error ? strdup(error) : NULL;
    if (!in->path) {
        free(in->error);
        return;
    }
    g->n_inputs++;
}

/* Files inside directories: --include, else by the input format's usual extension. */
static int included(const cli_options *o, const char *name)
{
    if (o->include)
        return fnmatch(o->include, name, 0) == 0;
    if (o->input == INPUT_JSONL)
        return fnmatch("*.jsonl", name, 0) == 0;
    if (o->input == INPUT_RSS)
        return fnmatch("*.xml", name, 0) == 0 || fnmatch("*.rss", name, 0) == 0 ||
               fnmatch("*.atom", name, 0) == 0;
    return fnmatch("*.txt", name, 0) == 0;
}

static void walk(generator *g, const char *dir)
{
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0) {
        input_push(g, dir, strerror(errno));
        return;
    }
    for (int i = 0; i < n; i++) {
        const char *nm = names[i]->d_name;
        if (nm[0] == '.') { /* ., .., and hidden files */
            free(names[i]);
            continue;
        }
        size_t len = strlen(dir) + strlen(nm) + 2;
        char *p = malloc(len);
        if (p) {
            snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", nm);
            struct stat st;
            if (stat(p, &st) != 0)
                input_push(g, p, strerror(errno));
            else if (S_ISDIR(st.st_mode))
                walk(g, p);
            else if (S_ISREG(st.st_mode) && included(g->o, nm)) {
                input_push(g, p, NULL);
                g->total_bytes += (size_t)st.st_size;
            }
            free(p);
        }
        free(names[i]);
    }
    free(names);
}

static void gather(generator *g)
{
    const cli_options *o = g->o;
    if (o->n_inputs == 0) {
        input_push(g, "-", NULL);
        return;
    }
    for (size_t i = 0; i < o->n_inputs; i++) {
        const char *p = o->inputs[i];
        if (strcmp(p, "-") == 0) {
            input_push(g, p, NULL);
            continue;
        }
        struct stat st;
        if (stat(p, &st) != 0) {
            input_push(g, p, strerror(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode))
            walk(g, p);
        else {
            input_push(g, p, NULL);
            g->total_bytes += (size_t)st.st_size;
        }
    }
}

static void generator_free(generator *g)
{
    if (g->feed_file && g->feed_file != stdin)
        fclose(g->feed_file);
    rss_close(g->rss);
    if (g->rss_fd >= 0)
        close(g->rss_fd);
    for (size_t i = 0; i < g->n_inputs; i++) {
        free(g->inputs[i].path);
        free(g->inputs[i].error);
    }
    free(g->inputs);
}

/* Read the next document of a --split stream into *text. Returns 1, or 0 at EOF. */
static int read_split_doc(FILE *f, split_mode mode, char **text, size_t *len)
{
    outbuf b;
    outbuf_init(&b);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int got = 0;
    if (mode == SPLIT_FORMFEED) {
        /* one document is the bytes up to the next form feed, read as one delimited
         * record (not a character at a time) */
        if ((n = getdelim(&line, &cap, '\f', f)) < 0) {
            free(line);
            return 0;
        }
        if (n > 0 && line[n - 1] == '\f')
            n--;
        *text = line;
        *len = (size_t)n;
        return 1;
    } else {
        while ((n = getline(&line, &cap, f)) >= 0) {
            int blank = 1;
            for (ssize_t i = 0; i < n; i++)
                if (line[i] != '\n' && line[i] != '\r' && line[i] != ' ' && line[i] != '\t')
                    blank = 0;
            if (mode == SPLIT_BLANK && blank) {
                if (got)
                    break;
                continue; /* blank lines before a document */
            }
            got = 1;
            if (b.len + (size_t)n + 1 > b.cap) {
                size_t nc = b.cap ? b.cap * 2 : 4096;
                while (nc < b.len + (size_t)n + 1)
                    nc *= 2;
                char *p = realloc(b.data, nc);
                if (!p)
                    break;
                b.data = p;
                b.cap = nc;
            }
            memcpy(b.data + b.len, line, (size_t)n);
            b.len += (size_t)n;
            if (mode == SPLIT_LINE)
                break;
        }
        free(line);
    }
    if (!got) {
        outbuf_free(&b);
        return 0;
    }
    *text = b.data ? b.data : strdup("");
    *len = b.len;
    return 1;
}

static char *json_string_field(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (json_is_string(v))
        return strndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
        return strdup(buf);
    }
    return NULL;
}

/* Turn one JSON Lines line into a job: a document, or a report that the line was
 * skipped. */
static void jsonl_job(generator *g, const char *line, size_t len, job *j)
{
    const cli_options *o = g->o;
    char where[600];
    snprintf(where, sizeof where, "%.500s:%zu", g->feed_name, g->feed_line);
    json_error_t e;
    json_t *obj = json_loadb(line, len, 0, &e);
    if (!obj || !json_is_object(obj)) {
        j->kind = JOB_SKIPPED;
        msgf(j, "nerc: %s: malformed JSON (%s); line skipped\n", where,
             obj ? "not an object" : e.text);
        json_decref(obj);
        return;
    }
    char *text = json_string_field(obj, o->field_text);
    if (!text)
        text = json_string_field(obj, o->field_title);
    if (!text) {
        j->kind = JOB_SKIPPED;
        msgf(j, "nerc: %s: no '%s' (or '%s') string field; line skipped\n", where,
             o->field_text, o->field_title);
        json_decref(obj);
        return;
    }
    j->kind = JOB_DOC;
    j->text = text;
    j->text_len = strlen(text);
    j->name = json_string_field(obj, o->field_id);
    if (!j->name)
        j->name = strdup(where);
    char *date = json_string_field(obj, o->field_date);
    if (date) {
        char day[11];
        if (rss_parse_date(date, day) == 0)
            j->doc_date = strdup(day);
        else if (!o->quiet)
            msgf(j, "nerc: %s: warning: date '%.200s' is neither YYYY-MM-DD nor RFC 822; "
                    "relative dates resolve without it\n", where, date);
        free(date);
    }
    json_decref(obj);
}

static void close_feed(generator *g)
{
    if (g->feed_file && g->feed_file != stdin)
        fclose(g->feed_file);
    g->feed_file = NULL;
    rss_close(g->rss);
    g->rss = NULL;
    if (g->rss_fd >= 0)
        close(g->rss_fd);
    g->rss_fd = -1;
    g->feed = FEED_NONE;
}

/* A jsonl or split feed reached its end: 1 with a report job if it ended on a read
 * error, else 0. The feed is closed either way. */
static int feed_end(generator *g, job *j)
{
    int bad = ferror(g->feed_file);
    if (bad) {
        j->kind = JOB_INPUT_ERROR;
        msgf(j, "nerc: %s: read error: %s\n", g->feed_name, strerror(errno));
    }
    close_feed(g);
    return bad;
}

static int jsonl_next(generator *g, job *j)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, g->feed_file)) >= 0) {
        g->feed_line++;
        size_t len = (size_t)n, start = 0;
        while (len > 0 && strchr(" \t\r\n", line[len - 1]))
            len--;
        while (start < len && strchr(" \t", line[start]))
            start++;
        if (start == len)
            continue; /* a blank line holds no item */
        jsonl_job(g, line + start, len - start, j);
        free(line);
        return 1;
    }
    free(line);
    return feed_end(g, j);
}

static int split_next(generator *g, job *j)
{
    char *text;
    size_t len;
    if (!read_split_doc(g->feed_file, g->o->split, &text, &len))
        return feed_end(g, j);
    g->feed_docs++;
    char name[600];
    snprintf(name, sizeof name, "%.500s#%zu", g->feed_name, g->feed_docs);
    j->kind = JOB_DOC;
    j->name = strdup(name);
    j->text = text;
    j->text_len = len;
    return 1;
}

static int rss_job(generator *g, job *j)
{
    rss_item it;
    char err[600];
    int rc = rss_next(g->rss, &it, err, sizeof err);
    if (rc == RSS_END) {
        close_feed(g);
        return 0;
    }
    if (rc == RSS_ITEM) {
        j->kind = JOB_DOC;
        j->text = it.text;
        j->text_len = it.text_len;
        j->doc_date = it.date;
        j->name = it.id;
        if (!j->name) {
            size_t n = strlen(g->feed_name) + 32;
            j->name = malloc(n);
            if (j->name)
                snprintf(j->name, n, "%s#%zu", g->feed_name, it.number);
        }
        if (it.warning && !g->o->quiet)
            msgf(j, "nerc: %s: item %zu: warning: %s\n", g->feed_name, it.number, it.warning);
        free(it.warning);
        return 1;
    }
    if (rc == RSS_BAD_ITEM) {
        j->kind = JOB_SKIPPED;
        msgf(j, "nerc: %s: item %zu: %s; item skipped\n", g->feed_name, it.number, err);
        return 1;
    }
    j->kind = JOB_INPUT_ERROR;
    msgf(j, "nerc: %s:%s; the rest of the feed is skipped\n", g->feed_name, err);
    close_feed(g);
    return 1;
}

/* Does the file start like an XML feed? */
static int sniff_feed(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char head[512];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return rss_sniff(head, n);
}

/* Next job, or 0 when all inputs are done. */
static int next_job(generator *g, job *j)
{
    const cli_options *o = g->o;
    memset(j, 0, sizeof *j);
    for (;;) {
        if (g->feed == FEED_JSONL && jsonl_next(g, j))
            return 1;
        if (g->feed == FEED_SPLIT && split_next(g, j))
            return 1;
        if (g->feed == FEED_RSS && rss_job(g, j))
            return 1;
        if (g->feed != FEED_NONE)
            continue; /* (only after close_feed, which sets FEED_NONE) */
        if (g->next_input >= g->n_inputs)
            return 0;
        const input *in = &g->inputs[g->next_input++];
        if (in->error) {
            j->kind = JOB_INPUT_ERROR;
            msgf(j, "nerc: %s: %s\n", in->path, in->error);
            return 1;
        }
        int is_stdin = strcmp(in->path, "-") == 0;
        input_kind kind = o->input;
        if (kind == INPUT_TEXT && !is_stdin && sniff_feed(in->path))
            kind = INPUT_RSS;
        g->feed_name = is_stdin ? "-" : in->path;
        if (kind == INPUT_RSS) {
            int fd = is_stdin ? STDIN_FILENO : open(in->path, O_RDONLY);
            if (fd < 0) {
                j->kind = JOB_INPUT_ERROR;
                msgf(j, "nerc: %s: %s\n", in->path, strerror(errno));
                return 1;
            }
            g->rss = rss_open_fd(fd, g->feed_name);
            g->rss_fd = is_stdin ? -1 : fd;
            if (!g->rss) {
                close_feed(g);
                j->kind = JOB_INPUT_ERROR;
                msgf(j, "nerc: %s: out of memory\n", in->path);
                return 1;
            }
            g->feed = FEED_RSS;
            continue;
        }
        if (kind == INPUT_JSONL || (kind == INPUT_TEXT && o->split != SPLIT_NONE)) {
            g->feed_file = is_stdin ? stdin : fopen(in->path, "rb");
            if (!g->feed_file) {
                j->kind = JOB_INPUT_ERROR;
                msgf(j, "nerc: %s: %s\n", in->path, strerror(errno));
                return 1;
            }
            g->feed = kind == INPUT_JSONL ? FEED_JSONL : FEED_SPLIT;
            g->feed_line = g->feed_docs = 0;
            continue;
        }
        j->kind = JOB_DOC;
        j->name = strdup(in->path);
        if (is_stdin)
            j->stream = stdin;
        else
            j->path = strdup(in->path);
        return 1;
    }
}

/* ------------------------------------------------------------ running */

/* Jobs go through a window of slots: the main thread reads the inputs and fills
 * slots, workers process them in any order, and finished slots are written in input
 * order as soon as each is done - so a document's rows come out while later input is
 * still arriving (a feed on a pipe). Whichever worker finishes the job at the head of
 * the window writes it, and every finished job after it; no thread waits just to
 * write. */
typedef struct progress {
    int on;
    struct timespec t0, last;
    size_t docs, bytes, total;
} progress;

typedef struct totals {
    size_t docs;       /* documents read: processed + failed + skipped */
    size_t processed, failed, skipped;
    size_t input_errors; /* inputs that could not be read (to their end) */
    size_t bytes;
} totals;

typedef struct pool {
    const nerc *ctx;
    const cli_options *o;
    job *slots;
    size_t window;
    size_t head, tail, next_work; /* monotonically increasing indexes */
    int eof;     /* nothing more will be queued */
    int stop;    /* the output is gone: finish quickly */
    int writing; /* a worker is writing finished jobs from the head */
    pthread_mutex_t mu;
    pthread_cond_t work, space;
    output *out;
    totals *t;
    progress *pr;
} pool;

static void finish_job(job *j, output *out, totals *t, progress *pr);

/* Write the finished jobs at the head of the window, in order, unless another worker
 * is doing it. Called with p->mu held; returns with it held. Marking a job done and
 * asking to write happen under one hold of the lock, and so do the writer's last look
 * at the head and its giving up the role, so no finished job is left unwritten. */
static void write_finished(pool *p)
{
    if (p->writing)
        return;
    p->writing = 1;
    for (;;) {
        job *h = p->head < p->tail ? &p->slots[p->head % p->window] : NULL;
        if (!h || !h->done)
            break;
        pthread_mutex_unlock(&p->mu);
        finish_job(h, p->out, p->t, p->pr);
        pthread_mutex_lock(&p->mu);
        p->head++;
        if (p->out->closed || p->out->failed)
            p->stop = 1;
        /* the reader refills the window once it is half empty: one wake-up per half
         * window, not per document */
        if (p->stop || p->tail - p->head <= p->window / 2)
            pthread_cond_broadcast(&p->space);
    }
    p->writing = 0;
}

static void *worker(void *arg)
{
    pool *p = arg;
    nerc_doc *doc = NULL;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next_work == p->tail && !p->eof)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->next_work == p->tail && p->eof)
            break;
        job *j = &p->slots[p->next_work % p->window];
        p->next_work++;
        int stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        if (!stop)
            run_job(p->ctx, p->o, j, NULL, &doc);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        write_finished(p);
    }
    pthread_mutex_unlock(&p->mu);
    nerc_doc_free(doc);
    return NULL;
}

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void progress_tick(progress *pr, int final)
{
    if (!pr->on)
        return;
    if (!final && seconds_since(&pr->last) < 0.25)
        return;
    clock_gettime(CLOCK_MONOTONIC, &pr->last);
    double s = seconds_since(&pr->t0);
    double mb = (double)pr->bytes / 1e6, rate = s > 0 ? mb / s : 0;
    char eta[48] = "";
    if (pr->total > pr->bytes && rate > 0)
        snprintf(eta, sizeof eta, ", ETA %.0f s", ((double)(pr->total - pr->bytes) / 1e6) / rate);
    fprintf(stderr, "\rnerc: %zu documents, %.1f MB, %.1f MB/s%s   ", pr->docs, mb, rate, eta);
    if (final)
        fputc('\n', stderr);
}

/* Write a finished job's rows and messages, count it, then free it. Once the reader
 * of the output has gone away, jobs are only freed. */
static void finish_job(job *j, output *out, totals *t, progress *pr)
{
    if (out->closed) {
        job_clear(j);
        return;
    }
    out_write(out, j->out.data, j->out.len);
    if (j->msgs.len) {
        if (pr->on)
            fputc('\r', stderr);
        fwrite(j->msgs.data, 1, j->msgs.len, stderr);
    }
    switch (j->kind) {
    case JOB_DOC:
        t->docs++;
        if (j->failed)
            t->failed++;
        else
            t->processed++;
        t->bytes += j->bytes;
        pr->docs++;
        pr->bytes += j->bytes;
        break;
    case JOB_SKIPPED:
        t->docs++;
        t->skipped++;
        break;
    case JOB_INPUT_ERROR:
        t->input_errors++;
        break;
    }
    progress_tick(pr, 0);
    job_clear(j);
}

static int is_large(const job *j)
{
    if (j->kind != JOB_DOC)
        return 0;
    if (j->stream)
        return 1;
    struct stat st;
    return j->path && stat(j->path, &st) == 0 && (size_t)st.st_size > LARGE_FILE;
}

static void header(const cli_options *o, output *out)
{
    outbuf b;
    outbuf_init(&b);
    if (o->writer_flags & WRITER_EXCEL)
        out_write(out, "\xEF\xBB\xBF", 3);
    if (!o->no_header) {
        static const char *const M[] = {"doc", "start", "end", "type", "text", "value", "source",
                                        "sentence", "confidence"};
        static const char *const T[] = {"doc", "sentence", "kind", "subject", "subject_type",
                                        "subject_canonical", "predicate", "object",
                                        "object_type", "polarity", "modality", "date",
                                        "date_text", "start", "end", "confidence"};
        static const char *const E[] = {"doc", "type", "canonical", "count", "first_start"};
        if (o->emit == EMIT_MENTIONS)
            write_row(&b, o->writer_flags, M, 9);
        else if (o->emit == EMIT_TRIPLES)
            write_row(&b, o->writer_flags, T, 16);
        else
            write_row(&b, o->writer_flags, E, 5);
        out_write(out, b.data, b.len);
    }
    outbuf_free(&b);
}

static const char *cache_state_name(int state)
{
    switch (state) {
    case NERC_CACHE_HIT: return "from the cache";
    case NERC_CACHE_WRITTEN: return "read as text, cache image written";
    case NERC_CACHE_UNWRITABLE: return "read as text, cache directory not writable";
    default: return "read as text, no cache";
    }
}

int cli_run(cli_options *o)
{
    signal(SIGPIPE, SIG_IGN); /* a closed pipe shows up as EPIPE: stop quietly */
    o->lib.gazetteers = o->gazetteers;
    o->lib.n_gazetteers = o->n_gazetteers;
    o->lib.rules = o->rules;
    o->lib.n_rules = o->n_rules;
    o->lib.no_claims = o->emit != EMIT_TRIPLES;

    nerc *ctx;
    char err[1024];
    if (nerc_new(&o->lib, &ctx, err, sizeof err) < 0) {
        fprintf(stderr, "nerc: %s\n", err);
        return 2;
    }
    output out = {stdout, "standard output", 0, 0, 0};
    if (o->output) {
        out.f = fopen(o->output, "wb");
        out.name = o->output;
        if (!out.f) {
            fprintf(stderr, "nerc: %s: %s\n", o->output, strerror(errno));
            nerc_free(ctx);
            return 2;
        }
    }
    generator g = {0};
    g.o = o;
    g.rss_fd = -1;
    gather(&g);
    progress pr = {0};
    pr.on = !o->quiet && isatty(STDERR_FILENO);
    pr.total = g.total_bytes;
    clock_gettime(CLOCK_MONOTONIC, &pr.t0);
    pr.last = pr.t0;
    totals t = {0};
    header(o, &out);

    int threads = o->jobs > 1 ? o->jobs : 0;
    pool p = {ctx, o, NULL, (size_t)(threads ? threads * 8 : 1), 0, 0, 0, 0, 0, 0,
              PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER,
              &out, &t, &pr};
    pthread_t *tids = NULL;
    p.slots = calloc(p.window, sizeof *p.slots);
    if (threads && p.slots) {
        tids = calloc((size_t)threads, sizeof *tids);
        for (int i = 0; tids && i < threads; i++)
            if (pthread_create(&tids[i], NULL, worker, &p) != 0) {
                threads = i; /* run with the threads we have (none: sequentially) */
                break;
            }
        if (!tids)
            threads = 0;
    }
    int oom = !p.slots;
    nerc_doc *main_doc = NULL; /* for the documents this thread runs itself */
    for (;;) {
        pthread_mutex_lock(&p.mu);
        int stop = p.stop || oom;
        pthread_mutex_unlock(&p.mu);
        if (stop)
            break;
        job next;
        if (!next_job(&g, &next))
            break;
        if (!threads || is_large(&next)) {
            /* Sequential, or a stream too big to buffer: wait until everything queued
             * is written, then run it here with rows written through as they come. */
            pthread_mutex_lock(&p.mu);
            while (p.head < p.tail)
                pthread_cond_wait(&p.space, &p.mu);
            pthread_mutex_unlock(&p.mu);
            run_job(ctx, o, &next, &out, &main_doc);
            finish_job(&next, &out, &t, &pr);
            pthread_mutex_lock(&p.mu);
            if (out.closed || out.failed)
                p.stop = 1;
            pthread_mutex_unlock(&p.mu);
            continue;
        }
        pthread_mutex_lock(&p.mu);
        while (p.tail - p.head >= p.window && !p.stop)
            pthread_cond_wait(&p.space, &p.mu);
        if (p.stop) {
            pthread_mutex_unlock(&p.mu);
            job_clear(&next);
            break;
        }
        p.slots[p.tail % p.window] = next;
        p.tail++;
        pthread_cond_signal(&p.work);
        pthread_mutex_unlock(&p.mu);
    }
    /* Let the workers finish and write what is queued, then stop. */
    pthread_mutex_lock(&p.mu);
    p.eof = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < threads; i++)
        pthread_join(tids[i], NULL);
    free(tids);
    free(p.slots);
    nerc_doc_free(main_doc);
    generator_free(&g);
    progress_tick(&pr, 1);
    if (o->stats && !o->quiet) {
        nerc_info info;
        nerc_get_info(ctx, &info);
        fprintf(stderr,
                "nerc: %zu documents read: %zu processed, %zu failed, %zu skipped (malformed line or item); "
                "%zu inputs unreadable; %zu bytes; %zu aliases of %zu entities (%s), %zu rules (%s), model %s (%s)\n",
                t.docs, t.processed, t.failed, t.skipped, t.input_errors, t.bytes,
                info.gazetteer_aliases, info.gazetteer_entities,
                cache_state_name(info.gazetteer_cache), info.rules,
                cache_state_name(info.rules_cache), info.model_loaded ? "on" : "off",
                cache_state_name(info.model_cache));
    }
    nerc_free(ctx);
    int status = (t.failed || t.skipped || t.input_errors || oom) ? 1 : 0;
    if (oom)
        fputs("nerc: out of memory\n", stderr);
    if (out.f != stdout) {
        if (fclose(out.f) != 0 && !out.failed) {
            out.failed = 1;
            out.err = errno;
        }
    } else if (!out.closed && fflush(stdout) != 0 && errno != EPIPE) {
        out.failed = 1;
        out.err = errno;
    }
    if (out.failed) {
        fprintf(stderr, "nerc: %s: write error: %s\n", out.name, strerror(out.err));
        status = 1;
    }
    return status;
}
