"""Views for the metaphor lesson: a chart of the candidates, and the report's metaphor section.

The views take the table from :func:`rhetoric_lab.metaphor.find_metaphors` (``found``), and
compute it only when it is not given. The highlighted text is :func:`rhetoric_lab.highlight`.
"""

from __future__ import annotations

from ..errors import RhetoricLabError
from ..metaphor import find_metaphors, shown
from ..text import as_article
from .common import HTML, OKABE_ITO, escape, figure_html, new_figure
from .highlight import highlight


def _check_found(found, needed=("start", "end", "domain", "paragraph")) -> None:
    columns = getattr(found, "columns", None)
    if columns is None or not set(needed) <= set(columns):
        raise RhetoricLabError(
            "This view needs the table from find_metaphors, for example: "
            "found = rl.find_metaphors(article), then rl.metaphor_chart(article, found)."
        )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def metaphor_summary(found, paragraphs: int | None = None) -> str:
    """The chart's findings in words: how many candidates, from which domains, in which paragraphs.

    >>> import pandas as pd
    >>> metaphor_summary(pd.DataFrame({"domain": ["fire", "fire"], "paragraph": [0, 0]}))
    'The finder flagged 2 candidates from 1 domain. By domain: fire 2. Paragraph ¶0 has the most (2).'
    """
    if len(found) == 0:
        return "The finder flagged no candidates."
    per_domain = found["domain"].value_counts()
    per_domain = per_domain.sort_index().sort_values(ascending=False, kind="stable")
    per_paragraph = found["paragraph"].value_counts().sort_index()
    top = per_paragraph.max()
    most = [int(p) for p, n in per_paragraph.items() if n == top]
    parts = [
        f"The finder flagged {_plural(len(found), 'candidate')} from {_plural(len(per_domain), 'domain')}.",
        "By domain: " + ", ".join(f"{d} {n}" for d, n in per_domain.items()) + ".",
        (
            f"Paragraph ¶{most[0]} has the most ({top})."
            if len(most) == 1
            else f"Paragraphs {', '.join(f'¶{p}' for p in most)} have the most ({top} each)."
        ),
    ]
    if paragraphs is not None:
        empty = [f"¶{p}" for p in range(paragraphs) if p not in per_paragraph.index]
        if len(empty) > 12:  # a long text: name the first few, count the rest
            empty = [*empty[:10], f"and {len(empty) - 10} more"]
        if empty:
            parts.append(f"{'Paragraph' if len(empty) == 1 else 'Paragraphs'} {', '.join(empty)}: none.")
    return " ".join(parts)


def metaphor_chart(article_or_text, found=None, tiers="domain") -> HTML:
    """Two bar charts, candidates per domain and per paragraph, with alt text and a summary in words.

    It counts the domain tier; ``tiers="all"`` counts the everyday tier too (never function words).

    >>> chart = metaphor_chart("A cancer spreads. It must be cut out.")
    >>> "What the chart shows" in chart.html
    True
    """
    article = as_article(article_or_text)
    found = find_metaphors(article) if found is None else found
    _check_found(found)
    found = shown(found, tiers)
    n_paragraphs = len(article.paragraphs)
    summary = metaphor_summary(found, n_paragraphs)
    if len(found) == 0:
        return HTML(f"<p>{escape(summary)}</p>", summary)
    per_domain = found["domain"].value_counts().sort_index(ascending=False).sort_values(kind="stable")
    per_paragraph = found["paragraph"].value_counts().reindex(range(n_paragraphs), fill_value=0)

    fig = new_figure(9, max(3.0, 0.32 * len(per_domain) + 1.2))
    left, right = fig.subplots(1, 2, width_ratios=[3, 2])
    bars = left.barh(list(per_domain.index), list(per_domain.values), color=OKABE_ITO[4])
    left.bar_label(bars, padding=3)
    left.set_title("Candidates per source domain")
    left.set_xlabel("number of candidates")
    left.set_xlim(0, per_domain.max() * 1.2 + 0.5)
    per_paragraph, xlabel = _at_most_bars(per_paragraph)
    positions = list(range(len(per_paragraph)))
    bars = right.bar(positions, list(per_paragraph.values), color=OKABE_ITO[0], edgecolor="#222", hatch="//")
    right.bar_label(bars, padding=2)
    right.set_title("Candidates per paragraph")
    right.set_xlabel(xlabel)
    right.set_ylabel("number of candidates")
    right.set_xticks(positions, list(per_paragraph.index), rotation=90 if len(positions) > 12 else 0)
    right.set_ylim(0, per_paragraph.max() * 1.2 + 0.5)
    for axis in (left, right):
        axis.spines[["top", "right"]].set_visible(False)
    for counts in (left.xaxis, right.yaxis):  # whole numbers of candidates
        counts.get_major_locator().set_params(integer=True)
    alt = (
        "Two bar charts. Left: the number of metaphor candidates in each source domain. "
        "Right: the number of candidates in each paragraph."
    )
    return figure_html(fig, alt=alt, summary=summary)


#: The most bars the per-paragraph chart draws; a longer text gets one bar per group of paragraphs.
MAX_BARS = 40


def _at_most_bars(per_paragraph):
    """Counts per paragraph, as they are for a short text; for a long one, summed in groups of paragraphs
    ("¶0–49"), so the chart stays readable and quick to draw. Returns the counts and the axis label."""
    label = "paragraph ¶ (counted from 0, as in the tables)"
    if len(per_paragraph) <= MAX_BARS:
        return per_paragraph, label
    size = -(-len(per_paragraph) // MAX_BARS)
    groups = per_paragraph.groupby(per_paragraph.index // size).sum()
    last = len(per_paragraph) - 1
    groups.index = [f"¶{g * size}–{min(g * size + size - 1, last)}" for g in groups.index]
    return groups, f"paragraphs, in groups of {size} (counted from 0, as in the tables)"


def report_section(article, **_options) -> str:
    """The metaphor section of the rhetorical profile: the highlighted text and the chart."""
    found = find_metaphors(article)
    return highlight(article, found, title="").html + metaphor_chart(article, found).html
