"""The leaders gazetteer covers every UN member (plus Palestine, Kosovo, Taiwan, the Holy
See): heads of state and government resolve for a date, name forms resolve to one
person, and the file is consistent (dated terms that do not overlap, unique names, the
same countries in the data, the lexicon and the refresh script)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from monitor.extract.gazetteer import HEAD_OF_GOVERNMENT, HEAD_OF_STATE, gazetteer, nearest
from monitor.extract.lexicon import BY_NAME
from monitor.extract.phrases import fold, tokenize

D = dt.date

UN_MEMBERS = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia
|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan
|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi
|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia
|Comoros|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Democratic Republic of the Congo
|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador
|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Federated States of Micronesia|Fiji
|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea
|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland
|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan
|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar
|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Moldova
|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands
|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau
|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar
|Republic of the Congo|Romania|Russia|Rwanda|Saint Kitts and Nevis|Saint Lucia
|Saint Vincent and the Grenadines|Samoa|San Marino|São Tomé and Príncipe|Saudi Arabia
|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia
|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland
|Syria|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey
|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States
|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe
"""
UN = [c.strip() for c in UN_MEMBERS.replace("\n", "").split("|")]
OBSERVERS_AND_OTHERS = ["Palestine", "Kosovo", "Taiwan", "Holy See"]
ALL = UN + OBSERVERS_AND_OTHERS

# Heads of state the file does not enter: the British monarch in the other Commonwealth
# realms (a governor-general acts for him), collegial or shared headships.
NO_HEAD_OF_STATE = {
    "Antigua and Barbuda",
    "Australia",
    "Bahamas",
    "Belize",
    "Canada",
    "Grenada",
    "Jamaica",
    "New Zealand",
    "Papua New Guinea",
    "Saint Kitts and Nevis",
    "Saint Lucia",
    "Saint Vincent and the Grenadines",
    "Solomon Islands",
    "Tuvalu",
    "Andorra",  # two co-princes: the French president and the bishop of Urgell
    "San Marino",  # two captains regent, for six months
    "Bosnia and Herzegovina",  # a presidency of three, rotating every eight months
}
# Real vacancies on the days checked below.
VACANT = {
    ("Haiti", HEAD_OF_STATE, D(2022, 4, 15)),  # after Jovenel Moïse's assassination
    ("Lebanon", HEAD_OF_STATE, D(2024, 6, 1)),  # Oct 2022 - Jan 2025, no president
    ("Haiti", HEAD_OF_STATE, D(2023, 1, 10)),
    ("Lebanon", HEAD_OF_STATE, D(2023, 1, 10)),
}
DAYS = (D(2022, 4, 15), D(2023, 1, 10), D(2024, 6, 1))


