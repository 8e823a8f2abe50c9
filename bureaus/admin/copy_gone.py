"""
An editor saves a working copy that was published or discarded after they opened it.

The copy's rows are gone, so Django's admin would answer "Bureau with ID … doesn't exist" and throw
the editor's typing away. Like an edit conflict, the form comes back instead, with the input kept, a
message saying who published or discarded the copy and when, and nothing saved: it comes back as the
form of a new working copy of the bureau as it is now (or of the bureau itself, when it is a draft
again), which keeping the input takes one more save.

The posted rows are moved onto the new copy's rows: an item by its position (a working copy copies
its bureau's items with their positions, and publishing keeps them), a cited fact by which fact it
is, a source as it is now. Rows the editor added stay new rows; a row that differs from the one it
lands on is saved as the editor's edit, like any changed row, so nothing quotes a source it does not.

May import: ``bureaus.models``, ``bureaus.publishing``, ``bureaus.vocabulary``.
"""

import re
from collections import defaultdict

from django.http import QueryDict
from django.utils import formats, timezone

from bureaus import publishing
from bureaus.models import FactSource
from bureaus.models.parts import FACT_SOURCES, ITEM_PARTS, SOURCES
from bureaus.vocabulary import whole_number

# The hidden field of a working copy's change form naming its bureau (templates/…/change_form.html).
COPY_OF_FIELD = "_working_copy_of"
_ROW = re.compile(r"^(?P<prefix>[a-z_]+)-(?P<index>[0-9]{1,18})-(?P<field>\w+)$")
_INLINES = {part.relation: part for part in (*ITEM_PARTS, FACT_SOURCES, SOURCES)}


def message(revision, target, gone="this working copy"):
    """Why nothing was saved, in the words of the edit conflict's message (``gone``: what was open)."""
    if revision is None:
        what = f"{gone[0].upper()}{gone[1:]} was published or discarded after you opened it"
    else:
        who = revision.user.get_username() if revision.user is not None else "someone"
        when = formats.date_format(timezone.localtime(revision.date_created), "DATETIME_FORMAT")
        done = "discarded" if revision.comment == publishing.DISCARDED else "published"
        what = f"{who} {done} {gone} at {when}, after you opened it"
    where = (
        "the form of a new working copy of the bureau as it is now"
        if target.is_working_copy
        else "the form of the bureau itself, a draft now"
    )
    return (
        f"{what}. Nothing of yours was saved: your changes are still below, on {where}. "
        "Look at the bureau's history to see what changed, then save to keep your changes."
    )


def rebased(data, target):
    """``data``, posted for a working copy that is gone, as the change form of ``target`` would post it."""
    rows, result = defaultdict(dict), QueryDict(mutable=True)
    for key in data:
        match = _ROW.match(key)
        if match and match["prefix"] in _INLINES:
            rows[match["prefix"]].setdefault(int(match["index"]), {})[match["field"]] = data.getlist(key)
        elif not key.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS")) or key.split("-")[0] not in _INLINES:
            result.setlist(key, data.getlist(key))
    for prefix, part in _INLINES.items():
        posted = [rows[prefix][index] for index in sorted(rows[prefix])]
        if part in ITEM_PARTS:
            kept, added = _items(part, posted, target)
        else:
            kept, added = _fixed_rows(part, posted, target), []
        for index, row in enumerate([*kept, *added]):
            for field, values in {**row, "bureau": [str(target.pk)]}.items():
                result.setlist(f"{prefix}-{index}-{field}", values)
        result[f"{prefix}-TOTAL_FORMS"] = str(len(kept) + len(added))
        result[f"{prefix}-INITIAL_FORMS"] = str(len(kept))
    # No revision of the target: the form is refused once (as an edit conflict is), with the input kept.
    result["revision_seen"] = "0"
    return result


def _first(row, field):
    return (row.get(field) or [""])[0]


def _items(part, posted, target):
    """(rows landing on the target's rows of the same position, rows to add)."""
    positions = dict(part.model.objects.filter(bureau=target).values_list("position", "pk"))
    kept, added = [], []
    for row in posted:
        deleted = "on" in row.get("DELETE", [])
        position = whole_number(_first(row, "position"))
        pk = positions.pop(position, None) if _first(row, "id") and position is not None else None
        if pk is not None:
            kept.append({**row, "id": [str(pk)]})
        elif not deleted:  # a row the editor added (or one the bureau no longer has): added again
            if position in positions:
                row = {**row, "position": [""]}  # that place is taken: the row goes last
            added.append({**row, "id": [""]})
    return kept, added


def _fixed_rows(part, posted, target):
    """Rows staff do not add or remove (sources, and the sources of the bureau's own facts): the target's,
    with the sentence the editor pasted to cite a fact, where the fact is the same."""
    quotes = {}
    if part is FACT_SOURCES:
        old = {whole_number(_first(row, "id")): _first(row, "quote") for row in posted}
        facts = FactSource.objects.filter(pk__in=old.keys() - {None}, bureau=target.original).values_list("pk", "fact")
        quotes = {fact: old[pk] for pk, fact in facts}
    result = []
    for obj in part.model.objects.filter(bureau=target):
        row = {"id": [str(obj.pk)]}
        if part is FACT_SOURCES:
            row["quote"] = [quotes.get(obj.fact, "")]
        result.append(row)
    return result
