"""Deterministic synthetic corpora for benchmarking ``kzresearch build``.

Articles are assembled from the paragraphs of the bundled corpus (``data/raw``), re-ordered and
varied the way a real collection varies: names in other transliterations (from
``data/reference/names.csv``), other figures, other election dates and years, other outlets,
and page furniture (navigation, share buttons, cookie banners, donation appeals, footers).
They are written in the formats and encodings the build reads:

- ``.txt`` in UTF-8 (most), UTF-8 with a BOM, cp1252, Latin-1 and UTF-16 (a few);
- ``.html``: a news page skeleton with ``<head>`` metadata, navigation, the article, related
  links and a footer, as trafilatura meets it in the wild;
- ``.jsonl``: batches of articles, one JSON object a line, as an API export gives them.

A ``manifest.csv`` records outlet, url and publication date for part of the files, as a
collector would. The same ``--seed`` and ``--n`` always give the same bytes, and article ``i``
does not depend on ``--n``: the first 1,000 articles of a 10,000-article corpus are the
1,000-article corpus. The text is not news: it is shaped like news so that every stage of the
build meets the work a real corpus gives it.

Usage::

    python benchmarks/generate.py --n 10000 --out ~/.cache/kzresearch-bench/corpus-10000 --seed 0
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import html
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

# Bumped whenever the output for a given (n, seed) changes, so cached corpora are regenerated.
GENERATOR_VERSION = "1"
FILES_PER_FOLDER = 1000
JSONL_ROWS = 25
# Shares of articles per format and, for text files, per encoding (the rest is UTF-8).
HTML_SHARE = 0.15
JSONL_SHARE = 0.10
TXT_ENCODINGS = (("utf-8-sig", 0.04), ("cp1252", 0.03), ("latin-1", 0.01), ("utf-16", 0.01))
MANIFEST_SHARE = 0.5

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_MONTH_DAY = re.compile(r"\b(" + "|".join(_MONTHS) + r") ([0-3]?\d)\b")
_YEAR = re.compile(r"\b(?:19[89]\d|20[0-2]\d)\b")
# Figures other than years: "30", "800,000", "72", "63.5".
_NUMBER = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w,]*\d)")
_WORDS = re.compile(r"\S+")

_NAV = ("Accessibility links", "Skip to content", "Menu", "Search", "Home", "Sections", "Breaking News")
_FURNITURE = (
    "Share this article", "Copy link", "Advertisement", "Scroll to continue with content", "Print",
    "Related stories", "Most read", "Cookie settings", "Accept all cookies", "Please wait",
    "No media source currently available", "0:00 0:02:{s:02d} 0:00", "Leave a Reply", "{k} comments",
    "Tags: Kazakhstan, elections, protests", "Read more: {title}",
    "Sign up for our newsletter to get the latest updates in your inbox",
)
_APPEALS = (
    "Your support helps us to tell the story. {outlet} is on the ground when the story is developing, "
    "and we need your help to keep our journalism free for everyone.",
    "Enjoying ad-free content?",
    "Since {month} 1, {year}, we have disabled all ads to improve your reading experience. This costs us "
    "${cost:,} a month. Your support can help us fill the gap.",
    "Support us",
    "Not ready to support today?",
)
_FOOTERS = (
    "\u00a9 {year} {outlet}. All rights reserved.",
    "Copyright \u00a9 {year} {outlet}",
    "Follow {outlet} on Telegram and X for the latest news from Central Asia.",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
)
_HEADLINES = (
    "{n} detained as {country} votes in {kind} election",
    "Protesters arrested as {party} sweeps {kind} vote",
    "{person} wins {kind} election with {share} percent",
    "Police detain dozens at election protests in {city}",
    "{country} opposition rejects {kind} election result",
    "Hundreds rally in {city} against {kind} vote",
    "Observers criticise {country}'s {kind} election",
)
_BYLINES = ("By {author}", "By {author} with AP and AFP", "By {author}, Reuters", "With reporting by AP",
            "Written by {author}", "By RFE/RL's Kazakh Service")
_AUTHORS = ("Michael Daventry", "Aigerim Toleukhanova", "Joanna Lillis", "Chris Rickleton", "Olzhas Auyezov",
            "Mariya Gordeyeva", "Dana Omirgazy", "Catherine Putz", "Paolo Sorbello", "Almaz Kumenov")


@dataclass(frozen=True)
class Sources:
    """What articles are assembled from: paragraphs, headlines and reference vocabulary."""

    paragraphs: tuple[str, ...]
    headlines: tuple[str, ...]
    variants: dict            # canonical -> tuple of surface variants
    kinds: dict               # canonical -> kind
    name_pattern: re.Pattern  # any known variant, longest first
    variant_to_canonical: dict
    outlets: tuple[str, ...]
    domains: dict             # outlet -> a domain of it, where outlets.csv names one
    elections: tuple[tuple[dt.date, str], ...]


def _repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def load_sources(raw_dir: Path | None = None, reference_dir: Path | None = None) -> Sources:
    """Read the paragraphs of the bundled corpus and the reference vocabulary.

    Parameters
    ----------
    raw_dir : Path, optional
        Corpus to draw paragraphs from (default: the bundled ``data/raw``).
    reference_dir : Path, optional
        Reference tables (default: ``data/reference``).

    Returns
    -------
    Sources
    """
    raw_dir = raw_dir or _repo_root() / "data" / "raw"
    reference_dir = reference_dir or _repo_root() / "data" / "reference"
    paragraphs, headlines = [], []
    for path in sorted(raw_dir.glob("*.txt")):
        lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        headlines.append(lines[0])
        # Article paragraphs are the long lines; short ones are headlines and page furniture,
        # which the generator adds from its own lists so their share is under its control.
        paragraphs += [line for line in lines if len(line.split()) >= 12]
    variants: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, str] = {}
    with open(reference_dir / "names.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] in ("person", "party", "place") and row["variant"] not in variants[row["canonical"]]:
                variants[row["canonical"]].append(row["variant"])
                kinds[row["canonical"]] = row["kind"]
    to_canonical = {v: c for c, vs in variants.items() for v in vs}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in sorted(to_canonical, key=len, reverse=True)) + r")(?![\w-])")
    outlets: list[str] = []
    domains: dict[str, str] = {}
    with open(reference_dir / "outlets.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["outlet"] not in outlets:
                outlets.append(row["outlet"])
            found = re.fullmatch(r"\(\?:\^\|\[/\.@\]\)([a-z0-9\\.]+)\(\?:\$\|\[/:\?#\]\)", row["pattern"])
            if row["signal"] == "url" and found and row["outlet"] not in domains:
                domains[row["outlet"]] = found.group(1).replace("\\", "")
    with open(reference_dir / "elections.csv", encoding="utf-8", newline="") as fh:
        elections = tuple((dt.date.fromisoformat(r["date"]), r["kind"]) for r in csv.DictReader(fh) if r["date"] < "2026")
    return Sources(tuple(paragraphs), tuple(headlines), {c: tuple(v) for c, v in variants.items()}, kinds,
                   pattern, to_canonical, tuple(outlets), domains, elections)


@dataclass(frozen=True)
class Article:
    """One synthetic article before it is written to a file."""

    index: int
    title: str
    byline: str | None
    header: tuple[str, ...]
    paragraphs: tuple[str, ...]
    footer: tuple[str, ...]
    outlet: str
    url: str
    published: dt.date


def _vary_number(match: re.Match, rng: random.Random) -> str:
    text = match.group(0)
    value = float(text.replace(",", ""))
    new = value * rng.uniform(0.5, 1.6)
    if "." in text:
        return f"{min(new, 99.9):.1f}"
    new = max(1, round(new))
    return f"{new:,}" if "," in text else str(new)


def make_article(index: int, sources: Sources, seed: int) -> Article:
    """Assemble article ``index`` of the corpus of ``seed`` (independent of corpus size).

    Parameters
    ----------
    index : int
        Position of the article in the corpus.
    sources : Sources
        Paragraphs and vocabulary (:func:`load_sources`).
    seed : int
        Corpus seed.

    Returns
    -------
    Article
    """
    rng = random.Random(f"kzresearch-bench:{seed}:{index}")
    day, kind = rng.choice(sources.elections)
    outlet = rng.choice(sources.outlets)
    # Every canonical name keeps one spelling within an article, as an outlet's style guide would.
    spelling = {c: rng.choice(v) for c, v in sources.variants.items()}
    offset = rng.choice((-1, 0, 0, 1, 2))

    def vary(text: str) -> str:
        text = sources.name_pattern.sub(lambda m: spelling[sources.variant_to_canonical[m.group(0)]], text)
        text = _MONTH_DAY.sub(lambda m: f"{day:%B} {day.day}", text)
        text = _YEAR.sub(lambda m: str(day.year - (rng.random() < 0.2) * rng.randint(1, 20)), text)
        return _NUMBER.sub(lambda m: _vary_number(m, rng), text)

    body = rng.sample(sources.paragraphs, k=min(len(sources.paragraphs), rng.randint(8, 22)))
    people = [c for c, k in sources.kinds.items() if k == "person"]
    fill = {
        "n": rng.choice(("Dozens", "Hundreds", str(rng.randint(12, 900)), "More than 30")),
        "country": rng.choice(("Kazakhstan", "Kazakh")),
        "kind": kind,
        "party": spelling.get("Nur Otan", "Nur Otan"),
        "person": spelling[rng.choice(people)],
        "share": f"{rng.uniform(50, 98):.1f}",
        "city": rng.choice(("Almaty", "Nur-Sultan", "Astana", "Shymkent", "Zhanaozen", "Aktobe")),
    }
    title = rng.choice(_HEADLINES).format(**fill) if rng.random() < 0.7 else vary(rng.choice(sources.headlines))
    context = {"outlet": outlet, "year": day.year + offset, "month": rng.choice(_MONTHS), "cost": rng.randint(2, 40) * 1000,
               "s": rng.randint(0, 59), "k": rng.randint(0, 400), "title": rng.choice(_HEADLINES).format(**fill)}
    header = tuple(rng.sample(_NAV, rng.randint(0, 3)))
    if rng.random() < 0.25:
        header += tuple(a.format(**context) for a in _APPEALS[1:3])
    paragraphs = [vary(p) for p in body]
    for _ in range(rng.randint(0, 3)):  # furniture between paragraphs, as scraped pages carry it
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(_FURNITURE).format(**context))
    footer = tuple(f.format(**context) for f in rng.sample(_FOOTERS, rng.randint(0, 2)))
    if rng.random() < 0.2:
        footer = (_APPEALS[0].format(**context),) + footer
    byline = rng.choice(_BYLINES).format(author=rng.choice(_AUTHORS)) if rng.random() < 0.6 else None
    domain = sources.domains.get(outlet, re.sub(r"[^a-z0-9]+", "", outlet.lower()) + ".com")
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:8])
    published = day + dt.timedelta(days=max(0, offset))
    url = f"https://www.{domain}/{published:%Y/%m/%d}/{slug}-{index}"
    return Article(index, title, byline, header, tuple(paragraphs), footer, outlet, url, published)


def render_text(article: Article) -> str:
    """The article as a page scraped to plain text: furniture, headline, byline, body, footer."""
    lines = [*article.header, article.title]
    if article.byline:
        lines.append(article.byline)
    lines += [*article.paragraphs, *article.footer]
    return "\n\n".join(lines) + "\n"


def render_html(article: Article) -> str:
    """The article as a news page: head metadata, navigation, article, related links, footer."""
    esc = html.escape
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("World", "Asia", "Politics", "Business", "Opinion", "Video"))
    body = "\n".join(f"      <p>{esc(p)}</p>" for p in article.paragraphs)
    byline = f'      <p class="byline">{esc(article.byline)}</p>\n' if article.byline else ""
    footer = "".join(f"<p>{esc(f)}</p>" for f in article.footer)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(article.title)} | {esc(article.outlet)}</title>
  <meta property="og:title" content="{esc(article.title)}">
  <meta property="og:site_name" content="{esc(article.outlet)}">
  <meta property="article:published_time" content="{article.published.isoformat()}T08:00:00Z">
  <link rel="canonical" href="{esc(article.url)}">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
  <header class="site-header"><a class="logo" href="/">{esc(article.outlet)}</a>
    <nav aria-label="Main"><ul>{nav}</ul></nav>
    <form role="search"><input type="search" placeholder="Search"></form>
  </header>
  <main>
    <article>
      <h1>{esc(article.title)}</h1>
{byline}      <time datetime="{article.published.isoformat()}">{article.published:%d %B %Y}</time>
{body}
    </article>
    <aside class="related"><h2>Related stories</h2><ul>
      <li><a href="/news/1">Kazakhstan's economy in numbers</a></li>
      <li><a href="/news/2">Central Asia weekly briefing</a></li>
    </ul></aside>
  </main>
  <footer class="site-footer">{footer}<p><a href="/about">About us</a> | <a href="/privacy">Privacy</a> | <a href="/terms">Terms of use</a></p></footer>
</body>
</html>
"""


