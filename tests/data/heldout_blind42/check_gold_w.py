#!/usr/bin/env python3
"""Check gold_w.yaml of blind held-out set 42, part W, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks that the file really is in it:
  w01, w04, w05  HTML, UTF-8, no BOM, LF
  w02            UTF-8 with a BOM, CRLF on every line
  w03            Windows-1252 (must not decode as UTF-8), LF
  w06            UTF-16LE with a BOM, CRLF on every line
  feed_w.jsonl   one UTF-8 JSON row (raw non-ASCII, not \\u-escaped) addressed :1, top-level keys
                 exactly KEYS below; its text is entete.sur, entete.tit, entete.chap, each
                 corps[].x in order and ps, joined by blank lines; title = entete.tit,
                 byline = signataires[0].nom.
For HTML the text searched is the visible text (script/style dropped, tags removed, entities
decoded); a phrase must not contain a tag or an entity. Both sides are normalised (NFKC, curly
quotes to straight, no-break space to space). It asserts that
  - every boilerplate entry, body_must_keep sentence, tally and result phrase is in the text;
  - every tally and result phrase occurs exactly once, and phrases are distinct in a document;
  - the number, value and `of` are visible in the phrase (digits, thousands separators, or a
    number word such as "two", "Nine", "Twelve", "a single", "Seventy-one");
  - a vague tally carries its vague_word in lower case, inside the phrase, and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md and the fields are
    exactly those of seeds.yaml; dates are dates; subjects are strings; election dates are dates of
    Kazakh votes and match the kind given; a turnout's subject is "turnout";
  - the title and byline occur in the text (for the JSON row: equal entete.tit and
    signataires[0].nom); listed wire agencies are named in it;
  - manifest_w.csv lists the six non-JSONL files with columns file,outlet,url,published,notes.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" on success.
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
    "w01_industriall_2017.html": "html",
    "w02_socialistworker_2012.txt": "utf8-bom-crlf",
    "w03_wsws_2022.txt": "cp1252",
    "w04_equaltimes_2016.html": "html",
    "w05_counterpunch_2019.html": "html",
    "w06_greenleft_2005.txt": "utf16",
    "feed_w.jsonl:1": "jsonl",
}
KEYS = {"spip_id", "rubrique", "entete", "signataires", "numero", "horodatage", "corps", "ps", "url"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA", "Trend"}
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

# Kazakh national votes the annotations may refer to (date -> kind); Mazhilis votes by first round.
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

WORDS = {"one": 1, "a single": 1, "two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
         "eighteen": 18, "seventy-one": 71}

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
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?is)<head\b.*?</head>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def every_line_crlf(text):
    return "\r\n" in text and re.search(r"(?<!\r)\n", text) is None


def load(name, kind):
    """Return (text, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR")
        if raw.isascii() or "\\u" in text:
            err(f"{fname}: expected raw UTF-8, not an ASCII-escaped row")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(KEYS)}")
        if not all(isinstance(b, dict) and set(b) == {"t", "x"} and isinstance(b["x"], str)
                   for b in row["corps"]):
            err(f"{fname}: corps must be a list of {{t, x}} blocks")
        e = row["entete"]
        parts = [e["sur"], e["tit"], e["chap"]] + [b["x"] for b in row["corps"]] + [row["ps"]]
        return "\n\n".join(parts), e["tit"], row["signataires"][0]["nom"]
    raw = (ART / name).read_bytes()
    if kind == "html":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in an HTML file")
        return visible_text(text), None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw[3:].decode("utf-8")
        if not every_line_crlf(text):
            err(f"{name}: expected CRLF line ends throughout")
        return text.replace("\r\n", "\n"), None, None
    if kind == "cp1252":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1252")
        if "\r" in text:
            err(f"{name}: expected LF line ends")
        return text, None, None
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw[2:].decode("utf-16-le")
        if not every_line_crlf(text):
            err(f"{name}: expected CRLF line ends throughout")
        return text.replace("\r\n", "\n"), None, None
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
    return any(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", p) and v == n
               for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_w.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_w.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_w.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_w.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_w.yaml").read_text(encoding="utf-8"))
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
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's author field")
        if (byline_field is None and d["byline"] is not None
                and norm(d["byline"]) not in ntext):
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
            if kind == "html" and (re.search(r"&#?\w+;", ns) or "<" in ns or ">" in ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
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
    print("OK: every string found, every value visible and in the vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
