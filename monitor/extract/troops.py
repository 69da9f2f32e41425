"""Troop figures: a number attached to a troop noun, with its actor, status and place.

A figure is kept only when its quantity sits right before a troop noun ("8 500
militaires", "3,000 additional U.S. troops", "des dizaines de milliers d'hommes"), so
hours, money, hardware and refugees never qualify. Among troop figures, casualties,
prisoners, trainees, the size of an army at large ("l'armée compte 900 000 hommes")
and a country's exercises and parades are dropped: the product alerts on movements, not
on tallies. A contingent's change ("doit passer de 1 100 à 1 400") gives two figures.

Status comes from the nearest movement word (alert, deployed, massed, withdrawn); a
modal or planning word just before a deployment verb ("pourrait décider d'envoyer",
"could send", "envisage") makes it `considered`; a deployment to a border is `massed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract import vocab
from monitor.extract.actors import ActorMention
from monitor.extract.numbers import Quantity

_I = re.IGNORECASE


def _words(*keys: str) -> str:
    """Vocabulary keys' phrases, every language, as one alternation (vocab.alternation)."""
    return vocab.alternation(w for key in keys for w in vocab.words(key))


def _first(*keys: str) -> str:
    """The first-letter lookahead of keys' phrases: Python's re has no fast scan for a
    case-insensitive alternation and enters every branch at every word boundary; this
    superset of the first letters (derived, vocab.first_letters) skips most positions."""
    return "(?=[" + vocab.first_letters(w for key in keys for w in vocab.words(key)) + "])"


