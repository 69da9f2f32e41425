"""monitor.htmltext: a feed item's HTML (or plain-text) field -> the article's paragraphs.

Every fragment here is written for these tests in the shape publishers' feeds use
(Le Monde-style descriptions, WordPress content:encoded, Google News descriptions);
none is copied from a real feed.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor import htmltext, seedformat
from monitor.htmltext import html_to_paragraphs, plain_to_paragraphs


def paras(markup: str) -> list[str]:
    text = html_to_paragraphs(markup)
    return text.split("\n\n") if text else []


# --------------------------------------------------------------------------- what the old stripper did


def test_old_behaviour_kept_paragraphs_entities_scripts():
    markup = (
        "<p>Le conseil municipal a voté le budget&nbsp;2025 à l&#8217;unanimité.</p>"
        "<script>window.dataLayer = [];</script>"
        "<p>Les travaux du pont commenceront en mars &amp; dureront un an.</p>"
        "<style>.pub { display: none }</style>"
    )
    expected = [
        "Le conseil municipal a voté le budget\u00a02025 à l’unanimité.",
        "Les travaux du pont commenceront en mars & dureront un an.",
    ]
    assert paras(markup) == expected


# --------------------------------------------------------------------------- 1. blocks end paragraphs


@pytest.mark.parametrize(
    "tag", ["p", "div", "li", "h2", "blockquote", "section", "article", "header", "pre", "dd"]
)
def test_block_elements_end_a_paragraph(tag):
    markup = f"Avant le bloc<{tag}>Dans le bloc</{tag}>Après le bloc"
    assert paras(markup) == ["Avant le bloc", "Dans le bloc", "Après le bloc"]


def test_text_after_a_figure_or_table_never_glues_on():
    markup = (
        "Le préfet a ordonné l'évacuation du quartier"
        '<figure><img src="https://img.example.fr/quartier.jpg" alt="">'
        "<figcaption>Le quartier vu du ciel.</figcaption></figure>"
        "Trois cents habitants ont été relogés"
        "<table><tr><td>Lundi</td><td>120</td></tr></table>"
        "Les pompiers restent sur place"
        "<hr>Mise à jour à 18 heures"
    )
    assert paras(markup) == [
        "Le préfet a ordonné l'évacuation du quartier",
        "Trois cents habitants ont été relogés",
        "Les pompiers restent sur place",
        "Mise à jour à 18 heures",
    ]


def test_list_items_and_headings_are_paragraphs():
    markup = (
        "<h3>Ce qu'il faut retenir</h3>"
        "<ul><li>Le scrutin aura lieu le 12 octobre.</li>"
        "<li>Les bureaux ouvriront à 8 heures.</li></ul>"
        "<dl><dt>Participation</dt><dd>Elle était de 61 % au premier tour.</dd></dl>"
    )
    assert paras(markup) == [
        "Ce qu'il faut retenir",
        "Le scrutin aura lieu le 12 octobre.",
        "Les bureaux ouvriront à 8 heures.",
        "Participation",
        "Elle était de 61 % au premier tour.",
    ]


# --------------------------------------------------------------------------- 2. dropped elements


@pytest.mark.parametrize(
    "element",
    [
        '<figure><img src="a.jpg"><figcaption>Une légende de photo</figcaption></figure>',
        "<figcaption>Une légende isolée</figcaption>",
        '<picture><source srcset="a.webp"><img src="a.jpg" alt="Photo"></picture>',
        '<img src="a.jpg" alt="Une photo du port">',
        "<table><tr><th>Ville</th><th>Votes</th></tr><tr><td>Lyon</td><td>812</td></tr></table>",
        "<script>var tracker = 'texte de script';</script>",
        "<style>p { color: red } /* texte de style */</style>",
        "<noscript>Activez JavaScript pour voir la vidéo</noscript>",
        '<iframe src="https://video.example.fr/embed/1">Texte de repli</iframe>',
        "<video controls>Votre navigateur ne lit pas la vidéo</video>",
        "<audio controls>Votre navigateur ne lit pas le son</audio>",
        '<object data="a.swf">Texte objet</object>',
        '<embed src="a.swf">',
        "<svg><title>Icône</title><text>Texte vectoriel</text></svg>",
        "<form><label>Votre courriel</label><input name=m><button>S'abonner</button></form>",
        "<button>Partager sur les réseaux</button>",
        "<nav><a href='/'>Accueil</a> › <a href='/monde'>Monde</a></nav>",
        "<aside>Newsletter : recevez nos alertes chaque matin</aside>",
        "<template><p>Modèle caché</p></template>",
        "<!-- bloc publicitaire : texte de commentaire -->",
    ],
)
def test_dropped_with_their_text(element):
    markup = f"<p>Le ministre arrive à Brest.</p>{element}<p>Il visitera le chantier naval.</p>"
    assert paras(markup) == ["Le ministre arrive à Brest.", "Il visitera le chantier naval."]


def test_dropped_inline_element_does_not_split_the_sentence():
    markup = '<p>Le maire<img src="emoji.png" alt=""> a signé <script>x()</script>le décret.</p>'
    assert paras(markup) == ["Le maire a signé le décret."]


def test_comment_inside_a_word_leaves_the_word_whole():
    assert paras("<p>Strasbourg<!-- pub -->eois</p>") == ["Strasbourgeois"]


# --------------------------------------------------------------------------- 3. related-link blocks


@pytest.mark.parametrize(
    "block",
    [
        '<p><strong>Lire aussi :</strong> <a href="/a">Le port de Marseille s’agrandit</a></p>',
        '<p><strong>À lire aussi</strong> | <a href="/a">Les chantiers de l’été</a></p>',
        '<p>A lire aussi - <a href="/a">La rentrée des classes</a></p>',
        '<p><em>Lire également :</em> <a href="/a">Le budget de la ville</a></p>',
        '<div class="encadre">Voir aussi : <a href="/a">Notre dossier sur l’eau</a></div>',
        '<p><a href="/a"><strong>Read more:</strong> Council approves new tram line</a></p>',
        '<p>READ ALSO | <a href="/a">Flood warnings issued for the valley</a></p>',
        '<p>Related: <a href="/a">Harbour expansion delayed again</a></p>',
        '<li>See also: <a href="/a">Our guide to the elections</a></li>',
        '<p>» Also read — <a href="/a">How the vote works</a></p>',
        # Decomposed accent (A + combining grave), as some CMS export it.
        '<p>A\u0300 lire aussi : <a href="/a">Le marché de Noël</a></p>',
    ],
)
def test_related_link_paragraph_dropped(block):
    markup = f"<p>La mairie a présenté son plan.</p>{block}<p>Le vote aura lieu lundi.</p>"
    assert paras(markup) == ["La mairie a présenté son plan.", "Le vote aura lieu lundi."]


def test_related_heading_then_list_dropped():
    markup = (
        "<p>Les urgences de l'hôpital fermeront la nuit cet été.</p>"
        "<p><strong>À lire aussi :</strong></p>"
        "<ul>"
        '<li><a href="/1">Le manque de médecins dans la région</a>, notre enquête publiée '
        "mardi dans le supplément santé avec des témoignages de soignants</li>"
        '<li><a href="/2">Ce que prévoit le plan du gouvernement</a></li>'
        "</ul>"
        "<p>L'agence régionale de santé promet des renforts.</p>"
    )
    assert paras(markup) == [
        "Les urgences de l'hôpital fermeront la nuit cet été.",
        "L'agence régionale de santé promet des renforts.",
    ]


def test_related_heading_then_link_only_paragraphs_dropped():
    markup = (
        "<p>The bridge will close for repairs in May.</p>"
        "<h4>See also</h4>"
        '<p><a href="/1">Road works across the county</a></p>'
        '<p><a href="/2">Bus diversions this summer</a></p>'
        "<p>Drivers are advised to use the ring road.</p>"
    )
    assert paras(markup) == [
        "The bridge will close for repairs in May.",
        "Drivers are advised to use the ring road.",
    ]


def test_related_phrase_inside_prose_or_as_a_longer_word_is_kept():
    markup = (
        "<p>Il faut lire aussi le rapport annexe, a précisé la ministre.</p>"
        "<p>Lire aussitôt la notice avant usage, recommande le fabricant.</p>"
        "<p>Readers who read more than one paper were polled.</p>"
    )
    assert paras(markup) == [
        "Il faut lire aussi le rapport annexe, a précisé la ministre.",
        "Lire aussitôt la notice avant usage, recommande le fabricant.",
        "Readers who read more than one paper were polled.",
    ]


def test_related_phrases_are_data_and_the_regex_comes_from_them():
    assert "Lire aussi" in htmltext.RELATED_LINK_PHRASES_FR
    assert "Read more" in htmltext.RELATED_LINK_PHRASES_EN
    for phrase in htmltext.RELATED_LINK_PHRASES:
        assert htmltext._RELATED.match(f"{phrase} : un titre"), phrase


# --------------------------------------------------------------------------- 4. WordPress footers


def test_wordpress_footer_dropped_english():
    markup = (
        "<p>The festival returns to the old harbour this weekend with forty bands.</p>\n"
        '<p>The post <a rel="nofollow" href="https://blog.example.org/festival/">'
        "Festival returns to the harbour</a> appeared first on "
        '<a rel="nofollow" href="https://blog.example.org">Harbour Weekly</a>.</p>\n'
    )
    assert paras(markup) == [
        "The festival returns to the old harbour this weekend with forty bands."
    ]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_wordpress_footer_dropped_french(apostrophe):
    markup = (
        "<p>Le festival revient sur le vieux port ce week-end avec quarante groupes.</p>\n"
        f'<p>L{apostrophe}article <a href="https://blog.example.fr/festival/">Le festival '
        "revient sur le port</a> est apparu en premier sur "
        '<a href="https://blog.example.fr">La Gazette du Port</a>.</p>'
    )
    assert paras(markup) == [
        "Le festival revient sur le vieux port ce week-end avec quarante groupes."
    ]


def test_wordpress_footer_at_the_end_of_the_last_paragraph():
    markup = (
        "<p>The post office on Main Street will close on Friday. The post "
        '<a href="/x">Main Street post office to close</a> appeared first on '
        '<a href="/">Town Crier</a>.</p>'
    )
    assert paras(markup) == ["The post office on Main Street will close on Friday."]


def test_sentence_that_merely_mentions_the_post_is_kept():
    text = "The post of mayor appeared first on the agenda of the council meeting."
    assert paras(f"<p>{text}</p>") == [text]


# --------------------------------------------------------------------------- 5. Google News and link lists


def test_google_news_single_headline_is_empty():
    markup = (
        '<a href="https://news.google.com/rss/articles/CBMiexample?oc=5" target="_blank">'
        "Le Parlement adopte la réforme des retraites</a>&nbsp;&nbsp;"
        '<font color="#6f6f6f">Le Quotidien du Centre</font>'
    )
    assert html_to_paragraphs(markup) == ""


def test_google_news_list_with_full_coverage_link_is_empty():
    markup = (
        "<ol>"
        '<li><a href="https://news.google.com/rss/articles/CBMi1" target="_blank">'
        "Storm closes schools across the north</a>&nbsp;&nbsp;"
        '<font color="#6f6f6f">Northern Echo Daily</font></li>'
        '<li><a href="https://news.google.com/rss/articles/CBMi2" target="_blank">'
        "Thousands without power after overnight gales</a>&nbsp;&nbsp;"
        '<font color="#6F6F6F">Coastal Radio</font></li>'
        '<li><strong><a href="https://news.google.com/stories/CAAq" target="_blank">'
        "View Full Coverage on Google News</a></strong></li>"
        "</ol>"
    )
    assert html_to_paragraphs(markup) == ""


def test_list_of_links_with_short_sources_dropped():
    markup = (
        "<p>Le tribunal rendra sa décision le 3 juin.</p>"
        "<ul>"
        '<li><a href="/1">Le procès en cinq dates</a> - Le Journal de l’Ouest</li>'
        '<li><a href="/2">Les parties civiles témoignent</a> (Radio Littoral)</li>'
        '<li><a href="/3">Portrait de l’avocat général</a></li>'
        "</ul>"
    )
    assert paras(markup) == ["Le tribunal rendra sa décision le 3 juin."]


def test_list_of_prose_items_with_links_is_kept():
    markup = (
        "<ul>"
        '<li>Le <a href="/budget">budget</a> de la défense augmentera de 7 % l’an prochain, '
        "selon le projet de loi de finances.</li>"
        '<li><a href="/otan">L’OTAN</a> tiendra son sommet à Vilnius en juillet.</li>'
        "</ul>"
    )
    assert paras(markup) == [
        "Le budget de la défense augmentera de 7 % l’an prochain, selon le projet de loi de "
        "finances.",
        "L’OTAN tiendra son sommet à Vilnius en juillet.",
    ]


def test_lone_linked_sentence_outside_lists_is_kept():
    text = "Le gouvernement a publié le décret au Journal officiel."
    assert paras(f'<p><a href="/decret">{text}</a></p>') == [text]


# --------------------------------------------------------------------------- 6. <br>


def test_single_br_is_a_space_and_two_are_a_paragraph_break():
    markup = (
        "<p>Le train pour Lyon<br>partira avec vingt minutes de retard.<br><br>"
        "La SNCF présente ses excuses.<br/>\n  <br />Un bus de remplacement est prévu."
        "<br>&nbsp;<br>Fin du communiqué.</p>"
    )
    assert paras(markup) == [
        "Le train pour Lyon partira avec vingt minutes de retard.",
        "La SNCF présente ses excuses.",
        "Un bus de remplacement est prévu.",
        "Fin du communiqué.",
    ]


def test_br_at_the_edges_of_a_paragraph_leaves_no_space():
    assert paras("<p><br>Le stade est complet.<br></p>") == ["Le stade est complet."]


# --------------------------------------------------------------------------- 7. inline elements


def test_inline_elements_join_as_written():
    markup = (
        "<p><b>Kyiv</b>'s mayor said the <em>new</em> shelters are <a href='/x'>ready</a>."
        " <span>Le</span> <abbr title='Conseil'>CNR</abbr> se réunit <q>demain</q>"
        "<sup>1</sup>, <i>a-t</i>-il <strong>précisé</strong>.</p>"
    )
    assert paras(markup) == [
        "Kyiv's mayor said the new shelters are ready. Le CNR se réunit demain1, a-t-il précisé."
    ]


def test_fragment_starting_with_plain_text():
    markup = "Un séisme a été ressenti dans la nuit <b>près de Nice</b>.<p>Aucun blessé.</p>"
    assert paras(markup) == ["Un séisme a été ressenti dans la nuit près de Nice.", "Aucun blessé."]


# --------------------------------------------------------------------------- 8. double-escaped HTML


def test_double_escaped_html_is_parsed_once_more():
    # As found inside CDATA: the feed escaped its HTML, so one decoding gives tags.
    markup = (
        "&lt;p&gt;Les pêcheurs bloquent le port de Lorient depuis l&amp;#8217;aube.&lt;/p&gt;"
        "&lt;p&gt;Ils protestent contre les quotas&amp;nbsp;2025.&lt;br&gt;La préfecture "
        "appelle au calme.&lt;/p&gt;"
        '&lt;p&gt;&lt;a href="https://x.example.fr"&gt;Lire aussi : les quotas '
        "expliqués&lt;/a&gt;&lt;/p&gt;"
    )
    assert paras(markup) == [
        "Les pêcheurs bloquent le port de Lorient depuis l’aube.",
        "Ils protestent contre les quotas\u00a02025. La préfecture appelle au calme.",
    ]


def test_escaped_comparison_in_prose_is_not_markup():
    assert html_to_paragraphs("<p>5 &lt; 10 and 20 &gt; 3</p>") == "5 < 10 and 20 > 3"
    assert html_to_paragraphs("<p>si a &lt;b et c&gt; d alors</p>") == "si a <b et c> d alors"
    assert html_to_paragraphs("5 &lt; 10 and 20 &gt; 3") == "5 < 10 and 20 > 3"


# --------------------------------------------------------------------------- 9. entities


def test_entities_decoded_exactly_once():
    markup = (
        "<p>Prix&nbsp;: 12&nbsp;€ l&#8217;entrée &amp; gratuit pour les moins de 12&#xA0;ans. "
        "Écrire &amp;amp; pour une esperluette, &amp;lt;p&amp;gt; pour une balise.</p>"
    )
    assert paras(markup) == [
        "Prix\u00a0: 12\u00a0€ l’entrée & gratuit pour les moins de 12\u00a0ans. "
        "Écrire &amp; pour une esperluette, &lt;p&gt; pour une balise."
    ]


def test_no_break_spaces_as_split_paragraphs_treats_them():
    # Kept inside a paragraph, gone at its ends, and a paragraph of them is no paragraph.
    markup = "<p>&nbsp;Le 14&nbsp;juillet&nbsp;</p><p>&nbsp;&nbsp;</p><p>Fin</p>"
    assert paras(markup) == ["Le 14\u00a0juillet", "Fin"]
    assert list(seedformat.split_paragraphs("\u00a0Le 14\u00a0juillet\u00a0")) == [
        "Le 14\u00a0juillet"
    ]


# --------------------------------------------------------------------------- 10. hostile input


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   \n\t ",
        "<p></p><div>  </div><br><br>",
        "<p>",
        "</p></div></span>",
        "<!-- rien -->",
        "<script>seulement du script</script>",
        "&nbsp;",
    ],
)
def test_no_text_gives_empty_string(markup):
    assert html_to_paragraphs(markup) == ""


def test_unclosed_and_misnested_tags():
    markup = "<p>Le cortège <b>a défilé <i>dans le calme<p>La police</b> n'a procédé à aucune</i> interpellation"
    assert paras(markup) == [
        "Le cortège a défilé dans le calme",
        "La police n'a procédé à aucune interpellation",
    ]


def test_nul_bytes_and_control_characters_dropped():
    markup = "<p>Vote\x00 du\x01 budget\x7f\x85 ce soir.\ud800</p><p>Fin&#1;&#x7f;.</p>"
    assert paras(markup) == ["Vote du budget ce soir.", "Fin."]


def test_malformed_entities_do_not_raise():
    markup = "<p>AT&T &bogus; &#99999999; &#xZZ; &amp &#; &lt</p>"
    out = html_to_paragraphs(markup)
    assert out.startswith("AT&T &bogus;")
    assert "\x00" not in out


def test_xml_declaration_and_meta_charset_do_not_change_decoding():
    markup = '<?xml version="1.0" encoding="iso-8859-1"?><meta charset="koi8-r"><p>Café crème</p>'
    assert paras(markup) == ["Café crème"]


def test_ten_thousand_nested_divs():
    markup = "<p>Début.</p>" + "<div>" * 10_000 + "Au fond." + "</div>" * 10_000 + "Après."
    start = time.perf_counter()
    assert paras(markup) == ["Début.", "Au fond.", "Après."]
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("tag", ["span", "b", "ul><li", "blockquote"])
def test_deep_nesting_of_any_tag_keeps_the_text(tag):
    markup = f"<{tag}>" * 5_000 + "Texte profond." + "<p>Suite.</p>"
    out = html_to_paragraphs(markup)
    assert "Texte profond." in out
    assert "Suite." in out


def test_two_megabyte_fragment_is_fast():
    paragraph = (
        "<p>Le conseil régional a adopté jeudi un plan de 40 millions d&#8217;euros "
        "pour <a href='/x'>les lignes</a> ferroviaires <b>secondaires</b>.</p>\n"
    )
    markup = paragraph * (2_000_000 // len(paragraph))
    start = time.perf_counter()
    out = paras(markup)
    elapsed = time.perf_counter() - start
    assert len(out) == 2_000_000 // len(paragraph)
    assert out[0] == (
        "Le conseil régional a adopté jeudi un plan de 40 millions d’euros pour les "
        "lignes ferroviaires secondaires."
    )
    assert elapsed < 10, elapsed


@pytest.mark.parametrize(
    "markup",
    [
        "<p>" + "Lire aussi " * 200_000 + "</p>",
        "<p>" + "!" * 1_000_000 + "</p>",
        "<p>The post " * 50_000 + " appeared first on x</p>",
        "<p>" + "The post <a href=x>t</a> appeared first on " * 50_000 + "<a>s</a>.</p>",
        '&lt;p a="' * 100_000,
        "<a" * 200_000,
        "<ul><li>" * 1_000 + "<a href=x>lien</a>",
    ],
    ids=[
        "related",
        "punctuation",
        "footer",
        "footer-links",
        "escaped-quote",
        "open-tags",
        "nested-lists",
    ],
)
def test_pathological_fragments_stay_fast(markup):
    start = time.perf_counter()
    html_to_paragraphs(markup)
    assert time.perf_counter() - start < 10


def test_threads_each_get_the_same_result():
    markups = [
        f"<p>Dépêche numéro {i}.</p><figure><figcaption>Photo {i}</figcaption></figure>"
        f"<p>Suite de la dépêche {i}.<br><br>Fin {i}.</p>"
        for i in range(200)
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(html_to_paragraphs, markups))
    assert results == [
        f"Dépêche numéro {i}.\n\nSuite de la dépêche {i}.\n\nFin {i}." for i in range(200)
    ]


# --------------------------------------------------------------------------- plain text


def test_plain_text_is_not_parsed():
    assert plain_to_paragraphs("5 < 10 and 20 > 3") == "5 < 10 and 20 > 3"
    assert plain_to_paragraphs("<p>pas une balise</p> &amp; pas une entité") == (
        "<p>pas une balise</p> &amp; pas une entité"
    )


def test_plain_text_paragraphs_and_controls():
    text = "Premier\tparagraphe\r\nsur deux lignes.\r\n\r\nSecond\x00 paragraphe\x07.\n\n\n"
    assert plain_to_paragraphs(text) == "Premier paragraphe sur deux lignes.\n\nSecond paragraphe."
    assert plain_to_paragraphs("") == ""
    assert plain_to_paragraphs("\x00\x01 \n") == ""


def test_plain_text_folds_whitespace_and_keeps_paragraphs():
    text = "Le préfet\u00a0: « Restez chez vous. »\n\nLa tempête   arrive\tce soir.\n"
    assert plain_to_paragraphs(text) == (
        "Le préfet\u00a0: « Restez chez vous. »\n\nLa tempête arrive ce soir."
    )


def test_html_without_tags_or_entities_takes_the_plain_path():
    text = "Une dépêche sans balise.\n\nDeuxième paragraphe."
    assert html_to_paragraphs(text) == plain_to_paragraphs(text)
    # And the parsed path agrees: blank lines in text are paragraph breaks there too.
    assert html_to_paragraphs(text + " &amp;") == plain_to_paragraphs(text + " &")


# --------------------------------------------------------------------------- a whole item


def test_wordpress_item_end_to_end():
    markup = """
