"""English vocabulary of the extractors: data only, one module per subject (as spaCy's
`lang/en/`), in the phrase syntax of `monitor.extract.vocab`. Every language package
defines the same names; an empty tuple says the language has no such words."""

from monitor.extract.vocab.en.contacts import *  # noqa: F403
