#!/usr/bin/env python3
"""Check gold_h.yaml of blind held-out set 34, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding and the properties of the file are asserted:
  h01_crs_2019.txt            UTF-8 with a BOM, CRLF line ends throughout
  h02_eprs_2023.html          UTF-8 HTML, no BOM, LF
  h03_commonslibrary_2022.txt UTF-16 little-endian with a BOM, CRLF throughout
  h04_lseblogs_2016.html      Windows-1252 HTML (must not decode as UTF-8; charset declared)
  h05_swp_2012.txt            UTF-8, no BOM, LF
  feed_h.jsonl                two UTF-8 JSON rows (not ASCII-escaped), LF; a row's text is hdr.h1
                              and the "s" value of every object in segs, in order, joined by "\\n\\n";
                              its title is hdr.h1, its byline the "who" of the first credit whose
                              "as" is not "office" (or null).
For HTML the text searched is the visible text (script/style dropped, tags replaced by line breaks,
entities decoded); tally and result phrases must also occur in the decoded source, so that no tag
or entity sits inside them. Text and annotations are compared after NFKC, curly quotes to straight
and no-break spaces to spaces. The checker asserts that
  - the documents are exactly the seven above and each carries the fourteen fields of seeds.yaml;
  - every boilerplate line, body_must_keep sentence, tally and result phrase occurs in its document;
    tally and result phrases occur exactly once, are distinct, and are not inside a boilerplate entry;
  - every number, value and `of` is visible in its phrase (digits, thousands separated by commas or
    spaces, "N million", or a number word such as "ten", "six", "three", "one");
  - vague tallies have a lower-case vague_word inside the phrase and no number; non-vague,
    non-unspecified tallies have a number; locations are lists of names;
  - every value is in the vocabulary of /work/shared/gold/README.md, dates are dates, published is a
    date or YYYY-MM, election dates are dates of Kazakh national votes of the right kind, turnout
    results have subject "turnout", subjects are strings (so "yes"/"no" stay quoted);
  - titles and bylines occur in the text (feed rows: equal the row's fields), wires are named in the
    text; manifest_h.csv lists the five non-JSONL files under the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit status 0 on success.
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
GOLD = HERE / "gold_h.yaml"
MANIFEST = HERE / "manifest_h.csv"

DOCS = {
    "h01_crs_2019.txt": "utf8-bom-crlf",
    "h02_eprs_2023.html": "html-utf8",
    "h03_commonslibrary_2022.txt": "utf16-crlf",
    "h04_lseblogs_2016.html": "html-cp1252",
    "h05_swp_2012.txt": "utf8",
    "feed_h.jsonl:1": "jsonl",
    "feed_h.jsonl:2": "jsonl",
}
JSONL_KEYS = {"rec_id", "origin", "hdr", "credit", "stamps", "segs", "fn", "lang"}
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12}

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
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?is)<head\b.*?</head>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def check_line_ends(name, text, want_crlf):
    if want_crlf:
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line ends throughout")
    elif "\r" in text:
        err(f"{name}: unexpected CR")


def load(name, kind):
    """Return (searched text, raw decoded source or None, title field, byline field, is_feed)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (not ASCII-escaped) rows")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 2:
            err(f"{fname}: expected 2 rows, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}:{line_no}: keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        segs = row["segs"]
        if not all(isinstance(s, dict) and isinstance(s.get("s"), str) for s in segs):
            err(f"{fname}:{line_no}: segs must be objects with a string 's'")
        body = "\n\n".join([row["hdr"]["h1"]] + [s["s"] for s in segs])
        byline = next((c["who"] for c in row["credit"] if c.get("as") != "office"), None)
        return body, None, row["hdr"]["h1"], byline, True
    raw = (ART / name).read_bytes()
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        check_line_ends(name, text, True)
        return text.replace("\r\n", "\n"), None, None, None, False
    if kind == "utf16-crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw.decode("utf-16")
        check_line_ends(name, text, True)
        return text.replace("\r\n", "\n"), None, None, None, False
    if kind == "utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            err(f"{name}: unexpected BOM")
        check_line_ends(name, text, False)
        return text, None, None, None, False
    if kind in ("html-utf8", "html-cp1252"):
        if kind == "html-cp1252":
            try:
                raw.decode("utf-8")
                err(f"{name}: decodes as UTF-8, expected Windows-1252")
            except UnicodeDecodeError:
                pass
            text = raw.decode("cp1252")
            if "charset=windows-1252" not in text:
                err(f"{name}: Windows-1252 not declared")
        else:
            text = raw.decode("utf-8")
            if text.startswith("\ufeff"):
                err(f"{name}: unexpected BOM")
        check_line_ends(name, text, False)
        return visible_text(text), text, None, None, False
    raise ValueError(kind)


def number_visible(n, phrase):
    p = norm(phrase).lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}", f"{n:,}".replace(",", " ")}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)(?! \d\d\d)", p) for f in forms):
        return True
    return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_date(v, what):
    if v is not None and not is_date(v):
        err(f"{what}: date {v!r} is not YYYY-MM-DD")


