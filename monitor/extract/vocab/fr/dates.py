"""French date words: days relative to the article's day by offset, those relative to
the event just told, and the words that point a weekday back or forward. Data only;
months and weekdays are in `monitor.extract.lexicon`, the grammar in
`monitor.extract.dates`. Apostrophes in both forms (' and ’), as copy writes them."""

# Days relative to the article's day, by offset: "hier" is one day before.
DAYS_BEFORE_2 = ("avant-hier",)
DAYS_BEFORE_1 = ("hier",)
SAME_DAY = (
    "aujourd'hui",
    "aujourd’hui",
    "ce jour",
    "ce matin",
    "ce soir",
    "cet après-midi",
    "dans quelques heures",
    "plus tard dans la journée",
    "plus tôt dans la journée",
    "quelques heures plus tôt",
)
DAYS_AFTER_1 = ("demain",)
DAYS_AFTER_2 = ("après-demain",)
# Relative to the event just told, not to the article's day: "La veille, ...".
ANCHORED_DAY_BEFORE = ("la veille",)
ANCHORED_SAME_DAY = ("le même jour", "ce même jour")
ANCHORED_DAY_AFTER = ("le lendemain",)
# Around a weekday: "ce lundi", "samedi dernier", "lundi prochain", "mardi soir".
WEEKDAY_THIS = ("ce", "cette")
WEEKDAY_PAST_BEFORE = ()
WEEKDAY_PAST_AFTER = ("dernier", "passé")
WEEKDAY_NEXT_BEFORE = ()
WEEKDAY_NEXT_AFTER = ("prochain",)
WEEKDAY_TIME_AFTER = ("soir", "matin", "après-midi")
# Before a day and month: "le 24 janvier", "ce lundi 24 janvier".
DATE_DETERMINERS = ("ce", "cette", "le")
DAY_OF_MONTH = ()
# "ce 24 janvier" names the article's own day (French for "today, the 24th").
TODAY_DETERMINERS = ("ce",)
