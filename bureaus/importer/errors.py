"""The one error the importer raises: a document it cannot turn into a draft, said in plain words."""


class DocumentError(Exception):
    """A document that cannot become a draft bureau. ``str(error)`` is a one-line message for people."""
