#!/usr/bin/env python3
"""Check gold_n.yaml of blind held-out set 37, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the encoding is what the README says:
  n01 HTML, UTF-8, LF, no BOM;
  n02 HTML, Windows-1251 declared in a <meta http-equiv> (must NOT decode as UTF-8), LF;
  n03 text, UTF-8 with BOM, CRLF on every line;
  n04 text, UTF-8, LF, no BOM (stray HTML entities such as &#8217; are part of its text);
  n05 text, UTF-16 LE with BOM, CRLF on every line;
  feed_n.jsonl: two JSON rows, UTF-8 written without ASCII escaping, LF, with the top-level keys
  kind, src, hdln, blurb, credit_line, stamp, blocks, outro, topics; a row's text is hdln, blurb,
  the `body` of every element of `blocks` in order of `n`, and outro, joined by blank lines.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space),
then it asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document
    (for the HTML files: of the raw markup with no entity or tag inside, and of the tag-stripped,
    entity-decoded visible text as well);
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators, or a
    number word such as "eight", "Eighteen", "a dozen", "both");
  - vague tallies carry their vague_word in lower case inside the phrase and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md; dates are dates;
    subjects are strings (so "yes"/"no" stay quoted); a turnout's subject is "turnout";
    election dates are dates of Kazakh votes and match the kind given for the document; no
    counted event or result postdates the publication date (plus tolerance);
  - titles occur in the text (for a JSON row: equal `hdln`); bylines occur in the text (for a JSON
    row: a non-null byline equals credit_line.name); every credited agency is named in the text
    (AP also as "Associated Press", AFP also as "Agence France-Presse", Interfax also as
    "Interfax-Kazakhstan"); a JSON row's published date is within its tolerance of stamp.pub_ms;
  - manifest_n.csv has exactly the five non-JSONL files and the columns file,outlet,url,published,notes,
    with ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK".
Exit status 0 when all checks pass.
"""
import codecs
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
GOLD = HERE / "gold_n.yaml"
MANIFEST = HERE / "manifest_n.csv"

DOCS = {
    "n01_newscomau_2022.html": "html-utf8",
    "n02_factcheckkz_2023.html": "html-cp1251",
    "n03_pressandjournal_2021.txt": "utf8-bom-crlf",
    "n04_peoplesworld_2020.txt": "utf8",
    "n05_wikipedia_2011.txt": "utf16-bom-crlf",
    "feed_n.jsonl:1": "jsonl",
    "feed_n.jsonl:2": "jsonl",
}
JSONL_NAME = "feed_n.jsonl"
JSONL_ROWS = 2
JSONL_KEYS = {"kind", "src", "hdln", "blurb", "credit_line", "stamp", "blocks", "outro", "topics"}

WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA", "Trend"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Interfax": ("Interfax",)}
COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes the annotations may refer to (date -> kind).
ELECTIONS = {
    dt.date(1991, 12, 1): "presidential",
    dt.date(1994, 3, 7): "parliamentary",
    dt.date(1995, 4, 29): "referendum",
    dt.date(1995, 8, 30): "referendum",
    dt.date(1995, 12, 9): "parliamentary",
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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
         "twenty": 20, "both": 2, "a dozen": 12}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    """Tag-stripped, entity-decoded text of an HTML page (script and style dropped)."""
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def check_line_ends(name, text, crlf):
    if crlf:
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
            err(f"{name}: expected CRLF line endings throughout")
    elif "\r" in text:
        err(f"{name}: expected LF line endings only")


_rows_cache = {}


def jsonl_rows():
    if "rows" in _rows_cache:
        return _rows_cache["rows"]
    raw = (ART / JSONL_NAME).read_bytes()
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        err(f"{JSONL_NAME}: BOM")
    check_line_ends(JSONL_NAME, text, crlf=False)
    if raw.isascii():
        err(f"{JSONL_NAME}: expected raw UTF-8 (written without ASCII escaping)")
    lines = [r for r in text.split("\n") if r.strip()]
    if len(lines) != JSONL_ROWS:
        err(f"{JSONL_NAME}: expected {JSONL_ROWS} rows, found {len(lines)}")
    rows = [json.loads(r) for r in lines]
    for i, row in enumerate(rows, 1):
        if set(row) != JSONL_KEYS:
            err(f"{JSONL_NAME}:{i}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        if not isinstance(row.get("blocks"), list) or any(
                not isinstance(b.get("body"), str) or not isinstance(b.get("n"), int)
                for b in row["blocks"]):
            err(f"{JSONL_NAME}:{i}: blocks must be objects with an int n and a str body")
        ns = [b["n"] for b in row["blocks"]]
        if len(set(ns)) != len(ns):
            err(f"{JSONL_NAME}:{i}: duplicate block numbers")
    _rows_cache["rows"] = rows
    return rows


