/* test_dates.c - DATE recognition and normalisation, as a table of cases.
 *
 * Each case: a document date ("" = none), a text scanned in one call, and the
 * expected mentions as "span=value" joined by '|' ("" = no DATE at all). The
 * sentences are written for these tests. Relative cases mostly use the document
 * date 2024-10-23, a Wednesday in ISO week 2024-W43.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dates.h"
#include "nerc.h"

typedef struct date_case {
    const char *doc_date;
    const char *text;
    const char *expect;
} date_case;

#define D "2024-10-23"

static const date_case cases[] = {
    /* Full dates, every common order and form. */
    {"", "The accord was signed on January 17, 2025, in the capital.", "January 17, 2025=2025-01-17"},
    {"", "Ministers met on Jan. 17, 2025 to review it.", "Jan. 17, 2025=2025-01-17"},
    {"", "They met again on 17 January 2025.", "17 January 2025=2025-01-17"},
    {"", "The vote took place on 3 March, 2021.", "3 March, 2021=2021-03-03"},
    {"", "It opened Friday, January 17, 2025, after delays.", "Friday, January 17, 2025=2025-01-17"},
    {"", "Parliament approved it on 2025-01-17.", "2025-01-17=2025-01-17"},
    {"", "The file is dated 2023/11/05 in the archive.", "2023/11/05=2023-11-05"},
    {"", "Filed 17/01/2025 with the registry.", "17/01/2025=2025-01-17"},
    {"", "Filed 01/17/2025 with the registry.", "01/17/2025=2025-01-17"},
    {"", "Filed 03/04/2025 with the registry.", "03/04/2025=2025-03-04"},
    {"", "The form showed 7/8/07 as the start.", "7/8/07=2007-07-08"},
    {"", "A notice dated 25.12.2023 was posted.", "25.12.2023=2023-12-25"},
    {"", "The second round was held on Sept. 8, 1998.", "Sept. 8, 1998=1998-09-08"},
    {"", "He was born on December 2, 1956, in a small town.", "December 2, 1956=1956-12-02"},
    {"", "The summit closed on March 12 2009 with a statement.", "March 12 2009=2009-03-12"},
    {"", "They returned on Tuesday, 4 June 2024.", "Tuesday, 4 June 2024=2024-06-04"},
    {"", "Trading resumed on October 06, 2008.", "October 06, 2008=2008-10-06"},
    {"", "The draft was finished on 1st October 2023.", "1st October 2023=2023-10-01"},
    {"", "Talks began on the 1st of October 2023.", "1st of October 2023=2023-10-01"},
    {"", "Talks ended on October 21st, 2023.", "October 21st, 2023=2023-10-21"},
    {"", "The deadline was 29 February 2024.", "29 February 2024=2024-02-29"},
    {"", "In a 2019-05-30T10:00 log line", "2019-05-30=2019-05-30"},

    /* Days without a year: from the document date, or from the text. */
    {D, "The envoy arrived on Oct. 20 for two days of talks.", "Oct. 20=2024-10-20"},
    {D, "The envoy left on September 30.", "September 30=2024-09-30"},
    {D, "The ceasefire began on 1st October.", "1st October=2024-10-01"},
    {D, "The ceasefire began on October 1st.", "October 1st=2024-10-01"},
    {D, "The ceasefire began on the 1st of October.", "1st of October=2024-10-01"},
    {D, "Elections will be held on November 5.", "November 5=2024-11-05"},
    {D, "The trial opened on March 3.", "March 3=2024-03-03"},
    {"", "Talks were held on January 20.", "January 20=XXXX-01-20"},
    {"", "The pact of May 2023 was renewed on June 4.", "May 2023=2023-05|June 4=2023-06-04"},
    {"", "The strike on October 26, 2024 answered the attack on 1st October of the same year.",
     "October 26, 2024=2024-10-26|1st October of the same year=2024-10-01"},
    {"", "The talks of 2019 resumed in March of the same year.", "2019=2019|March of the same year=2019-03"},
    /* Without a document date, deictic words resolve against the latest dated event,
     * even one named later in the same sentence; a bare historical year does not count. */
    {"", "Troops moved on Tuesday, a week after the truce of November 27, 2024.",
     "Tuesday=2024-11-26|November 27, 2024=2024-11-27"},
    /* A year naming a thing or bounding a period does not anchor a later month. */
    {"", "Talks began in March 2025. The 2015 accord was dead by August 28.",
     "March 2025=2025-03|2015=2015|August 28=2025-08-28"},
    {"", "The summit in May 2025 was the first since 2021, and in June they met again.",
     "May 2025=2025-05|2021=2021|June=2025-06"},
    {"", "Funding runs to March 2025 and grows by 2035; in June the board met.",
     "March 2025=2025-03|2035=2035|June=2025-06"},
    {"", "In 2019 the army withdrew, and in March it returned.", "2019=2019|March=2019-03"},
    {"", "The truce began on November 27, 2024 under a plan adopted in 2006, and talks resumed last month.",
     "November 27, 2024=2024-11-27|2006=2006|last month=2024-10"},
    {"", "The plan from 2020 took effect on 5 May of the following year.", "2020=2020|5 May of the following year=2021-05-05"},
    {D, "Prices rose on May 3 last year.", "May 3 last year=2023-05-03"},

    /* Ranges of days. */
    {D, "The fair runs October 22-24 in the old town.", "October 22-24=2024-10-22/2024-10-24"},
    {"", "The forum runs 22-24 October 2024 in the port.", "22-24 October 2024=2024-10-22/2024-10-24"},
    {"", "Talks were held from March 3 to 5, 2022.", "March 3 to 5, 2022=2022-03-03/2022-03-05"},

    /* Month and year. */
    {"", "He was elected in July 2024 after a short race.", "July 2024=2024-07"},
    {"", "The law passed in Jul. 2024 by a wide margin.", "Jul. 2024=2024-07"},
    {"", "Since September 2024, the policy has changed.", "September 2024=2024-09"},
    {"", "The talks stalled in October, 2023 and resumed later.", "October, 2023=2023-10"},
    {"", "It was first proposed in February of 2019.", "February of 2019=2019-02"},
    {"", "Output fell sharply in early March 2020.", "early March 2020=2020-03"},
    {"", "The line reopened in late November 2022.", "late November 2022=2022-11"},
    {"", "Exports peaked in mid-June 2021.", "mid-June 2021=2021-06"},

    /* A month alone takes its year from the document date or the text. */
    {"", "The attack came in October 2024. He repeated the warning in December.", "October 2024=2024-10|December=2024-12"},
    {"", "He repeated the warning in December.", "December=XXXX-12"},
    {D, "He repeated the warning in December.", "December=2024-12"},
    {D, "The index fell in March and again in August.", "March=2024-03|August=2024-08"},
    {D, "The budget was approved last July.", "last July=2024-07"},
    {D, "The reform starts next March.", "next March=2025-03"},
    {D, "They plan to meet again in January next year.", "January next year=2025-01"},
    {D, "The plant closed in June last year.", "June last year=2023-06"},
    {D, "Sales in September were weak.", "September=2024-09"},
    {"", "The deal of 2001 was revised in April.", "2001=2001|April=2001-04"},

    /* Seasons. */
    {"", "The offensive began in summer 2024.", "summer 2024=2024-SU"},
    {"", "It was delayed to the spring of 2025.", "spring of 2025=2025-SP"},
    {D, "Fighting eased last spring.", "last spring=2023-SP"},
    {D, "Supplies may run short this winter.", "this winter=2024-WI"},
    {D, "Turnout was low in the autumn.", "autumn=2024-FA"},
    {D, "The river levels fall every year.", ""},
    {D, "The fall of the old regime surprised many.", ""},
    {"", "Protests swept the region during the Arab Spring.", ""},
    {"", "Athletes arrived for the Summer Olympics.", ""},

    /* Bare years, with and without cues. */
    {"", "The two states signed a treaty in 2001.", "2001=2001"},
    {"", "The 2001 treaty was replaced.", "2001=2001"},
    {"", "The policy has been in place since 2001.", "2001=2001"},
    {"", "The target is to be met by 2030.", "2030=2030"},
    {"", "Critics said 2024's budget was too small.", "2024=2024"},
    {"", "The 2025 agreement has 47 articles.", "2025=2025"},
    {"", "The old text had 21 articles and the new one 2001 articles.", ""},
    {"", "Some 2,000 troops were moved to the border.", ""},
    {"", "The convoy covered 1500 km in two days.", ""},
    {"", "About 2000 troops were deployed.", ""},
    {"", "Nearly 1999 people signed the petition.", ""},
    {"", "The drones flew 2000 kilometres.", ""},
    {"", "The council adopted Resolution 2231 unanimously.", ""},
    {"", "Flight 1907 landed safely.", ""},
    {"", "Call 555 2024 for details.", ""},
    {"", "The price was $2024 per unit.", ""},
    {"", "Growth reached 2019% in the model, an obvious error.", ""},
    {"", "The fort was built in 1848.", "1848=1848"},
    {"", "The castle has 1848 rooms.", ""},
    {"", "The reforms of 2019-2021 were reversed.", "2019-2021=2019/2021"},
    {"", "The 1990-91 season was the best.", "1990-91=1990/1991"},
    {"", "From 2001 to 2005 the economy grew.", "2001=2001|2005=2005"},
    {"", "In fiscal 1989 the firm lost money.", "fiscal 1989=1989"},
    {"", "Growth slowed in mid-2011.", "mid-2011=2011"},
    {"", "Growth slowed in early 2009 and recovered in late 2010.", "early 2009=2009|late 2010=2010"},
    {"", "The post-1945 order is under strain.", "post-1945=1945"},
    {"", "The MiG-29 and Su-35 jets are old.", ""},
    {"", "The 2020 elections were close.", "2020=2020"},
    {"", "The report came out at the end of 1994.", "the end of 1994=1994"},

    /* Decades and centuries. */
    {"", "Except for jets bought in early 1990s, the fleet is old.", "early 1990s=199X"},
    {"", "Relations were frozen in the 1990s.", "1990s=199X"},
    {"", "Phones spread in the 2000s.", "2000s=200X"},
    {"", "The 1980-88 war left deep scars.", "1980-88=1980/1988"},
    {"", "That was a hit in the '80s.", "'80s=198X"},
    {"", "Prices doubled in the late 1970s.", "late 1970s=197X"},
    {"", "Growth returned in the mid-1990s.", "mid-1990s=199X"},
    {"", "The town grew in the 20th century.", "20th century=19"},
    {"", "It was rebuilt in the nineteenth century.", "nineteenth century=18"},
    {"", "He is in his 80s and still works.", ""},
    {"", "Temperatures were in the 90s all week.", "90s=199X"},

    /* Weekdays against the document date (Wednesday 2024-10-23). */
    {D, "The minister spoke on Friday.", "Friday=2024-10-18"},
    {D, "Rebels attacked the town Monday.", "Monday=2024-10-21"},
    {D, "The talks ended Wednesday.", "Wednesday=2024-10-23"},
    {D, "The ministers will meet on Friday.", "Friday=2024-10-25"},
    {D, "The vote is scheduled for Monday.", "Monday=2024-10-28"},
    {D, "He resigned last Friday.", "last Friday=2024-10-18"},
    {D, "They meet again next Tuesday.", "next Tuesday=2024-10-29"},
    {D, "She left on Sunday morning.", "Sunday morning=2024-10-20"},
    {D, "Markets crashed on Black Monday years ago.", ""},
    {D, "Services were held on Good Friday.", ""},
    {D, "He spoke Thursday and Friday.", "Thursday=2024-10-17|Friday=2024-10-18"},
    {"", "The minister spoke on Friday.", "Friday=XXXX-WXX-5"},
    {D, "Fridays are quiet in the capital.", ""},
    {D, "The Sunday Times reported the deal.", ""},
    {D, "Iran Monday rejected the offer.", "Monday=2024-10-21"},

    /* Deictic words. */
    {D, "The court ruled today.", "today=2024-10-23"},
    {D, "The court ruled yesterday.", "yesterday=2024-10-22"},
    {D, "The court rules tomorrow.", "tomorrow=2024-10-24"},
    {D, "He will speak tonight.", "tonight=2024-10-23"},
    {D, "Today the court ruled.", "Today=2024-10-23"},
    {D, "Earlier today the court ruled.", "Earlier today=2024-10-23"},
    {D, "The story ran in USA Today last year.", "last year=2023"},
    {"", "The court ruled today.", "today=XXXX-XX-XX"},
    {"", "The ruling of March 3, 2022 was appealed. The court heard it today.", "March 3, 2022=2022-03-03|today=2022-03-03"},

    /* Relative units. */
    {D, "Prices rose this week.", "this week=2024-W43"},
    {D, "Prices rose last week.", "last week=2024-W42"},
    {D, "Prices may rise next week.", "next week=2024-W44"},
    {D, "Output fell this month.", "this month=2024-10"},
    {D, "Output fell last month.", "last month=2024-09"},
    {D, "Output will recover next month.", "next month=2024-11"},
    {D, "Output fell this year.", "this year=2024"},
    {D, "Output fell last year.", "last year=2023"},
    {D, "Output will recover next year.", "next year=2025"},
    {D, "He said so earlier this month.", "earlier this month=2024-10"},
    {D, "A decision is due later this year.", "later this year=2024"},
    {D, "The talks may resume early next year.", "early next year=2025"},
    {D, "The fair is held this weekend.", "this weekend=2024-W43-WE"},
    {D, "Clashes broke out over the weekend.", "the weekend=2024-W42-WE"},
    {D, "Profits grew last quarter.", "last quarter=2024-Q3"},
    {"", "Output fell last year.", "last year=XXXX"},
    {"", "The plant opened in May 2020. Output doubled the same year.", "May 2020=2020-05|the same year=2020"},
    {"", "The plant opened in May 2020. Output doubled that year.", "May 2020=2020-05|that year=2020"},
    {"", "The plant opened in May 2020. It closed the following year.", "May 2020=2020-05|the following year=2021"},
    {"", "The plant opened in May 2020. Output fell the same month.", "May 2020=2020-05|the same month=2020-05"},
    {"", "The treaty was signed on 5 June 2023. The next day it was published.", "5 June 2023=2023-06-05|The next day=2023-06-06"},
    {"", "Output fell the same year.", ""},
    {D, "Unemployment rose over the next year.", ""},
    {D, "Prices have risen in the last year.", ""},

    /* Ago / earlier / later. */
    {D, "The war began two years ago.", "two years ago=2022"},
    {D, "The law passed three days ago.", "three days ago=2024-10-20"},
    {D, "The plant closed five months ago.", "five months ago=2024-05"},
    {D, "The order was placed a week ago.", "a week ago=2024-W42"},
    {"", "The plant opened in 2010. A year earlier, the site was empty.", "2010=2010|A year earlier=2009"},
    {"", "The firm was founded in 1990 and listed 10 years later.", "1990=1990|10 years later=2000"},

    /* Quarters and halves. */
    {D, "Profits rose in the third quarter.", "third quarter=2024-Q3"},
    {D, "Third-quarter profits rose.", "Third-quarter=2024-Q3"},
    {"", "Sales fell in the first quarter of 2023.", "first quarter of 2023=2023-Q1"},
    {"", "Sales fell in Q2 2024.", "Q2 2024=2024-Q2"},
    {"", "Sales fell in the second half of 2022.", "the second half of 2022=2022-H2"},
    {"2024-02-10", "Profits rose in the fourth quarter.", "fourth quarter=2023-Q4"},

    /* Holidays. */
    {D, "Shops close on Christmas Day.", "Christmas Day=2024-12-25"},
    {"", "Shops closed on New Year's Day 2020.", "New Year's Day 2020=2020-01-01"},
    {"2023-11-01", "Turkeys sell out before Thanksgiving.", "Thanksgiving=2023-11-23"},

    /* Not dates: durations, vague spans, clock times, counts, names. */
    {"", "The treaty will be valid for twenty years.", ""},
    {"", "It renews for five-year periods.", ""},
    {"", "The war lasted three years.", ""},
    {"", "He was held for 10 days.", ""},
    {"", "Trade has grown in recent years.", ""},
    {"", "Ties deepened over the past decade.", ""},
    {"", "In the past year the country lost two allies.", ""},
    {"", "The meeting started at 10:30 and ended at 3 p.m.", ""},
    {"", "The index closed at 9,000 points.", ""},
    {"", "Call +1 202 555 0147 for details.", ""},
    {"", "The vote was 47 to 12.", ""},
    {"", "Theresa May met the envoy.", ""},
    {"", "You may need a visa.", ""},
    /* the cue scan: a verb "may", a month "May"; a unit word alone is no date */
    {"", "Officials may meet in May 2025 or march in March 2025.", "May 2025=2025-05|March 2025=2025-03"},
    {D, "The day after the vote, the week ended with a half measure that year.", "that year=2024"},
    {"", "Q3 2024 results beat the 2Q forecast.", "Q3 2024=2024-Q3"},
    {"", "May I ask a question?", ""},
    {"", "April Ryan asked the question.", ""},
    {"", "The protesters march on the capital.", ""},
    {"", "Troops will march in the parade.", ""},
    {"", "The ratio was 3/4 of the total.", ""},
    {"", "Version 1.2.24 fixed the bug.", ""},
    {"", "The case number is 12-34-5678.", ""},
    {"", "Article 3 (3) repeats article 3 of the old treaty.", ""},
    {"", "The Shahed 136 and the Fath-360 are drones.", ""},
    {"", "Nothing happened now.", ""},
    {"", "The report covers the period from now on.", ""},
    {"", "", ""},
    {"", "\xe2\x80\x9cMay\xe2\x80\x9d \xc3\xa9t\xc3\xa9 1999\xe2\x80\x99s \xd0\x9c\xd0\xb0\xd0\xb9 2001.", "1999=1999|2001=2001"},

    /* Mixed sentences. */
    {"", "Since his election in July 2024, he has visited Moscow twice, most recently on January 17, 2025.",
     "July 2024=2024-07|January 17, 2025=2025-01-17"},
    {"", "The 2001 and 2025 treaties differ in scope.", "2001=2001|2025=2025"},
    {"", "Between 1998 and 2003 the two sides met 40 times.", "1998=1998|2003=2003"},
    {D, "On Monday, October 21, officials said the talks would resume in November.",
     "Monday, October 21=2024-10-21|November=2024-11"},
    {"", "By March 2022, the army had lost 1200 tanks.", "March 2022=2022-03"},
    {"", "On October 7, 1,200 people were killed.", "October 7=XXXX-10-07"},
    {"", "The 1979 revolution changed the country.", "1979=1979"},
    {"", "Output fell last month.", "last month=XXXX-XX"},
    {"", "On June 5, 1500 protesters gathered in the square.", "June 5=XXXX-06-05"},
    {D, "In 2023, exports grew; in 2024 they fell, and next year they may recover.",
     "2023=2023|2024=2024|next year=2025"},

    /* Each rule's longest optional prefix before its anchor word, after other words:
     * a rule's search starts that many white-space gaps before the anchor. */
    {D, "Officials said The first half of - 1990 was calm.", "The first half of - 1990=1990-H1"},
    {D, "Officials said the latter half of - May 2024 was calm.",
     "the latter half of - May 2024=2024-05"},
    {D, "Officials said the same 2024 fiscal first quarter was calm.",
     "the same 2024 fiscal first quarter=2024-Q1"},
    {D, "Officials said the first half of - last spring was calm.",
     "the first half of - last spring=2023-SP"},
    {D, "Officials said the latter half of - twenty first century was calm.",
     "the latter half of - twenty first century=20"},
    {D, "Officials said The latter half of - last May was calm.", "The latter half of - last May=2024-05"},
    {D, "Officials said on Friday, the 5 May it was calm.", "Friday, the 5 May=2024-05-05"},
    {D, "Officials said on Friday, May 5 it was calm.", "Friday, May 5=2024-05-05"},
    {D, "Officials said the end of last year was calm.", "the end of last year=2023"},
    {D, "Officials said The end of last weekend was calm.", "The end of last weekend=2024-W42-WE"},
    {D, "Officials said next New Year's Day was calm.", "next New Year's Day=2025-01-01"},
    {D, "Officials said the day before yesterday was calm.", "the day before yesterday=2024-10-21"},
    {D, "Officials said in 2020 and the following year it was calm.",
     "2020=2020|the following year=2021"},
    {D, "Officials said two years ago it was calm.", "two years ago=2022"},
    {D, "Officials said in the first half of - 1990s it was calm.", "the first half of - 1990s=199X"},
    {D, "Officials said in fiscal year 2024 it was calm.", "fiscal year 2024=2024"},
    {D, "Officials said 2024 Q1 was calm.", "2024 Q1=2024-Q1"},
    {D, "Officials said last Friday was calm.", "last Friday=2024-10-18"},
};

