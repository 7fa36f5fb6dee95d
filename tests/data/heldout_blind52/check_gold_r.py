#!/usr/bin/env python3
"""Check gold_r.yaml of blind held-out set 52, part R, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Each document is decoded with its real encoding, and its byte layout is asserted:
  r01_michigandaily_2022.html        HTML, UTF-8 (pure ASCII, typography as entities), LF, no BOM
  r02_steppeandstatic_2021.html      HTML, UTF-8 WITH BOM, CRLF on every line, raw emoji
  r03_medium_2022.txt                text, UTF-16LE with BOM, CRLF on every line
  r04_saltbushandsteppe_2019.html    HTML, Windows-1252 (must NOT decode as UTF-8), CRLF on every
                                     line, emoji only as numeric character references
  r05_qazaqdiasporaberlin_2023.txt   text, UTF-8, LF, no BOM, Kazakh Cyrillic written raw
  r06_caspianhope_2012.csv           CSV, UTF-8 WITH BOM, header on line 1, one record from line 2,
                                     CRLF after each record, LF inside the quoted plain_text cell
  feed_r.jsonl                       one JSON row, ASCII only (every non-ASCII character escaped)
Visible text:
  HTML   script and style dropped, every tag replaced by a line break, entities decoded (so no
         annotated string spans a tag);
  CSV    the cells of the record (row 2), in column order, joined by line breaks;
  JSONL  thread.title, then the text of every element of posts in list order (which is post
         order, n = 1, 2, ...), joined by blank lines; usernames, times and counters are not text.
Both sides are normalised: NFKC, curly quotes to straight, no-break and narrow no-break space to
space, CRLF read as LF. The script then asserts that
  - the title, every boilerplate entry and body_must_keep sentence occur in the visible text;
  - every tally and result phrase occurs exactly once, and phrases are distinct within a document;
  - the number / value / `of` is visible in its phrase: digits with or without thousands
    separators, a k-suffix ("5k" = 5000), "N million", or a number word ("two dozen" = 24);
  - vague tallies carry their vague_word (lower case, inside the phrase) and no number; other
    qualifiers need a number unless `unspecified`;
  - keys and values are those of /work/shared/gold/README.md with the fields of seeds.yaml;
    dates are dates; subjects are strings; turnout results have subject turnout; every election
    date is a Kazakh national vote, and a document's election has the right kind;
  - a byline occurs in the text (for the JSON row it equals thread.started_by instead); wires
    are named in the text; manifest_r.csv has the six non-JSONL files and the columns
    file,outlet,url,published,notes, with ISO dates where given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when all pass (exit
status 0), otherwise the problems (exit status 1). `--selftest` also feeds deliberately broken
copies of the gold file through the same checks (in memory) and asserts each one is rejected.
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
    "r01_michigandaily_2022.html": "html_utf8_ascii",
    "r02_steppeandstatic_2021.html": "html_utf8_bom_crlf",
    "r03_medium_2022.txt": "utf16_crlf",
    "r04_saltbushandsteppe_2019.html": "html_cp1252_crlf",
    "r05_qazaqdiasporaberlin_2023.txt": "utf8",
    "r06_caspianhope_2012.csv:2": "csv_bom",
    "feed_r.jsonl:1": "jsonl",
}
JSONL_KEYS = {"id", "source", "thread", "posts", "crawl"}
CSV_HEADER = ["campaign_id", "title", "subject", "from_name", "from_email", "send_time",
              "list_name", "emails_sent", "unique_opens", "plain_text"]

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
             "unspecified"}
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

# Kazakh national votes (date -> kind).
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

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
         "sixteen": 16, "twenty": 20, "thirty": 30, "both": 2, "a dozen": 12, "two dozen": 24,
         "a hundred": 100, "a couple": 2}


class Checker:
    def __init__(self, overrides=None):
        self.errors = []
        self.cache = {}
        self.overrides = overrides or {}  # file name -> bytes (for the self-test)

    def read(self, fname):
        if fname in self.overrides:
            return self.overrides[fname]
        return (ART / fname).read_bytes()

    def err(self, msg):
        self.errors.append(msg)

    # ---------------------------------------------------------------- decoding
    def expect_crlf(self, text, name):
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            self.err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n")

    def expect_lf(self, raw, name):
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err(f"{name}: unexpected BOM")
        if b"\r" in raw:
            self.err(f"{name}: unexpected CR")

    def load(self, name):
        """Return (visible text, title field or None, byline field or None)."""
        if name in self.cache:
            return self.cache[name]
        out = self._load(name, DOCS[name])
        self.cache[name] = out
        return out

    def _load(self, name, kind):
        if kind == "jsonl":
            fname, line_no = name.rsplit(":", 1)
            raw = self.read(fname)
            self.expect_lf(raw, fname)
            if not raw.isascii():
                self.err(f"{fname}: expected an ASCII-only row (non-ASCII written as \\u escapes)")
            if "\\u" not in raw.decode("ascii", "replace"):
                self.err(f"{fname}: expected \\u escapes in the row")
            rows = [r for r in raw.decode("ascii", "replace").split("\n") if r.strip()]
            if len(rows) != 1 or line_no != "1":
                self.err(f"{fname}: expected exactly one row addressed :1, found {len(rows)}")
            row = json.loads(rows[0])
            if set(row) != JSONL_KEYS:
                self.err(f"{fname}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
            posts = row["posts"]
            if [p["n"] for p in posts] != list(range(1, len(posts) + 1)):
                self.err(f"{fname}: posts are meant to be stored in post order")
            text = "\n\n".join([row["thread"]["title"]] + [p["text"] for p in posts])
            return text, row["thread"]["title"], row["thread"]["started_by"]
        if kind == "csv_bom":
            fname, line_no = name.rsplit(":", 1)
            raw = self.read(fname)
            if not raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{fname}: expected a UTF-8 BOM")
            text = raw.decode("utf-8-sig")
            lines = text.split("\r\n")
            if lines[0].split(",") != CSV_HEADER:
                self.err(f"{fname}: header on line 1 is not {CSV_HEADER}")
            if not lines[1].startswith("c4e8a91f27,"):
                self.err(f"{fname}: the record does not start on line 2")
            if "\n" not in text.replace("\r\n", ""):
                self.err(f"{fname}: expected LF line breaks inside the quoted plain_text cell")
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if len(rows) != 2 or line_no != "2":
                self.err(f"{fname}: expected a header and one record addressed :2")
            rec = rows[1]
            if len(rec) != len(CSV_HEADER):
                self.err(f"{fname}: record has {len(rec)} cells")
            return "\n".join(c.replace("\r\n", "\n") for c in rec), None, None
        raw = self.read(name)
        if kind == "html_utf8_ascii":
            self.expect_lf(raw, name)
            if not raw.isascii():
                self.err(f"{name}: expected pure ASCII (typography as entities)")
            return visible_text(raw.decode("utf-8")), None, None
        if kind == "html_utf8_bom_crlf":
            if not raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{name}: expected a UTF-8 BOM")
            text = self.expect_crlf(raw.decode("utf-8-sig"), name)
            return visible_text(text), None, None
        if kind == "utf16_crlf":
            if not raw.startswith(b"\xff\xfe"):
                self.err(f"{name}: expected a UTF-16LE BOM")
            return self.expect_crlf(raw.decode("utf-16"), name), None, None
        if kind == "html_cp1252_crlf":
            try:
                raw.decode("utf-8")
                self.err(f"{name}: decodes as UTF-8, expected Windows-1252")
            except UnicodeDecodeError:
                pass
            if b"charset=windows-1252" not in raw:
                self.err(f"{name}: the page should declare charset=windows-1252")
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError as e:
                self.err(f"{name}: not valid Windows-1252 ({e.reason})")
                text = raw.decode("cp1252", errors="replace")
            text = self.expect_crlf(text, name)
            return visible_text(text), None, None
        if kind == "utf8":
            self.expect_lf(raw, name)
            text = raw.decode("utf-8")
            if not re.search("[\u0400-\u04ff]", text):
                self.err(f"{name}: expected raw Cyrillic")
            return text, None, None
        raise ValueError(kind)

    # ---------------------------------------------------------------- checks
    def check_date(self, value, what):
        if value is not None and not is_date(value):
            self.err(f"{what}: date {value!r} is not YYYY-MM-DD")

    def check_manifest(self):
        path = HERE / "manifest_r.csv"
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
                self.err(f"manifest_r.csv: columns {reader.fieldnames}")
            rows = list(reader)
        files = sorted(r["file"] for r in rows)
        want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl")
        if files != want:
            self.err(f"manifest_r.csv: files {files} != {want}")
        for r in rows:
            if r["published"]:
                try:
                    dt.date.fromisoformat(r["published"])
                except ValueError:
                    self.err(f"manifest_r.csv: published {r['published']!r} for {r['file']}")

    def run(self, gold, manifest=True):
        self.errors = []
        seen = [d["doc"] for d in gold]
        if sorted(seen) != sorted(DOCS):
            self.err(f"documents {seen} != {sorted(DOCS)}")
        counts = [0, 0, 0, 0]
        for d in gold:
            name = d["doc"]
            if set(d) != DOC_KEYS:
                self.err(f"{name}: keys differ from the seeds' fields: missing "
                         f"{DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
                continue
            if name not in DOCS:
                continue
            text, title_field, byline_field = self.load(name)
            ntext = norm(text)
            title = norm(d["title"])
            if title not in ntext:
                self.err(f"{name}: title not found")
            if title_field is not None and norm(title_field) != title:
                self.err(f"{name}: title is not the row's title field")
            if byline_field is not None and d["byline"] != byline_field:
                self.err(f"{name}: byline is not the row's started_by field")
            if byline_field is None and d["byline"] is not None and norm(d["byline"]) not in ntext:
                self.err(f"{name}: byline {d['byline']!r} not in the text")
            if not isinstance(d["outlet"], str) or not d["outlet"]:
                self.err(f"{name}: outlet missing")
            if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
                self.err(f"{name}: wire {d['wire']!r}")
            for w in d["wire"] or []:
                if not any(n in ntext for n in WIRE_NAMES.get(w, (w,))):
                    self.err(f"{name}: wire {w} not named in the text")
            if not is_date(d["published"]):
                self.err(f"{name}: published {d['published']!r} is not a date")
            if not isinstance(d["published_tolerance_days"], int):
                self.err(f"{name}: published_tolerance_days not an int")
            if d["election"] is not None:
                e = d["election"]
                self.check_date(e.get("date"), f"{name} election")
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
        if manifest:
            self.check_manifest()
        return counts

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
        if "multiplier" in t and not isinstance(t["multiplier"], int):
            self.err(f"{w}: multiplier must be an integer")
        if t["location"] is not None and not (isinstance(t["location"], list)
                                              and all(isinstance(x, str) for x in t["location"])):
            self.err(f"{w}: location must be a list of names")
        if "optional" in t and t["optional"] is not True:
            self.err(f"{w}: optional must be true or absent")
        self.check_date(t["date"], w)
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
        if r["measure"] == "turnout" and r["subject"] != "turnout":
            self.err(f"{w}: a turnout's subject is 'turnout'")
        self.check_date(r["election"], w)
        if r["election"] not in ELECTIONS:
            self.err(f"{w}: election {r['election']} is not a known Kazakh vote")
        if "optional" in r and r["optional"] is not True:
            self.err(f"{w}: optional must be true or absent")
        counts[2] += 1
        counts[3] += bool(r.get("optional"))


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


def is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def number_visible(n, phrase):
    p = phrase.lower()
    if n is None:
        return True
    if isinstance(n, float) and not n.is_integer():
        s = repr(n)
        return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![\d])", p.replace(",", "")) is not None
    n = int(n)
    forms = {str(n), f"{n:,}"}
    if n % 1000 == 0:
        forms.add(f"{n // 1000}k")
    if n % 100000 == 0:
        m = n / 1_000_000
        forms.add(f"{m:g} million")
    for f in forms:
        if re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p):
            return True
    return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())


def load_gold():
    return yaml.safe_load((HERE / "gold_r.yaml").read_text(encoding="utf-8"))


def broken_copies(gold):
    """(label, mutated gold) pairs, each of which must be rejected."""
    out = []

    def doc(g, prefix):
        return next(d for d in g if d["doc"].startswith(prefix))

    g = copy.deepcopy(gold); doc(g, "r01")["tallies"][0]["number"] = 31
    out.append(("wrong tally number", g))
    g = copy.deepcopy(gold); doc(g, "r02")["results"][1]["value"] = 71.9
    out.append(("wrong result value", g))
    g = copy.deepcopy(gold); doc(g, "r03")["tallies"][0]["phrase"] += " and then"
    out.append(("phrase not in text", g))
    g = copy.deepcopy(gold); doc(g, "r04")["tallies"][0]["counted"] = "arrested"
    out.append(("unknown counted", g))
    g = copy.deepcopy(gold); doc(g, "feed_r")["results"][0]["subject"] = True
    out.append(("unquoted yes", g))
    g = copy.deepcopy(gold); doc(g, "r05")["election"]["date"] = dt.date(2023, 3, 20)
    out.append(("wrong election date", g))
    g = copy.deepcopy(gold); doc(g, "r06")["tallies"][0]["phrase"] = "dead"
    out.append(("phrase not unique", g))
    g = copy.deepcopy(gold); doc(g, "r02")["byline"] = "Dana Whitlocke"
    out.append(("byline not in text", g))
    g = copy.deepcopy(gold); doc(g, "r01")["tallies"][1]["vague_word"] = "Two dozen"
    out.append(("upper-case vague word", g))
    g = copy.deepcopy(gold); del doc(g, "r03")["published_evidence"]
    out.append(("missing field", g))
    return out


def broken_bytes():
    """(label, file, bytes) triples: documents with the wrong byte layout, all to be rejected."""
    r04 = (ART / "r04_saltbushandsteppe_2019.html").read_bytes()
    r03 = (ART / "r03_medium_2022.txt").read_bytes()
    r02 = (ART / "r02_steppeandstatic_2021.html").read_bytes()
    r06 = (ART / "r06_caspianhope_2012.csv").read_bytes()
    feed = (ART / "feed_r.jsonl").read_bytes()
    row = json.loads(feed.decode("ascii"))
    return [
        ("r04 re-encoded as UTF-8", "r04_saltbushandsteppe_2019.html",
         r04.decode("cp1252").encode("utf-8")),
        ("r03 with LF line ends", "r03_medium_2022.txt",
         r03.decode("utf-16").replace("\r\n", "\n").encode("utf-16")),
        ("r02 without its BOM", "r02_steppeandstatic_2021.html", r02[3:]),
        ("r06 without its BOM", "r06_caspianhope_2012.csv", r06[3:]),
        ("feed written with raw UTF-8", "feed_r.jsonl",
         (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")),
    ]


def main(argv):
    chk = Checker()
    gold = load_gold()
    n_t, n_to, n_r, n_ro = chk.run(gold)
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), {n_r} results ({n_ro} optional)")
    if chk.errors:
        print(f"FAILED: {len(chk.errors)} problem(s)")
        for e in chk.errors:
            print("  -", e)
        return 1
    if "--selftest" in argv:
        bad = 0
        for label, g in broken_copies(gold):
            chk.run(g, manifest=False)
            status = "rejected" if chk.errors else "NOT REJECTED"
            bad += not chk.errors
            print(f"  broken copy ({label}): {status}: {chk.errors[:1]}")
        for label, fname, data in broken_bytes():
            bchk = Checker({fname: data})
            bchk.run(gold, manifest=False)
            status = "rejected" if bchk.errors else "NOT REJECTED"
            bad += not bchk.errors
            print(f"  broken bytes ({label}): {status}: {bchk.errors[:1]}")
        if bad:
            print(f"FAILED: {bad} broken copies accepted")
            return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
