"""Whose figure it is: a named organisation, park or project the sentence makes its subject, the city, or the district."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Quantity
from .entities import head_type
from .lexicon import phrase_pattern
from .metadata import DISTRICT_MENTION, district_names, district_places, title_of
from .phrases import COUNT_ADJECTIVE, DISTRICT_WORDS, Context, is_district_word, word_list
from .lang.en import alternation, month_numbers, word_class, word_lists
from .rules import SKIP, RuleTable, key_words

_WORDS = word_lists("words")
_NOT_ALONE = set(_WORDS["entity_not_alone"])  # words that open sentences and name nothing alone ("Additionally", "Its")

_ENTITY_HEAD_WORDS = [h for kind in ("park", "organization", "project", "institution", "event") for h in _WORDS["entity_heads"][kind]]
_ENTITY_HEADS = phrase_pattern(_ENTITY_HEAD_WORDS)
_ENTITY_SUBJECT = re.compile(
    r"(?:^|(?<=[\s“\"(]))((?:[A-Z][\w’'&.-]*|" + alternation("name_connectors") + r")(?:\s+(?:[A-Z][\w’'&.-]*|" + alternation("name_connectors") + r"))*\s+(?:"
    + _ENTITY_HEADS
    + r")(?:(?<=\bLine)\s+\d{1,2}(?![\d,.%]))?"  # "Metro Line 5": a numbered line is named by its number
    # a name goes on past its head word with "of" and capitalised words, or a place in brackets: "Hongqiao Hospital of
    # Traditional Chinese Medicine", "National Exhibition and Convention Center (Shanghai)"; not "of" a district
    r"(?:\s+of\s+(?!(?:" + "|".join(sorted(map(re.escape, district_names()), key=len, reverse=True)) + r")\b)[A-Z][\w’'&-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w’'&-]*)*|\s+\([A-Z][a-z]+\))?)(?:(?<=\))|\b)"
)
# what _ENTITY_SUBJECT needs: a head word after a space (the lookahead of their first letters spares trying each of them
# at every space)
_ENTITY_HEAD = re.compile(r"\s(?=[" + "".join(sorted({re.escape(h[0]) for h in _ENTITY_HEAD_WORDS})) + r"])(?:" + _ENTITY_HEADS + r")")


_COMMON_HEADS = tuple(" " + h for h in _WORDS["common_heads"])  # " project", " park": a cheap test too
_COMMON_HEAD = re.compile("|".join(map(re.escape, _COMMON_HEADS)))  # (one of them anywhere in a span: one scan, not one each)
_STOPWORDS = set(_WORDS["stopwords"])
_CITY_AND_NATION = frozenset(word_lists("grammar")["city_and_nation_names"])  # names of the wider places, not things in the district
_PART_HEADS = tuple(" " + h for h in word_class("part_heads"))
_AREA_AROUND_HEADS = set(word_class("area_around_heads"))  # "the Yuyuan Road area": around a road, a park, an airport
# "the Zhuanqiao area renovation project"; a part of a named thing, owned ("the Grand Theatre's Fengxian branch", "Metro Line 17's
# western extension", with or without "the") or not ("the Yangpu Riverside south section"), is that part (of a park or a
# project: "the Nanqiao section of the Harbor Link Line", to the line's head, a section of a line being the line's)
_COMMON_HEADED_NAME = re.compile(r"\b[Tt]he\s+(?:" + alternation("prospective_adjectives") + r"\s+)?(?:[\d.,]+-" + alternation("adjectival_size_units") + r"s?\s+)?([A-Z][A-Za-z0-9]+(?:[- ](?:[A-Z][a-z]+|[A-Z]{2,4}))*?(?:-" + alternation("backer_participles") + r")?(?:\s+[a-z]+){0,3}\s+(?:"
                                 + "|".join(h.strip() for h in _COMMON_HEADS) + r")(?:\s+of\s+the\s+(?:(?:[a-z-]+\s+){0,4}(?:" + "|".join(h.strip() for h in _COMMON_HEADS) + r")"
                                 r"|(?:[A-Z][\w-]*\s+){0,4}(?:" + phrase_pattern(_WORDS["entity_heads"]["park"] + _WORDS["entity_heads"]["project"]) + r")))?)\b"
                                 r"|(?:\b[Tt]he\s+|^\W*)([A-Z][A-Za-z0-9]+(?:[- ](?:[A-Z][a-z]+|\d{1,2}))*[’']s(?:\s+[A-Z][a-z]+)?(?:\s+[a-z]+)?\s+"
                                 + alternation("part_heads") + r")\b")
_KNOWN_NAME = re.compile(r"(?<![\w-])(?=[A-Z])(?:" + phrase_pattern(_WORDS["entity_known"]["organization"]) + r")(?![\w-])")
# ("phase II of the Zhenru Hub": a name found from its numeral, the phase word in lower case)
_PROCESS_OF = re.compile(r"^(?:" + alternation("process_nouns", case="capitalised") + r"|(?:Phase\s+)?(?:[IVX]+|\d+))\s+of\s+(?:the\s+)?")
_EXAMPLE_LEAD = re.compile(r"\b" + alternation("example_introducers") + r"\s+(?:the\s+)?$", re.IGNORECASE)
_MODIFIED_NOUN = re.compile(r"\s+" + alternation("modified_nouns") + r"\b")
_ACRONYM = re.compile(r"(?<![\w-])(?![IVXLC]+(?![\w-]))(?:[A-Z]{2,6})(?![\w-])")  # not Roman numerals (Phase II)
_SUPERLATIVE = re.compile(r"\s+(?:\w+est|" + alternation("superlatives") + r")\b", re.IGNORECASE)
_POSSESSIVE_NAME = re.compile(r"(?<![\w-])([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})[’']s\b")
# A definite or demonstrative noun phrase that points back to the entity last named ("this area", "the project").
# "said that the park's output": a determiner after "that" starts the phrase ("that" is then a conjunction)
_ANAPHOR = re.compile(r"\b" + alternation("anaphor_determiners") + r"\s+(?!" + alternation("anaphor_determiners") + r"\b)(?:" + alternation("anaphor_modifiers")
    + r"\s+|[\d.,]+-" + alternation("adjectival_size_units") + r"s?\s+)?(?P<noun>[a-z]+?(?:us|ss)?)s?\b",  # "the campus" is one, not "the campu" + "s"
                      re.IGNORECASE)
# Which kind of name an anaphoric noun can point back to (entity head-word types in lang/en/words.json).
_ANAPHOR_TYPES = {noun: kind for kind, nouns in _WORDS["anaphor_nouns"].items() for noun in nouns}  # (a rule's cues too: see _anaphors)
# "Shanghai's total of": the first word of each whole noun, one of which city_whole needs (its cues)
_WHOLE_CUES = {phrase.split()[0] for phrase in word_class("whole_nouns")}
_ANAPHOR_CUES = frozenset(_ANAPHOR_TYPES)
_DIGIT = re.compile(r"\d")
_ANAPHOR_KINDS = {"park": {"park"}, "organization": {"organization"}, "project": {"project", "organization", "park"},
                  "institution": {"institution"}, "event": {"event"}}
def _outside_an_opening_cause(head: str, names: tuple) -> tuple:
    """The names not inside a phrase of cause that opens the sentence ("With the X Zone's projects entering operation, the
    district's GDP is to grow ...": a cause, not the subject)."""
    cause = _OPENING_CAUSE.match(head) if names else None
    return names if cause is None else tuple(n for n in names if n[1] > cause.end())


# a phrase of cause that opens the sentence, up to its comma: "With the X Zone's major projects entering operation,"
_OPENING_CAUSE = re.compile(r"\W*" + alternation("opening_cause_leads", case="capitalised") + r"\s[^,;]{3,100},")
_CAUSE_OR_COMPARISON = re.compile(
    r"\b" + alternation("cause_or_comparison_words") + r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# (perhaps with the place's size between: "concentrated along the 9.4-kilometer West Bund riverside, ...")
_PREPOSITION_END = re.compile(r"\b" + alternation("locating_prepositions") + r"(?:\s+the)?(?:\s+[\d.,]+-" + alternation("adjectival_size_units") + r"s?)?$")
_QUALIFYING_PARTICIPLE = re.compile(r"\w\s+(?!" + alternation("not_participles") + r"\b)[a-z]+(?:ed|ing)\s+" + alternation("participle_prepositions")
                                     + r"(?:\s+the)?$")
# a later clause whose subject is the district or a speaker ("..., and the district plans to build 20 factories"); not
# "it", which goes on about the name before ("Dongtan Wetland Park welcomed 800,000 visitors, and it protects 290 species")
_NEW_CLAUSE_SUBJECT = re.compile(
    r"(?:[,;]\s+" + alternation("clause_conjunctions") + r"|;)\s+(?:(?:the|this)\s+" + alternation("own_authorities") + r"|we|they"
    # or a sector, whose total stays with the district: "..., and the financial industry contributed 41.7% of GDP"
    r"|(?:the\s+)?(?:[a-z-]+\s+){0,3}(?:" + alternation("sector_nouns") + r"|economy)"
    # or a product's output or production, named by the product with no owner ("..., while tea production rose to 900
    # tons"), or a measure of things in or across the district or city ("..., and deposits of banks in the city grew ...")
    r"|(?!(?:" + alternation("anaphor_determiners", "possessive_pronouns") + r")\s)(?-i:(?:[a-z][a-z-]*\s+){1,3}"
    + alternation("product_measure_nouns") + r"\s+(?!of\b))"
    r"|(?-i:[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,6}?\s+(?:in|across)\s+the\s+" + alternation("own_places") + r"\s+(?!and\b)[a-z]+))\b", re.IGNORECASE
)
# "Along the North Bund, the district built ...": a place opening the sentence, then the sentence's own subject
_DISTRICT_AFTER_PLACE = re.compile(r",\s+(?:the\s+" + alternation("own_authorities") + r"|we|they)\s", re.IGNORECASE)
_OWNER_OF_NEXT = re.compile(r"[’']s\s+[“\"]?")
_DISTRICT_SUBJECT = re.compile(r"\W*(?:(?:The|the)\s+" + alternation("governing_nouns") + r"|We)\b")
_PLACE_PREPOSITION = re.compile(r"\b" + alternation("destination_prepositions") + r"\s+$")
_VICINITY = re.compile(r"\b" + alternation("vicinity_prepositions") + r"\s+(?:the\s+)?$", re.IGNORECASE)
_ASKER = re.compile(r"\b" + alternation("question_nouns") + r"\s+(?:raised\s+)?(?:from|by)\s+(?:the\s+)?$|\basked\s+by\s+(?:the\s+)?$"
                    r"|\breporters?\s+(?:from|of|with)\s+(?:the\s+)?$", re.IGNORECASE)
# (with its scale word: "a 1.6-million-square-meter campus")
_ADJECTIVAL_SIZE = re.compile(r"[\d.,]+-(?:(?:thousand|million|billion)-)?" + alternation("adjectival_size_units") + "s?")
_RELATIVE_CLAUSE = re.compile(r",\s*which\s+" + alternation("relative_clause_verbs") + r"\b[^,;.]*$")
_CLAUSE_JOIN = re.compile(r"(?:,\s*" + alternation("contrast_conjunctions") + r"|;)\s+|,\s+and\s+(?=the\s+[A-Z])")  # ", and the Sinar Mas Plaza tower ..."
# "Since its launch in 2019, it has introduced 136 ...": "it" as the clause's subject, after an opening phrase
_IT_SUBJECT = re.compile(r"\W*(?:[^,.;]{0,60},\s*)?" + alternation("subject_pronouns", case="either") + r"\s+(?:"
                         + alternation("pronoun_subject_verbs") + r"|[a-z]+ed)\b")  # "In 2022, it paid 3 billion yuan in tax"
# "Their output value reached ...", "As of July this year, its tax revenue had ...": the possessive that opens the
# clause's subject, perhaps after an opening time or place phrase, points to the name before
# what may stand before a sentence's subject name: an opening time or place phrase, and the part of the thing named
# ("In 2026, the first phase of the Nanxiang Science Town will be completed")
_SUBJECT_LEAD = re.compile(r"\W*(?:[A-Z][^,.;]{0,40},\s*)?(?:(?:the\s+)?(?:" + alternation("phase_ordinals") + r"\s+)?"
                           + alternation("part_nouns") + r"\s+of\s+)?")
_JOINED_CLAUSE_SUBJECT = re.compile(r"(?:[,;]\s+" + alternation("clause_conjunctions") + r"|;)\s+(?:the\s+)?[a-z]")  # "..., and digital economy companies"
_ITS_OPENING = re.compile(r"\W*(?:[^,.;]{0,60},\s*)?" + alternation("possessive_pronouns", case="either") + r"\s"
                          # or inside the subject's noun phrase: "Online sales of its brands exceeded ..."
                          r"|\W*[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+(?:of|from|by)\s+" + alternation("possessive_pronouns") + r"\s")
_PARTICIPLE_OPENING = re.compile(r"\W*" + alternation("participle_openers", case="capitalised") + r"\b")
_NOT_SUBJECTS = re.compile(alternation("not_subject_names") + "|" + alternation("festival_names") + r"\s+Festival", re.IGNORECASE)  # holidays: times
# Abbreviations that are units, currencies or measures rather than organisations.
_NOT_NAMES = set(_WORDS["not_name_abbreviations"])  # and technologies, which name no one: "GPU time", "AI start-ups"
_NEWS_OUTLET = re.compile(r"\b" + alternation("news_outlet_heads") + r"$")  # "Shanghai Daily", "Xinhua News Agency"


# (and a task's verb that opens a list item or heading before the name it acts on: "Build the X Software Town", "Hold the
# Y Summit every year"; and a common noun that says what a firm is, before its name: "Chipmaker X Microelectronics said")
_CONNECTOR_LEAD = re.compile(r"^(?:(?:" + alternation("name_connectors") + "|" + alternation("name_leads", case="capitalised") + r")\s+"
                             r"|" + alternation("task_verbs", case="capitalised") + r"\s+(?=the\s)"
                             r"|" + alternation("firm_descriptors", case="capitalised") + r"\s+(?=[A-Z]))+")  # "Chipmaker X Micro said"
# "The Shanghai Arch achieved ...", "The Bund Finance Center has ...": a capitalised name after "The" that opens its
# sentence and is followed by its verb is a named thing (a building, a mall, a landmark) even without a head word
# such as "Park" or "Tower"; a person takes no article, a district no "The".
_DEFINITE_OPENING_NAME = re.compile(
    r"\W*The\s+(?P<name>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4})\s+"
    r"(?=(?:" + alternation("name_subject_verbs") + r"|[a-z]+ed)\b)")


_NAME_TAIL = re.compile(r"\s+(?:of\s+[A-Z].*|\([A-Z][a-z]+\))$")


def _head_type(name: str) -> str | None:
    """The type of a name's head word, the head being before what goes on past it ("Hongqiao Hospital of Traditional
    Chinese Medicine": a hospital; "National Exhibition and Convention Center (Shanghai)": a center)."""
    found = head_type(name) or head_type(_NAME_TAIL.sub("", name))
    if found is None and name.endswith(_PART_HEADS):  # "Metro Line 17's western extension": a part of a named line, park, ...
        found = head_type(name.rsplit(" ", 1)[-1].capitalize())
    return found


def _head_word_names(span: str) -> list[tuple[int, int, str]]:
    """Names that end in an entity head word ("... Industrial Park", "... Center"), from their first capitalised word."""
    found = []
    if _ENTITY_HEAD.search(span) is None:
        return found  # (no head word after a space: no name ends in one; one look spares the long pattern's tries)
    for m in _ENTITY_SUBJECT.finditer(span):
        name = re.sub(r"\s+", " ", m.group(1)).strip()
        # the pattern may start on a connector ("of the Shanghai Bay Area ... Center"): keep the name after it
        name = _CONNECTOR_LEAD.sub("", name)
        name = _PROCESS_OF.sub("", name)  # "Construction of the X project" is about the X project
        owner = re.match(r"([A-Z][\w’'-]*)[’']s\s+(?=[A-Z])", name)
        if owner and is_district_word(owner.group(1)):
            name = name[owner.end():]  # "Minhang's Zizhu Park" is the park; whose district it is goes without saying
        if head_type(name, needs_modifier=True) is None and head_type(name) is not None:
            continue  # "Its Park within a Park": a head word alone, once the lead word is gone, names nothing
        found.append((m.end(1) - len(name), m.end(1), name))
    return found


_SECTION_OF = re.compile(r".+?\s+section\s+of\s+the\s+(?P<whole>[A-Z].*)$")
_LINEAR_HEADS = word_class("linear_heads")  # what runs along a route: a line, a road, a path, a tunnel


def _common_headed_names(span: str) -> list[tuple[int, int, str]]:
    """A place name before a common head ("the Zhuanqiao area renovation project"); "the Zhenru area" is Zhenru."""
    if _COMMON_HEAD.search(span) is None:
        return []
    found = []
    for m in _COMMON_HEADED_NAME.finditer(span):
        if m.group(2):  # a part of a named thing, owned: "the Grand Theatre's Fengxian branch"
            found.append((m.start(2), m.end(2), m.group(2)))
            continue
        name = m.group(1)
        section = _SECTION_OF.match(name)
        if section and section["whole"].rsplit(" ", 1)[-1].lower() in _LINEAR_HEADS:
            # "the Nanqiao section of the Harbor Link Line": a stretch of a line, road or path is the whole's (a section of
            # a park is a place of its own: "the Jinshan section of the X Chemical Industry Park")
            found.append((m.start(1), m.end(1), section["whole"]))
            continue
        words = name.split()
        before_head = name.split(" of the ")[0]
        before_head = before_head[:-len(next((h for h in _COMMON_HEADS if before_head.endswith(h)), ""))]
        if any(w in _STOPWORDS for w in before_head.split()):
            continue  # "The Songjiang Hub covers an area": a clause, not a name
        if name.endswith((" area", " building")) and all(w[0].isupper() for w in words[:-1]) \
                and not (name.endswith(" area") and words[-2].lower() in _AREA_AROUND_HEADS):
            # "the Zhenru area", "the Suhe Bay area": the place, as "the area" pointing back to it is; "the Shanghai Arch
            # building": the Shanghai Arch; but "the Yuyuan Road area" is the area around the road
            name = name.rsplit(" ", 1)[0]
            words = words[:-1]
        # "the Shanghai Arch (building)" is a name
        if not _names_the_district(name, words) or (len(words) > 1 and all(w[0].isupper() for w in words) and m.group(1).endswith(" building")):
            found.append((m.start(1), m.start(1) + len(name), name))
    return found


def _names_the_district(name: str, words: list[str]) -> bool:
    """Whether a name before a common head is the district itself ("the Minhang area", "the Minhang section of Line 15"):
    a district's name with more words that make a thing of it names the thing ("the Yangpu Riverside south section",
    "the Songjiang hub")."""
    return is_district_word(words[0]) and (len(words) == 1 or words[1:] in (["District"], ["district"], ["New", "Area"])
                                           or (len(words) == 2 and name.endswith(_PART_HEADS)))


# A quoted name before a common head: 'the "Online New Economy" cluster', 'the “AI Valley” project'
_QUOTED_NAME = re.compile(r"[“\"](?P<name>[A-Z][^”\",.;]{2,40}?)[”\"]\s+(?P<head>" + "|".join(h.strip() for h in _COMMON_HEADS) + r")\b")


def _quoted_names(span: str) -> list[tuple[int, int, str]]:
    """A quoted name and the common head after it, written without the quotes ("Online New Economy cluster"); a brand
    by its quoted name alone ('the "Chongming Hairy Crab" brand': the brand's name is what it is called)."""
    if "“" not in span and '"' not in span:
        return []
    return ([(m.start(), m.end(), f"{m['name']} {m['head']}") for m in _QUOTED_NAME.finditer(span)]
            + [(m.start(), m.end(), m["name"]) for m in _QUOTED_BRAND.finditer(span)])


_QUOTED_BRAND = re.compile(r"[“\"](?P<name>[A-Z][^”\",.;]{2,40}?)[”\"]\s+brand\b")


def _known_and_acronym_names(span: str) -> list[tuple[int, int, str]]:
    """Known company names ("the Huawei research and development center") and acronyms that name, not describe ("the
    AI industry" describes)."""
    found = [(m.start(), m.end(), m.group(0)) for m in _KNOWN_NAME.finditer(span)]
    if _TWO_CAPITALS.search(span) is None:
        return found  # (no two capitals in a row: no acronym)
    for m in _ACRONYM.finditer(span):
        if _MODIFIED_NOUN.match(span, m.end()):
            continue
        # "ZTO Express", "CRRC Group": an acronym the capitalised words after it make a name of
        more = (_ACRONYM_NAME_END.match(span, m.end()) if m.group(0) not in _NOT_NAMES and not is_district_word(m.group(0).title())
                else None)  # not "YANGPU District": a district in capitals
        end = more.end() if more else m.end()
        found.append((m.start(), end, span[m.start():end]))
    return found


_TWO_CAPITALS = re.compile(r"[A-Z]{2}")  # what _ACRONYM needs
_ACRONYM_NAME_END = re.compile(r"(?:\s+[A-Z][a-z][\w&-]*){1,2}(?![\w’'-])")


def _possessive_names(span: str) -> list[tuple[int, int, str]]:
    """Owners before "'s" ("Xinbohai's central kitchen"), not yardsticks ("Asia's largest", "China's first") nor times
    ("September's retail sales")."""
    found: list[tuple[int, int, str]] = []
    if "'" not in span and "’" not in span:
        return found  # (no apostrophe, no possessive)
    for m in _POSSESSIVE_NAME.finditer(span):
        if _SUPERLATIVE.match(span, m.end()) or m.group(1).split()[-1].lower() in month_numbers():
            continue  # (nor a month: "September's retail sales")
        lead = _DEFINITE_LEAD.match(m.group(1))  # "The Lingang Special Area's output": the name without the article
        start = m.start(1) + (lead.end() if lead and lead.end() < len(m.group(1)) else 0)
        found.append((start, m.end(1), re.sub(r"\s+", " ", span[start:m.end(1)])))
    return found


_DEFINITE_LEAD = re.compile(alternation("definite_determiners", case="capitalised") + r"\s+")


# "Sales at the Outlets Shopping Village, one of the largest outlet malls, grew ...": a definite capitalised name with an
# aside that says what it is names a thing
_DEFINITE_NAME_WITH_ASIDE = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){1,4}),\s+" + alternation("description_openers") + r"\s")


