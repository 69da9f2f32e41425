"""Leader contacts: two leaders, how they met (phone, visit, meeting), when, held or planned.

A sentence yields contacts when it has a contact word ("s'est entretenu", "entretien
téléphonique", "se rendra à Moscou", "met", "phone call") and at least two leaders
taking part. Leaders named only as someone's envoy, spokesman or government ("le
représentant spécial d'Emmanuel Macron", "Putin's spokesman") do not take part, and a
sentence whose contact word is negated ("n'a pas l'intention de rencontrer", "refused
to meet") gives nothing. Leaders before the contact word are its subjects, those after
its objects: "Macron et Scholz envisagent de se rendre à Moscou pour rencontrer Poutine"
gives Macron-Putin and Scholz-Putin, not Macron-Scholz.

A sentence can hold several contacts ("Biden spoke with Macron on Tuesday and is
expected to speak with Scholz later this week"): contact words are grouped into events,
each with its own objects, tense and date, sharing the sentence's subject. Only leaders
in office at the article's date take part (a year in the sentence can place it back in
their term), so a former or future leader in another job is not one.

Held or planned: future and conditional forms, infinitives ("convenu de se rencontrer")
and planning words ("prévu", "doit", "envisage", "will", "plans to") make it planned;
otherwise it is held. The date is the date expression nearest the contact word,
skipping those that date a statement ("a annoncé ce 24 janvier", "said on Monday").
A visit to a capital with no host named goes to that country's leader ("se rendra à
Moscou" -> Putin). Offers, invitations, press interviews ("un entretien au Figaro")
and attending the same summit are not contacts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from monitor.extract import vocab
from monitor.extract.dates import DateMention, find_dates, resolve
from monitor.extract.gazetteer import Leader, gazetteer
from monitor.extract.leaders import Mention
from monitor.extract.lexicon import ADJECTIVES, MONTHS, PROPER_NOUNS, WEEKDAYS
from monitor.extract.speaker import bare_lead, first_person

_I = re.IGNORECASE


def _words(key: str) -> str:
    """A vocabulary key's phrases, every language, as one alternation."""
    return vocab.alternation(vocab.words(key))


def _plain(key: str) -> str:
    """A key's single words as a plain alternation, for the grammar patterns below."""
    return "|".join(re.escape(w) for w in vocab.words(key))


def _lead(key: str) -> str:
    """A key's words before another word: a space after each, none after an elision."""
    return "|".join(re.escape(w) + ("" if w.endswith("'") else r"\s+") for w in vocab.words(key))


def _told() -> str:
    """Words said to a leader ("a assuré à son homologue ukrainien", "told Macron"): each
    language's TOLD verbs, then up to three gap words (an inverted subject's name, a day,
    an adverb) and the word naming the one told (TOLD_TO), where the language has one."""
    out = []
    for lang in vocab.LANGUAGES:
        verbs = vocab.alternation(vocab.words("TOLD", (lang,)))
        to = vocab.words("TOLD_TO", (lang,))
        if not to:
            out.append(verbs + r"(?=\s)")
            continue
        gap = vocab.alternation((*vocab.words("TOLD_GAP", (lang,)), *WEEKDAYS))
        # (?:\s*,)?\s+, not \s*,?\s+: the latter splits a run of spaces many ways, and
        # the repeat made a failed match cost the fourth power of its length.
        out.append(
            verbs
            + r"(?:(?:\s*,)?\s+(?:(?-i:[A-ZÉ])[\w'-]*|"
            + gap
            + r")){0,3}(?:\s*,)?\s+"
            + vocab.alternation(to)
            + r"(?=\s)"
        )
    return "|".join(out)


