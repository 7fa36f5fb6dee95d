"""The data dictionary in docs/ is the schema module's own output."""
from __future__ import annotations

from pathlib import Path

from kzresearch.schema import data_dictionary


def test_the_data_dictionary_is_generated_from_the_schema():
    written = (Path(__file__).parents[1] / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert written.strip() == data_dictionary().strip(), "run: python -m kzresearch.schema > docs/data_dictionary.md"
