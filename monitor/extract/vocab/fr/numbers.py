"""French number words: numerals (read by text2num), multipliers, approximate nouns
("une centaine"), vague amounts ("des dizaines de milliers") and the qualifiers before a
number ("environ", "jusqu'à", "plus de"). Data only; apostrophes in both forms (' and ’),
as copy writes them. The grammar is in `monitor.extract.numbers`."""

# Numerals, read together ("trois mille cinq cents") and valued by text2num.
NUMBER_WORDS = (
    "zéro",
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "cents",
    "mille",
    "million",
    "millions",
    "milliard",
    "milliards",
)
# Numerals joined: "vingt et un".
NUMBER_JOINS = ("et",)
# Alone, no number ("un", "une"); English reads its "a" / "one" before a numeral as one.
NUMBER_ONE = ("un", "une")
NUMBER_LEADS = ()
# After digits: "1,5 million", "8 mille".
TIMES_THOUSAND = ("mille",)
TIMES_MILLION = ("million", "millions")
TIMES_BILLION = ("milliard", "milliards")
# "une centaine de", "un millier d'", by value; "une dizaine de milliers".
APPROX_ARTICLES = ("un", "une")
ABOUT_10 = ("dizaine",)
ABOUT_12 = ("douzaine",)
ABOUT_15 = ("quinzaine",)
ABOUT_20 = ("vingtaine",)
ABOUT_30 = ("trentaine",)
ABOUT_40 = ("quarantaine",)
ABOUT_50 = ("cinquantaine",)
ABOUT_60 = ("soixantaine",)
ABOUT_100 = ("centaine",)
ABOUT_1000 = ("millier",)
ABOUT_THOUSANDS = ("de milliers",)
# "des dizaines de milliers", "plusieurs milliers", "quelques centaines".
VAGUE_DETERMINERS = ("des", "de", "plusieurs", "quelques", "nombreux", "nombreuses")
VAGUE_NOUNS = ("dizaines", "centaines", "milliers")
VAGUE_OF = ("de milliers", "de centaines de milliers")
VAGUE_FEW = ()
# Qualifiers right before a number.
APPROX = (
    "quelque",
    "environ",
    "près d'",
    "près d’",
    "près de",
    "presque",
    "approximativement",
    "à peu près",
    "autour de",
    "aux alentours de",
    "de l'ordre de",
    "de l’ordre de",
    "estimés à",
    "estimé à",
    "estimées à",
    "estimée à",
)
UP_TO = (
    "jusqu'à",
    "jusqu’à",
    "jusqu'a",
    "jusqu’a",
    "au maximum",
    "au plus",
    "moins de",
    "moins d'",
    "moins d’",
    "pas plus de",
)
MORE_THAN = (
    "plus de",
    "plus d'",
    "plus d’",
    "au moins",
    "bien plus de",
    "largement plus de",
    "plus d'un",
    "plus d'une",
    "plus d’un",
    "plus d’une",
)
# A range: "entre 8 et 10 000", "de 1 100 à 1 400".
RANGE_OPEN = ("entre", "de", "d'", "d’")
RANGE_JOIN = ("et", "à", "a", "ou")
# ...which join two numbers with no opener: "1 100 à 1 400", "2 ou 3 000".
RANGE_JOIN_ALONE = ("à", "ou")
