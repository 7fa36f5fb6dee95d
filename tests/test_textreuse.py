"""Text reuse: LSH candidates, aligned passages with spans, deterministic signatures."""
import pandas as pd

from kzresearch import textreuse

WIRE = ("Dozens of people protesting Kazakhstan's opposition-free election were arrested Sunday in the "
        "country's capital and in its principal city, the Interfax news agency reported.")


def _docs():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "outlet": ["The Independent", "Euronews", "RFE/RL"],
        "text": [f"{WIRE}\nFive parties are competing for seats in the lower house of parliament.",
                 f"Voters went to the polls in the cold.\n{WIRE}",
                 "The ruling party appears set to sweep a parliamentary election lacking any serious opposition."],
    })


def test_candidates_find_shared_wire_copy_and_not_unrelated_text():
    pairs, passages = textreuse.text_reuse(_docs(), threshold=0.2, min_words=8)
    assert pairs[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]
    assert pairs.loc[0, "share_a"] > 0.5
    assert len(passages) == 1
    docs = _docs().set_index("doc_id")["text"]
    p = passages.iloc[0]
    # The spans point at the same words in both texts.
    assert docs["a"][p.start_a:p.end_a].lower() == docs["b"][p.start_b:p.end_b].lower()
    assert p.passage.startswith("Dozens of people protesting")


def test_signatures_are_deterministic():
    one = textreuse.signatures(_docs())
    two = textreuse.signatures(_docs())
    assert all((one[k] == two[k]).all() for k in one)


def test_similarity_matrix_is_symmetric_with_unit_diagonal():
    sigs = textreuse.signatures(_docs())
    m = textreuse.similarity_matrix(sigs, ["a", "b", "c"])
    assert (m.values == m.values.T).all()
    assert m.values.diagonal().tolist() == [1.0, 1.0, 1.0]
    assert m.loc["a", "c"] < 0.1


def test_short_and_empty_texts_do_not_fail():
    docs = pd.DataFrame({"doc_id": ["x", "y"], "outlet": ["A", "B"], "text": ["", "two words"]})
    pairs, passages = textreuse.text_reuse(docs)
    assert pairs.empty and passages.empty


def test_a_single_document_has_no_pairs():
    pairs, _ = textreuse.text_reuse(_docs().iloc[:1])
    assert pairs.empty


def test_heatmap_documents_limit_keeps_those_that_share_most():
    docs = _docs()
    pairs, _ = textreuse.text_reuse(docs, threshold=0.2)
    assert textreuse.heatmap_documents(docs, pairs, limit=2) == ["b", "a"]
