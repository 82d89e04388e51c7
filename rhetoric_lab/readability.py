"""Readability: counts, seven classic formulas, and a cross-check against textstat.

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
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import AnswerFormatError, RhetoricLabError
from .syllables import syllable_source
from .text import Article, as_article

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
    aliases: tuple[str, ...] = ()


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
            ("flesch", "reading ease", "fre"),
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
            ("flesch-kincaid", "flesch kincaid", "fkgl", "kincaid"),
        ),
        Formula(
            "gunning_fog",
            "Gunning Fog",
            "0.4 × ((words ÷ sentences) + 100 × (polysyllables ÷ words))",
            "US school grade",
            ("sentences", "words", "polysyllables"),
            "Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.",
            ("fog", "gunning"),
        ),
        Formula(
            "smog_index",
            "SMOG",
            "1.0430 × √(polysyllables × 30 ÷ sentences) + 3.1291",
            "US school grade",
            ("sentences", "polysyllables"),
            "McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading 12(8), 639–646.",
            ("smog",),
        ),
        Formula(
            "coleman_liau_index",
            "Coleman–Liau",
            "0.0588 × (letters per 100 words) − 0.296 × (sentences per 100 words) − 15.8",
            "US school grade",
            ("sentences", "words", "letters"),
            "Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine scoring. "
            "Journal of Applied Psychology 60, 283–284.",
            ("coleman-liau", "coleman liau", "coleman", "liau", "cli"),
        ),
        Formula(
            "automated_readability_index",
            "Automated Readability Index",
            "4.71 × (characters ÷ words) + 0.5 × (words ÷ sentences) − 21.43",
            "US school grade",
            ("sentences", "words", "characters"),
            "Smith, E. A. & Senter, R. J. (1967). Automated Readability Index. AMRL-TR-66-220, "
            "Aerospace Medical Research Laboratories, Wright-Patterson Air Force Base.",
            ("ari", "automated readability", "automated"),
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
            ("dale-chall", "dale chall", "dale", "chall"),
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


def scores_from_counts(counts: dict) -> dict:
    """Every formula applied to a dict of counts; ``None`` for each when there is no word or sentence.

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
    # Round away floating-point noise (4.829999... -> 4.83) without hiding real digits.
    return {k: round(v, 10) for k, v in values.items()}


# --------------------------------------------------------------------------- familiar words


