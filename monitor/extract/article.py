"""One article in, its Facts out: the only place that wires the extractors together.

The article is read sentence by sentence, in order, carrying two pieces of context
forward: the last actor named (a figure in a sentence that names none, such as a
quoted "va jusqu'à 8.500 hommes", belongs to whoever the article was talking about)
and the leaders named so far (for "le président" alone and "les deux dirigeants").
The title's leaders and first country seed that context before the body is read (the
body refers back to what the headline names); the title itself is read last, as it
would be without the seed.

Facts are deduplicated within the article: the same figure for the same actor is one
fact however many sentences repeat it, and the first sentence is its evidence; a
contact without a date merges into the same pair's dated contact of the same status,
and a held contact still without one takes the publication day (date_exact False).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from itertools import pairwise

from monitor.extract.actors import ActorMention, find_actors
from monitor.extract.contacts import (
    ANAPHOR_STEMS,
    TRIGGER_STEMS,
    RawContact,
    find_contacts,
    has_anaphor,
    has_trigger,
)
from monitor.extract.facts import Contact, Facts, TroopFigure
from monitor.extract.gazetteer import gazetteer
from monitor.extract.leaders import (
    COUNT_WORDS,
    COUNTRY_GROUP_STEMS,
    ROLE_STEMS,
    Collective,
    Mention,
    find_collectives,
    find_country_groups,
    find_mentions,
    find_names,
)
from monitor.extract.lexicon import language
from monitor.extract.numbers import find_quantities
from monitor.extract.phrases import tokenize
from monitor.extract.sentences import spans
from monitor.extract.speaker import (
    address_speaker,
    collective_role,
    has_address,
    opening_subject,
    paired,
)
from monitor.extract.troops import TROOP_STEMS, RawTroop, find_troops, has_troop_noun

#: A sentence without any of these word stems, places or names has nothing to extract.
_ANY_STEMS = ROLE_STEMS | TRIGGER_STEMS | TROOP_STEMS | ANAPHOR_STEMS

#: Longer "sentences" are lists or run-on text; reading them costs much, yields little.
MAX_SENTENCE = 1500

#: Characters read per article: a news article is a few KB; anything far larger is
#: not an article and must not stall the pipeline.
MAX_CHARS = 200_000


def _straighten(text: str) -> str:
    """Curly apostrophes to straight ones, length kept (str.replace is far faster than
    str.translate with a dict)."""
    return text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")


def extract(
    text: str,
    published: dt.date,
    *,
    title: str = "",
    speaker: str | None = None,
    default_speaker: str | None = None,
) -> Facts:
    """Troop figures and leader contacts of one article.

    Pure and deterministic: the same text and date give the same Facts. `published`
    resolves role phrases ("le chancelier allemand") and relative dates ("vendredi"),
    and dates a held contact reported without a day (Contact.date_exact False).
    `speaker`: the leader (canonical label) whose office publishes the text, the
    implicit party of "I spoke with X" and of "Telephone conversation with X"
    (speaker.py); when None, taken from the title if it names one ("Address by..."),
    else `default_speaker` (the office whose own site published it: offices.py), else
    the opening sentence.
    """
    if not isinstance(text, str) or not isinstance(published, dt.date):
        return Facts()
    if isinstance(published, dt.datetime):
        published = published.date()  # a timestamp would leak times into contact dates
    text = text[:MAX_CHARS]
    title = title[:2000] if isinstance(title, str) else ""
    lang = language(title + "\n" + text)
    state = _State()
    state.speaker = speaker if isinstance(speaker, str) and speaker.strip() else None
    if state.speaker is None and title and has_address(title):
        state.speaker = _title_speaker(title, published, lang)
    if state.speaker is None and isinstance(default_speaker, str) and default_speaker.strip():
        state.speaker = default_speaker
    seed = _seed_from_title(title, published, lang, state) if title.strip() else None
    _read(text, published, lang, state, from_title=False)
    if seed is not None:
        _unseed(state, seed)
        _read(title, published, lang, state, from_title=True)
    return Facts(
        troops=tuple(state.troops),
        contacts=_anchor_undated(state.contacts, published, state.title_calls),
    )


#: What joins two leaders a title names as a pair: "Macron et Scholz", "Biden and Xi",
#: "Xi-Putin", "entre Macron et Poutine".
TITLE_PAIR_JOINERS = ("et", "and", "&", "-", "–", "—", "/")
#: Words that make a title's second leader the topic of what the first says, not a
#: party with him: "Biden says Putin ...", "Macron accuse Poutine de ...".
TITLE_REPORTING_WORDS = (
    "says", "said", "say", "warns", "warned", "claims", "accuses", "accused", "blames",
    "urges", "tells", "dit", "affirme", "estime", "accuse", "avertit", "juge", "appelle",
    "dénonce", "exhorte", "assure", "selon",
)  # fmt: skip
_TITLE_PAIR_GAP = re.compile(
    r"\s*(?:" + "|".join(re.escape(w) for w in TITLE_PAIR_JOINERS) + r")\s*", re.IGNORECASE
)
_TITLE_REPORTING = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in TITLE_REPORTING_WORDS) + r")\b", re.IGNORECASE
)


def _seed_from_title(
    title: str, published: dt.date, lang: str, state: _State
) -> tuple[int, str | None, str | None]:
    """Seed the reading state with the leaders the title names, so that the body can
    refer to them ("les deux chefs d'Etat", "il", "le chef de l'Etat"), and the title's
    first country, for a troop figure whose actor only the title names. Returns what
    _unseed needs to read the title itself as before: how many history entries were
    seeded, and the seeded subject and actor."""
    norm = _straighten(title)
    tokens = tokenize(norm)
    actors = find_actors(norm, tokens)
    names = find_names(norm, tokens, published)
    words = tokens.stems()
    mentions = (
        find_mentions(norm, published, lang, actors, names=names, stems=words)
        if names or not words.isdisjoint(ROLE_STEMS)
        else names
    )
    named = [m for m in mentions if len(m.leaders) == 1]
    labels = list(dict.fromkeys(m.leaders[0] for m in named))
    # The title's subject last: "le président" alone in the body is the most recent
    # leader of that role, and a title's first leader is the one it is about.
    state.history.extend(reversed(labels))
    state.last_subject = labels[0] if labels else None
    if len(labels) == 2:
        a, b = named[0], next(m for m in named if m.leaders[0] == labels[1])
        gap = norm[a.end : b.start]
        if _TITLE_PAIR_GAP.fullmatch(gap) or (
            has_trigger(words) and _TITLE_REPORTING.search(gap) is None
        ):
            state.last_pair = (labels[0], labels[1])
    state.last_actor = next((x.country for x in actors if not x.target), None)
    if state.last_actor is None and labels and not actors:
        term = gazetteer().by_label[labels[0]].term_on(published)
        state.last_actor = term.country if term else None
    return len(labels), state.last_subject, state.last_actor


def _unseed(state: _State, seed: tuple[int, str | None, str | None]) -> None:
    """Undo the title's seed where the body did not replace it, so that the title's
    own contacts and figures are read from what the body left, as without a seed."""
    seeded, subject, actor = seed
    body_named = len(state.history) > seeded
    del state.history[:seeded]
    if not body_named and state.last_subject == subject:
        state.last_subject = None
    if not state.paired:
        state.last_pair = None
    if state.last_actor == actor and not state.body_actor:
        state.last_actor = None


def _title_speaker(title: str, published: dt.date, lang: str) -> str | None:
    """The author a title names for its address or speech ("Address by President of
    Ukraine Volodymyr Zelenskyy"), if any."""
    norm = _straighten(title)
    tokens = tokenize(norm)
    actors = find_actors(norm, tokens)
    mentions = find_mentions(norm, published, lang, actors)
    return address_speaker(norm, mentions)


def _counterpart(state: _State, mentions: list[Mention], published: dt.date) -> str | None:
    """The other party of a subject-less headline ("Telephone conversation with
    President of Egypt X") whose body names both together ("The presidents discussed
    ...") but not by name: who held that role, that day, in the country the body pairs
    with the headline's party's country ("Russian-Egyptian relations")."""
    if state.collective is None or not state.pairs:
        return None
    g = gazetteer()
    if len({label for m in mentions for label in m.leaders}) != 1:
        return None  # "Biden and Xi at the G20": the headline names both, or none
    own = set()
    for m in mentions:
        for label in m.leaders:
            term = g.by_label[label].term_on(published) if label in g.by_label else None
            if term:
                own.add(term.country)
    if not own:
        return None
    counts = Counter(b if a in own else a for a, b in state.pairs if (a in own) != (b in own))
    if not counts:
        return None
    country, _ = counts.most_common(1)[0]
    holder = g.holder(country, state.collective, published)
    if holder is None:
        return None
    for label in state.history:
        term = g.by_label[label].term_on(published) if label in g.by_label else None
        if term and term.country == country and label != holder.label:
            return None  # the body names another leader of that country: its pair is his
    party = next(iter({label for m in mentions for label in m.leaders}))
    if any({holder.label, party} == set(c.leaders) for c in state.contacts):
        # "informed Mr Putin of his talks with Aliyev in Brussels": the body's pair is
        # that aside, not the headline's call.
        return None
    return holder.label


def _body_partner(state: _State, mentions: list[Mention], published: dt.date) -> str | None:
    """The other party of a subject-less headline that its body pairs with the
    headline's party that day ("Vladimir Putin informed Mahmoud Abbas about ..."); a
    contact of another day ("spoke with Merkel on Wednesday") is an aside."""
    labels = {label for m in mentions for label in m.leaders}
    if len(labels) != 1:
        return None
    party = next(iter(labels))
    for c in state.contacts:
        if party in c.leaders and c.status == "held" and c.date in (None, published):
            return c.leaders[0] if c.leaders[1] == party else c.leaders[1]
    return None


def _anchor_undated(
    contacts: list[Contact], published: dt.date, title_calls: Collection[int] = ()
) -> tuple[Contact, ...]:
    """A held contact reported without a day happened on the report's day (a release
    or an article tells a call of that day, or of the night before): it gets that day,
    marked inexact. An undated mention of a pair and status the article dates
    elsewhere is that dated contact, not another one; but a headline's call
    ("Telephone conversation with X", `title_calls`: their places in `contacts`) is
    that day's, not the meeting of last week the body recalls."""
    dated = {(c.leaders, c.status) for c in contacts if c.date is not None}
    out: list[Contact] = []
    for i, c in enumerate(contacts):
        if c.date is None and (c.leaders, c.status) in dated and i not in title_calls:
            continue
        if c.date is None and c.status == "held":
            c = replace(c, date=published, date_exact=False)
        out.append(c)
    return tuple(out)


class _State:
    """What reading an article accumulates (local to one call: extract stays pure)."""

    def __init__(self) -> None:
        self.troops: list[TroopFigure] = []
        self.contacts: list[Contact] = []
        self.last_actor: str | None = None
        self.history: list[str] = []
        self.last_pair: tuple[str, str] | None = None
        self.last_subject: str | None = None
        self.last_date: dt.date | None = None
        # Whether the body found a contact (set last_pair) or named an actor (set
        # last_actor): a title's seed (_seed_from_title) is undone where it did not.
        self.paired = False
        self.body_actor = False
        # The implicit party (speaker.py): given or named by the title; else the leader
        # the text's opening sentence starts on, for a subject-less title.
        self.speaker: str | None = None
        self.opening: str | None = None
        self.read_any = False
        # What the body says of a headline's parties when it names neither: "The
        # presidents discussed ..." (the role) and the countries it names.
        self.collective: str | None = None
        self.pairs: list[tuple[str, str]] = []
        # Groups named so far, last last: (leaders, their countries) for a list of
        # leaders ("Duda, Levits and Karis", "the Presidents of Poland and Latvia"),
        # (None, countries) for a list of countries; "the four leaders" names one again.
        # Each with the number of the sentence that named it: "the leaders" without a
        # count means a group named one or two sentences before, no older one.
        self.groups: list[tuple[tuple[str, ...] | None, tuple[str, ...], int, bool]] = []
        # Sentences read so far (the title's count on), and the last sentence with a
        # contact word, for a verbless one that continues it ("And also with X.").
        self.sentence_no = 0
        self.last_lead: tuple[int, str] | None = None
        # A roll-call of calls the speaker announced ("a telephone marathon: 11 leaders
        # today"): its paragraph, while it lasts.
        self.roll_call: int | None = None
        # Where the title's undated calls stand in `contacts` (_anchor_undated).
        self.title_calls: set[int] = set()
        self.title_named = 0  # how many leaders the title names
        # The country a roll-call named last ("Greece.") and whom that call was given
        # to (its executive), until the next sentences say which leader it was.
        self.roll_country: tuple[str, str] | None = None


def _read(source: str, published: dt.date, lang: str, state: _State, *, from_title: bool) -> None:
    # Words, places and names are found once over the whole text (one pass per table
    # instead of one per sentence), then handed to each sentence in its own offsets.
    norm = _straighten(source)
    tokens = tokenize(norm)
    actors = find_actors(norm, tokens)
    names = find_names(norm, tokens, published)
    token_starts = tokens.starts
    actor_starts = [a.start for a in actors]
    name_starts = [n.start for n in names]
    if not from_title:
        state.collective = collective_role(norm)
        state.pairs = [
            (a.country, b.country)
            for a, b in pairwise(actors)
            if a.country != b.country and paired(norm[a.end : b.start])
        ]
    for lo, hi, paragraph in spans(norm):
        state.sentence_no += 1
        a_lo, a_hi = bisect_left(actor_starts, lo), bisect_left(actor_starts, hi)
        n_lo, n_hi = bisect_left(name_starts, lo), bisect_left(name_starts, hi)
        words = tokens.stems(bisect_left(token_starts, lo), bisect_left(token_starts, hi))
        if a_lo == a_hi and n_lo == n_hi and words.isdisjoint(_ANY_STEMS):
            continue  # no place, no name, no troop, contact or role word: nothing to read
        if hi - lo > MAX_SENTENCE:
            continue  # not a sentence (a list, a table, run-on text): no evidence to cite
        _read_sentence(
            norm[lo:hi],
            source[lo:hi],
            words,
            [_shift_actor(a, lo) for a in actors[a_lo:a_hi]],
            [_shift_mention(n, lo) for n in names[n_lo:n_hi]],
            published,
            lang,
            state,
            from_title=from_title,
            paragraph=paragraph,
        )


def _shift_actor(a: ActorMention, offset: int) -> ActorMention:
    return ActorMention(
        start=a.start - offset,
        end=a.end - offset,
        country=a.country,
        target=a.target,
        adjective=a.adjective,
    )


def _shift_mention(m: Mention, offset: int) -> Mention:
    return Mention(
        start=m.start - offset,
        end=m.end - offset,
        kind=m.kind,
        leaders=m.leaders,
        country=m.country,
    )


def _read_sentence(
    norm: str,
    evidence: str,
    words: frozenset[str],
    actors: list[ActorMention],
    names: list[Mention],
    published: dt.date,
    lang: str,
    state: _State,
    *,
    from_title: bool,
    paragraph: int = 0,
) -> None:
    mentions = (
        find_mentions(norm, published, lang, actors, names=names, stems=words)
        if names or not words.isdisjoint(ROLE_STEMS)
        else names
    )
    g = gazetteer()
    if state.groups and not words.isdisjoint(ROLE_STEMS):
        mentions = _named_again(norm, mentions, state, published)

    if has_troop_noun(norm, words):
        leader_countries = []
        for m in mentions:
            for label in m.leaders:
                term = g.by_label[label].term_on(published) if label in g.by_label else None
                if term:
                    leader_countries.append((m.start, term.country))
        quantities = find_quantities(norm, lang)
        if quantities:
            for raw in find_troops(norm, quantities, actors, leader_countries):
                _add_troop(state, raw, evidence, from_title)

    if not from_title and not state.read_any:
        state.read_any = True
        state.opening = opening_subject(norm, mentions)
    found: list[RawContact] = []
    trigger = has_trigger(words)
    if not from_title and not trigger and mentions and state.last_lead:
        found = _continued(norm, evidence, mentions, published, state)
    if from_title:
        state.title_named = len({label for m in mentions for label in m.leaders})
    if trigger and (mentions or (state.last_pair and has_anaphor(norm, words))):
        if state.speaker:
            speakers: list[str] = [state.speaker]
        elif from_title:
            # A subject-less headline: the leader the text opens on, else the other party
            # of the country pair its body names ("Russian-Egyptian ties" beside "the
            # presidents"), else those it names (a body's aside may name anyone).
            partner = None if state.opening else _body_partner(state, mentions, published)
            other = None if state.opening or partner else _counterpart(state, mentions, published)
            if state.opening:
                speakers = [state.opening]
            elif partner:
                speakers = [partner]
            elif other:
                speakers = [other]
            else:
                speakers = list(dict.fromkeys(state.history))[:3]
        else:
            speakers = []
        for raw_contact in find_contacts(
            norm,
            mentions,
            published,
            history=state.history,
            last_pair=state.last_pair,
            last_subject=state.last_subject,
            anchor=state.last_date,
            speakers=speakers,
            first_person_speaks=state.speaker is not None,
        ):
            _add_contact(state, raw_contact, evidence, from_title)
            state.last_pair = raw_contact.leaders
            state.paired = True
            state.last_date = raw_contact.date or state.last_date
            found.append(raw_contact)
    if not from_title:
        if trigger:
            state.last_lead = (state.sentence_no, norm)
        _follow_up(norm, evidence, mentions, actors, found, state, paragraph, published)

    # The sentence's first actor that is not a destination is most often its subject:
    # "La France est prête à envoyer des soldats ... de l'Otan" is about France.
    subject = next((a.country for a in actors if not a.target), None)
    if subject:
        state.last_actor = subject
        state.body_actor = True
    if (
        len(found) > 1
        or len(mentions) > 1
        or len(actors) > 1
        or not words.isdisjoint(COUNTRY_GROUP_STEMS)
    ):  # (else the sentence names no list: the common case, kept cheap)
        _remember_groups(
            norm,
            mentions,
            actors,
            state,
            published,
            words,
            _gathered(found, state, published),
            bool(found),
        )
    first_named = next((m.leaders[0] for m in mentions if m.leaders), None)
    if first_named:
        state.last_subject = first_named
    for m in mentions:
        for label in m.leaders:
            state.history.append(label)
            term = g.by_label[label].term_on(published) if label in g.by_label else None
            if term and not actors:
                state.last_actor = term.country
                state.body_actor = True


#: What may stand between two leaders of a list besides its commas and "and": their
#: titles ("Duda, President of Latvia Egils Levits and Mr. Karis").
_LIST_TITLE_TEXT = (
    "of the de du la le l' d' mr mrs ms m mme dr sir president président presidente "
    "présidente prime premier première minister ministre chancellor chancelier chancelière "
    "king queen roi reine emir émir prince crown"
)
LIST_TITLE_WORDS = tuple(_LIST_TITLE_TEXT.split())
#: What joins the items of a list: "Duda, Levits and Karis", "la France et l'Italie".
LIST_JOINERS = (",", "and", "et", "&")
#: Most items a list can have, and how many recent groups "the four leaders" may mean.
MAX_GROUP = 10
MAX_GROUPS_KEPT = 4
_LIST_WORD = re.compile(r"[\w'.-]+|[,&]")
_LIST_TITLES = frozenset(LIST_TITLE_WORDS)
_LIST_JOINERS = frozenset(LIST_JOINERS)
_COUNTRY_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:and|et)\s+)?|\s(?:and|et)\s+)(?:the\s+|l'|la\s+|le\s+)?",
    re.IGNORECASE,
)


