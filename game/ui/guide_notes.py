"""The guide's notes, in the words a first-timer reads: the guided opening's, shown in the
first quarters as each part of the board first matters, and the notes that come later, at
the first time something happens to the player's faction (a session's screen, an offer of
alliance, a sanction voted on, a forecast the apparatus beat). A later note's text names what
happened (``{who}``, ``{motion}``... from ``game.play.happenings``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One note, pointing at its screen's ``anchor``: an opening note from quarter ``turn``
    on, in the first quarters only; or (``turn`` None) a later note, shown the first time its
    ``trigger`` has happened to the player's faction (or, without one, the first time its
    ``screen`` is shown)."""

    id: str
    anchor: str
    title: str
    text: str
    turn: int | None = None
    trigger: str | None = None
    screen: str = "board"


STEPS = (
    Step(
        "actions",
        "actions",
        "Your quarter",
        "Each quarter you plan two actions, paid for with influence (the red number on your panel). Pick a kind, then an option: before you commit you see its cost, what it does and its likely effect. Undo takes an action back until you end the quarter.",
        turn=0,
    ),
    Step(
        "apparatus",
        "map",
        "The apparatus",
        "Each disc is a region's party organisation. Its fill shows whose man is the regional secretary. Secretaries steer their region's delegates and pull its members their way; the General Secretary appoints them. Hover a region for its numbers.",
        turn=0,
    ),
    Step(
        "delegates",
        "cc",
        "Delegates and the Central Committee",
        "Congresses vote by regional delegations, sized by membership: big regions send many delegates. A congress elects the Central Committee, which votes at plenums and fills the Politburo.",
        turn=0,
    ),
    Step(
        "unity",
        "tracks",
        "Unity",
        "Open fights between big camps lower party unity. If it falls below the white mark, the party splits and every faction loses. Denouncing rivals and appeals outside the party cost unity.",
        turn=0,
    ),
    Step(
        "sessions",
        "header",
        "Sessions",
        "When a congress, conference or plenum meets, motions are voted. Table a motion and it goes to the next session; the forecast shows the likely vote and why. Sessions get their own screen.",
        turn=0,
    ),
    Step(
        "news",
        "news",
        "The news",
        "What every faction did last quarter, the events, and every vote with its reasons.",
        turn=1,
    ),
    Step(
        "first_session",
        "agenda",
        "A session votes",
        "Each seat in the hall is one vote, grouped in blocs and coloured by the camp that controls the bloc: a filled seat voted yes, a hollow one no. The agenda goes motion by motion: who moved it, the tally, and why it went this way — the apparatus, the members' sympathies, the mood, prestige, legitimacy and the fear for unity. Hover a bloc for its reasons; Enter or Right: the next motion.",
        screen="session",
    ),
    Step(
        "alliance_offer",
        "news",
        "An offer of alliance",
        "{who} proposed a common front to you (the news tells it). {answer} Allies vote alike on the motions that touch either of them; old grudges make a bloc cost standing.",
        trigger="alliance_offer",
    ),
    Step(
        "sanction",
        "factions",
        "A motion against you",
        "'{motion}' was put to the vote against your camp: it {result}, {tally}. Sanctions climb from censure to removal, expulsion, exile and deportation; each costs your standing, and a leader out of the party can only recant or wait. {advice}",
        trigger="sanction",
    ),
    Step(
        "forecast_beaten",
        "news",
        "The apparatus beat your forecast",
        "'{motion}' was forecast to pass ({chance}) and lost {tally}, the machines pulling against it. A forecast is taken on the board of the day you plan: before the session met, the others acted too, and the General Secretary's appointments changed secretaries, who steer their delegations. Read what a forecast assumes; table when the session is near, or when the machines are yours.",
        trigger="forecast_beaten",
    ),
    Step(
        "man_lost",
        "factions",
        "One of your men went over",
        "{who} now stands with {camp} (the news tells it). A man goes over when a rival courts him (Court a figure: the likelier, the greater its prestige and the weaker his loyalty, which does not change), or of his own accord once his camp's leader is censured or worse or its Politburo seats are lost. He takes his Politburo seat and his office with him, and a regional boss his machine. Court him back, or court theirs: the Court list gives each man's chance.",
        trigger="man_lost",
    ),
)
