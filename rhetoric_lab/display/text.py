"""Views of a whole text: numbered paragraphs, a word-frequency chart, concordance lines."""

from __future__ import annotations

import textwrap

from ..text import as_article
from ..words import find_keyword, frequency_table
from .common import HTML, OKABE_ITO, chart_text, escape, figure_html, new_figure


def show_paragraphs(article_or_text, width: int = 88) -> HTML:
    """The text as numbered paragraphs (¶0, ¶1, ...), for reading and for finding a paragraph by number.

    >>> print(repr(show_paragraphs("One.\\nTwo.")))
    ¶0  One.
    <BLANKLINE>
    ¶1  Two.
    """
    article = as_article(article_or_text)
    blocks, items = [], []
    for p in article.paragraphs:
        flat = " ".join(p.text.split())
        blocks.append(f"¶{p.index}  " + textwrap.fill(flat, width=width, subsequent_indent="    "))
        items.append(f'<p class="rl-paragraph"><strong>¶{p.index}</strong>&nbsp; {escape(flat)}</p>')
    html = f'<div class="rl-paragraphs" style="max-width:48em;line-height:1.6">{"".join(items)}</div>'
    return HTML(html, "\n\n".join(blocks))


def frequency_chart(article_or_text, found=None, title: str = "Most frequent words") -> HTML:
    """A horizontal bar chart of the most frequent words, with alt text and a summary.

    ``found`` is the table from :func:`rhetoric_lab.frequency_table`.

    >>> "What the chart shows" in frequency_chart("The coalition met. The coalition agreed.").html
    True
    """
    frequencies = frequency_table(article_or_text) if found is None else found
    freq = frequencies.iloc[::-1]
    fig = new_figure(7, max(2.5, 0.32 * len(freq) + 1))
    ax = fig.subplots()
    ax.barh(range(len(freq)), freq["count"], color=OKABE_ITO[4])
    ax.set_yticks(range(len(freq)), [chart_text(word) for word in freq["word"]])
    for y, count in enumerate(freq["count"]):
        ax.text(count + 0.1, y, str(count), va="center", fontsize=9)
    ax.set_xlabel("times the word appears")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(chart_text(title))
    ax.spines[["top", "right"]].set_visible(False)
    top = frequencies.head(3)
    listed = ", ".join(f"“{w}” ({c})" for w, c in zip(top["word"], top["count"], strict=True))
    summary = (
        f"{len(frequencies)} words are shown, most frequent first: {listed}. "
        "Common words such as “the” and “of” are left out."
    )
    alt = f"Horizontal bar chart: {title.lower()}, with the count at the end of each bar."
    return figure_html(fig, alt=alt, summary=summary)


def show_concordance(article_or_text, keyword: str | None = None, found=None) -> HTML:
    """Keyword-in-context lines lined up on the keyword, as in a printed concordance.

    Give a ``keyword``, or ``found``, the table from :func:`rhetoric_lab.find_keyword`.

    >>> "[ISIL]" in repr(show_concordance("ISIL fell back. The coalition pressed ISIL.", "ISIL"))
    True
    """
    table = find_keyword(article_or_text, keyword) if found is None else found
    if table.empty:
        return HTML("<p>No matches.</p>", "No matches.")
    plain = "\n".join(f"{r.left} [{r.keyword}] {r.right}" for r in table.itertuples())
    rows = "".join(
        f"<tr><td style='text-align:right'>{escape(r.left)}</td><td><strong>{escape(r.keyword)}</strong></td>"
        f"<td style='text-align:left'>{escape(r.right)}</td><td>¶{r.paragraph}</td></tr>"
        for r in table.itertuples()
    )
    html = (
        "<table class='rl-concordance' style='font-family:monospace'>"
        "<thead><tr><th scope='col'>before</th><th scope='col'>keyword</th><th scope='col'>after</th>"
        f"<th scope='col'>paragraph</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    return HTML(html, plain)
