#!/usr/bin/env python3
"""Standalone check of gold_b.yaml against the part-B documents of heldout_blind5.

Uses only the standard library and PyYAML; does not import kzresearch. For every document it
decodes the file (h03 is Windows-1252 with CRLF line ends; the other files UTF-8; a JSON Lines
row's body is blocks.copy_text), normalises text and annotations alike (NFKC, curly quotes to
straight, no-break space to space) and asserts that every phrase, boilerplate entry,
body_must_keep sentence and title occurs verbatim. In HTML files each string must also lie inside
one text segment between tags (outside <script>/<style>, except a title, which may sit in
<title> or JSON-LD) and contain no character entity. It also checks the vocabulary and the shape
of every field. Run: python3 check_gold_b.py  (exit status 0 when all checks pass).
"""
import datetime
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ART = HERE / "articles"
GOLD = HERE / "gold_b.yaml"

ENCODINGS = {"h03_smh_1999.txt": "cp1252"}          # everything else is UTF-8
CRLF_FILES = {"h03_smh_1999.txt"}
JSONL_BODY = ("blocks", "copy_text")
JSONL_TITLE = ("hed",)

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIER = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague", "unspecified"}
MEASURE = {"vote_share", "turnout", "seats", "threshold", "seats_contested", "parties_contesting",
           "registered_voters"}
KIND = {"presidential", "parliamentary", "referendum"}
DOC_KEYS = ["doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"]
TALLY_KEYS = ["phrase", "counted", "number", "qualifier", "vague_word", "location", "date",
              "source_attributed"]
RESULT_KEYS = ["phrase", "subject", "measure", "value", "qualifier", "election"]

QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    return s.replace("\u00a0", " ").replace("\u202f", " ")


def dig(obj, path):
    for k in path:
        obj = obj[k]
    return obj


def is_date(v, allow_month=True):
    if isinstance(v, datetime.date):
        return True
    if isinstance(v, str):
        for fmt in ("%Y-%m-%d",) + (("%Y-%m",) if allow_month else ()):
            try:
                datetime.datetime.strptime(v, fmt)
                return True
            except ValueError:
                pass
    return False


errors = []


def fail(doc, msg):
    errors.append(f"{doc}: {msg}")


def load_doc(name):
    """Return (normalised text, list of normalised text segments or None, title source text)."""
    if ":" in name:
        fname, row = name.split(":")
        lines = (ART / fname).read_text(encoding="utf-8").splitlines()
        rec = json.loads(lines[int(row) - 1])
        body = norm(dig(rec, JSONL_BODY))
        return body, None, norm(dig(rec, JSONL_TITLE))
    raw = (ART / name).read_bytes()
    enc = ENCODINGS.get(name, "utf-8")
    if enc != "utf-8":
        try:
            raw.decode("utf-8")
            fail(name, f"expected a legacy encoding ({enc}) but the bytes are valid UTF-8")
        except UnicodeDecodeError:
            pass
    text = raw.decode(enc)
    if name in CRLF_FILES:
        if b"\r\n" not in raw or re.search(rb"(?<!\r)\n", raw):
            fail(name, "expected CRLF line ends throughout")
        text = text.replace("\r\n", "\n")
    text = norm(text)
    if name.endswith(".html"):
        visible = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        segments = [seg for seg in re.split(r"<[^>]*>", visible)]
        return text, segments, text
    return text, None, text


