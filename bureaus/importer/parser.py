"""
Reading a bureau document into a :class:`~bureaus.importer.draft.Draft`.

The parser walks the document line by line. Headings ("I. Institutional setup",
"major duty", "Internal organization:") set what the following lines are about;
marked lines ("1.", "(a)", "(two)", "Two,", "3 to …") are entries of that section;
paragraphs are read sentence by sentence. Facts that stand anywhere (the bureau's
name, founding date, predecessor, seat, institution counts, department lists,
achievements, "its main tasks include: …") are recognised wherever they are, because
narrative pages have no headings at all. The recognisers live in their own modules
(``names``, ``facts``, ``institutions``, ``lists``); this module only walks.

It never invents and never throws a document away: a fact is only recorded with the
span it was read from, what cannot be read stays blank with a warning, and only a
text that is not about an education bureau at all is refused. Pure Python, no Django.
"""

import re
import unicodedata
from collections import Counter

from bureaus.importer import facts, names
from bureaus.importer.draft import (
    ESTABLISHED_YEAR,
    LOCATION,
    NAME,
    PREDECESSOR,
    Draft,
    DraftAchievement,
    DraftCount,
    DraftDepartment,
    DraftDuty,
)
from bureaus.importer.errors import DocumentError
from bureaus.importer.institutions import as_of_year, debris, find_counts
from bureaus.importer.lists import (
    department_list,
    is_department_name,
    name_and_note,
    split_actions,
    split_enumeration,
    starts_with_verb,
)
from bureaus.importer.segments import capitalise, clauses, inline_items, lines, section_kind, sentences, strip_end
from bureaus.places.regions import is_municipality
from bureaus.vocabulary import DUTY_KINDS, control_character_problem

# A document with more items than this is not a bureau profile; the rest is left out, with a warning.
MAX_ITEMS = 300

ABOUT_A_BUREAU_RE = re.compile(
    r"\beducation(?:al)?\b[^.\n]{0,60}\b(?:bureau|commission|department|administration)\b|\bbureau of education\b",
    re.IGNORECASE,
)
# Sentences that open a list of duties of one kind; the list is what follows the match.
LIST_TRIGGERS = [
    (
        "responsibility",
        r"\b(?:responsibilities|functions|duties|duty|work content|roles?)\b[^.:;]{0,80}?\b(?:include|includes|included|are|is|cover|covers)\b"
        r"(?:\s+as\s+follows)?(?:\s+the\s+following(?:\s+aspects)?)?\s*[:：]?\s*(?:to\s+)?",
    ),
    ("task", r"\btasks\b[^.:;]{0,80}?\b(?:include|includes|are)\b(?:\s+the\s+following(?:\s+aspects)?)?\s*[:：]?\s*"),
    (
        "priority",
        r"\b(?:focus|priorities|key work|key measures)\b[^.:;]{0,80}?\b(?:include|includes|are|is|lies in)\b"
        r"(?:\s+the\s+following(?:\s+aspects)?)?\s*[:：]?\s*",
    ),
    ("priority", r"\b(?:is|are|has been|have been)\s+(?:also\s+)?committed to\s+"),
    ("plan", r"\b(?:in the future|in the next (?:\w+\s+)?years?|next step)\b[^.]*?\bwill\s+(?:also\s+)?"),
    ("plan", r"\bwill also\s+"),
    ("plan", r"\b(?:plans|intends) to\s+"),
    ("achievement", r"^since its (?:establishment|founding)(?: in \d{4})?,\s+[^,]*?\bhas\s+"),
]
LIST_TRIGGERS = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in LIST_TRIGGERS]
# "… is responsible for A, B and C", "its mission is to …": one duty, kept whole.
RESPONSIBLE_RE = re.compile(
    r"\b(?:is|are)\s+(?:also\s+|mainly\s+|primarily\s+|chiefly\s+)*responsible for\s+"
    r"|\b(?:main\s+duty|mission|task|role)\s+(?:of\s+[^,.]{0,80}?\s+)?is\s+to\s+",
    re.IGNORECASE,
)
# "… it has the functions of management, supervision and service": the sentence is the duty.
FUNCTIONS_RE = re.compile(r"\bha(?:s|ve) the functions? of\b", re.IGNORECASE)
# What a bureau is responsible for when that is just what it is: "the education of Gusu District".
WHAT_IT_IS_RE = re.compile(
    r"^(?:the\s+)?(?:overall\s+)?(?:educational?|the education)(?:\s+(?:work|affairs|undertakings|cause|administration))?\s+(?:in|of|for|within)\s+[^,;]*[.;]?$",
    re.IGNORECASE,
)
# "… will strengthen …" about the bureau: a plan.
WILL_RE = re.compile(r"\b(?:bureau|it|we)\s+will\s+(?:also\s+|continue to\s+|further\s+)*", re.IGNORECASE)
FOLLOWING_RE = re.compile(r"^(?:as follows|the following(?:\s+aspects)?)\s*[:：]?\s*", re.IGNORECASE)
INTRO_RE = re.compile(r"(?:[:：]\s*$|\bas follows\b|\bthe following\b)", re.IGNORECASE)
LABEL_RE = re.compile(r"^(?P<label>[A-Z][^:：.;]{1,60}?)\s*[:：]\s*(?P<rest>\S.*)$")
DEPARTMENT_DUTY_RE = re.compile(
    r"^(?:among them,?\s*)?(?:the\s+)?(?P<subject>[\w'’ -]{2,80}?)\s+(?:is|are)\s+(?:mainly\s+|also\s+)?"
    r"(?P<rest>(?:responsible for|in charge of)\b.*|the\b[^,;]*?\b(?:department|body|organ|office)\b.*)$",
    re.IGNORECASE,
)
ACHIEVEMENT_LEAD_RE = re.compile(
    r"^(?:for example|for instance|in addition|moreover|furthermore|at the same time|besides)\s*,\s*", re.IGNORECASE
)
ACHIEVEMENT_INTRO_RE = re.compile(
    r"\b(?:made|achieved|obtained|scored)\b[^.]*\b(?:achievements?|results|progress|success)\b", re.IGNORECASE
)
SUMMARY_RE = re.compile(
    r"\b(?:is located|is the|is an?|was (?:established|founded|set up|formed)|is responsible for the|is an integral)\b",
    re.IGNORECASE,
)
CHATTER_RE = re.compile(r"\b(?:I'll|I will|let me|tell you|the following is|here is|please click)\b", re.IGNORECASE)
ANNOUNCED_ITEMS_RE = re.compile(
    r"\b(?P<number>\d{1,2})\s+(?:functional\s+|internal\s+)?(?:departments|divisions|sections|units|offices|organs)\b",
    re.IGNORECASE,
)


