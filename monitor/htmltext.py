"""Plain article text from a feed item's HTML (or plain-text) field.

    html_to_paragraphs(markup)  -> paragraphs joined by one blank line
    plain_to_paragraphs(text)   -> the same, for fields that are not HTML at all

A feed description is not a page: it is a fragment, often one sentence, so page
extractors (trafilatura) drop it as too short. This module walks the fragment with
lxml's HTML parser instead and keeps only what a reader would read as the article's
prose. Dropped, each because it is not that prose:

* figures, captions, images, tables (data, not sentences), scripts, styles,
  embedded media, forms, buttons, navigation, asides, templates and comments;
* related-link blocks: a paragraph starting with "Lire aussi", "Read more"... (see
  ``RELATED_LINK_PHRASES_FR`` / ``_EN``), and the list or link-only paragraphs right
  after such a heading: they are other articles' headlines;
* WordPress footers ("The post X appeared first on Y.", "L'article X est apparu en
  premier sur Y."): boilerplate added by the blog engine to every item;
* Google News descriptions (links each followed by a grey ``<font>`` outlet name, and
  the "View Full Coverage" link): the item's own headline is already its title and
  the rest are other outlets' headlines, so nothing is left;
* any list whose every item is only a link (plus at most a short source name).

Block elements end a paragraph; a single ``<br>`` is a line break inside a sentence
(a space), two or more in a row are a paragraph break; inline elements join their
neighbours exactly as written. Entities are decoded once; a fragment whose decoded
text is itself HTML (escaped twice by the feed) is parsed once more. No-break spaces
stay inside paragraphs, as ``seedformat.split_paragraphs`` keeps them.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata

from lxml import etree

from monitor.seedformat import PARAGRAPH_BREAK, split_paragraphs

#: Phrases that open a related-articles block, per language. The regex that finds them
#: is built from these tuples: add a phrase here, not in a pattern.
RELATED_LINK_PHRASES_FR: tuple[str, ...] = (
    "Lire aussi",
    "À lire aussi",
    "A lire aussi",
    "Lire également",
    "À lire également",
    "Voir aussi",
)
RELATED_LINK_PHRASES_EN: tuple[str, ...] = (
    "Read more",
    "Read also",
    "Related:",
    "See also",
    "Also read",
)
RELATED_LINK_PHRASES: tuple[str, ...] = RELATED_LINK_PHRASES_FR + RELATED_LINK_PHRASES_EN

#: Class names that mark a picture's caption or credit, or a block of related links, in
#: publishers' HTML where no <figure> says so (WordPress's classic editor writes
#: <div class="wp-caption"><img><p class="wp-caption-text">...</p></div>). An element
#: with one of these classes is dropped with its text, as a <figure> is.
DROPPED_CLASSES: frozenset[str] = frozenset(
    (
        "wp-caption",
        "wp-caption-text",
        "caption",
        "image-caption",
        "photo-caption",
        "media-caption",
        "photo-credit",
        "image-credit",
        "credit",
        "jp-relatedposts",
        "related-posts",
        "yarpp-related",
    )
)

#: Text of the link Google News puts after its list of outlets' headlines.
GOOGLE_NEWS_COVERAGE_LINKS: tuple[str, ...] = (
    "View Full Coverage on Google News",
    "Voir la couverture complète sur Google Actualités",
)
#: The grey Google News gives the outlet name after each headline link.
GOOGLE_NEWS_SOURCE_COLOR = "#6f6f6f"

# Ends a paragraph. Dropped elements that sit between paragraphs are boundaries too,
# so the text after a removed figure or table starts a paragraph of its own.
# fmt: off
_DROPPED_BLOCKS = frozenset({
    "figure", "figcaption", "table", "iframe", "video", "audio", "object", "form", "nav",
    "aside", "template", "canvas", "map", "select", "textarea", "head",
})
# Dropped without a boundary: they sit inside a line of text (icons, inline scripts).
# Not <embed>, <source>, <track>, <wbr>: empty elements that libxml2 does not know to
# be empty, so it puts what follows them inside them; they hold no text of their own.
_DROPPED_INLINE = frozenset({
    "img", "picture", "script", "style", "noscript", "svg", "button", "title", "meta",
    "link", "base", "input",
})
_DROPPED = _DROPPED_BLOCKS | _DROPPED_INLINE
_BLOCKS = _DROPPED_BLOCKS | frozenset({
    "html", "body", "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "section", "article", "header", "footer", "main", "pre", "hr",
    "address", "details", "summary", "fieldset", "legend", "center", "hgroup", "menu", "dir",
    "dialog", "tr", "td", "th",
})
# fmt: on
_LISTS = frozenset(("ul", "ol"))

# Stands for a <br> until the paragraph is assembled; the input never holds a NUL
# (control characters are removed before parsing).
_BR = "\x00"
_BR_RUN = re.compile("\x00(?:[ \t\n\r\f\u00a0]*\x00)+")

# Control characters are not text, and lone surrogates cannot be written as UTF-8.
# Tab, newlines, \v and \f stay: they are whitespace, folded with the rest.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# The same test on UTF-8 bytes: a regex character class costs ~5 ns a character,
# bytes.translate and a search with a literal prefix a fraction of that.
_C0_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20)) + b"\x7f"
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")

# Punctuation around links that does not make a list item or paragraph prose.
_SEPARATORS = " \t\n\r\f\u00a0|-–—·•:,;()[]«»<>/›→►▸"


def _related_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """^, optional bullets, then one phrase (any whitespace between its words)."""
    alternatives = []
    # Composed and decomposed accents both, rather than normalizing every paragraph.
    forms = {unicodedata.normalize(form, p) for p in phrases for form in ("NFC", "NFD")}
    for phrase in sorted(forms, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        # "Lire aussitôt" is prose: a phrase ending in a letter must end a word.
        alternatives.append(body + (r"(?!\w)" if phrase[-1].isalnum() else ""))
    # Bullets are a character or two; a bound keeps a paragraph of punctuation linear.
    return re.compile(r"^\W{0,8}(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


_RELATED = _related_pattern(RELATED_LINK_PHRASES)
_COVERAGE_LINKS = frozenset(" ".join(t.split()).casefold() for t in GOOGLE_NEWS_COVERAGE_LINKS)

# WordPress footers: "<lead> <a>Title</a> <middle> <a>Site</a>." Found by this shape,
# links included: a sentence such as "The post of mayor appeared first on the agenda"
# is prose.
_FOOTER_MIDDLES = ("appeared first on", "est apparu en premier sur")
_FOOTER_LEAD = re.compile(r"(?:^|(?<=\s))(?:The post|L['’]article)\s*$")
_FOOTER_MARKERS = tuple(m.encode() for m in _FOOTER_MIDDLES)

# Tags that, found in text after one decoding, show the text is HTML escaped twice.
# Attributes must have values so prose such as "a<b and c>d" does not qualify.
_LOOKS_LIKE_MARKUP = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|u|ul|ol|li|h[1-6]|blockquote|img|figure"
    r"|figcaption|table|iframe|script|style|section|article)"
    # Values stop at "<" too, so a stray quote cannot make a scan run to the end of
    # the text from every "<".
    r"""(?:\s+[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))*\s*/?>""",
    re.IGNORECASE,
)

# libxml2 stops at 2048 nested elements (256 without huge_tree) and drops the rest.
_MAX_DEPTH = 2048
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")

# A source name after a link ("Le Monde", "(AFP)") is short; more is prose.
_SOURCE_MAX_CHARS = 60
_SOURCE_MAX_WORDS = 6
# Past this a paragraph is not a bare "Lire aussi :" heading.
_HEADING_MAX_CHARS = 80
# A list item with more elements than this is not "a link and a source name"; the
# bound also keeps lists nested in lists from costing depth squared.
_ITEM_MAX_EVENTS = 100


_local = threading.local()


def _parser() -> etree.HTMLParser:
    # One parser per thread: an lxml parser keeps state while it runs.
    try:
        return _local.parser
    except AttributeError:
        parser = etree.HTMLParser(
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            default_doctype=False,
            huge_tree=True,
        )
        _local.parser = parser
        return parser


def _clean(text: str) -> tuple[str, bytes]:
    """text without control characters and lone surrogates, and its UTF-8."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        if len(data.translate(None, _C0_BYTES)) == len(data) and not (
            b"\xc2" in data and _C1_UTF8.search(data)
        ):
            return text, data
    text = _CONTROL.sub("", text)
    return text, text.encode("utf-8")