_TOLD = _told()
_TOLD_AT = re.compile(_TOLD, _I)
_DEMAND_VERBS = vocab.words("DEMAND")
_DEMAND_TAIL = re.compile(r"\s*,?\s*(?:" + _lead("DEMAND_INFINITIVE") + ")", _I)
# "Putin and Biden spoke for two hours": no object, the pair is the subject.
_PAIR_TALK = (
    _words("PAIR_TALK")
    + r"(?=\s+"
    + vocab.alternation((*vocab.words("PAIR_TALK_NEXT"), *WEEKDAYS))
    + r"|\s*[.,;])"
)
# (vocabulary key, mode, needs_object): needs_object means a leader must follow closely
# ("a reçu Olaf Scholz", "called Putin"), since "a reçu le soutien de" is no meeting.
# Earlier keys win where two match at the same place ("entretien téléphonique" is
# phone, not just a talk).
_TRIGGER_KEYS: tuple[tuple[str, str | None, bool], ...] = (
    ("PHONE", "phone", False),
    ("PHONE_OBJECT", "phone", True),
    ("VISIT", "visit", False),
    ("MEETING", "meeting", False),
    ("MEETING_OBJECT", "meeting", True),
    ("TALK", None, False),
    ("TALK_OBJECT", None, True),
    ("PAIR_TALK", None, False),
    ("FIRST_PERSON", None, True),
    ("TOLD", None, True),
)
_TRIGGER_PATTERNS = {
    key: (_TOLD if key == "TOLD" else _PAIR_TALK if key == "PAIR_TALK" else _words(key))
    for key, _, _ in _TRIGGER_KEYS
}
#: Cheap first pass, derived from the same phrases: every contact word's key stem.
TRIGGER_STEMS = vocab.phrase_stems(w for k, _, _ in _TRIGGER_KEYS for w in vocab.words(k))
# One pass over the sentence instead of one per key, behind a lookahead of the letters
# a contact word can start with (derived from the phrases: a cheap test that skips most
# positions before the alternation is tried).
_ALL_TRIGGERS = re.compile(
    r"\b(?="
    + "["
    + vocab.first_letters(w for k, _, _ in _TRIGGER_KEYS for w in vocab.words(k))
    + "])(?:"
    + "|".join(f"(?P<t{i}>{_TRIGGER_PATTERNS[k]})" for i, (k, _, _) in enumerate(_TRIGGER_KEYS))
    + ")",
    _I,
)
_TOLD_GROUP = f"t{len(_TRIGGER_KEYS) - 1}"
_FIRST_PERSON_GROUP = f"t{len(_TRIGGER_KEYS) - 2}"
_NEGATION = re.compile(
    r"(?=["
    + vocab.first_letters(vocab.words("NEGATION") + vocab.words("NEGATION_OPEN"))
    + r"])(?:\b(?:"
    + _lead("NEGATION_OPEN")
    + r")(?:\w+\s+|\w+'){0,3}?(?:"
    + _plain("NEGATION_CLOSE")
    + r")\b|\b"
    + _words("NEGATION")
    + ")",
    _I,
)
_NOT_EXCLUDED = re.compile(_words("NOT_EXCLUDED"), _I)
# A channel ("via videoconference") says how a contact word's event was held; alone,
# it is no contact.
_CHANNEL = re.compile(r"\b" + _words("CHANNEL") + r"\s*\(?\s*$", _I)
_PLANNED = re.compile(vocab.prefiltered(vocab.words("PLANNED")), _I)
_VERB_WORD = re.compile(r"(?:se\s+|s')?([\w-]+)", _I)
# Future and conditional forms of a contact verb ("rencontrera", "se rendraient").
_FUTURE_ENDING = re.compile(r"\w(?:" + _plain("FUTURE_ENDINGS") + r")$", _I)
_INFINITIVES = re.compile(_plain("INFINITIVES"), _I)
_PAST_VERB = re.compile(_plain("PAST_FORMS"), _I)
_AUXILIARY = re.compile(r"\b" + _words("AUXILIARIES") + r"\s+(?:\w+\s+){0,2}?$", _I)
_SEQUENTIAL = re.compile(r"\b" + _words("SEQUENTIAL") + r"\s*(?:se\s+|s')?$", _I)
# "departed Moscow after holding talks", "speaking in Warsaw after visit to Kyiv": what
# follows "after" has already happened unless its clause is in the future.
_AFTER = re.compile(
    r"\b" + _words("AFTER") + r"\s+(?:(?:a|the|an|his|her|their)\s+(?:[\w-]+\s+)?)?(?:se\s+|s')?$",
    _I,
)
_FUTURE_WORD = re.compile(r"\b[a-zàâçéèêîôû]\w+(?:era|eront|ira|iront|dra|dront)\b")
_MAIN_PAST = re.compile(
    r"\b"
    + _words("PAST_AUXILIARIES")
    + r"\s+(?:\w+\s+){0,3}?\w+(?:é|és|ée|ées|u|us|i|is|it|eu)\b|\b"
    + _words("MAIN_PAST"),
    _I,
)
# A past participle after the auxiliary ("a rencontré", "has spoken"); "hold a video
# call" has the English article "a", not the French auxiliary.
_PARTICIPLE = re.compile(
    r"(?:é|ée|és|ées|u|ue|us|ues|i|ie|eu|ed|met|spoken|held|sent|dit|promis|told)$", _I
)
#: Words that may stand between a contact verb and the leader who is its object ("a
#: reçu le chancelier Olaf Scholz", "welcomed his visiting counterpart").
_TITLE_GAP_WORDS = frozenset(w.lower() for w in vocab.words("OBJECT_GAP")) | frozenset(WEEKDAYS)
# One word of the gap: "sud-africain" whole, so it is found among the adjectives.
_GAP_WORD = re.compile(r"\w[\w.-]*")
_ATTENDING = re.compile(r"\b" + _words("ATTENDING"), _I)
_PRESS_INTERVIEW = re.compile(
    r"\s+(?:accordé\s+|donné\s+|publié\s+)?(?:à|au|aux|avec|with|to)\s+(?:la\s+|le\s+|l'|the\s+)?"
    r"[A-Z]",
)
_PRESENT = re.compile(_words("PRESENT_FORMS"), _I)
_CALL_ON = re.compile(r"\s+(?:on|upon|for)\b", _I)
_URGE_TAIL = re.compile(
    r"\s*,?\s*(?:à|a|to)\s+(?:ne\s+pas\s+|la\s+|l'|au\s+|aux\s+|[\w-]+(?:er|ir|re)\b)", _I
)
_CIRCUMSTANCE = re.compile(
    r"(?=[adflp])(?:\bpour|\bfor|\blors\s+d[e'u]|\bduring|\bau\s+cours\s+d[e'u])\s+"
    r"(?:(?:sa|son|leur|his|her|their|la|le|l'|the|a|une|un)\s*)?(?:[\w-]+\s+)?$",
    _I,
)
# "He flew to Kyiv", "In Doha, he met", "A Lviv, il a rencontré": the subject pronoun,
# after a short fronted phrase.
_SUBJECT_PRONOUN = re.compile(r"[\W]*(?:[^,.;:]{1,40},\s*)?(?:he|she|il|elle)\b", _I)
# "Energy was also discussed today with X": a passive, told by the office's speaker.
_PASSIVE_LEAD = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|a\s+été|ont\s+été)\s+(?:\w+\s+){0,2}$", _I
)
# "on 22 May", "May 22": the month, not the modal.
_MONTH_MAY = re.compile(r"\d\s+may\b|\bmay\s+\d", _I)
_PLUPERFECT = re.compile(
    r"\b"
    + _words("PLUPERFECT_AUXILIARIES")
    + r"\s+(?:\w+\s+){0,2}?\w+(?:é|és|ée|ées|u|us|i|is|eu)\b",
    _I,
)
_REFLEXIVE_PAST = re.compile(r"(?:se\s+sont|s'est|s'était|s'étaient)\s", _I)
_HAD = re.compile(
    r"\b(?:a|ont|avait|avaient|ayant)\s+eu\s+(?:un|une|des|leur|son)\s+"
    r"(?:\w+\s+)?$|\b(?:had|held)\s+(?:a|an|their|his|her)\s+(?:\w+\s+)?$",
    _I,
)
# "are holding talks", "is hosting": under way, whatever "could" follows.
_PROGRESSIVE = re.compile(r"\b" + _words("PROGRESSIVE") + r"\s+(?:\w+ly\s+)?$", _I)
_PAST_INFINITIVE = re.compile(_words("PAST_INFINITIVE") + r"\s+(?:\w+\s+)?$", _I)
_INFINITIVE_LEAD = re.compile(
    r"\b(?:" + _lead("INFINITIVE_LEADS") + r")(?:se\s+|s')?(?:\w+\s+){0,1}$", _I
)
# Someone's agent ("l'envoyé de Macron", "Putin's spokesman") or a source ("selon
# Macron"): not a party.
_EXCLUDED_BEFORE = re.compile(
    r"(?=["
    + vocab.first_letters(vocab.words("AGENTS") + vocab.words("ATTRIBUTION"))
    + "])(?:"
    + vocab.alternation(w + "(s)?" for w in vocab.words("AGENTS"))
    + r"\s+(?:\w+\s+){0,2}?(?:de\s+|d'|du\s+|des\s+|of\s+|to\s+|for\s+)"
    # "an ally of Russian President Putin", "le porte-parole du président russe Poutine"
    # (a title is needed: "Prime Minister of Armenia Nikol Pashinyan" is his own role)
    + r"(?:(?:the\s+|la\s+|le\s+|l')?(?:(?-i:[A-ZÉ])[\w'-]*\s+){0,2}(?:"
    + _plain("TITLES")
    + r")(?:\s+[\w-]+)?\s+)?$|"
    + _words("ATTRIBUTION")
    + r"\s+(?:[\w.]+\s+){0,2}?$)",
    _I,
)
#: Whether any agent or attribution word is near: one scan of a literal alternation of
#: the words' stems (re finds its first letters fast) before the regex above.
_EXCLUDED_KEYS = re.compile(
    "|".join(
        sorted(
            {
                re.escape(max(re.match(r"[\w' ]*", w.lower()).group(0).split(), key=len)[:6])  # type: ignore[union-attr]
                for w in vocab.words("AGENTS") + vocab.words("ATTRIBUTION")
            }
        )
    )
)
_CONTACT_NOUNS = frozenset(vocab.words("CONTACT_NOUNS"))
#: Between a possessive and its contact noun: "Xi's first visit", "Aliyev's recent talks".
_DATE_WORDS = frozenset(("first", "last", "recent", "latest", "previous", "second", "third"))
#: Between two items of a list of leaders, beside titles: "A, B and C", "as well as".
_LIST_WORDS = ("and", "et", "as", "well", "ainsi", "que")
# Before a noun: a determiner, an elided article or a possessive, then up to two
# adjectives ("sa première visite", "l'entretien", "Biden's surprise trip").
_NOUN_LEAD = re.compile(
    r"(?:\b(?:" + _plain("DETERMINERS") + r")\s+|\b[ld]'|'s\s+)(?:[\w-]+\s+){0,2}$", _I
)
# "ahead of his visit", "à la veille de leur rencontre"
_AHEAD = re.compile(
    r"\b"
    + _words("AHEAD")
    + r"\s*(?:(?:"
    + _plain("DETERMINERS")
    + r")\s+|[ld]'|\w+'s\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)
# "pour un dîner de travail avec", "pour la visite de": a contact as the purpose.
_FOR_NOUN = re.compile(
    r"\b" + _words("PURPOSE_LEAD") + r"\s+(?:" + _plain("DETERMINERS") + r")\s+(?:[\w-]+\s+)?$", _I
)
# "la visite, prévue jeudi", "a summit is expected": the contact itself is to come.
_TO_TAKE_PLACE = re.compile(r"\b" + _words("TO_TAKE_PLACE"), _I)
# "le premier dirigeant à rencontrer", "the first leader to visit"
_FIRST_TO = re.compile(
    r"\b" + _words("FIRST_TO") + r"\s+(?:[\w-]+\s+){0,3}?(?:" + _lead("INFINITIVE_TO") + r")$",
    _I,
)
# "I am glad to meet", "we were happy to welcome": the contact is under way.
_GLAD_TO = re.compile(
    r"\b(?:am|is|are|was|were)\s+(?:\w+\s+)?"
    + _words("GLAD")
    + r"\s+(?:"
    + _lead("INFINITIVE_TO")
    + ")$",
    _I,
)
# A past main verb in English ("took the time to visit", "left Kyiv to meet").
_SIMPLE_PAST = re.compile(r"\b" + _words("SIMPLE_PAST"), _I)
_ANAPHOR = re.compile(r"\b" + _words("ANAPHOR"), _I)
ANAPHOR_STEMS = vocab.phrase_stems(vocab.words("ANAPHOR"))
# An offer is not a plan: "Erdogan offered to host talks between Putin and Zelensky";
# a demand is not a contact either: "Zelensky called for a meeting with Putin".
_PROPOSAL = re.compile(
    r"\b(?=["
    + vocab.first_letters(vocab.words("PROPOSAL") + vocab.words("DEMAND_CONTACT"))
    + "])(?:"
    + _words("PROPOSAL")
    + r"\s+(?:\w+\s+){0,3}?(?:"
    + _lead("PROPOSAL_TO")
    + r")(?:\w+\s+)?$|"
    + _words("DEMAND_CONTACT")
    + r"\s+(?:\w+\s+){0,3}?$)",
    _I,
)
# A summit named as the setting of something else: "Lors du sommet, Biden a appelé...".
_SETTING = re.compile(
    vocab.prefiltered(vocab.words("SETTING"), boundary=False) + r"\s*(?:\w+\s+)?$", _I
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Where a first event's objects stop: ", and German Chancellor Olaf Scholz said..."
_COORDINATION = re.compile(r",\s+" + _words("COORDINATION") + r"|;|\s[–—-]\s", _I)
_NARRATIVE_PAST = re.compile(r"\b" + _words("NARRATIVE_PAST"), _I)
_PURPOSE = re.compile(r"\b" + _words("PURPOSE") + r"\s+(?:y\s+|se\s+|s')?$", _I)
# "hopes to speak", "wanted to meet", "is due to travel": an infinitive of its own, not
# a purpose.
_NOT_PURPOSE = re.compile(r"\b" + _words("NOT_PURPOSE") + r"\s+to\s+$", _I)
_MODE_ONLY = re.compile(r"(?:by|par|au|on\s+the|en)\s+(?:tele)?(?:phone|téléphone|visio\w*)", _I)
_EVENT_BREAK = re.compile(r",|;|\b" + _words("EVENT_BREAK"), _I)
_REPORTED_DATE = re.compile(
    r"(?=["
    + vocab.first_letters(vocab.words("REPORTING"))
    + "])"
    + r"(?:"
    + _words("REPORTING")
    + r"|told\s+(?:reporters|journalists|the\s+press|\w+))\s+"
    # "a rapporté la Maison Blanche ce mardi", "said the White House on Monday"
    r"(?:(?:la|le|les|l'|the|a|un|une|du|de|des|(?:l'|d')?(?-i:[A-ZÉ])[\w'-]*)\s+){0,4}"
    r"(?:ce\s+|le\s+|on\s+|this\s+)?$",
    _I,
)
# "a assuré dimanche à Volodymyr Zelensky": the day of the exchange, not of a statement.
_TO_PARTNER = re.compile(
    r"\s+(?:à|au|to)\s+(?:(?-i:[A-Z])|(?:son|sa|leur|his|her)\s+(?:homologue|counterpart)|"
    r"(?:la|le|the)\s+(?:président|chancelier|premier|president|chancellor|prime))",
    _I,
)
# Where a visit goes: "se rendra lundi à Moscou", "trip to war-torn Kyiv", "visit to
# Ukraine's Kyiv" (the owner), "arrived in the Ukrainian capital" (the adjective).
_DESTINATION = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:à|en|au|aux|to|in)\s+(?:l'|la\s+|le\s+|the\s+)?"
    r"(?:" + _words("PLACE_MODIFIERS") + r"\s+)?"
    r"(?:(?P<owner>[A-ZÉ][\w-]*)'s?\s+)?"
    r"(?:(?P<adjective>[\w-]+)\s+" + _words("CAPITAL") + r"|"
    r"(?P<place>[A-ZÉ][\w'-]*(?:\s+[A-ZÉ][\w'-]*)?))"
)
# "la capitale ukrainienne"
_CAPITAL_AFTER = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:à|en|au|aux|to|in)\s+(?:la\s+|the\s+)?"
    + _words("CAPITAL")
    + r"\s+(?P<adjective>[\w-]+)",
    _I,
)
# "Xi's Russia trip", "Olaf Scholz's Kyiv visit": the place before the noun.
_PLACE_BEFORE = re.compile(r"(?P<place>[A-ZÉ][\w'-]*)\s+$")
# A city held by another state is no visit to its country's leader: "Putin visits
# Russian-occupied Mariupol", "à Kherson, occupée par l'armée russe".
_OCCUPIED = re.compile(r"\b" + _words("OCCUPIED"), _I)
_PRONOUN_BEFORE = re.compile(r"\b(?:l'|le\s+|la\s+|lui\s+)$", _I)
_PRONOUN_AFTER = re.compile(r"^\s+(?:him|her)\b", _I)
_DIRECT_PLACE = re.compile(r"\s+(?P<place>[A-ZÉ][\w'-]*(?:\s+[A-ZÉ][\w'-]*)?)")
_CLAUSE_BREAK = re.compile(r"[,;:«»()]|\s[–—-]\s|\bmais\b|\bbut\b|\bwhile\b|\balors\s+que\b")
# A negation reaches over quoted words: "ne voit pas « l'utilité » d'un entretien".
_NEGATION_BREAK = re.compile(r"[,;:()]|\s[–—-]\s|\bmais\b|\bbut\b|\bwhile\b|\balors\s+que\b")
_NAME_WORDS = re.compile(r"(?:[A-ZÀ-Ý][\w.-]*)(?:\s+[A-ZÀ-Ý][\w.-]*)*")
# "Sommet du G20 : Macron demande à Xi...": the summit names the section, not a meeting.
_HEADING = re.compile(
    r"\s+(?:du|de\s+la|de\s+l'|des|de|of\s+the|of)\s+[^:,.;]{1,40}?\s*:(?!\d)", _I
)
# "en visite en Russie pour s'entretenir avec Poutine": a purpose after a nominal visit.
_PURPOSE_AFTER = re.compile(
    r"\s*(?:[^,.;]{0,40}?\s)?(?:pour|afin\s+de|afin\s+d'|in\s+order\s+to|to)\s+(?:se\s+|s')?(?:"
    + _plain("INFINITIVES")
    + r"|entretenir|parler)\b",
    _I,
)
# A finite verb before a nominal visit: "is in the midst of a visit to meet" is under way.
_FINITE_BEFORE = re.compile(r"\b" + _words("COPULAS"), _I)
_SUMMIT_WORD = re.compile(r"sommets?|summits?", _I)
_COUNTRY_NAME = re.compile(r"(?-i:[A-ZÉ][\w'-]*(?:\s+(?-i:[A-ZÉ])[\w'-]*)?)")
_WITH_COUNTRIES = re.compile(
    r"\s+(?:trilat\w+\s+|bilat\w+\s+)?(?:avec|with)\s+(?P<list>"
    r"(?:(?:l'|la\s+|le\s+|les\s+|the\s+)?(?-i:[A-ZÉ])[\w'-]*(?:\s+(?-i:[A-ZÉ])[\w'-]*)?"
    r"(?:\s*,\s*|\s+(?:et|and)\s+)?){1,4})",
    _I,
)
_LATER_TODAY = re.compile(r"\b" + _words("LATER_TODAY"), _I)
# A headline's future: its subject (names, a demonym, a title) then "to" and a verb,
# with no verb of its own ("Macron to visit China", "Spanish leader to discuss...").
_HEADLINE_FUTURE = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:(?:"
    + _plain("TITLES")
    + r")\s+(?:[A-Z][\w'’.-]*\s+){0,3})?(?P<to>to)\s+(?-i:[a-z])\w+",
)
_OTHER_EVENT = re.compile(
    r"\b" + _words("OTHER_EVENTS") + r"\s+(?:(?:on|of|du|de|le|the)\s+)?(?:\w+\s+)?$", _I
)
# "X, qui s'est réuni la veille avec", "Y, who had met": a relative clause's verb.
_RELATIVE_LEAD = re.compile(r",?\s*\b" + _words("RELATIVE") + r"\s+(?:[\w']+\s+){0,4}$", _I)
# "une réunion de la Communauté de Sant'Egidio", "a meeting of the Security Council"
_ORGANISATION_MEETING = re.compile(r"\s+(?:de\s+la|de\s+l'|du|des|of\s+the)\s+(?-i:[A-ZÉ])", _I)
# Keeping talks going is no contact: "entretenir les pourparlers", "maintain talks".
_KEEPING_UP = re.compile(
    r"\b" + _words("KEEP_UP") + r"\s+(?:les\s+|des\s+|le\s+|la\s+|the\s+|their\s+)?$", _I
)
# A quoted statement opens after "que", "that", a colon or a comma (not "a « insisté
# auprès du président »", a paraphrase quoted mid-sentence).
_QUOTE_LEAD = re.compile(r"(?:\bque|\bqu'|\bthat|[:,])\s*$", _I)
_QUOTATION = re.compile(r"«[^»]{20,}»|“[^”]{20,}”")
_PASSIVE_MET = re.compile(r"\b(?:was|were|been|being|is|are)\s+met\s+with\b", _I)


