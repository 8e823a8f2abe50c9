"""
The portal's fixed vocabularies, written once: the kinds of duty, the plausible
founding years, English number words, the characters no stored text may hold, and how a
posted or requested number (an id, a page, a revision) is read.
Pure Python: the models, the importer's text layer and the open-data schema all read them.
"""

import re
import unicodedata

# What a bureau's duties can be, in the order a profile lists them.
DUTY_KINDS = ("responsibility", "priority", "task", "plan")

# Education bureaus of today's form date from the 20th century; a year outside this range is a
# typing mistake, not history.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

# The most items (departments, duties, achievements and institution counts together) a bureau has: a
# document listing more is not a bureau profile, and the importer leaves the rest out, with a warning.
# The admin's change form must take a bureau this size (portal.settings.DATA_UPLOAD_MAX_NUMBER_FIELDS).
MAX_ITEMS = 300

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _number_words():
    words = {word: value for value, word in enumerate(_UNITS, 1)}
    words.update({word: value for value, word in enumerate(_TEENS, 10)})
    for tens_value, tens in enumerate(_TENS, 2):
        words[tens] = tens_value * 10
        for unit_value, unit in enumerate(_UNITS, 1):
            words[f"{tens}-{unit}"] = tens_value * 10 + unit_value
            words[f"{tens} {unit}"] = tens_value * 10 + unit_value
    return words


# "one" … "ninety-nine" (also "twenty one") → their values.
NUMBER_WORDS = _number_words()


def whole_number(text):
    """The number ``text`` writes in at most 18 ASCII digits (any id, page or revision fits), else None.

    Not ``str.isdigit()`` or ``isdecimal()`` and ``int()``: "²" is a digit to the one and not a number
    to the other; both take Arabic-Indic or full-width digits (and ``int()`` spaces and underscores)
    for numbers; and ``int()`` refuses more than 4300 digits with a ValueError.
    """
    return int(text) if isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= 18 else None


# Characters no stored text may hold, with the words a message names them by. Nothing a person
# writes contains them, and each can mislead a reader or a program without being seen:
# - control characters: C0 (all but tab, line feed and carriage return), DEL and C1. PostgreSQL
#   cannot store NUL, and search highlighting uses two of them as its markers, so stored text
#   that carried them could forge highlighting.
# - bidirectional controls: a right-to-left override before "Office" shows it as "eciffO".
# - zero-width characters and the byte-order mark: two names that look the same are different
#   text, so a search, a sort or a duplicate check sees what the reader does not.
INVISIBLE_CHARACTERS = {
    "\u061c": "Arabic letter mark",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2060": "word joiner",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\ufeff": "byte-order mark",
}
# The other invisible ones, named as Unicode names them: the rest of Unicode's invisible formatting
# characters (tags, which spell hidden ASCII; invisible operators; deprecated shaping controls;
# interlinear annotation marks; the soft hyphen), the blank Hangul fillers and the combining
# grapheme joiner. Not the visible formatting characters (Arabic number signs and the like).
_OTHER_INVISIBLE = (
    "\u00ad\u034f\u115f\u1160\u180e\u2061-\u2064\u206a-\u206f\u3164\uffa0\ufff9-\ufffb"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
INVISIBLE_CHARACTERS_RE = re.compile(f"[{''.join(INVISIBLE_CHARACTERS)}{_OTHER_INVISIBLE}]")
# Surrogates are halves of a character, which only a JSON file's escapes can give alone (PostgreSQL
# cannot store one, nor can any file be written with one).
_SURROGATES = "\ud800-\udfff"
REFUSED_CHARACTERS_RE = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_SURROGATES}{''.join(INVISIBLE_CHARACTERS)}{_OTHER_INVISIBLE}]"
)


def _named(char):
    """The words a message names refused ``char`` by."""
    if char in INVISIBLE_CHARACTERS:
        return f"an invisible {INVISIBLE_CHARACTERS[char]}"
    if INVISIBLE_CHARACTERS_RE.match(char):
        return f"an invisible {unicodedata.name(char).lower().removeprefix('invisible ')}"
    return "a broken character" if "\ud800" <= char <= "\udfff" else "a control character"


def refused_character_problem(text):
    """A sentence naming the first refused character in ``text``, or "" when there is none.

    Every text field refuses them (``models.base.PlainTextFields``); only a document's text,
    which no one typed, has its invisible ones removed instead (``without_invisible_characters``).
    """
    match = REFUSED_CHARACTERS_RE.search(text or "")
    if not match:
        return ""
    char = match.group()
    line = text.count("\n", 0, match.start()) + 1
    return f"contains {_named(char)} (U+{ord(char):04X}, line {line}); remove it and try again."


def without_invisible_characters(text):
    """``text`` without its invisible characters (not its control characters), and the codes of those removed."""
    removed = [f"U+{ord(char):04X}" for char in INVISIBLE_CHARACTERS_RE.findall(text)]
    return INVISIBLE_CHARACTERS_RE.sub("", text), removed
