"""Dates: the article's own day, and contact dates resolved from the publication day."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import article_date
from monitor.extract.dates import find_dates, resolve

D = dt.date
TODAY = D(2026, 11, 21)

ARTICLE_DATES = [
    (
        "Titre\n\nParis, 28 janvier (TASR) – Les présidents se sont parlé vendredi.",
        None,
        D(2022, 1, 28),
    ),
    ("L'Elysée a annoncé ce 24 janvier la tenue d'un entretien.", (2022, 1), D(2022, 1, 24)),
    ("Le Kremlin a exhorté ce 3 février les Etats-Unis à cesser.", (2022, 2), D(2022, 2, 3)),
    ("MOSCOW, Feb 3 (Reuters) - The Kremlin said on Thursday...", (2022, 2), D(2022, 2, 3)),
    ("WASHINGTON, Jan. 24 (Reuters) - The Pentagon said...", None, D(2026, 1, 24)),
    ("KYIV, March 1 (AP) — Russian forces shelled...", (2022, 3), D(2022, 3, 1)),
    ("The Pentagon on Monday, January 24 put troops on alert.", (2022, 1), D(2022, 1, 24)),
    ("Berlin, le 8 décembre 2021 – Olaf Scholz a été élu chancelier.", None, D(2021, 12, 8)),
    ("Un texte sans jour précis.", (2022, 3), D(2022, 3, 1)),
    ("Feb 2 (Reuters) - The Pentagon said on Wednesday...", (2022, 2), D(2022, 2, 2)),
    ("By Jane Doe. February 2, 2022. The Pentagon said...", None, D(2022, 2, 2)),
    ("Publié le 3 février 2022 à 18h. Le Kremlin a exhorté...", None, D(2022, 2, 3)),
    (
        "Publié le 24/01/2022 à 10h30. Washington place 8 500 soldats en alerte.",
        None,
        D(2022, 1, 24),
    ),
    ("2022-02-03 Le Kremlin exhorte les Etats-Unis à cesser.", None, D(2022, 2, 3)),
    ("Un texte sans rien.", None, TODAY),
    ("Ce 31 décembre, Vladimir Poutine a présenté ses voeux.", (2022, 1), D(2021, 12, 31)),
    # no weekday: the year in which the leaders named were all in office
    (
        "Pékin, 5 août (AFP) – Xi Jinping s'est entretenu avec Joe Biden et Fumio Kishida.",
        None,
        D(2024, 8, 5),
    ),
    ("JERUSALEM, Oct 9 (Reuters) - Israel called up reservists on Monday.", None, D(2023, 10, 9)),
]


@pytest.mark.parametrize(
    ("text", "year_month", "expected"), ARTICLE_DATES, ids=[t[:30] for t, _, _ in ARTICLE_DATES]
)
def test_article_date(text: str, year_month: tuple[int, int] | None, expected: dt.date) -> None:
    assert article_date(text, year_month=year_month, fallback=TODAY) == expected


RESOLVED = [
    # (expression, published, planned, expected)
    ("vendredi", D(2022, 1, 28), False, D(2022, 1, 28)),
    ("vendredi", D(2022, 1, 30), False, D(2022, 1, 28)),
    ("lundi", D(2022, 2, 3), True, D(2022, 2, 7)),
    ("lundi prochain", D(2022, 2, 3), False, D(2022, 2, 7)),
    ("samedi dernier", D(2022, 2, 5), False, D(2022, 1, 29)),
    ("la veille", D(2022, 2, 3), False, D(2022, 2, 2)),
    ("hier", D(2022, 3, 1), False, D(2022, 2, 28)),
    ("aujourd'hui", D(2022, 3, 1), False, D(2022, 3, 1)),
    ("demain", D(2022, 12, 31), True, D(2023, 1, 1)),
    ("le 28 décembre", D(2022, 1, 3), False, D(2021, 12, 28)),
    ("le 5 janvier", D(2021, 12, 28), True, D(2022, 1, 5)),
    ("le 31 janvier", D(2022, 2, 3), False, D(2022, 1, 31)),
    ("le 1er février", D(2022, 2, 3), False, D(2022, 2, 1)),
    ("ce 3 février", D(2022, 2, 3), False, D(2022, 2, 3)),
    ("on Monday", D(2022, 1, 26), False, D(2022, 1, 24)),
    ("next Tuesday", D(2022, 1, 26), False, D(2022, 2, 1)),
    ("yesterday", D(2022, 1, 1), False, D(2021, 12, 31)),
    ("on Jan. 24", D(2022, 1, 26), False, D(2022, 1, 24)),
    ("on February 7", D(2022, 1, 31), True, D(2022, 2, 7)),
    ("le 12 mars 2014", D(2022, 1, 31), False, D(2014, 3, 12)),
    ("lundi", D(2022, 2, 5), None, D(2022, 2, 7)),
    ("mardi", D(2022, 2, 10), None, D(2022, 2, 8)),
]


@pytest.mark.parametrize(
    ("expression", "published", "planned", "expected"),
    RESOLVED,
    ids=[f"{e}@{p}" for e, p, _, _ in RESOLVED],
)
def test_resolve(
    expression: str, published: dt.date, planned: bool | None, expected: dt.date
) -> None:
    (mention,) = find_dates(expression)
    assert resolve(mention, published, planned=planned) == expected


def test_impossible_dates_are_dropped() -> None:
    mentions = find_dates("le 31 février")
    assert all(resolve(m, D(2022, 2, 3), planned=False) is None for m in mentions)
