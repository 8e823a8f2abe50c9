"""
Generated bureau documents in the formats real ones use, with the facts each was made from.

For the benchmark (``make bench``) and for checking the parser on documents
nobody wrote by hand. Deterministic for a given seed.
"""

import random
from dataclasses import dataclass, field

from bureaus.places import gazetteer
from bureaus.places.regions import is_municipality

DISTRICT_NAMES = [
    "Heping",
    "Hexi",
    "Nankai",
    "Tiexi",
    "Dadong",
    "Huanggu",
    "Yuhong",
    "Sujiatun",
    "Zhongshan",
    "Xigang",
    "Shahekou",
    "Ganjingzi",
    "Lushunkou",
    "Jinzhou",
    "Chaoyang",
    "Haidian",
    "Fengtai",
    "Xicheng",
    "Dongcheng",
    "Pudong",
    "Minhang",
    "Baoshan",
    "Jiading",
    "Xuhui",
    "Changning",
    "Jingan",
    "Putuo",
    "Hongkou",
    "Yangpu",
    "Songjiang",
    "Qingpu",
    "Fengxian",
    "Jinshan",
    "Chongming",
    "Wuhou",
    "Jinjiang",
    "Qingyang",
    "Jinniu",
    "Chenghua",
    "Longquanyi",
    "Xindu",
    "Wenjiang",
    "Shuangliu",
    "Pidu",
    "Yuhua",
    "Xinhua",
    "Qiaoxi",
    "Changan",
    "Luquan",
    "Luancheng",
    "Gaocheng",
]
DEPARTMENTS = [
    ("office", "responsible for documents, meetings and the daily affairs of the bureau"),
    ("personnel section", "responsible for teacher recruitment and staff management"),
    ("planning and finance section", "responsible for the budget and the school building plan"),
    ("basic education section", "responsible for the management of primary schools and junior high schools"),
    ("preschool education section", "responsible for kindergartens and preschool teachers"),
    ("vocational education section", "responsible for secondary vocational schools"),
    ("safety section", "responsible for school safety and emergency plans"),
    ("teaching and research section", "responsible for teaching research and teacher training"),
    ("policy and regulations section", "responsible for education law and administrative reviews"),
]
DUTIES = [
    "implementing national and provincial education policies",
    "formulating the district's education development plan",
    "managing the funds of the district's schools",
    "supervising the quality of teaching",
    "guiding the construction of teachers",
    "coordinating the allocation of educational resources",
    "promoting the balanced development of compulsory education",
    "improving the quality of preschool education",
    "strengthening the moral education of primary and secondary school students",
    "supervising the safety of school buildings and school buses",
    "organizing the admission of pupils to nearby schools",
    "building a team of high-quality rural teachers",
    "promoting the use of information technology in teaching",
    "establishing the district's system of student financial aid",
    "guiding the reform of vocational education and training",
    "improving the evaluation of students' all-round development",
]
ACHIEVEMENTS = [
    "improved the enrollment rate of preschool education",
    "built a number of high-quality schools in rural areas",
    "introduced experienced teachers from other provinces",
    "strengthened the training of young head teachers",
    "promoted the balanced development of compulsory education",
    "expanded the places in public kindergartens",
]
COUNTS = [
    ("primary schools", "primary-school"),
    ("junior high schools", "junior-high-school"),
    ("kindergartens", "kindergarten"),
    ("special education schools", "special-education-school"),
    ("secondary vocational schools", "secondary-vocational-school"),
    ("internal offices", "internal-office"),
    ("directly affiliated units", "directly-affiliated-unit"),
]


@dataclass
class SyntheticDocument:
    text: str
    slug_hint: str
    year: int | None
    departments: list = field(default_factory=list)
    duties: int = 0
    achievements: int = 0
    counts: list = field(default_factory=list)  # (slug, number)


def generate(count, seed=2026):
    rng = random.Random(seed)
    # Prefecture-level cities whose name no other prefecture shares, in code order (deterministic).
    cities = [
        (division.english, division.province.english)
        for code, division in sorted(gazetteer.by_code().items())
        if division.level == "prefecture"
        and division.kind == "City"
        and division.province.english in _provinces()
        and len(gazetteer.named(division.english, level="prefecture")) == 1
    ]
    return [_document(rng, *rng.choice(cities), index) for index in range(count)]


def _provinces():
    from bureaus.places.regions import PROVINCES

    return [p for p in PROVINCES if not is_municipality(p)]


def _document(rng, city, province, index):
    district = f"{rng.choice(DISTRICT_NAMES)} District"
    year = rng.choice([None, rng.randint(1950, 2015)])
    # About what a real profile holds: 8 departments, 12 duties, 3 achievements, 6 counts.
    departments = rng.sample(DEPARTMENTS, rng.randint(6, 9))
    duties = rng.sample(DUTIES, rng.randint(10, 14))
    achievements = rng.sample(ACHIEVEMENTS, rng.randint(2, 4))
    counts = rng.sample(COUNTS, rng.randint(5, 7))
    numbers = [rng.randint(1, 90) for _ in counts]
    style = index % 3
    name = f"{city} {district} Education Bureau"
    names = ", ".join(d[0] for d in departments[:-1]) + f" and {departments[-1][0]}"
    count_text = ", ".join(f"{n} {label}" for n, (label, _) in zip(numbers[:-1], counts[:-1], strict=True))
    count_text += f" and {numbers[-1]} {counts[-1][0]}"
    history = f"{name} was established in {year}." if year else f"{name} serves {district} of {city}."
    results = "Since its establishment, the bureau has " + ", ".join(achievements[:-1]) + f", and {achievements[-1]}."
    lines = []
    if style == 0:  # Roman numeral headings, semicolon lists, "and other departments"
        lines += [
            f"Profile of {name}",
            "I. Basic information",
            f"{history} It is located in {district}, {city} City, {province} Province. The bureau runs {count_text}.",
            "II. Institutional setup",
            f"The bureau consists of {names} and other departments. "
            + "; ".join(f"The {d} is {r}" for d, r in departments)
            + ".",
            "III. Main responsibilities",
            "The main responsibilities of the bureau include: " + "; ".join(duties) + ".",
            "IV. Results of the work",
            results,
        ]
    elif style == 1:  # ordinal headings with numbered entries
        lines += [
            "First, basic information",
            f"{history} At present, the bureau has {len(departments)} departments, including {names}. "
            f"It is located in {city} City, {province} Province, and has {count_text}.",
            "Second, internal departments",
            *(f"({i}) {d.capitalize()}: {r}." for i, (d, r) in enumerate(departments, 1)),
            "Third, the main tasks",
            *(f"{i}. {t.capitalize()}." for i, t in enumerate(duties, 1)),
            results,
        ]
    else:  # narrative, no headings
        lines += [
            f"{history} {name} is located in {district}, {city} City, {province} Province.",
            f"The bureau is composed of {names}. With {count_text}, it serves the whole district.",
            "The main tasks of the bureau include: " + "; ".join(duties) + ".",
            results,
        ]
    return SyntheticDocument(
        text="\n".join(lines) + "\n",
        slug_hint=district,
        year=year,
        departments=[d[0] for d in departments],
        duties=len(duties),
        achievements=len(achievements),
        counts=[(slug, n) for n, (_, slug) in zip(numbers, counts, strict=True)],
    )
