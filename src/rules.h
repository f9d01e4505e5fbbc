/* rules.h - PCRE2 rules that yield typed mentions (format: models/RULES.md).
 *
 * A rule_set is compiled once (PCRE2 UTF + UCP) and shared read-only; each thread
 * matches with its own rule_scratch (match data). A rule is interpreted for its first
 * few sentences and JIT-compiled (when available) once it has shown it runs often, so
 * a short document does not pay for compiling rules it barely uses. Every match runs
 * under match and depth limits, so no pattern and no input can hang a run.
 */
#ifndef NERC_RULES_H
#define NERC_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "nerc.h"
#include "tokenizer.h"

typedef struct rule_set rule_set;
typedef struct rule_scratch rule_scratch;

typedef struct rule_info {
    const char *name;
    nerc_type type;
    int group;
    int priority;
    const char *canonical; /* template: $N = group N; "-" = the span text */
} rule_info;

rule_set *rules_new(void);
void rules_free(rule_set *r);

/* Load and compile every rule of a file. Returns 0, or a negative NERC_E* with
 * "PATH:LINE: reason" in err (PCRE2 errors give its message and the pattern offset). */
int rules_load_file(rule_set *r, const char *path, char *err, size_t errlen);
/* Add one rule from one line of the format (for tests and tools). `where` names the
 * line in error messages. */
int rules_add_line(rule_set *r, const char *line, const char *where, char *err, size_t errlen);

/* JIT-compile rules that run often (the default) or match with the interpreter only.
 * Call before the set is shared. */
void rules_set_jit(rule_set *r, int on);

size_t rules_count(const rule_set *r);
const rule_info *rules_info(const rule_set *r, size_t index);

rule_scratch *rule_scratch_new(const rule_set *r);
void rule_scratch_free(rule_scratch *s);

/* Called for each match: span [start, end) in text, the expanded canonical. Return
 * non-zero to stop. */
typedef int (*rule_emit_fn)(void *user, const rule_info *rule, size_t start, size_t end,
                            const char *canonical, size_t canonical_len);

/* Choose the rules for the next rules_run from the sentence's token keys: a rule whose
 * pattern starts with the comment "(?#cues:word,word,...)" runs only when one of
 * those words is in the sentence (compared with the lower-case token keys, with the
 * letters before a token's digits - "su" in "Su35", "2s" in "2S19" - and without a plural
 * s); rules without cues always run. Without a call, rules_run runs every rule. */
void rules_select(const rule_set *r, rule_scratch *s, const char *keys, const token *toks,
                  size_t n);

/* Run every (selected) rule over text (valid UTF-8). Returns 0, NERC_ENOMEM, NERC_ECALLBACK, or
 * NERC_ELIMIT when some match hit a limit (the other rules still ran). */
int rules_run(const rule_set *r, rule_scratch *s, const char *text, size_t len,
              rule_emit_fn emit, void *user);

/* Images: the compiled patterns of a rule set, written with PCRE2's serialization,
 * so that a later run with the same rule files skips compiling (see cache.h).
 *
 * Write every rule's compiled pattern to fd. Returns 0, NERC_EIO, NERC_EARG (no rules)
 * or NERC_ENOMEM. */
int rules_save_image(const rule_set *r, int fd, uint64_t fingerprint);

/* Before loading rule files into an empty set: take compiled patterns from an image
 * (len bytes at data, which may be freed on return). rules_add_line then uses them in
 * order for as long as each pattern's text is the one the image was made from, and
 * compiles the rest. Returns 0, NERC_EFORMAT (not an image of this fingerprint, or
 * damaged), NERC_EARG or NERC_ENOMEM. */
int rules_use_image(rule_set *r, const void *data, size_t len, uint64_t fingerprint);

/* After loading: did every rule come from the image (nothing was compiled)? */
int rules_image_used(const rule_set *r);

/* Free the image's unused patterns (done by rules_free too). */
void rules_release_image(rule_set *r);

#endif
