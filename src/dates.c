/* dates.c - DATE recognition and ISO 8601 normalisation (see dates.h).
 *
 * Method: a small set of PCRE2 rules, one per kind of expression (full dates,
 * month-year, bare years, weekdays, relative phrases...). dates_scan walks the
 * text leftmost-longest: every rule keeps its next match; the match that starts
 * first wins (ties: the longest, then the earlier rule); C code then checks the
 * context (a year followed by "troops" is a count, "May" needs a cue) and
 * computes the value. A rejected match only advances its own rule, so a shorter
 * reading from another rule still gets its chance. Each rule searches forward
 * only, so a scan is linear in the text length times the number of rules. A rule
 * runs only when its cue words are in the text, and its searches start near the
 * next of its anchor words (see rule_anchor).
 *
 * Resolution policy (documented here because it is a choice, not a fact):
 * - Numeric dates with '/': MM/DD/YYYY (US newswire convention) unless the first
 *   number is > 12, then DD/MM/YYYY. With '.' or '-' as separator: DD.MM.YYYY
 *   unless the second number is > 12.
 * - Deictic words (today, Friday, last week, next month, two years ago) resolve
 *   against the document date; without one, against the most recent explicit
 *   date in the text (st->last) when it is precise enough; otherwise the value
 *   keeps what is known ("XXXX-XX-XX", "XXXX-WXX-5").
 * - A bare weekday is the most recent such day on or before the document date
 *   (news reports past events), unless the sentence before it has a future cue
 *   ("will", "scheduled", ...): then the next such day on or after it.
 * - A month or day without a year takes the year that puts it in a window from
 *   seven months before to four months after the document date's month (news
 *   mostly reports the past); after a future cue the window is two months back to
 *   nine ahead. Without a document date it takes the year of st->last.
 * - Anaphoric phrases (the same year, that month, of the following year) resolve
 *   against st->last first, then the document date.
 * - st->last is updated by every expression that names a year or a day of a
 *   month (full dates, month-year, bare years, "5 May" once its year is known)
 *   and, without a document date, by a month alone; a bare year clears month and
 *   day. Deictic words (today, last week, Friday) do not move it.
 * - Spans leave out a leading preposition and determiner ("in the 1990s" gives
 *   "1990s") but keep modifiers that change the meaning ("early 1990s", "last
 *   July", "the end of 1994", and "the" in anaphora such as "the same year").
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "dates.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nerc.h"

/* ------------------------------------------------------------------------ */
/* Pattern fragments                                                         */

#define WDAYS "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#define WDAY "(?<wd>" WDAYS ")"
#define MONF "January|February|March|April|May|June|July|August|September|October|November|December"
#define MONA "(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?"
#define MON "(?<mon>" MONF "|" MONA ")(?!\\p{L})"
/* A day of the month, with an optional ordinal suffix, not part of a longer number. */
#define DAYN "(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\\p{L}\\p{N}]|[.,:]\\p{N})"
#define DAY1 "(?<d1>" DAYN ")"
#define DAY2 "(?<d2>" DAYN ")"
#define YEAR "(?<y>1[0-9]{3}|20[0-9]{2})(?![\\p{N}]|[.,]\\p{N})"
#define DASH "(?:-|\\x{2013}|\\x{2014})"
#define RANGE "\\s*(?:" DASH "|to|through|until)\\s*"
/* "of the same year", "last year", "of that year" after a month or a day. */
#define OFY "(?:,?\\s+(?:of\\s+)?(?<ofy>(?:[Tt]he\\s+)?(?:same|following|previous|prior|next|current)|that|this|last|next)\\s+year(?!\\p{L}))"
#define MOD "(?:(?<mod>[Ee]arly|[Ll]ate|[Mm]id|[Tt]he\\s+(?:middle|end|beginning|start|turn|first\\s+half|second\\s+half|last\\s+half|latter\\s+half)\\s+of)(?:\\s*-\\s*|\\s+))?"
#define REL "(?<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]revious|[Ff]ollowing|[Pp]ast)"
/* Before a number: not inside a longer number, word, amount or code. */
#define NUMSTART "(?<![\\p{L}\\p{N}$\\x{20ac}\\x{a3}\\x{a5}#@/.,:+\\-\\x{2013}])"

enum kind {
    K_ISO, K_NUM, K_MDY, K_DMY, K_MY, K_QUARTER, K_HOLIDAY, K_SEASON, K_DECADE,
    K_CENTURY, K_YEAR, K_MON, K_WEEKDAY, K_DEICTIC, K_RELUNIT, K_ANAPH, K_AGO,
    K_COUNT
};

static const char *const rule_src[K_COUNT] = {
    [K_ISO] = "(?<![\\p{N}\\-/.])(?<y>[12][0-9]{3})(?<sep>[-/])(?<m>[01][0-9])\\k<sep>(?<d>[0-3][0-9])(?![\\p{N}])",
    [K_NUM] = "(?<![\\p{N}/.\\-])(?<a>[0-9]{1,2})(?<sep>[/.\\-])(?<b>[0-9]{1,2})\\k<sep>(?<y>[0-9]{4}|[0-9]{2})(?![\\p{N}]|[/.\\-]\\p{N})",
    [K_MDY] = "(?:" WDAY ",?\\s+)?" MON "\\s*" DAY1 "(?:" RANGE DAY2 ")?(?:,?\\s+" YEAR "|" OFY ")?",
    [K_DMY] = "(?:" WDAY ",?\\s+(?:the\\s+)?)?" NUMSTART DAY1 "(?:" RANGE DAY2 ")?\\s+(?:of\\s+)?" MON "(?:,?\\s+" YEAR "|" OFY ")?",
    [K_MY] = "(?<![\\p{L}])" MOD MON ",?\\s+(?:of\\s+)?" YEAR,
    [K_QUARTER] = "(?<![\\p{L}\\p{N}])(?:(?:(?<rel>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he\\s+same|[Tt]he\\s+previous|[Tt]he\\s+current|[Tt]hat)\\s+)?"
                  "(?:" YEAR "\\s+)?(?:[Ff]iscal\\s+)?(?<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)(?:\\s+|-)(?<unit>quarter|half)(?!\\p{L})"
                  "(?:,?\\s+of\\s+(?:fiscal\\s+)?(?<y>1[0-9]{3}|20[0-9]{2})(?![\\p{N}])|" OFY ")?"
                  "|(?<q>Q[1-4])(?:\\s+(?<y>(?:19|20)[0-9]{2})(?![\\p{N}]))?(?![\\p{L}\\p{N}])"
                  "|(?<y>(?:19|20)[0-9]{2})\\s+(?<q>Q[1-4])(?![\\p{L}\\p{N}]))",
    [K_HOLIDAY] = "(?<![\\p{L}])(?:(?<rel>[Ll]ast|[Nn]ext|[Tt]his)\\s+)?(?<hol>Christmas\\s+Day|Christmas\\s+Eve|Christmas|New\\s+Year['\\x{2019}]s\\s+Day|New\\s+Year['\\x{2019}]s\\s+Eve|Boxing\\s+Day|Valentine['\\x{2019}]s\\s+Day|Halloween|Thanksgiving(?:\\s+Day)?|Election\\s+Day)(?!\\p{L})(?:,?\\s+" YEAR ")?",
    [K_SEASON] = "(?<![\\p{L}])" MOD "(?:" REL "\\s+)?(?<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?!\\p{L})(?:,?\\s+(?:of\\s+)?" YEAR "|" OFY ")?",
    [K_DECADE] = "(?<![\\p{L}\\p{N}])" MOD "(?:(?<dec>1[0-9]{2}0|20[0-9]0)|['\\x{2018}\\x{2019}](?<dd>[0-9])0|(?<dd>[2-9])0)s(?![\\p{L}\\p{N}])",
    [K_CENTURY] = "(?<![\\p{L}\\p{N}])" MOD "(?<ord>[0-9]{1,2}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty\\s+first))(?:\\s+|-)[Cc]entury(?![\\p{L}])",
    [K_YEAR] = NUMSTART "(?:" MOD "|(?<pre>[Pp]re-|[Pp]ost-|[Ff]iscal\\s+(?:year\\s+)?))?" YEAR
               "(?:\\s*(?:" DASH "|/)\\s*(?<y2>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?![\\p{N}]|[.,]\\p{N}))?(?![\\p{L}]|\\s*%)",
    [K_MON] = "(?<![\\p{L}])" MOD "(?:" REL "\\s+)?(?<mon>" MONF ")(?!\\p{L})(?:" OFY ")?",
    [K_WEEKDAY] = "(?<![\\p{L}])(?:" REL "\\s+)?" WDAY "(?!\\p{L})(?:\\s+(?<part>morning|afternoon|evening|night))?(?!\\p{L})",
    [K_DEICTIC] = "(?<![\\p{L}])(?:(?<mod>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\\s+)?(?<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?!\\p{L})"
                  "|(?<![\\p{L}])[Tt]he\\s+day\\s+(?<dir>before|after)\\s+(?<word>yesterday|tomorrow)(?!\\p{L})",
    [K_RELUNIT] = "(?<![\\p{L}])(?:(?<mod>[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate|[Mm]id|[Tt]he\\s+(?:end|start|beginning|middle|rest)\\s+of)\\s+)?"
                  "(?<rel>[Tt]his|[Ll]ast|[Nn]ext|[Cc]urrent)\\s+(?<unit>year|month|week|weekend|quarter)(?!\\p{L})"
                  "|(?<![\\p{L}])[Tt]he\\s+(?<unit>weekend)(?!\\p{L})",
    [K_ANAPH] = "(?<![\\p{L}])(?<rel>[Tt]he\\s+(?:same|following|next|previous|prior|preceding)|[Tt]hat)\\s+(?<unit>year|month|week|day|weekend)(?!\\p{L})",
    [K_AGO] = "(?<![\\p{L}\\p{N}])(?<n>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)|[0-9]{1,3})"
              "\\s+(?<unit>years?|months?|weeks?|days?|decades?)\\s+(?<dir>ago|earlier|later)(?!\\p{L})",
};

