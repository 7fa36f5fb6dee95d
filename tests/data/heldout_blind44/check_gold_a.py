#!/usr/bin/env python3
"""Check gold_a.yaml of blind held-out set 44, part A, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the encoding itself is checked:
  a01, a03  UTF-8 HTML, no BOM, LF only
  a02       UTF-16 LE with a BOM, CRLF on every line
  a04       Windows-1251, must NOT decode as UTF-8, LF only
  a05       UTF-8 with a BOM, CRLF on every line
  a06       ISO-8859-1 HTML declaring that charset, must NOT decode as UTF-8
  feed_a.jsonl:1  one UTF-8 JSON row written without ASCII escaping; its text is
            heading.main, heading.sub, the `s` of every `flow` item in order, then `credit`,
            joined by blank lines; title = heading.main, byline = people[0].n.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space,
CRLF to LF) and the script asserts that
  - every phrase, boilerplate entry and body_must_keep sentence is a substring of the text
    (for HTML: of the raw markup, with no entity or tag inside the string, and of the
    tag-stripped, entity-decoded visible text too);
  - every tally and result phrase occurs exactly once in the text (the visible text for HTML)
    and phrases are distinct within a document;
  - the number, value and `of` are visible in the phrase (digits with or without thousands
    separators, "N million", or a number word such as "two", "Thirty-four", "a dozen");
  - vague tallies carry a lower-case vague_word found in the phrase and no number;
  - keys and values are those of /work/shared/gold/README.md and seeds.yaml, dates are
    dates, subjects are strings (so "yes"/"no" stay quoted), every election date is a
    Kazakh vote and the document's election kind matches it;
  - titles occur in the text, bylines occur in it (for the JSON row: equal the row fields),
    each credited wire agency is named in it; manifest_a.csv lists the six non-JSONL files
    with the columns file,outlet,url,published,notes and ISO dates where dates are given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK", exit 0,
or the list of problems and exit 1.
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
    "a01_projectsyndicate_2022.html": "html-utf8",
    "a02_dailypioneer_2016.txt": "utf16-bom-crlf",
    "a03_neweurasia_2007.html": "html-utf8",
    "a04_vestnikkavkaza_2012.txt": "cp1251",
    "a05_rbth_2015.txt": "utf8-bom-crlf",
    "a06_worldpress_2005.html": "html-latin1",
    "feed_a.jsonl:1": "jsonl",
}
ROW_KEYS = {"kind", "site", "heading", "people", "stamps", "flow", "credit", "labels"}

DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier",
              "location", "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope",
               "election", "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced",
           "other"}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
              "unspecified"}
MEASURES = {"vote_share", "turnout", "seats", "threshold", "seats_contested",
            "parties_contesting", "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Reuters": ("Reuters",), "Interfax": ("Interfax",), "TASS": ("TASS",),
              "Xinhua": ("Xinhua",), "dpa": ("dpa",), "EFE": ("EFE",),
              "Anadolu": ("Anadolu",), "IRNA": ("IRNA",), "Trend": ("Trend",)}

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

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
WORDS = {"a dozen": 12, "both": 2}
WORDS.update(UNITS)
WORDS.update(TEENS)
for tw, tv in TENS.items():
    WORDS[tw] = tv
    for uw, uv in UNITS.items():
        WORDS[f"{tw}-{uw}"] = tv + uv

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s).replace("\r\n", "\n")
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(markup):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def must_not_be_utf8(raw, name):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy code page")
    except UnicodeDecodeError:
        pass


def line_ends(text, name, want_crlf):
    if want_crlf:
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF on every line")
    elif "\r" in text:
        err(f"{name}: expected LF line ends only")


def load(name, kind):
    """Return (search text, visible text or None, row title or None, row byline or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR in the JSON Lines file")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (written without ASCII escaping)")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != ROW_KEYS:
            err(f"{fname}: top-level keys {sorted(row)}")
        flow = row["flow"]
        if not all(isinstance(b, dict) and isinstance(b.get("s"), str) for b in flow):
            err(f"{fname}: every flow item needs a string `s`")
        parts = [row["heading"]["main"], row["heading"]["sub"]] + [b["s"] for b in flow]
        parts.append(row["credit"])
        return "\n\n".join(parts), None, row["heading"]["main"], row["people"][0]["n"]
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            err(f"{name}: unexpected BOM")
        line_ends(text, name, False)
        return text, visible_text(text), None, None
    if kind == "html-latin1":
        must_not_be_utf8(raw, name)
        text = raw.decode("iso-8859-1")
        if "charset=iso-8859-1" not in text.lower():
            err(f"{name}: no iso-8859-1 charset declaration")
        line_ends(text, name, False)
        return text, visible_text(text), None, None
    if kind == "utf16-bom-crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE byte-order mark")
        text = raw.decode("utf-16")
        line_ends(text, name, True)
        return text, None, None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 byte-order mark")
        text = raw.decode("utf-8-sig")
        line_ends(text, name, True)
        return text, None, None, None
    if kind == "cp1251":
        must_not_be_utf8(raw, name)
        text = raw.decode("cp1251")
        line_ends(text, name, False)
        if not re.search("[\u0400-\u04ff]", text):
            err(f"{name}: no Cyrillic found, is this really Windows-1251?")
        return text, None, None, None
    raise ValueError(kind)


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
    return any(v == n and re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", p)
               for w, v in WORDS.items())


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_manifest():
    with (HERE / "manifest_a.csv").open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_a.csv: columns {reader.fieldnames}")
        rows = list(reader)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if sorted(r["file"] for r in rows) != want:
        err(f"manifest_a.csv: files {sorted(r['file'] for r in rows)} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_a.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_a.yaml").read_text(encoding="utf-8"))
    names = [d["doc"] for d in gold]
    if sorted(names) != sorted(DOCS):
        err(f"documents {names} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, vis, row_title, row_byline = load(name, kind)
        ntext = norm(text)
        nvis = norm(vis) if vis is not None else None
        count_in = nvis if nvis is not None else ntext

        def present(s):
            return s in ntext and (nvis is None or s in nvis)

        if not present(norm(d["title"])):
            err(f"{name}: title not found")
        if row_title is not None and norm(row_title) != norm(d["title"]):
            err(f"{name}: title is not heading.main")
        if row_byline is not None and d["byline"] != row_byline:
            err(f"{name}: byline is not people[0].n")
        if (row_byline is None and d["byline"] is not None
                and norm(d["byline"]) not in ntext):
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - set(WIRE_NAMES):
            err(f"{name}: wire {d['wire']!r}")
        else:
            for w in d["wire"]:
                if not any(x in ntext for x in WIRE_NAMES[w]):
                    err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r}")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        e = d["election"]
        if e is not None:
            if set(e) != {"date", "kind"} or e["kind"] not in KINDS:
                err(f"{name}: election {e}")
            elif ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            if kind.startswith("html") and re.search(r"&[#\w]+;|<|>", ns):
                err(f"{name}: {what} holds an entity or tag: {s!r}")
            if not present(ns):
                err(f"{name}: {what} not found: {s!r}")
            elif what in ("tally", "result") and count_in.count(ns) != 1:
                err(f"{name}: {what} occurs {count_in.count(ns)} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d["tallies"] or []) + (d["results"] or [])]
        dups = {p for p in phrases if phrases.count(p) > 1}
        if dups:
            err(f"{name}: duplicate phrases {dups}")
        for t in d["tallies"] or []:
            w = f"{name} tally {t['phrase']!r}"
            if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
                err(f"{w}: keys {sorted(t)}")
                continue
            if t["counted"] not in COUNTED:
                err(f"{w}: counted {t['counted']!r}")
            if t["qualifier"] not in QUALIFIERS:
                err(f"{w}: qualifier {t['qualifier']!r}")
            if not number_visible(t["number"], norm(t["phrase"])):
                err(f"{w}: number {t['number']} not visible")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                err(f"{w}: vague_word {vw!r} not lower case or not in the phrase")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                err(f"{w}: a vague tally needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            loc = t["location"]
            if loc is not None and not (isinstance(loc, list) and loc
                                        and all(isinstance(x, str) for x in loc)):
                err(f"{w}: location must be null or a list of names")
            if t["date"] is not None and not is_date(t["date"]):
                err(f"{w}: date {t['date']!r}")
            if t["source_attributed"] is not None and not isinstance(t["source_attributed"], str):
                err(f"{w}: source_attributed must be a string or null")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d["results"] or []:
            w = f"{name} result {r['phrase']!r}"
            if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                err(f"{w}: keys {sorted(r)}")
                continue
            if r["measure"] not in MEASURES:
                err(f"{w}: measure {r['measure']!r}")
            if r["qualifier"] not in QUALIFIERS or r["qualifier"] in ("vague", "unspecified"):
                err(f"{w}: qualifier {r['qualifier']!r}")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if r["measure"] == "threshold" and r["subject"] != "threshold":
                err(f"{w}: a threshold's subject is 'threshold'")
            if not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a string")
            if not is_date(r["election"]) or r["election"] not in ELECTIONS:
                err(f"{w}: election {r['election']!r} is not a known Kazakh vote")
            if "optional" in r and r["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            n_r += 1
            n_ro += bool(r.get("optional"))
    check_manifest()
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), "
          f"{n_r} results ({n_ro} optional)")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: every string found, every value visible and in the vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