def plain_to_paragraphs(text: str) -> str:
    """Plain text (an Atom type="text" field): no HTML parsing at all ("5 < 10 and 20 > 3"
    stays as it is); control characters dropped; paragraphs as above."""
    if not text:
        return ""
    return "\n\n".join(_split_paragraphs(_clean(text)[0]))


def html_to_paragraphs(markup: str) -> str:
    """Plain text of an HTML fragment: paragraphs joined by one blank line ("\\n\\n"),
    whitespace inside each paragraph folded to single spaces, entities decoded once."""
    if not markup:
        return ""
    if "<" not in markup and "&" not in markup:
        return plain_to_paragraphs(markup)
    paragraphs = _paragraphs(markup)
    if any("<" in p for p in paragraphs):
        # Escaped twice by the feed: what one decoding left is markup. Parse that
        # paragraph once more (only once: the result is final whatever it holds).
        expanded: list[str] = []
        for p in paragraphs:
            if "<" in p and _LOOKS_LIKE_MARKUP.search(p):
                expanded.extend(_paragraphs(p))
            else:
                expanded.append(p)
        paragraphs = expanded
    return "\n\n".join(paragraphs)


# One paragraph as the walk finds it: text, the number of the (outermost) list it is
# in (0 outside lists), and whether all its text is link text.
_Item = tuple[str, int, bool, bool]  # text, list number, link only, has a link


