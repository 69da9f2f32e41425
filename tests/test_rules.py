"""Rules: loading with file:line errors, and the match type's semantics."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from util import ROOT

from monitor.article import Entry, normalize
from monitor.errors import RuleError
from monitor.rules import Context, MatchRule, compile_expr, load_rules


def article(title="Titre", text="Texte.", source="lemonde", language="fr"):
    entry = Entry(
        source=source,
        title=title,
        text=text,
        language=language,
        url="https://example.org/a",
        published=datetime(2022, 2, 3, 12, tzinfo=UTC),
    )
    result = normalize(entry, fetched=datetime(2022, 2, 3, 13, tzinfo=UTC))
    assert result is not None
    return result


def fires(match, **fields) -> bool:
    rule = MatchRule(id="r", type="match", match=match)
    return bool(rule.evaluate(Context(article=article(**fields))))


@pytest.mark.parametrize(
    ("match", "fields", "expected"),
    [
        # The smallest rule: keywords in title or text, case and accents ignored, whole words.
        ({"any": ["Poutine", "Putin"]}, {"text": "Vladimir Poutine a parlé."}, True),
        ({"any": ["Poutine", "Putin"]}, {"title": "PUTIN SPEAKS"}, True),
        ({"any": ["Poutine", "Putin"]}, {"text": "Des poutines québécoises."}, False),
        ({"any": ["Poutine", "Putin"]}, {"text": "Rien à voir."}, False),
        ("Elysée", {"text": "L'ÉLYSÉE a annoncé"}, True),
        ("élysée", {"text": "l’Elysee a annoncé"}, True),
        ("Etats-Unis", {"text": "les États-Unis ont placé"}, True),
        ("chef d'Etat", {"text": "les chefs d’État"}, False),
        ("chefs d'Etat", {"text": "les chefs d’État et de gouvernement"}, True),
        ("état d'alerte", {"text": "en état  d’alerte"}, True),
        ("désescal*", {"text": "un chemin de désescalade"}, True),
        ("désescal*", {"text": "escalade"}, False),
        ("Œuvre", {"text": "une oeuvre"}, True),
        # Boolean structure.
        ({"all": ["Macron", "Poutine"]}, {"text": "Macron a appelé Poutine."}, True),
        ({"all": ["Macron", "Poutine"]}, {"text": "Macron seul."}, False),
        ({"any": ["Macron"], "not": ["football"]}, {"text": "Macron et le football"}, False),
        ({"any": ["Macron"], "not": "football"}, {"text": "Macron et la Russie"}, True),
        (
            {"all": [{"any": ["Biden", "Washington"]}, {"not": "sport"}]},
            {"text": "Washington"},
            True,
        ),
        (["Kiev", "Kyiv"], {"text": "à Kyiv"}, True),
        # Fields.
        ({"title": "Ukraine"}, {"title": "Rien", "text": "Ukraine"}, False),
        ({"title": "Ukraine"}, {"title": "Crise en Ukraine", "text": "x"}, True),
        ({"text": "Ukraine"}, {"title": "Ukraine", "text": "x"}, False),
        ({"source": "lemonde*"}, {"source": "lemonde-international"}, True),
        ({"source": "lemonde*"}, {"source": "bbc"}, False),
        ({"language": "en", "any": ["troops"]}, {"text": "3,000 troops", "language": "en"}, True),
        ({"language": "en", "any": ["troops"]}, {"text": "3,000 troops", "language": "fr"}, False),
        # Regular expressions run on the original text, ignoring case.
        (
            {"regex": r"\d[\d  .]*\d{3} (soldats|militaires)"},
            {"text": "jusqu'à 8 500 militaires"},
            True,
        ),
        ({"regex": r"\d[\d  .]*\d{3} (soldats|militaires)"}, {"text": "huit mille soldats"}, False),
        ({"title": {"regex": "^crise"}}, {"title": "CRISE en Ukraine"}, True),
    ],
)
def test_match_semantics(match, fields, expected):
    assert fires(match, **fields) is expected


def test_match_alert_carries_the_sentence_source_and_link():
    rule = MatchRule(id="putin", type="match", match={"any": ["Poutine"]}, notify=["email"])
    text = "Premier paragraphe sans rien.\n\nLe Kremlin a parlé. Vladimir Poutine a appelé Macron hier. Fin."
    [m] = rule.evaluate(Context(article=article(title="Un titre", text=text)))
    assert m.kind == "match" and m.notify == ("email",)
    assert "Un titre" in m.title
    assert "Vladimir Poutine a appelé Macron hier." in m.body
    assert "Le Kremlin" not in m.body
    assert "https://example.org/a" in m.body and "lemonde" in m.body


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"anyy": ["x"]}, "unknown key 'anyy'"),
        ({"any": []}, "empty"),
        ({"regex": "("}, "regex"),
        ({}, "empty mapping"),
        (None, "expected a keyword"),
        ("   ", "empty keyword"),
    ],
)
def test_bad_expressions(spec, message):
    with pytest.raises(ValueError, match=message):
        compile_expr(spec)


def test_every_error_in_every_file_at_once(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "- id: ok\n"  # 1
        "  type: match\n"  # 2
        "  match: Poutine\n"  # 3
        "- id: bad-key\n"  # 4
        "  type: match\n"  # 5
        "  match: {anyy: [x]}\n"  # 6
        "- id: bad-type\n"  # 7
        "  type: mtach\n"  # 8
        "- id: extra\n"  # 9
        "  type: match\n"  # 10
        "  match: x\n"  # 11
        "  notfy: [email]\n"  # 12
        "- id: ok\n"  # 13
        "  type: match\n"  # 14
        "  match: y\n",  # 15
        encoding="utf-8",
    )
    (tmp_path / "b.yml").write_text(
        "- id: x\n  type: match\n  match: [unclosed\n", encoding="utf-8"
    )
    (tmp_path / "c.yaml").write_text("id: not-a-list\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path])
    problems = err.value.problems
    a, b, c = (str(tmp_path / n) for n in ("a.yaml", "b.yml", "c.yaml"))
    assert any(p.startswith(f"{a}:6: ") and "anyy" in p for p in problems), problems
    assert any(p.startswith(f"{a}:8: ") and "unknown rule type 'mtach'" in p for p in problems), (
        problems
    )
    assert any(p.startswith(f"{a}:12: ") and "notfy" in p for p in problems), problems
    assert any(p.startswith(f"{a}:13: ") and "already used at" in p for p in problems), problems
    assert any(p.startswith(f"{b}:") for p in problems), problems
    assert any(p.startswith(f"{c}:1: ") and "list" in p for p in problems), problems
    assert len(problems) == 6, problems


def test_missing_rule_path_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="no such rule file"):
        load_rules([tmp_path / "nope"])


def shipped_rule_files() -> list[Path]:
    return sorted((ROOT / "rules").glob("*.yaml"))


def readme_rule_blocks() -> list[str]:
    """Every ```yaml block in the README that is a list of rules (has '- id:')."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = text.split("```yaml")[1:]
    return [b.split("```", 1)[0] for b in blocks if "- id:" in b.split("```", 1)[0]]


