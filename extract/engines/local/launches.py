"""Launches: a product, its maker and who presented it, from announcing sentences.

Two places announce launches in recaps: a bulleted list introduced by an announcing line (every item
is a launch, whatever its verb), and running text where a product is the object of an announcing
verb (`X를 공개했습니다`) or the subject of its passive (`X는 … 발표되었습니다`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from extract import dates, lexicon
from extract.candidates import Candidates
from extract.engines.local.phrases import (
    Mention,
    clean,
    is_person,
    latin_rendering,
    mentions,
    particle_after,
    person_of,
    span,
)
from extract.models import DateValue, Launch, Person
from extract.people import is_korean_name
from extract.segment import Block, Segmentation, Sentence

_OBJECT = re.compile(r"(?:\*\*)?(을|를)\s")
# A topic or subject particle right after a noun phrase; `에서는`, `에게는`, `오전에는` (a setting) are not topics.
_TOPIC_MARK = re.compile(r"(?<!에)(?<!에서)(?<!에게)(?<!께서)(?<!으로)(?:\*\*)?\s?(?:\([^()가-힣]*\))?(은|는)\s")
_SUBJECT_MARK = re.compile(r"(?:\*\*)?\s?(?:\([^()가-힣]*\))?(이|가)\s")
_COORDINATION = re.compile(r"['’\"”*]*(?:과|와|,|및)\s+['‘\"“*]*")
# Generic heads that follow a product's name without being part of it (`v3 알파(v3 alpha) 버전`).
_GENERIC_HEADS = ("버전", "기능", "서비스", "제품", "모델", "플랫폼", "앱", "도구", "version")
# Nouns of the launch itself after the product's name (`카나나 출시를 발표했다`): not part of it.
_LAUNCH_NOUNS = ("출시", "공개", "론칭", "런칭")
_NP_BREAK = re.compile(r"(?:[은는이가을를에]|에서|에서는|으로|에게|하며|하고|었|였|된|한|던|운|인|함께)\s")
_SUBJECT_PARTICLES = {"은", "는", "이", "가"}
_HANGUL_SUBJECT = re.compile(r"(?<![^\s'‘\"“(])[가-힣]{2,12}$")
_SETTING_BEFORE = re.compile(r"(?:\A|(?:에서는|에서|에는|이날|한편|또한|이어|특히|,)\s+)\Z")
_GENERIC_SUBJECTS = frozenset(
    "회사 기업 업체 정부 당국 당사 우리 저희 그 그녀 이들 연구진 연구팀 개발진 개발팀 팀 측 주최측 "
    "행사 참가자 관계자".split()
)
# A subject written in Latin letters right before its particle: `JetBrains는`, `Mistral AI가`.
_LATIN_SUBJECT = re.compile(r"(?<![\w.])[A-Z][\w.&\-]*(?: [A-Z][\w.&\-]*){0,2}$")
# A quoted name inside a product phrase (its closing quote may be cut off with the phrase).
_QUOTED = re.compile(r"[‘'\"“](?P<name>[^’'\"”\n]{1,60})(?:[’'\"”]|$)")
_AFTER_LEAD = re.compile(r"\*\*\s*:\s*")


@dataclass(frozen=True)
class ProductPhrase:
    start: int
    end: int
    organization: str | None


def extract_launches(segmentation: Segmentation, candidates: Candidates) -> list[Launch]:
    text = segmentation.text
    year = dates.document_year(text)
    launches: list[Launch] = []
    listed = _launch_list_items(segmentation)
    for block in segmentation.blocks:
        led = [] if block.index in listed else _led_launch(text, candidates, block, year)
        if led:
            launches += led
            continue
        for sentence in block.sentences[:1] if block.index in listed else block.sentences:
            launches += _launches_in(text, candidates, sentence, block.index in listed, year)
    return launches


def _led_launch(text: str, candidates: Candidates, block: Block, year: int | None) -> list[Launch]:
    """`* **엑사원 4.0(EXAONE 4.0)**: LG AI연구원이 공개한 … 모델`: a bold lead whose description
    announces it is the product, made by the organisation that description names as subject."""
    if block.kind not in {"bullet", "bold_lead"} or not block.bold or not block.sentences:
        return []
    lead_start, lead_end = block.bold[0]
    after = _AFTER_LEAD.match(text, lead_end)
    if lead_start > block.content_start + 2 or after is None:
        return []
    description_end = block.sentences[0].end
    lead = ProductPhrase(lead_start, lead_end, None)
    if not lexicon.announces(text[after.end() : description_end]) or not _named(text, candidates, [lead]):
        return []  # `**핵심 동향**: … 모델들이 공개되었습니다` is a label, not a product
    maker = None
    for organization in candidates.within(after.end(), description_end, "ORG"):
        if particle_after(text, organization.end)[1] in {*_SUBJECT_PARTICLES, "에서"}:
            maker = organization.text
            break
    name, name_ko = latin_rendering(text, lead_start, lead_end, candidates)
    return [
        Launch(
            id="",
            name=name,
            name_ko=name_ko if name_ko != name else None,
            organization=maker or _prefix_organization(name),
            presenters=[],
            date=_date(candidates, block.start, block.end, year),
            description=clean(text[after.end() : description_end]),
            evidence=[span(text, block.content_start, description_end)],
        )
    ]


def _launch_list_items(segmentation: Segmentation) -> set[int]:
    """Bullet blocks under an announcing lead-in (`…에서 공개된 주요 발표들:`)."""
    items: set[int] = set()
    lead_in_announces = False
    for block in segmentation.blocks:
        if block.kind == "bullet":
            if lead_in_announces:
                items.add(block.index)
            continue
        lead = segmentation.text[block.content_start : block.end]
        lead_in_announces = block.kind != "heading" and len(lead) < 300 and lexicon.announces(lead)
        lead_in_announces = lead_in_announces and lead.rstrip().endswith((":", ")", "다", "."))
    return items


def _launches_in(text: str, candidates: Candidates, sentence: Sentence, listed: bool, year: int | None) -> list[Launch]:
    start, end = sentence.start, sentence.end
    clause_end = _clause_end(text, start, end)
    sentence_text = text[start:clause_end]
    if not listed and not lexicon.announces(sentence_text):
        return []
    products = _object_products(text, candidates, start, clause_end)
    subject = _topic(text, start, clause_end)
    if not products and subject is not None and (listed or _announced_passively(text, subject[1], clause_end)):
        products = _split_products(text, candidates, *_head_phrase(text, candidates, *subject))
    if not products:
        return []
    found = mentions(text, candidates, start, clause_end)
    subject_maker = _maker(text, candidates, found, subject, products)
    # In running text a product needs a name (an alias pair, Latin capitals) or a named maker as the
    # subject: `메타는 라마 4를 공개했다`.
    named = _named(text, candidates, products) or (subject_maker and _short_or_quoted(text, products))
    if not listed and not named:
        return []
    presenters = _presenters(text, candidates, found, products)
    maker = subject_maker or next((p.affiliation for p in presenters if p.affiliation), None)
    date = _date(candidates, start, end, year)
    evidence = [span(text, start, end)]
    launches = []
    for product in products:
        end = _before_generic_head(text, product.start, product.end)
        start_of_name = _after_generic_head(text, product.start, end)
        name_start, name_end = _quoted_name(text, product.start, product.end) or (start_of_name, end)
        name, name_ko = latin_rendering(text, name_start, name_end, candidates)
        if lexicon.names_an_event(text[name_start:name_end]) or clean(name) in _GENERIC_HEADS:
            continue  # an event, or a class with no name (`새로운 서비스 모델을 공개했다`)
        if lexicon.names_a_topic(clean(name)):
            continue  # what a talk is about, not a product (`생성형 AI 전략을 소개했다`)
        launches.append(
            Launch(
                id="",
                name=name,
                name_ko=name_ko if name_ko != name else None,
                organization=product.organization or maker,
                presenters=presenters,
                date=date,
                description=clean(text[start:end]),
                evidence=evidence,
            )
        )
    return launches


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the announcing clause ends: a second clause (`…였으며, 그는 …를 영입`) is another event."""
    match = re.search(r"(?:으며|이며|였으며|었으며|고),\s", text[start:end])
    return start + match.end() if match else end


