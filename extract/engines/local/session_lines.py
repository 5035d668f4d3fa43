"""Session lines: one unit of text (a line, a list item, a table cell, a heading's text) read as a
talk's title and its speakers, whatever separates them.

`10:00-10:40 | Title | Speaker`, `**Title** - 이름 (소속)`, `[Title] Speaker`, `Title / Speaker`,
`Title (Speaker, Org)`, `Title by Name (Org)`, `제목 : 이름 - 소속`, the English `Title: Speaker - Role
of Org`; and what a unit's parts are: people (`people_in`), a title (`title_like`), a kind label
(`without_kind_label`), link labels (`without_link_labels`). Parsing only: which units are talks is
decided by the layouts around them (`title_blocks`) and assembled in `talks`.
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local import talk_context
from extract.engines.local.phrases import clean, english_people, is_person, korean_people, mentions, person_of
from extract.engines.local.prose_talks import titled_person
from extract.marks import DASH, SEPARATOR
from extract.models import Person, Span
from extract.people import descriptor, is_korean_name
from extract.segment import LINK, SPEAKER_LABEL, TIME_SLOT, Block, reads_as_title_line

HEADING_SEPARATOR = re.compile(rf"{SEPARATOR}|\s*:\s+")
# What may stand between speakers on a speakers' side: conjunctions, commas, honorifics.
_JOINERS = re.compile(r"^(?:\s|[,&/·*]|와|과|및|님|and|with)*$")
_BY = re.compile(r"\s+by\s+")
# `moderated by`, `sponsored by`: the by of a host or a sponsor (`Async IO, Completed by …` names a speaker).
_HOST_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:moderated|hosted|chaired|led|emceed|organi[sz]ed|sponsored|powered|supported|brought)$", re.I
)
_BY_NAME = re.compile(r"(?P<name>[^()]+?)(?:\s*\((?P<org>[^()]+)\))?")


def names_a_role(line: str) -> bool:
    """A line that is a role's label (`사회`, `Organizers`) or has a role's wording among its words
    (`인사말`): a role over or beside the people who had it."""
    roles = lexicon.roles_by_wording()
    return line.casefold() in lexicon.roles_by_label() or any(word.casefold() in roles for word in line.split())


def title_line(line: str, relaxed: bool) -> bool:
    """A line that can be a title: one that reads as one, or, in a layout shown, one that exclaims."""
    return reads_as_title_line(line.rstrip("!?") if relaxed else line)


# A session number or label before a title: `세션 1.`, `2)`, `Session 3:`, `[Track A]`, or the field
# label of a title (`제목: …`, `세션명: …`, `Title: …`).
NUMBERED = re.compile(
    r"\s*(?:(?:세션|session|talk|트랙|track)\s*)?(?:\d{1,2}|[A-Z])\s*[.):]\s+|\s*\[[^\]]{1,20}\]\s*"
    r"|\s*(?:제목|세션명|세션\s?제목|발표\s?제목|강연\s?제목|주제|발표\s?주제|title|session\s+title|topic)\s*:\s*",
    re.I,
)
# Words that qualify a talk kind in a label or a heading (`Opening Keynote`, `클로징 키노트`, `특별 세션`).
_KIND_QUALIFIERS = r"개막|폐막|오프닝|클로징|첫|마지막|특별|메인|opening|closing|morning|afternoon|main|special"
KIND_PREFIX = re.compile(
    rf"(?:(?:{_KIND_QUALIFIERS}|(?:첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열|\d{{1,2}})\s?번째)\s*)?"
    r"(?:키노트|기조연설|기조강연|특별강연|세션\s*\d*|워크숍|패널|keynote|talk|session\s*\d*|workshop|panel)\s*[:\-–—|]\s*",
    re.I,
)
# A talk kind standing for a title beside its speaker (`첫 기조연설`, `Opening keynote`).
KIND_ONLY = re.compile(
    rf"(?i:(?:{_KIND_QUALIFIERS})\s?)?(?:기조\s?연설|기조\s?강연|키노트|특별\s?강연|특강|(?i:keynote))"
)
_AFFILIATION_AFTER = re.compile(r"\s*(?:,\s*|\()(?P<org>[^,()\n]{2,40}?)\)?\s*")
# A line that ends naming someone: with an honorific (also in brackets, `Title (백재연님)`), or after a
# separator (a dash, slash, pipe or `by`) with their employer in brackets (`Title by Jane Doe (Acme)`,
# `제목 / 김민준 (카카오)`).
_SPEAKER_END = re.compile(
    r"[가-힣]{2,4}\s?님\s*\)?\s*$"
    rf"|(?:{DASH}|\s[/|]\s+|\sby\s+)"
    r"(?P<name>[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){1,3}|[가-힣]{2,4})\s*\([^()]{2,40}\)\s*$"
)
PARENTHESISED_END = re.compile(r"\s*\(([^()]+(?:\([^()]*\)[^()]*)*)\)\s*$")
# title, speakers, kind from a label, the line that names the speakers (when not the title's own)
Parsed = tuple[str | None, list[Person], str | None, Span | None]


def parse_line(block: Block, text: str, candidates: Candidates) -> Parsed | None:
    """A session line: `10:00-10:40 Title - Speaker (Org)`, `**Title** - Speaker`, `[Title] Speaker`
    or an English `Title: Speaker - Role of Org` (plain lines of one shape are read as columns first)."""
    labelled_slot = talk_context.after_slot_labels(text, block.content_start, block.end)
    if labelled_slot > block.content_start:
        return parse_session(text, labelled_slot, block.end, candidates)
    # A list item, a line led by a marked title, or a title-shaped line that ends naming someone with
    # an honorific or an employer (`접근성 가이드 - 설지민님`, `Sync Engines — Laura Chen (Stripe)`) or
    # that a session label leads: not prose (though a title may end in `?`).
    title_shaped = reads_as_title_line(text[block.start : block.end])
    listed = (
        block.kind != "paragraph"
        or _MARKED_TITLE.match(text, block.content_start)
        or (_ends_naming_someone(text, block) and title_shaped)
        or (KIND_PREFIX.match(text, block.content_start, block.end) and title_shaped)  # `세션 2: 제목 / 이름(소속)`
    )
    if listed and (len(block.sentences) <= 1 or _split_at_question(text, block)):
        session = _parse_listed_session(block, text, candidates)
        if session:
            return session
    content = text[block.content_start : block.end]
    colon = re.search(r":\s+", content)
    if colon is None or colon.start() < 8:
        return None  # `Speaker: …`, `Highlights:` are labels, not titles
    colon_at = block.content_start + colon.start()
    # `Jane Doe (Acme): Title`, `김민준 (카카오): 제목`: the speakers lead, each with an employer, and
    # their title follows (`Name: Title` alone is as often a post by its author).
    leading = people_in(text, candidates, block.content_start, colon_at) if title_shaped else None
    title = clean(content[colon.end() :])
    if leading and all(p.affiliation for p in leading) and title_like(title):
        return title, leading, None, None
    speakers = english_people(text, candidates, block.content_start + colon.end(), block.end)
    title = clean(content[: colon.start()])
    if not speakers or not title or len(title.split()) < 2:
        return None
    return title, speakers, None, None


def _ends_naming_someone(text: str, block: Block) -> bool:
    end = _SPEAKER_END.search(text, block.content_start, block.end)
    name = end.group("name") if end else None
    return end is not None and (name is None or is_korean_name(name) or lexicon.could_be_person_name(name))


# A date or a weekday in a line (`12월 7일`, `토요일`, `Day 2`, `2024-10-09`).
DATED = re.compile(r"\d{1,2}\s*월\s*\d{1,2}\s*일|[월화수목금토일]요일|\bday\s*\d|\d{4}-\d{2}-\d{2}", re.I)
# What a session label holds besides its kind word: a number, `#`, brackets, punctuation.
_LABEL_WORDS = re.compile(
    r"키노트|기조\s?연설|기조\s?강연|특별\s?강연|세션|발표|워크숍|워크샵|패널|keynote|session|talk|workshop|panel"
    rf"|{_KIND_QUALIFIERS}|[#\d\s.:()\-–—]",
    re.I,
)
# Headings over many talks: plurals of talk and event nouns (`Some of my favorite talks`, `Previous Meetups`).
_MANY_TALKS = re.compile(r"\b(?:talks|sessions|keynotes|workshops|panels|presentations|meetups|highlights)\b", re.I)
_LINKED = re.compile(r"https?://|www\.|pic\.twitter|(?:^|\s)[#@]\w")


def heads_a_talk(line: str) -> bool:
    """Whether a title line can be the title of the talk told under it: a title, not a date, a session
    label, a heading over many talks or a line with a link (an embedded post)."""
    line = clean(line)
    return (
        title_like(line)
        and not DATED.search(line)
        and session_label(line) is None
        and not _MANY_TALKS.search(line)
        and not _LINKED.search(line)
    )


def session_label(line: str) -> str | None:
    """The talk kind of a line that is only a session label (`Keynote #5`, `Session 2`, `세션 3`)."""
    line = clean(line)
    kind = lexicon.talk_kind(line)
    return kind if kind and not _LABEL_WORDS.sub("", line) else None


def _split_at_question(text: str, block: Block) -> bool:
    """A line that reads as two sentences only because its title asks a question (`Is X dead?*`)."""
    first = block.sentences[0]
    return len(block.sentences) == 2 and text[first.start : first.end].rstrip("*_'\"”’ ").endswith("?")


# `**Title** Speaker`, `[Title] Speaker`, `「Title」 Speaker`, each optionally followed by a dash.
_MARKED_TITLE = re.compile(
    r"\s*(?:\*\*(?P<bold>[^*\n]{2,120})\*\*|\[(?P<bracketed>[^\]\n]{2,120})\]|「(?P<cornered>[^」\n]{2,120})」)"
)
_SESSION_SEPARATORS = re.compile(SEPARATOR)
BRACKET_ONLY = re.compile(r"(?!)")  # headings name speakers beside a title only in brackets
_BRACKET_LABEL = re.compile(rf"\s*(?:{lexicon.SPEAKER_NOUNS}|발표|by)\s*:?\s*", re.I)
_WITH = re.compile(r"\s+with\s+")
_HANDLE_END = re.compile(rf"{DASH}\S{{1,12}}$")
_HOSTED_CLAUSE = re.compile(r",?\s+(?:moderated|hosted|chaired|led)\s+by\s")
_HOST_LABEL = re.compile(r"\s*(?:좌장|사회|진행|모더레이터|moderator|host|MC)\s*:", re.I)
_CLOSING_QUOTES = "\"”'’』"
_QUOTED_END = re.compile(r"\s*[\"“'‘『](?P<title>[^\"”'’』\n]{2,120})[\"”'’』]\s*$")


def _parse_listed_session(block: Block, text: str, candidates: Candidates) -> Parsed | None:
    return session_in(text, candidates, block.content_start, block.end)


def session_in(text: str, candidates: Candidates, start: int, end: int) -> Parsed | None:
    """A session line's title and speakers between `start` and `end` (a list item, a table cell), its
    trailing link labels (`(Slides)`, `(Code)`, `(발표 영상)`) left out."""
    end = without_link_labels(text, start, end)
    by_line = titled_by_name(text, candidates, start, end)
    if by_line:
        return by_line[0], by_line[1], None, None
    return marked_session(text, candidates, start, end) or parse_session(text, start, end, candidates)


# A link's label at a line's end: bracketed (`(Slides)`) or after a dash or pipe (`– Session video`).
_TRAILING_LABEL = re.compile(rf"\s*\(([^()]{{1,40}})\)\s*$|(?:{DASH}|\s+\|\s+)([^–—―|()]{{1,30}}?)\s*$")


def without_link_labels(text: str, start: int, end: int) -> int:
    """The end of a line's content before the labels of links that follow it."""
    while label := _TRAILING_LABEL.search(text, start, end):
        if not lexicon.is_link_label(label.group(1) or label.group(2)):
            break
        end = label.start()
    return end


