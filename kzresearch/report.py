"""Run the analysis notebooks with papermill into a reports folder: executed notebooks, HTML, figures, run.json.

``kzresearch report`` runs one or all of the notebooks (source_comparison, election_timeline,
protest_tallies) on a corpus. Parameters come from ``--parameters FILE.yaml`` and ``-p NAME VALUE``
(the command line wins) and are checked against each notebook's ``parameters`` cell before anything
runs: an unknown or ill-typed parameter is an error, not a papermill warning. Each run gets its own
folder (default ``reports/<timestamp>-<corpus hash>``) holding, per notebook, the executed
``.ipynb``, an ``.html`` rendering (``--hide-code`` leaves the code out) and its figures as PNG
files, plus ``run.json`` (parameters, corpus hash, versions, durations, status). A failing
notebook is reported with the cell that failed; what was produced is kept.

A YAML parameter file holds parameters shared by all notebooks at its top level and, under a
notebook's name, parameters for that notebook only::

    convention: acled
    protest_tallies:
      election: 2019-06-09-presidential
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import platform
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from kzresearch import __version__, params, paths

LIBRARIES = ("pandas", "numpy", "pyarrow", "matplotlib", "datasketch", "papermill", "nbconvert", "nbformat", "ipykernel")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``report`` options to ``parser`` and set its handler to :func:`run`."""
    parser.add_argument("--notebook", action="append", metavar="NAME", choices=params.NOTEBOOKS,
                        help=f"notebook to run, repeatable ({', '.join(params.NOTEBOOKS)}; default: all three)")
    parser.add_argument("-p", "--parameter", action="append", nargs=2, default=[], metavar=("NAME", "VALUE"),
                        help="set a notebook parameter, repeatable (lists as a,b or [a, b]; none for None)")
    parser.add_argument("--parameters", metavar="FILE", help="YAML file of parameters (top level: all notebooks; "
                        "under a notebook's name: that notebook only)")
    parser.add_argument("--corpus", metavar="DIR", help="folder of articles (default: the bundled corpus)")
    parser.add_argument("--processed", metavar="DIR", help="tables of an existing build to report on, read as they are (default: build the corpus first)")
    parser.add_argument("--out", metavar="DIR", help="run folder (default: reports/<timestamp>-<corpus hash>)")
    parser.add_argument("--hide-code", action="store_true", help="leave the code cells out of the HTML reports")
    parser.add_argument("--list-parameters", action="store_true", help="print each notebook's parameters and exit")
    parser.add_argument("--quiet", action="store_true", help="print only errors and the run folder")
    parser.set_defaults(func=run)


def resolve_parameters(notebooks: list[str], cli: list[tuple[str, str]], file: str | Path | None,
                       corpus: str | None = None) -> dict[str, params.Params]:
    """Merge the YAML file and ``-p`` values and validate them for each notebook.

    A parameter goes to every selected notebook that declares it; one that none of them declares
    is an error, as is a value of the wrong type or outside a parameter's known values.

    Parameters
    ----------
    notebooks : list of str
        Notebook names.
    cli : list of (name, value)
        ``-p`` pairs, values as typed.
    file : str or Path, optional
        YAML parameter file.
    corpus : str, optional
        ``--corpus``, given to every notebook as its ``corpus`` parameter.

    Returns
    -------
    dict
        Notebook name -> validated :class:`kzresearch.params.Params` (all parameters, defaults filled).

    Raises
    ------
    ValueError
        On an unknown parameter or an invalid value, naming the parameter and the valid choices.
    """
    shared, specific = _read_file(file, notebooks)
    specs = {nb: params.specs(nb) for nb in notebooks}
    for name, text in cli:
        owners = [nb for nb in notebooks if name in specs[nb]]
        if not owners:
            _unknown(name, notebooks, specs)
        for nb in owners:
            specific.setdefault(nb, {})[name] = params.parse_value(text, specs[nb][name])
    for name in shared:
        if not any(name in specs[nb] for nb in notebooks):
            _unknown(name, notebooks, specs)
    if corpus is not None:
        shared["corpus"] = str(Path(corpus).expanduser().resolve())
    out = {}
    for nb in notebooks:
        values = {k: v for k, v in shared.items() if k in specs[nb]} | specific.get(nb, {})
        out[nb] = params.validate(nb, values, strict=True)
    return out


def _unknown(name: str, notebooks: list[str], specs: dict[str, dict]) -> None:
    known = sorted({p for nb in notebooks for p in specs[nb]})
    hint = params._suggest(name, known)
    raise ValueError(f"unknown parameter {name!r}{hint} for {', '.join(notebooks)}; parameters are {', '.join(known)}")


def _read_file(file: str | Path | None, notebooks: list[str]) -> tuple[dict, dict]:
    if file is None:
        return {}, {}
    path = Path(file)
    if not path.is_file():
        raise FileNotFoundError(f"parameter file not found: {path}")
    from kzresearch.reference import read_yaml  # here: kzresearch.reference loads pandas

    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a parameter file must be a mapping of NAME: VALUE")
    specific = {nb: dict(data.pop(nb)) for nb in params.NOTEBOOKS if isinstance(data.get(nb), dict)}
    # Sections for notebooks that are not run this time are ignored, not errors.
    return data, {nb: v for nb, v in specific.items() if nb in notebooks}


