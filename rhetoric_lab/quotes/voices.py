"""Voices: which words of each sentence are quoted, paraphrased, or the reporter's narration."""

from __future__ import annotations

import bisect

from ..text import per_article
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
    rows = []
    # both lists are in text order and do not overlap within themselves: walk them with the sentences
    next_quoted = next_paraphrase = 0
    for sent in article.sentences:
        labels: list[tuple[str, str | None]] = [("narration", None)] * (sent.end - sent.start)
        for spans, voice, pointer in ((paraphrase, "paraphrase", "p"), (quoted, "quoted", "q")):
            i = next_paraphrase if pointer == "p" else next_quoted
            while i < len(spans) and spans[i][1] <= sent.start:
                i += 1
            j = i
            while j < len(spans) and spans[j][0] < sent.end:
                start, end, speaker = spans[j]
                for k in range(max(start, sent.start), min(end, sent.end)):
                    labels[k - sent.start] = (voice, speaker)
                j += 1
            if pointer == "p":
                next_paraphrase = i
            else:
                next_quoted = i
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
