"""English words of leader contacts: contact words by mode, status cues, verb forms,
who is not a party. Data only, in the phrase syntax of `monitor.extract.vocab`."""

# Articles, prepositions, pronouns and auxiliaries: never a phrase's key word for the
# cheap stem prefilter while the phrase has another.
FUNCTION_WORDS = (
    "a",
    "an",
    "the",
    "their",
    "his",
    "her",
    "its",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "between",
    "for",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
)

# ------------------------------------------------------------------ contact words
PHONE = (
    "(phone|telephone) (call|conversation|talk)(s)?",
    "call(s)? (with|between)",
    "(a|the|their|his|her|an hour-long) ~3 call!(for)",
    "(tele)?phoned",
    "by (tele)?phone",
    "on the phone",
    # Not "via videolink": taking part in a session that way is no contact of two.
    "video(call|conference)",
    "video (call|conference)",
    "^video format",
)
PHONE_OBJECT = ("called", "call(s|ing)?")
VISIT = (
    "visit(s|ed|ing)?",
    "trip(s)?",
    "travel(s|ed|led|ing)? to",
    "trip to",
    "fl(y|ew|ies|ying) to",
    "arriv* ~2 in",
    "expected ~2 in",
    "on (his|her|their) way to",
    "c(a|o)me to",
    # "the parties agreed to exchange visits"
    "exchange (of )?visits",
)
MEETING = (
    "meet(s|ing|ings)?",
    # "Presidents Xi and Putin reunite in Moscow": the pair is the subject.
    "reunite(s|d)?",
    "met",
    "summit(s)?",
    "^sit down with",
    "face-to-face",
)
MEETING_OBJECT = (
    "hosted",
    "hosts",
    "host",
    "hosting",
    "received",
    "receive(s)?",
    "welcomed",
    "welcome",
)
# Events whose day is not the contact's ("after the inauguration on May 7").
OTHER_EVENTS = ("inauguration", "election(s)?", "anniversary", "signing", "funeral", "referendum")
# (and the weekdays, from lexicon.WEEKDAYS)
OBJECT_GAP = (
    "and",
    "chairperson",
    "chairman",
    "chair",
    "the",
    "his",
    "her",
    "their",
    "its",
    "a",
    "an",
    "of",
    "president",
    "chancellor",
    "prime",
    "minister",
    "king",
    "queen",
    "crown",
    "prince",
    "emir",
    "sheikh",
    "leader",
    "counterpart",
    "visiting",
    "neighboring",
    "neighbouring",
    "ally",
    "mr",
    "mr.",
    "mrs",
    "ms",
    "sir",
    "dr",
    "yesterday",
    "today",
    "on",
    "again",
    "briefly",
    "also",
    "already",
    "in",
    "at",
    "by",
    "new",
)
TALK = (
    "talk(s|ed|ing)? between",
    "negotiations (with|between)",
    "(held|hold|holding) ~1 talks",
    "conversation(s)?",
    "discussed ~9 with",
    "contacts with",
    # Bare "talks" ("after talks in Moscow", "Xi-Putin talks"): only two leaders named
    # near it make it theirs.
    "talks",
)
# Spoke with whom: a leader must follow ("spoke to reporters after..." is none).
TALK_OBJECT = (
    "spoke (with|to)!(the media|the press|journalists|reporters|the nation)",
    "speak(s|ing)? (with|to)!(the media|the press|journalists|reporters|the nation)",
    "spoken (with|to)!(the media|the press|journalists|reporters|the nation)",
    "talk(s|ed|ing)? (with|to)!(the media|the press|journalists|reporters|the nation)",
)
KEEP_UP = ("keep up", "keep(s|ing)? up", "maintain(s|ed|ing)?", "sustain(s|ed|ing)?")
PAIR_TALK = ("spoke", "talked", "conferred")
# Said by an office of its leader in the first person ("I thanked President X"): a
# contact only there, as in news "Zelensky thanked Biden" is often a public word.
FIRST_PERSON = ("thanked", "congratulated", "agreed with")
PAIR_TALK_NEXT = (
    "for",
    "over",
    "late",
    "early",
    "again",
    "briefly",
    "on",
    "in",
    "at",
    "during",
    "since",
    "yesterday",
    "today",
    "this",
    "last",
)
TOLD = ("told", "assured", "promised")
# English needs no word after the verb: "told Macron".
TOLD_TO = ()
TOLD_GAP = ()
DEMAND = ()
DEMAND_INFINITIVE = ()
CONTACT_NOUNS = (
    "visit",
    "visits",
    "trip",
    "call",
    "calls",
    "meeting",
    "meetings",
    "talks",
    "conversation",
    "summit",
    "phone",
    "telephone",
    "video",
    "invitation",
    "trips",
    "summits",
)
DETERMINERS = (
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "next",
)
AHEAD = ("ahead of", "before", "prior to", "in the run-up to")
# English "for talks" is as often what took place: "arrived in Moscow for talks".
PURPOSE_LEAD = ()
TO_TAKE_PLACE = (
    "expected",
    "planned",
    "scheduled",
    "set for",
    "due",
    "to be held",
    "will take place",
    "is to take place",
    "mooted",
    "floated",
    "on the table",
    "under discussion",
    "(may|could|might|will|would) take place",
)
FIRST_TO = ("first", "only", "last")
LATER_TODAY = ("tonight", "this evening", "later today", "later in the day", "this afternoon")
GLAD = ("glad", "happy", "pleased", "honou?red", "delighted")
# Verbs whose "to" opens their own infinitive, not a purpose: "wanted to meet".
NOT_PURPOSE = (
    "hope(s|d)?",
    "plan(s|ned)?",
    "want(s|ed)?",
    "wish(es|ed)?",
    "intend(s|ed)?",
    "expect(s|ed)?",
    "aim(s|ed)?",
    "seek(s)?",
    "sought",
    "tr(y|ies|ied|ying)",
    "agree(s|d)?",
    "decide(s|d)?",
    "promise(s|d)?",
    "offer(s|ed)?",
    "refuse(s|d)?",
    "decline(s|d)?",
    "prepare(s|d)?",
    "arrange(s|d)?",
    "vow(s|ed)?",
    "pledge(s|d)?",
    "ask(s|ed)?",
    "invite(s|d)?",
    "urge(s|d)?",
    "need(s|ed)?",
    "due",
    "set",
    "is",
    "are",
    "was",
    "were",
    "going",
    "able",
    "likely",
    "ready",
    "and",
    "also",
)
INFINITIVE_TO = ("to",)
SIMPLE_PAST = (
    "took",
    "left",
    "went",
    "came",
    "flew",
    "traveled",
    "travelled",
    "arrived",
    "made",
    "headed",
    "returned",
    "departed",
    "met",
    "spoke",
    "held",
    "visited",
    "hosted",
    "received",
    "called",
    "talked",
    "said",
)
ANAPHOR = (
    "the ^two (leaders|presidents|men)",
    "^both leaders",
    "the ^(parties|sides)",
)

