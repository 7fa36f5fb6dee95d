#!/usr/bin/env python3
"""Check gold_s.yaml of blind held-out set 53, part S, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the byte layout README_s.md claims:
  s01, s03   HTML, UTF-8, LF, no BOM (s01 happens to be pure ASCII)
  s02        plain text, Windows-1252 (must NOT decode as UTF-8), CRLF on every line
  s04        CSV, UTF-8 with BOM, CRLF on every line; header on line 1, the one record starts
             on line 2 (addressed s04_laht_2011.csv:2); text = the record's cells joined by "\n"
  s05        plain text, UTF-16LE with BOM, CRLF on every line
  s06        HTML, ISO-8859-1 (must NOT decode as UTF-8), CRLF on every line
  feed_s.jsonl  one JSON row, LF, written WITH ASCII escaping (\\uXXXX, the file is pure ASCII);
             text = headline, editor_note, then every element of body in order, joined by
             blank lines; title = headline without the slug; byline from the "Compiled by" line.
HTML visible text: <head>, <script>, <style> dropped, every tag replaced by a line break,
entities decoded. Both sides are normalised: NFKC, curly quotes straightened, no-break space to
space, CRLF to LF. Then it asserts that
  - the title, every boilerplate entry and every body_must_keep sentence occurs in the text;
  - every tally/result phrase occurs exactly once, and phrases are distinct within a document;
  - number / value / of are visible in the phrase (digits with or without separators, a
    number word, or "N million");
  - vague tallies have vague_word in lower case inside the phrase and number null;
  - keys and values are in the vocabulary of /work/shared/gold/README.md, with the fields of
    seeds.yaml; dates are dates; every election date is a Kazakh national vote and a document's
    election has the right kind;
  - the byline occurs in the text, the credited wires are named in the text;
  - manifest_s.csv has columns file,outlet,url,published,notes and the six non-JSONL files.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK"; exit 0 then.
`--selftest` also runs the check on deliberately broken in-memory copies of the gold and
asserts that each is rejected.
"""
import copy
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
    "s01_marketscreener_2019.html": "html_utf8",
    "s02_arkansasonline_2022.txt": "cp1252_crlf",
    "s03_barrons_2023.html": "html_utf8",
    "s04_laht_2011.csv:2": "csv_utf8bom_crlf",
    "s05_chinaorgcn_2015.txt": "utf16_crlf",
    "s06_monstersandcritics_2012.html": "html_latin1_crlf",
    "feed_s.jsonl:1": "jsonl",
}
CSV_HEADER = ["story_id", "section", "headline", "dateline", "pubdate", "author", "credit",
              "body", "photo_caption", "keywords", "url"]
JSONL_KEYS = {"doc_id", "source", "provider", "headline", "editor_note", "body", "url",
              "published_at", "updated_at", "tags", "lang", "fetched_at"}
WIRE_NAMES = {"AP": ("Associated Press", "(AP"), "AFP": ("AFP",), "Reuters": ("Reuters",),
              "EFE": ("EFE",), "Xinhua": ("Xinhua",), "dpa": ("dpa",), "Kyodo": ("Kyodo",),
              "Anadolu": ("Anadolu",)}
COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
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
    dt.date(1991, 12, 1): "presidential", dt.date(1994, 3, 7): "parliamentary",
    dt.date(1995, 4, 29): "referendum", dt.date(1995, 8, 30): "referendum",
    dt.date(1995, 12, 9): "parliamentary", dt.date(1999, 1, 10): "presidential",
    dt.date(1999, 10, 10): "parliamentary", dt.date(2004, 9, 19): "parliamentary",
    dt.date(2005, 12, 4): "presidential", dt.date(2007, 8, 18): "parliamentary",
    dt.date(2011, 4, 3): "presidential", dt.date(2012, 1, 15): "parliamentary",
    dt.date(2015, 4, 26): "presidential", dt.date(2016, 3, 20): "parliamentary",
    dt.date(2019, 6, 9): "presidential", dt.date(2021, 1, 10): "parliamentary",
    dt.date(2022, 6, 5): "referendum", dt.date(2022, 11, 20): "presidential",
    dt.date(2023, 3, 19): "parliamentary", dt.date(2024, 10, 6): "referendum",
}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "a hundred": 100}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s.replace("\r\n", "\n")


