"""Genre vocabulary: the words recaps use for roles, announcing and talk kinds, and name lexicons.

Everything here is about the genre (how recaps are written), never about one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extract.models import Role

# Verbs of announcing, as stems: 공개(했|된|하며), 발표, 출시, 선보(였|인), 소개, 론칭, launch, announce...
ANNOUNCE_STEMS = (
    "공개",
    "발표",
    "출시",
    "선보",
    "선을 보",
    "소개",
    "론칭",
    "런칭",
    "공식화",
    "오픈소스로 공개",
    "launch",
    "announc",
    "unveil",
    "release",
    "introduc",
    "debut",
    "ship",
)
# Talk kinds by the words a heading or section uses; first match wins, so specific before general.
TALK_KINDS = (
    ("keynote", ("기조연설", "기조 연설", "기조강연", "기조 강연", "키노트", "keynote")),
    ("special_talk", ("특별강연", "특별 강연", "특강", "special talk")),
    ("panel", ("패널", "토론", "대담", "panel", "fireside")),
    ("workshop", ("워크숍", "워크샵", "핸즈온", "workshop", "hands-on")),
    ("lightning", ("라이트닝", "lightning")),
    ("talk", ("강연", "발표", "세션", "talk", "session")),
)
# Latin words that end names of things, not people ("Exa Research", "Tiny Teams").
NON_PERSON_WORDS = frozenset(
    """
    agent agents ai api app apps award bench cloud code day deep developer engineer engineering
    excel foundation fund intelligence lab labs local metal mode model models network news open
    platform project research robotics sdk search security small studio summit superintelligence
    support system systems team teams thinking tiny track ultra voice web world
    """.split()
)
ORG_SUFFIXES_LATIN = (
    "Foundation",
    "Inc",
    "Inc.",
    "Labs",
    "Lab",
    "University",
    "Institute",
    "Corp",
    "Corporation",
    "Company",
    "Group",
    "Association",
    "Society",
    "Ventures",
    "Capital",
)
# Administrative units end place names (`고양시`, `과학기술정보통신부`), never a person's name.
ADMINISTRATIVE_UNITS = ("시", "군", "구", "도", "청", "부", "처")
# Words that end the name of a Korean institution, for names a list marks as organisers.
INSTITUTION_ENDINGS = (
    *ADMINISTRATIVE_UNITS,
    *("원", "단", "회", "소", "대학교", "대학", "재단", "협회", "학회", "센터", "공사", "기관"),
    *("모임", "커뮤니티", "연합", "그룹", "클럽"),
    *("일보", "신문", "뉴스", "타임스", "미디어", "방송", "전자", "은행", "증권", "코리아", "테크"),
)
ORG_SUFFIXES_HANGUL = ("재단", "대학교", "연구소", "협회", "학회", "그룹", "사업단", "진흥원", "센터")


@dataclass(frozen=True)
class RoleWord:
    role: Role
    wording: str


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("extract.data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("|") if cell.strip()])
    return rows


@lru_cache(maxsize=1)
def role_words() -> tuple[RoleWord, ...]:
    """Role wordings, longest first so that `인터뷰 진행자` wins over `진행자`."""
    words = [RoleWord(row[0], wording) for row in _data_lines("roles.txt") for wording in row[1:]]  # type: ignore[arg-type]
    return tuple(sorted(words, key=lambda w: -len(w.wording)))


@lru_cache(maxsize=1)
def folded_role_words() -> tuple[tuple[RoleWord, str], ...]:
    """Each role wording with its casefolded form, longest first."""
    return tuple((word, word.wording.casefold()) for word in role_words())


@lru_cache(maxsize=1)
def any_role_word() -> re.Pattern[str]:
    """One scan over casefolded text tells whether it holds any role word (most lines hold none)."""
    return re.compile("|".join(re.escape(wording) for _, wording in folded_role_words()))


@lru_cache(maxsize=1)
def roles_by_wording() -> dict[str, Role]:
    """Casefolded role wording -> its role (`사회자` -> emcee)."""
    return {word.wording.casefold(): word.role for word in role_words()}


@lru_cache(maxsize=1)
def roles_by_label() -> dict[str, Role]:
    """Casefolded role wording or role noun -> its role: what a field label or the topic of a verb of
    taking a role may name (`사회` -> emcee, besides every wording of `roles_by_wording`)."""
    nouns = {noun.casefold(): row[0] for row in _data_lines("role_nouns.txt") for noun in row[1:]}
    return {**roles_by_wording(), **nouns}  # type: ignore[dict-item]


@lru_cache(maxsize=1)
def organizations() -> dict[str, str]:
    """Every known form of a gazetteer organisation (casefolded) -> its Latin name."""
    forms: dict[str, str] = {}
    for row in _data_lines("organizations.txt"):
        for form in row:
            forms.setdefault(form.casefold(), row[0])
    return forms


def leading_organization(name: str) -> str | None:
    """The gazetteer organisation whose name is the first word of `name` (`Amazon Neptune`, `Google`)."""
    words = name.split()
    return organizations().get(words[0].casefold()) if words else None


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Casefolded given names from gender-guesser's name dictionary (about 45,000, many countries)."""
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="iso-8859-1")
    names = set()
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("="):
            continue
        name = line[3:29].strip()
        if name:
            names.add(name.replace("+", " ").casefold())
    return frozenset(names)


