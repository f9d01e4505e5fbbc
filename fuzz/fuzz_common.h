/* fuzz_common.h - helpers shared by the libFuzzer targets. */
#ifndef NERC_FUZZ_COMMON_H
#define NERC_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A copy of data[0,size) in which every byte of an invalid UTF-8 sequence and every
 * NUL is a space (what the splitter does), NUL-terminated. */
static inline char *fuzz_sanitised(const uint8_t *data, size_t size)
{
    char *o = malloc(size + 1);
    if (!o)
        abort();
    size_t i = 0;
    while (i < size) {
        if (data[i] < 0x80) {
            o[i] = data[i] ? (char)data[i] : ' ';
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(data + i, (utf8proc_ssize_t)(size - i), &c);
        if (k <= 0) {
            o[i++] = ' ';
            continue;
        }
        memcpy(o + i, data + i, (size_t)k);
        i += (size_t)k;
    }
    o[size] = '\0';
    return o;
}

/* A small deterministic generator (xorshift32). */
static inline uint32_t fuzz_rand(uint32_t *s)
{
    uint32_t x = *s ? *s : 0x9e3779b9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

#endif
