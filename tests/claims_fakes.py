"""A small stand-in for ``kzresearch.reference.Reference`` used by the claims tests.

It holds a few names, the capitals and a few elections, and the bundled lexicon and quantity
conventions, so the claims tests do not depend on the size of the curated reference tables.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from kzresearch.claims.conventions import default_conventions
from kzresearch.claims.lexicon import default_lexicon

NAMES = [
    ("Kazakhstan", "place", ["Kazakhstan", "Kazakh", "Kazakhstani"]),
    ("Almaty", "place", ["Almaty", "Alma-Ata"]),
    ("Astana", "place", ["Astana"]),
    ("Nur-Sultan", "place", ["Nur-Sultan", "Nursultan city"]),
    ("Akmola", "place", ["Akmola"]),
    ("Zhanaozen", "place", ["Zhanaozen", "Zhanaozen", "Zhanaozen town"]),
    ("Shymkent", "place", ["Shymkent"]),
    ("Aktau", "place", ["Aktau"]),
    ("Mangystau Region", "place", ["Mangystau", "Mangistau", "Mangistau region"]),
    ("North Kazakhstan Region", "place", ["North Kazakhstan Province", "North Kazakhstan region"]),
    ("Nursultan Nazarbayev", "person", ["Nazarbayev", "Nazarbaev", "Nursultan Nazarbaev"]),
    ("Kassym-Jomart Tokayev", "person", ["Tokayev", "Toqaev", "Kassym-Jomart Tokayev"]),
    ("Amirzhan Kosanov", "person", ["Kosanov"]),
    ("Arystangani Zapparov", "person", ["Zapparov"]),
    ("Nur Otan", "party", ["Nur Otan", "Nour Otan", "Amanat"]),
    ("Ak Zhol", "party", ["Ak Zhol"]),
    ("All-National Social Democratic Party", "party", ["OSDP", "Social Democratic Party", "All-National Social Democratic Party"]),
    ("Interfax", "agency", ["Interfax", "Interfax-Kazakhstan"]),
    ("Reuters", "agency", ["Reuters"]),
    ("Interior Ministry", "body", ["Interior Ministry", "interior ministry", "Ministry of Internal Affairs"]),
    ("Central Election Commission", "body", ["Central Election Commission", "CEC"]),
]
# (every national vote since 2004: a figure dated when none was held is read as another country's)
ELECTIONS = [
    ("2004-09-19-parliamentary", "2004-09-19", "parliamentary", "Otan"),
    ("2005-12-04-presidential", "2005-12-04", "presidential", "Nursultan Nazarbayev"),
    ("2007-08-18-parliamentary", "2007-08-18", "parliamentary", "Nur Otan"),
    ("2011-04-03-presidential", "2011-04-03", "presidential", "Nursultan Nazarbayev"),
    ("2012-01-15-parliamentary", "2012-01-15", "parliamentary", "Nur Otan"),
    ("2015-04-26-presidential", "2015-04-26", "presidential", "Nursultan Nazarbayev"),
    ("2016-03-20-parliamentary", "2016-03-20", "parliamentary", "Nur Otan"),
    ("2019-06-09-presidential", "2019-06-09", "presidential", "Kassym-Jomart Tokayev"),
    ("2021-01-10-parliamentary", "2021-01-10", "parliamentary", "Nur Otan"),
    ("2022-06-05-referendum", "2022-06-05", "referendum", "Yes"),
    ("2022-11-20-presidential", "2022-11-20", "presidential", "Kassym-Jomart Tokayev"),
    ("2023-03-19-parliamentary", "2023-03-19", "parliamentary", "Nur Otan"),
]
CAPITALS = [
    ("Almaty", dt.date(1991, 12, 16), dt.date(1997, 12, 9)),
    ("Akmola", dt.date(1997, 12, 10), dt.date(1998, 5, 5)),
    ("Astana", dt.date(1998, 5, 6), dt.date(2019, 3, 22)),
    ("Nur-Sultan", dt.date(2019, 3, 23), dt.date(2022, 9, 16)),
    ("Astana", dt.date(2022, 9, 17), None),
]


class FakeReference:
    """Duck-typed Reference: names, capitals, elections, official results, lexicon, conventions."""

    def __init__(self) -> None:
        self.names = pd.DataFrame(
            [(c, k, v) for c, k, variants in NAMES for v in [c, *variants]], columns=["canonical", "kind", "variant"]
        )
        self.elections = pd.DataFrame(
            [(i, dt.date.fromisoformat(d), k, w) for i, d, k, w in ELECTIONS], columns=["election_id", "date", "kind", "winner"]
        )
        self.official_results = pd.DataFrame(
            [("2021-01-10-parliamentary", "Nur Otan", "vote_share", "71.09", None),
             ("2021-01-10-parliamentary", "turnout", "turnout", "63.3", None),
             ("2019-06-09-presidential", "Kassym-Jomart Tokayev", "vote_share", "70.96", None)],
            columns=["election_id", "subject", "measure", "value", "of"],
        )
        self.lexicon = default_lexicon()
        self.conventions = default_conventions()
        self._index = {}
        for row in self.names.itertuples():
            self._index.setdefault(row.variant.casefold(), (row.canonical, row.kind))

    def canonical_name(self, surface: str) -> tuple[str, str] | None:
        return self._index.get(" ".join(surface.split()).casefold())

    def capital_on(self, day: dt.date) -> str:
        for name, start, end in CAPITALS:
            if start <= day <= (end or dt.date.max):
                return name
        return CAPITALS[0][0]


def assert_rows(rows: list[dict], expected: list[dict]) -> None:
    """``rows`` are as many as ``expected``, in order, each holding the expected fields."""
    assert len(rows) == len(expected), [(r["phrase"], r.get("subject")) for r in rows]
    for row, want in zip(rows, expected):
        assert {k: row[k] for k in want} == want, row["phrase"]
