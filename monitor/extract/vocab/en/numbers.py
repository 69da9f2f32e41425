"""English number words: numerals (read by text2num), multipliers, approximate nouns
("a dozen"), vague amounts ("tens of thousands") and the qualifiers before a number
("about", "up to", "more than"). Data only; the grammar is in `monitor.extract.numbers`."""

NUMBER_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "millions",
    "billion",
)
NUMBER_JOINS = ("and",)
NUMBER_ONE = ("one", "a", "an")
# Read as "one" before a numeral: "a thousand", "one hundred".
NUMBER_LEADS = ("a", "an", "one")
TIMES_THOUSAND = ("thousand",)
TIMES_MILLION = ("million", "millions")
TIMES_BILLION = ("billion", "billions")
APPROX_ARTICLES = ("a",)
ABOUT_10 = ()
ABOUT_12 = ("dozen",)
ABOUT_15 = ()
ABOUT_20 = ()
ABOUT_30 = ()
ABOUT_40 = ()
ABOUT_50 = ()
ABOUT_60 = ()
ABOUT_100 = ()
ABOUT_1000 = ()
ABOUT_THOUSANDS = ()
VAGUE_DETERMINERS = ("many", "several", "a few")
VAGUE_NOUNS = ("tens", "hundreds", "thousands", "dozens")
VAGUE_OF = ("of thousands", "of hundreds of thousands")
# "several hundred", "a few thousands".
VAGUE_FEW = ("(several|a few) (hundred|thousand)(s)?",)
APPROX = (
    "some",
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "close to",
    "an estimated",
    "estimated at",
    "put at",
    "estimated",
    "circa",
    "~",
)
UP_TO = (
    "up to",
    "as many as",
    "a maximum of",
    "at most",
    "fewer than",
    "less than",
    "no more than",
)
MORE_THAN = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
    "well over",
)
RANGE_OPEN = ("between", "from")
RANGE_JOIN = ("and", "to", "or")
RANGE_JOIN_ALONE = ("to", "or")
