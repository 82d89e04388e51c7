"""Shared pieces for every picture and HTML view: palette, escaping, highlighting, figures.

Accessibility rules that every view follows:

* colours come from colour-blind-safe schemes (Okabe & Ito for lines and bars,
  Paul Tol's "light" scheme for highlight backgrounds);
* meaning is never carried by colour alone: every highlight also writes its
  label in the text, and highlights differ by underline style as well;
* every figure is shown with alt text and a text summary beneath it;
* every piece of the user's text is HTML-escaped before it is shown.
"""

from __future__ import annotations

import base64
import html
import io
import re
import sys
import warnings
from dataclasses import dataclass

import pandas as pd

#: Okabe & Ito (2008), "Color Universal Design": for bars, lines and markers.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]

#: Paul Tol's "light" scheme (Tol, "Colour Schemes", SRON technical note): backgrounds under black text.
TOL_LIGHT = [
    "#77AADD",
    "#EE8866",
    "#EEDD88",
    "#FFAABB",
    "#99DDFF",
    "#44BB99",
    "#BBCC33",
    "#AAAA00",
    "#DDDDDD",
]

#: Underline styles, so that two labels with the same colour still look different.
UNDERLINES = ["solid", "dashed", "dotted", "double"]


def escape(text: str) -> str:
    """Escape text for HTML, so that ``<script>`` is shown and never run.

    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Style:
    """How one label is drawn: a background colour and an underline style."""

    colour: str
    underline: str

    def css(self) -> str:
        return f"background-color:{self.colour};border-bottom:3px {self.underline} #222;color:#000"


def style_for(index: int) -> Style:
    """The style of the ``index``-th label; colours repeat, combined with a new underline.

    >>> style_for(0)
    Style(colour='#77AADD', underline='solid')
    """
    n = len(TOL_LIGHT)
    return Style(TOL_LIGHT[index % n], UNDERLINES[(index // n) % len(UNDERLINES)])


def styles_for(labels, order=()) -> dict[str, Style]:
    """One style per distinct label. Labels listed in ``order`` keep their place in it, so a label
    has the same colour in every view; other labels follow in sorted order.

    >>> styles_for(["b", "a"], order=["b"])["b"] == style_for(0)
    True
    """
    order = list(dict.fromkeys(order))
    extra = sorted(set(labels) - set(order))
    return {label: style_for(i) for i, label in enumerate(order + extra) if label in set(labels)}


class HTML:
    """An HTML fragment that Jupyter shows as HTML and a terminal shows as plain text."""

    def __init__(self, html_text: str, plain: str):
        self.html = html_text
        self.plain = plain

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.plain

    def __str__(self) -> str:
        return self.html


def highlight_html(text: str, spans, label_key: str = "label", descriptions=None, title: str = "", order=()) -> HTML:
    """Show ``text`` with ``spans`` highlighted, a label written after each, and a legend.

    ``spans`` is a DataFrame or a list of dicts with ``start``, ``end`` and ``label_key``.
    Where spans overlap, the one that starts first (then the longer one) is shown. ``order``
    lists every label the view can show, so that each keeps one colour across views.

    >>> view = highlight_html("a cancer spreads", [{"start": 2, "end": 8, "label": "disease"}])
    >>> "[disease]" in view.html
    True
    """
    rows = spans.to_dict("records") if hasattr(spans, "to_dict") else list(spans)
    rows = sorted(rows, key=lambda r: (r["start"], -(r["end"] - r["start"])))
    styles = styles_for([str(r[label_key]) for r in rows], order)
    descriptions = descriptions or {}
    parts, plain, pos = [], [], 0
    for row in rows:
        start, end, label = int(row["start"]), int(row["end"]), str(row[label_key])
        if start < pos or end <= start:
            continue
        parts.append(escape(text[pos:start]))
        style = styles[label]
        parts.append(
            f'<mark class="rl-span" data-label="{escape(label)}" title="{escape(label)}" '
            f'style="{style.css()};padding:0 2px">{escape(text[start:end])}'
            f'<sub style="font-size:75%;font-weight:bold"> [{escape(label)}]</sub></mark>'
        )
        plain.append(f"{text[start:end]} [{label}]")
        pos = end
    parts.append(escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    legend = "".join(
        f'<li><mark style="{style.css()};padding:0 4px">[{escape(label)}]</mark> '
        f"{escape(descriptions.get(label, ''))}</li>"
        for label, style in styles.items()
    )
    heading = f"<h3>{escape(title)}</h3>" if title else ""
    html_text = (
        f'<div class="rl-highlight">{heading}'
        f'<div style="line-height:2.1;max-width:48em">{body}</div>'
        f"<p><strong>Legend</strong> (each label is also written in the text):</p><ul>{legend}</ul></div>"
    )
    plain_text = (title + "\n" if title else "") + "\n".join(plain) if plain else "(nothing to highlight)"
    return HTML(html_text, plain_text)


def table_html(frame, columns, headers) -> str:
    """A plain HTML table of some columns of ``frame``, every cell escaped; "None found." when empty.

    The table sits in a region that scrolls sideways on a narrow screen and can be reached with the
    keyboard (Tab), so that the page itself never needs to scroll sideways.

    >>> import pandas as pd
    >>> table_html(pd.DataFrame({"a": ["<b>"]}), ["a"], ["A"])  # doctest: +ELLIPSIS
    '<div class="rl-table-scroll" role="region" tabindex="0" aria-label="Table: A" ...><table>...<td>&lt;b&gt;</td>...'
    """
    if frame is None or len(frame) == 0:
        return "<p>None found.</p>"
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if row[c] is None else row[c])}</td>" for c in columns) + "</tr>"
        for row in frame[columns].to_dict("records")
    )
    label = escape("Table: " + ", ".join(str(h) for h in headers))
    return (
        f'<div class="rl-table-scroll" role="region" tabindex="0" aria-label="{label}" style="overflow-x:auto">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def figure_html(fig, alt: str, summary: str) -> HTML:
    """Show a Matplotlib figure as an image with alt text and a text summary beneath it.

    The figure is closed afterwards, so it is not shown twice.
    """
    buffer = io.BytesIO()
    with warnings.catch_warnings():  # a character the font lacks shows as a box; the text summary has it
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    html_text = (
        f'<figure class="rl-figure" style="margin:0">'
        f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" style="max-width:100%">'
        f"<figcaption><strong>What the chart shows:</strong> {escape(summary)}</figcaption></figure>"
    )
    return HTML(html_text, f"[Figure: {alt}]\n{summary}")


def new_figure(width: float = 7, height: float = 3.5):
    """A Matplotlib figure that is not tied to pyplot (so nothing is shown by accident)."""
    from matplotlib.figure import Figure  # matplotlib loads only when a chart is drawn

    return Figure(figsize=(width, height), layout="constrained")


#: What an empty text cell of a table shows.
EMPTY_CELL = "—"

#: Table cells wrap instead of being cut or widening the page (a scrolling table is hard to use
#: with a keyboard); text reads from the left.
_CELL_STYLE = "white-space:normal;overflow-wrap:break-word;text-align:left;vertical-align:top"


def _dash_for_empty(column):
    """An empty cell of a text column as "—", whatever pandas would call it (None, NaN, <NA>: it differs by
    version); numbers keep pandas' own display."""
    if pd.api.types.is_numeric_dtype(column.dtype):
        return column
    return column.astype(object).where(column.notna(), EMPTY_CELL)


