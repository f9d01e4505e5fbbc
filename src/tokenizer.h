/* tokenizer.h - sentences and tokens from a stream of raw bytes.
 *
 * The splitter is fed raw bytes in chunks of any size and hands out complete
 * sentences; the same bytes give the same sentences whatever the chunking, because a
 * boundary is only declared once enough bytes after it are known.
 *
 * A sentence's text is a copy of its raw bytes in which every byte of an invalid
 * UTF-8 sequence (and NUL) is replaced by a space, so it is valid UTF-8 of exactly
 * the raw length: offset i in the text is offset sentence.start + i in the document.
 *
 * Tokens are words, numbers and single punctuation marks. Hyphens and slashes
 * between word characters separate tokens (`Iran-Russia` -> Iran, Russia with
 * TOK_JOINED on Russia); a possessive `'s` / `’s` is its own token (TOK_POSSESSIVE).
 * Each token has a matching key: NFKC, case folded, diacritics stripped, with curly
 * quotes and dashes mapped to ASCII.
 */
#ifndef NERC_TOKENIZER_H
#define NERC_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

enum {
    TOK_WORD = 1 << 0,       /* has a letter */
    TOK_NUMBER = 1 << 1,     /* digits only (may include , or . between digits) */
    TOK_PUNCT = 1 << 2,      /* a single punctuation or symbol character */
    TOK_UPPER = 1 << 3,      /* first character is an upper-case letter */
    TOK_ALLCAPS = 1 << 4,    /* every letter upper case, at least one letter */
    TOK_SPACE_BEFORE = 1 << 5, /* whitespace (or start of sentence) precedes it */
    TOK_JOINED = 1 << 6,     /* follows a hyphen/slash that joins it to the previous word */
    TOK_POSSESSIVE = 1 << 7, /* the 's or ' of a possessive */
    TOK_HAS_DIGIT = 1 << 8,  /* contains a digit */
    TOK_ABBREV = 1 << 9,     /* a word with internal periods (U.S., U.N.) */
    TOK_NEWLINE_BEFORE = 1 << 10 /* a line break precedes it */
};

typedef struct token {
    uint32_t start, end;   /* byte offsets within the sentence text */
    uint32_t key, key_len; /* the key: offset/length in sentence.keys */
    uint32_t flags;        /* TOK_* */
} token;

typedef struct sentence {
    size_t index;          /* 1-based sentence number within the document */
    size_t start, end;     /* byte span in the raw document */
    const char *text;      /* sanitised copy, length end - start */
    const token *tokens;
    size_t n_tokens;
    const char *keys;      /* key bytes of all tokens */
} sentence;

/* Longest sentence handed out whole; a longer run is cut at the last space before it
 * (and a warning is raised). Also the longest single token kept as a token. */
#define NERC_MAX_SENTENCE_BYTES (64u * 1024u)
#define NERC_MAX_TOKEN_BYTES 256u

typedef struct splitter splitter;

splitter *splitter_new(void);
void splitter_free(splitter *s);
/* Start a new document: as a new splitter, keeping the buffers. */
void splitter_reset(splitter *s);
/* Add bytes. Returns 0 or NERC_ENOMEM. */
int splitter_feed(splitter *s, const char *buf, size_t len);
/* Mark the end of input: the remaining bytes form the last sentence. */
void splitter_finish(splitter *s);
/* Next complete sentence, or 0 when none is ready (call feed/finish). The sentence
 * stays valid until the next call. Returns 1 when a sentence was produced, 0 when
 * none, negative on error. */
int splitter_next(splitter *s, sentence *out);
/* Invalid UTF-8 / NUL bytes seen so far, and whether a sentence had to be cut. */
size_t splitter_invalid_bytes(const splitter *s);
size_t splitter_cut_sentences(const splitter *s);

/* Tokenize one string on its own (used by the gazetteer loader, tests and tools).
 * `tokens` and `keys` are grown with realloc and owned by the caller. */
typedef struct token_buf {
    token *tokens;
    size_t n, cap;
    char *keys;
    size_t keys_len, keys_cap;
} token_buf;

void token_buf_init(token_buf *b);
void token_buf_free(token_buf *b);
/* Tokenize text[0,len) (valid UTF-8) into b (cleared first). Returns 0 or NERC_ENOMEM. */
int tokenize(const char *text, size_t len, token_buf *b);

/* Normalised key of an arbitrary UTF-8 string (NFKC, casefold, no marks, ASCII
 * quotes/dashes), appended to *dst (malloc'd, grown). Returns 0 or NERC_ENOMEM. */
int key_of(const char *s, size_t len, char **dst, size_t *dst_len, size_t *dst_cap);

#endif
