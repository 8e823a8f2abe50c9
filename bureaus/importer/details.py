"""
Where a document comes from, as given with it: the page's title and address (URL), its publisher
and date.

One form checks them for the admin's import page (``admin.importing.ImportDocumentForm`` is one)
and for ``import_bureau`` (its --title, --url, --publisher and --published-on), so the two accept
the same: an address typed without its scheme gets https, a date is YYYY-MM-DD, and typed text
holding a control or invisible character is refused (a document's own text has them removed
instead: no one typed them). With them, the county-level division the loader chose for the document
(``importer.chosen``): a code the gazetteer does not have as a county is a plain error, on both.
"""

from django import forms

from bureaus.models.base import validate_plain_text
from bureaus.models.bureau import validate_division_code
from bureaus.places.gazetteer import by_code


class SourceDetailsForm(forms.Form):
    title = forms.CharField(
        required=False,
        max_length=300,
        label="Title of the page",
        validators=[validate_plain_text],
        help_text="As the page titles itself (the file's name when left empty). It names and places a bureau "
        "that the text names only as 本局 or “the bureau”.",
    )
    # Where the document comes from, where known: saved with its source, shown beside its title.
    publisher = forms.CharField(
        required=False, max_length=200, label="Publisher of the document", validators=[validate_plain_text]
    )
    url = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label="Where it was found (address)",
        help_text="A county's own site (www.pingyao.gov.cn) places a bureau whose text names no place.",
    )
    published_on = forms.DateField(required=False, label="Published on", help_text="As YYYY-MM-DD.")

    # Not where the document comes from but what the loader knows of it: the district it is about.
    division = forms.CharField(
        required=False,
        label="County-level division (code)",
        validators=[validate_division_code],
        help_text="The district the document is about, as the gazetteer's six-digit code (e.g. 210102): the draft "
        "is placed there whatever the text says. Leave empty to let the text place it.",
    )

    SOURCE_FIELDS = ("publisher", "url", "published_on")

    def chosen_division(self):
        """The county-level division the loader chose (a ``gazetteer.Division``), or None."""
        return by_code().get(self.cleaned_data.get("division") or "")

    def source_details(self):
        """The publisher, address and date given for the document (empty ones left out)."""
        return {field: self.cleaned_data[field] for field in self.SOURCE_FIELDS if self.cleaned_data.get(field)}
