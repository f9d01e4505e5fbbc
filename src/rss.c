/* rss.c - RSS 2.0 / RSS 1.0 / Atom items as documents (see rss.h). */
#include "rss.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_RSS10 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* ------------------------------------------------------------ buffers */

typedef struct sbuf {
    char *data;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 256;
        while (c < b->len + n + 1)
            c *= 2;
        char *p = realloc(b->data, c);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->data = p;
        b->cap = c;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Take the buffer's string (never NULL unless out of memory). */
static char *sb_take(sbuf *b)
{
    if (b->oom) {
        free(b->data);
        return NULL;
    }
    char *s = b->data ? b->data : strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

/* Text with HTML whitespace rules: runs of white space become one space, paragraph
 * breaks ("\n\n") and line breaks ("\n") are placed between words, never at the ends. */
typedef struct textout {
    sbuf b;
    int space;  /* a space is due before the next word */
    int brk;    /* 0, 1 (line break) or 2 (paragraph break) due before the next word */
} textout;

static void to_break(textout *t, int level)
{
    if (level > t->brk)
        t->brk = level;
}

static void to_text(textout *t, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t ws = 0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            ws = 1;
        else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
            ws = 2; /* no-break space (&nbsp;) */
        if (ws) {
            t->space = 1;
            i += ws;
            continue;
        }
        size_t j = i + 1;
        while (j < n) {
            unsigned char d = (unsigned char)s[j];
            if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' || d == '\v' ||
                (d == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
                break;
            j++;
        }
        if (t->b.len > 0) {
            if (t->brk == 2)
                sb_put(&t->b, "\n\n", 2);
            else if (t->brk == 1)
                sb_put(&t->b, "\n", 1);
            else if (t->space)
                sb_put(&t->b, " ", 1);
        }
        t->brk = 0;
        t->space = 0;
        sb_put(&t->b, s + i, j - i);
        i = j;
    }
}

/* ---------------------------------------------------------------- HTML */

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return 1;
    return 0;
}

static const char *const BLOCK[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "aside",
    "nav", "figure", "figcaption", "hr", "address", "main", "form", "fieldset", "details",
    "summary", "caption", "body", NULL};
static const char *const SKIP[] = {"script", "style", "head", "noscript", "template",
                                   "iframe", "object", "svg", "math", NULL};
static const char *const CELL[] = {"td", "th", NULL};

static int html_enter(xmlNodePtr n, textout *t)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            to_text(t, (const char *)n->content, strlen((const char *)n->content));
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    const char *name = (const char *)n->name;
    if (name_in(name, SKIP))
        return 0;
    if (strcasecmp(name, "br") == 0)
        to_break(t, 1);
    else if (name_in(name, BLOCK))
        to_break(t, 2);
    else if (name_in(name, CELL))
        t->space = 1;
    return 1;
}

static void html_leave(xmlNodePtr n, textout *t)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return;
    const char *name = (const char *)n->name;
    if (name_in(name, BLOCK))
        to_break(t, 2);
    else if (name_in(name, CELL))
        t->space = 1;
}

static void no_generic_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

#if LIBXML_VERSION >= 21200
static void no_structured_error(void *ctx, const xmlError *e)
#else
static void no_structured_error(void *ctx, xmlErrorPtr e)
#endif
{
    (void)ctx;
    (void)e;
}

/* libxml2 reports some problems through its global handlers: silence them (for the
 * calling thread; all libxml2 work happens in the reading thread). */
static void quiet_libxml(void)
{
    xmlInitParser();
    xmlSetGenericErrorFunc(NULL, no_generic_error);
    xmlSetStructuredErrorFunc(NULL, no_structured_error);
}

