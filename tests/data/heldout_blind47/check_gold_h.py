#!/usr/bin/env python3
"""Check gold_h.yaml (blind held-out set 47, part H) against the documents it annotates.

Standalone: standard library plus PyYAML; it never imports kzresearch.

For each document it
  - decodes the file with the encoding it was written in, and checks that encoding:
      h01, h04  UTF-8 HTML, no BOM, LF only
      h02       UTF-8 with a BOM, every line ending in CRLF
      h03       Windows-1251 (must not be valid UTF-8), LF only, Cyrillic present
      h05       UTF-16LE with a BOM, every line ending in CRLF
      feed_h    UTF-8 JSON Lines without BOM or CR, exactly two rows, raw (not \\u-escaped) UTF-8,
                every row with exactly the keys ref, origin, heading, standfirst, segments,
                people, when, media, labels
  - builds the decoded text: for HTML the visible text (script/style/title dropped, tags
    replaced by a space, entities unescaped); for a JSON row heading, standfirst and the body of
    every segment in order, joined by blank lines;
  - compares after NFKC normalisation with runs of whitespace collapsed (quotes are NOT folded,
    so curly quotes in a phrase must be curly in the text);
  - checks that title, byline, every boilerplate line and body_must_keep sentence occur; that
    every tally and result phrase occurs exactly once and phrases are distinct; that the number,
    value and `of` are visible in the phrase (digits, thousands separators, "N million", or a
    number word such as "four", "both", "a dozen", "two dozen"); that vague words are lower case
    and inside the phrase; that keys and values are in the vocabulary of
    /work/shared/gold/README.md and the fields are exactly those of seeds.yaml; that dates are
    dates; that election dates are Kazakh votes of the stated kind, and results of local votes
    are optional; that credited wires are named in the text; that JSON rows' titles and bylines
    are the row's heading and first author;
  - checks manifest_h.csv (columns file,outlet,url,published,notes; the five non-JSONL files).
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK", exit status 0,
or the list of problems and exit status 1.
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
    "h01_caliber_2022.html": "html",
    "h02_asianews_2016.txt": "utf8_bom_crlf",
    "h03_eadaily_2022.txt": "cp1251",
    "h04_tdi_2023.html": "html",
    "h05_dailyyomiuri_2005.txt": "utf16_bom_crlf",
    "feed_h.jsonl:1": "jsonl",
    "feed_h.jsonl:2": "jsonl",
}
ROW_KEYS = {"ref", "origin", "heading", "standfirst", "segments", "people", "when", "media", "labels"}

DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend", "Kazinform"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

# Kazakh national votes (date -> kind) the annotations may refer to.
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
# Local votes: results may carry these dates but must then be optional.
LOCAL_VOTES = {dt.date(2021, 7, 25): "rural akim elections"}

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2,
         "a dozen": 12, "two dozen": 24}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", " ", s).strip()


def visible_text(raw):
    t = re.sub(r"(?is)<(script|style|title)\b.*?</\1>", " ", raw)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?s)<[^>]+>", " ", t)
    return html.unescape(t)


def decode(raw, enc, name):
    """Decode strictly; on failure record a problem and fall back to replacement characters."""
    try:
        return raw.decode(enc)
    except UnicodeDecodeError as exc:
        err(f"{name}: not valid {enc}: {exc}")
        return raw.decode(enc, errors="replace")


def crlf_only(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")


def lf_only(text, name):
    if "\r" in text:
        err(f"{name}: CR found, expected LF only")


_rows = {}


def jsonl_rows(fname):
    if fname in _rows:
        return _rows[fname]
    raw = (ART / fname).read_bytes()
    text = decode(raw, "utf-8", fname)
    if text.startswith("\ufeff"):
        err(f"{fname}: BOM found")
    lf_only(text, fname)
    if raw.isascii():
        err(f"{fname}: rows are ASCII-escaped, expected raw UTF-8")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) != 2:
        err(f"{fname}: expected 2 rows, found {len(lines)}")
    rows = [json.loads(ln) for ln in lines]
    for i, row in enumerate(rows, 1):
        if set(row) != ROW_KEYS:
            err(f"{fname}:{i}: keys {sorted(row)} != {sorted(ROW_KEYS)}")
        segs = row.get("segments")
        if not isinstance(segs, list) or any(set(s) != {"kind", "body"} or not isinstance(s["body"], str)
                                             for s in segs):
            err(f"{fname}:{i}: segments must be a list of {{kind, body}} objects")
    _rows[fname] = rows
    return rows


def load(name, kind):
    """Return (decoded text, title field or None, byline field or None, is_row)."""
    if kind == "jsonl":
        fname, n = name.rsplit(":", 1)
        row = jsonl_rows(fname)[int(n) - 1]
        parts = [row["heading"], row["standfirst"]] + [s["body"] for s in row["segments"]]
        authors = [p["name"] for p in row["people"] if p.get("role") == "author"]
        return "\n\n".join(parts), row["heading"], (authors[0] if authors else None), True
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = decode(raw, "utf-8", name)
        if text.startswith("\ufeff"):
            err(f"{name}: BOM in an HTML file")
        lf_only(text, name)
        return visible_text(text), None, None, False
    if kind == "utf8_bom_crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = decode(raw, "utf-8-sig", name)
        crlf_only(text, name)
        return text, None, None, False
    if kind == "cp1251":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1251")
        except UnicodeDecodeError:
            pass
        text = decode(raw, "cp1251", name)
        lf_only(text, name)
        if not re.search("[\u0400-\u04ff]", text):
            err(f"{name}: no Cyrillic found, is this really Windows-1251?")
        return text, None, None, False
    if kind == "utf16_bom_crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = decode(raw, "utf-16", name)
        crlf_only(text, name)
        return text, None, None, False
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
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(v == n and re.search(r"\b" + w + r"\b", p) for w, v in WORDS.items())


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_manifest():
    with MANIFEST.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_h.csv: columns {reader.fieldnames}")
        rows = list(reader)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if sorted(r["file"] for r in rows) != want:
        err(f"manifest_h.csv: files {sorted(r['file'] for r in rows)} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_h.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    names = [d.get("doc") for d in gold]
    if sorted(names) != sorted(DOCS):
        err(f"documents {names} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d.get("doc")
        if set(d) != DOC_KEYS:
            err(f"{name}: fields differ from seeds.yaml: missing {sorted(DOC_KEYS - set(d))}, "
                f"unknown {sorted(set(d) - DOC_KEYS)}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, title_field, byline_field, is_row = load(name, kind)
        ntext = norm(text)
        if not isinstance(d["title"], str) or norm(d["title"]) not in ntext:
            err(f"{name}: title not found")
        if is_row:
            if d["title"] != title_field:
                err(f"{name}: title is not the row's heading")
            if d["byline"] != byline_field:
                err(f"{name}: byline {d['byline']!r} is not the row's first author {byline_field!r}")
        elif d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days is not an integer")
        e = d["election"]
        if e is not None:
            if set(e) != {"date", "kind"} or e["kind"] not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            c = ntext.count(ns)
            if c == 0:
                err(f"{name}: {what} not found: {s!r}")
            elif what in ("tally", "result") and c != 1:
                err(f"{name}: {what} occurs {c} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d["tallies"] or []) + (d["results"] or [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {sorted(dup)}")
        for t in d["tallies"] or []:
            w = f"{name} tally {t.get('phrase')!r}"
            if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
                err(f"{w}: keys {sorted(t)}")
                continue
            ph = norm(t["phrase"])
            if t["counted"] not in COUNTED:
                err(f"{w}: counted {t['counted']!r}")
            if t["qualifier"] not in QUALIFIER:
                err(f"{w}: qualifier {t['qualifier']!r}")
            if t["number"] is not None and not isinstance(t["number"], int):
                err(f"{w}: number must be an integer or null")
            if not number_visible(t["number"], ph):
                err(f"{w}: number {t['number']} not visible in the phrase")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in ph.lower()):
                err(f"{w}: vague_word {vw!r} not lower case or not in the phrase")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: a vague tally needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            loc = t["location"]
            if loc is not None and not (isinstance(loc, list) and loc and all(isinstance(x, str) for x in loc)):
                err(f"{w}: location must be a non-empty list of names or null")
            if t["date"] is not None and not is_date(t["date"]):
                err(f"{w}: date {t['date']!r} is not YYYY-MM-DD")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an integer")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d["results"] or []:
            w = f"{name} result {r.get('phrase')!r}"
            if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                err(f"{w}: keys {sorted(r)}")
                continue
            ph = norm(r["phrase"])
            if r["measure"] not in MEASURE:
                err(f"{w}: measure {r['measure']!r}")
            if r["qualifier"] not in QUALIFIER or r["qualifier"] in ("vague", "unspecified"):
                err(f"{w}: qualifier {r['qualifier']!r}")
            if not isinstance(r["value"], (int, float)) or isinstance(r["value"], bool):
                err(f"{w}: value must be a number")
            elif not number_visible(r["value"], ph):
                err(f"{w}: value {r['value']} not visible in the phrase")
            if "of" in r and not number_visible(r["of"], ph):
                err(f"{w}: of {r['of']} not visible in the phrase")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if r["measure"] == "threshold" and r["subject"] != "threshold":
                err(f"{w}: a threshold's subject is 'threshold'")
            if "scope" in r and not (isinstance(r["scope"], str) and r["scope"]):
                err(f"{w}: scope must be a non-empty string")
            el = r["election"]
            if not is_date(el):
                err(f"{w}: election {el!r} is not YYYY-MM-DD")
            elif el in LOCAL_VOTES:
                if not r.get("optional"):
                    err(f"{w}: a result of a local vote must be optional")
            elif el not in ELECTIONS:
                err(f"{w}: election {el} is not a known Kazakh vote")
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