def _paragraphs(markup: str) -> list[str]:
    markup, data = _clean(markup)
    root = _parse(data)
    if root is None:
        root = _parse(_flatten(markup).encode("utf-8"))
    if root is None:
        items: list[_Item] = [(p, 0, False, False) for p in _strip_tags(markup)]
    else:
        _prune(root, footers=any(m in data for m in _FOOTER_MARKERS))
        # Numeric references (&#1;) can decode to control characters.
        items = _walk(root, char_refs="&#" in markup)
    return _filter(items)


def _parse(data: bytes) -> etree._Element | None:
    """The parsed fragment, or None when lxml could not read all of it."""
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except (ValueError, etree.LxmlError):
        return None
    if root is None:  # nothing but whitespace
        return etree.Element("html")
    if data.count(b"<") > _MAX_DEPTH and any(
        "depth" in e.message for e in parser.error_log.filter_from_fatals()
    ):
        return None
    return root


def _flatten(markup: str) -> str:
    """Markup without container and inline tags, for fragments nested too deep to parse.

    Block tags become blank lines (paragraph breaks for the walk); tags whose content
    is dropped stay, so that content still goes."""

    def replace(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if name in _DROPPED or name == "br":
            return m.group(0)
        return "\n\n" if name in _BLOCKS else ""

    return _ANY_TAG.sub(replace, markup)


def _strip_tags(markup: str) -> tuple[str, ...]:
    """Last resort for markup lxml cannot read even flattened: every tag goes."""
    text = _ANY_TAG.sub(lambda m: "\n\n" if m.group(2).lower() in _BLOCKS else "", markup)
    return tuple(_split_paragraphs(_clean(html.unescape(text))[0]))


def _prune(root: etree._Element, footers: bool) -> None:
    """Remove the WordPress footers; empty (keeping what follows them) the Google News
    items and the link lists."""
    if footers:
        for link in list(root.iter("a")):
            _drop_footer(link)
    google_news = False
    for font in list(root.iter("font")):
        if (font.get("color") or "").strip().lower() != GOOGLE_NEWS_SOURCE_COLOR:
            continue
        google_news = True
        link = font.getprevious()
        if link is not None and link.tag == "a" and not (link.tail or "").strip():
            link.clear(keep_tail=True)
        font.clear(keep_tail=True)
    if google_news:
        for link in list(root.iter("a")):
            if " ".join("".join(link.itertext()).split()).casefold() in _COVERAGE_LINKS:
                link.clear(keep_tail=True)
    for lst in list(root.iter("ul", "ol")):
        if _is_link_list(lst):
            lst.clear(keep_tail=True)


def _drop_footer(title: etree._Element) -> None:
    """Remove the WordPress footer whose title link this is, if it is one."""
    middle = " ".join((title.tail or "").split())
    if middle not in _FOOTER_MIDDLES:
        return
    site = title.getnext()
    if site is None or site.tag != "a" or (site.tail or "").strip() not in ("", "."):
        return
    parent = title.getparent()
    if parent is None:
        return
    previous = title.getprevious()
    before = (parent.text if previous is None else previous.tail) or ""
    lead = _FOOTER_LEAD.search(before)
    if lead is None:
        return
    before = before[: lead.start()]
    if previous is None:
        parent.text = before
    else:
        previous.tail = before
    # remove() takes each link's tail with it: " appeared first on " and the full stop.
    parent.remove(title)
    parent.remove(site)


def _is_link_list(lst: etree._Element) -> bool:
    """Every item is a link, optionally followed by a short source name."""
    kinds = [_item_kind(item) for item in lst if item.tag == "li"]
    return "link" in kinds and "prose" not in kinds


def _item_kind(item: etree._Element) -> str:
    """What a list item holds: "link" (link text and at most a source name), "prose",
    or "" (no text at all)."""
    has_link = False
    rest: list[str] = []
    walker = etree.iterwalk(item, events=("start", "end"))
    for count, (event, el) in enumerate(walker):
        if count > _ITEM_MAX_EVENTS:
            return "prose"
        if event == "start":
            tag = el.tag
            if el is not item and (tag == "a" or tag in _DROPPED):
                if tag == "a" and "".join(el.itertext()).strip():
                    has_link = True
                walker.skip_subtree()
            elif el.text:
                rest.append(el.text)
        elif el is not item and el.tail:
            rest.append(el.tail)
    words = "".join(rest).strip(_SEPARATORS).split()
    if not has_link:
        return "prose" if words else ""
    if len(words) > _SOURCE_MAX_WORDS or len(" ".join(words)) > _SOURCE_MAX_CHARS:
        return "prose"
    return "link"


def _walk(root: etree._Element, char_refs: bool) -> list[_Item]:
    """The fragment's paragraphs in order, with what _filter needs to know of each."""
    items: list[_Item] = []
    pieces: list[str] = []
    in_link = 0
    # Whether the paragraph being built has link text / other text. Whitespace and
    # separators alone (between two <p>, around a dropped figure) make no paragraph.
    linked = prose = False
    list_depth = list_number = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        start = event == "start"
        if tag in _BLOCKS:
            # A block's start and its end both end the paragraph being built.
            if linked or prose:
                key = list_number if list_depth else 0
                _flush(pieces, items, key, not prose, char_refs, linked)
                linked = prose = False
            pieces.clear()
            if tag in _LISTS:
                # Counted at the start even when dropped: its end (which iterwalk gives
                # for a skipped element too) counts it off again.
                if start and not list_depth:
                    list_number += 1
                list_depth += 1 if start else -1
        if start:
            if (tag in _DROPPED and not (tag == "table" and _layout_table(el))) or (
                tag != "a" and _dropped_class(el)
            ):
                walker.skip_subtree()
                continue
            if tag == "br":
                pieces.append(_BR)
            elif tag == "a":
                in_link += 1
            text = el.text
        else:
            if tag == "a":
                in_link -= 1
            text = el.tail
        if text:
            pieces.append(text)
            if in_link:
                linked = True
            elif not prose and text.strip(_SEPARATORS):
                prose = True
    if linked or prose:
        _flush(pieces, items, 0, not prose, char_refs, linked)
    return items


#: A table cell holding this many words and a sentence's end is prose laid out in a
#: table (old newsletters and agency feeds put the picture in one cell, the text in
#: the next), not data: its text is kept.
_PROSE_CELL_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…»]\s*$|[.!?…]\s")