class Trigger(NamedTuple):
    """A contact word in a sentence: where it is and the mode it tells (None: talks)."""

    start: int
    end: int
    mode: str | None


class Party(NamedTuple):
    """A leader taking part, where the sentence names them (a label of the gazetteer)."""

    at: int
    label: str


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """One sentence as the contact steps see it: its text and day, the contact words
    kept and the parties found."""

    text: str
    published: dt.date
    triggers: list[Trigger]
    people: list[Party]
    anchor: dt.date | None = None
    #: leaders named together by one group mention ("the presidents of the Baltic states")
    grouped: frozenset[str] = frozenset()
    #: where a headline's future ends ("Macron to visit China"), else -1
    headline_future: int = -1

    @property
    def first_trigger(self) -> int:
        return self.triggers[0].start


@dataclass(frozen=True, kw_only=True)
class Event:
    """Contact words told of one contact ("se rendre à Moscou pour rencontrer"), the
    stretch of the sentence that is theirs, and what it shares with the sentence:
    subjects None for the first event (everyone before it is its subject); inherited,
    the day of the contact told just before it."""

    triggers: list[Trigger]
    region: tuple[int, int]
    subjects: list[str] | None
    first: bool
    inherited: dt.date | None = None

    @property
    def head(self) -> Trigger:
        return self.triggers[0]


