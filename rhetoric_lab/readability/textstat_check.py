"""A cross-check against textstat: its counts and scores beside ours, and why they differ."""

from __future__ import annotations

import bisect
import re
from collections import Counter

import pandas as pd

from ..offline import textstat_module
from ..syllables import share_with_textstat
from ..text import Article, as_article, per_article
from .counting import counts, word_counts
from .formulas import (
    COUNTS,
    FORMULAS,
    METRICS,
    flesch_kincaid_grade,
    flesch_reading_ease,
    scores_from_counts,
    syllables_countable,
)

# --------------------------------------------------------------------------- textstat


def _textstat():
    """textstat, ready to work offline, counting syllables from the module's one copy of the CMU dictionary."""
    textstat = textstat_module()
    share_with_textstat(textstat)
    return textstat


def textstat_figures(text) -> dict:
    """textstat's own counts and scores for a text, under this module's names (works offline).

    ``difficult_words`` is textstat's Dale–Chall count (every word not on its list);
    ``complex_words`` is its Gunning Fog count (not on the list and three or more syllables).

    >>> textstat_figures("The cat sat on the mat.")["words"]  # doctest: +SKIP
    6
    """
    if isinstance(text, Article):
        text = text.text
    ts = _textstat()
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


_STOP_RUN = re.compile(r"[.!?]+")
_LAST_SPACE = re.compile(r"\s\S*\Z")


def stops_inside(sentence: str) -> list[tuple[int, int]]:
    r"""Runs of . ! ? that another word follows later in ``sentence`` (after a space): where textstat's
    rule cuts a sentence that ours keeps whole. In linear time: what
    ``re.finditer(r"[.!?]+(?=\S*\s+\S)", sentence)`` finds, without its cubic backtracking on a run of stops.

    >>> stops_inside("The U.S. team won. Yes")
    [(5, 6), (7, 8), (17, 18)]
    """
    last = _LAST_SPACE.search(sentence.rstrip())  # the last space that has a word after it
    if last is None:
        return []
    return [m.span() for m in _STOP_RUN.finditer(sentence, 0, last.start()) if m.end() <= last.start()]


def _word_at(article: Article, starts: list[int], pos: int, sentence: int):
    """The first word of ``sentence`` that holds ``pos`` or ends just before it (None if there is none)."""
    words = article.words
    i = bisect.bisect_right(starts, pos) - 1
    found = None
    while i >= 0 and words[i].end + 1 > pos:
        if words[i].sentence == sentence:
            found = words[i]
        i -= 1
    return found


@per_article
def find_textstat_sentence_breaks(article_or_text):
    """Places inside our sentences where textstat's rule ("a sentence ends at every . ! or ?") cuts.

    Columns: ``start``, ``end`` (of the word that holds the mark), ``text``, ``sentence``, ``paragraph``.

    >>> find_textstat_sentence_breaks("The U.S. team won.")["text"].tolist()
    ['U.S.']
    """
    article = as_article(article_or_text)
    starts = [w.start for w in article.words]
    rows, seen = [], set()
    for s in article.sentences:
        for match_start, match_end in stops_inside(s.text):
            pos = s.start + match_start
            word = _word_at(article, starts, pos, s.index)
            start, end = (word.start, word.end) if word else (pos, s.start + match_end)
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


@per_article
def find_glued_words(article_or_text):
    """Pairs of words joined by punctuation with no space ("forces…leading"): textstat reads one word.

    Columns: ``start``, ``end``, ``text``, ``sentence``, ``paragraph``.

    >>> find_glued_words("We waited…then we left.")["text"].tolist()
    ['waited…then']
    """
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


@per_article
def syllable_difference_table(article_or_text):
    """Words where our syllable count and textstat's differ.

    Columns: ``start``, ``end``, ``text``, ``sentence``, ``paragraph``, ``ours``, ``textstat``.

    >>> syllable_difference_table("The U.S. team won.")["text"].tolist()  # doctest: +SKIP
    []
    """

    ts = _textstat()
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
    breaks = find_textstat_sentence_breaks(article)
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
        per_sentence = Counter(w.sentence for w in article.words)
        short = [x.text for x in article.sentences if per_sentence.get(x.index, 0) <= 2]
        if short:
            text += f"It also drops real sentences of one or two words: {_quote_list(short)}. "
        if "…" in article.text:
            text += "The ellipsis character “…” is not a full stop, so textstat does not cut there. "
        notes["sentences"] = text.strip()
    glued = find_glued_words(article)
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
    notes["syllables"] = syllables + ". See syllable_difference_table()."
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


@per_article
def compare_with_textstat(article_or_text):
    """Our counts and scores beside textstat's, with the difference and why.

    Columns: ``metric``, ``label``, ``ours``, ``textstat``, ``difference`` (ours − textstat), ``explanation``.

    >>> compare_with_textstat("The cat sat.").columns.tolist()  # doctest: +SKIP
    ['metric', 'label', 'ours', 'textstat', 'difference', 'explanation']
    """
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
                **{
                    name: round(formula(w, s, syl), 2) if syllables_countable({"words": w, "syllables": syl}) else None
                    for name, formula in (
                        ("flesch_reading_ease", flesch_reading_ease),
                        ("flesch_kincaid_grade", flesch_kincaid_grade),
                    )
                },
            }
        )
    return pd.DataFrame(rows)