def _object_products(text: str, candidates: Candidates, start: int, end: int) -> list[ProductPhrase]:
    """Products that are the object of an announcing verb: `… X를 발표했습니다`."""
    for match in _OBJECT.finditer(text, start, end):
        verb = text[match.end() : match.end() + 14]
        later_object = _OBJECT.search(verb)
        verb = verb[: later_object.start()] if later_object else verb  # `X를 적용한 사례를 발표`: not X
        if not lexicon.announces(verb) or verb.startswith(("주제로", "제목으로")):
            continue  # `'…'를 주제로 발표했다` presents a topic, it announces nothing
        np_start = _phrase_start(text, start, match.start(), candidates)
        return _split_products(text, candidates, *_head_phrase(text, candidates, np_start, match.start()))
    return []


def _topic(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence's topic (은/는), else its first subject (이/가): (start, end) of what precedes it.

    The topic wins because a relative clause inside it has subjects of its own
    (`X의 Y가 발표한 Z는 …`: the sentence is about Z).
    """
    match = _TOPIC_MARK.search(text, start, end) or _SUBJECT_MARK.search(text, start, end)
    if not match:
        return None
    return start, match.start()


def _announced_passively(text: str, after: int, end: int) -> bool:
    rest = text[after:end]
    return lexicon.announces(rest) and bool(re.search(r"(되었|됐|되어|돼|보였|보인|선보)", rest))


def _phrase_start(text: str, floor: int, end: int, candidates: Candidates) -> int:
    """Start of the noun phrase that ends at `end`: after the last particle-marked word before it,
    where a name's own `이`/`가` is no particle (`제미나이 2.5(Gemini 2.5)` stays whole)."""
    position = floor
    aliases = candidates.aliases_within(floor, end)
    for match in _NP_BREAK.finditer(text, floor, end):
        if not any(a.start < match.end() < a.end for a in aliases):
            position = match.end()
    return position


def _head_phrase(text: str, candidates: Candidates, start: int, end: int) -> tuple[int, int]:
    """Drop a relative clause before the head noun phrase: `… 발표한 검증된 초지능(…)` -> its head."""
    start = _phrase_start(text, start, end, candidates)
    while start < end and text[start] in " *'\"‘“":
        start += 1
    return start, end


def _split_products(text: str, candidates: Candidates, start: int, end: int) -> list[ProductPhrase]:
    """`A과 B` -> A, B; `X의 Y` -> Y made by X."""
    products = []
    position = start
    for match in _COORDINATION.finditer(text, start, end):
        if _is_coordination_point(candidates, match.start()):
            products.append((position, match.start()))
            position = match.end()
    products.append((position, end))
    return [_with_maker(text, candidates, s, e) for s, e in products if clean(text[s:e])]


def _is_coordination_point(candidates: Candidates, offset: int) -> bool:
    """Coordinate only between complete names: the conjunction follows an alias pair's bracket."""
    return candidates.alias_ending_at(offset) is not None or candidates.alias_ending_at(offset - 1) is not None


def _with_maker(text: str, candidates: Candidates, start: int, end: int) -> ProductPhrase:
    end = len(text[:end].rstrip(" *'\"’”"))
    possessive = re.search(r"의\s", text[start:end])
    if possessive:
        owner_end = start + possessive.start()
        owner = candidates.alias_ending_at(owner_end)
        if owner is not None and not lexicon.is_person_name(owner.latin):
            return ProductPhrase(start + possessive.end(), end, owner.latin)
    return ProductPhrase(start, end, _prefix_organization(text[start:end]))


def _prefix_organization(name: str) -> str | None:
    """`OpenAI 에이전트 SDK`: a product named after its maker."""
    return lexicon.leading_organization(name) if " " in name else None


def _named(text: str, candidates: Candidates, products: list[ProductPhrase]) -> bool:
    """In running text, only a named product counts: an alias pair or a capitalised Latin name."""
    return all(
        candidates.aliases_within(p.start, p.end) or re.search(r"[A-Z]", text[p.start : p.end]) for p in products
    )


def _short_or_quoted(text: str, products: list[ProductPhrase]) -> bool:
    """Products a named maker's sentence names: short phrases, or quoted names (`'업비트 월렛'`)."""
    return all(len(text[p.start : p.end].split()) <= 3 or _quoted_name(text, p.start, p.end) for p in products)


def _before_generic_head(text: str, start: int, end: int) -> int:
    """End of a product's name without a trailing generic noun or noun of launching (`v3 알파(v3 alpha)
    버전` -> `…(v3 alpha)`, `카나나 출시` -> `카나나`)."""
    head = text[start:end].rstrip()
    for word in (*_GENERIC_HEADS, *_LAUNCH_NOUNS):
        if head.endswith(" " + word) and len(head) > len(word) + 1:
            return start + len(head) - len(word) - 1
    return end


def _after_generic_head(text: str, start: int, end: int) -> int:
    """Start of a product's name after the generic noun that classes it (`AI 모델 카나나` -> `카나나`,
    `새 지갑 서비스 X` -> `X`): Korean puts the class before the name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    after_heads = [following for word, following in pairwise(words) if word.group() in _GENERIC_HEADS]
    return start + after_heads[-1].start() if after_heads else start


def _presenters(text: str, candidates: Candidates, found: list[Mention], products: list[ProductPhrase]) -> list[Person]:
    presenters: list[Person] = []
    for mention in found:
        inside_product = any(p.start <= mention.alias.start < p.end for p in products)
        if inside_product or mention.particle in {"을", "를"} or not is_person(mention, text):
            continue
        person = person_of(mention.alias)
        affiliation = _affiliation(text, found, mention) or _gazetteer_owner(text, candidates, mention)
        if affiliation:
            person = person.model_copy(update=affiliation)
        presenters.append(person)
    return presenters


def _affiliation(text: str, found: list[Mention], person: Mention) -> dict[str, str]:
    """`ORG의 PERSON` or `ORG 회장 PERSON`: the organisation (and title) right before a name."""
    for mention in found:
        if mention.alias.end >= person.alias.start or is_person(mention, text):
            continue
        between = text[mention.after : person.alias.start].strip(" *")
        if mention.particle == "의" and not between:
            return {"affiliation": mention.latin}
        if mention.particle is None and between and len(between) <= 6 and " " not in between:
            gap = text[mention.alias.end : person.alias.start].strip(" *")
            return {"affiliation": mention.latin, "title": gap}
    return {}


def _gazetteer_owner(text: str, candidates: Candidates, person: Mention) -> dict[str, str]:
    """`마이크로소프트의 사티아 나델라(Satya Nadella)`: a gazetteer organisation owning the name."""
    for organization in candidates.within(max(0, person.alias.start - 40), person.alias.start, "ORG"):
        if re.fullmatch(r"의\s+", text[organization.end : person.alias.start]):
            return {"affiliation": organization.text}
    return {}


def _maker(
    text: str,
    candidates: Candidates,
    found: list[Mention],
    subject: tuple[int, int] | None,
    products: list[ProductPhrase],
) -> str | None:
    """The organisation that launched: the sentence's subject when it is an organisation (an alias
    pair that is not a person, or a gazetteer name: `삼성전자는 … 공개했다`)."""
    if subject is None or any(p.start >= subject[0] and p.end <= subject[1] for p in products):
        return None
    for mention in found:
        inside = subject[0] <= mention.alias.start < subject[1]
        if inside and mention.particle in _SUBJECT_PARTICLES and not is_person(mention, text):
            return mention.latin
    for organization in candidates.within(subject[0], subject[1] + 2, "ORG"):
        if particle_after(text, organization.end)[1] in _SUBJECT_PARTICLES:
            return organization.text
    if any(subject[0] <= m.alias.start < subject[1] for m in found):
        return None  # a person's subject phrase: `사티아 나델라(Satya Nadella) CEO는`
    latin = _LATIN_SUBJECT.search(text, subject[0], subject[1])
    if latin and _organization_shaped(latin.group()):
        return latin.group()
    # `업비트가 새 지갑 서비스 '업비트 월렛'을 선보였다`: with a quoted product, a one-word subject that is
    # no person, pronoun or generic noun is the maker.
    word = _HANGUL_SUBJECT.search(text, subject[0], subject[1])
    if word is None or not _SETTING_BEFORE.search(text[subject[0] : word.start()]):
        return None  # only a setting may stand before the maker (`행사장에서는 업비트가`), no name or title
    if all(_quoted_name(text, p.start, p.end) for p in products) and _maker_word(word.group()):
        return word.group()
    return None


def _maker_word(word: str) -> bool:
    return word not in _GENERIC_SUBJECTS and not word.endswith("들") and not is_korean_name(word)


def _organization_shaped(latin: str) -> bool:
    """A Latin subject that names no person: one word that is no given name (`JetBrains`), or words
    of which no two in a row are name-shaped (`Mistral AI`, not `Ravi Menon CTO`)."""
    words = latin.split()
    if len(words) == 1:
        return latin.casefold() not in lexicon.given_names()
    return not any(lexicon.could_be_person_name(f"{a} {b}") for a, b in pairwise(words))


def _quoted_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A quoted name inside a product phrase is the product: `차세대 AI 칩 '마하-1'` -> 마하-1."""
    match = _QUOTED.search(text[start:end])
    return (start + match.start("name"), start + match.end("name")) if match else None


def _date(candidates: Candidates, start: int, end: int, year: int | None) -> DateValue | None:
    found = candidates.within(start, end, "DATE")
    if not found:
        return None
    best = max(found, key=lambda c: (dates.to_iso(c.text, year) is not None, "월" in c.text, len(c.text)))
    return DateValue(text=best.text, iso=dates.to_iso(best.text, year))
