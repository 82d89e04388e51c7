"""Timings that add up: notebook headers against their sections, lesson plans against their notebooks, and the
routes of the teacher's guide minute by minute.

The rules (also stated in the teacher's guide, lessons/README.md, "Three routes"):

- a notebook's header says ``**Time** | T minutes (teaching A, exercises B)``, with A + B = T;
- every ``##`` section (except *Key points* and parts marked optional) ends with "(N minutes)", and the
  sections add up to T; every exercise, discussion, practice or experiment heading (named in words) that is
  not optional ends with "(N minutes)", and those add up to B;
- a section has time to read its text aloud (at 150 words a minute, a normal pace for reading to a class) on
  top of its exercises and discussions;
- a lesson plan's **Teaching** and **Exercises** are its notebook's A and B, and its timing table's rows run from
  0 to A + B without gaps or overlaps; where the table has a ``kind`` column, its teaching rows add up to A and the
  others to B; the steps of its teacher script cover the lesson and start and end at rows of the table;
- every route table in the teacher's guide runs from 0 to the length of its lesson without gaps or overlaps.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
LESSON_PLANS = sorted((ROOT / "lessons").glob("[0-9][0-9]-*.md"))
GUIDE = ROOT / "lessons" / "README.md"
#: Reading aloud to a class, in words a minute.
READING_PACE = 150

MINUTES = re.compile(r"\((\d+) minutes?\)\s*$")
HEADER_TIME = re.compile(r"\*\*Time\*\*\s*\|\s*(\d+) minutes \(teaching (\d+), exercises (\d+)\)")
ACTIVITY = re.compile(r"✏️|💬|\b(?:Exercise|Discussion|Experiment|Try it|Practice)\b")
RANGE = re.compile(r"^(\d+)\s*[–-]\s*(\d+)$")


# ---------------------------------------------------------------- notebooks


@dataclass
class Section:
    """A ``##`` section of a notebook: its heading, its minutes, its activities and the words of its text."""

    heading: str
    minutes: int | None
    optional: bool
    activities: list[tuple[str, int | None, bool]] = field(default_factory=list)  # heading, minutes, optional
    words: int = 0  # words of the markdown outside its activities: what a teacher reads aloud


def _optional(heading: str) -> bool:
    return "optional" in heading.lower() or "homework" in heading.lower()


def _minutes(heading: str) -> int | None:
    m = MINUTES.search(heading)
    return int(m.group(1)) if m else None