def _data() -> dict:
    raw = resources.files("monitor").joinpath("data/leaders.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _build_script():
    path = Path(__file__).resolve().parent.parent / "scripts" / "build_leaders.py"
    spec = importlib.util.spec_from_file_location("build_leaders", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_member_is_in_the_file_the_lexicon_and_the_refresh_script() -> None:
    assert len(UN) == 193 and len(set(ALL)) == 197
    data = _data()
    countries = data["countries"]
    script = _build_script().COUNTRIES
    assert sorted(countries) == sorted(ALL)
    assert sorted(script) == sorted(ALL)
    for name in ALL:
        assert name in BY_NAME, name
        assert countries[name]["executive"] in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
        qid, executive = script[name]
        assert (qid, executive) == (countries[name]["qid"], countries[name]["executive"]), name
    assert set(BY_NAME) - set(ALL) == {"NATO", "CSTO"}
    assert data["compiled_offline"] is True and data["knowledge_until"]


@pytest.mark.parametrize("day", DAYS)
def test_every_member_has_its_leaders_on_the_day(day: dt.date) -> None:
    g = gazetteer()
    has_government = {
        t.country for p in g.leaders for t in p.terms if t.office == "head_of_government"
    }
    missing = []
    for country in ALL:
        office = g.executive[country]
        if (country, office, day) not in VACANT and g.holder(country, "executive", day) is None:
            missing.append((country, "executive"))
        if (
            country not in NO_HEAD_OF_STATE
            and (country, HEAD_OF_STATE, day) not in VACANT
            and g.holder(country, HEAD_OF_STATE, day) is None
        ):
            missing.append((country, HEAD_OF_STATE))
    assert missing == []
    # Presidential systems have no separate head of government in the file; the rest do.
    assert len(has_government) > 120


# (country, role, day, label): the holder of an office or role on a day.
HOLDERS = [
    ("Kazakhstan", "president", D(2022, 4, 15), "Kassym-Jomart Tokayev"),
    ("Kazakhstan", "president", D(2018, 4, 15), "Nursultan Nazarbayev"),
    ("Kazakhstan", "prime_minister", D(2022, 4, 15), "Alihan Smaiylov"),
    ("Uzbekistan", "executive", D(2022, 4, 15), "Shavkat Mirziyoyev"),
    ("Uzbekistan", "executive", D(2010, 4, 15), "Islam Karimov"),
    ("Tajikistan", "executive", D(2022, 4, 15), "Emomali Rahmon"),
    ("Kyrgyzstan", "executive", D(2022, 4, 15), "Sadyr Japarov"),
    ("Turkmenistan", "executive", D(2022, 4, 15), "Serdar Berdimuhamedow"),
    ("Turkmenistan", "executive", D(2021, 4, 15), "Gurbanguly Berdimuhamedow"),
    ("Azerbaijan", "executive", D(2022, 4, 15), "Ilham Aliyev"),
    ("Azerbaijan", "executive", D(2002, 4, 15), "Heydar Aliyev"),
    ("Armenia", "executive", D(2022, 4, 15), "Nikol Pashinyan"),
    ("Armenia", "president", D(2022, 4, 15), "Vahagn Khachaturyan"),
    ("South Africa", "executive", D(2022, 4, 15), "Cyril Ramaphosa"),
    ("Japan", "executive", D(2022, 4, 15), "Fumio Kishida"),
    ("Japan", "monarch", D(2022, 4, 15), "Naruhito"),
    ("Luxembourg", "prime_minister", D(2022, 4, 15), "Xavier Bettel"),
    ("Luxembourg", "monarch", D(2022, 4, 15), "Henri, Grand Duke of Luxembourg"),
    ("Lithuania", "president", D(2022, 4, 15), "Gitanas Nausėda"),
    ("Slovakia", "president", D(2022, 4, 15), "Zuzana Čaputová"),
    ("Slovakia", "prime_minister", D(2022, 4, 15), "Eduard Heger"),
    ("Romania", "president", D(2022, 4, 15), "Klaus Iohannis"),
    ("Romania", "prime_minister", D(2022, 4, 15), "Nicolae Ciucă"),
    ("Senegal", "executive", D(2022, 4, 15), "Macky Sall"),
    ("Senegal", "executive", D(2024, 6, 1), "Bassirou Diomaye Faye"),
    ("Finland", "president", D(2022, 4, 15), "Sauli Niinistö"),
    ("Serbia", "president", D(2022, 4, 15), "Aleksandar Vučić"),
    ("Serbia", "prime_minister", D(2022, 4, 15), "Ana Brnabić"),
    ("Palestine", "president", D(2022, 4, 15), "Mahmoud Abbas"),
    ("Palestine", "prime_minister", D(2022, 4, 15), "Mohammad Shtayyeh"),
    ("Iran", "president", D(2022, 4, 15), "Ebrahim Raisi"),
    ("Egypt", "president", D(2022, 4, 15), "Abdel Fattah el-Sisi"),
    ("Egypt", "prime_minister", D(2022, 4, 15), "Moustafa Madbouly"),
    ("Argentina", "president", D(2022, 4, 15), "Alberto Fernández"),
    ("Italy", "prime_minister", D(2022, 4, 15), "Mario Draghi"),
    ("Latvia", "president", D(2022, 4, 15), "Egils Levits"),
    ("Estonia", "president", D(2022, 4, 15), "Alar Karis"),
    ("Moldova", "president", D(2022, 4, 15), "Maia Sandu"),
    ("Albania", "prime_minister", D(2022, 4, 15), "Edi Rama"),
    ("Albania", "president", D(2022, 4, 15), "Ilir Meta"),
    ("Montenegro", "prime_minister", D(2022, 6, 1), "Dritan Abazović"),
    ("North Macedonia", "prime_minister", D(2022, 4, 15), "Dimitar Kovačevski"),
    ("North Macedonia", "president", D(2022, 4, 15), "Stevo Pendarovski"),
    ("Kosovo", "prime_minister", D(2022, 4, 15), "Albin Kurti"),
    ("Kosovo", "president", D(2022, 4, 15), "Vjosa Osmani"),
    ("Croatia", "president", D(2022, 4, 15), "Zoran Milanović"),
    ("Slovenia", "prime_minister", D(2022, 4, 15), "Janez Janša"),
    ("Slovenia", "prime_minister", D(2022, 6, 15), "Robert Golob"),
    ("Bulgaria", "prime_minister", D(2022, 4, 15), "Kiril Petkov"),
    ("Greece", "president", D(2022, 4, 15), "Katerina Sakellaropoulou"),
    ("Cyprus", "president", D(2022, 4, 15), "Nicos Anastasiades"),
    ("Malta", "president", D(2022, 4, 15), "George Vella"),
    ("Hungary", "president", D(2022, 4, 15), "János Áder"),
    ("Hungary", "president", D(2022, 6, 1), "Katalin Novák"),
    ("Denmark", "monarch", D(2022, 4, 15), "Margrethe II"),
    ("Norway", "monarch", D(2022, 4, 15), "Harald V"),
    ("Sweden", "monarch", D(2022, 4, 15), "Carl XVI Gustaf"),
    ("Netherlands", "monarch", D(2022, 4, 15), "Willem-Alexander of the Netherlands"),
    ("Belgium", "monarch", D(2022, 4, 15), "Philippe of Belgium"),
    ("Ireland", "president", D(2022, 4, 15), "Michael D. Higgins"),
    ("Portugal", "prime_minister", D(2022, 4, 15), "António Costa"),
    ("Switzerland", "president", D(2022, 4, 15), "Ignazio Cassis"),
    ("Holy See", "head_of_state", D(2022, 4, 15), "Pope Francis"),
    ("Qatar", "monarch", D(2022, 4, 15), "Tamim bin Hamad Al Thani"),
    ("Kuwait", "monarch", D(2022, 4, 15), "Nawaf Al-Ahmad Al-Jaber Al-Sabah"),
    ("Bahrain", "monarch", D(2022, 4, 15), "Hamad bin Isa Al Khalifa"),
    ("Oman", "monarch", D(2022, 4, 15), "Haitham bin Tariq"),
    ("Jordan", "monarch", D(2022, 4, 15), "Abdullah II of Jordan"),
    ("Morocco", "monarch", D(2022, 4, 15), "Mohammed VI of Morocco"),
    ("Saudi Arabia", "monarch", D(2022, 4, 15), "Salman of Saudi Arabia"),
    ("United Arab Emirates", "president", D(2022, 4, 15), "Khalifa bin Zayed Al Nahyan"),
    ("United Arab Emirates", "president", D(2022, 6, 1), "Mohamed bin Zayed Al Nahyan"),
    ("Iraq", "prime_minister", D(2022, 4, 15), "Mustafa al-Kadhimi"),
    ("Israel", "prime_minister", D(2022, 4, 15), "Naftali Bennett"),
    ("Syria", "president", D(2022, 4, 15), "Bashar al-Assad"),
    ("Lebanon", "prime_minister", D(2022, 4, 15), "Najib Mikati"),
    ("Algeria", "president", D(2022, 4, 15), "Abdelmadjid Tebboune"),
    ("Tunisia", "president", D(2022, 4, 15), "Kais Saied"),
    ("Libya", "prime_minister", D(2022, 4, 15), "Abdul Hamid Dbeibeh"),
    ("Nigeria", "president", D(2022, 4, 15), "Muhammadu Buhari"),
    ("Kenya", "president", D(2022, 4, 15), "Uhuru Kenyatta"),
    ("Ethiopia", "prime_minister", D(2022, 4, 15), "Abiy Ahmed"),
    ("Rwanda", "president", D(2022, 4, 15), "Paul Kagame"),
    ("Mali", "president", D(2022, 4, 15), "Assimi Goïta"),
    ("Ivory Coast", "president", D(2022, 4, 15), "Alassane Ouattara"),
    ("Democratic Republic of the Congo", "president", D(2022, 4, 15), "Félix Tshisekedi"),
    ("Chile", "president", D(2022, 4, 15), "Gabriel Boric"),
    ("Colombia", "president", D(2022, 4, 15), "Iván Duque"),
    ("Venezuela", "president", D(2022, 4, 15), "Nicolás Maduro"),
    ("Cuba", "president", D(2022, 4, 15), "Miguel Díaz-Canel"),
    ("Pakistan", "prime_minister", D(2022, 4, 15), "Shehbaz Sharif"),
    ("Pakistan", "prime_minister", D(2022, 4, 1), "Imran Khan"),
    ("Bangladesh", "prime_minister", D(2022, 4, 15), "Sheikh Hasina"),
    ("Sri Lanka", "president", D(2022, 4, 15), "Gotabaya Rajapaksa"),
    ("Afghanistan", "head_of_state", D(2022, 4, 15), "Hibatullah Akhundzada"),
    ("Afghanistan", "head_of_state", D(2020, 4, 15), "Ashraf Ghani"),
    ("Mongolia", "president", D(2022, 4, 15), "Ukhnaagiin Khürelsükh"),
    ("Taiwan", "president", D(2022, 4, 15), "Tsai Ing-wen"),
    ("Vietnam", "prime_minister", D(2022, 4, 15), "Phạm Minh Chính"),
    ("Thailand", "prime_minister", D(2022, 4, 15), "Prayut Chan-o-cha"),
    ("Malaysia", "prime_minister", D(2022, 4, 15), "Ismail Sabri Yaakob"),
    ("Singapore", "prime_minister", D(2022, 4, 15), "Lee Hsien Loong"),
    ("Philippines", "president", D(2022, 4, 15), "Rodrigo Duterte"),
    ("Philippines", "president", D(2022, 8, 1), "Bongbong Marcos"),
    ("New Zealand", "prime_minister", D(2022, 4, 15), "Jacinda Ardern"),
    ("Australia", "prime_minister", D(2022, 4, 15), "Scott Morrison"),
]


@pytest.mark.parametrize(("country", "role", "day", "label"), HOLDERS)
def test_holder_on_the_day(country: str, role: str, day: dt.date, label: str) -> None:
    p = gazetteer().holder(country, role, day)
    assert p is not None and p.label == label


def _names(text: str, day: dt.date) -> list[str]:
    """Whom the gazetteer's name tables find in text (full names first, then short)."""
    g = gazetteer()
    tokens = tokenize(text)
    out = []
    for matcher in (g.full_matcher, g.short_matcher):
        for hit in matcher.find(tokens):
            p = nearest(hit.value, day)
            if p:
                out.append(p.label)
        if out:
            break
    return out


NAME_FORMS = [
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
    ("Tokaïev", "Kassym-Jomart Tokayev"),
    ("Tokayev", "Kassym-Jomart Tokayev"),
    ("Shavkat Mirziyoyev", "Shavkat Mirziyoyev"),
    ("Chavkat Mirziioïev", "Shavkat Mirziyoyev"),
    ("Mirziyoyev", "Shavkat Mirziyoyev"),
    ("Emomali Rahmon", "Emomali Rahmon"),
    ("Rahmon", "Emomali Rahmon"),
    ("Sadyr Japarov", "Sadyr Japarov"),
    ("Ilham Aliyev", "Ilham Aliyev"),
    ("Cyril Ramaphosa", "Cyril Ramaphosa"),
    ("Fumio Kishida", "Fumio Kishida"),
    ("Xavier Bettel", "Xavier Bettel"),
    ("Gitanas Nausėda", "Gitanas Nausėda"),
    ("Gitanas Nauseda", "Gitanas Nausėda"),
    ("Zuzana Čaputová", "Zuzana Čaputová"),
    ("Zuzana Caputova", "Zuzana Čaputová"),
    ("Klaus Iohannis", "Klaus Iohannis"),
    ("Macky Sall", "Macky Sall"),
    ("Sall", "Macky Sall"),
    ("Sauli Niinistö", "Sauli Niinistö"),
    ("Aleksandar Vučić", "Aleksandar Vučić"),
    ("Aleksandar Vucic", "Aleksandar Vučić"),
    ("Mahmoud Abbas", "Mahmoud Abbas"),
    ("Ebrahim Raisi", "Ebrahim Raisi"),
    ("Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"),
    ("Alberto Fernández", "Alberto Fernández"),
    ("Nikol Pashinyan", "Nikol Pashinyan"),
    ("Mario Draghi", "Mario Draghi"),
    ("Egils Levits", "Egils Levits"),
    ("Alar Karis", "Alar Karis"),
    ("Maia Sandu", "Maia Sandu"),
    ("Edi Rama", "Edi Rama"),
    ("Dritan Abazović", "Dritan Abazović"),
    ("Abazovic", "Dritan Abazović"),
    ("Dimitar Kovačevski", "Dimitar Kovačevski"),
    ("Kovacevski", "Dimitar Kovačevski"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
    ("Abdel Fattah al-Bourhane", "Abdel Fattah al-Burhan"),
    ("Mouammar Kadhafi", "Muammar Gaddafi"),
    ("Kaïs Saïed", "Kais Saied"),
    ("Abdelmadjid Tebboune", "Abdelmadjid Tebboune"),
    ("Félix Tshisekedi", "Félix Tshisekedi"),
    ("Assimi Goïta", "Assimi Goïta"),
    ("Abiy Ahmed", "Abiy Ahmed"),
    ("Shehbaz Sharif", "Shehbaz Sharif"),
    ("Mustafa al-Kadhimi", "Mustafa al-Kadhimi"),
    ("Ukhnaagiin Khürelsükh", "Ukhnaagiin Khürelsükh"),
    ("Tsai Ing-wen", "Tsai Ing-wen"),
    ("Nicolás Maduro", "Nicolás Maduro"),
    ("Gabriel Boric", "Gabriel Boric"),
    ("Jacinda Ardern", "Jacinda Ardern"),
    ("Vjosa Osmani", "Vjosa Osmani"),
    ("Albin Kurti", "Albin Kurti"),
]


@pytest.mark.parametrize(("form", "label"), NAME_FORMS)
def test_name_forms_resolve_to_one_person(form: str, label: str) -> None:
    assert _names(form, D(2022, 4, 15)) == [label]


ROLE_PHRASES = [
    ("President of Kazakhstan Kassym-Jomart Tokayev", "en", "Kassym-Jomart Tokayev"),
    ("the President of Kazakhstan", "en", "Kassym-Jomart Tokayev"),
    ("the Kazakh President", "en", "Kassym-Jomart Tokayev"),
    ("le président kazakh", "fr", "Kassym-Jomart Tokayev"),
    ("the Prime Minister of Luxembourg", "en", "Xavier Bettel"),
    ("le Premier ministre luxembourgeois", "fr", "Xavier Bettel"),
    ("le président sénégalais", "fr", "Macky Sall"),
    ("the President of Uzbekistan", "en", "Shavkat Mirziyoyev"),
    ("le président ouzbek", "fr", "Shavkat Mirziyoyev"),
    ("the Lithuanian President", "en", "Gitanas Nausėda"),
]


@pytest.mark.parametrize(("phrase", "lang", "label"), ROLE_PHRASES)
def test_role_phrases_of_new_countries(phrase: str, lang: str, label: str) -> None:
    from monitor.extract.actors import find_actors
    from monitor.extract.leaders import find_mentions

    mentions = find_mentions(phrase, D(2022, 4, 15), lang, find_actors(phrase))
    assert [m.leaders for m in mentions] == [(label,)]


# Names two people really share, resolved by date (nearest term).
SHARED_NAMES = {
    "king abdullah": {"Abdullah of Saudi Arabia", "Abdullah II of Jordan"},
}


def test_no_two_people_share_a_name_or_a_short_form() -> None:
    data = _data()
    labels = [p["label"] for p in data["leaders"]]
    assert len(labels) == len(set(labels))
    full: dict[str, set[str]] = defaultdict(set)
    short: dict[str, set[str]] = defaultdict(set)
    for p in data["leaders"]:
        for name in (p["label"], *p["aliases"]):
            full[fold(name).casefold()].add(p["label"])
        for name in p["short"]:
            short[fold(name)].add(p["label"])
    shared = {n: ps for n, ps in full.items() if len(ps) > 1}
    assert shared == SHARED_NAMES
    assert {n: ps for n, ps in short.items() if len(ps) > 1} == {}
    # Surnames many people bear are never short forms.
    for common in ("Lee", "Kim", "Khan", "Ali", "Singh", "Sharif", "Castro", "Morales"):
        assert common not in short


def test_terms_are_dated_and_do_not_overlap() -> None:
    data = _data()
    roles = {"president", "prime_minister", "chancellor", "monarch", "supreme_leader", "leader"}
    slots: dict[tuple[str, str], list[tuple[str, str | None, str]]] = defaultdict(list)
    for p in data["leaders"]:
        assert p["terms"], p["label"]
        for t in p["terms"]:
            assert t["country"] in data["countries"], t
            assert t["country_qid"] == data["countries"][t["country"]]["qid"], t
            assert t["role"] in roles, t
            assert t["position"], t
            assert t["start"] and (t["end"] is None or t["start"] <= t["end"]), (p["label"], t)
            dt.date.fromisoformat(t["start"])
            slots[(t["country"], t["office"])].append((t["start"], t["end"], p["label"]))
    overlaps = []
    for key, terms in slots.items():
        terms.sort()
        for a, b in itertools.pairwise(terms):
            if a[1] is None or a[1] > b[0]:
                overlaps.append((key, a, b))
    assert overlaps == []


def test_file_is_stably_formatted() -> None:
    raw = resources.files("monitor").joinpath("data/leaders.json").read_text(encoding="utf-8")
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=1) + "\n"
