/* fuzz_jsonl - one JSON Lines item as the command reads it (jansson json_loadb, the
 * "text" or "title" string, the "date" field cut to 10 characters) through the
 * pipeline. */
#include <jansson.h>

#include "fuzz_pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_error_t e;
    json_t *obj = json_loadb((const char *)data, size, 0, &e);
    if (!obj)
        return 0;
    if (json_is_object(obj)) {
        json_t *t = json_object_get(obj, "text");
        if (!json_is_string(t))
            t = json_object_get(obj, "title");
        json_t *dt = json_object_get(obj, "date");
        char date[11] = "";
        const char *dd = NULL;
        if (json_is_string(dt) && json_string_length(dt) >= 10) {
            memcpy(date, json_string_value(dt), 10);
            int ok = date[4] == '-' && date[7] == '-';
            for (int i = 0; i < 10; i++)
                if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9'))
                    ok = 0;
            int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
            if (ok && y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 28)
                dd = date;
        }
        if (json_is_string(t)) {
            mrec r = {0};
            /* the string may hold NUL (\u0000): the pipeline takes its full length */
            fz_run(json_string_value(t), json_string_length(t), 0, dd, &r);
            free(r.b);
        }
    }
    json_decref(obj);
    return 0;
}