def titled_by_name(text: str, candidates: Candidates, start: int, end: int) -> tuple[str, list[Person]] | None:
    """`Agents in Production by Hamel Husain`, `Title by Name (Org)`: the last `by` names the speaker;
    after `by` a name-shaped phrase is enough, given name known or not."""
    found = [by for by in _BY.finditer(text, start, end) if not _HOST_PARTICIPLE_BEFORE.search(text, start, by.start())]
    if not found:
        return None
    by = found[-1]
    title = clean(text[start : without_link_labels(text, start, by.start())])
    speakers = english_people(text, candidates, by.end(), end) or _named_after_by(clean(text[by.end() : end]), title)
    if speakers is None:
        return None
    return (title, speakers) if title_like(title) else None


_BY_JOINERS = re.compile(r"\s*(?:,\s*and|,|&|\band)\s+")


def _named_after_by(phrase: str, title: str) -> list[Person] | None:
    """The speakers after a session line's `by`, a slot that holds people: name-shaped phrases
    (`Sathya Gunasekaran and Mofei Zhang`), each with an optional `(Org)`; a one-word name (`Choko`)
    only after a title of two words or more (`Made by Humans` is a phrase, not a talk)."""
    people = []
    for part in _BY_JOINERS.split(phrase.rstrip(".")):
        match = _BY_NAME.fullmatch(part.strip())
        if match is None or not lexicon.could_be_person_name(match.group("name")):
            return None
        if len(match.group("name").split()) == 1 and len(title.split()) < 2:
            return None
        name = match.group("name")
        people.append(Person(name=name, name_en=name, affiliation=match.group("org")))
    return people or None


