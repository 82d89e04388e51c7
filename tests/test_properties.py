"""Property-based test: any Unicode text gives a result or a RhetoricLabError, nothing else."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rhetoric_lab as rl
from rhetoric_lab.errors import RhetoricLabError

PIECES = list("ab cd\n\n.,;:!?'\"“”‘’…—-()«»[]ISILUS0123\r\t") + ["U.S. ", "Mr. ", " said ", "Carter", "“cancer,” "]
WORDY = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), WORDY))
def test_analyze_raises_only_rhetoric_lab_errors(text):
    try:
        result = rl.analyze(text)
    except RhetoricLabError as err:
        assert str(err)
        return
    json.dumps(result)
    for sentence in result["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for section in result.values():
        for row in section if isinstance(section, list) else []:
            if isinstance(row, dict) and "start" in row and "end" in row:
                assert 0 <= row["start"] <= row["end"] <= len(text)
