/* fuzz_gazetteer - the gazetteer loader on arbitrary file contents; whatever loads is
 * then matched against a fixed sentence and against the input itself. */
#include <stdio.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "gazetteer.h"

static char PATH[64];

static void match_text(const gazetteer *g, const char *text, size_t len)
{
    token_buf tb;
    token_buf_init(&tb);
    if (tokenize(text, len, &tb) < 0)
        abort();
    gaz_match m[64];
    size_t n = gazetteer_match(g, text, tb.tokens, tb.n, tb.keys, m, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        if (m[i].first > m[i].last || m[i].last >= tb.n)
            abort();
        const gaz_entry *e = gazetteer_entry(g, m[i].entry);
        if (!e || !e->canonical || strlen(e->canonical) > 1u << 20)
            abort();
    }
    token_buf_free(&tb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!PATH[0])
        snprintf(PATH, sizeof PATH, "/tmp/nerc-fuzz-gaz-%ld.tsv", (long)getpid());
    FILE *f = fopen(PATH, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    gazetteer *g = gazetteer_new();
    char err[512];
    err[0] = '\0';
    int rc = gazetteer_load_file(g, PATH, err, sizeof err);
    if (rc < 0 && strncmp(err, PATH, strlen(PATH)) != 0)
        abort(); /* every error names the file */
    if (gazetteer_freeze(g) < 0)
        abort();
    static const char S[] = "Vladimir Putin met US and Iran-Russia envoys in Tehran on Friday.";
    match_text(g, S, sizeof S - 1);
    char *text = fuzz_sanitised(data, size);
    match_text(g, text, size);
    free(text);
    gazetteer_free(g);
    return 0;
}
