/* rss.h - RSS 2.0 (and 1.0) and Atom feeds, read item by item with libxml2's
 * streaming reader, so a feed is never held in memory whole and items are handed out
 * as soon as their closing tag has been read.
 *
 * Each item (RSS <item>, Atom <entry>) becomes one document:
 *   text = title + "\n\n" + body, where body is content:encoded, else description
 *          (RSS), or content, else summary (Atom); HTML in the body (and in a title
 *          marked as HTML) is parsed with libxml2's HTML parser: tags are dropped,
 *          entities decoded, block elements end paragraphs;
 *   id   = guid (RSS) or id (Atom), else the link, else NULL (the caller names it);
 *   date = pubDate (RFC 822) or dc:date (RSS), published else updated (Atom, ISO
 *          8601), as YYYY-MM-DD, the date as written (no time-zone conversion).
 *
 * A feed that is not well-formed stops at the error, which is reported with the line
 * libxml2 names. Items the reader handed out before it are kept; the reader parses
 * ahead in blocks (512 bytes), so items in the block that holds the error are lost.
 *
 * Nothing here prints: problems come back as messages. All libxml2 calls must come
 * from one thread (the caller's reading thread).
 */
#ifndef NERC_RSS_H
#define NERC_RSS_H

#include <stddef.h>

typedef struct rss_reader rss_reader;

typedef struct rss_item {
    size_t number;     /* 1-based position of the item in the feed */
    char *id;          /* guid/id, else link, else NULL */
    char *date;        /* "YYYY-MM-DD", or NULL */
    char *text;        /* the document text (NUL-terminated) */
    size_t text_len;
    char *warning;     /* a non-fatal problem (e.g. a date that does not parse), or NULL */
} rss_item;

enum {
    RSS_ITEM = 1,       /* *item filled: the caller owns it (rss_item_free) */
    RSS_END = 0,        /* the feed is done */
    RSS_BAD_ITEM = -1,  /* item number *item->number is malformed: message in err; go on */
    RSS_BAD_FEED = -2   /* the feed cannot be read further: message in err (with line) */
};

/* Open a feed on a file descriptor (not closed by rss_close). name is used in
 * messages. Returns NULL when out of memory. */
rss_reader *rss_open_fd(int fd, const char *name);
void rss_close(rss_reader *r);

/* Next item. On RSS_BAD_ITEM only item->number is set; on RSS_BAD_FEED err holds
 * "LINE: message" as libxml2 reported it. */
int rss_next(rss_reader *r, rss_item *item, char *err, size_t errlen);
void rss_item_free(rss_item *item);

/* Does a file starting with these bytes look like a feed? (<?xml, <rss or <feed after
 * an optional byte-order mark and whitespace) */
int rss_sniff(const char *head, size_t len);

/* A date as YYYY-MM-DD from RFC 822 ("Tue, 10 Jun 2003 04:00:00 GMT", two- or
 * four-digit year) or ISO 8601 ("2003-06-10T04:00:00Z"). Returns 0 and fills out[11],
 * or -1. */
int rss_parse_date(const char *s, char out[11]);

/* Plain text of an HTML fragment: tags dropped, entities decoded, whitespace
 * collapsed, block elements separated by a blank line. Returns a malloc'd string
 * (possibly empty), or NULL when out of memory. */
char *rss_html_to_text(const char *html, size_t len);

#endif
