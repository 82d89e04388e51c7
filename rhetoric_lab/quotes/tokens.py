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

# an initialism (U.S.), a word (with inner apostrophes and hyphens), a number (9/11, 3.5%), or one other character
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w’'\-]*[^\W_])?|\d+(?:[.,:/]\d+)*%?(?:[\w’'\-]*[^\W_])?|[^\w\s]")
_PARTY = re.compile(r"[DRI]-[A-Z][a-z]{1,4}$")  # a party and state after a name: "McConnell, R-Ky., said"
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


def without_possessive(t: Tok) -> Tok:
    """The word ``t`` without its possessive ’s ("Trump’s" -> "Trump"), at the same place."""
    return Tok(t.index, t.start, t.end - 2, t.bare, t.bare.lower(), "w", t.sentence, t.paragraph)


class _Sentences:
    """The sentence (and its paragraph) that holds an offset, and where the next sentence starts."""

    def __init__(self, article: Article):
        self.sentences = article.sentences
        self.starts = [s.start for s in self.sentences]
        self.beyond = len(article.text) + 1

    def at(self, offset: int) -> tuple[int, int, int]:
        """(sentence, paragraph, the next sentence's start) for ``offset``."""
        s = max(0, bisect.bisect_right(self.starts, offset) - 1)
        high = self.starts[s + 1] if s + 1 < len(self.starts) else self.beyond
        return s, self.sentences[s].paragraph, high


def _add_words(toks: list[Tok], text: str, a: int, b: int, where: _Sentences) -> None:
    """Append the words and marks of text[a:b]; a title, an abbreviation or a party-and-state tag keeps its
    full stop ("Mr.", "R-Ky.")."""
    w = words()
    titles, abbreviations, append = w.titles, w.abbreviations, toks.append
    n, kept, high = len(toks), -1, -1  # kept: the full stop that the word before took
    for m in _TOKEN.finditer(text, a, b):
        start, end = m.span()
        if start == kept:
            continue
        if start >= high:
            s, paragraph, high = where.at(start)
        first, kind = text[start], "p"
        if first.isalnum():
            kind = "w"
            if end < b and text[end] == "." and not first.isdigit():
                word = text[start:end]
                if end - start == 1 or word + "." in titles or word.lower() in abbreviations or _PARTY.match(word):
                    kept = end
                    end += 1
        piece = text[start:end]
        append(Tok(n, start, end, piece, piece.lower(), kind, s, paragraph))
        n += 1


def tokenize(article: Article, quotes: list[Quote]) -> list[Tok]:
    """The tokens of the text: words and marks outside level-1 quotations, one token per quotation."""
    text, where = article.text, _Sentences(article)
    toks: list[Tok] = []
    pos = 0
    for n, q in enumerate(quotes):
        if q.level != 1:
            continue
        _add_words(toks, text, pos, q.open_at, where)
        pos = q.close_at + len(q.close_mark)
        s, paragraph, _ = where.at(q.open_at)
        piece = text[q.open_at : pos]
        toks.append(Tok(len(toks), q.open_at, pos, piece, piece.lower(), "q", s, paragraph, n))
    _add_words(toks, text, pos, len(text), where)
    return toks
