/* tagger.h - statistical PERSON / ORG / LOCATION tagger.
 *
 * An averaged structured perceptron over BIO tags (O, B-PER, I-PER, B-ORG, I-ORG, B-LOC,
 * I-LOC) with first-order Viterbi decoding: the previous tag is a feature, and I-X may
 * only follow B-X or I-X. Features are hashed into 2^bits buckets x 7 tags (float);
 * tagging allocates nothing once the scratch has grown to the sentence length.
 *
 * A loaded `tagger` is immutable: any number of threads may share it, each with its own
 * `tagger_scratch` (per-thread working memory, grown to the longest sentence seen).
 *
 * Document memory: the scratch also remembers, for the words of the sentences tagged
 * with it, whether they were tagged or gazetteer-matched as PERSON / ORG / LOCATION and
 * whether they were seen in lower case; later sentences use this as features. Use one
 * scratch per document, or call tagger_scratch_reset() when a new document starts.
 * The memory is a fixed table inside the scratch (no allocation while tagging).
 *
 * Model file (plain text, '#' comment lines allowed):
 *
 *   nerc-tagger 2
 *   bits 20
 *   scale 0.001
 *   weights N
 *   <N lines of 25 base64url digits (A-Z a-z 0-9 - _)>
 *   end
 *
 * Each weight line holds one non-empty bucket: 4 digits for its distance from the
 * previous listed bucket (the first from bucket 0; 24 bits, most significant digit
 * first), then 3 digits per tag (7 tags) for q + 2^17 (18 bits); weight = q * scale.
 * Unlisted buckets are 0. Fixed-width lines load without any number parsing.
 * Format 1 (read, not written) has the same header with "nerc-tagger 1" and lines
 * "<bucket delta> <q0> ... <q6>" in decimal.
 * In memory only the listed buckets hold a row (a 2^bits index points into them).
 */
#ifndef NERC_TAGGER_H
#define NERC_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "tokenizer.h"

/* BIO tags, in weight-column order. */
enum {
    TAGGER_O = 0,
    TAGGER_B_PER,
    TAGGER_I_PER,
    TAGGER_B_ORG,
    TAGGER_I_ORG,
    TAGGER_B_LOC,
    TAGGER_I_LOC,
    TAGGER_NTAGS
};

typedef struct tagger tagger;
typedef struct tagger_scratch tagger_scratch;

/* A tagged name: tokens first..last (inclusive) of the sentence. type is NERC_PERSON,
 * NERC_ORG or NERC_LOCATION; confidence in [0,1] is the mean probability the model
 * gives the span's tags (softmax over the tag scores). */
typedef struct tagger_span {
    uint32_t first_token, last_token;
    int type;
    float confidence;
} tagger_span;

/* Load a model file. On failure returns NERC_EIO / NERC_EFORMAT / NERC_ENOMEM and writes
 * "PATH:LINE: reason" (or "PATH: reason") to err. */
/* Whether a token key (lower case, maybe with a final '.': "mr.", "gen.") is one of the
 * title or role words a feature marks ("president", "coach", "sen"). */
int tagger_is_title(const char *key, size_t n);

int tagger_load(const char *path, tagger **out, char *err, size_t errlen);
void tagger_free(tagger *t);

/* Images: a loaded model written as one block that later runs map instead of
 * parsing the text file (see cache.h). tagger_map_image refuses an image of another
 * fingerprint or a damaged one (NERC_EFORMAT); NERC_EIO when it cannot be opened. */
int tagger_save_image(const tagger *t, int fd, uint64_t fingerprint);
int tagger_map_image(const char *path, uint64_t fingerprint, tagger **out);
/* The same from len bytes at base (8-byte aligned), which must outlive the model. */
int tagger_attach_image(const void *base, size_t len, uint64_t fingerprint, tagger **out);

tagger_scratch *tagger_scratch_new(void);
/* Forget the document memory (start of a new document). */
void tagger_scratch_reset(tagger_scratch *s);
void tagger_scratch_free(tagger_scratch *s);

/* Tag one sentence. text is the sentence text the token offsets point into, keys the
 * key bytes, gaz an optional per-token byte (nerc_type of a gazetteer match covering the
 * token, plus 1; 0 for none) or NULL. Writes up to cap spans and returns how many were
 * found (which may exceed cap), or a negative NERC_E* code. */
int tagger_tag(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
               size_t n, const char *keys, const unsigned char *gaz, tagger_span *out,
               size_t cap);

/* The same, decoding only tokens [lo, hi] (the features still see the whole
 * sentence): where only part of a sentence needs the model, the rest is skipped. */
int tagger_tag_window(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
                      size_t n, const char *keys, const unsigned char *gaz, size_t lo,
                      size_t hi, tagger_span *out, size_t cap);

/* The same over several windows of tokens [first, last] (sorted, disjoint): each is
 * decoded on its own as if the tokens before it were outside a name; every other
 * token is O. */
typedef struct tagger_window {
    uint32_t first, last;
} tagger_window;

int tagger_tag_windows(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
                       size_t n, const char *keys, const unsigned char *gaz,
                       const tagger_window *win, size_t nwin, tagger_span *out, size_t cap);

/* Like tagger_tag, but writes the BIO tag of every token (tags must hold n bytes). */
int tagger_tag_bio(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
                   size_t n, const char *keys, const unsigned char *gaz, unsigned char *tags);

/* ---- Training (used by the nerc-train tool) ---- */

typedef struct tagger_trainer tagger_trainer;

/* A trainer with a table of 2^bits buckets (10..24). Returns NULL when out of memory. */
tagger_trainer *tagger_trainer_new(unsigned bits);
void tagger_trainer_free(tagger_trainer *tr);

/* One structured-perceptron step on a sentence with its gold BIO tags (valid BIO, n
 * bytes; NERC_EARG otherwise): Viterbi-decode, then update where the paths differ. The
 * predicted tags go into the scratch's document memory, as when tagging.
 * Returns the number of tokens tagged wrongly, or a negative NERC_E* code. */
int tagger_trainer_learn(tagger_trainer *tr, tagger_scratch *s, const char *text,
                         const token *toks, size_t n, const char *keys,
                         const unsigned char *gaz, const unsigned char *gold);

/* The averaged model so far. Weights with |w| < prune are dropped, the rest are rounded
 * to multiples of the model's scale. */
int tagger_trainer_model(const tagger_trainer *tr, float prune, tagger **out);

/* Write a model in text format 2. Returns 0, NERC_EIO, or NERC_EFORMAT when a weight
 * does not fit 18 bits at the model's scale (it is written clamped). */
int tagger_save(const tagger *t, const char *path, char *err, size_t errlen);

/* Number of non-zero buckets in a model (for reports). */
size_t tagger_nonzero(const tagger *t);

#endif
