"""People named with a job title, as Korean news writes them.

`한빛전자 정민호 부사장` (organisation, name, title), `박도윤 미래산업부 2차관` (name,
organisation, title), `마틴 콜(Martin Cole) 토론토대 교수`, `노스윈드그룹의 에밀 브라운
부사장`. The title anchors the mention; the name is found next to it, or at the start of the phrase,
by its shape (an alias pair, a Korean name, a two-word transliteration); the rest is the organisation.
Part of the candidates stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extract import lexicon
from extract.candidates import AliasPair
from extract.intervals import ByStart
from extract.models import Person
from extract.segment import Morph, Segmentation, kiwi

# Trailing morphemes that are not part of a name or title: particles, and commas or full stops
# (list and sentence boundaries). A closing bracket stays with the word: it ends an alias pair.
_TRAILING_TAGS = ("J", "SP", "SF")
_VERB_ENDINGS = {"ETM", "EC", "EF"}
_COPULA_ENDINGS = ("VCP", "EP", "EF", "EC")
_ADVERBS = ("MAG", "MAJ")
_HANGUL_WORD = re.compile(r"^[가-힣]+$")
_JAMO = re.compile(r"[\u1100-\u11ff\u3131-\u318e]+")
# Titles glued to the unit they head: `AI이노베이션센터장`, `경기도지사`.
_GLUED_TITLES = (
    "센터장",
    "연구소장",
    "소장",
    "원장",
    "본부장",
    "실장",
    "팀장",
    "단장",
    "그룹장",
    "도지사",
    "총장",
    "학장",
)
# A glued title has at least two characters of unit name before it (`AI이노베이션센터장`, not `원장`).
_GLUED_TITLE = re.compile(r"..(?:" + "|".join(_GLUED_TITLES) + r")$")


@dataclass(frozen=True)
class TitledPerson:
    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    title: str | None  # None after an honorific alone (`이영희 님`)
    affiliation: str | None
    alias: AliasPair | None


@dataclass(frozen=True)
class _Word:
    start: int
    end: int  # without a trailing particle or comma
    text: str
    particle: str
    # A verb form (`권위자인`, `참석한`, `시작했고`) or an adverb (`이어`, `또한`): a phrase boundary.
    verb_form: bool = False


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, ...], ...]:
    text = resources.files("extract.data").joinpath("titles.txt").read_text(encoding="utf-8")
    titles = {tuple(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return tuple(sorted(titles, key=len, reverse=True))


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    text = resources.files("extract.data").joinpath("surnames.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=lexicon.NAME_CHECKS_CACHED)
def is_korean_name(word: str) -> bool:
    """Surname + one or two syllables (`정민호`, `김건`), not an organisation, a place or a role."""
    if not _HANGUL_WORD.match(word) or not 2 <= len(word) <= 4 or lexicon.organization_name(word):
        return False
    if word in lexicon.roles_by_wording() or word in _titles_by_first_word():  # `사회자`, `사장`: not 사/장 + a name
        return False
    if len(word) >= 3 and word.endswith((*lexicon.ADMINISTRATIVE_UNITS, "대")):
        return False  # `고양시`, and universities as news abbreviates them (`경희대`, `서울대`)
    surnames = _surnames()
    shaped = any(word[:n] in surnames and 1 <= len(word) - n <= 2 for n in _surname_lengths())
    return shaped and not any(map(_transliteration_syllable, word[1:])) and not reads_as_a_word(word)


# Initial consonants (ㅊ ㅋ ㅌ ㅍ) that, with the vowel ㅡ and a final ㄹ, spell a foreign consonant cluster.
_ASPIRATED_INITIALS = frozenset({14, 15, 16, 17})


def _transliteration_syllable(syllable: str) -> bool:
    """A syllable that spells a lone foreign consonant (`스`, `트`, `즈`; `클`, `플`): Korean given names
    do not use them (`마이클`, `스미스` are transliterations, not 마 + 이클)."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return False
    initial, vowel, final = code // 588, (code // 28) % 21, code % 28
    return vowel == 18 and (final == 0 or (final == 8 and initial in _ASPIRATED_INITIALS))


# Suffixes that make nouns of quality or manner (`안전성`, `자동화`, `생산력`): rarely a name's last syllable.
_NOUN_SUFFIXES = frozenset("성화력률율감")


