"""
Whole-page caching for anonymous visitors, invalidated the moment content changes.

A bureau's own pages (profile, source, JSON, API record) are keyed by that bureau's
``page_version``; every other page (lists, home, statistics, facets, API collections)
by the site's content version (``ContentVersion``). The content seam moves both, so
publishing one bureau leaves every other profile cached. Reading the version costs one
indexed query; in exchange no server ever serves a page older than the data, whether
the cache is this process's memory or Redis/Memcached shared by several servers. Anyone with a session (logged-in staff) always gets fresh pages, and so
does anything that sets a cookie, streams, or is not a plain successful GET.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connection
from django.urls import Resolver404, resolve

from bureaus import search
from bureaus.models import Bureau, ContentVersion

CACHE_HEADER = "X-Page-Cache"


def page_key(request, version):
    # The version holds the time of the change too: a restored backup or a rolled-back
    # transaction can bring back an old number, never an old (number, time) pair.
    # Hashed: memcached keys may not contain spaces or be long, and the version holds a timestamp.
    # The absolute URI holds scheme and host: pages carry absolute links (canonical, og:url, JSON-LD,
    # the sitemap, API paging), so one host's page must never answer another's. Building it calls
    # get_host(), which refuses a host not in ALLOWED_HOSTS (a 400) before the cache is read.
    digest = hashlib.sha256(f"{version}|{request.method}|{request.build_absolute_uri()}".encode()).hexdigest()
    return f"page:{digest}"


class AnonymousPageCacheMiddleware:
    """Sits right after SecurityMiddleware: a visitor without a session cookie is anonymous, so a cached
    page (stored with the headers the other middleware gave it) is returned before the rest runs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = caches[settings.PAGE_CACHE_ALIAS]
        self.timeout = settings.PAGE_CACHE_SECONDS
        static = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else f"/{settings.STATIC_URL}"
        self.uncached_prefixes = ("/admin/", static)

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        version = self.version_read_first(request)
        key = page_key(request, version)
        response = self.cache.get(key)
        if response is not None:
            response[CACHE_HEADER] = "hit"
            return response
        # The search index checks itself against the content version read for this key: no query of its own.
        noted = search.noted_content_version.set(None if version.startswith("bureau:") else version)
        try:
            response = self.get_response(request)
        finally:
            search.noted_content_version.reset(noted)
        if self.cacheable_response(request, response):
            self.cache.set(key, response, self.timeout)
        response[CACHE_HEADER] = "miss"
        return response

    def version_read_first(self, request):
        """``version_of``, read as the request's first query, which is also its persistent connection's health
        check: CONN_HEALTH_CHECKS would first spend a round trip on "SELECT 1", on PostgreSQL as long as a
        cached page's whole other work. A connection the server dropped (a restart) fails this read as it
        would fail that check: it is closed and the read made again on a new one, as the check would."""
        connection.health_check_done = True  # Django's own flag for "checked in this request"
        try:
            return self.version_of(request)
        except (InterfaceError, OperationalError):
            if connection.in_atomic_block:
                raise
            connection.close()
            return self.version_of(request)

    # The pages that show one bureau and nothing of the others, by URL name.
    BUREAU_PAGES = frozenset({"bureaus:detail", "bureaus:detail-json", "bureaus:source", "api:bureau-detail"})

    def version_of(self, request):
        """What the page's content depends on: its bureau's page version, or the site's content version."""
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        if match is None or match.view_name not in self.BUREAU_PAGES:
            return ContentVersion.cache_key_part()
        table = Bureau._meta.db_table
        with connection.cursor() as cursor:
            # Published or not: a withdrawn bureau's page version moves too, so its cached page goes.
            cursor.execute(f"SELECT id, page_version FROM {table} WHERE slug = %s", [match.kwargs["slug"]])
            row = cursor.fetchone()
        return f"bureau:{row[0]}:{row[1]}" if row else "bureau:none"

    def cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.uncached_prefixes)
            and "HTTP_IF_NONE_MATCH" not in request.META  # conditional requests are answered by the view
            and "HTTP_IF_MODIFIED_SINCE" not in request.META
        )

    @staticmethod
    def cacheable_response(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not getattr(request, "_messages", None)
            and "private" not in response.get("Cache-Control", "")
        )
