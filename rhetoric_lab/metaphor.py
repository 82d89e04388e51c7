"""Metaphor candidates: words and phrases borrowed from a familiar source domain (disease, hunting, journeys...).

The finder looks words up in two data files: ``data/metaphor_domains.csv`` (each source
domain with a one-line description) and ``data/metaphor_lexicon.csv`` (single words and
multi-word expressions, each with its domain and its basic, physical meaning).

* Words are compared by their Snowball stem, after British spellings are turned into
  American ones (``data/spelling_variants.csv``): "spreads", "spreading" and "spread"
  all match, and so do "tumour" and "tumor".
* A multi-word expression wins over the single words inside it ("build momentum" is
  one candidate, not "build" plus "momentum"). A phrase never runs across punctuation.
* Context rules in the lexicon keep literal uses out ("attack" after "terror").

It flags *candidates*. Whether a candidate is a metaphor in its sentence is for a
person to decide: compare its basic meaning with its meaning here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from .data import load_key, read_table
from .display.common import markdown_cell as _cell
from .errors import AnswerFormatError, RhetoricLabError
from .feedback import Feedback, as_answer_list, matches
from .text import as_article

#: Columns of the table that :func:`find_metaphors` returns.
COLUMNS = ["start", "end", "text", "domain", "entry", "basic_meaning", "sentence", "paragraph"]
#: How many words a "*" in a lexicon entry may stand for.
MAX_GAP = 3
#: The answer key for the seed article: ``seeds/keys/metaphors.json``.
KEY_TOPIC = "metaphors"

_CLITIC = re.compile(r"(?:'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
_PART = re.compile(r"[^\s\-‐‑–—]+")
# Text between two words that does not break a phrase: spaces and quotation marks only.
_JOINING = re.compile(r"[\s\"'“”‘’]*")


class UnknownDomainError(RhetoricLabError):
    """A domain name that is not in ``metaphor_domains.csv``."""


# ---------------------------------------------------------------- word forms


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@cache
def _spellings() -> dict[str, str]:
    return {row["british"]: row["american"] for row in read_table("spelling_variants.csv")}


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The form a word is matched by: lower case, American spelling, Snowball stem.

    Greek nouns in "-sis" are stemmed like their plurals in "-ses".

    >>> stem("Tumours"), stem("spreading"), stem("metastasis") == stem("metastases")
    ('tumor', 'spread', True)
    """
    w = word.lower().replace("’", "'")
    w = _CLITIC.sub("", w)
    w = _spellings().get(w, w)
    if len(w) > 5 and w.endswith("sis"):
        w = w[:-3] + "ses"
    return _stemmer().stem(w)


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """Stems of each word of a phrase; hyphens split words, and "*" stays a gap.

    >>> phrase_stems("stepped-up pressure")
    ('step', 'up', 'pressur')
    """
    return tuple(p if p == "*" else stem(p) for p in _PART.findall(phrase))


# ---------------------------------------------------------------- data files


def domains():
    """The source domains and their one-line descriptions, as a DataFrame (``domain``, ``description``).

    >>> "disease and medicine" in set(domains()["domain"])
    True
    """
    import pandas as pd

    return pd.DataFrame(list(read_table("metaphor_domains.csv")), columns=["domain", "description"])


@cache
def domain_descriptions() -> dict[str, str]:
    """Each domain's description, by domain name."""
    return {row["domain"]: row["description"] for row in read_table("metaphor_domains.csv")}


def lexicon(domain: str | None = None):
    """The lexicon as a DataFrame: ``entry``, ``domain``, ``basic_meaning``, ``literal_before``, ``literal_after``.

    >>> "scalpel" in set(lexicon("surgery")["entry"])
    True
    """
    import pandas as pd

    rows = pd.DataFrame(list(read_table("metaphor_lexicon.csv")))
    if domain is not None:
        _check_domains([domain])
        rows = rows[rows["domain"] == domain].reset_index(drop=True)
    return rows


def _check_domains(names) -> None:
    known = domain_descriptions()
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UnknownDomainError(
            f"There is no domain called {', '.join(repr(u) for u in unknown)}. Choose from: {', '.join(sorted(known))}."
        )


@dataclass(frozen=True)
class _Pattern:
    stems: tuple[str, ...]
    entry: str
    domain: str
    basic_meaning: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]


