"""The sheets of the printable handouts: for each lesson, a student's sheet and a teacher's answer sheet.

Every question, word and answer on a sheet comes from the answer keys in ``seeds/keys/`` (read with
:func:`rhetoric_lab.data.load_key`) and the article they are about: nothing here restates an answer.
Each function returns the body of one sheet; :mod:`rhetoric_lab.display.handouts` puts them on pages.

>>> "Sentence 4 (¶3)" in readability_teacher()
True
"""

from __future__ import annotations

from .. import topics
from ..allusion import format_span
from ..data import load_key
from ..exercises import key_article
from ..exercises.allusion import research_notes
from ..metaphor import domain_table
from ..quotes import reporting_verb_table
from ..readability import FORMULAS, working
from .handout_page import Raw, bullets, card, choices, join, keep, lines, table, tag

# ---------------------------------------------------------------- shared pieces

#: Rows to write in, in the tables a student fills (more fit on the back of the sheet).
_WRITING_ROWS = 12


def _flat(text: str) -> str:
    """A text on one line: wrapped lines and runs of spaces become single spaces."""
    return " ".join(str(text).split())


def _shortened(text: str, words: int = 8) -> str:
    """A long quotation by its first and last words: "From Lafayette to Pershing […] in solidarity,"."""
    parts = _flat(text).split()
    return " ".join(parts) if len(parts) <= words else " ".join([*parts[:4], "[…]", *parts[-2:]])


def _sentence_label(article, number: int) -> str:
    return f"Sentence {number} (¶{article.sentences[number].paragraph})"


def _where(article, start: int) -> str:
    """ "¶3, sentence 4": where an offset is in the article."""
    return f"¶{article.paragraph_at(start)}, sentence {article.sentence_at(start)}"


def _numbering_note(article) -> Raw:
    return tag(
        "p",
        f"Paragraphs are numbered ¶0 to ¶{len(article.paragraphs) - 1} and sentences 0 to "
        f"{len(article.sentences) - 1}, counting from 0 as the notebooks and the answer keys do.",
        cls="note",
    )


#: Notebooks with an answer key but no topic in the registry (no finder of their own).
_KEY_NOTEBOOKS = {"report": "04-report-and-speech.ipynb"}


def notebook_of(key: str) -> str:
    """The notebook an answer key belongs to: from the topic registry, else :data:`_KEY_NOTEBOOKS`.

    >>> notebook_of("metaphors")
    '01-metaphor.ipynb'
    """
    return next((t.notebook for t in topics.TOPICS if t.key == key), None) or _KEY_NOTEBOOKS[key]


def _as_text(value) -> str:
    """A key's field that may be one string or a list of strings, as one line."""
    return value if isinstance(value, str) else "; ".join(map(str, value))


def _yes(flag) -> str:
    return "yes" if flag else "no"


# ---------------------------------------------------------------- 00 · the article


def _article():
    """The article every key is about (they share one)."""
    return key_article(next(t.key for t in topics.TOPICS if t.key))


def article_sheet() -> Raw:
    """The article with every paragraph and sentence numbered."""
    article = _article()
    title = article.meta.get("title")
    parts = [tag("p", title, cls="note") if title else "", _numbering_note(article)]
    for paragraph in article.paragraphs:
        sentences = [s for s in article.sentences if s.paragraph == paragraph.index]
        text = " ".join(
            f'<span class="snum"><span class="sr">sentence </span>{s.index}</span> {tag("span", _flat(s.text))}'
            for s in sentences
        )
        parts.append(
            Raw(
                f'<div class="para"><span class="pnum"><span class="sr">paragraph </span>¶{paragraph.index}</span>'
                f"<p>{text}</p></div>"
            )
        )
    return join(*parts)