def _layout_table(table: etree._Element) -> bool:
    for cell in table.iter("td", "th"):
        text = " ".join("".join(cell.itertext()).split())
        if len(text.split()) >= _PROSE_CELL_WORDS and _SENTENCE_END.search(text):
            return True
    return False


def _dropped_class(el: etree._Element) -> bool:
    classes = el.get("class")
    return bool(classes) and not DROPPED_CLASSES.isdisjoint(classes.lower().split())


def _flush(
    pieces: list[str],
    items: list[_Item],
    list_number: int,
    link_only: bool,
    char_refs: bool,
    linked: bool = True,
) -> None:
    text = "".join(pieces)
    pieces.clear()
    if _BR in text:
        # Two <br> in a row separate paragraphs; one is a line break inside a sentence.
        text = _BR_RUN.sub("\n\n", text).replace(_BR, " ")
    if char_refs:
        text = _clean(text)[0]
    items.extend((p, list_number, link_only, linked) for p in _split_paragraphs(text))


def _split_paragraphs(text: str) -> list[str]:
    """seedformat.split_paragraphs(text), sooner.

    Its regex folding costs ~25 us on a 600-character paragraph, as much as all the
    rest of html_to_paragraphs; str methods give the same result (a test compares
    both on random text) in a fraction of that."""
    if "\r" in text or "\f" in text or "\v" in text:
        return list(split_paragraphs(text))
    paragraphs = []
    for part in PARAGRAPH_BREAK.split(text) if "\n" in text else (text,):
        if "\n" in part or "\t" in part:
            part = part.replace("\n", " ").replace("\t", " ")
        if "  " in part:
            part = " ".join(filter(None, part.split(" ")))
        # Like clean_paragraph: the ends lose every kind of space, no-break ones too.
        part = part.strip()
        if part:
            paragraphs.append(part)
    return paragraphs


