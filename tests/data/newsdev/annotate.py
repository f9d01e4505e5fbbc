#!/usr/bin/env python3
"""Gold annotation of the newsdev documents (docs/*.txt), following the shared
annotation guidelines (GUIDELINES.md beside the scorer).

The annotation is held below as data, one block per document; this script
finds the byte offsets and writes, beside itself:
    mentions.csv   doc,start,end,type,text,value
    claims.csv     doc,subject,predicate,object,date,start,end

usage: annotate.py [--review [DOC]]
  --review  print every mention and claim in context, and the capitalised
            words and numbers that no mention covers, for checking by eye.

Mentions are (surface, type, value, selector). Surfaces are matched
case-sensitively as whole words (no letter, digit or '_' on either side;
hyphens and apostrophes are boundaries). Longer surfaces are placed first and
a shorter surface never takes an occurrence inside a span already placed.
Selectors:
    ALL                        every free whole-word occurrence
    ("in", CONTEXT)            the occurrence inside each occurrence of CONTEXT
    ("in", CONTEXT, "loose")   the same without the whole-word test (plurals:
                               `Rafales` is tagged `Rafale`)
DATE values are resolved against the document date in manifest.csv where the
dateline gives one, otherwise against the dates named in the text.

Claims are (subject, predicate, object, date, first words, last words): the
evidence runs from the unique occurrence of its first words to the end of its
last words. Checks: every selector finds something, no two mentions overlap,
evidence stays within one paragraph, a dated claim's date is the value of a
DATE mention inside its evidence.
"""

import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "docs")

ALL = "all"
P, O, L, W, A, D = "PERSON", "ORG", "LOCATION", "WEAPON", "AGREEMENT", "DATE"


def loose(ctx):
    return ("in", ctx, "loose")


def within(ctx):
    return ("in", ctx)


GOLD = {}

# ---------------------------------------------------------------------------
GOLD["gaza-ceasefire-doha"] = dict(mentions=[
    ("Lena Hartmann", P, "Lena Hartmann", ALL),
    ("Omar Saleh", P, "Omar Saleh", ALL),
    ("Mohammed bin Abdulrahman Al Thani", P, "Mohammed bin Abdulrahman Al Thani", ALL),
    ("Mohammed", P, "Mohammed bin Abdulrahman Al Thani", ALL),   # "Sheikh Mohammed told"
    ("Joe Biden", P, "Joe Biden", ALL),
    ("Donald Trump", P, "Donald Trump", ALL),
    ("Trump", P, "Donald Trump", ALL),
    ("Steve Witkoff", P, "Steve Witkoff", ALL),
    ("Benjamin Netanyahu", P, "Benjamin Netanyahu", ALL),
    ("Netanyahu", P, "Benjamin Netanyahu", ALL),
    ("Khalil al-Hayya", P, "Khalil al-Hayya", ALL),
    ("Abdel Fattah al-Sisi", P, "Abdel Fattah al-Sisi", ALL),
    ("Antony Blinken", P, "Antony Blinken", ALL),
    ("Reuters", O, "Reuters", ALL),
    ("Hamas", O, "Hamas", ALL),
    ("White House", O, "White House", ALL),
    ("IDF", O, "Israel Defense Forces", ALL),
    ("Gaza Civil Defence", O, "Palestinian Civil Defence", ALL),
    ("DOHA", L, "Doha", ALL),
    ("Doha", L, "Doha", ALL),
    ("Qatar", L, "Qatar", ALL),
    ("Gaza Strip", L, "Gaza Strip", ALL),
    ("Gaza", L, "Gaza Strip", ALL),
    ("Rafah", L, "Rafah", ALL),
    ("Egypt", L, "Egypt", ALL),
    ("United States", L, "United States", ALL),
    ("U.S.", L, "United States", ALL),
    ("Israel", L, "Israel", ALL),
    ("Middle East", L, "Middle East", ALL),
    ("Cairo", L, "Cairo", ALL),
    ("Philadelphi Corridor", L, "Philadelphi Corridor", ALL),
    ("Jan 15", D, "2025-01-15", ALL),
    ("Sunday", D, "2025-01-19", ALL),
    ("Wednesday", D, "2025-01-15", ALL),
    ("October 7, 2023", D, "2023-10-07", ALL),
    ("May", D, "2024-05", ALL),
    ("November", D, "2024-11", ALL),            # "his election victory in November"
    ("Saturday", D, "2025-01-11", ALL),
    ("November 2023", D, "2023-11", ALL),
    ("2024", D, "2024", ALL),
    ("Tuesday", D, "2025-01-14", ALL),
], claims=[
    ("Mohammed bin Abdulrahman Al Thani", "say",
     "Israel and Hamas have agreed to stop fighting in Gaza and to exchange hostages for Palestinian prisoners",
     "2025-01-15", "Israel and Hamas have agreed to stop", "more than 15 months of war."),
    ("Israel", "agree", "to stop fighting in Gaza from Sunday and exchange hostages for Palestinian prisoners",
     "", "Israel and Hamas have agreed to stop", "more than 15 months of war."),
    ("Hamas", "agree", "to stop fighting in Gaza from Sunday and exchange hostages for Palestinian prisoners",
     "", "Israel and Hamas have agreed to stop", "more than 15 months of war."),
    ("Mohammed", "tell", "a news conference that the first phase would last 42 days",
     "", "Sheikh Mohammed told", "would last 42 days."),
    ("Qatar", "broker", "the deal", "", "The deal was brokered", "and the United States."),
    ("Egypt", "broker", "the deal", "", "The deal was brokered", "and the United States."),
    ("United States", "broker", "the deal", "", "The deal was brokered", "and the United States."),
    ("Joe Biden", "say", "the agreement would halt the fighting and reunite families",
     "", "U.S. President Joe Biden said", "set out in May."),
    ("Donald Trump", "write", "the EPIC ceasefire could only have happened because of his election victory",
     "", "President-elect Donald Trump wrote", "victory in November."),
    ("Steve Witkoff", "travel", "to Israel to meet Prime Minister Benjamin Netanyahu",
     "2025-01-11", "Trump's incoming Middle East envoy", "familiar with the negotiations."),
    ("Khalil al-Hayya", "call", "the agreement the result of Palestinian steadfastness",
     "", "Hamas negotiator Khalil", "Palestinian steadfastness."),
    ("Abdel Fattah al-Sisi", "say", "Cairo would push for aid to enter Gaza without delay",
     "", "Egypt's President Abdel Fattah", "without delay."),
    ("Qatar", "mediate", "a week-long truce", "2023-11",
     "The only previous pause", "105 hostages released."),
    ("Antony Blinken", "say", "Hamas had been the last obstacle", "2025-01-14",
     "U.S. Secretary of State Antony Blinken", "the last obstacle."),
    ("Gaza Civil Defence", "say", "the IDF kept up air strikes across the enclave",
     "", "The Israeli military, known as", "the Gaza Civil Defence said."),
])

# ---------------------------------------------------------------------------
GOLD["lebanon-nasrallah-killed"] = dict(mentions=[
    ("Hassan Nasrallah", P, "Hassan Nasrallah", ALL),
    ("Nasrallah", P, "Hassan Nasrallah", ALL),
    ("Daniel Hagari", P, "Daniel Hagari", ALL),
    ("Benjamin Netanyahu", P, "Benjamin Netanyahu", ALL),
    ("Ali Khamenei", P, "Ali Khamenei", ALL),
    ("Najib Mikati", P, "Najib Mikati", ALL),
    ("Naim Qassem", P, "Naim Qassem", ALL),
    ("Hashem Safieddine", P, "Hashem Safieddine", ALL),
    ("Ibrahim Aqil", P, "Ibrahim Aqil", ALL),
    ("Lloyd Austin", P, "Lloyd Austin", ALL),
    ("Yoav Gallant", P, "Yoav Gallant", ALL),
    ("Hezbollah", O, "Hezbollah", ALL),
    ("AP", O, "Associated Press", ALL),
    ("United Nations", O, "United Nations", ALL),
    ("Security Council", O, "United Nations Security Council", ALL),
    ("UN General Assembly", O, "United Nations General Assembly", ALL),
    ("Pentagon", O, "United States Department of Defense", ALL),
    ("Lebanese Armed Forces", O, "Lebanese Armed Forces", ALL),
    ("UN Security Council Resolution 1701", A, "United Nations Security Council Resolution 1701", ALL),
    ("BEIRUT", L, "Beirut", ALL),
    ("Beirut", L, "Beirut", ALL),
    ("Iran", L, "Iran", ALL),
    ("Dahiyeh", L, "Dahiyeh", ALL),
    ("Tehran", L, "Tehran", ALL),
    ("Israel", L, "Israel", ALL),
    ("New York", L, "New York", ALL),
    ("Lebanon", L, "Lebanon", ALL),
    ("Ramat David", L, "Ramat David", ALL),
    ("Haifa", L, "Haifa", ALL),
    ("Washington", L, "Washington", ALL),
    ("U.S.", L, "United States", ALL),
    ("United States", L, "United States", ALL),
    ("Litani River", L, "Litani River", ALL),
    ("F-15I", W, "F-15", ALL),
    ("BLU-109", W, "BLU-109", ALL),
    ("Fadi-1", W, "Fadi-1", ALL),
    ("Fadi-2", W, "Fadi-2", ALL),
    ("Sept 28", D, "2024-09-28", ALL),
    ("Saturday", D, "2024-09-28", ALL),
    ("Friday", D, "2024-09-27", ALL),
    ("Earlier this month", D, "2024-09", ALL),
    ("September 17", D, "2024-09-17", ALL),
    ("Monday", D, "2024-09-23", ALL),
    ("2006", D, "2006", ALL),
    ("last Sunday", D, "2024-09-22", ALL),
    ("September 20", D, "2024-09-20", ALL),
], claims=[
    ("Hezbollah", "confirm", "its leader Hassan Nasrallah was killed in an Israeli air strike",
     "2024-09-28", "Hezbollah confirmed on Saturday", "for more than three decades."),
    ("Daniel Hagari", "say", "the operation had been planned for a long time",
     "", "Military spokesman Rear Adm.", "for a long time."),
    ("Benjamin Netanyahu", "say", "Nasrallah was not just another terrorist. He was the terrorist",
     "", "He was the terrorist,", "many Israelis and Americans."),
    ("Ali Khamenei", "declare", "five days of mourning",
     "", "In Tehran, Supreme Leader", "according to Iranian state media."),
    ("Najib Mikati", "accuse", "Israel of ignoring international efforts to arrange a truce",
     "", "Lebanese Prime Minister Najib", "to arrange a truce."),
    ("Hezbollah", "say", "it had fired Fadi-1 and Fadi-2 rockets at the Ramat David air base",
     "2024-09-22", "Hezbollah said last Sunday", "air base near Haifa."),
    ("Israel", "kill", "senior commander Ibrahim Aqil in Beirut",
     "2024-09-20", "Israel also killed", "on September 20."),
    ("Lloyd Austin", "tell", "Yoav Gallant that the United States would defend Israel",
     "", "U.S. Defense Secretary Lloyd", "more aircraft to the region."),
])

