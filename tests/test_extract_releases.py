"""Leader contacts as official press releases write them: one row per class of miss
found on two offices' releases (the sentences are written for this file, none is taken
from a release).

Each row: the title, the text, the publication day, the office's leader (the speaker,
or None), and the contacts expected as (pair, mode, status, date). Rows marked in
comments as near misses guard the edge of a rule and must give what they list only.
"""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import extract

ZELENSKY = "Volodymyr Zelensky"
APR = dt.date(2022, 4, 20)
JUN = dt.date(2022, 6, 23)

ROWS = [
    # "The heads of state", "the leaders" without a count: the group just named.
    (
        "",
        "Andrzej Duda met with Chancellor of Austria Karl Nehammer, Prime Minister of "
        "Slovakia Eduard Heger and Prime Minister of the Czech Republic Petr Fiala. "
        "The heads of state then held talks over a working lunch.",
        APR,
        None,
        [
            (("Andrzej Duda", "Karl Nehammer"), "meeting", "held", APR),
            (("Andrzej Duda", "Eduard Heger"), "meeting", "held", APR),
            (("Andrzej Duda", "Petr Fiala"), "meeting", "held", APR),
            (("Eduard Heger", "Karl Nehammer"), None, "held", APR),
            (("Karl Nehammer", "Petr Fiala"), None, "held", APR),
            (("Eduard Heger", "Petr Fiala"), None, "held", APR),
        ],
    ),
    (
        "",
        "Estonia, Latvia, Lithuania. I was glad to meet with the presidents today.",
        APR,
        ZELENSKY,
        [
            ((x, ZELENSKY), "meeting", "held", APR)
            for x in ("Alar Karis", "Egils Levits", "Gitanas Nausėda")
        ],
    ),
    (  # near miss: a pair of countries as a topic is no group of parties
        "",
        "Vladimir Putin spoke of the tension between Palestine and Israel. "
        "The leaders held talks on the matter.",
        APR,
        None,
        [],
    ),
    (  # near miss: a group named long before is not "the heads of state"
        "",
        "Estonia, Latvia, Lithuania. Trade grew. Prices fell. Exports rose. "
        "I was glad to meet with the heads of state today.",
        APR,
        ZELENSKY,
        [],
    ),
    # Subject and objects together are one group: "the leaders of the four states".
    (
        "",
        "Volodymyr Zelensky met with Emmanuel Macron, Olaf Scholz and Mario Draghi in "
        "Kyiv. The leaders of the four states held talks on air defence.",
        JUN,
        None,
        [
            *(
                ((x, ZELENSKY), "meeting", "held", JUN)
                for x in ("Emmanuel Macron", "Olaf Scholz", "Mario Draghi")
            ),
            *(
                ((a, b), None, "held", JUN)
                for a, b in (
                    ("Emmanuel Macron", "Olaf Scholz"),
                    ("Emmanuel Macron", "Mario Draghi"),
                    ("Mario Draghi", "Olaf Scholz"),
                )
            ),
        ],
    ),
    # Well-known groups of countries.
    (
        "",
        "The Presidents of the three Baltic states arrived in Kyiv today.",
        APR,
        ZELENSKY,
        [
            ((x, ZELENSKY), "visit", "held", APR)
            for x in ("Alar Karis", "Egils Levits", "Gitanas Nausėda")
        ],
    ),
    (
        "",
        "Les dirigeants des pays baltes ont rencontré Emmanuel Macron à Paris.",
        APR,
        None,
        [
            ((x, "Emmanuel Macron"), "meeting", "held", APR)
            for x in ("Gitanas Nausėda", "Kaja Kallas", "Krišjānis Kariņš")
        ],
    ),
    ("", "The Baltic states asked for more air defence today.", APR, ZELENSKY, []),  # near miss
    # A subject-less opening may start on the time of day.
    (
        "",
        "This afternoon a conversation with Prime Minister of Spain Pedro Sánchez took place.",
        APR,
        ZELENSKY,
        [(("Pedro Sánchez", ZELENSKY), None, "held", APR)],
    ),
    (
        "",
        "On Tuesday night a call with Prime Minister of Spain Pedro Sánchez took place.",
        APR,
        ZELENSKY,
        [(("Pedro Sánchez", ZELENSKY), "phone", "held", APR - dt.timedelta(days=1))],
    ),
    (
        "",
        "Hier soir, entretien téléphonique avec Pedro Sánchez.",
        APR,
        ZELENSKY,
        [(("Pedro Sánchez", ZELENSKY), "phone", "held", APR - dt.timedelta(days=1))],
    ),
    (  # near miss: a subject before the time of day is the subject
        "",
        "Olaf Scholz this afternoon had a conversation with Prime Minister of Spain Pedro Sánchez.",
        APR,
        ZELENSKY,
        [(("Olaf Scholz", "Pedro Sánchez"), None, "held", APR)],
    ),
    # A subject-less headline: the country pair of the body before the leaders it names.
    (
        "Telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev",
        "Russia‒Kazakhstan relations were discussed. The presidents agreed to keep in "
        "touch. Alexander Lukashenko's statement was also mentioned.",
        APR,
        None,
        [(("Kassym-Jomart Tokayev", "Vladimir Putin"), "phone", "held", APR)],
    ),
    (  # near miss: the body's pair of countries is an aside of another day's talks
        "Telephone conversation with Prime Minister of Armenia Nikol Pashinyan",
        "Nikol Pashinyan spoke of his April 6 talks with President of Azerbaijan Ilham "
        "Aliyev on Armenia-Azerbaijan relations. The leaders agreed to keep in touch.",
        APR,
        None,
        [(("Ilham Aliyev", "Nikol Pashinyan"), None, "held", dt.date(2022, 4, 6))],
    ),
    # A headline's call is that day's, not the meeting of another day its body recalls.
    (
        "Telephone conversation with President of Turkey Recep Tayyip Erdoğan",
        "Vladimir Putin recalled his talks with Recep Tayyip Erdoğan in Sochi on April 12.",
        APR,
        "Vladimir Putin",
        [
            (("Recep Tayyip Erdoğan", "Vladimir Putin"), None, "held", dt.date(2022, 4, 12)),
            (("Recep Tayyip Erdoğan", "Vladimir Putin"), "phone", "held", APR),
        ],
    ),
    (  # near miss: a headline naming both is about the body's contact
        "Senator calls Putin-Erdoğan talks a show",
        "Vladimir Putin held talks with Recep Tayyip Erdoğan in Sochi on April 12.",
        APR,
        None,
        [(("Recep Tayyip Erdoğan", "Vladimir Putin"), None, "held", dt.date(2022, 4, 12))],
    ),
    # Roles that name another office.
    ("", "Recep Tayyip Erdoğan received the Deputy Prime Minister of Russia.", APR, None, []),
    ("", "Olaf Scholz met the President of the Polish Senate in Berlin.", APR, None, []),
    ("", "Emmanuel Macron a reçu le vice président américain.", APR, None, []),  # near miss
    (
        "",
        "Vladimir Putin met the head of Senegal in Sochi.",
        APR,
        None,
        [(("Macky Sall", "Vladimir Putin"), "meeting", "held", APR)],
    ),
    ("", "Vladimir Putin met the head of the Government Office.", APR, None, []),  # near miss
    # A verbless sentence continues the last contact with one more party.
    (
        "",
        "I discussed air defence today with Prime Minister of the Netherlands Mark Rutte. "
        "And also with Chancellor Olaf Scholz.",
        APR,
        ZELENSKY,
        [
            (("Mark Rutte", ZELENSKY), None, "held", APR),
            (("Olaf Scholz", ZELENSKY), None, "held", APR),
        ],
    ),
    (
        "",
        "J'ai parlé aujourd'hui avec le Premier ministre néerlandais Mark Rutte. "
        "Et aussi avec le chancelier Olaf Scholz.",
        APR,
        ZELENSKY,
        [
            (("Mark Rutte", ZELENSKY), None, "held", APR),
            (("Olaf Scholz", ZELENSKY), None, "held", APR),
        ],
    ),
    (  # near miss: the fragment does not follow the contact
        "",
        "I spoke today with Prime Minister of the Netherlands Mark Rutte. Trade grew. "
        "And also with Chancellor Olaf Scholz.",
        APR,
        ZELENSKY,
        [(("Mark Rutte", ZELENSKY), None, "held", APR)],
    ),
    # A roll-call of calls the speaker announced: "Portugal." is a call.
    (
        "",
        "Today I continued the telephone marathon. Portugal. Thanked Prime Minister Costa "
        "for his support. Croatia. Mr. Prime Minister and I agreed on new steps.",
        JUN,
        ZELENSKY,
        [
            (("António Costa", ZELENSKY), "phone", "held", JUN),
            (("Andrej Plenković", ZELENSKY), "phone", "held", JUN),
        ],
    ),
    (
        "",
        "Aujourd'hui, un marathon téléphonique. Belgique. J'ai remercié le Premier "
        "ministre pour son soutien.",
        JUN,
        ZELENSKY,
        [(("Alexander De Croo", ZELENSKY), "phone", "held", JUN)],
    ),
    (  # near miss: no announcement of calls, so a country alone is no call
        "",
        "Today I spoke about our exports. Portugal. Croatia. The ports are open.",
        JUN,
        ZELENSKY,
        [],
    ),
    (  # near miss: no speaker, so nobody's roll-call
        "",
        "The telephone marathon went on. Portugal. Croatia.",
        JUN,
        None,
        [],
    ),
]


@pytest.mark.parametrize(("title", "text", "day", "speaker", "expected"), ROWS)
def test_release_contacts(title, text, day, speaker, expected):
    facts = extract(text, day, title=title, speaker=speaker)
    got = sorted(((c.leaders, c.mode, c.status, c.date) for c in facts.contacts), key=str)
    want = sorted(
        ((tuple(sorted(pair)), mode, status, date) for pair, mode, status, date in expected),
        key=str,
    )
    assert got == want
