"""Speaker phrases: a name, a noun phrase or a pronoun, read from a few tokens before or after a verb.

Every function here looks at a bounded window of tokens (a clause, at most ``WINDOW`` tokens), so the
work per verb is constant and the whole search is linear in the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import verb_forms, words
from .tokens import Tok

WINDOW = 40
MAX_NAME = 12  # tokens: the longest run of capitals read as one name
PREPOSITIONS = frozenset(
    "of for at in from with on to by about among within under inside near behind after before during since "
    "outside across over into via per than like amid despite toward towards".split()
)
DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your one two three four five six seven eight nine ten "
    "some many several most both all another other each every no any few more much such".split()
)
#: Words after which a verb form is a noun: "the report", "its own statement", "his opening remarks".
NOUN_BEFORE = (DETERMINERS - {"that"}) | frozenset("own new latest recent opening closing final public".split())
RELATIVES = frozenset("who which that whose whom".split())
ADJECTIVES_BEFORE_PREPOSITION = frozenset("familiar close involved knowledgeable opposed loyal aware briefed".split())
NOT_HEADS = frozenset(
    "it this that there what which who these those something anything nothing everything someone anyone "
    "everyone nobody somebody here now then also too".split()
)
SUFFIXES = frozenset(["Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"])
BOUNDARY_WORDS = frozenset(
    "and but or nor while as because since although though when where whereas if that so after before until "
    "whether than once unless yet what".split()
)
BOUNDARY_MARKS = frozenset(';:()[]—–!?."“”‘’«»-')


@dataclass
class Speaker:
    label: str  # what the speaker column shows: a surname, an organisation's name, a noun phrase or a pronoun
    head: str  # the head word
    how: str  # "name", "noun" or "pronoun"
    start: int
    end: int
    gender: str = ""  # "m", "f" or "" (not shown)
    person: bool | None = None  # True: a person; False: an organisation, a place, a group; None: cannot tell


def is_name_token(t: Tok) -> bool:
    w = words()
    return t.kind == "w" and (t.cap or t.text in w.titles) and t.text[0].isalpha() or t.low in w.particles


def _gender_of_titles(tokens: list[Tok]) -> str:
    titles = words().titles
    found = [titles[t.text] for t in tokens if titles.get(t.text)]
    return found[-1] if found else ""


def clean_name(run: list[Tok]) -> Speaker | None:
    """A run of capitalised tokens (titles, particles, initials) as a speaker: a person's surname, or the
    whole name of an organisation or a place.

    A name after a title is a person's ("Captain Lee Park"). Otherwise a run that ends with a word of
    ``quote_not_people.csv`` (Foods, Hall, Department) names an organisation or a place; a person may
    follow such words ("State John Kerry").
    """
    w = words()
    tokens = list(run[-MAX_NAME:])  # a name has a few words; a longer run of capitals is cut
    i = 0
    while i < len(tokens) and tokens[i].low in w.openers and not (len(tokens) - i > 1 and tokens[i].text in w.titles):
        i += 1
    while i < len(tokens) and tokens[i].low in w.particles:
        i += 1
    tokens = tokens[i:]
    if not tokens or tokens[-1].possessive:
        return None
    kinds = [w.not_people.get(t.text) for t in tokens]
    if all(k == "time" for k in kinds):
        return None
    gender = _gender_of_titles(tokens)
    start, end = tokens[0].start, tokens[-1].end
    titled = [i for i, t in enumerate(tokens) if t.text in w.titles]
    if kinds[-1] == "organisation":  # "the State Department", "Harlan Foods"
        titled = []
    if titled and titled[-1] < len(tokens) - 1:
        tokens = tokens[titled[-1] + 1 :]
    elif kinds[-1] in ("organisation", "place"):
        label = " ".join(t.text for t in tokens if t.text not in w.titles or t is tokens[-1])
        return Speaker(label, tokens[-1].bare, "name", start, end, "", False)
    elif any(kinds):
        tail: list[Tok] = []
        for t, k in zip(reversed(tokens), reversed(kinds), strict=True):
            if k:
                break
            tail.insert(0, t)
        tokens = tail
    if not tokens or tokens[-1].low in w.particles or not tokens[-1].text[0].isupper():
        return None
    last = len(tokens) - 1
    if tokens[last].text in SUFFIXES and last > 0:
        last -= 1
    first = last
    while first > 0 and tokens[first - 1].low in w.particles:
        first -= 1
    group = all(w.not_people.get(t.text) == "group" for t in tokens)
    person: bool | None = False if group else (True if titled or len(tokens) > 1 else None)
    label = " ".join(t.text for t in tokens[first:])
    return Speaker(label, tokens[last].bare, "name", start, end, gender, person)


def _cut_parentheses(tokens: list[Tok]) -> list[Tok]:
    out, depth = [], 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


_TIME_WORDS = frozenset(
    "last next this early earlier late later spring summer autumn fall winter week month year".split()
)


def _is_time(t: Tok) -> bool:
    """A word of a time phrase before a subject ("Last spring", "On Tuesday")."""
    return (
        t.low in _TIME_WORDS or words().not_people.get(t.text) == "time" or t.low in ("on", "in") or t.text[0].isdigit()
    )


def _skippable_opener(t: Tok) -> bool:
    """A word such as "But" or "Meanwhile" before a subject (not a determiner, pronoun or title)."""
    w = words()
    return t.low in w.openers and t.low not in DETERMINERS and t.low not in w.pronouns and t.text not in w.titles


def parse_segment(tokens: list[Tok]) -> Speaker | None:
    """A speaker from the tokens of one phrase ("a spokesman for the team", "Coach Dana Mills", "she")."""
    w = words()
    tokens = _cut_parentheses(tokens)
    i, j = 0, len(tokens)
    while i < j and (tokens[i].kind != "w" or _skippable_opener(tokens[i])):
        i += 1
    while j > i and tokens[j - 1].kind != "w":
        j -= 1
    tokens = tokens[i:j]
    if not tokens or len(tokens) > 14 or tokens[0].low in PREPOSITIONS:
        return None
    if len(tokens) == 1 and tokens[0].low in w.pronouns:
        t = tokens[0]
        return Speaker(t.text, t.text, "pronoun", t.start, t.end, w.pronouns[t.low])
    for i, t in enumerate(tokens):
        if i and t.low in RELATIVES:
            tokens = tokens[:i]
            break
    head = tokens
    for i, t in enumerate(tokens):
        if i and t.low in PREPOSITIONS and not all(x.low in w.title_words for x in tokens[:i]):
            head = tokens[:i]
            while len(head) > 1 and head[-1].low in ADJECTIVES_BEFORE_PREPOSITION:
                head = head[:-1]
            break
    later = [i for i, t in enumerate(head) if i and t.low in DETERMINERS and t.low != "one"]
    if later and all(_is_time(t) for t in head[: later[-1]]):
        tokens, head = tokens[later[-1] :], head[later[-1] :]  # "Last spring the report said"
    elif later:
        return None  # "Pike criticized the ruling": a clause, not a noun phrase
    last = head[-1]
    if len(head) == 1 and last.cap and last.low in w.person_nouns:
        return Speaker(" ".join(t.text for t in tokens), last.bare, "noun", tokens[0].start, tokens[-1].end)
    if last.kind != "w" or any(t.kind != "w" for t in head if t.text not in ("’", "'", "-", "&", ".")):
        return None
    if is_name_token(last) and last.text[0].isupper():
        first = len(head) - 1
        while first > 0 and is_name_token(head[first - 1]) and not head[first - 1].possessive:
            first -= 1
        name = clean_name(head[first:])
        if name is None and head[0].low in DETERMINERS and words().not_people.get(last.text) == "group":
            label = " ".join(t.text for t in tokens)  # "the Wisconsin Republican": a person described
            return Speaker(label, last.bare, "noun", tokens[0].start, tokens[-1].end)
        return name
    if last.low in w.pronouns or last.low in NOT_HEADS or last.low in DETERMINERS:
        return None
    if not last.text[0].isalpha() and not any(ch.isalpha() for ch in last.text):
        return None
    determined = head[0].low in DETERMINERS or head[0].text[0].isdigit()
    for i, t in enumerate(head):
        noun = i and (head[i - 1].low in NOUN_BEFORE or head[i - 1].possessive or (t is last and determined))
        if t.low in verb_forms() and not noun:
            return None  # "Carter said in his opening": a clause, not a noun phrase ("the report" is one)
    modified = any(t.low in DETERMINERS or t.cap or t.possessive or t.text[0].isdigit() for t in head[:-1])
    if not modified and last.low not in w.person_nouns:
        return None
    label = " ".join(t.text for t in tokens).replace(" ’", "’").replace(" '", "'")
    return Speaker(label, last.bare, "noun", tokens[0].start, tokens[-1].end, w.person_nouns.get(last.low, ""))


def _split_commas(tokens: list[Tok]) -> list[list[Tok]]:
    segments, current, depth = [], [], 0
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")" and depth > 0)
        if t.text in (",", "—", "–") and not depth:
            segments.append(current)
            current = []
        else:
            current.append(t)
    segments.append(current)
    return [s for s in segments if s]


def parse_apposition(tokens: list[Tok]) -> Speaker | None:
    """A speaker from "X, the director of Y," or "one resident, Lila Moreno": a name wins over a noun phrase."""
    parsed = [parse_segment(s) for s in _split_commas(tokens)[:4]]
    names = [p for p in parsed if p and p.how == "name"]
    if parsed and parsed[0] and parsed[0].how == "pronoun":
        return parsed[0]
    if names:
        return names[0]
    return parsed[0] if parsed and parsed[0] and parsed[0].how == "noun" else None


def region_before(toks: list[Tok], v: int) -> tuple[int, int, str]:
    """The tokens [lo, hi) that can hold the subject of the verb at ``v``, and what stops them on the left:
    "start", "q" (a quotation), "and" (a coordinating word), a boundary word or mark."""
    w = words()
    hi = v
    while hi > 0 and toks[hi - 1].kind == "w" and toks[hi - 1].sentence == toks[v].sentence:
        t = toks[hi - 1]
        adverb = t.low.endswith("ly") and len(t.low) > 3 and not t.cap
        if adverb and hi > 1 and (toks[hi - 2].low in DETERMINERS or toks[hi - 2].possessive):
            break  # "the daily", "his early": an adjective or a noun, not an adverb
        if t.low in w.between or adverb or t.low in ("not", "n’t"):
            hi -= 1
        else:
            break
    if hi > 0 and toks[hi - 1].text == ")":  # "Lisa M. Madigan (D) asserted": step over "(D)"
        k = hi - 1
        while k > max(0, hi - 12) and toks[k].text != "(":
            k -= 1
        hi = k if toks[k].text == "(" else hi
    appositive = hi > 0 and toks[hi - 1].text in (",", "—", "–")
    lo = hi
    commas = 0
    while lo > 0 and hi - lo < WINDOW:
        t = toks[lo - 1]
        if t.sentence != toks[v].sentence:
            return lo, hi, "start"
        if t.kind == "q":
            return lo, hi, "q"
        if t.kind == "w" and t.low in BOUNDARY_WORDS and not (appositive and commas and t.low in ("and", "or")):
            return lo, hi, t.low
        if t.text in (",", "—", "–"):
            if not appositive or commas >= 5:
                return lo, hi, ","
            commas += 1
        elif t.kind == "p" and t.text in BOUNDARY_MARKS and not (appositive and t.text in "()"):
            return lo, hi, t.text
        lo -= 1
    return lo, hi, "start" if lo == 0 else "far"


def speaker_in(toks: list[Tok], lo: int, hi: int) -> Speaker | None:
    """The speaker in the region toks[lo:hi] before a verb (see ``region_before``)."""
    if lo == hi:
        return None
    last = toks[hi - 1]
    pronouns = words().pronouns
    if last.kind == "w" and last.low in pronouns:  # "at the town hall this week she said"
        return Speaker(last.text, last.text, "pronoun", last.start, last.end, pronouns[last.low])
    if hi - lo >= WINDOW:
        return None
    region = toks[lo:hi]
    if region[-1].text in (",", "—", "–"):
        return parse_apposition(region)
    return parse_segment(region)


def speaker_after(toks: list[Tok], i: int) -> Speaker | None:
    """The speaker right after an inverted verb ("…,” said Coach Bill Haney after the game.")."""
    if i >= len(toks):
        return None
    sentence = toks[i].sentence if i < len(toks) else -1
    j = i
    while j < len(toks) and j - i < 14 and toks[j].sentence == sentence and toks[j].kind == "w":
        if j > i and toks[j].low in BOUNDARY_WORDS:  # "said Dan Golvach when asked"
            break
        j += 1
    sp = parse_segment(toks[i:j])
    if sp and sp.how == "noun" and j + 1 < len(toks) and toks[j].text == ",":
        k = j + 1
        while k < len(toks) and k - j < 6 and toks[k].kind == "w" and is_name_token(toks[k]):
            k += 1
        ends = k >= len(toks) or toks[k].kind != "w" or toks[k].sentence != sentence
        if k > j + 1 and ends:
            name = clean_name(toks[j + 1 : k])
            if name and name.person:
                return name
    return sp


def clause_subject(toks: list[Tok], lo: int, hi: int) -> Speaker | None:
    """The subject at the start of a clause toks[lo:hi]: a pronoun, or a name or noun phrase followed by a
    lower-case word (its verb). Used for colons, participles and quotations with no frame of their own."""
    w = words()
    i = lo
    while i < hi and i - lo < 4 and toks[i].kind == "w" and _skippable_opener(toks[i]):
        i += 1
    if i < hi and toks[i].kind == "p" and toks[i].text == ",":
        i += 1
    if i >= hi or toks[i].kind != "w":
        return None
    t = toks[i]
    if t.low in w.pronouns:
        return Speaker(t.text, t.text, "pronoun", t.start, t.end, w.pronouns[t.low])
    j = i
    while j < hi and j - i < 8 and toks[j].kind == "w" and toks[j].low not in BOUNDARY_WORDS:
        if not (is_name_token(toks[j]) or toks[j].low in DETERMINERS or toks[j].possessive):
            if toks[j].low in w.person_nouns or w.not_people.get(toks[j].text) == "organisation":
                j += 1
            break
        j += 1
    if j == i or j >= hi or toks[j].kind != "w" or toks[j].cap:
        return None
    return parse_segment(toks[i:j])


def first_named(toks: list[Tok], lo: int, hi: int) -> Speaker | None:
    """The first pronoun, or the first name that is not a possessive, a group, a place or a time, in
    toks[lo:hi]: the speaker of a colon with no reporting verb ("In a letter, Gloria Stein, who chairs
    the association, put it well: “…”")."""
    w = words()
    i = lo
    while i < hi:
        t = toks[i]
        if t.kind == "w" and t.low in w.pronouns and w.pronouns[t.low] in ("m", "f"):
            return Speaker(t.text, t.text, "pronoun", t.start, t.end, w.pronouns[t.low])
        if t.kind == "w" and is_name_token(t) and t.text[0].isupper():
            j = i + 1
            while j < hi and toks[j].kind == "w" and is_name_token(toks[j]) and not toks[j - 1].possessive:
                j += 1
            sp = None if toks[j - 1].possessive else clean_name(toks[i:j])
            if sp and not (sp.person is False and w.not_people.get(toks[j - 1].text) in ("group", "place")):
                return sp
            i = j
            continue
        i += 1
    return None