def easy_words_path() -> Path:
    """Where textstat's copy of the Dale–Chall easy-word list is installed."""
    import importlib.util

    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise RhetoricLabError(
            "The Dale–Chall word list comes with the package textstat, which is not installed. "
            "Run: python -m pip install textstat"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "en" / "easy_words.txt"


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of easy words, lower case, as shipped with textstat.

    >>> "help" in easy_words(), "cancer" in easy_words()
    (True, False)
    """
    text = easy_words_path().read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


_CLITIC = re.compile(r"(?:'s|s'|'re|'ll|'ve|'d|'m|n't)$")


def _regular_bases(word: str) -> list[str]:
    """Words that ``word`` may be a regular form of: "actions" -> "action", "making" -> "make"."""
    bases = []
    for ending, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ed", ("", "e")),
        ("d", ("",)),
        ("ing", ("", "e")),
    ):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            bases.extend(stem + r for r in replacements)
            if ending in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                bases.append(stem[:-1])  # "stopped" -> "stop"
    return bases


@lru_cache(maxsize=50_000)
def is_familiar(word: str) -> bool:
    """True if Dale–Chall would count ``word`` as familiar (see the module notes).

    >>> is_familiar("called"), is_familiar("They’re"), is_familiar("excision")
    (True, True, False)
    """
    easy = easy_words()
    low = word.lower().replace("’", "'").strip("'")
    if not low or low.replace(",", "").replace(".", "").isdigit():
        return True
    if low in easy:
        return True
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        return bool(parts) and all(is_familiar(p) for p in parts)
    base = _CLITIC.sub("", low)
    if base != low and base:
        return is_familiar(base)
    return any(b in easy for b in _regular_bases(low))


# --------------------------------------------------------------------------- counting


def word_counts(article_or_text):
    """One row per word, with what each formula counts.

    Columns: ``word``, ``start``, ``end``, ``text``, ``sentence``, ``paragraph``, ``syllables``,
    ``syllable_source``, ``polysyllable``, ``letters``, ``characters``, ``familiar``.

    >>> word_counts("Cats purr loudly.")[["text", "syllables"]].values.tolist()
    [['Cats', 1], ['purr', 1], ['loudly', 2]]
    """
    return as_article(article_or_text).memo("readability.word_counts", _word_counts).copy()


@lru_cache(maxsize=50_000)
def _word_figures(text: str) -> tuple:
    """(syllables, syllable source, letters, characters, familiar) for one word; words repeat, so kept."""
    syllables, source = syllable_source(text)
    letters = sum(ch.isalpha() for ch in text)
    characters = sum(ch.isalnum() for ch in text)
    return syllables, source, letters, characters, is_familiar(text)


def _word_counts(article: Article):
    import pandas as pd

    rows = []
    for w in article.words:
        syllables, source, letters, characters, familiar = _word_figures(w.text)
        rows.append(
            (
                w.index,
                w.start,
                w.end,
                w.text,
                w.sentence,
                w.paragraph,
                syllables,
                source,
                syllables >= 3,
                letters,
                characters,
                familiar,
            )
        )
    columns = [
        "word",
        "start",
        "end",
        "text",
        "sentence",
        "paragraph",
        "syllables",
        "syllable_source",
        "polysyllable",
        "letters",
        "characters",
        "familiar",
    ]
    return pd.DataFrame(rows, columns=columns)


def _sum_counts(words, sentences: int) -> dict:
    return {
        "sentences": int(sentences),
        "words": int(len(words)),
        "syllables": int(words["syllables"].sum()),
        "polysyllables": int(words["polysyllable"].sum()),
        "letters": int(words["letters"].sum()),
        "characters": int(words["characters"].sum()),
        "difficult_words": int((~words["familiar"].astype(bool)).sum()),
    }


def _sum_counts_by(words, column: str) -> dict:
    """``_sum_counts`` for each value of ``column`` ("sentence" or "paragraph"), with one groupby.

    Returns {value: counts without "sentences"}; a value with no words is missing.
    """
    table = words.assign(difficult=~words["familiar"].astype(bool))
    sums = table.groupby(column)[["syllables", "polysyllable", "letters", "characters", "difficult"]].sum()
    sizes = table.groupby(column).size()
    result = {}
    for value, n, row in zip(sums.index, sizes, sums.itertuples(index=False), strict=True):
        result[value] = {
            "words": int(n),
            "syllables": int(row.syllables),
            "polysyllables": int(row.polysyllable),
            "letters": int(row.letters),
            "characters": int(row.characters),
            "difficult_words": int(row.difficult),
        }
    return result


#: The counts of a piece of text with no words in it.
_NO_WORDS = dict.fromkeys(("words", "syllables", "polysyllables", "letters", "characters", "difficult_words"), 0)


def counts(article_or_text) -> dict:
    """What the formulas count: sentences, words, syllables, polysyllables, letters, characters,
    difficult (unfamiliar) words.

    >>> counts("The cat sat. It purred.")["sentences"]
    2
    >>> counts("The U.S. agreed.")["words"]
    3
    """
    article = as_article(article_or_text)
    return _sum_counts(word_counts(article), len(article.sentences))


def count_table(article_or_text):
    """``counts()`` as a small table with one row per count: ``counted``, ``number``.

    >>> count_table("The cat sat.")["number"].tolist()[:2]
    [1, 3]
    """
    import pandas as pd

    return pd.DataFrame(list(counts(article_or_text).items()), columns=["counted", "number"])


def scores(article_or_text) -> dict:
    """Every formula for the whole text, computed from ``counts()``.

    >>> round(scores("The cat sat on the mat.")["flesch_kincaid_grade"], 2)
    -1.45
    """
    return scores_from_counts(counts(article_or_text))


def score_table(article_or_text, by: str = "text"):
    """Counts and scores for the whole text, each paragraph, or each sentence.

    Columns: ``start``, ``end``, ``sentence``, ``paragraph``, ``text``, the counts (``sentences``,
    ``words``, ...), ``words_per_sentence``, ``syllables_per_word``, then one column per metric.
    ``sentence`` and ``paragraph`` are the first sentence and the paragraph of each row.

    >>> score_table("One short line. Then a second one.", by="sentence")["words"].tolist()
    [3, 4]
    """
    import pandas as pd

    if by not in ("text", "paragraph", "sentence"):
        raise RhetoricLabError(f'by= must be "text", "paragraph" or "sentence", not {by!r}.')
    article = as_article(article_or_text)
    words = word_counts(article)
    rows = []
    # Each piece: start, end, first sentence, paragraph, its counts.
    if by == "text":
        first, last = article.sentences[0], article.sentences[-1]
        pieces = [(first.start, last.end, 0, 0, _sum_counts(words, len(article.sentences)))]
    elif by == "paragraph":
        sums = _sum_counts_by(words, "paragraph")
        sentences_in = {}  # paragraph -> its sentences
        for s in article.sentences:
            sentences_in.setdefault(s.paragraph, []).append(s)
        pieces = []
        for p in article.paragraphs:
            in_para = sentences_in.get(p.index, [])
            first = in_para[0].index if in_para else article.sentence_at(p.start)
            c = {"sentences": len(in_para), **sums.get(p.index, _NO_WORDS)}
            pieces.append((p.start, p.end, first, p.index, c))
    else:
        sums = _sum_counts_by(words, "sentence")
        pieces = [
            (s.start, s.end, s.index, s.paragraph, {"sentences": 1, **sums.get(s.index, _NO_WORDS)})
            for s in article.sentences
        ]
    for start, end, sentence, paragraph, c in pieces:
        row = {
            "start": start,
            "end": end,
            "sentence": sentence,
            "paragraph": paragraph,
            "text": article.text[start:end],
        }
        row.update(c)
        row["words_per_sentence"] = c["words"] / c["sentences"] if c["sentences"] else None
        row["syllables_per_word"] = c["syllables"] / c["words"] if c["words"] else None
        row.update(scores_from_counts(c))
        rows.append(row)
    columns = ["start", "end", "sentence", "paragraph", "text", *COUNTS, "words_per_sentence", "syllables_per_word"]
    return pd.DataFrame(rows, columns=[*columns, *METRICS])


def score_summary(article_or_text):
    """The seven scores as a small table: ``metric``, ``label``, ``score`` (1 decimal), ``scale``.

    >>> score_summary("The cat sat on the mat.")["metric"].tolist()[:2]
    ['flesch_reading_ease', 'flesch_kincaid_grade']
    """
    import pandas as pd

    values = scores(article_or_text)
    rows = [
        {
            "metric": name,
            "label": FORMULAS[name].label,
            "score": None if values[name] is None else round(values[name], 1),
            "scale": FORMULAS[name].scale,
        }
        for name in METRICS
    ]
    return pd.DataFrame(rows, columns=["metric", "label", "score", "scale"])


def formula_table():
    """Each formula in words, what it counts, and its source.

    >>> formula_table().loc[0, "label"]
    'Flesch Reading Ease'
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {"metric": f.name, "label": f.label, "formula": f.formula, "counts": ", ".join(f.uses), "source": f.source}
            for f in FORMULAS.values()
        ]
    )


