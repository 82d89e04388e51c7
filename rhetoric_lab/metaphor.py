"""Metaphor candidates: words and phrases borrowed from a familiar source domain (disease, hunting, journeys...).

The finder looks words up in two data files: ``data/metaphor_domains.csv`` (each source
domain with a one-line description) and ``data/metaphor_lexicon.csv`` (single words and
multi-word expressions, each with its domain and its basic, physical meaning).

* Words are compared by their Snowball stem, after British spellings are turned into
  American ones (``data/spelling_variants.csv``): "spreads", "spreading" and "spread"
  all match, and so do "tumour" and "tumor".
* A multi-word expression wins over the single words inside it ("build momentum" is
  one candidate, not "build" plus "momentum"). A phrase never runs across punctuation.
* Context rules in the lexicon keep literal uses out ("attack" after "terror").

It flags *candidates*. Whether a candidate is a metaphor in its sentence is for a
person to decide: compare its basic meaning with its meaning here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import pandas as pd

from .data import read_table
from .errors import RhetoricLabError
from .text import as_article, per_article
from .wordforms import phrase_stems, stem, strip_clitic, word_parts

#: Columns of the table that :func:`find_metaphors` returns.
COLUMNS = ["start", "end", "text", "domain", "entry", "basic_meaning", "sentence", "paragraph"]
#: How many words a "*" in a lexicon entry may stand for.
MAX_GAP = 3

# Text between two words that does not break a phrase: spaces and quotation marks only.
_JOINING = re.compile(r"[\s\"'“”‘’]*")


class UnknownDomainError(RhetoricLabError):
    """A domain name that is not in ``metaphor_domains.csv``."""


# ---------------------------------------------------------------- data files


def domain_table():
    """The source domains and their one-line descriptions, as a DataFrame (``domain``, ``description``).

    >>> "disease and medicine" in set(domain_table()["domain"])
    True
    """
    return pd.DataFrame(list(read_table("metaphor_domains.csv")), columns=["domain", "description"])


@cache
def domain_descriptions() -> dict[str, str]:
    """Each domain's description, by domain name."""
    return {row["domain"]: row["description"] for row in read_table("metaphor_domains.csv")}


def lexicon_table(domain: str | None = None):
    """The lexicon as a DataFrame: ``entry``, ``domain``, ``basic_meaning``, ``literal_before``, ``literal_after``.

    >>> "scalpel" in set(lexicon_table("surgery")["entry"])
    True
    """
    rows = pd.DataFrame(list(read_table("metaphor_lexicon.csv")))
    if domain is not None:
        _check_domains([domain])
        rows = rows[rows["domain"] == domain].reset_index(drop=True)
    return rows


def _check_domains(names) -> None:
    known = domain_descriptions()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UnknownDomainError(
            f"There is no domain called {', '.join(repr(u) for u in unknown)}. Choose from: {', '.join(sorted(known))}."
        )


@dataclass(frozen=True)
class _Pattern:
    stems: tuple[str, ...]
    entry: str
    domain: str
    basic_meaning: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]


