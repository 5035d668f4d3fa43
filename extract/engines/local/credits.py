"""Credits: people named with a role (emcee, track host, interviewer, organiser, volunteer).

A role attaches to a name in two ways recaps use: next to it (`로리 보스(Laurie Voss) 사회자님`,
`인터뷰 진행자 플로 영(Phlo Young)`), or as the lead-in of a list (`… 호스트분들께 감사드립니다 —
A님 (트랙), B님 (트랙), …`), where it holds for every name until another role word takes over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract import lexicon
from extract.candidates import Candidates, closing_bracket
from extract.engines.local.phrases import Mention, clean, hangul_to_latin, is_person, mentions, person_of, span
from extract.lexicon import RoleWord
from extract.marks import DASH
from extract.models import Credit, Role
from extract.segment import Block, Segmentation, Sentence

_LIST_INTRODUCER = re.compile(rf"{DASH}|:\s")
# Words in a track note that describe the job, not the track: `(MCP 분야 총괄)` -> MCP.
_TRACK_NOISE = re.compile(
    r"\s*(?:분야|총괄|섹션|담당|트랙|책임자|호스트|진행|운영|리드|track|host|lead|chair)(?=\s|$)", re.I
)


@dataclass(frozen=True)
class RoleCue:
    start: int
    end: int
    word: RoleWord


def extract_credits(segmentation: Segmentation, candidates: Candidates) -> list[Credit]:
    text = segmentation.text
    glossary = hangul_to_latin(candidates)
    credits: list[Credit] = []
    for block in segmentation.blocks:
        cues = _role_cues(text, block.start, block.end)
        if cues:
            lists = _role_lists(text, block, cues)
            for sentence in block.sentences:
                credits += _credits_in(text, candidates, block.start, sentence, cues, lists, glossary)
    return credits


def _role_lists(text: str, block: Block, cues: list[RoleCue]) -> list[tuple[int, int]]:
    """Regions listing people under a role lead-in: from `—` or `:` to the end of that sentence.

    Kiwi often ends a sentence right before the dash (`감사를 표합니다 — A님, B님`), so the list is
    the sentence that the introducer opens, not the one the role word is in.
    """
    regions = []
    for introducer in _LIST_INTRODUCER.finditer(text, block.start, block.end):
        if not any(c.end <= introducer.start() for c in cues):
            continue
        ends = [s.end for s in block.sentences if s.end > introducer.end()]
        regions.append((introducer.end(), min(ends) if ends else block.end))
    return regions


def _role_cues(text: str, start: int, end: int) -> list[RoleCue]:
    cues: list[RoleCue] = []
    lowered = text[start:end].casefold()
    if not lexicon.any_role_word().search(lowered):
        return cues
    for word, wording in lexicon.folded_role_words():
        at = lowered.find(wording)
        while at >= 0:
            cue = RoleCue(start + at, start + at + len(wording), word)
            overlaps = any(c.start < cue.end and cue.start < c.end for c in cues)
            if not overlaps and _whole(text, cue):
                cues.append(cue)
            at = lowered.find(wording, at + len(wording))
    return sorted(cues, key=lambda c: c.start)


def _whole(text: str, cue: RoleCue) -> bool:
    before = text[cue.start - 1] if cue.start > 0 else " "
    after = text[cue.end] if cue.end < len(text) else " "
    latin = cue.word.wording.isascii()
    return not latin or (not before.isalnum() and not after.isalnum())


def _credits_in(
    text: str,
    candidates: Candidates,
    block_start: int,
    sentence: Sentence,
    cues: list[RoleCue],
    lists: list[tuple[int, int]],
    glossary: dict[str, str],
) -> list[Credit]:
    # Names and role words inside a bracketed note belong to that note (`님 (음성(Voice))`).
    found = mentions(text, candidates, sentence.start, sentence.end)
    found = [m for m in found if not _bracketed(text, m.alias.start, block_start)]
    cues = [c for c in cues if not _bracketed(text, c.start, block_start)]
    credits = []
    for index, mention in enumerate(found):
        listed = any(start <= mention.alias.start < end for start, end in lists)
        cue = _adjacent_cue(text, mention, cues) or (_list_cue(mention, cues) if listed else None)
        descriptor = _descriptor_before(text, found, index)
        if descriptor is not None and (cue is None or cue.end < descriptor.alias.start):
            cue = None
            role_text: str = descriptor.alias.hangul
            role: Role = "other"
        elif cue is not None:
            role_text, role = text[cue.start : cue.end], cue.word.role
        else:
            continue
        # In a role list a bare first name counts (`사라(Sarah) / 타일러(Tyler)`); elsewhere a person must be clear.
        named = is_person(mention, text) or (listed and lexicon.is_name_shaped(mention.latin))
        if mention.particle in {"을", "를"} or not named:
            continue
        if _is_organization_before_person(text, found, index):
            continue
        track, track_end = _track_after(text, candidates, mention, glossary)
        track = track or _track_before_cue(text, candidates, cue)
        organization = _organization_before(text, found, index)
        end = max(track_end, mention.alias.end)
        evidence = [span(text, mention.alias.start, end)]
        if cue is not None and not (mention.alias.start <= cue.start < end):
            evidence.append(span(text, cue.start, cue.end))
        credits.append(
            Credit(
                id="",
                person=person_of(mention.alias),
                role=role,
                role_text=role_text,
                track=track,
                organization=organization,
                evidence=evidence,
            )
        )
    return credits


def _bracketed(text: str, offset: int, block_start: int) -> bool:
    """Inside a bracket opened earlier in the block (a block is one line, or one unit of a long one)."""
    before = text[block_start:offset]
    return before.count("(") > before.count(")")


def _track_before_cue(text: str, candidates: Candidates, cue: RoleCue | None) -> str | None:
    """`음성(Voice) 트랙 호스트 토르 셰프`: the track named right before a track role word."""
    if cue is None or cue.word.role != "track_host":
        return None
    end = cue.start if cue.word.wording.startswith("트랙") else _strip_track_word(text, cue.start)
    alias = candidates.alias_ending_at(len(text[:end].rstrip()))
    return alias.latin if alias else None


def _strip_track_word(text: str, end: int) -> int:
    before = text[:end].rstrip()
    for word in ("트랙", "track", "Track"):
        if before.endswith(word):
            return len(before) - len(word)
    return end


def _adjacent_cue(text: str, mention: Mention, cues: list[RoleCue]) -> RoleCue | None:
    """A role word right before the name, or right after it (`… 사회자님`)."""
    for cue in cues:
        if 0 <= mention.alias.start - cue.end <= 1 and not text[cue.end : mention.alias.start].strip():
            return cue
        gap = text[mention.alias.end : cue.start]
        if 0 <= cue.start - mention.alias.end <= 2 and not gap.strip(" 님"):
            return cue
    return None


def _list_cue(mention: Mention, cues: list[RoleCue]) -> RoleCue | None:
    """In a list after a role lead-in, the nearest role word before the name."""
    before = [c for c in cues if c.end <= mention.alias.start]
    return before[-1] if before else None


def _descriptor_before(text: str, found: list[Mention], index: int) -> Mention | None:
    """`젠슨 랭글러(Jensen wrangler) 나데르 칼릴(Nader Khalil)`: a job described right before a name."""
    if index == 0:
        return None
    previous, mention = found[index - 1], found[index]
    adjacent = previous.alias.end + 1 == mention.alias.start and text[previous.alias.end] == " "
    common_noun = any(word.islower() for word in previous.latin.split())
    return previous if adjacent and common_noun and previous.particle is None else None


def _is_organization_before_person(text: str, found: list[Mention], index: int) -> bool:
    """`네오포제이(Neo4J)와 스티븐 친(Stephen Chin)님`: the first name is the person's organisation."""
    return _organization_partner(text, found, index) is not None


