/* main.c - the nerc command: a thin shell over libnerc.
 *
 * Inputs are gathered into a list of documents (files, directories walked in name
 * order, a text input split into documents on request, JSON Lines and RSS/Atom feed
 * items); each document is processed into its own output buffer, and buffers are
 * written in input order, so the output is the same for any number of worker
 * threads.
 */
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "nerc.h"
#include "writer.h"

static void usage(FILE *f)
{
    fputs(
        "Usage: nerc [OPTIONS] [FILE|DIR|-]...\n"
        "Find people, organisations, places, weapon systems, agreements and dates in news\n"
        "text, and the dated claims made about them; write them as CSV.\n"
        "\n"
        "With no FILE, or with -, read one document from standard input. A DIR is walked\n"
        "recursively in name order (see --include).\n"
        "\n"
        "Output:\n"
        "  -e, --emit KIND        triples (default): one row per claim or attribute;\n"
        "                         mentions: one row per entity or date mention;\n"
        "                         entities: one row per distinct entity per document\n"
        "  -o, --output FILE      write to FILE instead of standard output\n"
        "      --tsv              tab-separated values instead of CSV\n"
        "      --excel            for spreadsheets: UTF-8 BOM, CRLF, and cells starting\n"
        "                         with = + - @ TAB or CR prefixed with ' (no formulas)\n"
        "      --no-header        leave out the header row\n"
        "\n"
        "Input:\n"
        "      --input FORMAT     text (default), jsonl or rss:\n"
        "                         jsonl: one JSON object per line with id, date, title,\n"
        "                           text; a document per line (text, else title), doc =\n"
        "                           id (else FILE:LINE), date = document date (YYYY-MM-DD,\n"
        "                           ISO 8601 timestamp or RFC 822)\n"
        "                         rss: RSS 2.0, RSS 1.0 or Atom; a document per item:\n"
        "                           title, a blank line, then content:encoded or\n"
        "                           description (Atom: content or summary) with HTML tags\n"
        "                           removed and entities decoded; doc = guid (Atom: id),\n"
        "                           else link, else FILE#N; date = pubDate (RFC 822) or\n"
        "                           published/updated (ISO 8601), as written\n"
        "                         A FILE that starts with <?xml, <rss or <feed is read as\n"
        "                         a feed even without --input rss.\n"
        "                         A malformed line or item is reported with its line or\n"
        "                         item number and skipped; the exit status is then 1.\n"
        "      --field NAME=KEY   JSON Lines field names, e.g. --field text=body\n"
        "                         (NAME is id, date, title or text)\n"
        "      --split MODE       each text input (FILE or stdin) holds many documents:\n"
        "                         blank (blank lines between documents), formfeed (\\f\n"
        "                         between), or line (one per line); named FILE#N (-#N)\n"
        "      --include GLOB     in directories, only files whose name matches GLOB\n"
        "                         (default: *.txt for text, *.jsonl for jsonl, *.xml,\n"
        "                         *.rss and *.atom for rss)\n"
        "      --doc-date DATE    the document date (YYYY-MM-DD) that relative dates such\n"
        "                         as \"Friday\" or \"last July\" resolve against\n"
        "\n"
        "Data:\n"
        "      --data DIR         data directory with gazetteers/ and models/\n"
        "                         (default: $NERC_DATA, else the installed share/nerc)\n"
        "  -g, --gazetteer FILE   add a gazetteer file (repeatable; see gazetteers/FORMAT.md)\n"
        "  -r, --rules FILE       add a rule file (repeatable; see models/RULES.md)\n"
        "      --no-default-gazetteers   do not load DATA/gazetteers/*.tsv\n"
        "      --no-default-rules        do not load DATA/models/*.rules\n"
        "      --no-model         do not use the statistical tagger\n"
        "      --no-jit           match patterns without PCRE2's JIT compiler (slower;\n"
        "                         for valgrind or systems that forbid executable memory)\n"
        "      --cache DIR        keep a compiled image of the gazetteers in DIR and map\n"
        "                         it on later runs instead of reading the text (default:\n"
        "                         $NERC_CACHE, else $XDG_CACHE_HOME/nerc, else\n"
        "                         ~/.cache/nerc). An edited gazetteer file gets a new\n"
        "                         image; the directory may be deleted at any time\n"
        "      --no-cache         read the gazetteer text every time (NERC_CACHE= too)\n"
        "\n"
        "Claims (--emit triples):\n"
        "      --hedged           also emit negated and modal claims (\"did not confirm\",\n"
        "                         \"may strike\"); the polarity and modality columns mark them\n"
        "      --unresolved       also emit claims whose subject is a pronoun or role that\n"
        "                         could not be resolved (subject_type UNRESOLVED)\n"
        "\n"
        "Running:\n"
        "  -j, --jobs N           documents processed in parallel (default: number of\n"
        "                         cores); output is identical for every N\n"
        "  -q, --quiet            no progress line and no warnings on stderr\n"
        "      --stats            print per-run counts on stderr at the end: documents\n"
        "                         read, processed, failed, skipped; unreadable inputs\n"
        "  -h, --help             show this help\n"
        "  -V, --version          show the version\n"
        "\n"
        "Offsets (start, end, first_start) are byte offsets: into the file for text\n"
        "input; into the text field's value (UTF-8) for jsonl; into the document text as\n"
        "built (title, blank line, body as plain text) for rss.\n"
        "\n"
        "Exit status: 0 on success; 1 when some input failed (the rest is still processed\n"
        "and each failure is named on stderr); 2 on a usage error.\n"
        "\n"
        "Examples:\n"
        "  nerc article.txt > claims.csv\n"
        "  cat article.txt | nerc --emit mentions --doc-date 2025-01-18\n"
        "  nerc --emit entities --excel -o entities.csv news/\n"
        "  nerc --input jsonl --field text=body feed.jsonl\n"
        "  curl -s https://example.org/news.rss | nerc --input rss\n"
        "  nerc --gazetteer my-people.tsv --rules my.rules article.txt\n",
        f);
}

