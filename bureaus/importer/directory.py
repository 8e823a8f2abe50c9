"""
A government's page of all its departments: only the education bureau's part of it is read.

District governments' English sites list their agencies on one page, each under its
name ("Development and Reform Bureau", "Education Bureau", "Social Affairs Bureau")
with a line or a list of what it does. Read whole, every agency's duties would become
the education bureau's. :func:`education_part` finds such a page and blanks out all but
the education bureau's sections (and what comes before the first agency, where the
page says whose government it is), keeping every offset, so spans still point into
the text as it was given.
"""

import re
from dataclasses import dataclass

from bureaus.importer import names
from bureaus.importer.segments import lines
from bureaus.places import gazetteer

# An agency's name on a line of its own: "Development and Reform Bureau", "General Office",
# "Bureau of Justice", "Health Commission".
AGENCY_HEADING_RE = re.compile(
    r"^(?:[A-Z][\w,'’&-]*\s+(?:(?:and|of|for|&)\s+)?){0,6}"
    r"(?:Bureau|Office|Commission|Committee|Administration|Department|Centre|Center)"
    r"(?:\s+of\s+(?:[A-Z][\w'’&-]*\s*(?:and\s+)?){1,5})?\s*[:：]?$"
)
# A ministry-level word: offices and departments may be a bureau's own sections, bureaus and commissions not.
PEER_AGENCY_RE = re.compile(r"\b(?:Bureau|Commission|Administration)\b")
EDUCATION_RE = re.compile(r"\beducation", re.IGNORECASE)
# At least this many other agencies listed besides the education bureau: a page of the whole government.
MIN_OTHER_AGENCIES = 2
# Whose government it is: "Futian Govt", "Futian District People's Government", "Government of Futian District".
GOVERNMENT_RE = re.compile(
    r"\b(?P<place>[A-Z][a-z'’-]+(?:[^\S\n]+(?:New[^\S\n]+Area|New[^\S\n]+District|District|County))?)"
    r"(?:[^\S\n]+People['’]s)?[^\S\n]+(?:Govt\b\.?|Government\b)"
    r"|\bGovernment[^\S\n]+of[^\S\n]+(?P<after>[A-Z][a-z'’-]+(?:[^\S\n]+(?:District|County))?)"
)


@dataclass(frozen=True)
class EducationPart:
    text: str  # the page with every other agency's sections blanked: as long as the page, offsets kept
    headings: tuple  # the education bureau's headings (Segments): what follows each is what it does
    governments: tuple  # places whose government the page may be ("Futian"), as the page writes them


def education_part(text):
    """The education bureau's part of a page listing a government's agencies, or None when it is not such a page."""
    headings = [line.body for line in lines(text) if line.kind == "heading" and AGENCY_HEADING_RE.match(line.body.text)]
    education = [heading for heading in headings if EDUCATION_RE.search(heading.text)]
    peers = [h for h in headings if PEER_AGENCY_RE.search(h.text) and not EDUCATION_RE.search(h.text)]
    if not education or len(peers) < MIN_OTHER_AGENCIES:
        return None
    kept = list(text)
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        if heading in education:
            continue
        end = following.start if following else len(text)
        for position in range(heading.start, end):
            if kept[position] != "\n":
                kept[position] = " "
    before = text[: headings[0].start]  # the page's title and trail, above the first agency
    governments = tuple(m.group("place") or m.group("after") for m in GOVERNMENT_RE.finditer(before))
    return EducationPart("".join(kept), tuple(education), governments)


def bureau_mention(part):
    """The education bureau as its heading names it ("Education Bureau"), placed where the page says
    whose government it is ("Futian Govt"); None when the gazetteer knows no such district."""
    place = next((place for place in part.governments if gazetteer.named(place, level="county")), "")
    if not place:
        return None
    heading = part.headings[0]
    name = heading.text.rstrip(":： ")
    return names.NameMention(name, place, "", heading.start, heading.start + len(name), formal=True)