# ---------------------------------------------------------------------------
GOLD["iran-nuclear-iaea"] = dict(mentions=[
    ("Steve Witkoff", P, "Steve Witkoff", ALL),
    ("Witkoff", P, "Steve Witkoff", ALL),
    ("Abbas Araghchi", P, "Abbas Araghchi", ALL),
    ("Araghchi", P, "Abbas Araghchi", ALL),
    ("Trump", P, "Donald Trump", ALL),           # "the Trump administration"
    ("Donald Trump", P, "Donald Trump", ALL),
    ("Badr Albusaidi", P, "Badr Albusaidi", ALL),
    ("Marco Rubio", P, "Marco Rubio", ALL),
    ("Mohammad Bagheri", P, "Mohammad Bagheri", ALL),
    ("Hossein Salami", P, "Hossein Salami", ALL),
    ("Rafael Grossi", P, "Rafael Grossi", ALL),
    ("Grossi", P, "Rafael Grossi", ALL),
    ("Masoud Pezeshkian", P, "Masoud Pezeshkian", ALL),
    ("Ali Khamenei", P, "Ali Khamenei", ALL),
    ("International Atomic Energy Agency", O, "International Atomic Energy Agency", ALL),
    ("IAEA Board of Governors", O, "IAEA Board of Governors", ALL),
    ("IAEA", O, "International Atomic Energy Agency", ALL),
    ("IRGC", O, "Islamic Revolutionary Guard Corps", ALL),
    ("E3", O, "E3", ALL),
    ("UN", O, "United Nations", ALL),
    ("Muscat", L, "Muscat", ALL),
    ("Fordow", L, "Fordow", ALL),
    ("Iran", L, "Iran", ALL),
    ("Tehran", L, "Tehran", ALL),
    ("Oman", L, "Oman", ALL),
    ("Rome", L, "Rome", ALL),
    ("Israel", L, "Israel", ALL),
    ("US", L, "United States", ALL),
    ("Natanz", L, "Natanz", ALL),
    ("Isfahan", L, "Isfahan", ALL),
    ("Britain", L, "United Kingdom", ALL),
    ("France", L, "France", ALL),
    ("Germany", L, "Germany", ALL),
    ("Russia", L, "Russia", ALL),
    ("China", L, "China", ALL),
    ("Cairo", L, "Cairo", ALL),
    ("New York", L, "New York", ALL),
    ("Washington", L, "Washington", ALL),
    ("Kheibar Shekan", W, "Kheibar Shekan", ALL),
    ("Fattah-1", W, "Fattah-1", ALL),
    ("Arrow", W, "Arrow", ALL),
    ("David's Sling", W, "David's Sling", ALL),
    ("THAAD", W, "THAAD", ALL),
    ("B-2", W, "B-2", ALL),
    ("GBU-57 Massive Ordnance Penetrator", W, "GBU-57", loose("GBU-57 Massive Ordnance Penetrators")),
    ("Tomahawk", W, "Tomahawk", ALL),
    ("Non-Proliferation Treaty", A, "Treaty on the Non-Proliferation of Nuclear Weapons", ALL),
    ("NPT", A, "Treaty on the Non-Proliferation of Nuclear Weapons", ALL),
    ("Joint Comprehensive Plan of Action", A, "Joint Comprehensive Plan of Action", ALL),
    ("Resolution 2231", A, "United Nations Security Council Resolution 2231", ALL),
    ("2025", D, "2025", ALL),
    ("April 12, 2025", D, "2025-04-12", ALL),
    ("May", D, "2025-05", ALL),
    ("June 12", D, "2025-06-12", ALL),
    ("June 13", D, "2025-06-13", ALL),
    ("Nine days later", D, "2025-06-22", ALL),
    ("June 24", D, "2025-06-24", ALL),
    ("early July", D, "2025-07", ALL),
    ("2015", D, "2015", ALL),
    ("August 28", D, "2025-08-28", ALL),
    ("end of September", D, "2025-09", ALL),
    ("September 9", D, "2025-09-09", ALL),
    ("later that month", D, "2025-09", ALL),
], claims=[
    ("Badr Albusaidi", "carry", "messages between them", "",
     "Oman's foreign minister", "messages between them."),
    ("Witkoff", "insist", "Iran could not keep enriching uranium on its own soil", "",
     "Witkoff and Secretary of State", "Non-Proliferation Treaty (NPT)."),
    ("Marco Rubio", "insist", "Iran could not keep enriching uranium on its own soil", "",
     "Witkoff and Secretary of State", "Non-Proliferation Treaty (NPT)."),
    ("Araghchi", "say", "enrichment was a right under the Non-Proliferation Treaty", "",
     "Witkoff and Secretary of State", "Non-Proliferation Treaty (NPT)."),
    ("International Atomic Energy Agency", "estimate",
     "Iran held more than 400 kilograms of uranium enriched to 60 percent", "2025-05",
     "By May, the International", "close to weapons grade."),
    ("IAEA Board of Governors", "find", "Iran in breach of its safeguards obligations",
     "2025-06-12", "On June 12 the IAEA", "in two decades."),
    ("Israel", "launch", "a bombing campaign against nuclear sites, air defences and senior commanders",
     "2025-06-13", "Hours later, before dawn", "commander Hossein Salami."),
    ("Iran", "answer", "with salvos of ballistic missiles", "",
     "Iran answered with salvos", "US THAAD units."),
    ("Donald Trump", "say", "the sites had been completely and totally obliterated", "",
     "Donald Trump said the sites", "totally obliterated\"."),
    ("Rafael Grossi", "say", "the agency had lost sight of the stockpile", "",
     "IAEA Director General Rafael", "sight of the stockpile."),
    ("Masoud Pezeshkian", "sign", "a law suspending cooperation with the agency", "2025-07",
     "Iran's parliament then passed", "signed in early July."),
    ("Ali Khamenei", "say", "Iran had not been defeated", "",
     "Supreme Leader Ali Khamenei said", "had not been defeated."),
    ("Britain", "trigger", "the snapback mechanism of the JCPOA", "2025-08-28",
     "Britain, France and Germany", "under Resolution 2231."),
    ("France", "trigger", "the snapback mechanism of the JCPOA", "2025-08-28",
     "Britain, France and Germany", "under Resolution 2231."),
    ("Germany", "trigger", "the snapback mechanism of the JCPOA", "2025-08-28",
     "Britain, France and Germany", "under Resolution 2231."),
    ("Grossi", "sign", "a framework in Cairo for resuming inspections", "2025-09-09",
     "Grossi and Araghchi did sign", "made it void."),
    ("Araghchi", "sign", "a framework in Cairo for resuming inspections", "2025-09-09",
     "Grossi and Araghchi did sign", "made it void."),
    ("Araghchi", "insist", "the door to diplomacy remained open", "2025-09",
     "Araghchi insisted in New York", "remained open."),
])

# ---------------------------------------------------------------------------
GOLD["red-sea-houthi-strikes"] = dict(mentions=[
    ("Daniel Okafor", P, "Daniel Okafor", ALL),
    ("Joe Biden", P, "Joe Biden", ALL),
    ("Grant Shapps", P, "Grant Shapps", ALL),
    ("Rishi Sunak", P, "Rishi Sunak", ALL),
    ("Yahya Saree", P, "Yahya Saree", ALL),
    ("Mohammed Abdulsalam", P, "Mohammed Abdulsalam", ALL),
    ("Lloyd Austin", P, "Lloyd Austin", ALL),
    ("Nasser Kanaani", P, "Nasser Kanaani", ALL),
    ("Houthi", O, "Houthis", ALL),                # modifier: "Houthi targets", "Houthi-held"
    ("Houthis", O, "Houthis", ALL),
    ("Ansar Allah", O, "Houthis", ALL),
    ("Reuters", O, "Reuters", ALL),
    ("Pentagon", O, "United States Department of Defense", ALL),
    ("Royal Air Force", O, "Royal Air Force", ALL),
    ("Hamas", O, "Hamas", ALL),
    ("Maersk", O, "Maersk", ALL),
    ("UN Security Council", O, "United Nations Security Council", ALL),
    ("US", L, "United States", ALL),
    ("Yemen", L, "Yemen", ALL),
    ("Red Sea", L, "Red Sea", ALL),
    ("WASHINGTON", L, "Washington", ALL),
    ("United States", L, "United States", ALL),
    ("Britain", L, "United Kingdom", ALL),
    ("Iran", L, "Iran", ALL),
    ("U.S.", L, "United States", ALL),
    ("Israel", L, "Israel", ALL),
    ("Hodeidah", L, "Hodeidah", ALL),
    ("Africa", L, "Africa", ALL),
    ("Russia", L, "Russia", ALL),
    ("China", L, "China", ALL),
    ("Saudi Arabia", L, "Saudi Arabia", ALL),
    ("USS Dwight D. Eisenhower", W, "USS Dwight D. Eisenhower", ALL),
    ("USS Florida", W, "USS Florida", ALL),
    ("Tomahawk", W, "Tomahawk", ALL),
    ("Typhoon", W, "Eurofighter Typhoon", ALL),
    ("Voyager", W, "Airbus Voyager", ALL),
    ("Shahed", W, "Shahed", ALL),
    ("F/A-18", W, "F/A-18", ALL),
    ("SM-2", W, "SM-2", ALL),
    ("Resolution 2722", A, "United Nations Security Council Resolution 2722", ALL),
    ("Jan. 12", D, "2024-01-12", ALL),
    ("Thursday", D, "2024-01-11", ALL),
    ("November", D, "2023-11", ALL),
    ("November 19", D, "2023-11-19", ALL),
    ("last month", D, "2023-12", ALL),
    ("Tuesday", D, "2024-01-09", ALL),
    ("Wednesday", D, "2024-01-10", ALL),
    ("2022", D, "2022", ALL),
], claims=[
    ("United States", "carry out", "air and missile strikes against more than 60 targets in Yemen", "",
     "The United States and Britain carried", "in the Red Sea."),
    ("Britain", "carry out", "air and missile strikes against more than 60 targets in Yemen", "",
     "The United States and Britain carried", "in the Red Sea."),
    ("Joe Biden", "say", "the strikes were a clear message", "2024-01-11",
     "President Joe Biden said", "freedom of navigation."),
    ("Pentagon", "say", "the targets included radar systems, drone storage sites and missile launchers", "",
     "The targets included radar", "the Pentagon said."),
    ("Grant Shapps", "say", "four Royal Air Force Typhoon jets hit two sites", "",
     "Four Royal Air Force", "Grant Shapps said."),
    ("Rishi Sunak", "call", "the action limited, necessary and proportionate", "",
     "Prime Minister Rishi Sunak", "necessary and proportionate."),
    ("Yahya Saree", "say", "five fighters were killed", "",
     "A Houthi military spokesman", "would not go unanswered."),
    ("Mohammed Abdulsalam", "say", "the group would keep targeting Israel-linked ships", "",
     "Senior Houthi official", "Israel-linked ships."),
    ("Houthis", "begin", "attacking shipping", "2023-11",
     "The Houthis, who call", "between Israel and Hamas."),
    ("Houthis", "hijack", "the car carrier Galaxy Leader", "2023-11-19",
     "On November 19 they", "port of Hodeidah."),
    ("Lloyd Austin", "announce", "Operation Prosperity Guardian", "2023-12",
     "Defense Secretary Lloyd Austin", "coalition, last month."),
    ("UN Security Council", "adopt", "Resolution 2722", "2024-01-10",
     "The UN Security Council on Wednesday", "halt to the attacks."),
    ("Russia", "abstain", "", "", "Russia and China abstained.", "Russia and China abstained."),
    ("China", "abstain", "", "", "Russia and China abstained.", "Russia and China abstained."),
    ("Nasser Kanaani", "condemn", "the strikes as a violation of Yemen's sovereignty", "",
     "Iran's foreign ministry spokesman", "Yemen's sovereignty."),
    ("Saudi Arabia", "call", "for restraint", "",
     "Saudi Arabia, which has held", "called for restraint."),
])

