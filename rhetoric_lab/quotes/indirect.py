"""Indirect speech (paraphrase): the speaker's point retold in the reporter's words.

Found after "said (that)", "pledged to", "according to", and before a closing "…, X said". Every
look-up is bounded (a match at a position, or a window of ``_WINDOW`` characters), so the pass is linear.
"""

from __future__ import annotations

import bisect
import re

from ..text import Article
from .frames import Frame
from .lexicon import words
from .marks import MASK, OuterQuotes, Quote

_WINDOW = 200
_TO = re.compile(r"\s+to\s+(?=[a-z])")
_THAT = re.compile(r"((?:\s+[\w’'\-]+){0,3}?)\s+that\s+(?=\S)")
_ZERO = re.compile(r"\s+([\w’'\-]+)")
_TAIL = re.compile(r"(?:\s+[\w’'\-]+){0,5}\s*[.!?]?[\"”’']*\s*")
_WORD = re.compile(r"\w(?:[\w’'\-]*\w)?")


def _clause_end(masked: str, sent, start: int, frames: list[Frame]) -> int:
    """Where the clause that begins at ``start`` ends: before the next subject frame of the sentence
    (and the comma before it), or at the sentence's end. ``frames`` are the sentence's, in order."""
    end = sent.end
    for f in frames:
        if f.start > start and f.frame in ("subject", "according"):
            cut = masked.rfind(",", max(start, f.start - _WINDOW), f.start)
            end = cut if cut >= 0 and not masked[cut : f.start].strip(", —–") else f.start
            break
    while end > start and not (masked[end - 1].isalnum() or masked[end - 1] in "%)’'"):
        end -= 1
    return end


def _word_pieces(masked: str, start: int, end: int, outer: OuterQuotes) -> list[tuple[int, int]]:
    """Split [start, end) around quotations; keep only pieces with words, trimmed to the words."""
    pieces, pos = [], start
    for a, b in outer.cuts(start, end):
        pieces.append((pos, max(pos, a)))
        pos = max(pos, b)
    pieces.append((pos, end))
    result = []
    for a, b in pieces:
        found = [m.span() for m in _WORD.finditer(masked, a, b)]
        if found:
            result.append((found[0][0], found[-1][1]))
    return result


def find_paraphrase(article: Article, masked: str, quotes: list[Quote], frames: list[Frame]) -> list[dict]:
    """Rows (start, end, speaker, verb, sentence) of indirect speech, merged where they overlap."""
    not_clause = words().not_clause
    rows: list[dict] = []
    sentences = article.sentences
    outer = OuterQuotes(quotes)
    frames_of: dict[int, list[Frame]] = {}
    for f in frames:
        frames_of.setdefault(f.sentence, []).append(f)
    verb_starts = {s: [g.verb_start for g in mine] for s, mine in frames_of.items()}

    def add(start: int, end: int, f: Frame) -> None:
        for a, b in _word_pieces(masked, start, end, outer):
            rows.append({"start": a, "end": b, "speaker": f.speaker, "verb": f.verb, "sentence": f.sentence})

    for f in frames:
        if not f.counts:
            continue
        sent = sentences[f.sentence]
        if f.frame == "according":
            add(sent.start, f.start, f)
            add(f.end, sent.end, f)
            continue
        complement = set(f.row.get("complement", "none").split("|"))
        at = f.speaker_end if f.frame == "inverted" else f.verb_end
        start = None
        m_to = _TO.match(masked, at, sent.end)
        m_that = _THAT.match(masked, at, min(sent.end, at + _WINDOW))
        m_zero = _ZERO.match(masked, at, sent.end)
        if "to" in complement and m_to and f.frame != "inverted":
            start = m_to.start() + len(m_to.group(0)) - len(m_to.group(0).lstrip())  # "pledged to develop": from "to"
        elif "that" in complement and m_that and f.frame != "inverted":
            start = m_that.end()
        elif "zero" in complement and m_zero and f.frame in ("subject", "coordinated"):
            word = m_zero.group(1)
            if word[0].isalnum() and word.lower() not in not_clause:
                start = m_zero.start(1)
        if start is not None:
            mine = frames_of[f.sentence]
            i = bisect.bisect_right(verb_starts[f.sentence], start)
            add(start, _clause_end(masked, sent, start, mine[i : i + 3]), f)
        # "[statement], Carter said." : the statement before a closing frame is the speaker's, retold
        if f.frame in ("subject", "inverted") and complement & {"zero", "that"} and sent.end - f.end <= _WINDOW:
            end = f.start
            while end > sent.start and f.start - end < 5 and (masked[end - 1].isspace() or masked[end - 1] in "\"”’'"):
                end -= 1
            while end > sent.start and f.start - end < 8 and masked[end - 1] == ",":
                end -= 1
            after_quote = end > sent.start and masked[end - 1] == MASK
            if _TAIL.fullmatch(masked, f.end, sent.end) and end < f.start and (masked[end] == "," or after_quote):
                add(sent.start, end, f)
    rows.sort(key=lambda r: r["start"])
    merged: list[dict] = []
    for r in rows:
        if merged and r["start"] < merged[-1]["end"]:
            merged[-1]["end"] = max(merged[-1]["end"], r["end"])
            continue
        merged.append(dict(r))
    return merged
