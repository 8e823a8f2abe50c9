"""The one error the importer raises: a document it cannot turn into a draft, said in plain words."""


class DocumentError(Exception):
    """A document that cannot become a draft bureau. ``str(error)`` is a one-line message for people."""


class SlugTaken(DocumentError):
    """The draft's bureau exists already and replacing it was not asked for (``bureau`` is the one there)."""

    def __init__(self, bureau, how_to_replace="import it again with replace"):
        self.bureau = bureau
        super().__init__(
            f"A bureau with the slug “{bureau.slug}” already exists ({bureau.name or 'unnamed draft'}); "
            f"{how_to_replace} to replace its facts with this document's."
        )
