"""
Reading a bureau document into a :class:`~bureaus.importer.draft.Draft`.

The parser walks the document line by line. Headings ("I. Institutional setup",
"Third, the focus of work", a short line of its own) set what the following
lines are about; numbered lines are entries of that section; paragraphs are read
sentence by sentence. Some facts are recognised wherever they stand (founding
year, predecessor, location, institution counts, department lists, "its main
tasks include: …"), because narrative documents have no headings at all.

It never invents: a fact is only recorded with the span of the sentence (or
list clause) it was read from, and a fact that is not in the text stays empty.
"""

import re
from collections import Counter

from django.utils.text import slugify

from bureaus.importer.draft import Draft, DraftAchievement, DraftCount, DraftDepartment, DraftDuty
from bureaus.importer.errors import DocumentError
from bureaus.importer.institutions import as_of_year, find_counts
from bureaus.importer.lists import is_department_name, split_actions, split_names
from bureaus.importer.segments import capitalise, clauses, inline_items, lines, section_kind, sentences, strip_end
from bureaus.models import FactSource
from bureaus.models.base import control_character_problem
from bureaus.places import gazetteer
from bureaus.places.regions import is_municipality
from bureaus.vocabulary import DUTY_KINDS, NUMBER_WORDS

NUMBER = r"\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

# Sentences that open a list of duties of one kind; the list is what follows the match.
LIST_TRIGGERS = [
    (
        "responsibility",
        r"\b(?:responsibilities|functions|duties)\b[^.:;]{0,80}?\b(?:include|includes|included|are|cover|covers)\b"
        r"(?:\s+the\s+following(?:\s+aspects)?)?\s*[:：]?\s*",
    ),
    ("task", r"\btasks\b[^.:;]{0,80}?\b(?:include|includes|are)\b(?:\s+the\s+following(?:\s+aspects)?)?\s*[:：]?\s*"),
    (
        "priority",
        r"\b(?:focus|priorities|key work)\b[^.:;]{0,80}?\b(?:include|includes|are|is|lies in)\b"
        r"(?:\s+the\s+following(?:\s+aspects)?)?\s*[:：]?\s*",
    ),
    ("priority", r"\bcommitted to\s+"),
    ("plan", r"\b(?:in the future|in the next (?:\w+\s+)?years?|next step)\b[^.]*?\bwill\s+(?:also\s+)?"),
    ("plan", r"\bwill also\s+"),
    ("plan", r"\b(?:plans|intends) to\s+"),
    ("achievement", r"^since its (?:establishment|founding)(?: in \d{4})?,\s+[^,]*?\bhas\s+"),
]
LIST_TRIGGERS = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in LIST_TRIGGERS]
FUNCTIONS_RE = re.compile(r"\bha(?:s|ve) the functions? of\b", re.IGNORECASE)
FOLLOWING_RE = re.compile(r"^(?:as follows|the following(?:\s+aspects)?)\s*[:：]?\s*", re.IGNORECASE)
INTRO_RE = re.compile(r"(?:[:：]\s*$|\bas follows\b|\bthe following\b)", re.IGNORECASE)

ACHIEVEMENT_INTRO_RE = re.compile(
    r"\b(?:made|achieved|obtained|scored)\b[^.]*\b(?:achievements?|results|progress|success)\b", re.IGNORECASE
)
ACHIEVEMENT_LEAD_RE = re.compile(
    r"^(?:for example|for instance|in addition|moreover|furthermore|at the same time|besides)\s*,\s*", re.IGNORECASE
)

