"""NLTK's word tokenizer, made faster without changing a single token.

:class:`NLTKWordTokenizer` runs some thirty regular-expression substitutions on every sentence,
one after the other. Most of them can only change a sentence that holds a certain character: the
rule that pads "?" and "!" needs one of them, the rule for "--" needs a "-", the rule for
"cannot" needs those letters. Calling the regular-expression engine costs microseconds even when
nothing matches, so :func:`span_tokenize` first looks at which characters the sentence holds
(and those the rules themselves may add: spaces, and "`" and "'" when the sentence has a
quotation mark), and runs NLTK's own ``span_tokenize`` on a copy of the tokenizer that holds only
the rules that can change this sentence, in their usual order. Copies are kept, one per set of
rules (a text needs only a few dozen).

Leaving a rule out is safe only when it cannot match, so every condition here is a necessary one;
a rule this module does not know (a newer NLTK may add one) is always kept. ``tests/test_text.py``
checks that every token is the same as plain NLTK's, on our texts and on random ones.

NLTK runs each of these rules under a time limit (``nltk.redos``), a guard against patterns that
callers supply; checking the clock makes a short substitution two or three times slower. The
rules this module knows are NLTK's own fixed patterns, each linear in the length of the text
(``benchmarks/scaling.py`` measures it on hostile input), so those run on the compiled pattern
directly, without the clock. A rule it does not know keeps NLTK's time limit.
"""

from __future__ import annotations

from functools import lru_cache

from nltk.tokenize.destructive import NLTKWordTokenizer

_RULE_GROUPS = ("STARTING_QUOTES", "PUNCTUATION", "ENDING_QUOTES")
_SINGLE_RULES = ("PARENS_BRACKETS", "DOUBLE_DASHES")
_CONTRACTIONS = ("CONTRACTIONS2", "CONTRACTIONS3")

#: The characters each of NLTK's rules needs (one of them) to change a text, by the rule's pattern.
NEEDS: dict[str, str] = {
    # starting quotes
    "([«“‘„]|[`]+)": "«“‘„`",
    '^\\"': '"',
    "(``)": "`",
    "([ \\(\\[{<])(\\\"|\\'{2})": "\"'",
    "(?i)(?<!\\w)(\\')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)": "'",
    # punctuation
    "([^\\.])(\\.)([\\]\\)}>\"\\'»”’ ]*+)\\s*$": ".",
    "([:,])([^\\d])": ":,",
    "([:,])$": ":,",
    "\\.{2,}": ".",
    "[;@#$%&]": ";@#$%&",
    "[\\u2012-\\u2015]": "\u2012\u2013\u2014\u2015",
    "([^\\.])(\\.)([\\]\\)}>\"\\']*)\\s*$": ".",
    "[?!]": "?!",
    "([^'])' ": "'",
    "[*]": "*",
    # brackets and dashes
    "[\\]\\[\\(\\)\\{\\}\\<\\>]": "[](){}<>",
    "--": "-",
    # ending quotes ("\s+" always runs: the text is padded with spaces)
    "([»”’])": "»”’",
    "''": "'",
    '"': '"',
    "([^' ])('[sS]|'[mM]|'[dD]|') ": "'",
    "([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": "'",
}

#: The word each case-insensitive contraction rule needs, by the rule's pattern.
NEEDS_WORD: dict[str, str] = {
    "(?i)\\b(can)(?#X)(not)\\b": "cannot",
    "(?i)\\b(d)(?#X)('ye)\\b": "d'ye",
    "(?i)\\b(gim)(?#X)(me)\\b": "gimme",
    "(?i)\\b(gon)(?#X)(na)\\b": "gonna",
    "(?i)\\b(got)(?#X)(ta)\\b": "gotta",
    "(?i)\\b(lem)(?#X)(me)\\b": "lemme",
    "(?i)\\b(more)(?#X)('n)\\b": "more'n",
    "(?i)\\b(wan)(?#X)(na)(?=\\s)": "wanna",
    "(?i) ('t)(?#X)(is)\\b": "'tis",
    "(?i) ('t)(?#X)(was)\\b": "'twas",
}


class _Unchanged:
    """Stands in for a single rule (brackets, double dashes) that cannot change this sentence."""

    pattern = None

    @staticmethod
    def sub(_replacement, text: str, *args, **kwargs) -> str:
        return text


def _pattern(rule) -> str | None:
    return getattr(rule[0] if isinstance(rule, tuple) else rule, "pattern", None)


