"""The domain tier's data and matching: source domains, the lexicon, literal terms, and the phrase matcher.

* Words are compared by their stem (:func:`rhetoric_lab.wordforms.stem`): "spreads",
  "spreading" and "spread" all match, and so do "tumour" and "tumor".
* A word ending in "=" in an entry must match that exact form ("dogged=" matches "dogged",
  not "dog", which has the same stem).
* A "*" in an entry stands for up to three words ("on * track" matches "on the right track").
* A phrase never runs across punctuation other than quotation marks.
* Context rules in the lexicon keep literal uses out ("attack" after "terror"), and the
  terms in ``data/metaphor_literal_terms.csv`` ("toxic waste", "air strike") are never candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

import pandas as pd

from . import derived
from .data import read_table
from .errors import RhetoricLabError
from .wordforms import phrase_stems, stem, straight, strip_clitic, word_parts

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
        check_domains([domain])
        rows = rows[rows["domain"] == domain].reset_index(drop=True)
    return rows


def check_domains(names) -> None:
    """Raise :class:`UnknownDomainError` for a name that is not a source domain."""
    known = domain_descriptions()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UnknownDomainError(
            f"There is no domain called {', '.join(repr(u) for u in unknown)}. Choose from: {', '.join(sorted(known))}."
        )


def entry_keys(phrase: str) -> tuple[str, ...]:
    """The keys a lexicon entry is matched by: stems, "*" for a gap, "=form" for an exact form.

    >>> entry_keys("stepped-up pressure"), entry_keys("dogged=")
    (('step', 'up', 'pressur'), ('=dogged',))
    """
    words = [m.group() for m in word_parts(phrase)]
    keys = phrase_stems(phrase.replace("=", ""))
    return tuple(
        "=" + straight(w[:-1]).lower() if w.endswith("=") and len(w) > 1 else key
        for w, key in zip(words, keys, strict=True)
    )


def _index_key(key: str) -> str:
    """The stem a pattern is indexed by (an exact form is indexed by its stem)."""
    return stem(key[1:]) if key.startswith("=") else key


@dataclass(frozen=True)
class Pattern:
    """One form of a lexicon entry, ready to match."""

    stems: tuple[str, ...]
    entry: str
    domain: str
    basic_meaning: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]


def _alternatives(cell: str) -> tuple[tuple[str, ...], ...]:
    kept = _kept_keys()
    found = (tuple(kept[a]) if a in kept else entry_keys(a) for a in cell.split("|"))
    return tuple(s for s in found if s)


def _cells() -> list[str]:
    """Every lexicon cell that holds phrases: entries, their literal contexts, and the literal terms."""
    cells = [row[c] for row in read_table("metaphor_lexicon.csv") for c in ("entry", "literal_before", "literal_after")]
    return cells + [row["term"] for row in read_table("metaphor_literal_terms.csv")]


def derived_keys() -> dict[str, list[str]]:
    """{phrase: its :func:`entry_keys`} for every phrase of the lexicon files (kept in ``data/derived.json``)."""
    return {a: list(entry_keys(a)) for cell in _cells() for a in cell.split("|")}


@cache
def _kept_keys() -> dict[str, list[str]]:
    return derived.kept("lexicon") or {}


@cache
def patterns() -> dict[str, tuple[Pattern, ...]]:
    """Lexicon patterns, indexed by the stem of their first word."""
    index: dict[str, list[Pattern]] = {}
    for row in read_table("metaphor_lexicon.csv"):
        before, after = _alternatives(row["literal_before"]), _alternatives(row["literal_after"])
        for stems in dict.fromkeys(_alternatives(row["entry"])):
            pattern = Pattern(stems, row["entry"].split("|")[0], row["domain"], row["basic_meaning"], before, after)
            index.setdefault(_index_key(stems[0]), []).append(pattern)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _literal_terms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Literal terms ("air strike", "toxic waste"), indexed by the stem of their first word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for row in read_table("metaphor_literal_terms.csv"):
        for stems in dict.fromkeys(_alternatives(row["term"])):
            index.setdefault(_index_key(stems[0]), []).append(stems)
    return {k: tuple(v) for k, v in index.items()}


# ---------------------------------------------------------------- matching


class Piece(NamedTuple):
    """A word, or a part of a hyphenated word, with what the matcher needs to know about it."""

    start: int
    end: int
    stem: str
    form: str  # the word in lower case, for entries that ask for an exact form
    joined: bool  # True when nothing but spaces or quotation marks separates it from the piece before
    name: bool = False  # probably part of a name ("Marshall Plan", "Harbor City")


@lru_cache(maxsize=50_000)
def _parts(word: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, stem, lower-case form) of each part of one word split at hyphens, its clitic left out.

    Offsets count from the start of the word. Words repeat, so the answers are kept.
    """
    return tuple(
        (part.start(), part.end(), stem(part.group()), straight(part.group()).lower())
        for part in word_parts(strip_clitic(word))
    )