def _organization_partner(text: str, found: list[Mention], index: int) -> Mention | None:
    mention = found[index]
    if index + 1 >= len(found) or mention.honorific or mention.particle not in {"와", "과"}:
        return None
    partner = found[index + 1]
    if partner.alias.start - mention.after > 2 or not partner.honorific:
        return None
    return partner


def _organization_before(text: str, found: list[Mention], index: int) -> str | None:
    if index == 0:
        return None
    previous = found[index - 1]
    return previous.latin if _organization_partner(text, found, index - 1) is found[index] else None


def _track_after(
    text: str, candidates: Candidates, mention: Mention, glossary: dict[str, str]
) -> tuple[str | None, int]:
    """The bracketed note after a name (`님 (추천 시스템(RecSys) 트랙 책임자)`) read as a track."""
    match = re.compile(r"(?:님|씨)?\s?\(").match(text, mention.alias.end)
    if not match:
        return None, mention.alias.end
    open_at = match.end() - 1
    close_at = closing_bracket(text, open_at)
    if close_at is None:
        return None, mention.alias.end
    note_end = close_at
    comma = text.find(", ", open_at, close_at)
    if comma > 0:
        note_end = comma
    note = _render(text, open_at + 1, note_end, glossary)
    note = clean(_TRACK_NOISE.sub("", note))
    return (note or None), close_at + 1


_GLOSSED = re.compile(r"^(?P<before>[^()]*)\((?P<gloss>[^()]*[A-Za-z][^()]*)\)(?P<after>[^()]*)$")


def _render(text: str, start: int, end: int, glossary: dict[str, str]) -> str:
    """A note in Latin where the text gives it: its own gloss (`아키텍트(Architect) 2` -> `Architect 2`),
    else the document's gloss for the same Hangul words elsewhere (`타이니 팀즈` -> `Tiny Teams`)."""
    note = text[start:end]
    glossed = _GLOSSED.match(note)
    if glossed:
        return glossed.group("gloss") + glossed.group("after")
    for hangul, latin in sorted(glossary.items(), key=lambda item: -len(item[0])):
        if len(hangul) >= 2 and hangul in note:
            note = note.replace(hangul, latin)
    return note
