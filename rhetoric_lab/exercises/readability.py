"""Exercises for the readability lesson: the Flesch–Kincaid Grade by hand, and which formulas count letters.

The key is ``seeds/keys/readability.json``; the names a student may use for each formula are data
there (``formula_names``).
"""

from __future__ import annotations

from ..data import load_key
from ..readability import FORMULAS, flesch_kincaid_grade
from . import evidence
from .feedback import Feedback
from .forms import as_answer_list, holds_phrase, normalize, parse_number


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


#: A number larger than this is not a count or a grade for one sentence.
TOO_LARGE = 10_000


def _read_number(fb: Feedback, value, name: str, example: str, count: bool = True) -> float | None:
    """A number from an answer; a line in the feedback (and None) when there is none, or it cannot be a count."""
    number, problem = parse_number(value)
    if problem == "blank" or number == 0:
        return None
    if problem:
        fb.add(
            "wrong kind",
            f"{_short(value)} is not a number: write the {name} as a number, without quotation marks, for "
            f"example {example}.",
            about=name,
        )
        return None
    if not abs(number) <= TOO_LARGE:  # also NaN and infinity
        fb.add(
            "refused",
            f"{_short(value)} is too large for the {name} of one sentence: count again, for example {example}.",
            about=name,
        )
        return None
    if count and number < 0:
        fb.add("wrong kind", f"{_short(value)}: a count cannot be negative. Count the {name} again.", about=name)
        return None
    if count and not number.is_integer():
        fb.add(
            "wrong kind",
            f"{_short(value)}: a count is a whole number (there is no half a word). Count the {name} again.",
            about=name,
        )
        return None
    return number


def check_hand_calculation(words, syllables, grade, show_answers: bool = False):
    """Check a hand calculation of the Flesch–Kincaid Grade for the exercise sentence.

    Each number gets its own verdict (about "words", "syllables" and "grade"). The arithmetic is
    checked against your own counts, so a different (defensible) syllable count is not called wrong.

    >>> check_hand_calculation(17, 30, 11.9).verdicts()  # doctest: +SKIP
    {'words': 'in key', 'syllables': 'defensible', 'grade': 'in key'}
    """
    key = _key_entry("hand_calculation")
    fb = Feedback("Flesch–Kincaid Grade by hand")
    w = _read_number(fb, words, "words", "17")
    syl = _read_number(fb, syllables, "syllables", "25")
    g = _read_number(fb, grade, "grade", "9.5", count=False)
    if w is None and syl is None and g is None and not fb.lines and not show_answers:
        fb.add("empty", "Write your three numbers in the cell first (replace the zeros), then run it again.", "*")
        return fb
    if w is not None:
        _judge_words(fb, w, key)
    elif "words" not in fb.verdicts():
        fb.add("empty", "No word count yet (replace the 0).", about="words")
    if syl is not None:
        _judge_syllables(fb, syl, key)
    elif "syllables" not in fb.verdicts():
        fb.add("empty", "No syllable count yet (replace the 0).", about="syllables")
    if g is not None and w and syl:
        _judge_grade(fb, w, syl, g, key)
    elif g is not None:
        fb.add(
            "unchecked",
            f"Your grade, {g}, is checked against your two counts: give both, as whole numbers, to check it.",
            about="grade",
        )
    elif "grade" not in fb.verdicts():
        fb.add("empty", "No grade yet: work it out from your two counts.", about="grade")
    if show_answers:
        fb.add("answer", f"{key['words']} words, {key['syllables']} syllables, grade {key['score']:.2f}.")
        fb.add("answer", "Syllables per word: " + ", ".join(f"{t} {n}" for t, n in key["word_syllables"]))
    return fb


def _judge_words(fb: Feedback, w: float, key: dict) -> None:
    gap = w - key["words"]
    how = (
        "A word here is a run of letters between spaces or punctuation; a word with an apostrophe (“that’s”) or "
        "a hyphen counts once."
    )
    if gap == 0:
        fb.add("in key", f"{int(w)} words, the same as the module.", about="words")
    elif abs(gap) <= 2:
        fb.add("close", f"You counted {int(w)} words, {'more' if gap > 0 else 'fewer'} than the module. {how}", "words")
    else:
        fb.add(
            "off",
            f"You counted {int(w)} words, {'more' if gap > 0 else 'fewer'} than the module by more than two. Count "
            f"again, in the sentence only. {how}",
            about="words",
        )


def _judge_syllables(fb: Feedback, syl: float, key: dict) -> None:
    gap = syl - key["syllables"]
    if gap == 0:
        fb.add("in key", f"{int(syl)} syllables, the same as the module.", about="syllables")
    elif abs(gap) <= key["syllable_tolerance"]:
        fb.add(
            "defensible",
            f"You counted {int(syl)} syllables; the module counts {'fewer' if gap > 0 else 'more'}. Both are "
            f"defensible: {key['syllable_note']}",
            about="syllables",
        )
    else:
        fb.add(
            "off",
            f"You counted {int(syl)} syllables, {'more' if gap > 0 else 'fewer'} than the module by more than "
            f"{key['syllable_tolerance']}. Say each word aloud and count the vowel sounds (“com-par-ing” has three).",
            about="syllables",
        )