def article_teacher() -> Raw:
    """The article sentence by sentence, with what each answer key says about it."""
    article = _article()
    notes: dict[int, list[str]] = {s.index: [] for s in article.sentences}
    for e in load_key("quotes")["entries"]:
        if e["type"] == "sentence":
            also = f" (also defensible: {', '.join(e['also_accept'])})" if e["also_accept"] else ""
            notes[e["sentence"]].insert(0, f"voice: {e['label']}{also}")
        elif e["type"] == "quotation":
            notes[e["sentence"]].append(f"quotation ({e['kind']}, {e['speaker']}): “{_shortened(e['text'])}”")
    for e in load_key("metaphors")["entries"]:
        kind = "metaphor" if e["metaphor"] else "read literally"
        flag = ", borderline" if e["borderline"] else ""
        notes[article.sentence_at(e["start"])].append(f"{kind}: “{e['text']}” ({e['domain']}{flag})")
    for e in load_key("allusions")["entries"]:
        years = format_span(e["start_year"], e["end_year"])
        notes[article.sentence_at(e["start"])].append(f"allusion: “{e['text']}” ({e['category']}, {years})")
    rows = [[_sentence_label(article, s.index), _flat(s.text), bullets(notes[s.index])] for s in article.sentences]
    return join(
        tag(
            "p",
            "Every sentence with what the answer keys mark in it: its voice (notebook 03), the metaphors and "
            "literal readings (01) and the allusions (02). The reasons are on each topic's answer sheet.",
        ),
        table(["sentence", "text", "what the keys mark"], rows, widths=["13%", "47%", "40%"]),
    )


# ---------------------------------------------------------------- 01 · metaphor

_METAPHOR_GROUPS = {
    "disease cluster": "The extended metaphor (the disease cluster)",
    "conventional": "Conventional metaphors",
    "literal": "Read literally here",
}


def metaphor_sheet() -> Raw:
    """The metaphor hunt and the MIPVU-style worksheet."""
    key = load_key("metaphors")
    article = key_article("metaphors")
    hunt = [[str(n), ("write", ""), None, None, None] for n in range(1, _WRITING_ROWS + 1)]
    domains = ", ".join(domain_table()["domain"])
    where, rows = [], []
    for w in key["worksheet"]:
        number = article.sentence_at(w["start"])
        where.append(
            join(
                tag("strong", w["word"]),
                f" in {_sentence_label(article, number).lower()}: ",
                _flat(article.sentences[number].text),
            )
        )
        rows.append(
            [f"{w['word']} (in “{w['text']}”)", ("write-tall", ""), None, None, choices(["metaphor", "literal"], True)]
        )
    return join(
        tag("h2", "Part 1 · The metaphor hunt (notebook 01, Exercise 1)"),
        tag(
            "p",
            "Read the numbered article. List every metaphor you notice: the words, where they are, what the "
            "text is really talking about (the target) and the area the words come from (the source). "
            "Use the back of the sheet if you find more.",
        ),
        table(
            ["#", "the words", "¶", "target: what it is about", "source: where the words come from"],
            hunt,
            widths=["5%", "30%", "7%", "29%", "29%"],
        ),
        tag("p", f"Source areas you may meet: {domains}.", cls="note"),
        keep(
            tag("h2", "Part 2 · The MIPVU worksheet (notebook 01, Exercise 3)"),
            tag(
                "p",
                "For each word: (1) say what it means in this sentence; (2) find a more basic meaning; (3) if the "
                "two contrast and the first is understood by comparison with the second, the word is a metaphor. "
                "A dictionary helps with the basic meaning.",
            ),
            tag("p", "The words, in their sentences:"),
            Raw(f'<ol class="note">{"".join(tag("li", w) for w in where)}</ol>'),
            table(
                [
                    "word",
                    "what it means here",
                    "its basic meaning",
                    "do they contrast? is one understood through the other?",
                    "verdict",
                ],
                rows,
                widths=["16%", "22%", "22%", "24%", "16%"],
            ),
        ),
    )


