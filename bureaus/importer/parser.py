"""
Reading a bureau document into a :class:`~bureaus.importer.draft.Draft`: the checks every text passes
(not empty, not binary, no control characters; invisible characters removed so that every span is an
offset into the text that is stored), then the reader for its script — ``english`` or ``chinese``,
both with the same contract.

It never invents and never throws a document away: a fact is only recorded with the span it was read
from, what cannot be read stays blank with a warning, and only a text that is not about an education
bureau at all is refused. Pure Python, no Django.
"""

from bureaus.importer import chinese, english
from bureaus.importer.errors import DocumentError
from bureaus.vocabulary import REFUSED_CHARACTERS_RE, refused_character_problem, without_invisible_characters


def parse_document(text, title="", url=""):
    """A draft bureau from a document's text, or a DocumentError saying why it is not a bureau document.

    ``title`` and ``url`` are the page's title and address, where known: they name and place a bureau
    that the text names only as 本局 or "the bureau" (``Draft.evidence`` says which facts they gave).
    """
    if not text.strip():
        raise DocumentError("The document is empty: there is no text to import.")
    if "\x00" in text:
        raise DocumentError("The text contains NUL characters, so it is binary data, not a document.")
    # Invisible characters (zero-width spaces, direction marks, byte-order marks) come with text copied
    # from web pages and carry no words: they are removed before anything is read, so every span is an
    # offset into the text that is stored. A control character means a damaged document: refused.
    text, removed = without_invisible_characters(text)
    problem = refused_character_problem(text)
    if problem:
        raise DocumentError(f"The text {problem}")
    # The title may be a file's name, which no one typed either: its refused characters are dropped.
    title = REFUSED_CHARACTERS_RE.sub("", title or "")
    # A Chinese page has its own reader, with the same contract.
    draft = chinese.read(text, title, url) if chinese.is_chinese(text) else english.read(text, title, url)
    draft.source_title = draft.source_title or "Imported document"
    if removed:
        draft.warnings.insert(
            0,
            f"{len(removed)} invisible character{'s' if len(removed) > 1 else ''} ({', '.join(dict.fromkeys(removed))}) "
            f"{'were' if len(removed) > 1 else 'was'} removed from the text: zero-width spaces, direction marks "
            "and byte-order marks carry no words, and the source is stored without them.",
        )
    return draft
