#!/usr/bin/env python3
"""Check gold_o.yaml of blind held-out set 51, part O, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and asserts the byte layout README_o.md claims:
  o01  plain text (archive export), Windows-1252, CRLF on every line; must NOT decode as UTF-8
       and must contain cp1252-only bytes (0x80-0x9F: curly quotes, em dash)
  o02  CSV, UTF-8 with BOM, CRLF on every line (also inside the quoted body cell); header on
       line 1, exactly one record, starting on line 2 (addressed o02_dominion_1999.csv:2);
       its text is the record's cells joined by line breaks
  o03  HTML 4.01, ISO-8859-1 (meta charset says so; must NOT decode as UTF-8; no bytes in
       0x80-0x9F, i.e. true Latin-1, not cp1252), LF, no CR
  o04, o06  HTML, UTF-8 without BOM, LF, no CR
  o05  plain text (e-paper text view), UTF-16LE with BOM FF FE, CRLF on every line
  feed_o.jsonl  one JSON row, LF, written WITH ASCII escaping (the file is pure ASCII, \\uXXXX
       escapes); its text is hed, dek, credit and the `t` of every element of `blocks` sorted
       by `n` (the file stores them out of n order), joined by blank lines; title = hed,
       byline = the row's byline.
For HTML, strings are searched in the visible text (script and style dropped, every tag replaced
by a line break, entities decoded). Text and annotations are normalised (NFKC, curly quotes to
straight, no-break space to space; CRLF read as LF). It then asserts that
  - every phrase, boilerplate entry, body_must_keep sentence and the title occurs in the text;
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the stated number / value / `of` is visible in its phrase (digits with or without thousands
    separators, "8.9 million", number words such as "Eighty-six", "two dozen", "nine million",
    or a stated fraction: two-thirds = 66.7, three out of four = 75, nine out of 10 = 90,
    seven in 10 = 70);
  - vague tallies carry their vague_word in lower case inside the phrase, and no number;
  - keys and values are in the vocabulary of /work/shared/gold/README.md with exactly the fields
    of seeds.yaml; dates are dates; subjects are strings ("yes"/"no" quoted); turnouts have
    subject turnout; every election date is a Kazakh national vote and a document's election
    has the right kind;
  - bylines occur in the text (the JSON row's equals its byline field), credited wires are named
    in the text; manifest_o.csv has the six non-JSONL files and the columns
    file,outlet,url,published,notes, with ISO dates where a date is given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when all pass.
`--selftest` additionally runs the check on deliberately broken in-memory copies of the gold
file and of two documents and asserts each is rejected.
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
    "o01_plaindealer_1995.txt": "cp1252_crlf",
    "o02_dominion_1999.csv:2": "csv_bom_crlf",
    "o03_hs_2004.html": "html_latin1",
    "o04_edmontonjournal_2011.html": "html_utf8",
    "o05_asianage_2012.txt": "utf16_crlf",
    "o06_couriermail_2024.html": "html_utf8",
    "feed_o.jsonl:1": "jsonl",
}
CSV_COLUMNS = ["record_id", "publication", "edition", "pubdate", "section", "page", "headline",
               "byline", "credit", "words", "body", "subjects", "source_db", "retrieved"]
JSONL_KEYS = {"record_key", "pub", "issue_date", "edition", "page", "hed", "dek", "byline",
              "credit", "blocks", "ocr_conf", "ingested", "rights"}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "Reuters": ("Reuters", "Reuter")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA",
         "Trend"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election",
               "optional"}
RESULT_REQUIRED = {"phrase", "subject", "measure", "value", "qualifier", "election"}

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

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9}
WORDS = dict(UNITS, ten=10, eleven=11, twelve=12, thirteen=13, fourteen=14, fifteen=15,
             sixteen=16, twenty=20, thirty=30, forty=40, fifty=50, sixty=60, seventy=70,
             eighty=80, ninety=90)
for _t, _tv in (("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60),
                ("seventy", 70), ("eighty", 80), ("ninety", 90)):
    for _u, _uv in UNITS.items():
        WORDS[f"{_t}-{_u}"] = _tv + _uv
WORDS.update({"a dozen": 12, "two dozen": 24, "a hundred": 100, "both": 2})
FRACTIONS = {"two-thirds": 66.7, "three out of four": 75, "nine out of 10": 90, "seven in 10": 70}


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


class Checker:
    def __init__(self, overrides=None):
        self.errors = []
        self.overrides = overrides or {}   # file name -> bytes (for the self-test)

    def err(self, msg):
        self.errors.append(msg)

    def read(self, fname):
        if fname in self.overrides:
            return self.overrides[fname]
        return (ART / fname).read_bytes()

    def expect_crlf(self, text, name):
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
            self.err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n")

    def expect_lf(self, raw, name):
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err(f"{name}: unexpected BOM")
        if b"\r" in raw:
            self.err(f"{name}: unexpected CR")

    def not_utf8(self, raw, name):
        try:
            raw.decode("utf-8")
            self.err(f"{name}: decodes as UTF-8, expected a single-byte encoding")
        except UnicodeDecodeError:
            pass

    def load(self, name, kind):
        """Return (text to search, title field or None, byline field, has_byline_field)."""
        if kind == "jsonl":
            fname, line_no = name.rsplit(":", 1)
            raw = self.read(fname)
            self.expect_lf(raw, fname)
            if not raw.isascii():
                self.err(f"{fname}: expected a row written with ASCII escaping")
            text = raw.decode("utf-8")
            rows = [r for r in text.split("\n") if r.strip()]
            if len(rows) != 1 or line_no != "1" or not text.endswith("\n"):
                self.err(f"{fname}: expected exactly one LF-terminated row addressed :1")
            row = json.loads(rows[0])
            if set(row) != JSONL_KEYS:
                self.err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
            blocks = row.get("blocks", [])
            if not all(isinstance(b.get("n"), int) and isinstance(b.get("t"), str) for b in blocks):
                self.err(f"{fname}: blocks must hold n (int) and t (str)")
            ns = [b["n"] for b in blocks]
            if ns == sorted(ns):
                self.err(f"{fname}: blocks are meant to be stored out of n order")
            if sorted(ns) != list(range(1, len(ns) + 1)):
                self.err(f"{fname}: block numbers {sorted(ns)} are not 1..{len(ns)}")
            ordered = [b["t"] for b in sorted(blocks, key=lambda b: b["n"])]
            joined = "\n\n".join([row["hed"], row["dek"], row["credit"]] + ordered)
            return joined, row["hed"], row["byline"], True
        if kind == "csv_bom_crlf":
            fname, line_no = name.rsplit(":", 1)
            raw = self.read(fname)
            if not raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{fname}: expected a UTF-8 BOM")
            text = self.expect_crlf(raw.decode("utf-8-sig"), fname)
            if text.split("\n", 1)[0] != ",".join(CSV_COLUMNS):
                self.err(f"{fname}: header line is not {CSV_COLUMNS}")
            reader = csv.reader(io.StringIO(text, newline=""))
            rows = list(reader)
            if line_no != "2" or len(rows) != 2 or rows[0] != CSV_COLUMNS:
                self.err(f"{fname}: expected a header and one record addressed :2")
            if reader.line_num < 3:
                self.err(f"{fname}: the record is expected to span several physical lines")
            rec = dict(zip(rows[0], rows[1])) if len(rows) == 2 else {}
            if len(rows) < 2 or len(rows[1]) != len(CSV_COLUMNS):
                self.err(f"{fname}: record has {len(rows[1]) if len(rows) > 1 else 0} cells")
            return "\n".join(rows[1]), rec.get("headline"), (rec.get("byline") or None), True
        raw = self.read(name)
        if kind == "cp1252_crlf":
            self.not_utf8(raw, name)
            if not any(0x80 <= b <= 0x9F for b in raw):
                self.err(f"{name}: expected Windows-1252-only bytes (0x80-0x9F)")
            return self.expect_crlf(raw.decode("cp1252"), name), None, None, False
        if kind == "html_latin1":
            self.expect_lf(raw, name)
            self.not_utf8(raw, name)
            if any(0x80 <= b <= 0x9F for b in raw):
                self.err(f"{name}: bytes 0x80-0x9F found; expected true ISO-8859-1")
            if b'charset=iso-8859-1' not in raw:
                self.err(f"{name}: meta charset iso-8859-1 missing")
            return visible_text(raw.decode("latin-1")), None, None, False
        if kind == "html_utf8":
            self.expect_lf(raw, name)
            return visible_text(raw.decode("utf-8")), None, None, False
        if kind == "utf16_crlf":
            if not raw.startswith(b"\xff\xfe"):
                self.err(f"{name}: expected a UTF-16LE BOM")
            return self.expect_crlf(raw.decode("utf-16"), name), None, None, False
        raise ValueError(kind)

    def check_manifest(self):
        path = HERE / "manifest_o.csv"
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
                self.err(f"manifest_o.csv: columns {reader.fieldnames}")
            rows = list(reader)
        files = sorted(r["file"] for r in rows)
        want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl")
        if files != want:
            self.err(f"manifest_o.csv: files {files} != {want}")
        for r in rows:
            if r["published"]:
                try:
                    dt.date.fromisoformat(r["published"])
                except ValueError:
                    self.err(f"manifest_o.csv: published {r['published']!r} for {r['file']}")

    def run(self, gold):
        seen = [d.get("doc") for d in gold]
        if sorted(seen) != sorted(DOCS):
            self.err(f"documents {seen} != {sorted(DOCS)}")
        counts = [0, 0, 0, 0]
        for d in gold:
            self.check_doc(d, counts)
        self.check_manifest()
        return counts

    def check_doc(self, d, counts):
        name = d.get("doc")
        if set(d) != DOC_KEYS:
            self.err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
                     f"unknown {set(d) - DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            return
        text, title_field, byline_field, has_byline_field = self.load(name, kind)
        ntext = norm(text)
        title = norm(d["title"])
        if title not in ntext:
            self.err(f"{name}: title not found")
        if title_field is not None and norm(title_field) != title:
            self.err(f"{name}: title is not the record's headline field")
        if has_byline_field and d["byline"] != byline_field:
            self.err(f"{name}: byline {d['byline']!r} is not the record's byline {byline_field!r}")
        if d["byline"] is not None and norm(d["byline"]) not in ntext:
            self.err(f"{name}: byline {d['byline']!r} not in the text")
        if not isinstance(d["outlet"], str) or not d["outlet"]:
            self.err(f"{name}: outlet missing")
        if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
            self.err(f"{name}: wire {d['wire']!r}")
        for w in d["wire"] or []:
            if not any(re.search(r"\b" + re.escape(n) + r"\b", ntext) for n in WIRE_NAMES.get(w, (w,))):
                self.err(f"{name}: wire {w} not named in the text")
        if not is_date(d["published"]):
            self.err(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int):
            self.err(f"{name}: published_tolerance_days not an int")
        if d["election"] is not None:
            e = d["election"]
            if not is_date(e.get("date")):
                self.err(f"{name}: election date {e.get('date')!r} is not a date")
            if e.get("kind") not in KINDS:
                self.err(f"{name}: election kind {e.get('kind')}")
            if ELECTIONS.get(e.get("date")) != e.get("kind"):
                self.err(f"{name}: election {e} is not a known Kazakh vote")
        strings = ([("boilerplate", s) for s in d.get("boilerplate") or []]
                   + [("body_must_keep", s) for s in d.get("body_must_keep") or []]
                   + [("tally", t["phrase"]) for t in d.get("tallies") or []]
                   + [("result", r["phrase"]) for r in d.get("results") or []])
        for what, s in strings:
            ns = norm(s)
            if ns not in ntext:
                self.err(f"{name}: {what} not found: {s!r}")
            elif what in ("tally", "result") and ntext.count(ns) != 1:
                self.err(f"{name}: {what} occurs {ntext.count(ns)} times: {s!r}")
        phrases = [norm(x["phrase"]) for x in (d.get("tallies") or []) + (d.get("results") or [])]
        dup = {p for p in phrases if phrases.count(p) > 1}
        if dup:
            self.err(f"{name}: duplicate phrases {dup}")
        for t in d.get("tallies") or []:
            self.check_tally(name, t, counts)
        for r in d.get("results") or []:
            self.check_result(name, r, counts)

    def check_tally(self, name, t, counts):
        w = f"{name} tally {t.get('phrase')!r}"
        if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
            self.err(f"{w}: keys {sorted(t)}")
            return
        if t["counted"] not in COUNTED:
            self.err(f"{w}: counted {t['counted']}")
        if t["qualifier"] not in QUALIFIER:
            self.err(f"{w}: qualifier {t['qualifier']}")
        if not number_visible(t["number"], norm(t["phrase"])):
            self.err(f"{w}: number {t['number']} not visible")
        vw = t["vague_word"]
        if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
            self.err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
        if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
            self.err(f"{w}: vague needs a vague_word and no number")
        if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
            self.err(f"{w}: qualifier {t['qualifier']} without a number")
        if t["location"] is not None and not (isinstance(t["location"], list)
                                              and all(isinstance(x, str) for x in t["location"])):
            self.err(f"{w}: location must be a list of names")
        if "multiplier" in t and not isinstance(t["multiplier"], int):
            self.err(f"{w}: multiplier must be an int")
        if "optional" in t and t["optional"] is not True:
            self.err(f"{w}: optional must be true or absent")
        if t["date"] is not None and not is_date(t["date"]):
            self.err(f"{w}: date {t['date']!r} is not YYYY-MM-DD")
        counts[0] += 1
        counts[1] += bool(t.get("optional"))

    def check_result(self, name, r, counts):
        w = f"{name} result {r.get('phrase')!r}"
        if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
            self.err(f"{w}: keys {sorted(r)}")
            return
        if r["measure"] not in MEASURE:
            self.err(f"{w}: measure {r['measure']}")
        if r["qualifier"] not in QUALIFIER:
            self.err(f"{w}: qualifier {r['qualifier']}")
        if not number_visible(r["value"], norm(r["phrase"])):
            self.err(f"{w}: value {r['value']} not visible")
        if "of" in r and not number_visible(r["of"], norm(r["phrase"])):
            self.err(f"{w}: of {r['of']} not visible")
        if not isinstance(r["subject"], str):
            self.err(f"{w}: subject {r['subject']!r} is not a string (quote yes/no)")
        if (r["measure"] == "turnout") != (r["subject"] == "turnout"):
            self.err(f"{w}: a turnout has subject 'turnout' and only a turnout does")
        if "scope" in r and not isinstance(r["scope"], str):
            self.err(f"{w}: scope must be a place name")
        if not is_date(r["election"]) or r["election"] not in ELECTIONS:
            self.err(f"{w}: election {r['election']} is not a known Kazakh vote")
        if "optional" in r and r["optional"] is not True:
            self.err(f"{w}: optional must be true or absent")
        counts[2] += 1
        counts[3] += bool(r.get("optional"))


def number_visible(n, phrase):
    if n is None:
        return True
    p = phrase.lower()
    if isinstance(n, bool) or not isinstance(n, (int, float)):
        return False
    for frac, v in FRACTIONS.items():
        if v == n and frac in p:
            return True
    if n >= 1_000_000:
        m = n / 1_000_000
        forms = [f"{m:g} million"] + [f"{w} million" for w, v in WORDS.items() if v == m]
        if any(re.search(r"(?<![\d.])" + re.escape(f) + r"\b", p) for f in forms):
            return True
    if isinstance(n, float) and not n.is_integer():
        return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?!\d)", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p) for f in forms):
        return True
    return any(v == n and re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", p)
               for w, v in WORDS.items())


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def load_gold():
    return yaml.safe_load((HERE / "gold_o.yaml").read_text(encoding="utf-8"))


def selftest(gold):
    """Each broken copy must be rejected; returns the number of copies that slipped through."""
    def find(g, doc):
        return next(d for d in g if d["doc"] == doc)

    cases = []

    def case(label, mutate=None, overrides=None):
        g = copy.deepcopy(gold)
        if mutate:
            mutate(g)
        cases.append((label, g, overrides or {}))

    case("wrong value", lambda g: find(g, "o05_asianage_2012.txt")["results"][1].update(value=80.74))
    case("unknown measure", lambda g: find(g, "o06_couriermail_2024.html")["results"][0].update(measure="share"))
    case("phrase not in text", lambda g: find(g, "o03_hs_2004.html")["tallies"][0].update(phrase="around 4000 people gathered"))
    case("unquoted yes (YAML true)", lambda g: find(g, "o01_plaindealer_1995.txt")["results"][0].update(subject=True))
    case("non-unique phrase", lambda g: find(g, "o05_asianage_2012.txt")["results"][4].update(phrase="per cent"))
    case("fraction not stated", lambda g: find(g, "o06_couriermail_2024.html")["results"][4].update(value=75))
    case("wrong election date", lambda g: find(g, "feed_o.jsonl:1").update(election={"date": dt.date(1991, 12, 16), "kind": "presidential"}))
    case("vague without vague_word", lambda g: find(g, "o05_asianage_2012.txt")["tallies"][1].update(vague_word=None))
    case("wire not named", lambda g: find(g, "o03_hs_2004.html").update(wire=["Reuters"]))
    case("byline not the row's field", lambda g: find(g, "feed_o.jsonl:1").update(byline="Staff"))
    raw1 = (ART / "o01_plaindealer_1995.txt").read_bytes()
    case("o01 with LF only", overrides={"o01_plaindealer_1995.txt": raw1.replace(b"\r\n", b"\n")})
    raw5 = (ART / "o05_asianage_2012.txt").read_bytes()
    case("o05 without BOM", overrides={"o05_asianage_2012.txt": raw5[2:]})
    raw3 = (ART / "o03_hs_2004.html").read_bytes()
    case("o03 re-encoded as UTF-8", overrides={"o03_hs_2004.html": raw3.decode("latin-1").encode("utf-8")})
    rawj = (ART / "feed_o.jsonl").read_bytes()
    rj = json.loads(rawj)
    rj["blocks"].sort(key=lambda b: b["n"])
    case("feed blocks in n order", overrides={"feed_o.jsonl": (json.dumps(rj) + "\n").encode()})

    missed = 0
    for label, g, ov in cases:
        c = Checker(ov)
        c.run(g)
        status = "rejected" if c.errors else "ACCEPTED (bad)"
        missed += not c.errors
        first = c.errors[0] if c.errors else ""
        print(f"  selftest {label}: {status} ({len(c.errors)}) {first[:110]}")
    return missed


def main(argv):
    gold = load_gold()
    c = Checker()
    n_t, n_to, n_r, n_ro = c.run(gold)
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), {n_r} results ({n_ro} optional)")
    status = 0
    if c.errors:
        print(f"FAILED: {len(c.errors)} problem(s)")
        for e in c.errors:
            print("  -", e)
        status = 1
    else:
        print("OK")
    if "--selftest" in argv:
        missed = selftest(gold)
        print(f"selftest: {'all broken copies rejected' if not missed else f'{missed} broken copies accepted'}")
        status = status or int(bool(missed))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
