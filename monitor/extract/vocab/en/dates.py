"""English date words: days relative to the article's day by offset, those relative to
the event just told, and the words that point a weekday back or forward. Data only;
months and weekdays are in `monitor.extract.lexicon`, the grammar in
`monitor.extract.dates`."""

DAYS_BEFORE_2 = ()
DAYS_BEFORE_1 = ("yesterday",)
SAME_DAY = (
    "today",
    "this morning",
    "tonight",
    "this afternoon",
    "earlier today",
    "later today",
    "this evening",
    "in a few hours",
    "within hours",
    "earlier in the day",
)
DAYS_AFTER_1 = ("tomorrow",)
DAYS_AFTER_2 = ()
ANCHORED_DAY_BEFORE = ("the day before",)
ANCHORED_SAME_DAY = ("the same day",)
ANCHORED_DAY_AFTER = ("the next day", "the following day")
WEEKDAY_THIS = ("this",)
WEEKDAY_PAST_BEFORE = ("last",)
WEEKDAY_PAST_AFTER = ()
WEEKDAY_NEXT_BEFORE = ("next",)
WEEKDAY_NEXT_AFTER = ()
WEEKDAY_TIME_AFTER = ()
DATE_DETERMINERS = ()
# "the 24th of January"
DAY_OF_MONTH = ("of",)
TODAY_DETERMINERS = ()
