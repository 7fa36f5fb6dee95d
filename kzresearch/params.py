"""Notebook parameters: what each notebook accepts, and validation of the values it is given.

A notebook's parameters are declared once, in its cell tagged ``parameters``, as typed and
commented assignments (``election: Optional[str] = None  # election id ...``). :func:`specs`
reads them with ``papermill.inspect_notebook``, so the notebook stays the single source of truth;
:func:`validate` checks values against them and against the reference data (known elections,
kinds, quantity conventions, outlets, dates). Papermill itself only warns about an unknown name,
so the report runner and the notebooks both call :func:`validate` first.

Examples
--------
>>> sorted(specs("protest_tallies"))[:3]
['compare_conventions', 'convention', 'corpus']
>>> validate("protest_tallies", {"convention": "acled"}).convention
'acled'
>>> validate("protest_tallies", {"convnetion": "acled"})
Traceback (most recent call last):
...
ValueError: protest_tallies: unknown parameter 'convnetion' (did you mean 'convention'?); parameters are ...
"""
from __future__ import annotations

import ast
import datetime as dt
import difflib
import io
import json
import re
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kzresearch import paths

NOTEBOOKS = ("source_comparison", "election_timeline", "protest_tallies")

# The categories a tally counts (vocabulary of data/gold/README.md).
COUNTED = ("protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other")

_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TRUE, _FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}
_NONE = {"none", "null", "~", ""}


@dataclass(frozen=True)
class ParamSpec:
    """One parameter as declared in a notebook's ``parameters`` cell.

    Attributes
    ----------
    name : str
        Variable name.
    type : str
        The annotation as written (``str``, ``int``, ``float``, ``bool``, ``list[str]``,
        ``Optional[str]``, ...).
    default : str
        The default as Python source.
    help : str
        The comment after the assignment.
    """

    name: str
    type: str
    default: str
    help: str

    @property
    def optional(self) -> bool:
        """Whether None is an accepted value."""
        return self.type.startswith("Optional[") or self.default == "None"

    @property
    def base(self) -> str:
        """The type without ``Optional[...]`` and without the item type of a list."""
        inner = self.type[len("Optional["):-1] if self.type.startswith("Optional[") else self.type
        return "list" if inner.startswith("list") else inner


