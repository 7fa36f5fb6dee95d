#!/usr/bin/env python3
"""Check gold_w.yaml of blind held-out set 29, part B (w-files), against its seven documents.

Standalone: standard library and PyYAML only. It does not import kzresearch.

How each document is decoded (the "decoded text" the phrases must be found in):
  w01, w03, w06 (.html)  UTF-8 without BOM, LF only. Decoded text = the page with <script> and
                         <style> elements removed, every tag replaced by a line break and HTML
                         entities resolved (html.unescape). Annotations are written in resolved
                         characters (’ not &rsquo;).
  w02 (.txt)             UTF-8 WITH a byte-order mark and CRLF line ends; BOM dropped, CRLF -> LF.
  w04 (.txt)             Windows-1252 with CRLF line ends; must NOT be valid UTF-8.
  w05 (.txt)             UTF-16 little-endian with BOM (FF FE), LF line ends.
  feed_w.jsonl:1         one UTF-8 JSON row written without ASCII escaping (raw curly quotes).
                         Text = the "v" values of the "frags" list, in list order, joined by a
                         blank line ("\n\n"), whatever their "k" (hl, dek, p, promo, share).
                         Title = the "v" of the frag whose "k" is "hl"; byline = credit.writer;
                         agencies credited = credit.agency_codes split on "/".

Both sides are normalised before comparison: NFKC, curly quotes to straight, no-break and narrow
no-break spaces to plain spaces. The checks:
  - every boilerplate entry, body_must_keep sentence, tally phrase and result phrase is a
    substring of the decoded text; tally and result phrases occur exactly once and are distinct
    within a document;
  - the number / value / of is visible in its phrase (digits with or without thousands
    separators, "N million", or a number word: "ten", "Seventy", "two dozen", "a thousand", ...);
  - vocabularies of /work/shared/gold/README.md (counted, qualifier, measure, election kind);
    keys are exactly the fields used in /work/shared/gold/seeds.yaml; dates are real dates;
    vague tallies carry a lower-case vague_word found in the phrase and no number; non-vague,
    non-unspecified tallies carry a number; "optional" is true or absent;
  - election dates are Kazakh national votes and match the stated kind; a turnout's subject is
    "turnout"; referendum subjects are the strings "yes"/"no";
  - title occurs in the decoded text; a byline occurs in it (case-insensitive; for the JSON row it
    must equal credit.writer); each credited wire is named in the text (AFP also as
    "Agence France-Presse") or, for the JSON row, listed in credit.agency_codes;
  - the bytes of each file have the encoding, BOM and line ends described above;
  - manifest_w.csv has the columns file,outlet,url,published,notes and exactly the six
    non-JSONL files; a filled "published" is an ISO date.
Prints "N documents, T tallies (k optional), R results (m optional)" and "OK" on success.
Exit status 0 when everything passes, 1 otherwise.
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
GOLD = HERE / "gold_w.yaml"
MANIFEST = HERE / "manifest_w.csv"

DOCS = {
    "w01_thenews_2011.html": "html",
    "w02_thestatesman_2016.txt": "utf8bom_crlf",
    "w03_phnompenhpost_2022.html": "html",
    "w04_manilatimes_2005.txt": "cp1252_crlf",
    "w05_theedge_2011.txt": "utf16le_bom",
    "w06_frontiermyanmar_2023.html": "html",
    "feed_w.jsonl:1": "jsonl",
}
ROW_KEYS = {"sid", "site", "frags", "credit", "stamps", "photo", "kw"}

DOC_KEYS = ["doc", "outlet", "outlet_evidence", "title", "byline", "wire", "published",
            "published_tolerance_days", "published_evidence", "election", "boilerplate",
            "body_must_keep", "tallies", "results"]
TALLY_REQ = {"phrase", "counted", "number", "qualifier", "vague_word", "location", "date",
             "source_attributed"}
TALLY_OPT = {"multiplier", "optional"}
RESULT_REQ = {"phrase", "subject", "measure", "value", "qualifier", "election"}
RESULT_OPT = {"of", "scope", "optional"}

COUNTED = {"protesters", "detained", "injured", "killed", "released", "fined", "sentenced", "other"}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "fewer_than", "vague",
              "unspecified"}
MEASURES = {"vote_share", "turnout", "seats", "threshold", "seats_contested",
            "parties_contesting", "registered_voters"}
KINDS = {"presidential", "parliamentary", "referendum"}
WIRE_NAMES = {"AP": ["AP", "Associated Press"], "AFP": ["AFP", "Agence France-Presse"],
              "Reuters": ["Reuters"], "Interfax": ["Interfax"], "Xinhua": ["Xinhua"],
              "TASS": ["TASS"], "dpa": ["dpa"]}

KAZ_VOTES = {
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

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "a dozen": 12, "two dozen": 24, "both": 2,
    "a hundred": 100, "a thousand": 1000,
}

problems = []


def fail(msg):
    problems.append(msg)


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u00a0", " "), ("\u202f", " ")):
        s = s.replace(a, b)
    return s


def html_text(page):
    page = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    page = re.sub(r"(?s)<[^>]*>", "\n", page)
    return html.unescape(page)


def decode(name, kind):
    """Return (decoded text, row or None)."""
    if kind == "jsonl":
        fname, line = name.rsplit(":", 1)
        raw = (ART / fname).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
            fail(f"{fname}: BOM or CR found")
        if raw.isascii():
            fail(f"{fname}: expected raw (non-ASCII-escaped) UTF-8")
        lines = [x for x in raw.decode("utf-8").split("\n") if x.strip()]
        if len(lines) != 1 or line != "1":
            fail(f"{fname}: expected one row addressed :1, found {len(lines)} rows")
        row = json.loads(lines[int(line) - 1])
        if set(row) != ROW_KEYS:
            fail(f"{fname}: keys {sorted(row)} != {sorted(ROW_KEYS)}")
        frags = row["frags"]
        if not all(isinstance(f, dict) and set(f) == {"k", "v"} and isinstance(f["v"], str)
                   for f in frags):
            fail(f"{fname}: every frag must be {{k, v}} with a string v")
        if [f["k"] for f in frags].count("hl") != 1:
            fail(f"{fname}: exactly one hl frag expected")
        return "\n\n".join(f["v"] for f in frags), row
    raw = (ART / name).read_bytes()
    if kind == "html":
        if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
            fail(f"{name}: BOM or CR in an HTML file")
        return html_text(raw.decode("utf-8", errors="replace")), None
    if kind == "utf8bom_crlf":
        if not raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{name}: UTF-8 BOM missing")
        if re.search(rb"(?<!\r)\n", raw) or b"\r\n" not in raw:
            fail(f"{name}: not CRLF throughout")
        body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        return body.decode("utf-8", errors="replace").replace("\r\n", "\n"), None
    if kind == "cp1252_crlf":
        try:
            raw.decode("utf-8")
            fail(f"{name}: decodes as UTF-8; expected Windows-1252")
        except UnicodeDecodeError:
            pass
        if re.search(rb"(?<!\r)\n", raw) or b"\r\n" not in raw:
            fail(f"{name}: not CRLF throughout")
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            fail(f"{name}: not valid Windows-1252 ({exc.reason} at byte {exc.start})")
            text = raw.decode("cp1252", errors="replace")
        return text.replace("\r\n", "\n"), None
    if kind == "utf16le_bom":
        if not raw.startswith(b"\xff\xfe"):
            fail(f"{name}: UTF-16LE BOM missing")
        body = raw[2:] if raw.startswith(b"\xff\xfe") else raw
        text = body.decode("utf-16-le", errors="replace")
        if "\r" in text:
            fail(f"{name}: CR found; expected LF")
        return text, None
    raise ValueError(kind)


def visible(number, phrase):
    """Is `number` written in `phrase` (digits, separators, 'N million' or a number word)?"""
    if number is None:
        return True
    p = norm(phrase).lower()
    if isinstance(number, float) and not number.is_integer():
        forms = {repr(number), f"{number:,}"}
        return any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?!\d)", p) for f in forms)
    n = int(number)
    forms = {str(n), f"{n:,}"}
    if n >= 1_000_000:
        forms.add(f"{n / 1_000_000:g} million")
    if any(re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])(?![.,]\d)", p) for f in forms):
        return True
    return any(v == n and re.search(r"\b" + re.escape(w) + r"\b", p)
               for w, v in NUMBER_WORDS.items())


def is_date(x):
    return isinstance(x, dt.date) and not isinstance(x, dt.datetime)


def check_manifest():
    with MANIFEST.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["file", "outlet", "url", "published", "notes"]:
            fail(f"manifest_w.csv: columns {reader.fieldnames}")
        rows = list(reader)
    files = sorted(r["file"] for r in rows)
    want = sorted(n for n, k in DOCS.items() if k != "jsonl")
    if files != want:
        fail(f"manifest_w.csv: files {files} != {want}")
    for r in rows:
        if r["published"]:
            try:
                dt.date.fromisoformat(r["published"])
            except ValueError:
                fail(f"manifest_w.csv: bad published {r['published']!r} ({r['file']})")


def main():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    names = [d.get("doc") for d in gold]
    if sorted(names) != sorted(DOCS):
        fail(f"documents {names} != {sorted(DOCS)}")
    n_t = n_to = n_r = n_ro = 0
    for d in gold:
        name = d.get("doc")
        if list(d) != DOC_KEYS:
            fail(f"{name}: fields {list(d)} differ from the seeds' {DOC_KEYS}")
        kind = DOCS.get(name)
        if kind is None:
            continue
        text, row = decode(name, kind)
        ntext = norm(text)
        # document fields
        if not isinstance(d["outlet"], str) or not d["outlet"].strip():
            fail(f"{name}: outlet missing")
        if not isinstance(d["outlet_evidence"], str) or not d["outlet_evidence"].strip():
            fail(f"{name}: outlet_evidence missing")
        if norm(d["title"]) not in ntext:
            fail(f"{name}: title not in text")
        if row is not None:
            hl = [f["v"] for f in row["frags"] if f["k"] == "hl"]
            if [norm(d["title"])] != [norm(h) for h in hl]:
                fail(f"{name}: title is not the hl frag")
            if d["byline"] != row["credit"]["writer"]:
                fail(f"{name}: byline is not credit.writer")
            credited = {a.strip().lower() for a in row["credit"]["agency_codes"].split("/")}
        else:
            credited = set()
            if d["byline"] is not None and norm(d["byline"]).lower() not in ntext.lower():
                fail(f"{name}: byline {d['byline']!r} not in text")
        if not isinstance(d["wire"], list):
            fail(f"{name}: wire must be a list")
        for w in d["wire"] or []:
            if w not in WIRE_NAMES:
                fail(f"{name}: unknown wire {w!r}")
            elif not (any(x in ntext for x in WIRE_NAMES[w]) or w.lower() in credited):
                fail(f"{name}: wire {w} not named")
        if not is_date(d["published"]):
            fail(f"{name}: published {d['published']!r} is not a date")
        if not isinstance(d["published_tolerance_days"], int) or d["published_tolerance_days"] < 0:
            fail(f"{name}: published_tolerance_days")
        if not isinstance(d["published_evidence"], str):
            fail(f"{name}: published_evidence missing")
        e = d["election"]
        if e is not None:
            if set(e) != {"date", "kind"} or e["kind"] not in KINDS or not is_date(e["date"]):
                fail(f"{name}: election {e!r}")
            elif KAZ_VOTES.get(e["date"]) != e["kind"]:
                fail(f"{name}: election {e} is not a Kazakh vote of that kind")
        # strings
        checks = ([("boilerplate", s) for s in d["boilerplate"] or []]
                  + [("body_must_keep", s) for s in d["body_must_keep"] or []])
        for what, s in checks:
            if norm(s) not in ntext:
                fail(f"{name}: {what} not found: {s!r}")
        seen = set()
        for item, what in ([(t, "tally") for t in d["tallies"] or []]
                           + [(r, "result") for r in d["results"] or []]):
            ph = norm(item["phrase"])
            c = ntext.count(ph)
            if c != 1:
                fail(f"{name}: {what} phrase found {c} times: {item['phrase']!r}")
            if ph in seen:
                fail(f"{name}: duplicate phrase {item['phrase']!r}")
            seen.add(ph)
        # tallies
        for t in d["tallies"] or []:
            w = f"{name} tally {t['phrase']!r}"
            keys = set(t)
            if TALLY_REQ - keys or keys - TALLY_REQ - TALLY_OPT:
                fail(f"{w}: keys {sorted(keys)}")
                continue
            if t["counted"] not in COUNTED:
                fail(f"{w}: counted {t['counted']!r}")
            if t["qualifier"] not in QUALIFIERS:
                fail(f"{w}: qualifier {t['qualifier']!r}")
            if not visible(t["number"], t["phrase"]):
                fail(f"{w}: number {t['number']} not visible")
            vw = t["vague_word"]
            if vw is not None and (vw != vw.lower() or vw not in norm(t["phrase"]).lower()):
                fail(f"{w}: vague_word {vw!r} not lower case / not in phrase")
            if t["qualifier"] == "vague" and (vw is None or t["number"] is not None):
                fail(f"{w}: a vague tally needs a vague_word and no number")
            if t["qualifier"] not in ("vague", "unspecified") and t["number"] is None:
                fail(f"{w}: qualifier {t['qualifier']} without a number")
            loc = t["location"]
            if loc is not None and not (isinstance(loc, list) and loc
                                        and all(isinstance(x, str) for x in loc)):
                fail(f"{w}: location must be null or a list of names")
            if t["date"] is not None and not is_date(t["date"]):
                fail(f"{w}: date {t['date']!r}")
            if "multiplier" in t and not isinstance(t["multiplier"], int):
                fail(f"{w}: multiplier")
            if "optional" in t and t["optional"] is not True:
                fail(f"{w}: optional must be true or absent")
            n_t += 1
            n_to += bool(t.get("optional"))
        # results
        for r in d["results"] or []:
            w = f"{name} result {r['phrase']!r}"
            keys = set(r)
            if RESULT_REQ - keys or keys - RESULT_REQ - RESULT_OPT:
                fail(f"{w}: keys {sorted(keys)}")
                continue
            if r["measure"] not in MEASURES:
                fail(f"{w}: measure {r['measure']!r}")
            if r["qualifier"] not in QUALIFIERS:
                fail(f"{w}: qualifier {r['qualifier']!r}")
            if not isinstance(r["subject"], str):
                fail(f"{w}: subject must be a string")
            if r["measure"] == "turnout" and r["subject"] != "turnout":
                fail(f"{w}: turnout subject must be 'turnout'")
            if not visible(r["value"], r["phrase"]):
                fail(f"{w}: value {r['value']} not visible")
            if "of" in r and not visible(r["of"], r["phrase"]):
                fail(f"{w}: of {r['of']} not visible")
            if not is_date(r["election"]) or r["election"] not in KAZ_VOTES:
                fail(f"{w}: election {r['election']!r} is not a Kazakh vote")
            if KAZ_VOTES.get(r["election"]) == "referendum" and r["measure"] == "vote_share" \
                    and r["subject"] not in ("yes", "no"):
                fail(f"{w}: referendum shares need subject yes/no")
            if "optional" in r and r["optional"] is not True:
                fail(f"{w}: optional must be true or absent")
            n_r += 1
            n_ro += bool(r.get("optional"))
    check_manifest()
    print(f"{len(gold)} documents, {n_t} tallies ({n_to} optional), "
          f"{n_r} results ({n_ro} optional)")
    if problems:
        print(f"FAILED: {len(problems)} problem(s)")
        for p in problems:
            print("  -", p)
        return 1
    print("OK")
    return 0


def dump(outdir):
    """Write each decoded text to outdir (annotator's aid; not part of the checks)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for name, kind in DOCS.items():
        text, _ = decode(name, kind)
        (out / (name.replace(":", "_") + ".decoded.txt")).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        dump(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
