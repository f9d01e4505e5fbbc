/* nerc.h - named-entity and claim extraction for news text.
 *
 * The pipeline, one stage per module:
 *
 *   bytes -> tokenizer (sentences, tokens, keys) -> gazetteer + rules + dates + model
 *         -> resolver (one mention per span, aliases to canonical names)
 *         -> claims (who did or said what, when) -> your callback -> CSV writer
 *
 * Usage:
 *
 *   nerc_options opts = nerc_default_options();
 *   nerc *ctx; char err[512];
 *   if (nerc_new(&opts, &ctx, err, sizeof err) < 0) { fprintf(stderr, "%s\n", err); ... }
 *   nerc_doc *doc = nerc_doc_new(ctx, &handler, NULL);   // one per document
 *   nerc_doc_feed(doc, buf, len);                          // any chunk size, any number of times
 *   nerc_doc_finish(doc);                                  // flushes the last sentence
 *   nerc_doc_reset(doc, &handler, NULL);                   // optional: the next document
 *   nerc_doc_free(doc);
 *   nerc_free(ctx);
 *
 * A context is immutable once built: any number of threads may share it, each with
 * its own nerc_doc objects. Results arrive through the handler as soon as each
 * sentence is complete; memory per document is bounded by the longest sentence and
 * the document's entity table, not by the document's size.
 *
 * Errors are negative NERC_E* codes; nerc_strerror() names them. The library never
 * prints and never exits. Every string passed to a callback is valid only during the
 * call: copy what you keep.
 */
#ifndef NERC_H
#define NERC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define NERC_API
#elif defined(__GNUC__)
#define NERC_API __attribute__((visibility("default")))
#else
#define NERC_API
#endif

#define NERC_VERSION_MAJOR 0
#define NERC_VERSION_MINOR 1
#define NERC_VERSION_PATCH 0
#define NERC_VERSION_STRING "0.1.0"

/* Error codes. */
enum {
    NERC_OK = 0,
    NERC_ENOMEM = -1,   /* out of memory */
    NERC_EIO = -2,      /* a data file could not be read */
    NERC_EFORMAT = -3,  /* a data file is malformed (message names FILE:LINE) */
    NERC_EPATTERN = -4, /* a rule pattern does not compile */
    NERC_EARG = -5,     /* invalid argument or option */
    NERC_ESTATE = -6,   /* call out of order (feed after finish, ...) */
    NERC_ELIMIT = -7,   /* a resource limit was hit (the rest of the input goes on) */
    NERC_ECALLBACK = -8 /* a handler callback asked to stop */
};

NERC_API const char *nerc_strerror(int code);
NERC_API const char *nerc_version(void);

/* Entity types. Two are known to the gazetteer and rules but never emitted: they
 * claim a span so that nothing else is read there. NERC_DEMONYM: nationality and
 * religious adjectives ("Iranian", "Sunni"); NERC_NONE: names of things outside the
 * entity types ("Operation Barkhane", "Nobel Peace Prize"). */
typedef enum nerc_type {
    NERC_PERSON = 0,
    NERC_ORG,
    NERC_LOCATION,
    NERC_WEAPON,
    NERC_AGREEMENT,
    NERC_DATE,
    NERC_DEMONYM,
    NERC_NONE,
    NERC_TYPE_COUNT
} nerc_type;

NERC_API const char *nerc_type_name(nerc_type t);
/* Returns the type for a name such as "PERSON" (case-insensitive), or -1. */
NERC_API int nerc_type_from_name(const char *name);

/* Where a mention came from. */
typedef enum nerc_source {
    NERC_SRC_GAZETTEER = 0,
    NERC_SRC_RULE,
    NERC_SRC_DATE,
    NERC_SRC_MODEL,
    NERC_SRC_ALIAS /* a later partial mention resolved to an earlier full name */
} nerc_source;

NERC_API const char *nerc_source_name(nerc_source s);

typedef struct nerc_mention {
    size_t start, end;    /* byte offsets into the raw document, half-open */
    size_t sentence;      /* 1-based sentence number */
    nerc_type type;
    const char *text;     /* the raw bytes [start, end) */
    size_t text_len;
    const char *value;    /* canonical name, or ISO 8601 value for DATE */
    nerc_source source;
    const char *rule;     /* rule name for NERC_SRC_RULE, else NULL */
    double confidence;    /* in [0,1] */
} nerc_mention;

/* A triple: kind "claim" (an event or statement) or "attribute" (a fact about an
 * entity, such as a role). Empty fields are "" (never NULL). */
typedef struct nerc_triple {
    size_t sentence;          /* 1-based */
    const char *kind;         /* "claim" | "attribute" */
    const char *subject;      /* the subject's name: its canonical name where that extends
                               * the words of the text (Putin -> Vladimir Putin), else the
                               * words as written (US, the Kremlin); "he" when unresolved */
    const char *subject_type; /* PERSON, ORG, ... or UNRESOLVED */
    const char *predicate;    /* lemma: sign, visit, state, role, ... */
    const char *object;
    const char *object_type;  /* type of the object entity, or "" */
    const char *polarity;     /* "" (affirmed) or "not" */
    const char *modality;     /* "", "may", "will", "would", ... */
    const char *date;         /* ISO value, or "" */
    const char *date_text;
    size_t start, end;        /* evidence: the sentence's byte span */
    double confidence;
    const char *subject_canonical; /* the canonical name (US -> United States), the key
                                    * to join rows on; "" when unresolved */
} nerc_triple;