/* Compare the spans found in c->text with c->expect; report and count mismatches. */
static int check_case(const dates *d, const date_case *c)
{
    date_ymd dd, *ddp = NULL;
    if (c->doc_date[0]) {
        assert_int_equal(date_parse_iso(c->doc_date, &dd), 0);
        ddp = &dd;
    }
    dates_state st;
    assert_int_equal(dates_state_init(&st, d, ddp), 0);
    date_span spans[16];
    int n = dates_scan(d, &st, c->text, strlen(c->text), spans, 16);
    dates_state_free(&st);
    assert_true(n >= 0 && n <= 16);

    char got[1024] = "";
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        int w = snprintf(got + k, sizeof got - k, "%s%.*s=%s", i ? "|" : "",
                         (int)(spans[i].end - spans[i].start), c->text + spans[i].start, spans[i].value);
        if (w < 0 || (size_t)w >= sizeof got - k)
            break;
        k += (size_t)w;
    }
    if (strcmp(got, c->expect) != 0) {
        print_error("case [%s] \"%s\"\n   expected: %s\n   got:      %s\n", c->doc_date, c->text, c->expect, got);
        return 1;
    }
    return 0;
}

static int setup(void **state)
{
    dates *d;
    char err[256];
    if (dates_new(&d, 0, err, sizeof err) != 0) {
        print_error("dates_new: %s\n", err);
        return -1;
    }
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    dates_free(*state);
    return 0;
}