def _untimed(rule):
    """A known rule with its compiled pattern itself (``TimedPattern._rx``), without NLTK's clock."""
    if _pattern(rule) not in KNOWN:
        return rule
    if isinstance(rule, tuple):
        return (getattr(rule[0], "_rx", rule[0]), *rule[1:])
    return getattr(rule, "_rx", rule)


def _all_rules() -> list[tuple[str, int, object]]:
    """(group, position, rule) for every rule of NLTK's tokenizer, in the order it runs them."""
    rules = []
    for group in _RULE_GROUPS + _CONTRACTIONS:
        rules += [(group, i, rule) for i, rule in enumerate(getattr(NLTKWordTokenizer, group))]
    rules += [(group, 0, getattr(NLTKWordTokenizer, group)) for group in _SINGLE_RULES]
    return rules


#: NLTK's rules that this module knows: fixed patterns, each linear in the length of the text.
KNOWN = {*NEEDS, *NEEDS_WORD, "\\s+"}
_NEEDLES = tuple(NEEDS_WORD.values())
_RULES = _all_rules()


#: Every character some rule needs.
_TRIGGERS = frozenset("".join(NEEDS.values()))


def _characters(sentence: str) -> frozenset[str]:
    """The characters of ``sentence`` that some rule needs, with those NLTK's rules may add as they run."""
    chars = set(sentence)
    if '"' in chars:
        chars.update("`'")  # '"' becomes `` or ''
    if "'" in chars:
        chars.add("`")  # '' may become ``
    return frozenset(chars & _TRIGGERS)


def _can_change(rule, chars: frozenset[str], words: frozenset[str] | None) -> bool:
    pattern = _pattern(rule)
    if pattern in NEEDS:
        return not chars.isdisjoint(NEEDS[pattern])
    if pattern in NEEDS_WORD:
        needle = NEEDS_WORD[pattern]
        # Outside plain ASCII (words is None), case-insensitive matching has surprises ("ſ" matches "s").
        return words is None or needle in words or ('"' in chars and "'" in needle)
    return True  # a rule we do not know: always run it


@lru_cache(maxsize=4096)
def _kept(chars: frozenset[str], words: frozenset[str] | None) -> tuple[bool, ...]:
    return tuple(_can_change(rule, chars, words) for _, _, rule in _RULES)


def rules_for(sentence: str) -> tuple[bool, ...]:
    """For each of NLTK's rules, in order: can it change ``sentence``?

    >>> sum(rules_for("Stop."))  # the final-stop rules and the space rule, of more than thirty
    4
    """
    if sentence.isascii():
        lower = sentence.lower()
        words = frozenset(n for n in _NEEDLES if n in lower)
    else:
        words = None
    return _kept(_characters(sentence), words)


@lru_cache(maxsize=512)
def tokenizer_for(kept: tuple[bool, ...]) -> NLTKWordTokenizer:
    """A copy of NLTK's word tokenizer that holds only the rules marked True in ``kept``."""
    attributes: dict[str, object] = {group: [] for group in _RULE_GROUPS + _CONTRACTIONS}
    for (group, _, rule), keep in zip(_RULES, kept, strict=True):
        if group in _SINGLE_RULES:
            attributes[group] = _untimed(rule) if keep else (_Unchanged(), rule[1])
        elif keep:
            attributes[group].append(_untimed(rule))
    return type("NLTKWordTokenizerPart", (NLTKWordTokenizer,), attributes)()


def span_tokenize(sentence: str) -> list[tuple[int, int]]:
    """NLTK's ``NLTKWordTokenizer().span_tokenize(sentence)``, as a list, without the rules that cannot apply.

    >>> text = "They're “sure” it's done -- isn't it?"
    >>> span_tokenize(text) == list(NLTKWordTokenizer().span_tokenize(text))
    True
    """
    return list(tokenizer_for(rules_for(sentence)).span_tokenize(sentence))


def unknown_rules() -> list[str]:
    """Patterns of NLTK's rules that this module has no condition for, so they always run.

    >>> unknown_rules()
    ['\\\\s+']
    """
    return [_pattern(rule) for _, _, rule in _RULES if _pattern(rule) not in NEEDS and _pattern(rule) not in NEEDS_WORD]


__all__ = ["NEEDS", "NEEDS_WORD", "rules_for", "span_tokenize", "tokenizer_for", "unknown_rules"]
