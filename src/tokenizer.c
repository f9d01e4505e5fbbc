/* tokenizer.c - sentence splitting over a byte stream, tokens and matching keys. */
#include "tokenizer.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nerc.h"
#include "util.h"

/* ------------------------------------------------------------------ keys */

/* Map typographic variants to the ASCII form they stand for, so that keys and
 * token classes treat them alike. Returns the code point unchanged otherwise. */
static int32_t ascii_variant(int32_t c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: case 0x02BB:
    case 0x0060: case 0x00B4:
        return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x00A0: case 0x2007: case 0x202F:
        return ' ';
    default:
        return c;
    }
}

int key_of(const char *s, size_t len, char **dst, size_t *dst_len, size_t *dst_cap)
{
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii) {
        if (*dst_len + len + 1 > *dst_cap && util_grow((void **)dst, dst_cap, *dst_len + len + 1, 1) < 0)
            return NERC_ENOMEM;
        char *o = *dst + *dst_len;
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            o[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '`' ? '\'' : c);
        }
        *dst_len += len;
        (*dst)[*dst_len] = '\0';
        return 0;
    }
    /* Non-ASCII: map typographic variants first, then NFKC + casefold + strip marks. */
    char *tmp = malloc(len * 4 + 1);
    if (!tmp)
        return NERC_ENOMEM;
    size_t tl = 0;
    for (size_t i = 0; i < len;) {
        int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0) { /* cannot happen on sanitised text; skip the byte */
            i++;
            continue;
        }
        c = ascii_variant(c);
        tl += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)tmp + tl);
        i += (size_t)n;
    }
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t ml = utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)tl,
                                       &mapped,
                                       UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                           UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    free(tmp);
    if (ml < 0)
        return NERC_ENOMEM;
    int rc = util_grow((void **)dst, dst_cap, *dst_len + (size_t)ml + 1, 1);
    if (rc == 0) {
        memcpy(*dst + *dst_len, mapped, (size_t)ml);
        *dst_len += (size_t)ml;
        (*dst)[*dst_len] = '\0';
    }
    free(mapped);
    return rc;
}

/* ------------------------------------------------------------ tokenizing */

typedef enum { CH_SPACE, CH_NEWLINE, CH_LETTER, CH_DIGIT, CH_MARK, CH_APOS, CH_HYPHEN,
               CH_PERIOD, CH_COMMA, CH_SLASH, CH_OTHER } char_class;

/* Classes of ASCII characters, the common case, without a function call per byte. */
static char_class classify_ascii(int32_t c)
{
    if (c == '\n' || c == '\r')
        return CH_NEWLINE;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return CH_LETTER;
    if (c >= '0' && c <= '9')
        return CH_DIGIT;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c < 0x20 || c == 0x7f)
        return CH_SPACE;
    switch (c) {
    case '\'': case '`': return CH_APOS;
    case '-': return CH_HYPHEN;
    case '.': return CH_PERIOD;
    case ',': return CH_COMMA;
    case '/': return CH_SLASH;
    default: return CH_OTHER;
    }
}

static char_class classify(int32_t c)
{
    if (c < 0x80)
        return classify_ascii(c);
    if (c == 0x2028 || c == 0x2029)
        return CH_NEWLINE;
    c = ascii_variant(c); /* curly quotes, dashes, no-break spaces */
    if (c < 0x80)
        return classify_ascii(c);
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return CH_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return CH_DIGIT;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
        return CH_MARK;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return CH_SPACE;
    default:
        return CH_OTHER;
    }
}

/* Decode one code point of sanitised text at s[i]; returns its length (>= 1). */
static size_t decode(const char *s, size_t len, size_t i, int32_t *c)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), c);
    if (n <= 0) {
        *c = ' ';
        return 1;
    }
    return (size_t)n;
}

static char_class class_at(const char *s, size_t len, size_t i, int32_t *cp, size_t *n)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        if (cp)
            *cp = b;
        if (n)
            *n = 1;
        return classify_ascii(b);
    }
    int32_t c;
    size_t k = decode(s, len, i, &c);
    if (cp)
        *cp = c;
    if (n)
        *n = k;
    return classify(c);
}

