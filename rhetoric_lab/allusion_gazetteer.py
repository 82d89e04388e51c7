"""The allusion gazetteer (``data/gazetteer.csv``): reading and checking it, matching its patterns
in a text (with the rules that keep town names and ordinary words out), and years in words.

:mod:`rhetoric_lab.allusion` builds the table of allusions from these matches; this module holds
the gazetteer itself. What the years mean depends on the category (a person's birth and death, an
event's first and last year, ...): the ``years_mean`` column says which, row by row, and the
comment lines at the top of the CSV file give the rules.
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass
from functools import cache, cached_property

try:  # the regex parser of the standard library, to read which words a pattern needs
    from re import _constants as _sre  # Python 3.11+
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

import pandas as pd

from . import derived
from .data import read_list, read_table
from .errors import RhetoricLabError

#: Characters of context the ``not_before`` / ``not_after`` rules look at.
CONTEXT = 40

#: Gazetteer columns that must be filled in on every row.
REQUIRED = [
    "key",
    "name",
    "patterns",
    "category",
    "start_year",
    "end_year",
    "approximate",
    "years_mean",
    "explanation",
    "invoked_for",
    "source",
]
#: The categories a gazetteer row may have.
CATEGORIES = ("person", "event", "place", "monument", "text", "myth")


class GazetteerError(RhetoricLabError):
    """A row of the gazetteer is incomplete or wrong (a developer's error, explained)."""


# ---------------------------------------------------------------- years


def format_year(year: int, approximate: bool = False) -> str:
    """A year in words: negative years are BCE.

    >>> format_year(-49), format_year(1944), format_year(95, approximate=True)
    ('49 BCE', '1944', 'c. 95 CE')
    """
    year = int(year)
    text = f"{-year} BCE" if year < 0 else (f"{year} CE" if year < 1000 else str(year))
    return f"c. {text}" if approximate else text


def years_between(earlier: int, later: int) -> int:
    """Whole years from ``earlier`` to ``later``, allowing for there being no year 0.

    >>> years_between(1944, 2016), years_between(-44, 2016)
    (72, 2059)
    """
    earlier, later = int(earlier), int(later)
    return later - earlier - (1 if earlier < 0 < later else 0)


def format_span(start: int, end: int, approximate: bool = False) -> str:
    """A span of years in words, or one year when start and end agree.

    >>> format_span(1757, 1834), format_span(1886, 1886), format_span(-29, -19)
    ('1757–1834', '1886', '29–19 BCE')
    """
    start, end = int(start), int(end)
    if start == end:
        return format_year(start, approximate)
    if start < 0 and end < 0:
        text = f"{-start}–{-end} BCE"
        return f"c. {text}" if approximate else text
    return f"{format_year(start, approximate)}–{format_year(end)}"


# ---------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class _Entry:
    key: str
    name: str
    category: str
    start_year: int
    end_year: int
    approximate: bool
    patterns: str  # the row's patterns, macros expanded
    not_before_text: str
    not_after_text: str

    # Compiled only when a text holds one of the entry's anchors (see ``_spans``): most never are.
    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(_USED_AS["patterns"].format(self.patterns))

    @cached_property
    def body(self) -> re.Pattern:
        """``pattern`` without its opening "(?<!\\w)": see ``_matches``."""
        return re.compile(r"(?:" + self.patterns + r")(?!\w)")

    @cached_property
    def not_before(self) -> re.Pattern | None:
        return re.compile(_USED_AS["not_before"].format(self.not_before_text)) if self.not_before_text else None

    @cached_property
    def not_after(self) -> re.Pattern | None:
        return re.compile(self.not_after_text) if self.not_after_text else None

    @cached_property
    def anchors(self) -> frozenset[str] | None:
        """Lower-case strings of which every match holds one (None when the pattern names none)."""
        return pattern_anchors(self.patterns)

    @cached_property
    def reach(self) -> tuple[int, int] | None:
        """(longest match, furthest look past a match's end) of ``body``; None when either has no bound."""
        parsed = _sre_parse.parse(r"(?:" + self.patterns + r")(?!\w)")
        width, peek = parsed.getwidth()[1], _peek(parsed)
        return None if width + peek >= _UNBOUNDED else (width, peek)


@cache
def _macros() -> dict[str, str]:
    return {"US_STATES": "|".join(read_list("allusion_us_states.txt"))}


def _expand(pattern: str) -> str:
    for name, value in _macros().items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


@cache
def _place_words() -> re.Pattern:
    words = sorted(read_list("allusion_place_words.txt"), key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def gazetteer_problems(rows=None, quick: bool = False) -> list[str]:
    """Every problem in the gazetteer rows, in words (an empty list when all is well). ``quick``: read each
    pattern without compiling it (a loaded gazetteer does this; the tests compile them all).

    >>> gazetteer_problems()
    []
    >>> gazetteer_problems([{"key": "x", "category": "song"}])[0]
    "row 1 (x): 'name' is empty"
    """
    rows = read_table("gazetteer.csv") if rows is None else rows
    problems, seen = [], set()
    for number, row in enumerate(rows, start=1):
        where = f"row {number} ({row.get('key', '?')})"
        for column in REQUIRED:
            if not str(row.get(column, "")).strip():
                problems.append(f"{where}: '{column}' is empty")
        if row.get("key") in seen:
            problems.append(f"{where}: the key is used twice")
        seen.add(row.get("key"))
        if row.get("category") and row["category"] not in CATEGORIES:
            problems.append(f"{where}: category '{row['category']}' is not one of {', '.join(CATEGORIES)}")
        if row.get("approximate") and row["approximate"] not in ("yes", "no"):
            problems.append(f"{where}: approximate must be 'yes' or 'no'")
        try:
            start, end = int(row.get("start_year", "")), int(row.get("end_year", ""))
            if start > end:
                problems.append(f"{where}: start_year {start} is after end_year {end}")
            if start == 0 or end == 0:
                problems.append(f"{where}: there is no year 0 (1 BCE is -1, 1 CE is 1)")
            if end > 2100:
                problems.append(f"{where}: end_year {end} is in the future")
        except ValueError:
            problems.append(f"{where}: start_year and end_year must be whole numbers")
        for column in ("patterns", "not_before", "not_after"):
            if row.get(column):
                try:
                    # as the finder uses it; quick: only read it (a loaded gazetteer does, for a quick start)
                    used = _USED_AS[column].format(_expand(row[column]))
                    with warnings.catch_warnings():
                        warnings.simplefilter("error", DeprecationWarning)  # Python 3.10 only warns of "(?i)" inside
                        if quick:
                            _check_look_behinds(_sre_parse.parse(used))
                        else:
                            re.compile(used)
                except (re.error, DeprecationWarning) as err:
                    problems.append(f"{where}: {column} does not compile ({err})")
                if _nested_quantifier(row[column]):
                    problems.append(f"{where}: {column} repeats a group that repeats (such as (a+)+): it can be slow")
    return problems


# How each column's pattern is used (see _Entry): what gazetteer_problems checks.
_USED_AS = {"patterns": r"(?<!\w)(?:{})(?!\w)", "not_before": "(?:{})$", "not_after": "{}"}


def _check_look_behinds(items) -> None:
    """Raise re.error for a look-behind of varying width, which only compiling would otherwise find."""
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            low, high = av[1].getwidth()
            if av[0] == -1 and low != high:
                raise re.error("look-behind requires fixed-width pattern")
            _check_look_behinds(av[1])
        elif op is _sre.SUBPATTERN:
            _check_look_behinds(av[-1])
        elif op in _REPEATS:
            _check_look_behinds(av[2])
        elif op is _sre.BRANCH:
            for alternative in av[1]:
                _check_look_behinds(alternative)


def _unbounded_at(pattern: str, i: int) -> int:
    """Length of an unbounded quantifier ("+", "*", "{2,}") at ``pattern[i]``, or 0."""
    if i < len(pattern) and pattern[i] in "+*":
        return 1
    m = re.compile(r"\{\d*,\}").match(pattern, i)
    return len(m.group()) if m else 0


def _nested_quantifier(pattern: str) -> bool:
    """True when a group with an unbounded quantifier inside is itself repeated without bound: the shape
    that makes a regular expression take exponential time on some inputs.

    >>> _nested_quantifier(r"(?:ab+)+"), _nested_quantifier(r"(?:ab+)?c*"), _nested_quantifier(r"[(+]+")
    (True, False, False)
    """
    stack, i, inner = [False], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a character class: skip to its closing bracket
            i += 2 if pattern[i + 1 : i + 2] == "]" else 1
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            stack.append(False)
        elif ch == ")" and len(stack) > 1:
            inner = stack.pop()
            if inner and _unbounded_at(pattern, i + 1):
                return True
            stack[-1] = stack[-1] or inner
        elif _unbounded_at(pattern, i):
            stack[-1] = True
        i += 1
    return False


@cache
def _entries() -> tuple[_Entry, ...]:
    rows = read_table("gazetteer.csv")
    kept = derived.kept("gazetteer")  # checked and read when data/derived.json was written
    problems = [] if kept else gazetteer_problems(rows, quick=True)
    if problems:
        raise GazetteerError("The gazetteer (rhetoric_lab/data/gazetteer.csv) has problems: " + "; ".join(problems))
    entries = []
    for row in rows:
        entries.append(
            _Entry(
                key=row["key"],
                name=row["name"],
                category=row["category"],
                start_year=int(row["start_year"]),
                end_year=int(row["end_year"]),
                approximate=row["approximate"] == "yes",
                patterns=_expand(row["patterns"]),
                not_before_text=_expand(row["not_before"]),
                not_after_text=_expand(row["not_after"]),
            )
        )
    if kept:
        for entry, anchors in zip(entries, kept["anchors"], strict=True):
            entry.__dict__["anchors"] = None if anchors is None else frozenset(anchors)
    return tuple(entries)


def derived_anchors() -> dict:
    """The gazetteer's checked anchors, as ``data/derived.json`` keeps them (refused if a row has a problem)."""
    rows = read_table("gazetteer.csv")
    problems = gazetteer_problems(rows, quick=True)
    if problems:
        raise GazetteerError("The gazetteer (rhetoric_lab/data/gazetteer.csv) has problems: " + "; ".join(problems))
    anchors = (pattern_anchors(_expand(row["patterns"])) for row in rows)
    return {"anchors": [None if a is None else sorted(a) for a in anchors]}


def gazetteer_table():
    """The gazetteer as a DataFrame: one row per reference, years as numbers.

    >>> row = gazetteer_table().set_index("key").loc["pershing"]
    >>> int(row["start_year"]), int(row["end_year"])
    (1860, 1948)
    """
    table = pd.DataFrame(list(read_table("gazetteer.csv")))
    table["start_year"] = table["start_year"].astype(int)
    table["end_year"] = table["end_year"].astype(int)
    table["approximate"] = table["approximate"] == "yes"
    return table


@cache
def _info() -> dict[str, dict]:
    return {row["key"]: row for row in gazetteer_table().to_dict("records")}


def describe_allusion(key: str) -> dict:
    """One gazetteer row as a dict: name, years, explanation, what speakers invoke it for, source.

    >>> describe_allusion("statue_of_liberty")["start_year"]
    1886
    """
    info = _info()
    if key not in info:
        raise RhetoricLabError(
            f"'{key}' is not a key in the gazetteer. Look at gazetteer_table()['key'] for the keys, "
            "or use find_allusions(...)['key'] to see the keys found in a text."
        )
    return dict(info[key])


# ---------------------------------------------------------------- anchors: a quick test before a search

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into one.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_REPEATS = tuple(getattr(_sre, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, n))


def fold(text: str) -> str:
    """``text`` in lower case, as the anchors of :func:`pattern_anchors` are looked for in it.

    >>> fold("The MARQUIS de Lafayette")
    'the marquis de lafayette'
    """
    return text.translate(_FOLD).lower()


_UNBOUNDED = 10_000


def _peek(items) -> int:
    """How far past the point where it is tried a parsed regex may look ahead (look-aheads, \\b, $)."""
    reach = 0
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            direction, sub = av
            reach = max(reach, (sub.getwidth()[1] if direction == 1 else 0) + _peek(sub))
        elif op is _sre.AT:
            reach = max(reach, 2)  # \b looks at the next character, $ at the next two
        elif op is _sre.SUBPATTERN:
            reach = max(reach, _peek(av[-1]))
        elif op in _REPEATS:
            reach = max(reach, _peek(av[2]))
        elif op is _sre.BRANCH:
            reach = max([reach, *(_peek(alternative) for alternative in av[1])])
        elif op not in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY):
            return _UNBOUNDED  # back-references, atomic groups...: no promise
    return reach


def _ascii_lower(op, av) -> str | None:
    """The one lower-case ASCII character a regex item stands for ("a", "[Aa]", "\\."), else None."""
    if op is _sre.LITERAL:
        chars = {chr(av)}
    elif op is _sre.IN and av and all(o is _sre.LITERAL for o, _ in av):
        chars = {chr(v) for _, v in av}
    else:
        return None
    lowered = {c.lower() for c in chars}
    return lowered.pop() if len(lowered) == 1 and all(c.isascii() for c in chars) else None


def _needs(items) -> frozenset[str] | None:
    """Strings of which every match of the parsed ``items`` holds one, the longest found; None if none."""
    best: frozenset[str] | None = None

    def consider(found):
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    run: list[str] = []
    for op, av in items:
        char = _ascii_lower(op, av)
        if char is not None:
            run.append(char)
            continue
        consider(frozenset(["".join(run)]) if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            consider(_needs(av[-1]))
        elif op in _REPEATS and av[0] >= 1:
            consider(_needs(av[2]))
        elif op is _sre.BRANCH:
            alternatives = [_needs(alternative) for alternative in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))
    consider(frozenset(["".join(run)]) if run else None)
    return best


def pattern_anchors(pattern: str) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` holds at least one, so that a text whose
    :func:`fold` holds none of them need not be searched; None when the pattern promises no such string.

    >>> sorted(pattern_anchors(r"(?:General |Gen\\. )?John J(?:\\.|oseph)? Pershing|\\bPershing\\b"))
    ['pershing']
    >>> print(pattern_anchors(r"\\d+"))
    None
    """
    found = _needs(_sre_parse.parse(pattern))
    if not found or min(map(len, found)) < 3:
        return None
    return frozenset(a for a in found if not any(b != a and b in a for b in found))  # "pershing" covers " pershing"


# ---------------------------------------------------------------- finding allusions

_WORD_CHAR = re.compile(r"\w")
# A name alone, every word capitalised: "Gettysburg", "Pearl Harbor" (not "the Battle of Gettysburg").
_BARE_NAME = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*")
# "in Gettysburg", "a hotel near Versailles": a town, unless an event word is close by.
_PLACE_BEFORE = re.compile(r"(?i:\b(?:in|near|from|outside|around|across|through|toward|towards|via|into|to|at))\s+$")
# "compared to Dunkirk": a comparison, not a journey.
_COMPARED_TO = re.compile(
    r"(?i:\b(?:compar\w*|liken\w*|parallels?|analog(?:y|ies)|similar|equivalent)\b[^.;!?]{0,30}\bto)\s+$"
)


@cache
def _region_after() -> re.Pattern:
    """ ", Pa.", ", Nebraska", ", Ontario", ", Adams County": the name before is a town."""
    regions = "|".join(read_list("allusion_us_states.txt") + read_list("allusion_regions.txt"))
    return re.compile(rf",\s*(?:{regions}|(?:[A-Z][a-z]+\s+){{1,2}}(?:County|Parish))(?!\w)")


@cache
def _event_words() -> re.Pattern:
    words = "|".join(read_list("allusion_event_words.txt"))
    return re.compile(rf"(?i:\b(?:{words}))\b")


def _is_a_town(entry: _Entry, text: str, start: int, end: int) -> bool:
    """A place named like an event, used as a place: "Waterloo, Iowa", "she grew up in Gettysburg".

    A row of category "place" (Ellis Island, Valley Forge) names the place itself, so only the
    state-after-a-comma rule applies to it.
    """
    after = text[end : end + CONTEXT]
    if _region_after().match(after):
        return True
    if entry.category not in ("event", "monument") or not _BARE_NAME.fullmatch(text[start:end]):
        return False
    before = text[max(0, start - CONTEXT) : start]
    if not _PLACE_BEFORE.search(before) or _COMPARED_TO.search(before):
        return False
    return _event_words().search(before) is None and _event_words().search(after) is None


def _ruled_out(entry: _Entry, text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    if _place_words().match(after):
        return True
    if entry.not_before is not None and entry.not_before.search(before):
        return True
    if entry.not_after is not None and entry.not_after.match(after) is not None:
        return True
    return _is_a_town(entry, text, start, end)


def _occurrences(entry: _Entry, folded: str) -> list[int]:
    """Where the entry's anchors start in ``folded`` (see :func:`fold`), in order."""
    found = []
    for anchor in entry.anchors:
        at = folded.find(anchor)
        while at != -1:
            found.append(at)
            at = folded.find(anchor, at + 1)
    return sorted(found)


def _search(entry: _Entry, text: str, pos: int, occurrences: list[int] | None):
    """``entry.body.search(text, pos)``, searching only near the places where an anchor starts.

    A match holds an anchor that starts at most ``width`` characters after the match does, so no
    match starts before ``q - width``, where ``q`` is the first anchor at or after ``pos``. A search
    cut off ``width + peek`` characters after ``q`` sees every character that a match starting up
    to ``q`` can look at, so what it finds up to ``q`` is what a search of the whole text finds.
    """
    if occurrences is None or entry.reach is None:
        return entry.body.search(text, pos)
    width, peek = entry.reach
    i = bisect.bisect_left(occurrences, pos)
    while i < len(occurrences):
        q = occurrences[i]
        m = entry.body.search(text, max(pos, q - width), min(len(text), q + width + peek))
        if m is not None and m.start() <= q:
            return entry.body.match(text, m.start())  # the same match, found without the cut
        pos, i = q + 1, i + 1  # no match starts up to q
    return None


def _matches(entry: _Entry, text: str, occurrences: list[int] | None = None):
    r"""The matches of ``entry.pattern`` in ``text``, the same as ``entry.pattern.finditer(text)``, only faster.

    ``entry.pattern`` opens with ``(?<!\w)`` (no letter or digit just before), and a pattern that
    opens with a look-behind cannot use the regex engine's quick skip to the places where the
    pattern could start. So we search with ``entry.body`` (the pattern without that opening) and
    test the character before each match ourselves; a match that fails the test is searched for
    again from the next character. ``occurrences``: where the entry's anchors start in the text
    (:func:`_occurrences`), so that only the text near them is searched.
    """
    pos = 0
    while (m := _search(entry, text, pos, occurrences)) is not None:
        if m.start() > 0 and _WORD_CHAR.match(text, m.start() - 1):
            pos = m.start() + 1
        elif m.end() == m.start():
            # An empty match: finditer has its own rules for what follows one, so let it go on.
            yield from entry.pattern.finditer(text, m.start())
            return
        else:
            yield m
            pos = m.end()


_ALNUM_RUN = re.compile(r"[a-z0-9]+")


@cache
def _longest_run(anchor: str) -> str:
    """The longest run of letters and digits in an anchor ("" when it has none)."""
    return max(_ALNUM_RUN.findall(anchor), key=len, default="")


def searchable(text: str, entries=None) -> list[tuple[_Entry, list[int] | None]]:
    """The gazetteer entries that may match in ``text``, each with where its anchors start (None: search it all).

    An entry none of whose anchors is in the text cannot match, and is left out. The quick first test
    looks for each anchor's longest run of letters in the text's distinct words (a run of letters in the
    text lies inside one of them); only an anchor that passes is looked for in the whole text.

    >>> [entry.key for entry, _ in searchable("General Pershing landed.")]
    ['pershing']
    """
    folded = fold(text)
    same_places = len(folded) == len(text)  # fold() keeps every character in its place (nearly always)
    words = "\n".join(set(_ALNUM_RUN.findall(folded)))
    found = []
    for entry in _entries() if entries is None else entries:
        if entry.anchors is None:
            found.append((entry, None))
        elif any(_longest_run(a) in words and a in folded for a in entry.anchors):
            found.append((entry, _occurrences(entry, folded) if same_places else None))
    return found


def _spans(text: str) -> list[tuple[int, int, _Entry]]:
    """Matches of every gazetteer entry, longest first where two overlap.

    Each candidate is checked against a map of the characters already taken, so the work grows
    with the total length of the candidates, never with their number squared.
    """
    candidates = []
    for entry, occurrences in searchable(text):
        for m in _matches(entry, text, occurrences):
            if m.end() > m.start() and not _ruled_out(entry, text, m.start(), m.end()):
                candidates.append((m.start(), m.end(), entry))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = bytearray(len(text))
    kept = []
    for start, end, entry in candidates:
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, entry))
    return sorted(kept, key=lambda c: c[0])
