"""Exercises for the metaphor lesson (notebook 01): the metaphor hunt and the answer key as Markdown.

The key is ``seeds/keys/metaphors.json``; its ``feedback`` section holds the reasons given for
answers that are not this kind of thing. Every check returns a :class:`Feedback` whose verdict on
each answer is one of the calibrated categories in :mod:`.feedback`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..allusion import find_allusions
from ..data import load_key
from ..errors import RhetoricLabError
from ..metaphor import domain_descriptions, find_metaphors
from ..text import Article
from ..wordforms import phrase_stems
from . import evidence
from .feedback import Feedback
from .forms import as_answer_list, holds_phrase, matches, normalize
from .keys import key_article
from .keys import markdown_cell as _cell

#: The answer key for the seed article: ``seeds/keys/metaphors.json``.
KEY_TOPIC = "metaphors"
#: The verdict on a whole list (an empty list, a list refused as too long) is about this.
WHOLE = "*"
_EXAMPLE = '["parent tumor", "safe haven"]'
#: An answer may hold a key phrase and at most this many other words ("ISIL's parent tumor").
FEW_EXTRA_WORDS = 3


def _key_table():
    columns = ["text", "start", "end", "domain", "metaphor", "borderline", "type", "why"]
    return pd.DataFrame([{c: e.get(c) for c in columns} for e in load_key(KEY_TOPIC)["entries"]], columns=columns)


def compare_with_key(found=None):
    """For each key entry: did the finder flag it, and with which domain?

    Adds ``found_by_tool`` (True/False) and ``tool_domain`` to the key's entries.

    >>> table = compare_with_key()
    >>> bool(table.loc[table["text"] == "metastasis", "found_by_tool"].item())
    True
    """
    key = _key_table()
    found = find_metaphors(key_article(KEY_TOPIC)) if found is None else found
    spans = list(zip(found["start"], found["end"], found["domain"], strict=True))
    hits, tool_domains = [], []
    for start, end in zip(key["start"], key["end"], strict=True):
        overlapping = [d for s, e, d in spans if s < end and e > start]
        hits.append(bool(overlapping))
        tool_domains.append(", ".join(dict.fromkeys(overlapping)))
    return key.assign(found_by_tool=hits, tool_domain=tool_domains)


def _forms(entry: dict) -> list[str]:
    return [entry["text"], *entry.get("accept", [])]


def _same_stems(answer: str, form: str) -> bool:
    a, k = " ".join(phrase_stems(answer)), " ".join(phrase_stems(form))
    return bool(a) and holds_phrase(a, k)


def _inside(answer: str, form: str) -> bool:
    """True when the answer's words are a part, not the whole, of a longer key phrase."""
    a, k = f" {normalize(answer)} ", f" {normalize(form)} "
    return a.strip() != k.strip() and a in k


@dataclass
class _Hunt:
    """Everything one run of check_metaphors needs: the key, the article, the finder's candidates."""

    entries: list[dict]
    article: Article
    candidates: pd.DataFrame
    reasons: dict
    found: set[int] = field(default_factory=set)

    @property
    def metaphors(self) -> list[int]:
        return [i for i, e in enumerate(self.entries) if e["metaphor"]]

    def hits(self, answer: str, same) -> list[int]:
        return [i for i, e in enumerate(self.entries) if any(same(answer, f) for f in _forms(e))]

    def known(self, phrase: str) -> bool:
        """A phrase worth naming when a comma is missing: a key item or a finder's candidate."""
        domain = self.candidates[self.candidates["tier"] == "domain"]["text"]
        return bool(self.hits(phrase, holds_phrase)) or any(_same_stems(phrase, t) for t in domain)

    def reason(self, name: str, answer: str) -> str:
        return self.reasons["not_this_kind"][name].format(answer=repr(answer))


def _in_key(hunt: _Hunt, answer: str, hits: list[int], fb: Feedback) -> None:
    metaphors = [i for i in hits if hunt.entries[i]["metaphor"]]
    if not metaphors:
        entry = hunt.entries[hits[0]]
        fb.add("literal", f"{answer!r}: the key reads this literally here. {entry['why']}", about=answer)
        return
    entry = hunt.entries[metaphors[0]]
    again = "" if set(metaphors) - hunt.found else " (already counted)"
    hunt.found.update(metaphors)
    note = " (a borderline case: say why you count it)" if entry["borderline"] else ""
    fb.add("in key", f"{answer!r}: {entry['domain']}{note}{again}. {entry['why']}", about=answer)