def longest_sentences(article_or_text, n: int = 3):
    """The ``n`` longest sentences (in words), longest first; columns as ``score_table(by="sentence")``.

    >>> longest_sentences("A short one. This one is a good deal longer.", n=1)["words"].tolist()
    [7]
    """
    table = score_table(article_or_text, by="sentence")
    return (
        table.sort_values(["words", "sentence"], ascending=[False, True], kind="stable").head(n).reset_index(drop=True)
    )


def hardest_sentences(article_or_text, n: int = 3, metric: str = "flesch_kincaid_grade"):
    """The ``n`` hardest sentences by one metric (highest grade; lowest Flesch Reading Ease).

    >>> hardest_sentences("Cats sit. Unbelievably complicated regulations proliferate.", n=1)["sentence"].tolist()
    [1]
    """
    if metric not in METRICS:
        raise RhetoricLabError(f"Unknown metric {metric!r}. Choose one of: {', '.join(METRICS)}.")
    table = score_table(article_or_text, by="sentence").dropna(subset=[metric])
    easier_is_higher = metric == "flesch_reading_ease"
    table = table.sort_values([metric, "sentence"], ascending=[easier_is_higher, True], kind="stable")
    return table.head(n).reset_index(drop=True)


def length_summary(article_or_text) -> dict:
    """Sentence lengths in words: ``count``, ``mean``, ``median``, ``shortest``, ``longest``, ``lengths``.

    >>> length_summary("A short one. This one is a good deal longer.")["longest"]
    7
    """
    import statistics

    lengths = score_table(article_or_text, by="sentence")["words"].astype(int).tolist()
    return {
        "count": len(lengths),
        "mean": statistics.mean(lengths),
        "median": statistics.median(lengths),
        "shortest": min(lengths),
        "longest": max(lengths),
        "lengths": lengths,
    }


def compare_texts(texts: dict):
    """Counts and scores for several texts side by side: one row per ``label: text`` pair.

    >>> compare_texts({"a": "The city is a cancer.", "b": "The city is a danger."})["flesch_reading_ease"].nunique()
    1
    """
    import pandas as pd

    if not isinstance(texts, dict) or not texts:
        raise AnswerFormatError('Give the texts as a dictionary, for example: {"original": text1, "mine": text2}.')
    rows = []
    for label, text in texts.items():
        article = as_article(text)
        row = {"label": label, **counts(article)}
        row["words_per_sentence"] = row["words"] / row["sentences"]
        row["syllables_per_word"] = row["syllables"] / row["words"]
        row.update(scores_from_counts(counts(article)))
        rows.append(row)
    return pd.DataFrame(rows)


