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

/* Key of a string with a non-ASCII character: map typographic variants first, then
 * NFKC + casefold + strip marks. */
static int key_of_unicode(const char *s, size_t len, char **dst, size_t *dst_len, size_t *dst_cap)
{
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

/* Per-byte tables, built by the compiler from the constant expressions below. Bytes
 * from 0x80 up belong to multi-byte characters: they only set BYTE_NON_ASCII. */
#define TABLE4(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define TABLE16(F, c) TABLE4(F, c), TABLE4(F, (c) + 4), TABLE4(F, (c) + 8), TABLE4(F, (c) + 12)
#define TABLE64(F, c) TABLE16(F, c), TABLE16(F, (c) + 16), TABLE16(F, (c) + 32), TABLE16(F, (c) + 48)
#define TABLE256(F) TABLE64(F, 0), TABLE64(F, 64), TABLE64(F, 128), TABLE64(F, 192)

#define IS_UPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define IS_LOWER(c) ((c) >= 'a' && (c) <= 'z')
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* The ASCII key of a byte: lower case, the backtick read as an apostrophe. */
#define KEY_BYTE(c) ((char)(IS_UPPER(c) ? (c) + 32 : (c) == '`' ? '\'' : (c)))
static const char KEY_OF_BYTE[256] = {TABLE256(KEY_BYTE)};

/* What a byte says about the token holding it: the ASCII letters and digits it
 * counts, that the token needs decoding, or that it is punctuation that may stand
 * inside a word (O'Brien, U.S., 2,000). */
enum { BYTE_UPPER = 1, BYTE_LOWER = 2, BYTE_DIGIT = 4, BYTE_NON_ASCII = 8,
       BYTE_INNER_PUNCT = 16, BYTE_ALNUM = BYTE_UPPER | BYTE_LOWER | BYTE_DIGIT };
#define BYTE_TRAITS(c)                                                                     \
    ((c) >= 0x80 ? BYTE_NON_ASCII : IS_UPPER(c) ? BYTE_UPPER : IS_LOWER(c) ? BYTE_LOWER    \
     : IS_DIGIT(c) ? BYTE_DIGIT                                                            \
     : (c) == '\'' || (c) == '`' || (c) == '.' || (c) == ',' ? BYTE_INNER_PUNCT : 0)
static const uint8_t TRAITS_OF_BYTE[256] = {TABLE256(BYTE_TRAITS)};

/* Writes the ASCII key of s[0, len) to out (a lower-case copy) and returns the OR of
 * the bytes' traits: with BYTE_NON_ASCII set, s needs key_of_unicode instead. */
static unsigned ascii_key_and_traits(const char *s, size_t len, char *out)
{
    const unsigned char *in = (const unsigned char *)s;
    unsigned traits = 0;
    for (size_t i = 0; i < len; i++) {
        traits |= TRAITS_OF_BYTE[in[i]];
        out[i] = KEY_OF_BYTE[in[i]];
    }
    return traits;
}

int key_of(const char *s, size_t len, char **dst, size_t *dst_len, size_t *dst_cap)
{
    size_t need = *dst_len + len + 1;
    if (need > *dst_cap && util_grow((void **)dst, dst_cap, need, 1) < 0)
        return NERC_ENOMEM;
    char *out = *dst + *dst_len;
    if (ascii_key_and_traits(s, len, out) & BYTE_NON_ASCII)
        return key_of_unicode(s, len, dst, dst_len, dst_cap);
    *dst_len += len;
    out[len] = '\0';
    return 0;
}

/* ------------------------------------------------------------ tokenizing */

typedef enum { CH_SPACE, CH_NEWLINE, CH_LETTER, CH_DIGIT, CH_MARK, CH_APOS, CH_HYPHEN,
               CH_PERIOD, CH_COMMA, CH_SLASH, CH_OTHER } char_class;

#define ASCII_CLASS(c)                                                                     \
    ((c) == '\n' || (c) == '\r'                ? CH_NEWLINE                                \
     : IS_UPPER(c) || IS_LOWER(c)              ? CH_LETTER                                 \
     : IS_DIGIT(c)                             ? CH_DIGIT                                  \
     : (c) == ' ' || (c) < 0x20 || (c) == 0x7f ? CH_SPACE                                  \
     : (c) == '\'' || (c) == '`'               ? CH_APOS                                   \
     : (c) == '-'                              ? CH_HYPHEN                                 \
     : (c) == '.'                              ? CH_PERIOD                                 \
     : (c) == ','                              ? CH_COMMA                                  \
     : (c) == '/'                              ? CH_SLASH                                  \
                                               : CH_OTHER)
/* Classes of ASCII bytes; the upper half is unused (class_at decodes those). */
static const uint8_t CLASS_OF_BYTE[256] = {TABLE256(ASCII_CLASS)};

static char_class classify(int32_t c)
{
    if (c < 0x80)
        return (char_class)CLASS_OF_BYTE[c];
    if (c == 0x2028 || c == 0x2029)
        return CH_NEWLINE;
    c = ascii_variant(c); /* curly quotes, dashes, no-break spaces */
    if (c < 0x80)
        return (char_class)CLASS_OF_BYTE[c];
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

/* Class of the multi-byte character at s[i]; *n receives its length. */
static char_class class_of_multibyte(const char *s, size_t len, size_t i, size_t *n)
{
    int32_t c;
    *n = decode(s, len, i, &c);
    return classify(c);
}

/* Class of the character at s[i]; *n (if given) receives its length. ASCII, the
 * common case, is one table look-up. */
static inline char_class class_at(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        if (n)
            *n = 1;
        return (char_class)CLASS_OF_BYTE[b];
    }
    size_t k;
    char_class q = class_of_multibyte(s, len, i, &k);
    if (n)
        *n = k;
    return q;
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

/* TOK_WORD / NUMBER / UPPER / ALLCAPS / HAS_DIGIT of text[start, end) holding a
 * non-ASCII character, decoded character by character. */
static uint32_t unicode_token_flags(const char *text, size_t start, size_t end)
{
    uint32_t flags = 0;
    int letters = 0, upper = 0, lower = 0, digits = 0, first = 1;
    for (size_t i = start; i < end;) {
        unsigned char ch = (unsigned char)text[i];
        if (ch < 0x80) {
            unsigned traits = TRAITS_OF_BYTE[ch];
            if (traits & BYTE_UPPER) {
                letters++;
                upper++;
                if (first)
                    flags |= TOK_UPPER;
            } else if (traits & BYTE_LOWER) {
                letters++;
                lower++;
            } else if (traits & BYTE_DIGIT) {
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
    return flags;
}

/* TOK_WORD / NUMBER / ALLCAPS / HAS_DIGIT of an ASCII token by the OR of its bytes'
 * BYTE_UPPER, BYTE_LOWER and BYTE_DIGIT traits. */
#define FLAGS_OF_ALNUM(t)                                                                  \
    (((t) & (BYTE_UPPER | BYTE_LOWER) ? TOK_WORD : 0) | ((t) & BYTE_DIGIT ? TOK_HAS_DIGIT : 0) | \
     ((t) == BYTE_DIGIT ? TOK_NUMBER : 0) |                                                \
     (((t) & (BYTE_UPPER | BYTE_LOWER)) == BYTE_UPPER ? TOK_ALLCAPS : 0))
static const uint16_t TOKEN_FLAGS_OF_ALNUM[BYTE_ALNUM + 1] = {TABLE4(FLAGS_OF_ALNUM, 0),
                                                              TABLE4(FLAGS_OF_ALNUM, 4)};

/* TOK_WORD / NUMBER / UPPER / ALLCAPS / HAS_DIGIT of an ASCII token, from the OR of
 * its bytes' traits and the traits of its first byte. */
static uint32_t ascii_token_flags(unsigned traits, unsigned first_traits)
{
    return TOKEN_FLAGS_OF_ALNUM[traits & BYTE_ALNUM] |
           (first_traits & BYTE_UPPER ? (uint32_t)TOK_UPPER : 0);
}

/* A token without letters or digits is punctuation, unless it is a possessive. */
static uint32_t with_punct_flag(uint32_t flags)
{
    if (!(flags & (TOK_WORD | TOK_HAS_DIGIT | TOK_POSSESSIVE)))
        flags |= TOK_PUNCT;
    return flags;
}

/* Appends text[start, end) as a token with its key and its classes added to flags. */
static int push_token(token_buf *b, const char *text, size_t start, size_t end, uint32_t flags)
{
    if (b->n == b->cap && util_grow((void **)&b->tokens, &b->cap, b->n + 1, sizeof *b->tokens) < 0)
        return NERC_ENOMEM;
    token *t = &b->tokens[b->n];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->key = (uint32_t)b->keys_len;
    /* Very long tokens keep their span but get a truncated key. */
    size_t len = end - start, key_len = len;
    if (key_len > NERC_MAX_TOKEN_BYTES) {
        key_len = NERC_MAX_TOKEN_BYTES;
        while (key_len > 0 && ((unsigned char)text[start + key_len] & 0xC0) == 0x80)
            key_len--;
    }
    /* One pass over the bytes gives both the ASCII key and the token's classes. */
    size_t need = b->keys_len + key_len + 1;
    if (need > b->keys_cap && util_grow((void **)&b->keys, &b->keys_cap, need, 1) < 0)
        return NERC_ENOMEM;
    const unsigned char *in = (const unsigned char *)text + start;
    char *key = b->keys + b->keys_len;
    unsigned traits = ascii_key_and_traits(text + start, key_len, key);
    if (!(traits & BYTE_NON_ASCII)) {
        b->keys_len += key_len;
        key[key_len] = '\0';
    } else {
        int rc = key_of_unicode(text + start, key_len, &b->keys, &b->keys_len, &b->keys_cap);
        if (rc < 0)
            return rc;
    }
    for (size_t i = key_len; i < len; i++) /* past a truncated key */
        traits |= TRAITS_OF_BYTE[in[i]];
    if (!(traits & BYTE_NON_ASCII))
        flags |= ascii_token_flags(traits, TRAITS_OF_BYTE[in[0]]);
    else
        flags |= unicode_token_flags(text, start, end);
    t->flags = with_punct_flag(flags);
    t->key_len = (uint32_t)(b->keys_len - t->key);
    b->n++;
    return 0;
}

/* Can the character starting with byte c be an apostrophe (' ` or a curly one)? */
static inline int may_be_apostrophe(unsigned char c)
{
    return c == '\'' || c == '`' || c >= 0x80;
}

/* Is s[i..] an apostrophe-s that ends a possessive ('s followed by a non-letter)? */
static inline int possessive_at(const char *s, size_t len, size_t i, size_t *plen)
{
    size_t n;
    if (!may_be_apostrophe((unsigned char)s[i]) || class_at(s, len, i, &n) != CH_APOS)
        return 0;
    size_t j = i + n;
    if (j < len && (s[j] == 's' || s[j] == 'S')) {
        size_t k = j + 1;
        if (k >= len || !is_wordish(class_at(s, len, k, NULL))) {
            *plen = k - i;
            return 1;
        }
    }
    return 0;
}

/* A word being scanned. */
typedef struct word_scan {
    size_t start, end; /* s[start, end) belongs to the word so far */
    unsigned traits;   /* OR of the traits of its ASCII letters and digits */
    int other_letter;  /* a non-ASCII letter was seen */
    int abbrev;        /* U.S., U.N. */
} word_scan;

/* The word w stops before s[w->end], which is not an ASCII letter or digit. Does it
 * go on there (O'Brien, 3.5, U.S., a non-ASCII letter)? If so, w->end moves past
 * what joins it and 1 is returned. When it ends, w->end may still take in the final
 * period of an abbreviation. */
static int word_goes_on(const char *s, size_t len, word_scan *w)
{
    size_t j = w->end;
    int only_digits = !(w->traits & (BYTE_UPPER | BYTE_LOWER)) && !w->other_letter;
    size_t m;
    char_class q = class_at(s, len, j, &m);
    if (q == CH_LETTER)
        w->other_letter = 1;
    if (is_wordish(q)) {
        w->end = j + m;
        return 1;
    }
    if (q == CH_APOS) {
        size_t pl;
        if (possessive_at(s, len, j, &pl))
            return 0;
        /* an apostrophe inside a word: O'Brien, Sa'ar */
        size_t m2;
        if (j + m < len && class_at(s, len, j + m, &m2) == CH_LETTER && !only_digits) {
            w->end = j + m;
            return 1;
        }
        return 0;
    }
    if ((q == CH_PERIOD || q == CH_COMMA) && only_digits && j + 1 < len &&
        class_at(s, len, j + 1, NULL) == CH_DIGIT) {
        w->end = j + 1; /* 2,000 or 3.5 */
        return 1;
    }
    if (q == CH_PERIOD && !only_digits) {
        /* U.S. / U.N.: single letters separated by periods */
        size_t seg = 0;
        for (size_t x = w->start; x < j; x++)
            if (s[x] == '.')
                seg = 0;
            else
                seg++;
        if (seg <= 2 && j + 1 < len && class_at(s, len, j + 1, NULL) == CH_LETTER) {
            size_t x = j + 1, l = 0;
            while (x < len && class_at(s, len, x, NULL) == CH_LETTER && l < 3) {
                x += 1;
                l++;
            }
            if (l <= 2 && x < len && s[x] == '.') {
                w->abbrev = 1;
                w->end = x; /* continue at the next period */
                return 1;
            }
        }
        if (w->abbrev) /* the final period of U.S. belongs to it */
            w->end = j + 1;
    }
    return 0;
}

/* Can a word go on at byte c, which is not an ASCII letter or digit? Only at an
 * apostrophe, '.', ',' or a non-ASCII character; anything else ends it. */
static inline int may_join_word(unsigned char c)
{
    return (TRAITS_OF_BYTE[c] & (BYTE_INNER_PUNCT | BYTE_NON_ASCII)) != 0;
}

/* Scans the ASCII letters and digits of word[x, stop), writing their key bytes to
 * key[x..] and adding their traits to *traits. Returns where they end. */
static inline size_t ascii_alnum_run(const unsigned char *word, size_t x, size_t stop, char *key,
                                     unsigned *traits)
{
    unsigned run = 0, t;
    while (x < stop && ((t = TRAITS_OF_BYTE[word[x]]) & BYTE_ALNUM)) {
        run |= t;
        key[x] = KEY_OF_BYTE[word[x]];
        x++;
    }
    *traits |= run;
    return x;
}

/* Pushes the word that starts at s[start] (a letter, digit or mark) as a token and
 * sets *end to its end. ASCII letters and digits are classified and their key bytes
 * written as they are scanned, so a plain ASCII word is read once; a word holding
 * anything else (U.S., O'Brien, 3.5, non-ASCII) goes through push_token.
 * Returns 0 or NERC_ENOMEM. */
static int push_word(token_buf *b, const char *s, size_t len, size_t start, uint32_t flags,
                     size_t *end)
{
    /* Room for the longest key the word can have in the ASCII case, and its NUL. */
    size_t room = b->keys_len + (len - start) + 1;
    if (room > b->keys_cap && util_grow((void **)&b->keys, &b->keys_cap, room, 1) < 0)
        return NERC_ENOMEM;
    char *key = b->keys + b->keys_len; /* key[x] is the key byte of s[start + x] */
    const unsigned char *word = (const unsigned char *)s + start;
    size_t stop = len - start;
    unsigned traits = 0;
    /* The common case: a run of ASCII letters and digits, then a space or punctuation
     * that always ends a word. */
    size_t x = ascii_alnum_run(word, 0, stop, key, &traits);
    if (x < stop && may_join_word(word[x])) {
        word_scan w = {start, start + x, traits, 0, 0};
        if (word_goes_on(s, len, &w)) {
            do {
                x = ascii_alnum_run(word, w.end - start, stop, key, &w.traits);
                w.end = start + x;
            } while (x < stop && may_join_word(word[x]) && word_goes_on(s, len, &w));
            *end = w.end;
            return push_token(b, s, start, w.end, flags | (w.abbrev ? TOK_ABBREV : 0));
        }
    }
    *end = start + x;
    /* The key is written already; very long words keep their span but get a
     * truncated key. */
    if (b->n == b->cap && util_grow((void **)&b->tokens, &b->cap, b->n + 1, sizeof *b->tokens) < 0)
        return NERC_ENOMEM;
    size_t key_len = x < NERC_MAX_TOKEN_BYTES ? x : NERC_MAX_TOKEN_BYTES;
    token *tok = &b->tokens[b->n++];
    tok->start = (uint32_t)start;
    tok->end = (uint32_t)(start + x);
    tok->key = (uint32_t)b->keys_len;
    tok->key_len = (uint32_t)key_len;
    /* It has a letter or a digit, so it is never TOK_PUNCT. */
    tok->flags = flags | ascii_token_flags(traits, TRAITS_OF_BYTE[word[0]]);
    b->keys_len += key_len;
    key[key_len] = '\0';
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
        char_class k = class_at(s, len, i, &n);
        if (k == CH_SPACE || k == CH_NEWLINE) {
            pending |= TOK_SPACE_BEFORE;
            if (k == CH_NEWLINE)
                pending |= TOK_NEWLINE_BEFORE;
            pending &= ~(uint32_t)TOK_JOINED;
            i += n;
            continue;
        }
        if (is_wordish(k)) {
            if (push_word(b, s, len, i, pending, &i) < 0)
                return NERC_ENOMEM;
            pending = 0;
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
            i + n < len && is_wordish(class_at(s, len, i + n, NULL))) {
            token *prev = &b->tokens[b->n - 1];
            if (prev->end == i && !(prev->flags & TOK_PUNCT)) {
                pending = TOK_JOINED;
                i += n;
                continue;
            }
        }
        /* A trailing apostrophe after a plural: the states' */
        if (k == CH_APOS && b->n > 0 && b->tokens[b->n - 1].end == i &&
            (i + n >= len || !is_wordish(class_at(s, len, i + n, NULL)))) {
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

void splitter_reset(splitter *s)
{
    s->buf = s->mem;
    s->len = s->base = s->scan = s->consumed = 0;
    s->finished = 0;
    s->next_index = 1;
    s->invalid = s->cuts = 0;
    s->toks.n = 0;
    s->toks.keys_len = 0;
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
    if (n == 0)
        return 0; /* no list holds the empty word */
    /* Most words differ in the first letter: compare it before measuring the word. */
    for (size_t i = 0; list[i]; i++)
        if (list[i][0] == w[0] && strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
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

/* Bytes at which a sentence may end. */
#define ENDS_SENTENCE(c) ((c) == '.' || (c) == '!' || (c) == '?' || (c) == '\n')
static const uint8_t MAY_END_SENTENCE[256] = {TABLE256(ENDS_SENTENCE)};

/* Find the end of the first sentence in buf. Returns B_YES with *end set, or B_MORE. */
static int find_boundary(splitter *s, size_t *end)
{
    const char *b = s->buf;
    size_t len = s->len;
    size_t i = s->scan;
    /* Below this offset a byte that cannot end a sentence needs no more than a look-up. */
    size_t quick_end = len < NERC_MAX_SENTENCE_BYTES ? len : NERC_MAX_SENTENCE_BYTES;
    for (; i < len; i++) {
        while (i < quick_end && !MAY_END_SENTENCE[(unsigned char)b[i]])
            i++;
        if (i >= len)
            break;
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

/* Does any of the 8 bytes in v equal 0 or have its top bit set? (A byte x maps to
 * (x - 1) | x, whose top bit is set exactly when x is 0 or >= 0x80; a borrow out of
 * a 0 byte can only add false alarms to a word that holds one already.) */
static int has_nul_or_non_ascii(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    return (((v - ones) | v) & tops) != 0;
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
        /* Eight bytes at a time while they are all ASCII and none is NUL. */
        uint64_t v;
        if (n - i >= sizeof v) {
            memcpy(&v, in + i, sizeof v);
            if (!has_nul_or_non_ascii(v)) {
                memcpy(out + i, &v, sizeof v);
                i += sizeof v;
                continue;
            }
        }
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