@dataclass(frozen=True, kw_only=True)
class RawContact:
    """A contact before dedup. circumstance: named in passing ("pour sa première
    visite à Washington"), so it takes the tense of the sentence's main contact."""

    leaders: tuple[str, str]
    mode: str | None
    date: dt.date | None
    status: str
    circumstance: bool = False


def has_trigger(words: frozenset[str]) -> bool:
    """Whether a sentence with these stems may have a contact word (find_contacts checks)."""
    return not words.isdisjoint(TRIGGER_STEMS)


def has_anaphor(text: str, words: frozenset[str]) -> bool:
    """ "les deux dirigeants", "the two leaders": a contact of the pair named before."""
    return not words.isdisjoint(ANAPHOR_STEMS) and _ANAPHOR.search(text) is not None


def find_contacts(
    text: str,
    mentions: list[Mention],
    published: dt.date,
    *,
    history: list[str],
    last_pair: tuple[str, str] | None,
    last_subject: str | None = None,
    anchor: dt.date | None = None,
    speakers: Sequence[str] = (),
    first_person_speaks: bool = False,
) -> list[RawContact]:
    """Contacts of one sentence (apostrophes straightened).

    mentions: its leader mentions (leaders.find_mentions). history: leaders named
    earlier in the article, oldest first, for "le président" alone. last_pair: the
    previous contact's pair, for "les deux dirigeants". last_subject: the first leader
    named in the last sentence that named one, for a sentence opening on "He"/"Il".
    anchor: the day of the contact told just before, for "la veille", "the next day".
    speakers: the implicit party (speaker.py), first choice first: the subject of a
    sentence that opens on its contact word ("Telephone conversation with X") or, with
    first_person_speaks, of a first-person one ("I spoke today with X").
    """
    triggers: list[Trigger] = []
    told: list[Trigger] = []
    for m in _ALL_TRIGGERS.finditer(text):
        key, mode, needs_object = _TRIGGER_KEYS[int((m.lastgroup or "t0")[1:])]
        if (
            needs_object
            # an office's "I spoke with the President of X and friend of Y, Z" names Z
            and not (key == "TALK_OBJECT" and first_person_speaks)
            and not any(_object_follows(text, m.end(), x.start) for x in mentions)
            and not _PRONOUN_BEFORE.search(text[max(0, m.start() - 6) : m.start()])
        ):
            continue
        if _KEEPING_UP.search(text, max(0, m.start() - 30), m.start()):
            continue  # "d'entretenir les pourparlers avec Moscou", "to keep up the dialogue"
        if _ORGANISATION_MEETING.match(text, m.end()) and m.group(0).lower() in (
            "réunion",
            "meeting",
        ):
            continue  # "une réunion de la Communauté de Sant'Egidio": a body's meeting
        if m.group(0).lower() in ("sommet", "summit") and (
            _ATTENDING.search(text[max(0, m.start() - 40) : m.start()])
            or _SETTING.search(text[max(0, m.start() - 30) : m.start()])
            or _HEADING.match(text, m.end())
        ):
            # attending a summit, a summit as the setting ("Sommet du G20 : ..."), is
            # no meeting of two
            continue
        press = _PRESS_INTERVIEW.match(text, m.end())
        if (
            press
            and m.group(0).lower().startswith("entretien")
            and not any(x.start == press.end() - 1 for x in mentions)
        ):
            continue  # "dans un entretien au Figaro": an interview, not a contact
        if mode == "phone" and _urges(text, m, mentions):
            continue  # "a appelé Poutine à retirer ses troupes", "called on Putin to"
        if m.lastgroup == _FIRST_PERSON_GROUP and not (
            first_person_speaks and first_person(text[: m.start()]) is not None
        ):
            continue  # "I thanked X" in an office's own text; "Zelensky thanked X" is public
        if m.lastgroup == _TOLD_GROUP and _demands(text, m, mentions):
            continue  # "a demandé à Poutine de retirer ses troupes": an appeal
        if (
            m.group(0).lower() in ("met", "meet", "meets")
            and not any(_object_follows(text, m.end(), x.start, extra=("with",)) for x in mentions)
            and sum(len(x.leaders) or 1 for x in mentions if x.end <= m.start()) < 2
        ):
            continue  # "Scholz met resistance from Macron": met whom? nobody here
        if m.group(0).lower() == "met" and _PASSIVE_MET.search(
            text, max(0, m.start() - 8), m.end() + 6
        ):
            continue  # "Putin was met with resolve": an idiom, no meeting
        if m.lastgroup == _TOLD_GROUP:
            told.append(Trigger(m.start(), m.end(), mode))
            continue
        triggers.append(Trigger(m.start(), m.end(), mode))
    if triggers and all(_CHANNEL.search(text, max(0, a - 12), a) for a, _, _ in triggers):
        return []  # "X and Y (via videoconference)": how they took part, in what?
    if not triggers:
        # Words said to a leader count only where no contact word tells the exchange:
        # "told Zelensky in a call on Monday" is the call.
        triggers = told
    if not triggers:
        return []
    triggers.sort()
    people = _participants(text, mentions, published, history, triggers[0][0])
    if triggers is told:
        # Only the one told takes part: "told Putin about his contacts with the
        # Ukrainian leadership" is no exchange with the latter.
        told_to = next((p.at for p in people if p.at >= triggers[0].end), None)
        people = [p for p in people if told_to is None or p.at <= told_to]
    people = _summit_countries(text, triggers, people, published)
    anaphor = _ANAPHOR.search(text)
    if anaphor and last_pair and len({p for _, p in people}) < 2:
        people += [Party(anaphor.start(), last_pair[0]), Party(anaphor.start(), last_pair[1])]
        people.sort()
    continued = False  # the sentence goes on with the previous one's subject ("Il a...")
    pronoun = _SUBJECT_PRONOUN.match(text)
    if pronoun and history and not any(pos < triggers[0][0] for pos, _ in people):
        # "He flew to Kyiv on Tuesday to meet Zelensky": the subject is the leader the
        # article was just talking about.
        named = {p for _, p in people}
        previous = (
            last_subject
            if last_subject and last_subject not in named
            else next((p for p in reversed(history) if p not in named), None)
        )
        if previous:
            people.insert(0, Party(pronoun.start(), previous))
            continued = True
    if speakers and people and not any(pos < triggers[0][0] for pos, _ in people):
        named = {p for _, p in people}
        implicit = next((p for p in speakers if p not in named), None)
        lead = text[: triggers[0][0]]
        at = first_person(lead) if first_person_speaks else None
        if at is None and first_person_speaks and _PASSIVE_LEAD.search(lead):
            at = 0
        if at is None and bare_lead(lead):
            at = 0
        if implicit and at is not None:
            people.insert(0, Party(at, implicit))
    sentence = Sentence(
        text=text,
        published=published,
        triggers=triggers,
        people=people,
        anchor=anchor,
        grouped=frozenset(label for m in mentions if m.kind == "group" for label in m.leaders),
        headline_future=_headline_future(text, mentions),
    )
    groups = _events(sentence)
    subjects = [p.label for p in sentence.people if p.at < groups[0][0].start]
    out: list[RawContact] = []
    for k, group in enumerate(groups):
        region_end = groups[k + 1][0].start if k + 1 < len(groups) else len(text)
        # Until an event has yielded a contact, the next one reads like the first:
        # "Cet appel intervient alors que Donald Trump, qui doit rencontrer Zelensky".
        # A denied one counts as read: "n'a plus l'intention de rencontrer X, enterrant
        # le projet de sommet" is no summit of the same two.
        leading = not out and not any(_negated(text, g[0].start) for g in groups[:k])
        event = Event(
            triggers=group,
            region=(group[0].start, region_end),
            subjects=None if leading else subjects,
            first=leading,
            # A contact told without its own day inherits the day of the one told
            # just before it, in this sentence or (after "Il a également...") the last.
            inherited=next((c.date for c in reversed(out) if c.date), None)
            or (anchor if continued else None),
        )
        out.extend(_event_contacts(sentence, event))
    return _merge_same_pair(out)