def caveats(article_or_text) -> list[str]:
    """Plain-words warnings about what the scores can mean for this text (short texts, SMOG, ...).

    >>> caveats("Hello.")[0].startswith("Only 1 sentence")
    True
    """
    c = counts(article_or_text)
    notes = []
    if c["sentences"] < 30:
        notes.append(
            f"Only {c['sentences']} sentence{'s' if c['sentences'] != 1 else ''}: SMOG was designed for "
            "30 sentences (ten from the beginning, middle and end of a text); with fewer, one long word "
            "moves it a lot."
        )
    if c["words"] < 100:
        notes.append(
            f"Only {c['words']} word{'s' if c['words'] != 1 else ''}: Gunning Fog and Dale–Chall are meant for "
            "passages of about 100 words; on a short text each word moves the score."
        )
    if c["sentences"] == 1:
        notes.append("One sentence: 'words per sentence' is just this sentence's length, not an average.")
    notes.append(
        "Every formula counts only lengths (of sentences, and of words in syllables or letters) or, for "
        "Dale–Chall, whether words are on a list. Meaning, metaphor, allusion and the reader's knowledge "
        "are not counted."
    )
    return notes


# --------------------------------------------------------------------------- showing the working


@dataclass
class Working:
    """The working for one score: the words with their syllables, the totals, and each step."""

    words: object  # DataFrame: text, syllables, syllable_source
    sentences: int
    total_words: int
    total_syllables: int
    steps: dict  # metric name -> list of lines

    def __str__(self) -> str:
        lines = [", ".join(f"{t} {s}" for t, s in zip(self.words["text"], self.words["syllables"], strict=False))]
        lines.append(f"{self.total_words} words, {self.total_syllables} syllables, {self.sentences} sentence(s)")
        for steps in self.steps.values():
            lines.extend(steps)
        return "\n".join(lines)


def working(article_or_text, sentence: int | None = None) -> Working:
    """The working of the Flesch Reading Ease and Flesch–Kincaid Grade for a text or one sentence.

    >>> print(working("Cats purr loudly.").steps["flesch_kincaid_grade"][-1])
    = 1.17 + 15.73 − 15.59 = 1.31
    """
    article = as_article(article_or_text)
    words = word_counts(article)
    n_sentences = len(article.sentences)
    if sentence is not None:
        if not isinstance(sentence, int) or not 0 <= sentence < len(article.sentences):
            raise RhetoricLabError(
                f"sentence= must be a sentence number from 0 to {len(article.sentences) - 1} (counting from 0)."
            )
        words = words[words["sentence"] == sentence]
        n_sentences = 1
    w, syl = len(words), int(words["syllables"].sum())
    if w == 0:
        raise RhetoricLabError("That sentence has no words to count.")
    asl, asw = w / n_sentences, syl / w
    fre = flesch_reading_ease(w, n_sentences, syl)
    fk = flesch_kincaid_grade(w, n_sentences, syl)
    steps = {
        "flesch_kincaid_grade": [
            "Flesch–Kincaid Grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59",
            f"= 0.39 × ({w} ÷ {n_sentences}) + 11.8 × ({syl} ÷ {w}) − 15.59",
            f"= 0.39 × {asl:.2f} + 11.8 × {asw:.3f} − 15.59",
            f"= {0.39 * asl:.2f} + {11.8 * asw:.2f} − 15.59 = {fk:.2f}",
        ],
        "flesch_reading_ease": [
            "Flesch Reading Ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)",
            f"= 206.835 − 1.015 × ({w} ÷ {n_sentences}) − 84.6 × ({syl} ÷ {w})",
            f"= 206.835 − {1.015 * asl:.2f} − {84.6 * asw:.2f} = {fre:.2f}",
        ],
    }
    table = words[["text", "syllables", "syllable_source"]].reset_index(drop=True)
    return Working(table, n_sentences, w, syl, steps)


# --------------------------------------------------------------------------- textstat


def textstat_figures(text) -> dict:
    """textstat's own counts and scores for a text, under this module's names (works offline).

    ``difficult_words`` is textstat's Dale–Chall count (every word not on its list);
    ``complex_words`` is its Gunning Fog count (not on the list and three or more syllables).

    >>> textstat_figures("The cat sat on the mat.")["words"]  # doctest: +SKIP
    6
    """
    from .offline import textstat_module

    if isinstance(text, Article):
        text = text.text
    ts = textstat_module()
    return {
        "sentences": ts.sentence_count(text),
        "words": ts.lexicon_count(text),
        "syllables": ts.syllable_count(text),
        "polysyllables": ts.polysyllabcount(text),
        "letters": ts.letter_count(text),
        "characters": ts.char_count(text),
        "difficult_words": ts.difficult_words(text, syllable_threshold=0),
        "complex_words": ts.difficult_words(text, syllable_threshold=3),
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
        "gunning_fog": ts.gunning_fog(text),
        "smog_index": ts.smog_index(text),
        "coleman_liau_index": ts.coleman_liau_index(text),
        "automated_readability_index": ts.automated_readability_index(text),
        "dale_chall": ts.dale_chall_readability_score(text),
    }


