"""English prose, as English blog recaps write it (only in documents detected as English).

- talks: `Maria Garcia from Microsoft gave a talk titled "LLMs for Data Cleaning"`, `the opening
  keynote was delivered by Tom Baker of Spotify, who talked about "Recommendations at Scale"`;
- credits: `the event was hosted by Emily Chen`, `the panel was moderated by David Kim`;
- launches: `Polars announced Polars Cloud`, `Gemini 2.5 Pro was unveiled by Google`.
"""

from __future__ import annotations

import itertools
import re

from extract import lexicon
from extract.candidates import Candidates
from extract.engines.local.launch_headings import product_maker
from extract.engines.local.phrases import EN_NAME, clean, quoted_title, span, titles_quoted
from extract.engines.local.session_lines import heads_a_talk, without_kind_label
from extract.models import Credit, Launch, Person, Role, Talk
from extract.segment import Block, Segmentation, Sentence, reads_as_title_line

# An organisation's name: capitalised words, with `of`, `for` or `&` only between two of them.
# Not led by a word capitalised only for opening the sentence (`Then Google announced …`).
_ORG = rf"(?!(?:{lexicon.SENTENCE_OPENERS})\s)[A-Z][\w.&'’\-]*(?:\s+(?:(?:of|for|&)\s+)?[A-Z][\w.&'’\-]*)*"
# A job title written before a name: `CEO Sundar Pichai`, `Professor Fei-Fei Li`.
_LEADING_TITLE = r"(?:CEO|CTO|CFO|COO|CPO|VP|SVP|EVP|President|Chairman|Chair|Director|Professor|Prof\.|Dr\.)"
# The organisation of a job title written before a name: `Acme CEO Jane Doe`, `Meta CTO Andrew Bosworth`.
_LEAD_ORG = r"[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,2}"
_JOB_TITLE = r"[A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|of|and|&))*"
# A job in an apposition, lower case after its article: `Jane Doe, a principal engineer at Acme`.
_JOB_DESCRIBED = r"[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}"
# `Tom Baker of Spotify`, `Jonas Weber (Zalando)`, `Priya Raman, VP of Engineering at Databricks`
_PERSON = re.compile(
    rf"(?:(?:(?P<lead_org>{_LEAD_ORG})\s+)?(?P<lead>{_LEADING_TITLE})\s+)?(?P<name>{EN_NAME})(?:,?\s+(?:of|from|at)\s+(?P<org>{_ORG})|\s*\((?P<paren>{_ORG})\)"
    rf"|,\s+(?P<title>{_JOB_TITLE})\s+(?:at|of)\s+(?P<employer>{_ORG})"
    rf"|,\s+an?\s+(?P<described>{_JOB_DESCRIBED})\s+(?:at|of|from)\s+(?P<described_at>{_ORG}))?"
)
_QUOTED = re.compile(quoted_title("title", shortest=3))
_TALK_NOUNS = r"keynote|talk|session|workshop|panel|presentation|fireside chat|lightning talk"
_TALK_NOUN = re.compile(rf"\b(?:{_TALK_NOUNS})s?\b", re.I)
_SPEAKER_NOUN = re.compile(r"\b(?:speakers?|presenters?)\b", re.I)
# Words of a sentence that thanks or credits people (`Thank you A for being our MC and to B for hosting …`).
_CREDITING = re.compile(r"\b(?:thanks?|MC|emcee|host(?:s|ed|ing)?|moderat\w*|organi[sz]\w*)\b", re.I)
_TALK_VERB = re.compile(
    r"\b(?:gave|give|gives|giving|given|delivered|delivers|presented|presents|talked|spoke|speaks|showed|"
    r"explained|argued|shared|discussed|demonstrated|demoed|walked|covered|led)\b",
    re.I,
)
# `"Scaling Vector Search" by Jo Bergum from Vespa`: a quoted title and its speaker.
_TITLE_BY = re.compile(quoted_title("title", shortest=3) + r",?\s+by\s+")
# `Lisa Ray's keynote`, `Tom Brown’s closing talk`
_POSSESSIVE_TALK = re.compile(rf"(?P<name>{EN_NAME})['’]s\s+(?:\w+\s+)?(?i:(?P<noun>{_TALK_NOUNS}))\b")
_PEOPLE = rf"{EN_NAME}(?:(?:,\s*|,?\s+and\s+){EN_NAME})*"
# `our MC, Priya Nair`, `the moderator was David Kim`, `host Emily Chen`, `the track hosts A and B`
_ROLE_WORD = r"MC|[Ee]mcee|(?:[Tt]rack\s|[Ss]ession\s)?[Hh]ost|[Mm]oderator|[Ii]nterviewer|[Ss]ession\s[Cc]hair"
# ... and `our host for the day was Jane Doe`, `our MC for both days was Jane Doe`.
_WHEN = (
    r"(?:the|both|all|each|this|that)\s+(?:\w+\s+)?"
    r"(?:days?|events?|evening|night|conference|week(?:end)?|morning|afternoon)"
)
_ROLE_NAMED = re.compile(
    rf"\b(?P<role>{_ROLE_WORD})s?(?:\s+(?:for|of)\s+{_WHEN})?"
    rf"(?:,\s*|\s+was\s+|\s+were\s+|\s+)(?P<people>{_PEOPLE})"
)
# The people first: `Jane Doe served as our MC`, `Jane Doe was our host`, `Jane Doe moderated the panel`.
_PEOPLE_IN_ROLE = re.compile(
    rf"(?P<people>{_PEOPLE})\s+(?:(?:(?:served|acted)\s+as\s+(?:our|the)|(?:was|were)\s+our)\s+(?P<role>{_ROLE_WORD})s?\b"
    r"|(?P<verb>moderated|emceed|chaired)\s+(?:the|our|a|this|both|all|each)\b)"
)
_ROLE_BY = re.compile(
    r"\b(?P<role>(?i:hosted|emceed|moderated|chaired|organi[sz]ed|interviewed))\s+by\s+"
    rf"(?P<people>{_PEOPLE})"
)
_ROLES: dict[str, Role] = {
    "mc": "emcee",
    "track host": "track_host",
    "session host": "track_host",
    "session chair": "track_host",
    "emcee": "emcee",
    "host": "emcee",
    "moderator": "moderator",
    "interviewer": "interviewer",
    "hosted": "emcee",
    "emceed": "emcee",
    "moderated": "moderator",
    "chaired": "track_host",
    "organized": "organizer",
    "organised": "organizer",
    "interviewed": "interviewer",
}
_PANEL = re.compile(r"\b(?:panel|Q&A|fireside|roundtable|AMA)\b", re.I)
# A word's letters, digits and `+`/`-`, with a dot only inside it (`Node.js`, `2.0`, not a full stop).
_WORD_REST = r"(?:[\w+\-]|\.(?=\w))*"
_PRODUCT = rf"[A-Z0-9]{_WORD_REST}(?:\s+[A-Z0-9]{_WORD_REST}){{0,4}}"
# A product's name in running text: capitalised words, digits and versions (`v7`, `19`), with `of`, `in`,
# `to`, `for` between capitalised words (`Improved Add to HomeScreen`, `Components in Expo Router`).
_CAPITALISED = rf"(?:[A-Z]{_WORD_REST}|[0-9]{_WORD_REST}|v\d{_WORD_REST})"
_PRODUCT_RUN = rf"{_CAPITALISED}(?:\s+(?:(?:of|in|to|for|on)\s+)?{_CAPITALISED}){{0,6}}"
_LAUNCH_VERBS = r"announced|launched|released|unveiled|introduced|open-sourced|debuted|shipped"
_ACTIVE_LAUNCH = re.compile(
    rf"(?P<maker>{_ORG})\s+(?:{_LAUNCH_VERBS})\s+(?:its\s+|their\s+|the\s+|a\s+|an\s+)?(?:new\s+)?(?P<product>{_PRODUCT})"
)
_PASSIVE_LAUNCH = re.compile(rf"(?P<product>{_PRODUCT})\s+(?:was|were)\s+(?:{_LAUNCH_VERBS})\s+by\s+(?P<maker>{_ORG})")