def run(args: argparse.Namespace) -> int:
    """Run the ``report`` command; return the exit status (0 ok, 1 a notebook failed, 2 bad input)."""
    notebooks = list(dict.fromkeys(args.notebook or params.NOTEBOOKS))
    if args.list_parameters:
        for nb in notebooks:
            print(nb)
            for spec in params.specs(nb).values():
                print(f"  {spec.name}: {spec.type} = {spec.default}  # {spec.help}")
        return 0
    cli = [tuple(p) for p in args.parameter] + ([("processed", str(Path(args.processed).resolve()))] if args.processed else [])
    values = resolve_parameters(notebooks, cli, args.parameters, args.corpus)
    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, flush=True))

    from kzresearch.corpus import load_corpus

    say("reading the corpus tables ..." if args.processed else "building the corpus tables ...")
    started = time.perf_counter()
    corpus = load_corpus(args.corpus, processed=args.processed, rebuild=not args.processed)
    build_seconds = round(time.perf_counter() - started, 2)
    record = corpus.record
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = Path(args.out) if args.out else paths.reports_dir() / f"{stamp}-{record['corpus_sha256'][:8]}"
    paths.make_output_dir(out, "report folder")
    run_record: dict[str, Any] = {
        "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": ["kzresearch", "report", *sys.argv[2:]] if sys.argv[1:2] == ["report"] else sys.argv,
        "corpus": {"dir": record["corpus_dir"], "sha256": record["corpus_sha256"], "documents": record["documents"],
                   "reference_sha256": record["reference_sha256"], "build_seconds": build_seconds},
        "versions": versions(),
        "hide_code": bool(args.hide_code),
        "notebooks": {},
    }
    failures = []
    for i, nb in enumerate(notebooks, 1):
        say(f"[{i}/{len(notebooks)}] {nb} ...")
        # The tables were just built: the notebook reads them as they are instead of checking
        # every file again (that check costs minutes on a large corpus).
        result = run_notebook(nb, dict(values[nb], rebuild=False), out, hide_code=args.hide_code, progress=not args.quiet)
        run_record["notebooks"][nb] = result
        _write_json(out / "run.json", run_record)
        if result["status"] == "ok":
            say(f"[{i}/{len(notebooks)}] {nb}: ok in {result['seconds']:.1f} s -> {result['html']}")
        else:
            failures.append(nb)
            print(f"kzresearch report: {nb} failed at {result['error']['where']}: {result['error']['message']}", file=sys.stderr)
    run_record["finished"] = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    run_record["status"] = "failed" if failures else "ok"
    _write_json(out / "run.json", run_record)
    print(f"reports in {out}" + (f" ({len(failures)} failed: {', '.join(failures)})" if failures else ""))
    return 1 if failures else 0


def run_notebook(name: str, values: dict, out: Path, *, hide_code: bool = False, progress: bool = True) -> dict:
    """Execute notebook ``name`` with ``values`` into ``out``; write its HTML and figures.

    Returns
    -------
    dict
        ``parameters``, ``status`` (ok | failed), ``seconds``, ``notebook``, ``html``, ``figures``
        (paths relative to ``out``) and, on failure, ``error`` (``where``: the cell, ``message``).
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    target = out / f"{name}.ipynb"
    result: dict[str, Any] = {"parameters": values, "status": "ok", "notebook": target.name}
    started = time.perf_counter()
    try:
        papermill.execute_notebook(str(params.notebook_path(name)), str(target), parameters=values,
                                   cwd=str(out), progress_bar=progress, kernel_name="python3")
    except PapermillExecutionError as exc:
        result["status"] = "failed"
        result["error"] = {"where": f"cell {exc.cell_index} (execution count {exc.exec_count})",
                           "message": f"{exc.ename}: {exc.evalue}"}
    except Exception as exc:  # noqa: BLE001  a kernel that dies is still one notebook's failure
        result["status"] = "failed"
        result["error"] = {"where": "kernel", "message": f"{type(exc).__name__}: {exc}"}
    result["seconds"] = round(time.perf_counter() - started, 2)
    if target.is_file():
        result["figures"] = save_figures(target, out / "figures" / name, relative_to=out)
        result["html"] = write_html(target, hide_code=hide_code).name
    return result


def save_figures(notebook: Path, folder: Path, *, relative_to: Path) -> list[str]:
    """Write every PNG output of an executed notebook to ``folder``; return their relative paths."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    written = []
    for index, cell in enumerate(nb.cells):
        k = 0
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                k += 1
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"cell{index:02d}-{k}.png"
                path.write_bytes(base64.b64decode(data["image/png"]))
                written.append(path.relative_to(relative_to).as_posix())
    return written


def write_html(notebook: Path, *, hide_code: bool = False) -> Path:
    """Render an executed notebook as HTML beside it (without code cells' input when ``hide_code``)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=hide_code, exclude_input_prompt=hide_code, exclude_output_prompt=hide_code)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    target = notebook.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target


def versions() -> dict[str, str]:
    """Versions of Python, kzresearch and the libraries the reports depend on."""
    found = {"python": platform.python_version(), "kzresearch": __version__}
    for lib in LIBRARIES:
        try:
            found[lib] = version(lib)
        except PackageNotFoundError:
            found[lib] = "not installed"
    return found


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