/* Leave with status 2 (a usage error), freeing what the options hold. */
static int usage_error(cli_options *o)
{
    cli_options_free(o);
    return 2;
}

/* The cache directory when --cache is not given, or NULL for none. */
static const char *default_cache_dir(char *buf, size_t len)
{
    const char *env = getenv("NERC_CACHE");
    if (env)
        return *env ? env : NULL; /* set but empty: no cache */
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(buf, len, "%s/nerc", xdg);
    else if (home && *home == '/')
        n = snprintf(buf, len, "%s/.cache/nerc", home);
    else
        return NULL;
    return n > 0 && (size_t)n < len ? buf : NULL;
}

static int parse_jobs(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > 256)
        return -1;
    *out = (int)v;
    return 0;
}

int main(int argc, char **argv)
{
    cli_options o;
    cli_options_init(&o);
    enum { OPT_TSV = 256, OPT_EXCEL, OPT_NO_HEADER, OPT_INPUT, OPT_FIELD, OPT_SPLIT,
           OPT_INCLUDE, OPT_DOC_DATE, OPT_DATA, OPT_NO_GAZ, OPT_NO_RULES, OPT_NO_MODEL,
           OPT_STATS, OPT_UNRESOLVED, OPT_HEDGED, OPT_NO_JIT, OPT_CACHE, OPT_NO_CACHE };
    static const struct option longopts[] = {
        {"emit", required_argument, NULL, 'e'},
        {"output", required_argument, NULL, 'o'},
        {"tsv", no_argument, NULL, OPT_TSV},
        {"excel", no_argument, NULL, OPT_EXCEL},
        {"no-header", no_argument, NULL, OPT_NO_HEADER},
        {"input", required_argument, NULL, OPT_INPUT},
        {"field", required_argument, NULL, OPT_FIELD},
        {"split", required_argument, NULL, OPT_SPLIT},
        {"include", required_argument, NULL, OPT_INCLUDE},
        {"doc-date", required_argument, NULL, OPT_DOC_DATE},
        {"data", required_argument, NULL, OPT_DATA},
        {"gazetteer", required_argument, NULL, 'g'},
        {"rules", required_argument, NULL, 'r'},
        {"no-default-gazetteers", no_argument, NULL, OPT_NO_GAZ},
        {"no-default-rules", no_argument, NULL, OPT_NO_RULES},
        {"no-model", no_argument, NULL, OPT_NO_MODEL},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"stats", no_argument, NULL, OPT_STATS},
        {"unresolved", no_argument, NULL, OPT_UNRESOLVED},
        {"hedged", no_argument, NULL, OPT_HEDGED},
        {"no-jit", no_argument, NULL, OPT_NO_JIT},
        {"cache", required_argument, NULL, OPT_CACHE},
        {"no-cache", no_argument, NULL, OPT_NO_CACHE},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    char cache_buf[4096];
    const char *cache_dir = default_cache_dir(cache_buf, sizeof cache_buf);
    int c;
    while ((c = getopt_long(argc, argv, "e:o:g:r:j:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'e':
            if (cli_set_emit(&o, optarg) < 0) {
                fprintf(stderr, "nerc: --emit: expected triples, mentions or entities, got '%s'\n", optarg);
                return usage_error(&o);
            }
            break;
        case 'o': o.output = optarg; break;
        case OPT_TSV: o.writer_flags |= WRITER_TSV; break;
        case OPT_EXCEL: o.writer_flags |= WRITER_EXCEL; break;
        case OPT_NO_HEADER: o.no_header = 1; break;
        case OPT_INPUT:
            if (strcmp(optarg, "text") == 0)
                o.input = INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                o.input = INPUT_JSONL;
            else if (strcmp(optarg, "rss") == 0 || strcmp(optarg, "atom") == 0)
                o.input = INPUT_RSS;
            else {
                fprintf(stderr, "nerc: --input: expected text, jsonl or rss, got '%s'\n", optarg);
                return usage_error(&o);
            }
            break;
        case OPT_FIELD:
            if (cli_set_field(&o, optarg) < 0) {
                fprintf(stderr, "nerc: --field: expected NAME=KEY with NAME one of id, date, title, text; got '%s'\n", optarg);
                return usage_error(&o);
            }
            break;
        case OPT_SPLIT:
            if (cli_set_split(&o, optarg) < 0) {
                fprintf(stderr, "nerc: --split: expected blank, formfeed or line, got '%s'\n", optarg);
                return usage_error(&o);
            }
            break;
        case OPT_INCLUDE: o.include = optarg; break;
        case OPT_DOC_DATE:
            if (!cli_valid_date(optarg)) {
                fprintf(stderr, "nerc: --doc-date: expected YYYY-MM-DD, got '%s'\n", optarg);
                return usage_error(&o);
            }
            o.doc_date = optarg;
            break;
        case OPT_DATA: o.lib.data_dir = optarg; break;
        case 'g':
            if (cli_push(&o.gazetteers, &o.n_gazetteers, optarg) < 0)
                return usage_error(&o);
            break;
        case 'r':
            if (cli_push(&o.rules, &o.n_rules, optarg) < 0)
                return usage_error(&o);
            break;
        case OPT_NO_GAZ: o.lib.no_default_gazetteers = 1; break;
        case OPT_NO_RULES: o.lib.no_default_rules = 1; break;
        case OPT_NO_MODEL: o.lib.no_model = 1; break;
        case 'j':
            if (parse_jobs(optarg, &o.jobs) < 0) {
                fprintf(stderr, "nerc: --jobs: expected a number from 1 to 256, got '%s'\n", optarg);
                return usage_error(&o);
            }
            break;
        case 'q': o.quiet = 1; break;
        case OPT_STATS: o.stats = 1; break;
        case OPT_UNRESOLVED: o.lib.keep_unresolved = 1; break;
        case OPT_HEDGED: o.lib.keep_hedged = 1; break;
        case OPT_NO_JIT: o.lib.no_jit = 1; break;
        case OPT_CACHE:
            if (!*optarg) {
                fputs("nerc: --cache: expected a directory\n", stderr);
                return usage_error(&o);
            }
            cache_dir = optarg;
            break;
        case OPT_NO_CACHE: cache_dir = NULL; break;
        case 'h': usage(stdout); cli_options_free(&o); return 0;
        case 'V': printf("nerc %s\n", nerc_version()); cli_options_free(&o); return 0;
        default:
            fputs("Try 'nerc --help' for more information.\n", stderr);
            return usage_error(&o);
        }
    }
    if (o.jobs == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        o.jobs = n > 0 ? (int)(n > 64 ? 64 : n) : 1;
    }
    o.lib.cache_dir = cache_dir;
    o.inputs = (const char *const *)argv + optind;
    o.n_inputs = (size_t)(argc - optind);
    int rc = cli_run(&o);
    cli_options_free(&o);
    return rc;
}