_STOP_INSIDE = re.compile(r"[.!?]+(?=\S*\s+\S)")


def textstat_sentence_breaks(article_or_text):
    """Places inside our sentences where textstat's rule ("a sentence ends at every . ! or ?") cuts.

    Columns: ``start``, ``end`` (of the word that holds the mark), ``text``, ``sentence``, ``paragraph``.

    >>> textstat_sentence_breaks("The U.S. team won.")["text"].tolist()
    ['U.S.']
    """
    import pandas as pd

    article = as_article(article_or_text)
    rows, seen = [], set()
    for s in article.sentences:
        for match in _STOP_INSIDE.finditer(s.text):
            pos = s.start + match.start()
            word = next((w for w in article.words if w.start <= pos < w.end + 1 and w.sentence == s.index), None)
            start, end = (word.start, word.end) if word else (pos, s.start + match.end())
            if word and article.text[end : end + 1] == ".":
                end += 1  # "U.S." with its final stop
            if (start, end) in seen:
                continue
            seen.add((start, end))
            rows.append(
                {
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                    "sentence": s.index,
                    "paragraph": s.paragraph,
                }
            )
    return pd.DataFrame(rows, columns=["start", "end", "text", "sentence", "paragraph"])


def glued_words(article_or_text):
    """Pairs of words joined by punctuation with no space ("forces…leading"): textstat reads one word.

    Columns: ``start``, ``end``, ``text``, ``sentence``, ``paragraph``.

    >>> glued_words("We waited…then we left.")["text"].tolist()
    ['waited…then']
    """
    import pandas as pd

    article = as_article(article_or_text)
    rows = []
    words = article.words
    for a, b in zip(words, words[1:], strict=False):
        between = article.text[a.end : b.start]
        if a.sentence == b.sentence and between and not any(ch.isspace() for ch in between) and between not in "-'’":
            rows.append(
                {
                    "start": a.start,
                    "end": b.end,
                    "text": article.text[a.start : b.end],
                    "sentence": a.sentence,
                    "paragraph": a.paragraph,
                }
            )
    return pd.DataFrame(rows, columns=["start", "end", "text", "sentence", "paragraph"])


def syllable_differences(article_or_text):
    """Words where our syllable count and textstat's differ.

    Columns: ``start``, ``end``, ``text``, ``sentence``, ``paragraph``, ``ours``, ``textstat``.

    >>> syllable_differences("The U.S. team won.")["text"].tolist()  # doctest: +SKIP
    []
    """

    from .offline import textstat_module

    ts = textstat_module()
    table = word_counts(article_or_text)
    theirs = [ts.syllable_count(t) for t in table["text"]]
    table = table.assign(ours=table["syllables"], textstat=theirs)
    table = table[table["ours"] != table["textstat"]]
    return table[["start", "end", "text", "sentence", "paragraph", "ours", "textstat"]].reset_index(drop=True)


def _quote_list(texts, limit: int = 4) -> str:
    counted = Counter(texts)
    parts = [f"“{t}”" + (f" ({n} times)" if n > 1 else "") for t, n in counted.most_common(limit)]
    more = len(counted) - limit
    return ", ".join(parts) + (f" and {more} more" if more > 0 else "")


