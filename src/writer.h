/* writer.h - rows out: RFC 4180 CSV (through libcsv), TSV, and a spreadsheet-safe mode.
 *
 * Rows are appended to an in-memory buffer that the caller writes out whole (one
 * document at a time keeps output ordered when documents run in parallel).
 *  - CSV: fields quoted only when they hold a comma, quote, CR or LF.
 *  - TSV: TAB, CR and LF inside a field become spaces (TSV has no quoting).
 *  - excel: CRLF line ends, and a field starting with = + - @ TAB or CR gets a leading
 *    apostrophe so spreadsheets show it as text instead of running it as a formula.
 *    (The byte-order mark is the caller's: it belongs once at the top of the output.)
 * Invalid UTF-8 in a field is written as U+FFFD, so every row is valid UTF-8.
 */
#ifndef NERC_WRITER_H
#define NERC_WRITER_H

#include <stddef.h>

typedef struct outbuf {
    char *data;
    size_t len, cap;
} outbuf;

enum { WRITER_TSV = 1, WRITER_EXCEL = 2 };

void outbuf_init(outbuf *b);
void outbuf_free(outbuf *b);

/* Append one row of n fields (NUL-terminated strings; NULL is an empty field).
 * Returns 0 or NERC_ENOMEM. */
int write_row(outbuf *b, unsigned flags, const char *const *fields, size_t n);

#endif
