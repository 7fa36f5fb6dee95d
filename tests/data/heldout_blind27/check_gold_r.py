#!/usr/bin/env python3
"""Check gold_r.yaml of blind held-out set 27, part A (r files), against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding and checked for it:
  r01, r04  UTF-8 HTML, LF, no BOM (r01 mixes raw UTF-8 with named entities);
  r06       pure-ASCII HTML whose non-ASCII characters are numeric entities only;
  r02       UTF-8 text WITH a byte-order mark and CRLF line ends;
  r03       UTF-16 little-endian text with a BOM (FF FE) and CRLF line ends;
  r05       Windows-1252 text with CRLF line ends (must not decode as UTF-8);
  feed_r.jsonl:1  one raw-UTF-8 JSON row (not ASCII-escaped, no BOM, no CR) whose text is
            hdl.display, each item of key_points, and the "v" of every block in body, in
            order, joined by blank lines ("\\n\\n"); its title is hdl.display and its byline
            credits.writers[0].byline.
The text searched for an HTML file is its visible text: <script> and <style> dropped, inline
tags (a, b, i, em, strong, span, time) removed, other tags turned into line breaks, entities
decoded. Text files are searched after CRLF -> LF. Both sides are normalised (NFKC, curly quotes
to straight, no-break space to space) before comparing.

Asserts that
  - every boilerplate line, body_must_keep sentence, tally and result phrase is in the text;
  - every tally and result phrase occurs exactly once, and phrases are distinct in a document;
  - the number / value / `of` is visible in its phrase (digits, thousands separators,
    "N million" / "N.N million", or number words: "three", "Eighteen", "eighty-four",
    "three hundred", "a thousand", "two thousand", "a dozen", "two dozen", "one");
  - a vague tally has a lower-case vague_word that occurs in the phrase and no number;
    other qualifiers except `unspecified` carry a number;
  - keys are exactly the seeds' keys (document keys all present; tally/result keys from the
    seeds' sets), values are in the vocabulary of /work/shared/gold/README.md, dates are
    dates, subjects are strings (so "yes"/"no" stay quoted), every election date is a Kazakh
    national vote and a document's election kind matches it;
  - the title and byline occur in the text (for the JSON row: equal hdl.display and
    credits.writers[0].byline), every credited agency is named in it (AP also as
    "Associated Press");
  - manifest_r.csv has exactly the six non-JSONL files, the columns file,outlet,url,published,
    notes, and ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and OK; exit 0 on success.
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
    "r01_foxnews_2022.html": "html-utf8",
    "r02_politico_2019.txt": "utf8-bom-crlf",
    "r03_huffpost_2011.txt": "utf16-crlf",
    "r04_newyorker_2016.html": "html-utf8",
    "r05_miamiherald_2005.txt": "cp1252-crlf",
    "r06_abcnews_2022.html": "html-ascii",
    "feed_r.jsonl:1": "jsonl",
}
JSONL_KEYS = {"asset_id", "site", "hdl", "key_points", "credits", "times", "body", "img", "tickers"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Reuters": ("Reuters",)}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

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

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


INLINE = r"a|b|i|em|strong|span|time"


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?is)</?(?:%s)\b[^>]*>" % INLINE, "", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def feed_text(row):
    parts = [row["hdl"]["display"]] + list(row["key_points"]) + [b["v"] for b in row["body"]]
    return "\n\n".join(parts)


def load(name, kind):
    """Return (decoded text to search, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (not ASCII-escaped) JSON")
        rows = [r for r in raw.decode("utf-8").split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        if not all(isinstance(b.get("v"), str) and isinstance(b.get("t"), str) for b in row["body"]):
            err(f"{fname}: every body block needs string t and v")
        return feed_text(row), row["hdl"]["display"], row["credits"]["writers"][0]["byline"]
    raw = (ART / name).read_bytes()
    if kind.startswith("html"):
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
            err(f"{name}: BOM or CR in an HTML file")
        if kind == "html-ascii" and not raw.isascii():
            err(f"{name}: expected a pure-ASCII HTML file")
        if kind == "html-utf8" and raw.isascii() and name.startswith("r01"):
            err(f"{name}: expected some raw UTF-8 characters")
        return visible_text(raw.decode("utf-8")), None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
    elif kind == "utf16-crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = raw.decode("utf-16", errors="replace")
    elif kind == "cp1252-crlf":
        try:
            raw.decode("utf-8")
            err(f"{name}: decodes as UTF-8, expected Windows-1252")
        except UnicodeDecodeError:
            pass
        text = raw.decode("cp1252", errors="replace")
    else:
        raise ValueError(kind)
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
        err(f"{name}: expected CRLF line endings throughout")
    return text.replace("\r\n", "\n"), None, None


def word_values(phrase):
    """Values of every run of English number words in the phrase ("eighty-four",
    "three hundred", "a thousand", "two dozen", "seven-per-cent" -> 7)."""
    toks = re.findall(r"[a-z]+", phrase.lower())
    out = set()
    for i in range(len(toks)):
        total, cur, j = 0, None, i
        while j < len(toks):
            tok = toks[j]
            if tok == "a" and cur is None and j + 1 < len(toks) and toks[j + 1] in ("hundred", "thousand", "dozen"):
                cur = 1
            elif tok == "both" and cur is None:
                cur = 2
            elif tok in UNITS and cur is None:
                cur = UNITS[tok]
            elif tok in UNITS and cur is not None and cur % 100 in TENS.values() and 0 < UNITS[tok] < 10:
                cur += UNITS[tok]
            elif tok in TENS and (cur is None or (cur >= 100 and cur % 100 == 0)):
                cur = (cur or 0) + TENS[tok]
            elif tok in UNITS and cur is not None and cur >= 100 and cur % 100 == 0:
                cur += UNITS[tok]
            elif tok == "hundred" and cur:
                cur *= 100
            elif tok == "thousand" and cur:
                total, cur = total + cur * 1000, 0
            elif tok == "dozen" and cur:
                cur *= 12
            elif tok == "and" and cur:
                j += 1
                continue
            else:
                break
            out.add(total + (cur or 0))
            j += 1
    return out


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
    return n in word_values(p)


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_date(value, what):
    if value is not None and not is_date(value):
        err(f"{what}: date {value!r} is not YYYY-MM-DD")


def check_manifest():
    path = HERE / "manifest_r.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_r.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_r.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_r.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_r.yaml").read_text(encoding="utf-8"))
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
                and norm(d["byline"]).lower() not in ntext.lower()):
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
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an integer")
            if t["location"] is not None and not (isinstance(t["location"], list)
                                                  and all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
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
    print("OK: every string found, every value visible and in the vocabulary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
