"""Troop figures: the error classes real news showed (issue 11), as table rows.

Sentences written for these tests, one or more per class: casualties, wounded,
detainees and prisoners, evacuees, capacities, individuals, a call-up of "men",
equipment beside a figure, another clause's casualties, typos in number words, a
figure in a subordinate clause, future tense. Each row gives the figures a careful
reader would extract as (actor, count, count_max, qualifier, status).
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
