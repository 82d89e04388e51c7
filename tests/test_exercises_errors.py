"""Errors a student can read: one short box in a notebook, "did you mean", tracebacks for a teacher on request."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

import rhetoric_lab as rl
from rhetoric_lab import errors
from rhetoric_lab.errors import AnswerFormatError, RhetoricLabError, boxed, did_you_mean


def test_the_box_is_short_and_says_what_to_do():
    lines = AnswerFormatError("Write your answers as a list.")._render_traceback_()
    assert lines[0].startswith("┌─ Rhetoric Lab") and lines[-1].startswith("└─ Change the cell")
    assert "rl.debug(True)" in lines[-1] and len(lines) == 3
    very_long = boxed("word " * 400)
    assert len(very_long) == errors.BOX_LINES + 2


def test_every_rhetoric_lab_error_renders_short_and_debug_gives_the_full_traceback(capsys):
    error = errors.TextNotFoundError("There is no file called essay.txt.")
    assert hasattr(error, "_render_traceback_")
    rl.debug(True)
    try:
        assert not hasattr(error, "_render_traceback_")  # IPython then prints the normal traceback
    finally:
        rl.debug(False)
    assert hasattr(error, "_render_traceback_")
    assert "full tracebacks are on" in capsys.readouterr().out
    assert "debug" in rl.__all__


def test_did_you_mean():
    assert did_you_mean("paraphase", ["direct", "partial", "paraphrase", "narration"]) == " Did you mean 'paraphrase'?"
    assert did_you_mean("Metafor", ["metaphor"]) == " Did you mean 'metaphor'?"
    assert did_you_mean("zzz", ["metaphor"]) == ""


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda: rl.check_quotes({1: "paraphase"}), "Did you mean 'paraphrase'?"),
        (lambda: rl.check_worksheet({"spread": "metafor"}), "Did you mean 'metaphor'?"),
        (lambda: rl.check_metaphors(42), "list of phrases"),
        (lambda: rl.check_allusions(42), "dictionary"),
        (lambda: rl.check_verb_rewrite(None, "x"), "original sentence"),
    ],
)
def test_mistakes_in_form_raise_a_short_readable_error(call, said):
    with pytest.raises(RhetoricLabError) as caught:
        call()
    assert said in str(caught.value)
    assert len(caught.value._render_traceback_()) <= 5


def _run(cells: list[str]):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    return [o for cell in nb.cells for o in cell.outputs if o.output_type == "error"]


@pytest.mark.slow
def test_in_a_real_kernel_a_label_typo_shows_a_box_and_no_traceback():
    typo = 'import rhetoric_lab as rl\nrl.check_quotes({1: "paraphase"})'  # nothing else to read: the box
    (short,) = _run([typo])
    shown = "\n".join(short["traceback"])
    assert len(shown.splitlines()) <= 5, shown
    assert "Did you mean 'paraphrase'?" in shown and "Traceback" not in shown and "File " not in shown
    (full,) = _run(["import rhetoric_lab as rl\nrl.debug(True)", typo])
    assert len("\n".join(full["traceback"]).splitlines()) > 5  # the teacher's full traceback
