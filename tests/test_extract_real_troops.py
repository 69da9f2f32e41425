"""Troop figures: the error classes real news showed (issue 11), as table rows.

Sentences written for these tests, one or more per class: casualties, wounded,
detainees and prisoners, evacuees, capacities, individuals, a call-up of "men",
equipment beside a figure, another clause's casualties, typos in number words, a
figure in a subordinate clause, future tense; then exercises and parades, a
contingent's change ("passer de 600 à 900"), "personnes" called up, a force placed by
"y" / "there", troops besieged rather than encircling, and an actor named after the
figure. Each row gives the figures a careful reader would extract as (actor, count,
count_max, qualifier, status).
"""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import extract

DAY = dt.date(2022, 10, 5)

FIGURES = [
    # a call-up makes "hommes" / "men" soldiers
    (
        "Le Kremlin a décrété la mobilisation de 200 000 hommes.",
        [("Russia", 200000, None, "exact", "alert")],
    ),
    (
        "Moscow has mobilised 150,000 men since September.",
        [("Russia", 150000, None, "exact", "alert")],
    ),
    # "enverra": the future of envoyer; the subordinate clause keeps its own figure
    (
        "Le Canada, qui a déjà 800 soldats en Lettonie, enverra 400 militaires de plus.",
        [("Canada", 800, None, "exact", "deployed"), ("Canada", 400, None, "exact", "deployed")],
    ),
    (
        "L'Espagne enverra 300 soldats supplémentaires, selon le ministère.",
        [("Spain", 300, None, "exact", "deployed")],
    ),
    # casualties of another clause do not cancel the figure
    (
        "Russia sent tanks and 4,000 troops to the border, while 12 soldiers were injured.",
        [("Russia", 4000, None, "exact", "deployed")],
    ),
    (
        "Kyiv says 15 soldiers were killed as Russia deployed 2,000 troops near Kharkiv.",
        [("Russia", 2000, None, "exact", "deployed")],
    ),
    # equipment beside the figure
    (
        "Moscou a envoyé des chars et deux mille militaires vers la frontière.",
        [("Russia", 2000, None, "exact", "deployed")],
    ),
    # common typos in number words
    (
        "Deux cent soldats français sont arrivés au Niger.",
        [("France", 200, None, "exact", "deployed")],
    ),
    (
        "Mille cinq cent soldats italiens sont attendus en Bulgarie.",
        [("Italy", 1500, None, "exact", "deployed")],
    ),
    # the sentence's head figure among several numbers
    (
        "Selon Washington, qui a déployé 3 000 soldats en Pologne, la Russie a massé "
        "100 000 hommes à la frontière.",
        [
            ("United States", 3000, None, "exact", "deployed"),
            ("Russia", 100000, None, "exact", "massed"),
        ],
    ),
    # an exercise counts only as troops sent abroad for it, sender and place named
    (
        "Ahead of the drills, Russia sent 30,000 troops to Belarus.",
        [("Russia", 30000, None, "exact", "deployed")],
    ),
    (
        "En Biélorussie, quelque 9 000 soldats russes participent aux manœuvres.",
        [("Russia", 9000, None, "approx", "deployed")],
    ),
    # a contingent's change: the figure now and the one planned (or reached)
    (
        "Le nombre de soldats belges au sein de la mission doit passer de 600 à 900 d'ici l'été.",
        [
            ("Belgium", 600, None, "exact", "deployed"),
            ("Belgium", 900, None, "exact", "considered"),
        ],
    ),
    (
        "The number of Dutch troops in Lithuania will rise from 250 to 400 next year.",
        [
            ("Netherlands", 250, None, "exact", "deployed"),
            ("Netherlands", 400, None, "exact", "considered"),
        ],
    ),
    (
        "The contingent has grown from 1,500 to 2,000 British soldiers since May.",
        [
            ("United Kingdom", 1500, None, "exact", "deployed"),
            ("United Kingdom", 2000, None, "exact", "deployed"),
        ],
    ),
    # "personnes" / "people" right after a military call-up
    (
        "Minsk a annoncé la mobilisation militaire partielle de 50 000 personnes.",
        [("Belarus", 50000, None, "exact", "alert")],
    ),
    (
        "Moscow ordered the partial military mobilisation of 200,000 people.",
        [("Russia", 200000, None, "exact", "alert")],
    ),
    # a standing force placed by "y" / "there"
    (
        "La France y maintient une force de 1 200 hommes depuis 2014.",
        [("France", 1200, None, "exact", "deployed")],
    ),
    (
        "Britain keeps 900 troops there under the agreement.",
        [("United Kingdom", 900, None, "exact", "deployed")],
    ),
    # troops that encircle are massed
    (
        "Some 20,000 Russian troops are surrounding Mariupol.",
        [("Russia", 20000, None, "approx", "massed")],
    ),
    (
        "Quelque 10 000 soldats russes encerclent Marioupol.",
        [("Russia", 10000, None, "approx", "massed")],
    ),
    # the actor named after the figure, as the source or the next clause's subject
    (
        "Plusieurs centaines de soldats ont été déployés dans le sud, affirme l'armée polonaise.",
        [("Poland", None, None, "vague", "deployed")],
    ),
    (
        "An additional 500 troops are being sent; the NATO mission there now numbers 4,000.",
        [("NATO", 500, None, "exact", "deployed")],
    ),
    # but not a place named in a purpose clause
    (
        "Quelque 2 000 soldats ont été déployés pour protéger la route Addis-Djibouti.",
        [(None, 2000, None, "approx", "deployed")],
    ),
]

