"""How well does the quote finder attribute quotations in real news? An evaluation on PolNeAR.

    python benchmarks/polnear.py FOLDER SPLIT [--errors N] [--json] [--final] [--finder MODULE]

FOLDER holds a copy of PolNeAR, the Political News Attribution Relations corpus
(https://github.com/networkdynamics/PolNeAR; the folder that holds ``data/``, or ``data/`` itself).
SPLIT is ``train`` or ``dev``. The corpus's README asks that ``test`` be used only to compute
evaluation figures, once, when the rules are frozen: ``test`` therefore needs ``--final``, and
``--errors`` (which prints passages of the articles) refuses it. Nothing of the corpus is committed
to this project; the articles are publishers' texts, so never copy what ``--errors`` prints.

The rules (the issue's matching rules, made exact)

* **Articles.** Every ``SPLIT/text/*.txt`` with its annotation ``SPLIT/attributions/*.ann`` (brat
  standoff; offsets are character offsets into the text). An article annotated by several
  annotators is scored once, with the annotation whose annotator id sorts first.
* **Paired marks.** Paragraph by paragraph (a paragraph is a run of non-blank lines): “ opens and
  ” closes; a straight " closes an open quotation and opens one otherwise; a quotation still open
  at the end of a paragraph goes on if the next paragraph opens with a double mark (the news
  convention for long quotations). Two apostrophes ('') count as a double mark; single marks are not
  counted.
* **Direct quotation (gold).** An annotated attribution whose content has at least 90% of its
  letters inside paired marks.
* **Found.** A gold direct quotation is found when a system quotation (``level`` 1, any kind)
  overlaps its content. Recall = found / gold. The recall as direct-or-partial (not ``scare``) is
  printed beside it.
* **Precision.** Of the system quotations (``level`` 1) labelled ``direct``, the share that
  overlap an annotated content span (someone's words, by the annotators). A stricter share, of those
  that overlap a gold direct quotation, is printed beside it (it is lower mostly because annotators
  often take in a colon's lead-in or a whole passage, so the content falls under the 90% line).
* **Speaker.** The system quotation that overlaps the gold content most gives the speaker. It is
  right when its head word (the ``speaker_head`` column if the finder has one, otherwise the last
  word of ``speaker``) equals the head word of the annotated source, ignoring case. A gold
  quotation that is not found counts as wrong.
* **Apposition.** When the annotated source is an apposition, two phrases for one speaker side by
  side ("his wife, Ana Lazar"; "Dana Mills, the coach"), the head word of either phrase counts:
  both name the speaker. The figure that takes only the first phrase is printed beside it.
* **Head word of an annotated source.** The source is cut at its first comma, bracket, dash,
  "who", "which" or "that"; a trailing Jr., Sr., II or III is dropped; the source is then cut at its
  first preposition (of, for, at, in, from, with, on, to, by, about, among, within, under), unless
  every word before it is a title word (Former Secretary of State ...), and an adjective left before
  it (familiar, close, involved ...) goes too. The head is the last word left, without a possessive
  's. A source that is only a form of "say" (an annotation slip) counts as no source. ("a spokesman
  for the team" gives "spokesman"; "Coach Dana Mills of the Hawks" gives "Mills".)
* **Source type.** ``pronoun`` when the source is one personal, possessive or relative pronoun;
  ``name`` when the head word is capitalised; ``noun phrase`` otherwise. Quotations whose
  attribution has no source are counted, not scored.
* **Pronoun sources are scored only where the referent is clear,** by this rule: the source is
  he/she (or him/her), and the coreference chains that the corpus ships (CoreNLP, in
  ``SPLIT/corenlp/``) link it to an earlier mention whose head is a proper noun tagged PERSON. The
  expected head word is the head of the nearest such mention before the pronoun. Other pronoun
  sources (I, we, you, they, it, and he/she without such a link, or without a CoreNLP file) are
  counted, not scored.
* **Scare.** Of the system quotations (``level`` 1) with at least half of their letters inside an
  annotated content span, the share labelled ``scare``.
* **Baseline** ("nearest name next to said/says/told"): after the closing mark to the end of the
  line, then before the opening mark back to its start, at most 120 characters each way, the
  first said/says/told; the capitalised word nearest to it, at most three words away, is the
  speaker (function words such as The, He, It are not names).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "their", "i", "we", "you", "it", "its", "me", "us"}
PRONOUNS |= {"my", "our", "your", "who", "which", "that"}
NOT_SOURCES = {"said", "says", "say"}  # annotation slips: a cue marked as the source
ADJECTIVES = {"familiar", "close", "involved", "knowledgeable", "opposed", "loyal", "aware", "briefed", "speaking"}
SCORED_PRONOUNS = {"he", "she", "him", "her"}
PREPOSITIONS = {"of", "for", "at", "in", "from", "with", "on", "to", "by", "about", "among", "within", "under"}
TITLE_WORDS = {
    "former",
    "secretary",
    "speaker",
    "governor",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "mayor",
    "attorney",
    "general",
    "minister",
    "vice",
    "deputy",
    "acting",
    "then",
    "then-secretary",
    "u.s.",
}
SUFFIXES = {"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"}
NOT_NAMES = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this",
    "that", "his", "her", "their", "its", "as", "if", "when", "so", "then", "also", "later",
}  # fmt: skip
BASELINE_VERB = re.compile(r"\b(?:said|says|told)\b")
WORD = re.compile(r"[A-Za-z][\w’'.\-]*")


# ---------------------------------------------------------------------------
# reading the corpus


@dataclass
class Attribution:
    source: list[tuple[int, int]]
    content: list[tuple[int, int]]
    has_source: bool
    cue: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    name: str
    text: str
    attributions: list[Attribution]
    corenlp: Path | None = None
    regions: list[tuple[int, int]] = field(default_factory=list)


def _spans(field_: str) -> list[tuple[int, int]]:
    return [tuple(map(int, piece.split())) for piece in field_.split(";")]


def read_annotation(path: Path) -> list[Attribution]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and " " in parts[1]:
            spans[parts[0]] = _spans(parts[1].split(" ", 1)[1])
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":", 1) for item in parts[1].split())
            relations.append(roles)
    out = []
    for roles in relations:
        content = [s for key in ("Content", "Content2") if key in roles for s in spans.get(roles[key], [])]
        if not content:
            continue
        source = spans.get(roles.get("Source", ""), [])
        cue = spans.get(roles.get("Cue", ""), [])
        out.append(Attribution(source, sorted(content), bool(source), cue))
    return out


def load_split(folder: Path, split: str) -> list[Doc]:
    data = folder / "data" if (folder / "data").is_dir() else folder
    base = data / split
    if not (base / "text").is_dir() or not (base / "attributions").is_dir():
        sys.exit(f"No {split}/text and {split}/attributions under {data}: give the folder that holds PolNeAR's data/.")
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(name, ann)  # sorted: the first annotator id wins
    docs = []
    for name, ann in sorted(chosen.items()):
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        corenlp = base / "corenlp" / f"{name}.txt.xml"
        docs.append(Doc(name, text, read_annotation(ann), corenlp if corenlp.exists() else None))
    return docs


# ---------------------------------------------------------------------------
# the rules


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*", text)]


def paired_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside paired double quotation marks (marks excluded)."""
    text = text.replace("''", '"\x01')  # two apostrophes stand for a double mark in some papers' house style
    regions = []
    paras = paragraphs(text)
    carry = False
    for k, (a, b) in enumerate(paras):
        open_at = None
        for i in range(a, b):
            c = text[i]
            if i == a and carry:  # the mark that reopens a quotation going on from the paragraph before
                open_at, carry = i, False
            elif c == "“" or (c == '"' and open_at is None):
                open_at = i
            elif c in '”"' and open_at is not None:
                regions.append((open_at + 1, i))
                open_at = None
        if open_at is not None and k + 1 < len(paras) and text[paras[k + 1][0]] in '“"':
            regions.append((open_at + 1, b))
            carry = True
    return regions


