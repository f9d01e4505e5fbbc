/* util.h - small helpers every stage shares: growable arrays, a string pool and a
 * byte hash. */
#ifndef NERC_UTIL_H
#define NERC_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Make *p hold at least `need` elements of `elem` bytes (capacity doubles, from 64).
 * Returns 0, or NERC_ENOMEM leaving *p and *cap as they were. */
int util_grow(void **p, size_t *cap, size_t need, size_t elem);

/* FNV-1a over n bytes, seeded, with a final mix so that low bits spread well. */
uint32_t util_hash(uint32_t seed, const char *s, size_t n);

/* NUL-terminated strings appended to one buffer and named by offset (offsets stay
 * valid when the buffer moves). */
typedef struct strpool {
    char *buf;
    size_t len, cap;
} strpool;

/* Append s[0, n) and a NUL. Returns the offset, or NERC_ENOMEM. */
int64_t strpool_add(strpool *p, const char *s, size_t n);

#endif
