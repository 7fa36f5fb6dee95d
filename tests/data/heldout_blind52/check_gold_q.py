#!/usr/bin/env python3
"""Check gold_q.yaml of blind held-out set 52, part Q, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks the byte layout README_q.md claims:
  q01  HTML, UTF-8, LF, no BOM
  q02  plain text, Windows-1252 (must NOT decode as UTF-8; holds bytes 0x80-0x9F that only
       cp1252 maps, e.g. curly quotes and an en dash), CRLF on every line
  q03  plain text, UTF-16LE with BOM FF FE, CRLF on every line
  q04  CSV, UTF-8 with BOM EF BB BF, CRLF on every line (also inside quoted cells); header on
       line 1, the one record starts on line 2 and is addressed q04_freedombroker_2022.csv:2
  q05  HTML, ISO-8859-1 (must NOT decode as UTF-8; no bytes 0x80-0x9F), CRLF on every line
  q06  plain text, UTF-8, LF, no BOM
  feed_q.jsonl  one JSON row (UTF-8, written without ASCII escaping); its text is title, summary
       and blocks[].text in array order, joined by blank lines; title = "title",
       byline = "author_display"; published = the UTC date of "published_epoch".
Visible text: HTML drops script/style, replaces every tag by a line break and decodes entities
(so no annotated string spans a tag; attribute values are not text); CSV joins the cells of the
record by line breaks in column order. Both sides are normalised: NFKC, curly quotes straightened,
no-break space to space, CRLF read as LF. It then asserts that
  - the title, every phrase, boilerplate entry and body_must_keep sentence occurs in the text,
    and every tally/result phrase exactly once (phrases distinct within a document);
  - number / value / of are visible in the phrase (digits with or without thousands separators,
    number words such as "one", "seven", "eight", "three", "five", or "N million");
  - vague tallies carry a lower-case vague_word inside the phrase and no number; every key and value
    is in the vocabulary of /work/shared/gold/README.md with exactly the fields of seeds.yaml;
    subjects are strings ("yes"/"no" quoted); turnout results have subject turnout;
  - every election date (document and result) is a real Kazakh national vote of the right kind;
  - bylines occur in the text (the JSON row's equals author_display, the CSV's equals post_author),
    credited wires are named in the text; manifest_q.csv has the columns file,outlet,url,published,notes
    and the six non-JSONL files, with ISO dates where given.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" when all pass;
exit status 0 then, 1 otherwise. `--selftest` also feeds deliberately broken copies (in memory) to
the same checks and asserts each is rejected.
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
    "q01_fitchratings_2022.html": "html_utf8",
    "q02_platts_2012.txt": "cp1252_crlf",
    "q03_rencap_2019.txt": "utf16_crlf",
    "q04_freedombroker_2022.csv:2": "csv_utf8bom_crlf",
    "q05_euromoney_2016.html": "html_latin1_crlf",
    "q06_mni_2023.txt": "utf8",
    "feed_q.jsonl:1": "jsonl",
}
JSONL_KEYS = {"id", "source", "url", "title", "summary", "author_display", "published_epoch",
              "modified_epoch", "section", "blocks", "tags", "fetched_at"}
CSV_HEADER = ["post_id", "post_title", "post_name", "post_author", "post_date", "post_modified",
              "post_status", "category", "tags", "post_excerpt", "post_content", "reading_time_min",
              "views"]
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse")}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "IRNA", "Trend"}
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
    dt.date(1995, 4, 29): "referendum",
    dt.date(1995, 8, 30): "referendum",
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
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "sixteen": 16,
         "twenty": 20, "a dozen": 12, "a hundred": 100}


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
    def __init__(self):
        self.errors = []

    def err(self, msg):
        self.errors.append(msg)

    # ---------- byte layout ----------
    def crlf_only(self, text, name):
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text) or re.search(r"\r(?!\n)", text):
            self.err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n")

    def lf_only(self, raw, name):
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

    def load(self, name, kind, raw=None):
        """Return (text to search, extra) where extra holds record fields (title/byline/published)."""
        fname = name.rsplit(":", 1)[0] if kind in ("jsonl", "csv_utf8bom_crlf") else name
        if raw is None:
            raw = (ART / fname).read_bytes()
        if kind == "html_utf8":
            self.lf_only(raw, name)
            return visible_text(raw.decode("utf-8")), {}
        if kind == "utf8":
            self.lf_only(raw, name)
            return raw.decode("utf-8"), {}
        if kind == "cp1252_crlf":
            self.not_utf8(raw, name)
            if not any(0x80 <= b <= 0x9F for b in raw):
                self.err(f"{name}: no cp1252-only bytes (0x80-0x9F); would be plain Latin-1")
            return self.crlf_only(raw.decode("cp1252"), name), {}
        if kind == "html_latin1_crlf":
            self.not_utf8(raw, name)
            if any(0x80 <= b <= 0x9F for b in raw):
                self.err(f"{name}: C1 bytes 0x80-0x9F present; not ISO-8859-1 text")
            if b"charset=iso-8859-1" not in raw.lower():
                self.err(f"{name}: page does not declare charset=iso-8859-1")
            return visible_text(self.crlf_only(raw.decode("latin-1"), name)), {}
        if kind == "utf16_crlf":
            if not raw.startswith(b"\xff\xfe"):
                self.err(f"{name}: expected a UTF-16LE BOM")
            return self.crlf_only(raw.decode("utf-16"), name), {}
        if kind == "csv_utf8bom_crlf":
            if not raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{name}: expected a UTF-8 BOM")
            text = raw.decode("utf-8-sig")
            self.crlf_only(text, name)
            first_line = text.split("\r\n", 1)[0]
            if first_line != ",".join(CSV_HEADER):
                self.err(f"{name}: line 1 is not the header")
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if len(rows) != 2 or rows[0] != CSV_HEADER or name.rsplit(":", 1)[1] != "2":
                self.err(f"{name}: expected header + one record addressed :2")
                return "", {}
            rec = dict(zip(rows[0], [c.replace("\r\n", "\n") for c in rows[1]]))
            joined = "\n".join(rec[h] for h in CSV_HEADER)
            return joined, {"title": rec["post_title"], "byline": rec["post_author"],
                            "published": rec["post_date"][:10]}
        if kind == "jsonl":
            self.lf_only(raw, name)
            text = raw.decode("utf-8")
            rows = [r for r in text.split("\n") if r.strip()]
            if len(rows) != 1 or name.rsplit(":", 1)[1] != "1":
                self.err(f"{name}: expected exactly one row addressed :1, found {len(rows)}")
            if raw.isascii():
                self.err(f"{name}: expected a row written without ASCII escaping")
            row = json.loads(rows[0])
            if set(row) != JSONL_KEYS:
                self.err(f"{name}: top-level keys {sorted(row)} != {sorted(JSONL_KEYS)}")
            parts = [row["title"], row["summary"]] + [b["text"] for b in row["blocks"]]
            pub = dt.datetime.fromtimestamp(row["published_epoch"], dt.timezone.utc).date()
            return "\n\n".join(parts), {"title": row["title"], "byline": row["author_display"],
                                        "published": pub.isoformat()}
        raise ValueError(kind)

    # ---------- values ----------
    @staticmethod
    def number_visible(n, phrase):
        p = phrase.lower()
        if n is None:
            return True
        if isinstance(n, float) and not n.is_integer():
            s = repr(n)
            return re.search(r"(?<![\d.])" + re.escape(s) + r"(?![1-9])", p.replace(",", "")) is not None
        n = int(n)
        forms = {str(n), f"{n:,}"}
        if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?!,\d)(?!\.\d)", p) for f in forms):
            return True
        if n >= 1_000_000 and re.search(r"(?<![\d.])" + re.escape(f"{n / 1e6:g}") + r" million", p):
            return True
        return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())

    @staticmethod
    def is_date(value):
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)

    def check_date(self, value, what):
        if value is not None and not self.is_date(value):
            self.err(f"{what}: date {value!r} is not YYYY-MM-DD")

    def check_manifest(self, path=HERE / "manifest_q.csv"):
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
                self.err(f"manifest_q.csv: columns {reader.fieldnames}")
            rows = list(reader)
        files = sorted(r["file"] for r in rows)
        want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl")
        if files != want:
            self.err(f"manifest_q.csv: files {files} != {want}")
        for r in rows:
            if r["published"]:
                try:
                    dt.date.fromisoformat(r["published"])
                except ValueError:
                    self.err(f"manifest_q.csv: published {r['published']!r} for {r['file']}")

    def check_gold(self, gold, raws=None):
        raws = raws or {}
        counts = [0, 0, 0, 0]
        seen = [d["doc"] for d in gold]
        if sorted(seen) != sorted(DOCS):
            self.err(f"documents {seen} != {sorted(DOCS)}")
        for d in gold:
            name = d["doc"]
            if set(d) != DOC_KEYS:
                self.err(f"{name}: keys differ from the seeds' fields: missing {DOC_KEYS - set(d)}, "
                         f"unknown {set(d) - DOC_KEYS}")
                continue
            kind = DOCS.get(name)
            if kind is None:
                continue
            text, extra = self.load(name, kind, raws.get(name))
            ntext = norm(text)
            title = norm(d["title"])
            if title not in ntext:
                self.err(f"{name}: title not found")
            if "title" in extra and norm(extra["title"]) != title:
                self.err(f"{name}: title is not the record's title field")
            if "byline" in extra and d["byline"] != extra["byline"]:
                self.err(f"{name}: byline is not the record's author field")
            if d["byline"] is not None and norm(d["byline"]) not in ntext:
                self.err(f"{name}: byline {d['byline']!r} not in the text")
            if "published" in extra and str(d["published"]) != extra["published"]:
                self.err(f"{name}: published {d['published']} != record date {extra['published']}")
            if not isinstance(d["outlet"], str) or not d["outlet"]:
                self.err(f"{name}: outlet missing")
            if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
                self.err(f"{name}: wire {d['wire']!r}")
            for w in d["wire"] or []:
                if not any(x in ntext for x in WIRE_NAMES.get(w, (w,))):
                    self.err(f"{name}: wire {w} not named in the text")
            if not self.is_date(d["published"]):
                self.err(f"{name}: published {d['published']!r} is not a date")
            if not isinstance(d["published_tolerance_days"], int):
                self.err(f"{name}: published_tolerance_days not an int")
            if d["election"] is not None:
                e = d["election"]
                self.check_date(e["date"], f"{name} election")
                if e["kind"] not in KINDS:
                    self.err(f"{name}: election kind {e['kind']}")
                if ELECTIONS.get(e["date"]) != e["kind"]:
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
                w = f"{name} tally {t['phrase']!r}"
                if set(t) - TALLY_KEYS or TALLY_REQUIRED - set(t):
                    self.err(f"{w}: keys {sorted(t)}")
                    continue
                if t["counted"] not in COUNTED:
                    self.err(f"{w}: counted {t['counted']}")
                if t["qualifier"] not in QUALIFIER:
                    self.err(f"{w}: qualifier {t['qualifier']}")
                if not self.number_visible(t["number"], norm(t["phrase"])):
                    self.err(f"{w}: number {t['number']} not visible")
                vw = t["vague_word"]
                if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                    self.err(f"{w}: vague_word {vw!r} not in phrase / not lower case")
                if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                    self.err(f"{w}: vague needs a vague_word and no number")
                if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                    self.err(f"{w}: qualifier {t['qualifier']} without a number")
                if t["location"] is not None and not (isinstance(t["location"], list) and
                                                      all(isinstance(x, str) for x in t["location"])):
                    self.err(f"{w}: location must be a list of names")
                if "optional" in t and t["optional"] is not True:
                    self.err(f"{w}: optional must be true or absent")
                self.check_date(t["date"], w)
                counts[0] += 1
                counts[1] += bool(t.get("optional"))
            for r in d.get("results") or []:
                w = f"{name} result {r['phrase']!r}"
                if set(r) - RESULT_KEYS or RESULT_REQUIRED - set(r):
                    self.err(f"{w}: keys {sorted(r)}")
                    continue
                if r["measure"] not in MEASURE:
                    self.err(f"{w}: measure {r['measure']}")
                if r["qualifier"] not in QUALIFIER:
                    self.err(f"{w}: qualifier {r['qualifier']}")
                if not self.number_visible(r["value"], norm(r["phrase"])):
                    self.err(f"{w}: value {r['value']} not visible")
                if "of" in r and not self.number_visible(r["of"], norm(r["phrase"])):
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
        return counts


def load_gold():
    return yaml.safe_load((HERE / "gold_q.yaml").read_text(encoding="utf-8"))


def selftest(gold):
    """Broken copies (in memory) must each be rejected with the expected message."""
    def doc(g, name):
        return next(d for d in g if d["doc"] == name)

    cases = []

    g = copy.deepcopy(gold); doc(g, "q01_fitchratings_2022.html")["tallies"][0]["number"] = 252
    cases.append(("wrong tally number", g, {}, "number 252 not visible"))
    g = copy.deepcopy(gold); doc(g, "q06_mni_2023.txt")["results"][0]["value"] = 59.3
    cases.append(("wrong result value", g, {}, "value 59.3 not visible"))
    g = copy.deepcopy(gold); doc(g, "q02_platts_2012.txt")["tallies"][4]["counted"] = "wounded"
    cases.append(("unknown counted", g, {}, "counted wounded"))
    g = copy.deepcopy(gold); doc(g, "feed_q.jsonl:1")["results"][0]["subject"] = True
    cases.append(("unquoted yes", g, {}, "is not a string"))
    g = copy.deepcopy(gold); doc(g, "q05_euromoney_2016.html")["election"]["date"] = dt.date(2016, 3, 27)
    cases.append(("wrong election date", g, {}, "is not a known Kazakh vote"))
    g = copy.deepcopy(gold); doc(g, "q04_freedombroker_2022.csv:2")["results"][3]["phrase"] = "Turnout was 69.44%"
    cases.append(("duplicate phrase", g, {}, "duplicate phrases"))
    g = copy.deepcopy(gold); doc(g, "q06_mni_2023.txt")["results"][2]["phrase"] = "54.19%"
    cases.append(("phrase not unique", g, {}, "occurs 2 times"))
    g = copy.deepcopy(gold); doc(g, "q03_rencap_2019.txt")["tallies"][3]["vague_word"] = "Most"
    cases.append(("vague word not lower case", g, {}, "vague_word 'Most'"))
    g = copy.deepcopy(gold); doc(g, "feed_q.jsonl:1")["published"] = dt.date(2024, 10, 7)
    cases.append(("published not the epoch date", g, {}, "!= record date 2024-10-08"))
    raw = (ART / "q02_platts_2012.txt").read_bytes().replace(b"\r\n", b"\n")
    cases.append(("q02 with LF", gold, {"q02_platts_2012.txt": raw}, "expected CRLF"))
    raw = (ART / "q05_euromoney_2016.html").read_bytes().decode("latin-1").encode("utf-8")
    cases.append(("q05 re-encoded as UTF-8", gold, {"q05_euromoney_2016.html": raw}, "decodes as UTF-8"))
    raw = (ART / "q03_rencap_2019.txt").read_bytes()[2:]
    cases.append(("q03 without BOM", gold, {"q03_rencap_2019.txt": raw}, "expected a UTF-16LE BOM"))
    raw = (ART / "q04_freedombroker_2022.csv").read_bytes()[3:]
    cases.append(("q04 without BOM", gold, {"q04_freedombroker_2022.csv:2": raw}, "expected a UTF-8 BOM"))

    failed = 0
    for label, g, raws, expect in cases:
        c = Checker()
        c.check_gold(g, raws)
        hit = any(expect in e for e in c.errors)
        print(f"  selftest {'rejected' if hit else 'NOT REJECTED'}: {label} ({len(c.errors)} problem(s))")
        failed += not hit
    return failed


def main():
    gold = load_gold()
    c = Checker()
    n_t, n_to, n_r, n_ro = c.check_gold(gold)
    c.check_manifest()
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), {n_r} results ({n_ro} optional)")
    status = 0
    if c.errors:
        print(f"FAILED: {len(c.errors)} problem(s)")
        for e in c.errors:
            print("  -", e)
        status = 1
    else:
        print("OK")
    if "--selftest" in sys.argv:
        bad = selftest(gold)
        print("selftest OK" if not bad else f"selftest FAILED: {bad} broken copies accepted")
        status = status or (1 if bad else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