# ---------------------------------------------------------------------------
GOLD["sudan-army-khartoum"] = dict(mentions=[
    ("Nabil Abdallah", P, "Nabil Abdallah", ALL),
    ("Abdel Fattah al-Burhan", P, "Abdel Fattah al-Burhan", ALL),
    ("Burhan", P, "Abdel Fattah al-Burhan", ALL),
    ("Mohamed Hamdan Dagalo", P, "Mohamed Hamdan Dagalo", ALL),
    ("Hemedti", P, "Mohamed Hamdan Dagalo", ALL),
    ("Dagalo", P, "Mohamed Hamdan Dagalo", ALL),
    ("Joe Biden", P, "Joe Biden", ALL),
    ("Antony Blinken", P, "Antony Blinken", ALL),
    ("Reuters", O, "Reuters", ALL),
    ("Rapid Support Forces", O, "Rapid Support Forces", ALL),
    ("RSF", O, "Rapid Support Forces", ALL),
    ("Sudanese Armed Forces", O, "Sudanese Armed Forces", ALL),
    ("SAF", O, "Sudanese Armed Forces", ALL),
    ("Sovereign Council", O, "Transitional Sovereignty Council", ALL),
    ("United Nations", O, "United Nations", ALL),
    ("UN", O, "United Nations", ALL),
    ("UNHCR", O, "United Nations High Commissioner for Refugees", ALL),
    ("Jeddah Declaration", A, "Jeddah Declaration", ALL),
    ("Sudan", L, "Sudan", ALL),
    ("PORT SUDAN", L, "Port Sudan", ALL),
    ("Port Sudan", L, "Port Sudan", ALL),
    ("Khartoum", L, "Khartoum", ALL),
    ("Blue Nile", L, "Blue Nile", ALL),
    ("Wad Madani", L, "Wad Madani", ALL),
    ("Nairobi", L, "Nairobi", ALL),
    ("Darfur", L, "Darfur", ALL),
    ("Zamzam", L, "Zamzam", ALL),
    ("El Fasher", L, "El Fasher", ALL),
    ("Washington", L, "Washington", ALL),
    ("United Arab Emirates", L, "United Arab Emirates", ALL),
    ("UAE", L, "United Arab Emirates", ALL),
    ("United States", L, "United States", ALL),
    ("Switzerland", L, "Switzerland", ALL),
    ("Mohajer-6", W, "Mohajer-6", ALL),
    ("March 21", D, "2025-03-21", ALL),
    ("Friday", D, "2025-03-21", ALL),
    ("April 2023", D, "2023-04", ALL),
    ("September", D, "2024-09", ALL),
    ("January", D, "2025-01", ALL),
    ("this week", D, "2025-W12", ALL),
    ("February", D, "2025-02", ALL),
    ("May 2023", D, "2023-05", ALL),
    ("last August", D, "2024-08", ALL),
], claims=[
    ("Nabil Abdallah", "say", "the SAF had destroyed RSF fighters and equipment in the area", "",
     "Soldiers filmed themselves", "equipment in the area."),
    ("RSF", "say", "its troops were still nearby", "",
     "The RSF said its troops", "working for state television."),
    ("RSF", "claim", "a drone strike on the palace", "",
     "The RSF said its troops", "working for state television."),
    ("Abdel Fattah al-Burhan", "lead", "a counter-offensive", "2024-09",
     "The army chief, General", "headquarters in the capital."),
    ("Abdel Fattah al-Burhan", "retake", "Wad Madani", "2025-01",
     "The army chief, General", "headquarters in the capital."),
    ("Burhan", "move", "the seat of government to Port Sudan", "",
     "Burhan, who also chairs", "after the war began."),
    ("Mohamed Hamdan Dagalo", "say", "his forces would not withdraw from Khartoum", "2025-W12",
     "RSF leader Mohamed Hamdan", "withdraw from Khartoum."),
    ("RSF", "sign", "a charter in Nairobi to form a rival government", "2025-02",
     "In February the RSF", "could split the country."),
    ("Antony Blinken", "cite", "the killing of men and boys on an ethnic basis", "",
     "Secretary of State Antony Blinken", "on an ethnic basis."),
    ("Washington", "sanction", "Burhan", "",
     "Days later Washington", "blocking aid."),
])

# ---------------------------------------------------------------------------
GOLD["sahel-wagner-africa-corps"] = dict(mentions=[
    ("Assimi Goita", P, "Assimi Goita", ALL),
    ("Abdourahamane Tiani", P, "Abdourahamane Tiani", ALL),
    ("Ibrahim Traore", P, "Ibrahim Traore", ALL),
    ("Yevgeny Prigozhin", P, "Yevgeny Prigozhin", ALL),
    ("Wagner Group", O, "Wagner Group", ALL),
    ("Wagner", O, "Wagner Group", ALL),
    ("AFP", O, "Agence France-Presse", ALL),
    ("Africa Corps", O, "Africa Corps", ALL),
    ("Kremlin", O, "Kremlin", ALL),
    ("al-Qaeda", O, "al-Qaeda", ALL),
    ("Group for the Support of Islam and Muslims", O, "Jama'at Nasr al-Islam wal Muslimin", ALL),
    ("JNIM", O, "Jama'at Nasr al-Islam wal Muslimin", ALL),
    ("Islamic State in the Sahel Province", O, "Islamic State Sahel Province", ALL),
    ("Strategic Framework for the Defence of the People of Azawad", O,
     "Strategic Framework for the Defence of the People of Azawad", ALL),
    ("HUR", O, "Main Directorate of Intelligence (Ukraine)", ALL),
    ("Confederation of Sahel States", O, "Alliance of Sahel States", ALL),
    ("Economic Community of West African States", O, "Economic Community of West African States", ALL),
    ("ECOWAS", O, "Economic Community of West African States", ALL),
    ("Russian Defence Ministry", O, "Ministry of Defence of the Russian Federation", ALL),
    ("Mali", L, "Mali", ALL),
    ("Russia", L, "Russia", ALL),
    ("Sahel", L, "Sahel", ALL),
    ("France", L, "France", ALL),
    ("BAMAKO", L, "Bamako", ALL),
    ("Bamako", L, "Bamako", ALL),
    ("Boulkessi", L, "Boulkessi", ALL),
    ("Niger", L, "Niger", ALL),
    ("Burkina Faso", L, "Burkina Faso", ALL),
    ("Tinzaouaten", L, "Tinzaouaten", ALL),
    ("Ukraine", L, "Ukraine", ALL),
    ("Kyiv", L, "Kyiv", ALL),
    ("Moscow", L, "Moscow", ALL),
    ("Niamey", L, "Niamey", ALL),
    ("Bayraktar TB2", W, "Bayraktar TB2", ALL),
    ("Akinci", W, "Bayraktar Akinci", ALL),
    ("Su-25", W, "Su-25", ALL),
    ("Mi-24", W, "Mi-24", ALL),
    ("June 7", D, "2025-06-07", ALL),
    ("Friday", D, "2025-06-06", ALL),
    ("Sunday", D, "2025-06-01", ALL),
    ("July 2024", D, "2024-07", ALL),
    ("2020", D, "2020", ALL),
    ("2021", D, "2021", ALL),
    ("2022", D, "2022", ALL),
    ("July 2023", D, "2023-07", ALL),
    ("July 6 last year", D, "2024-07-06", ALL),
    ("January", D, "2025-01", ALL),
    ("2023", D, "2023", ALL),
    ("August 2023", D, "2023-08", ALL),
], claims=[
    ("Wagner Group", "say", "it was leaving Mali, its mission accomplished", "2025-06-06",
     "Russia's Wagner Group said", "the ruling junta said."),
    ("Wagner", "say", "the mercenaries had helped Mali's authorities retake regional capitals", "",
     "Social media channels linked", "from armed groups."),
    ("Group for the Support of Islam and Muslims", "kill",
     "more than 30 soldiers in an attack on a base at Boulkessi", "2025-06-01",
     "The al-Qaeda-linked Group", "Niger and Burkina Faso."),
    ("Wagner", "suffer", "its heaviest known defeat", "2024-07",
     "Wagner suffered its heaviest", "ambushed a convoy."),
    ("Strategic Framework for the Defence of the People of Azawad", "ambush", "a convoy", "2024-07",
     "Wagner suffered its heaviest", "ambushed a convoy."),
    ("HUR", "hint", "it had helped the rebels", "",
     "Ukraine's military intelligence agency", "with Kyiv weeks later."),
    ("Bamako", "cut", "diplomatic ties with Kyiv", "",
     "Ukraine's military intelligence agency", "with Kyiv weeks later."),
    ("Assimi Goita", "invite", "the Russians", "",
     "Mali's leader, General", "left in 2022."),
    ("Abdourahamane Tiani", "seize", "power", "2023-07",
     "Niger's General Abdourahamane", "turning to Moscow."),
    ("ECOWAS", "threaten", "military force to reverse the 2023 coup in Niger", "",
     "ECOWAS had threatened", "but backed down."),
    ("Yevgeny Prigozhin", "die", "in a plane crash", "2023-08",
     "The Africa Corps, which answers", "after his mutiny."),
])

