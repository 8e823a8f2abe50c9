"""Reading a rendered page as a reader would, so view tests compare meaning, not whitespace or markup."""

import re
from html.parser import HTMLParser


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


class Page(HTMLParser):
    """The visible text of a page, its headings, its description lists and its table rows."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.headings = []  # (level, text)
        self.terms = {}  # <dt> text → <dd> text
        self.rows = []  # each <tr> as a list of cell texts
        self._text, self._open = [], []  # open elements whose text is being collected: [tag, parts]
        self._hidden = 0
        self._last_term = None
        self.feed(html)
        self.text = squeeze(" ".join(self._text))

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "th", "td"):
            self._open.append([tag, []])
        if tag == "tr":
            self.rows.append([])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1
        if self._open and self._open[-1][0] == tag:
            _, parts = self._open.pop()
            text = squeeze("".join(parts))
            if tag.startswith("h") and tag[1:].isdigit():
                self.headings.append((int(tag[1]), text))
            elif tag == "dt":
                self._last_term = text
            elif tag == "dd" and self._last_term is not None:
                self.terms[self._last_term] = text
            elif tag in ("th", "td") and self.rows:
                self.rows[-1].append(text)

    def handle_data(self, data):
        if self._hidden:
            return
        self._text.append(data)
        for _, parts in self._open:
            parts.append(data)

    def heading_texts(self, level):
        return [text for found, text in self.headings if found == level]


def page_of(response):
    return Page(response.content.decode())
