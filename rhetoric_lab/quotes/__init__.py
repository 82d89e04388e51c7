"""Whose words are these? Quotations, speakers, reporting verbs and paraphrase in a news text.

A news report mixes three voices: the speaker's own words in quotation marks,
the speaker's words retold by the reporter (paraphrase, or indirect speech),
and the reporter's narration. This module finds them in any text.

Conventions (the same in every table):

* A quotation's ``start``/``end`` cover the quoted words **without** the
  quotation marks; ``open_at``/``close_at`` give the positions of the marks and
  ``open_mark``/``close_mark`` the marks themselves (“ ” " ‘ ’ ' and '' used as a double mark).
* ``kind`` is ``direct`` (a whole sentence or clause in quotation marks),
  ``partial`` (a few quoted words inside the reporter's sentence), ``scare``
  (quoted words with no speaker, the reporter keeping a distance), ``mention``
  (a title, a headline, the words on a sign, or words talked about as words:
  quoted, but nobody is speaking them) or, in the voice tables, ``indirect``
  (reported speech without quotation marks).
* A quotation that runs over several paragraphs (the news convention: no
  closing mark at the end of a paragraph, a new opening mark on the next) gives
  one row per paragraph, with the same ``quote_id``.
* A single quotation inside a double one (a quotation within a quotation) has
  ``level`` 2; every other quotation has ``level`` 1.
* ``speaker`` is a surname ("Defense Secretary Ash Carter" gives "Carter"), an
  organisation's name ("Harlan Foods"), or a noun phrase ("a spokesman for the
  team"); ``speaker_head`` is its head word ("Carter", "Foods", "spokesman").
* ``speaker_how`` says how the speaker was found: ``named`` (a name next to the
  quotation's frame), ``pronoun → name`` (he or she, resolved to the nearest person
  before it whose gender the text does not show to be different), ``noun phrase``,
  or ``none``. These are a tool's guesses: check them.
* ``verb`` is the reporting verb in its dictionary form ("said" gives "say").

The reporting verbs and their notes live in ``data/reporting_verbs.csv``; titles, pronouns and
people nouns in ``data/quote_speaker_words.csv``; words that cannot be people in
``data/quote_not_people.csv``; words that make a quotation a title or a sign in
``data/quote_mention_cues.csv``; surname particles in ``data/name_particles.txt``.

The parts: ``marks`` pairs the quotation marks; ``lexicon`` reads the data; ``tokens`` reads the words
outside quotations; ``phrases`` reads a speaker (a name, a noun phrase, a pronoun); ``frames`` finds
the reporting verbs and their speakers; ``attribution`` gives each quotation its frame, kind and
speaker; ``people`` resolves he and she; ``indirect`` finds paraphrase; ``finders`` and ``voices`` are
the public tables. Every step is linear in the length of the text.

>>> q = find_quotations('“We ran out of legs,” Coach Dana Mills said.')
>>> q[["text", "kind", "speaker", "speaker_how", "verb"]].values.tolist()
[['We ran out of legs,', 'direct', 'Mills', 'named', 'say']]
"""

from __future__ import annotations

from .finders import (
    INDIRECT_COLUMNS,
    QUOTE_COLUMNS,
    VERB_COLUMNS,
    WARNING_COLUMNS,
    find_indirect_speech,
    find_quotation_warnings,
    find_quotations,
    find_reporting_verbs,
)
from .lexicon import reporting_verb_table
from .voices import VOICE_SPAN_COLUMNS, VOICE_TABLE_COLUMNS, find_voices, voice_share_table, voice_table


def to_json(article_or_text) -> list[dict]:
    """The quotations as JSON-ready data for ``rhetoric-lab analyze`` (key ``"quotes"``).

    >>> found = to_json('“We won,” Mills said.')[0]
    >>> found["text"], found["speaker"], found["speaker_how"], found["verb"]
    ('We won,', 'Mills', 'named', 'say')
    """
    quotes = find_quotations(article_or_text)
    return [
        {
            "start": int(r["start"]),
            "end": int(r["end"]),
            "text": r["text"],
            "kind": r["kind"],
            "speaker": r["speaker"],
            "speaker_how": r["speaker_how"],
            "verb": r["verb"],
        }
        for r in quotes.to_dict("records")
    ]


def warnings_to_json(article_or_text) -> list[dict]:
    """Unpaired quotation marks as JSON-ready data (key ``"warnings"`` of ``rhetoric-lab analyze``).

    >>> warnings_to_json("He said “we will win.")[0]["start"]
    8
    """
    found = find_quotation_warnings(article_or_text)
    return [{"start": int(w.start), "end": int(w.end), "message": w.message} for w in found.itertuples()]


__all__ = [
    "INDIRECT_COLUMNS",
    "QUOTE_COLUMNS",
    "VERB_COLUMNS",
    "VOICE_SPAN_COLUMNS",
    "VOICE_TABLE_COLUMNS",
    "WARNING_COLUMNS",
    "find_indirect_speech",
    "find_quotation_warnings",
    "find_quotations",
    "find_reporting_verbs",
    "find_voices",
    "reporting_verb_table",
    "voice_share_table",
    "voice_table",
]
