"""
Whether a text is about an education bureau at all: the importer refuses what is not.

A text that names an education bureau is one. A bureau's own page may never name it
("Internal organization: Office: …"): enough of a bureau's structure in a text about
education makes it one all the same. So does a district's own page on its education:
the schools it counts, or an honour its schools or education won. Those are drafts
whose reviewer is warned that the bureau is never named.

Explainer pages ("Functions and status of the county education bureau") describe
bureaus in general: a draft of one would be a nameless bureau with everyone's duties.
They are refused when they name no bureau and no place and speak in general terms; a bureau's own page
may still have a section on bureaus in general, which ``about_bureaus_in_general`` tells the parser to skip.
"""

import itertools
import re

from bureaus.importer import names
from bureaus.importer.errors import DocumentError
from bureaus.importer.facts import SCHOOLING_RE
from bureaus.places import gazetteer

ABOUT_A_BUREAU_RE = re.compile(
    r"\beducation(?:al)?\b[^.\n]{0,60}\b(?:bureau|commission|department|administration)\b"
    r"|\bbureau of (?:[^.\n]{0,40}\s)?education\b",
    re.IGNORECASE,
)
# Speaking of bureaus in general: "the county education bureau generally has …", "education bureaus are usually …".
GENERAL_TERMS_RE = re.compile(
    r"\b(?:generally|usually|typically|in general|as a rule"
    r"|(?:the|a|each|every)\s+county(?:-level)?\s+education\s+bureau|education\s+bureaus"
    # A definition's words, with no place to speak of: "The Education Bureau refers to …", "the local government"
    r"|refers?\s+to|the\s+local\s+government|local\s+education|in\s+this\s+(?:region|area)"
    # "The full name of the Education Bureau is …", "… is a professional organization responsible for …"
    r"|full\s+name\s+of|(?:is|are)\s+an?\s+(?:\w+\s+){0,2}organi[sz]ations?"
    # "What are the subordinate units of the Education Bureau?", "… will vary from region to region"
    r"|what\s+(?:is|are)\b[^.?\n]{0,60}?\beducation\s+bureaus?|vary\s+from\s+\w+\s+to\s+\w+"
    # … or a section on what "the Education Bureau" is for, with no place of its own.
    r"|the\s+role\s+of\s+(?:the|an?)\s+education\s+bureau"
    # "Municipal Education Bureau is …, while District Education Bureau is …": kinds of bureau, none named.
    r"|(?:municipal|district|county)\s+education\s+bureau)\b",
    re.IGNORECASE,
)
MIN_GENERAL_TERMS = 3
# "a district education bureau", "every county bureau": any one of them, bureaus in general.
ANY_BUREAU_RE = re.compile(r"\b(?:an?|every|each|any)\s+(?:[\w-]+\s+){0,3}?bureau\b", re.IGNORECASE)
# "1, the meaning of the education bureau", "What is an education bureau": a section defining bureaus.
DEFINITION_HEADING_RE = re.compile(r"\b(?:meaning|definition|concept|what\s+is)\b(?:\s+\w+){0,3}?\s+bureaus?\b", re.I)
# Words that end a sentence's subject before it names bureaus in general, or make them others than this one.
SUBJECT_STOPS = {"is", "are", "was", "were", "has", "have", "had", "will", "shall", "it", "its", "we", "our", "this",
                 "other", "all", "and", "with"}  # fmt: skip
