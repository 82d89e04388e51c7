"""People named in the text, and the pronouns (he, she) that stand for them.

A person is a name outside quotations with a title (Mr., Coach, Sen.), a name of two or more words with
no word that cannot be a person (days, places, organisations: ``data/quote_not_people.csv``), or a
single word that is the surname of such a person. What the text shows about gender: a title (Mr., Ms.),
a gendered noun (spokeswoman), or an earlier he/she that was resolved to the same person.

A pronoun he/she resolves to the nearest person before it whose gender the text does not show to be
different: the sentences before it are read from the nearest back, at most ``SENTENCES_BACK`` of them
and never past ``PARAGRAPHS_BACK`` paragraph breaks; in each, its subject (the first person named in it)
comes first. A pronoun with no such person, and they/I/we/it, stay unresolved. Linear: each pronoun
looks at a bounded number of sentences, each with its few names.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .frames import Frame
from .lexicon import words
from .phrases import Speaker, clean_name, is_name_token
from .tokens import Tok

SENTENCES_BACK = 6
PARAGRAPHS_BACK = 2
MAX_PER_SENTENCE = 8


@dataclass
class Mention:
    start: int
    sentence: int
    paragraph: int
    key: str  # the surname, or the noun phrase ("A spokesman")
    gender: str
    possessive: bool
    head: str = ""


class People:
    def __init__(self, toks: list[Tok], frames: list[Frame]):
        runs: list[tuple[list[Tok], bool]] = []
        run: list[Tok] = []
        for t in toks:
            if t.kind == "w" and is_name_token(t) and (not run or run[-1].sentence == t.sentence):
                run.append(t)
                if t.possessive:
                    runs.append((run, True))
                    run = []
                continue
            if run:
                runs.append((run, False))
            run = [t] if t.kind == "w" and is_name_token(t) else []
        if run:
            runs.append((run, False))
        found: list[tuple[Speaker, Tok, bool]] = []
        surnames: set[str] = set()
        for run, possessive in runs:
            if possessive:
                last = run[-1]
                bare = Tok(
                    last.index,
                    last.start,
                    last.end - 2,
                    last.bare,
                    last.bare.lower(),
                    "w",
                    last.sentence,
                    last.paragraph,
                )
                run = [*run[:-1], bare]
            sp = clean_name(run)
            if sp and sp.how == "name" and sp.person is not False:
                found.append((sp, run[0], possessive))
                if sp.person:
                    surnames.add(sp.label)
        pronouns = words().pronouns
        self.gender: dict[str, str] = {}
        for f in frames:
            sp = f.sp
            if sp and sp.how == "name" and sp.person is not False and sp.label[:1].isupper():
                surnames.add(sp.label)
                after = toks[f.v1] if f.v1 < len(toks) else None
                if f.frame == "subject" and after and pronouns.get(after.low) in ("m", "f"):
                    self.gender.setdefault(sp.label, pronouns[after.low])  # "Brandt said he would wait"
        self.mentions: list[Mention] = []
        for f in frames:  # "A spokesman said …. He added …": a person described, not named
            sp = f.sp
            if sp and sp.how == "noun" and sp.head.lower() in words().person_nouns and not sp.head.endswith("s"):
                t = toks[f.v0]
                found.append((Speaker(sp.label, sp.head, "noun", sp.start, sp.end, sp.gender, True), t, False))
        found.sort(key=lambda item: item[0].start)
        for sp, first, possessive in found:
            if sp.person or sp.label in surnames:
                mention = Mention(sp.start, first.sentence, first.paragraph, sp.label, sp.gender, possessive, sp.head)
                self.mentions.append(mention)
                if sp.gender:
                    self.gender.setdefault(sp.label, sp.gender)
        self.mentions.sort(key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def resolve(self, sp: Speaker, sentence: int, paragraph: int) -> Speaker | None:
        """The person that the pronoun ``sp`` (he or she) stands for, or None."""
        gender = words().pronouns.get(sp.label.lower(), "")
        if gender not in ("m", "f"):
            return None
        end = bisect.bisect_left(self.starts, sp.start)
        by_sentence: dict[int, list[Mention]] = {}
        k = end - 1
        while k >= 0:
            m = self.mentions[k]
            if sentence - m.sentence > SENTENCES_BACK or paragraph - m.paragraph > PARAGRAPHS_BACK:
                break
            by_sentence.setdefault(m.sentence, []).append(m)
            k -= 1
            if sum(len(v) for v in by_sentence.values()) > SENTENCES_BACK * MAX_PER_SENTENCE:
                break
        for s in sorted(by_sentence, reverse=True):
            mentions = list(reversed(by_sentence[s]))  # in text order
            ordered = [mentions[0], *reversed(mentions[1:])]
            for m in ordered:
                if m.possessive:
                    continue
                known = self.gender.get(m.key) or m.gender
                if known and known != gender:
                    continue
                self.gender.setdefault(m.key, gender)
                return Speaker(m.key, m.head, "pronoun → name", sp.start, sp.end, gender, True)
        return None
