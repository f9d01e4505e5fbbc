/* test_claims.c - the claim extractor on sentences written for these tests.
 *
 * Each case runs the real pipeline (shipped gazetteers and models plus
 * tests/data/claims_people.tsv for invented names) on a short text and compares
 * the claim rows of its last sentence, in order, with the expected ones written
 * as "subject|predicate|date|polarity|modality" joined by ";" ("" = no claim).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "nerc.h"

typedef struct collected {
    char rows[4096];   /* claims of the last sentence */
    char attrs[4096];  /* attributes of the last sentence: "subject|predicate|object;" */
    char objects[4096]; /* objects of the claims, ";" joined */
    size_t last_sentence;
} collected;

static int on_triple(void *user, const nerc_triple *t)
{
    collected *c = user;
    if (t->sentence != c->last_sentence) {
        c->rows[0] = c->attrs[0] = c->objects[0] = '\0';
        c->last_sentence = t->sentence;
    }
    char row[1024];
    if (strcmp(t->kind, "claim") == 0) {
        snprintf(row, sizeof row, "%s%s|%s|%s|%s|%s", c->rows[0] ? ";" : "", t->subject,
                 t->predicate, t->date, t->polarity, t->modality);
        strncat(c->rows, row, sizeof c->rows - strlen(c->rows) - 1);
        snprintf(row, sizeof row, "%s%s", c->objects[0] ? ";" : "", t->object);
        strncat(c->objects, row, sizeof c->objects - strlen(c->objects) - 1);
    } else {
        snprintf(row, sizeof row, "%s%s|%s|%s", c->attrs[0] ? ";" : "", t->subject, t->predicate,
                 t->object);
        strncat(c->attrs, row, sizeof c->attrs - strlen(c->attrs) - 1);
    }
    assert_true(t->confidence > 0.0 && t->confidence <= 1.0);
    assert_true(t->start < t->end);
    return 0;
}

static nerc *g_ctx;

/* The shipped data and the test's list of made-up people. */
static nerc_options claims_options(void)
{
    static const char *const gaz[] = {NERC_TEST_DATA_DIR "/claims_people.tsv"};
    nerc_options o = nerc_default_options();
    o.data_dir = NERC_SOURCE_DIR;
    o.gazetteers = gaz;
    o.n_gazetteers = 1;
    return o;
}

static int setup(void **state)
{
    (void)state;
    nerc_options o = claims_options();
    char err[512];
    int rc = nerc_new(&o, &g_ctx, err, sizeof err);
    if (rc < 0)
        fprintf(stderr, "nerc_new: %s\n", err);
    return rc < 0 ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    nerc_free(g_ctx);
    return 0;
}

/* Run text; the collected rows are those of the sentence that produced triples last,
 * so a context sentence before the tested one must yield the same or nothing. */
static void run_in(nerc *ctx, const char *text, collected *c)
{
    memset(c, 0, sizeof *c);
    nerc_handler h = {NULL, on_triple, NULL, c};
    nerc_doc *d = nerc_doc_new(ctx, &h, NULL);
    assert_non_null(d);
    assert_int_equal(nerc_doc_feed(d, text, strlen(text)), 0);
    assert_int_equal(nerc_doc_finish(d), 0);
    nerc_doc_free(d);
}

static void run(const char *text, collected *c)
{
    run_in(g_ctx, text, c);
}

typedef struct tcase {
    const char *text;
    const char *claims;
} tcase;

