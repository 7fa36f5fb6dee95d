"""Figure helpers: every figure gets a title, labelled axes and a source line.

The notebooks draw with these functions only, so a fix to a figure reaches every report. Each
function returns the matplotlib ``Figure`` (the notebook displays it) and never calls ``show``.
Sizes and fonts are chosen to stay legible in the HTML reports at their default width.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 150, "font.size": 10, "axes.titlesize": 12,
                     "axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False})

# Colour-blind safe palette (Okabe and Ito 2008), in a fixed order so an outlet keeps its colour.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
KIND_MARKERS = {"presidential": ("o", "#0072B2"), "parliamentary": ("s", "#E69F00"), "referendum": ("D", "#009E73")}


def source_text(record: dict, extra: str = "") -> str:
    """Return the source line for a corpus: its folder name, document count and hash.

    Examples
    --------
    >>> source_text({"corpus_dir": "/x/data/raw", "documents": 5, "corpus_sha256": "8a06a73d06b8b1"}, "elections.csv")
    'Source: corpus raw (5 documents, sha256 8a06a73d), kzresearch; elections.csv'
    """
    name = str(record.get("corpus_dir", "corpus")).rstrip("/").split("/")[-1]
    text = f"Source: corpus {name} ({record.get('documents', '?')} documents, sha256 {str(record.get('corpus_sha256', ''))[:8]}), kzresearch"
    return f"{text}; {extra}" if extra else text


def finish(fig: Figure, ax: plt.Axes, *, title: str, xlabel: str, ylabel: str, source: str) -> Figure:
    """Set the title, axis labels and the source line (bottom left), and tighten the layout."""
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.text(0.01, 0.01, source, fontsize=8, color="#555555", ha="left", va="bottom")
    return fig


def colours(names: Iterable[str]) -> dict[str, str]:
    """Map names (outlets, conventions) to palette colours, in sorted order."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(set(names)))}


def bar(values: pd.Series, *, title: str, xlabel: str, ylabel: str, source: str) -> Figure | None:
    """Horizontal bar chart of ``values`` (index = labels), largest on top; None when empty."""
    if values.empty:
        return None
    values = values.sort_values()
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(values) + 1.6))
    ax.barh([str(i) for i in values.index], values.to_numpy(), color=PALETTE[0])
    for y, v in enumerate(values.to_numpy()):
        ax.text(v, y, f" {v:,.0f}", va="center", fontsize=9)
    ax.margins(x=0.15)
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel=ylabel, source=source)


def heatmap(matrix: pd.DataFrame, labels: list[str], *, title: str, source: str, label: str = "estimated Jaccard similarity") -> Figure | None:
    """Square heatmap of a similarity matrix with its values written in the cells (None below two documents)."""
    n = len(labels)
    if n < 2:
        return None
    size = max(6.0, 0.45 * n + 3.5)
    fig, ax = plt.subplots(figsize=(size + 2, size))
    image = ax.imshow(matrix.to_numpy(), cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(n), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(n), labels, fontsize=8)
    if n <= 15:
        for i in range(n):
            for j in range(n):
                v = matrix.iat[i, j]
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8, color="white" if v > 0.6 else "black")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label=label)
    return finish(fig, ax, title=title, xlabel="document (outlet: id)", ylabel="document (outlet: id)", source=source)