def _txt_encoding(rng: random.Random) -> str:
    draw = rng.random()
    for encoding, share in TXT_ENCODINGS:
        if draw < share:
            return encoding
        draw -= share
    return "utf-8"


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "latin-1":
        # Latin-1 has no typographic quotes or dashes: a file saved in it has none either.
        text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                                             "\u2014": "-", "\u2013": "-", "\u2026": "...", "\u2022": "*"}))
    return text.encode(encoding, errors="replace")


def generate(n: int, out: Path, *, seed: int = 0, sources: Sources | None = None) -> dict:
    """Write a synthetic corpus of ``n`` articles to ``out``.

    Parameters
    ----------
    n : int
        Number of articles.
    out : Path
        Folder to write (created; files already there with other names are left alone).
    seed : int, optional
        Corpus seed: the same ``(n, seed)`` gives the same bytes.
    sources : Sources, optional
        Paragraphs and vocabulary (default: :func:`load_sources`).

    Returns
    -------
    dict
        Summary: articles, files, bytes, per-format counts.

    Raises
    ------
    ValueError
        If ``n`` is negative or ``out`` lies inside the bundled ``data/raw``.
    """
    if n < 0:
        raise ValueError(f"n must be at least 0, not {n}")
    out = Path(out).resolve()
    raw = (_repo_root() / "data" / "raw").resolve()
    if out == raw or raw in out.parents:
        raise ValueError(f"{out} is inside data/raw, which is never written to")
    sources = sources or load_sources()
    out.mkdir(parents=True, exist_ok=True)
    manifest: list[dict] = []
    counts: dict[str, int] = defaultdict(int)
    n_bytes = 0
    pending_jsonl: list[Article] = []

    def write(name: str, data: bytes) -> None:
        nonlocal n_bytes
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        n_bytes += len(data)

    def flush_jsonl(final: bool = False) -> None:
        if not pending_jsonl or (len(pending_jsonl) < JSONL_ROWS and not final):
            return
        rows = [json.dumps({"id": f"api-{a.index:07d}", "title": a.title, "url": a.url, "outlet": a.outlet,
                            "published": a.published.isoformat(), "byline": a.byline,
                            "text": "\n\n".join(a.paragraphs)}, ensure_ascii=False) for a in pending_jsonl]
        write(f"{pending_jsonl[0].index // FILES_PER_FOLDER:04d}/export_{pending_jsonl[0].index:07d}.jsonl",
              ("\n".join(rows) + "\n").encode("utf-8"))
        counts["jsonl_files"] += 1
        pending_jsonl.clear()

    for index in range(n):
        article = make_article(index, sources, seed)
        rng = random.Random(f"kzresearch-bench-format:{seed}:{index}")
        draw = rng.random()
        folder = f"{index // FILES_PER_FOLDER:04d}"
        if draw < JSONL_SHARE:
            pending_jsonl.append(article)
            counts["jsonl"] += 1
            flush_jsonl()
            continue
        if draw < JSONL_SHARE + HTML_SHARE:
            data, suffix, encoding = render_html(article).encode("utf-8"), "html", "utf-8"
        else:
            encoding = _txt_encoding(rng)
            data, suffix = _encode(render_text(article), encoding), "txt"
        name = f"{folder}/{index:07d}_{hashlib.sha256(data).hexdigest()[:16]}.{suffix}"
        write(name, data)
        counts[f"{suffix}:{encoding}"] += 1
        if suffix == "txt" and rng.random() < MANIFEST_SHARE:
            manifest.append({"file": name, "outlet": article.outlet, "url": article.url if rng.random() < 0.5 else "",
                             "published": article.published.isoformat() if rng.random() < 0.7 else "", "notes": "synthetic"})
    flush_jsonl(final=True)
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["file", "outlet", "url", "published", "notes"])
        writer.writeheader()
        writer.writerows(manifest)
    summary = {"generator_version": GENERATOR_VERSION, "n": n, "seed": seed, "bytes": n_bytes,
               "counts": dict(sorted(counts.items()))}
    (out / ".generated.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python benchmarks/generate.py --n N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (outside the repository)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    args = parser.parse_args(argv)
    summary = generate(args.n, args.out, seed=args.seed)
    print(f"{summary['n']} articles, {summary['bytes'] / 1e6:.1f} MB in {args.out}: {summary['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
