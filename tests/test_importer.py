"""The document parser: seed documents give the curated facts; other formats parse as expected; bad input is refused."""

from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from bureaus.importer import DocumentError, decode_document, parse_document, read_document
from bureaus.importer.lists import split_actions, split_names, starts_with_verb
from bureaus.importer.segments import Segment
from bureaus.models import Bureau
from bureaus.seed import SEED_FIXTURES

DOCUMENTS = Path(__file__).with_name("documents")
SEED_SOURCES = Path(settings.BASE_DIR) / "fixtures" / "sources"


def duty_counts(draft):
    return dict(Counter(duty.kind for duty in draft.duties))


def parse_file(name):
    path = DOCUMENTS / name
    return parse_document(read_document(path), title=path.name)


def segment(text):
    return Segment(text, 0, len(text))


# The seed documents give the same facts as the curated fixtures -----------------


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", SEED_FIXTURES, ids=lambda path: path.stem)
def test_seed_document_yields_the_curated_facts(seed_data, fixture):
    slug = fixture.stem
    curated = Bureau.objects.get(slug=slug)
    draft = parse_document((SEED_SOURCES / f"{slug}.txt").read_text(encoding="utf-8"))

    assert draft.slug == slug
    assert (draft.province, draft.city, draft.district) == (curated.province, curated.city, curated.district)
    assert draft.established_year == curated.established_year
    assert draft.predecessor == curated.predecessor
    assert [d.name for d in draft.departments] == [d.name for d in curated.departments.all()]
    assert [d.responsibility for d in draft.departments] == [d.responsibility for d in curated.departments.all()]
    assert [(c.category, c.count) for c in draft.counts] == [
        (c.category.slug, c.count) for c in curated.institution_counts.select_related("category")
    ]
    curated_kinds = {}
    for duty in curated.duties.all():
        curated_kinds[duty.kind] = curated_kinds.get(duty.kind, 0) + 1
    assert duty_counts(draft) == curated_kinds
    assert len(draft.achievements) == curated.achievements.count()


def test_heping_warns_that_the_province_came_from_the_gazetteer():
    draft = parse_document((SEED_SOURCES / "shenyang-heping-district.txt").read_text(encoding="utf-8"))
    assert "Place taken from the gazetteer: Heping District is in Liaoning — check it." in draft.warnings
    assert draft.language == "en"  # and no Chinese name: the English page gives none, and none is made up


def test_every_fact_of_a_seed_keeps_the_sentence_it_came_from():
    text = (SEED_SOURCES / "dalian-jinpu-new-district.txt").read_text(encoding="utf-8")
    draft = parse_document(text)
    office = draft.departments[0]
    assert draft.quote(office.span).startswith("Among them, the office is the comprehensive management department")
    priority = next(d for d in draft.duties if d.kind == "priority")
    assert draft.quote(priority.span).startswith("Promote the modernization of education.")
    for item in [*draft.departments, *draft.duties, *draft.achievements]:
        start, end = item.span
        assert 0 <= start < end <= len(text)


# Documents the portal has never seen ---------------------------------------------