def extract_english_prose(
    segmentation: Segmentation, candidates: Candidates
) -> tuple[list[Talk], list[Credit], list[Launch]]:
    if segmentation.language != "en":
        return [], [], []
    text = segmentation.text
    talks: list[Talk] = []
    credits: list[Credit] = []
    launches: list[Launch] = []
    known: dict[str, Person] = {}  # people named so far, by full name and by surname (`Pichai announced …`)
    last_named: list[Person] = []  # the people of the last sentence that named any (`He announced …`)
    section: tuple[int, int] | None = None  # the title line over the prose being read, until a talk takes it
    for block in segmentation.blocks:
        if block.kind == "heading":
            section = _section_title(text, candidates, block)
            continue
        told = len(talks)
        for sentence in block.sentences:
            credited = _credits_in(text, candidates, sentence)
            credits += credited
            mentioned = named_people(text, candidates, sentence.start, sentence.end)
            people = [person for _, _, person in mentioned]
            credited_names = {c.person.name for c in credited if c.person}
            speakers = [p for p in people if p.name not in credited_names]
            found = _talks_in(text, candidates, sentence, speakers, [(start, end) for start, end, _ in mentioned])
            named = _TITLE_OF_LAST.match(text, sentence.start)  # `Their talk was titled A New Bar for …`
            if named and talks and talks[-1].title is None and not found:
                talks[-1] = _titled(talks[-1], text, named.start("title"), sentence.end)
            if section is not None and (found := found or _section_talk(text, sentence, speakers)):
                found = [_titled(t, text, *section) if t.title is None else t for t in found]
                section = None  # the first talk under a title line is the talk it names
            talks += found
            for person in people:
                known[person.name] = known[person.name.split()[-1]] = person
            launches += _launches_in(text, candidates, sentence, known, last_named)
            last_named = people or last_named
        if _lone_line(text, block) and len(talks) == told:
            section = _section_title(text, candidates, block)
    return talks, credits, launches


