"""Candidates: PERSON, ORG, PRODUCT, TRACK and DATE spans over Kiwi's tokens (a spaCy Doc on request).

Hangul↔Latin alias pairs (`사이먼 윌리슨(Simon Willison)`) are found on the surface text: the Latin
gloss decides how far back the Hangul form reaches (a person's name has as many eojeols as the gloss
has words), and Kiwi's tags say where a noun phrase starts (a particle or ending closes the one before).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

from extract import lexicon
from extract.dates import date_mentions
from extract.intervals import ByStart
from extract.segment import Segmentation, Token

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from extract.people import TitledPerson

_GLOSS = re.compile(r"^[A-Za-z0-9@#][A-Za-z0-9 .&'’+\-/#!:@]*$")
_HANGUL = re.compile(r"[가-힣]")
_OPENERS = "([{'\"‘“「『<*"
# A word whose last morpheme has one of these tags ends the phrase before a name (a particle, an
# ending, a verb or a determiner), so it is not part of the name.
_CLOSING_TAGS = ("J", "E", "XSV", "XSA", "VV", "VA", "VX", "VCP", "VCN", "MM", "MAG", "MAJ", "SF", "SP", "SS")
_NAME_CLOSING_TAGS = ("J", "E", "XSV", "XSA", "VCP", "SF", "SP", "SS")
_WORD_OPENERS = frozenset(_OPENERS + ")/")
_PHRASE_BREAKS = ")*:;,—–·|"
_GAP_PIECES = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class AliasPair:
    """`hangul(latin)` in the text; `note` is what follows a comma in the brackets (a job title)."""

    start: int
    end: int  # after the closing bracket
    hangul: str
    latin: str
    note: str | None


@dataclass(frozen=True)
class Candidate:
    label: str
    start: int
    end: int
    text: str
    alias: AliasPair | None = None


@dataclass(frozen=True)
class Candidates:
    segmentation: Segmentation
    aliases: tuple[AliasPair, ...]
    spans: tuple[Candidate, ...]
    people: tuple[TitledPerson, ...] = ()
    latin_people: tuple[Candidate, ...] = ()  # `Guillermo Rauch` written in Latin in running text
    model_people: frozenset[str] = frozenset()  # comparison keys of the names the English model tags PERSON

    @cached_property
    def doc(self) -> Doc:
        """The candidates as spans of a spaCy Doc over the tokens, for spaCy's tools (displaCy,
        matchers). Built on first use: the engines read the spans above, and a Doc costs importing
        spaCy (half a second) and a few milliseconds a document."""
        from extract.spacy_doc import candidate_doc  # builds on this module's Candidates

        return candidate_doc(self)

    @cached_property
    def mentions(self) -> tuple[Candidate, ...]:
        """The spans above and the mentions no engine reads yet: Korean names standing alone in their
        segment (`bare_names`) and organisations written right after a person's name
        (`beside_names`). Built on first use (the mentions benchmark, the spaCy Doc): off the path of
        `extract run`, whose candidates stage they made a fifth slower for nothing."""
        from extract.bare_names import bare_korean_names
        from extract.beside_names import organizations_beside

        text = self.segmentation.text
        taken = [(c.start, c.end) for c in self.spans]
        bare = [Candidate("PERSON", s, e, text[s:e]) for s, e in bare_korean_names(text) if not _overlaps(s, e, taken)]
        people = [(c.start, c.end) for c in [*self.spans, *bare] if c.label == "PERSON"]
        taken += [(c.start, c.end) for c in bare]
        beside = [
            Candidate("ORG", s, e, text[s:e])
            for s, e in organizations_beside(text, people)
            if not _overlaps(s, e, taken)
        ]
        return tuple(sorted([*self.spans, *bare, *beside], key=lambda c: (c.start, -c.end)))

    @cached_property
    def _aliases_by_end(self) -> dict[int, AliasPair]:
        return {a.end: a for a in reversed(self.aliases)}

    @cached_property
    def _alias_index(self) -> ByStart[AliasPair]:
        return ByStart(self.aliases)

    @cached_property
    def _labels(self) -> dict[AliasPair, str]:
        return {c.alias: c.label for c in reversed(self.spans) if c.alias is not None}

    @cached_property
    def _span_index(self) -> ByStart[Candidate]:
        return ByStart(self.spans)

    @cached_property
    def _people_index(self) -> ByStart[TitledPerson]:
        return ByStart(self.people)

    @cached_property
    def _latin_people_index(self) -> ByStart[Candidate]:
        return ByStart(self.latin_people)

    def is_person_name(self, latin: str) -> bool:
        """A Latin name is a person's by its given name (the lexicon) or because the English model tagged
        it PERSON somewhere in this document."""
        return lexicon.is_person_name(latin) or _key(latin) in self.model_people

    def alias_ending_at(self, end: int) -> AliasPair | None:
        return self._aliases_by_end.get(end)

    def aliases_within(self, start: int, end: int) -> list[AliasPair]:
        return self._alias_index.within(start, end)

    def label_of(self, alias: AliasPair) -> str | None:
        return self._labels.get(alias)

    def within(self, start: int, end: int, label: str | None = None) -> list[Candidate]:
        return [c for c in self._span_index.within(start, end) if label is None or c.label == label]

    def people_within(self, start: int, end: int) -> list[TitledPerson]:
        return self._people_index.within(start, end)

    def latin_people_within(self, start: int, end: int) -> list[Candidate]:
        return self._latin_people_index.within(start, end)


def closing_bracket(text: str, open_at: int) -> int | None:
    """Offset of the `)` that closes the `(` at `open_at` on the same line, or None."""
    depth = 0
    for i in range(open_at, min(len(text), open_at + 300)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n":
            return None
    return None


def _word_start(text: str, end: int) -> int:
    """Start of the whitespace-delimited word that ends at `end`."""
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


# A `(` glued to the word before it; the lookbehind follows the bracket so that the scan only stops at
# brackets (a pattern that starts with a lookbehind is tried at every position).
_GLUED_OPENING = re.compile(r"\((?<=[^\s(]\()")


def find_alias_pairs(segmentation: Segmentation) -> list[AliasPair]:
    text = segmentation.text
    token_list = segmentation.token_index
    pairs: list[AliasPair] = []
    for match in _GLUED_OPENING.finditer(text):
        open_at = match.start()
        close_at = closing_bracket(text, open_at)
        if close_at is None:
            continue
        inside = text[open_at + 1 : close_at]
        latin, _, note = inside.partition(",")
        latin = latin.strip()
        if not _GLOSS.match(latin) or not re.search(r"[A-Za-z]", latin):
            continue
        start = _hangul_start(text, open_at, latin, token_list)
        if start is None:
            continue
        if lexicon.JOB_WORDS.search(latin) and (note or _is_korean_name(text[start:open_at])):
            continue  # `장인선(Software Engineer, Google)`: a person's job, not their name's Latin form
        pairs.append(
            AliasPair(
                start=start,
                end=close_at + 1,
                hangul=text[start:open_at],
                latin=latin,
                note=note.strip() or None,
            )
        )
    return pairs


def _hangul_start(text: str, open_at: int, latin: str, tokens: ByStart[Token]) -> int | None:
    """Where the Hangul form glossed by `latin` starts, or None when it has no Hangul."""
    # A transliterated name has as many words as its Latin form; translations run longer than
    # their gloss (`컨테이너 활용 기능(container-use)`).
    person = lexicon.is_name_shaped(latin)
    limit = len(latin.split()) if person else len(re.split(r"[\s\-]+", latin)) + 1
    start = _word_start(text, open_at)
    if lexicon.is_korean_romanized_name(latin) and _is_korean_name(text[start:open_at]):
        limit = 1  # a Korean name is one word however many its romanisation has: `이서준(Seojun Lee)`
    # Transliterated given names get odd tags (`닷/MAG`), so a name stops only at a particle or ending.
    closing = _NAME_CLOSING_TAGS if person else _CLOSING_TAGS
    words = 1
    while True:
        # A bracket, quote or bold mark glued to the word opens the phrase: `(추천 시스템(RecSys)`.
        opener = _last_opener(text, start, open_at)
        if opener is not None:
            return _start_if_hangul(text, opener + 1, open_at)
        if words >= limit or start == 0 or text[start - 1] != " ":
            break
        prev_end = start - 1
        prev_start = _word_start(text, prev_end)
        word = text[prev_start:prev_end].lstrip(_OPENERS)
        if not word or any(ch in word for ch in _PHRASE_BREAKS) or not any(ch.isalnum() for ch in word):
            break
        word_tokens = tokens.within(prev_start, prev_end)
        if word_tokens and word_tokens[-1].tags[-1].startswith(closing):
            break
        start = prev_start
        words += 1
    return _start_if_hangul(text, start, open_at)


def _last_opener(text: str, start: int, end: int) -> int | None:
    """Offset of the last bracket, quote, bold mark or slash in `text[start:end]` (a short word)."""
    for at in range(end - 1, start - 1, -1):
        if text[at] in _WORD_OPENERS:
            return at
    return None


def _start_if_hangul(text: str, start: int, open_at: int) -> int | None:
    while start < open_at and not (text[start].isalnum()):
        start += 1  # a dash or plus left over from `알렉사(Alexa)-클로드(Claude)`
    return start if _HANGUL.search(text, start, open_at) else None


def _is_korean_name(word: str) -> bool:
    from extract.people import is_korean_name  # people builds on this module's AliasPair

    return is_korean_name(word)


def _classify(pair: AliasPair, text: str) -> str | None:
    if lexicon.is_person_name(pair.latin):
        return "PERSON"
    if lexicon.is_korean_romanized_name(pair.latin) and _is_korean_name(pair.hangul):
        return "PERSON"
    if lexicon.organization_name(pair.latin) or lexicon.organization_name(pair.hangul):
        return "ORG"
    after = text[pair.end : pair.end + 2]
    if lexicon.is_name_shaped(pair.latin) and (after.startswith("님") or after.startswith("씨")):
        return "PERSON"
    if any(ch.isupper() for ch in pair.latin) or any(ch.isdigit() for ch in pair.latin):
        return "PRODUCT"
    return None  # a translated common phrase such as `정신적 모델(mental models)`


_TRACK_WORDS = re.compile(r"트랙|(?i:track)")
_TRACK_NAME_TAGS = ("NNP", "NNG", "SL", "SN", "SH")


def _track_mentions(segmentation: Segmentation) -> list[tuple[int, int]]:
    """`<one to four nouns> 트랙|track`: each reading (one to four words back) is a candidate."""
    text, tokens = segmentation.text, segmentation.token_index.items
    found = []
    for match in _TRACK_WORDS.finditer(text):
        at = segmentation.token_index.index_of(match.start())
        if at is None or tokens[at].end != match.end():
            continue
        for back in range(1, 5):
            before = at - back
            if before < 0 or not tokens[before].tags[0].startswith(_TRACK_NAME_TAGS):
                break
            if text[tokens[before].end : tokens[before + 1].start] not in ("", " "):
                break  # any other gap is a token of its own (`gap_pieces`)
            found.append((tokens[before].start, tokens[at].end))
    return found


_LATIN_NAME = re.compile(rf"(?<![A-Za-z])(?:{lexicon.LATIN_NAME})")


def _latin_people(text: str, aliases: list[AliasPair]) -> list[Candidate]:
    """Known-shaped Latin personal names outside any alias pair (whose gloss names them already)."""
    # An offset lies inside some pair when the pairs starting at or before it reach past it: the
    # running maximum of their ends answers that by bisection (a document can hold thousands).
    ordered = sorted(aliases, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    reach = list(accumulate((a.end for a in ordered), max))
    found = []
    for match in _LATIN_NAME.finditer(text):
        start, name = match.start(), lexicon.without_full_stop(match.group())
        before = bisect_right(starts, start) - 1
        inside_alias = before >= 0 and reach[before] > start
        if not inside_alias and lexicon.is_person_name(name):
            found.append(Candidate("PERSON", start, start + len(name), name))
    return found


def _gazetteer_mentions(text: str) -> list[tuple[int, int]]:
    """Every occurrence of a gazetteer form (case-insensitive where case applies)."""
    folded = text.lower()
    if len(folded) != len(text):  # a rare character whose lower case is longer: match as written
        folded = text
    found = []
    for form in lexicon.organizations():
        at = folded.find(form)
        while at >= 0:
            found.append((at, at + len(form)))
            at = folded.find(form, at + 1)
    return found


def gap_pieces(segmentation: Segmentation) -> list[tuple[int, int]]:
    """What lies between the tokens, as tokens of its own: runs of whitespace and runs of anything else
    (layout markup, characters no token covers). A single space right after a token is not a piece:
    it is that token's trailing whitespace, as in a spaCy Doc."""
    text, tokens = segmentation.text, segmentation.tokens
    gaps = [(0, tokens[0].start if tokens else len(text))]
    # Most tokens follow the one before directly or after a single space: no piece between them.
    gaps += [(a.end, b.start) for a, b in pairwise(tokens) if b.start != a.end and text[a.end : b.start] != " "]
    if tokens:
        gaps.append((tokens[-1].end, len(text)))
    return [piece for start, end in gaps for piece in _pieces_of_gap(text, start, end)]


