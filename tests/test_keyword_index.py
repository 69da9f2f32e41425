"""The rule set's keyword automaton answers exactly what one regex per keyword would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.article import Entry, normalize
from monitor.rules import Context, MatchRule, RuleSet
from monitor.textmatch import KeywordIndex, fold, keyword_key, keyword_pattern

WORDS = [
    "poutine",
    "Poutine",
    "état",
    "etat",
    "d'alerte",
    "d’alerte",
    "kiev",
    "Kyiv",
    "otan",
    "OTAN",
    "désescalade",
    "escalade",
    "Macron",
    "macronie",
    "soldats",
    "soldat",
    "8 500",
    "C++",
    "x_y",
    "œuvre",
]
keyword = st.builds(
    lambda words, star: " ".join(words) + ("*" if star else ""),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=2),
    st.booleans(),
)
text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from([" ", "  ", "\n", ", ", ".", "-", "«", "_", "é", "\u00a0", "\x1c", " \t "]),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(keyword, min_size=1, max_size=12), text)
def test_index_equals_one_regex_per_keyword(keywords, body):
    index = KeywordIndex(keywords)
    folded = fold(body)
    expected = {keyword_key(k) for k in keywords if keyword_pattern(k).search(folded)}
    assert index.search(folded) == expected


def reference_fold(text: str) -> str:
    """fold()'s definition, spelled out slowly: ligatures and typographic marks
    replaced, NFKD, combining marks dropped, casefolded."""
    import unicodedata

    from monitor.textmatch import _SPELL_OUT

    text = unicodedata.normalize("NFKD", text.translate(_SPELL_OUT))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@settings(max_examples=2000, deadline=None)
@given(
    st.text(
        st.one_of(
            st.characters(),  # anything, astral and combining included
            st.characters(max_codepoint=0x36F),  # the Latin fast path
            st.sampled_from("ÉéèœŒæßİı’«»\u00a0\u202f\u034f\u0301 €—"),
        ),
        max_size=30,
    )
)
def test_fold_is_its_definition(text):
    assert fold(text) == reference_fold(text)


def rule_set(specs):
    return RuleSet(
        rules=tuple(MatchRule(id=f"r{i}", type="match", match=m) for i, m in enumerate(specs))
    )


spec = st.recursive(
    keyword,
    lambda inner: st.one_of(
        st.fixed_dictionaries({"any": st.lists(inner, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"all": st.lists(inner, min_size=1, max_size=3)}),
        st.fixed_dictionaries({"any": st.lists(inner, min_size=1, max_size=2), "not": inner}),
        st.fixed_dictionaries({"title": inner}),
        st.fixed_dictionaries({"not": inner}),
        st.fixed_dictionaries(
            {"any": st.lists(inner, min_size=1, max_size=2), "source": st.just("s*")}
        ),
    ),
    max_leaves=6,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(spec, min_size=1, max_size=8), text, text)
def test_rules_fire_the_same_with_and_without_the_index(specs, title, body):
    rules = rule_set(specs)
    entry = Entry(
        source="s", title=f"{title} t", text=f"{body} x", published=datetime(2022, 2, 3, tzinfo=UTC)
    )
    article = normalize(entry, fetched=datetime(2022, 2, 3, tzinfo=UTC))
    assert article is not None
    with_index = [
        m.key for r in rules.rules for m in r.evaluate(Context(article=article, index=rules.index))
    ]
    without = [m.key for r in rules.rules for m in r.evaluate(Context(article=article))]
    assert with_index == without
    # Skipping the rules that cannot fire changes nothing either.
    ctx = Context(article=article, index=rules.index)
    pruned = [m.key for r in rules.candidates(ctx) for m in r.evaluate(ctx)]
    assert pruned == without


def nested(depth: int) -> object:
    spec: object = "poutine"
    for _ in range(depth // 2):
        spec = {"not": {"not": [spec, "absent"]}}
    return spec


def test_too_deep_a_rule_is_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="nested more than 100 levels deep"):
        MatchRule(id="deep", type="match", match=nested(110))


def test_a_rule_nested_past_the_parsers_limit_still_decides():
    rule = MatchRule(id="deep", type="match", match=nested(100))
    rules = RuleSet(rules=(rule,))
    article = normalize(
        Entry(source="s", url="https://x.example/1", title="t", text="Vladimir Poutine."),
        fetched=datetime(2022, 2, 3, tzinfo=UTC),
    )
    assert article is not None
    ctx = Context(article=article, index=rules.index)
    assert [m.rule for r in rules.candidates(ctx) for m in r.evaluate(ctx)] == ["deep"]
