"""
The English reader: an English (or machine-translated) page about a bureau into a
:class:`~bureaus.importer.draft.Draft`.

It walks the document line by line. Headings ("I. Institutional setup", "major duty",
"Internal organization:") set what the following lines are about; marked lines ("1.", "(a)",
"(two)", "Two,", "3 to …") are entries of that section; paragraphs are read sentence by sentence.
Facts that stand anywhere (the bureau's name, founding date, predecessor, seat, institution counts,
department lists, achievements, "its main tasks include: …") are recognised wherever they are,
because narrative pages have no headings at all. The recognisers live in their own modules
(``names``, ``facts``, ``institutions``, ``lists``, ``duties``), as does finding the education
bureau's part of a page listing a whole government's agencies (``directory``); this module only
walks, and ``relevance`` decides whether what it read is a bureau's. ``parser`` chooses this reader
or the Chinese one by the text's script. Pure Python, no Django.
"""

import re
from collections import Counter

from bureaus.importer import assembly, directory, duties, facts, names, relevance
from bureaus.importer.achievements import ACHIEVEMENT_INTRO_RE, ACHIEVEMENT_LEAD_RE, HONOUR_RE, AchievementSentences
from bureaus.importer.departments import DepartmentLines
from bureaus.importer.draft import (
    ESTABLISHED_YEAR,
    FROM_TITLE,
    LOCATION,
    NAME,
    PLACE,
    PREDECESSOR,
    Draft,
    DraftCount,
    DraftDuty,
)
from bureaus.importer.institutions import as_of_year, debris, find_counts
from bureaus.importer.lists import (
    announces_parts,
    department_list,
    is_department_name,
    starts_with_verb,
)
from bureaus.importer.segments import (
    capitalise,
    inline_items,
    lines,
    section_kind,
    sentences,
    shortened,
    strip_end,
)
from bureaus.vocabulary import (
    DUTY_KINDS,
    MAX_ITEMS,
)

# An intro to a list of what the bureau does, in words no heading uses: "… assume the following job:".
JOB_INTRO_RE = re.compile(r"\b(?:jobs?|work|duties|functions|responsibilit\w*|tasks|roles?|following)\b", re.IGNORECASE)
LABEL_RE = re.compile(r"^(?P<label>[A-Z][^:：.;]{1,60}?)\s*[:：]\s*(?P<rest>\S.*)$")
INSTITUTION_HEADING_RE = re.compile(r"\b(?:kindergarten|school|college|university|campus)\s*[.:：]?\s*$", re.IGNORECASE)
SUMMARY_RE = re.compile(
    r"\b(?:is located|is the|is an?|was (?:established|founded|set up|formed)|is responsible for the|is an integral)\b",
    re.IGNORECASE,
)
CHATTER_RE = re.compile(r"\b(?:I'll|I will|let me|tell you|the following is|here is|please click)\b", re.IGNORECASE)


def read(text, title, url):
    """A draft from an English text, or a DocumentError when it is about no education bureau."""
    education_part = directory.education_part(text)
    draft = _Reader(text, title, education_part, url).read()
    if education_part is not None:
        draft.warnings.insert(
            0, "The text describes several government departments: only the education bureau's part of it was read."
        )
    relevance.refuse_unless_about_a_bureau(draft, text)
    return draft


def _headlines(found):
    """The headings a news page repeats over paragraphs ("Schools provide a class act for success" above each photo's
    caption): its headline, which announces no section whatever its words. A heading said once in a menu and once
    over its section is a heading."""
    over_paragraphs = Counter(
        line.body.text.strip()
        for line, following in zip(found, found[1:], strict=False)
        if line.kind == "heading" and following.kind != "heading"
    )
    return {text for text, times in over_paragraphs.items() if times > 1}


