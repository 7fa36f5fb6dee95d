#!/usr/bin/env python3
"""Check gold_g.yaml of blind held-out set 47, part G, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the encoding itself is checked:
  g01  HTML, UTF-8, no BOM, LF
  g02  plain text, UTF-8 WITH a BOM, CRLF on every line
  g03  HTML in Windows-1252 (must not decode as UTF-8; declares windows-1252), LF
  g04  plain text, UTF-16 little-endian with BOM, CRLF on every line
  g05  plain text, UTF-8, no BOM, LF
  g06  plain text in Windows-1257 (must not decode as UTF-8), LF
  feed_g.jsonl  one JSON row, UTF-8 written WITHOUT ASCII escapes; its text is hdr.main,
       hdr.sub and the "v" of every object of "blocks", in order, joined by blank lines;
       its title field is hdr.main and its byline people[0].nm.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space,
CRLF to LF) and the script asserts that
  - every phrase, boilerplate entry and body_must_keep string is a substring of the document
    (for HTML: of the raw markup with no entity or tag inside, and of the tag-stripped,
    entity-decoded visible text as well);
  - every tally and result phrase occurs exactly once, and phrases are distinct per document;
  - the number, value or `of` is visible in its phrase (digits, thousands separators,
    "N million", or a number word: "two", "Both", "four", "five", "one", "Seven", ...);
  - vague words are lower case and inside their phrase; vague tallies have no number;
  - keys are exactly the seeds' fields and values are in the vocabulary of
    /work/shared/gold/README.md; dates are dates; subjects are strings (so "yes"/"no" stay
    quoted); election dates are dates of Kazakh national votes and match the kind given;
  - titles and bylines occur in the text (for the JSON row: equal its fields); every credited
    agency is named in the text (case-insensitive; AFP also as "Agence France-Presse");
  - manifest_g.csv has the six non-JSONL files and the columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and then "OK".
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
    "g01_gulftoday_2005.html": "html_utf8",
    "g02_thisday_2022.txt": "utf8_bom_crlf",
    "g03_bogotapost_2016.html": "html_cp1252",
    "g04_businesstimes_2007.txt": "utf16_crlf",
    "g05_newsam_2022.txt": "utf8",
    "g06_bnn_2015.txt": "cp1257",
    "feed_g.jsonl:1": "jsonl",
}
JSONL_KEYS = {"site", "hdr", "people", "stamp", "blocks", "topics"}
CLUTTER_BLOCKS = {"fig", "rel", "promo", "share"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend", "Bloomberg", "LETA"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}
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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " "), ("\r\n", "\n")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    """Tag-stripped, entity-decoded text of an HTML page (script and style dropped)."""
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def not_utf8(raw, name):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy code page")
    except UnicodeDecodeError:
        pass


def all_crlf(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")


def no_bom_no_cr(text, name):
    if text.startswith("\ufeff") or "\r" in text:
        err(f"{name}: BOM or CR found")


def load(name, kind):
    """Return (text, visible text or None, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        no_bom_no_cr(text, fname)
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (written without ASCII escapes)")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["blocks"]
        if not isinstance(blocks, list) or any(set(b) != {"t", "v"} or not isinstance(b["v"], str)
                                               for b in blocks):
            err(f"{fname}: blocks must be objects with exactly t and v (a string)")
        parts = [row["hdr"]["main"], row["hdr"]["sub"]] + [b["v"] for b in blocks]
        return "\n\n".join(parts), None, row["hdr"]["main"], row["people"][0]["nm"]
    raw = (ART / name).read_bytes()
    if kind == "html_utf8":
        text = raw.decode("utf-8")
        no_bom_no_cr(text, name)
        return text, visible_text(text), None, None
    if kind == "html_cp1252":
        not_utf8(raw, name)
        text = raw.decode("cp1252", errors="replace")
        no_bom_no_cr(text, name)
        if 'charset=windows-1252' not in text:
            err(f"{name}: does not declare windows-1252")
        return text, visible_text(text), None, None
    if kind == "utf8_bom_crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        all_crlf(text, name)
        return text, None, None, None
    if kind == "utf16_crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw.decode("utf-16")
        all_crlf(text, name)
        return text, None, None, None
    if kind == "utf8":
        text = raw.decode("utf-8")
        no_bom_no_cr(text, name)
        return text, None, None, None
    if kind == "cp1257":
        not_utf8(raw, name)
        text = raw.decode("cp1257", errors="replace")
        no_bom_no_cr(text, name)
        return text, None, None, None
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
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_g.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_g.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_g.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_g.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_g.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, extra, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's headline field")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's author field")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if (byline_field is None and d["byline"] is not None
                and norm(d["byline"]).lower() not in ntext.lower()):
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x.lower() in ntext.lower() for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        e = d["election"]
        if e is not None:
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
            if kind.startswith("html") and ("&" in ns or "<" in ns or ">" in ns):
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
            if t["location"] is not None and not (isinstance(t["location"], list)
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
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
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
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
    print("OK: every string found, every value visible and in the vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
