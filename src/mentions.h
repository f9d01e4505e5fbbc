/* mentions.h - shaping the resolved mentions of a sentence.
 *
 * After resolve() has chosen one mention per span, three things the guidelines and
 * news style ask for are done here: a person's span starts after titles and ranks
 * ("Lt. Col. X" gives X); an acronym defined in brackets after a name is a mention of
 * its own ("Iranian Revolutionary Guards (IRGC)"); and the document learns the short
 * forms it will use later (the surname of a full name, a bracketed acronym), kept in
 * its doctable. Two more steps shape the merge: before resolve(), a longer name the
 * model read around a list match may replace it (model_extends); after it, places
 * that stand for sports teams become organisations (team_mentions).
 */
#ifndef NERC_MENTIONS_H
#define NERC_MENTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "doctable.h"
#include "resolve.h"
#include "tokenizer.h"

/* Token index range covering bytes [start, end) of the sentence; 0 if none. */
int token_range(const sentence *s, uint32_t start, uint32_t end, uint32_t *first,
                uint32_t *last);

/* Is token i a title or rank word ("President", "Gen", the stop of "Lt.")? */
int is_title_token(const sentence *s, uint32_t i);

/* Move *first past leading titles and ranks, never past last. */
void trim_leading_titles(const sentence *s, uint32_t *first, uint32_t last);

/* Add "( ACRONYM )" mentions after the names in c[0, n) (room for cap); returns the
 * new count, candidates sorted by start. */
size_t add_bracket_acronyms(const sentence *s, candidate *c, size_t n, size_t cap);

/* Place names that stand for sports teams in results lines, fixtures and standings
 * rows ("Pohang 3 Ulsan 2", "Surrey v Kent") become ORG, and stay ORG for the rest of
 * the document (remembered in teams); capitalised words that nothing else covers in
 * those places (or known as teams) are added as ORG (source rule "sports.team"), up
 * to cap candidates. Returns the new count, sorted by start; *err is 0 or
 * NERC_ENOMEM. */
size_t team_mentions(doctable *teams, const sentence *s, candidate *c, size_t n, size_t cap,
                     int *err);

/* The model may read a longer name around a list match: "U.S. Geological Survey"
 * around "U.S.", "Sheffield United" around "Sheffield". Where a model candidate
 * contains list or alias candidates, meets no other candidate, and adds only
 * capitalised non-title words (and small connectors inside), the contained candidates
 * are emptied (end = start) so that resolve() keeps the longer name. Returns how many
 * were emptied. */
size_t model_extends(const sentence *s, candidate *c, size_t n);

/* Record the short forms the sentence defines. Returns 0 or NERC_ENOMEM. */
int learn_aliases(doctable *aliases, const sentence *s, const candidate *c, size_t n);

#endif
