"""The one-page "rhetorical profile" of a text: every tool of the module on one page.

The profile is one self-contained HTML file: styles are inline, figures are
embedded as data, and it loads nothing from the internet, so it can be e-mailed
or opened offline. Every piece of the text is escaped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import topics
from ..files import check_target, save_text
from ..text import as_article
from .common import HTML, escape

_STYLE = """
body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111;line-height:1.5}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}
.rl-note{color:#333;font-size:.95em}
"""


def section_ids() -> list[tuple[str, str]]:
    """(id, heading) of every section, in order: "at a glance", then one per topic (tests check each).

    >>> section_ids()[0]
    ('at-a-glance', 'At a glance')
    """
    return [("at-a-glance", "At a glance"), *((t.name, t.title) for t in topics.TOPICS)]


def _glance(article, speech_year) -> str:
    year = f" Speech year marked on the time line: {speech_year}." if speech_year else ""
    items = "".join(f"<li>{escape(t.glance(article))}</li>" for t in topics.TOPICS)
    return (
        f"<p><strong>{escape(article.name)}</strong>: {len(article.paragraphs)} paragraphs, "
        f"{len(article.sentences)} sentences, {len(article.words)} words.{escape(year)}</p>"
        f"<ul>{items}</ul>"
        "<p class='rl-note'>Everything below was found by simple rules and word lists. It lists "
        "<em>candidates</em> for a reader to judge, not verdicts.</p>"
    )


def _reading(reading: dict) -> str:
    items = "".join(f"<dt><strong>{escape(q)}</strong></dt><dd>{escape(a)}</dd>" for q, a in reading.items())
    return f"<dl>{items}</dl>"


def profile_sections(article_or_text, speech_year: int | None = None, reading: dict | None = None):
    """The profile's sections as (id, heading, HTML body), in order.

    ``speech_year`` marks the time line; leave it ``None`` when the text's date is unknown.
    ``reading`` (question: answer) adds a last section with the student's own reading.
    """
    article = as_article(article_or_text)
    sections = [("at-a-glance", "At a glance", _glance(article, speech_year))]
    sections += [(t.name, t.title, t.report(article, speech_year=speech_year)) for t in topics.TOPICS]
    if reading:
        sections.append(("your-reading", "Your reading", _reading(reading)))
    return sections


def show_profile(article_or_text, speech_year: int | None = None, reading: dict | None = None) -> HTML:
    """The profile inside a notebook.

    >>> "Metaphor candidates" in show_profile("A cancer spreads, he said.").html
    True
    """
    sections = profile_sections(article_or_text, speech_year, reading)
    body = "".join(f'<section id="{key}"><h3>{escape(h)}</h3>{html}</section>' for key, h, html in sections)
    plain = "Rhetorical profile: " + ", ".join(h for _, h, _ in sections)
    return HTML(f'<div class="rl-profile">{body}</div>', plain)


def profile_document(article_or_text, speech_year: int | None = None, reading: dict | None = None) -> str:
    """The profile as a complete, self-contained HTML document (a string, ready to save).

    >>> profile_document("A cancer spreads, he said.").startswith("<!DOCTYPE html>")
    True
    """
    article = as_article(article_or_text)
    sections = profile_sections(article, speech_year, reading)
    toc = "".join(f'<li><a href="#{key}">{escape(h)}</a></li>' for key, h, _ in sections)
    body = "".join(f'<section id="{key}"><h2>{escape(h)}</h2>{html}</section>' for key, h, html in sections)
    title = f"Rhetorical profile: {article.name}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>'
        f"<body><h1>{escape(title)}</h1><nav><ul>{toc}</ul></nav>{body}"
        f"<footer><p class='rl-note'>Made with Rhetoric Lab on {date.today().isoformat()}.</p></footer>"
        "</body></html>\n"
    )


def save_profile(
    article_or_text, path, force: bool = False, speech_year: int | None = None, reading: dict | None = None
) -> Path:
    """Write the profile to ``path``. An existing file is kept unless ``force=True``.

    The profile is written to a temporary file beside ``path`` that then takes its place, so an
    old profile is never lost half-way; a link is replaced, never written through; a missing
    folder is not created (see :func:`rhetoric_lab.files.save_text`).

    >>> save_profile("A cancer spreads.", "profile.html")  # doctest: +SKIP
    PosixPath('profile.html')
    """
    check_target(path, force)  # refuse at once, before the profile is worked out
    return save_text(path, profile_document(article_or_text, speech_year, reading), force=force)
