"""What the text itself says about an answer: does it occur, what is nearest, is it a name or a date?

These rules are general: they read the article's words and the package's data (stop words, the
CMU dictionary, month names), never a list made for one text. Every check uses them, so that a
name, a typo or a pasted article gets the same treatment everywhere.
"""

from __future__ import annotations

import calendar
import difflib
import re

from ..data import read_list
from ..syllables import cmu_dictionary
from ..text import Article
from ..wordforms import stem, straight
from .forms import edit_distance, normalize, stems_of, typo_limit

#: An answer longer than this many words is not a phrase (a metaphor, a name, a label).
MAX_PHRASE_WORDS = 10
#: A written answer longer than this many words is refused.
MAX_WRITTEN_WORDS = 200
#: A list of answers whose words cover this share of the text's distinct content words is refused.
MAX_COVERAGE = 0.4

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_DATE_WORDS = {
    m.lower() for m in list(calendar.month_name) + list(calendar.month_abbr) + list(calendar.day_name) if m
} | {"century", "centuries", "decade", "year", "years", "bce", "bc", "ce", "ad"}
_NUMBER_WORDS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "hundred",
    "thousand",
    "million",
    "first",
    "second",
    "third",
}
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K."
_YEAR_OR_NUMBER = re.compile(r"^\d+(?:[.,:/-]\d+)*(?:s|st|nd|rd|th)?$")


def words_of(text: str) -> list[str]:
    """The words of a text (apostrophes and hyphens inside a word kept).

    >>> words_of("ISIL’s long-range raids.")
    ['ISIL’s', 'long-range', 'raids']
    """
    return _WORD.findall(str(text))


def _stem_text(article: Article) -> str:
    return article.memo("exercises.stem_text", lambda a: " " + " ".join(stems_of(a.text)) + " ")


def occurs(answer: str, article: Article) -> bool:
    """True when the words of ``answer`` (by stem) appear in the text in that order, side by side.

    >>> occurs("the parent tumours", Article.from_text("Destroy the parent tumor now."))
    True
    """
    wanted = " ".join(stems_of(normalize(answer)))  # "the world" occurs where "the entire world" does
    return bool(wanted) and f" {wanted} " in _stem_text(article)


def occurs_exactly(answer: str, article: Article) -> bool:
    """True when the normalised words of ``answer`` appear in the text in that order (no stemming)."""
    wanted = normalize(answer)
    text = article.memo("exercises.normal_text", lambda a: " " + normalize(a.text) + " ")
    return bool(wanted) and f" {wanted} " in text


def _ngrams(article: Article) -> dict[int, list[str]]:
    def build(a: Article) -> dict[int, list[str]]:
        words = [straight(w.text) for w in a.words if any(c.isalnum() for c in w.text)]
        return {n: [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)] for n in range(1, 7)}

    return article.memo("exercises.ngrams", build)