def metaphor_teacher() -> Raw:
    """The metaphor key: every expression with its domain and reason, and the worksheet's verdicts."""
    key = load_key("metaphors")
    article = key_article("metaphors")
    parts = [tag("h2", "Part 1 · The metaphor hunt: the key")]
    for group in dict.fromkeys(e["type"] for e in key["entries"]):
        rows = []
        for e in (e for e in key["entries"] if e["type"] == group):
            words = e["text"] + (f" (also accepted: {', '.join(e['accept'])})" if e.get("accept") else "")
            label = ("metaphor" if e["metaphor"] else "literal") + (", borderline" if e["borderline"] else "")
            rows.append([words, _where(article, e["start"]), e["domain"], label, e["why"]])
        parts += [
            tag("h3", _METAPHOR_GROUPS.get(group, group.capitalize())),
            table(
                ["expression", "where", "domain", "verdict", "why"], rows, widths=["19%", "13%", "15%", "14%", "39%"]
            ),
        ]
    rows = [
        [
            f"{w['word']} (in “{w['text']}”)",
            w["contextual_meaning"],
            w["basic_meaning"],
            ("metaphor" if w["metaphor"] else "literal") + (", borderline" if w["borderline"] else ""),
            w["why"],
        ]
        for w in key["worksheet"]
    ]
    parts += [
        tag("h2", "Part 2 · The MIPVU worksheet: the key"),
        table(
            ["word", "contextual meaning", "basic meaning", "verdict", "why"],
            rows,
            widths=["15%", "21%", "21%", "14%", "29%"],
        ),
        tag(
            "p",
            "Borderline verdicts are defensible either way when the student can say how the two meanings compare.",
            cls="note",
        ),
    ]
    return join(*parts)


# ---------------------------------------------------------------- 02 · allusions


def _opening_line(key, article):
    return article.sentences[article.sentence_at(key["entries"][0]["start"])]


def allusion_sheet() -> Raw:
    """The research sheet: the four references of the Lafayette line."""
    key = load_key("allusions")
    article = key_article("allusions")
    line = _opening_line(key, article)
    cards = [
        card(
            tag("h3", f"{n} · {e['text']}"),
            lines("Who or what is it?"),
            lines("One year in its story, and what happened then:"),
            lines("Where you found it (the reference work and its entry):"),
            lines("Why name it in a speech given in Paris?"),
            tag("p", f"If you are stuck: {e['hint']}", cls="note"),
        )
        for n, e in enumerate(key["entries"], start=1)
    ]
    return join(
        tag("h2", "The line"),
        tag("p", join(f"{_sentence_label(article, line.index)}: ", tag("strong", _flat(line.text)))),
        tag("h2", "Research the references (notebook 02, Exercise 1)"),
        tag(
            "p",
            "Use an encyclopaedia or another reliable reference work, not a quotation website. Any year that "
            "belongs to the story counts, if you can name your source.",
        ),
        *cards,
        tag("h2", "The shape of the line"),
        lines("Put the references in order of time. Who helps whom, and what pattern joins them?", 3),
    )


def allusion_teacher() -> Raw:
    """The allusion key: what each reference is, its years, why it fits, and what is not an allusion."""
    key = load_key("allusions")
    article = key_article("allusions")
    rows = [
        [
            e["text"],
            e["names"][-1],
            e["category"],
            f"{format_span(e['start_year'], e['end_year'])} ({e['years_mean']})",
            e["why_here"],
        ]
        for e in key["entries"]
    ]
    research = []
    for e in key["entries"]:
        story_label, years = research_notes(key, e)
        note = (
            f"The key lists the years below. Any other year inside {story_label} is accepted with a source; "
            "the check calls other years off."
        )
        research.append(
            card(
                tag("h3", e["text"]),
                tag("p", note, cls="note"),
                bullets(
                    f"{year}: {what}" + (f" The check calls this year off: {off}" if off else "")
                    for year, what, off in years
                ),
            )
        )
    parts = [
        tag("p", f"The line is in {_sentence_label(article, _opening_line(key, article).index).lower()}."),
        tag("h2", "The references"),
        table(
            ["in the text", "refers to", "category", "years", "why it fits a speech in Paris"],
            rows,
            widths=["15%", "18%", "14%", "17%", "36%"],
        ),
        tag("h2", "Research: years the key lists"),
        *research,
    ]
    if key.get("structure"):
        parts += [tag("h2", "The shape of the line"), tag("p", key["structure"])]
    if key.get("not_allusions"):
        rows = [[n["text"], _where(article, n["start"]), n["why"]] for n in key["not_allusions"]]
        parts += [
            tag("h2", "Named, but not allusions"),
            table(["in the text", "where", "why not"], rows, widths=["22%", "18%", "60%"]),
        ]
    if key.get("speech_year_note"):
        parts += [tag("h2", "The year of the speech"), tag("p", key["speech_year_note"])]
    if key.get("sources"):
        parts += [tag("h2", "Sources"), bullets(key["sources"])]
    return join(*parts)


