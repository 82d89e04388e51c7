"""Views for allusions: a time line of what the text refers to, and the report's allusion section.

The views take the table from :func:`rhetoric_lab.allusion.find_allusions` (``found``), and
compute it only when it is not given. The highlighted text is :func:`rhetoric_lab.highlight`.
"""

from __future__ import annotations

from ..allusion import find_allusions, find_references_to_look_up, format_span, format_year, years_between
from ..text import as_article
from .common import HTML, OKABE_ITO, chart_text, escape, figure_html, new_figure, table_html

#: One colour and one marker shape per category, so the category never rests on colour alone.
CATEGORY_STYLE = {
    "person": (OKABE_ITO[4], "o"),
    "event": (OKABE_ITO[5], "s"),
    "place": (OKABE_ITO[2], "^"),
    "monument": (OKABE_ITO[0], "D"),
    "text": (OKABE_ITO[6], "v"),
    "myth": (OKABE_ITO[7], "P"),
}


def _references(found):
    """One row per distinct reference, in order of first mention."""
    return found.drop_duplicates("key").reset_index(drop=True)


def timeline_summary(found, speech_year: int | None = None) -> str:
    """The time line in words: each reference with its years and its distance from the speech.

    With ``speech_year=None`` (a text whose date is unknown) the distances are left out.

    >>> print(timeline_summary(find_allusions("Remember Pearl Harbor."), speech_year=2016))
    ... # doctest: +NORMALIZE_WHITESPACE
    1 reference, in order of mention, with the speech in 2016.
    the attack on Pearl Harbor (event): 1941, ends 75 years before the speech.
    """
    refs = _references(found)
    if refs.empty:
        return "No allusions were found, so there is nothing to place on a timeline."
    if speech_year is None:
        parts = [
            f"{r.name} ({r.category}): {format_span(r.start_year, r.end_year, r.approximate)}"
            for r in refs.itertuples()
        ]
        return f"{len(refs)} reference{'s' if len(refs) != 1 else ''}, in order of mention: " + "; ".join(parts) + "."
    parts = []
    for r in refs.itertuples():
        gap = years_between(int(r.end_year), speech_year)
        when = f"ends {gap} years before the speech" if gap > 0 else "reaches the speech year"
        parts.append(f"{r.name} ({r.category}): {format_span(r.start_year, r.end_year, r.approximate)}, {when}")
    count = (
        f"{len(refs)} reference{'s' if len(refs) != 1 else ''}, in order of mention, with the speech in {speech_year}. "
    )
    text = count + "; ".join(parts) + "."
    if len(refs) > 1:
        oldest, newest = int(refs["start_year"].min()), int(refs["end_year"].max())
        text += (
            f" Together they reach back {years_between(oldest, speech_year)} years, to {format_year(oldest)}; "
            f"the most recent ends {years_between(newest, speech_year)} years before the speech."
        )
    return text


def timeline_chart(
    article_or_text,
    found=None,
    speech_year: int | None = None,
    title: str = "What the text refers to, on a time line",
) -> HTML:
    """A time line of the allusions: a bar for a span of years, a marker for one year, the speech year marked.

    Give the speech's year, for example ``speech_year=2016``, to mark it; leave it out when the
    text's date is unknown.

    >>> "What the chart shows" in timeline_chart("From Lafayette to the Berlin Wall.").html
    True
    """
    from matplotlib.ticker import FuncFormatter  # matplotlib loads only when a chart is drawn

    found = find_allusions(as_article(article_or_text)) if found is None else found
    refs = _references(found)
    summary = timeline_summary(refs, speech_year)
    if refs.empty:
        return HTML(f"<p>{escape(summary)}</p>", summary)
    height = 1.3 + 0.5 * len(refs)
    fig = new_figure(8, height)
    ax = fig.add_subplot()
    years = [int(refs["start_year"].min()), int(refs["end_year"].max())] + ([speech_year] if speech_year else [])
    low, high = min(years), max(years)
    pad = max(5, (high - low) * 0.05)
    labels = []
    for i, r in enumerate(refs.itertuples()):
        y = len(refs) - 1 - i
        colour, marker = CATEGORY_STYLE.get(r.category, ("#000000", "o"))
        start, end = int(r.start_year), int(r.end_year)
        if end > start:
            ax.plot([start, end], [y, y], color=colour, linewidth=6, solid_capstyle="butt")
        ax.plot(
            [start, end], [y, y], linestyle="none", marker=marker, markersize=8, color=colour, markeredgecolor="#000"
        )
        labels.append(f"{r.name}\n({r.category}, {format_span(start, end, r.approximate)})")
    if speech_year is not None:
        ax.axvline(speech_year, color="#000", linestyle="--", linewidth=1.2)
        ax.annotate(
            f"speech ({speech_year})",
            (speech_year, len(refs) - 0.45),
            xytext=(-4, 0),
            textcoords="offset points",
            ha="right",
            fontsize=9,
        )
    ax.set_xlim(low - pad, high + pad)
    ax.set_ylim(-0.6, len(refs) - 0.2)
    ax.set_yticks(range(len(refs) - 1, -1, -1), labels, fontsize=9)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_year(int(round(x))) if x != 0 else ""))
    ax.set_xlabel("year (BCE years to the left of 0)" if low < 0 else "year")
    ax.set_title(chart_text(title))
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    alt = (
        f"Time line of {len(refs)} reference{'s' if len(refs) != 1 else ''} in the text, from "
        f"{format_year(int(refs['start_year'].min()))} to {format_year(int(refs['end_year'].max()))}"
        + (f", with a dashed line at the speech year {speech_year}" if speech_year is not None else "")
        + ". Each row is labelled with its name, category and years."
    )
    return figure_html(fig, alt=alt, summary=summary)


def report_section(article, speech_year: int | None = None, **_options) -> str:
    """The allusion section of the rhetorical profile: the time line, a table, and references to look up."""
    found = find_allusions(article)
    parts = [
        timeline_chart(article, found, speech_year=speech_year).html
        if len(found)
        else "<p>The gazetteer knows none of this text's references.</p>"
    ]
    parts.append(
        table_html(
            found,
            ["text", "key", "category", "start_year", "end_year"],
            ["in the text", "reference", "category", "from", "to"],
        )
    )
    look_up = find_references_to_look_up(article, first_only=True)
    if len(look_up):
        names = ", ".join(escape(t) for t in look_up["text"].head(15))
        parts.append(f"<p><strong>Possible references to look up:</strong> {names}.</p>")
    return "".join(parts)
