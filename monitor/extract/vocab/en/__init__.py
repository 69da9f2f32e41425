"""English vocabulary of the extractors: data only, one module per subject (as spaCy's
`lang/en/`), in the phrase syntax of `monitor.extract.vocab`. Every language package
defines the same names; an empty tuple says the language has no such words."""

from monitor.extract.vocab.en.contacts import *  # noqa: F403
from monitor.extract.vocab.en.dates import *  # noqa: F403
from monitor.extract.vocab.en.numbers import *  # noqa: F403
from monitor.extract.vocab.en.troops import *  # noqa: F403
