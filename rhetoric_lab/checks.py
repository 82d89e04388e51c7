"""Argument checks for every public function, in one place, driven by the package's one vocabulary.

Public functions share parameter names (``article_or_text``, ``found``, ``speech_year``, ``n``,
``top``, ``keyword``, ``show_answers``, ``path``, ``force``, ...), so one rule per name says what
each must be. :func:`checked` wraps a function so that a wrong argument raises a
:class:`~rhetoric_lab.errors.RhetoricLabError` that says what was expected, before any work is
done; ``rhetoric_lab/__init__.py`` wraps every name of ``__all__`` with it. A parameter with no
rule of its name is checked by its annotation (``int``, ``str | None``, ``bool``, ``dict``, ...).
The package's own modules call each other directly, without the checks.

>>> import rhetoric_lab as rl
>>> rl.timeline_chart("From Lafayette to Pershing.", speech_year="2016")
Traceback (most recent call last):
...
rhetoric_lab.errors.RhetoricLabError: `speech_year` must be a whole number such as 2016 (negative for a year BCE), or None when the date is unknown; not a string ('2016').
"""  # noqa: E501

from __future__ import annotations

import functools
import inspect
import math
import numbers
import os
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .errors import AnswerFormatError, RhetoricLabError, TextEncodingError
from .files import describe
from .text import Article

#: The years a speech may be given in (a year BCE is negative).
YEARS = (-5000, 5000)
#: The largest ``n`` or ``top`` (rows of a table).
MAX_ROWS = 1_000_000


