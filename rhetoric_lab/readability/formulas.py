"""The seven readability formulas, each a small function of counts, with its source and scale."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..errors import RhetoricLabError

#: The metric names, in the order every table and JSON object uses.
METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
)

#: The count names, in order.
COUNTS = (
    "sentences",
    "words",
    "syllables",
    "polysyllables",
    "letters",
    "characters",
    "difficult_words",
)


@dataclass(frozen=True)
class Formula:
    """One readability formula: a label, the formula in words, its scale and its source."""

    name: str
    label: str
    formula: str
    scale: str
    uses: tuple[str, ...]
    source: str


FORMULAS = {
    f.name: f
    for f in [
        Formula(
            "flesch_reading_ease",
            "Flesch Reading Ease",
            "206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)",
            "0–100: higher is easier",
            ("sentences", "words", "syllables"),
            "Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology.",
        ),
        Formula(
            "flesch_kincaid_grade",
            "Flesch–Kincaid Grade",
            "0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59",
            "US school grade",
            ("sentences", "words", "syllables"),
            "Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). Derivation of new "
            "readability formulas ... for Navy enlisted personnel. Research Branch Report 8-75, "
            "Naval Technical Training Command.",
        ),
        Formula(
            "gunning_fog",
            "Gunning Fog",
            "0.4 × ((words ÷ sentences) + 100 × (polysyllables ÷ words))",
            "US school grade",
            ("sentences", "words", "polysyllables"),
            "Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.",
        ),
        Formula(
            "smog_index",
            "SMOG",
            "1.0430 × √(polysyllables × 30 ÷ sentences) + 3.1291",
            "US school grade",
            ("sentences", "polysyllables"),
            "McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading 12(8), 639–646.",
        ),
        Formula(
            "coleman_liau_index",
            "Coleman–Liau",
            "0.0588 × (letters per 100 words) − 0.296 × (sentences per 100 words) − 15.8",
            "US school grade",
            ("sentences", "words", "letters"),
            "Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine scoring. "
            "Journal of Applied Psychology 60, 283–284.",
        ),
        Formula(
            "automated_readability_index",
            "Automated Readability Index",
            "4.71 × (characters ÷ words) + 0.5 × (words ÷ sentences) − 21.43",
            "US school grade",
            ("sentences", "words", "characters"),
            "Smith, E. A. & Senter, R. J. (1967). Automated Readability Index. AMRL-TR-66-220, "
            "Aerospace Medical Research Laboratories, Wright-Patterson Air Force Base.",
        ),
        Formula(
            "dale_chall",
            "Dale–Chall",
            "0.1579 × (% unfamiliar words) + 0.0496 × (words ÷ sentences), plus 3.6365 if more than 5 % are unfamiliar",
            "4.9 or less: grade 4; 9–9.9: college",
            ("sentences", "words", "difficult_words"),
            "Dale, E. & Chall, J. S. (1948). A formula for predicting readability. Educational Research Bulletin 27. "
            "The 5 % rule for the 3.6365 adjustment as given in the encyclopaedia entry "
            "'Dale–Chall readability formula' (Wikipedia).",
        ),
    ]
}


# --------------------------------------------------------------------------- the formulas


def _need(value, what: str) -> None:
    if not value:
        raise RhetoricLabError(
            f"This formula needs at least one {what}, and the text has none. "
            "Give a text with at least one word in a sentence."
        )


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch (1948): 206.835 − 1.015 × words/sentences − 84.6 × syllables/words.

    >>> round(flesch_reading_ease(words=10, sentences=1, syllables=14), 2)
    78.25
    """
    _need(words, "word")
    _need(sentences, "sentence")
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Kincaid et al. (1975): 0.39 × words/sentences + 11.8 × syllables/words − 15.59.

    >>> round(flesch_kincaid_grade(words=10, sentences=1, syllables=14), 2)
    4.83
    """
    _need(words, "word")
    _need(sentences, "sentence")
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def gunning_fog(words: int, sentences: int, polysyllables: int) -> float:
    """Gunning (1952): 0.4 × (words/sentences + 100 × polysyllables/words).

    >>> round(gunning_fog(words=10, sentences=1, polysyllables=1), 2)
    8.0
    """
    _need(words, "word")
    _need(sentences, "sentence")
    return 0.4 * (words / sentences + 100 * polysyllables / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    """McLaughlin (1969): 1.0430 × √(polysyllables × 30/sentences) + 3.1291.

    >>> round(smog_index(sentences=30, polysyllables=9), 4)
    6.2581
    """
    _need(sentences, "sentence")
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau_index(letters: int, words: int, sentences: int) -> float:
    """Coleman & Liau (1975): 0.0588 × L − 0.296 × S − 15.8, L and S per 100 words.

    >>> round(coleman_liau_index(letters=500, words=100, sentences=5), 2)
    12.12
    """
    _need(words, "word")
    return 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def automated_readability_index(characters: int, words: int, sentences: int) -> float:
    """Smith & Senter (1967): 4.71 × characters/words + 0.5 × words/sentences − 21.43.

    >>> round(automated_readability_index(characters=50, words=10, sentences=1), 2)
    7.12
    """
    _need(words, "word")
    _need(sentences, "sentence")
    return 4.71 * characters / words + 0.5 * words / sentences - 21.43


def dale_chall(difficult_words: int, words: int, sentences: int) -> float:
    """Dale & Chall (1948): 0.1579 × % unfamiliar + 0.0496 × words/sentences (+ 3.6365 above 5 %).

    >>> round(dale_chall(difficult_words=2, words=20, sentences=2), 4)
    5.7115
    """
    _need(words, "word")
    _need(sentences, "sentence")
    percent = 100 * difficult_words / words
    return 0.1579 * percent + 0.0496 * words / sentences + (3.6365 if percent > 5 else 0.0)


#: The formulas that count syllables: no score when no syllable can be counted (a text not in English letters).
SYLLABLE_METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index")
#: Every English word has a syllable or more (prose has about 1.5 a word). Below half a syllable a word, most
#: words could not be counted (another alphabet, or numbers), and the syllable formulas would leave their
#: scale: Arabic with one English word scored a Flesch Reading Ease of 194, Greek 190.
MIN_SYLLABLES_PER_WORD = 0.5


def syllables_countable(counts: dict) -> bool:
    """True when enough syllables were counted for the syllable formulas to mean something.

    >>> syllables_countable({"words": 10, "syllables": 14}), syllables_countable({"words": 10, "syllables": 1})
    (True, False)
    """
    syllables = counts.get("syllables") or 0
    return syllables > 0 and syllables >= MIN_SYLLABLES_PER_WORD * (counts.get("words") or 0)


def scores_from_counts(counts: dict) -> dict:
    """Every formula applied to a dict of counts; ``None`` for each when there is no word or sentence, and for
    those that count syllables when (almost) no syllable could be counted (they would leave their scale: a
    Flesch Reading Ease of 204; see :data:`MIN_SYLLABLES_PER_WORD`).

    >>> scores_from_counts({"sentences": 1, "words": 10, "syllables": 14, "polysyllables": 1,
    ...     "letters": 40, "characters": 40, "difficult_words": 0})["flesch_kincaid_grade"]
    4.83
    """
    if not counts.get("words") or not counts.get("sentences"):
        return dict.fromkeys(METRICS)
    c = counts
    values = {
        "flesch_reading_ease": flesch_reading_ease(c["words"], c["sentences"], c["syllables"]),
        "flesch_kincaid_grade": flesch_kincaid_grade(c["words"], c["sentences"], c["syllables"]),
        "gunning_fog": gunning_fog(c["words"], c["sentences"], c["polysyllables"]),
        "smog_index": smog_index(c["sentences"], c["polysyllables"]),
        "coleman_liau_index": coleman_liau_index(c["letters"], c["words"], c["sentences"]),
        "automated_readability_index": automated_readability_index(c["characters"], c["words"], c["sentences"]),
        "dale_chall": dale_chall(c["difficult_words"], c["words"], c["sentences"]),
    }
    if not syllables_countable(c):
        values.update(dict.fromkeys(SYLLABLE_METRICS))
    # Round away floating-point noise (4.829999... -> 4.83) without hiding real digits.
    return {k: None if v is None else round(v, 10) for k, v in values.items()}


def formula_table():
    """Each formula in words, what it counts, and its source.

    >>> formula_table().loc[0, "label"]
    'Flesch Reading Ease'
    """
    return pd.DataFrame(
        [
            {"metric": f.name, "label": f.label, "formula": f.formula, "counts": ", ".join(f.uses), "source": f.source}
            for f in FORMULAS.values()
        ]
    )
