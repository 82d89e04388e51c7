"""People named in the text, and the pronouns (he, she) that stand for them.

A person is a name outside quotations with a title (Mr., Coach, Sen.), a name of two or more words with
no word that cannot be a person (days, places, organisations: ``data/quote_not_people.csv``), or a
single word that is the surname of such a person. What the text shows about gender: a title (Mr., Ms.),
a gendered noun (spokeswoman), or an earlier he/she that was resolved to the same person.

A pronoun he/she resolves to the nearest person before it whose gender the text does not show to be
different: the sentences before it are read from the nearest back, at most ``SENTENCES_BACK`` of them
and never past ``PARAGRAPHS_BACK`` paragraph breaks; in each, its subject (the first person named in it)
comes first. A he/she resolved before counts as a mention of its person ("Fowler said …. He added …,
should Clinton …. “…,” he said": Fowler). What a resolution shows about gender is kept only where the
person was the one candidate of its sentence. A pronoun with no such person, and they/I/we/it, stay
unresolved. Linear: each pronoun looks at a bounded number of sentences, each with its few names.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .frames import Frame
from .lexicon import words
from .phrases import Speaker, clean_name
from .tokens import Tok, without_possessive

SENTENCES_BACK = 6
PARAGRAPHS_BACK = 2
MAX_CANDIDATES = 48
#: Before these words a name is a place ("in Fayetteville", "from El Paso"), not a person.
_PLACE_BEFORE = frozenset("in at from near outside across into through toward towards".split())
_STATE = re.compile(r"(?:[A-Z][a-z]{0,4}\.){1,2}$")  # N.C., Pa., Calif.: "Fayetteville, N.C." is a place


@dataclass
class Mention:
    start: int
    sentence: int
    paragraph: int
    key: str  # the surname, or the noun phrase ("A spokesman")
    gender: str
    possessive: bool
    head: str
    speaker: bool = False  # the speaker of a reporting verb


def _name_tokens(toks: list[Tok]) -> list[Tok]:
    """The words that ``is_name_token`` accepts, in text order."""
    w = words()
    titles, particles = w.titles, w.particles
    return [
        t
        for t in toks
        if t.kind == "w" and ((t.text[0].isupper() or t.text in titles) and t.text[0].isalpha() or t.low in particles)
    ]


def _name_runs(toks: list[Tok]) -> list[tuple[list[Tok], bool]]:
    """Runs of capitalised tokens outside quotations, and whether each ends with a possessive ’s.

    A run ends at a token that is not a name, at a possessive, or where a new sentence starts (the
    name that starts it then opens the next run, even if it is a possessive).
    """
    runs: list[tuple[list[Tok], bool]] = []
    run: list[Tok] = []
    for t in _name_tokens(toks):
        if run and t.index != run[-1].index + 1:
            runs.append((run, False))
            run = []
        if run and run[-1].sentence != t.sentence:
            runs.append((run, False))
            run = [t]
            continue
        run.append(t)
        if t.possessive:
            runs.append((run, True))
            run = []
    if run:
        runs.append((run, False))
    return runs


def _is_place(toks: list[Tok], run: list[Tok]) -> bool:
    before = toks[run[0].index - 1] if run[0].index else None
    after = toks[run[-1].index + 1 : run[-1].index + 3]
    if before is not None and before.low in _PLACE_BEFORE:
        return True
    return len(after) == 2 and after[0].text == "," and bool(_STATE.match(after[1].text))


class People:
    """The people a text names (and the unnamed ones its frames describe), in text order."""

    def __init__(self, toks: list[Tok], frames: list[Frame]):
        w = words()
        found: list[tuple[Speaker, Tok, bool]] = []
        surnames: set[str] = set()
        for run, possessive in _name_runs(toks):
            if possessive:
                run = [*run[:-1], without_possessive(run[-1])]
            sp = clean_name(run)
            if sp and sp.how == "name" and sp.person is not False and not _is_place(toks, run):
                found.append((sp, run[0], possessive))
                if sp.person:
                    surnames.add(sp.label)
        self.gender: dict[str, str] = {}
        self.mixed: set[str] = set()  # surnames shared by a man and a woman
        speakers: set[int] = set()
        for f in frames:
            sp = f.sp
            if not sp:
                continue
            speakers.add(sp.start)
            if sp.how == "name" and sp.person is not False and sp.label[:1].isupper():
                surnames.add(sp.label)
                after = toks[f.v1] if f.v1 < len(toks) else None
                if f.frame == "subject" and after and w.pronouns.get(after.low) in ("m", "f"):
                    self.gender.setdefault(sp.label, w.pronouns[after.low])  # "Brandt said he would wait"
            elif (
                sp.how == "noun"
                and sp.label.split()[0].lower() in ("a", "an", "one", "his", "her", "their", "my", "our", "your")
                and sp.head.lower() in w.person_nouns
            ):
                # "A spokesman said …. He added …", "his daughter said … she said": a new person, described
                # but not named
                noun = Speaker(sp.label, sp.head, "noun", sp.start, sp.end, sp.gender, True)
                found.append((noun, toks[f.v0], False))
        self.mentions: list[Mention] = []
        shown: dict[str, set[str]] = {}
        for sp, first, possessive in sorted(found, key=lambda item: item[0].start):
            if sp.person or sp.label in surnames:
                m = Mention(sp.start, first.sentence, first.paragraph, sp.label, sp.gender, possessive, sp.head)
                m.speaker = sp.start in speakers
                self.mentions.append(m)
                if sp.gender:
                    shown.setdefault(sp.label, set()).add(sp.gender)
        for key, genders in shown.items():  # Mr. Clinton and Mrs. Clinton: the surname shows no gender
            if len(genders) == 1:
                self.gender.setdefault(key, next(iter(genders)))
            else:
                self.gender.pop(key, None)
                self.mixed.add(key)
        self.starts = [m.start for m in self.mentions]
        self.chain: list[Mention] = []  # he/she resolved so far, in text order
        self.chain_starts: list[int] = []

    def _candidates(self, pos: int, sentence: int, paragraph: int) -> list[Mention]:
        """The people before ``pos``, nearest sentence first; in each sentence the speakers of its
        reporting verbs (nearest first), then its subject (the first person named), then the others.
        A he/she resolved before counts as a mention of its person ("Fowler said …. He added …")."""
        k = bisect.bisect_left(self.starts, pos) - 1
        c = bisect.bisect_left(self.chain_starts, pos) - 1
        by_sentence: dict[int, list[Mention]] = {}
        count = 0
        while (k >= 0 or c >= 0) and count < MAX_CANDIDATES:
            if c < 0 or (k >= 0 and self.mentions[k].start > self.chain[c].start):
                m, k = self.mentions[k], k - 1
            else:
                m, c = self.chain[c], c - 1
            if sentence - m.sentence > SENTENCES_BACK or paragraph - m.paragraph > PARAGRAPHS_BACK:
                break
            if not m.possessive:
                by_sentence.setdefault(m.sentence, []).append(m)  # nearest first
                count += 1
        ordered: list[Mention] = []
        for s in sorted(by_sentence, reverse=True):
            near = by_sentence[s]
            first = near[-1]
            ordered += [m for m in near if m.speaker]
            ordered += [first] + [m for m in near if not m.speaker and m is not first]
        return ordered

    def resolve(self, sp: Speaker, sentence: int, paragraph: int) -> Speaker | None:
        """The person that the pronoun ``sp`` (he or she) stands for, or None. What the resolution shows
        about gender is kept only where the person was the one candidate of its sentence ("Warren told
        Stumpf, after he admitted" shows nothing about either)."""
        gender = words().pronouns.get(sp.label.lower(), "")
        if gender not in ("m", "f"):
            return None
        candidates = self._candidates(sp.start, sentence, paragraph)
        for m in candidates:
            known = m.gender or self.gender.get(m.key)
            if known and known != gender:
                continue
            alone = all(o.key == m.key for o in candidates if o.sentence == m.sentence)
            if m.key not in self.mixed and alone:
                self.gender.setdefault(m.key, gender)
            if not self.chain_starts or sp.start > self.chain_starts[-1]:
                self.chain.append(Mention(sp.start, sentence, paragraph, m.key, gender, False, m.head, True))
                self.chain_starts.append(sp.start)
            return Speaker(m.key, m.head, "pronoun → name", sp.start, sp.end, gender, True)
        return None
