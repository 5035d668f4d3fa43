"""Items that sit at offsets of a text (tokens, aliases, people), found by position in O(log n)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from operator import attrgetter
from typing import Generic, Protocol, TypeVar


class Positioned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Positioned)


class ByStart(Generic[T]):
    """Items sorted by start, answering "which lie inside [start, end)" by bisection."""

    def __init__(self, items: Iterable[T]) -> None:
        self.items: list[T] = sorted(items, key=attrgetter("start"))
        self._starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[T]:
        low, high = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [item for item in self.items[low:high] if item.end <= end]

    def index_of(self, start: int) -> int | None:
        """Position in `items` of the first item starting exactly at `start`."""
        at = bisect_left(self._starts, start)
        return at if at < len(self._starts) and self._starts[at] == start else None

    def index_at_or_before(self, offset: int) -> int:
        """Position in `items` of the last item starting at or before `offset` (-1: none does)."""
        return bisect_right(self._starts, offset) - 1