static void test_table(void **state)
{
    const dates *d = *state;
    size_t n = sizeof cases / sizeof cases[0];
    int bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += check_case(d, &cases[i]);
    if (bad)
        print_error("%d of %zu cases failed\n", bad, n);
    assert_true(n >= 160);
    assert_int_equal(bad, 0);
}

/* st->last carries across calls: one sentence per call, in reading order. */
static void test_state_across_calls(void **state)
{
    const dates *d = *state;
    dates_state st;
    assert_int_equal(dates_state_init(&st, d, NULL), 0);
    date_span sp[4];
    const char *s1 = "The strike came on October 26, 2024.";
    const char *s2 = "A second one followed in December.";
    const char *s3 = "The first had been on 1st October of the same year.";
    assert_int_equal(dates_scan(d, &st, s1, strlen(s1), sp, 4), 1);
    assert_int_equal(st.last.year, 2024);
    assert_int_equal(st.last.month, 10);
    assert_int_equal(st.last.day, 26);
    assert_int_equal(dates_scan(d, &st, s2, strlen(s2), sp, 4), 1);
    assert_string_equal(sp[0].value, "2024-12");
    assert_int_equal(dates_scan(d, &st, s3, strlen(s3), sp, 4), 1);
    assert_string_equal(sp[0].value, "2024-10-01");
    /* A bare year moves only the year. */
    const char *s4 = "That was unlike 1999.";
    assert_int_equal(dates_scan(d, &st, s4, strlen(s4), sp, 4), 1);
    assert_int_equal(st.last.year, 1999);
    assert_int_equal(st.last.month, 0);
    dates_state_free(&st);
}