def _listed(gap: str) -> bool:
    """Whether the text between two leaders makes them items of one list."""
    if len(gap) > 60:
        return False
    words = _LIST_WORD.findall(gap)
    return any(w.casefold() in _LIST_JOINERS for w in words) and all(
        w.casefold() in _LIST_JOINERS or w.rstrip(".").casefold() in _LIST_TITLES or w[:1].isupper()
        for w in words
    )


def _remember_groups(
    norm: str,
    mentions: list[Mention],
    actors: list[ActorMention],
    state: _State,
    published: dt.date,
    words: frozenset[str],
    gathered: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
    told: bool = False,
) -> None:
    """Keep the lists of leaders and of countries a sentence names (state.groups): its
    lists, the well-known groups it names ("the Baltic states"), and who a contact
    gathered ("X met with A, B and C": the four of them). Each is kept with the
    sentence's number and whether the group is told as parties (the sentence tells a
    contact, or is the list alone: "Estonia, Latvia, Lithuania.")."""
    found: list[tuple[tuple[str, ...] | None, tuple[str, ...]]] = [gathered] if gathered else []
    if not words.isdisjoint(COUNTRY_GROUP_STEMS):
        found.extend((None, countries) for _, _, countries in find_country_groups(norm))
    if len(mentions) < 2 and len(actors) < 2:
        if found:
            told = told or _list_alone(norm)
            state.groups = (state.groups + [(*f, state.sentence_no, told) for f in found])[
                -MAX_GROUPS_KEPT:
            ]
        return  # no list here
    told = told or _list_alone(norm)
    g = gazetteer()
    run: list[Mention] = []
    for m in [*(x for x in mentions if len(x.leaders) == 1), None]:
        if (
            m is not None
            and run
            and (m.start < run[-1].end or _listed(norm[run[-1].end : m.start]))
        ):
            run.append(m)
            continue
        labels = tuple(dict.fromkeys(x.leaders[0] for x in run))
        if 2 <= len(labels) <= MAX_GROUP:
            terms = [g.by_label[x].term_on(published) if x in g.by_label else None for x in labels]
            if all(terms):
                found.append((labels, tuple(t.country for t in terms if t)))
        run = [m] if m is not None else []
    countries: list[str] = []
    for a, b in pairwise([*actors, None]):
        if a is None:
            break
        countries = countries or [a.country]
        if b is not None and _COUNTRY_GAP.fullmatch(norm[a.end : b.start]):
            countries.append(b.country)
            continue
        unique = tuple(dict.fromkeys(countries))
        if 2 <= len(unique) <= MAX_GROUP and not any(c == unique for _, c in found):
            found.append((None, unique))
        countries = []
    if found:
        state.groups = (state.groups + [(*f, state.sentence_no, told) for f in found])[
            -MAX_GROUPS_KEPT:
        ]


