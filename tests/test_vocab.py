"""The extractors' vocabulary: data per language, compiled in one step.

Every language module defines every key; the phrase syntax compiles to the regexes,
first-letter lookaheads and stem prefilters the extractors use, and each derived
prefilter admits every phrase it was derived from. A new contact word is one line in
monitor/extract/vocab/<lang>/contacts.py plus one row in CONTACT_WORDS below; a troop,
casualty or number word one line in vocab/<lang>/troops.py or numbers.py plus one row
in TROOP_WORDS.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from monitor.extract import contacts, dates, extract, numbers, troops, vocab
from monitor.extract.phrases import tokenize
from monitor.extract.vocab import PhraseError

# ------------------------------------------------------------------ the data


def test_every_language_defines_every_key():
    reference = vocab.keys(vocab.LANGUAGES[0])
    assert len(reference) > 20
    for lang in vocab.LANGUAGES[1:]:
        assert vocab.keys(lang) == reference, f"{lang}: {sorted(vocab.keys(lang) ^ reference)}"


@pytest.mark.parametrize("lang", vocab.LANGUAGES)
def test_every_phrase_is_data_that_parses(lang):
    module = vocab.module(lang)
    for key in vocab.keys(lang):
        value = getattr(module, key)
        assert isinstance(value, tuple), f"{lang}.{key} is not a tuple"
        assert len(set(value)) == len(value), f"{lang}.{key} lists a phrase twice"
        for phrase in value:
            assert isinstance(phrase, str) and phrase == phrase.strip(), (lang, key, phrase)
            re.compile(vocab.phrase_regex(phrase))


# ------------------------------------------------------------------ the syntax

SYNTAX = [
    # phrase, matches, does not match (each whole, case-insensitive)
    (
        "se rend(re|ra)? ~2 à",
        ["se rendra à", "Se rend lundi matin à", "se rendre à"],
        ["se rendent à"],
    ),
    ("rencontr+", ["rencontre", "rencontrera"], ["rencontr"]),
    ("sommet*", ["sommet", "sommets"], ["sommelier"]),
    ("visite(s)?", ["visite", "visites"], ["visiteur"]),
    ("(l'|d')appel!(à|au)", ["l'appel", "d'appel"], ["l'appel à", "l'appeler"]),
    ("lors d(u|e|')", ["lors du", "lors de", "lors d'"], ["lors dune"]),
    ("prévu(e)?(s)?", ["prévu", "prévues"], ["prévoir"]),
]


@pytest.mark.parametrize(("phrase", "good", "bad"), SYNTAX)
def test_phrase_syntax(phrase, good, bad):
    pattern = re.compile(vocab.phrase_regex(phrase), re.IGNORECASE)
    for text in good:
        assert pattern.fullmatch(text), (phrase, text)
    for text in bad:
        assert pattern.match(text) is None, (phrase, text)


@pytest.mark.parametrize(
    "phrase",
    ["(a|b", "a)", "~2 a", "a !(b) c", "a ?", "", " a"],
)
def test_bad_phrases_are_named(phrase):
    with pytest.raises(PhraseError, match=re.escape(repr(phrase))):
        vocab.parse(phrase)


def test_first_letters_and_stems_are_derived():
    assert vocab.first_letters(["rencontr+", "(a|ont) appelé", "meet(s)?"]) == "amor"
    assert vocab.phrase_stems(["se rendra ~2 à", "talk(s)? (with|between)"]) == {
        "rendr",
        "talk",
        "talks",
    }
    with pytest.raises(PhraseError, match="five letters"):
        vocab.phrase_stems(["dîn+"])  # "dîner" and "dînait" share no five-letter stem
    with pytest.raises(PhraseError, match="any letter"):
        vocab.first_letters(["+-minute call"])


def _samples(phrase: str) -> list[str]:
    """Texts a phrase matches: each expansion, more letters as 'ait', gaps empty."""
    return [
        re.sub(r"\s+", " ", e.replace("\x01", "ait").replace("\x02", "")).strip()
        for e in vocab._expand(vocab.parse(phrase).nodes)
    ]


@pytest.mark.parametrize("key", [k for k, _, _ in contacts._TRIGGER_KEYS if k != "TOLD"])
def test_trigger_prefilters_admit_every_phrase(key):
    """The stem test and the lookahead, both derived, let every contact word through."""
    for phrase in vocab.words(key):
        for sample in _samples(phrase):
            text = f"Hier, {sample}."
            assert contacts.has_trigger(tokenize(text).stems()), (key, phrase, sample)
            assert contacts._ALL_TRIGGERS.search(text), (key, phrase, sample)


@pytest.mark.parametrize(
    ("key", "stems"),
    [
        ("TROOP_NOUNS", troops.TROOP_STEMS),
        ("TROOP_NOUNS_NEEDING_CONTEXT", troops.TROOP_STEMS),
        ("CALLED_UP_NOUNS", troops._CALLED_UP_STEMS),
    ],
)
def test_troop_prefilters_admit_every_noun(key, stems):
    """TROOP_STEMS (the sentence prefilter) and _TROOP_NOUN's derived lookahead let every
    troop noun through, after a number as a figure has it."""
    for phrase in vocab.words(key):
        for sample in _samples(phrase):
            text = f"Hier, 3 000 {sample} sont arrivés."
            assert not tokenize(text).stems().isdisjoint(stems), (key, phrase, sample)
            found = troops._TROOP_NOUN.search(text)
            assert found and found.group("noun") == sample, (key, phrase, sample)


def test_relative_days_are_read_with_their_offset():
    for key, offset in dates._OFFSETS.items():
        for phrase in vocab.words(key):
            (mention,) = dates.find_dates(f"Il l'a dit {phrase}, à Paris.")
            assert (mention.kind, mention.offset) == ("relative", offset), (key, phrase)
            assert mention.anchored == key.startswith("ANCHORED_"), (key, phrase)


# ------------------------------------------------------------------ one row per troop word

TROOP_WORDS = [
    # (sentence, figures as (count, qualifier, status)): a troop noun, a casualty word, a
    # number word, per language.
    ("La Russie a déployé 3 000 soldats en Biélorussie.", [(3000, "exact", "deployed")]),
    ("Russia deployed 3,000 troops to Belarus.", [(3000, "exact", "deployed")]),
    ("Trois mille soldats russes ont été tués en Ukraine.", []),
    ("Some 3,000 Russian soldiers were killed in Ukraine.", []),
    ("La France enverra environ trois mille soldats en Roumanie.", [(3000, "approx", "deployed")]),
    ("France will send up to three thousand troops to Romania.", [(3000, "up_to", "deployed")]),
]


@pytest.mark.parametrize(("sentence", "figures"), TROOP_WORDS)
def test_troop_words(sentence, figures):
    facts = extract(sentence, DAY)
    assert [(t.count, t.qualifier, t.status) for t in facts.troops] == figures


def test_number_words_are_read():
    """Every number word is a numeral to the derived pattern, its lookahead included."""
    for word in vocab.words("NUMBER_WORDS"):
        found = numbers._ATOM.search(f"Total : {word} ans.")
        assert found and found.group("words") == word, word


# ------------------------------------------------------------------ one row per contact word

DAY = dt.date(2024, 3, 14)  # a Thursday
CONTACT_WORDS = [
    # (sentence, pair, mode, status)
    ("Emmanuel Macron a téléphoné à Olaf Scholz mardi.", "phone", "held"),
    ("Emmanuel Macron a eu un entretien téléphonique avec Olaf Scholz.", "phone", "held"),
    ("Emmanuel Macron et Olaf Scholz se sont parlé pendant une heure.", None, "held"),
    ("Emmanuel Macron s'est entretenu avec Olaf Scholz mardi.", None, "held"),
    ("Emmanuel Macron a reçu Olaf Scholz à l'Elysée mardi.", "meeting", "held"),
    ("Emmanuel Macron a dîné avec Olaf Scholz mardi.", "meeting", "held"),
    ("Emmanuel Macron rencontrera Olaf Scholz lundi prochain.", "meeting", "planned"),
    ("Emmanuel Macron doit se rendre à Berlin pour voir Olaf Scholz.", "visit", "planned"),
    ("Emmanuel Macron a assuré mardi à Olaf Scholz son soutien.", None, "held"),
    ("Emmanuel Macron spoke with Olaf Scholz on Tuesday.", None, "held"),
    ("Emmanuel Macron held a phone call with Olaf Scholz on Tuesday.", "phone", "held"),
    ("Emmanuel Macron hosted Olaf Scholz in Paris on Tuesday.", "meeting", "held"),
    ("Emmanuel Macron will travel to Berlin next week to see Olaf Scholz.", "visit", "planned"),
    ("Emmanuel Macron told Olaf Scholz on Tuesday that he agreed.", None, "held"),
]


@pytest.mark.parametrize(("sentence", "mode", "status"), CONTACT_WORDS)
def test_contact_words(sentence, mode, status):
    facts = extract(sentence, DAY)
    assert [(c.leaders, c.mode, c.status) for c in facts.contacts] == [
        (("Emmanuel Macron", "Olaf Scholz"), mode, status)
    ]


NOT_CONTACTS = [
    "Emmanuel Macron a lancé un appel à Olaf Scholz pour la paix.",
    "Emmanuel Macron n'a pas rencontré Olaf Scholz.",
    "Emmanuel Macron and Olaf Scholz took part in the forum (via videoconference).",
    "Emmanuel Macron offered to host Olaf Scholz and Joe Biden.",
]


@pytest.mark.parametrize("sentence", NOT_CONTACTS)
def test_not_contacts(sentence):
    pairs = {c.leaders for c in extract(sentence, DAY).contacts}
    assert ("Emmanuel Macron", "Olaf Scholz") not in pairs