# ---------------------------------------------------------------- 03 · quotations

#: What each label means, in the words of notebook 03 (the labels themselves come from the key).
_LABEL_MEANINGS = {
    "direct": "a whole sentence of the speaker's, in quotation marks",
    "partial": "a few of the speaker's words, in quotation marks, inside the reporter's sentence",
    "paraphrase": "the speaker's point in the reporter's words, without quotation marks",
    "narration": "the reporter's own account",
}


def quotes_sheet() -> Raw:
    """The quotation-labelling sheet, sentence by sentence, and the reporter's verbs."""
    key = load_key("quotes")
    article = key_article("quotes")
    labels = list(key["labels"])
    meanings = bullets(
        join(tag("strong", label), ": ", _LABEL_MEANINGS.get(label, key["labels"][label]["hint"])) for label in labels
    )
    sentences = sorted((e for e in key["entries"] if e["type"] == "sentence"), key=lambda e: e["sentence"])
    label_rows = [
        [
            _sentence_label(article, e["sentence"]),
            _flat(article.sentences[e["sentence"]].text),
            choices(labels, True),
            None,
        ]
        for e in sentences
    ]
    rows = [[str(n), None, ("write", ""), None, None] for n in range(1, _WRITING_ROWS + 1)]
    return join(
        tag("h2", "Part 1 · Whose words? (notebook 03, Exercise 1)"),
        tag(
            "p",
            "Give each sentence one label. If a sentence mixes voices, choose the strongest sign of the speaker: "
            "direct before partial, partial before paraphrase.",
        ),
        meanings,
        table(
            ["sentence", "the sentence", "your label", "the words that tell you"],
            label_rows,
            widths=["13%", "51%", "16%", "20%"],
        ),
        keep(
            tag("h2", "Part 2 · The reporter's verbs"),
            tag(
                "p",
                "List the verbs the reporter uses to report what someone said or did (“said”, for one). Does "
                "each verb only report, or does it also judge?",
            ),
            table(
                ["#", "sentence", "the verb", "who speaks", "only reports, or judges too?"],
                rows,
                widths=["6%", "14%", "23%", "20%", "37%"],
            ),
        ),
    )


def quotes_teacher() -> Raw:
    """The quotation key: a label for every sentence, the quotations, the paraphrases and the verbs."""
    key = load_key("quotes")
    article = key_article("quotes")
    of = {kind: [e for e in key["entries"] if e["type"] == kind] for kind in ("sentence", "quotation", "indirect")}
    stance = {r["verb"]: r["stance"] for r in reporting_verb_table().to_dict("records")}
    label_rows = [
        [_sentence_label(article, e["sentence"]), e["label"], ", ".join(e["also_accept"]) or "none", e["why"]]
        for e in sorted(of["sentence"], key=lambda e: e["sentence"])
    ]
    quote_rows = [[str(e["sentence"]), _flat(e["text"]), e["kind"], e["speaker"], e["verb"]] for e in of["quotation"]]
    indirect_rows = [[str(e["sentence"]), _flat(e["text"]), e["speaker"], e["verb"]] for e in of["indirect"]]
    verb_rows = [
        [str(e["sentence"]), e["text"], e["verb"], e["speaker"], stance.get(e["verb"], "not in the verb list")]
        for e in key["entries"]
        if e["type"] == "verb"
    ]
    return join(
        tag("h2", "Part 1 · A label for every sentence"),
        table(["sentence", "label", "also defensible", "why"], label_rows, widths=["14%", "15%", "15%", "56%"]),
        tag("h2", "The quotations"),
        table(
            ["sentence", "quoted words", "kind", "speaker", "verb"],
            quote_rows,
            widths=["13%", "48%", "13%", "13%", "13%"],
        ),
        tag("h2", "Paraphrase: the speaker's point in the reporter's words"),
        table(["sentence", "the words", "speaker", "verb"], indirect_rows, widths=["13%", "61%", "13%", "13%"]),
        tag("h2", "Part 2 · The reporter's verbs"),
        table(
            ["sentence", "in the text", "verb", "who speaks", "stance"],
            verb_rows,
            widths=["13%", "22%", "19%", "21%", "25%"],
        ),
        tag(
            "p",
            "Stance comes from the module's list of reporting verbs: a neutral verb only reports, an evaluative "
            "one also judges.",
            cls="note",
        ),
    )