class Params(dict):
    """Validated parameter values: a dict whose keys also read as attributes."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def notebook_path(name: str) -> Path:
    """Return the path of notebook ``name`` (with or without ``.ipynb``).

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`NOTEBOOKS`; the message lists them.
    """
    stem = Path(name).name.removesuffix(".ipynb")
    if stem not in NOTEBOOKS:
        raise ValueError(f"unknown notebook {name!r}{_suggest(stem, NOTEBOOKS)}; notebooks are {', '.join(NOTEBOOKS)}")
    return paths.notebooks_dir() / f"{stem}.ipynb"


@lru_cache(maxsize=8)
def specs(notebook: str) -> dict[str, ParamSpec]:
    """Return the parameters declared in the ``parameters`` cell of ``notebook``, in order.

    Parameters
    ----------
    notebook : str
        Notebook name, e.g. ``"protest_tallies"``.

    Returns
    -------
    dict
        Parameter name -> :class:`ParamSpec`.
    """
    cell = next((c for c in json.loads(notebook_path(notebook).read_text(encoding="utf-8"))["cells"]
                 if c["cell_type"] == "code" and "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if cell is None:
        return {}
    return _declared_parameters("".join(cell["source"]))


def _declared_parameters(source: str) -> dict[str, ParamSpec]:
    """Read ``name: type = default  # help`` lines as papermill's Python translator does.

    Parsed here rather than with ``papermill.inspect_notebook``: importing papermill costs a
    notebook kernel two seconds (its JSON-schema validator), for three lines of work.

    Examples
    --------
    >>> spec = _declared_parameters('top: int = 8  # words listed per outlet')["top"]
    >>> spec.type, spec.default, spec.help
    ('int', '8', 'words listed per outlet')
    """
    try:
        tree = ast.parse(source)
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (SyntaxError, tokenize.TokenError):
        # IPython syntax (a magic) in the cell: papermill's own reader skips what it cannot read
        from papermill.translators import PythonTranslator

        return {p.name: ParamSpec(p.name, p.inferred_type_name, p.default, p.help)
                for p in PythonTranslator.inspect({"source": source})}
    comments = {tok.start[0]: tok.string.lstrip("#").strip() for tok in tokens if tok.type == tokenize.COMMENT}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, kind = node.target.id, ast.get_source_segment(source, node.annotation)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, kind = node.targets[0].id, "None"
        else:
            continue
        found[name] = ParamSpec(name, kind, ast.get_source_segment(source, node.value), comments.get(node.end_lineno, ""))
    return found


def parse_value(text: str, spec: ParamSpec) -> Any:
    """Turn a command-line string into a value of the parameter's type.

    Parameters
    ----------
    text : str
        The value as typed after ``-p NAME``.
    spec : ParamSpec
        The parameter.

    Returns
    -------
    object
        The typed value; lists are read as YAML (``[a, b]``) or as comma-separated text.

    Raises
    ------
    ValueError
        If the text cannot be read as the parameter's type.

    Examples
    --------
    >>> parse_value("a, b", ParamSpec("outlets", "list[str]", "[]", ""))
    ['a', 'b']
    >>> parse_value("none", ParamSpec("election", "Optional[str]", "None", "")) is None
    True
    """
    if spec.optional and text.strip().lower() in _NONE:
        return None
    try:
        if spec.base == "list":
            if text.strip().startswith("["):
                return yaml.safe_load(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        if spec.base == "bool":
            if text.strip().lower() in _TRUE | _FALSE:
                return text.strip().lower() in _TRUE
            raise ValueError(text)
        if spec.base == "int":
            return int(text)
        if spec.base == "float":
            return float(text)
    except (ValueError, yaml.YAMLError):
        raise ValueError(f"parameter {spec.name!r} expects {spec.type}, got {text!r}") from None
    return text


def validate(
    notebook: str,
    values: Mapping[str, Any],
    *,
    strict: bool = True,
    outlets: Iterable[str] | None = None,
) -> Params:
    """Check parameter values for ``notebook`` and return them with defaults filled in.

    Parameters
    ----------
    notebook : str
        Notebook name.
    values : mapping
        Parameter values. With ``strict`` (the runner) a name the notebook does not declare is an
        error; without it (inside a notebook, passing ``globals()``) only declared names are read.
    strict : bool
        Reject names the notebook does not declare.
    outlets : iterable of str, optional
        Outlets a value of ``outlets`` may name; default :func:`known_outlets` of the corpus.

    Returns
    -------
    Params
        Every declared parameter with its checked value.

    Raises
    ------
    ValueError
        On an unknown name, a value of the wrong type or an unknown election, kind, convention,
        category, outlet or date; the message names the parameter and lists the valid choices.
    """
    declared = specs(notebook)
    if strict:
        unknown = [name for name in values if name not in declared]
        if unknown:
            name = unknown[0]
            raise ValueError(
                f"{notebook}: unknown parameter {name!r}{_suggest(name, declared)}; "
                f"parameters are {', '.join(declared)}"
            )
    out = Params()
    for name, spec in declared.items():
        value = values[name] if name in values else _default(spec)
        if name == "outlets" and value and outlets is None:
            outlets = known_outlets(values.get("corpus"), values.get("processed"))
        out[name] = _check(notebook, spec, value, outlets)
    start, end = out.get("period_start"), out.get("period_end")
    if start and end and date_bounds(start)[0] > date_bounds(end)[1]:
        raise ValueError(f"{notebook}: period_start {start!r} is after period_end {end!r}")
    return out


def known_outlets(corpus: str | Path | None = None, processed: str | Path | None = None) -> list[str]:
    """Return the outlets a notebook may be asked about for ``corpus`` (default the bundled one).

    These are the outlets of the reference's signatures plus those of the corpus's existing build
    (a manifest may name outlets the reference does not know): the build in ``processed`` if
    given, else the corpus's default output folder. Nothing is built here.
    """
    from kzresearch.corpus import default_processed_dir
    from kzresearch.reference import load_reference

    known = set(load_reference().outlets["outlet"])
    build_dir = Path(processed).expanduser() if processed else default_processed_dir(Path(corpus) if corpus else paths.raw_dir())
    table = build_dir / "documents.parquet"
    if table.is_file():
        import pandas as pd

        known |= set(pd.read_parquet(table, columns=["outlet"])["outlet"].dropna())
    return sorted(known)


def date_bounds(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Return the first and last day of a partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    Examples
    --------
    >>> date_bounds("2019-02")
    (datetime.date(2019, 2, 1), datetime.date(2019, 2, 28))
    >>> date_bounds(None)
    (None, None)
    """
    return (None, None) if value is None else _date_bounds(value)


