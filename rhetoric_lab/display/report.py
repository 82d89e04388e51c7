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
html{font-size:100%;-webkit-text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;
  font-size:1.0625rem;line-height:1.6;color:#111;background:#fff;max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.375rem;line-height:1.3;margin:2rem 0 .75rem;border-bottom:1px solid #999;padding-bottom:.25rem}
h3{font-size:1.125rem;line-height:1.35;margin:1.5rem 0 .5rem}
p,li,dd{max-width:40rem}
a{color:#0b4f9c}
table{border-collapse:collapse;margin:.5rem 0;width:100%}
th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#eee}
img{max-width:100%;height:auto}
figure{margin:1rem 0}
.rl-table-scroll{overflow-x:auto;max-width:100%}
.rl-table-scroll:focus{outline:2px solid #0b4f9c}
figcaption{font-size:1rem;margin-top:.25rem}
.rl-note{color:#333;font-size:.9375rem}
@media (max-width:30rem){body{font-size:1rem;padding:.75rem}h1{font-size:1.5rem}h2{font-size:1.25rem}
  th,td{padding:.2rem .3rem}table{font-size:.9375rem}}
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
        f'<body><header><h1>{escape(title)}</h1><nav aria-label="Sections"><ul>{toc}</ul></nav></header>'
        f"<main>{body}</main>"
        f"<footer><p class='rl-note'>Made with Rhetoric Lab on {date.today().isoformat()}.</p></footer>"
        "</body></html>\n"
    )


def save_profile(
    article_or_text,
    path,
    force: bool = False,
    speech_year: int | None = None,
    reading: dict | None = None,
    make_folders: bool = True,
) -> Path:
    """Write the profile to ``path``. An existing file is kept unless ``force=True``.

    The profile is written to a temporary file beside ``path`` that then takes its place, so an
    old profile is never lost half-way; a link is replaced, never written through. A missing folder
    in ``path`` is made (a notebook keeps its profiles in ``notebooks/profiles/``); with
    ``make_folders=False``, as on the command line, a missing folder is an error that says so (see
    :func:`rhetoric_lab.files.save_text`).

    >>> save_profile("A cancer spreads.", "profile.html")  # doctest: +SKIP
    PosixPath('profile.html')
    """
    check_target(path, force, make_folders)  # refuse at once, before the profile is worked out
    return save_text(path, profile_document(article_or_text, speech_year, reading), force, make_folders)