def _alternatives(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(s for s in (phrase_stems(a) for a in cell.split("|")) if s)


@cache
def _patterns() -> dict[str, tuple[_Pattern, ...]]:
    """Lexicon patterns, indexed by the stem of their first word."""
    index: dict[str, list[_Pattern]] = {}
    for row in read_table("metaphor_lexicon.csv"):
        before, after = _alternatives(row["literal_before"]), _alternatives(row["literal_after"])
        for stems in dict.fromkeys(_alternatives(row["entry"])):
            pattern = _Pattern(stems, row["entry"].split("|")[0], row["domain"], row["basic_meaning"], before, after)
            index.setdefault(stems[0], []).append(pattern)
    return {k: tuple(v) for k, v in index.items()}


# ---------------------------------------------------------------- matching


class _Piece(NamedTuple):
    start: int
    end: int
    stem: str
    joined: bool  # True when nothing but spaces or quotation marks separates it from the piece before
    name: bool = False  # capitalised but not the first word of its sentence: probably a name ("Marshall Plan")


@lru_cache(maxsize=50_000)
def _parts(word: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, stem) of each part of one word split at hyphens, its clitic ("’s") left out.

    Offsets count from the start of the word. Words repeat, so the answers are kept.
    """
    return tuple((part.start(), part.end(), stem(part.group())) for part in word_parts(strip_clitic(word)))


def _pieces(article) -> list[_Piece]:
    """Words split at hyphens, with clitics ("’s") left out of the offsets."""
    pieces: list[_Piece] = []
    previous = None
    for word in article.words:
        for n, (part_start, part_end, part_stem) in enumerate(_parts(word.text)):
            start, end = word.start + part_start, word.start + part_end
            if n:
                joined = True
            else:
                gap = article.text[previous.end : word.start] if previous else "."
                joined = bool(previous) and previous.sentence == word.sentence and _JOINING.fullmatch(gap) is not None
            name = n == 0 and word.text[:1].isupper() and bool(previous) and previous.sentence == word.sentence
            pieces.append(_Piece(start, end, part_stem, joined, name))
        previous = word
    return pieces


def _match(pieces: list[_Piece], i: int, stems: tuple[str, ...]) -> int | None:
    """Index just after a match of ``stems`` that starts at piece ``i``, or None."""

    def go(p: int, s: int) -> int | None:
        if s == len(stems):
            return p
        if p >= len(pieces) or (s and not pieces[p].joined):
            return None
        if stems[s] == "*":
            for skip in range(MAX_GAP + 1):
                if skip and (p + skip - 1 >= len(pieces) or not pieces[p + skip - 1].joined):
                    break
                end = go(p + skip, s + 1)
                if end is not None:
                    return end
            return None
        return go(p + 1, s + 1) if pieces[p].stem == stems[s] else None

    return go(i, 0)


def _context_is_literal(pieces: list[_Piece], i: int, end: int, pattern: _Pattern) -> bool:
    for words in pattern.before:
        n = len(words)
        if i - n >= 0 and all(pieces[k].joined for k in range(i - n + 1, i + 1)):
            if tuple(p.stem for p in pieces[i - n : i]) == words:
                return True
    for words in pattern.after:
        n = len(words)
        if end + n <= len(pieces) and all(pieces[k].joined for k in range(end, end + n)):
            if tuple(p.stem for p in pieces[end : end + n]) == words:
                return True
    return False


@per_article
def find_metaphors(article_or_text, domains=None):
    """Metaphor candidates, one row each: ``start``, ``end``, ``text``, ``domain``, ``entry``,
    ``basic_meaning``, ``sentence``, ``paragraph`` (offsets into ``article.text``; indexes count from 0).

    ``domains``: a list of domain names to keep only those (see :func:`domain_table`).

    >>> find_metaphors("Rivals stepped up the pressure on the ailing firm.")[["text", "domain"]].values.tolist()
    [['stepped up', 'up and down'], ['pressure', 'force and motion'], ['ailing', 'disease and medicine']]
    """
    article = as_article(article_or_text)
    if domains is not None:
        if isinstance(domains, str):
            domains = [domains]
        domains = tuple(domains)
        _check_domains(domains)
    pieces, index, found = _pieces(article), _patterns(), []
    for i, piece in enumerate(pieces):
        if piece.name:  # "Marshall" in "the Marshall Plan" is a name, not the verb "marshal"
            continue
        for pattern in index.get(piece.stem, ()):
            end = _match(pieces, i, pattern.stems)
            if end is not None and not _context_is_literal(pieces, i, end, pattern):
                found.append((i, end, pattern))
    # Longer expressions first, so that "build momentum" wins over "build" and "momentum".
    found.sort(key=lambda m: (-len(m[2].stems), -(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    rows = []
    for i, end, pattern in found:
        if taken.intersection(range(i, end)):
            continue
        taken.update(range(i, end))
        start, stop = pieces[i].start, pieces[end - 1].end
        if domains is not None and pattern.domain not in domains:
            continue
        rows.append(
            {
                "start": start,
                "end": stop,
                "text": article.text[start:stop],
                "domain": pattern.domain,
                "entry": pattern.entry,
                "basic_meaning": pattern.basic_meaning,
                "sentence": article.sentence_at(start),
                "paragraph": article.paragraph_at(start),
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame = frame.sort_values("start", kind="stable").reset_index(drop=True).astype({"start": int, "end": int})
    frame.attrs["table"] = "metaphors"  # so that rl.highlight(article, found) knows what it shows
    return frame


def to_json(article) -> list[dict]:
    """The candidates as JSON-ready data for ``rhetoric-lab analyze``: ``start``, ``end``, ``text``, ``domain``.

    >>> to_json("A cancer that spreads.")[0]
    {'start': 2, 'end': 8, 'text': 'cancer', 'domain': 'disease and medicine'}
    """
    found = find_metaphors(article)
    return [
        {"start": int(r.start), "end": int(r.end), "text": r.text, "domain": r.domain}
        for r in found.itertuples(index=False)
    ]


__all__ = ["domain_table", "find_metaphors", "lexicon_table"]
