"""Indirect speech (paraphrase): the speaker's point retold in the reporter's words."""

from __future__ import annotations

import re

from ..text import Article
from .frames import _Frame
from .lexicon import _words
from .marks import _OuterQuotes, _Quote


def _clause_end(article: Article, masked: str, sent, start: int, frames: list[_Frame]) -> int:
    """Where the clause that begins at ``start`` ends; ``frames`` are the frames of sentence ``sent``."""
    end = sent.end
    for f in frames:
        if f.start > start and f.frame in ("subject", "according"):
            cut = masked.rfind(",", start, f.start)
            cut = cut if cut >= 0 and not masked[cut : f.start].strip(", —–") else f.start
            end = min(end, cut)
    while end > start and not (masked[end - 1].isalnum() or masked[end - 1] in "%)’'"):
        end -= 1
    return end


def _word_pieces(article: Article, masked: str, start: int, end: int, outer: _OuterQuotes) -> list[tuple[int, int]]:
    """Split [start, end) around quotations; keep only pieces with words, trimmed to the words."""
    cuts = outer.cuts(start, end)
    pieces, pos = [], start
    for a, b in sorted(cuts):
        pieces.append((pos, max(pos, a)))
        pos = max(pos, b)
    pieces.append((pos, end))
    result = []
    for a, b in pieces:
        chunk = masked[a:b]
        words = [m.span() for m in re.finditer(r"[\w’'\-]*\w", chunk)]
        if words:
            result.append((a + words[0][0], a + words[-1][1]))
    return result


def _indirect(article: Article, masked: str, quotes: list[_Quote], frames: list[_Frame]) -> list[dict]:
    words = _words()
    rows: list[dict] = []
    sentences = article.sentences
    outer = _OuterQuotes(quotes)
    frames_of: dict[int, list[_Frame]] = {}  # sentence -> its frames
    for f in frames:
        frames_of.setdefault(f.sentence, []).append(f)

    def add(start: int, end: int, f: _Frame) -> None:
        for a, b in _word_pieces(article, masked, start, end, outer):
            rows.append({"start": a, "end": b, "speaker": f.speaker, "verb": f.verb, "sentence": f.sentence})

    for f in frames:
        if not f.speaker:
            continue
        sent = sentences[f.sentence]
        complement = set(f.row.get("complement", "none").split("|"))
        after = masked[f.verb_end : sent.end]
        if f.frame == "inverted":
            after = masked[f.speaker_end : sent.end]
        start = None
        m_to = re.match(r"\s+to\s+(?=[a-z])", after)
        m_that = re.match(r"((?:\s+[\w’'\-]+){0,3}?)\s+that\s+(?=\S)", after)
        m_zero = re.match(r"\s+([\w’'\-]+)", after)
        if f.frame == "according":
            piece_start = sent.start
            add(piece_start, f.start, f)
            add(f.end, sent.end, f)
            continue
        if "to" in complement and m_to and f.frame != "inverted":
            start = f.verb_end + m_to.start() + len(m_to.group(0)) - len(m_to.group(0).lstrip())
        elif "that" in complement and m_that and f.frame != "inverted":
            start = f.verb_end + m_that.end()
        elif "zero" in complement and m_zero and f.frame in ("subject", "coordinated"):
            word = m_zero.group(1)
            if word[0].isalnum() and word.lower() not in words["not_clause"]:
                start = f.verb_end + m_zero.start(1)
        if start is not None:
            add(start, _clause_end(article, masked, sent, start, frames_of[sent.index]), f)
        # "[statement], Carter said." : the statement before a closing frame is the speaker's, retold
        if f.frame in ("subject", "inverted") and complement & {"zero", "that"}:
            tail = masked[f.end : sent.end]
            head = masked[sent.start : f.start]
            if re.fullmatch(r"(?:\s+[\w’'\-]+){0,5}\s*[.!?]?[\"”’']*\s*", tail) and re.search(
                r"[,\x00][\"”’']?\s*$", head
            ):
                add(sent.start, sent.start + len(head.rstrip().rstrip("\"”’'").rstrip(",")), f)
    rows.sort(key=lambda r: r["start"])
    merged: list[dict] = []
    for r in rows:
        if merged and r["start"] < merged[-1]["end"]:
            merged[-1]["end"] = max(merged[-1]["end"], r["end"])
            continue
        merged.append(dict(r))
    return merged