_NOUN_KEYS = ("TROOP_NOUNS", "TROOP_NOUNS_NEEDING_CONTEXT", "CALLED_UP_NOUNS")
_TROOP_NOUN = re.compile(
    r"\b(?<![\w-])" + _first(*_NOUN_KEYS) + "(?P<noun>" + _words(*_NOUN_KEYS) + r")(?![\w-])",
    _I,
)
#: Stems one of which a sentence with a troop noun (not a called-up one) contains.
TROOP_STEMS = vocab.phrase_stems(
    vocab.words("TROOP_NOUNS") + vocab.words("TROOP_NOUNS_NEEDING_CONTEXT")
)
_NEEDS_CONTEXT = frozenset(vocab.words("TROOP_NOUNS_NEEDING_CONTEXT"))
# Searched anywhere (no boundary): "déploiement", "redeployed" count.
_MILITARY_CONTEXT = re.compile(
    vocab.prefiltered(vocab.words("MILITARY_CONTEXT"), boundary=False), _I
)
# What may sit between a number and its troop noun: "de", "of the", adjectives and
# demonyms ("3,000 additional U.S. troops", "2 000 highly trained soldiers"): filler
# words, "X-based" and any capitalised word (case-sensitive). Each word must end at a
# space, so the pattern cannot split words and never backtracks far.
_FILLER = re.compile(
    r"(?:\s*" + _words("FILLER_LEADS") + r"\s*)?"
    r"(?:\s*(?:" + _words("FILLER_WORDS") + r"|[\w-]+-based|[A-Z][\w.'-]*)(?=\s|$))*\s*"
)
_UNIT_AFTER = re.compile(r"\s*" + _words("UNITS") + r"\b", _I)
_POST_GAP = re.compile(r",?\s+(?:[\w-]+,?\s+){0,2}?" + _words("FIGURE_AFTER_LEADS") + r"\s*", _I)
# What makes a figure a tally rather than a movement: after the troop noun, casualties
# ("auraient péri"), prisoners, trainees...; before the quantity, "la mort de", "the
# release of"; a capacity ("capable d'accueillir 4 000 soldats", "can house 2,000 troops").
_CASUALTY_AFTER = re.compile(r"^[^.;:]{0,50}?\b" + _words("CASUALTY_AFTER"), _I)
_CASUALTY_BEFORE = re.compile(
    vocab.prefiltered(vocab.words("CASUALTY_BEFORE"), boundary=False)
    + r"\s+(?:de\s+|d'|des\s+|of\s+)?(?:\w+\s+){0,2}$",
    _I,
)
# An elided lead ("capable d'accueillir") needs no space before its verb.
_CAPACITY = re.compile(
    vocab.prefiltered(vocab.words("CAPACITY_LEADS"), boundary=False)
    + r"(?:(?<=')\s*|\s+)"
    + _words("CAPACITY_VERBS")
    + r"\s+(?:\w+\s+){0,2}$",
    _I,
)
# An exercise named before the figure, with no movement word between them (searched in
# the few words before the figure only: "Ahead of the drills, Russia sent 30,000 troops"
# is a movement, see _exercise()).
_EXERCISE_BEFORE = re.compile(r"\b" + _words("EXERCISE_NOUNS"), _I)
# ...or, after the noun, a parade ("4 000 militaires ont défilé"), the troops' part in an
# exercise ("5,000 troops taking part in the drills", "with 2,000 troops participating")
# or a readiness test ("to test readiness").
_EXERCISE_AFTER = re.compile(
    r"^\s*(?:[\w'-]+\s+){0,3}?(?:"
    + _words("PARADE_AFTER", "READINESS_TEST")
    + r"|"
    + _words("PARTICIPATION")
    + r"(?:\s*(?:[.,;]|$)|\s+"
    + _words("PARTICIPATION_IN")
    + r"\s+(?:[\w'-]+\s+){0,3}?"
    + _words("EXERCISE_NOUNS")
    + r"))",
    _I,
)
# A call-up right before the figure makes "hommes"/"men" soldiers: "la mobilisation de
# 300 000 hommes", "mobilised 300,000 men" (not "men who fled after the mobilisation").
_CALL_UP_BEFORE = re.compile(
    _words("CALL_UP")
    + r"\s+(?:"
    + _words("CALL_UP_ADJECTIVES")
    + r"\s+){0,2}(?:de\s+|d'|of\s+)?(?:\w+\s+){0,1}$",
    _I,
)
_CALLED_UP_NOUNS = frozenset(vocab.words("CALLED_UP_NOUNS"))
_CALL_UP_STEMS = vocab.phrase_stems(vocab.words("CALL_UP"))
_CALLED_UP_STEMS = vocab.phrase_stems(vocab.words("CALLED_UP_NOUNS"))
# A change of a contingent: "le nombre de soldats doit passer de 1 000 à 1 300", "will
# rise from 900 to 1,200 troops": two figures, the present one and the planned one.
# "doit passer de" / "will rise from" right before a range quantity (which starts on
# its "de" / "from").
_CHANGE_BEFORE = re.compile(r"\b" + _words("CHANGE_VERBS") + r"\s+$", _I)
# The change already happened: "est passé de", "has risen from", "rose from".
_CHANGE_DONE = re.compile(r"\b" + _words("CHANGE_DONE") + r"\s+(?:\w+\s+){0,2}$", _I)
# The words between a troop noun and a change verb: "soldats allemands au sein de la
# Minusma doit passer ", "troops in Kosovo will rise ".
_CHANGE_GAP = re.compile(r"[^.;:,]{0,50}?\b" + _words("CHANGE_VERBS") + r"\s+", _I)
# A party named after the figure is its actor when it opens the next clause or is the
# source of the report: "...; NATO-led mission", ", assure l'armée taïwanaise", ",
# said the Pentagon".
_LATER_PARTY_LEAD = re.compile(
    r"(?:[;:]\s*|\b"
    + _words("TROOP_REPORTING")
    + r"\s+)(?:l'|la\s+|le\s+|les\s+|the\s+)?(?:"
    + _words("ARMY_WORDS")
    + r"\s+)?$",
    _I,
)
# A French locative pronoun places a standing force: "la Russie y dispose d'une force
# de 1 500 hommes" (not the existential "il y a"); so does "there" right after the noun
# ("keeps 1,500 troops there").
_LOCATIVE_BEFORE = re.compile(r"(?<!\bil\s)\b" + _words("LOCATIVE_BEFORE") + r"\s+\w+[^,;]*$", _I)
_LOCATIVE_AFTER = re.compile(r"^\s+(?:\w+\s+)?" + _words("LOCATIVE_AFTER"), _I)
# What separates two figures' clauses: a comma, a dash, a subordinating conjunction.
_CLAUSE_BREAK = re.compile(r"[,;(–—]|\b" + _words("CLAUSE_CONJUNCTIONS"), _I)
# Below this count a figure names individuals ("les deux militaires"), not a force.
_MIN_COUNT = 3