def _merge_same_pair(contacts: list[RawContact]) -> list[RawContact]:
    """One contact per pair and sentence: "reçu lundi par Joe Biden, pour sa première
    visite à Washington" is one planned visit, not a meeting and a visit. The first
    event gives the status; a date and the most specific mode are kept from any. Two
    dated contacts of a pair on different days stay two."""
    out: list[RawContact] = []
    for c in contacts:
        same = next(
            (
                i
                for i, o in enumerate(out)
                if o.leaders == c.leaders
                and (o.date is None or c.date is None or o.date == c.date)
                and (o.status == c.status or c.circumstance)
            ),
            None,
        )
        if same is None:
            out.append(c)
            continue
        first = out[same]
        modes = {first.mode, c.mode}
        out[same] = RawContact(
            leaders=first.leaders,
            mode=next((m for m in ("phone", "visit", "meeting") if m in modes), None),
            date=first.date or c.date,
            status=first.status,
        )
    return out


def _events(sentence: Sentence) -> list[list[Trigger]]:
    """Group contact words into events: "se rendre à Moscou pour rencontrer Poutine" is
    one event; "a parlé avec Macron et doit s'entretenir avec Scholz" is two."""
    text, triggers, people = sentence.text, sentence.triggers, sentence.people
    events: list[list[Trigger]] = [[triggers[0]]]
    for t in triggers[1:]:
        last = events[-1][-1]
        between = text[last[1] : t[0]]
        if t[0] < last[1]:
            events[-1].append(t)  # overlapping words: "entretien téléphonique"
            continue
        lead = text[max(0, t[0] - 25) : t[0]]
        if (
            _PURPOSE.search(lead)
            and not _NOT_PURPOSE.search(lead)
            and not any(last[1] <= pos < t[0] for pos, _ in people)
        ):
            events[-1].append(t)  # "se rendre à Moscou pour rencontrer"
            continue
        if not _EVENT_BREAK.search(between) and (
            _MODE_ONLY.match(text, t[0]) or not any(last[1] <= pos < t[0] for pos, _ in people)
        ):
            events[-1].append(t)  # "se sont rencontrés lors d'un sommet",
            continue  # "spoke with Putin by phone"
        events.append([t])
    return events


