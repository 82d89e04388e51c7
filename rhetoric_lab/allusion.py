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

Avoiding false positives (the rules live in :mod:`rhetoric_lab.allusion_gazetteer`):

* only named references are in the gazetteer: a bare "Paris" or "France" is a place
  mentioned, not an allusion, and is never matched ("the liberation of Paris" is);
* a match followed by a word such as "Street", "Square", "Park" or "College"
  (``data/allusion_place_words.txt``) is taken for a place named after the
  reference ("Lafayette Square") and dropped;
* places are not events: a name followed by a state or county ("Gettysburg, Pa.",
  "Waterloo, Iowa", "Adams County") is a town, and so is an event's bare place name
  after "in", "near", "from", "to" ... when no event word ("battle", "fought",
  "bombing", "memorial": ``data/allusion_event_words.txt``) is close by;
* each row may add context rules: ``not_before`` (a pattern the text just before
  must not end with) and ``not_after`` (a pattern the text just after must not
  start with). "Lafayette" is not the person after "in" or "near", or before
  "Indiana", "Louisiana" or ", <a U.S. state>".

Figurative use: an allusion is *figurative* when the text borrows the reference for
something else instead of talking about the original: "our Dunkirk", "their Waterloo",
"a Pearl Harbor moment", "another Vietnam", "a Marshall Plan for the cities", "like
Icarus". The ``trigger`` column gives the words that show it. Idioms built on a story
("Achilles' heel", "a Pyrrhic victory": myths and ``data/allusion_idioms.txt``) are
figurative unless the sentence tells the story itself (with its year, or "in the myth").

Limits: the rules read only a few words of context. "We toured Gettysburg" is still
taken for the battle, and a person's name used for someone else (a student called
Martin Luther) is not recognised as such. Check every hit.

:func:`find_references_to_look_up` (in :mod:`rhetoric_lab.allusion_prompts`) lists what the
gazetteer does not know (proper names, years, dates) as prompts for research, never as findings.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from .allusion_gazetteer import (
    CATEGORIES,
    CONTEXT,
    REQUIRED,
    GazetteerError,
    _entries,
    _Entry,
    _matches,  # noqa: F401  (tests/test_speed_equivalence.py checks allusion._matches)
    _spans,
    describe_allusion,
    format_span,
    format_year,
    gazetteer_problems,
    gazetteer_table,
    years_between,
)
from .allusion_prompts import PROMPT_COLUMNS, find_references_to_look_up
from .data import read_list
from .text import as_article, per_article

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
    "figurative",
    "trigger",
]


# ---------------------------------------------------------------- figurative use

# Words before a name that show it is borrowed for something else: "our Dunkirk", "another Vietnam".
_LENDING_WORDS = (
    r"our|their|his|her|its|my|your|this|that|another|a|an|one more|yet another|a new|a second|"
    r"a modern|a modern-day|a latter-day|today(?:'s|’s)|tomorrow(?:'s|’s)|the next|the new|every|no"
)
_ADJECTIVES = r"own|latest|new|modern|political|economic|financial|corporate|personal|little|private|real|true|very"
_BORROWED_BEFORE = re.compile(rf"(?i:\b({_LENDING_WORDS}))\s+(?:(?:{_ADJECTIVES})\s+)?$")
_BORROWED_INSIDE = re.compile(r"(?i:\b(our|their|his|her|its|my|your|another|a|an|no))\s")
# "a Pearl Harbor moment", "Dunkirk spirit", "a Watergate-style cover-up".
_MODIFIED = re.compile(
    r"(?i:\s*-\s*(style|like|esque|type)\b|\s+(moments?|spirit|syndrome|scenario|strategy|playbook|treatment|"
    r"mentality|complex|effect|figure|situation|solution|approach|option|trap|test|redux)\b)"
)
_MODIFIER_INSIDE = re.compile(r"(?i:\s(moment|spirit|syndrome))$")
_SIMILE_BEFORE = re.compile(r"(?i:\b(like|unlike|than|as if it were|as though it were))\s+(?:(?:a|an|the)\s+)?$")
# Words that lend any reference, even a text ("a Bill of Rights for workers"), not only a name.
_INDEFINITE = {"a", "an", "another", "a new", "a second", "a modern", "a modern-day", "a latter-day"}
_THE_BEFORE = re.compile(r"(?i:\bthe)\s+$")
_OF_AFTER = re.compile(r"\s+(of|for)\s+(?:the\s+)?(?!\d)\w")
# "In the myth, Icarus ...", "the parable of the Good Samaritan": the story itself, not a borrowing.
_STORY_BEFORE = re.compile(
    r"(?i:\b(?:myth|myths|mythology|legend|story|stories|tale|parable|Bible|Gospel|book of|play|novel|film|poem)\b)"
)
_BCE_OR_YEAR = re.compile(r"(?<![\w$£€])(\d{1,4})\s*(BCE|BC|B\.C\.)?(?![\w%])")


