"""Views of a whole text: numbered paragraphs, word-frequency chart, concordance lines."""

from __future__ import annotations

import textwrap

from .common import HTML, OKABE_ITO, escape, figure_html, new_figure


def paragraphs(article, width: int = 88) -> str:
    """The article as numbered paragraphs, wrapped for reading (plain text).

    >>> from rhetoric_lab import Article
    >>> print(paragraphs(Article.from_text("One.\\nTwo.")))
    ¶0  One.
    <BLANKLINE>
    ¶1  Two.
    """
    blocks = []
    for p in article.paragraphs:
        body = textwrap.fill(" ".join(p.text.split()), width=width, subsequent_indent="    ")
        blocks.append(f"¶{p.index}  {body}")
    return "\n\n".join(blocks)


def frequency_chart(frequencies, title: str = "Most frequent words") -> HTML:
    """A horizontal bar chart of a ``word_frequencies`` table, with alt text and a summary."""
    freq = frequencies.iloc[::-1]
    fig = new_figure(7, max(2.5, 0.32 * len(freq) + 1))
    ax = fig.subplots()
    ax.barh(freq["word"], freq["count"], color=OKABE_ITO[4])
    for y, count in enumerate(freq["count"]):
        ax.text(count + 0.1, y, str(count), va="center", fontsize=9)
    ax.set_xlabel("times the word appears")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    top = frequencies.head(3)
    listed = ", ".join(f"“{w}” ({c})" for w, c in zip(top["word"], top["count"], strict=True))
    summary = (
        f"{len(frequencies)} words are shown, most frequent first: {listed}. "
        "Common words such as “the” and “of” are left out."
    )
    alt = f"Horizontal bar chart: {title.lower()}, with the count at the end of each bar."
    return figure_html(fig, alt=alt, summary=summary)


def concordance_lines(table) -> HTML:
    """Keyword-in-context lines lined up on the keyword, as in a printed concordance."""
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
        "<tr><th>before</th><th>keyword</th><th>after</th><th>paragraph</th></tr>"
        f"{rows}</table>"
    )
    return HTML(html, plain)