def _named_again(
    norm: str, mentions: list[Mention], state: _State, published: dt.date
) -> list[Mention]:
    """The sentence's mentions, with one "group" mention per leader of each group it
    names again ("the four leaders" after "Macron, Scholz, Draghi and Iohannis")."""
    added: list[Mention] = []
    *_, sentence_no, told = state.groups[-1]
    recent = told and sentence_no >= state.sentence_no - RECENT_GROUP
    for c in find_collectives(norm, uncounted=recent):
        if any(c.start < m.end and m.start < c.end for m in mentions):
            continue  # already a mention: "the Presidents of Poland and Latvia"
        added.extend(
            Mention(start=c.start, end=c.end, kind="group", leaders=(label,))
            for label in _group_for(c, state, published)
        )
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _group_for(c: Collective, state: _State, published: dt.date) -> tuple[str, ...]:
    """Who a group named again means: the last group named of that size and role; with
    no size said, the group named in the last sentences, if the role fits each."""
    g = gazetteer()
    for leaders, countries, sentence_no, told in reversed(state.groups):
        fresh = told and sentence_no >= state.sentence_no - RECENT_GROUP
        if c.count is None and not fresh and (leaders is None or c.role == "executive"):
            return ()  # "X, Y and Z pledged weapons. Biden met the leaders": not as parties
        if c.count is None and leaders is None and c.role == "executive":
            return ()  # "between Palestine and Israel. The leaders ...": the parties
        if c.by_country or leaders is None:
            if c.count != len(countries) and not (c.count is None and not c.by_country):
                continue
            if leaders is not None and c.role == "executive" and len(leaders) == len(countries):
                return leaders  # "the leaders of the five states": the five just named

            holders = [
                g.holder(country, c.role, published)
                or (g.holder(country, "executive", published) if c.count is not None else None)
                for country in countries
            ]
            if all(holders):
                return tuple(dict.fromkeys(h.label for h in holders if h))
            continue
        if c.count is not None and c.count != len(leaders):
            continue
        if c.role == "executive" or all(
            (h := g.holder(country, c.role, published)) is not None and h.label == label
            for label, country in zip(leaders, countries, strict=True)
        ):
            return leaders
    return ()


