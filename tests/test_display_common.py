"""Shared display pieces: escaping, highlight labels in words, distinct styles, figures with alt text."""

from __future__ import annotations

from rhetoric_lab.display.common import OKABE_ITO, TOL_LIGHT, figure_html, highlight_html, new_figure, styles_for


def test_user_text_is_escaped_in_highlights():
    text = 'Hello <script>alert("x")</script> cancer'
    view = highlight_html(text, [{"start": text.index("cancer"), "end": len(text), "label": "<b>disease</b>"}])
    assert "<script>" not in view.html and "&lt;script&gt;" in view.html
    assert "<b>disease</b>" not in view.html and "[&lt;b&gt;disease&lt;/b&gt;]" in view.html


def test_every_highlight_writes_its_label_and_overlaps_are_skipped():
    text = "shoulder to shoulder in solidarity"
    spans = [
        {"start": 0, "end": 20, "label": "body"},
        {"start": 0, "end": 8, "label": "force"},
        {"start": 24, "end": 34, "label": "other"},
    ]
    view = highlight_html(text, spans, descriptions={"body": "parts of the body"})
    assert view.html.count('class="rl-span"') == 2
    assert "[body]" in view.html and "[other]" in view.html and "parts of the body" in view.html
    assert "shoulder to shoulder [body]" in repr(view)


def test_styles_are_distinct_even_beyond_the_palette_size():
    labels = [f"domain {i:02d}" for i in range(len(TOL_LIGHT) * 2 + 1)]
    styles = styles_for(labels)
    assert len(set(styles.values())) == len(labels)
    assert set(OKABE_ITO) and all(c.startswith("#") and len(c) == 7 for c in OKABE_ITO + TOL_LIGHT)


def test_figure_has_alt_text_and_summary():
    fig = new_figure()
    ax = fig.subplots()
    ax.bar(["a", "b"], [1, 2], color=OKABE_ITO[:2])
    view = figure_html(fig, alt="Bar chart of two <values>", summary="b is twice a.")
    assert 'alt="Bar chart of two &lt;values&gt;"' in view.html
    assert "data:image/png;base64," in view.html and "b is twice a." in view.html
    assert repr(view).startswith("[Figure: Bar chart")


def test_a_character_the_font_lacks_is_no_warning_for_the_student():
    import warnings

    fig = new_figure()
    fig.subplots().set_title("Zebra \U000d1e97 \x01")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        view = figure_html(fig, alt="A chart", summary="A title with a rare character.")
    assert "A title with a rare character." in view.html