def letters(text: str, a: int, b: int) -> int:
    return sum(ch.isalpha() for ch in text[a:b])


def inside_share(text: str, spans, regions) -> float:
    total = sum(letters(text, a, b) for a, b in spans)
    inside = sum(letters(text, max(a, r0), min(b, r1)) for a, b in spans for r0, r1 in regions if r0 < b and a < r1)
    return inside / total if total else 0.0


def head_word(source: str) -> str:
    s = re.split(r",|\(|\[| — | – | -- |\s(?:who|which|that)\b", source.strip(), maxsplit=1)[0]
    words = [w.strip(".,;:!?\"“”‘’'") or w for w in s.split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1].lower() in SUFFIXES:
        words.pop()
    for i, w in enumerate(words):
        if i and w.lower() in PREPOSITIONS and not all(t.lower() in TITLE_WORDS for t in words[:i]):
            words = words[:i]
            while len(words) > 1 and words[-1].lower() in ADJECTIVES:
                words.pop()
            break
    if not words:
        return ""
    return re.sub(r"[’']s?$", "", words[-1])


def apposition_heads(source: str) -> list[str]:
    """The head words of the phrases in apposition after the first ("his wife, Ana Lazar" gives
    ["Lazar"]; "Dana Mills, the coach of the Hawks" gives ["coach"]); a relative clause is not one."""
    parts = re.split(r",|\(|\)| — | – ", source)[1:3]
    found = []
    for part in parts:
        part = part.strip()
        if part and not re.match(r"(?:who|which|that|whose|whom)\b", part) and any(ch.isalpha() for ch in part):
            found.append(head_word(part))
    return [h for h in found if h]