def marked_session(text: str, candidates: Candidates, start: int, end: int) -> Parsed | None:
    """A marked title, then its speakers: `**Keynote: Title** — Speaker`, `「Title」 이름(소속)`."""
    marked = _MARKED_TITLE.match(text, start)
    if not marked:
        return None
    people = people_in(text, candidates, marked.end(), end)
    title = clean(marked.group("bold") or marked.group("bracketed") or marked.group("cornered"))
    label = KIND_PREFIX.match(title)
    if label:
        title = title[label.end() :]
    if people and title_like(title):
        return title, people, lexicon.talk_kind(label.group()) if label else None, None
    return None


def parse_session(
    text: str, start: int, end: int, candidates: Candidates, separators: re.Pattern[str] = _SESSION_SEPARATORS
) -> Parsed | None:
    """An optional kind label, then title and speakers (`Title - People`, `People | Title`,
    `Title / People`, or `Title (People)`)."""
    label = KIND_PREFIX.match(text, start, end)
    kind = lexicon.talk_kind(label.group()) if label else None
    if label:
        start = label.end()
    content = text[start:end]
    quoted = _QUOTED_END.search(content) if content.rstrip()[-1:] in _CLOSING_QUOTES else None
    if quoted:  # `김도윤 (토스) "Title"`
        people = people_in(text, candidates, start, start + quoted.start())
        title = clean(quoted.group("title"))
        if people and title_like(title):
            return title, people, kind, None
    bracket = PARENTHESISED_END.search(content)
    hosted = bracket and _HOST_LABEL.match(text, start + bracket.start(1))  # `(좌장: 이름)`: no speakers
    honorific = bracket and bracket.group(1).rstrip().endswith("님")  # `(백재연님)`: a speaker, not a gloss
    glossed = bracket and candidates.alias_ending_at(start + bracket.end()) and not honorific
    if bracket and not hosted and not glossed:  # not a Latin gloss
        inside = _BRACKET_LABEL.match(text, start + bracket.start(1))
        people_start = inside.end() if inside else start + bracket.start(1)
        people = people_in(text, candidates, people_start, start + bracket.end(1))
        title = clean(content[: bracket.start()])
        handle = _HANDLE_END.search(title)  # `Title — 향로 (이동욱)`: the speaker's handle, then their name
        if handle and people:
            title = title[: handle.start()]
        if people and title_like(title):
            return title, people, kind, None
    for separator in separators.finditer(content):
        sides = ((start, start + separator.start()), (start + separator.end(), end))
        for people_side, title_side in (sides[::-1], sides):
            people = people_in(text, candidates, *people_side)
            title = clean(text[title_side[0] : title_side[1]])
            if people and not names_a_role(title) and (found := titled_or_described(title, people, kind)):
                return found  # `사회 : 김민준` names a role, not a title
        break
    joined = _WITH.search(content) if "with" in content else None  # `Panel: *Title* with A (Org) and B (Org)`
    if joined and separators is _SESSION_SEPARATORS:
        moderated = _HOSTED_CLAUSE.search(content, joined.end())
        people = english_people(text, candidates, start + joined.end(), start + moderated.start() if moderated else end)
        title = clean(content[: joined.start()])
        if people and title_like(title):
            return title, people, kind, None
    return None


