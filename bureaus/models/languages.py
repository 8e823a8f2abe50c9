"""
The languages a text fact is kept in, and the one way a model holds a text per language.

A fact keeps the language it was read in (nothing is machine-translated): a Chinese page fills the
Chinese text, an English page the English, and staff may add the other by hand. Each translated
field is a pair of plain columns (``name_en``, ``name_zh_hans``) made by django-translated-fields,
chosen over django-modeltranslation because it rewrites no queries and keeps no third "original"
column: every query, constraint, fixture and revision names the column it means.

Reading ``obj.name`` gives the text in the active language, or else in the other one; which one it
was, and so how a page marks it, is ``text_in_language``'s answer.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedField, to_attribute
from translated_fields.utils import fallback_to_any

# Language codes as in settings.LANGUAGES (the URL prefixes), and their BCP 47 tags for `lang` and JSON.
FACT_LANGUAGES = ("en", "zh-hans")
LANGUAGE_TAGS = {"en": "en", "zh-hans": "zh-Hans"}
CODES_BY_TAG = {tag: code for code, tag in LANGUAGE_TAGS.items()}
# Languages a source document may be written in (Traditional-script pages are read too; their facts are
# kept as written, in the Chinese text).
SOURCE_LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("zh-Hans", _("Chinese (Simplified)")),
    ("zh-Hant", _("Chinese (Traditional)")),
]


def fact_code(tag):
    """The fact language a source's language tag fills: "en", or "zh-hans" for Chinese in either script."""
    return "en" if tag == "en" else "zh-hans"


LANGUAGE_LABELS = {"en": "English", "zh-hans": "Chinese"}


def translated(field):
    """``field`` once per fact language, each of which may be empty (the fact's own rules check that
    one of them is not); reading the attribute falls back to the language the fact has."""
    field.blank = True
    labels = {code: {"verbose_name": f"{field.verbose_name} ({label})"} for code, label in LANGUAGE_LABELS.items()}
    return TranslatedField(field, labels, languages=FACT_LANGUAGES, attrgetter=fallback_to_any)


def column(name, code):
    """The column holding ``name`` in language ``code``: column("name", "zh-hans") == "name_zh_hans"."""
    return to_attribute(name, code)


def columns(name):
    return [column(name, code) for code in FACT_LANGUAGES]


def page_code():
    """The active language as a fact language code (English outside a request)."""
    language = (get_language() or "en").lower()
    return "zh-hans" if language.startswith("zh") else "en"


def texts(obj, name):
    """{language code: text} of ``obj``'s translated field ``name``, the empty ones left out."""
    return {code: value for code in FACT_LANGUAGES if (value := getattr(obj, column(name, code)) or "")}


def text_in_language(obj, name, code=None):
    """(text, language code) of ``obj``'s ``name`` in the page's language where it has it, else in the
    language it has; ("", page language) when it has none."""
    return in_language({other: getattr(obj, column(name, other)) for other in FACT_LANGUAGES}, code)


def in_language(texts, code=None):
    """``text_in_language`` over texts already read, {language code: text} (a page naming hundreds of bureaus
    from two columns of a query)."""
    code = code or page_code()
    if texts.get(code):
        return texts[code], code
    for other in FACT_LANGUAGES:
        if texts.get(other):
            return texts[other], other
    return "", code


def require_text(obj, name, message):
    """Refuse ``obj`` (in ``clean()``) when its ``name`` is empty in every language: the error is put on
    the English field, where a form shows it."""
    if not texts(obj, name):
        raise ValidationError({column(name, FACT_LANGUAGES[0]): message})


# Fixtures and backups written before text facts were bilingual name each text's one column; loaders
# read them still: the old column's text goes to the column of the language it is written in.
FORMAT_1_COLUMNS = {
    "bureau": ("name", "summary"),
    "department": ("name", "responsibility"),
    "duty": ("title", "text"),
    "achievement": ("text",),
    "bureaulisting": ("name",),
}


def is_chinese(text):
    """More Chinese characters than Latin letters: a text read from a Chinese page."""
    text = text if isinstance(text, str) else ""
    return len(re.findall(r"[\u3400-\u9fff]", text)) > len(re.findall(r"[A-Za-z]", text))


def upgrade_loaded_fields(model, fields):
    """Rename, in place, the fields of a record written before text facts were bilingual (``chinese_name``
    and the single text columns) to the columns they are now; a record of today is left as it is."""
    old = FORMAT_1_COLUMNS.get(model._meta.model_name, ())
    for name in old:
        if name in fields and not any(column in fields for column in columns(name)):
            value = fields.pop(name)
            fields[column(name, "zh-hans" if is_chinese(value) else "en")] = value
    if "chinese_name" in fields and model._meta.model_name == "bureau":
        fields.setdefault("name_zh_hans", fields.pop("chinese_name"))
        fields.pop("chinese_name", None)
    return fields
