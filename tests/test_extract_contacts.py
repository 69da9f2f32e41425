"""Leader contacts: table-driven cases in French and English, written for these tests.

Each case: a sentence (or two), the publication date, and the contacts a careful
reader extracts as (leaders, mode, date, status). Statements, quotes, meetings of
ministers or envoys, and refused or denied contacts give nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import extract

D = dt.date

CONTACTS = [
    # French
    (
        "Emmanuel Macron s'est entretenu mardi au téléphone avec Joe Biden.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Joe Biden"), "phone", D(2022, 2, 8), "held")],
    ),
    (
        "Olaf Scholz se rendra lundi prochain à Kiev pour rencontrer Volodymyr Zelensky.",
        D(2022, 2, 10),
        [(("Olaf Scholz", "Volodymyr Zelensky"), "visit", D(2022, 2, 14), "planned")],
    ),
    (
        "Le chancelier allemand a reçu le président français à Berlin.",
        D(2021, 6, 1),
        [(("Angela Merkel", "Emmanuel Macron"), "meeting", None, "held")],
    ),
    (
        "Le chancelier allemand a reçu le président français à Berlin.",
        D(2022, 1, 25),
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", None, "held")],
    ),
    (
        "Boris Johnson doit s'entretenir avec son homologue russe dans les prochains jours.",
        D(2022, 1, 31),
        [(("Boris Johnson", "Vladimir Putin"), None, None, "planned")],
    ),
    (
        "Les présidents américain et chinois se sont parlé par visioconférence.",
        D(2021, 11, 16),
        [(("Joe Biden", "Xi Jinping"), "phone", None, "held")],
    ),
    (
        "Recep Tayyip Erdogan a reçu Volodymyr Zelensky à Istanbul samedi dernier.",
        D(2022, 2, 7),
        [(("Recep Tayyip Erdoğan", "Volodymyr Zelensky"), "meeting", D(2022, 2, 5), "held")],
    ),
    (
        "Le 28 décembre, Joe Biden et Vladimir Poutine avaient eu un entretien téléphonique.",
        D(2022, 1, 3),
        [(("Joe Biden", "Vladimir Putin"), "phone", D(2021, 12, 28), "held")],
    ),
    (
        "Emmanuel Macron n'exclut pas de se rendre à Moscou pour rencontrer Vladimir Poutine.",
        D(2022, 2, 1),
        [(("Emmanuel Macron", "Vladimir Putin"), "visit", None, "planned")],
    ),
    (
        "Le président ukrainien a appelé hier le Premier ministre britannique.",
        D(2022, 2, 1),
        [(("Boris Johnson", "Volodymyr Zelensky"), "phone", D(2022, 1, 31), "held")],
    ),
    (
        "La veille, le locataire de l'Elysée avait longuement échangé par téléphone avec "
        "Alexandre Loukachenko.",
        D(2021, 11, 18),
        [(("Alexander Lukashenko", "Emmanuel Macron"), "phone", D(2021, 11, 17), "held")],
    ),
    (
        "Angela Merkel et Vladimir Poutine se rencontreront au Kremlin le 20 août.",
        D(2021, 8, 10),
        [(("Angela Merkel", "Vladimir Putin"), "meeting", D(2021, 8, 20), "planned")],
    ),
    (
        "Le président français se rendra à Moscou lundi.",
        D(2022, 2, 3),
        [(("Emmanuel Macron", "Vladimir Putin"), "visit", D(2022, 2, 7), "planned")],
    ),
    (
        "Macron et Scholz doivent se rendre chacun à Moscou pour y rencontrer Poutine.",
        D(2022, 2, 3),
        [
            (("Emmanuel Macron", "Vladimir Putin"), "visit", None, "planned"),
            (("Olaf Scholz", "Vladimir Putin"), "visit", None, "planned"),
        ],
    ),
    # English
    (
        "President Joe Biden spoke by phone with Russian President Vladimir Putin on Saturday.",
        D(2022, 2, 14),
        [(("Joe Biden", "Vladimir Putin"), "phone", D(2022, 2, 12), "held")],
    ),
    (
        "Chancellor Olaf Scholz will travel to Moscow next week to meet Putin.",
        D(2022, 2, 8),
        [(("Olaf Scholz", "Vladimir Putin"), "visit", None, "planned")],
    ),
    (
        "French President Emmanuel Macron met Ukrainian President Volodymyr Zelenskyy in Kyiv "
        "yesterday.",
        D(2022, 2, 9),
        [(("Emmanuel Macron", "Volodymyr Zelensky"), "meeting", D(2022, 2, 8), "held")],
    ),
    (
        "Biden is expected to host German Chancellor Olaf Scholz at the White House on Feb. 7.",
        D(2022, 1, 31),
        [(("Joe Biden", "Olaf Scholz"), "meeting", D(2022, 2, 7), "planned")],
    ),
    (
        "Xi Jinping and Vladimir Putin held a video call on Wednesday.",
        D(2021, 12, 15),
        [(("Vladimir Putin", "Xi Jinping"), "phone", D(2021, 12, 15), "held")],
    ),
    (
        "Turkish President Recep Tayyip Erdogan hosted Israeli President Isaac Herzog in Ankara.",
        D(2022, 3, 9),
        [(("Isaac Herzog", "Recep Tayyip Erdoğan"), "meeting", None, "held")],
    ),
    (
        "British Prime Minister Boris Johnson spoke with his Ukrainian counterpart on Monday.",
        D(2022, 1, 26),
        [(("Boris Johnson", "Volodymyr Zelensky"), None, D(2022, 1, 24), "held")],
    ),
    (
        "The German chancellor and the French president talked by phone.",
        D(2021, 9, 1),
        [(("Angela Merkel", "Emmanuel Macron"), "phone", None, "held")],
    ),
    (
        "President Biden and President Putin are scheduled to hold a video call on Tuesday.",
        D(2022, 2, 9),
        [(("Joe Biden", "Vladimir Putin"), "phone", D(2022, 2, 15), "planned")],
    ),
    (
        "Prime Minister Boris Johnson told Ukrainian President Volodymyr Zelenskyy in a call on "
        "Monday that Britain stood with Kyiv.",
        D(2022, 2, 9),
        [(("Boris Johnson", "Volodymyr Zelensky"), "phone", D(2022, 2, 7), "held")],
    ),
    (
        "La visite d'Emmanuel Macron à Moscou est prévue lundi.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Vladimir Putin"), "visit", D(2022, 2, 14), "planned")],
    ),
    (
        "Cet appel intervient alors que Donald Trump, qui doit rencontrer Volodymyr Zelensky à la "
        "Maison Blanche lundi, a promis de mettre fin à la guerre.",
        D(2025, 7, 4),
        [(("Donald Trump", "Volodymyr Zelensky"), "meeting", D(2025, 7, 7), "planned")],
    ),
    (
        "Le président russe a reçu jeudi au Kremlin le président français Emmanuel Macron.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Vladimir Putin"), "meeting", D(2022, 2, 10), "held")],
    ),
    (
        "Putin told Macron during a five-hour meeting in Moscow on Monday that he would not "
        "escalate.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Vladimir Putin"), "meeting", D(2022, 2, 7), "held")],
    ),
    (
        "Biden and Putin agreed in principle to a summit, the Elysee said.",
        D(2022, 2, 21),
        [(("Joe Biden", "Vladimir Putin"), "meeting", None, "planned")],
    ),
    (
        "Le chancelier allemand, reçu mardi au Kremlin par Vladimir Poutine, a salué un bon signal.",
        D(2022, 2, 16),
        [(("Olaf Scholz", "Vladimir Putin"), "meeting", D(2022, 2, 15), "held")],
    ),
    (
        "Le président américain recevra le 7 février le nouveau chancelier allemand.",
        D(2022, 1, 31),
        [(("Joe Biden", "Olaf Scholz"), "meeting", D(2022, 2, 7), "planned")],
    ),
    (
        "Emmanuel Macron est rentré à Paris. Le chef de l'Etat a reçu son homologue ukrainien.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Volodymyr Zelensky"), "meeting", None, "held")],
    ),
    (
        "Biden discussed Putin's demands with Macron by phone.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Joe Biden"), "phone", None, "held")],
    ),
    (
        "Emmanuel Macron a discuté avec Vladimir Poutine de la situation en Ukraine.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Vladimir Putin"), None, None, "held")],
    ),
    (
        "Putin's meeting with Macron lasted five hours.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Vladimir Putin"), "meeting", None, "held")],
    ),
    (
        "Biden told Putin in a Dec. 30 call that the U.S. would respond decisively.",
        D(2022, 2, 10),
        [(("Joe Biden", "Vladimir Putin"), "phone", D(2021, 12, 30), "held")],
    ),
    # the present tense: the nearer weekday, the date decides held or planned
    (
        "Emmanuel Macron se rend lundi à Moscou pour y rencontrer Vladimir Poutine.",
        D(2022, 2, 5),
        [(("Emmanuel Macron", "Vladimir Putin"), "visit", D(2022, 2, 7), "planned")],
    ),
    (
        "Emmanuel Macron reçoit Olaf Scholz mardi à l'Elysée.",
        D(2022, 2, 10),
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", D(2022, 2, 8), "held")],
    ),
    (
        "Joe Biden et son homologue russe Vladimir Poutine auront samedi un entretien "
        "téléphonique, a annoncé vendredi la Maison Blanche.",
        D(2022, 2, 11),
        [(("Joe Biden", "Vladimir Putin"), "phone", D(2022, 2, 12), "planned")],
    ),
    (
        "Joe Biden et Vladimir Poutine se parleront samedi.",
        D(2022, 2, 11),
        [(("Joe Biden", "Vladimir Putin"), None, D(2022, 2, 12), "planned")],
    ),
    (
        "Olaf Scholz, attendu lundi à Kiev, a appelé la Russie à la désescalade.",
        D(2022, 2, 11),
        [(("Olaf Scholz", "Volodymyr Zelensky"), "visit", D(2022, 2, 14), "planned")],
    ),
    (
        "The Biden-Putin summit in Geneva lasted four hours.",
        D(2021, 6, 17),
        [(("Joe Biden", "Vladimir Putin"), "meeting", None, "held")],
    ),
    (
        "En marge du sommet, Macron a rencontré Biden.",
        D(2021, 6, 12),
        [(("Emmanuel Macron", "Joe Biden"), "meeting", None, "held")],
    ),
    (
        "Scholz will visit Washington on Feb. 7.",
        D(2022, 1, 31),
        [(("Joe Biden", "Olaf Scholz"), "visit", D(2022, 2, 7), "planned")],
    ),
    # two contacts in one sentence, each with its own tense and date
    (
        "President Joe Biden spoke with French President Emmanuel Macron on Tuesday and is "
        "expected to speak with German Chancellor Olaf Scholz later this week.",
        D(2022, 2, 2),
        [
            (("Emmanuel Macron", "Joe Biden"), None, D(2022, 2, 1), "held"),
            (("Joe Biden", "Olaf Scholz"), None, None, "planned"),
        ],
    ),
    (
        "Le chef de l'Etat français a eu lundi un long entretien téléphonique avec son homologue "
        "américain, avant de s'entretenir mardi avec Vladimir Poutine.",
        D(2022, 2, 2),
        [
            (("Emmanuel Macron", "Joe Biden"), "phone", D(2022, 1, 31), "held"),
            (("Emmanuel Macron", "Vladimir Putin"), None, D(2022, 2, 1), "held"),
        ],
    ),
    (
        "Le Premier ministre britannique Boris Johnson, qui s'est rendu mardi à Kiev, n'a pas "
        "exclu de rencontrer Vladimir Poutine dans les prochaines semaines.",
        D(2022, 2, 2),
        [
            (("Boris Johnson", "Volodymyr Zelensky"), "visit", D(2022, 2, 1), "held"),
            (("Boris Johnson", "Vladimir Putin"), "meeting", None, "planned"),
        ],
    ),
    (
        "Johnson is due to travel to the region this week and hopes to speak with Putin by phone.",
        D(2022, 1, 30),
        [(("Boris Johnson", "Vladimir Putin"), "phone", None, "planned")],
    ),
    (
        "Emmanuel Macron, qui s'est entretenu à plusieurs reprises avec Vladimir Poutine ces "
        "dernières semaines, devrait à nouveau l'appeler dans les prochains jours.",
        D(2022, 2, 16),
        [
            (("Emmanuel Macron", "Vladimir Putin"), None, None, "held"),
            (("Emmanuel Macron", "Vladimir Putin"), "phone", None, "planned"),
        ],
    ),
    # issue 11, second pass: "after" a contact word is past unless the sentence is future
    (
        "Narendra Modi flew home after holding talks with Emmanuel Macron in Paris.",
        D(2023, 7, 15),
        [(("Emmanuel Macron", "Narendra Modi"), None, None, "held")],
    ),
    (
        "Speaking in Ottawa after talks with Justin Trudeau, Joe Biden praised the alliance.",
        D(2023, 3, 25),
        [(("Joe Biden", "Justin Trudeau"), None, None, "held")],
    ),
    (
        "Olaf Scholz will fly to Madrid after talks with Pedro Sánchez on Friday.",
        D(2022, 6, 1),
        [(("Olaf Scholz", "Pedro Sánchez"), "visit", D(2022, 6, 3), "planned")],
    ),
    # a qualified "talks" and a progressive "hosting"
    (
        "Narendra Modi and Anthony Albanese held bilateral talks in Sydney on Wednesday.",
        D(2023, 5, 25),
        [(("Anthony Albanese", "Narendra Modi"), None, D(2023, 5, 24), "held")],
    ),
    (
        "Pedro Sánchez and António Costa are holding talks in Madrid that could unblock "
        "the interconnector.",
        D(2023, 5, 25),
        [(("António Costa", "Pedro Sánchez"), None, None, "held")],
    ),
    (
        "Spanish Prime Minister Pedro Sánchez is hosting Portuguese Prime Minister António "
        "Costa in Madrid.",
        D(2023, 5, 25),
        [(("António Costa", "Pedro Sánchez"), "meeting", None, "held")],
    ),
    # only the one told takes part, not a leader named further on
    (
        "Olaf Scholz told Emmanuel Macron about the worries of the Chinese president.",
        D(2022, 11, 9),
        [(("Emmanuel Macron", "Olaf Scholz"), None, None, "held")],
    ),
    (
        "Emmanuel Macron will travel to Madrid on Friday, his office said, after a call "
        "with Pedro Sánchez on Monday.",
        D(2023, 5, 10),
        [
            (("Emmanuel Macron", "Pedro Sánchez"), "visit", D(2023, 5, 12), "planned"),
            (("Emmanuel Macron", "Pedro Sánchez"), "phone", D(2023, 5, 8), "held"),
        ],
    ),
    # a hyphenated nationality between the verb and its object
    (
        "Emmanuel Macron a reçu mardi le président sud-coréen Yoon Suk-yeol.",
        D(2022, 11, 10),
        [(("Emmanuel Macron", "Yoon Suk Yeol"), "meeting", D(2022, 11, 8), "held")],
    ),
    # words said to a leader are an exchange of the two
    (
        "Olaf Scholz a assuré vendredi à son homologue ukrainien que les livraisons suivraient.",
        D(2022, 9, 12),
        [(("Olaf Scholz", "Volodymyr Zelensky"), None, D(2022, 9, 9), "held")],
    ),
    (
        "« Nous ne céderons pas », a dit Emmanuel Macron à Vladimir Poutine dimanche.",
        D(2022, 3, 8),
        [(("Emmanuel Macron", "Vladimir Putin"), None, D(2022, 3, 6), "held")],
    ),
    (
        "Giorgia Meloni et Olaf Scholz ont demandé, lundi, à Recep Tayyip Erdogan un geste "
        "sur les céréales.",
        D(2022, 11, 23),
        [
            (("Giorgia Meloni", "Recep Tayyip Erdoğan"), None, D(2022, 11, 21), "held"),
            (("Olaf Scholz", "Recep Tayyip Erdoğan"), None, D(2022, 11, 21), "held"),
        ],
    ),
    (
        "Rishi Sunak told Volodymyr Zelensky on Tuesday that more shells were on the way.",
        D(2022, 12, 1),
        [(("Rishi Sunak", "Volodymyr Zelensky"), None, D(2022, 11, 29), "held")],
    ),
]

NOT_CONTACTS = [
    # a city held by another state is no visit to its country's leader
    ("Vladimir Putin visited Russian-occupied Melitopol in Ukraine on Sunday.", D(2023, 4, 18)),
    ("Vladimir Poutine s'est rendu samedi en Ukraine occupée, à Marioupol.", D(2022, 10, 3)),
    # an appeal with an infinitive, a statement to the press, words about a leader
    ("Volodymyr Zelensky a demandé à Vladimir Poutine de retirer ses troupes.", D(2022, 3, 1)),
    ("Emmanuel Macron a déclaré à la presse que Vladimir Poutine s'isolait.", D(2022, 3, 1)),
    ("Joe Biden told reporters that Vladimir Putin had miscalculated.", D(2022, 3, 1)),
    ("Vladimir Poutine n'a pas l'intention de rencontrer Volodymyr Zelensky.", D(2022, 2, 1)),
    ("Sergueï Lavrov et Antony Blinken se sont rencontrés à Genève vendredi.", D(2022, 1, 22)),
    ("Le conseiller diplomatique d'Emmanuel Macron s'est rendu à Moscou.", D(2022, 1, 28)),
    (
        "Joe Biden refuse de parler à Vladimir Poutine tant que les troupes restent massées.",
        D(2022, 2, 1),
    ),
    (
        "Vladimir Poutine a déclaré que l'Occident avait ignoré les préoccupations russes.",
        D(2022, 2, 1),
    ),
    ("Putin's spokesman Dmitry Peskov said a call with Biden was not planned.", D(2022, 2, 1)),
    (
        "Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva.",
        D(2022, 1, 21),
    ),
    (
        "British Prime Minister Boris Johnson has no plans to speak to Putin this week.",
        D(2022, 2, 1),
    ),
    ("Macron said Putin had given assurances about the troops in Belarus.", D(2022, 2, 8)),
    ("Les conseillers diplomatiques français et allemands se réuniront à Berlin.", D(2022, 2, 8)),
    ("L'émissaire de Joe Biden a rencontré des responsables russes à Moscou.", D(2021, 11, 3)),
    # not in office at the article's date: a foreign secretary, an ex-president
    (
        "Foreign Secretary Liz Truss will travel to Moscow next week to meet Vladimir Putin.",
        D(2022, 2, 3),
    ),
    ("Dmitri Medvedev a rencontré Emmanuel Macron à Moscou.", D(2022, 6, 1)),
    ("Erdogan offered to host talks between Putin and Zelenskyy in Istanbul.", D(2022, 3, 1)),
    ("Vladimir Poutine a reçu le soutien de Xi Jinping sur la question de l'Otan.", D(2022, 2, 10)),
    (
        "Biden and Xi will both attend the G20 summit in Bali, but no meeting has been scheduled.",
        D(2022, 11, 1),
    ),
    (
        "Emmanuel Macron et Olaf Scholz ont participé au sommet européen de Bruxelles.",
        D(2022, 2, 10),
    ),
    ("Lors du sommet, Joe Biden a appelé Vladimir Poutine à retirer ses troupes.", D(2022, 2, 10)),
    ("Biden called on Putin to pull back his troops from the border.", D(2022, 2, 10)),
    ("Zelensky called for a meeting with Putin.", D(2022, 3, 10)),
    ("Scholz met resistance from Macron over the pipeline.", D(2022, 2, 10)),
    (
        "Le secrétaire d'Etat Antony Blinken a rencontré à Kiev le président Volodymyr Zelensky, "
        "avant de se rendre à Berlin où il doit voir son homologue russe Sergueï Lavrov.",
        D(2022, 1, 19),
    ),
    (
        "Dans un entretien au Journal du dimanche, Emmanuel Macron affirme que Vladimir Poutine "
        "veut la désescalade.",
        D(2022, 2, 10),
    ),
]


def _contacts(text: str, day: dt.date) -> list[tuple]:
    """(leaders, mode, stated date, status): a day the text does not state (a held
    contact anchored to the report day, see test_extract_real_contacts.py) reads None."""
    return [
        (c.leaders, c.mode, c.date if c.date_exact else None, c.status)
        for c in extract(text, day).contacts
    ]


@pytest.mark.parametrize(
    ("text", "day", "expected"), CONTACTS, ids=[f"{t[:40]}@{d}" for t, d, _ in CONTACTS]
)
def test_contacts(text: str, day: dt.date, expected: list[tuple]) -> None:
    assert _contacts(text, day) == expected


@pytest.mark.parametrize(("text", "day"), NOT_CONTACTS, ids=[t[:40] for t, _ in NOT_CONTACTS])
def test_not_contacts(text: str, day: dt.date) -> None:
    assert _contacts(text, day) == []


def test_bare_president_resolves_from_earlier_sentence() -> None:
    text = (
        "Le président français Emmanuel Macron veut proposer une désescalade. "
        "« Le président s'entretiendra bientôt avec Vladimir Poutine », a dit l'Elysée."
    )
    assert _contacts(text, D(2022, 1, 24)) == [
        (("Emmanuel Macron", "Vladimir Putin"), None, None, "planned")
    ]


def test_the_two_leaders_refers_to_the_previous_pair() -> None:
    text = (
        "Joe Biden et Vladimir Poutine ont eu un entretien téléphonique mardi. "
        "Les deux dirigeants sont convenus de se rencontrer en personne."
    )
    assert _contacts(text, D(2021, 12, 9)) == [
        (("Joe Biden", "Vladimir Putin"), "phone", D(2021, 12, 7), "held"),
        (("Joe Biden", "Vladimir Putin"), "meeting", None, "planned"),
    ]


def test_undated_repeat_merges_into_dated_contact() -> None:
    text = (
        "Emmanuel Macron et Vladimir Poutine se sont entretenus vendredi par téléphone. "
        "Lors de cet appel, Poutine a dit à Macron qu'il ne voulait pas la guerre."
    )
    facts = extract(text, D(2022, 1, 28))
    assert [(c.leaders, c.date, c.status) for c in facts.contacts] == [
        (("Emmanuel Macron", "Vladimir Putin"), D(2022, 1, 28), "held")
    ]
    assert facts.contacts[0].evidence.startswith("Emmanuel Macron et Vladimir Poutine")


def test_reporting_date_is_not_the_contact_date() -> None:
    text = (
        "Emmanuel Macron parlera à Vladimir Poutine lors d'un entretien prévu dans les "
        "prochains jours, a annoncé ce 24 janvier l'Elysée."
    )
    assert _contacts(text, D(2022, 1, 24)) == [
        (("Emmanuel Macron", "Vladimir Putin"), None, None, "planned")
    ]


def test_pronoun_subject_is_the_previous_sentence_leader() -> None:
    text = (
        "Emmanuel Macron said after his meeting with Putin that he had obtained assurances. "
        "He flew to Kyiv on Tuesday to meet Zelensky."
    )
    assert _contacts(text, D(2022, 2, 9)) == [
        (("Emmanuel Macron", "Vladimir Putin"), "meeting", None, "held"),
        (("Emmanuel Macron", "Volodymyr Zelensky"), "visit", D(2022, 2, 8), "held"),
    ]


def test_la_veille_is_the_day_before_the_contact_just_told() -> None:
    text = (
        "Joe Biden et Vladimir Poutine ont tenu mardi un sommet virtuel. La veille, Joe Biden "
        "s'était entretenu avec ses homologues français et britannique."
    )
    assert _contacts(text, D(2021, 12, 8)) == [
        (("Joe Biden", "Vladimir Putin"), "meeting", D(2021, 12, 7), "held"),
        (("Emmanuel Macron", "Joe Biden"), None, D(2021, 12, 6), "held"),
        (("Boris Johnson", "Joe Biden"), None, D(2021, 12, 6), "held"),
    ]


def test_later_contact_without_a_day_inherits_it() -> None:
    text = (
        "Le président français a multiplié les appels dimanche: il s'est entretenu avec son "
        "homologue russe, puis a parlé avec le président américain. Il a également appelé "
        "Volodymyr Zelensky en fin de soirée."
    )
    assert _contacts(text, D(2022, 2, 21)) == [
        (("Emmanuel Macron", "Vladimir Putin"), None, D(2022, 2, 20), "held"),
        (("Emmanuel Macron", "Joe Biden"), None, D(2022, 2, 20), "held"),
        (("Emmanuel Macron", "Volodymyr Zelensky"), "phone", D(2022, 2, 20), "held"),
    ]


def test_at_the_request_of_is_not_taking_part() -> None:
    text = (
        "Emmanuel Macron a indiqué avoir parlé ce jeudi avec Vladimir Poutine, à la demande de "
        "M. Zelensky."
    )
    assert _contacts(text, D(2022, 2, 24)) == [
        (("Emmanuel Macron", "Vladimir Putin"), None, D(2022, 2, 24), "held")
    ]


def test_other_family_member_is_not_the_leader() -> None:
    text = "Brigitte Macron a rencontré Jill Biden à Paris."
    assert _contacts(text, D(2021, 6, 10)) == []