<p>The regional council voted on Tuesday to extend the <strong>emergency housing</strong>
programme for another six months.</p>
<figure class="wp-block-image"><img src="https://blog.example.org/hall.jpg" alt="" />
<figcaption>The council chamber.</figcaption></figure>
<p>Officials said the <a href="https://blog.example.org/budget">revised budget</a> would
cover extra staff &amp; equipment.<br>
Opposition members abstained.</p>
<p><strong>Read more:</strong> <a href="https://blog.example.org/earlier">Earlier coverage</a></p>
<ul><li><a href="https://blog.example.org/1">Shelter numbers rise</a></li>
<li><a href="https://blog.example.org/2">Winter plan announced</a></li></ul>
<p>The next vote is due in March.</p>
<p>The post <a href="https://blog.example.org/p">Council extends housing programme</a>
appeared first on <a href="https://blog.example.org">Example Daily</a>.</p>
"""
    assert paras(markup) == [
        "The regional council voted on Tuesday to extend the emergency housing programme for "
        "another six months.",
        "Officials said the revised budget would cover extra staff & equipment. Opposition "
        "members abstained.",
        "The next vote is due in March.",
    ]


# --------------------------------------------------------------------------- the fast splitter


@given(st.text(alphabet=" \t\n\r\f\v\u00a0\u3000\x1cab\u00e9", max_size=40))
def test_fast_split_equals_seedformat_split(text):
    assert htmltext._split_paragraphs(text) == list(seedformat.split_paragraphs(text))


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # A picture in one cell, the lede in the next: prose laid out in a table.
        (
            '<table><tr><td><img src="https://img.example/a.jpg"></td><td>Le ministère a '
            "confirmé jeudi l'envoi de 500 soldats supplémentaires vers la frontière "
            "orientale.</td></tr></table>",
            [
                "Le ministère a confirmé jeudi l'envoi de 500 soldats supplémentaires vers la "
                "frontière orientale."
            ],
        ),
        # The phrase opens a sentence, not a block of links.
        (
            "<p>Voir aussi le rapport : 1 200 réservistes ont été rappelés en une semaine.</p>",
            ["Voir aussi le rapport : 1 200 réservistes ont été rappelés en une semaine."],
        ),
        (
            "<p>Read more than the summary: 4,000 troops are now on standby.</p>",
            ["Read more than the summary: 4,000 troops are now on standby."],
        ),
    ],
)
def test_prose_that_looks_like_what_is_dropped_is_kept(markup, expected):
    assert paras(markup) == expected