EXPECTED = {
    "roman_headings.txt": {
        "slug": "shijiazhuang-yuhua-district",
        "place": ("Hebei", "Shijiazhuang", "Yuhua District"),
        "address": "Yuhua District, Shijiazhuang City, Hebei Province",
        "departments": [
            ("General office", "Responsible for documents, meetings and daily affairs"),
            ("Personnel section", "Responsible for teacher recruitment and staff management"),
            ("Planning and finance section", ""),
            ("Basic education section", "Responsible for the management of primary schools and junior high schools"),
            ("Safety section", ""),
        ],
        "duties": {"responsibility": 4},
        "achievements": 2,
        "counts": [],
    },
    "ordinal_headings.txt": {
        "slug": "beijing-dongcheng-district",
        "place": ("Beijing", "", "Dongcheng District"),
        "year": 1998,
        "predecessor": "Dongcheng District Education Office",
        "departments": [],
        "duties": {"priority": 2, "plan": 3},
        "titles": ["Balance educational resources", "Strengthen teacher ethics"],
        "counts": [("internal-office", 9), ("directly-affiliated-unit", 12)],
    },
    "numbered_headings.txt": {
        "slug": "shenyang-tiexi-district",
        "place": ("Liaoning", "Shenyang", "Tiexi District"),
        "year": 1985,
        "predecessor": "Tiexi District Culture and Education Office",
        "departments": [
            ("Office", "Responsible for the daily operation of the bureau"),
            ("Personnel Section", "Responsible for teacher recruitment and staff management"),
            ("Basic Education Section", "Responsible for primary and secondary schools"),
        ],
        "duties": {"task": 3},
        # "186 schools of all kinds" is a total; "build ten new kindergartens" is a plan.
        "counts": [
            ("primary-school", 45),
            ("junior-high-school", 20),
            ("special-education-school", 3),
            ("kindergarten", 118),
            ("internal-office", 11),
            ("directly-affiliated-unit", 6),
            ("teacher-training-centre", 2),
        ],
        "as_of": [2022, 2022, 2022, 2022, None, None, None],
    },
    "narrative.txt": {
        "slug": "shanghai-pudong-new-area",
        "place": ("Shanghai", "", "Pudong New Area"),
        "year": 2003,
        "departments": [],
        "duties": {"task": 3, "plan": 3},
        "achievements": 3,
        "counts": [("primary-school", 150), ("junior-high-school", 90), ("kindergarten", 80)],
    },
    "inline_numbered.txt": {
        "slug": "chengdu-wuhou-district",
        "place": ("Sichuan", "Chengdu", "Wuhou District"),
        "departments": [
            (name, "")
            for name in [
                "Office",
                "Policy and regulations section",
                "Basic education section",
                "Preschool education section",
                "Vocational and adult education section",
                "Teacher management section",
                "Security section",
            ]
        ],
        "duties": {"responsibility": 3},
        "achievements": 1,
        "counts": [],  # "12 new kindergartens were opened" is a change, not a count
    },
    "ambiguous_city_with_province.txt": {
        "slug": "suzhou-gusu-district",
        "place": ("Jiangsu", "Suzhou", "Gusu District"),
        "departments": [],
        "duties": {"responsibility": 2},
        "counts": [],
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_new_documents_parse_as_expected(name):
    expected = EXPECTED[name]
    draft = parse_file(name)
    assert draft.slug == expected["slug"]
    assert (draft.province, draft.city, draft.district) == expected["place"]
    assert draft.established_year == expected.get("year")
    assert draft.predecessor == expected.get("predecessor", "")
    if "address" in expected:
        assert draft.address == expected["address"]
    assert [(d.name, d.responsibility) for d in draft.departments] == expected["departments"]
    assert duty_counts(draft) == expected["duties"]
    if "titles" in expected:
        assert [d.title for d in draft.duties if d.title] == expected["titles"]
    if "achievements" in expected:
        assert len(draft.achievements) == expected["achievements"]
    assert [(c.category, c.count) for c in draft.counts] == expected["counts"]
    if "as_of" in expected:
        assert [c.as_of_year for c in draft.counts] == expected["as_of"]
    assert draft.fact_count() > 0
    assert draft.name and draft.summary


def test_lists_ending_in_other_departments_and_joined_by_and():
    names = split_names(segment("office, teaching and research section, planning section and other departments."))
    assert [name.text for name in names] == ["Office", "Teaching and research section", "Planning section"]
    names = split_names(segment("teacher education department and preschool education department."))
    assert [name.text for name in names] == ["Teacher education department", "Preschool education department"]
    names = split_names(segment("safety section, policy and regulations section and office"))
    assert [name.text for name in names] == ["Safety section", "Policy and regulations section", "Office"]


def test_comma_lists_split_before_each_verb_phrase_only():
    entries = split_actions(
        segment(
            "implementing the national, provincial and municipal policies, guiding, supervising and inspecting "
            "schools, safeguarding the rights of teachers, students and workers, and coordinating major issues, "
            "making contributions to the city."
        )
    )
    assert [entry.text for entry in entries] == [
        "Implementing the national, provincial and municipal policies",
        "Guiding, supervising and inspecting schools",
        "Safeguarding the rights of teachers, students and workers",
        "Coordinating major issues, making contributions to the city.",
    ]


def test_semicolon_lists_give_one_entry_per_clause_with_its_own_offsets():
    text = "The tasks include: build schools; Train teachers; improve funding."
    entries = split_actions(Segment(text, 100, 100 + len(text)).sub(len("The tasks include: "), len(text)))
    assert [entry.text for entry in entries] == ["Build schools", "Train teachers", "Improve funding."]
    assert entries[1].start == 100 + text.index("Train")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("actively promoting reform", True), ("built new schools", True), ("students and workers", False), ("", False)],
)
def test_starts_with_verb(phrase, expected):
    assert starts_with_verb(phrase) is expected


