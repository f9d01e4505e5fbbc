/* util.h - small helpers every stage shares: growable arrays, a string pool and a
 * byte hash. */
#ifndef NERC_UTIL_H
#define NERC_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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


/* Reading a line-oriented data file (gazetteers, rules, lexicons): blank lines and
 * lines starting with '#' are skipped, line ends (LF or CRLF) removed. */
typedef struct data_file {
    FILE *f;
    char *line;
    size_t cap;
    size_t lineno; /* number of the line last returned */
} data_file;

/* Open path; 0, or -1 with errno set (the caller words the message). */
int data_file_open(data_file *d, const char *path);
/* The next data line in *line (valid until the next call) and its length; -1 at the
 * end; NERC_EFORMAT for a line holding a NUL byte; NERC_EIO on a read error. */
long data_file_next(data_file *d, char **line);
void data_file_close(data_file *d);

#endif