# Kiwi's score of a common noun it knows (`이야기` -8, `사용자` -11, `고객사` -14); a name it does not
# know, guessed as one noun, scores -19 or less (`조민성`, `송윤희`, `손기성`: every golden Korean name).
_DICTIONARY_NOUN_SCORE = -16.0


@lru_cache(maxsize=4096)
def reads_as_a_word(word: str) -> bool:
    """Kiwi reads the word alone as a common noun of its dictionary (`이야기`, `사용자`), a noun and a
    particle (`주제는`) or a noun of two syllables and a suffix of quality (`안전성`, `확장성`): an
    ordinary word, whatever its first syllable."""
    morphs = kiwi().tokenize(word)
    if len(morphs) == 1:
        return bool(morphs[0].tag == "NNG" and morphs[0].score > _DICTIONARY_NOUN_SCORE)
    if len(morphs) != 2 or not morphs[0].tag.startswith("NN"):
        return False
    # Not `은`/`ㄴ`/`이`: names end in them (`박경은`, `이병준` read as 이병주 + ㄴ).
    particle = morphs[1].tag.startswith("J") and morphs[1].form in ("는", "를", "의", "에")
    derived = morphs[1].tag == "XSN" and morphs[1].form in _NOUN_SUFFIXES and len(morphs[0].form) >= 2
    return particle or derived


@lru_cache(maxsize=1)
def _surname_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(surname) for surname in _surnames()}))


def _words(text: str, start: int, end: int, morphs: ByStart[Morph]) -> list[_Word]:
    """Whitespace-delimited words, each without its trailing particle (by Kiwi's tags, so that
    `다닐로/NNP` keeps its `로` while `교수의` loses its `의`)."""
    words = []
    for match in re.finditer(r"\S+", text[start:end]):
        word_start, word_end = start + match.start(), start + match.end()
        core_end = word_end
        inside = morphs.within(word_start, word_end)
        verb_form = bool(inside) and (
            inside[-1].tag in _VERB_ENDINGS
            or inside[0].tag.startswith(_ADVERBS)
            or (inside[-1].tag.startswith("J") and inside[-1].start <= word_start)  # `건` = 것 + 은
        )
        # A noun with the copula (`님이었다`, `교수였다`) keeps the noun: the copula's endings trail.
        trailing = _TRAILING_TAGS + (_COPULA_ENDINGS if any(m.tag == "VCP" for m in inside) else ())
        for morph in reversed(inside):
            if not (morph.tag.startswith(trailing) or _also_trailing(morph, inside)) or morph.start <= word_start:
                break
            if _JAMO.fullmatch(morph.form):
                break  # `김민준` read as 김민주 + ㄴ: a particle inside the last syllable is part of the word
            core_end = morph.start
        core = text[word_start:core_end]
        if core.endswith(_HONORIFICS) and is_korean_name(core[:-1]):  # `이영희님의`
            words.append(_Word(word_start, core_end - 1, core[:-1], ""))
            word_start = core_end - 1
        words.append(_Word(word_start, core_end, text[word_start:core_end], text[core_end:word_end], verb_form))
    return words


def _also_trailing(morph: Morph, word: list[Morph]) -> bool:
    """A word's last morpheme trails it although its tag says otherwise: Kiwi reads `님이 행사를` as
    님 + 이/MM (`this`) + 행사, and a bracket closes after an honorific (`(좌장: 정하늘 님)`)."""
    if morph is not word[-1]:
        return False
    misread = morph.tag == "MM" and morph.form == "이"
    return misread or (morph.tag == "SSC" and len(word) > 1 and word[-2].form in _HONORIFICS)


_HONORIFICS = ("님", "씨")
_ORDINAL = re.compile(r"제?\d+")  # before a title, at a word's start: `2차관`, `제1차관`


def _title_at(words: list[_Word], index: int) -> int:
    """How many words from `index` form a title, titles in a row counting as one (`대표이사 사장`)."""
    size = _one_title_at(words, index)
    while size and not words[index + size - 1].particle and index + size < len(words):
        more = _one_title_at(words, index + size)
        if not more:
            break
        size += more
    return size


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for title in _titles():  # longest first
        index.setdefault(title[0], []).append(title)
    return {first: tuple(titles) for first, titles in index.items()}


