/* fuzz_pipeline - nerc_doc_feed with the shipped data on arbitrary bytes; the input
 * fed whole and in small chunks must give the same mentions and triples. */
#include "fuzz_pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t chunk = 1 + data[0] % 13;
    mrec a = {0}, b = {0};
    fz_run((const char *)data + 1, size - 1, 0, NULL, &a);
    fz_run((const char *)data + 1, size - 1, chunk, NULL, &b);
    if (a.len != b.len || (a.len && memcmp(a.b, b.b, a.len) != 0)) {
        fprintf(stderr, "chunked (%zu) output differs from the whole-buffer output\n", chunk);
        fwrite(a.b, 1, a.len, stderr);
        fprintf(stderr, "----\n");
        fwrite(b.b, 1, b.len, stderr);
        abort();
    }
    free(a.b);
    free(b.b);
    return 0;
}