def _section_title(text: str, candidates: Candidates, block: Block) -> tuple[int, int] | None:
    """A heading or lone line that can title the talk told under it; the recap's own title heads none."""
    line = _title_line(text, block)
    if line is None or block.index == 0:
        return None
    title = clean(text[slice(*line)])
    if product_maker(title) or named_people(text, candidates, *line):  # a product's section, or a session line
        return None
    unlabelled, _ = without_kind_label(text[slice(*line)])  # `Session: AWS Security State of the Union`
    return (line[1] - len(unlabelled), line[1]) if heads_a_talk(title) else None


def _lone_line(text: str, block: Block) -> bool:
    """A paragraph of one short line that reads as a title (`Building Scalable Data Products`)."""
    return block.kind == "paragraph" and len(block.sentences) <= 1 and _title_line(text, block) is not None


def _section_talk(text: str, sentence: Sentence, speakers: list[Person]) -> list[Talk]:
    """Under a title line, a sentence that names people beside a talk noun or verb (`Emiel Verkade from
    Snowplow discussed …`, `This breakout session included guest speakers …`): their talk."""
    content = text[sentence.start : sentence.end].rstrip()
    cue = _TALK_NOUN.search(content) or _SPEAKER_NOUN.search(content) or _TALK_VERB.search(content)
    if not speakers or cue is None or _CREDITING.search(content) or content[-1:] not in ".!?":
        return []  # prose only: a line of a layout (`Closing Talks Shipping Faster … Aisha Bello`) is no sentence
    kind = lexicon.talk_kind(cue.group()) if _TALK_NOUN.fullmatch(cue.group()) else "talk"
    return [Talk(id="", title=None, speakers=speakers, kind=kind, evidence=[span(text, sentence.start, sentence.end)])]