static int is_wordish(char_class k)
{
    return k == CH_LETTER || k == CH_DIGIT || k == CH_MARK;
}

void token_buf_init(token_buf *b)
{
    memset(b, 0, sizeof *b);
}

void token_buf_free(token_buf *b)
{
    free(b->tokens);
    free(b->keys);
    memset(b, 0, sizeof *b);
}

static int push_token(token_buf *b, const char *text, size_t start, size_t end, uint32_t flags)
{
    if (b->n + 1 > b->cap && util_grow((void **)&b->tokens, &b->cap, b->n + 1, sizeof *b->tokens) < 0)
        return NERC_ENOMEM;
    token *t = &b->tokens[b->n];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->key = (uint32_t)b->keys_len;
    /* Classify the token's characters. */
    int letters = 0, upper = 0, lower = 0, digits = 0, first = 1;
    for (size_t i = start; i < end;) {
        unsigned char ch = (unsigned char)text[i];
        if (ch < 0x80) {
            if (ch >= 'A' && ch <= 'Z') {
                letters++;
                upper++;
                if (first)
                    flags |= TOK_UPPER;
            } else if (ch >= 'a' && ch <= 'z') {
                letters++;
                lower++;
            } else if (ch >= '0' && ch <= '9') {
                digits++;
            }
            first = 0;
            i++;
            continue;
        }
        int32_t c;
        size_t n = decode(text, end, i, &c);
        char_class k = classify(c);
        if (k == CH_LETTER) {
            letters++;
            utf8proc_propval_t cat = utf8proc_category(c);
            if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
                upper++;
                if (first)
                    flags |= TOK_UPPER;
            } else if (cat == UTF8PROC_CATEGORY_LL) {
                lower++;
            }
        } else if (k == CH_DIGIT) {
            digits++;
        }
        if (k != CH_MARK)
            first = 0;
        i += n;
    }
    if (letters)
        flags |= TOK_WORD;
    if (digits) {
        flags |= TOK_HAS_DIGIT;
        if (!letters)
            flags |= TOK_NUMBER;
    }
    if (letters && upper && !lower)
        flags |= TOK_ALLCAPS;
    if (!letters && !digits && !(flags & TOK_POSSESSIVE))
        flags |= TOK_PUNCT;
    t->flags = flags;
    /* Very long tokens keep their span but get a truncated key. */
    size_t klen = end - start;
    if (klen > NERC_MAX_TOKEN_BYTES) {
        klen = NERC_MAX_TOKEN_BYTES;
        while (klen > 0 && ((unsigned char)text[start + klen] & 0xC0) == 0x80)
            klen--;
    }
    int rc = key_of(text + start, klen, &b->keys, &b->keys_len, &b->keys_cap);
    if (rc < 0)
        return rc;
    t->key_len = (uint32_t)(b->keys_len - t->key);
    b->n++;
    return 0;
}

/* Is s[i..] an apostrophe-s that ends a possessive ('s followed by a non-letter)? */
static int possessive_at(const char *s, size_t len, size_t i, size_t *plen)
{
    size_t n;
    if (class_at(s, len, i, NULL, &n) != CH_APOS)
        return 0;
    size_t j = i + n;
    if (j < len && (s[j] == 's' || s[j] == 'S')) {
        size_t k = j + 1;
        if (k >= len || !is_wordish(class_at(s, len, k, NULL, NULL))) {
            *plen = k - i;
            return 1;
        }
    }
    return 0;
}