/* Named capture groups the normaliser reads; a name may label several groups. */
enum field {
    F_WD, F_MOD, F_REL, F_MON, F_D1, F_D2, F_Y, F_Y2, F_OFY, F_SEASON, F_UNIT, F_N,
    F_DIR, F_ORD, F_DEC, F_DD, F_WORD, F_PART, F_A, F_B, F_SEP, F_M, F_D, F_PRE,
    F_Q, F_HOL, F_COUNT
};
static const char *const field_name[F_COUNT] = {
    "wd", "mod", "rel", "mon", "d1", "d2", "y", "y2", "ofy", "season", "unit", "n",
    "dir", "ord", "dec", "dd", "word", "part", "a", "b", "sep", "m", "d", "pre",
    "q", "hol"
};
#define MAX_DUP 4

typedef struct rule {
    pcre2_code *code;
    int jit;             /* JIT-compiled: matched through pcre2_jit_match */
    uint32_t ovec_pairs; /* capture groups + 1 */
    unsigned char groups[F_COUNT][MAX_DUP]; /* group numbers, 0 = none */
} rule;

#define CUE_SLOTS 256 /* open addressing over the cue words (fewer than 100) */

/* A cue word packed as 5 bits per letter (c & 0x1F is 1..26 for either case), so a
 * word of up to 12 letters is one integer and a lookup is one comparison. */
typedef uint64_t word_key;
#define CUE_WORD_MIN 3  /* "ago", "may" */
#define CUE_WORD_MAX 12 /* "thanksgiving"; 12 * 5 bits fit in a word_key */

typedef struct cue_slot {
    word_key key; /* 0 = empty */
    uint32_t cues;
    uint32_t cased; /* counts only with a capital first letter */
} cue_slot;

struct dates {
    rule rules[K_COUNT];
    pcre2_match_context *mctx; /* match and depth limits: nothing can hang */
    cue_slot cue_slots[CUE_SLOTS];
    unsigned char letter_code[256]; /* c & 0x1F for an ASCII letter, else 0 */
};

/* ------------------------------------------------------------------------ */
/* Construction                                                              */

static int rule_fields(rule *r)
{
    uint32_t entry_size = 0;
    if (pcre2_pattern_info(r->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size) != 0)
        return -1;
    for (int f = 0; f < F_COUNT; f++) {
        PCRE2_SPTR first, last;
        int rc = pcre2_substring_nametable_scan(r->code, (PCRE2_SPTR)field_name[f], &first, &last);
        if (rc < 0)
            continue; /* this rule has no such group */
        int k = 0;
        for (PCRE2_SPTR e = first; e <= last && k < MAX_DUP; e += entry_size)
            r->groups[f][k++] = (unsigned char)((e[0] << 8) | e[1]);
    }
    return 0;
}

static int index_cue_words(dates *d);

int dates_new(dates **out, unsigned flags, char *err, size_t errlen)
{
    if (!out)
        return NERC_EARG;
    *out = NULL;
    dates *d = calloc(1, sizeof *d);
    if (!d)
        return NERC_ENOMEM;
    if (index_cue_words(d) < 0) {
        if (err && errlen)
            snprintf(err, errlen, "date cue words must have %d to %d letters", CUE_WORD_MIN, CUE_WORD_MAX);
        free(d);
        return NERC_EPATTERN;
    }
    d->mctx = pcre2_match_context_create(NULL);
    if (!d->mctx) {
        free(d);
        return NERC_ENOMEM;
    }
    pcre2_set_match_limit(d->mctx, 200000);
    pcre2_set_depth_limit(d->mctx, 2000);
    pcre2_set_heap_limit(d->mctx, 4096); /* KiB */
    for (int k = 0; k < K_COUNT; k++) {
        int ecode;
        PCRE2_SIZE eoff;
        d->rules[k].code = pcre2_compile((PCRE2_SPTR)rule_src[k], PCRE2_ZERO_TERMINATED,
                                         PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES, &ecode, &eoff, NULL);
        if (!d->rules[k].code) {
            if (err && errlen) {
                PCRE2_UCHAR msg[256];
                pcre2_get_error_message(ecode, msg, sizeof msg);
                snprintf(err, errlen, "date rule %d: offset %zu: %s", k, (size_t)eoff, (char *)msg);
            }
            dates_free(d);
            return ecode == PCRE2_ERROR_NOMEMORY ? NERC_ENOMEM : NERC_EPATTERN;
        }
        /* JIT is an optimisation: without it the interpreter gives the same results. */
        if (!(flags & DATES_NO_JIT))
            d->rules[k].jit = pcre2_jit_compile(d->rules[k].code, PCRE2_JIT_COMPLETE) == 0;
        uint32_t cap = 0;
        pcre2_pattern_info(d->rules[k].code, PCRE2_INFO_CAPTURECOUNT, &cap);
        d->rules[k].ovec_pairs = cap + 1;
        if (rule_fields(&d->rules[k]) < 0) {
            if (err && errlen)
                snprintf(err, errlen, "date rule %d: cannot read its group names", k);
            dates_free(d);
            return NERC_EPATTERN;
        }
    }
    *out = d;
    return 0;
}

void dates_free(dates *d)
{
    if (!d)
        return;
    for (int k = 0; k < K_COUNT; k++)
        pcre2_code_free(d->rules[k].code);
    pcre2_match_context_free(d->mctx);
    free(d);
}

int dates_state_init(dates_state *st, const dates *d, const date_ymd *doc_date)
{
    if (!st || !d)
        return NERC_EARG;
    memset(st, 0, sizeof *st);
    if (doc_date)
        st->doc_date = *doc_date;
    st->match_data = calloc(K_COUNT, sizeof *st->match_data);
    if (!st->match_data)
        return NERC_ENOMEM;
    for (int k = 0; k < K_COUNT; k++) {
        st->match_data[k] = pcre2_match_data_create(d->rules[k].ovec_pairs, NULL);
        if (!st->match_data[k]) {
            dates_state_free(st);
            return NERC_ENOMEM;
        }
    }
    return 0;
}

void dates_state_reset(dates_state *st, const date_ymd *doc_date)
{
    const date_ymd none = {0, 0, 0};
    st->doc_date = doc_date ? *doc_date : none;
    st->last = none;
    st->now = none;
}

void dates_state_free(dates_state *st)
{
    if (!st || !st->match_data)
        return;
    for (int k = 0; k < K_COUNT; k++)
        pcre2_match_data_free((pcre2_match_data *)st->match_data[k]);
    free(st->match_data);
    st->match_data = NULL;
}

/* ------------------------------------------------------------------------ */
/* Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)          */

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static date_ymd civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    date_ymd r;
    r.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.year = (int)(yoe + era * 400 + (r.month <= 2));
    return r;
}

