"""The public API: record shapes, JSON order, purity, robustness, the gazetteer file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.extract import Contact, Facts, TroopFigure, article_date, extract
from monitor.extract.leaders import Mention, find_mentions, gazetteer

DAY = dt.date(2022, 2, 3)
ARTICLE = (
    "Washington a annoncé l'envoi de 3 000 soldats américains en Europe de l'Est.\n\n"
    "Le président français Emmanuel Macron s'est entretenu ce 3 février par téléphone avec "
    "son homologue russe Vladimir Poutine. Les deux dirigeants sont convenus de se revoir."
)


def test_to_dict_matches_the_spec_shape() -> None:
    facts = extract(ARTICLE, DAY)
    data = facts.to_dict()
    assert list(data) == ["troops", "contacts"]
    assert list(data["troops"][0]) == [
        "actor",
        "count",
        "count_max",
        "qualifier",
        "status",
        "location",
        "evidence",
    ]
    assert list(data["contacts"][0]) == ["leaders", "mode", "date", "status", "evidence"]
    assert data["contacts"][0]["leaders"] == ["Emmanuel Macron", "Vladimir Putin"]
    assert data["contacts"][0]["date"] == "2022-02-03"
    json.dumps(data)  # JSON-ready


def test_records_are_frozen_and_keyword_only() -> None:
    for cls in (TroopFigure, Contact, Facts):
        assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    figure = extract(ARTICLE, DAY).troops[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        figure.count = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        TroopFigure("United States", 1, None, "exact", "deployed", None, "x")  # type: ignore[misc]


def test_evidence_is_the_whole_original_sentence() -> None:
    text = "Selon le Pentagone, « jusqu’à 8 500 militaires » ont été placés en état d’alerte."
    (figure,) = extract(text, DAY).troops
    assert figure.evidence == text


def test_contact_leaders_are_sorted() -> None:
    facts = extract("Vladimir Poutine a appelé Emmanuel Macron vendredi.", D(2022, 1, 30))
    assert facts.contacts[0].leaders == ("Emmanuel Macron", "Vladimir Putin")


def D(y: int, m: int, d: int) -> dt.date:
    return dt.date(y, m, d)


def test_deterministic_and_thread_safe() -> None:
    first = extract(ARTICLE, DAY)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: extract(ARTICLE, DAY), range(32)))
    assert all(r == first for r in results)


def test_title_adds_nothing_already_found() -> None:
    title = "Macron et Poutine se sont entretenus par téléphone"
    assert extract(ARTICLE, DAY, title=title).contacts == extract(ARTICLE, DAY).contacts


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "soldats",
        "9" * 5000 + " soldats",
        "999999999999999999999 soldats",
        "entre 5 et 3 soldats",
        "\u0000\ufeff\u202e«»",
        "le 99 janvier",
        "Poutine Poutine Poutine",
        "les deux dirigeants se sont parlé",
        "a" * 100_000,
        "Le 31 février, Macron a appelé Biden.",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    assert isinstance(extract(text, DAY), Facts)
    assert isinstance(article_date(text, year_month=None, fallback=DAY), dt.date)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600), st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9999, 12, 24)))
def test_extract_never_raises(text: str, day: dt.date) -> None:
    facts = extract(text, day)
    for c in facts.contacts:
        assert c.leaders == tuple(sorted(c.leaders)) and len(set(c.leaders)) == 2


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Poutine",
                "Macron",
                " a ",
                "appelé",
                "envoyé",
                "3 000",
                "soldats",
                "hier",
                ".",
                " ",
                "le président russe",
                "son homologue",
                "entre",
                "et",
                "jusqu'à",
                "Washington",
                "en Pologne",
                "rencontrer",
                "n'a pas",
                "lundi",
                "des milliers d'hommes",
                "aux frontières de l'Ukraine",
            ]
        ),
        max_size=40,
    )
)
def test_extract_never_raises_on_news_like_soup(words: list[str]) -> None:
    extract("".join(words), DAY)


def test_gazetteer_file_says_where_it_comes_from() -> None:
    raw = resources.files("monitor").joinpath("data/leaders.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert "P35" in data["source"] and "P6" in data["source"]
    assert "build_leaders.py" in data["refresh"]
    labels = [p["label"] for p in data["leaders"]]
    assert len(labels) == len(set(labels))
    for p in data["leaders"]:
        for t in p["terms"]:
            assert t["office"] in ("head_of_state", "head_of_government")
            assert t["start"] and (t["end"] is None or t["end"] > t["start"])


@pytest.mark.parametrize(
    ("phrase", "day", "label"),
    [
        ("le chancelier allemand", D(2021, 11, 1), "Angela Merkel"),
        ("le chancelier allemand", D(2022, 1, 15), "Olaf Scholz"),
        ("le chancelier allemand", D(2025, 6, 1), "Friedrich Merz"),
        ("le Premier ministre britannique", D(2022, 8, 1), "Boris Johnson"),
        ("le Premier ministre britannique", D(2022, 10, 1), "Liz Truss"),
        ("le Premier ministre britannique", D(2023, 1, 1), "Rishi Sunak"),
        ("the U.S. president", D(2020, 6, 1), "Donald Trump"),
        ("the US president", D(2022, 6, 1), "Joe Biden"),
        ("le chef du Kremlin", D(2010, 6, 1), "Dmitry Medvedev"),
        ("le président de la République", D(2016, 1, 1), "François Hollande"),
        ("Zelenskiy", D(2022, 3, 1), "Volodymyr Zelensky"),
        ("Loukachenko", D(2022, 3, 1), "Alexander Lukashenko"),
        ("M. Erdogan", D(2022, 3, 1), "Recep Tayyip Erdoğan"),
        ("le président turc", D(2012, 3, 1), "Abdullah Gül"),
    ],
)
def test_roles_and_names_resolve_for_the_date(phrase: str, day: dt.date, label: str) -> None:
    from monitor.extract.actors import find_actors

    mentions: list[Mention] = find_mentions(phrase, day, "fr", find_actors(phrase))
    assert [m.leaders for m in mentions] == [(label,)]


def test_ministers_and_spokespeople_are_not_leaders() -> None:
    g = gazetteer()
    for name in (
        "Sergueï Lavrov",
        "Antony Blinken",
        "Dmitri Peskov",
        "John Kirby",
        "Pierre Vimont",
        "Jens Stoltenberg",
    ):
        assert find_mentions(name, DAY, "fr") == []
    assert "Volodymyr Zelensky" in g.by_label


@pytest.mark.parametrize(
    "text",
    [
        "Poutine a rencontré Macron et " * 4000,
        "1 000 2 000 3 000 soldats " * 5000,
        "Macron a appelé Poutine lundi. " * 5000,
        "3 000 " + "de " * 5000 + "soldats.",
    ],
    ids=["run-on names", "run-on numbers", "repeated contacts", "filler attack"],
)
def test_pathological_input_stays_fast(text: str) -> None:
    start = time.perf_counter()
    extract(text, DAY)
    assert time.perf_counter() - start < 5.0
