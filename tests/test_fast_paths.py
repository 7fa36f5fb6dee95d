"""Every shortcut taken for speed gives the answer of the slow way it replaces."""
import random
import re
from pathlib import Path

import pytest
from ftfy.badness import is_bad

from kzresearch import paths
from kzresearch.patterns import any_of, caseless, first_char_guard, fold_case, length_range, trie_alternation
from kzresearch.textnorm import _non_ascii_neighbourhoods, normalize_text

TEST_DATA = Path(__file__).parent / "data"


def _corpus_texts() -> list[str]:
    files = sorted(paths.raw_dir().glob("*.txt")) + sorted(TEST_DATA.rglob("*.txt")) + sorted(TEST_DATA.rglob("*.html"))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


@pytest.fixture(scope="module")
def corpus_lines() -> list[str]:
    lines = [line.strip() for text in _corpus_texts() for line in normalize_text(text).split("\n")]
    # and the furniture the cleaning tests name, which the corpus may not hold
    source = (Path(__file__).parent / "test_cleaning.py").read_text(encoding="utf-8")
    lines += re.findall(r'^\s*\("([^"]+)", "\w+"\),$', source, flags=re.MULTILINE)
    return [line for line in lines if line]


def test_trie_alternation_matches_like_the_longest_first_alternation():
    rng = random.Random(0)
    alphabet = "ab -"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))).strip() for _ in range(60)} - {""}
    words = {" ".join(w.split()) for w in words}
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])")
    trie = re.compile(r"(?<![\w-])" + trie_alternation(words) + r"(?![\w-])")
    for _ in range(500):
        text = "".join(rng.choice(alphabet + "c\n") for _ in range(40))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_whole_word_trie_matches_like_the_bounded_alternation():
    """``alternation(..., whole_words=True)`` is a trie; it matches what ``\\b``-bounded words do."""
    rng = random.Random(1)
    alphabet = "ab ,;"
    words = {" ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))).split()) for _ in range(40)} - {""}
    bounded = []
    for w in sorted(words, key=len, reverse=True):
        part = re.escape(w).replace(r"\ ", r"\s+")
        bounded.append((r"\b" if w[0].isalnum() else "") + part + (r"\b" if w[-1].isalnum() else ""))
    plain = re.compile("(?:" + "|".join(bounded) + ")")
    trie = re.compile(trie_alternation(words, whole_words=True))
    for _ in range(500):
        text = "".join(rng.choice(alphabet + "c\n") for _ in range(40))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_first_char_guard_keeps_every_match(ref, corpus_lines):
    """A group behind its first-character guard matches what the group alone does, the trigger
    lexicon's (look-behinds, optional words, classes) and random patterns alike."""
    from kzresearch.claims.lexicon import alternation, lexicon_of
    patterns = [alternation(frags, literal=False) for frags in lexicon_of(ref)["triggers"].values()]
    rng = random.Random(2)
    pieces = ["a", "b", "[ab]", "(?:a|b)?", "c*", "(?<=a)", "(?!b)", r"\b", " ", "(?:ab|)", r"\w", "[^a]", "(ab)", "(?-i:a)", r"\d"]
    patterns += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) + "c" for _ in range(200)]
    text = "\n".join(corpus_lines[:3000]).lower()
    for pattern in patterns:
        plain, guarded = re.compile(pattern), re.compile(first_char_guard(pattern) + f"(?:{pattern})")
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)], pattern
        assert [m.span() for m in guarded.finditer("abcab cba c")] == [m.span() for m in plain.finditer("abcab cba c")], pattern


def test_first_char_guard_is_none_where_a_match_may_start_anywhere():
    assert first_char_guard("(?:ab)?") == first_char_guard(r"\w+ed") == first_char_guard("(?i:a)b") == ""
    assert first_char_guard(r"(?-i:a)b|\d") == r"(?=[\da])"
    assert first_char_guard(r"(?<=said )there were|(?:came|come) out") == "(?=[ct])"


def test_any_of_prefilter_agrees_with_its_patterns(ref):
    signatures = list(ref.outlets["pattern"])
    combined = any_of(signatures)
    compiled = [re.compile(p, re.IGNORECASE) for p in signatures]
    for text in _corpus_texts():
        for line in text.splitlines():
            assert bool(combined.search(line)) == any(p.search(line) for p in compiled)
            assert bool(combined.fullmatch(line)) == any(p.fullmatch(line) for p in compiled)


def test_length_range_bounds_what_a_rule_can_match(ref, corpus_lines):
    for rule in ref.boilerplate["line_rules"]:
        low, high = length_range(rule["pattern"], re.IGNORECASE)
        pattern = re.compile(rule["pattern"], re.IGNORECASE)
        for line in corpus_lines:
            if pattern.fullmatch(line):
                assert low <= len(line) <= high, (rule["rule"], line)


