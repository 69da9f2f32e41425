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

from monitor.extract.actors import ActorMention
from monitor.extract.numbers import Quantity
from monitor.extract.phrases import stems

# Python's re has no fast scan for a case-insensitive alternation: it enters every
# branch at every word boundary. A lookahead on the possible first letters (a superset:
# it only skips positions where no branch can start) rejects most positions at once.
# The same goes for every (?=[...]) in this module: a word added to an alternation
# must have its first letter in the lookahead (either case: the flag covers both).
_TROOP_NOUN = re.compile(
    r"\b(?<![\w-])(?=[acfghilmprst])"
    r"(?P<noun>soldats?|militaires|troupes?|parachutistes|marines|Marines|"
    r"réservistes|fantassins|commandos|légionnaires|casques\s+bleus|gardes-frontières|"
    r"GI's|GIs|hommes|troops|soldiers|service\s*members|servicemembers|servicemen|"
    r"military\s+personnel|personnel|paratroopers|reservists|infantrymen|"
    r"peacekeepers|sailors|airmen|men|forces|personnes|people)(?![\w-])",
    re.IGNORECASE,
)
_TROOP_WORDS = (
    "soldat soldats militaires troupe troupes parachutistes marines réservistes "
    "fantassins commandos légionnaires casques gardes GI GIs hommes troops soldiers "
    "service servicemembers servicemen military personnel paratroopers reservists "
    "infantrymen peacekeepers sailors airmen men forces"
)
TROOP_STEMS = stems(_TROOP_WORDS.split())
_NEEDS_CONTEXT = frozenset({"hommes", "men", "personnel"})
_MILITARY_CONTEXT = re.compile(
    r"(?=[abcdfmnoprst])"
    r"(?:troupe|soldat|militaire|armée|déplo|alerte|frontière|otan|forces?\b|pentagone|défense|"
    r"troops|military|army|deploy|alert|border|nato|pentagon|defen[cs]e|massé|rassembl|"
    r"massed|massing|contingent)",
    re.IGNORECASE,
)
# What may sit between a number and its troop noun: "de", "of the", adjectives and
# demonyms ("3,000 additional U.S. troops", "2 000 highly trained soldiers"). Each word
# must end at a space, so the pattern cannot split words and never backtracks far.
_FILLER_WORD = (
    r"nouveaux|autres|additional|more|extra|new|fresh|combat|ground|active-duty|elite|other|"
    r"regular|special|airborne|allied|foreign|western|european|trained|armed|highly|heavily|"
    r"well-trained|combat-ready|battle-ready|[\w-]+-based|supplémentaires|and|et|"
    r"[A-Z][\w.'-]*"
)
_FILLER = re.compile(
    r"(?:\s*(?:le\s+nombre\s+(?:de\s+ses|de\s+leurs|de|d')|the\s+number\s+of(?:\s+(?:its|their))?|"
    r"de\s+ses|de\s+leurs|de|d'|des|of(?:\s+(?:its|their|the|those|these))?)\s*)?"
    r"(?:\s*(?:" + _FILLER_WORD + r")(?=\s|$))*\s*"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:km|kilom\w*|miles?|%|pour\s*cent|percent|heures?|hours?|ans|years?|jours?|days?|"
    r"dollars?|euros?|\$|€|tonnes?|tons?|mètres?|meters?|metres?)\b",
    re.IGNORECASE,
)
_POST_GAP = re.compile(
    r",?\s+(?:[\w-]+,?\s+){0,2}?(?:estimated\s+at|numbering|totall?ing|au\s+nombre\s+de|"
    r"estimée?s?\s+à|évaluée?s?\s+à|chiffrée?s?\s+à|fortes?\s+de|forts?\s+de)\s*",
    re.IGNORECASE,
)
# What makes a figure a tally rather than a movement, as regex fragments (each starts
# with a literal letter: the prefilters below are derived from those first letters).
# After the troop noun: casualties ("auraient péri"), wounded, prisoners and detainees
# ("détenus", "arrested"), suspects, evacuees, trainees.
_CASUALTY_AFTER_FR: tuple[str, ...] = (
    r"tués?",
    r"morts?",
    r"blessés?",
    r"tombés",
    r"disparus",
    r"capturés",
    r"faits?\s+prisonniers",
    r"prisonniers",
    r"péri",
    r"succombé",
    r"ont\s+perdu\s+la\s+vie",
    r"arrêtés",
    r"interpellés",
    r"détenus",
    r"emprisonnés",
    r"incarcérés",
    r"inculpés",
    r"condamnés",
    r"jugés",
    r"relâchés",
    r"échangés",
    r"évacués",
    r"formés",
    r"entraînés",
    r"en\s+formation",
    r"soupçonnés",
    r"accusés",
)
_CASUALTY_AFTER_EN: tuple[str, ...] = (
    r"killed",
    r"dead",
    r"died",
    r"wounded",
    r"injured",
    r"missing",
    r"captured",
    r"taken\s+prisoner",
    r"prisoners",
    r"casualties",
    r"perished",
    r"arrested",
    r"detained",
    r"jailed",
    r"imprisoned",
    r"convicted",
    r"sentenced",
    r"exchanged",
    r"evacuated",
    r"(?:were|have\s+been|had\s+been)\s+returned",
    r"handed\s+over",
    r"trained",
    r"in\s+training",
    r"suspected",
    r"accused",
)
# Before the quantity: "la mort de", "l'inculpation des", "the release of", "la fuite
# de milliers d'hommes" (men fleeing a call-up).
_CASUALTY_BEFORE_FR: tuple[str, ...] = (
    r"mort",
    r"morts",
    r"décès",
    r"perte",
    r"pertes",
    r"dépouilles",
    r"capturé",
    r"libération",
    r"échange",
    r"form(?:er|é|ation)",
    r"entraîner",
    r"tué",
    r"blessé",
    r"inculpation",
    r"procès",
    r"arrestation",
    r"détention",
    r"condamnation",
    r"évacuation",
    r"fuite",
    r"exode",
)
_CASUALTY_BEFORE_EN: tuple[str, ...] = (
    r"deaths?",
    r"loss",
    r"losses",
    r"killing",
    r"bodies",
    r"captured",
    r"release",
    r"exchange",
    r"trained",
    r"training",
    r"killed",
    r"wounded",
    r"arrest",
    r"detention",
    r"trial",
    r"evacuation",
    r"exodus",
)
# A capacity: "capable d'accueillir 4 000 soldats", "can house 2,000 troops".
_CAPACITY_LEADS_FR: tuple[str, ...] = (
    r"capable\s+d'",
    r"pouvant",
    r"peut",
    r"peuvent",
    r"capacité\s+d'",
)
_CAPACITY_LEADS_EN: tuple[str, ...] = (
    r"can",
    r"could",
    r"able\s+to",
    r"capacity\s+to",
    r"designed\s+to",
)
_CAPACITY_VERBS_FR: tuple[str, ...] = (
    "accueillir",
    "héberger",
    "loger",
    "recevoir",
    "abriter",
    "transporter",
)
_CAPACITY_VERBS_EN: tuple[str, ...] = (
    "accommodate",
    "host",
    "house",
    "hold",
    "transport",
    "carry",
)
# An exercise or a parade is not a movement: its name before the figure ("ces
# manœuvres, qui mobilisent 7 000 soldats", "an exercise involving 5,000 troops")...
_EXERCISE_NOUNS_FR: tuple[str, ...] = (
    r"exercices?",
    r"manœuvres",
    r"manoeuvres",
    r"entraînements?",
    r"défilés?",
    r"parades?",
)
_EXERCISE_NOUNS_EN: tuple[str, ...] = (
    r"exercises?",
    r"drills?",
    r"war\s*games",
    r"manoeuvres",
    r"maneuvers",
    r"parades?",
)
# ...or, after the noun, a parade ("4 000 militaires ont défilé"), the troops' part in an
# exercise ("5,000 troops taking part in the drills", "with 2,000 troops participating")
# or a readiness test ("to test readiness").
_PARADE_AFTER_FR: tuple[str, ...] = (r"(?:ont\s+|vont\s+)?défil\w+",)
_PARADE_AFTER_EN: tuple[str, ...] = (r"(?:have\s+|will\s+)?parad\w+",)
_PARTICIPATION_FR: tuple[str, ...] = (
    r"particip\w+",
    r"(?:prendront|prennent|prendre|ont\s+pris)\s+part",
)
_PARTICIPATION_EN: tuple[str, ...] = (
    r"(?:are\s+|were\s+|will\s+be\s+)?particip\w+",
    r"(?:will\s+)?(?:take|takes|taking|took)\s+part",
)
_READINESS_TEST_FR: tuple[str, ...] = (
    r"(?:pour|afin\s+de)\s+tester\s+(?:\w+\s+){0,2}?(?:capacités?|préparation|réactivité)",
)
_READINESS_TEST_EN: tuple[str, ...] = (
    r"to\s+test\s+(?:\w+\s+){0,2}?(?:readiness|preparedness|capabilit\w+)",
)
# A call-up makes "hommes"/"men", and even "personnes"/"people", soldiers: "la
# mobilisation militaire partielle de 300 000 personnes", "mobilised 150,000 men".
_CALL_UP_FR: tuple[str, ...] = (r"mobilis", r"conscri", r"enrôl", r"recrut")
_CALL_UP_EN: tuple[str, ...] = (r"mobilis", r"mobiliz", r"conscri", r"enrol", r"recruit")
_CALL_UP_ADJECTIVES_FR: tuple[str, ...] = (
    "militaire",
    "partielle",
    "générale",
    "forcée",
    "massive",
)
_CALL_UP_ADJECTIVES_EN: tuple[str, ...] = ("military", "partial", "general", "forced", "mass")
# Nouns that are soldiers only right after a call-up ("mobilisation de 300 000 personnes").
_CALLED_UP_NOUNS_FR: tuple[str, ...] = ("personnes",)
_CALLED_UP_NOUNS_EN: tuple[str, ...] = ("people",)
# A change of a contingent: "le nombre de soldats doit passer de 1 000 à 1 300", "will
# rise from 900 to 1,200 troops": two figures, the present one and the planned one.
_CHANGE_VERBS_FR: tuple[str, ...] = (
    r"pass\w+",
    r"augment\w+",
    r"grimp\w+",
    r"mont\w+",
    r"port\w+",
    r"réduit\w*",
    r"réduire",
    r"ramen\w+",
    r"baiss\w+",
    r"diminu\w+",
)
_CHANGE_VERBS_EN: tuple[str, ...] = (
    r"rise",
    r"rises",
    r"rose",
    r"grow",
    r"grows",
    r"grew",
    r"grown",
    r"risen",
    r"go\s+up",
    r"went\s+up",
    r"increase[ds]?",
    r"climb(?:s|ed)?",
    r"jump(?:s|ed)?",
    r"fall",
    r"fell",
    r"fallen",
    r"drop(?:s|ped)?",
    r"decrease[ds]?",
    r"be\s+(?:raised|increased|cut|reduced)",
    r"been\s+(?:raised|increased|cut|reduced)",
)
# The change already happened: "est passé de", "has risen from", "rose from".
_CHANGE_DONE_FR: tuple[str, ...] = (r"a", r"ont", r"est", r"sont", r"avait", r"était")
_CHANGE_DONE_EN: tuple[str, ...] = (
    r"has",
    r"have",
    r"had",
    r"rose",
    r"grew",
    r"went",
    r"increased",
    r"climbed",
    r"jumped",
    r"fell",
    r"dropped",
    r"decreased",
)
# A party named after the figure is its actor when it opens the next clause or is the
# source of the report: "...; NATO-led mission", ", assure l'armée taïwanaise", ",
# said the Pentagon".
_REPORTING_FR: tuple[str, ...] = (
    r"assure",
    r"affirme",
    r"indique",
    r"annonce",
    r"précise",
    r"rapporte",
    r"selon",
    r"a\s+(?:assuré|affirmé|indiqué|annoncé|précisé)",
)
_REPORTING_EN: tuple[str, ...] = (
    r"said",
    r"says",
    r"according\s+to",
    r"announced",
    r"reported",
)
_ARMY_WORDS_FR: tuple[str, ...] = (
    r"armée",
    r"ministère(?:\s+de\s+la\s+défense)?",
    r"état-major",
    r"gouvernement",
)
_ARMY_WORDS_EN: tuple[str, ...] = (
    r"army",
    r"military",
    r"(?:defen[cs]e\s+)?ministry",
    r"government",
)
# A French locative pronoun places a standing force: "la Russie y dispose d'une force
# de 1 500 hommes" (not the existential "il y a").
_LOCATIVE_BEFORE_FR: tuple[str, ...] = ("y",)
# ...as does "there" right after the noun ("keeps 1,500 troops there").
_LOCATIVE_AFTER_EN: tuple[str, ...] = ("there",)


