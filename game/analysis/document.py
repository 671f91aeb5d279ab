"""A report as plain blocks (headings, paragraphs, tables, lists, PNG figures) and its two
renderings: one self-contained HTML file (charts inline as base64, CSS for screen and print)
and Markdown with the charts as PNG files beside it."""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from string import Template
from urllib.parse import quote

# A web address, with balanced parentheses inside it (Wikipedia's "..._(Bolsheviks)") but not
# the one that closes a parenthesis around it ("(see https://...)").
_URL = re.compile(r"(https?://(?:[^\s<>\"'()]|\([^\s<>\"'()]*\))+)")
_MD_MARKS = re.compile(r"([\\`*_\[\]|~])")  # emphasis, code, links and images, table cells
_MD_LEADING = re.compile(r"^([#>+=-]|[0-9]+[.)])")  # a heading, quote, list or rule


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Bullets:
    items: list[str]
    ordered: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart: ``name`` is its file name stem in the Markdown rendering."""

    png: bytes
    alt: str
    name: str


Block = Heading | Paragraph | Table | Bullets | Figure


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)


PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>
body { font-family: Georgia, "Times New Roman", serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.7rem; border-bottom: 2px solid #8b1a1a; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; color: #8b1a1a; }
h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .88rem; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .45rem; text-align: left;
         vertical-align: top; }
th { background: #f1ece4; }
tr:nth-child(even) td { background: #faf8f5; }
figure { margin: 1rem 0; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #555; }
a { color: #1f4e8c; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { page-break-after: avoid; }
  table, figure, li { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<h1>$title</h1>
$body
</body>
</html>
""")


def _inline(text: str) -> str:
    """Escaped text with web addresses as links."""
    return _URL.sub(_link, html.escape(text))


def _link(found: re.Match[str]) -> str:
    """An address as a link, the punctuation that ends its sentence left after it."""
    address = found.group(1).rstrip(".,;:!?")
    return f'<a href="{address}">{address}</a>{found.group(1)[len(address) :]}'


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{html.escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_inline(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f"<th>{html.escape(cell)}</th>" for cell in block.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Bullets):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{_inline(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    data = base64.b64encode(block.png).decode("ascii")
    alt = html.escape(block.alt, quote=True)
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{alt}">'
        f"<figcaption>{html.escape(block.alt)}</figcaption></figure>"
    )


def render_html(document: Document) -> str:
    """One HTML file that needs nothing else: open it in any browser or print it."""
    body = "\n".join(_html_block(block) for block in document.blocks)
    return PAGE.substitute(title=html.escape(document.title), body=body)


def _md(text: str) -> str:
    """Text as Markdown shows it and nothing more: on one line, HTML's ``& < >`` as entities
    (no tag from a scenario or a result reaches the page), Markdown's marks escaped (no link,
    image, emphasis or table cell made by the text), and no block mark at its start."""
    flat = " ".join(text.split())
    escaped = _MD_MARKS.sub(r"\\\1", html.escape(flat, quote=False))
    return _MD_LEADING.sub(lambda mark: mark.group()[:-1] + "\\" + mark.group()[-1], escaped)


def render_markdown(document: Document, stem: str) -> tuple[str, dict[str, bytes]]:
    """Markdown text and the PNG files it links to (``STEM-NAME.png``, beside it). Every
    text is escaped (``_md``): the report shows what the scenario says, never runs it."""
    lines = [f"# {_md(document.title)}", ""]
    images: dict[str, bytes] = {}
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append(f"{'#' * block.level} {_md(block.text)}")
        elif isinstance(block, Paragraph):
            lines.append(_md(block.text))
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(map(_md, block.header)) + " |")
            lines.append("|" + " --- |" * len(block.header))
            lines += ["| " + " | ".join(map(_md, row)) + " |" for row in block.rows]
        elif isinstance(block, Bullets):
            marks = [f"{i}." if block.ordered else "-" for i in range(1, len(block.items) + 1)]
            lines += [f"{mark} {_md(item)}" for mark, item in zip(marks, block.items, strict=True)]
        else:
            name = f"{stem}-{block.name}.png"
            images[name] = block.png
            lines.append(f"![{_md(block.alt)}]({quote(name)})")
        lines.append("")
    return "\n".join(lines), images
