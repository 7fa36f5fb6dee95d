"""The notebooks' shape: one parameters cell, no machine paths, narrative before code, real outputs."""
import json
import re

import pytest

from kzresearch import params, paths

NOTEBOOKS = [paths.notebooks_dir() / f"{name}.ipynb" for name in params.NOTEBOOKS]
MACHINE_PATH = re.compile(r"(?:/work/|/tmp/|/root/|/home/|/opt/|[A-Z]:\\\\)")


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_exactly_one_parameters_cell(path):
    tagged = [c for c in _cells(path) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_machine_paths_in_sources_or_outputs(path):
    assert not MACHINE_PATH.search(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_markdown_before_every_code_cell(path):
    cells = _cells(path)
    for before, cell in zip(cells, cells[1:]):
        if cell["cell_type"] == "code":
            assert before["cell_type"] == "markdown", "".join(cell["source"])[:80]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_header_and_teaching_sections(path):
    text = "".join("".join(c["source"]) for c in _cells(path) if c["cell_type"] == "markdown")
    for needed in ("Learning goals", "Difficulty", "Time", "Prerequisites", "Data", "Libraries",
                   "Questions to consider", "Exercises", "Limits of the sources and of the method"):
        assert needed in text, needed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_outputs_are_from_a_real_run(path):
    code = [c for c in _cells(path) if c["cell_type"] == "code"]
    assert "%matplotlib inline" in "".join(code[0]["source"])
    # nbval skips cells whose execution_count is null: every code cell must have run.
    assert all(c["execution_count"] is not None for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c["outputs"])
    assert sum("image/png" in o.get("data", {}) for c in code for o in c["outputs"]) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_validation_is_the_first_step_after_the_parameters(path):
    cells = [c for c in _cells(path) if c["cell_type"] == "code"]
    index = next(i for i, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", []))
    assert f'kz_params.validate("{path.stem}"' in "".join(cells[index + 1]["source"])