def _close(hunt: _Hunt, answer: str, index: int, how: str, fb: Feedback, form: str | None = None) -> None:
    """A close answer: say which key item it is close to (the form the article has, when it has it)."""
    entry = hunt.entries[index]
    text = form if form and evidence.occurs_exactly(form, hunt.article) else entry["text"]
    if not entry["metaphor"]:
        fb.add("literal", f"{answer!r} is {how} {text!r}, which the key reads literally here. {entry['why']}", answer)
        return
    hunt.found.add(index)
    fb.add(
        "close",
        f"{answer!r} is {how} {text!r}, which is in the key ({entry['domain']}): write it as the article "
        f"does. {entry['why']}",
        about=answer,
    )


def _first_form(hunt: _Hunt, answer: str, index: int, same) -> str:
    return next(f for f in _forms(hunt.entries[index]) if same(answer, f))


def _judge(hunt: _Hunt, answer: str, fb: Feedback) -> None:
    """Put one answer in its category, with the reason."""
    article = hunt.article
    size = len(evidence.words_of(answer))
    if size > evidence.MAX_PHRASE_WORDS:
        whole = " (that is most of the article)" if size > len(article.words) / 2 else ""
        fb.add(
            "refused",
            f"That answer is {size} words long{whole}. A metaphor is a word or a short phrase: pick the words "
            f"that carry the picture (at most {evidence.MAX_PHRASE_WORDS}).",
            about=answer,
        )
        return
    # the key's own words, or more words round them that the article really has
    in_text = evidence.occurs(answer, article)
    hits = hunt.hits(answer, lambda a, f: normalize(a) == normalize(f) or (in_text and holds_phrase(a, f)))
    if hits:
        longest = max(
            len(evidence.words_of(f)) for i in hits for f in _forms(hunt.entries[i]) if holds_phrase(answer, f)
        )
        if size - longest > FEW_EXTRA_WORDS:  # a sentence cut into pieces holds key phrases, but is not one
            fb.add(
                "close",
                f"Which of these words carry the picture? {answer!r} holds an expression in the key and "
                f"{size - longest} more words: write only the words that carry the metaphor.",
                about=answer,
            )
            return
        _in_key(hunt, answer, hits, fb)
        return

    def inflection(a: str, f: str) -> bool:
        return _same_stems(a, f) and (in_text or len(a.split()) == len(f.split()))

    inflected = hunt.hits(answer, inflection)
    if inflected:
        _close(hunt, answer, inflected[0], "a form of", fb, _first_form(hunt, answer, inflected[0], inflection))
        return
    allusions = find_allusions(article)
    kind = evidence.kind_of_thing(answer, article)
    if any(matches(answer, t) for t in [*allusions["text"], *allusions["name"]]):
        kind = "allusion"
    if kind == "function word" and len(evidence.words_of(answer)) > 1:  # "all of them"
        kind = "function words"
    if kind is not None:
        fb.add("wrong kind", hunt.reason(kind, answer), about=answer)
        return
    if not in_text:
        _not_in_text(hunt, answer, fb)
        return
    inside = any(e["metaphor"] and any(_inside(answer, f) for f in _forms(e)) for e in hunt.entries)
    if not _defensible(hunt, answer, fb, inside):
        if inside:
            fb.add(
                "close",
                f"{answer!r} is part of a longer expression in the key. Which words round it carry the picture? "
                "Read the sentence again and write the whole phrase.",
                about=answer,
            )
        else:
            fb.add("literal", hunt.reasons["literal_unknown"].format(answer=repr(answer)), about=answer)


def _not_in_text(hunt: _Hunt, answer: str, fb: Feedback) -> None:
    article = hunt.article
    glued = evidence.glued_parts(answer, article) or evidence.spaced_parts(answer, article, hunt.known)
    if glued:
        listed = ", ".join(repr(p) for p in glued)
        fb.add(
            "close",
            f"{answer!r} looks like {len(glued)} answers run together: {listed}. A comma is missing: write [{listed}].",
            about=answer,
        )
        return
    typos = hunt.hits(answer, evidence.is_typo_of)
    if typos:
        _close(
            hunt,
            answer,
            typos[0],
            "a letter or two away from",
            fb,
            _first_form(hunt, answer, typos[0], evidence.is_typo_of),
        )
        return
    near = evidence.nearest_phrase(answer, article)
    nearest = f" The nearest words in the article are {near!r}." if near else ""
    held = hunt.hits(answer, holds_phrase)
    if held and hunt.entries[held[0]]["metaphor"]:  # "ISIL is a cancer": the student's words round a key item
        form = _first_form(hunt, answer, held[0], holds_phrase)
        hunt.found.add(held[0])
        fb.add(
            "close",
            f"{answer!r} holds {form!r}, which is in the key ({hunt.entries[held[0]]['domain']}), but the article "
            f"does not say it in these words.{nearest} Write the phrase as the article has it.",
            about=answer,
        )
        return
    fb.add(
        "not in text",
        f"{answer!r}: these words are not in the article. Check the spelling, or copy the phrase from the "
        f"text.{nearest}",
        about=answer,
    )


