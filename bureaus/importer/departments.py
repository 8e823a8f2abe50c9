"""
Reading a bureau's departments line by line: the part of the English parser's walk that reads
department lists ("The bureau has 8 departments: the A, …"), department entries ("Office: responsible
for …", "(1) office" with what it does below it) and sentences saying what a department does.

A mixin of the English reader (``english._Reader``), which holds the state it writes:
``department_mentions`` (name, span, note), ``department_duties`` (subject, responsibility, span),
``announced_departments`` and the item budget (``counted``). What a department does is the
department's responsibility, never the bureau's list of duties.
"""

import re

from bureaus.importer import assembly
from bureaus.importer.lists import department_list, is_department_name, name_and_note, starts_with_verb
from bureaus.importer.segments import capitalise, clauses, strip_end

# A department's entry: "Office: responsible for …", "Personnel unit. Responsible for …",
# "the office is responsible for …", "Finance section, responsible for …".
DEPARTMENT_ITEM_RE = re.compile(
    r"^(?P<name>[^:：.;]{2,120}?)\s*(?:[:：]|\.\s+(?=(?:mainly\s+)?(?:responsible|in charge|it\b|to\b|undertak))"
    r"|\s+is\s+(?:mainly\s+)?responsible for\b|,\s*responsible for\b)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Office of Education Bureau. Assist the leaders of the Bureau …": a name, then a sentence led by what it does.
NAME_THEN_SENTENCE_RE = re.compile(r"^(?P<name>[^:：.;]{2,120}?)\.\s+(?P<rest>.*)$")


def department_item(text):
    """The match of a department's entry (its ``name`` and ``rest``, what it does), or None."""
    match = DEPARTMENT_ITEM_RE.match(text)
    if match:
        return match
    match = NAME_THEN_SENTENCE_RE.match(text)
    if match and is_department_name(match.group("name")) and starts_with_verb(match.group("rest")):
        return match
    return None


DEPARTMENT_DUTY_RE = re.compile(
    r"^(?:among them,?\s*)?(?:the\s+)?(?P<subject>[\w'’ -]{2,80}?)\s+(?:is|are)\s+(?:mainly\s+|also\s+)?"
    r"(?P<rest>(?:responsible for|in charge of)\b.*|the\b[^,;]*?\b(?:department|body|organ|office)\b.*)$",
    re.IGNORECASE,
)
# "The Planning and Finance Unit manages the education funds …": a department named, then what it does.
DEPARTMENT_DOES_RE = re.compile(
    r"^(?:the\s+)?(?P<subject>(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+)?){0,5}(?:Unit|Office|Section|Division|Department|Room))"
    r"\s+(?P<rest>(?:mainly\s+|also\s+)?(?!is\b|has\b|was\b)[a-z]{3,}s\s.*)$"
)


# Not one department but the title of a section of them: "Internal departments", "Functional office".
SECTION_TITLE_RE = re.compile(r"^(?:internal|functional|main|the)\s+\w+$|s$(?<!ss)", re.IGNORECASE)


class DepartmentLines:
    """The department readers of the parser's reader."""

    def department_heading(self, segment):
        """Whether a line is a department's name alone ("(1) office", "(a) the office (hanging … brand)"): the
        heading of what that department does, which the paragraphs after it say. Read as the department."""
        name, note = name_and_note(segment.sub(0, len(segment.text.rstrip(".:："))))
        bare = re.sub(r"^the\s+", "", name.text, flags=re.IGNORECASE)
        if (
            not is_department_name(bare)
            or starts_with_verb(bare)
            or SECTION_TITLE_RE.search(bare)
            or re.search(r"[:：]", bare)  # "Abbreviation: District Education Committee": a label, not a heading
            or re.search(r"\bbureau\b", bare, re.IGNORECASE)  # the bureau itself, or another one
        ):
            return False
        if self.counted():
            self.department_mentions.append((assembly.department_name(name.text), segment.span, note))
        return True

    def read_department_list(self, sentence):
        found = department_list(sentence)
        if not found:
            return
        number, found_names = found
        if number:
            self.announced_departments = number
        for name in found_names:
            name, note = name_and_note(name)
            self.department_mentions.append((assembly.department_name(name.text), sentence.span, note))

    def read_department_line(self, segment):
        """In a departments section: "Office: responsible for …", "(1) office", a name alone, or its duties."""
        match = department_item(segment.text)
        if match and is_department_name(name_and_note(segment.sub(0, match.end("name")))[0].text):
            self.add_department_item(segment)
            return True
        name = name_and_note(segment.sub(0, len(segment.text.rstrip("."))))[0].text
        if is_department_name(name) and not starts_with_verb(name):  # not "Responsible for … of the bureau."
            self.add_department_item(segment)
            return True
        # "(1) office" on its line, what it does on the next: the duties of the department just named.
        named = self.department_mentions[-1][0] if self.department_mentions else ""
        if named and starts_with_verb(segment.text):
            said = [i for i, duty in enumerate(self.department_duties) if duty[0].casefold() == named.casefold()]
            text = strip_end(segment.text).rstrip(".")
            if said:  # a further paragraph of what the department just named does
                subject, before, (start, _) = self.department_duties[said[-1]]
                self.department_duties[said[-1]] = (subject, f"{before}; {text}", (start, segment.end))
            else:
                self.department_duties.append((named, capitalise(text), segment.span))
            return True
        return False

    def read_department_duties(self, sentence):
        """ "The Planning and Finance Unit manages …", "the office is responsible for …": what a department does."""
        does = DEPARTMENT_DOES_RE.match(sentence.text)
        if does and is_department_name(does.group("subject")):
            responsibility = capitalise(strip_end(does.group("rest")).rstrip("."))
            self.department_duties.append((does.group("subject"), responsibility, sentence.span))
        for clause in clauses(sentence):
            match = DEPARTMENT_DUTY_RE.match(clause.text)
            if match and "bureau" not in match.group("subject").lower():
                responsibility = capitalise(strip_end(match.group("rest")).rstrip("."))
                self.department_duties.append((match.group("subject").strip(), responsibility, clause.span))

    def add_department_item(self, segment):
        match = department_item(segment.text)
        if not self.counted():
            return
        if match:
            name, note = name_and_note(segment.sub(0, match.end("name")))
            rest = re.sub(r"^to\s+", "", match.group("rest"), flags=re.IGNORECASE)
            responsibility = capitalise(strip_end(rest).rstrip("."))
            if re.search(r"\bresponsible for\b", segment.text[: match.start("rest")], re.IGNORECASE):
                responsibility = capitalise(f"responsible for {strip_end(rest).rstrip('.')}")
            self.department_mentions.append((assembly.department_name(name.text), segment.span, note))
            self.department_duties.append((name.text, responsibility, segment.span))
        else:
            name, note = name_and_note(segment.sub(0, len(segment.text.rstrip(".:："))))
            if is_department_name(name.text):
                self.department_mentions.append((assembly.department_name(name.text), segment.span, note))
