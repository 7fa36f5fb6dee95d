"""Standalone checker for part A of blind set 28: gold_t.yaml, manifest_t.csv and articles/t0*, feed_t.jsonl.

Needs only the standard library and PyYAML; it never imports kzresearch. It checks that

  - each document decodes with its real encoding and has the byte-level traits it was written with:
      t01, t04  UTF-8 HTML, no BOM, LF only;
      t02       Windows-1252 HTML (not valid UTF-8), CRLF on every line, charset declared in a META tag;
      t03       UTF-8 text with a BOM and CRLF on every line;
      t05       UTF-16 little-endian text with a BOM (FF FE), LF only;
      t06       ISO-8859-15 (Latin-9) text, not valid UTF-8, byte 0xA4 present and decoding to the euro sign;
      feed_t    one JSON Lines row (UTF-8, raw non-ASCII, not ASCII-escaped) with exactly the top-level
                keys uid, site, heading, credit, stamp, blocks, media, meta;
  - the text searched is: for HTML, the tag-stripped, entity-decoded text (script and style dropped);
    for the JSON row, heading.main, heading.standfirst and then the "v" of every element of blocks, in
    order, joined by blank lines (media captions and the other keys are not text);
  - both sides are compared after NFKC, curly quotes made straight, no-break spaces made spaces and
    every run of whitespace collapsed to one space;
  - every boilerplate entry, body_must_keep sentence, tally and result phrase is found; every tally and
    result phrase occurs exactly once in its document, and phrases are distinct within a document;
  - the stated number, value and `of` are visible in the phrase (digits with or without thousands
    separators, or a number word: "three", "eight", "a dozen", "two dozen", "both", ...);
  - vague tallies carry a lower-case vague_word that occurs in the phrase and no number;
  - keys and values are in the vocabulary of /work/shared/gold/README.md (the fourteen document fields
    of seeds.yaml), dates are dates, subjects are strings, optional is true or absent, election dates
    are dates of Kazakh national votes and each document's election kind matches the vote;
  - the title (and for the JSON row: equal to heading.main) and the byline (for the JSON row: equal to
    credit.writer) occur in the text; every credited agency is named in the text (AP also as
    "Associated Press"; Lusa as "Lusa");
  - manifest_t.csv has the columns file,outlet,url,published,notes, exactly the six non-JSONL files,
    and `published` empty, YYYY-MM or YYYY-MM-DD.

Prints "N documents, T tallies (k optional), R results (m optional)" and then "OK" (exit 0), or the list of
problems (exit 1).
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

DOCS = {
    "t01_mexiconewsdaily_2022.html": "html-utf8",
    "t02_gleaner_2005.html": "html-cp1252-crlf",
    "t03_trinidadexpress_2019.txt": "utf8-bom-crlf",
    "t04_colombiareports_2022.html": "html-utf8",
    "t05_greekreporter_2016.txt": "utf16le-bom",
    "t06_portugalnews_2007.txt": "latin9",
    "feed_t.jsonl:1": "jsonl",
}
JSONL_KEYS = {"uid", "site", "heading", "credit", "stamp", "blocks", "media", "meta"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Reuters": ("Reuters",), "Lusa": ("Lusa",)}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "Lusa", "ANSA"}

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
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election", "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes (date -> kind) that annotations may point to.
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12, "two dozen": 24}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def strict_decode(raw, enc, name):
    try:
        return raw.decode(enc)
    except UnicodeDecodeError as e:
        err(f"{name}: does not decode as {enc}: {e}")
        return raw.decode(enc, errors="replace")


def not_utf8(raw, name):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy code page")
    except UnicodeDecodeError:
        pass


def all_crlf(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")


def load(name, kind):
    """Return (searchable text, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = strict_decode(raw, "utf-8", fname)
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR in the JSON Lines file")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (not ASCII-escaped)")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["blocks"]
        if not isinstance(blocks, list) or any(set(b) != {"t", "v"} or not isinstance(b["v"], str)
                                               for b in blocks):
            err(f"{fname}: blocks must be a list of {{t, v}} objects with string v")
        parts = [row["heading"]["main"], row["heading"]["standfirst"]] + [b["v"] for b in blocks]
        return "\n\n".join(parts), row["heading"]["main"], row["credit"]["writer"]
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        text = strict_decode(raw, "utf-8", name)
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in a UTF-8 HTML file")
        return visible_text(text), None, None
    if kind == "html-cp1252-crlf":
        not_utf8(raw, name)
        text = strict_decode(raw, "cp1252", name)
        all_crlf(text, name)
        if not re.search(r'(?i)<meta[^>]+charset=windows-1252', text):
            err(f"{name}: no windows-1252 charset declaration")
        return visible_text(text), None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(codecs.BOM_UTF8):
            err(f"{name}: expected a UTF-8 BOM")
        text = strict_decode(raw, "utf-8-sig", name)
        all_crlf(text, name)
        return text, None, None
    if kind == "utf16le-bom":
        if not raw.startswith(codecs.BOM_UTF16_LE):
            err(f"{name}: expected a UTF-16LE BOM")
        text = strict_decode(raw, "utf-16", name)
        if "\r" in text:
            err(f"{name}: CR in the UTF-16 file")
        return text, None, None
    if kind == "latin9":
        not_utf8(raw, name)
        text = strict_decode(raw, "iso8859_15", name)
        if b"\xa4" not in raw or "\u20ac" not in text:
            err(f"{name}: expected the Latin-9 euro sign (byte 0xA4)")
        if "\r" in text:
            err(f"{name}: CR in the Latin-9 file")
        return text, None, None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?!\d)", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_t.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_t.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_t.csv: files {files} != {want}")
    for r in rows:
        if r["published"] and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r["published"]):
            err(f"manifest_t.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_t.yaml").read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: fields differ from the seeds': missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        if norm(d["title"]) not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != norm(d["title"]):
            err(f"{name}: title is not heading.main")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not credit.writer")
        if d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower() and byline_field is None:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"] or not d["outlet_evidence"]:
            err(f"{name}: outlet or its evidence missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(re.search(r"\b" + re.escape(n) + r"\b", ntext) for n in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int) or not d["published_evidence"]:
            err(f"{name}: published_tolerance_days / published_evidence")
        e = d["election"]
        if e is not None:
            check_date(e["date"], f"{name} election")
            if e["kind"] not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if kind.startswith("html") and ("&" in s or "<" in s):
                err(f"{name}: {what} holds an entity or tag: {s!r}")
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
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