def check_published(v, what):
    if is_date(v) or v is None:
        return
    if isinstance(v, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", v):
        return
    err(f"{what}: published {v!r} is not YYYY-MM-DD, YYYY-MM or null")


def check_manifest():
    with MANIFEST.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_h.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_h.csv: files {files} != {want}")
    for r in rows:
        p = r["published"]
        if p and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", p):
            err(f"manifest_h.csv: published {p!r} for {r['file']}")
        if p and len(p) == 10:
            try:
                dt.date.fromisoformat(p)
            except ValueError:
                err(f"manifest_h.csv: published {p!r} for {r['file']}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: fields differ from seeds.yaml: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, raw, title_field, byline_field, is_feed = load(name, kind)
        ntext = norm(text)
        nraw = norm(raw) if raw is not None else None
        if norm(d["title"]) not in ntext:
            err(f"{name}: title not found")
        if is_feed:
            if d["title"] != title_field:
                err(f"{name}: title is not hdr.h1")
            if d["byline"] != byline_field:
                err(f"{name}: byline {d['byline']!r} is not the row's person credit {byline_field!r}")
        elif d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"].strip():
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        check_published(d["published"], name)
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        if d["election"] is not None:
            e = d["election"]
            if set(e) != {"date", "kind"}:
                err(f"{name}: election keys {sorted(e)}")
            check_date(e.get("date"), f"{name} election")
            if e.get("kind") not in KINDS or ELECTIONS.get(e.get("date")) != e.get("kind"):
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
        boiler = [norm(s) for s in d.get("boilerplate") or []]
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
                continue
            if what in ("tally", "result"):
                if ntext.count(ns) != 1:
                    err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
                if nraw is not None and ns not in nraw:
                    err(f"{name}: {what} has a tag or entity inside it in the source: {s!r}")
                if any(ns in b for b in boiler):
                    err(f"{name}: {what} lies inside a boilerplate entry: {s!r}")
            if what == "body_must_keep" and any(ns in b for b in boiler):
                err(f"{name}: body_must_keep sentence listed as boilerplate: {s!r}")
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
            if not number_visible(t["number"], t["phrase"]):
                err(f"{w}: number {t['number']} not visible")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not in phrase or not lower case")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            if t["location"] is not None and not (isinstance(t["location"], list) and t["location"]
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a non-empty list of names or null")
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
            if r["qualifier"] not in QUALIFIER or r["qualifier"] in ("vague", "unspecified"):
                err(f"{w}: qualifier {r['qualifier']}")
            if not isinstance(r["value"], (int, float)) or not number_visible(r["value"], r["phrase"]):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], r["phrase"]):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if (r["measure"] == "turnout") != (r["subject"] == "turnout"):
                err(f"{w}: turnout measure and subject must go together")
            if r["measure"] == "threshold" and r["subject"] != "threshold":
                err(f"{w}: a threshold's subject is 'threshold'")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a place name")
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
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