def _explanations(article: Article, ours: dict, theirs: dict) -> dict:
    """One plain-words explanation per row of ``compare_with_textstat``, built from this text."""
    notes = {}
    breaks = textstat_sentence_breaks(article)
    if ours["sentences"] == theirs["sentences"]:
        notes["sentences"] = "Same count."
    else:
        text = (
            "textstat ends a sentence at every full stop, question mark or exclamation mark, then drops "
            "pieces of one or two words. "
        )
        if len(breaks):
            text += (
                f"Here it cuts inside {_quote_list(breaks['text'])}, which our splitter knows are not sentence ends. "
            )
        short = [x.text for x in article.sentences if sum(w.sentence == x.index for w in article.words) <= 2]
        if short:
            text += f"It also drops real sentences of one or two words: {_quote_list(short)}. "
        if "…" in article.text:
            text += "The ellipsis character “…” is not a full stop, so textstat does not cut there. "
        notes["sentences"] = text.strip()
    glued = glued_words(article)
    if ours["words"] == theirs["words"]:
        notes["words"] = "Same count."
    else:
        text = "textstat deletes punctuation and splits at spaces. "
        if len(glued):
            text += f"Words joined by punctuation without a space become one word: {_quote_list(glued['text'])}. "
        notes["words"] = text.strip()
    syllables = "Both use the CMU Pronouncing Dictionary; they differ on words it lacks and on how a word is cleaned"
    if len(glued):
        syllables += ", and on the joined words"
    notes["syllables"] = syllables + ". See syllable_differences()."
    notes["polysyllables"] = "Follows from the syllable counts of the words on each side."
    notes["letters"] = "textstat counts digits (and the underscore) as letters; we count letters only."
    notes["characters"] = (
        "textstat counts every character that is not a space, punctuation included; we count letters and digits "
        "inside words, as Smith & Senter's ARI did."
    )
    notes["difficult_words"] = (
        "Both use the Dale–Chall list; we also accept regular forms of listed words ('called', 'helped') "
        "and numbers, as Dale–Chall's rules do; textstat counts those as unfamiliar."
    )
    differ = {k: ours[k] != theirs[k] for k in ("sentences", "words", "syllables", "polysyllables")}

    def inputs(*names):
        changed = [n for n in names if differ.get(n)]
        return f"Inputs that differ: {', '.join(changed)}." if changed else "Same inputs."

    notes["flesch_reading_ease"] = inputs("sentences", "words", "syllables") + " Same constants."
    notes["flesch_kincaid_grade"] = inputs("sentences", "words", "syllables") + " Same constants."
    notes["gunning_fog"] = (
        inputs("sentences", "words")
        + " textstat counts as complex only words of 3+ syllables that are not on the Dale–Chall list; "
        "we count every word of 3+ syllables."
    )
    notes["smog_index"] = inputs("sentences", "polysyllables") + " Same constants."
    notes["coleman_liau_index"] = (
        inputs("sentences", "words")
        + " textstat multiplies letters per 100 words by 0.058; Coleman & Liau's constant is 0.0588."
    )
    notes["automated_readability_index"] = (
        inputs("sentences")
        + " textstat counts punctuation as characters and punctuation marks standing alone as words."
    )
    notes["dale_chall"] = inputs("sentences", "words") + " Unfamiliar words counted differently (see above)."
    return notes


def compare_with_textstat(article_or_text):
    """Our counts and scores beside textstat's, with the difference and why.

    Columns: ``metric``, ``label``, ``ours``, ``textstat``, ``difference`` (ours − textstat), ``explanation``.

    >>> compare_with_textstat("The cat sat.").columns.tolist()  # doctest: +SKIP
    ['metric', 'label', 'ours', 'textstat', 'difference', 'explanation']
    """
    import pandas as pd

    article = as_article(article_or_text)
    ours = counts(article)
    ours.update(scores_from_counts(ours))
    theirs = textstat_figures(article.text)
    notes = _explanations(article, ours, theirs)
    labels = {
        "sentences": "sentences",
        "words": "words",
        "syllables": "syllables",
        "polysyllables": "words of 3+ syllables",
        "letters": "letters",
        "characters": "characters (ARI)",
        "difficult_words": "unfamiliar words (Dale–Chall)",
    }
    labels.update({name: f.label for name, f in FORMULAS.items()})
    rows = []
    for name in (*COUNTS, *METRICS):
        a, b = ours[name], theirs[name]
        difference = None if a is None or b is None else round(a - b, 2)
        if isinstance(a, float):
            a, b = round(a, 2), round(b, 2)
        rows.append(
            {
                "metric": name,
                "label": labels[name],
                "ours": a,
                "textstat": b,
                "difference": difference,
                "explanation": notes[name],
            }
        )
    columns = ["metric", "label", "ours", "textstat", "difference", "explanation"]
    return pd.DataFrame(rows, columns=columns).astype({"ours": object, "textstat": object, "difference": object})


