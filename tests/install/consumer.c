/* A program built against an installed libnerc: it finds the installed data with
 * no options and prints the mentions of one sentence. */
#include <stdio.h>
#include <string.h>

#include <nerc.h>

static int on_mention(void *user, const nerc_mention *m)
{
    (void)user;
    printf("%s %.*s %s\n", nerc_type_name(m->type), (int)m->text_len, m->text, m->value);
    return 0;
}

int main(void)
{
    nerc_options o = nerc_default_options();
    nerc *ctx;
    char err[512];
    if (nerc_new(&o, &ctx, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    nerc_handler h = {on_mention, NULL, NULL, NULL};
    nerc_doc *doc = nerc_doc_new(ctx, &h, NULL);
    const char *text = "Vladimir Putin met Masoud Pezeshkian in Moscow on January 17, 2025.";
    int rc = doc ? nerc_doc_feed(doc, text, strlen(text)) : -1;
    if (rc == 0)
        rc = nerc_doc_finish(doc);
    nerc_doc_free(doc);
    nerc_free(ctx);
    return rc == 0 ? 0 : 1;
}
