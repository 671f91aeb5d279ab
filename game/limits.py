"""Every bound on what enters the program, stated once.

Files, numbers and text from outside (scenario, exercise and settings files, batch and
comparison results, game records and saves, ``HEIRS_DATA_DIR``, the command line) are checked
against these at the boundary (``game.boundary``), before any of it reaches the engine. The
bounds are wide enough for any history the model can tell and narrow enough that no accepted
input can overflow a number, exhaust memory or run for hours. The README's section "What the
program accepts" lists them.
"""

from __future__ import annotations

# --- Files. --------------------------------------------------------------------------------
SCENARIO_BYTES = 2 * 1024 * 1024  # a scenario or exercise file
JSON_BYTES = 16 * 1024 * 1024  # a batch or comparison result, a game record, a save
SETTINGS_BYTES = 64 * 1024  # settings.json
MAX_DEPTH = 64  # nesting of a YAML or JSON document
MAX_NODES = 500_000  # YAML nodes of a document with every alias copied out
MAX_EXTENDS = 8  # files in an ``extends`` chain beyond the first
MAX_SYMLINKS = 32  # links followed to reach a file
MAX_PATH = 4096  # characters of a file name given to the program

# --- The calendar. -------------------------------------------------------------------------
FIRST_YEAR = 1900
LAST_YEAR = 2100
MAX_QUARTERS = 200  # a scenario's length: fifty years

# --- Numbers in a scenario. ----------------------------------------------------------------
MAX_WEIGHT = 100.0  # the magnitude of a model weight, cost or scale (shares are 0..1)
MAX_INFLUENCE = 20.0  # a faction's influence (game.engine.tracks keeps it there)
MAX_MEMBERS = 10**7 - 1  # head counts: a region's members, recruits, membership targets
MAX_DELEGATES = 100_000  # a congress's or conference's delegates, a recorded tally
MAX_BODY = 10_000  # a Central Committee or Control Commission
MAX_POLITBURO = 100
MAX_FACTIONS = 12
MAX_FIGURES = 400
MAX_ITEMS = 500  # offices, regions, policies, sessions, events, recorded votes...
MAX_CHECKPOINTS = 200  # checkpoints of history (each a row of every report's tables)
MAX_AGENDA = 50  # motions on one session's agenda
MAX_TITLE = 300  # characters of a name or title
MAX_TEXT = 10_000  # characters of any other text (a description, a note, a framing)

# --- Batches and games. --------------------------------------------------------------------
MAX_RUNS = 1_000_000  # runs of one batch (an arm of a comparison, a value of a sweep)
MAX_GAMES = 4_000_000  # games one command holds at once: about 2 GB of results for the campaign
MAX_SEED = 2**63 - 1  # seeds are 0..MAX_SEED on the command line, in saves and records
MAX_BUDGET = 10_000  # evaluations of a calibration
MAX_INT_DIGITS = 19  # digits of a whole number in a JSON document (int64)
MAX_JSON_REAL = 1e15  # the magnitude of a number in a result file