int tokenize(const char *s, size_t len, token_buf *b)
{
    b->n = 0;
    b->keys_len = 0;
    if (util_grow((void **)&b->keys, &b->keys_cap, 1, 1) < 0)
        return NERC_ENOMEM;
    b->keys[0] = '\0';
    uint32_t pending = TOK_SPACE_BEFORE;
    size_t i = 0;
    while (i < len) {
        size_t n;
        int32_t c;
        char_class k = class_at(s, len, i, &c, &n);
        if (k == CH_SPACE || k == CH_NEWLINE) {
            pending |= TOK_SPACE_BEFORE;
            if (k == CH_NEWLINE)
                pending |= TOK_NEWLINE_BEFORE;
            pending &= ~(uint32_t)TOK_JOINED;
            i += n;
            continue;
        }
        if (is_wordish(k)) {
            size_t start = i, j = i;
            int abbrev = 0, only_digits = 1;
            while (j < len) {
                unsigned char b = (unsigned char)s[j];
                if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') { /* the common case, inline */
                    only_digits = 0;
                    j++;
                    continue;
                }
                if (b >= '0' && b <= '9') {
                    j++;
                    continue;
                }
                size_t m;
                char_class q = class_at(s, len, j, NULL, &m);
                if (q == CH_LETTER)
                    only_digits = 0;
                if (is_wordish(q)) {
                    j += m;
                    continue;
                }
                if (q == CH_APOS) {
                    size_t pl;
                    if (possessive_at(s, len, j, &pl))
                        break;
                    /* an apostrophe inside a word: O'Brien, Sa'ar */
                    size_t m2;
                    if (j + m < len && class_at(s, len, j + m, NULL, &m2) == CH_LETTER && !only_digits) {
                        j += m;
                        continue;
                    }
                    break;
                }
                if ((q == CH_PERIOD || q == CH_COMMA) && only_digits && j + 1 < len &&
                    class_at(s, len, j + 1, NULL, NULL) == CH_DIGIT) {
                    j += 1; /* 2,000 or 3.5 */
                    continue;
                }
                if (q == CH_PERIOD && !only_digits) {
                    /* U.S. / U.N.: single letters separated by periods */
                    size_t seg = 0;
                    for (size_t x = start; x < j; x++)
                        if (s[x] == '.')
                            seg = 0;
                        else
                            seg++;
                    if (seg <= 2 && j + 1 < len && class_at(s, len, j + 1, NULL, NULL) == CH_LETTER) {
                        size_t x = j + 1, l = 0;
                        while (x < len && class_at(s, len, x, NULL, NULL) == CH_LETTER && l < 3) {
                            x += 1;
                            l++;
                        }
                        if (l <= 2 && x < len && s[x] == '.') {
                            abbrev = 1;
                            j = x; /* continue at the next period */
                            continue;
                        }
                    }
                    if (abbrev) { /* the final period of U.S. belongs to it */
                        j += 1;
                    }
                    break;
                }
                break;
            }
            uint32_t f = pending | (abbrev ? TOK_ABBREV : 0);
            if (push_token(b, s, start, j, f) < 0)
                return NERC_ENOMEM;
            pending = 0;
            i = j;
            size_t pl;
            if (i < len && possessive_at(s, len, i, &pl)) {
                if (push_token(b, s, i, i + pl, TOK_POSSESSIVE) < 0)
                    return NERC_ENOMEM;
                i += pl;
            }
            continue;
        }
        /* Joining hyphens and slashes between word characters are not tokens. */
        if ((k == CH_HYPHEN || k == CH_SLASH) && b->n > 0 && !(pending & TOK_SPACE_BEFORE) &&
            i + n < len && is_wordish(class_at(s, len, i + n, NULL, NULL))) {
            token *prev = &b->tokens[b->n - 1];
            if (prev->end == i && !(prev->flags & TOK_PUNCT)) {
                pending = TOK_JOINED;
                i += n;
                continue;
            }
        }
        /* A trailing apostrophe after a plural: the states' */
        if (k == CH_APOS && b->n > 0 && b->tokens[b->n - 1].end == i &&
            (i + n >= len || !is_wordish(class_at(s, len, i + n, NULL, NULL)))) {
            if (push_token(b, s, i, i + n, pending | TOK_POSSESSIVE) < 0)
                return NERC_ENOMEM;
            pending = 0;
            i += n;
            continue;
        }
        if (push_token(b, s, i, i + n, pending) < 0)
            return NERC_ENOMEM;
        pending = 0;
        i += n;
    }
    return 0;
}