# Bad input -------------------------------------------------------------------


def test_a_text_not_about_an_education_bureau_is_refused_saying_why():
    with pytest.raises(DocumentError, match="This text is not about an education bureau: it never names one"):
        parse_file("recipe.txt")


def test_a_districts_page_counting_its_schools_is_a_draft_that_warns_it_never_names_the_bureau():
    text = (
        "Tianjin's Wuqing district has made great progress in education.\n"
        "Wuqing has 535 full-time schools, including 345 kindergartens, 123 primary schools and 43 junior high schools."
    )
    draft = parse_document(text, "wuqing.txt")
    assert (draft.name, draft.district, draft.province) == ("", "Wuqing District", "Tianjin")
    assert [(count.count, count.category) for count in draft.counts] == [
        (345, "kindergarten"),
        (123, "primary-school"),
        (43, "junior-high-school"),
    ]
    assert draft.warnings[0].startswith("The text never names an education bureau")


@pytest.mark.parametrize(
    "text",
    [
        "Tianjin's Wuqing district has 12 hospitals, 30 parks and 5 bus stations.",  # counts, none of schools
        "Guangzhou's Tianhe district was named a national model city for tourism. Its education fair opens in May.",
    ],
)
def test_a_districts_page_without_facts_of_its_education_is_still_refused(text):
    with pytest.raises(DocumentError, match="not about an education bureau"):
        parse_document(text, "district.txt")


def test_a_districts_page_on_an_honour_its_education_won_is_a_draft_naming_the_district_it_is_about():
    text = (
        "Over the past decade, Guangzhou's Tianhe district has been focusing on a strong education system.\n"
        "By cooperating with Shenzhen's Nanshan district, Tianhe has also been building schools for sports.\n"
        "Tianhe was named an advanced area in Guangdong province for promoting educational modernization."
    )
    draft = parse_document(text, "tianhe.txt")
    assert (draft.name, draft.district, draft.city, draft.province) == ("", "Tianhe District", "Guangzhou", "Guangdong")
    assert [a.text for a in draft.achievements] == [
        "Tianhe was named an advanced area in Guangdong province for promoting educational modernization."
    ]
    assert draft.warnings[0].startswith("The text never names an education bureau")


def test_a_page_on_education_bureaus_in_general_is_refused_saying_so():
    text = (
        "Functions of County Education Bureau\n"
        "The county education bureau manages the education work within its administrative area.\n"
        "The county education bureau generally has offices, personnel departments and finance departments.\n"
        "Education bureaus are usually subordinate to county governments."
    )
    with pytest.raises(DocumentError, match="describes education bureaus in general, not one bureau"):
        parse_document(text, "generic.txt")


def test_general_words_on_a_named_bureaus_page_do_not_refuse_it():
    text = (
        "Huangshigang District Education Bureau Tel: 6384212.\n"
        "Education bureaus are usually part of the local government; education bureaus generally manage schools."
    )
    assert parse_document(text, "huangshigang.txt").name == "Huangshigang District Education Bureau"


GOVERNMENT_DEPARTMENTS = """Your current location:  Home  >  Futian Govt  >  Govt. Departments

General Office

The office manages core work and daily affairs of the district government.

Development and Reform Bureau

The bureau is responsible for formulating strategies of economic and social development.

Education Bureau

Manage affairs related to students' enrollment, examinations, teaching staffs and campus security.

Social Affairs Bureau

1. To develop democracy at the grassroots level;
2. To offer services related to social welfare and disaster relief.
"""


