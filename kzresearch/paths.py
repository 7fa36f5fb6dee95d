"""One place that resolves the project's folders.

Every default works from any working directory: folders are found relative to the project root
(the folder holding ``data/`` next to the installed package), and each can be overridden by an
argument or by the environment variable ``KZRESEARCH_DATA`` (the data folder) or
``KZRESEARCH_REPORTS`` (the reports folder).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """Return the project root: the parent of the package folder.

    Returns
    -------
    Path
        The folder that holds ``kzresearch/``, ``data/`` and ``notebooks/`` in a checkout.
    """
    return PACKAGE_DIR.parent


def data_dir() -> Path:
    """Return the data folder (``$KZRESEARCH_DATA`` or ``<root>/data``)."""
    env = os.environ.get("KZRESEARCH_DATA")
    return Path(env).expanduser().resolve() if env else project_root() / "data"


def raw_dir() -> Path:
    """Return the folder of the bundled raw corpus (read-only)."""
    return data_dir() / "raw"


def manifest_path() -> Path:
    """Return the bundled corpus manifest."""
    return data_dir() / "manifest.csv"


def reference_dir() -> Path:
    """Return the folder of curated reference tables."""
    return data_dir() / "reference"


def processed_dir() -> Path:
    """Return the default output folder of ``kzresearch build``."""
    return data_dir() / "processed"


def gold_path() -> Path:
    """Return the bundled gold annotations."""
    return data_dir() / "gold" / "seeds.yaml"


def notebooks_dir() -> Path:
    """Return the folder of the parameterised notebooks."""
    return project_root() / "notebooks"


def reports_dir() -> Path:
    """Return the reports folder (``$KZRESEARCH_REPORTS`` or ``<root>/reports``)."""
    env = os.environ.get("KZRESEARCH_REPORTS")
    return Path(env).expanduser().resolve() if env else project_root() / "reports"


def require_dir(path: Path, what: str) -> Path:
    """Return ``path`` if it is a folder, else raise with a message that says what to do.

    Parameters
    ----------
    path : Path
        The folder to check.
    what : str
        What the folder should hold, for the message.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist or is not a folder.
    """
    if not path.is_dir():
        raise FileNotFoundError(
            f"{what} not found: {path} is not a folder. Pass an existing folder "
            f"(for example --corpus data/raw) or set KZRESEARCH_DATA to the data folder."
        )
    return path


def make_output_dir(path: Path, what: str) -> Path:
    """Create the output folder ``path`` (and its parents) and return it.

    Parameters
    ----------
    path : Path
        The folder to create or reuse.
    what : str
        What the folder is for, for the message.

    Raises
    ------
    ValueError
        If ``path`` or one of its parents is a file, or the folder cannot be created.
    """
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ValueError(f"{what} {path} cannot be created: it, or a folder above it, is a file. Pass a folder") from None
    except OSError as exc:
        raise ValueError(f"{what} {path} cannot be created ({exc.strerror or exc})") from None
    return path