def _passive_guard() -> str:
    """Lookbehinds refusing a passive auxiliary right before ("was surrounded")."""
    return "".join(
        r"(?<!\b" + re.escape(aux) + r"\s)" for aux in vocab.words("PASSIVE_AUXILIARIES")
    )


def _status_pattern(key: str) -> re.Pattern[str]:
    """A status's words, prefiltered; massed words also in their active reading only."""
    if key != "STATUS_MASSED":
        return re.compile(vocab.prefiltered(vocab.words(key)), _I)
    return re.compile(
        r"\b"
        + _first(key, "STATUS_MASSED_ACTIVE")
        + "(?:"
        + _words(key)
        + "|"
        + _passive_guard()
        + _words("STATUS_MASSED_ACTIVE")
        + ")",
        _I,
    )


_STATUS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (status, _status_pattern("STATUS_" + status.upper()))
    for status in ("alert", "withdrawn", "massed", "deployed")
)
_MODAL = re.compile(
    vocab.prefiltered(vocab.words("MODAL"), boundary=False) + r"\b[^.;,]{0,40}$", _I
)
_CONSIDERED_ALONE = re.compile(
    vocab.prefiltered(vocab.words("CONSIDERED_ALONE"), boundary=False), _I
)


# A border: a whole phrase ("à la frontière"), or a lead, a determiner, up to two names
# and a border noun ("along the Russian border"); then maybe whose ("avec la Russie").
_BORDER = re.compile(
    _first("BORDER", "BORDER_LEADS")
    + "(?:"
    + _words("BORDER")
    + "|"
    + _words("BORDER_LEADS")
    + r"\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w-]*(?:'s)?\s+|\w+ern\s+){0,2}"
    + _words("BORDER_NOUNS")
    + ")"
    r"(?:\s+(?:de\s+l'|de\s+la\s+|du\s+|des\s+|d'|de\s+|avec\s+(?:l'|la\s+|le\s+)?|with\s+|"
    r"of\s+)?(?:[A-ZÉ][\w'-]*|" + _words("BORDER_ADJECTIVES") + "))?",
    _I,
)
# A place after a preposition: capitalised words, or a PLACE_PHRASES one (case-sensitive;
# the prepositions are grammar here: the accent-free reading of "à" would take "a").
_PLACE = re.compile(
    r"(?:\b(?:en|au|aux|à|vers|in|to|into|in\s+and\s+around|around|autour\s+de|near|"
    r"près\s+de)\s+|\bprès\s+d'|"
    r"\bdans\s+(?:les?\s+|la\s+|l')?|"
    r"\bsur\s+le\s+sol\s+|\bon\s+(?:the\s+)?(?:\w+\s+)?soil\s+of\s+)(?:the\s+)?"
    r"(?P<place>[A-ZÉ][\w'-]*(?:(?:\s+(?:de\s+l'|de\s+la\s+|du\s+|de\s+|d'|of\s+the\s+)?"
    r"[A-ZÉ][\w'-]*)|\s+(?:de\s+l'|du\s+)(?:est|ouest|nord|sud)\b)*|"
    + _words("PLACE_PHRASES")
    + ")",
)
_OPENING_PLACE = re.compile(r"(?:En|Au|Aux|Dans|In|At|Near)\s+[^,]{2,60},")
_NOT_PLACES = frozenset(vocab.words("NOT_PLACES"))
_ACCORDING = re.compile(_words("ACCORDING") + r"\s+$")
_ADDITIONAL = re.compile(r"\s+(?:" + _words("ADDITIONAL") + r"\s+)?")
_BY_AGENT = re.compile(r"\b" + _words("BY_AGENT") + r"\s+(?:la\s+|le\s+|l'|les\s+|the\s+)?$")


