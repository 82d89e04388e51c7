"""The one-page "rhetorical profile" of a text: every tool of the module on one page.

The profile is one self-contained HTML file: styles are inline, figures are
embedded as data, and it loads nothing from the internet, so it can be e-mailed
or opened offline. Every piece of the text is escaped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import OutputExistsError, RhetoricLabError
from ..text import as_article
from .common import HTML, escape

#: (id, heading) of every section, in order; tests check that each one is present.
SECTIONS = [
    ("at-a-glance", "At a glance"),
    ("metaphors", "Metaphor candidates"),
    ("quotations", "Quotations: whose words?"),
    ("allusions", "Allusions on a time line"),
    ("readability", "Readability"),
]

_STYLE = """
body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111;line-height:1.5}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}
.rl-note{color:#333;font-size:.95em}
"""


def _table(frame, columns, headers) -> str:
    if frame is None or len(frame) == 0:
        return "<p>None found.</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if row[c] is None else row[c])}</td>" for c in columns) + "</tr>"
        for row in frame[columns].to_dict("records")
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _glance(article, speech_year) -> str:
    from ..allusion import find_allusions
    from ..metaphor import find_metaphors
    from ..quotes import find_quotations
    from ..readability import counts, scores

    c, grade = counts(article), scores(article)["flesch_kincaid_grade"]
    year = f" Speech year marked on the time line: {speech_year}." if speech_year else ""
    return (
        f"<p><strong>{escape(article.name)}</strong>: {len(article.paragraphs)} paragraphs, "
        f"{c['sentences']} sentences, {c['words']} words.{escape(year)}</p>"
        f"<ul><li>{len(find_metaphors(article))} metaphor candidates</li>"
        f"<li>{len(find_quotations(article))} quotations in quotation marks</li>"
        f"<li>{len(find_allusions(article))} allusions the gazetteer knows</li>"
        f"<li>Flesch–Kincaid grade {grade if grade is None else round(grade, 1)}</li></ul>"
        "<p class='rl-note'>Everything below was found by simple rules and word lists. It lists "
        "<em>candidates</em> for a reader to judge, not verdicts.</p>"
    )


def _metaphors(article, speech_year) -> str:
    from ..metaphor import find_metaphors
    from .metaphor import metaphor_chart, show_metaphors

    found = find_metaphors(article)
    return show_metaphors(article, found, title="").html + metaphor_chart(found, article).html


def _quotations(article, speech_year) -> str:
    from ..quotes import find_quotations, quotation_warnings

    found = find_quotations(article)
    table = _table(
        found,
        ["paragraph", "text", "kind", "speaker", "verb"],
        ["¶", "quoted words", "kind", "speaker", "reporting verb"],
    )
    warnings = quotation_warnings(article)
    if len(warnings):
        items = "".join(f"<li>{escape(w)}</li>" for w in warnings["message"])
        table += f"<p><strong>⚠ Quotation marks to check:</strong></p><ul>{items}</ul>"
    return table


def _allusions(article, speech_year) -> str:
    from ..allusion import find_allusions, references_to_look_up
    from .allusion import timeline

    found = find_allusions(article)
    parts = [
        timeline(found, speech_year=speech_year).html
        if len(found)
        else "<p>The gazetteer knows none of this text's references.</p>"
    ]
    parts.append(
        _table(
            found,
            ["text", "key", "category", "start_year", "end_year"],
            ["in the text", "reference", "category", "from", "to"],
        )
    )
    look_up = references_to_look_up(article, first_only=True)
    if len(look_up):
        names = ", ".join(escape(t) for t in look_up["text"].head(15))
        parts.append(f"<p><strong>Possible references to look up:</strong> {names}.</p>")
    return "".join(parts)


def _readability(article, speech_year) -> str:
    from ..readability import caveats, score_summary

    summary = score_summary(article)
    table = _table(summary.round(1), ["label", "score", "scale"], ["formula", "score", "scale"])
    notes = "".join(f"<li>{escape(n)}</li>" for n in caveats(article))
    return table + f"<ul class='rl-note'>{notes}</ul>"


_BUILDERS = {
    "at-a-glance": _glance,
    "metaphors": _metaphors,
    "quotations": _quotations,
    "allusions": _allusions,
    "readability": _readability,
}


def _reading(reading: dict) -> str:
    items = "".join(f"<dt><strong>{escape(q)}</strong></dt><dd>{escape(a)}</dd>" for q, a in reading.items())
    return f"<dl>{items}</dl>"


def profile_sections(article_or_text, speech_year: int | None = None, reading: dict | None = None):
    """The profile's sections as (id, heading, HTML body), in order.

    ``speech_year`` marks the time line; leave it ``None`` when the text's date is unknown.
    ``reading`` (question: answer) adds a last section with the student's own reading.
    """
    article = as_article(article_or_text)
    sections = [(key, heading, _BUILDERS[key](article, speech_year)) for key, heading in SECTIONS]
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


def profile_html(article_or_text, speech_year: int | None = None, reading: dict | None = None) -> str:
    """The profile as a complete, self-contained HTML document."""
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

    >>> save_profile("A cancer spreads.", "profile.html")  # doctest: +SKIP
    PosixPath('profile.html')
    """
    path = Path(path)
    if path.is_dir():
        raise OutputExistsError(f"'{path}' is a folder. Give a file name, for example '{path / 'profile.html'}'.")
    if path.exists() and not force:
        raise OutputExistsError(
            f"'{path}' already exists, and saving would overwrite it. Choose another name, or "
            "overwrite on purpose: force=True in a notebook, --force on the command line."
        )
    document = profile_html(article_or_text, speech_year, reading)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document, encoding="utf-8")
    except OSError as err:
        raise RhetoricLabError(
            f"Could not write '{path}': {err.strerror}. Check the folder exists and you can write there."
        ) from None
    return path
