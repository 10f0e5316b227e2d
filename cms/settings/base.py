"""Settings shared by every environment.

Every secret and every deployment-specific value is read from the environment
(see README, "Configuration"). Nothing here reads a database or the network.
"""

import os
from pathlib import Path

import dj_database_url

from languages import registry as language_registry
from search.conf import search_backends
from translations.machine import settings_from_env as machine_translator_from_env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps, one per capability.
    "languages",
    "core",
    "taxonomy",
    "home",
    "stories",
    "workshops",
    "search",
    "translations",
    "printing",
    "syndication",
    "demo",
    "benchmarks",
    "visitors",
    "publiccache",
    # wagtail-localize replaces wagtail.locales
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # ETag + 304 for every response, cached or not; then the anonymous page cache.
    "django.middleware.http.ConditionalGetMiddleware",
    "publiccache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.LocaleMiddleware",  # Django's, with /xx/ as a 404
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # 403 for translators acting outside their languages (translations/NOTES.md)
    "translations.middleware.LocaleGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "languages.context_processors.language",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL, or an SQLite file under var/ (the embedded default).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DATABASES["default"].setdefault("TEST", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# ENABLED_LANGUAGES="en,hi,ta" narrows the content locales; all 23 by default.
CONTENT_LANGUAGES = language_registry.enabled(os.environ.get("ENABLED_LANGUAGES"))
LANGUAGE_CODE = language_registry.DEFAULT_CODE
LANGUAGES = [(language.code, language.name) for language in CONTENT_LANGUAGES]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Kolkata"
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media --------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = os.environ.get("STATIC_URL", "/static/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Background tasks (django-tasks) -------------------------------------------
# The database backend is the default: `python manage.py db_worker` runs the
# queue. Tests switch to the immediate backend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks_db.DatabaseBackend"
        ),
    }
}

# --- Cache ---------------------------------------------------------------------
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "odop",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
# Production settings require a cache shared by every process (core.checks).
SHARED_CACHE_REQUIRED = False

# Full-page cache for anonymous readers (publiccache); 0 turns it off.
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "300"))
# The cache holding pages, per-page data and the content generation: shared
# by every process (Redis) in production.
PUBLIC_PAGE_CACHE_ALIAS = "default"

# CDN purge on publish (wagtail.contrib.frontend_cache), configured only when
# the environment names a CDN: Cloudflare, or any cache that accepts PURGE.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "ODOP Success Stories"
# The public origin readers use (scheme, host, port; no path), e.g.
# https://odop.example.gov.in. Every absolute URL is built from it (core.site),
# and `migrate` writes it into the Wagtail Site record.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Embedded default (SQLite FTS5 with an Indic tokenizer, or PostgreSQL "simple"),
# or Elasticsearch/OpenSearch when SEARCH_URL is set: see search/conf.py.
WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Huge images are refused at upload with a message naming the limit.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "bmp": "png", "heic": "jpeg"}
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Print PDFs (printing app) -------------------------------------------------
# News box geometry: N columns of COLUMN_MM with GUTTER_MM between them.
PRINT_NEWSBOX_COLUMNS = int(os.environ.get("PRINT_NEWSBOX_COLUMNS", "3"))
PRINT_NEWSBOX_COLUMN_MM = float(os.environ.get("PRINT_NEWSBOX_COLUMN_MM", "40"))
PRINT_NEWSBOX_GUTTER_MM = float(os.environ.get("PRINT_NEWSBOX_GUTTER_MM", "4"))
# CMYK profile for the PDF/X OutputIntent and photo separation. Empty: Ghostscript's
# "Artifex CMYK SWOP Profile" (Debian libgs-common). Point it at ISOnewspaper26v4.icc for newsprint.
PRINT_ICC_PROFILE = os.environ.get("PRINT_ICC_PROFILE", "")
PRINT_IMAGE_DPI = int(os.environ.get("PRINT_IMAGE_DPI", "240"))  # 200-300 for the placed size
PRINT_MAX_ATTEMPTS = int(os.environ.get("PRINT_MAX_ATTEMPTS", "3"))

# --- Machine translation -----------------------------------------------------------
# Off unless MT_BACKEND=libretranslate|bhashini (with MT_URL, MT_API_KEY,
# MT_SERVICE_ID for Bhashini). See translations/NOTES.md.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ)

# Per-page data (alternates, navigation, related stories) kept between
# renders, forgotten on publish like the page cache; 0 turns it off.
PUBLIC_DATA_CACHE_SECONDS = int(os.environ.get("PUBLIC_DATA_CACHE_SECONDS", "300"))
