/* cli.h - the nerc command's run: inputs to documents, documents to rows. */
#ifndef NERC_CLI_H
#define NERC_CLI_H

#include <stddef.h>

#include "nerc.h"

typedef enum { EMIT_TRIPLES, EMIT_MENTIONS, EMIT_ENTITIES } emit_kind;
typedef enum { INPUT_TEXT, INPUT_JSONL, INPUT_RSS } input_kind;
typedef enum { SPLIT_NONE, SPLIT_BLANK, SPLIT_FORMFEED, SPLIT_LINE } split_mode;

typedef struct cli_options {
    nerc_options lib;
    const char **gazetteers, **rules; /* owned arrays of borrowed strings */
    size_t n_gazetteers, n_rules;
    emit_kind emit;
    input_kind input;
    split_mode split;
    const char *output;     /* NULL: stdout */
    const char *include;    /* glob for files inside directories */
    const char *doc_date;
    const char *field_id, *field_date, *field_title, *field_text;
    unsigned writer_flags;  /* WRITER_* */
    int no_header, quiet, stats, jobs;
    const char *const *inputs;
    size_t n_inputs;
} cli_options;

void cli_options_init(cli_options *o);
void cli_options_free(cli_options *o);
int cli_set_emit(cli_options *o, const char *s);
int cli_set_field(cli_options *o, const char *s);
int cli_set_split(cli_options *o, const char *s);
int cli_valid_date(const char *s);
int cli_push(const char ***list, size_t *n, const char *s);

/* Run: returns the exit status (0, 1 some input failed, 2 setup failed). */
int cli_run(cli_options *o);

#endif
