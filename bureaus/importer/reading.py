"""
Turning an uploaded or given file into text, refusing what is not a bureau document.

Checks, in order: size (at most 1 MB), emptiness, binary content, UTF-8. Each
failure is a :class:`DocumentError` with a one-line message in plain words.
"""

from bureaus.importer.errors import DocumentError

MAX_BYTES = 1024 * 1024


def _too_big(name, size):
    return DocumentError(
        f"{name} is {size / MAX_BYTES:.1f} MB; documents larger than 1 MB are refused "
        "(a bureau profile is a few kilobytes of text)."
    )


def decode_document(data, name="the file"):
    """The text of a document given as bytes, or a DocumentError saying why it cannot be read."""
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    if not data.strip():
        raise DocumentError(f"{name} is empty: there is no text to import.")
    if b"\x00" in data:
        raise DocumentError(f"{name} is not a text document (it contains binary data).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            f"{name} is not UTF-8 text (unreadable byte at position {error.start}); save it as UTF-8 and try again."
        ) from None
    control = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    if control > max(3, len(text) // 100):
        raise DocumentError(f"{name} is not a text document (it is full of control characters).")
    return text


def read_document(path):
    """The text of the document at ``path``; a DocumentError if it is missing, too big or not text."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(path.name, size)
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise DocumentError(f"{path} is a folder, not a document.") from None
    except OSError as error:
        raise DocumentError(f"{path} cannot be read: {error.strerror}.") from None
    return decode_document(data, name=path.name)
