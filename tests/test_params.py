"""Notebook parameters: declared in the notebooks, validated with messages that list the choices."""
import pytest

from kzresearch import params


@pytest.mark.parametrize("notebook", params.NOTEBOOKS)
def test_every_notebook_declares_typed_commented_parameters(notebook):
    specs = params.specs(notebook)
    assert {"corpus", "rebuild"} <= set(specs)
    for spec in specs.values():
        assert spec.type != "None", f"{notebook}: {spec.name} has no type annotation"
        assert spec.help, f"{notebook}: {spec.name} has no comment"


@pytest.mark.parametrize("notebook", params.NOTEBOOKS)
def test_defaults_validate(notebook):
    values = params.validate(notebook, {})
    assert set(values) == set(params.specs(notebook))
    assert values.corpus is None


def test_unknown_parameter_suggests_the_closest_name():
    with pytest.raises(ValueError, match=r"unknown parameter 'electoin' \(did you mean 'election'\?\)"):
        params.validate("protest_tallies", {"electoin": "2019-06-09-presidential"})


def test_in_notebook_validation_ignores_other_globals():
    values = params.validate("protest_tallies", {"convention": "acled", "pd": object(), "In": []}, strict=False)
    assert values.convention == "acled"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("election", "2019", "valid values are 1991-12-01-presidential"),
        ("convention", "acledd", "did you mean 'acled'"),
        ("compare_conventions", ["range", "nope"], "unknown value 'nope'"),
        ("counted", ["arrested"], "valid values are protesters, detained"),
        ("period_start", "2019-13", "expects a date"),
        ("period_start", 2019, "expects Optional\\[str\\]"),
        ("outlets", "RFE/RL", "expects list"),
        ("corpus", "/no/such/folder", "must be a folder"),
    ],
)
def test_invalid_values_are_rejected_with_a_clear_message(name, value, message):
    with pytest.raises(ValueError, match=message):
        params.validate("protest_tallies", {name: value})


def test_period_must_be_ordered():
    with pytest.raises(ValueError, match="is after period_end"):
        params.validate("protest_tallies", {"period_start": "2021", "period_end": "2019-06"})


def test_outlets_are_checked_against_the_corpus():
    assert params.validate("protest_tallies", {"outlets": ["Foo"]}, outlets=["Foo", "Bar"]).outlets == ["Foo"]
    with pytest.raises(ValueError, match="valid values are Bar, Foo"):
        params.validate("protest_tallies", {"outlets": ["Baz"]}, outlets=["Foo", "Bar"])


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [("3", "int", 3), ("0.2", "float", 0.2), ("false", "bool", False), ("[a, b]", "list", ["a", "b"]),
     ("a,b", "list", ["a", "b"]), ("None", "Optional[str]", None), ("x", "str", "x")],
)
def test_parse_value(text, type_, expected):
    spec = params.ParamSpec("x", type_, "None" if type_.startswith("Optional") else "0", "")
    assert params.parse_value(text, spec) == expected


def test_parse_value_rejects_ill_typed_text():
    with pytest.raises(ValueError, match="expects int"):
        params.parse_value("many", params.ParamSpec("top_words", "int", "8", ""))


def test_unknown_notebook():
    with pytest.raises(ValueError, match="did you mean 'protest_tallies'"):
        params.notebook_path("protest_tally")


@pytest.mark.parametrize("notebook", params.NOTEBOOKS)
def test_declared_parameters_read_as_papermill_reads_them(notebook):
    import papermill

    expected = {name: (p["inferred_type_name"], p["default"], p["help"])
                for name, p in papermill.inspect_notebook(str(params.notebook_path(notebook))).items()}
    assert {name: (s.type, s.default, s.help) for name, s in params.specs(notebook).items()} == expected


def test_a_parameters_cell_with_ipython_syntax_is_still_read():
    found = params._declared_parameters("%matplotlib inline\ntop: int = 8  # words listed")
    assert (found["top"].type, found["top"].default, found["top"].help) == ("int", "8", "words listed")


def test_outlets_are_checked_against_the_build_named_by_processed(tmp_path):
    import pandas as pd

    (tmp_path / "build.json").write_text("{}")
    pd.DataFrame({"doc_id": ["a"], "outlet": ["Tiny Local Weekly"]}).to_parquet(tmp_path / "documents.parquet")
    assert "Tiny Local Weekly" in params.known_outlets(processed=tmp_path)
    checked = params.validate("source_comparison", {"processed": str(tmp_path), "outlets": ["Tiny Local Weekly"]})
    assert checked["outlets"] == ["Tiny Local Weekly"]
    with pytest.raises(ValueError, match="outlet"):
        params.validate("source_comparison", {"outlets": ["Tiny Local Weekly"]})


def test_a_default_that_is_not_a_literal_is_named():
    with pytest.raises(ValueError, match="'top_words'.*not a Python literal"):
        params._default(params.ParamSpec("top_words", "int", "compute_default()", ""))