FOUNDED_RE = re.compile(
    r"\b(?:(?:was|were|has been)\s+)?(?:established|founded|set up|formed|created)\s+in\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\bsince its (?:establishment|founding) in (?P<since>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
PREDECESSOR_RE = re.compile(
    r"\b(?:its|whose|the bureau's) predecessor (?:was|is|being)\s+(?:the\s+)?(?P<a>[^,;.]+)"
    r"|\b(?:formerly|previously) (?:known as|called|named)\s+(?:the\s+)?(?P<b>[^,;.)]+)",
    re.IGNORECASE,
)
LOCATED_RE = re.compile(
    r"\b(?:is|are) located (?:in|at)\s+(?P<place>.+?)(?=,\s*(?:and|which|it)\b|\s+and\s+is\b|[.;。]|$)", re.IGNORECASE
)
DEPARTMENT_LIST_RE = re.compile(
    r"(?:\bconsists of|\bis composed of|\bcomprises|\bis made up of"
    rf"|\b(?:has|have|with|sets? up|established)\s+(?:(?P<number>{NUMBER})\s+)?(?:internal\s+|functional\s+)?"
    r"(?:departments|divisions|sections|institutions|organs)\s*,?\s*(?:including|namely|which are|:)"
    r"|\b(?:internal\s+|functional\s+)?(?:departments|divisions|sections|organs)\s+(?:include|includes|are)\s*:?)\s*",
    re.IGNORECASE,
)
DEPARTMENT_DUTY_RE = re.compile(
    r"^(?:among them,?\s*)?(?:the\s+)?(?P<subject>[\w'’ -]{2,80}?)\s+(?:is|are)\s+(?:mainly\s+|also\s+)?"
    r"(?P<rest>(?:responsible for|in charge of)\b.*|the\b[^,;]*?\b(?:department|body|organ|office)\b.*)$",
    re.IGNORECASE,
)
SUMMARY_RE = re.compile(
    r"\b(?:is located|is the|is an?|was (?:established|founded|set up|formed)|is responsible for the|is an integral)\b",
    re.IGNORECASE,
)
CHATTER_RE = re.compile(r"\b(?:I'll|I will|let me|tell you|the following is|here is)\b", re.IGNORECASE)

PLACE_SUFFIX = r"New District|New Area|District|County|Banner|City|Area"
WORD = r"[A-Z][\w'’-]*"
NAMED_FIRST_RE = re.compile(
    rf"\b(?P<place>(?:{WORD}\s+){{1,5}}?(?:{PLACE_SUFFIX}))\s+(?:Education Bureau|Bureau of Education)\b"
    rf"(?:\s+of\s+(?P<city>{WORD})(?:\s+City)?)?"
)
NAMED_AFTER_RE = re.compile(
    rf"\b(?:Education Bureau|Bureau of Education) of (?:the\s+)?(?P<place>(?:{WORD}\s+){{1,5}}?(?:{PLACE_SUFFIX}))\b"
    rf"(?:(?:,\s*|\s+of\s+)(?P<city>{WORD})(?:\s+City)?)?"
)
LEADING_WORDS = {"the", "in", "at", "since", "among", "this", "its", "our", "next", "and", "of", "from", "by"}
BARE_SUFFIXES = {"new district", "new area", "district", "county", "banner", "city", "area"}
PROVINCE_MENTION_RE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s+(?:Province|Autonomous Region)\b"
    r"|\b(?P<municipality>Beijing|Tianjin|Shanghai|Chongqing)\b"
)
CITY_MENTION_RE = re.compile(r"\b(?P<name>[A-Z][\w'’-]+)\s+City\b")


def parse_document(text, title=""):
    """A draft bureau from a document's text, or a DocumentError saying why there is none."""
    if not text.strip():
        raise DocumentError("The document is empty: there is no text to import.")
    if "\x00" in text:
        raise DocumentError("The text contains NUL characters, so it is binary data, not a document.")
    problem = control_character_problem(text)
    if problem:
        raise DocumentError(f"The text {problem}")
    if not re.search(r"\beducation\b", text, re.IGNORECASE):
        raise DocumentError(
            "This text does not look like a profile of an education bureau: it never mentions education."
        )
    return _Parser(text, title).parse()


