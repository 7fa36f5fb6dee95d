#!/usr/bin/env python3
"""Check gold_k.yaml of blind held-out set 49, part K, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks the byte layout is what README_k.md says:
  k01  plain text, Windows-1251, CRLF on every line (must NOT decode as UTF-8)
  k02  HTML, Windows-1252, LF only (must NOT decode as UTF-8)
  k03  HTML, UTF-8 without BOM, CRLF on every line
  k04  plain text, UTF-16 big-endian with BOM (FE FF), CRLF on every line
  k05  CSV, UTF-8 with BOM, ';' as delimiter, every field quoted, one header row and one
       data row, records ended by CRLF, paragraph breaks inside the body field are bare LF;
       its text is every field of the data row in column order, joined by line breaks;
       title = the `headline` field, byline = the `author` field.
  k06  HTML, UTF-8 without BOM, LF only
  feed_k.jsonl  one JSON row (UTF-8, LF, written without ASCII escaping) whose text is
       story.headline, story.sapo and the `text` of every element of story.blocks in file
       order, joined by blank lines; title = story.headline; the row has no byline field.
For the HTML files, strings are searched in the visible text (script and style dropped, every tag
replaced by a line break, entities decoded), so no annotated string may span a tag. Text and
annotations are normalised (NFKC, curly quotes to straight, no-break and narrow no-break space to
space; CRLF read as LF). It then asserts that
  - every phrase, boilerplate entry, body_must_keep sentence and the title occurs in the text;
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase: digits with a decimal point or a
    decimal comma ("70,76"), with or without thousands separators (comma or space: "3,811",
    "11 947 995"), or number words ("Nine", "eighty-two", "one and a half thousand", "a thousand",
    "half", "both");
  - vague tallies carry their vague_word in lower case and inside the phrase, and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md with exactly the
    fields of seeds.yaml; dates are dates; subjects are strings ("yes"/"no" stay quoted); turnout
    results have subject turnout; every election date is a Kazakh national vote, and a
    document's election has the right kind;
  - bylines occur in the text (the CSV's equals its author field), credited wires are named in
    the text; manifest_k.csv has the six non-JSONL files and the columns
    file,outlet,url,published,notes, with ISO dates where a date is given.
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
    "k01_ngkz_2019.txt": "txt_cp1251_crlf",
    "k02_irandaily_1999.html": "html_cp1252_lf",
    "k03_akimat_zhambyl_2024.html": "html_utf8_crlf",
    "k04_ituc_2011.txt": "txt_utf16be_crlf",
    "k05_respublika_2016.csv:2": "csv_utf8bom",
    "k06_starphoenix_2022.html": "html_utf8_lf",
    "feed_k.jsonl:1": "jsonl",
}
CSV_COLUMNS = ["id", "rubric", "headline", "headline_ru", "author", "published", "lead", "body",
               "photo_caption", "views", "comments", "url", "note"]
JSONL_KEYS = {"id", "source", "story", "meta", "tags", "fetched"}
WIRE_NAMES = {"AP": ("(AP)", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "IRNA": ("IRNA",), "VNA": ("VNA",)}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend", "VNA", "Kazinform"}
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

# Number words, longest first so that "one and a half thousand" wins over "a thousand".
WORDS = {"one and a half thousand": 1500, "a thousand": 1000, "a hundred": 100, "a dozen": 12,
         "eighty-two": 82, "eighty": 80, "seventy": 70, "seventy-one": 71, "half": 50,
         "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "both": 2}

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
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{name}: unexpected BOM")
    if b"\r" in raw:
        err(f"{name}: unexpected CR")
    if b"\n" not in raw:
        err(f"{name}: no line breaks at all")


def expect_not_utf8(raw, name):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy code page")
    except UnicodeDecodeError:
        pass


def load(name, kind):
    """Return (text to search, title field or None, byline field or None)."""
    if kind.startswith("csv"):  # (a table's row is addressed by the line it starts on, as the package names it)
        name = name.rsplit(":", 1)[0]
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        expect_lf(raw, fname)
        text = raw.decode("utf-8")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        if raw.isascii():
            err(f"{fname}: expected a row written without ASCII escaping")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        story = row["story"]
        blocks = story["blocks"]
        if not all(isinstance(b.get("text"), str) and isinstance(b.get("kind"), str) for b in blocks):
            err(f"{fname}: every block must hold kind and text")
        parts = [story["headline"], story["sapo"]] + [b["text"] for b in blocks]
        return "\n\n".join(parts), story["headline"], None
    raw = (ART / name).read_bytes()
    if kind == "txt_cp1251_crlf":
        expect_not_utf8(raw, name)
        return expect_crlf(raw.decode("cp1251"), name), None, None
    if kind == "html_cp1252_lf":
        expect_not_utf8(raw, name)
        expect_lf(raw, name)
        return visible_text(raw.decode("cp1252")), None, None
    if kind == "html_utf8_crlf":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: unexpected BOM")
        text = expect_crlf(raw.decode("utf-8"), name)
        return visible_text(text), None, None
    if kind == "txt_utf16be_crlf":
        if not raw.startswith(b"\xfe\xff"):
            err(f"{name}: expected a UTF-16BE BOM (FE FF)")
        text = raw[2:].decode("utf-16-be")
        return expect_crlf(text, name), None, None
    if kind == "csv_utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        if re.search(r"\r(?!\n)", text):
            err(f"{name}: bare CR")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        if len(rows) != 2:
            err(f"{name}: expected a header row and one data row, found {len(rows)} rows")
        header, data = rows[0], rows[1]
        if header != CSV_COLUMNS:
            err(f"{name}: columns {header}")
        if any("\r" in f for f in data):
            err(f"{name}: CR inside a field (paragraph breaks must be bare LF)")
        if not any("\n" in f for f in data):
            err(f"{name}: expected LF paragraph breaks inside the body field")
        if not text.endswith('"\r\n') or text.count('"\r\n"') != 1:
            err(f"{name}: records must be quoted and ended by CRLF")
        rec = dict(zip(header, data))
        return "\n".join(data), rec["headline"], rec["author"]
    if kind == "html_utf8_lf":
        expect_lf(raw, name)
        return visible_text(raw.decode("utf-8")), None, None
    raise ValueError(kind)


NUM_RE = re.compile(r"\d{1,3}(?:[ ,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")


def numbers_in(phrase):
    """Every value a numeral or number word in the phrase can stand for."""
    vals = set()
    for tok in NUM_RE.findall(phrase):
        if " " in tok:  # space as thousands separator, maybe a decimal comma or point at the end
            m = re.fullmatch(r"([\d ]+)(?:[.,](\d+))?", tok)
            vals.add(float(m.group(1).replace(" ", "") + ("." + m.group(2) if m.group(2) else "")))
            for part in tok.split(" "):
                vals.update(numbers_in(part))
            continue
        if "," in tok and "." in tok:
            vals.add(float(tok.replace(",", "")))
        elif "," in tok:
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", tok):
                vals.add(float(tok.replace(",", "")))
            if tok.count(",") == 1:
                vals.add(float(tok.replace(",", ".")))  # decimal comma
        else:
            vals.add(float(tok))
    low = phrase.lower()
    rest = low
    units = r"(?:one|two|three|four|five|six|seven|eight|nine)"
    for w, v in sorted(WORDS.items(), key=lambda kv: -len(kv[0])):
        pat = r"(?<![\w-])" + re.escape(w) + r"(?!\w)(?!-" + units + r"\b)"
        if re.search(pat, rest):  # "five-percent" counts, "eighty" inside "eighty-two" does not
            vals.add(float(v))
            rest = re.sub(pat, " ", rest)
    return vals


def number_visible(n, phrase):
    if n is None:
        return True
    return any(abs(v - float(n)) < 1e-9 for v in numbers_in(phrase))


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is None:
        return
    if not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_k.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_k.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_k.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_k.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_k.yaml").read_text(encoding="utf-8"))
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
            err(f"{name}: title is not the row's headline field")
        if kind == "csv_utf8bom" and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's author field")
        if kind == "jsonl" and d["byline"] is not None:
            err(f"{name}: the row has no byline field")
        if d["byline"] is not None and norm(d["byline"]) not in ntext:
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