# ---------------------------------------------------------------------------
GOLD["ukraine-aid-atacms"] = dict(mentions=[
    ("Joe Biden", P, "Joe Biden", ALL),
    ("Biden", P, "Joe Biden", ALL),
    ("Mike Johnson", P, "Mike Johnson", ALL),
    ("Volodymyr Zelenskiy", P, "Volodymyr Zelensky", ALL),
    ("Oleksandr Syrskyi", P, "Oleksandr Syrskyi", ALL),
    ("Dmitry Peskov", P, "Dmitry Peskov", ALL),
    ("Sergei Shoigu", P, "Sergei Shoigu", ALL),
    ("Lloyd Austin", P, "Lloyd Austin", ALL),
    ("Jens Stoltenberg", P, "Jens Stoltenberg", ALL),
    ("Reuters", O, "Reuters", ALL),
    ("Senate", O, "United States Senate", ALL),
    ("House of Representatives", O, "United States House of Representatives", ALL),
    ("White House", O, "White House", ALL),
    ("Kremlin", O, "Kremlin", ALL),
    ("Ukraine Defense Contact Group", O, "Ukraine Defense Contact Group", ALL),
    ("NATO", O, "North Atlantic Treaty Organization", ALL),
    ("Ukraine", L, "Ukraine", ALL),
    ("Kyiv", L, "Kyiv", ALL),
    ("KYIV", L, "Kyiv", ALL),
    ("U.S.", L, "United States", ALL),
    ("Washington", L, "Washington", ALL),
    ("Crimea", L, "Crimea", ALL),
    ("Israel", L, "Israel", ALL),
    ("Taiwan", L, "Taiwan", ALL),
    ("America", L, "United States", ALL),
    ("Dzhankoi", L, "Dzhankoi", ALL),
    ("Russia", L, "Russia", ALL),
    ("Avdiivka", L, "Avdiivka", ALL),
    ("Pokrovsk", L, "Pokrovsk", ALL),
    ("Denmark", L, "Denmark", ALL),
    ("Netherlands", L, "Netherlands", ALL),
    ("Norway", L, "Norway", ALL),
    ("Germany", L, "Germany", ALL),
    ("ATACMS", W, "ATACMS", ALL),
    ("Stinger", W, "FIM-92 Stinger", ALL),
    ("Patriot", W, "MIM-104 Patriot", ALL),
    ("Bradley", W, "M2 Bradley", ALL),
    ("HIMARS", W, "HIMARS", ALL),
    ("FAB-500", W, "FAB-500", ALL),
    ("FAB-1500", W, "FAB-1500", ALL),
    ("SAMP/T", W, "SAMP/T", ALL),
    ("F-16", W, "F-16", ALL),
    ("Taurus", W, "Taurus KEPD 350", ALL),
    ("April 25", D, "2024-04-25", ALL),
    ("last week", D, "2024-W16", ALL),
    ("Wednesday", D, "2024-04-24", ALL),
    ("Saturday", D, "2024-04-20", ALL),
    ("February", D, "2024-02", ALL),
    ("March", D, "2024-03", ALL),
    ("April 17", D, "2024-04-17", ALL),
    ("earlier this month", D, "2024-04", ALL),
], claims=[
    ("Washington", "confirm", "it had already shipped long-range ATACMS missiles in secret", "",
     "Weapons from a long-delayed", "in Crimea last week."),
    ("Kyiv", "use", "ATACMS against a Russian airfield in Crimea", "2024-W16",
     "Weapons from a long-delayed", "in Crimea last week."),
    ("Biden", "sign", "the $95 billion national security bill", "2024-04-24",
     "Biden signed the $95 billion", "passed it 79-18."),
    ("Mike Johnson", "bring", "it to a vote", "2024-04-20",
     "The law provides about", "to a vote on Saturday."),
    ("Biden", "say", "It's going to make America safer. It's going to make the world safer", "",
     "\"It's going to make America", "Biden said at the White House."),
    ("Volodymyr Zelenskiy", "thank", "U.S. lawmakers", "",
     "President Volodymyr Zelenskiy", "such as the Bradley."),
    ("Volodymyr Zelenskiy", "say",
     "the first deliveries would include artillery shells, Stinger and Patriot interceptors and armoured vehicles", "",
     "President Volodymyr Zelenskiy", "such as the Bradley."),
    ("Biden", "approve", "sending them", "2024-02",
     "Biden approved sending them", "U.S. officials said."),
    ("Russia", "capture", "Avdiivka", "2024-02",
     "Russia has pressed its advantage", "Avdiivka in February."),
    ("Oleksandr Syrskyi", "say", "the situation on the eastern front had worsened", "2024-04",
     "Ukraine's commander-in-chief", "had worsened."),
    ("Dmitry Peskov", "say", "the new aid would not change the situation at the front", "",
     "Kremlin spokesman Dmitry Peskov", "bring more deaths."),
    ("Sergei Shoigu", "vow", "to intensify strikes on Western arms depots", "",
     "Russian Defence Minister Sergei", "Western arms depots."),
    ("Lloyd Austin", "press", "members of the Ukraine Defense Contact Group to find more air defence systems", "",
     "U.S. Defense Secretary Lloyd", "to send them now."),
    ("Jens Stoltenberg", "urge", "allies with spare Patriot and SAMP/T batteries to send them now", "",
     "U.S. Defense Secretary Lloyd", "to send them now."),
    ("Germany", "refuse", "to send its Taurus cruise missiles", "",
     "Germany has so far refused", "Taurus cruise missiles."),
])

# ---------------------------------------------------------------------------
GOLD["baltic-sea-nato-russia"] = dict(mentions=[
    ("Karin Lindqvist", P, "Karin Lindqvist", ALL),
    ("Mark Rutte", P, "Mark Rutte", ALL),
    ("Alexander Stubb", P, "Alexander Stubb", ALL),
    ("Dmitry Peskov", P, "Dmitry Peskov", ALL),
    ("Kristen Michal", P, "Kristen Michal", ALL),
    ("Kaja Kallas", P, "Kaja Kallas", ALL),
    ("Vladimir Putin", P, "Vladimir Putin", ALL),
    ("NATO", O, "North Atlantic Treaty Organization", ALL),
    ("Kremlin", O, "Kremlin", ALL),
    ("Estonian Navy", O, "Estonian Navy", ALL),
    ("European Union", O, "European Union", ALL),
    ("Russian Defence Ministry", O, "Ministry of Defence of the Russian Federation", ALL),
    ("Baltic Sea", L, "Baltic Sea", ALL),
    ("Baltic", L, "Baltic Sea", ALL),
    ("Russia", L, "Russia", ALL),
    ("Gulf of Finland", L, "Gulf of Finland", ALL),
    ("Finland", L, "Finland", ALL),
    ("Estonia", L, "Estonia", ALL),
    ("Helsinki", L, "Helsinki", ALL),
    ("Moscow", L, "Moscow", ALL),
    ("Vaindloo", L, "Vaindloo", ALL),
    ("Poland", L, "Poland", ALL),
    ("Kaliningrad", L, "Kaliningrad", ALL),
    ("Lithuania", L, "Lithuania", ALL),
    ("Sweden", L, "Sweden", ALL),
    ("Germany", L, "Germany", ALL),
    ("The Hague", L, "The Hague", ALL),
    ("Su-35", W, "Su-35", ALL),
    ("MiG-31", W, "MiG-31", ALL),
    ("MiG-31", W, "MiG-31", loose("MiG-31s")),
    ("F-35", W, "F-35", ALL),
    ("Iskander", W, "Iskander", ALL),
    ("K2", W, "K2 Black Panther", ALL),
    ("HIMARS", W, "HIMARS", ALL),
    ("North Atlantic Treaty", A, "North Atlantic Treaty", ALL),
    ("December 26, 2024", D, "2024-12-26", ALL),
    ("A day earlier", D, "2024-12-25", ALL),
    ("January 14, 2025", D, "2025-01-14", ALL),
    ("May 2025", D, "2025-05", ALL),
    ("September 19", D, "2025-09-19", ALL),
    ("September 10", D, "2025-09-10", ALL),
    ("2023", D, "2023", ALL),
    ("2024", D, "2024", ALL),
    ("June", D, "2025-06", ALL),
], claims=[
    ("Mark Rutte", "announce", "Baltic Sentry", "2025-01-14",
     "At a meeting of Baltic Sea", "undersea infrastructure."),
    ("Alexander Stubb", "say", "the allies would not let the sea become a grey zone", "",
     "Finnish President Alexander Stubb", "a grey zone."),
    ("Moscow", "deny", "any role in cable damage", "",
     "Moscow has denied any role", "in cable damage."),
    ("Dmitry Peskov", "dismiss", "the accusations as unfounded", "",
     "Kremlin spokesman Dmitry Peskov", "were being harassed."),
    ("Estonia", "request", "consultations under Article 4 of the North Atlantic Treaty", "",
     "Estonia requested consultations", "Polish and Dutch jets."),
    ("Kristen Michal", "call", "the airspace violation brazen", "",
     "Estonian Prime Minister Kristen", "violation brazen."),
    ("Kaja Kallas", "say", "Vladimir Putin was testing the resolve of NATO", "",
     "The European Union's foreign", "the resolve of NATO."),
    ("Russian Defence Ministry", "say", "the MiG-31s had flown over neutral waters", "",
     "The Russian Defence Ministry said", "over neutral waters."),
    ("Russia", "keep", "nuclear-capable Iskander missiles in its Kaliningrad exclave", "",
     "Russia keeps nuclear-capable", "call a NATO lake."),
    ("Finland", "join", "the alliance", "2023",
     "Russia keeps nuclear-capable", "call a NATO lake."),
    ("Sweden", "join", "the alliance", "2024",
     "Russia keeps nuclear-capable", "call a NATO lake."),
    ("NATO", "answer", "the drone incursion with Eastern Sentry", "",
     "NATO answered the drone", "of economic output."),
])

