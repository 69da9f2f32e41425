"""French words of leader contacts: contact words by mode, status cues, verb forms,
who is not a party. Data only, in the phrase syntax of `monitor.extract.vocab` (a
space, `~N` words between, `*`/`+` more letters, `(a|b)` alternatives, `?` optional,
`!(a|b)` not followed by, `^` the prefilter's key word)."""

# Articles, prepositions, pronouns and auxiliaries: never a phrase's key word for the
# cheap stem prefilter while the phrase has another.
FUNCTION_WORDS = (
    "pour",
    "vers",
    "sur",
    "dans",
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "de",
    "du",
    "d",
    "au",
    "aux",
    "à",
    "en",
    "par",
    "avec",
    "entre",
    "se",
    "s",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "a",
    "ont",
    "avait",
    "avaient",
    "est",
    "était",
    "étaient",
    "sont",
)

# ------------------------------------------------------------------ contact words
# By mode. *_OBJECT ones count only with a leader named right after them ("a reçu
# Olaf Scholz"; "a reçu le soutien de" is no meeting).

PHONE = (
    "(entretien|échange|conversation|appel|coup de fil|contact)(s)? (téléphonique(s)?|par "
    "téléphone|au téléphone|(par|en) visioconférence|vidéo)",
    "téléphon+",
    "visioconférence",
    "coup de fil",
    "au bout du fil",
    "(entretenu*|parlé|échangé|discuté|entretiendr+|entretenir|parler|échanger|entretient|"
    "entretiennent) ~2 (par|au) téléphone",
    "appel(s)? (avec|entre)",
    # "un appel à la paix", "l'appel de la communauté internationale": appeals.
    "(un|cet|son|leur|cette heure d') appel!(à|au|aux|de la communauté|de l'onu|de l' onu)",
    "(l'|d'|cette heure d')appel!(à|au|aux|de la communauté|de l'onu)",
)
PHONE_OBJECT = (
    "(a|ont|avait|avaient) appelé",
    "appel(er|le|lent|lera|leront|ait|aient|é|ée|és)",
)
VISIT = (
    "se rend(re|ra|ront|rait|raient|ent)? ~2 (à|en|au)",
    "s'(est|était) rendu(e)? ~2 (à|en|au)",
    "se sont rendus ~2 (à|en|au)",
    "^(visite|voyage|déplacement)(s)? (officiel(le)? |d'(é|e)tat )?(à|en|au)",
    "en visite",
    "visiter",
    "visite(s)?",
    "arriv* ~2 (à|en|au)",
    "attendu(e)?(s)? ~2 (à|en|au)",
    "en route (pour|vers)",
    "(est|sont|était|étaient) venu(e)?(s)? (à|en|au)",
    "échange(r)? (de )?visites",
)
MEETING = (
    "rencontr+",
    "se retrouv+",
    "retrouvera*",
    "sommet(s)?",
    "tête-à-tête",
    "réunion(s)?",
    "dîn(er|é|ée|és|ent|era|eront|ait|aient|ant|e)",
    "entrevue(s)?",
    "(s'est|s'était|s'étaient|se sont|se) réuni* ~3 avec",
)
MEETING_OBJECT = (
    "reçu(e)?(s)?",
    "recevra*",
    "reçoi(s|t|vent)",
    "recevoir",
    "accueill+",
)
# Words between a contact verb and its object, one word each: articles, titles, days,
# adverbs ("a reçu lundi le chancelier Olaf Scholz").
OTHER_EVENTS = (
    "investiture",
    "élection(s)?",
    "anniversaire",
    "signature",
    "obsèques",
    "référendum",
)
# (and the weekdays, from lexicon.WEEKDAYS)
OBJECT_GAP = (
    "le",
    "la",
    "l",
    "les",
    "son",
    "sa",
    "leur",
    "d",
    "de",
    "du",
    "au",
    "aux",
    "à",
    "en",
    "par",
    "président",
    "présidente",
    "chancelier",
    "chancelière",
    "premier",
    "première",
    "ministre",
    "roi",
    "reine",
    "chef",
    "homologue",
    "dirigeant",
    "dirigeante",
    "prince",
    "héritier",
    "émir",
    "cheikh",
    "allié",
    "voisin",
    "m.",
    "m",
    "mme",
    "dr",
    "hier",
    "aujourd",
    "hui",
    "ce",
    "cet",
    "cette",
    "matin",
    "soir",
    "nouveau",
    "nouvelle",
    "longuement",
    "brièvement",
    "également",
    "déjà",
    "er",
)
# Talks, mode unknown ("s'est entretenu avec").
TALK = (
    "s'entret+",
    # Not "entretenir le dialogue / de bonnes relations": keeping up, no contact.
    "entreten+!(les pourparlers|le dialogue|de bonnes relations|des relations|les relations|"
    "le contact|des liens|l'espoir|le flou)",
    "entretien(s)?",
    "se parler*",
    "conversation(s)?",
    "échang+ ~1 avec",
    "discussion(s)? (avec|entre)",
    "pourparlers",
    "parl(é|e|es|er|ait|aient|ent|era|eront|erait|eraient|ant|ons|ez) ~4 avec",
    "parlé à",
    "(s'est|se sont|s'étaient) parlé",
    "discut+ avec",
    "contacts avec",
    # "un échange musclé entre X et Y", "le dialogue entre les deux présidents"
    "(échange|entretien|dialogue)(s)? ~1 entre",
    "(ont|avaient) (discuté|échangé)",
    "négociations (avec|entre)",
)
# The pair as subject, no object: "Poutine et Macron se sont parlé pendant deux heures".
TALK_OBJECT = ()
# Before a contact noun: keeping talks going, no contact ("entretenir les pourparlers").
KEEP_UP = ("entreten(ir|u|ue|ant)", "maint(enir|ient|iennent|enu)", "poursuivre")
PAIR_TALK = ("se sont parlé", "se sont entretenus")
# Said by an office of its leader in the first person ("j'ai remercié le président X"):
# a contact only there.
FIRST_PERSON = (
    "(ai|avons) remercié",
    "(ai|avons) félicité",
)
# (and the weekdays)
PAIR_TALK_NEXT = (
    "pendant",
    "durant",
    "longuement",
)
# Words said to a leader ("a assuré à son homologue"): an exchange of the two.
TOLD = (
    "dit",
    "déclaré",
    "assuré",
    "réassuré",
    "rappelé",
    "confirmé",
    "réaffirmé",
    "affirmé",
    "promis",
    "expliqué",
    "répété",
    "indiqué",
    "garanti",
    "demandé",
)
# What must follow a TOLD verb (after a few TOLD_GAP words) to name the one told.
TOLD_TO = ("à", "au")
# (and the weekdays)
TOLD_GAP = (
    "hier",
    "aussi",
    "également",
    "notamment",
    "encore",
    "alors",
    "lui",
    "elle",
    "personnellement",
    "directement",
)
# A demand with an infinitive is an appeal ("a demandé à Poutine de retirer...").
DEMAND = ("demandé",)
DEMAND_INFINITIVE = ("de", "d'")
# Nouns of a contact after a possessive ("la visite de Scholz"): the owner takes part.
CONTACT_NOUNS = (
    "visite",
    "visites",
    "appel",
    "appels",
    "entretien",
    "entretiens",
    "rencontre",
    "rencontres",
    "sommet",
    "sommets",
    "voyage",
    "voyages",
    "déplacement",
    "déplacements",
    "réunion",
    "réunions",
    "conversation",
    "conversations",
    "échange",
    "échanges",
    "tête-à-tête",
    "dîner",
    "pourparlers",
)
# Before a noun: "sa visite", "une rencontre", "cette réunion".
DETERMINERS = (
    "le",
    "la",
    "les",
    "un",
    "une",
    "sa",
    "son",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "du",
    "des",
)
# Before a contact noun: it is still to come ("avant sa visite").
AHEAD = ("avant", "en amont d(e|u|es|')", "à la veille d(e|u|es|')")
# Before a contact noun as the purpose of what is told ("pour un dîner avec X").
PURPOSE_LEAD = ("pour", "en vue d(e|u|es|')")
# After a contact noun: the contact is to take place ("la visite, prévue jeudi").
TO_TAKE_PLACE = (
    "prévu(e)?(s)?",
    "programmé(e)?(s)?",
    "envisagé(e)?(s)?",
    "évoqué(e)?(s)?",
    "annoncé(e)?(s)?",
    "aura lieu",
    "auront lieu",
    "(pourrait|pourraient|devrait|devraient) avoir lieu",
    "se tiendr*",
    "à l'étude",
    "sur la table",
    "à venir",
)
# "le premier dirigeant à rencontrer X": the tense is the copula's.
FIRST_TO = ("premier", "première", "seul", "seule", "dernier", "dernière")
# Later on the day of publication: a contact told in the present is still to come.
LATER_TODAY = ("soir", "ce soir", "dans la soirée", "cet après-midi", "dans l'après-midi")
GLAD = ("heureux", "heureuse", "ravi(e)?(s)?")
# Verbs before "to" (English) whose infinitive is no purpose; French says "pour".
NOT_PURPOSE = ()
INFINITIVE_TO = ("à",)
# Simple past main verbs (English): French reports in the passé composé instead.
SIMPLE_PAST = ()
# "les deux dirigeants": the pair of the contact told before.
ANAPHOR = (
    "les ^deux (dirigeants|chefs d'(é|e)tat|présidents|hommes|leaders)",
    "les ^(deux )?parties",
)