def _filter(items: list[_Item]) -> list[str]:
    """The paragraphs without related-link blocks."""
    kept: list[str] = []
    after_heading = False  # just passed a bare "Lire aussi :" paragraph
    skipped_list = 0
    for text, list_number, link_only, linked in items:
        if skipped_list and list_number == skipped_list:
            continue
        skipped_list = 0
        if after_heading:
            if list_number:
                skipped_list = list_number
                after_heading = False
                continue
            if link_only:
                continue
            after_heading = False
        related = _related(text, linked)
        if related:
            after_heading = related == "heading"
            continue
        kept.append(text)
    return kept


def _related(text: str, linked: bool = True) -> str:
    """What a paragraph is: "heading" (a bare "Lire aussi :"), "block" (a related
    link with its heading), or "" (anything else)."""
    m = _RELATED.match(text)
    if not m:
        return ""
    rest = text[m.end() :]
    if len(text) <= _HEADING_MAX_CHARS and not rest.strip(_SEPARATORS + ".…"):
        return "heading"
    # A related-link block sets its phrase off ("Lire aussi : ...", "Related: ...") or
    # goes on with a link; "Voir aussi le communiqué : 3 000 soldats..." or "Read more
    # than 2,000 pages" without a link is a sentence.
    set_off = m.group(0)[-1:] in _BLOCK_MARKS or rest.lstrip()[:1] in _BLOCK_MARKS
    if not set_off and not linked:
        return ""
    return "block"


#: What sets a related-link phrase off from the headline after it.
_BLOCK_MARKS = frozenset(":|-–—»›>·•")