def row_text(row):
    parts = [row["hdln"], row["blurb"]]
    parts += [b["body"] for b in sorted(row["blocks"], key=lambda b: b["n"])]
    parts.append(row["outro"])
    return "\n\n".join(parts)


def load(name, kind):
    """Return (text, visible text or None, row or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        if fname != JSONL_NAME:
            err(f"{name}: unknown JSON Lines file")
        rows = jsonl_rows()
        row = rows[int(line_no) - 1]
        return row_text(row), None, row
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            err(f"{name}: BOM in a UTF-8 HTML file")
        check_line_ends(name, text, crlf=False)
        return text, visible_text(text), None
    if kind == "html-cp1251":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1251")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1251")
        if not re.search(r'(?i)<meta[^>]+charset=windows-1251', text):
            err(f"{name}: no windows-1251 charset declaration")
        check_line_ends(name, text, crlf=False)
        return text, visible_text(text), None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(codecs.BOM_UTF8):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        check_line_ends(name, text, crlf=True)
        return text.replace("\r\n", "\n"), None, None
    if kind == "utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            err(f"{name}: unexpected BOM")
        check_line_ends(name, text, crlf=False)
        return text, None, None
    if kind == "utf16-bom-crlf":
        if not raw.startswith(codecs.BOM_UTF16_LE):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = raw[2:].decode("utf-16-le", errors="replace")
        check_line_ends(name, text, crlf=True)
        return text.replace("\r\n", "\n"), None, None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is None:
        return
    if not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    with MANIFEST.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_n.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_n.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_n.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
            continue
        kind = DOCS.get(name)
        if kind is None:
            continue
        try:
            text, extra, row = load(name, kind)
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, IndexError) as exc:
            err(f"{name}: cannot be read as {kind}: {exc}")
            continue
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        is_html = kind.startswith("html")

        # document fields
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if row is not None and norm(row["hdln"]) != title:
            err(f"{name}: title is not the row's hdln")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["outlet_evidence"], str) or not d["outlet_evidence"]:
            err(f"{name}: outlet_evidence missing")
        if d["byline"] is not None:
            if row is not None:
                if d["byline"] != row["credit_line"]["name"]:
                    err(f"{name}: byline is not the row's credit_line.name")
            elif norm(d["byline"]).lower() not in ntext.lower():
                err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(n in ntext for n in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        pub, tol = d["published"], d["published_tolerance_days"]
        if not is_date(pub):
            err(f"{name}: published {pub!r} is not a date")
            continue
        if not isinstance(tol, int) or tol < 0:
            err(f"{name}: published_tolerance_days not a non-negative int")
            tol = 0
        if not d["published_evidence"]:
            err(f"{name}: published_evidence missing")
        latest = pub + dt.timedelta(days=tol)
        if row is not None:
            stamp = dt.datetime.fromtimestamp(row["stamp"]["pub_ms"] / 1000, tz=dt.timezone.utc).date()
            if abs((stamp - pub).days) > tol:
                err(f"{name}: published {pub} vs stamp.pub_ms {stamp}")
        if d["election"] is not None:
            e = d["election"]
            check_date(e["date"], f"{name} election")
            if e["kind"] not in KINDS:
                err(f"{name}: election kind {e['kind']}")
            if ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote")

        # strings
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if is_html and ("&" in ns or "<" in ns or ">" in ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
            elif nextra is not None and ns not in nextra:
                err(f"{name}: {what} not in the visible text: {s!r}")
            if what in ("tally", "result") and ntext.count(ns) != 1:
                err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d.get("tallies") or []) + (d.get("results") or [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {dup}")

        # tallies
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
                err(f"{w}: number {t['number']} not visible")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            if t["location"] is not None and not (isinstance(t["location"], list)
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            check_date(t["date"], w)
            if is_date(t["date"]) and t["date"] > latest:
                err(f"{w}: event date {t['date']} after publication")
            n_t += 1
            n_to += bool(t.get("optional"))

        # results
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
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if (r["measure"] == "turnout") != (r["subject"] == "turnout"):
                err(f"{w}: turnout measure and subject must go together")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a name")
            check_date(r["election"], w)
            if r["election"] not in ELECTIONS:
                err(f"{w}: election {r['election']} is not a known Kazakh vote")
            elif r["election"] > latest:
                err(f"{w}: election after publication")
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
    print("OK: every string found, every value visible and in the vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