# `Their talk was titled X`, `His keynote was called X`: the title of the talk the sentence before named.
_TITLE_OF_LAST = re.compile(
    rf"(?:Their|His|Her|The)\s+(?:{_TALK_NOUNS})\s+(?:was|is)\s+(?:titled|called|named)\s+(?P<title>[A-Z0-9\"“‘'「『《〈])"
)
# Where a title ends before the sentence does: `… at the meetup`, `…, which drew a crowd`.
_AFTER_TITLE = r"\s+(?:at|during|in|on)\s+(?:the|this|our|their|a)\s+[a-z]|,\s+[a-z]"
# `keynote on Tuesday`, `talk on 12 May`: a date, not a title.
_DATE_WORD = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\b)"
)
# An unquoted title after a talk cue: `gave a talk titled Kickstart your PWA journey`, `talked about Fast By
# Default: Modern Loading`, `gave a talk on Workbox: Flexible PWA Libraries` (it starts with a capital).
_CUED_TITLE = re.compile(
    rf"\b(?:(?:{_TALK_NOUNS})\s+(?:titled|called|named|on|about)|talked\s+about|spoke\s+(?:about|on))"
    r"\s+(?!" + _DATE_WORD + r")(?P<title>[A-Z0-9](?:(?!" + _AFTER_TITLE + r")[^.!?]){2,150})"
)


# What stands between a talk noun and its quoted title: a comma or colon, a word that names it.
_BEFORE_ITS_TITLE = re.compile(r"\s*[,:]?\s*(?:(?:titled|called|named|on|about)\s+)?")


def _title_cased(title: str) -> str:
    """An unquoted title written in title case ends before the first other lowercase word: the
    sentence goes on there (`Remote Caches for Everyone took a hard topic …`)."""
    words = title.split()
    if len(words) < 2 or not all(word[0].isupper() or word[0].isdigit() for word in words[:2]):
        return title
    for index, word in enumerate(words):
        if word[0].islower() and word.casefold() not in lexicon.TITLE_SMALL_WORDS:
            return " ".join(words[:index]).rstrip(",;:")
    return title


def _titled(talk: Talk, text: str, start: int, end: int) -> Talk:
    title = clean(text[start:end].rstrip().rstrip("."))  # the sentence's full stop, then any quotes
    return talk.model_copy(update={"title": title, "evidence": [*talk.evidence, span(text, start, end)]})


def _title_line(text: str, block: Block | None) -> tuple[int, int] | None:
    """A short line right above a paragraph that reads as a talk's title (not a sentence)."""
    if block is None:
        return None
    line = text[block.content_start : block.end]
    if not reads_as_title_line(line) or not clean(line)[:1].isupper():  # a title in quotes too
        return None
    return block.content_start, block.end


def named_people(text: str, candidates: Candidates, start: int, end: int) -> list[tuple[int, int, Person]]:
    """(start, end, person) of each person named between `start` and `end`, with the job and
    organisation written beside them (`AWS CEO Andy Jassy`, `Tom Baker of Spotify`)."""
    found = []
    for match in _PERSON.finditer(text, start, end):
        name, title = match.group("name"), match.group("title")
        if title is not None and not lexicon.JOB_WORDS.search(title):
            title = None  # `Jane Doe, Head of Data at Acme` names a job; `Jane Doe, Berlin at night` does not
        described = match.group("described")
        described = described if described and lexicon.JOB_WORDS.search(described) else None
        title = title or described or match.group("lead")
        after = (  # an organisation written after the name
            match.group("org")
            or match.group("paren")
            or (match.group("employer") if title else None)
            or (match.group("described_at") if described else None)
        )
        organization = after or match.group("lead_org")
        if not after:  # the mention ends with the name: a full stop after it ends the sentence
            name = lexicon.without_full_stop(name)
        until = match.end() if after else match.start("name") + len(name)
        # Only a person the model tagged or the name lexicon knows: a title-cased phrase at an
        # organisation is as often a title (`Data Contracts at Scale`).
        if candidates.is_person_name(name):
            affiliation = clean(organization).rstrip(".") if organization else None
            person = Person(name=name, name_en=name, title=title, affiliation=affiliation)
            found.append((match.start(), until, person))  # the mention, with a title written before it
    return found