def notebook_header(path) -> tuple[int, int, int]:
    first = "".join(json.loads(path.read_text("utf-8"))["cells"][0]["source"])
    m = HEADER_TIME.search(first)
    assert m, f"{path.name}: the header's Time row should read 'T minutes (teaching A, exercises B)'"
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def notebook_sections(path) -> list[Section]:
    """The ``##`` sections after the header, with the ``###`` activities inside them."""
    cells = json.loads(path.read_text("utf-8"))["cells"]
    sections: list[Section] = []
    in_activity = False
    for cell in cells[1:]:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            heading = re.match(r"^(#{2,3}) (.+?)\s*$", line)
            if heading and len(heading.group(1)) == 2:
                title = heading.group(2)
                sections.append(Section(title, _minutes(title), _optional(title) or title == "Key points"))
                in_activity = bool(ACTIVITY.search(title))
                if in_activity:
                    sections[-1].activities.append((title, _minutes(title), _optional(title)))
                continue
            if heading:
                title = heading.group(2)
                in_activity = bool(ACTIVITY.search(title))
                if in_activity and sections:
                    sections[-1].activities.append((title, _minutes(title), _optional(title)))
                continue
            if sections and not in_activity:
                sections[-1].words += len(re.findall(r"[A-Za-z’']+", line))
    return sections


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_header_adds_up(path):
    total, teaching, exercises = notebook_header(path)
    assert teaching + exercises == total, f"{path.name}: teaching {teaching} + exercises {exercises} ≠ {total}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_sections_add_up_to_the_header(path):
    total, _, exercises = notebook_header(path)
    sections = [s for s in notebook_sections(path) if not s.optional]
    unlabelled = [s.heading for s in sections if s.minutes is None]
    assert not unlabelled, f"{path.name}: sections without '(N minutes)': {unlabelled}"
    assert sum(s.minutes for s in sections) == total, (
        f"{path.name}: the sections add up to {sum(s.minutes for s in sections)} minutes, the header says {total}: "
        + ", ".join(f"{s.heading}" for s in sections)
    )
    activities = [a for s in sections for a in s.activities if not a[2]]
    unlabelled = [a[0] for a in activities if a[1] is None]
    assert not unlabelled, f"{path.name}: exercises or discussions without '(N minutes)': {unlabelled}"
    assert sum(a[1] for a in activities) == exercises, (
        f"{path.name}: exercises and discussions add up to {sum(a[1] for a in activities)} minutes, "
        f"the header says {exercises}: {[a[0] for a in activities]}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_section_has_time_for_its_exercises(path):
    short = [
        s.heading
        for s in notebook_sections(path)
        if s.minutes is not None and s.minutes < sum(a[1] or 0 for a in s.activities if not a[2])
    ]
    assert not short, f"{path.name}: sections shorter than the exercises and discussions inside them: {short}"


def test_the_section_parser_reads_headings_minutes_and_words(tmp_path):
    cells = [
        {"cell_type": "markdown", "source": ["# 09 · A test\n", "| **Time** | 9 minutes (teaching 4, exercises 5) |"]},
        {"cell_type": "markdown", "source": ["## One (4 minutes)\n", "\n", "Read these five words aloud."]},
        {"cell_type": "code", "source": ["print(1)"]},
        {"cell_type": "markdown", "source": ["### ✏️ Exercise 1 · Try (3 minutes)\n", "Do this now please."]},
        {"cell_type": "markdown", "source": ["## Two (5 minutes)\n", "### 💬 Discussion (2 minutes)\n", "Talk."]},
        {"cell_type": "markdown", "source": ["## Look closer (optional)\n", "Extra words here."]},
    ]
    path = tmp_path / "09-test.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert notebook_header(path) == (9, 4, 5)
    one, two, extra = notebook_sections(path)
    assert (one.minutes, one.words, one.activities) == (4, 5, [("✏️ Exercise 1 · Try (3 minutes)", 3, False)])
    assert (two.minutes, two.words, [a[1] for a in two.activities]) == (5, 0, [2])
    assert extra.optional and extra.minutes is None


# ---------------------------------------------------------------- timing tables


def table_after(text: str, heading_pattern: str) -> list[list[str]]:
    """The rows (cells stripped) of the first Markdown table after the heading that matches."""
    m = re.search(heading_pattern, text, re.M)
    assert m, f"no heading matching {heading_pattern!r}"
    rows, started = [], False
    for line in text[m.end() :].splitlines():
        if line.startswith("|"):
            started = True
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                rows.append(cells)
        elif started:
            break
        elif line.startswith("#"):
            break
    return rows


def ranges(rows: list[list[str]], column: int = 0) -> list[tuple[int, int]]:
    """The "a–b" minute ranges of a table's rows; rows such as "homework" are left out."""
    found = []
    for row in rows[1:]:
        m = RANGE.match(row[column].replace("*", ""))
        if m:
            found.append((int(m.group(1)), int(m.group(2))))
    return found


def problems_in(spans: list[tuple[int, int]], total: int) -> list[str]:
    """Gaps, overlaps, empty rows, and a start or an end that is not 0 or ``total``."""
    problems = []
    if not spans:
        return ["no timed rows"]
    if spans[0][0] != 0:
        problems.append(f"starts at {spans[0][0]}, not 0")
    for (a, b), (c, d) in zip(spans, spans[1:], strict=False):
        if c < b:
            problems.append(f"{a}–{b} overlaps {c}–{d}")
        elif c > b:
            problems.append(f"a gap between {b} and {c}")
    problems += [f"{a}–{b} is empty or backwards" for a, b in spans if b <= a]
    if spans[-1][1] != total:
        problems.append(f"ends at {spans[-1][1]}, not {total}")
    return problems


def test_the_range_check_notices_gaps_and_overlaps():
    assert problems_in([(0, 25), (27, 35), (35, 50)], 50) == ["a gap between 25 and 27"]
    assert problems_in([(0, 28), (27, 50)], 50) == ["0–28 overlaps 27–50"]
    assert problems_in([(0, 20), (20, 45)], 50) == ["ends at 45, not 50"]
    assert problems_in([(0, 25), (25, 50)], 50) == []


def lesson_notebook(path):
    link = re.search(r"\*\*Notebook\*\*\s*\|\s*\[[^\]]*\]\(\.\./notebooks/([^)]+\.ipynb)\)", path.read_text("utf-8"))
    assert link, f"{path.name}: no **Notebook** row linking to its notebook"
    return ROOT / "notebooks" / link.group(1)


@pytest.mark.parametrize("path", LESSON_PLANS, ids=lambda p: p.stem)
def test_lesson_plan_timing_table_adds_up_to_its_notebook(path):
    text = path.read_text("utf-8")
    total, teaching, exercises = notebook_header(lesson_notebook(path))
    plan = {k: int(v) for k, v in re.findall(r"\*\*(Teaching|Exercises)\*\*\s*\|\s*(\d+) minutes", text)}
    assert plan == {"Teaching": teaching, "Exercises": exercises}, (
        f"{path.name} says {plan}; its notebook says teaching {teaching}, exercises {exercises}"
    )
    spans = ranges(table_after(text, r"^## Timing"))
    assert not problems_in(spans, total), f"{path.name}: {problems_in(spans, total)}"


def kind_minutes(rows: list[list[str]]) -> dict[str, int] | None:
    """Minutes per kind ("teaching", or "exercises" for exercise and discussion rows) of a timing table with a
    ``kind`` column; None when the table has none."""
    header = [h.lower() for h in rows[0]]
    if "kind" not in header:
        return None
    column, totals = header.index("kind"), {"teaching": 0, "exercises": 0}
    for row in rows[1:]:
        m = RANGE.match(row[0].replace("*", ""))
        if m:
            kind = "teaching" if row[column].lower() == "teaching" else "exercises"
            totals[kind] += int(m.group(2)) - int(m.group(1))
    return totals


#: A step of a teacher script: "**0–3 · Opening.**" (a span of the lesson) or "1. **Open (2 min).**" (a length).
SCRIPT_SPAN = re.compile(r"^\*\*(\d+)\s*[–-]\s*(\d+) ·", re.M)
SCRIPT_LENGTH = re.compile(r"^\d+\. \*\*[^*]*?\((\d+) min\)", re.M)


def script_spans(text: str) -> list[tuple[int, int]]:
    """The minute spans of the steps of a lesson plan's *Teacher script*, from stamps or from lengths in order."""
    m = re.search(r"^## Teacher script\s*$(.*?)(?=^## )", text, re.M | re.S)
    assert m, "no '## Teacher script' section"
    script = m.group(1)
    spans = [(int(a), int(b)) for a, b in SCRIPT_SPAN.findall(script)]
    if spans:
        return spans
    start = 0
    for length in SCRIPT_LENGTH.findall(script):
        spans.append((start, start + int(length)))
        start += int(length)
    return spans


@pytest.mark.parametrize("path", LESSON_PLANS, ids=lambda p: p.stem)
def test_lesson_plan_kinds_and_script_agree_with_its_table(path):
    """The table's teaching and exercise rows add up to the plan's header, and every step of the teacher script
    starts and ends where a row of the table does, covering the lesson without gaps or overlaps."""
    text = path.read_text("utf-8")
    total, teaching, exercises = notebook_header(lesson_notebook(path))
    rows = table_after(text, r"^## Timing")
    kinds = kind_minutes(rows)
    if kinds is not None:
        assert kinds == {"teaching": teaching, "exercises": exercises}, (
            f"{path.name}: the timing table's kinds give {kinds}; the header says teaching {teaching}, "
            f"exercises {exercises}"
        )
    steps = script_spans(text)
    assert not problems_in(steps, total), f"{path.name}, teacher script: {problems_in(steps, total)}"
    edges = {edge for span in ranges(rows) for edge in span}
    off = [f"{a}–{b}" for a, b in steps if a not in edges or b not in edges]
    assert not off, f"{path.name}: script steps that do not start and end at a row of the timing table: {off}"


def test_the_script_check_reads_both_kinds_of_step():
    stamps = "## Teacher script\n\n**0–3 · Opening.** Talk.\n\n**3–8 · Then.** More.\n\n## Next\n"
    lengths = "## Teacher script\n\n1. **Open (2 min).** Ask.\n2. **Exercise 1 (12 min).** Do.\n\n## Next\n"
    assert script_spans(stamps) == [(0, 3), (3, 8)]
    assert script_spans(lengths) == [(0, 2), (2, 14)]
    rows = [["minutes", "part", "kind"], ["0–3", "a", "teaching"], ["3–8", "b", "exercise"], ["8–9", "c", "discussion"]]
    assert kind_minutes(rows) == {"teaching": 3, "exercises": 6}
    assert kind_minutes([["minutes", "part"], ["0–3", "a"]]) is None


def listed_times(text: str) -> dict[str, int]:
    """Notebook number -> minutes, from the rows of a table that starts "| NN · Title" or "| [NN · Title](...)"."""
    return {
        m.group(1): int(m.group(2)) for m in re.finditer(r"^\|\s*\[?(\d\d) · [^|]*\|.*\|\s*(\d+) min\s*\|$", text, re.M)
    }


def test_the_notebook_lists_give_each_notebook_its_header_time():
    """The README's table of notebooks and notebook 00's route give the same minutes as the headers."""
    headers = {p.name[:2]: notebook_header(p)[0] for p in NOTEBOOKS}
    cells = json.loads(NOTEBOOKS[0].read_text("utf-8"))["cells"]
    start = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    for where, text in (("README.md", (ROOT / "README.md").read_text("utf-8")), (NOTEBOOKS[0].name, start)):
        listed = listed_times(text)
        assert listed == headers, f"{where} lists {listed}; the notebooks' headers say {headers}"


# ---------------------------------------------------------------- the routes of the teacher's guide


def guide_tables() -> dict[str, list[list[str]]]:
    text = GUIDE.read_text("utf-8")
    return {
        "A": table_after(text, r"^### Route A"),
        "B": table_after(text, r"^### Route B"),
        "C": table_after(text, r"^### Route C"),
        "paper": table_after(text, r"^### The paper route"),
    }


@pytest.mark.parametrize("route", ["A", "paper"])
def test_one_lesson_routes_account_for_every_minute_of_50(route):
    spans = ranges(guide_tables()[route])
    assert not problems_in(spans, 50), f"route {route}: {problems_in(spans, 50)}"


def test_route_b_accounts_for_every_minute_of_two_lessons():
    rows = guide_tables()["B"]
    for lesson in sorted({r[0] for r in rows[1:]}):
        spans = ranges([rows[0], *[r for r in rows[1:] if r[0] == lesson]], column=1)
        assert not problems_in(spans, 50), f"route B, lesson {lesson}: {problems_in(spans, 50)}"
    assert len({r[0] for r in rows[1:]}) == 2


def test_route_c_lists_every_notebook_with_its_header_time():
    """Alone, a discussion becomes a short written answer: half its time."""
    rows = guide_tables()["C"]
    header = [h.lower() for h in rows[0]]
    in_class, alone = header.index("in class"), header.index("alone")
    listed = {}
    for row in rows[1:]:
        link = re.search(r"\(\.\./notebooks/([^)]+\.ipynb)\)", row[0])
        if link:
            listed[link.group(1)] = (
                int(re.search(r"\d+", row[in_class]).group()),
                int(re.search(r"\d+", row[alone]).group()),
            )
    assert sorted(listed) == [p.name for p in NOTEBOOKS]
    for name, (minutes, by_self) in listed.items():
        path = ROOT / "notebooks" / name
        assert minutes == notebook_header(path)[0], name
        talk = sum(
            a[1] or 0 for s in notebook_sections(path) for a in s.activities if "Discussion" in a[0] and not a[2]
        )
        assert by_self == minutes - talk // 2, f"{name}: alone is the class time less half its discussions"
    total_row = next(r for r in rows[1:] if "total" in r[0].lower())
    assert int(re.search(r"\d+", total_row[alone]).group()) == sum(b for _, b in listed.values())


def referenced_minutes(cell: str) -> tuple[float, list[str]]:
    """What a route row's notebook references need, read aloud at :data:`READING_PACE`.

    ``cell`` names parts of notebooks as ``01: "Now the tool", "Exercise 2"; 02: "The opening line"``.
    A section (``##``) needs the time to read its text aloud; an exercise or discussion needs its minutes.
    Returns the minutes and the references that name no heading of the notebook.
    """
    minutes, unknown = 0.0, []
    for number, names in re.findall(r"\b(\d\d): ((?:\"[^\"]+\"(?:,\s*|\s+and\s+)?)+)", cell):
        path = next((ROOT / "notebooks").glob(f"{number}-*.ipynb"))
        sections = notebook_sections(path)
        activities = [a for s in sections for a in s.activities]
        for name in re.findall(r'"([^"]+)"', names):  # a name used twice ("Discussion") means the next one
            section = next((s for s in sections if _bare(s.heading).startswith(name)), None)
            activity = next((a for a in activities if _bare(a[0]).startswith(name)), None)
            if section is not None:
                minutes += section.words / READING_PACE
            elif activity is not None:
                minutes += activity[1] or 0
                activities.remove(activity)
            else:
                unknown.append(f"{number}: {name}")
    return minutes, unknown


def _bare(heading: str) -> str:
    """A heading without its emoji, number and minutes: "✏️ Exercise 1 · Try (3 minutes)" -> "Exercise 1 · Try",
    "3 · Show the working (13 minutes)" -> "Show the working"."""
    return re.sub(r"^\d+\s*·\s*", "", MINUTES.sub("", re.sub(r"^[^\w\"“]+", "", heading)).strip())


def test_route_a_has_time_for_everything_it_names_read_aloud(seed):
    """Each row of route A can hold what it names: its text read aloud at 150 words a minute, and its exercises.
    The row where the article is read aloud also holds the article's words."""
    problems = []
    for row in guide_tables()["A"][1:]:
        a, b = (int(x) for x in RANGE.match(row[0]).groups())
        needed, unknown = referenced_minutes(row[2])
        if "aloud" in row[1].lower():
            needed += len(seed.words) / READING_PACE
        if unknown:
            problems.append(f"{row[0]} names no such heading: {unknown}")
        if needed > b - a + 0.25:
            problems.append(f"{row[0]} ({b - a} min) needs {needed:.1f} min for {row[2]}")
    assert not problems, problems


def test_route_check_notices_a_row_too_short():
    needed, unknown = referenced_minutes('05: "Show the working", "Exercise 2"; 05: "No such part"')
    assert needed >= 10 and unknown == ["05: No such part"]


def test_route_b_gives_each_notebook_its_class_time():
    rows = guide_tables()["B"]
    for row in rows[1:]:
        a, b = (int(x) for x in RANGE.match(row[1]).groups())
        for name in re.findall(r"\(\.\./notebooks/([^)]+\.ipynb)\)", row[2]):
            total = notebook_header(ROOT / "notebooks" / name)[0]
            assert b - a >= total, f"route B gives {name} {b - a} minutes; its header says {total}"


def test_route_a_gives_the_extended_metaphor_20_minutes():
    rows = guide_tables()["A"]
    extended = [r for r in rows[1:] if "extended metaphor" in r[1].lower()]
    assert extended and sum(int(b) - int(a) for a, b in (RANGE.match(r[0]).groups() for r in extended)) == 20
    assert not any("taster" in r[1].lower() for r in rows[1:]), "route A has no tasters"
