"""Sitemap, robots.txt, structured data and link previews."""

import json
import re

import pytest

from .factories import BureauFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_profiles_only(client, seed_data):
    BureauFactory(slug="draft-one", draft=True)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/bureaus/shenyang-heping-district/</loc>" in xml
    assert "draft-one" not in xml
    assert "<lastmod>" in xml
    assert "/statistics/</loc>" in xml


def test_robots_points_at_the_sitemap_and_keeps_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_profile_has_schema_org_json_ld(client, seed_data):
    page = client.get("/bureaus/shenyang-heping-district/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Shenyang Heping District Education Bureau"
    assert data["foundingDate"] == "1994"
    assert data["address"]["addressRegion"] == "Liaoning"
    assert len(data["department"]) == 7
    assert {"@type": "PropertyValue", "name": "kindergartens", "value": 6} in data["additionalProperty"]


def test_json_ld_cannot_break_out_of_its_script(client):
    bureau = BureauFactory(name="</script><script>alert(1)</script>")
    page = client.get(bureau.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page
    assert "\\u003c/script\\u003e" in page


def test_canonical_url_and_open_graph(client, seed_data):
    page = client.get("/bureaus/shenyang-heping-district/?utm=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/bureaus/shenyang-heping-district/">' in page
    assert '<meta property="og:title" content="Shenyang Heping District Education Bureau">' in page
    assert '<meta property="og:url" content="http://testserver/bureaus/shenyang-heping-district/">' in page
