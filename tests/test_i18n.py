"""English and Simplified Chinese: the language in the URL, a switch on every page, a complete catalogue."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from bureaus.models import ProfileSnapshot

from .dom import Page

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
PAGES = ["/", "/bureaus/", "/bureaus/shenyang-heping-district/", "/bureaus/shenyang-heping-district/source/",
         "/statistics/", "/compare/"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_in_both_languages_with_a_switch_and_hreflang_links(client, seed_data, path):
    english, chinese = client.get(path).content.decode(), client.get(f"/zh-hans{path}").content.decode()
    assert '<html lang="en">' in english and '<html lang="zh-hans">' in chinese
    for page in (english, chinese):
        assert f'hreflang="en" href="http://testserver{path}"' in page
        assert f'hreflang="zh-hans" href="http://testserver/zh-hans{path}"' in page
    assert f'<a href="/zh-hans{path}" hreflang="zh-hans" lang="zh-hans">简体中文</a>' in english
    assert f'<a href="{path}" hreflang="en" lang="en">English</a>' in chinese
    assert "区县教育局门户" in chinese and "District Education Bureau Portal" not in chinese.split("<main")[0]
    # The frame's links stay in the page's language (worked out once per language, not per request).
    assert '<a href="/zh-hans/statistics/"' in chinese and '<a href="/statistics/"' in english
    assert 'action="/zh-hans/bureaus/"' in chinese or path in ("/", "/bureaus/")  # the header's search box


def test_the_chinese_pages_speak_chinese(client, seed_data):
    home = Page(client.get("/zh-hans/").content.decode())
    assert home.headings[:2] == [(1, "中国区县教育局"), (2, "数据概览")]
    assert home.terms["学校和幼儿园"] == "28 (由 1 个教育局报告)"
    profile = Page(client.get("/zh-hans/bureaus/changchun-new-district/").content.decode())
    assert profile.terms["学校和幼儿园"] == "未报告" and profile.terms["科室和单位"] == "以来源所列为准"
    listing = client.get("/zh-hans/bureaus/", {"q": "沈阳"}).content.decode()
    assert "找到 1 个与“沈阳”匹配的教育局" in listing
    assert '<a href="/zh-hans/bureaus/shenyang-heping-district/">' in listing  # links stay in the language


def test_the_query_is_kept_when_switching_language(client, seed_data):
    page = client.get("/bureaus/", {"province": "Liaoning", "q": "office"}).content.decode()
    assert '<a href="/zh-hans/bureaus/?province=Liaoning&amp;q=office" hreflang="zh-hans"' in page


def test_each_language_has_its_own_snapshot_and_cached_page(client, seed_data):
    english = client.get("/bureaus/shenyang-heping-district/").content.decode()
    chinese = client.get("/zh-hans/bureaus/shenyang-heping-district/")
    assert chinese["X-Page-Cache"] == "miss"  # not the English page from the cache
    assert "主要信息" in chinese.content.decode() and "Key facts" in english
    assert sorted(ProfileSnapshot.objects.values_list("language", flat=True)) == ["en", "zh-hans"]


def test_the_catalogue_is_complete_and_keeps_every_placeholder():
    catalogue = polib.pofile(str(CATALOGUE))
    assert not catalogue.untranslated_entries() and not catalogue.fuzzy_entries()
    placeholder = re.compile(r"%\(\w+\)[sd]|<a href=\"%\(\w+\)s\">")
    for entry in catalogue:
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for translation in translations:
            assert sorted(placeholder.findall(translation)) == sorted(placeholder.findall(entry.msgid)), entry.msgid


def test_compile_catalogues_writes_mo_files_and_refuses_a_broken_catalogue(tmp_path, settings):
    good = tmp_path / "good" / "zh_Hans" / "LC_MESSAGES"
    good.mkdir(parents=True)
    (good / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Home"\nmsgstr "首页"\n'
    )
    settings.LOCALE_PATHS = [tmp_path / "good"]
    call_command("compile_catalogues", stdout=None)
    assert polib.mofile(str(good / "django.mo")).find("Home").msgstr == "首页"

    broken = tmp_path / "broken" / "zh_Hans" / "LC_MESSAGES"
    broken.mkdir(parents=True)
    (broken / "django.po").write_text("this is not { a catalogue\n")
    settings.LOCALE_PATHS = [tmp_path / "broken"]
    with pytest.raises(CommandError, match="cannot be read as a catalogue"):
        call_command("compile_catalogues")
    settings.LOCALE_PATHS = [tmp_path / "nothing"]
    with pytest.raises(CommandError, match="No catalogue found"):
        call_command("compile_catalogues")


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/en/", "/"),
        ("/en/bureaus/?q=kindergarten&province=Liaoning", "/bureaus/?q=kindergarten&province=Liaoning"),
        ("/en/bureaus/shenyang-heping-district/", "/bureaus/shenyang-heping-district/"),
        ("/en//evil.example/", "/evil.example/"),  # stays on this site
        ("/en/%5Cevil.example/", "/%5Cevil.example/"),  # an escaped backslash: a path here, not a host
    ],
)
def test_an_english_address_with_the_language_prefix_leads_to_the_english_page(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


def test_the_prefixed_english_address_ends_on_the_english_page(client, seed_data):
    response = client.get("/en/bureaus/shenyang-heping-district/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/bureaus/shenyang-heping-district/", 301)]
    assert '<html lang="en">' in response.content.decode()


def test_institution_types_are_named_in_the_page_language(client, seed_data):
    pages = {
        "facet": "/bureaus/",
        "profile": "/bureaus/shenyang-heping-district/",
        "statistics": "/statistics/",
        "compare": "/compare/?b=shenyang-heping-district&b=changchun-new-district",
    }
    for name, path in pages.items():
        english, chinese = client.get(path).content.decode(), client.get(f"/zh-hans{path}").content.decode()
        assert "幼儿园" not in english.split("<main")[1] and "Kindergartens" in english, name
        assert "Kindergartens" not in chinese and "幼儿园" in chinese, name
    assert '<option value="kindergarten">幼儿园 (1)</option>' in client.get("/zh-hans/bureaus/").content.decode()
    # Open data carries the Chinese name beside the English ones.
    kindergarten = next(
        row for row in client.get("/api/statistics/").json()["by_type"] if row["type"] == "kindergarten"
    )
    assert (kindergarten["plural"], kindergarten["chinese_name"]) == ("kindergartens", "幼儿园")
    assert "chinese_name" in client.get("/statistics/types.csv").content.decode().splitlines()[0]


def test_the_filters_speak_the_page_language_whichever_language_came_first(client, seed_data):
    # The filter form is built once per process: its labels must still follow each request's language.
    for path, label, empty in [
        ("/zh-hans/bureaus/", "省份", "全部省份"),
        ("/bureaus/", "Province", "All provinces"),
        ("/zh-hans/bureaus/", "省份", "全部省份"),
    ]:
        page = client.get(path).content.decode()
        assert f'<label for="id_province">{label}</label>' in page
        assert f'<option value="">{empty}</option>' in page


@pytest.mark.parametrize("debug", [False, True])
def test_the_menu_marks_the_page_and_speaks_its_language_once_rendered_for_another(client, seed_data, settings, debug):
    # The menu and footer are rendered once per language and kind of page (bureaus.templatetags.frame).
    settings.DEBUG = debug
    for path, current in [
        ("/zh-hans/statistics/", '<a href="/zh-hans/statistics/" aria-current="page">统计</a>'),
        ("/statistics/", '<a href="/statistics/" aria-current="page">Statistics</a>'),
        ("/bureaus/", '<a href="/bureaus/" aria-current="page">Bureaus</a>'),
        ("/zh-hans/", '<a href="/zh-hans/" aria-current="page">首页</a>'),
        ("/zh-hans/bureaus/shenyang-heping-district/", None),
    ]:
        menu = client.get(path).content.decode().split("<nav aria-label=")[1].split("</nav>")[0]
        assert menu.count('aria-current="page"') == (1 if current else 0)
        assert current is None or current in menu
    footer = client.get("/zh-hans/bureaus/").content.decode().split('<footer class="site-footer">')[1]
    assert "数据可自由使用" in footer and '<a href="/api/">' in footer
