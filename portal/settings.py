"""
Settings for the District Education Bureau Portal.

One settings module for every environment. Everything that differs between a
developer's laptop and production is read from the environment:

DJANGO_DEBUG          "1"/"true" turns debug on. Off by default: production is the safe default.
DJANGO_SECRET_KEY     required when debug is off; a fixed development key is used only in debug.
DJANGO_ALLOWED_HOSTS  comma-separated host names; defaults to localhost names.
DJANGO_HTTPS          "0" only to try production settings over plain http on this machine.
DATABASE_URL          e.g. postgres://user:pass@host:5432/db; defaults to SQLite in db.sqlite3.
CACHE_URL             locmem:// (default), redis://host:6379/0 or memcached://host:11211.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from bureaus.vocabulary import MAX_ITEMS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production settings need a secret key from the "
            "environment; for local development set DJANGO_DEBUG=1 (make run does)."
        )
    # Only ever used with DEBUG on, never in production.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # Django's admin, with the portal's admin site (portal/admin_site.py).
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    # Login protection: repeated failed admin logins lock that username at that address out for a while.
    "axes",
    # Revisions of a bureau with its inlines: history, comparison and revert in the admin.
    "reversion",
    "bureaus",
    # make bench: the benchmark command and the synthetic documents it measures with.
    "benchmarks",
]

MIDDLEWARE = [
    # Security first: the HTTPS redirect and its headers apply to every answer, cached or not.
    "django.middleware.security.SecurityMiddleware",
    # Then a cached page for a visitor without a session is returned at once, with the headers the
    # middleware below added when it was first made. The cache validates the Host header itself and
    # keys on scheme and host, so no request can poison another host's pages (bureaus.cache).
    "bureaus.pages.cache.AnonymousPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the URL's: /zh-hans/… in Chinese, everything else in English (portal/urls.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
# After AXES_FAILURE_LIMIT failed logins for one username from one address, that pair is locked out for
# AXES_COOLOFF_TIME hours; after AXES_USERNAME_FAILURE_LIMIT failures for one username from any addresses,
# that username is, at every address (portal/lockout.py). Each lockout is logged (logger "axes"). Lift one
# early with "manage.py axes_reset_username USERNAME" (or axes_reset_ip ADDRESS, or axes_reset for all).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_USERNAME_FAILURE_LIMIT = int(os.environ.get("AXES_USERNAME_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # the lockouts are still logged; not the start-up banner
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_HANDLER = "portal.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "portal.lockout.client_address"
# How many proxies in front append to X-Forwarded-For (1 behind the TLS proxy); 0 believes no such header.
# Not named AXES_PROXY_COUNT in here: axes would take it for its old django-ipware setting and warn.
PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0"))
# Admin sessions end after eight hours, or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_HOURS", "8")) * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bureaus.pages.context.site_links",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, which also keeps the query planner's statistics current (portal/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "portal.sqlite"
    # Concurrent admin saves wait for each other instead of failing with "database is locked":
    # a write-ahead log lets readers go on during a write, IMMEDIATE takes the write lock at
    # the start of a transaction (so waiting is possible), and the timeout is how long to wait.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url):
    """CACHE_URL: locmem:// (default), redis://host:6379/0, memcached://host:11211, or dummy://."""
    scheme, _, location = url.partition("://")
    backends = {
        "locmem": "django.core.cache.backends.locmem.LocMemCache",
        "redis": "django.core.cache.backends.redis.RedisCache",
        "rediss": "django.core.cache.backends.redis.RedisCache",
        "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
        "dummy": "django.core.cache.backends.dummy.DummyCache",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"CACHE_URL must start with one of {', '.join(backends)}; it is {url!r}.")
    location = url if scheme.startswith("redis") else location
    return {"BACKEND": backends[scheme], "LOCATION": location or "portal"}


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "locmem://portal"))}
# Pages for anonymous visitors, kept until the content changes (see bureaus.cache) or this many seconds.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The interface in English and Simplified Chinese; catalogues in locale/, compiled at install
# (manage.py compile_catalogues). Facts stay as their source documents give them.
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# JSON fixtures as Django reads them, but refusing a JSON object or list given for a text field
# (Django would store its Python repr as the text).
SERIALIZATION_MODULES = {
    "json": "bureaus.management.formats.json",
    "jsonl": "bureaus.management.formats.jsonl",
}

# Security: Django's own protections, switched fully on outside debug.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Production is served over HTTPS (behind a proxy that sets X-Forwarded-Proto). DJANGO_HTTPS=0 is for
# trying the production set-up on plain http://127.0.0.1 (make serve); never set it on a public server.
HTTPS = env_bool("DJANGO_HTTPS", default=not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content Security Policy (django-csp): only this site's own scripts, styles and images; no inline
# script or style at all. (The JSON-LD block on profiles is data, which browsers do not run.)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "portal.logging.JSONFormatter"},
    },
    "handlers": {
        # Production logs are structured (one JSON object per line); a developer's terminal gets plain lines.
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("DJANGO_LOG_FORMAT", "plain" if DEBUG else "json"),
        },
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

BUREAUS_PER_PAGE = 25

# Search: "tantivy" (an index in each process's memory, kept current from the database) or "database"
# (the database's own full-text search, which also answers whenever tantivy is missing or fails).
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "tantivy").strip().lower()
if SEARCH_ENGINE not in ("tantivy", "database"):
    raise ImproperlyConfigured(f"SEARCH_ENGINE must be 'tantivy' or 'database', not {SEARCH_ENGINE!r}.")

# Form bodies (not counting uploaded files) up to 4 MB reach the forms, so that pasting a document
# over the importer's 1 MB limit gets a form error that gives its size, not a bare 400 page.
DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024

# The admin saves a bureau with all its items on one form, and must take the largest bureau the
# importer makes (MAX_ITEMS items). Each item is a row of at most ADMIN_FIELDS_PER_ITEM fields (a
# department's or duty's seven columns, its name and text in two languages among them, its id, its bureau
# and its "delete" box); around them come about
# 100 more (the bureau's own, each inline's management form and blank row, the cited facts) and 2 per
# source document. Django's default of 1,000 refused a bureau of 110 to 140 items, by their kind.
# tests/test_admin.py saves a bureau at the cap, and checks no item's row is wider than this.
ADMIN_FIELDS_PER_ITEM = 10
DATA_UPLOAD_MAX_NUMBER_FIELDS = MAX_ITEMS * ADMIN_FIELDS_PER_ITEM + 1000