def _pieces_of_gap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of the gap `text[start:end]` after a token (or, from 0, before the first)."""
    if start > 0 and text.startswith(" ", start):
        start += 1  # the token's trailing whitespace
    return [match.span() for match in _GAP_PIECES.finditer(text, start, end)]


def _on_token_boundaries(segmentation: Segmentation, spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each span begins where a token or gap piece begins and ends where one ends."""
    return [_is_edge(segmentation, start, 0) and _is_edge(segmentation, end, 1) for start, end in spans]


def _is_edge(segmentation: Segmentation, offset: int, side: int) -> bool:
    """Whether a token or gap piece starts (side 0) or ends (side 1) at `offset`: found from the
    token at the character there (a start) or before it (an end), or else the gap holding it."""
    tokens = segmentation.token_index
    at = offset - side
    index = tokens.index_at_or_before(at)
    if index >= 0 and tokens.items[index].end > at:
        return offset == tokens.items[index][side]
    gap_start = tokens.items[index].end if index >= 0 else 0
    gap_end = tokens.items[index + 1].start if index + 1 < len(tokens.items) else len(segmentation.text)
    return any(piece[side] == offset for piece in _pieces_of_gap(segmentation.text, gap_start, gap_end))


def tag_candidates(segmentation: Segmentation) -> Candidates:
    text = segmentation.text
    # Organisations, dates and tracks are found on the text (far cheaper than token matchers) and kept
    # where they begin and end on token boundaries (not `구글` inside `구글러들`).
    found = [("ORG", span) for span in _gazetteer_mentions(text)]
    found += [("DATE", span) for span in date_mentions(text)]
    found += [("TRACK", span) for span in _track_mentions(segmentation)]
    on_boundaries = _on_token_boundaries(segmentation, [span for _, span in found])
    found = [mention for mention, kept in zip(found, on_boundaries, strict=True) if kept]
    aliases = find_alias_pairs(segmentation)
    spans: list[Candidate] = []
    for alias in aliases:
        label = _classify(alias, text)
        if label:
            spans.append(Candidate(label, alias.start, alias.end, text[alias.start : alias.end], alias))
    spans += [Candidate(label, start, end, text[start:end]) for label, (start, end) in found]
    from extract.people import find_titled_people  # imports this module's AliasPair

    people = find_titled_people(segmentation, aliases)
    spans += [Candidate("PERSON", p.name_start, p.name_end, text[p.name_start : p.name_end]) for p in people]
    modelled = _model_mentions(segmentation, aliases)
    modelled_people = [c for c in modelled if c.label == "PERSON"]
    by_span = {(c.start, c.end): c for c in [*modelled_people, *_latin_people(text, aliases)]}
    latin_people = [by_span[span] for span in sorted(by_span)]
    taken = [(c.start, c.end) for c in spans]
    spans += latin_people + [c for c in modelled if c.label != "PERSON" and not _overlaps(c.start, c.end, taken)]
    spans.sort(key=lambda c: (c.start, -c.end))
    model_people = frozenset(_key(c.text) for c in modelled_people)
    return Candidates(segmentation, tuple(aliases), tuple(spans), tuple(people), tuple(latin_people), model_people)


def _model_mentions(segmentation: Segmentation, aliases: list[AliasPair]) -> list[Candidate]:
    """The English model's entity pieces that lie on token boundaries and outside every alias pair."""
    from extract.english_entities import model_entities  # loads spaCy's model: English documents only

    text = segmentation.text
    found = model_entities(segmentation)
    on_boundaries = _on_token_boundaries(segmentation, [(start, end) for _, start, end in found])
    glossed = [(a.start, a.end) for a in aliases]
    return [
        Candidate(label, start, end, text[start:end])
        for (label, start, end), kept in zip(found, on_boundaries, strict=True)
        if kept and not _overlaps(start, end, glossed)
    ]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _key(name: str) -> str:
    from extract.resolve import key  # resolve builds on the candidates

    return key(name)