def test_a_governments_page_of_all_its_agencies_gives_only_the_education_bureaus_part():
    draft = parse_document(GOVERNMENT_DEPARTMENTS, "departments.txt")
    assert [duty.text for duty in draft.duties] == [
        "Manage affairs related to students' enrollment, examinations, teaching staffs and campus security."
    ]
    assert (draft.name, draft.district, draft.city, draft.province) == (
        "Education Bureau",
        "Futian District",
        "Shenzhen",
        "Guangdong",
    )
    start, end = draft.duties[0].span
    assert GOVERNMENT_DEPARTMENTS[start:end].startswith("Manage affairs")  # spans point into the page as given
    assert draft.source_text == GOVERNMENT_DEPARTMENTS
    assert draft.warnings[:2] == [
        "The text describes several government departments: only the education bureau's part of it was read.",
        "The page names the bureau only as “Education Bureau”, under Futian's government: give its full name.",
    ]


def test_a_bureaus_own_sections_under_headings_are_not_taken_for_a_governments_agencies():
    text = (
        "Heping District Education Bureau\n\nOffice\n\nResponsible for documents and meetings.\n\n"
        "Personnel Section\n\nResponsible for the management of teachers.\n\n"
        "Finance Office\n\nResponsible for education funds.\n"
    )
    draft = parse_document(text, "heping.txt")
    assert draft.name == "Heping District Education Bureau"
    assert not any("several government departments" in warning for warning in draft.warnings)


def test_a_news_item_about_a_bureau_becomes_a_draft_that_says_what_is_missing():
    draft = parse_file("news_item.txt")
    assert (draft.name, draft.district, draft.city, draft.province) == (
        "Heping District Education Bureau",
        "Heping District",
        "",
        "",
    )
    assert draft.place_candidates == ["Heping District, Tianjin", "Heping District, Shenyang City, Liaoning"]
    assert (
        "“Heping District” may be any of: Heping District, Tianjin; Heping District, Shenyang City, Liaoning."
        in " ".join(draft.warnings)
    )
    assert "No departments, duties, achievements, institution counts or founding date could be read." in draft.warnings


def test_a_city_in_two_provinces_is_settled_by_the_gazetteer_when_the_district_is_unique():
    draft = parse_file("ambiguous_city.txt")  # "Gusu District … of Suzhou": only Suzhou in Jiangsu has a Gusu District
    assert (draft.district, draft.city, draft.province) == ("Gusu District", "Suzhou", "Jiangsu")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t  ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a text document"),
        ("和平区教育局成立于1994年".encode("gb18030"), "is not UTF-8 text"),
        (b"Education Bureau " + b"\x01\x02\x03\x04\x05" * 20, "full of control characters"),
        (b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
    ],
)
def test_unreadable_files_are_refused_in_one_line(data, message):
    with pytest.raises(DocumentError, match=message) as error:
        decode_document(data, name="upload.txt")
    assert "\n" not in str(error.value)


def test_text_with_nul_characters_is_refused():
    # PostgreSQL cannot store them; a real document never has them.
    with pytest.raises(DocumentError, match="NUL characters"):
        parse_document("Heping District Education Bureau was established in 1994.\x00")


def test_text_with_control_characters_is_refused_saying_where():
    with pytest.raises(DocumentError, match=r"control character \(U\+0002, line 2\)"):
        parse_document("Heping District Education Bureau.\nIt was established in \x021994.")


def test_a_utf8_byte_order_mark_is_accepted():
    assert decode_document("\ufeffEducation".encode()) == "Education"


def test_a_c1_control_character_is_refused_saying_where():
    with pytest.raises(DocumentError, match=r"The text contains a control character \(U\+009B, line 2\)"):
        parse_document("Heping District Education Bureau.\nIt was established in \x9b1994.")


def test_invisible_characters_are_removed_from_a_document_before_its_facts_are_read():
    text = (DOCUMENTS / "numbered_headings.txt").read_text(encoding="utf-8")
    sneaky = "\ufeff" + text.replace("Office:", "Off\u200bice:").replace("Personnel", "\u202ePersonnel\u202c", 1)
    sneaky = sneaky.replace("founded in", "founded\u2060 in\u200e").replace("Section", "Sec\u00adtion\U000e0041", 1)
    draft = parse_document(sneaky, title="tiexi\u202etxt.exe")
    assert draft.source_text == text  # removed first: every span below is an offset into this text
    assert draft.sha256 == parse_document(text).sha256
    assert draft.source_title == "tiexitxt.exe"
    assert [d.name for d in draft.departments][:2] == ["Office", "Personnel Section"]
    assert draft.established_year == 1985
    assert draft.unquoted() == []
    removed = "U+FEFF, U+2060, U+200E, U+200B, U+202E, U+202C, U+00AD, U+E0041"
    assert f"8 invisible characters ({removed}) were removed" in " ".join(draft.warnings)


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match="is a folder"):
        read_document(tmp_path)


