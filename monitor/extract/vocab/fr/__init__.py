"""French vocabulary of the extractors: data only, one module per subject (as spaCy's
`lang/fr/`), in the phrase syntax of `monitor.extract.vocab`. Every language package
defines the same names; an empty tuple says the language has no such words."""

from monitor.extract.vocab.fr.contacts import *  # noqa: F403
from monitor.extract.vocab.fr.dates import *  # noqa: F403
from monitor.extract.vocab.fr.numbers import *  # noqa: F403
from monitor.extract.vocab.fr.troops import *  # noqa: F403