def _talks_in(
    text: str, candidates: Candidates, sentence: Sentence, speakers: list[Person], named: list[tuple[int, int]]
) -> list[Talk]:
    """`speakers`: those the sentence names (`_people`, at `named`) and credits with no role."""
    content = text[sentence.start : sentence.end]
    evidence = [span(text, sentence.start, sentence.end)]
    possessive = _POSSESSIVE_TALK.search(content)
    if possessive and candidates.is_person_name(possessive.group("name")):
        quoted = next(iter(titles_quoted(_QUOTED, content, possessive.end())), None)
        if quoted and not _BEFORE_ITS_TITLE.fullmatch(content, possessive.end(), quoted.start()):
            quoted = None  # a quote later in the sentence (`… made it truly "simple."`) is not its title
        cued = _CUED_TITLE.match(content, possessive.start("noun"))  # `Sarah Bird's talk on Interactive Data`
        name = possessive.group("name")
        title = clean(quoted.group("title")) if quoted else _title_cased(clean(cued.group("title"))) if cued else None
        return [
            Talk(
                id="",
                title=title,
                speakers=[Person(name=name, name_en=name)],
                kind=lexicon.talk_kind(possessive.group("noun")),
                evidence=evidence,
            )
        ]
    noun, verb = _TALK_NOUN.search(content), _TALK_VERB.search(content)
    quoted = next(iter(titles_quoted(_QUOTED, content)), None)
    titled_by = _TITLE_BY.search(text, sentence.start, sentence.end)
    # `"T" by N` is a talk where the sentence opens with it or speaks of talks (`we read "T" by N`: a book).
    talk_framed = titled_by is not None and (noun or verb or not text[sentence.start : titled_by.start()].strip())
    if titled_by and talk_framed and (by_people := named_people(text, candidates, titled_by.end(), sentence.end)):
        kind = lexicon.talk_kind(noun.group()) if noun else "talk"
        named_title = clean(titled_by.group("title"))
        return [Talk(id="", title=named_title, speakers=[by_people[0][2]], kind=kind, evidence=evidence)]
    cued = _CUED_TITLE.search(content)
    if verb is None or not speakers:
        return []
    if noun is None and quoted is None and cued is None:
        return _told_by_subject(text, sentence, speakers, named)
    title = clean(quoted.group("title")) if quoted else clean(cued.group("title")).rstrip(".") if cued else None
    if title_match := quoted or cued:  # a name-shaped phrase inside the title is no speaker (`on Kafka at Scale`)
        start, end = sentence.start + title_match.start("title"), sentence.start + title_match.end("title")
        inside = {text[s:e] for s, e in named if start <= s < end}
        speakers = [p for p in speakers if not any(p.name in phrase for phrase in inside)]
        if not speakers:
            return []
    kind = lexicon.talk_kind(noun.group()) if noun else "talk"
    return [Talk(id="", title=title, speakers=speakers, kind=kind, evidence=evidence)]


# Verbs of giving a talk whose subject is the speaker even with no talk noun or title in the sentence.
_SPEAKING_VERB = re.compile(r"(?:also\s+)?(?:talked|spoke|presented|discussed|explained|demonstrated|demoed)\b")
# Between the people of a subject, and after them: a bracket or a comma-set apposition (`, CEO of Acme,`),
# then `,` or `and`.
_SUBJECT_JOINER = re.compile(r"(?:\s*\([^()]*\)|\s*,[^,.;()]{1,80}(?=,))?\s*,?\s*(?:and\s+)?")