def _date_bounds(value: str) -> tuple[dt.date, dt.date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def _default(spec: ParamSpec) -> Any:
    # Defaults are Python literals in the parameters cell: read as Python, never evaluated as code.
    try:
        return ast.literal_eval(spec.default)
    except (ValueError, SyntaxError):
        raise ValueError(f"parameter {spec.name!r}: its default {spec.default!r} is not a Python literal") from None


def _type_ok(spec: ParamSpec, value: Any) -> bool:
    if value is None:
        return spec.optional
    base = spec.base
    if base == "list":
        return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
    if base == "bool":
        return isinstance(value, bool)
    if base == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if base == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, str)


def _check(notebook: str, spec: ParamSpec, value: Any, outlets: Iterable[str] | None) -> Any:
    if not _type_ok(spec, value):
        raise ValueError(
            f"{notebook}: parameter {spec.name!r} expects {spec.type} ({spec.help}), got {value!r} "
            f"({type(value).__name__})"
        )
    if value is None:
        return None
    if spec.base == "list":
        value = list(value)
    if spec.base == "float":
        value = float(value)
    choices = _choices(spec.name, outlets)
    if choices is not None:
        for item in value if isinstance(value, list) else [value]:
            if item not in choices:
                raise ValueError(
                    f"{notebook}: parameter {spec.name!r} got unknown value {item!r}{_suggest(item, choices)}; "
                    f"valid values are {', '.join(choices)}"
                )
    if spec.name.startswith("period_") and not _valid_date(value):
        raise ValueError(f"{notebook}: parameter {spec.name!r} expects a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    if spec.name == "corpus" and not Path(value).expanduser().is_dir():
        raise ValueError(f"{notebook}: parameter 'corpus' must be a folder of articles; {value!r} is not a folder")
    if spec.name == "processed" and not (Path(value).expanduser() / "build.json").is_file():
        raise ValueError(f"{notebook}: parameter 'processed' must be the folder of a build (with build.json); {value!r} is not")
    if spec.base in ("int", "float") and value < 0:
        raise ValueError(f"{notebook}: parameter {spec.name!r} must not be negative, got {value!r}")
    return value


def _choices(name: str, outlets: Iterable[str] | None) -> list[str] | None:
    """The closed vocabulary of a parameter, by the name conventions of the notebooks."""
    from kzresearch.reference import load_reference

    if name == "election":
        return list(load_reference().elections["election_id"])
    if name == "kinds":
        return sorted(set(load_reference().elections["kind"]))
    if name in ("convention", "compare_conventions"):
        return list(load_reference().conventions["conventions"])
    if name in ("counted", "focus"):
        return list(COUNTED)
    if name == "outlets":
        return sorted(outlets or ())
    return None


def _valid_date(value: str) -> bool:
    if not _PARTIAL_DATE.match(value):
        return False
    try:
        _date_bounds(value)
    except ValueError:
        return False
    return True


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
