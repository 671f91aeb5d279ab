"""Export the JSON Schema of scenario files, for editors that check YAML as it is typed.

The schema comes from the pydantic models (``Scenario.model_json_schema``, YAML key names),
plus the one key the models never see: ``extends``, resolved by the loader before validation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.fileio import write_atomic
from game.scenario.models import Scenario

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "Heirs of Lenin scenario"


def schema_dict() -> dict[str, Any]:
    """The JSON Schema of a scenario file."""
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = DRAFT
    schema["title"] = TITLE
    schema["properties"]["extends"] = {
        "type": "string",
        "description": "A scenario file this one starts from, relative to this file.",
    }
    return schema


def schema_text() -> str:
    """The schema as committed: indent 2, sorted keys, a final newline."""
    return json.dumps(schema_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> None:
    """Write the schema to ``path`` (``-``: standard output) through the one atomic writer."""
    write_atomic(path, schema_text())