/* Handlers: return 0 to go on, non-zero to stop the document (the feed or finish
 * call then returns NERC_ECALLBACK). Either may be NULL. */
typedef struct nerc_handler {
    int (*on_mention)(void *user, const nerc_mention *m);
    int (*on_triple)(void *user, const nerc_triple *t);
    /* Non-fatal problems (invalid UTF-8, a limit hit): one message per kind per document. */
    void (*on_warning)(void *user, const char *message);
    void *user;
} nerc_handler;

typedef struct nerc_options {
    const char *data_dir;           /* gazetteers/ and models/ live here; NULL: built-in default */
    const char *const *gazetteers;  /* extra gazetteer files */
    size_t n_gazetteers;
    const char *const *rules;       /* extra rule files */
    size_t n_rules;
    int no_default_gazetteers;      /* skip DATA/gazetteers/ *.tsv */
    int no_default_rules;           /* skip DATA/models/ *.rules */
    int no_model;                   /* skip the statistical tagger */
    int no_claims;                  /* skip claim extraction */
    int keep_unresolved;            /* also emit claims whose pronoun or role subject
                                     * could not be resolved (subject_type UNRESOLVED) */
    int no_jit;                     /* match patterns with the PCRE2 interpreter only:
                                     * slower, for valgrind or systems that forbid
                                     * executable memory */
    int keep_hedged;                /* also emit negated and modal claims ("did not
                                     * confirm", "may strike"), marked in polarity and
                                     * modality */
    const char *cache_dir;          /* keep compiled images of the gazetteers, rule
                                     * patterns and model here and use them on later
                                     * runs with the same files (created if missing;
                                     * safe to share between processes and to delete);
                                     * NULL: no cache, the text is read every time */
} nerc_options;

NERC_API nerc_options nerc_default_options(void);

/* The data directory used when options->data_dir is NULL: $NERC_DATA if set, else the
 * installed share/nerc. */
NERC_API const char *nerc_default_data_dir(void);

typedef struct nerc nerc;
typedef struct nerc_doc nerc_doc;

/* Build a context. On failure returns a negative code and writes a message such as
 * "gazetteers/people.tsv:12: expected at least 3 TAB-separated fields" to err. */
NERC_API int nerc_new(const nerc_options *opts, nerc **out, char *err, size_t errlen);
NERC_API void nerc_free(nerc *ctx);

/* Statistics of a context (for --stats and benchmarks). */
typedef struct nerc_info {
    size_t gazetteer_aliases;
    size_t gazetteer_entities;
    size_t rules;
    int model_loaded;
    int gazetteer_cache;  /* NERC_CACHE_*: how the gazetteers were loaded */
    int rules_cache;      /* NERC_CACHE_*: how the rule patterns were compiled */
    int model_cache;      /* NERC_CACHE_*: how the tagger model was loaded */
} nerc_info;

enum {
    NERC_CACHE_OFF = 0,     /* no cache_dir (or no files): read as text, compiled */
    NERC_CACHE_HIT,         /* taken from the cache's image */
    NERC_CACHE_WRITTEN,     /* read as text, image written for the next run */
    NERC_CACHE_UNWRITABLE   /* read as text, the image could not be written */
};
NERC_API void nerc_get_info(const nerc *ctx, nerc_info *info);

/* Per-document options. */
typedef struct nerc_doc_options {
    const char *doc_date; /* "YYYY-MM-DD" that relative dates resolve against, or NULL */
} nerc_doc_options;

/* Returns NULL when out of memory or when doc_date is malformed. */
NERC_API nerc_doc *nerc_doc_new(const nerc *ctx, const nerc_handler *handler,
                                const nerc_doc_options *opts);
NERC_API int nerc_doc_feed(nerc_doc *doc, const char *buf, size_t len);
NERC_API int nerc_doc_finish(nerc_doc *doc);
NERC_API void nerc_doc_free(nerc_doc *doc);
/* Start the next document with doc, as nerc_doc_new would (new handler and options),
 * keeping its memory: cheaper than free and new for many small documents. Returns 0,
 * or NERC_EARG when doc_date is malformed (doc is then unchanged). */
NERC_API int nerc_doc_reset(nerc_doc *doc, const nerc_handler *handler,
                            const nerc_doc_options *opts);

/* Per-document counters, valid after nerc_doc_finish. */
typedef struct nerc_doc_stats {
    size_t bytes, sentences, tokens, mentions, triples;
    size_t invalid_utf8_bytes;
} nerc_doc_stats;
NERC_API void nerc_doc_get_stats(const nerc_doc *doc, nerc_doc_stats *stats);

#ifdef __cplusplus
}
#endif
#endif
