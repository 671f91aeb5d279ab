"""The committed JSON Schema is the one the models export."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from game.scenario.schema_export import schema_dict, write_schema

COMMITTED = Path(__file__).resolve().parents[2] / "scenarios" / "scenario.schema.json"


def test_committed_schema_matches_the_models() -> None:
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == schema_dict(), (
        "run: python -m game schema"
    )


def test_schema_has_no_tuples_and_allows_extends() -> None:
    schema = schema_dict()
    assert "prefixItems" not in json.dumps(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["extends"]["type"] == "string"
    assert "extends" not in schema["required"]


def test_written_schema_is_sorted_indented_and_ends_with_newline(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    write_schema(out)
    text = out.read_text(encoding="utf-8")
    assert text == json.dumps(schema_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert list(tmp_path.iterdir()) == [out]
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