# ---------------------------------------------------------------------------
GOLD["taiwan-strait-drills"] = dict(mentions=[
    ("Lai Ching-te", P, "Lai Ching-te", ALL),
    ("Lai", P, "Lai Ching-te", ALL),
    ("Wellington Koo", P, "Wellington Koo", ALL),
    ("Reuters", O, "Reuters", ALL),
    ("People's Liberation Army", O, "People's Liberation Army", ALL),
    ("PLA", O, "People's Liberation Army", ALL),
    ("Eastern Theater Command", O, "Eastern Theater Command", ALL),
    ("CCTV", O, "China Central Television", ALL),
    ("Ministry of National Defense", O, "Ministry of National Defense (Taiwan)", ALL),
    ("Coast Guard Administration", O, "Coast Guard Administration (Taiwan)", ALL),
    # the country is part of the body's name here, as in the seed's `Iran Air Force`
    ("U.S. State Department", O, "United States Department of State", ALL),
    ("Lockheed Martin", O, "Lockheed Martin", ALL),
    ("China", L, "China", ALL),
    ("Taiwan", L, "Taiwan", ALL),
    ("TAIPEI", L, "Taipei", ALL),
    ("Taipei", L, "Taipei", ALL),
    ("Taiwan Strait", L, "Taiwan Strait", ALL),
    ("East China Sea", L, "East China Sea", ALL),
    ("Beijing", L, "Beijing", ALL),
    ("People's Republic of China", L, "China", ALL),
    ("Washington", L, "Washington", ALL),
    ("Japan", L, "Japan", ALL),
    ("Shandong", W, "Shandong", ALL),
    ("F-16V", W, "F-16", ALL),
    ("NASAMS", W, "NASAMS", ALL),
    ("M1A2T Abrams", W, "M1 Abrams", ALL),
    ("Taiwan Relations Act", A, "Taiwan Relations Act", ALL),
    ("April 2", D, "2025-04-02", ALL),
    ("Wednesday", D, "2025-04-02", ALL),
    ("Tuesday", D, "2025-04-01", ALL),
    ("May 20, 2024", D, "2024-05-20", ALL),
    ("Three days later", D, "2024-05-23", ALL),
    ("October 14", D, "2024-10-14", ALL),
    ("National Day", D, "2024-10-10", ALL),
    ("1979", D, "1979", ALL),
], claims=[
    ("Eastern Theater Command", "say",
     "the exercise, code-named Strait Thunder-2025A, was held in the central and southern parts of the Taiwan Strait", "",
     "The People's Liberation Army (PLA)", "of the Taiwan Strait."),
    ("CCTV", "show", "long-range rocket artillery firing into the East China Sea", "",
     "Chinese state broadcaster CCTV", "East China Sea."),
    ("Ministry of National Defense", "detect",
     "76 Chinese military aircraft, 15 warships and four other government ships around the island", "2025-04-01",
     "Taiwan's Ministry of National", "missile units in response."),
    ("Beijing", "describe", "the manoeuvres as a stern warning to separatists", "",
     "Beijing described the manoeuvres", "warning to separatists."),
    ("Lai", "label", "China a foreign hostile force", "",
     "A poster released by the Eastern", "counter Chinese espionage."),
    ("Lai", "take", "office", "2024-05-20",
     "Lai has faced pressure", "on May 20, 2024."),
    ("PLA", "launch", "the Joint Sword-2024A drills", "2024-05-23",
     "Three days later, the PLA", "Joint Sword-2024A drills."),
    ("PLA", "follow", "with Joint Sword-2024B", "2024-10-14",
     "It followed with Joint Sword-2024B", "no right to represent Taiwan."),
    ("Coast Guard Administration", "say", "Chinese coast guard vessels had taken part in all three exercises", "",
     "Taiwan's Coast Guard Administration", "all three exercises."),
    ("Japan", "convey", "its concerns to Beijing", "",
     "Japan said it had conveyed", "its concerns to Beijing."),
    ("Lai", "promise", "to lift defence spending above 3 percent of GDP", "",
     "Lai has promised to lift", "fund more drones."),
    ("Wellington Koo", "ask", "lawmakers to fund more drones", "",
     "Lai has promised to lift", "fund more drones."),
])

# ---------------------------------------------------------------------------
GOLD["north-korea-hwasong19"] = dict(mentions=[
    ("Min-ji Park", P, "Min-ji Park", ALL),
    ("Kim Jong Un", P, "Kim Jong Un", ALL),
    ("Gen Nakatani", P, "Gen Nakatani", ALL),
    ("Kim Yong-hyun", P, "Kim Yong-hyun", ALL),
    ("Lloyd Austin", P, "Lloyd Austin", ALL),
    ("Kim", P, "Kim Jong Un", ALL),
    ("Vladimir Putin", P, "Vladimir Putin", ALL),
    ("Yonhap", O, "Yonhap News Agency", ALL),
    ("KCNA", O, "Korean Central News Agency", ALL),
    ("Joint Chiefs of Staff", O, "Joint Chiefs of Staff (South Korea)", ALL),
    ("JCS", O, "Joint Chiefs of Staff (South Korea)", ALL),
    ("Ministry of Defense", O, "Ministry of Defense (Japan)", ALL),
    ("National Intelligence Service", O, "National Intelligence Service (South Korea)", ALL),
    ("NIS", O, "National Intelligence Service (South Korea)", ALL),
    ("State Duma", O, "State Duma", ALL),
    ("North Korea", L, "North Korea", ALL),
    ("SEOUL", L, "Seoul", ALL),
    ("Seoul", L, "Seoul", ALL),
    ("South Korea", L, "South Korea", ALL),
    ("United States", L, "United States", ALL),
    ("Pyongyang", L, "Pyongyang", ALL),
    ("Russia", L, "Russia", ALL),
    ("Ukraine", L, "Ukraine", ALL),
    ("Japan", L, "Japan", ALL),
    ("Okushiri", L, "Okushiri", ALL),
    ("U.S.", L, "United States", ALL),
    ("Kursk", L, "Kursk Oblast", ALL),
    ("Moscow", L, "Moscow", ALL),
    ("Kharkiv", L, "Kharkiv", ALL),
    ("Kyiv", L, "Kyiv", ALL),
    ("Washington", L, "Washington", ALL),
    ("Hwasong-19", W, "Hwasong-19", ALL),
    ("Hwasong-18", W, "Hwasong-18", ALL),
    ("Hwasong-17", W, "Hwasong-17", ALL),
    ("KN-23", W, "KN-23", ALL),
    ("B-1B", W, "B-1B", loose("B-1B bombers")),
    ("Treaty on Comprehensive Strategic Partnership", A, "Treaty on Comprehensive Strategic Partnership", ALL),
    ("Nov 1", D, "2024-11-01", ALL),
    ("Friday", D, "2024-11-01", ALL),
    ("Thursday", D, "2024-10-31", ALL),
    ("November 5", D, "2024-11-05", ALL),
    ("April 2023", D, "2023-04", ALL),
    ("last December", D, "2023-12", ALL),
    ("earlier this week", D, "2024-W44", ALL),
    ("Wednesday", D, "2024-10-30", ALL),
    ("June 19 this year", D, "2024-06-19", ALL),
    ("last week", D, "2024-W43", ALL),
], claims=[
    ("North Korea", "say", "it had test-fired a new solid-fuel intercontinental ballistic missile, the Hwasong-19",
     "2024-11-01", "North Korea said on Friday", "for Russia in Ukraine."),
    ("North Korea", "test-fire", "a new solid-fuel intercontinental ballistic missile, the Hwasong-19",
     "2024-10-31", "North Korea said on Friday", "for Russia in Ukraine."),
    ("South Korea", "accuse", "Pyongyang of sending thousands of troops to fight for Russia", "",
     "North Korea said on Friday", "for Russia in Ukraine."),
    ("United States", "accuse", "Pyongyang of sending thousands of troops to fight for Russia", "",
     "North Korea said on Friday", "for Russia in Ukraine."),
    ("Kim Jong Un", "oversee", "the launch", "",
     "Leader Kim Jong Un oversaw", "KCNA reported."),
    ("Gen Nakatani", "say", "the missile landed outside Japan's exclusive economic zone", "",
     "Japanese Defence Minister Gen", "west of Okushiri island."),
    ("KCNA", "describe", "the Hwasong-19 as the final version of its ICBMs", "",
     "KCNA described the Hwasong-19", "of its ICBMs."),
    ("Kim Yong-hyun", "say", "North Korea might carry out a seventh nuclear test", "2024-W44",
     "South Korea's Defence Minister", "in return for its troops."),
    ("Lloyd Austin", "say", "about 8,000 North Korean soldiers were in Russia's Kursk region", "2024-10-30",
     "U.S. Defense Secretary Lloyd", "combat within days."),
    ("National Intelligence Service", "estimate",
     "Pyongyang has shipped millions of artillery shells and KN-23 short-range ballistic missiles to Moscow", "",
     "Seoul's National Intelligence", "Kharkiv and Kyiv."),
    ("Kim", "sign", "the Treaty on Comprehensive Strategic Partnership", "2024-06-19",
     "Kim and Russian President", "if either is attacked."),
    ("Vladimir Putin", "sign", "the Treaty on Comprehensive Strategic Partnership", "2024-06-19",
     "Kim and Russian President", "if either is attacked."),
    ("State Duma", "ratify", "the treaty", "2024-W43",
     "Russia's State Duma ratified", "ratified it last week."),
    ("United States", "condemn", "the launch", "",
     "The United States, South Korea and Japan condemned", "in a joint statement."),
    ("South Korea", "condemn", "the launch", "",
     "The United States, South Korea and Japan condemned", "in a joint statement."),
    ("Japan", "condemn", "the launch", "",
     "The United States, South Korea and Japan condemned", "in a joint statement."),
])