/* ------------------------------------------------------------- splitting */

struct splitter {
    char *mem;        /* the allocation */
    size_t cap;
    char *buf;        /* raw bytes not yet handed out: a window into mem */
    size_t len;
    size_t base;      /* document offset of buf[0] */
    size_t scan;      /* resume scanning here: everything before has no boundary */
    int finished;
    size_t next_index;
    size_t consumed;  /* bytes of buf handed out by the last sentence */
    char *text;       /* sanitised copy of the current sentence */
    size_t text_cap;
    token_buf toks;
    size_t invalid;
    size_t cuts;
};

splitter *splitter_new(void)
{
    splitter *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->next_index = 1;
    token_buf_init(&s->toks);
    return s;
}

void splitter_free(splitter *s)
{
    if (!s)
        return;
    free(s->mem);
    free(s->text);
    token_buf_free(&s->toks);
    free(s);
}

static void drop_consumed(splitter *s)
{
    if (!s->consumed)
        return;
    s->buf += s->consumed; /* bytes move only once per feed, not per sentence */
    s->len -= s->consumed;
    s->base += s->consumed;
    s->scan = s->scan > s->consumed ? s->scan - s->consumed : 0;
    s->consumed = 0;
}

int splitter_feed(splitter *s, const char *data, size_t len)
{
    drop_consumed(s);
    if (s->buf != s->mem && s->len)
        memmove(s->mem, s->buf, s->len);
    s->buf = s->mem;
    if (util_grow((void **)&s->mem, &s->cap, s->len + len, 1) < 0)
        return NERC_ENOMEM;
    s->buf = s->mem;
    memcpy(s->buf + s->len, data, len);
    s->len += len;
    return 0;
}

void splitter_finish(splitter *s)
{
    s->finished = 1;
}

size_t splitter_invalid_bytes(const splitter *s)
{
    return s->invalid;
}

size_t splitter_cut_sentences(const splitter *s)
{
    return s->cuts;
}

/* Words after whose period a sentence does not end (titles and abbreviations). The
 * comparison is case-sensitive on the word as written. */
static const char *const NO_BREAK_AFTER[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl",
    "Pvt", "Adm", "Brig", "Cmdr", "Cdr", "Gov", "Sen", "Rep", "Rev", "Fr", "St", "Sr", "Jr",
    "Hon", "Amb", "Pres", "Sec", "Gens", "Messrs", "No", "Nos", "Vol", "vs", "v", "etc",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mt", "Ft", "Ave", "Blvd", "approx", "Co", "Corp", "Inc", "Ltd", "Bros", "Dept", "Univ",
    "e.g", "i.e", "a.m", "p.m", "al", "cf", "Op", "Art", "para", "Fig", "ca", NULL};

/* Words that begin a sentence after an abbreviation such as U.S. or Inc. */
static const char *const SENTENCE_STARTERS[] = {
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "But", "This",
    "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "And", "As",
    "At", "After", "Before", "When", "While", "If", "Meanwhile", "However", "Yet", "So",
    "Still", "Also", "For", "Some", "Many", "Most", "Other", "Earlier", "Later", NULL};

static int word_in(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
            return 1;
    return 0;
}

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Closing quote or bracket at b[i]? Returns its byte length, 0 if none. */
static size_t closer_at(const char *b, size_t len, size_t i)
{
    unsigned char c = (unsigned char)b[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']')
        return 1;
    if (c == 0xE2 && i + 2 < len && (unsigned char)b[i + 1] == 0x80 &&
        ((unsigned char)b[i + 2] == 0x9D || (unsigned char)b[i + 2] == 0x99))
        return 3;
    return 0;
}

/* How far past a candidate boundary the splitter may look. */
#define LOOKAHEAD 1024u

/* Outcome of examining a candidate boundary. */
enum { B_NO, B_YES, B_MORE };

