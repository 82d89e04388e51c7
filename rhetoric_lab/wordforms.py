"""Word forms, in one place: apostrophes, clitics, British and American spellings, stems, name particles.

Every module compares words through these functions, so that "ISIL’s", "ISIL's" and "ISIL"
agree everywhere, and "tumour" matches "tumor".

>>> strip_clitic("They’re"), american("tumours"), stem("spreading")
('They', 'tumors', 'spread')
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nltk.stem.snowball import SnowballStemmer

from .data import read_list, read_table

#: The clitics NLTK's word tokenizer splits off a word ("do" + "n't", "ISIL" + "’s").
CLITICS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")
#: Curly apostrophes and single quotation marks, and the straight apostrophe they stand for.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
# A clitic or a possessive apostrophe at the end of a word ("soldiers’").
_CLITIC_ENDING = re.compile(r"(?:n't|'s|'re|'ve|'ll|'d|'m|')$", re.IGNORECASE)
# Letters, apostrophes and hyphens; everything else is not part of a word's spelling.
_PARTS = re.compile(r"[^\s\-‐‑–—]+")


def straight(text: str) -> str:
    """Curly apostrophes made straight, so that "ISIL’s" and "ISIL's" compare equal.

    >>> straight("ISIL’s")
    "ISIL's"
    """
    return text.translate(_APOSTROPHES)


def is_clitic(piece: str) -> bool:
    """True for a clitic token such as "’s" or "n't".

    >>> is_clitic("’s"), is_clitic("s")
    (True, False)
    """
    return straight(piece).lower() in CLITICS


def strip_clitic(word: str) -> str:
    """The word without a clitic or a possessive apostrophe at its end.

    >>> strip_clitic("ISIL’s"), strip_clitic("soldiers’"), strip_clitic("don't")
    ('ISIL', 'soldiers', 'do')
    """
    core = _CLITIC_ENDING.sub("", straight(word))
    return word[: len(core)]


@cache
def _spellings() -> dict[str, str]:
    return {row["british"]: row["american"] for row in read_table("spelling_variants.csv")}


def american(word: str) -> str:
    """The American spelling of a lower-case word, if ``data/spelling_variants.csv`` lists it.

    >>> american("manoeuvre"), american("cat")
    ('maneuver', 'cat')
    """
    return _spellings().get(word, word)


@cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The form a word is matched by: lower case, no clitic, American spelling, Snowball stem.

    Greek nouns in "-sis" are stemmed like their plurals in "-ses".

    >>> stem("Tumours"), stem("spreading"), stem("metastasis") == stem("metastases")
    ('tumor', 'spread', True)
    """
    w = strip_clitic(straight(word.lower()))
    w = american(w)
    if len(w) > 5 and w.endswith("sis"):
        w = w[:-3] + "ses"
    return _stemmer().stem(w)


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """Stems of each word of a phrase; hyphens split words, and "*" stays a gap.

    >>> phrase_stems("stepped-up pressure")
    ('step', 'up', 'pressur')
    """
    return tuple(p if p == "*" else stem(p) for p in _PARTS.findall(phrase))


def word_parts(word: str):
    """The parts of a word split at hyphens and dashes, as regex matches (offsets inside the word).

    >>> [m.group() for m in word_parts("long-range")]
    ['long', 'range']
    """
    return _PARTS.finditer(word)


#: Small words that belong to a name ("Le Drian", "van Dijk"): ``data/name_particles.txt``.
NAME_PARTICLES = frozenset(read_list("name_particles.txt"))
