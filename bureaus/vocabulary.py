"""
The portal's fixed vocabularies, written once: the kinds of duty, the plausible
founding years, English number words, and the characters no stored text may hold.
Pure Python: the models, the importer's text layer and the open-data schema all read them.
"""

import re

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


# C0 control characters other than tab, line feed and carriage return, and DEL. Nothing a person
# writes contains them, PostgreSQL cannot store NUL, and search highlighting uses two of them as
# its markers: stored text that carried them could forge highlighting.
CONTROL_CHARACTERS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character_problem(text):
    """A sentence naming the first control character in ``text``, or "" when there is none."""
    match = CONTROL_CHARACTERS_RE.search(text or "")
    if not match:
        return ""
    line = text.count("\n", 0, match.start()) + 1
    return f"contains a control character (U+{ord(match.group()):04X}, line {line}); remove it and try again."
