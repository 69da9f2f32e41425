"""The command line: parse arguments, call the library, turn errors into one line.

Exit codes: 0 success; 1 bad input or a failure reported on stderr (a bad rule,
a source that failed in `once`, an undelivered test message); 2 usage errors.
No command prints a traceback unless --debug.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from monitor import __version__, seedformat
from monitor.config import load_settings, parse_duration
from monitor.errors import ConfigError, MonitorError

log = logging.getLogger("monitor")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from monitor.logs import setup_logging

    setup_logging(debug=args.debug, quiet=getattr(args, "quiet", False))
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except MonitorError as exc:
        print(f"monitor: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"monitor: unexpected error: {type(exc).__name__}: {exc} (run with --debug for details)",
            file=sys.stderr,
        )
        return 1


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="config file (default: $MONITOR_CONFIG, else config/monitor.yaml, else built-in)",
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="verbose logs and tracebacks",
    )
    parser = argparse.ArgumentParser(
        prog="monitor",
        parents=[common],
        description="Self-hosted news alert daemon: polls sources, extracts facts, alerts through apprise.",
    )
    parser.add_argument("--version", action="version", version=f"monitor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func: Any, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help, description=help)
        p.set_defaults(func=func)
        return p

    command("run", cmd_run, "poll every source on its schedule until SIGTERM; SIGHUP reloads")
    command("once", cmd_once, "one cycle: poll every source once, process, deliver, exit")
    command("check", cmd_check, "validate config and every rule file")
    p = command(
        "extract",
        cmd_extract,
        "print the facts found in article files, folders of them, feed files or URLs",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per article")
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p = command(
        "replay",
        cmd_replay,
        "dry run of articles (files, feeds, URLs or the stored ones) through the rules, "
        "fresh state",
    )
    p.add_argument(
        "--rules", type=Path, action="append", metavar="PATH", help="rule file or folder"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per alert")
    p.add_argument(
        "--stored", action="store_true", help="the articles the daemon has stored (no PATH)"
    )
    p.add_argument(
        "--since", metavar="WHEN", help="with --stored: published since (ISO date or 2h, 7d)"
    )
    p.add_argument("paths", nargs="*", metavar="PATH|URL")
    p = command(
        "show",
        cmd_show,
        "what monitor stored for one article (by link, archive file or seed file) and why",
    )
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.add_argument("what", metavar="URL|FILE")
    p = command("alerts", cmd_alerts, "list stored alerts, newest last")
    p.add_argument("--json", action="store_true", help="one JSON object per alert")
    p.add_argument("--since", metavar="WHEN", help="ISO date or time, or a duration ago (2h, 7d)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--pending", action="store_true", help="only alerts still to deliver")
    g.add_argument("--failed", action="store_true", help="only alerts that gave up on a target")
    command(
        "sources", cmd_sources, "each source: last poll, last success, items, errors, next poll"
    )
    p = command("export", cmd_export, "write stored articles to DIR in the seed format")
    p.add_argument("dir", type=Path, metavar="DIR")
    p = command(
        "notify-test", cmd_notify_test, "send a test message to every target (or those with TAG)"
    )
    p.add_argument("--tag", action="append", help="only targets with this tag")
    parser.set_defaults(config=None, debug=False)
    return parser


# -- commands -------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from monitor.daemon import run_daemon

    return run_daemon(args.config)


def cmd_once(args: argparse.Namespace) -> int:
    from monitor.daemon import load_all
    from monitor.pipeline import Pipeline
    from monitor.store import Store

    loaded = load_all(args.config)
    with Store(loaded.settings.database) as store:
        store.lock()
        store.release_claims(now=datetime.now(UTC))
        pipeline = Pipeline(loaded.settings, loaded.rules, store, loaded.notifier)
        report = asyncio.run(pipeline.run_once())
        pending = store.pending_count()
    print(
        f"polled {report.polled} sources ({len(report.failed)} failed), {report.new_articles} new articles, "
        f"{report.alerts} alerts, {report.delivered} delivered, {pending} pending delivery"
    )
    if report.failed:
        print(f"monitor: sources failed: {', '.join(report.failed)}", file=sys.stderr)
        return 1
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from monitor.daemon import load_all

    loaded = load_all(args.config)
    for rule in loaded.rules.rules:
        missing = loaded.notifier.unrouted_tags(rule.notify)
        if missing and loaded.notifier.targets:
            print(
                f"{rule.origin}: warning: rule {rule.id} notifies {', '.join(missing)}, "
                "which no target has",
                file=sys.stderr,
            )
    from monitor.extract.gazetteer import gazetteer

    for source in loaded.settings.sources:
        if source.speaker and gazetteer().named(source.speaker) is None:
            print(
                f"{loaded.settings.origin}: warning: source {source.name}: speaker "
                f"{source.speaker!r} is no leader the gazetteer knows by that name",
                file=sys.stderr,
            )
    for target in loaded.notifier.undeduplicated_matrix():
        print(
            f"{loaded.settings.origin}: note: notify target {target.label} logs in to Matrix "
            "with a password for each message, so a message resent after a crash shows "
            "twice; an access-token URL (matrix://TOKEN@host/#room) lets the homeserver "
            "drop the repeat",
            file=sys.stderr,
        )
    print(
        f"ok: {loaded.settings.origin}: {len(loaded.settings.sources)} sources, "
        f"{len(loaded.rules.rules)} rules in {len(loaded.rules.files)} files, "
        f"{len(loaded.notifier.targets)} notify targets"
    )
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from monitor.extract import extract
    from monitor.extract.offices import site_speaker
    from monitor.inputs import Skipped, load

    failed = found = 0
    for item in load(args.paths, http=_http_settings(args)):
        if isinstance(item, Skipped):
            print(f"warning: {item.message}", file=sys.stderr)
            continue
        if isinstance(item, MonitorError):
            print(str(item), file=sys.stderr)
            failed += 1
            continue
        found += 1
        article = item.article
        # As the daemon does: the local day of publication, the title beside the text,
        # and an office's own site naming who speaks.
        site = site_speaker(article.url, article.day)
        facts = extract(article.text, article.day, title=article.title, default_speaker=site)
        if args.json:
            print(
                json.dumps(
                    {
                        "article": item.label,
                        "published": article.day.isoformat(),
                        **facts.to_dict(),
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(_facts_text(item.label, article.day, facts))
    if not found and not failed:
        raise MonitorError("no article in " + ", ".join(args.paths))
    return 1 if failed else 0


def _http_settings(args: argparse.Namespace) -> Any:
    """The configured HTTP settings when a config can be loaded, else the defaults
    (`extract` and `replay` on files need no config at all)."""
    from monitor.config import HttpConfig
    from monitor.inputs import is_url

    if not any(is_url(p) for p in getattr(args, "paths", ())):
        return HttpConfig()
    return load_settings(args.config).http


def _facts_text(label: str, published: date, facts: Any) -> str:
    lines = [f"{label} ({published.isoformat()})"]
    for t in facts.troops:
        amount = (
            "?"
            if t.count is None
            else f"{t.count:,}" + (f"-{t.count_max:,}" if t.count_max else "")
        )
        lines.append(
            f"  troops   {t.actor or '?'}: {amount} ({t.qualifier}, {t.status})"
            f"{' in ' + t.location if t.location else ''}"
        )
        lines.append(f"           «{t.evidence}»")
    for c in facts.contacts:
        when = c.date.isoformat() if c.date else "date unknown"
        lines.append(
            f"  contact  {' - '.join(c.leaders)}: {c.mode or 'contact'}, {c.status}, {when}"
        )
        lines.append(f"           «{c.evidence}»")
    if len(lines) == 1:
        lines.append("  no facts")
    return "\n".join(lines)


def cmd_replay(args: argparse.Namespace) -> int:
    from monitor.replay import replay, stored_articles

    settings = load_settings(args.config)
    rule_paths = args.rules or settings.rules
    if args.stored == bool(args.paths):
        raise MonitorError("replay: give PATH|URL arguments or --stored, not both or neither")
    if args.since and not args.stored:
        raise MonitorError("replay: --since goes with --stored")
    failed = 0
    if args.stored:
        since = _parse_when(args.since) if args.since else None
        articles = stored_articles(settings.database, since=since)
    else:
        from monitor.inputs import Skipped, load

        articles = []
        for item in load(args.paths, http=settings.http):
            if isinstance(item, Skipped):
                print(f"warning: {item.message}", file=sys.stderr)
            elif isinstance(item, MonitorError):
                print(str(item), file=sys.stderr)
                failed += 1
            else:
                articles.append(item.article)
    alerts = replay(articles, rule_paths)
    for alert in alerts:
        if args.json:
            print(json.dumps(alert.to_json(), ensure_ascii=False))
        else:
            print(_alert_text(alert))
    if not args.json:
        print(f"{len(alerts)} alerts from {len(articles)} articles", file=sys.stderr)
    return 1 if failed else 0


def cmd_show(args: argparse.Namespace) -> int:
    from monitor.show import show

    settings = load_settings(args.config)
    return show(args.what, settings, as_json=args.json)


def cmd_alerts(args: argparse.Namespace) -> int:
    from monitor.store import Store

    settings = load_settings(args.config)
    since = _parse_when(args.since) if args.since else None
    status = "pending" if args.pending else "failed" if args.failed else None
    if not settings.database.exists():
        raise MonitorError(
            f"{settings.database}: no database yet (run `monitor once` or `monitor run`)"
        )
    with Store(settings.database) as store:
        for alert in store.alerts(since=since, status=status):
            print(
                json.dumps(alert.to_json(), ensure_ascii=False) if args.json else _alert_text(alert)
            )
    return 0


def _alert_text(alert: Any) -> str:
    created = alert.created.strftime("%Y-%m-%d %H:%M") if alert.created else ""
    head = f"{created} [{alert.status}] {alert.rule}: {alert.title}"
    body = "\n".join("    " + line for line in alert.body.splitlines() if line.strip())
    return f"{head}\n{body}"


def _parse_when(text: str) -> datetime:
    try:
        ago = parse_duration(text)
    except ValueError:
        ago = None
    if ago is not None:
        return datetime.now(UTC) - ago
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise MonitorError(
            f"--since {text!r}: expected an ISO date/time or a duration such as 2h or 7d"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def cmd_sources(args: argparse.Namespace) -> int:
    from monitor.store import Store

    settings = load_settings(args.config)
    statuses = {}
    if settings.database.exists():
        with Store(settings.database) as store:
            statuses = store.source_statuses()

    def fmt(when: datetime | None) -> str:
        return when.strftime("%Y-%m-%d %H:%M:%S") if when else "-"

    rows = [
        (
            "SOURCE",
            "KIND",
            "LAST POLL",
            "LAST SUCCESS",
            "ITEMS",
            "ERRORS",
            "NEXT POLL",
            "LAST ERROR",
        )
    ]
    for cfg in settings.sources:
        st = statuses.get(cfg.name)
        rows.append(
            (
                cfg.name + ("" if cfg.enabled else " (disabled)"),
                cfg.kind,
                fmt(st.last_poll if st else None),
                fmt(st.last_success if st else None),
                str(st.items if st else 0),
                str(st.errors if st else 0),
                fmt(st.next_poll if st else None) if cfg.enabled else "-",
                (st.last_error or "")[:80] if st and st.errors else "",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from monitor.store import Store

    settings = load_settings(args.config)
    if not settings.database.exists():
        raise MonitorError(f"{settings.database}: no database yet")
    # Export is idempotent: an article whose file (by identity hash) is there already is skipped.
    present = set()
    if args.dir.is_dir():
        present = {
            m.group(2) for p in args.dir.iterdir() if (m := seedformat.FILE_NAME.match(p.name))
        }
    count = skipped = 0
    with Store(settings.database) as store:
        for article in store.iter_articles():
            if seedformat.identity_hash(article.file_identity) in present:
                skipped += 1
                continue
            seedformat.write_new(
                args.dir,
                article.to_seed(),
                article.file_identity,
                published=article.published if article.published_exact else None,
            )
            count += 1
    print(
        f"exported {count} articles to {args.dir}"
        + (f" ({skipped} already there)" if skipped else "")
    )
    return 0


def cmd_notify_test(args: argparse.Namespace) -> int:
    from monitor.notify import Notifier

    settings = load_settings(args.config)
    notifier = Notifier(settings.notify)
    targets = [
        t for t in notifier.targets.values() if not args.tag or t.tags.intersection(args.tag)
    ]
    if not targets:
        raise MonitorError(
            "no notify target" + (f" with tag {', '.join(args.tag)}" if args.tag else " configured")
        )
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")

    async def send_all() -> list[Any]:
        return list(
            await asyncio.gather(
                *(
                    notifier.send(
                        t.id,
                        title="monitor: test message",
                        body=f"Test message from monitor at {now}. If you read this, alerts reach you.",
                    )
                    for t in targets
                )
            )
        )

    results = asyncio.run(send_all())
    for t, r in zip(targets, results, strict=True):
        tags = f" [{', '.join(sorted(t.tags))}]" if t.tags else ""
        print(
            f"{'ok    ' if r.ok else 'FAILED'} {t.label}{tags}" + ("" if r.ok else f": {r.error}")
        )
    return 0 if all(r.ok for r in results) else 1