def _alternatives(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(s for s in (phrase_stems(a) for a in cell.split("|")) if s)


@cache
def _patterns() -> dict[str, tuple[_Pattern, ...]]:
    """Lexicon patterns, indexed by the stem of their first word."""
    index: dict[str, list[_Pattern]] = {}
    for row in read_table("metaphor_lexicon.csv"):
        before, after = _alternatives(row["literal_before"]), _alternatives(row["literal_after"])
        for stems in dict.fromkeys(_alternatives(row["entry"])):
            pattern = _Pattern(stems, row["entry"].split("|")[0], row["domain"], row["basic_meaning"], before, after)
            index.setdefault(stems[0], []).append(pattern)
    return {k: tuple(v) for k, v in index.items()}


# ---------------------------------------------------------------- matching


class _Piece(NamedTuple):
    start: int
    end: int
    stem: str
    joined: bool  # True when nothing but spaces or quotation marks separates it from the piece before
    name: bool = False  # capitalised but not the first word of its sentence: probably a name ("Marshall Plan")


@lru_cache(maxsize=50_000)
def _parts(word: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, stem) of each part of one word split at hyphens, its clitic ("’s") left out.

    Offsets count from the start of the word. Words repeat, so the answers are kept.
    """
    core = _CLITIC.sub("", word.replace("’", "'"))
    return tuple((part.start(), part.end(), stem(part.group())) for part in _PART.finditer(word[: len(core)]))


def _pieces(article) -> list[_Piece]:
    """Words split at hyphens, with clitics ("’s") left out of the offsets."""
    pieces: list[_Piece] = []
    previous = None
    for word in article.words:
        for n, (part_start, part_end, part_stem) in enumerate(_parts(word.text)):
            start, end = word.start + part_start, word.start + part_end
            if n:
                joined = True
            else:
                gap = article.text[previous.end : word.start] if previous else "."
                joined = bool(previous) and previous.sentence == word.sentence and _JOINING.fullmatch(gap) is not None
            name = n == 0 and word.text[:1].isupper() and bool(previous) and previous.sentence == word.sentence
            pieces.append(_Piece(start, end, part_stem, joined, name))
        previous = word
    return pieces


def _match(pieces: list[_Piece], i: int, stems: tuple[str, ...]) -> int | None:
    """Index just after a match of ``stems`` that starts at piece ``i``, or None."""

    def go(p: int, s: int) -> int | None:
        if s == len(stems):
            return p
        if p >= len(pieces) or (s and not pieces[p].joined):
            return None
        if stems[s] == "*":
            for skip in range(MAX_GAP + 1):
                if skip and (p + skip - 1 >= len(pieces) or not pieces[p + skip - 1].joined):
                    break
                end = go(p + skip, s + 1)
                if end is not None:
                    return end
            return None
        return go(p + 1, s + 1) if pieces[p].stem == stems[s] else None

    return go(i, 0)


def _context_is_literal(pieces: list[_Piece], i: int, end: int, pattern: _Pattern) -> bool:
    for words in pattern.before:
        n = len(words)
        if i - n >= 0 and all(pieces[k].joined for k in range(i - n + 1, i + 1)):
            if tuple(p.stem for p in pieces[i - n : i]) == words:
                return True
    for words in pattern.after:
        n = len(words)
        if end + n <= len(pieces) and all(pieces[k].joined for k in range(end, end + n)):
            if tuple(p.stem for p in pieces[end : end + n]) == words:
                return True
    return False


def find_metaphors(article_or_text, domains=None):
    """Metaphor candidates, one row each: ``start``, ``end``, ``text``, ``domain``, ``entry``,
    ``basic_meaning``, ``sentence``, ``paragraph`` (offsets into ``article.text``; indexes count from 0).

    ``domains``: a list of domain names to keep only those (see :func:`domains`).

    >>> find_metaphors("Rivals stepped up the pressure on the ailing firm.")[["text", "domain"]].values.tolist()
    [['stepped up', 'up and down'], ['pressure', 'force and motion'], ['ailing', 'disease and medicine']]
    """
    import pandas as pd

    article = as_article(article_or_text)
    if domains is not None:
        if isinstance(domains, str):
            domains = [domains]
        _check_domains(domains)
    pieces, index, found = _pieces(article), _patterns(), []
    for i, piece in enumerate(pieces):
        if piece.name:  # "Marshall" in "the Marshall Plan" is a name, not the verb "marshal"
            continue
        for pattern in index.get(piece.stem, ()):
            end = _match(pieces, i, pattern.stems)
            if end is not None and not _context_is_literal(pieces, i, end, pattern):
                found.append((i, end, pattern))
    # Longer expressions first, so that "build momentum" wins over "build" and "momentum".
    found.sort(key=lambda m: (-len(m[2].stems), -(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    rows = []
    for i, end, pattern in found:
        if taken.intersection(range(i, end)):
            continue
        taken.update(range(i, end))
        start, stop = pieces[i].start, pieces[end - 1].end
        if domains is not None and pattern.domain not in domains:
            continue
        rows.append(
            {
                "start": start,
                "end": stop,
                "text": article.text[start:stop],
                "domain": pattern.domain,
                "entry": pattern.entry,
                "basic_meaning": pattern.basic_meaning,
                "sentence": article.sentence_at(start),
                "paragraph": article.paragraph_at(start),
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values("start", kind="stable").reset_index(drop=True).astype({"start": int, "end": int})


def analyze_section(article) -> list[dict]:
    """The candidates as JSON-ready data for ``rhetoric-lab analyze``: ``start``, ``end``, ``text``, ``domain``.

    >>> analyze_section("A cancer that spreads.")[0]
    {'start': 2, 'end': 8, 'text': 'cancer', 'domain': 'disease and medicine'}
    """
    found = find_metaphors(article)
    return [
        {"start": int(r.start), "end": int(r.end), "text": r.text, "domain": r.domain}
        for r in found.itertuples(index=False)
    ]


# ---------------------------------------------------------------- the answer key


def answer_key():
    """The answer key for the seed article as a DataFrame, one row per expression.

    Columns: ``text``, ``start``, ``end``, ``domain``, ``metaphor`` (False = the key reads it
    literally), ``borderline``, ``group``, ``why``.

    >>> key = answer_key()
    >>> bool(key["metaphor"].any())
    True
    """
    import pandas as pd

    columns = ["text", "start", "end", "domain", "metaphor", "borderline", "group", "why"]
    return pd.DataFrame([{c: e.get(c) for c in columns} for e in load_key(KEY_TOPIC)["entries"]], columns=columns)


def _key_article():
    from .text import load_article

    return load_article(load_key(KEY_TOPIC)["article"].removesuffix(".txt"))


def compare_with_key(found=None):
    """For each key entry: did the finder flag it, and with which domain?

    Adds ``found_by_tool`` (True/False) and ``tool_domain`` to :func:`answer_key`.

    >>> table = compare_with_key()
    >>> bool(table.loc[table["text"] == "metastasis", "found_by_tool"].item())
    True
    """
    key = answer_key()
    found = find_metaphors(_key_article()) if found is None else found
    spans = list(zip(found["start"], found["end"], found["domain"], strict=True))
    hits, tool_domains = [], []
    for start, end in zip(key["start"], key["end"], strict=True):
        overlapping = [d for s, e, d in spans if s < end and e > start]
        hits.append(bool(overlapping))
        tool_domains.append(", ".join(dict.fromkeys(overlapping)))
    return key.assign(found_by_tool=hits, tool_domain=tool_domains)


def _same(answer: str, key_text: str) -> bool:
    """Answers match key phrases by their words or by their stems ("stepping up" ~ "step up")."""
    if matches(answer, key_text):
        return True
    a, k = " ".join(phrase_stems(answer)), " ".join(phrase_stems(key_text))
    return bool(a) and matches(a, k)


def _key_matches(answer: str, entry: dict) -> bool:
    return any(_same(answer, t) for t in [entry["text"], *entry.get("accept", [])])


def _paragraph_word(index: int) -> str:
    return f"paragraph ¶{index}"


def check_metaphors(answers, show_answers: bool = False) -> Feedback:
    """Compare the metaphors you found in the seed article with the answer key.

    Write them as a list of phrases. Case, "the"/"a" and British spelling do not matter.

    >>> print(check_metaphors(["the parent tumour", "Metastasis"]).lines[0][0])
    found
    """
    answers = as_answer_list(answers, "the metaphors you found")
    key = load_key(KEY_TOPIC)
    entries = key["entries"]
    metaphors = [e for e in entries if e["metaphor"]]
    article = _key_article()
    candidates = find_metaphors(article)
    feedback = Feedback(f"Metaphors in {key['article']}: your list and the key")
    if not answers:
        feedback.add("hint", 'Your list is empty. Write the phrases you found, e.g. answers = ["safe haven"].')
    found_ids: set[int] = set()
    for answer in answers:
        hits = [i for i, e in enumerate(metaphors) if _key_matches(answer, e)]
        literal = [e for e in entries if not e["metaphor"] and _key_matches(answer, e)]
        if hits:
            new = [i for i in hits if i not in found_ids]
            found_ids.update(hits)
            entry = metaphors[hits[0]]
            note = " (a borderline case: say why you count it)" if entry["borderline"] else ""
            again = "" if new else " (already counted)"
            feedback.add("found", f"{answer!r}: {entry['domain']}{note}{again}. {entry['why']}")
        elif literal:
            feedback.add(
                "not in key",
                f"{answer!r}: the key reads this as literal here. {literal[0]['why']} "
                "If you can name a basic meaning that contrasts with this one, keep it and say why.",
            )
        else:
            flagged = [r for r in candidates.itertuples() if _same(answer, r.text)]
            if flagged:
                feedback.add(
                    "not in key",
                    f"{answer!r}: the key does not list it, but the tool flags it as a candidate from "
                    f"{flagged[0].domain}. That does not make it wrong: write its basic meaning "
                    f"({flagged[0].basic_meaning}) and its meaning here; if they contrast, it is a metaphor.",
                )
            elif not _occurs(answer, article.text):
                feedback.add(
                    "note",
                    f"{answer!r}: I cannot find these words in the article. Check the spelling, or copy the "
                    "phrase from the text.",
                )
            else:
                feedback.add(
                    "not in key",
                    f"{answer!r}: the key does not list it. That does not make it wrong: what is its basic "
                    "meaning, and does the meaning here contrast with it? If so, it is a metaphor.",
                )
    missed = [e for i, e in enumerate(metaphors) if i not in found_ids]
    if missed:
        borderline = sum(e["borderline"] for e in missed)
        feedback.add(
            "missed",
            f"The key has {len(missed)} more metaphor(s) you have not listed yet ({borderline} of them borderline).",
        )
        first = min(missed, key=lambda e: (e["group"] != "disease cluster", e["borderline"], e["start"]))
        where = _paragraph_word(article.paragraph_at(first["start"]))
        description = domain_descriptions()[first["domain"]].split(":")[0].lower()
        feedback.add("hint", f"Read {where} again. At least one expression there borrows from {description}.")
        if show_answers:
            for e in missed:
                flag = " [borderline]" if e["borderline"] else ""
                feedback.add("answer", f"{e['text']!r} ({e['domain']}){flag}: {e['why']}")
        else:
            feedback.add("note", "To see the ones you have not found, run again with show_answers=True.")
    else:
        feedback.add(
            "hint",
            "You found every metaphor in the key. Now choose two: what does each one highlight, and what does it hide?",
        )
    return feedback


def _occurs(answer: str, text: str) -> bool:
    """True when the words of ``answer`` (by stem) appear in ``text`` in that order, side by side."""

    def words(s: str) -> str:
        return " ".join(stem(w) for w in re.findall(r"\w+", s.replace("’", "'")))

    wanted = words(answer)
    return bool(wanted) and f" {wanted} " in f" {words(text)} "


# ---------------------------------------------------------------- the worksheet

_VERDICTS = {
    "metaphor": True,
    "metaphorical": True,
    "yes": True,
    "m": True,
    "literal": False,
    "no": False,
    "l": False,
}


def worksheet():
    """The words of the MIPVU-style worksheet, with the sentence each one is in.

    Columns: ``word``, ``text`` (the words around it), ``sentence``.

    >>> list(worksheet()["word"])[:2]
    ['spread', 'haven']
    """
    import pandas as pd

    article = _key_article()
    rows = [
        {"word": w["word"], "text": w["text"], "sentence": article.sentences[article.sentence_at(w["start"])].text}
        for w in load_key(KEY_TOPIC)["worksheet"]
    ]
    return pd.DataFrame(rows, columns=["word", "text", "sentence"])


def _verdict(value, word: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _VERDICTS:
        return _VERDICTS[value.strip().lower()]
    raise AnswerFormatError(f'For {word!r} write "metaphor" or "literal" (in quotation marks), not {value!r}.')


def check_worksheet(verdicts, show_answers: bool = False) -> Feedback:
    """Check your worksheet verdicts: a dict from each word to "metaphor" or "literal".

    >>> fb = check_worksheet({"spread": "metaphor"})
    >>> fb.kinds()[0]
    'found'
    """
    if not isinstance(verdicts, dict):
        raise AnswerFormatError(
            'Write your verdicts as a dictionary, for example: verdicts = {"spread": "metaphor", "haven": "literal"}.'
        )
    items = load_key(KEY_TOPIC)["worksheet"]
    by_word = {w["word"]: w for w in items}
    given = {str(k).strip().lower(): _verdict(v, str(k)) for k, v in verdicts.items()}
    feedback = Feedback("Worksheet: basic meaning, contextual meaning, contrast")
    for word, says_metaphor in given.items():
        item = by_word.get(word)
        if item is None:
            feedback.add("note", f"{word!r} is not on the worksheet. The words are: {', '.join(by_word)}.")
            continue
        label = "a metaphor" if says_metaphor else "literal"
        if says_metaphor == item["metaphor"]:
            feedback.add("found", f"{word!r}: you read it as {label}; so does the key. {item['why']}")
        elif item["borderline"]:
            feedback.add(
                "not in key",
                f"{word!r}: you read it as {label}. The key calls this borderline and leans the other way; "
                "your reading is defensible if you can say how the two meanings compare.",
            )
        else:
            feedback.add(
                "not in key",
                f"{word!r}: the key reads this one differently. Put its basic meaning "
                f"({item['basic_meaning']}) next to its meaning in this sentence: are they really different, "
                "and is one understood through the other?",
            )
            if show_answers:
                verdict = "a metaphor" if item["metaphor"] else "literal"
                feedback.add("answer", f"{word!r} is {verdict} in the key: {item['why']}")
    missing = [w for w in by_word if w not in given]
    if missing:
        feedback.add("missed", f"No verdict yet for: {', '.join(missing)}.")
    if not show_answers and any(k == "not in key" for k in feedback.kinds()):
        feedback.add("note", "To see the key's reasoning, run again with show_answers=True.")
    return feedback


# ---------------------------------------------------------------- Markdown


def answer_key_markdown() -> str:
    """The answer key as Markdown, rendered from ``seeds/keys/metaphors.json``.

    >>> answer_key_markdown().splitlines()[0]
    '# Answer key: metaphors'
    """
    key = load_key(KEY_TOPIC)
    lines = [
        "# Answer key: metaphors",
        "",
        key["description"],
        "",
        f"Article: `seeds/{key['article']}`. Offsets are character positions in that file.",
        "",
    ]
    groups = [
        ("disease cluster", "## The extended metaphor (the disease cluster)"),
        ("conventional", "## Conventional metaphors"),
        ("literal", "## Read literally here"),
    ]
    for group, heading in groups:
        lines += [
            heading,
            "",
            "| expression | offsets | domain | borderline | why |",
            "| --- | --- | --- | --- | --- |",
        ]
        for e in key["entries"]:
            if e["group"] == group:
                flag = "yes" if e["borderline"] else "no"
                cells = [
                    _cell(e["text"]),
                    f"{e['start']}–{e['end']}",
                    _cell(e["domain"]),
                    flag,
                    _cell(e["why"]),
                ]
                lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += [
        "## Worksheet (MIPVU-style)",
        "",
        "| word | in the text | basic meaning | contextual meaning | verdict | why |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for w in key["worksheet"]:
        verdict = ("metaphor" if w["metaphor"] else "literal") + (" (borderline)" if w["borderline"] else "")
        lines.append(
            f"| {_cell(w['word'])} | {_cell(w['text'])} | {_cell(w['basic_meaning'])} | "
            f"{_cell(w['contextual_meaning'])} | {verdict} | {_cell(w['why'])} |"
        )
    return "\n".join(lines) + "\n"