@cache
def _idiom_keys() -> frozenset[str]:
    """Rows whose every use is a borrowing ("Achilles' heel", "a Pyrrhic victory"): myths, and
    the keys listed in ``data/allusion_idioms.txt``."""
    keys = {e.key for e in _entries() if e.category == "myth"}
    return frozenset(keys | set(read_list("allusion_idioms.txt")))


@cache
def _idiom_phrases() -> re.Pattern:
    """Matches that are idioms whatever their row ("Faustian bargain", "deck chairs on the Titanic")."""
    return re.compile("|".join(f"(?:{p})" for p in read_list("allusion_idiom_phrases.txt")))


def _mentions_its_years(entry: _Entry, sentence: str) -> bool:
    """True when the sentence gives a year inside the reference's own years (it tells the story)."""
    for m in _BCE_OR_YEAR.finditer(sentence):
        year = -int(m.group(1)) if m.group(2) else int(m.group(1))
        if (m.group(2) or len(m.group(1)) == 4) and entry.start_year - 1 <= year <= entry.end_year + 1:
            return True
    return False


def _figurative(entry: _Entry, text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """The words that show a reference is borrowed for something else ("" when it is not).

    >>> from rhetoric_lab.allusion_gazetteer import _entries
    >>> dunkirk = next(e for e in _entries() if e.key == "dunkirk")
    >>> _figurative(dunkirk, "It was our Dunkirk.", 11, 18, (0, 19))
    'our'
    """
    s_start, s_end = sentence
    before, after, matched = (
        text[max(s_start, start - CONTEXT) : start],
        text[end : min(s_end, end + CONTEXT)],
        text[start:end],
    )
    named = entry.category in ("person", "event", "place", "monument")
    lender = modifier = ""
    if m := _BORROWED_BEFORE.search(before) or (named and _BORROWED_INSIDE.search(matched)):
        if named or m.group(1).lower() in _INDEFINITE:
            lender = m.group(1)  # "our Dunkirk", "met their Waterloo", "a G.I. Bill for ..."
    if m := _MODIFIED.match(after) or _MODIFIER_INSIDE.search(matched):
        modifier = next(g for g in m.groups() if g)  # "a Pearl Harbor moment", "Dunkirk spirit"
    elif (lender or (named and _THE_BEFORE.search(before))) and (m := _OF_AFTER.match(after)):
        lender, modifier = lender or "the", m.group(1)  # "a Marshall Plan for ...", "the Gettysburg of ..."
    if lender or modifier:
        return " … ".join(w for w in (lender, modifier) if w)
    if m := _SIMILE_BEFORE.search(before):
        return m.group(1)  # "like Icarus"
    if entry.key in _idiom_keys() or _idiom_phrases().fullmatch(matched):
        told = _STORY_BEFORE.search(before) or _mentions_its_years(entry, text[s_start:s_end])
        return "" if told else "idiom"
    return ""


@per_article
def find_allusions(article_or_text):
    """Allusions the gazetteer knows, one row per mention, in text order.

    Columns: ``start``, ``end``, ``text``, ``key``, ``name``, ``category``,
    ``start_year``, ``end_year`` (BCE negative), ``approximate``, ``sentence``, ``paragraph``,
    ``figurative`` (True when the text borrows the reference for something else: "our Dunkirk",
    "a Pearl Harbor moment", "Achilles' heel") and ``trigger`` (the words that show it, or
    "idiom"; empty when the text talks about the original).

    >>> found = find_allusions("It was their Waterloo, not a walk in Paris.")
    >>> found[["text", "key", "start_year", "figurative", "trigger"]].values.tolist()
    [['Waterloo', 'waterloo', 1815, True, 'their']]
    """
    article = as_article(article_or_text)
    rows = []
    for start, end, entry in _spans(article.text):
        sentence = article.sentences[article.sentence_at(start)]
        trigger = _figurative(entry, article.text, start, end, (sentence.start, sentence.end))
        rows.append(
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
                "sentence": sentence.index,
                "paragraph": article.paragraph_at(start),
                "figurative": bool(trigger),
                "trigger": trigger,
            }
        )
    table = pd.DataFrame(rows, columns=COLUMNS).astype(
        {"start": int, "end": int, "start_year": int, "end_year": int, "sentence": int, "paragraph": int}
    )
    table["figurative"] = table["figurative"].astype(bool)
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
    keep = ["start", "end", "text", "key", "category", "start_year", "end_year", "figurative", "trigger"]
    numbers = ("start", "end", "start_year", "end_year")
    return [
        {k: int(v) if k in numbers else bool(v) if k == "figurative" else str(v) for k, v in row.items()}
        for row in found[keep].to_dict("records")
    ]


__all__ = [
    "CATEGORIES",
    "COLUMNS",
    "PROMPT_COLUMNS",
    "REQUIRED",
    "GazetteerError",
    "describe_allusion",
    "explain_allusions",
    "find_allusions",
    "find_references_to_look_up",
    "format_span",
    "format_year",
    "gazetteer_problems",
    "gazetteer_table",
    "years_between",
]