def _event_contacts(sentence: Sentence, event: Event) -> list[RawContact]:
    """The contacts of one event: its pairs, mode, status and day."""
    text, published, triggers = sentence.text, sentence.published, sentence.triggers
    people = sentence.people
    subjects, first_trigger = event.subjects, sentence.first_trigger
    region = event.region
    head = event.head
    if _negated(text, head[0]) or _PROPOSAL.search(text[max(0, head[0] - 40) : head[0]]):
        return []
    modes = {t.mode for t in event.triggers}
    mode = next((m for m in ("phone", "visit", "meeting") if m in modes), None)
    start, end = region
    if subjects is None:  # the first event: everyone before it is its subject
        stop = _COORDINATION.search(text, head[1], end)
        if stop:
            end = stop.start()
        scope = [(pos, p) for pos, p in people if pos < end]
        pairs = _pairs(scope, head[0], sentence.grouped)
        subject_people = [p for pos, p in scope if pos < head[0]]
        lead = text[max(0, head.start - 25) : head.start]
        if (
            not subject_people
            and len({p for _, p in scope}) > 2
            and _PURPOSE.search(lead)
            and not _NOT_PURPOSE.search(lead)
        ):
            # "Présent à Téhéran pour rencontrer A, ainsi que B, Poutine a défendu...": a
            # fronted purpose; its subject is the leader the main clause opens on, last.
            subject = scope[-1][1]
            pairs = [
                tuple(sorted((subject, p)))  # type: ignore[misc]
                for p in dict.fromkeys(p for _, p in scope)
                if p != subject
            ]
    else:  # later events share the sentence's subject
        relative = _RELATIVE_LEAD.search(text, max(0, head.start - 60), head.start)
        if relative:
            # "... entre le pape et le chef de l'Etat, qui s'est réuni la veille avec X":
            # the relative clause's subject is the one named right before it.
            before = [p for pos, p in people if pos < relative.start()]
            subjects = before[-1:] or subjects
        objects = [(pos, p) for pos, p in people if start <= pos < end]
        if not objects and (
            _PRONOUN_BEFORE.search(text[max(0, start - 6) : start])
            or _PRONOUN_AFTER.match(text[head[1] : head[1] + 6])
        ):
            # "... avec Poutine, devrait à nouveau l'appeler": the pronoun is the
            # last person named before who is not the subject.
            earlier = [(pos, p) for pos, p in people if pos < start and p not in subjects]
            objects = earlier[-1:]
        scope = [(-1, p) for p in subjects] + objects
        pairs = _pairs(scope, head[0], sentence.grouped) if objects else []
        subject_people = subjects
    in_region = list(dict.fromkeys(p for pos, p in people if start <= pos < end))
    # The visitor: the subject ("Macron se rendra à Moscou"), or the one leader named
    # after the word ("la visite d'Emmanuel Macron à Moscou").
    # A leader named after an earlier contact word is that word's object, not a
    # traveller: "Blinken a rencontré Zelensky, avant de se rendre à Berlin".
    subject_people = (
        [p for p in subject_people if any(pos < first_trigger for pos, q in people if q == p)]
        if subjects is None
        else subject_people
    )
    visitors = list(dict.fromkeys(subject_people)) or in_region
    if (
        not pairs
        and mode == "visit"
        and len(visitors) == 1
        and not [p for p in in_region if p not in visitors]
    ):
        host = _host(text, event.triggers, published)
        subject = visitors[0]
        if host and host != subject:
            pairs = [tuple(sorted((subject, host)))]  # type: ignore[list-item]
    elif (
        mode == "visit"
        and len(visitors) > 1
        and not any(pos >= head[0] for pos, _ in people if start <= pos < end)
    ):
        # "Les premiers ministres albanais et monténégrin sont venus à Kiev": each guest
        # with the host, not with each other.
        host = _host(text, event.triggers, published)
        if host and host not in visitors:
            pairs = [tuple(sorted((v, host))) for v in visitors]  # type: ignore[misc]
    # A president and his own prime minister, a king and his: domestic, no contact.
    pairs = [pair for pair in pairs if not _compatriots(pair, published)]
    if not pairs:
        return []
    previous_end = max((t[1] for t in triggers if t[1] <= head[0]), default=0)
    planned = _is_planned(text, head, end, previous_end)
    if not planned and 0 <= sentence.headline_future <= head.end:
        planned = True  # "Xi Jinping to test limits ... on Russia state visit"
    status = "planned" if planned else "held"
    # A present tense ("Macron se rend lundi à Moscou") says nothing of past or future:
    # the weekday is read as the nearer one, and the date decides the status.
    present = status == "held" and bool(_PRESENT.match(text, head[0]))
    date = _contact_date(
        text,
        head,
        published,
        None if present else status,
        window=(0 if event.first else start, end),
        anchor=sentence.anchor,
    )
    inherited = event.inherited
    if date is None and status == "held" and inherited and inherited <= published:
        date = inherited
    if date and date > published:
        status = "planned"
    elif present and date == published and _LATER_TODAY.search(text, start, end):
        status = "planned"  # "reçoit, jeudi soir, ...", published that Thursday: to come
    if status == "planned" and date and date < published:
        date = None
    circumstance = bool(_CIRCUMSTANCE.search(text[max(0, head[0] - 30) : head[0]]))
    return [
        RawContact(leaders=(a, b), mode=mode, date=date, status=status, circumstance=circumstance)
        for a, b in pairs
    ]


def _urges(text: str, m: re.Match[str], mentions: list[Mention]) -> bool:
    """ "Appeler quelqu'un à faire" and "call on/for" are urging, not phoning."""
    word = m.group(0).lower()
    if not word.startswith(("appel", "call", "a appel", "ont appel", "avait appel", "avaient ap")):
        return False
    if _CALL_ON.match(text, m.end()):
        return True
    after_object = next((x.end for x in mentions if 0 <= x.start - m.end() <= 40), None)
    return after_object is not None and bool(_URGE_TAIL.match(text, after_object))


def _demands(text: str, m: re.Match[str], mentions: list[Mention]) -> bool:
    """ "demandé à X de faire": a demand with an infinitive, not words exchanged."""
    if not any(v in m.group(0).lower() for v in _DEMAND_VERBS):
        return False
    after_object = next((x.end for x in mentions if 0 <= x.start - m.end() <= 40), None)
    return after_object is not None and bool(_DEMAND_TAIL.match(text, after_object))


def _object_follows(text: str, end: int, start: int, extra: tuple[str, ...] = ()) -> bool:
    """Whether the leader at `start` is the object of the verb ending at `end`: only
    articles and titles between ("a reçu le chancelier Olaf Scholz", not "a reçu le
    soutien de Xi Jinping")."""
    if not 0 <= start - end <= 80:
        return False
    if text.startswith(("'s ", "' "), _name_end(text, start)):
        return False  # "welcomed Aliyev's talks": the leader owns the object
    return all(
        w.lower() in _TITLE_GAP_WORDS
        or w.lower() in extra
        or w.lower() in ADJECTIVES
        or w.lower() in MONTHS
        or w[:1].isupper()
        or w.isdigit()
        for w in _GAP_WORD.findall(text[end:start])
    )


def _name_end(text: str, start: int) -> int:
    """Where the capitalised words of a name starting at start end."""
    m = _NAME_WORDS.match(text, start)
    return m.end() if m else start


