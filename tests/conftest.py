"""Shared fixtures: the reference tables, the gold annotations and built copies of the corpus.

Builds go to temporary folders, never to data/processed, so tests do not disturb a user's tables.
"""
from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from kzresearch import paths
from kzresearch.build import build
from kzresearch.corpus import Corpus
from kzresearch.reference import load_reference
from kzresearch.textnorm import normalize_line


@pytest.fixture(scope="session")
def ref():
    return load_reference()


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    return yaml.safe_load(paths.gold_path().read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Gold phrases are verbatim from the raw files: compare them after the same normalisation."""
    return normalize_line(text)


def _built(tmp_path_factory, name: str, **kwargs) -> Corpus:
    out = tmp_path_factory.mktemp(name)
    build(out=out, progress=False, **kwargs)
    return Corpus(processed=out, reference=load_reference())


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> Path:
    """Sixty articles from the benchmark generator (several formats and encodings, a manifest)."""
    generator = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("kzbench_generate", generator)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("generated")
    module.generate(60, folder, seed=0)
    return folder


@pytest.fixture(scope="session")
def bundled(tmp_path_factory) -> Corpus:
    """The bundled corpus built with its manifest."""
    return _built(tmp_path_factory, "bundled")


@pytest.fixture(scope="session")
def unseen_folder(tmp_path_factory) -> Path:
    """The bundled articles copied to a folder of their own, with no manifest beside them."""
    folder = tmp_path_factory.mktemp("unseen") / "articles"
    folder.mkdir()
    for f in paths.raw_dir().iterdir():
        shutil.copyfile(f, folder / f.name)
    return folder


@pytest.fixture(scope="session")
def without_manifest(tmp_path_factory, unseen_folder) -> Corpus:
    """The bundled articles built as an unseen folder: no manifest, nothing known but the text."""
    return _built(tmp_path_factory, "nomanifest", corpus=unseen_folder)
