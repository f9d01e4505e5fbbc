/* fuzz_dates - dates_scan over arbitrary (sanitised) text: spans must lie inside the
 * text and not run backwards, and values must be NUL-terminated. */
#include "dates.h"
#include "fuzz_common.h"

static dates *D;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!D) {
        char err[256];
        if (dates_new(&D, 0, err, sizeof err) < 0)
            abort();
    }
    date_ymd dd = {2025, 1, 18};
    int with_date = size > 0 && (data[0] & 1);
    char *text = fuzz_sanitised(data, size);
    dates_state st;
    if (dates_state_init(&st, D, with_date ? &dd : NULL) < 0)
        abort();
    date_span out[16];
    /* scan line by line, as the pipeline scans sentence by sentence */
    size_t a = 0;
    while (a <= size) {
        size_t b = a;
        while (b < size && text[b] != '\n')
            b++;
        int n = dates_scan(D, &st, text + a, b - a, out, 16);
        if (n < -8)
            abort();
        for (int i = 0; i < n && i < 16; i++) {
            if (out[i].end < out[i].start || out[i].end > b - a)
                abort();
            if (memchr(out[i].value, '\0', sizeof out[i].value) == NULL)
                abort();
        }
        a = b + 1;
    }
    dates_state_free(&st);
    free(text);
    return 0;
}