def _negated(text: str, start: int) -> bool:
    window = text[max(0, start - 80) : start + 12]
    breaks = list(_NEGATION_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    if _NOT_EXCLUDED.search(window):
        return False
    return bool(_NEGATION.search(window))


def _excluded(text: str, m: Mention) -> bool:
    before = text[max(0, m.start - 60) : m.start]
    lowered = before.lower()
    # Substring tests first: the regex is only worth running near one of its words.
    return bool(
        (_EXCLUDED_KEYS.search(lowered) and _EXCLUDED_BEFORE.search(before))
        or (text.startswith("'s", m.end) and _possessor(text[m.end + 2 : m.end + 40]))
    )


def _possessor(after: str) -> bool:
    """ "Putin's demands", "Putin's spokesman": the leader owns something, he does not
    take part; "Putin's meeting with Macron", "Scholz's visit" are contacts."""
    # A date or an order before the noun: "Aliyev's April 6 talks", "Xi's first visit".
    words = [
        w
        for w in after.split(maxsplit=5)
        if not (w.isdigit() or w.lower().strip(",.;") in MONTHS or w.lower() in _DATE_WORDS)
    ]
    if not words:
        return False
    first = words[0].lower().strip(",.;")
    return not (first in _CONTACT_NOUNS or (len(words) > 1 and words[1].lower() in _CONTACT_NOUNS))


def _participants(
    text: str, mentions: list[Mention], published: dt.date, history: list[str], trigger_at: int
) -> list[Party]:
    """(position, label) of each leader taking part, homologues and bare roles resolved."""
    g = gazetteer()
    out: list[Party] = []
    years = [int(y) for y in _YEAR.findall(text)]
    listed_to = -1  # where the last kept mention ends, for a list that runs on
    # A leader named inside a quotation the contact word is not in is quoted, not a
    # party: "a souligné que « toute concession donnerait à Poutine... »".
    quotes = (
        [
            q.span()
            for q in _QUOTATION.finditer(text)
            if _QUOTE_LEAD.search(text, max(0, q.start() - 8), q.start())
        ]
        if "«" in text or "“" in text
        else []
    )
    outside = [q for q in quotes if not q[0] <= trigger_at < q[1]]
    for m in mentions:
        far = abs(m.start - trigger_at) > 220 and not _object_follows(
            text, listed_to, m.start, extra=_LIST_WORDS
        )
        if far or _excluded(text, m) or any(a < m.start < b for a, b in outside):
            continue
        listed_to = m.end
        out.extend(
            Party(m.start, label)
            for label in m.leaders
            if _in_office(g.by_label.get(label), published, years)
        )
    named = [label for _, label in out]
    # Bare roles first ("Le chef de l'Etat a reçu son homologue ukrainien"): a homologue
    # is resolved against whoever they turn out to be.
    unresolved = sorted(
        (m for m in mentions if not m.leaders and not _excluded(text, m)),
        key=lambda m: m.kind != "bare",
    )
    for m in unresolved:
        if m.kind == "homologue" and m.country:
            partner = next((g.by_label[x] for x in named if x in g.by_label), None)
            who = None
            if partner:
                term = partner.term_on(published)
                if term and term.country != m.country:
                    executive = g.executive.get(term.country)
                    # Journalists pair leaders by who leads abroad: Macron's "homologue
                    # allemand" is the chancellor, a prime minister's is a prime minister.
                    role = "executive" if term.office == executive else term.role
                    who = g.holder(m.country, role, published)
            if who and who.label not in named:
                out.append(Party(m.start, who.label))
                named.append(who.label)
        elif m.kind == "bare":
            role_word = re.sub(r"\s+", " ", m.country or "")
            wanted = (
                "chancellor"
                if role_word in ("chancelier", "chancellor")
                else "prime_minister"
                if role_word in ("premier ministre", "prime minister")
                else "president"
            )
            for label in reversed(history):
                p = g.by_label.get(label)
                term = p.term_on(published) if p else None
                if term and term.role == wanted and label not in named:
                    out.append(Party(m.start, label))
                    named.append(label)
                    break
    out.sort()
    return out


def _summit_countries(
    text: str, triggers: list[Trigger], people: list[Party], day: dt.date
) -> list[Party]:
    """ "organise un sommet avec l'Arménie et l'Azerbaïdjan": a summit's countries
    stand for their leaders (a summit is of leaders; talks may be of delegations)."""
    for t in triggers:
        if not _SUMMIT_WORD.fullmatch(text, t.start, t.end):
            continue
        listed = _WITH_COUNTRIES.match(text, t.end)
        if not listed:
            continue
        named = {p.label for p in people}
        for place in _COUNTRY_NAME.finditer(listed.group("list")):
            country = PROPER_NOUNS.get(place.group(0))
            leader = gazetteer().holder(country, "executive", day) if country else None
            if leader and leader.label not in named:
                people = [*people, Party(listed.start("list") + place.start(), leader.label)]
                named.add(leader.label)
    return sorted(people)


def _compatriots(pair: tuple[str, str], day: dt.date) -> bool:
    """Whether both leaders hold office in the same country that day."""
    g = gazetteer()
    countries = set()
    for label in pair:
        person = g.by_label.get(label)
        term = person.term_on(day) if person else None
        if term is None:
            return False
        countries.add(term.country)
    return len(countries) == 1


def _in_office(person: Leader | None, day: dt.date, years: list[int]) -> bool:
    """A leader takes part as a leader only while in office: "Foreign Secretary Liz
    Truss" in January 2022 is not yet a prime minister, and Medvedev has not been
    president since 2012. A year named in the sentence ("en 2015, Merkel et Poutine")
    can place the contact back in their term."""
    if person is None:
        return True
    if person.distance(day) == 0:
        return True
    return any(
        t.covers(dt.date(y, 7, 1)) or (t.start and t.start.year <= y <= (t.end or day).year)
        for y in years
        if 1900 < y < 2100
        for t in person.terms
    )


def _pairs(
    people: Sequence[tuple[int, str]], trigger_at: int, grouped: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """Subjects with objects; with only one side, each two of it, unless more than four
    are named (a crowd is no contact) or, up to ten, one group mention names them all
    ("the leaders of the five states" told just before)."""
    subjects = list(dict.fromkeys(p for pos, p in people if pos < trigger_at))
    objects = [
        p for p in dict.fromkeys(p for pos, p in people if pos >= trigger_at) if p not in subjects
    ]
    pairs: list[tuple[str, str]] = []
    if subjects and objects:
        candidates = [(s, o) for s in subjects for o in objects]
    else:
        group = subjects or objects
        if len(group) > (10 if set(group) <= grouped else 4):
            return []
        candidates = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
    for a, b in candidates:
        pair = tuple(sorted((a, b)))
        if a != b and pair not in pairs:
            pairs.append(pair)  # type: ignore[arg-type]
    return pairs


def _host(text: str, triggers: list[Trigger], day: dt.date) -> str | None:
    """The leader of the country a visit goes to: "se rendra à Moscou" -> Putin."""
    for _start, end, mode in triggers:
        if mode != "visit":
            continue
        dest = (
            _DESTINATION.match(text, end - 4)
            or _DESTINATION.match(text, end)
            or _CAPITAL_AFTER.match(text, end)
            or _DIRECT_PLACE.match(text, end)
        )
        before = None if dest else _PLACE_BEFORE.search(text, max(0, _start - 30), _start)
        if dest or before:
            if dest and _OCCUPIED.search(text, end, min(len(text), dest.end() + 30)):
                return None
            found = dest or before
            groups = found.groupdict()  # type: ignore[union-attr]
            if groups.get("owner"):
                country = PROPER_NOUNS.get(groups["owner"])
            elif groups.get("adjective"):
                country = ADJECTIVES.get(groups["adjective"].casefold())
            else:
                place = groups["place"]
                country = PROPER_NOUNS.get(place) or PROPER_NOUNS.get(place.split()[0])
            if country:
                p = gazetteer().holder(country, "executive", day)
                return p.label if p else None
    return None


def _is_planned(text: str, trigger: Trigger, region_end: int, floor: int = 0) -> bool:
    start, end, _ = trigger
    verb_match = _VERB_WORD.match(text, start)
    verb = verb_match.group(1) if verb_match else text[start:end]
    lead = text[max(0, start - 40) : start]
    if _FUTURE_ENDING.search(verb):
        return True
    after_word = _AFTER.search(lead)
    if after_word:
        # The clause "after" opens belongs to the verb of its own clause: "will fly to
        # Madrid after talks" is to come; "will speak on Saturday, the White House
        # said, after a call on Friday" is not.
        before = text[: start - len(after_word.group(0))]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause = before[breaks[-1].end() :] if breaks else before
        return bool(_has_planned(clause) or _FUTURE_WORD.search(clause))
    if _SEQUENTIAL.search(lead):
        # "a eu un entretien lundi avant de s'entretenir mardi avec Poutine": the
        # infinitive takes the tense of the main verb.
        return not _MAIN_PAST.search(text[:start])
    if _INFINITIVES.fullmatch(verb) and not _PAST_INFINITIVE.search(lead):
        if _FIRST_TO.search(lead):
            # "est le premier dirigeant à rencontrer X": the tense of the copula.
            return bool(_has_planned(text, max(floor, start - 70), start))
        if _GLAD_TO.search(lead):
            return False  # "I am glad to meet you": it is happening
        if _PURPOSE.search(lead) and not _NOT_PURPOSE.search(lead):
            # "Présent à Téhéran pour rencontrer X, Y a défendu...", "took the time to
            # visit Kyiv": a purpose takes the tense of the main verb, wherever it is.
            return not (_MAIN_PAST.search(text, floor) or _SIMPLE_PAST.search(text, floor)) or bool(
                _has_planned(text, max(floor, start - 70), start)
            )
        if _INFINITIVE_LEAD.search(lead):
            return True
    if _PLANNED.match(text, start):
        return True  # the contact word is itself expected: "est attendu mardi à Kiev"
    if (
        _PAST_VERB.fullmatch(verb)
        or (_AUXILIARY.search(lead) and _PARTICIPLE.search(verb))
        or _HAD.search(lead)
        or _REFLEXIVE_PAST.match(text, start)
        or (verb.lower().endswith("ing") and _PROGRESSIVE.search(lead))
    ):
        return False
    noun_word = _noun_word(text, start)
    noun = noun_word and (
        bool(_NOUN_LEAD.search(text, max(0, start - 30), start))
        or text[start : start + 3].lower() == "en "
    )
    if noun_word and _AHEAD.search(text, max(0, start - 60), start):
        # "ahead of his visit", "avant sa visite d'Etat": still to come, unless the
        # sentence tells a past ("Prior to the meeting, the two leaders visited...").
        return not _SIMPLE_PAST.search(text)
    if noun_word and _FOR_NOUN.search(text, max(0, start - 40), start):
        # "pour un dîner de travail avec MBS", "pour la visite de X": the contact is what
        # is prepared, to come unless a past main verb tells it happened.
        return not (_MAIN_PAST.search(text, floor) or _SIMPLE_PAST.search(text, floor))
    if (
        noun
        and _PURPOSE_AFTER.match(text, end, min(region_end, end + 80))
        and not _FINITE_BEFORE.search(text, floor, start)
    ):
        # "Macky Sall, en visite en Russie pour s'entretenir avec Poutine": the purpose
        # is to come unless a past main verb tells it happened.
        return not (_MAIN_PAST.search(text, floor) or _SIMPLE_PAST.search(text, floor))
    # Cues before the previous contact word belong to it, not to this one.
    before = text[max(floor, start - 70) : end]
    if _has_planned(before) or _NOT_EXCLUDED.search(before):
        return True
    # "Putin told Macron during a meeting on Monday that he would not...": a past
    # main verb dates the contact before any "would" that follows it.
    # ... and so does a pluperfect ("avait accepté ... au terme d'un appel"); a passé
    # composé does not, it is how French reports what is announced for later.
    if _NARRATIVE_PAST.search(text[:start]) or _PLUPERFECT.search(text[floor:start]):
        return False
    after = text[end : min(region_end, end + 50)]
    if noun:
        # What follows a noun is its own clause's verb ("Biden's visit may help..."): only
        # words about the contact taking place say it is to come ("la visite, prévue...",
        # "une rencontre entre X et Y à Berlin est évoquée").
        return bool(_TO_TAKE_PLACE.search(text, end, min(region_end, end + 90)))
    return bool(_has_planned(after) or _NOT_EXCLUDED.search(after))


def _headline_future(text: str, mentions: list[Mention]) -> int:
    """Where a headline's future ends ("Xi Jinping to test...", "Spanish leader to
    discuss..."): its subject names a leader (not "According to the..."), else -1."""
    m = _HEADLINE_FUTURE.match(text)
    if m is None or not any(x.start < m.start("to") for x in mentions):
        return -1
    return m.end()


def _has_planned(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether a planning cue is in text[start:end]; "May" by a day number is the month."""
    for m in _PLANNED.finditer(text, start, len(text) if end is None else end):
        if m.group(0).lower() == "may" and _MONTH_MAY.search(
            text, max(0, m.start() - 4), m.end() + 4
        ):
            continue
        return True
    return False


def _noun_word(text: str, start: int) -> bool:
    """Whether the contact word at start can be a noun ("visite", "talks", "meeting");
    it is one after a determiner ("sa visite", "l'appel") or "ahead of"."""
    word = _GAP_WORD.match(text, start)
    if word and word.group(0).lower() == "en":  # "en visite", "en déplacement"
        word = _GAP_WORD.match(text, word.end() + 1)
    return bool(word and word.group(0).lower() in _CONTACT_NOUNS)


def _contact_date(
    text: str,
    trigger: Trigger,
    published: dt.date,
    status: str | None,
    *,
    window: tuple[int, int],
    anchor: dt.date | None = None,
) -> dt.date | None:
    start, end, _ = trigger
    usable: list[DateMention] = [
        d
        for d in find_dates(text)
        if window[0] <= d.start < window[1]
        # "on the day of the inauguration on May 7": another event's day
        and not _OTHER_EVENT.search(text, max(0, d.start - 30), d.start)
        and not (
            _REPORTED_DATE.search(text[max(0, d.start - 60) : d.start])
            and not _TO_PARTNER.match(text, d.end)
            # "told Macron on Friday": the telling is the contact
            and not (start < d.start and _TOLD_AT.match(text, start))
        )
    ]
    if not usable:
        return None
    nearest = min(usable, key=lambda d: min(abs(d.start - end), abs(start - d.end)))
    return resolve(
        nearest, published, planned=None if status is None else status == "planned", anchor=anchor
    )
