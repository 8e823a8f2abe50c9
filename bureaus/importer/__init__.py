"""
The bureau document importer: prose documents in, draft bureaus out.

    text = read_document(path)            # or decode_document(uploaded_bytes)
    draft = parse_document(text, title)   # a Draft, every fact with its source span
    result = save_draft(draft)            # an unpublished bureau, in one transaction

Every failure is a :class:`DocumentError` whose message is one line in plain words.
"""

from bureaus.importer.draft import Draft
from bureaus.importer.errors import DocumentError
from bureaus.importer.parser import parse_document
from bureaus.importer.reading import MAX_BYTES, decode_document, read_document

__all__ = ["MAX_BYTES", "DocumentError", "Draft", "decode_document", "parse_document", "read_document"]
