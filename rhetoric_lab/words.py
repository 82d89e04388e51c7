"""Looking at words: a frequency table, and every use of a keyword in its context (a concordance)."""

from __future__ import annotations

from collections import Counter

import pandas as pd
from nltk.text import ConcordanceIndex

from .data import read_list
from .errors import RhetoricLabError
from .text import as_article, per_article
from .wordforms import straight

#: Columns of :func:`find_keyword`.
KEYWORD_COLUMNS = ["start", "end", "left", "keyword", "right", "sentence", "paragraph"]


def _key(word: str) -> str:
    return straight(word.lower())


def _headword(word: str) -> str:
    """Lower case, without a possessive: "ISIL’s" counts as "isil"."""
    key = _key(word)
    return key[:-2] if key.endswith("'s") and len(key) > 2 else key


@per_article
def frequency_table(article_or_text, skip_common: bool = True, top: int | None = 15):
    """The most frequent words: ``word``, ``count``, ``share`` (of all words).

    Case and possessives are ignored ("ISIL’s" counts as "isil"). Common function
    words ("the", "of", ...) are left out unless ``skip_common=False``; the list is
    ``rhetoric_lab/data/stopwords.txt``.

    >>> frequency_table("The coalition met. The coalition agreed.", top=1)["word"].tolist()
    ['coalition']
    """
    article = as_article(article_or_text)
    common = set(read_list("stopwords.txt")) if skip_common else set()
    words = [_headword(w.text) for w in article.words]
    counts = Counter(w for w in words if w not in common and any(c.isalpha() for c in w))
    rows = counts.most_common(top)
    frame = pd.DataFrame(rows, columns=["word", "count"]).astype({"count": int})  # numbers even when empty
    frame["share"] = (frame["count"] / max(len(words), 1)).round(3)
    return frame


@per_article
def find_keyword(article_or_text, keyword: str, width: int = 35):
    """Every use of ``keyword`` with the words around it (NLTK's concordance index).

    Columns: ``start``, ``end``, ``left``, ``keyword``, ``right``, ``sentence``, ``paragraph``.
    Case does not matter.

    >>> find_keyword("ISIL fell back. The coalition pressed ISIL.", "isil")["keyword"].tolist()
    ['ISIL', 'ISIL']
    """
    if not isinstance(keyword, str) or not keyword.strip() or " " in keyword.strip():
        raise RhetoricLabError(
            f"find_keyword looks for one word at a time; {keyword!r} is not one word. "
            'Try, for example, find_keyword(article, "coalition").'
        )
    article = as_article(article_or_text)
    tokens = article.tokens
    index = ConcordanceIndex([t.text for t in tokens], key=_key)
    rows = []
    for position in index.offsets(_key(keyword.strip())):
        token = tokens[position]
        left = article.text[max(0, token.start - width) : token.start].replace("\n", " ")
        right = article.text[token.end : token.end + width].replace("\n", " ")
        rows.append([token.start, token.end, left.rjust(width), token.text, right, token.sentence, token.paragraph])
    return pd.DataFrame(rows, columns=KEYWORD_COLUMNS)


__all__ = ["find_keyword", "frequency_table"]