def source_type(source: str, head: str) -> str:
    if source.strip().lower() in PRONOUNS:
        return "pronoun"
    return "name" if head[:1].isupper() else "noun phrase"


def corenlp_referents(path: Path) -> dict[tuple[int, int], str]:
    """Pronoun span -> head word of the nearest earlier PERSON proper-noun mention in its chain."""
    root = ET.parse(path).getroot()
    tokens = {}
    for sent in root.iter("sentence"):
        if sent.find("tokens") is None:
            continue
        sid = int(sent.get("id"))
        for tok in sent.find("tokens"):
            tokens[(sid, int(tok.get("id")))] = (
                int(tok.findtext("CharacterOffsetBegin")),
                int(tok.findtext("CharacterOffsetEnd")),
                tok.findtext("POS"),
                tok.findtext("NER"),
            )
    out = {}
    coref = root.find("document/coreference")
    for chain in coref if coref is not None else []:
        mentions = []
        for m in chain.findall("mention"):
            key = (int(m.findtext("sentence")), int(m.findtext("head")))
            if key in tokens:
                mentions.append(tokens[key])
        mentions.sort()
        for a, b, pos, _ in mentions:
            if pos != "PRP":
                continue
            names = [(a2, b2) for a2, b2, pos2, ner2 in mentions if a2 < a and pos2 == "NNP" and ner2 == "PERSON"]
            if names:
                out[(a, b)] = names[-1]
    return out


# ---------------------------------------------------------------------------
# the systems


FINDER = "rhetoric_lab.quotes"


def system_quotes(text: str) -> list[dict]:
    import importlib

    table = importlib.import_module(FINDER).find_quotations(text)
    rows = []
    for r in table.to_dict("records"):
        if r["level"] != 1:
            continue
        head = r.get("speaker_head")
        if head is None and r["speaker"]:
            head = str(r["speaker"]).split()[-1]
        rows.append({**r, "head": head})
    return rows


