"""One highlight view for every topic: the text with each found span marked, and its label written in words.

``highlight(article, found)`` draws any finder's table: metaphor candidates, allusions,
quotations, voices (quoted and paraphrased words), or sentences by their grade. Which one is
read from the table itself (finders mark their tables), or given with ``topic=``. Without
``found``, the topic's finder runs first.

Every label keeps one colour in every view, and is also written after the span in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import topics
from ..allusion import explain_allusions, find_allusions, format_span
from ..errors import RhetoricLabError
from ..metaphor import domain_descriptions, find_metaphors
from ..metaphor import shown as shown_metaphors
from ..quotes import find_quotations, find_voices
from ..readability import FORMULAS, find_sentence_scores
from ..text import as_article
from .common import HTML, escape, highlight_html


@dataclass(frozen=True)
class Marks:
    """What a table's highlight shows: rows with ``start``, ``end``, ``label``; a legend; the label order."""

    rows: list[dict]
    descriptions: dict[str, str]
    order: tuple[str, ...] = ()
    note: str = ""


def _metaphor_marks(found, tiers="domain", **_options) -> Marks:
    rows = [{"start": r.start, "end": r.end, "label": r.domain} for r in shown_metaphors(found, tiers).itertuples()]
    descriptions = domain_descriptions()
    return Marks(rows, descriptions, tuple(descriptions))


def _allusion_marks(found, **_options) -> Marks:
    rows, descriptions = [], {}
    for r in explain_allusions(found).itertuples():
        label = f"{r.category}, {format_span(r.start_year, r.end_year, r.approximate)}"
        rows.append({"start": r.start, "end": r.end, "label": label})
        descriptions.setdefault(label, f"{r.name}: {r.explanation}")
    return Marks(rows, descriptions)


def _who(speaker) -> str:
    return speaker if isinstance(speaker, str) and speaker else "no named speaker"


def _quotation_marks(found, **_options) -> Marks:
    rows = [{"start": r.start, "end": r.end, "label": f"{r.kind}: {_who(r.speaker)}"} for r in found.itertuples()]
    descriptions = {row["label"]: "quoted words; the label gives the kind and the speaker" for row in rows}
    return Marks(rows, descriptions)


def _voice_marks(found, **_options) -> Marks:
    rows, descriptions = [], {}
    for r in found.itertuples():
        if r.voice == "narration":
            continue
        quoted = r.voice == "quoted"
        label = f"{_who(r.speaker)}: {'quoted' if quoted else 'paraphrased'}"
        rows.append({"start": r.start, "end": r.end, "label": label})
        descriptions[label] = (
            "the speaker's own words, inside quotation marks"
            if quoted
            else "the speaker's point in the reporter's words (indirect speech)"
        )
    return Marks(rows, descriptions, note="Everything not highlighted is the reporter's narration.")


GRADE_METRICS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)
_BANDS = {
    "grade below 9": "below US grade 9",
    "grade 9–12": "US high-school grades",
    "grade 13–16": "college years",
    "grade 17 or more": "beyond a four-year college degree",
    "no words": "a piece with no words",
}


def grade_band(grade) -> str:
    """The band of a US school grade, in words.

    >>> grade_band(10.4), grade_band(None)
    ('grade 9–12', 'no words')
    """
    if grade is None or grade != grade:  # None or NaN
        return "no words"
    if grade < 9:
        return "grade below 9"
    if grade < 13:
        return "grade 9–12"
    if grade < 17:
        return "grade 13–16"
    return "grade 17 or more"


def _sentence_marks(found, metric: str = "flesch_kincaid_grade", **_options) -> Marks:
    if metric not in GRADE_METRICS:
        raise RhetoricLabError(f"Choose a grade-level metric: {', '.join(GRADE_METRICS)}.")
    rows = [{"start": r.start, "end": r.end, "label": grade_band(getattr(r, metric))} for r in found.itertuples()]
    return Marks(rows, _BANDS, tuple(_BANDS))


