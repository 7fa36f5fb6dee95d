#!/usr/bin/env python3
"""Check gold_g.yaml of blind held-out set 34, part A (prefix g), against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the encoding is what it claims to be:
  g01, g06   HTML, UTF-8, LF, no BOM;
  g02        UTF-16LE with BOM (FF FE), CRLF on every line;
  g03        ISO-8859-1, LF, not valid UTF-8, no C1 control bytes (so not Windows-1252 text);
  g04        UTF-8 with BOM (EF BB BF), LF;
  g05        Windows-1250, CRLF on every line, not valid UTF-8 and not the same text in cp1252;
  feed_g.jsonl  one JSON row, raw UTF-8 (not ASCII-escaped), no BOM/CR, exactly the top-level keys
             below; its text is kopf.zeile, kopf.unterzeile and the "inhalt" of each element of
             "bloecke" in ascending "nr" (the stored order is deliberately different), joined by
             blank lines; title = kopf.zeile, byline = autorenschaft[0].anzeige.
Text and annotations are normalised the same way (NFKC, curly quotes to straight, no-break and
narrow no-break spaces to spaces). Then it asserts that
  - every phrase, boilerplate entry and body_must_keep sentence occurs in the decoded text (for
    HTML: in the raw markup with no entity or tag inside the string, and in the tag-stripped,
    entity-decoded visible text);
  - every tally and result phrase occurs exactly once (for HTML: once in the visible text of
    <body>, since <title>/meta repeat the headline), and phrases are distinct within a document;
  - the stated number, value or `of` is visible in its phrase (digits, thousands separators,
    "N million", or a number word: "one", "two", "five", "seven", "eight", "six", "both",
    "a dozen", "two dozen");
  - vague_word is lower case and inside its phrase; vague tallies have no number; other
    qualifiers (except unspecified) have one;
  - keys and values are in the vocabulary of /work/shared/gold/README.md and the fields of
    seeds.yaml, dates are dates, subjects are strings ("yes"/"no" quoted), turnout results have
    subject "turnout", election dates are dates of Kazakh national votes, and a document's
    election matches the vote's kind;
  - titles and bylines occur in the text (for the JSON row: equal kopf.zeile and
    autorenschaft[0].anzeige), every credited agency is named in it, the outlet is a
    non-empty string;
  - manifest_g.csv has exactly the six non-JSONL files, columns file,outlet,url,published,notes,
    and ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK", exit status 0,
when every check passes.
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
GOLD = HERE / "gold_g.yaml"
MANIFEST = HERE / "manifest_g.csv"

DOCS = {
    "g01_nltimes_2022.html": "html",
    "g02_dutchnews_2011.txt": "utf16",
    "g03_icelandreview_2016.txt": "latin1",
    "g04_kafkadesk_2022.txt": "utf8bom",
    "g05_expatscz_2024.txt": "cp1250",
    "g06_dailynewshungary_2022.html": "html",
    "feed_g.jsonl:1": "jsonl",
}
JSONL_KEYS = {"kennung", "rubrik", "kopf", "autorenschaft", "zeit", "bloecke", "medien", "quelle"}
BLOCK_KINDS = {"absatz", "zwischentitel", "bildtext", "anzeige", "teilen", "abbinder", "hinweis"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "ANP", "MTI", "ČTK", "APA", "dpa", "TASS", "Xinhua"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "ČTK": ("ČTK", "CTK", "Czech News Agency")}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2, "a dozen": 12,
         "two dozen": 24}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201c", '"'),
                 ("\u201d", '"'), ("\u201e", '"'), ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html, body_only=False):
    """Tag-stripped, entity-decoded text of an HTML page (script and style dropped)."""
    t = raw_html
    if body_only:
        m = re.search(r"(?is)<body\b.*?</body>", t)
        t = m.group(0) if m else t
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def check_crlf(name, text):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
        err(f"{name}: expected CRLF line endings throughout")


def not_utf8(name, raw):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy single-byte code page")
    except UnicodeDecodeError:
        pass


def load(name, kind):
    """Return (text, visible text or None, body-visible text or None, title field, byline field)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        if text.startswith("\ufeff") or "\r" in text:
            err(f"{fname}: BOM or CR")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (not ASCII-escaped) JSON")
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        blocks = row["bloecke"]
        nrs = [b["nr"] for b in blocks]
        if sorted(nrs) != list(range(1, len(nrs) + 1)):
            err(f"{fname}: block numbers are not 1..{len(nrs)}")
        if nrs == sorted(nrs):
            err(f"{fname}: blocks are stored in nr order; the set expects a shuffled order")
        for b in blocks:
            if set(b) != {"nr", "art", "inhalt"} or b["art"] not in BLOCK_KINDS \
                    or not isinstance(b["inhalt"], str):
                err(f"{fname}: bad block {b!r}")
        parts = [row["kopf"]["zeile"], row["kopf"]["unterzeile"]]
        parts += [b["inhalt"] for b in sorted(blocks, key=lambda b: b["nr"])]
        return ("\n\n".join(parts), None, None, row["kopf"]["zeile"],
                row["autorenschaft"][0]["anzeige"])
    raw = (ART / name).read_bytes()
    if kind == "html":
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: BOM in an HTML file")
        text = raw.decode("utf-8")
        if "\r" in text:
            err(f"{name}: CR in an HTML file")
        return text, visible_text(text), visible_text(text, body_only=True), None, None
    if kind == "utf16":
        if not raw.startswith(b"\xff\xfe"):
            err(f"{name}: expected a UTF-16LE byte-order mark")
        text = raw.decode("utf-16")
        check_crlf(name, text)
        return text.replace("\r\n", "\n"), None, None, None, None
    if kind == "latin1":
        not_utf8(name, raw)
        if any(0x80 <= c <= 0x9F for c in raw):
            err(f"{name}: C1 bytes present, this is not ISO-8859-1 text")
        text = raw.decode("latin-1")
        if "\r" in text:
            err(f"{name}: CR in an LF file")
        return text, None, None, None, None
    if kind == "utf8bom":
        if not raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: expected a UTF-8 byte-order mark")
        text = raw.decode("utf-8-sig")
        if "\r" in text:
            err(f"{name}: CR in an LF file")
        return text, None, None, None, None
    if kind == "cp1250":
        not_utf8(name, raw)
        text = raw.decode("cp1250")
        try:
            if raw.decode("cp1252") == text:
                err(f"{name}: reads the same in cp1252; expected Central European characters")
        except UnicodeDecodeError:
            pass
        check_crlf(name, text)
        return text.replace("\r\n", "\n"), None, None, None, None
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
            err(f"{MANIFEST.name}: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"{MANIFEST.name}: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"{MANIFEST.name}: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    seen = [d["doc"] for d in gold]
    if sorted(seen) != sorted(DOCS) or len(seen) != len(set(seen)):
        err(f"documents {seen} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d["doc"]
        if set(d) != DOC_KEYS:
            err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
                f"unknown {set(d) - DOC_KEYS}")
            continue
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, extra, body, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        nextra = norm(extra) if extra is not None else None
        nbody = norm(body) if body is not None else None
        title = norm(d["title"])
        if title not in ntext or (nextra is not None and title not in nextra):
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
            if not any(n in ntext for n in WIRE_NAMES.get(w, (w,))):
                err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            err(f"{name}: published_tolerance_days not an int")
        e = d["election"]
        if e is not None:
            check_date(e["date"], f"{name} election")
            if e["kind"] not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
                err(f"{name}: election {e} is not a known Kazakh vote of that kind")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if kind == "html" and ("&" in ns or "<" in ns or ">" in ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found: {s!r}")
                continue
            if nextra is not None and ns not in nextra:
                err(f"{name}: {what} not in the visible text: {s!r}")
            if what in ("tally", "result"):
                where = nbody if nbody is not None else ntext
                if where.count(ns) != 1:
                    err(f"{name}: {what} occurs {where.count(ns)} times: {s!r}")
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
            if t["location"] is not None and not (isinstance(t["location"], list) and
                                                  all(isinstance(x, str) for x in t["location"])):
                err(f"{w}: location must be a list of names")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                err(f"{w}: multiplier must be an int")
            if "optional" in t and t["optional"] is not True:
                err(f"{w}: optional must be true or absent")
            if t["source_attributed"] is not None and not isinstance(t["source_attributed"], str):
                err(f"{w}: source_attributed must be a string or null")
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
            if not number_visible(r["value"], norm(r["phrase"])):
                err(f"{w}: value {r['value']} not visible")
            if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
                err(f"{w}: of {r['of']} not visible")
            if not isinstance(r["subject"], str):
                err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                err(f"{w}: a turnout's subject is 'turnout'")
            if r["measure"] == "vote_share" and not 0 < float(r["value"]) <= 100:
                err(f"{w}: vote share out of range")
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
