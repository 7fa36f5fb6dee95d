"""The collection record: ``manifest.csv``, every column optional.

Columns the build reads: ``file`` (name below the corpus folder), ``outlet``, ``url``,
``published`` (YYYY-MM-DD, YYYY-MM or YYYY), ``notes``. Unknown columns are kept in the record
and ignored. A malformed row (no file, a file not in the corpus, a duplicate entry, a bad date)
becomes a problem and the rest of the manifest is used; an unreadable manifest is a problem and
the build goes on without it.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from kzresearch.metadata import parse_published
from kzresearch.reading import Problem, decode_bytes, UnreadableFile


def read_manifest(path: Path | None, known_files: set[str]) -> tuple[dict[str, dict], list[Problem]]:
    """Read a manifest into ``{file: record}``, reporting malformed rows.

    Parameters
    ----------
    path : Path or None
        The manifest; None means there is none.
    known_files : set of str
        File names present in the corpus folder.

    Returns
    -------
    (dict, list of Problem)
    """
    if path is None:
        return {}, []
    name = path.name
    if not path.is_file():
        return {}, [Problem(name, "manifest", f"manifest {path} does not exist; building without it")]
    try:
        text, _ = decode_bytes(path.read_bytes())
    except UnreadableFile as exc:
        return {}, [Problem(name, "manifest", f"manifest is not readable text ({exc.detail}); building without it")]
    except OSError as exc:
        return {}, [Problem(name, "manifest", f"manifest cannot be read ({exc.strerror or exc}); building without it")]
    records: dict[str, dict] = {}
    problems: list[Problem] = []
    try:
        _read_rows(csv.DictReader(io.StringIO(text)), name, known_files, records, problems)
    except csv.Error as exc:  # a field over the csv module's size limit, a NUL byte, ...
        problems.append(Problem(name, "manifest", f"manifest cannot be parsed to its end ({exc}); "
                                                  f"the {len(records)} rows read before the fault are used"))
    return records, problems


def _read_rows(reader: csv.DictReader, name: str, known_files: set[str], records: dict[str, dict], problems: list[Problem]) -> None:
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "file" not in header:
        problems.append(Problem(name, "manifest", f"manifest has no 'file' column (columns: {', '.join(header) or 'none'}); building without it"))
        return
    reader.fieldnames = header
    for row_no, row in enumerate(reader, start=2):
        where = f"{name}:{row_no}"
        if None in row:
            problems.append(Problem(where, "manifest", f"row has {len(header) + len(row[None])} fields for {len(header)} columns; row ignored"))
            continue
        record = {k: (v or "").strip() for k, v in row.items()}
        file = record.get("file", "")
        if not file:
            problems.append(Problem(where, "manifest", "row names no file; row ignored"))
        elif file not in known_files:
            problems.append(Problem(where, "manifest", f"{file!r} is not in the corpus folder; row ignored"))
        elif file in records:
            problems.append(Problem(where, "manifest", f"{file!r} is listed twice; the first row is used"))
        else:
            if record.get("published") and parse_published(record["published"]) is None:
                problems.append(Problem(where, "manifest", f"date {record['published']!r} is not YYYY-MM-DD, YYYY-MM or YYYY; inferred from the text instead"))
                record["published"] = ""
            records[file] = record
