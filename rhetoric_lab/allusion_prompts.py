"""References to look up: names, years and dates that the allusion gazetteer does not know.

They are prompts for research, never findings. A prompt is worth a student's time only if it
names something outside the text, so these are left out:

* anything the gazetteer already explains (it is an allusion, with its years);
* capitalised words that are capitals only because a sentence or a headline starts there
  ("Officials said", "Under the plan", "HAWKS FALL AT HOME");
* abbreviation fragments ("Pa.", "Gen.", "No." before a number) and well-known countries, U.S.
  states and cities (``data/allusion_well_known.txt``): nothing to research there;
* the text's own speakers, as the quotes finder finds them (:func:`rhetoric_lab.quotes.find_quotations`
  and :func:`rhetoric_lab.quotes.find_reporting_verbs`), and the reporter of a byline ("By Jordan
  Reyes"): the text itself says who they are.

Everything is worked out in one pass over the text: the characters already taken are marked in a
byte map, so checking a candidate costs its own length, not the number of candidates so far.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from .allusion_gazetteer import _region_after, _spans
from .data import read_list
from .quotes import find_quotations, find_reporting_verbs
from .text import as_article, per_article
from .wordforms import NAME_PARTICLES, straight

#: Columns of the table that :func:`find_references_to_look_up` returns.
PROMPT_COLUMNS = ["start", "end", "text", "reason", "sentence", "paragraph"]

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

# Small words a name may run on through: "Charles de Gaulle", "Battle of the Bulge" ("the" only after "of").
_CONNECTORS = NAME_PARTICLES | {"of"}
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
# A byline: "By Jordan Reyes", "By Jordan Reyes and Sam Ode, Staff Writers".
_BYLINE = re.compile(r"\s*(?:By|BY)\s+[A-Z]")
# A short word ending in a full stop, such as "Pa." or "Gen.", but not initials such as "U.N.".
_FRAGMENT = re.compile(r"[A-Za-z]{1,5}\.")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")
# "Main Street", "Yorktown Heights", "Appomattox County": an address or a town, nothing to research.
_ADDRESS = re.compile(
    r"\S+ (?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Drive|Boulevard|Way|Square|Heights|Township|County|College)"
)
# "Route 7", "Gate 3": a label with a number.
_NUMBER_AFTER = re.compile(r"\s+\d")


@cache
def _plain_words() -> frozenset[str]:
    """Words whose capital at the start of a sentence says nothing ("The", "Under", "Officials")."""
    return frozenset(read_list("allusion_not_names.txt")) | {w.capitalize() for w in read_list("stopwords.txt")}


@cache
def _place_words() -> frozenset[str]:
    return frozenset(read_list("allusion_place_words.txt"))


@cache
def _well_known() -> frozenset[str]:
    return frozenset(read_list("allusion_well_known.txt"))


def _is_clitic_token(word: str) -> bool:
    """A possessive "’s" or a lone apostrophe: it never belongs to a name run."""
    return straight(word) in ("'s", "'")


def _is_capitalised(word: str) -> bool:
    word = word.lstrip("'’\"“‘")
    return bool(word) and word[0].isupper()


def _plain_opener(tokens, i: int, lower: set[str]) -> bool:
    """True when the capital of a sentence's first word says nothing: a common word ("Under",
    "The"), a word the text also writes in lower case ("Board chair ..." beside "the board"), a
    word in -ing/-ed/-ly, or a word not followed by another capitalised one."""
    word = tokens[i].text
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is not None and following.text in _place_words():
        return False  # "Pershing Square", "Waterloo Station": a place's name, whatever its ending
    if word in _plain_words() or word.lower() in lower or re.search(r"(?:ing|ed|ly)$", word):
        return True
    return not (
        following
        and following.is_word
        and following.sentence == tokens[i].sentence
        and _is_capitalised(following.text)
        and not following.text.isupper()
    )


def _headline_paragraphs(article) -> set[int]:
    """Paragraphs that are headlines or bylines: short, no closing full stop, mostly capitals."""
    heads = set()
    for para in article.paragraphs:
        words = [w for w in para.text.split() if any(ch.isalpha() for ch in w)]
        if not words or len(words) > 20 or _SENTENCE_END.search(para.text):
            continue
        capitals = sum(1 for w in words if _is_capitalised(w))
        if capitals / len(words) >= 0.6 or _BYLINE.match(para.text):
            heads.add(para.index)
    return heads


def _name_runs(article, skip_paragraphs: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words (with 'of', 'de' ... inside), not counting sentence openers."""
    tokens = article.tokens
    openers: set[int] = set()  # indexes of words that open a sentence (or a quotation)
    elsewhere: set[str] = set()  # capitalised words seen in the middle of a sentence
    lower = {tok.text for tok in tokens if tok.is_word and tok.text[:1].islower()}
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
        while current and tokens[current[-1]].text.lower() in _CONNECTORS | {"the"}:
            current.pop()
        if current:
            runs.append((tokens[current[0]].start, tokens[current[-1]].end))
        current.clear()

    for i, tok in enumerate(tokens):
        word = tok.text
        if tok.paragraph in skip_paragraphs:
            close()
            continue
        if not tok.is_word or _is_clitic_token(word) or (current and tokens[current[-1]].sentence != tok.sentence):
            close()
            if not tok.is_word or _is_clitic_token(word):
                continue
        capital = _is_capitalised(word) and word not in stop and not word.isdigit()
        if (
            capital
            and i in openers
            and (word not in elsewhere or word.lower() in lower)
            and _plain_opener(tokens, i, lower)
        ):
            close()  # "Targeting", "The": capitals only because a sentence starts here
            continue
        after_of = current and tokens[current[-1]].text.lower() == "of"
        if capital:
            current.append(i)
        elif (
            current
            and tokens[i - 1].end + 1 >= tok.start
            and (word.lower() in _CONNECTORS or (word.lower() == "the" and after_of))
        ):
            current.append(i)
        else:
            close()
    close()
    return runs


