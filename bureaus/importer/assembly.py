"""
Putting a draft together once the text is read: departments joined with the sentences
saying what they do, the bureau named and placed, its slug, and the warnings that tell
a reviewer what the text did not give. Pure Python.
"""

import re
import unicodedata

from bureaus.importer import outside
from bureaus.importer.draft import FROM_URL, PLACE, DraftDepartment
from bureaus.importer.lists import is_department_name
from bureaus.importer.placing import divisions_named, place
from bureaus.importer.segments import capitalise, strip_end
from bureaus.places import gazetteer
from bureaus.places.regions import is_municipality

GENERIC_WORDS = {"the", "of", "and", "department", "ministry", "section", "division", "office", "bureau", "for", "unit"}


def departments(mentions, duties):
    """The departments named ([(name, span, note)]), each with the first responsibility said of it."""
    found = {}  # casefolded name → DraftDepartment
    for name, span, note in mentions:
        found.setdefault(name.casefold(), DraftDepartment(name, "", span, note))
    for subject, responsibility, span in duties:
        department = matching_department(subject, found.values())
        if department is None and is_department_name(subject):
            department = DraftDepartment(department_name(subject), "", span)
            found[subject.casefold()] = department
        if department is not None and not department.responsibility and responsibility:
            department.responsibility = responsibility
            department.span = span
    return list(found.values())


def division_code(district, city, province):
    """The gazetteer's code of the one county-level division so placed, else "" (the reviewer chooses)."""
    if not district or not province:
        return ""
    found = [
        d for d in gazetteer.named(district, level="county")
        if d.level == "county" and d.province.english == province and (not city or not d.city or d.city.english == city)
    ]  # fmt: skip
    former = gazetteer.formerly_named(district)
    formers = [former] if former else gazetteer.presumed_formers(district)  # "Qianshan County": Liaoning's or Anhui's?
    if not found:
        found = [
            f.division for f in formers
            if f.division.province.english == province and (not city or not f.division.city or f.division.city.english == city)
        ]  # fmt: skip
    return found[0].code if len(found) == 1 else ""


def place_draft(draft, mention, text):
    """Set the draft's district, city, province and slug; return the warnings for the reviewer.

    Where neither the bureau's name nor the text gives a place, the page's address may (``outside``).
    """
    warnings = [] if mention is not None else ["The bureau's name could not be read: type it in before publishing."]
    placing = place(mention.place if mention else "", mention.city if mention else "", text)
    division = None if placing.district or placing.candidates else outside.host_division(draft.source_url)
    if division is not None and not outside.contradicted(division, divisions_named(text)):
        placing = place(division.name, division.city.english if division.city else "", text)
        placing.from_gazetteer = ""  # the warning below says where the place came from
        host = outside.host(draft.source_url)
        draft.evidence[PLACE] = (FROM_URL, host)
        warnings.append(f"The place was read from the page's address ({host}), not its text: check it.")
    draft.district, draft.city, draft.province = placing.district, placing.city, placing.province
    draft.division_code = division_code(draft.district, draft.city, draft.province)
    draft.place_candidates = list(placing.candidates)
    if placing.warning:
        warnings.append(placing.warning)
    elif placing.from_gazetteer:
        warnings.append(f"Place taken from the gazetteer: {placing.from_gazetteer} — check it.")
    if not draft.district:
        warnings.append("The district or county could not be read: choose it before publishing.")
    if not draft.province and not placing.candidates:  # else the candidates' warning says which it may be
        warnings.append("The province could not be read: the text names none, and its place is not in the gazetteer.")
    above = draft.city if draft.city and not draft.district.startswith(draft.city) else ""
    if not above and is_municipality(draft.province):
        above = draft.province
    # A draft without its district gets a placeholder slug: its place is not known yet.
    draft.slug = (slug_for(above, draft.district) if draft.district else "") or f"draft-{draft.sha256[:12]}"
    return warnings


def counts_a_larger_place(draft, count):
    """Whether a count's sentence counts the city's or province's institutions, not the district's: "there were
    1,836 kindergartens in Shenzhen" on Luohu's page."""
    stem = draft.district.split()[0] if draft.district else ""
    larger = [name for name in (draft.city, draft.province) if name and name != stem]  # Changchun New District
    sentence = draft.quote(count.span)
    if not larger or not stem or re.search(rf"\b{re.escape(stem)}\b", sentence):
        return False
    phrase = re.escape(count.phrase.strip())  # "1,836 kindergartens in Shenzhen", not "It is in Anqing, and has 44 …"
    return bool(phrase) and any(
        re.search(rf"{phrase}\s+(?:in|across|throughout)\s+(?:the\s+)?{re.escape(name)}\b", sentence, re.I)
        for name in larger
    )


def what_is_missing(draft, announced_departments):
    """Warnings for what a reviewer should look for by hand."""
    warnings = []
    if not draft.fact_count():
        warnings.append("No departments, duties, achievements, institution counts or founding date could be read.")
    if not draft.departments:
        warnings.append("No departments found: add them by hand if the document lists any.")
    elif announced_departments and announced_departments != len(draft.departments):
        warnings.append(
            f"The text says the bureau has {announced_departments} departments but "
            f"{len(draft.departments)} were read: check the department list."
        )
    if not draft.duties:
        warnings.append("No responsibilities, priorities, tasks or plans found.")
    if not draft.counts:
        warnings.append("No institution counts found.")
    for count in draft.counts:
        if count.new_type_name:
            warnings.append(
                f"“{count.new_type_name}” ({count.count}) is not one of the shared institution types: "
                "it is proposed as a new type."
            )
    return warnings


def tidy_name(name):
    name = re.sub(r"^(?:the|a)\s+", "", name.strip(), flags=re.IGNORECASE)
    return capitalise(re.sub(r"\s+", " ", name))


def slug_for(*parts):
    """The slug of a bureau at a place: "shenyang-heping-district"."""
    text = unicodedata.normalize("NFKD", " ".join(part for part in parts if part)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100]


def department_name(text):
    return capitalise(re.sub(r"^(?:the|and)\s+", "", strip_end(text.strip()), flags=re.IGNORECASE))


def matching_department(subject, departments):
    """The listed department a sentence's subject means: same name, or the same words in another order
    ("Ministry of Education and Development" is the "education development department")."""
    words = set(re.findall(r"\w+", subject.lower()))
    key = words - GENERIC_WORDS
    for department in departments:
        name_words = set(re.findall(r"\w+", department.name.lower()))
        if words == name_words or (key and key == name_words - GENERIC_WORDS):
            return department
    return None
