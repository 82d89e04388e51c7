"""Readability: counts, seven classic formulas, a cross-check against textstat, and difficulty by voice.

Every score is computed in the open from counts you can check by hand:

* sentences, from the module's own splitter (``rhetoric_lab.text``: "U.S." ends no sentence);
* words, from ``article.words`` (clitics joined: "They’re" is one word);
* syllables, from the CMU dictionary with a fallback (``rhetoric_lab.syllables``);
* polysyllables (words of three or more syllables), letters, characters (letters and digits);
* unfamiliar words for Dale–Chall: words not on the Dale–Chall list of easy words, read at
  run time from the copy that ships with textstat (``textstat/resources/en/easy_words.txt``).

The formulas and their sources (constants as published):

=============================  =========================================================  ==========================
Flesch Reading Ease            206.835 − 1.015 × words/sentences − 84.6 × syllables/words    Flesch (1948)
Flesch–Kincaid Grade           0.39 × words/sentences + 11.8 × syllables/words − 15.59       Kincaid et al. (1975)
Gunning Fog                    0.4 × (words/sentences + 100 × polysyllables/words)           Gunning (1952)
SMOG                           1.0430 × √(polysyllables × 30/sentences) + 3.1291             McLaughlin (1969)
Coleman–Liau                   0.0588 × L − 0.296 × S − 15.8 (L letters, S sentences per 100 words)
                                                                                             Coleman & Liau (1975)
Automated Readability Index    4.71 × characters/words + 0.5 × words/sentences − 21.43       Smith & Senter (1967)
Dale–Chall                     0.1579 × % unfamiliar words + 0.0496 × words/sentences,
                               + 3.6365 when more than 5 % of the words are unfamiliar        Dale & Chall (1948)
=============================  =========================================================  ==========================

Choices (each one documented where it is made):

* Gunning counts as "complex" every word of three or more syllables. Gunning's own rules leave
  out proper names, compounds of easy words and words made three syllables by -ed, -es, -ing;
  we do not (neither does textstat), so our Fog is a little high for name-heavy texts.
* Dale–Chall: a word is familiar if it is on the list, or is a regular form of a word on the list
  ("called" from "call", "cities" from "city", "They’re" from "they"), or is a number in
  digits. Names and initials not on the list ("Carter", "U.S.") count as unfamiliar.
* An empty text is refused by ``as_article`` with a plain-words error. A text of one word gets
  numbers (nothing is divided by zero), but ``caveats()`` says why they mean little. A piece with
  no words (a line of dashes, say) gets ``None`` for every formula.

The parts: ``formulas`` (one small function per formula), ``counts`` (what the formulas count,
and the score tables), ``textstat_check`` (textstat beside ours), ``voices`` (difficulty by voice).
"""

from __future__ import annotations

from ..text import as_article
from .counting import (
    Working,
    caveats,
    compare_texts,
    count_table,
    counts,
    easy_words,
    hardest_sentences,
    is_familiar,
    length_summary,
    longest_sentence,
    longest_sentences,
    score_summary,
    score_table,
    scores,
    word_counts,
    working,
)
from .formulas import (
    COUNTS,
    FORMULAS,
    METRICS,
    Formula,
    automated_readability_index,
    coleman_liau_index,
    dale_chall,
    flesch_kincaid_grade,
    flesch_reading_ease,
    formula_table,
    gunning_fog,
    scores_from_counts,
    smog_index,
)
from .textstat_check import (
    compare_with_textstat,
    find_glued_words,
    find_textstat_sentence_breaks,
    sentence_count_effect,
    syllable_difference_table,
    textstat_figures,
)
from .voices import VOICE_COLUMNS, voice_difficulty_table


def find_sentence_scores(article_or_text):
    """Every sentence with its counts and scores: the readability topic's table (see :func:`score_table`).

    >>> find_sentence_scores("One short line. Then a second one.")["words"].tolist()
    [3, 4]
    """
    table = score_table(article_or_text, by="sentence")
    table.attrs["table"] = "sentence scores"  # so that rl.highlight(article, found) knows what it shows
    return table


def to_json(article, compare_textstat: bool = True) -> dict:
    """JSON-ready readability data: the counts, every metric, textstat's figures, and caveats.

    ``compare_textstat=False`` leaves out textstat's figures (``analyze`` does, unless asked).

    >>> sorted(to_json("The cat sat.").keys())[:3]  # doctest: +SKIP
    ['automated_readability_index', 'caveats', 'characters']
    """
    article = as_article(article)
    result = counts(article)
    result.update({k: (None if v is None else round(v, 2)) for k, v in scores_from_counts(result).items()})
    result["longest_sentence"] = longest_sentence(article)
    if compare_textstat:
        theirs = textstat_figures(article.text)
        result["textstat"] = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in theirs.items()}
    result["caveats"] = caveats(article)
    return result


__all__ = [
    "COUNTS",
    "FORMULAS",
    "METRICS",
    "VOICE_COLUMNS",
    "Formula",
    "Working",
    "automated_readability_index",
    "caveats",
    "coleman_liau_index",
    "compare_texts",
    "compare_with_textstat",
    "count_table",
    "counts",
    "dale_chall",
    "easy_words",
    "find_glued_words",
    "find_sentence_scores",
    "find_textstat_sentence_breaks",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "formula_table",
    "gunning_fog",
    "hardest_sentences",
    "is_familiar",
    "length_summary",
    "longest_sentence",
    "longest_sentences",
    "score_summary",
    "score_table",
    "scores",
    "scores_from_counts",
    "sentence_count_effect",
    "smog_index",
    "syllable_difference_table",
    "textstat_figures",
    "voice_difficulty_table",
    "word_counts",
    "working",
]