def baseline_head(text: str, content: list[tuple[int, int]]) -> str | None:
    open_at, close_at = content[0][0], content[-1][1]
    line_end = text.find("\n", close_at)
    after = text[close_at : min(close_at + 120, line_end if line_end >= 0 else len(text))]
    line_start = text.rfind("\n", 0, open_at) + 1
    before_start = max(line_start, open_at - 120)
    before = text[before_start:open_at]
    for window, offset, from_end in ((after, close_at, False), (before, before_start, True)):
        verbs = list(BASELINE_VERB.finditer(window))
        if not verbs:
            continue
        verb = verbs[-1] if from_end else verbs[0]
        words = [(m.start() + offset, m.group(0).rstrip(".,;:")) for m in WORD.finditer(window)]
        index = next(i for i, (pos, _) in enumerate(words) if pos == verb.start() + offset)
        candidates = [
            (abs(i - index), w)
            for i, (_, w) in enumerate(words)
            if 0 < abs(i - index) <= 3 and w[:1].isupper() and w.lower() not in NOT_NAMES
        ]
        if candidates:
            return min(candidates)[1]
        return None
    return None


# ---------------------------------------------------------------------------
# scoring


def overlap(a: tuple[int, int], spans) -> int:
    return sum(max(0, min(a[1], b) - max(a[0], s)) for s, b in spans)


def evaluate(docs: list[Doc], errors: int = 0) -> dict:
    c = Counter()
    by_type = Counter()
    by_how = Counter()
    shown = 0
    for doc in docs:
        text = doc.text
        regions = paired_regions(text)
        system = system_quotes(text)
        referents = corenlp_referents(doc.corenlp) if doc.corenlp else {}
        gold = [a for a in doc.attributions if inside_share(text, a.content, regions) >= 0.9]
        all_content = [s for a in doc.attributions for s in a.content]
        gold_content = [s for a in gold for s in a.content]
        for q in system:
            span = (q["start"], q["end"])
            if q["kind"] == "direct":
                c["system direct"] += 1
                c["system direct in gold"] += overlap(span, gold_content) > 0
                c["system direct in content"] += overlap(span, all_content) > 0
            total = letters(text, *span)
            inside = sum(letters(text, max(span[0], a), min(span[1], b)) for a, b in all_content if a < span[1])
            if total and inside * 2 >= total:
                c["in attribution"] += 1
                c["in attribution, scare"] += q["kind"] == "scare"
        for att in gold:
            c["gold"] += 1
            hits = [(overlap((q["start"], q["end"]), att.content), q) for q in system]
            hits = [h for h in hits if h[0] > 0]
            best = max(hits, key=lambda h: h[0])[1] if hits else None
            c["found"] += best is not None
            c["found as quotation"] += any(q["kind"] != "scare" for _, q in hits)
            if not att.has_source:
                c["no source"] += 1
                continue
            source = " ".join(text[a:b] for a, b in att.source)
            head = head_word(source)
            if head.lower() in NOT_SOURCES:
                c["no source"] += 1
                continue
            kind = source_type(source, head)
            if kind == "pronoun":
                ref = referents.get(att.source[0]) if source.strip().lower() in SCORED_PRONOUNS else None
                if len(att.source) != 1 or ref is None:
                    by_type["pronoun, unscored"] += 1
                    continue
                head = re.sub(r"[’']s?$", "", text[ref[0] : ref[1]])
            heads = {head.lower()} | ({h.lower() for h in apposition_heads(source)} if kind != "pronoun" else set())
            got = (best or {}).get("head")
            right = bool(got) and got.lower() in heads
            c["right, first phrase only"] += bool(got) and got.lower() == head.lower()
            base = baseline_head(text, att.content)
            base_right = bool(base) and base.lower() in heads
            by_type[kind] += 1
            by_type[kind + ", right"] += right
            by_type[kind + ", baseline right"] += base_right
            how = (best or {}).get("speaker_how", "not found" if best is None else "(no speaker_how)")
            by_how[how] += 1
            by_how[how + ", right"] += right
            if errors and not right and shown < errors:
                shown += 1
                a, b = att.content[0][0], att.content[-1][1]
                print(
                    f"--- {doc.name} [{kind}] expected {head!r}, got {got!r} ({how}; kind {(best or {}).get('kind')})"
                )
                print(
                    "   ",
                    text[max(0, a - 150) : a].replace("\n", " | "),
                    "[[Q]]",
                    text[b : b + 150].replace("\n", " | "),
                )
    scored = sum(by_type[k] for k in ("name", "noun phrase", "pronoun"))
    right = sum(by_type[k + ", right"] for k in ("name", "noun phrase", "pronoun"))
    base = sum(by_type[k + ", baseline right"] for k in ("name", "noun phrase", "pronoun"))
    result = {
        "articles": len(docs),
        "gold direct quotations": c["gold"],
        "recall": ratio(c["found"], c["gold"]),
        "recall as direct or partial": ratio(c["found as quotation"], c["gold"]),
        "precision (direct)": ratio(c["system direct in content"], c["system direct"]),
        "precision (direct, gold direct only)": ratio(c["system direct in gold"], c["system direct"]),
        "speaker accuracy": ratio(right, scored),
        "speaker accuracy, first phrase of an apposition only": ratio(c["right, first phrase only"], scored),
        "baseline speaker accuracy": ratio(base, scored),
        "scare share inside attributions": ratio(c["in attribution, scare"], c["in attribution"]),
        "no annotated source (not scored)": c["no source"],
        "pronoun sources not scored": by_type["pronoun, unscored"],
        "by source type": {
            k: {
                "n": by_type[k],
                "accuracy": ratio(by_type[k + ", right"], by_type[k]),
                "baseline": ratio(by_type[k + ", baseline right"], by_type[k]),
            }
            for k in ("name", "noun phrase", "pronoun")
        },
        "by speaker_how": {
            k: {"n": v, "accuracy": ratio(by_how[k + ", right"], v)} for k, v in by_how.items() if ", right" not in k
        },
    }
    return result