def range_plot(
    ranges: pd.DataFrame,
    *,
    group: str,
    member: str,
    title: str,
    xlabel: str,
    source: str,
    emphasis: str | None = None,
    max_groups: int = 25,
    max_members: int = 10,
) -> Figure | None:
    """Draw each row's ``[low, high]`` as a horizontal line, rows grouped (one block per happening).

    Parameters
    ----------
    ranges : pandas.DataFrame
        Needs ``group`` and ``member`` columns, ``low`` and ``high`` (missing high: no upper bound,
        drawn as an arrow; an ``open`` column marks more such rows).
    group, member : str
        Column naming the block (the happening) and the line within it (outlet, convention).
    title, xlabel, source : str
        Labels.
    emphasis : str, optional
        Member drawn thick and black (the merged range).
    max_groups : int
        Most blocks drawn; beyond it the blocks with most rows are kept and the title says so.
    max_members : int
        Most lines per block besides ``emphasis``; beyond it those with most ``reports`` (else the
        first) are kept and the title says so.

    Returns
    -------
    matplotlib.figure.Figure or None
        None when there is nothing to draw.
    """
    if ranges.empty:
        return None
    rows = ranges.reset_index(drop=True)
    sizes = rows.groupby(group, sort=False).size()
    if len(sizes) > max_groups:
        # A figure of hundreds of blocks is unreadable: keep the most reported happenings.
        keep = sizes.sort_values(ascending=False, kind="stable").index[:max_groups]
        rows = rows[rows[group].isin(keep)].reset_index(drop=True)
        title = f"{title}\n(the {max_groups} with most rows of {len(sizes)})"
    ordinary = rows[rows[member] != emphasis]
    if ordinary.groupby(group, sort=False).size().max() > max_members:
        # A block of a hundred outlets is unreadable (and slow to lay out): keep the most reported.
        weight = ordinary["reports"] if "reports" in ordinary else pd.Series(0, index=ordinary.index)
        ranked = ordinary.assign(_w=weight).sort_values("_w", ascending=False, kind="stable")
        kept = ranked.groupby(group, sort=False).head(max_members).index
        rows = rows[(rows[member] == emphasis) | rows.index.isin(kept)].reset_index(drop=True)
        title = f"{title}\n(at most {max_members} per block, those with most reports)"
    members = [m for m in dict.fromkeys(rows[member]) if m != emphasis]
    colour = colours(members)
    if emphasis:
        colour[emphasis] = "black"
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(rows) + 0.5 * rows[group].nunique() + 1.8))
    known = pd.concat([rows["low"], rows["high"]]).dropna()
    known = known[known > 0]
    right = float(known.max()) * 3 if len(known) else 10.0
    log = len(known) > 0 and known.max() / max(known.min(), 1) > 30
    y, ticks, labels, seen = 0.0, [], [], set()
    for name, block in rows.groupby(group, sort=False):
        ax.text(0.0, y - 0.1, name, transform=ax.get_yaxis_transform(), fontsize=9, fontweight="bold", va="bottom")
        y -= 0.6
        for r in block.itertuples(index=False):
            m = getattr(r, member)
            low = r.low if pd.notna(r.low) else (1 if log else 0)
            high = r.high if pd.notna(r.high) else low
            width = 4 if m == emphasis else 2.2
            ax.plot([low, high], [y, y], color=colour[m], lw=width, solid_capstyle="butt", label=m if m not in seen else None)
            ax.plot([low, high], [y, y], "|", color=colour[m], ms=10)
            if pd.isna(r.high) or bool(getattr(r, "open", False)):
                # No upper bound: a dashed arrow to the edge of the axis.
                ax.annotate("", xy=(right, y), xytext=(high, y), annotation_clip=False,
                            arrowprops={"arrowstyle": "->", "color": colour[m], "lw": 1.2, "ls": "--"})
                ax.plot([right], [y], alpha=0)  # widen the axis to hold the arrow
            seen.add(m)
            ticks.append(y)
            labels.append(str(m))
            y -= 1
        y -= 0.4
    ax.set_yticks(ticks, labels, fontsize=8)
    ax.set_ylim(y + 0.6, 0.6)
    if log:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    return finish(fig, ax, title=title, xlabel=xlabel, ylabel="", source=source)


