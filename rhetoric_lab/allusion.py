"""Allusions: short references to people, events, places, monuments, texts and myths.

The finder looks names up in a gazetteer, ``data/gazetteer.csv``: one row per
reference, with its surface patterns (a regular expression), a category, start and
end years, a one-sentence explanation, what speakers usually invoke it for, and a
note saying where the facts were checked.

Years:

* whole years; a BCE year is negative (``-49`` is 49 BCE; there is no year 0, so
  subtracting across the BCE/CE line is one year off);
* ``approximate`` is True when a year is "about";
* what the years mean depends on the category: a person's birth and death, an
  event's first and last year, a monument's completion or dedication (the end year
  equals the start year while it still stands), the year a text was written or
  delivered, and for a myth the year its best-known source was written. The
  gazetteer's ``years_mean`` column says which, row by row.

Avoiding false positives:

* only named references are in the gazetteer: a bare "Paris" or "France" is a place
  mentioned, not an allusion, and is never matched ("the liberation of Paris" is);
* a match followed by a word such as "Street", "Square", "Park" or "College"
  (``data/allusion_place_words.txt``) is taken for a place named after the
  reference ("Lafayette Square") and dropped;
* each row may add context rules: ``not_before`` (a pattern the text just before
  must not end with) and ``not_after`` (a pattern the text just after must not
  start with). "Lafayette" is not the person after "in" or "near", or before
  "Indiana", "Louisiana" or ", <a U.S. state>".

Limits: the rules read only a few words of context. "We drove from Lafayette to
Baton Rouge" is still taken for the person, and a person's name used for someone
else (a student called Martin Luther) is not recognised as such. Check every hit.

:func:`find_references_to_look_up` lists what the gazetteer does not know (proper names,
years, dates) as prompts for research, never as findings.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .data import read_list, read_table
from .errors import RhetoricLabError
from .text import as_article, per_article
from .wordforms import NAME_PARTICLES, straight

#: Columns of the table that :func:`find_allusions` returns.
COLUMNS = [
    "start",
    "end",
    "text",
    "key",
    "name",
    "category",
    "start_year",
    "end_year",
    "approximate",
    "sentence",
    "paragraph",
]
#: Columns of the table that :func:`find_references_to_look_up` returns.
PROMPT_COLUMNS = ["start", "end", "text", "reason", "sentence", "paragraph"]
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
#: Characters of context the ``not_before`` / ``not_after`` rules look at.
CONTEXT = 40

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
    pattern: re.Pattern
    not_before: re.Pattern | None
    not_after: re.Pattern | None
    body: re.Pattern  # ``pattern`` without its opening "(?<!\w)": see ``_matches``


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


def gazetteer_problems(rows=None) -> list[str]:
    """Every problem in the gazetteer rows, in words (an empty list when all is well).

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
                    re.compile(_expand(row[column]))
                except re.error as err:
                    problems.append(f"{where}: {column} does not compile ({err})")
    return problems


@cache
def _entries() -> tuple[_Entry, ...]:
    rows = read_table("gazetteer.csv")
    problems = gazetteer_problems(rows)
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
                pattern=re.compile(r"(?<!\w)(?:" + _expand(row["patterns"]) + r")(?!\w)"),
                not_before=re.compile("(?:" + _expand(row["not_before"]) + ")$") if row["not_before"] else None,
                not_after=re.compile(_expand(row["not_after"])) if row["not_after"] else None,
                body=re.compile(r"(?:" + _expand(row["patterns"]) + r")(?!\w)"),
            )
        )
    return tuple(entries)


