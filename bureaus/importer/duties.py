"""
Recognising the duties a sentence states: lists opened by a trigger ("its main
responsibilities include: …", "the focus of work lies in …", "will …"), "X Bureau is
responsible for …", and run-on paragraphs of verb-led clauses. Each function takes one
sentence and returns what it found with the spans to cite; the parser adds them.
"""

import bisect
import re
from dataclasses import dataclass

from bureaus.importer.facts import MONTHS, SCHOOLING_RE
from bureaus.importer.lists import department_list, split_actions, split_enumeration, starts_with_verb
from bureaus.importer.segments import MONTH_ABBREVIATIONS, clauses, strip_end
from bureaus.vocabulary import DUTY_KINDS

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
    # The bureau's own plan: "the district plans to improve its funding mechanism" is the government's.
    ("plan", r"\b(?:bureau|it|we)\s+(?:also\s+)?(?:plans|intends) to\s+"),
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
# A bureau named as the subject of what it does, in the present: "Hongqi District Education Bureau implements the
# national education policies, drafts …, formulates …" (two such verbs at least: one may be the news of a day).
DUTY_VERBS = (
    r"implements|formulates|drafts|manages|guides|oversees|coordinates|undertakes|organi[sz]es|supervises|directs"
)
BUREAU_DOES_RE = re.compile(
    rf"^(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,5}}Education(?:\s+and\s+[A-Z]\w+)?\s+Bureau\s+(?P<verb>{DUTY_VERBS})\b"
)
DUTY_VERBS_RE = re.compile(rf"\b(?:{DUTY_VERBS}|is responsible for)\b")
# "… will strengthen …" about the bureau: a plan.
WILL_RE = re.compile(r"\b(?:bureau|it|we)\s+will\s+(?:also\s+|continue to\s+|further\s+)*", re.IGNORECASE)
# "… by 2025 the district will add 68,800 school seats": the district's plan for its schools is the bureau's.
# "Next, Biru County will …" names the county as the one who acts: its government's plan, said in the news.
PLACE_WILL_RE = re.compile(r"\bthe\s+(?:district|county|city)\s+will\s+(?:also\s+|further\s+)*", re.IGNORECASE)
A_SCHOOL_ACTS_RE = re.compile(r"\b(?:school|schools|kindergartens?|students|pupils)\b[^,;:]*\bwill\b", re.IGNORECASE)
# "Nanming District will …", "Kaiyang will …": a place named by its name as the one who acts.
NAMED_PLACE_WILL_RE = re.compile(r"\b(?!Bureau\b)[A-Z][a-z'’]+(?:\s+(?:District|County|City|Banner))?\s+will\b")
# "… in the district will reach 95 percent": the district is where, not who; the subject is something else.
PLACE_ONLY_WHERE_RE = re.compile(r"\b(?:in|of|across|throughout|within)\s+(?:the\s+)?$", re.IGNORECASE)
# "… will hold a festival from May 6-10": an event of the news, on a day, not a plan of the bureau's work.
DATED_RE = re.compile(rf"\b(?:{MONTHS}|{MONTH_ABBREVIATIONS})\.?\s+\d{{1,2}}\b", re.IGNORECASE)
# "The director said (that) the district will deepen the reform …": said in the news, a plan is one only when it
# says what and how much ("… will add 68,800 school seats by 2025"), not a slogan ("… do all it can …").
REPORTED_RE = re.compile(r"\bsaid\b", re.IGNORECASE)
# "… of the Education Bureau will be explained in detail below": the page speaking of itself, not a plan.
ABOUT_THE_TEXT_RE = re.compile(
    r"^be\s+(?:\w+ed|shown|given|written)\b[^.]*\b(?:below|later|in detail|herein|in (?:this|the following) \w+)\b",
    re.IGNORECASE,
)
FOLLOWING_RE = re.compile(r"^(?:as follows|the following(?:\s+aspects)?)\s*[:：]?\s*", re.IGNORECASE)
INTRO_RE = re.compile(r"(?:[:：]\s*$|\bas follows\b|\bthe following\b)", re.IGNORECASE)


@dataclass
class Listed:
    kind: str  # a duty kind, or "achievement"
    entries: list  # (kind, text, span); empty when the entries follow on their own lines


