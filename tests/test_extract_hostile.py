"""Hostile text for the extractors: long runs of spaces (plain, no-break, tabs) around
every contact word must not make a pattern backtrack for seconds. A told verb's
pattern once took 44 s on a 391-character sentence and hours on a full one.

An alarm fails the test within seconds instead of letting a regression hang the run;
how fast extraction is otherwise is measured in benchmarks/, not here.
"""

from __future__ import annotations

import datetime as dt
import re
import signal

import pytest

from monitor.extract import contacts, extract, vocab

DAY = dt.date(2024, 3, 14)


def _samples() -> list[str]:
    """A text for each contact phrase of every language (gaps empty, '*' as 'ait')."""
    out = []
    for key, _, _ in contacts._TRIGGER_KEYS:
        for phrase in vocab.words(key):
            for e in vocab._expand(vocab.parse(phrase).nodes):
                out.append(re.sub(r"\s+", " ", e.replace("\x01", "ait").replace("\x02", "")))
    return sorted(set(out))


@pytest.fixture
def alarm():
    def fail(signum, frame):
        raise TimeoutError("extraction backtracked for seconds")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\t"], ids=["space", "nbsp", "tab"])
def test_runs_of_whitespace_around_contact_words_stay_fast(alarm, space):
    run = space * 300
    for sample in _samples():
        words = sample.split()
        text = (
            "Emmanuel Macron a rencontré Olaf Scholz et "
            + run.join(words)
            + run
            + "Vladimir"
            + run
            + "Poutine"
            + run
            + "Xx"
            + run
            + "zz."
        )
        extract(text[:1500], DAY)  # one sentence, at most MAX_SENTENCE long


def test_told_with_spaces_still_finds_the_one_told(alarm):
    facts = extract("Emmanuel Macron a assuré   mardi   à Olaf Scholz son soutien.", DAY)
    assert [c.leaders for c in facts.contacts] == [("Emmanuel Macron", "Olaf Scholz")]