class _Parser:
    def __init__(self, text, title):
        self.text = text
        self.draft = Draft(source_text=text, source_title=title or "Imported document")
        self.section = ""
        self.pending_kind = ""  # set by an intro sentence ("… include the following aspects:")
        self.department_mentions = []  # (name, span of the sentence naming it)
        self.department_number = None
        self.department_duties = []  # (subject, responsibility, span)
        self.summary = []
        self.predecessor_range = (0, 0)

    # Walking the document -------------------------------------------------

    def parse(self):
        for line in lines(self.text):
            if line.kind == "heading":
                self.section = section_kind(line.body.text)
                self.pending_kind = ""
            elif line.kind == "item":
                self.read_item(line.body)
            else:
                pieces = inline_items(line.body)
                if pieces:
                    head, *items = pieces
                    if head.text:
                        self.read_paragraph(head)
                    for item in items:
                        self.read_item(item)
                else:
                    self.read_paragraph(line.body)
        self.finish()
        return self.draft

    def read_paragraph(self, segment):
        achievement_context = self.section == "achievement"
        for sentence in sentences(segment):
            self.read_facts(sentence)
            kind = self.read_list(sentence)
            if kind:
                continue
            if ACHIEVEMENT_INTRO_RE.search(sentence.text) and not ACHIEVEMENT_LEAD_RE.match(sentence.text):
                achievement_context = True
                continue
            if achievement_context:
                self.add_achievements(sentence)
            elif self.section in DUTY_KINDS and not INTRO_RE.search(sentence.text):
                if not self.is_fact_sentence(sentence):
                    self.add_duty(self.section, sentence.text, sentence.span)
            elif INTRO_RE.search(sentence.text) and self.section in DUTY_KINDS:
                self.pending_kind = self.section
            elif self.is_summary_sentence(sentence):
                self.summary.append(sentence)

    def is_summary_sentence(self, sentence):
        """A sentence saying what the bureau is ("… is located in …", "… was established in …")."""
        text = sentence.text
        return (
            self.section not in (*DUTY_KINDS, "achievement")
            and bool(SUMMARY_RE.search(text))
            and not CHATTER_RE.search(text)
            and ("bureau" in text.lower() or text.startswith("It "))
        )

    def read_item(self, segment):
        kind = self.pending_kind or self.section
        for sentence in sentences(segment):
            self.read_facts(sentence)
        if kind == "departments":
            self.add_department_item(segment)
        elif kind in DUTY_KINDS:
            parts = sentences(segment)
            if len(parts) >= 2 and len(parts[0].text.split()) <= 12:
                rest = segment.sub(parts[1].start - segment.start, len(segment.text))
                self.add_duty(kind, rest.text, segment.span, title=parts[0].text.rstrip(".。"))
            else:
                self.add_duty(kind, segment.text, segment.span)
        elif kind == "achievement":
            self.draft.achievements.append(DraftAchievement(capitalise(strip_end(segment.text)), segment.span))
        else:
            self.read_paragraph(segment)

    # Facts recognised wherever they stand ------------------------------------

    def read_facts(self, sentence):
        text, draft = sentence.text, self.draft
        founded = FOUNDED_RE.search(text)
        if founded and draft.established_year is None and self.is_about_the_bureau(text):
            draft.established_year = int(founded.group("year") or founded.group("since"))
            draft.fact_spans[FactSource.Fact.ESTABLISHED_YEAR] = sentence.span
        predecessor = PREDECESSOR_RE.search(text)
        if predecessor and not draft.predecessor:
            group = "a" if predecessor.group("a") else "b"
            draft.predecessor = capitalise(strip_end(predecessor.group(group).strip()))
            draft.fact_spans[FactSource.Fact.PREDECESSOR] = sentence.span
            # The predecessor's name is not the bureau's, however much it looks like one.
            self.predecessor_range = (
                sentence.start + predecessor.start(group),
                sentence.start + predecessor.end(group),
            )
        located = LOCATED_RE.search(text)
        if located and not draft.address and self.is_about_the_bureau(text):
            draft.address = strip_end(located.group("place").strip())
            draft.fact_spans[FactSource.Fact.LOCATION] = sentence.span
        self.read_counts(sentence)
        self.read_department_list(sentence)
        for clause in clauses(sentence):
            match = DEPARTMENT_DUTY_RE.match(clause.text)
            if match and "bureau" not in match.group("subject").lower():
                responsibility = capitalise(strip_end(match.group("rest")).rstrip("."))
                self.department_duties.append((match.group("subject").strip(), responsibility, clause.span))

    @staticmethod
    def is_about_the_bureau(text):
        lowered = text.lower()
        return "bureau" in lowered or lowered.startswith(("it ", "its ", "since its"))

    def is_fact_sentence(self, sentence):
        return bool(
            FOUNDED_RE.search(sentence.text)
            or PREDECESSOR_RE.search(sentence.text)
            or LOCATED_RE.search(sentence.text)
            or DEPARTMENT_LIST_RE.search(sentence.text)
            or find_counts(sentence.text)
        )

    def read_counts(self, sentence):
        found = find_counts(sentence.text)
        year = as_of_year(sentence.text)
        repeated = {category for category, n in Counter(c.category for c in found).items() if n > 1}
        for match in found:
            notes = []
            if match.approximate:
                notes.append(f"The source says “{match.approximate} {match.number}”.")
            if match.category in repeated:
                same = [c for c in found if c.category == match.category]
                fragment = sentence.text[same[0].start : same[-1].end]
                notes.append(f"The source gives more than one number for this type in one sentence: “{fragment}”.")
            self.draft.counts.append(
                DraftCount(match.category, match.new_type_name, match.number, year, " ".join(notes), sentence.span)
            )

    def read_department_list(self, sentence):
        match = DEPARTMENT_LIST_RE.search(sentence.text)
        if not match:
            return
        rest = sentence.sub(match.end(), len(sentence.text))
        names = [name for name in split_names(rest) if is_department_name(name.text)]
        if names and match.group("number"):
            word = match.group("number").lower()
            self.department_number = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        self.department_mentions += [(name.text, sentence.span) for name in names]

    # Lists of duties ---------------------------------------------------------

    def read_list(self, sentence):
        """Duties (or achievements) listed in one sentence; returns their kind, or "" if it lists none."""
        if FUNCTIONS_RE.search(sentence.text):
            self.add_duty("responsibility", sentence.text, sentence.span)
            return "responsibility"
        for kind, pattern in LIST_TRIGGERS:
            match = pattern.search(sentence.text)
            if not match:
                continue
            rest = sentence.sub(match.end(), len(sentence.text))
            intro = FOLLOWING_RE.match(rest.text)
            if intro:
                rest = rest.sub(intro.end(), len(rest.text))
            if not strip_end(rest.text).rstrip("."):
                self.pending_kind = kind  # "… include the following aspects:" – the entries follow
                return kind
            entries = split_actions(rest)
            spans = self.entry_spans(sentence, rest, entries)
            for entry, span in zip(entries, spans, strict=True):
                if kind == "achievement":
                    self.draft.achievements.append(DraftAchievement(entry.text, span))
                else:
                    self.add_duty(kind, entry.text, span)
            return kind
        return ""

    @staticmethod
    def entry_spans(sentence, rest, entries):
        """Each entry's provenance: its own clause when the list is split by semicolons, else the sentence."""
        if ";" not in rest.text and "；" not in rest.text:
            return [sentence.span] * len(entries)
        parts = clauses(sentence)
        spans = []
        for entry in entries:
            clause = next((c for c in parts if c.start <= entry.start < c.end), sentence)
            spans.append(clause.span)
        return spans

    def add_duty(self, kind, text, span, title=""):
        text = capitalise(strip_end(text.strip()))
        if text:
            self.draft.duties.append(DraftDuty(kind, title, text, span))

    def add_achievements(self, sentence):
        lead = ACHIEVEMENT_LEAD_RE.match(sentence.text)
        body = sentence.sub(lead.end(), len(sentence.text)) if lead else sentence
        for clause in clauses(body):
            text = capitalise(strip_end(clause.text))
            if text:
                span = clause.span if len(clauses(body)) > 1 else sentence.span
                self.draft.achievements.append(DraftAchievement(text, span))

    def add_department_item(self, segment):
        match = re.match(r"^(?P<name>[^:：]{2,80}?)\s*(?:[:：]|\s+is responsible for\b|,\s*responsible for\b)\s*(?P<rest>.*)$",
                         segment.text, re.IGNORECASE)  # fmt: skip
        if match:
            name, rest = match.group("name"), match.group("rest")
            responsibility = capitalise(strip_end(rest).rstrip("."))
            if "responsible for" in segment.text.lower() and not rest.lower().startswith("responsible"):
                responsibility = capitalise(f"responsible for {strip_end(rest).rstrip('.')}")
            self.department_mentions.append((_department_name(name), segment.span))
            self.department_duties.append((name, responsibility, segment.span))
        elif is_department_name(segment.text):
            self.department_mentions.append((_department_name(segment.text), segment.span))

    # Putting it together -----------------------------------------------------

    def finish(self):
        draft = self.draft
        city_hint = self.resolve_name()
        self.resolve_departments()
        if not draft.fact_count():
            raise DocumentError(
                "This text does not look like a profile of an education bureau: no departments, duties, "
                "achievements, institution counts, founding year or predecessor were found in it."
            )
        self.resolve_place(city_hint)
        place = draft.city if draft.city and not draft.district.lower().startswith(draft.city.lower()) else ""
        if not place and is_municipality(draft.province):
            place = draft.province
        draft.slug = slugify(f"{place} {draft.district}")[:100]
        draft.summary = " ".join(dict.fromkeys(sentence.text for sentence in self.summary[:2]))
        if not draft.departments:
            draft.warnings.append("No departments found.")
        elif self.department_number and self.department_number != len(draft.departments):
            draft.warnings.append(
                f"The text says the bureau has {self.department_number} departments but names {len(draft.departments)}."
            )
        if not draft.duties:
            draft.warnings.append("No responsibilities, priorities, tasks or plans found.")
        if not draft.counts:
            draft.warnings.append("No institution counts found.")
        for count in draft.counts:
            if count.new_type_name:
                draft.warnings.append(
                    f"“{count.new_type_name}” ({count.count}) is not one of the shared institution types."
                )

    def resolve_departments(self):
        departments = {}  # casefolded name → DraftDepartment
        for name, span in self.department_mentions:
            departments.setdefault(name.casefold(), DraftDepartment(name, "", span))
        for subject, responsibility, span in self.department_duties:
            department = _matching_department(subject, departments.values())
            if department is None and is_department_name(subject):
                department = DraftDepartment(capitalise(subject.strip()), "", span)
                departments[subject.casefold()] = department
            if department is not None and not department.responsibility:
                department.responsibility = responsibility
                department.span = span
        self.draft.departments = list(departments.values())

    def resolve_name(self):
        """Set the bureau's name and district from how the text names it; return the city it names, if any."""
        draft, text = self.draft, self.text
        predecessor_start, predecessor_end = self.predecessor_range
        candidates = []  # (district, city hint, name, start, end, formal)
        for pattern, formal in ((NAMED_FIRST_RE, True), (NAMED_AFTER_RE, False)):
            for match in pattern.finditer(text):
                if predecessor_start <= match.start() < predecessor_end:
                    continue
                place = _without_leading_words(match.group("place"))
                if not place or place.lower() in BARE_SUFFIXES:
                    continue
                district, city = _split_city(place)
                if match.group("city") and gazetteer.city_named(match.group("city")):
                    city = city or match.group("city")
                name = f"{place} Education Bureau" if formal else f"Education Bureau of {district}"
                candidates.append((district, city, name, match.start(), match.end(), formal))
        if not candidates:
            raise DocumentError(
                "This text does not look like a profile of an education bureau: it never names a district "
                "education bureau (such as “Heping District Education Bureau”)."
            )
        district = Counter(c[0] for c in candidates).most_common(1)[0][0]
        chosen = [c for c in candidates if c[0] == district]
        best = next((c for c in chosen if c[5]), chosen[0])
        draft.district, draft.name = district, best[2]
        draft.fact_spans[FactSource.Fact.NAME] = self.sentence_around(best[3], best[4])
        return next((c[1] for c in chosen if c[1]), "")

    def resolve_place(self, city_hint):
        draft = self.draft
        address = draft.address
        province = _first_province(address) or _first_province(self.text)
        city = _gazetteer_city(city_hint)
        if not city:
            for match in CITY_MENTION_RE.finditer(address + " " + self.text):
                city = _gazetteer_city(match.group("name"))
                if city:
                    break
        if not city:
            words = re.findall(r"[A-Z][\w'’-]+(?!\s+(?:District|County|New|Province|Autonomous))\b", address)
            city = next((c for c in map(_gazetteer_city, words) if c), None)
        if city and is_municipality(city[0]):
            province, city = province or city[0], None
        if province and is_municipality(province):
            city = None
        if city and province and province not in city[1]:
            draft.warnings.append(f"{city[0]} is not a city of {province}; the city was left empty.")
            city = None
        if not province and city:
            if len(city[1]) > 1:
                raise DocumentError(
                    f"Could not tell which province the bureau is in: {city[0]} is a city in both "
                    f"{' and '.join(city[1])}, and the text names no province."
                )
            province = city[1][0]
            draft.warnings.append(f"Province inferred from the city: {city[0]} is in {province}.")
        if not province:
            raise DocumentError(
                "Could not tell which province the bureau is in: the text names no province and no "
                "prefecture-level city the portal knows."
            )
        draft.province, draft.city = province, city[0] if city else ""

    def sentence_around(self, start, end):
        for line in lines(self.text):
            if line.body.start <= start < line.body.end:
                for sentence in sentences(line.body):
                    if sentence.start <= start < sentence.end:
                        return sentence.span
        return (start, end)