def visible_text(raw_html):
    t = re.sub(r"(?is)<head\b.*?</head>", " ", raw_html)
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, msg):
        self.errors.append(msg)

    def crlf_throughout(self, text, name):
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
            self.err(f"{name}: expected CRLF line endings throughout")

    def lf_only(self, raw, name):
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err(f"{name}: unexpected UTF-8 BOM")
        if b"\r" in raw:
            self.err(f"{name}: unexpected CR")

    def not_utf8(self, raw, name):
        try:
            raw.decode("utf-8")
            self.err(f"{name}: decodes as UTF-8, expected a single-byte encoding")
        except UnicodeDecodeError:
            pass

    def load(self, name, kind):
        """Return (text to search, byline-bearing text)."""
        if kind == "jsonl":
            fname, line_no = name.rsplit(":", 1)
            raw = (ART / fname).read_bytes()
            self.lf_only(raw, fname)
            if not raw.isascii() or b"\\u" not in raw:
                self.err(f"{fname}: expected a pure-ASCII row with \\u escapes")
            rows = [r for r in raw.decode("ascii").split("\n") if r.strip()]
            if len(rows) != 1 or line_no != "1":
                self.err(f"{fname}: expected exactly one row addressed :1")
            row = json.loads(rows[0])
            if set(row) != JSONL_KEYS:
                self.err(f"{fname}: keys {sorted(row)} != {sorted(JSONL_KEYS)}")
            if not (isinstance(row["body"], list) and all(isinstance(p, str) for p in row["body"])):
                self.err(f"{fname}: body must be a list of strings")
            return "\n\n".join([row["headline"], row["editor_note"]] + row["body"])
        fname = name.split(":")[0]
        raw = (ART / fname).read_bytes()
        if kind == "html_utf8":
            self.lf_only(raw, fname)
            return visible_text(raw.decode("utf-8"))
        if kind == "cp1252_crlf":
            self.not_utf8(raw, fname)
            text = raw.decode("cp1252")
            self.crlf_throughout(text, fname)
            return text
        if kind == "html_latin1_crlf":
            self.not_utf8(raw, fname)
            text = raw.decode("latin-1")
            if 'charset=iso-8859-1' not in text:
                self.err(f"{fname}: meta charset iso-8859-1 missing")
            self.crlf_throughout(text, fname)
            return visible_text(text.replace("\r\n", "\n"))
        if kind == "utf16_crlf":
            if not raw.startswith(b"\xff\xfe"):
                self.err(f"{fname}: expected a UTF-16LE BOM")
            text = raw[2:].decode("utf-16-le")
            self.crlf_throughout(text, fname)
            return text
        if kind == "csv_utf8bom_crlf":
            if not raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{fname}: expected a UTF-8 BOM")
            text = raw.decode("utf-8-sig")
            self.crlf_throughout(text, fname)
            lines = text.split("\r\n")
            if lines[0].split(",") != CSV_HEADER:
                self.err(f"{fname}: header line 1 is {lines[0]!r}")
            if not lines[1].startswith("LAHT-"):
                self.err(f"{fname}: the record must start on line 2")
            rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n"))))
            if len(rows) != 2 or rows[0] != CSV_HEADER or len(rows[1]) != len(CSV_HEADER):
                self.err(f"{fname}: expected header + one record of {len(CSV_HEADER)} cells")
            return "\n".join(rows[1])
        raise ValueError(kind)

    def number_visible(self, n, phrase):
        p = phrase.lower()
        if n is None:
            return True
        if isinstance(n, float) and not n.is_integer():
            s = repr(n)
            return re.search(r"(?<![\d.])" + re.escape(s) + r"0*(?![1-9])", p.replace(",", "")) is not None
        n = int(n)
        if n >= 1_000_000 and n % 100_000 == 0:
            m = n / 1_000_000
            ms = str(int(m)) if m.is_integer() else repr(m)
            if re.search(r"(?<![\d.])" + re.escape(ms) + r" million", p):
                return True
        for f in {str(n), f"{n:,}"}:
            if re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p):
                return True
        return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())

    def check_date(self, value, what):
        if value is not None and not (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            self.err(f"{what}: date {value!r} is not YYYY-MM-DD")

    def check_election_ref(self, value, what):
        self.check_date(value, what)
        if isinstance(value, dt.date) and value not in ELECTIONS:
            self.err(f"{what}: {value} is not a Kazakh national vote")

    def check_manifest(self):
        with (HERE / "manifest_s.csv").open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
                self.err(f"manifest_s.csv: columns {reader.fieldnames}")
            rows = list(reader)
        want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl")
        if sorted(r["file"] for r in rows) != want:
            self.err(f"manifest_s.csv: files {sorted(r['file'] for r in rows)} != {want}")
        for r in rows:
            if r["published"]:
                try:
                    dt.date.fromisoformat(r["published"])
                except ValueError:
                    self.err(f"manifest_s.csv: published {r['published']!r} for {r['file']}")

    def run(self, gold, texts):
        counts = [0, 0, 0, 0]
        seen = [d.get("doc") for d in gold]
        if sorted(map(str, seen)) != sorted(DOCS):
            self.err(f"documents {seen} != {sorted(DOCS)}")
        for d in gold:
            name = d.get("doc")
            if set(d) != DOC_KEYS:
                self.err(f"{name}: keys differ from seeds: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
            if name not in texts:
                continue
            text = norm(texts[name])
            has = lambda s: norm(s) in text
            if not isinstance(d.get("title"), str) or not has(d["title"]):
                self.err(f"{name}: title not in text")
            if d.get("byline") is not None and not has(d["byline"]):
                self.err(f"{name}: byline {d['byline']!r} not in text")
            for w in d.get("wire") or []:
                if w not in WIRE_NAMES:
                    self.err(f"{name}: unknown wire {w!r}")
                elif not any(norm(v) in text for v in WIRE_NAMES[w]):
                    self.err(f"{name}: wire {w} not named in text")
            self.check_date(d.get("published"), f"{name}.published")
            if not isinstance(d.get("published_tolerance_days"), int):
                self.err(f"{name}: published_tolerance_days must be an int")
            el = d.get("election")
            if el is not None:
                if set(el) != {"date", "kind"} or el.get("kind") not in KINDS:
                    self.err(f"{name}: election {el!r}")
                else:
                    self.check_election_ref(el["date"], f"{name}.election")
                    if ELECTIONS.get(el["date"]) not in (None, el["kind"]):
                        self.err(f"{name}: election {el['date']} is {ELECTIONS[el['date']]}, not {el['kind']}")
            for field in ("boilerplate", "body_must_keep"):
                for s in d.get(field) or []:
                    if not has(s):
                        self.err(f"{name}: {field} entry not in text: {s[:70]!r}")
            phrases = []
            for t in d.get("tallies") or []:
                counts[0] += 1
                counts[1] += bool(t.get("optional"))
                ph = t.get("phrase", "")
                phrases.append(ph)
                if not set(t) <= TALLY_KEYS or not TALLY_REQUIRED <= set(t):
                    self.err(f"{name}: tally keys {sorted(t)} for {ph[:40]!r}")
                if t.get("counted") not in COUNTED:
                    self.err(f"{name}: counted {t.get('counted')!r} for {ph[:40]!r}")
                if t.get("qualifier") not in QUALIFIER:
                    self.err(f"{name}: qualifier {t.get('qualifier')!r} for {ph[:40]!r}")
                if not self.number_visible(t.get("number"), norm(ph)):
                    self.err(f"{name}: number {t.get('number')} not visible in {ph[:50]!r}")
                vw = t.get("vague_word")
                if t.get("qualifier") == "vague":
                    if t.get("number") is not None:
                        self.err(f"{name}: vague tally with a number: {ph[:40]!r}")
                    if not vw or vw != vw.lower() or vw not in norm(ph).lower():
                        self.err(f"{name}: vague_word {vw!r} not lower case inside {ph[:40]!r}")
                elif vw is not None and (vw != vw.lower() or vw not in norm(ph).lower()):
                    self.err(f"{name}: vague_word {vw!r} not lower case inside {ph[:40]!r}")
                loc = t.get("location")
                if loc is not None and not (isinstance(loc, list) and all(isinstance(x, str) for x in loc)):
                    self.err(f"{name}: location {loc!r}")
                self.check_date(t.get("date"), f"{name}: tally date")
                if "optional" in t and t["optional"] is not True:
                    self.err(f"{name}: optional must be true or absent")
            for r in d.get("results") or []:
                counts[2] += 1
                counts[3] += bool(r.get("optional"))
                ph = r.get("phrase", "")
                phrases.append(ph)
                if not set(r) <= RESULT_KEYS or not RESULT_REQUIRED <= set(r):
                    self.err(f"{name}: result keys {sorted(r)} for {ph[:40]!r}")
                if not isinstance(r.get("subject"), str):
                    self.err(f"{name}: subject {r.get('subject')!r} is not a string")
                if r.get("measure") not in MEASURE:
                    self.err(f"{name}: measure {r.get('measure')!r}")
                if r.get("qualifier") not in QUALIFIER:
                    self.err(f"{name}: qualifier {r.get('qualifier')!r} for {ph[:40]!r}")
                if r.get("measure") == "turnout" and r.get("subject") != "turnout":
                    self.err(f"{name}: turnout result with subject {r.get('subject')!r}")
                if r.get("measure") == "threshold" and r.get("subject") != "threshold":
                    self.err(f"{name}: threshold result with subject {r.get('subject')!r}")
                for k in ("value", "of"):
                    if not self.number_visible(r.get(k), norm(ph)):
                        self.err(f"{name}: {k} {r.get(k)} not visible in {ph[:50]!r}")
                self.check_election_ref(r.get("election"), f"{name}: result election")
                if "optional" in r and r["optional"] is not True:
                    self.err(f"{name}: optional must be true or absent")
            if len(set(phrases)) != len(phrases):
                self.err(f"{name}: duplicate phrases")
            for ph in phrases:
                n = text.count(norm(ph))
                if n != 1:
                    self.err(f"{name}: phrase occurs {n} times: {ph[:70]!r}")
        return counts


def load_texts(ch):
    return {name: ch.load(name, kind) for name, kind in DOCS.items()}


def selftest(gold, texts):
    """Broken copies, each of which must be rejected with the expected message."""
    cases = []
    g = copy.deepcopy(gold); g[0]["tallies"][3]["number"] = 600
    cases.append(("wrong number", g, "number 600 not visible"))
    g = copy.deepcopy(gold); g[1]["tallies"][0]["counted"] = "dead"
    cases.append(("unknown counted", g, "counted 'dead'"))
    g = copy.deepcopy(gold); g[2]["results"][0]["phrase"] = "percent"
    cases.append(("non-unique phrase", g, "phrase occurs"))
    g = copy.deepcopy(gold); g[3]["election"]["date"] = dt.date(2011, 4, 4)
    cases.append(("wrong election date", g, "not a Kazakh national vote"))
    g = copy.deepcopy(gold); g[4]["boilerplate"].append("Subscribe to Xinhua Daily")
    cases.append(("boilerplate not in text", g, "boilerplate entry not in text"))
    g = copy.deepcopy(gold); g[5]["tallies"][0]["vague_word"] = "Dozens"
    cases.append(("upper-case vague word", g, "vague_word 'Dozens'"))
    g = copy.deepcopy(gold); g[6]["election"]["kind"] = "parliamentary"
    cases.append(("wrong election kind", g, "is presidential, not parliamentary"))
    g = copy.deepcopy(gold); g[6]["results"][1]["value"] = 81.3
    cases.append(("wrong value", g, "value 81.3 not visible"))
    g = copy.deepcopy(gold); del g[0]["byline"]
    cases.append(("missing field", g, "keys differ from seeds"))
    ok = True
    for label, g, expect in cases:
        ch = Checker()
        ch.run(g, texts)
        hit = [e for e in ch.errors if expect in e]
        print(f"selftest {label}: {'rejected' if hit else 'NOT rejected'} ({len(ch.errors)} error(s); {hit[:1]})")
        ok &= bool(hit)
    # a corrupted byte layout: s02 re-encoded as UTF-8 with LF must be rejected
    ch = Checker()
    raw = (ART / "s02_arkansasonline_2022.txt").read_bytes().decode("cp1252").replace("\r\n", "\n").encode("utf-8")
    ch.not_utf8(raw, "s02 (UTF-8 copy)"); ch.crlf_throughout(raw.decode("utf-8"), "s02 (UTF-8 copy)")
    print(f"selftest s02 re-encoded as UTF-8/LF: {'rejected' if len(ch.errors) == 2 else 'NOT rejected'} ({ch.errors})")
    ok &= len(ch.errors) == 2
    return ok


def main():
    ch = Checker()
    gold = yaml.safe_load((HERE / "gold_s.yaml").read_text(encoding="utf-8"))
    texts = load_texts(ch)
    t, to, r, ro = ch.run(gold, texts)
    ch.check_manifest()
    for e in ch.errors:
        print("ERROR:", e)
    print(f"{len(gold)} documents, {t} tallies ({to} optional), {r} results ({ro} optional)")
    ok = not ch.errors
    if "--selftest" in sys.argv:
        ok &= selftest(gold, texts)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
