"""The report runner: parameters from -p and YAML, validation before running, one folder per run."""
import json
import shutil

import nbformat
import pytest

from kzresearch import cli, params, paths, report

ALL = list(params.NOTEBOOKS)


def test_cli_values_are_typed_and_yaml_sections_apply_per_notebook(tmp_path):
    file = tmp_path / "p.yaml"
    file.write_text("convention: acled\nprotest_tallies:\n  election: 2019-06-09-presidential\n  counted: [detained]\n")
    values = report.resolve_parameters(ALL, [("top_words", "5"), ("convention", "ccc")], file)
    assert values["source_comparison"].top_words == 5
    assert values["protest_tallies"].convention == "ccc"          # -p wins over the file
    assert values["protest_tallies"].election == "2019-06-09-presidential"
    assert values["protest_tallies"].counted == ["detained"]
    assert values["election_timeline"].election is None            # the section is for protest_tallies only


@pytest.mark.parametrize(("cli_params", "message"), [
    ([("electoin", "2019-06-09-presidential")], "did you mean 'election'"),
    ([("top_words", "many")], "expects int"),
    ([("convention", "nope")], "valid values are range"),
])
def test_bad_parameters_fail_before_running(cli_params, message):
    with pytest.raises(ValueError, match=message):
        report.resolve_parameters(ALL, cli_params, None)


def test_a_parameter_only_other_notebooks_declare_is_an_error():
    with pytest.raises(ValueError, match="unknown parameter 'top_words'"):
        report.resolve_parameters(["protest_tallies"], [("top_words", "3")], None)


def test_misspelt_parameter_exits_2_with_a_message(capsys):
    assert cli.main(["report", "-p", "convnetion", "acled"]) == 2
    assert "did you mean 'convention'" in capsys.readouterr().err


def test_list_parameters(capsys):
    assert cli.main(["report", "--notebook", "protest_tallies", "--list-parameters"]) == 0
    assert "convention: str" in capsys.readouterr().out


def _outputs(path):
    nb = nbformat.read(path, as_version=4)
    text = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            assert o.output_type != "error", o
            text.append(o.get("text", "") + o.get("data", {}).get("text/markdown", "") + o.get("data", {}).get("text/plain", ""))
    return "\n".join(text)


@pytest.mark.slow
def test_protest_tallies_with_another_election_and_convention(tmp_path):
    out = tmp_path / "run"
    status = cli.main(["report", "--notebook", "protest_tallies", "-p", "election", "2019-06-09-presidential",
                       "-p", "convention", "acled", "--out", str(out), "--hide-code", "--quiet"])
    assert status == 0
    run = json.loads((out / "run.json").read_text())
    assert run["status"] == "ok" and run["corpus"]["sha256"]
    assert run["notebooks"]["protest_tallies"]["parameters"]["convention"] == "acled"
    assert run["versions"]["papermill"]
    text = _outputs(out / "protest_tallies.ipynb")
    assert "about 2019-06-09-presidential" in text and "2021-01-10" not in text.split("tallies about", 1)[1][:200]
    html = (out / "protest_tallies.html").read_text()
    assert "kz_params.validate" not in html  # --hide-code
    assert run["notebooks"]["protest_tallies"]["figures"]
    assert all((out / f).is_file() for f in run["notebooks"]["protest_tallies"]["figures"])


@pytest.mark.slow
def test_a_report_on_an_existing_build_reads_it_as_it_is(tmp_path):
    from kzresearch.build import build

    build(out=tmp_path / "tables", progress=False)
    out = tmp_path / "run"
    status = cli.main(["report", "--processed", str(tmp_path / "tables"), "--notebook", "election_timeline", "--out", str(out), "--quiet"])
    assert status == 0
    run = json.loads((out / "run.json").read_text())
    assert run["notebooks"]["election_timeline"]["parameters"]["processed"] == str((tmp_path / "tables").resolve())
    assert cli.main(["report", "--processed", str(tmp_path / "nothing"), "--out", str(out)]) == 2


@pytest.mark.slow
def test_an_election_without_protests_says_so(tmp_path):
    out = tmp_path / "run"
    assert cli.main(["report", "--notebook", "protest_tallies", "-p", "election", "2022-11-20-presidential",
                     "--out", str(out), "--quiet"]) == 0
    assert "reports no protest or detention counts" in _outputs(out / "protest_tallies.ipynb")


@pytest.mark.slow
def test_all_notebooks_on_a_corpus_of_one_article_with_a_yaml_file(tmp_path):
    corpus = tmp_path / "one"
    corpus.mkdir()
    shutil.copy(paths.raw_dir() / "003_d5dc6f06da05cd96.txt", corpus)
    file = tmp_path / "p.yaml"
    file.write_text("period_start: '2019'\nprotest_tallies:\n  convention: ccc\n")
    out = tmp_path / "run"
    assert cli.main(["report", "--corpus", str(corpus), "--parameters", str(file), "--out", str(out), "--quiet"]) == 0
    run = json.loads((out / "run.json").read_text())
    assert run["corpus"]["documents"] == 1
    assert {nb: r["status"] for nb, r in run["notebooks"].items()} == dict.fromkeys(params.NOTEBOOKS, "ok")
    assert "1** of the corpus's 1 documents" in _outputs(out / "source_comparison.ipynb")
    for nb in params.NOTEBOOKS:
        assert (out / f"{nb}.html").is_file()


@pytest.mark.slow
def test_articles_that_are_not_in_the_corpus(tmp_path):
    corpus = tmp_path / "new"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Tokayev wins Kazakh presidential election\n"
        "ASTANA (Reuters) - Kassym-Jomart Tokayev won 81.31 percent of the vote in Sunday's election, "
        "preliminary results showed on Monday. Turnout was 69.44 percent.\n"
        "Several dozen people gathered in Almaty on Sunday, and police detained about 20 of them, activists said.\n")
    (corpus / "b.html").write_text(
        "<html><head><title>Kazakhstan votes</title></head><body><h1>Kazakhstan votes</h1>"
        "<p>Voters in Kazakhstan went to the polls on November 20, 2022 in an early presidential election.</p>"
        "<p>Police detained about 20 people in Almaty, activists said.</p></body></html>")
    out = tmp_path / "run"
    assert cli.main(["report", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 0


@pytest.mark.slow
def test_a_failing_notebook_is_named_with_its_cell_and_its_output_kept(tmp_path, monkeypatch, capsys):
    broken = tmp_path / "protest_tallies.ipynb"
    nb = nbformat.read(paths.notebooks_dir() / "protest_tallies.ipynb", as_version=4)
    nb.cells.insert(12, nbformat.v4.new_code_cell("raise RuntimeError('deliberate')"))
    nbformat.write(nb, broken)
    monkeypatch.setattr(params, "notebook_path", lambda name: broken)
    out = tmp_path / "run"
    assert cli.main(["report", "--notebook", "protest_tallies", "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "protest_tallies failed at cell" in err and "RuntimeError: deliberate" in err
    run = json.loads((out / "run.json").read_text())
    assert run["status"] == "failed" and run["notebooks"]["protest_tallies"]["error"]["where"].startswith("cell")
    assert (out / "protest_tallies.ipynb").is_file() and (out / "protest_tallies.html").is_file()