def _defensible(hunt: _Hunt, answer: str, fb: Feedback, inside: bool) -> bool:
    """A "defensible" line when the module knows the answer as a metaphor candidate.

    The evidence, strongest first: the finder flags it in this text with a source domain; the
    lexicon lists the words; the VUA corpus counts (the finder's "everyday" tier) show how often
    annotators marked the word metaphor-related.
    """
    flagged = [r for r in hunt.candidates.itertuples() if _same_stems(answer, r.text)]
    flagged.sort(key=lambda r: r.tier != "domain")
    if not flagged:
        try:
            flagged = list(find_metaphors(answer).itertuples())
        except RhetoricLabError:
            flagged = []
        where = "the module's metaphor lexicon lists it"
    elif flagged[0].tier == "domain":
        where = "the module's finder flags it in this text"
    else:
        where = f"the corpus evidence knows it ({flagged[0].evidence})"
    if not flagged:
        return False
    part = "the key has it only inside a longer expression, but " if inside else "the key does not list it, but "
    first = flagged[0]
    if first.tier == "domain":
        what = f" under {first.domain} (basic meaning: {first.basic_meaning})"
    else:
        what = ""
    fb.add(
        "defensible",
        f"{answer!r}: {part}{where}{what}. What is its basic meaning, and what does it mean here? If the two "
        "contrast and the one here is understood through the basic one, it is a metaphor: say so in a sentence.",
        about=answer,
    )
    return True


def check_metaphors(answers, show_answers: bool = False) -> Feedback:
    """Compare the metaphors you found in the seed article with the answer key.

    Write them as a list of phrases (or one string with commas). Case, "the"/"a", quotation marks
    and British spelling do not matter. Each answer gets a verdict with its reason: in the key,
    defensible, literal here, not in the text, not this kind of thing, close, or not accepted.

    >>> check_metaphors(["the parent tumour", "Paris"]).verdicts()
    {'the parent tumour': 'in key', 'Paris': 'wrong kind'}
    """
    answers = as_answer_list(answers, "the metaphors you found", _EXAMPLE)
    key = load_key(KEY_TOPIC)
    article = key_article(KEY_TOPIC)
    hunt = _Hunt(key["entries"], article, find_metaphors(article, tiers="all"), key["feedback"])
    feedback = Feedback(f"Metaphors in {key['article']}: your list and the key")
    limit = max(30, 2 * len(hunt.metaphors))
    coverage = evidence.content_coverage(answers, article)
    if len(answers) > limit or (len(answers) > 1 and coverage > evidence.MAX_COVERAGE):
        too_much = "a copy of the text" if coverage > 0.5 else "too many phrases"
        feedback.add(
            "refused",
            f"Your list has {len(answers)} phrases and holds {coverage:.0%} of the article's words "
            f"({evidence.share_in_words(coverage)} of them): that is {too_much}, "
            "not a list of metaphors. Keep the phrases whose meaning here contrasts with a more basic meaning, and "
            "run the check again.",
            about=WHOLE,
        )
        return feedback
    if not answers:
        feedback.add("empty", f"Your list is empty. Write the phrases you found, e.g. answers = {_EXAMPLE}.", WHOLE)
    seen = set()
    for answer in answers:
        if normalize(answer) in seen:
            continue
        seen.add(normalize(answer))
        _judge(hunt, answer, feedback)
    _still_to_find(hunt, feedback, show_answers)
    return feedback


def _still_to_find(hunt: _Hunt, feedback: Feedback, show_answers: bool) -> None:
    missed = [hunt.entries[i] for i in hunt.metaphors if i not in hunt.found]
    if not missed:
        feedback.add(
            "hint",
            "You found every metaphor in the key. Now choose two: what does each one highlight, and what does it hide?",
        )
        return
    borderline = sum(e["borderline"] for e in missed)
    feedback.add(
        "missed",
        f"The key has {len(missed)} more metaphor(s) you have not listed yet ({borderline} of them borderline).",
    )
    first = min(missed, key=lambda e: (e["type"] != "disease cluster", e["borderline"], e["start"]))
    where = f"paragraph ¶{hunt.article.paragraph_at(first['start'])}"
    description = domain_descriptions()[first["domain"]].split(":")[0].lower()
    feedback.add("hint", f"Read {where} again. At least one expression there borrows from {description}.")
    if show_answers:
        for e in missed:
            flag = " [borderline]" if e["borderline"] else ""
            feedback.add("answer", f"{e['text']!r} ({e['domain']}){flag}: {e['why']}")
    else:
        feedback.add("note", "To see the ones you have not found, run again with show_answers=True.")


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
            if e["type"] == group:
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