def titled_or_described(
    title: str, people: list[Person], kind: str | None, in_title_column: bool = False
) -> Parsed | None:
    """A talk from a title beside its speakers; when the other side only describes the one speaker
    (`David Nalley - 아파치재단 부의장`), an untitled talk by that speaker with their job and organisation."""
    described = descriptor(title) if len(people) == 1 else None
    if described:
        organization, job = described
        return None, [people[0].model_copy(update={"title": job, "affiliation": organization})], kind, None
    return (title, people, kind, None) if title_like(title, in_title_column) else None


def people_in(text: str, candidates: Candidates, start: int, end: int, labelled: bool = False) -> list[Person] | None:
    """The people a part of a session line names, or None unless it names nothing else; a speaker
    label before them (`발표자: 이름`, `Speaker: Name`) says the part holds people."""
    label = SPEAKER_LABEL.match(text, start, end)
    if label and label.end() < end:
        start, labelled = label.end(), True
    return speakers_in(text, candidates, start, end) or korean_people(text, start, end, labelled)


# Field labels of a talk's lines, never titles themselves (`**Speaker:** …`, `발표자: …`).
_LABELS = {"topic", "title", "time", "track", "session", "abstract", "slides", *lexicon.SPEAKER_NOUN_WORDS}
_LABELS |= {"주제", "제목", "시간", "트랙", "세션", "장소", "발표 자료"}
# ... of the section that introduces a person (`## 소개` over `김민준 (네이버)`), and of a post's own
# sections around the talks (`## Thanks`, `## 참고`).
_LABELS |= {"소개", "프로필", "약력", "연사 소개", "발표자 소개", "about", "bio", "profile", "introduction"}
_LABELS |= {"thanks", "special thanks", "acknowledgements", "acknowledgments", "credits", "감사", "감사의 말"}
_LABELS |= {"photos", "사진", "links", "references", "resources", "참고", "참고 자료", "링크"}
_LABELS |= {
    "keynote",
    "opening keynote",
    "closing keynote",
    "talk",
    "panel",
    "workshop",
    "키노트",
    "기조연설",
    "기조강연",
}


