"""
Reading a bureau's achievements in the English reader: a sentence's honours, one a clause or one a title
("awarded the titles of A, B and C"; "by X awarded A, by Y awarded B"), and which sentences after "… has made
remarkable achievements" are achievements at all (an example it gives, or an honour it names: the annotators of
26 batches of real pages counted honours, titles, ratings and rankings, not progress described).

A mixin of the English reader (``english._Reader``), which holds the draft and the item budget (``counted``).
"""

import re

from bureaus.importer import facts
from bureaus.importer.draft import DraftAchievement
from bureaus.importer.segments import capitalise, clauses, strip_end

ACHIEVEMENT_LEAD_RE = re.compile(
    r"^(?:for example|for instance|in addition|moreover|furthermore|at the same time|besides)\s*,\s*", re.IGNORECASE
)
ACHIEVEMENT_INTRO_RE = re.compile(
    r"\b(?:made|achieved|obtained|scored)\b[^.]*\b(?:achievements?|results|progress|success)\b", re.IGNORECASE
)
# What an achievement won: after "… has made remarkable achievements" a sentence is one only if it says so.
HONOUR_RE = re.compile(
    r"\b(?:awarded|award|honou?r\w*|titles?|rated|ranked|ranks|prizes?|won|winning|first|advanced|model|commended)\b",
    re.IGNORECASE,
)
# "By the provincial government awarded A, by the Provincial Department of Education awarded the title B": 被…授予…，
# 被…授予… translated, one honour for each "by … awarded".
BY_WHOM_RE = re.compile(r",\s*(?=by\s+the\b)", re.IGNORECASE)
AWARDED_RE = re.compile(r"\b(?:awarded|rated|named|granted|conferred)\b", re.IGNORECASE)


def _honours_by_whom(clause):
    """A clause cut where another "by … awarded …" begins, when every part is an award; else the clause itself."""
    cuts = [0, *(match.end() for match in BY_WHOM_RE.finditer(clause.text)), len(clause.text)]
    parts = [clause.sub(start, end) for start, end in zip(cuts, cuts[1:], strict=False)]
    if len(parts) > 1 and all(AWARDED_RE.search(part.text) for part in parts):
        return [part.sub(0, len(part.text.rstrip(", "))) for part in parts]
    return [clause]


# "honored as a National Advanced District in Basic Education and a National Demonstration Area for Quality
# Education": titles in capitals after "as a", parted by "and a".
TITLES_AS_RE = re.compile(
    r"\b(?:honou?red|named|rated|awarded|recogni[sz]ed|designated)\s+as\s+(?:an?|the)\s+(?=[A-Z])"
)
AND_A_TITLE_RE = re.compile(r",?\s+and\s+(?:an?|the)\s+(?=[A-Z])")


def _titles_said_as(sentence):
    """The titles a sentence names after "honored as a …" when it names two or more, each in capitals; else []."""
    opening = TITLES_AS_RE.search(sentence.text)
    if opening is None:
        return []
    rest = sentence.sub(opening.end(), len(sentence.text.rstrip(". ")))
    separators = list(AND_A_TITLE_RE.finditer(rest.text))
    starts = [0, *(separator.end() for separator in separators)]
    ends = [*(separator.start() for separator in separators), len(rest.text)]
    titles = [rest.sub(start, end) for start, end in zip(starts, ends, strict=True)]
    return titles if len(titles) > 1 and all(title.text[:1].isupper() for title in titles) else []


class AchievementSentences:
    """The English reader's achievements: what a sentence names as won, cut where it names several."""

    def add_achievement(self, text, span):
        """One achievement, trimmed; a fragment of fewer than three words is none."""
        text = capitalise(strip_end(text.strip()))
        if len(re.findall(r"[^\W\d_]{2,}", text)) >= 3 and self.counted():
            self.draft.achievements.append(DraftAchievement(text, span))

    def add_achievements(self, sentence, honours_only=False):
        """The achievements a sentence states, one a clause; ``honours_only``: the clauses that name an honour."""
        lead = ACHIEVEMENT_LEAD_RE.match(sentence.text)
        body = sentence.sub(lead.end(), len(sentence.text)) if lead else sentence
        titles = facts.listed_titles(body) or _titles_said_as(body)
        if titles:  # "awarded the titles of A, B, C and D": each title an achievement
            for title in titles:
                self.add_achievement(title.text, title.span)
            return
        parts = [part for clause in clauses(body) for part in _honours_by_whom(clause)]
        cut = len(parts) > 1  # each part then cites its own words, else the sentence
        for clause in parts:
            if not honours_only or HONOUR_RE.search(clause.text):
                self.add_achievement(clause.text, clause.span if cut else sentence.span)
