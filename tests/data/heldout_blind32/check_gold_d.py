#!/usr/bin/env python3
"""Check gold_d.yaml of blind held-out set 32, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks that the encoding is what the README says:
  d01 HTML, UTF-8, LF, no BOM;
  d02 text, UTF-16 little-endian with BOM, CRLF throughout;
  d03 HTML whose <meta> claims iso-8859-1 but whose bytes are Windows-1252 (curly quotes and
      dashes in 0x80-0x9F, so not valid UTF-8);
  d04 text, UTF-8, LF, no BOM;
  d05 text, ISO-8859-1 (no byte in 0x80-0x9F, not valid UTF-8), CRLF throughout;
  d06 text, UTF-8 with BOM, CRLF throughout;
  feed_d.jsonl, one JSON row of raw (not \\u-escaped) UTF-8 whose text is heads.main, heads.sub
      and the `body` of every element of `blocks`, in order, joined by blank lines.
CRLF is turned into LF before matching. Text and annotations are normalised (NFKC, curly quotes to
straight, no-break space to space) and the checker asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document
    (for the HTML files: of the decoded raw HTML, with no entity or tag inside, and of the
    tag-stripped, entity-decoded visible text as well);
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators,
    "N million", "N%" or a number word such as "seven", "Five", "a dozen", "Both");
  - vague tallies carry a lower-case vague_word found inside the phrase, and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, documents carry
    exactly the fourteen fields of seeds.yaml, dates are dates, subjects are strings (so
    "yes"/"no" stay quoted), result elections are dates of Kazakh national votes, and a
    document's election matches its kind;
  - titles occur in the text (for the JSON row: equal heads.main), bylines occur in the text
    (for the JSON row: credit_line starts with it), every credited agency is named in the text
    (AP also as "Associated Press", AFP also as "Agence France-Presse", PA as "Press
    Association"); manifest_d.csv has the six non-JSONL files and the columns
    file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and then OK or the problems.
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
    "d01_men_2011.html": "html-utf8",
    "d02_yorkshirepost_2016.txt": "utf16-bom-crlf",
    "d03_walesonline_2011.html": "html-cp1252",
    "d04_thejournal_2022.txt": "utf8",
    "d05_irishnews_1999.txt": "latin1-crlf",
    "d06_metro_2005.txt": "utf8-bom-crlf",
    "feed_d.jsonl:1": "jsonl",
}
JSONL_KEYS = {"pub", "permalink", "heads", "credit_line", "stamps", "blocks", "labels"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "PA": ("Press Association", "PA Media")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "PA", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes (first round dates) -> kind.
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


def crlf_only(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")
    return text.replace("\r\n", "\n")


def lf_only(text, name):
    if text.startswith("\ufeff") or "\r" in text:
        err(f"{name}: BOM or CR where LF-only UTF-8 was expected")
    return text


def load(name, kind):
    """Return (text, visible text or None, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = lf_only(raw.decode("utf-8"), fname)
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        if raw.isascii() or b"\\u" in raw:
            err(f"{fname}: expected raw UTF-8, not \\u escapes")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["blocks"]
        if not isinstance(blocks, list) or any(not isinstance(b.get("body"), str) for b in blocks):
            err(f"{fname}: blocks must be a list of objects with a string body")
        parts = [row["heads"]["main"], row["heads"]["sub"]] + [b["body"] for b in blocks]
        return "\n\n".join(parts), None, row["heads"]["main"], row["credit_line"]
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        text = lf_only(raw.decode("utf-8"), name)
        return text, visible_text(text), None, None
    if kind == "html-cp1252":
        not_utf8(raw, name)
        if not any(0x80 <= b <= 0x9F for b in raw):
            err(f"{name}: expected Windows-1252 bytes in 0x80-0x9F")
        if b'charset=iso-8859-1' not in raw:
            err(f"{name}: expected the misleading iso-8859-1 declaration")
        text = lf_only(raw.decode("cp1252"), name)
        return text, visible_text(text), None, None
    if kind == "utf8":
        return lf_only(raw.decode("utf-8"), name), None, None, None
    if kind == "utf16-bom-crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE byte order mark")
        text = raw.decode("utf-16")
        return crlf_only(text, name), None, None, None
    if kind == "latin1-crlf":
        not_utf8(raw, name)
        if any(0x80 <= b <= 0x9F for b in raw):
            err(f"{name}: bytes in 0x80-0x9F, expected ISO-8859-1 only")
        return crlf_only(raw.decode("iso-8859-1"), name), None, None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        return crlf_only(text, name), None, None, None
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
    path = HERE / "manifest_d.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_d.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_d.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_d.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_d.yaml").read_text(encoding="utf-8"))
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
        try:
            text, extra, title_field, credit_field = load(name, kind)
        except (UnicodeError, ValueError) as exc:
            err(f"{name}: cannot be decoded as {kind}: {exc}")
            continue
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's heads.main")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if d["byline"] is not None:
            if credit_field is not None:
                if not credit_field.startswith(d["byline"]):
                    err(f"{name}: byline is not the start of credit_line")
            elif norm(d["byline"]) not in ntext:
                err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(n in ntext for n in WIRE_NAMES.get(w, (w,))):
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
            if kind.startswith("html") and re.search(r"&[#A-Za-z0-9]+;|<|>", ns):
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