def without_kind_label(title: str) -> tuple[str, str | None]:
    """`오프닝 키노트: 제목` -> (`제목`, `keynote`): a kind label before a title gives the talk's kind."""
    label = KIND_PREFIX.match(title)
    if label is None or label.end() == len(title):
        return title, None
    return title[label.end() :], lexicon.talk_kind(label.group())


# A Korean sentence's end: a final ending and a full stop (`밝다.`, `했어요.`): prose, not a title.
_SENTENCE_ENDING = re.compile(r"[다요죠][.!]$")
# Prose even in a title column: the plain declarative of notes (`미래가 밝다.`), or a sentence ending
# followed by more text. Titles that are sentences address the audience (`… 싶어요.`, `… 필요합니다!`).
_PROSE = re.compile(r"[^니]다\.$|[다요죠]\.\s+\S")


def title_like(title: str, in_title_column: bool = False) -> bool:
    """A title is more than a name or a label: not empty, not only digits, not an organisation, a
    person, a field label, a sentence, a link or a time. In a run's title column a title may read like a name or a
    sentence (`Go Build Modes`, `… 만들어 보고 싶어요.`): the layout has said where the people are."""
    return (
        len(title) >= 2
        and not title.isdigit()
        and title.rstrip(":").strip().casefold() not in _LABELS
        and not (lexicon.organizations().get(title.casefold()) if in_title_column else lexicon.organization_name(title))
        and not _PROSE.search(title)
        and not LINK.search(title)
        and not TIME_SLOT.fullmatch(title)
        and (
            in_title_column
            or not (_SENTENCE_ENDING.search(title) or lexicon.is_person_name(title) or is_korean_name(title))
        )
    )


