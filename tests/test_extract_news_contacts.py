"""Leader contacts as news copy writes them: one row per class of error found on real
feeds (the sentences are written for this file, none is taken from a feed).

Each row: the sentence, its publication day, and the contacts expected as
(pair, mode, status, date), or none at all. Rows marked in comments as near misses
guard the edge of a rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import extract

WED = dt.date(2023, 5, 10)
TUE = dt.date(2023, 5, 9)
THU = dt.date(2023, 5, 11)

ROWS = [
    # Contact words news copy uses: plural meetings, bare talks, réunion, échange entre.
    (
        "Lula left Beijing after a series of meetings with Xi Jinping.",
        [(("Luiz Inácio Lula da Silva", "Xi Jinping"), "meeting", "held", WED)],
    ),
    (
        "Xi Jinping and Vladimir Putin shook hands after talks in Moscow.",
        [(("Vladimir Putin", "Xi Jinping"), None, "held", WED)],
    ),
    (
        "Echange tendu entre Emmanuel Macron et Giorgia Meloni au sujet des migrants.",
        [(("Emmanuel Macron", "Giorgia Meloni"), None, "held", WED)],
    ),
    (
        "Emmanuel Macron s'est réuni mardi avec le chancelier Olaf Scholz.",
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", "held", TUE)],
    ),
    # A noun's status: "avant / ahead of" it is to come; words after it that tell of
    # another verb do not make it planned; words about it taking place do.
    (
        "Avant une visite d'Etat au Brésil, Olaf Scholz a défendu l'accord commercial.",
        [(("Luiz Inácio Lula da Silva", "Olaf Scholz"), "visit", "planned", None)],
    ),
    (
        "Ministers prepared a trade deal ahead of a Scholz-Lula meeting in Brasília.",
        [(("Luiz Inácio Lula da Silva", "Olaf Scholz"), "meeting", "planned", None)],
    ),
    (  # near miss: "ahead of" a thing that is no contact
        "Olaf Scholz met Lula in Brasília ahead of the G20 ministerial.",
        [(("Luiz Inácio Lula da Silva", "Olaf Scholz"), "meeting", "held", WED)],
    ),
    (
        "Olaf Scholz's visit to Warsaw may reshape the German debate.",
        [(("Andrzej Duda", "Olaf Scholz"), "visit", "held", WED)],
    ),
    (
        "Une rencontre entre Emmanuel Macron et Olaf Scholz à Berlin est même évoquée.",
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", "planned", None)],
    ),
    # Infinitives, the passive future, "le premier à".
    (
        "Le président kényan William Ruto sera reçu jeudi à l'Elysée par Emmanuel Macron.",
        [(("Emmanuel Macron", "William Ruto"), "meeting", "planned", THU)],
    ),
    (
        "Emmanuel Macron est le premier dirigeant européen à rencontrer le président William Ruto.",
        [(("Emmanuel Macron", "William Ruto"), "meeting", "held", WED)],
    ),
    (
        "Giorgia Meloni took the time to fly to Nairobi and meet President William Ruto.",
        [(("Giorgia Meloni", "William Ruto"), "meeting", "held", WED)],
    ),
    (  # near miss: the infinitive of a plan
        "Justin Trudeau plans to fly to Washington to meet Joe Biden.",
        [(("Joe Biden", "Justin Trudeau"), "visit", "planned", None)],
    ),
    (  # near miss: "wanted to" opens its own infinitive, no purpose
        "Justin Trudeau said he wanted to meet Joe Biden.",
        [(("Joe Biden", "Justin Trudeau"), "meeting", "planned", None)],
    ),
    # Where a visit goes.
    (
        "Emmanuel Macron made a surprise trip to war-torn Kyiv on Tuesday.",
        [(("Emmanuel Macron", "Volodymyr Zelensky"), "visit", "held", TUE)],
    ),
    (
        "Olaf Scholz makes unannounced visit to Ukraine's Kyiv",
        [(("Olaf Scholz", "Volodymyr Zelensky"), "visit", "held", WED)],
    ),
    (
        "Officials hailed Olaf Scholz's Kyiv visit as a turning point.",
        [(("Olaf Scholz", "Volodymyr Zelensky"), "visit", "held", WED)],
    ),
    (
        "Olaf Scholz arrived in the Ukrainian capital on Tuesday morning.",
        [(("Olaf Scholz", "Volodymyr Zelensky"), "visit", "held", TUE)],
    ),
    ("Olaf Scholz's Kyiv speech was criticised.", []),  # near miss: no contact noun
    # Who takes part: an ally named beside, a clause after a spaced hyphen.
    (
        "Alexander Lukashenko, an ally of Vladimir Putin, will make a state visit to Iran on "
        "Thursday.",
        [(("Alexander Lukashenko", "Ebrahim Raisi"), "visit", "planned", THU)],
    ),
    (
        "Joe Biden promises aid on visit to Warsaw - as he says Putin miscalculated",
        [(("Andrzej Duda", "Joe Biden"), "visit", "held", WED)],
    ),
    # No contact: an idiom, a negation over quoted words, guests of a summit, keeping
    # up a dialogue, a channel alone.
    ("Olaf Scholz said Vladimir Putin was met with the resolve of Europe.", []),
    ("Vladimir Poutine ne voit pas « l'utilité » d'un entretien avec Emmanuel Macron.", []),
    ("Le roi Charles III et Emmanuel Macron feront partie des invités du sommet de Rome.", []),
    ("Volodymyr Zelensky veut entretenir le dialogue avec Emmanuel Macron.", []),
    ("Olaf Scholz and Emmanuel Macron addressed the forum (via videoconference).", []),
    # A summit naming the section is no meeting of those named after it.
    ("Sommet de l'OTAN : Emmanuel Macron demande à Olaf Scholz de livrer des chars.", []),
    # A nominal visit with a purpose and no verb of its own is to come; with a verb
    # before it, under way; a modal in the next clause says nothing of it.
    (
        "Olaf Scholz, en visite en Inde pour s'entretenir avec Narendra Modi",
        [(("Narendra Modi", "Olaf Scholz"), "visit", "planned", None)],
    ),
    (
        "Olaf Scholz is in the middle of a visit to India to meet Narendra Modi.",
        [(("Narendra Modi", "Olaf Scholz"), "visit", "held", WED)],
    ),
    (
        "Olaf Scholz de nouveau en visite à Kiev, l'Allemagne pourrait livrer des chars",
        [(("Olaf Scholz", "Volodymyr Zelensky"), "visit", "held", WED)],
    ),
    # A summit's countries stand for their leaders (talks may be of delegations).
    (
        "Olaf Scholz organise un sommet avec la Pologne et la Lituanie",
        [
            (("Andrzej Duda", "Olaf Scholz"), "meeting", "held", WED),
            (("Gitanas Nausėda", "Olaf Scholz"), "meeting", "held", WED),
        ],
    ),
    ("Russia held talks with Ukraine in Istanbul.", []),
    # Told in the present for later on the day of publication: to come.
    (
        "Emmanuel Macron reçoit, mercredi soir, Olaf Scholz à l'Elysée.",
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", "planned", WED)],
    ),
    (
        "Emmanuel Macron reçoit mercredi Olaf Scholz à l'Elysée.",
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", "held", WED)],
    ),
    # A headline's future: the subject, then "to" and a verb.
    (
        "Olaf Scholz to press Narendra Modi on trade during India visit",
        [(("Narendra Modi", "Olaf Scholz"), "visit", "planned", None)],
    ),
    (
        "German leader to discuss climate on Modi visit",
        [(("Narendra Modi", "Olaf Scholz"), "visit", "planned", None)],
    ),
    # The object of a welcome may be a visiting counterpart or a leader by title.
    (
        "Emmanuel Macron welcomed Indian leader Narendra Modi to the Elysée.",
        [(("Emmanuel Macron", "Narendra Modi"), "meeting", "held", WED)],
    ),
    # Speaking to someone who is no leader is no contact with a leader named later.
    ("Emmanuel Macron spoke to reporters before his flight to see Olaf Scholz.", []),
    # A fronted purpose: the leader the main clause opens on meets each one named in
    # it; those are not paired with each other.
    (
        "Présent à Ankara pour rencontrer le président turc, Recep Tayyip Erdogan, ainsi que "
        "le président finlandais Sauli Niinistö, Ulf Kristersson a défendu sa candidature.",
        [
            (("Recep Tayyip Erdoğan", "Ulf Kristersson"), "meeting", "held", WED),
            (("Sauli Niinistö", "Ulf Kristersson"), "meeting", "held", WED),
        ],
    ),
    # A title that runs long ("Chairperson of the African Union and President of...").
    (
        "Joe Biden will meet Chairperson of the African Union and President of the Comoros "
        "Azali Assoumani on Friday.",
        [(("Azali Assoumani", "Joe Biden"), "meeting", "planned", dt.date(2023, 5, 12))],
    ),
    # Another event's day is not the contact's.
    (
        "Emmanuel Macron met Lula in Brasília after the inauguration on May 2.",
        [(("Emmanuel Macron", "Luiz Inácio Lula da Silva"), "meeting", "held", WED)],
    ),
    # "According to the..." is no headline's future.
    (
        "According to the Elysée, Emmanuel Macron met Olaf Scholz in Berlin.",
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", "held", WED)],
    ),
    # Five named, then "the leaders of the five states": those five, each with each.
    (
        "Olaf Scholz met President of Finland Sauli Niinistö, President of Estonia Alar "
        "Karis, President of Latvia Egils Levits and President of Lithuania Gitanas Nausėda. "
        "The leaders of the five states then held talks on security.",
        [
            (("Olaf Scholz", "Sauli Niinistö"), "meeting", "held", WED),
            (("Alar Karis", "Olaf Scholz"), "meeting", "held", WED),
            (("Egils Levits", "Olaf Scholz"), "meeting", "held", WED),
            (("Gitanas Nausėda", "Olaf Scholz"), "meeting", "held", WED),
            (("Alar Karis", "Egils Levits"), None, "held", WED),
            (("Alar Karis", "Gitanas Nausėda"), None, "held", WED),
            (("Alar Karis", "Sauli Niinistö"), None, "held", WED),
            (("Egils Levits", "Gitanas Nausėda"), None, "held", WED),
            (("Egils Levits", "Sauli Niinistö"), None, "held", WED),
            (("Gitanas Nausėda", "Sauli Niinistö"), None, "held", WED),
        ],
    ),
    # A range of days dates a contact by its first.
    (
        "Emmanuel Macron prévoit un déplacement en Inde du 25 au 27 mai",
        [(("Emmanuel Macron", "Narendra Modi"), "visit", "planned", dt.date(2023, 5, 25))],
    ),
    (
        "Xi Jinping will visit Russia on May 20-22 to meet Vladimir Putin.",
        [(("Vladimir Putin", "Xi Jinping"), "visit", "planned", dt.date(2023, 5, 20))],
    ),
    # A relative clause's contact is its antecedent's; an incise may split a contact word.
    (
        "Il s'agit de la deuxième rencontre entre le roi Charles III et Emmanuel Macron, qui "
        "s'est réuni, la veille, avec le chancelier Olaf Scholz.",
        [
            (("Charles III", "Emmanuel Macron"), "meeting", "held", WED),
            (("Emmanuel Macron", "Olaf Scholz"), "meeting", "held", TUE),
        ],
    ),
    # A body's meeting is no meeting of the leaders who attend it.
    ("Emmanuel Macron et Olaf Scholz parleront lors d'une réunion du Conseil européen.", []),
    # A past contact with a day of a month ahead is this year's, not next year's.
    (
        "Vladimir Putin met Recep Tayyip Erdogan in Sochi on March 2.",
        [(("Recep Tayyip Erdoğan", "Vladimir Putin"), "meeting", "held", dt.date(2023, 3, 2))],
    ),
    (
        "Vladimir Putin met Recep Tayyip Erdogan in Sochi on September 2.",
        [(("Recep Tayyip Erdoğan", "Vladimir Putin"), "meeting", "held", dt.date(2022, 9, 2))],
    ),
    # A leader named in a quoted statement is quoted, not met; a paraphrase quoted
    # mid-sentence still names the one met.
    (
        "Lors d'une rencontre à Berlin, Olaf Scholz a souligné que « toute concession "
        "donnerait à Vladimir Poutine un avantage ».",
        [],
    ),
    (
        "Lors d'un entretien téléphonique, Olaf Scholz a « insisté auprès de Vladimir "
        "Poutine pour qu'une solution soit trouvée ».",
        [(("Olaf Scholz", "Vladimir Putin"), "phone", "held", WED)],
    ),
    # Keeping talks going is no contact.
    (
        "Volodymyr Zelensky a salué les efforts d'Emmanuel Macron pour entretenir les "
        "pourparlers avec Moscou.",
        [],
    ),
    # A contact as the purpose of what is told is to come, unless told as past.
    (
        "Honneurs et préparatifs pour la visite à Paris de Narendra Modi",
        [(("Emmanuel Macron", "Narendra Modi"), "visit", "planned", None)],
    ),
    (
        "Narendra Modi a remercié Emmanuel Macron pour sa visite à New Delhi.",
        [(("Emmanuel Macron", "Narendra Modi"), "visit", "held", WED)],
    ),
    # A president and his own prime minister: domestic, no contact.
    ("Vladimir Putin met Prime Minister Mikhail Mishustin on Tuesday.", []),
    # Dates and status: "May 12" is the month; "after a meeting" is past whatever a quote
    # says; "in a few hours" is today; a contact that "could take place" is to come.
    (
        "Emmanuel Macron briefed reporters on his May 2 meeting with Narendra Modi in Paris.",
        [(("Emmanuel Macron", "Narendra Modi"), "meeting", "held", dt.date(2023, 5, 2))],
    ),
    (
        "'We will see,' Emmanuel Macron said after a meeting with Olaf Scholz in Berlin.",
        [(("Emmanuel Macron", "Olaf Scholz"), "meeting", "held", WED)],
    ),
    (
        "Chancellor Olaf Scholz will arrive in Kyiv in a few hours.",
        [(("Olaf Scholz", "Volodymyr Zelensky"), "visit", "planned", WED)],
    ),
    (
        "A meeting with Joe Biden could take place in June, Emmanuel Macron said.",
        [(("Emmanuel Macron", "Joe Biden"), "meeting", "planned", None)],
    ),
    (
        "Emmanuel Macron est attendu vendredi en Roumanie.",
        [(("Emmanuel Macron", "Klaus Iohannis"), "visit", "planned", dt.date(2023, 5, 12))],
    ),
    (
        "Olaf Scholz spoke about his contacts with Emmanuel Macron in Paris on May 2.",
        [(("Emmanuel Macron", "Olaf Scholz"), None, "held", dt.date(2023, 5, 2))],
    ),
    # A subject pronoun after a fronted place; "the parties" are the pair just told.
    (
        "Recep Tayyip Erdogan arrived in Qatar on Monday. In Doha, he met Emir Tamim bin "
        "Hamad Al Thani on Tuesday.",
        [
            (
                ("Recep Tayyip Erdoğan", "Tamim bin Hamad Al Thani"),
                "visit",
                "held",
                dt.date(2023, 5, 8),
            ),
            (("Recep Tayyip Erdoğan", "Tamim bin Hamad Al Thani"), "meeting", "held", TUE),
        ],
    ),
    (
        "Andrzej Duda met with Prime Minister of Belgium Alexander De Croo. The parties agreed "
        "to exchange visits next year.",
        [
            (("Alexander De Croo", "Andrzej Duda"), "meeting", "held", WED),
            (("Alexander De Croo", "Andrzej Duda"), "visit", "planned", None),
        ],
    ),
    # A list of those met runs past the usual reach of a contact word.
    (
        "Joe Biden also had brief meetings on the sidelines of the summit in Hiroshima with "
        "President of Finland Sauli Niinistö, President of the European Commission Ursula "
        "von der Leyen, Prime Minister of Japan Fumio Kishida, President of the European "
        "Council Charles Michel, Prime Minister of Canada Justin Trudeau, Prime Minister of "
        "Italy Giorgia Meloni and President of Kenya William Ruto.",
        [
            (("Joe Biden", "Sauli Niinistö"), "meeting", "held", WED),
            (("Fumio Kishida", "Joe Biden"), "meeting", "held", WED),
            (("Joe Biden", "Justin Trudeau"), "meeting", "held", WED),
            (("Giorgia Meloni", "Joe Biden"), "meeting", "held", WED),
            (("Joe Biden", "William Ruto"), "meeting", "held", WED),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS)
def test_news_contacts(sentence, expected):
    facts = extract(sentence, WED)
    got = [(c.leaders, c.mode, c.status, c.date) for c in facts.contacts]
    assert got == expected


SPEAKER = "Volodymyr Zelensky"
ADDRESS_ROWS = [
    # An office's own text, in the first person: thanking or congratulating someone is
    # told of a contact; in news the same words are often a public statement.
    (
        "Today I thanked Chancellor Olaf Scholz for the new air defence systems.",
        [(("Olaf Scholz", "Volodymyr Zelensky"), None, "held", WED)],
    ),
    (
        "I congratulated President Emmanuel Macron on his re-election.",
        [(("Emmanuel Macron", "Volodymyr Zelensky"), None, "held", WED)],
    ),
    (
        "We agreed with Prime Minister Giorgia Meloni to prepare new steps.",
        [(("Giorgia Meloni", "Volodymyr Zelensky"), None, "held", WED)],
    ),
    (
        "I am glad to meet the President of Finland Sauli Niinistö in Kyiv today.",
        [(("Sauli Niinistö", "Volodymyr Zelensky"), "meeting", "held", WED)],
    ),
    # Several guests came: each with the host, not with each other.
    (
        "The Prime Ministers of Spain and Denmark came to Kyiv today.",
        [
            (("Mette Frederiksen", "Volodymyr Zelensky"), "visit", "held", WED),
            (("Pedro Sánchez", "Volodymyr Zelensky"), "visit", "held", WED),
        ],
    ),
    # ", as well as" does not end the list of those met.
    (
        "I met Chancellor Olaf Scholz, as well as President Emmanuel Macron.",
        [
            (("Olaf Scholz", "Volodymyr Zelensky"), "meeting", "held", WED),
            (("Emmanuel Macron", "Volodymyr Zelensky"), "meeting", "held", WED),
        ],
    ),
    # A passive told by the office: its own leader is the other party.
    (
        "Energy cooperation was also discussed today with Prime Minister of Norway Jonas "
        "Gahr Støre.",
        [(("Jonas Gahr Støre", "Volodymyr Zelensky"), None, "held", WED)],
    ),
    (
        "I was glad to welcome Prime Minister of Spain Pedro Sánchez in Kyiv.",
        [(("Pedro Sánchez", "Volodymyr Zelensky"), "meeting", "held", WED)],
    ),
    # near miss: talking to the press is no contact of the leaders named
    ("After the negotiations, Olaf Scholz and Emmanuel Macron will talk to the media.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ADDRESS_ROWS)
def test_address_contacts(sentence, expected):
    facts = extract(sentence, WED, speaker=SPEAKER)
    got = sorted((c.leaders, c.mode, c.status, c.date) for c in facts.contacts)
    assert got == sorted(expected)


def test_first_person_thanks_in_news_are_no_contact():
    facts = extract("Volodymyr Zelensky thanked Olaf Scholz for the new air defence.", WED)
    assert facts.contacts == ()
