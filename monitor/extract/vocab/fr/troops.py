"""French words of troop figures: troop nouns, what makes a figure a tally (casualties,
capacities, exercises), call-ups, a contingent's change, movement words by status.
Data only, in the phrase syntax of `monitor.extract.vocab`; the grammar that joins them
(gaps, lookarounds, the number before the noun) is in `monitor.extract.troops`."""

# ------------------------------------------------------------------ troop nouns
# Right after a number: "8 500 militaires", "des milliers de soldats". `^` keys the
# stem prefilter on the word a text is most likely to carry ("casques bleus").
TROOP_NOUNS = (
    "soldat(s)?",
    "militaires",
    "troupe(s)?",
    "parachutistes",
    "marines",
    "réservistes",
    "fantassins",
    "commandos",
    "légionnaires",
    "^casques bleus",
    "^gardes-frontières",
)
# Soldiers only in a sentence about the military, or after a call-up ("hommes").
TROOP_NOUNS_NEEDING_CONTEXT = ("hommes",)
# Soldiers only right after a call-up: "la mobilisation de 300 000 personnes".
CALLED_UP_NOUNS = ("personnes",)
# Makes a TROOP_NOUNS_NEEDING_CONTEXT noun a soldier, anywhere in the sentence (prefixes:
# "déploiement", "rassemblés").
MILITARY_CONTEXT = (
    "troupe*",
    "soldat*",
    "militaire*",
    "armée*",
    "déplo*",
    "alerte*",
    "frontière*",
    "otan*",
    "force(s)?",
    "pentagone*",
    "défense*",
    "massé*",
    "rassembl*",
    "contingent*",
)
# Words between a number and its noun: "3 000 nouveaux soldats".
FILLER_WORDS = ("nouveaux", "autres", "supplémentaires", "et")
# Before them: "le nombre de ses soldats", "de leurs".
FILLER_LEADS = (
    "le nombre (de ses|de leurs|de|d')",
    "de ses",
    "de leurs",
    "de",
    "d'",
    "des",
)
# A figure after its noun: "des troupes estimées à 100 000 hommes", "fortes de".
FIGURE_AFTER_LEADS = (
    "au nombre de",
    "estimé(e)?(s)? à",
    "évalué(e)?(s)? à",
    "chiffré(e)?(s)? à",
    "forte(s)? de",
    "fort(s)? de",
)
# What a number right after a troop noun counts when it is no troop figure.
UNITS = (
    "km",
    "kilom*",
    "%",
    "pour( )?cent",
    "heure(s)?",
    "ans",
    "jour(s)?",
    "euro(s)?",
    "€",
    "tonne(s)?",
    "mètre(s)?",
)

# ------------------------------------------------------------------ tallies, not movements
# After the troop noun: casualties, prisoners and detainees, evacuees, trainees.
CASUALTY_AFTER = (
    "tué(s)?",
    "mort(s)?",
    "blessé(s)?",
    "tombés",
    "disparus",
    "capturés",
    "fait(s)? prisonniers",
    "prisonniers",
    "péri",
    "succombé",
    "ont perdu la vie",
    "arrêtés",
    "interpellés",
    "détenus",
    "emprisonnés",
    "incarcérés",
    "inculpés",
    "condamnés",
    "jugés",
    "relâchés",
    "échangés",
    "évacués",
    "formés",
    "entraînés",
    "en formation",
    "soupçonnés",
    "accusés",
)
# Before the quantity: "la mort de", "l'inculpation des", "la fuite de milliers
# d'hommes" (men fleeing a call-up).
CASUALTY_BEFORE = (
    "mort",
    "morts",
    "décès",
    "perte(s)?",
    "dépouilles",
    "capturé",
    "libération",
    "échange",
    "form(er|é|ation)",
    "entraîner",
    "tué",
    "blessé",
    "inculpation",
    "procès",
    "arrestation",
    "détention",
    "condamnation",
    "évacuation",
    "fuite",
    "exode",
)
# A capacity: "capable d'accueillir 4 000 soldats".
CAPACITY_LEADS = ("capable d'", "pouvant", "peut", "peuvent", "capacité d'")
CAPACITY_VERBS = ("accueillir", "héberger", "loger", "recevoir", "abriter", "transporter")
# An exercise or a parade is no movement: "ces manœuvres, qui mobilisent 7 000 soldats".
EXERCISE_NOUNS = (
    "exercice(s)?",
    "manœuvres",
    "manoeuvres",
    "entraînement(s)?",
    "défilé(s)?",
    "parade(s)?",
)
# After the noun: "4 000 militaires ont défilé", "pour tester la réactivité".
PARADE_AFTER = ("(ont |vont )?défil+",)
READINESS_TEST = ("(pour|afin de) tester ~2 (capacité(s)?|préparation|réactivité)",)
# "5 000 soldats participeront aux manœuvres".
PARTICIPATION = ("particip+", "(prendront|prennent|prendre|ont pris) part")
PARTICIPATION_IN = ("à", "aux", "dans")
# A call-up makes "hommes", even "personnes", soldiers: "la mobilisation partielle de".
CALL_UP = ("mobilis*", "conscri*", "enrôl*", "recrut*")
CALL_UP_ADJECTIVES = ("militaire", "partielle", "générale", "forcée", "massive")
# A contingent's change: "le nombre de soldats doit passer de 1 000 à 1 300".
CHANGE_VERBS = (
    "pass+",
    "augment+",
    "grimp+",
    "mont+",
    "port+",
    "réduit*",
    "réduire",
    "ramen+",
    "baiss+",
    "diminu+",
)
# ...already made: "est passé de".
CHANGE_DONE = ("a", "ont", "est", "sont", "avait", "était")

