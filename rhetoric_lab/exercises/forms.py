"""Reading a student's answer in any reasonable form: lists, strings, dictionaries, years, numbers, labels.

Answers forgive: a list or one string with commas or new lines; curly or straight quotation marks;
sentence numbers as ``3`` or ``"sentence 3"``; years as ``1777``, ``"1777"`` or ``"in 1777"``. What
cannot be read raises an :class:`~rhetoric_lab.errors.AnswerFormatError` that says how to write it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..errors import AnswerFormatError, closest
from ..wordforms import american, stem, straight

_ARTICLES = {"the", "a", "an"}
# Quotation marks and spaces a student may leave round an answer ("“parent tumor”", "'cancer',").
_QUOTES = "\"'“”‘’«»„‚`"
_PUNCTUATION = " \t\r\n,;:!?()[]"
_BLANKS = {"", "...", "…", "?", "??", "???", "-", "--", "—", "todo", "tbd", "xxx", "your answer", "answer"}
# Words that mean "I cannot choose" when a check asks for one label.
_HEDGES = {
    "both",
    "either",
    "maybe",
    "perhaps",
    "not sure",
    "unsure",
    "don't know",
    "dont know",
    "idk",
    "all",
    "all of them",
    "everything",
    "any",
    "none",
    "neither",
}
_SPLIT_LIST = re.compile(r"[,;\n]")
_SPLIT_LINES = re.compile(r"[;\n]")
# Applied to a stripped key: a word for "sentence" (or none), then "#" or spaces, then the number.
_SENTENCE_KEY = re.compile(r"(?i)^(?:sentence|sent\.?|s|no\.?|number)?[\s#]*(\d{1,4})[\s:.)]*$")
_YEAR = re.compile(r"(?<!\d)(\d{1,4})(?!\d)")
_DECADE = re.compile(r"\d0['’]?s\b")
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_SHORT_RANGE = re.compile(r"(?<!\d)\d{4}\s?[-–/]\s?(\d{2})(?![\d-])")
_CENTURY = re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\s?(?:century|c\.)")
# A short year alone: "44 BC", "AD 79", "in 79", "c. 79" (an era or "in"/"c." beside one to four digits).
_SHORT_YEAR = re.compile(
    r"(?i)(?:(?:in|year|c\.|ca\.|circa|a\.?\s?d\.?|c\.?\s?e\.?)\s?)?\d{1,4}(?:\s?(?:b\.?\s?c\.?(?:e\.?)?|a\.?\s?d\.?|c\.?\s?e\.?))?"
)
_BCE = re.compile(r"(?i)\bB\.?\s?C\.?(?:E\.?)?(?![a-z])")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")
_SEPARATORS = (":", "=", "->", "→")


def normalize(answer) -> str:
    """Normalise an answer for matching: case, quotes, punctuation, articles, British spelling.

    >>> normalize("The parent Tumour!")
    'parent tumor'
    """
    return _normalize(str(answer))


@lru_cache(maxsize=8192)
def _normalize(answer: str) -> str:
    text = straight(unicodedata.normalize("NFKC", answer).lower())
    text = re.sub(r"[^\w\s']", " ", text)  # hyphens too: "shoulder-to-shoulder" is "shoulder to shoulder"
    words = [american(w.strip("'")) for w in text.split()]
    while words and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(w for w in words if w)


def matches(answer: str, key_text: str) -> bool:
    """True when two phrases agree after normalising, or one holds the other as whole words.

    >>> matches("Metastasis", "metastasis")
    True
    >>> matches("the parent tumour", "parent tumor")
    True
    >>> matches("tumor", "parent tumor")
    True
    >>> matches("air", "air strikes and raids")
    False
    """
    a, k = normalize(answer), normalize(key_text)
    if not a or not k:
        return False
    if a == k or a.replace(" ", "") == k.replace(" ", ""):  # "La Fayette" and "Lafayette"
        return True
    shorter, longer = sorted((a, k), key=len)
    # A single short word inside a long phrase is too loose a match.
    if len(shorter.split()) == 1 and len(longer.split()) > 2:
        return False
    return re.search(rf"(?<![\w']){re.escape(shorter)}(?![\w'])", longer) is not None


def holds_phrase(answer: str, phrase: str) -> bool:
    """True when the answer is the phrase, or holds all of it as whole words (never just a part of it).

    >>> holds_phrase("ISIL's parent tumour", "parent tumor"), holds_phrase("parent", "parent tumor")
    (True, False)
    """
    a, k = normalize(answer), normalize(phrase)
    if not a or not k:
        return False
    if a == k or a.replace(" ", "") == k.replace(" ", ""):
        return True
    return re.search(rf"(?<![\w']){re.escape(k)}(?![\w'])", a) is not None


def stems_of(text: str) -> tuple[str, ...]:
    """The stem of every word in ``text`` (apostrophes straightened, hyphens kept inside words).

    >>> stems_of("the Parent Tumours")
    ('the', 'parent', 'tumor')
    """
    return _stems_of(str(text))


@lru_cache(maxsize=8192)
def _stems_of(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in re.findall(r"\w+(?:['’]\w+)*", text))


def unquote(text) -> str:
    """An answer without the quotation marks, spaces and commas round it.

    Quotation marks go in pairs, or alone when the answer has no other; a full stop goes unless the
    answer has another one ("U.S." keeps its own).

    >>> unquote(" “parent tumor”, "), unquote("global “metastasis”"), unquote("U.S."), unquote("spread.")
    ('parent tumor', 'global “metastasis”', 'U.S.', 'spread')
    """
    text = " ".join(str(text).split())
    while True:
        before = text
        text = text.strip(_PUNCTUATION)
        if text.endswith(".") and "." not in text[:-1]:
            text = text[:-1]
        if len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES:
            text = text[1:-1]
        elif text[-1:] in tuple(_QUOTES) and not any(q in text[:-1] for q in _QUOTES):
            text = text[:-1]
        elif text[:1] in tuple(_QUOTES) and not any(q in text[1:] for q in _QUOTES):
            text = text[1:]
        if text == before:
            return text.strip()


def is_blank(value) -> bool:
    """True for an answer that is not there yet: None, "", "...", "…" or ``...``.

    >>> is_blank("..."), is_blank(Ellipsis), is_blank("cancer")
    (True, True, False)
    """
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, (list, tuple, set, dict)):
        return all(is_blank(v) for v in value)
    return isinstance(value, str) and unquote(value).lower().strip(" .…") in {b.strip(" .…") for b in _BLANKS}


def as_answer_list(answers, what: str = "your answers", example: str = '["parent tumor", "safe haven"]') -> list[str]:
    """Accept a list of phrases, or one string with commas or new lines; explain other forms.

    Quotation marks round a phrase and blank items are dropped; numbers become text.

    >>> as_answer_list("cancer, “spread”\\nmetastasis")
    ['cancer', 'spread', 'metastasis']
    >>> as_answer_list(["parent tumor", "", None])
    ['parent tumor']
    """
    if answers is None or answers is Ellipsis:
        return []
    if isinstance(answers, str):
        pieces = _SPLIT_LIST.split(answers)
    elif isinstance(answers, (list, tuple, set, frozenset)):
        pieces = []
        for item in answers:
            if isinstance(item, (list, tuple)):  # a list inside the list: take its items
                pieces += [p for sub in item for p in _SPLIT_LINES.split(str(sub)) if not is_blank(sub)]
            elif isinstance(item, str):
                pieces += _SPLIT_LINES.split(item)
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                pieces.append(str(item))
            elif not is_blank(item):
                raise AnswerFormatError(
                    f"{item!r} in your list is not a phrase. Write {what} as a list of phrases in "
                    f"quotation marks, for example: {example}."
                )
    else:
        raise AnswerFormatError(
            f"Write {what} as a list of phrases in quotation marks, for example: {example}. "
            f"You gave {type(answers).__name__} {_short(answers)}."
        )
    return [unquote(p) for p in pieces if not is_blank(p)]


def as_pairs(answers, what: str, example: str) -> list[tuple[object, object]]:
    """(key, value) pairs from a dictionary, a list of pairs, or lines of text such as ``"spread: metaphor"``.

    >>> as_pairs("Lafayette: 1777\\nPershing 1917", "your years", "{}")
    [('Lafayette', '1777'), ('Pershing', '1917')]
    """
    if answers is None or answers is Ellipsis:
        return []
    if isinstance(answers, dict):
        return list(answers.items())
    if isinstance(answers, str):
        pairs = []
        for line in _SPLIT_LINES.split(answers) if "\n" in answers or ";" in answers else _SPLIT_LIST.split(answers):
            if is_blank(line):
                continue
            pairs.append(_pair(line, what, example))
        return pairs
    if isinstance(answers, (list, tuple)):
        items = list(answers)
        if all(isinstance(i, (list, tuple)) and len(i) == 2 for i in items):
            return [tuple(i) for i in items]
        flat_pairs = len(items) % 2 == 0 and all(isinstance(k, str) for k in items[::2])
        if flat_pairs and items and not any(isinstance(v, str) for v in items[1::2]):
            return list(zip(items[::2], items[1::2], strict=True))  # ["Lafayette", 1777, "Pershing", 1917]
    raise AnswerFormatError(f"Write {what} as a dictionary in curly brackets, {_like(example)}.")


def _pair(line: str, what: str, example: str) -> tuple[str, str]:
    """One "key: value" line (or "key value", split at the last space)."""
    cuts = [(line.find(s), s) for s in _SEPARATORS if line.find(s) > 0]
    if cuts:
        at, sep = min(cuts)
        return unquote(line[:at]), unquote(line[at + len(sep) :])
    parts = line.strip().rsplit(None, 1)
    if len(parts) != 2:
        raise AnswerFormatError(f"I cannot read {unquote(line)!r}. Write {what} {_like(example)}.")
    return unquote(parts[0]), unquote(parts[1])


def _like(example: str) -> str:
    """ "like this: {example}", unless the example says "For example" itself."""
    example = example.rstrip(".")
    return (
        f"as in this example: {example.split(':', 1)[1].strip()}"
        if example.startswith("For example:")
        else (f"like this: {example}")
    )


def sentence_number(key) -> int | None:
    """A sentence number from ``3``, ``3.0``, ``"3"``, ``"sentence 3"`` or ``"S3"``; None otherwise.

    >>> [sentence_number(k) for k in (3, "sentence 3", "S3", "#3", "three")]
    [3, 3, 3, 3, None]
    """
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, float) and key.is_integer():
        return int(key)
    if isinstance(key, str):
        m = _SENTENCE_KEY.match(unquote(key))
        return int(m.group(1)) if m else None
    return None


def parse_year(value) -> tuple[int | None, str]:
    """A year from an answer, and what was wrong if there is none: "" (fine), "blank", "several", "backwards"
    or "not a year".

    >>> parse_year("in 1777"), parse_year(1944.0), parse_year("44 BC"), parse_year("1777-1781"), parse_year("soon")
    ((1777, ''), (1944, ''), (-44, ''), (None, 'several'), (None, 'not a year'))
    >>> parse_year("28 October 1886"), parse_year("1944-08-25"), parse_year("1824-25"), parse_year("1918-1917")
    ((1886, ''), (1944, ''), (None, 'several'), (None, 'backwards'))
    >>> parse_year("World War 1"), parse_year("18th century"), parse_year("1,777")
    ((None, 'not a year'), (None, 'several'), (None, 'not a year'))
    """
    if is_blank(value):
        return None, "blank"
    if isinstance(value, bool):
        return None, "not a year"
    if isinstance(value, int):
        return value, ""
    if isinstance(value, float):
        return (int(value), "") if value.is_integer() else (None, "not a year")
    if isinstance(value, (list, tuple, set)):
        values = [v for v in value if not is_blank(v)]
        return parse_year(values[0]) if len(values) == 1 else (None, "several" if values else "blank")
    if not isinstance(value, str):
        return None, "not a year"
    if _DECADE.search(value) or _CENTURY.search(value):  # "the 1770s" is ten years, "18th century" a hundred
        return None, "several"
    four = [int(n) for n in _FOUR_DIGITS.findall(value)]
    if not four:  # a short year ("44 BC", "AD 79") only when nothing but the number and its era is written
        if not _SHORT_YEAR.fullmatch(value.strip()):
            return None, "not a year"  # "World War 1", "WW2", "p. 17", "17 77"
        four = [int(_YEAR.search(value).group(1))]
    year = four[0]
    later = four[1:] + [year - year % 100 + int(n) for n in _SHORT_RANGE.findall(value)]  # "1824-25"
    if any(other != year for other in later):  # every range is two answers: "1777-1781", "1917-18"
        return None, "backwards" if any(other < year for other in later) else "several"
    return (-year if _BCE.search(value) else year), ""


def parse_number(value) -> tuple[float | None, str]:
    """A number from an answer: ``17``, ``"17"``, ``"11,2"`` or ``"17 words"``; and "", "blank" or "not a number".

    >>> parse_number("11,2"), parse_number("17 words"), parse_number("seventeen"), parse_number(None)
    ((11.2, ''), (17.0, ''), (None, 'not a number'), (None, 'blank'))
    """
    if is_blank(value):
        return None, "blank"
    if isinstance(value, bool):
        return None, "not a number"
    if isinstance(value, (int, float)):
        return float(value), ""
    if isinstance(value, str):
        m = _NUMBER.search(value)  # "17", "11,2", "17 words", "grade 11.2"
        if m:
            return float(m.group().replace(",", ".")), ""
    return None, "not a number"


def hedged(value, labels) -> bool:
    """True when one answer names several labels, or says "both" or "maybe", instead of choosing.

    >>> hedged("direct or partial", ["direct", "partial"]), hedged(["metaphor", "literal"], []), hedged("direct", [])
    (True, True, False)
    """
    if isinstance(value, (list, tuple, set)):
        return len([v for v in value if not is_blank(v)]) > 1
    if not isinstance(value, str):
        return False
    text = unquote(value).lower()
    if text in _HEDGES:
        return True
    named = {label for label in labels if re.search(rf"\b{re.escape(label.lower())}\b", text)}
    return len(named) > 1


def find_label(value, words: dict[str, str], what: str, example: str) -> str:
    """The label a word stands for, via ``words`` (every accepted word -> its label).

    Forgives case, quotation marks and endings ("Paraphrased"); a typo raises an error that says
    "Did you mean …?".

    >>> find_label("Direct quotation", {"direct quotation": "direct"}, "a label", "")
    'direct'
    """
    label, message, _suggested = read_label(value, words, what, example)
    if label is None:
        raise AnswerFormatError(message)
    return label


def read_label(value, words: dict[str, str], what: str, example: str) -> tuple[str | None, str, bool]:
    """(label, "", False) for a label; for anything else (None, what is wrong, whether a spelling was suggested).

    >>> read_label("paraphase", {"paraphrase": "paraphrase", "direct": "direct"}, "a label", "")[1:]
    ("'paraphase' is not a label. Did you mean 'paraphrase'? Use 'paraphrase' or 'direct'.", True)
    """
    text = normalize(unquote(value)) if isinstance(value, str) else ""
    if text in words:
        return words[text], "", False
    by_stem = {stems_of(w): label for w, label in words.items()}
    if text and stems_of(text) in by_stem:
        return by_stem[stems_of(text)], "", False
    labels = list(dict.fromkeys(words.values()))
    choices = ", ".join(repr(label) for label in labels[:-1]) + f" or {labels[-1]!r}"
    close = closest(text, list(words)) if text else None
    suggestion = f" Did you mean {words[close]!r}?" if close else ""
    longest = max(map(len, words), default=0)
    cuts = range(1, len(text)) if len(text) <= 2 * longest else ()  # longer: not two labels, and quadratic
    glued = [(text[:i], text[i:]) for i in cuts if text[:i] in words and text[i:] in words]
    if glued:  # ["narration" "direct"]: Python joins two strings when the comma between them is missing
        suggestion = f" Is a comma missing between {glued[0][0]!r} and {glued[0][1]!r}?"
    tail = "" if suggestion else f" {example}"  # a short box: the example only when there is no suggestion
    return None, f"{_short(value)} is not {what}.{suggestion} Use {choices}.{tail}".strip(), bool(suggestion)


class LabelReader:
    """Reads one exercise's labels so that one unreadable label does not hide the feedback on the others.

    A label that cannot be read waits; :meth:`finish` gives each its own verdict ("close" when a
    spelling is suggested, "refused" otherwise), or raises the first as one short error when nothing
    at all in the answer could be read.

    >>> from rhetoric_lab.exercises.feedback import Feedback
    >>> reader, fb = LabelReader({"direct": "direct", "partial": "partial"}, ""), Feedback("Labels")
    >>> reader.read("direct", "a label", "sentence 1", fb), reader.read("parital", "a label", "sentence 2", fb)
    ('direct', None)
    """

    def __init__(self, words: dict[str, str], example: str, noise=None):
        self.words, self.example, self.noise = words, example, noise
        self.waiting: list[tuple[str, str, bool]] = []

    def read(self, value, what: str, about: str, feedback) -> str | None:
        """The label, or None: keyboard noise ("asdf") is refused at once, other words wait for :meth:`finish`."""
        label, message, suggested = read_label(value, self.words, what, self.example)
        noise = isinstance(value, str) and any(c.isalpha() for c in value) and self.noise and self.noise(value)
        if label is None and not suggested and noise:
            feedback.add("refused", message, about=about)
        elif label is None:
            self.waiting.append((about, message, suggested))
        return label

    def finish(self, feedback, labels_read: bool) -> None:
        """A verdict for each label that waits, or one short error when the answer had nothing else to read."""
        if self.waiting and not labels_read and not feedback.verdicts():
            raise AnswerFormatError(self.waiting[0][1])
        for about, message, suggested in self.waiting:
            feedback.add("close" if suggested else "refused", message, about=about)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Letters to change, add, drop or swap to turn ``a`` into ``b`` (capped at ``limit + 1``).

    >>> edit_distance("metastatis", "metastasis"), edit_distance("tumour", "tumor"), edit_distance("ab", "ba")
    (1, 1, 1)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return min(previous[-1], limit + 1)


def typo_limit(text: str) -> int:
    """How many letters may differ for two spellings to count as a typo of each other."""
    letters = len(text.replace(" ", ""))
    return 0 if letters < 4 else 1 if letters < 8 else 2


def _short(value, length: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= length else text[: length - 1] + "…"
