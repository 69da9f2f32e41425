"""Leader contacts as real releases and news items word them: sentences written for
these tests in the patterns of issue 11 (undated held contacts, the implicit speaker).

Each row: title, text, publication day, speaker given by the caller (or None), and the
contacts expected as (leaders, mode, date, date_exact, status).
"""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import extract

D = dt.date
DAY = D(2022, 5, 11)
Z = "Volodymyr Zelensky"

ROWS = [
    # --- undated held contacts take the report's day, marked inexact
    (
        "",
        "Joe Biden had a phone conversation with French President Emmanuel Macron.",
        DAY,
        None,
        [(("Emmanuel Macron", "Joe Biden"), "phone", DAY, False, "held")],
    ),
    (
        "",
        "Emmanuel Macron s'est entretenu au téléphone avec le chancelier Olaf Scholz.",
        DAY,
        None,
        [(("Emmanuel Macron", "Olaf Scholz"), "phone", DAY, False, "held")],
    ),
    # a stated day stays exact; "yesterday" is the day before
    (
        "",
        "Olaf Scholz spoke with Joe Biden yesterday about gas supplies.",
        DAY,
        None,
        [(("Joe Biden", "Olaf Scholz"), None, D(2022, 5, 10), True, "held")],
    ),
    (
        "",
        "Emmanuel Macron a reçu ce soir le chancelier Olaf Scholz à l'Elysée.",
        DAY,
        None,
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", DAY, True, "held")],
    ),
    # a planned contact without a day keeps no date
    (
        "",
        "Joe Biden will speak with Olaf Scholz about the sanctions.",
        DAY,
        None,
        [(("Joe Biden", "Olaf Scholz"), None, None, True, "planned")],
    ),
    # an undated mention of a contact the text dates elsewhere is that contact
    (
        "",
        "Olaf Scholz a rencontré lundi Emmanuel Macron à Berlin. "
        "Lors de cette rencontre, Olaf Scholz a dit à Emmanuel Macron son inquiétude.",
        DAY,
        None,
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", D(2022, 5, 9), True, "held")],
    ),
    # an emir is his country's monarch
    (
        "",
        "Le chancelier Olaf Scholz a téléphoné mardi à l'émir du Qatar.",
        DAY,
        None,
        [(("Olaf Scholz", "Tamim bin Hamad Al Thani"), "phone", D(2022, 5, 10), True, "held")],
    ),
    (
        "",
        "Joe Biden hosted the Emir of Qatar at the White House.",
        DAY,
        None,
        [(("Joe Biden", "Tamim bin Hamad Al Thani"), "meeting", DAY, False, "held")],
    ),
    # a contact still to come: "ahead of", "en amont de"
    (
        "",
        "Oil prices rose ahead of the Biden-Scholz meeting in Washington.",
        DAY,
        None,
        [(("Joe Biden", "Olaf Scholz"), "meeting", None, True, "planned")],
    ),
    (
        "",
        "Les Bourses hésitent en amont de la rencontre entre Emmanuel Macron et Olaf Scholz.",
        DAY,
        None,
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", None, True, "planned")],
    ),
    # ... but a past verb after it is held
    (
        "",
        "Ahead of the summit, Joe Biden spoke with Emmanuel Macron.",
        DAY,
        None,
        [(("Emmanuel Macron", "Joe Biden"), None, DAY, False, "held")],
    ),
    # --- the speaker: named by the title of an address
    (
        "We must hold on - address by President of Ukraine Volodymyr Zelenskyy",
        "Dear Ukrainians! I talked today with Prime Minister of Canada Justin Trudeau.",
        DAY,
        None,
        [(("Justin Trudeau", "Volodymyr Zelensky"), None, DAY, True, "held")],
    ),
    (
        "Allocution du président de la République Emmanuel Macron",
        "Mes chers compatriotes, j'ai parlé hier avec le chancelier Olaf Scholz.",
        DAY,
        None,
        [(("Emmanuel Macron", "Olaf Scholz"), None, D(2022, 5, 10), True, "held")],
    ),
    (
        "Video address by the President of Ukraine",
        "I also had a conversation with President of Poland Andrzej Duda.",
        DAY,
        None,
        [(("Andrzej Duda", "Volodymyr Zelensky"), None, DAY, False, "held")],
    ),
    # ... or by the quote a title attributes at its end
    (
        "Our air defence will get stronger - President Volodymyr Zelenskyy",
        "Good evening! I spoke with German Chancellor Olaf Scholz today.",
        DAY,
        None,
        [(("Olaf Scholz", "Volodymyr Zelensky"), None, DAY, True, "held")],
    ),
    (
        "Le président Emmanuel Macron face à la crise de l'énergie",
        "J'ai parlé avec Olaf Scholz, a dit un conseiller.",
        DAY,
        None,
        [],
    ),
    # ... given by the caller (an official feed's setting)
    (
        "",
        "In a long conversation with Prime Minister Mark Rutte, we discussed energy.",
        DAY,
        "Vladimir Putin",
        [(("Mark Rutte", "Vladimir Putin"), None, DAY, False, "held")],
    ),
    (
        "",
        "J'ai reçu ce matin Mario Draghi à l'Elysée.",
        DAY,
        "Emmanuel Macron",
        [(("Emmanuel Macron", "Mario Draghi"), "meeting", DAY, True, "held")],
    ),
    # ... a subject-less headline takes the leader the text names
    (
        "Telephone conversation with Prime Minister of Italy Mario Draghi",
        "The President of Russia shared his assessment of the situation in Donbass.",
        DAY,
        None,
        [(("Mario Draghi", "Vladimir Putin"), "phone", DAY, False, "held")],
    ),
    (
        "Meeting with Prime Minister of Hungary Viktor Orban",
        "Vladimir Putin greeted Viktor Orban in the Kremlin.",
        DAY,
        None,
        [(("Viktor Orbán", "Vladimir Putin"), "meeting", DAY, False, "held")],
    ),
    # ... a headline whose body names neither party by name, only "the presidents" of a
    # pair of countries: the other party is who held that role in the paired country
    (
        "Telephone conversation with President of Finland Sauli Niinisto",
        "The presidents reviewed Russian-Finnish trade and the situation in the Baltic.",
        DAY,
        None,
        [(("Sauli Niinistö", "Vladimir Putin"), "phone", DAY, False, "held")],
    ),
    (
        "Telephone conversation with Chancellor of Germany Olaf Scholz",
        "The two leaders discussed energy links between France and Germany.",
        DAY,
        None,
        [(("Emmanuel Macron", "Olaf Scholz"), "phone", DAY, False, "held")],
    ),
    # ... a country named but not paired with the headline party's country: nobody
    (
        "Telephone conversation with President of Finland Sauli Niinisto",
        "The presidents discussed Sweden's bid and the situation in Afghanistan.",
        DAY,
        None,
        [],
    ),
    # ... no collective noun for the two parties: nobody
    (
        "Telephone conversation with President of Finland Sauli Niinisto",
        "Russian-Finnish trade and the border regime were reviewed.",
        DAY,
        None,
        [],
    ),
    # ... a headline naming both parties is not given a third
    (
        "Telephone conversation with Joe Biden and Olaf Scholz",
        "The leaders discussed trade between Germany and France.",
        DAY,
        None,
        [(("Joe Biden", "Olaf Scholz"), "phone", DAY, False, "held")],
    ),
    # --- the author of an address named with a possessive at the title's end
    (
        "We will rebuild every city - President Volodymyr Zelenskyy's address",
        "I spoke today with Prime Minister of Canada Justin Trudeau.",
        DAY,
        None,
        [(("Justin Trudeau", "Volodymyr Zelensky"), None, DAY, True, "held")],
    ),
    (
        "Winter is coming - a minister's address",
        "I spoke today with Prime Minister of Canada Justin Trudeau.",
        DAY,
        None,
        [],
    ),
    # --- no speaker, no pair: first person in a news item with no stated speaker
    (
        "Energy prices climb again",
        '"I spoke with Olaf Scholz this morning," a senior minister said.',
        DAY,
        None,
        [],
    ),
    # a subject before the contact word is not replaced by the speaker
    (
        "",
        "The foreign minister held talks with Prime Minister Mark Rutte.",
        DAY,
        "Volodymyr Zelensky",
        [],
    ),
    # a speaker given but no leader met
    (
        "",
        "I spoke today with the soldiers defending the east.",
        DAY,
        "Volodymyr Zelensky",
        [],
    ),
    # --- several leaders named by one plural role: that role in each country
    (
        "",
        "Volodymyr Zelensky held talks with the Presidents of Latvia and Estonia in Kyiv.",
        DAY,
        None,
        [
            (("Alar Karis", Z), None, DAY, False, "held"),
            (("Egils Levits", Z), None, DAY, False, "held"),
        ],
    ),
    (
        "",
        "I spoke today with the Prime Ministers of Bulgaria and Croatia.",
        DAY,
        Z,
        [
            (("Andrej Plenković", Z), None, DAY, True, "held"),
            (("Kiril Petkov", Z), None, DAY, True, "held"),
        ],
    ),
    (
        "",
        "Emmanuel Macron a reçu mardi à l'Elysée les présidents letton et estonien.",
        DAY,
        None,
        [
            (("Alar Karis", "Emmanuel Macron"), "meeting", D(2022, 5, 10), True, "held"),
            (("Egils Levits", "Emmanuel Macron"), "meeting", D(2022, 5, 10), True, "held"),
        ],
    ),
    (
        "",
        "Olaf Scholz s'est entretenu avec les présidents letton et estonien.",
        DAY,
        None,
        [
            (("Alar Karis", "Olaf Scholz"), None, DAY, False, "held"),
            (("Egils Levits", "Olaf Scholz"), None, DAY, False, "held"),
        ],
    ),
    # ... a plural role with no contact word is no contact
    ("", "The Presidents of Latvia and Estonia praised the Ukrainian army.", DAY, None, []),
    # --- a group named again later: by its role, its number, or its countries
    (
        "",
        "Presidents Andrzej Duda, Egils Levits and Alar Karis arrived by train on Tuesday. "
        "I held talks with the presidents in the evening.",
        DAY,
        Z,
        [
            (("Alar Karis", Z), None, DAY, False, "held"),
            (("Andrzej Duda", Z), None, DAY, False, "held"),
            (("Egils Levits", Z), None, DAY, False, "held"),
        ],
    ),
    (
        "",
        "Lithuania, Latvia and Estonia sent a joint letter to Brussels. Volodymyr Zelensky "
        "later met the prime ministers of the three countries in Kyiv.",
        DAY,
        None,
        [
            (("Ingrida Šimonytė", Z), "meeting", DAY, False, "held"),
            (("Kaja Kallas", Z), "meeting", DAY, False, "held"),
            (("Krišjānis Kariņš", Z), "meeting", DAY, False, "held"),
        ],
    ),
    (
        "",
        "Emmanuel Macron, Olaf Scholz et Mario Draghi ont promis des armes jeudi. "
        "Volodymyr Zelensky a reçu les trois dirigeants au palais Mariinsky.",
        DAY,
        None,
        [
            (("Emmanuel Macron", Z), "meeting", DAY, False, "held"),
            (("Mario Draghi", Z), "meeting", DAY, False, "held"),
            (("Olaf Scholz", Z), "meeting", DAY, False, "held"),
        ],
    ),
    # ... not when the number differs, no group was named, "the leaders" has no
    # number, or the role is not the group's
    (
        "",
        "Emmanuel Macron, Olaf Scholz et Mario Draghi ont promis des armes jeudi. "
        "Volodymyr Zelensky a reçu les quatre dirigeants au palais Mariinsky.",
        DAY,
        None,
        [],
    ),
    ("", "Volodymyr Zelensky met the three leaders in Kyiv.", DAY, None, []),
    (
        "",
        "Emmanuel Macron, Olaf Scholz and Mario Draghi pledged weapons. "
        "Volodymyr Zelensky later met the leaders in Kyiv.",
        DAY,
        None,
        [],
    ),
    (
        "",
        "Prime Ministers Kaja Kallas and Krišjānis Kariņš pledged weapons. "
        "I held talks with the presidents in the evening.",
        DAY,
        Z,
        [],
    ),
    # --- the speaker as the subject of a lead with a possessive day, and "the Head of
    # State" standing for the president the text is about
    (
        "",
        "During yesterday's visit to Kyiv by the Prime Ministers of Spain and Denmark, "
        "we agreed on new aid.",
        DAY,
        Z,
        [
            (("Mette Frederiksen", Z), "visit", D(2022, 5, 10), True, "held"),
            (("Pedro Sánchez", Z), "visit", D(2022, 5, 10), True, "held"),
        ],
    ),
    (
        "",
        'Volodymyr Zelensky thanked the Netherlands for its support. "We are grateful," '
        "the Head of State said after a meeting with Prime Minister Mark Rutte in Kyiv.",
        DAY,
        None,
        [(("Mark Rutte", Z), "meeting", DAY, False, "held")],
    ),
    ("", "The Head of State of Ukraine spoke about sanctions.", DAY, None, []),
]