/* 0 = Monday ... 6 = Sunday. */
static int weekday_of(long z)
{
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int days_in_month(int y, int m)
{
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return n[m - 1];
}

static void iso_week(long z, int *wy, int *wn)
{
    long thu = z + 3 - weekday_of(z);
    date_ymd t = civil_from_days(thu);
    long jan1 = days_from_civil(t.year, 1, 1);
    *wy = t.year;
    *wn = (int)((thu - jan1) / 7 + 1);
}

static int is_full(date_ymd d)
{
    return d.year > 0 && d.month > 0 && d.day > 0;
}

static long to_days(date_ymd d)
{
    return days_from_civil(d.year, d.month, d.day);
}

/* ------------------------------------------------------------------------ */
/* Small text utilities                                                       */

typedef struct match {
    const char *text;
    size_t len;
    const PCRE2_SIZE *ov;
    const rule *r;
} match;

/* The first set group named by field f, as [*a, *b). */
static int fld(const match *m, int f, size_t *a, size_t *b)
{
    if (a)
        *a = 0;
    if (b)
        *b = 0;
    for (int k = 0; k < MAX_DUP && m->r->groups[f][k]; k++) {
        unsigned g = m->r->groups[f][k];
        if (m->ov[2 * g] != PCRE2_UNSET) {
            if (a)
                *a = m->ov[2 * g];
            if (b)
                *b = m->ov[2 * g + 1];
            return 1;
        }
    }
    return 0;
}

/* Lower-cased ASCII copy of a field (letters, digits, spaces squeezed). */
static int fld_str(const match *m, int f, char *buf, size_t n)
{
    size_t a, b, k = 0;
    buf[0] = 0;
    if (!fld(m, f, &a, &b))
        return 0;
    int sp = 0;
    for (size_t i = a; i < b && k + 1 < n; i++) {
        unsigned char c = (unsigned char)m->text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            sp = 1;
            continue;
        }
        if (sp && k > 0 && k + 2 < n)
            buf[k++] = ' ';
        sp = 0;
        buf[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    buf[k] = 0;
    return 1;
}

static int fld_int(const match *m, int f)
{
    size_t a, b;
    if (!fld(m, f, &a, &b))
        return -1;
    int v = 0, any = 0;
    for (size_t i = a; i < b && m->text[i] >= '0' && m->text[i] <= '9' && v < 100000; i++) {
        v = v * 10 + (m->text[i] - '0');
        any = 1;
    }
    return any ? v : -1;
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The word just before byte `pos` (only white space between), lower-cased into buf.
 * *cap says whether it starts with a capital. Empty when punctuation intervenes. */
static void prev_word(const char *t, size_t pos, char *buf, size_t n, int *cap)
{
    size_t i = pos, k = 0;
    buf[0] = 0;
    if (cap)
        *cap = 0;
    while (i > 0 && is_space((unsigned char)t[i - 1]))
        i--;
    size_t e = i;
    while (i > 0 && (is_alpha((unsigned char)t[i - 1]) || t[i - 1] == '.') && e - i < 20)
        i--;
    if (i == e || (i > 0 && ((unsigned char)t[i - 1] >= 0x80 || t[i - 1] == '-')))
        return; /* not an ASCII word */
    if (cap)
        *cap = t[i] >= 'A' && t[i] <= 'Z';
    for (; i < e && k + 1 < n; i++)
        buf[k++] = (char)((t[i] >= 'A' && t[i] <= 'Z') ? t[i] + 32 : t[i]);
    buf[k] = 0;
}

/* The word starting after white space at `pos`, lower-cased, letters only (stops at
 * an apostrophe, so "treaty's" gives "treaty"). *digit says a number follows instead. */
static void next_word(const char *t, size_t len, size_t pos, char *buf, size_t n, int *cap, int *digit)
{
    size_t i = pos, k = 0;
    buf[0] = 0;
    *cap = *digit = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t'))
        i++;
    if (i < len && t[i] >= '0' && t[i] <= '9' && i > pos)
        *digit = 1;
    if (i < len && t[i] >= 'A' && t[i] <= 'Z')
        *cap = 1;
    for (; i < len && is_alpha((unsigned char)t[i]) && k + 1 < n; i++)
        buf[k++] = (char)((t[i] >= 'A' && t[i] <= 'Z') ? t[i] + 32 : t[i]);
    buf[k] = 0;
}

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if ((*list)[0] == w[0] && strcmp(w, *list) == 0) /* most words differ at once */
            return 1;
    return 0;
}

/* Words after a number that make it a count or a measure, not a year. */
static const char *const count_words[] = {
    "people", "persons", "troops", "soldiers", "fighters", "officers", "police", "policemen",
    "articles", "km", "kilometres", "kilometers", "miles", "metres", "meters", "m", "mm", "cm",
    "feet", "ft", "tons", "tonnes", "t", "kg", "kilograms", "lb", "lbs", "pounds", "dollars",
    "euros", "rubles", "roubles", "rials", "yuan", "yen", "barrels", "bpd", "votes", "seats",
    "cases", "deaths", "dead", "casualties", "civilians", "refugees", "migrants", "prisoners",
    "detainees", "hostages", "workers", "employees", "jobs", "members", "students", "children",
    "residents", "households", "families", "homes", "houses", "units", "vehicles", "cars",
    "tanks", "missiles", "rockets", "drones", "shells", "rounds", "bombs", "aircraft", "planes",
    "jets", "ships", "hours", "hrs", "gmt", "utc", "minutes", "seconds", "days", "weeks",
    "months", "years", "acres", "hectares", "points", "percent", "pages", "words", "million",
    "billion", "thousand", "mw", "gw", "kw", "mph", "calories", "times", "items", "copies",
    "degrees", "men", "women", "patients", "staff", "users", "customers", "visitors",
    "passengers", "shares", "sq", "square", "cubic", "local", "feet", "yards", "dozen", NULL
};

/* Words before a number that make it a label (Resolution 2231, flight 1907). */
static const char *const label_words[] = {
    "resolution", "article", "art.", "section", "sec.", "chapter", "paragraph", "para",
    "page", "p.", "pp.", "flight", "route", "room", "no.", "no", "number", "nr", "model",
    "version", "item", "rule", "clause", "code", "bill", "highway", "gate", "unit", "sector",
    "block", "lot", "platform", "bus", "channel", "box", "suite", "tel", "phone", "ext",
    "vol", "issue", "at", "about", "some", "over", "nearly", "almost", "approximately",
    "roughly", "than", "only", "another", "with", "of about", "total", "exactly", "opus",
    "hall", "building", "apartment", "street", "road", "avenue", NULL
};

/* Words after which a number in the usual year range reads as a year. */
static const char *const year_cues[] = {
    "in", "since", "until", "till", "by", "from", "to", "of", "during", "before", "after",
    "around", "circa", "c.", "the", "its", "and", "or", "through", "throughout", "between",
    "year", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "as",
    "for", "on", "that", "this", "until", "ca.", NULL
};

/* A future cue in the clause before `pos` (at most 80 bytes back, same sentence). */
static int future_cue(const char *t, size_t pos)
{
    static const char *const cues[] = {
        "will", "ll", "shall", "should", "would", "could", "might", "may", "soon",
        "scheduled", "expected", "upcoming", "slated", NULL
    };
    size_t lo = pos > 80 ? pos - 80 : 0;
    for (size_t i = pos; i > lo; i--) {
        char c = t[i - 1];
        if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && i < pos && is_space((unsigned char)t[i])))
        {
            lo = i;
            break;
        }
    }
    /* Walk the words of [lo, pos). */
    size_t i = lo;
    while (i < pos) {
        while (i < pos && !is_alpha((unsigned char)t[i]))
            i++;
        size_t s = i;
        while (i < pos && is_alpha((unsigned char)t[i]))
            i++;
        if (i > s && i - s < 16) {
            char w[16];
            size_t k;
            for (k = 0; k < i - s; k++)
                w[k] = (char)((t[s + k] >= 'A' && t[s + k] <= 'Z') ? t[s + k] + 32 : t[s + k]);
            w[k] = 0;
            if (in_list(w, cues))
                return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Values                                                                     */

static int month_from(const char *s)
{
    static const char *const names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncmp(s, names[i], 3) == 0)
            return i + 1;
    return 0;
}

static int weekday_from(const char *s)
{
    static const char *const names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; i++)
        if (strncmp(s, names[i], 3) == 0)
            return i;
    return -1;
}

/* v (0 <= v < 10^width) in `width` digits, zero padded, as "%0*d" prints it. */
static char *put_digits(char *p, int v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (XXXX for an unknown year); written by hand
 * because it runs for most dates and snprintf costs ten times as much. */
static void fmt_date(char *out, int y, int m, int d)
{
    char *p = out;
    if (y > 0) {
        p = put_digits(p, y % 10000, 4);
    } else {
        memcpy(p, "XXXX", 4);
        p += 4;
    }
    if (m > 0) {
        *p++ = '-';
        p = put_digits(p, m % 100, 2);
        if (d > 0) {
            *p++ = '-';
            p = put_digits(p, d % 100, 2);
        }
    }
    *p = '\0';
}

static void fmt_week(char *out, long z, int weekend)
{
    int wy, wn;
    iso_week(z, &wy, &wn);
    snprintf(out, 48, "%04d-W%02d%s", wy % 10000, wn % 100, weekend ? "-WE" : "");
}

/* Remember an explicit date; a bare year clears month and day. */
static void set_last(dates_state *st, int y, int m, int d)
{
    if (y <= 0)
        return;
    st->last.year = y;
    st->last.month = m > 0 ? m : 0;
    st->last.day = m > 0 && d > 0 ? d : 0;
    /* News reports the past: the latest dated event is the best guess for the time
     * of writing. A bare year ("adopted in 2006", "by 2030") does not count. */
    if (m > 0) {
        const date_ymd *n = &st->now;
        int dd = d > 0 ? d : 0;
        if (y > n->year || (y == n->year && (m > n->month || (m == n->month && dd > n->day))))
            st->now = st->last;
    }
}

/* The reference point for deictic words ("last month", "on Tuesday"): the document
 * date, else the latest dated event so far, else the most recent date. */
static date_ymd deictic_ref(const dates_state *st)
{
    if (st->doc_date.year > 0)
        return st->doc_date;
    return st->now.year > 0 ? st->now : st->last;
}

/* The reference point for anaphora: st->last, else the document date. */
static date_ymd anaphor_ref(const dates_state *st)
{
    return st->last.year > 0 ? st->last : st->doc_date;
}

/* Year of the relative qualifier in "of the same year", "last year", ... or 0. */
static int ofy_year(const dates_state *st, const char *q)
{
    date_ymd dr = deictic_ref(st), ar = anaphor_ref(st);
    if (strstr(q, "same") || strstr(q, "that") || strstr(q, "current"))
        return ar.year;
    if (strstr(q, "following") || strstr(q, "the next"))
        return ar.year > 0 ? ar.year + 1 : 0;
    if (strstr(q, "previous") || strstr(q, "prior"))
        return ar.year > 0 ? ar.year - 1 : 0;
    if (strstr(q, "this"))
        return dr.year;
    if (strstr(q, "last"))
        return dr.year > 0 ? dr.year - 1 : 0;
    if (strstr(q, "next"))
        return dr.year > 0 ? dr.year + 1 : 0;
    return 0;
}

/* Year for a month (and day) given without one; see the policy at the top. */
static int guess_year(const dates_state *st, int mon, int future)
{
    if (st->doc_date.year > 0) {
        /* The occurrence within a year-long window around the document date: seven
         * months back to four ahead (news reports mostly the past); with a future
         * cue, two months back to nine ahead. */
        date_ymd dd = st->doc_date;
        int dm = dd.month > 0 ? dd.month : 6;
        int delta = mon - dm;
        if (future)
            return delta < -2 ? dd.year + 1 : delta > 9 ? dd.year - 1 : dd.year;
        if (delta > 4)
            return dd.year - 1;
        if (delta < -7)
            return dd.year + 1;
        return dd.year;
    }
    return st->last.year;
}

/* ------------------------------------------------------------------------ */
/* Per-kind normalisation. Each returns 1 to accept (value in out, span possibly
 * narrowed through s and e) or 0 to reject the match. */

static int norm_iso(dates_state *st, const match *m, char *out)
{
    int y = fld_int(m, F_Y), mo = fld_int(m, F_M), d = fld_int(m, F_D);
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return 0;
    fmt_date(out, y, mo, d);
    set_last(st, y, mo, d);
    return 1;
}

static int norm_num(dates_state *st, const match *m, char *out)
{
    int a = fld_int(m, F_A), b = fld_int(m, F_B), y = fld_int(m, F_Y);
    size_t ys, ye, ss;
    fld(m, F_Y, &ys, &ye);
    fld(m, F_SEP, &ss, NULL);
    char sep = m->text[ss];
    if (ye - ys == 2) {
        if (sep != '/')
            return 0; /* "1.2.24" is more often a version than a date */
        y += y < 50 ? 2000 : 1900;
    }
    if (y < 1000)
        return 0;
    int mo, d;
    if (sep == '/') { /* MM/DD unless the first cannot be a month */
        mo = a > 12 ? b : a;
        d = a > 12 ? a : b;
    } else { /* DD.MM / DD-MM unless the second cannot be a month */
        mo = b > 12 ? a : b;
        d = b > 12 ? b : a;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return 0;
    fmt_date(out, y, mo, d);
    set_last(st, y, mo, d);
    return 1;
}

/* Whether the number ending at `ye` counts something: a unit or counted noun
 * follows ("2000 troops", "1500 km"); when nothing before it reads as a year cue
 * (`cued` = 0), any plain plural noun will do ("2000 protesters"). */
static int number_is_count(const match *m, size_t ye, int cued)
{
    char w[24];
    int cap, dig;
    next_word(m->text, m->len, ye, w, sizeof w, &cap, &dig);
    if (in_list(w, count_words))
        return 1;
    size_t n = strlen(w);
    if (cued || cap || n <= 3 || w[n - 1] != 's' || strchr("sui", w[n - 2]))
        return 0;
    /* a possessive ("treaty's") is not a plural: next_word stopped at the apostrophe */
    size_t i = ye;
    while (i < m->len && is_space((unsigned char)m->text[i]))
        i++;
    return !(i + n < m->len && (m->text[i + n] == '\'' || (unsigned char)m->text[i + n] == 0xE2));
}

/* Full dates with a day: MDY and DMY (also ranges of days, and weekday prefixes). */
static int norm_day(dates_state *st, const match *m, size_t *s, size_t *e, char *out)
{
    char mon[16], q[32];
    fld_str(m, F_MON, mon, sizeof mon);
    int mo = month_from(mon);
    int d1 = fld_int(m, F_D1), d2 = fld_int(m, F_D2);
    int y = fld_int(m, F_Y);
    size_t ys, ye;
    if (y > 0 && fld(m, F_Y, &ys, &ye) && number_is_count(m, ye, 0)) {
        /* Cut the span back to the day (or the second day of a range). */
        size_t a, b;
        if (d2 > 0 && fld(m, F_D2, &a, &b))
            *e = b;
        else if (fld(m, F_D1, &a, &b) && b > *e - (ye - ys) - 8)
            *e = b;
        y = -1;
        if (*e > ys)
            *e = ys;
        while (*e > *s && (is_space((unsigned char)m->text[*e - 1]) || m->text[*e - 1] == ','))
            (*e)--;
    }
    if (mo < 1 || d1 < 1 || d1 > 31)
        return 0;
    int explicit_year = y > 0;
    if (!explicit_year) {
        if (fld_str(m, F_OFY, q, sizeof q))
            y = ofy_year(st, q);
        else
            y = guess_year(st, mo, future_cue(m->text, *s));
    }
    int maxd = days_in_month(y > 0 ? y : 2000, mo);
    if (d1 > maxd || (d2 > 0 && (d2 > maxd || d2 <= d1)))
        return 0;
    if (d2 > 0) {
        char a[24], b[24];
        fmt_date(a, y, mo, d1);
        fmt_date(b, y, mo, d2);
        snprintf(out, 48, "%s/%s", a, b);
    } else {
        fmt_date(out, y, mo, d1);
    }
    if (y > 0)
        set_last(st, y, mo, d2 > 0 ? d2 : d1);
    return 1;
}

static int norm_month_year(dates_state *st, const match *m, char *out)
{
    char mon[16];
    fld_str(m, F_MON, mon, sizeof mon);
    int mo = month_from(mon), y = fld_int(m, F_Y);
    if (mo < 1 || y < 1000)
        return 0;
    fmt_date(out, y, mo, 0);
    set_last(st, y, mo, 0);
    return 1;
}

static const char *const month_cues[] = {
    "in", "since", "until", "till", "by", "from", "to", "of", "during", "through", "before",
    "after", "between", "and", "or", "throughout", "early", "late", "mid", "last", "next",
    "this", "on", "for", "as", "until", "around", "that", "each", NULL
};

static int norm_month(dates_state *st, const match *m, size_t s, char *out)
{
    char mon[16], rel[16] = "", q[32] = "", pw[24], nw[24];
    int pcap, ncap, ndig;
    fld_str(m, F_MON, mon, sizeof mon);
    int mo = month_from(mon);
    int has_rel = fld_str(m, F_REL, rel, sizeof rel);
    int has_ofy = fld_str(m, F_OFY, q, sizeof q);
    int has_mod = fld(m, F_MOD, NULL, NULL);
    size_t ms, me;
    fld(m, F_MON, &ms, &me);
    if (!has_rel && !has_mod) {
        prev_word(m->text, s, pw, sizeof pw, &pcap);
        next_word(m->text, m->len, me, nw, sizeof nw, &ncap, &ndig);
        int cued = in_list(pw, month_cues);
        if (mo == 5 && !cued && !has_ofy)
            return 0; /* "May" is usually the verb or a surname */
        if (!cued && !has_ofy && ncap && nw[0])
            return 0; /* "April Ryan", "June Carter": a first name */
        if (pcap && pw[0] && !cued)
            return 0; /* inside a name: "Theresa May", "Black September" */
    }
    if (strcmp(rel, "past") == 0 || strcmp(rel, "coming") == 0)
        return 0;
    int y = 0;
    date_ymd ref = deictic_ref(st);
    if (has_ofy) {
        y = ofy_year(st, q);
    } else if (has_rel) {
        if (ref.year > 0 && ref.month > 0) {
            if (strcmp(rel, "last") == 0 || strcmp(rel, "previous") == 0)
                y = mo < ref.month ? ref.year : ref.year - 1;
            else if (strcmp(rel, "next") == 0 || strcmp(rel, "following") == 0)
                y = mo > ref.month ? ref.year : ref.year + 1;
            else
                y = ref.year;
        } else {
            y = ref.year;
        }
    } else {
        y = guess_year(st, mo, future_cue(m->text, s));
    }
    fmt_date(out, y, mo, 0);
    if (y > 0 && st->doc_date.year == 0)
        set_last(st, y, mo, 0);
    return 1;
}

static int norm_season(dates_state *st, const match *m, size_t s, char *out)
{
    char sea[16], rel[16] = "", q[32] = "", pw[24];
    int pcap;
    fld_str(m, F_SEASON, sea, sizeof sea);
    int has_rel = fld_str(m, F_REL, rel, sizeof rel);
    int has_ofy = fld_str(m, F_OFY, q, sizeof q);
    int y = fld_int(m, F_Y);
    int has_mod = fld(m, F_MOD, NULL, NULL);
    const char *code = sea[0] == 's' ? (sea[1] == 'p' ? "SP" : "SU") : sea[0] == 'w' ? "WI" : "FA";
    int start = code[0] == 'S' ? (code[1] == 'P' ? 3 : 6) : code[0] == 'W' ? 12 : 9;
    if (strcmp(rel, "past") == 0 || strcmp(rel, "coming") == 0)
        return 0;
    if (y <= 0 && !has_rel && !has_ofy) {
        prev_word(m->text, s, pw, sizeof pw, &pcap);
        if (code[0] == 'F' && code[1] == 'A' && sea[0] == 'f')
            return 0; /* bare "fall" is mostly the verb or noun */
        if (!has_mod && !in_list(pw, (const char *const[]){"in", "during", "this", "the", "by", "until", "since", "through", "over", "last", "next", "early", "late", NULL}))
            return 0;
        char nw[24];
        int ncap, ndig;
        size_t a, b;
        fld(m, F_SEASON, &a, &b);
        next_word(m->text, m->len, b, nw, sizeof nw, &ncap, &ndig);
        if (strcmp(nw, "of") == 0)
            return 0; /* "the spring of discontent" */
        if (ncap && m->text[a] >= 'A' && m->text[a] <= 'Z')
            return 0; /* "the Summer Olympics", "the Winter War" */
    }
    date_ymd ref = deictic_ref(st);
    if (y <= 0) {
        if (has_ofy) {
            y = ofy_year(st, q);
        } else if (ref.year > 0) {
            int dm = ref.month > 0 ? ref.month : 6;
            y = ref.year;
            /* "last spring": the previous year's (the newswire convention). */
            if (strcmp(rel, "last") == 0 || strcmp(rel, "previous") == 0)
                y = ref.year - 1;
            else if (strcmp(rel, "next") == 0 || strcmp(rel, "following") == 0)
                y = start > dm ? ref.year : ref.year + 1;
        }
    }
    char ys[8];
    if (y > 0)
        snprintf(ys, sizeof ys, "%04d", y % 10000);
    else
        strcpy(ys, "XXXX");
    snprintf(out, 48, "%s-%s", ys, code);
    return 1;
}

static int norm_year(dates_state *st, const match *m, size_t *e, char *out)
{
    size_t ys, ye;
    fld(m, F_Y, &ys, &ye);
    int y = fld_int(m, F_Y), y2 = fld_int(m, F_Y2);
    int has_pre = fld(m, F_MOD, NULL, NULL) || fld(m, F_PRE, NULL, NULL);
    char pw[24], nw[24];
    int pcap, ncap, ndig;
    prev_word(m->text, ys, pw, sizeof pw, &pcap);
    int cued = has_pre || in_list(pw, year_cues);
    if (!has_pre && in_list(pw, label_words))
        return 0;
    if (!has_pre && ys > 0 && m->text[ys - 1] == '\'')
        return 0;
    /* Year range: "2019-2021", "1990-91". */
    if (y2 >= 0) {
        size_t a, b;
        fld(m, F_Y2, &a, &b);
        if (b - a == 2)
            y2 += (y / 100) * 100;
        if (y2 <= y || y2 - y > 50)
            return 0;
        ye = b;
    }
    if (y < 1000 || y > 2099)
        return 0;
    if (y < 1900 && !cued)
        return 0;
    /* A number followed by a counted noun or unit is a quantity. */
    next_word(m->text, m->len, ye, nw, sizeof nw, &ncap, &ndig);
    if (ndig)
        return 0; /* a phone number or a table of figures */
    int apos = ye < m->len && (m->text[ye] == '\'' || (unsigned char)m->text[ye] == 0xE2);
    if (!apos && number_is_count(m, ye, cued))
        return 0;
    if (ys > 0 && is_space((unsigned char)m->text[ys - 1])) {
        size_t i = ys;
        while (i > 0 && is_space((unsigned char)m->text[i - 1]))
            i--;
        if (i > 0 && m->text[i - 1] >= '0' && m->text[i - 1] <= '9' && !has_pre)
            return 0; /* "555 2024" */
    }
    *e = ye;
    char mod[40];
    if (y2 < 0 && fld_str(m, F_MOD, mod, sizeof mod) && strstr(mod, "half")) {
        snprintf(out, 48, "%04d-H%d", y, strstr(mod, "first") ? 1 : 2);
        set_last(st, y, 0, 0);
        return 1;
    }
    /* A year that names a thing rather than a time ("the 2015 deal", "its 2001
     * treaty") or bounds a period ("by 2035", "since 2021") is no anchor for a
     * later "in May". */
    static const char *const DET_BEFORE[] = {"the", "its", "their", "his", "her", "a",
                                             "an", "this", "that", NULL};
    static const char *const BOUND_BEFORE[] = {"by", "since", "until", "till", "before",
                                               "after", NULL};
    int anchor = !in_list(pw, BOUND_BEFORE) && !(in_list(pw, DET_BEFORE) && nw[0]);
    if (y2 > 0) {
        snprintf(out, 48, "%04d/%04d", y, y2);
        if (anchor)
            set_last(st, y2, 0, 0);
    } else {
        fmt_date(out, y, 0, 0);
        if (anchor)
            set_last(st, y, 0, 0);
    }
    return 1;
}

static int norm_decade(const match *m, size_t s, char *out)
{
    int dec = fld_int(m, F_DEC), dd = fld_int(m, F_DD);
    if (dec > 0) {
        snprintf(out, 48, "%03dX", dec / 10);
        return 1;
    }
    size_t a, b;
    if (dd < 0 || !fld(m, F_DD, &a, &b))
        return 0;
    int apos = a > 0 && (m->text[a - 1] == '\'' || (unsigned char)m->text[a - 1] >= 0x80);
    if (!apos && !fld(m, F_MOD, NULL, NULL)) {
        char pw[24];
        int pcap;
        prev_word(m->text, s, pw, sizeof pw, &pcap);
        if (strcmp(pw, "the") != 0)
            return 0; /* "in his 80s" is an age */
    }
    snprintf(out, 48, "%d%dX", dd <= 1 ? 20 : 19, dd);
    return 1;
}

static int norm_century(const match *m, char *out)
{
    static const char *const ords[] = {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", NULL
    };
    char o[32];
    fld_str(m, F_ORD, o, sizeof o);
    int n = atoi(o);
    if (n == 0) {
        if (strcmp(o, "twenty first") == 0)
            n = 21;
        for (int i = 0; ords[i] && n == 0; i++)
            if (strcmp(o, ords[i]) == 0)
                n = i + 1;
    }
    if (n < 1 || n > 21)
        return 0;
    snprintf(out, 48, "%02d", n - 1);
    return 1;
}

static int norm_quarter(dates_state *st, const match *m, char *out)
{
    char ord[16] = "", unit[16] = "", rel[24] = "", q[32] = "";
    int y = fld_int(m, F_Y), n = 0;
    size_t a, b;
    if (fld(m, F_Q, &a, &b)) {
        n = m->text[a + 1] - '0';
        snprintf(unit, sizeof unit, "quarter");
    } else {
        fld_str(m, F_ORD, ord, sizeof ord);
        fld_str(m, F_UNIT, unit, sizeof unit);
        n = ord[0] == '1' || ord[0] == 'f' ? (ord[1] == 'o' ? 4 : 1)
          : ord[0] == '2' || ord[0] == 's' ? 2
          : ord[0] == '3' || ord[0] == 't' ? 3 : 4;
    }
    int half = unit[0] == 'h';
    if (half && n > 2)
        return 0;
    fld_str(m, F_REL, rel, sizeof rel);
    if (y <= 0 && fld_str(m, F_OFY, q, sizeof q))
        y = ofy_year(st, q);
    if (y <= 0) {
        date_ymd ref = deictic_ref(st);
        if (strstr(rel, "same") || strstr(rel, "that")) {
            y = anaphor_ref(st).year;
        } else if (ref.year > 0) {
            int cur = ref.month > 0 ? (ref.month - 1) / 3 + 1 : 4;
            int curh = ref.month > 0 ? (ref.month > 6 ? 2 : 1) : 2;
            y = ref.year;
            if (strstr(rel, "last") || strstr(rel, "previous"))
                y = ref.year - 1;
            else if (strstr(rel, "next"))
                y = ref.year + 1;
            else if (!half && n > cur + 1)
                y = ref.year - 1; /* "the fourth quarter" early in a year: the last one */
            else if (half && n > curh && cur == 1)
                y = ref.year - 1;
        }
    } else {
        set_last(st, y, 0, 0);
    }
    char ys[8];
    if (y > 0)
        snprintf(ys, sizeof ys, "%04d", y % 10000);
    else
        strcpy(ys, "XXXX");
    snprintf(out, 48, "%s-%c%d", ys, half ? 'H' : 'Q', n);
    return 1;
}

static int norm_holiday(dates_state *st, const match *m, size_t s, char *out)
{
    char h[32], rel[16] = "";
    fld_str(m, F_HOL, h, sizeof h);
    fld_str(m, F_REL, rel, sizeof rel);
    int y = fld_int(m, F_Y), mo = 0, d = 0;
    if (strncmp(h, "christmas eve", 13) == 0) { mo = 12; d = 24; }
    else if (strncmp(h, "christmas", 9) == 0) { mo = 12; d = 25; }
    else if (strncmp(h, "new year", 8) == 0) {
        size_t n = strlen(h);
        if (n >= 3 && strcmp(h + n - 3, "eve") == 0) { mo = 12; d = 31; }
        else { mo = 1; d = 1; }
    }
    else if (strncmp(h, "boxing", 6) == 0) { mo = 12; d = 26; }
    else if (strncmp(h, "valentine", 9) == 0) { mo = 2; d = 14; }
    else if (strncmp(h, "halloween", 9) == 0) { mo = 10; d = 31; }
    else if (strncmp(h, "thanksgiving", 12) == 0) { mo = 11; d = -4; } /* 4th Thursday */
    else if (strncmp(h, "election", 8) == 0) { mo = 11; d = -2; }      /* Tuesday after 1st Monday */
    if (!mo)
        return 0;
    if (y <= 0) {
        date_ymd ref = deictic_ref(st);
        if (rel[0] == 'l' && ref.year > 0)
            y = ref.year - 1;
        else if (rel[0] == 'n' && ref.year > 0)
            y = ref.year + 1;
        else if (rel[0] == 't')
            y = ref.year;
        else
            y = guess_year(st, mo, future_cue(m->text, s));
    } else {
        set_last(st, y, mo, d > 0 ? d : 0);
    }
    if (d < 0) {
        if (y <= 0) {
            fmt_date(out, 0, mo, 0);
            return 1;
        }
        long first = days_from_civil(y, 11, 1);
        int wd = weekday_of(first);
        if (d == -4) /* Thursday = 3 */
            d = 1 + (3 - wd + 7) % 7 + 21;
        else          /* first Monday, then the day after */
            d = 1 + (0 - wd + 7) % 7 + 1;
    }
    fmt_date(out, y, mo, d);
    return 1;
}

static int norm_weekday(const match *m, dates_state *st, size_t s, char *out)
{
    char wd[16], rel[16] = "";
    fld_str(m, F_WD, wd, sizeof wd);
    fld_str(m, F_REL, rel, sizeof rel);
    int w = weekday_from(wd);
    if (w < 0)
        return 0;
    if (strcmp(rel, "past") == 0 || strcmp(rel, "coming") == 0)
        rel[0] = rel[0] == 'p' ? 'l' : 'n'; /* "past Friday" = last, "coming" = next */
    if (!rel[0]) {
        char pw[24];
        int pcap;
        prev_word(m->text, s, pw, sizeof pw, &pcap);
        /* "Black Monday", "Good Friday": named days, not this week's. */
        static const char *const named[] = {
            "black", "good", "holy", "ash", "easter", "palm", "maundy", "shrove", "super",
            "cyber", "bloody", "blue", "whit", "low", NULL
        };
        if (pcap && in_list(pw, named))
            return 0;
        /* "the Sunday Times": a newspaper title. */
        static const char *const titles[] = {
            "times", "telegraph", "express", "mirror", "herald", "post", "mail", "observer",
            "independent", "tribune", "star", "sport", "people", NULL
        };
        char nw[24];
        int ncap, ndig;
        size_t a, b;
        fld(m, F_WD, &a, &b);
        next_word(m->text, m->len, b, nw, sizeof nw, &ncap, &ndig);
        if (ncap && in_list(nw, titles) && !fld(m, F_PART, NULL, NULL))
            return 0;
    }
    date_ymd ref = deictic_ref(st);
    if (!is_full(ref)) {
        snprintf(out, 48, "XXXX-WXX-%d", w + 1);
        return 1;
    }
    long z = to_days(ref);
    int rw = weekday_of(z);
    long t;
    int back = (rw - w + 7) % 7; /* days back to the most recent such day, 0..6 */
    if (rel[0] == 'l' || strcmp(rel, "previous") == 0)
        t = z - (back == 0 ? 7 : back);
    else if (rel[0] == 'n' || rel[0] == 'f')
        t = z + ((w - rw + 7) % 7 == 0 ? 7 : (w - rw + 7) % 7);
    else if (rel[0] == 't' || future_cue(m->text, s))
        t = z + (w - rw + 7) % 7;
    else
        t = z - back;
    date_ymd r = civil_from_days(t);
    fmt_date(out, r.year, r.month, r.day);
    return 1;
}

static int norm_deictic(const match *m, dates_state *st, char *out)
{
    char w[16], dir[16] = "";
    fld_str(m, F_WORD, w, sizeof w);
    int has_dir = fld_str(m, F_DIR, dir, sizeof dir);
    int off = w[0] == 'y' ? -1 : (w[0] == 't' && w[2] == 'm') ? 1 : 0;
    if (has_dir)
        off *= 2;
    else {
        /* "USA Today": a capitalised word glued to a capitalised "Today". */
        char pw[24];
        int pcap;
        size_t ws;
        fld(m, F_WORD, &ws, NULL);
        prev_word(m->text, ws, pw, sizeof pw, &pcap);
        size_t i = ws;
        while (i > 0 && is_space((unsigned char)m->text[i - 1]))
            i--;
        if (m->text[ws] >= 'A' && m->text[ws] <= 'Z' && pcap && i > 0 && is_alpha((unsigned char)m->text[i - 1]))
            return 0;
    }
    date_ymd ref = deictic_ref(st);
    if (!is_full(ref)) {
        snprintf(out, 48, "XXXX-XX-XX");
        return 1;
    }
    date_ymd r = civil_from_days(to_days(ref) + off);
    fmt_date(out, r.year, r.month, r.day);
    return 1;
}

/* A unit step from ref: n years/months/weeks/days (negative = back). */
static void fmt_shift(char *out, date_ymd ref, const char *unit, int n, int weekend)
{
    if (unit[0] == 'y') {
        fmt_date(out, ref.year > 0 ? ref.year + n : 0, 0, 0);
    } else if (unit[0] == 'q') {
        if (ref.year <= 0 || ref.month <= 0) {
            snprintf(out, 48, "XXXX-QX");
            return;
        }
        int q = (ref.month - 1) / 3 + n, y = ref.year;
        while (q < 0) { q += 4; y--; }
        while (q > 3) { q -= 4; y++; }
        snprintf(out, 48, "%04d-Q%d", y % 10000, q + 1);
    } else if (unit[0] == 'm') {
        if (ref.year <= 0 || ref.month <= 0) {
            snprintf(out, 48, "XXXX-XX");
            return;
        }
        int t = ref.year * 12 + (ref.month - 1) + n;
        fmt_date(out, t / 12, t % 12 + 1, 0);
    } else if (unit[0] == 'w') {
        if (!is_full(ref)) {
            snprintf(out, 48, "XXXX-WXX%s", weekend ? "-WE" : "");
            return;
        }
        fmt_week(out, to_days(ref) + 7L * n, weekend);
    } else if (unit[0] == 'd' && unit[1] == 'e') {
        if (ref.year <= 0) {
            snprintf(out, 48, "XXXX");
            return;
        }
        snprintf(out, 48, "%03dX", (ref.year + 10 * n) / 10);
    } else {
        if (!is_full(ref)) {
            snprintf(out, 48, "XXXX-XX-XX");
            return;
        }
        date_ymd r = civil_from_days(to_days(ref) + n);
        fmt_date(out, r.year, r.month, r.day);
    }
}

static int norm_relunit(const match *m, dates_state *st, size_t s, char *out)
{
    char rel[16], unit[16], pw[24];
    int pcap;
    fld_str(m, F_REL, rel, sizeof rel);
    fld_str(m, F_UNIT, unit, sizeof unit);
    if (!fld(m, F_MOD, NULL, NULL)) {
        prev_word(m->text, s, pw, sizeof pw, &pcap);
        if (strcmp(pw, "the") == 0 || strcmp(pw, "a") == 0 || strcmp(pw, "every") == 0 || strcmp(pw, "each") == 0)
            return 0; /* "the last year" is a duration; "every last week" */
    }
    int n = rel[0] == 'l' ? -1 : rel[0] == 'n' ? 1 : 0;
    date_ymd ref = deictic_ref(st);
    if (!rel[0] && is_full(ref)) {
        /* "the weekend": the one just past, or the coming one after a future cue;
         * a Saturday or Sunday document date is its own weekend. */
        long z = to_days(ref);
        int wd = weekday_of(z);
        if (wd < 5)
            z += future_cue(m->text, s) ? 5 - wd : -(wd + 2);
        fmt_week(out, z, 1);
        return 1;
    }
    fmt_shift(out, ref, unit, n, strcmp(unit, "weekend") == 0);
    return 1;
}

static int norm_anaph(const match *m, dates_state *st, size_t s, char *out)
{
    char rel[32], unit[16], pw[24];
    int pcap;
    fld_str(m, F_REL, rel, sizeof rel);
    fld_str(m, F_UNIT, unit, sizeof unit);
    prev_word(m->text, s, pw, sizeof pw, &pcap);
    int n = strstr(rel, "following") || strstr(rel, "next") ? 1
          : strstr(rel, "previous") || strstr(rel, "prior") || strstr(rel, "preceding") ? -1 : 0;
    if (n != 0 && in_list(pw, (const char *const[]){"over", "within", "for", "during", "throughout", "in", NULL}))
        return 0; /* "over the next year" is a duration */
    if (strcmp(rel, "that") == 0) {
        /* "that day" only when it points back at a date */
        size_t a, b;
        fld(m, F_UNIT, &a, &b);
        char nw[24];
        int ncap, ndig;
        next_word(m->text, m->len, b, nw, sizeof nw, &ncap, &ndig);
        if (strcmp(nw, "s") == 0)
            return 0;
    }
    date_ymd ref = anaphor_ref(st);
    if (ref.year <= 0 || (unit[0] == 'm' && ref.month <= 0) || (unit[0] != 'y' && unit[0] != 'm' && !is_full(ref)))
        return 0; /* nothing precise enough to point back at */
    fmt_shift(out, ref, unit, n, strcmp(unit, "weekend") == 0);
    return 1;
}

static int word_number(const char *w)
{
    static const char *const nums[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", NULL
    };
    if (w[0] >= '0' && w[0] <= '9')
        return atoi(w);
    if (strcmp(w, "a") == 0 || strcmp(w, "an") == 0)
        return 1;
    for (int i = 0; nums[i]; i++)
        if (strcmp(w, nums[i]) == 0)
            return i;
    if (strcmp(w, "fifteen") == 0) return 15;
    if (strcmp(w, "twenty") == 0) return 20;
    if (strcmp(w, "thirty") == 0) return 30;
    if (strcmp(w, "forty") == 0) return 40;
    if (strcmp(w, "fifty") == 0) return 50;
    return -1;
}

static int norm_ago(const match *m, dates_state *st, char *out)
{
    char nw[16], unit[16], dir[16];
    fld_str(m, F_N, nw, sizeof nw);
    fld_str(m, F_UNIT, unit, sizeof unit);
    fld_str(m, F_DIR, dir, sizeof dir);
    int n = word_number(nw);
    if (n < 0 || n > 500)
        return 0;
    date_ymd ref = dir[0] == 'a' ? deictic_ref(st) : anaphor_ref(st);
    int sign = dir[0] == 'l' ? 1 : -1;
    if (unit[0] == 'd' && unit[1] == 'e') {
        fmt_shift(out, ref, "decade", sign * n, 0);
        return 1;
    }
    fmt_shift(out, ref, unit, sign * n, 0);
    return 1;
}

static int normalise(int kind, dates_state *st, const match *m, size_t *s, size_t *e, char *out)
{
    switch (kind) {
    case K_ISO: return norm_iso(st, m, out);
    case K_NUM: return norm_num(st, m, out);
    case K_MDY:
    case K_DMY: return norm_day(st, m, s, e, out);
    case K_MY: return norm_month_year(st, m, out);
    case K_QUARTER: return norm_quarter(st, m, out);
    case K_HOLIDAY: return norm_holiday(st, m, *s, out);
    case K_SEASON: return norm_season(st, m, *s, out);
    case K_DECADE: return norm_decade(m, *s, out);
    case K_CENTURY: return norm_century(m, out);
    case K_YEAR: return norm_year(st, m, e, out);
    case K_MON: return norm_month(st, m, *s, out);
    case K_WEEKDAY: return norm_weekday(m, st, *s, out);
    case K_DEICTIC: return norm_deictic(m, st, out);
    case K_RELUNIT: return norm_relunit(m, st, *s, out);
    case K_ANAPH: return norm_anaph(m, st, *s, out);
    case K_AGO: return norm_ago(m, st, out);
    default: return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* Scanning                                                                   */

/* Strict UTF-8 check, so that PCRE2 can skip its own check on every call. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* Most text is ASCII: skip it eight bytes at a time. */
        uint64_t chunk;
        if (i + sizeof chunk <= n) {
            memcpy(&chunk, s + i, sizeof chunk);
            if (!(chunk & 0x8080808080808080u)) {
                i += sizeof chunk;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) { k = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; cp = c & 0x07; }
        else return 0;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

#define NONE ((size_t)-1)
/* Dates per scan whose kind is kept for a second reading (deictic words). */
#define LATE_MAX 64

/* Cue words: most sentences hold no date, and a rule can only match where its cue
 * words are present, so a cheap scan of the words decides which rules run at all. */
enum {
    CUE_DIGIT = 1 << 0,
    CUE_DIGITS4 = 1 << 1,  /* a run of four or more digits (a year) */
    CUE_NUMSEP = 1 << 2,   /* digit, then / . or -, then digit (12/05/2024) */
    CUE_DIGIT_S = 1 << 3,  /* digit, then s (1990s, '90s) */
    CUE_QNUM = 1 << 4,     /* Q1 to Q4 */
    CUE_MONTH = 1 << 5,    /* a capitalised month name: "may" is a verb */
    CUE_WDAY = 1 << 6,     /* a capitalised weekday */
    CUE_DEICTIC = 1 << 7,  /* today, yesterday, tomorrow, tonight */
    CUE_SEASON = 1 << 8,
    CUE_HOLIDAY = 1 << 9,  /* a word of a holiday's name */
    CUE_CENTURY = 1 << 10,
    CUE_HALF = 1 << 11,    /* quarter, half */
    CUE_REL = 1 << 12,     /* this, last, next, current (before a unit) */
    CUE_RELUNIT = 1 << 13, /* year, month, week, weekend, quarter (after them) */
    CUE_WEEKEND = 1 << 14, /* "the weekend" */
    CUE_ANAPH = 1 << 15,   /* same, following, next, previous, prior, preceding, that */
    CUE_ANAUNIT = 1 << 16, /* year, month, week, day, weekend (after them) */
    CUE_AGO = 1 << 17,     /* ago, earlier, later */
    CUE_AGOUNIT = 1 << 18, /* year(s), month(s), week(s), day(s), decade(s) (before them) */
    CUE_DAYNUM = 1 << 19   /* a run of one or two digits (a day of the month) */
};

/* Can rule k match a sentence with these cues? (Each test names words every match
 * of the rule's pattern contains.) */
static int rule_wanted(int k, unsigned c)
{
    switch (k) {
    case K_ISO: case K_YEAR: return (c & CUE_DIGITS4) != 0;
    case K_NUM: return (c & CUE_NUMSEP) != 0;
    case K_MDY: case K_DMY: case K_MY: case K_MON: return (c & CUE_MONTH) != 0;
    case K_QUARTER: return (c & (CUE_HALF | CUE_QNUM)) != 0;
    case K_HOLIDAY: return (c & CUE_HOLIDAY) != 0;
    case K_SEASON: return (c & CUE_SEASON) != 0;
    case K_DECADE: return (c & CUE_DIGIT_S) != 0;
    case K_CENTURY: return (c & CUE_CENTURY) != 0;
    case K_WEEKDAY: return (c & CUE_WDAY) != 0;
    case K_DEICTIC: return (c & CUE_DEICTIC) != 0;
    case K_RELUNIT: return ((c & CUE_REL) && (c & CUE_RELUNIT)) || (c & CUE_WEEKEND);
    case K_ANAPH: return (c & CUE_ANAPH) && (c & CUE_ANAUNIT);
    case K_AGO: return (c & CUE_AGO) && (c & CUE_AGOUNIT);
    default: return 1;
    }
}

/* Where a match of rule k can start. Every match holds a whole word or digit run
 * with one of `cues` (the rule's anchor), and before it, within the match, at most
 * `gaps` runs of white space: the \s+ and \s* of the pattern's optional prefix
 * (words such as "the first half of", "last", "Friday,"). So a search need not
 * start more than `gaps` white-space-separated chunks before the next anchor, and
 * need not run at all past the last one. Each entry must hold for its pattern. */
static const struct rule_anchor {
    unsigned cues;
    int gaps;
} rule_anchor[K_COUNT] = {
    [K_ISO] = {CUE_DIGITS4, 0},
    [K_NUM] = {CUE_NUMSEP, 0},
    [K_MDY] = {CUE_DAYNUM, 2},              /* "Friday, May 5" */
    [K_DMY] = {CUE_DAYNUM, 2},              /* "Friday, the 5" */
    [K_MY] = {CUE_MONTH, 5},                /* MOD: "the first half of - May" */
    [K_QUARTER] = {CUE_HALF | CUE_QNUM, 5}, /* "the same 2024 fiscal first quarter" */
    [K_HOLIDAY] = {CUE_HOLIDAY, 2},         /* "next New Year's" */
    [K_SEASON] = {CUE_SEASON, 6},           /* MOD, then "last" */
    [K_DECADE] = {CUE_DIGIT_S, 5},          /* MOD */
    [K_CENTURY] = {CUE_CENTURY, 7},         /* MOD, then "twenty first" */
    [K_YEAR] = {CUE_DIGITS4, 5},            /* MOD, or "fiscal year" */
    [K_MON] = {CUE_MONTH, 6},               /* MOD, then "last" */
    [K_WEEKDAY] = {CUE_WDAY, 1},            /* "last Friday" */
    [K_DEICTIC] = {CUE_DEICTIC, 3},         /* "the day before yesterday" */
    [K_RELUNIT] = {CUE_RELUNIT | CUE_WEEKEND, 4}, /* "the end of last year" */
    [K_ANAPH] = {CUE_ANAUNIT, 2},           /* "the same year" */
    [K_AGO] = {CUE_AGO, 2},                 /* "two years ago" */
};

/* Every cue word or digit run with a cue that anchors some rule, in text order. */
#define ANCHOR_CUES (CUE_DIGITS4 | CUE_NUMSEP | CUE_DAYNUM | CUE_DIGIT_S | CUE_QNUM | CUE_MONTH | \
                     CUE_WDAY | CUE_DEICTIC | CUE_SEASON | CUE_HOLIDAY | CUE_CENTURY | CUE_HALF | \
                     CUE_RELUNIT | CUE_WEEKEND | CUE_ANAUNIT | CUE_AGO)
#define CUE_AT_MAX 128

typedef struct cue_map {
    unsigned all;  /* every cue in the text */
    int complete;  /* 0: more anchors followed than `at` holds */
    size_t n;
    struct {
        uint32_t pos;  /* start of the word or digit run */
        uint32_t cues;
    } at[CUE_AT_MAX];
} cue_map;

static void add_cue(cue_map *map, size_t pos, unsigned cues)
{
    map->all |= cues;
    if (!(cues & ANCHOR_CUES))
        return;
    if (map->n == CUE_AT_MAX) {
        map->complete = 0;
        return;
    }
    map->at[map->n].pos = (uint32_t)pos;
    map->at[map->n].cues = cues;
    map->n++;
}

/* The start of the white-space-separated chunk holding byte `pos`, moved `gaps`
 * chunks further back. */
static size_t chunks_back(const char *text, size_t pos, int gaps)
{
    for (;;) {
        while (pos > 0 && !is_space((unsigned char)text[pos - 1]))
            pos--;
        if (gaps-- == 0 || pos == 0)
            return pos;
        while (pos > 0 && is_space((unsigned char)text[pos - 1]))
            pos--;
    }
}

/* Where rule k's search from `from` can start (*start), or 0 if no match can. */
static int search_start(const cue_map *map, int k, const char *text, size_t from, size_t *start)
{
    const struct rule_anchor *ra = &rule_anchor[k];
    for (size_t i = 0; i < map->n; i++) {
        if (map->at[i].pos < from || !(map->at[i].cues & ra->cues))
            continue;
        size_t s = chunks_back(text, map->at[i].pos, ra->gaps);
        *start = s > from ? s : from;
        return 1;
    }
    *start = from;
    return !map->complete; /* an anchor may lie past the ones listed */
}

#define CASED 1 /* the cue counts only with a capital first letter, as the rule wants */
static const struct cue_word {
    const char *word;
    unsigned cue;
    int cased;
} cue_words[] = {
    {"january", CUE_MONTH, CASED}, {"february", CUE_MONTH, CASED}, {"march", CUE_MONTH, CASED},
    {"april", CUE_MONTH, CASED}, {"may", CUE_MONTH, CASED}, {"june", CUE_MONTH, CASED},
    {"july", CUE_MONTH, CASED}, {"august", CUE_MONTH, CASED}, {"september", CUE_MONTH, CASED},
    {"october", CUE_MONTH, CASED}, {"november", CUE_MONTH, CASED},
    {"december", CUE_MONTH, CASED}, {"jan", CUE_MONTH, CASED}, {"feb", CUE_MONTH, CASED},
    {"mar", CUE_MONTH, CASED}, {"apr", CUE_MONTH, CASED}, {"jun", CUE_MONTH, CASED},
    {"jul", CUE_MONTH, CASED}, {"aug", CUE_MONTH, CASED}, {"sep", CUE_MONTH, CASED},
    {"sept", CUE_MONTH, CASED}, {"oct", CUE_MONTH, CASED}, {"nov", CUE_MONTH, CASED},
    {"dec", CUE_MONTH, CASED}, {"monday", CUE_WDAY, CASED}, {"tuesday", CUE_WDAY, CASED},
    {"wednesday", CUE_WDAY, CASED}, {"thursday", CUE_WDAY, CASED},
    {"friday", CUE_WDAY, CASED}, {"saturday", CUE_WDAY, CASED}, {"sunday", CUE_WDAY, CASED},
    {"today", CUE_DEICTIC, 0}, {"yesterday", CUE_DEICTIC, 0}, {"tomorrow", CUE_DEICTIC, 0},
    {"tonight", CUE_DEICTIC, 0},
    {"year", CUE_RELUNIT | CUE_ANAUNIT | CUE_AGOUNIT | CUE_HOLIDAY, 0}, /* New Year's Day */
    {"years", CUE_AGOUNIT, 0}, {"month", CUE_RELUNIT | CUE_ANAUNIT | CUE_AGOUNIT, 0},
    {"months", CUE_AGOUNIT, 0}, {"week", CUE_RELUNIT | CUE_ANAUNIT | CUE_AGOUNIT, 0},
    {"weeks", CUE_AGOUNIT, 0}, {"weekend", CUE_RELUNIT | CUE_ANAUNIT | CUE_WEEKEND, 0},
    {"day", CUE_ANAUNIT | CUE_AGOUNIT, 0}, {"days", CUE_AGOUNIT, 0}, {"decade", CUE_AGOUNIT, 0},
    {"decades", CUE_AGOUNIT, 0}, {"quarter", CUE_HALF | CUE_RELUNIT, 0}, {"half", CUE_HALF, 0},
    {"century", CUE_CENTURY, 0}, {"this", CUE_REL, 0}, {"last", CUE_REL, 0},
    {"next", CUE_REL | CUE_ANAPH, 0}, {"current", CUE_REL, 0}, {"same", CUE_ANAPH, 0},
    {"following", CUE_ANAPH, 0}, {"previous", CUE_ANAPH, 0}, {"prior", CUE_ANAPH, 0},
    {"preceding", CUE_ANAPH, 0}, {"that", CUE_ANAPH, 0}, {"ago", CUE_AGO, 0},
    {"earlier", CUE_AGO, 0}, {"later", CUE_AGO, 0},
    {"spring", CUE_SEASON, 0}, {"summer", CUE_SEASON, 0}, {"autumn", CUE_SEASON, 0},
    {"fall", CUE_SEASON, 0}, {"winter", CUE_SEASON, 0}, {"christmas", CUE_HOLIDAY, 0},
    {"halloween", CUE_HOLIDAY, 0}, {"thanksgiving", CUE_HOLIDAY, 0},
    {"valentine", CUE_HOLIDAY, 0}, {"boxing", CUE_HOLIDAY, 0}, {"election", CUE_HOLIDAY, 0},
    {NULL, 0, 0}};

static int is_letter(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26;
}

static int is_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10;
}

static uint32_t cue_slot_of(word_key key)
{
    return (uint32_t)((key * 0x9E3779B97F4A7C15u) >> 56) & (CUE_SLOTS - 1);
}

/* The cue word table and the letter codes map_cues reads words with. Fails (-1) on
 * a cue word that map_cues could never find. */
static int index_cue_words(dates *d)
{
    for (int k = 0; cue_words[k].word; k++) {
        size_t n = strlen(cue_words[k].word);
        if (n < CUE_WORD_MIN || n > CUE_WORD_MAX)
            return -1;
        word_key key = 0;
        for (const char *c = cue_words[k].word; *c; c++)
            key = key << 5 | ((unsigned char)*c & 0x1F);
        uint32_t j = cue_slot_of(key);
        while (d->cue_slots[j].key)
            j = (j + 1) & (CUE_SLOTS - 1);
        d->cue_slots[j] = (cue_slot){key, cue_words[k].cue, (uint32_t)cue_words[k].cased};
    }
    for (int c = 0; c < 256; c++)
        d->letter_code[c] = is_letter((unsigned char)c) ? (unsigned char)(c & 0x1F) : 0;
    return 0;
}

/* The cues present in text (digit patterns, and ASCII words compared in lower
 * case) and where the anchors among them are. */
static void map_cues(const dates *d, const char *text, size_t len, cue_map *map)
{
    const unsigned char *t = (const unsigned char *)text;
    map->all = 0;
    map->complete = 1;
    map->n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = t[i];
        if (is_digit(c)) {
            size_t j = i;
            while (j < len && is_digit(t[j]))
                j++;
            unsigned cues = CUE_DIGIT;
            if (j - i <= 2)
                cues |= CUE_DAYNUM;
            if (j - i >= 4)
                cues |= CUE_DIGITS4;
            if (j < len && t[j] == 's')
                cues |= CUE_DIGIT_S;
            if (j + 1 < len && (t[j] == '/' || t[j] == '.' || t[j] == '-') && is_digit(t[j + 1]))
                cues |= CUE_NUMSEP;
            add_cue(map, i, cues);
            i = j;
            continue;
        }
        word_key key = d->letter_code[c]; /* meaningful only up to CUE_WORD_MAX letters */
        if (!key) {
            i++;
            continue;
        }
        size_t j = i + 1;
        for (unsigned v; j < len && (v = d->letter_code[t[j]]) != 0; j++)
            key = key << 5 | v;
        size_t n = j - i;
        if (n == 1 && c == 'Q' && j < len && t[j] >= '1' && t[j] <= '4')
            add_cue(map, i, CUE_QNUM);
        if (n >= CUE_WORD_MIN && n <= CUE_WORD_MAX) {
            for (uint32_t s = cue_slot_of(key); d->cue_slots[s].key; s = (s + 1) & (CUE_SLOTS - 1)) {
                const cue_slot *cs = &d->cue_slots[s];
                if (cs->key == key) {
                    if (!cs->cased || (c >= 'A' && c <= 'Z'))
                        add_cue(map, i, cs->cues);
                    break;
                }
            }
        }
        i = j;
    }
}

/* Find rule k's next match starting at or after `from`; start in *ms (NONE if none).
 * The match, groups included, stays in rule k's match data until its next search. */
static void search(const dates *d, dates_state *st, const cue_map *map, int k,
                   const char *text, size_t len, size_t from, size_t *ms, size_t *me)
{
    pcre2_match_data *md = st->match_data[k];
    *ms = NONE;
    if (from > len || !search_start(map, k, text, from, &from))
        return;
    /* pcre2_jit_match skips pcre2_match's checks of the arguments, which hold here. */
    int rc = d->rules[k].jit
                 ? pcre2_jit_match(d->rules[k].code, (PCRE2_SPTR)text, len, from, PCRE2_NO_UTF_CHECK, md, d->mctx)
                 : pcre2_match(d->rules[k].code, (PCRE2_SPTR)text, len, from, PCRE2_NO_UTF_CHECK, md, d->mctx);
    if (rc < 0)
        return; /* no match, or a limit hit: this rule gives up on the rest */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[1] <= ov[0])
        return; /* empty matches never make a date */
    *ms = ov[0];
    *me = ov[1];
}

int dates_scan(const dates *d, dates_state *st, const char *text, size_t len,
               date_span *out, size_t cap)
{
    if (!d || !st || !st->match_data || (!text && len > 0) || (!out && cap > 0))
        return NERC_EARG;
    if (len == 0)
        return 0;
    if (len > (size_t)INT32_MAX)
        return NERC_ELIMIT;
    if (!valid_utf8((const unsigned char *)text, len))
        return NERC_EARG;
    size_t next_s[K_COUNT], next_e[K_COUNT];
    int done[K_COUNT] = {0};
    cue_map cues;
    map_cues(d, text, len, &cues);
    for (int k = 0; k < K_COUNT; k++) {
        if (!rule_wanted(k, cues.all)) {
            done[k] = 1;
            next_s[k] = NONE;
            continue;
        }
        search(d, st, &cues, k, text, len, 0, &next_s[k], &next_e[k]);
    }
    size_t pos = 0;
    size_t count = 0;
    int late_kind[LATE_MAX];
    for (;;) {
        int best = -1;
        for (int k = 0; k < K_COUNT; k++) {
            if (done[k])
                continue;
            if (next_s[k] != NONE && next_s[k] < pos)
                search(d, st, &cues, k, text, len, pos, &next_s[k], &next_e[k]);
            if (next_s[k] == NONE) {
                done[k] = 1;
                continue;
            }
            if (best < 0 || next_s[k] < next_s[best] ||
                (next_s[k] == next_s[best] && next_e[k] > next_e[best]))
                best = k;
        }
        if (best < 0)
            break;
        size_t s = next_s[best], e = next_e[best];
        char value[48] = "";
        match m = {text, len, pcre2_get_ovector_pointer(st->match_data[best]), &d->rules[best]};
        int ok = normalise(best, st, &m, &s, &e, value);
        if (!ok || e <= s) {
            /* Retry this rule from the next character (never inside a UTF-8 sequence:
             * PCRE2 runs without its own check). */
            size_t from = next_s[best] + 1;
            while (from < len && ((unsigned char)text[from] & 0xC0) == 0x80)
                from++;
            search(d, st, &cues, best, text, len, from, &next_s[best], &next_e[best]);
            continue;
        }
        if (count < cap) {
            out[count].start = s;
            out[count].end = e;
            memcpy(out[count].value, value, sizeof value);
            if (count < LATE_MAX)
                late_kind[count] = best;
        }
        count++;
        pos = e;
        if (count >= (size_t)INT32_MAX)
            break;
    }
    /* "on Tuesday, a week after the truce of November 27, 2024": a deictic word that
     * found nothing to resolve against may find it later in the same sentence. Such
     * words never move the state, so reading them again changes nothing else. */
    date_ymd ref = deictic_ref(st);
    for (size_t i = 0; i < count && i < cap && i < LATE_MAX && ref.year > 0; i++) {
        int k = late_kind[i];
        if (out[i].value[0] != 'X' ||
            (k != K_WEEKDAY && k != K_DEICTIC && k != K_RELUNIT && k != K_AGO))
            continue;
        /* The rule's groups are gone: find the match again. An unanchored search from
         * its start finds it first (and can use the JIT, which anchoring cannot). */
        size_t s, e;
        search(d, st, &cues, k, text, len, out[i].start, &s, &e);
        if (s != out[i].start)
            continue;
        match m = {text, len, pcre2_get_ovector_pointer(st->match_data[k]), &d->rules[k]};
        char value[48] = "";
        if (normalise(k, st, &m, &s, &e, value) && s == out[i].start && e == out[i].end)
            memcpy(out[i].value, value, sizeof value);
    }
    return (int)count;
}

/* ------------------------------------------------------------------------ */

int date_parse_iso(const char *s, date_ymd *out)
{
    if (!s || !out)
        return -1;
    date_ymd r = {0, 0, 0};
    int n[3] = {0, 0, 0}, widths[3] = {4, 2, 2}, parts = 0;
    const char *p = s;
    for (; parts < 3; parts++) {
        for (int i = 0; i < widths[parts]; i++, p++) {
            if (*p < '0' || *p > '9')
                return -1;
            n[parts] = n[parts] * 10 + (*p - '0');
        }
        if (*p == 0) {
            parts++;
            break;
        }
        if (*p != '-' || parts == 2)
            return -1;
        p++;
    }
    r.year = n[0];
    if (parts >= 2)
        r.month = n[1];
    if (parts >= 3)
        r.day = n[2];
    if (r.year < 1 || (parts >= 2 && (r.month < 1 || r.month > 12)) ||
        (parts >= 3 && (r.day < 1 || r.day > days_in_month(r.year, r.month))))
        return -1;
    *out = r;
    return 0;
}
