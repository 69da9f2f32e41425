"""`monitor replay` on the seeds, and the shipped rules on feeds that repeat the same facts."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta

from feeds import SEEDS, Item, rss
from util import ROOT, run_cli, write_config

# The nine alerts a careful reader expects from the seeds (shared/eval/seeds.expected.yaml).
EXPECTED = {
    ("troops", "troops|United States|alert|8500"),
    ("troops", "troops|United States|considered|1000-5000"),
    ("contact", "contact|Emmanuel Macron|Vladimir Putin|planned|undated"),
    ("troops", "troops|Russia|massed|100000"),
    ("contact", "contact|Emmanuel Macron|Vladimir Putin|held|2022-01-28"),
    ("contact", "contact|Emmanuel Macron|Vladimir Putin|held|2022-01-31"),
    ("contact", "contact|Emmanuel Macron|Vladimir Putin|held|2022-02-03"),
    ("troops", "troops|United States|deployed|3000"),
    ("contact", "contact|Olaf Scholz|Vladimir Putin|planned|undated"),
}


def replay_keys(*args):
    r = run_cli("replay", "--json", *args)
    assert r.code == 0, r.err
    alerts = [json.loads(line) for line in r.out.splitlines()]
    return alerts, [(a["kind"], a["key"].split("@")[0]) for a in alerts]


def test_replay_of_the_seeds_gives_exactly_the_nine_alerts():
    alerts, keys = replay_keys(SEEDS)
    assert len(keys) == len(set(keys)) == 9, keys
    assert set(keys) == EXPECTED
    published = [a["article"]["published"] for a in alerts]
    assert published == sorted(published), "in order of publication"
    assert all(a["facts"]["evidence"] for a in alerts)
    assert all(a["delivered"] is False for a in alerts), "replay sends nothing"


def test_replay_with_a_rules_path_stores_nothing(tmp_path):
    config = write_config(tmp_path)
    _, keys = replay_keys("--rules", ROOT / "rules" / "facts.yaml", "--config", config, SEEDS)
    assert set(keys) == EXPECTED
    assert not (tmp_path / "monitor.db").exists()
    assert not (tmp_path / "articles").exists()


def test_replay_human_output_says_what_changed():
    r = run_cli("replay", SEEDS)
    assert r.code == 0, r.err
    assert "United States: up to 8,500 troops placed on alert (first figure)" in r.out
    assert "Emmanuel Macron - Vladimir Putin: phone call held on 2022-01-31" in r.out
    assert "«" in r.out  # the evidence sentence


def story(n, outlet, when, text):
    return Item(
        title=f"{outlet} {n}",
        link=f"https://{outlet}.example/{n}",
        guid=f"https://{outlet}.example/{n}",
        published=when,
        body=text,
    )


def test_shipped_rules_alert_once_per_fact_across_outlets(tmp_path, feed_server, smtp_server):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    now = datetime.now(UTC).replace(microsecond=0)
    troops = (
        "Le Pentagone a annoncé avoir placé jusqu'à 8 500 militaires américains en état d'alerte, "
        "prêts à rejoindre la force de réaction de l'OTAN."
    )
    call = (
        "Le président français Emmanuel Macron s'est entretenu par téléphone avec Vladimir Poutine "
        f"le {now.day} {['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][now.month - 1]}, a indiqué l'Elysée."
    )
    feed_a = [
        story(
            1,
            "agence",
            now - timedelta(hours=3),
            f"{troops}\n\nLa Russie dément toute intention hostile.",
        ),
        story(
            2, "agence", now - timedelta(hours=2), f"Dans la soirée, {call[0].lower()}{call[1:]}"
        ),
    ]
    feed_b = [
        story(1, "quotidien", now - timedelta(hours=1), f"{call}\n\n{troops}"),
        story(
            2,
            "quotidien",
            now - timedelta(minutes=30),
            f"Selon Washington, {troops[0].lower()}{troops[1:]}",
        ),
    ]
    config = write_config(
        tmp_path,
        baseline=False,
        sources=[
            {"name": "agence", "kind": "feed", "url": feed_server.route("/a.xml", rss(feed_a))},
            {"name": "quotidien", "kind": "feed", "url": feed_server.route("/b.xml", rss(feed_b))},
        ],
        notify=[{"url": smtp_server.apprise_url(to="desk@example.org")}],
    )
    r = run_cli("once", "--config", config)
    assert r.code == 0, r.err
    mails = smtp_server.wait_for(2, timeout=20)
    subjects = sorted(m.subject for m in mails)
    assert len(mails) == 2, subjects
    assert "United States: up to 8,500 troops placed on alert" in subjects[1]
    assert "Emmanuel Macron - Vladimir Putin: phone call held on" in subjects[0]
    assert all("«" in m.text for m in mails), "the evidence sentence is in the mail"
    with sqlite3.connect(tmp_path / "monitor.db") as db:
        rows = dict(
            db.execute(
                "select key, sources from facts where key like 'troops|%' or key like 'contact|%'"
            )
        )
    assert rows["troops|United States|alert|8500"] == 2, rows
    # A second cycle with the same feeds: nothing new, nothing sent.
    run_cli("once", "--config", config)
    assert len(smtp_server.messages) == 2
