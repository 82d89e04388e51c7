"""Views for the readability lesson: the working of a score, charts with alt text and summaries, and
the report's readability section.

The charts take their table (``found``) and compute it only when it is not given. Sentences
marked by their grade are :func:`rhetoric_lab.highlight` of :func:`rhetoric_lab.find_sentence_scores`.
"""

from __future__ import annotations

from .. import readability as rd
from ..text import as_article
from .common import HTML, OKABE_ITO, escape, figure_html, new_figure, table_html
from .highlight import GRADE_METRICS


def show_working(article_or_text, sentence: int | None = None) -> HTML:
    """The words with their syllables, then each formula filled in with the numbers.

    >>> print(repr(show_working("Cats purr loudly.")).splitlines()[0])
    Cats 1, purr 1, loudly 2
    """
    work = rd.working(article_or_text, sentence=sentence)
    cells = "".join(
        f"<tr><td>{escape(t)}</td><td style='text-align:right'>{int(n)}</td><td>{escape(src)}</td></tr>"
        for t, n, src in zip(work.words["text"], work.words["syllables"], work.words["syllable_source"], strict=False)
    )
    steps = "".join("<p>" + "<br>".join(escape(line) for line in lines) + "</p>" for lines in work.steps.values())
    html_text = (
        '<div class="rl-working">'
        "<table><thead><tr><th>word</th><th>syllables</th><th>counted from</th></tr></thead>"
        f"<tbody>{cells}</tbody></table>"
        f"<p><strong>{work.total_words} words, {work.total_syllables} syllables, "
        f"{work.sentences} sentence{'s' if work.sentences != 1 else ''}.</strong></p>{steps}</div>"
    )
    return HTML(html_text, str(work))


def sentence_length_chart(article_or_text, found=None) -> HTML:
    """Bars: the length of every sentence in words, in reading order, with the average marked.

    ``found`` is the table from :func:`rhetoric_lab.find_sentence_scores`.

    >>> "sentence" in repr(sentence_length_chart("One two three. Four five."))
    True
    """
    article = as_article(article_or_text)
    table = rd.find_sentence_scores(article) if found is None else found
    summary = rd.length_summary(article, table)
    longest = table.loc[table["words"].idxmax()]
    fig = new_figure(7, 3.2)
    ax = fig.add_subplot()
    labels = [str(i) for i in table["sentence"]]
    many = len(labels) > 40  # a long text: bars at their sentence numbers, ticks where matplotlib puts them
    positions = table["sentence"].tolist() if many else list(range(len(labels)))
    if many:  # one line a sentence, drawn as one collection: thousands of bars are slow to draw
        ax.vlines(positions, 0, table["words"], color=OKABE_ITO[4], linewidth=max(0.3, min(2.0, 400 / len(labels))))
        ax.set_ylim(bottom=0)
    else:
        ax.bar(positions, table["words"], color=OKABE_ITO[4], edgecolor="black", width=0.8)
    if not many:
        ax.set_xticks(positions, labels)
    ax.axhline(summary["mean"], color="black", linestyle="--", linewidth=1)
    ax.text(positions[-1] + 0.5, summary["mean"], f" average {summary['mean']:.1f}", va="bottom", ha="right")
    ax.set_xlabel("sentence number (counting from 0, as in the tables)")
    ax.set_ylabel("words")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("How long is each sentence?")
    alt = (
        f"Bar chart of the length in words of each of the {summary['count']} sentences, in reading order, "
        f"with a dashed line at the average of {summary['mean']:.1f} words."
    )
    text = (
        f"{summary['count']} sentences: average {summary['mean']:.1f} words, median {summary['median']:g}, "
        f"shortest {summary['shortest']}, longest {summary['longest']} (sentence {int(longest['sentence'])}). "
        f"Lengths in order: {', '.join(str(n) for n in summary['lengths'])}."
    )
    return figure_html(fig, alt=alt, summary=text)