#: A sentence that is a list of names alone: "Estonia, Latvia, Lithuania."
_LIST_ALONE = re.compile(r"(?:[A-ZÀ-Ý][\w'.-]*|and|et|&|[\s,;:.\-–])+")


def _list_alone(norm: str) -> bool:
    return len(norm) <= MAX_LIST_ALONE and _LIST_ALONE.fullmatch(norm) is not None


#: Longest sentence read as a list alone ("Poland, Lithuania, Latvia, Estonia.").
MAX_LIST_ALONE = 150
#: Sentences back that "the leaders", without a count, may reach for its group.
RECENT_GROUP = 2
#: What opens a verbless sentence that continues the last contact with one more
#: party: "And also with Chancellor X.", "Et avec le président Y."
ELLIPSIS_OPENERS = ("with", "and with", "and also with", "also with", "as well as with",
                    "avec", "et avec", "et aussi avec", "ainsi qu'avec", "mais aussi avec")  # fmt: skip
_ELLIPSIS = re.compile(
    r"\W*(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ELLIPSIS_OPENERS, key=len)[::-1])
    + r")\s+",
    re.IGNORECASE,
)
_WITH = re.compile(r"\b(?:with|avec)\s+", re.IGNORECASE)


def _continued(
    norm: str, evidence: str, mentions: list[Mention], published: dt.date, state: _State
) -> list[RawContact]:
    """ "I discussed it today with X. And also with Y.": the verbless sentence is the
    last one's contact with its object replaced, read as "I discussed it today with Y"
    (subject, contact word, day and tense all the last sentence's)."""
    assert state.last_lead is not None
    number, previous = state.last_lead
    opener = _ELLIPSIS.match(norm)
    if number != state.sentence_no - 1 or opener is None:
        return []
    ends = [m.end() for m in _WITH.finditer(previous)]
    if not ends:
        return []
    lead = previous[: ends[-1]]
    state.last_lead = (state.sentence_no, lead)  # "And with Z." may follow (lead ends on "with")
    shift = len(lead) - opener.end()
    moved = [
        replace(m, start=m.start + shift, end=m.end + shift)
        for m in mentions
        if m.start >= opener.end()
    ]
    found = find_contacts(
        lead + norm[opener.end() :],
        moved,
        published,
        history=state.history,
        last_pair=None,
        last_subject=state.last_subject,
        anchor=state.last_date,
        speakers=[state.speaker] if state.speaker else [],
        first_person_speaks=state.speaker is not None,
    )
    for raw in found:
        _add_contact(state, raw, evidence, False)
        state.last_pair = raw.leaders
        state.paired = True
    return found


