"""Answers from a student-role audit of the checks: each test fails without its fix."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import rhetoric_lab as rl
from rhetoric_lab.data import load_key
from rhetoric_lab.errors import RhetoricLabError
from rhetoric_lab.exercises.written import READING_QUESTIONS


def _line(feedback, about):
    return next(line for line in feedback.lines if line.about == about)


def test_a_long_list_is_refused_with_its_real_share_of_the_text():
    words = [w.text for w in rl.load_article("carter-paris-speech-report").words]
    answers = list(dict.fromkeys(w for w in words if len(w) > 6))[:45]
    message = _line(rl.check_metaphors(answers), "*").message
    assert "most" not in message and "%" in message


GOOD = "The reporter's narration dominates; Carter is quoted in only two sentences."


def test_written_answers_name_the_missing_questions_and_never_say_all_answered():
    feedback = rl.check_written_answers({"whose voice": GOOD})
    assert not any(n.startswith("All answered") for n in feedback.messages("note"))
    (missing,) = feedback.messages("missed")
    assert missing.startswith("4 of the 5 questions are missing") and "'a real metaphor'" in missing
    everything = dict.fromkeys(READING_QUESTIONS, GOOD)
    assert any(n.startswith("All answered") for n in rl.check_written_answers(everything).messages("note"))


def test_an_answer_that_copies_its_question_is_refused():
    assert rl.check_written_answers({"whose voice": "Whose voice?"}).verdicts() == {"whose voice": "refused"}
    question = next(e["question"] for e in load_key("report")["entries"] if e.get("id") == "audience")
    readings = rl.check_report_readings({"audience": question})
    assert readings.verdicts()["audience"] == "refused" and "copies the question" in str(readings)


def test_a_short_written_answer_keeps_its_full_stop():
    message = rl.check_written_answers({"whose voice": "yes"}).messages("unchecked")[0]
    assert "yes. It is very short" in message


def test_a_pasted_article_is_quoted_cut_short_in_the_worksheet_reply():
    text = rl.load_article("carter-paris-speech-report").text
    (line,) = [line for line in rl.check_worksheet({text: "metaphor"}).lines if line.kind == "off"]
    assert len(line.message) < 300


def test_an_example_is_never_introduced_twice():
    with pytest.raises(RhetoricLabError) as caught:
        rl.check_report_readings("asdf")
    assert "like this: For example" not in str(caught.value)


def _starter_feedback():
    """Run each notebook cell that sets an answer and checks it, as a student who changes nothing would."""
    for path in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("0*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] != "code" or "rl.check_" not in source:
                continue
            body = ast.parse(source).body
            last = body[-1]
            if not (isinstance(last, ast.Expr) and "rl.check_" in ast.unparse(last)):
                continue
            names = {"rl": rl}
            try:
                exec(compile(ast.Module(body[:-1], type_ignores=[]), path.name, "exec"), names)  # noqa: S102
                yield path.name, source, eval(compile(ast.Expression(last.value), path.name, "eval"), names)  # noqa: S307
            except (NameError, RhetoricLabError):  # needs an earlier cell, or is a deliberate mistake
                continue


def test_no_metaphor_hunt_starts_with_answers_from_the_key():
    """The hunt's starter shows the form of an answer; run unchanged it must not be praised (notebook 01 gave ✔✔).

    (Labelling starters elsewhere give one worked example on purpose; a hunt is about finding.)
    """
    hunts = [(name, source, fb) for name, source, fb in _starter_feedback() if "check_metaphors" in source]
    assert len(hunts) >= 2
    praised = [(name, source) for name, source, fb in hunts if "in key" in fb.kinds()]
    assert not praised, praised