def _definite_opening_name(span: str) -> list[tuple[int, int, str]]:
    """A definite name that opens the span as its clause's subject ("The Shanghai Arch achieved ..."), or one followed
    by an aside saying what it is ("the Outlets Shopping Village, one of the largest outlet malls, ...")."""
    found = [(m.start("name"), m.end("name"), m["name"]) for m in [_DEFINITE_OPENING_NAME.match(span)] if m is not None]
    if "," in span:  # (the aside's comma)
        found += [(m.start("name"), m.end("name"), m["name"]) for m in _DEFINITE_NAME_WITH_ASIDE.finditer(span)]
    return [(a, b, name) for a, b, name in found if name.split()[0].lower() not in month_numbers()]


# "One tenant, Lanxin Vision, makes ...", "Another start-up, Deepmap, ...": a common noun opening the sentence, then, set
# off by commas, the proper name of the thing it is
_APPOSITIVE_NAME = re.compile(r"\W*(?:" + alternation("appositive_determiners", case="capitalised") + r")\s+(?:[a-z][\w-]*\s+){0,2}"
                              r"(?P<noun>[a-z][\w-]*),\s+(?P<name>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4}),\s")


def _appositive_name(span: str) -> list[tuple[int, int, str]]:
    """The proper name set off by commas after a common noun that opens the span ("One tenant, Lanxin Vision, ...")."""
    m = _APPOSITIVE_NAME.match(span) if "," in span[:80] else None
    return [(m.start("name"), m.end("name"), m["name"])] if m and m["name"].split()[0].lower() not in month_numbers() else []


# a firm's name without a head word, as its clause's subject before a verb of what firms do ("Founded in 2016, Jingwei Motion
# employs 700 people", "The startup Jingwei Motion raised 300 million yuan"): at the span's start, after an opening phrase,
# or after a common noun for a firm
_FIRM_SUBJECT = re.compile(r"(?:\W*(?:[A-Z][^,.;]{0,40},\s+)?|\b[Tt]he\s+(?:" + "|".join(n for n, kind in _ANAPHOR_TYPES.items() if kind == "organization")
                           + r")\s+)(?P<name>(?!" + alternation("firm_name_non_openers", case="capitalised") + r"\s)[A-Z][a-z][\w&-]*(?:\s+[A-Z][\w&-]*){1,3})\s+(?:now\s+|also\s+)?"
                           + alternation("firm_verbs") + r"\b")


_FIRM_VERB = re.compile(r"\s" + alternation("firm_verbs") + r"\b")  # (what _FIRM_SUBJECT needs: the verb after a space)


def _firm_opening_name(span: str) -> list[tuple[int, int, str]]:
    """A firm's name with no head word as its clause's subject (see _FIRM_SUBJECT); not a district, a month or a person."""
    if _FIRM_VERB.search(span) is None:
        return []  # (no verb of what firms do after a space: no name is its subject; one look spares the long pattern's)
    m = _FIRM_SUBJECT.match(span) or (_FIRM_SUBJECT.search(span) if " the " in span.lower() else None)
    if m is None or m["name"].split()[0].lower() in _NOT_NAME_OPENERS or m["name"].split()[0].lower() in month_numbers():
        return []
    return [(m.start("name"), m.end("name"), m["name"])]


@lru_cache(maxsize=4096)
def _is_name(name: str) -> bool:
    """Not a connector, an office or a holiday, a district ("Jiading District", "Pudong New Area"; but "Songjiang Hub",
    "Fengxian New City" are names), a unit or a technology, nor a news outlet: "Shanghai Daily", "Xinhua News Agency" report
    the figures of a story, in its byline or its credits, and are never what one is about."""
    words = name.split()
    if not words or words[0].lower() in ("of", "and", "for", "the") or _NOT_SUBJECTS.search(name):
        return False
    district = is_district_word(words[0]) and (len(words) == 1 or words[1] in ("District", "district") or words[1:3] == ["New", "Area"])
    return not (district or name in DISTRICT_WORDS or name.title() in DISTRICT_WORDS or name in _NOT_NAMES or _NEWS_OUTLET.search(name))


@lru_cache(maxsize=1024)
def _entity_names(span: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of organisation-like names in ``span``: head-word names, acronyms, possessives, a definite
    name opening the span; not a name inside a slogan, inside another name, or owning the next name.

    A function of the span alone, asked of the same sentence (its head, the sentence before it) by each of its figures:
    kept, so that a sentence's names are found once and not once per figure."""
    found = (_head_word_names(span) + _common_headed_names(span) + _known_and_acronym_names(span) + _possessive_names(span)
             + _definite_opening_name(span) + _quoted_names(span) + _appositive_name(span) + _firm_opening_name(span))
    slogans = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*,[^”]*”", span)]  # “One Center, One Base, ...”
    starts = {start for start, _, name in found if _is_name(name)}  # "Lingang's GDP" owns no name: "GDP" names nothing
    out = []
    for start, end, name in sorted(found):
        if any(a <= start < b for a, b in slogans):
            continue
        owner = _OWNER_OF_NEXT.match(span, end)
        if owner and owner.end() in starts:
            continue  # "the West Bund's “AI Valley” gathers ...": the name owned is the subject, not its owner
        if any(a <= start and end <= b and (a, b) != (start, end) for a, b, _ in found):
            continue  # "UAV" inside "East China UAV Base"
        if _is_name(name):
            out.append((start, end, name))
    return tuple(out)


def subject_of(ctx: Context, q: Quantity, sentence_index: int) -> str | None:
    """What the figure is about: a named organisation, park or project when the sentence makes it the
    subject (or points back to it), the city for city totals, else the district."""
    figure = SubjectFigure(ctx, q, sentence_index)
    value, name = SUBJECT.run(figure)
    q.why["subject"] = name
    return _works_owner(ctx, _named_in_full(ctx, value, sentence_index), sentence_index)


def _works_owner(ctx: Context, value: str | None, sentence_index: int) -> str | None:
    """A plant is its firm's: a plant named by its firm ("the Huaxin Pharma plant") gives the firm's figures, and so does
    one named by its place and then its firm ("the Jiading plant of Hengrui Battery", or "the plant" pointing back to it).
    A plant named by what it makes ("the battery plant") or by a backer ("the CATL-backed plant") keeps its name."""
    works = _WORKS_NAME.fullmatch(value) if value and value.endswith(_WORKS_ENDS) else None
    if works is None:
        return value
    of_firm = re.compile(re.escape(value) + r"\s+of\s+(?:the\s+)?(?P<firm>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})")
    owner = [m["firm"] for m in of_firm.finditer(ctx.text, 0, ctx.seg.sentences[sentence_index].end)]
    if owner:
        return owner[-1]
    firm = works["firm"]
    if is_district_word(firm.split()[0]) or firm in _PLACE_NAMES or firm in _CITY_AND_NATION:
        return value  # "the Anting plant": a place's name, not a firm's
    return firm


# a place's works of a firm, after the place's name: "(the Luchao Port) yard of Eastsea Marine Works"
_WORKS_OF = re.compile(r"\s+" + alternation("works_heads") + r"\s+of\s+(?:the\s+)?(?P<firm>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})")
_WORKS_NAME = re.compile(r"(?P<firm>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s+" + alternation("works_heads"))
_WORKS_ENDS = tuple(" " + w for w in word_class("works_heads"))
_PLACE_NAMES = frozenset(place for places in district_places().values() for place in places)
# "The robotaxi fleet in Anting, ...": a clause opened by a thing in a town named alone (one of the district's places)
_THING_IN_A_TOWN = re.compile(r"\W*(?:[A-Z][^,.;]{0,40},\s+)?[Tt]he\s+(?:[a-z][\w-]*\s+){1,4}in\s+(?P<town>"
                              + "|".join(sorted((re.escape(p) for p in _PLACE_NAMES if " " not in p), key=len, reverse=True)) + r")\b(?![\w’'-]|\s+[A-Z])")


def _named_in_full(ctx: Context, value: str | None, sentence_index: int) -> str | None:
    """A name cut to one of its words after the text has named it in full is the full name: "Lingang's output" after "the
    Lingang Special Area", "the Valley's output" after "the Oriental Beauty Valley" (the nearest name before it that
    opens or ends with that word), or a firm named in full by a manager's title ("said Tang Lei, general manager of Xinyuan
    Semiconductor"). A headline names things short before its lead names them in full ("Lingang's chip cluster crosses
    ..." over "the Lingang Special Area"): a name cut short in the headline is the one its lead gives in full."""
    if not value or " " in value or value == ctx.district or value in DISTRICT_WORDS or value in _CITY_AND_NATION:
        return value
    memo = ctx.memo.setdefault("named_in_full", {})  # (a function of the name and the sentence: found once for both)
    if (value, sentence_index) not in memo:
        memo[value, sentence_index] = _full_name_before(ctx, value, sentence_index)
    return memo[value, sentence_index]


def _full_name_before(ctx: Context, value: str, sentence_index: int) -> str:
    """The full name of ``value`` in the sentence or the few before it (after the headline, the lead's), else ``value``."""
    headline_end = _headline_end(ctx)
    looked_at = list(range(sentence_index, max(-1, sentence_index - _FURTHER_BACK), -1))
    if sentence_index <= headline_end:
        looked_at += range(sentence_index + 1, min(len(ctx.seg.sentences), headline_end + 4))
    for index in looked_at:
        full = [name for _, _, name in _sentence_names(ctx, index)
                if " " in name and value in (name.split()[0], name.split()[-1]) and _head_type(name) not in (None, "place")]
        sentence = ctx.seg.sentences[index]
        full = full or [name for name in _managed_firms(ctx.text, sentence.start, sentence.end) if name.split()[0] == value]
        if full:
            return full[-1]
    return value


def _managed_firms(text: str, start: int, end: int) -> list[str]:
    """The firms that managers' titles name in ``text[start:end]`` ("general manager of Xinyuan Semiconductor")."""
    if text.find(" of ", start, end) < 0:
        return []
    return [m.group(1).rstrip(".") for m in _TITLE_OF.finditer(text, start, end) if " " in m.group(1)]


class SubjectFigure:
    """What the subject rules read of a figure: its sentence up to it (``head``), as the rules before narrow it."""

    def __init__(self, ctx: Context, q: Quantity, sentence_index: int) -> None:
        self.ctx, self.q, self.sentence_index = ctx, q, sentence_index
        self.text = ctx.text
        self.sentence = ctx.seg.sentences[sentence_index]
        self.head = self.text[self.sentence.start:q.start]
        self.names: list | None = None  # the names in the head, once looked for
        self.nouns: list[str] = []  # the anaphors' nouns ("the park", "the area")
        self.before_join = ""  # the clauses of the sentence before a later one that opens with an anaphor ("...; its output")

    @property
    def sentence_words(self) -> frozenset[str]:
        """The words of the figure's sentence, which a rule's cues are looked up in (:class:`rules.Rule`)."""
        return self.ctx.seg.words(self.sentence_index)


SUBJECT: RuleTable[str | None] = RuleTable("subject")


@SUBJECT.rule(("The [11-kilometer] Xuhui Riverside has been open since 2019.", "Xuhui Riverside"),
              ("The [2.4-kilometer] Hengshan Road business circle drew 30 million visits.", "Hengshan Road business circle"),
              ("The Lotus Island hosts AI firms. The [0.66-square-kilometer] island has 23 buildings.", "Lotus Island"),
              ("We will top out the Lotus Island's [320-meter] twin towers.", "Lotus Island"),
              ("Work on the second phase of the Caohejing Smart Park, a [90,000-square-meter] complex, starts in May.",
               "Caohejing Smart Park"),
              ("Near the lake, the [1.2-million-square-meter] research campus of Kestrel Biotech is under construction.", "Kestrel Biotech"))
def size_of_named(f: SubjectFigure):
    """A measure used as an adjective before a name ('the 11-kilometer Xuhui Riverside') is the named thing's size."""
    if _ADJECTIVAL_SIZE.fullmatch(f.q.text):
        apposed = _APPOSED_SIZE.search(f.head)  # "the Riverside Robotics Park, a 150,000-square-meter campus": the name's
        if apposed:
            named = [name for _, end, name in _entity_names(f.head[:apposed.start()]) if end == apposed.start()]
            if named:
                return named[-1]
        owner = _OWNER_BEFORE.search(f.head)  # "the North Bund's 480-meter landmark tower": the owner's
        if owner and _is_name(owner["name"]) and not _SUPERLATIVE.match(f.text, f.q.end):
            return owner["name"]
        described = _entity_names(f.text[f.q.end:f.sentence.end])
        of_owner = _THING_OF.match(f.text, f.q.end)  # "the 90,000-square-meter depot of Kestrel Logistics": the owner's depot
        if described and (described[0][0] <= 1 or (of_owner and described[0][0] == of_owner.end() - f.q.end)):
            return described[0][2]
        # "The 7.1-square-kilometer Nanjing Road West business circle": a name found only with its article before the size
        after = f.q.end - f.sentence.start
        named = [name for start, _, name in _entity_names(f.text[f.sentence.start:f.sentence.end]) if after <= start <= after + 1]
        if named:
            return named[0]
        noun = _NOUN_AFTER.match(f.text, f.q.end)  # "the 0.66-square-kilometer island": what "the island" points back to
        if noun and noun[1] in _ANAPHOR_TYPES and _ANAPHOR_TYPES[noun[1]] != "event" and _DEFINITE_BEFORE.search(f.head):
            return _antecedent(f.ctx, f.sentence_index, [noun[1]]) or SKIP
    return SKIP


@SUBJECT.rule(("Wang runs the [8]-room Lakeside Inn in Zhujiajiao.", "Lakeside Inn"),)
def units_of_named(f: SubjectFigure):
    """A count of the units a thing has, used as an adjective before its name ('the 8-room Lakeside Inn', 'the 300-bed
    Renji Hospital'), is the named thing's."""
    m = COUNT_ADJECTIVE.match(f.text, f.q.end) if f.q.unit == "count" else None
    if m is None:
        return SKIP
    described = _entity_names(f.text[m.end():f.sentence.end])
    return described[0][2] if described and described[0][0] == 0 else SKIP


_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
_APPOSED_SIZE = re.compile(r",\s+an?\s+$")
_THING_OF = re.compile(r"\s+(?:[a-z]+\s+){1,3}?of\s+(?:the\s+)?(?=[A-Z])")  # "the 1.6-million-square-meter research campus of X"
_OWNER_BEFORE = re.compile(r"(?:\b[Tt]he\s+)?(?<![\w-])(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})[’']s\s+$")
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ii]ts)\s+$")