def check_string(doc, what, s, text, segments):
    s = norm(s)
    if not s.strip():
        fail(doc, f"empty {what}")
        return
    if s not in text:
        fail(doc, f"{what} not found: {s!r}")
        return
    if segments is not None:
        if re.search(r"&(#\d+|#x[0-9a-fA-F]+|\w+);", s) or "<" in s or ">" in s:
            fail(doc, f"{what} contains an entity or tag: {s!r}")
        if not any(s in seg for seg in segments):
            fail(doc, f"{what} is not inside a single text segment: {s!r}")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    n_t = n_to = n_r = n_ro = 0
    seen_docs = set()
    for d in gold:
        doc = d.get("doc", "?")
        if doc in seen_docs:
            fail(doc, "duplicate doc entry")
        seen_docs.add(doc)
        for k in DOC_KEYS:
            if k not in d:
                fail(doc, f"missing field {k}")
        text, segments, title_src = load_doc(doc)
        # title
        if ":" in doc:
            if norm(d["title"]) != title_src:
                fail(doc, f"title differs from the row's hed: {d['title']!r}")
        elif norm(d["title"]) not in title_src:
            fail(doc, f"title not found: {d['title']!r}")
        if not isinstance(d["wire"], list):
            fail(doc, "wire must be a list")
        if d["published"] is not None and not is_date(d["published"]):
            fail(doc, f"bad published {d['published']!r}")
        if not isinstance(d["published_tolerance_days"], int):
            fail(doc, "published_tolerance_days must be an int")
        el = d["election"]
        if el is not None:
            if not is_date(el.get("date"), allow_month=False) or el.get("kind") not in KIND:
                fail(doc, f"bad election {el!r}")
        for b in d["boilerplate"]:
            check_string(doc, "boilerplate", b, text, segments)
        for b in d["body_must_keep"]:
            check_string(doc, "body_must_keep", b, text, segments)
        phrases = set()
        for t in d["tallies"] or []:
            n_t += 1
            n_to += bool(t.get("optional"))
            for k in TALLY_KEYS:
                if k not in t:
                    fail(doc, f"tally {t.get('phrase')!r} lacks {k}")
            check_string(doc, "tally phrase", t["phrase"], text, segments)
            if norm(t["phrase"]) in phrases:
                fail(doc, f"duplicate phrase {t['phrase']!r}")
            phrases.add(norm(t["phrase"]))
            if t["counted"] not in COUNTED:
                fail(doc, f"bad counted {t['counted']!r}")
            if t["qualifier"] not in QUALIFIER:
                fail(doc, f"bad qualifier {t['qualifier']!r}")
            if t["qualifier"] == "vague" and not t["vague_word"]:
                fail(doc, f"vague tally without vague_word: {t['phrase']!r}")
            if t["number"] is not None and not isinstance(t["number"], (int, float)):
                fail(doc, f"bad number {t['number']!r}")
            if t["number"] is None and t["qualifier"] not in ("vague", "unspecified"):
                fail(doc, f"null number needs vague/unspecified: {t['phrase']!r}")
            if t["location"] is not None and not isinstance(t["location"], list):
                fail(doc, f"location must be a list or null: {t['phrase']!r}")
            if t["date"] is not None and not is_date(t["date"]):
                fail(doc, f"bad tally date {t['date']!r}")
        for r in d["results"] or []:
            n_r += 1
            n_ro += bool(r.get("optional"))
            for k in RESULT_KEYS:
                if k not in r:
                    fail(doc, f"result {r.get('phrase')!r} lacks {k}")
            check_string(doc, "result phrase", r["phrase"], text, segments)
            if norm(r["phrase"]) in phrases:
                fail(doc, f"duplicate phrase {r['phrase']!r}")
            phrases.add(norm(r["phrase"]))
            if r["measure"] not in MEASURE:
                fail(doc, f"bad measure {r['measure']!r}")
            if r["qualifier"] not in QUALIFIER:
                fail(doc, f"bad qualifier {r['qualifier']!r}")
            if not isinstance(r["value"], (int, float)):
                fail(doc, f"bad value {r['value']!r}")
            if "of" in r and not isinstance(r["of"], (int, float)):
                fail(doc, f"bad of {r['of']!r}")
            if not is_date(r["election"], allow_month=False):
                fail(doc, f"bad result election {r['election']!r}")
    expected = {f"h0{i}" for i in range(1, 6)}
    got = {x.split("_")[0] for x in seen_docs if ":" not in x}
    if got != expected:
        fail("gold", f"documents h01-h05 expected, got {sorted(got)}")
    rows = (ART / "feed_k.jsonl").read_text(encoding="utf-8").splitlines()
    if len(rows) != 2 or {"feed_k.jsonl:1", "feed_k.jsonl:2"} - seen_docs:
        fail("gold", "feed_k.jsonl must have two rows, both annotated")
    print(f"documents: {len(gold)}; tallies: {n_t} ({n_to} optional); results: {n_r} ({n_ro} optional)")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: every phrase, boilerplate entry, body_must_keep sentence and title was found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
