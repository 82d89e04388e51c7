"""Reporting frames: who speaks, with which verb, and which quotation each frame introduces."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..text import Article
from .lexicon import _clean_name, _lexicon, _patterns, _speaker_from
from .marks import _Quote

_MASK = "\u0000"


@dataclass
class _Frame:
    verb_start: int
    verb_end: int
    verb: str  # dictionary form
    form: str  # the words in the text
    frame: str  # subject, inverted, participle, coordinated, according
    sentence: int
    speaker: str | None = None
    how: str = "none"  # name, pronoun, noun, inherited
    speaker_start: int = -1
    speaker_end: int = -1
    row: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(self.verb_start, self.speaker_start) if self.speaker_start >= 0 else self.verb_start

    @property
    def end(self) -> int:
        return max(self.verb_end, self.speaker_end)


def _masked(article: Article, quotes: list[_Quote]) -> str:  # noqa: D401
    """The text with the words inside quotation marks hidden, so frames are found outside them."""
    chars = list(article.text)
    for q in quotes:
        if q.level == 1:
            for i in range(q.start, q.end):
                if chars[i] != "\n":
                    chars[i] = _MASK
    return "".join(chars)


def _frames(article: Article, masked: str) -> list[_Frame]:
    pats = _patterns()
    lexicon = _lexicon()
    frames: list[_Frame] = []
    for sent in article.sentences:
        s_text = masked[sent.start : sent.end]
        found: list[_Frame] = []
        for m in pats["verb"].finditer(s_text):
            form = m.group(0)
            key = re.sub(r"\s+", " ", form.lower())
            if key == "according to":
                continue
            first_word = m.start() == len(s_text) - len(s_text.lstrip())
            if form[0].isupper() and not (first_word and key.endswith("ing")):
                continue
            row = lexicon[key]
            f = _Frame(sent.start + m.start(), sent.start + m.end(), row["verb"], form, "", sent.index, row=row)
            before, after = s_text[: m.start()], s_text[m.end() :]
            sb = pats["speaker_before"].search(before)
            sa = pats["speaker_after"].match(after)
            if first_word and key.endswith("ing"):
                f.frame = "participle"
                main = pats["main_subject"].search(s_text, m.end())
                if main:
                    f.speaker, f.how = _speaker_from(main)
                    f.speaker_start = sent.start + main.start() + 1
                    f.speaker_end = f.speaker_start
            elif sb and _speaker_from(sb)[0]:
                f.frame = "subject"
                f.speaker, f.how = _speaker_from(sb)
                f.speaker_start, f.speaker_end = (
                    sent.start + sb.start(),
                    sent.start + sb.end() - len(sb.group(0)) + len(sb.group(0).rstrip()),
                )
            elif sa and re.search(r"[,”\"'’]\s*$", before) and _speaker_from(sa)[0]:
                f.frame = "inverted"
                f.speaker, f.how = _speaker_from(sa)
                f.speaker_start, f.speaker_end = sent.start + m.end() + sa.start() + 1, sent.start + m.end() + sa.end()
            elif re.search(r"\b(?:and|but)\s+(?:(?:then|also|went on to|continued to|later)\s+)?$", before) and found:
                f.frame = "coordinated"
                last = found[-1]
                f.speaker, f.how = last.speaker, last.how
            else:
                continue
            found.append(f)
        for m in pats["according"].finditer(s_text):
            speaker, how = _speaker_from(m)
            group = next(g for g in ("pronoun", "name", "noun", "source") if m.group(g))
            if speaker:
                f = _Frame(
                    sent.start + m.start(),
                    sent.start + m.start() + len("according to"),
                    "according to",
                    m.group(0)[: len("according to")],
                    "according",
                    sent.index,
                    speaker,
                    how,
                    sent.start + m.start(group),
                    sent.start + m.end(group),
                    row=lexicon["according to"],
                )
                found.append(f)
        # a participle's speaker is the subject of the main clause; if none was found, use the sentence's first
        for f in found:
            if f.frame == "participle" and f.speaker is None:
                others = [g for g in found if g is not f and g.speaker]
                if others:
                    f.speaker, f.how = others[0].speaker, others[0].how
        frames.extend(sorted(found, key=lambda g: g.verb_start))
    _resolve_pronouns(masked, frames)
    return frames


def _resolve_pronouns(masked: str, frames: list[_Frame]) -> None:
    """Replace he/she/they by the last named person (a named speaker or a titled name) before it.

    Names are looked for outside quotations only (``masked`` has them blanked), so "the Marshall
    Plan" inside someone's words is never taken for a person.
    """
    pats = _patterns()
    people: list[tuple[int, str]] = []
    for pattern in ("titled", "full_name"):
        for m in pats[pattern].finditer(masked):
            cleaned = _clean_name(m.group(0))
            if cleaned and (pattern == "titled" or len(cleaned[0].split()) > 1):
                people.append((m.end(), cleaned[1]))
    for f in frames:
        if f.how in ("name", "noun") and f.speaker:
            people.append((f.speaker_end if f.speaker_end >= 0 else f.verb_start, f.speaker))
    people.sort()
    positions = [pos for pos, _ in people]
    for f in frames:
        if f.how == "pronoun":
            earlier = bisect.bisect_right(positions, f.verb_start)  # people[:earlier] come before the verb
            f.speaker = people[earlier - 1][1] if earlier else f.speaker
            f.how = "pronoun resolved" if earlier else "pronoun unresolved"


def _frames_in(frames: list[_Frame], frame_sentences: list[int], first: int, last: int) -> list[_Frame]:
    """The frames of sentences ``first`` to ``last``; ``frames`` are in sentence order, ``frame_sentences``
    their sentence numbers."""
    return frames[bisect.bisect_left(frame_sentences, first) : bisect.bisect_right(frame_sentences, last)]


def _attribute(article: Article, quotes: list[_Quote], frames: list[_Frame]) -> list[dict]:
    text = article.text
    infos: list[dict] = []
    by_id: dict[int, dict] = {}
    previous: tuple[_Quote, dict] | None = None
    frame_sentences = [f.sentence for f in frames]  # in order: _frames works sentence by sentence
    for q in quotes:
        first, last = article.sentence_at(q.open_at), article.sentence_at(max(q.close_at - 1, q.open_at))
        nearby = _frames_in(frames, frame_sentences, first, last)
        chosen: _Frame | None = None
        for f in nearby:  # 1. inside a participial frame: "Comparing ISIL to a “cancer …,” Carter called for"
            if (
                f.frame == "participle"
                and f.verb_start < q.open_at
                and (f.speaker_start < 0 or q.close_at < f.speaker_start)
            ):
                chosen = f
        if chosen is None:  # 2. "…,” Carter said" / "…,” said Carter" (perhaps split off as a sentence: "…!” he said.")
            for f in _frames_in(frames, frame_sentences, first, last + 1):
                gap = text[q.close_at + 1 : f.start] if q.close_mark else "x"
                if (
                    f.start > q.close_at
                    and re.fullmatch(r"[\s,.;:!?—–-]*", gap)
                    and "\n" not in gap
                    and f.frame in ("subject", "inverted")
                ):
                    chosen = f
                    break
        if chosen is None:  # 3. "Carter said: “…"
            for f in nearby:
                gap = text[f.verb_end : q.open_at]
                if f.verb_end <= q.open_at and re.fullmatch(r"(?:\s+[\w’']+){0,3}\s*[:,]?\s*", gap):
                    chosen = f
        verb_frame = chosen
        if chosen is None:  # 4. the reporting frame of the sentence; the verb nearest before the quotation
            in_last = [f for f in nearby if f.sentence == last and f.speaker] or [f for f in nearby if f.speaker]
            chosen = in_last[0] if in_last else None
            before = [f for f in nearby if f.sentence == first and f.verb_end <= q.open_at]
            # "Cho praised the work but warned that costs had “ballooned”": the verb is "warn"
            verb_frame = before[-1] if before else chosen
        info = {"speaker": chosen.speaker if chosen else None, "verb": verb_frame.verb if verb_frame else None}
        if q.level == 2:
            info = {"speaker": None, "verb": None}
        elif q.continued and q.quote_id in by_id:
            info = dict(by_id[q.quote_id])
        info["kind"] = _kind(article, q, info, previous)
        if info["kind"] == "scare":
            info = {"speaker": None, "verb": None, "kind": "scare"}
        if info["speaker"] is None and info["kind"] == "direct" and previous and q.level == 1:
            prev_q, prev_info = previous
            if article.paragraph_at(prev_q.open_at) >= article.paragraph_at(q.open_at) - 1:
                info["speaker"] = prev_info["speaker"]
        if q.level == 1:
            by_id.setdefault(q.quote_id, info)
            previous = (q, info)
        infos.append(info)
    return infos


def _kind(article: Article, q: _Quote, info: dict, previous) -> str:
    text = article.text
    if q.level == 2:
        return "partial"
    sent = article.sentences[article.sentence_at(q.open_at)]
    before = text[sent.start : q.open_at]
    quoted = text[q.start : q.end].strip()
    if q.continued or not before.strip():
        return "direct"
    if re.search(r"so-called\s*$", before, re.IGNORECASE):
        return "scare"
    if previous and previous[1]["kind"] == "direct" and previous[0].level == 1:
        gap = text[previous[0].close_at + 1 : q.open_at]
        if article.sentence_at(previous[0].open_at) == sent.index or re.fullmatch(r"[^.!?]*,\s*", gap):
            if re.fullmatch(r",?\s*\S+(?:\s+\S+){0,4}?,\s*", gap) and info["speaker"]:
                return "direct"
    if re.search(r":\s*$", before) or (re.search(r",\s*$", before) and quoted[:1].isupper() and info["speaker"]):
        return "direct"
    if info["speaker"] is None:
        return "scare" if len(quoted.split()) <= 4 else "partial"
    return "partial"