def _one_title_at(words: list[_Word], index: int) -> int:
    ordinal = _ORDINAL.match(words[index].text)
    first = words[index].text[ordinal.end() :] if ordinal else words[index].text
    for title in _titles_by_first_word().get(first, ()):
        span = words[index : index + len(title)]
        texts = [first, *(w.text for w in span[1:])]
        if len(span) == len(title) and tuple(texts) == title and all(not w.particle for w in span[:-1]):
            return len(title)
    word = words[index].text
    if (
        word in _HONORIFICS
        or _GLUED_TITLE.search(word)
        or (word.endswith("님") and (word[:-1] in lexicon.roles_by_wording() or (word[:-1],) in _title_set()))
    ):
        return 1  # `님`, `AI이노베이션센터장`, `사회자님`, `대표님`
    return 0


@lru_cache(maxsize=1)
def _title_set() -> frozenset[tuple[str, ...]]:
    return frozenset(_titles())


@lru_cache(maxsize=1)
def _title_cue() -> re.Pattern[str]:
    """Text without any of these cannot hold a title (`_one_title_at` needs one of them in a word)."""
    cues = {*_titles_by_first_word(), *_HONORIFICS, *_GLUED_TITLES}
    return re.compile("|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)))


def find_titled_people(segmentation: Segmentation, aliases: list[AliasPair]) -> list[TitledPerson]:
    text = segmentation.text
    alias_by_end = {a.end: a for a in aliases}
    proper = {t.start for t in segmentation.tokens if t.morphs[0].tag in {"NNP", "SL", "SH"}}
    found: list[TitledPerson] = []
    may_hold_title = _title_cue().search
    for sentence in segmentation.sentences:
        if not may_hold_title(text, sentence.start, sentence.end):
            continue  # most sentences name no title: skip splitting them into words
        words = _words(text, sentence.start, sentence.end, segmentation.morph_index)
        index = 0
        while index < len(words):
            size = _title_at(words, index)
            if size == 0 or index == 0:
                index += 1
                continue
            person = _person_before(text, words, index, size, alias_by_end, proper)
            if person is not None:
                # `인프랩 CTO 이동욱 님`: the title before a name belongs to it, not to a person of its own.
                found = [p for p in found if not person.start <= p.start < p.end <= person.end]
                found += [*_names_listed_before(text, sentence.start, person), person]
            index += size
    return found


# Korean names listed with commas or middle dots right before a titled name: `최유진, 정다은, 오세훈 님`.
_LISTED_NAMES = re.compile(r"(?:(?<![가-힣])[가-힣]{2,4}\s*[,·]\s*)+$")
_LISTED_NAME = re.compile(r"[가-힣]{2,4}")


def _names_listed_before(text: str, floor: int, person: TitledPerson) -> list[TitledPerson]:
    """The people listed right before a titled Korean name share its title or honorific (`최유진, 정다은,
    오세훈 님이 참여했다`: three people), when every item is a Korean name."""
    if person.alias is not None or person.start != person.name_start or not is_korean_name(person.name):
        return []
    listed = _LISTED_NAMES.search(text, floor, person.name_start)
    if listed is None:
        return []
    names = list(_LISTED_NAME.finditer(text, listed.start(), listed.end()))
    if not all(is_korean_name(name.group()) for name in names):
        return []
    return [
        TitledPerson(name.start(), name.end(), name.group(), name.start(), name.end(), person.title, None, None)
        for name in names
    ]


def _phrase_start(words: list[_Word], title_index: int) -> int:
    """First word of the phrase before a title: after a comma, a verb form or a case particle."""
    start = title_index
    while start > 0:
        previous = words[start - 1]
        # A time noun is an adverbial (`이날 김민준 카카오 대표가`), never part of the name or the organisation.
        case_particle = previous.particle and previous.particle not in {"의", ")"}
        if case_particle or previous.verb_form or previous.text in _TIMES:
            break
        start -= 1
    return start


def _person_before(
    text: str,
    words: list[_Word],
    title_index: int,
    size: int,
    alias_by_end: dict[int, AliasPair],
    proper: set[int],
) -> TitledPerson | None:
    start = _phrase_start(words, title_index)
    phrase = words[start:title_index]
    if not phrase:
        return None
    title_words = words[title_index : title_index + size]
    title = text[title_words[0].start : title_words[-1].end]
    honorific_only = title in _HONORIFICS
    if not honorific_only and title.endswith("님"):
        title = title.removesuffix("님")  # `사회자님` is the role 사회자
    # `ORG의 NAME TITLE`: what stands before a 의 is the organisation.
    owner_end = max((i for i, w in enumerate(phrase) if w.particle == "의"), default=-1)
    name_words = _name_words(phrase[owner_end + 1 :], alias_by_end, proper)
    if name_words is None:
        return None
    first, last = name_words
    candidates = phrase[owner_end + 1 :]
    name_start, name_end = candidates[first].start, candidates[last].end
    alias = alias_by_end.get(name_end)
    if alias is not None:
        name_start = alias.start
    before = _organization_run([w for w in phrase if w.end <= name_start], proper)
    after = [w for w in phrase if w.start >= name_end]
    # A role word beside a name with only `님` is the person's title: `로리 보스 사회자님`, `진행자 오유나님`.
    if honorific_only and after and " ".join(w.text for w in after).casefold() in lexicon.roles_by_wording():
        title, honorific_only, after = " ".join(w.text for w in after), False, []
    elif honorific_only and (words := _run_ending(before, _names_role) or _run_ending(before, _names_title)):
        title, honorific_only, before = " ".join(w.text for w in words), False, before[: -len(words)]
    if before and before[-1].particle == "의" and before[-1].text in _SETTINGS:
        before = []  # `오늘의 진행자 오유나님`: a day or the event owns the role, not an organisation
    while len(before) > 1 and before[0].text in _COUNTRIES:
        before = before[1:]  # `영국 옥스퍼드대학교`: where the organisation is, not its name
    affiliation = " ".join(text[w.start : w.end] for w in before + after) or None
    name = alias.latin if alias else text[name_start:name_end]
    return TitledPerson(
        start=phrase[0].start,
        end=title_words[-1].end,
        name=name,
        name_start=name_start,
        name_end=name_end,
        title=None if honorific_only else title,
        affiliation=affiliation,
        alias=alias,
    )


def _run_ending(words: list[_Word], names: Callable[[list[_Word]], bool]) -> list[_Word]:
    """The longest run of up to three words (the longest title's length) ending `words` that `names`
    accepts, or none."""
    for size in (3, 2, 1):
        run = words[-size:]
        if len(run) == size and names(run):
            return run
    return []


def _names_role(run: list[_Word]) -> bool:
    return " ".join(w.text for w in run).casefold() in lexicon.roles_by_wording()  # `트랙 호스트`, `사회자`


def _names_title(run: list[_Word]) -> bool:
    return tuple(w.text for w in run) in _title_set()  # `인프랩 CTO` before `이동욱 님`


# Owners (`X의`) that are a time or the event itself, never the person's organisation.
_TIMES = frozenset("오늘 어제 내일 이날 당일 첫날 올해 작년 내년 오전 오후 저녁".split())
_SETTINGS = _TIMES | frozenset("행사 세션 트랙 대회 포럼 세미나 컨퍼런스 콘퍼런스 현장 무대".split())
_COUNTRIES = frozenset(
    "미국 영국 중국 일본 독일 프랑스 캐나다 호주 인도 이스라엘 싱가포르 "
    "스위스 네덜란드 스웨덴 핀란드 이탈리아 스페인 대만 홍콩 베트남 한국".split()
)


def _organization_run(words: list[_Word], proper: set[int]) -> list[_Word]:
    """The organisation right before a name: its last three words, without leading common nouns
    (`개막식 후 글로벌 기업 아마존` -> `아마존`) when a proper noun follows them."""
    run = words[-3:]
    while len(run) > 1 and run[0].start not in proper and any(w.start in proper for w in run[1:]):
        run = run[1:]
    return run


def _name_words(phrase: list[_Word], alias_by_end: dict[int, AliasPair], proper: set[int]) -> tuple[int, int] | None:
    """(first, last) word of the name in a phrase before a title, or None when there is none."""
    if not phrase:
        return None  # only an owner before the title: `오늘의 사장`
    for index, word in enumerate(phrase):
        alias = alias_by_end.get(word.end)
        if alias is not None and lexicon.is_name_shaped(alias.latin):
            first = next(i for i, w in enumerate(phrase) if w.start >= alias.start)
            return first, index
    last = len(phrase) - 1
    foreign_pair = len(phrase) >= 2 and all(_transliterated(w.text) and w.start in proper for w in phrase[-2:])
    if is_korean_name(phrase[last].text) and not (foreign_pair and len(phrase[last].text) == 2):
        return last, last  # ORG NAME TITLE (a two-syllable "name" after another name is a foreign surname)
    if is_korean_name(phrase[0].text) and len(phrase) > 1:
        return 0, 0  # NAME ORG TITLE
    if foreign_pair and not is_korean_name(phrase[-2].text):
        return last - 1, last  # ORG NAME TITLE with a foreign name written in Hangul
    return None


def _transliterated(word: str) -> bool:
    return bool(_HANGUL_WORD.match(word)) and 2 <= len(word) <= 6 and not lexicon.organization_name(word)


def descriptor(phrase: str) -> tuple[str | None, str | None] | None:
    """(organisation, job) when a phrase only describes a person: it ends in a job title (maybe glued
    to its unit: `개발팀장`) or an occupation, what stands before it is the organisation (`아파치재단
    부의장`, `Red Hat CTO`); or it is an organisation alone (`삼성전자`); or, in English, a job at its
    employer (`Staff Engineer at Acme`, `CTO, Globex`). None otherwise."""
    words = phrase.split()
    for title in _titles():  # longest first
        if len(title) <= len(words) and tuple(words[-len(title) :]) == title:
            organization = " ".join(words[: -len(title)]) or None
            return organization, " ".join(title)
    if words and _GLUED_TITLE.fullmatch(words[-1]):  # `한빛랩스 개발팀장`: a unit's head, its unit glued on
        return " ".join(words[:-1]) or None, words[-1]
    if words and words[-1].casefold() in lexicon.data_words("occupations.txt"):
        employer = " ".join(words[:-1])
        if employer and lexicon.organization_name(employer):
            return employer, words[-1]  # `카카오 개발자`
        return None, phrase  # `콘서트 프로그래머`: the whole description is the job
    english = _JOB_AT.fullmatch(phrase) or _JOB_COMMA.fullmatch(phrase)
    if english and lexicon.JOB_WORDS.search(english.group("job")):  # before the org: `Founder & CEO, Lablup Inc.`
        return english.group("org"), english.group("job")  # `Staff Engineer at Acme`, `CTO, Globex`
    if lexicon.organization_name(phrase):
        return phrase, None
    return None


# An English job and its employer: `Staff Engineer at Acme`, `CTO, Globex`.
_JOB_AT = re.compile(r"(?P<job>[A-Za-z][\w&/ -]{1,60}?)\s+(?:at|@)\s+(?P<org>[A-Z][\w.&' -]{0,60})")
_JOB_COMMA = re.compile(r"(?P<job>[A-Za-z][\w&/ -]{1,60}?),\s+(?P<org>[A-Z][\w.&' -]{0,60})")


def is_job(phrase: str) -> bool:
    """A job title or occupation alone (`Customer Engineer`, `Founder & CEO`, `교수`)."""
    described = descriptor(phrase)
    return bool(lexicon.JOB_WORDS.search(phrase) or (described and described[1] and not described[0]))


_HANDLE = re.compile(r"@[\w.\-]+")


def details_apart(person: Person) -> Person:
    """A person whose affiliation says their job too (`Software Engineer, Google`, `서울대학교 교수`), or
    only their job (`Developer Relations Lead`), has that job as their title; a handle (`@k16wire`) is
    not an organisation. A person given a title keeps their details as they are."""
    affiliation = person.affiliation
    if affiliation is None or person.title is not None:
        return person
    if _HANDLE.fullmatch(affiliation):
        return person.model_copy(update={"affiliation": None})
    described = descriptor(affiliation)
    if described and described[1]:
        return person.model_copy(update={"affiliation": described[0], "title": described[1]})
    if is_job(affiliation):
        return person.model_copy(update={"affiliation": None, "title": affiliation})
    return person