def gazetteer_table():
    """The gazetteer as a DataFrame: one row per reference, years as numbers.

    >>> table = gazetteer_table()
    >>> table.set_index("key").loc["pershing", ["start_year", "end_year"]].tolist()
    [1860, 1948]
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


# ---------------------------------------------------------------- finding allusions


def _ruled_out(entry: _Entry, text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    if _place_words().match(after):
        return True
    if entry.not_before is not None and entry.not_before.search(before):
        return True
    return entry.not_after is not None and entry.not_after.match(after) is not None


_WORD_CHAR = re.compile(r"\w")


def _matches(entry: _Entry, text: str):
    r"""The matches of ``entry.pattern`` in ``text``, the same as ``entry.pattern.finditer(text)``, only faster.

    ``entry.pattern`` opens with ``(?<!\w)`` (no letter or digit just before), and a pattern that
    opens with a look-behind cannot use the regex engine's quick skip to the places where the
    pattern could start. So we search with ``entry.body`` (the pattern without that opening) and
    test the character before each match ourselves; a match that fails the test is searched for
    again from the next character.
    """
    pos = 0
    while (m := entry.body.search(text, pos)) is not None:
        if m.start() > 0 and _WORD_CHAR.match(text, m.start() - 1):
            pos = m.start() + 1
        elif m.end() == m.start():
            # An empty match: finditer has its own rules for what follows one, so let it go on.
            yield from entry.pattern.finditer(text, m.start())
            return
        else:
            yield m
            pos = m.end()


def _spans(text: str) -> list[tuple[int, int, _Entry]]:
    """Matches of every gazetteer entry, longest first where two overlap."""
    candidates = []
    for entry in _entries():
        for m in _matches(entry, text):
            if m.end() > m.start() and not _ruled_out(entry, text, m.start(), m.end()):
                candidates.append((m.start(), m.end(), entry))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    # The spans kept so far never overlap, so sorted by start they are sorted by end too:
    # a new span overlaps one of them only if it overlaps the last one that starts before it ends.
    kept: list[tuple[int, int, _Entry]] = []
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    for start, end, entry in candidates:
        i = bisect.bisect_left(kept_starts, end)
        if i == 0 or kept_ends[i - 1] <= start:
            kept.append((start, end, entry))
            kept_starts.insert(i, start)
            kept_ends.insert(i, end)
    return sorted(kept, key=lambda c: c[0])


@per_article
def find_allusions(article_or_text):
    """Allusions the gazetteer knows, one row per mention, in text order.

    Columns: ``start``, ``end``, ``text``, ``key``, ``name``, ``category``,
    ``start_year``, ``end_year`` (BCE negative), ``approximate``, ``sentence``, ``paragraph``.

    >>> found = find_allusions("It was their Waterloo, not a walk in Paris.")
    >>> found[["text", "key", "start_year"]].values.tolist()
    [['Waterloo', 'waterloo', 1815]]
    """
    article = as_article(article_or_text)
    rows = [
        {
            "start": start,
            "end": end,
            "text": article.text[start:end],
            "key": entry.key,
            "name": entry.name,
            "category": entry.category,
            "start_year": entry.start_year,
            "end_year": entry.end_year,
            "approximate": entry.approximate,
            "sentence": article.sentence_at(start),
            "paragraph": article.paragraph_at(start),
        }
        for start, end, entry in _spans(article.text)
    ]
    table = pd.DataFrame(rows, columns=COLUMNS).astype(
        {"start": int, "end": int, "start_year": int, "end_year": int, "sentence": int, "paragraph": int}
    )
    table.attrs["table"] = "allusions"  # so that rl.highlight(article, found) knows what it shows
    return table


def explain_allusions(found):
    """Add the gazetteer's explanation, what speakers invoke it for, and the source to found allusions.

    >>> explain_allusions(find_allusions("a Trojan horse"))["invoked_for"].iloc[0]
    'a hidden danger inside an apparent gift'
    """
    extra = gazetteer_table()[["key", "years_mean", "explanation", "invoked_for", "source"]]
    return found.merge(extra, on="key", how="left")


def to_json(article) -> list[dict]:
    """JSON-ready allusions for ``rhetoric-lab analyze``.

    >>> to_json("Remember Pearl Harbor.")[0]["start_year"]
    1941
    """
    found = find_allusions(article)
    keep = ["start", "end", "text", "key", "category", "start_year", "end_year"]
    return [
        {k: (int(v) if k in ("start", "end", "start_year", "end_year") else str(v)) for k, v in row.items()}
        for row in found[keep].to_dict("records")
    ]


# ---------------------------------------------------------------- references to look up

# Small words a name may run on through: "Battle of the Bulge", "Charles de Gaulle".
_CONNECTORS = NAME_PARTICLES | {"of", "the"}
_OPENERS = {"“", '"', "``", "‘", "'", "(", "[", ":", "—", "–", "-", "--"}
_MONTH = "|".join(MONTHS)
_MONTH_NO_MAY = "|".join(m for m in MONTHS if m != "May")
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"(?<!\w)(?:{_ORDINAL} (?:of )?(?:{_MONTH})(?:,? \d{{4}})?"
    rf"|(?:{_MONTH}) {_ORDINAL}(?:,? \d{{4}})?(?!\d)"
    rf"|(?:{_MONTH}) \d{{4}}"
    rf"|(?:{_MONTH_NO_MAY}))(?!\w)"
)
_YEAR = re.compile(
    r"(?<![\w$£€#/.,])(?:(?:AD|A\.D\.) ?\d{1,4}|\d{1,4} ?(?:BCE|BC|B\.C\.|CE|AD|A\.D\.)(?!\w)"
    r"|(?:1[0-9]{3}|20[0-9]{2})s?)(?![\w%]|[.,]\d|/)"
)


def _is_clitic_token(word: str) -> bool:
    """A possessive "’s" or a lone apostrophe: it never belongs to a name run."""
    return straight(word) in ("'s", "'")


def _is_capitalised(word: str) -> bool:
    word = word.lstrip("'’\"“‘")
    return bool(word) and word[0].isupper()


def _plain_opener(tokens, i: int) -> bool:
    """True when the capital of a sentence's first word says nothing: a listed word, a word in
    -ing/-ed/-ly, or a word not followed by another capitalised one ("Pershing Square" stays)."""
    word = tokens[i].text
    if word in read_list("allusion_not_names.txt") or re.search(r"(?:ing|ed|ly)$", word):
        return True
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return not (
        following
        and following.is_word
        and following.sentence == tokens[i].sentence
        and _is_capitalised(following.text)
        and not following.text.isupper()
    )


def _name_runs(article) -> list[tuple[int, int]]:
    """Runs of capitalised words (with 'of', 'de' ... inside), not counting sentence openers."""
    tokens = article.tokens
    openers: set[int] = set()  # indexes of words that open a sentence (or a quotation)
    elsewhere: set[str] = set()  # capitalised words seen in the middle of a sentence
    for i, tok in enumerate(tokens):
        if not tok.is_word:
            continue
        prev = tokens[i - 1] if i else None
        if prev is None or prev.sentence != tok.sentence or prev.text in _OPENERS:
            openers.add(i)
        else:
            elsewhere.add(tok.text)
    runs, current = [], []
    stop = set(MONTHS) | set(DAYS) | {"I"}

    def close():
        while current and tokens[current[-1]].text.lower() in _CONNECTORS:
            current.pop()
        if current:
            runs.append((tokens[current[0]].start, tokens[current[-1]].end))
        current.clear()

    for i, tok in enumerate(tokens):
        word = tok.text
        starts_sentence = i in openers
        if not tok.is_word or _is_clitic_token(word) or (current and tokens[current[-1]].sentence != tok.sentence):
            close()
            if not tok.is_word or _is_clitic_token(word):
                continue
        capital = _is_capitalised(word) and word not in stop
        if capital and starts_sentence and word not in elsewhere and _plain_opener(tokens, i):
            close()  # "Targeting", "The": capitals only because a sentence starts here
            continue
        if capital:
            current.append(i)
        elif current and word.lower() in _CONNECTORS and tokens[i - 1].end + 1 >= tok.start:
            current.append(i)
        else:
            close()
    close()
    return runs


@per_article
def find_references_to_look_up(article_or_text, first_only: bool = False):
    """Names, years and dates that the gazetteer does not know: prompts for research, not findings.

    Heuristics (no tagger, no downloaded data): a run of capitalised words, with "of",
    "the", "de" and the like allowed inside ("Battle of the Bulge"); a capitalised word
    that opens a sentence counts only if it also appears capitalised elsewhere; month and
    day names alone are left out; years 1000–2099 (and "44 BCE", "AD 79", "the 1960s");
    dates with a month ("4 July", "July 4, 1917", "November's"). Anything the gazetteer
    already explains is left out. Expect some noise: check each prompt.

    Columns: ``start``, ``end``, ``text``, ``reason``, ``sentence``, ``paragraph``.
    With ``first_only=True`` only the first mention of each name is kept.

    >>> refs = find_references_to_look_up("In 1917 Colonel Charles Stanton spoke at Picpus Cemetery in Paris.")
    >>> refs["text"].tolist()
    ['1917', 'Colonel Charles Stanton', 'Picpus Cemetery', 'Paris']
    """
    article = as_article(article_or_text)
    text = article.text
    known = [(s, e) for s, e, _ in _spans(text)]

    def free(start, end, taken):
        return all(end <= s or start >= e for s, e in taken)

    items = []
    for m in _DATE.finditer(text):
        if free(m.start(), m.end(), known):
            has_year = re.search(r"\d{4}", m.group()) is not None
            reason = "a date: what happened then?" if has_year else "a date without a year: which year, and what event?"
            items.append((m.start(), m.end(), reason))
    for m in _YEAR.finditer(text):
        if free(m.start(), m.end(), known + [(s, e) for s, e, _ in items]):
            decade = m.group().endswith("s") and m.group()[:-1].isdigit()
            reason = "a decade: what was happening then?" if decade else "a year: what happened then?"
            items.append((m.start(), m.end(), reason))
    for start, end in _name_runs(article):
        piece = text[start:end]
        if not free(start, end, known + [(s, e) for s, e, _ in items]):
            continue
        letters = piece.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) > 1:
            reason = "an abbreviation: what does it stand for?"
        else:
            reason = "a proper name the gazetteer does not know: who or what is it?"
        items.append((start, end, reason))
    rows = [
        {
            "start": s,
            "end": e,
            "text": text[s:e],
            "reason": r,
            "sentence": article.sentence_at(s),
            "paragraph": article.paragraph_at(s),
        }
        for s, e, r in sorted(items)
    ]
    table = pd.DataFrame(rows, columns=PROMPT_COLUMNS)
    if first_only:
        table = table.drop_duplicates("text").reset_index(drop=True)
    return table.astype({"start": int, "end": int, "sentence": int, "paragraph": int})


__all__ = [
    "describe_allusion",
    "explain_allusions",
    "find_allusions",
    "find_references_to_look_up",
    "format_span",
    "format_year",
    "gazetteer_table",
    "years_between",
]
