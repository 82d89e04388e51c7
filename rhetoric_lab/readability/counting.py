"""What the formulas count, word by word and in total; scores for a text, its paragraphs or sentences."""

from __future__ import annotations

import importlib.util
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import AnswerFormatError, RhetoricLabError
from ..syllables import syllable_source
from ..text import Article, as_article, per_article
from ..wordforms import straight, strip_clitic
from .formulas import (
    COUNTS,
    FORMULAS,
    METRICS,
    flesch_kincaid_grade,
    flesch_reading_ease,
    scores_from_counts,
    syllables_countable,
)

# --------------------------------------------------------------------------- familiar words


def easy_words_path() -> Path:
    """Where textstat's copy of the Dale–Chall easy-word list is installed."""
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
    low = straight(word.lower()).strip("'")
    if not low or low.replace(",", "").replace(".", "").isdigit():
        return True
    if low in easy:
        return True
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        return bool(parts) and all(is_familiar(p) for p in parts)
    base = strip_clitic(low)
    if base != low and base:
        return is_familiar(base)
    return any(b in easy for b in _regular_bases(low))


# --------------------------------------------------------------------------- counting


@lru_cache(maxsize=50_000)
def _word_figures(text: str) -> tuple:
    """(syllables, syllable source, letters, characters, familiar) for one word; words repeat, so kept."""
    syllables, source = syllable_source(text)
    letters = sum(ch.isalpha() for ch in text)
    characters = sum(ch.isalnum() for ch in text)
    return syllables, source, letters, characters, is_familiar(text)


@per_article
def word_counts(article: Article):
    """One row per word, with what each formula counts.

    Columns: ``word``, ``start``, ``end``, ``text``, ``sentence``, ``paragraph``, ``syllables``,
    ``syllable_source``, ``polysyllable``, ``letters``, ``characters``, ``familiar``.

    >>> word_counts("Cats purr loudly.")[["text", "syllables"]].values.tolist()
    [['Cats', 1], ['purr', 1], ['loudly', 2]]
    """
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


def _totals(words, sentences: int) -> dict:
    """``_sum_counts`` straight from an Article's words, without building the table of :func:`word_counts`."""
    syllables = polysyllables = letters = characters = difficult = 0
    for w in words:
        syl, _, let, chars, familiar = _word_figures(w.text)
        syllables += syl
        polysyllables += syl >= 3
        letters += let
        characters += chars
        difficult += not familiar
    return {
        "sentences": int(sentences),
        "words": len(words),
        "syllables": syllables,
        "polysyllables": polysyllables,
        "letters": letters,
        "characters": characters,
        "difficult_words": difficult,
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


@per_article
def counts(article_or_text) -> dict:
    """What the formulas count: sentences, words, syllables, polysyllables, letters, characters,
    difficult (unfamiliar) words.

    >>> counts("The cat sat. It purred.")["sentences"]
    2
    >>> counts("The U.S. agreed.")["words"]
    3
    """
    article = as_article(article_or_text)
    return _totals(article.words, len(article.sentences))


def count_table(article_or_text):
    """``counts()`` as a small table with one row per count: ``counted``, ``number``.

    >>> count_table("The cat sat.")["number"].tolist()[:2]
    [1, 3]
    """
    return pd.DataFrame(list(counts(article_or_text).items()), columns=["counted", "number"])


def scores(article_or_text) -> dict:
    """Every formula for the whole text, computed from ``counts()``.

    >>> round(scores("The cat sat on the mat.")["flesch_kincaid_grade"], 2)
    -1.45
    """
    return scores_from_counts(counts(article_or_text))


@per_article
def score_table(article_or_text, by: str = "text"):
    """Counts and scores for the whole text, each paragraph, or each sentence.

    Columns: ``start``, ``end``, ``sentence``, ``paragraph``, ``text``, the counts (``sentences``,
    ``words``, ...), ``words_per_sentence``, ``syllables_per_word``, then one column per metric.
    ``sentence`` and ``paragraph`` are the first sentence and the paragraph of each row.

    >>> score_table("One short line. Then a second one.", by="sentence")["words"].tolist()
    [3, 4]
    """
    if by not in ("text", "paragraph", "sentence"):
        raise RhetoricLabError(f'by= must be "text", "paragraph" or "sentence", not {by!r}.')
    article = as_article(article_or_text)
    words = word_counts(article) if by != "text" else None
    rows = []
    # Each piece: start, end, first sentence, paragraph, its counts.
    if by == "text":
        first, last = article.sentences[0], article.sentences[-1]
        pieces = [(first.start, last.end, 0, 0, counts(article))]
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


def longest_sentences(article_or_text, n: int = 3):
    """The ``n`` longest sentences (in words), longest first; columns as ``score_table(by="sentence")``.

    >>> longest_sentences("A short one. This one is a good deal longer.", n=1)["words"].tolist()
    [7]
    """
    table = score_table(article_or_text, by="sentence")
    return (
        table.sort_values(["words", "sentence"], ascending=[False, True], kind="stable").head(n).reset_index(drop=True)
    )


def longest_sentence(article_or_text) -> dict:
    """The longest sentence in words (the first of the longest, if several): ``sentence``, ``start``, ``end``,
    ``words``. The same as the first row of :func:`longest_sentences`, without the table.

    >>> longest_sentence("A short one. This one is a good deal longer.")["words"]
    7
    """
    article = as_article(article_or_text)
    per_sentence = Counter(w.sentence for w in article.words)
    best = max(article.sentences, key=lambda s: (per_sentence.get(s.index, 0), -s.index))
    return {"sentence": best.index, "start": best.start, "end": best.end, "words": per_sentence.get(best.index, 0)}


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


def length_summary(article_or_text, found=None) -> dict:
    """Sentence lengths in words: ``count``, ``mean``, ``median``, ``shortest``, ``longest``, ``lengths``.

    ``found`` is the table of sentences (``score_table(article, by="sentence")``), if you have it.

    >>> length_summary("A short one. This one is a good deal longer.")["longest"]
    7
    """
    table = score_table(article_or_text, by="sentence") if found is None else found
    lengths = table["words"].astype(int).tolist()
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
    if c["words"] and not c["syllables"]:
        notes.append(
            "No syllables could be counted: the words are not written in English letters. The formulas "
            "that count syllables (Flesch Reading Ease, Flesch–Kincaid, Gunning Fog, SMOG) give no score."
        )
    elif c["words"] and not syllables_countable(c):
        notes.append(
            f"Only {c['syllables']} syllable{'s' if c['syllables'] != 1 else ''} could be counted in {c['words']} "
            "words: most words are not written in English letters, or are numbers. The formulas that count "
            "syllables (Flesch Reading Ease, Flesch–Kincaid, Gunning Fog, SMOG) give no score."
        )
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
    if not syllables_countable({"words": w, "syllables": syl}):
        off_scale = (
            f"Only {syl} syllable{'s' if syl != 1 else ''} could be counted in {w} words (most are not in English "
            "letters, or are numbers), so this result is off the scale and means nothing: the formula gives no score."
        )
        for lines in steps.values():
            lines.append(off_scale)
    table = words[["text", "syllables", "syllable_source"]].reset_index(drop=True)
    return Working(table, n_sentences, w, syl, steps)