/* Context sentences use "\n\n" so that they are separate paragraphs. */
static const tcase CASES[] = {
    /* active voice, tenses, auxiliaries */
    {"Marta Kovalenko visited Iran.", "Marta Kovalenko|visit|||"},
    {"Jordan strikes Hamas targets near the border.", "Jordan|strike|||"},
    {"\"We hold the line,\" army spokesman Brig. Gen. Jonas Lindqvist told reporters.",
     "Jonas Lindqvist|tell|||"},
    {"Jordan and Egypt strike Hamas targets.", "Jordan|strike|||;Egypt|strike|||"},
    {"The Arden Treaty sanctions on Vell remain in place.", ""},
    {"An army spokesperson, Lt. Col. Jonas Lindqvist, said the brigade withdrew.",
     "Jonas Lindqvist|say|||"},
    {"The plan includes new border posts, Greek government spokesman Jonas Lindqvist said in 2023.",
     "Jonas Lindqvist|say|2023||"},
    {"Marta Kovalenko and her Greek counterpart Jonas Lindqvist signed the accord in 2022.",
     "Marta Kovalenko|sign|2022||;Jonas Lindqvist|sign|2022||"},
    {"Russia has signed the deal.", "Russia|sign|||"},
    {"Iran had been supplying drones to Russia for years.", "Iran|supply|||"},
    {"France is sending more tanks.", "France|send|||"},
    {"Germany delivered the first batch in May 2021.", "Germany|deliver|2021-05||"},
    {"Japan bought two frigates in 2019.", "Japan|buy|2019||"},
    {"Egypt sold the aircraft to Libya in 2018.", "Egypt|sell|2018||"},
    {"Brazil sent observers to the border.", "Brazil|send|||"},
    {"Ukraine shot down three drones on March 3, 2023.", "Ukraine|shoot down|2023-03-03||"},
    /* the longest form wins; its first word alone is a form of another verb */
    {"Chile carried out strikes on the port in 2020.", "Chile|carry out|2020||"},
    {"Chile carried the wounded to the port in 2020.", "Chile|carry|2020||"},
    {"Peru swore in the new cabinet on May 2, 2021.", "Peru|swear in|2021-05-02||"},
    {"Tomas Brandt won the vote in 2020.", "Tomas Brandt|win|2020||"},
    {"Turkey struck targets in Syria.", "Turkey|strike|||"},
    {"Lena Okafor met Anja Sorensen in Geneva.", "Lena Okafor|meet|||"},
    {"Dario Velasquez led the delegation.", "Dario Velasquez|lead|||"},
    {"The Northern Shield Front has launched a new offensive.", "Northern Shield Front|launch|||"},
    {"Kestrel Dynamics acquired a rival firm in 2022.", "Kestrel Dynamics|acquire|2022||"},
    {"Israel bombed a depot near the border.", "Israel|bomb|||"},
    {"Poland has repeatedly condemned the strikes.", "Poland|condemn|||"},
    {"China quietly approved the merger.", "China|approve|||"},
    {"Tomas Brandt was re-elected in 2016.", "Tomas Brandt|re-elect|2016||"},
    {"India is buying more oil.", "India|buy|||"},
    /* coordination */
    {"Marta Kovalenko and Dario Velasquez signed the accord.",
     "Marta Kovalenko|sign|||;Dario Velasquez|sign|||"},
    {"France, Germany and Italy condemned the attack.",
     "France|condemn|||;Germany|condemn|||;Italy|condemn|||"},
    {"Both Iran and Russia rejected the proposal.", "Iran|reject|||;Russia|reject|||"},
    {"The United States and the United Kingdom struck targets in Yemen.",
     "United States|strike|||;United Kingdom|strike|||"},
    {"In Paris, Anja Sorensen and Tomas Brandt signed the pact.",
     "Anja Sorensen|sign|||;Tomas Brandt|sign|||"},
    /* passive voice */
    {"The treaty was signed by Russia and Iran in 2001.", "Russia|sign|2001||;Iran|sign|2001||"},
    {"The convoy was attacked by the Northern Shield Front.", "Northern Shield Front|attack|||"},
    {"Dario Velasquez was arrested in 2015.", "Dario Velasquez|arrest|2015||"},
    {"The deal has been approved by Egypt.", "Egypt|approve|||"},
    {"Lena Okafor was appointed ambassador in 2010.", "Lena Okafor|appoint|2010||"},
    /* statements: that-clauses, quotes in both orders, according to */
    {"Anja Sorensen said that the talks had failed.", "Anja Sorensen|say|||"},
    {"Tomas Brandt stated that the border would stay closed.", "Tomas Brandt|state|||"},
    {"\"We will respond,\" Dario Velasquez said.", "Dario Velasquez|say|||"},
    {"\"The strikes must stop,\" said Lena Okafor.", "Lena Okafor|say|||"},
    {"Marta Kovalenko warned that Russia would attack the port.", "Marta Kovalenko|warn|||"},
    {"Iran denied that it had supplied the missiles.", "Iran|deny|||"},
    {"According to Kestrel Dynamics, the order was cancelled.", "Kestrel Dynamics|say|||"},
    {"Egypt said on March 3, 2023 that the crossing was open.", "Egypt|say|2023-03-03||"},
    {"Tomas Brandt told reporters that France had sent troops.", "Tomas Brandt|tell|||"},
    {"Anja Sorensen said: \"Nobody attacked the ship.\"", "Anja Sorensen|say|||"},
    {"Turkey recalled its envoy, saying the border was closed.", "Turkey|recall|||;Turkey|say|||"},
    {"Russia launched the missiles, saying that the strike was a warning.",
     "Russia|launch|||;Russia|say|||"},
    /* negation and modality */
    {"Iran did not sign the agreement.", ""},
    {"Russia never supplied the jets.", ""},
    {"China may join the talks.", ""},
    {"Egypt will host the summit in 2026.", ""},
    {"Turkey would not approve the bid.", ""},
    {"India could buy the system.", ""},
    {"Japan won't send troops.", ""},
    {"Brazil should condemn the coup.", ""},
    {"Germany has not delivered the tanks.", ""},
    {"Marta Kovalenko must resign.", ""},
    {"Iran is no longer supplying fuel.", ""},
    /* fronted and trailing dates, several events */
    {"On March 3, 2023, Iran and Iraq signed the accord.", "Iran|sign|2023-03-03||;Iraq|sign|2023-03-03||"},
    {"In May 2021, Egypt hosted the talks.", "Egypt|host|2021-05||"},
    {"Since September 2020, Turkey has bought Russian gas.", "Turkey|buy|2020-09||"},
    {"Israel attacked the port on March 3, 2023.", "Israel|attack|2023-03-03||"},
    {"Russia invaded the region in 2014 and France imposed sanctions in 2015.",
     "Russia|invade|2014||;France|impose|2015||"},
    {"Iran launched drones in April 2024, while Israel struck back in October 2024.",
     "Iran|launch|2024-04||;Israel|strike|2024-10||"},
    {"Since his election in July 2019, Tomas Brandt has visited Iran twice.",
     "Tomas Brandt|elect|2019-07||;Tomas Brandt|visit|||"},
    {"On March 3, 2023, during his visit to Cairo, Dario Velasquez met Lena Okafor.",
     "Dario Velasquez|meet|2023-03-03||"},
    /* nominal events */
    {"Israel's attack on Iran in October 2024 was limited.", "Israel|attack|2024-10||"},
    {"The death of Marta Kovalenko in May 2020 shocked the town.", "Marta Kovalenko|die|2020-05||"},
    {"With help from China, Iran has built a new port.", "China|help|||;Iran|build|||"},
    {"Russia's invasion of Ukraine in 2022 changed everything.", "Russia|invade|2022||"},
    {"Anja Sorensen's visit to Cairo in 2018 ended badly.", "Anja Sorensen|visit|2018||"},
    {"The re-election of Tomas Brandt surprised nobody.", "Tomas Brandt|re-elect|||"},
    {"Egypt's missile production sites are old.", ""},
    /* absolute gerunds and relative clauses */
    {"With Iran supplying the drones, the war dragged on.", "Iran|supply|||"},
    {"The jets that the United States had supplied to Iran are old.", "United States|supply|||"},
    {"The accords that Russia has signed with Belarus in June 2024 are broad.",
     "Russia|sign|2024-06||"},
    {"Kestrel Dynamics, which makes drones, sold the plant.", "Kestrel Dynamics|sell|||"},
    {"Just like Iran, Russia lost an ally.", "Iran|lose|||;Russia|lose|||"},
    /* pronouns and roles */
    {"Tomas Brandt arrived in Rome.\n\nHe said that the talks had failed.", "Tomas Brandt|say|||"},
    {"Israel has shown that it is able to reach the site when on March 3, 2023 it bombed the depot.",
     "Israel|bomb|2023-03-03||"},
    {"The Northern Shield Front attacked the base.\n\nThe group said it would continue.",
     "Northern Shield Front|say|||"},
    {"Egypt's Foreign Minister Lena Okafor spoke first.\n\nThe minister said the deal was fair.",
     "Lena Okafor|say|||"},
    {"The Coastal Defence League (CDL) rejected the plan.", "Coastal Defence League|reject|||"},
    /* no claim: opinions, questions, headlines, generic subjects, prepositional objects */
    {"The plan is a good idea.", ""},
    {"Will Iran sign the treaty?", ""},
    {"Did Russia attack the port in 2022?", ""},
    {"Iran and Russia: a new chapter", ""},
    {"Officials said the talks had failed.", ""},
    {"The army attacked the village.", ""},
    {"The war within Syria had weakened the army.", ""},
    {"Many analysts believe the deal is fragile.", ""},
    {"The signed agreement covers energy.", ""},
    {"The HTS-led administration in Damascus may not stay friendly.", ""},
    {"A lot will depend on how the talks go.", ""},
    {"The strikes were described as limited.", ""},
    /* news verbs of the lexicon (irregular forms too) */
    {"Portugal chose the frigate in 2019.", "Portugal|choose|2019||"},
    {"Chile froze the accounts of the firm.", "Chile|freeze|||"},
    {"Marta Kovalenko oversaw the count.", "Marta Kovalenko|oversee|||"},
    {"Peru and Chile abstained.", "Peru|abstain|||;Chile|abstain|||"},
    {"Norway kept its embassy open.", "Norway|keep|||"},
    {"Kestrel Dynamics was named supplier on June 2, 2021.", "Kestrel Dynamics|name|2021-06-02||"},
    {"Russia and Iran found themselves isolated.", ""},
    /* titles between coordinated names, lists with an apposition, `by ... and the` */
    {"Tomas Brandt and Greek Prime Minister Dario Velasquez shook hands.",
     "Tomas Brandt|shake|||;Dario Velasquez|shake|||"},
    {"Lena Okafor and Secretary of State Anja Sorensen insisted the border stay shut.",
     "Lena Okafor|insist|||;Anja Sorensen|insist|||"},
    {"Spain, Italy and Greece, the southern trio, blocked the plan.",
     "Spain|block|||;Italy|block|||;Greece|block|||"},
    {"The truce was mediated by Oman, Jordan and the United States.",
     "Oman|mediate|||;Jordan|mediate|||;United States|mediate|||"},
    {"The pact was signed by Chilean President Tomas Brandt on May 4, 2019.",
     "Tomas Brandt|sign|2019-05-04||"},
    /* ranks, participle and relative clauses between subject and verb */
    {"The navy chief, Admiral Dario Velasquez, ordered the blockade.", "Dario Velasquez|order|||"},
    {"Tomas Brandt, speaking in Rome, called the vote a fraud.", "Tomas Brandt|call|||"},
    {"Secretary of State Lena Okafor, who toured the region, said on May 3, 2022 that the talks had stalled.",
     "Lena Okafor|tour|||;Lena Okafor|say|2022-05-03||"},
    {"Anja Sorensen, whose party lost the vote, accused Chile of fraud.", "Anja Sorensen|accuse|||"},
    {"Dario Velasquez, known as El Halcon, signed the accord in 2021.",
     "Dario Velasquez|sign|2021||"},
    /* fronted dates without a comma; a date between subject and verb */
    {"In March 2021 the Northern Shield Front seized the port.", "Northern Shield Front|seize|2021-03||"},
    {"The Coastal Defence League on May 2, 2020 adopted a charter.",
     "Coastal Defence League|adopt|2020-05-02||"},
    /* a dateline gives the filing date, not the date of the events */
    {"OSLO, May 7, 2023 (Reuters) - Norway expelled two diplomats.", "Norway|expel|||"},
    /* one verb per clause; verbs joined by commas; `when` shares a date */
    {"Chile froze the talks in 2019, and Peru has since bought the jets.", "Chile|freeze|2019||;Peru|buy|||"},
    {"Peru blamed the rebels, closed the border on May 2, 2021 and expelled the envoy.",
     "Peru|blame|||;Peru|close|2021-05-02||;Peru|expel|||"},
    {"Peru and Chile signed the pact when Tomas Brandt visited Lima on June 3, 2020.",
     "Peru|sign|2020-06-03||;Chile|sign|2020-06-03||;Tomas Brandt|visit|2020-06-03||"},
    {"Tomas Brandt met Anja Sorensen in Lima, Peru, on June 3, 2020.", "Tomas Brandt|meet|2020-06-03||"},
    /* a list or an apposition does not end the clause; a participle or an apposition
     * holding the date does, and "since" starts a duration */
    {"Chile lifted restrictions on energy, transport and banking in March 2021.",
     "Chile|lift|2021-03||"},
    {"Peru announced Operation Tidewater, a naval patrol, on June 3, 2020.",
     "Peru|announce|2020-06-03||"},
    {"Chile added funds to its reserves, increasing them to a record as of June 3, 2020.",
     "Chile|add|||"},
    {"Peru sold the port, worth a fortune in 2019, for half that.", "Peru|sell|||"},
    {"Chile sold the port, its first sale since 2019.", "Chile|sell|||"},
    /* a participle after a comma describes the reported words; it is no second verb */
    {"Peru said the seven, arrested in Lima on May 2, 2021, had funded the rebels.",
     "Peru|say|||"},
    /* a statement's words may open with the preposition of its verb */
    {"Peru warned against any change to the border in 2021.", "Peru|warn|2021||"},
    {"Chile said on May 2, 2021.", ""},
    /* "before", "after", "until" also join a clause with its own subject */
    {"Chile cut tariffs after Peru and Bolivia signed the pact in May 2021.",
     "Chile|cut|||;Peru|sign|2021-05||;Bolivia|sign|2021-05||"},
    /* dates that do not place the event */
    {"Peru says the 1994 Treaty of Lindenfeld lapsed.", "Peru|say|||"},
    {"Chile pledged to cut emissions by 2030.", "Chile|pledge|||"},
    {"Chile earned $2 billion, up 18% from $1.69 billion a year earlier.", "Chile|earn|||"},
    {"Peru removed Chile from the F-35 programme in July 2019.", "Peru|remove|2019-07||"},
    {"Peru began shelling the port on May 2, 2021.", "Peru|begin|||;Peru|shell|2021-05-02||"},
    {"Peru blamed Chile-based rebels, closed the border and recalled its envoy.",
     "Peru|blame|||;Peru|close|||;Peru|recall|||"},
};

