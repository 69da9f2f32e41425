"""English words of troop figures: troop nouns, what makes a figure a tally (casualties,
capacities, exercises), call-ups, a contingent's change, movement words by status.
Data only, in the phrase syntax of `monitor.extract.vocab`; the grammar that joins them
is in `monitor.extract.troops`."""

# ------------------------------------------------------------------ troop nouns
TROOP_NOUNS = (
    "GI's",
    "GIs",
    "troops",
    "soldiers",
    "^service( )?members",
    "servicemen",
    "^military personnel",
    "paratroopers",
    "reservists",
    "infantrymen",
    "peacekeepers",
    "sailors",
    "airmen",
    "forces",
)
TROOP_NOUNS_NEEDING_CONTEXT = ("men", "personnel")
CALLED_UP_NOUNS = ("people",)
MILITARY_CONTEXT = (
    "troops*",
    "military*",
    "army*",
    "deploy*",
    "alert*",
    "border*",
    "nato*",
    "pentagon*",
    "defen(c|s)e*",
    "massed*",
    "massing*",
    "contingent*",
)
# "3,000 additional U.S. troops", "2 000 highly trained soldiers".
FILLER_WORDS = (
    "additional",
    "more",
    "extra",
    "new",
    "fresh",
    "combat",
    "ground",
    "active-duty",
    "elite",
    "other",
    "regular",
    "special",
    "airborne",
    "allied",
    "foreign",
    "western",
    "european",
    "trained",
    "armed",
    "highly",
    "heavily",
    "well-trained",
    "combat-ready",
    "battle-ready",
    "and",
)
FILLER_LEADS = (
    "the number of( (its|their))?",
    "of( (its|their|the|those|these))?",
)
FIGURE_AFTER_LEADS = ("estimated at", "numbering", "total(l)?ing")
UNITS = (
    "mile(s)?",
    "percent",
    "hour(s)?",
    "year(s)?",
    "day(s)?",
    "dollar(s)?",
    "$",
    "ton(s)?",
    "meter(s)?",
    "metre(s)?",
)

# ------------------------------------------------------------------ tallies, not movements
CASUALTY_AFTER = (
    "killed",
    "dead",
    "died",
    "wounded",
    "injured",
    "missing",
    "captured",
    "taken prisoner",
    "prisoners",
    "casualties",
    "perished",
    "arrested",
    "detained",
    "jailed",
    "imprisoned",
    "convicted",
    "sentenced",
    "exchanged",
    "evacuated",
    "(were|have been|had been) returned",
    "handed over",
    "trained",
    "in training",
    "suspected",
    "accused",
)
CASUALTY_BEFORE = (
    "death(s)?",
    "loss",
    "losses",
    "killing",
    "bodies",
    "captured",
    "release",
    "exchange",
    "trained",
    "training",
    "killed",
    "wounded",
    "arrest",
    "detention",
    "trial",
    "evacuation",
    "exodus",
)
CAPACITY_LEADS = ("can", "could", "able to", "capacity to", "designed to")
CAPACITY_VERBS = ("accommodate", "host", "house", "hold", "transport", "carry")
EXERCISE_NOUNS = (
    "exercise(s)?",
    "drill(s)?",
    "war( )?games",
    "manoeuvres",
    "maneuvers",
    "parade(s)?",
)
PARADE_AFTER = ("(have |will )?parad+",)
READINESS_TEST = ("to test ~2 (readiness|preparedness|capabilit+)",)
PARTICIPATION = ("(are |were |will be )?particip+", "(will )?(take|takes|taking|took) part")
PARTICIPATION_IN = ("in", "to")
CALL_UP = ("mobilis*", "mobiliz*", "conscri*", "enrol*", "recruit*")
CALL_UP_ADJECTIVES = ("military", "partial", "general", "forced", "mass")
CHANGE_VERBS = (
    "rise",
    "rises",
    "rose",
    "grow",
    "grows",
    "grew",
    "grown",
    "risen",
    "go up",
    "went up",
    "increase(d|s)?",
    "climb(s|ed)?",
    "jump(s|ed)?",
    "fall",
    "fell",
    "fallen",
    "drop(s|ped)?",
    "decrease(d|s)?",
    "be (raised|increased|cut|reduced)",
    "been (raised|increased|cut|reduced)",
)
CHANGE_DONE = (
    "has",
    "have",
    "had",
    "rose",
    "grew",
    "went",
    "increased",
    "climbed",
    "jumped",
    "fell",
    "dropped",
    "decreased",
)

