"""The decomposition: how much of the outcome the record's script carries and how much the
rules. Eight arms of the same runs (same seed, same run indices): every faction following the
record (``historical``), only one faction (by default Stalin) following it and the others
playing standard, only his rivals following it, all standard; and each of these with the
apparatus mechanism switched off. For each arm: who wins, which checkpoints are reached, and
what made each checkpoint come true (``game.engine.credit``), tabulated as shares.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game import __version__
from game.analysis.batch import BatchResult, RunConfig, run_batches
from game.analysis.document import Document, Heading, Paragraph, Table, render_markdown
from game.analysis.runs import Loaded
from game.engine.credit import CATEGORIES, Causes
from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec
from game.fileio import write_atomic

TOP_CAUSES = 3  # the causes listed per checkpoint and arm in the JSON


@dataclass(frozen=True)
class Arm:
    """One arm: its key, its words, the ``--ai`` text it plays and whether the apparatus
    mechanism is on."""

    id: str
    title: str
    ai: str
    apparatus: bool


def arms_for(focus: str) -> list[Arm]:
    """The eight arms around the faction ``focus``: four ways of playing, with the apparatus
    and without it."""
    plays = [
        ("historical", "every faction historical", "historical"),
        (f"{focus}_historical", f"only {focus} historical", f"{focus}=historical,default=standard"),
        ("rivals_historical", f"only {focus}'s rivals historical",
         f"{focus}=standard,default=historical"),
        ("standard", "every faction standard", "standard"),
    ]  # fmt: skip
    return [
        Arm(key if on else f"{key}_no_apparatus", title if on else f"{title}, no apparatus", ai, on)
        for on in (True, False)
        for key, title, ai in plays
    ]


def without_apparatus(spec: GameSpec) -> GameSpec:
    """The same scenario with the apparatus mechanism switched off (what
    ``scenarios/ablations/no_apparatus.yaml`` does as a file)."""
    return dataclasses.replace(spec, mechanisms={**spec.mechanisms, "apparatus": False})


def decompose(
    loaded: Loaded,
    runs: int,
    seed: int,
    historicity: float,
    focus: str,
    jobs: int | None,
    progress: Callable[[float], None] | None = None,
) -> dict[str, Any]:
    """Play every arm (``runs`` runs each, traced) through one pool and summarise them."""
    spec = loaded.spec
    arms = arms_for(focus)
    specs = {True: spec, False: without_apparatus(spec)}
    batches = [
        (
            specs[arm.apparatus],
            RunConfig(str(loaded.path), loaded.sha256, seed, runs, arm.ai, historicity, trace=True),
        )
        for arm in arms
    ]
    results = run_batches(batches, jobs, progress)
    return {
        "kind": "decompose",
        "scenario": str(loaded.path),
        "scenario_sha256": loaded.sha256,
        "version": __version__,
        "seed": seed,
        "runs": runs,
        "historicity": historicity,
        "focus": focus,
        "categories": list(CATEGORIES),
        "arms": [
            _arm_summary(spec, arm, result) for arm, result in zip(arms, results, strict=True)
        ],
    }


def _arm_summary(spec: GameSpec, arm: Arm, result: BatchResult) -> dict[str, Any]:
    """One arm's winners (on power and outright, counts), and per checkpoint the runs that
    reached it, their credit by category and the leading causes."""
    assert result.credit is not None
    names = [*spec.factions, "split"]
    winner = np.where(result.winner == SPLIT, len(spec.factions), result.winner)
    counts = np.bincount(winner, minlength=len(names))
    outright = np.bincount(winner[result.outright], minlength=len(names))
    causes = Causes.of(spec)
    checkpoints = []
    for c, checkpoint in enumerate(spec.checkpoints):
        credited = Counter(causes.describe(spec, int(x)) for x in result.credit[:, c] if x >= 0)
        by_category = dict.fromkeys(CATEGORIES, 0)
        for (category, _), n in credited.items():
            by_category[category] += n
        checkpoints.append(
            {
                "id": checkpoint.id,
                "title": checkpoint.title,
                "reached": int((result.reached[:, c] >= 0).sum()),
                "credit": by_category,
                "causes": [
                    {"category": category, "cause": words, "runs": n}
                    for (category, words), n in credited.most_common(TOP_CAUSES)
                ],
            }
        )
    return {
        "id": arm.id,
        "title": arm.title,
        "ai": arm.ai,
        "apparatus": arm.apparatus,
        "winners": {n: int(k) for n, k in zip(names, counts, strict=True)},
        "outright": {n: int(k) for n, k in zip(names[:-1], outright[:-1], strict=True)},
        "checkpoints": checkpoints,
    }


def decompose_command(
    loaded: Loaded,
    runs: int,
    seed: int,
    historicity: float,
    focus: str,
    jobs: int | None,
    outputs: tuple[Path | None, Path | None],
    quiet: bool,
) -> dict[str, Any]:
    """``decompose``: play the arms with a progress bar, print the tables, and write the
    JSON (``outputs[0]``) and the Markdown (``outputs[1]``) if asked for."""
    from game.analysis.commands import progress_bar

    with progress_bar(runs * len(arms_for(focus)), quiet) as advance:
        data = decompose(loaded, runs, seed, historicity, focus, jobs, advance)
    document = decompose_document(data)
    if not quiet:
        print(format_text(document))
    out, md = outputs
    if out is not None:
        write_atomic(out, json.dumps(data, indent=2, sort_keys=True) + "\n")
    if md is not None:
        write_atomic(md, render_markdown(document, md.stem)[0])
    if not quiet:
        print("".join(f"\nwrote {path}" for path in outputs if path is not None))
    return data


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def decompose_document(data: dict[str, Any]) -> Document:
    """The tables: winners per arm, checkpoints reached per arm, and per arm the credit of
    each checkpoint by category (shares of the runs that reached it) with its leading cause."""
    runs, arms = data["runs"], data["arms"]
    document = Document("Decomposition: the record's script and the rules")
    document.blocks.append(
        Paragraph(
            f"Scenario {data['scenario']}, {runs} runs per arm, seed {data['seed']}, "
            f"historicity {data['historicity']}; 'historical' follows the record, 'standard' "
            "plays by the factions' own judgement. Arms: "
            + "; ".join(f"{i + 1} = {arm['title']}" for i, arm in enumerate(arms))
            + "."
        )
    )
    factions = list(arms[0]["outright"])
    document.blocks += [
        Heading("Who wins (% of runs; outright in brackets)"),
        Table(
            ["arm", *factions, "split"],
            [
                [f"{i + 1} {arm['title']}"]
                + [
                    f"{_pct(arm['winners'][f], runs)} ({_pct(arm['outright'][f], runs)})"
                    for f in factions
                ]
                + [_pct(arm["winners"]["split"], runs)]
                for i, arm in enumerate(arms)
            ],
        ),
        Heading(f"What the apparatus carries: {data['focus']}'s wins (% of runs)"),
        _apparatus_table(data),
        Heading("Checkpoints reached (% of runs, by arm)"),
        Table(
            ["checkpoint", *(str(i + 1) for i in range(len(arms)))],
            [
                [point["id"], *(_pct(arm["checkpoints"][c]["reached"], runs) for arm in arms)]
                for c, point in enumerate(arms[0]["checkpoints"])
            ],
        ),
    ]
    for i, arm in enumerate(arms):
        document.blocks += [
            Heading(f"What made each checkpoint true: arm {i + 1}, {arm['title']}", 3),
            _credit_table(arm, data["categories"], runs),
        ]
    return document


def _apparatus_table(data: dict[str, Any]) -> Table:
    """For each way of playing, the focus faction's win share with the apparatus and without
    it, and the difference in points (arms i and i + 4)."""
    runs, arms, focus = data["runs"], data["arms"], data["focus"]
    half = len(arms) // 2
    rows = []
    for on, off in zip(arms[:half], arms[half:], strict=True):
        with_, without = on["winners"][focus], off["winners"][focus]
        change = f"{100 * (without - with_) / runs:+.1f}"
        rows.append([on["title"], _pct(with_, runs), _pct(without, runs), change])
    return Table(["play", "with the apparatus", "without", "change (points)"], rows)


def _credit_table(arm: dict[str, Any], categories: list[str], runs: int) -> Table:
    """Per checkpoint: % of runs reaching it; the credit shares (% of those runs) by category;
    the leading cause and its share."""
    rows = []
    for point in arm["checkpoints"]:
        reached = point["reached"]
        top = point["causes"][0] if point["causes"] else None
        lead = f"{top['cause']} ({_pct(top['runs'], reached)})" if top else "-"
        shares = [_pct(point["credit"][k], reached) for k in categories]
        rows.append([point["id"], _pct(reached, runs), *shares, lead])
    return Table(["checkpoint", "reached", *categories, "leading cause (%)"], rows)


def format_text(document: Document) -> str:
    """The document for the console: headings underlined, tables in aligned columns."""
    lines = [document.title, "=" * len(document.title)]
    for block in document.blocks:
        lines.append("")
        if isinstance(block, Heading):
            lines += [block.text, "-" * len(block.text)]
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += _aligned([block.header, *block.rows])
    return "\n".join(lines)


def _aligned(rows: list[list[str]]) -> list[str]:
    """Columns two spaces apart: numbers right-aligned, words left-aligned."""
    columns = list(zip(*rows, strict=True))
    widths = [max(map(len, column)) for column in columns]
    numeric = [all(set(cell) <= set("0123456789.+-() ") for cell in col[1:]) for col in columns]
    return [
        "  ".join(
            cell.rjust(w) if right else cell.ljust(w)
            for cell, w, right in zip(row, widths, numeric, strict=True)
        ).rstrip()
        for row in rows
    ]
