"""Tokens for finding speakers: the words and marks outside quotations, and one token per quotation.

A quotation (level 1, marks included) is a single token of kind ``"q"``, so a frame such as
``“…,” Mills said`` reads as the tokens ``q , Mills said``. One regular-expression pass over the text
outside the quotations: linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..text import Article
from .lexicon import words
from .marks import Quote

# an initialism (U.S.), a word (with inner apostrophes and hyphens), a number, or one other character
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w’'\-]*[^\W_])?|\d+(?:[.,:]\d+)*%?(?:[\w’'\-]*[^\W_])?|[^\w\s]")
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(slots=True)
class Tok:
    index: int
    start: int
    end: int
    text: str
    low: str
    kind: str  # "w" word, "p" punctuation, "q" quotation
    sentence: int
    paragraph: int
    quote: int = -1  # for kind "q": the index of the quotation in the list of quotations

    @property
    def cap(self) -> bool:
        return self.kind == "w" and self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        return self.kind == "w" and self.text[-2:] in ("’s", "'s")

    @property
    def bare(self) -> str:
        """The word without a possessive ’s."""
        return _POSSESSIVE.sub("", self.text) if self.possessive else self.text


def _keeps_period(word: str, text: str, end: int) -> bool:
    if end >= len(text) or text[end] != ".":
        return False
    w = words()
    return len(word) == 1 or word + "." in w.titles or word.lower() in w.abbreviations


def tokenize(article: Article, quotes: list[Quote]) -> list[Tok]:
    text = article.text
    starts = [s.start for s in article.sentences]
    sentences = article.sentences
    toks: list[Tok] = []

    def add(start: int, end: int, kind: str, quote: int = -1) -> None:
        s = max(0, bisect.bisect_right(starts, start) - 1)
        piece = text[start:end]
        toks.append(Tok(len(toks), start, end, piece, piece.lower(), kind, s, sentences[s].paragraph, quote))

    def words_between(a: int, b: int) -> None:
        pos = a
        while pos < b:
            m = _TOKEN.search(text, pos, b)
            if not m:
                return
            start, end = m.span()
            kind = "w" if text[start].isalnum() else "p"
            if kind == "w" and not text[start].isdigit() and _keeps_period(text[start:end], text, end) and end < b:
                end += 1
            add(start, end, kind)
            pos = end

    pos = 0
    for n, q in enumerate(quotes):
        if q.level != 1:
            continue
        words_between(pos, q.open_at)
        end = q.close_at + len(q.close_mark)
        add(q.open_at, end, "q", n)
        pos = end
    words_between(pos, len(text))
    return toks
