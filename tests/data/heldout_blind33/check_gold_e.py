#!/usr/bin/env python3
"""Check gold_e.yaml of blind held-out set 33, part E, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks the encoding is what the README says:
  e01, e03, e04  UTF-8 HTML, no BOM, LF only;
  e02            UTF-8 with a BOM, CRLF on every line;
  e05            UTF-16LE with a BOM, CRLF on every line;
  e06            Windows-1252 (must not decode as UTF-8), LF only;
  feed_e.jsonl   exactly one UTF-8 JSON row (not ASCII-escaped), addressed :1, with exactly the top-level
                 keys of its own design; its text is heads.primary, heads.secondary and the "v" of every
                 item of "chunks" in array order, joined by blank lines.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space, CRLF to LF)
and the checker asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document (for the
    HTML files: of the raw HTML with no tag or entity inside, and of the visible text, i.e. the
    tag-stripped, entity-decoded HTML without <script>, <style> and <head>);
  - every tally and result phrase occurs exactly once (in the visible text for HTML) and phrases are
    distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators,
    "N million", or a number word: "one" ... "twelve", "both", "a dozen", "two dozen");
  - vague tallies carry their vague_word in lower case and inside the phrase, and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md; the document has exactly the
    fourteen fields used in seeds.yaml; dates are dates; subjects are strings ("yes"/"no" quoted); a
    turnout's subject is "turnout"; every election date is a Kazakh vote and the document's election
    kind matches it;
  - the title and byline occur in the text (for the JSON row: equal heads.primary and the credit_block
    byline), every credited agency is named in the text (AP also as "Associated Press", AFP also as
    "Agence France-Presse", case-insensitive);
  - manifest_e.csv has the columns file,outlet,url,published,notes, exactly the six non-JSONL files and
    ISO dates where `published` is filled.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK", exit status 0, when all pass.
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
    "e01_denverpost_2005.html": "html",
    "e02_houstonchronicle_2011.txt": "utf8-bom-crlf",
    "e03_phillyinquirer_2016.html": "html",
    "e04_sfchronicle_2022.html": "html",
    "e05_winnipegfreepress_1999.txt": "utf16-bom-crlf",
    "e06_montrealgazette_2007.txt": "cp1252-lf",
    "feed_e.jsonl:1": "jsonl",
}
JSONL_KEYS = {"pm_uid", "site_host", "topic_path", "heads", "credit_block", "stamps", "chunks", "media"}
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

# Kazakh national votes (date -> kind) that annotations may refer to.
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12,
         "two dozen": 24}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s).replace("\r\n", "\n")
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    """Tag-stripped, entity-decoded text of an HTML page (head, script and style dropped)."""
    t = re.sub(r"(?is)<head\b.*?</head>", " ", raw_html)
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def check_line_ends(name, text, want_crlf):
    if want_crlf:
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line endings throughout")
    elif "\r" in text:
        err(f"{name}: expected LF line endings only")


def load(name, kind):
    """Return (text to search, visible text or None, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8, not an ASCII-escaped row")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        chunks = row["chunks"]
        if not all(isinstance(c, dict) and isinstance(c.get("v"), str) for c in chunks):
            err(f"{fname}: chunks must be objects with a string v")
        parts = [row["heads"]["primary"], row["heads"]["secondary"]] + [c["v"] for c in chunks]
        bylines = [c["who"] for c in row["credit_block"] if c.get("what") == "byline"]
        return "\n\n".join(parts), None, row["heads"]["primary"], (bylines[0] if bylines else None)
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            err(f"{name}: BOM in an HTML file")
        check_line_ends(name, text, False)
        return text, visible_text(text), None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(codecs.BOM_UTF8):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        check_line_ends(name, text, True)
        return text, None, None, None
    if kind == "utf16-bom-crlf":
        if not raw.startswith(codecs.BOM_UTF16_LE):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw.decode("utf-16")
        check_line_ends(name, text, True)
        return text, None, None, None
    if kind == "cp1252-lf":
        try:
            text = raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        check_line_ends(name, text, False)
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
    return any(v == n and re.search(r"\b" + w + r"\b", p) for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_e.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_e.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_e.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_e.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_e.yaml").read_text(encoding="utf-8"))
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
        text, extra, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        where = nextra if nextra is not None else ntext   # where phrases must be unique
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's headline field")
        if kind == "jsonl" and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's credit_block byline")
        if kind != "jsonl" and d["byline"] is not None and norm(d["byline"]) not in (nextra or ntext):
            err(f"{name}: byline {d['byline']!r} not in the text")
        for k in ("outlet", "outlet_evidence", "published_evidence"):
            if not isinstance(d[k], str) or not d[k]:
                err(f"{name}: {k} missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x.lower() in ntext.lower() for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int) or d["published_tolerance_days"] < 0:
            err(f"{name}: published_tolerance_days not a non-negative int")
        e = d["election"]
        if e is not None:
            check_date(e.get("date"), f"{name} election")
            if e.get("kind") not in KINDS or ELECTIONS.get(e.get("date")) != e.get("kind"):
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            if not isinstance(s, str) or not s.strip():
                err(f"{name}: empty {what}")
                continue
            ns = norm(s)
            if kind == "html" and ("&" in ns and re.search(r"&\w+;|&#\d+;", ns) or "<" in ns or ">" in ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
            elif nextra is not None and ns not in nextra:
                err(f"{name}: {what} not in the visible text: {s!r}")
            if what in ("tally", "result") and where.count(ns) != 1:
                err(f"{name}: {what} occurs {where.count(ns)} times: {s!r}")
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
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            if t["location"] is not None and not (isinstance(t["location"], list) and t["location"]
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a non-empty list of names or null")
            if t["source_attributed"] is not None and not isinstance(t["source_attributed"], str):
                err(f"{w}: source_attributed must be a string or null")
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
            if (r["measure"] == "turnout") != (r["subject"] == "turnout"):
                err(f"{w}: turnout measure and subject 'turnout' go together")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a string")
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