/* The count is returned even when only `cap` spans fit. */
static void test_cap(void **state)
{
    const dates *d = *state;
    dates_state st;
    assert_int_equal(dates_state_init(&st, d, NULL), 0);
    const char *s = "In 2001, 2002, 2003 and 2004 nothing changed.";
    date_span sp[2];
    assert_int_equal(dates_scan(d, &st, s, strlen(s), sp, 2), 4);
    assert_string_equal(sp[0].value, "2001");
    assert_string_equal(sp[1].value, "2002");
    assert_int_equal(dates_scan(d, &st, s, strlen(s), NULL, 0), 4);
    dates_state_free(&st);
}

/* A text with more anchor words and numbers than a scan lists still has its last
 * dates found whole. */
static void test_many_anchors(void **state)
{
    const dates *d = *state;
    date_ymd dd;
    assert_int_equal(date_parse_iso(D, &dd), 0);
    dates_state st;
    assert_int_equal(dates_state_init(&st, d, &dd), 0);
    char text[1024] = "";
    for (int i = 0; i < 200; i++)
        strcat(text, "1 ");
    size_t first = strlen(text) + strlen("and ");
    strcat(text, "and the first half of - 1990 and last Friday.");
    date_span sp[4];
    assert_int_equal(dates_scan(d, &st, text, strlen(text), sp, 4), 2);
    assert_int_equal(sp[0].start, first);
    assert_int_equal(sp[0].end, first + strlen("the first half of - 1990"));
    assert_string_equal(sp[0].value, "1990-H1");
    assert_string_equal(text + sp[1].start, "last Friday.");
    assert_int_equal(sp[1].end - sp[1].start, strlen("last Friday"));
    assert_string_equal(sp[1].value, "2024-10-18");
    dates_state_free(&st);
}