def _told_by_subject(text: str, sentence: Sentence, speakers: list[Person], named: list[tuple[int, int]]) -> list[Talk]:
    """People who are the subject of a speaking verb give an untitled talk (`Owen Campbell-Moore (Product
    Manager, Chrome) talked about how …`, `Tristan Handy, CEO and Founder of dbt Labs, and Margaret
    Francis, …, discussed …`): the sentence opens with the people it names (`named`, where they stand),
    or with a lead-in ending in a comma."""
    if not named:
        return []
    lead_in = text[sentence.start : named[0][0]]
    if lead_in.strip() and not lead_in.rstrip().endswith(","):
        return []
    for (_, end), (start, _) in itertools.pairwise(named):
        if not _SUBJECT_JOINER.fullmatch(text, end, start):
            return []
    after = _SUBJECT_JOINER.match(text, named[-1][1])
    if after is None or not _SPEAKING_VERB.match(text, after.end()):
        return []
    evidence = [span(text, sentence.start, sentence.end)]
    return [Talk(id="", title=None, speakers=speakers, kind="talk", evidence=evidence)]


def _credits_in(text: str, candidates: Candidates, sentence: Sentence) -> list[Credit]:
    credits = []
    matches = [*_ROLE_BY.finditer(text, sentence.start, sentence.end)]
    matches += _ROLE_NAMED.finditer(text, sentence.start, sentence.end)
    matches += _PEOPLE_IN_ROLE.finditer(text, sentence.start, sentence.end)
    for match in matches:
        role_group = "role" if match.group("role") else "verb"
        role = _ROLES[" ".join(match.group(role_group).lower().split())]
        clause = max(text.rfind(",", sentence.start, match.start()), sentence.start)
        role_first = match.start(role_group) < match.start("people")
        if role == "emcee" and role_first and _PANEL.search(text, clause, match.start()):
            role = "moderator"  # `React Q&A hosted by Michael Chan`: who hosts a panel moderates it
        if not role_first:  # the role after the people: its own word
            cue_span = span(text, match.start(role_group), match.end(role_group))
        else:  # `hosted by`, `MC,`, `moderator was`
            cue = span(text, match.start(role_group), match.start("people"))
            cue_span = span(text, cue.start, cue.start + len(cue.text.rstrip(", ")))
        role_text = cue_span.text
        for start, end, person in named_people(text, candidates, match.start("people"), match.end("people")):
            evidence = [span(text, start, end), cue_span]
            credits.append(Credit(id="", person=person, role=role, role_text=role_text, evidence=evidence))
    return credits


# After a launch verb, the products it names: `we announced the React 19 RC, the React Native New
# Architecture Beta, and an experimental release of the React Compiler`, `announced three instances: M5,
# H1, and I3M`, `announcing that the React Compiler is now open source`.
_LAUNCHED = re.compile(rf"\b(?:{_LAUNCH_VERBS}|announc(?:e|es|ing))\b(?:\s+that)?")
_PASSIVE_ANNOUNCED = re.compile(
    rf"(?P<product>{_PRODUCT_RUN})\s+(?:was|were|has been|have been)\s+(?:{_LAUNCH_VERBS})\b"
)
_ITEM_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+|:\s+")
_PRODUCT_IN = re.compile(_PRODUCT_RUN)
_BY_AFTER = re.compile(r"\s+by\s")
_CLAUSE_END = re.compile(r"\s(?:which|that|who|is|are|was|were|has|have|will|for|to|from|with)\s|[;!?]|\.(?!\w)")