# ---------------------------------------------------------------- 05 · readability


def _hand(key) -> dict:
    return next(e for e in key["entries"] if e["type"] == "hand_calculation")


def _halves(rows):
    """Rows laid out in two side-by-side halves, to save paper."""
    half = (len(rows) + 1) // 2
    left, right = rows[:half], rows[half:]
    return [a + (right[i] if i < len(right) else [None] * len(a)) for i, a in enumerate(left)]


def readability_sheet() -> Raw:
    """The Flesch–Kincaid Grade of one sentence by hand, and which formulas count letters."""
    key = load_key("readability")
    article = key_article("readability")
    hand = _hand(key)
    words = [[str(n), word, ("write", "")] for n, (word, _) in enumerate(hand["word_syllables"], start=1)]
    formula = FORMULAS[hand["metric"]]
    metrics = [e["metric"] for e in key["entries"] if e["type"] == "metric_input"]
    rows = [[FORMULAS[m].label, choices(["letters or characters", "syllables", "a word list"])] for m in metrics]
    return join(
        tag("h2", f"Part 1 · A {formula.label} by hand (notebook 05, Exercise 2)"),
        tag("p", join(f"{_sentence_label(article, hand['sentence'])}: ", tag("strong", _flat(hand["text"])))),
        tag(
            "p",
            "Count the syllables of each word aloud. A word with an apostrophe (“that’s”) or a hyphen counts as "
            "one word.",
        ),
        table(["#", "word", "syllables"] * 2, _halves(words), widths=["6%", "28%", "16%"] * 2),
        tag(
            "p",
            Raw(
                'Words: <span class="blank" style="min-width:5em"></span> &nbsp; Sentences: 1 &nbsp; '
                'Syllables: <span class="blank" style="min-width:5em"></span>'
            ),
        ),
        tag("p", join(f"{formula.label} = ", formula.formula), cls="formula"),
        lines("Put in your numbers, and work it out step by step:", 3),
        keep(
            tag("h2", "Part 2 · Letters or syllables? (notebook 05, Exercise 1)"),
            tag("p", "How does each formula measure how long the words are? Tick one box in each row."),
            table(["formula", "it measures word length in …"], rows, widths=["32%", "68%"]),
        ),
    )


