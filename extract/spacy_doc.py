"""The candidates as a spaCy Doc: the tokens with Kiwi's tags and sentence starts, the spans grouped.

Built only when asked for (`Candidates.doc`): nothing in the pipeline reads it, and importing spaCy
alone takes about half a second.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from extract.candidates import Candidates, gap_pieces

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


@lru_cache(maxsize=1)
def _vocab() -> Vocab:
    """A bare vocabulary: the Doc needs strings and tags, not a language's pipeline."""
    from spacy.vocab import Vocab

    return Vocab()


def candidate_doc(candidates: Candidates) -> Doc:
    """A Doc whose text is the source exactly, with span groups `candidates` (every candidate,
    labelled) and `aliases` (every Hangul↔Latin pair, labelled as classified or ALIAS)."""
    doc = _tagged_doc(candidates)
    labels = {alias: candidates.label_of(alias) or "ALIAS" for alias in candidates.aliases}
    spans = [(c.start, c.end, c.label) for c in candidates.mentions]
    aliases = [(a.start, a.end, labels[a]) for a in candidates.aliases]
    for group, found in (("candidates", spans), ("aliases", aliases)):
        tagged = [doc.char_span(start, end, label=label, alignment_mode="expand") for start, end, label in found]
        doc.spans[group] = [span for span in tagged if span is not None]
    return doc


def _tagged_doc(candidates: Candidates) -> Doc:
    """Kiwi's surface tokens and the gap pieces between them as the Doc's tokens."""
    import numpy
    from spacy.attrs import SENT_START, TAG
    from spacy.tokens import Doc

    segmentation = candidates.segmentation
    text = segmentation.text
    sentence_starts = {s.start for s in segmentation.sentences}
    pieces = [(t.start, t.end, "+".join(t.tags), t.start in sentence_starts) for t in segmentation.tokens]
    gaps = gap_pieces(segmentation)
    pieces += [(start, end, "_SP" if text[start:end].isspace() else "SW", False) for start, end in gaps]
    pieces.sort()
    # Pieces cover the text but for single spaces after a token: its trailing whitespace.
    followed = {start for start, *_ in pieces} | {len(text)}
    words = [text[start:end] for start, end, *_ in pieces]
    spaces = [end not in followed for _, end, *_ in pieces]
    vocab = _vocab()
    doc = Doc(vocab, words=words, spaces=spaces)
    # Tags and sentence starts set as one array: given to Doc() one by one they cost twice as much.
    values = numpy.empty((len(words), 2), dtype=numpy.uint64)
    values[:, 0] = [vocab.strings.add(tag) for _, _, tag, _ in pieces]
    values[:, 1] = numpy.array([1 if start else -1 for *_, start in pieces], dtype=numpy.int64).view(numpy.uint64)
    if words:
        values[0, 1] = 1
    return doc.from_array([TAG, SENT_START], values)  # type: ignore[arg-type]  # uint64, as spaCy wants; its stub says Ints2d