def test_rule_keywords_are_complete(ref, corpus_lines):
    """A line a rule matches holds one of the rule's keywords, so skipping the others loses nothing."""
    checked = 0
    for rule in ref.boilerplate["line_rules"]:
        if not rule.get("keywords"):
            continue
        pattern = re.compile(rule["pattern"], re.IGNORECASE)
        for line in corpus_lines:
            if pattern.fullmatch(line):
                checked += 1
                assert any(k in fold_case(line) for k in rule["keywords"]), (rule["rule"], line)
    appeal = ref.boilerplate["appeal"]
    for line in corpus_lines:
        if any(re.search(cue["pattern"], line, re.IGNORECASE) for cue in appeal["cues"]):
            checked += 1
            assert any(k in fold_case(line) for k in appeal["keywords"]), line
    assert checked > 20


def _case_insensitive_patterns(ref) -> list[str]:
    cues = ref.election_cues
    return ([r["pattern"] for r in ref.boilerplate["line_rules"]] + [c["pattern"] for c in ref.boilerplate["appeal"]["cues"]]
            + list(ref.outlets["pattern"]) + [cues["election_words"], *cues["kinds"].values(), *cues["event_cues"].values()])


def test_caseless_patterns_match_like_ignorecase(ref, corpus_lines):
    """Every reference pattern compiled with ``caseless`` finds, on the folded text, the spans the
    case-insensitive pattern finds on the text, including letters IGNORECASE equates with ASCII."""
    tricky = ["\u0130STANBUL", "Kazakh\u0131stan", "\u212aAZAKHSTAN", "Ru\u017fsia", "PHOTO: AFP", "Read MORE"]
    lines = corpus_lines + [f"{a} {b}" for a in tricky for b in corpus_lines[:40]]
    lowered = 0
    for source in _case_insensitive_patterns(ref):
        slow = re.compile(source, re.IGNORECASE)
        fast = caseless(source)
        lowered += not fast.flags & re.IGNORECASE
        for line in lines:
            folded = fold_case(line)
            assert len(folded) == len(line)
            assert [m.span() for m in fast.finditer(folded)] == [m.span() for m in slow.finditer(line)], (source, line)
            assert bool(fast.fullmatch(folded)) == bool(slow.fullmatch(line)), (source, line)
    assert lowered > 50


@pytest.mark.parametrize("pattern", [r"\x41b", r"(?-i:A)b", r"[A-z]", r"[0-Z]x", r"(?a)s", r"\u0130", r"(a)\1", "\u00c9cole", "\u0410\u0437\u0430\u0442\u0442\u044b\u049b", "stra\u00dfe"])
def test_caseless_keeps_ignorecase_where_lowering_would_change_the_pattern(pattern):
    assert caseless(pattern).flags & re.IGNORECASE


def test_caseless_lowers_ranges_inside_or_outside_the_capitals():
    assert not caseless(r"[A-Z][a-f0-9_-]").flags & re.IGNORECASE
    assert caseless(r"[A-Z]x").fullmatch(fold_case("Qx")) and not caseless(r"[A-Z]x").fullmatch("_x")


def test_caseless_keeps_escapes_and_group_names():
    fast = caseless(r"(?P<Who>A\W+B)(?P=Who)?\S")
    assert fast.pattern == r"(?P<Who>a\W+b)(?P=Who)?\S"
    assert fast.search(fold_case("x A - B!")).span("Who") == (2, 7)


def test_mojibake_detector_sees_the_same_in_the_neighbourhoods():
    rng = random.Random(1)
    samples = []
    for text in _corpus_texts():
        samples.append(text)
        for encoding in ("cp1252", "latin-1", "cp1251", "mac_roman"):
            garbled = text.encode("utf-8").decode(encoding, errors="replace")
            start = rng.randrange(len(garbled))
            samples.append(garbled[start : start + rng.randint(20, 2000)])
    samples += ["Kazakhstanâ€™s capital", "Ã\xa0 la", "Â ", "x Â ", "\u0412\u0402\u0420 text"]
    for text in samples:
        assert is_bad(_non_ascii_neighbourhoods(text)) == is_bad(text), text[:80]


def test_outlet_document_prefilter_never_hides_a_line_signature(ref):
    from kzresearch.metadata import _signatures_for

    signatures = _signatures_for(ref)
    lines = [line.strip() for text in _corpus_texts() for line in normalize_text(text).split("\n") if line.strip()]
    lines += ["BBC News", "Euronews.", "SOURCE: Al Jazeera and news agencies", "NUR-SULTAN. KAZINFORM - Voters"]
    hits = 0
    for line in lines:
        joined = fold_case(f"first line\n{line}\nlast line")
        for signal, method in (("text", "search"), ("masthead", "fullmatch")):
            if any(getattr(re.compile(source, re.IGNORECASE), method)(line) for _, source, _ in signatures.by_signal[signal]):
                hits += 1
                assert signatures.in_document[signal].search(joined), (signal, line)
    assert hits >= 4


