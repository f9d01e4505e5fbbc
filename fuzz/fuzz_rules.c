/* fuzz_rules - rules_add_line on an arbitrary line (the input up to its first newline);
 * a rule that compiles is run over the rest of the input (sanitised). */
#include "fuzz_common.h"
#include "rules.h"

static int emit(void *user, const rule_info *ri, size_t start, size_t end, const char *canon,
                size_t canon_len)
{
    size_t len = *(size_t *)user;
    if (start >= end || end > len || !ri->name || strlen(canon) != canon_len)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t ll = nl ? (size_t)(nl - data) : size;
    char *line = malloc(ll + 1);
    memcpy(line, data, ll);
    line[ll] = '\0'; /* an embedded NUL ends the line early, as in a C string */
    rule_set *r = rules_new();
    char err[512];
    int rc = rules_add_line(r, line, "fuzz:1", err, sizeof err);
    if (rc < 0 && strncmp(err, "fuzz:1: ", 8) != 0)
        abort();
    if (rc == 0) {
        if (rules_count(r) != 1)
            abort();
        size_t tl = nl ? size - ll - 1 : 0;
        char *text = fuzz_sanitised(nl ? nl + 1 : data, tl);
        rule_scratch *s = rule_scratch_new(r);
        int x = rules_run(r, s, text, tl, emit, &tl);
        if (x != 0 && x != NERC_ELIMIT)
            abort();
        rule_scratch_free(s);
        free(text);
    }
    rules_free(r);
    free(line);
    return 0;
}