CITY_RE = re.compile(r"\b(?:city|municipal(?:ity)?)\b", re.IGNORECASE)
ONE_COUNTY_RE = re.compile(r"\b(?:county|district|banner|township)\b", re.IGNORECASE)
COUNTY_RE = re.compile(r"\b(?:county|counties|district|districts|banner|township)\b", re.IGNORECASE)
MIN_CITY_WORDS = MIN_PROVINCE_WORDS = 3  # a city's (a province's) words said this often: its page
ADDRESS_SENTENCE_RE = re.compile(r"[^.\n]*\b(?:address|located)\b[^.\n]*\.?", re.IGNORECASE)
# A province's department of education: "Department of Education of Hunan Province", "Hunan Provincial Department
# of Education", "the Education Department of Hunan Province".
PROVINCIAL_RE = re.compile(
    r"\b(?:department|bureau|commission)\s+of\s+education\s+of\s+(?:[A-Z][a-z]+\s+){1,2}(?:province|autonomous region)\b"
    r"|\bprovincial\s+(?:department|bureau|commission)\s+of\s+education\b"
    r"|\beducation\s+department\s+of\s+(?:[A-Z][a-z]+\s+){1,2}province\b",
    re.IGNORECASE,
)
PROVINCE_WORDS_RE = re.compile(r"\b(?:the|this|our)\s+province(?:'s|’s)?\b|\bprovincial\b", re.IGNORECASE)
# Departments and duties read from a text that never names a bureau: this many make it a bureau's.
MIN_STRUCTURE = 3
MIN_CITY_COUNTIES = 3  # a city's bureau naming this many of its counties speaks for the city


def refuse_unless_about_a_bureau(draft, text):
    """Raise a DocumentError saying why when ``text`` is not a bureau document; warn on ``draft`` when it
    is one that never names the bureau."""
    placed = draft.name or draft.district or draft.city or draft.counts
    if not placed and len(GENERAL_TERMS_RE.findall(text)) >= MIN_GENERAL_TERMS:
        raise DocumentError(
            "This text describes education bureaus in general, not one bureau: it names no bureau and no "
            "place, so there is nothing to import."
        )
    # Units listed on a page that names only a prefecture-level city ("Hezhou Education Bureau is the department
    # in charge of education in Hezhou Municipal People's Government") are the city bureau's.
    # (Candidates without a district are cities of one name, two Fuzhous: no county is placed.)
    # (A district named only in a school's name, "Zhushan District … Kindergarten" on Jingdezhen's page, places
    # nothing; nor one named only in the address: a city's bureau sits in one of its districts.)
    district_said = draft.district and _district_said(text, draft.district, draft.address)
    unplaced = not district_said and (draft.city or not draft.departments)
    # A city's news naming one of its districts once, in passing ("… in Nangang district, were combined …"),
    # speaking of "the city" throughout and of its districts as many ("its various districts"), names no bureau: it
    # is the city's. (A county-level city's own news says "the city" too, but has no districts to speak of.)
    once = district_said and _times_said(text, draft.district) == 1
    citys_view = len(CITY_RE.findall(text)) >= MIN_CITY_WORDS and CITYS_DISTRICTS_RE.search(text)
    if once and not draft.name and citys_view:
        raise DocumentError(
            f"This text is about a city's education, not a county-level bureau's: it speaks of the city throughout and "
            f"names {draft.district} only once, in passing, so there is nothing to import."
        )
    if unplaced and _only_a_city(text, draft.address):
        raise DocumentError(
            "This text is about a city's education, not a county-level bureau's: it speaks of the city and "
            "names no county or district, so there is nothing to import."
        )
    # "Shijiazhuang Education Bureau is responsible for …": a bureau named by its prefecture-level city, on a page
    # naming no county or district (but in schools' names), is the city's.
    named_by_city = draft.name and draft.city and _named_by_its_city(draft.name, draft.city)
    if unplaced and named_by_city and not ONE_COUNTY_RE.search(_beside_address_and_schools(text, draft.address)):
        raise DocumentError(
            f"This text is about a city's education, not a county-level bureau's: it names {draft.name}, the "
            f"bureau of the prefecture-level city of {draft.city}, and no county or district, so there is "
            "nothing to import."
        )
    # "Jiangmen education bureau … 1 in Pengjiang, Jianghai, Taishan and Heshan, 3 in Xinhui": the city's bureau
    # on its counties, however surely one of them is placed.
    counties = _counties_of_its_city_named(text, draft.city) if named_by_city else 0
    if counties >= MIN_CITY_COUNTIES:
        raise DocumentError(
            f"This text is about a city's education, not a county-level bureau's: it names {draft.name}, the "
            f"bureau of the prefecture-level city of {draft.city}, and {counties} of the city's counties and "
            "districts, so there is nothing to import."
        )
    provincial = PROVINCIAL_RE.search(text) or len(PROVINCE_WORDS_RE.findall(text)) >= MIN_PROVINCE_WORDS
    if not draft.district and provincial and not COUNTY_RE.search(text) and not _names_a_county_bureau(draft):
        raise DocumentError(
            "This text is about a province's department of education, not a county-level bureau's: it names no "
            "county or district, so there is nothing to import."
        )
    if ABOUT_A_BUREAU_RE.search(text):
        # "According to … the education department, Hechi now has 2,532 compulsory schools …", where no county,
        # city or bureau is recognised: counts nothing on the page ties to one county's bureau (a bureau's own
        # page that never names it lists its structure).
        named = draft.name or draft.district or draft.city or draft.province or draft.place_candidates
        if not named and not draft.departments and not draft.duties:
            raise DocumentError(
                "This text names no bureau and no county, city or province, and lists no departments or duties: "
                "nothing ties what it counts to one county-level bureau, so there is nothing to import."
            )
        return
    # A department said with what it does ("(1) office" over its responsibilities) weighs twice a bare name.
    structure = len(draft.departments) + sum(bool(d.responsibility) for d in draft.departments) + len(draft.duties)
    district_facts = len(draft.counts) + sum(bool(SCHOOLING_RE.search(a.text)) for a in draft.achievements)
    is_bureau_document = structure >= MIN_STRUCTURE or bool(draft.district and district_facts)
    # A county's own news on its education ("Education nourishes impoverished county"), naming the county again
    # and again and its schools, is as much its bureau's as the Chinese reader's 全县 pages are: a draft.
    about_its_education = _about_a_countys_education(text, draft.district)
    is_bureau_document = is_bureau_document or about_its_education
    if not is_bureau_document or not (about_its_education or re.search(r"\beducation", text, re.IGNORECASE)):
        raise DocumentError(
            "This text is not about an education bureau: it never names one (such as “Heping District "
            "Education Bureau”) and lists no departments or duties of one, so there is nothing to import."
        )
    draft.warnings.insert(
        0,
        "The text never names an education bureau: check that what it says is the bureau's "
        "(and not, say, the whole district's) before publishing.",
    )