def test_the_text_layer_imports_nothing_of_django():
    """text → draft is pure Python: it can be tested and replaced recogniser by recogniser."""
    import subprocess
    import sys

    code = (
        "import sys; import bureaus.importer, bureaus.importer.parser; "
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('django')}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_fact_that_its_source_does_not_contain_is_never_saved(db):
    from bureaus.importer.building import build
    from bureaus.importer.draft import DraftDuty

    draft = parse_document((SEED_SOURCES / "shenyang-heping-district.txt").read_text(encoding="utf-8"))
    assert draft.unquoted() == []
    draft.duties.append(DraftDuty("plan", "", "Build a moon base", draft.duties[0].span))
    assert draft.unquoted() == ["duty “Build a moon base” is not in the sentence it cites"]
    with pytest.raises(DocumentError, match="A fact does not quote its source, so nothing was saved"):
        build(draft)


# Issue 20, item 3: a paragraph written as one endless sentence. Work is measured, not time: the function calls
# parsing makes, and the characters it cuts out of the text (reading the rest of a sentence again for each of its
# clauses copies it again).

ONE_SENTENCE_SHAPES = (
    "There are 12 primary schools and 7 kindergartens, ",
    "Departmental Units include Division of ",
    "Departmental Units include Division of Planning and ",
)


def work_to_parse(text, monkeypatch):
    import cProfile
    import pstats

    copied = []
    sub = Segment.sub

    def counting_sub(self, start, end):
        piece = sub(self, start, end)
        copied.append(len(piece.text))
        return piece

    monkeypatch.setattr(Segment, "sub", counting_sub)
    profile = cProfile.Profile()
    draft = profile.runcall(parse_document, text)
    monkeypatch.undo()
    return draft, pstats.Stats(profile).total_calls, sum(copied)


@pytest.mark.parametrize("clause", ONE_SENTENCE_SHAPES)
def test_a_paragraph_of_one_endless_sentence_is_read_in_work_linear_in_its_length(clause, monkeypatch):
    opening = "Heping District Education Bureau is located in Shenyang.\n"
    parse_document(opening + clause)  # what is loaded once (the gazetteer) is not counted
    _, calls, copied = work_to_parse(opening + clause * 50, monkeypatch)
    _, calls_twice, copied_twice = work_to_parse(opening + clause * 100, monkeypatch)
    assert calls_twice < 2.2 * calls
    assert copied_twice < 2.2 * copied


def test_a_count_repeated_in_a_long_sentence_quotes_it_shortened_but_cites_all_of_it():
    from bureaus.importer.segments import QUOTE_LIMIT

    # (Different numbers: the same count said again is one count.)
    sentence = "".join(f"There are {10 + i} primary schools and {100 + i} kindergartens, " for i in range(40))
    draft = parse_document("Heping District Education Bureau is located in Shenyang.\n" + sentence)
    assert len(draft.counts) == 80
    note = draft.counts[0].note
    assert note.startswith("The source gives more than one number for this type in one sentence: “10 primary schools")
    assert note.endswith("…”.") and len(note) < QUOTE_LIMIT + 100  # the model keeps at most 500 characters
    assert {draft.quote(count.span) for count in draft.counts} == {sentence.strip()}  # each cites the whole sentence
    assert len(draft.excerpt(draft.counts[0].span)) <= QUOTE_LIMIT
    assert draft.excerpt(draft.counts[0].span).endswith("…")
    assert draft.unquoted() == []