static void test_parse_iso(void **state)
{
    (void)state;
    date_ymd v;
    assert_int_equal(date_parse_iso("2024-10-23", &v), 0);
    assert_int_equal(v.year, 2024);
    assert_int_equal(v.month, 10);
    assert_int_equal(v.day, 23);
    assert_int_equal(date_parse_iso("2024-10", &v), 0);
    assert_int_equal(v.day, 0);
    assert_int_equal(date_parse_iso("2024", &v), 0);
    assert_int_equal(v.month, 0);
    assert_int_equal(date_parse_iso("2024-13-01", &v), -1);
    assert_int_equal(date_parse_iso("2023-02-29", &v), -1);
    assert_int_equal(date_parse_iso("2024-02-29", &v), 0);
    assert_int_equal(date_parse_iso("24-10-23", &v), -1);
    assert_int_equal(date_parse_iso("2024-10-23x", &v), -1);
    assert_int_equal(date_parse_iso("2024-1-2", &v), -1);
    assert_int_equal(date_parse_iso("", &v), -1);
    assert_int_equal(date_parse_iso(NULL, &v), -1);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Scan a big buffer; it must finish, and fast (no quadratic blow-up). */
static int scan_big(const dates *d, const char *buf, size_t len, double *secs)
{
    dates_state st;
    assert_int_equal(dates_state_init(&st, d, NULL), 0);
    double t0 = seconds();
    int n = dates_scan(d, &st, buf, len, NULL, 0);
    *secs = seconds() - t0;
    dates_state_free(&st);
    return n;
}

static void test_hostile(void **state)
{
    const dates *d = *state;
    dates_state st;
    date_span sp[4];
    assert_int_equal(dates_state_init(&st, d, NULL), 0);
    assert_int_equal(dates_scan(d, &st, "", 0, sp, 4), 0);
    assert_int_equal(dates_scan(d, &st, NULL, 0, sp, 4), 0);
    assert_int_equal(dates_scan(d, &st, NULL, 5, sp, 4), NERC_EARG);
    assert_int_equal(dates_scan(d, &st, "in 2001", 7, NULL, 4), NERC_EARG);
    assert_int_equal(dates_scan(NULL, &st, "in 2001", 7, sp, 4), NERC_EARG);
    assert_int_equal(dates_scan(d, NULL, "in 2001", 7, sp, 4), NERC_EARG);
    /* Invalid UTF-8 is refused, not scanned. */
    assert_int_equal(dates_scan(d, &st, "in \xff 2001", 9, sp, 4), NERC_EARG);
    assert_int_equal(dates_scan(d, &st, "in 2001 \xe2\x80", 10, sp, 4), NERC_EARG);
    /* A length that stops inside the text only sees that part. */
    assert_int_equal(dates_scan(d, &st, "in 2001 and 2002", 7, sp, 4), 1);
    dates_state_free(&st);
    assert_int_equal(dates_state_init(NULL, d, NULL), NERC_EARG);
    dates_state_free(NULL);
    dates_free(NULL);

    const size_t big = 1 << 20;
    char *buf = malloc(big);
    assert_non_null(buf);
    double secs;

    memset(buf, '7', big); /* 1 MB of digits */
    assert_int_equal(scan_big(d, buf, big, &secs), 0);
    assert_true(secs < 5.0);

    for (size_t i = 0; i < big; i++) /* digits and separators */
        buf[i] = "12/"[i % 3];
    assert_true(scan_big(d, buf, big, &secs) >= 0);
    assert_true(secs < 5.0);

    size_t k = 0; /* thousands of month names */
    while (k + 12 < big) {
        memcpy(buf + k, "in January ", 11);
        k += 11;
    }
    int n = scan_big(d, buf, k, &secs);
    assert_true(n > 1000);
    assert_true(secs < 5.0);

    k = 0; /* almost-dates everywhere */
    while (k + 24 < big) {
        memcpy(buf + k, "May 5, 1500 Friday 2001 ", 24);
        k += 24;
    }
    assert_true(scan_big(d, buf, k, &secs) > 1000);
    assert_true(secs < 5.0);

    memset(buf, ' ', big); /* one long run of white space around a date */
    memcpy(buf + big / 2, "October 1st, 2024", 17);
    assert_int_equal(scan_big(d, buf, big, &secs), 1);
    assert_true(secs < 5.0);
    free(buf);
}

/* Random soup of date-like tokens: spans stay in bounds, ordered, non-overlapping,
 * with a value; the same text gives the same result twice. */
static void test_soup(void **state)
{
    const dates *d = *state;
    static const char *const tok[] = {
        "May", "5", "2001", ",", " ", "\xe2\x80\x93", "-", "/", "Friday", "last", "the",
        "same", "year", "of", "1st", "October", "early", "1990s", "'", "80s", "ago", "two",
        "weeks", "today", "Q3", "third", "quarter", "12", "31", ".", "\xc3\xa9", "summer",
        "next", "Jan.", "17", "troops", "in", "since", "mid", "2019-2021", "07/08/07"
    };
    const size_t ntok = sizeof tok / sizeof tok[0];
    unsigned long seed = 12345;
    char text[600];
    date_span a[256], b[256];
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        for (;;) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            const char *w = tok[(seed >> 33) % ntok];
            size_t n = strlen(w);
            if (len + n + 1 >= sizeof text)
                break;
            memcpy(text + len, w, n);
            len += n;
            if ((seed >> 20) & 1)
                text[len++] = ' ';
        }
        date_ymd dd = {2024, 10, 23};
        dates_state st;
        assert_int_equal(dates_state_init(&st, d, (round & 1) ? &dd : NULL), 0);
        int n = dates_scan(d, &st, text, len, a, 256);
        dates_state_free(&st);
        assert_true(n >= 0 && n <= 256);
        size_t prev = 0;
        for (int i = 0; i < n; i++) {
            assert_true(a[i].start >= prev && a[i].start < a[i].end && a[i].end <= len);
            assert_true(a[i].value[0] != 0);
            prev = a[i].end;
        }
        assert_int_equal(dates_state_init(&st, d, (round & 1) ? &dd : NULL), 0);
        assert_int_equal(dates_scan(d, &st, text, len, b, 256), n);
        dates_state_free(&st);
        assert_memory_equal(a, b, (size_t)n * sizeof a[0]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_state_across_calls),
        cmocka_unit_test(test_cap),
        cmocka_unit_test(test_many_anchors),
        cmocka_unit_test(test_parse_iso),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_soup),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
