"""Segment: blocks from the recap's own layout, Kiwi sentences and tokens with exact offsets."""

from __future__ import annotations

import dataclasses
import itertools
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from extract import lexicon
from extract.intervals import ByStart
from extract.marks import CLOCK, RANGE

if TYPE_CHECKING:
    from kiwipiepy import Kiwi
    from kiwipiepy import Token as KiwiToken

BlockKind = Literal["heading", "bullet", "bold_lead", "paragraph"]
Language = Literal["ko", "en"]

_HEADING_HASH = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?P<content>.+?)[ \t#]*$")
_HEADING_BOLD = re.compile(r"^[ \t]*(\*\*|__)(?P<content>[^*_].*?)\1[ \t]*:?[ \t]*$")
# What leads a list item: a bullet sign or an item number.
_BULLET_MARK = r"[-–*+•·▪◦▶►■□●○◆◇◎▷▸▹‣⁃✓✔➤➢]|\d{1,2}[.)]"
_BULLET = re.compile(rf"^[ \t]*(?P<marker>{_BULLET_MARK})[ \t]+(?P<content>.*\S)")
_BOLD_LEAD = re.compile(r"^[ \t]*\*\*(?P<lead>[^*]+?)\*\*[ \t]*:")
_BOLD = re.compile(r"\*\*(?P<inner>[^*\n]+?)\*\*")
# Markup Kiwi should not see: it glues particles to '**' (`**를` becomes 르+ᆯ).
_MARKUP = re.compile(rf"\*+|(?<!\w)__|__(?!\w)|^[ \t]*#{{1,6}}(?=[ \t])|^[ \t]*(?:{_BULLET_MARK})(?=[ \t])", re.M)
_HANGUL_RUN = re.compile(r"[가-힣]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


# Morphemes and tokens are tuples: a document has hundreds of thousands, built in C, not dataclasses.
class Morph(NamedTuple):
    form: str
    tag: str
    start: int
    end: int


# Built with tuple.__new__ where there are many: a NamedTuple's own __new__ is a Python-level call.
_new_tuple = tuple.__new__


class Token(NamedTuple):
    """A surface span of the source: overlapping Kiwi morphemes merged into one."""

    start: int
    end: int
    text: str
    morphs: tuple[Morph, ...]

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(m.tag for m in self.morphs)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One line of layout: a heading, a bullet item, a bold-lead line or a paragraph."""

    index: int
    kind: BlockKind
    start: int
    end: int
    content_start: int
    section: int | None  # index of the heading block this block falls under
    bold: tuple[tuple[int, int], ...]  # inner spans of **bold** runs
    gap: int = 0  # blank lines between the block above and this one
    spacing: int = 0  # the document's blank lines between one line and the next: 1 where every line has one
    sentences: tuple[Sentence, ...] = field(default=())
    tokens: tuple[Token, ...] = field(default=())

    @property
    def set_apart(self) -> bool:
        """A blank line stands between this block and the one above."""
        return self.gap > 0

    @property
    def runs_on(self) -> bool:
        """No more blank lines above this block than the document puts between any two of its lines:
        in a page pasted with a blank line after every line, a blank line parts nothing."""
        return self.gap <= self.spacing


@dataclass(frozen=True)
class Segmentation:
    text: str
    language: str
    blocks: tuple[Block, ...]

    @cached_property
    def tokens(self) -> list[Token]:
        return [token for block in self.blocks for token in block.tokens]

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [sentence for block in self.blocks for sentence in block.sentences]

    @cached_property
    def token_index(self) -> ByStart[Token]:
        return ByStart(self.tokens)

    @cached_property
    def morph_index(self) -> ByStart[Morph]:
        return ByStart(m for token in self.tokens for m in token.morphs)


_analysis_threads: int | None = None  # None: Kiwi's default, a thread per core


def set_analysis_threads(threads: int | None) -> None:
    """Threads Kiwi analyses with in this process (None: one per core). Worker processes sharing the
    cores take a share each: N workers with a thread per core each would fight over the cores."""
    global _analysis_threads
    if threads != _analysis_threads:
        _analysis_threads = threads
        kiwi.cache_clear()


@lru_cache(maxsize=1)
def kiwi() -> Kiwi:
    """One Kiwi per process; `load_multi_dict=False` saves ~190 MB and does not change tags we use."""
    from kiwipiepy import Kiwi

    if not _in_calling_thread():
        return Kiwi(num_workers=_analysis_threads, load_multi_dict=False)
    # num_workers=0 analyses in the calling thread (1 would start a pool thread): a process without
    # threads can be forked with Kiwi loaded. Kiwi warns that 0 meant "every core" before 0.21.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(num_workers=0, load_multi_dict=False)


def _in_calling_thread() -> bool:
    return _analysis_threads == 1


def analyse_blocks(texts: list[str]) -> Iterator[list[list[KiwiToken]]]:
    """Kiwi's sentences and morphemes per text: a list spread over Kiwi's threads, or text by text
    when it runs in the calling thread (it only takes lists with threads of its own)."""
    analyser = kiwi()
    if _in_calling_thread():
        return (analyser.tokenize(text, split_sents=True) for text in texts)
    return analyser.tokenize(texts, split_sents=True)  # type: ignore[no-any-return]


def _count_letters(runs: re.Pattern[str], text: str) -> int:
    """Letters in `text` that `runs` matches, without a string per letter."""
    return len(text) - len(runs.sub("", text))


def detect_language(text: str) -> Language:
    hangul = _count_letters(_HANGUL_RUN, text)
    latin = _count_letters(_LATIN_RUN, text)
    return "ko" if hangul >= latin * 0.2 and hangul > 0 else "en"


def mask_markup(text: str) -> str:
    """Replace layout markup with spaces of equal length, so offsets survive analysis."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


def _layout(line: str) -> tuple[BlockKind, int]:
    """Kind of one line and where its content starts, relative to the line."""
    for kind, pattern in (("heading", _HEADING_HASH), ("heading", _HEADING_BOLD)):
        match = pattern.match(line)
        if match:
            return kind, match.start("content")  # type: ignore[return-value]
    bullet = _BULLET.match(line)
    if bullet:
        return "bullet", bullet.start("content")
    if _BOLD_LEAD.match(line):
        return "bold_lead", 0
    return "paragraph", len(line) - len(line.lstrip())


# A line longer than this (a page copied as one line) is cut into units of whole sentences, so that
# Kiwi and the rules, which look across a block, work on units of a paragraph's size: linear time.
LONG_LINE = 2000
# Where a long line may be cut: after a sentence's full stop (and any closing quote) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?。])[\"'”’)\]]*(?=\s)")


def layout_blocks(text: str) -> list[Block]:
    """Blocks without linguistic analysis: one per non-blank line (a line ending in a cell separator
    `|` goes on on the next), a long line cut into units; a short plain line that a list or a speaker
    line follows is a heading (notes copied without their Markdown marks)."""
    return _with_implicit_headings(_spaced(_line_blocks(text), text), text)


# A document whose every unindented line (ten or more) stands after a blank line was pasted with a
# blank line after each line (a web page's paragraphs): there a blank line is the document's line break.
# One where none does was pasted with no blank line at all: there a line break is all that parts its
# units, as a blank line does in other documents.
_SPACED_LINES = 10


def _spaced(blocks: list[Block], text: str) -> list[Block]:
    """The blocks with the document's line spacing, measured over its unindented lines; in a document
    with no blank line, each unindented line stands one blank line apart (read as double-spaced)."""
    lines = [
        block
        for previous, block in itertools.pairwise(blocks)
        if not text[block.start].isspace() and "\n" in text[previous.end : block.start]
    ]
    if len(lines) < _SPACED_LINES:
        return blocks
    if all(block.set_apart for block in lines):
        return [dataclasses.replace(block, spacing=1) for block in blocks]
    if not any(block.set_apart for block in lines):
        starts = {block.index for block in lines}
        return [dataclasses.replace(block, gap=int(block.index in starts), spacing=1) for block in blocks]
    return blocks


def list_marker(line: str) -> str | None:
    """The marker of a list item's line (`-`, `*`, `1.`), or None for a line that is no list item."""
    item = _BULLET.match(line)
    return item.group("marker") if item else None


# A line that names who speaks: `발표자`, `Speaker - Tim Oxley`, `Speaker | Tim Oxley`, `연사: 오세진 (카카오뱅크)`.
# A pictograph may lead it (`🎤 발표자 : 이름`); `Presented by Jane Doe` and `by Jane Doe` say it too.
SPEAKER_LABEL = re.compile(
    rf"(?:[^\w\s]{{1,3}}\s*)?(?:(?:(?:{lexicon.SPEAKER_NOUNS})(?:\s?(?:소개|프로필|bio|profile))?|발표)"
    r"(?:\*\*|__)?\s*(?:[:\-–—|/](?:\*\*|__)?\s*|$)"  # bold around the label: `**발표자**:`, `**Speaker:**`
    r"|(?:presented\s+)?by\s+(?-i:(?=[A-Z@])))",
    re.I,
)
# `10:00-10:40 |`, `[13:00 ~ 13:40]`, `(10시)`: a timetable slot's time before its title.
TIME_SLOT = re.compile(rf"\s*[\[(]?{CLOCK}(?:{RANGE}{CLOCK})?[\])]?\s*[|:·\-–—]?\s*")
TITLE_LINE_LENGTH = 100
# How a sentence or a lead-in ends: a full stop, a colon, a comma.
_SENTENCE_END_CHARACTERS = ".!。:,;"


def reads_as_title_line(line: str) -> bool:
    """A short line that does not end as a sentence or a lead-in: a heading's or a title's (a title a
    hard-wrapped document broke over two lines is one)."""
    stripped = line.rstrip()
    return bool(stripped) and len(stripped) <= TITLE_LINE_LENGTH and stripped[-1] not in _SENTENCE_END_CHARACTERS


def _with_implicit_headings(blocks: list[Block], text: str) -> list[Block]:
    result: list[Block] = []
    section: int | None = None
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        heading = block.kind == "heading" or (following is not None and _heads(block, following, text))
        if heading:
            section = block.index
        result.append(dataclasses.replace(block, kind="heading" if heading else block.kind, section=section))
    return result


def _heads(block: Block, following: Block, text: str) -> bool:
    """Whether a short line is the heading of what follows it: a speaker line (`1. 제목` over `- 🎤
    발표자 : 이름`, list item or not), or, for a plain line, a list or a timetable's first slot."""
    line = text[block.content_start : block.end]
    if block.kind not in ("paragraph", "bullet") or not reads_as_title_line(line) or SPEAKER_LABEL.match(line):
        return False  # `발표자` over its names is a field label
    if LINK.search(line):
        return False  # `발표자료: https://…` links a talk's materials
    label = SPEAKER_LABEL.match(text, following.content_start, following.end)  # within its own line
    if label and (text[label.end() : following.end].strip() or following.runs_on):
        return True  # a label alone (`발표자`) after a blank line starts a list of its own
    if block.kind != "paragraph":
        return False
    opens_timetable = TIME_SLOT.match(text, following.content_start) is not None and TIME_SLOT.match(line) is None
    return following.kind == "bullet" or opens_timetable


def _line_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    section: int | None = None
    for offset, line in _lines(text):
        if line.strip():
            kind, content = _layout(line)
            for start, end in _units(line):
                index = len(blocks)
                unit_kind = kind if start == 0 else "paragraph"
                if unit_kind == "heading":
                    section = index
                piece = line[start:end]
                bold = tuple(
                    (offset + start + m.start("inner"), offset + start + m.end("inner")) for m in _BOLD.finditer(piece)
                )
                begin = offset + start + (content if start == 0 else len(piece) - len(piece.lstrip()))
                stop = offset + start + len(piece.rstrip())
                gap = max(text.count("\n", blocks[-1].end, offset + start) - 1, 0) if blocks else 0
                blocks.append(Block(index, unit_kind, offset + start, stop, begin, section, bold, gap))
    return blocks


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line; a line whose last field ends with `|` (`키노트 |`, `Title |`, the
    cells of one programme entry written one per line) is joined with the non-blank line after it, and
    so is a sentence that a web page's links broke over lines (`_broken_at_link`) and, in a hard-wrapped
    document, a paragraph or list item broken at its width (`_wrapped`). A Markdown table row (`| … |`)
    stands alone."""
    offset, pending, start = 0, "", 0
    lines = text.split("\n")
    width = _wrap_width(lines)
    for number, line in enumerate(lines):
        if not pending:
            start = offset
        pending = f"{pending}\n{line}" if pending else line
        offset += len(line) + 1
        following = lines[number + 1 : number + 3]
        continues = line.rstrip().endswith("|") and not line.lstrip().startswith("|")
        wrapped = width is not None and following and _wrapped(line, following[0], width)
        if not ((continues and line.strip()) or wrapped or _broken_at_link(line, *following)):
            yield start, pending
            pending = ""
    if pending:
        yield start, pending


# A hard-wrapped document (notes kept at 72 or 80 columns, a plain-text mail) breaks its paragraphs
# into lines that end within a few characters of one width: the width is the 90th percentile of the
# lengths of its lines of 40 characters or more, and most of such lines that another plain line
# follows end within _WRAP_SLACK of it. In other documents such lines are few or of any length.
_WRAP_MIN_LINES = 5
_WRAP_SLACK = 15
_WRAP_SHARE = 0.6


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped document breaks its lines at, or None for a document that is not;
    table rows do not count."""

    def measured(line: str) -> bool:
        return len(line.strip()) >= 40 and not line.lstrip().startswith("|")

    long = [len(line.rstrip()) for line in lines if measured(line)]
    going_on = [
        len(line.rstrip())
        for line, following in itertools.pairwise(lines)
        if measured(line) and following.strip() and not _LIST_MARK.match(following)
    ]
    if len(going_on) < _WRAP_MIN_LINES:
        return None
    width = sorted(long)[int(0.9 * (len(long) - 1))]
    filled = sum(1 for length in going_on if width - _WRAP_SLACK <= length <= width)
    return width if filled >= _WRAP_SHARE * len(going_on) else None


def _wrapped(line: str, following: str, width: int) -> bool:
    """Whether the line after a line that its next word would have overfilled goes on with it: a
    paragraph or a list item broken over lines (`* The first lesson was that a cache is only as
    good as the` / `  Keys it is given`); not a new list item, heading, table row or quote, nor after
    a lead-in or a title-cased line."""
    line, words = line.rstrip(), following.split()
    if not words or len(line) < width - _WRAP_SLACK or line.lstrip().startswith(("|", "#")):
        return False
    if len(line) + 1 + len(words[0]) <= width:
        return False  # the next line's first word would have fitted: the line ended there
    if line[-1] == ":" or _LIST_MARK.match(following) or SPEAKER_LABEL.match(following.strip()):
        return False
    return not lexicon.is_title_cased(line)  # a title over the paragraph about it


# What only continues a sentence: a comma, a lowercase word, a Korean particle or ending.
_CONTINUATION = re.compile(
    r"[),.;]|'s\b|[a-z]|(?:(?:님|씨)(?:이|은|의|께서|과|와)?|은|는|가|을|를|의|에|에서|에게|와|과|도|로|으로|께서|이다|입니다)"
    r"(?=[\s.,]|$)"
)
# What cannot end a sentence: an English function word, an opening bracket.
_DANGLING = re.compile(
    r"\S\s+(?:on|by|at|the|a|an|of|with|and|from|in|to|for|about)$|[(,]$"
    r"|(?:^|[가-힣])(?:은|는|을|를|의|에서|께서|와|과|님이|님은|님의|님께서)$"  # `밋업에서는` / `김하늘` / `님이`
)
_LONE_WORD = re.compile(r"\s*[가-힣]{2,5}\s*")
_LIST_MARK = re.compile(rf"\s*(?:{_BULLET_MARK}|[|#>])")  # a list item, a table row, a heading, a quote
LINK = re.compile(r"https?://|www\.")  # a link in a line
_CODE_OR_URL = re.compile(LINK.pattern + r"|[=;{}]|\(\)")


def _broken_at_link(line: str, following: str = "", after: str = "") -> bool:
    """Whether a plain line and the plain line after it are one sentence that a copied web page broke
    at its links (`Sarah Kim` / `(Netflix)` / `gave a talk on` / `Streaming at the Edge`). A bracket
    alone on the next line belongs to the sentence only when the sentence goes on after it."""
    line, following = line.rstrip(), following.strip()
    if not line or not following or _LIST_MARK.match(line) or _LIST_MARK.match(following):
        return False
    if line[-1] in _SENTENCE_END_CHARACTERS or line[-1] in "!?" or _CODE_OR_URL.search(following):
        return False
    if SPEAKER_LABEL.match(following):
        return False  # `by Jane Doe`, `Speaker: …` under a title or its slides' link is a line of its own
    if following.startswith("(") and following.endswith(")"):
        return _broken_at_link(following, after)
    if _CONTINUATION.match(following):
        return True
    one_word_each = _LONE_WORD.fullmatch(line) and _LONE_WORD.fullmatch(following)
    if one_word_each and not _CONTINUATION.match(after.strip()):
        return False  # one Korean word a line (`박조은` / `박해선` / `안성진`): a list of names, not a sentence
    return bool(_DANGLING.search(line))


def _units(line: str) -> Iterator[tuple[int, int]]:
    """The line whole, or cut at the last sentence end before every LONG_LINE characters (at the
    last space where a stretch has none, at LONG_LINE itself where it has no space either)."""
    start = 0
    while len(line) - start > LONG_LINE:
        limit = start + LONG_LINE
        cut = max((m.end() for m in _SENTENCE_END.finditer(line, start + 1, limit)), default=-1)
        if cut <= start:
            cut = line.rfind(" ", start + 1, limit)
        if cut <= start:
            cut = limit
        if line[start:cut].strip():
            yield start, cut
        start = cut
        while start < len(line) and line[start] == " ":
            start += 1
    if line[start:].strip():
        yield start, len(line)


def _surface_tokens(sentence: Iterable[KiwiToken], at: int, text: str) -> list[Token]:
    """One sentence's tokens from Kiwi's morphemes (offsets `at` + theirs): morphemes that overlap
    (`했` = 하+었) become one token."""
    tokens: list[Token] = []
    group: list[Morph] = []
    start = end = -1
    for morph in sentence:
        length = morph.len
        if not length:
            continue
        morph_start = at + morph.start
        morph_end = morph_start + length
        if morph_start >= end:
            if group:
                tokens.append(_new_tuple(Token, (start, end, text[start:end], tuple(group))))
            group, start, end = [], morph_start, morph_end
        elif morph_end > end:
            end = morph_end
        group.append(_new_tuple(Morph, (morph.form, morph.tag, morph_start, morph_end)))
    if group:
        tokens.append(_new_tuple(Token, (start, end, text[start:end], tuple(group))))
    return tokens


@lru_cache(maxsize=1)
def _english() -> object:
    """spaCy's rule-based English tokenizer with a sentencizer: no model to download."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _english_analysis(texts: list[str], offsets: list[int], text: str) -> list[list[list[Token]]]:
    """Per block, per sentence, a token per spaCy token, one pseudo-morpheme each (tagged SL, SN or
    SW like Kiwi); offsets are into the document (`offsets` are the blocks' starts)."""
    nlp = _english()
    result = []
    for doc, at in zip(nlp.pipe(texts), offsets, strict=True):  # type: ignore[attr-defined]
        sentences = []
        for sent in doc.sents:
            tokens = []
            for t in sent:
                if t.is_space:
                    continue
                start, end = at + t.idx, at + t.idx + len(t.text)
                tag = "SL" if t.is_alpha else "SN" if t.like_num else "SW"
                tokens.append(Token(start, end, text[start:end], (Morph(t.text, tag, start, end),)))
            sentences.append(tokens)
        result.append(sentences)
    return result


def _kiwi_analysis(texts: list[str], offsets: list[int], text: str) -> list[list[list[Token]]]:
    return [
        [_surface_tokens(sentence, at, text) for sentence in block]
        for block, at in zip(analyse_blocks(texts), offsets, strict=True)
    ]


def _mended(sentences: list[list[Token]]) -> list[Sentence]:
    """Kiwi's sentences, mended where Kiwi split mid-clause (`… 라오(Satish Rao)` | `교수가 연사로
    나서 …`) or a word after the boundary (`… 공개되었습니다. '노바(Nova)'` | `는 …`): a sentence ends
    after a full stop or a final ending, with any closing quote or bracket after it."""
    mended: list[Sentence] = []
    start: int | None = None
    for tokens in sentences:
        if not tokens:
            continue
        if start is None:
            start = tokens[0].start
        cut = _last_sentence_end(tokens)
        if cut is not None:
            mended.append(Sentence(start, tokens[cut].end))
            start = tokens[cut + 1].start if cut + 1 < len(tokens) else None
    if start is not None:
        last = next(tokens for tokens in reversed(sentences) if tokens)
        mended.append(Sentence(start, last[-1].end))
    return mended


_CLOSING = ("SSC", "SF", "SE")


def _last_sentence_end(tokens: list[Token]) -> int | None:
    """Index of the token that ends the last whole sentence in `tokens`, or None."""
    end = len(tokens) - 1
    while end >= 0 and tokens[end].morphs[-1].tag.startswith(_CLOSING):
        end -= 1  # closing quotes and brackets after the full stop belong to the sentence
    if end < len(tokens) - 1 and any(t.morphs[-1].tag == "SF" for t in tokens[end + 1 :]):
        return len(tokens) - 1
    if end >= 0 and tokens[end].morphs[-1].tag == "EF":
        return len(tokens) - 1
    for index in range(end, -1, -1):  # a full stop inside: the sentence ends there, the rest goes on
        if tokens[index].morphs[-1].tag == "SF":
            while index + 1 < len(tokens) and tokens[index + 1].morphs[-1].tag == "SSC":
                index += 1
            return index
    return None


def segment(text: str, language: Language | None = None) -> Segmentation:
    """Blocks, sentences and tokens of an NFC text; every offset indexes `text`.

    Korean text is analysed by Kiwi, English text by spaCy's rule-based tokenizer and sentencizer; the
    language is detected from the script unless given.
    """
    blocks = layout_blocks(text)
    masked = mask_markup(text)
    language = language or detect_language(text)
    analyse = _kiwi_analysis if language == "ko" else _english_analysis
    analysed = analyse([masked[b.start : b.end] for b in blocks], [b.start for b in blocks], text)
    result: list[Block] = []
    for block, sentences in zip(blocks, analysed, strict=True):
        block_tokens = [token for tokens in sentences for token in tokens]
        if language == "ko":
            block_sentences = _mended(sentences)
        else:
            block_sentences = [Sentence(tokens[0].start, tokens[-1].end) for tokens in sentences if tokens]
        result.append(dataclasses.replace(block, sentences=tuple(block_sentences), tokens=tuple(block_tokens)))
    return Segmentation(text, language, tuple(result))
