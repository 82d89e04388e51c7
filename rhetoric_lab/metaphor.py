"""Metaphor candidates in two tiers: source-domain imagery, and everyday metaphor as MIPVU counts it.

* ``domain`` tier: words and phrases from a source-domain lexicon (disease, hunting, journeys...):
  ``data/metaphor_domains.csv`` and ``data/metaphor_lexicon.csv``, matched as
  :mod:`rhetoric_lab.metaphor_lexicon` explains. These are the rhetorical images to discuss.
* ``everyday`` tier: words that annotators of the VU Amsterdam Metaphor Corpus often marked
  metaphor-related ("support", "face", "high prices", "in"), with the corpus counts as evidence
  (:mod:`rhetoric_lab.metaphor_everyday`). Most are so conventional that nobody notices them.

It flags *candidates*. Whether a candidate is a metaphor in its sentence is for a
person to decide: compare its basic meaning with its meaning here.
"""

from __future__ import annotations

import re

from . import metaphor_everyday as everyday
from .data import load_key
from .display.common import markdown_cell as _cell
from .errors import AnswerFormatError, RhetoricLabError
from .feedback import Feedback, as_answer_list, matches
from .metaphor_lexicon import (  # noqa: F401  (re-exported: the lesson's names for them)
    MAX_GAP,
    UnknownDomainError,
    _check_domains,
    domain_descriptions,
    lexicon,
    literal_offsets,
    match_lexicon,
    phrase_stems,
    pieces_of,
    stem,
)
from .metaphor_lexicon import domains as domains  # noqa: F401
from .text import as_article

#: Columns of the table that :func:`find_metaphors` returns.
COLUMNS = [
    "start",
    "end",
    "text",
    "tier",
    "domain",
    "entry",
    "basic_meaning",
    "evidence",
    "function_word",
    "sentence",
    "paragraph",
]
#: The two tiers of candidates.
TIERS = ("domain", "everyday")
#: The answer key for the seed article: ``seeds/keys/metaphors.json``.
KEY_TOPIC = "metaphors"


def _check_tiers(tiers) -> tuple[str, ...]:
    if isinstance(tiers, str):
        tiers = (tiers,)
    tiers = tuple(tiers)
    unknown = [t for t in tiers if t not in TIERS]
    if unknown or not tiers:
        raise RhetoricLabError(f"tiers must name one or both of {TIERS}; got {tiers!r}.")
    return tiers


def find_metaphors(article_or_text, domains=None, tiers=("domain",)):
    """Metaphor candidates, one row each, in the order of the text.

    Columns: ``start``, ``end``, ``text``; ``tier`` (``domain`` or ``everyday``); ``domain``,
    ``entry``, ``basic_meaning`` (domain tier); ``evidence`` (the VUA counts in words, where the
    corpus has the word); ``function_word`` (True for prepositions, articles...: never highlighted);
    ``sentence``, ``paragraph`` (indexes from 0).

    ``domains``: keep only these source domains (see :func:`domains`); everyday rows are then left out.
    ``tiers``: which tiers to return, ``("domain",)`` or ``("domain", "everyday")``.

    >>> find_metaphors("Rivals stepped up the pressure on the ailing firm.")[["text", "domain"]].values.tolist()
    [['stepped up', 'up and down'], ['pressure', 'force and motion'], ['ailing', 'disease and medicine']]
    """
    import pandas as pd

    article = as_article(article_or_text)
    tiers = _check_tiers(tiers)
    if domains is not None:
        domains = [domains] if isinstance(domains, str) else list(domains)
        _check_domains(domains)
    pieces = pieces_of(article)
    evidence = everyday.token_evidence(article)
    rows, covered = [], set()
    for i, end, pattern in match_lexicon(pieces):
        start, stop = pieces[i].start, pieces[end - 1].end
        covered.update(range(start, stop))
        if "domain" not in tiers or (domains is not None and pattern.domain not in domains):
            continue
        ev = evidence.get(start) if end - i == 1 else None  # evidence for a single word only
        rows.append(
            _row(article, start, stop, "domain", pattern.domain, pattern.entry, pattern.basic_meaning, ev, False)
        )
    if "everyday" in tiers and domains is None:
        literal = literal_offsets(article)
        for c in evidence.values():
            if c.flagged and c.start not in covered and c.start not in literal:
                rows.append(_row(article, c.start, c.end, "everyday", "", c.evidence.lemma, "", c, c.function_word))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values("start", kind="stable").reset_index(drop=True).astype({"start": int, "end": int})


def _row(article, start, stop, tier, domain, entry, basic, ev, function_word) -> dict:
    return {
        "start": start,
        "end": stop,
        "text": article.text[start:stop],
        "tier": tier,
        "domain": domain,
        "entry": entry,
        "basic_meaning": basic,
        "evidence": ev.evidence.sentence() if ev is not None else "",
        "function_word": function_word,
        "sentence": article.sentence_at(start),
        "paragraph": article.paragraph_at(start),
    }


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
