#!/usr/bin/env python3
"""Check gold_y.yaml of blind held-out set 30, part B, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and the encoding itself is asserted:
  y01 HTML, UTF-8, no BOM, LF          y02 text, UTF-8, no BOM, LF
  y03 text, Windows-1250, CRLF          (must not decode as UTF-8; Romanian ţ/ă/ş must survive)
  y04 HTML, UTF-8 with BOM, LF          y05 text, UTF-16LE with BOM, CRLF throughout
  y06 HTML, ISO-8859-1, LF              (must not decode as UTF-8; charset declared in a meta tag)
  feed_y.jsonl: one UTF-8 JSON row, written without ASCII escaping (raw non-ASCII present), with the
  top-level keys listed in JSONL_KEYS; its text is naslov + najava + every teloto[].tekst in order,
  joined by blank lines; title = naslov, byline = avtor.
Text and annotations are normalised (NFKC, curly quotes to straight, no-break space to space). Checks:
  - every tally/result phrase and body_must_keep sentence is a substring of the document; for HTML both of
    the raw markup (so no entity or tag inside it) and of the tag-stripped, entity-decoded text;
    boilerplate strings must be in the decoded text (HTML: the visible text, entities decoded);
  - every tally/result phrase occurs exactly once; phrases are distinct within a document;
  - the stated number, value and `of` are visible in the phrase (digits, thousands separators,
    "N million" / "N.NN million", number words such as "Nineteen", "Six", "Both", "a dozen",
    "three quarters");
  - vague tallies carry their lower-case vague_word inside the phrase, and no number;
  - keys and values are in the vocabulary of /work/shared/gold/README.md; dates are dates; subjects are
    strings ("yes"/"no" quoted); every result's election is a known Kazakh vote; a document's election
    {date, kind} is a known vote of that kind; a turnout's subject is "turnout";
  - title and byline occur in the text (for the JSON row: equal naslov / avtor); each credited wire is
    named in the text; the 14 document fields are exactly those of seeds.yaml;
  - manifest_y.csv has the six non-JSONL files, columns file,outlet,url,published,notes, ISO dates.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when everything passes;
exit status 0 then, 1 otherwise.
"""
import codecs
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
    "y01_belsat_2022.html": "html-utf8",
    "y02_maltatoday_2019.txt": "utf8",
    "y03_ipn_2016.txt": "cp1250-crlf",
    "y04_sloveniatimes_2023.html": "html-utf8-bom",
    "y05_sofiaecho_2005.txt": "utf16-bom-crlf",
    "y06_luxtimes_2024.html": "html-latin1",
    "feed_y.jsonl:1": "jsonl",
}
JSONL_KEYS = {"mia_ref", "rubrika", "naslov", "najava", "avtor", "objaveno", "azurirano", "teloto",
              "foto", "oznaki", "preuzemeno_ms"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "STA": ("STA", "Slovenian Press Agency"), "Interfax": ("Interfax",)}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "STA", "BTA",
         "MIA", "Kazinform"}
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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
         "twenty": 20, "thirty": 30, "both": 2, "a dozen": 12, "three quarters": 75}

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


def no_cr_no_bom(name, text):
    if text.startswith("\ufeff") or "\r" in text:
        err(f"{name}: unexpected BOM or CR")


def crlf_only(name, text):
    if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
        err(f"{name}: expected CRLF line endings throughout")


def must_not_be_utf8(name, raw):
    try:
        raw.decode("utf-8")
        err(f"{name}: decodes as UTF-8, expected a legacy code page")
    except UnicodeDecodeError:
        pass


def load(name, kind):
    """Return (raw text, visible text or None, title field or None, byline field or None)."""
    if kind == "jsonl":
        fname, line_no = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        text = raw.decode("utf-8")
        no_cr_no_bom(fname, text)
        rows = [r for r in text.split("\n") if r.strip()]
        if len(rows) != 1 or line_no != "1":
            err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
        if raw.isascii():
            err(f"{fname}: expected raw UTF-8 (written without ASCII escaping)")
        row = json.loads(rows[int(line_no) - 1])
        if set(row) != JSONL_KEYS:
            err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
        body = row["teloto"]
        if not isinstance(body, list) or any(set(b) != {"vid", "tekst"} for b in body):
            err(f"{fname}: teloto must be a list of {{vid, tekst}} objects")
        parts = [row["naslov"], row["najava"]] + [b["tekst"] for b in body]
        return "\n\n".join(parts), None, row["naslov"], row["avtor"]
    raw = (ART / name).read_bytes()
    if kind == "html-utf8":
        text = raw.decode("utf-8")
        no_cr_no_bom(name, text)
        return text, visible_text(text), None, None
    if kind == "html-utf8-bom":
        if not raw.startswith(codecs.BOM_UTF8):
            err(f"{name}: expected a UTF-8 BOM")
        text = raw.decode("utf-8-sig")
        if "\r" in text:
            err(f"{name}: unexpected CR")
        return text, visible_text(text), None, None
    if kind == "html-latin1":
        must_not_be_utf8(name, raw)
        text = raw.decode("iso-8859-1")
        no_cr_no_bom(name, text)
        if not re.search(r'charset=iso-8859-1', text, re.I):
            err(f"{name}: charset iso-8859-1 not declared")
        return text, visible_text(text), None, None
    if kind == "utf8":
        text = raw.decode("utf-8")
        no_cr_no_bom(name, text)
        return text, None, None, None
    if kind == "cp1250-crlf":
        must_not_be_utf8(name, raw)
        text = raw.decode("cp1250", errors="replace")
        crlf_only(name, text)
        if "ţ" not in text or "ă" not in text or "ş" not in text:
            err(f"{name}: Romanian letters lost; is it really Windows-1250?")
        return text.replace("\r\n", "\n"), None, None, None
    if kind == "utf16-bom-crlf":
        if not raw.startswith(codecs.BOM_UTF16_LE):
            err(f"{name}: expected a UTF-16LE BOM")
        text = raw.decode("utf-16")
        crlf_only(name, text)
        return text.replace("\r\n", "\n"), None, None, None
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
    path = HERE / "manifest_y.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            err(f"manifest_y.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        err(f"manifest_y.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                err(f"manifest_y.csv: published {r['published']!r} for {r['file']}")


def main():
    gold = yaml.safe_load((HERE / "gold_y.yaml").read_text(encoding="utf-8"))
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
        text, extra, title_field, byline_field = load(name, kind)
        ntext = norm(text)
        nvis = norm(extra) if extra is not None else ntext
        title = norm(d["title"])
        if title not in nvis:
            err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            err(f"{name}: title is not the row's naslov")
        if byline_field is not None and d["byline"] != byline_field:
            err(f"{name}: byline is not the row's avtor")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            err(f"{name}: outlet missing")
        if (byline_field is None and d["byline"] is not None
                and norm(d["byline"]).lower() not in nvis.lower()):
            err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(x in nvis for x in WIRE_NAMES.get(w, (w,))):
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
        for s in d.get("boilerplate") or []:
            if norm(s) not in nvis:
                err(f"{name}: boilerplate not found: {s!r}")
        strict = ([("body_must_keep", s) for s in d.get("body_must_keep") or []]
                  + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                  + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strict:
            ns = norm(s)
            if extra is not None and ("&" in ns or "<" in ns or ">" in ns):
                err(f"{name}: {what} contains an entity or tag: {s!r}")
            if ns not in ntext:
                err(f"{name}: {what} not found verbatim: {s!r}")
            elif ns not in nvis:
                err(f"{name}: {what} not in the visible text: {s!r}")
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