def _department_name(text):
    return capitalise(re.sub(r"^the\s+", "", strip_end(text.strip()), flags=re.IGNORECASE))


def _without_leading_words(place):
    words = place.split()
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


def _split_city(place):
    """("Heping District", "Shenyang") from "Shenyang Heping District"; a new area named after its city keeps it."""
    first, _, rest = place.partition(" ")
    city = gazetteer.city_named(first)
    if city and rest and rest.lower() not in BARE_SUFFIXES:
        return rest, city[0]
    return place, city[0] if city else ""


def _gazetteer_city(name):
    return gazetteer.city_named(name) if name else None


def _first_province(text):
    for match in PROVINCE_MENTION_RE.finditer(text):
        province = gazetteer.province_named(match.group("name") or match.group("municipality"))
        if province:
            return province
    return None


GENERIC_WORDS = {"the", "of", "and", "department", "ministry", "section", "division", "office", "bureau", "for"}


def _matching_department(subject, departments):
    """The listed department a sentence's subject means: same name, or the same words in another order
    ("Ministry of Education and Development" is the "education development department")."""
    words = set(re.findall(r"\w+", subject.lower()))
    key = words - GENERIC_WORDS
    for department in departments:
        name_words = set(re.findall(r"\w+", department.name.lower()))
        if words == name_words or (key and key == name_words - GENERIC_WORDS):
            return department
    return None
