"""Voices: which words of each sentence are quoted, paraphrased, or the reporter's narration."""

from __future__ import annotations

import bisect
from itertools import pairwise

from ..text import paused_gc, per_article
from .finders import _analyse, _frame_of

VOICE_SPAN_COLUMNS = ["start", "end", "voice", "speaker", "sentence", "paragraph"]
VOICE_TABLE_COLUMNS = [
    "sentence",
    "paragraph",
    "start",
    "end",
    "speaker",
    "quoted_words",
    "paraphrased_words",
    "narration_words",
    "label",
]


_NARRATION = ("narration", None)


def _in_order(spans: list[tuple]) -> bool:
    """Are the spans in text order, each ending before the next starts?"""
    return all(a[0] <= a[1] <= b[0] for a, b in pairwise(spans))


def _overlapping(spans: list[tuple], i: int, lo: int, hi: int) -> tuple[list[tuple], int]:
    """The spans from ``i`` on that reach into [lo, hi), and the first that may reach into the next stretch."""
    while i < len(spans) and spans[i][1] <= lo:
        i += 1
    j = i
    while j < len(spans) and spans[j][0] < hi:
        j += 1
    return spans[i:j], i


def _voice_runs(lo: int, hi: int, paraphrase: list[tuple], quoted: list[tuple]) -> list[tuple]:
    """(start, end, (voice, speaker)) runs that cover [lo, hi): a quotation wins over a paraphrase, the rest
    is narration. Both lists in text order without overlaps; one step per place where a span starts or ends.

    >>> _voice_runs(0, 9, [(2, 9, "Lee")], [(4, 6, "Lee")])[1:]
    [(2, 4, ('paraphrase', 'Lee')), (4, 6, ('quoted', 'Lee')), (6, 9, ('paraphrase', 'Lee'))]
    """
    points = sorted({lo, hi, *(min(max(x, lo), hi) for span in paraphrase + quoted for x in span[:2])})
    runs: list[tuple] = []
    i = j = 0
    for p, q in pairwise(points):
        while i < len(quoted) and quoted[i][1] <= p:
            i += 1
        while j < len(paraphrase) and paraphrase[j][1] <= p:
            j += 1
        if i < len(quoted) and quoted[i][0] <= p:
            label = ("quoted", quoted[i][2])
        elif j < len(paraphrase) and paraphrase[j][0] <= p:
            label = ("paraphrase", paraphrase[j][2])
        else:
            label = _NARRATION
        if runs and runs[-1][2] == label:
            runs[-1] = (runs[-1][0], q, label)
        else:
            runs.append((p, q, label))
    return runs


def _voice_runs_by_character(lo: int, hi: int, paraphrase: list[tuple], quoted: list[tuple]) -> list[tuple]:
    """``_voice_runs`` for spans in any order: a label per character, later spans over earlier ones."""
    labels = [_NARRATION] * (hi - lo)
    for spans, voice in ((paraphrase, "paraphrase"), (quoted, "quoted")):
        for start, end, speaker in spans:
            for k in range(max(start, lo), min(end, hi)):
                labels[k - lo] = (voice, speaker)
    runs, pos = [], 0
    while pos < len(labels):
        nxt = pos
        while nxt < len(labels) and labels[nxt] == labels[pos]:
            nxt += 1
        runs.append((lo + pos, lo + nxt, labels[pos]))
        pos = nxt
    return runs