def ratio(a: int, b: int) -> list:
    return [a, b, round(100 * a / b, 1) if b else None]


def show(result: dict, split: str) -> None:
    def pct(r):
        return f"{r[2]:5.1f}%  ({r[0]}/{r[1]})" if r[2] is not None else "   --"

    print(f"PolNeAR {split}: {result['articles']} articles, {result['gold direct quotations']} direct quotations")
    for key in (
        "recall",
        "recall as direct or partial",
        "precision (direct)",
        "precision (direct, gold direct only)",
        "speaker accuracy",
        "speaker accuracy, first phrase of an apposition only",
        "baseline speaker accuracy",
        "scare share inside attributions",
    ):
        print(f"  {key:<52} {pct(result[key])}")
    print(f"  {'no annotated source (not scored)':<52} {result['no annotated source (not scored)']}")
    print(f"  {'pronoun sources not scored':<52} {result['pronoun sources not scored']}")
    print("  speaker accuracy by source type:        finder            baseline")
    for k, v in result["by source type"].items():
        r = v["accuracy"]
        print(f"    {k:<12} n={v['n']:<5} {pct(r):<22} {pct(v['baseline'])}")
    print("  speaker accuracy by the finder's speaker_how:")
    for k, v in sorted(result["by speaker_how"].items()):
        print(f"    {k:<18} n={v['n']:<5} {pct(v['accuracy'])}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder holding a copy of PolNeAR")
    parser.add_argument("split", choices=["train", "dev", "test"])
    parser.add_argument("--errors", type=int, default=0, help="print N wrong speakers (train and dev only)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--final", action="store_true", help="allow the test split (once, when the rules are frozen)")
    parser.add_argument("--finder", default=FINDER, help="the module whose find_quotations is evaluated")
    args = parser.parse_args(argv)
    globals()["FINDER"] = args.finder
    if args.split == "test" and (not args.final or args.errors):
        parser.error("the test split is for the final figure only: add --final, and never --errors")
    result = evaluate(load_split(args.folder, args.split), errors=args.errors)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        show(result, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
