"""Quotation marks: pair them paragraph by paragraph, and report the marks that do not pair.

A quotation's ``start``/``end`` cover the words without the marks; ``open_at``/``close_at`` are the
marks' positions. A quotation over several paragraphs (no closing mark at the end of a paragraph, a
new opening mark on the next) gives one piece per paragraph with the same ``quote_id``. One pass over
the characters: linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..text import Article

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„«", "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘‹", "’›"
_ALL_MARKS = _DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'"
_A_MARK = re.compile(f"[{re.escape(_ALL_MARKS)}]")  # one character: linear
_OPEN_CONTEXT = "([{—–-/"
_CLOSE_CONTEXT = ".,;:!?)]}—–-…"
MASK = "\u0000"
_NOT_NEWLINES = re.compile(r"[^\n]+")


@dataclass
class Quote:
    open_at: int
    close_at: int
    open_mark: str
    close_mark: str
    level: int
    quote_id: int
    continued: bool = False  # this piece continues a quotation from the paragraph before

    @property
    def start(self) -> int:
        return self.open_at + len(self.open_mark)

    @property
    def end(self) -> int:
        return self.close_at


def _straight_double(p: str, n: str) -> str:
    """A straight double mark (" or two apostrophes '') between the characters ``p`` and ``n``."""
    if p and p in "'’”»":
        return "close2"
    if not p or p.isspace() or p in _OPEN_CONTEXT or p in _ALL_MARKS:
        return "open2"
    if not n or n.isspace() or n in _CLOSE_CONTEXT or n in _ALL_MARKS:
        return "close2"
    return "either2"


def _mark_at(text: str, i: int) -> tuple[str, str]:
    """(the mark at ``text[i]``, its role); two apostrophes ('') are one straight double mark."""
    if text.startswith("''", i) and not text.startswith("'''", i):
        p = text[i - 1] if i > 0 else ""
        n = text[i + 2] if i + 2 < len(text) else ""
        return "''", _straight_double(p, n)
    return text[i], _role(text, i)


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
        return _straight_double(p, n)
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


def mark_positions(text: str, start: int, end: int) -> list[int]:
    """Where a quotation mark or an apostrophe stands in text[start:end].

    >>> mark_positions("He said “no.” It’s", 0, 18)
    [8, 12, 16]
    """
    return [m.start() for m in _A_MARK.finditer(text, start, end)]


def _next_paragraph_opens(text: str, paragraphs, index: int) -> bool:
    if index + 1 >= len(paragraphs):
        return False
    start = paragraphs[index + 1].start
    return text[start] in _DOUBLE_OPEN or (text[start] in "\"'" and _mark_at(text, start)[1] == "open2")


def scan(article: Article) -> tuple[list[Quote], list[dict]]:
    """Pair the quotation marks of every paragraph; report the marks that do not pair."""
    text, paragraphs = article.text, article.paragraphs
    quotes: list[Quote] = []
    warnings: list[dict] = []
    ids = iter(range(1_000_000))
    carry: int | None = None  # quote_id continued from the paragraph before

    def warn(at: int, message: str) -> None:
        mark = _mark_at(text, at)[0]
        warnings.append({"start": at, "end": at + len(mark), "mark": mark, "message": message})

    for p_index, para in enumerate(paragraphs):
        double: tuple[int, int, str] | None = None  # (position, quote_id, mark)
        single: tuple[int, int] | None = None  # (position, level)
        continued = False
        skip = -1
        for i in mark_positions(text, para.start, para.end):
            if i <= skip:
                continue
            mark, role = _mark_at(text, i)
            skip = i + len(mark) - 1
            if role == "either2":
                role = "close2" if double else "open2"
            if role == "open2":
                if double is not None:
                    warn(double[0], "This opening double quotation mark is never closed before the next one opens.")
                qid = carry if (carry is not None and i == para.start) else next(ids)
                continued = carry is not None and i == para.start
                carry = None
                double, single = (i, qid, mark), None
            elif role == "close2":
                if double is None:
                    warn(i, "This closing double quotation mark has no opening mark before it in this paragraph.")
                    continue
                if single is not None:
                    warn(single[0], "This single quotation mark is never closed inside the double quotation.")
                    single = None
                quotes.append(Quote(double[0], i, double[2], mark, 1, double[1], continued))
                double, continued = None, False
            elif role == "open1":
                if single is not None:
                    warn(single[0], "This opening single quotation mark is never closed before the next one opens.")
                single = (i, 2 if double else 1)
            elif role == "close1" and single is not None:
                qid = double[1] if double else next(ids)
                quotes.append(Quote(single[0], i, text[single[0]], text[i], single[1], qid))
                single = None
        if single is not None:
            warn(single[0], "This opening single quotation mark is never closed in its paragraph.")
        if double is not None:
            if _next_paragraph_opens(text, paragraphs, p_index):
                # News convention: the quotation goes on in the next paragraph.
                quotes.append(Quote(double[0], para.end, double[2], "", 1, double[1], continued))
                carry = double[1]
            else:
                warn(double[0], "This opening double quotation mark is never closed in its paragraph.")
    quotes.sort(key=lambda q: (q.open_at, q.level))
    return quotes, warnings


def masked(article: Article, quotes: list[Quote]) -> str:
    """The text with the words inside quotation marks hidden, so frames are found outside them.

    >>> text = 'He said “no” twice.'
    >>> masked(Article(text), scan(Article(text))[0]).replace(MASK, "#")
    'He said “##” twice.'
    """
    text, pieces, pos = article.text, [], 0
    for q in sorted((q for q in quotes if q.level == 1), key=lambda q: q.start):
        start = max(q.start, pos)  # in order of their starts: what is before pos is hidden already
        if start < q.end:
            pieces += [text[pos:start], _NOT_NEWLINES.sub(lambda m: MASK * len(m.group()), text[start : q.end])]
            pos = q.end
    pieces.append(text[pos:])
    return "".join(pieces)


class OuterQuotes:
    """The quotations of level 1, ready to ask which of them reach into a stretch of text.

    They never overlap (``scan`` drops an open single mark when a double one opens, and a single mark
    opened inside a double quotation is level 2), so in order of their opening marks they are also in
    order of their closing marks, and bisect finds them.
    """

    def __init__(self, quotes: list[Quote]):
        outer = sorted((q for q in quotes if q.level == 1), key=lambda q: q.open_at)
        self.opens = [q.open_at for q in outer]
        self.closes = [q.close_at for q in outer]
        self.ends = [q.close_at + max(1, len(q.close_mark)) for q in outer]

    def cuts(self, start: int, end: int) -> list[tuple[int, int]]:
        """(opening mark, after the closing mark) of each quotation that opens before ``end`` and
        closes at or after ``start``, in text order."""
        first = bisect.bisect_left(self.closes, start)
        stop = bisect.bisect_left(self.opens, end)
        return [(self.opens[i], self.ends[i]) for i in range(first, stop)]


_scan, _OuterQuotes = scan, OuterQuotes  # the names that tests/test_speed_equivalence.py checks
