"""troops and contact rules: one alert per fact, changes with their previous figure,
corroboration instead of repeats, all state in a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
from datetime import UTC, datetime

import pytest

from monitor.article import Entry, normalize
from monitor.config import Settings
from monitor.extract.facts import Contact, Facts, TroopFigure
from monitor.notify import Notifier
from monitor.pipeline import Pipeline
from monitor.rules import ContactRule, RuleSet, TroopsRule, load_rules
from monitor.store import Store

MACRON, PUTIN, SCHOLZ = "Emmanuel Macron", "Vladimir Putin", "Olaf Scholz"


def troop(actor="United States", count=8500, status="alert", qualifier="up_to", count_max=None):
    return TroopFigure(
        actor=actor,
        count=count,
        count_max=count_max,
        qualifier=qualifier,
        status=status,
        location=None,
        evidence=f"{actor} {count} {status}.",
    )


def contact(a=MACRON, b=PUTIN, status="held", date=None, mode="phone"):
    return Contact(
        leaders=tuple(sorted((a, b))), mode=mode, date=date, status=status, evidence=f"{a} et {b}."
    )


class Harness:
    """The real pipeline on a real database, with extraction replaced by given facts."""

    def __init__(self, tmp_path, rules):
        self.store = Store(tmp_path / "state.db")
        self.settings = Settings(archive=None, baseline=False, max_age=None, sources=[], notify=[])
        self.pipeline = Pipeline(
            self.settings, RuleSet(rules=tuple(rules)), self.store, Notifier([]), extract=False
        )
        self.n = 0

    def article(self, facts: Facts, source="wire", day=dt.date(2022, 2, 3)):
        self.n += 1
        entry = Entry(
            source=source,
            guid=f"urn:{self.n}",
            title=f"Article {self.n}",
            text=f"Texte {self.n}.",
            published=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        )
        article = normalize(entry, fetched=datetime.now(UTC))
        assert article is not None
        self.store.record_poll(
            source,
            self.store.source_state(source),
            [article],
            now=datetime.now(UTC),
            baseline=False,
            next_poll=None,
        )
        self.pipeline._extract = lambda _a: facts  # the facts "found" in this article
        import asyncio

        asyncio.run(self.pipeline.process_pending())

    def alerts(self):
        return self.store.alerts()


def test_a_repeated_figure_alerts_once_and_counts_its_sources(tmp_path):
    h = Harness(tmp_path, [TroopsRule(id="troops", type="troops")])
    h.article(Facts(troops=(troop(),)), source="lemonde")
    h.article(Facts(troops=(troop(),)), source="afp")
    h.article(Facts(troops=(troop(),)), source="afp")
    [alert] = h.alerts()
    assert alert.key == "troops|United States|alert|8500"
    assert alert.kind == "troops" and alert.previous is None
    assert "up to 8,500 troops placed on alert (first figure)" in alert.title
    row = h.store.db.execute(
        "select sources, source_list from facts where key = ?", [alert.key]
    ).fetchone()
    assert row[0] == 2 and json.loads(row[1]) == ["lemonde", "afp"]


def test_a_new_figure_or_status_alerts_with_the_previous_one(tmp_path):
    h = Harness(tmp_path, [TroopsRule(id="troops", type="troops")])
    h.article(Facts(troops=(troop(count=8500),)))
    h.article(
        Facts(troops=(troop(count=1000, count_max=5000, qualifier="range", status="considered"),))
    )
    h.article(Facts(troops=(troop(count=3000, qualifier="exact", status="deployed"),)))
    h.article(Facts(troops=(troop(count=5000, qualifier="exact", status="deployed"),)))
    alerts = h.alerts()
    assert [a.key for a in alerts] == [
        "troops|United States|alert|8500",
        "troops|United States|considered|1000-5000",
        "troops|United States|deployed|3000",
        "troops|United States|deployed|5000",
    ]
    assert alerts[3].previous["count"] == 3000
    assert "5,000 troops deployed (was 3,000)" in alerts[3].title


@pytest.mark.parametrize(
    ("threshold", "alerts"), [(0, 3), ("10%", 2), (10000, 2), (50000, 1), ("50%", 1)]
)
def test_min_change(tmp_path, threshold, alerts):
    h = Harness(tmp_path, [TroopsRule(id="troops", type="troops", min_change=threshold)])
    for count in (100_000, 105_000, 130_000):
        h.article(
            Facts(troops=(troop(actor="Russia", count=count, status="massed", qualifier="approx"),))
        )
    assert len(h.alerts()) == alerts


def test_filters_and_vague_amounts(tmp_path):
    rules = [
        TroopsRule(id="russia", type="troops", actors=["Russia"], statuses=["massed"]),
        TroopsRule(id="vague", type="troops", include_vague=True),
    ]
    h = Harness(tmp_path, rules)
    h.article(
        Facts(
            troops=(
                troop(),
                troop(actor="Russia", count=None, status="massed", qualifier="vague"),
                troop(actor="Russia", count=100000, status="massed", qualifier="approx"),
            )
        )
    )
    got = sorted((a.rule, a.key) for a in h.alerts())
    assert got == [
        ("russia", "troops|Russia|massed|100000"),
        ("vague", "troops|Russia|massed|100000"),
        ("vague", "troops|Russia|massed|vague"),
        ("vague", "troops|United States|alert|8500"),
    ]


def test_contacts_by_pair_status_and_date(tmp_path):
    h = Harness(tmp_path, [ContactRule(id="contacts", type="contact")])
    h.article(Facts(contacts=(contact(status="planned", mode=None),)), day=dt.date(2022, 1, 24))
    h.article(Facts(contacts=(contact(status="planned", mode=None),)), day=dt.date(2022, 1, 24))
    h.article(Facts(contacts=(contact(date=dt.date(2022, 1, 28)),)), day=dt.date(2022, 1, 28))
    h.article(
        Facts(contacts=(contact(date=dt.date(2022, 1, 31)), contact(date=dt.date(2022, 2, 3)))),
        day=dt.date(2022, 2, 3),
    )
    # Same pair planned again within the window, by visit this time: the same planned contact.
    h.article(
        Facts(
            contacts=(
                contact(status="planned", mode="visit"),
                contact(SCHOLZ, PUTIN, status="planned", mode="visit"),
            )
        ),
        day=dt.date(2022, 2, 3),
    )
    titles = [a.title for a in h.alerts()]
    assert titles == [
        "[contacts] Emmanuel Macron - Vladimir Putin: contact planned (date not given)",
        "[contacts] Emmanuel Macron - Vladimir Putin: phone call held on 2022-01-28",
        "[contacts] Emmanuel Macron - Vladimir Putin: phone call held on 2022-01-31",
        "[contacts] Emmanuel Macron - Vladimir Putin: phone call held on 2022-02-03",
        "[contacts] Olaf Scholz - Vladimir Putin: visit planned (date not given)",
    ]
    # Months later, a new undated plan for the same pair is news again.
    h.article(Facts(contacts=(contact(status="planned", mode=None),)), day=dt.date(2022, 6, 1))
    assert len(h.alerts()) == 6


def test_contact_filters(tmp_path):
    rules = [
        ContactRule(
            id="putin-calls", type="contact", leaders=[PUTIN], modes=["phone"], statuses=["held"]
        )
    ]
    h = Harness(tmp_path, rules)
    h.article(
        Facts(
            contacts=(
                contact(date=dt.date(2022, 2, 3)),
                contact(SCHOLZ, MACRON, date=dt.date(2022, 2, 3)),
                contact(status="planned"),
                contact(mode="visit", date=dt.date(2022, 2, 4)),
            )
        )
    )
    [alert] = h.alerts()
    assert alert.facts["leaders"] == [MACRON, PUTIN] and alert.facts["mode"] == "phone"


def test_state_survives_a_restart(tmp_path):
    h = Harness(tmp_path, [TroopsRule(id="troops", type="troops")])
    h.article(Facts(troops=(troop(),)))
    h.store.close()
    h2 = Harness(tmp_path, [TroopsRule(id="troops", type="troops")])
    h2.article(Facts(troops=(troop(),)))
    h2.article(Facts(troops=(troop(count=9000),)))
    alerts = h2.alerts()
    assert len(alerts) == 2 and alerts[1].previous["count"] == 8500


def test_bad_fact_rules_are_reported_with_their_line(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "- id: t\n  type: troops\n  statuses: [invaded]\n"
        "- id: c\n  type: contact\n  modes: [telepathy]\n"
        "- id: m\n  type: troops\n  min_change: lots\n",
        encoding="utf-8",
    )
    with pytest.raises(Exception) as err:
        load_rules([tmp_path / "r.yaml"])
    problems = err.value.problems
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in problems] == ["3", "6", "9"], problems


def test_throttle_holds_within_one_article(tmp_path):
    h = Harness(tmp_path, [TroopsRule(id="troops", type="troops", throttle="1d")])
    h.article(
        Facts(
            troops=(
                troop(),
                troop(count=1000, count_max=5000, qualifier="range", status="considered"),
            )
        )
    )
    assert [a.suppressed for a in h.alerts()] == [None, "throttle"]


def test_articles_are_processed_in_order_of_publication(tmp_path):
    """A feed lists today's 3,000 before last week's 5,000: the change reads 5,000 -> 3,000."""
    import asyncio

    h = Harness(tmp_path, [TroopsRule(id="troops", type="troops")])
    facts_by_title = {}
    articles = []
    for n, (count, day) in enumerate([(3000, dt.date(2022, 2, 3)), (5000, dt.date(2022, 1, 27))]):
        entry = Entry(
            source="wire",
            guid=f"urn:o{n}",
            title=f"T{n}",
            text=f"Texte {n}.",
            published=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        )
        article = normalize(entry, fetched=datetime.now(UTC))
        facts_by_title[article.title] = Facts(
            troops=(troop(count=count, qualifier="exact", status="deployed"),)
        )
        articles.append(article)
    h.store.record_poll(
        "wire",
        h.store.source_state("wire"),
        articles,
        now=datetime.now(UTC),
        baseline=False,
        next_poll=None,
    )
    h.pipeline._extract = lambda a: facts_by_title[a.title]
    asyncio.run(h.pipeline.process_pending())
    first, second = h.alerts()
    assert first.facts["count"] == 5000 and first.previous is None
    assert second.facts["count"] == 3000 and second.previous["count"] == 5000
    # A late copy of the old report does not read as a change back.
    h.article(
        Facts(troops=(troop(count=4000, qualifier="exact", status="deployed"),)),
        day=dt.date(2022, 1, 20),
    )
    late = h.alerts()[-1]
    assert "an earlier report; latest known: 3,000" in late.title and late.previous is None
    h.article(
        Facts(troops=(troop(count=3500, qualifier="exact", status="deployed"),)),
        day=dt.date(2022, 2, 5),
    )
    assert h.alerts()[-1].previous["count"] == 3000


def test_message_templates_use_the_fact_fields(tmp_path):
    rule = TroopsRule.model_validate(
        {
            "id": "t",
            "type": "troops",
            "message": {
                "title": "{actor} {status_text}: {previous} -> {amount}",
                "body": "{evidence} ({source}, {published}) {url}",
            },
        }
    )
    h = Harness(tmp_path, [rule])
    h.article(
        Facts(troops=(troop(count=3000, qualifier="exact", status="deployed"),)), source="afp"
    )
    h.article(
        Facts(troops=(troop(count=5000, qualifier="exact", status="deployed"),)), source="afp"
    )
    second = h.alerts()[1]
    assert second.title == "United States deployed: 3,000 -> 5,000"
    assert second.body.startswith("United States 5000 deployed. (afp, 2022-02-03)")


def test_templates_with_unknown_fields_are_refused_with_their_line(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "- id: c\n  type: contact\n  message:\n    title: '{leaders} {count}'\n", encoding="utf-8"
    )
    with pytest.raises(Exception) as err:
        load_rules([tmp_path / "r.yaml"])
    [problem] = err.value.problems
    assert problem.startswith(f"{tmp_path / 'r.yaml'}:1: ") and "unknown field {count}" in problem