def _is_name(words, w: int) -> bool:
    """A capitalised word inside a sentence, or one followed by another capitalised word ("Harbor City")."""
    word = words[w]
    if not word.text[:1].isupper() or word.text == "I" or straight(word.text).startswith("I'"):
        return False
    if w and words[w - 1].sentence == word.sentence:
        return True
    after = words[w + 1] if w + 1 < len(words) else None
    return after is not None and after.sentence == word.sentence and after.text[:1].isupper() and after.text != "I"


def _pieces(article) -> list[Piece]:
    pieces: list[Piece] = []
    previous = None
    words = article.words
    for w, word in enumerate(words):
        for n, (part_start, part_end, part_stem, part_form) in enumerate(_parts(word.text)):
            start, end = word.start + part_start, word.start + part_end
            if n:
                joined = True
            else:
                gap = article.text[previous.end : word.start] if previous else "."
                joined = bool(previous) and previous.sentence == word.sentence and _JOINING.fullmatch(gap) is not None
            pieces.append(Piece(start, end, part_stem, part_form, joined, n == 0 and _is_name(words, w)))
        previous = word
    return pieces


def pieces_of(article) -> list[Piece]:
    """The article's words split at hyphens, with clitics ("’s") left out (worked out once per article)."""
    return article.memo("metaphor_lexicon.pieces", _pieces)


def _match(pieces: list[Piece], i: int, stems: tuple[str, ...]) -> int | None:
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
        key = stems[s]
        same = pieces[p].form == key[1:] if key.startswith("=") else pieces[p].stem == key
        return go(p + 1, s + 1) if same else None

    return go(i, 0)


def _context_is_literal(pieces: list[Piece], i: int, end: int, pattern: Pattern) -> bool:
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


def literal_pieces(pieces: list[Piece]) -> set[int]:
    """Indexes of the pieces inside a literal term ("special forces", "foundation stone")."""
    terms, inside = _literal_terms(), set()
    for i, piece in enumerate(pieces):
        for stems in terms.get(piece.stem, ()):
            end = _match(pieces, i, stems)
            if end is not None:
                inside.update(range(i, end))
    return inside


_SPLIT: dict[int, tuple[dict, dict]] = {}


def _by_second_word(index: dict[str, tuple[Pattern, ...]]) -> dict[str, dict[str | None, tuple[Pattern, ...]]]:
    """The index split again by each entry's second word; ``None`` holds entries of one word, or whose
    second word is a gap or an exact form (they are tried wherever their first word is)."""
    kept = _SPLIT.get(id(index))
    if kept is not None and kept[0] is index:
        return kept[1]
    split: dict[str, dict[str | None, list[Pattern]]] = {}
    for first, patterns_ in index.items():
        for pattern in patterns_:
            second = pattern.stems[1] if len(pattern.stems) > 1 else None
            if second is not None and (second == "*" or second.startswith("=")):
                second = None
            split.setdefault(first, {}).setdefault(second, []).append(pattern)
    frozen = {k: {s: tuple(v) for s, v in d.items()} for k, d in split.items()}
    _SPLIT[id(index)] = (index, frozen)
    return frozen


def match_lexicon(pieces: list[Piece], index: dict[str, tuple[Pattern, ...]]) -> list[tuple[int, int, Pattern]]:
    """Lexicon matches as (first piece, piece after the last, pattern), longest first where they overlap.

    Pieces inside literal terms, and names, start no match.
    """
    found = []
    blocked = literal_pieces(pieces)
    split = _by_second_word(index)
    for i, piece in enumerate(pieces):
        if piece.name or i in blocked:  # "Marshall" in "the Marshall Plan" is a name, not the verb "marshal"
            continue
        by_second = split.get(piece.stem)
        if not by_second:
            continue
        after = pieces[i + 1].stem if i + 1 < len(pieces) and pieces[i + 1].joined else None
        for pattern in (*by_second.get(None, ()), *(by_second.get(after, ()) if after else ())):
            end = _match(pieces, i, pattern.stems)
            if end is None or not blocked.isdisjoint(range(i, end)):
                continue
            if not _context_is_literal(pieces, i, end, pattern):
                found.append((i, end, pattern))
    # Longer expressions first, so that "build momentum" wins over "build" and "momentum".
    found.sort(key=lambda m: (-len(m[2].stems), -(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    kept = []
    for i, end, pattern in found:
        if taken.isdisjoint(range(i, end)):
            taken.update(range(i, end))
            kept.append((i, end, pattern))
    return kept