def sentence_count_effect(article_or_text):
    """Flesch scores from textstat's words and syllables with its sentence count, then with ours.

    Columns: ``counts``, ``sentences``, ``words``, ``syllables``, ``flesch_reading_ease``,
    ``flesch_kincaid_grade``. Shows how much the sentence count alone moves the score.

    >>> sentence_count_effect("The U.S. team won. We cheered.")["sentences"].tolist()  # doctest: +SKIP
    [3, 2, 2]
    """
    import pandas as pd

    article = as_article(article_or_text)
    theirs = textstat_figures(article.text)
    ours = counts(article)
    rows = []
    for label, s, w, syl in (
        ("textstat's counts", theirs["sentences"], theirs["words"], theirs["syllables"]),
        ("textstat's words and syllables, our sentences", ours["sentences"], theirs["words"], theirs["syllables"]),
        ("our counts", ours["sentences"], ours["words"], ours["syllables"]),
    ):
        rows.append(
            {
                "counts": label,
                "sentences": s,
                "words": w,
                "syllables": syl,
                "flesch_reading_ease": round(flesch_reading_ease(w, s, syl), 2),
                "flesch_kincaid_grade": round(flesch_kincaid_grade(w, s, syl), 2),
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- voices


VOICE_COLUMNS = [
    "voice",
    "pieces",
    "words",
    "syllables",
    "syllables_per_word",
    "polysyllable_percent",
    "unfamiliar_percent",
    "letters_per_word",
    "words_per_piece",
]


def by_voice(article_or_text):
    """Word-level difficulty of the speaker's quoted words, paraphrase and the reporter's narration.

    Uses ``rhetoric_lab.quotes.voice_spans``. Quotations are often pieces of the reporter's
    sentences, so sentence length cannot be split by voice: the columns measure words only.
    Columns: ``voice``, ``pieces``, ``words``, ``syllables``, ``syllables_per_word``,
    ``polysyllable_percent``, ``unfamiliar_percent``, ``letters_per_word``, ``words_per_piece``.

    >>> by_voice("“We will win,” the coach said.")["voice"].tolist()  # doctest: +SKIP
    ['quoted', 'narration']
    """
    import pandas as pd

    from .quotes import voice_spans

    article = as_article(article_or_text)
    spans = voice_spans(article)
    words = word_counts(article)
    # Each word takes the voice of the span that holds its first character (spans are sorted).
    starts, ends = spans["start"].tolist(), spans["end"].tolist()
    voice_of, piece_of = [], []
    for start in words["start"]:
        i = bisect.bisect_right(starts, start) - 1
        inside = i >= 0 and start < ends[i]
        voice_of.append(spans["voice"].iat[i] if inside else "narration")
        piece_of.append(int(spans.index[i]) if inside else -1)
    words = words.assign(voice=voice_of, piece=piece_of)
    rows = []
    order = ["quoted", "paraphrase", "narration"]
    for voice in sorted(set(voice_of), key=lambda v: (order.index(v) if v in order else len(order), v)):
        part = words[words["voice"] == voice]
        n = len(part)
        pieces = part["piece"].nunique()
        rows.append(
            {
                "voice": voice,
                "pieces": int(pieces),
                "words": int(n),
                "syllables": int(part["syllables"].sum()),
                "syllables_per_word": round(part["syllables"].sum() / n, 2),
                "polysyllable_percent": round(100 * part["polysyllable"].sum() / n, 1),
                "unfamiliar_percent": round(100 * (~part["familiar"].astype(bool)).sum() / n, 1),
                "letters_per_word": round(part["letters"].sum() / n, 2),
                "words_per_piece": round(n / pieces, 1),
            }
        )
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)


# --------------------------------------------------------------------------- exercises


def _key() -> dict:
    from .data import load_key

    return load_key("readability")


def _key_entry(kind: str) -> dict:
    return next(e for e in _key()["entries"] if e["kind"] == kind)


def exercise_sentence() -> str:
    """The sentence for the hand calculation (from ``seeds/keys/readability.json``).

    >>> exercise_sentence().startswith("Comparing")  # doctest: +SKIP
    True
    """
    return _key_entry("hand_calculation")["text"]


def _number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerFormatError(f"Write {what} as a number without quotation marks, for example 17 or 11.2.")
    return float(value)


def check_hand_calculation(words, syllables, grade, show_answers: bool = False):
    """Check a hand calculation of the Flesch–Kincaid Grade for the exercise sentence.

    The arithmetic is checked against your own counts, so a different (defensible) syllable count
    is not called wrong.

    >>> print(check_hand_calculation(17, 29, 11.2).kinds())  # doctest: +SKIP
    ['found', 'found', 'found']
    """
    from .feedback import Feedback

    key = _key_entry("hand_calculation")
    w, syl, g = (
        _number(words, "the number of words"),
        _number(syllables, "the number of syllables"),
        _number(grade, "the grade"),
    )
    fb = Feedback("Flesch–Kincaid Grade by hand")
    if w == 0 and syl == 0 and not show_answers:
        fb.add("hint", "Write your three numbers in the cell first (replace the zeros), then run it again.")
        return fb
    if w == key["words"]:
        fb.add("found", f"{int(w)} words, the same as the module.")
    else:
        fb.add(
            "hint",
            f"You counted {int(w)} words, {'more' if w > key['words'] else 'fewer'} than the module. A word here is "
            "a run of letters between spaces or punctuation; a word with an apostrophe (“that’s”) or a hyphen "
            "counts once.",
        )
    gap = syl - key["syllables"]
    if gap == 0:
        fb.add("found", f"{int(syl)} syllables, the same as the module.")
    elif abs(gap) <= key["syllable_tolerance"]:
        fb.add(
            "note",
            f"You counted {int(syl)} syllables; the module counts {key['syllables']}. Both are defensible: "
            f"{key['syllable_note']}",
        )
    else:
        fb.add(
            "hint",
            f"You counted {int(syl)} syllables, {'more' if gap > 0 else 'fewer'} than the module by more than "
            f"{key['syllable_tolerance']}. Say each word aloud and count the vowel sounds (“com-par-ing” has three).",
        )
    if w > 0:
        expected = flesch_kincaid_grade(w, 1, syl)
        if abs(g - expected) <= 0.1:
            fb.add("found", f"Your arithmetic is right: with your counts the formula gives {expected:.2f}.")
        else:
            fb.add(
                "hint",
                f"With your own counts the formula gives {expected:.2f}, not {g}. Work it in steps: "
                f"0.39 × {int(w)}, then 11.8 × ({int(syl)} ÷ {int(w)}), add them, then subtract 15.59.",
            )
    if show_answers:
        fb.add("answer", f"{key['words']} words, {key['syllables']} syllables, grade {key['score']:.2f}.")
        fb.add("answer", "Syllables per word: " + ", ".join(f"{t} {n}" for t, n in key["word_syllables"]))
    return fb


def _metric_from_answer(answer: str) -> str | None:
    low = answer.lower().replace("_", " ").replace("–", "-").strip()
    for name, f in FORMULAS.items():
        if low in (name.replace("_", " "), f.label.lower().replace("–", "-"), *f.aliases):
            return name
    return None


def check_letter_formulas(answers, show_answers: bool = False):
    """Check which formulas measure word length in letters (or characters), not syllables.

    >>> print(check_letter_formulas(["Coleman-Liau", "ARI"]).kinds())  # doctest: +SKIP
    ['found', 'found']
    """
    from .feedback import Feedback, as_answer_list

    entries = {e["metric"]: e for e in _key()["entries"] if e["kind"] == "metric_input"}
    chosen = as_answer_list(answers, "the formulas")
    fb = Feedback("Which formulas count letters instead of syllables?")
    picked = set()
    for answer in chosen:
        name = _metric_from_answer(answer)
        if name is None:
            fb.add(
                "not in key",
                f"“{answer}” is not one of the seven formulas here. Names: "
                + ", ".join(f.label for f in FORMULAS.values())
                + ".",
            )
            continue
        picked.add(name)
        entry = entries[name]
        fb.add("found" if entry["counts_letters"] else "hint", f"{FORMULAS[name].label}: {entry['why']}")
    missing = [n for n, e in entries.items() if e["counts_letters"] and n not in picked]
    if missing:
        how_many = "One more formula measures" if len(missing) == 1 else f"{len(missing)} more formulas measure"
        fb.add("missed", f"{how_many} word length without syllables. Look at the 'counts' column of formula_table().")
    if show_answers:
        for name in missing:
            fb.add("answer", f"{FORMULAS[name].label}: {entries[name]['why']}")
    return fb


def answer_key_markdown() -> str:
    """The answer key as Markdown, rendered from ``seeds/keys/readability.json``.

    >>> answer_key_markdown().startswith("# Answer key")  # doctest: +SKIP
    True
    """
    key = _key()
    hand = _key_entry("hand_calculation")
    lines = [
        "# Answer key: 04 · Readability",
        "",
        key["description"],
        "",
        f"Article: `{key['article']}`",
        "",
        "## Flesch–Kincaid Grade by hand",
        "",
        f"Sentence {hand['sentence']} (counting from 0), characters {hand['start']}–{hand['end']}:",
        "",
        f"> {hand['text']}",
        "",
        "| word | syllables |",
        "| --- | --- |",
    ]
    lines += [f"| {t} | {n} |" for t, n in hand["word_syllables"]]
    lines += [
        "",
        f"- words: {hand['words']}; sentences: 1; syllables: {hand['syllables']}",
        f"- Flesch–Kincaid Grade = 0.39 × ({hand['words']} ÷ 1) + 11.8 × ({hand['syllables']} ÷ {hand['words']})"
        f" − 15.59 = **{hand['score']:.2f}**",
        f"- Accept syllable counts within ±{hand['syllable_tolerance']}: {hand['syllable_note']}",
        "",
        "## Which formulas count letters instead of syllables?",
        "",
        "| formula | counts letters? | why |",
        "| --- | --- | --- |",
    ]
    for e in key["entries"]:
        if e["kind"] == "metric_input":
            lines.append(f"| {FORMULAS[e['metric']].label} | {'yes' if e['counts_letters'] else 'no'} | {e['why']} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- for `rhetoric-lab analyze`


def analyze_section(article) -> dict:
    """JSON-ready readability data: the counts, every metric, textstat's figures, and caveats.

    >>> sorted(analyze_section("The cat sat.").keys())[:3]  # doctest: +SKIP
    ['automated_readability_index', 'caveats', 'characters']
    """
    article = as_article(article)
    result = counts(article)
    result.update({k: (None if v is None else round(v, 2)) for k, v in scores_from_counts(result).items()})
    longest = longest_sentences(article, n=1).iloc[0]
    result["longest_sentence"] = {
        "sentence": int(longest["sentence"]),
        "start": int(longest["start"]),
        "end": int(longest["end"]),
        "words": int(longest["words"]),
    }
    theirs = textstat_figures(article.text)
    result["textstat"] = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in theirs.items()}
    result["caveats"] = caveats(article)
    return result