SCHOOLING_WORDS_RE = re.compile(r"\b(?:education|schools?|students|pupils|teachers|kindergartens?)\b", re.IGNORECASE)
MIN_SCHOOLING_WORDS = 5
COUNTY_ANAPHORA_RE = re.compile(
    r"\bthe\s+(?:whole\s+)?(?:county|district|banner|region)\b(?!\s+(?:education|bureau))", re.I
)


def _about_a_countys_education(text, district):
    """Whether a text names its county (by its name without the kind word: "Baihe", or as "the county" after
    naming it) and speaks of schooling throughout: one county's news on its schools (Mohe's northernmost school,
    a Mongolian school in Urad Rear Banner) is its bureau's business, as the Chinese reader's 全县 pages are.
    Asking the county be named three times refused such pages; named once, across the development corpus and the
    untouched batches, it let no page to refuse through (the city's, the province's and the general ones are
    refused before this is asked)."""
    if not district:
        return False
    # The county by its gazetteer name and as the text writes it ("Jia County", "Jiaxian County").
    said = max(_times_said(text, name) for name in [district, *names.districts_mentioned(text)])
    # Named once, then "the county" again and again ("Huocheng county … The county government … in the county").
    if len(names.districts_mentioned(text)) <= 1:
        said += len(COUNTY_ANAPHORA_RE.findall(text))
    return said >= 1 and len(SCHOOLING_WORDS_RE.findall(text)) >= MIN_SCHOOLING_WORDS


def _times_said(text, name):
    """How often the text says a county-level place by its name alone ("Baihe" for Baihe County)."""
    return len(re.findall(rf"\b{re.escape(place_stem(name))}\b", text, re.IGNORECASE))


def place_stem(name):
    """A county-level place's name as a text says it alone: "Baihe" for Baihe County, "Ximeng" for Ximeng Wa
    Autonomous County (whose peoples' names a text leaves out when it says the county again)."""
    if re.search(r"\bAutonomous\s+(?:County|Banner)$", name):
        return name.split()[0]
    return re.sub(r"\s+(?:County|District|Banner|City)$", "", name)