#: Phrases by which a speaker announces several calls without naming the partners
#: ("I continued the telephone marathon"), opening a roll-call: "Greece. ...
#: Estonia. Thanked Prime Minister X ...".
ROLL_CALL_CUES = (
    "telephone marathon", "phone marathon", "marathon of phone conversations",
    "marathon of telephone conversations", "marathon of phone calls",
    "marathon of telephone calls", "marathon of calls", "marathon of conversations",
    "series of phone calls", "series of telephone calls", "series of calls",
    "series of phone conversations", "series of telephone conversations",
    "marathon téléphonique", "marathon diplomatique téléphonique", "série d'appels",
    "série d'entretiens téléphoniques", "série de conversations téléphoniques",
)  # fmt: skip
#: "11 leaders today", "five calls today": a tally of the day's calls.
ROLL_CALL_TALLIES = ("leaders", "calls", "conversations", "dirigeants", "appels", "entretiens")
ROLL_CALL_DAYS = ("today", "aujourd'hui")
#: What may stand before a country alone in a roll-call ("Next - Denmark.").
ROLL_CALL_LEADS = ("next", "and", "then", "also", "ensuite", "puis", "et", "enfin", "finally")
_ROLL_CALL = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ROLL_CALL_CUES, key=len)[::-1])
    + r"|(?:\d{1,2}|"
    + "|".join(w for w, _ in COUNT_WORDS)
    + r")\s+(?:"
    + "|".join(ROLL_CALL_TALLIES)
    + r")\s+(?:"
    + "|".join(ROLL_CALL_DAYS)
    + r"))\b",
    re.IGNORECASE,
)
#: Roles a roll-call's next sentences call the leader by ("Mr. Prime Minister and I").
ROLL_CALL_ROLES = {
    "prime minister": "prime_minister",
    "president": "president",
    "chancellor": "chancellor",
    "premier ministre": "prime_minister",
    "première ministre": "prime_minister",
    "président": "president",
    "présidente": "president",
    "chancelier": "chancellor",
    "chancelière": "chancellor",
}
_ROLL_CALL_ROLE = re.compile(
    r"\b(?:" + "|".join(sorted(ROLL_CALL_ROLES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_ROLL_CALL_LEAD = re.compile(r"(?:\W|\b(?:" + "|".join(ROLL_CALL_LEADS) + r")\b)*", re.IGNORECASE)


def _follow_up(
    norm: str,
    evidence: str,
    mentions: list[Mention],
    actors: list[ActorMention],
    found: list[RawContact],
    state: _State,
    paragraph: int,
    published: dt.date,
) -> None:
    """What a sentence adds to the contacts told just before it: a verbless "And also
    with X." continues the last sentence's contact; in a roll-call of calls, a country
    alone ("Greece.") or one leader named is one more call of the speaker's."""
    if state.speaker is None:
        return
    if state.roll_call is not None and state.roll_call != paragraph:
        state.roll_call = state.roll_country = None
    if state.roll_call is None:
        if not found and _ROLL_CALL.search(norm):
            state.roll_call = paragraph
        return
    g = gazetteer()
    if (
        len(actors) == 1
        and _ROLL_CALL_LEAD.fullmatch(norm[: actors[0].start])
        and _ROLL_CALL_LEAD.fullmatch(norm[actors[0].end :])
    ):
        holder = g.holder(actors[0].country, "executive", published)
        if holder and holder.label != state.speaker:
            _add_raw(state, state.speaker, holder.label, "phone", None, "held", evidence)
            state.roll_country = (actors[0].country, holder.label)
        return
    named = {x for m in mentions for x in m.leaders if len(m.leaders) == 1}
    named.discard(state.speaker)
    if state.roll_country is not None:
        # "Greece. ... Mr. Prime Minister and I": the leader the call was with.
        country, given = state.roll_country
        role = _ROLL_CALL_ROLE.search(norm)
        meant = next((x for x in named if _country_of(x, published) == country), None)
        if meant is None and role:
            holder = g.holder(country, ROLL_CALL_ROLES[role.group(0).casefold()], published)
            meant = holder.label if holder else None
        if meant is not None and meant != given and meant != state.speaker:
            pair = tuple(sorted((state.speaker, given)))
            state.contacts = [
                c for c in state.contacts if not (c.leaders == pair and c.mode == "phone")
            ]
            _add_raw(state, state.speaker, meant, "phone", None, "held", evidence)
            state.roll_country = (country, meant)
            return
    if not found and len(named) == 1:
        _add_raw(state, state.speaker, named.pop(), "phone", None, "held", evidence)


def _country_of(label: str, day: dt.date) -> str | None:
    g = gazetteer()
    term = g.by_label[label].term_on(day) if label in g.by_label else None
    return term.country if term else None


def _add_raw(
    state: _State,
    a: str,
    b: str,
    mode: str | None,
    date: dt.date | None,
    status: str,
    evidence: str,
) -> None:
    pair = (a, b) if a < b else (b, a)
    raw = RawContact(leaders=pair, mode=mode, date=date, status=status)
    _add_contact(state, raw, evidence, False)
    state.last_pair = pair
    state.paired = True


def _gathered(
    found: list[RawContact], state: _State, published: dt.date
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The leaders a sentence's contacts gather around one of them ("X met with A, B
    and C": X, A, B, C), as one group the text may name again ("the four leaders")."""
    if len(found) < 2:
        return None
    common = set(found[0].leaders).intersection(*(c.leaders for c in found[1:]))
    if len(common) != 1:
        return None
    hub = next(iter(common))
    labels = (hub, *dict.fromkeys(x for c in found for x in c.leaders if x != hub))
    if len(labels) > MAX_GROUP:
        return None
    g = gazetteer()
    terms = [g.by_label[x].term_on(published) if x in g.by_label else None for x in labels]
    if not all(terms):
        return None
    return labels, tuple(t.country for t in terms if t)


def _add_troop(state: _State, raw: RawTroop, evidence: str, from_title: bool) -> None:
    # A figure whose sentence names no actor ("Nous pourrions déployer jusqu'à 500
    # militaires", a-t-elle précisé) continues the article's last troop figure, else
    # the last actor named.
    actor = raw.actor or (state.troops[-1].actor if state.troops else None) or state.last_actor
    for i, t in enumerate(state.troops):
        if (t.count, t.count_max) != (raw.count, raw.count_max):
            continue
        if t.actor == actor or actor is None:
            return
        if t.actor is None:
            state.troops[i] = TroopFigure(
                actor=actor,
                count=t.count,
                count_max=t.count_max,
                qualifier=t.qualifier,
                status=t.status,
                location=t.location or raw.location,
                evidence=t.evidence,
            )
            return
    if raw.count is None and any(t.count is None and t.actor == actor for t in state.troops):
        return
    state.troops.append(
        TroopFigure(
            actor=actor,
            count=raw.count,
            count_max=raw.count_max,
            qualifier=raw.qualifier,
            status=raw.status,
            location=raw.location,
            evidence=evidence,
        )
    )


def _title_call(state: _State, raw: RawContact, from_title: bool) -> bool:
    """Whether a contact is a headline's undated call with one party named, the other
    the implicit one ("Telephone conversation with X"): that day's call."""
    return from_title and raw.date is None and raw.mode == "phone" and state.title_named == 1


def _add_contact(state: _State, raw: RawContact, evidence: str, from_title: bool) -> None:
    new = Contact(
        leaders=raw.leaders, mode=raw.mode, date=raw.date, status=raw.status, evidence=evidence
    )
    same = [
        (i, c)
        for i, c in enumerate(state.contacts)
        if c.leaders == raw.leaders and c.status == raw.status
    ]
    for i, c in same:
        if c.date == raw.date:
            if c.mode is None and raw.mode is not None:
                state.contacts[i] = Contact(
                    leaders=c.leaders,
                    mode=raw.mode,
                    date=c.date,
                    status=c.status,
                    evidence=c.evidence,
                )
            return
        if raw.date is None and not (_title_call(state, raw, from_title) and c.mode != "phone"):
            return  # an undated mention of a contact already dated in this article
        if c.date is None and not from_title:
            # The dated mention replaces the undated one, mode kept if only one has it.
            state.contacts[i] = Contact(
                leaders=c.leaders,
                mode=raw.mode or c.mode,
                date=raw.date,
                status=c.status,
                evidence=evidence,
            )
            return
    if _title_call(state, raw, from_title):
        state.title_calls.add(len(state.contacts))
    state.contacts.append(new)