def _own_people(article, heads: set[int]) -> set[str]:
    """Surnames of the text's speakers (from the quotes finder) and of its byline's reporters."""
    names = set(find_quotations(article)["speaker"].dropna()) | set(find_reporting_verbs(article)["speaker"].dropna())
    for para in article.paragraphs:
        if para.index in heads and _BYLINE.match(para.text):
            names.update(re.split(r"\s+(?:and|&)\s+|,", para.text.strip()[3:]))
    surnames = set()
    for name in names:
        words = [w for w in re.findall(r"[\w'’.-]+", name) if _is_capitalised(w)]
        if words:
            surnames.add(re.sub(r"['’]s?$", "", words[-1]))
    return surnames


class _Taken:
    """Characters already claimed by an allusion or a prompt: checking a span costs its length."""

    def __init__(self, size: int):
        self.map = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self.map.find(1, start, end) == -1

    def take(self, start: int, end: int) -> None:
        self.map[start:end] = b"\x01" * (end - start)


def _is_junk(piece: str, after: str, own: set[str]) -> bool:
    """A name run not worth looking up: a fragment, a well-known place, an address or a town named
    with its state ("Waterloo, Iowa"), a label with a number ("Route 7"), one of the text's people."""
    words = piece.split()
    if len(words) == 1 and (_FRAGMENT.fullmatch(piece) or _NUMBER_AFTER.match(after)):
        return True  # "Pa.", "Gen.", "No.", "Route 7"
    if piece in _well_known() or _region_after().fullmatch(", " + piece) or _region_after().match(after):
        return True  # "France", "N.Y.", "Jamestown, N.Y."
    if len(words) == 2 and _ADDRESS.fullmatch(piece):
        return True
    last = words[-1].rstrip(".")
    return last in own


#: The longest end of a name (in words) that counts as a later surname: "Le Drian" is two, and a run of
#: capitals longer than this is a headline, not a name (and its every end would cost time squared).
_SURNAME_WORDS = 6