def nearest_phrase(answer: str, article: Article, cutoff: float = 0.75) -> str | None:
    """The words in the text that look most like ``answer`` (same length, give or take a word), or None.

    >>> nearest_phrase("colition", Article.from_text("The coalition met."))
    'coalition'
    """
    size = len(words_of(answer))
    if not 1 <= size <= 6:
        return None
    candidates = []
    grams = _ngrams(article)
    for n in (size - 1, size, size + 1):
        candidates += grams.get(n, [])
    lowered = {c.lower(): c for c in candidates}
    best = difflib.get_close_matches(straight(answer).lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[best[0]] if best else None


def is_typo_of(answer: str, target: str) -> bool:
    """True when ``answer`` differs from ``target`` by a letter or two (by the target's length).

    >>> is_typo_of("metastatis", "metastasis"), is_typo_of("cancer", "cancer"), is_typo_of("fight", "might")
    (True, False, False)
    """
    a, t = normalize(answer), normalize(target)
    if not a or a == t or a.replace(" ", "") == t.replace(" ", ""):
        return False
    limit = typo_limit(t)
    if limit == 0 or len(a.split()) != len(t.split()):
        return False
    # the first letter is rarely the typo: "fight"/"might" are two words, not one misspelt
    return a[0] == t[0] and edit_distance(a, t, limit) <= limit


#: The longest answer (in characters, normalised) that :func:`glued_parts` tries to cut in two.
LONGEST_GLUED = 120
#: The most words :func:`spaced_parts` takes as one phrase (every cut is tried only this far: linear time).
LONGEST_PART = 12


def glued_parts(answer: str, article: Article) -> list[str]:
    """When an answer is two phrases run together ("cancerspread": a comma left out), the two phrases.

    >>> glued_parts("cancerspread", Article.from_text("A cancer may spread."))
    ['cancer', 'spread']
    """
    text = normalize(answer)
    if not text or len(text) > LONGEST_GLUED or occurs(text, article):
        return []  # a longer answer is not two phrases with a comma left out (and trying every cut is slow)
    for i in range(3, len(text) - 2):
        left, right = text[:i].strip(), text[i:].strip()
        if text[i - 1] == " " or text[i] == " ":
            continue
        if len(left) >= 3 and len(right) >= 3 and occurs_exactly(left, article) and occurs_exactly(right, article):
            return [left, right]
    return []


def spaced_parts(answer: str, article: Article, known) -> list[str]:
    """When an answer is several known phrases with spaces but no commas ("cancer spread"), those phrases.

    ``known`` says whether one phrase is worth reporting (a key item, a finder's candidate).
    """
    words = normalize(answer).split()
    if len(words) < 2 or occurs(" ".join(words), article):
        return []
    parts, i = [], 0
    while i < len(words):
        for j in range(min(len(words), i + LONGEST_PART), i, -1):  # the longest known phrase from here
            piece = " ".join(words[i:j])
            if occurs(piece, article) and known(piece):
                parts.append(piece)
                i = j
                break
        else:
            return []
    return parts if len(parts) > 1 else []


def _function_words() -> set[str]:
    return set(read_list("stopwords.txt"))


def _capitalised_everywhere(word: str, article: Article) -> bool:
    """True when ``word`` is in the text, always capitalised, and at least once inside a sentence."""

    def table(a: Article) -> dict[str, tuple[bool, bool]]:
        seen: dict[str, tuple[bool, bool]] = {}
        starts = {s.start for s in a.sentences}
        for w in a.words:
            key = straight(w.text).lower()
            always, inside = seen.get(key, (True, False))
            first = w.start in starts or a.text[max(0, w.start - 1) : w.start] in ("“", '"', "‘")
            seen[key] = (always and w.text[:1].isupper(), inside or (not first and w.text[:1].isupper()))
        return seen

    always, inside = article.memo("exercises.capitals", table).get(straight(word).lower(), (False, False))
    return always and inside


def kind_of_thing(answer: str, article: Article | None = None) -> str | None:
    """ "function word", "date", "number" or "name" when an answer is only that; None otherwise.

    A name is a word the text always capitalises, also inside a sentence, or an abbreviation in capitals.

    >>> art = Article.from_text("The troops reached Paris in August. They stayed in Paris.")
    >>> [kind_of_thing(a, art) for a in ("of the", "August", "1944", "Paris", "troops")]
    ['function word', 'date', 'number', 'name', None]
    """
    if _ABBREVIATION.match(answer.strip()):
        return "name"
    words = words_of(answer)
    if not words:
        return None
    lowered = [straight(w).lower() for w in words]
    function = _function_words()
    content = [w for w, low in zip(words, lowered, strict=True) if low not in function]
    if not content:
        return "function word"
    low_content = [straight(w).lower() for w in content]
    if all(w in _DATE_WORDS or _YEAR_OR_NUMBER.match(w) for w in low_content) and any(
        w in _DATE_WORDS for w in low_content
    ):
        return "date"
    if all(_YEAR_OR_NUMBER.match(w) or w in _NUMBER_WORDS for w in low_content):
        return "number"
    if article is not None and all(
        _capitalised_everywhere(w, article) or (w.isupper() and len(w) > 1) for w in content
    ):
        return "name"
    return None


def is_gibberish(text: str) -> bool:
    """True when no word of ``text`` is an English word the CMU dictionary knows (or it has no letters).

    >>> is_gibberish("asdf qwer"), is_gibberish("The metaphor hides the people.")
    (True, False)
    """
    words = [straight(w).lower() for w in words_of(text) if any(c.isalpha() for c in w)]
    if not words:
        return True
    known = cmu_dictionary()
    return not any(w in known or w.split("'")[0] in known for w in words if len(w) > 1 or w in ("a", "i"))


def content_coverage(answers: list[str], article: Article) -> float:
    """The share of the text's distinct content-word stems that the answers contain (0 to 1).

    >>> round(content_coverage(["cancer"], Article.from_text("A cancer spreads fast.")), 2)
    0.33
    """
    function = _function_words()

    def text_stems(a: Article) -> frozenset[str]:
        return frozenset(stem(w.text) for w in a.words if w.text.lower() not in function and w.text[:1].isalnum())

    stems = article.memo("exercises.content_stems", text_stems)
    if not stems:
        return 0.0
    given = {stem(w) for a in answers for w in words_of(a) if w.lower() not in function}
    return len(given & stems) / len(stems)


_SHARES = ((1 / 2, "about half"), (2 / 5, "two fifths"), (1 / 3, "a third"), (1 / 4, "a quarter"), (1 / 5, "a fifth"))


def share_in_words(share: float) -> str:
    """A share said in words: "most" only when it is more than half.

    >>> share_in_words(0.2), share_in_words(0.48), share_in_words(0.84), share_in_words(0.03)
    ('a fifth', 'about half', 'most', 'a small part')
    """
    if share > 0.9:
        return "nearly all"
    if share > 0.55:
        return "most"
    if share < 0.15:
        return "a small part"
    return min(_SHARES, key=lambda pair: abs(pair[0] - share))[1]


def longest_copied_run(answer: str, article: Article) -> int:
    """The longest run of words the answer shares, in order, with the text.

    >>> longest_copied_run("I think the coalition has established a rapport", Article.from_text(
    ...     "Carter said the coalition has established a rapport with local forces."))
    6
    """
    text = article.memo("exercises.word_list", lambda a: [stem(w.text) for w in a.words])
    words = [stem(w) for w in words_of(answer)]
    if not words or not text:
        return 0
    matcher = difflib.SequenceMatcher(None, words, text, autojunk=False)
    return matcher.find_longest_match(0, len(words), 0, len(text)).size
