#!/usr/bin/env python3
"""Check gold_k.yaml of blind held-out set 36, part K, against its seven documents.

Standalone: standard library and PyYAML only; it never imports kzresearch.

Each document is decoded with its real encoding and line ends, which are themselves checked:
  k01, k06  HTML, UTF-8, LF, no BOM           k02  text, UTF-8 with BOM, CRLF throughout
  k03       text, Windows-1252 (not UTF-8)    k04  HTML, ISO-8859-1 declared in a meta tag (not UTF-8)
  k05       text, UTF-16 LE with BOM, CRLF    feed_k.jsonl  one UTF-8 JSON row, not ASCII-escaped
For HTML the text searched is the visible text: script/style/title dropped, inline tags removed, other
tags turned into line breaks, entities decoded. The JSON row's text is hdl, summary_line and the
"v" of every element of "blocks" in order, joined by blank lines. Text and annotations are
normalised alike (NFKC, curly quotes to straight, no-break and narrow spaces to spaces).

Asserted:
  - every title, boilerplate entry, body_must_keep sentence, tally and result phrase is in the text;
  - every tally/result phrase occurs exactly once and phrases are distinct within a document;
  - the number, value and `of` are visible in the phrase (digits, thousands separators,
    "N million", "Npc", or number words such as "two", "Three", "four", "All five", "a dozen",
    "two dozen", "seven", "both");
  - vague tallies carry their lower-case vague_word inside the phrase and no number; non-vague,
    non-unspecified tallies carry a number;
  - keys are exactly the seeds' fields; values are in the vocabulary of /work/shared/gold/README.md;
    dates are dates; election dates are Kazakh votes of the right kind; subjects are strings;
  - titles occur in the text (for the row: equal hdl), bylines occur in it (for the row: equal
    contributor.screen_name), credited agencies are named in it;
  - manifest_k.csv has the columns file,outlet,url,published,notes and exactly the six
    non-JSONL files, with ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit status 0 when
every check passes.
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
    "k01_ghanaweb_2016.html": "html-utf8",
    "k02_newsday_2011.txt": "utf8-bom-crlf",
    "k03_newvision_2005.txt": "cp1252",
    "k04_timesofzambia_2007.html": "html-latin1",
    "k05_pajhwok_2015.txt": "utf16-crlf",
    "k06_egyptianstreets_2022.html": "html-utf8",
    "feed_k.jsonl:1": "jsonl",
}
ROW_KEYS = {"entry_ref", "permalink", "hdl", "summary_line", "contributor", "posted_utc_ms",
            "indexed_at", "section_path", "blocks", "media", "kw"}

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
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election", "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

ELECTIONS = {  # Kazakh national votes (date -> kind)
    dt.date(1991, 12, 1): "presidential", dt.date(1995, 4, 29): "referendum",
    dt.date(1995, 8, 30): "referendum", dt.date(1999, 1, 10): "presidential",
    dt.date(1999, 10, 10): "parliamentary", dt.date(2004, 9, 19): "parliamentary",
    dt.date(2005, 12, 4): "presidential", dt.date(2007, 8, 18): "parliamentary",
    dt.date(2011, 4, 3): "presidential", dt.date(2012, 1, 15): "parliamentary",
    dt.date(2015, 4, 26): "presidential", dt.date(2016, 3, 20): "parliamentary",
    dt.date(2019, 6, 9): "presidential", dt.date(2021, 1, 10): "parliamentary",
    dt.date(2022, 6, 5): "referendum", dt.date(2022, 11, 20): "presidential",
    dt.date(2023, 3, 19): "parliamentary", dt.date(2024, 10, 6): "referendum",
}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12, "two dozen": 24}
INLINE = r"a|b|i|em|strong|span|font|time|abbr|small"

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw):
    t = re.sub(r"(?is)<(script|style|title)\b.*?</\1\s*>", "\n", raw)
    t = re.sub(r"(?is)<!--.*?-->", "", t)
    t = re.sub(r"(?is)</?(?:%s)\b[^>]*>" % INLINE, "", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def not_utf8(raw, name):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy code page")
    except UnicodeDecodeError:
        pass


def load(name, kind):
    """Return (text, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR in the JSON Lines file")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (ensure_ascii off), found an ASCII-escaped row")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != ROW_KEYS:
            err(f"{fname}: keys {sorted(row)} != {sorted(ROW_KEYS)}")
        if not all(isinstance(b, dict) and set(b) == {"t", "v"} and isinstance(b["v"], str)
                   for b in row["blocks"]):
            err(f"{fname}: every block must be an object {{t, v}} with a string v")
        parts = [row["hdl"], row["summary_line"]] + [b["v"] for b in row["blocks"]]
        return "\n\n".join(parts), row["hdl"], row["contributor"]["screen_name"]
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{name}: BOM or CR in a UTF-8 HTML file")
        return visible_text(text), None, None
    if kind == "html-latin1":
        not_utf8(raw, name)
        text = raw.decode("iso-8859-1")
        if not re.search(r'(?i)charset=iso-8859-1', text):
            err(f"{name}: no iso-8859-1 charset declaration")
        return visible_text(text), None, None
    if kind == "utf8-bom-crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line ends throughout")
        return text.replace("\r\n", "\n"), None, None
    if kind == "cp1252":
        not_utf8(raw, name)
        text = raw.decode("cp1252")
        if "\r" in text:
            err(f"{name}: expected LF line ends")
        return text, None, None
    if kind == "utf16-crlf":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16 LE BOM")
        text = raw.decode("utf-16")
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            err(f"{name}: expected CRLF line ends throughout")
        return text.replace("\r\n", "\n"), None, None
    raise ValueError(kind)


