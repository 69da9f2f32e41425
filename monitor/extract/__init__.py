"""Fact extraction: troop figures and leader contacts from French and English news text.

    >>> import datetime as dt
    >>> facts = extract("Washington a placé jusqu'à 8 500 militaires en état d'alerte.",
    ...                 dt.date(2022, 1, 24))
    >>> [(t.actor, t.count, t.qualifier, t.status) for t in facts.troops]
    [('United States', 8500, 'up_to', 'alert')]

Modules, one job each:

    article.py    extract(): reads an article sentence by sentence, dedups the facts
    facts.py      Facts, TroopFigure, Contact (the output records)
    sentences.py  sentence splitting (the unit of evidence)
    numbers.py    quantities: "jusqu'à 8 500", "entre 1.000 et 5.000", "trois mille"
    dates.py      article_date(), and date expressions resolved from the publication day
    lexicon.py    country names, capitals, institutions, demonyms (fr/en), months
    phrases.py    fast lookup of fixed phrases (names, places) over a tokenized text
    actors.py     actor mentions, with destinations told apart from actors
    gazetteer.py  the leaders gazetteer (data/leaders.json): people, dated terms, roles
    leaders.py    leader mentions: names, role phrases, homologues
    troops.py     troop figures of a sentence
    contacts.py   leader contacts of a sentence
    speaker.py    the implicit party of a release ("I spoke with X", "Call with X")
"""

from monitor.extract.article import extract
from monitor.extract.dates import article_date
from monitor.extract.facts import Contact, Facts, TroopFigure

__all__ = ["Contact", "Facts", "TroopFigure", "article_date", "extract"]