def readability_teacher() -> Raw:
    """The readability key: every word's syllables, the working, and what each formula counts."""
    key = load_key("readability")
    article = key_article("readability")
    hand = _hand(key)
    formula = FORMULAS[hand["metric"]]
    words = [[str(n), w, str(s)] for n, (w, s) in enumerate(hand["word_syllables"], start=1)]
    steps = working(hand["text"]).steps.get(hand["metric"], [])  # the notebook's show_working, line by line
    tolerance = hand.get("syllable_tolerance")
    note = hand.get("syllable_note", "")
    accept = f"Accept syllable counts within ±{tolerance} of the key's: {note}" if tolerance is not None else note
    metric_rows = [
        [FORMULAS[e["metric"]].label, _yes(e["counts_letters"]), e["why"]]
        for e in key["entries"]
        if e["type"] == "metric_input"
    ]
    return join(
        tag("h2", f"Part 1 · {formula.label} by hand"),
        tag("p", join(f"{_sentence_label(article, hand['sentence'])}: ", tag("strong", _flat(hand["text"])))),
        table(["#", "word", "syllables"] * 2, _halves(words), widths=["6%", "28%", "16%"] * 2),
        tag(
            "p",
            f"Words: {hand['words']}; sentences: {hand.get('sentences', 1)}; syllables: {hand['syllables']}; "
            f"{formula.label}: {hand['score']:.2f}.",
        ),
        tag("p", join(f"{formula.label} = ", formula.formula), cls="formula"),
        Raw("".join(tag("p", step) for step in steps[1:])),
        tag("p", accept) if accept else "",
        tag(
            "p",
            "The notebook's check judges the arithmetic on the student's own counts, so a defensible syllable "
            "count with the right arithmetic is right.",
            cls="note",
        ),
        tag("h2", "Part 2 · Letters or syllables?"),
        table(["formula", "counts letters?", "why"], metric_rows, widths=["26%", "14%", "60%"]),
    )


# ---------------------------------------------------------------- 04 · the report and the speech


def _passages(key) -> list[dict]:
    return [e for e in key["entries"] if e["type"] == "passage"]


def report_sheet() -> Raw:
    """Compare passages of the report with the speech: kept, cut, re-worded or re-ordered; then the readings."""
    key = load_key("report")
    article = key_article("report")
    labels = list(key["labels"])
    rows = [
        [e["id"], f"{_sentence_label(article, e['sentence'])}: “{_flat(e['text'])}”", choices(labels, True), None]
        for e in _passages(key)
    ]
    readings = [
        card(tag("h3", e["title"]), tag("p", e["question"]), lines("Your answer:", 3))
        for e in key["entries"]
        if e["type"] == "reading"
    ]
    return join(
        tag("h2", "Part 1 · What did the reporter do? (notebook 04, Exercise 1)"),
        tag(
            "p",
            "You need the speech: the transcript published by the U.S. Department of Defense (your teacher can "
            "print it). Find each passage of the report in the speech. Did the reporter keep Carter's words, cut "
            "some of them, re-word them, or move them? Tick one box, and note what the speech says there.",
        ),
        tag("p", join("Transcript: ", key["sources"][0]), cls="note") if key.get("sources") else "",
        table(
            ["passage", "in the report", "the reporter …", "what the speech says there"],
            rows,
            widths=["12%", "43%", "16%", "29%"],
        ),
        tag("h2", "Part 2 · Reading the speech as rhetoric (notebook 04, Exercise 2)"),
        *readings,
    )


def report_teacher() -> Raw:
    """The key: what the reporter did with each passage, what the speech has there, and the readings' points."""
    key = load_key("report")
    article = key_article("report")
    rows = [
        [
            e["id"],
            f"{_sentence_label(article, e['sentence'])}: “{_flat(e['text'])}”",
            e["label"] + (f" (also defensible: {', '.join(e['also_accept'])})" if e["also_accept"] else ""),
            e["speech"],
            e["why"],
        ]
        for e in _passages(key)
    ]
    readings = [
        card(
            tag("h3", e["title"]),
            tag("p", join(tag("strong", "Question: "), e["question"])),
            tag("p", e["key_points"]),
            tag("p", f"Sources: {_as_text(e['sources'])}", cls="note") if e.get("sources") else "",
        )
        for e in key["entries"]
        if e["type"] == "reading"
    ]
    return join(
        tag("h2", "Part 1 · What the reporter did"),
        table(
            ["passage", "in the report", "the reporter …", "the speech (paraphrased)", "why"],
            rows,
            widths=["12%", "22%", "14%", "26%", "26%"],
        ),
        tag("h2", "Part 2 · The readings: key points"),
        *readings,
        tag("h2", "Sources"),
        bullets(key.get("sources", [])),
    )
