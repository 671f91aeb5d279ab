"""A report's sources are links that open: an address with balanced parentheses inside it
(Wikipedia's "13th_Congress_of_the_Russian_Communist_Party_(Bolsheviks)") is linked whole; a
parenthesis that closes around an address is not part of it."""

from __future__ import annotations

import re

from game.analysis.document import Document, Paragraph, render_html

CONGRESS = "https://en.wikipedia.org/wiki/13th_Congress_of_the_Russian_Communist_Party_(Bolsheviks)"


def test_an_address_with_parentheses_is_linked_whole() -> None:
    document = Document("t")
    document.blocks.append(Paragraph(f"Source: {CONGRESS}; see also (https://example.org/a)."))
    links = re.findall(r'href="([^"]+)"', render_html(document))
    assert links == [CONGRESS, "https://example.org/a"]