def _counties_of_its_city_named(text, city):
    """How many of the prefecture-level city's county-level divisions the text names, by their names alone."""
    cities = gazetteer.named(city, level="prefecture")
    stems = {place_stem(d.name) for d in gazetteer.by_code().values() if d.level == "county" and d.city in cities}
    return sum(bool(re.search(rf"\b{re.escape(stem)}\b", text)) for stem in stems)


def _named_by_its_city(name, city):
    """Whether a bureau's name opens with its prefecture-level city's name and names no county ("Shijiazhuang
    Education Bureau", "the Shijiazhuang Municipal Education Bureau")."""
    opens = re.match(rf"(?:the\s+)?{re.escape(city)}(?:\s+(?:City|Municipal))?\s+(?:Education|Bureau)\b", name, re.I)
    return bool(opens) and not ONE_COUNTY_RE.search(name)


def _names_a_county_bureau(draft):
    """Whether the text names a county-level bureau (its place read from the name) rather than only a province's."""
    return bool(draft.name) and not PROVINCIAL_RE.search(draft.name) and bool(draft.district)


# A city speaking of its districts as many: "its various districts", "pilot districts and counties".
CITYS_DISTRICTS_RE = re.compile(
    r"\b(?:its|the\s+city['’]s|various|all|other)\s+(?:\w+\s+)?districts\b|\bdistricts\s+and\s+counties\b"
    r"|\bcounties\s+and\s+districts\b",
    re.IGNORECASE,
)


def _only_a_city(text, address=""):
    """Whether a text speaks of a city (a prefecture's bureau: "bureau of education of city of …", "the whole
    city") at least three times and never of a county or district but in the bureau's address (a city's
    bureau sits in one of its districts: "No.98, Wen Lan Road, Dieshan District, Wuzhou City")."""
    if address:
        text = text.replace(address, "")
    text = ADDRESS_SENTENCE_RE.sub("", text)  # "The address of Fuzhou Education Bureau is …, Cangshan District."
    # "guide … the counties and districts" is a city bureau's work: only a county said in the singular names one.
    return len(CITY_RE.findall(text)) >= MIN_CITY_WORDS and not ONE_COUNTY_RE.search(INSTITUTION_NAME_RE.sub("", text))


# A school's or kindergarten's own name, which may hold a district's: "Zhushan District Private … Kindergarten".
INSTITUTION_NAME_RE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*\s+){1,8}?(?:Kindergarten|Nursery School|School|College|University|Cent(?:er|re)|Group)\b"
)


def _district_said(text, district, address=""):
    """Whether the text names ``district`` ("Zhushan District") other than inside institutions' names and the
    address ("Address: Zhongyuan West Road, Zhongyuan District, Zhengzhou" on Zhengzhou's bureau's page); a
    district the text writes otherwise (the gazetteer's spelling is not the page's) counts as said."""
    stem = place_stem(district)
    pattern = re.compile(rf"\b{re.escape(stem)}\b", re.IGNORECASE)  # "dashiqiao city" as some pages write it
    if not pattern.search(text):
        return True
    return bool(pattern.search(_beside_address_and_schools(text, address)))


def _beside_address_and_schools(text, address):
    """The text without the bureau's address and institutions' names: where a place said names what the page
    is about, not where the bureau sits or a school's name."""
    return INSTITUTION_NAME_RE.sub("", text.replace(address, "") if address else text)


def about_bureaus_in_general(text, heading=False):
    """Whether a heading or a sentence's subject speaks of bureaus in general ("4. Functions of county education
    bureaus", "The main duties of district education bureaus include …", "What a county education bureau does"),
    whose duties are not this bureau's; "other district bureaus", "the bureau and the schools" and a sentence
    naming a bureau ("The former education and sports bureaus were merged into X Bureau") are not."""
    general = bool((ANY_BUREAU_RE.search if heading else ANY_BUREAU_RE.match)(text))
    general = general or bool(heading and DEFINITION_HEADING_RE.search(text))
    for match in itertools.islice(re.finditer(r"[\w'’-]+", text), 0 if general else 12):  # the subject
        word = match.group(0).lower()
        if word in ("bureaus", "bureaus'", "bureaus’"):
            general = True
            break
        if word.startswith("bureau") or word in SUBJECT_STOPS:
            break
    return general and (heading or not names.name_mentions(text))
