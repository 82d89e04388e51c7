"""Quotation marks: which mark opens and which closes, how they pair, and which do not pair."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..text import Article

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„«", "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘‹", "’›"
_ALL_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'"
_OPEN_CONTEXT = "([{—–-/"
_CLOSE_CONTEXT = ".,;:!?)]}—–-…"


@dataclass
class _Quote:
    open_at: int
    close_at: int
    open_mark: str
    close_mark: str
    level: int
    quote_id: int
    continued: bool = False  # this piece continues a quotation from the paragraph before

    @property
    def start(self) -> int:
        return self.open_at + 1

    @property
    def end(self) -> int:
        return self.close_at


def _role(text: str, i: int) -> str:
    """Classify the mark at ``text[i]``: open/close/either, double/single, or apostrophe."""
    c = text[i]
    p = text[i - 1] if i > 0 else ""
    n = text[i + 1] if i + 1 < len(text) else ""
    if c in _DOUBLE_OPEN:
        return "open2"
    if c in _DOUBLE_CLOSE:
        return "close2"
    if c == '"':
        if p and p in "'’”»":
            return "close2"
        if not p or p.isspace() or p in _OPEN_CONTEXT or p in _ALL_MARKS:
            return "open2"
        if not n or n.isspace() or n in _CLOSE_CONTEXT or n in _ALL_MARKS:
            return "close2"
        return "either2"
    p_word, n_word = p.isalnum(), n.isalnum()
    if c in _SINGLE_OPEN:
        return "apostrophe" if p_word else "open1"
    # ’ › or ' : an apostrophe inside a word (They’re, ISIL’s) is never a quotation mark.
    if p_word and n_word:
        return "apostrophe"
    if (p_word or (p and p in ".,!?…")) and not n_word:
        return "close1"
    if not p_word and n_word:
        return "open1" if c == "'" or c == "‹" else "apostrophe"
    return "close1" if not n or n.isspace() or n in _CLOSE_CONTEXT else "apostrophe"


def _next_paragraph_opens(text: str, paragraphs, index: int) -> bool:
    if index + 1 >= len(paragraphs):
        return False
    start = paragraphs[index + 1].start
    return text[start] in _DOUBLE_OPEN or (text[start] == '"' and _role(text, start) == "open2")


def _scan(article: Article) -> tuple[list[_Quote], list[dict]]:
    """Pair the quotation marks of every paragraph; report the marks that do not pair."""
    text, paragraphs = article.text, article.paragraphs
    quotes: list[_Quote] = []
    warnings: list[dict] = []
    ids = iter(range(1_000_000))
    carry: int | None = None  # quote_id continued from the paragraph before

    def warn(at: int, message: str) -> None:
        warnings.append({"start": at, "end": at + 1, "mark": text[at], "message": message})

    for p_index, para in enumerate(paragraphs):
        double: tuple[int, int] | None = None  # (position, quote_id)
        single: tuple[int, int] | None = None  # (position, level)
        continued = False
        for i in range(para.start, para.end):
            if text[i] not in _ALL_MARKS:
                continue
            role = _role(text, i)
            if role == "either2":
                role = "close2" if double else "open2"
            if role == "open2":
                if double is not None:
                    warn(double[0], "This opening double quotation mark is never closed before the next one opens.")
                qid = carry if (carry is not None and i == para.start) else next(ids)
                continued = carry is not None and i == para.start
                carry = None
                double, single = (i, qid), None
            elif role == "close2":
                if double is None:
                    warn(i, "This closing double quotation mark has no opening mark before it in this paragraph.")
                    continue
                if single is not None:
                    warn(single[0], "This single quotation mark is never closed inside the double quotation.")
                    single = None
                quotes.append(_Quote(double[0], i, text[double[0]], text[i], 1, double[1], continued))
                double, continued = None, False
            elif role == "open1":
                if single is not None:
                    warn(single[0], "This opening single quotation mark is never closed before the next one opens.")
                single = (i, 2 if double else 1)
            elif role == "close1" and single is not None:
                qid = double[1] if double else next(ids)
                quotes.append(_Quote(single[0], i, text[single[0]], text[i], single[1], qid))
                single = None
        if single is not None:
            warn(single[0], "This opening single quotation mark is never closed in its paragraph.")
        if double is not None:
            if _next_paragraph_opens(text, paragraphs, p_index):
                # News convention: the quotation goes on in the next paragraph.
                quotes.append(_Quote(double[0], para.end, text[double[0]], "", 1, double[1], continued))
                carry = double[1]
            else:
                warn(double[0], "This opening double quotation mark is never closed in its paragraph.")
    quotes.sort(key=lambda q: (q.open_at, q.level))
    return quotes, warnings


class _OuterQuotes:
    """The quotations of level 1, ready to ask which of them reach into a stretch of text.

    They never overlap (``_scan`` drops an open single mark when a double one opens, and a
    single mark opened inside a double quotation is level 2), so in order of their opening
    marks they are also in order of their closing marks, and bisect finds them.
    """

    def __init__(self, quotes: list[_Quote]):
        outer = sorted((q for q in quotes if q.level == 1), key=lambda q: q.open_at)
        self.opens = [q.open_at for q in outer]
        self.closes = [q.close_at for q in outer]

    def cuts(self, start: int, end: int) -> list[tuple[int, int]]:
        """(opening mark, after the closing mark) of each quotation that opens before ``end``
        and closes at or after ``start``, in text order."""
        first = bisect.bisect_left(self.closes, start)
        stop = bisect.bisect_left(self.opens, end)
        return [(self.opens[i], self.closes[i] + 1) for i in range(first, stop)]
