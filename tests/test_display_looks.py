"""Views look right everywhere: whole table cells, sentences under charts, whole-number ticks for counts,
a profile page with landmarks, a type scale and a layout for narrow screens."""

from __future__ import annotations

import re
import sys
import types

import pandas as pd
import pytest
from conftest import own_text

import rhetoric_lab as rl
from rhetoric_lab.display import common
from rhetoric_lab.display import metaphor as metaphor_views

LONG = "a cell far longer than pandas would show in full, " * 4


def test_tables_show_whole_cells_without_literal_line_breaks():
    frame = pd.DataFrame({"quoted words": ["first line\nsecond line", LONG], "count": [1, 2]})
    html = common.frame_html(frame)
    assert "\\n" not in html and "first line second line" in html
    assert LONG.strip() in html and "..." not in html and "…" not in html
    assert "white-space:normal" in html


def test_the_corner_cell_of_a_table_is_not_an_empty_header():
    html = common.frame_html(pd.DataFrame({"a": [1]}))
    head = html.split("</thead>")[0]
    assert "<th></th>" not in head and re.search(r"<th[^>]*></th>", head) is None


def test_tables_keep_the_data_as_it_is():
    frame = pd.DataFrame({"text": ["a\nb"]})
    common.frame_html(frame)
    assert frame.loc[0, "text"] == "a\nb"


def test_every_dataframe_in_a_notebook_kernel_is_shown_with_frame_html(monkeypatch):
    registered = {}

    class Formatter:
        def for_type(self, kind, function):
            registered[kind] = function

    shell = types.SimpleNamespace(display_formatter=types.SimpleNamespace(formatters={"text/html": Formatter()}))
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: shell))
    assert common.use_frame_html() is True
    assert registered[pd.DataFrame] is common.frame_html


def test_outside_a_notebook_nothing_is_registered(monkeypatch):
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: None))
    assert common.use_frame_html() is False


@pytest.mark.parametrize("text", ["seed", "sports-report.txt"])
def test_every_chart_summary_is_a_sentence(text, seed):
    article = seed if text == "seed" else rl.as_article(own_text(text))
    charts = [
        rl.frequency_chart(article),
        rl.metaphor_chart(article),
        rl.timeline_chart(article),
        rl.voice_chart(article),
        rl.verb_chart(article),
        rl.sentence_length_chart(article),
        rl.voice_difficulty_chart(article),
        rl.textstat_chart(article),
    ]
    for chart in charts:
        for caption in re.findall(r"<figcaption><strong>What the chart shows:</strong> (.*?)</figcaption>", chart.html):
            assert caption[0].isupper() or caption[0].isdigit(), caption[:60]
            assert caption.rstrip()[-1] in ".?!…", caption[-60:]


def test_count_axes_have_whole_number_ticks(monkeypatch, seed):
    figures = []
    monkeypatch.setattr(metaphor_views, "figure_html", lambda fig, alt, summary: figures.append(fig))
    rl.metaphor_chart(seed)
    left, right = figures[0].axes
    for axis in (left.xaxis, right.yaxis):
        ticks = [t for t in axis.get_ticklocs() if t >= 0]
        assert ticks and all(float(t).is_integer() for t in ticks), ticks


def test_view_titles_are_third_level_headings():
    view = rl.highlight("The cancer spread.", topic="metaphors", title="Metaphor candidates")
    assert "<h3>Metaphor candidates</h3>" in view.html and "<h4>" not in view.html


def test_profile_has_landmarks_a_type_scale_and_a_narrow_layout(seed):
    page = rl.profile_document(seed)
    assert '<html lang="en">' in page and '<meta name="viewport"' in page
    assert page.count("<main>") == 1 and "<header>" in page and '<nav aria-label="Sections">' in page
    assert "<footer>" in page.split("</main>")[1]
    assert "font-family:system-ui" in page and "h1{font-size:1.75rem" in page
    assert "@media (max-width:30rem)" in page
    for wrapper in re.findall(r"<div class=\"rl-table-scroll\"[^>]*>", page):
        assert 'tabindex="0"' in wrapper and 'role="region"' in wrapper and 'aria-label="Table: ' in wrapper