@pytest.fixture
def corpus(tmp_path):
    """The seeds plus two articles of our own, in a folder named like a source."""
    from feeds import SEEDS

    folder = tmp_path / "lemonde-international"  # replay names the source after the folder
    folder.mkdir()
    for f in SEEDS.glob("*.txt"):
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "100_0000000000000000.txt").write_text(
        " date 2022-02 Crise : 130 000 soldats russes massés à la frontière, selon Washington\n\n"
        "La Russie a massé quelque 130 000 soldats aux frontières de l'Ukraine. Désescalade ou pas, "
        "l'Ukraine retient son souffle, loin du football.\n",
        encoding="utf-8",
    )
    (folder / "101_0000000000000001.txt").write_text(
        " date 2022-02 Sanctions : l'Union européenne prépare un paquet contre Moscou\n\n"
        "Les Vingt-Sept discutent de sanctions économiques en cas d'invasion de l'Ukraine.\n",
        encoding="utf-8",
    )
    return sorted(folder.iterdir())


def fired_by(block: str, path: Path, corpus: list[Path]) -> tuple[set[str], set[str]]:
    """(rule ids in block, rule ids that fired on the corpus), disabled examples switched on.
    Source-health rules watch polls, not articles: test_health_rules.py fires those."""
    from monitor.replay import load_articles, replay

    path.write_text(block, encoding="utf-8")
    ids = {r.id for r in load_rules([path]).rules if r.type != "source"}
    path.write_text(block.replace("enabled: false", "enabled: true"), encoding="utf-8")
    articles = load_articles(corpus, now=datetime.now(UTC))
    return ids, {a.rule for a in replay(articles, [path])}


@pytest.mark.parametrize("path", shipped_rule_files(), ids=lambda p: p.name)
def test_shipped_rules_load_and_fire(path, corpus, tmp_path):
    ids, fired = fired_by(path.read_text(encoding="utf-8"), tmp_path / path.name, corpus)
    assert ids <= fired, (ids, fired)


def test_readme_rule_examples_load_and_fire(corpus, tmp_path):
    """Docs are tests: every rule example in the README loads, and fires on an article
    written to match it (the seeds, or one of our own)."""
    blocks = readme_rule_blocks()
    assert len(blocks) >= 3, "the README documents rules with yaml examples"
    for i, block in enumerate(blocks):
        assert yaml.safe_load(block), block
        ids, fired = fired_by(block, tmp_path / f"readme-{i}.yaml", corpus)
        assert ids <= fired, (ids, fired)