class _Reader(DepartmentLines, AchievementSentences):
    def __init__(self, text, title, education_part=None, url=""):
        # On a page of a whole government's agencies, only the education bureau's part is read (the
        # others blanked out, offsets kept); what follows its heading is what it does.
        self.education_part = education_part
        self.text = text if education_part is None else education_part.text
        self.draft = Draft(source_text=text, source_title=title or "Imported document", source_url=url)
        self.section = ""
        self.pending_kind = ""  # set by an intro sentence ("… include the following aspects:")
        self.department_mentions = []  # (name, span, note)
        self.department_duties = []  # (subject, responsibility, span)
        self.announced_departments = None
        self.counts_read = {}  # (type, new type's name, number) of the counts read → the years they were said for
        self.summary = []
        self.predecessor_range = (0, 0)
        self.items = 0
        self.last_item_kind = ""  # the kind of the last list entry read, which the next one continues
        self.bureau_was_named = True  # whether the last sentence with a subject of its own named the bureau
        self.under_an_institution = (
            False  # whether the last heading names a school ("Yongning County Fifth Kindergarten")
        )

    # Walking the document -------------------------------------------------

    def read(self):
        found = list(lines(self.text))
        headlines = _headlines(found)
        for line in found:
            if line.kind == "heading" and line.body.text.strip() in headlines:
                self.section, self.pending_kind = "other", ""
            elif line.kind == "heading":
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
        self.last_item_kind = ""
        self.under_an_institution = bool(INSTITUTION_HEADING_RE.search(segment.text))
        # "Three-year action plan》": a document's title in book-title marks (a headline cut in two), no section.
        kind = "" if re.search(r"[《》]", segment.text) else section_kind(segment.text)
        if self.education_part and segment in self.education_part.headings:
            kind = "responsibility"
        elif self.department_heading(segment):
            kind = "departments"  # "(a) the office (hanging … brand)": what follows is what the office does
        elif relevance.about_bureaus_in_general(segment.text, heading=True):
            kind = "general"  # a section on bureaus in general: neither this bureau's departments nor its duties
        self.section = kind or ("other" if len(segment.text.split()) > 1 else self.section)
        self.pending_kind = ""
        for sentence in sentences(segment):
            self.read_facts(sentence, heading=True)

    def read_paragraph(self, segment):
        if self.section == "general":
            return
        # "The bureau consists of 8 departments: the A, …" and "Internal departments (8): A, …" list departments
        # (read with the sentence's other facts below); they are neither a department's line nor a labelled duty.
        opening = sentences(segment)[:1]
        listing = department_list(opening[0]) if opening else None
        if not listing and (self.pending_kind or self.section) == "departments" and self.read_department_line(segment):
            return
        label = LABEL_RE.match(segment.text)
        if label and not listing and self.section in DUTY_KINDS and len(label.group("label").split()) <= 5:
            rest = segment.sub(label.start("rest"), len(segment.text))
            self.add_duty(self.section, rest.text, segment.span, title=label.group("label"))
            return
        achievement_context = self.section == "achievement"  # under its heading, or after "… made great achievements"
        listing = ""  # the kind a list opened in this paragraph, which verb-led sentences after it continue
        general = False  # a sentence on bureaus in general, which "They …" after it continues
        for sentence in sentences(segment):
            continued = general and re.match(r"(?:they|these|such)\b", sentence.text, re.IGNORECASE)
            general = bool(continued) or relevance.about_bureaus_in_general(sentence.text)
            if general:
                if sentence.text.rstrip().endswith((":", "：")):
                    self.pending_kind = "general"  # "Education bureaus generally do the following:": not ours
                continue
            self.read_facts(sentence)
            if listing in DUTY_KINDS and starts_with_verb(sentence.text) and not facts.is_achievement(sentence.text):
                self.add_duty(listing, sentence.text, sentence.span)
                continue
            listing = self.read_list(sentence)
            if listing:
                continue
            if (
                ACHIEVEMENT_INTRO_RE.search(sentence.text)
                and not ACHIEVEMENT_LEAD_RE.match(sentence.text)
                and facts.speaks_of_education(sentence.text)  # not "various social undertakings have made progress"
            ):
                achievement_context = True
                continue
            # After "… has made remarkable achievements", "For example, …" gives one; another sentence must say so.
            said = facts.is_achievement(sentence.text) or (
                achievement_context and ACHIEVEMENT_LEAD_RE.match(sentence.text)
            )
            if said or (achievement_context and HONOUR_RE.search(sentence.text)):
                if not facts.of_one_institution(sentence.text):  # a kindergarten's history: its own, not the bureau's
                    self.add_achievements(sentence, honours_only=not said)
            elif announces_parts(sentence.text) or (
                sentence.text.rstrip().endswith((":", "：")) and section_kind(sentence.text) == "departments"
            ):
                self.pending_kind = "departments"  # "… has the following internal organs:" – they follow
            elif self.section in DUTY_KINDS and not duties.INTRO_RE.search(sentence.text):
                if self.is_summary_sentence(sentence, anywhere=True):
                    self.summary.append(sentence)  # "X Bureau is the working department of …": what it is
                elif not self.is_fact_sentence(sentence):
                    self.add_duty(self.section, sentence.text, sentence.span)
            elif duties.INTRO_RE.search(sentence.text) and self.section in DUTY_KINDS:
                self.pending_kind = self.section
            elif sentence.text.rstrip().endswith((":", "：")) and JOB_INTRO_RE.search(sentence.text):
                self.pending_kind = "responsibility"  # "… assumes the following job:" – its duties follow
            elif self.read_run_on_duties(sentence):
                continue
            elif self.is_summary_sentence(sentence):
                self.summary.append(sentence)

    def read_item(self, segment):
        kind = self.pending_kind or self.section
        label = LABEL_RE.match(segment.text)
        if label and relevance.about_bureaus_in_general(label.group("label"), heading=True):
            self.section, self.pending_kind = "general", ""  # "3. Duties of county education bureaus: …"
            return
        if kind == "general":
            return
        if kind != "achievement" and self.department_heading(segment):
            self.pending_kind = "departments"  # "(1) office" on its line: what it does follows
            return
        for sentence in sentences(segment):
            self.read_facts(sentence)
        if kind == "departments" or (not kind and is_department_name(segment.text.rstrip(".:："))):
            self.add_department_item(segment)
        elif kind in DUTY_KINDS or (kind in ("", "other", "basic") and self.looks_like_duty(segment.text)):
            kind = kind if kind in DUTY_KINDS else "responsibility"
            self.last_item_kind = kind
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
            for sentence in said:
                self.add_achievements(sentence)  # "…has been awarded …; the county passed …": one title a clause
            if not said:
                self.add_achievement(segment.text, segment.span)
        else:
            self.read_paragraph(segment)

    def looks_like_duty(self, text):
        """An unsectioned item that reads as a duty, or the next entry of a list of duties."""
        if self.last_item_kind in DUTY_KINDS and not facts.is_achievement(text):
            return True
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
        if not re.match(r"(?:it|its|they|this)\b", text, re.IGNORECASE):
            self.bureau_was_named = "bureau" in text.lower()
        if heading:
            return
        self.read_counts(sentence)
        self.read_department_list(sentence)
        self.read_department_duties(sentence)

    def is_about_the_bureau(self, text):
        """Whether a sentence's founding year or seat is the bureau's: it names the bureau, or says "it" after a
        sentence that did ("It is named because it is located in …" after one on the county is the county's)."""
        lowered = text.lower()
        return (
            "bureau" in lowered
            or (lowered.startswith(("it ", "its ", "since its")) and self.bureau_was_named)
            # "Located at the intersection of …" under a school's name is the school's seat.
            or (lowered.startswith(("located", ", located")) and not self.under_an_institution)
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
        # A type given two different numbers is worth a note; the same number said again is the same count.
        numbers = Counter(category for category, _ in {(c.category, c.number) for c in found})
        repeated = {category for category, n in numbers.items() if n > 1}
        spread = {}  # a repeated type → from its first number's start to its last one's end
        for match in found:
            if match.category in repeated:
                spread[match.category] = (spread.get(match.category, (match.start,))[0], match.end)
        repetitions = {
            category: "The source gives more than one number for this type in one sentence: "
            f"“{shortened(sentence.text, start, end)}”."
            for category, (start, end) in spread.items()
        }
        for match in found:
            notes = []
            if match.approximate and match.approximate not in ("a total of", "totally", "altogether"):
                notes.append(f"The source says “{match.approximate} {match.number}”.")
            if match.category in repeated:
                notes.append(repetitions[match.category])
            if match.parts:
                notes.append(f"The source gives its parts: {match.parts}.")
            announcing = match.category == "internal-office" or is_department_name(match.phrase.split()[-1])
            if listed and listed[0] == match.number and announcing:
                continue  # "8 units, including the office, …": how many departments follow, not an institution count
            # "There are 32 primary schools. … Among the 32 primary schools …": one count, read once (a year
            # said with only one of them does not make two; two years each with the number do).
            years = self.counts_read.setdefault((match.category, match.new_type_name, match.number), set())
            if years and (year is None or None in years or year in years):
                continue
            years.add(year)
            if not self.counted():
                return
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

    # Lists of duties ---------------------------------------------------------

    def read_list(self, sentence):
        """Duties (or achievements) a sentence lists; returns their kind, or "" when it lists none."""
        found = duties.listed(sentence, self.pending_kind, plans=self.section != "departments")
        if found is None:
            return ""
        if not found.entries:
            self.pending_kind = found.kind  # "… include the following aspects:" – the entries follow
        for kind, text, span in found.entries:
            if kind == "achievement":
                self.add_achievement(text, span)
            else:
                self.add_duty(kind, text, span)
        return found.kind

    def read_run_on_duties(self, sentence):
        """ "Implementing …; Coordinate …; To study …;": clauses that each open with a verb are duties."""
        entries = duties.run_on(sentence)
        for text, span in entries:
            self.add_duty("responsibility", text, span)
        return bool(entries)

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
        if len(re.findall(r"[^\W\d_]{2,}", text)) < 2:
            return
        if self.counted():
            self.draft.duties.append(DraftDuty(kind, title, text, span))

    def warn(self, message):
        if message not in self.draft.warnings:
            self.draft.warnings.append(message)

    # Putting it together -----------------------------------------------------

    def finish(self):
        draft = self.draft
        draft.departments = assembly.departments(self.department_mentions, self.department_duties)
        mention = names.bureau_mention(self.text, skip=self.predecessor_range)
        if mention is None and self.education_part is not None:
            mention = directory.bureau_mention(self.education_part)
            if mention is not None:
                self.warn(f"The page names the bureau only as “{mention.name}”, under {mention.place}'s government: "
                          "give its full name.")  # fmt: skip
        titled = mention is None and names.bureau_mention(draft.source_title)
        if titled:  # "The bureau is …": the page's title names it ("Pingyao County Education Bureau - Functions")
            mention = titled
            draft.evidence[NAME] = draft.evidence[PLACE] = (FROM_TITLE, draft.source_title)
            self.warn("The bureau's name and place were read from the page's title, not its text: check them.")
        if mention is not None:
            draft.name = assembly.tidy_name(mention.name)
            if not titled:
                draft.fact_spans[NAME] = self.sentence_around(mention.start)
        for warning in assembly.place_draft(draft, mention, self.text):
            self.warn(warning)
        draft.counts = [count for count in draft.counts if not assembly.counts_a_larger_place(draft, count)]
        if PLACE in draft.evidence and not draft.district:
            del draft.evidence[PLACE]  # the title named a bureau the text and the gazetteer do not place
        draft.summary = " ".join(dict.fromkeys(sentence.text for sentence in self.summary[:2]))
        for warning in assembly.what_is_missing(draft, self.announced_departments):
            self.warn(warning)

    def sentence_around(self, position):
        for line in lines(self.text):
            if line.body.start <= position < line.body.end:
                for sentence in sentences(line.body):
                    if sentence.start <= position < sentence.end:
                        return sentence.span
        return (position, position + 1)