# Before a mode word, a channel: "via videoconference" is how, not a contact.
CHANNEL = ("via",)

# ------------------------------------------------------------------ status cues
NEGATION = (
    "sans",
    "refus*",
    "rejet*",
    "exclu*",
    "aucun*",
    "annul+",
    "report* sine die",
    "enterr+",
    "abandonn+",
)
# A verb negated by "ne ... pas": the particles and the closing words.
NEGATION_OPEN = ("n'", "ne")
NEGATION_CLOSE = ("pas", "plus", "jamais", "point")
# Double negatives that make a contact possible: "n'exclut pas de rencontrer".
NOT_EXCLUDED = (
    "n'exclu+ pas",
    "ne pas exclure",
    "n'a pas exclu",
    "n'ont pas exclu",
)
PLANNED = (
    "va",
    "vont",
    "allait",
    "allaient",
    "doit",
    "doivent",
    "devait",
    "devaient",
    "devrait",
    "devraient",
    "devra",
    "devront",
    "aura",
    "auront",
    "attendu(e)?(s)?",
    "prévu(e)?(s)?",
    "prévoi*",
    "envisag*",
    "projet*",
    "compte",
    "comptent",
    "souhait*",
    "veut",
    "veulent",
    "voudrait",
    "espère*",
    "propos*",
    "invit*",
    "convenu",
    "décid* de",
    "accept* de",
    "prochain(e)?(s)?",
    "prochainement",
    "bientôt",
    "à venir",
    "d'ici",
    "aura lieu",
    "auront lieu",
    "se tiendr*",
    "possibilité",
    "possible",
    "pourrai*",
    "pourra",
    "pourront",
    "tenue",
    "futur(e)?",
    "sera",
    "seront",
    "serait",
    "seraient",
    "en route (pour|vers)",
    "accept* le principe",
    "d'accord pour",
)
# An offer or a demand is no contact: "propose d'accueillir", "réclame un sommet".
PROPOSAL = ("proposé", "propose", "proposait", "invité", "invite")
PROPOSAL_TO = ("de", "d'", "à")
DEMAND_CONTACT = ("demand*", "réclam*", "appel* à")