def listed(sentence, pending_kind="", plans=True):
    """What a sentence lists, or None when it lists nothing."""
    text = sentence.text
    if FUNCTIONS_RE.search(text):
        return Listed("responsibility", [("responsibility", text, sentence.span)])
    for clause in clauses(sentence):
        responsible = RESPONSIBLE_RE.search(clause.text)
        if not responsible or not bureau_is_subject(clause.text[: responsible.start()]):
            continue
        rest = clause.sub(responsible.end(), len(clause.text))
        # "… is mainly responsible for the education of Gusu District": what it is, not one of its duties.
        if WHAT_IT_IS_RE.match(rest.text) or len(rest.text.split()) <= 4 or department_list(sentence):
            continue
        kind = pending_kind if pending_kind in DUTY_KINDS else "responsibility"
        return Listed(kind, [(kind, rest.text, clause.span if clause.text != text else sentence.span)])
    does = BUREAU_DOES_RE.match(text)
    if does and len(DUTY_VERBS_RE.findall(text)) >= 2:  # "X Bureau implements …, drafts …, formulates …"
        rest = sentence.sub(does.start("verb"), len(text))
        return Listed("responsibility", [("responsibility", rest.text, sentence.span)])
    for kind, pattern in LIST_TRIGGERS:
        match = pattern.search(text)
        if not match:
            continue
        rest = sentence.sub(match.end(), len(text))
        if kind == "plan" and (_slogan(text, match.start(), rest.text) or _a_place_acts(match.group(0))):
            continue  # "in the next step, Nanming District will …": the district's government, not the bureau
        if kind == "plan" and A_SCHOOL_ACTS_RE.search(re.split(r"[,;:]", text[: match.end()])[-1]):
            continue  # "the junior high school of Hengdian School will also usher in …": the school's news
        intro = FOLLOWING_RE.match(rest.text)
        if intro:
            rest = rest.sub(intro.end(), len(rest.text))
        if not strip_end(rest.text).rstrip("."):
            return Listed(kind, [])
        if len(rest.text.split()) < 3:
            continue  # "… responsibilities and structure is under adjustment.": no list follows
        entries = split_actions(rest)
        if len(entries) == 1 and kind != "achievement":
            entries = split_enumeration(rest)
        spans = entry_spans(sentence, rest, entries)
        return Listed(kind, [(kind, entry.text, span) for entry, span in zip(entries, spans, strict=True)])
    will = WILL_RE.search(text) or (SCHOOLING_RE.search(text) and _place_will(text))
    if will and plans:
        rest = sentence.sub(will.end(), len(text))
        slogan = _slogan(text, will.start(), rest.text)
        if rest.text and not ABOUT_THE_TEXT_RE.match(rest.text) and not DATED_RE.search(rest.text) and not slogan:
            return Listed("plan", [("plan", rest.text, sentence.span)])
    return None


def _a_place_acts(text):
    """Whether the one who "will" in ``text`` is a place named by its name ("Nanming District will"), not a bureau
    named after its place ("the Education Bureau of Pudong New Area will")."""
    match = NAMED_PLACE_WILL_RE.search(text)
    if match is None:
        return False
    clause = re.split(r"[,;:]", text[: match.start()])[-1]
    return not re.search(r"\b(?:bureau|commission|committee)\b", clause, re.IGNORECASE)


def _slogan(text, start, rest):
    """Whether a plan said in the news ("… said that in the future, Yunyan will …") names nothing it will do in
    figures: a slogan, not a plan."""
    return bool(REPORTED_RE.search(text, 0, start)) and not re.search(r"\d", rest)


def _place_will(text):
    """The first "the district will" whose district is the sentence's subject, or None."""
    for match in PLACE_WILL_RE.finditer(text):
        if not PLACE_ONLY_WHERE_RE.search(text, 0, match.start()):
            return match
    return None


def run_on(sentence):
    """[(text, span)] of the verb-led clauses of "Implementing …; Coordinate …; To study …;", or []."""
    parts = [part for part in clauses(sentence) if strip_end(part.text)]
    verbs = [part for part in parts if starts_with_verb(part.text)]
    if len(parts) < 2 or len(verbs) < max(2, len(parts) - 1):
        return []
    return [(part.text, part.span) for part in verbs]


def entry_spans(sentence, rest, entries):
    """Each entry's provenance: its own clause when the list is split by semicolons, else the sentence."""
    if ";" not in rest.text and "；" not in rest.text:
        return [sentence.span] * len(entries)
    parts = clauses(sentence)
    ends = [clause.end for clause in parts]
    spans = []
    for entry in entries:
        # The clause holding the entry is the first ending after its start (found by halving, not by looking
        # at every clause for every entry of a long list).
        index = bisect.bisect_right(ends, entry.start)
        clause = parts[index] if index < len(parts) and parts[index].start <= entry.start else sentence
        spans.append(clause.span)
    return spans


def bureau_is_subject(prefix):
    """Whether the words before "is responsible for" speak of the bureau ("The Education Bureau is …",
    "…, which is …"), not of one of its departments."""
    words = re.findall(r"[\w'’]+", prefix.lower())
    return (
        bool(words)
        and ("bureau" in words[-8:] or words[-1] in ("it", "which", "also", "mainly"))
        and not any(word in ("office", "department", "section", "division", "unit", "ministry") for word in words[-3:])
    )
