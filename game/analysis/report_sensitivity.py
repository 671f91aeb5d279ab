"""The report of a sensitivity analysis (``sensitivity.json``): the design, the chart, and
for each measure its parameters ranked, each index with its interval, the dummy's beside them
as the noise floor."""

from __future__ import annotations

from typing import Any

from game.analysis.charts import sensitivity_chart
from game.analysis.document import Bullets, Document, Figure, Heading, Paragraph, Table
from game.analysis.sensitivity import ranking


def sensitivity_document(analysis: dict[str, Any]) -> Document:
    """The report's blocks, from the checked document."""
    sobol = analysis["method"] == "sobol"
    title = f"Which assumptions matter: {analysis['scenario']}"
    blocks: list[Any] = [
        Paragraph(
            f"{'Sobol' if sobol else 'Morris'} analysis, {analysis['points']:,} points of "
            f"{analysis['runs_per_point']} runs each (seed {analysis['seed']}, ai "
            f"{analysis['ai']}), scenario sha256 {analysis['scenario_sha256'][:12]}. The dummy "
            "parameter changes only the dice: an index no larger than its index means nothing."
        ),
        Heading("Parameters"),
        Table(
            ["path", "low", "high"],
            [[r["path"], f"{r['low']:g}", f"{r['high']:g}"] for r in analysis["ranges"]],
        ),
    ]
    measures = list(dict.fromkeys(row["measure"] for row in analysis["indices"]))
    blocks.append(
        Figure(sensitivity_chart(analysis, measures), "Indices by measure", "sensitivity")
    )
    constant = []
    for measure in measures:
        ranked = ranking(analysis["indices"], measure, analysis["method"])
        if not ranked:
            constant.append(measure)
            continue
        blocks += [Heading(measure, 3), _table(ranked, sobol)]
    if constant:
        blocks += [Heading("Measures that did not vary", 3), Bullets(constant)]
    return Document(title, blocks)


def _table(rows: list[dict[str, Any]], sobol: bool) -> Table:
    """One measure's parameters, most influential first, with 95% intervals."""

    def cell(row: dict[str, Any], key: str) -> str:
        return f"{row[key]:.3f} [{row[key + '_low']:.3f}, {row[key + '_high']:.3f}]"

    if sobol:
        header = ["parameter", "total (ST)", "first order (S1)"]
        body = [[r["parameter"], cell(r, "ST"), cell(r, "S1")] for r in rows]
    else:
        header = ["parameter", "mu*", "sigma"]
        body = [[r["parameter"], cell(r, "mu_star"), f"{r['sigma']:.3f}"] for r in rows]
    return Table(header, body)
