"""monitor: a self-hosted news alert daemon.

Polls news sources, archives every new article in the seed format, extracts troop
figures and leader contacts, runs YAML rules over them and delivers alerts through
apprise. See README.md and SPEC.md for the contract.
"""

__version__ = "0.1.0"
