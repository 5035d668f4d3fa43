"""Launch roundups: a heading, or a line standing alone, that names a product after its maker
(`Amazon Neptune`, `AWS Fargate`, `dbt Semantic Layer`) over a paragraph about it, in a recap that
speaks of announcements, is a launch.

A heading over a list is a section of features (`Google Map` over its new features), and a heading
that names the event, a talk kind or the maker alone is no product.
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.engines.local.phrases import clean, span
from extract.models import Launch
from extract.segment import Block, Segmentation, reads_as_title_line

# The maker's name, then one to four words of the product's, Latin throughout: `AWS IoT 1-Click`.
_PRODUCT_WORDS = re.compile(r"(?P<maker>\S+)(?P<rest>(?:\s[A-Za-z0-9][\w.:+\-]*){1,4})")


def extract_heading_launches(segmentation: Segmentation) -> list[Launch]:
    text, blocks = segmentation.text, segmentation.blocks
    if not lexicon.announces(text):
        return []
    launches = []
    for block in blocks:
        if block.index + 1 >= len(blocks) or not _heads_a_paragraph(blocks, block, text):
            continue
        name = clean(text[block.content_start : block.end])
        maker = product_maker(name)
        if maker is None:
            continue
        launches.append(
            Launch(
                id="",
                name=name,
                organization=maker,
                presenters=[],
                evidence=[span(text, block.content_start, block.end)],
            )
        )
    return launches


def product_maker(name: str) -> str | None:
    """The gazetteer organisation a heading's product is named after, or None when it names no product."""
    match = _PRODUCT_WORDS.fullmatch(name)
    if match is None or not reads_as_title_line(name):
        return None
    maker = lexicon.leading_organization(name)
    rest = match.group("rest").strip()
    if maker is None or lexicon.organizations().get(rest.casefold()) or not rest[:1].isupper():
        return None
    if lexicon.talk_kind(name) or lexicon.names_an_event(name) or re.search(r"\b(?:Day|Recap)\b", name):
        return None
    return maker


def _heads_a_paragraph(blocks: tuple[Block, ...], block: Block, text: str) -> bool:
    """A heading, or a line standing alone after a blank line, over a paragraph (not a list)."""
    after_blank = block.index == 0 or block.set_apart
    heading = block.kind == "heading" or (block.kind == "paragraph" and after_blank)
    return heading and blocks[block.index + 1].kind == "paragraph"