# `Sarah`, `O'Neil`, `Jean-Luc`, `McKinney` (not `LlamaCloud`: inner capitals only after Mc/Mac).
# Latin letters with their accented forms (`Michał Pierzchała`, `Kat Marchán`, `Zoë Ångström`).
_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LOWER = "a-zß-öø-ÿ\u0100-\u017f"
_NAME_WORD = re.compile(rf"^(?:(?:Mc|Mac)?[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*|[A-Z]\.)$")


# Words that make an English phrase a job title (`Staff Engineer`, `VP of Developer Advocacy`).
JOB_WORDS = re.compile(
    r"\b(?:CEO|CTO|CFO|COO|CPO|VP|SVP|EVP|Founder|Co-?founder|Head|Director|Manager|Engineer|Scientist|"
    r"Researcher|Professor|Lead|Principal|Chief|President|Partner|Developer|Advocate|Architect)\b",
    re.I,
)

# Name checks are asked of the same few hundred forms again and again in a document and across an
# archive: each is a pure function of its string, so its answers are kept.
NAME_CHECKS_CACHED = 8192


# Lower-case particles inside names: `Guido van Rossum`, `Ursula von der Leyen`, `Luis de Souza`.
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "la", "le", "bin", "al"})


def _name_words(words: list[str]) -> bool:
    """Capitalised words, with lower-case name particles between them (not first or last)."""
    inner = words[1:-1]
    return all(_NAME_WORD.match(w) for w in (words[0], words[-1])) and all(
        _NAME_WORD.match(w) or w in NAME_PARTICLES for w in inner
    )


# Korean surnames as they are romanised (`Seojun Lee`, `Kim Min-ji`), for names no given-name list holds.
KOREAN_SURNAMES_LATIN = frozenset(
    """
    kim lee yi rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh
    shin sin kwon hwang ahn an song yoo yu ryu hong jeon jun ko go moon mun yang son bae baek paik heo huh nam
    noh roh ha kwak sung cha joo ju woo koo gu na jin ji eom um chae won cheon bang gong hyun ham byun yeo
    chu do so seok sun seol ma gil yeon wi pyo myung ki ban ra wang geum ok yook in maeng je mo tak
    min shim sim hur kook guk kong bong pyeon pyun yeom yum hyeon seon chun rho yim lyu kye gye choo tae
    """.split()
)


# A Latin-script personal name as running text writes it: `Guido van Rossum`, `Wes McKinney`.
_NAME_LETTERS = rf"[{_UPPER}][{_UPPER}{_LOWER}'’.\-]+"
# Capitalised only for standing first in a sentence (`Then Laura Chen …`): never a name's first word.
SENTENCE_OPENERS = "Then|Next|After|Afterwards|Later|Finally|Also|And|But|So|Meanwhile|Today|Yesterday|Here|There"
LATIN_NAME = (
    rf"(?!(?:{SENTENCE_OPENERS})\s){_NAME_LETTERS}"
    rf"(?:\s+(?:(?:" + "|".join(sorted(NAME_PARTICLES)) + rf")\s+)?{_NAME_LETTERS}){{1,3}}"
)


@lru_cache(maxsize=NAME_CHECKS_CACHED)
def is_korean_romanized_name(latin: str) -> bool:
    """Two or three name-shaped words, the first or last a romanised Korean surname."""
    words = latin.split()
    return (
        2 <= len(words) <= 3
        and _name_words(words)
        and (words[0].casefold() in KOREAN_SURNAMES_LATIN or words[-1].casefold() in KOREAN_SURNAMES_LATIN)
    )


@lru_cache(maxsize=NAME_CHECKS_CACHED)
def is_person_name(latin: str) -> bool:
    """Does a Latin name look like a person's: 2-4 capitalised words, the first a known given name."""
    words = latin.split()
    return len(words) >= 2 and could_be_person_name(latin) and words[0].casefold() in given_names()


@lru_cache(maxsize=NAME_CHECKS_CACHED)
def could_be_person_name(latin: str) -> bool:
    """Name-shaped, not led by an article, and no word that names things (`Building Reliable Agents`,
    `The Apache Way` are titles)."""
    words = latin.split()
    return (
        is_name_shaped(latin)
        and words[0].casefold() not in _ARTICLES
        and not any(w.casefold() in NON_PERSON_WORDS for w in words)
    )


_ARTICLES = frozenset({"the", "a", "an"})


# Words whose own dot ends a sentence too: `Red Hat Inc.` keeps it.
_ABBREVIATIONS = frozenset({"inc.", "ltd.", "co.", "corp.", "jr.", "sr.", "bros."})