# ------------------------------------------------------------------ verb forms
# Future and conditional endings of a contact verb ("rencontrera", "se rendraient").
FUTURE_ENDINGS = (
    "dra",
    "dront",
    "drait",
    "draient",
    "era",
    "eront",
    "erait",
    "eraient",
    "vra",
    "vront",
    "vrait",
    "vraient",
)
# Contact verbs in the infinitive, which take the tense of what governs them.
INFINITIVES = (
    "rencontrer",
    "rendre",
    "recevoir",
    "visiter",
    "entretenir",
    "parler",
    "échanger",
    "appeler",
    "téléphoner",
    "accueillir",
)
# Auxiliaries before a past participle ("a rencontré", "s'est rendu", "est allé").
AUXILIARIES = (
    "a", "ont", "avait", "avaient", "eut", "s'est", "se sont", "s'était", "s'étaient",
    "ayant", "est", "sont", "était", "étaient",
)  # fmt: skip
# ...that make a main verb past ("a défendu", "s'est entretenu").
PAST_AUXILIARIES = ("a", "ont", "avait", "avaient", "s'est", "se sont", "s'était", "s'étaient")
PLUPERFECT_AUXILIARIES = ("avait", "avaient", "s'était", "s'étaient")
# English main verbs in the past; French tells them with PAST_AUXILIARIES.
MAIN_PAST = ()
NARRATIVE_PAST = ()
PROGRESSIVE = ()
# "avant de s'entretenir", "après": what follows takes the main verb's tense.
SEQUENTIAL = ("avant de", "avant d'", "après")
AFTER = ("après",)
# An infinitive of the past: "après avoir rencontré".
PAST_INFINITIVE = ("avoir", "s'être", "être")
# What opens an infinitive of the future: "de rencontrer", "doit se rendre".
INFINITIVE_LEADS = (
    "de", "d'", "à", "pour", "va", "vont", "doit", "doivent", "devrait", "devraient",
    "pourrait", "pourraient",
)  # fmt: skip
# After a comma, what ends the first contact's objects: ", et le chancelier a dit".
COORDINATION = (
    "et", "mais", "tandis qu", "alors qu", "après", "avant", "lorsque", "quand", "qui",
)  # fmt: skip
# What separates two contact words into two contacts.
EVENT_BREAK = ("et", "puis", "avant", "après", "tandis")
# Before an infinitive, its purpose: "pour rencontrer".
PURPOSE = ("pour", "afin de", "afin d'")
COPULAS = ("est", "sont", "était", "étaient")
# A relative clause: "le chef de l'Etat, qui s'est réuni...".
RELATIVE = ("qui",)
# Simple past forms of contact verbs, held whatever follows.
PAST_FORMS = ()
# Present forms: the date, not the tense, decides held or planned.
PRESENT_FORMS = (
    "se rend",
    "se rendent",
    "s'entretient",
    "s'entretiennent",
    "rencontre",
    "rencontrent",
    "reçoit",
    "reçoivent",
    "accueille",
    "accueillent",
    "visite",
)
# Verbs that report a statement: a date after them dates the statement.
REPORTING = (
    "annoncé",
    "déclaré",
    "indiqué",
    "précisé",
    "affirmé",
    "assuré",
    "expliqué",
    "rapporté",
    "confirmé",
    "dit",
    "ajouté",
    "souligné",
    "estimé",
    "fait savoir",
    "à la presse",
    "aux journalistes",
)