# ------------------------------------------------------------------ the actor
TROOP_REPORTING = ("said", "says", "according to", "announced", "reported")
ARMY_WORDS = ("army", "military", "(defen(c|s)e )?ministry", "government")
LOCATIVE_BEFORE = ()
# "keeps 1,500 troops there"
LOCATIVE_AFTER = ("there",)
CLAUSE_CONJUNCTIONS = ("while", "whereas", "as", "but", "when")

# ------------------------------------------------------------------ status
STATUS_ALERT = (
    "called up*",
    "call(s|ing)? up*",
    "call-up*",
    "on (heightened |high |higher |increased )?alert*",
    "on stand(-)?by*",
    "heightened (alert|readiness)*",
    "prepare(-| )to(-| )deploy*",
    "on (short )?notice*",
    "ready to be deployed*",
    "mobiliz+",
    "readiness*",
)
STATUS_WITHDRAWN = (
    "withdr+",
    "pull(ed|ing|s)? (out|back)*",
    "pull(-)?out*",
    "repatriat+",
    "draw( )?down*",
    "brought home*",
    "return(ed|ing)? home*",
    "return(ed|ing|s)? to (their|its) ~1 bases*",
    "leav(e|es|ing)",
    "left",
    "depart*",
)
STATUS_MASSED = (
    "massed*",
    "massing*",
    "gather*",
    "build(-)?up*",
    "built up*",
    "assembled*",
    "surround(s|ing)?",
)
# Troops that surround, not troops besieged: "when the city was surrounded".
STATUS_MASSED_ACTIVE = ("surrounded*",)
PASSIVE_AUXILIARIES = ("was", "were", "been", "is", "are")
STATUS_DEPLOYED = (
    "position(ed|ing)",
    "deploy*",
    "redeploy*",
    "send(s|ing)?",
    "sent",
    "dispatch*",
    "station*",
    "land(ed|ing)",
    "reinforce*",
    # "based" and the space after it ("troops based in Poland"; not "based," or "-based.").
    "based ~0",
    "mov(e|ed|es|ing) (to|into)*",
    "rotat+",
    "headed to*",
    "bound for*",
    "flown*",
    "airlift*",
    "bolster*",
    "invad+",
    "entered*",
    "host(s)?",
    "hosting",
    "hosted",
)
MODAL = (
    "option(s)?",
    "demand*",
    "request*",
    "call(ed|s)? for",
    "could",
    "might",
    "may",
    "consider*",
    "weigh*",
    "mull*",
    "contemplat*",
    "ready to",
    "prepared to",
    "possible",
    "possibly",
    "potential*",
    "threaten*",
)
CONSIDERED_ALONE = ("option(s)?", "could (be )?(sent|deployed)*", "consider*")

# ------------------------------------------------------------------ place and actor
BORDER = ()
BORDER_LEADS = ("along", "near", "at", "on", "close to")
BORDER_NOUNS = ("border(s)?",)
BORDER_ADJECTIVES = ()
PLACE_PHRASES = ("Baltic states",)
NOT_PLACES = ("The", "A", "We", "He", "She", "They", "It")
ACCORDING = ("according",)
ADDITIONAL = ()
RELATIVE_PRONOUNS = ("that", "which")
ESTIMATE_VERBS = ("says*", "said*", "estimat+", "believ+", "think*", "thought*", "claim*")
GENITIVE_ARMIES = ("army", "forces", "armed forces", "navy")
BY_AGENT = ("by",)