@SUBJECT.rule(("Jiading is home to the Huawei Research Center, which will employ [30,000] people.", "Huawei Research Center"),
              ("The town will host the Riverside Tea Fair in October, where more than [300] growers will exhibit.",
               "Riverside Tea Fair"),
              ("Li works at the Jinshan Bay Materials Park, a 9-square-kilometer base that has drawn [140] companies since 2018.",
               "Jinshan Bay Materials Park"),
              ("Jinshan District\n\nLi visited the Caojing Seed Park, which hosts two-thirds of the district's [75] seed firms.",
               "Jinshan"),
              ("Chongming District\n\nNew roads will reach the Xinhe wetlands, where the county's [12] bird reserves lie.", "Chongming"),
              ("Growth is led by the Nanhe Robot Valley, a small area by the river that now houses [230] robot makers.",
               "Nanhe Robot Valley"))
def relative_clause_owner(f: SubjectFigure):
    """A figure in a relative clause ('..., which will employ 30,000 people', '..., where 500 companies will exhibit') is of
    the name the clause follows, or that the aside it qualifies describes ('X Park, a 9-square-kilometer base that has
    drawn 140 companies'); but a figure whose own noun phrase the district owns ('..., which hosts two-thirds of the
    district's 75 seed firms', '..., where the county's 12 reserves lie') is the district's, whatever the clause follows."""
    head = f.head
    if _OWNED_BY_THE_DISTRICT.search(head) and (_WHERE_CLAUSE.search(head) or _RELATIVE_CLAUSE.search(head)
                                                or _APPOSED_RELATIVE.search(head)):
        return f.ctx.district or SKIP
    apposed = _APPOSED_RELATIVE.search(head) if "that" in head or "which" in head else None
    if apposed:  # "the X Zone, a campus of 5 square kilometers that now hosts 90 labs": the name the aside describes
        named = [name for _, end, name in _entity_names(head[:apposed.start()]) if end == apposed.start()]
        if named:
            return named[-1]
    relative = _RELATIVE_CLAUSE.search(head) if "which" in head else None
    if relative:
        owners = [name for start, _, name in _entity_names(head[:relative.start()])
                  if relative.start() - start < 60 and (_head_type(name) not in (None, "place") or _KNOWN_NAME.fullmatch(name))]
        if owners:
            return owners[-1]
    where = _WHERE_CLAUSE.search(head) if "where" in head else None
    if where:  # "... host the G60 Expo in November, where more than 500 companies are expected to exhibit": the event's
        owners = [name for _, end, name in _entity_names(head[:where.start()])
                  if where.start() - end < 25 and _head_type(name) in ("event", "park", "project", "institution")]
        if owners:
            return owners[-1]
    return SKIP


_WHERE_CLAUSE = re.compile(r",\s*where\s+[^,;]*$")
# "two-thirds of the district's", "the county's about": the district's possessive right before the figure, owning its noun
_OWNED_BY_THE_DISTRICT = re.compile(r"\b(?:the\s+)?" + alternation("district_self_nouns") + r"[’']s\s+(?:" + alternation("approximators")
                                    + r"\s+)?$", re.IGNORECASE)
# an aside after a name, a noun phrase with a relative clause of its own: "X, a 16-square-kilometer park that has drawn"
_APPOSED_RELATIVE = re.compile(r",\s+an?\s+[^,;]{0,60}?\s(?:that|which)\s+(?:" + alternation("linking_adverbs") + r"\s+)?"
                               + alternation("relative_clause_verbs") + r"\b[^,;.]*$")  # (or "that now houses")


@SUBJECT.rule(("Across China, express deliveries rose [21 percent] in the first quarter.", "China"),
              ("Across the country, sales of new energy vehicles reached 4.3 million, up [38 percent].", "China"),
              ("Songjiang's retail sales grew 6 percent. In Shanghai, restaurant takings rose [4.5 percent] over the same months.",
               "Shanghai"),
              ("Minhang's exports grew 4 percent. China's exports of electric cars grew [70 percent] last year.", "China"),
              ("Songjiang's output rose 6 percent, while the country's industrial output rose [4.6 percent].", "China"),
              ("Nationwide, the country's steel output fell [2 percent] last year.", "China"),
              cues=key_words(word_lists("grammar")["nation_openers"], word_lists("grammar")["city_openers"],
                             word_lists("grammar")["nation_possessives"]))
def wider_place_opening(f: SubjectFigure):
    """A sentence opened by the country or the city as where ('Nationwide,', 'Across the country,', 'In Shanghai,'), or a
    clause opened by the country's possessive ('China's exports', ', while the country's output'), gives the country's or
    the city's figures, as long as no district or other name comes before the figure."""
    text, sentence = f.text, f.sentence
    opening = _WIDER_PLACE_OPENING.match(text, sentence.start, f.q.start)
    if opening:
        place = "China" if opening["nation"] else "Shanghai"
    else:
        opening = _NATION_OWNER.match(text, f.ctx.seg.clause_bounds(f.q.start)[0], f.q.start) or _NATION_OWNER.match(
            text, sentence.start, f.q.start)
        place = "China"
        if opening and _YARDSTICK_AFTER.match(text, opening.end()):
            return SKIP  # "China's largest chipmaker", "the country's second-largest airline": a yardstick, not the owner
    if opening is None:
        return SKIP
    between = text[opening.end():f.q.start]
    if DISTRICT_MENTION.search(between) or _DISTRICT_WORD.search(between) or _entity_names(between):
        return SKIP  # "In Shanghai, Jiading's car output ...", "Nationwide, ..., while the district's grew 20 percent"
    if any(not _WIDER_POSSESSIVE.fullmatch(m.group()) for m in _POSSESSIVE_PHRASE.finditer(between)):
        return SKIP  # "Nationwide, the company's sales rose 12 percent": the company's figure
    return place


_WIDER_PLACE_OPENING = re.compile(r"\W*(?:(?P<nation>" + alternation("nation_openers", case="capitalised") + r")|"
                                  + alternation("city_openers", case="capitalised") + r"),\s")
_NATION_OWNER = re.compile(r"\W*(?:" + alternation("clause_conjunctions") + r"\s+)?" + alternation("nation_possessives", case="either") + r"\s+(?=[a-z])")
_DISTRICT_WORD = re.compile(r"\bdistrict", re.IGNORECASE)
_YARDSTICK_AFTER = re.compile(r"(?!" + alternation("est_words_not_superlative") + r"\b)(?:\w+est|" + alternation("superlatives")
                              + "|" + phrase_pattern(list(word_lists("scales")["ordinals"]))
                              + r")(?:-\w+)?\b", re.IGNORECASE)
_POSSESSIVE_PHRASE = re.compile(r"(?:\b[Tt]he\s+)?[\w-]+[’']s\b")
_WIDER_POSSESSIVE = re.compile(r"(?:" + alternation("nation_possessives", case="either") + r"|(?:[Tt]he\s+)?(?:"
                               + alternation("city_scope_words") + r"|Shanghai[’']s))")


@SUBJECT.rule(("Qiantan's tax revenue rose 11 percent, beating the city's [6.3 percent].", "Shanghai"),
              ("The Zizhu Park's output rose 12 percent, well ahead of Shanghai's [4.1 percent].", "Shanghai"),
              ("Restaurant spending in the district rose 4 percent, above the city's [3 percent].", "Shanghai"),
              ("Putuo's retail sales rose 12.4 percent, far above the city's average growth of [6.1 percent].", "Shanghai"),
              cues=key_words(word_lists("grammar")["city_names"], word_lists("grammar")["city_scope_words"]))
def city_yardstick(f: SubjectFigure):
    """A clause that sets a figure against the city's ('beating the city's 6.3 percent', 'well ahead of Shanghai's')
    gives the city's own figure, whoever the sentence is about."""
    clause_start = f.ctx.seg.clause_bounds(f.q.start)[0]
    return "Shanghai" if _CITY_YARDSTICK.match(f.text, max(clause_start, f.sentence.start), f.q.start) else SKIP


_CITY_YARDSTICK = re.compile(r"\W*(?:" + alternation("degree_adverbs") + r"\s+)?" + alternation("yardstick_leads") + r"\s+(?:the\s+)?(?:Shanghai[’']s|"
                             + alternation("city_scope_words") + r")\s+(?:(?-i:[a-z])[\w-]*\s+){0,5}$", re.IGNORECASE)


@SUBJECT.rule(("SAIC Motor sold 5 million cars, while the Tesla Gigafactory made [950,000] vehicles.", "Tesla Gigafactory"),
              ("The old town drew 4.9 million visits, while Jinshan City Beach, a man-made beach, drew [1.2 million].", "Jinshan City Beach"))
def later_clause_name(f: SubjectFigure):
    """A later clause joined by 'while', 'and', 'whereas' has its own subject: the name that opens it. A clause opened
    by an anaphor ('..., while the area's industry chain gathered 300 suppliers') is read from there on."""
    joins = list(_CLAUSE_JOIN.finditer(f.head)) if "," in f.head or ";" in f.head else []  # (each join opens with one)
    if joins:
        named = leading_name(f.head[joins[-1].end():], 1) or (aside_name(f.head, joins[-1].end(), len(f.head)) or ("",))[0]
        if named:
            return named
        if _ANAPHOR.match(f.head, joins[-1].end()):
            f.before_join = f.head[:joins[-1].start()]  # "X Park has attracted 86 companies; its output ...": X Park's
            f.head = f.head[joins[-1].end():]
    return SKIP


@SUBJECT.rule(("Jinshan's output was about 70 billion yuan, some 1.6 percent of Shanghai's total of [4.4 trillion yuan].", "Shanghai"),
              cues=_WHOLE_CUES)
def city_whole(f: SubjectFigure):
    """The whole a district's share is taken of, named as the city's ('some 1.6 percent of Shanghai's total of 4.4
    trillion yuan'), is the city's figure, though the district opens the sentence."""
    return "Shanghai" if _CITY_TOTAL_OF.search(f.head) else SKIP


@SUBJECT.rule(("Jiading aims to gather [800] design studios on the Nanxiang Creative Harbor by 2027.", "Nanxiang Creative Harbor"),
              ("The district aims to have [60] labs a year set up in the Zizhu Science Park by 2026.", "Zizhu Science Park"),
              cues=word_class("gathering_verbs"))
def goal_count_in_a_place(f: SubjectFigure):
    """A goal of having or gathering so many things in a named place ('Jiading aims to gather 800 design studios on the
    Nanxiang Creative Harbor', 'to have 60 labs a year set up in the Zizhu Science Park') counts the place's things, though
    the district sets it; not things brought 'to' a place from elsewhere."""
    if not _GATHER_BEFORE.search(f.head):
        return SKIP
    clause_end = min(f.ctx.seg.clause_bounds(f.q.end)[1], f.sentence.end)
    place = _GATHERED_IN.match(f.text, f.q.end, clause_end)
    if place is None:
        return SKIP
    names = _entity_names(f.text[place.end():clause_end])
    return names[0][2] if names and names[0][0] == 0 and _head_type(names[0][2]) in _PLACE_KINDS else SKIP


_GATHER_BEFORE = re.compile(r"\b" + alternation("gathering_verbs") + r"\s+(?:" + alternation("approximators") + r"\s+)?$")
# the things gathered, perhaps how often and what is done to them, and where: "design studios on the", "labs a year set up in the"
_GATHERED_IN = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,5}?(?:[a-z]+ed\s+(?:up\s+)?)?(?:in|on|at)\s+(?:the\s+)?")


@SUBJECT.rule(("The bike fleet in Zhujiajiao, now [300] bikes, will double by 2027.", "Zhujiajiao"),
              ("The bike fleet in Zhujiajiao, now 300 bikes, will grow to [600] within two years.", "Zhujiajiao"),
              cues=key_words(sorted(_PLACE_NAMES)))
def thing_in_a_town(f: SubjectFigure):
    """A clause whose subject is a thing in a town or quarter of the district, named alone ('The bike fleet in Zhujiajiao,
    now 300 bikes, will grow to 600'), gives the town's figures: where the thing is says whose it is, as 'in the X Park'
    does; not where another name comes between."""
    m = _THING_IN_A_TOWN.match(f.head)
    if m is None or _entity_names(f.head[m.end():]) or DISTRICT_MENTION.search(f.head, m.end()):
        return SKIP
    if _named_in_full(f.ctx, m["town"], f.sentence_index) != m["town"]:
        return SKIP  # the short name of a park named in full before ("offices in Nanxiang" after "the Nanxiang ... District")
    return m["town"]


@SUBJECT.rule(("Minhang wants the Zizhu Science Park in Wujing to turn out [2 million] chips a month by 2028.", "Zizhu Science Park"),
              ("\"We will strive to make the Jiangwan Science City home to at least [40] research institutes,\" Li said.",
               "Jiangwan Science City"),
              cues=word_class("object_goal_verbs"))
def named_object_of_a_goal(f: SubjectFigure):
    """A goal set for a named place as the object of 'want', 'make' or 'help', then what the place is to do or be ('Minhang
    wants the Zizhu Science Park to turn out 2 million chips', 'make the Jiangwan Science City home to 40 institutes'),
    is the place's figure, though the district or 'we' sets it."""
    head = f.head
    for start, end, name in _entity_names(head):
        if _GOAL_VERB_BEFORE.search(head, 0, start) and _PLACE_IS_TO.match(head, end) and _head_type(name) in _PLACE_KINDS:
            return name if not _entity_names(head[end:]) and "," not in head[end:] else SKIP
    return SKIP


_GOAL_VERB_BEFORE = re.compile(r"\b" + alternation("object_goal_verbs") + r"\s+(?:the\s+)?$")
# what the place is to do or be, up to the figure: "(in Anting) to turn out", "home to at least"
_PLACE_IS_TO = re.compile(r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]*)?\s+(?:to\s+[a-z]+|home\s+to)\b")


@SUBJECT.rule(("The district will hold the Nanhe Robot Summit each spring, with no fewer than [3,000] visitors attending.",
               "Nanhe Robot Summit"),
              ("We will host the Jiangwan Design Week in May, with more than [200] exhibitors.", "Jiangwan Design Week"),
              cues=("with",))
def event_with_its_audience(f: SubjectFigure):
    """A with-phrase after a clause that names an event tells the event's size ('The district will hold the Nanhe Robot
    Summit each spring, with no fewer than 3,000 visitors attending'): its figures are the event's, though the district
    holds it; not where the with-phrase names someone of its own, nor past the with-phrase: a figure after the phrase
    has ended (', and build 12 clinics', a new line or item) is not the event's."""
    head = f.head
    at = head.rfind(", with ")
    if at < 0 or not _WITH_TO_FIGURE.match(head, at) or _entity_names(head[at:]) or DISTRICT_MENTION.search(head, at):
        return SKIP
    events = [name for _, _, name in _entity_names(head[:at]) if _head_type(name) == "event"]
    return events[-1] if events else SKIP


# the with-phrase runs on to the figure: no clause break (a comma that is no thousands mark, ';', a line break) and no
# 'and' + verb of a clause of its own ('with 500 stalls and 3,000 visitors' is one phrase; ', and build 12' is not)
_WITH_TO_FIGURE = re.compile(r",\s+with\s+(?:[^,;:\n]|,(?=\d))*$")


@SUBJECT.rule(("The Nanhe Robot Summit will be held in May. Organizers expect more than [500] exhibitors.", "Nanhe Robot Summit"),
              ("The third Jiangwan Design Week opens on Friday. The organizers said it would draw about [90,000] visitors.",
               "Jiangwan Design Week"),
              cues=word_class("organizer_nouns"))
def event_organizers(f: SubjectFigure):
    """A sentence whose subject is the organizers ('Organizers expect more than 500 exhibitors') speaks of the event the
    sentence before named: its figures are the event's."""
    if not _ORGANIZERS.match(f.head) or not f.sentence_index:
        return SKIP
    events = [name for _, _, name in _sentence_names(f.ctx, f.sentence_index - 1) if _head_type(name) == "event"]
    return events[-1] if events else SKIP


# (the noun as the sentence's subject, not 'host' as a task's verb with its object: '- Host the X Forum', 'Host 12 fairs')
_ORGANIZERS = re.compile(r"\W*(?:[Tt]he\s+|[Ii]ts\s+)?" + alternation("organizer_nouns", case="either") + r"(?=\s+[a-z])(?!\s+(?:the|an?|its|our)\b)")


@SUBJECT.rule(("The Nanxiang Ecological Business District opened in 2015. By 2027, Jiading aims to lift the Nanxiang business "
               "district's tax revenue above [3 billion yuan] and to gather 40 headquarters there.", "Nanxiang Ecological Business District"),
              ("The Nanxiang Ecological Business District opened in 2015. By 2027, Jiading aims to lift the Nanxiang business "
               "district's tax revenue above 3 billion yuan and to gather [40] headquarters there.", "Nanxiang Ecological Business District"))
def measure_of_a_short_named(f: SubjectFigure):
    """A measure a goal raises of a place or firm called by its first word and a common noun ('Jiading aims to lift the
    Nanxiang business district's tax revenue above 3 billion yuan', after 'the Nanxiang Ecological Business District') is
    the named thing's, though the district sets the goal; so is a count of what the goal gathers 'there'."""
    if "’s" not in f.head and "'s" not in f.head:
        return SKIP  # (a possessive, which most heads lack, is looked for first)
    owner = None
    for m in _SHORT_OWNER.finditer(f.head):
        owner = m
    if owner is None or not _may_be_short_name(owner["name"]):
        return SKIP
    if not (_OWNS_THE_MEASURE.fullmatch(f.head, owner.end()) or _THERE_ENDS.match(f.text, f.q.end, f.sentence.end)):
        return SKIP
    return _named_in_full_before(f.ctx, f.sentence_index, owner["name"]) or SKIP


