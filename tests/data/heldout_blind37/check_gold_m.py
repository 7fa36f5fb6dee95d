#!/usr/bin/env python3
"""Check gold_m.yaml of blind held-out set 37, part M, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the byte-level format is asserted:
  m01, m06   HTML, UTF-8, no BOM, LF only
  m02        plain text, UTF-8 WITH a BOM, CRLF line ends throughout
  m03        HTML, UTF-16 with a BOM (must not decode as UTF-8), LF only
  m04        plain text, Windows-1252 (must not decode as UTF-8), CRLF line ends throughout
  m05        HTML, ISO-8859-1 declared in a meta tag (must not decode as UTF-8), LF only
  feed_m.jsonl  exactly one JSON row, UTF-8 written WITHOUT ASCII escaping, no BOM, no CR,
             with the top-level keys listed in JSONL_KEYS; the row's text is hed_text,
             standfirst_text and the "body" of every element of "chunks" in list order,
             joined by blank lines (addressed feed_m.jsonl:1)
Text and annotations are compared after normalisation (NFKC, curly quotes to straight,
no-break space to space, CRLF to LF). The checker asserts that
  - every phrase, boilerplate entry and body_must_keep string is a substring of the document
    (for HTML: of the raw markup, with no tag or entity inside, AND of the tag-stripped,
    entity-decoded visible text);
  - every tally and result phrase occurs exactly once and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits with or without thousands
    separators, or a number word such as "three", "Two", "five", "One");
  - vague tallies carry a lower-case vague_word found in the phrase and no number; qualifiers
    other than vague/unspecified carry a number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md, every document has
    exactly the fourteen document fields used in seeds.yaml, dates are dates, subjects are
    strings, election dates are dates of Kazakh national votes and match the document's kind;
  - titles and bylines occur in the text (for the JSON row: title == hed_text), every credited
    agency is named in the document (AP also as "Associated Press", AFP also as
    "Agence France-Presse");
  - manifest_m.csv has the columns file,outlet,url,published,notes, exactly the six non-JSONL
    files, and ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and then "OK", or the list
of problems. Exit status 0 when all checks pass.
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
GOLD = HERE / "gold_m.yaml"
MANIFEST = HERE / "manifest_m.csv"

DOCS = {
    "m01_andina_2024.html": "html-utf8",
    "m02_telesur_2016.txt": "text-utf8-bom-crlf",
    "m03_bnamericas_2011.html": "html-utf16",
    "m04_stabroeknews_2022.txt": "text-cp1252-crlf",
    "m05_royalgazette_1999.html": "html-latin1",
    "m06_loopnews_2022.html": "html-utf8",
    "feed_m.jsonl:1": "jsonl",
}
JSONL_KEYS = {"pc_ref", "desk", "kicker", "hed_text", "standfirst_text", "by_line", "lineage",
              "issue_stamp", "ingested_epoch", "chunks", "pix", "kw"}

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
         "Trend", "Kyodo", "Yonhap", "ANSA"}
WIRE_NAMES = {"AP": ("(AP)", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

# Kazakh national votes (date -> kind).
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
    s = unicodedata.normalize("NFKC", s).replace("\r\n", "\n")
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
    except UnicodeDecodeError:
        return
    err(f"{name}: decodes as UTF-8, expected a legacy/other encoding")


def check_lf_only(text, name):
    if "\r" in text:
        err(f"{name}: CR found, expected LF line ends")


def check_crlf(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
        err(f"{name}: expected CRLF line ends throughout")


def load(name, kind):
    """Return (searchable text, visible text or None, title field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: BOM")
        text = raw.decode("utf-8")
        check_lf_only(text, fname)
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        if raw.isascii():
            err(f"{fname}: row is ASCII-escaped, expected raw UTF-8")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        chunks = row["chunks"]
        if not isinstance(chunks, list) or any(set(c) != {"t", "body"} for c in chunks):
            err(f"{fname}: chunks must be a list of {{t, body}} objects")
        parts = [row["hed_text"], row["standfirst_text"]] + [c["body"] for c in chunks]
        return "\n\n".join(parts), None, row["hed_text"]
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: unexpected BOM")
        text = raw.decode("utf-8")
        check_lf_only(text, name)
    elif kind == "text-utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        check_crlf(text, name)
    elif kind == "html-utf16":
        if raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            err(f"{name}: expected a UTF-16 BOM")
        not_utf8(raw, name)
        text = raw.decode("utf-16")
        check_lf_only(text, name)
        if 'charset=utf-16' not in text:
            err(f"{name}: meta charset does not declare utf-16")
    elif kind == "text-cp1252-crlf":
        not_utf8(raw, name)
        text = raw.decode("cp1252")
        check_crlf(text, name)
    elif kind == "html-latin1":
        not_utf8(raw, name)
        text = raw.decode("iso-8859-1")
        check_lf_only(text, name)
        if "charset=iso-8859-1" not in text:
            err(f"{name}: meta charset does not declare iso-8859-1")
    else:
        raise ValueError(kind)
    visible = visible_text(text) if kind.startswith("html") else None
    return text, visible, None


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![0-9])", p.replace(",", "")) is not None
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
    with MANIFEST.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_m.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_m.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_m.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: document fields differ from seeds.yaml: missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        try:
            text, visible, title_field = load(name, kind)
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, OSError) as exc:
            err(f"{name}: cannot be read as {kind}: {exc}")
            continue
        ntext = norm(text)
        nvis = norm(visible) if visible is not None else None

        title = norm(d["title"])
        if title not in ntext or (nvis is not None and title not in nvis):
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's hed_text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["outlet_evidence"], str) or not d["outlet_evidence"]:
            err(f"{name}: outlet_evidence missing")
        if d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower():
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int) or d["published_tolerance_days"] < 0:
            err(f"{name}: published_tolerance_days must be a non-negative int")
        if not isinstance(d["published_evidence"], str):
            err(f"{name}: published_evidence missing")
        e = d["election"]
        if e is not None:
            if set(e) != {"date", "kind"}:
                err(f"{name}: election keys {sorted(e)}")
            check_date(e["date"], f"{name} election")
            if e["kind"] not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")

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
            elif nvis is not None and ns not in nvis:
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
            if t["number"] is not None and not isinstance(t["number"], int):
                err(f"{w}: number must be an integer")
            if not number_visible(t["number"], norm(t["phrase"])):
                err(f"{w}: number {t['number']} not visible")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] == "unspecified" and t["number"] is not None:
                err(f"{w}: unspecified must have no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if "multiplier" in t and not (isinstance(t["multiplier"], int) and t["multiplier"] > 1):
                err(f"{w}: multiplier must be an integer above 1")
            if t["location"] is not None and not (isinstance(t["location"], list) and t["location"]
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be null or a non-empty list of names")
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
            if r["qualifier"] not in QUALIFIER or r["qualifier"] in ("vague", "unspecified"):
                err(f"{w}: qualifier {r['qualifier']}")
            if not isinstance(r["value"], (int, float)) or isinstance(r["value"], bool):
                err(f"{w}: value must be a number")
            elif not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if (r["measure"] == "turnout") != (r["subject"] == "turnout"):
                err(f"{w}: turnout measure and subject must go together")
            if r["measure"] == "vote_share" and not 0 <= r["value"] <= 100:
                err(f"{w}: vote share out of range")
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
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
