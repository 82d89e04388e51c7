"""The public quotes finders: quotations, unpaired marks, reporting verbs, indirect speech."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..text import Article, per_article
from .frames import _attribute, _Frame, _frames, _masked
from .indirect import _indirect
from .marks import _Quote, _scan

QUOTE_COLUMNS = [
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "verb",
    "sentence",
    "paragraph",
    "open_mark",
    "close_mark",
    "open_at",
    "close_at",
    "quote_id",
    "level",
]
WARNING_COLUMNS = ["start", "end", "mark", "message", "sentence", "paragraph"]
VERB_COLUMNS = ["start", "end", "text", "verb", "stance", "speaker", "frame", "note", "sentence", "paragraph"]
INDIRECT_COLUMNS = ["start", "end", "text", "kind", "speaker", "verb", "sentence", "paragraph"]
VOICE_SPAN_COLUMNS = ["start", "end", "voice", "speaker", "sentence", "paragraph"]


@dataclass
class _Analysis:
    article: Article
    quotes: list[_Quote]
    warnings: list[dict]
    frames: list[_Frame]
    quote_info: list[dict]  # speaker, verb, kind per quote (same order)
    indirect: list[dict]


@per_article
def _analyse(article: Article) -> _Analysis:
    """The whole analysis, done once per article and shared by every finder."""
    quotes, warnings = _scan(article)
    masked = _masked(article, quotes)
    frames = _frames(article, masked)
    info = _attribute(article, quotes, frames)
    spoken = [q for q, i in zip(quotes, info, strict=True) if i["kind"] != "scare"]
    indirect = _indirect(article, masked, spoken, frames)
    return _Analysis(article, quotes, warnings, frames, info, indirect)


def _empty(columns):
    frame = pd.DataFrame({c: [] for c in columns}, dtype=object)
    return frame.astype({c: "int64" for c in columns if c in _INT_COLUMNS})


_INT_COLUMNS = {
    "start",
    "end",
    "sentence",
    "paragraph",
    "open_at",
    "close_at",
    "quote_id",
    "level",
    "quoted_words",
    "paraphrased_words",
    "narration_words",
}


def _frame_of(rows: list[dict], columns, table: str | None = None):
    """A DataFrame of ``rows`` with integer offsets; ``table`` names it for ``rl.highlight``."""
    if not rows:
        frame = _empty(columns)
    else:
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        frame = frame.astype({c: "int64" for c in columns if c in _INT_COLUMNS})
    if table:
        frame.attrs["table"] = table
    return frame


@per_article
def find_quotations(article_or_text):
    """Every quotation: ``start``, ``end`` (the words without the marks), ``text``, ``kind``, ``speaker``,
    ``verb``, ``sentence``, ``paragraph``, plus ``open_mark``, ``close_mark``, ``open_at``, ``close_at``,
    ``quote_id`` (shared by the pieces of a quotation over several paragraphs) and ``level`` (2 = nested).

    >>> q = find_quotations('The mayor called it a “historic” day. “We did it,” she said.')
    >>> q[["text", "kind", "speaker"]].values.tolist()
    [['historic', 'scare', None], ['We did it,', 'direct', 'she']]
    """
    a = _analyse(article_or_text)
    text = a.article.text
    rows = []
    for q, info in zip(a.quotes, a.quote_info, strict=True):
        rows.append(
            {
                "start": q.start,
                "end": q.end,
                "text": text[q.start : q.end],
                "kind": info["kind"],
                "speaker": info["speaker"],
                "verb": info["verb"],
                "sentence": a.article.sentence_at(q.start),
                "paragraph": a.article.paragraph_at(q.start),
                "open_mark": q.open_mark,
                "close_mark": q.close_mark,
                "open_at": q.open_at,
                "close_at": q.close_at,
                "quote_id": q.quote_id,
                "level": q.level,
            }
        )
    return _frame_of(rows, QUOTE_COLUMNS, table="quotations")


@per_article
def find_quotation_warnings(article_or_text):
    """Quotation marks that do not pair up: ``start``, ``end`` (the mark), ``mark``, ``message``,
    ``sentence``, ``paragraph``. An unpaired mark never becomes a quotation.

    >>> find_quotation_warnings('He said “we will win. Then he left.')[["start", "mark"]].values.tolist()
    [[8, '“']]
    """
    a = _analyse(article_or_text)
    rows = [
        {**w, "sentence": a.article.sentence_at(w["start"]), "paragraph": a.article.paragraph_at(w["start"])}
        for w in sorted(a.warnings, key=lambda w: w["start"])
    ]
    return _frame_of(rows, WARNING_COLUMNS)


@per_article
def find_reporting_verbs(article_or_text):
    """Reporting verbs with a speaker: ``start``, ``end``, ``text``, ``verb``, ``stance`` (neutral or
    evaluative), ``speaker``, ``frame`` (subject, inverted, participle, coordinated, according), ``note``,
    ``sentence``, ``paragraph``.

    >>> verbs = find_reporting_verbs("The coach praised the team and said the bus was late.")
    >>> verbs[["text", "stance"]].values.tolist()
    [['praised', 'evaluative'], ['said', 'neutral']]
    """
    a = _analyse(article_or_text)
    rows = [
        {
            "start": f.verb_start,
            "end": f.verb_end,
            "text": a.article.text[f.verb_start : f.verb_end],
            "verb": f.verb,
            "stance": f.row["stance"],
            "speaker": f.speaker,
            "frame": f.frame,
            "note": f.row["note"],
            "sentence": f.sentence,
            "paragraph": a.article.paragraph_at(f.verb_start),
        }
        for f in a.frames
        if f.speaker
    ]
    return _frame_of(rows, VERB_COLUMNS)


@per_article
def find_indirect_speech(article_or_text):
    """Paraphrase (indirect speech): ``start``, ``end``, ``text``, ``kind`` ("indirect"), ``speaker``,
    ``verb``, ``sentence``, ``paragraph``. Found after "said (that)", "pledged to", "according to", and
    before a closing "…, X said".

    >>> find_indirect_speech("Mills said the bus was late.")[["text", "speaker"]].values.tolist()
    [['the bus was late', 'Mills']]
    """
    a = _analyse(article_or_text)
    text = a.article.text
    rows = [
        {**r, "text": text[r["start"] : r["end"]], "kind": "indirect", "paragraph": a.article.paragraph_at(r["start"])}
        for r in a.indirect
    ]
    return _frame_of(rows, INDIRECT_COLUMNS)