# Before a mode word, a channel: "via videoconference" is how, not a contact.
CHANNEL = ("via",)

# ------------------------------------------------------------------ status cues
NEGATION = (
    "not",
    "(did|does|do|is|are|was|were|has|have|had|could|would|should|ca|wo|must|need)n't",
    "never",
    "no plan(s)?",
    "declin+",
    "rul(ed|es|ing) out",
    "no (meeting|call|talks)",
    "cancel*",
    "called off",
)
NEGATION_OPEN = ()
NEGATION_CLOSE = ()
NOT_EXCLUDED = (
    "(did|does|do) not rule out",
    "(didn't|doesn't|don't) rule out",
    "not ruled out",
)
PLANNED = (
    "will",
    "shall",
    "plan(s)? to",
    "planning to",
    "planned",
    "expected",
    "due to",
    "set to",
    "scheduled",
    "slated",
    "upcoming",
    "next",
    "would",
    "could",
    "may",
    "might",
    "hope(s)? to",
    "want(s)? to",
    "agreed to",
    "proposed",
    "invited",
    "soon",
    "later this",
    "is to",
    "are to",
    "to be held",
    "agreed ~2 to",
    "on (his|her|their) way",
    "forthcoming",
    "waiting for",
    "look(s|ing)? forward to",
    "future",
)
PROPOSAL = ("offered", "offers", "offer", "proposes", "invited", "invites", "invite")
PROPOSAL_TO = ("to",)
DEMAND_CONTACT = ("call(ed|s)? for", "demand*", "request*", "ask* for", "urg*")

