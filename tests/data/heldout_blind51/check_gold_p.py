#!/usr/bin/env python3
"""Check gold_p.yaml of blind held-out set 51, part P, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the byte layout that README_p.md claims:
  p01  HTML, UTF-8 without BOM, LF only (all typography written as entities, so the bytes are ASCII)
  p02  HTML, UTF-8 WITH BOM (EF BB BF), CRLF on every line
  p03  plain text, Windows-1252, CRLF on every line; must NOT decode as UTF-8
  p04  CSV, UTF-8 without BOM; header on line 1, exactly one record starting on line 2 (addressed
       p04_postgazette_2016.csv:2); rows end in CRLF, the quoted body cell holds bare LF breaks
  p05  plain text, UTF-16 little-endian WITH BOM (FF FE), CRLF on every line
  p06  HTML, Windows-1251 (declared in a meta tag), CRLF on every line; must NOT decode as UTF-8
       and contains Cyrillic
  feed_p.jsonl  one JSON row, pure ASCII with \\uXXXX escapes (json ensure_ascii), LF;
       its text is `title`, `lead`, then the `text` of every element of `content` IN ARRAY ORDER,
       joined by blank lines (media captions, tags and other keys are not text);
       title = row["title"], byline = row["author"].
Visible text: HTML drops the whole <head> (title, metas, JSON-LD) and script/style, turns every
tag into a line break and decodes entities (html.unescape, so "&#151;" becomes an em dash); CSV text
is the cells of the record joined by line breaks; CRLF is read as LF. Both sides are normalised:
NFKC, curly quotes straightened, no-break space as space.
Then asserts that
  - title, every boilerplate entry and every body_must_keep sentence occur in the text; the byline
    occurs in the text (JSONL: equals row["author"]); every credited wire is named in the text;
  - every tally/result phrase occurs exactly once and phrases are distinct within a document;
  - number / value / of are visible in the phrase (digits with or without thousands separators,
    "12 million", or number words: one, three, ..., a dozen, a hundred);
  - keys and values follow /work/shared/gold/README.md and the field layout of seeds.yaml;
    vague tallies have a lower-case vague_word inside the phrase and no number; qualifiers other
    than vague/unspecified carry a number; turnout results have subject turnout;
  - every election date is a real Kazakh national vote, and a document's election has its kind;
  - manifest_p.csv has the columns file,outlet,url,published,notes and the six non-JSONL files.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when all pass
(exit 0), otherwise the problems (exit 1).  `--selftest` also feeds deliberately broken copies
of the gold (in memory) and asserts each is rejected.
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
    "p01_7news_2022.html": "html_utf8_lf",
    "p02_deccanchronicle_2019.html": "html_utf8bom_crlf",
    "p03_cityam_2012.txt": "txt_cp1252_crlf",
    "p04_postgazette_2016.csv:2": "csv",
    "p05_ksl_2021.txt": "txt_utf16le_crlf",
    "p06_mosnews_2006.html": "html_cp1251_crlf",
    "feed_p.jsonl:1": "jsonl",
}
CSV_HEADER = ["record_id", "source", "edition", "pub_date", "section", "page", "headline", "byline",
              "credit", "body", "photo_caption", "word_count", "keywords", "url", "retrieved_at"]
JSONL_KEYS = {"id", "source", "title", "lead", "author", "published_at", "updated_at", "agency",
              "content", "tags", "media", "fetched_at"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "PTI"}
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
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "a hundred": 100,
         "twenty": 20, "thirty": 30, "fifty": 50}
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"',
          "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u00a0": " ", "\u202f": " "}


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, msg):
        self.errors.append(msg)

    # ---------- decoding ----------
    @staticmethod
    def norm(s):
        s = unicodedata.normalize("NFKC", s)
        for a, b in QUOTES.items():
            s = s.replace(a, b)
        return s

    @staticmethod
    def visible_text(raw_html):
        t = re.sub(r"(?is)<head\b.*?</head>", " ", raw_html)
        t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
        t = re.sub(r"(?s)<!--.*?-->", " ", t)
        t = re.sub(r"(?s)<[^>]+>", "\n", t)
        return html.unescape(t)

    def crlf_only(self, raw, name, unit=b"\r\n"):
        lf = b"\n" if unit == b"\r\n" else "\n".encode("utf-16-le")
        crlf = unit
        n_lf, n_crlf = raw.count(lf), raw.count(crlf)
        if n_crlf == 0 or n_lf != n_crlf:
            self.err(f"{name}: expected CRLF on every line ({n_crlf} CRLF, {n_lf} LF)")

    def lf_only(self, raw, name):
        if b"\r" in raw:
            self.err(f"{name}: unexpected CR")

    def not_utf8(self, raw, name):
        try:
            raw.decode("utf-8")
            self.err(f"{name}: decodes as UTF-8, expected a legacy 8-bit encoding")
        except UnicodeDecodeError:
            pass

    def load(self, name, kind, raw=None):
        """Return (text, title field or None, byline field or None); `raw` overrides the file."""
        fname = name.split(":")[0]
        if raw is None:
            raw = (ART / fname).read_bytes()
        if kind == "html_utf8_lf":
            if raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{name}: unexpected BOM")
            self.lf_only(raw, name)
            return self.visible_text(raw.decode("utf-8")), None, None
        if kind == "html_utf8bom_crlf":
            if not raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{name}: expected a UTF-8 BOM")
            self.crlf_only(raw, name)
            return self.visible_text(raw.decode("utf-8-sig").replace("\r\n", "\n")), None, None
        if kind == "txt_cp1252_crlf":
            self.not_utf8(raw, name)
            self.crlf_only(raw, name)
            return raw.decode("cp1252").replace("\r\n", "\n"), None, None
        if kind == "txt_utf16le_crlf":
            if not raw.startswith(b"\xff\xfe"):
                self.err(f"{name}: expected a UTF-16LE BOM")
            self.crlf_only(raw[2:], name, unit="\r\n".encode("utf-16-le"))
            return raw.decode("utf-16").replace("\r\n", "\n"), None, None
        if kind == "html_cp1251_crlf":
            self.not_utf8(raw, name)
            self.crlf_only(raw, name)
            text = raw.decode("cp1251")
            if 'charset=windows-1251' not in text or not re.search("[\u0400-\u04ff]", text):
                self.err(f"{name}: expected a windows-1251 meta charset and Cyrillic text")
            return self.visible_text(text.replace("\r\n", "\n")), None, None
        if kind == "csv":
            if raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{name}: unexpected BOM")
            text = raw.decode("utf-8")
            first, _, rest = text.partition("\r\n")
            if not rest:
                self.err(f"{name}: header line must end in CRLF")
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if rows[0] != CSV_HEADER:
                self.err(f"{name}: header {rows[0]}")
            if len(rows) != 2 or name.split(":")[1] != "2":
                self.err(f"{name}: expected one record addressed :2, found {len(rows) - 1}")
            if not text.endswith("\r\n") or "\n\n" not in rows[1][CSV_HEADER.index("body")]:
                self.err(f"{name}: expected CRLF row ends and LF breaks inside the body cell")
            return "\n".join(rows[1]), None, None
        if kind == "jsonl":
            self.lf_only(raw, name)
            if not raw.isascii() or b"\\u" not in raw:
                self.err(f"{name}: expected a pure-ASCII row with \\u escapes")
            lines = [r for r in raw.decode("ascii").split("\n") if r.strip()]
            if len(lines) != 1 or name.split(":")[1] != "1":
                self.err(f"{name}: expected exactly one row addressed :1")
            row = json.loads(lines[0])
            if set(row) != JSONL_KEYS:
                self.err(f"{name}: keys {sorted(row)}")
            parts = [row["title"], row["lead"]] + [c["text"] for c in row["content"]]
            return "\n\n".join(parts), row["title"], row["author"]
        raise ValueError(kind)

    # ---------- checks ----------
    @staticmethod
    def number_visible(n, phrase):
        p = phrase.lower()
        if n is None:
            return True
        if isinstance(n, float) and not n.is_integer():
            return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?!\d)", p.replace(",", "")) is not None
        n = int(n)
        forms = {str(n), f"{n:,}"}
        if n % 1_000_000 == 0:
            forms.add(f"{n // 1_000_000} million")
        if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
            return True
        return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())

    @staticmethod
    def is_date(v):
        return isinstance(v, dt.date) and not isinstance(v, dt.datetime)

    def check_manifest(self):
        path = HERE / "manifest_p.csv"
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
                self.err(f"manifest_p.csv: columns {reader.fieldnames}")
            rows = list(reader)
        want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl")
        if sorted(r["file"] for r in rows) != want:
            self.err(f"manifest_p.csv: files {sorted(r['file'] for r in rows)} != {want}")
        for r in rows:
            if r["published"]:
                try:
                    dt.date.fromisoformat(r["published"])
                except ValueError:
                    self.err(f"manifest_p.csv: published {r['published']!r}")

    def run(self, gold, texts=None):
        """Check a parsed gold list. Returns (counts, errors)."""
        names = [d.get("doc") for d in gold]
        if sorted(names) != sorted(DOCS):
            self.err(f"documents {names} != {sorted(DOCS)}")
        n_t = n_to = n_r = n_ro = 0
        for d in gold:
            name = d.get("doc")
            if set(d) != DOC_KEYS:
                self.err(f"{name}: fields differ from seeds: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
            kind = DOCS.get(name)
            if kind is None:
                continue
            text, title_field, byline_field = texts[name] if texts else self.load(name, kind)
            nt = self.norm(text)
            if self.norm(d["title"]) not in nt:
                self.err(f"{name}: title not found")
            if title_field is not None and self.norm(title_field) != self.norm(d["title"]):
                self.err(f"{name}: title is not the row's title")
            if byline_field is not None:
                if d["byline"] != byline_field:
                    self.err(f"{name}: byline is not the row's author")
            elif d["byline"] is not None and self.norm(d["byline"]) not in nt:
                self.err(f"{name}: byline {d['byline']!r} not in text")
            if not isinstance(d["outlet"], str) or not d["outlet"]:
                self.err(f"{name}: outlet missing")
            if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
                self.err(f"{name}: wire {d['wire']!r}")
            else:
                for w in d["wire"]:
                    if not any(re.search(r"\b" + re.escape(x) + r"\b", nt) for x in WIRE_NAMES.get(w, (w,))):
                        self.err(f"{name}: wire {w} not named in the text")
            if not self.is_date(d["published"]):
                self.err(f"{name}: published {d['published']!r} is not a date")
            if not isinstance(d["published_tolerance_days"], int):
                self.err(f"{name}: published_tolerance_days not an int")
            if d["election"] is not None:
                e = d["election"]
                if e.get("kind") not in KINDS or ELECTIONS.get(e.get("date")) != e.get("kind"):
                    self.err(f"{name}: election {e} is not a known Kazakh vote")
            strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                       + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                       + [("tally", t.get("phrase", "")) for t in d.get("tallies") or []]
                       + [("result", r.get("phrase", "")) for r in d.get("results") or []])
            for what, s in strings:
                ns = self.norm(s)
                c = nt.count(ns)
                if c == 0:
                    self.err(f"{name}: {what} not found: {s!r}")
                elif what in ("tally", "result") and c != 1:
                    self.err(f"{name}: {what} occurs {c} times: {s!r}")
            phrases = [self.norm(x.get("phrase", "")) for x in (d.get("tallies") or []) + (d.get("results") or [])]
            dup = {p for p in phrases if phrases.count(p) > 1}
            if dup:
                self.err(f"{name}: duplicate phrases {dup}")
            for t in d.get("tallies") or []:
                w = f"{name} tally {t.get('phrase')!r}"
                if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
                    self.err(f"{w}: keys {sorted(t)}")
                    continue
                if t["counted"] not in COUNTED:
                    self.err(f"{w}: counted {t['counted']}")
                if t["qualifier"] not in QUALIFIER:
                    self.err(f"{w}: qualifier {t['qualifier']}")
                if not self.number_visible(t["number"], self.norm(t["phrase"])):
                    self.err(f"{w}: number {t['number']} not visible")
                vw = t["vague_word"]
                if vw is not None and (vw != vw.lower() or vw not in self.norm(t["phrase"]).lower()):
                    self.err(f"{w}: vague_word {vw!r} not in phrase or not lower case")
                if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                    self.err(f"{w}: vague needs a vague_word and no number")
                if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                    self.err(f"{w}: qualifier {t['qualifier']} without a number")
                if t["location"] is not None and not (isinstance(t["location"], list)
                                                      and all(isinstance(x, str) for x in t["location"])):
                    self.err(f"{w}: location must be a list of names or null")
                if t["date"] is not None and not self.is_date(t["date"]):
                    self.err(f"{w}: date {t['date']!r}")
                if "optional" in t and t["optional"] is not True:
                    self.err(f"{w}: optional must be true or absent")
                if "multiplier" in t and not isinstance(t["multiplier"], int):
                    self.err(f"{w}: multiplier must be an int")
                n_t += 1
                n_to += bool(t.get("optional"))
            for r in d.get("results") or []:
                w = f"{name} result {r.get('phrase')!r}"
                if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                    self.err(f"{w}: keys {sorted(r)}")
                    continue
                if r["measure"] not in MEASURE:
                    self.err(f"{w}: measure {r['measure']}")
                if r["qualifier"] not in QUALIFIER:
                    self.err(f"{w}: qualifier {r['qualifier']}")
                if not self.number_visible(r["value"], self.norm(r["phrase"])):
                    self.err(f"{w}: value {r['value']} not visible")
                if "of" in r and not self.number_visible(r["of"], self.norm(r["phrase"])):
                    self.err(f"{w}: of {r['of']} not visible")
                if not isinstance(r["subject"], str):
                    self.err(f"{w}: subject must be a string")
                if r["measure"] == "turnout" and r["subject"] != "turnout":
                    self.err(f"{w}: a turnout's subject is 'turnout'")
                if r["election"] not in ELECTIONS:
                    self.err(f"{w}: election {r['election']} is not a known Kazakh vote")
                if "optional" in r and r["optional"] is not True:
                    self.err(f"{w}: optional must be true or absent")
                n_r += 1
                n_ro += bool(r.get("optional"))
        return (len(gold), n_t, n_to, n_r, n_ro), self.errors


def selftest(gold):
    """Feed broken copies of the gold (in memory) and require each to be rejected."""
    base = Checker()
    texts = {n: base.load(n, k) for n, k in DOCS.items()}
    breakers = {
        "wrong number": lambda g: first(g, "p02_deccanchronicle_2019.html")["tallies"][0].__setitem__("number", 400),
        "phrase not in text": lambda g: first(g, "p01_7news_2022.html")["tallies"][0].__setitem__("phrase", "165 people have been killed"),
        "unknown counted": lambda g: first(g, "p06_mosnews_2006.html")["tallies"][0].__setitem__("counted", "arrested"),
        "vague with number": lambda g: first(g, "p05_ksl_2021.txt")["tallies"][0].__setitem__("number", 24),
        "not a Kazakh vote": lambda g: first(g, "p03_cityam_2012.txt").__setitem__("election", {"date": dt.date(2012, 1, 16), "kind": "parliamentary"}),
        "wrong election kind": lambda g: first(g, "p02_deccanchronicle_2019.html").__setitem__("election", {"date": dt.date(2019, 6, 9), "kind": "parliamentary"}),
        "byline not author": lambda g: first(g, "feed_p.jsonl:1").__setitem__("byline", "Pawel Zielinski"),
        "boilerplate missing": lambda g: first(g, "p04_postgazette_2016.csv:2")["boilerplate"].append("Subscribe to the Post-Gazette"),
        "phrase twice": lambda g: first(g, "p03_cityam_2012.txt")["results"][0].__setitem__("phrase", "per cent"),
        "turnout subject": lambda g: next(r for r in first(g, "p05_ksl_2021.txt")["results"] if r["measure"] == "turnout").__setitem__("subject", "Nur Otan"),
        "extra field": lambda g: first(g, "p06_mosnews_2006.html").__setitem__("language", "en"),
    }
    ok = True
    for label, brk in breakers.items():
        g = copy.deepcopy(gold)
        brk(g)
        c = Checker()
        _, errs = c.run(g, texts)
        rejected = bool(errs)
        print(f"  selftest {label:22s} -> {'rejected' if rejected else 'NOT REJECTED'}"
              + (f": {errs[0]}" if errs else ""))
        ok &= rejected
    # Broken byte layouts (in memory): each must be reported by load().
    def raw(doc):
        return (ART / doc.split(":")[0]).read_bytes()
    layout = {
        "p02 without BOM": ("p02_deccanchronicle_2019.html", lambda b: b[3:]),
        "p02 with LF only": ("p02_deccanchronicle_2019.html", lambda b: b.replace(b"\r\n", b"\n")),
        "p03 saved as UTF-8": ("p03_cityam_2012.txt", lambda b: b.decode("cp1252").encode("utf-8")),
        "p05 without BOM": ("p05_ksl_2021.txt", lambda b: b[2:]),
        "p06 saved as UTF-8": ("p06_mosnews_2006.html", lambda b: b.decode("cp1251").encode("utf-8")),
        "p01 with CRLF": ("p01_7news_2022.html", lambda b: b.replace(b"\n", b"\r\n")),
        "p04 two records": ("p04_postgazette_2016.csv:2", lambda b: b + b.split(b"\r\n", 1)[1]),
        "feed not escaped": ("feed_p.jsonl:1", lambda b: (json.dumps(json.loads(b), ensure_ascii=False) + "\n").encode("utf-8")),
    }
    for label, (doc, mutate) in layout.items():
        c = Checker()
        try:
            c.load(doc, DOCS[doc], raw=mutate(raw(doc)))
        except Exception as exc:  # a decoding failure is also a rejection
            c.err(f"{doc}: {type(exc).__name__}: {exc}")
        rejected = bool(c.errors)
        print(f"  selftest {label:22s} -> {'rejected' if rejected else 'NOT REJECTED'}"
              + (f": {c.errors[0]}" if c.errors else ""))
        ok &= rejected
    return ok


def first(g, doc):
    return next(d for d in g if d["doc"] == doc)


def main():
    gold = yaml.safe_load((HERE / "gold_p.yaml").read_text(encoding="utf-8"))
    c = Checker()
    (nd, nt, nto, nr, nro), errs = c.run(gold)
    c.check_manifest()
    print(f"{nd} documents, {nt} tallies ({nto} optional), {nr} results ({nro} optional)")
    status = 0
    if c.errors:
        print(f"FAILED: {len(c.errors)} problem(s)")
        for e in c.errors:
            print("  -", e)
        status = 1
    else:
        print("OK")
    if "--selftest" in sys.argv:
        if not selftest(gold):
            print("SELFTEST FAILED")
            status = 1
        else:
            print("selftest OK: every broken copy was rejected")
    return status


if __name__ == "__main__":
    sys.exit(main())