NOT_FIGURES = [
    # casualties
    "Au moins 40 soldats russes stationnés à Kherson auraient péri dans la frappe.",
    "Une dizaine de militaires envoyés au front ont succombé à leurs blessures.",
    "Au Niger, 17 soldats et 4 civils tués dans une embuscade.",
    # detainees and prisoners
    "Les 35 soldats béninois arrêtés à Niamey seront jugés le mois prochain.",
    "Le procès de 27 militaires tchadiens s'est ouvert à N'Djamena.",
    "Over 150 Azerbaijani servicemen were returned to Baku under the deal.",
    "The 60 Nigerian soldiers detained in Conakry will be tried in March.",
    "Vingt soldats russes soupçonnés de pillage ont été identifiés à Boutcha.",
    "Twelve Belarusian soldiers accused of desertion were sent back to Minsk.",
    # people fleeing a call-up
    "La mobilisation militaire a provoqué la fuite de milliers d'hommes vers la Géorgie.",
    # evacuees
    "Plus de 200 soldats ukrainiens évacués de l'usine ont été transférés à Donetsk.",
    # capacities
    "La nouvelle base, capable d'accueillir 5 000 soldats, ouvrira en Roumanie.",
    # individuals, not a force
    "Les deux militaires arrivés à Bamako ont rencontré la junte.",
    # "men" without a call-up right before them
    "Quelque 90 000 hommes auraient quitté la Russie depuis l'annonce de la mobilisation.",
    # exercises and parades at home, readiness tests
    "Ces manœuvres, qui mobilisent 4 000 soldats de huit pays, se tiennent jusqu'à vendredi en Grèce.",
    "Plus de 8 000 personnes ont été mobilisées pour le défilé, où 4 200 militaires ont défilé.",
    "The alliance will gather 30,000 troops next spring to test its readiness for a Russian attack.",
    "Around 5,000 troops are taking part in the drills near the Polish border.",
    # a change of casualties, not of a contingent
    "Le nombre de soldats blessés est passé de 40 à 60 en une semaine.",
    # "personnes" mobilised for something else than an army
    "L'association a mobilisé une centaine de personnes pour accueillir les réfugiés.",
    # an existential "il y a" / "there are" places nothing
    "Selon Kiev, il y a 40 000 soldats russes.",
    "There are 900 soldiers in the regiment.",
    # troops besieged, not massed
    "When the port was surrounded, more than 6,000 Ukrainian soldiers were inside it.",
    "Dans la ville encerclée, plus de 3 000 soldats ukrainiens résistent.",
]


def _figures(text: str) -> list[tuple]:
    return [
        (t.actor, t.count, t.count_max, t.qualifier, t.status) for t in extract(text, DAY).troops
    ]


@pytest.mark.parametrize(("text", "expected"), FIGURES, ids=[t[:40] for t, _ in FIGURES])
def test_troop_figures(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize("text", NOT_FIGURES, ids=[t[:40] for t in NOT_FIGURES])
def test_not_troop_figures(text: str) -> None:
    assert _figures(text) == []
