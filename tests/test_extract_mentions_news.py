"""Leader mentions as news copy words them: sentences written for these tests.

Four classes: a title's leaders reach the body ("les deux chefs d'Etat", "il", "le chef
de l'Etat" refer to them); a short name after a capitalised word that is no first name
("Ohio. Biden", "Inside Biden's"); roles that are not the head of a country (an
institution's chief, a generic "un dirigeant français") or that are ("Belarus' leader",
"its president", the junta's leader, a ruling crown prince); country short forms.
"""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import extract
from monitor.extract.actors import find_actors
from monitor.extract.leaders import find_mentions

D = dt.date
DAY = D(2023, 5, 10)  # a Wednesday
TUESDAY = D(2023, 5, 9)

# (title, text, publication day, contacts expected as (leaders, date, status))
CONTACT_ROWS = [
    # --- the title's pair is "les deux dirigeants" / "the two leaders" of the body
    (
        "Emmanuel Macron et Olaf Scholz renouent le dialogue",
        "Les deux dirigeants se sont parlé au téléphone, mardi.",
        DAY,
        [(("Emmanuel Macron", "Olaf Scholz"), TUESDAY, "held")],
    ),
    (
        "Rishi Sunak and Narendra Modi seek a trade deal",
        "The two leaders spoke by phone on Tuesday about tariffs.",
        DAY,
        [(("Narendra Modi", "Rishi Sunak"), TUESDAY, "held")],
    ),
    # --- the title's leader is "le chef de l'Etat" / "il" of the body
    (
        "Lula veut relancer le Mercosur",
        "Le chef de l'Etat a reçu mardi Alberto Fernández à Brasília.",
        DAY,
        [(("Alberto Fernández", "Luiz Inácio Lula da Silva"), TUESDAY, "held")],
    ),
    (
        "Lula wants to revive Mercosur",
        "He hosted Alberto Fernández in Brasília on Tuesday.",
        DAY,
        [(("Alberto Fernández", "Luiz Inácio Lula da Silva"), TUESDAY, "held")],
    ),
    # --- a short name after a capitalised word that is no first name
    (
        "",
        "The strike spread to Texas. Biden, who flew to Mexico City on Tuesday, met Andrés "
        "Manuel López Obrador there.",
        DAY,
        [(("Andrés Manuel López Obrador", "Joe Biden"), TUESDAY, "held")],
    ),
    (
        "Inside Macron's night talks with Scholz",
        "",
        DAY,
        [(("Emmanuel Macron", "Olaf Scholz"), DAY, "held")],
    ),
    (
        "",
        "Le sommet s'est ouvert à Bruxelles. Scholz a rencontré mardi Giorgia Meloni.",
        DAY,
        [(("Giorgia Meloni", "Olaf Scholz"), TUESDAY, "held")],
    ),
    # --- a ruling crown prince is a leader
    (
        "",
        "Emmanuel Macron a reçu mardi le prince héritier saoudien à l'Elysée.",
        D(2019, 5, 8),
        [(("Emmanuel Macron", "Mohammed bin Salman"), D(2019, 5, 7), "held")],
    ),
    (
        "",
        "Saudi crown prince Mohammed bin Salman met Xi Jinping in Beijing on Tuesday.",
        D(2019, 2, 27),
        [(("Mohammed bin Salman", "Xi Jinping"), D(2019, 2, 26), "held")],
    ),
    # --- roles resolved by a possessive, an apostrophe or a junta
    (
        "",
        "Belarus' leader met Xi Jinping in Beijing on Tuesday.",
        DAY,
        [(("Alexander Lukashenko", "Xi Jinping"), TUESDAY, "held")],
    ),
    (
        "",
        "Venezuela signed oil deals with Iran on Tuesday during a visit by its president "
        "to Nicolás Maduro.",
        DAY,
        [(("Nicolás Maduro", "Ebrahim Raisi"), TUESDAY, "held")],
    ),
    (
        "",
        "Au Mali, Vladimir Poutine s'est entretenu mardi au téléphone avec le chef de la junte.",
        DAY,
        [(("Assimi Goïta", "Vladimir Putin"), TUESDAY, "held")],
    ),
    (
        "",
        "Emmanuel Macron a reçu mardi le président des Emirats à l'Elysée.",
        DAY,
        [(("Emmanuel Macron", "Mohamed bin Zayed Al Nahyan"), TUESDAY, "held")],
    ),
    # --- near misses: nothing
    # two leaders a title names without a contact word or a joiner are no pair
    (
        "Joe Biden says Vladimir Putin miscalculated",
        "The two leaders spoke by phone on Tuesday.",
        DAY,
        [],
    ),
    (
        "Emmanuel Macron et Olaf Scholz en désaccord",
        "Les deux dirigeants se sont exprimés séparément, mardi.",
        DAY,
        [],
    ),
    # another person of the same name
    ("", "Hunter Biden met Xi Jinping in Beijing on Tuesday.", DAY, []),
    ("", "La grève a duré. Brigitte Macron a reçu mardi Olaf Scholz.", DAY, []),
    # an institution's chief, a generic leader
    ("", "Pentagon chief speaks with Chinese counterpart on Tuesday.", DAY, []),
    ("", "The State Department's chief met his Chinese counterpart on Tuesday.", DAY, []),
    (
        "",
        "La visite à Kiev de la ministre est la première d'un dirigeant français depuis "
        "l'été, a souligné Volodymyr Zelensky.",
        DAY,
        [],
    ),
    ("", "A French leader will meet Volodymyr Zelensky one day, he said.", DAY, []),
    # the crown prince before he ruled is no leader
    ("", "Barack Obama met the Saudi crown prince in Riyadh on Tuesday.", D(2016, 4, 20), []),
]


