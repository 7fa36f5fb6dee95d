"""Text reuse: which documents share wire copy or other passages, and which passages they share.

Comparing every pair of documents does not scale (100,000 articles make five billion pairs), so
reuse is found in two steps:

1. **Candidates**: each document becomes a MinHash signature of its word 5-grams (shingles;
   ``datasketch.MinHash``, computed once by the build), and locality-sensitive hashing (the
   banding of ``datasketch.MinHashLSH``, applied with numpy to all signatures at once) returns the
   pairs whose estimated Jaccard similarity is likely above a threshold, without looking at the
   others.
2. **Alignment**: for candidate pairs only, ``difflib.SequenceMatcher`` aligns the two word
   sequences and reports every shared passage of at least ``min_words`` words, with its character
   span in both clean texts, so a reader sees *what* was reused and not only a score.

Hashing uses CRC-32 and a fixed seed, so signatures, candidates and figures are the same on every
run and machine.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 128
MAX_CANDIDATES = 50
SEED = 1
_EMPTY = np.uint32(2**32 - 1)  # every value of the signature of a text without a single shingle
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Return ``(word, start, end)`` for each word of ``text``, lower-cased.

    Examples
    --------
    >>> tokens("Police detained 30.")
    [('police', 0, 6), ('detained', 7, 15), ('30', 16, 18)]
    """
    return [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def shingles(words: list[str], k: int = SHINGLE_WORDS) -> set[str]:
    """Return the word ``k``-grams of ``words`` (the whole text when it is shorter than ``k``).

    Examples
    --------
    >>> sorted(shingles(["a", "b", "c"], k=2))
    ['a b', 'b c']
    >>> shingles(["a"], k=2)
    {'a'}
    """
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def minhash(text: str, *, k: int = SHINGLE_WORDS, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """Return the MinHash signature of one text's word ``k``-grams (``num_perm`` unsigned 32-bit values).

    The build stores it with each document (``documents.minhash``), so that reports find reuse
    without reading every text again.

    Examples
    --------
    >>> a, b = minhash("one two three four five six"), minhash("one two three four five six")
    >>> a.dtype, len(a), bool((a == b).all())
    (dtype('uint32'), 128, True)
    """
    signature = _empty_minhash(num_perm, seed).copy()
    signature.update_batch([g.encode("utf-8") for g in shingles(_TOKEN.findall((text or "").lower()), k)])
    return signature.hashvalues.astype(np.uint32)


@lru_cache(maxsize=4)
def _empty_minhash(num_perm: int, seed: int) -> MinHash:
    # Drawing the permutations is the costly part of a new MinHash: copies share them.
    from datasketch import MinHash  # imported when needed: datasketch loads scipy (half a second)

    # datasketch needs a 32-bit hash; CRC-32 is deterministic across processes (Python's hash()
    # is salted per process) and much faster than the default SHA-1.
    return MinHash(num_perm=num_perm, seed=seed, hashfunc=zlib.crc32)


def signatures(documents: pd.DataFrame, *, k: int = SHINGLE_WORDS, num_perm: int = NUM_PERM, seed: int = SEED) -> dict[str, np.ndarray]:
    """Return a MinHash signature per document (``doc_id`` -> array of ``num_perm`` values).

    Parameters
    ----------
    documents : pandas.DataFrame
        Needs ``doc_id`` and either ``minhash`` (stored by the build with the default ``k``,
        ``num_perm`` and ``seed``) or ``text``.
    k, num_perm, seed : int
        Shingle length in words, number of hash permutations, and the permutations' seed.
    """
    defaults = (k, num_perm, seed) == (SHINGLE_WORDS, NUM_PERM, SEED)
    if defaults and "minhash" in documents and documents["minhash"].notna().all():
        return {doc_id: np.asarray(v, dtype=np.uint32) for doc_id, v in zip(documents["doc_id"], documents["minhash"])}
    from datasketch import MinHash

    # One bulk call builds all signatures: much faster than a MinHash object updated per document.
    grams = [[g.encode("utf-8") for g in shingles(_TOKEN.findall((text or "").lower()), k)] for text in documents["text"]]
    built = MinHash.bulk(grams, num_perm=num_perm, seed=seed, hashfunc=zlib.crc32)
    return {doc_id: m.hashvalues.astype(np.uint32) for doc_id, m in zip(documents["doc_id"], built)}


# Candidate pairs a corpus may raise over all LSH bands before each bucket is cut to a window of
# neighbours (about 32 MB of pair codes): on small corpora every pair in a bucket is a candidate.
_PAIR_BUDGET = 4_000_000


def candidate_pairs(
    sigs: dict[str, np.ndarray], *, threshold: float = 0.1, num_perm: int = NUM_PERM, max_candidates: int = MAX_CANDIDATES
) -> pd.DataFrame:
    """Return document pairs that share an LSH bucket, with their estimated Jaccard similarity.

    The banding of ``datasketch.MinHashLSH`` (its choice of bands and rows for ``threshold``) is
    applied to all signatures at once with numpy. In each bucket, documents in corpus order are
    paired with their next neighbours: all of them while the corpus is small, fewer as it grows
    (at most ``_PAIR_BUDGET`` pairs over all bands), so the cost stays linear where thousands of
    documents share wire copy.

    Parameters
    ----------
    sigs : dict
        Output of :func:`signatures`.
    threshold : float
        Estimated Jaccard similarity the LSH bands are tuned for; pairs estimated below it are dropped.
    num_perm : int
        As used for the signatures.
    max_candidates : int
        Most partners compared per document: the first in corpus order among the documents it
        is paired with. In each bucket a document is paired with its next
        ``min(max_candidates, _PAIR_BUDGET // (bands * documents))`` neighbours in corpus order:
        all of them up to about 1,250 documents at the default threshold (64 bands), about six
        at 10,000 and one at 100,000, so large corpora compare fewer pairs than small ones.

    Returns
    -------
    pandas.DataFrame
        ``doc_a`` < ``doc_b`` and ``jaccard``, most similar first.
    """
    columns = ["doc_a", "doc_b", "jaccard"]
    # A document without a single word has an empty signature, "identical" to every other one.
    ids = [doc_id for doc_id, v in sigs.items() if not (v == _EMPTY).all()]
    if len(ids) < 2:
        return pd.DataFrame(columns=columns)
    hashes = np.vstack([sigs[doc_id] for doc_id in ids]).astype(np.uint32)
    n = len(ids)
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    window = int(min(max_candidates, max(1, _PAIR_BUDGET // (lsh.b * n))))
    codes = []
    for band in range(lsh.b):
        rows = hashes[:, band * lsh.r:(band + 1) * lsh.r]
        if lsh.r <= 2:  # the band's values packed into one 64-bit key: a sort instead of a row-wise unique
            bucket = rows[:, 0].astype(np.uint64) << np.uint64(32) | (rows[:, -1] if lsh.r == 2 else 0)
        else:
            bucket = np.unique(rows, axis=0, return_inverse=True)[1].ravel()
        order = np.argsort(bucket, kind="stable")  # stable: corpus order within a bucket
        in_order = bucket[order]
        for step in range(1, window + 1):
            same = in_order[:-step] == in_order[step:]
            codes.append(order[:-step][same].astype(np.int64) * n + order[step:][same])
    codes = np.sort(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes  # unique, sorted
    first, second = codes // n, codes % n
    # Each document keeps its first max_candidates partners (codes are sorted by first, then second).
    group_start = np.searchsorted(first, first, side="left")
    keep = (np.arange(len(codes)) - group_start) < max_candidates
    first, second = first[keep], second[keep]
    estimates = np.concatenate([np.count_nonzero(hashes[first[i:i + 500_000]] == hashes[second[i:i + 500_000]], axis=1)
                                for i in range(0, len(first), 500_000)] or [np.empty(0)]) / hashes.shape[1]
    kept = estimates >= threshold
    ids_array = np.array(ids, dtype=object)
    a, b = ids_array[first[kept]], ids_array[second[kept]]
    swap = a > b
    out = pd.DataFrame({"doc_a": np.where(swap, b, a), "doc_b": np.where(swap, a, b), "jaccard": estimates[kept].round(3)})
    return out.sort_values(["jaccard", "doc_a", "doc_b"], ascending=[False, True, True]).reset_index(drop=True)


def aligned_passages(text_a: str, text_b: str, *, min_words: int = 8) -> list[dict]:
    """Return the passages two texts share, word for word, with their spans in both texts.

    Parameters
    ----------
    text_a, text_b : str
        Clean texts.
    min_words : int
        Shortest passage reported, in words.

    Returns
    -------
    list of dict
        ``start_a``, ``end_a``, ``start_b``, ``end_b`` (character spans), ``n_words`` and
        ``passage`` (as written in ``text_a``), in the order of ``text_a``.

    Examples
    --------
    >>> a = "Police said dozens of protesters were detained in Almaty on Sunday. Other text here."
    >>> b = "In other news. Dozens of protesters were detained in Almaty on Sunday, police said."
    >>> [p["passage"] for p in aligned_passages(a, b, min_words=6)]
    ['dozens of protesters were detained in Almaty on Sunday']
    """
    ta, tb = tokens(text_a), tokens(text_b)
    matcher = SequenceMatcher(None, [w for w, _, _ in ta], [w for w, _, _ in tb], autojunk=False)
    out = []
    for block in matcher.get_matching_blocks():
        if block.size < min_words:
            continue
        first_a, last_a = ta[block.a], ta[block.a + block.size - 1]
        first_b, last_b = tb[block.b], tb[block.b + block.size - 1]
        out.append({"start_a": first_a[1], "end_a": last_a[2], "start_b": first_b[1], "end_b": last_b[2],
                    "n_words": block.size, "passage": text_a[first_a[1]:last_a[2]]})
    return out


def text_reuse(
    documents: pd.DataFrame,
    *,
    threshold: float = 0.1,
    min_words: int = 8,
    max_pairs: int = 200,
    sigs: dict[str, np.ndarray] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Find document pairs that share text and align their shared passages.

    Parameters
    ----------
    documents : pandas.DataFrame
        Needs ``doc_id``, ``outlet`` and ``text``.
    threshold : float
        Estimated Jaccard similarity from which a pair is aligned.
    min_words : int
        Shortest shared passage reported, in words.
    max_pairs : int
        Align at most this many pairs, the most similar first (alignment is the costly step).
    sigs : dict, optional
        Signatures from :func:`signatures`, to reuse them; computed when missing.

    Returns
    -------
    tuple of pandas.DataFrame
        ``pairs``: ``doc_a``, ``doc_b``, ``outlet_a``, ``outlet_b``, ``jaccard``, ``passages``,
        ``shared_words``, ``share_a`` and ``share_b`` (fraction of each document's words in shared
        passages); ``passages``: ``doc_a``, ``doc_b``, the spans, ``n_words`` and ``passage``.
    """
    sigs = sigs if sigs is not None else signatures(documents)
    pairs = candidate_pairs(sigs, threshold=threshold).head(max_pairs)
    texts = dict(zip(documents["doc_id"], documents["text"].fillna("")))
    outlets = dict(zip(documents["doc_id"], documents["outlet"]))
    pair_rows, passage_rows = [], []
    for a, b, jaccard in pairs.itertuples(index=False):
        found = aligned_passages(texts[a], texts[b], min_words=min_words)
        shared = sum(p["n_words"] for p in found)
        pair_rows.append({"doc_a": a, "doc_b": b, "outlet_a": outlets[a], "outlet_b": outlets[b], "jaccard": jaccard,
                          "passages": len(found), "shared_words": shared,
                          "share_a": round(shared / max(len(tokens(texts[a])), 1), 3),
                          "share_b": round(shared / max(len(tokens(texts[b])), 1), 3)})
        passage_rows += [{"doc_a": a, "doc_b": b, **p} for p in found]
    pair_cols = ["doc_a", "doc_b", "outlet_a", "outlet_b", "jaccard", "passages", "shared_words", "share_a", "share_b"]
    passage_cols = ["doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "n_words", "passage"]
    return pd.DataFrame(pair_rows, columns=pair_cols), pd.DataFrame(passage_rows, columns=passage_cols)


def similarity_matrix(sigs: dict[str, np.ndarray], doc_ids: Iterable[str]) -> pd.DataFrame:
    """Return the estimated Jaccard similarity of every pair among ``doc_ids`` (a square table).

    Meant for a heatmap of a few dozen documents: the cost grows with the square of their number.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["one two three four five six", "one two three four five six"]})
    >>> similarity_matrix(signatures(docs), ["a", "b"]).values.tolist()
    [[1.0, 1.0], [1.0, 1.0]]
    """
    ids = list(doc_ids)
    hashes = np.vstack([sigs[doc_id] for doc_id in ids]) if ids else np.empty((0, NUM_PERM))
    values = (hashes[:, None, :] == hashes[None, :, :]).mean(axis=2)
    return pd.DataFrame(values.round(3), index=ids, columns=ids)


def heatmap_documents(documents: pd.DataFrame, pairs: pd.DataFrame, *, limit: int = 30) -> list[str]:
    """Choose the documents a similarity heatmap shows: all when few, else those that share most.

    Returns ``doc_id`` values ordered by outlet then id, so one outlet's documents sit together.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["c", "a", "b"], "outlet": ["Y", "X", "Y"]})
    >>> heatmap_documents(docs, pd.DataFrame(columns=["doc_a", "doc_b", "jaccard"]))
    ['a', 'b', 'c']
    """
    if len(documents) > limit:
        ranked = pd.concat([pairs[["doc_a", "jaccard"]].rename(columns={"doc_a": "doc_id"}),
                            pairs[["doc_b", "jaccard"]].rename(columns={"doc_b": "doc_id"})])
        best = ranked.groupby("doc_id")["jaccard"].max().sort_values(ascending=False, kind="stable")
        documents = documents[documents["doc_id"].isin(best.index[:limit])]
    return documents.sort_values(["outlet", "doc_id"])["doc_id"].tolist()
