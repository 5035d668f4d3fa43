"""Dates as recaps write them, to ISO 8601 where the text allows."""

from __future__ import annotations

import re
from collections import Counter

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_KOREAN = re.compile(r"(?:(?P<y>\d{4})\s*년\s*)?(?:(?P<m>\d{1,2})\s*월)\s*(?:(?P<d>\d{1,2})\s*일)?")
_NUMERIC = re.compile(r"^(?:(?P<y>\d{4})[-./])?(?P<m>\d{1,2})[-./](?P<d>\d{1,2})$")
_ENGLISH = re.compile(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?")
_YEAR = re.compile(r"((?:20|19)(?<!\d{3})\d{2})(?!\d)")  # `(?<!\d)` after the first digits: see _MENTIONS
# Where a recap writes a date: `2025년 6월 5일` (and its parts), `2025-06-05`, `06-05`, `June 5`.
# Matches may overlap (`6월 5일` inside the full date), as tagging keeps every reading. Each pattern
# starts with a character class and checks what precedes by a lookbehind after it (`\d(?<!\d\d)`
# for `(?<!\d)\d`): a pattern that starts with a lookbehind is tried at every position of the text,
# one that starts with a class is only tried where the class matches (three times faster).
_MENTIONS = (
    re.compile(r"\d(?<!\d\d)\d*년 ?\d+월 ?\d+일"),
    re.compile(r"\d(?<!\d\d)\d*월 ?\d+일"),
    re.compile(r"\d(?<!\d\d)\d*년 ?\d+월"),
    re.compile(r"\d(?<![\w.\-/]\d)\d{3}[-./]\d{1,2}[-./]\d{1,2}(?![\d.\-/])"),
    re.compile(r"\d(?<![\w.\-/]\d)\d?-\d{1,2}(?![\d.\-/])"),
)
# A word and a number; kept when the word is a month name (one cheap pattern, then a set lookup).
_WORD_NUMBER = re.compile(r"([A-Za-z](?<![A-Za-z]{2})[A-Za-z]{2,8}) \d+(?!\d)")


def date_mentions(text: str) -> list[tuple[int, int]]:
    """(start, end) of every date written in the text, in the forms `to_iso` reads."""
    spans = {match.span() for pattern in _MENTIONS for match in pattern.finditer(text)}
    spans |= {m.span() for m in _WORD_NUMBER.finditer(text) if m.group(1).casefold() in _MONTHS}
    return sorted(spans)


def document_year(text: str) -> int | None:
    """The year a recap is about: the one it names most often (ties: the latest)."""
    years = Counter(int(y) for y in _YEAR.findall(text))
    if not years:
        return None
    return max(years.items(), key=lambda item: (item[1], item[0]))[0]


def to_iso(raw: str, year: int | None) -> str | None:
    parts = _parse(raw.strip())
    if parts is None:
        return None
    y, m, d = parts
    if not 1 <= m <= 12 or (d is not None and not 1 <= d <= 31):
        return None
    y = y or year
    if d is None:
        return f"{y:04d}-{m:02d}" if y else None
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"


def _parse(raw: str) -> tuple[int | None, int, int | None] | None:
    for pattern in (_NUMERIC, _KOREAN):
        match = pattern.fullmatch(raw)
        if match and match.group("m"):
            y, d = match.group("y"), match.group("d")
            return (int(y) if y else None, int(match.group("m")), int(d) if d else None)
    match = _ENGLISH.fullmatch(raw)
    if match and match.group("mon").casefold() in _MONTHS:
        y = match.group("y")
        return (int(y) if y else None, _MONTHS[match.group("mon").casefold()], int(match.group("d")))
    return None