# ---------------------------------------------------------------------------
GOLD["india-pakistan-ceasefire"] = dict(mentions=[
    ("Donald Trump", P, "Donald Trump", ALL),
    ("Trump", P, "Donald Trump", ALL),
    ("Vikram Misri", P, "Vikram Misri", ALL),
    ("Narendra Modi", P, "Narendra Modi", ALL),
    ("Shehbaz Sharif", P, "Shehbaz Sharif", ALL),
    ("Asim Munir", P, "Asim Munir", ALL),
    ("S. Jaishankar", P, "S. Jaishankar", ALL),
    ("Marco Rubio", P, "Marco Rubio", ALL),
    ("Ishaq Dar", P, "Ishaq Dar", ALL),
    ("Reuters", O, "Reuters", ALL),
    ("Lashkar-e-Taiba", O, "Lashkar-e-Taiba", ALL),
    ("Jaish-e-Mohammed", O, "Jaish-e-Mohammed", ALL),
    ("India", L, "India", ALL),
    ("Pakistan", L, "Pakistan", ALL),
    ("NEW DELHI", L, "New Delhi", ALL),
    ("ISLAMABAD", L, "Islamabad", ALL),
    ("U.S.", L, "United States", ALL),
    ("United States", L, "United States", ALL),
    ("Pahalgam", L, "Pahalgam", ALL),
    ("Kashmir", L, "Kashmir", ALL),
    ("Islamabad", L, "Islamabad", ALL),
    ("Bahawalpur", L, "Bahawalpur", ALL),
    ("Muridke", L, "Muridke", ALL),
    ("Rawalpindi", L, "Rawalpindi", ALL),
    ("New Delhi", L, "New Delhi", ALL),
    ("Punjab", L, "Punjab", ALL),
    ("Jammu", L, "Jammu", ALL),
    ("Rafale", W, "Rafale", ALL),
    ("Rafale", W, "Rafale", loose("Rafales")),
    ("SCALP", W, "Storm Shadow", ALL),
    ("HAMMER", W, "AASM Hammer", ALL),
    ("J-10C", W, "J-10", ALL),
    ("PL-15", W, "PL-15", ALL),
    ("BrahMos", W, "BrahMos", ALL),
    ("Fatah", W, "Fatah", ALL),
    ("S-400", W, "S-400", ALL),
    ("Sudarshan Chakra", W, "S-400", ALL),
    ("Akash", W, "Akash", ALL),
    ("Indus Waters Treaty", A, "Indus Waters Treaty", ALL),
    ("Simla Agreement", A, "Simla Agreement", ALL),
    ("May 11", D, "2025-05-11", ALL),
    ("Sunday", D, "2025-05-11", ALL),
    ("Saturday", D, "2025-05-10", ALL),
    ("April 22", D, "2025-04-22", ALL),
    ("April 23", D, "2025-04-23", ALL),
    ("1972", D, "1972", ALL),
    ("Wednesday", D, "2025-05-07", ALL),
], claims=[
    ("Donald Trump", "announce", "the truce", "2025-05-10",
     "U.S. President Donald Trump announced", "on social media."),
    ("Donald Trump", "write",
     "India and Pakistan have agreed to a FULL AND IMMEDIATE CEASEFIRE", "",
     "\u201cAfter a long night", "he wrote."),
    ("India", "say", "the deal was worked out directly between the two militaries", "",
     "India said the deal", "within hours."),
    ("Vikram Misri", "accuse", "Pakistan of violating it", "",
     "India said the deal", "within hours."),
    ("India", "blame", "Pakistan-based militants", "",
     "India blamed Pakistan-based", "military attaches."),
    ("India", "suspend", "the Indus Waters Treaty", "2025-04-23",
     "India blamed Pakistan-based", "military attaches."),
    ("Islamabad", "deny", "any role", "",
     "Islamabad denied any role", "in abeyance."),
    ("India", "launch", "Operation Sindoor", "2025-05-07",
     "In the early hours of Wednesday", "Bahawalpur and Muridke."),
    ("Pakistan", "say", "its J-10C fighters shot down five Indian aircraft", "",
     "Pakistan said its J-10C", "including three Rafales."),
    ("India", "hit", "several Pakistani air bases", "2025-05-10",
     "On Saturday, India hit", "Indian military sites."),
    ("Narendra Modi", "meet", "his defence and security chiefs", "",
     "Prime Minister Narendra Modi", "responded with strength."),
    ("Shehbaz Sharif", "thank", "Trump", "",
     "Prime Minister Narendra Modi", "responded with strength."),
    ("Asim Munir", "oversee", "the retaliation", "",
     "Pakistan's army chief", "media wing said."),
    ("S. Jaishankar", "tell", "Marco Rubio that India's approach had always been measured", "",
     "Foreign Minister S. Jaishankar", "always been measured."),
    ("Ishaq Dar", "say", "talks on wider issues could be held at a neutral venue", "",
     "Pakistan's Foreign Minister Ishaq", "neutral venue."),
])

# ---------------------------------------------------------------------------
GOLD["armenia-azerbaijan-peace"] = dict(mentions=[
    ("Donald Trump", P, "Donald Trump", ALL),
    ("Trump", P, "Donald Trump", ALL),
    ("Ilham Aliyev", P, "Ilham Aliyev", ALL),
    ("Aliyev", P, "Ilham Aliyev", ALL),
    ("Nikol Pashinyan", P, "Nikol Pashinyan", ALL),
    ("Pashinyan", P, "Nikol Pashinyan", ALL),
    ("Vladimir Putin", P, "Vladimir Putin", ALL),
    ("Ali Akbar Velayati", P, "Ali Akbar Velayati", ALL),
    ("Ali Khamenei", P, "Ali Khamenei", ALL),
    ("Marco Rubio", P, "Marco Rubio", ALL),
    ("AP", O, "Associated Press", ALL),
    ("White House", O, "White House", ALL),
    ("Organization for Security and Co-operation in Europe", O,
     "Organization for Security and Co-operation in Europe", ALL),
    ("Minsk Group", O, "OSCE Minsk Group", ALL),
    ("Collective Security Treaty Organization", O, "Collective Security Treaty Organization", ALL),
    ("CSTO", O, "Collective Security Treaty Organization", ALL),
    ("Trump Route for International Peace and Prosperity", L,
     "Trump Route for International Peace and Prosperity", ALL),
    ("TRIPP", L, "Trump Route for International Peace and Prosperity", ALL),
    ("Armenia", L, "Armenia", ALL),
    ("Azerbaijan", L, "Azerbaijan", ALL),
    ("US", L, "United States", ALL),
    ("WASHINGTON", L, "Washington", ALL),
    ("Washington", L, "Washington", ALL),
    ("Nakhchivan", L, "Nakhchivan", ALL),
    ("Syunik", L, "Syunik", ALL),
    ("Baku", L, "Baku", ALL),
    ("Zangezur", L, "Zangezur", ALL),
    ("Nagorno-Karabakh", L, "Nagorno-Karabakh", ALL),
    ("Russia", L, "Russia", ALL),
    ("Yerevan", L, "Yerevan", ALL),
    ("Iran", L, "Iran", ALL),
    ("Bayraktar TB2", W, "Bayraktar TB2", ALL),
    ("Harop", W, "IAI Harop", ALL),
    ("Pinaka", W, "Pinaka", ALL),
    ("Caesar", W, "CAESAR", ALL),
    ("Aug. 9", D, "2025-08-09", ALL),
    ("Friday", D, "2025-08-08", ALL),
    ("March", D, "2025-03", ALL),
    ("1992", D, "1992", ALL),
    ("2020", D, "2020", ALL),
    ("November 9, 2020", D, "2020-11-09", ALL),
    ("September 2023", D, "2023-09", ALL),
    ("last year", D, "2024", ALL),
    ("Saturday", D, "2025-08-09", ALL),
], claims=[
    ("Ilham Aliyev", "shake", "hands with Trump", "",
     "Azerbaijani President Ilham", "a joint declaration."),
    ("Nikol Pashinyan", "shake", "hands with Trump", "",
     "Azerbaijani President Ilham", "a joint declaration."),
    ("Trump", "say", "the two nations had fought for 35 years and were now friends", "",
     "Trump said the two nations", "were now friends."),
    ("Aliyev", "say", "they would jointly propose Trump for the Nobel Peace Prize", "",
     "Aliyev and Pashinyan said", "Nobel Peace Prize."),
    ("Pashinyan", "say", "they would jointly propose Trump for the Nobel Peace Prize", "",
     "Aliyev and Pashinyan said", "Nobel Peace Prize."),
    ("Armenia", "say", "the road and railway will stay under its sovereignty and laws", "",
     "Armenia says the road", "sovereignty and laws."),
    ("Vladimir Putin", "broker", "a ceasefire", "2020-11-09",
     "The fighting ended with", "peacekeepers were deployed."),
    ("Azerbaijan", "take", "the rest of the region in a one-day offensive", "2023-09",
     "In September 2023 Azerbaijan", "ethnic Armenians fled."),
    ("Pashinyan", "freeze", "Armenia's participation in the Collective Security Treaty Organization", "2024",
     "Pashinyan froze Armenia", "French Caesar howitzers."),
    ("Yerevan", "buy", "Indian Pinaka rocket launchers and French Caesar howitzers", "",
     "Pashinyan froze Armenia", "French Caesar howitzers."),
    ("Iran", "warn", "against any change to the region's borders", "",
     "Iran, which borders Syunik", "the region\u2019s borders."),
    ("Ali Akbar Velayati", "say", "the corridor would become a graveyard for Trump's mercenaries", "2025-08-09",
     "Ali Akbar Velayati, an adviser", "Iranian media reported."),
    ("Marco Rubio", "say", "the agreement showed what American diplomacy could do", "",
     "Secretary of State Marco Rubio", "diplomacy could do."),
])

# ---------------------------------------------------------------------------
GOLD["syria-after-assad"] = dict(mentions=[
    ("Rami Haddad", P, "Rami Haddad", ALL),
    ("Ahmed al-Sharaa", P, "Ahmed al-Sharaa", ALL),
    ("Sharaa", P, "Ahmed al-Sharaa", ALL),
    ("Mazloum Abdi", P, "Mazloum Abdi", ALL),
    ("Abu Mohammed al-Jolani", P, "Ahmed al-Sharaa", ALL),
    ("Bashar al-Assad", P, "Bashar al-Assad", ALL),
    ("Assad", P, "Bashar al-Assad", ALL),
    ("Israel Katz", P, "Israel Katz", ALL),
    ("Mikhail Bogdanov", P, "Mikhail Bogdanov", ALL),
    ("Kaja Kallas", P, "Kaja Kallas", ALL),
    ("Abdullah Ocalan", P, "Abdullah Ocalan", ALL),
    ("Geir Pedersen", P, "Geir Pedersen", ALL),
    ("Reuters", O, "Reuters", ALL),
    ("Syrian Democratic Forces", O, "Syrian Democratic Forces", ALL),
    ("SDF", O, "Syrian Democratic Forces", ALL),
    ("Hayat Tahrir al-Sham", O, "Hayat Tahrir al-Sham", ALL),
    ("HTS", O, "Hayat Tahrir al-Sham", ALL),
    ("Syrian Arab Army", O, "Syrian Arab Army", ALL),
    ("UN", O, "United Nations", ALL),
    ("European Union", O, "European Union", ALL),
    ("EU", O, "European Union", ALL),
    ("Syrian National Army", O, "Syrian National Army", ALL),
    ("YPG", O, "People's Defense Units", ALL),
    ("Kurdistan Workers' Party", O, "Kurdistan Workers' Party", ALL),
    ("PKK", O, "Kurdistan Workers' Party", ALL),
    ("Syria", L, "Syria", ALL),
    ("DAMASCUS", L, "Damascus", ALL),
    ("Damascus", L, "Damascus", ALL),
    ("Latakia", L, "Latakia", ALL),
    ("Moscow", L, "Moscow", ALL),
    ("Israel", L, "Israel", ALL),
    ("Golan Heights", L, "Golan Heights", ALL),
    ("Russia", L, "Russia", ALL),
    ("Hmeimim", L, "Hmeimim", ALL),
    ("Tartus", L, "Tartus", ALL),
    ("United States", L, "United States", ALL),
    ("Washington", L, "Washington", ALL),
    ("Turkey", L, "Turkey", ALL),
    ("Ankara", L, "Ankara", ALL),
    ("Scud", W, "Scud", ALL),
    ("Disengagement Agreement", A, "Agreement on Disengagement between Israeli and Syrian Forces", ALL),
    ("Caesar Act", A, "Caesar Syria Civilian Protection Act", ALL),
    ("March 11", D, "2025-03-11", ALL),
    ("Monday", D, "2025-03-10", ALL),
    ("Thursday", D, "2025-03-06", ALL),
    ("December 8", D, "2024-12-08", ALL),
    ("January 29", D, "2025-01-29", ALL),
    ("1974", D, "1974", ALL),
    ("January", D, "2025-01", ALL),
    ("last month", D, "2025-02", ALL),
    ("December", D, "2024-12", ALL),
], claims=[
    ("Ahmed al-Sharaa", "sign", "an agreement with the Kurdish-led Syrian Democratic Forces", "2025-03-10",
     "Syria's interim president Ahmed", "the control of Damascus."),
    ("Sharaa", "promise", "to punish anyone responsible", "",
     "Sharaa promised to punish", "the closest to us\"."),
    ("Sharaa", "take", "Damascus in a lightning offensive that toppled Bashar al-Assad", "2024-12-08",
     "Sharaa, who led the Islamist", "on December 8."),
    ("Assad", "flee", "to Moscow", "",
     "Assad fled to Moscow", "granted asylum."),
    ("Sharaa", "name", "president for a transitional period", "2025-01-29",
     "Sharaa was named president", "on January 29."),
    ("Israel", "say", "the 1974 Disengagement Agreement collapsed with Assad", "",
     "Israel says the 1974", "collapsed with Assad."),
    ("Israel Katz", "say", "the troops will stay for an unlimited period", "",
     "Defence Minister Israel Katz", "an unlimited period."),
    ("Mikhail Bogdanov", "visit", "Damascus", "2025-01",
     "Moscow still has forces", "to discuss them."),
    ("European Union", "suspend", "some restrictions on energy, transport and banking", "2025-02",
     "The European Union suspended", "an inclusive transition."),
    ("Kaja Kallas", "say", "further steps depended on an inclusive transition", "",
     "The European Union suspended", "an inclusive transition."),
    ("United States", "keep", "the Caesar Act sanctions in place", "",
     "The United States has kept", "on Sharaa in December."),
    ("Washington", "drop", "a $10 million bounty on Sharaa", "2024-12",
     "The United States has kept", "on Sharaa in December."),
    ("Turkey", "welcome", "the SDF agreement", "",
     "Turkey, which backs", "welcomed the SDF agreement."),
    ("Abdullah Ocalan", "call", "on the PKK to lay down its arms", "2025-02",
     "Ankara regards the SDF", "lay down its arms."),
    ("Geir Pedersen", "say", "the deal should be implemented without delay", "",
     "UN special envoy Geir", "without delay."),
])