def _judge_grade(fb: Feedback, w: float, syl: float, g: float, key: dict) -> None:
    expected = flesch_kincaid_grade(w, 1, syl)
    steps = f"Work it in steps: 0.39 × {int(w)}, then 11.8 × ({int(syl)} ÷ {int(w)}), add them, then subtract 15.59."
    counts_fine = {fb.verdicts().get("words"), fb.verdicts().get("syllables")} <= {"in key", "defensible"}
    if abs(g - expected) <= 0.1 and not counts_fine:  # right sums on counts that are off are not the key's grade
        fb.add(
            "own counts",
            f"With your counts the formula gives {expected:.2f}, as you worked out; the key's counts give "
            f"{key['score']:.2f}. Check the counts marked above.",
            about="grade",
        )
    elif abs(g - expected) <= 0.1:
        fb.add("in key", f"Your arithmetic is right: with your counts the formula gives {expected:.2f}.", "grade")
    elif abs(g - expected) <= 0.6:
        fb.add(
            "close",
            f"With your own counts the formula gives {expected:.2f}, close to your {g}. Round only at the end, "
            "to one decimal place. " + steps,
            about="grade",
        )
    else:
        fb.add("off", f"With your own counts the formula gives {expected:.2f}, not {g}. " + steps, about="grade")


def _formula_names() -> dict[str, str]:
    """Every name a student may use for a formula, normalised, mapped to the formula."""
    names = {}
    for name, f in FORMULAS.items():
        for n in (name.replace("_", " "), f.label, *_key()["formula_names"][name]):
            names[normalize(n.replace("–", "-"))] = name
    return names


_EXAMPLE_LIST = '["Gunning fog", "SMOG"]'


def check_letter_formulas(answers, show_answers: bool = False):
    """Check which formulas measure word length in letters (or characters), not syllables.

    >>> check_letter_formulas(["Coleman-Liau", "ARI", "SMOG"]).verdicts()  # doctest: +SKIP
    {'Coleman-Liau': 'in key', 'ARI': 'in key', 'SMOG': 'off'}
    """
    entries = {e["metric"]: e for e in _key()["entries"] if e["type"] == "metric_input"}
    chosen = as_answer_list(answers, "the formulas", '["Coleman-Liau", "SMOG"]')
    fb = Feedback("Which formulas count letters instead of syllables?")
    wanted = sum(e["counts_letters"] for e in entries.values())
    if len(chosen) > 2 * wanted or len(chosen) >= len(entries):
        every = len(chosen) >= len(entries)
        fb.add(
            "refused",
            f"You listed {len(chosen)} formulas: "
            + (f"that is every one of the {len(entries)} here" if every else "more than the ones that count letters")
            + ". Listing them all is not an answer: choose the ones whose 'counts' column in formula_table() says "
            "letters or characters.",
            about="*",
        )
        return fb
    if not chosen:
        fb.add("empty", 'Your list is empty. Write the formulas you chose, for example ["SMOG"].', about="*")
    names = _formula_names()
    picked = set()
    for answer in chosen:
        text = normalize(answer.replace("–", "-").replace("_", " "))  # "coleman_liau_index", formula_table()'s metric
        name = names.get(text)
        typo = name is None and next((n for t, n in names.items() if evidence.is_typo_of(text, t)), None)
        held = sorted((t for t in names if holds_phrase(text, t)), key=len, reverse=True)  # "… Grade Level"
        widest = [t for t in held if not any(o != t and holds_phrase(o, t) for o in held)]  # not inside another
        several = list(dict.fromkeys(names[t] for t in widest))
        if name is None and len(several) > 1:  # "Coleman-Liau and ARI": two answers in one
            listed = ", ".join(FORMULAS[n].label for n in several)
            fb.add(
                "close",
                f"“{answer}” looks like {len(several)} formulas run together ({listed}): write each as its own "
                f"item in the list, for example {_EXAMPLE_LIST}.",
                about=answer,
            )
            continue
        if name is None and not typo and held:
            name = names[held[0]]
        if name is None and not typo:
            fb.add(
                "wrong kind",
                f"“{answer}” is not the name of a readability formula. The seven formulas here: "
                + ", ".join(f.label for f in FORMULAS.values())
                + ".",
                about=answer,
            )
            continue
        name = name or typo
        picked.add(name)
        entry = entries[name]
        if typo:
            kind = "close" if entry["counts_letters"] else "off"
            fb.add(kind, f"“{answer}” read as {FORMULAS[name].label} (check the spelling): {entry['why']}", answer)
        elif entry["counts_letters"]:
            fb.add("in key", f"{FORMULAS[name].label}: {entry['why']}", about=answer)
        else:
            fb.add("off", f"{FORMULAS[name].label} does not count letters: it {entry['why']}", about=answer)
    missing = [n for n, e in entries.items() if e["counts_letters"] and n not in picked]
    if missing:
        how_many = "One more formula measures" if len(missing) == 1 else f"{len(missing)} more formulas measure"
        fb.add("missed", f"{how_many} word length without syllables. Look at the 'counts' column of formula_table().")
    if show_answers:
        for name in missing:
            fb.add("answer", f"{FORMULAS[name].label}: {entries[name]['why']}")
    return fb


def _short(value, length: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= length else text[: length - 1] + "…"


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
