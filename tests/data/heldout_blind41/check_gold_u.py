#!/usr/bin/env python3
"""Check gold_u.yaml of blind held-out set 41, part U, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the encoding is verified:
  u01, u03   UTF-8 HTML, no BOM, LF only
  u02        UTF-8 text starting with a BOM, LF only
  u04        UTF-16 little-endian with BOM, CRLF on every line
  u05        Windows-1252 (must not decode as UTF-8), CRLF on every line
  u06        UTF-8 HTML, no BOM, CRLF on every line
  feed_u.jsonl  one UTF-8 JSON row written without ASCII escaping, addressed ":1"; its text is
             headline_stack.primary, headline_stack.deck, every blocks[i].v in order and bio,
             joined by blank lines; title = headline_stack.primary, byline = the people entry whose
             role is "writer".
For HTML the searched text is the visible text: <head>, scripts and styles dropped, inline tags
removed, other tags turned into line breaks, entities decoded. Text and annotations are normalised
(NFKC, curly quotes to straight, no-break spaces to spaces) before comparison.

It asserts that
  - every document carries exactly the fourteen fields of seeds.yaml;
  - every boilerplate entry and body_must_keep sentence is a substring of the decoded text;
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value and `of` can be read off the phrase: digits (with separators),
    "N million", number words ("six hundred and seventy-seven", "a hundred and sixty-odd",
    "seventy-seven and a half", "a dozen", "both"), and "X in (every) Y" as a percentage;
  - vocabularies (counted, qualifier, measure, kind) are those of /work/shared/gold/README.md;
    vague tallies have a lower-case vague_word found in the phrase and no number; other
    qualifiers (except unspecified) have a number; optional is true or absent;
  - dates are dates; result elections are Kazakh national votes; the document's election is one
    of them with the right kind; turnout results have subject "turnout"; subjects are strings;
  - titles and bylines occur in the text (JSON row: equal its fields), every wire agency is named
    in the text, outlet is non-empty, published is a date;
  - manifest_u.csv lists the six non-JSONL files with the columns file,outlet,url,published,notes
    and ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and OK, or the problems.
Exit status 0 when all checks pass.
"""
import csv
import datetime as dt
import html
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"

