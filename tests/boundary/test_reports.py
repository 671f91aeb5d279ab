"""Reports show what a scenario says and never run it: text from the scenario or a result
(titles, descriptions, notes, source names, the exercise's questions) reaches the Markdown
escaped (no ``<script>``, no ``<img onerror>``, no link or image made by the text) and the
HTML as text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.analysis.batch import RunConfig, run_batch, summarise
from game.analysis.document import (
    Bullets,
    Document,
    Heading,
    Paragraph,
    Table,
    render_html,
    render_markdown,
)
from game.analysis.report import summary_document
from game.analysis.runs import load

from .contract import ROOT

SCRIPT = "<script>alert('x')</script>"
IMAGE = '<img src=x onerror="alert(1)">'
LINK = "[click](javascript:alert(1)) ![pixel](http://evil.example/p.png)"
HOSTILE = f"{SCRIPT} {IMAGE} {LINK} *bold* | cell `code`"


def _scenario(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    minimal = ROOT / "tests" / "scenario" / "minimal.yaml"
    text = json.dumps(HOSTILE)  # a JSON string is a YAML string
    path.write_text(
        f"extends: {minimal}\n"
        f"title: {text}\n"
        "history:\n  checkpoints:\n    - id: trotsky_condemned\n"
        f"      title: {text}\n      description: {json.dumps('# ' + HOSTILE)}\n"
        f"      note: {json.dumps('1. ' + HOSTILE)}\n"
        f"sources:\n  carr:\n    title: {text}\n"
    )
    return path


def _unescaped(markdown: str) -> list[str]:
    """Raw HTML tags, or links and images Markdown would make, left in the text."""
    tags = re.findall(r"<\s*(?:script|img)\b", markdown, flags=re.IGNORECASE)
    links = re.findall(r"(?<!\\)\]\((?:javascript|http)", markdown)
    return tags + links


def test_scenario_text_reaches_the_reports_escaped(tmp_path: Path) -> None:
    loaded = load(_scenario(tmp_path))
    config = RunConfig(str(loaded.path), loaded.sha256, 1, 6, "standard", 1.0)
    summary = summarise(loaded.spec, config, run_batch(loaded.spec, config, 1))
    document = summary_document(summary, [loaded.source.model], None)
    markdown, images = render_markdown(document, "report")
    assert _unescaped(markdown) == []
    assert "&lt;script&gt;" in markdown and "\\[click\\]" in markdown
    assert set(images) == {"report-winners.png", "report-timeline.png", "report-reached.png"}
    assert "<script" not in render_html(document).lower()


def test_every_block_of_a_markdown_report_is_escaped() -> None:
    document = Document(
        HOSTILE,
        [
            Heading(HOSTILE),
            Paragraph(f"{HOSTILE}\n# a heading made by a new line\n> a quote"),
            Table([HOSTILE, "b"], [[HOSTILE, "-1 | 2"]]),
            Bullets([HOSTILE, "1. not a list"], ordered=True),
        ],
    )
    markdown, _ = render_markdown(document, "x")
    assert _unescaped(markdown) == []
    lines = markdown.splitlines()
    assert all(not line.startswith(("> ", "# a heading")) for line in lines)
    table = [line for line in lines if line.startswith("| ") and "cell" in line]
    assert table and all(line.count(" | ") == 1 for line in table[:1])


def test_a_chart_name_cannot_break_out_of_its_link() -> None:
    from game.analysis.document import Figure

    markdown, images = render_markdown(Document("t", [Figure(b"png", "a ](x) b", "n")]), "r) (x")
    assert "![a \\](x) b](r%29%20%28x-n.png)" in markdown and set(images) == {"r) (x-n.png"}
