"""Whose words is each quotation? The frame that attributes it, its kind, and its speaker.

For each quotation, in this order (the first that applies wins):

0. a transcript line: the quoted words open their paragraph with a speaker's name in capitals and a colon
   (`"WALLACE: Will she be there?`); every later piece of the same quotation without a label keeps it;
1. a title, a headline, a sign or words talked about as words (kind ``mention``): no speaker;
2. "so-called “…”": a scare quote, no speaker;
3. inside a participial frame that opens the sentence ("Comparing ISIL to a “cancer,” Carter ...");
4. a frame right after it ("…,” Mills said." / "…,” said Mills of the Hawks." / "…,” according to Mills"),
   or a name after a dash that ends the line ("“…” ― Carla Sanchez");
5. a frame right before it, ending with a colon or a comma ("Mills said: “…”", "Mills put it bluntly:"),
   perhaps at the end of the paragraph before; after a colon with no reporting verb, the clause's
   subject ("Philip Bump: “…”", "Trump had one message: “…”");
6. the nearest frame before it in its sentence ("Mills said the team was “flat”"; "calling it “odd”");
7. a frame later in its sentence, after a comma ("The plan was “a mistake” from the start, Mills said.");
   the owner of a noun for something said before it ("Trump’s claim that there were “thousands”");
8. a quotation in a list after a partial quotation ("called him a “liar,” a “bully” and “sick”") has
   its speaker;
9. a quotation that opens a sentence with no frame of its own goes on with the speaker of the quotation
   before it (same or previous paragraph), unless someone else is named as a sentence's subject between.

Each step looks at a few frames and tokens around the quotation (bisect and bounded windows), so the
work per quotation is bounded and the whole pass is linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .frames import Frame, sentence_bounds
from .lexicon import words
from .marks import Quote
from .phrases import MAX_NAME, Speaker, clause_subject, clean_name, first_named, is_name_token, parse_segment
from .tokens import Tok, without_possessive

_TITLE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor by with from as vs via".split())
_DASHES = frozenset(["—", "–", "―", "-"])
_AFTER_FRAME = frozenset("in on at to during after before when while as reporters".split())
#: A transcript's speaker label: one to three words in capitals, then a colon ("PENCE:", "MR. SMITH:").
_LABEL = re.compile(r"((?:[A-Z][A-Z.’'\-]{0,20} ){0,2}[A-Z][A-Z.’'\-]{0,20}[A-Z.]):\s")
#: Words that may stand between the quotations of a list: "a “liar,” a “bully” and “sick”".
_LIST_WORDS = frozenset(", and or nor a an the as even also then who is was are were not".split())
_NEAR = 60  # tokens: how far a frame may be from the quotation it attributes
_BACK = 200  # tokens: how far back a quotation looks for the quotation it goes on from


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_title(quoted: str) -> bool:
    """Every word of four letters or more starts with a capital, and so does the first: “Cities and the Sea”."""
    found = _TITLE_WORD.findall(quoted)
    return bool(found) and found[0][0].isupper() and all(x[0].isupper() for x in found if len(x) > 3)


@dataclass
class Attribution:
    kind: str
    sp: Speaker | None
    verb: str | None
    frame: Frame | None = None


def looks_like_title(quoted: str) -> bool:
    """Two to ten words, each long word capitalised, no sentence punctuation at the end: “Harbor Lights”.

    >>> looks_like_title("Harbor Lights"), looks_like_title("We won the game.")
    (True, False)
    """
    quoted = quoted.strip().rstrip(",")
    found = _TITLE_WORD.findall(quoted[:200])
    if not 2 <= len(found) <= 10 or quoted[-1:] in ".!?" or not found[0][0].isupper():
        return False
    return all(x[0].isupper() or x.lower() in _SMALL_WORDS for x in found)


class Attributor:
    """Attribute every quotation of an article, given its tokens and frames."""

    def __init__(self, quotes: list[Quote], toks: list[Tok], frames: list[Frame], sentence_of):
        self.quotes, self.toks, self.frames = quotes, toks, frames
        self.sentence_of = sentence_of  # text offset -> sentence index
        self.v0s = [f.v0 for f in frames]
        self.starts = [t.start for t in toks]
        self.bounds = sentence_bounds(toks)
        self.qtok = {t.quote: t.index for t in toks if t.kind == "q"}

    def _frames_after(self, qi: int, n: int = 3) -> list[Frame]:
        i = bisect.bisect_right(self.v0s, qi)
        return self.frames[i : i + n]

    def _frames_before(self, qi: int, n: int = 3) -> list[Frame]:
        i = bisect.bisect_left(self.v0s, qi)
        return self.frames[max(0, i - n) : i][::-1]  # nearest first

    # -- frames near a quotation --------------------------------------------------------------------

    def _participle(self, qi: int) -> Frame | None:
        t = self.toks[qi]
        i = bisect.bisect_left(self.v0s, self.bounds[t.sentence][0])
        f = self.frames[i] if i < len(self.frames) else None
        if f and f.sentence == t.sentence and f.frame == "participle" and f.initial and f.v1 <= qi and f.sp:
            if f.sp.start > t.start:
                return f
        return None

    def _after(self, qi: int) -> Frame | None:
        t = self.toks[qi]
        q = self.quotes[t.quote]
        last = self.sentence_of(max(q.open_at, q.close_at - 1))
        for f in self._frames_after(qi):
            if f.frame not in ("subject", "inverted", "according") or f.sentence not in (last, last + 1):
                continue
            first = f.r0
            if first <= qi or first - qi > 4 or self.toks[first].paragraph != t.paragraph:
                continue
            if not all(self.toks[k].kind == "p" and self.toks[k].text in ",—–-:;" for k in range(qi + 1, first)):
                continue
            if f.sentence != last and not (self._ends_with(q, "!?,…") or (first == qi + 1 and self._closes(f))):
                continue
            return f
        return None

    def _dash(self, qi: int) -> Speaker | None:
        """A name after a dash right after the quotation, ending its line: "“…” ― Carla Sanchez"."""
        toks = self.toks
        k = qi + 1
        if k >= len(toks) or toks[k].text not in _DASHES:
            return None
        if k + 1 < len(toks) and toks[k + 1].text in _DASHES:  # "--"
            k += 1
        j = k + 1
        while j < len(toks) and j - k <= 6 and toks[j].kind == "w" and is_name_token(toks[j]):
            j += 1
        if j == k + 1:
            return None
        ends = j >= len(toks) or toks[j].text in (".", ",", "(") or self._line_break(j - 1, j)
        return clean_name(toks[k + 1 : j]) if ends else None

    def _line_break(self, a: int, b: int) -> bool:
        """Is there a line break between tokens ``a`` and ``b`` (b = a + 1)?"""
        return "\n" in self._text[self.toks[a].end : self.toks[b].start]

    def _closes(self, f: Frame) -> bool:
        """Does the frame end where its words end ("Trump said." / "Mills told reporters on Monday.")?"""
        end = f.sp.end if f.frame == "inverted" and f.sp else f.verb_end
        k = bisect.bisect_left(self.starts, end)
        nxt = self.toks[k] if k < len(self.toks) else None
        return nxt is None or nxt.sentence != f.sentence or nxt.text in (".", ",", "!") or nxt.low in _AFTER_FRAME

    def _ends_with(self, q: Quote, chars: str) -> bool:
        """Do the quoted words end with one of ``chars`` (a quotation that ends with "!" may be followed
        by its frame in a sentence of its own)?"""
        words = self._text[max(q.start, q.close_at - 4) : q.close_at].rstrip("\"”’'» ")
        return bool(q.close_mark) and words[-1:] in tuple(chars)

    def _before(self, qi: int) -> tuple[Frame | None, Speaker | None]:
        """A frame ending with a colon or a comma right before the quotation, or a colon clause's subject."""
        toks = self.toks
        k = qi - 1
        if k < 0 or toks[k].kind != "p" or toks[k].text not in (":", ","):
            return None, None
        mark = toks[k].text
        if toks[k].paragraph != toks[qi].paragraph and mark != ":":
            return None, None
        s = toks[k].sentence
        for f in self._frames_before(k + 1):
            if f.sentence != s or k - f.v1 > _NEAR:
                break
            if f.sp and not any(toks[x].kind == "q" for x in range(f.v1, k)):
                return f, f.sp
        if mark != ":":
            return None, None
        lo = k
        while lo > 0 and k - lo < 40 and toks[lo - 1].sentence == s and toks[lo - 1].kind != "q":
            if toks[lo - 1].text in (";", "—", "–"):
                break
            lo -= 1
        sp = parse_segment(toks[lo:k]) if k - lo <= 12 else None
        return None, sp or clause_subject(toks, lo, k) or first_named(toks, lo, k)

    def _in_clause(self, qi: int) -> Frame | None:
        t = self.toks[qi]
        for f in self._frames_before(qi):
            if f.sentence != t.sentence or qi - f.v1 > _NEAR:
                break
            if not f.sp:
                continue
            if f.row["use"] == "quote" and (
                qi - f.v1 > 12 or any(self.toks[x].text in ";:" or self.toks[x].kind == "q" for x in range(f.v1, qi))
            ):
                continue
            return f
        return None

    def _later(self, qi: int) -> Frame | None:
        t = self.toks[qi]
        for f in self._frames_after(qi):
            if f.sentence != t.sentence or f.v0 - qi > _NEAR:
                break
            if f.sp and f.frame in ("subject", "inverted"):
                first = f.r0
                if (
                    first - 1 > qi
                    and self.toks[first - 1].text == ","
                    and not any(self.toks[x].kind == "q" for x in range(qi + 1, first))
                ):
                    return f
        return None

    def _owner(self, qi: int) -> Speaker | None:
        """The owner of a noun for something said, before the quotation in its clause: "Trump’s claim that
        there were “thousands”", "his remark about “…”" (he, resolved later)."""
        toks, w = self.toks, words()
        for k in range(qi - 1, max(0, qi - 12), -1):
            x = toks[k]
            if x.sentence != toks[qi].sentence or x.kind == "q" or x.text in (";", ":"):
                return None
            if x.kind != "w" or x.low not in w.speech_nouns:
                continue
            owner = toks[k - 1]
            if owner.low in ("his", "her"):
                he = "he" if owner.low == "his" else "she"
                return Speaker(he, he, "pronoun", owner.start, owner.end, w.pronouns[he])
            if not (owner.possessive and is_name_token(owner)):
                return None
            i = k - 1
            while i > 0 and k - i < MAX_NAME and is_name_token(toks[i - 1]) and not toks[i - 1].possessive:
                i -= 1
            return clean_name([*toks[i : k - 1], without_possessive(owner)])
        return None

    def _subject_between(self, start: int, qi: int) -> Speaker | None:
        """The subject of the last sentence between token ``start`` and the quotation that names one (a
        name, or he/she): "Bystrom agreed. “…”" gives Bystrom."""
        toks = self.toks
        s = toks[qi - 1].sentence if qi else -1
        while s >= 0 and s > toks[start].sentence and s in self.bounds:
            first, last = self.bounds[s]
            if first < start or toks[first].paragraph < toks[qi].paragraph - 1:
                break
            subject = clause_subject(toks, first, min(qi, last))
            if subject and subject.how in ("name", "pronoun"):
                return subject
            s -= 1
        return None

    def _label(self, q: Quote, qi: int) -> Speaker | None:
        """The speaker label of a transcript line: `"PENCE: Well, look …` at the start of a paragraph."""
        toks = self.toks
        if qi and toks[qi - 1].paragraph == toks[qi].paragraph:
            return None
        m = _LABEL.match(self._text, q.start, min(q.end, q.start + 64))
        if not m:
            return None
        names = m.group(1).split()
        not_people = words().not_people
        if any(name.rstrip(".") in not_people or name in not_people for name in names) or len(names[-1]) < 2:
            return None
        start = m.start(1) + m.group(1).rindex(names[-1])
        return Speaker(names[-1], names[-1].rstrip("."), "name", start, m.end(1), "", True)

    def _listed(self, qi: int, found: dict[int, Attribution]) -> Attribution | None:
        """The partial quotation that this one follows in a list ("a “liar,” a “bully” and “sick”")."""
        toks, k = self.toks, qi - 1
        while k >= 0 and qi - k <= 5 and toks[k].kind != "q" and toks[k].low in _LIST_WORDS:
            k -= 1
        a = found.get(k) if k >= 0 and toks[k].sentence == toks[qi].sentence else None
        return a if a is not None and a.kind == "partial" and a.sp else None

    # -- the quotations ----------------------------------------------------------------------------

    def run(self, text: str) -> list[Attribution]:
        self._text = text
        out: list[Attribution] = []
        by_id: dict[int, Attribution] = {}
        by_token: dict[int, Attribution] = {}  # the quotation's token -> its attribution
        previous: tuple[int, Attribution] | None = None  # the last quotation with a speaker
        for n, q in enumerate(self.quotes):
            if q.level != 1:
                out.append(Attribution("partial", None, None))
                continue
            qi = self.qtok[n]
            label = self._label(q, qi)
            if label:
                a = by_id[q.quote_id] = Attribution("direct", label, None)
                previous = (qi, a)
                out.append(a)
                continue
            if q.continued and q.quote_id in by_id:
                a = by_id[q.quote_id]
                out.append(Attribution("direct" if a.kind == "partial" else a.kind, a.sp, a.verb, a.frame))
                continue
            a = self._one(q, qi, previous)
            listed = self._listed(qi, by_token) if a.kind in ("scare", "partial") and not a.sp else None
            if listed:
                a = Attribution("partial", listed.sp, listed.verb, listed.frame)
            by_token[qi] = a
            by_id.setdefault(q.quote_id, a)
            if a.kind in ("direct", "partial") and a.sp:
                previous = (qi, a)
            out.append(a)
        return out

    def _opening(self, qi: int) -> list[Tok]:
        """The tokens before the quotation in its sentence, at most three (nearest first)."""
        toks, s = self.toks, self.toks[qi].sentence
        return [toks[k] for k in range(qi - 1, max(-1, qi - 4), -1) if toks[k].sentence == s]

    def _is_mention(self, before: list[Tok], quoted: str) -> bool:
        """ "a sign reading “…”", "the word “…”", "her book, “…”": a title, a sign or words as words.

        After a verb of naming ("called the course “…”") the words are what someone calls the thing: a
        mention only when they are a title ("“Cities and the Sea”"), else a judgement ("“a fine idea”")."""
        w = words()
        found = [t for t in before if t.kind == "w" or t.text != ","]
        if not found or found[0].kind != "w":
            return False
        if found[0].low in w.mention_things:
            return not any(t.kind == "w" and t.low in w.naming_verbs for t in found[1:]) or _is_title(quoted)
        return found[0].low in w.mention_links and any(t.kind == "w" and t.low in w.mention_things for t in found[1:])

    def _find_frame(self, qi: int) -> tuple[Frame | None, Speaker | None, str]:
        """(frame, speaker, which step found it): steps 3 to 8 of the module's list."""
        frame = self._participle(qi)
        if frame:
            return frame, frame.sp, "participle"
        after = self._after(qi)
        q = self.quotes[self.toks[qi].quote]
        if after and after.sentence == self.sentence_of(max(q.open_at, q.close_at - 1)):
            return after, after.sp, "after"
        sp = self._dash(qi)
        if sp:
            return None, sp, "dash"
        frame, sp = self._before(qi)
        if frame or sp:  # "Clinton responds with, “Why now?” Mills then writes back": Clinton's
            return frame, sp, "before"
        for step, find in (("clause", self._in_clause), ("later", self._later)):
            frame = find(qi)
            if frame:
                return frame, frame.sp, step
        sp = self._owner(qi)
        if sp:
            return None, sp, "owner"
        if after:  # "“… done.” Trump said.": a frame in a sentence of its own
            return after, after.sp, "after"
        return None, None, ""

    def _one(self, q: Quote, qi: int, previous) -> Attribution:
        toks = self.toks
        quoted = self._text[q.start : q.end]
        before = self._opening(qi)
        if self._is_mention(before, quoted):
            return Attribution("mention", None, None)
        if before and before[0].low == "so-called":
            return Attribution("scare", None, None)
        frame, sp, step = self._find_frame(qi)
        if frame:
            frame.quoted = True
        opens = not [t for t in before if t.kind == "w" or t.text not in "(\"“‘'"]
        inherited = False
        if not sp and opens:  # step 8: the speaker of the quotation before, or the subject of the narration
            pqi, pa = previous if previous else (-1, None)
            near = pa is not None and qi - pqi <= _BACK and toks[pqi].paragraph >= toks[qi].paragraph - 1
            start = pqi + 1 if near else max(0, qi - _BACK)
            subject = self._subject_between(start, qi) if qi else None
            if subject and not (near and pa.sp and subject.label == pa.sp.label):
                sp, inherited = subject, True
            elif near:
                sp, inherited = pa.sp, True
        kind = self._kind(q, qi, quoted, before, sp, step, opens or inherited, previous)
        if kind in ("mention", "scare"):
            return Attribution(kind, None, None)
        verb = frame.verb if frame and not inherited else None
        return Attribution(kind, sp, verb, frame)

    def _kind(self, q: Quote, qi: int, quoted: str, before: list[Tok], sp, step: str, opens: bool, previous) -> str:
        last = before[0].text if before else ""
        if q.continued or opens or last == ":" or (step == "dash" and qi and self._line_break(qi - 1, qi)):
            return "direct"
        if previous and step in ("after", "before") and last == ",":
            pqi, pa = previous
            toks = self.toks
            same = toks[pqi].sentence == toks[qi].sentence and qi - pqi <= 12
            if pa.kind == "direct" and same and not any(toks[x].kind == "q" for x in range(pqi + 1, qi)):
                return "direct"  # "“We knew,” Mills said, “and we went.”"
        if last == "," and sp and (step == "before" or quoted.lstrip()[:1].isupper()):
            return "direct"
        if not sp and step not in ("after", "before") and looks_like_title(quoted):
            return "mention"
        if sp:
            return "partial"
        return "scare" if len(quoted.split()) <= 4 else "partial"
