"""The ``kzresearch`` command: ``build``, ``report`` and ``evaluate``, each with ``--help``."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kzresearch import __version__


def _add_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="turn a folder of articles into Parquet tables",
        description="Read every article below a corpus folder, clean it, infer its metadata, extract "
        "mentions, tallies and results, and write one Parquet file per table plus build.json.",
    )
    p.add_argument("--corpus", metavar="DIR", help="folder of .txt/.html/.jsonl/.csv/.tsv articles (default: the bundled data/raw)")
    p.add_argument("--manifest", metavar="FILE", help="collection record CSV (default: DIR/manifest.csv, or data/manifest.csv for the bundled corpus)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: data/processed)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="run the per-document work locally or on Dask")
    p.add_argument("--scheduler", metavar="ADDRESS", help="dask.distributed scheduler address (engine dask; default: a local cluster)")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N", help="skip files larger than N bytes (default 20,000,000)")
    p.add_argument("--no-cache", action="store_true", help="process every document again")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from kzresearch import paths
    from kzresearch.build import build
    from kzresearch.corpus import default_processed_dir
    from kzresearch.reading import DEFAULT_MAX_BYTES

    out = args.out or default_processed_dir(Path(args.corpus) if args.corpus else paths.raw_dir())
    report = build(
        args.corpus,
        manifest=args.manifest,
        out=out,
        jobs=args.jobs,
        engine=args.engine,
        scheduler=args.scheduler,
        max_bytes=DEFAULT_MAX_BYTES if args.max_bytes is None else args.max_bytes,
        use_cache=not args.no_cache,
        progress=False if args.quiet else None,
    )
    if not args.quiet:
        print(report.summary())
    return 0


def make_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``kzresearch`` command."""
    from kzresearch import evaluate, report

    parser = argparse.ArgumentParser(
        prog="kzresearch",
        description="News coverage of Kazakhstan's elections and election protests, as tidy tables, reports and lessons.",
    )
    parser.add_argument("--version", action="version", version=f"kzresearch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{build,report,evaluate}")
    _add_build(sub)
    report.add_arguments(sub.add_parser("report", help="run the notebooks with papermill into reports/", description=report.__doc__.splitlines()[0]))
    evaluate.add_arguments(sub.add_parser("evaluate", help="measure extraction against a gold file", description=evaluate.__doc__.splitlines()[0]))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        print(f"kzresearch {args.command}: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Tables are written to temporary files and renamed at the end: the previous ones stand.
        print(f"kzresearch {args.command}: interrupted; the previous output is unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
