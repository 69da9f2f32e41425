"""Load generators shared by the benchmarks: French articles, match rules, feed documents,
and a loopback feed server that runs in its own process.

Everything is seeded (random.Random(seed)), so two runs see the same load.

    python benchmarks/_load.py serve --feeds N --seed S --port-file PATH [--server aiohttp|feedserver]

starts the feed server (used by bench_poll.py; never run in the measuring process).
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# -- French text --------------------------------------------------------------

SUBJECTS = [
    "Le gouvernement", "Le président de la République", "La Première ministre", "Le Kremlin",
    "L'Élysée", "La Commission européenne", "Le ministre des Affaires étrangères",
    "L'état-major", "Le Conseil de sécurité", "L'OTAN", "Le porte-parole du Quai d'Orsay",
    "La chancellerie allemande", "Washington", "Moscou", "Kiev", "Varsovie", "Pékin",
    "Le maire de Marseille", "La Banque centrale européenne", "Le syndicat majoritaire",
    "L'opposition", "Le Parlement européen", "Les agriculteurs", "Les enseignants",
    "La SNCF", "L'Assemblée nationale", "Le Sénat", "Les services de renseignement",
]
VERBS = [
    "a annoncé", "a dénoncé", "a confirmé", "a démenti", "a réclamé", "a salué",
    "s'inquiète de", "a rejeté", "envisage", "prépare", "a évoqué", "a critiqué",
    "a défendu", "a présenté", "redoute", "a proposé", "a suspendu", "a relancé",
]
OBJECTS = [
    "un plan de soutien aux entreprises", "la réforme des retraites", "l'envoi de troupes",
    "une désescalade rapide", "de nouvelles sanctions économiques", "la hausse des prix de l'énergie",
    "un accord de cessez-le-feu", "la fermeture des frontières", "une grève reconduite",
    "l'ouverture de négociations", "un budget de la défense en hausse", "la crise humanitaire",
    "le déploiement de 3 000 soldats", "une mission d'observation", "la livraison de blindés",
    "un sommet extraordinaire", "l'état d'urgence sanitaire", "la baisse du pouvoir d'achat",
    "un exercice militaire conjoint", "la sécurité des centrales nucléaires",
    "le rapatriement des ressortissants", "une enquête pour corruption", "la vague de chaleur",
    "les inondations dans le Sud-Ouest", "la pénurie de carburant", "l'inflation persistante",
]
CIRCUMSTANCES = [
    "lundi soir", "mardi matin", "à l'issue d'un conseil des ministres", "dans un communiqué",
    "lors d'une conférence de presse", "devant les députés", "à Bruxelles", "à Genève",
    "selon l'Agence France-Presse", "sous couvert d'anonymat", "dans un entretien au Monde",
    "à la frontière polonaise", "en Europe de l'Est", "dans le Donbass", "à Paris",
    "jeudi dernier", "ce week-end", "depuis plusieurs semaines", "en fin de journée",
]
NARRATIVE = [
    "La situation reste tendue dans la région, où les habitants redoutent une escalade.",
    "Les prix du gaz ont bondi de près de 10 % sur les marchés européens.",
    "Dans les villages proches de la ligne de front, les écoles ont fermé leurs portes.",
    "Les négociations doivent reprendre à Genève, sans que la date soit encore fixée.",
    "Plusieurs compagnies aériennes ont suspendu leurs vols vers la capitale.",
    "Selon un sondage publié dimanche, une majorité de Français se dit inquiète.",
    "Les experts divergent sur les intentions réelles du pouvoir et sur le calendrier.",
    "Des cyberattaques ont visé plusieurs sites gouvernementaux dans la nuit.",
    "Les ambassades ont appelé leurs ressortissants à la plus grande prudence.",
    "Le porte-parole n'a pas souhaité commenter ces informations de presse.",
    "Les images satellites montrent de nouvelles installations près de la voie ferrée.",
    "Des manifestations ont eu lieu à Lyon, Toulouse et Bordeaux samedi après-midi.",
    "Le trafic ferroviaire a été perturbé après une alerte à la bombe gare de Lyon.",
    "Les observateurs de l'OSCE ont signalé une hausse des violations du cessez-le-feu.",
    "« Nous ne céderons rien sur nos principes », a déclaré un diplomate européen.",
    "L'hiver rigoureux complique la logistique, selon des témoins sur place.",
    "Le texte sera examiné en première lecture à l'Assemblée nationale en février.",
    "La Bourse de Paris a clôturé en baisse de 1,2 %, plombée par les valeurs bancaires.",
    "Les ONG alertent sur la situation humanitaire et réclament un accès aux civils.",
    "Le Premier ministre britannique a appelé le chancelier allemand dans la soirée.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(NARRATIVE)
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
        f"{rng.choice(CIRCUMSTANCES)}."
    )


def make_text(rng: random.Random, target_bytes: int = 3000) -> str:
    """Paragraphs of French news prose, about target_bytes of UTF-8."""
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        p = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(p)
        size += len(p.encode()) + 2
    return "\n\n".join(paragraphs)


def make_title(rng: random.Random) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return s[0].upper() + s[1:]


# -- match rules ----------------------------------------------------------------

_WORDS = sorted(
    {
        w.strip(".,«»'")
        for s in SUBJECTS + VERBS + OBJECTS + CIRCUMSTANCES + NARRATIVE
        for w in s.replace("'", " ").split()
        if len(w.strip(".,«»'")) > 3 and not w[0].isdigit()
    }
)
_PHRASES = [
    "Conseil de sécurité", "état d'urgence", "cessez-le-feu", "Quai d'Orsay",
    "pouvoir d'achat", "Europe de l'Est", "ligne de front", "centrales nucléaires",
    "Assemblée nationale", "Banque centrale européenne", "réforme des retraites",
    "prix du gaz", "chancelier allemand", "Premier ministre britannique",
]
# Words absent from the generated text: rules on them match nothing, as most rules on most
# articles do.
_ABSENT = [
    "Bamako", "Tombouctou", "Wagner", "Nouméa", "Erevan", "Tbilissi", "Caracas", "Khartoum",
    "Niamey", "Ouagadougou", "Haïti", "Taïwan", "Séoul", "Jakarta", "Téhéran", "Riyad",
    "Guyane", "Mayotte", "Lampedusa", "Belgrade", "Pristina", "Chișinău", "Transnistrie",
    "Bakou", "Haut-Karabakh", "Gaza", "Cisjordanie", "Beyrouth", "Damas", "Kaboul",
]


def _keyword(rng: random.Random, n: int) -> str:
    """A keyword: sometimes absent (matches nothing), phrases, prefixes, or made unique with
    a suffix so 1,000 rules give ~1,000 distinct keywords."""
    r = rng.random()
    if r < 0.88:
        # Mostly keywords the articles do not contain: most rules match nothing on most
        # articles, as with a real watch list.
        base = rng.choice(_ABSENT)
        return f"{base}-{n % 211}" if rng.random() < 0.8 else base + "*" * (rng.random() < 0.2)
    if r < 0.93:
        return rng.choice(_PHRASES)
    if r < 0.97:
        w = rng.choice(_WORDS)
        return w[: max(4, len(w) - rng.randint(1, 3))] + "*"
    return rng.choice(_WORDS)


def make_rules(rng: random.Random, count: int) -> list[dict]:
    """Rule specs for MatchRule.model_validate: keywords, lists, any/all/not nesting,
    title:/text: limits and a few regexes."""
    rules = []
    for i in range(count):
        kind = rng.random()
        n = i
        if kind < 0.35:
            match: object = _keyword(rng, n)
        elif kind < 0.60:
            match = [_keyword(rng, n + k) for k in range(rng.randint(2, 5))]
        elif kind < 0.80:
            match = {
                "all": [
                    {"any": [_keyword(rng, n + k) for k in range(rng.randint(1, 3))]},
                    {"any": [_keyword(rng, n + 7 + k) for k in range(rng.randint(1, 3))]},
                ],
                "not": [_keyword(rng, n + 13)],
            }
        elif kind < 0.97:
            match = {
                "any": [
                    {"title": _keyword(rng, n)},
                    {"all": [_keyword(rng, n + 1), {"not": _keyword(rng, n + 2)}]},
                ]
            }
        else:
            match = {
                "all": [
                    {"regex": rng.choice([r"\d[\d  .,]*\d{3} soldats", r"\b(gr[eè]ve|manif\w+)",
                                          r"\d+(,\d+)? %", r"cessez-le-feu"])},
                    {"any": [_keyword(rng, n)]},
                ]
            }
        rules.append({"id": f"bench-{i:04d}", "type": "match", "match": match})
    return rules


def make_watchlist(rng: random.Random, count: int) -> list[dict]:
    """A desk's watch list: match rules on names and places (mostly absent from any one
    article), some phrases and word prefixes that do occur; each article fires a few
    rules, not a hundred (make_rules is the stress case)."""
    def word(n: int) -> str:
        r = rng.random()
        if r < 0.995:
            base = rng.choice(_ABSENT)
            return f"{base}-{n % 211}" if rng.random() < 0.8 else base
        if r < 0.998:
            return rng.choice(_PHRASES)
        w = rng.choice(_WORDS)
        return w[: max(4, len(w) - 2)] + "*"

    rules = []
    for i in range(count):
        kind = rng.random()
        if kind < 0.5:
            match: object = word(i)
        elif kind < 0.8:
            match = [word(i + k) for k in range(rng.randint(2, 4))]
        else:
            match = {"all": [word(i), {"any": [word(i + 1), word(i + 2)]}], "not": word(i + 3)}
        rules.append({"id": f"watch-{i:04d}", "type": "match", "match": match})
    return rules


# -- feeds -------------------------------------------------------------------------

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def feed_item_body(rng: random.Random) -> str:
    return make_text(rng, 1300)


def render_feed(feed: int, version: int, items_per_feed: int, base_url: str,
                bodies: list[str], new_per_change: int) -> bytes:
    """Feed `feed` at `version`: the newest items_per_feed items; each version adds
    new_per_change items on top (item numbers grow), older ones drop off the end."""
    from tests.feeds import Item, rss

    top = version * new_per_change + items_per_feed
    items = []
    for n in range(top - 1, top - 1 - items_per_feed, -1):
        link = f"{base_url}/a/{feed}/{n}.html"
        rng = random.Random(feed * 1_000_003 + n)
        items.append(
            Item(
                title=make_title(rng),
                link=link,
                guid=link,
                published=EPOCH + timedelta(minutes=n),
                body=bodies[(feed * 31 + n) % len(bodies)],
            )
        )
    return rss(items, title=f"Fil {feed}", link=f"{base_url}/f/{feed}",
               description="Actualité générée pour le banc d'essai")


def changed_in_cycle(feed: int, cycle: int, share: float = 0.2) -> bool:
    """Whether feed changes at cycle (cycle 0: everything is new)."""
    if cycle == 0:
        return True
    return random.Random(feed * 7919 + cycle).random() < share


def version_at(feed: int, cycle: int, share: float = 0.2) -> int:
    return sum(1 for c in range(1, cycle + 1) if changed_in_cycle(feed, c, share))


# -- measuring -----------------------------------------------------------------------


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], object], rounds: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


# -- the feed server (separate process) -----------------------------------------------


#: Distinct feed documents the load server renders (the others are copies, relinked).
TEMPLATES = 200


def serve(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, required=True)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--new-per-change", type=int, default=5)
    parser.add_argument("--share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--server", choices=["aiohttp", "feedserver"], default="aiohttp")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    bodies = [feed_item_body(rng) for _ in range(400)]
    from tests.servers import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cycle = 0
    docs: dict[int, tuple[str, bytes]] = {}

    # Rendering a 90 KB feed costs ~6 ms: 10,000 feeds would take a minute. Feed f is
    # rendered as feed f % TEMPLATES (cached per version), its links then rewritten to
    # its own number: every feed's items are distinct articles (own guid and URL).
    templates: dict[tuple[int, int], bytes] = {}

    def render(f: int, v: int) -> bytes:
        t = f % TEMPLATES
        if (t, v) not in templates:
            templates[t, v] = render_feed(t, v, args.items, base, bodies, args.new_per_change)
        if t == f:
            return templates[t, v]
        return templates[t, v].replace(f"/a/{t}/".encode(), f"/a/{f}/".encode())

    def render_cycle(c: int) -> None:
        for f in range(args.feeds):
            if c == 0 or changed_in_cycle(f, c, args.share):
                v = version_at(f, c, args.share)
                docs[f] = (f'"f{f}-v{v}"', render(f, v))

    render_cycle(0)

    if args.server == "feedserver":
        from tests.servers import FeedServer

        server = FeedServer()
        # FeedServer binds its own free port: rebuild base-dependent docs after start.
        server.start()
        base = server.base_url
        templates.clear()
        render_cycle(0)
        for f, (etag, body) in docs.items():
            server.route(f"/f/{f}", body, etag=etag)
        Path(args.port_file).write_text(str(server.port))
        # Cycle switches come on stdin: one line per new cycle number.
        for line in sys.stdin:
            cycle = int(line)
            before = dict(docs)
            render_cycle(cycle)
            for f, (etag, body) in docs.items():
                if before.get(f) != (etag, body):
                    server.route(f"/f/{f}", body, etag=etag)
            Path(args.port_file + ".cycle").write_text(str(cycle))
        server.close()
        return 0

    import asyncio

    from aiohttp import web

    async def feed(request: web.Request) -> web.StreamResponse:
        try:
            etag, body = docs[int(request.match_info["n"])]
        except (KeyError, ValueError):
            return web.Response(status=404)
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=body, headers={"ETag": etag},
                            content_type="application/rss+xml", charset="utf-8")

    async def set_cycle(request: web.Request) -> web.StreamResponse:
        nonlocal cycle
        cycle = int(request.match_info["c"])
        render_cycle(cycle)
        return web.Response(text=str(cycle))

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/f/{n}", feed)
        app.router.add_post("/cycle/{c}", set_cycle)
        runner = web.AppRunner(app, access_log=None, handle_signals=True)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port, backlog=1024)
        await site.start()
        Path(args.port_file).write_text(str(port))
        await asyncio.Event().wait()

    try:
        import uvloop  # type: ignore[import-not-found]

        uvloop.install()
    except ImportError:
        pass
    import contextlib

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    return 0


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "serve":
    sys.exit(serve(sys.argv[2:]))
