"""Korean people named alone: a Hangul name that is a whole segment of its line (between the line's
edges, list markers, brackets and separators), as speaker lines, table cells and lists of names write
them (`김민준`, `- 박지호`, `| 제목 | 이서연 |`, `김철수, 네이버`, `이영희 님`), maybe after an
organisation or a handle (`텀블벅 박형식`, `@k16wire 황상철`) or before a company glued on with `@`
(`조승연@KnowRe`).

The name model is `people.is_korean_name` (a surname, one or two syllables more, and a word Kiwi's
dictionary does not know as a common noun) and Kiwi's reading of the word alone (no verb, ending,
adverbial particle or known noun inside it); a two-syllable name also needs 님 or 씨, as two syllables
are most often a word (`문제`, `원칙`). A segment is the unit, not the sentence: in running text a name
is tied to particles and verbs (`김민준이`, `김민준 님이 발표했다`), which `people.find_titled_people`
and the rules read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from extract.marks import DASH
from extract.people import is_korean_name
from extract.segment import kiwi, list_marker

# What cuts a line into segments: brackets, separators, a dash between spaces, a tab or a run of spaces.
SEGMENT_BREAK = re.compile(rf"[,·/|()\[\]{{}}<>:;「」『』\"'“”‘’*#@\t]|{DASH}|\s~\s|\s{{2,}}|\n")
_NAME = re.compile(r"(?P<name>[가-힣]{1,4}?[가-힣])(?:\s?(?P<honorific>님|씨))?")
_MIN_SYLLABLES_BARE = 3
# Words a name may follow in its segment: an organisation or a handle before it (`텀블벅 박형식`,
# `@k16wire 황상철`): Latin or a handle, or a Hangul word with no particle or ending.
_BEFORE_NAME_WORDS = 2
_HANDLE_OR_LATIN = re.compile(r"@?[A-Za-z][\w.&+-]*")
# Kiwi's analysis of a word that is no name: a verb or an ending in it (`마치며`), an adverbial particle
# (`추가로`), a conjunction (`하지만`), or a first morpheme that only starts words (`소확실`, `구구콘`).
_NO_NAME_TAGS = ("V", "E", "JKB", "MAJ")
_NO_NAME_FIRST_TAGS = ("MAG", "NR", "SN", "XPN")
# Kiwi's score of a common noun it knows well (`직장` -7.5, `작가` -6.8): after a surname it is a word
# (`전직장`, `임작가`); the given names it splits off score lower (`경선` in 박경선 -11.1).
_KNOWN_NOUN_SCORE = -9.0


def bare_korean_names(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each Hangul name that is a whole segment of its line, honorific left out."""
    if not re.search("[가-힣]", text):
        return []
    found = []
    start = 0
    for cut in [*SEGMENT_BREAK.finditer(text), None]:
        end = cut.start() if cut else len(text)
        name = _segment_name(text, start, end)
        if name is not None:
            found.append(name)
        start = cut.end() if cut else end
    return found


def _segment_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    marker = list_marker(text[start:end])
    start = text.index(marker, start) + len(marker) if marker else start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    match = _NAME.fullmatch(text, start, end)
    if match is None:
        last_word = text.rfind(" ", start, end) + 1
        if last_word == 0 or not _names_the_one_after(text[start:last_word].split()):
            return None
        match = _NAME.fullmatch(text, last_word, end)
        if match is None:
            return None
    name = match.group("name")
    if len(name) < _MIN_SYLLABLES_BARE and not match.group("honorific"):
        return None
    named = is_korean_name(name) and _analysed_as_a_name(name)
    return (match.start("name"), match.end("name")) if named else None


def _names_the_one_after(words: list[str]) -> bool:
    """Words an organisation or a handle is written in, before the name that ends their segment."""
    if not 1 <= len(words) <= _BEFORE_NAME_WORDS:
        return False
    return all(_HANDLE_OR_LATIN.fullmatch(word) or _bare_word(word) for word in words)


@lru_cache(maxsize=4096)
def _bare_word(word: str) -> bool:
    """A Hangul word with no particle or ending after it (`텀블벅`, not `회사의` or `만든`)."""
    morphs = kiwi().tokenize(word)
    return bool(morphs) and not morphs[-1].tag.startswith(("J", "E", "XSV", "XSA"))


@lru_cache(maxsize=4096)
def _analysed_as_a_name(word: str) -> bool:
    """Kiwi's reading of the word alone has no morpheme that a name cannot hold: a verb, an ending, an
    adverbial particle, a known noun of two syllables or more after the first morpheme, or a suffix
    that makes a noun of one (`기술적`, `함수형`)."""
    morphs = kiwi().tokenize(word)
    if morphs[0].tag in _NO_NAME_FIRST_TAGS or any(m.tag.startswith(_NO_NAME_TAGS) for m in morphs):
        return False
    for before, morph in pairwise(morphs):
        known_noun = morph.tag == "NNG" and len(morph.form) >= 2 and morph.score > _KNOWN_NOUN_SCORE
        derived = morph.tag == "XSN" and before.tag == "NNG" and len(before.form) >= 2
        if known_noun or derived:
            return False
    return True
