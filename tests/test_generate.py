"""The benchmark corpus generator: deterministic, prefix-stable, varied, and readable by the build."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from kzresearch import paths
from kzresearch.build import build

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("kzbench_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes(gen, tmp_path):
    gen.generate(60, tmp_path / "a", seed=3)
    gen.generate(60, tmp_path / "b", seed=3)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_other_seed_other_corpus(gen, tmp_path):
    gen.generate(20, tmp_path / "a", seed=0)
    gen.generate(20, tmp_path / "b", seed=1)
    assert set(_files(tmp_path / "a")) != set(_files(tmp_path / "b"))


def test_article_does_not_depend_on_corpus_size(gen, tmp_path):
    gen.generate(15, tmp_path / "small", seed=0)
    gen.generate(40, tmp_path / "large", seed=0)
    small, large = _files(tmp_path / "small"), _files(tmp_path / "large")
    singles = [name for name in small if name.endswith((".txt", ".html"))]
    assert singles
    assert all(large.get(name) == small[name] for name in singles)


def test_formats_encodings_and_manifest(gen, tmp_path):
    summary = gen.generate(400, tmp_path, seed=0)
    counts = summary["counts"]
    assert counts["html:utf-8"] > 0 and counts["jsonl"] > 0
    assert len([k for k in counts if k.startswith("txt:")]) >= 4
    manifest = (tmp_path / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert manifest[0] == "file,outlet,url,published,notes" and len(manifest) > 50
    assert summary["bytes"] == sum(len(b) for name, b in _files(tmp_path).items() if not name.endswith(("manifest.csv", ".generated.json")))


def test_names_vary_across_transliterations(gen):
    sources = gen.load_sources()
    spellings = set()
    for index in range(200):
        text = gen.render_text(gen.make_article(index, sources, seed=0))
        spellings |= {v for v in sources.variants["Nursultan Nazarbayev"] if v in text}
    assert len(spellings) >= 4


def test_never_writes_into_raw(gen):
    with pytest.raises(ValueError, match="data/raw"):
        gen.generate(1, paths.raw_dir() / "bench", seed=0)


def test_build_reads_every_generated_article(gen, tmp_path):
    gen.generate(40, tmp_path / "corpus", seed=0)
    report = build(tmp_path / "corpus", out=tmp_path / "out", use_cache=False, progress=False)
    assert report.n_documents == 40
    assert report.problems == []
