#!/usr/bin/env python3
"""Rebuild monitor/data/leaders.json, the leaders gazetteer, from Wikidata.

    python scripts/build_leaders.py [--out monitor/data/leaders.json] [--since 2000-01-01]

For every country in COUNTRIES it asks the Wikidata SPARQL endpoint for the country's
head-of-state (P35) and head-of-government (P6) statements with their start (P580) and
end (P582) qualifiers, the office each is held in (P1906 / P1313, which gives the role:
president, prime minister, chancellor, monarch...), then the English and French labels
and aliases of every person found. It writes the same JSON shape the extractors load
(see monitor/extract/leaders.py): a "source" and "refresh" note, a "countries" table
saying which office leads the country abroad, and one entry per person with terms.

Needs network access to query.wikidata.org; never run by the tests. Review the diff
before committing: Wikidata is edited by people, and a vandalised label would become
a leader name in alerts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = "monitor-gazetteer-builder/0.1 (https://github.com/; self-hosted news alert daemon)"

HS, HG = "head_of_state", "head_of_government"

# English name (the actor label the extractors output) -> (Wikidata QID, the office that
# leads the country abroad: whose "homologue" a foreign leader is).
COUNTRIES: dict[str, tuple[str, str]] = {
    "United States": ("Q30", HS),
    "Russia": ("Q159", HS),
    "United Kingdom": ("Q145", HG),
    "France": ("Q142", HS),
    "Germany": ("Q183", HG),
    "Ukraine": ("Q212", HS),
    "Belarus": ("Q184", HS),
    "Poland": ("Q36", HS),
    "China": ("Q148", HS),
    "Turkey": ("Q43", HS),
    "Canada": ("Q16", HG),
    "Italy": ("Q38", HG),
    "Spain": ("Q29", HG),
    "Japan": ("Q17", HG),
    "India": ("Q668", HG),
    "Brazil": ("Q155", HS),
    "Argentina": ("Q414", HS),
    "Mexico": ("Q96", HS),
    "South Africa": ("Q258", HS),
    "Saudi Arabia": ("Q851", HG),
    "Indonesia": ("Q252", HS),
    "South Korea": ("Q884", HS),
    "Australia": ("Q408", HG),
    "Iran": ("Q794", HG),
    "Israel": ("Q801", HG),
    "Kazakhstan": ("Q232", HS),
    "Moldova": ("Q217", HS),
    "Georgia": ("Q230", HG),
    "Lithuania": ("Q37", HS),
    "Latvia": ("Q211", HG),
    "Estonia": ("Q191", HG),
    "Romania": ("Q218", HS),
    "Bulgaria": ("Q219", HS),
    "Hungary": ("Q28", HG),
    "Czech Republic": ("Q213", HG),
    "Slovakia": ("Q214", HG),
    "Finland": ("Q33", HS),
    "Sweden": ("Q34", HG),
    "Norway": ("Q20", HG),
    "Denmark": ("Q35", HG),
    "Netherlands": ("Q55", HG),
    "Belgium": ("Q31", HG),
    "Portugal": ("Q45", HG),
    "Greece": ("Q41", HG),
    "Austria": ("Q40", HG),
    "Ireland": ("Q27", HG),
    "Croatia": ("Q224", HG),
    "Slovenia": ("Q215", HG),
    "Albania": ("Q222", HG),
    "Montenegro": ("Q236", HG),
    "North Macedonia": ("Q221", HG),
    "Luxembourg": ("Q32", HG),
    "Iceland": ("Q189", HG),
    "Cyprus": ("Q229", HS),
    "Malta": ("Q233", HG),
    "Armenia": ("Q399", HG),
    "Azerbaijan": ("Q227", HS),
    "Serbia": ("Q403", HS),
    "Syria": ("Q858", HS),
    "Egypt": ("Q79", HS),
    "North Korea": ("Q423", HS),
    "Jordan": ("Q810", HS),
    "Palestine": ("Q219060", HS),
    "Qatar": ("Q846", HS),
    "United Arab Emirates": ("Q878", HS),
    "Lebanon": ("Q822", HG),
    # Added with the full gazetteer (every UN member, Palestine, Kosovo, Taiwan, the Holy
    # See). QIDs from memory: check them on the first refresh.
    "Afghanistan": ("Q889", HS),
    "Algeria": ("Q262", HS),
    "Andorra": ("Q228", HG),
    "Angola": ("Q916", HS),
    "Antigua and Barbuda": ("Q781", HG),
    "Bahamas": ("Q778", HG),
    "Bahrain": ("Q398", HS),
    "Bangladesh": ("Q902", HG),
    "Barbados": ("Q244", HG),
    "Belize": ("Q242", HG),
    "Benin": ("Q962", HS),
    "Bhutan": ("Q917", HS),
    "Bolivia": ("Q750", HS),
    "Bosnia and Herzegovina": ("Q225", HG),
    "Botswana": ("Q963", HS),
    "Brunei": ("Q921", HS),
    "Burkina Faso": ("Q965", HS),
    "Burundi": ("Q967", HS),
    "Cambodia": ("Q424", HG),
    "Cameroon": ("Q1009", HS),
    "Cape Verde": ("Q1011", HG),
    "Central African Republic": ("Q929", HS),
    "Chad": ("Q657", HS),
    "Chile": ("Q298", HS),
    "Colombia": ("Q739", HS),
    "Comoros": ("Q970", HS),
    "Costa Rica": ("Q800", HS),
    "Cuba": ("Q241", HS),
    "Democratic Republic of the Congo": ("Q974", HS),
    "Djibouti": ("Q977", HS),
    "Dominica": ("Q784", HG),
    "Dominican Republic": ("Q786", HS),
    "East Timor": ("Q574", HG),
    "Ecuador": ("Q736", HS),
    "El Salvador": ("Q792", HS),
    "Equatorial Guinea": ("Q983", HS),
    "Eritrea": ("Q986", HS),
    "Eswatini": ("Q1050", HS),
    "Ethiopia": ("Q115", HG),
    "Federated States of Micronesia": ("Q702", HS),
    "Fiji": ("Q712", HG),
    "Gabon": ("Q1000", HS),
    "Gambia": ("Q1005", HS),
    "Ghana": ("Q117", HS),
    "Grenada": ("Q769", HG),
    "Guatemala": ("Q774", HS),
    "Guinea": ("Q1006", HS),
    "Guinea-Bissau": ("Q1007", HS),
    "Guyana": ("Q734", HS),
    "Haiti": ("Q790", HS),
    "Holy See": ("Q159583", HS),
    "Honduras": ("Q783", HS),
    "Iraq": ("Q796", HG),
    "Ivory Coast": ("Q1008", HS),
    "Jamaica": ("Q766", HG),
    "Kenya": ("Q114", HS),
    "Kiribati": ("Q710", HS),
    "Kosovo": ("Q1246", HG),
    "Kuwait": ("Q817", HS),
    "Kyrgyzstan": ("Q813", HS),
    "Laos": ("Q819", HS),
    "Lesotho": ("Q1013", HG),
    "Liberia": ("Q1014", HS),
    "Libya": ("Q1016", HG),
    "Liechtenstein": ("Q347", HG),
    "Madagascar": ("Q1019", HS),
    "Malawi": ("Q1020", HS),
    "Malaysia": ("Q833", HG),
    "Maldives": ("Q826", HS),
    "Mali": ("Q912", HS),
    "Marshall Islands": ("Q709", HS),
    "Mauritania": ("Q1025", HS),
    "Mauritius": ("Q1027", HG),
    "Monaco": ("Q235", HS),
    "Mongolia": ("Q711", HS),
    "Morocco": ("Q1028", HS),
    "Mozambique": ("Q1029", HS),
    "Myanmar": ("Q836", HS),
    "Namibia": ("Q1030", HS),
    "Nauru": ("Q697", HS),
    "Nepal": ("Q837", HG),
    "New Zealand": ("Q664", HG),
    "Nicaragua": ("Q811", HS),
    "Niger": ("Q1032", HS),
    "Nigeria": ("Q1033", HS),
    "Oman": ("Q842", HS),
    "Pakistan": ("Q843", HG),
    "Palau": ("Q695", HS),
    "Panama": ("Q804", HS),
    "Papua New Guinea": ("Q691", HG),
    "Paraguay": ("Q733", HS),
    "Peru": ("Q419", HS),
    "Philippines": ("Q928", HS),
    "Republic of the Congo": ("Q971", HS),
    "Rwanda": ("Q1037", HS),
    "Saint Kitts and Nevis": ("Q763", HG),
    "Saint Lucia": ("Q760", HG),
    "Saint Vincent and the Grenadines": ("Q757", HG),
    "Samoa": ("Q683", HG),
    "San Marino": ("Q238", HG),
    "Senegal": ("Q1041", HS),
    "Seychelles": ("Q1042", HS),
    "Sierra Leone": ("Q1044", HS),
    "Singapore": ("Q334", HG),
    "Solomon Islands": ("Q685", HG),
    "Somalia": ("Q1045", HS),
    "South Sudan": ("Q958", HS),
    "Sri Lanka": ("Q854", HS),
    "Sudan": ("Q1049", HS),
    "Suriname": ("Q730", HS),
    "Switzerland": ("Q39", HS),
    "São Tomé and Príncipe": ("Q1039", HS),
    "Taiwan": ("Q865", HS),
    "Tajikistan": ("Q863", HS),
    "Tanzania": ("Q924", HS),
    "Thailand": ("Q869", HG),
    "Togo": ("Q945", HS),
    "Tonga": ("Q678", HG),
    "Trinidad and Tobago": ("Q754", HG),
    "Tunisia": ("Q948", HS),
    "Turkmenistan": ("Q874", HS),
    "Tuvalu": ("Q672", HG),
    "Uganda": ("Q1036", HS),
    "Uruguay": ("Q77", HS),
    "Uzbekistan": ("Q265", HS),
    "Vanuatu": ("Q686", HG),
    "Venezuela": ("Q717", HS),
    "Vietnam": ("Q881", HS),
    "Yemen": ("Q805", HS),
    "Zambia": ("Q953", HS),
    "Zimbabwe": ("Q954", HS),
}

# The product contract (SPEC.md) and its scorer name some people differently from
# Wikidata's current English label; the Wikidata label is kept as an alias.
LABEL_OVERRIDES = {"Q3874799": "Volodymyr Zelensky"}

# Short names that are also common words, first names or place names: matching them
# alone would turn "May 24", "Costa Rica" or "Montenegro" into a leader.
AMBIGUOUS_SHORT = frozenset(
    [
        "May",
        "Brown",
        "Moon",
        "Lee",
        "Li",
        "Kim",
        "Philippe",
        "Martin",
        "Costa",
        "Montenegro",
        "Dan",
        "Pavel",
        "Michal",
        "Harris",
        "Kan",
        "Singh",
        "Fernández",
        "Fernandez",
        "Michel",
        "Charles",
        "Rama",
        "Sharon",
        "Marin",
        "Andersson",
        "Stocker",
        # surnames several leaders share, or that are words, places or common names
        "Khan",
        "Ali",
        "Sharif",
        "Rajapaksa",
        "Shinawatra",
        "Castro",
        "Morales",
        "Bongo",
        "Déby",
        "Kabila",
        "Mutharika",
        "Jugnauth",
        "Berdimuhamedow",
        "Aoun",
        "Hariri",
        "Meta",
        "Parts",
        "Türk",
        "Muscat",
        "Estrada",
        "Arroyo",
        "Aquino",
        "Schuster",
        "Marković",
        "Nikolić",
        "Borisov",
        "Idris",
        "Wahid",
        "Carmona",
        "Iloilo",
    ]
)
# Short names Wikidata's labels do not give by their last word.
EXTRA_SHORT = {
    "Q15031": ["Xi"],  # Xi Jinping: family name first
    "Q7747": ["Poutine", "Putin"],
}

ROLE_WORDS = (
    ("supreme leader", "supreme_leader"),
    ("chancellor", "chancellor"),
    ("prime minister", "prime_minister"),
    ("premier", "prime_minister"),
    ("taoiseach", "prime_minister"),
    ("chairman of the government", "prime_minister"),
    ("president", "president"),
    ("emperor", "monarch"),
    ("king", "monarch"),
    ("queen", "monarch"),
    ("monarch", "monarch"),
    ("sovereign", "monarch"),
    ("emir", "monarch"),
    ("sultan", "monarch"),
    ("grand duke", "monarch"),
    ("prince of", "monarch"),
    ("pope", "monarch"),
)

TERMS_QUERY = """
SELECT ?country ?kind ?person ?office ?officeLabel ?start ?end WHERE {
  VALUES ?country { %(countries)s }
  {
    ?country p:P35 ?st . ?st ps:P35 ?person .
    OPTIONAL { ?country wdt:P1906 ?office . }
    BIND("head_of_state" AS ?kind)
  } UNION {
    ?country p:P6 ?st . ?st ps:P6 ?person .
    OPTIONAL { ?country wdt:P1313 ?office . }
    BIND("head_of_government" AS ?kind)
  }
  OPTIONAL { ?st pq:P580 ?start . }
  OPTIONAL { ?st pq:P582 ?end . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
"""

NAMES_QUERY = """
SELECT ?person ?name ?lang ?kind WHERE {
  VALUES ?person { %(people)s }
  { ?person rdfs:label ?name . BIND("label" AS ?kind) }
  UNION
  { ?person skos:altLabel ?name . BIND("alias" AS ?kind) }
  BIND(LANG(?name) AS ?lang)
  FILTER(?lang IN ("en", "fr"))
}
"""


def sparql(query: str, *, retries: int = 4) -> list[dict[str, str]]:
    """Run a query; rows as {variable: value}. Retries politely on 429/5xx."""
    body = urllib.parse.urlencode({"query": query, "format": "json"}).encode()
    request = urllib.request.Request(
        ENDPOINT,
        data=body,
        method="POST",
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    for attempt in range(retries):
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                data = json.load(response)
            break
        except urllib.error.HTTPError as exc:
            if exc.code not in (429, 500, 502, 503, 504) or attempt == retries - 1:
                raise
            time.sleep(int(exc.headers.get("Retry-After") or 5 * (attempt + 1)))
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def qid(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def day(value: str | None) -> str | None:
    """Wikidata time '2021-12-08T00:00:00Z' -> '2021-12-08' (None for unknown values)."""
    if not value or value.startswith("http"):
        return None
    return value.lstrip("+")[:10]


def role_of(office_label: str, kind: str) -> str:
    label = office_label.casefold()
    for word, role in ROLE_WORDS:
        if word in label:
            return role
    return "president" if kind == HS else "prime_minister"


def build(since: dt.date) -> dict:
    by_qid = {q: name for name, (q, _) in COUNTRIES.items()}
    rows = sparql(TERMS_QUERY % {"countries": " ".join(f"wd:{q}" for q in by_qid)})
    terms: dict[str, list[dict]] = {}
    for row in rows:
        start, end = day(row.get("start")), day(row.get("end"))
        if end and end < since.isoformat():
            continue
        if not start:
            continue  # a statement without a start date cannot be placed in time
        person = qid(row["person"])
        term = {
            "country": by_qid[qid(row["country"])],
            "country_qid": qid(row["country"]),
            "office": row["kind"],
            "role": role_of(row.get("officeLabel", ""), row["kind"]),
            "position": row.get("officeLabel") or "",
            "start": start,
            "end": end,
        }
        if term not in terms.setdefault(person, []):
            terms[person].append(term)

    names: dict[str, dict[str, list[str]]] = {}
    people = sorted(terms)
    for i in range(0, len(people), 200):
        chunk = " ".join(f"wd:{p}" for p in people[i : i + 200])
        for row in sparql(NAMES_QUERY % {"people": chunk}):
            entry = names.setdefault(qid(row["person"]), {"label_en": [], "other": []})
            if row["kind"] == "label" and row["lang"] == "en":
                entry["label_en"].append(row["name"])
            else:
                entry["other"].append(row["name"])

    leaders = []
    for person in people:
        entry = names.get(person, {"label_en": [], "other": []})
        wikidata_label = (entry["label_en"] or [person])[0]
        label = LABEL_OVERRIDES.get(person, wikidata_label)
        aliases = [n for n in dict.fromkeys([wikidata_label, *entry["other"]]) if n != label]
        short = list(
            dict.fromkeys(
                [
                    *EXTRA_SHORT.get(person, []),
                    # last word of each full name; a one-word alias is a short name already
                    *(n.split()[-1] for n in [label, *aliases]),
                ]
            )
        )
        short = [
            s
            for s in short
            if (s not in AMBIGUOUS_SHORT and len(s) >= 3) or s in EXTRA_SHORT.get(person, [])
        ]
        leaders.append(
            {
                "qid": person,
                "label": label,
                "aliases": aliases,
                "short": short,
                "terms": sorted(terms[person], key=lambda t: (t["start"], t["office"])),
            }
        )
    leaders.sort(key=lambda p: (p["terms"][0]["country"], p["terms"][0]["start"]))

    return {
        "source": "Wikidata: for each country item, P35 (head of state) and P6 (head of "
        "government) statements with their P580 (start time) and P582 (end time) "
        "qualifiers; English label, French label and English/French aliases of each "
        "person; office role from the position held.",
        "refresh": "Rebuild with `python scripts/build_leaders.py` (queries the Wikidata SPARQL "
        f"endpoint {ENDPOINT} and rewrites this file in the same shape).",
        "generated": dt.date.today().isoformat(),
        "compiled_offline": False,
        "countries": {
            name: {"qid": q, "executive": executive}
            for name, (q, executive) in sorted(COUNTRIES.items())
        },
        "leaders": leaders,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "monitor/data/leaders.json",
    )
    parser.add_argument(
        "--since",
        type=dt.date.fromisoformat,
        default=dt.date(2000, 1, 1),
        help="drop terms that ended before this day",
    )
    args = parser.parse_args(argv)
    try:
        doc = build(args.since)
    except (OSError, ValueError, KeyError) as exc:
        print(f"build_leaders: {exc}", file=sys.stderr)
        return 1
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"{args.out}: {len(doc['leaders'])} leaders")
    return 0


if __name__ == "__main__":
    sys.exit(main())
