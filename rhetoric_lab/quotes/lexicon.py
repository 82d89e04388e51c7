"""The data behind the quotes finders: reporting verbs, speaker words, and the patterns built from them."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ..data import read_table
from ..wordforms import NAME_PARTICLES

_ADVERB = r"(?:[a-z]+ly|also|then|later|again|once|first|further|previously|today|yesterday|recently)"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict]:
    """Every form of every reporting verb, mapped to its lexicon row."""
    forms = {}
    for row in read_table("reporting_verbs.csv"):
        for form in row["forms"].split("|"):
            forms[form.strip()] = row
    return forms


def reporting_verb_table():
    """The reporting-verb lexicon as a DataFrame: verb, forms, stance, complement, note.

    >>> lex = reporting_verb_table()
    >>> lex.set_index("verb").loc["pledge", "stance"]
    'evaluative'
    """
    return pd.DataFrame(list(read_table("reporting_verbs.csv")))


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset]:
    roles: dict[str, set] = {}
    for row in read_table("quote_speaker_words.csv"):
        roles.setdefault(row["role"], set()).add(row["word"])
    return {role: frozenset(words) for role, words in roles.items()}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = _words()
    forms = sorted(_lexicon(), key=len, reverse=True)
    verb_alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    particles = "|".join(sorted(map(re.escape, NAME_PARTICLES), key=len, reverse=True))
    abbreviations = "|".join(re.escape(t) for t in sorted(words["title"], key=len, reverse=True) if t.endswith("."))
    name_word = rf"(?:{abbreviations}|[A-Z]\.|[A-Z][\w’'\-]*(?![\w’'\-.]))"
    name = rf"{name_word}(?:\s+(?:(?:{particles})\s+)?{name_word})*"
    people = "|".join(sorted(map(re.escape, words["person_noun"]), key=len, reverse=True))
    determiner = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    noun_phrase = rf"(?:{determiner}\s+)?(?:[a-z’'\-]+\s+)?(?:{people})\b"
    pronoun = r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b"
    speaker = rf"(?P<pronoun>{pronoun})|(?P<name>{name})|(?P<noun>{noun_phrase})"
    source = r"(?P<source>(?:[Tt]he\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,4}?)(?=\s*[,.;:!?]|\s*$)"
    return {
        "verb": re.compile(rf"(?<![\w’'-])(?:{verb_alt})(?![\w’'-])", re.IGNORECASE),
        "speaker_before": re.compile(rf"(?:{speaker}),?(?P<adverbs>(?:\s+{_ADVERB})*)\s+$"),
        "speaker_after": re.compile(rf"^\s+(?:{speaker})(?=\s*(?:[,.;:!?]|$))"),
        "main_subject": re.compile(rf"[,—–]\s*(?:{speaker})(?:\s+{_ADVERB})*\s+(?=[a-z])"),
        "according": re.compile(rf"\b[Aa]ccording\s+to\s+(?:(?:{speaker})(?=\s*[,.;:!?])|{source})"),
        "full_name": re.compile(rf"{name_word}(?:\s+(?:(?:{particles})\s+)?{name_word})+"),
        "titled": re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words['title'])))})\s+{name}"),
        "name": re.compile(name),
    }


# ---------------------------------------------------------------------------
# speakers


def _clean_name(name: str) -> tuple[str, str] | None:
    """Return (full name, surname) for a run of capitalised words, dropping titles and openers."""
    words = _words()
    tokens = name.split()
    while tokens and tokens[0] in words["not_name"]:
        tokens.pop(0)
    titles = [i for i, t in enumerate(tokens) if t in words["title"]]
    if titles:
        tokens = tokens[titles[-1] + 1 :]
    if not tokens or re.search(r"['’]s$", tokens[-1]) or tokens[-1].lower() in NAME_PARTICLES:
        return None
    surname = [tokens[-1]]
    for token in reversed(tokens[:-1]):
        if token.lower() in NAME_PARTICLES:
            surname.insert(0, token)
        else:
            break
    return " ".join(tokens), " ".join(surname)


def _speaker_from(match: re.Match) -> tuple[str | None, str]:
    """(speaker label, how it was named) from a speaker match: name, pronoun or noun."""
    if match.group("name"):
        cleaned = _clean_name(match.group("name"))
        return (cleaned[1], "name") if cleaned else (None, "none")
    if match.group("pronoun"):
        return match.group("pronoun").lower(), "pronoun"
    if match.groupdict().get("source"):
        return match.group("source"), "source"
    return match.group("noun").lower(), "noun"
