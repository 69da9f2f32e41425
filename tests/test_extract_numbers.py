"""Quantities: digit grouping in French and English, number words, ranges, qualifiers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.extract.numbers import find_quantities, parse_digits

QUANTITIES = [
    ("jusqu'à 8 500 militaires", "fr", [(8500, None, "up_to")]),
    ("jusqu’à 8.500 militaires", "fr", [(8500, None, "up_to")]),
    ("quelque 100\u00a0000 soldats", "fr", [(100000, None, "approx")]),
    ("environ 12\u202f000 hommes", "fr", [(12000, None, "approx")]),
    ("entre 1.000 et 5.000 troupes", "fr", [(1000, 5000, "range")]),
    ("de 1 000 à 5 000 soldats", "fr", [(1000, 5000, "range")]),
    ("entre 8 et 10 000 soldats", "fr", [(8000, 10000, "range")]),
    ("1,5 million de soldats", "fr", [(1500000, None, "exact")]),
    ("plus de 1,2 million de soldats", "fr", [(1200000, None, "more_than")]),
    ("trois mille soldats", "fr", [(3000, None, "exact")]),
    ("cinq cents hommes", "fr", [(500, None, "exact")]),
    ("deux mille cinq cents soldats", "fr", [(2500, None, "exact")]),
    ("dix mille soldats", "fr", [(10000, None, "exact")]),
    ("une centaine de soldats", "fr", [(100, None, "approx")]),
    ("plus d'un millier de soldats", "fr", [(1000, None, "more_than")]),
    ("une dizaine de milliers de soldats", "fr", [(10000, None, "approx")]),
    ("des dizaines de milliers d'hommes", "fr", [(None, None, "vague")]),
    ("plusieurs milliers de soldats", "fr", [(None, None, "vague")]),
    ("près de 5 000 militaires", "fr", [(5000, None, "approx")]),
    ("au moins 300 soldats", "fr", [(300, None, "more_than")]),
    ("8,5 soldats", "fr", []),
    ("between 1,000 and 5,000 troops", "en", [(1000, 5000, "range")]),
    ("1,000-5,000 troops", "en", [(1000, 5000, "range")]),
    ("1.5 million troops", "en", [(1500000, None, "exact")]),
    ("two thousand troops", "en", [(2000, None, "exact")]),
    ("a thousand troops", "en", [(1000, None, "exact")]),
    ("some 8,500 troops", "en", [(8500, None, "approx")]),
    ("up to 350 troops", "en", [(350, None, "up_to")]),
    ("more than 100,000 Russian troops", "en", [(100000, None, "more_than")]),
    ("over 3,000 troops", "en", [(3000, None, "more_than")]),
    ("roughly 40,000 soldiers", "en", [(40000, None, "approx")]),
    ("tens of thousands of troops", "en", [(None, None, "vague")]),
    ("thousands of soldiers", "en", [(None, None, "vague")]),
]


@pytest.mark.parametrize(
    ("text", "lang", "expected"), QUANTITIES, ids=[t for t, _, _ in QUANTITIES]
)
def test_quantities(text: str, lang: str, expected: list[tuple]) -> None:
    found = [(q.count, q.count_max, q.qualifier) for q in find_quantities(text, lang)]
    assert found == expected


def _group(n: int, sep: str) -> str:
    digits = str(n)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sep.join(groups)


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from([" ", "\u00a0", "\u202f", ".", ",", ""]),
)
def test_grouped_integers_round_trip(n: int, sep: str) -> None:
    assert parse_digits(_group(n, sep)) == n


@given(
    st.integers(min_value=2, max_value=999_999),
    st.sampled_from(["fr", "en"]),
    st.sampled_from([" ", "\u00a0", ".", ","]),
)
def test_grouped_integer_in_a_sentence(n: int, lang: str, sep: str) -> None:
    text = f"Le pays a envoyé {_group(n, sep)} soldats hier."
    assert [q.count for q in find_quantities(text, lang)] == [n]


@given(st.text(max_size=300))
def test_find_quantities_never_raises(text: str) -> None:
    for q in find_quantities(text, "fr") + find_quantities(text, "en"):
        assert 0 <= q.start <= q.end <= len(text)
