"""Difficulty by voice: the speaker's quoted words, the paraphrase, and the reporter's narration."""

from __future__ import annotations

import bisect

import pandas as pd

from ..quotes import find_voices
from ..text import as_article, per_article
from .counting import word_counts

# --------------------------------------------------------------------------- voices


VOICE_COLUMNS = [
    "voice",
    "pieces",
    "words",
    "syllables",
    "syllables_per_word",
    "polysyllable_percent",
    "unfamiliar_percent",
    "letters_per_word",
    "words_per_piece",
]


@per_article
def voice_difficulty_table(article_or_text):
    """Word-level difficulty of the speaker's quoted words, paraphrase and the reporter's narration.

    Uses ``rhetoric_lab.quotes.find_voices``. Quotations are often pieces of the reporter's
    sentences, so sentence length cannot be split by voice: the columns measure words only.
    Columns: ``voice``, ``pieces``, ``words``, ``syllables``, ``syllables_per_word``,
    ``polysyllable_percent``, ``unfamiliar_percent``, ``letters_per_word``, ``words_per_piece``.

    >>> voice_difficulty_table("“We will win,” the coach said.")["voice"].tolist()  # doctest: +SKIP
    ['quoted', 'narration']
    """
    article = as_article(article_or_text)
    spans = find_voices(article)
    words = word_counts(article)
    # Each word takes the voice of the span that holds its first character (spans are sorted).
    starts, ends = spans["start"].tolist(), spans["end"].tolist()
    voices, pieces = spans["voice"].tolist(), [int(i) for i in spans.index]
    voice_of, piece_of = [], []
    for start in words["start"].tolist():
        i = bisect.bisect_right(starts, start) - 1
        inside = i >= 0 and start < ends[i]
        voice_of.append(voices[i] if inside else "narration")
        piece_of.append(pieces[i] if inside else -1)
    words = words.assign(voice=voice_of, piece=piece_of)
    rows = []
    order = ["quoted", "paraphrase", "narration"]
    for voice in sorted(set(voice_of), key=lambda v: (order.index(v) if v in order else len(order), v)):
        part = words[words["voice"] == voice]
        n = len(part)
        pieces = part["piece"].nunique()
        rows.append(
            {
                "voice": voice,
                "pieces": int(pieces),
                "words": int(n),
                "syllables": int(part["syllables"].sum()),
                "syllables_per_word": round(part["syllables"].sum() / n, 2),
                "polysyllable_percent": round(100 * part["polysyllable"].sum() / n, 1),
                "unfamiliar_percent": round(100 * (~part["familiar"].astype(bool)).sum() / n, 1),
                "letters_per_word": round(part["letters"].sum() / n, 2),
                "words_per_piece": round(n / pieces, 1),
            }
        )
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)
