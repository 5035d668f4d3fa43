"""Align a quoted piece of text back to exact character offsets of the source.

Models quote loosely: they drop `**` markup, fold spaces, swap quote marks or normalise `—` to `-`.
Exact search comes first; then both sides are reduced to their letters and digits (casefolded, NFKC)
with a map back to source offsets, so the span found is always a real slice of the source.
"""

from __future__ import annotations

import re
import unicodedata


def _reduced(text: str) -> tuple[str, list[int]]:
    """Letters and digits only (NFKC, casefolded), with each kept character's source offset."""
    kept: list[str] = []
    offsets: list[int] = []
    for offset, ch in enumerate(text):
        for folded in unicodedata.normalize("NFKC", ch).casefold():
            if folded.isalnum():
                kept.append(folded)
                offsets.append(offset)
    return "".join(kept), offsets


def align(quote: str, source: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """(start, end) in `source` of `quote` within `source[start:end]`, or None when it is not there."""
    end = len(source) if end is None else end
    quote = quote.strip()
    if not quote:
        return None
    exact = source.find(quote, start, end)
    if exact >= 0:
        return exact, exact + len(quote)
    reduced_quote, _ = _reduced(quote)
    if len(reduced_quote) < 2:
        return None
    reduced_source, offsets = _reduced(source[start:end])
    at = reduced_source.find(reduced_quote)
    if at < 0:
        return None
    return start + offsets[at], start + offsets[at + len(reduced_quote) - 1] + 1


class Support:
    """Does a text contain every word of a value? Latin words must occur as words; Hangul words as
    substrings, since particles attach to them (`사회자` in `사회자님과`)."""

    _WORD = re.compile(r"[A-Za-z0-9]+|[가-힣]+")

    def __init__(self, text: str) -> None:
        self._folded = text.casefold()
        self._latin = set(re.findall(r"[A-Za-z0-9]+", self._folded))

    def __call__(self, value: str | None) -> bool:
        if not value:
            return True
        return all(
            (word in self._folded) if "가" <= word[0] <= "힣" else (word in self._latin)
            for word in self._WORD.findall(value.casefold())
        )