@pytest.mark.parametrize(("title", "text", "day", "expected"), CONTACT_ROWS)
def test_contacts_of_news_mentions(
    title: str, text: str, day: dt.date, expected: list[tuple[tuple[str, str], dt.date, str]]
) -> None:
    facts = extract(text, day, title=title)
    got = sorted((tuple(sorted(c.leaders)), c.date, c.status) for c in facts.contacts)
    assert got == sorted((tuple(sorted(p)), d, s) for p, d, s in expected)


# (sentence, day, leaders meant by its mentions, in order)
MENTION_ROWS = [
    ("Kremlin chief Vladimir Putin spoke with Xi Jinping.", DAY, ["Vladimir Putin", "Xi Jinping"]),
    ("Will Biden-Xi summit ease tensions?", DAY, ["Joe Biden", "Xi Jinping"]),
    ("Why Erdoğan changed his mind", DAY, ["Recep Tayyip Erdoğan"]),
    ("le leader de la junte à Bamako", DAY, ["Assimi Goïta"]),
    ("the junta leader in Ouagadougou", DAY, ["Ibrahim Traoré"]),
    ("La Russie et son président", DAY, ["Vladimir Putin"]),
    ("Pentagon chief", DAY, []),
    ("le chef du Pentagone", DAY, []),
    ("un dirigeant français", DAY, []),
    ("Jill Biden", DAY, []),
    ("Why Jill Biden", DAY, []),
]


@pytest.mark.parametrize(("sentence", "day", "expected"), MENTION_ROWS)
def test_mentions(sentence: str, day: dt.date, expected: list[str]) -> None:
    lang = "fr" if any(w in sentence.split() for w in ("le", "la", "un", "du", "et")) else "en"
    mentions = find_mentions(sentence, day, lang, find_actors(sentence))
    assert [label for m in mentions for label in m.leaders] == expected


# (title, text, day, troop figures expected as (actor, count))
TROOP_ROWS = [
    # the actor only the title names
    (
        "Le Tchad envoie des renforts vers sa frontière nord",
        "Selon le ministère, 1 500 soldats ont déjà été déployés dans la région.",
        DAY,
        [("Chad", 1500)],
    ),
    # "au Salvador" is the country
    (
        "",
        "Au Salvador, 3 000 soldats ont été déployés dans la capitale.",
        DAY,
        [("El Salvador", 3000)],
    ),
]


@pytest.mark.parametrize(("title", "text", "day", "expected"), TROOP_ROWS)
def test_troop_actors(title: str, text: str, day: dt.date, expected: list[tuple[str, int]]) -> None:
    facts = extract(text, day, title=title)
    assert [(t.actor, t.count) for t in facts.troops] == expected