# ------------------------------------------------------------------ the actor
# A party named after the figure as the source: ", assure l'armée taïwanaise".
TROOP_REPORTING = (
    "assure",
    "affirme",
    "indique",
    "annonce",
    "précise",
    "rapporte",
    "selon",
    "a (assuré|affirmé|indiqué|annoncé|précisé)",
)
ARMY_WORDS = ("armée", "ministère( de la défense)?", "état-major", "gouvernement")
# A locative pronoun places a standing force: "la Russie y dispose d'une force de".
LOCATIVE_BEFORE = ("y",)
LOCATIVE_AFTER = ()
# What separates two figures' clauses, besides punctuation.
CLAUSE_CONJUNCTIONS = ("alors", "tandis", "mais", "quand", "lorsque", "où")

# ------------------------------------------------------------------ status
# The nearest movement word gives the status; prefixes end on `*` ("retrait*":
# "retraite").
STATUS_ALERT = (
    "en (état d'|état de )?(alerte|pré(-)?alerte)*",
    "(mis|placé(s)?) en alerte*",
    "en attente*",
    "en stand(-)?by*",
    "état de préparation*",
    "prêt(e)?(s)? à être déployé(e)?s*",
    "mobilis+",
)
STATUS_WITHDRAWN = (
    "retir+",
    "retrait*",
    "rapatri+",
    "quitt+",
    "désengag+",
    "rentrer*",
    "rentrés*",
    "regagn+",
)
STATUS_MASSED = (
    "mass(é|és|ée|ées|er|ent|ait|aient|e)",
    "rassembl+",
    "concentr+",
    "amass+",
    "accumul+",
    "regroup+",
    "réuni(s|es)?",
    "réunir*",
    # Troops that encircle, not troops besieged ("la ville encerclée").
    "encercl(ent|ant|ait|aient|er|era|eront|èrent|é)",
)
# Massed unless passive ("when the city was surrounded"): after no PASSIVE_AUXILIARIES.
STATUS_MASSED_ACTIVE = ()
PASSIVE_AUXILIARIES = ()
STATUS_DEPLOYED = (
    "envo(i|ie|ient|yer|yé|yée|yés|yées|iera|ieront|yait|yaient|yant)",
    "enverr+",
    "déplo+",
    "redéplo+",
    "dépêch+",
    "arriv+",
    "stationn+",
    "débarqu+",
    "renfort(s)?",
    "positionn+",
    "postés*",
    "installés*",
    "transférés*",
    "en route*",
    "rejoin+",
    "présent(s)? (en|à|au|aux|dans|sur)*",
    "accueill+",
    "achemin+",
    "transfér+",
    "envahi*",
    "entrés (en|dans)*",
)
# A modal or planning word before a deployment verb makes it considered ("pourrait
# décider d'envoyer").
MODAL = (
    "envisag+",
    "option(s)?",
    "pourr+",
    "éventuel*",
    "prêt(e)?(s)? à",
    "demand*",
    "réclam*",
    "examin+",
    "étudi+",
    "réfléchi*",
    "n'exclu+ pas",
    "possible",
    "menace d'",
)
# Considered even with no movement word: "Paris envisage l'envoi de 1 000 soldats".
CONSIDERED_ALONE = (
    "envisag+",
    "option(s)?",
    "étudi+",
    "pourrai(t|ent) (être )?(envoy|déploy)*",
)

# ------------------------------------------------------------------ place and actor
# A border, whole ("à la frontière"), or a lead and a border noun with up to two names
# between ("along the Russian border"); then maybe a neighbour's adjective.
BORDER = (
    "au(x)? frontière(s)?",
    "à la frontière",
    "le long (de la frontière|des frontières)",
    "près (de la frontière|des frontières)",
    "non loin de la frontière",
)
BORDER_LEADS = ()
BORDER_NOUNS = ()
BORDER_ADJECTIVES = ("ukrainienne", "russe", "biélorusse", "polonaise")
# Places in lower case, beside the capitalised names.
PLACE_PHRASES = ("pays baltes",)
# Capitalised words that open no place name ("en Le ...", "à Moscou" is the capital's
# own reading, not a deployment's place).
NOT_PLACES = (
    "Le",
    "La",
    "Les",
    "Un",
    "Une",
    "Selon",
    "Pour",
    "Mais",
    "Il",
    "Elle",
    "Ils",
    "Moscou",
)
# No place after a source: "selon Kiev".
ACCORDING = ("selon",)
# "3 000 soldats supplémentaires que la Russie..."
ADDITIONAL = ("supplémentaires",)
RELATIVE_PRONOUNS = ("que", "qu'")
# Who counts rather than sends: "les militaires que Washington estimait massés".
ESTIMATE_VERBS = ("estim+", "affirm+", "pens+", "croit*", "croyait*", "juge*", "dit*", "disait*")
# The army in a genitive: "soldats de l'armée russe".
GENITIVE_ARMIES = ("armée", "forces( armées)?", "marine")
# The agent of a passive: "... déployés par la Russie".
BY_AGENT = ("par",)
