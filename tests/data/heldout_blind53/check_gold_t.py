#!/usr/bin/env python3
"""Check gold_t.yaml of blind held-out set 53, part T, against its seven documents.

Standalone: standard library and PyYAML only; it does not import kzresearch.

Decodes each document with its real encoding and checks the byte layout README_t.md claims:
  t01, t05   HTML, UTF-8, LF, no BOM
  t02        plain text, UTF-8, no BOM, CRLF on every line
  t03        HTML, Windows-1252 (must NOT decode as UTF-8), CRLF on every line
  t04        CSV, UTF-8 with BOM, CRLF, ';'-delimited, header on line 1, one record starting on
             line 2 (addressed t04_statista_2023.csv:2); its text is the record's cells joined by
             line breaks (CRLF inside cells read as LF)
  t06        plain text, UTF-16LE with BOM, CRLF on every line
  feed_t.jsonl  one JSON row, UTF-8, LF; text = video.title, video.description, chapters[].label
             (by start), video.thumbnail_caption, transcript[].line (by start), joined by blank
             lines; title = video.title, byline = credits.reporter, wires looked up in the raw row.
HTML visible text: script and style dropped, every tag replaced by a line break, entities decoded.
Both sides are normalised (NFKC, curly quotes straightened, no-break space as space). It asserts
that the title, every boilerplate entry and body_must_keep sentence occur; every tally/result phrase
occurs exactly once and phrases are distinct per document; numbers/values/`of` are visible in the
phrase (digits, thousands separators, "N million", number words); vocabulary values and field sets
are those of /work/shared/gold/README.md and seeds.yaml; dates are dates; every election date is a
Kazakh national vote and a document's election has the right kind; manifest_t.csv is well formed.
Then it feeds a few deliberately broken copies (in memory) and asserts each is rejected.
Prints "N documents, T tallies (k optional), R results (m optional)", the self-test line, and "OK".
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
    "t01_outlookindia_2022.html": "html_utf8",
    "t02_lbc_2019.txt": "utf8_crlf",
    "t03_breakingnewsie_2012.html": "html_cp1252_crlf",
    "t04_statista_2023.csv:2": "csv_utf8bom_crlf",
    "t05_theworld_2022.html": "html_utf8",
    "t06_afr_2024.txt": "utf16_crlf",
    "feed_t.jsonl:1": "jsonl",
}
WIRE_NAMES = {"AP": ("AP", "Associated Press"), "AFP": ("AFP", "Agence France-Presse"),
              "PTI": ("PTI", "Press Trust of India")}
COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRES = {"AP", "AFP", "Reuters", "Interfax", "Xinhua", "TASS", "dpa", "EFE", "Anadolu", "PTI", "PA"}
DOC_KEYS = {"doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"}
TALLY_KEYS = {"phrase", "counted", "number", "qualifier", "vague_word", "multiplier", "location",
              "date", "source_attributed", "optional"}
TALLY_REQUIRED = TALLY_KEYS - {"multiplier", "optional"}
RESULT_KEYS = {"phrase", "subject", "measure", "value", "of", "qualifier", "scope", "election", "optional"}
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
    return s


def visible_text(raw_html):
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", raw_html)
    t = re.sub(r"(?s)<[^>]+>", "\n", t)
    return html.unescape(t)


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, msg):
        self.errors.append(msg)

    def crlf(self, text, name):
        if "\r\n" not in text or re.search(r"(?<!\r)\n", text):
            self.err(f"{name}: expected CRLF line endings throughout")
        return text.replace("\r\n", "\n")

    def lf(self, raw, name):
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err(f"{name}: unexpected BOM")
        if b"\r" in raw:
            self.err(f"{name}: unexpected CR")

    def load(self, name, kind, raw_override=None):
        """Return (text, raw text for wire lookup, title field or None, byline field or None)."""
        fname = name.rsplit(":", 1)[0] if ":" in name else name
        raw = raw_override if raw_override is not None else (ART / fname).read_bytes()
        if kind == "jsonl":
            self.lf(raw, fname)
            text = raw.decode("utf-8")
            rows = [r for r in text.split("\n") if r.strip()]
            if len(rows) != 1 or not name.endswith(":1"):
                self.err(f"{fname}: expected exactly one row addressed :1")
            row = json.loads(rows[0])
            v = row["video"]
            parts = [v["title"], v["description"]]
            parts += [c["label"] for c in sorted(row["chapters"], key=lambda c: c["start"])]
            parts += [v["thumbnail_caption"]]
            parts += [t["line"] for t in sorted(row["transcript"], key=lambda t: t["start"])]
            return "\n\n".join(parts), rows[0], v["title"], row["credits"]["reporter"]
        if kind == "html_utf8":
            self.lf(raw, fname)
            t = raw.decode("utf-8")
            return visible_text(t), t, None, None
        if kind == "utf8_crlf":
            if raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{fname}: unexpected BOM")
            t = self.crlf(raw.decode("utf-8"), fname)
            return t, t, None, None
        if kind == "html_cp1252_crlf":
            try:
                raw.decode("utf-8")
                self.err(f"{fname}: decodes as UTF-8, expected Windows-1252")
            except UnicodeDecodeError:
                pass
            t = self.crlf(raw.decode("cp1252"), fname)
            return visible_text(t), t, None, None
        if kind == "utf16_crlf":
            if not raw.startswith(b"\xff\xfe"):
                self.err(f"{fname}: expected a UTF-16LE BOM")
            t = self.crlf(raw.decode("utf-16"), fname)
            return t, t, None, None
        if kind == "csv_utf8bom_crlf":
            if not raw.startswith(b"\xef\xbb\xbf"):
                self.err(f"{fname}: expected a UTF-8 BOM")
            t = self.crlf(raw.decode("utf-8-sig"), fname)
            lines = t.split("\n")
            if not lines[0].startswith("statistic_id;"):
                self.err(f"{fname}: header is not on line 1")
            if not lines[1].startswith('"') and not lines[1][:1].isdigit():
                self.err(f"{fname}: record does not start on line 2")
            rows = list(csv.reader(io.StringIO(t), delimiter=";"))
            if len(rows) != 2 or len(rows[0]) != len(rows[1]):
                self.err(f"{fname}: expected a header and exactly one record of equal width")
            if not name.endswith(":2"):
                self.err(f"{fname}: the record is addressed :2")
            rec = dict(zip(rows[0], rows[1]))
            return "\n".join(rows[1]), t, rec.get("title"), None
        raise ValueError(kind)

    def number_visible(self, n, phrase):
        p = phrase.lower()
        if n is None:
            return True
        if isinstance(n, float) and not n.is_integer():
            return re.search(r"(?<![\d.])" + re.escape(repr(n)) + r"(?![1-9])",
                             p.replace(",", "")) is not None
        n = int(n)
        for m in re.finditer(r"(\d+(?:\.\d+)?) million", p):
            if round(float(m.group(1)) * 1_000_000) == n:
                return True
        forms = {str(n), f"{n:,}"}
        if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)(?!,\d)(?!\.\d)", p) for f in forms):
            return True
        return any(re.search(r"\b" + w + r"\b", p) and v == n for w, v in WORDS.items())

    def check_date(self, value, what):
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            self.err(f"{what}: date {value!r} is not YYYY-MM-DD")

    def run(self, gold, raw_overrides=None):
        raw_overrides = raw_overrides or {}
        seen = [d["doc"] for d in gold]
        if sorted(seen) != sorted(DOCS):
            self.err(f"documents {seen} != {sorted(DOCS)}")
        counts = [0, 0, 0, 0]
        for d in gold:
            name = d["doc"]
            if set(d) != DOC_KEYS:
                self.err(f"{name}: keys differ from seeds: missing {DOC_KEYS - set(d)}, unknown {set(d) - DOC_KEYS}")
            kind = DOCS.get(name)
            if kind is None:
                continue
            text, rawtext, title_field, byline_field = self.load(name, kind, raw_overrides.get(name))
            ntext = norm(text)
            if norm(d["title"]) not in ntext:
                self.err(f"{name}: title not found")
            if title_field is not None and norm(title_field) != norm(d["title"]):
                self.err(f"{name}: title is not the record's title field")
            if byline_field is not None:
                if d["byline"] != byline_field:
                    self.err(f"{name}: byline is not credits.reporter")
            elif d["byline"] is not None and norm(d["byline"]) not in ntext:
                self.err(f"{name}: byline {d['byline']!r} not in the text")
            if not isinstance(d["outlet"], str) or not d["outlet"]:
                self.err(f"{name}: outlet missing")
            if not isinstance(d["wire"], list) or set(d["wire"]) - WIRES:
                self.err(f"{name}: wire {d['wire']!r}")
            for w in d["wire"] or []:
                if not any(re.search(r"\b" + re.escape(x) + r"\b", rawtext) for x in WIRE_NAMES.get(w, (w,))):
                    self.err(f"{name}: wire {w} not named")
            if not isinstance(d["published"], dt.date):
                self.err(f"{name}: published {d['published']!r} is not a date")
            if not isinstance(d["published_tolerance_days"], int):
                self.err(f"{name}: published_tolerance_days not an int")
            if d["election"] is not None:
                e = d["election"]
                self.check_date(e["date"], f"{name} election")
                if e["kind"] not in KINDS or ELECTIONS.get(e["date"]) != e["kind"]:
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
                if t["location"] is not None and not (isinstance(t["location"], list)
                                                      and all(isinstance(x, str) for x in t["location"])):
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
                    self.err(f"{w}: subject {r['subject']!r} is not a string")
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

    def check_manifest(self):
        with (HERE / "manifest_t.csv").open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
                self.err(f"manifest_t.csv: columns {reader.fieldnames}")
            rows = list(reader)
        want = sorted(n.split(":")[0] for n, k in DOCS.items() if k != "jsonl")
        if sorted(r["file"] for r in rows) != want:
            self.err(f"manifest_t.csv: files differ from {want}")
        for r in rows:
            if r["published"]:
                try:
                    dt.date.fromisoformat(r["published"])
                except ValueError:
                    self.err(f"manifest_t.csv: published {r['published']!r}")


def broken_copies(gold):
    """Yield (label, gold copy, raw overrides) that the checker must reject."""
    def doc(g, name):
        return next(d for d in g if d["doc"] == name)
    g = copy.deepcopy(gold); doc(g, "t01_outlookindia_2022.html")["tallies"][4]["phrase"] = "Killed: 165, including three children"
    yield "altered phrase", g, {}
    g = copy.deepcopy(gold); doc(g, "t06_afr_2024.txt")["tallies"][1]["number"] = 676
    yield "wrong number", g, {}
    g = copy.deepcopy(gold); doc(g, "t03_breakingnewsie_2012.html")["tallies"][2]["counted"] = "arrested"
    yield "bad vocabulary", g, {}
    g = copy.deepcopy(gold); doc(g, "t05_theworld_2022.html")["election"]["date"] = dt.date(2022, 11, 21)
    yield "not a Kazakh vote", g, {}
    g = copy.deepcopy(gold); doc(g, "t04_statista_2023.csv:2")["results"].append(
        copy.deepcopy(doc(g, "t04_statista_2023.csv:2")["results"][1]))
    yield "duplicate phrase", g, {}
    g = copy.deepcopy(gold); doc(g, "t02_lbc_2019.txt")["results"][0]["phrase"] = "per cent"
    yield "phrase not unique", g, {}
    raw = (ART / "t03_breakingnewsie_2012.html").read_bytes().decode("cp1252").encode("utf-8")
    yield "t03 re-encoded as UTF-8", copy.deepcopy(gold), {"t03_breakingnewsie_2012.html": raw}
    raw = (ART / "t06_afr_2024.txt").read_bytes()[2:]
    yield "t06 without BOM", copy.deepcopy(gold), {"t06_afr_2024.txt": raw}
    raw = (ART / "t02_lbc_2019.txt").read_bytes().replace(b"\r\n", b"\n")
    yield "t02 with LF", copy.deepcopy(gold), {"t02_lbc_2019.txt": raw}
    g = copy.deepcopy(gold); del doc(g, "feed_t.jsonl:1")["body_must_keep"]
    yield "missing field", g, {}


def main():
    gold = yaml.safe_load((HERE / "gold_t.yaml").read_text(encoding="utf-8"))
    c = Checker()
    n_t, n_to, n_r, n_ro = c.run(gold)
    c.check_manifest()
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), {n_r} results ({n_ro} optional)")
    missed = []
    total = 0
    for label, g, raw in broken_copies(gold):
        total += 1
        b = Checker()
        try:
            b.run(g, raw)
        except Exception as e:  # a crash on a broken copy also counts as a rejection
            b.err(repr(e))
        if not b.errors:
            missed.append(label)
    print(f"self-test: {total - len(missed)} of {total} broken copies rejected")
    if missed:
        c.err(f"broken copies accepted: {missed}")
    if c.errors:
        print(f"FAILED: {len(c.errors)} problem(s)")
        for e in c.errors:
            print("  -", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
