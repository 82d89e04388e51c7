"""The data behind the quote finders, read once: reporting verbs, speaker words, words that are not
people, and the words that show a quotation is a title or a sign.

* ``data/reporting_verbs.csv``: every reporting verb with its forms, stance, complement, use and a note;
* ``data/quote_speaker_words.csv``: titles, pronouns and people nouns (with the gender they show),
  sentence openers, words that may stand between a speaker and the verb, nouns for things said;
* ``data/quote_not_people.csv``: capitalised words that cannot be a person (days, places, organisations);
* ``data/quote_mention_cues.csv``: words before a quotation that make it a title, a sign or a headline;
* ``data/name_particles.txt`` (through :mod:`rhetoric_lab.wordforms`): le, van, bin … inside names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..data import read_list, read_table
from ..errors import RhetoricLabError
from ..wordforms import NAME_PARTICLES


def reporting_verb_table(stance: str | None = None):
    """The reporting-verb lexicon as a DataFrame: verb, forms, stance, complement, use, note.

    ``stance="neutral"`` or ``stance="evaluative"`` keeps only the verbs with that stance.

    >>> lex = reporting_verb_table()
    >>> lex.set_index("verb").loc["pledge", "stance"]
    'evaluative'
    >>> set(reporting_verb_table(stance="neutral")["stance"])
    {'neutral'}
    """
    table = pd.DataFrame(list(read_table("reporting_verbs.csv")))
    if stance is None:
        return table
    if stance not in set(table["stance"]):
        raise RhetoricLabError(
            f"stance= must be one of {', '.join(sorted(set(table['stance'])))}, not {stance!r}. "
            'For example: rl.reporting_verb_table(stance="evaluative").'
        )
    return table[table["stance"] == stance].reset_index(drop=True)


@dataclass(frozen=True)
class Words:
    """Word lists for finding speakers; sets of lower-case words unless the comment says otherwise."""

    titles: dict[str, str]  # a title as written (Mr., Coach) -> the gender it shows ("m", "f" or "")
    title_words: frozenset[str]  # titles in lower case, and "former": "former secretary of state"
    particles: frozenset[str]
    pronouns: dict[str, str]  # he -> m, she -> f, they -> ""
    person_nouns: dict[str, str]  # spokeswoman -> f
    openers: frozenset[str]  # capitalised words that open a sentence and are not names (lower case)
    between: frozenset[str]  # may stand between a speaker and the verb
    not_clause: frozenset[str]
    speech_nouns: frozenset[str]  # claim, remark, words: "Trump’s claim that …"
    not_people: dict[str, str]  # a capitalised word as written -> time, place, organisation or group
    mention_things: frozenset[str]
    mention_links: frozenset[str]
    naming_verbs: frozenset[str]  # "called the course “a fine idea”": a judgement unless the words are a title
    abbreviations: frozenset[str]  # lower case, without the final full stop (u.s, jr)


@lru_cache(maxsize=1)
def words() -> Words:
    roles: dict[str, dict[str, str]] = {}
    for row in read_table("quote_speaker_words.csv"):
        roles.setdefault(row["role"], {})[row["word"]] = row["gender"]
    cues: dict[str, set[str]] = {}
    for row in read_table("quote_mention_cues.csv"):
        cues.setdefault(row["role"], set()).add(row["word"])
    return Words(
        titles=roles["title"],
        title_words=frozenset([t.lower() for t in roles["title"]] + ["former", "then", "acting", "interim"]),
        particles=frozenset(NAME_PARTICLES),
        pronouns=roles["pronoun"],
        person_nouns=roles["person_noun"],
        openers=frozenset(w.lower() for w in roles["not_name"]),
        between=frozenset(roles["between"]),
        not_clause=frozenset(roles["not_clause"]),
        speech_nouns=frozenset(roles["speech_noun"]),
        not_people={row["word"]: row["kind"] for row in read_table("quote_not_people.csv")},
        mention_things=frozenset(cues["thing"]),
        mention_links=frozenset(cues["link"]),
        naming_verbs=frozenset(cues["naming"]),
        abbreviations=frozenset(read_list("abbreviations.txt")),
    )


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, list[tuple[tuple[str, ...], dict]]]:
    """The first word of each reporting-verb form -> [(the form's words, its lexicon row)], longest first.

    >>> [" ".join(words) for words, _ in verb_forms()["called"]]
    ['called for', 'called']
    """
    starts: dict[str, list[tuple[tuple[str, ...], dict]]] = {}
    for row in read_table("reporting_verbs.csv"):
        for form in row["forms"].split("|"):
            parts = tuple(form.split())
            starts.setdefault(parts[0], []).append((parts, row))
    for options in starts.values():
        options.sort(key=lambda o: -len(o[0]))
    return starts