static void test_cases(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        collected c;
        run(CASES[i].text, &c);
        if (strcmp(c.rows, CASES[i].claims) != 0) {
            fprintf(stderr, "case %zu: %s\n  expected: %s\n  got:      %s\n", i, CASES[i].text,
                    CASES[i].claims, c.rows);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

static void test_case_count(void **state)
{
    (void)state;
    assert_true(sizeof CASES / sizeof CASES[0] >= 80);
}

/* Objects: the words acted on, and the reported words of a statement. */
static void test_objects(void **state)
{
    (void)state;
    collected c;
    run("Israel's attack on Iran in October 2024 was limited.", &c);
    assert_string_equal(c.objects, "Iran");
    run("Anja Sorensen said that the talks had failed.", &c);
    assert_string_equal(c.objects, "the talks had failed");
    run("\"We will respond,\" Dario Velasquez said.", &c);
    assert_string_equal(c.objects, "We will respond");
    run("Tomas Brandt stated that \"the border stays closed.\"", &c);
    assert_string_equal(c.objects, "the border stays closed");
    run("Egypt sold the aircraft to Libya in 2018.", &c);
    assert_string_equal(c.objects, "the aircraft to Libya");
}

/* Statements do not yield the events they report. */
static void test_reported_events(void **state)
{
    (void)state;
    collected c;
    run("Marta Kovalenko believes that Russia will attack the port.", &c);
    assert_string_equal(c.rows, "Marta Kovalenko|believe|||");
    run("Dario Velasquez said \"Iran attacked the ship\" on Monday.", &c);
    assert_string_equal(c.rows, "Dario Velasquez|say|XXXX-WXX-1||");
    /* the reported clause first, the speaker after the comma */
    run("Iran will retaliate soon, Marta Kovalenko said on May 3, 2024.", &c);
    assert_string_equal(c.rows, "Marta Kovalenko|say|2024-05-03||");
    /* a time phrase after the verb is no statement; the quote before is */
    run("\"The strikes were a mistake,\" Tomas Brandt said that evening.", &c);
    assert_string_equal(c.objects, "The strikes were a mistake");
    /* a thing takes effect; the pair after "between" is no subject */
    run("A truce between Israel and Hamas took effect on May 2, 2023.", &c);
    assert_string_equal(c.rows, "");
    /* hope needs a clause or an infinitive */
    run("Egypt has long hoped for more aid.", &c);
    assert_string_equal(c.rows, "");
    /* coordinated verbs share the subject */
    run("Chile condemned the raid and expelled the ambassador.", &c);
    assert_string_equal(c.rows, "Chile|condemn|||;Chile|expel|||");
}

/* Attribute triples from titles and appositions. */
static void test_attributes(void **state)
{
    (void)state;
    collected c;
    run("Egypt's Foreign Minister Lena Okafor arrived.", &c);
    assert_string_equal(c.attrs, "Lena Okafor|role|Foreign Minister of Egypt");
    run("The talks stalled, said Iran's ambassador to Russia, Dario Velasquez.", &c);
    assert_string_equal(c.attrs, "Dario Velasquez|role|ambassador of Iran to Russia");
    run("Anja Sorensen is Research Assistant at the Harbor Institute, Eastbridge University.", &c);
    assert_string_equal(c.attrs,
                        "Anja Sorensen|role|Research Assistant;Anja Sorensen|affiliation|Eastbridge University");
    run("Tomas Brandt, the defence minister of Norway, resigned in 2021.", &c);
    assert_string_equal(c.attrs, "Tomas Brandt|role|the defence minister of Norway");
    assert_string_equal(c.rows, "Tomas Brandt|resign|2021||");
}

/* With keep_unresolved, a pronoun or role that names no one earlier is the subject
 * as written; "it" is no speaker. */
static void test_unresolved_subjects(void **state)
{
    (void)state;
    nerc_options o = claims_options();
    o.keep_unresolved = 1;
    nerc *ctx = NULL;
    char err[512];
    assert_int_equal(nerc_new(&o, &ctx, err, sizeof err), 0);
    collected c;
    run_in(ctx, "He said that the talks had failed.", &c);
    assert_string_equal(c.rows, "he|say|||");
    run_in(ctx, "The minister said the border would reopen.", &c);
    assert_string_equal(c.rows, "the minister|say|||");
    run_in(ctx, "We rejected the plan in 2020.", &c);
    assert_string_equal(c.rows, "we|reject|2020||");
    run_in(ctx, "It rejected the plan in 2020.", &c);
    assert_string_equal(c.rows, "");
    nerc_free(ctx);
    /* without the option the unresolved claims are dropped */
    run("He said that the talks had failed.", &c);
    assert_string_equal(c.rows, "");
}

/* Chunked input gives the same rows as one buffer. */
static void test_chunking(void **state)
{
    (void)state;
    const char *text = "On March 3, 2023, Iran and Iraq signed the accord. Egypt will host the summit.";
    collected whole, parts;
    run(text, &whole);
    memset(&parts, 0, sizeof parts);
    nerc_handler h = {NULL, on_triple, NULL, &parts};
    nerc_doc *d = nerc_doc_new(g_ctx, &h, NULL);
    assert_non_null(d);
    for (size_t i = 0; text[i]; i++)
        assert_int_equal(nerc_doc_feed(d, text + i, 1), 0);
    assert_int_equal(nerc_doc_finish(d), 0);
    nerc_doc_free(d);
    assert_string_equal(whole.rows, parts.rows);
}

/* A malformed lexicon is reported with its file and line. */
static void test_bad_lexicon(void **state)
{
    (void)state;
    char dir[] = "/tmp/nerc_claims_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    snprintf(path, sizeof path, "%s/gazetteers", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/models", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/models/predicates.tsv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("# comment\nsign\tevent\tsign\n", f);
    fclose(f);
    nerc_options o = nerc_default_options();
    o.data_dir = dir;
    o.no_model = 1;
    nerc *ctx = NULL;
    char err[512];
    assert_int_equal(nerc_new(&o, &ctx, err, sizeof err), NERC_EFORMAT);
    assert_non_null(strstr(err, "predicates.tsv:2:"));
    remove(path);
    snprintf(path, sizeof path, "%s/models", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/gazetteers", dir);
    rmdir(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case_count),   cmocka_unit_test(test_cases),
        cmocka_unit_test(test_objects),      cmocka_unit_test(test_reported_events),
        cmocka_unit_test(test_attributes),   cmocka_unit_test(test_chunking),
        cmocka_unit_test(test_bad_lexicon),  cmocka_unit_test(test_unresolved_subjects),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