char *rss_html_to_text(const char *html, size_t len)
{
    textout t = {0};
    htmlDocPtr d = NULL;
    if (len > 0 && len < (size_t)INT_MAX) {
        quiet_libxml();
        d = htmlReadMemory(html, (int)len, NULL, "UTF-8",
                           HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    }
    if (!d) {
        /* nothing the HTML parser could read: keep the characters as text */
        to_text(&t, html, len);
        return sb_take(&t.b);
    }
    /* Walk the tree without recursion: HTML can nest deeply. */
    xmlNodePtr cur = d->children;
    while (cur) {
        if (html_enter(cur, &t) && cur->children) {
            cur = cur->children;
            continue;
        }
        for (;;) {
            html_leave(cur, &t);
            if (cur->next) {
                cur = cur->next;
                break;
            }
            cur = cur->parent;
            if (!cur || cur == (xmlNodePtr)d) {
                cur = NULL;
                break;
            }
        }
    }
    xmlFreeDoc(d);
    return sb_take(&t.b);
}

static char *plain_text(const char *s)
{
    textout t = {0};
    to_text(&t, s, strlen(s));
    return sb_take(&t.b);
}

/* --------------------------------------------------------------- dates */

static int days_in(int y, int m)
{
    static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return md[m - 1];
}

static int digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

static int is_sp(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int rss_parse_date(const char *s, char out[11])
{
    static const char *const MON[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
    int y, m = 0, d;
    while (is_sp(*s))
        s++;
    if (digits(s, 4, &y) && s[4] == '-') {
        /* ISO 8601: YYYY-MM-DD, then the end, a T or a space */
        if (!digits(s + 5, 2, &m) || s[7] != '-' || !digits(s + 8, 2, &d))
            return -1;
        char c = s[10];
        if (c && c != 'T' && c != 't' && !is_sp(c))
            return -1;
    } else {
        /* RFC 822: [Day,] D Mon YY[YY] [HH:MM[:SS] ZONE] */
        const char *p = s;
        while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
            p++;
        if (p > s) {
            if (*p != ',')
                return -1;
            p++;
        }
        while (is_sp(*p))
            p++;
        int nd = 0;
        while (p[nd] >= '0' && p[nd] <= '9')
            nd++;
        if (nd < 1 || nd > 2 || !digits(p, nd, &d))
            return -1;
        p += nd;
        if (!is_sp(*p) && *p != '-')
            return -1;
        while (is_sp(*p) || *p == '-')
            p++;
        for (int i = 0; i < 12; i++)
            if (strncasecmp(p, MON[i], 3) == 0)
                m = i + 1;
        if (!m)
            return -1;
        while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '.')
            p++;
        if (!is_sp(*p) && *p != '-')
            return -1;
        while (is_sp(*p) || *p == '-')
            p++;
        int ny = 0;
        while (p[ny] >= '0' && p[ny] <= '9')
            ny++;
        if ((ny != 2 && ny != 4) || !digits(p, ny, &y))
            return -1;
        if (ny == 2)
            y += y < 50 ? 2000 : 1900; /* RFC 2822, 4.3 */
        if (p[ny] && !is_sp(p[ny]))
            return -1;
    }
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
        return -1;
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    memcpy(out, tmp, 11);
    return 0;
}

/* -------------------------------------------------------------- sniff */

int rss_sniff(const char *head, size_t len)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)head[0] == 0xEF && (unsigned char)head[1] == 0xBB &&
        (unsigned char)head[2] == 0xBF)
        i = 3;
    while (i < len && is_sp(head[i]))
        i++;
    static const char *const START[] = {"<?xml", "<rss", "<feed"};
    for (size_t k = 0; k < 3; k++) {
        size_t n = strlen(START[k]);
        if (len - i > n && memcmp(head + i, START[k], n) == 0) {
            char c = head[i + n];
            if (is_sp(c) || c == '>' || c == '/' || c == '?')
                return 1;
        }
    }
    return 0;
}

/* -------------------------------------------------------------- reader */