def parse_document(text, title=""):
    """A draft bureau from a document's text, or a DocumentError saying why it is not a bureau document."""
    if not text.strip():
        raise DocumentError("The document is empty: there is no text to import.")
    if "\x00" in text:
        raise DocumentError("The text contains NUL characters, so it is binary data, not a document.")
    problem = control_character_problem(text)
    if problem:
        raise DocumentError(f"The text {problem}")
    draft = _Reader(text, title).read()
    if not ABOUT_A_BUREAU_RE.search(text):
        # A bureau's own page may never name it ("Internal organization: Office: …"): enough of a
        # bureau's structure in a text about education is a bureau document all the same.
        structure = len(draft.departments) + len(draft.duties)
        if structure < 3 or not re.search(r"\beducation", text, re.IGNORECASE):
            raise DocumentError(
                "This text is not about an education bureau: it never names one (such as “Heping District "
                "Education Bureau”) and lists no departments or duties of one, so there is nothing to import."
            )
    return draft


class _Reader:
    def __init__(self, text, title):
        self.text = text
        self.draft = Draft(source_text=text, source_title=title or "Imported document")
        self.section = ""
        self.pending_kind = ""  # set by an intro sentence ("… include the following aspects:")
        self.department_mentions = []  # (name, span, note)
        self.department_duties = []  # (subject, responsibility, span)
        self.announced_departments = None
        self.last_department = None
        self.summary = []
        self.predecessor_range = (0, 0)
        self.items = 0

    # Walking the document -------------------------------------------------

    def read(self):
        for line in lines(self.text):
            if line.kind == "heading":
                self.read_heading(line.body)
            elif line.kind == "item":
                head, *entries = inline_items(line.body, minimum=1) or [line.body]
                for entry in [head, *entries]:
                    self.read_item(entry)
            else:
                pieces = inline_items(line.body)
                if pieces:
                    head, *entries = pieces
                    if head.text:
                        self.read_paragraph(head)
                    for entry in entries:
                        self.read_item(entry)
                else:
                    self.read_paragraph(line.body)
        self.finish()
        return self.draft

    def read_heading(self, segment):
        kind = section_kind(segment.text)
        self.section = kind or ("other" if len(segment.text.split()) > 1 else self.section)
        self.pending_kind = ""
        for sentence in sentences(segment):
            self.read_facts(sentence, heading=True)

    def read_paragraph(self, segment):
        if self.section == "departments" and self.read_department_line(segment):
            return
        label = LABEL_RE.match(segment.text)
        if label and self.section in DUTY_KINDS and len(label.group("label").split()) <= 5:
            rest = segment.sub(label.start("rest"), len(segment.text))
            self.add_duty(self.section, rest.text, segment.span, title=label.group("label"))
            return
        achievement_context = self.section == "achievement"
        listing = ""  # the kind a list opened in this paragraph, which verb-led sentences after it continue
        for sentence in sentences(segment):
            self.read_facts(sentence)
            if listing in DUTY_KINDS and starts_with_verb(sentence.text) and not facts.is_achievement(sentence.text):
                self.add_duty(listing, sentence.text, sentence.span)
                continue
            listing = self.read_list(sentence)
            if listing:
                continue
            if ACHIEVEMENT_INTRO_RE.search(sentence.text) and not ACHIEVEMENT_LEAD_RE.match(sentence.text):
                achievement_context = True
                continue
            if achievement_context or facts.is_achievement(sentence.text):
                self.add_achievements(sentence)
            elif self.section in DUTY_KINDS and not INTRO_RE.search(sentence.text):
                if self.is_summary_sentence(sentence, anywhere=True):
                    self.summary.append(sentence)  # "X Bureau is the working department of …": what it is
                elif not self.is_fact_sentence(sentence):
                    self.add_duty(self.section, sentence.text, sentence.span)
            elif INTRO_RE.search(sentence.text) and self.section in DUTY_KINDS:
                self.pending_kind = self.section
            elif self.read_run_on_duties(sentence):
                continue
            elif self.is_summary_sentence(sentence):
                self.summary.append(sentence)

    def read_item(self, segment):
        kind = self.pending_kind or self.section
        for sentence in sentences(segment):
            self.read_facts(sentence)
        if kind == "departments" or (not kind and is_department_name(segment.text.rstrip(".:："))):
            self.add_department_item(segment)
        elif kind in DUTY_KINDS or (kind in ("", "other", "basic") and self.looks_like_duty(segment.text)):
            kind = kind if kind in DUTY_KINDS else "responsibility"
            if facts.is_achievement(segment.text) and not starts_with_verb(segment.text):
                for sentence in [s for s in sentences(segment) if facts.is_achievement(s.text)] or [segment]:
                    self.add_achievement(sentence.text, sentence.span)
                return
            parts = sentences(segment)
            if len(parts) >= 2 and len(parts[0].text.split()) <= 8 and not parts[0].text.endswith(";"):
                rest = segment.sub(parts[1].start - segment.start, len(segment.text))
                self.add_duty(kind, rest.text, segment.span, title=parts[0].text.rstrip(".。"))
            else:
                self.add_duty(kind, segment.text, segment.span)
        elif kind == "achievement" or facts.is_achievement(segment.text):
            said = [s for s in sentences(segment) if facts.is_achievement(s.text)] if kind != "achievement" else []
            for sentence in said or [segment]:
                self.add_achievement(sentence.text, sentence.span)
        else:
            self.read_paragraph(segment)

    @staticmethod
    def looks_like_duty(text):
        return starts_with_verb(text) or bool(
            re.match(r"^(?:the\s+)?(?:implementation|management|overall|planning)\b", text, re.I)
        )

    # Facts recognised wherever they stand ------------------------------------

    def read_facts(self, sentence, heading=False):
        text, draft = sentence.text, self.draft
        founded = facts.founding_year(text)
        if founded and draft.established_year is None and self.is_about_the_bureau(text):
            draft.established_year = founded[0]
            draft.fact_spans[ESTABLISHED_YEAR] = sentence.span
        predecessor = facts.predecessor(text)
        if predecessor and not draft.predecessor:
            value, start, end = predecessor
            draft.predecessor = capitalise(strip_end(value))
            draft.fact_spans[PREDECESSOR] = sentence.span
            # The predecessor's name is not the bureau's, however much it looks like one.
            self.predecessor_range = (sentence.start + start, sentence.start + end)
        seat = facts.seat(text)
        if seat and not draft.address and (self.is_about_the_bureau(text) or text.lower().startswith("address")):
            draft.address = strip_end(seat)
            draft.fact_spans[LOCATION] = sentence.span
        if heading:
            return
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
        return (
            "bureau" in lowered
            or lowered.startswith(("it ", "its ", "since its", "located"))
            or lowered.startswith(", located")
        )

    def is_fact_sentence(self, sentence):
        text = sentence.text
        return bool(
            facts.founding_year(text) or facts.predecessor(text) or facts.seat(text) or department_list(sentence)
            or find_counts(text)
        )  # fmt: skip

    def read_counts(self, sentence):
        found = find_counts(sentence.text)
        for piece in debris(sentence.text):
            self.warn(
                f"Skipped machine-translation debris “{piece}” in: “{sentence.text[:80]}…” — check the number by hand."
            )
        year = as_of_year(sentence.text)
        listed = department_list(sentence)
        repeated = {category for category, n in Counter(c.category for c in found).items() if n > 1}
        for match in found:
            notes = []
            if match.approximate and match.approximate not in ("a total of", "totally", "altogether"):
                notes.append(f"The source says “{match.approximate} {match.number}”.")
            if match.category in repeated:
                same = [c for c in found if c.category == match.category]
                fragment = sentence.text[same[0].start : same[-1].end]
                notes.append(f"The source gives more than one number for this type in one sentence: “{fragment}”.")
            if match.category == "internal-office" and listed and listed[0] == match.number:
                continue  # "8 units, including the office, …": how many departments follow, not an institution count
            self.draft.counts.append(
                DraftCount(
                    match.category,
                    match.new_type_name,
                    match.number,
                    year,
                    " ".join(notes),
                    sentence.span,
                    match.phrase,
                )
            )

    def read_department_list(self, sentence):
        found = department_list(sentence)
        if not found:
            return
        number, found_names = found
        if number:
            self.announced_departments = number
        for name in found_names:
            name, note = name_and_note(name)
            self.department_mentions.append((_department_name(name.text), sentence.span, note))

    def read_department_line(self, segment):
        """In a departments section: "Office: responsible for …", "(1) office", a name alone, or its duties."""
        match = re.match(r"^(?P<name>[^:：.;]{2,80}?)\s*(?:[:：]|\s+is\s+(?:mainly\s+)?responsible\s+for\b)\s*(?P<rest>.*)$",
                         segment.text, re.IGNORECASE)  # fmt: skip
        if match and is_department_name(name_and_note(segment.sub(0, match.end("name")))[0].text):
            self.add_department_item(segment)
            return True
        if is_department_name(segment.text.rstrip(".")):
            self.add_department_item(segment)
            return True
        if (
            self.last_department is not None
            and not self.last_department.responsibility
            and starts_with_verb(segment.text)
        ):
            self.last_department.responsibility = capitalise(strip_end(segment.text).rstrip("."))
            self.last_department.span = (self.last_department.span[0], segment.end)
            return True
        return False

    # Lists of duties ---------------------------------------------------------

    def read_list(self, sentence):
        """Duties (or achievements) listed in one sentence; returns their kind, or "" if it lists none."""
        text = sentence.text
        if FUNCTIONS_RE.search(text):
            self.add_duty("responsibility", text, sentence.span)
            return "responsibility"
        for clause in clauses(sentence):
            responsible = RESPONSIBLE_RE.search(clause.text)
            if not responsible or not _bureau_is_subject(clause.text[: responsible.start()]):
                continue
            rest = clause.sub(responsible.end(), len(clause.text))
            # "… is mainly responsible for the education of Gusu District": what it is, not one of its duties.
            if WHAT_IT_IS_RE.match(rest.text) or len(rest.text.split()) <= 4 or department_list(sentence):
                continue
            kind = self.pending_kind if self.pending_kind in DUTY_KINDS else "responsibility"
            self.add_duty(kind, rest.text, clause.span if clause.text != text else sentence.span)
            return kind
        for kind, pattern in LIST_TRIGGERS:
            match = pattern.search(text)
            if not match:
                continue
            rest = sentence.sub(match.end(), len(text))
            intro = FOLLOWING_RE.match(rest.text)
            if intro:
                rest = rest.sub(intro.end(), len(rest.text))
            if not strip_end(rest.text).rstrip("."):
                self.pending_kind = kind  # "… include the following aspects:" – the entries follow
                return kind
            entries = split_actions(rest)
            if len(entries) == 1 and kind != "achievement":
                entries = split_enumeration(rest)
            spans = self.entry_spans(sentence, rest, entries)
            for entry, span in zip(entries, spans, strict=True):
                if kind == "achievement":
                    self.add_achievement(entry.text, span)
                else:
                    self.add_duty(kind, entry.text, span)
            return kind
        will = WILL_RE.search(text)
        if will and self.section not in ("departments",):
            rest = sentence.sub(will.end(), len(text))
            if rest.text:
                self.add_duty("plan", rest.text, sentence.span)
                return "plan"
        return ""

    def read_run_on_duties(self, sentence):
        """ "Implementing …; Coordinate …; To study …;": clauses that each open with a verb are duties."""
        parts = [part for part in clauses(sentence) if strip_end(part.text)]
        verbs = [part for part in parts if starts_with_verb(part.text)]
        if len(parts) < 2 or len(verbs) < max(2, len(parts) - 1):
            return False
        for part in verbs:
            self.add_duty("responsibility", part.text, part.span)
        return True

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

    def is_summary_sentence(self, sentence, anywhere=False):
        """A sentence saying what the bureau is ("… is located in …", "… was established in …")."""
        text = sentence.text
        return (
            (anywhere or self.section not in (*DUTY_KINDS, "achievement"))
            and bool(SUMMARY_RE.search(text))
            and not CHATTER_RE.search(text)
            and ("bureau" in text.lower() or text.startswith("It "))
        )

    # Adding facts ------------------------------------------------------------

    def counted(self):
        self.items += 1
        if self.items == MAX_ITEMS + 1:
            self.warn(f"The text lists more than {MAX_ITEMS} items; only the first {MAX_ITEMS} were read.")
        return self.items <= MAX_ITEMS

    def add_duty(self, kind, text, span, title=""):
        text = capitalise(strip_end(re.sub(r"^to\s+", "", text.strip(), flags=re.IGNORECASE)))
        if len(re.findall(r"[^\W\d_]{2,}", text)) >= 2 and self.counted():
            self.draft.duties.append(DraftDuty(kind, title, text, span))

    def add_achievement(self, text, span):
        text = capitalise(strip_end(text.strip()))
        if len(re.findall(r"[^\W\d_]{2,}", text)) >= 3 and self.counted():
            self.draft.achievements.append(DraftAchievement(text, span))

    def add_achievements(self, sentence):
        lead = ACHIEVEMENT_LEAD_RE.match(sentence.text)
        body = sentence.sub(lead.end(), len(sentence.text)) if lead else sentence
        parts = clauses(body)
        for clause in parts:
            self.add_achievement(clause.text, clause.span if len(parts) > 1 else sentence.span)

    def add_department_item(self, segment):
        match = re.match(r"^(?P<name>[^:：.;]{2,80}?)\s*(?:[:：]|\s+is\s+(?:mainly\s+)?responsible for\b|,\s*responsible for\b)\s*(?P<rest>.*)$",
                         segment.text, re.IGNORECASE)  # fmt: skip
        if not self.counted():
            return
        if match:
            name, note = name_and_note(segment.sub(0, match.end("name")))
            rest = match.group("rest")
            responsibility = capitalise(strip_end(rest).rstrip("."))
            if "responsible for" in segment.text.lower() and not rest.lower().startswith(("responsible", "mainly")):
                responsibility = capitalise(f"responsible for {strip_end(rest).rstrip('.')}")
            self.department_mentions.append((_department_name(name.text), segment.span, note))
            self.department_duties.append((name.text, responsibility, segment.span))
        else:
            name, note = name_and_note(segment.sub(0, len(segment.text.rstrip(".:："))))
            if is_department_name(name.text):
                self.department_mentions.append((_department_name(name.text), segment.span, note))

    def warn(self, message):
        if message not in self.draft.warnings:
            self.draft.warnings.append(message)

    # Putting it together -----------------------------------------------------

    def finish(self):
        draft = self.draft
        self.resolve_departments()
        self.resolve_name_and_place()
        draft.summary = " ".join(dict.fromkeys(sentence.text for sentence in self.summary[:2]))
        if not draft.fact_count():
            self.warn("No departments, duties, achievements, institution counts or founding date could be read.")
        if not draft.departments:
            self.warn("No departments found: add them by hand if the document lists any.")
        elif self.announced_departments and self.announced_departments != len(draft.departments):
            self.warn(
                f"The text says the bureau has {self.announced_departments} departments but "
                f"{len(draft.departments)} were read: check the department list."
            )
        if not draft.duties:
            self.warn("No responsibilities, priorities, tasks or plans found.")
        if not draft.counts:
            self.warn("No institution counts found.")
        for count in draft.counts:
            if count.new_type_name:
                self.warn(
                    f"“{count.new_type_name}” ({count.count}) is not one of the shared institution types: "
                    "it is proposed as a new type."
                )

    def resolve_departments(self):
        departments = {}  # casefolded name → DraftDepartment
        for name, span, note in self.department_mentions:
            departments.setdefault(name.casefold(), DraftDepartment(name, "", span, note))
        for subject, responsibility, span in self.department_duties:
            department = _matching_department(subject, departments.values())
            if department is None and is_department_name(subject):
                department = DraftDepartment(_department_name(subject), "", span)
                departments[subject.casefold()] = department
            if department is not None and not department.responsibility and responsibility:
                department.responsibility = responsibility
                department.span = span
        self.draft.departments = list(departments.values())

    def resolve_name_and_place(self):
        draft = self.draft
        mention = names.choose_name(names.name_mentions(self.text, skip=self.predecessor_range))
        if mention is not None:
            draft.name = _tidy_name(mention.name)
            draft.fact_spans[NAME] = self.sentence_around(mention.start)
        else:
            self.warn("The bureau's name could not be read: type it in before publishing.")
        placing = names.place(mention.place if mention else "", mention.city if mention else "", self.text)
        draft.district, draft.city, draft.province = placing.district, placing.city, placing.province
        draft.chinese_name = placing.chinese_name
        draft.place_candidates = list(placing.candidates)
        if placing.warning:
            self.warn(placing.warning)
        elif placing.from_gazetteer:
            self.warn(f"Place taken from the gazetteer: {placing.from_gazetteer} — check it.")
        if not draft.district:
            self.warn("The district or county could not be read: choose it before publishing.")
        if not draft.province:
            self.warn("The province could not be read: the text names none, and its place is not in the gazetteer.")
        above = draft.city if draft.city and not draft.district.startswith(draft.city) else ""
        if not above and is_municipality(draft.province):
            above = draft.province
        draft.slug = slug_for(above, draft.district)
        if not draft.slug:
            draft.slug = f"draft-{draft.sha256[:12]}"

    def sentence_around(self, position):
        for line in lines(self.text):
            if line.body.start <= position < line.body.end:
                for sentence in sentences(line.body):
                    if sentence.start <= position < sentence.end:
                        return sentence.span
        return (position, position + 1)


def _bureau_is_subject(prefix):
    """Whether the words before "is responsible for" speak of the bureau ("The Education Bureau is …",
    "…, which is …"), not of one of its departments."""
    words = re.findall(r"[\w'’]+", prefix.lower())
    return (
        bool(words)
        and ("bureau" in words[-8:] or words[-1] in ("it", "which", "also", "mainly"))
        and not any(word in ("office", "department", "section", "division", "unit", "ministry") for word in words[-3:])
    )


def _tidy_name(name):
    name = re.sub(r"^(?:the|a)\s+", "", name.strip(), flags=re.IGNORECASE)
    return capitalise(re.sub(r"\s+", " ", name))


def slug_for(*parts):
    """The slug of a bureau at a place: "shenyang-heping-district"."""
    text = unicodedata.normalize("NFKD", " ".join(part for part in parts if part)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100]


def _department_name(text):
    return capitalise(re.sub(r"^(?:the|and)\s+", "", strip_end(text.strip()), flags=re.IGNORECASE))


GENERIC_WORDS = {"the", "of", "and", "department", "ministry", "section", "division", "office", "bureau", "for", "unit"}


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
