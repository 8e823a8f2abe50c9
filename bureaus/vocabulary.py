"""
The portal's fixed vocabularies, written once: the kinds of duty, the plausible
founding years, and English number words. Pure Python: the models, the importer's
text layer and the open-data schema all read them.
"""

# What a bureau's duties can be, in the order a profile lists them.
DUTY_KINDS = ("responsibility", "priority", "task", "plan")

# Education bureaus of today's form date from the 20th century; a year outside this range is a
# typing mistake, not history.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

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
