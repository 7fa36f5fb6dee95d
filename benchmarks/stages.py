"""Where a build's time goes: milliseconds per document in each stage of the per-document work.

Reads the documents of a corpus once, then runs :func:`kzresearch.pipeline.process_document` on
all of them ``--repeat`` times, timing each stage it calls (cleaning, metadata, mentions, dates,
election, claims, quotes, MinHash) and keeping each stage's fastest pass: what to optimise next,
before a full run of ``run.py`` measures the build. Reading, the cache and Parquet writing are not
included (``run.py`` times the whole build).

Usage::

    python benchmarks/stages.py --corpus ~/.cache/kzresearch-bench/corpus-1000-seed0
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from kzresearch import claims, pipeline
from kzresearch.reading import SUPPORTED_SUFFIXES, RawDocument, read_file
from kzresearch.reference import load_reference

# The functions process_document calls, by the name it imports them under.
STAGES = ["classify_lines", "infer_outlet", "dateline_published", "find_dates", "sentence_spans", "infer_election",
          "infer_published", "infer_byline_and_wire", "minhash", "find_quotes"]
CLAIM_STAGES = ["extract_tallies", "extract_results"]


def _timed(function: Callable, label: str, totals: dict[str, float]) -> Callable:
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.perf_counter() - start
    return run


def _read(corpus: Path, limit: int | None) -> list[RawDocument]:
    documents: list[RawDocument] = []
    for path in sorted(p for p in corpus.rglob("*") if p.suffix in SUPPORTED_SUFFIXES):
        documents.extend(read_file(path, corpus)[0])
        if limit and len(documents) >= limit:
            return documents[:limit]
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus folder (benchmarks/generate.py)")
    parser.add_argument("--limit", type=int, default=1000, help="documents to time (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; each stage's fastest is reported")
    args = parser.parse_args()

    ref = load_reference()
    documents = _read(args.corpus.expanduser(), args.limit or None)
    totals: dict[str, float] = {}
    for name in STAGES:
        setattr(pipeline, name, _timed(getattr(pipeline, name), name, totals))
    for name in CLAIM_STAGES:
        setattr(pipeline.claims, name, _timed(getattr(claims, name), name, totals))
    matcher_for = pipeline.matcher_for

    class _TimedMatcher:
        def __init__(self, matcher):
            self.find = _timed(matcher.find, "entity mentions", totals)

    pipeline.matcher_for = lambda reference: _TimedMatcher(matcher_for(reference))

    for document in documents[:50]:  # compile patterns and load lexicons outside the timing
        pipeline.process_document(document, ref)
    best: dict[str, float] = {}
    whole = float("inf")
    for _ in range(args.repeat):
        totals.clear()
        start = time.perf_counter()
        for document in documents:
            pipeline.process_document(document, ref)
        whole = min(whole, time.perf_counter() - start)
        for label, seconds in totals.items():
            best[label] = min(best.get(label, float("inf")), seconds)

    n = len(documents)
    megabytes = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    print(f"{n} documents, {megabytes:.2f} MB of decoded text: {whole / n * 1000:.2f} ms a document, {megabytes / whole:.2f} MB/s")
    for label, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"  {label:24s} {seconds / n * 1000:6.2f} ms")
    print(f"  {'(the rest)':24s} {(whole - sum(best.values())) / n * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