# a name's first word and common nouns, owning what follows: "the Nanxiang business district's"
_SHORT_OWNER = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][a-z]+)(?:\s+[a-z][\w-]*){1,3}(?=[’']s\s)")
_THERE_ENDS = re.compile(r"[^,;.]{0,60}\bthere\s*[.;]")  # "... 40 headquarters there."


@SUBJECT.rule(("In 2023, the city's output grew, while Minhang's GDP reached [300 billion yuan].", "Minhang"),
              ("Shanghai grew 5 percent. Jiading, home to the F1 circuit, saw its output rise [7 percent].", "Jiading"),
              ("Shanghai's GDP grew 5 percent. In Jiading, car output reached [1.2 million] units.", "Jiading"),
              cues=key_words(district_names()))  # (the district's name, which _district_opening looks for first)
def district_opening(f: SubjectFigure):
    """A district that opens the figure's clause, or an earlier clause it continues, owns the figure; so does one
    named before an aside that says what it is ('Jiading, home to the F1 circuit, saw ...', 'Minhang, a southwestern
    district, posted ...')."""
    district = _district_opening(f.ctx, f.sentence.start, f.q.start)
    if district and _CITY_OPENING.match(f.text, f.ctx.seg.clause_bounds(f.q.start)[0], f.q.start):
        return SKIP  # "..., well above the city's average growth of 9.2 percent": the yardstick is the city's own (city_total)
    if district and "s " in f.head and _OWNED_BY_ANAPHOR.search(f.text, f.ctx.seg.clause_bounds(f.q.start)[0], f.q.start):
        return SKIP  # "Fengxian aims to lift the valley's output value to 100 billion yuan": the valley's, the antecedent's
    if district and _PART_IN_A_PLACE.match(f.text, f.q.end, f.sentence.end):
        return SKIP  # "Jiading has 300 parts makers, 75 of them in the auto park": the park's (counted_in_a_place)
    return district or SKIP


# a part of the things counted before, in a place: "..., 118 of them in the industrial park"
_PART_IN_A_PLACE = re.compile(r"\s+of\s+them\s+(?:are\s+|were\s+)?(?:based\s+|located\s+)?(?:in|at|within)\s+the\s")


# "the valley's output value": a measure owned by a place or firm the anaphor points back to
_OWNED_BY_ANAPHOR = re.compile(r"\b(?:the|this)\s+(?:" + alternation("anaphor_modifiers") + r"\s+)?(?!city\b)(?:"
                               + "|".join(sorted(n for n, kind in _ANAPHOR_TYPES.items() if kind != "event")) + r")[’']s\s", re.IGNORECASE)


# a sentence opened by a proper name and an aside that says what it is: "Hengyi Semiconductor, which opened ...",
# "Shanghai Jahwa, one of the country's oldest cosmetics makers, opened ..."
# (perhaps after the common noun of what it is: "Travel platform Yunlv Travel, whose bookings fell ...", "Chipmaker Hengxin, which")
_NAME_WITH_ASIDE = re.compile(r"\W*(?:The\s+)?(?P<descr>(?:[A-Z][A-Za-z-]+\s+)?" + alternation("firm_descriptors", case="either") + r"\s+(?=[A-Z]))?"
                              r"(?P<name>[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|and|for|de)){0,5}),\s+"
                              r"(?:which\b|whose\b|" + alternation("seat_participles") + r"\s+(?:in|on|at)\s[^,;.]{3,60},"
                              r"|(?:" + alternation("description_openers") + r"|the)\s+(?P<aside>(?:[^,;.]|(?<=\d)[.,](?=\d)){3,80}),)")  # "a 1.7-kilometer man-made beach"
_NOT_NAME_OPENERS = word_class("not_name_openers")  # a time, a place or a link word that opens a sentence, not a name
_PERSON_ASIDE = re.compile(r"\b" + alternation("person_titles") + r"\b", re.I)


@SUBJECT.rule(("Lumio Optics, which opened a factory in Maqiao Town in 2021, makes about [40,000] lenses a month.",
               "Lumio Optics"),
              ("Yangshan Port Logistics, based on Xiaoyangshan Island, moved [9 million TEUs] last year.", "Yangshan Port Logistics"),
              ("Golden Crane, one of the country's oldest soy sauce makers, opened a plant with a capacity of [50,000 tons].",
               "Golden Crane"),
              ("Deepmap Bio, a start-up founded by a Fudan professor in 2019, employs [150] people.", "Deepmap Bio"),
              ("Fengjing, an old water town [40 km] from the city center, drew 3 million visitors.", "Fengjing"),
              ("Online grocer Dingdang Fresh, whose orders rose [40 percent] in May, plans to hire 2,000 riders.", "Dingdang Fresh"),
              ("Chipmaker Hengxin Micro, which opened in 2020, employs [900] people.", "Hengxin Micro"),
              ("Robotics firm Kestrix, whose staff doubled to [800] last year, plans to hire 300 more.", "Kestrix"))
def named_with_aside(f: SubjectFigure):
    """A proper name that opens its sentence with an aside saying what it is or where (', which ...', ', one of the
    country's oldest makers,', ', headquartered on the North Bund,') is the sentence's subject: its figures are its own, not those of the places the aside names.
    Not a person introduced by a title ('Liu Qian, director of ..., said')."""
    named = aside_name(f.text, f.sentence.start, f.q.start)
    if named:
        return named[0]
    if f.text.find(",", f.sentence.start, f.q.start) < 0:
        return SKIP
    # the figure in the aside itself: "Fengjing, an old canal town 30 km from the centre, drew ..." tells of the town
    asides = f.ctx.memo.setdefault("sentence_aside", {})  # (the whole sentence's: found once a sentence, not once per figure)
    if f.sentence_index not in asides:
        asides[f.sentence_index] = aside_name(f.text, f.sentence.start, f.sentence.end)
    whole = asides[f.sentence_index]
    if whole and whole[1]:
        at = f.text.find(whole[1], f.sentence.start, f.sentence.end)
        if 0 <= at <= f.q.start and f.q.end <= at + len(whole[1]):
            return whole[0]
    return SKIP


def aside_name(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The proper name that opens ``text[start:end]`` with an aside saying what it is, and the aside: ("Fengjing", "an
    old canal town 30 km from the centre"). A single word is a name only before an aside with an article ("Fengjing,
    the water town in the district's west, ..."), not the city or a dateline ("SHANGHAI, July 8 (Xinhua)")."""
    if text.find(",", start, end) < 0:
        return None  # (the pattern needs the comma after the name: most stretches have none, found at once)
    m = _NAME_WITH_ASIDE.match(text, start, end)
    if m is None:
        return None
    words = m["name"].split()
    district_only = (is_district_word(words[0]) or words[0] in DISTRICT_WORDS) and set(words[1:]) <= {"District", "New", "Area"}
    if district_only or words[0].lower() in _NOT_NAME_OPENERS \
            or any(w.lower().rstrip(".") in month_numbers() for w in words):
        return None  # "Between January and July, ...", "Minhang District, ...": a time or the district, not a name
    if m["aside"] and _PERSON_ASIDE.search(" ".join(m["aside"].split()[:3])):
        return None  # "Liu Qian, deputy director of ...": a person; not "Zijing Bio, a company founded by a professor"
    if len(words) == 1 and not m["descr"] and (not m["aside"] or not words[0][1:].islower() or words[0] in _NOT_ALONE
                                               or words[0].endswith("ly") or words[0] in _CITY_AND_NATION):
        return None  # "Additionally, the number of ...", "Currently, the ...": an opening word, not a name (but "AI firm
        # DeepLake, whose staff ...": a word that says it is a firm before it)
    return m["name"], m["aside"] or ""


@SUBJECT.rule(("A hydrogen energy demonstration zone covering [8 square kilometers] will open next year.", "hydrogen energy demonstration zone"),
              ("A biomedicine industrial park with a planned investment of [3.1 billion yuan] is under construction.",
               "biomedicine industrial park"),
              ("A lithium project with an annual capacity of [8,000 tons], invested by Hanfeng Materials, opens in May.",
               "Hanfeng Materials"))
def new_thing_introduced(f: SubjectFigure):
    """A sentence that opens by introducing a new thing with 'A' and the common nouns that say what it is, before what
    it covers or holds ('A battery industrial park with a planned investment of 1.6 billion yuan is being built'),
    gives that thing's figures: the thing, as the text calls it (its name has not been given); or the firm that builds
    or invests in it, where the sentence names one ('A lithium project ..., invested by Hanfeng Materials, ...'): a
    firm's works are the firm's."""
    m = _NEW_THING.match(f.text, f.sentence.start, f.q.start)
    if not m or f.q.start - m.end() >= 60 or f.text.find(",", m.end(), f.q.start) >= 0:
        return SKIP
    built = _BUILT_BY.search(f.text, m.end(), f.sentence.end)
    return built["firm"] if built else m["thing"]


# who builds, invests in or runs a thing: "(a satellite plant) built by Xingyao Space", ", invested by Hanfeng Materials,"
_BUILT_BY = re.compile(r"\b" + alternation("builder_participles") + r"\s+by\s+(?P<firm>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})")
_NOUN_BUILT_BY = re.compile(r"\b(?P<noun>[a-z]+)\s+" + alternation("builder_participles") + r"\s+by\s+(?P<firm>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})")


_NEW_THING = re.compile(r"\W*An?\s+(?:new\s+)?(?P<thing>(?:[a-z][\w-]*\s+){1,5}(?:" + "|".join(
    n for n, kind in _ANAPHOR_TYPES.items() if kind in ("park", "project") and n not in ("area", "site", "city", "town")) + r"))\s+" + alternation("extent_links") + r"\b")


@SUBJECT.rule(("Carbon Valley Green Bay Industrial Park gathered [79] companies.", "Carbon Valley Green Bay Industrial Park"),
              ("Sales at the Riverside Outlet Park, one of the biggest discount malls, grew by [8.7%].", "Riverside Outlet Park"),
              ("The Shanghai Arch became the city's first building to surpass [10 billion yuan] in tax revenue.", "Shanghai Arch"),
              ("At the end of June, the occupancy rate of serviced apartments in the Qiantan Business District stood at [88%].", "Qiantan Business District"),
              ("Today Hongqiao Campus is home to more than [300] companies.", "Hongqiao Campus"),
              ("One tenant, Deepmap, employs [400] people.", "Deepmap"),
              ("The 2.4-kilometer Hengshan Road business circle drew [30 million] visits.", "Hengshan Road business circle"),
              ("Qiantan is the new business hub. Its Skyline Tower now houses [45] fintech firms.", "Skyline Tower"),
              ("Xinqiao's GDP grew [6.1 percent] last year.", "Xinqiao"),
              ("Li noted that during the first half of last year the Jiangwan Tech Park's exports rose [14 percent].",
               "Jiangwan Tech Park"),
              ("The Hengsha Island shipyard of Donghai Marine, whose sales were 9 billion yuan last year, expects sales of "
               "[11 billion yuan] this year.", "Donghai Marine"))
def named_subject(f: SubjectFigure):
    """A name in subject position (in the first words of its clause, or before ', with' / ', which', or the place that
    ends the clause's subject right before its verb: 'the vacancy rate of office buildings in the North Bund stood at') owns the figure;
    not a name given as an example, a cause or yardstick (or in a phrase of cause that opens the sentence: 'With the X
    Park's labs opening, ...'), a place near which, who asked, an aside, a sibling in a list,
    a name another subject follows, or a name that qualifies another noun."""
    head = f.head
    f.names = names = _entity_names(head)
    for start, end, name in _outside_an_opening_cause(head, names):
        works_of = _WORKS_OF.match(head, end)
        if works_of and len(word_list(head[_subject_clause_start(head, start):start])) <= 1:
            return works_of["firm"]  # "The Luchao Port yard of Eastsea Marine Works ... expects ...": the firm's works
        if "\n" in head[end:] and _ITEM_START.search(head, end):
            continue  # "- raise the North Bund's tax revenue to 30 billion yuan;\n- bring the number ... to 75": another item's
        clause_start = _subject_clause_start(head, start)
        lead = head[clause_start:start].strip().lower()
        if _EXAMPLE_LEAD.search(head, 0, start) or (
            lead in ("", "and", "or", "and the", "the") and re.search(r"\b" + alternation("example_markers") + r"\b", head[:clause_start])
        ):
            continue  # "parks such as the X Harbor, Y Base, and Z Bay": examples in a list are not the subject
        if _CAUSE_OR_COMPARISON.search(head, 0, start):
            continue  # "down 4% due to lower steel prices", "than Pudong": a cause or a yardstick, not the subject
        if _VICINITY.search(head, 0, start):
            continue  # "Companies around Hongqiao Airport reported ...": near the place is not of it
        if _ASKER.search(head, 0, start):
            continue  # "In response to a question from Shanghai Media Group, Fang said ...": who asked, not whose figure
        if clause_start > 0 and _PREPOSITION_END.search(lead) and head[end:end + 2].startswith(","):
            continue  # "the district's robotics industry, clustered around the X Park, generated ...": an aside, not the subject
        if _SIBLING_AFTER.match(head[end:]):
            continue  # "The Shanghai AI Laboratory and 8 national platforms are located here": a sibling, not the owner
        if _NEW_CLAUSE_SUBJECT.search(head, end) or _DISTRICT_AFTER_PLACE.match(head, end):
            continue  # "The Hub will be completed this year, and the district plans to build 20 factories": another subject
        if _QUALIFYING_PARTICIPLE.search(lead):
            continue  # "trade with countries involved in the Belt and Road Initiative": the name qualifies another noun
        if _OWNS_THE_MEASURE.fullmatch(head, end):
            return name  # "we hope to push the Harbour City's yearly retail sales past 9 billion yuan": the measure is the name's
        if _VERB_BEFORE_NAME.search(_RELATIVE_IN_SUBJECT.sub("", lead)):
            continue  # "Three companies went public on the STAR Market", "We will complete the X Center's ...": an object
            # (not the verb of a relative clause in the subject: "Companies that have moved to the West Bund number 67")
        words_before = len(word_list(_TIME_OPENING.sub("", head[clause_start:start], count=1)))  # (after its time phrase)
        if words_before <= 6 or _NAME_GOES_ON.match(head, end):
            return name
        if _WHERE_THE_SUBJECT_IS.search(head, 0, start) and _VERB_THEN_FIGURE.fullmatch(head, end):
            return name  # "the vacancy rate of office buildings in the North Bund stood at 14.7%": the place's figure
    return SKIP


@SUBJECT.rule(("Kestrel Robotics opened a plant. Kestrel sold [9,000] robots last year.", "Kestrel Robotics"),
              ("Kestrel Robotics opened a plant. Kestrel sold 9,000 robots last year, and its revenue reached [3 billion yuan].",
               "Kestrel Robotics"),
              ("Founded in 2015, Kestrel Robotics makes arms. Since then, Kestrel has filed [800] patents.", "Kestrel Robotics"),
              ("The Nanxiang Ecological Business District covers 3 square kilometers. The vacancy rate of offices in Nanxiang "
               "stood at [12 percent], and average rent rose to 7 yuan.", "Nanxiang Ecological Business District"))
def short_name(f: SubjectFigure):
    """A firm or place named in full ('Kestrel Robotics', 'the Nanxiang Ecological Business District') is called by its first
    word alone after ('Kestrel sold 9,000 robots', 'the vacancy rate of offices in Nanxiang stood at'): a sentence
    whose subject is that word, or ends in it right before the verb, gives the named thing's figures, in the clauses
    after it too ('..., and its revenue reached ...') as long as they name no one else."""
    found = _short_name_subject(f.ctx, f.sentence_index)
    if found is None:
        return SKIP
    full, end = found
    rest = f.text[end:f.q.start]
    if end > f.q.start or _entity_names(rest) or DISTRICT_MENTION.search(rest) or _TOPIC_CHANGE.search(rest) or _NEW_CLAUSE_SUBJECT.search(rest):
        return SKIP
    return full


def _short_name_subject(ctx: Context, sentence_index: int) -> tuple[str, int] | None:
    """The full name of the thing the sentence's subject calls by its first word (:func:`short_name`), and where that word
    ends; found once a sentence."""
    memo = ctx.memo.setdefault("short_name_subject", {})
    if sentence_index not in memo:
        text, sentence = ctx.text, ctx.seg.sentences[sentence_index]
        # at the sentence's start, or after its opening phrase ("Founded in 2016, Tianyi has ..."), or ending the subject
        memo[sentence_index] = None
        for m in (_SHORT_NAME_OPENING.match(text, sentence.start, sentence.end),
                  _SHORT_NAME_OPENING.match(text, _SUBJECT_LEAD.match(text, sentence.start, sentence.end).end(), sentence.end),
                  _SHORT_PLACE_THEN_VERB.search(text, sentence.start, sentence.end)):
            full = _named_in_full_before(ctx, sentence_index, m["name"]) if m and _may_be_short_name(m["name"]) else None
            if full:
                memo[sentence_index] = (full, m.end("name"))
                break
    return memo[sentence_index]


def _may_be_short_name(word: str) -> bool:
    """Whether a capitalised word may be a name's first word standing for it: not a word that opens sentences, a
    district's or the city's name, or a month."""
    return not (word in _NOT_ALONE or word.lower() in _NOT_NAME_OPENERS or is_district_word(word) or word in DISTRICT_WORDS
                or word in _CITY_AND_NATION or word.lower() in month_numbers())


def _named_in_full_before(ctx: Context, sentence_index: int, word: str) -> str | None:
    """The last firm or place of more than one word whose name opens with ``word``, named in the sentences before."""
    text, sentences = ctx.text, ctx.seg.sentences
    for index in range(sentence_index - 1, max(-1, sentence_index - _FURTHER_BACK), -1):
        if text.find(word + " ", sentences[index].start, sentences[index].end) < 0:
            continue  # (a look for the word spares finding the names of most sentences)
        full = [name for _, _, name in _sentence_names(ctx, index)
                if name.startswith(word + " ") and _head_type(name) in ("organization", "park", "institution")]
        if full:
            return full[-1]
    return None


_SHORT_NAME_OPENING = re.compile(r"\W*(?P<name>[A-Z][a-z]+)(?=[’']s\s+[a-z]|\s+(?!" + alternation("person_verbs") + r"\b)[a-z]+\b)")
# a one-word place ending the subject right before its verb: "the vacancy rate of offices in Changfeng stood at"
_SHORT_PLACE_THEN_VERB = re.compile(r"\b(?:in|at|within)\s+(?P<name>[A-Z][a-z]+)\s+(?:[a-z]+ed|" + alternation("figure_verbs") + r")\b")


@SUBJECT.rule(("Minhang District\n\nBy 2027, the Zizhu Science Park aims to:\n- host [500] high-tech firms;\n- raise output to 80 billion "
               "yuan.", "Zizhu Science Park"),
              ("Minhang District\n\nThe Hongqiao Smart Park will, by 2026:\n- add 40 labs;\n- raise its revenue to [12 billion yuan].",
               "Hongqiao Smart Park"),
              ("Minhang District\n\nIn 2026, the final year of this scheme, the Zizhu Science Park means to:\n- host [500] "
               "firms;\n- add 40 labs.", "Zizhu Science Park"),
              ("Minhang District\n\nBy 2026, the Zizhu Science Park hopes to:\n- lift its slice of the district's export "
               "earnings to [40 percent];\n- add 40 labs.", "Zizhu Science Park"))
def list_lead_subject(f: SubjectFigure):
    """An item of a list that names no one goes on about the subject of the line that leads the list in ('By 2027, the
    North Bund aims to:' over '- host 70 regional headquarters'): the name that opens that line."""
    lead = _list_lead(f.text, f.q.start)  # (asked first: a search of a line or two, where most figures are in no list)
    if not lead:
        return SKIP
    item = f.text[max(f.sentence.start, f.text.rfind("\n", 0, f.q.start) + 1):f.q.start]  # the item's words before the figure
    if _entity_names(item) or DISTRICT_MENTION.search(item) or (_TOPIC_CHANGE.search(item) and not _ITS_WORD.search(item)):
        return SKIP  # "- lift services to 70 percent of the district's tax take": the district's (but "its share
        # of the district's tax take" is the lead's subject's)
    return _opening_name(lead) or _opening_name(_SUBJECT_LEAD.sub("", lead, count=1)) or SKIP


_ITS_WORD = re.compile(r"\b" + alternation("possessive_pronouns", case="either") + r"\b")


def _list_lead(text: str, at: int) -> str | None:
    """The sentence that leads in the list whose item holds ``at``: the line before the items, ending in a colon (its last
    sentence)."""
    line_start = text.rfind("\n", 0, at) + 1
    for _ in range(_MOST_ITEMS):
        if not line_start or not _ITEM_START.match(text, line_start - 1):
            return None
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous:line_start - 1].strip()
        if line.endswith(":"):
            return re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)[-1]  # its last sentence: "Li said .... By 2027, the park aims to:"
        line_start = previous
    return None


_MOST_ITEMS = 12  # items of a list looked back over for its lead-in line


@SUBJECT.rule(('"We expect the number of staff based on the Pearl Island to reach [30,000] by 2028," Wang said.', "Pearl Island"),
              ("The town plans to lift the number of tenants in the Maple Tech Park to [400].", "Maple Tech Park"),
              cues=("number",))
def number_in_a_place(f: SubjectFigure):
    """The number of things or people in a named place ('the number of staff based on the North Bund to reach
    150,000', 'the number of firms in the Zizhu Science Park to 600') is the place's figure, whoever expects or raises it."""
    clause_start = max(f.ctx.seg.clause_bounds(f.q.start)[0], f.sentence.start)
    m = _NUMBER_IN.search(f.text, clause_start, f.q.start) if "number" in f.head else None
    if m is None:
        return SKIP
    rest = f.text[m.end():f.q.start]
    names = _entity_names(rest)
    return names[0][2] if names and names[0][0] == 0 and _TO_THE_FIGURE.fullmatch(rest, names[0][1]) else SKIP


# "the number of people working on the", "the number of firms in"
_NUMBER_IN = re.compile(r"\bnumber\s+of\s+(?:[a-z][\w-]*\s+){1,4}?(?:in|on|at|within)\s+(?:the\s+)?")
# what follows the place up to the figure: its verb or "to" ("... the North Bund to reach", "... the park to")
_TO_THE_FIGURE = re.compile(r"\s+(?:to|will|would|is|was|has|had|rose|grew|reached|hit|stood)\b[^,;]{0,30}")


@SUBJECT.rule(("The [312] licensed makers in the Zizhu Science Park produced goods worth 52 billion yuan.", "Zizhu Science Park"),
              ("The Nanda Smart City grew. In May, [830] people who work in the zone won residence permits.", "Nanda Smart City"),
              ("Baoshan District\n\nThe Yanghang Robot Park opened in 2019. Baoshan has 300 robot makers, [90] of them in the industrial park.",
               "Yanghang Robot Park"))
def counted_in_a_place(f: SubjectFigure):
    """A count that opens its clause's subject, of things or people in a named place ('The 312 licensed makers in the
    Zizhu Science Park produced ...', '830 people who work in the zone won ...'), is the place's figure."""
    text, q = f.text, f.q
    clause_start, clause_end = f.ctx.seg.clause_bounds(q.start)
    if not _FIGURE_OPENS.fullmatch(text, max(clause_start, f.sentence.start), q.start):
        return SKIP
    place = _COUNTED_IN.match(text, q.end, min(clause_end, f.sentence.end))
    if place is None:
        return SKIP
    rest = text[place.end():min(clause_end, f.sentence.end)]
    names = _entity_names(rest)
    if names and names[0][0] == 0 and _head_type(names[0][2]) in _PLACE_KINDS + (None,):
        return names[0][2]
    anaphor = _ANAPHOR.match(text, place.start("the"))
    if anaphor and anaphor["noun"].lower() in _ANAPHOR_TYPES and _ANAPHOR_TYPES[anaphor["noun"].lower()] == "park":
        return _antecedent(f.ctx, f.sentence_index, [anaphor["noun"].lower()]) or SKIP
    return SKIP


# a clause that opens with its figure: "The 312 ...", "In May, 830 ...", "About 500 ..."
_FIGURE_OPENS = re.compile(r"\W*(?:(?:[Tt]he|[Aa]ll)\s+)?(?:" + alternation("approximators", case="either") + r"\s+)?")
# the counted things, and where they are: "licensed makers in the", "people who work in the"
_COUNTED_IN = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,4}?(?:(?:who|that)\s+(?:[a-z]+\s+){1,3}?)?(?:in|at|within)\s+(?P<the>the\s+)")


def _subject_clause_start(head: str, start: int) -> int:
    """Where the clause whose subject may be ``head[start:]`` opens: :func:`_clause_start`, or after a report's verb ("Zhou
    added that in the first quarter the North Bund's tax revenue grew ...": the reported clause)."""
    clause_start = _clause_start(head, start)
    reported = _REPORTED_THAT.search(head, clause_start, start) if "that" in head else None
    return reported.end() if reported else clause_start


_REPORTED_THAT = re.compile(r"\b" + alternation("speech_verbs_said") + r"\s+that\s+")
# a time phrase that opens a clause before its subject: "in the first quarter of this year the North Bund's tax revenue"
_TIME_OPENING = re.compile(r"^\s*" + alternation("opening_time_prepositions", case="either") + r"\s+(?:[\w-]+\s+){0,5}?(?:"
                           + alternation("calendar_units") + r"|half|(?:19|20)\d\d)\b,?")


def _clause_start(head: str, start: int) -> int:
    """Where the clause of ``head[start:]`` opens: after the last comma, semicolon or colon before it; not a comma that
    groups digits ("The 90,000-square-meter depot of Kestrel Logistics" is one clause)."""
    at = max(head.rfind(",", 0, start), head.rfind(";", 0, start), head.rfind(":", 0, start))
    while at > 0 and head[at] == "," and head[at - 1:at].isdigit() and head[at + 1:at + 2].isdigit():
        at = max(head.rfind(",", 0, at), head.rfind(";", 0, at), head.rfind(":", 0, at))
    items = [m.start() for m in _ITEM_START.finditer(head, max(0, at), start)] if "\n" in head else []
    return max([at, *items]) + 1  # (or an item of a list: "...\n- The second phase of the X Park will ...")


# a clause's subject and its verb before the name: the name is the verb's object or where it happened
_VERB_BEFORE_NAME = re.compile(r"^(?:we|they)\s+[a-z]|\w\s+" + alternation("object_verb_markers") + r"\b")
_SIBLING_AFTER = re.compile(r"\s+(?:and|or)\s+(?:" + alternation("sibling_approximators") + r"\s+)?$")  # "X and about 8 others"
_NAME_GOES_ON = re.compile(r",\s*" + alternation("name_continuations") + r"\b")  # "X, with ...", "X, which ..."
_WHERE_THE_SUBJECT_IS = re.compile(r"\b" + alternation("site_prepositions") + r"\s+(?:the\s+)?$")
# the name owns the measure the figure gives: "... the Harbour City's yearly retail sales past"
_OWNS_THE_MEASURE = re.compile(r"[’']s\s+(?:[a-z][\w-]*\s+){1,4}?" + alternation("passing_prepositions") + r"\s+(?:" + alternation("approximators") + r"\s+)?")
# a relative clause inside the subject, before the name: "labs that have opened regional branches in the"
_RELATIVE_IN_SUBJECT = re.compile(r"(?<=[a-z])\s+(?:that|who)\s+.*$")
# the name ends the clause's subject: only its verb (and a preposition or article) comes before the figure; perhaps after
# where from and since when ("... to the West Bund from other cities since 2021 number 67"), perhaps with its object
# before "worth" or "of" ("... in the valley produced goods worth 52.6 billion yuan")
_VERB_THEN_FIGURE = re.compile(r"(?:\s+(?:from|since)\s+[^,;.]{1,40}?)?\s+(?:[a-z]+ed|" + alternation("figure_verbs") + r")(?:\s+[a-z]+\s+(?:worth|of))?"
                               r"(?:\s+" + alternation("figure_verb_particles") + r")*\s*$")


_CITY_OPENING = re.compile(
    # "..., below the city's 74 percent": the yardstick is the city's own figure
    r"\W*(?:" + alternation("degree_adverbs") + r"\s+)?(?:" + alternation("yardstick_leads") + r"\s+)?(?:(?:the\s+)?(?:Shanghai[’']s|" + alternation("city_scope_words") + r")\s+"
    # "Shanghai as a whole sold ...": the city as the clause's subject, whatever its verb
    r"|" + alternation("city_names") + r"\s+as\s+a\s+whole\s+(?=[a-z])"
    r"|" + alternation("city_names") + r"\s+(?=(?:now\s+|also\s+)?" + alternation("city_subject_verbs") + r"\b)"
    # "the charger count across Shanghai's car parks should reach ...": a measure of things in the city, the clause's subject
    r"|(?:[a-z][\w-]*\s+){1,4}(?:in|across)\s+" + alternation("city_names") + r"(?:[’']s\s+[a-z]+)?\s+(?=" + alternation("share_subject_verbs", "new_clause_verbs") + r"\b))",
    re.IGNORECASE)
# a clause that only appends a change to the figure before it ("..., an increase of 5 percent"): it has no
# subject of its own, so it keeps that of the clause it follows
_APPENDED_CLAUSE = re.compile(r"\W*(?:an?\s+(?:" + alternation("yearly_words") + r"\s+)?" + alternation("appended_change_nouns") + r"\s+of"
                              r"|up|down|from)\b", re.IGNORECASE)  # (or its base: "..., from 426 a year earlier")
# a clause that is only a figure set beside the one before ("..., about a fifth of the national total"): no subject of its own
_APPOSED_FIGURE = re.compile(r"\W*(?:" + alternation("approximators") + r"\s+)?", re.IGNORECASE)


@SUBJECT.rule(("In 2023, the city's GDP reached [4.7 trillion yuan].", "Shanghai"),
              ("Shanghai as a whole posted retail sales of 1.9 trillion yuan, an increase of [4 percent].", "Shanghai"),
              ("Jiading sold 3,000 cars. Shanghai as a whole sold [21,000] new energy vehicles in May.", "Shanghai"),
              ("Putuo grew fast, and the city as a whole has more than [21,000] listed tech firms.", "Shanghai"),
              ("Shanghai as a whole sold 21,000 new energy vehicles in May, about [a tenth] of the national total.", "Shanghai"),
              ("Under a city plan, the number of labs in Shanghai's universities is to reach 900 by 2027, from [610] in 2023.",
               "Shanghai"),
              cues=key_words(word_lists("grammar")["city_names"], ["citywide"]))  # ("city-wide": "city")
def city_total(f: SubjectFigure):
    """'Shanghai's', 'the city's', 'citywide' before the figure in its clause, 'the city' or 'Shanghai (as a whole)'
    as its clause's subject, or a measure of things in the city as its subject ('the number of labs in Shanghai's
    universities is to reach'): a city total (not 'Shanghai's Hongkou District'); a change appended to it (', an
    increase of 5 percent'), its base (', from 610 in 2023') or a figure set beside it (', about a tenth of the national
    total') is the city's too."""
    text, q, seg = f.text, f.q, f.ctx.seg
    clause_start, _ = seg.clause_bounds(q.start)
    while clause_start > f.sentence.start and (_APPENDED_CLAUSE.match(text, clause_start, q.start)
                                                or _APPOSED_FIGURE.fullmatch(text, clause_start, q.start)):
        clause_start, _ = seg.clause_bounds(clause_start - 2)
    city = _CITY_OPENING.match(text, clause_start, q.start)
    if city and not is_district_word(text[city.end():q.start].split(" ", 1)[0]):
        return "Shanghai"
    return SKIP


_CITY_TOTAL_OF = re.compile(r"\b" + alternation("city_names") + r"[’']s\s+" + alternation("whole_nouns") + r"\s+of\s+(?:"
                            + alternation("loose_approximators") + r"\s+)?$")


@SUBJECT.rule(("Spanning [1.48 square kilometers], Xuhui Riverside hosts 300 firms.", "Xuhui Riverside"))
def participle_opening(f: SubjectFigure):
    """A participle clause that opens the sentence ('Spanning 1.48 square kilometers, ...') describes the main clause's
    subject: its figures are of the name that opens the main clause."""
    text, q, sentence = f.text, f.q, f.sentence
    opening_end = f.ctx.seg.clause_bounds(sentence.start)[1]
    if _PARTICIPLE_OPENING.match(text, sentence.start, q.start) and q.start < opening_end:
        main = text[opening_end + 1:sentence.end]
        named = leading_name(main, 1)
        if named:
            return named
        f.head = main
    return SKIP


def _anaphors(f: SubjectFigure) -> list:
    """The anaphors of the head ("the park", "the science city"; "the city" alone is Shanghai, above)."""
    head = f.head
    anaphors = [m for m in _ANAPHOR.finditer(head) if m["noun"].lower() in _ANAPHOR_TYPES
                and (m["noun"].lower() != "city" or len(m.group(0).split()) > 2)
                and m.end() == m.end("noun")  # "the projects": many things, which no one name stands for
                and m["noun"][0].islower()]  # "the Bay Area Biopharma Harbor": a name's first word, not an anaphor
    if anaphors and _DISTRICT_SUBJECT.match(head):
        # "The district will invest 200 billion yuan in the new city, including 52 billion ...": where it invests, not whose
        anaphors = [m for m in anaphors if not _PLACE_PREPOSITION.search(head, max(0, m.start() - 8), m.start())]
    f.nouns = [m["noun"].lower() for m in anaphors]
    return anaphors


@SUBJECT.rule(("Jiading grew fast. Foreign capital in Pudong grew, and the area attracted [58] regional headquarters.", "Pudong"),
              ("Pudong grew. The Lingang Special Area grew too. The new area completed [2,100] housing projects.", "Pudong",
               "2023-08-22"),
              ("Chongming District\n\nThe Flower Expo Park drew 2 million visits. Forest coverage on the island reached [30.4 percent].",
               "Chongming"), cues=_ANAPHOR_TYPES)
def district_of_anaphor(f: SubjectFigure):
    """An anaphor ('the area') after a district's name in the sentence, with no other name between, points back to
    that district; what the district itself is ('the new area' for Pudong New Area, 'the island' for Chongming) is the
    district, in its own text, unless the sentence before named a thing with that word ('Changxing Island')."""
    anaphors = _anaphors(f)
    own = [n for n in _DISTRICT_OWN_NOUNS.get(f.ctx.district or "", ())
           if any(" ".join(m.group(0).lower().split()[-len(n.split()):]) == n for m in anaphors)]
    if own and not _named_with_words(f.ctx, f.sentence_index, own):
        return f.ctx.district
    # only a noun a district may be called by points back to one: "the area", not "the valley" ("Fengxian aims to lift
    # the valley's output value ...": the valley named before)
    district_like = anaphors and anaphors[0]["noun"].lower() in _DISTRICT_ANAPHORS
    mentioned = list(DISTRICT_MENTION.finditer(f.head, 0, anaphors[0].start())) if district_like else []
    if mentioned and not _entity_names(f.head[mentioned[-1].end():anaphors[0].start()]):
        return _DISTRICT_CANONICAL[mentioned[-1].group(0)]
    return SKIP


@SUBJECT.rule(("Minhang's Smart Tower houses 68 firms. Its occupancy rate reached [95%].", "Smart Tower"),
              ("Minhang's Smart Tower houses 68 firms. Its rents rose, and the offices along it reached [95%] occupancy.", "Smart Tower"),
              ("The Shanghai Arch paid 10 billion yuan in tax last year. As of July, its tax revenue had exceeded [9 billion yuan].",
               "Shanghai Arch"),
              ("In 2026, the first phase of the Nanxiang Science Town will be completed. It is expected to house [150] labs.",
               "Nanxiang Science Town"),
              ("Fengjing, the old canal town in the district's south, drew 2.1 million visitors. Its ticket revenue rose by "
               "[3.4 million yuan].", "Fengjing"),
              ("The Silver Lake Valley is the town's pride. It has gathered 800 firms. Its output value reached [21.4 billion "
               "yuan].", "Silver Lake Valley"),
              ("One tenant, Brightloop, makes battery cells. Founded with [9] staff in 2016, it now has 350 workers.", "Brightloop"),
              ("The delta belt covers seven cities. Within Jinshan, the Marine Robotics Industrial Park has attracted 52 "
               "companies since it opened; its output value was [2.9 billion yuan].", "Marine Robotics Industrial Park"),
              ("Hongqiao Town plans to expand. A new report explains how the town, home to 120,000 people, will build schools. Its "
               "output is expected to reach [60 billion yuan] by 2028.", "Hongqiao Town"),
              ("Kestrel Robotics opened a plant in May. Since 2015, Kestrel has filed 800 patents. Its arms are used by [7] carmakers.",
               "Kestrel Robotics"),
              cues=word_class("subject_pronouns") | word_class("possessive_pronouns"))
def previous_sentence_subject(f: SubjectFigure):
    """A sentence opened by 'Its' or 'It' goes on about the previous sentence's subject: the name that opened it (with
    or without an aside saying what it is), or what its own opening anaphor points to; else the one place that sentence
    speaks of ('The plan sets out how the new town ... will add jobs. Its GDP ...')."""
    head, sentence_index, sentence, text = f.head, f.sentence_index, f.sentence, f.text
    if f.nouns or not (_ITS_OPENING.match(head) or _IT_SUBJECT.match(head)):
        return SKIP
    if f.before_join:  # "... Park has attracted 86 companies since it opened in 2023; its output value was ...": the clause before
        subject = _SUBJECT_LEAD.match(f.before_join)
        named = leading_name(f.before_join, 3) or (subject and leading_name(f.before_join[subject.end():], 1))
        if named:
            return named
    if not sentence_index:
        return SKIP
    joined = _JOINED_CLAUSE_SUBJECT.search(head)
    if joined and not _PRONOUN_GOES_ON.match(head, joined.end() - 1) and (
            _SECTOR.search(head, joined.end()) or _TOPIC_CHANGE.search(f.text, sentence.start + joined.end(), f.ctx.seg.clause_bounds(f.q.end)[1])):
        return SKIP  # "Its sales doubled, and the beauty sector made up one-fifth of the district's output": a sector's share
        # (not "Its sales reached 40 billion yuan, and it opened 75 flagship stores in the city": "it" goes on)
    previous = _sentence_gone_on_about(f.ctx, sentence_index)
    if previous is None:
        return SKIP
    subject = _SUBJECT_LEAD.match(text, previous.start, previous.end)  # "In 2025, the first phase of the X Park will ..."
    named = (leading_name(text[previous.start:previous.end], 3) or (subject and leading_name(text[subject.end():previous.end], 1))
             or (aside_name(text, previous.start, previous.end) or ("",))[0]  # "Fengjing, the canal town in the south, ..."
             or (_short_name_subject(f.ctx, f.ctx.seg.index_at(previous.start)) or ("",))[0])  # "Tianyi has filed 1,300 patents."
    if named:
        return named
    opening = _opening_anaphor(text, previous, subject.end() if subject else None)
    if opening:
        return _antecedent(f.ctx, sentence_index - 1, opening[:1]) or f.ctx.district
    return _one_place_spoken_of(f.ctx, sentence_index - 1) or SKIP


def _one_place_spoken_of(ctx: Context, index: int) -> str | None:
    """The one place sentence ``index`` speaks of when it opens on neither a name nor an anaphor ("The plan sets out how
    the new town, home to 1.1 million people, will grow."): what "the new town" points back to; not "the city's", "the
    area" (the city or the district itself), nor in a sentence opened by the district."""
    text, sentence = ctx.text, ctx.seg.sentences[index]
    places = {m["noun"].lower() for m in _ANAPHOR.finditer(text, sentence.start, sentence.end)
              if _ANAPHOR_TYPES.get(m["noun"].lower()) in ("park", "project") and m.end() == m.end("noun") and m["noun"][0].islower()
              and m["noun"].lower() not in _DISTRICT_LIKE}
    if len(places) != 1 or DISTRICT_MENTION.match(text, sentence.start, sentence.end):
        return None
    return _antecedent(ctx, index, sorted(places))


_PRONOUN_GOES_ON = re.compile(alternation("subject_pronouns") + r"\s")  # "..., and it hosted": the same subject


def _sentence_gone_on_about(ctx: Context, sentence_index: int):
    """The sentence of the paragraph whose subject an 'It' or 'Its' goes on about: the one before, or, when that one goes
    on with 'It' itself, the one before it ("The Oriental Beauty Valley is the district's brand. It has gathered 3,000
    firms. Its output reached ...")."""
    sentences = ctx.seg.sentences
    sentence, previous = sentences[sentence_index], sentences[sentence_index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    text = ctx.text
    if sentence_index > 1 and (_ITS_OPENING.match(text, previous.start, previous.end) or _IT_SUBJECT.match(text, previous.start, previous.end)):
        earlier = sentences[sentence_index - 2]
        if earlier.paragraph == sentence.paragraph:
            return earlier
    return previous


def _opening_anaphor(text: str, previous, after_lead: int | None) -> list[str]:
    """The nouns of an anaphor that opens a sentence, or that follows its opening time phrase ("In the first half of
    2022, the cluster's sales rose ...")."""
    for at in (previous.start, after_lead):
        if at is None:
            continue
        opening = [m["noun"].lower() for m in _ANAPHOR.finditer(text, at, min(previous.end, at + 30)) if m["noun"].lower() in _ANAPHOR_TYPES]
        if opening:
            return opening
    return []


@SUBJECT.rule(("The Jiading New City Park opened in 2019. The park now hosts [120] firms.", "Jiading New City Park"),
              ("Walk along Songhu Road and you reach the Fudan Innovation Campus. The campus covers [40,000 square meters].",
               "Fudan Innovation Campus"),
              ("One tenant, Deepmap, makes lidar sensors. The company raised [300 million yuan] in May.", "Deepmap"),
              ("Another start-up, DeepBlue Robotics, makes robots. The firm raised [300 million yuan] in March.", "DeepBlue Robotics"),
              ("The Jade Valley hosts 200 firms. Putuo wants to raise the valley's sales to [50 billion yuan].", "Jade Valley"),
              ("The Nanqiao New City section of the Fengxian Demonstration Zone opened in May. The new city has built [5,000] homes "
               "since 2021.", "Nanqiao New City"),
              ("The zone has drawn 90 firms. One of them, Kestrel Materials, opened a plant in May. The plant employs about [300] "
               "workers.", "Kestrel Materials"),
              cues=_ANAPHOR_TYPES)
def antecedent(f: SubjectFigure):
    """An anaphor ('the park', 'the zone') points to the last name of its type before it."""
    return _antecedent(f.ctx, f.sentence_index, f.nouns) or SKIP


@SUBJECT.rule(("Over 800 firms have moved to the North Bund; the fintech companies there employ some [9,000] people.", "North Bund"),
              ("The Zizhu Science Park opened in 2001. Companies based there filed [1,300] patent applications.", "Zizhu Science Park"),
              ("Xuhui District\n\nThe West Bund is the district's showcase. Its core area drew 40% of the district's investment. "
               "Since 2019, [18] towers there have been completed.", "West Bund"),
              cues=("there",))
def there_points_back(f: SubjectFigure):
    """'There' after a noun in the figure's clause ('the AI companies there', 'companies based there') points back to
    the place last named, in the sentence before the clause or in the sentence before: the figure is that place's."""
    text = f.text
    clause_start = f.ctx.seg.clause_bounds(f.q.start)[0]
    there = _THERE.search(text, max(clause_start, f.sentence.start), f.q.start) or _THERE_AFTER.match(text, f.q.end, f.sentence.end)
    if there is None:
        return SKIP
    places = [name for start, _, name in _entity_names(text[f.sentence.start:there.start()]) if _head_type(name) in _PLACE_KINDS]
    if not places and f.sentence_index and f.ctx.seg.sentences[f.sentence_index - 1].paragraph == f.sentence.paragraph:
        places = [name for _, _, name in _sentence_names(f.ctx, f.sentence_index - 1) if _head_type(name) in _PLACE_KINDS]
        gone_on = _sentence_gone_on_about(f.ctx, f.sentence_index) if not places else None
        if gone_on is not None:  # "The North Bund is ... Its core area ... Since 2018, 27 towers there ...": what "Its" went on about
            places = [name for _, _, name in _sentence_names(f.ctx, f.ctx.seg.index_at(gone_on.start)) if _head_type(name) in _PLACE_KINDS]
    return places[-1] if places else SKIP


# the things a figure counts, there: "12 new apartment blocks there have been finished"
_THERE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,3}\s+there\s+(?=(?:are|were|have|had)\s+(?:been|[a-z]+ed)\b)")
# "companies based there", "27 towers there have been completed"; not "..., and there are 20 firms" ("there" as a subject)
_THERE = re.compile(r"\b[a-z]+\s+there\b(?!\s+(?:is|are|was|were|will|has|have|had)\b)"
                    r"|\b(?!" + alternation("there_non_nouns") + r"\s)[a-z]+s\s+there\s+(?=(?:are|were|have|had)\s+(?:been|[a-z]+ed)\b)")
_PLACE_KINDS = ("park", "project", "institution")


@SUBJECT.rule(("The Fudan Innovation Campus opened in 2012. About [9,000] people work on the campus.", "Fudan Innovation Campus"),
              ("The Zizhu Science Park opened in 2001. Offices lease at [30%] below the market average, which keeps the park "
               "attractive.", "Zizhu Science Park"), cues=_ANAPHOR_TYPES)
def anaphor_after_figure(f: SubjectFigure):
    """A clause that names no one before its figure but points back to a place or firm after it ('About 9,000 people
    work on the campus', '... 30% below the average, which keeps the park attractive') is about that place or firm."""
    if f.names is None:
        f.names = _entity_names(f.head)
    if f.names or f.nouns or (not _TOPIC_CHANGE_WORDS.isdisjoint(f.sentence_words) and _TOPIC_CHANGE.search(f.head)) \
            or DISTRICT_MENTION.search(f.head):
        return SKIP
    text, end = f.text, f.ctx.seg.clause_bounds(f.q.end)[1]
    if _WHICH_GOES_ON.match(text, end, f.sentence.end):
        end = f.ctx.seg.clause_bounds(_WHICH_GOES_ON.match(text, end).end())[1]
    after = text[f.q.end:min(end, f.sentence.end)]
    if _TOPIC_CHANGE.search(after) or DISTRICT_MENTION.search(after):
        return SKIP
    nouns = [m["noun"].lower() for m in _ANAPHOR.finditer(after) if m["noun"].lower() in _ANAPHOR_TYPES and m.end() == m.end("noun")
             and m["noun"][0].islower() and _ANAPHOR_TYPES[m["noun"].lower()] != "event" and m["noun"].lower() != "city"
             and not _PARTICIPLE_BEFORE.search(after, 0, m.start())]  # "a cycling loop linking the park with ...": the loop's
    return (_antecedent(f.ctx, f.sentence_index, nouns[:1]) or SKIP) if nouns else SKIP


_WHICH_GOES_ON = re.compile(r",\s*which\s")
_PARTICIPLE_BEFORE = re.compile(r"\b[a-z]+ing\s+$")
_ITEM_START = re.compile(r"\n[ \t]*(?:[-•*·▪]|\(?\d{1,2}[.)])\s")  # a line that opens an item of a list


@SUBJECT.rule(("Carbon Valley Green Bay Industrial Park embarked on transformations in 2016. By 2022, [79] companies underwent "
               "transformations.", "Carbon Valley Green Bay Industrial Park"),
              ("Minhang District\n\nThe Zizhu Science Park turns 20. The park is growing. A new phase of [50,000 square meters] "
               "is under construction.", "Zizhu Science Park"),
              ("Baoshan District\n\nThe Nanda Smart City opened in 2019. Nanda's output grew 9 percent last year. Industrial "
               "investment reached [8.7 billion yuan].", "Nanda Smart City"),
              ("Chongming District\n\nZhuqiao, an old canal town, drew 2 million visits. Spending per visitor averaged [310 yuan].",
               "Zhuqiao"))
def topic(f: SubjectFigure):
    """A sentence that names no one goes on about the name the previous sentence opened with (perhaps with an aside
    saying what it is: 'Zhuqiao, an old canal town, drew ...'); not one that opens by
    introducing a new thing ('A 120,000-square-meter park for start-ups will ...', 'A further 30 projects ...'), nor one about a sector
    ('the new materials industry', a sector total stays with the district), not one that opens on a total of a whole
    area's economy ('Foreign trade totaled ...', 'Retail sales grew ...': the measures a district reports of itself), nor
    one that opens on another line of business's output ('Output of tea machinery rose ...': the district's), and
    not one whose clause names the district or the city after the figure ('36.8% of the district's output')."""
    if f.names is None:
        f.names = _entity_names(f.head)
    # (each pattern is tried only where a word it needs is in the sentence: their alternations are slow to fail)
    if f.names or (not _SECTOR_WORDS.isdisjoint(f.sentence_words) and _SECTOR.search(f.head)):
        return SKIP
    if not _AREA_TOTAL_WORDS.isdisjoint(f.sentence_words) and _AREA_TOTAL_OPENING.match(f.text, f.sentence.start, f.q.start):
        return SKIP  # "The airport handled 42 million passengers. Foreign trade totaled ...": the district's total again
    if _INDEFINITE_OPENING.match(f.text, f.sentence.start, f.q.start):
        return SKIP  # "The X Center will be completed in 2024. A 120,000-square-meter park for start-ups will ...": a new thing
    if _PRODUCT_OUTPUT_OPENING.match(f.text, f.sentence.start, f.q.start):
        return SKIP  # "The X cluster produced ... Output of new energy vehicle parts grew ...": another line's, the district's
    seg = f.ctx.seg
    _, clause_end = seg.clause_bounds(f.q.end)
    if not _TOPIC_CHANGE_WORDS.isdisjoint(seg.words(seg.index_at(f.q.end))) and _TOPIC_CHANGE.search(f.text, f.q.end, clause_end):
        return SKIP
    return _topic(f.ctx, f.sentence_index, f.head, f.sentence_words) or SKIP


@SUBJECT.rule(('Minhang District\n\nThe Maple Campus opened in 2014. "Costs were low," said Wang Lei, head of the campus '
               'management firm. "Now the occupancy rate is [94.6%]."', "Maple Campus"),
              ("Minhang District\n\nDeepmap Bio, a gene-editing start-up, employs 260 people. \"Nearly [80 percent] of our staff are "
               "graduates,\" said its founder, Gu Hang.", "Deepmap Bio"),
              ("\"Investment rose by [12 percent],\" said Li Hua, director of the Minhang District Commerce Commission.", "Minhang"),
              ("Minhang District\n\nThe Zizhu Park covers 13 square kilometers.\n\n\"We expect to hit [120 billion yuan] next year,\" "
               "said Xu Feng, the park's general manager.", "Zizhu Park"),
              ("\"Now we have [210] people,\" said Zhao Min, founder of Kangyuan Biotech.", "Kangyuan Biotech"),
              ("Minhang District\n\nThe Lotus Island hosts AI firms.\n\n\"The island produced 3 billion yuan of revenue. More than "
               "[40 percent] of its staff work for AI firms,\" said Li Hua, director of the Zizhu Science City office.", "Lotus Island"))
def speaker_in_quote(f: SubjectFigure):
    """A figure inside a quotation that names no one is of whom its speaker speaks for: the firm or place of the
    speaker's title ('said Li Hua, general manager of the campus operator', 'said its founder'), or the district for one
    of its offices."""
    sentence = f.sentence
    seg, text = f.ctx.seg, f.text
    near = seg.sentences[f.sentence_index - 1].start if f.sentence_index else sentence.start
    if text.find('"', near, f.q.start) < 0 and text.find("“", near, f.q.start) < 0:
        return SKIP  # a quotation opens in the figure's sentence or the one before: most figures are in none
    first, last = _paragraph_of(seg.sentences, f.sentence_index)
    start, end = seg.sentences[first].start, seg.sentences[last].end
    if not _in_quote(text, start, f.q.start):
        return SKIP
    if f.names is None:
        f.names = _entity_names(f.head)
    if f.names or DISTRICT_MENTION.search(f.head):
        return SKIP
    quoted_before = _quoted_topic(f.ctx, f.sentence_index, start)
    if quoted_before:
        return quoted_before  # '"The port handled 21 billion yuan of trade ... Over half of that came from ..."'
    speakers = list(_SPEAKER.finditer(text, start, end))
    # the quotation's own attribution: the first after the figure ('"...," said X'), else the last before it
    said = next((m for m in speakers if m.start() > f.q.start), speakers[-1] if speakers else None)
    if said is None:
        return _reported_topic(f.ctx, first) or SKIP
    if said["owner"]:  # "said its founder": the name the paragraph opened with
        opening = text[start:seg.sentences[first].end]
        return leading_name(opening, 1) or (aside_name(opening, 0, len(opening)) or (None,))[0] or SKIP
    return _speaker_for(f.ctx, seg.index_at(said.start()), said["org"] or said["possessor"]) or SKIP


def _paragraph_of(sentences: list, index: int) -> tuple[int, int]:
    """The indexes of the first and last sentences of the paragraph that sentence ``index`` is in."""
    paragraph = sentences[index].paragraph
    first = last = index
    while first and sentences[first - 1].paragraph == paragraph:
        first -= 1
    while last + 1 < len(sentences) and sentences[last + 1].paragraph == paragraph:
        last += 1
    return first, last


def _reported_topic(ctx: Context, first: int) -> str | None:
    """What the paragraph's opening report is about, when it opens 'Ma said the center will keep expanding.' before the
    speaker's own words: the name or what the anaphor points back to ('"We still have 1.2 million square meters ..."')."""
    sentence = ctx.seg.sentences[first]
    m = _REPORTED.match(ctx.text, sentence.start, sentence.end)
    if m is None:
        return None
    rest = ctx.text[m.end():sentence.end]
    named = leading_name(rest, 1)
    if named:
        return named
    anaphor = _ANAPHOR.match(rest)
    noun = anaphor["noun"].lower() if anaphor else ""
    return _antecedent(ctx, first, [noun]) if noun in _ANAPHOR_TYPES and _ANAPHOR_TYPES[noun] != "event" else None


# "Ma said the center will ...", "Wang Li said that the park would ...": a report of what a speaker said about a thing
_REPORTED = re.compile(r"\W*[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+" + alternation("speech_verbs_said") + r"\s+(?:that\s+)?(?=the\s|[A-Z])")
_SPEECH = alternation("speech_verbs_said")
# who said it, and whom the title names: 'said Zhou Hanlin, general manager of the campus operator', 'said its founder, Gu Hang'
_SPEAKER = re.compile(r"\b" + _SPEECH + r"\s+(?:(?P<owner>its|their)\s+" + alternation("person_titles") + r"\b|"
                      r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3},\s+(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                      + alternation("person_titles") + r"\s+(?:of|with|at)\s+(?P<org>[^,.;“”\"]{3,80})"
                      # "said Xu Feng, the park's general manager"
                      r"|(?P<possessor>(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*){0,4}[’']s)\s+(?:[\w-]+\s+){0,2}?" + alternation("person_titles") + r"\b))")


def _quoted_topic(ctx: Context, sentence_index: int, paragraph_start: int) -> str | None:
    """What the sentence before, in the same quotation, opened on: a name, or an anaphor's antecedent."""
    if not sentence_index:
        return None
    previous = ctx.seg.sentences[sentence_index - 1]
    if previous.start < paragraph_start or not _in_quote(ctx.text, paragraph_start, previous.start + 1):
        return None
    named = _opening_name(ctx.text[previous.start:previous.end])
    opening = [] if named else [n for n in _opening_anaphor(ctx.text, previous, None) if _ANAPHOR_TYPES[n] != "event"]
    return named or (_antecedent(ctx, sentence_index - 1, opening[:1]) if opening else None)


_PROPER_ORG = re.compile(r"(?:the\s+)?([A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,4})\s*$")
_GOVERNMENT_HEADS = {"Commission", "Bureau", "Committee", "Office", "Ministry", "Government", "Council", "Administration",
                     "Department"}


def _in_quote(text: str, start: int, at: int) -> bool:
    """Whether ``at`` is inside a quotation opened since ``start`` (straight quotes counted, curly ones paired)."""
    if text.rfind("“", start, at) > text.rfind("”", start, at):
        return True
    return text.count('"', start, at) % 2 == 1


def _speaker_for(ctx: Context, sentence_index: int, org: str) -> str | None:
    """Whom a speaker's title of ``org`` speaks for: the district for a district office, the name, or what 'the campus
    operator' points back to."""
    if DISTRICT_MENTION.search(org) or re.search(r"\bdistrict\b", org, re.IGNORECASE):
        return ctx.district
    # an office of government speaks for no firm or place of its own ("the Shanghai Municipal Commission of Commerce")
    names = [name for _, _, name in _entity_names(org) if _NAME_TAIL.sub("", name).split()[-1] not in _GOVERNMENT_HEADS]
    if names:
        return names[0]
    if _entity_names(org):
        return None
    proper = _PROPER_ORG.match(org)  # "founder of Kangyuan Biotech": a firm's own name, with no head word
    if proper and not is_district_word(proper[1].split()[0]) and proper[1] not in _CITY_AND_NATION:
        return proper[1]
    nouns = [m["noun"].lower() for m in _ANAPHOR.finditer(org) if m["noun"].lower() in _ANAPHOR_TYPES and m.end() == m.end("noun")]
    return _antecedent(ctx, sentence_index, nouns[:1]) if nouns else None


_SECTOR = re.compile(r"\b" + alternation("sector_nouns") + r"\b", re.IGNORECASE)
# a sentence opening (after a time phrase) on a total of a whole area's economy, with no possessive before it
_AREA_TOTAL_OPENING = re.compile(r"\W*(?:" + alternation("opening_time_prepositions", case="capitalised") + r"\s+[^,]{1,40},\s+)?(?:"
                                 + alternation("area_total_measures", case="either")
                                 + r")\b(?!['’])")
_AREA_TOTAL_WORDS = key_words(word_lists("grammar")["area_total_measures"])
_SECTOR_WORDS = key_words(word_lists("grammar")["sector_nouns"])


@SUBJECT.rule(("Qiantan Business District draws banks\n\nBy Li Na | 2024-05-02\n\nBanks keep coming.\n\nUnder the plan, the number of "
               "headquarters is to reach [90] by 2026.", "Qiantan Business District"),
              ("Nanda smart city draws biotech firms\n\nBy Li Na | 2024-05-02\n\nThe Nanda Smart City of Baoshan hosts 300 firms.\n\n"
               "The target for next year is [450] firms.", "Nanda Smart City"),
              ("Action Plan of Minhang District for Building the Xinzhuang Science Bay (2024-2026)\n\nThe Xinzhuang Science Bay "
               "is home to 300 firms.\n\nTax paid last year came to [4 billion yuan].", "Xinzhuang Science Bay"),
              ("Action Plan of Minhang District for Building the Xinzhuang Science Bay (2024-2026)\n\nThe Xinzhuang Science Bay "
               "is home to 300 firms.\n\nEach firm moving to the Xinzhuang Science Bay may get up to [5 million yuan].",
               "Xinzhuang Science Bay"),
              ("Xinhai lifts its sights to [90 billion yuan] of output\n\nBy Li Na | 2024-05-02\n\nXinhai keeps growing.\n\n"
               "Exports from the Xinhai Science City rose 8 percent in the first half.\n\nNew homes will total 40,000 units.",
               "Xinhai Science City"),
              ("Xinhai lifts its sights\n\nBy Li Na | 2024-05-02\n\nXinhai keeps growing.\n\nFactory output in the Xinhai Science City "
               "rose 8 percent in the first half, the area's managers said. Its chip cluster grew [12 percent].", "Xinhai Science City"),
              ("Press Conference on the Development of Nanhe New City\n\nHost: Welcome.\n\nLi Ming: Thank you. Over the past "
               "two years we have brought in [900] firms.", "Nanhe New City"),
              ("Press Conference on Minhang's Action Plan for the Nanhe Creative Belt (2026-2028)\n\nHost: Welcome.\n\nLi Ming: "
               "By 2028, the belt will:\n- add 30 studios.\n\nLast year, 60 old warehouses covering [300,000 square meters] were "
               "renovated.", "Nanhe Creative Belt"),
              ("Lakeside innovation zone sets new goals\n\nBy Li Na | 2024-05-02\n\nQingpu is investing in the Dianshan Lakeside "
               "Innovation Zone, which opened in 2020.\n\nTree cover is to reach [30 percent] by 2027.",
               "Dianshan Lakeside Innovation Zone"),
              ("Three-Year Plan of Minhang for the Xinzhuang Science Bay\n\nSet up in 2019, the Xinzhuang Science Bay "
               "has 300 firms.\n\nThe district will open two more metro stations, and the night bus fleet is to "
               "grow to [40] buses.", "Xinzhuang Science Bay"))
def document_topic(f: SubjectFigure):
    """A text whose headline opens with a named place ('Qiantan Business District draws banks', or in lower case 'Nanda smart
    city draws ...', or by its first word 'Xinhai lifts its sights', or in common words with the name's head 'Lakeside
    innovation zone sets ...', where the lead names it in full) goes on about it: a
    figure whose sentence names no one but the place, neither the district nor the city, is the place's, and so is the
    headline's own, and one of a sentence that opens on 'its' after a sentence about the place alone. A headline that names
    a place later ('Press Conference on the Action Plan for the ... Belt') sets no topic; one that opens with a plan's
    name sets the place the plan is for, where the body speaks of it ('Action Plan of Minhang District for Building the
    Xinzhuang Science Bay' over 'The Xinzhuang Science Bay is home to ...'); a press conference's headline, the place
    it is on, or the one the plan it is on is for, and its speakers' 'we' speaks for that place."""
    topic = _headline_topic(f.ctx)
    if topic is None or f.sentence_index < _headline_end(f.ctx):
        return SKIP
    if f.sentence_index == _headline_end(f.ctx) and not _headline_opens_with(f.ctx, topic):
        return SKIP  # (the headline's own figure is the topic's only where the headline opens with it)
    if f.names is None:
        f.names = _entity_names(f.head)
    text, sentence = f.text, f.sentence
    if _ITS_OPENING.match(f.head) or _IT_SUBJECT.match(f.head):
        # "Pudong as a whole ... Its foreign trade reached ...": what the sentence before was about, the topic if that
        # sentence was about the topic alone
        return topic if f.sentence_index - 1 > _headline_end(f.ctx) and _about_the_topic(f.ctx, f.sentence_index - 1, topic) else SKIP
    names = [name for *_, name in f.names + _entity_names(text[f.q.end:sentence.end]) if name != topic]
    if names or (_names_a_wider_scope(f.ctx, f.sentence_index)
                 and not (f.ctx.memo.get("topic_speaks") and _only_we(f.ctx, f.sentence_index))
                 and not _own_clause_of_no_wider_scope(f)):
        return SKIP  # (a sentence that names the topic alone is still about it)
    return topic


def _own_clause_of_no_wider_scope(f: SubjectFigure) -> bool:
    """Whether the figure is in a clause of its own, joined by 'and' with a subject of its own, that names neither the
    district nor the city ('the district will open two metro stations, and the night bus fleet is to grow to 40 buses':
    the fleet goes on about the topic)."""
    joined = list(_AND_THE_CLAUSE.finditer(f.head))
    if not joined:
        return False
    rest = f.text[f.sentence.start + joined[-1].end():f.sentence.end]
    return not (DISTRICT_MENTION.search(rest) or _TOPIC_CHANGE.search(rest) or _CITY_WORDS.search(rest))


_AND_THE_CLAUSE = re.compile(r"(?:,\s+and|;)\s+(?=the\s+[a-z])")


def _only_we(ctx: Context, sentence_index: int) -> bool:
    """Whether the sentence's only word of a wider scope is the speakers' "we" ("We have brought in 2,000 companies",
    said at a press conference on a place by those who build it); found once a sentence, not once per figure."""
    memo = ctx.memo.setdefault("only_we", {})
    if sentence_index not in memo:
        sentence = ctx.seg.sentences[sentence_index]
        text = ctx.text[sentence.start:sentence.end]
        memo[sentence_index] = not (DISTRICT_MENTION.search(text) or _CITY_WORDS.search(text)) and all(
            m.group(0).lower() in _WE_WORDS for m in _TOPIC_CHANGE.finditer(text))
    return memo[sentence_index]


_WE_WORDS = word_class("first_person_plural")


def _about_the_topic(ctx: Context, sentence_index: int, topic: str) -> bool:
    """Whether a sentence names the topic and no one else, neither the district nor the city."""
    names = {name for *_, name in _sentence_names(ctx, sentence_index)}
    return names == {topic} and not _names_a_wider_scope(ctx, sentence_index)


def _headline_opens_with(ctx: Context, topic: str) -> bool:
    """Whether the headline opens with the topic, in full or by its first word ("Lingang sets sights on ...")."""
    title = title_of(ctx.text) or ""
    short = _SHORT_OPENING.match(title)
    return title.lower().startswith(topic.lower() + " ") or bool(short and short[1] == topic.split()[0])


def _names_a_wider_scope(ctx: Context, sentence_index: int) -> bool:
    """Whether the sentence names the district, the city or a change of topic (found once a sentence, in ``ctx.memo``)."""
    memo = ctx.memo.setdefault("wider_scope", {})
    if sentence_index not in memo:
        text, sentence = ctx.text, ctx.seg.sentences[sentence_index]
        memo[sentence_index] = bool(DISTRICT_MENTION.search(text, sentence.start, sentence.end)
                                    or _TOPIC_CHANGE.search(text, sentence.start, sentence.end)
                                    or _CITY_WORDS.search(text, sentence.start, sentence.end))
    return memo[sentence_index]


_CITY_WORDS = re.compile(r"\b(?:" + alternation("city_names") + "|" + alternation("city_scope_words") + r")\b", re.IGNORECASE)


def _headline_topic(ctx: Context) -> str | None:
    """The place a text's headline names as its topic (asked once a text): a park, zone, belt or center, written in full
    as the lead names it ("Xicen's lakeside labs ..." over "The Xicen Science and Innovation Center ...")."""
    if "headline_topic" in ctx.memo:
        return ctx.memo["headline_topic"]
    title = title_of(ctx.text) or ""
    conference = _CONFERENCE_ON.match(title)
    if conference:  # "News Briefing on the Building of a Port Town": what the conference is on
        ctx.memo["headline_topic"] = found = _topic_of_a_conference(ctx.text, conference["topic"])
        ctx.memo["topic_speaks"] = found is not None  # its speakers' "we" is the place's
        return found
    found = None
    for start, _, name in _entity_names(title):
        if title[:start].strip() not in ("", "The"):
            break  # the headline's subject: the name that opens it ("Qiantan Business District draws banks")
        if _PLAN_FOR.match(name):  # a plan is a document, not a place: its topic is the place it is for, or none
            ctx.memo["headline_topic"] = found = _place_of_plan(ctx.text, name)
            return found
        lead = [n for i in range(min(len(ctx.seg.sentences), _headline_end(ctx) + 4)) for _, _, n in _sentence_names(ctx, i)
                if n.startswith(name + " ")]
        name = lead[0] if lead and " " not in name else name
        if _head_type(name) in ("park", "institution"):
            found = name
            break
    ctx.memo["headline_topic"] = found = found or _headline_in_sentence_case(ctx, title)
    return found


# a plan's name ("Action Plan of Anbei District for Building the Riverside Bay", "Outline for Developing the Nanhu Science
# City"): a document's noun, then "for", perhaps a verb of making, and the place it is for
_PLAN_FOR = re.compile(r"^(?:[\w'’-]+\s+){0,4}?" + alternation("plan_title_nouns", case="capitalised") + r"\b.*?\s+for\s+"
                       r"(?:[A-Z][a-z]+ing\s+)?(?:the\s+)?(?P<place>[A-Z].*?)(?:\s+into\s+.*)?$")


# a press conference's headline, up to what it is on: "Text of the News Briefing on the Building of ..."
_CONFERENCE_ON = re.compile(r"^(?:Transcript\s+of\s+)?(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){0,5}?(?:Press|News)\s+(?:Conference|Briefing)\s+on\s+"
                            r"(?:the\s+)?(?:" + alternation("process_nouns", case="capitalised") + r"\s+of\s+(?:the\s+)?)?(?P<topic>.+)$")


def _topic_of_a_conference(text: str, topic: str) -> str | None:
    """The place a press conference is on ("... on the Construction of Xinhai New City"), or the place the plan it is on
    is for ("... on Putuo's Action Plan for the Nanhe Creative Belt", where the body names the belt); none for a plan
    for an industry ("... on the Action Plan for Intelligent Vehicles")."""
    topic = re.split(r"\s*\(", topic, maxsplit=1)[0].strip()
    if _PLAN_FOR.match(topic):
        return _place_of_plan(text, topic)
    names = _entity_names(topic)
    return names[0][2] if names and names[0][0] == 0 and _head_type(names[0][2]) in ("park", "institution") else None


def plan_place(text: str) -> str | None:
    """The place a plan named in the headline is for (:func:`_place_of_plan`), if the headline opens with a plan's name:
    whose figures a plan's tables list, where no caption says."""
    title = title_of(text) or ""
    first = next(iter(_entity_names(title)), None)
    if first is None or title[:first[0]].strip() not in ("", "The") or not _PLAN_FOR.match(first[2]):
        return None
    return _place_of_plan(text, first[2])


def _place_of_plan(text: str, name: str) -> str | None:
    """The place a plan in the headline is for ("Action Plan of Anbei District for Building the Riverside Bay into ..."),
    when its body goes on to speak of that place by name or by its head word ("The Riverside Bay covers ...", "the bay will
    strive to:"): the plan's figures are the place's. A place the body never names again is no topic: "... for Building the Core
    Area of the Xin'an Corridor" over "build Anbei into the corridor's core area" speaks of the district itself."""
    place = _PLAN_FOR.match(name)["place"]
    if _head_type(place) not in ("park", "institution") or DISTRICT_MENTION.match(place):
        return None
    body = text[text.find(name) + len(name):]
    head = re.split(r"\s+of\s+", place, maxsplit=1)[0].rsplit(" ", 1)[-1].lower()  # "the belt" for the "Nanhe Creative Belt"
    named = re.search(r"(?<![\w-])" + re.escape(place) + r"(?![\w-])(?!\s+[A-Z])|\b[Tt]he\s+" + re.escape(head) + r"\b", body)
    return place if named else None


def _headline_in_sentence_case(ctx: Context, title: str) -> str | None:
    """A headline may write the name it opens with in lower case after its first word ("Lingang special area lures
    chipmakers" over "The Lingang Special Area of the ... Zone"): the lead's park or zone whose name the headline opens with,
    letter for letter but for case."""
    if not title[:1].isupper() or is_district_word(title.split(" ", 1)[0]):
        return None
    opening = title.lower()
    word = _SHORT_OPENING.match(title)  # "Lingang sets sights on ...": a place called by its first word, its verb after
    word = word[1] if word and word[1] not in _CITY_AND_NATION and word[1].lower() not in _STOPWORDS else None
    described = _DESCRIBED_OPENING.match(title)  # "Harbour science zone sets sights ...": the lead's zone, described
    lead = [n for i in range(min(len(ctx.seg.sentences), _headline_end(ctx) + 4)) for _, _, n in _sentence_names(ctx, i)]
    return next((n for n in lead if " " in n and (opening.startswith(n.lower() + " ") or n.split()[0] == word
                                                 or (described and _describes(described, n)))
                 and _head_type(n) in ("park", "institution")), None)


_SHORT_OPENING = re.compile(r"([A-Z][a-z]+)\s+(?=[a-z]+s\b)")  # a headline's one-word subject and its verb ("Lingang sets")
# a headline's subject in common words, its head last, then its verb: "Harbour science zone sets sights on 2030"
_DESCRIBED_OPENING = re.compile(r"(?P<words>[A-Z][a-z]+(?:\s+[a-z]+){0,3}?)\s+(?P<head>[a-z]+)\s+(?=[a-z]+s\s)")


def _describes(described: re.Match, name: str) -> bool:
    """Whether a headline's common-word subject ("Harbour science zone") describes a name of the lead ("the ... Harbour
    Science and Innovation Zone"): the same head word, and another word of the name."""
    words = name.lower().split()
    return words[-1] == described["head"] and any(w in words[:-1] for w in described["words"].lower().split() if w not in _STOPWORDS)


def _headline_end(ctx: Context) -> int:
    """The index of the headline's sentence (the first that holds a letter)."""
    return next((i for i, s in enumerate(ctx.seg.sentences) if re.search(r"[A-Za-z]{3}", ctx.text[s.start:s.end])), 0)


@SUBJECT.rule(("Jiading's GDP reached 124.83 billion yuan. Revenue was [14.42 billion yuan].", "Jiading"),
              ("Minhang District\n\nThe Zizhu Tea Garden grew 7 percent. Output of tea machinery rose [12 percent].", "Minhang"),
              ("Minhang District\n\nBy 2026, the Zizhu Science Park will strive to:\n- host 500 firms;\n- raise the share of "
               "services in the district's output to [60 percent].", "Minhang"),
              ("Action Plan of Minhang District for Shaping the Central Zone of the Hongqiao Hub (2024-2026)\n\nTo make Minhang "
               "the hub's central zone, this plan is made.\n\nBy 2026, tax revenue will reach [40 billion yuan].", "Minhang"),
              ("The river belt is home to 900 galleries, and the cultural industry contributed [12.3%] of GDP.", None))
def district_default(f: SubjectFigure):
    """Otherwise the figure is the text's own: the district's (or the city's, in a city-level text); so is a sector's
    total in a clause of its own after a name's ('..., and the financial industry contributed 41.7% of GDP')."""
    return f.ctx.district


def _district_opening(ctx: Context, sentence_start: int, q_start: int) -> str | None:
    """The district that opens the figure's clause, or an earlier clause of its sentence that it continues."""
    if not DISTRICT_MENTION.search(ctx.text, sentence_start, q_start):
        return None  # most sentences name no district: one scan spares the walk through their clauses
    aside = _DISTRICT_WITH_ASIDE.match(ctx.text, sentence_start, q_start) or _IN_DISTRICT.match(ctx.text, sentence_start, q_start)
    if aside and not _NEW_CLAUSE_SUBJECT.search(ctx.text, aside.end(), q_start) and not _entity_names(ctx.text[aside.end():q_start]):
        return _DISTRICT_CANONICAL[aside["name"]]
    pos = q_start
    while pos > sentence_start:
        start, end = ctx.seg.clause_bounds(pos)
        m = _DISTRICT_OPENING.match(ctx.text, start, q_start) if ctx.text[start - 1:start] != "(" else None  # not "(Qingpu section)"
        if m:
            return _DISTRICT_CANONICAL[m["name"]]
        if _OTHER_OPENING.match(ctx.text, start, q_start) or _entity_names(ctx.text[start:min(end, q_start)]):
            return None  # a clause with a subject or a name of its own ("with the West Bund's AI Valley gathering ...")
        pos = start - 1
    return None


_DISTRICT_CANONICAL = district_names()
_DISTRICT_OPENING = re.compile(
    r"\W*(?:" + alternation("district_clause_leads") + r"\s+)?(?P<name>" + "|".join(sorted(map(re.escape, _DISTRICT_CANONICAL), key=len, reverse=True))
    + r")(?:\s+(?:[Dd]istrict|New\s+Area))?(?:[’']s\b(?!\s+[“\"]?[A-Z][a-z])|\s+(?!District\b|district\b|New\b)[a-z])")  # not "Minhang's Zizhu Park"
# "Pudong New Area, the city's economic powerhouse, saw ...": a district opening its sentence, an aside saying what it
# is, then the main clause's verb
# "In Jiading, car output reached 1.2 million units": where, opening the sentence, is whose
_IN_DISTRICT = re.compile(r"\W*In\s+(?P<name>" + "|".join(sorted(map(re.escape, _DISTRICT_CANONICAL), key=len, reverse=True))
                          + r")(?:\s+(?:[Dd]istrict|New\s+Area))?,\s")
_DISTRICT_WITH_ASIDE = re.compile(
    r"\W*(?P<name>" + "|".join(sorted(map(re.escape, _DISTRICT_CANONICAL), key=len, reverse=True))
    + r")(?:\s+(?:District|New\s+Area))?,\s+" + alternation("aside_descriptions") + r"\s[^,;.()]{2,80},\s+[a-z]")
_OTHER_OPENING = re.compile(r"\W*(?:" + alternation("clause_conjunctions") + r"\s+)?(?:the\s+" + alternation("own_places") + r"|it|we|they|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*[’']s)\b")


def _topic(ctx: Context, sentence_index: int, head: str, words: frozenset[str] | None = None) -> str | None:
    """The name the previous sentence opened with, or that its opening anaphor points to when it gives no figure, when
    this one goes on about it without naming anyone else.

    "Carbon Valley Green Bay Industrial Park embarked on transformations in 2016. By 2022, 79 companies underwent
    transformations ...": the park's companies. A sentence that names the district, the city, a speaker or another
    name (before the figure) has changed the topic.
    """
    named = _topic_of_the_sentence_before(ctx, sentence_index)
    # (``words``, the words of the sentence, where the caller has them: without one the pattern needs, it is not tried)
    changed = (words is None or not _TOPIC_CHANGE_WORDS.isdisjoint(words)) and _TOPIC_CHANGE.search(head)
    return None if named is None or changed else named


def _topic_of_the_sentence_before(ctx: Context, sentence_index: int) -> str | None:
    """What ``_topic`` finds before its sentence names anyone: a function of the sentence alone, found once a sentence (in
    ``ctx.memo``), not once per figure."""
    memo = ctx.memo.setdefault("topic_before", {})
    if sentence_index not in memo:
        memo[sentence_index] = _sentence_before_names(ctx, sentence_index)
    return memo[sentence_index]


def _sentence_before_names(ctx: Context, sentence_index: int) -> str | None:
    """The name the sentence before ``sentence_index`` opened with (or in full, or that its opening anaphor points to), in
    the same paragraph."""
    if not sentence_index:
        return None
    sentence = ctx.seg.sentences[sentence_index]
    previous = ctx.seg.sentences[sentence_index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    named = _opening_name(ctx.text[previous.start:previous.end])  # (kept once a sentence: asked before the pattern)
    if named is None:  # "Qiantan's tax revenue rose 11 percent. Retail sales reached ...": the short name of a place named in full
        short = _opening_word_name(ctx.text[previous.start:previous.end])
        full = _named_in_full(ctx, short, sentence_index - 1) if short else None
        named = full if full != short and _head_type(full) in ("park", "institution") else None
    if named is None and not _opening_anaphor(ctx.text, sentence, None):
        # "Fengjing, an old water town, drew 4 million visits. Spending per visitor ...": the name it describes (not where
        # this sentence points back to something else: "... The company employs 40 people")
        named = (aside_name(ctx.text, previous.start, previous.end) or (None,))[0]
    if named is None and ctx.seg.holds(sentence_index - 1, _ANAPHOR_CUES) and (
            not _DIGIT.search(ctx.text, previous.start, previous.end) or _POINTS_BACK.search(ctx.text, sentence.start, sentence.end)
            or _PART_OPENING.match(ctx.text, sentence.start, sentence.end)):
        # "The campus is growing too. A second phase of 75,000 square meters is under construction": a sentence that gives
        # no figure but opens on what "the campus" points to sets the topic of the next; one that gives a figure, of a next
        # that points back to it ("In the first half, the zone signed 140 projects. Biotech projects accounted for 8.6
        # billion yuan of that.", "By 2027, the campus aims to host 600 firms. A third phase covering ...")
        opening = [n for n in _opening_anaphor(ctx.text, previous, None) if _ANAPHOR_TYPES[n] != "event"]
        named = _antecedent(ctx, sentence_index - 1, opening[:1]) if opening else None
    return named


@lru_cache(maxsize=1024)
def _opening_name(sentence: str) -> str | None:
    """The name a sentence opens with, when it is an organisation, park, project or institution (asked once a sentence)."""
    opening = _SENTENCE_ADVERB.sub("", sentence)
    # after an opening time or place phrase: "In 2021, the Grand Zero Bay hatched 326 startups"
    opening = _OPENING_TIME.sub("", opening)
    named = leading_name(opening, 1)
    return named if named and _head_type(named) in ("park", "organization", "project", "institution") else None


@lru_cache(maxsize=1024)
def _opening_word_name(sentence: str) -> str | None:
    """The one-word name a sentence opens with, if any ("Lingang's GDP grew ...": Lingang)."""
    named = leading_name(_OPENING_TIME.sub("", _SENTENCE_ADVERB.sub("", sentence)), 0)
    return named if named and " " not in named else None


# a sentence that opens on the output of a product or line of business, no one's ("Output of new energy vehicle parts grew")
_PRODUCT_OUTPUT_OPENING = re.compile(r"\W*" + alternation("output_nouns", case="capitalised") + r"\s+of\s+(?!" + alternation("anaphor_determiners")
                                     + r"\b|" + alternation("possessive_pronouns") + r"\b)[a-z]")
# a sentence that opens by introducing a new thing ("A 120,000-square-meter park ...", "A further 30 projects ..."), not a
# part of the one before ("A new phase of 50,000 square meters ...")
_INDEFINITE_OPENING = re.compile(r"\W*An?\s+(?!(?:[\w.,-]+\s+){0,2}" + alternation("part_nouns") + r"\b)")
_POINTS_BACK = re.compile(r"\b(?:of\s+(?:that|them|those|these)|among\s+them)\b", re.IGNORECASE)
_PART_OPENING = re.compile(r"\W*(?:an?|the)\s+" + alternation("phase_ordinals") + r"\s+" + alternation("part_nouns") + r"\b", re.IGNORECASE)
_SENTENCE_ADVERB = re.compile(r"^\W*" + alternation("sentence_adverbs", case="capitalised") + r",?\s+")
# an opening time phrase, with the aside that says what the time is ("By 2027, the end of the plan period, ...")
_OPENING_TIME = re.compile(r"^\W*" + alternation("opening_time_prepositions", case="capitalised") + r"\s+[^,.;]{1,40},\s+"
                           r"(?:the\s+" + alternation("time_aside_nouns") + r"\s+of\s+[^,.;]{1,40},\s+)?")
_TOPIC_CHANGE = re.compile(
    r"\b(?:the\s+" + alternation("polity_nouns") + "|" + alternation("topic_change_words") + r")\b"
    r"|\b(?:district|city)[’']s\b", re.IGNORECASE)
_TOPIC_CHANGE_WORDS = key_words(word_lists("grammar")["polity_nouns"], word_lists("grammar")["topic_change_words"], ["district", "city"])


def leading_name(span: str, most_words_before: int) -> str | None:
    """The first name in ``span`` with at most so many words before it: the clause's subject, when it is a name."""
    return next((name for start, _, name in _entity_names(span) if len(word_list(span[:start])) <= most_words_before), None)


def _antecedent(ctx: Context, sentence_index: int, nouns: list[str]) -> str | None:
    """What "the zone" points back to (:func:`_named_antecedent`); else what "the zone" pointed back to earlier in the
    text: a definite description used again names the same thing ("The zone is home to 286 firms ... Rent in the zone
    is 4.2 yuan", paragraphs after the name)."""
    if not nouns:
        return None
    named = _named_antecedent(ctx, sentence_index, nouns)
    resolved = ctx.memo.setdefault("anaphors_resolved", {})
    if named:
        resolved.setdefault(nouns[0], []).append((sentence_index, named))
        return named
    if nouns[0] in _DISTRICT_LIKE:
        return None  # "the area" may well be the district itself: not carried from an earlier paragraph
    earlier = [name for index, name in resolved.get(nouns[0], ()) if index < sentence_index]
    return earlier[-1] if earlier else None


_DISTRICT_LIKE = {"area", "region", "city"}


def _named_antecedent(ctx: Context, sentence_index: int, nouns: list[str]) -> str | None:
    """The name that "this area", "the project" points back to: the nearest earlier one that carries the noun itself
    ("the special area": the Lingang Special Area, though another park was named since), as far as 30 sentences back;
    else, within six sentences and three paragraphs, one whose aside calls it so ("Fengjing, an old canal town,
    ..." for "the town") or one of a fitting kind."""
    if not nouns:
        return None
    memo = ctx.memo.setdefault("named_antecedent", {})  # (a function of the sentence and the nouns: found once for both)
    key = (sentence_index, tuple(nouns))
    if key not in memo:
        memo[key] = _name_pointed_back_to(ctx, sentence_index, nouns)
    return memo[key]


def _name_pointed_back_to(ctx: Context, sentence_index: int, nouns: list[str]) -> str | None:
    """:func:`_named_antecedent`, found."""
    text, sentence = ctx.text, ctx.seg.sentences[sentence_index]
    wanted = {kind for n in nouns for kind in _ANAPHOR_KINDS[_ANAPHOR_TYPES[n]]}
    named = _same_word_further_back(ctx, sentence_index - 1, nouns)
    if named:
        return named
    # an anaphor that opens a paragraph names a new thing ("The new city will add 20,000 homes"), not one of a fitting
    # kind but another word in the paragraphs before
    new_thing = _opens_paragraph(ctx, sentence_index)
    for back in range(sentence_index - 1, max(-1, sentence_index - 7), -1):
        previous = ctx.seg.sentences[back]
        if previous.paragraph < sentence.paragraph - 3:
            break  # a short paragraph before may name it: "... the Lingang Special Area has signed ...\n\nthe area's output ..." 
        names = [name for _, _, name in _sentence_names(ctx, back)]
        same_word = _with_the_word(_sentence_names(ctx, back), nouns)
        if same_word:
            return same_word[0]
        described = _described_name(text, previous, nouns, wanted)
        if described:
            return described
        fitting = [name for name in names if _head_type(name) in wanted] if previous.paragraph >= sentence.paragraph - 1 or not new_thing else []
        if fitting:
            return fitting[0]
        titled = _TITLE_OF.search(text, previous.start, previous.end) if "organization" in wanted else None
        if titled:  # "said Gao Ruimin, general manager of Huayu Fine Materials": what a manager manages is a company
            return titled.group(1).rstrip(".")
        for noun in nouns:  # "The Daning area ... the area would host 1,000 firms": a name before the same common noun
            named = re.search(r"((?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)\s+" + noun + r"s?\b", text[previous.start:previous.end])
            name = named and re.split(r"[’']s\s+", re.sub(r"^(?:The|This|Its)\s+", "", named.group(1)))[-1]  # not "Shanghai's"
            if name and not name.startswith(("The", "This", "Its")) and name not in _NOT_NAMES:
                return name
    return None  # (the look further back, made first, found nothing)


def _opens_paragraph(ctx: Context, sentence_index: int) -> bool:
    """Whether the sentence opens its paragraph with an anaphor ("The new city ...")."""
    sentences = ctx.seg.sentences
    sentence = sentences[sentence_index]
    first = not sentence_index or sentences[sentence_index - 1].paragraph != sentence.paragraph
    return first and _ANAPHOR.match(ctx.text, sentence.start, sentence.end) is not None


def _named_with_words(ctx: Context, sentence_index: int, phrases: list[str]) -> bool:
    """Whether the sentence before (or this one) names a thing with one of ``phrases`` in its name ("Changxing Island")."""
    return any(p in f" {name.lower()} " for i in range(max(0, sentence_index - 1), sentence_index + 1)
               for _, _, name in _sentence_names(ctx, i) for p in (f" {phrase} " for phrase in phrases))


def _described_name(text: str, previous, nouns: list[str], wanted: set[str]) -> str | None:
    """The name a sentence describes as what the anaphor calls it: in an aside ("Fengjing, an old canal town, ..."
    for "the town") or by a common noun of the wanted kind before it ("One tenant, Lanxin Vision, ..." for "the company"), or
    as one of the things counted before ("One of them, Lanxin Vision, ..." for "the company", a name with no head word of
    another kind)."""
    aside = aside_name(text, previous.start, previous.end)
    if aside and any(n in re.findall(r"[a-z]+", aside[1].lower()) for n in nouns):
        return aside[0]
    built = [m["firm"] for m in _NOUN_BUILT_BY.finditer(text, previous.start, previous.end) if m["noun"] in nouns]
    if built:  # "A battery works built by Norvolt Energy will ... The works covers ...": the firm's works
        return built[0]
    if aside and "organization" in wanted and _head_type(aside[0]) in (None, "organization") and (
            not aside[1] or any(_ANAPHOR_TYPES.get(w) == "organization" for w in re.findall(r"[a-z]+", aside[1].lower()))):
        # "Hexa Robotics, which moved here in 2020, ...", "Corvo Motion, a maker of servo drives, ... The company
        # employs ...": a firm's name has no head word; its aside, if any, says it is a firm
        return aside[0]
    appositive = _APPOSITIVE_NAME.match(text, previous.start, previous.end)
    if appositive and _ANAPHOR_KINDS.get(_ANAPHOR_TYPES.get(appositive["noun"].replace("-", ""), ""), set()) & wanted:  # "start-up"
        return appositive["name"]
    if (appositive and appositive["noun"].lower() in _PLURAL_PRONOUNS and "organization" in wanted
            and _head_type(appositive["name"]) in (None, "organization")):
        return appositive["name"]  # "... drew 210 firms. One of them, Huayang Materials, opened a plant. The plant employs ..."
    if "organization" in wanted:  # "Jingwei Motion makes robots. The company ...": the proper name opening the sentence before
        opening = _FIRM_OPENING.match(text, previous.start, previous.end)
        if opening and _is_name(opening["name"]) and opening["name"].split()[0].lower() not in _NOT_NAME_OPENERS \
                and not _PERSON_ASIDE.search(opening["name"]):
            return opening["name"]
    return None


_PLURAL_PRONOUNS = word_class("partitive_pronouns") - {"it"}  # "One of them, X, ...": one of the things counted before
# a sentence opened by two to four capitalised words, then a verb of what a firm does: its subject is a firm's name
# (not a person's: "Chen Ming founded Jingwei in 2016", "Li Hua said")
_FIRM_OPENING = re.compile(r"\W*(?P<name>[A-Z][a-z][\w&-]*(?:\s+[A-Z][\w&-]*){1,3})\s+(?!" + alternation("person_verbs") + r"\b)(?:[a-z]+ed|[a-z]+s)\b")


def _with_the_word(names, nouns: list[str]) -> list[str]:
    """The names that carry one of ``nouns``, those it heads first: "the expo" is the "China Flower Expo", not the "Chongming
    flower expo park" named beside it."""
    carrying = []
    for _, _, name in names:
        for part in reversed(_PURPOSE_OF.split(name)):  # "the belt" of the "Action Plan for the Suhe River Creative Belt"
            if any(n in part.lower().split() for n in nouns):
                owner = _PART_OF_NAME.match(part)  # "the new city": the "X New City" of "the X New City section of the Y Zone"
                carrying.append(owner["owner"] if owner and any(n in owner["owner"].lower().split() for n in nouns) else part)
                break
    return sorted(carrying, key=lambda name: name.lower().split()[-1] not in nouns)


_PURPOSE_OF = re.compile(r"\s+(?:for|on)\s+(?:the\s+)?")  # "a plan for the X Belt": the plan and the belt are two things
# a part of a named thing named by what it is part of: "the Qingpu New City section of the X Line", "the Y Campus branch of Z"
_PART_OF_NAME = re.compile(r"(?P<owner>.+?)\s+" + alternation("part_heads") + r"\s+of\s+")


def _same_word_further_back(ctx: Context, last: int, nouns: list[str]) -> str | None:
    """Further back than a fitting kind of name is looked for, "the valley" still points to the name with that very word
    ("the Oriental Beauty Valley", some paragraphs before): no other name can be meant."""
    for back in range(last, max(-1, last - _FURTHER_BACK), -1):
        same_word = _with_the_word(_sentence_names(ctx, back), nouns)
        if same_word:
            return same_word[0]
    return None


_FURTHER_BACK = 30  # sentences: a few paragraphs of a story


def _sentence_names(ctx: Context, index: int) -> tuple[tuple[int, int, str], ...]:
    """The names of sentence ``index`` (:func:`_entity_names`), kept for the document: each anaphor looks back over the same
    sentences (the cache of _entity_names would hash each one's text again, and may have let it go)."""
    names = ctx.memo.setdefault("sentence_names", {})
    found = names.get(index)
    if found is None:
        s = ctx.seg.sentences[index]
        found = names[index] = _entity_names(ctx.text[s.start:s.end])
    return found


_DISTRICT_ANAPHORS = {"area", "region", "zone"}  # what a district may be called
_DISTRICT_OWN_NOUNS = _WORDS["district_own_nouns"]  # what a district itself is: "the new area" is Pudong
_TITLE_OF = re.compile(r"\b" + alternation("manager_titles") + r"\s+of\s+"
                       r"(?:the\s+)?((?:[A-Z][\w&’'.-]*)(?:\s+[A-Z][\w&’'.-]*){0,4})")
