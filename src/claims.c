/* claims.c - placeholder until the claim extractor lands: finds nothing. */
#include "claims.h"

#include <stdlib.h>

struct claims {
    int unused;
};
struct claims_state {
    int unused;
};

int claims_new(const char *data_dir, claims **out, char *err, size_t errlen)
{
    (void)data_dir;
    (void)err;
    (void)errlen;
    *out = calloc(1, sizeof **out);
    return *out ? 0 : NERC_ENOMEM;
}

void claims_free(claims *c)
{
    free(c);
}

claims_state *claims_state_new(void)
{
    return calloc(1, sizeof(claims_state));
}

void claims_state_free(claims_state *st)
{
    free(st);
}

int claims_extract(const claims *c, claims_state *st, const sentence *s,
                   const claim_mention *m, size_t nm, claims_emit_fn emit, void *user)
{
    (void)c; (void)st; (void)s; (void)m; (void)nm; (void)emit; (void)user;
    return 0;
}
