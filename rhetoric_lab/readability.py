"""Readability counts and formulas, computed from the module's own segmentation."""

from __future__ import annotations

from .syllables import count_syllables
from .text import as_article


def counts(article_or_text) -> dict:
    """Basic counts: sentences, words and syllables.

    >>> counts("The cat sat. It purred.")["sentences"]
    2
    """
    article = as_article(article_or_text)
    words = article.words
    return {
        "sentences": len(article.sentences),
        "words": len(words),
        "syllables": sum(count_syllables(w.text) for w in words),
    }