@dataclass(frozen=True)
class Table:
    """A kind of table the highlight can draw: its finder, its columns, its marks, a default title, and
    what to say when it is empty."""

    find: Callable
    columns: tuple[str, ...]
    marks: Callable
    title: str
    empty: str


#: Every table the highlight draws, by the name its finder gives it (``found.attrs["table"]``).
TABLES = {
    "metaphors": Table(
        find_metaphors,
        ("start", "end", "domain"),
        _metaphor_marks,
        "Metaphor candidates",
        "The finder flagged no candidates in this text. That does not mean it has no metaphors.",
    ),
    "allusions": Table(
        find_allusions,
        ("start", "end", "key", "category", "start_year", "end_year", "approximate"),
        _allusion_marks,
        "Allusions in the text",
        "No allusions from the gazetteer were found in this text.",
    ),
    "quotations": Table(
        find_quotations,
        ("start", "end", "kind", "speaker"),
        _quotation_marks,
        "Quotations: kind and speaker",
        "There are no quotations in this text.",
    ),
    "voices": Table(
        find_voices,
        ("start", "end", "voice", "speaker"),
        _voice_marks,
        "Who speaks? Quoted and paraphrased words",
        "Every word here is the reporter's narration: nothing is quoted or paraphrased.",
    ),
    "sentence scores": Table(
        find_sentence_scores,
        ("start", "end", *GRADE_METRICS),
        _sentence_marks,
        "Each sentence by its grade",
        "There are no sentences to mark.",
    ),
}


def _table_name(found, topic) -> str:
    if topic is not None:
        if topic in TABLES:
            return topic
        names = {t.name: t.highlight for t in topics.TOPICS}
        if topic not in names:
            raise RhetoricLabError(
                f"highlight() knows no topic called {topic!r}. Choose one of: {', '.join([*names, *TABLES])}."
            )
        return names[topic]
    name = getattr(found, "attrs", {}).get("table") if found is not None else None
    if name not in TABLES:
        raise RhetoricLabError(
            "highlight() needs to know what to show. Give it a finder's table, for example "
            "rl.highlight(article, rl.find_metaphors(article)), or a topic: rl.highlight(article, topic='metaphors')."
        )
    return name


def highlight(article_or_text, found=None, topic: str | None = None, title: str | None = None, **options) -> HTML:
    """The text with each span of ``found`` highlighted, its label written after it, and a legend.

    ``found`` is a finder's table (find_metaphors, find_allusions, find_quotations, find_voices,
    find_sentence_scores); without it, give ``topic`` ("metaphors", "allusions", "quotes",
    "readability") and the topic's finder runs. For sentences, ``metric=`` picks the grade; for
    metaphors, ``tiers="all"`` adds the everyday tier (function words are never highlighted).

    >>> "[disease and medicine]" in highlight("A cancer that spreads.", topic="metaphors").html
    True
    """
    article = as_article(article_or_text)
    name = _table_name(found, topic)
    table = TABLES[name]
    if found is None:
        found = table.find(article)
    missing = [c for c in table.columns if c not in getattr(found, "columns", ())]
    if missing:
        raise RhetoricLabError(
            f"This table cannot be shown as {name}: it has no column {', '.join(repr(c) for c in missing)}. "
            "Give highlight() the table a finder returned, unchanged except for the rows you keep."
        )
    marks = table.marks(found, **options)
    if not marks.rows:
        return HTML(f'<div class="rl-highlight"><p>{escape(table.empty)}</p></div>', table.empty)
    heading = table.title if title is None else title
    if name == "sentence scores" and title is None:
        heading = f"Each sentence by its {FORMULAS[options.get('metric', 'flesch_kincaid_grade')].label}"
    view = highlight_html(article.text, marks.rows, descriptions=marks.descriptions, title=heading, order=marks.order)
    if marks.note:
        return HTML(view.html + f"<p>{escape(marks.note)}</p>", view.plain)
    return view


__all__ = ["GRADE_METRICS", "TABLES", "grade_band", "highlight"]
