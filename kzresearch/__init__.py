"""kzresearch: news coverage of Kazakhstan's elections and election protests, as tidy tables.

>>> import kzresearch as kz
>>> corpus = kz.load_corpus()          # builds the bundled corpus incrementally  # doctest: +SKIP
>>> corpus.tallies[["phrase", "counted", "low", "high"]]                           # doctest: +SKIP
"""
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kzresearch")
except PackageNotFoundError:  # running from a checkout that was not installed
    __version__ = "0.0.0+unknown"

# The public names load their modules on first use, so that `import kzresearch` and the CLI's
# --help stay fast and a worker process imports only what it runs.
_PUBLIC = {
    "Corpus": "kzresearch.corpus",
    "load_corpus": "kzresearch.corpus",
    "Reference": "kzresearch.reference",
    "load_reference": "kzresearch.reference",
}
__all__ = [*_PUBLIC, "__version__"]


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'kzresearch' has no attribute {name!r}")