# ------------------------------------------------------------------ who is not a party
# "l'envoyé de Macron", "le porte-parole du Kremlin": someone's agent, not the leader.
AGENTS = (
    "représentant(e)?",
    "envoyé(e)?",
    "émissaire",
    "conseiller",
    "conseillère",
    "porte-parole",
    "ministre",
    "ambassadeur",
    "ambassadrice",
    "entourage",
    "proche",
    "gouvernement",
    "administration",
    "régime",
    "cabinet",
    "camp",
    "parti",
    "bureau",
    "service",
    "fils",
    "fille",
    "épouse",
    "femme",
    "mari",
    "frère",
    # "Loukachenko, allié de Poutine": named beside, not a party.
    "allié(e)?",
    "partenaire",
    "rival(e)?",
    "adversaire",
    "successeur",
    "prédécesseur",
    "protégé(e)?",
)
# Titles before a name ("le président russe Vladimir Poutine").
TITLES = (
    "président",
    "présidente",
    "chancelier",
    "chancelière",
    "premier ministre",
    "première ministre",
    "ministre",
    "roi",
    "reine",
    "chef de l'Etat",
    "chef de l'État",
    "homologue",
)
# "selon Macron", "au nom de Biden": the leader is a source, not a party.
ATTRIBUTION = ("selon", "d'après", "au nom de", "à la demande de")
# Where a summit is only the setting: "lors du sommet, Biden a appelé...".
SETTING = ("lors d(u|e|')", "au", "en marge d(u|e|')", "avant le", "après le")
# Attending a summit is no meeting of two.
ATTENDING = (
    "attend*",
    "particip*",
    "assist*",
    "pris part",
    "invité(e)?(s)?",
    "convié(e)?(s)?",
    "(feront|font|fera|fait) partie",
)
# Before a destination: "la ville meurtrie de Kharkiv" is still Kharkiv.
PLACE_MODIFIERS = ("ravagé(e)?", "assiégé(e)?", "meurtri(e)?")
CAPITAL = ("capitale",)
# A city held by another state is no visit to its country's leader.
OCCUPIED = (
    "occupé(e)?(s)?",
    "annexé(e)?(s)?",
    "occupation",
    "annexion",
)