def timeline_plot(elections: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, *, title: str, source: str) -> Figure:
    """One time axis with three lanes: elections (by kind), related events, and the articles.

    Articles sit at their inferred date; a date known only to the month or year is drawn as a bar
    over that span, so the figure shows how precisely each article is placed.
    """
    fig, ax = plt.subplots(figsize=(12, 5.2))
    lanes = {"elections": 2.0, "events": 1.0, "articles": 0.0}
    for kind, (marker, colour) in KIND_MARKERS.items():
        e = elections[elections["kind"] == kind]
        ax.scatter(list(e["date"]), [lanes["elections"]] * len(e), marker=marker, color=colour, s=45, label=kind, zorder=3)
    for i, e in enumerate(elections.itertuples(index=False)):
        ax.annotate(str(e.date.year), (e.date, lanes["elections"]), xytext=(0, 8 + 10 * (i % 3)),
                    textcoords="offset points", ha="center", fontsize=7, rotation=0)
    if len(events):
        ax.scatter(list(events["date"]), [lanes["events"]] * len(events), marker="|", color="#555555", s=200, label="related event")
        spans = events[events["end_date"].notna()]
        for e in spans.itertuples(index=False):
            ax.plot([e.date, e.end_date], [lanes["events"]] * 2, color="#555555", lw=4)
    dated = articles[articles["date"].notna()]
    if len(dated):
        colour = colours(dated["outlet"])
        for a in dated.itertuples(index=False):
            if a.date_low != a.date_high:
                ax.plot([a.date_low, a.date_high], [lanes["articles"]] * 2, color=colour[a.outlet], lw=6, alpha=0.5)
        # Articles of the same month are stacked downwards so that none hides another.
        month = dated["date"].map(lambda d: (d.year, d.month))
        dated = dated.assign(y=lanes["articles"] - 0.12 * month.groupby(month).cumcount().clip(upper=5))
        for outlet, g in dated.groupby("outlet", sort=True):
            ax.scatter(list(g["date"]), list(g["y"]), marker="v", color=colour[outlet], s=60,
                       label=f"article: {outlet}", zorder=4, edgecolor="black", linewidth=0.4)
    ax.set_yticks(list(lanes.values()), [f"{k}" for k in lanes])
    ax.set_ylim(-0.7, 2.8)
    ax.xaxis.set_major_locator(mdates.YearLocator(base=_year_step(elections, dated)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#eeeeee")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return finish(fig, ax, title=title, xlabel="date", ylabel="", source=source)


def _year_step(elections: pd.DataFrame, articles: pd.DataFrame) -> int:
    dates = list(elections["date"]) + list(articles["date"]) if len(articles) else list(elections["date"])
    dates = [d for d in dates if isinstance(d, dt.date)]
    if not dates:
        return 1
    years = max(dates).year - min(dates).year
    return max(1, math.ceil(years / 18))


def evolution_plot(evo: pd.DataFrame, *, title: str, source: str) -> Figure | None:
    """Each figure as a vertical range at its day after the election, one colour per outlet (None when empty)."""
    if evo.empty:
        return None
    fig, ax = plt.subplots(figsize=(9, 5))
    colour = colours(evo["outlet"])
    known = pd.concat([evo["low"], evo["high"]]).dropna()
    top = float(known.max()) * 2 if len(known) else 10.0
    offsets = {o: (i - (len(colour) - 1) / 2) * 0.08 for i, o in enumerate(colour)}
    for outlet, g in evo.groupby("outlet", sort=True):
        x = g["day"].to_numpy() + offsets[outlet]
        low = g["low"].to_numpy(dtype=float)
        high = np.where(np.isnan(g["high"].to_numpy(dtype=float)), top, g["high"].to_numpy(dtype=float))
        ax.vlines(x, low, high, color=colour[outlet], lw=3, label=outlet)
        ax.scatter(x, low, color=colour[outlet], marker="_", s=120)
        ax.scatter(x, high, color=colour[outlet], marker="_", s=120)
    if len(known) and known.max() / max(known[known > 0].min(), 1) > 30:
        ax.set_yscale("log")
    ax.xaxis.set_major_locator(plt.MaxNLocator(integer=True))
    ax.grid(axis="y", color="#eeeeee")
    ax.legend(fontsize=8, frameon=False)
    return finish(fig, ax, title=title, xlabel="days after election day (by publication date)", ylabel="people (low to high reading)", source=source)


def results_plot(reported: pd.DataFrame, *, title: str, source: str) -> Figure | None:
    """Reported minus official figure, one row per election, subject and measure, dots by stage.

    Rows without an official figure are left out; None when nothing remains.
    """
    r = reported.dropna(subset=["official"])
    if r.empty:
        return None
    r = r.assign(row=r["election_id"] + ": " + r["subject"] + " (" + r["measure"].str.replace("_", " ") + ")")
    rows = list(dict.fromkeys(r.sort_values(["election_id", "measure", "subject"])["row"]))
    stages = {"exit poll": "#E69F00", "preliminary": "#56B4E9", "final": "#009E73", "unstated": "#CC79A7"}
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(rows) + 1.8))
    y = {name: -i for i, name in enumerate(rows)}
    ax.axvline(0, color="black", lw=1.2, label="official figure")
    for k, (stage, colour) in enumerate(stages.items()):
        g = r[r["stage"] == stage]
        if len(g):
            # A small vertical offset per stage keeps equal figures of different stages visible.
            ax.scatter(g["difference"].astype(float), g["row"].map(y) + 0.12 * (k - 1.5), color=colour, s=50,
                       label=f"reported ({stage})", zorder=3, edgecolor="black", linewidth=0.4)
    ax.set_yticks(list(y.values()), list(y), fontsize=8)
    ax.grid(axis="x", color="#eeeeee")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return finish(fig, ax, title=title, xlabel="reported minus official (percentage points)", ylabel="", source=source)


def table_or_note(table: pd.DataFrame, note: str):
    """Return ``table``, or an italic Markdown note when it is empty (for notebooks to display)."""
    from IPython.display import Markdown

    return Markdown(f"*{note}*") if table.empty else table


def highlight(table: pd.DataFrame, flag: str, *, colour: str = "#ffe0b2", max_rows: int = 200):
    """Return a pandas Styler that shades the rows where column ``flag`` is true.

    A Styler renders every row it is given (pandas' ``display.max_rows`` does not apply), so a
    table longer than ``max_rows`` shows its flagged rows first, ``max_rows`` in all, and says so
    in its caption. The Styler's id is fixed, so the HTML is identical on every run (nbval
    compares it).

    Examples
    --------
    >>> t = pd.DataFrame({"claim": list("abc"), "disagree": [False, True, False]})
    >>> styled = highlight(t, "disagree", max_rows=2)
    >>> styled.data["claim"].tolist(), styled.caption
    (['b', 'a'], 'The first 2 of 3 rows, flagged rows first.')
    """
    def shade(row: pd.Series) -> list[str]:
        return [f"background-color: {colour}" if row[flag] else ""] * len(row)

    caption = None
    if len(table) > max_rows:
        caption = f"The first {max_rows:,} of {len(table):,} rows, flagged rows first."
        table = table.sort_values(flag, ascending=False, kind="stable").head(max_rows)
    styled = table.style.apply(shade, axis=1).hide(axis="index").set_uuid("kz").format(precision=1, na_rep="")
    return styled.set_caption(caption) if caption else styled
