"""Reports for teachers and readers: a batch result or a comparison (the JSON that
``simulate --out`` and ``compare --out`` write) as a document with the outcome, the timeline
beside history's, the first points of divergence, the checkpoints' sources and notes, charts,
and an exercise's debrief questions. Saved games are in ``report_game``."""

from __future__ import annotations

from typing import Any

from game.analysis import charts
from game.analysis.document import Block, Bullets, Document, Figure, Heading, Paragraph, Table
from game.scenario.exercise import Exercise
from game.scenario.models import Scenario

TOP_DIVERGENCES = 5


def summary_document(
    summary: dict[str, Any], scenarios: list[Scenario | None], exercise: Exercise | None
) -> Document:
    """The report of a batch (``kind`` "batch") or a comparison (``kind`` "compare");
    ``scenarios`` are the models the summary was run on, for the sources' titles (None where
    the file could not be read: sources are then shown by key)."""
    if summary.get("kind") == "compare":
        return _compare_document(summary, scenarios, exercise)
    title = scenarios[0].title if scenarios and scenarios[0] else summary["scenario"]
    document = Document(f"{title}: {summary['runs']:,} runs")
    document.blocks += [_settings(summary), *exercise_intro(exercise)]
    document.blocks += outcome_blocks(summary)
    document.blocks += timeline_blocks(summary)
    document.blocks += divergence_blocks(summary)
    document.blocks += sources_blocks(summary["checkpoints"], scenarios[0] if scenarios else None)
    document.blocks += debrief_blocks(exercise)
    return document


def _settings(summary: dict[str, Any]) -> Paragraph:
    return Paragraph(
        f"Scenario file {summary['scenario']} (sha256 {summary['scenario_sha256'][:12]}), "
        f"seed {summary['seed']}, {summary['runs']:,} runs, AI policies {summary['ai']}, "
        f"historicity {summary['historicity']}, program version {summary['version']}. Every "
        "run can be replayed alone with python -m game replay --seed S --run I."
    )


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"


def outcome_blocks(
    summary: dict[str, Any], highlight: str | None = None, names: dict[str, str] | None = None
) -> list[Block]:
    """Who won, with intervals and outright wins, as a table and a chart; the winners called
    by ``names`` (faction id -> leader and camp) where given, else by id."""
    runs = summary["runs"]
    rows = []
    for name, count in sorted(summary["winners"].items(), key=lambda kv: -kv[1]):
        outright = summary["outright_winners"].get(name)
        rows.append(
            [
                (names or {}).get(name, name),
                _percent(count / runs),
                "—" if outright is None else _percent(outright / runs),
            ]
        )
    return [
        Heading("Outcome"),
        Paragraph(
            "Who won each run: outright (holding the Secretariat or a Politburo majority with "
            "every rival out of the party or recanted) or on the power score; a split of the "
            "party ends the game with everyone losing."
        ),
        Table(["winner", "share of runs", "of which outright"], rows),
        Figure(
            charts.winners_chart(summary, highlight), "Share of runs each faction won", "winners"
        ),
    ]


def timeline_blocks(summary: dict[str, Any]) -> list[Block]:
    """Each checkpoint beside its real date: how often and how punctually it was reached."""
    rows = []
    for c in sorted(summary["checkpoints"], key=lambda c: c["date"]):
        offset = c["mean_offset_quarters"]
        rows.append(
            [
                c["date"],
                c["title"],
                _percent(c["rate"]),
                _percent(c["on_time_rate"]),
                "—" if offset is None else f"{offset:+.1f}",
            ]
        )
    return [
        Heading("Timeline beside history"),
        Paragraph(
            "Each checkpoint is a moment of the real record tested against the game. On time "
            "means within two quarters of the real date; the offset is the mean number of "
            "quarters from the real date among runs that reached it (negative: earlier)."
        ),
        Table(["real date", "checkpoint", "reached", "on time", "mean offset"], rows),
        Figure(
            charts.timeline_chart(summary), "The timeline of the runs beside history's", "timeline"
        ),
        Figure(charts.reached_chart(summary), "How many checkpoints each run reached", "reached"),
    ]


def divergence_blocks(summary: dict[str, Any]) -> list[Block]:
    """The checkpoints at which runs most often first left history, and how: too early, too
    late or never."""
    runs = summary["runs"]
    by_id = {c["id"]: c for c in summary["checkpoints"]}
    counts = sorted(
        ((k, v) for k, v in summary["first_divergence"].items() if v), key=lambda kv: -kv[1]
    )
    rows = []
    for ident, count in counts[:TOP_DIVERGENCES]:
        if ident == "none":
            rows.append(["—", "never left history", _percent(count / runs), "", ""])
            continue
        how = summary.get("first_divergence_how", {}).get(ident, {})
        detail = ", ".join(f"{k} {_percent(v / count)}" for k, v in how.items() if v)
        c = by_id[ident]
        rows.append([c["date"], c["title"], _percent(count / runs), detail, c["description"]])
    return [
        Heading("First point of divergence"),
        Paragraph(
            "A run first leaves history at the earliest checkpoint (by real date) it does not "
            "reach on time: reached too early, too late, or never. The most frequent:"
        ),
        Table(["real date", "checkpoint", "share of runs", "how", "what really happened"], rows),
    ]


