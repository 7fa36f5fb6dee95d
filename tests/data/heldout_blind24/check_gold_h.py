#!/usr/bin/env python3
"""Check gold_h.yaml of blind held-out set 24, part A, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the decoding itself is checked:
  h01, h04   UTF-8 HTML, no BOM, LF only;
  h02        Windows-1252 HTML with CRLF line ends that must NOT decode as UTF-8 (its <meta>
             claims iso-8859-1, but the curly quotes and dashes are Windows-1252 bytes);
  h03        UTF-8 text with a BOM, LF only;
  h05        UTF-16 little-endian text with a BOM and CRLF line ends;
  h06        UTF-8 text, no BOM, LF only;
  feed_h.jsonl  one JSON row (raw UTF-8, not ASCII-escaped) whose text is heading.hed_plain,
             heading.dek_html, then every component in order (its `html` with tags removed and
             entities decoded; an image component as "caption credit"), joined by blank lines.
CRLF is turned into LF before searching. For HTML the searched text is the visible text
(script and style dropped, block tags turned into line breaks, inline tags removed, entities
decoded); every annotated string must also occur in the raw HTML, so none contains a tag or
an entity. Both sides are normalised (NFKC, curly quotes to straight, no-break space to space).

Asserts that
  - every phrase, boilerplate entry and body_must_keep sentence occurs in the document;
  - every tally and result phrase occurs exactly once, and phrases are distinct within a doc;
  - the number, value and `of` are visible in the phrase (digits with or without thousands
    separators, "N million", or a number word such as "Fourteen", "three", "a thousand");
  - vague tallies carry their vague_word, in lower case, inside the phrase, and no number;
  - every key and value is in the vocabulary of /work/shared/gold/README.md and the fields
    are exactly those used in /work/shared/gold/seeds.yaml; dates are dates; subjects are
    strings (so "yes"/"no" stay quoted); a turnout's subject is "turnout";
  - election dates are dates of Kazakh national votes, of the kind given for the document;
  - the title and byline occur in the text (for the JSON row: the title occurs and equals
    heading.hed_plain, the byline equals contributors[0].name) and every credited agency is
    named in the text;
  - manifest_h.csv has exactly the six non-JSONL files and the columns file,outlet,url,
    published,notes, with ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and then "OK".
Exit status 0 when all checks pass, 1 otherwise.
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
GOLD = HERE / "gold_h.yaml"
MANIFEST = HERE / "manifest_h.csv"

DOCS = {
    "h01_cbsnews_2022.html": "html-utf8",
    "h02_nbcnews_2005.html": "html-cp1252-crlf",
    "h03_usatoday_2016.txt": "text-utf8-bom",
    "h04_theatlantic_2022.html": "html-utf8",
    "h05_newstatesman_2015.txt": "text-utf16-crlf",
    "h06_itvnews_2011.txt": "text-utf8",
    "feed_h.jsonl:1": "jsonl",
}
JSONL_KEYS = {"chorus_uuid", "vertical", "heading", "contributors", "stamps", "components",
              "taxonomy", "canonical"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Reuters": ("Reuters",)}

DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced",
           "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested",
           "parties_contesting", "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier",
              "location", "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope",
               "election", "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

# Kazakh national votes the annotations may refer to (date -> kind).
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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "both": 2, "a dozen": 12, "a thousand": 1000}

BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "tr", "td", "table", "h1", "h2", "h3",
              "h4", "header", "footer", "nav", "section", "article", "aside", "figure",
              "figcaption", "main", "body", "head", "html", "title", "button")

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def strip_inline(fragment):
    """Text of an HTML fragment: tags removed, entities decoded."""
    return html.unescape(re.sub(r"(?s)<[^>]+>", "", fragment))


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    block = "|".join(BLOCK_TAGS)
    t = re.sub(r"(?is)</?(?:%s)\b[^>]*>" % block, "\n", t)
    t = re.sub(r"(?s)<[^>]+>", "", t)
    return html.unescape(t)


def json_row_text(row):
    parts = [row["heading"]["hed_plain"], strip_inline(row["heading"]["dek_html"])]
    for c in row["components"]:
        if c["kind"] == "image":
            parts.append(f"{c['caption']} {c['credit']}")
        else:
            parts.append(strip_inline(c["html"]))
    return "\n\n".join(parts)


def expect_line_ends(name, text, crlf):
    if crlf:
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
            err(f"{name}: expected CRLF line ends throughout")
    elif "\r" in text:
        err(f"{name}: expected LF line ends only")


def load(name, kind):
    """Return (searched text, raw text or None, title field or None, byline field or None)."""
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
        return (json_row_text(row), None, row["heading"]["hed_plain"],
                row["contributors"][0]["name"])
    raw = (ART / name).read_bytes()
    if kind == "html-utf8" or kind == "text-utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            err(f"{name}: unexpected BOM")
        expect_line_ends(name, text, crlf=False)
    elif kind == "html-cp1252-crlf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1252")
        if "charset=iso-8859-1" not in text:
            err(f"{name}: the misleading iso-8859-1 declaration is gone")
        expect_line_ends(name, text, crlf=True)
        text = text.replace("\r\n", "\n")
    elif kind == "text-utf8-bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        expect_line_ends(name, text, crlf=False)
    elif kind == "text-utf16-crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = raw.decode("utf-16")
        expect_line_ends(name, text, crlf=True)
        text = text.replace("\r\n", "\n")
    else:
        raise ValueError(kind)
    if kind.startswith("html"):
        return visible_text(text), text, None, None
    return text, None, None, None


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])",
                         p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p)
           for f in forms):
        return True
    return any(v == n and re.search(r"\b" + w + r"\b", p) for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    with MANIFEST.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_h.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_h.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_h.csv: published {r['published']!r} for {r['file']}")


def check_doc(d):
    name = d["doc"]
    if set(d) != DOC_KEYS:
        err(f"{name}: fields differ from the seeds': missing {sorted(DOC_KEYS - set(d))}, "
            f"unknown {sorted(set(d) - DOC_KEYS)}")
    kind = DOCS.get(name)
    if kind is None:
        err(f"{name}: not a document of this part")
        return 0, 0, 0, 0
    text, raw, title_field, byline_field = load(name, kind)
    ntext = norm(text)
    nraw = norm(raw) if raw is not None else None

    title = norm(d["title"])
    if title not in ntext:
        err(f"{name}: title not found")
    if title_field is not None and norm(title_field) != title:
        err(f"{name}: title is not the row's heading.hed_plain")
    if byline_field is not None and d["byline"] != byline_field:
        err(f"{name}: byline is not contributors[0].name")
    if (byline_field is None and d["byline"] is not None
            and norm(d["byline"]).lower() not in ntext.lower()):
        err(f"{name}: byline {d['byline']!r} not in the text")
    if not isinstance(d["outlet"], str) or not d["outlet"]:
        err(f"{name}: outlet missing")
    if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
        err(f"{name}: wire {d['wire']!r}")
    for w in d["wire"] or []:
        if not any(re.search(r"\b" + re.escape(n) + r"\b", ntext)
                   for n in WIRE_NAMES.get(w, (w,))):
            err(f"{name}: wire {w} not named in the text")
    if not is_date(d["published"]):
        err(f"{name}: published {d['published']!r} is not a date")
    if not isinstance(d["published_tolerance_days"], int):
        err(f"{name}: published_tolerance_days is not an int")
    if not isinstance(d["published_evidence"], str):
        err(f"{name}: published_evidence missing")
    e = d["election"]
    if e is not None:
        check_date(e.get("date"), f"{name} election")
        if e.get("kind") not in KINDS:
            err(f"{name}: election kind {e.get('kind')!r}")
        if ELECTIONS.get(e.get("date")) != e.get("kind"):
            err(f"{name}: election {e} is not a known Kazakh vote")

    strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
               + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
               + [("tally", t["phrase"]) for t in d.get("tallies") or []]
               + [("result", r["phrase"]) for r in d.get("results") or []])
    for what, s in strings:
        ns = norm(s)
        if ns not in ntext:
            err(f"{name}: {what} not found: {s!r}")
        if nraw is not None and ns not in nraw:
            err(f"{name}: {what} not in the raw HTML (entity or tag inside?): {s!r}")
        if what in ("tally", "result") and ntext.count(ns) != 1:
            err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
    phrases = [norm(x["phrase"]) for x in (d.get("tallies") or []) + (d.get("results") or [])]
    dup = {p for p in phrases if phrases.count(p) > 1}
    if dup:
        err(f"{name}: duplicate phrases {dup}")

    n_t = n_to = n_r = n_ro = 0
    for t in d.get("tallies") or []:
        w = f"{name} tally {t.get('phrase')!r}"
        if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
            err(f"{w}: keys {sorted(t)}")
            continue
        if t["counted"] not in COUNTED:
            err(f"{w}: counted {t['counted']!r}")
        if t["qualifier"] not in QUALIFIER:
            err(f"{w}: qualifier {t['qualifier']!r}")
        if not number_visible(t["number"], norm(t["phrase"])):
            err(f"{w}: number {t['number']} not visible")
        vw = t["vague_word"]
        if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
            err(f"{w}: vague_word {vw!r} not in the phrase or not lower case")
        if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
            err(f"{w}: a vague tally needs a vague_word and no number")
        if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
            err(f"{w}: qualifier {t['qualifier']} without a number")
        if t["qualifier"] == "unspecified" and t["number"] is not None:
            err(f"{w}: unspecified with a number")
        if "multiplier" in t and not isinstance(t["multiplier"], int):
            err(f"{w}: multiplier must be an int")
        loc = t["location"]
        if loc is not None and not (isinstance(loc, list) and loc
                                    and all(isinstance(x, str) for x in loc)):
            err(f"{w}: location must be a non-empty list of names or null")
        if t["source_attributed"] is not None and not isinstance(t["source_attributed"], str):
            err(f"{w}: source_attributed must be a string or null")
        if "optional" in t and t["optional"] is not True:
            err(f"{w}: optional must be true or absent")
        check_date(t["date"], w)
        n_t += 1
        n_to += bool(t.get("optional"))
    for r in d.get("results") or []:
        w = f"{name} result {r.get('phrase')!r}"
        if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
            err(f"{w}: keys {sorted(r)}")
            continue
        if r["measure"] not in MEASURE:
            err(f"{w}: measure {r['measure']!r}")
        if r["qualifier"] not in QUALIFIER or r["qualifier"] in ("vague", "unspecified"):
            err(f"{w}: qualifier {r['qualifier']!r}")
        if not number_visible(r["value"], norm(r["phrase"])):
            err(f"{w}: value {r['value']} not visible")
        if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
            err(f"{w}: of {r['of']} not visible")
        if not isinstance(r["subject"], str):
            err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
        if r["measure"] == "turnout" and r["subject"] != "turnout":
            err(f"{w}: a turnout's subject is 'turnout'")
        if "scope" in r and not isinstance(r["scope"], str):
            err(f"{w}: scope must be a string")
        check_date(r["election"], w)
        if r["election"] not in ELECTIONS:
            err(f"{w}: election {r['election']} is not a known Kazakh vote")
        if "optional" in r and r["optional"] is not True:
            err(f"{w}: optional must be true or absent")
        n_r += 1
        n_ro += bool(r.get("optional"))
    return n_t, n_to, n_r, n_ro


def main(argv):
    if len(argv) == 2 and argv[0] == "--dump":
        print(load(argv[1], DOCS[argv[1]])[0])
        return 0
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS):
        err(f"documents {sorted(seen)} != {sorted(DOCS)}")
    totals = [0, 0, 0, 0]
    for d in gold:
        for i, n in enumerate(check_doc(d)):
            totals[i] += n
    check_manifest()
    n_t, n_to, n_r, n_ro = totals
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), "
          f"{n_r} results ({n_ro} optional)")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