# ---------------------------------------------------------------------------
GOLD["us-foreign-policy-2025"] = dict(mentions=[
    ("Donald Trump", P, "Donald Trump", ALL),
    ("Trump", P, "Donald Trump", ALL),
    ("Elon Musk", P, "Elon Musk", ALL),
    ("Marco Rubio", P, "Marco Rubio", ALL),
    ("Rubio", P, "Marco Rubio", ALL),
    ("Mike Waltz", P, "Mike Waltz", ALL),
    ("Jeffrey Goldberg", P, "Jeffrey Goldberg", ALL),
    ("Pete Hegseth", P, "Pete Hegseth", ALL),
    ("Hegseth", P, "Pete Hegseth", ALL),
    ("Steve Witkoff", P, "Steve Witkoff", ALL),
    ("Vladimir Putin", P, "Vladimir Putin", ALL),
    ("Putin", P, "Vladimir Putin", ALL),
    ("Volodymyr Zelensky", P, "Volodymyr Zelensky", ALL),
    ("Mark Rutte", P, "Mark Rutte", ALL),
    ("Pentagon", O, "United States Department of Defense", ALL),
    ("White House", O, "White House", ALL),
    ("U.S. Agency for International Development", O, "United States Agency for International Development", ALL),
    ("USAID", O, "United States Agency for International Development", ALL),
    ("Department of Government Efficiency", O, "Department of Government Efficiency", ALL),
    ("DOGE", O, "Department of Government Efficiency", ALL),
    ("State Department", O, "United States Department of State", ALL),
    ("The Atlantic", O, "The Atlantic", ALL),
    ("Houthis", O, "Houthis", ALL),
    ("NATO", O, "North Atlantic Treaty Organization", ALL),
    ("Department of Defense", O, "United States Department of Defense", ALL),
    ("Department of War", O, "United States Department of Defense", ALL),
    ("Congress", O, "United States Congress", ALL),
    ("U.S. Navy", O, "United States Navy", ALL),
    ("Yemen", L, "Yemen", ALL),
    ("Ukraine", L, "Ukraine", ALL),
    ("Moscow", L, "Moscow", ALL),
    ("Anchorage", L, "Anchorage", ALL),
    ("Alaska", L, "Alaska", ALL),
    ("U.S.", L, "United States", ALL),
    ("Russia", L, "Russia", ALL),
    ("China", L, "China", ALL),
    ("Washington", L, "Washington", ALL),
    ("Beijing", L, "Beijing", ALL),
    ("Geneva", L, "Geneva", ALL),
    ("Iran", L, "Iran", ALL),
    ("The Hague", L, "The Hague", ALL),
    ("Israel", L, "Israel", ALL),
    ("Caribbean", L, "Caribbean", ALL),
    ("Venezuela", L, "Venezuela", ALL),
    ("Golden Dome", W, "Golden Dome", ALL),
    ("Iron Dome", W, "Iron Dome", ALL),
    ("2025", D, "2025", ALL),
    ("January 20, 2025", D, "2025-01-20", ALL),
    ("Nine months later", D, "2025-10", ALL),
    ("July", D, "2025-07", ALL),
    ("April 2", D, "2025-04-02", ALL),
    ("a week later", D, "2025-04-09", ALL),
    ("May", D, "2025-05", ALL),
    ("May 1", D, "2025-05-01", ALL),
    ("August 15", D, "2025-08-15", ALL),
    ("2021", D, "2021", ALL),
    ("three days later", D, "2025-08-18", ALL),
    ("June", D, "2025-06", ALL),
    ("2035", D, "2035", ALL),
    ("September 5", D, "2025-09-05", ALL),
    ("early September", D, "2025-09", ALL),
], claims=[
    ("Donald Trump", "return", "to the White House", "2025-01-20",
     "Donald Trump returned to the White House", "to make allies pay more."),
    ("Marco Rubio", "say", "the agency had drifted from its mission", "",
     "Secretary of State Marco Rubio", "from its mission."),
    ("Trump", "announce", "sweeping import duties on almost every trading partner", "2025-04-02",
     "On April 2, which Trump", "bond market sell-off."),
    ("Washington", "agree", "a truce in Geneva", "2025-05",
     "China faced the steepest", "in Geneva in May."),
    ("Beijing", "agree", "a truce in Geneva", "2025-05",
     "China faced the steepest", "in Geneva in May."),
    ("Mike Waltz", "move out", "as National Security Adviser", "2025-05-01",
     "National Security Adviser Mike Waltz", "the Houthis in Yemen."),
    ("Pete Hegseth", "discuss", "strikes on the Houthis in Yemen", "",
     "National Security Adviser Mike Waltz", "the Houthis in Yemen."),
    ("Rubio", "take over", "as acting adviser", "",
     "Rubio took over as acting", "at the State Department."),
    ("Steve Witkoff", "hold", "several meetings with Vladimir Putin in Moscow", "",
     "On Ukraine, Trump", "summit since 2021."),
    ("Trump", "meet", "Putin in Anchorage, Alaska", "2025-08-15",
     "On Ukraine, Trump", "summit since 2021."),
    ("Trump", "host", "Ukrainian President Volodymyr Zelensky and European leaders", "2025-08-18",
     "Trump then hosted Ukrainian", "three days later."),
    ("Trump", "order", "strikes on Iran's nuclear sites", "2025-06",
     "Trump ordered strikes on Iran", "for defence by 2035."),
    ("Mark Rutte", "praise", "the pledge", "",
     "NATO Secretary General Mark Rutte", "praised the pledge."),
    ("Trump", "unveil", "plans for a $175 billion missile shield called Golden Dome", "2025-05",
     "In May, Trump unveiled", "Israel\u2019s Iron Dome."),
    ("Trump", "sign", "an executive order allowing the Department of Defense to be called the Department of War",
     "2025-09-05", "On September 5, Trump signed", "secretary of war."),
])