def sources_blocks(checkpoints: list[dict[str, Any]], scenario: Scenario | None) -> list[Block]:
    """Each checkpoint's sources by title, and the notes where sources disagree with the
    article or a fact is unverified."""
    rows = []
    for c in sorted(checkpoints, key=lambda c: c["date"]):
        names = []
        for key in c.get("sources", []):
            source = scenario.sources.get(key) if scenario else None
            if source is None:
                names.append(key)
            else:
                names.append(source.title + (f" ({source.url})" if source.url else ""))
        rows.append([c["date"], c["title"], "; ".join(names), c.get("note") or ""])
    blocks: list[Block] = [
        Heading("Checkpoints and their sources"),
        Paragraph(
            "The note says where the sources disagree with the article the scenario is built "
            "from (Norman Pereira, Stalin and the Communist Party in the 1920s), or what is "
            "unverified."
        ),
        Table(["real date", "checkpoint", "sources", "note"], rows),
    ]
    if scenario is None:
        blocks.insert(1, Paragraph("The scenario file was not found: sources are shown by key."))
    return blocks


def exercise_intro(exercise: Exercise | None) -> list[Block]:
    """The exercise's title, change and goals, if the report is for one."""
    if exercise is None:
        return []
    blocks: list[Block] = [Heading(f"Exercise: {exercise.title}")]
    if exercise.description:
        blocks.append(Paragraph(exercise.description))
    if exercise.change:
        blocks.append(Paragraph(f"What was changed: {exercise.change}"))
    if exercise.goals:
        blocks += [Paragraph("Learning goals:"), Bullets(list(exercise.goals))]
    return blocks


def debrief_blocks(exercise: Exercise | None) -> list[Block]:
    """The exercise's debrief questions, numbered."""
    if exercise is None or not exercise.debrief:
        return []
    return [Heading("Debrief questions"), Bullets(list(exercise.debrief), ordered=True)]


def framing_blocks(scenario: Scenario | None) -> list[Block]:
    """A counterfactual's question, its framing and the claims it makes, when OTHER is one."""
    claim = scenario.counterfactual if scenario else None
    if claim is None:
        return []
    claims = [
        f"{e.measure} {e.faction or e.checkpoint or ''}: {e.direction}".replace("  ", " ")
        for e in claim.expects
    ]
    return [
        Heading(f"The question: {claim.question}"),
        Paragraph(claim.framing),
        Paragraph(f"Its claims, tested under AI {claim.ai}, historicity {claim.historicity}:"),
        Bullets(claims),
    ]


def _compare_document(
    summary: dict[str, Any], scenarios: list[Scenario | None], exercise: Exercise | None
) -> Document:
    base, other = summary["base"], summary["other"]
    names = [
        s.title if s else arm["scenario"] for s, arm in zip(scenarios, (base, other), strict=False)
    ]
    document = Document(f"{names[0]} against {names[-1]}")
    count = sum(c["significant"] for c in summary["comparisons"])
    document.blocks += [
        Paragraph(
            f"BASE: {base['scenario']} (seed {base['seed']}). OTHER: {other['scenario']} "
            f"(seed {other['seed']}). {base['runs']:,} runs each, AI policies "
            f"{base['ai']}, historicity {base['historicity']}."
        ),
        Paragraph(f"Design: {summary['design_text']}"),
        Paragraph(
            f"Differences are OTHER - BASE. {count} of {len(summary['comparisons'])} are "
            f"larger than chance after {summary['correction']}."
        ),
        *framing_blocks(scenarios[-1] if scenarios else None),
        *exercise_intro(exercise),
        Figure(charts.forest_chart(summary), "Differences with their 95% intervals", "differences"),
    ]
    headings = {"winner": "Who wins", "checkpoint": "Checkpoints reached", "timing": "Timing"}
    for measure, heading in headings.items():
        rows = [
            _compare_row(c, measure == "timing")
            for c in summary["comparisons"]
            if c["measure"] == measure
        ]
        if rows:
            document.blocks += [
                Heading(heading),
                Paragraph(f"Method: {summary['methods'][measure]}."),
                Table(
                    [
                        "",
                        "BASE",
                        "OTHER",
                        "difference",
                        "95% interval",
                        "p",
                        "Holm p",
                        "larger than chance",
                    ],
                    rows,
                ),
            ]
    for label, arm in (("BASE", base), ("OTHER", other)):
        blocks = divergence_blocks(arm)
        blocks[0] = Heading(f"First point of divergence: {label}")
        document.blocks += blocks
        document.blocks.append(
            Figure(
                charts.timeline_chart(arm),
                f"{label}: the runs' timeline beside history's",
                f"timeline-{label.lower()}",
            )
        )
    document.blocks += sources_blocks(base["checkpoints"], scenarios[0] if scenarios else None)
    document.blocks += debrief_blocks(exercise)
    return document


def _compare_row(row: dict[str, Any], quarters: bool) -> list[str]:
    def shown(value: float) -> str:
        return f"{value:+.2f}" if quarters else f"{100 * value:.1f}%"

    low, high = row["ci"]
    return [
        row["title"],
        shown(row["base"]),
        shown(row["other"]),
        f"{row['difference']:+.2f} q" if quarters else f"{100 * row['difference']:+.1f} pts",
        f"{shown(low)} to {shown(high)}" if quarters else f"{100 * low:+.1f} to {100 * high:+.1f}",
        f"{row['p_value']:.2g}",
        f"{row['p_holm']:.2g}",
        "yes" if row["significant"] else "no",
    ]
