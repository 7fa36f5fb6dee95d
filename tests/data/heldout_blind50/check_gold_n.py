#!/usr/bin/env python3
"""Check gold_n.yaml of blind held-out set 50, part N, against its seven documents.

Standalone: standard library and PyYAML only; it never imports kzresearch.

Decodes each document with its real encoding and checks that the bytes are what README_n.md says:
  n01  HTML, UTF-8 without BOM, LF only
  n02  HTML, UTF-8 with BOM (EF BB BF), CRLF on every line
  n03  plain text, Windows-1252 (must NOT decode as UTF-8), CRLF on every line
  n04  plain text, Windows-1251 (must NOT decode as UTF-8; holds Cyrillic), LF only
  n05  plain text (PDF-to-text), UTF-16LE with BOM (FF FE), CRLF on every line, form feeds between pages
  n06  CSV, UTF-8 with BOM, header + one row; records end in CRLF, line breaks inside quoted cells are
       bare LF. The row is addressed n06_osw_2024.csv:2 (the line it starts on). Its text is every cell
       of the row in column order, joined by blank lines; title = the `title` cell, byline = `author`.
  feed_n.jsonl  one JSON row, LF, written WITH ASCII escaping (the file is pure ASCII, \\uXXXX escapes).
       Its text is `headline`, `subheadline` and the `text` of every element of `blocks` in file order,
       joined by blank lines; title = `headline`; the row has no author field, so byline must be null.
HTML: strings are searched in the visible text (script and style dropped, every tag replaced by a line
break, entities decoded), so no annotated string may span a tag. Text and annotations are normalised
(NFKC, curly quotes to straight, no-break space to space) and CRLF is read as LF.

It then asserts that
  - every phrase, boilerplate entry, body_must_keep sentence and the title occur in the text;
  - tally and result phrases occur exactly once, are distinct within a document and hold no line break;
  - the stated number / value / `of` is visible in its phrase (digits with or without thousands
    separators, "N million", or a number word such as "nine", "Five", "a dozen", "a hundred");
  - vague tallies carry a lower-case vague_word found in the phrase and no number;
  - keys and values are those of /work/shared/gold/README.md with exactly the fields of seeds.yaml;
    dates are dates (published may also be a "YYYY-MM" string); subjects are strings; turnout results
    have subject turnout; every election date is a Kazakh national vote and a document's election has
    the right kind;
  - bylines occur in the text (CSV/JSON: equal the row's field); wires are named in the text;
  - manifest_n.csv lists the six non-JSONL files with columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit status 0 when all
pass, 1 otherwise. `python3 check_gold_n.py --dump NAME` prints the decoded text of one document.
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
    "n01_tandfonline_2020.html": "html_utf8_lf",
    "n02_britannica_2023.html": "html_utf8_bom_crlf",
    "n03_acled_2023.txt": "cp1252_crlf",
    "n04_kimep_2024.txt": "cp1251_lf",
    "n05_palgrave_2014.txt": "utf16_crlf",
    "n06_osw_2024.csv:2": "csv_utf8_bom",
    "feed_n.jsonl:1": "jsonl_ascii",
}
CSV_COLUMNS = ["post_id", "post_type", "language", "title", "lead", "author", "published", "modified",
               "key_figures", "body", "related", "tags", "permalink"]
JSONL_KEYS = {"id", "source", "lang", "headline", "subheadline", "published", "fetched_at", "blocks",
              "tags", "images"}
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30, "both": 2, "a dozen": 12,
         "a hundred": 100}

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
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")
    return text.replace("\r\n", "\n")


def expect_lf(raw, name):
    if b"\r" in raw:
        err(f"{name}: unexpected CR (expected LF only)")


def expect_not_utf8(raw, name):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy single-byte encoding")
    except UnicodeDecodeError:
        pass


def load(name, kind):
    """Return (text to search, title field or None, byline field or None)."""
    if kind == "jsonl_ascii":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        expect_lf(raw, fname)
        if not raw.isascii():
            err(f"{fname}: expected a row written with ASCII escaping (pure ASCII file)")
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: unexpected BOM")
        rows = [r for r in raw.decode("utf-8").split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["blocks"]
        if not all(isinstance(b.get("text"), str) and isinstance(b.get("kind"), str) for b in blocks):
            err(f"{fname}: every block needs kind (str) and text (str)")
        parts = [row["headline"], row["subheadline"]] + [b["text"] for b in blocks]
        return "\n\n".join(parts), row["headline"], None
    if kind == "csv_utf8_bom":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader)
        if header != CSV_COLUMNS:
            err(f"{fname}: header {header}")
        starts, rows, prev = [], [], reader.line_num
        for r in reader:
            starts.append(prev + 1)
            rows.append(r)
            prev = reader.line_num
        if len(rows) != 1:
            err(f"{fname}: expected one data row, found {len(rows)}")
        if starts[0] != int(line_no):
            err(f"{fname}: the row starts on line {starts[0]}, not {line_no}")
        if text.count("\r\n") != 1 + len(rows) or not text.endswith("\r\n"):
            err(f"{fname}: expected CRLF at the end of each record only")
        cells = rows[0]
        if not any("\n" in c for c in cells) or any("\r" in c for c in cells):
            err(f"{fname}: expected bare-LF line breaks inside quoted cells")
        rec = dict(zip(header, cells))
        return "\n\n".join(cells), rec["title"], rec["author"]
    raw = (ART / name).read_bytes()
    if kind == "html_utf8_lf":
        expect_lf(raw, name)
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: unexpected BOM")
        return visible_text(raw.decode("utf-8")), None, None
    if kind == "html_utf8_bom_crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = expect_crlf(raw.decode("utf-8-sig"), name)
        return visible_text(text), None, None
    if kind == "cp1252_crlf":
        expect_not_utf8(raw, name)
        text = expect_crlf(raw.decode("cp1252"), name)
        return text, None, None
    if kind == "cp1251_lf":
        expect_not_utf8(raw, name)
        expect_lf(raw, name)
        text = raw.decode("cp1251")
        if not re.search("[\u0400-\u04ff]", text):
            err(f"{name}: expected Cyrillic text")
        return text, None, None
    if kind == "utf16_crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = expect_crlf(raw.decode("utf-16"), name)
        if "\f" not in text:
            err(f"{name}: expected form feeds between PDF pages")
        return text, None, None
    raise ValueError(kind)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*million", p):
        if abs(float(m.group(1)) * 1_000_000 - float(n)) < 0.5:
            return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}", f"{n}.0"}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.[1-9])", p) for f in forms):
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
    path = HERE / "manifest_n.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_n.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl_ascii")
    if files != want:
        err(f"manifest_n.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_n.csv: published {r['published']!r} for {r['file']}")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        print(load(sys.argv[2], DOCS[sys.argv[2]])[0])
        return 0
    gold = yaml.safe_load((HERE / "gold_n.yaml").read_text(encoding="utf-8"))
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
        text, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        title = norm(d["title"])
        if title not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's headline/title field")
        if kind == "csv_utf8_bom" and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's author field")
        if kind == "jsonl_ascii" and d["byline"] is not None:
            err(f"{name}: the JSON row has no author field; byline must be null")
        if d["byline"] is not None and norm(d["byline"]) not in ntext:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(n in ntext for n in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        pub = d["published"]
        if not (is_date(pub) or (isinstance(pub, str) and re.fullmatch(r"\d{4}-\d{2}", pub))):
            err(f"{name}: published {pub!r} is neither a date nor YYYY-MM")
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
            if what in ("tally", "result"):
                if ntext.count(ns) != 1:
                    err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
                if "\n" in s:
                    err(f"{name}: {what} spans a line break: {s!r}")
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