struct rss_reader {
    xmlTextReaderPtr xr;
    size_t items;
    int started, done;
    int err_set, err_fatal, err_line;
    char err_msg[400];
};

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *arg, const xmlError *e)
#else
static void on_xml_error(void *arg, xmlErrorPtr e)
#endif
{
    rss_reader *r = arg;
    if (!e || e->level < XML_ERR_ERROR)
        return;
    int fatal = e->level == XML_ERR_FATAL;
    if (r->err_set && (r->err_fatal || !fatal))
        return; /* keep the first fatal error, else the first error */
    r->err_set = 1;
    r->err_fatal = fatal;
    r->err_line = e->line;
    snprintf(r->err_msg, sizeof r->err_msg, "%s", e->message ? e->message : "parse error");
    size_t n = strlen(r->err_msg);
    while (n > 0 && (r->err_msg[n - 1] == '\n' || r->err_msg[n - 1] == ' '))
        r->err_msg[--n] = '\0';
}

rss_reader *rss_open_fd(int fd, const char *name)
{
    quiet_libxml();
    rss_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->xr = xmlReaderForFd(fd, name, NULL, XML_PARSE_NONET);
    if (!r->xr) {
        free(r);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r->xr, on_xml_error, r);
    return r;
}

void rss_close(rss_reader *r)
{
    if (!r)
        return;
    xmlFreeTextReader(r->xr);
    free(r);
}

void rss_item_free(rss_item *item)
{
    free(item->id);
    free(item->date);
    free(item->text);
    free(item->warning);
    memset(item, 0, sizeof *item);
}

enum { FAM_OTHER, FAM_RSS, FAM_ATOM, FAM_CONTENT, FAM_DC };
enum { KIND_TEXT, KIND_HTML, KIND_XHTML, KIND_MAYBE_HTML };
enum { F_TITLE, F_LINK, F_GUID, F_DESC, F_CONTENT, F_DATE1, F_DATE2, F_COUNT };

typedef struct pending {
    char *v[F_COUNT];
    int kind[F_COUNT];
    int nested;
} pending;

static void pending_free(pending *p)
{
    for (int i = 0; i < F_COUNT; i++)
        free(p->v[i]);
    memset(p, 0, sizeof *p);
}

static int family(const char *ns)
{
    if (!ns || !*ns || strcmp(ns, NS_RSS10) == 0 || strcmp(ns, NS_RSS090) == 0)
        return FAM_RSS;
    if (strcmp(ns, NS_ATOM) == 0 || strcmp(ns, NS_ATOM03) == 0)
        return FAM_ATOM;
    if (strcmp(ns, NS_CONTENT) == 0)
        return FAM_CONTENT;
    if (strcmp(ns, NS_DC) == 0)
        return FAM_DC;
    return FAM_OTHER;
}

