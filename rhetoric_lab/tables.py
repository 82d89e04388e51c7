"""Reading a table in a notebook without pandas: keep the columns you need, round the numbers, take one value.

Every finder and ``*_table`` returns a pandas DataFrame. These two helpers do the few things a lesson
does with one, under names a reader can follow:

* :func:`keep_columns`: the table with only some columns, in the order you give, numbers rounded;
* :func:`cell`: one value from a table (by default from its first row).
"""

from __future__ import annotations

import pandas as pd

from .errors import RhetoricLabError


def _check_table(table) -> None:
    if not isinstance(table, pd.DataFrame):
        raise RhetoricLabError(
            f"Expected a table (what rl.find_... and rl...._table give), not {type(table).__name__}. "
            'Put a table first, for example: rl.keep_columns(rl.count_table(article), ["counted"]).'
        )


def _check_columns(table, columns) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise RhetoricLabError(
            f"The table has no column {', '.join(repr(c) for c in missing)}. "
            f"Its columns are: {', '.join(map(str, table.columns))}."
        )


def keep_columns(table, columns, decimals: int | None = None):
    """The table with only ``columns``, in that order; with ``decimals``, numbers are rounded to that many places.

    >>> import rhetoric_lab as rl
    >>> small = rl.keep_columns(rl.compare_texts({"a": "The cat sat."}), ["label", "words"])
    >>> small.columns.tolist()
    ['label', 'words']
    """
    _check_table(table)
    if isinstance(columns, str):
        columns = [columns]
    columns = list(columns)
    _check_columns(table, columns)
    kept = table[columns].copy()
    if decimals is not None:
        if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 15:
            huge = isinstance(decimals, int) and abs(decimals) > 10**6  # too long even to print
            shown = "a number that large" if huge else repr(decimals)[:40]
            raise RhetoricLabError(f"decimals= must be a whole number from 0 to 15, such as 1 or 2, not {shown}.")
        kept = kept.round(decimals)
    return kept


def cell(table, column: str, row: int = 0):
    """One value of a table: the ``column`` of its ``row`` (counting from 0; the first row by default).

    >>> import rhetoric_lab as rl
    >>> rl.cell(rl.longest_sentences("A short one. This one is a good deal longer.", n=1), "words")
    7
    """
    _check_table(table)
    _check_columns(table, [column])
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < len(table):
        raise RhetoricLabError(
            f"row= must be a row number from 0 to {len(table) - 1}, not {row!r}."
            if len(table)
            else "The table is empty, so there is no value to take."
        )
    value = table[column].iloc[row]
    return value.item() if hasattr(value, "item") else value