DOCS = {
    "u01_harpers_2019.html": "html",
    "u02_lrb_2022.txt": "utf8bom",
    "u03_newlines_2021.html": "html",
    "u04_restofworld_2021.txt": "utf16",
    "u05_eurozine_2017.txt": "cp1252",
    "u06_dissent_2025.html": "html-crlf",
    "feed_u.jsonl:1": "jsonl",
}
JSONL_KEYS = {"uid", "site", "headline_stack", "people", "stamps", "blocks", "bio", "media", "topics"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA", "Trend"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}
PLACES = {"Kazakhstan", "Almaty", "Nur-Sultan", "Astana", "Zhanaozen", "Shetpe", "Aktau", "Atyrau",
          "Aktobe", "Semey", "Karaul"}

ELECTIONS = {
    dt.date(1991, 12, 1): "presidential",
    dt.date(1995, 4, 29): "referendum",
    dt.date(1995, 8, 30): "referendum",
    dt.date(1999, 1, 10): "presidential",
    dt.date(1999, 10, 10): "parliamentary",
    dt.date(2004, 9, 19): "parliamentary",
    dt.date(2005, 12, 4): "presidential",
    dt.date(2007, 8, 18): "parliamentary",
    dt.date(2011, 4, 3): "presidential",
    dt.date(2012, 1, 15): "parliamentary",
    dt.date(2015, 4, 26): "presidential",
    dt.date(2016, 3, 20): "parliamentary",
    dt.date(2019, 6, 9): "presidential",
    dt.date(2021, 1, 10): "parliamentary",
    dt.date(2022, 6, 5): "referendum",
    dt.date(2022, 11, 20): "presidential",
    dt.date(2023, 3, 19): "parliamentary",
    dt.date(2024, 10, 6): "referendum",
}

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


INLINE = r"a|em|i|b|strong|span|sup|time|abbr"


def visible_text(raw):
    t = re.sub(r"(?is)<head\b.*?</head>", " ", raw)
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
    t = re.sub(r"(?i)</?(?:%s)\b[^>]*>" % INLINE, "", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def words_numbers(phrase):
    """Numbers written in words in the phrase (groups of number words), plus 'X in Y' ratios."""
    p = phrase.lower().replace("-", " ")
    toks = re.findall(r"[a-z]+|\d[\d,]*(?:\.\d+)?", p)
    found = set()
    i = 0
    while i < len(toks):
        t = toks[i]
        starts = t in UNITS or t in TENS or (t == "a" and i + 1 < len(toks)
                                              and toks[i + 1] in ("hundred", "thousand", "dozen"))
        if not starts:
            i += 1
            continue
        total, cur, j = 0, 0, i
        while j < len(toks):
            w = toks[j]
            if w in UNITS:
                cur += UNITS[w]
            elif w in TENS:
                cur += TENS[w]
            elif w == "a" and j + 1 < len(toks) and toks[j + 1] in ("hundred", "thousand", "dozen"):
                cur = cur or 1
            elif w == "dozen":
                cur = (cur or 1) * 12
            elif w == "hundred":
                cur = (cur or 1) * 100
            elif w in ("thousand", "million"):
                total += (cur or 1) * SCALES[w]
                cur = 0
            elif w == "and" and j + 2 < len(toks) and toks[j + 1] == "a" and toks[j + 2] == "half":
                cur += 0.5
                j += 3
                break
            elif w == "and" and j + 1 < len(toks) and (toks[j + 1] in UNITS or toks[j + 1] in TENS):
                pass
            elif w == "odd":
                pass
            else:
                break
            j += 1
        found.add(total + cur)
        i = max(j, i + 1)
    for a, b in re.findall(r"([a-z]+) in (?:every )?([a-z]+)", p):
        if a in UNITS and b in UNITS and UNITS[b]:
            found.add(round(UNITS[a] / UNITS[b] * 100, 6))
    if re.search(r"\bboth\b", p):
        found.add(2)
    return found


def number_visible(n, phrase):
    if n is None:
        return True
    p = phrase.lower()
    digits = {float(x.replace(",", "")) for x in re.findall(r"(?<![\d.])\d[\d,]*(?:\.\d+)?", p)}
    for m in re.findall(r"(\d+(?:\.\d+)?) million", p):
        digits.add(float(m) * 1_000_000)
    cands = digits | {float(x) for x in words_numbers(p)}
    return any(abs(c - float(n)) < 1e-9 for c in cands)


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_date(v, what):
    if v is not None and not is_date(v):
        err(f"{what}: date {v!r} is not YYYY-MM-DD")


def check_line_ends(name, text, crlf):
    if crlf:
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
            err(f"{name}: expected CRLF line endings throughout")
    elif "\r" in text:
        err(f"{name}: CR found in an LF file")


def load(name, kind):
    """Return (searched text, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (written without ASCII escaping)")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["blocks"]
        if not all(isinstance(b, dict) and set(b) == {"k", "v"} and isinstance(b["v"], str)
                   for b in blocks):
            err(f"{fname}: blocks must be objects {{k, v}} with string v")
        parts = ([row["headline_stack"]["primary"], row["headline_stack"]["deck"]]
                 + [b["v"] for b in blocks] + [row["bio"]])
        writers = [p["name"] for p in row["people"] if p.get("role") == "writer"]
        if len(writers) != 1:
            err(f"{fname}: expected one writer in people")
        ms = row["stamps"]["first_live_ms"]
        if not isinstance(ms, int):
            err(f"{fname}: stamps.first_live_ms must be an integer")
        return "\n\n".join(parts), row["headline_stack"]["primary"], (writers or [None])[0], ms
    raw = (ART / name).read_bytes()
    if kind in ("html", "html-crlf"):
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            err(f"{name}: BOM in an HTML file")
        check_line_ends(name, text, kind == "html-crlf")
        return visible_text(text.replace("\r\n", "\n")), None, None, None
    if kind == "utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        check_line_ends(name, text, False)
        return text, None, None, None
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = raw.decode("utf-16")
        check_line_ends(name, text, True)
        return text.replace("\r\n", "\n"), None, None, None
    if kind == "cp1252":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1252")
        check_line_ends(name, text, True)
        return text.replace("\r\n", "\n"), None, None, None
    raise ValueError(kind)


def check_manifest():
    path = HERE / "manifest_u.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_u.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_u.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_u.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_u.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: fields differ from seeds.yaml: missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, title_field, byline_field, epoch_ms = load(name, kind)
        ntext = norm(text)
        title = norm(d["title"])
        if title not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's headline field")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's writer")
        if epoch_ms is not None:
            day = dt.datetime.fromtimestamp(epoch_ms / 1000, dt.timezone.utc).date()
            if day != d["published"]:
                err(f"{name}: published {d['published']} != epoch stamp {day}")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        if d["election"] is not None:
            e = d["election"]
            check_date(e["date"], f"{name} election")
            if e["kind"] not in KINDS:
                err(f"{name}: election kind {e['kind']}")
            if ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
            elif what in ("tally", "result") and ntext.count(ns) != 1:
                err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d.get("tallies") or []) + (d.get("results") or [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {dup}")
        for t in d.get("tallies") or []:
            w = f"{name} tally {t['phrase']!r}"
            if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
                err(f"{w}: keys {sorted(t)}")
                continue
            if t["counted"] not in COUNTED:
                err(f"{w}: counted {t['counted']}")
            if t["qualifier"] not in QUALIFIER:
                err(f"{w}: qualifier {t['qualifier']}")
            if not number_visible(t["number"], norm(t["phrase"])):
                err(f"{w}: number {t['number']} not readable in the phrase")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if "multiplier" in t and not number_visible(t["multiplier"], norm(t["phrase"])):
                err(f"{w}: multiplier {t['multiplier']} not readable in the phrase")
            loc = t["location"]
            if loc is not None and not (isinstance(loc, list) and loc and set(loc) <= PLACES):
                err(f"{w}: location {loc!r} must be a list of canonical places")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            check_date(t["date"], w)
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d.get("results") or []:
            w = f"{name} result {r['phrase']!r}"
            if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                err(f"{w}: keys {sorted(r)}")
                continue
            if r["measure"] not in MEASURE:
                err(f"{w}: measure {r['measure']}")
            if r["qualifier"] not in QUALIFIER:
                err(f"{w}: qualifier {r['qualifier']}")
            if not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not readable in the phrase")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not readable in the phrase")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if "scope" in r and r["scope"] not in PLACES:
                err(f"{w}: scope {r['scope']!r}")
            check_date(r["election"], w)
            if r["election"] not in ELECTIONS:
                err(f"{w}: election {r['election']} is not a known Kazakh vote")
            if "optional" in r and r["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            n_r += 1
            n_ro += bool(r.get("optional"))
    check_manifest()
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), {n_r} results ({n_ro} optional)")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: every string found once where it must be, every value readable and in the vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
