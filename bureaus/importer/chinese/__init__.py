"""
The importer's Chinese reader: a page mostly in Chinese characters becomes a draft bureau.

It owns everything language-specific about Chinese pages: folding full-width forms and
Traditional characters one for one (``script``), the gazetteer's Chinese names (``places``),
Chinese numerals (``numbers``), the recognisers of departments, units, duties and honours
(``facts``) and of institution counts (``counts``), which bureau the page is about (``naming``), whether a
page is about a county-level bureau at all (``relevance``), and the walk over a page (``reader``).
The contract is the English reader's: every fact quotes an exact span of the stored source,
nothing is invented or translated, a page about a bureau becomes a draft with warnings, and only
a page about no county-level bureau is refused. Pure Python, no Django.
"""

from bureaus.importer.chinese.reader import read
from bureaus.importer.chinese.script import is_chinese

__all__ = ["is_chinese", "read"]
