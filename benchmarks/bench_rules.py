#!/usr/bin/env python3
"""How fast do 1,000 match rules run over articles? Per-rule regexes against the rule
set's Aho-Corasick index.

    python benchmarks/bench_rules.py [--rules 1000] [--articles 500] [--rounds 5] [--seed 3]

Generates match rules (keywords, multi-word phrases, prefix*, any/all/not nesting,
title:, a few regexes) and ~3 KB French articles, then times (a) the naive path: for
each article, every rule's MatchRule.evaluate(Context(article=a)), i.e. one re.search of
each keyword's pattern on the folded text, and (b) monitor's path: the same with
Context(article=a, index=ruleset.index). Both must give exactly the same rule ids per
article (asserted). Prints articles/s for each (median of the rounds), the ratio, the
time to build the index, peak RSS, and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime

import _load

from monitor.article import Entry, normalize
from monitor.rules import Context, MatchRule, RuleSet
from monitor.textmatch import KeywordIndex


def make_articles(rng: random.Random, count: int) -> list:
    fetched = datetime(2026, 1, 15, tzinfo=UTC)
    out = []
    for i in range(count):
        entry = Entry(source=f"bench-{i % 20}", url=f"http://127.0.0.1/a/{i}.html",
                      title=_load.make_title(rng), text=_load.make_text(rng, 3000), language="fr")
        article = normalize(entry, fetched=fetched)
        assert article is not None
        out.append(article)
    return out


def run(rules: list[MatchRule], articles: list, index: KeywordIndex | None) -> list[list[str]]:
    """The naive path: every rule in turn, each keyword its own regex search."""
    result = []
    for a in articles:
        ctx = Context(article=a, index=index)
        result.append([m.rule for r in rules for m in r.evaluate(ctx)])
    return result


def run_indexed(ruleset: RuleSet, articles: list) -> list[list[str]]:
    """monitor's path, as the pipeline runs it: one automaton pass per field, the rules
    holding a keyword found (and those needing none), each decided by set lookups."""
    result = []
    index = ruleset.index
    for a in articles:
        ctx = Context(article=a, index=index)
        result.append([m.rule for r in ruleset.candidates(ctx) for m in r.evaluate(ctx)])
    return result


def decide(ruleset: RuleSet, articles: list) -> list[list[str]]:
    """Only which rules fire (no alert text built): the matching stage itself. With the
    index, RuleSet.candidates() leaves out every match rule whose expression fails."""
    result = []
    index = ruleset.index
    for a in articles:
        ctx = Context(article=a, index=index)
        result.append([r.id for r in ruleset.candidates(ctx)])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-articles", type=int, default=50,
                        help="articles of the slow baseline's single pass (timed and checked)")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    start = time.perf_counter()
    rules = [MatchRule.model_validate(spec) for spec in _load.make_rules(rng, args.rules)]
    t_compile = time.perf_counter() - start
    ruleset = RuleSet(rules=tuple(rules))
    articles = make_articles(rng, args.articles)
    mean_kb = statistics.mean(len(a.text.encode()) + len(a.title.encode()) for a in articles) / 1024
    keywords = [w for r in rules for w in r.keywords()]

    # Index build: median of fresh builds (RuleSet.index is cached, so build KeywordIndex).
    t_index, _ = _load.timed(lambda: KeywordIndex(keywords), 5)
    index = ruleset.index

    # The naive path costs ~0.1 s per article with 1,000 rules: it runs once, over the first
    # --baseline-articles articles, and that pass is both its timing and the check. Its
    # decision alone (no alert text) is timed the same way, on as many articles.
    sub = articles[: args.baseline_articles]
    start = time.perf_counter()
    naive = run(rules, sub, None)
    t_naive = time.perf_counter() - start
    start = time.perf_counter()
    naive_ids = [[r.id for r in rules if r.matches(Context(article=a))] for a in sub]
    t_naive_decide = time.perf_counter() - start
    indexed = run_indexed(ruleset, articles)  # also the warm-up of the timed rounds
    assert decide(ruleset, articles) == indexed
    assert naive_ids == naive
    mismatched = [i for i, (x, y) in enumerate(zip(naive, indexed[: len(sub)], strict=True)) if x != y]
    assert not mismatched, f"{len(mismatched)} articles differ, first {mismatched[0]}: " \
        f"naive {naive[mismatched[0]]} indexed {indexed[mismatched[0]]}"
    matches = sum(len(m) for m in indexed)

    t_indexed, _ = _load.timed(lambda: run_indexed(ruleset, articles), args.rounds)
    t_decide, _ = _load.timed(lambda: decide(ruleset, articles), args.rounds)
    naive_rate = len(sub) / t_naive
    naive_decide_rate = len(sub) / t_naive_decide
    indexed_rate = len(articles) / t_indexed
    decide_rate = len(articles) / t_decide
    ratio = indexed_rate / naive_rate
    decide_ratio = decide_rate / naive_decide_rate

    # Where monitor's time goes: fold, automaton scan, rule evaluation.
    from monitor.textmatch import fold

    t_fold, _ = _load.timed(lambda: [fold(a.text) for a in articles], args.rounds)
    folded = [fold(a.text) for a in articles]
    t_scan, _ = _load.timed(lambda: [index.search(f) for f in folded], args.rounds)

    target_rate, target_ratio = 5000, 200
    per = 1e3 / len(articles)
    print(f"rules: {len(rules)} ({len(keywords)} keywords, {len(index.keys)} distinct keys), "
          f"compiled in {t_compile:.2f} s; articles: {len(articles)} of {mean_kb:.1f} KB; "
          f"{matches / len(articles):.1f} rule matches per article")
    print(f"index build (KeywordIndex of {len(keywords)} keywords): {t_index * 1000:.1f} ms "
          f"(median of 5)")
    print("which rules fire (the matching stage):")
    print(f"  (a) naive, each rule in turn, one re.search per keyword: {naive_decide_rate:8.1f} "
          f"articles/s ({len(sub)} articles, {t_naive_decide:.1f} s)")
    print(f"  (b) monitor, automaton + rules holding a keyword found:   {decide_rate:8.1f} "
          f"articles/s (median of {args.rounds}); {decide_ratio:.0f}x")
    print(f"      of (b)'s {t_decide * per:.3f} ms per article: fold text {t_fold * per:.3f} ms, "
          f"automaton scan {t_scan * per:.3f} ms, the rules {(t_decide - t_fold - t_scan) * per:.3f} ms")
    print("the same, with each firing rule's alert built (evidence sentence, body):")
    print(f"  (a) naive:   {naive_rate:8.1f} articles/s ({len(sub)} articles, {t_naive:.1f} s)")
    print(f"  (b) monitor: {indexed_rate:8.1f} articles/s (median of {args.rounds}); {ratio:.0f}x")
    print(f"identical rule ids from (a) and (b) on the {len(sub)} articles both ran")
    print(f"target for matching: {target_rate} articles/s and {target_ratio}x: "
          f"{'met' if decide_rate >= target_rate else f'short by {target_rate / decide_rate:.1f}x'}"
          f" on rate, {'met' if decide_ratio >= target_ratio else f'short by {target_ratio / decide_ratio:.1f}x'}"
          f" on ratio")
    print(f"peak RSS: {_load.peak_rss_mb():.0f} MB")
    print(json.dumps({
        "rules": len(rules), "keywords": len(keywords), "articles": len(articles),
        "mean_kb": round(mean_kb, 2), "rounds": args.rounds,
        "index_build_ms": round(t_index * 1000, 2),
        "naive_decide_per_s": round(naive_decide_rate, 1), "decide_per_s": round(decide_rate, 1),
        "decide_ratio": round(decide_ratio, 1),
        "naive_per_s": round(naive_rate, 1), "indexed_per_s": round(indexed_rate, 1),
        "ratio": round(ratio, 1), "matches_per_article": round(matches / len(articles), 2),
        "fold_ms": round(t_fold * per, 3), "scan_ms": round(t_scan * per, 3),
        "identical": True, "checked_articles": len(sub), "peak_rss_mb": round(_load.peak_rss_mb(), 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
