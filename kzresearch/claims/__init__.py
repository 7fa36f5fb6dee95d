"""Claims: protest tallies and election results, with provenance, ranges and reconciliation.

Entry points for the pipeline:

- :func:`extract_tallies` (counts of people in protest or detention context),
- :func:`extract_results` (vote shares, turnout, seats, thresholds, registered voters),
- :func:`apply_convention` (re-derive ``low``/``high`` under another quantity convention),
- :func:`events_view` and :func:`results_vs_official` (reconciliation across reports).

Word lists are data (``data/reference/claim_lexicon.yaml``); quantity conventions too
(``data/reference/quantities.yaml``). See ``docs/claims.md``.
"""
from kzresearch.claims.context import DocContext
from kzresearch.claims.conventions import DEFAULT_CONVENTION, apply_convention, bounds
from kzresearch.claims.reconcile import events_view, results_vs_official
from kzresearch.claims.results import extract_results
from kzresearch.claims.tallies import extract_tallies

__all__ = [
    "DEFAULT_CONVENTION",
    "DocContext",
    "apply_convention",
    "bounds",
    "events_view",
    "extract_results",
    "extract_tallies",
    "results_vs_official",
]
