/* tagger.h - statistical PERSON / ORG / LOCATION tagger.
 *
 * An averaged perceptron over BIO tags (O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC)
 * with greedy left-to-right decoding; the two previous tags are features. Features are
 * hashed into a fixed table of 2^bits buckets x 7 tags (float), so the model is a
 * plain array and tagging allocates nothing.
 *
 * A loaded `tagger` is immutable: any number of threads may share it, each with its own
 * `tagger_scratch` (per-thread working memory, grown to the longest sentence seen).
 *
 * Model file (plain text, '#' comment lines allowed):
 *
 *   nerc-tagger 1
 *   bits 20
 *   scale 0.0001
 *   weights N
 *   <bucket delta> <q0> <q1> <q2> <q3> <q4> <q5> <q6>     (N lines)
 *   end
 *
 * Each weight line holds the distance from the previous listed bucket (the first from
 * bucket 0) and the 7 tag weights as integers; weight = q * scale. Unlisted buckets are 0.
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
int tagger_load(const char *path, tagger **out, char *err, size_t errlen);
void tagger_free(tagger *t);

tagger_scratch *tagger_scratch_new(void);
void tagger_scratch_free(tagger_scratch *s);

/* Tag one sentence. text is the sentence text the token offsets point into, keys the
 * key bytes, gaz an optional per-token byte (nerc_type of a gazetteer match covering the
 * token, plus 1; 0 for none) or NULL. Writes up to cap spans and returns how many were
 * found (which may exceed cap), or a negative NERC_E* code. */
int tagger_tag(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
               size_t n, const char *keys, const unsigned char *gaz, tagger_span *out,
               size_t cap);

/* Like tagger_tag, but writes the BIO tag of every token (tags must hold n bytes). */
int tagger_tag_bio(const tagger *t, tagger_scratch *s, const char *text, const token *toks,
                   size_t n, const char *keys, const unsigned char *gaz, unsigned char *tags);

/* ---- Training (used by the nerc-train tool) ---- */

typedef struct tagger_trainer tagger_trainer;

/* A trainer with a table of 2^bits buckets (10..24). Returns NULL when out of memory. */
tagger_trainer *tagger_trainer_new(unsigned bits);
void tagger_trainer_free(tagger_trainer *tr);

/* One perceptron pass over a sentence with its gold BIO tags (valid BIO, n bytes).
 * Returns the number of tokens tagged wrongly, or a negative NERC_E* code. */
int tagger_trainer_learn(tagger_trainer *tr, tagger_scratch *s, const char *text,
                         const token *toks, size_t n, const char *keys,
                         const unsigned char *gaz, const unsigned char *gold);

/* The averaged model so far. Weights with |w| < prune are dropped, the rest are rounded
 * to multiples of the model's scale. */
int tagger_trainer_model(const tagger_trainer *tr, float prune, tagger **out);

/* Write a model in the text format above. Returns 0, NERC_EIO or NERC_ENOMEM. */
int tagger_save(const tagger *t, const char *path, char *err, size_t errlen);

/* Number of non-zero buckets in a model (for reports). */
size_t tagger_nonzero(const tagger *t);

#endif