def _later_surnames(names) -> set[str]:
    """Shorter names that repeat the end of a longer name met before ("Ruth Abernathy" ... "Abernathy",
    "Jean-Yves Le Drian" ... "Le Drian").

    >>> sorted(_later_surnames(["Ruth Abernathy", "Abernathy", "Jean-Yves Le Drian", "Le Drian", "Drian Le"]))
    ['Abernathy', 'Le Drian']
    """
    seen, repeats = set(), set()
    for name in names:
        words = name.split()
        if name in seen:
            repeats.add(name)
        seen.update(" ".join(words[i:]) for i in range(max(1, len(words) - _SURNAME_WORDS), len(words)))
    return repeats


@per_article
def find_references_to_look_up(article_or_text, first_only: bool = False):
    """Names, years and dates that the gazetteer does not know: prompts for research, not findings.

    Heuristics (no tagger, no downloaded data): a run of capitalised words, with "of", "de" and the
    like allowed inside ("Battle of the Bulge"); a capitalised word that opens a sentence counts
    only if it also appears capitalised elsewhere; month and day names alone are left out; years
    1000–2099 (and "44 BCE", "AD 79", "the 1960s"); dates with a month ("4 July", "July 4, 1917",
    "November's"). Left out: what the gazetteer explains, headlines and bylines, abbreviation
    fragments ("Pa."), well-known countries and cities, and the text's own speakers and reporters.
    Expect some noise: check each prompt.

    Columns: ``start``, ``end``, ``text``, ``reason``, ``sentence``, ``paragraph``.
    With ``first_only=True`` only the first mention of each name is kept.

    >>> refs = find_references_to_look_up("In 1917 Colonel Charles Stanton spoke at Picpus Cemetery in Paris.")
    >>> refs["text"].tolist()
    ['1917', 'Colonel Charles Stanton', 'Picpus Cemetery']
    """
    article = as_article(article_or_text)
    text = article.text
    taken = _Taken(len(text))
    spans = _spans(text)
    years_told: set[tuple[int, int]] = set()  # (sentence, year) an allusion of that sentence explains
    for s, e, entry in spans:
        taken.take(s, e)
        if entry.end_year - entry.start_year <= 10:
            years_told.update((article.sentence_at(s), y) for y in range(entry.start_year, entry.end_year + 1))
    heads = _headline_paragraphs(article)
    items = []
    for m in _DATE.finditer(text):
        if taken.free(m.start(), m.end()):
            has_year = re.search(r"\d{4}", m.group()) is not None
            reason = "a date: what happened then?" if has_year else "a date without a year: which year, and what event?"
            items.append((m.start(), m.end(), reason))
            taken.take(m.start(), m.end())
    for m in _YEAR.finditer(text):
        if m.group().isdigit() and (article.sentence_at(m.start()), int(m.group())) in years_told:
            continue  # "a 1969 newspaper announcing the moon landing": the allusion already gives the year
        if taken.free(m.start(), m.end()):
            decade = m.group().endswith("s") and m.group()[:-1].isdigit()
            reason = "a decade: what was happening then?" if decade else "a year: what happened then?"
            items.append((m.start(), m.end(), reason))
            taken.take(m.start(), m.end())
    own = _own_people(article, heads)
    for start, end in _name_runs(article, heads):
        piece = text[start:end]
        if not taken.free(start, end) or _is_junk(piece, text[end : end + 40], own):
            continue
        letters = piece.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) > 1:
            reason = "an abbreviation: what does it stand for?"
        else:
            reason = "a proper name the gazetteer does not know: who or what is it?"
        items.append((start, end, reason))
        taken.take(start, end)
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
        table = table[~table["text"].isin(_later_surnames(table["text"]))]
        table = table.drop_duplicates("text").reset_index(drop=True)
    return table.astype({"start": int, "end": int, "sentence": int, "paragraph": int})


__all__ = ["PROMPT_COLUMNS", "find_references_to_look_up"]
