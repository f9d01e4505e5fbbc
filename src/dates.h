/* dates.h - DATE recognition and ISO 8601 normalisation.
 *
 * A `dates` object holds the compiled patterns: built once, immutable, shared by
 * all threads. A `dates_state` is per document: it owns the PCRE2 match data and
 * remembers the document date and the most recent explicit date, against which
 * relative expressions ("Friday", "last July", "the same year") resolve.
 *
 * What counts as a DATE and how values look is defined by the project's annotation
 * guidelines: calendar points and periods, no durations, no vague spans, no clock
 * times; values as precise as the text allows (2025-01-17, 2024-10, 2001, 199X,
 * 2024-W43, XXXX-12, ranges as A/B).
 */
#ifndef NERC_DATES_H
#define NERC_DATES_H

#include <stddef.h>

typedef struct dates dates;

/* A calendar point; 0 in a field means "unknown". */
typedef struct date_ymd {
    int year, month, day;
} date_ymd;

typedef struct dates_state {
    date_ymd doc_date;   /* from --doc-date or a feed item; year 0 if none */
    date_ymd last;       /* most recent explicit date seen in the text */
    date_ymd now;        /* latest explicit date with a month: the text's own "now"
                          * when there is no document date */
    void **match_data;   /* one pcre2_match_data_8 * per rule, owned: a rule's pending
                          * match keeps its groups until it is read */
} dates_state;

typedef struct date_span {
    size_t start, end;   /* byte offsets into the text passed to dates_scan */
    char value[48];      /* ISO 8601 value, NUL terminated */
} date_span;

enum { DATES_NO_JIT = 1 }; /* match with the PCRE2 interpreter only */

/* Compile the patterns. Returns 0, or a negative NERC_E* code with a message in err. */
int dates_new(dates **out, unsigned flags, char *err, size_t errlen);
void dates_free(dates *d);

/* Per-document state. doc_date may be NULL (no document date). */
int dates_state_init(dates_state *st, const dates *d, const date_ymd *doc_date);
void dates_state_free(dates_state *st);
/* Start a new document with an initialised state: what dates_state_init sets, keeping
 * the match data. */
void dates_state_reset(dates_state *st, const date_ymd *doc_date);

/* Find the DATE expressions in `text` (valid UTF-8, one sentence or any span of a
 * document, in reading order across calls) and write at most `cap` spans to `out`.
 * Returns the number found (which may exceed cap: only cap are written), or a
 * negative NERC_E* code. Updates st->last with each explicit date it reads. */
int dates_scan(const dates *d, dates_state *st, const char *text, size_t len,
               date_span *out, size_t cap);

/* Parse "YYYY-MM-DD" (also "YYYY-MM" and "YYYY"). Returns 0 on success, -1 if malformed. */
int date_parse_iso(const char *s, date_ymd *out);

#endif