# ---------------------------------------------------------------------------
GOLD["arms-deals-fighters"] = dict(mentions=[
    ("Thomas Berger", P, "Thomas Berger", ALL),
    ("Trump", P, "Donald Trump", ALL),             # "the Trump administration"
    ("Donald Trump", P, "Donald Trump", ALL),
    ("Keir Starmer", P, "Keir Starmer", ALL),
    ("Recep Tayyip Erdogan", P, "Recep Tayyip Erdogan", ALL),
    ("Erdogan", P, "Recep Tayyip Erdogan", ALL),
    ("Olaf Scholz", P, "Olaf Scholz", ALL),
    ("SSB", O, "Presidency of Defense Industries", ALL),
    ("NATO", O, "North Atlantic Treaty Organization", ALL),
    ("Dassault Aviation", O, "Dassault Aviation", ALL),
    ("Raytheon", O, "Raytheon", ALL),
    ("Countering America\u2019s Adversaries Through Sanctions Act", A,
     "Countering America's Adversaries Through Sanctions Act", ALL),
    ("CAATSA", A, "Countering America's Adversaries Through Sanctions Act", ALL),
    ("Turkey", L, "Turkey", ALL),
    ("Ankara", L, "Ankara", ALL),
    ("Washington", L, "Washington", ALL),
    ("Britain", L, "United Kingdom", ALL),
    ("Qatar", L, "Qatar", ALL),
    ("Oman", L, "Oman", ALL),
    ("France", L, "France", ALL),
    ("United Arab Emirates", L, "United Arab Emirates", ALL),
    ("Indonesia", L, "Indonesia", ALL),
    ("India", L, "India", ALL),
    ("Europe", L, "Europe", ALL),
    ("Germany", L, "Germany", ALL),
    ("Switzerland", L, "Switzerland", ALL),
    ("Greece", L, "Greece", ALL),
    ("Portugal", L, "Portugal", ALL),
    ("Canada", L, "Canada", ALL),
    ("Spain", L, "Spain", ALL),
    ("Ukraine", L, "Ukraine", ALL),
    ("U.S.", L, "United States", ALL),
    ("Kyiv", L, "Kyiv", ALL),
    ("Poland", L, "Poland", ALL),
    ("Romania", L, "Romania", ALL),
    ("Sweden", L, "Sweden", ALL),
    ("Estonia", L, "Estonia", ALL),
    ("Latvia", L, "Latvia", ALL),
    ("Slovenia", L, "Slovenia", ALL),
    ("Russia", L, "Russia", ALL),
    ("Egypt", L, "Egypt", ALL),
    ("Algeria", L, "Algeria", ALL),
    ("Rafale", W, "Rafale", ALL),
    ("Rafale", W, "Rafale", loose("Rafales")),
    ("Rafale Marine", W, "Rafale", ALL),
    ("F-35", W, "F-35", ALL),
    ("F-35", W, "F-35", loose("F-35s")),
    ("F-35A", W, "F-35", ALL),
    ("S-400", W, "S-400", ALL),
    ("Eurofighter Typhoon", W, "Eurofighter Typhoon", ALL),
    ("Typhoon", W, "Eurofighter Typhoon", loose("Typhoons")),
    ("INS Vikrant", W, "INS Vikrant", ALL),
    ("Tornado", W, "Panavia Tornado", ALL),
    ("Patriot", W, "MIM-104 Patriot", ALL),
    ("Patriot", W, "MIM-104 Patriot", loose("Patriots")),
    ("IRIS-T SLM", W, "IRIS-T SLM", ALL),
    ("Su-35", W, "Su-35", ALL),
    ("Su-57E", W, "Su-57", ALL),
    ("2020s", D, "202X", ALL),
    ("July 2019", D, "2019-07", ALL),
    ("the same month", D, "2019-07", ALL),
    ("December 2020", D, "2020-12", ALL),
    ("October 27, 2025", D, "2025-10-27", ALL),
    ("December 2021", D, "2021-12", ALL),
    ("2022", D, "2022", ALL),
    ("2016", D, "2016", ALL),
    ("April 2025", D, "2025-04", ALL),
    ("2021", D, "2021", ALL),
    ("July 2024", D, "2024-07", ALL),
    ("2018", D, "2018", ALL),
    ("this year", D, "2025", ALL),
], claims=[
    ("Ankara", "take", "delivery of the first S-400 batteries", "2019-07",
     "Ankara took delivery", "the same month."),
    ("Washington", "remove", "Turkey from the F-35 programme", "2019-07",
     "Ankara took delivery", "the same month."),
    ("Trump", "impose", "sanctions on Turkey's defence procurement agency, the SSB", "2020-12",
     "In December 2020 the Trump", "against a NATO ally."),
    ("Britain", "sign", "a deal worth about \u00a38 billion for 20 Eurofighter Typhoon jets", "2025-10-27",
     "After years of talks", "from Qatar and Oman."),
    ("Turkey", "sign", "a deal worth about \u00a38 billion for 20 Eurofighter Typhoon jets", "2025-10-27",
     "After years of talks", "from Qatar and Oman."),
    ("Keir Starmer", "visit", "Ankara", "2025-10-27",
     "After years of talks", "from Qatar and Oman."),
    ("Recep Tayyip Erdogan", "seek", "used Typhoons from Qatar and Oman", "",
     "After years of talks", "from Qatar and Oman."),
    ("Erdogan", "say", "he still hoped to return to the F-35 programme", "",
     "Erdogan said he still hoped", "the F-35 programme."),
    ("Dassault Aviation", "sell", "80 Rafale jets to the United Arab Emirates", "2021-12",
     "Dassault Aviation sold", "ordered 42 in 2022."),
    ("Indonesia", "order", "42 Rafale jets", "2022",
     "Dassault Aviation sold", "ordered 42 in 2022."),
    ("India", "sign", "a contract for 26 Rafale Marine jets", "2025-04",
     "India, which already flies", "carrier INS Vikrant."),
    ("Germany", "choose", "the F-35", "2022",
     "Germany chose it in 2022", "signed for 20 in July 2024."),
    ("Switzerland", "pick", "the F-35A", "2021",
     "Germany chose it in 2022", "signed for 20 in July 2024."),
    ("Greece", "sign", "for 20 F-35s", "2024-07",
     "Germany chose it in 2022", "signed for 20 in July 2024."),
    ("Spain", "rule out", "the jet", "",
     "After Donald Trump returned", "ruled the jet out."),
    ("Germany", "order", "more Patriots from Raytheon", "",
     "Germany, which has given", "since 2022."),
    ("Egypt", "abandon", "a planned purchase of Su-35 fighters", "",
     "Its deliveries of S-400", "Su-35 fighters."),
])


# ---------------------------------------------------------------------------

class Doc:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.raw = f.read()
        self.text = self.raw.decode("utf-8")
        self.boff = [0]
        for ch in self.text:
            self.boff.append(self.boff[-1] + len(ch.encode("utf-8")))

    def b(self, i):
        return self.boff[i]

    def find_all(self, s):
        out, i = [], self.text.find(s)
        while i >= 0:
            out.append(i)
            i = self.text.find(s, i + 1)
        return out

    def whole_word(self, i, j):
        t = self.text
        ok_left = i == 0 or not (t[i - 1].isalnum() or t[i - 1] == "_")
        ok_right = j == len(t) or not (t[j].isalnum() or t[j] == "_")
        return ok_left and ok_right

    def line_of(self, i):
        return self.text.count("\n", 0, i) + 1


def die(name, msg):
    print(f"annotate.py: error: {name}: {msg}", file=sys.stderr)
    sys.exit(1)


def norm_quotes(s):
    """Evidence words may be written with straight quotes; match curly ones too."""
    return s


def place_mentions(name, doc, mentions):
    taken = []

    def free(i, j):
        return all(j <= s or i >= e for s, e, *_ in taken)

    order = sorted(mentions, key=lambda m: -len(m[0]))
    for surface, typ, value, sel in order:
        spans = []
        if sel == ALL:
            for i in doc.find_all(surface):
                j = i + len(surface)
                if doc.whole_word(i, j) and free(i, j):
                    spans.append((i, j))
        else:
            kind, ctx, *flags = sel
            assert kind == "in"
            for c in doc.find_all(ctx):
                k = ctx.find(surface)
                if k < 0:
                    die(name, f"{surface!r} is not inside context {ctx!r}")
                i, j = c + k, c + k + len(surface)
                if ("loose" in flags or doc.whole_word(i, j)) and free(i, j):
                    spans.append((i, j))
        if not spans:
            die(name, f"no free occurrence of {surface!r} ({typ})")
        for i, j in spans:
            if not free(i, j):
                die(name, f"{surface!r} at {i} overlaps another mention")
            taken.append((i, j, typ, surface, value))
    taken.sort()
    for (s1, e1, *_), (s2, e2, *_r) in zip(taken, taken[1:]):
        if s2 < e1:
            die(name, f"overlapping mentions at chars {s1}-{e1} and {s2}-{e2}")
    return taken


def find_words(doc, words):
    """Occurrences of evidence words, accepting curly quotes for straight ones."""
    hits = doc.find_all(words)
    if not hits:
        for a, b in (("'", "\u2019"), ('"', "\u201c"), ('"', "\u201d")):
            if a in words:
                hits = doc.find_all(words.replace(a, b))
                if hits:
                    return hits, words.replace(a, b)
    return hits, words


def place_claims(name, doc, mentions, claims):
    out = []
    for subj, pred, obj, date, first, last in claims:
        starts, first_s = find_words(doc, first)
        if len(starts) != 1:
            die(name, f"evidence start {first!r} occurs {len(starts)} times")
        i = starts[0]
        k = doc.text.find(last, i)
        if k < 0:
            alt = last.replace("'", "\u2019").replace('"', "\u201d")
            k = doc.text.find(alt, i)
            last = alt
        if k < 0:
            die(name, f"evidence end {last!r} not found after {first!r}")
        j = k + len(last)
        if "\n" in doc.text[i:j]:
            die(name, f"evidence {first!r} .. {last!r} spans more than one paragraph")
        if date:
            dates = [m for m in mentions if m[2] == D and i <= m[0] and m[1] <= j]
            if not any(m[4] == date for m in dates):
                die(name, f"claim {subj} {pred}: no DATE {date} inside its evidence")
        out.append((i, j, subj, pred, obj, date))
    out.sort(key=lambda c: (c[0], c[2].casefold(), c[3]))
    return out


def review(name, doc, mentions, claims):
    t = doc.text

    def ctx(i, j, width=40):
        left = t[max(0, i - width):i].replace("\n", " | ")
        right = t[j:j + width].replace("\n", " | ")
        return f"{left}[[{t[i:j]}]]{right}"

    print(f"######## {name}")
    print("==== mentions")
    for i, j, typ, surface, value in mentions:
        print(f"L{doc.line_of(i):<3}{doc.b(i):>6}-{doc.b(j):<6}{typ:<10}"
              f"{value:<28} {ctx(i, j)}")
    print("\n==== claims")
    for i, j, subj, pred, obj, date in claims:
        print(f"L{doc.line_of(i):<3}{doc.b(i):>6}-{doc.b(j):<6}"
              f"{subj} | {pred} | {obj} | {date or '-'}")
        print(f"      {t[i:j]}")
    print("\n==== capitalised words and numbers not covered by a mention")
    for mt in re.finditer(r"[A-Z][\w\-]*|\d[\w\-]*", t):
        i, j = mt.span()
        if any(s < j and i < e for s, e, *_ in mentions):
            continue
        print(f"L{doc.line_of(i):<3}{mt.group():<16} {ctx(i, j, 30)}")
    print()


def main(argv):
    want = None
    if "--review" in argv:
        rest = [a for a in argv if a != "--review"]
        want = rest[0] if rest else ""
    mrows, crows = [], []
    counts, ndated, nclaims = {}, 0, 0
    for name in sorted(GOLD):
        g = GOLD[name]
        doc = Doc(os.path.join(DOCS, name + ".txt"))
        mentions = place_mentions(name, doc, g["mentions"])
        claims = place_claims(name, doc, mentions, g["claims"])
        for i, j, typ, surface, value in mentions:
            text = doc.raw[doc.b(i):doc.b(j)].decode("utf-8")
            assert text == surface
            mrows.append([name, doc.b(i), doc.b(j), typ, text, value])
            counts[typ] = counts.get(typ, 0) + 1
        for i, j, subj, pred, obj, date in claims:
            crows.append([name, subj, pred, obj, date, doc.b(i), doc.b(j)])
            nclaims += 1
            ndated += bool(date)
        if want is not None and (want == "" or want == name):
            review(name, doc, mentions, claims)
    with open(os.path.join(HERE, "mentions.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["doc", "start", "end", "type", "text", "value"])
        w.writerows(mrows)
    with open(os.path.join(HERE, "claims.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["doc", "subject", "predicate", "object", "date", "start", "end"])
        w.writerows(crows)
    if want is None:
        print(f"wrote mentions.csv ({len(mrows)} mentions: "
              + ", ".join(f"{k} {counts.get(k, 0)}" for k in (P, O, L, W, A, D))
              + f"), claims.csv ({nclaims} claims, {ndated} dated) for {len(GOLD)} documents")


if __name__ == "__main__":
    main(sys.argv[1:])
