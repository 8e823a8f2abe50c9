"""/sitemap.xml: the public pages and every published bureau's profile."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from bureaus.models import Bureau


class BureauSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Bureau.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, bureau):
        return bureau.updated_at


class PageSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ["home", "bureaus:list", "statistics", "api:docs"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, "bureaus": BureauSitemap}
