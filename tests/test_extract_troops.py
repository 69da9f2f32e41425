"""Troop figures: table-driven cases in French and English, written for these tests.

Each case is one or two sentences and the figures a careful reader would extract, as
(actor, count, count_max, qualifier, status). Negative cases (casualties, refugees,
hours, money, hardware, force sizes) must give nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import extract

DAY = dt.date(2022, 2, 10)

FIGURES = [
    # French
    (
        "Le Pentagone a placé 2 000 soldats en état d'alerte maximale, a indiqué mardi un porte-parole.",
        [("United States", 2000, None, "exact", "alert")],
    ),
    (
        "Londres va déployer quelque 350 militaires supplémentaires en Pologne, a annoncé le "
        "ministère britannique de la Défense.",
        [("United Kingdom", 350, None, "approx", "deployed")],
    ),
    (
        "Selon les services de renseignement, Moscou a massé plus de 120 000 soldats le long de la "
        "frontière ukrainienne.",
        [("Russia", 120000, None, "more_than", "massed")],
    ),
    (
        "L'Allemagne pourrait envoyer entre 500 et 1 000 soldats en Lituanie.",
        [("Germany", 500, 1000, "range", "considered")],
    ),
    (
        "Berlin envisage d'envoyer jusqu'à 1.500 hommes de troupe en Lituanie.",
        [("Germany", 1500, None, "up_to", "considered")],
    ),
    (
        "Des dizaines de milliers de soldats russes sont stationnés en Biélorussie.",
        [("Russia", None, None, "vague", "deployed")],
    ),
    (
        "La France a commencé à retirer ses 2 400 soldats du Mali.",
        [("France", 2400, None, "exact", "withdrawn")],
    ),
    (
        "Trois mille militaires américains sont arrivés en Roumanie dimanche.",
        [("United States", 3000, None, "exact", "deployed")],
    ),
    (
        "Washington va dépêcher 8.500 soldats en Europe de l'Est.",
        [("United States", 8500, None, "exact", "deployed")],
    ),
    (
        "Le Royaume-Uni a mis 1\u202f000 soldats en alerte pour faire face à une crise humanitaire.",
        [("United Kingdom", 1000, None, "exact", "alert")],
    ),
    (
        "Près de 5 000 militaires de l'OTAN sont déployés dans les pays baltes.",
        [("NATO", 5000, None, "approx", "deployed")],
    ),
    (
        "Le Kremlin a fait rapatrier environ deux mille parachutistes du Kazakhstan.",
        [("Russia", 2000, None, "approx", "withdrawn")],
    ),
    (
        "L'Espagne a proposé de dépêcher une centaine de soldats en Bulgarie.",
        [("Spain", 100, None, "approx", "deployed")],
    ),
    (
        "Selon Kiev, plus de 1,2 million de soldats russes pourraient être mobilisés.",
        [("Russia", 1200000, None, "more_than", "alert")],
    ),
    (
        "Moscou a rassemblé de 90\u00a0000 à 100\u00a0000 hommes aux frontières de l'Ukraine.",
        [("Russia", 90000, 100000, "range", "massed")],
    ),
    # English
    (
        "The Pentagon has put 8,500 U.S. troops on heightened alert for possible deployment to "
        "Eastern Europe.",
        [("United States", 8500, None, "exact", "alert")],
    ),
    (
        "Russia has massed some 100,000 troops near its border with Ukraine, U.S. officials said.",
        [("Russia", 100000, None, "approx", "massed")],
    ),
    (
        "President Biden said he would send 3,000 additional troops to Poland and Romania.",
        [("United States", 3000, None, "exact", "deployed")],
    ),
    (
        "The White House is considering sending between 1,000 and 5,000 troops to the Baltic states.",
        [("United States", 1000, 5000, "range", "considered")],
    ),
    (
        "Britain will deploy up to 350 more troops to Poland.",
        [("United Kingdom", 350, None, "up_to", "deployed")],
    ),
    (
        "Tens of thousands of Russian troops remain stationed in Belarus.",
        [("Russia", None, None, "vague", "deployed")],
    ),
    (
        "Germany plans to withdraw about 1,000 soldiers from Lithuania by the end of the year.",
        [("Germany", 1000, None, "approx", "withdrawn")],
    ),
    (
        "NATO said more than 40,000 service members are now on standby.",
        [("NATO", 40000, None, "more_than", "alert")],
    ),
    (
        "The United States is reinforcing its eastern flank. Two thousand paratroopers arrived in "
        "Poland on Sunday.",
        [("United States", 2000, None, "exact", "deployed")],
    ),
    (
        "France could deploy 1,000-2,000 soldiers to Romania under a NATO mission.",
        [("France", 1000, 2000, "range", "considered")],
    ),
    (
        "Russia has deployed an estimated 100,000 troops, tanks and heavy weapons near Ukraine's "
        "eastern border.",
        [("Russia", 100000, None, "approx", "massed")],
    ),
    (
        "Le président américain a affirmé que plus de 150 000 soldats russes encerclaient "
        "désormais l'Ukraine.",
        [("Russia", 150000, None, "more_than", "massed")],
    ),
    (
        "Berlin a dit étudier le déploiement de quelques centaines de militaires en Lituanie.",
        [("Germany", None, None, "vague", "considered")],
    ),
    (
        "In Belarus, around 30,000 Russian soldiers are taking part in drills.",
        [("Russia", 30000, None, "approx", "deployed")],
    ),
    (
        "The Biden administration said it was sending 3,000 troops to Eastern Europe.",
        [("United States", 3000, None, "exact", "deployed")],
    ),
    (
        "NATO will put 300,000 forces on high readiness.",
        [("NATO", 300000, None, "exact", "alert")],
    ),
    (
        "Russia is believed to have up to 130,000 troops stationed near Ukraine.",
        [("Russia", 130000, None, "up_to", "deployed")],
    ),
    (
        "Russia has massed troops numbering more than 100,000 near the border.",
        [("Russia", 100000, None, "more_than", "massed")],
    ),
    (
        "Les troupes russes, estimées à 130 000 hommes, sont massées près de la frontière.",
        [("Russia", 130000, None, "approx", "massed")],
    ),
    (
        "Russian forces, estimated at 150,000, surround Ukraine.",
        [("Russia", 150000, None, "approx", "massed")],
    ),
    (
        "The Pentagon said about 2,000 highly trained U.S. troops were placed on alert.",
        [("United States", 2000, None, "approx", "alert")],
    ),
    (
        "Roughly 1.5 million Russian soldiers have been gathered along the border, Kyiv claims.",
        [("Russia", 1500000, None, "approx", "massed")],
    ),
]

NOT_FIGURES = [
    "Au moins 13 soldats ukrainiens ont été tués dans les bombardements.",
    "Quelque 200 000 réfugiés ont fui vers la Pologne depuis lundi.",
    "La salle est capable d'accueillir 5 000 personnes.",
    "Plus de huit heures de discussions ont eu lieu à Paris mercredi.",
    "Kiev a reçu 300 millions de dollars d'aide militaire des Etats-Unis.",
    "Moscou a aligné 1 200 chars près de la frontière.",
    "L'armée russe compte environ 900 000 hommes.",
    "Plus de 500 soldats russes ont été faits prisonniers.",
    "Le 24 février, des milliers de personnes ont manifesté à Berlin.",
    "Les Etats-Unis réclament le retrait des troupes étrangères de Biélorussie.",
    "At least 14 soldiers were killed and 30 wounded in the attack.",
    "More than 2 million refugees have fled Ukraine since the invasion began.",
    "The meeting lasted three hours and ended without a statement.",
    "Russia's army of about 900,000 active personnel is one of the largest in the world.",
    "The U.S. approved $350 million in military aid to Ukraine.",
    "Ukraine says it captured 500 Russian soldiers near Kharkiv.",
    "The stadium in Warsaw can hold 60,000 people.",
    "The alliance has trained 10,000 Ukrainian soldiers since 2015.",
    "Israeli forces killed 3 Palestinians in a raid.",
    "The company will send 3,000 workers to the new plant in Texas.",
    "Le XV de France a battu l'Irlande devant 80 000 spectateurs.",
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


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Washington va envoyer 3 000 soldats en Europe de l'Est.", "Europe de l'Est"),
        (
            "Quelque 100 000 soldats se sont rassemblés aux frontières de l'Ukraine.",
            "aux frontières de l'Ukraine",
        ),
        ("Britain will send 350 troops to Poland.", "Poland"),
        ("Paris va déployer 500 militaires en Roumanie.", "Roumanie"),
    ],
)
def test_location(text: str, location: str) -> None:
    (figure,) = extract(text, DAY).troops
    assert figure.location == location


def test_target_is_not_the_actor() -> None:
    (figure,) = extract("Les Etats-Unis vont envoyer 2 000 soldats en Pologne.", DAY).troops
    assert figure.actor == "United States"


def test_demonym_on_the_noun_wins_over_the_subject() -> None:
    text = "La Pologne accueillera 4 000 soldats américains supplémentaires."
    (figure,) = extract(text, DAY).troops
    assert figure.actor == "United States"


def test_actor_from_earlier_sentence_when_none_named() -> None:
    text = (
        "Le Pentagone a confirmé la décision. « Le nombre de militaires placés en état "
        "d'alerte va jusqu'à 8 500 hommes », a-t-il déclaré."
    )
    (figure,) = extract(text, DAY).troops
    assert (figure.actor, figure.count, figure.qualifier, figure.status) == (
        "United States",
        8500,
        "up_to",
        "alert",
    )


def test_figure_without_actor_continues_the_previous_figure() -> None:
    text = (
        "La France est prête à envoyer des soldats en Roumanie, dans le cadre de l'Otan. "
        "« Nous pourrions déployer jusqu'à 500 militaires », a précisé la ministre."
    )
    (figure,) = extract(text, DAY).troops
    assert (figure.actor, figure.count, figure.qualifier, figure.status) == (
        "France",
        500,
        "up_to",
        "considered",
    )


def test_same_figure_twice_is_one_fact_with_first_evidence() -> None:
    text = (
        "Washington a placé jusqu'à 8 500 militaires en état d'alerte. "
        "Ces 8 500 militaires en état d'alerte pourraient rejoindre l'OTAN."
    )
    facts = extract(text, DAY)
    assert len(facts.troops) == 1
    assert facts.troops[0].evidence.startswith("Washington a placé")