def _whole(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _number(value) -> bool:
    """A real number a student could mean: finite, and no more than a million either way."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(float(value)) and abs(value) <= 1_000_000
    except OverflowError:
        return False


def _number_if_number(value) -> bool:
    """Anything but a number passes (the function reads it); a number must be finite and of sane size."""
    return not isinstance(value, numbers.Real) or isinstance(value, bool) or _number(value)


def _flag(value) -> bool:
    return isinstance(value, bool) or type(value).__name__ == "bool_"  # numpy's True counts too


def _text(value) -> bool:
    return isinstance(value, str)


def _optional(test: Callable) -> Callable:
    return lambda value: value is None or test(value)


def _path(value) -> bool:
    return isinstance(value, (str, os.PathLike)) and bool(str(os.fspath(value)).strip())


def _strings(value) -> bool:
    return isinstance(value, str) or (isinstance(value, (list, tuple, set)) and all(isinstance(v, str) for v in value))


@dataclass(frozen=True)
class Rule:
    """What a parameter must be: a test of the value, and the words for what is expected."""

    test: Callable[[object], bool]
    expected: str
    error: type = RhetoricLabError

    def check(self, name: str, value) -> None:
        if not self.test(value):
            raise self.error(f"`{name}` must be {self.expected}; not {describe(value)}.")


_ARTICLE = 'an Article or a text in quotation marks, such as rl.load_article("carter-paris-speech-report")'
_FLAG = "True or False"

#: One rule per parameter name of the public vocabulary.
RULES: dict[str, Rule] = {
    "article_or_text": Rule(
        lambda v: isinstance(v, (Article, str)), _ARTICLE + ' or "The cat sat."', TextEncodingError
    ),
    "name_or_path": Rule(
        lambda v: isinstance(v, Article) or _path(v),
        'the name of a text in seeds/, such as "carter-paris-speech-report", or the path of a .txt file',
    ),
    "found": None,  # see _check_found: the table each view takes
    "speech_year": Rule(
        _optional(lambda v: _whole(v) and YEARS[0] <= v <= YEARS[1]),
        "a whole number such as 2016 (negative for a year BCE), or None when the date is unknown",
    ),
    "n": Rule(lambda v: _whole(v) and 1 <= v <= MAX_ROWS, "a whole number of 1 or more, such as 3"),
    "top": Rule(
        _optional(lambda v: _whole(v) and 1 <= v <= MAX_ROWS), "a whole number of 1 or more, such as 15, or None"
    ),
    "width": Rule(lambda v: _whole(v) and 10 <= v <= 1000, "a whole number from 10 to 1000, such as 35"),
    "keyword": Rule(_optional(_text), 'one word in quotation marks, such as "coalition"'),
    "topic": Rule(_optional(_text), 'a topic name in quotation marks, such as "metaphors"'),
    "only": Rule(_optional(_strings), 'a topic name, or a list of them, such as ["quotes", "readability"]'),
    "path": Rule(_path, 'the name of a file in quotation marks, such as "profile.html"'),
    "domain": Rule(_optional(_text), 'a domain name in quotation marks, such as "disease and medicine", or None'),
    "tiers": Rule(_strings, '"domain", "everyday", "all", or a list of them, such as ["domain", "everyday"]'),
    "function_words": Rule(_flag, _FLAG),
    "domains": Rule(_optional(_strings), 'a list of domain names, such as ["disease and medicine"], or None'),
    "key": Rule(_text, 'a key of the gazetteer in quotation marks, such as "pershing"'),
    "original": Rule(_text, "the original sentence, in quotation marks"),
    "rewrite": Rule(_text, "your rewritten sentence, in quotation marks"),
    # check_hand_calculation reads "17", "17 words" or "11,2" itself and says what it could not read;
    # a number must still be one a student could mean.
    "words": Rule(_number_if_number, "a count such as 17 (a number no larger than a million)", AnswerFormatError),
    "syllables": Rule(_number_if_number, "a count such as 29 (a number no larger than a million)", AnswerFormatError),
    "grade": Rule(_number_if_number, "a number such as 11.2 (no larger than a million)", AnswerFormatError),
    "texts": Rule(
        lambda v: isinstance(v, dict) and bool(v), 'a dictionary of texts, such as {"original": text1, "mine": text2}'
    ),
    "metric": Rule(_text, 'the name of a metric in quotation marks, such as "flesch_kincaid_grade"'),
    "by": Rule(_text, '"text", "paragraph" or "sentence"'),
    "sentence": Rule(
        _optional(_whole), "a sentence number such as 0 (counting from 0, as in the tables), or None for the whole text"
    ),
    "reading": Rule(
        _optional(lambda v: isinstance(v, dict)),
        'a dictionary of your answers, such as {"question": "answer"}, or None',
    ),
    # Article(text, name, paragraphs, sentences, tokens, meta) checks these itself, in __post_init__.
    "text": None,
    "paragraphs": None,
    "sentences": None,
    "tokens": None,
    "meta": None,
    # rl.cell and rl.keep_columns check their table and decimals themselves, and which columns exist.
    "table": None,
    "decimals": None,
    "columns": Rule(
        lambda v: isinstance(v, str) or (isinstance(v, (list, tuple)) and all(isinstance(c, str) for c in v)),
        'a list of column names, such as ["text", "kind"]',
    ),
    "article": Rule(_optional(lambda v: isinstance(v, (Article, str))), _ARTICLE + ", or None"),
    "answers": None,  # each check explains the form it wants (AnswerFormatError)
    "answer": None,
    "verdicts": None,
    "options": None,  # highlight(**options): the table's marks check them
}

#: Rules for annotations, for a parameter whose name has no rule.
BY_ANNOTATION: dict[str, Rule] = {
    "bool": Rule(_flag, _FLAG),
    "int": Rule(_whole, "a whole number"),
    "int | None": Rule(_optional(_whole), "a whole number, or None"),
    "str": Rule(_text, 'a text in quotation marks, such as "My chart"'),
    "str | None": Rule(_optional(_text), 'a text in quotation marks, such as "My chart", or None'),
    "dict": Rule(lambda v: isinstance(v, dict), 'a dictionary, such as {"question": "answer"}'),
    "dict | None": Rule(_optional(lambda v: isinstance(v, dict)), "a dictionary, or None"),
}

#: The table each view takes as ``found``: where it comes from, and the columns the view reads.
FOUND_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "frequency_chart": ("rl.frequency_table(article)", ("word", "count")),
    "show_concordance": ("rl.find_keyword(article, keyword)", ("left", "keyword", "right", "paragraph")),
    "metaphor_chart": ("rl.find_metaphors(article)", ("start", "end", "domain", "paragraph")),
    "explain_allusions": ("rl.find_allusions(article)", ("key",)),
    "timeline_chart": (
        "rl.find_allusions(article)",
        ("key", "name", "category", "start_year", "end_year", "approximate"),
    ),
    "voice_chart": ("rl.voice_share_table(article)", ("paragraph", "quoted", "paraphrase", "narration", "words")),
    "verb_chart": ("rl.find_reporting_verbs(article)", ("verb", "stance")),
    "show_warnings": ("rl.find_quotation_warnings(article)", ("start", "end", "message", "sentence")),
    "sentence_length_chart": ("rl.find_sentence_scores(article)", ("sentence", "words")),
    "voice_difficulty_chart": (
        "rl.voice_difficulty_table(article)",
        ("voice", "words", "syllables_per_word", "polysyllable_percent", "unfamiliar_percent"),
    ),
}
#: Views that cannot draw a table with no rows.
NEEDS_ROWS = {"sentence_length_chart", "voice_difficulty_chart", "voice_chart"}


def rule_for(name: str, parameter: inspect.Parameter) -> Rule | None:
    """The rule for one parameter: by its name, else by its annotation, else None (not checked)."""
    if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
        return None
    if name in RULES:
        return RULES[name]
    annotation = parameter.annotation
    if isinstance(annotation, str):
        return BY_ANNOTATION.get(annotation.replace("Optional[", "").replace("]", " | None"))
    return None


def unchecked(function) -> list[str]:
    """Parameters of ``function`` that no rule covers (a test keeps this empty for every public function).

    >>> unchecked(lambda article_or_text, mystery: None)
    ['mystery']
    """
    signature = inspect.signature(function)
    return [
        name
        for name, p in signature.parameters.items()
        if rule_for(name, p) is None and name not in RULES and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


def _check_found(function_name: str, found, required: bool = False) -> None:
    """``found`` is None (unless ``required``), or the table the view draws (a DataFrame with the columns it reads)."""
    source, columns = FOUND_TABLES.get(function_name, ("a finder, such as rl.find_metaphors(article)", ()))
    if found is None and required:
        raise RhetoricLabError(f"`found` in {function_name}() must be the table from {source}; not None.")
    if found is None:
        return
    if not isinstance(found, pd.DataFrame):
        raise RhetoricLabError(
            f"`found` in {function_name}() must be the table from {source}, or None; not {describe(found)}."
        )
    missing = [c for c in columns if c not in found.columns]
    if missing:
        raise RhetoricLabError(
            f"`found` must be the table from {source}: it has no column {', '.join(repr(c) for c in missing)}. "
            "Give the table the finder returned (you may keep only some of its rows)."
        )
    if function_name in NEEDS_ROWS and found.empty:
        raise RhetoricLabError(f"`found` has no rows, so there is nothing to draw. Give the table from {source}.")


def checked(function):
    """``function`` with its arguments checked first (see the module notes).

    >>> def table(article_or_text, n: int = 3):
    ...     return n
    >>> checked(table)("Some text.", n=0)
    Traceback (most recent call last):
    ...
    rhetoric_lab.errors.RhetoricLabError: `n` must be a whole number of 1 or more, such as 3; not 0.
    """
    signature = inspect.signature(function)
    rules = {name: rule_for(name, p) for name, p in signature.parameters.items()}
    name = function.__name__
    found_required = "found" in rules and signature.parameters["found"].default is inspect.Parameter.empty

    @functools.wraps(function)
    def with_checks(*args, **kwargs):
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as err:
            raise RhetoricLabError(f"{name}() {err}: it is called as {name}{_plain(signature)}.") from None
        for parameter, value in bound.arguments.items():
            rule = rules.get(parameter)
            if rule is not None:
                rule.check(parameter, value)
        if "found" in rules:
            _check_found(name, bound.arguments.get("found"), found_required)
        return function(*args, **kwargs)

    with_checks.__signature__ = signature
    return with_checks


def _plain(signature: inspect.Signature) -> inspect.Signature:
    """The signature without annotations, as a student would type the call."""
    empty = inspect.Parameter.empty
    parameters = [p.replace(annotation=empty) for p in signature.parameters.values()]
    return signature.replace(parameters=parameters, return_annotation=empty)


def check_speech_year(year) -> int | None:
    """``year`` if it is a year a speech can have been given in; a clear error otherwise.

    >>> check_speech_year(2016)
    2016
    """
    RULES["speech_year"].check("speech_year", year)
    return year


def install(namespace: dict, names) -> None:
    """Replace each function called in ``names`` in ``namespace`` by its checked version (classes stay)."""
    for name in names:
        value = namespace[name]
        if inspect.isfunction(value):
            namespace[name] = checked(value)


__all__ = ["BY_ANNOTATION", "FOUND_TABLES", "RULES", "Rule", "check_speech_year", "checked", "install", "unchecked"]
