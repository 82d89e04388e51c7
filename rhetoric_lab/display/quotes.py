"""Views for the quotation lesson: the voices per paragraph, the reporting verbs, unpaired marks, and
the report's quotation section.

Every view takes an Article or a text and the finder's table (``found``), computed only when it
is not given; it escapes the text, writes labels in words, and shows figures with alt text and a
summary. Who speaks where, highlighted in the text, is :func:`rhetoric_lab.highlight`.
"""

from __future__ import annotations

from ..quotes import find_quotation_warnings, find_quotations, find_reporting_verbs, voice_share_table
from ..text import as_article
from .common import HTML, OKABE_ITO, escape, figure_html, new_figure, table_html

#: The three voices, in the order they are drawn, with a colour (Okabe & Ito) and a hatch for each.
VOICES = [
    ("quoted", "speaker's words, quoted", OKABE_ITO[5], "//"),
    ("paraphrase", "speaker's point, paraphrased", OKABE_ITO[0], ".."),
    ("narration", "reporter's narration", OKABE_ITO[1], ""),
]
_VOICE_NAMES = {voice: name for voice, name, _, _ in VOICES}


#: At most this many bars in the voice chart: a longer text's paragraphs are grouped into runs.
MOST_BARS = 40


def _runs_of_paragraphs(shares):
    """The shares per run of paragraphs (one run a paragraph when there are few), labelled "¶3" or "¶0–9"."""
    per = max(1, -(-len(shares) // MOST_BARS))
    rows, labels = [], []
    for first in range(0, len(shares), per):
        run = shares.iloc[first : first + per]
        words = run["words"].sum()
        row = {"words": words}
        for voice, _, _, _ in VOICES:
            row[voice] = float((run[voice] * run["words"]).sum() / words) if words else 0.0
        rows.append(row)
        low, high = run["paragraph"].iloc[0], run["paragraph"].iloc[-1]
        labels.append(f"¶{low}" if low == high else f"¶{low}–{high}")
    return rows, labels, per


def voice_chart(article_or_text, found=None) -> HTML:
    """A stacked bar per paragraph: the share of words quoted, paraphrased, and narrated by the reporter.

    ``found`` is the table from :func:`rhetoric_lab.voice_share_table`. A text of more than 40 paragraphs
    gets a bar per run of paragraphs (at most 40 bars), its shares counted over the run's words.

    >>> voice_chart("“We won,” Mills said.").plain.splitlines()[0][:30]
    '[Figure: Stacked bars, one per'
    """
    shares = voice_share_table(article_or_text) if found is None else found
    rows, labels, per = _runs_of_paragraphs(shares)
    fig = new_figure(7, 1.8 + 0.4 * max(len(rows), 1))
    ax = fig.add_subplot()
    left = [0.0] * len(rows)
    for voice, name, colour, hatch in VOICES:
        values = [row[voice] for row in rows]
        ax.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="#222", label=name)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the paragraph's words" if per == 1 else f"share of the words of {per} paragraphs")
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False)
    ax.set_title("Whose words? Share of words in each voice, per paragraph")
    parts = [
        f"{label}: {row['quoted']:.0%} quoted, {row['paraphrase']:.0%} paraphrased, {row['narration']:.0%} narration"
        for label, row in zip(labels, rows, strict=True)
    ]
    totals = shares[["quoted", "paraphrase", "narration"]].mul(shares["words"], axis=0).sum()
    all_words = max(int(shares["words"].sum()), 1)
    summary = (
        f"Across the text: {totals['quoted'] / all_words:.0%} of the words are quoted, "
        f"{totals['paraphrase'] / all_words:.0%} paraphrased and {totals['narration'] / all_words:.0%} "
        "the reporter's narration. " + "; ".join(parts) + "."
    )
    alt = "Stacked bars, one per paragraph, showing the share of words quoted, paraphrased and narrated."
    if per > 1:
        alt = alt.replace("one per paragraph", f"one per run of {per} paragraphs ({len(shares)} in all)")
        summary = summary.replace(
            " the reporter's narration. ", f" the reporter's narration. In runs of {per} paragraphs: ", 1
        )
    return figure_html(fig, alt=alt, summary=summary)


