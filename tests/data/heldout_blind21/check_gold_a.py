#!/usr/bin/env python3
"""Check gold_a.yaml of blind held-out set 21, part A, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the byte-level facts the README claims:
  - g01 (MercoPress) is pure ASCII HTML: every non-ASCII character is an HTML entity; LF only;
  - g02 (RNZ) is UTF-8 with a byte-order mark and CRLF line ends throughout;
  - g03 (The Namibian) is Windows-1252 (not valid UTF-8), LF only;
  - g04 (Africanews) is UTF-8 HTML without BOM, LF only;
  - g05 (UN News) is UTF-16LE with a byte-order mark, CRLF line ends, and holds Arabic, Chinese
    and Cyrillic text that no 8-bit code page could carry;
  - g06 (The Fiji Times) is ISO-8859-1 (not valid UTF-8), CRLF line ends, no C1 bytes;
  - feed_g.jsonl holds exactly one raw UTF-8 JSON row (not ASCII-escaped) addressed :1 with the
    top-level keys crawl, page, who, when, segments, tail; its text is page.headline, page.lede
    and the txt of every segment in order of n, joined by blank lines; its title is
    page.headline and its byline who.name.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space).
Then it asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the document
    (for the HTML pages: of the raw HTML, with no entity or tag inside the string, and of the
    visible text, i.e. scripts and styles dropped, tags stripped, entities decoded);
  - every tally and result phrase occurs exactly once (in the visible text for HTML pages), and
    phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, with comma, space or no
    thousands separator, "N million", or a number word such as "three", "Two", "nine",
    "a dozen", "single");
  - vague tallies carry their vague_word in lower case and inside the phrase;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, dates are dates,
    subjects are strings (so "yes"/"no" stay quoted), election dates are dates of Kazakh votes
    and the document's election has the right kind;
  - titles and bylines occur in the text (for the JSON row: equal page.headline and who.name),
    every credited agency is named in the text, and manifest_a.csv has the six non-JSONL files
    and the columns file,outlet,url,published,notes.
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

DOCS = {
    "g01_mercopress_2005.html": "html_ascii",
    "g02_rnz_2022.txt": "utf8_bom_crlf",
    "g03_namibian_2016.txt": "cp1252_lf",
    "g04_africanews_2023.html": "html_utf8",
    "g05_unnews_2019.txt": "utf16le_bom_crlf",
    "g06_fijitimes_2024.txt": "latin1_crlf",
    "feed_g.jsonl:1": "jsonl",
}
JSONL_KEYS = {"crawl", "page", "who", "when", "segments", "tail"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Nampa": ("Nampa", "Namibia Press Agency")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "Nampa"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes that the annotations may refer to (date -> kind).
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12, "single": 1}

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
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def no_bare_lf(text):
    return re.search(r"(?<!\r)\n", text) is None


def load(name, kind):
    """Return (raw text, visible text or None, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        if raw.startswith(codecs.BOM_UTF8) or b"\r" in raw:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (not ASCII-escaped) JSON")
        text = raw.decode("utf-8")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        segs = row["segments"]
        if [s["n"] for s in segs] != sorted(s["n"] for s in segs):
            err(f"{fname}: segments not in order of n")
        parts = [row["page"]["headline"], row["page"]["lede"]]
        parts += [s["txt"] for s in sorted(segs, key=lambda s: s["n"])]
        return "\n\n".join(parts), None, row["page"]["headline"], row["who"]["name"]
    raw = (ART / name).read_bytes()
    if kind == "html_ascii":
        if not raw.isascii():
            err(f"{name}: expected pure ASCII")
        text = raw.decode("ascii")
        if "\r" in text:
            err(f"{name}: CR in an LF file")
        return text, visible_text(text), None, None
    if kind == "html_utf8":
        if raw.startswith(codecs.BOM_UTF8) or b"\r" in raw:
            err(f"{name}: BOM or CR in a UTF-8 HTML file")
        text = raw.decode("utf-8")
        return text, visible_text(text), None, None
    if kind == "utf8_bom_crlf":
        if not raw.startswith(codecs.BOM_UTF8):
            err(f"{name}: expected a UTF-8 byte-order mark")
        text = raw[len(codecs.BOM_UTF8):].decode("utf-8")
        if "\r\n" not in text or not no_bare_lf(text):
            err(f"{name}: expected CRLF line ends throughout")
        return text.replace("\r\n", "\n"), None, None, None
    if kind == "cp1252_lf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        if not any(0x80 <= b <= 0x9F for b in raw):
            err(f"{name}: no Windows-1252 punctuation bytes (0x80-0x9F)")
        if b"\r" in raw:
            err(f"{name}: CR in an LF file")
        return raw.decode("cp1252"), None, None, None
    if kind == "utf16le_bom_crlf":
        if not raw.startswith(codecs.BOM_UTF16_LE):
            err(f"{name}: expected a UTF-16LE byte-order mark")
        text = raw[len(codecs.BOM_UTF16_LE):].decode("utf-16-le")
        if "\r\n" not in text or not no_bare_lf(text):
            err(f"{name}: expected CRLF line ends throughout")
        if not all(ch in text for ch in ("\u0627", "\u4e2d", "\u0420")):
            err(f"{name}: expected Arabic, Chinese and Cyrillic text")
        return text.replace("\r\n", "\n"), None, None, None
    if kind == "latin1_crlf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected ISO-8859-1")
        except UnicodeDecodeError:
            pass
        if any(0x80 <= b <= 0x9F for b in raw):
            err(f"{name}: C1 bytes present, not ISO-8859-1 text")
        text = raw.decode("iso-8859-1")
        if "\r\n" not in text or not no_bare_lf(text):
            err(f"{name}: expected CRLF line ends throughout")
        return text.replace("\r\n", "\n"), None, None, None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}", f"{n:,}".replace(",", " ")}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)(?! \d{3})", p)
           for f in forms):
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
    path = HERE / "manifest_a.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_a.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_a.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_a.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_a.yaml").read_text(encoding="utf-8"))
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
        search_in = nextra if nextra is not None else ntext
        title = norm(d["title"])
        if title not in search_in:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's headline field")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's author field")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if d["byline"] is not None and norm(d["byline"]).lower() not in search_in.lower():
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(n in search_in for n in WIRE_NAMES.get(w, (w,))):
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
            if nextra is not None and ("&" in ns or "<" in ns or ">" in ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
            elif nextra is not None and ns not in nextra:
                err(f"{name}: {what} not in the visible text: {s!r}")
            if what in ("tally", "result") and search_in.count(ns) != 1:
                err(f"{name}: {what} occurs {search_in.count(ns)} times: {s!r}")
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
            if t["qualifier"] == "unspecified" and t["number"] is not None:
                err(f"{w}: unspecified with a number")
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
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a name")
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