def _announced_products(text: str, sentence: Sentence) -> list[tuple[int, int, int]]:
    """(start, end, subject end) of each product a launch verb of the sentence names: in each item of
    the list after the verb, its first run of capitalised words (with digits, versions and `of`/`in`/
    `to` between them); the list ends where the clause does. The subject, whose people announce it,
    ends at the verb, or at the product itself when the product is the subject of a passive."""
    found: list[tuple[int, int, int]] = []
    for verb in _LAUNCHED.finditer(text, sentence.start, sentence.end):
        if _BY_AFTER.match(text, verb.end()):
            continue  # `Widget Pro was announced by Acme`: who announced it follows, not what
        stop = _CLAUSE_END.search(text, verb.end() + 1, sentence.end)
        end = stop.start() if stop else sentence.end
        if next_verb := _LAUNCHED.search(text, verb.end() + 1, end):
            # `…, and Globex launched …`: the list ends before the next launch verb's subject.
            separators = list(_ITEM_SEPARATOR.finditer(text, verb.end(), next_verb.start()))
            end = separators[-1].start() if separators else next_verb.start()
        position = verb.end()
        for separator in [*_ITEM_SEPARATOR.finditer(text, position, end), None]:
            item_end = separator.start() if separator else end
            product = _PRODUCT_IN.search(text, position, item_end)
            if product and not lexicon.is_person_name(product.group()):
                found.append((product.start(), product.end(), verb.start()))
            if separator is None:
                break
            position = separator.end()
    for passive in _PASSIVE_ANNOUNCED.finditer(text, sentence.start, sentence.end):
        found.append((passive.start("product"), passive.end("product"), passive.start("product")))
    return found


def _launches_in(
    text: str, candidates: Candidates, sentence: Sentence, known: dict[str, Person], last_named: list[Person]
) -> list[Launch]:
    launches: list[Launch] = []
    for pattern in (_ACTIVE_LAUNCH, _PASSIVE_LAUNCH):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            maker, product = clean(match.group("maker")), clean(match.group("product"))
            evidence = [span(text, sentence.start, sentence.end)]
            if maker in known:  # `Pichai announced Gemini 3 Ultra`: a person presents it
                person = known[maker]
                launch = Launch(
                    id="", name=product, organization=person.affiliation, presenters=[person], evidence=evidence
                )
                launches.append(launch)
                continue
            if candidates.is_person_name(maker) or not lexicon.is_name_shaped(maker.split(" of ")[-1]):
                continue
            launches.append(Launch(id="", name=product, organization=maker, presenters=[], evidence=evidence))
    named = {launch.name for launch in launches}  # a maker or presenter found above: those records stand
    for start, end, verb in _announced_products(text, sentence):
        if text[start:end] not in named:
            evidence = [span(text, sentence.start, sentence.end)]
            presenters = _announcers(text, candidates, sentence.start, verb, last_named)
            # `Acme CEO Jane Doe announced …`: who presents it launches it for their organisation.
            employer = common_employer(presenters)
            launch = Launch(
                id="", name=text[start:end], organization=employer, presenters=presenters, evidence=evidence
            )
            launches.append(launch)
    return launches


def common_employer(people: list[Person]) -> str | None:
    """The one affiliation all the people share (None if they have none, or several)."""
    employers = {p.affiliation for p in people}
    return employers.pop() if len(employers) == 1 else None


# A person's pronoun as the subject of a launch verb: `He announced …`, `…, where she unveiled …`.
_PERSONAL_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+)?$")


def _announcers(text: str, candidates: Candidates, start: int, verb: int, last_named: list[Person]) -> list[Person]:
    """Who announces: the people the clause names before its launch verb (`Josh Story and Andrew Clark
    shared …, and announced …`), or, after `he`/`she`, the people the recap named last."""
    before = [person for _, _, person in named_people(text, candidates, start, verb)]
    if before:
        return before
    return list(last_named) if _PERSONAL_SUBJECT.search(text, start, verb) else []
