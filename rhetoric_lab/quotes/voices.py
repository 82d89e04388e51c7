"""Voices: which words of each sentence are quoted, paraphrased, or the reporter's narration."""

from __future__ import annotations

import bisect

from ..text import per_article
from .finders import _analyse, _frame_of, find_quotations

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
    rows = []
    quoted = [
        (q.start, q.end, info["speaker"])
        for q, info in zip(a.quotes, a.quote_info, strict=True)
        if q.level == 1 and info["kind"] != "scare"
    ]
    for sent in article.sentences:
        labels: list[tuple[str, str | None]] = [("narration", None)] * (sent.end - sent.start)
        for r in a.indirect:
            for i in range(max(r["start"], sent.start), min(r["end"], sent.end)):
                labels[i - sent.start] = ("paraphrase", r["speaker"])
        for start, end, speaker in quoted:
            for i in range(max(start, sent.start), min(end, sent.end)):
                labels[i - sent.start] = ("quoted", speaker)
        pos = 0
        while pos < len(labels):
            nxt = pos
            while nxt < len(labels) and labels[nxt] == labels[pos]:
                nxt += 1
            voice, speaker = labels[pos]
            rows.append(
                {
                    "start": sent.start + pos,
                    "end": sent.start + nxt,
                    "voice": voice,
                    "speaker": speaker,
                    "sentence": sent.index,
                    "paragraph": sent.paragraph,
                }
            )
            pos = nxt
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
    quotes = find_quotations(article)
    rows = []
    for sent in article.sentences:
        mine = spans[spans["sentence"] == sent.index]
        counts = {"quoted": 0, "paraphrase": 0, "narration": 0}
        starts = mine["start"].tolist()
        voices = mine["voice"].tolist()
        for w in article.words:
            if w.sentence == sent.index:
                counts[voices[bisect.bisect_right(starts, w.start) - 1]] += 1
        speakers = [s for s in mine["speaker"].tolist() if s]
        kinds = set(
            quotes.loc[(quotes["level"] == 1) & (quotes["start"] < sent.end) & (quotes["end"] > sent.start), "kind"]
        )
        if "direct" in kinds:
            label = "direct"
        elif "partial" in kinds:
            label = "partial"
        elif counts["paraphrase"]:
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
                "quoted_words": counts["quoted"],
                "paraphrased_words": counts["paraphrase"],
                "narration_words": counts["narration"],
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