/* A '.', '!' or '?' at b[i]: does the sentence end after it (and its closers)?
 * *end receives the end offset of the sentence. */
static int terminal_boundary(const char *b, size_t len, size_t i, int finished, size_t *end)
{
    size_t j = i + 1;
    while (j < len && (b[j] == '.' || b[j] == '!' || b[j] == '?'))
        j++;
    for (;;) {
        if (j >= len)
            return finished ? (*end = j, B_YES) : B_MORE;
        if ((unsigned char)b[j] == 0xE2 && j + 2 >= len && !finished)
            return B_MORE; /* a closing curly quote may be cut by the chunk end */
        size_t q = closer_at(b, len, j);
        if (!q)
            break;
        j += q;
    }
    if (j >= len)
        return finished ? (*end = j, B_YES) : B_MORE;
    if (b[j] == '\n')
        return *end = j, B_YES; /* the newline rule decides the rest */
    if (!is_space_byte((unsigned char)b[j]))
        return B_NO; /* 3.5, U.S.-led, e.g.the */
    size_t k = j;
    while (k < len && is_space_byte((unsigned char)b[k]))
        k++;
    if (k >= len)
        return finished ? (*end = j, B_YES) : B_MORE;
    unsigned char nx = (unsigned char)b[k];
    int starter = (nx >= 'A' && nx <= 'Z') || (nx >= '0' && nx <= '9') || nx == '"' ||
                  nx == '\'' || nx == '(' || nx == '[' || nx >= 0x80 || nx == '\n';
    if (!starter)
        return B_NO;
    if (b[i] != '.')
        return *end = j, B_YES;
    /* The word before the period. */
    size_t w = i;
    while (w > 0 && !is_space_byte((unsigned char)b[w - 1]) && b[w - 1] != '\n' &&
           b[w - 1] != '(' && b[w - 1] != '"')
        w--;
    const char *word = b + w;
    size_t wl = i - w;
    if (wl == 1 && word[0] >= 'A' && word[0] <= 'Z')
        return B_NO; /* an initial: John F. Kennedy */
    if (word_in(word, wl, NO_BREAK_AFTER)) {
        /* Month abbreviations end a sentence only before a non-digit capital word
         * that starts a sentence ("in Jan. The ..."): keep it simple, no break. */
        return B_NO;
    }
    int inner_period = memchr(word, '.', wl) != NULL;
    if (inner_period) { /* U.S. at the end of a sentence, or mid-sentence? */
        size_t e = k;
        while (e < len && ((b[e] >= 'a' && b[e] <= 'z') || (b[e] >= 'A' && b[e] <= 'Z')))
            e++;
        if (e >= len && !finished)
            return B_MORE;
        if (!word_in(b + k, e - k, SENTENCE_STARTERS))
            return B_NO;
    }
    return *end = j, B_YES;
}

/* A newline at b[i] ends a sentence unless the next line continues it in lower case. */
static int newline_boundary(const char *b, size_t len, size_t i, int finished)
{
    size_t k = i + 1;
    while (k < len && (is_space_byte((unsigned char)b[k]) || b[k] == '\n'))
        k++;
    if (k >= len)
        return finished ? B_YES : B_MORE;
    if (memchr(b + i + 1, '\n', k - i - 1))
        return B_YES; /* a blank line */
    unsigned char nx = (unsigned char)b[k];
    if (nx >= 'a' && nx <= 'z') {
        /* the previous line must not end in terminal punctuation */
        size_t p = i;
        while (p > 0 && is_space_byte((unsigned char)b[p - 1]))
            p--;
        if (p > 0 && (b[p - 1] == '.' || b[p - 1] == '!' || b[p - 1] == '?' || b[p - 1] == ':'))
            return B_YES;
        return B_NO;
    }
    return B_YES;
}

