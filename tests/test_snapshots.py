"""Profile snapshots: rendered once per bureau version, re-rendered for that bureau only when it changes."""

import pytest
from django.core.cache import cache
from django.test import Client

from bureaus import publishing
from bureaus.models import Bureau, ProfileSnapshot
from bureaus.pages import snapshots

from .factories import working_copy

pytestmark = pytest.mark.django_db


def visit(bureau):
    cache.clear()  # the page cache would answer before the snapshot is read
    response = Client().get(bureau.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_publishing_renders_again_only_the_published_bureaus_snapshot(seed_data):
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    changchun = Bureau.objects.get(slug="changchun-new-district")
    visit(heping), visit(changchun)
    before = dict(ProfileSnapshot.objects.values_list("bureau_id", "page_version"))
    copy = working_copy(heping)
    copy.summary = "A summary only the new snapshot has."
    copy.save()
    assert "A summary only the new snapshot has." not in visit(heping)
    publishing.publish(copy, None)
    assert "A summary only the new snapshot has." in visit(heping)
    assert "A summary only the new snapshot has." not in visit(changchun)
    after = dict(ProfileSnapshot.objects.values_list("bureau_id", "page_version"))
    assert after[changchun.pk] == before[changchun.pk] and after[heping.pk] > before[heping.pk]


def test_a_release_that_changes_the_templates_renders_every_snapshot_again(seed_data, monkeypatch):
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    visit(heping)
    ProfileSnapshot.objects.update(html="<p>Rendered by an older release</p>")
    assert "older release" in visit(heping)  # same fingerprint: the stored body is used as it is
    monkeypatch.setattr(snapshots, "fingerprint", lambda: "a-new-release")
    page = visit(heping)
    assert "older release" not in page and "Shenyang Zhongyuan District Education Bureau" in page
    assert ProfileSnapshot.objects.get(bureau=heping).built_with == "a-new-release"


def test_the_public_profile_is_the_live_one(staff_client, seed_data):
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    public = visit(heping)
    live = staff_client.get(heping.get_absolute_url()).content.decode()
    start = '<article class="profile"'
    assert (
        public[public.index(start) : public.index("</article>")] == live[live.index(start) : live.index("</article>")]
    )
    assert ProfileSnapshot.objects.count() == 1  # staff previews never store one
    assert '"url": "http://testserver/bureaus/shenyang-heping-district/"' in public  # schema.org, per request


def test_render_snapshots_renders_the_missing_and_outdated_ones_only(seed_data):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("render_snapshots", stdout=out)
    # Three bureaus, each in English and Chinese.
    assert "6 profile snapshot(s) rendered" in out.getvalue() and ProfileSnapshot.objects.count() == 6
    Bureau.objects.filter(slug="changchun-new-district").update(summary_en="Changed")  # moves its page version
    call_command("render_snapshots", stdout=out)
    assert "2 profile snapshot(s) rendered" in out.getvalue()
    assert "Changed" in ProfileSnapshot.objects.get(bureau__slug="changchun-new-district", language="zh-hans").html


def list_page(url="/bureaus/"):
    cache.clear()
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_result_cards_are_read_from_the_snapshots_and_follow_each_change(seed_data):
    list_page()
    cards = dict(ProfileSnapshot.objects.filter(language="en").values_list("bureau__slug", "card_html"))
    assert len(cards) == 3 and "Heping District Education Bureau" in cards["shenyang-heping-district"]
    # The stored card is what the list shows: change it behind the page's back, and the page shows it.
    ProfileSnapshot.objects.filter(bureau__slug="shenyang-heping-district", language="en").update(
        card_html=cards["shenyang-heping-district"].replace("Heping District", "Stored Card")
    )
    assert "Stored Card Education Bureau" in list_page()
    # An edit moves the bureau's page version: its card is rendered again, the others are kept.
    Bureau.objects.filter(slug="shenyang-heping-district").update(name_en="Renamed Heping Bureau")
    page = list_page()
    assert "Renamed Heping Bureau" in page and "Stored Card" not in page
    assert (
        ProfileSnapshot.objects.get(bureau__slug="changchun-new-district", language="en").card_html
        == (cards["changchun-new-district"])
    )


def test_result_cards_are_in_the_page_language_with_the_search_snippet_in_place(seed_data):
    chinese = list_page("/zh-hans/bureaus/?q=kindergarten")
    assert "个科室" in chinese  # the card's facts in Chinese ("列出 6 个科室")
    assert '<p class="snippet">' in chinese and "<mark>" in chinese
    assert snapshots.SNIPPET_MARKER not in chinese
    english = list_page("/bureaus/")
    assert "departments listed" in english and '<p class="snippet">' not in english
    assert snapshots.SNIPPET_MARKER not in english


def test_a_snapshot_never_shows_a_bureau_that_is_no_longer_published(seed_data):
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    visit(heping)  # stores its snapshot
    Bureau.objects.filter(pk=heping.pk).update(is_published=False)  # the snapshot row stays behind
    cache.clear()
    assert Client().get(heping.get_absolute_url()).status_code == 404


def test_a_snapshot_of_an_older_version_is_not_served(seed_data):
    heping = Bureau.objects.get(slug="shenyang-heping-district")
    visit(heping)
    ProfileSnapshot.objects.update(html="<p>Rendered for an older version</p>")
    Bureau.objects.filter(pk=heping.pk).update(page_version=heping.page_version + 1)
    page = visit(heping)
    assert "older version" not in page and "Shenyang Zhongyuan District Education Bureau" in page