@per_article
def find_voices(article_or_text):
    """The text of every sentence divided into voices: ``start``, ``end``, ``voice`` ("quoted",
    "paraphrase", "narration"), ``speaker`` (None for narration), ``sentence``, ``paragraph``.

    Quoted spans are the quoted words without the marks (the marks count as narration); scare quotes
    and quotations within quotations stay in the voice around them.

    >>> find_voices("Mills said the bus was late.")[["voice", "speaker"]].values.tolist()
    [['narration', None], ['paraphrase', 'Mills'], ['narration', None]]
    """
    a = _analyse(article_or_text)
    article = a.article
    quoted = [
        (q.start, q.end, found.sp.label if found.sp else None)
        for q, found in zip(a.quotes, a.attributions, strict=True)
        if q.level == 1 and found.kind not in ("scare", "mention")
    ]
    paraphrase = [(r["start"], r["end"], r["speaker"]) for r in a.indirect]
    runs_of = _voice_runs if _in_order(quoted) and _in_order(paraphrase) else _voice_runs_by_character
    rows = []
    with paused_gc():  # many small rows, no reference cycles
        # both lists are in text order and do not overlap within themselves: walk them with the sentences
        next_quoted = next_paraphrase = 0
        for sent in article.sentences:
            mine_p, next_paraphrase = _overlapping(paraphrase, next_paraphrase, sent.start, sent.end)
            mine_q, next_quoted = _overlapping(quoted, next_quoted, sent.start, sent.end)
            for start, end, (voice, speaker) in runs_of(sent.start, sent.end, mine_p, mine_q):
                rows.append(
                    {
                        "start": start,
                        "end": end,
                        "voice": voice,
                        "speaker": speaker,
                        "sentence": sent.index,
                        "paragraph": sent.paragraph,
                    }
                )
    return _frame_of(rows, VOICE_SPAN_COLUMNS, table="voices")


@per_article
def voice_table(article_or_text):
    """Words per voice in every sentence: ``sentence``, ``paragraph``, ``start``, ``end``, ``speaker``,
    ``quoted_words``, ``paraphrased_words``, ``narration_words`` and ``label`` (direct, partial,
    paraphrase or narration: the strongest voice of the speaker in the sentence).

    >>> voice_table("“We did it,” Mills said.")[["quoted_words", "narration_words", "label"]].values.tolist()
    [[3, 2, 'direct']]
    """
    a = _analyse(article_or_text)
    article = a.article
    spans = find_voices(article)
    # the spans of each sentence (in order), and the kinds of the quotations in each sentence
    by_sentence: dict[int, tuple[list[int], list[str], list]] = {}
    for start, voice, speaker, s in zip(
        spans["start"], spans["voice"], spans["speaker"], spans["sentence"], strict=True
    ):
        starts, voices, speakers = by_sentence.setdefault(s, ([], [], []))
        starts.append(start)
        voices.append(voice)
        speakers.append(speaker)
    kinds: dict[int, set[str]] = {}
    for q, found in zip(a.quotes, a.attributions, strict=True):
        if q.level == 1:
            first, last = article.sentence_at(q.start), article.sentence_at(max(q.start, q.end - 1))
            for s in range(first, last + 1) if q.end > q.start else ():
                kinds.setdefault(s, set()).add(found.kind)
    counts = {s.index: {"quoted": 0, "paraphrase": 0, "narration": 0} for s in article.sentences}
    for w in article.words:
        starts, voices, _ = by_sentence[w.sentence]
        counts[w.sentence][voices[bisect.bisect_right(starts, w.start) - 1]] += 1
    rows = []
    for sent in article.sentences:
        mine = counts[sent.index]
        speakers = [s for s in by_sentence[sent.index][2] if s]
        found_kinds = kinds.get(sent.index, set())
        if "direct" in found_kinds:
            label = "direct"
        elif "partial" in found_kinds:
            label = "partial"
        elif mine["paraphrase"]:
            label = "paraphrase"
        else:
            label = "narration"
        rows.append(
            {
                "sentence": sent.index,
                "paragraph": sent.paragraph,
                "start": sent.start,
                "end": sent.end,
                "speaker": ", ".join(dict.fromkeys(speakers)) or None,
                "quoted_words": mine["quoted"],
                "paraphrased_words": mine["paraphrase"],
                "narration_words": mine["narration"],
                "label": label,
            }
        )
    return _frame_of(rows, VOICE_TABLE_COLUMNS)


@per_article
def voice_share_table(article_or_text):
    """Share of words in each voice per paragraph: ``paragraph``, ``quoted``, ``paraphrase``, ``narration``
    (fractions that add up to 1) and ``words``.

    >>> voice_share_table("“We won,” Mills said.")[["quoted", "narration"]].values.tolist()
    [[0.5, 0.5]]
    """
    table = voice_table(article_or_text)
    grouped = table.groupby("paragraph")[["quoted_words", "paraphrased_words", "narration_words"]].sum()
    grouped.columns = ["quoted", "paraphrase", "narration"]
    words = grouped.sum(axis=1)
    shares = grouped.div(words.where(words > 0, 1), axis=0).round(3)
    shares["words"] = words
    return shares.reset_index()