/* Find the end of the first sentence in buf. Returns B_YES with *end set, or B_MORE. */
static int find_boundary(splitter *s, size_t *end)
{
    const char *b = s->buf;
    size_t len = s->len;
    size_t i = s->scan;
    for (; i < len; i++) {
        char c = b[i];
        int r = B_NO;
        size_t e = 0;
        /* A candidate looks at most LOOKAHEAD bytes ahead; past that the input counts
         * as ended. The window is the same however the bytes were chunked, and a long
         * run of spaces, stops or quotes is neither rescanned on every feed nor kept
         * in memory waiting for its end. */
        size_t wl = len;
        int fin = s->finished;
        if (len - i > LOOKAHEAD) {
            wl = i + LOOKAHEAD;
            fin = 1;
        }
        if (c == '.' || c == '!' || c == '?') {
            if (i > 0 && (b[i - 1] == '.' || b[i - 1] == '!' || b[i - 1] == '?'))
                continue; /* part of a run examined at its first mark */
            r = terminal_boundary(b, wl, i, fin, &e);
        } else if (c == '\n') {
            r = newline_boundary(b, wl, i, fin);
            e = i + 1;
        }
        if (r == B_MORE) {
            s->scan = i;
            return B_MORE;
        }
        if (r == B_YES) {
            *end = e;
            s->scan = 0;
            return B_YES;
        }
        if (i >= NERC_MAX_SENTENCE_BYTES)
            break;
    }
    if (len > NERC_MAX_SENTENCE_BYTES) {
        /* Too long: cut at the last space before the limit, or at a character start. */
        size_t cut = NERC_MAX_SENTENCE_BYTES;
        size_t p = cut;
        while (p > cut / 2 && !is_space_byte((unsigned char)b[p - 1]))
            p--;
        if (p > cut / 2)
            cut = p;
        else
            while (cut > 1 && ((unsigned char)b[cut] & 0xC0) == 0x80)
                cut--;
        s->cuts++;
        *end = cut;
        s->scan = 0;
        return B_YES;
    }
    s->scan = len;
    if (s->finished && len > 0) {
        *end = len;
        s->scan = 0;
        return B_YES;
    }
    return B_MORE;
}

/* Copy raw bytes to s->text, replacing invalid UTF-8 and NUL with spaces. */
static int sanitise(splitter *s, size_t n)
{
    if (util_grow((void **)&s->text, &s->text_cap, n + 1, 1) < 0)
        return NERC_ENOMEM;
    const unsigned char *in = (const unsigned char *)s->buf;
    char *out = s->text;
    size_t i = 0;
    while (i < n) {
        if (in[i] < 0x80) {
            out[i] = in[i] ? (char)in[i] : ' ';
            if (!in[i])
                s->invalid++;
            i++;
            continue;
        }
        int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(in + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) {
            out[i] = ' ';
            s->invalid++;
            i++;
            continue;
        }
        memcpy(out + i, in + i, (size_t)k);
        i += (size_t)k;
    }
    out[n] = '\0';
    return 0;
}

int splitter_next(splitter *s, sentence *out)
{
    drop_consumed(s);
    for (;;) {
        size_t end;
        if (s->len == 0 || find_boundary(s, &end) != B_YES)
            return 0;
        /* Skip sentences made only of whitespace (NUL and invalid bytes read as
         * spaces count as whitespace too: trim the sanitised copy). */
        if (sanitise(s, end) < 0)
            return NERC_ENOMEM;
        size_t a = 0;
        while (a < end && (is_space_byte((unsigned char)s->text[a]) || s->text[a] == '\n'))
            a++;
        if (a == end) {
            s->consumed = end;
            drop_consumed(s);
            continue;
        }
        size_t z = end;
        while (z > a && (is_space_byte((unsigned char)s->text[z - 1]) || s->text[z - 1] == '\n'))
            z--;
        if (tokenize(s->text + a, z - a, &s->toks) < 0)
            return NERC_ENOMEM;
        out->index = s->next_index++;
        out->start = s->base + a;
        out->end = s->base + z;
        out->text = s->text + a;
        out->tokens = s->toks.tokens;
        out->n_tokens = s->toks.n;
        out->keys = s->toks.keys;
        s->consumed = end;
        return 1;
    }
}
