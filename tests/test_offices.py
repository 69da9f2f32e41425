"""An office's own site names who speaks in its releases (monitor/data/offices.json).

A Kremlin release titled "Telephone conversation with President of Turkey Recep Tayyip
Erdogan" never names its own side: the site says it is the President of Russia's.
"""

from __future__ import annotations

import datetime as dt
import json
from datetime import UTC, datetime

import pytest
from feeds import Item, rss
from util import run_cli, write_config, write_rules

from monitor.extract.gazetteer import gazetteer
from monitor.extract.offices import offices, site_office, site_speaker

RULES = """\
- id: leader-contacts
  type: contact
"""


def test_every_office_is_a_country_and_role_the_gazetteer_knows():
    g = gazetteer()
    seen = set()
    for office in offices():
        assert office.host == office.host.lower() and not office.host.startswith("www.")
        assert (office.host, office.path) not in seen, office
        seen.add((office.host, office.path))
        holder = g.holder(office.country, office.role, dt.date(2023, 1, 1))
        assert holder is not None, office


@pytest.mark.parametrize(
    ("url", "day", "speaker"),
    [
        ("http://en.kremlin.ru/events/president/news/1", dt.date(2022, 4, 1), "Vladimir Putin"),
        ("http://kremlin.ru/events/president/news/1", dt.date(2010, 6, 1), "Dmitry Medvedev"),
        ("https://www.president.gov.ua/en/news/x", dt.date(2022, 5, 1), "Volodymyr Zelensky"),
        ("https://www.elysee.fr/emmanuel-macron/2022/x", dt.date(2022, 5, 1), "Emmanuel Macron"),
        # a shared government domain counts only under the office's own path
        (
            "https://www.gov.uk/government/news/pm-call-with-president-x",
            dt.date(2022, 5, 1),
            "Boris Johnson",
        ),
        ("https://www.gov.uk/government/news/tax-changes", dt.date(2022, 5, 1), None),
        # a path is a whole segment, unless the entry says it is a prefix
        ("https://www.gov.br/planalto-fake/x", dt.date(2023, 5, 1), None),
        ("https://www.gov.br/planalto/en/x", dt.date(2023, 5, 1), "Luiz Inácio Lula da Silva"),
        # look-alike hosts and no link at all name nobody
        ("https://kremlin.ru.example.com/news/1", dt.date(2022, 4, 1), None),
        ("https://notkremlin.ru/news/1", dt.date(2022, 4, 1), None),
        (None, dt.date(2022, 4, 1), None),
        ("not a url", dt.date(2022, 4, 1), None),
    ],
)
def test_site_speaker(url, day, speaker):
    assert site_speaker(url, day) == speaker


def test_a_subdomain_is_the_office_site():
    office = site_office("http://en.kremlin.ru/events/president/news/1")
    assert office is not None and office.country == "Russia"


def _release(link: str) -> Item:
    return Item(
        title="Telephone conversation with President of Turkey Recep Tayyip Erdogan",
        link=link,
        guid=link,
        published=datetime(2023, 5, 4, 14, 0, tzinfo=UTC),
        body="The presidents discussed trade and the grain deal.",
    )


def test_extract_names_the_office_of_a_release_site(tmp_path):
    feed = tmp_path / "releases.xml"
    feed.write_bytes(
        rss(
            [
                _release("http://en.kremlin.ru/events/president/news/71001"),
                _release("https://news.example.org/erdogan-call"),
            ]
        )
    )
    result = run_cli("extract", "--json", feed)
    assert result.code == 0, result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    pairs = {line["article"]: [c["leaders"] for c in line["contacts"]] for line in lines}
    assert pairs["http://en.kremlin.ru/events/president/news/71001"] == [
        ["Recep Tayyip Erdoğan", "Vladimir Putin"]
    ]
    # The same words on another site: whose call it was is not said.
    assert pairs["https://news.example.org/erdogan-call"] == []


def test_a_title_naming_its_own_speaker_beats_the_site(tmp_path):
    # An address by another leader, published on the office's site: the title says who.
    feed = tmp_path / "releases.xml"
    item = Item(
        title="Address by President of Belarus Alexander Lukashenko",
        link="http://en.kremlin.ru/events/president/news/71003",
        published=datetime(2023, 5, 4, 14, 0, tzinfo=UTC),
        body="I spoke today with President of Kazakhstan Kassym-Jomart Tokayev.",
    )
    feed.write_bytes(rss([item]))
    result = run_cli("extract", "--json", feed)
    assert result.code == 0, result.err
    contacts = json.loads(result.out.splitlines()[0])["contacts"]
    assert [c["leaders"] for c in contacts] == [["Alexander Lukashenko", "Kassym-Jomart Tokayev"]]


def test_the_daemon_alerts_on_a_release_with_its_office_as_party(tmp_path, feed_server):
    url = feed_server.route(
        "/releases.xml", rss([_release("http://en.kremlin.ru/events/president/news/71002")])
    )
    write_rules(tmp_path, RULES)
    config = write_config(
        tmp_path,
        baseline=False,
        max_age=None,
        sources=[{"name": "kremlin", "kind": "feed", "url": url}],
    )
    assert run_cli("once", "--config", config).code == 0
    result = run_cli("alerts", "--json", "--config", config)
    assert result.code == 0, result.err
    alerts = [json.loads(line) for line in result.out.splitlines() if line.strip()]
    assert [a["facts"]["leaders"] for a in alerts] == [["Recep Tayyip Erdoğan", "Vladimir Putin"]]
    assert alerts[0]["facts"]["date"] == "2023-05-04"