def number_visible(n, phrase):
    if n is None:
        return True
    p = phrase.lower()
    if isinstance(n, float) and not n.is_integer():
        return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?![\d])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(v == n and re.search(r"\b" + w + r"\b", p) for w, v in WORDS.items())


def is_date(v):
    return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


def check_manifest():
    path = HERE / "manifest_k.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_k.csv: columns {reader.fieldnames}")
        rows = list(reader)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if sorted(r["file"] for r in rows) != want:
        err(f"manifest_k.csv: files {sorted(r['file'] for r in rows)} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_k.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_k.yaml").read_text(encoding="utf-8"))
    names = [d["doc"] for d in gold]
    if sorted(names) != sorted(DOCS) or len(set(names)) != len(names):
        err(f"documents {names} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: missing {sorted(DOC_KEYS - set(d))}, unknown {sorted(set(d) - DOC_KEYS)}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        try:
            text, title_field, byline_field = load(name, kind)
        except (UnicodeError, ValueError, KeyError, TypeError) as exc:
            err(f"{name}: cannot be decoded as {kind}: {exc}")
            continue
        ntext = norm(text)
        if norm(d["title"]) not in ntext:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != norm(d["title"]):
            err(f"{name}: title is not the row's hdl")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not contributor.screen_name")
        if d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower() and byline_field is None:
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(re.search(r"\b" + re.escape(x) + r"\b", ntext) for x in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days is not an int")
        e = d["election"]
        if e is not None:
            if set(e) != {"date", "kind"} or e["kind"] not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d["boilerplate"] or []]
                   + [("body_must_keep", s) for s in d["body_must_keep"] or []]
                   + [("tally", t["phrase"]) for t in d["tallies"] or []]
                   + [("result", r["phrase"]) for r in d["results"] or []])
        for what, s in strings:
            ns = norm(s)
            c = ntext.count(ns)
            if c == 0:
                err(f"{name}: {what} not found: {s!r}")
            elif what in ("tally", "result") and c != 1:
                err(f"{name}: {what} occurs {c} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d["tallies"] or []) + (d["results"] or [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            err(f"{name}: duplicate phrases {dup}")
        for t in d["tallies"] or []:
            w = f"{name} tally {t['phrase']!r}"
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
                err(f"{w}: vague needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                err(f"{w}: qualifier {t['qualifier']} without a number")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            loc = t["location"]
            if loc is not None and not (isinstance(loc, list) and loc and all(isinstance(x, str) for x in loc)):
                err(f"{w}: location must be null or a list of names")
            if t["date"] is not None and not is_date(t["date"]):
                err(f"{w}: date {t['date']!r}")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            n_t += 1
            n_to += bool(t.get("optional"))
        for r in d["results"] or []:
            w = f"{name} result {r['phrase']!r}"
            if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                err(f"{w}: keys {sorted(r)}")
                continue
            if r["measure"] not in MEASURE:
                err(f"{w}: measure {r['measure']!r}")
            if r["qualifier"] not in QUALIFIER:
                err(f"{w}: qualifier {r['qualifier']!r}")
            if not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if "scope" in r and not isinstance(r["scope"], str):
                err(f"{w}: scope must be a name")
            if not is_date(r["election"]) or r["election"] not in ELECTIONS:
                err(f"{w}: election {r['election']!r} is not a Kazakh vote")
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