# "the 100,000 troops Russia has massed", "les soldats supplémentaires que la Russie".
_RELATIVE_ACTOR = re.compile(
    r"\s+(?:"
    + _words("ADDITIONAL")
    + r"\s+)?(?:"
    + _words("RELATIVE_PRONOUNS")
    + r"(?:(?<=')|\s+))?(?:la\s+|le\s+|l'|les\s+)?"
)
_ESTIMATE_VERB = re.compile(r"\s+" + _words("ESTIMATE_VERBS"), _I)
_GENITIVE_TAIL = re.compile(
    r"\s+(?:de\s+la|du|des|de\s+l'|of\s+the)\s+(?:[\w'-]+\s+){0,3}(?=\w)", re.IGNORECASE
)
_COMPLEMENT_BEFORE = re.compile(r"(?:\bde\s+l'|\bde\s+la\s+|\bdu\s+|\bdes\s+|\bof\s+(?:the\s+)?)$")
_GENITIVE = re.compile(
    r"\s+(?:de\s+l'|de\s+la\s+|du\s+|des\s+|of\s+the\s+|of\s+)"
    r"(?P<army>" + _words("GENITIVE_ARMIES") + r"\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class RawTroop:
    """A troop figure before dedup; actor None when the sentence does not name one."""

    actor: str | None
    count: int | None
    count_max: int | None
    qualifier: str
    status: str
    location: str | None


def has_troop_noun(text: str, words: frozenset[str]) -> bool:
    """Whether text has a troop noun; words: its stems (phrases.Tokens.stems)."""
    if words.isdisjoint(TROOP_STEMS) and (
        words.isdisjoint(_CALLED_UP_STEMS) or words.isdisjoint(_CALL_UP_STEMS)
    ):
        return False
    return _TROOP_NOUN.search(text) is not None


def find_troops(
    text: str,
    quantities: list[Quantity],
    actors: list[ActorMention],
    leader_countries: list[tuple[int, str]],
) -> list[RawTroop]:
    """Troop figures of one sentence.

    text: the sentence, apostrophes straightened. actors: its actor mentions.
    leader_countries: (position, country) of each leader named in it.
    """
    out: list[RawTroop] = []
    for n in _TROOP_NOUN.finditer(text):
        noun = n.group("noun").lower()
        # "personnes" / "people" are soldiers only right after a call-up; "hommes" /
        # "men" also in a sentence about the military.
        called_up = noun in _CALLED_UP_NOUNS
        military = (called_up or noun in _NEEDS_CONTEXT) and _MILITARY_CONTEXT.search(
            text[: n.start()] + text[n.end() :]
        )
        if called_up and not military:
            continue  # "Emmaüs a mobilisé une centaine de personnes"
        needs_call_up = called_up or (noun in _NEEDS_CONTEXT and not military)
        q = _quantity(text, n, quantities)
        if q is None or (q.count is not None and q.count < _MIN_COUNT):
            continue
        if q.count is not None and q.count > 5_000_000:
            continue  # a population or a budget, not a troop figure
        # The words around a figure describe it up to the previous number, and up to the
        # next one past a clause break: in "4,000 troops to the border, while 12
        # soldiers were injured" the wounded are the 12; in "17 soldats et 4 civils
        # tués" both were killed.
        prev_end = max((x.end for x in quantities if x.end <= q.start), default=0)
        next_start = min(
            (x.start for x in quantities if x.start >= max(n.end(), q.end)), default=len(text)
        )
        if not _CLAUSE_BREAK.search(text, n.end(), next_start):
            next_start = len(text)
        before = text[max(0, q.start - 60, prev_end) : q.start]
        if needs_call_up and not _CALL_UP_BEFORE.search(before):
            continue
        after = text[n.end() : min(n.end() + 80, next_start)]
        if (
            _CASUALTY_AFTER.search(after)
            or _CASUALTY_BEFORE.search(before)
            or _CAPACITY.search(before)
        ):
            continue
        location = _location(text, n.end(), q.start)
        # An exercise or a parade counts only with its sender and place named, as troops
        # sent abroad for it ("In Belarus, 30,000 Russian soldiers are taking part in
        # drills"); not a multinational drill or a parade with neither.
        if _exercise(text[max(0, q.start - 60) : q.start], after) and (
            location is None
            or _actor(text, q.start, q.end, n.end(), actors, [], genitive_is_actor=True) is None
        ):
            continue
        if _is_change(text, q) and q.count_max is not None:
            # "doit passer de 1 100 à 1 400": the contingent now, and the one planned.
            done = _CHANGE_DONE.search(text, max(0, q.start - 40), q.start)
            actor = _actor(
                text, q.start, q.end, n.end(), actors, leader_countries, genitive_is_actor=True
            )
            for count, planned in (
                (q.count, "deployed"),
                (q.count_max, "deployed" if done else "considered"),
            ):
                out.append(
                    RawTroop(
                        actor=actor,
                        count=count,
                        count_max=None,
                        qualifier="exact",
                        status=planned,
                        location=location,
                    )
                )
            continue
        status = _status(text, q.start, n.end())
        if status is None:
            if location and _BORDER.search(location):
                status = "massed"
            elif (
                location is not None
                or _LOCATIVE_BEFORE.search(before)
                or _LOCATIVE_AFTER.match(after)
            ):
                # "La Russie y dispose d'une force de 1 500 hommes": a force placed.
                status = "deployed"
            else:
                continue  # "l'armée compte 900 000 hommes": a size, not a movement
        elif status == "deployed" and location and _BORDER.search(location):
            status = "massed"
        out.append(
            RawTroop(
                actor=_actor(
                    text,
                    q.start,
                    q.end,
                    n.end(),
                    actors,
                    leader_countries,
                    genitive_is_actor=status != "withdrawn",
                ),
                count=q.count,
                count_max=q.count_max,
                qualifier=q.qualifier,
                status=status,
                location=location,
            )
        )
    return out


def _quantity(text: str, n: re.Match[str], quantities: list[Quantity]) -> Quantity | None:
    """The quantity of the troop noun n: right before it, else right after it."""
    # Only the nearest quantity before the noun, and only a short gap: the filler
    # pattern is tried on a few words, never on a long stretch of text.
    q = next((q for q in reversed(quantities) if q.end <= n.start()), None)
    if (
        q is not None
        and n.start() - q.end <= 40
        and _FILLER.fullmatch(text[q.end : n.start()] or " ")
    ):
        return q
    # The figure after the noun: "troops numbering 5,000", "des troupes estimées à 100 000
    # hommes", "le nombre de soldats doit passer de 1 100 à 1 400".
    after_q = next((x for x in quantities if x.start >= n.end()), None)
    if after_q is None or after_q.start - n.end() > 60 or _UNIT_AFTER.match(text, after_q.end):
        return None
    gap = text[n.end() : after_q.start]
    # The qualifier may have taken the linking words ("estimated at").
    if _POST_GAP.fullmatch(gap) or (re.fullmatch(r",?\s*", gap) and after_q.qualifier != "exact"):
        return after_q
    if _is_change(text, after_q) and _CHANGE_GAP.fullmatch(gap):
        return after_q
    return None


def _is_change(text: str, q: Quantity) -> bool:
    """Whether q is a contingent's change, "passer de 1 100 à 1 400" (a range opening on
    "de" / "from" right after a change verb), not a range of estimates."""
    return (
        q.qualifier == "range"
        and text.startswith(("de ", "from ", "De ", "From "), q.start)
        and _CHANGE_BEFORE.search(text, max(0, q.start - 30), q.start) is not None
    )


def _exercise(before: str, after: str) -> bool:
    """Whether the figure is an exercise's or a parade's: "ces manœuvres, qui mobilisent
    7 000 soldats", "4 000 militaires ont défilé", "troops taking part in the drills"."""
    if _EXERCISE_AFTER.match(after):
        return True
    ends = [m.end() for m in _EXERCISE_BEFORE.finditer(before)]
    if not ends:
        return False
    # "Ahead of the drills, Russia sent 30,000 troops": a movement between them.
    between = before[ends[-1] :]
    return not any(
        pattern.search(between) for status, pattern in _STATUS_PATTERNS if status != "alert"
    )


def _status(text: str, start: int, end: int) -> str | None:
    best: tuple[int, str, int] | None = None
    for status, pattern in _STATUS_PATTERNS:
        for m in pattern.finditer(text):
            if start <= m.start() < end:
                continue  # a word inside the figure itself ("soldats stationnés" is after)
            distance = start - m.end() if m.end() <= start else m.start() - end
            # Words after the noun must be close ("se sont rassemblés", "en état d'alerte");
            # a verb before it governs it ("envoyer 3 000 soldats").
            if m.start() >= end:
                distance = distance * 2 + 5
            if best is None or distance < best[0]:
                best = (max(distance, 0), status, m.start())
    if best is None:
        return "considered" if _CONSIDERED_ALONE.search(text) else None
    _, status, position = best
    if status == "deployed" and _MODAL.search(text[max(0, position - 60) : position]):
        return "considered"
    return status


def _location(text: str, after: int, before: int) -> str | None:
    """The place phrase after the troop noun, else one opening the sentence ("In
    Belarus, around 30,000 Russian soldiers...")."""
    clause = re.split(r"[;:]|\s[–—]\s", text[after:])[0]
    found = _place_in(clause)
    if found is None:
        opening = _OPENING_PLACE.match(text[:before])
        if opening:
            phrase = opening.group(0)
            found = _place_in(phrase[0].lower() + phrase[1:])
    return found


def _place_in(clause: str) -> str | None:
    border = _BORDER.search(clause)
    place = _PLACE.search(clause)
    for m in sorted((x for x in (border, place) if x), key=lambda x: x.start()):
        if m is border:
            return m.group(0).strip()
        if _ACCORDING.search(clause[max(0, m.start() - 12) : m.start()]):
            continue
        value = m.group("place").strip()
        if value.split()[0] not in _NOT_PLACES:
            return value
    return None


def _actor(
    text: str,
    q_start: int,
    q_end: int,
    n_end: int,
    actors: list[ActorMention],
    leader_countries: list[tuple[int, str]],
    *,
    genitive_is_actor: bool,
) -> str | None:
    # 1. An adjective right on the noun: "3 000 soldats américains", "8,500 U.S. troops".
    on_noun = [a for a in actors if q_end <= a.start < n_end + 1]
    follows = _ADDITIONAL.match(text[n_end:])
    after_start = n_end + (follows.end() if follows else 0)
    on_noun += [a for a in actors if a.start == after_start and a.adjective]
    # "troupes de l'OTAN", "soldiers of the Russian army"; but "retirer ses soldats du
    # Mali" names where they leave from.
    genitive = _GENITIVE.match(text, n_end)
    if genitive and genitive_is_actor:
        on_noun += [
            a
            for a in actors
            if a.start == genitive.end() and (not a.adjective or genitive.group("army"))
        ]
    if on_noun:
        return on_noun[0].country
    # 2. A relative clause naming the actor: "the 100,000 troops Russia has massed",
    # "les 100 000 soldats que la Russie a massés".
    relative = _RELATIVE_ACTOR.match(text, n_end)
    if relative:
        after = [a for a in actors if a.start == relative.end() and not a.adjective]
        # "...militaires que Washington estimait massés": Washington counts, not sends.
        if after and not _ESTIMATE_VERB.match(text, after[0].end):
            return after[0].country
    # "1 700 parachutistes de la 82e division aéroportée américaine"
    tail = _GENITIVE_TAIL.match(text, n_end)
    if tail:
        owner = [a for a in actors if a.adjective and tail.start() <= a.start < tail.end() + 1]
        if owner:
            return owner[0].country
    # 3. The nearest actor or leader before the figure that is not a destination.
    before = [a for a in actors if a.end <= q_start and not a.target]
    # A complement ("aux missions de l'Otan") yields to the subject ("L'Italie").
    heads = [
        a for a in before if not _COMPLEMENT_BEFORE.search(text[max(0, a.start - 8) : a.start])
    ]
    candidates = [(a.end, a.country) for a in (heads or before)]
    candidates += [(pos, country) for pos, country in leader_countries if pos <= q_start]
    if candidates:
        return max(candidates)[1]
    # 4. An agent after it: "... par la Russie", "by Russia".
    for a in actors:
        if a.start >= n_end and _BY_AGENT.search(text[max(0, a.start - 12) : a.start]):
            return a.country
    # 5. A party named after the figure as the next clause's subject or as the source:
    # "700 troops being sent; NATO-led mission ...", "... ont été mobilisés, assure
    # l'armée taïwanaise".
    for a in actors:
        if a.start >= n_end and not a.target and _LATER_PARTY_LEAD.search(text, n_end, a.start):
            return a.country
    return None
