"""Exercises for the readability lesson: the Flesch–Kincaid Grade by hand, and which formulas count letters.

The key is ``seeds/keys/readability.json``; the names a student may use for each formula are data
there (``formula_names``).
"""

from __future__ import annotations

from ..data import load_key
from ..errors import AnswerFormatError
from ..readability import FORMULAS, flesch_kincaid_grade
from .feedback import Feedback, as_answer_list


def _key() -> dict:
    return load_key("readability")


def _key_entry(kind: str) -> dict:
    return next(e for e in _key()["entries"] if e["type"] == kind)


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
        if low in (name.replace("_", " "), f.label.lower().replace("–", "-"), *_key()["formula_names"][name]):
            return name
    return None


def check_letter_formulas(answers, show_answers: bool = False):
    """Check which formulas measure word length in letters (or characters), not syllables.

    >>> print(check_letter_formulas(["Coleman-Liau", "ARI"]).kinds())  # doctest: +SKIP
    ['found', 'found']
    """
    entries = {e["metric"]: e for e in _key()["entries"] if e["type"] == "metric_input"}
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
        "# Answer key: 05 · Readability",
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
        if e["type"] == "metric_input":
            lines.append(f"| {FORMULAS[e['metric']].label} | {'yes' if e['counts_letters'] else 'no'} | {e['why']} |")
    return "\n".join(lines) + "\n"