def without_full_stop(name: str) -> str:
    """A name matched at a sentence's end, without that full stop (an initial keeps its dot: `J.`, and
    an abbreviation: `Inc.`)."""
    last = name.split()[-1] if name.split() else ""
    return name[:-1] if name.endswith(".") and len(last) > 2 and last.casefold() not in _ABBREVIATIONS else name


@lru_cache(maxsize=NAME_CHECKS_CACHED)
def is_name_shaped(latin: str) -> bool:
    """Capitalised words only (a person's name when the context says so, e.g. `Sarah`)."""
    words = latin.split()
    return 1 <= len(words) <= 4 and _name_words(words)


_LONGEST_SUFFIXED_NAME = 6


@lru_cache(maxsize=NAME_CHECKS_CACHED)
def organization_name(form: str) -> str | None:
    """The organisation a form names, by gazetteer or by an organisation suffix."""
    known = organizations().get(form.casefold())
    if known:
        return known
    words = form.split()
    if 2 <= len(words) <= _LONGEST_SUFFIXED_NAME and words[-1] in ORG_SUFFIXES_LATIN:
        return form  # `Red Pill Analytics`; a longer run is a phrase ending in one (`… with Atlan and dbt Labs`)
    if any(form.endswith(suffix) and len(form) > len(suffix) + 1 for suffix in ORG_SUFFIXES_HANGUL):
        return form
    return None


def only_talk_kind(text: str) -> str | None:
    """The kind when the text names exactly one (`강연과 토론` names two: no kind; the `강연` inside
    `특별강연` is no second one)."""
    lowered = text.casefold()
    found = [
        (match.start(), match.end(), kind)
        for kind, words in TALK_KINDS
        for word in words
        for match in re.finditer(re.escape(word), lowered)
    ]
    inside_longer = {(s, e) for s, e, _ in found for s2, e2, _ in found if s2 <= s and e <= e2 and e2 - s2 > e - s}
    kinds = {kind for s, e, kind in found if (s, e) not in inside_longer}
    return kinds.pop() if len(kinds) == 1 else None


def talk_kind(text: str) -> str | None:
    lowered = text.casefold()
    for kind, words in TALK_KINDS:
        if any(word in lowered for word in words):
            return kind
    return None


# Nouns that name an event, not a product: `DDD Seoul 컨퍼런스를 통해 …` announces nothing.
EVENT_NOUNS = frozenset(
    "컨퍼런스 콘퍼런스 행사 밋업 세미나 대회 해커톤 포럼 서밋 conference summit meetup seminar forum hackathon".split()
)


def names_an_event(name: str) -> bool:
    """Whether a phrase's last word is an event noun (`DDD Seoul 컨퍼런스`, `PyCon Summit`)."""
    words = name.split()
    return bool(words) and words[-1].casefold() in EVENT_NOUNS


# The small words a title-cased English title keeps in lower case (`Remote Caches for Everyone`).
TITLE_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to vs with".split())
_TITLE_CASED_SHARE = 0.75


def is_title_cased(phrase: str) -> bool:
    """Whether an English phrase of three words or more capitalises its words but the small ones, as a
    title or a heading does (`Remote Caches for Everyone: Lessons From Five Years of CI`) and a
    sentence, even one full of names, does not."""
    words: list[str] = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", phrase) if w.casefold() not in TITLE_SMALL_WORDS]
    if len(words) < 3 or re.search("[가-힣]", phrase):  # Korean words have no case to tell
        return False
    if re.search(r",\s+[a-z]|,$", phrase.rstrip()):  # `…, including Mina Cho, …`: a clause goes on
        return False
    return sum(word[0].isupper() for word in words) >= _TITLE_CASED_SHARE * len(words)


def announces(text: str) -> bool:
    lowered = text.casefold()
    return any(stem in lowered for stem in ANNOUNCE_STEMS)


@cache
def data_words(name: str) -> frozenset[str]:
    """Every word of a data file of word lists (`link_labels.txt`, `occupations.txt`), casefolded."""
    return frozenset(word.casefold() for row in _data_lines(name) for cell in row for word in cell.split())


# The nouns naming a talk's speaker (`speaker_nouns.txt`), and as a regular expression, longest first.
SPEAKER_NOUN_WORDS = data_words("speaker_nouns.txt")
SPEAKER_NOUNS = "|".join(sorted(SPEAKER_NOUN_WORDS, key=len, reverse=True))


def names_a_topic(phrase: str) -> bool:
    """A phrase headed by a topic noun (`생성형 AI 전략`, `도입 사례`): what a talk is about, no product."""
    words = phrase.split()
    return bool(words) and words[-1] in data_words("topic_nouns.txt")


def is_link_label(text: str) -> bool:
    """Is a bracket's text the label of a link: its first or last word a link word (`Slides`, `Rust
    Code`, `no recording`, `remote from Penang`, `발표 영상`)?"""
    words, link_words = text.casefold().split(), data_words("link_labels.txt")
    return bool(words) and (words[0] in link_words or words[-1] in link_words)