static char *attr(xmlTextReaderPtr xr, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(xr, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* Atom's type attribute: text (default), html or xhtml; -1 for other media types. */
static int atom_kind(xmlTextReaderPtr xr)
{
    char *t = attr(xr, "type");
    int k = KIND_TEXT;
    if (t) {
        if (strcmp(t, "html") == 0 || strcmp(t, "text/html") == 0)
            k = KIND_HTML;
        else if (strcmp(t, "xhtml") == 0 || strcmp(t, "application/xhtml+xml") == 0)
            k = KIND_XHTML;
        else if (strcmp(t, "text") == 0 || strncmp(t, "text/", 5) == 0)
            k = KIND_TEXT;
        else
            k = -1;
    }
    free(t);
    return k;
}

/* Read the element the reader is on into field f (first occurrence wins).
 * Returns 0, or -1 when out of memory. */
static int capture(xmlTextReaderPtr xr, pending *p, int f, int kind)
{
    if (p->v[f] || kind < 0)
        return 0;
    xmlChar *v = kind == KIND_XHTML ? xmlTextReaderReadInnerXml(xr) : xmlTextReaderReadString(xr);
    p->v[f] = strdup(v ? (const char *)v : "");
    xmlFree(v);
    p->kind[f] = kind;
    return p->v[f] ? 0 : -1;
}

/* One child element of an item. Returns 0, or -1 when out of memory. */
static int item_child(xmlTextReaderPtr xr, pending *p, int fam, const char *local)
{
    if (fam == FAM_CONTENT && strcmp(local, "encoded") == 0)
        return capture(xr, p, F_CONTENT, KIND_HTML);
    if (fam == FAM_DC && strcmp(local, "date") == 0)
        return capture(xr, p, F_DATE2, KIND_TEXT);
    if (fam == FAM_RSS) {
        if (strcmp(local, "title") == 0)
            return capture(xr, p, F_TITLE, KIND_MAYBE_HTML);
        if (strcmp(local, "link") == 0)
            return capture(xr, p, F_LINK, KIND_TEXT);
        if (strcmp(local, "guid") == 0)
            return capture(xr, p, F_GUID, KIND_TEXT);
        if (strcmp(local, "description") == 0)
            return capture(xr, p, F_DESC, KIND_HTML);
        if (strcmp(local, "pubDate") == 0)
            return capture(xr, p, F_DATE1, KIND_TEXT);
        return 0;
    }
    if (fam != FAM_ATOM)
        return 0;
    if (strcmp(local, "title") == 0)
        return capture(xr, p, F_TITLE, atom_kind(xr));
    if (strcmp(local, "id") == 0)
        return capture(xr, p, F_GUID, KIND_TEXT);
    if (strcmp(local, "summary") == 0)
        return capture(xr, p, F_DESC, atom_kind(xr));
    if (strcmp(local, "content") == 0) {
        char *src = attr(xr, "src");
        int out_of_line = src != NULL;
        free(src);
        return out_of_line ? 0 : capture(xr, p, F_CONTENT, atom_kind(xr));
    }
    if (strcmp(local, "published") == 0)
        return capture(xr, p, F_DATE1, KIND_TEXT);
    if (strcmp(local, "updated") == 0)
        return capture(xr, p, F_DATE2, KIND_TEXT);
    if (strcmp(local, "link") == 0 && !p->v[F_LINK]) {
        char *rel = attr(xr, "rel");
        int alternate = !rel || strcmp(rel, "alternate") == 0;
        free(rel);
        if (alternate) {
            p->v[F_LINK] = attr(xr, "href");
            p->kind[F_LINK] = KIND_TEXT;
        }
    }
    return 0;
}

/* A field as plain text (malloc'd), or NULL when out of memory. */
static char *field_text(const pending *p, int f)
{
    const char *v = p->v[f] ? p->v[f] : "";
    int k = p->kind[f];
    if (k == KIND_MAYBE_HTML) /* RSS titles are text, but feeds often put HTML in them */
        k = (strchr(v, '<') || strchr(v, '&')) ? KIND_HTML : KIND_TEXT;
    if (k == KIND_HTML || k == KIND_XHTML)
        return rss_html_to_text(v, strlen(v));
    return plain_text(v);
}

static int build(rss_reader *r, pending *p, rss_item *item, char *err, size_t errlen)
{
    item->number = r->items;
    if (p->nested) {
        snprintf(err, errlen, "an item inside an item");
        return RSS_BAD_ITEM;
    }
    char *title = field_text(p, F_TITLE);
    char *body = NULL;
    if (title && p->v[F_CONTENT]) {
        body = field_text(p, F_CONTENT);
        if (body && !*body) {
            free(body);
            body = NULL;
        }
    }
    if (title && !body)
        body = field_text(p, F_DESC);
    char *id = NULL;
    static const int ID_FIELDS[] = {F_GUID, F_LINK};
    for (size_t k = 0; k < 2 && title && body && !id; k++) {
        char *s = p->v[ID_FIELDS[k]] ? plain_text(p->v[ID_FIELDS[k]]) : NULL;
        if (s && *s)
            id = s;
        else
            free(s);
    }
    if (!title || !body) {
        free(title);
        free(body);
        snprintf(err, errlen, "out of memory");
        return RSS_BAD_FEED;
    }
    if (!*title && !*body) {
        free(title);
        free(body);
        free(id);
        snprintf(err, errlen, "no title and no description");
        return RSS_BAD_ITEM;
    }
    sbuf t = {0};
    sb_put(&t, title, strlen(title));
    if (*title && *body)
        sb_put(&t, "\n\n", 2);
    sb_put(&t, body, strlen(body));
    free(title);
    free(body);
    item->text_len = t.len;
    item->text = sb_take(&t);
    item->id = id;
    char day[11];
    const char *raw = NULL;
    for (int f = F_DATE1; f <= F_DATE2 && !item->date; f++) {
        if (!p->v[f])
            continue;
        if (!raw)
            raw = p->v[f];
        if (rss_parse_date(p->v[f], day) == 0)
            item->date = strdup(day);
    }
    if (raw && !item->date) {
        char w[300];
        snprintf(w, sizeof w, "date '%.200s' is neither RFC 822 nor ISO 8601; relative dates resolve without it", raw);
        item->warning = strdup(w);
    }
    if (!item->text) {
        rss_item_free(item);
        snprintf(err, errlen, "out of memory");
        return RSS_BAD_FEED;
    }
    return RSS_ITEM;
}

static int feed_error(rss_reader *r, char *err, size_t errlen)
{
    r->done = 1;
    int line = r->err_set ? r->err_line : xmlTextReaderGetParserLineNumber(r->xr);
    snprintf(err, errlen, "%d: %s", line, r->err_set ? r->err_msg : "not well-formed XML");
    return RSS_BAD_FEED;
}

int rss_next(rss_reader *r, rss_item *item, char *err, size_t errlen)
{
    memset(item, 0, sizeof *item);
    if (errlen)
        err[0] = '\0';
    if (r->done)
        return RSS_END;
    pending p = {0};
    int in_item = 0, item_depth = 0, rc;
    xmlTextReaderPtr xr = r->xr;
    while ((rc = xmlTextReaderRead(xr)) == 1) {
        int type = xmlTextReaderNodeType(xr);
        int depth = xmlTextReaderDepth(xr);
        if (type == XML_READER_TYPE_END_ELEMENT && in_item && depth == item_depth) {
            int res = build(r, &p, item, err, errlen);
            pending_free(&p);
            if (res == RSS_BAD_FEED) {
                r->done = 1;
                snprintf(err, errlen, "%d: out of memory", xmlTextReaderGetParserLineNumber(xr));
            }
            return res;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const char *local = (const char *)xmlTextReaderConstLocalName(xr);
        int fam = family((const char *)xmlTextReaderConstNamespaceUri(xr));
        if (!local)
            continue;
        if (!r->started) {
            r->started = 1;
            if (strcmp(local, "rss") != 0 && strcmp(local, "RDF") != 0 &&
                strcmp(local, "feed") != 0) {
                r->done = 1;
                snprintf(err, errlen, "%d: not an RSS or Atom feed (the root element is <%.100s>)",
                         xmlTextReaderGetParserLineNumber(xr), local);
                return RSS_BAD_FEED;
            }
            continue;
        }
        int is_item = (fam == FAM_RSS && strcmp(local, "item") == 0) ||
                      (fam == FAM_ATOM && strcmp(local, "entry") == 0);
        if (!in_item) {
            if (!is_item)
                continue;
            r->items++;
            if (xmlTextReaderIsEmptyElement(xr)) {
                item->number = r->items;
                snprintf(err, errlen, "no title and no description");
                return RSS_BAD_ITEM;
            }
            in_item = 1;
            item_depth = depth;
            continue;
        }
        if (depth != item_depth + 1)
            continue;
        if (is_item) {
            p.nested = 1;
            continue;
        }
        if (item_child(xr, &p, fam, local) < 0) {
            pending_free(&p);
            r->done = 1;
            snprintf(err, errlen, "out of memory");
            return RSS_BAD_FEED;
        }
    }
    pending_free(&p);
    if (rc < 0)
        return feed_error(r, err, errlen);
    r->done = 1;
    if (!r->started) {
        snprintf(err, errlen, "%d: the document is empty", xmlTextReaderGetParserLineNumber(xr));
        return RSS_BAD_FEED;
    }
    return RSS_END;
}
