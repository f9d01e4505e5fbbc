/* gazetteer.h - entity lists: aliases mapped to canonical names, matched over tokens.
 *
 * Aliases are tokenized with the same tokenizer as the text and stored in a trie
 * whose edges are token keys (one hash table of (parent node, key) -> child), so a
 * match walks token by token: longest-leftmost, multi-word, case-insensitive unless
 * an entry says `cs`. The file format is documented in gazetteers/FORMAT.md.
 *
 * Build with gazetteer_new + gazetteer_load_file/gazetteer_add, then share the
 * object read-only between threads.
 */
#ifndef NERC_GAZETTEER_H
#define NERC_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "nerc.h"
#include "tokenizer.h"

enum { GAZ_CASE_SENSITIVE = 1 };

typedef struct gazetteer gazetteer;

typedef struct gaz_entry {
    const char *canonical;
    const char *id;        /* "" when none */
    nerc_type type;
    unsigned flags;        /* GAZ_* */
    unsigned file;         /* load order of the file it came from */
} gaz_entry;

/* One match: tokens [first, last] of the sentence carry entry `entry`. */
typedef struct gaz_match {
    uint32_t first, last;
    uint32_t entry;
} gaz_match;

gazetteer *gazetteer_new(void);
void gazetteer_free(gazetteer *g);

/* Load one file. Returns 0, or a negative NERC_E* with "PATH:LINE: reason" in err. */
int gazetteer_load_file(gazetteer *g, const char *path, char *err, size_t errlen);

/* Add one alias. Returns 1 if added, 0 if an entry of the same type already held the
 * alias (first wins), or NERC_ENOMEM / NERC_EARG (an alias with no tokens). */
int gazetteer_add(gazetteer *g, const char *surface, size_t len, nerc_type type,
                  const char *canonical, const char *id, unsigned flags);

/* Finish loading: builds the entry views and drops loading scratch. Call once before
 * matching or sharing; after it, adding is still allowed but needs another freeze.
 * Returns 0 or NERC_ENOMEM. */
int gazetteer_freeze(gazetteer *g);

size_t gazetteer_alias_count(const gazetteer *g);
size_t gazetteer_entity_count(const gazetteer *g); /* distinct (type, canonical) */

/* The entry at index (from a gaz_match), or NULL. Valid after gazetteer_freeze. */
const gaz_entry *gazetteer_entry(const gazetteer *g, uint32_t index);

/* All longest matches of a sentence: at each token where some alias starts, the
 * longest alias wins and every entry (one per type) stored for it is reported;
 * the scan then goes on at the next token, so matches of different starts may
 * overlap (the resolver decides). Returns the number of matches (writes at most
 * cap), or NERC_ENOMEM. */
size_t gazetteer_match(const gazetteer *g, const char *text, const token *toks, size_t n,
                       const char *keys, gaz_match *out, size_t cap);

/* Exact lookup of the token run [first, last] (no case or capital checks): the entry
 * of type `type` stored for exactly that alias, or NULL. */
const gaz_entry *gazetteer_lookup(const gazetteer *g, const token *toks, size_t first,
                                  size_t last, const char *keys, nerc_type type);

/* Images: a frozen gazetteer written as one block of bytes that is mapped back
 * without parsing (a cache of the text files, see cache.h). `fingerprint` names the
 * sources the image was built from; attaching checks that it matches and that the
 * block is sound, so a stale, truncated or damaged image is refused, never trusted.
 *
 * Write g (frozen) to fd. Returns 0 or NERC_EIO / NERC_EARG. */
int gazetteer_save_image(const gazetteer *g, int fd, uint64_t fingerprint);

/* Make an empty gazetteer (just from gazetteer_new) use the image at base, which must
 * be 8-byte aligned and outlive g; g is frozen on return. Returns 0, NERC_EFORMAT (not
 * an image of this fingerprint, or damaged), NERC_EARG or NERC_ENOMEM. */
int gazetteer_attach_image(gazetteer *g, const void *base, size_t len, uint64_t fingerprint);

/* The same from a file, mapped read-only (shared by every thread and by every process
 * that maps it). Returns 0, NERC_EIO (cannot open or map), NERC_EFORMAT or NERC_ENOMEM. */
int gazetteer_map_image(gazetteer *g, const char *path, uint64_t fingerprint);

#endif