def textstat_chart(article_or_text) -> HTML:
    """Bars: the five grade-level scores, ours beside textstat's.

    >>> print(repr(textstat_chart("The cat sat on the mat. It purred.")).splitlines()[0][:30])  # doctest: +SKIP
    [Figure: Horizontal bar chart
    """
    article = as_article(article_or_text)
    ours = rd.scores(article)
    if any(ours[m] is None for m in GRADE_METRICS):
        note = "Our formulas give no score for this text (see caveats()), so there is nothing to set beside textstat's."
        return HTML(f"<p>{escape(note)}</p>", note)
    theirs = rd.textstat_figures(article.text)
    labels = [rd.FORMULAS[m].label for m in GRADE_METRICS]
    fig = new_figure(7, 3.4)
    ax = fig.add_subplot()
    positions = range(len(GRADE_METRICS))
    ax.barh(
        [p - 0.2 for p in positions],
        [ours[m] for m in GRADE_METRICS],
        height=0.4,
        color=OKABE_ITO[4],
        edgecolor="black",
        label="ours (our counts)",
    )
    ax.barh(
        [p + 0.2 for p in positions],
        [theirs[m] for m in GRADE_METRICS],
        height=0.4,
        color=OKABE_ITO[0],
        edgecolor="black",
        hatch="//",
        label="textstat",
    )
    ax.set_yticks(list(positions), labels)
    ax.invert_yaxis()
    ax.set_xlabel("US school grade")
    ax.set_title("Five grade-level formulas: ours and textstat's")
    fig.legend(loc="outside lower center", ncols=2)
    alt = (
        "Horizontal bar chart: five grade-level scores, each with a plain bar for ours "
        "and a hatched bar for textstat's."
    )
    text = "; ".join(
        f"{label}: ours {ours[m]:.1f}, textstat {theirs[m]:.1f}"
        for label, m in zip(labels, GRADE_METRICS, strict=False)
    )
    spread = [ours[m] for m in GRADE_METRICS]
    text += f". Our five grades run from {min(spread):.1f} to {max(spread):.1f}."
    return figure_html(fig, alt=alt, summary=text)


def voice_difficulty_chart(article_or_text, found=None) -> HTML:
    """Bars: syllables per word, % long words and % unfamiliar words, for each voice in the text.

    ``found`` is the table from :func:`rhetoric_lab.voice_difficulty_table`.

    >>> "[Figure" in repr(voice_difficulty_chart("“We will win,” the coach said."))  # doctest: +SKIP
    True
    """
    table = rd.voice_difficulty_table(article_or_text) if found is None else found
    measures = [
        ("polysyllable_percent", "% words of 3+ syllables"),
        ("unfamiliar_percent", "% words not on the Dale–Chall list"),
    ]
    fig = new_figure(7, 3.2)
    ax = fig.add_subplot()
    width = 0.8 / max(len(table), 1)
    hatches = ["", "//", ".."]
    for i, row in table.reset_index(drop=True).iterrows():
        xs = [j + (i - (len(table) - 1) / 2) * width for j in range(len(measures))]
        ax.bar(
            xs,
            [row[m] for m, _ in measures],
            width=width,
            color=OKABE_ITO[(i * 2) % 8],
            edgecolor="black",
            hatch=hatches[i % 3],
            label=f"{row['voice']} ({row['words']} words)",
        )
    ax.set_xticks(range(len(measures)), [label for _, label in measures])
    ax.set_ylabel("% of the words in that voice")
    ax.set_title("Whose words are harder?")
    ax.legend()
    alt = "Grouped bar chart comparing the voices of the text on two word measures; each voice has its own pattern."
    text = "; ".join(
        f"{row['voice']}: {row['words']} words, {row['syllables_per_word']} syllables per word, "
        f"{row['polysyllable_percent']}% of 3+ syllables, {row['unfamiliar_percent']}% unfamiliar"
        for _, row in table.iterrows()
    )
    return figure_html(fig, alt=alt, summary=f"Word measures for each voice: {text}.")


def report_section(article, **_options) -> str:
    """The readability section of the rhetorical profile: the seven scores, and what they miss."""
    summary = rd.score_summary(article)
    table = table_html(summary.round(1), ["label", "score", "scale"], ["formula", "score", "scale"])
    notes = "".join(f"<li>{escape(n)}</li>" for n in rd.caveats(article))
    return table + f"<ul class='rl-note'>{notes}</ul>"