@pytest.mark.parametrize(
    ("title", "text", "day", "speaker", "expected"),
    ROWS,
    ids=[f"{t[:25]}|{x[:40]}" for t, x, *_ in ROWS],
)
def test_real_contacts(
    title: str, text: str, day: dt.date, speaker: str | None, expected: list[tuple]
) -> None:
    facts = extract(text, day, title=title, speaker=speaker)
    got = [(c.leaders, c.mode, c.date, c.date_exact, c.status) for c in facts.contacts]
    assert got == expected


def test_inexact_date_is_marked_in_the_json() -> None:
    facts = extract("Joe Biden had a phone call with Olaf Scholz.", DAY)
    data = facts.to_dict()["contacts"][0]
    assert data["date"] == DAY.isoformat()
    assert data["date_exact"] is False
    assert list(data)[:5] == ["leaders", "mode", "date", "status", "evidence"]


def test_stated_date_keeps_the_spec_keys() -> None:
    facts = extract("Joe Biden had a phone call with Olaf Scholz on Monday.", DAY)
    data = facts.to_dict()["contacts"][0]
    assert data["date"] == "2022-05-09"
    assert list(data) == ["leaders", "mode", "date", "status", "evidence"]


@pytest.mark.parametrize(
    ("phrase", "lang", "expected"),
    [
        ("the Presidents of Latvia and Estonia", "en", ("Egils Levits", "Alar Karis")),
        ("the Prime Ministers of Latvia and Estonia", "en", ("Krišjānis Kariņš", "Kaja Kallas")),
        ("les présidents letton et estonien", "fr", ("Egils Levits", "Alar Karis")),
        ("les dirigeants letton et estonien", "fr", ("Krišjānis Kariņš", "Kaja Kallas")),
        # a role a country lacks falls back to its leader: Spain has no president
        ("the presidents of Spain and Latvia", "en", ("Pedro Sánchez", "Egils Levits")),
    ],
)
def test_plural_roles_give_one_group_mention_per_leader(
    phrase: str, lang: str, expected: tuple[str, ...]
) -> None:
    from monitor.extract.actors import find_actors
    from monitor.extract.leaders import find_mentions

    mentions = find_mentions(phrase, DAY, lang, find_actors(phrase))
    assert [m.kind for m in mentions] == ["group"] * len(expected)
    assert tuple(m.leaders[0] for m in mentions) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I was glad to meet the presidents today.", [("president", None, False)]),
        ("when four leaders arrived in Kyiv", [("executive", 4, False)]),
        ("les trois dirigeants sont arrivés", [("executive", 3, False)]),
        ("talks with the Prime Ministers of the three countries", [("prime_minister", 3, True)]),
        # named, not named again; a pair; no number for a vague role; no determiner
        ("the presidents of France and Latvia met", []),
        ("the two leaders spoke", []),
        ("the leaders met in Kyiv", []),
        ("EU leaders met in Brussels", []),
    ],
)
def test_groups_named_again(sentence: str, expected: list[tuple]) -> None:
    from monitor.extract.leaders import find_collectives

    got = [(c.role, c.count, c.by_country) for c in find_collectives(sentence)]
    assert got == expected