def speakers_in(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """The people a heading side names, or None unless the side is nothing but people."""
    found = [m for m in mentions(text, candidates, start, end) if m.alias.end <= end]
    if not found:
        return english_people(text, candidates, start, end)
    if not all(is_person(m, text) or _heading_name(m.latin) for m in found):
        return None
    position = start
    for mention in found:
        if not _JOINERS.match(text[position : mention.alias.start]):
            return None
        position = mention.alias.end
    if not _JOINERS.match(text[position:end]):
        return None
    return [person_of(m.alias) for m in found]


def heading_people(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """A heading side that is titled people (`업스테이지 김성훈 대표`) or one person with an
    organisation after a comma or in brackets (`앤드루 응(Andrew Ng), 딥러닝닷에이아이`)."""
    titled = candidates.people_within(start, end)
    position = start
    for person in titled:
        if not _JOINERS.match(text[position : person.start]):
            break
        position = person.end
    else:
        if titled and _JOINERS.match(text[position:end]):
            return [titled_person(p) for p in titled]
    found = [m for m in mentions(text, candidates, start, end) if m.alias.end <= end]
    if len(found) != 1 or not _JOINERS.match(text[start : found[0].alias.start]):
        return None
    organization = _AFFILIATION_AFTER.fullmatch(text, found[0].alias.end, end)
    if organization is None or not (is_person(found[0], text) or _heading_name(found[0].latin)):
        return None
    return [person_of(found[0].alias).model_copy(update={"affiliation": clean(organization.group("org"))})]


def heading_speakers(text: str, candidates: Candidates, start: int, end: int) -> list[Person] | None:
    """The people a side of a heading names; bare Korean names (`정하윤(한빛소프트)`) only on a side
    whose brackets close (not the inside of `(발표: 윤서진, 무신사)` cut at its colon)."""
    side = text[start:end]
    balanced = side.count("(") == side.count(")")
    return (
        speakers_in(text, candidates, start, end)
        or heading_people(text, candidates, start, end)
        or (korean_people(text, start, end) if balanced else None)
    )


def _heading_name(latin: str) -> bool:
    """A heading side that holds only `이름(Name)` reads as a speaker even for an unknown given name."""
    return lexicon.is_name_shaped(latin) and len(latin.split()) >= 2