def test_a_sentence_of_many_abbreviations_is_cut_in_work_linear_in_its_length(monkeypatch):
    """ "etc." does not end a sentence: the word before each full stop is read where it stands, not by searching the
    sentence so far again (the characters handed to regular expressions are counted)."""
    import re

    from bureaus.importer import segments

    handed = []

    class CountingRe:
        def __getattr__(self, name):
            return getattr(re, name)

        def search(self, pattern, string, *args, **kwargs):
            handed.append(len(string))
            return re.search(pattern, string, *args, **kwargs)

    monkeypatch.setattr(segments, "re", CountingRe())
    read = []
    for repeats in (200, 400):
        handed.clear()
        cut = segments.sentences(segment("Units include the office, personnel section etc. " * repeats))
        assert len(cut) == 1
        read.append(sum(handed))
    assert read[1] <= 2 * read[0]


def test_counts_share_the_item_cap_with_the_other_items():
    # One endless sentence of counts made a draft of thousands of rows, more than the admin can save.
    sentence = "".join(f"There are {100 + i} primary schools and {600 + i} kindergartens, " for i in range(400))
    draft = parse_document("Heping District Education Bureau is located in Shenyang.\n" + sentence + "in the district.")
    assert len(draft.counts) + len(draft.duties) + len(draft.departments) + len(draft.achievements) == 300
    assert "The text lists more than 300 items; only the first 300 were read." in draft.warnings


# Issue 21: the page's title and address as evidence where the text says only "the bureau".

THE_BUREAU_ONLY = (
    "The bureau is the working department of the county government in charge of education.\n"
    "Internal organization:\n"
    "1. Office: responsible for the daily operation of the bureau.\n"
    "2. Personnel Section: responsible for teacher recruitment.\n"
    "3. Basic Education Section: responsible for primary and secondary schools.\n"
)


def test_the_bureau_named_and_placed_by_the_pages_title():
    title = "Pingyao County Education Bureau - Functions"
    draft = parse_document(THE_BUREAU_ONLY, title)
    assert (draft.name, draft.district, draft.city, draft.province) == (
        "Pingyao County Education Bureau", "Pingyao County", "Jinzhong", "Shanxi",
    )  # fmt: skip
    assert "name" not in draft.fact_spans  # the title is not the stored text: no span is claimed
    assert draft.evidence == {"name": ("title", title), "place": ("title", title)}
    assert any("read from the page's title" in warning for warning in draft.warnings)
    assert draft.unquoted() == []


def test_the_bureau_placed_by_the_pages_address():
    draft = parse_document(THE_BUREAU_ONLY, "page.txt", url="http://www.pingyao.gov.cn/zwgk/jg.html")
    assert (draft.district, draft.city, draft.province, draft.slug) == (
        "Pingyao County", "Jinzhong", "Shanxi", "jinzhong-pingyao-county",
    )  # fmt: skip
    assert draft.name == ""  # an address gives a place, not a name
    assert draft.evidence == {"place": ("url", "www.pingyao.gov.cn")}
    assert draft.source_url == "http://www.pingyao.gov.cn/zwgk/jg.html"
    assert any("read from the page's address (www.pingyao.gov.cn)" in warning for warning in draft.warnings)


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (THE_BUREAU_ONLY + "It serves schools across Hebei Province.\n", "www.pingyao.gov.cn"),  # the text disagrees
        (THE_BUREAU_ONLY, "www.heping.gov.cn"),  # three Heping districts and counties
        (THE_BUREAU_ONLY, "www.xian.gov.cn"),  # Xi'an the city, and counties of that reading
        (THE_BUREAU_ONLY, "www.gov.cn"),
        (THE_BUREAU_ONLY, "http://[::1"),  # no address at all
        (THE_BUREAU_ONLY, "\x00\u202e"),
    ],
)
def test_an_address_that_is_not_one_place_or_that_the_text_contradicts_places_nothing(text, url):
    draft = parse_document(text, "page.txt", url=url)
    assert (draft.district, draft.evidence) == ("", {})
    assert "The district or county could not be read: choose it before publishing." in draft.warnings


def test_the_text_wins_over_the_title_and_the_address():
    draft = parse_file("numbered_headings.txt")
    again = parse_document(draft.source_text, "Pingyao County Education Bureau", url="www.pingyao.gov.cn")
    assert (again.name, again.district, again.slug) == (draft.name, draft.district, "shenyang-tiexi-district")
    assert again.evidence == {}
