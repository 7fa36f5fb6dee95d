#!/usr/bin/env python3
"""Check gold_m.yaml of blind held-out set 50, part M, against its seven documents.

Standalone: standard library and PyYAML only; it never imports kzresearch.

Each document is decoded with its real encoding, and the byte layout README_m.md states is asserted:
  m01, m05   HTML, UTF-8, LF, no BOM
  m02        HTML, UTF-8 with BOM (EF BB BF), CRLF on every line
  m03        plain text (a saved e-mail), Windows-1252, CRLF on every line; must NOT decode as UTF-8
  m04        plain text (a saved forum thread), UTF-16LE with BOM (FF FE), CRLF on every line
  m06        CSV, UTF-8 with BOM; records end in CRLF, the multi-line `text` cell holds bare LF;
             a header row and exactly one record, which starts on line 2 (addressed `...csv:2`);
             its text is the record's cells joined by line breaks, in column order
  feed_m.jsonl  one JSON row, UTF-8, LF, written WITH ASCII escaping (\\uXXXX, emoji as surrogate
             pairs); its text is the `text` of every element of `messages`, in file order, each
             flattened (plain strings kept, entity objects contribute their "text"), joined by
             blank lines; title = the first bold entity of the first message; byline = none.
For the HTML files strings are searched in the visible text (script and style dropped, every tag
replaced by a line break, entities decoded), so no annotated string may span a tag. Both sides are
normalised (NFKC, curly quotes to straight, no-break space to space; CRLF read as LF). Then:
  - every phrase, boilerplate entry, body_must_keep sentence and the title occurs in the text;
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits with or without thousands
    separators, "12 million", or a number word such as "Thirty-four", "ten", "a dozen");
  - vague tallies carry their vague_word (lower case, inside the phrase) and no number;
  - keys are exactly the fields of /work/shared/gold/seeds.yaml and values are in the vocabulary
    of /work/shared/gold/README.md; dates are dates; subjects are strings; turnout results have
    subject turnout; every election date is a Kazakh national vote and a document's election has
    the right kind;
  - bylines occur in the text (case-insensitive), credited wires are named in the text;
  - manifest_m.csv has the six non-JSONL files and the columns file,outlet,url,published,notes,
    with ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when all pass;
exit status 0 then, 1 otherwise.
"""
import csv
import datetime as dt
import html
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"

DOCS = {
    "m01_msn_2022.html": "html_utf8",
    "m02_globenewswire_2021.html": "html_utf8_bom_crlf",
    "m03_stratfor_2005.txt": "cp1252_crlf",
    "m04_reddit_2019.txt": "utf16_crlf",
    "m05_groundnews_2023.html": "html_utf8",
    "m06_casperstartribune_2016.csv:2": "csv_utf8_bom",
    "feed_m.jsonl:1": "jsonl_ascii",
}
CSV_HEADER = ["record_id", "headline", "byline", "source", "pub_date", "edition", "section", "page",
              "word_count", "text", "correction", "copyright", "last_modified"]
JSONL_KEYS = {"src", "channel", "export", "messages"}
WIRE_NAMES = {"AP": ("(AP)", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30, "thirty-four": 34, "both": 2,
         "a dozen": 12, "a hundred": 100}

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


def expect_crlf(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
        err(f"{name}: expected CRLF line endings throughout")
    return text.replace("\r\n", "\n")


def expect_lf(raw, name, bom_ok=False):
    if not bom_ok and raw.startswith(b"\xef\xbb\xbf"):
        err(f"{name}: unexpected BOM")
    if b"\r" in raw:
        err(f"{name}: unexpected CR")


def flatten(text_field):
    if isinstance(text_field, str):
        return text_field
    out = []
    for part in text_field:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            out.append(part["text"])
        else:
            err(f"feed: unexpected text part {part!r}")
    return "".join(out)


def load(name, kind):
    """Return (text to search, title field or None)."""
    if kind == "jsonl_ascii":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        expect_lf(raw, fname)
        if not raw.isascii() or b"\\u" not in raw:
            err(f"{fname}: expected a row written with ASCII escaping")
        rows = [r for r in raw.decode("ascii").split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1" or not raw.endswith(b"\n"):
            err(f"{fname}: expected exactly one LF-terminated row addressed :1")
        row = json.loads(rows[0])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        msgs = row["messages"]
        if not msgs or not all(isinstance(m.get("id"), int) and "text" in m for m in msgs):
            err(f"{fname}: messages must hold id (int) and text")
        if not any(ord(c) > 0xFFFF for m in msgs for c in flatten(m["text"])):
            err(f"{fname}: expected astral-plane emoji (surrogate pairs in the escaped row)")
        text = "\n\n".join(flatten(m["text"]) for m in msgs)
        first = msgs[0]["text"]
        bold = [p["text"] for p in first if isinstance(p, dict) and p.get("type") == "bold"]
        return text, (bold[0] if bold else None)
    if kind == "csv_utf8_bom":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        if not text.endswith("\r\n") or "\n" not in text.replace("\r\n", ""):
            err(f"{fname}: expected CRLF record ends and bare LF inside the text cell")
        records = list(csv.reader(io.StringIO(text, newline="")))
        if records[0] != CSV_HEADER:
            err(f"{fname}: header {records[0]}")
        if len(records) != 2 or line_no != "2":
            err(f"{fname}: expected one record starting on line 2, found {len(records) - 1}")
        if text.split("\r\n", 1)[1].split(",", 1)[0] != records[1][0]:
            err(f"{fname}: the record does not start on line 2")
        row = records[1]
        if "\r" in row[CSV_HEADER.index("text")]:
            err(f"{fname}: CR inside the text cell")
        return "\n".join(row), None
    raw = (ART / name).read_bytes()
    if kind == "html_utf8":
        expect_lf(raw, name)
        return visible_text(raw.decode("utf-8")), None
    if kind == "html_utf8_bom_crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = expect_crlf(raw.decode("utf-8-sig"), name)
        return visible_text(text), None
    if kind == "utf16_crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        return expect_crlf(raw.decode("utf-16"), name), None
    if kind == "cp1252_crlf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        return expect_crlf(raw.decode("cp1252"), name), None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    for m in re.finditer(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*million\b", p):
        if round(float(m.group(1)) * 1_000_000) == n:
            return True
    forms = {str(n), f"{n:,}"}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(re.search(r"(?<![\w-])" + w + r"(?![\w-])", p) and v == n for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_m.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_m.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n.split(":")[0] for n, k in DOCS.items() if not k.startswith("jsonl"))
    if files != want:
        err(f"manifest_m.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_m.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_m.yaml").read_text(encoding="utf-8"))
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
        text, title_field = load(name, kind)
        ntext = norm(text)
        title = norm(d["title"])
        if title not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the first message's bold headline")
        if d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower():
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
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
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
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
                err(f"{w}: subject {r['subject']!r} is not a string")
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