def test_caseless_lowers_patterns_whose_only_non_ascii_characters_have_no_case():
    assert not caseless(r"\(Interfax\)\s*[-–—]").flags & re.IGNORECASE
    assert caseless(r"\(Interfax\)\s*[-–—]").search(fold_case("ALMATY (INTERFAX) — Police")).span() == (7, 19)


def _random_lines(alphabet: list[str], n: int = 5000, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(25)) for _ in range(n)]


def test_sentence_ends_found_from_the_punctuation_match_the_lookbehind_first_pattern():
    from kzresearch import textnorm

    two = "|".join(re.escape(a) for a in textnorm._ABBREVIATIONS if len(a) == 2)
    # (a lone capital, an initial, ends no sentence; an acronym's last does: "... to the EU. For ...")
    slow_end = re.compile(r"(?<!(?<![A-Za-z])[A-Z])(?<!\b(?:" + two + r"))[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")
    lines = _random_lines(["Mr", "No", "Sept", "approx", "U.S", ".", "!", "?", '"', "'", ")", "]", " ", "A", "b", "1", "(", "x", " Dr"])
    lines += [line for text in _corpus_texts() for line in normalize_text(text).split("\n")]
    for line in lines:
        slow = [m.end() for m in slow_end.finditer(line) if not textnorm._LONG_ABBREVIATION.search(line, 0, m.start())]
        fast = [m.end() for m in textnorm._SENTENCE_END.finditer(line)
                if not textnorm._LONG_ABBREVIATION.search(line, max(0, m.start() - textnorm._LONGEST_ABBREVIATION), m.start())]
        assert fast == slow, line


def test_glued_sentences_found_from_the_punctuation_match_the_lookbehind_pattern():
    from kzresearch import textnorm

    slow_glue = re.compile(r"(?<=[a-z\d\"')][.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][\"'])(?=[A-Z][a-z])")
    lines = _random_lines(["a", "Z", ".", "!", "?", '"', "'", ")", "1", " ", "Bc"])
    lines += [line for text in _corpus_texts() for line in normalize_text(text).split("\n")]
    for line in lines:
        assert [m.end() for m in textnorm._GLUED_SENTENCE.finditer(line)] == [m.start() for m in slow_glue.finditer(line)], line


def test_claim_date_patterns_opening_with_a_character_match_the_boundary_first_patterns():
    from kzresearch.claims import context

    month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    slow = {
        "_DATE_MD": rf"\b(?P<m>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d))?",
        "_DATE_DM": rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{month})(?:,?\s+(?P<y>(?:19|20)\d\d))?",
        "_YEAR": r"\b(?:19|20)\d\d\b(?!\s*(?:percent|per cent|%|people|protesters|seats|votes))",
        "_WEEKDAY": r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    }
    lines = _random_lines(["Sept", "Sep", "May", "June", "Jun", ".", "5", "12", "2021", "1999", "x", " ", "th", "of ",
                           "Monday", "Mon", ",", "a1", "_", "19", "20", "7"], n=20000)
    lines += [line for text in _corpus_texts() for line in normalize_text(text).split("\n")]
    for name, source in slow.items():
        old, new = re.compile(source), getattr(context, name)
        for line in lines:
            assert [(m.span(), m.groupdict()) for m in new.finditer(line)] == [(m.span(), m.groupdict()) for m in old.finditer(line)], (name, line)


def test_line_rules_by_length_keep_every_rule_a_line_of_that_length_can_match():
    from kzresearch.cleaning import _Rules

    class Reference:  # the rules of the bundled reference, and an unbounded one that needs a long line
        def __init__(self, ref):
            self.boilerplate = dict(ref.boilerplate, line_rules=ref.boilerplate["line_rules"] + [
                {"rule": "long_furniture", "role": "boilerplate", "pattern": "x{2000}.*"}])
            self.outlets, self.names, self.is_place = ref.outlets, ref.names, ref.is_place
            self.lexicon, self.canonical_name = ref.lexicon, ref.canonical_name

    from kzresearch import reference as reference_module

    rules = _Rules(Reference(reference_module.load_reference()))
    assert rules.line_rule(fold_case("x" * 2500)) == ("boilerplate", "long_furniture")
    assert rules.line_rule(fold_case("x" * 1999)) is None


def test_guarded_patterns_match_as_they_did(corpus_lines):
    """The results module's patterns behind their guards find what the patterns themselves find."""
    from kzresearch.claims import results
    from kzresearch.patterns import guarded

    text = "\n".join(corpus_lines[:4000])
    for name in ("_RELATIVE_CUE", "_COUNTED_FROM", "_YEAR_CUE", "_VOTED_IN", "_SAME_YEAR_MONTH", "_MONTH_ALONE", "_THAT_YEAR_CUE"):
        pattern = getattr(results, name)
        plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)\(\?:(.*)\)$", r"\1", pattern.pattern, flags=re.DOTALL), pattern.flags)
        assert plain.pattern != pattern.pattern, name  # the guard is there
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [(m.span(), m.groupdict()) for m in plain.finditer(text)], name
    assert guarded(re.compile("(?i)abc")).pattern == "(?i)abc"