def verb_chart(article_or_text, found=None) -> HTML:
    """A bar per reporting verb (how often the reporter used it), marked neutral or evaluative in words.

    ``found`` is the table from :func:`rhetoric_lab.find_reporting_verbs`.

    >>> "evaluative" in verb_chart("Mills praised the team and said the bus was late.").plain
    True
    """
    verbs = find_reporting_verbs(article_or_text) if found is None else found
    fig = new_figure(7, 0.6 + 0.35 * max(verbs["verb"].nunique(), 1))
    ax = fig.add_subplot()
    if verbs.empty:
        ax.text(0.5, 0.5, "No reporting verbs with a speaker were found.", ha="center", va="center")
        ax.set_axis_off()
        summary = "No reporting verbs with a speaker were found in this text."
        return figure_html(fig, alt="An empty chart: no reporting verbs found.", summary=summary)
    counts = verbs.groupby(["verb", "stance"]).size().reset_index(name="count")
    counts = counts.sort_values(["stance", "count", "verb"], ascending=[False, False, True])
    styles = {"neutral": (OKABE_ITO[1], ""), "evaluative": (OKABE_ITO[5], "//")}
    names = [f"{v} ({s})" for v, s in zip(counts["verb"], counts["stance"], strict=True)]
    for stance, (colour, hatch) in styles.items():
        mask = (counts["stance"] == stance).tolist()
        ax.barh(
            [n for n, m in zip(names, mask, strict=True) if m],
            counts.loc[counts["stance"] == stance, "count"],
            color=colour,
            hatch=hatch,
            edgecolor="#222",
            label=f"{stance} verb",
        )
    ax.invert_yaxis()
    ax.set_xlabel("times used")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right", frameon=False)
    ax.set_title("The reporter's verbs: how each statement is introduced")
    by_stance = counts.groupby("stance")["count"].sum()
    listing = "; ".join(f"{v} ×{c} ({s})" for v, s, c in counts[["verb", "stance", "count"]].itertuples(index=False))
    summary = (
        f"{int(by_stance.get('neutral', 0))} neutral and {int(by_stance.get('evaluative', 0))} evaluative "
        f"reporting verbs. {listing}."
    )
    alt = "Horizontal bars: how often each reporting verb is used, neutral verbs plain, evaluative verbs hatched."
    return figure_html(fig, alt=alt, summary=summary)


def show_warnings(article_or_text, found=None) -> HTML:
    """The unpaired quotation marks, each with its position and the words around it.

    ``found`` is the table from :func:`rhetoric_lab.find_quotation_warnings`.

    >>> "never closed" in show_warnings('He said “we will win.').html
    True
    """
    article = as_article(article_or_text)
    warnings = find_quotation_warnings(article) if found is None else found
    if warnings.empty:
        return HTML("<p>Every quotation mark has a partner.</p>", "Every quotation mark has a partner.")
    items, plain = [], []
    for w in warnings.to_dict("records"):
        context = article.text[max(0, w["start"] - 25) : w["end"] + 25].replace("\n", " ")
        items.append(
            f"<li>Position {w['start']} (sentence {w['sentence']}): {escape(w['message'])} "
            f"<code>…{escape(context)}…</code></li>"
        )
        plain.append(f"position {w['start']}: {w['message']}")
    return HTML(f"<ul>{''.join(items)}</ul>", "\n".join(plain))


def report_section(article, **_options) -> str:
    """The quotation section of the rhetorical profile: a table of quotations, and marks to check."""
    found = find_quotations(article)
    table = table_html(
        found,
        ["paragraph", "text", "kind", "speaker", "verb"],
        ["¶", "quoted words", "kind", "speaker", "reporting verb"],
    )
    warnings = find_quotation_warnings(article)
    if len(warnings):
        items = "".join(f"<li>{escape(w)}</li>" for w in warnings["message"])
        table += f"<p><strong>⚠ Quotation marks to check:</strong></p><ul>{items}</ul>"
    return table
