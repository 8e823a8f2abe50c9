"""Template tags that build HTML in Python (bureaus.templatetags): escaped as the template engine would."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from bureaus.pages.filters import BureauFilter
from bureaus.templatetags.listing import filter_fields, html_of


def test_html_of_escapes_text_and_keeps_what_is_marked_safe():
    assert html_of('<b>"Jinpu" & Co</b>') == "&lt;b&gt;&quot;Jinpu&quot; &amp; Co&lt;/b&gt;"
    assert html_of(mark_safe("<mark>Jinpu</mark>")) == "<mark>Jinpu</mark>"
    assert html_of(2024) == "2024"


def test_html_of_writes_lazy_text_in_the_active_language():
    label = gettext_lazy("All provinces")
    with override("zh-hans"):
        assert html_of(label) == "全部省份"
    with override("en"):
        assert html_of(label) == "All provinces"


def test_filter_fields_escape_what_the_visitor_typed_and_point_at_errors(db):
    filters = BureauFilter({"q": '"><script>alert(1)</script>', "founded_from": "<b>soon</b>"})
    assert not filters.is_valid()
    html = filter_fields(filters.form, {})
    assert "<script>" not in html and "<b>" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert 'aria-invalid="true" aria-describedby="id_founded_from-error"' in html
    assert '<p class="error" id="id_founded_from-error">Enter a number.</p>' in html
    assert '<select name="city" id="id_city"><option value="">All cities</option></select>' in html
