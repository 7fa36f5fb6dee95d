#!/usr/bin/env python3
"""Check gold_l.yaml of blind held-out set 49, part L, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks the byte layout is what README_l.md says:
  l01  HTML, UTF-8, no BOM, LF only
  l02  HTML, UTF-8 WITH BOM (EF BB BF), CRLF on every line
  l03  plain text, UTF-16LE with BOM (FF FE), CRLF on every line
  l04  plain text, Windows-1252 (must NOT decode as UTF-8), CRLF on every line
  l05  CSV (header + one row), Windows-1251 (must NOT decode as UTF-8), CRLF everywhere, also
       inside the quoted multi-line body cell; the document text is the cells title, subtitle
       and body joined by blank lines; title = the title cell, byline = the author cell
  l06  plain text, UTF-8, no BOM, LF only, with form feeds (\\f) between PDF pages
  feed_l.jsonl  one JSON row, UTF-8 file written WITH ASCII escaping (pure ASCII bytes, \\uXXXX
       escapes); its text is `title` followed by the `text` of every item of every bulletin, in
       file order, joined by blank lines; title = the `title` field; no byline
For the HTML files, strings are searched in the visible text (script and style dropped, every tag
replaced by a line break, entities decoded), so no annotated string may span a tag. CRLF is read as
LF. Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space).
It then asserts that
  - the title, every boilerplate entry, body_must_keep sentence, tally and result phrase occurs in
    the text; tally and result phrases occur exactly once and are distinct within a document;
  - the stated number, value or `of` is visible in its phrase: digits (with or without thousands
    separators, decimals like 53.9 also as "53.90"), or English number words, including compound
    spoken forms ("seventy point seven six", "six hundred and seventy seven", "twenty-six",
    "eleven point nine six million", "a thousand", "Forty", "both", "half");
  - vague tallies carry a lower-case vague_word found inside the phrase and no number; other
    qualifiers (except unspecified) carry a number;
  - keys are exactly those of seeds.yaml (tally: phrase counted number qualifier vague_word
    [multiplier] location date source_attributed [optional]; result: phrase subject measure value
    [of] qualifier [scope] election [optional]); values are in the vocabulary of
    /work/shared/gold/README.md; dates are dates; subjects are strings; turnout results have
    subject turnout; every election date is a Kazakh national vote and a document's election has
    the right kind;
  - bylines occur in the text (l05: equal the author cell), credited wires are named in the text;
  - manifest_l.csv lists the six non-JSONL files with columns file,outlet,url,published,notes and
    ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when all pass; exit
status 0 then, 1 otherwise.
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
    "l01_msnbc_2022.html": "html_utf8_lf",
    "l02_cec_2024.html": "html_utf8bom_crlf",
    "l03_monocle_2019.txt": "utf16_crlf",
    "l04_csce_2012.txt": "cp1252_crlf",
    "l05_theinsider_2023.csv:2": "csv_cp1251_crlf",
    "l06_unhrc_2016.txt": "utf8_lf_ff",
    "feed_l.jsonl:1": "jsonl_ascii",
}
JSONL_KEYS = {"rec", "service", "title", "day", "tz", "bulletins", "crawl", "lang"}
CSV_COLUMNS = ["id", "site", "url", "published", "rubric", "title", "subtitle", "author", "body",
               "tags", "views", "comments"]
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

UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1000000}
SPECIAL = {"both": 2, "half": 50, "dozen": 12}
NUMWORDS = set(UNITS) | set(TENS) | set(SCALES) | {"point", "and", "a"}

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
        err(f"{name}: decodes as UTF-8, expected a single-byte Windows code page")
    except UnicodeDecodeError:
        pass


def expect_crlf(text, name):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")
    return text.replace("\r\n", "\n")


def expect_lf(raw, name):
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{name}: unexpected BOM")
    if b"\r" in raw:
        err(f"{name}: unexpected CR")


def load(name, kind):
    """Return (text to search, title field or None, byline field or None)."""
    if kind.startswith("csv"):  # (a table's row is addressed by the line it starts on, as the package names it)
        name = name.rsplit(":", 1)[0]
    if kind == "jsonl_ascii":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        expect_lf(raw, fname)
        if not raw.isascii() or b"\\u" not in raw:
            err(f"{fname}: expected a row written WITH ASCII escaping (\\uXXXX)")
        rows = [r for r in raw.decode("utf-8").split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[0])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        items = [it for b in row["bulletins"] for it in b["items"]]
        if not all(isinstance(it.get("text"), str) for it in items):
            err(f"{fname}: every bulletin item needs a text")
        joined = "\n\n".join([row["title"]] + [it["text"] for it in items])
        return joined, row["title"], None
    raw = (ART / name).read_bytes()
    if kind == "html_utf8_lf":
        expect_lf(raw, name)
        return visible_text(raw.decode("utf-8")), None, None
    if kind == "html_utf8bom_crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = expect_crlf(raw.decode("utf-8-sig"), name)
        return visible_text(text), None, None
    if kind == "utf16_crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        return expect_crlf(raw.decode("utf-16"), name), None, None
    if kind == "cp1252_crlf":
        not_utf8(raw, name)
        return expect_crlf(raw.decode("cp1252"), name), None, None
    if kind == "csv_cp1251_crlf":
        not_utf8(raw, name)
        text = raw.decode("cp1251")
        expect_crlf(text, name)
        if not re.search("[\u0400-\u04ff]", text):
            err(f"{name}: expected Cyrillic characters (Windows-1251)")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if reader.fieldnames != CSV_COLUMNS:
            err(f"{name}: columns {reader.fieldnames}")
        rows = list(reader)
        if len(rows) != 1:
            err(f"{name}: expected one data row, found {len(rows)}")
        row = rows[0]
        if "\r\n" not in row["body"]:
            err(f"{name}: expected CRLF inside the quoted body cell")
        joined = "\n\n".join([row["title"], row["subtitle"], row["body"]]).replace("\r\n", "\n")
        return joined, row["title"], row["author"]
    if kind == "utf8_lf_ff":
        expect_lf(raw, name)
        text = raw.decode("utf-8")
        if "\f" not in text:
            err(f"{name}: expected form feeds between pages")
        return text, None, None
    raise ValueError(kind)


def words_values(phrase):
    """All values spelled by runs of English number words in the phrase."""
    toks = re.findall(r"[a-z]+|\d+(?:\.\d+)?", phrase.lower().replace("-", " "))
    vals = set()
    for i, t in enumerate(toks):
        if t in SPECIAL:
            vals.add(SPECIAL[t])
    runs, cur = [], []
    for t in toks + ["."]:
        if t in NUMWORDS:
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = []
    for run in runs:
        for a in range(len(run)):
            for b in range(a + 1, len(run) + 1):
                v = eval_words(run[a:b])
                if v is not None:
                    vals.add(v)
    return vals


def eval_words(ws):
    if not ws or ws[0] in ("and", "point") or ws[-1] in ("and", "point", "a"):
        return None
    if ws[0] == "a" and (len(ws) < 2 or ws[1] not in SCALES):
        return None
    mult = 1
    if ws[-1] in ("million", "thousand") and "point" in ws:
        mult = SCALES[ws[-1]]
        ws = ws[:-1]
    if "point" in ws:
        k = ws.index("point")
        ip, fp = ws[:k], ws[k + 1:]
        if not fp or any(f not in UNITS or UNITS[f] > 9 for f in fp):
            return None
        iv = eval_int(ip)
        if iv is None:
            return None
        return round((iv + float("0." + "".join(str(UNITS[f]) for f in fp))) * mult, 6)
    return eval_int(ws)


def eval_int(ws):
    total, current, seen = 0, 0, False
    for w in ws:
        if w == "and":
            continue
        if w == "a":
            current = 1
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million"):
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        if re.search(r"(?<![\d.])" + re.escape(s) + r"0*(?![\d])", p.replace(",", "")):
            return True
        return any(abs(v - n) < 1e-6 for v in words_values(p))
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    if n >= 1000000 and n % 10000 == 0:
        m = n / 1000000
        if re.search(r"(?<![\d.])" + re.escape(f"{m:g}") + r" million", p):
            return True
    return any(abs(v - n) < 1e-6 for v in words_values(p))


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is None:
        return
    if not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_l.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_l.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl_ascii")
    if files != want:
        err(f"manifest_l.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_l.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_l.yaml").read_text(encoding="utf-8"))
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
            err(f"{name}: title is not the file's title field")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not the author cell")
        if d["byline"] is not None and norm(d["byline"]) not in ntext:
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