def frame_html(frame) -> str:
    """A DataFrame as HTML for a notebook: whole cells (never cut with "..."), wrapped, no literal "\\n".

    Line breaks inside a cell are shown as spaces (the data keeps them). The empty corner cell above
    the row numbers is a data cell, not an empty header. Rows and columns are limited as pandas'
    display options say.

    >>> html = frame_html(pd.DataFrame({"text": ["line one\\nline two " * 4]}))
    >>> "\\\\n" in html, "..." in html, "<th></th>" in html
    (False, False, False)
    >>> ">—</td>" in frame_html(pd.DataFrame({"speaker": ["Carter", None]}))
    True
    """
    shown = frame.map(lambda v: re.sub(r"\s*\n\s*", " ", v) if isinstance(v, str) else v)
    if len(shown) and len(shown.columns):
        shown = shown.apply(_dash_for_empty)
    with pd.option_context("display.max_colwidth", None):
        text = shown._repr_html_() or shown.to_html()
    head, sep, rest = text.partition("</thead>")
    head = head.replace("<th></th>", "<td></td>")
    text = head + sep + rest
    text = re.sub(r"<(td|th)((?: [^>]*)?)>", lambda m: f'<{m[1]}{m[2]} style="{_CELL_STYLE}">', text)
    return f'<div class="rl-table">{text}</div>'


def use_frame_html() -> bool:
    """Show every DataFrame with :func:`frame_html` in this IPython kernel (True if there is one)."""
    ipython_module = sys.modules.get("IPython")  # only when already loaded: importing IPython is slow
    shell = ipython_module.get_ipython() if ipython_module is not None else None
    if shell is None:
        return False
    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, frame_html)
    return True


use_frame_html()