def _first_letters(words: tuple[str, ...]) -> str:
    """The prefilter lookahead of an alternation of words that start with a letter."""
    return "(?=[" + "".join(sorted({w[0].lower() for w in words})) + "])"


def _alternation(*words: tuple[str, ...]) -> str:
    """One non-capturing alternation of every language's words, in order."""
    return "(?:" + "|".join(w for group in words for w in group) + ")"


_CASUALTY_AFTER = re.compile(
    r"^[^.;:]{0,50}?\b" + _alternation(_CASUALTY_AFTER_FR, _CASUALTY_AFTER_EN) + r"\b",
    re.IGNORECASE,
)
_CASUALTY_BEFORE = re.compile(
    _first_letters(_CASUALTY_BEFORE_FR + _CASUALTY_BEFORE_EN)
    + _alternation(_CASUALTY_BEFORE_FR, _CASUALTY_BEFORE_EN)
    + r"\s+(?:de\s+|d'|des\s+|of\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# An elided lead ("capable d'accueillir") needs no space before its verb.
_CAPACITY = re.compile(
    _first_letters(_CAPACITY_LEADS_FR + _CAPACITY_LEADS_EN)
    + _alternation(_CAPACITY_LEADS_FR, _CAPACITY_LEADS_EN)
    + r"(?:(?<=')\s*|\s+)"
    + _alternation(_CAPACITY_VERBS_FR, _CAPACITY_VERBS_EN)
    + r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# An exercise named before the figure, with no movement word between them (searched in
# the few words before the figure only: "Ahead of the drills, Russia sent 30,000 troops"
# is a movement, see _exercise()).
_EXERCISE_BEFORE = re.compile(
    r"\b" + _alternation(_EXERCISE_NOUNS_FR, _EXERCISE_NOUNS_EN) + r"\b", re.IGNORECASE
)
_EXERCISE_AFTER = re.compile(
    r"^\s*(?:[\w'-]+\s+){0,3}?(?:"
    + _alternation(_PARADE_AFTER_FR, _PARADE_AFTER_EN, _READINESS_TEST_FR, _READINESS_TEST_EN)
    + r"\b|"
    + _alternation(_PARTICIPATION_FR, _PARTICIPATION_EN)
    + r"(?:\s*(?:[.,;]|$)|\s+(?:à|aux|dans|in|to)\s+(?:[\w'-]+\s+){0,3}?"
    + _alternation(_EXERCISE_NOUNS_FR, _EXERCISE_NOUNS_EN)
    + r"\b))",
    re.IGNORECASE,
)
# A call-up right before the figure makes "hommes"/"men" soldiers: "la mobilisation de
# 300 000 hommes", "mobilised 300,000 men" (not "men who fled after the mobilisation").
_CALL_UP_BEFORE = re.compile(
    _alternation(_CALL_UP_FR, _CALL_UP_EN)
    + r"\w*\s+(?:"
    + _alternation(_CALL_UP_ADJECTIVES_FR, _CALL_UP_ADJECTIVES_EN)
    + r"\s+){0,2}(?:de\s+|d'|of\s+)?(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
_CALLED_UP_NOUNS = frozenset(_CALLED_UP_NOUNS_FR + _CALLED_UP_NOUNS_EN)
_CALL_UP_STEMS = stems(_CALL_UP_FR + _CALL_UP_EN)
_CALLED_UP_STEMS = stems(_CALLED_UP_NOUNS)
# "doit passer de" / "will rise from" right before a range quantity (which starts on
# its "de" / "from").
_CHANGE_BEFORE = re.compile(
    r"\b" + _alternation(_CHANGE_VERBS_FR, _CHANGE_VERBS_EN) + r"\s+$", re.IGNORECASE
)
_CHANGE_DONE = re.compile(
    r"\b" + _alternation(_CHANGE_DONE_FR, _CHANGE_DONE_EN) + r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# The words between a troop noun and a change verb: "soldats allemands au sein de la
# Minusma doit passer ", "troops in Kosovo will rise ".
_CHANGE_GAP = re.compile(
    r"[^.;:,]{0,50}?\b" + _alternation(_CHANGE_VERBS_FR, _CHANGE_VERBS_EN) + r"\s+",
    re.IGNORECASE,
)
_LATER_PARTY_LEAD = re.compile(
    r"(?:[;:]\s*|\b"
    + _alternation(_REPORTING_FR, _REPORTING_EN)
    + r"\s+)(?:l'|la\s+|le\s+|les\s+|the\s+)?(?:"
    + _alternation(_ARMY_WORDS_FR, _ARMY_WORDS_EN)
    + r"\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"(?<!\bil\s)\b" + _alternation(_LOCATIVE_BEFORE_FR) + r"\s+\w+[^,;]*$", re.IGNORECASE
)
_LOCATIVE_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?" + _alternation(_LOCATIVE_AFTER_EN) + r"\b", re.IGNORECASE
)
# What separates two figures' clauses: a comma, a dash, a subordinating conjunction.
_CLAUSE_BREAK = re.compile(
    r"[,;(–—]|\b(?:while|whereas|as|but|alors|tandis|mais|quand|lorsque|où|when)\b",
    re.IGNORECASE,
)
# Below this count a figure names individuals ("les deux militaires"), not a force.
_MIN_COUNT = 3

# first: the letters each status's words can start with (see _TROOP_NOUN).
_STATUS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (status, re.compile(r"\b(?=[" + first + "])(?:" + pattern + ")", re.IGNORECASE))
    for status, first, pattern in (
        (
            "alert",
            "cehmopré",
            r"en\s+(?:état\s+d'|état\s+de\s+)?(?:alerte|pré-?alerte)|(?:mis|placés?)\s+en\s+alerte|"
            r"en\s+attente|en\s+stand-?by|état\s+de\s+préparation|prête?s?\s+à\s+être\s+déployée?s|"
            r"mobilis\w+|called\s+up|call(?:s|ing)?\s+up|call-up|on\s+(?:heightened\s+|high\s+|higher\s+|increased\s+)?alert|"
            r"on\s+stand-?by|heightened\s+(?:alert|readiness)|prepare[- ]to[- ]deploy|"
            r"on\s+(?:short\s+)?notice|ready\s+to\s+be\s+deployed|mobiliz\w+|readiness",
        ),
        (
            "withdrawn",
            "bdlpqrw",
            r"retir\w+|retrait|rapatri\w+|quitt\w+|désengag\w+|withdr\w+|"
            r"pull(?:ed|ing|s)?\s+(?:out|back)|pull-?out|repatriat\w+|draw\s*down|drawdown|"
            r"brought\s+home|return(?:ed|ing)?\s+home|rentrer|rentrés|"
            r"return(?:ed|ing|s)?\s+to\s+(?:their|its)\s+(?:\w+\s+)?bases|regagn\w+|"
            r"leav(?:e|es|ing)\b|\bleft\b|depart\w*",
        ),
        (
            "massed",
            "abcegmrs",
            r"mass(?:é|és|ée|ées|er|ent|ait|aient|e)\b|rassembl\w+|concentr\w+|amass\w+|"
            r"accumul\w+|regroup\w+|massed|massing|gather\w*|build-?up|buildup|built\s+up|"
            r"assembled|réuni(?:s|es)?\b|réunir|"
            # Troops that encircle, not troops besieged: "la ville encerclée", "when
            # the city was surrounded".
            r"encercl(?:ent|ant|ait|aient|er|era|eront|èrent|é)\b|surround(?:s|ing)?\b|"
            r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!\bis\s)(?<!are\s)surrounded",
        ),
        (
            "deployed",
            "abdefhilmprst",
            r"envo(?:i|ie|ient|yer|yé|yée|yés|yées|iera|ieront|yait|yaient|yant)\b|enverr\w+|déplo\w+|"
            r"redéplo\w+|dépêch\w+|arriv\w+|stationn\w+|débarqu\w+|renforts?\b|positionn\w+|position(?:ed|ing)\b|"
            r"postés|installés|transférés|en\s+route|rejoin\w+|présents?\s+(?:en|à|au|aux|dans|sur)|"
            r"deploy\w*|redeploy\w*|send(?:s|ing)?\b|sent\b|dispatch\w*|station\w*|"
            r"land(?:ed|ing)\b|reinforce\w*|based\s|mov(?:e|ed|es|ing)\s+(?:to|into)|"
            r"rotat\w+|headed\s+to|bound\s+for|flown|airlift\w*|bolster\w*|accueill\w+|"
            r"achemin\w+|transfér\w+|"
            r"envahi\w*|invad\w+|entrés\s+(?:en|dans)|entered|"
            r"hosts?\b|hosting|hosted",
        ),
    )
)
_MODAL = re.compile(
    r"(?=[cdemnoprtwé])(?:envisag\w+|options?|pourr\w+|éventuel\w*|"
    r"prête?s?\s+à|demand\w*|réclam\w*|request\w*|call(?:ed|s)?\s+for|examin\w+|étudi\w+|réfléchi\w*|n'exclu\w+\s+pas|could|might|may|consider\w*|"
    r"weigh\w*|mull\w*|contemplat\w*|ready\s+to|prepared\s+to|possible|possibly|"
    r"potential\w*|menace\s+d'|threaten\w*)\b[^.;,]{0,40}$",
    re.IGNORECASE,
)
_CONSIDERED_ALONE = re.compile(
    r"(?=[ceopé])(?:envisag\w+|options?\b|étudi\w+|pourrai(?:t|ent)\s+(?:être\s+)?(?:envoy|déploy)|"
    r"could\s+(?:be\s+)?(?:sent|deployed)|consider\w*)",
    re.IGNORECASE,
)

_BORDER = re.compile(
    r"(?=[aclnopà])"
    r"(?:aux?\s+frontières?|à\s+la\s+frontière|le\s+long\s+(?:de\s+la\s+frontière|des\s+"
    r"frontières)|près\s+(?:de\s+la\s+frontière|des\s+frontières)|non\s+loin\s+de\s+la\s+"
    r"frontière|(?:along|near|at|on|close\s+to)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[A-Z][\w-]*(?:'s)?\s+|\w+ern\s+){0,2}borders?)"
    r"(?:\s+(?:de\s+l'|de\s+la\s+|du\s+|des\s+|d'|de\s+|avec\s+(?:l'|la\s+|le\s+)?|with\s+|"
    r"of\s+)?(?:[A-ZÉ][\w'-]*|ukrainienne|russe|biélorusse|polonaise))?",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"(?:\b(?:en|au|aux|à|vers|in|to|into|in\s+and\s+around|around|autour\s+de|near|"
    r"près\s+de)\s+|\bprès\s+d'|"
    r"\bdans\s+(?:les?\s+|la\s+|l')?|"
    r"\bsur\s+le\s+sol\s+|\bon\s+(?:the\s+)?(?:\w+\s+)?soil\s+of\s+)(?:the\s+)?"
    r"(?P<place>[A-ZÉ][\w'-]*(?:(?:\s+(?:de\s+l'|de\s+la\s+|du\s+|de\s+|d'|of\s+the\s+)?"
    r"[A-ZÉ][\w'-]*)|\s+(?:de\s+l'|du\s+)(?:est|ouest|nord|sud)\b)*|pays\s+baltes|"
    r"Baltic\s+states)",
)
_OPENING_PLACE = re.compile(r"(?:En|Au|Aux|Dans|In|At|Near)\s+[^,]{2,60},")
_NOT_PLACES = frozenset(
    [
        "Le",
        "La",
        "Les",
        "Un",
        "Une",
        "The",
        "A",
        "Selon",
        "Pour",
        "Mais",
        "Il",
        "Elle",
        "Ils",
        "We",
        "He",
        "She",
        "They",
        "It",
        "Moscou",
    ]
)


_RELATIVE_ACTOR = re.compile(
    r"\s+(?:supplémentaires\s+)?(?:que\s+|qu'|that\s+|which\s+)?(?:la\s+|le\s+|l'|les\s+)?"
)
_ESTIMATE_VERB = re.compile(
    r"\s+(?:estim\w+|affirm\w+|pens\w+|croit|croyait|juge\w*|dit|disait|says|said|estimat\w+|"
    r"believ\w+|think\w*|thought|claim\w*)",
    re.IGNORECASE,
)
_GENITIVE_TAIL = re.compile(
    r"\s+(?:de\s+la|du|des|de\s+l'|of\s+the)\s+(?:[\w'-]+\s+){0,3}(?=\w)", re.IGNORECASE
)
_COMPLEMENT_BEFORE = re.compile(r"(?:\bde\s+l'|\bde\s+la\s+|\bdu\s+|\bdes\s+|\bof\s+(?:the\s+)?)$")
_GENITIVE = re.compile(
    r"\s+(?:de\s+l'|de\s+la\s+|du\s+|des\s+|of\s+the\s+|of\s+)"
    r"(?P<army>(?:armée|army|forces(?:\s+armées)?|armed\s+forces|marine|navy)\s+)?",
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
        if re.search(r"according\s+$|selon\s+$", clause[max(0, m.start() - 12) : m.start()]):
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
    follows = re.match(r"\s+(?:supplémentaires\s+)?", text[n_end:])
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
        if a.start >= n_end and re.search(
            r"\b(?:par|by)\s+(?:la\s+|le\s+|l'|les\s+|the\s+)?$",
            text[max(0, a.start - 12) : a.start],
        ):
            return a.country
    # 5. A party named after the figure as the next clause's subject or as the source:
    # "700 troops being sent; NATO-led mission ...", "... ont été mobilisés, assure
    # l'armée taïwanaise".
    for a in actors:
        if a.start >= n_end and not a.target and _LATER_PARTY_LEAD.search(text, n_end, a.start):
            return a.country
    return None
