"""The public quotes finders: quotations, unpaired marks, reporting verbs, indirect speech.

The analysis is done once per article (``_analyse``, cached with ``per_article``) and shared by every
finder: pair the marks (``marks``), read the tokens outside the quotations (``tokens``), find the
reporting frames (``frames``), attribute each quotation (``attribution``), resolve he/she to people
(``people``), and find the paraphrase (``indirect``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import pandas as pd

from ..text import Article, paused_gc, per_article
from .attribution import Attribution, Attributor
from .frames import Frame, find_frames
from .indirect import find_paraphrase
from .marks import Quote, masked, scan
from .people import People
from .phrases import Speaker
from .tokens import Tok, tokenize

QUOTE_COLUMNS = [
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_how",
    "speaker_head",
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
#: How a speaker was found, in the words of the ``speaker_how`` column.
SPEAKER_HOW = {"name": "named", "pronoun → name": "pronoun → name", "noun": "noun phrase"}


@dataclass
class _Analysis:
    article: Article
    quotes: list[Quote]
    warnings: list[dict]
    toks: list[Tok]
    frames: list[Frame]
    attributions: list[Attribution]  # one per quotation, in the same order
    indirect: list[dict]


def _resolve_pronouns(people: People, toks: list[Tok], frames: list[Frame], found: list[Attribution]) -> None:
    """he/she -> a person, in text order (what one resolution shows about gender helps the next)."""
    done: dict[int, Speaker | None] = {}
    starts = [t.start for t in toks]

    def resolve(sp: Speaker | None) -> Speaker | None:
        if sp is None or sp.how != "pronoun":
            return sp
        if sp.start not in done:
            t = toks[min(bisect.bisect_left(starts, sp.start), len(toks) - 1)]
            done[sp.start] = people.resolve(sp, t.sentence, t.paragraph)
        return done[sp.start]

    for f in frames:
        f.sp = resolve(f.sp)
    for a in found:
        a.sp = resolve(a.sp)


@per_article
def _analyse(article: Article) -> _Analysis:
    """The whole analysis, done once per article and shared by every finder. It makes many small objects
    and no reference cycles, so the garbage collector pauses meanwhile (as in ``analyze``)."""
    with paused_gc():
        quotes, warnings = scan(article)
        toks = tokenize(article, quotes)
        frames = find_frames(toks)
        found = Attributor(quotes, toks, frames, article.sentence_at).run(article.text)
        _resolve_pronouns(People(toks, frames), toks, frames, found)
        spoken = [q for q, a in zip(quotes, found, strict=True) if a.kind not in ("scare", "mention")]
        indirect = find_paraphrase(article, masked(article, quotes), spoken, frames)
    return _Analysis(article, quotes, warnings, toks, frames, found, indirect)


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
    frame = pd.DataFrame(rows or {c: [] for c in columns}, columns=columns, dtype=object)
    frame = frame.astype({c: "int64" for c in columns if c in _INT_COLUMNS})
    if table:
        frame.attrs["table"] = table
    return frame


@per_article
def find_quotations(article_or_text):
    """Every quotation: ``start``, ``end`` (the words without the marks), ``text``, ``kind`` (direct,
    partial, scare or mention), ``speaker``, ``speaker_how`` (named, pronoun → name, noun phrase or none:
    how the speaker was found), ``speaker_head`` (the speaker's head word), ``verb``, ``sentence``,
    ``paragraph``, plus ``open_mark``, ``close_mark``, ``open_at``, ``close_at``, ``quote_id`` (shared by
    the pieces of a quotation over several paragraphs) and ``level`` (2 = a quotation inside a quotation).

    >>> q = find_quotations('Mayor Ruth Alvarado called it a “historic” day. “We did it,” she said.')
    >>> q[["text", "kind", "speaker", "speaker_how"]].values.tolist()
    [['historic', 'partial', 'Alvarado', 'named'], ['We did it,', 'direct', 'Alvarado', 'pronoun → name']]
    """
    a = _analyse(article_or_text)
    text = a.article.text
    rows = []
    for q, found in zip(a.quotes, a.attributions, strict=True):
        sp = found.sp
        rows.append(
            {
                "start": q.start,
                "end": q.end,
                "text": text[q.start : q.end],
                "kind": found.kind,
                "speaker": sp.label if sp else None,
                "speaker_how": SPEAKER_HOW[sp.how] if sp else "none",
                "speaker_head": sp.head if sp else None,
                "verb": found.verb,
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
    ``sentence``, ``paragraph``. A verb that reports speech only next to a quotation ("continued",
    "called"; ``use`` "quote" in the lexicon) is listed only where it frames one.

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
        if f.counts
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