# ------------------------------------------------------------------ verb forms
FUTURE_ENDINGS = ()
INFINITIVES = ("meet", "visit", "travel", "host", "receive", "speak", "talk", "call", "fly", "hold")
AUXILIARIES = ("has", "have", "had")
PAST_AUXILIARIES = ()
PLUPERFECT_AUXILIARIES = ()
# Main verbs in the past: a contact told before them is dated by them, not a "would".
MAIN_PAST = (
    "spoke",
    "met",
    "held",
    "had",
    "called",
    "visited",
    "hosted",
    "received",
    "talked",
    "said",
)
NARRATIVE_PAST = (
    "told", "spoke", "met", "held", "had", "visited", "hosted", "received", "called",
    "talked", "discussed", "urged", "warned", "assured", "thanked", "briefed",
)  # fmt: skip
# "are holding talks": under way, whatever "could" follows.
PROGRESSIVE = ("is", "are", "was", "were")
SEQUENTIAL = ("before", "after")
AFTER = ("after", "following")
PAST_INFINITIVE = ("after", "having")
INFINITIVE_LEADS = ("to", "will", "would", "could", "may", "might")
COORDINATION = ("and", "but", "while", "after", "before", "when", "as!(well as)", "who")
EVENT_BREAK = ("and", "then", "before", "after", "while")
PURPOSE = ("to", "in order to")
COPULAS = ("is", "are", "was", "were")
RELATIVE = ("who",)
PAST_FORMS = (
    "met",
    "spoke",
    "talked",
    "held",
    "visited",
    "hosted",
    "received",
    "called",
    "phoned",
    "telephoned",
    "traveled",
    "travelled",
    "flew",
    "welcomed",
    "thanked",
    "congratulated",
    "agreed",
    "spoken",
    "told",
    "assured",
    "promised",
)
PRESENT_FORMS = ("meets", "visits", "travels to", "hosts", "receives")
REPORTING = (
    "said",
    "announced",
    "told",
    "confirmed",
    "stated",
    "added",
    "reported",
    "according to +",
)

# ------------------------------------------------------------------ who is not a party
AGENTS = (
    "envoy",
    "adviser",
    "advisor",
    "spokes(man|woman|person)",
    "aide",
    "minister",
    "ambassador",
    "government",
    "administration",
    "regime",
    "office",
    "party",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    # "Lukashenko, an ally of Putin": named beside, not a party.
    "ally",
    "allies",
    "partner",
    "friend",
    "rival",
    "critic",
    "opponent",
    "successor",
    "predecessor",
    "protégé",
)
TITLES = (
    "president",
    "chancellor",
    "prime minister",
    "minister",
    "king",
    "queen",
    "leader",
    "counterpart",
)
ATTRIBUTION = ("according to", "on behalf of", "at the request of")
SETTING = ("at the", "during the", "on the sidelines of", "ahead of the", "after the")
ATTENDING = ("attend*", "take part", "guest(s)?", "participant(s)?", "among the")
PLACE_MODIFIERS = ("war-torn", "war-ravaged", "besieged", "embattled")
CAPITAL = ("capital",)
OCCUPIED = ("occupied", "annexed")
