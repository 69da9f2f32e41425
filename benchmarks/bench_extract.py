#!/usr/bin/env python3
"""How fast is fact extraction? Generated ~3 KB French articles, read from disk.

    python benchmarks/bench_extract.py [--articles 400] [--rounds 5] [--seed 7]

Writes the articles to a temporary folder in the seed format, then times, over several
rounds, (a) reading and parsing every file (seedformat.read) and (b) the same plus
article_date() and extract(). Prints articles/s for each (median of the rounds), the
ratio, and a last line of JSON with the figures. One process, one core.

The articles mix sentences of the kinds the extractors look at (troop figures, leader
contacts, dates, numbers that are not troops) with plain narrative, roughly in the
proportion of wire copy about a military crisis.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from monitor import seedformat
from monitor.extract import article_date, extract

ACTORS = ["Washington", "Moscou", "Londres", "Berlin", "Paris", "Varsovie", "l'OTAN", "Kiev"]
LEADERS = [
    "Emmanuel Macron",
    "Vladimir Poutine",
    "Joe Biden",
    "Olaf Scholz",
    "Boris Johnson",
    "Volodymyr Zelensky",
    "Recep Tayyip Erdogan",
    "le chancelier allemand",
    "le président américain",
    "le Premier ministre britannique",
]
PLACES = [
    "en Pologne",
    "en Roumanie",
    "dans les pays baltes",
    "en Europe de l'Est",
    "aux frontières de l'Ukraine",
    "en Biélorussie",
    "en Lituanie",
]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
NUMBERS = [
    "3 000",
    "8.500",
    "quelque 100 000",
    "jusqu'à 5 000",
    "entre 1.000 et 5.000",
    "plus de 120 000",
    "deux mille",
    "environ 350",
    "des dizaines de milliers de",
]

TEMPLATES = [
    "{actor} a annoncé {day} l'envoi de {number} soldats supplémentaires {place}.",
    "Selon les services de renseignement, {number} militaires ont été placés en état "
    "d'alerte {place}.",
    "{leader} s'est entretenu {day} par téléphone avec {leader2}, a indiqué la présidence.",
    "{leader} doit se rendre {day} à Moscou pour y rencontrer {leader2}.",
    "Les deux dirigeants ont évoqué la situation sécuritaire et la nécessité d'une désescalade.",
    "Les discussions, qui ont duré près de huit heures, n'ont débouché sur aucun accord.",
    "Plus de 200 000 personnes ont déjà quitté la région, selon les Nations unies.",
    "Le budget de la défense atteindra 40 milliards d'euros l'an prochain.",
    "« Nous ne voulons pas la guerre, mais nous ne céderons rien sur nos principes », a "
    "déclaré un diplomate sous couvert d'anonymat.",
    "Les marchés européens ont reculé {day}, inquiets d'une escalade du conflit.",
    "La réunion au niveau des conseillers diplomatiques se tiendra à Paris le 26 janvier.",
    "Le ministre des Affaires étrangères a dénoncé une « hystérie » occidentale le 21 janvier.",
    "Des exercices conjoints sont prévus pendant dix jours dans le sud du pays.",
    "Au moins 14 soldats ont été tués dans des bombardements dans l'est du pays, selon l'armée.",
    "{actor} a répété qu'il n'avait aucune intention d'attaquer son voisin.",
    "Les Occidentaux accusent {actor} d'avoir déployé {number} hommes {place}.",
    "L'ambassadeur a été convoqué au ministère pour s'expliquer sur ces déclarations.",
    "Cette crise est la plus grave depuis la fin de la guerre froide, estiment les analystes.",
]
# Plain narrative: most sentences of a news article carry no troop figure or contact.
NARRATIVE = [
    "La situation reste tendue dans la région, où les habitants redoutent une escalade.",
    "Les prix du gaz ont bondi de près de 10 % sur les marchés européens {day}.",
    "Le gouvernement a promis de nouvelles mesures de soutien aux entreprises touchées.",
    "Dans les villages proches de la ligne de front, les écoles ont fermé leurs portes.",
    "Les négociations doivent reprendre à Genève, sans que la date ne soit encore fixée.",
    "Plusieurs compagnies aériennes ont suspendu leurs vols vers la capitale.",
    "L'opposition dénonce une gestion opaque de la crise et réclame un débat au Parlement.",
    "Les sanctions envisagées viseraient le secteur bancaire et les exportations d'énergie.",
    "Selon un sondage publié {day}, une majorité d'habitants se dit inquiète.",
    "Les experts divergent sur les intentions réelles du pouvoir et sur le calendrier.",
    "La monnaie nationale a perdu plus de 5 % de sa valeur depuis le début du mois.",
    "Des cyberattaques ont visé plusieurs sites gouvernementaux dans la nuit.",
    "Le Conseil de sécurité des Nations unies doit se réunir en urgence.",
    "Les ambassades ont appelé leurs ressortissants à la plus grande prudence.",
    "Cette question divise les Européens, certains pays plaidant pour plus de fermeté.",
    "Le porte-parole n'a pas souhaité commenter ces informations de presse.",
    "L'hiver rigoureux complique la logistique, selon des observateurs sur place.",
    "Les images satellites montrent de nouvelles installations près de la voie ferrée.",
    "Le Parlement européen a adopté une résolution non contraignante {day}.",
    "Des manifestations de soutien ont eu lieu dans plusieurs villes du pays.",
    "La chancellerie a démenti toute divergence avec ses partenaires.",
    "Le ministère de la Défense a publié une vidéo des exercices en cours.",
    "Plusieurs analystes jugent peu probable une offensive avant le printemps.",
    "Les discussions se poursuivront à un niveau technique la semaine prochaine.",
    "La presse locale évoque des files d'attente devant les distributeurs de billets.",
    "Des ONG alertent sur la situation humanitaire dans l'est du pays.",
    "Le trafic ferroviaire a été perturbé après une alerte à la bombe dans la gare.",
    "Les autorités ont annoncé un renforcement des contrôles aux postes-frontières.",
    "L'agence de presse officielle a diffusé un long entretien avec un général à la retraite.",
    "Les observateurs de l'OSCE ont signalé une hausse des violations du cessez-le-feu.",
]


def make_article(rng: random.Random, target_bytes: int = 3000) -> str:
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            leader, leader2 = rng.sample(LEADERS, 2)
            pool = TEMPLATES if rng.random() < 0.35 else NARRATIVE
            sentences.append(
                rng.choice(pool).format(
                    actor=rng.choice(ACTORS),
                    leader=leader,
                    leader2=leader2,
                    day=rng.choice(DAYS),
                    number=rng.choice(NUMBERS),
                    place=rng.choice(PLACES),
                )
            )
        paragraph = " ".join(s[0].upper() + s[1:] for s in sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


def write_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        doc = seedformat.SeedDoc(
            year_month=(2022, rng.choice((1, 2))), paragraphs=tuple(make_article(rng).split("\n\n"))
        )
        path = folder / seedformat.file_name(i, f"bench-{seed}-{i}")
        path.write_text(seedformat.render(doc), encoding="utf-8")
        paths.append(path)
    return paths


def read_only(paths: list[Path]) -> int:
    return sum(len(seedformat.read(p).paragraphs) for p in paths)


def read_and_extract(paths: list[Path], today: dt.date) -> int:
    facts = 0
    for p in paths:
        doc = seedformat.read(p)
        text = doc.text
        published = article_date(text, year_month=doc.year_month, fallback=today)
        result = extract(text, published)
        facts += len(result.troops) + len(result.contacts)
    return facts


def timed(fn, rounds: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of fn over rounds.

    CPU time (this process only) is reported beside wall time because a shared machine
    makes wall time swing; the target is about one core's work, which CPU time measures.
    """
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    today = dt.date(2022, 3, 1)
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        paths = write_corpus(Path(tmp), args.articles, args.seed)
        mean_kb = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        read_and_extract(paths[:20], today)  # warm-up: gazetteer load, regex compile
        t_read, c_read = timed(lambda: read_only(paths), args.rounds)
        t_extract, c_extract = timed(lambda: read_and_extract(paths, today), args.rounds)
        facts = read_and_extract(paths, today)
    read_rate = len(paths) / t_read
    extract_rate = len(paths) / t_extract
    read_cpu_rate = len(paths) / max(c_read, 1e-9)
    extract_cpu_rate = len(paths) / max(c_extract, 1e-9)
    print(f"articles: {len(paths)} of {mean_kb:.1f} KB on average, {args.rounds} rounds (median)")
    print(
        f"(a) read + parse:            {read_rate:10.0f} articles/s "
        f"({read_cpu_rate:.0f} per CPU second)"
    )
    print(
        f"(b) read + parse + extract:  {extract_rate:10.0f} articles/s "
        f"({extract_cpu_rate:.0f} per CPU second; {facts / len(paths):.1f} facts per article)"
    )
    print(f"extraction costs {read_rate / extract_rate:.1f}x the time of reading alone")
    print(
        json.dumps(
            {
                "articles": len(paths),
                "mean_kb": round(mean_kb, 2),
                "rounds": args.rounds,
                "read_per_s": round(read_rate, 1),
                "extract_per_s": round(extract_rate, 1),
                "read_per_cpu_s": round(read_cpu_rate, 1),
                "extract_per_cpu_s": round(extract_cpu_rate, 1),
                "ratio": round(read_rate / extract_rate, 2),
                "facts_per_article": round(facts / len(paths), 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
