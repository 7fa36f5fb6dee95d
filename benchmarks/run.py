"""Benchmark harness: time ``kzresearch build`` and ``kzresearch report`` on synthetic corpora.

For each corpus size the harness generates (or reuses) a corpus with ``benchmarks/generate.py``
in a cache folder outside the repository, then measures, each in a fresh process:

- trafilatura's extraction alone on the corpus's HTML pages (its default call, what a user would
  otherwise run; the build passes fast=True, which gives the same output in less time),
  the baseline the build's throughput is compared with;
- a full build at each ``--jobs`` value (empty output folder): seconds, articles/s, MB/s, peak
  memory of the largest process (``ru_maxrss`` from ``wait4``) and of the whole process tree
  (sampled with psutil);
- an incremental rebuild after one file changed (the cache of the first full build reused);
- ``kzresearch report`` on the built corpus, when the report runner is installed.

Results go to ``benchmarks/results/<date>.json`` and a markdown table is printed.

Usage::

    python benchmarks/run.py --sizes 1000 10000 100000 --jobs 1 2
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402 - the generator sits next to this script, not in the package

DEFAULT_WORKDIR = Path(os.environ.get("KZRESEARCH_BENCH_DIR", Path.home() / ".cache" / "kzresearch-bench"))
# Appended to one article to simulate a correction between two builds.
CHANGE = "\n\nPolice detained 12 more protesters in Almaty on Monday, officials said.\n"
DEFAULT_REPORT_COMMAND = "{python} -m kzresearch report --processed {out} --out {reports} --quiet"


def ensure_corpus(n: int, seed: int, workdir: Path) -> tuple[Path, dict]:
    """Return the corpus of ``n`` articles in ``workdir``, generating it unless it is current."""
    folder = workdir / f"corpus-{n}-seed{seed}"
    stamp = folder / ".generated.json"
    if stamp.is_file():
        summary = json.loads(stamp.read_text(encoding="utf-8"))
        if summary.get("generator_version") == generate.GENERATOR_VERSION and summary.get("n") == n:
            return folder, summary
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    summary = generate.generate(n, folder, seed=seed)
    print(f"generated {n} articles ({summary['bytes'] / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s", flush=True)
    return folder, summary


def run_measured(command: list[str], *, env: dict | None = None) -> dict:
    """Run a command; return wall seconds, exit status, output and peak memory of its tree (MB).

    ``tree_rss_mb`` is the largest sum of resident memory over the process tree seen by sampling
    every 50 ms, which counts worker processes together.
    """
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak_tree = 0
    output: list[bytes] = []
    reader = threading.Thread(target=lambda: output.append(proc.stdout.read()), daemon=True)
    reader.start()
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
            peak_tree = max(peak_tree, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    reader.join()
    return {"seconds": seconds, "status": proc.returncode, "tree_rss_mb": peak_tree / 1e6,
            "output": b"".join(output).decode("utf-8", "replace")}


def _max_rss_mb_of(command: list[str]) -> tuple[dict, float]:
    """Run ``command`` in a small helper process; return its measurements and peak RSS in MB.

    The helper reports ``ru_maxrss`` of its children: the largest resident set any one process
    of the command reached (the build's main process, or its largest worker). A helper is used
    because this harness's own children (trafilatura's baseline, earlier builds) would otherwise
    be folded into the figure.
    """
    helper = [sys.executable, "-c",
              "import json, resource, subprocess, sys; "
              "subprocess.run(sys.argv[1:]); "
              "print(json.dumps(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))", *command]
    measured = run_measured(helper)
    lines = measured["output"].strip().splitlines()
    max_rss_kb = json.loads(lines[-1]) if lines else 0
    measured["output"] = "\n".join(lines[:-1])
    return measured, max_rss_kb / 1024


def trafilatura_baseline(corpus: Path, *, limit: int) -> dict:
    """Time trafilatura's extraction alone on up to ``limit`` HTML pages of the corpus."""
    code = f"""
import json, sys, time
from pathlib import Path
import trafilatura
files = sorted(Path({str(corpus)!r}).rglob("*.html"))[:{limit}]
pages = [f.read_bytes().decode("utf-8") for f in files]
trafilatura.bare_extraction(pages[0], with_metadata=True, include_comments=False, include_tables=False, as_dict=True) if pages else None
started = time.perf_counter()
for page in pages:
    trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=False, as_dict=True)
seconds = time.perf_counter() - started
print(json.dumps({{"pages": len(pages), "bytes": sum(len(p.encode()) for p in pages), "seconds": seconds}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["mb_per_s"] = result["bytes"] / result["seconds"] / 1e6 if result["seconds"] else None
    return result


# Used only while the command line cannot start (a subcommand's module not yet written): the
# same build() call the ``build`` subcommand makes.
_DIRECT_BUILD = ("import sys; from kzresearch.build import build; "
                 "build(sys.argv[1], out=sys.argv[2], jobs=int(sys.argv[3]), progress=False)")


def _cli_works() -> bool:
    return subprocess.run([sys.executable, "-m", "kzresearch", "--version"], capture_output=True).returncode == 0


def time_build(corpus: Path, out: Path, *, jobs: int, fresh: bool) -> dict:
    """Run ``kzresearch build`` in a fresh process; return timings, memory and the build record."""
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    if _cli_works():
        command = [sys.executable, "-m", "kzresearch", "build", "--corpus", str(corpus), "--out", str(out),
                   "--jobs", str(jobs), "--quiet"]
    else:
        print("the kzresearch command does not start: timing kzresearch.build.build() directly", flush=True)
        command = [sys.executable, "-c", _DIRECT_BUILD, str(corpus), str(out), str(jobs)]
    measured, max_rss = _max_rss_mb_of(command)
    record = json.loads((out / "build.json").read_text(encoding="utf-8")) if (out / "build.json").is_file() else {}
    if record.get("built_at") is None or measured["status"] != 0 or "Traceback" in measured["output"]:
        raise RuntimeError(f"build failed: {shlex.join(command)}\n{measured['output'][-3000:]}")
    return {"command": shlex.join(command), "wall_seconds": measured["seconds"], "build_seconds": record["seconds"],
            "max_rss_mb": max_rss, "tree_rss_mb": measured["tree_rss_mb"], "documents": record["documents"],
            "documents_reused": record["documents_reused"], "bytes_read": record["bytes_read"]}


def incremental(corpus: Path, out: Path, *, jobs: int) -> dict:
    """Change one article, rebuild into ``out`` (whose cache holds the rest), restore the article."""
    target = next(p for p in sorted(corpus.rglob("*.txt")) if not p.read_bytes().startswith((b"\xef\xbb\xbf", b"\xff\xfe")))
    original = target.read_bytes()
    stat = target.stat()
    try:
        target.write_bytes(original + CHANGE.encode("utf-8"))
        result = time_build(corpus, out, jobs=jobs, fresh=False)
    finally:
        target.write_bytes(original)
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result["changed_file"] = target.relative_to(corpus).as_posix()
    return result


def time_report(out: Path, reports: Path, template: str) -> dict | None:
    """Run the report command on a built corpus; None when the report runner is not installed."""
    if importlib.util.find_spec("kzresearch.report") is None:
        print("kzresearch.report is not installed: report timing skipped", flush=True)
        return None
    shutil.rmtree(reports, ignore_errors=True)
    command = shlex.split(template.format(python=sys.executable, out=out, reports=reports))
    measured, max_rss = _max_rss_mb_of(command)
    return {"command": shlex.join(command), "seconds": measured["seconds"], "status": measured["status"],
            "max_rss_mb": max_rss, "tail": measured["output"][-1500:] if measured["status"] else ""}


def markdown(results: dict) -> str:
    """The results as the markdown table the README quotes."""
    lines = [
        "| articles | MB | jobs | build s | wall s | articles/s | MB/s | peak RSS MB (largest process / tree) | trafilatura alone MB/s | incremental s (% of full) | report s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in results["sizes"]:
        mb = size["bytes"] / 1e6
        traf = size.get("trafilatura") or {}
        for i, b in enumerate(size["builds"]):
            rate_docs = b["documents"] / b["build_seconds"]
            rate_mb = b["bytes_read"] / b["build_seconds"] / 1e6
            inc = size.get("incremental") if i == 0 else None
            report = size.get("report") if i == 0 else None
            lines.append(
                f"| {size['n']:,} | {mb:.1f} | {b['jobs']} | {b['build_seconds']:.1f} | {b['wall_seconds']:.1f} | {rate_docs:,.0f} | "
                f"{rate_mb:.2f} | {b['max_rss_mb']:,.0f} / {b['tree_rss_mb']:,.0f} | "
                f"{traf.get('mb_per_s', 0) or 0:.2f} | "
                + (f"{inc['build_seconds']:.2f} ({100 * inc['build_seconds'] / b['build_seconds']:.1f}%)" if inc else "")
                + " | " + (f"{report['seconds']:.0f}" + ("" if report["status"] == 0 else " (failed)") if report else "") + " |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line of the harness."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="corpus sizes in articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (the first is the reference)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help=f"corpora and outputs (default {DEFAULT_WORKDIR})")
    parser.add_argument("--trafilatura-pages", type=int, default=2000, help="HTML pages timed for the trafilatura baseline")
    parser.add_argument("--no-incremental", action="store_true", help="skip the one-changed-file rebuild")
    parser.add_argument("--no-report", action="store_true", help="skip timing kzresearch report")
    parser.add_argument("--report-command", default=DEFAULT_REPORT_COMMAND, help="report command template ({python}, {out}, {reports})")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="folder for the JSON results")
    args = parser.parse_args(argv)

    from kzresearch import __version__

    repo = HERE.parent.resolve()
    workdir = args.workdir.expanduser().resolve()
    if workdir == repo or repo in workdir.parents:
        parser.error(f"--workdir {workdir} is inside the repository; benchmark corpora stay out of it")
    workdir.mkdir(parents=True, exist_ok=True)
    results = {
        "command": shlex.join([Path(sys.executable).name, "benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "kzresearch": __version__,
        "python": platform.python_version(),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "processor": platform.processor()},
        "sizes": [],
    }
    for n in args.sizes:
        corpus, summary = ensure_corpus(n, args.seed, workdir)
        size = {"n": n, "bytes": summary["bytes"], "counts": summary["counts"], "corpus": str(corpus), "builds": []}
        size["trafilatura"] = trafilatura_baseline(corpus, limit=args.trafilatura_pages)
        print(f"[{n}] trafilatura alone: {size['trafilatura']['mb_per_s']:.2f} MB/s on {size['trafilatura']['pages']} pages", flush=True)
        for jobs in args.jobs:
            build = time_build(corpus, workdir / f"out-{n}-seed{args.seed}-j{jobs}", jobs=jobs, fresh=True)
            build["jobs"] = jobs
            size["builds"].append(build)
            print(f"[{n}] build --jobs {jobs}: {build['build_seconds']:.1f} s, "
                  f"{build['bytes_read'] / build['build_seconds'] / 1e6:.2f} MB/s, peak {build['max_rss_mb']:.0f} MB", flush=True)
        first_out = workdir / f"out-{n}-seed{args.seed}-j{args.jobs[0]}"
        if not args.no_incremental:
            size["incremental"] = incremental(corpus, first_out, jobs=args.jobs[0])
            print(f"[{n}] incremental: {size['incremental']['build_seconds']:.2f} s", flush=True)
        if not args.no_report:
            size["report"] = time_report(first_out, workdir / f"reports-{n}", args.report_command)
        results["sizes"].append(size)
    args.results.mkdir(parents=True, exist_ok=True)
    path = args.results / f"{dt.date.today().isoformat()}.json"
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\n{results['command']}\n")
    print(markdown(results))
    print(f"\nresults written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
