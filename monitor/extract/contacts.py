"""Leader contacts: two leaders, how they met (phone, visit, meeting), when, held or planned.

A sentence yields contacts when it has a contact word ("s'est entretenu", "entretien
téléphonique", "se rendra à Moscou", "met", "phone call") and at least two leaders
taking part. Leaders named only as someone's envoy, spokesman or government ("le
représentant spécial d'Emmanuel Macron", "Putin's spokesman") do not take part, and a
sentence whose contact word is negated ("n'a pas l'intention de rencontrer", "refused
to meet") gives nothing. Leaders before the contact word are its subjects, those after
its objects: "Macron et Scholz envisagent de se rendre à Moscou pour rencontrer Poutine"
gives Macron-Putin and Scholz-Putin, not Macron-Scholz.

Held or planned: future and conditional forms, infinitives ("convenu de se rencontrer")
and planning words ("prévu", "doit", "envisage", "will", "plans to") make it planned;
otherwise it is held. The date is the date expression nearest the contact word,
skipping those that date a statement ("a annoncé ce 24 janvier", "said on Monday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from monitor.extract.dates import DateMention, find_dates, resolve
from monitor.extract.leaders import Mention, gazetteer
from monitor.extract.lexicon import PROPER_NOUNS
from monitor.extract.phrases import Tokens, stems

_I = re.IGNORECASE
# (pattern, mode, needs_object): needs_object means a leader must follow closely
# ("a reçu Olaf Scholz", "called Putin"), since "a reçu le soutien de" is no meeting.
_TRIGGERS: tuple[tuple[re.Pattern[str], str | None, bool], ...] = tuple(
    # The leading \b keeps the engine from trying every branch at every character.
    (re.compile(r"\b(?:" + p + ")", _I), mode, needs_object)
    for p, mode, needs_object in (
        (r"(?:entretien|échange|conversation|appel|coup\s+de\s+fil|contact)s?\s+"
         r"(?:téléphoniques?|par\s+téléphone|au\s+téléphone|(?:par|en)\s+visioconférence|"
         r"vidéo)|téléphon\w+|visioconférence|coup\s+de\s+fil|"
         r"(?:entretenu\w*|parlé|échangé|discuté|entretiendr\w+|entretenir|parler|échanger|"
         r"entretient|entretiennent)\s+(?:\w+\s+){0,2}?(?:par|au)\s+téléphone|"
         r"appels?\s+(?:avec|entre)|(?:un|l'|cet|son|leur|d'|cette\s+heure\s+d')\s*appel\b"
         r"(?!\s+(?:à|au|aux|de\s+(?:la|l')\s+(?:communauté|onu)))", "phone", False),
        (r"(?:phone|telephone)\s+(?:call|conversation|talks?)|calls?\s+(?:with|between)|"
         r"(?:a|the|their|his|her|an?\s+hour-long|[\w-]+-minute)\s+(?:\w+\s+)?call\b"
         r"(?!\s+(?:for|on)\b)|(?:tele)?phoned|by\s+(?:tele)?phone|on\s+the\s+phone|"
         r"video\s*(?:call|conference|link)|videoconference", "phone", False),
        (r"\b(?:a|ont|avait|avaient)\s+appelé|appellera|appelleront|\bcalled|\bwill\s+call",
         "phone", True),
        (r"se\s+rend(?:re|ra|ront|rait|raient|ent)?\s+(?:\w+\s+){0,2}?(?:à|en|au)\s|"
         r"s'(?:est|était)\s+rendue?\s+(?:\w+\s+){0,2}?(?:à|en|au)\s|"
         r"se\s+sont\s+rendus\s+(?:\w+\s+){0,2}?(?:à|en|au)\s|"
         r"(?:visite|voyage|déplacement)s?\s+(?:officielle?\s+|d'(?:é|e)tat\s+)?(?:à|en|au)\s|"
         r"en\s+visite|visiter|visit(?:s|ed|ing)?\b|travel(?:s|ed|led|ing)?\s+to|"
         r"trip\s+to|fl(?:y|ew|ies|ying)\s+to", "visit", False),
        (r"rencontr\w+|sommet|tête-à-tête|réunion|dîner|entrevue|"
         r"\bmeet(?:s|ing)?\b|\bmet\b|summit|sit\s+down\s+with|face-to-face", "meeting", False),
        (r"\b(?:reçu\w*|recevra\w*|reçoi\w+|recevoir|accueill\w+|hosted|hosts|host|received|"
         r"receives?|welcomed)\b", "meeting", True),
        (r"s'entret\w+|se\s+sont\s+entretenus|s'étaient\s+entretenus|entretiens?\b|"
         r"conversations?\b|échang\w+\s+(?:\w+\s+)?avec|discussions?\s+(?:avec|entre)|"
         r"pourparlers|parl\w+\s+avec|parlé\s+à|s'est\s+parlé|se\s+sont\s+parlé|"
         r"s'étaient\s+parlé|spoke\s+(?:with|to)|speak(?:s|ing)?\s+(?:with|to)|"
         r"spoken\s+(?:with|to)|talk(?:s|ed|ing)?\s+(?:with|to|between)|"
         r"(?:held|hold|holding)\s+talks|conversation", None, False),
    )
)
#: Cheap first pass: every trigger has a word starting with one of these.
_TRIGGER_STEMS = stems(
    "entretien échange conversation appel téléphone visioconférence fil contact rend rendre "
    "rendu rendent voyage déplacement rencontre sommet tête réunion dîner meet meets meeting "
    "met summit reçu recevoir reçoit accueil host hosts hosted receive welcome discussion "
    "pourparlers parler parlait spoke speak talk talks talked call called calls phone phoned "
    "travel trip fly flew flies flying sit face visite visiter visit".split()
)
_NEGATION = re.compile(
    r"\b(?:n'|ne\s+)(?:\w+\s+|\w+'){0,3}?(?:pas|plus|jamais|point)\b|\bsans\b|\brefus\w*|"
    r"\brejet\w*|\bexclu\w*|\bnot\b|n't\b|\bnever\b|\bno\s+plans?\b|\bdeclin\w+|"
    r"\brul(?:ed|es|ing)\s+out|\baucun\w*|\bno\s+(?:meeting|call|talks)\b|\bannul\w+|"
    r"\bcancel\w*|\breport\w*\s+sine\s+die",
    _I,
)
_NOT_EXCLUDED = re.compile(
    r"n'exclu\w*\s+pas|ne\s+pas\s+exclure|n'a\s+pas\s+exclu|n'ont\s+pas\s+exclu|"
    r"(?:did|does|do)\s+not\s+rule\s+out|(?:didn't|doesn't|don't)\s+rule\s+out|"
    r"not\s+ruled\s+out", _I)
_PLANNED = re.compile(
    r"\b(?:va|vont|allait|allaient|doit|doivent|devait|devaient|devrait|devraient|devra|"
    r"devront|prévue?s?|prévoi\w*|envisag\w*|projet\w*|compte|comptent|souhait\w*|veut|"
    r"veulent|voudrait|espère\w*|propos\w*|invit\w*|convenu|décid\w*\s+de|accept\w*\s+de|"
    r"prochaine?s?|prochainement|bientôt|à\s+venir|d'ici|aura\s+lieu|auront\s+lieu|"
    r"se\s+tiendr\w+|possibilité|possible|pourrai\w*|pourra|pourront|tenue|"
    r"will|shall|plans?\s+to|planning\s+to|planned|expected|due\s+to|set\s+to|scheduled|"
    r"slated|upcoming|next|would|could|may|might|hopes?\s+to|wants?\s+to|agreed\s+to|"
    r"proposed|invited|soon|later\s+this|is\s+to|are\s+to|to\s+be\s+held)\b",
    _I,
)
_VERB_WORD = re.compile(r"(?:se\s+|s')?([\w-]+)", _I)
_FUTURE_ENDING = re.compile(r"(?:dr|er|ll|vr|endr|iendr|cevr)(?:a|ont|ait|aient)$", _I)
_INFINITIVES = re.compile(
    r"rencontrer|rendre|recevoir|visiter|entretenir|parler|échanger|appeler|téléphoner|"
    r"accueillir|meet|visit|travel|host|receive|speak|talk|call|fly|hold", _I)
_PAST_VERB = re.compile(
    r"met|spoke|talked|held|visited|hosted|received|called|phoned|telephoned|travell?ed|"
    r"flew|welcomed|spoken", _I)
_AUXILIARY = re.compile(
    r"\b(?:a|ont|avait|avaient|eut|s'est|se\s+sont|s'était|s'étaient|ayant|has|have|had)"
    r"\s+(?:\w+\s+){0,2}?$", _I)
_REFLEXIVE_PAST = re.compile(r"(?:se\s+sont|s'est|s'était|s'étaient)\s", _I)
_HAD = re.compile(r"\b(?:a|ont|avait|avaient|ayant)\s+eu\s+(?:un|une|des|leur|son)\s+"
                  r"(?:\w+\s+)?$|\b(?:had|held)\s+(?:a|an|their|his|her)\s+(?:\w+\s+)?$", _I)
_PAST_INFINITIVE = re.compile(r"(?:avoir|s'être|être|after|having)\s+(?:\w+\s+)?$", _I)
_INFINITIVE_LEAD = re.compile(
    r"(?:\bde\s+|\bd'|\bà\s+|\bpour\s+|\bto\s+|\bva\s+|\bvont\s+|\bdoit\s+|\bdoivent\s+|"
    r"\bdevrait\s+|\bdevraient\s+|\bpourrait\s+|\bpourraient\s+|\bwill\s+|\bwould\s+|"
    r"\bcould\s+|\bmay\s+|\bmight\s+)(?:se\s+|s')?(?:\w+\s+){0,1}$",
    _I,
)
_EXCLUDED_BEFORE = re.compile(
    r"(?:représentante?|envoyée?|émissaire|conseill(?:er|ère)|porte-parole|ministre|"
    r"ambassadeur|ambassadrice|entourage|proches?|gouvernement|administration|régime|"
    r"cabinet|camp|parti|bureau|services|fils|fille|épouse|femme|mari|frère|"
    r"envoy|adviser|advisor|spokes(?:man|woman|person)|aide|minister|ambassador|"
    r"government|administration|regime|office|party|son|daughter|wife|husband|brother)"
    r"\s+(?:\w+\s+){0,2}?(?:de\s+|d'|du\s+|of\s+|to\s+|for\s+)$"
    r"|(?:selon|d'après|according\s+to|au\s+nom\s+de|on\s+behalf\s+of)\s+(?:\w+\s+){0,2}?$",
    _I,
)
_EXCLUDED_AFTER = re.compile(
    r"^'s\s+(?:\w+\s+)?(?:envoy|adviser|advisor|spokes\w+|aide|minister|government|"
    r"administration|office|party|regime|son|daughter|wife|husband|top|chief|foreign)", _I)
_ANAPHOR = re.compile(
    r"\b(?:les\s+deux\s+(?:dirigeants|chefs\s+d'(?:é|e)tat|présidents|hommes|leaders)|"
    r"the\s+two\s+(?:leaders|presidents|men)|both\s+leaders)\b", _I)
_REPORTED_DATE = re.compile(
    r"(?:annoncé|déclaré|indiqué|précisé|affirmé|assuré|expliqué|rapporté|confirmé|dit|"
    r"ajouté|souligné|estimé|fait\s+savoir|said|announced|told|confirmed|stated|added|"
    r"reported|according\s+to\s+\w+)\s+(?:ce\s+|le\s+|on\s+|this\s+)?$",
    _I,
)
_DESTINATION = re.compile(r"\s*(?:\w+\s+){0,2}?(?:à|en|au|aux|to|in)\s+(?:l'|la\s+|le\s+)?"
                          r"(?P<place>[A-ZÉ][\w'-]*(?:\s+[A-ZÉ][\w'-]*)?)")
_CLAUSE_BREAK = re.compile(r"[,;:«»()]|\s[–—-]\s|\bmais\b|\bbut\b|\bwhile\b|\balors\s+que\b")


@dataclass(frozen=True, kw_only=True)
class RawContact:
    leaders: tuple[str, str]
    mode: str | None
    date: dt.date | None
    status: str


def has_trigger(tokens: Tokens) -> bool:
    """Whether the sentence may have a contact word (a stem test; find_contacts checks)."""
    return tokens.has_stem(_TRIGGER_STEMS)


def has_anaphor(text: str) -> bool:
    """ "les deux dirigeants", "the two leaders": a contact of the pair named before."""
    return _ANAPHOR.search(text) is not None


def find_contacts(text: str, mentions: list[Mention], published: dt.date, *,
                  history: list[str], last_pair: tuple[str, str] | None) -> list[RawContact]:
    """Contacts of one sentence (apostrophes straightened).

    mentions: its leader mentions (leaders.find_mentions). history: leaders named
    earlier in the article, oldest first, for "le président" alone. last_pair: the
    previous contact's pair, for "les deux dirigeants".
    """
    triggers = []
    for pattern, mode, needs_object in _TRIGGERS:
        for m in pattern.finditer(text):
            if needs_object and not any(0 <= x.start - m.end() <= 30 for x in mentions):
                continue
            triggers.append((m.start(), m.end(), mode))
    if not triggers:
        return []
    triggers.sort()
    first = triggers[0]
    if _negated(text, first[0]):
        return []
    modes = {mode for *_, mode in triggers}
    mode = next((m for m in ("phone", "visit", "meeting") if m in modes), None)

    people = _participants(text, mentions, published, history, first[0])
    anaphor = _ANAPHOR.search(text)
    if anaphor and last_pair and len({p for _, p in people}) < 2:
        people += [(anaphor.start(), last_pair[0]), (anaphor.start(), last_pair[1])]
    pairs = _pairs(people, first[0])
    if not pairs and mode == "visit" and len({p for _, p in people}) == 1:
        host = _host(text, triggers, published)
        subject = people[0][1]
        if host and host != subject and people[0][0] < first[0]:
            pairs = [tuple(sorted((subject, host)))]
    if not pairs:
        return []

    status = "planned" if _is_planned(text, first) else "held"
    date = _contact_date(text, first, published, status)
    if date and date > published:
        status = "planned"
    if status == "held" and date and date > published:
        date = None
    if status == "planned" and date and date < published:
        date = None
    return [RawContact(leaders=(a, b), mode=mode, date=date, status=status) for a, b in pairs]


def _negated(text: str, start: int) -> bool:
    window = text[max(0, start - 80):start + 4]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    if _NOT_EXCLUDED.search(window):
        return False
    return bool(_NEGATION.search(window))


def _excluded(text: str, m: Mention) -> bool:
    return bool(_EXCLUDED_BEFORE.search(text[max(0, m.start - 60):m.start])
                or _EXCLUDED_AFTER.match(text[m.end:m.end + 40]))


def _participants(text: str, mentions: list[Mention], published: dt.date, history: list[str],
                  trigger_at: int) -> list[tuple[int, str]]:
    """(position, label) of each leader taking part, homologues and bare roles resolved."""
    g = gazetteer()
    out: list[tuple[int, str]] = []
    for m in mentions:
        if abs(m.start - trigger_at) > 220 or _excluded(text, m):
            continue
        out.extend((m.start, label) for label in m.leaders)
    named = [label for _, label in out]
    for m in mentions:
        if m.leaders or _excluded(text, m):
            continue
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
                out.append((m.start, who.label))
        elif m.kind == "bare":
            wanted = "president" if m.country in ("président", "president") else "chancellor"
            for label in reversed(history):
                p = g.by_label.get(label)
                term = p.term_on(published) if p else None
                if term and term.role == wanted and label not in named:
                    out.append((m.start, label))
                    break
    out.sort()
    return out


def _pairs(people: list[tuple[int, str]], trigger_at: int) -> list[tuple[str, str]]:
    subjects = list(dict.fromkeys(p for pos, p in people if pos < trigger_at))
    objects = [p for p in dict.fromkeys(p for pos, p in people if pos >= trigger_at)
               if p not in subjects]
    pairs: list[tuple[str, str]] = []
    if subjects and objects:
        candidates = [(s, o) for s in subjects for o in objects]
    else:
        group = subjects or objects
        if len(group) > 4:
            return []
        candidates = [(a, b) for i, a in enumerate(group) for b in group[i + 1:]]
    for a, b in candidates:
        pair = tuple(sorted((a, b)))
        if a != b and pair not in pairs:
            pairs.append(pair)  # type: ignore[arg-type]
    return pairs


def _host(text: str, triggers: list[tuple[int, int, str | None]], day: dt.date) -> str | None:
    """The leader of the country a visit goes to: "se rendra à Moscou" -> Putin."""
    for start, end, mode in triggers:
        if mode != "visit":
            continue
        dest = _DESTINATION.match(text, end - 4) or _DESTINATION.match(text, end)
        if dest:
            country = PROPER_NOUNS.get(dest.group("place")) or PROPER_NOUNS.get(
                dest.group("place").split()[0])
            if country:
                p = gazetteer().holder(country, "executive", day)
                return p.label if p else None
    return None


def _is_planned(text: str, trigger: tuple[int, int, str | None]) -> bool:
    start, end, _ = trigger
    verb_match = _VERB_WORD.match(text, start)
    verb = verb_match.group(1) if verb_match else text[start:end]
    lead = text[max(0, start - 40):start]
    if _FUTURE_ENDING.search(verb):
        return True
    if _INFINITIVES.fullmatch(verb) and _INFINITIVE_LEAD.search(lead) \
            and not _PAST_INFINITIVE.search(lead):
        return True
    if (_PAST_VERB.fullmatch(verb) or _AUXILIARY.search(lead) or _HAD.search(lead)
            or _REFLEXIVE_PAST.match(text, start)):
        return False
    window = text[max(0, start - 70):min(len(text), end + 50)]
    return bool(_PLANNED.search(window) or _NOT_EXCLUDED.search(window))


def _contact_date(text: str, trigger: tuple[int, int, str | None], published: dt.date,
                  status: str) -> dt.date | None:
    start, end, _ = trigger
    usable: list[DateMention] = [
        d for d in find_dates(text)
        if not _REPORTED_DATE.search(text[max(0, d.start - 30):d.start])
    ]
    if not usable:
        return None
    nearest = min(usable, key=lambda d: min(abs(d.start - end), abs(start - d.end)))
    return resolve(nearest, published, planned=status == "planned")
