"""Chunks: consecutive blocks packed under a token budget, never splitting a sentence.

Each chunk knows the heading of the section it starts in, so a chunk that begins mid-section still
tells the model where it is (the heading is sent as context, outside the quoted text).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from extract.segment import Block, Segmentation

_HANGUL = re.compile(r"[가-힣]")


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate for BPE models: a Hangul syllable is about a token, Latin about 4 chars."""
    hangul = len(_HANGUL.findall(text))
    other = len(text) - hangul
    return math.ceil(hangul + other / 4)


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str
    heading: str | None


def _pieces(block: Block, budget: int, text: str) -> list[tuple[int, int]]:
    """A block as one piece, or cut at sentence starts when it alone is over the budget."""
    if estimate_tokens(text[block.start : block.end]) <= budget or len(block.sentences) < 2:
        return [(block.start, block.end)]
    pieces: list[tuple[int, int]] = []
    start = block.start
    for sentence in block.sentences[1:]:
        if estimate_tokens(text[start : sentence.end]) > budget:
            pieces.append((start, sentence.start))
            start = sentence.start
    pieces.append((start, block.end))
    return pieces


def chunk(segmentation: Segmentation, max_tokens: int) -> list[Chunk]:
    """Blocks packed in order into chunks of at most `max_tokens` (a single long sentence may exceed it)."""
    text = segmentation.text
    chunks: list[Chunk] = []
    current: list[tuple[int, int]] = []
    current_heading: str | None = None

    def flush() -> None:
        if current:
            start, end = current[0][0], current[-1][1]
            chunks.append(Chunk(len(chunks), start, end, text[start:end], current_heading))
            current.clear()

    for block in segmentation.blocks:
        section = segmentation.blocks[block.section] if block.section is not None else None
        for start, end in _pieces(block, max_tokens, text):
            if current and estimate_tokens(text[current[0][0] : end]) > max_tokens:
                flush()
            if not current:
                # A chunk that starts under a heading (not at it) repeats the heading as context.
                opens_at_heading = section is None or section.start == start
                current_heading = (
                    None
                    if opens_at_heading or section is None
                    else text[section.content_start : section.end].strip(" *_#:")
                )
            current.append((start, end))
    flush()
    return chunks


def split(piece: Chunk, segmentation: Segmentation) -> tuple[Chunk, Chunk] | None:
    """A chunk in two at the sentence start nearest its middle (same index and heading), or None when
    it is a single sentence."""
    starts = [s.start for s in segmentation.sentences if piece.start < s.start < piece.end]
    if not starts:
        return None
    middle = (piece.start + piece.end) / 2
    cut = min(starts, key=lambda start: abs(start - middle))
    text = segmentation.text
    first_end = len(text[piece.start : cut].rstrip()) + piece.start
    return (
        Chunk(piece.index, piece.start, first_end, text[piece.start : first_end], piece.heading),
        Chunk(piece.index, cut, piece.end, text[cut : piece.end], piece.heading),
    )
